"""Benchmark of ranges.reach against the obvious alternative and the floor.

Run:  python benchmarks/bench_reach.py      (prints a markdown table)

Cases, all at the default tolerance of 10 m:
  * one launch point at 300 km (Sumy);
  * 100 launch points at 300 km (a 10 x 10 grid over eastern Ukraine);
  * a 1,000 km launch line at 300 km.

Beside each, in the same run:
  * alternative: what a GIS analyst would write: per point an azimuthal
    equidistant (AEQD) projection centred on it, ``GeoSeries.buffer`` with
    enough quadrant segments for the same 10 m, back to WGS84, then a union
    (for the line: one AEQD about its middle, which is also less accurate);
  * floor: the bare minimum work for the same accuracy: ``Geod.fwd`` for the
    ideal number of vertices (uniform azimuth step whose sagitta is 10 m) and
    one ``shapely.union_all`` (for the line: ``Geod.fwd`` for as many vertices as
    our output has, and a union of as many quads).
Medians of repeated runs (time.perf_counter); ours, the floor (and the
baseline) are called in turn in each repetition, so their ratios hold on a
machine whose load comes and goes.

``--heavy`` times instead the heavy launch geometry of issue 15, each case in
a fresh process (wall time and peak resident memory from ``os.wait4``):
tangled lines (random walks of 100-500 m steps from near Donetsk) of 5,000,
20,000 and 99,990 vertices, 100,000 scattered points, and reading a KML line
just over the 100,000-vertex limit (refused) or just under it (read).  With
``--baseline FILE`` the same cases run with that geodesy.py too ("today's
construction"; cases the issue measured at over a minute are skipped).

``--baseline FILE`` also times another version of ``ranges/geodesy.py`` from
before it became the package ``ranges/geodesy/`` (e.g. ``git show
474bab4:ranges/geodesy.py > /tmp/geodesy_old.py``) in the same run,
as two extra columns, to compare a change under the same load.

A second table times launch *areas* against the construction they replace,
with the geodesic area of the difference between the two results:
  * reach of the flagship border strip (a ~500-vertex polygon) at 300 km:
    ours buffers each ring on its outer side only; the alternative buffers the
    rings on both sides (as lines) and adds the polygon;
  * the Sumy border strip (60 km, 15 km standoff): ours with ``within`` the
    oblast (only the border near it is buffered); the alternative builds the
    whole strip along the Russian border and cuts it to the oblast.
"""

from __future__ import annotations

import argparse
import importlib.util
import math
import statistics
import sys
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS, Geod
from shapely.geometry import LineString, MultiPoint, Point

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import machine, median_time, tangled_line  # noqa: E402

import ranges  # noqa: E402

GEOD = Geod(ellps="WGS84")
TOL = 10.0
R = 300_000.0


def median_ms(fn, repeat: int) -> float:
    return median_time(fn, repeat, warmup=True)[0] * 1000.0


def interleaved_median_ms(fns, repeat: int) -> list[float]:
    """Median ms of each function, calling them in turn in every repetition,
    so that a load that comes and goes on a shared machine weighs on all of
    them alike and their ratios hold."""
    for fn in fns:
        fn()  # warm-up
    times = [[] for _ in fns]
    for _ in range(repeat):
        for fn, ts in zip(fns, times, strict=True):
            t0 = time.perf_counter()
            fn()
            ts.append(time.perf_counter() - t0)
    return [statistics.median(ts) * 1000.0 for ts in times]


def ideal_vertices(r_m: float, tol: float) -> int:
    return math.ceil(2 * math.pi / (2 * math.acos(1 - tol / r_m)))


def floor_points(points: np.ndarray):
    n = ideal_vertices(R, TOL)
    az = np.linspace(0.0, 360.0, n, endpoint=False)
    lon = np.repeat(points[:, 0], n)
    lat = np.repeat(points[:, 1], n)
    x, y, _ = GEOD.fwd(lon, lat, np.tile(az, len(points)), np.full(lon.size, R))
    rings = np.stack([x, y], axis=1).reshape(len(points), n, 2)
    return shapely.union_all(shapely.polygons(rings))


def aeqd_points(points: np.ndarray):
    quad_segs = math.ceil(90.0 / math.degrees(2 * math.acos(1 - TOL / R)))
    parts = []
    for lon, lat in points:
        crs = CRS.from_proj4(f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m")
        s = gpd.GeoSeries([Point(0, 0)], crs=crs).buffer(R, quad_segs=quad_segs)
        parts.append(s.to_crs(4326).iloc[0])
    return shapely.union_all(parts)


def aeqd_line(line: LineString):
    c = line.interpolate(0.5, normalized=True)
    crs = CRS.from_proj4(f"+proj=aeqd +lat_0={c.y} +lon_0={c.x} +datum=WGS84 +units=m")
    quad_segs = math.ceil(90.0 / math.degrees(2 * math.acos(1 - TOL / R)))
    s = gpd.GeoSeries([line], crs=4326).to_crs(crs).buffer(R, quad_segs=quad_segs)
    return s.to_crs(4326).iloc[0]


def floor_line(n_vertices: int, n_pieces: int):
    lon = np.full(n_vertices, 35.0)
    lat = np.full(n_vertices, 50.0)
    x, y, _ = GEOD.fwd(lon, lat, np.linspace(0, 360, n_vertices), np.full(n_vertices, R))
    k = n_pieces
    quads = np.stack([x[: 4 * k], y[: 4 * k]], axis=1).reshape(k, 4, 2)
    quads = quads + np.arange(k)[:, None, None] * 0.01  # overlapping chain
    return shapely.union_all(shapely.polygons(quads))


def load_baseline(path: str):
    """Another version of ranges/geodesy.py, imported inside the package (it
    uses relative imports) under a name of its own."""
    spec = importlib.util.spec_from_file_location("ranges._geodesy_baseline", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def main(baseline: str | None = None) -> None:
    before = load_baseline(baseline) if baseline else None
    sumy = np.array([[34.7981, 50.9077]])
    gx, gy = np.meshgrid(np.linspace(33.0, 38.0, 10), np.linspace(47.5, 51.5, 10))
    grid = np.column_stack([gx.ravel(), gy.ravel()])
    # 1,000 km line (geodesic length) from near Kherson to the Russian border
    line = LineString(
        [(33.0, 46.6), (35.5, 47.5), (37.8, 48.3), (38.5, 49.5), (35.0, 51.0), (34.0, 52.1)]
    )
    line_km = (
        sum(GEOD.inv(*a, *b)[2] for a, b in zip(line.coords[:-1], line.coords[1:], strict=True))
        / 1000
    )

    out = ranges.reach(LineString(line), 300.0)
    n_line_vertices = len(shapely.get_coordinates(out))

    rows = []
    cases = [
        (
            "1 point, 300 km",
            lambda m=ranges: m.reach(Point(*sumy[0]), 300.0),
            lambda: aeqd_points(sumy),
            lambda: floor_points(sumy),
            200,
            2.0,
        ),
        (
            "100 points, 300 km",
            lambda m=ranges: m.reach(MultiPoint(grid), 300.0),
            lambda: aeqd_points(grid),
            lambda: floor_points(grid),
            15,
            50.0,
        ),
        (
            f"{line_km:,.0f} km line, 300 km",
            lambda m=ranges: m.reach(line, 300.0),
            lambda: aeqd_line(line),
            lambda: floor_line(n_line_vertices, n_line_vertices // 8),
            15,
            150.0,
        ),
    ]
    for name, ours, alt, floor, repeat, budget in cases:
        fns = [ours, floor] + ([lambda f=ours: f(before)] if before else [])
        t_ours, t_floor, *t_before = interleaved_median_ms(fns, repeat)
        t_before = t_before[0] if t_before else None
        t_alt = median_ms(alt, max(3, repeat // 5))
        rows.append(
            (name, t_ours, budget, t_alt, t_alt / t_ours, t_floor, t_ours / t_floor, t_before)
        )

    print(f"## Machine\n\n{machine()}\n")
    extra = " baseline (ms) | baseline / floor |" if before else ""
    print(
        "| case | ranges.reach (ms) | budget (ms) | AEQD buffers + union (ms) | "
        f"alternative / ours | floor (ms) | ours / floor |{extra}"
    )
    print("|---|---:|---:|---:|---:|---:|---:|" + ("---:|---:|" if before else ""))
    for name, t, budget, ta, ra, tf, rf, tb in rows:
        more = f" {tb:.2f} | {tb / tf:.2f}x |" if tb is not None else ""
        print(
            f"| {name} | {t:.2f} | {budget:g} | {ta:.2f} | {ra:.1f}x | {tf:.2f} | {rf:.2f}x |"
            + more
        )


def area_rows() -> list[tuple[str, float, float, float]]:
    """(case, ours ms, alternative ms, km² of difference) for launch areas."""
    from ranges.geodata import load_geodata
    from ranges.launch_areas import border_strip

    geo = load_geodata()
    sumy = geo.regions[geo.regions["region_id"] == "UA-59"].geometry.iloc[0]
    strip = border_strip(geo, 60.0, standoff_km=15.0, within=sumy)

    def both_sides():
        rings = [r.coords for p in getattr(strip, "geoms", [strip])
                 for r in (p.exterior, *p.interiors)]  # fmt: skip
        return ranges.reach(shapely.MultiLineString(rings), 300.0).union(strip)

    def km2(geom) -> float:
        return abs(GEOD.geometry_area_perimeter(shapely.orient_polygons(geom))[0]) / 1e6

    rows = []
    for name, ours, alt in (
        (f"border strip ({shapely.get_num_coordinates(strip)} vertices), 300 km reach",
         lambda: ranges.reach(strip, 300.0), both_sides),
        ("Sumy border strip 60 km, 15 km standoff",
         lambda: border_strip(geo, 60.0, standoff_km=15.0, within=sumy),
         lambda: shapely.intersection(border_strip(geo, 60.0, standoff_km=15.0), sumy)),
    ):  # fmt: skip
        t_ours, t_alt = median_ms(ours, 7), median_ms(alt, 5)
        rows.append((name, t_ours, t_alt, km2(shapely.symmetric_difference(ours(), alt()))))
    return rows


def print_area_rows() -> None:
    print()
    print("| launch area case | ours (ms) | alternative (ms) | alternative / ours "
          "| difference (km²) |")  # fmt: skip
    print("|---|---:|---:|---:|---:|")
    for name, t, ta, diff in area_rows():
        print(f"| {name} | {t:.1f} | {ta:.1f} | {ta / t:.1f}x | {diff:.6f} |")


def kml_line(n: int) -> bytes:
    text = " ".join(f"{x:.6f},{y:.6f}" for x, y in tangled_line(n))
    return ('<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
            f"<Placemark><name>front</name><LineString><coordinates>{text}</coordinates>"
            "</LineString></Placemark></Document></kml>").encode()  # fmt: skip


# name -> (what it does, skip the baseline?)
HEAVY = {
    "line5k-2500": ("tangled 5,000-vertex line, 2,500 km", False),
    "line5k-300": ("tangled 5,000-vertex line, 300 km", False),
    "line20k-2500": ("tangled 20,000-vertex line, 2,500 km", False),
    "line99990-2500": ("KML line of 99,990 vertices read, then its reach at 2,500 km", True),
    "kml100001": ("KML line of 100,001 vertices (refused while reading)", True),
    "walk99990-10": ("tangled 99,990-vertex line, 10 km", True),
    "walk99990-1": ("tangled 99,990-vertex line, 1 km (refused: MAX_LINE_VERTICES)", True),
    "points100k-300": ("100,000 scattered points, 300 km", True),
    "points200k-300": ("200,000 scattered points (MAX_LAUNCH_POINTS), 300 km", True),
}


def run_one(case: str, baseline: str | None) -> None:
    """One heavy case in this process; prints its wall time in seconds."""
    from shapely.geometry import LineString, MultiPoint

    from ranges.errors import InputError
    from ranges.kml_io import parse_kml

    geo = load_baseline(baseline) if baseline else ranges.geodesy
    if case.startswith("walk99990"):
        g, km = LineString(tangled_line(99_990)), float(case.split("-")[1])
    elif case.startswith("line") and not case.startswith("line99990"):
        n = {"line5k": 5_000, "line20k": 20_000}[case.split("-")[0]]
        g, km = LineString(tangled_line(n)), float(case.split("-")[1])
    elif case.startswith("points"):
        n = {"points100k": 100_000, "points200k": 200_000}[case.split("-")[0]]
        rng = np.random.default_rng(5)
        g, km = MultiPoint(np.column_stack([rng.uniform(30, 40, n),
                                            rng.uniform(45, 52, n)])), 300.0  # fmt: skip
    else:
        data = kml_line(99_990 if case.startswith("line99990") else 100_001)
        t0 = time.perf_counter()
        try:
            (g, _), = parse_kml(data, source="front.kml")
        except InputError as exc:
            print(time.perf_counter() - t0, "refused:", exc)
            return
        geo.reach(g, 2500.0)
        print(time.perf_counter() - t0)
        return
    t0 = time.perf_counter()
    try:
        geo.reach(g, km)
    except InputError as exc:
        print(time.perf_counter() - t0, "refused:", exc)
        return
    print(time.perf_counter() - t0)


def heavy(baseline: str | None) -> None:
    import os
    import subprocess

    print(f"## Heavy launch geometry (issue 15)\n\n{machine()}\n")
    print("| case | ours (s) | ours peak (MB) | before (s) | before peak (MB) | before / ours |")
    print("|---|---:|---:|---:|---:|---:|")
    for case, (label, skip) in HEAVY.items():
        cells = []
        for impl in ("ours", "before"):
            if impl == "before" and (baseline is None or skip):
                cells.append(None)
                continue
            cmd = [sys.executable, __file__, "--one", case]
            if impl == "before":
                cmd += ["--baseline", baseline]
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
            out = proc.stdout.read()
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = status
            seconds = float(out.split()[0]) if status == 0 and out else float("nan")
            cells.append((seconds, usage.ru_maxrss / 1024.0))
        (t, m), before = cells
        b = f"{before[0]:.2f} | {before[1]:.0f} | {before[0] / t:.1f}x" if before else "- | - | -"
        print(f"| {label} | {t:.2f} | {m:.0f} | {b} |")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", help="another ranges/geodesy.py to time beside ours")
    parser.add_argument("--no-areas", action="store_true", help="skip the launch-area table")
    parser.add_argument("--heavy", action="store_true", help="the heavy cases of issue 15")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        run_one(args.one, args.baseline)
    elif args.heavy:
        heavy(args.baseline)
    else:
        main(args.baseline)
        if not args.no_areas:
            print_area_rows()
