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
"""

from __future__ import annotations

import argparse
import os
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
