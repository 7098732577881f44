"""Static strike-range maps for newsrooms: PNG, SVG and PDF.

:func:`render_figure` draws a :class:`ranges.evaluate.Result` on a
:class:`matplotlib.figure.Figure`: sea, land, region and country borders, the
reach area of each weapon (with its range and any minimum-range hole, and a
dashed ring where the catalog reports a longer range), the Russian-occupied
territory and the front line on the scenario's date, the regions where strikes
are allowed (the key names the decision behind them), launch sites and areas,
the targets that matter (cities above the scenario's population threshold,
the places in the news, airfields in range), the scenario's callout notes, a
title block, a key, a scale bar, the date the map describes ("Situation as of
17 Nov 2024"), the sources with their own dates, the credit and the caveat.
:func:`save` writes PNG, SVG or PDF with the scenario embedded, and
:func:`read_embedded_scenario` reads it back, so an exported map can be
reopened and redrawn.  :func:`alt_text` describes the map for screen readers.

The map is an azimuthal equidistant projection centred on the scene (never
Web Mercator): distances from the centre are true, and the scale bar is exact
there.  Coordinates going in are WGS84 with x = longitude, y = latitude.

Everything uses matplotlib's object-oriented API on the Agg canvas; nothing
touches pyplot's global state, so figures can be drawn in several threads at
once (vector exports take a lock for the few rcParams they need).
"""

from __future__ import annotations

import datetime
import io
import json
import math
import os
import re
import threading
import warnings
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape as _xml_escape

import matplotlib
import numpy as np
import pyproj
import shapely
from matplotlib import patheffects
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch, Rectangle
from matplotlib.path import Path as MplPath
from shapely.geometry.base import BaseGeometry

from . import analysis
from .catalog import sources_line
from .errors import InputError
from .exports import situation
from .geodata import attribution
from .i18n import strings
from .scenario import (
    HELD_NAME,
    OCCUPIED_NAME,
    Scenario,
    ScenarioError,
    check_text,
    scenario_from_json,
)

__all__ = [
    "SIZE_PRESETS",
    "PRINT_PRESETS_MM",
    "THEMES",
    "FORMATS",
    "SCENARIO_KEY",
    "CAVEAT",
    "Size",
    "parse_size",
    "render_figure",
    "save",
    "to_bytes",
    "render_to_file",
    "read_embedded_scenario",
    "alt_text",
    "as_of_text",
    "format_date",
    "sources_text",
]

# --------------------------------------------------------------------------
# Sizes
# --------------------------------------------------------------------------
#: Screen presets: name -> (width px, height px, dpi).  The ``@2x`` variants
#: have the same layout at twice the resolution.
SIZE_PRESETS: dict[str, tuple[int, int, float]] = {
    "web": (1200, 675, 150.0),
    "web@2x": (2400, 1350, 300.0),
    "square": (1080, 1080, 150.0),
    "square@2x": (2160, 2160, 300.0),
    "portrait": (1080, 1350, 150.0),
    "portrait@2x": (2160, 2700, 300.0),
}

#: Print presets: name -> (width mm, height mm), rendered at :data:`PRINT_DPI`.
PRINT_PRESETS_MM: dict[str, tuple[float, float]] = {
    "print-a4": (297.0, 210.0),
    "print-a4-portrait": (210.0, 297.0),
    "print-a3": (420.0, 297.0),
    "print-a3-portrait": (297.0, 420.0),
}

PRINT_DPI = 300.0
#: Resolution of custom ``WxH`` pixel sizes up to 1600 px on the long side;
#: larger images get proportionally more dots per inch, so the layout stays
#: that of a 10-inch page.
SCREEN_DPI = 150.0
MIN_SIDE_PX = 320
MAX_SIDE_PX = 10_000
MAX_PIXELS = 50_000_000
MAX_ASPECT = 3.0
MIN_DPI, MAX_DPI = 50.0, 1200.0

_SIZE_RE = re.compile(
    r"^\s*(\d+(?:\.\d+)?)\s*[x×*]\s*(\d+(?:\.\d+)?)\s*(px|mm)?\s*$", re.IGNORECASE
)


@dataclass(frozen=True)
class Size:
    """An output size: exact pixels and the resolution that sets the layout.

    Attributes
    ----------
    width_px, height_px : int
        Size of PNG output in pixels (exact).
    dpi : float
        Dots per inch; ``width_px / dpi`` is the page width in inches for
        PDF and SVG, and text sizes are in points of that page.
    name : str
        The preset or the text it was parsed from.
    """

    width_px: int
    height_px: int
    dpi: float
    name: str = ""

    @property
    def width_in(self) -> float:
        return self.width_px / self.dpi

    @property
    def height_in(self) -> float:
        return self.height_px / self.dpi


def _check_dpi(dpi: Any, where: str) -> float:
    if isinstance(dpi, bool) or not isinstance(dpi, (int, float)) or not math.isfinite(dpi):
        raise InputError(f"{where} {dpi!r} is not a number of dots per inch")
    if not MIN_DPI <= dpi <= MAX_DPI:
        raise InputError(f"{where} {dpi:g} is outside {MIN_DPI:g}..{MAX_DPI:g} dots per inch")
    return float(dpi)


def _check_pixels(w: int, h: int, shown: str) -> None:
    for side, v in (("width", w), ("height", h)):
        if v < MIN_SIDE_PX:
            raise InputError(
                f"size {shown!r}: {side} {v} px is below the minimum of {MIN_SIDE_PX} px"
            )
        if v > MAX_SIDE_PX:
            raise InputError(
                f"size {shown!r}: {side} {v} px is above the maximum of {MAX_SIDE_PX} px"
            )
    if w * h > MAX_PIXELS:
        raise InputError(f"size {shown!r}: {w * h:,} pixels is above the maximum of {MAX_PIXELS:,}")
    if max(w / h, h / w) > MAX_ASPECT:
        raise InputError(
            f"size {shown!r}: aspect ratio {max(w, h) / min(w, h):.2f}:1 is more elongated "
            f"than {MAX_ASPECT:g}:1"
        )


def parse_size(size: str | Size | tuple[int, int], *, dpi: float | None = None) -> Size:
    """Read an output size.

    Parameters
    ----------
    size : str, Size or (int, int)
        A preset from :data:`SIZE_PRESETS` (``"web"``, ``"square@2x"``...) or
        :data:`PRINT_PRESETS_MM` (``"print-a4"``...); ``"WxH"`` pixels
        (``"1600x900"``); ``"WxHmm"`` millimetres at 300 dpi (``"180x120mm"``);
        or a ``(width_px, height_px)`` pair.
    dpi : float, optional
        Overrides the resolution: for pixel sizes it changes the layout (more
        dpi, larger text); for millimetre sizes it changes the pixel count.

    Returns
    -------
    Size

    Raises
    ------
    ranges.errors.InputError
        Unknown preset, unreadable text, or a size outside the limits: each
        side {MIN_SIDE_PX}..{MAX_SIDE_PX} px, at most {MAX_PIXELS} pixels,
        aspect ratio at most 3:1, dpi 50..1200.  The message names the value
        and the rule.

    Examples
    --------
    >>> parse_size("web")
    Size(width_px=1200, height_px=675, dpi=150.0, name='web')
    >>> s = parse_size("print-a4"); (s.width_px, s.height_px, s.dpi)
    (3508, 2480, 300.0)
    >>> parse_size("1600x900").dpi
    150.0
    """
    if dpi is not None:
        dpi = _check_dpi(dpi, "dpi")
    if isinstance(size, Size):
        _check_pixels(
            size.width_px, size.height_px, size.name or f"{size.width_px}x{size.height_px}"
        )
        return size if dpi is None else Size(size.width_px, size.height_px, dpi, size.name)
    if isinstance(size, tuple):
        if len(size) != 2 or not all(isinstance(v, int) and not isinstance(v, bool) for v in size):
            raise InputError(f"size {size!r} is not a (width_px, height_px) pair of whole numbers")
        w, h = size
        shown = f"{w}x{h}"
        _check_pixels(w, h, shown)
        return Size(w, h, dpi or _screen_dpi(w, h), shown)
    if not isinstance(size, str):
        raise InputError(f"size {size!r} is not text such as 'web' or '1200x675'")
    key = size.strip().lower()
    if key in SIZE_PRESETS:
        w, h, preset_dpi = SIZE_PRESETS[key]
        return Size(w, h, dpi or preset_dpi, key)
    if key in PRINT_PRESETS_MM:
        wmm, hmm = PRINT_PRESETS_MM[key]
        return _mm_size(wmm, hmm, dpi or PRINT_DPI, size, key)
    m = _SIZE_RE.match(key)
    if not m:
        presets = ", ".join([*SIZE_PRESETS, *PRINT_PRESETS_MM])
        raise InputError(
            f"size {size!r} is not a preset ({presets}), WxH pixels (e.g. 1200x675) "
            "or WxHmm (e.g. 180x120mm)"
        )
    a, b, unit = m.group(1), m.group(2), (m.group(3) or "px").lower()
    if unit == "mm":
        return _mm_size(float(a), float(b), dpi or PRINT_DPI, size, size.strip())
    if "." in a or "." in b:
        raise InputError(f"size {size!r}: pixel sizes are whole numbers (e.g. 1200x675)")
    w, h = int(a), int(b)
    _check_pixels(w, h, size.strip())
    return Size(w, h, dpi or _screen_dpi(w, h), size.strip())


def _screen_dpi(w: int, h: int) -> float:
    return SCREEN_DPI * max(1.0, max(w, h) / 1600.0)


def _mm_size(wmm: float, hmm: float, dpi: float, shown: str, name: str) -> Size:
    for side, v in (("width", wmm), ("height", hmm)):
        if not math.isfinite(v) or v <= 0:
            raise InputError(f"size {shown!r}: {side} {v:g} mm is not a positive length")
    w, h = round(wmm / 25.4 * dpi), round(hmm / 25.4 * dpi)
    try:
        _check_pixels(w, h, shown)
    except InputError as exc:
        raise InputError(f"{exc} (at {dpi:g} dpi)") from None
    return Size(w, h, dpi, name)


# --------------------------------------------------------------------------
# Themes and wording
# --------------------------------------------------------------------------
#: Colours of each theme.  Weapon colours come from the scenario palette.
THEMES: dict[str, dict[str, Any]] = {
    "light": {
        "background": "#ffffff",
        "sea": "#d9e6ee",
        "land": "#ece9e2",
        "land_focus": "#faf9f6",
        "region_edge": "#bdb8ae",
        "country_edge": "#6f6a62",
        "ink": "#1a1a1a",
        "muted": "#575757",
        "faint": "#8c877e",
        "halo": "#ffffff",
        "note_bg": "#ffffff",
        "reach_alpha": 0.20,
        "allowed": "#1a1a1a",
        "occupied": "#e4d6d1",
        "occupied_hatch": "#c7aaa2",
        "front": "#8e2b22",
    },
    "dark": {
        "background": "#121619",
        "sea": "#0f1c26",
        "land": "#222a30",
        "land_focus": "#2e373e",
        "region_edge": "#465058",
        "country_edge": "#9aa4ad",
        "ink": "#eef0f2",
        "muted": "#b3bac0",
        "faint": "#7f8a93",
        "halo": "#121619",
        "note_bg": "#1b2227",
        "reach_alpha": 0.28,
        "allowed": "#eef0f2",
        "occupied": "#3a2f33",
        "occupied_hatch": "#5a4348",
        "front": "#e0786a",
    },
}

#: Output formats :func:`save` writes.
FORMATS = ("png", "svg", "pdf")

#: Key of the PNG text chunk / PDF info entry holding the scenario JSON; the
#: SVG holds it in ``<metadata><sr:scenario xmlns:sr=SVG_NAMESPACE>``.
SCENARIO_KEY = "strike-range:scenario"
_PDF_KEY = "StrikeRangeScenario"
SVG_NAMESPACE = "urn:strike-range:scenario:1"

_TEXT = strings("MAP")  # the map's words, one module per language (ranges.i18n)

#: The caveat every map carries (English).
CAVEAT = _TEXT["en"]["caveat"]

_FONT = "DejaVu Sans"  # ships with matplotlib and covers Cyrillic
_VECTOR_LOCK = threading.Lock()  # rcParams are process-wide


def _check_choice(value: Any, name: str, choices: Iterable[str]) -> str:
    choices = tuple(choices)
    if value not in choices:
        raise InputError(f"{name} {value!r} is not one of {', '.join(choices)}")
    return value


def _fmt_km(value: float, lang: str) -> str:
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    if lang == "uk":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def _weapon_label(w, lang: str, *, band: bool = False) -> str:
    """``"ATACMS M57: 300 km (min. 70 km, est.)"``; with ``band``, the reported
    figure the dashed ring shows: ``"KN-23: 690 km; reported up to 900 km"``."""
    t = _TEXT[lang]
    label = f"{w.name}: {_fmt_km(w.max_range_km, lang)} {t['km']}"
    if w.min_range_km > 0:
        est = f", {t['min_estimate']}" if w.min_range_is_estimate else ""
        label += f" ({t['min']} {_fmt_km(w.min_range_km, lang)} {t['km']}{est})"
    reported = _reported_km(w)
    if band and reported is not None:
        label += "; " + t["reported"].format(km=_fmt_km(reported, lang))
    return label


# --------------------------------------------------------------------------
# Date and sources
# --------------------------------------------------------------------------
def format_date(iso: str, lang: str = "en") -> str:
    """An ISO date as a reader writes it: ``"17 Nov 2024"``, ``"17 листопада 2024"``.

    Examples
    --------
    >>> format_date("2024-11-17")
    '17 Nov 2024'
    >>> format_date("2025-06-01", "uk")
    '1 червня 2025'
    """
    d = datetime.date.fromisoformat(iso)
    months = _TEXT[_check_choice(lang, "lang", _TEXT)]["months"].split()
    return f"{d.day} {months[d.month - 1]} {d.year}"


def as_of_text(as_of: str, lang: str = "en") -> str:
    """What a map says about its date: ``"Situation as of 17 Nov 2024"``.

    Examples
    --------
    >>> as_of_text("2024-11-17", "uk")
    'Станом на 17 листопада 2024'
    """
    return _TEXT[_check_choice(lang, "lang", _TEXT)]["as_of"].format(date=format_date(as_of, lang))


def _note_source(text: str) -> str:
    # "Reuters, 15 Aug 2024: Ukraine says..." -> "Reuters, 15 Aug 2024"
    return text.split(":", 1)[0].strip()


def _source_parts(result, sit, lang: str) -> list[str]:
    """The parts of the source line, each a source with its own date where it has one."""
    t = _TEXT[lang]
    parts = [attribution()]
    snap = sit.occupied
    if snap is not None:
        date = snap.snapshot_date.isoformat()
        parts.append(t["occupied_source"].format(source=_short_source(snap), date=date))
    ranges = sources_line([w.weapon for w in result.weapons])
    if ranges:
        parts.append(f"{t['ranges']}: {ranges}")
    decisions = _decision_publishers(sit)
    if decisions:
        parts.append(f"{t['decided_by']}: {decisions}")
    notes = list(dict.fromkeys(_note_source(n.source) for n in result.scenario.notes if n.source))
    if notes:
        parts.append(f"{t['notes']}: " + "; ".join(notes))
    return parts


def _decisions_text(sit, lang: str) -> str:
    """Whose decision allowed the scenario's regions, and when: one clause per
    government, its first decision in effect with its status, and the day it was
    confirmed on the record if it was first only reported:
    ``"US decision of 17 Nov 2024, reported, confirmed 25 Nov 2024; UK decision of
    20 Nov 2024, reported"``."""
    if sit is None or not sit.decisions:
        return ""
    t = _TEXT[lang]
    by_decider: dict[str, list] = {}
    for d in sorted(sit.decisions, key=lambda d: d.date):
        by_decider.setdefault(d.decider, []).append(d)
    parts = []
    for decider, decisions in by_decider.items():
        first = decisions[0]
        who = t.get(f"decider:{decider}", decider)
        text = t["decision"].format(who=who, date=format_date(first.date.isoformat(), lang))
        if first.status != "announced":
            text += f", {t[first.status + '_status']}"
            on_record = next((d for d in decisions if d.status == "announced"), None)
            if on_record is not None:
                date = format_date(on_record.date.isoformat(), lang)
                text += ", " + t["confirmed"].format(date=date)
        parts.append(text)
    return "; ".join(parts)


def _decision_publishers(sit) -> str:
    """The publishers that report the decisions, comma-joined, without the copy a
    citation was read in ("Reuters (via Geo News)" -> "Reuters"; the data say which)."""
    if sit is None:
        return ""
    names = {c.publisher.split(" (", 1)[0] for d in sit.decisions for c in d.sources}
    return ", ".join(sorted(names, key=str.casefold))


def sources_text(result, lang: str = "en") -> str:
    """The map's date and source line: the situation's date, then each source with its date.

    Examples
    --------
    ``"Situation as of 17 Nov 2024. Sources: Natural Earth (public domain); GeoNames
    (CC BY 4.0); airportsdata (MIT); occupied territory: DeepStateMap, as of 2024-11-17
    (grey zones and Ukrainian-held ground in Russia not shown); ranges: Hromadske,
    Reuters; decisions: Reuters, The Washington Post; notes: RFE/RL, 15 Aug 2024"``
    """
    t = _TEXT[_check_choice(lang, "lang", _TEXT)]
    sit = situation(result)
    date = as_of_text(sit.as_of, lang)
    return f"{date}. {t['sources']}: " + "; ".join(_source_parts(result, sit, lang))


# --------------------------------------------------------------------------
# Geometry helpers (lon/lat in, projected metres out)
# --------------------------------------------------------------------------
def _aeqd(lon0: float, lat0: float) -> pyproj.Transformer:
    crs = pyproj.CRS.from_proj4(
        f"+proj=aeqd +lat_0={lat0:.6f} +lon_0={lon0:.6f} +datum=WGS84 +units=m +no_defs"
    )
    return pyproj.Transformer.from_crs("EPSG:4326", crs, always_xy=True)


def _project(geoms, tr: pyproj.Transformer):
    def fn(xy: np.ndarray) -> np.ndarray:
        x, y = tr.transform(xy[:, 0], xy[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geoms, fn)


def _as_array(geoms) -> np.ndarray:
    arr = np.asarray(list(geoms) if not isinstance(geoms, np.ndarray) else geoms, dtype=object)
    if arr.size == 0:
        return arr
    return arr[~shapely.is_empty(arr) & ~shapely.is_missing(arr)]


def _polygon_path(geoms) -> MplPath | None:
    """One compound path of every polygon (exteriors CCW, holes CW)."""
    parts = shapely.get_parts(_as_array(geoms))
    parts = parts[shapely.get_type_id(parts) == 3] if parts.size else parts
    if parts.size == 0:
        return None
    rings = shapely.get_rings(shapely.orient_polygons(parts))
    coords, index = shapely.get_coordinates(rings, return_index=True)
    if len(coords) == 0:
        return None
    codes = np.full(len(coords), MplPath.LINETO, dtype=MplPath.code_type)
    starts = np.r_[0, np.flatnonzero(np.diff(index)) + 1]
    codes[starts] = MplPath.MOVETO
    codes[np.r_[starts[1:] - 1, len(coords) - 1]] = MplPath.CLOSEPOLY
    return MplPath(coords, codes)


def _line_path(geoms) -> MplPath | None:
    """One path of every line (polygons contribute their rings)."""
    parts = shapely.get_parts(_as_array(geoms))
    if parts.size == 0:
        return None
    polys = shapely.get_type_id(parts) == 3
    if polys.any():
        parts = np.concatenate([parts[~polys], shapely.get_rings(parts[polys])])
    lines = parts[np.isin(shapely.get_type_id(parts), (1, 2))]
    if lines.size == 0:
        return None
    coords, index = shapely.get_coordinates(lines, return_index=True)
    if len(coords) < 2:
        return None
    codes = np.full(len(coords), MplPath.LINETO, dtype=MplPath.code_type)
    codes[np.r_[0, np.flatnonzero(np.diff(index)) + 1]] = MplPath.MOVETO
    return MplPath(coords, codes)


def _clip_layer(gdf, lonlat_box, rect, tr, simplify_deg: float = 0.0):
    """Rows of a layer that touch the view, clipped and projected: (positions, geoms).

    ``simplify_deg`` drops vertices that would move the line by less than that
    (degrees; keep it below a pixel) before projecting, which saves most of the
    projection and drawing time of detailed borders.
    """
    if gdf is None or len(gdf) == 0:
        return np.empty(0, dtype=int), np.empty(0, dtype=object)
    idx = gdf.sindex.query(shapely.box(*lonlat_box))
    idx = np.sort(np.asarray(idx, dtype=int))
    if idx.size == 0:
        return idx, np.empty(0, dtype=object)
    geoms = np.asarray(gdf.geometry.array, dtype=object)[idx]
    geoms = shapely.clip_by_rect(geoms, *lonlat_box)
    if simplify_deg > 0:
        geoms = shapely.simplify(geoms, simplify_deg, preserve_topology=False)
    geoms = shapely.clip_by_rect(_project(geoms, tr), *rect)
    keep = ~shapely.is_empty(geoms)
    return idx[keep], geoms[keep]


def _shared_borders(polys: np.ndarray) -> np.ndarray:
    """Lines shared by two polygons of a coverage (land borders, not coasts)."""
    if len(polys) < 2:
        return np.empty(0, dtype=object)
    tree = shapely.STRtree(polys)
    left, right = tree.query(polys, predicate="intersects")
    keep = left < right
    if not keep.any():
        return np.empty(0, dtype=object)
    bounds = shapely.boundary(polys)
    shared = shapely.intersection(bounds[left[keep]], bounds[right[keep]], grid_size=None)
    parts = shapely.get_parts(shared)
    return parts[np.isin(shapely.get_type_id(parts), (1, 2))]


def _plane_marker() -> MplPath:
    # A small aircraft silhouette, nose up, in a unit box.
    verts = [
        (0, 1),
        (0.13, 0.84),
        (0.13, 0.3),
        (1.0, -0.12),
        (1.0, -0.27),
        (0.13, -0.07),
        (0.13, -0.62),
        (0.42, -0.82),
        (0.42, -0.96),
        (0, -0.86),
        (-0.42, -0.96),
        (-0.42, -0.82),
        (-0.13, -0.62),
        (-0.13, -0.07),
        (-1.0, -0.27),
        (-1.0, -0.12),
        (-0.13, 0.3),
        (-0.13, 0.84),
        (0, 1),
    ]
    return MplPath(verts, closed=True)


_PLANE = _plane_marker()
_PLANE_PT = 8.0  # marker size of an airfield, points


# --------------------------------------------------------------------------
# Label placement
# --------------------------------------------------------------------------
class _Placer:
    """Greedy label placement: a box is taken only if it is inside and free.

    Besides the taken boxes, two optional layers: ``soft`` (points whose
    labels come later, such as the cities in the news: callouts and range
    labels keep off them) and ``weak`` (small markers such as airfields:
    labels keep off them when they can); ``lines`` (points along the reach
    outlines, which country names should not cut).
    """

    def __init__(self, bounds: tuple[float, float, float, float]):
        self.bounds = bounds
        self._layers: dict[str, list] = {"hard": [], "soft": [], "weak": [], "lines": []}
        self._arrays: dict[str, np.ndarray] = {}

    def _array(self, layer: str) -> np.ndarray:
        boxes = self._layers[layer]
        arr = self._arrays.get(layer)
        if arr is None or len(arr) != len(boxes):
            arr = self._arrays[layer] = np.asarray(boxes, dtype=float).reshape(-1, 4)
        return arr

    def inside(self, box) -> bool:
        b = self.bounds
        return box[0] >= b[0] and box[1] >= b[1] and box[2] <= b[2] and box[3] <= b[3]

    def count(self, box, layer: str, pad: float = 0.0) -> int:
        a = self._array(layer)
        if not len(a):
            return 0
        hit = (
            (a[:, 0] < box[2] + pad)
            & (a[:, 2] > box[0] - pad)
            & (a[:, 1] < box[3] + pad)
            & (a[:, 3] > box[1] - pad)
        )
        return int(hit.sum())

    def free(self, box, pad: float = 0.0, *, avoid: Sequence[str] = ()) -> bool:
        if not self.inside(box):
            return False
        return all(self.count(box, layer, pad) == 0 for layer in ("hard", *avoid))

    def overlap(self, box) -> float:
        a = self._array("hard")
        if not len(a):
            return 0.0
        w = np.clip(np.minimum(a[:, 2], box[2]) - np.maximum(a[:, 0], box[0]), 0, None)
        h = np.clip(np.minimum(a[:, 3], box[3]) - np.maximum(a[:, 1], box[1]), 0, None)
        return float((w * h).sum())

    def add(self, box, layer: str = "hard") -> None:
        self._layers[layer].append(tuple(float(v) for v in box))


# --------------------------------------------------------------------------
# The drawing context
# --------------------------------------------------------------------------
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
        self._lp: dict[tuple, tuple[float, float]] = {}
        self._sizes: dict[tuple, tuple[float, float]] = {}

    # fonts and measures ------------------------------------------------
    def font(self, size_pt: float, weight: str = "normal", style: str = "normal"):
        return FontProperties(family=_FONT, size=size_pt * self.s, weight=weight, style=style)

    def measure(self, text: str, prop: FontProperties) -> tuple[float, float]:
        """Width and height (px) of one line of text as matplotlib lays it out."""
        font = (prop.get_size_in_points(), prop.get_weight(), prop.get_style())
        key = (text, *font)
        hit = self._sizes.get(key)
        if hit is not None:
            return hit
        # Measured at the web layout's resolution and scaled, so that hinting
        # at another resolution does not change which labels fit (@2x is the
        # same map as 1x).
        k = self.size.dpi / SCREEN_DPI
        w, h, _ = self._measurer.get_text_width_height_descent(text, prop, ismath=False)
        if font not in self._lp:
            _, lh, ld = self._measurer.get_text_width_height_descent("lp", prop, ismath=False)
            self._lp[font] = (lh, ld)
        hit = self._sizes[key] = (w * k, max(h, self._lp[font][0]) * k)
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


# --------------------------------------------------------------------------
# The figure
# --------------------------------------------------------------------------
def render_figure(
    result,
    geodata,
    *,
    size: str | Size | tuple[int, int] = "web",
    theme: str = "light",
    lang: str | None = None,
    title: str | None = None,
    subtitle: str | None = None,
    credit: str | None = None,
    dpi: float | None = None,
) -> Figure:
    """Draw a strike-range map of an evaluated scenario.

    Parameters
    ----------
    result : ranges.evaluate.Result
        From :func:`ranges.evaluate.evaluate`; its scenario supplies the title,
        notes, population threshold and language unless overridden here.
    geodata : ranges.geodata.GeoData
        The reference layers (countries, regions, cities, airfields, places).
    size : str, Size or (int, int), default "web"
        See :func:`parse_size`: ``web`` 1200×675, ``square`` 1080×1080,
        ``portrait`` 1080×1350, each with an ``@2x`` variant; ``print-a4``
        and other print sizes at 300 dpi; ``"WxH"`` pixels; ``"WxHmm"``.
    theme : {"light", "dark"}
    lang : {"en", "uk"}, optional
        Language of labels and map furniture; defaults to the scenario's.
        Ukrainian uses the ``name_uk`` of regions and places where the data
        have one, else the English name.
    title, subtitle : str, optional
        Default to the scenario's (a generated title when it has none);
        ``""`` leaves the line out.
    credit : str, optional
        Credit line; defaults to "Map: Strike Range" in the map's language.
    dpi : float, optional
        Overrides the resolution of ``size`` (see :func:`parse_size`).

    Returns
    -------
    matplotlib.figure.Figure
        On an Agg canvas, exactly ``size`` pixels at ``fig.dpi``.  Write it
        with :func:`save` (which embeds the scenario).

    Raises
    ------
    ranges.errors.InputError
        A size, theme or language that breaks a rule (the message names it),
        or a scenario date outside the occupied-territory data
        (:class:`ranges.territory.TerritoryDateError`).
    """
    size_ = parse_size(size, dpi=dpi)
    theme_ = THEMES[_check_choice(theme, "theme", THEMES)]
    scenario: Scenario = result.scenario
    lang = scenario.lang if lang is None else lang
    _check_choice(lang, "lang", _TEXT)
    # the scenario's rule for a line of text: at most 200 characters, no
    # control characters (they would be drawn as missing glyphs)
    title, subtitle, credit = (
        None if value is None else check_text(value, name)
        for name, value in (("title", title), ("subtitle", subtitle), ("credit", credit))
    )
    title_text = _default_title(result, lang) if title is None else title
    subtitle_text = scenario.subtitle if subtitle is None else subtitle
    credit_text = _TEXT[lang]["credit"] if credit is None else credit

    sit = situation(result, geodata)
    bands = _bands(result)
    shown = None
    # The key goes inside the map, in the corner that hides least of the story;
    # when no corner is quiet enough it moves to the header.
    for key_in_map in (True, False):
        w_in = _exact_inches(size_.width_px, size_.dpi)
        h_in = _exact_inches(size_.height_px, size_.dpi)
        fig = Figure(figsize=(w_in, h_in), dpi=size_.dpi, facecolor=theme_["background"])
        FigureCanvasAgg(fig)
        ctx = _Ctx(fig, size_, theme_, lang, sit, bands)
        ctx.shown = shown or ctx.shown
        shown = ctx.shown
        header_bottom = _draw_header(ctx, result, title_text, subtitle_text, key=not key_in_map)
        footer_top = _draw_footer(ctx, result, geodata, credit_text)
        try:
            _draw_map(ctx, result, geodata, header_bottom, footer_top, key_in_map=key_in_map)
        except _KeyDoesNotFit:
            continue
        break

    fig._strike_range = _Meta(  # read by save(); a plain attribute, not pyplot state
        # the date drawn, so that a map of "the newest data" reopens as the same map
        scenario=scenario if scenario.as_of else scenario.replace(as_of=sit.as_of),
        title=title_text,
        alt=alt_text(result, lang=lang),
        lang=lang,
        halo=theme_["halo"],
        centre=ctx.centre,
        halo_pt=2.4 * ctx.s,
        halo_texts=ctx.halo_texts,
    )
    return fig


class _KeyDoesNotFit(Exception):
    """The key would hide too much of the map: lay out again with it in the header."""


def _exact_inches(px: int, dpi: float) -> float:
    # Agg truncates width * dpi to an int; nudge up so the product is >= px.
    inches = px / dpi
    while int(inches * dpi) < px:
        inches = math.nextafter(inches, math.inf)
    return inches


def _default_title(result, lang: str) -> str:
    if result.scenario.title:
        return result.scenario.title
    t = _TEXT[lang]
    if not result.weapons:
        return t["no_weapon"]
    names = ", ".join(w.weapon.name for w in result.weapons)
    text = t["reach_of"].format(weapons=names)
    sites = [name for name, _ in result.sites]
    if sites:
        more = "…" if len(sites) > 3 else ""
        labels = [_site_label(result, n, lang) for n in sites[:3]]
        first = _from_area(result, sites[0], lang)
        if first:  # "з підконтрольної Україні території", not "з Підконтрольна ..."
            text += " " + ", ".join([first, *labels[1:]]) + more
        else:
            text += " " + t["from"].format(sites=", ".join(labels) + more)
    return text


# -- launch-area names ----------------------------------------------------------
def _area_named(result, name: str):
    """The scenario's active launch area called ``name`` (None for a launch point)."""
    return next((a for a in result.scenario.active_areas if a.name == name), None)


def _default_names(area) -> tuple[str, ...]:
    """The English names this program gives ``area`` when nobody named it:
    the scenario's default (:meth:`ranges.scenario.Area.from_dict`) first, then
    the command line's (``--front-strip``, ``--border-strip``); empty for any
    other area (a region, an upload) or kind."""
    if area.kind == "held":
        return (HELD_NAME["en"],)
    if area.kind == "occupied":
        return (OCCUPIED_NAME["en"],)
    if area.kind not in ("front-strip", "border-strip"):
        return ()
    w, s = area.width_km, area.standoff_km
    if area.kind == "front-strip":
        what, cli = "Front", f"Ukrainian-held territory within {w:g} km of the front line"
    else:
        what, cli = "Border", f"Ukraine within {w:g} km of the Russian border"
    return (f"{what} strip {s:g}-{w:g} km", cli + (f", {s:g} km standoff" if s else ""))


def _area_text(area, key: str, lang: str) -> str:
    """The catalogue's ``key:kind`` entry for ``area``, with its strip's span."""
    t = _TEXT[lang]
    width = _fmt_km(area.width_km, lang)
    if area.standoff_km > 0:
        span = f"{_fmt_km(area.standoff_km, lang)}\u2013{width}"
    else:
        span = t["span_up_to"].format(width=width)
    return t[f"{key}:{area.kind}"].format(span=span)


def _site_label(result, name: str, lang: str) -> str:
    """A launch site's or area's name as the map prints it in ``lang``.

    A name the user gave is printed as given.  An area under the default
    English name of its kind (:data:`ranges.scenario.HELD_NAME`, "Front strip
    10-40 km", the command line's "Ukrainian-held territory within 40 km of
    the front line, 10 km standoff"...) gets the catalogue's name in Ukrainian
    ("Смуга 10–40 км від лінії фронту").
    """
    if lang == "en":
        return name
    area = _area_named(result, name)
    if area is None or name not in _default_names(area):
        return name
    return _area_text(area, "area", lang)


def _from_area(result, name: str, lang: str) -> str:
    """"from ..." for an area under its kind's default name ("з підконтрольної
    Україні території", "from 10–40 km behind the front line"), else ""."""
    area = _area_named(result, name)
    if area is None:
        return ""
    defaults = _default_names(area)
    # English keeps the command line's long name, which reads well after "from";
    # the scenario's terse default ("Front strip 10-40 km") does not.
    if name not in (defaults[:1] if lang == "en" else defaults):
        return ""
    return _area_text(area, "from_area", lang)


# -- header: title, subtitle, key -------------------------------------------
def _margin(ctx: _Ctx) -> float:
    return round(0.028 * min(ctx.W, ctx.H) + 3 * ctx.px_per_pt * ctx.s)


def _draw_header(ctx: _Ctx, result, title: str, subtitle: str, *, key: bool) -> float:
    th = ctx.theme
    pad = _margin(ctx)
    width = ctx.W - 2 * pad
    y = ctx.H - pad
    if title:
        prop = ctx.font(15.0, weight="bold")
        lines = ctx.wrap(title, prop, width, balance=True)
        if len(lines) > 2:
            prop = ctx.font(12.5, weight="bold")
            lines = ctx.wrap(title, prop, width, balance=True)
        art = _fig_text(ctx, pad, y, "\n".join(lines), prop, th["ink"], gid="title")
        art.set_linespacing(1.15)
        y = art.get_window_extent(ctx.renderer).y0 - 0.4 * prop.get_size_in_points() * ctx.px_per_pt
    if subtitle:
        prop = ctx.font(9.5)
        lines = ctx.wrap(subtitle, prop, width, balance=True)
        art = _fig_text(ctx, pad, y, "\n".join(lines), prop, th["muted"], gid="subtitle")
        art.set_linespacing(1.25)
        y = art.get_window_extent(ctx.renderer).y0 - 0.4 * prop.get_size_in_points() * ctx.px_per_pt
    if key:
        legend = _make_key(ctx, result, ctx.fig, (pad / ctx.W, y / ctx.H), width)
        if legend is not None:
            y = legend.get_window_extent(ctx.renderer).y0
    return y - 0.5 * pad


def _key_entries(ctx: _Ctx, result) -> list[tuple[Any, str]]:
    th, t, lang = ctx.theme, ctx.t, ctx.lang
    entries: list[tuple[Any, str]] = []
    for i, w in enumerate(result.weapons):
        entries.append(
            (
                Patch(
                    facecolor=_rgba(w.color, th["reach_alpha"] + 0.1),
                    edgecolor=w.color,
                    linewidth=1.4 * ctx.s,
                ),
                _weapon_label(w.weapon, lang, band=i in ctx.shown["bands"]),
            )
        )
    if ctx.sit is not None and ctx.sit.occupied is not None and ctx.shown["occupied"]:
        entries.append((_occupied_handle(ctx), _occupied_label(ctx)))
    if result.allowed is not None and not result.allowed.is_empty:
        names = _allowed_names(result, lang)
        label = t["allowed"] + (f": {names}" if names else "")
        decisions = _decisions_text(ctx.sit, lang)
        if decisions:
            label += f" ({decisions})"
        entries.append((_allowed_handle(ctx), label))
    points = [n for n, g in result.sites if g.geom_type in ("Point", "MultiPoint")]
    areas = [n for n, g in result.sites if g.geom_type not in ("Point", "MultiPoint")]
    if points:
        entries.append(
            (
                Line2D(
                    [],
                    [],
                    linestyle="none",
                    marker="^",
                    markersize=6.5 * ctx.s,
                    markerfacecolor=th["ink"],
                    markeredgecolor=th["halo"],
                    markeredgewidth=0.8,
                ),
                t["launch_site"],
            )
        )
    if areas:
        labels = [_site_label(result, n, lang) for n in areas[:2]]
        shown = "; ".join(labels) + ("…" if len(areas) > 2 else "")
        entries.append(
            (
                Patch(
                    facecolor=_rgba(th["ink"], 0.10),
                    edgecolor=th["ink"],
                    linestyle=(0, (3, 2)),
                    linewidth=1.0 * ctx.s,
                ),
                f"{t['launch_area']}: {shown}",
            )
        )
    n_air = _airfields_in_range(result).size
    if n_air:
        entries.append(
            (
                Line2D(
                    [],
                    [],
                    linestyle="none",
                    marker=_PLANE,
                    markersize=_PLANE_PT * ctx.s,
                    markerfacecolor=th["ink"],
                    markeredgecolor=th["halo"],
                    markeredgewidth=0.4,
                ),
                f"{t['airfields']}: {n_air:,}".replace(",", "\u202f" if lang == "uk" else ","),
            )
        )
    return entries


def _allowed_handle(ctx: _Ctx) -> Patch:
    p = Patch(facecolor="none", edgecolor=ctx.theme["allowed"], hatch="////", linewidth=1.0 * ctx.s)
    _set_hatch(p, ctx)
    return p


def _set_hatch(patch, ctx: _Ctx) -> None:
    if hasattr(patch, "set_hatch_linewidth"):
        patch.set_hatch_linewidth(0.6 * ctx.s)


def _make_key(ctx: _Ctx, result, parent, anchor, width: float | None, *, loc="upper left"):
    """The key (a Legend) on ``parent``; in a row of columns when ``width`` is given.

    In the header (``width`` given) the number of columns is the one that gives
    the lowest key, long entries wrapping onto a second line (a third or a
    fourth rather than stacking the key in one column; at a parenthesis where
    they can) rather than taking a row of their own.
    """
    entries = _key_entries(ctx, result)
    if not entries:
        return None
    prop = ctx.font(8.0)
    handles, labels = zip(*entries, strict=True)
    if width is None:
        legend = _legend(ctx, parent, handles, labels, prop, anchor, loc, 1, framed=True)
    else:
        em = prop.get_size_in_points() * ctx.px_per_pt
        best = None
        # Entries of up to two lines; a third or a fourth only when otherwise the
        # key would stack in one column and squeeze the map (decisions with
        # their dates, as Ukrainian writes them, run long).
        for max_lines in (2, 3, 4):
            for ncols in range(len(entries), 0 if max_lines == 2 else 1, -1):
                col_w = (width - (ncols - 1) * 1.4 * em) / ncols - 2.1 * em
                wrapped = [_wrap_key_label(ctx, label, prop, col_w) for label in labels]
                if ncols > 1 and any(len(lines) > max_lines for lines in wrapped):
                    continue
                shown = ["\n".join(lines) for lines in wrapped]
                legend = _legend(ctx, parent, handles, shown, prop, anchor, loc, ncols,
                                 framed=False)  # fmt: skip
                bb = legend.get_window_extent(ctx.renderer)
                score = (round(bb.height), sum(len(lines) for lines in wrapped))
                if bb.width <= width and (best is None or score < best[0]):
                    best = (score, shown, ncols)
                legend.remove()
            if best is not None and best[2] > 1:
                break
        shown, ncols = (best[1], best[2]) if best else (labels, 1)
        legend = _legend(ctx, parent, handles, shown, prop, anchor, loc, ncols, framed=False)
    legend.set_gid("legend")
    legend.set_zorder(20)
    for i, text in enumerate(legend.get_texts()):
        text.set_parse_math(False)
        text.set_gid(f"legend-{i}")
    return legend


_DATE_WORDS = re.compile(r"\b(\d{1,2}) (\w+) (\d{4})\b")
_NUMBER_UNIT = re.compile(r"(\d) (km|км)(?!\w)")


def _wrap_key_label(ctx: _Ctx, label: str, prop, width_px: float) -> list[str]:
    """A key entry in lines of at most ``width_px``: broken before its parenthesis
    when what comes before fits, else word-wrapped (never inside a date or between a
    number and its unit)."""
    if ctx.measure(label, prop)[0] <= width_px:
        return [label]
    label = _DATE_WORDS.sub("\\1\u00a0\\2\u00a0\\3", label)
    label = _NUMBER_UNIT.sub("\\1\u00a0\\2", label)  # "250 km", not "250" / "km"
    head, sep, tail = label.partition(" (")
    if sep and ctx.measure(head, prop)[0] <= width_px:
        # the parenthesis (a decision and its dates) on lines of its own
        return [head, *ctx.wrap("(" + tail, prop, width_px, balance=True)]
    return ctx.wrap(label, prop, width_px, balance=True)


def _legend(ctx: _Ctx, parent, handles, labels, prop, anchor, loc, ncols: int, *, framed: bool):
    legend = parent.legend(
        handles,
        labels,
        loc=loc,
        bbox_to_anchor=anchor,
        ncols=ncols,
        frameon=framed,
        fancybox=False,
        framealpha=0.92,
        facecolor=ctx.theme["halo"],
        edgecolor=ctx.theme["faint"],
        prop=prop,
        borderaxespad=0.8 if framed else 0,
        borderpad=0.6 if framed else 0,
        handlelength=1.6,
        handleheight=1.0,
        handletextpad=0.5,
        columnspacing=1.4,
        labelspacing=0.45,
        labelcolor=ctx.theme["ink"],
    )
    if framed:
        legend.get_frame().set_linewidth(0.5)
    return legend


# -- footer: caveat, credit, the situation's date, sources --------------------
def _draw_footer(ctx: _Ctx, result, geodata, credit: str) -> float:
    th, t = ctx.theme, ctx.t
    pad = _margin(ctx)
    width = ctx.W - 2 * pad
    prop = ctx.font(6.6)
    prop_b = ctx.font(6.6, weight="bold")
    prop_i = ctx.font(6.6, style="italic")
    gap = 0.3 * prop.get_size_in_points() * ctx.px_per_pt
    text = f"{t['sources']}: " + "; ".join(_source_parts(result, ctx.sit, ctx.lang))
    lines = ctx.wrap(text, prop, width, balance=True)
    src = _fig_text(ctx, pad, pad, "\n".join(lines), prop, th["muted"], gid="sources", va="bottom")
    src.set_linespacing(1.3)
    y = src.get_window_extent(ctx.renderer).y1 + gap
    # One line: the caveat on the left, the credit and the date the map
    # describes on the right (the caveat wraps when the line is too short).
    date_text = as_of_text(ctx.sit.as_of, ctx.lang)
    x = ctx.W - pad
    _fig_text(ctx, x, y, date_text, prop_b, th["ink"], gid="as-of", ha="right", va="bottom")
    right_w = ctx.measure(date_text, prop_b)[0]
    x -= right_w + 1.2 * gap * 3
    if credit:
        _fig_text(ctx, x, y, credit, prop, th["muted"], gid="credit", ha="right", va="bottom")
        right_w += ctx.measure(credit, prop)[0] + 1.2 * gap * 3
    left_w = width - right_w - 4 * gap
    caveat = t["caveat"]
    data_box = _beyond_data(result, geodata)
    if data_box is not None:
        lon0, lat0, lon1, lat1 = data_box
        caveat += " " + t["coverage"].format(lon0=lon0, lat0=lat0, lon1=lon1, lat1=lat1)
    cav_lines = ctx.wrap(caveat, prop_i, max(left_w, 0.35 * width))
    cav = _fig_text(ctx, pad, y, "\n".join(cav_lines), prop_i, th["ink"], gid="caveat", va="bottom")
    cav.set_linespacing(1.2)
    return max(cav.get_window_extent(ctx.renderer).y1, y) + 0.8 * pad


def _beyond_data(result, geodata):
    """The reference layers' lon/lat box, rounded, if the scene reaches past it; else None."""
    geoms = _scene_geoms(result)
    if not geoms or geodata.countries is None or not len(geodata.countries):
        return None
    x0, y0, x1, y1 = shapely.GeometryCollection(geoms).bounds
    d0, e0, d1, e1 = (round(v) for v in geodata.countries.total_bounds)
    if x0 < d0 - 0.5 or y0 < e0 - 0.5 or x1 > d1 + 0.5 or y1 > e1 + 0.5:
        return d0, e0, d1, e1
    return None


# -- the map -----------------------------------------------------------------
def _add(ax, patch):
    """Add a patch without ``add_patch``'s data-limit update (slow for borders, and
    the limits are fixed anyway)."""
    return ax.add_artist(patch)


def _draw_path(ax, path, gid: str, zorder: float, **style) -> None:
    """Add ``path`` as a PathPatch with ``style`` (nothing when it is None:
    the layer has nothing in view)."""
    if path is not None:
        _add(ax, PathPatch(path, zorder=zorder, gid=gid, **style))


def _rgba(color: str, alpha: float):
    r, g, b, _ = matplotlib.colors.to_rgba(color)
    return (r, g, b, alpha)


def _scene_geoms(result) -> list[BaseGeometry]:
    geoms = [w.area for w in result.weapons if not w.area.is_empty]
    geoms += [g for _, g in result.sites if not g.is_empty]
    if result.allowed is not None and not result.allowed.is_empty:
        geoms.append(result.allowed)
    return geoms


def _near_scene(result, geom: BaseGeometry) -> bool:
    """Whether ``geom`` (lon/lat) comes within the scene's bounding box, i.e. is on the map."""
    geoms = _scene_geoms(result) + _note_points(result)
    if not geoms or geom is None or geom.is_empty:
        return False
    return geom.intersects(shapely.box(*shapely.GeometryCollection(geoms).bounds))


def _note_points(result) -> list[BaseGeometry]:
    return [shapely.Point(n.lon, n.lat) for n in result.scenario.notes]


def _view(result, aspect: float):
    """Projection centred on the scene and the half-extents (m) that fit the map box."""
    geoms = _scene_geoms(result)
    extra = _note_points(result)
    if not geoms and not extra:
        geoms = [shapely.box(22.0, 44.0, 40.5, 52.5)]  # Ukraine and its neighbours
    allg = shapely.GeometryCollection(geoms + extra)
    lon0, lat0 = _lonlat_centre(allg)
    for _ in range(2):
        # Re-centre on the projected extent's middle so the map centre, where the
        # scale bar is exact, is the projection's centre.
        tr = _aeqd(lon0, lat0)
        x0, y0, x1, y1 = _project(allg, tr).bounds
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        lon0, lat0 = tr.transform(cx, cy, direction="INVERSE")
    tr = _aeqd(lon0, lat0)
    x0, y0, x1, y1 = _project(allg, tr).bounds
    hx = max(abs(x0), abs(x1), 60_000.0)
    hy = max(abs(y0), abs(y1), 60_000.0)
    if not geoms:  # only notes: show some country around them
        hx, hy = hx + 150_000.0, hy + 150_000.0
    hx *= 1.06
    hy *= 1.06
    if hx / hy < aspect:
        hx = hy * aspect
    else:
        hy = hx / aspect
    return tr, (lon0, lat0), hx, hy


def _lonlat_centre(geom: BaseGeometry) -> tuple[float, float]:
    x0, y0, x1, y1 = geom.bounds
    return (x0 + x1) / 2.0, (y0 + y1) / 2.0


def _lonlat_box(tr: pyproj.Transformer, rect) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = rect
    n = 41
    xs = np.concatenate(
        [np.linspace(x0, x1, n), np.full(n, x1), np.linspace(x1, x0, n), np.full(n, x0)]
    )
    ys = np.concatenate(
        [np.full(n, y0), np.linspace(y0, y1, n), np.full(n, y1), np.linspace(y1, y0, n)]
    )
    lon, lat = tr.transform(xs, ys, direction="INVERSE")
    lon, lat = np.asarray(lon), np.asarray(lat)
    ok = np.isfinite(lon) & np.isfinite(lat)
    lo0, lo1 = float(lon[ok].min()) - 0.5, float(lon[ok].max()) + 0.5
    la0, la1 = float(lat[ok].min()) - 0.5, float(lat[ok].max()) + 0.5
    for pole_lat in (90.0, -90.0):
        px, py = tr.transform(0.0, pole_lat)
        if x0 <= px <= x1 and y0 <= py <= y1:
            lo0, lo1 = -180.0, 180.0
            la0, la1 = (la0, 90.0) if pole_lat > 0 else (-90.0, la1)
    if lo1 - lo0 > 300:
        lo0, lo1 = -180.0, 180.0
    return max(lo0, -180.0), max(la0, -90.0), min(lo1, 180.0), min(la1, 90.0)


def _draw_map(ctx: _Ctx, result, geodata, top_px: float, bottom_px: float, *, key_in_map: bool):
    th = ctx.theme
    pad = _margin(ctx)
    x0, x1 = pad, ctx.W - pad
    y0, y1 = bottom_px, top_px
    if y1 - y0 < 0.25 * ctx.H:
        raise InputError(
            f"size {ctx.size.name!r}: the title, key and sources leave less than a quarter of "
            f"the {ctx.size.width_px}x{ctx.size.height_px} px image for the map; choose a "
            "larger size or a shorter title"
        )
    ax = ctx.fig.add_axes((x0 / ctx.W, y0 / ctx.H, (x1 - x0) / ctx.W, (y1 - y0) / ctx.H), gid="map")
    ax.set_facecolor(th["sea"])
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_edgecolor(th["faint"])
        spine.set_linewidth(0.6)
    aspect = (x1 - x0) / (y1 - y0)
    tr, centre, hx, hy = _view(result, aspect)
    ax.set_xlim(-hx, hx)
    ax.set_ylim(-hy, hy)
    ax.set_aspect("auto")
    ax.set_autoscale_on(False)
    m_per_px = 2 * hx / (x1 - x0)
    rect = (-hx * 1.02, -hy * 1.02, hx * 1.02, hy * 1.02)
    ctx.centre = centre
    view = _View(
        ax=ax,
        tr=tr,
        centre=centre,
        hx=hx,
        hy=hy,
        m_per_px=m_per_px,
        rect=rect,
        llbox=_lonlat_box(tr, rect),
    )
    inset = 3.0 * ctx.u
    placer = _Placer((x0 + inset, y0 + inset, x1 - inset, y1 - inset))

    layers = _situation_layers(ctx, view)
    ctx.shown.update(occupied=layers["occupied"] is not None,
                     bands={i for i, _ in layers["bands"]})  # fmt: skip
    reach = [(i, _project(w.area, tr)) for i, w in enumerate(result.weapons) if not w.area.is_empty]
    story = [g for _, g in reach]
    if result.allowed is not None and not result.allowed.is_empty:
        story.append(_project(result.allowed, tr))
    story += [
        _project(g, tr) for _, g in result.sites if g.geom_type not in ("Point", "MultiPoint")
    ]
    _reserve_points(ctx, view, placer, result)
    scale_corner = "lower left"
    if key_in_map:
        corner = _place_key(ctx, view, placer, result, story)
        if corner == "lower left":
            scale_corner = "lower right"
    _draw_scale_bar(ctx, view, placer, scale_corner)

    countries = _draw_base(ctx, view, geodata)
    _draw_occupied(ctx, view, placer, layers)
    _draw_allowed(ctx, view, placer, result)
    _draw_reach(ctx, view, placer, result, reach)
    _draw_bands(ctx, view, placer, result, layers["bands"])
    _draw_launch(ctx, view, result)
    targets = _Targets(ctx, view, placer, result, geodata)  # airfield markers
    _label_reach(ctx, view, placer, result, reach)
    _label_bands(ctx, view, placer, result, layers["bands"])
    _draw_sites(ctx, view, placer, result)
    _draw_note_rings(ctx, view, placer, result)
    targets.label(targets.primary)
    _draw_notes(ctx, view, placer, result)
    # after the callouts, so that no leader line runs through it
    _label_allowed(ctx, view, placer, result)
    targets.label(targets.secondary)
    targets.finish()
    _label_countries(ctx, view, placer, geodata, countries)
    _label_regions(ctx, view, placer, geodata)
    return ax


def _reserve_points(ctx: _Ctx, view, placer: _Placer, result) -> None:
    """Keep callouts and range labels off the points the story needs labelled.

    Each reserved box holds the point and room for its name to the right, so
    that the label can still be placed later.
    """
    pts = [(g.x, g.y, n) for n, g in result.sites if g.geom_type == "Point"]
    pts += [(n.lon, n.lat, "") for n in result.scenario.notes]
    t = result.targets
    if len(t) and "in_range" in t.columns:
        big = max(result.scenario.min_population, 500_000)
        keep = t["in_range"].to_numpy(bool) & (
            (t["layer"] == "places").to_numpy()
            | ((t["layer"] == "cities").to_numpy() & (t["population"].to_numpy() >= big))
        )
        pts += list(
            zip(
                t["lon"].to_numpy(float)[keep],
                t["lat"].to_numpy(float)[keep],
                t["name"].astype(str).to_numpy()[keep],
                strict=True,
            )
        )
    if not pts:
        return
    lon, lat, names = zip(*pts, strict=True)
    pxy = view.to_px(*view.project_xy(np.asarray(lon, float), np.asarray(lat, float)))
    r = 7.0 * ctx.u
    prop = ctx.font(7.6)
    for (px, py), name in zip(pxy, names, strict=True):
        w, h = ctx.measure(name, prop) if name else (0.0, 0.0)
        placer.add((px - r, py - max(r, h / 2), px + r + w, py + max(r, h / 2)), "soft")


_CORNERS = ("upper left", "upper right", "lower right", "lower left")


def _place_key(ctx: _Ctx, view, placer: _Placer, result, story) -> str | None:
    """Put the key in the map corner that covers least of the story; return the corner."""
    legend = _make_key(ctx, result, view.ax, None, None)
    if legend is None:
        return None
    bb = legend.get_window_extent(ctx.renderer)
    w, h = bb.width, bb.height
    b = placer.bounds
    if w > 0.62 * (b[2] - b[0]) or h > 0.6 * (b[3] - b[1]):
        raise _KeyDoesNotFit
    m = bb.x0 - view.ax.get_window_extent(ctx.renderer).x0  # the legend's own border pad
    # Smaller things the key should not hide: cities and airfields in range.
    t = result.targets
    pts = np.empty((0, 2))
    if len(t) and "in_range" in t.columns:
        sel = t["in_range"].to_numpy(bool) & (
            (t["layer"] == "airfields").to_numpy()
            | (
                (t["layer"] == "cities").to_numpy()
                & (t["population"].to_numpy() >= result.scenario.min_population)
            )
        )
        if sel.any():
            pts = view.to_px(
                *view.project_xy(t["lon"].to_numpy(float)[sel], t["lat"].to_numpy(float)[sel])
            )
    boxes = {
        "upper left": (b[0] + m, b[3] - m - h, b[0] + m + w, b[3] - m),
        "upper right": (b[2] - m - w, b[3] - m - h, b[2] - m, b[3] - m),
        "lower right": (b[2] - m - w, b[1] + m, b[2] - m, b[1] + m + h),
        "lower left": (b[0] + m, b[1] + m, b[0] + m + w, b[1] + m + h),
    }
    scores = {}
    for corner, box in boxes.items():
        d0 = view.to_data(box[0], box[1])
        d1 = view.to_data(box[2], box[3])
        rect = shapely.box(d0[0], d0[1], d1[0], d1[1])
        covered = sum(shapely.intersection(rect, g).area for g in story) / rect.area
        # Hiding an outline (where a range ends) is worse than hiding a fill.
        edges = sum(shapely.intersection(rect, g.boundary).length for g in story)
        covered += edges / view.m_per_px / (box[2] - box[0])
        n_pts = placer.count(box, "soft")
        n_small = (
            int(
                (
                    (pts[:, 0] > box[0])
                    & (pts[:, 0] < box[2])
                    & (pts[:, 1] > box[1])
                    & (pts[:, 1] < box[3])
                ).sum()
            )
            if len(pts)
            else 0
        )
        scores[corner] = 3 * covered + 0.15 * n_pts + 0.03 * n_small + 0.01 * _CORNERS.index(corner)
    corner = min(scores, key=scores.get)
    if scores[corner] > 1.2:
        legend.remove()
        raise _KeyDoesNotFit
    legend.set_loc(corner)
    placer.add(boxes[corner])
    return corner


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


def _draw_base(ctx: _Ctx, view: _View, geodata):
    th = ctx.theme
    ax = view.ax
    cidx, cgeoms = _clip_layer(geodata.countries, view.llbox, view.rect, view.tr)
    iso = geodata.countries["iso_a3"].to_numpy()[cidx] if len(cidx) else np.empty(0)
    focus = iso == "UKR"
    for mask, color, gid in (
        (~focus, th["land"], "land"),
        (focus, th["land_focus"], "land-ukraine"),
    ):
        _draw_path(ax, _polygon_path(cgeoms[mask]), gid, 1, facecolor=color, edgecolor="none")
    # Region borders are only lines: simplify them to a third of a pixel.
    tol_deg = view.m_per_px / 3 / 111_320.0
    _, rgeoms = _clip_layer(geodata.regions, view.llbox, view.rect, view.tr, tol_deg)
    # Region outlines double as the coastline; land borders are drawn over them.
    round_ends = {"fill": False, "capstyle": "round", "joinstyle": "round"}
    _draw_path(ax, _line_path(rgeoms), "region-borders", 2, edgecolor=th["region_edge"],
               linewidth=0.45 * ctx.s, **round_ends)  # fmt: skip
    _draw_path(ax, _line_path(_shared_borders(cgeoms)), "country-borders", 3,
               edgecolor=th["country_edge"], linewidth=1.1 * ctx.s, **round_ends)  # fmt: skip
    return cidx, cgeoms


#: Drawing tolerance of the reported-range outlines, metres (well below a pixel
#: of any map this module draws: a 300 km scene is ~0.5 km per pixel on the web).
_BAND_TOLERANCE_M = 100.0


#: Reported-range outlines per result (a map is often drawn again at another
#: size, theme or language; results are immutable).
_BANDS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _bands(result) -> tuple:
    """The reported-range outlines: (weapon index, area lon/lat) for each weapon
    whose catalog entry gives a higher credible reported range than the nominal
    one, from the same launch sites (the nominal range stays the filled area)."""
    from .geodesy import reach

    hit = _BANDS.get(result)
    if hit is not None:
        return hit
    geoms = [g for _, g in result.sites if not g.is_empty]
    launch = geoms[0] if len(geoms) == 1 else shapely.GeometryCollection(geoms)
    out = []
    for i, w in enumerate(result.weapons):
        km = _reported_km(w.weapon)
        if km is not None and geoms and not w.area.is_empty:
            out.append((i, reach(launch, km, tolerance_m=_BAND_TOLERANCE_M)))
    _BANDS[result] = tuple(out)
    return _BANDS[result]


def _reported_km(weapon) -> float | None:
    """The weapon's highest credible reported range, if above its nominal one."""
    km = weapon.reported_max_km
    return float(km) if km is not None and km > weapon.max_range_km else None


def _situation_layers(ctx: _Ctx, view: _View) -> dict[str, Any]:
    """The occupied area, the front line and the reported-range outlines, clipped
    to the view and projected (None / empty where nothing is in view)."""
    tol_deg = view.m_per_px / 3 / 111_320.0  # a third of a pixel
    box = shapely.box(*view.llbox)

    def in_view(geom):
        if geom is None or geom.is_empty or not geom.intersects(box):
            return None
        geom = shapely.clip_by_rect(geom, *view.llbox)
        geom = shapely.simplify(geom, tol_deg, preserve_topology=True)
        geom = shapely.clip_by_rect(_project(geom, view.tr), *view.rect)
        return None if geom.is_empty else geom

    occupied = in_view(ctx.sit.occupied_land) if ctx.sit is not None else None
    front = in_view(ctx.sit.front_line) if occupied is not None else None
    bands = []
    for i, geom in ctx.bands:
        ring = in_view(shapely.boundary(geom))
        if ring is not None:
            bands.append((i, ring))
    return {"occupied": occupied, "front": front, "bands": bands}


def _occupied_handle(ctx: _Ctx) -> Patch:
    th = ctx.theme
    p = Patch(facecolor=th["occupied"], edgecolor=th["front"], hatch=_OCCUPIED_HATCH,
              linewidth=1.0 * ctx.s)  # fmt: skip
    _set_hatch(p, ctx)
    return p


def _occupied_label(ctx: _Ctx) -> str:
    snap = ctx.sit.occupied
    return ctx.t["occupied"].format(source=_short_source(snap), date=snap.snapshot_date.isoformat())


def _short_source(snap) -> str:
    """The source's own name ("DeepStateMap"), as the credit line writes it, without
    the repository it comes through (the data exports and data/README.md name that)."""
    return snap.source.split(" via ", 1)[0]


_OCCUPIED_HATCH = "\\\\\\"


def _draw_occupied(ctx: _Ctx, view: _View, placer: _Placer, layers) -> None:
    """Occupied Ukraine as a muted hatched tint, the front line as a line of its own."""
    th = ctx.theme
    path = _polygon_path([layers["occupied"]]) if layers["occupied"] is not None else None
    if path is None:
        return
    _draw_path(view.ax, path, "occupied", 1.5, facecolor=th["occupied"], edgecolor="none")
    hatch = PathPatch(path, facecolor="none", edgecolor=th["occupied_hatch"],
                      hatch=_OCCUPIED_HATCH, linewidth=0, zorder=1.6,
                      gid="occupied-hatch")  # fmt: skip
    _set_hatch(hatch, ctx)
    _add(view.ax, hatch)
    front = layers["front"]
    if front is not None:
        _draw_path(view.ax, _line_path([front]), "front-line", 5.5, fill=False,
                   edgecolor=th["front"], linewidth=1.2 * ctx.s, capstyle="round",
                   joinstyle="round")  # fmt: skip
        _sample_outline(ctx, view, placer, front)


def _draw_bands(ctx: _Ctx, view: _View, placer: _Placer, result, bands) -> None:
    """Each reported-range outline as a dashed ring in its weapon's colour."""
    for i, ring in bands:
        color = result.weapons[i].color
        _draw_path(view.ax, _line_path([ring]), f"band-{i}", 6, fill=False, edgecolor=color,
                   linewidth=1.1 * ctx.s, linestyle=(0, (4, 2.5)))  # fmt: skip
        _sample_outline(ctx, view, placer, ring)


def _label_bands(ctx: _Ctx, view: _View, placer: _Placer, result, bands) -> None:
    """"reported up to 900 km" on each dashed ring."""
    prop = ctx.font(7.5, weight="bold", style="italic")
    prefs = np.radians([45, 135, 20, 70, 315, 225, 0, 90, 180, 270, 160, 200, 340, 110, 250, 290])
    for i, ring in bands:
        w = result.weapons[i]
        km = _fmt_km(_reported_km(w.weapon), ctx.lang)
        lines = [p for p in shapely.get_parts(ring) if p.length > 0]
        if not lines:
            continue
        line = max(lines, key=lambda p: p.length)
        _ring_label(ctx, view, placer, line, ctx.t["reported"].format(km=km), prop, w.color,
                    prefs, f"band-label-{i}", centre=view.tr.transform(*_launch_centre(result)),
                    force=False)  # fmt: skip


def _launch_centre(result) -> tuple[float, float]:
    geoms = [g for _, g in result.sites if not g.is_empty]
    c = shapely.GeometryCollection(geoms).centroid
    return c.x, c.y


def _draw_allowed(ctx: _Ctx, view: _View, placer: _Placer, result) -> None:
    if result.allowed is None or result.allowed.is_empty:
        return
    geom = shapely.clip_by_rect(_project(result.allowed, view.tr), *view.rect)
    path = _polygon_path([geom])
    if path is None:
        return
    _sample_outline(ctx, view, placer, geom)
    th = ctx.theme
    hatch = PathPatch(
        path,
        facecolor="none",
        edgecolor=_rgba(th["allowed"], 0.55),
        hatch="////",
        linewidth=0,
        zorder=4,
        gid="allowed-hatch",
    )
    _set_hatch(hatch, ctx)
    _add(view.ax, hatch)
    _draw_path(view.ax, path, "allowed-outline", 7, facecolor="none", edgecolor=th["allowed"],
               linewidth=1.3 * ctx.s)  # fmt: skip


def _draw_reach(ctx: _Ctx, view: _View, placer: _Placer, result, reach) -> None:
    """Fill each reach area where no shorter-range weapon reaches, and outline it whole.

    Stacked transparent fills would mix into muddy colours; bands keep each
    weapon's colour (the shortest range that reaches a place colours it).
    """
    th = ctx.theme
    shorter = None
    for i, geom in sorted(reach, key=lambda r: result.weapons[r[0]].weapon.max_range_km):
        w = result.weapons[i]
        clipped = shapely.clip_by_rect(geom, *view.rect)
        band = clipped if shorter is None else shapely.difference(clipped, shorter)
        shorter = clipped if shorter is None else shapely.union(shorter, clipped)
        _draw_path(view.ax, _polygon_path([band]), f"reach-{i}", 5,
                   facecolor=_rgba(w.color, th["reach_alpha"]), edgecolor="none")  # fmt: skip
        _draw_path(view.ax, _polygon_path([clipped]), f"reach-outline-{i}", 6,
                   facecolor="none", edgecolor=w.color, linewidth=1.7 * ctx.s)  # fmt: skip
        _sample_outline(ctx, view, placer, clipped)


def _sample_outline(ctx: _Ctx, view: _View, placer: _Placer, geom) -> None:
    """Points along an outline (layer ``lines``), for labels that should not cut it."""
    ring = shapely.boundary(geom)
    step = 8 * ctx.u * view.m_per_px
    n = int(min(ring.length / step, 4000))
    if n > 1:
        pts = shapely.get_coordinates(shapely.line_interpolate_point(ring, np.arange(n) * step))
        q = 2 * ctx.u
        for px, py in view.to_px(pts[:, 0], pts[:, 1]):
            placer.add((px - q, py - q, px + q, py + q), "lines")


def _draw_launch(ctx: _Ctx, view: _View, result) -> None:
    th = ctx.theme
    areas = [g for _, g in result.sites if g.geom_type not in ("Point", "MultiPoint")]
    if not areas:
        return
    geoms = shapely.clip_by_rect(_project(np.asarray(areas, dtype=object), view.tr), *view.rect)
    dashed = {"edgecolor": th["ink"], "linestyle": (0, (3, 2))}
    _draw_path(view.ax, _polygon_path(geoms), "launch-areas", 7,
               facecolor=_rgba(th["ink"], 0.10), linewidth=1.0 * ctx.s, **dashed)  # fmt: skip
    lines = _line_path([g for g in geoms if g.geom_type in ("LineString", "MultiLineString")])
    _draw_path(view.ax, lines, "launch-lines", 7, fill=False, linewidth=1.6 * ctx.s, **dashed)


def _nice_length_km(target_km: float) -> float:
    exp = 10 ** math.floor(math.log10(target_km))
    for m in (5, 2.5, 2, 1):
        if m * exp <= target_km:
            return m * exp
    return exp


def _draw_scale_bar(ctx: _Ctx, view: _View, placer: _Placer, corner: str) -> None:
    """A scale bar, exact at the map centre, in a lower corner of the map."""
    from .geodesy import GEOD

    th = ctx.theme
    ax = view.ax
    length_km = _nice_length_km(0.18 * 2 * view.hx / 1000.0)
    # The bar's length on the map: walk length_km east of the centre on the
    # ellipsoid and measure how far from the centre that lands.
    lon0, lat0 = view.centre
    lon1, lat1, _ = GEOD.fwd(lon0, lat0, 90.0, length_km * 1000.0)
    x1, y1 = view.tr.transform(lon1, lat1)
    cx, cy = view.tr.transform(lon0, lat0)
    bar_px = math.hypot(x1 - cx, y1 - cy) / view.m_per_px
    fs = ctx.font(6.8)
    note_prop = ctx.font(6.0, style="italic")
    label = f"{_fmt_km(length_km, ctx.lang)} {ctx.t['km']}"
    label_w, text_h = ctx.measure(label, fs)
    note_w, note_h = ctx.measure(ctx.t["scale_note"], note_prop)
    bar_h = 2.0 * ctx.s * ctx.px_per_pt
    gap = 2.5 * ctx.u
    inner = 5 * ctx.u  # plate padding
    width = max(bar_px + label_w / 2, note_w) + 2 * inner
    height = note_h + bar_h + text_h + 2 * gap + 2 * inner
    b = placer.bounds
    m = 6 * ctx.u
    px0 = b[0] + m if corner == "lower left" else b[2] - m - width
    py0 = b[1] + m
    plate = (px0, py0, px0 + width, py0 + height)
    placer.add(plate)
    d0, d1 = view.to_data(plate[0], plate[1]), view.to_data(plate[2], plate[3])
    _add(
        ax,
        Rectangle(
            d0,
            d1[0] - d0[0],
            d1[1] - d0[1],
            facecolor=_rgba(th["halo"], 0.85),
            edgecolor="none",
            zorder=11,
            gid="scale-bar-plate",
        ),
    )
    left = px0 + inner
    note_y = py0 + inner
    bar_y = note_y + note_h + gap
    xa, ya = view.to_data(left, bar_y)
    xb, yb = view.to_data(left + bar_px, bar_y + bar_h)
    half = (xb - xa) / 2
    for k, fc in enumerate((th["ink"], th["halo"])):
        _add(
            ax,
            Rectangle(
                (xa + k * half, ya),
                half,
                yb - ya,
                facecolor=fc,
                edgecolor=th["ink"],
                linewidth=0.6,
                zorder=12,
                gid=f"scale-bar-{k}",
            ),
        )
    ty = bar_y + bar_h + gap
    for frac, text, gid in ((0.0, "0", "scale-bar-zero"), (1.0, label, "scale-bar-label")):
        tx, tyd = view.to_data(left + frac * bar_px, ty)
        ax.text(
            tx,
            tyd,
            text,
            fontproperties=fs,
            color=th["ink"],
            ha="center",
            va="bottom",
            zorder=12,
            parse_math=False,
            gid=gid,
        )
    nx, ny = view.to_data(left, note_y)
    ax.text(
        nx,
        ny,
        ctx.t["scale_note"],
        fontproperties=note_prop,
        color=th["muted"],
        ha="left",
        va="bottom",
        zorder=12,
        parse_math=False,
        gid="scale-bar-note",
    )


def _text_box(px, py, w, h, ha, va, pad=1.5):
    x0 = {"left": px, "right": px - w, "center": px - w / 2}[ha]
    y0 = {"bottom": py, "top": py - h, "center": py - h / 2}[va]
    return (x0 - pad, y0 - pad, x0 + w + pad, y0 + h + pad)


def _place_text(
    ctx,
    view,
    placer,
    candidates,
    text,
    prop,
    color,
    *,
    gid,
    halo=True,
    zorder=9,
    pad=1.5,
    force=False,
    avoid=("weak",),
):
    """Put ``text`` at the first free candidate (px, py, ha, va); return the artist or None.

    Among candidates that collide with nothing placed, the one that covers
    fewest boxes of the ``avoid`` layers wins (earlier layers weigh more; ties
    go to the earlier candidate).
    """
    w, h = ctx.measure(text, prop)
    best, best_cost = None, math.inf
    weights = [10.0 ** (len(avoid) - k) for k in range(len(avoid))]
    for n, (px, py, ha, va) in enumerate(candidates):
        box = _text_box(px, py, w, h, ha, va, pad * ctx.u)
        if not placer.free(box):
            continue
        cost = n * 1e-3 + sum(
            wt * placer.count(box, layer) for wt, layer in zip(weights, avoid, strict=True)
        )
        if cost < best_cost:
            best, best_cost = (px, py, ha, va, box), cost
            if cost < 1:
                break
    if best is None and force:  # a label the map needs: the least crowded candidate
        scored = []
        for px, py, ha, va in candidates:
            box = _text_box(px, py, w, h, ha, va, pad * ctx.u)
            if placer.inside(box):
                scored.append((placer.overlap(box), (px, py, ha, va, box)))
        if scored:
            best = min(scored, key=lambda s: s[0])[1]
    if best is None:
        return None
    px, py, ha, va, box = best
    placer.add(box)
    x, y = view.to_data(px, py)
    art = view.ax.text(
        x,
        y,
        text,
        fontproperties=prop,
        color=color,
        ha=ha,
        va=va,
        zorder=zorder,
        parse_math=False,
        gid=gid,
        clip_on=False,
    )
    if halo:
        ctx.halo(art)
    return art


def _point_candidates(px: float, py: float, r: float):
    d = r * 0.75
    return [
        (px + r, py, "left", "center"),
        (px - r, py, "right", "center"),
        (px, py + r, "center", "bottom"),
        (px, py - r, "center", "top"),
        (px + d, py + d, "left", "bottom"),
        (px + d, py - d, "left", "top"),
        (px - d, py + d, "right", "bottom"),
        (px - d, py - d, "right", "top"),
    ]


def _label_reach(ctx, view, placer, result, reach_geoms) -> None:
    """Range labels ("300 km") on each reach outline, and on minimum-range holes."""
    prop = ctx.font(8.5, weight="bold")
    # Preferred bearings for the label, from the reach centre: upper right first.
    prefs = np.radians([45, 135, 20, 70, 315, 225, 0, 90, 180, 270, 160, 200, 340, 110, 250, 290])
    for i, geom in reach_geoms:
        w = result.weapons[i]
        label = f"{_fmt_km(w.weapon.max_range_km, ctx.lang)} {ctx.t['km']}"
        polys = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon"]
        if not polys:
            continue
        poly = max(polys, key=lambda p: p.area)
        _ring_label(ctx, view, placer, poly.exterior, label, prop, w.color, prefs, f"range-{i}")
        if w.weapon.min_range_km > 0:
            holes = [r for p in polys for r in p.interiors]
            if holes:
                hole = max(holes, key=lambda r: shapely.Polygon(r).area)
                if shapely.Polygon(hole).area / view.m_per_px**2 > 900 * ctx.u**2:
                    hlabel = (
                        f"{ctx.t['min']} {_fmt_km(w.weapon.min_range_km, ctx.lang)} {ctx.t['km']}"
                    )
                    _ring_label(
                        ctx,
                        view,
                        placer,
                        hole,
                        hlabel,
                        ctx.font(7.5, weight="bold"),
                        w.color,
                        prefs,
                        f"min-range-{i}",
                    )


def _ring_label(ctx, view, placer, ring, label, prop, color, prefs, gid, *, centre=None,
                force=True) -> None:  # fmt: skip
    """Put ``label`` on ``ring`` at the first free point in the ``prefs`` bearings
    (radians) from ``centre`` (projected; default the ring's centroid)."""
    pts = np.asarray(ring.coords)
    cx, cy = np.asarray(ring.centroid.coords[0]) if centre is None else centre
    ang = np.arctan2(pts[:, 1] - cy, pts[:, 0] - cx)
    candidates = []
    for a in prefs:
        k = int(np.argmin(np.abs(np.angle(np.exp(1j * (ang - a))))))
        x, y = pts[k]
        if not (-view.hx < x < view.hx and -view.hy < y < view.hy):
            continue
        px, py = view.to_px(x, y)[0]
        candidates.append((px, py, "center", "center"))
    art = _place_text(
        ctx,
        view,
        placer,
        candidates,
        label,
        prop,
        color,
        gid=gid,
        zorder=10,
        avoid=("soft", "weak"),
        force=force,
    )
    if art is not None:
        ctx.halo(art, 3.0)


def _label_allowed(ctx, view, placer, result) -> None:
    if result.allowed is None or result.allowed.is_empty:
        return
    geom = shapely.clip_by_rect(_project(result.allowed, view.tr), *view.rect)
    if geom.is_empty:
        return
    polys = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon"]
    if not polys:
        return
    from shapely.ops import polylabel

    poly = max(polys, key=lambda p: p.area)
    try:
        c = polylabel(poly, tolerance=view.m_per_px * 2)
    except Exception:  # degenerate polygons after clipping
        c = poly.representative_point()
    px, py = view.to_px(c.x, c.y)[0]
    prop = ctx.font(7.8, weight="bold", style="italic")
    step = 12 * ctx.u
    cands = [
        (px + dx * step, py + dy * step, "center", "center")
        for dy in (0, 1, -1, 2, -2)
        for dx in (0, 2, -2, 4, -4)
    ]
    cands = [c for c in cands if poly.contains(shapely.Point(view.to_data(c[0], c[1])))]
    # Then just outside the outline: above, below, right, left.
    bx0, by0 = view.to_px(poly.bounds[0], poly.bounds[1])[0]
    bx1, by1 = view.to_px(poly.bounds[2], poly.bounds[3])[0]
    mx, my, gap = (bx0 + bx1) / 2, (by0 + by1) / 2, 3 * ctx.u
    for dx in (0, -0.3, 0.3):
        qx = mx + dx * (bx1 - bx0)
        cands += [(qx, by1 + gap, "center", "bottom"), (qx, by0 - gap, "center", "top")]
    cands += [(bx1 + gap, my, "left", "center"), (bx0 - gap, my, "right", "center")]
    _place_text(
        ctx,
        view,
        placer,
        cands,
        ctx.t["allowed"],
        prop,
        ctx.theme["allowed"],
        gid="allowed-label",
        zorder=10,
        avoid=("soft", "weak"),
        force=True,
    )


def _draw_sites(ctx, view, placer, result) -> None:
    th = ctx.theme
    pts = [(n, g) for n, g in result.sites if g.geom_type == "Point"]
    if not pts:
        return
    lon = np.array([g.x for _, g in pts])
    lat = np.array([g.y for _, g in pts])
    x, y = view.project_xy(lon, lat)
    ms = 7.0 * ctx.s
    view.ax.plot(
        x,
        y,
        linestyle="none",
        marker="^",
        markersize=ms,
        markerfacecolor=th["ink"],
        markeredgecolor=th["halo"],
        markeredgewidth=0.9,
        zorder=13,
        gid="launch-sites",
    )
    pxy = view.to_px(x, y)
    r = ms * ctx.px_per_pt * 0.6 + 2 * ctx.u
    prop = ctx.font(8.0, weight="bold")
    for px, py in pxy:
        placer.add((px - r, py - r, px + r, py + r))
    for k, ((name, _), (px, py)) in enumerate(zip(pts, pxy, strict=True)):
        _place_text(
            ctx,
            view,
            placer,
            _point_candidates(px, py, r + 3 * ctx.u),
            name,
            prop,
            th["ink"],
            gid=f"site-label-{k}",
            zorder=13,
            force=True,
        )
        ctx.site_points.append((float(px), float(py), name))


def _draw_note_rings(ctx, view, placer, result) -> None:
    """The callouts' points: a ring each (a ring, not a dot: the point is not a city)."""
    notes = result.scenario.notes
    if not notes:
        return
    th = ctx.theme
    x, y = view.project_xy([n.lon for n in notes], [n.lat for n in notes])
    anchors = view.to_px(x, y)
    ring_pt = 5.0 * ctx.s
    r = ring_pt * ctx.px_per_pt / 2 + ctx.u
    inside = np.array([placer.inside((px - r, py - r, px + r, py + r)) for px, py in anchors])
    idx = np.flatnonzero(inside)
    view.ax.plot(
        x[idx],
        y[idx],
        linestyle="none",
        marker="o",
        markersize=ring_pt,
        markerfacecolor=th["halo"],
        markeredgecolor=th["ink"],
        markeredgewidth=1.3 * ctx.s,
        zorder=14.5,
        gid="note-anchors",
    )
    ctx.note_rings = [None] * len(notes)
    for k in idx:
        px, py = anchors[k]
        placer.add((px - r, py - r, px + r, py + r))
        ctx.note_rings[k] = (float(px), float(py), r)


def _draw_notes(ctx, view, placer, result) -> None:
    """Callout boxes, placed near their rings, with leader lines."""
    notes = result.scenario.notes
    if not notes:
        return
    th = ctx.theme
    b = placer.bounds
    map_w = b[2] - b[0]
    prop = ctx.font(6.9)
    wrap_w = min(max(0.22 * map_w, 150 * ctx.u), 260 * ctx.u)
    pad_px = 4.0 * ctx.s * ctx.px_per_pt / 2
    centre = np.array([(b[0] + b[2]) / 2, (b[1] + b[3]) / 2])
    leaders: list[tuple[float, float, float, float]] = []
    for k, (note, ring) in enumerate(zip(notes, ctx.note_rings, strict=True)):
        if ring is None:
            continue
        ax_, ay_, _ = ring
        text = "\n".join(ctx.wrap(note.text, prop, wrap_w, balance=True))
        art = view.ax.text(
            0,
            0,
            text,
            fontproperties=prop,
            color=th["ink"],
            ha="left",
            va="bottom",
            zorder=15,
            parse_math=False,
            gid=f"note-{k}",
            linespacing=1.2,
            clip_on=False,
        )
        bb = art.get_window_extent(ctx.renderer)
        bw, bh = bb.width + 2 * pad_px, bb.height + 2 * pad_px
        chosen = _note_box(ctx, placer, (ax_, ay_), bw, bh, centre, leaders)
        if chosen is None:
            art.remove()
            continue
        placer.add(chosen)
        tx, ty = view.to_data(chosen[0] + pad_px, chosen[1] + pad_px)
        art.set_position((tx, ty))
        art.set_bbox(
            dict(
                boxstyle=f"square,pad={pad_px / (prop.get_size_in_points() * ctx.px_per_pt):.3f}",
                facecolor=_rgba(th["note_bg"], 0.92),
                edgecolor=th["faint"],
                linewidth=0.5,
            )
        )
        # Leader from the anchor to the nearest point of the box.
        lx = min(max(ax_, chosen[0]), chosen[2])
        ly = min(max(ay_, chosen[1]), chosen[3])
        leaders.append((ax_, ay_, lx, ly))
        if math.hypot(lx - ax_, ly - ay_) > 3 * ctx.u:
            a = view.to_data(ax_, ay_)
            c = view.to_data(lx, ly)
            (leader,) = view.ax.plot(
                [a[0], c[0]],
                [a[1], c[1]],
                color=th["ink"],
                linewidth=0.8 * ctx.s,
                zorder=14,
                gid=f"note-leader-{k}",
                solid_capstyle="round",
            )
            leader.set_path_effects(
                [patheffects.withStroke(linewidth=2.4 * ctx.s, foreground=th["halo"])]
            )
            # Keep labels off the leader: small boxes along it.
            n = max(2, int(math.hypot(lx - ax_, ly - ay_) / (5 * ctx.u)))
            for f in np.linspace(0, 1, n)[1:-1]:
                qx, qy = ax_ + f * (lx - ax_), ay_ + f * (ly - ay_)
                placer.add((qx - 2 * ctx.u, qy - 2 * ctx.u, qx + 2 * ctx.u, qy + 2 * ctx.u))


def _segments_cross(a, b) -> bool:
    (x1, y1, x2, y2), (x3, y3, x4, y4) = a, b

    def orient(ax, ay, bx, by, cx, cy):
        return np.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax))

    return orient(x1, y1, x2, y2, x3, y3) != orient(x1, y1, x2, y2, x4, y4) and orient(
        x3, y3, x4, y4, x1, y1
    ) != orient(x3, y3, x4, y4, x2, y2)


def _note_box(ctx, placer: _Placer, anchor, bw: float, bh: float, centre, leaders):
    """The best free box for a callout: short leader, off the story's points, no crossings."""
    ax_, ay_ = anchor
    u = ctx.u
    out = np.array([ax_, ay_]) - centre
    out = out / (np.hypot(*out) or 1.0)
    best, best_cost = None, math.inf
    for dist in np.array([24, 34, 46, 62, 82, 108, 140, 180, 230]) * ctx.u:
        for a in np.radians(np.arange(0, 360, 22.5)):
            dx, dy = math.cos(a), math.sin(a)
            tx, ty = ax_ + dx * dist, ay_ + dy * dist
            bx0 = tx if dx > 0.38 else (tx - bw if dx < -0.38 else tx - bw / 2)
            by0 = ty if dy > 0.38 else (ty - bh if dy < -0.38 else ty - bh / 2)
            box = (bx0, by0, bx0 + bw, by0 + bh)
            if not placer.free(box, pad=3 * u):
                continue
            lx = min(max(ax_, box[0]), box[2])
            ly = min(max(ay_, box[1]), box[3])
            seg = (ax_, ay_, lx, ly)
            length = math.hypot(lx - ax_, ly - ay_)
            cost = length / u + 15 * (1 - (dx * out[0] + dy * out[1]))
            cost += 25 * placer.count(box, "soft", 2 * u) + 5 * placer.count(box, "weak", 2 * u)
            cost += 400 * sum(_segments_cross(seg, other) for other in leaders)
            # Leaders that run over labels or markers are hard to follow.
            n = max(2, int(length / (6 * u)))
            for f in np.linspace(0, 1, n)[1:-1]:
                qx, qy = ax_ + f * (lx - ax_), ay_ + f * (ly - ay_)
                if math.hypot(qx - ax_, qy - ay_) > 8 * u:
                    q = (qx - u, qy - u, qx + u, qy + u)
                    cost += 200 * placer.count(q, "hard") + 30 * placer.count(q, "soft")
            if cost < best_cost:
                best, best_cost = box, cost
    if best is None:  # nowhere free: the least crowded spot near the point
        boxes = []
        for dist in np.array([30, 60, 100]) * ctx.u:
            for a in np.radians(np.arange(0, 360, 45)):
                bx0, by0 = ax_ + math.cos(a) * dist - bw / 2, ay_ + math.sin(a) * dist - bh / 2
                box = (bx0, by0, bx0 + bw, by0 + bh)
                if placer.inside(box):
                    boxes.append(box)
        best = min(boxes, key=placer.overlap) if boxes else None
    return best


def _airfields_in_range(result) -> np.ndarray:
    t = result.targets
    if not len(t) or "in_range" not in t.columns:
        return np.empty(0, dtype=int)
    return np.flatnonzero(((t["layer"] == "airfields") & t["in_range"]).to_numpy())


class _Targets:
    """Markers and labels of the targets, placed in priority order.

    ``primary``: the places in the news that are in range, and user targets;
    ``secondary``: cities in range above the scenario's population threshold
    (largest first), then news places out of range (muted).  Airfields in
    range get a plane marker each and no label (the key counts them).
    """

    _MARKERS = {"airbase": _PLANE, "nuclear-plant": "D", "bridge": "s"}

    def __init__(self, ctx: _Ctx, view, placer: _Placer, result, geodata):
        self.ctx, self.view, self.placer = ctx, view, placer
        th = ctx.theme
        t = self.t = result.targets
        self.empty = not len(t)
        if self.empty:
            self.primary = self.secondary = np.empty(0, dtype=int)
            return
        self.x, self.y = view.project_xy(t["lon"].to_numpy(float), t["lat"].to_numpy(float))
        self.pxy = view.to_px(self.x, self.y)
        b = placer.bounds
        px, py = self.pxy[:, 0], self.pxy[:, 1]
        visible = (px > b[0]) & (px < b[2]) & (py > b[1]) & (py < b[3])
        self.layer = t["layer"].to_numpy()
        self.in_range = (
            t["in_range"].to_numpy(bool) if "in_range" in t.columns else np.zeros(len(t), bool)
        )
        self.pop = t["population"].to_numpy(float)
        self.kind = t["kind"].astype(str).to_numpy()
        self.names = t["name"].astype(str).to_numpy()
        self.names_uk = t["name_uk"].fillna("").astype(str).to_numpy() if "name_uk" in t else None

        af = np.flatnonzero((self.layer == "airfields") & self.in_range & visible)
        if af.size:
            # Hundreds of planes would hide the map: smaller markers when there are many.
            size_pt = _PLANE_PT * ctx.s * max(0.5, min(1.0, math.sqrt(80 / af.size)))
            view.ax.plot(
                self.x[af],
                self.y[af],
                linestyle="none",
                marker=_PLANE,
                markersize=size_pt,
                markerfacecolor=th["ink"],
                markeredgecolor=th["halo"],
                markeredgewidth=0.4,
                zorder=8,
                gid="airfields",
            )
            r = size_pt * ctx.px_per_pt * 0.35
            for x0, y0 in self.pxy[af]:
                placer.add((x0 - r, y0 - r, x0 + r, y0 + r), "weak")

        places = np.flatnonzero((self.layer == "places") & visible)
        user = np.flatnonzero((self.layer == "user") & visible)
        cities = np.flatnonzero(
            (self.layer == "cities")
            & self.in_range
            & visible
            & (self.pop >= result.scenario.min_population)
        )
        cities = cities[np.argsort(-self.pop[cities], kind="stable")]
        self.primary = np.concatenate([places[self.in_range[places]], user]).astype(int)
        # Big cities in range, then news places out of range (for orientation:
        # Kyiv should not lose its label to a suburb in range), then the rest.
        big = self.pop[cities] >= 500_000
        self.secondary = np.concatenate(
            [cities[big], places[~self.in_range[places]], cities[~big]]
        ).astype(int)
        # Ukrainian city names come from the places list where it has them
        # (the cities layer has none).
        self.uk_by_name = {}
        if ctx.lang == "uk" and geodata is not None and len(geodata.places):
            self.uk_by_name = dict(
                zip(geodata.places["name_en"], geodata.places["name_uk"], strict=True)
            )
        area = (b[2] - b[0]) * (b[3] - b[1])
        unit = ctx.u**2
        self.max_labels = int(area / (12000 * unit))
        self.min_sep = 16.0 * ctx.u
        self.seen: set[str] = set()
        self.anchors: list[tuple[float, float]] = []
        self.dots: list[tuple[float, float, str]] = []
        self.special: dict[Any, list[int]] = {}
        self.placed = 0

    def label(self, indices: np.ndarray) -> None:
        if self.empty:
            return
        if not self.anchors and not self.seen:  # launch points are labelled already
            for px, py, name in self.ctx.site_points:
                self.seen.add(name.casefold())
                self.anchors.append((px, py))
        self._label(indices)

    def _label_of(self, i: int) -> str:
        name = self.names[i]
        if self.ctx.lang != "uk":
            return name
        uk = self.names_uk[i].strip() if self.names_uk is not None else ""
        return uk or self.uk_by_name.get(name) or name

    def _label(self, indices: np.ndarray) -> None:
        ctx, th = self.ctx, self.ctx.theme
        prop_in = ctx.font(7.6)
        prop_big = ctx.font(8.2, weight="bold")
        prop_out = ctx.font(7.0)  # muted, upright: italics are for regions
        r_dot = 5.2 * ctx.u
        for i in indices:
            if self.placed >= self.max_labels:
                return
            key = self.names[i].casefold()
            if key in self.seen:
                continue
            px, py = self.pxy[i]
            if any(math.hypot(px - qx, py - qy) < self.min_sep for qx, qy in self.anchors):
                continue  # a district next to its city, or a place and the same city
            # A place under a callout's ring is labelled next to the ring, without a dot.
            ring = next(
                (a for a in ctx.note_rings if a and math.hypot(px - a[0], py - a[1]) < a[2]), None
            )
            r = ring[2] + 3 * ctx.u if ring else r_dot
            dot_box = (px - r_dot * 0.6, py - r_dot * 0.6, px + r_dot * 0.6, py + r_dot * 0.6)
            if not self.placer.inside(dot_box):
                continue
            rng = bool(self.in_range[i])
            prop = prop_big if rng and self.pop[i] >= 1_000_000 else (prop_in if rng else prop_out)
            color = th["ink"] if rng else th["muted"]
            art = _place_text(
                ctx,
                self.view,
                self.placer,
                _point_candidates(px, py, r),
                self._label_of(i),
                prop,
                color,
                gid=f"target-{i}",
            )
            if art is None:
                continue
            self.placed += 1
            self.seen.add(key)
            self.anchors.append((px, py))
            if ring:
                continue
            self.placer.add(dot_box)
            if self.layer[i] == "places" and self.kind[i] in self._MARKERS:
                self.special.setdefault(self._MARKERS[self.kind[i]], []).append(i)
            elif self.layer[i] == "user":
                self.special.setdefault("X", []).append(i)
            else:
                self.dots.append((self.x[i], self.y[i], color))

    def finish(self) -> None:
        if self.empty:
            return
        ctx, th, ax = self.ctx, self.ctx.theme, self.view.ax
        if self.dots:
            xs, ys, cs = zip(*self.dots, strict=True)
            ax.scatter(
                xs,
                ys,
                s=(3.4 * ctx.s) ** 2,
                c=list(cs),
                edgecolors=th["halo"],
                linewidths=0.6,
                zorder=9,
                gid="target-dots",
            )
        for marker, idx in self.special.items():
            idx = np.asarray(idx)
            ax.plot(
                self.x[idx],
                self.y[idx],
                linestyle="none",
                marker=marker,
                markersize=(_PLANE_PT if marker is _PLANE else 4.5) * ctx.s,
                markerfacecolor=th["ink"],
                markeredgecolor=th["halo"],
                markeredgewidth=0.5,
                zorder=9,
                gid="target-markers",
            )


def _label_countries(ctx, view, placer, geodata, countries) -> None:
    cidx, cgeoms = countries
    if not len(cidx):
        return
    th = ctx.theme
    names = geodata.countries["name_uk" if ctx.lang == "uk" else "name_en"].to_numpy()[cidx]
    names_en = geodata.countries["name_en"].to_numpy()[cidx]
    areas = shapely.area(cgeoms) / view.m_per_px**2
    prop = ctx.font(9.5, weight="bold")
    from shapely.ops import polylabel

    for k in np.argsort(-areas):
        if areas[k] < 12_000 * ctx.u**2:
            break
        name = names[k] if isinstance(names[k], str) and names[k] else names_en[k]
        label = "\u2009".join(name.upper())
        polys = [p for p in shapely.get_parts(cgeoms[k]) if p.geom_type == "Polygon"]
        if not polys:
            continue
        poly = max(polys, key=lambda p: p.area)
        try:
            c = polylabel(poly, tolerance=view.m_per_px * 4)
        except Exception:
            c = poly.representative_point()
        px, py = view.to_px(c.x, c.y)[0]
        step = 18 * ctx.u
        cands = [
            (px + dx, py + dy, "center", "center")
            for dy in (0, -step, step, -2 * step, 2 * step, -3 * step, 3 * step)
            for dx in (0, -3 * step, 3 * step)
        ]
        cands = [cd for cd in cands if poly.contains(shapely.Point(view.to_data(cd[0], cd[1])))]
        _place_text(
            ctx,
            view,
            placer,
            cands,
            label,
            prop,
            _rgba(th["faint"], 0.95),
            gid=f"country-{cidx[k]}",
            zorder=8.5,
            pad=4,
            avoid=("soft", "lines", "weak"),
        )


def _short_region(name: str, lang: str) -> str:
    if lang == "uk":
        return name.replace(" область", " обл.").replace("Автономна Республіка ", "АР ")
    return name


def _label_regions(ctx, view, placer, geodata) -> None:
    regions = geodata.regions
    if regions is None or not len(regions):
        return
    lon = regions["label_lon"].to_numpy(float)
    lat = regions["label_lat"].to_numpy(float)
    b = view.llbox
    cand = np.flatnonzero((lon >= b[0]) & (lon <= b[2]) & (lat >= b[1]) & (lat <= b[3]))
    if not cand.size:
        return
    x, y = view.project_xy(lon[cand], lat[cand])
    pxy = view.to_px(x, y)
    pb = placer.bounds
    on_map = (pxy[:, 0] > pb[0]) & (pxy[:, 0] < pb[2]) & (pxy[:, 1] > pb[1]) & (pxy[:, 1] < pb[3])
    cand, pxy = cand[on_map], pxy[on_map]
    # Area on the map, near enough for a threshold: degrees² scaled at the label's latitude.
    geoms = np.asarray(regions.geometry.array, dtype=object)[cand]
    km_deg = 111.32
    area_km2 = shapely.area(geoms) * km_deg**2 * np.cos(np.radians(lat[cand]))
    area_px = area_km2 * 1e6 / view.m_per_px**2
    country = regions["country"].to_numpy()[cand]
    col = "name_uk" if ctx.lang == "uk" else "name_en"
    names = regions[col].to_numpy()[cand]
    names_en = regions["name_en"].to_numpy()[cand]
    focus = np.isin(country, ("UKR", "RUS", "BLR"))
    order = np.lexsort((-area_px, ~focus))
    # A region named like a labelled city ("Bryansk") would read as a second city.
    taken = {
        t.get_text().casefold()
        for t in view.ax.texts
        if (t.get_gid() or "").startswith(("target-", "site-label-"))
    }
    prop = ctx.font(6.4, style="italic")
    char_w = 0.55 * prop.get_size_in_points() * ctx.px_per_pt  # rough, to skip before measuring
    color = ctx.theme["faint"]
    for k in order:
        name = names[k] if isinstance(names[k], str) and names[k] else names_en[k]
        name = _short_region(str(name), ctx.lang)
        if name.casefold() in taken or area_px[k] < (len(name) * char_w * 0.8) ** 2 * 0.35:
            continue
        w, _ = ctx.measure(name, prop)
        if area_px[k] < (w * 1.1) ** 2 * 0.35:
            continue  # the name would spill far beyond the region
        px, py = pxy[k]
        _place_text(
            ctx,
            view,
            placer,
            [(px, py, "center", "center")],
            name,
            prop,
            color,
            gid=f"region-{cand[k]}",
            zorder=8.2,
            pad=3,
        )


def _allowed_names(result, lang: str) -> str:
    from .evaluate import allowed_regions  # (evaluate imports nothing from here)

    # the overlay's regions: the user's and those the decisions table allows
    ids = list(allowed_regions(result.scenario))
    names = {}
    for w in result.weapons:
        cov = w.coverage
        if cov is None or not len(cov):
            continue
        for rid, en, uk in zip(cov["region_id"], cov["region"], cov["name_uk"], strict=True):
            names.setdefault(rid, uk if lang == "uk" and isinstance(uk, str) and uk else en)
    shown = [_short_region(str(names.get(r, r)), lang) for r in ids[:3]]
    return ", ".join(shown) + ("…" if len(ids) > 3 else "")


# --------------------------------------------------------------------------
# Alt text
# --------------------------------------------------------------------------
def _pop_text(value: float, lang: str) -> str:
    """A population rounded as the headline rounds it: ``"4.5 million"``,
    ``"4,5 млн"``, ``"841,000"``, ``"841 000"``."""
    text = analysis.human_number(value)
    if lang == "en":
        return text
    t = _TEXT[lang]
    text = text.replace(",", "\u202f").replace(".", ",")
    return text.replace(" million", f" {t['million']}").replace(" billion", f" {t['billion']}")


def _count_text(n: int, what: str, lang: str) -> str:
    """``"6 airfields"``, ``"1 airfield"``, ``"no cities"``; in Ukrainian with its
    three plural forms (``"1 аеродром"``, ``"4 аеродроми"``, ``"6 аеродромів"``)."""
    t = _TEXT[lang]
    if n == 0:
        return t[f"no_{what}"]
    one, few, many = t[f"{what}_forms"].split()
    if lang == "uk":
        if n % 10 == 1 and n % 100 != 11:
            form = one
        elif 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            form = few
        else:
            form = many
        return f"{n:,} {form}".replace(",", "\u202f")
    return f"{n:,} {one if n == 1 else many}"


def _targets_words(airfields: int, cities: int, people: int, lang: str, *, full: bool):
    """The counts of one clause; with ``full`` False the zero counts are left out
    (as :class:`ranges.analysis.Headline` leaves them out)."""
    parts = []
    if full or airfields:
        parts.append(_count_text(airfields, "airfield", lang))
    if full or cities:
        text = _count_text(cities, "city", lang)
        if cities:
            text += " " + _TEXT[lang]["with_people"].format(people=_pop_text(people, lang))
        parts.append(text)
    return parts


def _headline_words(w, lang: str) -> str:
    """What a weapon reaches, in ``lang``, clause by clause as its English headline
    (:attr:`ranges.analysis.Headline.text`, after the colon) says it: the other
    side's ground in the order of :data:`ranges.analysis.HEADLINE_TERRITORIES`,
    e.g. ``"у Росії 6 аеродромів, 46 міст із населенням 4,5 млн, Курська обл.
    (100% площі); на тимчасово окупованій території України 1 аеродром, ..."``.
    Empty without :attr:`ranges.evaluate.WeaponResult.numbers`."""
    h = w.numbers
    if h is None:
        return ""
    t = _TEXT[lang]
    cov = w.coverage
    uk_names = {}
    if lang == "uk" and cov is not None and len(cov) and "name_uk" in cov.columns:
        uk_names = {en: uk for en, uk in zip(cov["region"], cov["name_uk"], strict=True)
                    if isinstance(uk, str) and uk}  # fmt: skip
    n = len(h.regions)
    types = h.region_types + ("",) * (n - len(h.region_types))
    homes = h.region_territories + ("",) * (n - len(h.region_territories))

    def regions(territory):  # None: the regions no clause takes
        out = []
        for (name, pct), rtype, home in zip(h.regions, types, homes, strict=True):
            if (home not in h.territories) if territory is None else home == territory:
                if lang == "en":
                    region = analysis._region_phrase(name, rtype)
                else:
                    region = _short_region(uk_names.get(name, name), lang)
                share = analysis._pct(pct)  # rounded as the English headline rounds it
                out.append(t["region_share"].format(pct=share.replace(".", t["decimal"]),
                                                    region=region))  # fmt: skip
        return out

    if not h.territories:
        parts = _targets_words(h.airfields, h.cities, h.population, lang, full=True)
        return ", ".join(parts + regions(None))
    counts = h.territory_counts
    clauses = []
    for territory in h.territories:
        c = counts[territory]
        parts = _targets_words(c["airfields"], c["cities"], c["population"], lang, full=False)
        parts += regions(territory)
        if parts:
            clauses.append((territory, parts))
    first = h.territories[0]
    if not clauses or clauses[0][0] == first:
        # As the English: the first clause says "no airfields" outright, unless it
        # has nothing to say and another clause does.
        c = counts[first]
        full = _targets_words(c["airfields"], c["cities"], c["population"], lang, full=True)
        clauses[:1] = [(first, full + regions(first))]
    text = ["; ".join(f"{t['clause:' + k]} " + ", ".join(parts) for k, parts in clauses)]
    rest = regions(None)
    if rest:
        text.append(", ".join(rest))
    return "; ".join(text)


def alt_text(result, lang: str | None = None) -> str:
    """Describe the map in words for screen readers and captions.

    Built from the scenario and the analysis: title, the date, the launch
    sites, each weapon's range and what it reaches on the other side's ground
    (the headline's clauses: in Russia, in occupied Ukraine, in Belarus for
    Ukraine's weapons; in Ukrainian-held territory for Russia's), the area
    where strikes are allowed and whose decision, the reported-range rings,
    the occupied area and the notes.

    Parameters
    ----------
    result : ranges.evaluate.Result
    lang : {"en", "uk"}, optional
        Defaults to the scenario's language.

    Returns
    -------
    str
    """
    sc = result.scenario
    lang = sc.lang if lang is None else lang
    _check_choice(lang, "lang", _TEXT)
    t = _TEXT[lang]
    parts = [t["alt_map"].format(title=_default_title(result, lang).rstrip("."))]
    if sc.subtitle:
        parts.append(sc.subtitle.rstrip(".") + ".")
    sit = situation(result)
    parts.append(as_of_text(sit.as_of, lang) + ".")
    sites = [_site_label(result, n, lang) for n, _ in result.sites]
    if sites:
        shown = ", ".join(sites[:5]) + ("…" if len(sites) > 5 else "")
        parts.append(t["alt_sites"].format(sites=shown))
    for w in result.weapons:
        rng = f"{_fmt_km(w.weapon.max_range_km, lang)} {t['km']}"
        if lang == "en":
            # The analysis's own headline: the same sentence as the dashboard's caption.
            text = w.headline or f"{w.weapon.name} ({rng})"
        else:
            if w.weapon.min_range_km > 0:
                rng += f", {t['min']} {_fmt_km(w.weapon.min_range_km, lang)} {t['km']}"
            words = _headline_words(w, lang)
            text = f"{w.weapon.name} ({rng})" + (f": {words}" if words else "")
        parts.append(text.rstrip(".") + ".")
        total = w.allowed_km2 + w.not_allowed_km2
        if lang == "en" and w.authorization:
            parts.append(w.authorization.rstrip(".") + ".")
        elif lang != "en" and total > 0:
            share = analysis._pct(100 * w.allowed_km2 / total).replace(".", t["decimal"])
            parts.append(t["alt_share"].format(weapon=w.weapon.name, share=share))
    if result.allowed is not None and not result.allowed.is_empty:
        names = _allowed_names(result, lang)
        decisions = _decisions_text(sit, lang)
        if decisions:
            names = f"{names}; {decisions}" if names else decisions
        parts.append(t["alt_allowed"].format(names=names))
    for i, _ in _bands(result):
        w = result.weapons[i].weapon
        parts.append(t["reported_alt"].format(weapon=w.name, km=_fmt_km(_reported_km(w), lang)))
    snap = sit.occupied
    if snap is not None and _near_scene(result, snap.geometry):
        date = snap.snapshot_date.isoformat()
        parts.append(t["occupied_alt"].format(source=_short_source(snap), date=date))
    for note in sc.notes:
        parts.append(t["alt_note"].format(text=note.text.rstrip(".")))
    parts.append(t["caveat"])
    return " ".join(parts)


# --------------------------------------------------------------------------
# Writing and reading files
# --------------------------------------------------------------------------
def _format_of(target, fmt: str | None) -> str:
    if fmt is None:
        if isinstance(target, (str, os.PathLike)):
            suffix = Path(target).suffix.lower().lstrip(".")
            if suffix not in FORMATS:
                shown = f".{suffix}" if suffix else "(none)"
                raise InputError(
                    f"output file {os.fspath(target)!r}: suffix {shown} is not one of "
                    f"{', '.join('.' + f for f in FORMATS)}"
                )
            return suffix
        raise InputError("fmt is needed when writing to a file object: one of png, svg, pdf")
    fmt = str(fmt).lower().lstrip(".")
    return _check_choice(fmt, "format", FORMATS)


def _scenario_json(scenario: Scenario) -> str:
    # ASCII-only compact JSON: safe in PNG iTXt, XML text and PDF strings alike.
    return json.dumps(scenario.to_dict(), ensure_ascii=True, separators=(",", ":"), allow_nan=False)


def to_bytes(fig: Figure, fmt: str = "png", *, scenario: Scenario | None = None) -> bytes:
    """The figure as PNG, SVG or PDF bytes (see :func:`save`)."""
    buf = io.BytesIO()
    save(fig, buf, fmt, scenario=scenario)
    return buf.getvalue()


def save(
    fig: Figure,
    target: str | os.PathLike | IO[bytes],
    fmt: str | None = None,
    *,
    scenario: Scenario | None = None,
) -> None:
    """Write a map figure as PNG, SVG or PDF, with the scenario embedded.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        From :func:`render_figure` (other figures are written without a scenario
        unless one is given).
    target : path or binary file object
    fmt : {"png", "svg", "pdf"}, optional
        Taken from the file suffix when ``target`` is a path.
    scenario : Scenario, optional
        Embedded instead of the figure's own.

    Notes
    -----
    The scenario JSON goes in the PNG text chunk :data:`SCENARIO_KEY` (with the
    title and the alt text as ``Title`` and ``Description``), in an SVG
    ``<metadata>`` element in the :data:`SVG_NAMESPACE` namespace (with
    ``<title>`` and ``<desc>`` for screen readers; SVG text stays text), and in
    the PDF document information entry ``/StrikeRangeScenario``.  The PNG has
    exactly the figure's pixel size.

    Raises
    ------
    ranges.errors.InputError
        Unknown format or file suffix.
    OSError
        The file cannot be written.
    """
    fmt = _format_of(target, fmt)
    meta: _Meta | None = getattr(fig, "_strike_range", None)
    scenario = scenario if scenario is not None else (meta.scenario if meta else None)
    payload = _scenario_json(scenario) if scenario is not None else None
    title = meta.title if meta else ""
    alt = meta.alt if meta else ""
    face = fig.get_facecolor()
    if fmt == "png":
        from PIL.PngImagePlugin import PngInfo

        info = PngInfo()
        if title:
            info.add_itxt("Title", title)
        if alt:
            info.add_itxt("Description", alt)
        info.add_text("Software", "Strike Range (matplotlib)")
        if payload is not None:
            info.add_itxt(SCENARIO_KEY, payload, zip=True)
        fig.savefig(target, format="png", dpi=fig.dpi, facecolor=face, pil_kwargs={"pnginfo": info})
        return
    if fmt == "svg":
        data = _svg_bytes(fig, meta, title, alt, payload)
        _write(target, data)
        return
    md = {"Title": title or None, "Subject": alt or None, "Creator": "Strike Range"}
    if payload is not None:
        md[_PDF_KEY] = payload
    buf = io.BytesIO()
    with _VECTOR_LOCK, matplotlib.rc_context({"pdf.fonttype": 42}), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Unknown infodict keyword")
        fig.savefig(buf, format="pdf", dpi=fig.dpi, facecolor=face, metadata=md)
    _write(target, buf.getvalue())


def _write(target, data: bytes) -> None:
    if isinstance(target, (str, os.PathLike)):
        Path(target).write_bytes(data)
    else:
        target.write(data)


_SVG_OPEN_RE = re.compile(rb"<svg\b[^>]*>")


def _svg_bytes(fig, meta, title: str, alt: str, payload: str | None) -> bytes:
    buf = io.BytesIO()
    halo_texts = meta.halo_texts if meta else []
    saved = [(a, a.get_path_effects()) for a in halo_texts]
    # Path effects would turn text into outlines; SVG gets the halo from CSS
    # (paint-order) instead, so every label stays editable, searchable text.
    for a, _ in saved:
        a.set_path_effects([])
        a.set_gid(a.get_gid() and f"halo-{a.get_gid()}")
    try:
        with (
            _VECTOR_LOCK,
            matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "strike-range"}),
        ):
            fig.savefig(
                buf,
                format="svg",
                dpi=fig.dpi,
                facecolor=fig.get_facecolor(),
                metadata={
                    "Title": title or None,
                    "Description": alt or None,
                    "Date": None,
                    "Creator": "Strike Range",
                },
            )
    finally:
        for a, effects in saved:
            a.set_path_effects(effects)
            gid = a.get_gid() or ""
            a.set_gid(gid.removeprefix("halo-") or None)
    data = buf.getvalue()
    extra = []
    if title:
        extra.append(f"<title>{_xml_escape(title)}</title>")
    if alt:
        extra.append(f"<desc>{_xml_escape(alt)}</desc>")
    if halo_texts and meta is not None:
        width = meta.halo_pt  # the SVG's user unit is the point, like a path effect's width
        extra.append(
            '<style>g[id^="halo-"] text{paint-order:stroke;stroke:'
            f"{meta.halo};stroke-width:{width:.2f}px;stroke-linejoin:round}}</style>"
        )
    if payload is not None:
        extra.append(
            f'<metadata id="strike-range-scenario"><sr:scenario xmlns:sr="{SVG_NAMESPACE}" '
            f'schema="1">{_xml_escape(payload)}</sr:scenario></metadata>'
        )
    m = _SVG_OPEN_RE.search(data)
    if m is None:  # pragma: no cover - matplotlib always writes an <svg> root
        return data
    insert = ("\n " + "\n ".join(extra)).encode("utf-8")
    return data[: m.end()] + insert + data[m.end() :]


def render_to_file(
    result,
    geodata,
    target: str | os.PathLike | IO[bytes],
    fmt: str | None = None,
    **options: Any,
) -> Figure:
    """Render and write in one step; ``options`` go to :func:`render_figure`.

    Returns the figure (already written) so callers can reuse it.
    """
    fmt = _format_of(target, fmt)
    fig = render_figure(result, geodata, **options)
    save(fig, target, fmt)
    return fig


_MAX_READ_BYTES = 200_000_000


def read_embedded_scenario(source: str | os.PathLike | bytes | IO[bytes]) -> Scenario:
    """Read the scenario a Strike Range PNG, SVG or PDF carries.

    Parameters
    ----------
    source : path, bytes or binary file object

    Returns
    -------
    Scenario
        Equal to the scenario the map was drawn from.

    Raises
    ------
    ranges.scenario.ScenarioError
        The file is not a PNG, SVG or PDF, cannot be parsed, or holds no
        Strike Range scenario (the message names the file).
    OSError
        A path that cannot be read.
    """
    if isinstance(source, (str, os.PathLike)):
        name = os.fspath(source)
        data = Path(source).read_bytes()
    elif isinstance(source, (bytes, bytearray, memoryview)):
        name, data = "image", bytes(source)
    else:
        name, data = getattr(source, "name", "image"), source.read()
    if not isinstance(data, bytes):
        raise ScenarioError(f"{name}: expected bytes, got {type(data).__name__}")
    if len(data) > _MAX_READ_BYTES:
        raise ScenarioError(f"{name}: {len(data):,} bytes is larger than {_MAX_READ_BYTES:,}")
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        text = _png_scenario(data, name)
    elif data.startswith(b"%PDF"):
        text = _pdf_scenario(data, name)
    elif head.startswith((b"<?xml", b"<svg", b"<!DOCTYPE svg", b"<!--")):
        text = _svg_scenario(data, name)
    else:
        raise ScenarioError(f"{name}: not a PNG, SVG or PDF file")
    if text is None:
        raise ScenarioError(f"{name}: holds no Strike Range scenario (no {SCENARIO_KEY!r} entry)")
    return scenario_from_json(text, source=f"{name} (embedded scenario)")


def _png_scenario(data: bytes, name: str) -> str | None:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as im:
            text = im.info.get(SCENARIO_KEY)
            if text is None:
                text = getattr(im, "text", {}).get(SCENARIO_KEY)
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise ScenarioError(f"{name}: cannot read the PNG ({exc})") from None
    return None if text is None else str(text)


def _svg_scenario(data: bytes, name: str) -> str | None:
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root = fromstring(data)
    except (ParseError, DefusedXmlException, ValueError) as exc:
        raise ScenarioError(f"{name}: cannot parse the SVG ({exc})") from None
    node = root.find(f".//{{{SVG_NAMESPACE}}}scenario")
    return None if node is None else (node.text or "")


def _pdf_scenario(data: bytes, name: str) -> str | None:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:
        raise ScenarioError(
            f"{name}: reading a scenario from a PDF needs the 'pypdf' package "
            "(pip install pypdf); PNG and SVG need nothing extra"
        ) from None
    try:
        info = PdfReader(io.BytesIO(data)).metadata
    except (PdfReadError, OSError, ValueError) as exc:
        raise ScenarioError(f"{name}: cannot read the PDF ({exc})") from None
    if not info:
        return None
    value = info.get(f"/{_PDF_KEY}")
    return None if value is None else str(value)
