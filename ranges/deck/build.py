"""The deck's assembly: :func:`build_deck` and the legend beside the map."""

from __future__ import annotations

import numpy as np
import pydeck as pdk
import shapely

from ..i18n import format_km, km_unit, weapon_name
from ..seams import outline
from .base import _base_data, _tol_deg, base_layers, world_country_labels, world_layers
from .compact import CompactDeck
from .notes import _numbered_notes, _place_notes
from .primitives import (
    _MARKER_FONT,
    _charset,
    _defused,
    _fill_layer,
    _line_layer,
    _marker_layer,
    _per_row,
    _polygons,
    _rows,
    _segments,
    _text_layer,
)
from .style import _S, THEMES, _rounded, hex_rgb
from .targets import _declutter, _target_layers
from .territory import occupied_layers
from .view import _clip_for, view_for, world_view_for

__all__ = ["legend_items", "build_deck"]


#: Size (px) of a reach's label and its offset (px, up is negative) from the
#: reach's northernmost point.
RANGE_LABEL_PX = 14
RANGE_LABEL_DY = -10


def legend_items(result, lang: str = "en") -> list[tuple[str, str]]:
    """(label, ``#RRGGBB``) per weapon, in legend order, named in ``lang``."""
    items = []
    for w in result.weapons:
        km = f"{format_km(w.weapon.max_range_km, lang)} {km_unit(lang)}"
        if w.weapon.min_range_km > 0:
            km = f"{format_km(w.weapon.min_range_km, lang)}–{km}"
        items.append((f"{weapon_name(w.weapon, lang)} ({km})", w.color))
    return items


#: Below this zoom (a view of a continent or the world) regions are not named:
#: their names would crowd, and move far from their regions to find room.
_REGION_LABELS_MIN_ZOOM = 3.0

#: Web Mercator draws latitudes up to about 85°: a label stays below this.
_LABEL_MAX_LAT = 84.0


def _top_point(geom, lon0: float) -> list[float]:
    """The northernmost point of ``geom``'s real outline (not a cut or pole
    edge) that the map shows, of the part within 90° of the view's centre
    ``lon0`` when there is one (a reach around a pole has its top on the far
    side of the pole), in the copy of the world the view shows."""
    coords = shapely.get_coordinates(outline(geom))
    if not len(coords):
        coords = shapely.get_coordinates(geom)
    coords = coords[coords[:, 1] <= _LABEL_MAX_LAT] if (coords[:, 1] <= _LABEL_MAX_LAT).any() \
        else coords  # fmt: skip
    near = np.abs((coords[:, 0] - lon0 + 180.0) % 360.0 - 180.0) <= 90.0
    coords = coords[near] if near.any() else coords
    i = int(np.argmax(coords[:, 1]))
    lon = lon0 + (float(coords[i, 0]) - lon0 + 180.0) % 360.0 - 180.0  # (the map repeats)
    return [lon, float(min(coords[i, 1], _LABEL_MAX_LAT))]


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
    # a scene beyond the theatre box opens where it is, over the world's land
    world = world_view_for(result, width_px=width_px, height_px=height_px)
    view = world or view_for(result, width_px=width_px, height_px=height_px)
    clip = _clip_for(view)
    layers = world_layers(geodata, theme=theme) if world is not None and not tiles else []
    layers += base_layers(geodata, lang=lang, theme=theme, tiles=tiles, clip=clip, zoom=view.zoom)
    n_base = len(layers)
    region_labels_at = next(i for i, x in enumerate(layers) if x.id == "region-labels")
    country_rows = (
        world_country_labels(geodata, lang, view, width_px, height_px) if world is not None
        else _base_data(geodata, lang, clip, _tol_deg(view.zoom))["country_labels"]
    )  # fmt: skip
    base_region_labels = [dict(r, kind="region") for r in layers[region_labels_at].data]
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
        km = format_km(w.weapon.max_range_km, lang)
        label = f"{weapon_name(w.weapon, lang)} · {km} {km_unit(lang)}"
        layers.append(
            _fill_layer(f"reach-{w.weapon.id}",
                        _polygons([_rounded(w.area, 5)], [{"tooltip": w.headline}]),
                        hex_rgb(w.color, 45), pickable=True,
                        get_line_color=hex_rgb(w.color, 255))  # the outline's, for readers
        )  # fmt: skip
        outlines.append((f"reach-{w.weapon.id}-outline", w.area, hex_rgb(w.color, 255), 2.0))
        range_labels.append(
            {"text": label, "position": _top_point(w.area, view.lon),
             "color": hex_rgb(w.color, 255)}
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
    # A reach's label goes first, as launch labels do: a town under it yields
    # (at 390 px "ATACMS M57 (unitary) · 300 km" lay on Smolensk).  Centred
    # RANGE_LABEL_DY px above its point; the box's bottom is half a line lower.
    range_bottom = RANGE_LABEL_DY + (1.2 * RANGE_LABEL_PX + 2) / 2
    reserved += [(r["position"], r["text"], RANGE_LABEL_PX, range_bottom) for r in range_labels]
    if numbered_notes:  # a note's numbered circle (centred on its point) hides no label
        reserved += [([n.lon, n.lat], "00", 12, 7.0) for n in scenario.notes]
    # a town that is a launch site is named once, by its launch label
    label_rows = [r for r in label_rows if not any(
        abs(r["position"][0] - p["position"][0]) < 0.05
        and abs(r["position"][1] - p["position"][1]) < 0.05 for p in points)]  # fmt: skip
    label_rows += [dict(r) for r in country_rows]
    # A focus region's name comes after the places in the news (its centre can
    # fall on its capital: Kursk) and moves within the region to make room.
    if view.zoom >= _REGION_LABELS_MIN_ZOOM:  # a world view names no oblasts
        label_rows += [dict(r, rank=(2, 1) if r.get("rid") in focus else (4, 0), size=10,
                            color=t["label"] + [170]) for r in base_region_labels]  # fmt: skip
    placed = _declutter(label_rows, view, reserved, frame=(width_px, height_px))
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
                    get_pixel_offset="offset")  # fmt: skip
    )
    if points:
        # a dark dot in a yellow ring
        layers.append(_marker_layer("launch-sites-ring", points, radius=8,
                                    color=[255, 200, 0, 255]))  # fmt: skip
        layers.append(_marker_layer("launch-sites", points, radius=6, color=t["text"] + [255],
                                    pickable=True))  # fmt: skip
        layers.append(
            _text_layer("launch-labels",
                        [{"text": p["name"], "position": p["position"]} for p in points],
                        halo=t["halo"], get_size=14, get_color=t["text"] + [255],
                        get_pixel_offset=[0, 16])  # fmt: skip
        )
    layers.append(
        _text_layer("range-labels", range_labels, halo=t["halo"], get_size=RANGE_LABEL_PX,
                    get_color="color", get_pixel_offset=[0, RANGE_LABEL_DY])  # fmt: skip
    )
    if scenario.notes and numbered_notes:
        # A circle with its number: a TextLayer background would be one more
        # shader program, about 1.4 s without a GPU.
        numbered = _numbered_notes(scenario.notes, lang)
        layers.append(_marker_layer("note-points-ring", numbered, radius=8.5,
                                    color=[120, 100, 40, 255]))  # fmt: skip
        layers.append(_marker_layer("note-points", numbered, radius=7.5,
                                    color=[255, 236, 160, 255], pickable=True))  # fmt: skip
        layers.append(_text_layer("notes", numbered, get_size=12, get_color=[20, 20, 20, 255]))
    elif scenario.notes:
        notes = _place_notes(scenario.notes, view, lang=lang)
        layers.append(_marker_layer("note-points", notes, radius=3, color=[120, 100, 40, 255]))
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
    for layer in layers:
        if layer.type == "TextLayer":
            _per_row(layer)  # one vertex layout for every text layer (see _per_row)
    texts = [layer for layer in layers if layer.type == "TextLayer"
             and layer.font_family != _MARKER_FONT]  # (markers: one glyph, their own font)
    charset = _S(_charset([row for layer in texts for row in _rows(layer.data)]))
    for layer in texts:
        layer.character_set = charset
    deck = CompactDeck(
        layers=layers,
        initial_view_state=pdk.ViewState(longitude=view.lon, latitude=view.lat, zoom=view.zoom,
                                         min_zoom=2 if world is None else 0,
                                         max_zoom=11),  # fmt: skip
        tooltip={"text": "{tooltip}"},
        api_keys=None,
        **_basemap(tiles, theme),
    )
    if world is not None:
        # Copies of the world side by side, so that a reach cut at 180° is
        # drawn whole on either side of the cut.
        deck.views = [pdk.View(type="MapView", controller=True, repeat=True)]
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
