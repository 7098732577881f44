"""Tests of the pure core behind the dashboard: the scenario model and its
round trips (dict, JSON, URL), the presets, the table helpers of
``ranges.dashboard``, ``evaluate`` of the opening preset and the pydeck map.

No Streamlit here: ``tests/test_app.py`` drives ``app.py`` and
``tests/test_e2e.py`` a real browser.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime
import json
import math
import zlib

import pandas as pd
import pydeck as pdk
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ranges import dashboard as dash
from ranges.catalog import load_catalog
from ranges.deck import build_deck, legend_items
from ranges.evaluate import evaluate
from ranges.geodata import load_geodata
from ranges.presets import DEFAULT_PRESET, PRESETS, preset, preset_titles
from ranges.scenario import (
    AREA_KINDS,
    LANGUAGES,
    LIMITS,
    PALETTE,
    SCHEMA_VERSION,
    TARGET_KINDS,
    Area,
    Note,
    Scenario,
    ScenarioError,
    Site,
    Target,
    from_query,
    scenario_from_json,
    to_query,
    weapon_colors,
)

CATALOG = load_catalog()
WEAPON_IDS = [w.id for w in CATALOG]
REGION_IDS = ["RU-KRS", "RU-BEL", "RU-BRY", "RU-MOW", "UA-59", "UA-63", "UA-30", "BY-HO"]
DEFAULT = PRESETS[DEFAULT_PRESET]


@pytest.fixture(scope="module")
def geodata():
    return load_geodata()


@pytest.fixture(scope="module")
def flagship(geodata):
    return evaluate(PRESETS[DEFAULT_PRESET], geodata, CATALOG)


@pytest.fixture(scope="module")
def two_cities(geodata):
    scenario = Scenario(
        weapons=("atacms-m57", "storm-shadow"),
        sites=(Site("Sumy", 50.91741, 34.79906), Site("Kharkiv", 49.98177, 36.25475)),
        allowed_regions=("RU-KRS",),
        notes=(Note("a <b>note</b>", 51.0, 35.0, "a source"),),
    )
    return evaluate(scenario, geodata, CATALOG)


def _pack(text: str | bytes) -> str:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return base64.urlsafe_b64encode(zlib.compress(raw)).decode("ascii").rstrip("=")


# --------------------------------------------------------------------------
# Strategies: random valid scenarios
# --------------------------------------------------------------------------
_NASTY = ["<script>alert(1)</script>", "Харків", "Київ", "Sudzha / Суджа", "=HYPERLINK(1)",
          "O'Brien \"quoted\"", "émoji 🎯", "tab\tinside"]  # fmt: skip


def _clean(text: str) -> str:
    return text.strip()


# Printable text (no control characters but tab and newline), as the model
# stores it: stripped and non-empty; without U+FFFE and U+FFFF, which the model
# refuses (no SVG or KML file can hold them: test_scenario_texts checks the message).
_chars = st.characters(
    blacklist_categories=("Cc", "Cs"),
    blacklist_characters="\ufffe\uffff",
    whitelist_characters="\t\n",
)
names = st.one_of(
    st.sampled_from(_NASTY),
    st.text(_chars, min_size=1, max_size=40).map(_clean).filter(bool),
)
lats = st.floats(-90, 90, allow_nan=False)
lons = st.floats(-180, 180, allow_nan=False)

sites = st.builds(Site, names, lats, lons, st.booleans())
targets = st.builds(Target, names, lats, lons)
notes = st.builds(Note, names, lats, lons, st.one_of(st.just(""), names))


@st.composite
def areas(draw) -> Area:
    kind = draw(st.sampled_from(list(AREA_KINDS)))
    name = draw(names)
    enabled = draw(st.booleans())
    if kind == "region":
        return Area.from_dict({"kind": kind, "name": name, "enabled": enabled,
                               "region_id": draw(st.sampled_from(REGION_IDS))})  # fmt: skip
    if kind in ("held", "occupied"):
        return Area.from_dict({"kind": kind, "name": name, "enabled": enabled})
    if kind in ("border-strip", "front-strip"):
        width = draw(st.floats(1.0, 1000.0))
        standoff = draw(st.floats(0.0, 999.0).filter(lambda s: s < width))
        return Area.from_dict({"kind": kind, "name": name, "enabled": enabled,
                               "width_km": width, "standoff_km": standoff,
                               "within": draw(st.sampled_from(["", "UA-59"]))})  # fmt: skip
    line = draw(st.lists(st.tuples(lons, lats).map(list), min_size=2, max_size=6))
    return Area.from_dict({"kind": kind, "name": name, "enabled": enabled,
                           "geometry": {"type": "LineString", "coordinates": line}})  # fmt: skip


scenarios = st.builds(
    Scenario,
    title=st.one_of(st.just(""), names),
    subtitle=st.one_of(st.just(""), names),
    weapons=st.lists(st.sampled_from(WEAPON_IDS), max_size=len(PALETTE), unique=True).map(tuple),
    sites=st.lists(sites, max_size=6).map(tuple),
    areas=st.lists(areas(), max_size=3).map(tuple),
    target_kinds=st.lists(st.sampled_from(TARGET_KINDS), unique=True).map(tuple),
    user_targets=st.lists(targets, max_size=4).map(tuple),
    allowed_regions=st.lists(st.sampled_from(REGION_IDS), unique=True, max_size=4).map(tuple),
    focus_regions=st.lists(st.sampled_from(REGION_IDS), unique=True, max_size=4).map(tuple),
    notes=st.lists(notes, max_size=3).map(tuple),
    lang=st.sampled_from(LANGUAGES),
    min_population=st.integers(0, 10**8),
    preset=st.one_of(st.just(""), st.sampled_from(list(PRESETS))),
    allowed_from_table=st.booleans(),
    # a scenario always carries a date once written (files, links)
    as_of=st.dates(datetime.date(2024, 7, 8), datetime.date(2026, 8, 22)).map(
        datetime.date.isoformat
    ),
)


def _with_colors(s: Scenario):
    """The scenario with some weapons' colours chosen (in canonical form:
    legend order, only colours that differ from the palette's)."""
    if not s.weapons:
        return st.just(s)
    hexes = st.from_regex(r"#[0-9A-F]{6}", fullmatch=True)
    picks = st.dictionaries(st.sampled_from(s.weapons), hexes, max_size=3)
    default = weapon_colors(s.weapons)
    return picks.map(lambda p: dataclasses.replace(
        s, colors=tuple((w, p[w]) for w in s.weapons if w in p and p[w] != default[w])
    ))  # fmt: skip


scenarios = scenarios.flatmap(_with_colors)

_HYPO = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --------------------------------------------------------------------------
# Round trips
# --------------------------------------------------------------------------
@pytest.mark.parametrize("pid", list(PRESETS))
def test_every_preset_round_trips_exactly_through_dict_json_and_url(pid):
    s = PRESETS[pid]
    assert Scenario.from_dict(s.to_dict()) == s
    assert Scenario.from_dict(json.loads(json.dumps(s.to_dict()))) == s
    assert scenario_from_json(s.to_json()) == s
    assert scenario_from_json(s.to_json().encode("utf-8")) == s
    assert from_query(to_query(s), default=Scenario()) == (s, [])


@pytest.mark.parametrize("pid", list(PRESETS))
def test_every_preset_is_valid_and_names_known_weapons_and_its_own_id(pid):
    s = PRESETS[pid]
    s.check_weapons(CATALOG)
    assert s.preset == pid
    assert s.replace() == s  # re-validation changes nothing
    assert preset(pid) is s
    assert preset_titles()[pid] == s.title


def test_unknown_preset_lookup_names_the_known_presets():
    with pytest.raises(KeyError, match=DEFAULT_PRESET):
        preset("no-such-preset")


@_HYPO
@given(scenarios)
def test_random_scenarios_round_trip_exactly_through_dict_and_json(s):
    assert Scenario.from_dict(s.to_dict()) == s
    assert scenario_from_json(s.to_json()) == s
    assert scenario_from_json(s.to_json(indent=None)) == s


@_HYPO
@given(scenarios)
def test_random_scenarios_round_trip_exactly_through_the_url(s):
    query = to_query(s)
    assert set(query) == {"v", "s"} and query["v"] == str(SCHEMA_VERSION)
    # URL-safe: nothing that needs percent-encoding
    assert all(c.isalnum() or c in "-_" for c in query["s"])
    assert from_query(query, default=DEFAULT) == (s, [])
    # st.query_params.get_all gives lists
    assert from_query({k: [v] for k, v in query.items()}, default=DEFAULT) == (s, [])


def test_script_and_cyrillic_names_survive_the_round_trip_unchanged():
    s = Scenario(title="<script>alert(1)</script>", sites=(Site("Харків", 49.98, 36.25),))
    back = from_query(to_query(s), default=DEFAULT)[0]
    assert back.title == "<script>alert(1)</script>"
    assert back.sites[0].name == "Харків"
    assert "Харків" in s.to_json()  # UTF-8 file, not \u escapes


# --------------------------------------------------------------------------
# from_query: bad links never raise
# --------------------------------------------------------------------------
def test_link_cut_short_falls_back_to_default_with_a_warning():
    packed = to_query(PRESETS["taurus-from-kyiv-region"])["s"]
    for cut in (packed[: len(packed) // 2], packed[:-7], packed[:5]):
        scenario, warnings = from_query({"s": cut}, default=DEFAULT)
        assert scenario is DEFAULT
        assert len(warnings) == 1 and "could not be read" in warnings[0]


@pytest.mark.parametrize(
    "packed, why",
    [
        ("!!!not base64!!!", "damaged"),
        ("AAAA", "damaged"),
        (_pack("not json"), "not valid JSON"),
        (_pack("[1, 2]"), "is not an object"),
        (_pack(b"\xff\xfe\x00"), "not UTF-8"),
        (_pack('{"sites": [{"name": "a", "lat": 95.0, "lon": 1}]}'), "link: scenario.sites[0].lat"),
        (_pack('{"bogus": 1}'), "unknown field(s) 'bogus'"),
        (_pack('{"sites": [{"name": "a", "lat": NaN, "lon": 1}]}'), "NaN is not allowed"),
        (_pack("[" * 100_000 + "]" * 100_000), "nested too deeply"),
        ("A" * (LIMITS["url_chars"] + 1), "characters; at most"),
    ],
    ids=[
        "garbage",
        "short",
        "not-json",
        "json-list",
        "not-utf8",
        "lat-95",
        "unknown-field",
        "nan",
        "deep",
        "too-long",
    ],  # fmt: skip
)
def test_damaged_link_parameter_gives_default_and_a_warning_naming_the_problem(packed, why):
    scenario, warnings = from_query({"s": packed, "v": "1"}, default=DEFAULT)
    assert scenario is DEFAULT
    assert len(warnings) == 1
    assert why in warnings[0]
    assert "'s'" in warnings[0] or "link" in warnings[0]


def test_zip_bomb_link_is_refused_as_too_much_data():
    scenario, warnings = from_query({"s": _pack(" " * 10_000_000)}, default=DEFAULT)
    assert scenario is DEFAULT
    assert "expands to too much data" in warnings[0]


@_HYPO
@given(st.text(max_size=300))
def test_any_text_in_s_never_raises(text):
    scenario, warnings = from_query({"s": text}, default=DEFAULT)
    assert isinstance(scenario, Scenario)
    assert scenario is DEFAULT or not warnings


@_HYPO
@given(st.binary(max_size=300))
def test_any_compressed_bytes_in_s_never_raise(raw):
    scenario, warnings = from_query({"s": _pack(raw)}, default=DEFAULT)
    assert isinstance(scenario, Scenario)


def test_huge_integer_coordinate_in_link_gives_a_warning_not_a_crash():
    text = '{"sites": [{"name": "a", "lat": ' + "9" * 400 + ', "lon": 1}]}'
    scenario, warnings = from_query({"s": _pack(text)}, default=DEFAULT)
    assert scenario is DEFAULT and "link: scenario.sites[0].lat" in warnings[0]


def test_unknown_preset_in_link_warns_and_names_the_known_presets():
    scenario, warnings = from_query({"preset": "nope"}, default=DEFAULT, presets=PRESETS)
    assert scenario is DEFAULT
    assert len(warnings) == 1 and "'nope'" in warnings[0] and DEFAULT_PRESET in warnings[0]


def test_known_preset_in_link_opens_it():
    pid = "taurus-from-kyiv-region"
    assert from_query({"preset": pid}, default=DEFAULT, presets=PRESETS) == (PRESETS[pid], [])


def test_s_takes_precedence_over_preset_and_weapon():
    s = PRESETS["russian-missiles-on-ukraine"]
    params = {**to_query(s), "preset": "taurus-from-kyiv-region", "weapon": "gmlrs"}
    assert from_query(params, default=DEFAULT, presets=PRESETS) == (s, [])


def test_weapon_parameter_replaces_the_weapons_and_keeps_the_rest():
    scenario, warnings = from_query({"weapon": ["storm-shadow;taurus", "gmlrs"]}, default=DEFAULT)
    assert warnings == []
    assert scenario.weapons == ("storm-shadow", "taurus", "gmlrs")
    assert scenario.areas == DEFAULT.areas


def test_bad_weapon_parameter_keeps_the_default_weapons_with_a_warning():
    bad = "x" * 65  # longer than an id may be
    scenario, warnings = from_query({"weapon": bad}, default=DEFAULT)
    assert scenario == DEFAULT
    assert len(warnings) == 1 and "weapon" in warnings[0] and "longer than 64" in warnings[0]


def test_unknown_weapon_id_in_link_is_caught_by_check_weapons_with_a_suggestion():
    # from_query has no catalog; the app checks ids and falls back (tests/test_app.py)
    scenario, warnings = from_query({"weapon": "atacms"}, default=DEFAULT)
    assert warnings == []
    with pytest.raises(ScenarioError, match=r"scenario.weapons\[0\]: 'atacms' .*'atacms-m57'"):
        scenario.check_weapons(CATALOG)


def test_launch_parameter_resolves_sites_and_reports_unknown_ones():
    def resolve(spec: str) -> Site:
        if spec == "Sumy":
            return Site("Sumy", 50.9, 34.8)
        raise ScenarioError(f"unknown place {spec!r}")

    scenario, warnings = from_query({"launch": "Sumy;Atlantis"}, default=DEFAULT,
                                    resolve_launch=resolve)  # fmt: skip
    assert scenario.sites == (Site("Sumy", 50.9, 34.8),)
    assert scenario.areas == ()  # explicit launch sites replace the preset's areas
    assert len(warnings) == 1 and "launch='Atlantis'" in warnings[0]


# --------------------------------------------------------------------------
# scenario files: errors name the field, the value and the rule
# --------------------------------------------------------------------------
def _doc(**changes) -> str:
    d = PRESETS["russian-missiles-on-ukraine"].to_dict()
    d.update(changes)
    return json.dumps(d)


@pytest.mark.parametrize(
    "doc, message",
    [
        (_doc(sites=[{"name": "a", "lat": 95.0, "lon": 30.0}]),
         "scenario.sites[0].lat: 95.0 is outside -90..90"),
        (_doc(sites=[{"name": "a", "lat": 50.0, "lon": -181}]),
         "scenario.sites[0].lon: -181.0 is outside -180..180"),
        (_doc(sites=[{"name": "a", "lat": "50", "lon": 30}]),
         "scenario.sites[0].lat: '50' is not a number"),
        (_doc(sites=[{"name": "a", "lat": 50}]), "scenario.sites[0]: field 'lon' is missing"),
        (_doc(sites=[{"name": " ", "lat": 50, "lon": 30}]), "scenario.sites[0].name: '' is empty"),
        (_doc(sites=[{"name": "a", "lat": 50, "lon": 30, "enabled": "yes"}]),
         "scenario.sites[0].enabled: 'yes' is not true or false"),
        (_doc(title="x" * 201), "scenario.title: 'xxxx"),
        (_doc(title="a\x00b"), "scenario.title: 'a\\x00b' contains control characters"),
        (_doc(lang="de"), "scenario.lang: 'de' is not one of en, uk"),
        (_doc(schema=3), "scenario.schema: 3 is not a schema version"),
        (_doc(min_population=-1), "scenario.min_population: -1 is not a whole number"),
        (_doc(min_population=1.5), "scenario.min_population: 1.5 is not a whole number"),
        (_doc(target_kinds=["tanks"]), "scenario.target_kinds: 'tanks' is not one of"),
        (_doc(weapons="iskander-m"), "scenario.weapons: 'iskander-m' is not a list"),
        (_doc(areas=[{"kind": "circle"}]), "scenario.areas[0].kind: 'circle' is not one of"),
        (_doc(areas=[{"kind": "border-strip", "width_km": 10, "standoff_km": 20}]),
         "scenario.areas[0]: standoff 20 km must be less than the width 10 km"),
        (_doc(areas=[{"kind": "geojson", "geometry": {"type": "Circle", "coordinates": [1, 2]}}]),
         "scenario.areas[0].geometry.type: 'Circle' is not a GeoJSON geometry"),
        (_doc(areas=[{"kind": "geojson", "geometry": "{oops"}]),
         "scenario.areas[0].geometry: '{oops' is not JSON"),
        (_doc(notes=[{"text": "n", "lat": 50, "lon": 30, "url": "x"}]),
         "scenario.notes[0]: unknown field(s) 'url'"),
        (_doc(user_targets=[{"name": "t", "lat": None, "lon": 30}]),
         "scenario.user_targets[0].lat: None is not a number"),
    ],
)  # fmt: skip
def test_scenario_file_error_names_field_value_and_rule(doc, message):
    with pytest.raises(ScenarioError) as err:
        scenario_from_json(doc, source="scenario")
    assert message in str(err.value)


def test_scenario_file_error_names_the_file():
    with pytest.raises(ScenarioError, match=r"^maps/kursk\.json: not valid JSON"):
        scenario_from_json("{", source="maps/kursk.json")
    with pytest.raises(ScenarioError, match=r"^maps/kursk\.json: not UTF-8 text"):
        scenario_from_json(b"\xff\xfe{", source="maps/kursk.json")
    with pytest.raises(ScenarioError, match=r"^maps/kursk\.json: scenario\.sites\[0\]\.lat: 95"):
        scenario_from_json(_doc(sites=[{"name": "a", "lat": 95, "lon": 1}]),
                           source="maps/kursk.json")  # fmt: skip


def test_scenario_file_accepts_utf8_bom_and_rejects_infinity():
    assert scenario_from_json(b"\xef\xbb\xbf" + DEFAULT.to_json().encode()) == DEFAULT
    with pytest.raises(ScenarioError, match="Infinity is not allowed"):
        scenario_from_json('{"sites": [{"name": "a", "lat": Infinity, "lon": 1}]}')


@pytest.mark.parametrize(
    "key, item",
    [
        ("sites", {"name": "s", "lat": 50.0, "lon": 30.0}),
        ("user_targets", {"name": "t", "lat": 50.0, "lon": 30.0}),
        ("notes", {"text": "n", "lat": 50.0, "lon": 30.0}),
        ("areas", {"kind": "region", "region_id": "RU-KRS"}),
    ],
)
def test_lists_are_limited_and_the_limit_is_named(key, item):
    limit = LIMITS[key]
    assert len(getattr(Scenario.from_dict({key: [item] * limit}), key)) == limit
    message = rf"scenario.{key}: {limit + 1} entries; at most {limit}"
    with pytest.raises(ScenarioError, match=message):
        Scenario.from_dict({key: [item] * (limit + 1)})


def test_more_weapons_than_colours_is_refused():
    assert len(Scenario.from_dict({"weapons": WEAPON_IDS[: len(PALETTE)]}).weapons) == 7
    with pytest.raises(ScenarioError, match="scenario.weapons: 8 entries; at most 7"):
        Scenario.from_dict({"weapons": WEAPON_IDS[:8]})
    with pytest.raises(ScenarioError, match="8 weapons; at most 7"):
        weapon_colors(WEAPON_IDS[:8])


def test_geometry_vertex_limit_is_enforced():
    n = LIMITS["geometry_vertices"] + 1
    coords = [[30.0 + i * 1e-6, 50.0] for i in range(n)]
    with pytest.raises(ScenarioError, match=r"100,001 vertices; at most 100,000"):
        Area.from_dict({"kind": "geojson", "geometry": {"type": "LineString",
                                                        "coordinates": coords}})  # fmt: skip


def test_duplicate_ids_are_dropped_keeping_order():
    s = Scenario.from_dict({"weapons": ["taurus", "gmlrs", "taurus"]})
    assert s.weapons == ("taurus", "gmlrs")


def test_weapon_colours_follow_legend_order_in_the_palette():
    assert weapon_colors(["taurus", "gmlrs"]) == {"taurus": PALETTE[0], "gmlrs": PALETTE[1]}


# --------------------------------------------------------------------------
# ranges.dashboard helpers
# --------------------------------------------------------------------------
def test_sites_from_rows_keeps_good_rows_and_names_each_bad_row():
    rows = [
        {"name": "Sumy", "lat": 50.9, "lon": 34.8, "on": True},
        {"name": "North pole+", "lat": 95.0, "lon": 30.0, "on": True},
        {"name": None, "lat": float("nan"), "lon": None, "on": None},  # new empty row
        {"name": "  ", "lat": 49.98, "lon": 36.25, "on": False},
        {"name": "no lon", "lat": 50.0, "lon": None, "on": True},
    ]
    sites, problems = dash.sites_from_rows(rows)
    assert sites == [Site("Sumy", 50.9, 34.8), Site("Site 4", 49.98, 36.25, enabled=False)]
    assert problems == [
        "launch site row 2.lat: 95.0 is outside -90..90 (row left out)",
        "launch site row 5.lon: None is not a number (row left out)",
    ]


def test_sites_from_rows_reads_the_editor_frame_and_round_trips_site_rows():
    original = [Site("Харків", 49.98177, 36.25475), Site("Off", 50.0, 30.0, enabled=False)]
    df = dash.site_rows(original)
    assert list(df.columns) == ["name", "lat", "lon", "on"]
    assert dash.sites_from_rows(df) == (original, [])


def test_sites_from_rows_caps_the_number_of_sites_with_a_message():
    rows = [{"name": f"s{i}", "lat": 50.0, "lon": 30.0 + i / 1000} for i in range(205)]
    sites, problems = dash.sites_from_rows(rows)
    assert len(sites) == LIMITS["sites"]
    assert problems == ["205 launch sites; only the first 200 are used"]


def test_notes_from_rows_skips_empty_rows_and_names_bad_ones():
    df = pd.DataFrame([
        {"text": "ok", "lat": 50.0, "lon": 30.0, "source": None},
        {"text": None, "lat": None, "lon": None, "source": ""},
        {"text": "bad", "lat": 50.0, "lon": 200.0, "source": "s"},
    ])  # fmt: skip
    notes, problems = dash.notes_from_rows(df)
    assert notes == [Note("ok", 50.0, 30.0, "")]
    assert problems == ["note row 3.lon: 200.0 is outside -180..180 (row left out)"]


def test_csv_bytes_has_a_bom_and_neutralises_formulas_but_not_numbers():
    df = pd.DataFrame({
        "name": ["=HYPERLINK(\"http://evil\")", "+1", "-cmd", "@SUM(A1)", "\tx", "Київ", "plain"],
        "lon": [-1.5, 2.0, -3.25, 4.0, 5.0, 30.52, -0.0],
    })  # fmt: skip
    data = dash.csv_bytes(df)
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(__import__("io").BytesIO(data), encoding="utf-8-sig", keep_default_na=False)
    assert back["name"].tolist() == ["'=HYPERLINK(\"http://evil\")", "'+1", "'-cmd", "'@SUM(A1)",
                                     "'\tx", "Київ", "plain"]  # fmt: skip
    assert back["lon"].tolist() == [-1.5, 2.0, -3.25, 4.0, 5.0, 30.52, -0.0]
    assert df["name"][0].startswith("=")  # the input frame is not changed


def test_csv_bytes_of_the_real_targets_table_opens_cleanly(flagship):
    table = dash.targets_display(flagship.targets)
    back = pd.read_csv(__import__("io").BytesIO(dash.csv_bytes(table)), encoding="utf-8-sig")
    assert list(back.columns) == list(table.columns)
    assert len(back) == len(table)


def test_targets_display_keeps_one_side_of_the_front(two_cities):
    russia = dash.targets_display(two_cities.targets, territories=["Russia"])
    assert len(russia) and set(russia["territory"]) == {"Russia"}
    everything = dash.targets_display(two_cities.targets)
    assert len(everything) > len(russia)
    assert (everything["territory"] == "Russia").sum() == len(russia)


def test_targets_display_has_the_documented_columns_nearest_first(two_cities):
    table = dash.targets_display(two_cities.targets)
    assert list(table.columns) == [
        "name", "type", "country", "territory", "population", "lat", "lon", "distance_km",
        "launch", "bearing_deg", "in_range_of", "authorization",
    ]  # fmt: skip
    # one row per place (a city that is also a place in the news is one: the
    # data put Lgov's city record on the news place's point), and the
    # towns at the launch sites themselves left out (distance 0, no bearing)
    hit = two_cities.targets[two_cities.targets["in_range"]]
    away = hit[hit["distance_km"] >= dash.INSIDE_KM]
    places = set(zip(away["lat"].round(3), away["lon"].round(3), strict=True))
    shown = set(zip(table["lat"].round(3), table["lon"].round(3), strict=True))
    assert shown == places and len(table) == len(shown) > 0
    assert list(table["name"]).count("Lgov") == 1
    assert table["bearing_deg"].notna().all() and table["distance_km"].min() > 0
    with_launch = dash.targets_display(two_cities.targets, inside=True)
    assert len(with_launch) - len(table) == dash.inside_launch_count(two_cities.targets) > 0
    assert "None" not in with_launch.astype(str).to_numpy()
    assert table["distance_km"].is_monotonic_increasing
    assert table["distance_km"].max() <= 300.0
    assert set(table["launch"]) <= {"Sumy", "Kharkiv"}
    # a city's population; blank (never 0) for a town in the news or an airfield
    assert str(table["population"].dtype) == "Int64"
    cities = (table["type"] == "city").to_numpy()
    assert (table.loc[cities, "population"] > 0).all()
    assert table.loc[~cities, "population"].isna().all() and (~cities).any()
    csv = dash.csv_bytes(table).decode("utf-8").splitlines()
    col = csv[0].split(",").index("population")
    town = next(line for line in csv[1:] if ",town," in line or ",airfield," in line)
    assert town.split(",")[col] == ""
    assert set(table["authorization"]) <= {"allowed and in range", "in range, not allowed"}
    both = table[table["in_range_of"].str.contains("Storm Shadow")]
    assert (both["in_range_of"] == "ATACMS M57 (unitary); Storm Shadow / SCALP-EG").all()


def test_targets_display_in_ukrainian_names_launch_areas_and_weapons_in_ukrainian(geo):
    result = evaluate(PRESETS["atacms-storm-shadow-nov-2024"], geo)
    weapons = [w.weapon for w in result.weapons]
    uk = dash.targets_display(result.targets, "uk", scenario=result.scenario, weapons=weapons)
    assert set(uk["launch"]) == {"прикордонна смуга Сумщини"}
    both = "ATACMS M57 (моноблочна); Storm Shadow / SCALP-EG"
    assert set(uk["in_range_of"]) == {"ATACMS M57 (моноблочна)", both}
    en = dash.targets_display(result.targets, "en", scenario=result.scenario, weapons=weapons)
    assert set(en["launch"]) == {"the Sumy border area"}
    assert "ATACMS M57 (unitary); Storm Shadow / SCALP-EG" in set(en["in_range_of"])


def test_targets_display_in_ukrainian_uses_ukrainian_names_where_known(two_cities):
    en = dash.targets_display(two_cities.targets, "en")
    uk = dash.targets_display(two_cities.targets, "uk")
    assert len(en) == len(uk)
    assert "Sudzha" in set(en["name"]) and "Суджа" in set(uk["name"])
    # names with no Ukrainian form fall back to English, never to ""
    assert (uk["name"] != "").all()


def test_coverage_display_in_ukrainian_names_regions_in_ukrainian(flagship):
    uk = dash.coverage_display(flagship.coverage, "uk")
    en = dash.coverage_display(flagship.coverage, "en")
    assert uk.loc[uk["region_id"] == "RU-KRS", "region"].iloc[0] == "Курська область"
    assert en.loc[en["region_id"] == "RU-KRS", "region"].iloc[0] == "Kursk"
    assert uk["covered_pct"].is_monotonic_decreasing


def test_coverage_display_of_nothing_has_the_columns():
    from ranges.analysis import COVERAGE_COLUMNS

    empty = pd.DataFrame(columns=list(COVERAGE_COLUMNS))
    assert list(dash.coverage_display(empty).columns) == [
        "region", "region_id", "country", "status", "weapon", "covered_km2", "covered_pct",
    ]  # fmt: skip


def test_weapon_options_and_split_by_side_cover_the_catalog():
    options = dash.weapon_options(CATALOG)
    assert set(options) == set(dash.SIDES)
    assert sum(len(v) for v in options.values()) == len(CATALOG)
    assert options[dash.SIDES[0]]["atacms-m57"] == "ATACMS M57 (unitary) – 300 km"
    split = dash.split_weapons(["kn-23", "atacms-m57", "nope", "storm-shadow"], CATALOG)
    assert split == {dash.SIDES[0]: ["atacms-m57", "storm-shadow"], dash.SIDES[1]: ["kn-23"]}


def test_region_options_label_regions_with_type_id_and_country(geodata):
    options = dash.region_options(geodata.regions)
    assert options["RU-KRS"] == "Kursk oblast (RU-KRS, RUS)"
    assert options["UA-30"] == "Kyiv city (UA-30, UKR)"
    assert {k[:2] for k in options} >= {"UA", "RU", "BY"}
    uk = dash.region_options(geodata.regions, lang="uk")
    assert uk["RU-KRS"] == "Курська область (RU-KRS, RUS)"
    assert uk["BY-MA"] == "Могильовська область (BY-MA, BLR)"
    assert list(uk) == list(options)  # the same choices, in the same order


def test_user_targets_from_frame_caps_and_defaults_names():
    df = pd.DataFrame({"name": ["", "Depot"], "lat": [50.0, 51.0], "lon": [30.0, 31.0]})
    assert dash.user_targets_from_frame(df, "t.csv") == [
        Target("Target 1", 50.0, 30.0), Target("Depot", 51.0, 31.0)
    ]  # fmt: skip
    big = pd.DataFrame({"name": ["t"] * 5001, "lat": [50.0] * 5001, "lon": [30.0] * 5001})
    with pytest.raises(Exception, match="t.csv: 5,001 targets; a scenario holds at most 5,000"):
        dash.user_targets_from_frame(big, "t.csv")


# --------------------------------------------------------------------------
# evaluate(): the opening map
# --------------------------------------------------------------------------
def test_flagship_headline_says_all_of_kursk_region_is_in_atacms_range(flagship):
    (atacms,) = flagship.weapons
    assert atacms.weapon.id == "atacms-m57"
    assert atacms.headline.startswith("ATACMS M57 (unitary) (300 km) from the Sumy border area:")
    # Russia first (its focus region with it), then occupied Ukraine and Belarus
    assert "in Russia " in atacms.headline
    assert "100% of Kursk region; in occupied Ukraine" in atacms.headline
    assert atacms.color == PALETTE[0]


def test_flagship_has_the_authorization_sentence(flagship):
    (atacms,) = flagship.weapons
    assert atacms.authorization.startswith("ATACMS M57 (unitary): allowed and in range: ")
    assert "lies where strikes are allowed" in atacms.authorization
    assert 0 < atacms.allowed_km2 < atacms.not_allowed_km2
    share = 100 * atacms.allowed_km2 / (atacms.allowed_km2 + atacms.not_allowed_km2)
    assert f"{share:.0f}% of the reach area" in atacms.authorization


def test_flagship_targets_are_split_by_authorization(flagship):
    t = flagship.targets
    inside = t[t["in_range"]]
    assert (inside["authorization"] != "out of range").all()
    assert (t.loc[~t["in_range"], "authorization"] == "out of range").all()
    # Kursk, the city, lies in the allowed region and in range
    kursk = t[(t["name"] == "Kursk") & (t["layer"] == "cities")].iloc[0]
    assert kursk["in_range"] and kursk["authorization"] == "allowed and in range"


def test_flagship_coverage_names_kursk_at_100_percent(flagship):
    cov = flagship.coverage
    assert cov.loc[cov["region_id"] == "RU-KRS", "covered_pct"].max() == pytest.approx(100, abs=0.5)


def test_scenario_without_launch_sites_gives_empty_areas_not_an_error(geodata):
    result = evaluate(Scenario(weapons=("taurus",)), geodata, CATALOG)
    assert result.weapons[0].area.is_empty
    assert not result.targets["in_range"].any()


def test_unknown_region_in_a_scenario_names_it(geodata):
    s = Scenario(weapons=("taurus",), areas=(Area("region", "X", region_id="RU-XXX"),))
    with pytest.raises(ScenarioError, match="region_id 'RU-XXX' is not in the regions layer"):
        evaluate(s, geodata, CATALOG)


# --------------------------------------------------------------------------
# The pydeck map
# --------------------------------------------------------------------------
def _layers(deck) -> dict:
    return {layer["id"]: layer for layer in json.loads(deck.to_json())["layers"]}


def test_flagship_deck_has_the_documented_layers(flagship, geodata):
    ids = set(_layers(build_deck(flagship, geodata)))
    assert {"sea", "countries", "region-borders", "region-labels", "allowed",
            "reach-atacms-m57", "launch-areas", "targets-cities", "targets-airfields",
            "targets-places", "target-labels", "range-labels", "notes"} <= ids  # fmt: skip


def test_point_sites_deck_has_launch_site_layers_and_one_reach_per_weapon(two_cities, geodata):
    ids = set(_layers(build_deck(two_cities, geodata)))
    assert {"launch-sites", "launch-labels", "reach-atacms-m57", "reach-storm-shadow"} <= ids
    assert "launch-areas" not in ids


def _records(layer) -> list[dict]:
    data = layer["data"]
    if isinstance(data, dict):
        return [f["properties"] for f in data["features"]]
    return data


def test_tooltips_are_plain_text_from_a_tooltip_field(two_cities, geodata):
    deck = build_deck(two_cities, geodata)
    assert deck._tooltip == {"text": "{tooltip}"}  # "text", never "html"
    pickable = [layer for layer in _layers(deck).values() if layer.get("pickable")]
    assert pickable
    for layer in pickable:
        for rec in _records(layer):
            assert isinstance(rec["tooltip"], str) and rec["tooltip"], layer["id"]
    notes = _records(_layers(deck)["notes"])
    assert notes[0]["tooltip"] == "a <b>note</b>\nSource: a source"  # kept literal, not HTML


def test_deck_json_is_compact_and_has_no_mapbox_key(flagship, geodata):
    for tiles in (False, True):
        text = build_deck(flagship, geodata, tiles=tiles).to_json()
        assert "\n" not in text and ", " not in text[:2000] and '": ' not in text[:2000]
        assert text == json.dumps(json.loads(text), sort_keys=True, separators=(",", ":"))
        assert "mapbox" not in text.lower()
    deck = build_deck(flagship, geodata, tiles=False)
    assert not getattr(deck, "mapbox_key", None)


def test_deck_without_tiles_names_no_base_map_so_streamlit_fetches_none(flagship, geodata):
    # Streamlit's map reads a missing or empty style as "pick Carto's for the
    # theme"; only pydeck's placeholder means "no base map" (browser-checked in
    # test_e2e.py, which fails on any request to another host).
    spec = json.loads(build_deck(flagship, geodata, tiles=False).to_json())
    assert spec["mapStyle"] == "__MAP_STYLE__"
    assert spec.get("mapProvider") in (None, "")
    assert "cartocdn" not in json.dumps(spec)
    online = json.loads(build_deck(flagship, geodata, tiles=True).to_json())
    assert "basemaps.cartocdn.com" in online["mapStyle"]


def test_deck_json_is_remembered_but_follows_every_replaced_part(flagship, geodata):
    import copy

    deck = build_deck(flagship, geodata)
    first = deck.to_json()
    assert deck.to_json() is first  # remembered: Streamlit asks on every rerun
    deck.layers[-1].data = [{"text": "changed", "position": [30.0, 50.0]}]
    assert "changed" in deck.to_json()
    other = copy.copy(deck)  # the HTML export copies and changes attributes
    other.initial_view_state = pdk.ViewState(longitude=1.0, latitude=2.0, zoom=3)
    assert json.loads(other.to_json())["initialViewState"]["longitude"] == 1.0
    deck.layers.append(copy.copy(deck.layers[0]))
    assert len(json.loads(deck.to_json())["layers"]) == len(deck.layers)
    # the remembered text is not itself part of the deck's JSON
    assert len(deck.to_json()) < 1.5 * len(first)
    assert "memo" not in deck.to_json().lower() and "memo" not in pdk.Deck.to_json(deck).lower()


def test_deck_opens_on_the_reach_area(flagship, geodata):
    view = json.loads(build_deck(flagship, geodata).to_json())["initialViewState"]
    assert 30 < view["longitude"] < 40 and 48 < view["latitude"] < 54
    assert 3 < view["zoom"] < 8


@pytest.mark.parametrize("lang", ["en", "uk"])
def test_text_layers_share_one_character_set_holding_every_label(flagship, geodata, lang):
    # one set -> deck.gl builds one font atlas per font instead of one per layer;
    # the round markers (one glyph in their own font, _marker_layer) have theirs
    from ranges.deck.primitives import MARKER

    spec = json.loads(build_deck(flagship, geodata, lang=lang).to_json())
    markers = [layer for layer in spec["layers"] if layer["@@type"] == "TextLayer"
               and all(row["text"] == MARKER for row in layer["data"])]  # fmt: skip
    assert markers and {layer["characterSet"] for layer in markers} == {MARKER}
    texts = [layer for layer in spec["layers"] if layer["@@type"] == "TextLayer"
             and layer not in markers]  # fmt: skip
    assert len(texts) >= 3
    sets = {layer["characterSet"] for layer in texts}
    assert len(sets) == 1
    chars = set(sets.pop())
    for layer in texts:
        for row in layer["data"]:
            assert set(row["text"]) - {"\n"} <= chars, (layer["id"], row["text"])
    if lang == "uk":
        assert {"К", "У", "Р", "С", "Ь"} <= chars


def test_deck_labels_in_ukrainian_use_cyrillic(flagship, geodata):
    labels = _records(_layers(build_deck(flagship, geodata, lang="uk"))["region-labels"])
    assert "КУРСЬКА ОБЛАСТЬ" in {rec["text"] for rec in labels}


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_deck_in_ukrainian_writes_no_latin_word_on_the_map(preset, geodata):
    """Every text layer of a Ukrainian map: cities without a Ukrainian name keep
    their marker but no Latin label (the check and its allowed designations are
    the static maps', tests/test_render_uk.py)."""
    from test_render_uk import latin_words

    deck = build_deck(evaluate(PRESETS[preset], geodata), geodata, lang="uk")
    texts = [rec["text"] for layer in _layers(deck).values()
             if layer.get("@@type") == "TextLayer" for rec in _records(layer)]  # fmt: skip
    assert texts and [t for t in texts if latin_words(t)] == []


def test_legend_lists_each_weapon_with_its_range_and_colour(two_cities):
    assert legend_items(two_cities) == [
        ("ATACMS M57 (unitary) (70–300 km)", PALETTE[0]),
        ("Storm Shadow / SCALP-EG (250 km)", PALETTE[1]),
    ]


def test_reach_layer_colour_is_the_weapon_colour(two_cities, geodata):
    layer = _layers(build_deck(two_cities, geodata))["reach-storm-shadow"]
    assert layer["getLineColor"] == [0, 114, 178, 255]
    assert math.isclose(layer["getFillColor"][3], 45)


@pytest.mark.parametrize(
    "colors, message",
    [
        ({"atacms-m57": "red"},
         "scenario.colors['atacms-m57']: 'red' is not a colour; write #RRGGBB"),
        ({"atacms-m57": "#12345"}, "'#12345' is not a colour"),
        ({"atacms-m57": "#1234567"}, "'#1234567' is not a colour"),
        ({"atacms-m57": 0xFF0000}, "16711680 is not a colour"),
        (["#FF0000"], "scenario.colors: ['#FF0000'] is not an object of weapon id -> #RRGGBB"),
        ({"": "#FF0000"}, "scenario.colors key: '' is empty"),
    ],
)
def test_bad_weapon_colours_are_refused_naming_field_and_value(colors, message):
    with pytest.raises(ScenarioError) as exc:
        Scenario.from_dict({"weapons": ["atacms-m57"], "colors": colors})
    assert message in str(exc.value)


def test_weapon_colours_are_kept_in_canonical_form_and_used_everywhere(geodata):
    s = Scenario.from_dict({
        "weapons": ["atacms-m57", "storm-shadow"],
        "sites": [{"name": "Sumy", "lat": 50.9077, "lon": 34.7981}],
        # #abc widened and upper-cased; the palette's own colour and a weapon
        # not on the map are dropped, so equal maps have equal scenarios
        "colors": {"storm-shadow": "#abc", "atacms-m57": "#d55e00", "taurus": "#000000"},
    })  # fmt: skip
    assert s.colors == (("storm-shadow", "#AABBCC"),)
    assert Scenario.from_dict(s.to_dict()) == s
    assert from_query(to_query(s), default=Scenario()) == (s, [])
    result = evaluate(s, geodata)
    assert [w.color for w in result.weapons] == ["#D55E00", "#AABBCC"]
    assert ("Storm Shadow / SCALP-EG (250 km)", "#AABBCC") in legend_items(result)
    uk = dict(legend_items(result, "uk"))  # weapons by their Ukrainian names, in км
    assert uk["ATACMS M57 (моноблочна) (70–300 км)"] == "#D55E00"
    reach = _layers(build_deck(result, geodata))["reach-storm-shadow"]
    assert reach["getLineColor"] == [170, 187, 204, 255]


def test_note_callouts_are_placed_where_they_cover_no_other(flagship, geodata):
    from ranges.deck import _place_notes, view_for

    view = view_for(flagship)
    spots = {(r["anchor"], r["baseline"]) for r in _place_notes(flagship.scenario.notes, view)}
    assert len(spots) >= 2  # Sudzha and Sumy sit close: not all on one side
    # four notes on one point take the four spots around it
    notes = [Note(f"note {i} " + "x" * 20, 50.9, 34.8) for i in range(4)]
    placed = _place_notes(notes, view)
    assert len({(r["anchor"], r["baseline"]) for r in placed}) == 4
    spec = json.loads(build_deck(flagship, geodata).to_json())
    (layer,) = [x for x in spec["layers"] if x["id"] == "notes"]
    assert layer["getAlignmentBaseline"] == "@@=baseline"
    assert {r["baseline"] for r in layer["data"]} <= {"top", "bottom"}


def _label_boxes(deck_spec, view):
    """Screen boxes (as ranges.deck estimates them) of every label the map shows,
    where deck.gl draws it: centred on its point plus its offset (the TextLayer's
    default anchor "middle" and baseline "center")."""
    from ranges.deck import _screen_px

    px = _screen_px(view)
    boxes = []
    for layer in deck_spec["layers"]:
        if layer["id"] not in ("target-labels", "region-labels", "country-labels"):
            continue
        for row in layer["data"]:
            size = row.get("size", 15 if layer["id"] == "country-labels" else 10)
            x, y = px(*row["position"])
            w, h = 0.6 * size * len(row["text"]) + 4, 1.2 * size + 2
            offset = row["offset"] if layer["id"] == "target-labels" else [0, 0]
            cx, cy = x + offset[0], y + offset[1]
            boxes.append((row["text"], (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)))
    return boxes


@pytest.mark.parametrize("lang", ["en", "uk"])
def test_map_labels_never_overlap_at_the_opening_zoom_and_countries_are_named(
    flagship, geodata, lang
):
    from ranges.deck import view_for

    spec = json.loads(build_deck(flagship, geodata, lang=lang, numbered_notes=True).to_json())
    boxes = _label_boxes(spec, view_for(flagship))
    for i, (a, p) in enumerate(boxes):
        for b, q in boxes[i + 1:]:
            assert p[2] < q[0] or p[0] > q[2] or p[3] < q[1] or p[1] > q[3], (a, b)
    countries = {r["text"] for r in _layers_of(spec)["country-labels"]["data"]}
    assert ({"RUSSIA", "UKRAINE", "BELARUS"} if lang == "en" else {"РОСІЯ", "УКРАЇНА"}) <= countries


def _layers_of(spec) -> dict:
    return {layer["id"]: layer for layer in spec["layers"]}


def test_map_draws_targets_by_relevance_and_borders_by_rank(flagship, geodata):
    spec = json.loads(build_deck(flagship, geodata).to_json())
    layers = _layers_of(spec)
    # dark: in range on the other side's ground (Russia, occupied Ukraine, Belarus)
    t = flagship.targets
    other_side = t[t["in_range"] & t["territory"].isin(["Russia", "Ukraine (occupied)",
                                                         "Belarus"])]  # fmt: skip
    dark = [r for r in layers["targets-cities"]["data"] if r["fill"][:3] == [20, 20, 20]]
    names = set(other_side["name"])
    assert dark and all(r["name"] in names for r in dark)
    assert "Sumy" not in {r["name"] for r in dark}  # own side: subdued
    # the rest: grey, in metres, so they appear only when zoomed in
    # (markers are a bullet glyph in a TextLayer, sized in metres: sizeUnits)
    assert layers["targets-other"]["sizeUnits"] == "meters"
    assert layers["targets-other"]["sizeMinPixels"] == 0
    # international borders heavier than oblast lines
    assert layers["country-borders"]["getWidth"] > 2 * layers["region-borders"]["getWidth"]


def test_map_uses_no_path_layer_or_text_background_without_a_gpu_cost(flagship, geodata):
    # PathLayer (and GeoJSON strokes, which are PathLayers), GeoJsonLayer and text
    # backgrounds cost seconds in Chromium's software WebGL (bench_dashboard.py); outlines are
    # LineLayers and notes are circles with numbers.
    spec = json.loads(build_deck(flagship, geodata, numbered_notes=True).to_json())
    types = {layer["@@type"] for layer in spec["layers"]}
    assert "PathLayer" not in types
    # fills are SolidPolygonLayers, but the occupied area (a GeoJSON feature, as
    # the HTML export's readers take it), drawn without a stroke
    geojson = [layer for layer in spec["layers"] if layer["@@type"] == "GeoJsonLayer"]
    assert [layer["id"] for layer in geojson] == ["occupied"] and not geojson[0]["stroked"]
    assert types <= {"SolidPolygonLayer", "GeoJsonLayer", "LineLayer", "ScatterplotLayer",
                     "TextLayer"}  # fmt: skip
    for layer in spec["layers"]:
        if layer["@@type"] == "TextLayer":
            assert not layer.get("background"), layer["id"]
    assert {"reach-atacms-m57-outline", "front-line", "country-borders"} <= set(_layers_of(spec))
    assert [r["text"] for r in _layers_of(spec)["notes"]["data"]] == ["1", "2", "3"]


@pytest.mark.parametrize(("lang", "kursk"), [("en", "Kursk"), ("uk", "Курськ")])
def test_the_flagship_map_names_kursk_even_where_a_note_marker_sits_above_it(
    flagship, geodata, lang, kursk
):
    spec = json.loads(build_deck(flagship, geodata, lang=lang, numbered_notes=True).to_json())
    texts = {r["text"] for r in _layers_of(spec)["target-labels"]["data"]}
    assert kursk in texts


def test_population_text_is_blank_without_a_population_and_sorts_as_numbers():
    values = pd.Series(pd.array([256474, None, 38305, 0, 1_234_567, 9000], dtype="Int64"))
    en = dash.population_text(values, "en")
    assert [t.strip() for t in en] == ["256,474", "", "38,305", "", "1,234,567", "9,000"]
    uk = dash.population_text(values, "uk")
    assert uk[0].strip() == "256\u202f474" and uk[1] == ""
    for text in (en, uk):
        filled = [t for t in text if t]
        assert len({len(t) for t in filled}) == 1  # one width: right-aligned in the table
        order = sorted(range(len(values)), key=lambda i: text[i])
        numbers = [int(values[i]) for i in order if text[i]]
        assert numbers == sorted(numbers)  # sorting the text sorts the numbers
    assert "None" not in "".join(en) and "0" != en[3]
