"""``data/targets.npz``, the precomputed targets and regions, and the CLI's
pandas-free path that reads it.

- the shipped index matches the files it is built from (rebuild it with
  ``python scripts/build_indexes.py targets``), and its contents are what the
  layers give: targets with country and territory on several snapshot dates,
  regions with their polygons and areas;
- ``targets`` and ``headline`` print the same text (tables, CSV, JSON) from the
  index as from the layers through pandas, over several scenarios;
- with the index they load no pandas, GeoPandas or pyogrio; with a stale,
  damaged or missing index they compute from the layers.

Behaviour, not timing: ``benchmarks/bench_cli.py`` measures the times.
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from ranges import analysis, evaluate, target_index, territory
from ranges.cli import main
from ranges.cli import resolve as cli_resolve

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("pandas", "geopandas", "pyogrio")


@pytest.fixture(scope="module")
def index() -> target_index.TargetIndex:
    found = target_index.load()
    assert found is not None, (
        "data/targets.npz is missing or stale: run python scripts/build_indexes.py targets"
    )
    return found


@pytest.mark.parametrize("kind", target_index.KINDS)
def test_index_targets_are_the_located_targets_of_the_layers(geo, index, kind):
    dates = territory.snapshot_dates()
    changed = np.unique(index["change_snapshot"])
    # first and last snapshot, and days on which some target changed side
    picks = sorted({0, len(dates) - 1, *changed[:: max(1, len(changed) // 4)].tolist()})
    import dataclasses

    # A copy of the layers is not "as read": evaluate locates its targets from
    # the layers and occupied.bin, not from the index under test.
    layers = dataclasses.replace(geo)
    assert evaluate._index_for(layers, (kind,)) is None
    for k in picks:
        want = evaluate.located_targets(layers, kind, dates[k])
        got = index.targets(kind, dates[k])
        for col, values in got.items():
            assert values.tolist() == want[col].to_numpy().tolist(), (kind, dates[k], col)


def test_index_regions_are_the_regions_layer(geo, index):
    regions = index.regions
    layer = geo.regions
    assert regions["region_id"].tolist() == layer["region_id"].tolist()
    assert regions["name_en"].tolist() == layer["name_en"].tolist()
    for col in ("name_uk", "country", "status", "type"):
        want = [v if isinstance(v, str) else "" for v in layer[col]]
        assert regions[col].tolist() == want, col
    geoms = np.asarray(layer.geometry.array, dtype=object)
    assert all(shapely_equal(a, b) for a, b in zip(regions["geometry"], geoms, strict=True))
    some = np.arange(0, len(geoms), 97)
    assert regions["km2"][some].tolist() == [analysis._area_km2(g) for g in geoms[some]]


def shapely_equal(a, b) -> bool:
    import shapely

    return bool(shapely.equals_identical(a, b))


def test_coverage_from_the_index_is_region_coverage_of_the_layer(geo, index):
    from shapely.geometry import Point

    from ranges.geodesy import reach

    area = reach(Point(36.23, 49.99), 500)
    want = analysis.region_coverage(area, geo.regions)
    regions = index.regions
    rows, covered, total, pct = analysis.coverage_rows(
        area, regions["geometry"], regions["region_id"], index.region_tree,
        region_km2=regions["km2"],
    )  # fmt: skip
    assert regions["region_id"][rows].tolist() == want["region_id"].tolist()
    assert covered.tolist() == want["covered_km2"].tolist()
    assert total.tolist() == want["region_km2"].tolist()
    assert pct.tolist() == want["covered_pct"].tolist()


# ------------------------------------------------- the CLI: index vs pandas

SCENARIOS = [
    ["targets", "--launch", "Sumy", "--weapon", "atacms-m57"],
    ["targets", "--launch", "Sumy", "--weapon", "atacms-m57", "--format", "json"],
    ["targets", "--launch", "Sumy", "--weapon", "atacms-m57", "--format", "csv", "--all"],
    ["targets", "--launch", "Kharkiv", "--weapon", "storm-shadow", "--kind", "airfields",
     "--territory", "russia", "--format", "json"],
    ["targets", "--launch", "Belgorod", "--weapon", "iskander-m", "--kind", "places",
     "--as-of", "2024-11-20"],
    ["targets", "--launch", "Kherson", "--weapon", "gmlrs", "--territory", "occupied",
     "--territory", "held", "--all", "--format", "csv", "--as-of", "2025-06-01"],
    ["targets", "--launch", "Kyiv", "--launch", "Odesa", "--weapon", "neptune", "--kind",
     "cities", "--format", "table"],
    ["targets", "--launch", "Sumy", "--weapon", "atacms-m57", "--all", "--territory", "belarus"],
    ["headline", "--launch", "Sumy", "--weapon", "atacms-m57"],
    ["headline", "--launch", "Sumy", "--weapon", "atacms-m57", "--weapon", "gmlrs",
     "--format", "json"],
    ["headline", "--launch", "Belgorod", "--weapon", "iskander-m", "--focus", "UA-63",
     "--focus", "Kharkiv oblast"],
    ["headline", "--launch", "Crimea", "--weapon", "kalibr", "--focus", "UA-40",
     "--as-of", "2024-09-01"],
    ["headline", "--launch", "Kharkiv", "--weapon", "atacms-m39", "--focus", "RU-BEL",
     "--format", "json"],
    ["targets", "--preset", "atacms-nov-2024", "--format", "json"],
    ["headline", "--preset", "atacms-nov-2024"],
    ["headline", "--preset", "russian-missiles-on-ukraine", "--format", "json"],
    ["targets", "--preset", "taurus-from-kyiv-region", "--kind", "airfields", "--all"],
]  # fmt: skip


def _run(argv, *, use_index: bool, monkeypatch) -> tuple[int, str, str]:
    target_index.shipped.cache_clear()
    if not use_index:
        monkeypatch.setattr(cli_resolve, "_target_index", lambda: None)
        from ranges.cli import analysis as cli_analysis

        monkeypatch.setattr(cli_analysis, "_target_index", lambda: None)
        # and evaluate locates the targets from the layers, not from the index
        monkeypatch.setattr(evaluate, "_target_index", lambda: None)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    monkeypatch.undo()
    target_index.shipped.cache_clear()
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("argv", SCENARIOS, ids=lambda a: " ".join(a))
def test_index_path_prints_what_the_pandas_path_prints(argv, monkeypatch, index):
    fast = _run(argv, use_index=True, monkeypatch=monkeypatch)
    slow = _run(argv, use_index=False, monkeypatch=monkeypatch)
    assert slow[0] == 0, slow[2]
    assert fast == slow
    assert len(fast[1].splitlines()) >= 1


def _heavy_modules_after(argv) -> list[str]:
    probe = (
        "import contextlib, io, sys\n"
        "from ranges.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main({argv!r}) == 0\n"
        f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                          text=True, check=True, timeout=300)  # fmt: skip
    return done.stdout.split("\n")[-2].split()


@pytest.mark.parametrize("argv", [SCENARIOS[0], SCENARIOS[2], SCENARIOS[8], SCENARIOS[10]],
                         ids=lambda a: " ".join(a))  # fmt: skip
def test_index_path_loads_no_pandas(argv, index):
    assert _heavy_modules_after(argv) == []


def test_allowed_and_own_targets_still_take_the_pandas_path(tmp_path):
    mine = tmp_path / "mine.csv"
    mine.write_text("name,lat,lon\nKursk,51.7373,36.1873\n", encoding="utf-8")
    argv = ["targets", "--launch", "Sumy", "--weapon", "atacms-m57", "--targets", str(mine)]
    assert "pandas" in _heavy_modules_after(argv)


def test_stale_damaged_or_missing_index_is_not_used(tmp_path, index):
    good = target_index.INDEX_FILE.read_bytes()
    damaged = tmp_path / "damaged.npz"
    damaged.write_bytes(good[:5000])
    assert target_index.load(damaged) is None
    assert target_index.load(tmp_path / "missing.npz") is None
    # an index built from other files: its recorded sources differ from today's
    arrays = {name: index[name] for name in index._npz.files}
    arrays["sources"] = np.array([s.split(":")[0] + ":" + "0" * 64 for s in arrays["sources"]])
    stale = tmp_path / "stale.npz"
    np.savez(stale, **arrays)
    assert target_index.load(stale) is None
    arrays["sources"] = index["sources"]
    fresh = tmp_path / "fresh.npz"
    np.savez(fresh, **arrays)
    assert target_index.load(fresh) is not None


KIND_SETS = [("cities",), ("airfields",), ("places",), ("cities", "airfields", "places"),
             ("places", "cities")]  # fmt: skip


@pytest.mark.parametrize("kinds", KIND_SETS)
def test_evaluate_reads_the_shipped_targets_from_the_index_with_the_same_frames(geo, kinds, index):
    import dataclasses

    import pandas as pd

    from ranges.geodata import is_shipped

    copy = dataclasses.replace(geo)  # same layers, but not "as read": computed from the layers
    assert is_shipped(geo) and not is_shipped(copy)
    assert evaluate._index_for(geo, kinds) is not None and evaluate._index_for(copy, kinds) is None
    pd.testing.assert_frame_equal(evaluate._shipped_table(geo, kinds),
                                  evaluate._shipped_table(copy, kinds))  # fmt: skip
    for day in ("2024-07-08", "2025-05-05", "2026-08-22"):
        pd.testing.assert_frame_equal(evaluate.located_targets(geo, kinds, day),
                                      evaluate.located_targets(copy, kinds, day))  # fmt: skip


def test_evaluate_of_every_preset_is_the_same_with_and_without_the_index(geo, index):
    """The dashboard's and ``render``'s path: targets, coverage, headlines."""
    import dataclasses

    import pandas as pd

    from ranges.presets import PRESETS

    copy = dataclasses.replace(geo)
    assert evaluate._region_km2(geo) is not None and evaluate._region_km2(copy) is None
    for pid, scenario in PRESETS.items():
        fast, slow = evaluate.evaluate(scenario, geo), evaluate.evaluate(scenario, copy)
        pd.testing.assert_frame_equal(fast.targets, slow.targets, obj=pid)
        assert len(fast.weapons) == len(slow.weapons) > 0
        for a, b in zip(fast.weapons, slow.weapons, strict=True):
            pd.testing.assert_frame_equal(a.coverage, b.coverage, obj=pid)
            assert a.headline == b.headline
            assert a.in_range.tolist() == b.in_range.tolist()
