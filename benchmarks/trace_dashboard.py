"""Where a page load's time goes: a Chromium trace of warm loads of the dashboard
and of the floor (``benchmarks/floor_app.py``), summarized.

Run from the project root::

    .venv/bin/python benchmarks/trace_dashboard.py [--loads N] [--keep DIR]

Each load is ``bench_dashboard.py``'s *usable* measurement (``page.goto`` until
the headline and the map's canvas are visible and a ``page.evaluate`` answers,
fresh context, 1440x900, warm server) with Chromium's tracing on.  Printed per
page, medians over the loads: the usable time; the renderer main thread's busy
time split into React (Streamlit's element rendering: tasks run by
``react-dom``), script module evaluation, deck.gl's animation frames, the wait
for the compositor's ``ReadPixels`` of the WebGL canvas (the software GPU
finishing deck.gl's work) and the rest (style, layout, paint, parsing); the
GPU process's time executing WebGL commands and ANGLE's shader-compiling
workers' time; and how many shader programs were linked.  ``--keep DIR`` keeps
the traces (open them in chrome://tracing or Perfetto).

One browser serves every load, as in ``bench_dashboard.py``: a fresh context
does not empty the GPU process's program cache, so after a page's first load
its shader programs are linked from that cache (the shader workers' time is
then about nil) and what remains of the GPU's share is drawing.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import collections
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "gpu",
              "toplevel", "blink", "cc", "viz"]  # fmt: skip


def summarize(path: Path) -> dict[str, float]:
    """Seconds per kind of work in one trace (see the module's docstring)."""
    events = json.loads(path.read_text())
    events = events["traceEvents"] if isinstance(events, dict) else events
    threads = {(e["pid"], e["tid"]): e["args"]["name"] for e in events
               if e.get("ph") == "M" and e.get("name") == "thread_name"}  # fmt: skip
    count = collections.Counter((e.get("pid"), e.get("tid")) for e in events
                                if threads.get((e.get("pid"), e.get("tid"))) == "CrRendererMain")
    main = count.most_common(1)[0][0]  # the page's renderer (the busiest main thread)
    spans = sorted((e for e in events if (e.get("pid"), e.get("tid")) == main
                    and e.get("ph") == "X" and "dur" in e), key=lambda e: e["ts"])  # fmt: skip
    starts = [e["ts"] for e in spans]
    out = collections.Counter()
    for task in (e for e in spans if e["name"] == "ThreadControllerImpl::RunTask"):
        inner = spans[bisect.bisect_left(starts, task["ts"]):
                      bisect.bisect_right(starts, task["ts"] + task["dur"])]  # fmt: skip

        def total(pred, inner=inner) -> float:
            return sum(e["dur"] for e in inner if pred(e))

        parts = {
            "readback": total(lambda e: e["name"] == "GLES2::ReadPixels"),
            "modules": total(lambda e: e["name"] == "v8.evaluateModule"),
            "deck frames": total(lambda e: e["name"] == "FireAnimationFrame"),
            "react": total(lambda e: e["name"] == "FunctionCall" and "react-dom" in
                           e.get("args", {}).get("data", {}).get("url", "")),
        }  # fmt: skip
        out.update(parts)
        out["other"] += max(task["dur"] - sum(parts.values()), 0)
    out = {k: v / 1e6 for k, v in out.items()}
    out["main busy"] = sum(out.values())
    out["gpu commands"] = sum(e["dur"] for e in events if e.get("name") ==
                              "CommandBufferService:PutChanged" and "dur" in e) / 1e6
    out["shader workers"] = sum(e["dur"] for e in events if e.get("name") ==
                                "ANGLEPlatformImpl::RunWorkerTask" and "dur" in e) / 1e6
    out["programs linked"] = sum(1 for e in events if e.get("name") ==
                                 "GLES2DecoderPassthroughImpl::DoLinkProgram")  # fmt: skip
    return out


async def _load(browser, url: str, trace: Path) -> float:
    """bench_dashboard.py's usable time of one load, traced to ``trace``."""
    from bench_dashboard import _usable

    return await _usable(browser, url, trace, CATEGORIES)


async def _run(loads: int, keep: Path) -> dict[str, list[dict]]:
    import contextlib

    from playwright.async_api import async_playwright
    from test_e2e import CHROMIUM, CHROMIUM_ARGS, start_streamlit

    rows: dict[str, list[dict]] = {"floor": [], "dashboard": []}
    with contextlib.ExitStack() as stack:
        urls = {"floor": stack.enter_context(start_streamlit(app=ROOT / "benchmarks" /
                                                             "floor_app.py")),
                "dashboard": stack.enter_context(start_streamlit())}  # fmt: skip
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, url in urls.items():  # warm both servers
                await _load(browser, url, keep / f"warm-{name}.json")
            for i in range(loads):  # alternating, so the machine's load falls on both
                for name, url in urls.items():
                    trace = keep / f"{name}-{i + 1}.json"
                    usable = await _load(browser, url, trace)
                    rows[name].append({"usable": usable, **summarize(trace)})
            await browser.close()
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--loads", type=int, default=3, help="traced loads of each page (default 3)")
    ap.add_argument("--keep", type=Path, help="keep the traces in this directory")
    args = ap.parse_args()
    print(f"load average at start: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as tmp:
        keep = args.keep or Path(tmp)
        keep.mkdir(parents=True, exist_ok=True)
        rows = asyncio.run(_run(args.loads, keep))
    print(f"load average now: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print()
    keys = ["usable", "main busy", "react", "readback", "other", "modules", "deck frames",
            "gpu commands", "shader workers", "programs linked"]  # fmt: skip
    print(f"| median of {args.loads} traced loads | floor | dashboard |")
    print("|---|---:|---:|")
    for k in keys:
        cells = [statistics.median(r[k] for r in rows[name]) for name in ("floor", "dashboard")]
        unit = "" if k == "programs linked" else " s"
        print(f"| {k} | " + " | ".join(f"{c:.0f}" if not unit else f"{c:.2f}{unit}"
                                       for c in cells) + " |")  # fmt: skip


if __name__ == "__main__":
    main()
