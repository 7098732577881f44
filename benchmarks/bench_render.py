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
machine slows every row alike.  It prints the load average before and after.
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


def cli_rows(n: int) -> None:
    """Median wall time of each command as a new process, interleaved rounds."""
    import subprocess
    import tempfile

    py = sys.executable
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
        times: dict[str, list[float]] = {name: [] for name, _ in rows}
        load0 = os.getloadavg()
        for _ in range(n):
            for name, argv in rows:
                t0 = time.perf_counter()
                subprocess.run(argv, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
                times[name].append(time.perf_counter() - t0)
        load1 = os.getloadavg()
    floor = statistics.median(times[rows[0][0]])
    print(f"## `strike-range render`, web PNG, as a new process (median of {n} "
          "interleaved rounds)\n")
    print(f"Load average before {load0[0]:.2f}, after {load1[0]:.2f}.\n")
    print("| command | median s | × floor | target |")
    print("| --- | ---: | ---: | --- |")
    for name, _ in rows:
        m = statistics.median(times[name])
        target = "≤ 1.5 s" if name.startswith("`strike-range") else ""
        print(f"| {name} | {m:.2f} | {m / floor:.1f} | {target} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--cli", action="store_true",
                        help="time the command line as new processes (issue 14's target)")
    args = parser.parse_args()
    n = args.repeats
    if args.cli:
        print("## Machine\n")
        print(machine())
        print()
        cli_rows(n)
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
