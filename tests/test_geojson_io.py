"""Tests for ranges.geojson_io: strict GeoJSON reading, RFC 7946 writing."""

from __future__ import annotations

import json
import math
import warnings

import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ranges.errors import GeometryError
from ranges.geojson_io import (
    feature_collection,
    parse_geojson,
    read_geojson,
    read_geojson_features,
)

SUMY = [34.7981, 50.9077]
KHARKIV = [36.2304, 49.9935]
SQUARE = [[[30, 50], [31, 50], [31, 51], [30, 51], [30, 50]]]
BOWTIE = [[[30, 50], [31, 51], [31, 50], [30, 51], [30, 50]]]
# Sumy in Web Mercator (EPSG:3857), from the spherical formulas, not from pyproj.
SUMY_3857 = [
    6378137 * math.radians(SUMY[0]),
    6378137 * math.log(math.tan(math.pi / 4 + math.radians(SUMY[1]) / 2)),
]


def point(coords=SUMY):
    return {"type": "Point", "coordinates": coords}


def feature(geometry, properties=None):
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def collection(*features, **extra):
    return {"type": "FeatureCollection", "features": list(features), **extra}


def named_crs(name):
    return {"type": "name", "properties": {"name": name}}


def write(tmp_path, obj, name="areas.geojson"):
    path = tmp_path / name
    path.write_text(obj if isinstance(obj, str) else json.dumps(obj), encoding="utf-8")
    return path


def fails(obj, *fragments, source="t.geojson"):
    with pytest.raises(GeometryError) as info:
        parse_geojson(obj, source=source)
    message = str(info.value)
    assert message.startswith(f"{source}: "), message
    assert "\n" not in message
    for fragment in fragments:
        assert fragment in message, message
    return message


# -- accepted documents -------------------------------------------------------


def test_bare_point_geometry_is_returned_as_is():
    geom = parse_geojson(point())
    assert geom.equals(shapely.Point(SUMY))


@pytest.mark.parametrize(
    ("geometry", "expected"),
    [
        (
            {"type": "MultiPoint", "coordinates": [SUMY, KHARKIV]},
            shapely.MultiPoint([SUMY, KHARKIV]),
        ),
        (
            {"type": "LineString", "coordinates": [SUMY, KHARKIV]},
            shapely.LineString([SUMY, KHARKIV]),
        ),
        (
            {"type": "MultiLineString", "coordinates": [[SUMY, KHARKIV], [[30, 50], [31, 51]]]},
            shapely.MultiLineString([[SUMY, KHARKIV], [(30, 50), (31, 51)]]),
        ),
        ({"type": "Polygon", "coordinates": SQUARE}, shapely.Polygon(SQUARE[0])),
        (
            {"type": "MultiPolygon", "coordinates": [SQUARE]},
            shapely.MultiPolygon([shapely.Polygon(SQUARE[0])]),
        ),
    ],
)
def test_every_geometry_type_is_read(geometry, expected):
    geom = parse_geojson(geometry)
    assert geom.geom_type == expected.geom_type
    assert geom.equals(expected)


def test_polygon_with_hole_is_read():
    hole = [[30.2, 50.2], [30.8, 50.2], [30.8, 50.8], [30.2, 50.8], [30.2, 50.2]]
    geom = parse_geojson({"type": "Polygon", "coordinates": [SQUARE[0], hole]})
    assert len(geom.interiors) == 1
    assert geom.area == pytest.approx(1 - 0.36)


def test_single_feature_gives_its_geometry():
    geom = parse_geojson(feature(point(), {"name": "Sumy"}))
    assert geom.equals(shapely.Point(SUMY))


def test_collection_with_one_feature_gives_that_geometry():
    geom = parse_geojson(collection(feature(point())))
    assert geom.geom_type == "Point"


def test_collection_with_several_features_gives_a_geometry_collection_in_order():
    geom = parse_geojson(collection(feature(point()), feature(point(KHARKIV))))
    assert geom.geom_type == "GeometryCollection"
    assert [g.coords[0] for g in geom.geoms] == [tuple(SUMY), tuple(KHARKIV)]


def test_geometry_collection_is_read():
    doc = {
        "type": "GeometryCollection",
        "geometries": [point(), {"type": "LineString", "coordinates": [SUMY, KHARKIV]}],
    }
    geom = parse_geojson(doc)
    assert geom.geom_type == "GeometryCollection"
    assert [g.geom_type for g in geom.geoms] == ["Point", "LineString"]


def test_null_geometries_are_skipped():
    geom = parse_geojson(collection(feature(None), feature(point()), feature(None)))
    assert geom.equals(shapely.Point(SUMY))


def test_empty_geometries_are_skipped():
    empty = {"type": "LineString", "coordinates": []}
    geom = parse_geojson(collection(feature(empty), feature(point())))
    assert geom.equals(shapely.Point(SUMY))


def test_altitude_is_dropped():
    geom = parse_geojson(point([34.7981, 50.9077, 120.5]))
    assert not geom.has_z
    assert geom.equals(shapely.Point(SUMY))


@pytest.mark.parametrize("data", ["text", "bytes", "bom"])
def test_text_bytes_and_utf8_bom_are_accepted(data):
    text = json.dumps(point())
    value = {"text": text, "bytes": text.encode(), "bom": b"\xef\xbb\xbf" + text.encode()}[data]
    assert parse_geojson(value).equals(shapely.Point(SUMY))


def test_boundary_coordinates_are_accepted():
    geom = parse_geojson({"type": "MultiPoint", "coordinates": [[180, 90], [-180, -90]]})
    assert len(geom.geoms) == 2


# -- crs ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "urn:ogc:def:crs:OGC:1.3:CRS84",
        "urn:ogc:def:crs:OGC::CRS84",
        "EPSG:4326",
        "urn:ogc:def:crs:EPSG::4326",
    ],
)
def test_wgs84_crs_member_is_accepted_without_change(name):
    geom = parse_geojson(collection(feature(point()), crs=named_crs(name)))
    assert geom.equals(shapely.Point(SUMY))


def test_old_epsg_style_crs_member_is_understood():
    doc = collection(feature(point()), crs={"type": "EPSG", "properties": {"code": 4326}})
    assert parse_geojson(doc).equals(shapely.Point(SUMY))


def test_web_mercator_crs_is_reprojected_to_lon_lat():
    geom = parse_geojson(collection(feature(point(SUMY_3857)), crs=named_crs("EPSG:3857")))
    assert geom.x == pytest.approx(34.7981, abs=1e-9)
    assert geom.y == pytest.approx(50.9077, abs=1e-9)


def test_utm_polygon_is_reprojected_to_lon_lat():
    ring = [[500000, 5600000], [510000, 5600000], [510000, 5610000], [500000, 5600000]]
    doc = {"type": "Polygon", "coordinates": [ring], "crs": named_crs("EPSG:32636")}
    geom = parse_geojson(doc)
    minx, miny, maxx, maxy = geom.bounds
    assert minx == pytest.approx(33.0, abs=1e-9)  # UTM 36N central meridian
    assert 50.5 < miny < maxy < 50.7


def test_crs_on_a_feature_applies_to_that_feature_only():
    mercator = feature(point(SUMY_3857))
    mercator["crs"] = named_crs("EPSG:3857")
    geom = parse_geojson(collection(mercator, feature(point(KHARKIV))))
    first, second = geom.geoms
    assert first.x == pytest.approx(34.7981, abs=1e-9)
    assert second.equals(shapely.Point(KHARKIV))


def test_unknown_crs_is_rejected():
    fails(collection(feature(point()), crs=named_crs("EPSG:99999")), "crs", "'EPSG:99999'")


def test_malformed_crs_member_is_rejected():
    fails(
        collection(feature(point()), crs={"type": "link", "properties": {"href": "x"}}),
        "crs",
        "is not a named CRS",
    )


def test_position_outside_projected_crs_area_is_rejected():
    doc = {"type": "Point", "coordinates": [1e30, 50], "crs": named_crs("EPSG:3857")}
    fails(doc, "cannot be reprojected", "1e+30")


# -- invalid polygons ---------------------------------------------------------


def test_self_intersecting_polygon_is_repaired_with_a_warning_naming_the_feature():
    doc = collection(
        feature(point()), feature({"type": "Polygon", "coordinates": BOWTIE}, {"name": "Bow"})
    )
    with pytest.warns(UserWarning, match=r"features\[1\] \(name 'Bow'\).*Self-intersection"):
        geom = parse_geojson(doc, source="t.geojson")
    repaired = geom.geoms[1]
    assert repaired.is_valid
    assert repaired.geom_type == "MultiPolygon"
    assert repaired.area == pytest.approx(0.5)


def test_repair_never_returns_an_invalid_multipolygon():
    # GEOS's "structure" repair returns two triangles sharing an edge here.
    ring = [[0, 2], [0, 1], [1, 0], [0, 0], [0, 1], [1, 0], [0, 2]]
    with pytest.warns(UserWarning, match="Self-intersection"):
        geom = parse_geojson({"type": "Polygon", "coordinates": [ring]})
    assert geom.is_valid
    assert geom.area == pytest.approx(1.0)


def test_invalid_polygon_inside_geometry_collection_is_repaired():
    doc = {
        "type": "GeometryCollection",
        "geometries": [point(), {"type": "Polygon", "coordinates": BOWTIE}],
    }
    with pytest.warns(UserWarning, match="invalid GeometryCollection"):
        geom = parse_geojson(doc)
    assert geom.is_valid
    assert [g.geom_type for g in geom.geoms] == ["Point", "MultiPolygon"]


def test_valid_input_gives_no_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        parse_geojson({"type": "Polygon", "coordinates": SQUARE})


def test_collapsed_polygon_is_dropped_and_then_nothing_remains():
    flat = [[[30, 50], [31, 50], [32, 50], [30, 50]]]
    with pytest.warns(UserWarning, match="invalid Polygon"):
        fails(collection(feature({"type": "Polygon", "coordinates": flat})), "no geometry to draw")


# -- rejected documents -------------------------------------------------------


def test_missing_file_is_named(tmp_path):
    path = tmp_path / "missing.geojson"
    with pytest.raises(GeometryError, match=r"missing\.geojson: file not found"):
        read_geojson(path)


def test_folder_is_rejected(tmp_path):
    with pytest.raises(GeometryError, match="is a folder"):
        read_geojson(tmp_path)


def test_file_over_max_bytes_is_rejected_before_reading(tmp_path):
    path = write(tmp_path, collection(feature(point())))
    with pytest.raises(GeometryError, match=r"areas\.geojson: .*more than the limit of 10 bytes"):
        read_geojson(path, max_bytes=10)


def test_not_json_names_line_and_column(tmp_path):
    path = write(tmp_path, '{\n  "type": "Point",\n  "coordinates": [1, 2\n}')
    with pytest.raises(GeometryError) as info:
        read_geojson(path)
    message = str(info.value)
    assert message.startswith(f"{path}: not valid JSON")
    assert "line 4, column 1" in message


def test_not_utf8_is_rejected(tmp_path):
    path = tmp_path / "latin1.geojson"
    path.write_bytes('{"type": "Point", "name": "Kyïv"}'.encode("latin-1"))
    with pytest.raises(GeometryError, match="not UTF-8"):
        read_geojson(path)


@pytest.mark.parametrize("text", ["", "   ", b""])
def test_empty_document_is_rejected(text):
    fails(text, "empty")


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_json_nan_and_infinity_are_rejected(constant):
    fails(f'{{"type": "Point", "coordinates": [{constant}, 50]}}', "not valid JSON", constant)


@pytest.mark.parametrize(
    ("obj", "fragments"),
    [
        ([1, 2], ["expected a GeoJSON object with a 'type'", "an array [1, 2]"]),
        ("42", ["expected a GeoJSON object", "a number 42"]),
        ({"coordinates": SUMY}, ["type: null is not a GeoJSON type"]),
        (
            {"type": "Circle", "coordinates": SUMY},
            ['type: a string "Circle" is not a GeoJSON type'],
        ),
        ({"type": "Topology", "objects": {}}, ["TopoJSON"]),
        ({"type": "Point"}, ["a Point needs a 'coordinates' member"]),
        ({"type": "FeatureCollection"}, ["needs a 'features' array, got null"]),
        ({"type": "GeometryCollection"}, ["needs a 'geometries' array"]),
        ({"type": "FeatureCollection", "features": []}, ["no geometry to draw", "no features"]),
        (collection(feature(None)), ["no geometry to draw", "1 features"]),
        (feature(None), ["no geometry to draw", "Feature's geometry is null"]),
        ({"type": "Polygon", "coordinates": []}, ["the Polygon is empty"]),
        ({"type": "Feature", "properties": {}}, ["a Feature needs a 'geometry' member"]),
        (collection(point()), ["features[0]", "should be 'Feature'"]),
        (collection([1, 2]), ["features[0]: expected a Feature object, got an array"]),
        (
            collection(feature(point(), [1])),
            ["features[0]", "'properties' must be an object or null"],
        ),
        (
            collection(feature(point()), feature({"type": "Pointy", "coordinates": SUMY})),
            ["features[1].geometry.type", '"Pointy" is not a GeoJSON geometry type'],
        ),
    ],
)
def test_structure_errors_name_what_is_wrong(obj, fragments):
    fails(obj, *fragments)


@pytest.mark.parametrize(
    ("geometry", "fragments"),
    [
        (point(["34.8", 50.9]), ['coordinates[0]: expected a number, got a string "34.8"']),
        (point([True, 50.9]), ["coordinates[0]: expected a number, got a boolean"]),
        (point([None, 50.9]), ["coordinates[0]: expected a number, got null"]),
        (point([34.8]), ["a position has 2 or 3 numbers", "got 1"]),
        (point([1, 2, 3, 4]), ["a position has 2 or 3 numbers", "got 4"]),
        (point([]), ["a position has 2 or 3 numbers", "got 0"]),
        (
            point([[34.8, 50.9]]),
            [
                "coordinates: expected a position [lon, lat], got an array",
                "nested too deep for a Point",
            ],
        ),
        (point("34.8, 50.9"), ["coordinates: expected a position [lon, lat], got a string"]),
        (
            {"type": "LineString", "coordinates": SUMY},
            ["coordinates: expected an array of positions, got a position", "too shallow"],
        ),
        (
            {"type": "LineString", "coordinates": [SUMY]},
            ["a line needs at least 2 positions, got 1"],
        ),
        (
            {"type": "MultiLineString", "coordinates": [[]]},
            ["coordinates[0]: a line needs at least 2"],
        ),
        (
            {"type": "Polygon", "coordinates": [SUMY, KHARKIV]},
            ["coordinates[0]: expected a ring (array of positions), got a position"],
        ),
        (
            {"type": "Polygon", "coordinates": [[SUMY, KHARKIV, SUMY]]},
            ["needs at least 4 positions", "got 3"],
        ),
        (
            {"type": "Polygon", "coordinates": [[[30, 50], [31, 50], [31, 51], [30, 51]]]},
            ["coordinates[0]: polygon ring is not closed"],
        ),
        (
            {"type": "MultiPolygon", "coordinates": SQUARE},
            ["coordinates[0][0]: expected a ring (array of positions), got a position"],
        ),
        (
            {"type": "MultiPolygon", "coordinates": [SQUARE, []]},
            ["coordinates[1]: a polygon needs an outer ring"],
        ),
        (point([10**400, 50]), ["is not a finite number"]),
    ],
)
def test_coordinate_nesting_and_type_errors_name_the_path(geometry, fragments):
    fails(collection(feature(geometry)), "features[0].geometry.", *fragments)


@pytest.mark.parametrize(
    ("coords", "fragment"),
    [
        ([200, 50], "longitude 200 is outside -180..180"),
        ([-180.5, 50], "longitude -180.5 is outside -180..180"),
        ([30, 95], "latitude 95 is outside -90..90"),
        ([30, -90.25], "latitude -90.25 is outside -90..90"),
    ],
)
def test_out_of_range_coordinates_name_feature_and_value(coords, fragment):
    doc = collection(feature(point()), feature(point(coords), {"name": "Belgorod"}))
    fails(doc, "features[1] (name 'Belgorod').geometry.coordinates", fragment)


def test_lat_lon_order_mistake_gets_a_hint():
    fails(
        point([50.9077, 134.7981]),
        "latitude 134.7981 is outside -90..90",
        "positions are [lon, lat]",
    )


def test_out_of_range_inside_polygon_names_the_ring_position():
    ring = [[30, 50], [31, 50], [31, 91], [30, 50]]
    fails({"type": "Polygon", "coordinates": [ring]}, "coordinates[0][2]", "latitude 91")


def test_too_many_features_is_rejected(tmp_path):
    path = write(tmp_path, collection(*[feature(point())] * 11))
    with pytest.raises(GeometryError, match="11 features is more than the limit of 10"):
        read_geojson(path, max_features=10)


def test_deeply_nested_geometry_collections_are_rejected():
    doc = point()
    for _ in range(20):
        doc = {"type": "GeometryCollection", "geometries": [doc]}
    fails(doc, "nested more than")


def test_geometry_error_is_a_value_error_for_generic_callers():
    with pytest.raises(ValueError):
        parse_geojson("[]")


# -- files and features -------------------------------------------------------


def test_read_geojson_reads_a_file(tmp_path):
    path = write(tmp_path, collection(feature(point()), feature(point(KHARKIV))))
    geom = read_geojson(path)
    assert geom.geom_type == "GeometryCollection" and len(geom.geoms) == 2


def test_read_geojson_accepts_a_string_path(tmp_path):
    path = write(tmp_path, point())
    assert read_geojson(str(path)).equals(shapely.Point(SUMY))


def test_file_errors_start_with_the_file_name(tmp_path):
    path = write(tmp_path, point([200, 50]))
    with pytest.raises(GeometryError, match=rf"^{str(path)!s}: coordinates: longitude 200"):
        read_geojson(path)


def test_read_features_keeps_properties_in_order(tmp_path):
    doc = collection(
        feature(point(), {"name": "Sumy", "kind": "city"}),
        feature(None, {"name": "nowhere"}),
        feature(point(KHARKIV), None),
    )
    path = write(tmp_path, doc)
    features = read_geojson_features(path)
    assert [props for _, props in features] == [{"name": "Sumy", "kind": "city"}, {}]
    assert features[0][0].equals(shapely.Point(SUMY))
    assert features[1][0].equals(shapely.Point(KHARKIV))


@pytest.mark.parametrize("kind", ["text", "bytes", "dict", "path", "strpath"])
def test_read_features_accepts_text_bytes_dict_and_paths(tmp_path, kind):
    doc = collection(feature(point(), {"name": "Sumy"}))
    path = write(tmp_path, doc)
    value = {
        "text": json.dumps(doc),
        "bytes": json.dumps(doc).encode(),
        "dict": doc,
        "path": path,
        "strpath": str(path),
    }[kind]
    [(geom, props)] = read_geojson_features(value)
    assert geom.equals(shapely.Point(SUMY)) and props == {"name": "Sumy"}


def test_read_features_of_a_bare_geometry_has_empty_properties():
    assert read_geojson_features(point())[0][1] == {}


def test_read_features_uses_source_in_messages():
    with pytest.raises(GeometryError, match=r"^targets upload: not valid JSON"):
        read_geojson_features("{oops", source="targets upload")


def test_read_features_missing_path_is_named(tmp_path):
    with pytest.raises(GeometryError, match="nope.geojson: file not found"):
        read_geojson_features(tmp_path / "nope.geojson")


# -- writing ------------------------------------------------------------------


def test_feature_collection_is_rfc7946_and_rounds_to_7_decimals():
    fc = feature_collection([(shapely.Point(34.798123456789, 50.907712345678), {"name": "Sumy"})])
    assert fc == {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [34.7981235, 50.9077123]},
                "properties": {"name": "Sumy"},
            }
        ],
    }
    assert "crs" not in fc
    json.dumps(fc, allow_nan=False)


def test_feature_collection_orients_polygon_exteriors_counter_clockwise():
    clockwise = shapely.Polygon([(30, 50), (30, 51), (31, 51), (31, 50)])
    fc = feature_collection([(clockwise, {})])
    ring = shapely.LinearRing(fc["features"][0]["geometry"]["coordinates"][0])
    assert ring.is_ccw


def test_feature_collection_allows_null_geometry_and_properties():
    fc = feature_collection([(None, None)])
    assert fc["features"][0] == {"type": "Feature", "geometry": None, "properties": {}}


def test_feature_collection_round_trips_through_reading():
    features = [
        (shapely.Point(SUMY), {"name": "Sumy"}),
        (shapely.Polygon(SQUARE[0]), {"name": "area", "radius_km": 300}),
        (
            shapely.GeometryCollection(
                [shapely.Point(KHARKIV), shapely.LineString([SUMY, KHARKIV])]
            ),
            {},
        ),
    ]
    back = read_geojson_features(json.dumps(feature_collection(features)))
    assert [props for _, props in back] == [props for _, props in features]
    for (geom, _), (original, _) in zip(back, features, strict=True):
        assert geom.equals(original)


def test_feature_collection_rejects_projected_coordinates():
    with pytest.raises(GeometryError, match=r"features\[0\] \(name 'x'\): longitude 3.87371e\+06"):
        feature_collection([(shapely.Point(SUMY_3857), {"name": "x"})])


def test_feature_collection_rejects_non_finite_coordinates():
    with pytest.raises(GeometryError, match="not a finite number"):
        feature_collection([(shapely.Point(math.nan, 50), {})])


@pytest.mark.parametrize(
    "item",
    [shapely.Point(SUMY), (shapely.Point(SUMY),), ("POINT (1 2)", {}), (shapely.Point(SUMY), [1])],
)
def test_feature_collection_rejects_items_that_are_not_pairs(item):
    with pytest.raises(TypeError, match=r"features\[0\]"):
        feature_collection([item])


# -- properties ---------------------------------------------------------------

KEYS = st.sampled_from(
    ["type", "coordinates", "features", "geometry", "geometries", "properties", "crs", "name"]
)
TYPES = st.sampled_from(
    [
        "Point",
        "MultiPoint",
        "LineString",
        "MultiLineString",
        "Polygon",
        "MultiPolygon",
        "GeometryCollection",
        "Feature",
        "FeatureCollection",
        "EPSG:3857",
        "EPSG:4326",
    ]
)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**400), max_value=10**400)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.floats(min_value=-200, max_value=200)
    | st.text(max_size=5)
    | TYPES
)
JSONISH = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(KEYS | st.text(max_size=4), children, max_size=5)
    ),
    max_leaves=40,
)


def check_parse_is_total(obj):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            geom = parse_geojson(obj)
        except GeometryError as exc:
            assert "\n" not in str(exc)
            return
    assert isinstance(geom, shapely.Geometry)
    assert not geom.is_empty


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(JSONISH)
def test_parse_of_arbitrary_objects_returns_geometry_or_geometry_error(obj):
    check_parse_is_total(obj)


POSITION = st.lists(
    st.floats(min_value=-200, max_value=200) | st.integers(-200, 200), min_size=0, max_size=4
)


@st.composite
def geometry_like(draw):
    kind = draw(TYPES)
    depth = draw(st.integers(0, 3))
    coords = draw(POSITION)
    for _ in range(depth):
        coords = draw(st.lists(st.just(coords) | POSITION, max_size=5))
    return {"type": kind, "coordinates": coords}


@settings(max_examples=300)
@given(geometry_like())
def test_parse_of_geometry_shaped_objects_returns_geometry_or_geometry_error(obj):
    check_parse_is_total(obj)


@settings(max_examples=300)
@given(JSONISH.map(json.dumps))
def test_parse_of_arbitrary_json_text_returns_geometry_or_geometry_error(text):
    check_parse_is_total(text)


LONLAT = st.tuples(
    st.floats(min_value=-180, max_value=180), st.floats(min_value=-90, max_value=90)
).map(list)


GEOMETRY_KINDS = ["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon"]


@st.composite
def well_formed_geometry(draw):
    """RFC 7946-shaped geometries with random (possibly self-intersecting) rings."""

    def ring():
        points = draw(st.lists(LONLAT, min_size=3, max_size=8))
        return [*points, points[0]]

    def line():
        return draw(st.lists(LONLAT, min_size=2, max_size=8))

    kind = draw(st.sampled_from(GEOMETRY_KINDS))
    build = {
        "Point": lambda: draw(LONLAT),
        "MultiPoint": lambda: draw(st.lists(LONLAT, min_size=1, max_size=5)),
        "LineString": line,
        "MultiLineString": lambda: [line() for _ in range(draw(st.integers(1, 3)))],
        "Polygon": lambda: [ring() for _ in range(draw(st.integers(1, 2)))],
        "MultiPolygon": lambda: [[ring()] for _ in range(draw(st.integers(1, 3)))],
    }[kind]
    return {"type": kind, "coordinates": build()}


@settings(max_examples=300)
@given(well_formed_geometry())
def test_well_formed_geometry_always_gives_a_valid_in_range_geometry(obj):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            geom = parse_geojson(obj)
        except GeometryError as exc:
            # Only a polygon that collapses to nothing when repaired may fail.
            assert "empty" in str(exc) or "no geometry" in str(exc), str(exc)
            assert obj["type"] in ("Polygon", "MultiPolygon")
            return
    assert geom.is_valid
    minx, miny, maxx, maxy = geom.bounds
    assert -180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90
