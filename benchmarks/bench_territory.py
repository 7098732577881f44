"""Benchmark of the occupied-territory data (``ranges.territory``, issue 11).

Run from the project root::

    .venv/bin/python benchmarks/bench_territory.py

Prints the machine and the load average, then a markdown table for the README:
median wall-clock times (``time.perf_counter``), the budget where issue 11
sets one, and the ratio of the obvious alternative to ours (> 1: ours is
faster).  Measured in one run:

* **cold load**: one date in a new interpreter, imports excluded (from after
  ``import ranges.territory`` to having ``occupied(day).geometry``), median of
  5 processes, for 2024-11-17, the first date, a date without a snapshot
  (2025-01-01, answered by 2024-12-31) and the newest.  The alternative reads
  that day's source GeoJSON with geopandas (pyogrio), after ``import
  geopandas``; it needs the upstream files, from ``/tmp/ds/deepstate-map-data``
  or from the archive ``../shared/sources/deepstate-map-data-e904719.tar.xz``
  (the four files are extracted to a temporary folder); without either the
  column is skipped with a note.
* **warm**, in this process with the layers loaded: ``occupied`` (new date and
  cached), ``held``, ``front_line``, ``classify`` of 10,000 random points in
  the theatre (20-50°E, 44-56°N, fixed seed), ``launch_areas.held_territory``
  and ``launch_areas.front_strip`` (60 km, 15 km standoff).  "New date" means
  a snapshot not asked for before in this run, with every cache of
  ``ranges.territory`` and ``ranges.launch_areas`` cleared first unless the row
  says the caches are warm; each repeat takes another date.
* **size** of ``data/`` and of ``data/occupied.bin``, and the **worst area
  error**: each stored date's geodesic area against the source area the build
  recorded (``territory.source_areas_km2()``), on all dates; where the source
  files are here, also against the source polygons read with geopandas.

Nothing is downloaded.
"""

from __future__ import annotations

import datetime
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import shapely  # noqa: E402
from _common import machine, median_time  # noqa: E402

from ranges import launch_areas, territory  # noqa: E402
from ranges.geodata import load_geodata  # noqa: E402
from ranges.geodesy import GEOD  # noqa: E402

FLAGSHIP = "2024-11-17"
GAP_DATE = "2025-01-01"  # no upstream file: answered by the 2024-12-31 snapshot
COLD_REPEATS = 5
WARM_REPEATS = 5
N_POINTS = 10_000
SEED = 20241117
LOAD_BUDGET_S = 0.2
DATA_BUDGET_MB = 25.0
AREA_BUDGET_PCT = 1.0
SOURCE_DIR = Path("/tmp/ds/deepstate-map-data/data")
SOURCE_ARCHIVE = ROOT.parent / "shared" / "sources" / "deepstate-map-data-e904719.tar.xz"
SOURCE_NAME = "deepstatemap_data_{}.geojson"  # YYYYMMDD

# Run in a new interpreter: the time from after the import to the geometry.
OURS_COLD = """
import sys, time
import ranges.territory as territory
t0 = time.perf_counter()
geometry = territory.occupied(sys.argv[1]).geometry
print(time.perf_counter() - t0)
"""
# The obvious alternative: pick the latest source file on or before the date,
# read it with geopandas (pyogrio), take its geometry.
ALT_COLD = """
import bisect, os, sys, time
import geopandas, shapely
t0 = time.perf_counter()
folder, want = sys.argv[1], "deepstatemap_data_" + sys.argv[2].replace("-", "") + ".geojson"
names = sorted(n for n in os.listdir(folder) if n.startswith("deepstatemap_data_"))
frame = geopandas.read_file(os.path.join(folder, names[bisect.bisect_right(names, want) - 1]),
                            engine="pyogrio")
geoms = frame.geometry.to_numpy()
geometry = geoms[0] if len(geoms) == 1 else shapely.union_all(geoms)
print(time.perf_counter() - t0)
"""


# --------------------------------------------------------------------------
# Source files (optional)
# --------------------------------------------------------------------------
def source_files(days: list[datetime.date], tmp: Path) -> tuple[Path | None, str]:
    """A folder holding the upstream files of ``days`` (snapshot dates), and where it came from."""
    names = [SOURCE_NAME.format(d.strftime("%Y%m%d")) for d in days]
    if SOURCE_DIR.is_dir() and all((SOURCE_DIR / n).is_file() for n in names):
        return SOURCE_DIR, f"`{SOURCE_DIR}` (all 769 files)"
    if SOURCE_ARCHIVE.is_file():
        wanted = set(names)
        try:
            with tarfile.open(SOURCE_ARCHIVE, "r:xz") as tar:
                for member in tar:
                    base = member.name.rsplit("/", 1)[-1]
                    if member.isfile() and base in wanted:
                        (tmp / base).write_bytes(tar.extractfile(member).read())
        except (OSError, tarfile.TarError) as exc:
            return None, f"archive {SOURCE_ARCHIVE} unreadable ({exc})"
        if all((tmp / n).is_file() for n in names):
            return tmp, f"`{SOURCE_ARCHIVE.name}` ({len(names)} files extracted)"
        return None, f"archive {SOURCE_ARCHIVE} lacks some of {names}"
    return None, f"neither {SOURCE_DIR} nor {SOURCE_ARCHIVE} is present"


def read_source(folder: Path, day: datetime.date):
    """The source polygon of snapshot ``day``, read as the alternative reads it."""
    import geopandas as gpd

    frame = gpd.read_file(folder / SOURCE_NAME.format(day.strftime("%Y%m%d")), engine="pyogrio")
    geoms = frame.geometry.to_numpy()
    return geoms[0] if len(geoms) == 1 else shapely.union_all(geoms)


# --------------------------------------------------------------------------
# Timing
# --------------------------------------------------------------------------
def cold(code: str, args: list[str], repeats: int) -> float:
    """Median of the seconds printed by ``code`` run in ``repeats`` new interpreters."""
    times = []
    for _ in range(repeats):
        out = subprocess.run(
            [sys.executable, "-c", code, *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        if out.returncode != 0:
            raise SystemExit(f"subprocess failed ({' '.join(args)}):\n{out.stderr}")
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


def clear_caches() -> None:
    """Forget every cached snapshot and derived geometry, in both modules."""
    if hasattr(territory, "clear_cache"):
        territory.clear_cache()
    split = getattr(launch_areas, "_split", None)  # held/occupied/front per date
    if hasattr(split, "cache_clear"):
        split.cache_clear()


def per_new_date(fn: Callable[[datetime.date], object], dates: Iterator[datetime.date],
                 repeats: int, *, clear: bool = True) -> float:  # fmt: skip
    """Median seconds of ``fn(day)``, each call on a date not asked for before.

    ``clear`` empties the caches before each call (untimed), so a call pays for
    reading the header, decompressing the block and every derived geometry.
    """
    times = []
    for _ in range(repeats):
        day = next(dates)
        if clear:
            clear_caches()
        t0 = time.perf_counter()
        fn(day)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def loadavg() -> str:
    try:
        return ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def fmt_s(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def fmt_ratio(alt: float, ours: float) -> str:
    ratio = alt / ours
    return f"{ratio:.1f}×" if ratio < 10 else f"{ratio:.0f}×"


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------
def main() -> None:
    # (what, median or value, budget, ratio of the alternative to ours)
    rows: list[tuple[str, str, str, str]] = []
    notes: list[str] = []

    def record(what: str, value: str, budget: str = "", ratio: str = "") -> None:
        rows.append((what, value, budget, ratio))
        print(f"  {what}: {value}", file=sys.stderr)

    print("## Machine\n")
    print(machine())
    print(f"- load average at start (1, 5, 15 min): {loadavg()}")
    print()

    all_dates = territory.snapshot_dates()
    first, newest = all_dates[0], all_dates[-1]
    asked = [FLAGSHIP, first.isoformat(), GAP_DATE, newest.isoformat()]
    snaps = [territory.snapshot_date(d) for d in asked]

    with tempfile.TemporaryDirectory(prefix="bench_territory_") as tmp:
        src, src_note = source_files(snaps, Path(tmp))
        if src is None:
            notes.append(f"Alternative column skipped: {src_note}.")
        else:
            per_day = statistics.mean(
                (src / SOURCE_NAME.format(d.strftime("%Y%m%d"))).stat().st_size for d in snaps
            )
            notes.append(
                f"Source GeoJSON for the alternative: {src_note}; the source keeps one file per "
                f"day ({per_day / 1e3:.0f} KB each on average for these four dates), ours every "
                f"date in `{territory.DATA_FILE}`. The alternative's cold time includes GDAL's "
                "one-time set-up on pyogrio's first read; its warm row leaves that out."
            )

        # ---- cold load, one date per process ---------------------------------
        for day, snap in zip(asked, snaps, strict=True):
            label = day if snap.isoformat() == day else f"{day} (snapshot {snap})"
            t_ours = cold(OURS_COLD, [day], COLD_REPEATS)
            t_alt = cold(ALT_COLD, [str(src), day], COLD_REPEATS) if src is not None else None
            record(
                f"load one date, cold (new process, imports excluded), {label}",
                fmt_s(t_ours),
                f"{LOAD_BUDGET_S:g} s",
                "" if t_alt is None else fmt_ratio(t_alt, t_ours),
            )
            if t_alt is not None:
                record(
                    f"alt: geopandas.read_file (pyogrio) of the source GeoJSON, cold, {label}",
                    fmt_s(t_alt),
                )

        # ---- warm -----------------------------------------------------------
        geo = load_geodata()
        rng = np.random.default_rng(SEED)
        lon = rng.uniform(20.0, 50.0, N_POINTS)
        lat = rng.uniform(44.0, 56.0, N_POINTS)
        # A fixed shuffle of every snapshot date but the four above; each
        # timed call takes the next, so no date is asked for twice.
        pool = [d for d in all_dates if d not in snaps]
        dates = iter([pool[i] for i in np.random.default_rng(SEED).permutation(len(pool))])
        n = WARM_REPEATS

        t_new = per_new_date(lambda d: territory.occupied(d).geometry, dates, n)
        t_alt = None
        if src is not None:
            # GDAL's one-time set-up happens on the first read: leave it out.
            read_source(src, snaps[0])
            files = iter(snaps * n)
            t_alt, _ = median_time(lambda: read_source(src, next(files)), n)
        record(
            f"`occupied`, new date, caches cleared (×{n})",
            fmt_s(t_new),
            "",
            "" if t_alt is None else fmt_ratio(t_alt, t_new),
        )
        if t_alt is not None:
            record(f"alt: geopandas.read_file of one source GeoJSON, warm process (×{n})",
                   fmt_s(t_alt))  # fmt: skip
        t, _ = median_time(lambda: territory.occupied(FLAGSHIP).geometry, 50, warmup=True)
        record("`occupied`, date already asked (cached, ×50)", fmt_s(t))

        t = per_new_date(lambda d: territory.held(d, geo).geometry, dates, n)
        record(f"`held`, new date, caches cleared (×{n})", fmt_s(t))
        t = per_new_date(lambda d: territory.front_line(d, geo), dates, n)
        record(f"`front_line`, new date, caches cleared (×{n})", fmt_s(t))
        t, _ = median_time(lambda: territory.front_line(FLAGSHIP, geo), 50, warmup=True)
        record("`front_line`, date already asked (cached, ×50)", fmt_s(t))

        pts = f"{N_POINTS:,} random points"
        t = per_new_date(lambda d: territory.classify(lon, lat, d, geo), dates, n)
        record(f"`classify` {pts}, new date, caches cleared (×{n})", fmt_s(t))
        territory.classify(lon[:10], lat[:10], FLAGSHIP, geo)  # builds the country index
        t = per_new_date(lambda d: territory.classify(lon, lat, d, geo), dates, n, clear=False)
        record(f"`classify` {pts}, new date, country index warm (×{n})", fmt_s(t))
        t, _ = median_time(lambda: territory.classify(lon, lat, FLAGSHIP, geo), n, warmup=True)
        record(f"`classify` {pts}, date already asked (×{n})", fmt_s(t))

        t = per_new_date(lambda d: launch_areas.held_territory(geo, d), dates, n)
        record(f"`launch_areas.held_territory`, new date, caches cleared (×{n})", fmt_s(t))

        def strip(day):
            return launch_areas.front_strip(geo, day, 60.0, standoff_km=15.0)

        t = per_new_date(strip, dates, n)
        record(
            f"`launch_areas.front_strip` 60 km, 15 km standoff, new date, caches cleared (×{n})",
            fmt_s(t),
        )
        t, _ = median_time(lambda: strip(FLAGSHIP), n, warmup=True)
        record(
            f"`launch_areas.front_strip` 60 km, 15 km standoff, date already asked (×{n})",
            fmt_s(t),
        )

        # ---- size and fidelity ---------------------------------------------
        data_dir = ROOT / "data"
        total = sum(p.stat().st_size for p in data_dir.rglob("*") if p.is_file())
        record("size of `data/` (all files)", f"{total / 1e6:.2f} MB", f"{DATA_BUDGET_MB:g} MB")
        occ_bytes = (data_dir / territory.DATA_FILE).stat().st_size
        record(f"size of `data/{territory.DATA_FILE}`", f"{occ_bytes / 1e3:.1f} KB")

        clear_caches()
        source_km2 = territory.source_areas_km2()
        worst, worst_day = -1.0, None
        for day in all_dates:
            stored = territory.geodesic_area_km2(territory.occupied(day).geometry)
            err = abs(stored - source_km2[day]) / source_km2[day] * 100.0
            if err > worst:
                worst, worst_day = err, day
        record(
            f"worst stored-vs-source area error, all {len(all_dates)} dates ({worst_day})",
            f"{worst:.1e} %",
            f"{AREA_BUDGET_PCT:g} %",
        )
        info = territory.data_info().get("stats", {})
        if "worst_area_error_pct" in info:
            notes.append(
                f"The build recorded a worst area error of {info['worst_area_error_pct']:.1e} % "
                f"({info.get('worst_area_error_date', '?')}); source areas are the build's "
                "geodesic areas of the source polygons."
            )
        if src is not None:
            diffs = []
            for snap in snaps:
                geom = read_source(src, snap)
                a_src = abs(GEOD.geometry_area_perimeter(shapely.orient_polygons(geom))[0]) / 1e6
                a_ours = territory.geodesic_area_km2(territory.occupied(snap).geometry)
                diffs.append((abs(a_ours - a_src) / a_src * 100.0, snap, a_src))
            d, snap, a_src = max(diffs)
            notes.append(
                f"Independent check on the {len(snaps)} cold-load dates: stored area vs the "
                "source GeoJSON read with geopandas and `Geod.geometry_area_perimeter`, worst "
                f"{d:.1e} % ({snap}; source {a_src:,.1f} km²)."
            )

    print("## Occupied territory (median wall-clock time)\n")
    print("| what | median (or value) | budget | alternative / ours |")
    print("| --- | ---: | ---: | ---: |")
    for what, value, budget, ratio in rows:
        print(f"| {what} | {value} | {budget} | {ratio} |")
    print()
    notes.append(
        "Cold rows: median of "
        f"{COLD_REPEATS} new processes each. Warm rows: this process, layers loaded; \"new "
        "date\" = a snapshot not asked for before in this run, each repeat another date."
    )
    for note in notes:
        print(f"- {note}")
    print(f"- load average at end (1, 5, 15 min): {loadavg()}")


if __name__ == "__main__":
    main()
