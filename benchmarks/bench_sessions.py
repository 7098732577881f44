"""Benchmark of simultaneous browser sessions on one dashboard server.

Run from the project root::

    .venv/bin/python benchmarks/bench_sessions.py [--sessions N] [--steps N] [--time-limit S]

Starts ``streamlit run app.py`` on a free local port, then opens ``--sessions``
(default 10) browser contexts of one headless Chromium at once, each doing
``--steps`` (default 20) interactions: alternately pasting a coordinate of its
own ("50.03, 30.504") into 'Paste coordinates (lat, lon)' + Enter, and
choosing the opening preset again.  See ``tests/test_sessions.py`` (which
holds the driver, :func:`run_sessions`) for the checks: no exception or
``st.error`` on the page, each headline shows that session's own coordinate
and never another session's (state bleeding), the whole run bounded by
``--time-limit`` (default 600 s).

Reported: per-interaction latency (Enter or option click to the expected
headline; median and p95), page load time, errors, bleeding, and the server's
resident memory before, after and at its peak.  Prints the machine, then a
markdown table.  Exits with status 1 if there were errors or bleeding.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from _common import machine  # noqa: E402


def _cpu_seconds(pid: int | None) -> float:
    """User + system CPU seconds of a process (Linux /proc), NaN if unknown."""
    import os

    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, TypeError):
        return float("nan")


def _machine_busy_seconds() -> float:
    """CPU seconds all cores spent not idle since boot (Linux /proc/stat)."""
    import os

    try:
        values = [int(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    except (OSError, ValueError):
        return float("nan")
    idle = values[3] + (values[4] if len(values) > 4 else 0)  # idle + iowait
    return (sum(values[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, default=10, help="simultaneous sessions (10)")
    ap.add_argument("--steps", type=int, default=20, help="interactions per session (20)")
    ap.add_argument("--time-limit", type=float, default=600.0, help="seconds for all (600)")
    args = ap.parse_args(argv)
    if args.sessions < 1 or args.steps < 1:
        ap.error("--sessions and --steps must be >= 1")

    from test_e2e import start_streamlit
    from test_sessions import run_sessions, server_pid

    print(machine())
    t0 = time.monotonic()
    with start_streamlit() as url:
        startup = time.monotonic() - t0
        pid = server_pid(url)
        server0, busy0 = _cpu_seconds(pid), _machine_busy_seconds()
        result = run_sessions(url, args.sessions, args.steps, args.time_limit)
        server_cpu = _cpu_seconds(pid) - server0
        busy = _machine_busy_seconds() - busy0

    loads = [s.load_s for s in result.sessions if s.load_s == s.load_s]
    done = sum(s.steps_done for s in result.sessions)
    rows = [
        ("sessions x interactions", f"{args.sessions} x {args.steps}"),
        ("interactions completed", f"{done} of {args.sessions * args.steps}"
                                   f" ({len(result.latencies)} timed)"),
        ("server start (to /_stcore/health)", f"{startup:.1f} s"),
        ("page load, median / max", f"{statistics.median(loads):.1f} s / {max(loads):.1f} s"
         if loads else "n/a"),
        ("interaction latency, median", f"{result.median_ms():.0f} ms"),
        ("interaction latency, p95", f"{result.p95_ms():.0f} ms"),
        ("interaction latency, max", f"{1000 * max(result.latencies):.0f} ms"
         if result.latencies else "n/a"),
        ("server RSS before (server up, no session yet)", f"{result.rss_before_mb:.0f} MB"),
        ("server RSS after", f"{result.rss_after_mb:.0f} MB"),
        ("server RSS peak (sampled every 0.5 s)", f"{result.rss_peak_mb:.0f} MB"),
        ("errors (stException, st.error, page errors, timeouts)", str(len(result.errors))),
        ("sessions that saw another session's coordinates",
         str(sum(bool(s.bleeding) for s in result.sessions))),
        ("wall time of the sessions", f"{result.wall_s:.1f} s"
         + (" (time limit reached)" if result.timed_out else "")),
        ("CPU busy on the machine during the sessions (all cores)", f"{busy:.0f} s"),
        ("of which the dashboard server", f"{server_cpu:.0f} s ({100 * server_cpu / busy:.0f}%)"
         if busy > 0 else "n/a"),
    ]  # fmt: skip
    print()
    print("| measure | value |")
    print("|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    for line in result.errors + result.bleeding:
        print(f"- {line}")
    return 1 if result.errors or result.bleeding else 0


if __name__ == "__main__":
    sys.exit(main())
