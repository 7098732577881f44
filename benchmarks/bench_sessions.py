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

With ``--replicas N`` (1 to 16) the sessions go through nginx in front of N
replicas started by ``deploy/run.py`` (nginx must be installed: ``sh
scripts/ensure_nginx.sh``), and two more things are checked: how the sessions
spread over the replicas (WebSocket connections per replica, from nginx's
access log), and that a link copied from a page served through nginx reopens
the same map (the same headlines) on each replica's own port
(:func:`test_deploy.link_problems`).

Reported: per-interaction latency (Enter or option click to the expected
headline; median and p95), page load time, errors, bleeding, the servers'
resident memory before, after and (one server) at its peak, CPU time, and the
load average.  Prints the machine, then a markdown table.  Exits with status
1 if there were errors, bleeding or a link that did not reopen the same map.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
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


@dataclass
class Servers:
    """What serves the sessions: the URL to open, the processes to measure."""

    url: str
    startup_s: float
    pids: list[int]  # every server process (replicas and nginx)
    app_pids: list[int]  # the dashboard servers only (for memory)
    replica_urls: list[str] = field(default_factory=list)
    access_log: Path | None = None


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    out.append(int(entry.name))
            except (OSError, ValueError, IndexError):
                continue
    return out


@contextlib.contextmanager
def _servers(replicas: int) -> Iterator[Servers]:
    """One ``streamlit run`` (``replicas`` 0), or ``replicas`` of them behind nginx."""
    from test_e2e import start_streamlit
    from test_sessions import server_pid

    t0 = time.monotonic()
    if not replicas:
        with start_streamlit() as url:
            pid = server_pid(url)
            yield Servers(url, time.monotonic() - t0, [pid], [pid])
        return
    from test_deploy import deploy_ports

    from deploy.run import deployment

    base, port = deploy_ports(replicas)
    with deployment(replicas, port, base) as dep:
        pids = dep.pids()
        apps = [pid for name, pid in pids.items() if name != "nginx"]
        workers = _children(pids["nginx"])
        yield Servers(dep.url, time.monotonic() - t0, [*pids.values(), *workers], apps,
                      dep.replica_urls, dep.run_dir / "access.log")  # fmt: skip


def _spread(access_log: Path, replica_urls: list[str], sessions: int) -> str:
    """WebSocket connections per replica, from nginx's access log.

    nginx logs a WebSocket when it closes, so this waits (up to 10 s) for at
    least one line per session; more than ``sessions`` means reconnections.
    """
    counts: Counter[str] = Counter()
    for _ in range(100):
        counts = Counter(re.findall(r'"GET /_stcore/stream[^"]*" \d+ upstream=(\S+)',
                                    access_log.read_text()))  # fmt: skip
        if counts.total() >= sessions:
            break
        time.sleep(0.1)
    ports = [u.rsplit(":", 1)[1] for u in replica_urls]
    return ", ".join(f"replica {i + 1}: {counts.get(f'127.0.0.1:{p}', 0)}"
                     for i, p in enumerate(ports))  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, default=10, help="simultaneous sessions (10)")
    ap.add_argument("--steps", type=int, default=20, help="interactions per session (20)")
    ap.add_argument("--time-limit", type=float, default=600.0, help="seconds for all (600)")
    ap.add_argument("--replicas", type=int, default=0,
                    help="serve through nginx in front of N replicas (1-16; deploy/run.py)")
    args = ap.parse_args(argv)
    if args.sessions < 1 or args.steps < 1:
        ap.error("--sessions and --steps must be >= 1")
    if args.replicas and not 1 <= args.replicas <= 16:
        ap.error(f"--replicas {args.replicas}: the number of replicas must be from 1 to 16")

    from test_sessions import rss_mb, run_sessions

    from deploy.run import DeployError

    print(machine())
    load_before = os.getloadavg()
    links: list[str] = []
    try:
        with _servers(args.replicas) as srv:
            rss0 = sum(rss_mb(p) for p in srv.app_pids)
            server0, busy0 = sum(_cpu_seconds(p) for p in srv.pids), _machine_busy_seconds()
            result = run_sessions(srv.url, args.sessions, args.steps, args.time_limit)
            server_cpu = sum(_cpu_seconds(p) for p in srv.pids) - server0
            busy = _machine_busy_seconds() - busy0
            rss1 = sum(rss_mb(p) for p in srv.app_pids)
            load_after = os.getloadavg()
            if args.replicas:
                from test_deploy import link_problems

                spread = _spread(srv.access_log, srv.replica_urls, args.sessions)
                _query, links = link_problems(srv.url, srv.replica_urls)
    except DeployError as exc:
        print(f"bench_sessions.py: {exc}", file=sys.stderr)
        return 2
    if args.replicas:  # run_sessions cannot see behind nginx: its RSS figures are the sums here
        result.rss_before_mb, result.rss_after_mb = rss0, rss1
        result.rss_peak_mb = float("nan")
    startup = srv.startup_s

    loads = [s.load_s for s in result.sessions if s.load_s == s.load_s]
    done = sum(s.steps_done for s in result.sessions)
    rows = [
        ("sessions x interactions", f"{args.sessions} x {args.steps}"),
        ("interactions completed", f"{done} of {args.sessions * args.steps}"
                                   f" ({len(result.latencies)} timed)"),
        ("served by", f"nginx and {args.replicas} replica(s)" if args.replicas
         else "one server, no proxy"),
        ("server start (to /_stcore/health)", f"{startup:.1f} s"),
        ("page load, median / max", f"{statistics.median(loads):.1f} s / {max(loads):.1f} s"
         if loads else "n/a"),
        ("interaction latency, median", f"{result.median_ms():.0f} ms"),
        ("interaction latency, p95", f"{result.p95_ms():.0f} ms"),
        ("interaction latency, max", f"{1000 * max(result.latencies):.0f} ms"
         if result.latencies else "n/a"),
        ("server RSS before (server up, no session yet)", f"{result.rss_before_mb:.0f} MB"),
        ("server RSS after", f"{result.rss_after_mb:.0f} MB"),
        *([] if args.replicas else
          [("server RSS peak (sampled every 0.5 s)", f"{result.rss_peak_mb:.0f} MB")]),
        ("errors (stException, st.error, page errors, timeouts)", str(len(result.errors))),
        ("sessions that saw another session's coordinates",
         str(sum(bool(s.bleeding) for s in result.sessions))),
        ("wall time of the sessions", f"{result.wall_s:.1f} s"
         + (" (time limit reached)" if result.timed_out else "")),
        ("CPU busy on the machine during the sessions (all cores)", f"{busy:.0f} s"),
        ("of which the dashboard server" + ("s and nginx" if args.replicas else ""),
         f"{server_cpu:.0f} s ({100 * server_cpu / busy:.0f}%)" if busy > 0 else "n/a"),
        ("load average (1, 5, 15 min) before / after",
         " / ".join(", ".join(f"{x:.1f}" for x in la) for la in (load_before, load_after))),
    ]  # fmt: skip
    if args.replicas:
        rows[-4:-4] = [
            ("sessions per replica (WebSocket connections)", spread),
            ("link copied through nginx reopens the same map on each replica",
             "yes" if not links else f"no ({len(links)})"),
        ]
    print()
    print("| measure | value |")
    print("|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    for line in result.errors + result.bleeding + links:
        print(f"- {line}")
    return 1 if result.errors or result.bleeding or links else 0


if __name__ == "__main__":
    sys.exit(main())
