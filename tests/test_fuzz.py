"""Property tests over every parser a user's input reaches: whatever the input,
the result is a value or a ranges error with a message, never another exception."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ranges.coords import parse_latlon
from ranges.errors import RangesError
from ranges.geojson_io import parse_geojson
from ranges.kml_io import parse_kml
from ranges.scenario import Scenario, Site, from_query, scenario_from_json, to_query
from ranges.targets import parse_targets_csv

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

text = st.text(max_size=200)
json_values = st.recursive(
    st.none() | st.booleans() | st.floats(allow_nan=True) | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner,
                                                               max_size=5),
    max_leaves=30,
)


def _only_ranges_errors(fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except RangesError as exc:
        assert str(exc)  # a message, never an empty one
        return None


@FUZZ
@given(text)
def test_coordinate_parser_returns_valid_lonlat_or_ranges_error(s):
    out = _only_ranges_errors(parse_latlon, s)
    if out is not None:
        lon, lat = out
        assert -180 <= lon <= 180 and -90 <= lat <= 90


@FUZZ
@given(st.one_of(text, json_values.map(json.dumps)))
def test_geojson_parser_never_raises_anything_else(s):
    _only_ranges_errors(parse_geojson, s, source="fuzz")


@FUZZ
@given(json_values)
def test_geojson_parser_on_decoded_objects(obj):
    _only_ranges_errors(parse_geojson, {"type": "Feature", "geometry": obj}, source="fuzz")


@FUZZ
@given(text, st.lists(st.tuples(text, text, text), max_size=5))
def test_targets_csv_parser_never_raises_anything_else(header, rows):
    body = "name,lat,lon\n" + "\n".join(",".join(r) for r in rows)
    _only_ranges_errors(parse_targets_csv, body, source="fuzz.csv")
    _only_ranges_errors(parse_targets_csv, header, source="fuzz.csv")


@FUZZ
@given(st.binary(max_size=300) | text.map(lambda s: f"<kml><Placemark>{s}</Placemark></kml>"))
def test_kml_parser_never_raises_anything_else(data):
    _only_ranges_errors(parse_kml, data, source="fuzz.kml")


@FUZZ
@given(st.one_of(text, json_values.map(json.dumps)))
def test_scenario_loader_never_raises_anything_else(s):
    _only_ranges_errors(scenario_from_json, s)


@FUZZ
@given(st.dictionaries(st.sampled_from(["s", "v", "preset", "weapon", "launch"]),
                       st.lists(text, max_size=3), max_size=5))  # fmt: skip
def test_tampered_links_fall_back_with_warnings_never_raise(params):
    default = Scenario(weapons=("gmlrs",))
    scenario, warnings = from_query(params, default=default, resolve_launch=None)
    assert isinstance(scenario, Scenario)
    assert all(isinstance(w, str) and w for w in warnings)


finite = st.floats(allow_nan=False, allow_infinity=False)


@FUZZ
@given(
    st.lists(
        st.builds(Site, name=st.text(min_size=1, max_size=50).filter(lambda s: s.strip() == s
                                                                      and s.isprintable()),
                  lat=finite.filter(lambda v: -90 <= v <= 90),
                  lon=finite.filter(lambda v: -180 <= v <= 180), enabled=st.booleans()),
        max_size=5,
    ),
    st.text(max_size=100).filter(lambda s: s.strip() == s and s.isprintable()),
)  # fmt: skip
def test_scenario_round_trips_exactly_through_json_and_link(sites, title):
    # written scenarios always carry a date (a missing one reads as the newest data)
    sc = Scenario(title=title, weapons=("atacms-m57",), sites=tuple(sites), as_of="2024-11-17")
    assert scenario_from_json(sc.to_json()) == sc
    back, warnings = from_query(to_query(sc), default=Scenario())
    assert back == sc and not warnings


@pytest.mark.parametrize("cut", [1, 10, 50])
def test_link_cut_short_gives_warning_and_default(cut):
    sc = Scenario(title="x", weapons=("gmlrs",), sites=(Site("A", 50.0, 30.0),))
    q = to_query(sc)
    q["s"] = q["s"][:-cut]
    back, warnings = from_query(q, default=Scenario())
    assert back == Scenario() and warnings and "link" in warnings[0].lower()
