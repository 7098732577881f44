"""The `strike-range` command line, run as a user runs it: in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from geographiclib.geodesic import Geodesic
from shapely.geometry import Point, shape

CLI = [sys.executable, "-m", "ranges.cli"]


def run(*args, check_ok=True):
    proc = subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=120)
    if check_ok:
        assert proc.returncode == 0, proc.stderr
        assert proc.stderr == ""
    return proc


def fails(*args) -> str:
    proc = run(*args, check_ok=False)
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr  # one clear line
    return lines[0]


def test_weapons_json_lists_ids_ranges_and_sources():
    data = json.loads(run("weapons", "--format", "json").stdout)
    by_id = {w["id"]: w for w in data}
    assert by_id["atacms-m57"]["max_range_km"] == 300
    assert by_id["atacms-m57"]["min_range_km"] == 70
    for w in data:
        assert {"id", "name", "min_range_km", "max_range_km", "sources"} <= w.keys()
        assert w["sources"] and all("publisher" in s for s in w["sources"])


def test_weapons_table_has_a_row_per_weapon():
    out = run("weapons").stdout.splitlines()
    assert out[0].split()[:2] == ["id", "name"]
    assert any(line.startswith("storm-shadow") for line in out)


def test_reach_prints_rfc7946_feature_collection_with_properties():
    fc = json.loads(run("reach", "--launch", "50.9077,34.7981", "--weapon", "atacms-m57").stdout)
    assert fc["type"] == "FeatureCollection" and "crs" not in fc
    feat = fc["features"][0]
    props = feat["properties"]
    assert props["weapon"] == "atacms-m57"
    assert props["max_range_km"] == 300 and props["min_range_km"] == 70
    assert props["launch_sites"][0]["lat"] == pytest.approx(50.9077)
    area = shape(feat["geometry"])
    # the min-range hole is there and the edge is 300 km out
    assert not area.covers(Point(34.7981, 50.9077))
    g = Geodesic.WGS84.Direct(50.9077, 34.7981, 45.0, 299_980.0)
    assert area.covers(Point(g["lon2"], g["lat2"]))


def test_reach_accepts_place_names_hemisphere_and_dms_specs():
    for spec in ("Sumy", "50.9077N, 34.7981E", "50°54′28″N 34°47′53″E"):
        fc = json.loads(run("reach", "--launch", spec, "--range-km", "100").stdout)
        assert shape(fc["features"][0]["geometry"]).covers(Point(34.8, 50.91))


def test_reach_from_launch_file_buffers_a_front_line(tmp_path):
    f = tmp_path / "front.geojson"
    f.write_text(
        json.dumps(
            {
                "type": "Feature",
                "properties": {"name": "front"},
                "geometry": {"type": "LineString", "coordinates": [[36.0, 50.0], [38.0, 48.0]]},
            }
        )
    )
    fc = json.loads(run("reach", "--launch-file", str(f), "--range-km", "50").stdout)
    area = shape(fc["features"][0]["geometry"])
    assert area.covers(Point(37.0, 49.0)) and not area.covers(Point(34.0, 49.0))
    assert fc["features"][0]["properties"]["launch_sites"][0]["name"] == "front"


def test_distance_prints_km_and_initial_bearing():
    out = run("distance", "50.9077,34.7981", "51.7373,36.1873").stdout.splitlines()
    expected = Geodesic.WGS84.Inverse(50.9077, 34.7981, 51.7373, 36.1873)
    assert out[0] == f"{expected['s12'] / 1000:,.2f} km"
    assert f"{expected['azi1'] % 360:.1f}°" in out[1]


def test_distance_resolves_old_transliterations():
    a = run("distance", "Kiev", "Kharkov").stdout
    b = run("distance", "Kyiv", "Kharkiv").stdout
    assert a.splitlines()[0] == b.splitlines()[0]


@pytest.mark.parametrize(
    "args, needle",
    [
        (("reach", "--launch", "95,30", "--range-km", "300"), "latitude 95 is outside -90..90"),
        (("reach", "--launch", "50,190", "--range-km", "300"), "longitude 190 is outside"),
        (("reach", "--launch", "fifty,thirty", "--range-km", "300"), "fifty"),
        (("reach", "--launch", "50,30", "--weapon", "atacms"), "did you mean 'atacms-m39'"),
        (("reach", "--launch", "50,30", "--range-km", "0"), "--range-km must be > 0"),
        (("reach", "--launch", "50,30", "--range-km", "-3"), "--range-km must be > 0"),
        (("reach", "--launch", "50,30", "--range-km", "30000"), "half the Earth's circumference"),
        (
            ("reach", "--launch", "50,30", "--range-km", "300", "--min-km", "300"),
            "--min-km (300) must be smaller than --range-km (300)",
        ),
        (("reach", "--launch", "50,30", "--range-km", "abc"), "'abc' is not a number"),
        (("reach", "--launch-file", "/no/such/file.geojson", "--range-km", "30"), "not found"),
        (("reach", "--range-km", "30"), "at least one --launch"),
        (
            ("reach", "--launch", "Sumy", "--standoff", "5", "--range-km", "30"),
            "needs --border-strip",
        ),
        (("reach", "--border-strip", "0", "--range-km", "30"), "a strip is 1 to 1000 km wide"),
        (("reach", "--launch", "50,30"), "give --weapon ID or --range-km KM (or --preset ID)"),
        (("distance", "Smy", "Kursk"), "did you mean 'Sumy'"),
        (("headline", "--launch", "Sumy"), "give --weapon ID (repeatable) or --preset ID"),
        (("headline", "--launch", "Sumy", "--weapon", "atacms"), "did you mean 'atacms-m39'"),
        (("headline", "--weapon", "atacms-m57"), "at least one --launch"),
        (
            ("headline", "--launch", "Sumy", "--weapon", "atacms-m57", "--focus", "Narnia"),
            "--focus 'Narnia': unknown place",
        ),
        (
            ("targets", "--launch", "Sumy", "--range-km", "99", "--allowed", "Kyiv"),
            "--allowed 'Kyiv' names several regions: UA-30 (Kyiv city), UA-32 (Kyiv oblast)",
        ),
        (
            ("regions", "--launch", "Sumy", "--range-km", "99", "--allowed", "UUOK"),
            "not a region: give a region id or name; it lies in RU-KRS (Kursk oblast)",
        ),
    ],
)
def test_bad_input_gives_one_line_naming_the_value_and_rule(args, needle):
    assert needle in fails(*args)


@pytest.mark.parametrize(
    "content, needle",
    [
        ("{not json", "not valid JSON"),
        ('{"type": "Point", "coordinates": ["a", "b"]}', '"a"'),
        ('{"type": "Point", "coordinates": [200, 50]}', "200"),
        ('{"type": "FeatureCollection", "features": []}', "no"),
        ('{"type": "Banana", "coordinates": [1, 2]}', "Banana"),
        ("[1, 2, 3]", "GeoJSON"),
    ],
)
def test_invalid_launch_files_are_refused_with_a_reason(tmp_path, content, needle):
    f = tmp_path / "bad.geojson"
    f.write_text(content)
    msg = fails("reach", "--launch-file", str(f), "--range-km", "30")
    assert str(f) in msg and needle in msg


def test_targets_csv_lists_kursk_within_atacms_range_of_sumy():
    out = run("targets", "--launch", "Sumy", "--weapon", "atacms-m57", "--format", "csv").stdout
    header, *rows = out.splitlines()
    assert header.split(",")[:2] == ["name", "kind"]
    assert {"name", "lat", "lon", "distance_km", "launch"} <= set(header.split(","))
    assert any(r.startswith("Kursk,") for r in rows)


def test_user_targets_csv_bad_row_names_the_line_and_value(tmp_path):
    f = tmp_path / "t.csv"
    f.write_text("name,lat,lon\nA,50.5,35.0\nB,fifty,35.0\n")
    msg = fails("targets", "--launch", "Sumy", "--range-km", "100", "--targets", str(f))
    assert "line 3" in msg and "'fifty'" in msg


def test_user_targets_all_adds_in_range_column(tmp_path):
    f = tmp_path / "t.csv"
    f.write_text("name,latitude,longitude\nnear,51.0,35.0\nfar,55.75,37.62\n")
    out = run(
        "targets",
        "--launch",
        "Sumy",
        "--range-km",
        "100",
        "--targets",
        str(f),
        "--all",
        "--format",
        "json",
    ).stdout
    rows = {r["name"]: r for r in json.loads(out)}
    assert rows["near"]["in_range"] is True and rows["far"]["in_range"] is False


def test_regions_table_reports_kursk_region_fully_covered_at_300_km():
    out = run("regions", "--launch", "Sumy", "--range-km", "300", "--format", "json").stdout
    rows = json.loads(out)
    assert set(rows[0]) == {"region", "country", "status", "covered_km2", "covered_pct"}
    kursk = [r for r in rows if r["region"].startswith("Kursk")]
    assert kursk and kursk[0]["covered_pct"] >= 99.9


def test_regions_with_atacms_minimum_range_leave_part_of_kursk_region_out():
    # M57's 70 km minimum range cuts a hole round Sumy, part of it in Kursk region
    out = run("regions", "--launch", "Sumy", "--weapon", "atacms-m57", "--format", "json").stdout
    kursk = [r for r in json.loads(out) if r["region"].startswith("Kursk")]
    assert 50.0 < kursk[0]["covered_pct"] < 99.0


def test_regions_from_border_strip_with_standoff():
    out = run(
        "regions",
        "--border-strip",
        "30",
        "--standoff",
        "10",
        "--weapon",
        "atacms-m57",
        "--format",
        "json",
    ).stdout
    kursk = [r for r in json.loads(out) if r["region"].startswith("Kursk")]
    assert kursk[0]["covered_pct"] >= 99.9


# --------------------------------------------------------------------------
# Authorization and headline
# --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "allowed", ["Kursk oblast", "RU-KRS", "ru-krs", "Kursk", "Курська область"]
)
def test_targets_allowed_marks_targets_in_the_named_region(allowed):
    out = run(
        "targets", "--launch", "Sumy", "--weapon", "atacms-m57", "--kind", "airfields",
        "--allowed", allowed, "--format", "json",
    ).stdout  # fmt: skip
    rows = {r["name"]: r["authorization"] for r in json.loads(out)}
    assert rows["Kursk East Airport"] == "allowed and in range"  # UUOK, Kursk oblast
    assert rows["Belgorod International Airport"] == "in range, not allowed"
    assert set(rows.values()) == {"allowed and in range", "in range, not allowed"}


def test_targets_without_allowed_have_no_authorization_column():
    out = run("targets", "--launch", "Sumy", "--range-km", "150", "--format", "json").stdout
    assert "authorization" not in json.loads(out)[0]


def test_targets_allowed_with_all_labels_targets_out_of_range():
    out = run(
        "targets", "--launch", "Sumy", "--range-km", "50", "--kind", "places", "--all",
        "--allowed", "RU-KRS", "--allowed", "RU-BEL", "--format", "json",
    ).stdout  # fmt: skip
    rows = {r["name"]: r["authorization"] for r in json.loads(out)}
    assert rows["Sudzha"] == "allowed and in range"  # 45 km, Kursk oblast
    assert rows["Sumy"] == "in range, not allowed"
    assert rows["Kursk"] == "out of range"


def test_regions_allowed_adds_authorization_column():
    out = run(
        "regions", "--launch", "Sumy", "--range-km", "300", "--allowed", "Kursk oblast",
        "--allowed", "Belgorod oblast", "--format", "json",
    ).stdout  # fmt: skip
    rows = {r["region"]: r for r in json.loads(out)}
    assert set(next(iter(rows.values()))) == {
        "region", "country", "status", "covered_km2", "covered_pct", "authorization",
    }  # fmt: skip
    assert rows["Kursk"]["authorization"] == "allowed and in range"
    assert rows["Belgorod"]["authorization"] == "allowed and in range"
    assert rows["Kharkiv"]["authorization"] == "in range, not allowed"


def test_headline_prints_one_caption_per_weapon_agreeing_with_targets():
    lines = run(
        "headline", "--launch", "Sumy", "--weapon", "atacms-m57", "--weapon", "gmlrs"
    ).stdout.splitlines()
    assert len(lines) == 2
    cities = json.loads(
        run("targets", "--launch", "Sumy", "--weapon", "atacms-m57", "--territory", "Russia",
            "--format", "json").stdout
    )  # fmt: skip
    airfields = json.loads(
        run(
            "targets", "--launch", "Sumy", "--weapon", "atacms-m57", "--kind", "airfields",
            "--territory", "Russia", "--format", "json",
        ).stdout
    )  # fmt: skip
    from ranges.analysis import human_number

    people = human_number(sum(r["population"] for r in cities))
    assert lines[0].startswith(
        f"ATACMS M57 (unitary) (300 km) from Sumy: in Russia {len(airfields)} airfields, "
        f"{len(cities)} cities with {people} people, "
    )
    assert "% of Kursk region; in occupied Ukraine " in lines[0]
    assert lines[1].startswith("GMLRS")


def test_headline_quotes_focus_regions_and_names_a_city_region_by_its_name():
    line = run(
        "headline", "--launch", "Kherson", "--weapon", "storm-shadow", "--focus", "Sevastopol",
        "--focus", "UA-65", "--as-of", "2024-11-17",
    ).stdout.strip()  # fmt: skip
    assert "% of Sevastopol; " in line and "Sevastopol region" not in line
    # the caption ends with the day its counts are true on
    assert line.endswith("; 100% of Kherson region (as of 17 Nov 2024)")


def test_headline_json_holds_the_numbers_behind_the_caption():
    rows = json.loads(
        run("headline", "--border-strip", "30", "--weapon", "atacms-m57", "--format", "json").stdout
    )
    (row,) = rows
    assert row["weapon"] == "atacms-m57" and row["min_range_km"] == 70
    assert row["launch_sites"] == ["Ukraine within 30 km of the Russian border"]
    assert row["regions"][0]["region"] == "Kursk" and row["regions"][0]["covered_pct"] > 99
    assert row["regions"][0]["type"] == "oblast"
    assert row["text"].startswith("ATACMS M57 (unitary) (300 km) from Ukraine within 30 km")


def test_export_takes_a_weapon_colour_and_checks_it(tmp_path):
    out = tmp_path / "map.geojson"
    run("export", "--launch", "Sumy", "--weapon", "gmlrs", "--weapon", "storm-shadow",
        "--color", "storm-shadow=#1a2b3c", "--out", str(out))  # fmt: skip
    reach = [f for f in json.loads(out.read_text())["features"]
             if f["properties"].get("feature") == "reach_area"]  # fmt: skip
    colors = {f["properties"]["weapon"]: f["properties"]["color"] for f in reach}
    assert colors == {"gmlrs": "#D55E00", "storm-shadow": "#1A2B3C"}
    assert "'red' is not a colour; write #RRGGBB" in fails(
        "export", "--launch", "Sumy", "--weapon", "gmlrs", "--color", "gmlrs=red",
        "--out", str(out))  # fmt: skip
    assert "'taurus' is not a weapon on this map (gmlrs)" in fails(
        "export", "--launch", "Sumy", "--weapon", "gmlrs", "--color", "taurus=#000000",
        "--out", str(out))  # fmt: skip
    assert "write ID=#RRGGBB" in fails(
        "export", "--launch", "Sumy", "--weapon", "gmlrs", "--color", "#000000",
        "--out", str(out))  # fmt: skip


def test_color_recolours_a_scenario_file(tmp_path):
    first, second = tmp_path / "a.geojson", tmp_path / "b.geojson"
    run("export", "--launch", "Sumy", "--weapon", "gmlrs", "--color", "gmlrs=#112233",
        "--out", str(first))  # fmt: skip
    run("export", "--scenario", str(first), "--color", "gmlrs=#445566", "--out", str(second))
    doc = json.loads(second.read_text())
    colors = {f["properties"]["color"] for f in doc["features"]
              if f["properties"].get("feature") == "reach_area"}  # fmt: skip
    assert colors == {"#445566"}
