"""Bounded work (issue 15): limits that mean what they say, enforced while
reading, and reach constructions whose work does not grow with detail the
range cannot show.

Time and memory are measured in ``benchmarks/bench_reach.py`` and
``benchmarks/bench_bounded.py``, never asserted here; these tests check the
behaviour that keeps the work bounded (where reading stops, what is counted,
what the message says) and that the fast constructions stay exact.
"""

from __future__ import annotations

import json

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, MultiPoint

from benchmarks._common import tangled_line
from ranges.errors import DataError, GeometryError, InputError
from ranges.geojson_io import MAX_VERTICES, merge_features, parse_geojson, read_geojson_features
from ranges.kml_io import parse_kml
from ranges.targets import parse_targets_csv, read_features


def _line_doc(n: int, bad_after: bool = False) -> str:
    coords = [[30.0 + i * 1e-4, 50.0 + (i % 7) * 1e-4] for i in range(n)]
    if bad_after:
        coords.append([30.0, "x"])  # a broken position after the limit
    return json.dumps({"type": "Feature", "properties": {"name": "front"},
                       "geometry": {"type": "LineString", "coordinates": coords}})  # fmt: skip


def _kml_line(n: int, bad_after: bool = False) -> bytes:
    text = " ".join(f"{30.0 + i * 1e-4:.6f},{50.0 + (i % 7) * 1e-4:.6f}" for i in range(n))
    tail = (
        "<Placemark><name>bad</name><Point><coordinates>x,y</coordinates></Point></Placemark>"
        if bad_after
        else ""
    )
    return (
        '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
        f"<Placemark><name>front</name><LineString><coordinates>{text}</coordinates>"
        f"</LineString></Placemark>{tail}</Document></kml>"
    ).encode()


# --------------------------------------------------------------------------
# Reader limits, in the user's terms
# --------------------------------------------------------------------------
def test_geojson_vertex_limit_accepts_exactly_the_limit_and_refuses_one_more():
    line = parse_geojson(_line_doc(50), source="front.geojson", max_vertices=50)
    assert len(line.coords) == 50
    with pytest.raises(GeometryError) as err:
        parse_geojson(_line_doc(51), source="front.geojson", max_vertices=50)
    msg = str(err.value)
    # the file, where reading stopped, the count so far and the limit
    assert msg.startswith("front.geojson: ")
    assert "coordinates[50]" in msg and "51 counted so far" in msg and "limit is 50" in msg


def test_geojson_limit_stops_reading_before_later_content_is_checked():
    # the broken position comes after the limit: the limit speaks first
    with pytest.raises(GeometryError, match="more than 50 vertices"):
        parse_geojson(_line_doc(60, bad_after=True), source="f.geojson", max_vertices=50)
    with pytest.raises(GeometryError, match="expected a number"):
        parse_geojson(_line_doc(60, bad_after=True), source="f.geojson", max_vertices=None)


def test_geojson_limit_counts_positions_across_features_and_collections():
    fc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": {
            "type": "GeometryCollection", "geometries": [
                {"type": "Point", "coordinates": [30, 50]},
                {"type": "MultiPoint", "coordinates": [[31, 50], [32, 50]]}]}},
        {"type": "Feature", "properties": {}, "geometry": {
            "type": "Polygon", "coordinates": [[[30, 50], [31, 50], [31, 51], [30, 50]]]}},
    ]}  # fmt: skip
    assert len(read_geojson_features(fc, max_vertices=7)) == 2  # 3 points + 4 ring positions
    with pytest.raises(GeometryError, match=r"features\[1\].*7 counted so far, the limit is 6"):
        read_geojson_features(fc, source="fc.geojson", max_vertices=6)


def test_default_limit_is_the_scenario_geometry_limit():
    from ranges.scenario import LIMITS

    assert MAX_VERTICES == LIMITS["geometry_vertices"]


def test_kml_vertex_limit_accepts_the_limit_and_refuses_one_more_naming_the_placemark():
    (line, props), = parse_kml(_kml_line(40), source="front.kml", max_vertices=40)
    assert len(line.coords) == 40 and props["name"] == "front"
    with pytest.raises(InputError) as err:
        parse_kml(_kml_line(41), source="front.kml", max_vertices=40)
    msg = str(err.value)
    assert msg.startswith("front.kml: placemark 1 ('front')")
    assert "41 counted so far" in msg and "limit is 40" in msg


def test_kml_limit_stops_reading_before_later_placemarks_are_parsed():
    with pytest.raises(InputError, match="more than 40 vertices"):
        parse_kml(_kml_line(41, bad_after=True), source="f.kml", max_vertices=40)
    with pytest.raises(GeometryError, match="not a number pair"):
        parse_kml(_kml_line(41, bad_after=True), source="f.kml", max_vertices=None)


def test_kml_placemark_limit_stops_at_the_first_placemark_past_it():
    mark = b"<Placemark><Point><coordinates>1,2</coordinates></Point></Placemark>"
    bad = b"<Placemark><Point><coordinates>x,y</coordinates></Point></Placemark>"
    with pytest.raises(InputError, match="11 placemarks; the limit is 10"):
        parse_kml(b"<kml>" + mark * 11 + bad + b"</kml>", max_features=10)


def test_upload_reader_applies_the_vertex_limit_to_geojson_and_kml():
    with pytest.raises(InputError, match="limit is 30"):
        read_features(_line_doc(31).encode(), "front.geojson", max_vertices=30)
    with pytest.raises(InputError, match="limit is 30"):
        read_features(_kml_line(31), "front.kml", max_vertices=30)
    assert len(read_features(_kml_line(30), "front.kml", max_vertices=30)) == 1


def test_csv_row_limit_stops_at_the_first_row_past_it():
    rows = "\n".join(f"t{i},50.0,30.0" for i in range(6))
    text = "name,lat,lon\n" + rows + "\nbad,north,30\n"  # the bad row is past the limit
    assert len(parse_targets_csv(text.split("\nt5")[0], max_rows=5)) == 5
    with pytest.raises(DataError) as err:
        parse_targets_csv(text, source="t.csv", max_rows=5)
    msg = str(err.value)
    assert msg.startswith("t.csv, line 7:") and "6 counted so far, the limit is 5" in msg


def test_merge_features_keeps_a_tangled_line_as_given_not_noded():
    rng = np.random.default_rng(3)
    xy = np.cumsum(rng.normal(size=(300, 2)) * 1e-3, axis=0) + (37.0, 47.0)
    line = LineString(xy)
    merged = merge_features([(line, {"name": "front"})])
    assert merged.equals_exact(line, 0.0)
    two = merge_features([(line, {}), (LineString([(30, 50), (31, 50)]), {})])
    assert two.geom_type == "MultiLineString" and len(two.geoms) == 2
    assert len(two.geoms[0].coords) == 300  # noding would have cut it at its crossings


# --------------------------------------------------------------------------
# Heavy launch geometry: the lightened construction stays within the tolerance
# --------------------------------------------------------------------------
def _check_reach_edge(area, path: np.ndarray, dist_m: float, n: int, tol: float = 10.0) -> None:
    """Every sampled point of the area's edge is ``dist_m`` within ``tol`` from
    the lon/lat path by the geographiclib oracle (nearest distance only: the
    farthest, which test_geodesy's helper also computes, costs a pure-Python
    solution per vertex of these long paths)."""
    import math

    from pyproj import Geod
    from test_geodesy import _path_samples, boundary_samples, oracle_distance

    geod = Geod(ellps="WGS84")
    samples = _path_samples(path)
    m = len(samples)
    g = (math.sqrt(5) - 1) / 2
    for lon, lat in boundary_samples(area, max_points=n):
        _, _, d = geod.inv(np.full(m, lon), np.full(m, lat), samples[:, 0], samples[:, 1])
        k = int(np.argmin(d))
        a, b = samples[max(k - 1, 0)], samples[min(k + 1, m - 1)]

        def f(t, a=a, b=b, lon=lon, lat=lat):
            return oracle_distance(lon, lat, a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))

        lo, hi = 0.0, 1.0
        for _ in range(40):
            m1, m2 = hi - g * (hi - lo), lo + g * (hi - lo)
            lo, hi = (lo, m2) if f(m1) < f(m2) else (m1, hi)
        near = min(f((lo + hi) / 2), f(0.0), f(1.0))
        assert abs(near - dist_m) <= tol, (lon, lat, near)


@pytest.fixture(scope="module")
def tangled():
    return tangled_line(2_500)


@pytest.mark.parametrize("max_km", [300.0, 2500.0])
def test_tangled_line_reach_is_within_tolerance_of_the_geographiclib_oracle(tangled, max_km):
    import ranges

    area = ranges.reach(LineString(tangled), max_km)
    assert area.is_valid
    _check_reach_edge(area, tangled, max_km * 1000.0, n=40)


def test_tangled_line_is_lightened_to_a_few_rings_before_buffering(tangled):
    from ranges.geodesy.build import _HEAVY_VERTICES, _lighten

    assert len(tangled) >= _HEAVY_VERTICES
    pts, paths, polys, tol = _lighten(np.empty((0, 2)), [tangled], [], 2_500e3, 10.0)
    left = sum(len(p) for p in paths) + sum(len(p.exterior.coords) for p in polys)
    assert left < len(tangled) / 10  # the range cannot show the rest
    assert tol == pytest.approx(7.0)  # 1 m thinning + 2 m filling spent


def test_many_points_reach_is_the_union_of_their_disks_within_tolerance():
    from pyproj import Geod
    from test_geodesy import boundary_samples, oracle_distance

    import ranges

    rng = np.random.default_rng(11)
    pts = np.column_stack([rng.uniform(35.0, 36.0, 3000), rng.uniform(48.0, 48.7, 3000)])
    area = ranges.reach(MultiPoint(pts), 50.0)
    assert area.is_valid
    geod = Geod(ellps="WGS84")
    for lon, lat in boundary_samples(area, max_points=40):
        _, _, d = geod.inv(np.full(len(pts), lon), np.full(len(pts), lat), pts[:, 0], pts[:, 1])
        k = int(np.argmin(d))
        assert abs(oracle_distance(lon, lat, *pts[k]) - 50e3) <= 10.0


def test_points_deep_inside_a_cloud_are_dropped_and_their_triangles_kept_whole():
    from ranges.geodesy.culling import cover_points

    rng = np.random.default_rng(2)
    pts = np.column_stack([rng.uniform(35.0, 35.2, 3000), rng.uniform(48.0, 48.15, 3000)])
    solid, left = cover_points(pts, 300e3)
    assert solid and len(left) < len(pts) / 5
    # every dropped point lies in the solid part, which reach adds as it is
    dropped = shapely.points(np.array(sorted(set(map(tuple, pts)) - set(map(tuple, left)))))
    assert shapely.covers(shapely.union_all(solid), dropped).all()


def test_long_range_of_a_large_line_is_not_called_past_the_cut_locus(monkeypatch):
    import ranges
    import ranges.geodesy.arcs as g

    # a request too large for the arc budget, at a range far from the antipode
    monkeypatch.setattr(g, "_MAX_ARC_VERTICES", 2_000)
    monkeypatch.setattr(g, "_BOUND_MAX_DIST", 0.0)  # every arc checked, as near the poles
    line = LineString(tangled_line(300))
    with pytest.raises(InputError) as err:
        ranges.reach(line, 2500.0)
    assert "cut locus" not in str(err.value)
    assert "simplify the launch geometry" in str(err.value)


def test_tangled_2000_vertex_line_at_2500_km_has_a_reach():
    import ranges

    area = ranges.reach(LineString(tangled_line(2_000)), 2500.0)  # raised "cut locus" before
    assert area.is_valid and not area.is_empty


def test_too_many_far_apart_points_are_refused_at_once_naming_the_limit(monkeypatch):
    import ranges
    import ranges.geodesy.build as g

    monkeypatch.setattr(g, "MAX_WORK_VERTICES", 100_000)
    rng = np.random.default_rng(4)
    pts = np.column_stack([rng.uniform(20.0, 40.0, 500), rng.uniform(40.0, 55.0, 500)])
    with pytest.raises(InputError, match=r"500 launch points at 300 km .* limit of 100,000"):
        ranges.reach(MultiPoint(pts), 300.0)


def test_cli_launch_file_limit_names_the_file_the_count_and_the_limit(tmp_path):
    import subprocess
    import sys

    from ranges.cli.resolve import LAUNCH_FILE_MAX_VERTICES

    n = LAUNCH_FILE_MAX_VERTICES + 1
    rng = np.random.default_rng(9)
    xy = np.round(np.column_stack([rng.uniform(30, 40, n), rng.uniform(45, 52, n)]), 3)
    f = tmp_path / "launchers.geojson"
    f.write_text(json.dumps({"type": "MultiPoint", "coordinates": xy.tolist()}))
    proc = subprocess.run(
        [sys.executable, "-m", "ranges.cli", "reach", "--launch-file", str(f), "--range-km", "300"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert str(f) in proc.stderr
    assert f"{n:,} counted so far, the limit is {LAUNCH_FILE_MAX_VERTICES:,}" in proc.stderr


def test_more_launch_points_than_the_limit_are_refused_before_any_work(monkeypatch):
    import ranges
    import ranges.geodesy.build as g

    monkeypatch.setattr(g, "MAX_LAUNCH_POINTS", 1_000)
    monkeypatch.setattr(g, "_lighten", None)  # refused before lightening starts
    pts = np.column_stack([np.linspace(30, 31, 1001), np.full(1001, 50.0)])
    with pytest.raises(InputError, match="1,001 launch points; the limit is 1,000"):
        ranges.reach(shapely.MultiPoint(pts), 300.0)


@pytest.fixture(scope="module")
def detailed_front():
    """The test front line with 2,500 vertices jittered by up to 300 m: a
    detailed front line as a tracker draws it."""
    from test_geodesy import FRONT, _path_samples

    xy = _path_samples(FRONT, spacing_deg=0.004)
    rng = np.random.default_rng(5)
    xy = xy[np.linspace(0, len(xy) - 1, 2500).astype(int)]
    return xy + rng.uniform(-0.003, 0.003, xy.shape) * (1.0, 0.6)


@pytest.mark.parametrize("max_km", [300.0, 2500.0])
def test_detailed_front_line_reach_is_within_tolerance_of_the_oracle(detailed_front, max_km):
    import ranges
    from ranges.geodesy.build import _HEAVY_VERTICES

    assert len(detailed_front) >= _HEAVY_VERTICES  # the lightened construction
    area = ranges.reach(LineString(detailed_front), max_km)
    assert area.is_valid
    _check_reach_edge(area, detailed_front, max_km * 1000.0, n=40)


def test_many_points_with_a_minimum_range_are_refused_at_once_not_looped(monkeypatch):
    import ranges
    import ranges.geodesy.build as g

    monkeypatch.setattr(g, "MAX_WORK_VERTICES", 100_000)
    monkeypatch.setattr(g, "_disks", None)  # no disk is built before the refusal
    rng = np.random.default_rng(6)
    pts = np.column_stack([rng.uniform(30.0, 31.0, 300), rng.uniform(48.0, 49.0, 300)])
    with pytest.raises(InputError, match=r"300 launch points between 70 and 300 km"):
        ranges.reach(shapely.MultiPoint(pts), 300.0, min_km=70.0)


def test_detailed_polygon_reach_is_within_tolerance_of_the_oracle():
    from pyproj import Geod

    import ranges
    from ranges.geodesy.build import _HEAVY_VERTICES

    # a ragged 3,000-vertex outline 20-40 km round a centre (a drawn territory)
    geod = Geod(ellps="WGS84")
    rng = np.random.default_rng(8)
    az = np.linspace(0.0, 360.0, 3000, endpoint=False)
    r = 30e3 + np.cumsum(rng.normal(0, 300.0, az.size)).clip(-10e3, 10e3)
    lon, lat, _ = geod.fwd(np.full(az.size, 36.0), np.full(az.size, 49.0), az, r)
    ring = np.vstack([np.column_stack([lon, lat])[::-1], [[lon[-1], lat[-1]]]])
    poly = shapely.Polygon(ring)
    assert poly.is_valid and len(ring) >= _HEAVY_VERTICES
    area = ranges.reach(poly, 300.0)
    assert area.is_valid and area.covers(poly)
    _check_reach_edge(area, ring, 300e3, n=40)


def test_line_too_detailed_for_a_short_range_is_refused_naming_sizes_and_what_to_do(monkeypatch):
    import ranges
    import ranges.geodesy.build as g

    monkeypatch.setattr(g, "MAX_LINE_VERTICES", 1_000)
    with pytest.raises(InputError) as err:
        ranges.reach(LineString(tangled_line(2_500)), 1.0)
    msg = str(err.value)
    assert "2,500 vertices need" in msg and "limit of 1,000" in msg
    assert "simplify the geometry" in msg and "longer range" in msg
    assert ranges.reach(LineString(tangled_line(2_500)), 300.0).is_valid  # lightened below it
