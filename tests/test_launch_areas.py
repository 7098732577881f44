"""Border-strip launch areas: geodesic distance to the shared border."""

import numpy as np
import pytest
import shapely
from shapely.geometry import Point

from ranges.errors import InputError
from ranges.geodata import load_geodata
from ranges.geodesy import GEOD
from ranges.launch_areas import border_strip, shared_border


@pytest.fixture(scope="module")
def geo():
    return load_geodata()


def _dist_to_border_km(border, lon, lat):
    # densified to <= 0.005 deg (~0.5 km): the nearest vertex is the nearest point to ~0.1 km
    dense = shapely.segmentize(border, 0.005)
    pts = np.vstack([np.asarray(g.coords) for g in getattr(dense, "geoms", [dense])])
    _, _, d = GEOD.inv(np.full(len(pts), lon), np.full(len(pts), lat), pts[:, 0], pts[:, 1])
    return d.min() / 1000.0


def test_border_strip_is_ukrainian_ground_near_the_russian_border(geo):
    strip = border_strip(geo, 50.0)
    border = shared_border(geo)
    assert strip.covers(Point(34.80, 50.92))  # Sumy, ~35 km from the border
    assert not strip.covers(Point(30.52, 50.45))  # Kyiv, far inside
    assert not strip.covers(Point(36.19, 51.74))  # Kursk: Russian side
    rng = np.random.default_rng(3)
    pts = strip.representative_point()
    assert _dist_to_border_km(border, pts.x, pts.y) <= 50.5
    minx, miny, maxx, maxy = strip.bounds
    inside = 0
    for lon, lat in zip(rng.uniform(minx, maxx, 300), rng.uniform(miny, maxy, 300), strict=True):
        if strip.covers(Point(lon, lat)):
            inside += 1
            assert _dist_to_border_km(border, lon, lat) <= 51.0
    assert inside > 10


def test_standoff_keeps_launchers_back_from_the_border(geo):
    strip = border_strip(geo, 80.0, standoff_km=30.0)
    border = shared_border(geo)
    rng = np.random.default_rng(4)
    minx, miny, maxx, maxy = strip.bounds
    for lon, lat in zip(rng.uniform(minx, maxx, 300), rng.uniform(miny, maxy, 300), strict=True):
        if strip.covers(Point(lon, lat)):
            assert _dist_to_border_km(border, lon, lat) >= 29.0


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"width_km": 0}, "border strip width must be > 0"),
        ({"width_km": 50, "standoff_km": 60}, "standoff (60) must be smaller"),
    ],
)
def test_bad_strip_widths_are_refused(geo, kwargs, message):
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        border_strip(geo, **kwargs)


@pytest.mark.parametrize(
    "region_id, width, standoff",
    [("UA-59", 60.0, 15.0), ("UA-63", 30.0, 0.0), ("UA-74", 150.0, 40.0), ("UA-23", 150.0, 40.0)],
)
def test_strip_within_a_region_equals_the_whole_strip_cut_to_it(geo, region_id, width, standoff):
    # `within` buffers only the border near the region; the answer must not change.
    region = geo.regions[geo.regions["region_id"] == region_id].geometry.iloc[0]
    whole = shapely.intersection(border_strip(geo, width, standoff_km=standoff), region)
    part = border_strip(geo, width, standoff_km=standoff, within=region)
    assert not part.is_empty
    assert part.symmetric_difference(whole).area < 1e-9 * whole.area


def test_strip_within_a_region_far_from_the_border_names_the_rule(geo):
    lviv = geo.regions[geo.regions["region_id"] == "UA-46"].geometry.iloc[0]
    with pytest.raises(InputError, match="border is nowhere within 60 km of the chosen region"):
        border_strip(geo, 60.0, within=lviv)
