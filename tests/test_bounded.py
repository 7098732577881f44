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
from shapely.geometry import LineString

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
