"""Benchmark of ``strike-range``'s start-up (issue 14, "CLI start-up").

Run from the project root::

    .venv/bin/python benchmarks/bench_cli.py [--repeats 5]

Each command runs as a new process (``python -m ranges.cli ...``, output
discarded), ``--repeats`` times; the rounds are interleaved (every command
once, then again), so a busy machine slows all rows alike.  The floor is a
process that only imports what every command needs, ``python -c "import numpy,
pyproj, shapely"``, measured in the same rounds; ratios are to its median.
Prints the machine, the load average before and after, and a markdown table
for the README: command, median wall-clock seconds (``time.perf_counter``
around ``subprocess.run``), ratio to the floor, and the target issue 14 sets.
Nothing is downloaded; the map is written to a temporary folder.

Then ``--maps N`` (default 10) web PNGs from N different launch points, drawn
once as N ``render`` processes and once as one ``strike-range batch`` of the
same N lines (the obvious alternative and the way to script many maps):
wall-clock seconds per map, and the ratio.
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import machine  # noqa: E402

LAUNCH = ["--launch", "Sumy", "--weapon", "atacms-m57"]


def commands(out_png: Path) -> list[tuple[str, list[str], str]]:
    """(label, argv after ``python``, target) for each measured command."""
    cli = [sys.executable, "-m", "ranges.cli"]
    return [
        ("floor: `python -c \"import numpy, pyproj, shapely\"`",
         [sys.executable, "-c", "import numpy, pyproj, shapely"], "1×"),
        ("`weapons`", [*cli, "weapons"], "≤ 2× floor"),
        ("`distance \"50.9, 34.8\" \"51.7, 36.2\"`",
         [*cli, "distance", "50.9, 34.8", "51.7, 36.2"], "≤ 2× floor"),
        ("`distance Sumy Kursk`", [*cli, "distance", "Sumy", "Kursk"], "≤ 3× floor"),
        ("`reach --launch Sumy --weapon atacms-m57`", [*cli, "reach", *LAUNCH], "≤ 3× floor"),
        ("`targets --launch Sumy --weapon atacms-m57`", [*cli, "targets", *LAUNCH],
         "≤ 3× floor"),
        ("`headline --launch Sumy --weapon atacms-m57`", [*cli, "headline", *LAUNCH],
         "≤ 3× floor"),
        ("`render --launch Sumy --weapon atacms-m57 --out map.png` (web, 1200×675)",
         [*cli, "render", *LAUNCH, "--out", str(out_png)], "≤ 1.5 s"),
    ]  # fmt: skip


def run_once(argv: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(argv, cwd=ROOT, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=5, help="runs per command (default 5)")
    parser.add_argument("--maps", type=int, default=10, help="maps in the batch comparison")
    args = parser.parse_args(argv)
    print("# strike-range start-up\n")
    print(machine())
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        cmds = commands(Path(tmp) / "map.png")
        for _, cmd, _ in cmds:  # one untimed run each: the OS file cache, .pyc files
            run_once(cmd)
        times: dict[str, list[float]] = {label: [] for label, _, _ in cmds}
        for _ in range(args.repeats):
            for label, cmd, _ in cmds:
                times[label].append(run_once(cmd))
    load_after = os.getloadavg()
    print(f"- load average (1, 5, 15 min) before: {', '.join(f'{x:.2f}' for x in load_before)}; "
          f"after: {', '.join(f'{x:.2f}' for x in load_after)}")  # fmt: skip
    print(f"- median of {args.repeats} processes per command, interleaved\n")
    floor = statistics.median(times[cmds[0][0]])
    print("| command | median s | ratio to floor | target |")
    print("|---|---:|---:|---|")
    for label, _, target in cmds:
        med = statistics.median(times[label])
        print(f"| {label} | {med:.3f} | {med / floor:.1f}× | {target} |")
    if args.maps > 0:
        batch_table(args.maps)
    return 0


def batch_table(n: int) -> None:
    """N maps as N processes against one ``batch`` process (same lines)."""
    with tempfile.TemporaryDirectory() as tmp:
        lines = [
            ["render", "--launch", f"{50.9 + 0.01 * i:.2f}, 34.80", "--weapon", "atacms-m57",
             "--out", str(Path(tmp) / f"map{i}.png")]
            for i in range(n)
        ]  # fmt: skip
        t0 = time.perf_counter()
        for words in lines:
            run_once([sys.executable, "-m", "ranges.cli", *words])
        separate = time.perf_counter() - t0
        script = Path(tmp) / "maps.txt"
        script.write_text("\n".join(shlex.join(w) for w in lines) + "\n", encoding="utf-8")
        t0 = time.perf_counter()
        run_once([sys.executable, "-m", "ranges.cli", "batch", str(script)])
        together = time.perf_counter() - t0
    print(f"\n{n} web PNG maps from {n} launch points; load average after: "
          f"{', '.join(f'{x:.2f}' for x in os.getloadavg())}\n")  # fmt: skip
    print("| how | s per map | ratio |")
    print("|---|---:|---:|")
    print(f"| {n} `render` processes | {separate / n:.2f} | 1.0× |")
    print(f"| one `batch` of {n} lines | {together / n:.2f} | {together / separate:.2f}× |")


if __name__ == "__main__":
    sys.exit(main())
