"""Benchmark of ranges.analysis against the obvious alternatives.

Run from the project root::

    .venv/bin/python benchmarks/bench_analysis.py

Prints the machine, then a markdown table of median wall-clock times
(``time.perf_counter``, several repeats) and the ratio of each alternative to
the function it could replace.  Targets are random points in the theatre
(20-50°E, 44-56°N) from a fixed seed; launch sites are Sumy, Kharkiv and
Zaporizhzhia, range 300 km (ATACMS M57).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import geopandas as gpd  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import shapely  # noqa: E402
from _common import machine, median_time  # noqa: E402
from shapely.geometry import MultiPoint, Point  # noqa: E402

from ranges.analysis import nearest_launch, region_coverage, targets_in_range  # noqa: E402
from ranges.geodata import load_geodata  # noqa: E402
from ranges.geodesy import GEOD, reach  # noqa: E402

SITES = [
    ("Sumy", Point(34.79906, 50.91741)),
    ("Kharkiv", Point(36.25475, 49.98177)),
    ("Zaporizhzhia", Point(35.11714, 47.85167)),
]
MAX_KM = 300.0
SEED = 20241117


def random_targets(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(SEED)
    return pd.DataFrame(
        {
            "name": np.arange(n).astype(str),
            "lon": rng.uniform(20.0, 50.0, n),
            "lat": rng.uniform(44.0, 56.0, n),
        }
    )


def geodata_load_cold(repeats: int) -> float:
    code = (
        "import time; from ranges.geodata import load_geodata; "
        "t = time.perf_counter(); load_geodata(); print(time.perf_counter() - t)"
    )
    times = []
    for _ in range(repeats):
        out = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
        )
        times.append(float(out.stdout.strip()))
    return statistics.median(times)


def per_point_loop(df: pd.DataFrame) -> np.ndarray:
    """The obvious exact alternative: one pyproj call per target and site."""
    out = np.empty(len(df), dtype=bool)
    sites = [(p.x, p.y) for _, p in SITES]
    for i, (lon, lat) in enumerate(zip(df["lon"].to_numpy(), df["lat"].to_numpy(), strict=True)):
        best = min(GEOD.inv(x, y, lon, lat)[2] for x, y in sites)
        out[i] = best <= MAX_KM * 1000.0
    return out


def sjoin_within(points: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The obvious GIS alternative: reach polygon (10 m tolerance) + spatial join."""
    area = reach(MultiPoint([p for _, p in SITES]), MAX_KM)
    poly = gpd.GeoDataFrame({"zone": ["reach"]}, geometry=[area], crs="EPSG:4326")
    return gpd.sjoin(points, poly, predicate="within")


def contains_xy(df: pd.DataFrame) -> np.ndarray:
    area = reach(MultiPoint([p for _, p in SITES]), MAX_KM)
    shapely.prepare(area)
    return shapely.contains_xy(area, df["lon"].to_numpy(), df["lat"].to_numpy())


def overlay_coverage(area, regions: gpd.GeoDataFrame) -> pd.DataFrame:
    """The obvious GIS alternative: geopandas overlay, then geodesic areas."""
    zone = gpd.GeoDataFrame(geometry=[area], crs="EPSG:4326")
    inter = gpd.overlay(regions, zone, how="intersection", keep_geom_type=True)
    inter["covered_km2"] = [
        abs(GEOD.geometry_area_perimeter(shapely.orient_polygons(g))[0]) / 1e6
        for g in inter.geometry
    ]
    return inter


def main() -> None:
    rows: list[tuple[str, str, float, int, str]] = []
    ratios: list[tuple[str, str, float]] = []

    def record(name, n, seconds, repeats, note=""):
        rows.append((name, n, seconds, repeats, note))
        print(f"  {name} [{n}]: {seconds:.4f} s", file=sys.stderr)
        return seconds

    print("## Machine\n")
    print(machine())
    print()

    record(
        "geodata load, cold (new interpreter, load only)",
        "5 layers",
        geodata_load_cold(5),
        5,
        "imports excluded",
    )
    geo = load_geodata()

    # ---- targets in range: point sites --------------------------------------
    for n, repeats in ((100_000, 7), (1_000_000, 5)):
        df = random_targets(n)
        targets_in_range(SITES, df.iloc[:1000], MAX_KM)  # warm-up
        t_ours, res = median_time(lambda df=df: targets_in_range(SITES, df, MAX_KM), repeats)
        label = f"{n:,}"
        record(
            "targets_in_range, 3 point sites, 300 km",
            label,
            t_ours,
            repeats,
            f"{len(res):,} in range; {'≤ 0.3' if n == 100_000 else '≤ 3'} s required",
        )
        t_all, res_all = median_time(
            lambda df=df: targets_in_range(SITES, df, MAX_KM, include_all=True),
            max(3, repeats // 2),
        )
        record(
            "targets_in_range, include_all=True (exact distance for all)",
            label,
            t_all,
            max(3, repeats // 2),
        )
        ratios.append(
            (f"exact for all targets, no prefilter ({label})", "targets_in_range", t_all / t_ours)
        )

        points = gpd.GeoDataFrame(
            df, geometry=gpd.points_from_xy(df["lon"], df["lat"]), crs="EPSG:4326"
        )
        t_sj, sj = median_time(lambda points=points: sjoin_within(points), max(3, repeats // 2))
        exact = set(res.index)
        differ = len(exact.symmetric_difference(sj.index))
        record(
            "alt: reach polygon + geopandas sjoin(within)",
            label,
            t_sj,
            max(3, repeats // 2),
            f"membership only, no distances; {differ} targets classified differently",
        )
        ratios.append(
            (f"geopandas sjoin within reach polygon ({label})", "targets_in_range", t_sj / t_ours)
        )
        t_cx, _ = median_time(lambda df=df: contains_xy(df), repeats)
        record(
            "alt: reach polygon + shapely.contains_xy",
            label,
            t_cx,
            repeats,
            "membership only, no distances",
        )
        ratios.append(
            (f"shapely.contains_xy on reach polygon ({label})", "targets_in_range", t_cx / t_ours)
        )
        if n == 100_000:
            t_loop, loop = median_time(lambda df=df: per_point_loop(df), 2)
            assert set(df.index[loop]) == exact
            record("alt: per-target pyproj loop (exact)", label, t_loop, 2, "same result")
            ratios.append(
                (f"per-target pyproj loop ({label})", "targets_in_range", t_loop / t_ours)
            )

    # ---- an area launch site: Sumy oblast ------------------------------------
    oblast = geo.regions.set_index("region_id").loc["UA-59", "geometry"]
    area_site = [("Sumy oblast", oblast)]
    shipped = pd.concat(
        [
            geo.cities[["name_en", "lon", "lat"]].rename(columns={"name_en": "name"}),
            geo.airfields[["name", "lon", "lat"]],
        ],
        ignore_index=True,
    )
    t, res = median_time(lambda: targets_in_range(area_site, shipped, MAX_KM), 5)
    record(
        "targets_in_range, Sumy oblast polygon site (268 vertices), cities + airfields",
        f"{len(shipped):,}",
        t,
        5,
        f"{len(res):,} in range",
    )
    t, _ = median_time(lambda: nearest_launch(area_site, shipped["lon"], shipped["lat"]), 5)
    record(
        "nearest_launch, Sumy oblast polygon site, cities + airfields",
        f"{len(shipped):,}",
        t,
        5,
        "every target, up to ~3,000 km away",
    )
    df = random_targets(100_000)
    t, _ = median_time(lambda: targets_in_range(area_site, df, MAX_KM), 3)
    record("targets_in_range, Sumy oblast polygon site, random targets", "100,000", t, 3)

    # ---- region coverage ----------------------------------------------------
    regions = geo.regions
    sumy = SITES[0][1]
    region_coverage(reach(sumy, MAX_KM), regions)  # builds the spatial index once
    t_cov, cov = median_time(lambda: region_coverage(reach(sumy, MAX_KM), regions), 7)
    record(
        "reach + region_coverage, 300 km from Sumy",
        f"{len(cov)} regions",
        t_cov,
        7,
        "≤ 0.3 s required",
    )
    area = reach(sumy, MAX_KM)
    t_cov_only, _ = median_time(lambda: region_coverage(area, regions), 7)
    record("region_coverage only (reach precomputed)", f"{len(cov)} regions", t_cov_only, 7)
    t_ov, ov = median_time(lambda: overlay_coverage(area, regions), 5)
    kursk = float(ov.loc[ov["region_id"] == "RU-KRS", "covered_km2"].sum())
    ours = float(cov.set_index("region_id").loc["RU-KRS", "covered_km2"])
    record(
        "alt: geopandas overlay + geodesic areas",
        f"{len(ov)} regions",
        t_ov,
        5,
        f"Kursk covered {kursk:,.1f} km² vs ours {ours:,.1f} km²",
    )
    ratios.append(("geopandas overlay + areas", "region_coverage", t_ov / t_cov_only))

    print("## Timings (median)\n")
    print("| what | n | median s | repeats | note |")
    print("| --- | ---: | ---: | ---: | --- |")
    for name, n, seconds, repeats, note in rows:
        print(f"| {name} | {n} | {seconds:.4f} | {repeats} | {note} |")
    print()
    print("## Alternatives (time of the alternative / time of ours; > 1 means ours is faster)\n")
    print("| alternative | compared with | ratio |")
    print("| --- | --- | ---: |")
    for alt, ours_name, ratio in ratios:
        print(f"| {alt} | {ours_name} | {ratio:.1f}× |")


if __name__ == "__main__":
    main()
