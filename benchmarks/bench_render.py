"""Benchmark of ranges.render: a finished map file, against the obvious alternative.

Run from the project root::

    .venv/bin/python benchmarks/bench_render.py [--repeats N]

Prints the machine, then a markdown table of median wall-clock times
(``time.perf_counter``) to turn an evaluated scenario into file bytes:
:func:`ranges.render.render_figure` plus :func:`ranges.render.to_bytes`, for the
flagship preset (``atacms-nov-2024``) in several sizes and formats.  The
budget is 2 s for the 1200x675 PNG.

The alternative, measured in the same run: GeoPandas ``.plot()`` of the
unclipped layers (countries, regions, the reach area, launch area, the cities
and airfields in range), reprojected with ``to_crs`` to the same azimuthal
equidistant projection, on the same 1200x675 Figure, limits set to the same
view, saved as PNG.  It draws far less (no labels, key, notes or furniture),
so the ratio understates what clipping and the single-path layers save.

``--cli`` measures instead what a journalist waits for (issue 14's target:
``strike-range render`` of a web PNG in at most 1.5 s wall): the command as a
new process, ``python -m ranges.cli render --launch Sumy --weapon atacms-m57
--out map.png`` and the same with ``--preset atacms-nov-2024``, against the
floor ``python -c "import numpy, pyproj, shapely"`` and the bare imports of
the renderer, in interleaved rounds (every command once, then again), so a busy
machine slows every row alike.  It prints the load average before and after,
and each command's CPU time (user + system of the process) beside its wall
time: on a machine shared with other jobs the wall time is the CPU time plus
the wait for a core.  The package's bytecode is compiled first and one round
is run and discarded, as an installed package has its ``.pyc`` files (without
them every run compiles about 50 modules, 0.1-0.3 s of CPU, and an environment
with ``PYTHONDONTWRITEBYTECODE`` never keeps them).

``--stages`` runs the web PNG command's steps one by one in a fresh process
and prints the median CPU and wall time of each (Python start-up, each
library's import, our modules, the scenario, evaluate, drawing, saving, exit):
where the time of ``--cli`` goes.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import geopandas as gpd  # noqa: E402
import matplotlib  # noqa: E402
import numpy as np  # noqa: E402
import pyproj  # noqa: E402
import shapely  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from ranges import render  # noqa: E402
from ranges.evaluate import evaluate  # noqa: E402
from ranges.geodata import load_geodata  # noqa: E402
from ranges.presets import PRESETS  # noqa: E402

PRESET = "atacms-nov-2024"
BUDGET_S = 2.0


def machine() -> str:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"- platform: {platform.platform()}\n"
        f"- CPU: {cpu}, {os.cpu_count()} logical cores\n"
        f"- Python {platform.python_version()}, matplotlib {matplotlib.__version__}, "
        f"shapely {shapely.__version__}, pyproj {pyproj.__version__}, "
        f"geopandas {gpd.__version__}, numpy {np.__version__}"
    )


def median_time(fn, repeats: int) -> tuple[float, object]:
    out = fn()  # warm-up: font cache, spatial indexes
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def ours(result, geodata, size: str, fmt: str) -> bytes:
    fig = render.render_figure(result, geodata, size=size)
    return render.to_bytes(fig, fmt)


def same_view(result, geodata):
    """Projection and view of our map, so the alternative draws the same picture."""
    fig = render.render_figure(result, geodata)
    ax = next(a for a in fig.axes if a.get_gid() == "map")
    lon0, lat0 = fig._strike_range.centre
    crs = f"+proj=aeqd +lat_0={lat0} +lon_0={lon0} +datum=WGS84 +units=m +no_defs"
    return crs, ax.get_position().bounds, ax.get_xlim(), ax.get_ylim()


def geopandas_plot(result, geodata, view) -> bytes:
    """The obvious alternative: reproject every layer, .plot() it, set the view, save."""
    crs, bounds, xlim, ylim = view
    fig = Figure(figsize=(8, 4.5), dpi=150)
    FigureCanvasAgg(fig)
    ax = fig.add_axes(bounds)
    ax.set_facecolor("#d9e6ee")
    geodata.countries.to_crs(crs).plot(ax=ax, color="#ece9e2", edgecolor="#6f6a62", linewidth=1.1)
    geodata.regions.to_crs(crs).boundary.plot(ax=ax, color="#bdb8ae", linewidth=0.45)
    for w in result.weapons:
        reach = gpd.GeoSeries([w.area], crs="EPSG:4326").to_crs(crs)
        reach.plot(ax=ax, color=w.color, alpha=0.2)
        reach.boundary.plot(ax=ax, color=w.color, linewidth=1.7)
    sites = gpd.GeoSeries([g for _, g in result.sites], crs="EPSG:4326").to_crs(crs)
    sites.boundary.plot(ax=ax, color="#1a1a1a", linestyle="--")
    t = result.targets[result.targets["in_range"]]
    pts = gpd.GeoSeries(gpd.points_from_xy(t["lon"], t["lat"]), crs="EPSG:4326").to_crs(crs)
    pts.plot(ax=ax, color="#1a1a1a", markersize=4)
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)
    ax.set_axis_off()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=150)
    return buf.getvalue()


def _compile_bytecode() -> None:
    """The package's ``.pyc`` files, as an install has them (see the module docstring)."""
    import subprocess

    subprocess.run([sys.executable, "-m", "compileall", "-q", "ranges"], cwd=ROOT, check=True)


def _run(argv: list[str]) -> tuple[float, float]:
    """(wall, CPU) seconds of one command as a new process."""
    import subprocess

    c0 = os.times()
    t0 = time.perf_counter()
    subprocess.run(argv, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    c1 = os.times()
    return wall, (c1.children_user - c0.children_user) + (c1.children_system - c0.children_system)


def cli_rows(n: int) -> None:
    """Median wall and CPU time of each command as a new process, interleaved rounds."""
    import tempfile

    py = sys.executable
    _compile_bytecode()
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "map.png")
        rows = [
            ("floor: `python -c \"import numpy, pyproj, shapely\"`",
             [py, "-c", "import numpy, pyproj, shapely"]),
            ("imports only: `python -c \"import ranges.render, ranges.evaluate\"`",
             [py, "-c", "import ranges.render, ranges.evaluate"]),
            ("`strike-range render --launch Sumy --weapon atacms-m57 --out map.png`",
             [py, "-m", "ranges.cli", "render", "--launch", "Sumy", "--weapon", "atacms-m57",
              "--out", out]),
            ("`strike-range render --preset atacms-nov-2024 --out map.png`",
             [py, "-m", "ranges.cli", "render", "--preset", "atacms-nov-2024", "--out", out]),
        ]  # fmt: skip
        for _, argv in rows:  # a round to discard: caches warm, bytecode in place
            _run(argv)
        times: dict[str, list[float]] = {name: [] for name, _ in rows}
        cpu: dict[str, list[float]] = {name: [] for name, _ in rows}
        load0 = os.getloadavg()
        for _ in range(n):
            for name, argv in rows:
                wall, used = _run(argv)
                times[name].append(wall)
                cpu[name].append(used)
        load1 = os.getloadavg()
    floor = statistics.median(times[rows[0][0]])
    print(
        f"## `strike-range render`, web PNG, as a new process (median of {n} interleaved rounds)\n"
    )
    print(f"Load average before {load0[0]:.2f}, after {load1[0]:.2f}.\n")
    print("| command | median s | × floor | CPU s | fastest s | target |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    for name, _ in rows:
        m = statistics.median(times[name])
        target = "≤ 1.5 s" if name.startswith("`strike-range") else ""
        print(
            f"| {name} | {m:.2f} | {m / floor:.1f} | {statistics.median(cpu[name]):.2f} "
            f"| {min(times[name]):.2f} | {target} |"
        )


#: Run in a fresh interpreter by --stages: the web PNG command's steps one by
#: one, each library imported on its own line so that its cost is its own.
STAGE_PROBE = r"""
import gc, json, os, sys, time
marks = [("Python start-up", time.perf_counter(), time.process_time())]
def mark(name):
    marks.append((name, time.perf_counter(), time.process_time()))
gc.disable()  # as ranges.cli.main does while a command runs
import numpy, pyproj, shapely
mark("numpy, pyproj, shapely (the floor)")
import pandas
mark("pandas (and pyarrow)")
import geopandas, pyogrio
mark("geopandas, pyogrio")
import ranges.mpl  # matplotlib as ranges.render imports it (without its set() help text)
import matplotlib.legend, matplotlib.text
mark("matplotlib (Agg, text, legend, triangulation)")
import ranges.cli, ranges.evaluate, ranges.render
ranges.cli._freeze_at_exit()  # as ranges.cli.main does
mark("our modules (ranges.cli, .evaluate, .render)")
from ranges.cli import build_parser
from ranges.cli.resolve import _geodata, scenario_from_args
args = build_parser().parse_args(["render", *sys.argv[2:], "--out", sys.argv[1]])
scenario = scenario_from_args(args)
mark("scenario: arguments, names")
result = ranges.evaluate.evaluate(scenario, _geodata())
mark("evaluate: layers, reach, targets")
fig = ranges.render.render_figure(result, _geodata())
mark("render_figure: layout, labels")
ranges.render.save(fig, sys.argv[1], "png")
mark("save: draw, PNG")
print(json.dumps(marks))
ranges.cli._exit_now(0)  # as the strike-range program ends (ranges.cli.entry)
"""


def stage_rows(n: int) -> None:
    """Median CPU and wall time of each step of the web PNG command, in fresh processes."""
    import json
    import subprocess
    import tempfile

    _compile_bytecode()
    cases = [("--launch Sumy --weapon atacms-m57", ["--launch", "Sumy", "--weapon", "atacms-m57"]),
             ("--preset atacms-nov-2024", ["--preset", "atacms-nov-2024"])]  # fmt: skip
    load0 = os.getloadavg()
    runs: dict[str, list] = {label: [] for label, _ in cases}
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "map.png")
        for k in range(n + 1):  # the first round is discarded
            for label, argv in cases:
                c0 = os.times()
                t0 = time.perf_counter()
                done = subprocess.run([sys.executable, "-c", STAGE_PROBE, out, *argv], cwd=ROOT,
                                      check=True, capture_output=True, text=True)  # fmt: skip
                t1 = time.perf_counter()
                c1 = os.times()
                used = (c1.children_user - c0.children_user) + (
                    c1.children_system - c0.children_system
                )
                marks = json.loads(done.stdout.strip().splitlines()[-1])
                # (step, wall, CPU).  perf_counter is CLOCK_MONOTONIC on Linux, one
                # clock for both processes: start-up is from the spawn to the first
                # mark, exit from the last mark to the end of the process.
                steps = [(marks[0][0], marks[0][1] - t0, marks[0][2])]
                pairs = zip(marks[1:], marks[:-1], strict=True)
                steps += [(name, t - tp, c - cp) for (name, t, c), (_, tp, cp) in pairs]
                steps.append(("exit", t1 - marks[-1][1], used - marks[-1][2]))
                if k:
                    runs[label].append(steps)
    load1 = os.getloadavg()
    print(
        f"## Where the time goes: `render ... --out map.png` step by step (median of {n} "
        "fresh processes)\n"
    )
    print(f"Load average before {load0[0]:.2f}, after {load1[0]:.2f}.\n")
    labels = [label for label, _ in cases]
    print("| step | " + " | ".join(f"`{x}` CPU s | wall s" for x in labels) + " |")
    print("| --- |" + " ---: | ---: |" * len(labels))
    names = [row[0] for row in runs[labels[0]][0]]
    totals = {label: [0.0, 0.0] for label in labels}
    for i, name in enumerate(names):
        cells = []
        for label in labels:
            wall = statistics.median(r[i][1] for r in runs[label])
            used = statistics.median(r[i][2] for r in runs[label])
            totals[label][0] += used
            totals[label][1] += wall
            cells.append(f"{used:.3f} | {wall:.3f}")
        print(f"| {name} | " + " | ".join(cells) + " |")
    print(
        "| sum of the medians | "
        + " | ".join(f"{totals[x][0]:.3f} | {totals[x][1]:.3f}" for x in labels)
        + " |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument(
        "--cli",
        action="store_true",
        help="time the command line as new processes (issue 14's target)",
    )
    parser.add_argument(
        "--stages",
        action="store_true",
        help="CPU and wall time of each step of the web PNG command",
    )
    args = parser.parse_args()
    n = args.repeats
    if args.cli or args.stages:
        print("## Machine\n")
        print(machine())
        print()
        if args.cli:
            cli_rows(n)
        if args.stages:
            if args.cli:
                print()
            stage_rows(n)
        return

    geodata = load_geodata()
    result = evaluate(PRESETS[PRESET], geodata)

    print("## Machine\n")
    print(machine())
    print()
    rows = []
    web_s = None
    for size, fmt in (
        ("web", "png"),
        ("web", "svg"),
        ("web", "pdf"),
        ("web@2x", "png"),
        ("square", "png"),
        ("portrait", "png"),
        ("print-a4", "png"),
        ("print-a4", "pdf"),
    ):
        seconds, data = median_time(lambda s=size, f=fmt: ours(result, geodata, s, f), n)
        spec = render.parse_size(size)
        rows.append((f"ranges.render, {size} {fmt.upper()}",
                     f"{spec.width_px}x{spec.height_px}", seconds, len(data)))  # fmt: skip
        if (size, fmt) == ("web", "png"):
            web_s = seconds
        print(f"  {size} {fmt}: {seconds:.3f} s", file=sys.stderr)
    view = same_view(result, geodata)
    alt_s, alt_data = median_time(lambda: geopandas_plot(result, geodata, view), n)
    rows.append(("GeoPandas .plot(), unclipped layers, PNG", "1200x675", alt_s, len(alt_data)))

    print(f"## Render `{PRESET}` to file bytes (median of {n} runs after a warm-up)\n")
    print("| what | pixels | median s | bytes |")
    print("| --- | --- | ---: | ---: |")
    for name, px, seconds, size in rows:
        print(f"| {name} | {px} | {seconds:.3f} | {size:,} |")
    print()
    verdict = "within" if web_s <= BUDGET_S else "OVER"
    print(
        f"1200x675 PNG: {web_s:.3f} s, {verdict} the {BUDGET_S:g} s budget.  "
        f"GeoPandas .plot() of the unclipped layers: {alt_s:.3f} s, "
        f"{alt_s / web_s:.1f}x ours (and it draws no labels, key or notes)."
    )


if __name__ == "__main__":
    main()
