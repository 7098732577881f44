"""The land beyond the theatre box, and the countries a map names.

Inside the box (:data:`ranges.geodata.THEATRE_BOX`) the map draws the 1:10m
``countries.fgb`` and ``regions.fgb``; a map that reaches past it (a Kh-101 from
Chukotka, a Kalibr from the Arctic) draws the rest of the land from
``world.fgb`` (1:50m), without stroking the cuts that are no coast: the box's
edges and the ±180° meridian where the data split Chukotka and the Aleutians.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import shapely

from ..geodata import THEATRE_BOX, beyond_theatre
from .context import _draw_path
from .geometry import _line_path, _polygon_path, _project, _shared_borders, clip_rect


class _Countries(NamedTuple):
    """The countries in view, one row per country (a country both inside and
    beyond the box is one row), projected: what the country labels read."""

    iso: np.ndarray
    names_en: np.ndarray
    names_uk: np.ndarray
    geoms: np.ndarray
    land: object  # every country in view as one prepared geometry


def _cuts():
    """The lines along which the data are cut, buffered a hair (degrees)."""
    edges = [shapely.boundary(shapely.box(*THEATRE_BOX)),
             shapely.LineString([(180.0, -90.0), (180.0, 90.0)]),
             shapely.LineString([(-180.0, -90.0), (-180.0, 90.0)])]  # fmt: skip
    return shapely.buffer(shapely.union_all(edges), 1e-7)


def box_edges_removed(lines, view):
    """Projected ``lines`` without their stretches along the theatre box's
    edges (the cut of the 1:10m layers), to half a pixel."""
    edges = shapely.segmentize(shapely.boundary(shapely.box(*THEATRE_BOX)), 0.25)
    cut = shapely.buffer(_project(edges, view.tr), view.m_per_px / 2)
    return shapely.difference(lines, cut)


def draw_world(ctx, view, geodata):
    """Draw the land beyond the box (fill, coasts, borders); return its rows
    (positions in ``geodata.world``) and projected polygons, or None."""
    world = geodata.world
    if world is None or not len(world) or not beyond_theatre(view.llbox):
        return None
    idx = np.sort(np.asarray(world.sindex.query(shapely.box(*view.llbox)), dtype=int))
    if not idx.size:
        return None
    geoms = np.asarray(world.geometry.array, dtype=object)[idx]
    geoms = clip_rect(geoms, *view.llbox)
    keep = ~shapely.is_empty(geoms)
    idx, geoms = idx[keep], geoms[keep]
    if not idx.size:
        return None
    cuts = _cuts()
    coast = shapely.difference(shapely.boundary(geoms), cuts)
    borders = _shared_borders(geoms)
    if len(borders):
        borders = shapely.difference(borders, cuts)
    th, ax = ctx.theme, view.ax

    def projected(g):
        return clip_rect(_project(g, view.tr), *view.rect)

    # (far from the centre a projected outline may cross itself: made valid for
    # the country labels' tests of inside and outside)
    polys = shapely.make_valid(projected(geoms), method="structure", keep_collapsed=False)
    _draw_path(ax, _polygon_path(polys), "world-land", 0.9, facecolor=th["land"], edgecolor="none")
    round_ends = {"fill": False, "capstyle": "round", "joinstyle": "round"}
    _draw_path(ax, _line_path(projected(coast)), "world-coast", 2, edgecolor=th["region_edge"],
               linewidth=0.45 * ctx.s, **round_ends)  # fmt: skip
    if len(borders):
        _draw_path(ax, _line_path(projected(borders)), "world-borders", 3,
                   edgecolor=th["country_edge"], linewidth=1.1 * ctx.s,
                   **round_ends)  # fmt: skip
    keep = ~shapely.is_empty(polys)
    return idx[keep], polys[keep]


def countries_in_view(geodata, cidx, cgeoms, world_part) -> _Countries:
    """The theatre's countries (``cidx``, ``cgeoms``) and the world's beyond the
    box (``world_part`` from :func:`draw_world`), one row per country."""
    c = geodata.countries
    iso = list(c["iso_a3"].to_numpy()[cidx])
    en = list(c["name_en"].to_numpy()[cidx])
    uk = list(c["name_uk"].to_numpy()[cidx])
    geoms = list(cgeoms)
    if world_part is not None:
        w = geodata.world
        widx, wgeoms = world_part
        row = {code: k for k, code in enumerate(iso)}
        for code, name_en, name_uk, geom in zip(w["iso_a3"].to_numpy()[widx],
                                                w["name_en"].to_numpy()[widx],
                                                w["name_uk"].to_numpy()[widx], wgeoms,
                                                strict=True):  # fmt: skip
            if code in row:  # Russia, Kazakhstan, Turkey...: both sides of the box
                k = row[code]
                parts = shapely.get_parts(np.array([geoms[k], geom], dtype=object))
                geoms[k] = shapely.multipolygons(parts[shapely.get_type_id(parts) == 3])
            else:
                row[code] = len(iso)
                iso.append(code)
                en.append(name_en)
                uk.append(name_uk)
                geoms.append(geom)
    geoms_arr = np.empty(len(geoms), dtype=object)
    geoms_arr[:] = geoms
    land = shapely.union_all(geoms_arr) if len(geoms) else shapely.GeometryCollection()
    shapely.prepare(land)
    return _Countries(np.array(iso, dtype=object), np.array(en, dtype=object),
                      np.array(uk, dtype=object), geoms_arr, land)  # fmt: skip
