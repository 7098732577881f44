"""Interactive map of a scenario as a pydeck ``Deck``.

The base map is drawn from the project's own geodata (sea, land, countries,
region borders, region labels), so the map is complete with no tile server
and no key; a Carto basemap can be put underneath when online.  Over it go
Russian-occupied Ukraine and the front line on the scenario's date
(:func:`occupied_layers`), simplified to the screen.  Tooltips are
plain text (deck.gl sets them as text, never as HTML), and labels use the
``auto`` character set so that Cyrillic renders.
"""

from __future__ import annotations

import json
import math
import weakref
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pydeck as pdk
import shapely
from shapely.geometry import box, mapping

from .seams import outline

__all__ = [
    "THEMES",
    "CompactDeck",
    "build_deck",
    "deck_notes",
    "base_layers",
    "occupied_layers",
    "view_for",
    "legend_items",
    "occupied_item",
    "hex_rgb",
]

#: Map bounds of the shipped geodata (lon/lat).
THEATRE = (10.0, 35.0, 60.0, 70.0)

THEMES = {
    "light": {
        "sea": [214, 226, 235],
        "land": [247, 245, 240],
        "country_line": [95, 92, 88],
        "region_line": [200, 196, 188],
        "country_label": [110, 105, 98, 200],
        "label": [70, 70, 70],
        "ukraine": [255, 252, 235],
        "text": [20, 20, 20],
        "halo": [255, 255, 255],
        "muted": [150, 150, 150],
        "occupied": [142, 43, 34, 38],
        "front": [142, 43, 34, 235],
    },
    "dark": {
        "sea": [24, 32, 42],
        "land": [46, 50, 56],
        "country_line": [175, 175, 175],
        "region_line": [80, 84, 90],
        "country_label": [190, 190, 190, 200],
        "label": [200, 200, 200],
        "ukraine": [58, 60, 52],
        "text": [240, 240, 240],
        "halo": [20, 20, 20],
        "muted": [120, 120, 120],
        "occupied": [224, 120, 106, 45],
        "front": [224, 120, 106, 235],
    },
}

_S = pdk.types.String  # a literal string prop (pydeck treats bare strings as expressions)
_FONT = "'DejaVu Sans', 'Noto Sans', Arial, sans-serif"

# Simplification of the base layers for the browser: ~1 km, below what the
# interactive map shows at the zoom levels a theatre map uses.
_SIMPLIFY_DEG = 0.02


class CompactDeck(pdk.Deck):
    """A Deck whose JSON has no indentation (pydeck indents by 2, which triples
    the size of coordinate arrays and the time the browser spends on them)."""

    def to_json(self) -> str:
        """The deck as compact JSON, remembered until an attribute, a layer or a
        layer's data is replaced (Streamlit asks for it on every rerun, and a
        cached deck is not changed in place)."""
        from pydeck.bindings.json_tools import default_serialize

        state = self._fingerprint()
        memo = _JSON_MEMO.get(self)
        if memo is not None and memo[0] == state:
            return memo[1]
        text = json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))
        _JSON_MEMO[self] = (state, text)
        return text

    def _fingerprint(self) -> tuple:
        attrs = tuple((k, id(v)) for k, v in vars(self).items())
        layers = tuple(
            (id(layer), id(getattr(layer, "data", None)), tuple(map(id, vars(layer).values())))
            for layer in self.layers
        )
        return attrs, layers


# Outside the decks' own attributes, which pydeck serializes.
_JSON_MEMO: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _rounded(geom, digits: int):
    """Coordinates rounded to ``digits`` decimals (5: ~1 m, 3: ~100 m)."""
    return shapely.set_precision(geom, 10.0**-digits, mode="pointwise")


def hex_rgb(color: str, alpha: int | None = None) -> list[int]:
    """``"#D55E00"`` -> ``[213, 94, 0]`` (with ``alpha`` appended if given)."""
    c = color.lstrip("#")
    rgb = [int(c[i : i + 2], 16) for i in (0, 2, 4)]
    return rgb + [alpha] if alpha is not None else rgb


def _label(row, lang: str, en: str = "name_en", uk: str = "name_uk") -> str:
    if lang == "uk":
        value = row.get(uk) if hasattr(row, "get") else None
        if isinstance(value, str) and value.strip():
            return value
    return str(row.get(en, "") or "")


def _lists(obj):
    if isinstance(obj, dict):
        return {k: _lists(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_lists(v) for v in obj]
    return obj


def _features(geoms, props: list[dict]) -> dict:
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": _lists(mapping(g)), "properties": p}
            for g, p in zip(geoms, props, strict=True)
            if g is not None and not g.is_empty
        ],
    }


def _polygons(geoms, props: list[dict]) -> list[dict]:
    """Rows ``{"polygon": [outer ring, holes...], **props}`` for a
    SolidPolygonLayer, one per polygon part of each geometry.

    Why not GeoJsonLayer: without a GPU its sublayers cost about 0.6 s more to
    draw than the same polygons in one SolidPolygonLayer (Chromium trace of
    the flagship map, ``bench_dashboard.py``'s notes)."""
    rows = []
    for g, p in zip(geoms, props, strict=True):
        if g is None or g.is_empty:
            continue
        for part in shapely.get_parts(g):
            if part.geom_type != "Polygon":
                continue
            rings = [part.exterior, *part.interiors]
            rows.append({"polygon": [np.asarray(x.coords)[:, :2].tolist() for x in rings], **p})
    return rows


def _fill_layer(layer_id: str, rows: list[dict], fill, *, pickable: bool = False,
                **props) -> pdk.Layer:  # fmt: skip
    return pdk.Layer("SolidPolygonLayer", data=rows, id=layer_id, get_polygon="polygon",
                     get_fill_color=fill, pickable=pickable, **props)  # fmt: skip


def _segments(geom, digits: int = 3) -> list[dict]:
    """The edges of ``geom``'s lines and polygon rings as ``{"s": [x, y], "t": [x, y]}``
    rows for a LineLayer, coordinates rounded to ``digits`` decimals.

    Why not PathLayer (or a GeoJsonLayer's stroke, which is one): without a GPU,
    Chromium runs WebGL in software, where PathLayer's joint-computing vertex
    shader costs about 0.6 s to compile and 0.15 ms per vertex; LineLayer's is a
    fraction of both (measured in ``benchmarks/bench_dashboard.py``'s trace
    notes).  Lines of 0.5-2.5 px need no joints."""
    if geom is None or geom.is_empty:
        return []
    lines = shapely.get_parts(shapely.boundary(geom)) if geom.geom_type.endswith("Polygon") \
        else shapely.get_parts(geom)  # fmt: skip
    out = []
    for line in shapely.get_parts(lines):
        xy = np.round(shapely.get_coordinates(line), digits)
        if len(xy) < 2:
            continue
        keep = np.r_[True, np.any(xy[1:] != xy[:-1], axis=1)]  # no zero-length edges
        xy = xy[keep].tolist()
        out.extend({"s": a, "t": b} for a, b in zip(xy, xy[1:]))  # noqa: B905
    return out


def _line_layer(layer_id: str, segments: list[dict], color: list[int], width_px: float,
                **props) -> pdk.Layer:  # fmt: skip
    return pdk.Layer("LineLayer", data=segments, id=layer_id, get_source_position="s",
                     get_target_position="t", get_color=color, get_width=width_px,
                     width_units=_S("pixels"), pickable=props.pop("pickable", False),
                     **props)  # fmt: skip


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
    edges = shapely.union_all(shapely.boundary(geoms))
    coast = shapely.boundary(shapely.union_all(geoms))
    borders = shapely.line_merge(shapely.difference(edges, coast))
    regions = geodata.regions[geodata.regions["country"].isin(["UKR", "RUS", "BLR"])]
    rgeoms = shapely.simplify(np.asarray(regions.geometry.array), fine, preserve_topology=True)
    rlines = shapely.union_all(shapely.boundary(rgeoms))
    rlines = shapely.line_merge(shapely.difference(shapely.intersection(rlines, frame), edges))
    _LINES_CACHE.clear()
    _LINES_CACHE[id(geodata)] = (geodata, (borders, rlines))
    return borders, rlines


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


def _text_layer(layer_id: str, data, *, halo: list[int] | None = None, **props) -> pdk.Layer:
    """A TextLayer of rows with ``text`` and ``position`` in the map's font.

    With ``halo`` (an RGB colour) the labels are bold with an outline of it
    (deck.gl's SDF font), for the few big labels; the many small ones go
    without, since the SDF thins strokes away at 11-13 px ("Chern hiv")."""
    # ``halo`` is accepted and ignored: an SDF font with an outline builds a
    # second font atlas, which costs about as much as all other labels without a GPU.
    del halo
    props.setdefault("pickable", False)
    return pdk.Layer("TextLayer", data=data, id=layer_id, get_position="position",
                     get_text="text", font_family=_S(_FONT), **props)  # fmt: skip


def occupied_layers(result, geodata, *, theme: str = "light",
                    clip: tuple[float, float, float, float] = THEATRE,
                    zoom: float = 5.0) -> list[pdk.Layer]:  # fmt: skip
    """Occupied Ukraine on the scenario's date (a tinted area) and the front line.

    Both are simplified to about a third of a screen pixel at ``zoom`` (Web
    Mercator) and clipped to ``clip`` (lon/lat), which keeps the page light:
    a few thousand vertices instead of the source's every bend.  Each carries
    a plain-text tooltip naming the source and the snapshot's date.
    """
    from .exports import OCCUPIED_CAVEAT, situation

    sit = situation(result, geodata)
    snap = sit.occupied
    if snap is None:
        return []
    t = THEMES[theme]
    frame = box(*clip)
    tol_deg = 360.0 / (512.0 * 2.0**zoom) / 3  # a third of a pixel, in degrees of longitude
    dated = f"({snap.source}, as of {snap.snapshot_date.isoformat()})"
    tip = f"Occupied by Russia {dated}\n{OCCUPIED_CAVEAT}."
    area = shapely.simplify(shapely.intersection(sit.occupied_land, frame), tol_deg)
    # (a GeoJSON feature, as the HTML export's readers and tests take it)
    layers = [
        pdk.Layer(
            "GeoJsonLayer",
            data=_features([_rounded(area, 4)], [{"tooltip": tip}]),
            id="occupied",
            filled=True,
            stroked=False,
            get_fill_color=t["occupied"],
            pickable=True,
        )
    ]
    front = sit.front_line
    if front is not None and not front.is_empty:
        front = _rounded(shapely.simplify(shapely.intersection(front, frame), tol_deg), 4)
        front_tip = f"Front line {dated}\n{OCCUPIED_CAVEAT}."
        edges = [dict(e, tooltip=front_tip) for e in _segments(front, 4)]
        layers.append(_line_layer("front-line", edges, t["front"], 2.0, pickable=True))
    return layers


@dataclass(frozen=True)
class View:
    lon: float
    lat: float
    zoom: float


def view_for(result, *, width_px: int = 900, height_px: int = 620) -> View:
    """A view that frames the reach areas and launch sites (Web Mercator zoom)."""
    geoms = [w.area for w in result.weapons if not w.area.is_empty]
    geoms += [g for _, g in result.sites]
    if not geoms:
        return View(33.0, 49.5, 4.6)
    x0, y0, x1, y1 = shapely.GeometryCollection(geoms).bounds
    x0, x1 = max(x0, THEATRE[0]), min(x1, THEATRE[2])
    y0, y1 = max(y0, THEATRE[1]), min(y1, THEATRE[3])

    def merc(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    lon_span = max(x1 - x0, 0.5)
    y_span = max(merc(y1) - merc(y0), 0.01)
    zoom_x = math.log2(width_px * 360.0 / (lon_span * 512.0))
    zoom_y = math.log2(height_px * 2 * math.pi / (y_span * 512.0))
    zoom = max(2.0, min(zoom_x, zoom_y, 9.0) - 0.15)
    lat_c = math.degrees(math.atan(math.sinh((merc(y0) + merc(y1)) / 2)))
    return View((x0 + x1) / 2, lat_c, round(zoom, 2))


def legend_items(result) -> list[tuple[str, str]]:
    """(label, ``#RRGGBB``) per weapon, in legend order."""
    items = []
    for w in result.weapons:
        km = f"{w.weapon.max_range_km:,.0f} km"
        if w.weapon.min_range_km > 0:
            km = f"{w.weapon.min_range_km:,.0f}–{km}"
        items.append((f"{w.weapon.name} ({km})", w.color))
    return items


def occupied_item(result, theme: str = "light") -> tuple[str, str] | None:
    """(label, ``#RRGGBB``) of the occupied area for a legend beside the map, like
    :func:`legend_items`: ``("Occupied by Russia (DeepStateMap, as of 2024-11-17)",
    "#8E2B22")``; None when the date has no occupied area."""
    from .exports import situation

    snap = situation(result).occupied
    if snap is None:
        return None
    name = snap.source.split(" via ", 1)[0]
    r, g, b, _ = THEMES[theme]["front"]
    return (f"Occupied by Russia ({name}, as of {snap.snapshot_date.isoformat()})",
            f"#{r:02X}{g:02X}{b:02X}")  # fmt: skip


def _wrap(text: str, width: int = 34) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width)) or text


def _top_point(geom) -> list[float]:
    parts = [p for p in getattr(geom, "geoms", [geom]) if hasattr(p, "exterior")]
    coords = np.concatenate([np.asarray(p.exterior.coords) for p in parts])
    i = int(np.argmax(coords[:, 1]))
    return [float(coords[i, 0]), float(coords[i, 1])]


def _rows(data) -> list:
    return data if isinstance(data, list) else []


def _charset(rows) -> str:
    """The characters a text layer shows (Cyrillic and diacritics included).

    An explicit set builds deck.gl's font atlas once, with only these glyphs;
    ``"auto"`` regrows it while rendering, which costs seconds on a machine
    without a GPU."""
    chars = set(" 0123456789")
    for row in rows if isinstance(rows, list) else ():
        chars.update(str(row.get("text", "")))
    chars.discard("\n")
    return "".join(sorted(chars))


def _clip_for(view: View) -> tuple[float, float, float, float]:
    """The base map's extent: about the opening view plus half of it on each side (room to
    pan), on whole degrees so that nearby views share one cached base."""
    half_w = 360.0 / 2.0**view.zoom * 1.1
    half_h = half_w * 0.75
    return (
        max(THEATRE[0], math.floor(view.lon - half_w)),
        max(THEATRE[1], math.floor(view.lat - half_h)),
        min(THEATRE[2], math.ceil(view.lon + half_w)),
        min(THEATRE[3], math.ceil(view.lat + half_h)),
    )


def _defused(obj):
    """Data with strings that deck.gl's JSON converter would evaluate
    (``@@=`` expressions, ``@@#`` constants) prefixed with a zero-width space,
    so that a place named ``@@=x()`` is shown as text, not run or rejected."""
    if isinstance(obj, str):
        return "\u200b" + obj if obj.startswith("@@") else obj
    if isinstance(obj, dict):
        return {k: _defused(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_defused(v) for v in obj]
    return obj


def _screen_px(view: View):
    """(lon, lat) -> screen pixels (Web Mercator at ``view.zoom``, y down)."""
    scale = 512.0 * 2.0**view.zoom / 360.0  # pixels per degree of longitude

    def px(lon: float, lat: float) -> tuple[float, float]:
        y = math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))
        return lon * scale, -y * scale

    return px


#: Callout positions tried for a note, in order: (text anchor, baseline,
#: pixel offset, which side of the point the box lies on: x sign, y sign).
_NOTE_SPOTS = (
    ("start", "top", [10, 6], 1, 1),
    ("end", "top", [-10, 6], -1, 1),
    ("start", "bottom", [10, -6], 1, -1),
    ("end", "bottom", [-10, -6], -1, -1),
)


def _place_notes(notes, view: View, size: float = 12.0) -> list[dict]:
    """Callouts for the notes, each put right or left of its point, below or
    above it, where its box (estimated in screen pixels at the opening zoom)
    covers no callout placed before it (north to south); the least covered
    spot when none is free."""
    px = _screen_px(view)
    placed: list[tuple[float, float, float, float]] = []

    def overlap(b) -> float:
        return sum(max(0.0, min(b[2], o[2]) - max(b[0], o[0]))
                   * max(0.0, min(b[3], o[3]) - max(b[1], o[1])) for o in placed)  # fmt: skip

    out = []
    for n in sorted(notes, key=lambda n: -n.lat):
        text = _wrap(n.text)
        lines = text.split("\n")
        w = 0.6 * size * max(len(line) for line in lines) + 12 + 10
        h = 1.2 * size * len(lines) + 8 + 6
        x, y = px(n.lon, n.lat)
        boxes = []
        for anchor, baseline, offset, sx, sy in _NOTE_SPOTS:
            box = (x if sx > 0 else x - w, y if sy > 0 else y - h,
                   x + w if sx > 0 else x, y + h if sy > 0 else y)  # fmt: skip
            boxes.append((overlap(box), box, anchor, baseline, offset))
        best = next((b for b in boxes if b[0] == 0.0), min(boxes, key=lambda b: b[0]))
        placed.append(best[1])
        out.append({
            "text": text,
            "position": [n.lon, n.lat],
            "anchor": best[2],
            "baseline": best[3],
            "offset": best[4],
            "tooltip": n.text + (f"\nSource: {n.source}" if n.source else ""),
        })  # fmt: skip
    return out


def deck_notes(notes) -> list:
    """The notes in the order :func:`build_deck` numbers them (north to south,
    then west to east), so a list beside the map can number them the same."""
    return sorted(notes, key=lambda n: (-round(n.lat, 2), n.lon))


def _numbered_notes(notes) -> list[dict]:
    """Numbered markers for the notes ("1", "2"...): small enough to hide no
    town, on any screen; the text goes in a list beside the map."""
    return [
        {"text": str(i), "position": [n.lon, n.lat],
         "tooltip": n.text + (f"\nSource: {n.source}" if n.source else "")}
        for i, n in enumerate(deck_notes(notes), start=1)
    ]  # fmt: skip


def _declutter(rows: list[dict], view: View, reserved=()) -> list[dict]:
    """Labels that do not collide at the opening zoom, best first.

    Boxes are estimated in screen pixels (Web Mercator at ``view.zoom``):
    about 0.6 em per character wide and 1.2 em high, centred above the point.
    Places and user targets go before cities, larger cities before smaller.
    """
    px = _screen_px(view)
    placed: list[tuple[float, float, float, float]] = []

    def box(position, text: str, size: float, dy: float) -> tuple[float, float, float, float]:
        x, y = px(*position)
        w, h = 0.6 * size * len(text) + 4, 1.2 * size + 2
        return x - w / 2, y + dy - h, x + w / 2, y + dy

    def free(b) -> bool:
        return all(b[2] < o[0] or b[0] > o[2] or b[3] < o[1] or b[1] > o[3] for o in placed)

    for position, name, size, *dy in reserved:  # dy: below the point unless given
        placed.append(box(position, name, size, dy[0] if dy else 16 + 1.2 * size))
    out = []
    for row in sorted(rows, key=lambda r: r["rank"]):
        b = box(row["position"], row["text"], row["size"], row.get("dy", -12))
        if free(b):
            placed.append(b)
            out.append({k: v for k, v in row.items() if k not in ("rank", "dy")})
    return out


#: Cities of the other side in range get a dot sized by population; the rest of
#: the map's places are drawn small and grey, in metres, so they only show once
#: the reader zooms in (about 2 px at zoom 7), and small ones are not sent.
_OTHER_MIN_POPULATION = 50_000
_OTHER_RADIUS_M = 1_500


def _relevant(result, targets: pd.DataFrame) -> np.ndarray:
    """Targets the story is about: in range and on ground the other side of a
    chosen weapon's owner (what the headline counts)."""
    from .headline import opposing_territories

    inside = targets["in_range"].to_numpy(bool)
    if "territory" not in targets.columns or not result.weapons:
        return inside
    other = set()
    for w in result.weapons:
        other.update(opposing_territories(w.weapon.side))
    return inside & targets["territory"].isin(sorted(other)).to_numpy(bool)


def _tooltips(df: pd.DataFrame, names: pd.Series, inside: np.ndarray) -> pd.Series:
    pop = df["population"].to_numpy("int64")
    dist = df["distance_km"].to_numpy(float)
    tip = names + " (" + df["kind"].astype(str) + ")"
    pops = pd.Series(pop, index=df.index).map("{:,}".format)
    tip = tip.where(pop == 0, tip + ", pop. " + pops)
    far = pd.Series(dist, index=df.index).map(
        lambda d: f"\n{d:,.0f} km from " if math.isfinite(d) and d > 0.05 else ""
    )
    tip = tip + far + df["launch"].astype(str).where(far != "", "")
    status = ("\nIn range of: " + df["reached_by"].astype(str)).where(inside, "\nOut of range")
    if "authorization" in df.columns:
        status = status.where(~inside, status + "\n" + df["authorization"].astype(str))
    return tip + status


def _target_layers(result, lang: str, t: dict) -> tuple[list[pdk.Layer], list[dict]]:
    """Point layers of the targets and their label candidates.

    ``targets-cities``, ``targets-airfields``, ``targets-places`` and
    ``targets-user`` hold what the story is about (:func:`_relevant`, plus the
    places in the news and the user's own targets); ``targets-other`` holds the
    rest, subdued.  Only targets within 1.5x the longest range (at least
    400 km) of a launch site go to the browser."""
    targets = result.targets
    longest = max((w.weapon.max_range_km for w in result.weapons), default=0.0)
    targets = targets[targets["distance_km"].fillna(np.inf) <= max(1.5 * longest, 400.0)]
    if targets.empty:
        return [], []
    relevant = _relevant(result, targets)
    names = targets["name"].astype(str)
    if lang == "uk":
        uk = targets["name_uk"].fillna("").astype(str)
        names = uk.where(uk != "", names)
    layer = targets["layer"].astype(str).to_numpy()
    pop = targets["population"].to_numpy("int64")
    inside = targets["in_range"].to_numpy(bool)
    story = relevant | np.isin(layer, ["places", "user"])
    other = ~story & (layer == "cities") & (pop >= _OTHER_MIN_POPULATION)
    positions = np.round(targets[["lon", "lat"]].to_numpy(float), 4).tolist()
    tips = _tooltips(targets, names, inside).tolist()
    name_list = names.tolist()
    layers, labels = [], []
    for kind, radius in (("cities", 4), ("airfields", 5), ("places", 5), ("user", 5)):
        idx = np.flatnonzero(story & (layer == kind))
        if not len(idx):
            continue
        ink = t["text"] + [235]
        records = [
            {"position": positions[i], "name": name_list[i], "tooltip": tips[i],
             "fill": ink if relevant[i] else t["muted"] + [150],
             "r": radius + (3 if pop[i] >= 1_000_000 else 1 if pop[i] >= 250_000 else 0)}
            for i in idx
        ]  # fmt: skip
        layers.append(
            pdk.Layer(
                "ScatterplotLayer", data=records, id=f"targets-{kind}",
                get_position="position", get_fill_color="fill",
                get_line_color=t["halo"] + [255] if kind != "airfields" else t["text"] + [235],
                stroked=True, filled=kind != "airfields",
                line_width_min_pixels=1 if kind != "airfields" else 1.6,
                get_radius="r", radius_units=_S("pixels"), pickable=True, auto_highlight=True,
            )  # fmt: skip
        )
        for i in idx:
            if kind == "cities" and pop[i] < result.scenario.min_population:
                continue
            if kind == "airfields":
                continue  # airfields are many and named in their tooltip
            labels.append({
                "text": name_list[i], "position": positions[i],
                "color": (t["text"] + [255]) if relevant[i] or kind != "cities"
                else (t["muted"] + [230]),
                "size": 13 if kind != "cities" or pop[i] >= 1_000_000 else 11,
                "rank": (2 if kind != "cities" else 3 if relevant[i] else 5, -int(pop[i])),
            })  # fmt: skip
    idx = np.flatnonzero(other)
    if len(idx):
        layers.append(
            pdk.Layer(
                "ScatterplotLayer", id="targets-other",
                data=[{"position": positions[i], "name": name_list[i], "tooltip": tips[i]}
                      for i in idx],
                get_position="position", get_fill_color=t["muted"] + [170], stroked=False,
                get_radius=_OTHER_RADIUS_M, radius_min_pixels=0, radius_max_pixels=4,
                pickable=True,
            )  # fmt: skip
        )
        for i in idx:
            if pop[i] >= max(result.scenario.min_population, 250_000):
                labels.append({"text": name_list[i], "position": positions[i],
                               "color": t["muted"] + [230], "size": 11,
                               "rank": (5, -int(pop[i]))})  # fmt: skip
    return layers, labels


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
                    "rank": (0, -part.area), "dy": 9})  # fmt: skip
    return out


def build_deck(
    result,
    geodata,
    *,
    lang: str | None = None,
    theme: str = "light",
    tiles: bool = False,
    height_px: int = 620,
    numbered_notes: bool = False,
    width_px: int = 900,
) -> pdk.Deck:
    """The interactive map of an evaluated scenario.

    Parameters
    ----------
    result : ranges.evaluate.Result
    geodata : ranges.geodata.GeoData
    lang : {"en", "uk"}, optional
        Label language; defaults to the scenario's.
    theme : {"light", "dark"}
    tiles : bool
        Put a Carto basemap (no key needed, online only) under the layers
        instead of the offline sea and land fill.
    height_px, width_px : int
        Size the map is shown at (for the initial zoom: a phone's map is narrower).
    numbered_notes : bool
        Notes as numbered markers (the page lists them, :func:`deck_notes`)
        instead of callouts with their text.

    Returns
    -------
    pydeck.Deck
        Layer ids: ``occupied`` and ``front-line`` (Russian-occupied Ukraine on
        the scenario's date, with the source and snapshot date in the tooltip),
        ``reach-<weapon id>``, ``launch-areas``, ``launch-sites``,
        ``targets-cities``, ``targets-airfields``, ``targets-places``,
        ``targets-user``, ``notes`` (pickable layers carry a plain-text
        ``tooltip`` field).
    """
    scenario = result.scenario
    lang = lang or scenario.lang
    t = THEMES[theme]
    view = view_for(result, width_px=width_px, height_px=height_px)
    clip = _clip_for(view)
    layers = base_layers(geodata, lang=lang, theme=theme, tiles=tiles, clip=clip, zoom=view.zoom)
    n_base = len(layers)
    region_labels_at = next(i for i, x in enumerate(layers) if x.id == "region-labels")
    country_rows = _base_data(geodata, lang, clip, _tol_deg(view.zoom))["country_labels"]
    base_region_labels = [dict(r, kind="region", dy=6) for r in layers[region_labels_at].data]
    focus = set(scenario.focus_regions) | set(scenario.allowed_regions)
    layers += occupied_layers(result, geodata, theme=theme, clip=clip, zoom=view.zoom)

    outlines: list[tuple] = []  # drawn after every fill, as LineLayers (see _segments)
    if result.allowed is not None and not result.allowed.is_empty:
        ids = ", ".join(scenario.allowed_regions)
        layers.append(
            _fill_layer("allowed", _polygons([_rounded(result.allowed, 4)],
                                             [{"tooltip": f"Strikes allowed: {ids}"}]),
                        [0, 120, 60, 35], pickable=True)  # fmt: skip
        )
        outlines.append(("allowed-outline", result.allowed, [0, 110, 50, 230], 2.5))

    # Largest reach first so that shorter ranges stay on top and clickable.
    order = sorted(result.weapons, key=lambda w: -w.weapon.max_range_km)
    range_labels = []
    for w in order:
        if w.area.is_empty:
            continue
        km = "км" if lang == "uk" else "km"
        label = f"{w.weapon.name} · {w.weapon.max_range_km:,.0f} {km}"
        layers.append(
            _fill_layer(f"reach-{w.weapon.id}",
                        _polygons([_rounded(w.area, 5)], [{"tooltip": w.headline}]),
                        hex_rgb(w.color, 45), pickable=True,
                        get_line_color=hex_rgb(w.color, 255))  # the outline's, for readers
        )  # fmt: skip
        outlines.append((f"reach-{w.weapon.id}-outline", w.area, hex_rgb(w.color, 255), 2.0))
        range_labels.append(
            {"text": label, "position": _top_point(w.area), "color": hex_rgb(w.color, 255)}
        )

    areas = [(n, g) for n, g in result.sites if g.geom_type != "Point"]
    if areas:
        layers.append(
            _fill_layer("launch-areas", _polygons(
                [_rounded(g, 4) for _, g in areas], [{"tooltip": f"Launch area: {n}"}
                                                     for n, _ in areas]),
                t["text"] + [40], pickable=True)  # fmt: skip
        )
        outlines.append(("launch-areas-outline", shapely.union_all([g for _, g in areas]),
                         t["text"] + [220], 1.5))  # fmt: skip
    for layer_id, geom, color, width in outlines:
        # The real boundary only: a reach cut at 180° (RFC 7946) or closed over a
        # pole has edges along the cut or the pole that are no boundary at all.
        edges = _segments(_rounded(outline(geom), 4), 4)
        layers.append(_line_layer(layer_id, edges, color, width))
    shown = scenario.name_in if hasattr(scenario, "name_in") else (lambda n, _lang: n)
    points = [
        {"name": shown(n, lang), "position": [g.x, g.y],
         "tooltip": f"Launch site: {shown(n, lang)} ({g.y:.4f}, {g.x:.4f})"}
        for n, g in result.sites
        if g.geom_type == "Point"
    ]

    tlayers, label_rows = _target_layers(result, lang, t)
    layers.extend(tlayers)
    reserved = [(p["position"], p["name"], 14) for p in points]
    if numbered_notes:  # a note's numbered circle (centred on its point) hides no label
        reserved += [([n.lon, n.lat], "00", 12, 7.0) for n in scenario.notes]
    # a town that is a launch site is named once, by its launch label
    label_rows = [r for r in label_rows if not any(
        abs(r["position"][0] - p["position"][0]) < 0.05
        and abs(r["position"][1] - p["position"][1]) < 0.05 for p in points)]  # fmt: skip
    label_rows += [dict(r) for r in country_rows]
    label_rows += [dict(r, rank=(1 if r.get("rid") in focus else 4, 0), size=10,
                        color=t["label"] + [170]) for r in base_region_labels]  # fmt: skip
    placed = _declutter(label_rows, view, reserved)
    region_placed = [{k: v for k, v in r.items() if k in ("text", "position", "tooltip")}
                     for r in placed if r.get("kind") == "region"]  # fmt: skip
    layers[region_labels_at] = _text_layer("region-labels", region_placed, get_size=10,
                                           get_color=t["label"] + [170])  # fmt: skip
    countries = [r for r in placed if r.get("kind") == "country"]
    if countries:
        layers.append(
            _text_layer("country-labels", [{k: r[k] for k in ("text", "position")}
                                           for r in countries],
                        get_size=15, get_color=t["country_label"], font_weight=700)  # fmt: skip
        )
    unique = [{k: v for k, v in r.items() if k not in ("kind", "rid")}
              for r in placed if r.get("kind") not in ("region", "country")]  # fmt: skip
    layers.append(
        _text_layer("target-labels", unique, get_color="color", get_size="size",
                    get_pixel_offset=[0, -12])  # fmt: skip
    )
    if points:
        layers.append(
            pdk.Layer(
                "ScatterplotLayer",
                data=points,
                id="launch-sites",
                get_position="position",
                get_fill_color=t["text"] + [255],
                get_line_color=[255, 200, 0, 255],
                stroked=True,
                line_width_min_pixels=2,
                get_radius=7,
                radius_units=_S("pixels"),
                pickable=True,
            )
        )
        layers.append(
            _text_layer("launch-labels",
                        [{"text": p["name"], "position": p["position"]} for p in points],
                        halo=t["halo"], get_size=14, get_color=t["text"] + [255],
                        get_pixel_offset=[0, 16])  # fmt: skip
        )
    layers.append(
        _text_layer("range-labels", range_labels, halo=t["halo"], get_size=14,
                    get_color="color", get_pixel_offset=[0, -10])  # fmt: skip
    )
    if scenario.notes and numbered_notes:
        # A circle with its number: a TextLayer background would be one more
        # shader program, about 1.4 s without a GPU.
        numbered = _numbered_notes(scenario.notes)
        layers.append(
            pdk.Layer("ScatterplotLayer", data=numbered, id="note-points",
                      get_position="position", get_fill_color=[255, 236, 160, 255],
                      get_line_color=[120, 100, 40, 255], stroked=True, line_width_min_pixels=1,
                      get_radius=8, radius_units=_S("pixels"), pickable=True)  # fmt: skip
        )
        layers.append(_text_layer("notes", numbered, get_size=12, get_color=[20, 20, 20, 255]))
    elif scenario.notes:
        notes = _place_notes(scenario.notes, view)
        layers.append(
            pdk.Layer(
                "ScatterplotLayer",
                data=notes,
                id="note-points",
                get_position="position",
                get_fill_color=[120, 100, 40, 255],
                get_radius=3,
                radius_units=_S("pixels"),
            )
        )
        layers.append(
            _text_layer(
                "notes", notes, get_size=12, get_color=[20, 20, 20, 255], background=True,
                get_background_color=[255, 244, 200, 235], get_border_color=[120, 100, 40, 255],
                get_border_width=1, background_padding=[6, 4, 6, 4], get_text_anchor="anchor",
                get_alignment_baseline="baseline", get_pixel_offset="offset", pickable=True,
            )  # fmt: skip
        )
    for layer in layers[n_base:]:  # the base layers hold only shipped names
        if layer.type == "LineLayer":
            continue  # coordinates only
        if isinstance(layer.data, (list, dict)):
            layer.data = _defused(layer.data)
    # One character set for all text layers: deck.gl keys its font atlases on
    # the set (with the font and weight), so layers that share it share an
    # atlas instead of each rasterizing its own (half a second without a GPU).
    texts = [layer for layer in layers if layer.type == "TextLayer"]
    charset = _S(_charset([row for layer in texts for row in _rows(layer.data)]))
    for layer in texts:
        layer.character_set = charset
    deck = CompactDeck(
        layers=layers,
        initial_view_state=pdk.ViewState(
            longitude=view.lon, latitude=view.lat, zoom=view.zoom, min_zoom=2, max_zoom=11
        ),
        tooltip={"text": "{tooltip}"},
        api_keys=None,
        **_basemap(tiles, theme),
    )
    return deck


def _basemap(tiles: bool, theme: str) -> dict:
    """The Deck's base-map arguments: Carto's style only when asked for.

    Without tiles the map style stays pydeck's placeholder (``"__MAP_STYLE__"``):
    Streamlit's map then draws no base map at all.  ``map_style=None`` is not
    enough: Streamlit reads a missing style as "pick one for the theme" and
    fetches Carto's, which tells a third party who looks at what, and fails
    offline."""
    if not tiles:
        return {"map_provider": None}
    style = pdk.map_styles.CARTO_DARK if theme == "dark" else pdk.map_styles.CARTO_LIGHT
    return {"map_provider": "carto", "map_style": style}
