"""The drawing context: fonts, text measures, halos, the view's pixel transforms, and
what :func:`ranges.render.save` reads from a figure."""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyproj
from matplotlib import patheffects, rcParams
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import PathPatch

from ..scenario import (
    Scenario,
)
from .size import SCREEN_DPI, Size
from .words import _FONT, _TEXT

_VECTOR_LOCK = threading.Lock()  # rcParams are process-wide

#: Text extents as the measuring renderer gives them (px at SCREEN_DPI), by
#: text and font, shared by every map this process draws: the layout passes of
#: one map, the maps of a ``batch`` and the dashboard's previews measure the
#: same words again and again, at about 0.3 ms each.  Emptied when it grows
#: past :data:`_EXTENTS_MAX` entries (titles typed into the dashboard).
_EXTENTS: dict[tuple, tuple[float, float]] = {}
_EXTENTS_MAX = 50_000


def _font_key(prop: FontProperties) -> tuple:
    """What the extent of a text depends on besides the text itself."""
    return (tuple(prop.get_family()), prop.get_size_in_points(), prop.get_weight(),
            prop.get_style(), prop.get_variant(), prop.get_stretch(), prop.get_file(),
            rcParams["text.hinting"], rcParams["text.hinting_factor"])  # fmt: skip


@dataclass(eq=False)
class _Meta:
    """What :func:`save` needs from a figure made by :func:`render_figure`."""

    scenario: Scenario
    title: str
    alt: str
    lang: str
    halo: str
    centre: tuple[float, float] = (0.0, 0.0)  # lon, lat of the projection and map centre
    halo_pt: float = 2.4
    halo_texts: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    size: str = ""  # "WxH@DPI", embedded so that a redrawn map keeps its size


class _Ctx:
    def __init__(self, fig: Figure, size: Size, theme: dict, lang: str, sit=None, bands=()):
        self.fig = fig
        self.sit = sit  # ranges.exports.Situation: the date, the occupied area, the decisions
        self.bands = bands  # (weapon index, reported-range outline), see _bands
        # What the map shows of the situation layers (set by the first layout pass,
        # read by a key laid out in the header before the map is drawn).
        self.shown: dict[str, Any] = {"occupied": True, "bands": {i for i, _ in bands}}
        self.size = size
        self.theme = theme
        self.lang = lang
        self.t = _TEXT[lang]
        self.renderer = fig.canvas.get_renderer()
        self._measurer = RendererAgg(8, 8, SCREEN_DPI)
        self.W, self.H = float(size.width_px), float(size.height_px)
        # Type and line sizes grow a little with the page so that square,
        # portrait and print maps read like the 8-inch web map.
        area_in2 = size.width_in * size.height_in
        self.s = min(1.3, max(0.65, math.sqrt(area_in2 / 36.0)))
        self.px_per_pt = size.dpi / 72.0
        # One pixel of the 150-dpi web layout, in this image's pixels: distances
        # between labels scale with it, so @2x is the same map, sharper.
        self.u = self.s * size.dpi / SCREEN_DPI
        self.halo_texts: list = []
        self.centre = (0.0, 0.0)
        self.site_points: list[tuple[float, float, str]] = []  # launch points, px
        self.note_rings: list = []  # per note: (px, py, radius px) or None outside the map
        # What the map could not show as asked, said in words (render.figure_warnings).
        self.warnings: list[str] = []
        # User targets (rows of result.targets) whose name found no room: the
        # first pass records them, the next numbers them and lists them in the key.
        self.unnamed: list[int] = []
        # Callouts (indices of scenario.notes) whose box found no room: numbered next time.
        self.unplaced_notes: list[int] = []
        # The key's box in the map (px), and whether a callout without room would
        # have had some without the key: only then is a compact key worth a layout.
        self.key_box: tuple | None = None
        self.key_blocks_notes = False
        self._sizes: dict[tuple, tuple[float, float]] = {}

    # fonts and measures ------------------------------------------------
    def font(self, size_pt: float, weight: str = "normal", style: str = "normal"):
        return FontProperties(family=_FONT, size=size_pt * self.s, weight=weight, style=style)

    def measure(self, text: str, prop: FontProperties) -> tuple[float, float]:
        """Width and height (px) of text as matplotlib lays it out (lines at its
        default spacing of 1.2)."""
        if "\n" in text:
            sizes = [self.measure(line, prop) for line in text.split("\n")]
            h = sizes[0][1] + sum(s[1] for s in sizes[1:]) * 1.2
            return max(s[0] for s in sizes), h
        font = (prop.get_size_in_points(), prop.get_weight(), prop.get_style())
        key = (text, *font)
        hit = self._sizes.get(key)
        if hit is not None:
            return hit
        # Measured at the web layout's resolution and scaled, so that hinting
        # at another resolution does not change which labels fit (@2x is the
        # same map as 1x).
        k = self.size.dpi / SCREEN_DPI
        fkey = _font_key(prop)
        w, h = self._extent(text, prop, fkey)
        lh = self._extent("lp", prop, fkey)[1]
        hit = self._sizes[key] = (w * k, max(h, lh) * k)
        return hit

    def _extent(self, text: str, prop: FontProperties, fkey: tuple) -> tuple[float, float]:
        """Width and height of one line at SCREEN_DPI, from :data:`_EXTENTS` or measured."""
        hit = _EXTENTS.get((text, fkey))
        if hit is None:
            if len(_EXTENTS) >= _EXTENTS_MAX:
                _EXTENTS.clear()
            w, h, _ = self._measurer.get_text_width_height_descent(text, prop, ismath=False)
            hit = _EXTENTS[(text, fkey)] = (w, h)
        return hit

    def wrap(
        self, text: str, prop: FontProperties, width_px: float, *, balance: bool = False
    ) -> list[str]:
        """Greedy word wrap to ``width_px``; ``balance`` evens out the line lengths."""
        lines = self._wrap(text, prop, width_px)
        if balance and len(lines) > 1 and "\n" not in text:
            lo, hi = 0.4 * width_px, width_px
            for _ in range(10):  # narrowest width that needs no more lines
                mid = (lo + hi) / 2
                if len(self._wrap(text, prop, mid)) > len(lines):
                    lo = mid
                else:
                    hi = mid
            lines = self._wrap(text, prop, hi)
        return lines

    def _wrap(self, text: str, prop: FontProperties, width_px: float) -> list[str]:
        # Word widths are measured once; a line is as wide as its words and
        # spaces (kerning across a space is nil), so wrapping costs no layout.
        space = self.measure("x x", prop)[0] - self.measure("xx", prop)[0]
        lines: list[str] = []
        for para in text.split("\n"):
            line, line_w = "", 0.0
            for word in para.split(" "):  # not at no-break spaces
                if not word:
                    continue
                w = self.measure(word, prop)[0]
                if line and line_w + space + w > width_px:
                    lines.append(line)
                    line, line_w = word, w
                else:
                    line_w = line_w + space + w if line else w
                    line = f"{line} {word}" if line else word
            lines.append(line)
        return lines

    def halo(self, text_artist, width_pt: float = 2.4) -> None:
        text_artist.set_path_effects(
            [patheffects.withStroke(linewidth=width_pt * self.s, foreground=self.theme["halo"])]
        )
        if text_artist not in self.halo_texts:
            self.halo_texts.append(text_artist)


def _fig_text(ctx: _Ctx, x_px, y_px, text, prop, color, *, gid, ha="left", va="top"):
    t = ctx.fig.text(
        x_px / ctx.W,
        y_px / ctx.H,
        text,
        fontproperties=prop,
        color=color,
        ha=ha,
        va=va,
        parse_math=False,
        gid=gid,
    )
    return t


class _KeyDoesNotFit(Exception):
    """The key would hide too much of the map: lay out again with it in the header."""


def _margin(ctx: _Ctx) -> float:
    return round(0.028 * min(ctx.W, ctx.H) + 3 * ctx.px_per_pt * ctx.s)


def _set_hatch(patch, ctx: _Ctx) -> None:
    if hasattr(patch, "set_hatch_linewidth"):
        patch.set_hatch_linewidth(0.6 * ctx.s)


def _add(ax, patch):
    """Add a patch without ``add_patch``'s data-limit update (slow for borders, and
    the limits are fixed anyway)."""
    return ax.add_artist(patch)


def _draw_path(ax, path, gid: str, zorder: float, **style) -> None:
    """Add ``path`` as a PathPatch with ``style`` (nothing when it is None:
    the layer has nothing in view)."""
    if path is not None:
        _add(ax, PathPatch(path, zorder=zorder, gid=gid, **style))


@dataclass
class _View:
    ax: Any
    tr: pyproj.Transformer
    centre: tuple[float, float]
    hx: float
    hy: float
    m_per_px: float
    rect: tuple[float, float, float, float]
    llbox: tuple[float, float, float, float]

    def to_px(self, x, y) -> np.ndarray:
        return self.ax.transData.transform(np.column_stack([np.atleast_1d(x), np.atleast_1d(y)]))

    def to_data(self, px, py) -> tuple[float, float]:
        x, y = self.ax.transData.inverted().transform((px, py))
        return float(x), float(y)

    def project_xy(self, lon, lat) -> tuple[np.ndarray, np.ndarray]:
        x, y = self.tr.transform(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))
        return np.asarray(x), np.asarray(y)


_OCCUPIED_HATCH = "\\\\\\"
