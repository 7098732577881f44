"""Map furniture: the title block, the key, the footer (caveat, credit, date, sources)
and the scale bar."""

from __future__ import annotations

import math
import re
from typing import Any

import numpy as np
import shapely
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from ..i18n import format_km
from .context import (
    _OCCUPIED_HATCH,
    _add,
    _Ctx,
    _fig_text,
    _KeyDoesNotFit,
    _margin,
    _set_hatch,
    _View,
)
from .geometry import _PLANE, _PLANE_PT, _rgba, _scene_geoms
from .placer import _Placer
from .targets import _airfields_in_range, planes_drawn
from .words import (
    _allowed_names,
    _decisions_text,
    _short_source,
    _site_label,
    _source_parts,
    _weapon_label,
    as_of_text,
    format_date,
)


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
        size_pt = 7.2 if ctx.shown.get("compact_key") else 8.0  # see _place_key
        legend = _make_key(ctx, result, ctx.fig, (pad / ctx.W, y / ctx.H), width, size_pt=size_pt)
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
                f"{t['airfields']}: {n_air:,}".replace(",", "\u202f" if lang == "uk" else ",")
                + ("" if planes_drawn(result, ctx) else " " + t["airfields_not_drawn"]),
            )
        )
    numbered = ctx.shown.get("numbered")
    if numbered:  # the user's targets whose names found no room on the map
        names = result.targets["name"].astype(str).to_numpy()
        items = "; ".join(f"{k}\u00a0{names[i]}" for k, i in enumerate(numbered, 1))
        label = t["numbered_targets"].format(items=items)
        entries.append(
            (
                Line2D([], [], linestyle="none", marker="X", markersize=4.5 * ctx.s,
                       markerfacecolor=th["ink"], markeredgecolor=th["halo"],
                       markeredgewidth=0.5),  # fmt: skip
                label,
            )
        )
    return entries


def _allowed_handle(ctx: _Ctx) -> Patch:
    p = Patch(facecolor="none", edgecolor=ctx.theme["allowed"], hatch="////", linewidth=1.0 * ctx.s)
    _set_hatch(p, ctx)
    return p


def _make_key(ctx: _Ctx, result, parent, anchor, width: float | None, *, loc="upper left",
              wrap: float = 0.34, size_pt: float = 8.0):  # fmt: skip
    """The key (a Legend) on ``parent``; in a row of columns when ``width`` is given.

    In the header (``width`` given) the number of columns is the one that gives
    the lowest key, long entries wrapping onto a second line (a third or a
    fourth rather than stacking the key in one column; at a parenthesis where
    they can) rather than taking a row of their own.
    """
    entries = _key_entries(ctx, result)
    if not entries:
        return None
    prop = ctx.font(size_pt)
    handles, labels = zip(*entries, strict=True)
    if width is None:
        # In the map, one column: a long entry (the list of numbered targets)
        # wraps rather than widening the key over the map.
        labels = ["\n".join(_wrap_key_label(ctx, label, prop, wrap * ctx.W)) for label in labels]
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

_NUMBER_WORD = re.compile(r"\b(\d{1,3}) (?=\w)")

_SHORT_WORD = re.compile(r"(?<!\w)(\w{1,2}) (?=\w)")


def _wrap_key_label(ctx: _Ctx, label: str, prop, width_px: float) -> list[str]:
    """A key entry in lines of at most ``width_px``: broken before its parenthesis
    when what comes before fits, else word-wrapped (never inside a date or between a
    number and its unit)."""
    if ctx.measure(label, prop)[0] <= width_px:
        return [label]
    label = _DATE_WORDS.sub("\\1\u00a0\\2\u00a0\\3", label)
    label = _NUMBER_UNIT.sub("\\1\u00a0\\2", label)  # "250 km", not "250" / "km"
    if ctx.lang == "uk":  # no short preposition left at a line's end ("за" / "повідомленнями")
        label = _SHORT_WORD.sub("\\1\u00a0", label)
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
    numbered = ctx.shown.get("note_numbers", ())
    if numbered:  # the callouts the map had no room for, under their rings' numbers
        notes = result.scenario.notes
        paras = [f"{chr(0x2460 + n - 1) if n <= 20 else n}\u00a0"
                 + _NUMBER_WORD.sub("\\1\u00a0", _DATE_WORDS.sub(  # "15 серпня" kept whole
                     "\\1\u00a0\\2\u00a0\\3", notes[k].text_in(ctx.lang)))
                 for n, k in enumerate(numbered, 1)]  # fmt: skip
        lines = [line for p in paras for line in ctx.wrap(p, ctx.font(7.0), width)]
        art = _fig_text(ctx, pad, y, "\n".join(lines), ctx.font(7.0), th["ink"],
                        gid="notes-numbered", va="bottom")  # fmt: skip
        art.set_linespacing(1.25)
        y = art.get_window_extent(ctx.renderer).y1 + 2 * gap
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




def _place_key(ctx: _Ctx, view, placer: _Placer, result, story) -> tuple | None:
    """Put the key where it hides least of the story; return its box (px).

    Candidates slide along the map's four edges (not only its corners); one
    that crosses a reach or allowed-area outline (where a range ends) is never
    taken.  A key that finds no place is laid out narrower (its entries on more
    lines) and tried again, and goes to the header when even that fails.
    """
    # When the callouts found no room beside the key (the web size, Ukrainian
    # words, a long title), render_figure lays the map out again with a compact
    # key: smaller type (7.2 pt, still above the 6.9 pt of the callouts) in
    # longer lines, so fewer of them.
    # A key that finds no place at 8 pt tries the compact layout too before it
    # goes to the header (a header key squeezes the map).
    compact = (7.2, (0.42, 0.38, 0.34, 0.3, 0.27, 0.24, 0.2))
    layouts = [compact] if ctx.shown.get("compact_key") else [(8.0, (0.34, 0.3, 0.27, 0.24, 0.2)),
                                                               compact]  # fmt: skip
    for size_pt, wraps in layouts:
        for wrap in wraps:
            try:
                return _place_key_at(ctx, view, placer, result, story, wrap, size_pt)
            except _KeyDoesNotFit:
                continue
    raise _KeyDoesNotFit


def _place_key_at(ctx: _Ctx, view, placer: _Placer, result, story, wrap: float, size_pt: float):
    legend = _make_key(ctx, result, view.ax, None, None, wrap=wrap, size_pt=size_pt)
    if legend is None:
        return None
    bb = legend.get_window_extent(ctx.renderer)
    w, h = bb.width, bb.height
    b = placer.bounds
    # (a tall key is welcome in an empty strip beside the story: it may not cross
    # an outline, which the candidates below check)
    if w > 0.62 * (b[2] - b[0]) or h > 0.92 * (b[3] - b[1]):
        legend.remove()
        raise _KeyDoesNotFit
    m = 6 * ctx.u  # off the map's frame
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
    x0, x1 = b[0] + m, b[2] - m - w
    y0, y1 = b[1] + m, b[3] - m - h
    boxes = []
    for f in np.linspace(0, 1, 9):  # along the left and right edges, then top and bottom
        boxes += [(x0, y1 - f * (y1 - y0)), (x1, y1 - f * (y1 - y0))]
        boxes += [(x0 + f * (x1 - x0), y1), (x0 + f * (x1 - x0), y0)]
    boxes = [(bx, by, bx + w, by + h) for bx, by in dict.fromkeys(boxes)]
    outlines = [shapely.boundary(g) for g in story]
    scored = []
    clear = 5 * ctx.u  # an outline's stroke and some air
    for rank, box in enumerate(boxes):
        d0 = view.to_data(box[0], box[1])
        d1 = view.to_data(box[2], box[3])
        rect = shapely.box(d0[0], d0[1], d1[0], d1[1])
        covered = sum(shapely.intersection(rect, g).area for g in story) / rect.area
        # Hiding an outline (where a range ends) is worse than hiding a fill.
        d0 = view.to_data(box[0] - clear, box[1] - clear)
        d1 = view.to_data(box[2] + clear, box[3] + clear)
        near = shapely.box(d0[0], d0[1], d1[0], d1[1])
        edges = sum(shapely.intersection(near, g).length for g in outlines)
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
        score = 3 * covered + 0.15 * n_pts + 0.03 * n_small + 0.001 * rank
        scored.append((edges > 0, score, box))
    crosses, score, box = min(scored, key=lambda c: (c[0], c[1]))
    if crosses or score > 1.2:
        legend.remove()
        raise _KeyDoesNotFit
    # the legend's lower-left corner in axes fractions (its own frame pad inside)
    ab = view.ax.get_window_extent(ctx.renderer)
    legend.set_loc(((box[0] - ab.x0) / ab.width, (box[1] - ab.y0) / ab.height))
    placer.add(box)
    return box


def _occupied_handle(ctx: _Ctx) -> Patch:
    th = ctx.theme
    p = Patch(facecolor=th["occupied"], edgecolor=th["front"], hatch=_OCCUPIED_HATCH,
              linewidth=1.0 * ctx.s)  # fmt: skip
    _set_hatch(p, ctx)
    return p


def _occupied_label(ctx: _Ctx) -> str:
    snap = ctx.sit.occupied
    date = format_date(snap.snapshot_date.isoformat(), ctx.lang)
    return ctx.t["occupied"].format(source=_short_source(snap), date=date)


def _nice_length_km(target_km: float) -> float:
    exp = 10 ** math.floor(math.log10(target_km))
    for m in (5, 2.5, 2, 1):
        if m * exp <= target_km:
            return m * exp
    return exp


def _draw_scale_bar(ctx: _Ctx, view: _View, placer: _Placer, story=()) -> None:
    """A scale bar, exact at the map centre, in a corner of the map free of the key
    (a lower one first) that crosses no outline of the ``story`` when one can."""
    from ..geodesy import GEOD

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
    label = f"{format_km(length_km, ctx.lang)} {ctx.t['km']}"
    label_w, text_h = ctx.measure(label, fs)
    note_w, note_h = ctx.measure(ctx.t["scale_note"], note_prop)
    bar_h = 2.0 * ctx.s * ctx.px_per_pt
    gap = 2.5 * ctx.u
    inner = 5 * ctx.u  # plate padding
    width = max(bar_px + label_w / 2, note_w) + 2 * inner
    height = note_h + bar_h + text_h + 2 * gap + 2 * inner
    b = placer.bounds
    m = 6 * ctx.u
    # In a corner free of the key, where it hides least of the story.
    plates = [(x, y, x + width, y + height)
              for y in (b[1] + m, b[3] - m - height) for x in (b[0] + m, b[2] - m - width)]
    free = [p for p in plates if placer.free(p)] or plates

    def hidden(p):
        d0, d1 = view.to_data(p[0], p[1]), view.to_data(p[2], p[3])
        rect = shapely.box(d0[0], d0[1], d1[0], d1[1])
        return sum(shapely.intersection(rect, shapely.boundary(g)).length for g in story)

    plate = min(free, key=lambda p: (hidden(p) > 0, placer.count(p, "soft"), free.index(p)))
    px0, py0 = plate[0], plate[1]
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
