"""The scenario's date (``as_of``): files, links, presets and the command line."""

from __future__ import annotations

import json

import pytest

from ranges.cli import main
from ranges.presets import PRESETS
from ranges.scenario import (
    READABLE_SCHEMAS,
    SCHEMA_VERSION,
    Scenario,
    ScenarioError,
    check_as_of,
    from_query,
    scenario_from_json,
    to_query,
)
from ranges.territory import coverage


def _v1_file(**extra) -> str:
    doc = {"schema": 1, "title": "old map", "weapons": ["atacms-m57"],
           "sites": [{"name": "Sumy", "lat": 50.9077, "lon": 34.7981}], **extra}  # fmt: skip
    return json.dumps(doc)


def test_schema_is_2_and_still_reads_1():
    assert SCHEMA_VERSION == 2 and READABLE_SCHEMAS == (1, 2)


def test_a_schema_1_file_loads_as_of_the_newest_data():
    scenario = scenario_from_json(_v1_file())
    assert scenario.as_of == coverage()[1].isoformat()
    assert scenario.schema == 2
    # and it is written back as a schema-2 file that keeps that date
    again = scenario_from_json(scenario.to_json())
    assert again == scenario and json.loads(scenario.to_json())["schema"] == 2


def test_a_schema_1_file_cannot_carry_a_date():
    with pytest.raises(ScenarioError, match=r"'as_of' needs schema 2"):
        scenario_from_json(_v1_file(as_of="2024-11-17"))


@pytest.mark.parametrize("as_of", ["2024-11-17", "2025-06-01", "2026-08-22"])
def test_a_dated_scenario_round_trips_exactly_through_json_and_the_link(as_of):
    scenario = PRESETS["atacms-nov-2024"].replace(as_of=as_of)
    assert scenario_from_json(scenario.to_json()) == scenario
    back, warnings = from_query(to_query(scenario), default=Scenario())
    assert back == scenario and not warnings
    assert back.as_of == as_of


@pytest.mark.parametrize(
    ("value", "rule"),
    [
        ("17/11/2024", "is not a date; write YYYY-MM-DD"),
        ("2024-02-30", "is not a calendar date"),
        ("2024-11-17T00:00", "is not a date"),
        (20241117, "is not a date"),
        ("", "is not a date"),
    ],
)
def test_a_malformed_date_names_the_field_the_value_and_the_rule(value, rule):
    with pytest.raises(ScenarioError) as err:
        check_as_of(value, "scenario.as_of")
    assert str(err.value).startswith(f"scenario.as_of: {value!r} ")
    assert rule in str(err.value)
    doc = json.loads(PRESETS["atacms-nov-2024"].to_json())
    doc["as_of"] = value
    if value == "":  # an empty date in a file means the newest data, like a missing one
        assert scenario_from_json(json.dumps(doc)).as_of == coverage()[1].isoformat()
    else:
        with pytest.raises(ScenarioError, match=r"scenario\.as_of"):
            scenario_from_json(json.dumps(doc), source="map.json")


def test_every_preset_carries_its_story_date_inside_the_data():
    first, last = coverage()
    for pid, scenario in PRESETS.items():
        assert scenario.as_of, pid
        assert first.isoformat() <= scenario.as_of <= last.isoformat(), pid
    assert PRESETS["atacms-nov-2024"].as_of == "2024-11-17"


def test_link_as_of_parameter_sets_the_date_and_a_bad_one_warns():
    default = PRESETS["atacms-nov-2024"]
    scenario, warnings = from_query({"as_of": "2025-03-01"}, default=default)
    assert scenario.as_of == "2025-03-01" and not warnings
    scenario, warnings = from_query({"as_of": "yesterday"}, default=default)
    assert scenario.as_of == default.as_of
    assert warnings and "as_of" in warnings[0] and "'yesterday'" in warnings[0]


# ------------------------------------------------------------------ command line
def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_presets_command_lists_every_preset_with_its_date(capsys):
    code, out, _ = _run(capsys, "presets", "--format", "json")
    rows = json.loads(out)
    assert code == 0
    assert {r["id"]: r["as_of"] for r in rows} == {k: v.as_of for k, v in PRESETS.items()}
    code, out, _ = _run(capsys, "presets")
    assert code == 0 and "atacms-nov-2024" in out and "2024-11-17" in out


def test_headline_takes_a_preset_for_its_launch_area_and_weapons(capsys):
    code, out, err = _run(capsys, "headline", "--preset", "atacms-nov-2024")
    assert code == 0, err
    assert out.startswith("ATACMS M57") and "the Sumy border area" in out


def test_reach_with_a_preset_uses_its_first_weapon_unless_told_otherwise(capsys):
    code, out, err = _run(capsys, "reach", "--preset", "atacms-nov-2024")
    assert code == 0, err
    props = json.loads(out)["features"][0]["properties"]
    assert props["weapon"] == "atacms-m57"
    code, out, err = _run(capsys, "reach", "--preset", "atacms-nov-2024", "--weapon", "gmlrs")
    assert code == 0, err
    assert json.loads(out)["features"][0]["properties"]["weapon"] == "gmlrs"


def test_options_override_the_preset_part_by_part(capsys, tmp_path):
    from ranges.cli import build_parser, scenario_from_args

    args = build_parser().parse_args(
        ["export", "--preset", "atacms-nov-2024", "--weapon", "storm-shadow",
         "--as-of", "2025-02-01", "--out", str(tmp_path / "m.geojson")]
    )  # fmt: skip
    scenario = scenario_from_args(args)
    flagship = PRESETS["atacms-nov-2024"]
    assert scenario.weapons == ("storm-shadow",)
    assert scenario.as_of == "2025-02-01"
    assert scenario.areas == flagship.areas and scenario.notes == flagship.notes
    assert scenario.allowed_regions == flagship.allowed_regions


def test_unknown_preset_exits_2_naming_the_known_ones(capsys):
    code, _, err = _run(capsys, "headline", "--preset", "atacms-nov2024")
    assert code == 2
    assert "--preset 'atacms-nov2024' is not a preset" in err and "atacms-nov-2024" in err
    assert "did you mean 'atacms-nov-2024'" in err


@pytest.mark.parametrize("date", ["2024-06-30", "2030-01-01"])
def test_a_date_outside_the_data_exits_2_naming_the_range(capsys, date):
    first, last = coverage()
    code, _, err = _run(capsys, "headline", "--launch", "Sumy", "--weapon", "atacms-m57",
                        "--as-of", date)  # fmt: skip
    assert code == 2
    assert date in err and first.isoformat() in err and last.isoformat() in err
    assert "Traceback" not in err


def test_a_malformed_date_on_the_command_line_exits_2_with_the_rule(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["headline", "--launch", "Sumy", "--weapon", "atacms-m57", "--as-of", "17.11.2024"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "--as-of" in err and "'17.11.2024'" in err and "YYYY-MM-DD" in err


# ------------------------------------------------ launch areas that follow the front
@pytest.mark.parametrize("name", ["Ukrainian-held territory", "Підконтрольна Україні територія",
                                  "held"])  # fmt: skip
def test_launch_names_ukrainian_held_territory_on_the_date(capsys, name):
    from shapely.geometry import shape

    from ranges.geodata import load_geodata
    from ranges.launch_areas import held_territory

    code, out, err = _run(capsys, "reach", "--launch", name, "--range-km", "20",
                          "--as-of", "2024-11-17")  # fmt: skip
    assert code == 0, err
    feature = json.loads(out)["features"][0]
    (site,) = feature["properties"]["launch_sites"]
    assert site["name"] == "Ukrainian-held territory"
    area = shape(feature["geometry"])
    held = held_territory(load_geodata(), "2024-11-17")
    assert area.contains(held.representative_point())
    assert area.area > held.area  # the reach reaches beyond the ground itself


def test_front_strip_option_builds_the_dated_front_strip(capsys, tmp_path):
    from ranges.cli import build_parser, scenario_from_args
    from ranges.evaluate import area_geometry
    from ranges.geodata import load_geodata
    from ranges.launch_areas import front_strip

    args = build_parser().parse_args(
        ["export", "--front-strip", "30", "--standoff", "5", "--weapon", "gmlrs",
         "--as-of", "2025-03-01", "--out", str(tmp_path / "m.geojson")]
    )  # fmt: skip
    scenario = scenario_from_args(args)
    (area,) = scenario.areas
    assert (area.kind, area.width_km, area.standoff_km) == ("front-strip", 30.0, 5.0)
    geo = load_geodata()
    built = area_geometry(area, geo, scenario.as_of)
    expected = front_strip(geo, "2025-03-01", 30.0, standoff_km=5.0)
    assert built.symmetric_difference(expected).area < 1e-9
    # a later date gives a different strip: the front moved
    later = area_geometry(area, geo, "2026-06-01")
    assert later.symmetric_difference(built).area > 0.01


def test_occupied_territory_is_a_launch_area_for_russian_weapons(capsys):
    code, out, err = _run(capsys, "headline", "--launch", "occupied territory",
                          "--weapon", "iskander-m", "--as-of", "2024-11-17")  # fmt: skip
    assert code == 0, err
    assert "from Occupied territory of Ukraine: in Ukrainian-held territory" in out
