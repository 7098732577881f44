"""Tests of ranges.analysis: exact classification, coverage, headline, authorization.

References are independent of the code under test: GeographicLib's own Python
package (``geographiclib``) places targets a few metres inside or outside a
limit and measures distances; areas are checked against
``pyproj.Geod.geometry_area_perimeter`` of intersections built here.
"""

from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from geographiclib.geodesic import Geodesic
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString, MultiPoint, Point, Polygon, box

from ranges.analysis import (
    AUTHORIZED_LABEL,
    COVERAGE_COLUMNS,
    NOT_AUTHORIZED_LABEL,
    OUT_OF_RANGE_LABEL,
    Headline,
    allowed_area,
    coverage_by_authorization,
    filter_territory,
    headline,
    human_number,
    nearest_launch,
    opposing_territories,
    region_coverage,
    split_by_authorization,
    targets_in_range,
)
from ranges.errors import CoordinateError, GeometryError, InputError, UnknownNameError
from ranges.geodesy import GEOD, reach

WGS84 = Geodesic.WGS84
SUMY = (34.79906, 50.91741)  # places.csv, GeoNames 692194
KHARKIV = (36.25475, 49.98177)
KHERSON = (32.6169, 46.6354)


def _direct(lon, lat, azimuth, dist_m):
    g = WGS84.Direct(lat, lon, azimuth, dist_m)
    return g["lon2"], g["lat2"], g["azi2"]


def _targets(points, **extra):
    lon, lat = zip(*points, strict=True) if points else ((), ())
    return pd.DataFrame(
        {"name": [f"t{i}" for i in range(len(points))], "lon": lon, "lat": lat, **extra}
    )


def _path_azimuth(a, b, t):
    """Local azimuth (degrees) at A + t (B - A) of a segment straight in lon/lat."""
    lat = a[1] + t * (b[1] - a[1])
    phi = math.radians(lat)
    w2 = 1 - GEOD.es * math.sin(phi) ** 2
    east = math.radians(b[0] - a[0]) * GEOD.a / math.sqrt(w2) * math.cos(phi)
    north = math.radians(b[1] - a[1]) * GEOD.a * (1 - GEOD.es) / w2**1.5
    return math.degrees(math.atan2(east, north))


# --------------------------------------------------------------------------
# Exact classification near the limit
# --------------------------------------------------------------------------
OFFSETS_M = (-2.0, -0.5, 0.5, 2.0)


@pytest.mark.parametrize("max_km", [70.0, 300.0, 2500.0])
def test_point_site_targets_within_metres_of_limit_are_classified_by_true_distance(max_km):
    launch = SUMY
    points, expected = [], []
    for azimuth in range(0, 360, 15):
        for off in OFFSETS_M:
            lon, lat, _ = _direct(*launch, azimuth, max_km * 1000 + off)
            points.append((lon, lat))
            expected.append(off < 0)
    df = targets_in_range([("Sumy", Point(launch))], _targets(points), max_km, include_all=True)
    df = df.sort_index()
    assert df["in_range"].tolist() == expected
    ref = [WGS84.Inverse(launch[1], launch[0], la, lo)["s12"] / 1000 for lo, la in points]
    np.testing.assert_allclose(df["distance_km"], ref, rtol=0, atol=1e-6)  # 1 mm


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    lon=st.floats(-179.0, 179.0),
    lat=st.floats(-80.0, 80.0),
    azimuth=st.floats(0.0, 360.0),
    max_km=st.floats(1.0, 5000.0),
    off=st.sampled_from(OFFSETS_M),
)
def test_any_point_site_classifies_target_half_metre_from_limit_correctly(
    lon, lat, azimuth, max_km, off
):
    tlon, tlat, _ = _direct(lon, lat, azimuth, max_km * 1000 + off)
    df = targets_in_range(
        [("s", Point(lon, lat))], _targets([(tlon, tlat)]), max_km, include_all=True
    )
    assert bool(df["in_range"].iloc[0]) is (off < 0)


@pytest.mark.parametrize(
    "line",
    [
        [(35.0, 49.0), (35.0, 51.5)],  # a meridian: a geodesic
        [(33.0, 48.5), (37.5, 51.0)],  # diagonal, straight in lon/lat
        [(30.0, 55.0), (38.0, 55.2)],  # along a parallel: 13 km off the geodesic
    ],
)
def test_line_site_targets_within_metres_of_limit_are_classified_by_true_distance(line):
    # From a point Q inside a gently curved edge, the geodesic leaving at right
    # angles to the edge has Q as its nearest point of the line: targets along
    # it at r +- offset are exactly that far from the line.
    max_km = 150.0
    points, expected, dists = [], [], []
    for a, b in zip(line[:-1], line[1:], strict=True):
        for t in (0.3, 0.55, 0.8):
            q = (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))
            heading = _path_azimuth(a, b, t)
            for side in (-90.0, 90.0):
                for off in OFFSETS_M:
                    lon, lat, _ = _direct(*q, heading + side, max_km * 1000 + off)
                    points.append((lon, lat))
                    expected.append(off < 0)
                    dists.append(max_km + off / 1000)
    df = targets_in_range(
        [("front", LineString(line))], _targets(points), max_km, include_all=True
    ).sort_index()
    assert df["in_range"].tolist() == expected
    np.testing.assert_allclose(df["distance_km"], dists, rtol=0, atol=1e-4)  # 0.1 m


def test_polygon_site_targets_within_metres_of_limit_are_classified_by_true_distance():
    ring = [(33.0, 49.0), (36.5, 48.6), (37.2, 50.9), (34.1, 51.4)]  # counterclockwise
    area = Polygon(ring)
    max_km = 80.0
    points, expected = [], []
    for a, b in zip(ring, ring[1:] + ring[:1], strict=True):
        for t in (0.25, 0.5, 0.75):
            q = (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))
            outward = _path_azimuth(a, b, t) + 90.0  # a counterclockwise ring: outside is right
            for off in OFFSETS_M:
                lon, lat, _ = _direct(*q, outward, max_km * 1000 + off)
                if area.contains(Point(lon, lat)):  # pragma: no cover - wrong side
                    raise AssertionError("test target placed inside the polygon")
                points.append((lon, lat))
                expected.append(off < 0)
    points.append((35.0, 50.0))  # inside: distance 0
    expected.append(True)
    df = targets_in_range([("area", area)], _targets(points), max_km, include_all=True).sort_index()
    assert df["in_range"].tolist() == expected
    assert df["distance_km"].iloc[-1] == 0.0
    assert np.isnan(df["bearing_deg"].iloc[-1])


def _reference_distance_m(coords, lon, lat):
    """Distance from (lon, lat) to a path of edges straight in lon/lat: dense
    sampling with geographiclib, then golden-section search on the best edge."""
    best = math.inf
    for (x1, y1), (x2, y2) in zip(coords[:-1], coords[1:], strict=True):

        def f(t, x1=x1, y1=y1, x2=x2, y2=y2):
            return WGS84.Inverse(y1 + t * (y2 - y1), x1 + t * (x2 - x1), lat, lon)["s12"]

        ts = np.linspace(0.0, 1.0, 201)
        vals = [f(t) for t in ts]
        k = int(np.argmin(vals))
        lo, hi = ts[max(k - 1, 0)], ts[min(k + 1, 200)]
        for _ in range(60):
            m1, m2 = lo + (hi - lo) / 3, hi - (hi - lo) / 3
            if f(m1) < f(m2):
                hi = m2
            else:
                lo = m1
        best = min(best, f((lo + hi) / 2), vals[k])
    return best


def test_distance_to_polygon_and_line_sites_is_exact_against_brute_force():
    rng = np.random.default_rng(7)
    poly = Polygon([(30, 48), (36.5, 47.2), (38, 50.5), (35, 52.5), (33.2, 50.1), (31, 51)])
    line = LineString([(32, 46), (35, 46.5), (37.9, 49.0), (38.2, 52)])
    lon = np.r_[rng.uniform(29, 39, 8), rng.uniform(20, 50, 4)]
    lat = np.r_[rng.uniform(45.5, 53.5, 8), rng.uniform(44, 56, 4)]
    for geom, coords in ((poly, list(poly.exterior.coords)), (line, list(line.coords))):
        d, i, _ = nearest_launch([("x", geom)], lon, lat)
        for k in range(lon.size):
            if geom.geom_type == "Polygon" and geom.contains(Point(lon[k], lat[k])):
                assert d[k] == 0.0
                continue
            assert d[k] * 1000 == pytest.approx(
                _reference_distance_m(coords, lon[k], lat[k]), abs=0.01
            )


def test_prefilter_never_drops_a_target_in_range_near_poles_or_antimeridian():
    rng = np.random.default_rng(11)
    n = 10_000
    sites = [
        ("chukotka", Point(179.6, 65.0)),
        ("arctic", Point(20.0, 88.0)),
        ("fiji", Point(-179.8, -17.0)),
        ("line", LineString([(170.0, 60.0), (-170.0, 62.0)])),  # crosses the antimeridian
        # 240 degrees of longitude, across the antimeridian
        ("long", LineString([(60.0, 70.0), (150.0, 71.0), (-120.0, 70.0), (-60.0, 70.0)])),
    ]
    df = pd.DataFrame(
        {"lon": rng.uniform(-180, 180, n), "lat": np.degrees(np.arcsin(rng.uniform(0.2, 1.0, n)))}
    )
    df.loc[: n // 2, "lon"] = rng.uniform(160, 180, n // 2 + 1) * rng.choice([-1, 1], n // 2 + 1)
    d, _, _ = nearest_launch(sites, df["lon"], df["lat"])
    for max_km in (50.0, 700.0, 3000.0):
        got = targets_in_range(sites, df, max_km)
        assert set(got.index) == set(df.index[d <= max_km])


# --------------------------------------------------------------------------
# Minimum range, bearings, sites, table shape
# --------------------------------------------------------------------------
def test_target_too_close_to_one_site_is_in_range_from_another_beyond_min_km():
    a, b = Point(SUMY), Point(KHARKIV)
    near_a = _direct(*SUMY, 200.0, 40_000)[:2]  # 40 km from Sumy, ~130 km from Kharkiv
    away = _direct(*SUMY, 300.0, 40_000)[:2]  # 40 km from Sumy, >150 km from Kharkiv
    df = targets_in_range(
        [("Sumy", a), ("Kharkiv", b)], _targets([near_a, away]), 150, min_km=60, include_all=True
    ).sort_index()
    d_b = WGS84.Inverse(KHARKIV[1], KHARKIV[0], near_a[1], near_a[0])["s12"] / 1000
    assert 60 < d_b < 150
    assert df["in_range"].tolist() == [True, False]
    assert df["launch"].iloc[0] == "Kharkiv"
    assert df["distance_km"].iloc[0] == pytest.approx(d_b, abs=1e-6)
    # with one site only, the donut's hole is out of range
    alone = targets_in_range([("Sumy", a)], _targets([near_a]), 150, min_km=60)
    assert alone.empty


def test_area_site_reaches_a_target_too_close_to_its_near_end_from_its_far_end():
    front = LineString([(35.0, 49.0), (35.0, 51.0)])  # ~222 km along a meridian
    close_to_end = (35.1, 48.95)  # ~9 km from the south end, ~230 km from the north end
    middle = (35.05, 50.0)  # within 120 km of every point of the line
    df = targets_in_range(
        [("front", front)], _targets([close_to_end, middle]), 300, min_km=120, include_all=True
    ).sort_index()
    assert df["in_range"].tolist() == [True, False]


def test_multipoint_site_is_not_treated_as_a_line_for_min_km():
    # two launchers 100 km apart: a target between them is 50 km from both,
    # below min_km, although a line between them would pass 100 km
    pts = MultiPoint([(35.0, 50.0), _direct(35.0, 50.0, 90.0, 100_000)[:2]])
    mid = _direct(35.0, 50.0, 90.0, 50_000)[:2]
    df = targets_in_range([("pair", pts)], _targets([mid]), 300, min_km=80, include_all=True)
    assert not df["in_range"].iloc[0]


def test_bearing_is_the_initial_azimuth_from_the_site_to_the_target():
    points = [_direct(*SUMY, az, 120_000)[:2] for az in (0.0, 45.0, 135.0, 270.0, 359.0)]
    d, idx, bearing = nearest_launch([("Sumy", Point(SUMY))], *zip(*points, strict=True))
    ref = [WGS84.Inverse(SUMY[1], SUMY[0], la, lo)["azi1"] % 360 for lo, la in points]
    np.testing.assert_allclose(bearing, ref, atol=1e-9)
    assert ((bearing >= 0) & (bearing < 360)).all()
    # from a line: the azimuth leaves the nearest point at right angles to the edge
    a, b = (33.0, 48.5), (37.5, 51.0)
    q = (a[0] + 0.4 * (b[0] - a[0]), a[1] + 0.4 * (b[1] - a[1]))
    heading = _path_azimuth(a, b, 0.4)
    tlon, tlat, _ = _direct(*q, heading - 90.0, 60_000)
    _, _, bearing = nearest_launch([("front", LineString([a, b]))], tlon, tlat)
    assert bearing[0] == pytest.approx((heading - 90.0) % 360, abs=1e-6)


def test_nearest_launch_reports_the_index_of_the_nearest_site():
    sites = {"Sumy": Point(SUMY), "Kharkiv": Point(KHARKIV)}
    d, idx, _ = nearest_launch(sites, [36.1873, 36.6], [51.7373, 50.6])  # Kursk, Belgorod
    assert idx.tolist() == [0, 1]
    assert d[0] == pytest.approx(
        WGS84.Inverse(SUMY[1], SUMY[0], 51.7373, 36.1873)["s12"] / 1000, abs=1e-6
    )


def test_targets_table_keeps_its_columns_and_index_and_is_sorted_by_distance():
    pts = [_direct(*SUMY, 10.0 * k, 1000.0 * (250 - 40 * k))[:2] for k in range(7)]
    targets = _targets(pts, population=list(range(7)))
    targets.index = [f"id{k}" for k in range(7)]
    df = targets_in_range([("Sumy", Point(SUMY))], targets, 200)
    assert list(df.columns) == [
        *targets.columns,
        "distance_km",
        "launch",
        "bearing_deg",
        "in_range",
    ]
    assert df["distance_km"].is_monotonic_increasing
    assert set(df.index) == {"id2", "id3", "id4", "id5", "id6"}  # 170 km ... 10 km
    assert df["in_range"].all() and (df["launch"] == "Sumy").all()
    everything = targets_in_range([("Sumy", Point(SUMY))], targets, 200, include_all=True)
    assert len(everything) == 7 and everything["in_range"].sum() == 5


def test_geodataframe_targets_may_carry_only_point_geometries():
    gdf = gpd.GeoDataFrame({"name": ["Kursk"]}, geometry=[Point(36.1873, 51.7373)], crs="EPSG:4326")
    df = targets_in_range([("Sumy", Point(SUMY))], gdf, 300)
    assert isinstance(df, gpd.GeoDataFrame) and df["name"].tolist() == ["Kursk"]


def test_empty_targets_give_an_empty_table_with_the_new_columns():
    df = targets_in_range([("Sumy", Point(SUMY))], _targets([]), 300)
    assert df.empty and "distance_km" in df.columns


@pytest.mark.parametrize(
    ("sites", "max_km", "min_km", "error", "text"),
    [
        ([], 300, 0, InputError, "empty"),
        ([("a",)], 300, 0, InputError, "launch_sites[0]"),
        ([("a", Point())], 300, 0, GeometryError, "'a'"),
        ([("a", Point(SUMY))], -1, 0, InputError, "max_km"),
        ([("a", Point(SUMY))], 100, 100, InputError, "min_km"),
    ],
)
def test_bad_arguments_raise_errors_naming_the_argument(sites, max_km, min_km, error, text):
    with pytest.raises(error, match=text.replace("[", r"\[").replace("]", r"\]")):
        targets_in_range(sites, _targets([SUMY]), max_km, min_km=min_km)


def test_ranges_follow_the_one_rule_of_check_ranges():
    # sub-kilometre ranges have no boundary tolerance to respect here
    near = _direct(*SUMY, 90.0, 40.0)[:2]
    df = targets_in_range([("a", Point(SUMY))], _targets([near]), 0.05)
    assert df["distance_km"].iloc[0] == pytest.approx(0.04, abs=1e-9)
    with pytest.raises(InputError, match="max_km 30000 is beyond half the Earth's circumference"):
        targets_in_range([("a", Point(SUMY))], _targets([near]), 30_000)


def test_bad_target_coordinate_names_the_row():
    targets = _targets([(34.0, 50.0), (34.0, 95.0)])
    with pytest.raises(CoordinateError, match=r"row 1 \('t1'\)"):
        targets_in_range([("a", Point(SUMY))], targets, 300)
    with pytest.raises(InputError, match="'lon' and 'lat'"):
        targets_in_range([("a", Point(SUMY))], pd.DataFrame({"x": [1.0]}), 300)


# --------------------------------------------------------------------------
# Region coverage
# --------------------------------------------------------------------------
def _regions(geoms, ids=None):
    ids = ids or [f"XX-{i}" for i in range(len(geoms))]
    return gpd.GeoDataFrame(
        {
            "region_id": ids,
            "name_en": [f"Region {i}" for i in ids],
            "name_uk": ids,
            "country": "XXX",
            "status": "",
        },
        geometry=list(geoms),
        crs="EPSG:4326",
    )


def _geodesic_km2(geom):
    total = 0.0
    for p in shapely.get_parts(geom):
        if p.geom_type == "Polygon":
            p = shapely.orient_polygons(shapely.segmentize(p, 0.005))
            total += abs(GEOD.geometry_area_perimeter(p)[0])
    return total / 1e6


def test_region_inside_a_large_reach_is_fully_covered():
    square = box(35.0, 50.0, 36.0, 51.0)
    cov = region_coverage(reach(Point(35.5, 50.5), 1000), _regions([square]))
    assert list(cov.columns) == list(COVERAGE_COLUMNS)
    assert cov["covered_pct"].tolist() == [100.0]
    assert cov["covered_km2"].iloc[0] == pytest.approx(_geodesic_km2(square), rel=1e-6)


def test_area_whose_edge_is_a_meridian_covers_half_of_a_square_region():
    # The halves of a lon/lat square either side of its middle meridian have
    # equal geodesic areas.
    square = box(30.0, 50.0, 32.0, 51.0)
    area = box(31.0, 49.0, 35.0, 52.0)
    cov = region_coverage(area, _regions([square, box(40, 40, 41, 41)]))
    assert cov["region_id"].tolist() == ["XX-0"]
    assert cov["covered_pct"].iloc[0] == pytest.approx(50.0, abs=1e-9)
    assert cov["covered_km2"].iloc[0] == pytest.approx(_geodesic_km2(square) / 2, rel=1e-6)


def test_covered_area_equals_geodesic_area_of_the_intersection():
    area = reach(Point(SUMY), 120)
    regions = _regions(
        [box(33.0, 50.0, 35.0, 51.5), box(35.0, 50.0, 37.0, 51.5), box(34.0, 48.0, 36.0, 50.0)]
    )
    cov = region_coverage(area, regions).set_index("region_id")
    for rid, geom in zip(regions["region_id"], regions.geometry, strict=True):
        # the reference follows edges straight in lon/lat more closely (0.005
        # degree vertices against 0.02): the two agree to a few parts per million
        expected = _geodesic_km2(geom.intersection(area))
        assert cov.loc[rid, "covered_km2"] == pytest.approx(expected, rel=1e-5)
        assert cov.loc[rid, "region_km2"] == pytest.approx(_geodesic_km2(geom), rel=1e-5)
    assert cov["covered_km2"].is_monotonic_decreasing


def test_min_pct_drops_barely_covered_regions_and_untouched_regions_are_absent():
    regions = _regions(
        [box(35.0, 50.0, 36.0, 51.0), box(36.9, 50.0, 40.0, 51.0), box(50.0, 50.0, 51.0, 51.0)]
    )
    area = box(34.0, 49.0, 37.0, 52.0)
    cov = region_coverage(area, regions)
    assert cov["region_id"].tolist() == ["XX-0", "XX-1"]
    assert region_coverage(area, regions, min_pct=10)["region_id"].tolist() == ["XX-0"]
    assert region_coverage(Polygon(), regions).empty


@pytest.fixture(scope="module")
def geo():
    from ranges.geodata import load_geodata

    return load_geodata()


def test_atacms_300_km_from_sumy_covers_all_of_kursk_region_and_reaches_khalino(geo):
    from ranges.catalog import get_weapon

    atacms = get_weapon("atacms-m57")
    area = reach(Point(SUMY), atacms.max_range_km)
    cov = region_coverage(area, geo.regions).set_index("region_id")
    assert cov.loc["RU-KRS", "covered_pct"] == 100.0
    assert cov.loc["RU-KRS", "region"] == "Kursk"
    air = targets_in_range([("Sumy", Point(SUMY))], geo.airfields, atacms.max_range_km)
    assert "UUOK" in set(air["icao"])  # Kursk Khalino (Kursk East)
    khalino = air.set_index("icao").loc["UUOK"]
    assert khalino["distance_km"] == pytest.approx(
        WGS84.Inverse(SUMY[1], SUMY[0], khalino["lat"], khalino["lon"])["s12"] / 1000, abs=1e-6
    )


def test_crimean_regions_are_shown_as_occupied_in_the_coverage_table(geo):
    cov = region_coverage(reach(Point(KHERSON), 300), geo.regions).set_index("region_id")
    for rid in ("UA-43", "UA-40"):
        assert cov.loc[rid, "status"] == "occupied by Russia since 2014"
        assert cov.loc[rid, "country"] == "UKR"
    assert cov.loc["UA-65", "status"] == ""


def test_coverage_table_carries_the_region_type_after_the_status(geo):
    cols = list(COVERAGE_COLUMNS)
    assert cols[cols.index("status") + 1] == "type"
    cov = region_coverage(reach(Point(KHERSON), 300), geo.regions).set_index("region_id")
    assert cov.loc["UA-40", "type"] == "city"  # Sevastopol
    assert cov.loc["UA-65", "type"] == "oblast"  # Kherson oblast


def test_regions_without_a_type_column_give_an_empty_type():
    cov = region_coverage(box(29.0, 49.0, 33.0, 52.0), _regions([box(30.0, 50.0, 32.0, 51.0)]))
    assert list(cov.columns) == list(COVERAGE_COLUMNS)
    assert cov["type"].tolist() == [""]


# --------------------------------------------------------------------------
# Headline
# --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0, "0"),
        (950, "950"),
        (12_412, "12,400"),
        (834_512, "835,000"),
        (830_000, "830,000"),
        (999_999, "1 million"),
        (5_213_000, "5.2 million"),
        (24_640_000, "24.6 million"),
        (1_250_000_000, "1.2 billion"),
    ],
)
def test_human_number_rounds_counts_for_headlines(value, text):
    assert human_number(value) == text


def _coverage_row(rid="RU-KRS", name="Kursk", pct=100.0):
    return pd.DataFrame({"region_id": [rid], "region": [name], "covered_pct": [pct]})


def test_headline_reads_like_a_caption():
    cities = pd.DataFrame({"population": [4_000_000, 1_000_000, 200_000] + [1000] * 34})
    airfields = pd.DataFrame({"icao": [f"X{i}" for i in range(14)]})
    text = headline("ATACMS M57 (unitary)", 300, ["Sumy"], cities, airfields, _coverage_row())
    assert text == (
        "ATACMS M57 (unitary) (300 km) from Sumy: 14 airfields, "
        "37 cities with 5.2 million people, 100% of Kursk region"
    )


def test_headline_names_two_sites_and_counts_many():
    cities = pd.DataFrame({"population": [830_000]})
    air = pd.DataFrame({"icao": ["UUOK"]})
    two = headline("GMLRS", 70, ["Sumy", "Kharkiv"], cities, air, None)
    assert two == "GMLRS (70 km) from Sumy and Kharkiv: 1 airfield, 1 city with 830,000 people"
    five = headline("GMLRS", 70, [f"s{i}" for i in range(5)], cities.iloc[:0], air.iloc[:0], None)
    assert five == "GMLRS (70 km) from 5 launch sites: no airfields, no cities"


def test_headline_counts_only_rows_in_range_and_quotes_regions_from_the_table():
    cities = pd.DataFrame({"population": [12_412, 5], "in_range": [True, False]})
    h = Headline.from_tables(
        "Storm Shadow / SCALP-EG – 250 km",
        250,
        "Kherson",
        cities,
        None,
        _coverage_row("UA-43", "Autonomous Republic of Crimea", 87.4),
        focus_regions=("UA-43", "RU-KRS"),
    )
    assert (h.cities, h.population, h.airfields) == (1, 12_412, 0)
    assert str(h) == (
        "Storm Shadow / SCALP-EG – 250 km from Kherson: no airfields, "
        "1 city with 12,400 people, 87% of Autonomous Republic of Crimea"
    )


def test_headline_calls_a_city_region_by_its_name_and_an_oblast_a_region(geo):
    area = reach(Point(KHERSON), 300)
    cov = region_coverage(area, geo.regions)
    h = Headline.from_tables("X", 300, ["Kherson"], None, None, cov, ("UA-40", "UA-65"))
    assert h.region_types == ("city", "oblast")
    assert "100% of Sevastopol, " in h.text and "Sevastopol region" not in h.text
    assert "of Kherson region" in h.text
    kursk = region_coverage(reach(Point(SUMY), 300), geo.regions)
    assert headline("X", 300, ["Sumy"], None, None, kursk).endswith("100% of Kursk region")


def test_headline_from_a_coverage_table_without_type_reads_as_before():
    cov = pd.concat([_coverage_row(), _coverage_row("UA-40", "Sevastopol", 40.0)])
    h = Headline.from_tables("X", 300, ["Kherson"], None, None, cov, ("RU-KRS", "UA-40"))
    assert h.region_types == ()
    assert h.text.endswith("100% of Kursk region, 40% of Sevastopol region")
    # the positional constructor the dashboard uses still works
    assert Headline("X", 300, ("Sumy",), 0, 0, 0, (("Kursk", 100.0),)).text.endswith(
        "100% of Kursk region"
    )


# Headlines that take sides: frames with a ``territory`` column.
UA_SIDE, RU_SIDE = "Ukraine and partners", "Russia and North Korea"
HELD, OCC, RUS, BLR = "Ukraine (held)", "Ukraine (occupied)", "Russia", "Belarus"


def _cities(*rows):
    """(territory, population) rows, all in range but the last column says so."""
    return pd.DataFrame(
        {"territory": [r[0] for r in rows], "population": [r[1] for r in rows],
         "in_range": [r[2] if len(r) > 2 else True for r in rows]}
    )  # fmt: skip


def _fields(*territories):
    return pd.DataFrame({"territory": list(territories), "icao": [f"X{i}" for i in
                                                                  range(len(territories))]})


def _cov(*rows):
    """(region_id, name, country, status, type, covered_pct) rows."""
    cols = ["region_id", "region", "country", "status", "type", "covered_pct"]
    return pd.DataFrame([dict(zip(cols, r, strict=True)) for r in rows])


KURSK_COV = ("RU-KRS", "Kursk", "RUS", "", "oblast", 100.0)
CRIMEA_COV = ("UA-43", "Autonomous Republic of Crimea", "UKR", "occupied by Russia since 2014",
              "autonomous republic", 12.0)  # fmt: skip
SUMY_COV = ("UA-59", "Sumy", "UKR", "", "oblast", 100.0)


def test_headline_for_ukraines_weapons_counts_russia_then_occupied_ukraine_then_belarus():
    cities = _cities((RUS, 4_000_000), (RUS, 500_000), (HELD, 13_100_000), (OCC, 1_200_000),
                     (BLR, 60_000), (RUS, 9_999_999, False))  # fmt: skip
    air = _fields(RUS, RUS, RUS, HELD, HELD, OCC)
    h = Headline.from_tables("ATACMS M57", 300, ["the Sumy border area"], cities, air,
                             _cov(KURSK_COV, CRIMEA_COV, SUMY_COV),
                             ("RU-KRS", "UA-43", "UA-59"), side=UA_SIDE)  # fmt: skip
    assert h.text == (
        "ATACMS M57 (300 km) from the Sumy border area: "
        "in Russia 3 airfields, 2 cities with 4.5 million people, 100% of Kursk region; "
        "in occupied Ukraine 1 airfield, 1 city with 1.2 million people, "
        "12% of Autonomous Republic of Crimea; "
        "in Belarus 1 city with 60,000 people; "
        "100% of Sumy region"
    )
    # the top-level numbers are the first clause's: never Ukraine's own towns
    assert (h.airfields, h.cities, h.population) == (3, 2, 4_500_000)
    assert h.territories == (RUS, OCC, BLR)


def test_headline_leaves_out_occupied_and_belarus_clauses_with_nothing_in_range():
    cities = _cities((HELD, 300_000), (BLR, 50_000, False))
    h = Headline.from_tables("GMLRS", 70, ["Sumy"], cities, _fields(HELD), None, side=UA_SIDE)
    assert h.text == "GMLRS (70 km) from Sumy: in Russia no airfields, no cities"


def test_headline_skips_an_empty_russia_clause_when_occupied_ukraine_is_in_range():
    cities = _cities((OCC, 340_000), (HELD, 280_000))
    h = Headline.from_tables("Storm Shadow", 250, ["Kherson"], cities, _fields(OCC), None,
                             side=UA_SIDE)  # fmt: skip
    assert h.text == (
        "Storm Shadow (250 km) from Kherson: in occupied Ukraine 1 airfield, 1 city with "
        "340,000 people"
    )
    assert (h.airfields, h.cities, h.population) == (0, 0, 0)  # Russia's, as the JSON says
    only_russia = _cities((RUS, 50_000))
    assert Headline.from_tables("X", 70, ["Sumy"], only_russia, None, None, side=UA_SIDE).text == (
        "X (70 km) from Sumy: in Russia no airfields, 1 city with 50,000 people"
    )


def test_headline_for_russias_weapons_counts_only_ukrainian_held_territory():
    cities = _cities((HELD, 2_900_000), (HELD, 1_400_000), (RUS, 37_600_000), (OCC, 400_000),
                     (BLR, 1_500_000))  # fmt: skip
    air = _fields(HELD, RUS, RUS, OCC, BLR)
    kyiv = ("UA-30", "Kyiv", "UKR", "", "city", 100.0)
    h = Headline.from_tables("Iskander-M", 500, ["Belgorod", "Kursk"], cities, air,
                             _cov(kyiv, KURSK_COV), ("UA-30", "RU-KRS"), side=RU_SIDE)  # fmt: skip
    assert h.text == (
        "Iskander-M (500 km) from Belgorod and Kursk: in Ukrainian-held territory "
        "1 airfield, 2 cities with 4.3 million people; 100% of Kyiv, 100% of Kursk region"
    )
    assert (h.airfields, h.cities, h.population) == (1, 2, 4_300_000)


def test_headline_json_gives_every_count_per_territory_as_a_direct_count_does():
    rng = np.random.default_rng(7)
    labels = np.array([HELD, OCC, RUS, BLR, "other"], dtype=object)
    cities = pd.DataFrame({"territory": rng.choice(labels, 300),
                           "population": rng.integers(15_000, 3_000_000, 300),
                           "in_range": rng.random(300) < 0.6})  # fmt: skip
    air = pd.DataFrame({"territory": rng.choice(labels, 80), "in_range": rng.random(80) < 0.5})
    h = Headline.from_tables("X", 300, ["Sumy"], cities, air, None, side=UA_SIDE)
    data = h.to_dict()
    assert set(data["by_territory"]) == set(labels)
    for label in labels:
        c = cities[cities["in_range"] & (cities["territory"] == label)]
        a = air[air["in_range"] & (air["territory"] == label)]
        assert data["by_territory"][label] == {
            "airfields": len(a), "cities": len(c), "population": int(c["population"].sum())
        }  # fmt: skip
    assert (data["airfields"], data["cities"], data["population"]) == tuple(
        data["by_territory"][RUS].values()
    )
    assert data["side"] == UA_SIDE and data["territories"] == [RUS, OCC, BLR]
    assert data["text"] == h.text


def test_headline_for_a_side_needs_the_territory_column_and_a_known_side():
    with pytest.raises(InputError, match="'territory' column"):
        Headline.from_tables("X", 300, ["Sumy"], pd.DataFrame({"population": [5]}), None, None,
                             side=UA_SIDE)  # fmt: skip
    with pytest.raises(InputError, match="side 'Ukraine'"):
        Headline.from_tables("X", 300, ["Sumy"], _cities((RUS, 5)), None, None, side="Ukraine")


def test_filter_territory_keeps_one_side_by_label_or_short_name():
    df = pd.DataFrame({"name": list("abcde"), "territory": [HELD, OCC, RUS, BLR, "other"]})
    assert filter_territory(df, "Russia")["name"].tolist() == ["c"]
    assert filter_territory(df, ["occupied", "ukraine (held)"])["name"].tolist() == ["a", "b"]
    assert filter_territory(df, opposing_territories(UA_SIDE))["name"].tolist() == ["b", "c", "d"]
    assert filter_territory(df, opposing_territories(RU_SIDE))["name"].tolist() == ["a"]


def test_filter_territory_names_a_bad_territory_and_where_it_came_from():
    df = pd.DataFrame({"territory": [RUS]})
    with pytest.raises(UnknownNameError, match=r"--territory 'Rusia' is not a territory") as exc:
        filter_territory(df, ["Rusia"], where="--territory")
    assert "Russia" in exc.value.suggestions
    with pytest.raises(InputError, match="no 'territory' column"):
        filter_territory(pd.DataFrame({"name": ["x"]}), "Russia")


# --------------------------------------------------------------------------
# Authorization overlay
# --------------------------------------------------------------------------
def test_targets_inside_allowed_regions_are_labelled_allowed(geo):
    allowed = allowed_area(geo.regions, ["RU-KRS"])
    targets = _targets(
        [(36.2956, 51.7506), (36.5797, 50.6431), (37.0, 56.0)], in_range=[True, True, False]
    )  # Khalino, Belgorod, far away
    out = split_by_authorization(targets, allowed)
    assert out["authorized"].tolist() == [True, False, False]
    assert out["authorization"].tolist() == [
        AUTHORIZED_LABEL,
        NOT_AUTHORIZED_LABEL,
        OUT_OF_RANGE_LABEL,
    ]
    arr = split_by_authorization([(36.2956, 51.7506), (36.5797, 50.6431)], allowed)
    assert arr["authorized"].tolist() == [True, False]
    with pytest.raises(UnknownNameError):
        allowed_area(geo.regions, ["RU-KURSK"])


def test_authorized_and_forbidden_areas_add_up_to_the_reach_area(geo):
    area = reach(Point(SUMY), 300)
    split = coverage_by_authorization(area, allowed_area(geo.regions, ["RU-KRS"]))
    kursk = region_coverage(area, geo.regions).set_index("region_id").loc["RU-KRS"]
    assert split["allowed_km2"] == pytest.approx(kursk["region_km2"], rel=1e-6)
    assert split["allowed_km2"] + split["not_allowed_km2"] == pytest.approx(
        _geodesic_km2(area), rel=1e-6
    )
    nothing = coverage_by_authorization(area, Polygon())
    assert nothing["allowed_km2"] == 0.0
