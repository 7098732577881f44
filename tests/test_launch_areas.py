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


# --------------------------------------------------------------------------
# Held and occupied territory, the front line and the front strip
# --------------------------------------------------------------------------
STORY = "2024-11-17"  # the flagship map's date

# (lon, lat), checked against DeepStateMap's polygon of 2024-11-17 below
HELD = {
    "Zaporizhzhia": (35.1396, 47.8388),
    "Kramatorsk": (37.5562, 48.7237),
    "Kharkiv": (36.2304, 49.9935),
    "Izmail": (28.8377, 45.3503),
    "Tuzly lagoons": (29.9913, 45.7298),  # a 42 km2 piece of held coast, 160 km from the front
}
OCCUPIED = {
    "Donetsk": (37.8028, 48.0159),
    "Melitopol": (35.3653, 46.8489),
    "Berdiansk": (36.7845, 46.7585),
    "Simferopol": (34.1024, 44.9521),
    "Sorokyne": (39.7333, 48.2911),  # Luhansk oblast, 6 km from the Russian border
}


# Slivers between Natural Earth's outline and DeepStateMap's polygon reach at
# most 4.41 km from the polygon on any of the 769 snapshots (Kinburn spit).
SLIVER_KM = 5.0


@pytest.fixture(scope="module")
def source():
    from ranges.territory import occupied

    return occupied(STORY).geometry


@pytest.fixture(scope="module")
def held(geo):
    from ranges.launch_areas import held_territory

    return held_territory(geo, STORY)


@pytest.fixture(scope="module")
def occupied(geo):
    from ranges.launch_areas import occupied_territory

    return occupied_territory(geo, STORY)


@pytest.fixture(scope="module")
def front(geo):
    from ranges.launch_areas import front_line

    return front_line(geo, STORY)


def _km2(geom):
    from ranges.territory import geodesic_area_km2

    return 0.0 if geom.is_empty else geodesic_area_km2(geom)


def _ukraine(geo):
    return geo.countries[geo.countries["iso_a3"] == "UKR"].geometry.iloc[0]


def _sample(geom, n, seed):
    rng = np.random.default_rng(seed)
    minx, miny, maxx, maxy = geom.bounds
    return list(zip(rng.uniform(minx, maxx, n), rng.uniform(miny, maxy, n), strict=True))


@pytest.mark.parametrize("as_of", [STORY, "2025-06-01"])
def test_held_and_occupied_territory_split_ukraine_without_overlap(geo, as_of):
    from ranges.launch_areas import held_territory, occupied_territory

    held, occupied = held_territory(geo, as_of), occupied_territory(geo, as_of)
    ukraine = _km2(_ukraine(geo))
    assert _km2(held) + _km2(occupied) == pytest.approx(ukraine, rel=1e-5)
    assert _km2(shapely.intersection(held, occupied)) < 0.01


def test_held_land_is_outside_the_source_polygon_and_occupied_land_in_or_next_to_it(
    geo, held, occupied, source
):
    # Point in polygon on DeepStateMap's own polygon: a held point is never in
    # it; an occupied point is in it, or on a sliver that the two outlines
    # leave, within SLIVER_KM of it (geodesic distance to the source's edge).
    edge = source.boundary
    in_held = in_occupied = 0
    for lon, lat in _sample(_ukraine(geo), 3000, 5):
        p = Point(lon, lat)
        if held.covers(p):
            in_held += 1
            assert not source.contains(p), (lon, lat)
        elif occupied.covers(p):
            in_occupied += 1
            assert source.covers(p) or _dist_to_border_km(edge, lon, lat) <= SLIVER_KM
    assert in_held > 500 and in_occupied > 50
    slivers = shapely.difference(occupied, source)
    assert 0 < _km2(slivers) < 0.01 * _km2(occupied)  # about 930 km2 of 110,000
    for lon, lat in _sample(slivers, 400, 6):
        if slivers.covers(Point(lon, lat)):
            assert _dist_to_border_km(edge, lon, lat) <= SLIVER_KM + 0.1


def test_occupied_territory_is_about_the_source_area_inside_ukraine(occupied, source):
    # 2024-11-17: the source polygon is ~111,100 km2, of which ~1,700 km2 lie
    # outside Natural Earth's outline (sea, Russia); the slivers add ~930 km2.
    assert _km2(source) == pytest.approx(111_100, rel=0.005)
    assert _km2(occupied) == pytest.approx(_km2(source), rel=0.015)


@pytest.mark.parametrize("name", HELD)
def test_cities_behind_the_front_are_held(held, occupied, source, name):
    p = Point(*HELD[name])
    assert held.covers(p) and not occupied.covers(p) and not source.covers(p)


@pytest.mark.parametrize("name", OCCUPIED)
def test_cities_behind_the_russian_lines_are_occupied(held, occupied, source, name):
    p = Point(*OCCUPIED[name])
    assert occupied.covers(p) and not held.covers(p) and source.covers(p)


def test_a_border_sliver_the_two_outlines_leave_in_luhansk_oblast_is_occupied(
    held, occupied, source
):
    # Natural Earth's Ukraine reaches past DeepStateMap's polygon here, on the
    # Russian border in occupied Luhansk oblast: not held ground behind the lines.
    p = Point(40.003, 49.603)
    assert not source.covers(p)
    assert occupied.covers(p) and not held.covers(p)


def test_front_line_has_held_land_on_one_side_and_occupied_on_the_other(front, held, occupied):
    from ranges.geodesy import reach

    pts = shapely.get_coordinates(shapely.segmentize(front, 0.05))
    pts = pts[np.random.default_rng(7).choice(len(pts), 120, replace=False)]
    for lon, lat in pts:
        disk = reach(Point(lon, lat), 0.5, tolerance_m=5.0)
        # > 1 m2: the source has a held hole of 19 m2 at 37.575E 48.014N
        assert _km2(shapely.intersection(disk, held)) > 1e-6, (lon, lat)
        assert _km2(shapely.intersection(disk, occupied)) > 1e-6, (lon, lat)


@pytest.mark.parametrize(
    "name, lonlat, km",
    [
        ("Berdiansk, occupied Azov coast", (36.7845, 46.7585), 90.0),
        ("Novoazovsk, Azov coast at the Russian border", (38.1529, 47.1146), 90.0),
        ("Ochakiv, across the water from the occupied Kinburn spit", (31.5388, 46.6128), 50.0),
        ("Sorokyne, Luhansk oblast at the Russian border", (39.7333, 48.2911), 100.0),
        ("Yalta, Crimea's south coast", (34.1594, 44.4953), 200.0),
    ],
)
def test_front_line_does_not_follow_coasts_or_the_border(front, name, lonlat, km):
    # Ukraine minus occupied leaves slivers along the occupied coast and
    # border; kept as held land, they would put a front line right here.
    assert _dist_to_border_km(front, *lonlat) > km


def test_front_line_runs_inland(geo, front):
    # Only where the front meets the sea (the Dnipro's mouth) or the border
    # (north of Kupiansk, the pockets on the Kharkiv border) may it come
    # within 1 km of Ukraine's coast or border: under 5% of its length.
    outline = _ukraine(geo).boundary
    pts = shapely.get_coordinates(shapely.segmentize(front, 0.02))
    near = [(x, y) for x, y in pts if shapely.dwithin(Point(x, y), outline, 0.02)]
    close = sum(_dist_to_border_km(outline, x, y) < 1.0 for x, y in near)
    assert GEOD.geometry_length(front) / 1000 == pytest.approx(1140, rel=0.05)
    assert close < 0.05 * len(pts)


def _strip_oracle(strip, line, land, source, width, standoff, seed, slack_km=0.2):
    """Sample the strip's box: every point of the strip lies standoff..width
    from ``line`` (geodesic, to a line densified to ~0.5 km) and outside the
    source's occupied polygon; every point of ``land`` outside the strip lies
    nearer than standoff or farther than width."""
    inside = outside = 0
    for lon, lat in _sample(strip, 400, seed):
        p = Point(lon, lat)
        if strip.covers(p):
            inside += 1
            d = _dist_to_border_km(line, lon, lat)
            assert standoff - slack_km <= d <= width + slack_km, (lon, lat, d)
            assert not source.contains(p)
        elif land.covers(p):
            outside += 1
            d = _dist_to_border_km(line, lon, lat)
            assert d < standoff + slack_km or d > width - slack_km, (lon, lat, d)
    assert inside > 50 and outside > 20


def test_front_strip_lies_between_standoff_and_width_of_the_front(geo, front, held, source):
    from ranges.launch_areas import front_strip

    strip = front_strip(geo, STORY, 60.0, standoff_km=15.0)
    assert _km2(shapely.difference(strip, held)) < 0.01
    _strip_oracle(strip, front, held, source, 60.0, 15.0, seed=8)


def test_front_strip_of_a_2025_date_follows_that_date_front(geo):
    from ranges.launch_areas import front_line, front_strip, held_territory
    from ranges.territory import occupied

    as_of = "2025-10-01"
    strip = front_strip(geo, as_of, 40.0, standoff_km=5.0)
    _strip_oracle(
        strip,
        front_line(geo, as_of),
        held_territory(geo, as_of),
        occupied(as_of).geometry,
        40.0,
        5.0,
        seed=9,
    )


def test_front_strip_follows_the_dnipro_not_the_black_sea_coast(geo, held):
    from ranges.geodesy import reach
    from ranges.launch_areas import front_strip

    kherson, odesa = Point(32.6169, 46.6354), Point(30.7326, 46.4775)
    near_kherson = shapely.intersection(reach(kherson, 2.0), held)  # held, across the Dnipro
    assert _km2(shapely.difference(near_kherson, front_strip(geo, STORY, 10.0))) < 0.01
    strip60 = front_strip(geo, STORY, 60.0)
    assert not strip60.intersects(reach(odesa, 10.0))
    assert not strip60.intersects(reach(Point(36.7845, 46.7585), 30.0))  # Berdiansk
    assert strip60.covers(Point(*HELD["Zaporizhzhia"]))  # ~37 km from the front
    assert strip60.covers(Point(*HELD["Kramatorsk"]))  # ~23 km


def test_front_strip_on_the_occupied_side_is_occupied_land(geo, front, occupied, held):
    from ranges.launch_areas import front_strip

    strip = front_strip(geo, STORY, 60.0, side="occupied")
    assert _km2(shapely.difference(strip, occupied)) < 0.01
    assert strip.covers(Point(*OCCUPIED["Donetsk"]))  # ~17 km from the front
    assert not strip.intersects(Point(*OCCUPIED["Simferopol"]))
    from shapely.geometry import Polygon

    _strip_oracle(strip, front, occupied, Polygon(), 60.0, 0.0, seed=10)


@pytest.mark.parametrize(
    "region_id, width, standoff",
    [("UA-65", 30.0, 5.0), ("UA-14", 60.0, 15.0), ("UA-63", 80.0, 0.0)],
)
def test_front_strip_within_a_region_equals_the_whole_strip_cut_to_it(
    geo, region_id, width, standoff
):
    from ranges.launch_areas import front_strip

    region = geo.regions[geo.regions["region_id"] == region_id].geometry.iloc[0]
    whole = shapely.intersection(front_strip(geo, STORY, width, standoff_km=standoff), region)
    part = front_strip(geo, STORY, width, standoff_km=standoff, within=region)
    assert not part.is_empty
    # only rounding slivers where region and held-land edges nearly coincide
    assert _km2(part.symmetric_difference(whole)) < 1e-6 * _km2(whole)


@pytest.mark.parametrize(
    "args, kwargs, message",
    [
        ((STORY, 0), {}, "front strip width must be > 0, got 0"),
        ((STORY, 50), {"standoff_km": 60}, "standoff (60) must be smaller than front strip"),
        ((STORY, 50), {"side": "russian"}, "side must be 'held' or 'occupied', got 'russian'"),
        (("2024-01-01", 50), {}, "as_of 2024-01-01: occupied-territory data covers 2024-07-08"),
        (("17/11/2024", 50), {}, "'17/11/2024' is not a date"),
    ],
)
def test_bad_front_strip_input_is_refused_with_the_value_and_the_rule(geo, args, kwargs, message):
    from ranges.launch_areas import front_strip

    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        front_strip(geo, *args, **kwargs)


def test_front_strip_in_a_region_far_from_the_front_names_the_rule_and_the_date(geo):
    from ranges.launch_areas import front_strip

    lviv = geo.regions[geo.regions["region_id"] == "UA-46"].geometry.iloc[0]
    with pytest.raises(InputError, match="front line as of 2024-11-17 is nowhere within 60 km"):
        front_strip(geo, STORY, 60.0, within=lviv)


def test_a_date_between_snapshots_names_the_snapshot_used(geo):
    from ranges.launch_areas import front_strip

    lviv = geo.regions[geo.regions["region_id"] == "UA-46"].geometry.iloc[0]
    # the source has no snapshot of 2025-01-01: the one before is 2024-12-31
    with pytest.raises(InputError, match="as of 2025-01-01 .DeepStateMap snapshot of 2024-12-31"):
        front_strip(geo, "2025-01-01", 60.0, within=lviv)


def test_dated_border_strip_leaves_out_occupied_land(geo, held, source):
    undated = border_strip(geo, 60.0)
    dated = border_strip(geo, 60.0, as_of=STORY)
    for lonlat in (OCCUPIED["Sorokyne"], (39.3078, 48.5667), (40.003, 49.603)):  # + Luhansk
        assert undated.covers(Point(*lonlat)) and not dated.covers(Point(*lonlat)), lonlat
    assert dated.covers(Point(34.80, 50.92))  # Sumy, held
    assert _km2(dated.symmetric_difference(shapely.intersection(undated, held))) < 0.001
    _strip_oracle(dated, shared_border(geo), held, source, 60.0, 0.0, seed=11)


def test_dated_border_strip_within_a_region_names_held_territory_when_empty(geo):
    luhansk = geo.regions[geo.regions["region_id"] == "UA-09"].geometry.iloc[0]
    assert not border_strip(geo, 20.0, within=luhansk).is_empty
    message = "no Ukrainian-held territory lies 0-20 km from the border in the chosen region"
    with pytest.raises(InputError, match=message + " as of 2024-11-17$"):
        border_strip(geo, 20.0, within=luhansk, as_of=STORY)
