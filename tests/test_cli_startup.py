"""``strike-range`` starts quickly: importing the CLI loads no pandas,
geopandas or matplotlib, commands that need no tables never load them, and
names resolve from the gazetteer's precomputed index, which must match the
shipped data (rebuild it with ``python scripts/build_indexes.py gazetteer``).

Behaviour, not timing: ``benchmarks/bench_cli.py`` measures the times.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from ranges.errors import UnknownNameError
from ranges.gazetteer import INDEX_FILE, Gazetteer, load_gazetteer, write_index
from ranges.geodata import load_geodata

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("pandas", "geopandas", "matplotlib", "pyogrio")


def _heavy_modules_after(code: str) -> list[str]:
    """Run ``code`` in a fresh interpreter; return the heavy modules it imported."""
    probe = (
        "import sys\n" + code + "\n"
        f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                          text=True, check=True, timeout=300)  # fmt: skip
    return done.stdout.split("\n")[-2].split()


def test_importing_the_cli_loads_no_pandas_geopandas_or_matplotlib():
    assert _heavy_modules_after("import ranges.cli") == []


def test_importing_the_old_command_modules_loads_nothing_heavy():
    assert _heavy_modules_after("import ranges.cli_render, ranges.cli_export") == []


@pytest.mark.parametrize(
    "argv",
    [
        ["weapons"],
        ["presets"],
        ["distance", "50.9, 34.8", "51.7, 36.2"],
        ["distance", "Sumy", "Kursk"],
        ["distance", "UUOK", "Kharkov"],
        ["reach", "--launch", "Sumy", "--weapon", "atacms-m57"],
        ["render", "--help"],
    ],
)
def test_commands_without_tables_never_load_pandas(argv):
    code = (
        "import contextlib, io\n"
        "from ranges.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        f"        assert main({argv!r}) == 0\n"
        "    except SystemExit as exc:\n"  # --help exits
        "        assert exc.code == 0\n"
    )
    assert _heavy_modules_after(code) == []


def test_export_help_lists_every_format_of_ranges_exports(capsys):
    from ranges.cli import main
    from ranges.exports import FORMATS

    with pytest.raises(SystemExit):
        main(["export", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    for fmt in FORMATS.values():
        assert fmt.extension in text


# ------------------------------------------------------------ gazetteer index


@pytest.fixture(scope="module")
def built() -> Gazetteer:
    return Gazetteer(load_geodata())


@pytest.fixture(scope="module")
def indexed() -> Gazetteer:
    return load_gazetteer()


def test_shipped_index_is_what_the_build_script_writes_from_the_data(tmp_path):
    fresh = write_index(tmp_path / "index.json.gz")
    assert fresh.read_bytes() == INDEX_FILE.read_bytes(), (
        "data/gazetteer.json.gz is stale: run python scripts/build_indexes.py gazetteer"
    )


def test_index_gazetteer_holds_the_same_names_as_one_built_from_the_layers(built, indexed):
    assert indexed._from_index and not built._from_index
    assert indexed._snapshot() == built._snapshot()
    assert len(indexed) == len(built)


@pytest.mark.parametrize("name", ["Sumy", "Kiev", "khar'kov", "UUOK", "Kursk oblast", "Київ",
                                  "city:703448", "Bar, UA", "Russia", "Engels-2"])  # fmt: skip
def test_index_gazetteer_finds_what_the_built_one_finds(built, indexed, name):
    assert indexed.lookup(name) == built.lookup(name)


@pytest.mark.parametrize("name", ["Sumyy", "Bar", "Zzzxq", ""])
def test_index_gazetteer_fails_with_the_built_ones_message(built, indexed, name):
    with pytest.raises(UnknownNameError) as want:
        built.lookup(name)
    with pytest.raises(UnknownNameError) as got:
        indexed.lookup(name)
    assert str(got.value) == str(want.value)
    assert got.value.suggestions == want.value.suggestions


@pytest.mark.parametrize("prefix", ["", "Kurs", "Sev", "Бел", "uu"])
def test_index_gazetteer_searches_like_the_built_one(built, indexed, prefix):
    assert indexed.search(prefix, limit=15) == built.search(prefix, limit=15)


def test_index_gazetteer_reads_region_polygons_from_the_layers(built, indexed):
    assert indexed.region_geometry("RU-KRS").equals(built.region_geometry("RU-KRS"))
    with pytest.raises(UnknownNameError, match="unknown region key"):
        indexed.region_geometry("region:XX-NOPE")


def test_stale_or_missing_index_is_ignored_and_the_layers_used(tmp_path, built):
    stale = tmp_path / "stale.json.gz"
    doc = json.loads(gzip.decompress(INDEX_FILE.read_bytes()))
    doc["sources"]["places.csv"] = "0" * 64  # as if places.csv had changed since
    doc["entries"] = doc["entries"].replace('"Sumy"', '"Wrong name"')
    stale.write_bytes(gzip.compress(json.dumps(doc).encode()))
    for path in (stale, tmp_path / "missing.json.gz"):
        gaz = load_gazetteer(index_file=path)
        assert not gaz._from_index
        assert gaz.lookup("Sumy") == built.lookup("Sumy")


def test_damaged_index_is_ignored(tmp_path, built):
    damaged = tmp_path / "damaged.json.gz"
    damaged.write_bytes(INDEX_FILE.read_bytes()[:1000])
    gaz = load_gazetteer(index_file=damaged)
    assert not gaz._from_index and gaz.lookup("Kursk") == built.lookup("Kursk")


def test_the_parsers_lists_of_choices_are_those_of_the_modules_they_avoid_importing():
    from ranges import render, scenario
    from ranges.cli import options
    from ranges.cli import render as cli_render

    assert options.TARGET_KINDS == scenario.TARGET_KINDS
    assert cli_render.THEMES == tuple(render.THEMES)
