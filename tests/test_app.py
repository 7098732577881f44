"""Tests of the dashboard ``app.py`` through Streamlit's AppTest: every control,
the presets, the link (query parameters) and the messages shown for bad input.

AppTest runs the script in-process, with no browser; ``tests/test_e2e.py``
covers the real page.  Two controls need a little help:

* ``st.data_editor`` (launch sites, notes): AppTest has no ``set_value`` for
  editors, and seeding ``at.session_state`` does not fire ``on_change``.
  :func:`_edit_table` sends the edit state as the browser does (one extra
  widget state in the rerun), so the app's ``on_change`` callback runs.
* the pydeck map's click selection: sent the same way by :func:`_click_map`.
"""

from __future__ import annotations

import datetime
import html
import json
import re
from pathlib import Path

import pytest
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest

from ranges.presets import DEFAULT_PRESET, PRESETS
from ranges.scenario import Area, Note, Scenario, Site, from_query, to_query

APP = Path(__file__).resolve().parent.parent / "app.py"
FLAGSHIP_TITLE = "17 Nov 2024: ATACMS cleared for use inside Russia"
HEADLINE = re.compile(r'data-testid="headline">(.*?)</div>', re.S)


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------
def _open(query: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=120)
    if query:
        at.query_params.update(query)
    at.run()
    _ok(at)
    return at


def _ok(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]


def _run(at: AppTest) -> AppTest:
    at.run()
    _ok(at)
    return at


def headlines(at: AppTest) -> list[str]:
    out = []
    for m in at.markdown:
        out += [html.unescape(h) for h in HEADLINE.findall(m.value)]
    return out


def title(at: AppTest) -> str:
    return next(m.value[3:] for m in at.markdown if m.value.startswith("## "))


def scenario(at: AppTest) -> Scenario:
    return at.session_state["scenario"]


def url_scenario(at: AppTest) -> Scenario:
    """The scenario the page address holds after the last run."""
    got, warnings = from_query(dict(at.query_params), default=Scenario())
    assert warnings == []
    return got


def tables(at: AppTest):
    """The targets and regions tables (read-only dataframes, in page order)."""
    targets, regions = (d.value for d in at.dataframe if d.editing_mode == "read_only")
    return targets, regions


def messages(at: AppTest, kind: str) -> list[str]:
    return [e.value for e in getattr(at, kind)]


def send_widget_value(at: AppTest, element_id: str, value: str) -> AppTest:
    # What the browser sends when a data editor is edited, the map clicked or
    # a new option typed into a selectbox: the other widgets' states plus this
    # one's string (a private AppTest hook: AppTest has no public way to do it
    # for these widgets in this Streamlit version).
    states = at._tree.get_widget_states()
    keep = [w for w in states.widgets if w.id != element_id]
    del states.widgets[:]
    states.widgets.extend(keep)
    states.widgets.append(WidgetState(id=element_id, string_value=value))
    return at._run(states)


def edit_table(at: AppTest, prefix: str, *, edited=None, added=None, deleted=None) -> AppTest:
    key = f"{prefix}_{at.session_state[f'{prefix}_ver']}"
    editor = at.data_editor(key=key)
    edits = {"edited_rows": edited or {}, "added_rows": added or [], "deleted_rows": deleted or []}
    return send_widget_value(at, editor.proto.id, json.dumps(edits))


def click_map(at: AppTest, layer_id: str, obj: dict) -> AppTest:
    chart = at.get("deck_gl_json_chart")[0]
    selection = {"selection": {"indices": {layer_id: [0]}, "objects": {layer_id: [obj]}}}
    return send_widget_value(at, chart.proto.id, json.dumps(selection))


@pytest.fixture
def at() -> AppTest:
    """The app as a visitor first sees it (no link parameters)."""
    return _open()


# --------------------------------------------------------------------------
# Opening map
# --------------------------------------------------------------------------
def test_app_opens_on_the_flagship_preset_with_its_headline_and_no_errors(at):
    assert title(at) == FLAGSHIP_TITLE
    assert at.selectbox(key="preset").value == DEFAULT_PRESET
    assert scenario(at) == PRESETS[DEFAULT_PRESET]
    (line,) = headlines(at)
    assert line.startswith("ATACMS M57 (unitary) (300 km) from the Sumy border area:")
    assert "100% of Kursk region" in line
    assert any("lies where strikes are allowed" in c.value for c in at.caption)
    assert not messages(at, "error") and not messages(at, "warning")
    assert at.multiselect(key="w_ua").value == ["atacms-m57"]
    assert at.checkbox(key="strip_on").value is True
    assert at.number_input(key="strip_width").value == 60.0
    assert at.number_input(key="strip_standoff").value == 15.0
    assert at.selectbox(key="strip_within").value == "UA-59"
    # the overlay comes from the decisions table (US, 17 Nov 2024: Kursk region)
    assert at.checkbox(key="allowed_table").value is True
    assert at.multiselect(key="allowed").value == []
    assert at.date_input(key="as_of").value == datetime.date(2024, 11, 17)
    assert any("US, 17 Nov 2024" in c.value for c in at.caption)
    assert at.radio(key="lang").value == "en"
    assert {d.key for d in at.get("download_button")} == {"dl_targets", "dl_regions",
                                                         "dl_scenario"}  # fmt: skip
    assert len(at.get("deck_gl_json_chart")) == 1


def test_opening_map_writes_its_scenario_into_the_url(at):
    assert dict(at.query_params) == to_query(PRESETS[DEFAULT_PRESET])
    assert isinstance(at.session_state["_run_ms"], float)


def test_targets_and_regions_tables_show_what_is_in_range(at):
    targets, regions = tables(at)
    # One row per place in range on the other side's ground (what the headline
    # counts), launch-area towns apart: counted here from the result itself.
    df = at.session_state["scenario"]
    from ranges.evaluate import evaluate
    from ranges.geodata import load_geodata

    full = evaluate(df, load_geodata()).targets
    hit = full[full["in_range"] & full["territory"].isin(["Russia", "Ukraine (occupied)",
                                                          "Belarus"])]  # fmt: skip
    hit = hit[hit["distance_km"] > 0.05]
    places = set(zip(hit["lat"].round(3), hit["lon"].round(3), strict=True))
    # one row per spot; Lgov, a city and a place in the news, is one spot since the
    # data put the city on the news place's point (data/README, _news_place_twins)
    assert len(targets) == len(places) > 50
    assert list(targets["name"]).count("Lgov") == 1
    assert targets["distance_km"].max() <= 300 and targets["distance_km"].min() > 0
    assert "Kursk" in set(targets["name"]) and "Sumy" not in set(targets["name"])
    assert not targets.duplicated(["lat", "lon"]).any()
    assert not targets.isna().any().any()  # no "None" cells
    kursk = regions[regions["region_id"] == "RU-KRS"]
    assert kursk["covered_pct"].iloc[0] == pytest.approx(100, abs=0.5)


# --------------------------------------------------------------------------
# Weapons
# --------------------------------------------------------------------------
def test_adding_storm_shadow_adds_its_headline_and_updates_the_url(at):
    first = headlines(at)
    at.multiselect(key="w_ua").select("storm-shadow")
    _run(at)
    lines = headlines(at)
    assert len(lines) == 2 and lines[0] == first[0]
    assert lines[1].startswith("Storm Shadow / SCALP-EG (250 km) from the Sumy border area:")
    assert url_scenario(at).weapons == ("atacms-m57", "storm-shadow")
    assert dict(at.query_params) == to_query(scenario(at))


def test_russian_weapons_are_listed_after_ukrainian_ones(at):
    at.multiselect(key="w_ru").set_value(["kn-23"])
    at.multiselect(key="w_ua").set_value(["taurus"])
    _run(at)
    lines = headlines(at)
    assert [line.split(" (")[0] for line in lines] == ["Taurus KEPD 350", "KN-23 / Hwasong-11"]
    assert scenario(at).weapons == ("taurus", "kn-23")


def test_no_weapon_asks_for_one(at):
    at.multiselect(key="w_ua").set_value([])
    _run(at)
    assert headlines(at) == []
    assert "Choose one or more weapons in the sidebar." in messages(at, "info")


def test_changing_the_weapon_changes_the_headline(at):
    before = headlines(at)
    at.multiselect(key="w_ua").set_value(["gmlrs"])
    _run(at)
    (line,) = headlines(at)
    assert line != before[0] and line.startswith("GMLRS M30/M31 (70 km)")


# --------------------------------------------------------------------------
# Presets
# --------------------------------------------------------------------------
def test_every_preset_opens_from_the_selectbox_exactly(at):
    for pid, preset in [*PRESETS.items(), (DEFAULT_PRESET, PRESETS[DEFAULT_PRESET])]:
        at.selectbox(key="preset").set_value(pid)
        _run(at)
        assert scenario(at) == preset, pid
        assert title(at) == preset.title
        assert len(headlines(at)) == len(preset.weapons)
        assert url_scenario(at) == preset
        assert not messages(at, "error")


def test_russian_preset_headlines_name_the_ukrainian_focus_regions(at):
    at.selectbox(key="preset").set_value("russian-missiles-on-ukraine")
    _run(at)
    lines = headlines(at)
    assert lines[0].startswith("Iskander-M (9M723) (500 km) from Belgorod and Kursk:")
    assert all("Kharkiv region" in line for line in lines)


# --------------------------------------------------------------------------
# Launch sites
# --------------------------------------------------------------------------
def test_add_place_adds_a_city_as_a_launch_site(at):
    at.selectbox(key="add_place").set_value("Kharkiv")
    _run(at)
    assert scenario(at).sites == (Site("Kharkiv", 49.98177, 36.25475),)
    assert at.selectbox(key="preset").value == "custom"
    assert at.selectbox(key="add_place").value is None  # ready for the next one
    assert "from Kharkiv and the Sumy border area" in headlines(at)[0]
    assert url_scenario(at) == scenario(at)


def test_add_place_adds_a_region_as_a_launch_area(at):
    at.selectbox(key="add_place").set_value("Belgorod oblast (RU-BEL, RUS)")
    _run(at)
    assert "RU-BEL" in at.multiselect(key="area_regions").value
    assert Area("region", "Belgorod oblast", region_id="RU-BEL") in scenario(at).areas
    assert "Added Belgorod oblast (RU-BEL, RUS) as a launch area." in messages(at, "success")


def test_add_place_accepts_any_name_the_gazetteer_knows(at):
    send_widget_value(at, at.selectbox(key="add_place").id, "Київ")  # typed, not in the list
    _ok(at)
    assert [s.name for s in scenario(at).sites] == ["Kyiv"]


def test_add_coords_adds_a_site_and_clears_the_box(at):
    at.text_input(key="add_coords").input("50.0, 36.23")
    _run(at)
    (site,) = scenario(at).sites
    assert (site.lat, site.lon) == (50.0, 36.23)
    assert at.text_input(key="add_coords").value == ""
    at.text_input(key="add_coords").input("50.0, 36.23")
    _run(at)
    assert len(scenario(at).sites) == 1
    assert any("already a launch site" in m for m in messages(at, "info"))


def test_add_coords_garbage_shows_an_error_naming_the_value(at):
    before = scenario(at)
    at.text_input(key="add_coords").input("fifty north, xx")
    _run(at)
    (error,) = messages(at, "error")
    assert "'fifty north, xx'" in error
    assert scenario(at) == before


def test_add_coords_latitude_out_of_range_explains_the_order(at):
    at.text_input(key="add_coords").input("95, 30")
    _run(at)
    (error,) = messages(at, "error")
    assert "95" in error and "-90..90" in error


def test_add_coords_with_a_region_name_adds_a_launch_area_and_leaves_the_preset(at):
    at.text_input(key="add_coords").input("Kursk oblast")
    _run(at)
    assert "RU-KRS" in at.multiselect(key="area_regions").value
    assert at.selectbox(key="preset").value == "custom"


def test_sites_editor_adds_edits_switches_off_and_deletes_sites(at):
    edit_table(at, "sites", added=[{"name": "Sumy", "lat": 50.9, "lon": 34.8, "on": True}])
    _ok(at)
    assert scenario(at).sites == (Site("Sumy", 50.9, 34.8),)
    assert at.selectbox(key="preset").value == "custom"
    assert "from Sumy and the Sumy border area" in headlines(at)[0]

    edit_table(at, "sites", edited={"0": {"name": "Sumy city", "on": False}},
                added=[{"name": "Kharkiv", "lat": 49.98, "lon": 36.25}])  # fmt: skip
    _ok(at)
    assert scenario(at).sites == (Site("Sumy city", 50.9, 34.8, enabled=False),
                                  Site("Kharkiv", 49.98, 36.25))  # fmt: skip
    assert at.data_editor(key=f"sites_{at.session_state['sites_ver']}").value["name"].tolist() == [
        "Sumy city", "Kharkiv"
    ]  # fmt: skip
    assert "from Kharkiv and the Sumy border area" in headlines(at)[0]

    edit_table(at, "sites", deleted=[1])
    _ok(at)
    assert scenario(at).sites == (Site("Sumy city", 50.9, 34.8, enabled=False),)


def test_sites_editor_reports_a_bad_row_and_keeps_a_half_typed_one(at):
    edit_table(at, "sites", added=[{"name": "half", "lat": 50.0}])
    _ok(at)
    assert scenario(at).sites == ()  # waits for the longitude
    edit_table(at, "sites", added=[{"name": "bad", "lat": 50.0, "lon": 200.0}])
    _ok(at)
    assert scenario(at).sites == ()
    assert messages(at, "warning") == [
        "launch site row 1.lon: 200.0 is outside -180..180 (row left out)"
    ]


def test_clicking_a_town_on_the_map_adds_it_as_a_launch_site(at):
    click_map(at, "targets-cities", {"name": "Kursk", "position": [36.1846, 51.7269]})
    _ok(at)
    assert Site("Kursk", 51.7269, 36.1846) in scenario(at).sites


# --------------------------------------------------------------------------
# Launch areas
# --------------------------------------------------------------------------
def test_border_strip_off_leaves_no_launch_site(at):
    at.checkbox(key="strip_on").uncheck()
    _run(at)
    assert scenario(at).areas == ()
    assert any(m.startswith("Add a launch site") for m in messages(at, "info"))
    # No launch site, no headline (it used to say "from : no airfields, no cities").
    assert headlines(at) == []


def test_border_strip_width_and_standoff_change_the_area_and_headline(at):
    before = headlines(at)[0]
    at.number_input(key="strip_width").set_value(100.0)
    at.number_input(key="strip_standoff").set_value(20.0)
    at.selectbox(key="strip_within").set_value("")
    _run(at)
    (strip,) = scenario(at).areas
    assert (strip.width_km, strip.standoff_km, strip.within) == (100.0, 20.0, "")
    assert headlines(at)[0] != before
    assert url_scenario(at).areas == (strip,)


def test_standoff_not_below_width_shows_an_error_and_keeps_the_last_map(at):
    before = headlines(at)
    at.number_input(key="strip_standoff").set_value(100.0)
    _run(at)
    (error,) = messages(at, "error")
    assert "standoff 100 km must be less than the width 60 km" in error
    assert "last valid settings" in error
    assert headlines(at) == before


def test_regions_as_launch_areas(at):
    at.checkbox(key="strip_on").uncheck()
    at.multiselect(key="area_regions").set_value(["UA-59", "UA-63"])
    _run(at)
    assert [a.region_id for a in scenario(at).areas] == ["UA-59", "UA-63"]
    assert headlines(at)[0].startswith("ATACMS M57 (unitary) (300 km) from Sumy oblast and "
                                       "Kharkiv oblast:")  # fmt: skip


FRONT = {
    "type": "FeatureCollection",
    "features": [{"type": "Feature", "properties": {},
                  "geometry": {"type": "LineString", "coordinates": [[37.6, 47.1], [38.5, 49.3]]}}],
}  # fmt: skip


def test_area_upload_adds_a_geojson_launch_area(at):
    at.checkbox(key="strip_on").uncheck()
    at.file_uploader(key="area_upload").upload("front line.geojson", json.dumps(FRONT).encode(),
                                               "application/geo+json")  # fmt: skip
    _run(at)
    assert "Added launch area 'front line' from front line.geojson." in messages(at, "success")
    (area,) = scenario(at).areas
    assert area.kind == "geojson" and area.name == "front line"
    assert json.loads(area.geometry)["type"] == "LineString"
    assert headlines(at)[0].startswith("ATACMS M57 (unitary) (300 km) from front line:")
    assert url_scenario(at).areas == (area,)
    at.button[0].click()  # "Remove uploaded areas"
    _run(at)
    assert scenario(at).areas == ()


def test_area_upload_keeps_a_self_crossing_line_as_given_and_splits_a_mixed_file_by_kind(at):
    at.checkbox(key="strip_on").uncheck()
    zigzag = [[36.0, 48.0], [36.4, 48.4], [36.4, 48.0], [36.0, 48.4]]  # crosses itself once
    doc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {},
         "geometry": {"type": "LineString", "coordinates": zigzag}},
        {"type": "Feature", "properties": {},
         "geometry": {"type": "Point", "coordinates": [35.0, 48.5]}},
    ]}  # fmt: skip
    at.file_uploader(key="area_upload").upload("mixed.geojson", json.dumps(doc).encode(),
                                               "application/geo+json")  # fmt: skip
    _run(at)
    areas = scenario(at).areas
    kinds = sorted(json.loads(a.geometry)["type"] for a in areas)
    assert kinds == ["LineString", "Point"], kinds
    line = next(a for a in areas if json.loads(a.geometry)["type"] == "LineString")
    # not noded at its crossing: the four vertices the user gave, in order
    assert json.loads(line.geometry)["coordinates"] == zigzag
    assert {a.name for a in areas} == {"mixed 1", "mixed 2"}


def test_area_upload_of_a_bad_file_shows_an_error_naming_the_file(at):
    at.file_uploader(key="area_upload").upload("bad.geojson", b'{"type": "Feature"',
                                               "application/geo+json")  # fmt: skip
    _run(at)
    (error,) = messages(at, "error")
    assert "bad.geojson" in error
    assert scenario(at) == PRESETS[DEFAULT_PRESET]


# --------------------------------------------------------------------------
# Targets and overlay
# --------------------------------------------------------------------------
def test_target_layers_choose_what_is_counted(at):
    at.multiselect(key="kinds").set_value(["airfields"])
    _run(at)
    assert scenario(at).target_kinds == ("airfields",)
    line = headlines(at)[0]
    assert "airfields" in line and "cities with" not in line
    assert set(tables(at)[0]["type"]) <= {"airfield", "military airfield",
                                                   "civil airfield", "airport"}  # fmt: skip


def test_targets_upload_csv_adds_user_targets(at):
    csv = "name,lat,lon\nDepot =1,51.7,36.2\nБаза,52.0,35.5\nFar away,60.0,60.0\n"
    at.file_uploader(key="targets_upload").upload("mine.csv", csv.encode(), "text/csv")
    _run(at)
    assert "Loaded 3 targets from mine.csv." in messages(at, "success")
    names = [t.name for t in scenario(at).user_targets]
    assert names == ["Depot =1", "База", "Far away"]
    shown = set(tables(at)[0]["name"])
    assert {"Depot =1", "База"} <= shown and "Far away" not in shown


def test_upload_limit_follows_the_server_setting():
    # server.maxUploadSize (config.toml, --server.maxUploadSize or the
    # environment) also sets the limit the readers enforce, with the file named
    from streamlit import config

    before = config.get_option("server.maxUploadSize")
    config.set_option("server.maxUploadSize", 1)
    try:
        at = _open()
        big = "name,lat,lon\n" + "x,51.7,36.2\n" * 120_000  # 1.4 MB
        at.file_uploader(key="targets_upload").upload("big.csv", big.encode(), "text/csv")
        _run(at)
        (error,) = messages(at, "error")
        assert error.startswith("big.csv") and "the limit is 1 MB" in error
        assert scenario(at).user_targets == ()
    finally:
        config.set_option("server.maxUploadSize", before)


def test_targets_upload_geojson_points(at):
    points = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "Bridge"},
         "geometry": {"type": "Point", "coordinates": [36.0, 51.5]}}]}  # fmt: skip
    at.file_uploader(key="targets_upload").upload("t.geojson", json.dumps(points).encode())
    _run(at)
    assert [t.name for t in scenario(at).user_targets] == ["Bridge"]


def test_targets_upload_bad_csv_names_the_file(at):
    at.file_uploader(key="targets_upload").upload("t.csv", b"\xff\xfe\x00garbage", "text/csv")
    _run(at)
    (error,) = messages(at, "error")
    assert error.startswith("t.csv")
    assert scenario(at).user_targets == ()


def test_allowed_regions_control_the_authorization_sentence(at):
    at.checkbox(key="allowed_table").set_value(False)
    at.multiselect(key="allowed").set_value([])
    _run(at)
    assert not any("strikes are allowed" in c.value for c in at.caption)
    assert scenario(at).allowed_from_table is False
    at.multiselect(key="allowed").set_value(["RU-KRS", "RU-BEL"])
    _run(at)
    (auth,) = [c.value for c in at.caption if "strikes are allowed" in c.value]
    assert auth.startswith("ATACMS M57 (unitary): allowed and in range:")
    assert scenario(at).allowed_regions == ("RU-KRS", "RU-BEL")


def test_focus_regions_are_quoted_in_the_headline(at):
    at.multiselect(key="focus").set_value(["RU-BEL", "RU-KRS"])
    _run(at)
    line = headlines(at)[0]
    # the headline counts Russia first; occupied Ukraine and Belarus follow
    assert re.search(r"\d+% of Belgorod region, 100% of Kursk region; in occupied Ukraine", line)


def test_min_population_is_kept_in_the_scenario_and_link(at):
    at.number_input(key="min_population").set_value(500_000)
    _run(at)
    assert scenario(at).min_population == 500_000
    assert url_scenario(at).min_population == 500_000


def test_notes_editor_adds_and_deletes_notes(at):
    n = len(scenario(at).notes)
    edit_table(at, "notes", added=[{"text": "HQ", "lat": 51.0, "lon": 35.0, "source": "me"}])
    _ok(at)
    assert scenario(at).notes[-1] == Note("HQ", 51.0, 35.0, "me")
    assert len(scenario(at).notes) == n + 1
    assert any("Note “HQ”: me" in m.value for m in at.markdown)
    edit_table(at, "notes", deleted=list(range(n)))
    _ok(at)
    assert scenario(at).notes == (Note("HQ", 51.0, 35.0, "me"),)


def test_notes_editor_reports_a_bad_row(at):
    edit_table(at, "notes", edited={"0": {"lat": 100.0}})
    _ok(at)
    assert messages(at, "warning") == ["note row 1.lat: 100.0 is outside -90..90 (row left out)"]
    assert len(scenario(at).notes) == len(PRESETS[DEFAULT_PRESET].notes) - 1


# --------------------------------------------------------------------------
# Display
# --------------------------------------------------------------------------
def test_ukrainian_labels_name_regions_in_ukrainian(at):
    at.radio(key="lang").set_value("uk")
    _run(at)
    assert scenario(at).lang == "uk"
    regions = tables(at)[1]
    assert "Курська область" in set(regions["регіон"])
    assert "Суджа" in set(tables(at)[0]["назва"])
    assert url_scenario(at).lang == "uk"


def test_the_language_switch_changes_the_whole_page(at):
    from ranges.dashboard import texts

    at.radio(key="lang").set_value("uk")
    _run(at)
    uk = texts("uk")
    assert title(at) == html.escape(PRESETS[DEFAULT_PRESET].title_in("uk"))
    # weapons by their Ukrainian names: headline, legend, the weapon chips' options
    assert headlines(at)[0].startswith("ATACMS M57 (моноблочна) (300 км), пуск: ")
    assert "у Росії" in headlines(at)[0] and " from " not in headlines(at)[0]
    assert uk["legend_front"] in _legend_html(at)
    assert "ATACMS M57 (моноблочна)" in _legend_html(at) and "unitary" not in _legend_html(at)
    assert "ATACMS M57 (моноблочна) – 300 км" in at.multiselect(key="w_ua").options
    assert at.selectbox(key="preset").label == uk["preset"]
    assert at.multiselect(key="w_ua").label == uk["side:Ukraine and partners"]
    assert at.toggle(key="tiles").label == uk["tiles"] and "Carto" in uk["tiles"]
    assert at.tabs[0].label == uk["tab_targets"]
    # regions by their Ukrainian names in every region control, the choices kept
    assert "Курська область (RU-KRS, RUS)" in at.multiselect(key="allowed").options
    assert "Сумська область (UA-59, UKR)" in at.selectbox(key="strip_within").options
    assert at.multiselect(key="focus").value == ["RU-KRS"]  # the preset's focus, kept
    assert any(uk["footer"].split(";")[0] in c.value for c in at.caption)
    auth = [c.value for c in at.caption if "ATACMS M57" in c.value and "км²" in c.value]
    assert auth and "США, 17 листопада 2024" in auth[0] and "strikes inside" not in auth[0]
    assert auth[0].startswith("ATACMS M57 (моноблочна):")  # the weapon by its Ukrainian name
    at.toggle(key="ex_open").set_value(True)
    _run(at)
    assert at.selectbox(key="ex_theme").options == [uk["theme:light"], uk["theme:dark"]]
    assert uk["size:web"] + " @2x" in at.selectbox(key="ex_size").options
    at.radio(key="lang").set_value("en")
    _run(at)
    assert headlines(at)[0].startswith("ATACMS M57 (unitary) (300 km) from ")
    assert "Kursk oblast (RU-KRS, RUS)" in at.multiselect(key="allowed").options
    assert at.selectbox(key="ex_theme").proto.raw_value == "light"
    assert at.selectbox(key="preset").label == "Preset"


def test_the_language_switch_relabels_the_chosen_preset_in_the_browser(at):
    """The browser shows a selectbox's chosen option by the label it was last
    sent; after the switch the page must send the chosen preset's new label."""
    before = scenario(at)
    at.radio(key="lang").set_value("uk")
    _run(at)
    box = at.selectbox(key="preset").proto
    assert box.set_value and box.raw_value == PRESETS[DEFAULT_PRESET].title_in("uk")
    within = at.selectbox(key="strip_within").proto  # labelled "all Ukraine" when unset
    assert within.set_value and within.raw_value in within.options
    chips = at.multiselect(key="w_ua").proto  # the chosen weapons' chips
    assert chips.set_value and "ATACMS M57 (моноблочна) – 300 км" in chips.raw_values
    kinds = at.multiselect(key="kinds").proto
    assert kinds.set_value and set(kinds.raw_values) <= set(kinds.options)
    assert len(kinds.raw_values) == len(at.session_state["kinds"]) > 0
    at.radio(key="lang").set_value("en")
    _run(at)  # and back: the map stays the preset, every choice kept
    assert at.selectbox(key="preset").proto.raw_value == FLAGSHIP_TITLE
    assert at.session_state["preset"] == DEFAULT_PRESET and title(at) == FLAGSHIP_TITLE
    assert scenario(at).replace(title=before.title, subtitle=before.subtitle) == before


def test_editing_a_preset_makes_the_title_the_users_and_says_so(at):
    assert title(at) == FLAGSHIP_TITLE
    at.selectbox(key="add_place").set_value("Kharkiv")
    _run(at)
    assert at.selectbox(key="preset").value == "custom"
    s = scenario(at)
    assert s.title == s.subtitle == s.title_uk == s.subtitle_uk == ""
    # a title made from what is on the map, not the preset's
    assert title(at).startswith("Reach of ATACMS M57 (unitary)") and "Kharkiv" in title(at)
    assert any("your own map" in c.value.lower() or "17 Nov 2024" in c.value
               for c in at.sidebar.caption)  # fmt: skip
    at.text_input(key="title").input("My map")
    _run(at)
    assert title(at) == "My map"


def test_chosen_weapons_show_their_map_colour_in_the_sidebar(at):
    at.multiselect(key="w_ru").set_value(["kn-23"])
    _run(at)
    swatch = next(m.value for m in at.sidebar.markdown if "weapon-swatches" in m.value)
    css = next(m.value for m in at.sidebar.markdown if m.value.startswith("<style>"))
    lines = headlines(at)
    heads = [m.value for m in at.markdown if 'data-testid="headline"' in m.value]
    for name in ("ATACMS M57", "KN-23"):
        color = next(h.split("solid ")[1][:7] for h in heads if name in h)
        assert color in swatch and color in css and color in _legend_html(at)
    assert len(lines) == 2
    # the sidebar's chips take the same colours (CSS on the multiselects' tags)
    assert '.st-key-w_ru [data-tag][aria-label="KN-23 / Hwasong-11' in css


def test_carto_basemap_toggle_runs(at):
    at.toggle(key="tiles").set_value(True)
    _run(at)
    assert at.toggle(key="tiles").value is True
    assert headlines(at)


def _legend_html(at: AppTest) -> str:
    return next(m.value for m in at.markdown if 'data-testid="legend"' in m.value)


def test_colour_picker_recolours_legend_headline_and_link(at):
    at.multiselect(key="w_ua").set_value(["atacms-m57", "storm-shadow"])
    _run(at)
    assert at.color_picker(key="col_storm-shadow").value.upper() == "#0072B2"  # palette
    at.color_picker(key="col_storm-shadow").pick("#1a2b3c")
    _run(at)
    s = scenario(at)
    assert dict(s.colors) == {"storm-shadow": "#1A2B3C"}
    assert url_scenario(at) == s
    assert "#1A2B3C" in _legend_html(at) and "#D55E00" in _legend_html(at)
    assert any("#1A2B3C" in m.value and 'data-testid="headline"' in m.value for m in at.markdown)
    assert at.selectbox(key="preset").value == "custom"
    # the chosen colour stays with its weapon when another is removed
    at.multiselect(key="w_ua").set_value(["storm-shadow"])
    _run(at)
    assert dict(scenario(at).colors) == {"storm-shadow": "#1A2B3C"}
    at.button(key="colors_reset").click()
    _run(at)
    assert scenario(at).colors == ()
    assert at.color_picker(key="col_storm-shadow").value.upper() == "#D55E00"


def test_link_with_a_bad_colour_warns_and_never_reaches_the_page():
    import base64
    import zlib

    s = PRESETS[DEFAULT_PRESET].to_dict()
    s["colors"] = {"atacms-m57": "red;background:url(https://x)"}
    raw = zlib.compress(json.dumps(s).encode("utf-8"))
    at = _open({"v": "1", "s": base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")})
    assert any("is not a colour" in w for w in messages(at, "warning"))
    assert "url(" not in "".join(m.value for m in at.markdown)
    assert scenario(at) == PRESETS[DEFAULT_PRESET]


def test_title_and_subtitle_are_shown_escaped_and_saved(at):
    at.text_input(key="title").input("<b>Kursk</b> & Sumy")
    at.text_input(key="subtitle").input("Харків")
    _run(at)
    assert title(at) == "&lt;b&gt;Kursk&lt;/b&gt; &amp; Sumy"
    assert "Харків" in [c.value for c in at.caption]
    assert url_scenario(at).title == "<b>Kursk</b> & Sumy"


def test_scenario_upload_opens_the_file(at):
    s = PRESETS["taurus-from-kyiv-region"].replace(title="From a file", lang="uk")
    at.file_uploader(key="scenario_upload").upload("map.json", s.to_json().encode(),
                                                   "application/json")  # fmt: skip
    _run(at)
    # the file is in Ukrainian, so the page (and its message) is too
    assert "Відкрито сценарій map.json." in messages(at, "success")
    assert scenario(at) == s
    assert title(at) == html.escape(s.title_in("uk"))


def test_scenario_upload_of_a_bad_file_names_file_and_field(at):
    bad = PRESETS["taurus-from-kyiv-region"].to_dict()
    bad["sites"][0]["lat"] = 95.0
    at.file_uploader(key="scenario_upload").upload("map.json", json.dumps(bad).encode())
    _run(at)
    assert messages(at, "error") == ["map.json: scenario.sites[0].lat: 95.0 is outside -90..90"]
    assert scenario(at) == PRESETS[DEFAULT_PRESET]


def test_scenario_upload_with_an_unknown_weapon_suggests_ids(at):
    bad = PRESETS["taurus-from-kyiv-region"].to_dict()
    bad["weapons"] = ["atacms"]
    at.file_uploader(key="scenario_upload").upload("map.json", json.dumps(bad).encode())
    _run(at)
    (error,) = messages(at, "error")
    assert "'atacms' is not in the weapon catalog" in error and "'atacms-m57'" in error


# --------------------------------------------------------------------------
# The link
# --------------------------------------------------------------------------
def _custom_scenario() -> Scenario:
    return PRESETS["taurus-from-kyiv-region"].replace(
        title="Тест <script>alert(1)</script>",
        subtitle="a subtitle",
        weapons=("storm-shadow", "iskander-m"),
        sites=(Site("Харків", 49.98, 36.25), Site("Off", 50.5, 30.1, enabled=False)),
        areas=(
            Area("region", "Belgorod oblast", region_id="RU-BEL"),
            Area("border-strip", "strip A", width_km=50.0, standoff_km=10.0, within="UA-63"),
        ),
        target_kinds=("cities", "places"),
        allowed_regions=("RU-KRS", "RU-BEL"),
        focus_regions=("RU-BEL",),
        notes=(Note("a note", 50.0, 30.0, "a source"),),
        lang="uk",
        min_population=250_000,
        preset="",
        colors=(("iskander-m", "#112233"),),
    )


def test_link_reopens_a_custom_scenario_exactly():
    s = _custom_scenario()
    at = _open(to_query(s))
    assert scenario(at) == s
    assert dict(at.query_params) == to_query(s)
    assert at.selectbox(key="preset").value == "custom"
    assert title(at) == html.escape(s.title_in(s.lang))
    # the link's language is Ukrainian: weapons by their Ukrainian names
    assert [line.split(" (")[0] for line in headlines(at)] == ["Storm Shadow / SCALP-EG",
                                                               "Іскандер-М"]  # fmt: skip
    assert not messages(at, "warning")


def test_link_reopens_area_names_disabled_areas_and_two_strips_exactly():
    s = _custom_scenario().replace(areas=(
        Area("region", "Kursk region", region_id="RU-KRS", enabled=False),
        Area("border-strip", "strip A", width_km=50.0, standoff_km=10.0),
        Area("border-strip", "strip B", width_km=80.0, standoff_km=0.0),
    ))  # fmt: skip
    at = _open(to_query(s))
    assert scenario(at) == s


def test_tampered_link_shows_a_warning_and_the_default_map():
    query = to_query(_custom_scenario())
    query["s"] = query["s"][:40] + "Zz" + query["s"][42:]
    at = _open(query)
    (warning,) = messages(at, "warning")
    assert warning.startswith("The link's scenario could not be read:")
    assert title(at) == FLAGSHIP_TITLE
    assert scenario(at) == PRESETS[DEFAULT_PRESET]
    assert dict(at.query_params) == to_query(PRESETS[DEFAULT_PRESET])


def test_link_with_a_preset_id_opens_that_preset():
    at = _open({"preset": "russian-missiles-on-ukraine"})
    assert scenario(at) == PRESETS["russian-missiles-on-ukraine"]
    assert "preset" not in at.query_params  # rewritten as s=


def test_link_with_an_unknown_preset_warns_and_opens_the_default():
    at = _open({"preset": "nope"})
    (warning,) = messages(at, "warning")
    assert "preset='nope' is not a preset" in warning
    assert title(at) == FLAGSHIP_TITLE


def test_link_with_an_unknown_weapon_warns_and_opens_the_default():
    at = _open({"weapon": "atacms"})
    (warning,) = messages(at, "warning")
    assert "'atacms' is not in the weapon catalog" in warning
    assert "Showing the default map" in warning
    assert scenario(at) == PRESETS[DEFAULT_PRESET]


def test_hand_written_link_with_weapon_and_launch_names():
    at = _open({"weapon": "storm-shadow", "launch": "Kharkiv;Atlantis"})
    s = scenario(at)
    assert s.weapons == ("storm-shadow",)
    assert [site.name for site in s.sites] == ["Kharkiv"]
    assert s.areas == ()
    (warning,) = messages(at, "warning")
    assert "launch='Atlantis' ignored" in warning
    assert headlines(at)[0].startswith("Storm Shadow / SCALP-EG (250 km) from Kharkiv:")


def test_url_follows_every_change(at):
    at.multiselect(key="w_ru").set_value(["iskander-m"])
    at.text_input(key="add_coords").input("50.0, 36.23")
    _run(at)
    reopened = _open(dict(at.query_params))
    assert scenario(reopened) == scenario(at)
    assert headlines(reopened) == headlines(at)


# ------------------------------------------------------------------ the date
def test_the_date_control_dates_the_scenario_the_link_and_the_territories(at):
    at.date_input(key="as_of").set_value(datetime.date(2025, 6, 1))
    _run(at)
    assert scenario(at).as_of == "2025-06-01"
    assert at.selectbox(key="preset").value == "custom"
    reopened = _open(dict(at.query_params))
    assert reopened.date_input(key="as_of").value == datetime.date(2025, 6, 1)
    assert not messages(reopened, "error")


@pytest.mark.parametrize(("as_of", "nearest"), [("2023-02-24", "2024-07-08"),
                                                 ("2031-01-01", "2026-08-22")])  # fmt: skip
def test_a_link_dated_outside_the_data_warns_and_shows_the_nearest_date(as_of, nearest):
    opened = _open({"preset": "atacms-nov-2024", "as_of": as_of})
    warnings = messages(opened, "warning")
    assert any(as_of in w and nearest in w and "outside" in w for w in warnings), warnings
    assert opened.date_input(key="as_of").value == datetime.date.fromisoformat(nearest)
    assert scenario(opened).as_of == nearest
    assert not messages(opened, "error")


def test_the_targets_table_has_territory_and_keeps_one_side(at):
    table = tables(at)[0]
    assert {"country", "territory"} <= set(table.columns)
    # by default the other side's ground of the chosen weapons, as the headline counts
    assert set(table["territory"]) == {"Russia", "Ukraine (occupied)", "Belarus"}
    at.multiselect(key="territory_filter").set_value(["Russia", "Ukraine (held)"])
    _run(at)
    table = tables(at)[0]
    assert "Russia" in set(table["territory"]) and "Ukraine (held)" in set(table["territory"])
    at.multiselect(key="territory_filter").set_value(["Russia"])
    _run(at)
    table = tables(at)[0]
    assert len(table) and set(table["territory"]) == {"Russia"}
    assert set(table["country"]) == {"RUS"}


def test_front_strip_held_and_occupied_launch_areas_follow_the_date(at):
    at.checkbox(key="strip_on").set_value(False)
    at.checkbox(key="front_on").set_value(True)
    at.number_input(key="front_width").set_value(40.0)
    at.number_input(key="front_standoff").set_value(10.0)
    _run(at)
    (front,) = [a for a in scenario(at).areas if a.kind == "front-strip"]
    assert (front.width_km, front.standoff_km) == (40.0, 10.0)
    assert not messages(at, "error")
    assert headlines(at)[0].startswith("ATACMS M57 (unitary) (300 km) from Front strip 10-40 km")
    reopened = _open(dict(at.query_params))
    assert reopened.checkbox(key="front_on").value is True
    assert scenario(reopened) == scenario(at)
    at.checkbox(key="front_on").set_value(False)
    at.checkbox(key="occupied_on").set_value(True)
    at.multiselect(key="w_ua").set_value([])
    at.multiselect(key="w_ru").set_value(["iskander-m"])
    _run(at)
    assert [a.kind for a in scenario(at).areas] == ["occupied"]
    line = headlines(at)[0]
    assert "from Occupied territory of Ukraine: in Ukrainian-held territory" in line


def _wiggly_line(n: int) -> dict:
    """A launch line of ``n`` vertices that does not compress: a random walk near Sumy."""
    import random

    rng = random.Random(7)
    x, y, coords = 34.0, 50.5, []
    for _ in range(n):
        x += rng.uniform(-0.01, 0.01)
        y += rng.uniform(-0.01, 0.01)
        coords.append([round(x, 5), round(y, 5)])
    return {"type": "LineString", "coordinates": coords}


def test_a_link_that_cannot_hold_the_map_is_not_written_and_the_page_says_so(at):
    from app import MAX_URL_CHARS

    before = dict(at.query_params)
    assert from_query(before, default=Scenario())[0] == scenario(at)  # the link holds the map
    at.checkbox(key="strip_on").uncheck()
    line = json.dumps(_wiggly_line(1_500)).encode()
    at.file_uploader(key="area_upload").upload("long line.geojson", line, "application/geo+json")
    _run(at)
    s = scenario(at)
    assert any(a.name == "long line" for a in s.areas)
    assert len("&".join(f"{k}={v}" for k, v in to_query(s).items())) > MAX_URL_CHARS
    # the address keeps the last map that fitted; the page says it cannot hold this one
    assert dict(at.query_params) == before
    warnings = messages(at, "warning")
    assert any("no longer fits in the page address" in w for w in warnings), warnings
    assert any(b.label == "Download scenario (JSON)" for b in at.get("download_button"))
    # and once the map fits again, the address follows it again
    at.button[0].click()  # "Remove these areas"
    _run(at)
    assert not any("no longer fits" in w for w in messages(at, "warning"))
    assert url_scenario(at) == scenario(at)


def test_export_preview_says_what_the_map_leaves_out(at, monkeypatch):
    from ranges import render

    said = "Target 'T9' lies outside the map"
    monkeypatch.setattr(render, "figure_warnings", lambda fig: [said])
    at.toggle(key="ex_open").set_value(True)
    _run(at)
    at.text_input(key="ex_credit").set_value("Map: test of warnings")  # a fresh cache entry
    _run(at)
    assert said in messages(at, "warning")
