"""Audit of the rule "every input a user can give gets a clear message that
names the offending value and the rule it breaks, and never a traceback".

Three tables:

1. the ``strike-range`` CLI, run in-process (``ranges.cli.main``): bad values
   for every option of every sub-command; each must end with exit status 2,
   one line ``strike-range[ CMD]: error: ...`` on stderr that quotes the value
   and states the rule, nothing on stdout, no traceback and no raw OSError
   text (``[Errno 2] ...``);
2. the scenario loader (``Scenario.from_dict`` / ``scenario_from_json``): a
   :class:`ScenarioError` naming the field path, the value and the rule;
3. the coordinate parser (``parse_latlon``).

Cases where the current behaviour breaks the rule keep asserting the correct
behaviour and are marked ``xfail(strict=True)`` with the defect as reason, so
a fix turns them into failures that ask for the mark to go.
"""

from __future__ import annotations

import json
import re
import struct
import zlib

import pytest

from ranges import cli
from ranges.coords import parse_latlon
from ranges.errors import CoordinateError
from ranges.scenario import Scenario, ScenarioError, scenario_from_json

SUMY = ("--launch", "50.9077, 34.7981")
POINT = ("--launch", "50, 35")
SMALL = ("--size", "320x320")  # the smallest size `render` accepts: renders stay quick
LONG = "C" * 201  # one over the 200-character limit of titles and names

#: Needles that mean a raw OSError reached the user.
RAW_OSERROR = re.compile(r"\[Errno \d+\]")


def defect(reason: str):
    return pytest.mark.xfail(strict=True, reason=reason)


def case(case_id: str, argv, value: str, rule: str, *marks):
    """One CLI row: argv, a substring quoting the value, a regex for the rule."""
    return pytest.param(list(argv), value, rule, id=case_id, marks=list(marks))


# --------------------------------------------------------------------------
# Fixtures
# --------------------------------------------------------------------------
def _tiny_png() -> bytes:
    """A valid 1x1 grey PNG that holds no scenario."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b""))  # fmt: skip


def _scenario(**changes) -> str:
    data = {
        "schema": 1,
        "weapons": ["atacms-m57"],
        "sites": [{"name": "Sumy", "lat": 50.9077, "lon": 34.7981}],
        "target_kinds": [],
    }
    data.update(changes)
    return json.dumps(data)


@pytest.fixture
def files(tmp_path):
    """The input files the CLI table refers to as ``{tmp}/NAME``."""
    text = {
        # GeoJSON launch files
        "empty_fc.geojson": '{"type": "FeatureCollection", "features": []}',
        "not_geojson.geojson": '{"a": 1}',
        "invalid.json": "{bad",
        "out_of_range.geojson": '{"type": "Point", "coordinates": [200, 95]}',
        # target CSVs
        "no_columns.csv": "name,foo,bar\nA,1,2\n",
        "bad_lat.csv": "name,lat,lon\nA,50,30\nB,95,30\n",
        "bad_number.csv": "name,lat,lon\nA,50,30\nB,abc,30\n",
        "short_row.csv": "name,lat,lon\nA,50\n",
        "empty.csv": "",
        "header_only.csv": "name,lat,lon\n",
        # scenario files
        "ok.json": _scenario(),
        "not_json.json": "hello",
        "unknown_weapon.json": _scenario(weapons=["atacms-m75"]),
        "no_such_weapon.json": _scenario(weapons=["zzzz"]),
        "schema99.json": _scenario(schema=99),
        "bad_site.json": _scenario(sites=[{"name": "a", "lat": 95, "lon": 34.8}]),
        "no_scenario.geojson": '{"type": "FeatureCollection", "features": []}',
        "fake.png": "not a png",
    }
    for name, body in text.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
    (tmp_path / "plain.png").write_bytes(_tiny_png())
    for folder in ("folder", "folder.png", "folder.geojson"):
        (tmp_path / folder).mkdir()
    return tmp_path


@pytest.fixture
def run_cli(files, capsys):
    """Run ``strike-range ARGV`` in-process; ``{tmp}`` in ARGV is the files folder."""

    def run(argv):
        argv = [a.replace("{tmp}", str(files)) for a in argv]
        try:
            code = cli.main(argv)
        except SystemExit as exc:  # argparse's own errors
            code = exc.code
        out, err = capsys.readouterr()
        return code, out, err

    return run


def assert_clear_failure(code, out, err, value: str, rule: str) -> str:
    """Exit 2, one ``strike-range...: error:`` line quoting ``value`` and matching ``rule``."""
    assert "Traceback" not in err, err
    assert code == 2, (code, out, err)
    assert out == "", out
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    line = lines[0]
    assert re.match(r"strike-range( [a-z]+)?: error: \S", line), line
    assert not RAW_OSERROR.search(line), f"raw OSError text: {line}"
    assert value in line, f"value {value!r} not quoted in: {line}"
    assert re.search(rule, line), f"rule /{rule}/ not stated in: {line}"
    return line


# --------------------------------------------------------------------------
# 1. CLI
# --------------------------------------------------------------------------
LAUNCH = [
    case("launch-lat-95", ["reach", "--launch", "95, 30", "--range-km", "100"],
         "--launch '95, 30'", r"latitude 95 is outside -90\.\.90"),
    case("launch-lon-200", ["reach", "--launch", "50, 200", "--range-km", "100"],
         "--launch '50, 200'", r"longitude 200 is outside -180\.\.180"),
    case("launch-swapped-lon-lat-hint", ["reach", "--launch", "-120.5, 45", "--range-km", "100"],
         "'-120.5, 45'", r"outside -90\.\.90; did you swap latitude and longitude\? "
                         r"input is 'lat, lon'"),
    case("launch-empty", ["reach", "--launch", "", "--range-km", "100"],
         "--launch ''", r"empty; give 'lat, lon' or a place name"),
    case("launch-blank", ["reach", "--launch", "   ", "--range-km", "100"],
         "--launch '   '", r"empty"),
    case("launch-garbage", ["reach", "--launch", "qwzx!!", "--range-km", "100"],
         "'qwzx!!'", r"unknown place.*no place, city, airfield, region or country"),
    case("launch-unknown-place-suggests", ["reach", "--launch", "Sumyy", "--range-km", "100"],
         "'Sumyy'", r"unknown place.*did you mean 'Sumy'"),
    case("launch-country", ["reach", "--launch", "Ukraine", "--range-km", "100"],
         "--launch 'Ukraine'", r"is a whole country; name a region, a city or coordinates"),
    case("launch-exponent", ["reach", "--launch", "1e-5, 3", "--range-km", "100"],
         "--launch '1e-5, 3'", r"exponent notation .* is not accepted"),
    case("launch-decimal-commas", ["reach", "--launch", "50,9077 34,7981", "--range-km", "100"],
         "'50,9077 34,7981'", r"decimal commas are not accepted"),
    case("launch-minutes-61", ["reach", "--launch", "50°61′N 34°E", "--range-km", "100"],
         "'50°61′N 34°E'", r"minutes 61 must be less than 60"),
    case("targets-launch-lon-200", ["targets", "--launch", "50, 200", "--range-km", "100"],
         "--launch '50, 200'", r"longitude 200 is outside -180\.\.180"),
    case("regions-launch-lat-95", ["regions", "--launch", "95, 30", "--range-km", "100"],
         "--launch '95, 30'", r"latitude 95 is outside -90\.\.90"),
    case("headline-launch-empty", ["headline", "--launch", "", "--weapon", "gmlrs"],
         "--launch ''", r"empty"),
    case("render-launch-lat-95", ["render", "--launch", "95,30", "--weapon", "gmlrs",
                                  "--out", "{tmp}/m.png"],
         "--launch '95,30'", r"latitude 95 is outside -90\.\.90"),
    case("export-launch-lon-200", ["export", "--launch", "50, 200", "--weapon", "gmlrs",
                                   "--out", "{tmp}/m.geojson"],
         "--launch '50, 200'", r"longitude 200 is outside -180\.\.180"),
    case("launch-missing", ["reach", "--range-km", "100"],
         "--launch SPEC",
         r"give at least one --launch SPEC, a --launch-file, --border-strip, --front-strip"),
]  # fmt: skip

LAUNCH_FILE = [
    case("launch-file-missing", ["reach", "--launch-file", "{tmp}/missing.geojson",
                                 "--range-km", "100"],
         "{tmp}/missing.geojson", r"file not found"),
    case("launch-file-folder", ["reach", "--launch-file", "{tmp}/folder", "--range-km", "100"],
         "{tmp}/folder", r"is a folder, expected a GeoJSON file"),
    case("launch-file-not-geojson", ["reach", "--launch-file", "{tmp}/not_geojson.geojson",
                                     "--range-km", "100"],
         "{tmp}/not_geojson.geojson", r"null is not a GeoJSON type \(expected one of "),
    case("launch-file-empty-collection", ["reach", "--launch-file", "{tmp}/empty_fc.geojson",
                                          "--range-km", "100"],
         "{tmp}/empty_fc.geojson", r"the FeatureCollection has no features"),
    case("launch-file-invalid-json", ["reach", "--launch-file", "{tmp}/invalid.json",
                                      "--range-km", "100"],
         "{tmp}/invalid.json", r"not valid JSON: .* at line 1, column 2"),
    case("launch-file-out-of-range", ["reach", "--launch-file", "{tmp}/out_of_range.geojson",
                                      "--range-km", "100"],
         "longitude 200", r"is outside -180\.\.180"),
    case("export-launch-file-missing", ["export", "--launch-file", "{tmp}/missing.geojson",
                                        "--weapon", "gmlrs", "--out", "{tmp}/m.geojson"],
         "{tmp}/missing.geojson", r"file not found"),
]  # fmt: skip

STRIP = [
    # reach, targets, regions and headline apply the scenario's rule for a
    # strip, as render and export do, in the options' words
    case("border-strip-zero", ["reach", "--border-strip", "0", "--range-km", "100"],
         "--border-strip 0", r"a strip is 1 to 1000 km wide"),
    case("border-strip-negative", ["reach", "--border-strip", "-5", "--range-km", "100"],
         "--border-strip -5", r"a strip is 1 to 1000 km wide"),
    case("border-strip-nan", ["reach", "--border-strip", "nan", "--range-km", "100"],
         "--border-strip nan", r"a strip is 1 to 1000 km wide"),
    case("border-strip-not-a-number", ["reach", "--border-strip", "abc", "--range-km", "100"],
         "--border-strip: 'abc'", r"is not a number of kilometres"),
    case("standoff-equals-width", ["reach", "--border-strip", "20", "--standoff", "20",
                                   "--range-km", "100"],
         "--standoff 20", r"must be 0 or more and less than --border-strip \(20\)"),
    case("standoff-beyond-width", ["reach", "--border-strip", "20", "--standoff", "30",
                                   "--range-km", "100"],
         "--standoff 30", r"must be 0 or more and less than --border-strip \(20\)"),
    case("standoff-negative", ["reach", "--border-strip", "20", "--standoff", "-1",
                               "--range-km", "100"],
         "--standoff -1", r"must be 0 or more"),
    case("front-strip-zero", ["reach", "--front-strip", "0", "--range-km", "100"],
         "--front-strip 0", r"a strip is 1 to 1000 km wide"),
    case("front-strip-standoff-beyond-width", ["reach", "--front-strip", "20", "--standoff",
                                               "30", "--range-km", "100"],
         "--standoff 30", r"must be 0 or more and less than --front-strip \(20\)"),
    case("front-strip-date-outside-data", ["reach", "--front-strip", "20", "--range-km", "100",
                                           "--as-of", "2024-01-01"],
         "--as-of 2024-01-01", r"occupied-territory data covers 2024-07-08 to"),
    case("standoff-not-a-number", ["reach", "--border-strip", "20", "--standoff", "x",
                                   "--range-km", "100"],
         "--standoff: 'x'", r"is not a number of kilometres"),
    case("standoff-without-strip", ["reach", *POINT, "--standoff", "5", "--range-km", "100"],
         "--standoff", r"needs --border-strip KM or --front-strip KM"),
    case("headline-border-strip-zero", ["headline", "--border-strip", "0", "--weapon", "gmlrs"],
         "--border-strip 0", r"a strip is 1 to 1000 km wide"),
    case("render-border-strip-below-1", ["render", "--border-strip", "0.5", "--weapon", "gmlrs",
                                         "--out", "{tmp}/m.png"],
         "--border-strip 0.5", r"a strip is 1 to 1000 km wide"),
    case("render-standoff-beyond-width", ["render", "--border-strip", "20", "--standoff", "25",
                                          "--weapon", "gmlrs", "--out", "{tmp}/m.png"],
         "--standoff 25", r"less than --border-strip \(20\)"),
    case("export-border-strip-2000", ["export", "--border-strip", "2000", "--weapon", "gmlrs",
                                      "--out", "{tmp}/m.geojson"],
         "--border-strip 2000", r"a strip is 1 to 1000 km wide"),
]  # fmt: skip

WEAPON = [
    case("weapon-typo-suggests", ["reach", *POINT, "--weapon", "atacms-m75"],
         "'atacms-m75'", r"is not in the weapon catalog; did you mean 'atacms-m57'"),
    case("weapon-unknown-lists-ids", ["reach", *POINT, "--weapon", "zzzz"],
         "'zzzz'", r"is not in the weapon catalog; known ids: .*atacms-m57"),
    case("headline-weapon-unknown", ["headline", *POINT, "--weapon", "zzz"],
         "'zzz'", r"is not in the weapon catalog"),
    case("render-weapon-unknown", ["render", *SUMY, "--weapon", "atacms", "--out", "{tmp}/m.png"],
         "--weapon: weapon id 'atacms'", r"is not in the weapon catalog"),
    case("export-weapon-typo-suggests", ["export", *SUMY, "--weapon", "atacms-m75",
                                         "--out", "{tmp}/m.geojson"],
         "--weapon: weapon id 'atacms-m75'", r"did you mean 'atacms-m57'"),
    case("render-weapon-missing", ["render", *SUMY, "--out", "{tmp}/m.png"],
         "--weapon ID", r"give at least one --weapon ID"),
]  # fmt: skip

RANGES = [
    case("range-negative", ["reach", *POINT, "--range-km", "-5"],
         "got -5", r"--range-km must be > 0"),
    case("range-zero", ["reach", *POINT, "--range-km", "0"],
         "got 0", r"--range-km must be > 0"),
    case("range-not-a-number", ["reach", *POINT, "--range-km", "abc"],
         "--range-km: 'abc'", r"is not a number of kilometres"),
    case("range-nan", ["reach", *POINT, "--range-km", "nan"],
         "got nan", r"--range-km must be finite"),
    case("range-beyond-half-circumference", ["reach", *POINT, "--range-km", "30000"],
         "--range-km 30000", r"is beyond half the Earth's circumference \(20003\.9 km\)"),
    case("regions-range-zero", ["regions", *POINT, "--range-km", "0"],
         "got 0", r"--range-km must be > 0"),
    case("min-negative", ["reach", *POINT, "--range-km", "100", "--min-km", "-1"],
         "got -1", r"--min-km must be >= 0"),
    case("min-equals-max", ["reach", *POINT, "--range-km", "100", "--min-km", "100"],
         "--min-km (100)", r"must be smaller than --range-km \(100\)"),
    case("min-above-max", ["targets", *POINT, "--range-km", "100", "--min-km", "200"],
         "--min-km (200)", r"must be smaller than --range-km \(100\)"),
    case("min-above-weapon-range", ["reach", *POINT, "--weapon", "atacms-m57", "--min-km", "400"],
         "--min-km (400)", r"must be smaller than range of atacms-m57 \(300\)"),
    case("min-not-a-number", ["reach", *POINT, "--range-km", "100", "--min-km", "abc"],
         "--min-km: 'abc'", r"is not a number of kilometres"),
    case("tolerance-negative", ["reach", *POINT, "--range-km", "100", "--tolerance-m", "-1"],
         "got -1", r"--tolerance-m must be >= 0\.1 m"),
    case("tolerance-zero", ["reach", *POINT, "--range-km", "100", "--tolerance-m", "0"],
         "got 0", r"--tolerance-m must be >= 0\.1 m"),
    case("tolerance-not-a-number", ["reach", *POINT, "--range-km", "100", "--tolerance-m", "abc"],
         "--tolerance-m: 'abc'", r"is not a number of metres"),
    case("tolerance-too-large", ["reach", *POINT, "--range-km", "100", "--tolerance-m", "50000"],
         "--tolerance-m (50000 m)", r"must be at most a tenth of --range-km \(10000 m\)"),
]  # fmt: skip

TARGETS = [
    case("targets-file-missing", ["targets", *POINT, "--range-km", "100",
                                  "--targets", "{tmp}/missing.csv"],
         "'{tmp}/missing.csv'", r"(?i)no such file|not found"),
    case("targets-file-missing-columns", ["targets", *POINT, "--range-km", "100",
                                          "--targets", "{tmp}/no_columns.csv"],
         "'name', 'foo', 'bar'", r"missing column\(s\) lat, lon; .* needs name, lat, lon"),
    case("targets-row-bad-latitude", ["targets", *POINT, "--range-km", "100",
                                      "--targets", "{tmp}/bad_lat.csv"],
         "{tmp}/bad_lat.csv, line 3: lat '95'", r"is outside -90\.\.90"),
    case("targets-row-not-a-number", ["targets", *POINT, "--range-km", "100",
                                      "--targets", "{tmp}/bad_number.csv"],
         "{tmp}/bad_number.csv, line 3: lat 'abc'", r"is not a number"),
    case("targets-row-short", ["targets", *POINT, "--range-km", "100",
                               "--targets", "{tmp}/short_row.csv"],
         "{tmp}/short_row.csv, line 2: 2 columns", r"expected 3 like the header"),
    case("targets-file-empty", ["targets", *POINT, "--range-km", "100",
                                "--targets", "{tmp}/empty.csv"],
         "{tmp}/empty.csv", r"the file is empty; expected a header row"),
    case("targets-file-header-only", ["targets", *POINT, "--range-km", "100",
                                      "--targets", "{tmp}/header_only.csv"],
         "{tmp}/header_only.csv", r"no target rows under the header"),
    case("targets-geojson-invalid-json", ["targets", *POINT, "--range-km", "100",
                                          "--targets", "{tmp}/invalid.json"],
         "{tmp}/invalid.json", r"not valid JSON"),
    case("targets-kind-unknown", ["targets", *POINT, "--range-km", "100", "--kind", "tanks"],
         "'tanks'", r"argument --kind: invalid choice: .*choose from"),
    case("export-targets-bad-latitude", ["export", *SUMY, "--weapon", "gmlrs",
                                         "--targets", "{tmp}/bad_lat.csv",
                                         "--out", "{tmp}/m.geojson"],
         "{tmp}/bad_lat.csv, line 3: lat '95'", r"is outside -90\.\.90"),
    case("targets-file-is-a-folder", ["targets", *POINT, "--range-km", "100",
                                      "--targets", "{tmp}/folder"],
         "{tmp}/folder", r"(?i)is a (folder|directory)"),
    case("export-targets-file-is-a-folder", ["export", *SUMY, "--weapon", "gmlrs",
                                             "--targets", "{tmp}/folder",
                                             "--out", "{tmp}/m.geojson"],
         "{tmp}/folder", r"(?i)is a (folder|directory)"),
]  # fmt: skip

REGIONS = [
    case("allowed-unknown", ["targets", *POINT, "--range-km", "100", "--allowed", "Narnia"],
         "--allowed 'Narnia'", r"unknown place.*did you mean"),
    case("allowed-not-a-region", ["targets", *POINT, "--range-km", "100",
                                  "--allowed", "Kharkiv International Airport"],
         "--allowed 'Kharkiv International Airport'",
         r"names the airfield .*, not a region: give a region id or name; it lies in UA-63"),
    case("regions-allowed-unknown", ["regions", *POINT, "--range-km", "100",
                                     "--allowed", "Narnia"],
         "--allowed 'Narnia'", r"unknown place"),
    case("focus-unknown", ["headline", *POINT, "--weapon", "gmlrs", "--focus", "Narnia"],
         "--focus 'Narnia'", r"unknown place.*did you mean"),
    case("focus-not-a-region", ["headline", *POINT, "--weapon", "gmlrs",
                                "--focus", "Sumy Airport"],
         "--focus 'Sumy Airport'", r"not a region: .*it lies in UA-59 \(Sumy oblast\)"),
]  # fmt: skip

RENDER = [
    case("size-garbage", ["render", *SUMY, "--weapon", "gmlrs", "--out", "{tmp}/m.png",
                          "--size", "garbage"],
         "size 'garbage'", r"is not a preset \(web, .*\), WxH pixels .* or WxHmm"),
    case("size-too-large", ["render", *SUMY, "--weapon", "gmlrs", "--out", "{tmp}/m.png",
                            "--size", "100000x100000"],
         "size '100000x100000'", r"width 100000 px is above the maximum of 10000 px"),
    case("size-zero", ["render", *SUMY, "--weapon", "gmlrs", "--out", "{tmp}/m.png",
                       "--size", "0x0"],
         "size '0x0'", r"width 0 px is below the minimum of 320 px"),
    case("size-height-too-small", ["render", *SUMY, "--weapon", "gmlrs", "--out", "{tmp}/m.png",
                                   "--size", "1000x200"],
         "size '1000x200'", r"height 200 px is below the minimum of 320 px"),
    case("size-negative", ["render", *SUMY, "--weapon", "gmlrs", "--out", "{tmp}/m.png",
                           "--size=-300x200"],
         "size '-300x200'", r"is not a preset"),
    case("size-fractional-pixels", ["render", *SUMY, "--weapon", "gmlrs", "--out", "{tmp}/m.png",
                                    "--size", "320.5x320"],
         "size '320.5x320'", r"pixel sizes are whole numbers"),
    case("size-too-elongated", ["render", *SUMY, "--weapon", "gmlrs", "--out", "{tmp}/m.png",
                                "--size", "3000x320"],
         "size '3000x320'", r"aspect ratio 9\.38:1 is more elongated than 3:1"),
    case("render-theme-unknown", ["render", *SUMY, "--weapon", "gmlrs", "--out", "{tmp}/m.png",
                                  "--theme", "sepia"],
         "'sepia'", r"argument --theme: invalid choice: .*choose from 'light', 'dark'"),
    case("render-lang-unknown", ["render", *SUMY, "--weapon", "gmlrs", "--out", "{tmp}/m.png",
                                 "--lang", "fr"],
         "'fr'", r"argument --lang: invalid choice: .*choose from 'en', 'uk'"),
    case("render-out-wrong-extension", ["render", *SUMY, "--weapon", "gmlrs",
                                        "--out", "{tmp}/m.jpg"],
         "--out '{tmp}/m.jpg'", r"the file name must end in \.png, \.svg, \.pdf"),
    case("render-out-no-extension", ["render", *SUMY, "--weapon", "gmlrs", "--out", "{tmp}/m"],
         "--out '{tmp}/m'", r"the file name must end in \.png, \.svg, \.pdf"),
    case("render-out-missing", ["render", *SUMY, "--weapon", "gmlrs"],
         "--out", r"the following arguments are required: --out"),
    case("render-out-folder-does-not-exist", ["render", *SUMY, "--weapon", "gmlrs", *SMALL,
                                              "--out", "/nonexistent/dir/m.png"],
         "/nonexistent/dir/m.png", r"(?i)cannot write|does not exist|not found|no such"),
    case("render-out-is-a-folder", ["render", *SUMY, "--weapon", "gmlrs", *SMALL,
                                    "--out", "{tmp}/folder.png"],
         "{tmp}/folder.png", r"(?i)is a (folder|directory)"),
]  # fmt: skip

TEXTS = [
    case("render-title-too-long", ["render", *SUMY, "--weapon", "gmlrs", "--out", "{tmp}/m.png",
                                   "--title", LONG],
         "'" + LONG[:40], r"is longer than 200 characters"),
    case("render-title-control-chars", ["render", *SUMY, "--weapon", "gmlrs",
                                        "--out", "{tmp}/m.png", "--title", "bad\x07title"],
         r"'bad\x07title'", r"contains control characters"),
    case("render-subtitle-too-long", ["render", *SUMY, "--weapon", "gmlrs",
                                      "--out", "{tmp}/m.png", "--subtitle", LONG],
         "'" + LONG[:40], r"is longer than 200 characters"),
    case("render-subtitle-control-chars", ["render", "--scenario", "{tmp}/ok.json",
                                           "--out", "{tmp}/m.png", "--subtitle", "x\x1by"],
         r"'x\x1by'", r"contains control characters"),
    case("render-scenario-title-too-long", ["render", "--scenario", "{tmp}/ok.json",
                                            "--out", "{tmp}/m.png", "--title", LONG],
         "'" + LONG[:40], r"is longer than 200 characters"),
    case("export-title-too-long", ["export", *SUMY, "--weapon", "gmlrs",
                                   "--out", "{tmp}/m.geojson", "--title", LONG],
         "'" + LONG[:40], r"is longer than 200 characters"),
    case("export-title-control-chars", ["export", *SUMY, "--weapon", "gmlrs",
                                        "--out", "{tmp}/m.geojson", "--title", "bad\x07"],
         r"'bad\x07'", r"contains control characters"),
    case("render-credit-too-long", ["render", *SUMY, "--weapon", "gmlrs", *SMALL,
                                    "--out", "{tmp}/m.png", "--credit", LONG],
         "'" + LONG[:40], r"is longer than 200 characters"),
    case("render-credit-control-chars", ["render", *SUMY, "--weapon", "gmlrs", *SMALL,
                                         "--out", "{tmp}/m.png", "--credit", "bad\x07credit"],
         r"'bad\x07credit'", r"contains control characters",
         pytest.mark.filterwarnings("ignore:Glyph 7")),
]  # fmt: skip

EXPORT = [
    case("export-out-wrong-extension", ["export", *SUMY, "--weapon", "gmlrs",
                                        "--out", "{tmp}/m.txt"],
         "--out '{tmp}/m.txt' has extension '.txt'",
         r"an export file ends in one of \.geojson, \.kml, \.gpkg, \.csv, \.html"),
    case("export-out-no-extension", ["export", *SUMY, "--weapon", "gmlrs", "--out", "{tmp}/m"],
         "--out '{tmp}/m' has no extension", r"an export file ends in one of"),
    case("export-out-folder-does-not-exist", ["export", *SUMY, "--weapon", "gmlrs",
                                              "--out", "/nonexistent/dir/m.geojson"],
         "'/nonexistent/dir/m.geojson'", r"the folder '/nonexistent/dir' does not exist"),
    case("export-table-needs-csv", ["export", *SUMY, "--weapon", "gmlrs",
                                    "--out", "{tmp}/m.geojson", "--table", "regions"],
         "'{tmp}/m.geojson'", r"--table regions applies to a \.csv --out"),
    case("export-out-is-a-folder", ["export", *SUMY, "--weapon", "gmlrs",
                                    "--out", "{tmp}/folder.geojson"],
         "{tmp}/folder.geojson", r"(?i)is a (folder|directory)"),
]  # fmt: skip

SCENARIO_FILES = [
    case("scenario-not-json", ["render", "--scenario", "{tmp}/not_json.json",
                               "--out", "{tmp}/m.png"],
         "{tmp}/not_json.json", r"not valid JSON \(Expecting value: line 1 column 1"),
    case("scenario-invalid-json", ["export", "--scenario", "{tmp}/invalid.json",
                                   "--out", "{tmp}/m.geojson"],
         "{tmp}/invalid.json", r"not valid JSON"),
    case("scenario-unknown-weapon-suggests", ["render", "--scenario", "{tmp}/unknown_weapon.json",
                                              "--out", "{tmp}/m.png"],
         "{tmp}/unknown_weapon.json: scenario.weapons[0]: 'atacms-m75'",
         r"is not in the weapon catalog; did you mean 'atacms-m57'"),
    case("scenario-unknown-weapon", ["export", "--scenario", "{tmp}/no_such_weapon.json",
                                     "--out", "{tmp}/m.geojson"],
         "scenario.weapons[0]: 'zzzz'", r"is not in the weapon catalog"),
    case("scenario-wrong-schema", ["render", "--scenario", "{tmp}/schema99.json",
                                   "--out", "{tmp}/m.png"],
         "schema: 99", r"is not a schema version this program reads \(it reads 1, 2\)"),
    case("scenario-site-lat-95", ["export", "--scenario", "{tmp}/bad_site.json",
                                  "--out", "{tmp}/m.geojson"],
         "sites[0].lat: 95", r"is outside -90\.\.90"),
    case("scenario-png-without-scenario", ["render", "--scenario", "{tmp}/plain.png",
                                           "--out", "{tmp}/m.png"],
         "{tmp}/plain.png", r"holds no Strike Range scenario"),
    case("scenario-fake-png", ["render", "--scenario", "{tmp}/fake.png", "--out", "{tmp}/m.png"],
         "{tmp}/fake.png", r"not a PNG, SVG or PDF file"),
    case("scenario-geojson-without-scenario", ["export", "--scenario",
                                               "{tmp}/no_scenario.geojson",
                                               "--out", "{tmp}/m.geojson"],
         "{tmp}/no_scenario.geojson", r"without a 'scenario' member"),
    case("scenario-with-launch", ["render", "--scenario", "{tmp}/ok.json", *POINT,
                                  "--out", "{tmp}/m.png"],
         "--scenario FILE cannot be combined with --launch", r"already says what to draw"),
    case("export-scenario-with-title", ["export", "--scenario", "{tmp}/ok.json", "--title", "x",
                                        "--out", "{tmp}/m.geojson"],
         "--scenario '{tmp}/ok.json'", r"already describes the map; drop --title"),
    case("render-scenario-missing", ["render", "--scenario", "{tmp}/missing.json",
                                     "--out", "{tmp}/m.png"],
         "{tmp}/missing.json", r"(?i)not found|no such file|does not exist"),
    case("export-scenario-missing", ["export", "--scenario", "{tmp}/missing.json",
                                     "--out", "{tmp}/m.geojson"],
         "{tmp}/missing.json", r"(?i)not found|no such file|does not exist"),
    case("scenario-missing-png", ["render", "--scenario", "{tmp}/missing.png",
                                  "--out", "{tmp}/m.png"],
         "{tmp}/missing.png", r"(?i)not found|no such file|does not exist"),
    case("scenario-is-a-folder", ["render", "--scenario", "{tmp}/folder", "--out", "{tmp}/m.png"],
         "{tmp}/folder", r"(?i)is a (folder|directory)"),
]  # fmt: skip

DATES = [
    case("as-of-malformed", ["headline", "--launch", "Sumy", "--weapon", "gmlrs",
                             "--as-of", "17.11.2024"],
         "'17.11.2024'", r"--as-of: .*is not a date; write YYYY-MM-DD"),
    case("as-of-not-a-day", ["render", "--launch", "Sumy", "--weapon", "gmlrs",
                             "--as-of", "2024-02-30", "--out", "{tmp}/m.png"],
         "'2024-02-30'", r"is not a calendar date"),
    case("as-of-before-data", ["targets", "--launch", "Sumy", "--weapon", "gmlrs",
                               "--as-of", "2024-07-07"],
         "--as-of 2024-07-07", r"occupied-territory data covers 2024-07-08 to"),
    case("as-of-after-data", ["export", "--launch", "Sumy", "--weapon", "gmlrs",
                              "--as-of", "2027-01-01", "--out", "{tmp}/m.geojson"],
         "--as-of 2027-01-01", r"occupied-territory data covers 2024-07-08 to"),
    case("territory-as-of-outside", ["territory", "--as-of", "2024-01-01"],
         "--as-of 2024-01-01", r"occupied-territory data covers"),
    case("preset-unknown", ["reach", "--preset", "nov-2024"],
         "--preset 'nov-2024'", r"is not a preset \(see `strike-range presets`"),
    case("territory-unknown", ["targets", "--launch", "Sumy", "--weapon", "gmlrs",
                               "--territory", "Rusia"],
         "--territory 'Rusia'", r"is not a territory; use one of"),
    case("authorizations-weapon-unknown", ["authorizations", "--weapon", "atacm"],
         "'atacm'", r"is not in the weapon catalog"),
    case("authorizations-date-malformed", ["authorizations", "--as-of", "Nov 2024"],
         "'Nov 2024'", r"is not a date"),
]  # fmt: skip

DISTANCE = [
    case("distance-second-lat-95", ["distance", "50.9, 34.8", "95, 30"],
         "second SPEC '95, 30'", r"latitude 95 is outside -90\.\.90"),
    case("distance-first-exponent", ["distance", "1e-5, 3", "50, 35"],
         "first SPEC '1e-5, 3'", r"exponent notation .* is not accepted"),
    case("distance-area", ["distance", "50, 35", "Kursk oblast"],
         "second SPEC 'Kursk oblast'", r"is an area; distance needs two points"),
    case("distance-empty", ["distance", "50, 35", ""],
         "second SPEC ''", r"empty; give 'lat, lon' or a place name"),
    case("distance-unknown-place", ["distance", "50, 35", "Narnia"],
         "'Narnia'", r"unknown place.*did you mean"),
    case("distance-one-spec", ["distance", "50, 35"],
         "SPEC", r"the following arguments are required"),
    case("command-unknown", ["nonsense"],
         "'nonsense'", r"invalid choice: .*choose from 'weapons', 'presets', 'territory'"),
    case("weapons-format-unknown", ["weapons", "--format", "xml"],
         "'xml'", r"argument --format: invalid choice"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("argv", "value", "rule"),
    [*LAUNCH, *LAUNCH_FILE, *STRIP, *WEAPON, *RANGES, *TARGETS, *REGIONS, *RENDER, *TEXTS,
     *EXPORT, *SCENARIO_FILES, *DISTANCE, *DATES],
)  # fmt: skip
def test_cli_bad_input_gets_one_clear_line(run_cli, files, argv, value, rule):
    code, out, err = run_cli(argv)
    assert_clear_failure(code, out, err, value.replace("{tmp}", str(files)), rule)
    assert not (files / "m.png").exists() and not (files / "m.geojson").exists()


# Where the value came from: errors.py promises every message names it
# ("argument, file, line, field").  Most do; these name an internal field path
# or nothing.
SOURCES = [
    pytest.param(["reach", "--launch", "Sumyy", "--range-km", "100"], "--launch 'Sumyy'",
                 id="launch-unknown-place"),
    pytest.param(["distance", "50, 35", "Narnia"], "second SPEC 'Narnia'",
                 id="distance-unknown-place"),
    pytest.param(["render", "--border-strip", "0", "--weapon", "gmlrs", "--out", "{tmp}/m.png"],
                 "--border-strip", id="render-border-strip"),
    pytest.param(["render", *SUMY, "--weapon", "gmlrs", "--out", "{tmp}/m.png", "--title", LONG],
                 "--title", id="render-title"),
    pytest.param(["render", *SUMY, "--weapon", "gmlrs", "--out", "{tmp}/m.png",
                  "--subtitle", LONG],
                 "--subtitle", id="render-subtitle"),
    pytest.param(["render", "--scenario", "{tmp}/schema99.json", "--out", "{tmp}/m.png"],
                 "{tmp}/schema99.json: scenario.schema: 99", id="scenario-file-field-path"),
]  # fmt: skip


@pytest.mark.parametrize(("argv", "source"), SOURCES)
def test_cli_message_names_where_the_value_came_from(run_cli, files, argv, source):
    code, out, err = run_cli(argv)
    assert code == 2 and "Traceback" not in err
    assert source.replace("{tmp}", str(files)) in err, err


# --------------------------------------------------------------------------
# 2. Scenario loader
# --------------------------------------------------------------------------
SITE = {"name": "a", "lat": 50, "lon": 35}

SCENARIO_FIELDS = [
    # (id, data, field path, value as shown, rule regex)
    ("not-an-object", [], "scenario", "[]", r"is not an object"),
    ("unknown-field", {"colour": "red"}, "scenario", "'colour'",
     r"unknown field\(s\) .*; known: title, subtitle"),
    ("schema-version", {"schema": 3}, "scenario.schema", "3",
     r"is not a schema version this program reads \(it reads 1, 2\)"),
    ("as-of-in-schema-1", {"schema": 1, "as_of": "2024-11-17"}, "scenario", "'as_of'",
     r"needs schema 2 or later"),
    ("as-of-malformed", {"as_of": "17.11.2024"}, "scenario.as_of", "'17.11.2024'",
     r"is not a date; write YYYY-MM-DD"),
    ("schema-text", {"schema": "1"}, "scenario.schema", "'1'", r"is not a schema version"),
    ("title-not-text", {"title": 5}, "scenario.title", "5", r"is not text"),
    ("title-too-long", {"title": "x" * 201}, "scenario.title", "'xxxxxxxxxx",
     r"is longer than 200 characters"),
    ("title-control-chars", {"title": "a\x07b"}, "scenario.title", r"'a\x07b'",
     r"contains control characters"),
    ("subtitle-not-text", {"subtitle": ["a"]}, "scenario.subtitle", "['a']", r"is not text"),
    ("weapons-not-a-list", {"weapons": "atacms-m57"}, "scenario.weapons", "'atacms-m57'",
     r"is not a list"),
    ("weapon-not-text", {"weapons": [5]}, "scenario.weapons[0]", "5", r"is not text"),
    ("weapon-empty", {"weapons": [""]}, "scenario.weapons[0]", "''", r"is empty"),
    ("too-many-weapons", {"weapons": [f"w{i}" for i in range(8)]}, "scenario.weapons",
     "8 entries", r"at most 7 are allowed"),
    ("sites-not-a-list", {"sites": {"a": 1}}, "scenario.sites", "{'a': 1}", r"is not a list"),
    ("site-not-an-object", {"sites": ["50,35"]}, "scenario.sites[0]", "'50,35'",
     r"is not an object"),
    ("site-lat-missing", {"sites": [{"name": "a", "lon": 35}]}, "scenario.sites[0]", "'lat'",
     r"field 'lat' is missing"),
    ("site-lat-out-of-range", {"sites": [{**SITE, "lat": 95}]}, "scenario.sites[0].lat", "95",
     r"is outside -90\.\.90"),
    ("site-lat-text", {"sites": [{**SITE, "lat": "50"}]}, "scenario.sites[0].lat", "'50'",
     r"is not a number"),
    ("site-lat-bool", {"sites": [{**SITE, "lat": True}]}, "scenario.sites[0].lat", "True",
     r"is not a number"),
    ("site-lon-out-of-range", {"sites": [SITE, {**SITE, "lon": 200}]}, "scenario.sites[1].lon",
     "200", r"is outside -180\.\.180"),
    ("site-lon-nan", {"sites": [{**SITE, "lon": float("nan")}]}, "scenario.sites[0].lon", "nan",
     r"is outside -180\.\.180"),
    ("site-name-empty", {"sites": [{**SITE, "name": ""}]}, "scenario.sites[0].name", "''",
     r"is empty"),
    ("site-enabled-text", {"sites": [{**SITE, "enabled": "yes"}]}, "scenario.sites[0].enabled",
     "'yes'", r"is not true or false"),
    ("site-unknown-field", {"sites": [{**SITE, "alt": 3}]}, "scenario.sites[0]", "'alt'",
     r"unknown field\(s\)"),
    ("too-many-sites", {"sites": [SITE] * 201}, "scenario.sites", "201 entries",
     r"at most 200 are allowed"),
    ("target-kind-unknown", {"target_kinds": ["tanks"]}, "scenario.target_kinds", "'tanks'",
     r"is not one of cities, airfields, places"),
    ("target-kinds-not-a-list", {"target_kinds": "cities"}, "scenario.target_kinds", "'cities'",
     r"is not a list"),
    ("lang-unknown", {"lang": "fr"}, "scenario.lang", "'fr'", r"is not one of en, uk"),
    ("lang-not-text", {"lang": 1}, "scenario.lang", "1", r"is not one of en, uk"),
    ("min-population-negative", {"min_population": -1}, "scenario.min_population", "-1",
     r"is not a whole number 0\.\.100000000"),
    ("min-population-fraction", {"min_population": 1.5}, "scenario.min_population", "1.5",
     r"is not a whole number"),
    ("min-population-text", {"min_population": "100000"}, "scenario.min_population",
     "'100000'", r"is not a whole number"),
    ("min-population-bool", {"min_population": True}, "scenario.min_population", "True",
     r"is not a whole number"),
    ("min-population-too-large", {"min_population": 10**9}, "scenario.min_population",
     "1000000000", r"is not a whole number 0\.\.100000000"),
    ("area-kind-unknown", {"areas": [{"kind": "circle"}]}, "scenario.areas[0].kind", "'circle'",
     r"is not one of region, border-strip, geojson"),
    ("area-kind-missing", {"areas": [{"name": "x"}]}, "scenario.areas[0].kind", "None",
     r"is not one of region, border-strip, geojson"),
    ("area-width-zero", {"areas": [{"kind": "border-strip", "width_km": 0}]},
     "scenario.areas[0].width_km", "0", r"is outside 1\.\.1000"),
    ("area-width-text", {"areas": [{"kind": "border-strip", "width_km": "20"}]},
     "scenario.areas[0].width_km", "'20'", r"is not a number"),
    ("area-standoff-not-below-width",
     {"areas": [{"kind": "border-strip", "width_km": 20, "standoff_km": 20}]},
     "scenario.areas[0]", "standoff 20 km", r"must be less than the width 20 km"),
    ("area-region-empty", {"areas": [{"kind": "region", "region_id": ""}]},
     "scenario.areas[0].region_id", "''", r"is empty"),
    ("area-geometry-not-json", {"areas": [{"kind": "geojson", "geometry": "{bad"}]},
     "scenario.areas[0].geometry", "'{bad'", r"is not JSON"),
    ("area-geometry-type", {"areas": [{"kind": "geojson",
                                       "geometry": {"type": "Circle", "coordinates": [1, 2]}}]},
     "scenario.areas[0].geometry.type", "'Circle'", r"is not a GeoJSON geometry"),
    ("too-many-areas", {"areas": [{"kind": "region", "region_id": "RU-KRS"}] * 21},
     "scenario.areas", "21 entries", r"at most 20 are allowed"),
    ("user-target-lat", {"user_targets": [{"name": "t", "lat": -91, "lon": 0}]},
     "scenario.user_targets[0].lat", "-91", r"is outside -90\.\.90"),
    ("note-too-long", {"notes": [{"text": "x" * 501, "lat": 50, "lon": 35}]},
     "scenario.notes[0].text", "'xxxxxxxxxx", r"is longer than 500 characters"),
    ("note-lat-text", {"notes": [{"text": "x", "lat": "n", "lon": 35}]},
     "scenario.notes[0].lat", "'n'", r"is not a number"),
    ("allowed-region-not-text", {"allowed_regions": [1]}, "scenario.allowed_regions[0]", "1",
     r"is not text"),
    ("too-many-focus-regions", {"focus_regions": [f"R{i}" for i in range(11)]},
     "scenario.focus_regions", "11 entries", r"at most 10 are allowed"),
    ("preset-too-long", {"preset": "p" * 65}, "scenario.preset", "'ppppp",
     r"is longer than 64 characters"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("data", "path", "value", "rule"),
    [pytest.param(*row[1:], id=row[0]) for row in SCENARIO_FIELDS],
)
def test_scenario_field_error_names_path_value_and_rule(data, path, value, rule):
    with pytest.raises(ScenarioError) as info:
        Scenario.from_dict(data)
    message = str(info.value)
    assert message.startswith(f"{path}: "), message
    assert value in message, message
    assert re.search(rule, message), message


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        pytest.param("", r"not valid JSON \(Expecting value", id="empty"),
        pytest.param("{", r"not valid JSON", id="truncated"),
        pytest.param('{"title": NaN}', r"not valid JSON \(NaN is not allowed\)", id="nan"),
        pytest.param(b"\xff\xfe", r"not UTF-8 text \(invalid start byte at byte 0\)",
                     id="not-utf8"),
        pytest.param("[" * 5000 + "]" * 5000, r"JSON nested too deeply", id="deep"),
        pytest.param("[1, 2]", r"\[1, 2\] is not an object", id="array"),
    ],
)  # fmt: skip
def test_scenario_json_error_names_source_and_rule(text, rule):
    with pytest.raises(ScenarioError) as info:
        scenario_from_json(text, source="s.json")
    message = str(info.value)
    assert message.startswith("s.json"), message
    assert re.search(rule, message), message


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param("s.json", "s.json: scenario.sites[0].lat: 95", id="named-source"),
        pytest.param(None, "scenario file: scenario.sites[0].lat: 95", id="default-source"),
    ],
)
def test_scenario_json_field_error_keeps_the_field_path(source, expected):
    text = _scenario(sites=[{"name": "a", "lat": 95, "lon": 35}])
    kwargs = {} if source is None else {"source": source}
    with pytest.raises(ScenarioError) as info:
        scenario_from_json(text, **kwargs)
    assert expected in str(info.value)


# --------------------------------------------------------------------------
# 3. Coordinates
# --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "rule"),
    [
        pytest.param("95, 30", r"latitude 95 is outside -90\.\.90; did you swap", id="lat-95"),
        pytest.param("50, 200", r"longitude 200 is outside -180\.\.180", id="lon-200"),
        pytest.param("", r"empty; expected 'lat, lon' such as", id="empty"),
        pytest.param("50", r"only one number; expected 'lat, lon'", id="one-number"),
        pytest.param("abc", r"'abc' is not part of a coordinate", id="word"),
        pytest.param("nan, 3", r"'nan' is not a finite number", id="nan"),
        pytest.param("1e-5, 3", r"exponent notation .* is not accepted", id="exponent"),
        pytest.param("50,9077 34,7981", r"decimal commas are not accepted", id="decimal-commas"),
        pytest.param("50.9, 34.8, 12", r"found 2 separators", id="three-values"),
        pytest.param("50°61′N 34°E", r"minutes 61 must be less than 60", id="minutes-61"),
        pytest.param("-50N, 30E", r"negative sign combined with hemisphere letter 'N'",
                     id="sign-and-letter"),
        pytest.param("50N 30N", r"two latitudes \(N and N\)", id="two-latitudes"),
        pytest.param("50.5 30 20, 34", r"degrees '50\.5' have decimals but are followed by",
                     id="decimal-degrees-with-minutes"),
        pytest.param("x" * 300, r"300 characters is too long for a coordinate", id="too-long"),
    ],
)  # fmt: skip
def test_coordinate_error_names_text_and_rule(text, rule):
    with pytest.raises(CoordinateError) as info:
        parse_latlon(text, source="--launch")
    message = str(info.value)
    shown = text if len(text) <= 60 else text[:57] + "..."
    assert message.startswith(f"--launch {shown!r}: "), message
    assert re.search(rule, message), message


def test_coordinate_error_for_non_text_names_the_type():
    with pytest.raises(CoordinateError, match=r"^--launch: expected text such as .*, got int$"):
        parse_latlon(5, source="--launch")  # type: ignore[arg-type]
