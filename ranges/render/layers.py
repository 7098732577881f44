"""The map panel: base layers, the situation of the day, reach areas, and the order
in which everything is placed."""

from __future__ import annotations

from typing import Any

import numpy as np
import shapely
from matplotlib.patches import PathPatch

from ..errors import InputError
from ..geodata import beyond_theatre
from .context import _OCCUPIED_HATCH, _add, _Ctx, _draw_path, _margin, _set_hatch, _View
from .furniture import _draw_scale_bar, _place_key
from .geometry import (
    _clip_layer,
    _line_path,
    _lonlat_box,
    _outline,
    _polygon_path,
    _project,
    _rgba,
    _shared_borders,
    _view,
    clip_rect,
)
from .labels import (
    _draw_sites,
    _label_allowed,
    _label_bands,
    _label_countries,
    _label_reach,
    _label_regions,
    countries_in_play,
)
from .notes import _draw_note_rings, _draw_notes
from .placer import _Placer
from .targets import BIG_CITY, _Targets, decide_planes
from .world import box_edges_removed, countries_in_view, draw_world


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
    tr, centre, hx, hy = _view(result, aspect, _focus_geoms(result, geodata))
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
    decide_planes(ctx, view, placer, result)  # the key says when they are not drawn
    if key_in_map:
        ctx.key_box = _place_key(ctx, view, placer, result, story)
    _draw_scale_bar(ctx, view, placer, story)

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
    # the allowed area's name before the callouts: their leaders keep off it
    _label_allowed(ctx, view, placer, result)
    _draw_notes(ctx, view, placer, result)
    # the sides of the war and the focus regions before the cities
    play = countries_in_play(view, result, countries)
    _label_countries(ctx, view, placer, countries, play, in_play=True)
    _label_regions(ctx, view, placer, geodata, focus=result.scenario.focus_regions,
                   cities=result.targets["name"].astype(str) if len(result.targets) else ())
    targets.label(targets.secondary)
    targets.finish()
    _label_countries(ctx, view, placer, countries, play, in_play=False)
    _label_regions(ctx, view, placer, geodata)
    return ax


def _focus_geoms(result, geodata) -> list:
    """The scenario's focus regions (lon/lat) that the frame must show: those
    within twice the longest range of a launch site (Moscow for Taurus from
    Kyiv); a focus far beyond any reach (a default Kursk on a map of Anadyr)
    is not this map's story."""
    from ..geodesy import GEOD

    ids = list(result.scenario.focus_regions)
    regions = geodata.regions
    if not ids or regions is None or not len(regions) or not result.weapons:
        return []
    geoms = list(regions.geometry[regions["region_id"].isin(ids)].array)
    sites = [g.centroid for _, g in result.sites if not g.is_empty]
    reach_m = 2000 * max(w.weapon.max_range_km for w in result.weapons)
    out = []
    for geom in geoms:
        p = geom.representative_point()
        if any(GEOD.inv(s.x, s.y, p.x, p.y)[2] <= reach_m for s in sites):
            out.append(geom)
    return out


def _reserve_points(ctx: _Ctx, view, placer: _Placer, result) -> None:
    """Keep callouts and range labels off the points the story needs labelled.

    Each reserved box holds the point and room for its name to the right, so
    that the label can still be placed later.
    """
    pts = [(g.x, g.y, n) for n, g in result.sites if g.geom_type == "Point"]
    pts += [(n.lon, n.lat, "") for n in result.scenario.notes]
    story = len(pts)  # the targets after these: their spots are "cities" too
    t = result.targets
    if len(t) and "in_range" in t.columns:
        big = max(result.scenario.min_population, BIG_CITY)
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
    for k, ((px, py), name) in enumerate(zip(pxy, names, strict=True)):
        w, h = ctx.measure(name, prop) if name else (0.0, 0.0)
        box = (px - r, py - max(r, h / 2), px + r + w, py + max(r, h / 2))
        placer.add(box, "soft")
        if k >= story:
            placer.add(box, "cities")


#: Coarser than this (metres per pixel: a map of a continent or the world), the
#: map draws no oblast lines, only coasts and borders.  The presets' maps are at
#: 2-6 km per pixel; a Kh-101's 4,500 km at 20 km and more.
REGION_LINES_MAX_M_PER_PX = 10_000.0


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
    if view.m_per_px > REGION_LINES_MAX_M_PER_PX:
        # A continent or the world: oblast lines would be a grey mesh, and the
        # world beyond the box has none; the countries' outlines are the coast.
        rgeoms = cgeoms
    else:
        # Region borders are only lines: simplify them to a third of a pixel.
        tol_deg = view.m_per_px / 3 / 111_320.0
        _, rgeoms = _clip_layer(geodata.regions, view.llbox, view.rect, view.tr, tol_deg)
    if beyond_theatre(view.llbox):  # the box's edges are no coast: not stroked
        rgeoms = box_edges_removed(shapely.boundary(rgeoms), view)
    # Region outlines double as the coastline; land borders are drawn over them.
    round_ends = {"fill": False, "capstyle": "round", "joinstyle": "round"}
    _draw_path(ax, _line_path(rgeoms), "region-borders", 2, edgecolor=th["region_edge"],
               linewidth=0.45 * ctx.s, **round_ends)  # fmt: skip
    _draw_path(ax, _line_path(_shared_borders(cgeoms)), "country-borders", 3,
               edgecolor=th["country_edge"], linewidth=1.1 * ctx.s, **round_ends)  # fmt: skip
    # the land beyond the box (a map that reaches past it), then every country
    # in view once per layout: a country label must sit in its country or at sea
    return countries_in_view(geodata, cidx, cgeoms, draw_world(ctx, view, geodata))


def _situation_layers(ctx: _Ctx, view: _View) -> dict[str, Any]:
    """The occupied area, the front line and the reported-range outlines, clipped
    to the view and projected (None / empty where nothing is in view)."""
    tol_deg = view.m_per_px / 3 / 111_320.0  # a third of a pixel
    box = shapely.box(*view.llbox)

    def in_view(geom, dense: bool = False):
        if geom is None or geom.is_empty or not geom.intersects(box):
            return None
        geom = clip_rect(geom, *view.llbox)
        geom = shapely.simplify(geom, tol_deg, preserve_topology=True)
        if dense:  # long straight lon/lat edges bend once projected
            geom = shapely.segmentize(geom, 0.25)
        geom = clip_rect(_project(geom, view.tr), *view.rect)
        return None if geom.is_empty else geom

    occupied = in_view(ctx.sit.occupied_land) if ctx.sit is not None else None
    front = in_view(ctx.sit.front_line) if occupied is not None else None
    bands = []
    for i, geom in ctx.bands:
        ring = in_view(_outline(geom, max_deg=0), dense=True)
        if ring is not None:
            bands.append((i, ring))
    return {"occupied": occupied, "front": front, "bands": bands}


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


def _draw_allowed(ctx: _Ctx, view: _View, placer: _Placer, result) -> None:
    if result.allowed is None or result.allowed.is_empty:
        return
    geom = clip_rect(_project(result.allowed, view.tr), *view.rect)
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
        clipped = clip_rect(geom, *view.rect)
        band = clipped if shorter is None else shapely.difference(clipped, shorter)
        shorter = clipped if shorter is None else shapely.union(shorter, clipped)
        _draw_path(view.ax, _polygon_path([band]), f"reach-{i}", 5,
                   facecolor=_rgba(w.color, th["reach_alpha"]), edgecolor="none")  # fmt: skip
        # The outline from the area's real edges: never the cut at ±180° or a pole.
        outline = _projected_outline(view, w.area)
        _draw_path(view.ax, _line_path([outline]), f"reach-outline-{i}", 6, fill=False,
                   edgecolor=w.color, linewidth=1.7 * ctx.s, joinstyle="round")  # fmt: skip
        _sample_outline(ctx, view, placer, outline)


def _projected_outline(view: _View, area_lonlat):
    """The outline of a lon/lat area (:func:`_outline`), projected and clipped to the view."""
    return clip_rect(_project(_outline(area_lonlat), view.tr), *view.rect)


def _sample_outline(ctx: _Ctx, view: _View, placer: _Placer, geom) -> None:
    """Points along an outline (layer ``lines``), for labels that should not cut it."""
    ring = geom if geom.geom_type in ("LineString", "MultiLineString") else shapely.boundary(geom)
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
    geoms = clip_rect(_project(np.asarray(areas, dtype=object), view.tr), *view.rect)
    dashed = {"edgecolor": th["ink"], "linestyle": (0, (3, 2))}
    _draw_path(view.ax, _polygon_path(geoms), "launch-areas", 7,
               facecolor=_rgba(th["ink"], 0.10), linewidth=1.0 * ctx.s, **dashed)  # fmt: skip
    lines = _line_path([g for g in geoms if g.geom_type in ("LineString", "MultiLineString")])
    _draw_path(view.ax, lines, "launch-lines", 7, fill=False, linewidth=1.6 * ctx.s, **dashed)
