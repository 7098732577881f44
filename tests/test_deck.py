"""Tests of ranges.deck's reach outlines: drawn along the real boundary only,
never down the 180° cut (RFC 7946 cutting) or along a pole."""

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
