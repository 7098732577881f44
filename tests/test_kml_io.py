"""KML reading: geometry, names, and refusal of hostile XML."""

import pytest

from ranges.errors import GeometryError, InputError
from ranges.kml_io import parse_kml

KML = b"""<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>Sumy</name><Point><coordinates>34.7981,50.9077,0</coordinates></Point></Placemark>
<Placemark><name>front</name><LineString><coordinates>37.6,47.1 38.5,49.3 36.0,50.4</coordinates>
</LineString></Placemark>
<Placemark><name>box</name><Polygon><outerBoundaryIs><LinearRing><coordinates>
34,50 35,50 35,51 34,51 34,50</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
</Document></kml>"""


def test_kml_placemarks_are_read_lon_first_with_names():
    feats = parse_kml(KML, source="t.kml")
    assert [p["name"] for _, p in feats] == ["Sumy", "front", "box"]
    point, line, poly = (g for g, _ in feats)
    assert (point.x, point.y) == (34.7981, 50.9077)
    assert line.geom_type == "LineString" and len(line.coords) == 3
    assert poly.geom_type == "Polygon" and poly.area == pytest.approx(1.0)


def test_kml_billion_laughs_is_refused_not_expanded():
    bomb = b"""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">
    <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
    <kml><Placemark><name>&lol2;</name><Point><coordinates>1,2</coordinates></Point></Placemark></kml>"""
    with pytest.raises(InputError, match="refused"):
        parse_kml(bomb, source="bomb.kml")


def test_kml_external_entity_is_refused():
    xxe = b"""<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY x SYSTEM "file:///etc/passwd">]>
    <kml><Placemark><name>&x;</name><Point><coordinates>1,2</coordinates></Point></Placemark></kml>"""
    with pytest.raises(InputError, match="refused"):
        parse_kml(xxe, source="xxe.kml")


def test_kml_bad_coordinate_names_placemark_and_value():
    bad = b"""<kml><Placemark><name>Oops</name><Point><coordinates>50.9,95.1</coordinates>
    </Point></Placemark></kml>"""
    rule = r"placemark 1 \('Oops'\).*'50.9,95.1'.*longitude first"
    with pytest.raises(GeometryError, match=rule):
        parse_kml(bad, source="bad.kml")


def test_kml_not_xml_and_empty_documents_get_messages():
    with pytest.raises(InputError, match="not well-formed"):
        parse_kml(b"<kml><Placemark>", source="cut.kml")
    with pytest.raises(InputError, match="no placemark"):
        parse_kml(b"<kml><Document/></kml>", source="empty.kml")


def test_kml_feature_limit():
    mark = b"<Placemark><Point><coordinates>1,2</coordinates></Point></Placemark>"
    many = b"<kml>" + mark * 11 + b"</kml>"
    with pytest.raises(InputError, match="11 placemarks; the limit is 10"):
        parse_kml(many, max_features=10)


def test_kml_target_list_reads_like_geojson_and_csv():
    from ranges.targets import parse_targets

    df = parse_targets(KML, "targets.kml")
    assert df["name"].tolist() == ["Sumy", "front", "box"]
    assert (df.loc[0, "lon"], df.loc[0, "lat"]) == (34.7981, 50.9077)
    with pytest.raises(InputError, match="limit is 0.0001 MB"):
        parse_targets(KML, "targets.kml", max_bytes=100)
