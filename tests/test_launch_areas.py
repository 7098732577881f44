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
