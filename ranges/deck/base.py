"""The offline base map: sea, land, borders, region and country labels."""

from __future__ import annotations

import math

import numpy as np
import pydeck as pdk
import shapely
import shapely.affinity
from shapely.geometry import box

from .primitives import _fill_layer, _line_layer, _polygons, _segments, _text_layer
from .style import _SIMPLIFY_DEG, THEATRE, THEMES, _label, _rounded

__all__ = ["base_layers", "world_layers", "world_country_labels"]


_BASE_CACHE: dict[tuple[int, str], tuple[object, dict]] = {}


def _base_data(geodata, lang: str, clip: tuple[float, float, float, float],
               tol_deg: float = _SIMPLIFY_DEG) -> dict:  # fmt: skip
    key = (id(geodata), lang, clip, tol_deg)
    hit = _BASE_CACHE.get(key)
    if hit is not None and hit[0] is geodata:
        return hit[1]
    data = _compute_base(geodata, lang, clip, tol_deg)
    if len(_BASE_CACHE) > 8:
        _BASE_CACHE.clear()
    _BASE_CACHE[key] = (geodata, data)
    return data


_LINES_CACHE: dict[int, tuple[object, tuple]] = {}


#: The lines' own detail (degrees, ~0.5 km): a fifth of a pixel at zoom 5, so
#: each view's simplification starts from lines this fine.
_LINE_DETAIL_DEG = 0.005


def _theatre_lines(geodata):
    """International borders (shared edges of neighbours, not coasts: the land
    fill draws those) and oblast lines of Ukraine, Russia and Belarus where no
    border is, over the whole theatre; computed once per process (the unions are
    the slow part) and clipped and simplified per view."""
    hit = _LINES_CACHE.get(id(geodata))
    if hit is not None and hit[0] is geodata:
        return hit[1]
    frame = box(*THEATRE)
    fine = _LINE_DETAIL_DEG
    geoms = shapely.intersection(np.asarray(geodata.countries.geometry.array), frame)
    geoms = shapely.simplify(geoms, fine, preserve_topology=True)
    edges, borders = _land_borders(geoms)
    regions = geodata.regions[geodata.regions["country"].isin(["UKR", "RUS", "BLR"])]
    rgeoms = shapely.simplify(np.asarray(regions.geometry.array), fine, preserve_topology=True)
    rlines = shapely.union_all(shapely.boundary(rgeoms))
    rlines = shapely.line_merge(shapely.difference(shapely.intersection(rlines, frame), edges))
    _LINES_CACHE.clear()
    _LINES_CACHE[id(geodata)] = (geodata, (borders, rlines))
    return borders, rlines


def _land_borders(geoms):
    """(every polygon edge, the land borders): the edges shared by two
    neighbours, not the coast, which the land fill draws."""
    edges = shapely.union_all(shapely.boundary(geoms))
    coast = shapely.boundary(shapely.union_all(geoms))
    return edges, shapely.line_merge(shapely.difference(edges, coast))


def _compute_base(geodata, lang: str, clip: tuple[float, float, float, float],
                  tol_deg: float = _SIMPLIFY_DEG) -> dict:  # fmt: skip
    frame = box(*clip)
    countries = geodata.countries
    cgeoms = shapely.intersection(np.asarray(countries.geometry.array), frame)
    cgeoms = shapely.simplify(cgeoms, tol_deg, preserve_topology=True)
    cgeoms = _rounded(cgeoms, 3)
    cprops = [
        {"tooltip": _label(r, lang), "iso": r["iso_a3"]} for _, r in countries.iterrows()
    ]
    digits = 2 if tol_deg > 0.015 else 3  # 0.01 deg: under half a pixel at zoom 5.5
    borders, rlines = _theatre_lines(geodata)
    country_paths = _segments(shapely.simplify(shapely.intersection(borders, frame), tol_deg),
                              digits)  # fmt: skip
    paths = _segments(shapely.simplify(shapely.intersection(rlines, frame), tol_deg), digits)
    regions = geodata.regions
    near = regions[regions["country"].isin(["UKR", "RUS", "BLR"])]
    labels = []
    for _, r in near.iterrows():
        if not (clip[0] <= r["label_lon"] <= clip[2] and clip[1] <= r["label_lat"] <= clip[3]):
            continue
        labels.append({
            "text": _label(r, lang).upper(),
            "position": [float(r["label_lon"]), float(r["label_lat"])],
            "tooltip": f"{_label(r, lang)} ({r['region_id']}) — {r['status'] or r['country']}",
            "rid": r["region_id"],
        })  # fmt: skip
    return {"countries": _polygons(cgeoms, cprops), "paths": paths, "labels": labels,
            "borders": country_paths, "country_labels": _country_labels(geodata, lang, clip)}


def _tol_deg(zoom: float) -> float:
    """About a pixel in degrees of longitude at ``zoom`` (taken in half steps, so
    that nearby views share one cached base)."""
    return round(360.0 / (512.0 * 2.0 ** (math.floor(zoom * 2) / 2)), 4)


def base_layers(
    geodata,
    *,
    lang: str = "en",
    theme: str = "light",
    tiles: bool = False,
    clip: tuple[float, float, float, float] = THEATRE,
    zoom: float = 5.0,
):
    """Layers of the offline base map (sea, land, borders, region labels),
    simplified to about a pixel at ``zoom`` (Web Mercator)."""
    t = THEMES[theme]
    data = _base_data(geodata, lang, clip, _tol_deg(zoom))
    layers = []
    if not tiles:
        x0, y0, x1, y1 = THEATRE
        layers.append(
            pdk.Layer(
                "SolidPolygonLayer",
                data=[{"polygon": [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]}],
                id="sea",
                get_polygon="polygon",
                get_fill_color=t["sea"],
                pickable=False,
            )
        )
    if not tiles:
        layers.append(_fill_layer("countries", data["countries"], t["land"]))
    layers.append(_line_layer("region-borders", data["paths"], t["region_line"], 0.6))
    # international borders over oblast lines
    layers.append(_line_layer("country-borders", data["borders"], t["country_line"], 2.0))
    layers.append(
        _text_layer("region-labels", data["labels"], get_size=10, get_color=t["label"] + [150])
    )
    return layers


def _country_labels(geodata, lang: str, clip) -> list[dict]:
    """Country names (UKRAINE, RUSSIA, BELARUS...) for the countries whose
    clipped land is large enough to hold one, placed first."""
    frame = box(*clip)
    out = []
    for _, row in geodata.countries.iterrows():
        part = shapely.intersection(row.geometry, frame)
        if part.is_empty or part.area < 4.0:  # square degrees: room for a name
            continue
        largest = max(getattr(part, "geoms", [part]), key=lambda g: g.area)
        at = largest.representative_point()
        out.append({"text": _label(row, lang).upper(), "position": [round(at.x, 3),
                    round(at.y, 3)], "size": 15, "kind": "country",
                    "rank": (0, -part.area)})  # fmt: skip
    return out


_WORLD_CACHE: dict[tuple, tuple[object, tuple]] = {}


def world_layers(geodata, *, theme: str = "light", tol_deg: float = 0.05) -> list:
    """Layers of the land beyond the theatre box (``geodata.world``, 1:50m), for
    a map that opens on a scene elsewhere on Earth (the HTML export): the sea
    over the whole Mercator world, the land and the borders, drawn under the
    theatre's own base.  Empty without ``world.fgb``."""
    world = geodata.world
    if world is None or not len(world):
        return []
    t = THEMES[theme]
    key = (id(world), tol_deg)
    hit = _WORLD_CACHE.get(key)
    if hit is not None and hit[0] is world:
        rows, borders = hit[1]
    else:
        geoms = shapely.simplify(np.asarray(world.geometry.array), tol_deg,
                                 preserve_topology=True)  # fmt: skip
        geoms = _rounded(geoms, 2)
        rows = _polygons(geoms, [{} for _ in range(len(geoms))])
        borders = _segments(_land_borders(geoms)[1], 2)
        _WORLD_CACHE.clear()
        _WORLD_CACHE[key] = (world, (rows, borders))
    sea = [{"polygon": [[-180, -85], [180, -85], [180, 85], [-180, 85]]}]
    return [
        pdk.Layer("SolidPolygonLayer", data=sea, id="world-sea", get_polygon="polygon",
                  get_fill_color=t["sea"], pickable=False),  # fmt: skip
        _fill_layer("world-land", rows, t["land"]),
        _line_layer("world-borders", borders, t["country_line"], 1.2),
    ]


def world_country_labels(geodata, lang: str, view, width_px: float = 900,
                         height_px: float = 620) -> list[dict]:  # fmt: skip
    """Country names for a view beyond the theatre box (``view``: centre and
    Web Mercator zoom; the map repeats the world): each country whole (its part
    in the theatre and its part beyond), named in the middle of its largest
    piece on screen when that piece is wide enough for the name (RUSSIA in the
    middle of Russia on a world view; at Chukotka on a view of Chukotka)."""
    world = geodata.world
    if world is None or not len(world):
        return _country_labels(geodata, lang, THEATRE)
    scale = 512.0 * 2.0**view.zoom / 360.0  # pixels per degree of longitude

    def merc(lat: float) -> float:
        return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))

    def unmerc(y: float) -> float:
        return math.degrees(math.atan(math.sinh(math.radians(y))))

    half_w, half_h = width_px / 2 / scale, height_px / 2 / scale
    y0 = max(unmerc(merc(view.lat) - half_h), -85.0)
    y1 = min(unmerc(merc(view.lat) + half_h), 85.0)
    frame = box(view.lon - half_w, y0, view.lon + half_w, y1)
    pieces: dict[str, list] = {}
    rows: dict[str, object] = {}
    for layer in (geodata.countries, world):
        for _, row in layer.iterrows():
            pieces.setdefault(row["iso_a3"], []).append(row.geometry)
            rows.setdefault(row["iso_a3"], row)
    out = []
    for iso, geoms in pieces.items():
        # the copies of the country the repeated map shows in the frame
        seen = [shapely.intersection(shapely.affinity.translate(g, xoff=shift), frame)
                for g in geoms for shift in (-360.0, 0.0, 360.0)]  # fmt: skip
        parts = [p for g in seen for p in shapely.get_parts(g)
                 if p.geom_type == "Polygon" and not p.is_empty]  # fmt: skip
        if not parts:
            continue
        largest = max(parts, key=lambda g: g.area)
        text = _label(rows[iso], lang).upper()
        x0, _, x1, _ = largest.bounds
        if (x1 - x0) * scale < 0.6 * 15 * len(text) + 4:  # the name would not fit
            continue
        at = largest.representative_point()
        out.append({"text": text, "position": [round(at.x, 3), round(at.y, 3)], "size": 15,
                    "kind": "country", "rank": (0, -largest.area)})  # fmt: skip
    return out
