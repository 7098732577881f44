"""Tests of ranges.deck's reach outlines (drawn along the real boundary only,
never down the 180° cut (RFC 7946 cutting) or along a pole) and its labels
(one per place)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from ranges.catalog import load_catalog
from ranges.deck import build_deck
from ranges.evaluate import evaluate
from ranges.geodata import load_geodata
from ranges.scenario import Scenario, Site

CATALOG = load_catalog()

# (lat, lon, weapon): a reach cut by the 180° meridian and around the pole
# (kh-101 from Chukotka), one closed over the pole (kalibr from 85° N); and an
# ordinary one (ATACMS from Sumy).
SEAMED = [(65.0, 179.0, "kh-101"), (85.0, 30.0, "kalibr")]
ORDINARY = (50.91741, 34.79906, "atacms-m57")


@pytest.fixture(scope="module")
def geodata():
    return load_geodata()


def _spec(geodata, lat, lon, weapon):
    result = evaluate(Scenario(weapons=(weapon,), sites=(Site("X", lat, lon),)), geodata,
                      CATALOG)  # fmt: skip
    deck = build_deck(result, geodata)
    return result, {layer["id"]: layer for layer in json.loads(deck.to_json())["layers"]}


def _edges(layer) -> np.ndarray:
    """The outline's segments as an (n, 2, 2) array of (lon, lat) end points."""
    return np.asarray([[row["s"], row["t"]] for row in layer["data"]], dtype=float)


@pytest.mark.parametrize(("lat", "lon", "weapon"), SEAMED)
def test_reach_outline_has_no_segment_along_the_180_cut_or_a_pole(geodata, lat, lon, weapon):
    result, layers = _spec(geodata, lat, lon, weapon)
    area = result.weapons[0].area
    ring_xy = np.concatenate([np.asarray(p.exterior.coords) for p in getattr(area, "geoms",
                                                                              [area])])  # fmt: skip
    # The scenario does reach the cut or a pole (else the test proves nothing).
    assert np.isclose(np.abs(ring_xy[:, 0]), 180.0).any() or np.isclose(
        np.abs(ring_xy[:, 1]), 90.0).any()  # fmt: skip
    edges = _edges(layers[f"reach-{weapon}-outline"])
    assert len(edges) > 100  # the real boundary is still drawn
    on_cut = np.isclose(np.abs(edges[:, :, 0]), 180.0, atol=1e-6).all(axis=1)
    at_pole = np.isclose(np.abs(edges[:, :, 1]), 90.0, atol=1e-6).all(axis=1)
    assert not on_cut.any(), edges[on_cut][:3]
    assert not at_pole.any(), edges[at_pole][:3]
    # The fill has no stroke of its own (SolidPolygonLayer draws none).
    assert layers[f"reach-{weapon}"]["@@type"] == "SolidPolygonLayer"


def test_ordinary_reach_outline_is_drawn_closed_around_the_area(geodata):
    result, layers = _spec(geodata, *ORDINARY)
    edges = _edges(layers[f"reach-{ORDINARY[2]}-outline"])
    assert len(edges) > 100
    # Closed: the end points of all edges, counted, pair up (each vertex is the
    # end of one edge and the start of the next).
    starts = {tuple(p) for p in edges[:, 0]}
    ends = {tuple(p) for p in edges[:, 1]}
    assert starts == ends
    # And it follows the area: every vertex is on the reach polygon's boundary
    # (to the 4-decimal rounding the deck sends).
    import shapely

    boundary = result.weapons[0].area.boundary
    d = shapely.distance(boundary, shapely.points(edges[:, 0]))
    assert float(np.max(d)) < 1e-3


# --------------------------------------------------------------------------
# One label per place
# --------------------------------------------------------------------------
LABEL_LAYERS = ("target-labels", "region-labels", "country-labels", "launch-labels")


def _row(text, lon, lat, rank, kind=None):
    return {"text": text, "position": [lon, lat], "size": 11, "rank": rank,
            **({"kind": kind} if kind else {})}  # fmt: skip


def test_a_town_in_the_news_and_the_same_city_spelt_another_way_get_one_label():
    from ranges.deck.targets import _one_per_place

    rows = [_row("Орьол", 36.08, 52.97, (3, -300_000)), _row("Орел", 36.07, 52.96, (2, 0)),
            _row("Курська АЕС", 35.32, 51.67, (2, 0)), _row("Курськ", 36.19, 51.73, (3, -4))]
    assert [r["text"] for r in _one_per_place(rows)] == ["Орел", "Курська АЕС", "Курськ"]


@pytest.mark.parametrize("city_rank, kept", [((3, -2_000_000), ["Minsk"]), ((5, -2), ["MINSK"])])
def test_a_region_named_like_its_town_is_named_once_by_the_one_that_matters(city_rank, kept):
    """The city region and the oblast of Minsk, and the city: the city when it
    is in the story, else the region; never both regions."""
    from ranges.deck.targets import _one_per_place

    rows = [_row("MINSK", 27.56, 53.9, (4, 0), "region"),
            _row("MINSK", 27.9, 53.6, (4, 0), "region"), _row("Minsk", 27.56, 53.9, city_rank),
            _row("DNIPROPETROVSK", 34.9, 48.4, (4, 0), "region"),
            _row("Dnipro", 35.05, 48.46, (3, -1))]  # fmt: skip
    texts = [r["text"] for r in _one_per_place(rows)]
    assert sorted(t for t in texts if t.casefold() == "minsk") == kept
    assert {"DNIPROPETROVSK", "Dnipro"} <= set(texts)  # the oblast is not the city


@pytest.mark.parametrize("lang", ["en", "uk"])
@pytest.mark.parametrize("width", [900, 390])
def test_no_place_is_named_twice_on_a_preset_map(geodata, lang, width):
    from ranges.deck.targets import _SAME_REGION_DEG, _same_name
    from ranges.presets import PRESETS

    for pid, preset in PRESETS.items():
        result = evaluate(preset.replace(lang=lang), geodata, CATALOG)
        deck = json.loads(build_deck(result, geodata, lang=lang, width_px=width).to_json())
        rows = [(r["text"], r["position"]) for layer in deck["layers"]
                if layer["id"] in LABEL_LAYERS for r in layer["data"]]  # fmt: skip
        assert len(rows) > 10, pid
        twice = [(a[0], b[0]) for i, a in enumerate(rows) for b in rows[i + 1:]
                 if _same_name(a[0], b[0]) and abs(a[1][0] - b[1][0]) < _SAME_REGION_DEG
                 and abs(a[1][1] - b[1][1]) < _SAME_REGION_DEG]  # fmt: skip
        assert twice == [], (pid, twice)


@pytest.mark.parametrize("width, height", [(900, 620), (350, 460)])
def test_no_label_runs_off_the_edge_of_the_map(geodata, width, height):
    """A label that would be cut by the map's edge ("Kursk Nuclear Power Pl" on a
    phone) moves or is left out (widths estimated as the declutter does)."""
    from ranges.deck.view import _screen_px, view_for
    from ranges.presets import PRESETS

    sizes = {"region-labels": 10, "country-labels": 15}
    for pid, preset in PRESETS.items():
        result = evaluate(preset, geodata, CATALOG)
        deck = json.loads(build_deck(result, geodata, width_px=width, height_px=height).to_json())
        view = view_for(result, width_px=width, height_px=height)
        px = _screen_px(view)
        cx = px(view.lon, view.lat)[0]
        checked = 0
        for layer in deck["layers"]:
            if layer["id"] not in ("target-labels", "region-labels", "country-labels"):
                continue
            for row in layer["data"]:
                x = px(*row["position"])[0] + row.get("offset", [0, 0])[0]
                half = (0.6 * row.get("size", sizes.get(layer["id"], 10)) * len(row["text"])
                        + 4) / 2  # fmt: skip
                assert cx - width / 2 <= x - half and x + half <= cx + width / 2, (pid, row["text"])
                checked += 1
        assert checked > 5, pid


def _label_boxes(deck: dict, px) -> list[tuple[str, str, tuple[float, float, float, float]]]:
    """(layer id, text, screen box) of every label the deck draws: centred on its
    point plus its pixel offset (deck.gl's default anchor and baseline), about
    0.6 em a character wide and 1.2 em high, as the declutter estimates them."""
    from ranges.deck.primitives import MARKER

    out = []
    for layer in deck["layers"]:
        if layer["@@type"] != "TextLayer":
            continue
        if all(row["text"] == MARKER for row in layer["data"]):
            continue  # round markers drawn as a glyph (see _marker_layer), no label
        size, offset = layer.get("getSize", 12), layer.get("getPixelOffset", [0, 0])
        for row in layer["data"]:
            s = row["size"] if size == "@@=size" else size
            dx, dy = row["offset"] if offset == "@@=offset" else offset
            x, y = px(*row["position"])
            w, h = 0.6 * s * len(row["text"]) + 4, 1.2 * s + 2
            box = (x + dx - w / 2, y + dy - h / 2, x + dx + w / 2, y + dy + h / 2)
            out.append((layer["id"], row["text"], box))
    return out


@pytest.mark.parametrize("lang", ["en", "uk"])
@pytest.mark.parametrize("width, height", [(900, 620), (350, 460)])
def test_no_two_labels_overlap_at_the_opening_zoom(geodata, lang, width, height):
    """Reach labels take part in the declutter, first: a town under one yields
    (on a phone "ATACMS M57 (unitary) · 300 km" lay on Smolensk)."""
    from ranges.deck.view import _screen_px, view_for
    from ranges.presets import PRESETS

    for pid, preset in PRESETS.items():
        result = evaluate(preset.replace(lang=lang), geodata, CATALOG)
        deck = json.loads(build_deck(result, geodata, lang=lang, width_px=width,
                                     height_px=height, numbered_notes=True).to_json())  # fmt: skip
        px = _screen_px(view_for(result, width_px=width, height_px=height))
        # as the dashboard draws it; a note's number sits in its circle, reserved
        boxes = [b for b in _label_boxes(deck, px) if b[0] != "notes"]
        assert any(b[0] == "range-labels" for b in boxes), pid
        hits = [(a[1], b[1]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                if a[2][0] < b[2][2] and b[2][0] < a[2][2]
                and a[2][1] < b[2][3] and b[2][1] < a[2][3]]  # fmt: skip
        assert hits == [], (pid, hits)


def test_a_reach_label_writes_its_range_as_the_key_does(geodata):
    """One km formatter for the map and the key: a Ukrainian label reads
    "4 500 км" (narrow no-break space), never "4,500 км"."""
    from ranges.i18n import format_km

    result = evaluate(Scenario(weapons=("kh-101",), sites=(Site("X", 50.0, 36.2),)), geodata,
                      CATALOG)  # fmt: skip
    for lang in ("en", "uk"):
        deck = build_deck(result, geodata, lang=lang)
        layers = {layer["id"]: layer for layer in json.loads(deck.to_json())["layers"]}
        texts = [row["text"] for row in layers["range-labels"]["data"]]
        assert texts and all(format_km(4500, lang) in t for t in texts), (lang, texts)
    assert "4,500" not in " ".join(texts)
