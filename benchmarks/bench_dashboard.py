"""Benchmark of the dashboard (``app.py``): server rerun time and page load time.

Run from the project root::

    .venv/bin/python benchmarks/bench_dashboard.py [--runs N] [--loads N] [--no-browser|--no-server]

(a) **Server rerun**: the app under Streamlit's AppTest, warmed up, then a
    sequence of reruns alternating a weapon change and a launch-site change,
    for two scenarios: point launch sites (Sumy and Kharkiv) and the opening
    preset (the Sumy border strip, a launch *area*).  Reported: the median
    server-side script time (``st.session_state["_run_ms"]``, measured by
    ``app.py`` itself), also for the weapon changes and the launch-site
    changes on their own (the budget holds for each), and the median AppTest
    wall time (script plus AppTest's own overhead), in three modes:

    * *fresh*: every rerun shows a scenario not seen before (the site moves a
      little, the strip width changes), so the result cache misses;
    * *revisit*: toggling between two scenarios already seen (cache hits);
    * *no cache* (the obvious alternative): the fresh sequence with
      ``st.cache_resource.clear()`` before each rerun, i.e. the app without
      its ``st.cache_resource`` wrappers (geodata, gazetteer, reach areas,
      launch areas and results all rebuilt).

    Budget: 300 ms per rerun.

(b) **Browser**: time from ``page.goto`` until the page is usable (headline
    and map visible, and a ``page.evaluate`` answered, i.e. the main thread is
    free), in fresh contexts of Debian's Chromium (software WebGL), against
    the floor measured in the same run: ``benchmarks/floor_app.py``, a bare
    Streamlit page with one pydeck polygon.  Warm servers, ``--loads`` loads of
    each in turn (median); the first load after each server starts; and
    ``--crowd`` pages of each opening at once.  Targets: 1.5x the floor warm,
    2.5x first, 1.5x crowded.

Prints the machine, then markdown tables.
"""

from __future__ import annotations

import argparse
import copy
import importlib.metadata as md
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from _common import machine  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

RERUN_BUDGET_MS = 300.0
WEAPON_SETS = [["atacms-m57"], ["storm-shadow"], ["atacms-m57", "storm-shadow"], ["taurus"]]


def _ok(at: AppTest) -> AppTest:
    if at.exception:
        raise RuntimeError(f"app raised: {[e.message for e in at.exception]}")
    return at


def _open_points() -> AppTest:
    at = _ok(AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run())
    at.checkbox(key="strip_on").uncheck()
    at.multiselect(key="allowed").set_value([])
    at.selectbox(key="add_place").set_value("Sumy")
    _ok(at.run())
    at.selectbox(key="add_place").set_value("Kharkiv")
    return _ok(at.run())


def _open_border() -> AppTest:
    return _ok(AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run())


def _site_change(kind: str, at: AppTest, i: int) -> None:
    """A launch-site change: a new position of Kharkiv (points) or a new
    width of the border strip (area); ``i`` makes every one unique."""
    if kind == "points":
        from test_app import edit_table

        edit_table(at, "sites", edited={"1": {"lat": 49.98177 + 0.01 * (i + 1)}})
        _ok(at)
    else:
        at.number_input(key="strip_width").set_value(50.0 + i)
        _ok(at.run())


def _weapon_change(at: AppTest, i: int) -> None:
    at.multiselect(key="w_ua").set_value(WEAPON_SETS[i % len(WEAPON_SETS)])
    _ok(at.run())


def _timed(at: AppTest, step) -> tuple[float, float]:
    t0 = time.perf_counter()
    step()
    return at.session_state["_run_ms"], (time.perf_counter() - t0) * 1000.0


def reruns(kind: str, runs: int, *, mode: str) -> tuple[float, float, float, float]:
    """Medians of ``runs`` reruns: server ms, AppTest wall ms, and server ms
    of the weapon changes and of the launch-site changes alone."""
    import streamlit as st

    at = _open_points() if kind == "points" else _open_border()
    # warm-up: one of each change (imports, caches of the unchanged parts)
    _weapon_change(at, 1)
    _site_change(kind, at, 1000)
    if mode == "revisit":  # see both states once, then toggle between them
        _weapon_change(at, 0)
        _weapon_change(at, 2)
    server, wall, by_step = [], [], {"weapon": [], "site": []}
    for i in range(runs):
        if mode == "revisit":
            step = lambda i=i: _weapon_change(at, 0 if i % 2 == 0 else 2)  # noqa: E731
        elif i % 2 == 0:
            step = lambda i=i: _weapon_change(at, i // 2)  # noqa: E731
        else:
            step = lambda i=i: _site_change(kind, at, i)  # noqa: E731
        if mode == "no cache":
            st.cache_resource.clear()
        s, w = _timed(at, step)
        server.append(s)
        wall.append(w)
        by_step["weapon" if mode == "revisit" or i % 2 == 0 else "site"].append(s)
    return (statistics.median(server), statistics.median(wall),
            statistics.median(by_step["weapon"]),
            statistics.median(by_step["site"]) if by_step["site"] else float("nan"))  # fmt: skip


FLOOR_APP = ROOT / "benchmarks" / "floor_app.py"
USABLE_VIEWPORT = {"width": 1440, "height": 900}


async def _usable(browser, url: str, trace: Path | None = None,
                  categories: list[str] | None = None) -> float:  # fmt: skip
    """Seconds from ``page.goto`` until the page is usable: the headline and the
    map's canvas visible, and a ``page.evaluate`` answered (the page's main
    thread is free again), in a fresh context (no cached shaders or files).
    With ``trace``, a Chromium trace of the load (``categories``) is written
    there (``trace_dashboard.py``)."""
    from test_e2e import HEADLINE, MAP_CANVAS

    ctx = await browser.new_context(viewport=USABLE_VIEWPORT)
    page = await ctx.new_page()
    try:
        if trace is not None:
            await browser.start_tracing(page=page, path=str(trace), categories=categories)
        t0 = time.perf_counter()
        await page.goto(url)
        await page.wait_for_selector(MAP_CANVAS, state="visible", timeout=180_000)
        await page.wait_for_selector(HEADLINE, state="visible", timeout=180_000)
        await page.evaluate("1")
        usable = time.perf_counter() - t0
        if trace is not None:
            await browser.stop_tracing()
        return usable
    finally:
        await ctx.close()


async def _browser_part(loads: int, crowd: int) -> dict:
    """The dashboard against the floor page, in the same run: first load after
    each server starts, then ``loads`` loads of each in turn (so the machine's
    load falls on both alike), then ``crowd`` pages of each opening at once."""
    import asyncio
    import contextlib

    from playwright.async_api import async_playwright
    from test_e2e import CHROMIUM, CHROMIUM_ARGS, start_streamlit

    out: dict = {}
    with contextlib.ExitStack() as stack:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            urls = {}
            for name, app in (("floor", FLOOR_APP), ("dashboard", None)):
                urls[name] = stack.enter_context(start_streamlit(app=app))
                out[f"{name} first"] = await _usable(browser, urls[name])
            for name in urls:
                out[name] = []
            for _ in range(loads):
                for name, url in urls.items():
                    out[name].append(await _usable(browser, url))
            for name, url in urls.items():
                if crowd:
                    out[f"{name} crowd"] = await asyncio.gather(
                        *(_usable(browser, url) for _ in range(crowd)))
            await browser.close()
    return out


def browser_part(loads: int, crowd: int) -> None:
    import asyncio

    print(f"(b) browser: page.goto -> headline and map visible and a page.evaluate answered, "
          f"fresh contexts, {USABLE_VIEWPORT['width']}x{USABLE_VIEWPORT['height']}; floor: "
          "benchmarks/floor_app.py (one pydeck polygon); target 1.5x the floor")  # fmt: skip
    print()
    r = asyncio.run(_browser_part(loads, crowd))
    print(f"load average now: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print()
    med = {k: statistics.median(r[k]) for k in ("floor", "dashboard")}
    print("| what | floor (s) | dashboard (s) | dashboard / floor | target |")
    print("|---|---:|---:|---:|---|")
    print(f"| median of {loads} loads, warm server | {med['floor']:.2f} | {med['dashboard']:.2f} "
          f"| {med['dashboard'] / med['floor']:.2f}x | 1.5x |")  # fmt: skip
    print(f"| first load after server start | {r['floor first']:.2f} | "
          f"{r['dashboard first']:.2f} | {r['dashboard first'] / r['floor first']:.2f}x "
          "| 2.5x |")  # fmt: skip
    if "floor crowd" in r:
        fc, dc = (statistics.median(r[k]) for k in ("floor crowd", "dashboard crowd"))
        print(f"| {len(r['floor crowd'])} pages opening at once, median | {fc:.2f} | {dc:.2f} "
              f"| {dc / fc:.2f}x | 1.5x |")  # fmt: skip
    print()
    print("each load, floor: " + ", ".join(f"{x:.2f}" for x in r["floor"]))
    print("each load, dashboard: " + ", ".join(f"{x:.2f}" for x in r["dashboard"]))


def _chromium_version() -> str:
    try:
        out = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True,
                             timeout=20)  # fmt: skip
        return out.stdout.strip() or "unknown"
    except (OSError, subprocess.SubprocessError):
        return "not installed"


def _server_part(runs: int) -> None:
    print(f"(a) server rerun, median of {runs} reruns alternating weapon and launch-site "
          f"changes; budget {RERUN_BUDGET_MS:.0f} ms")  # fmt: skip
    print()
    print("| scenario | mode | server run_ms | weapon changes | site changes "
          "| AppTest wall ms | within budget |")  # fmt: skip
    print("|---|---|---:|---:|---:|---:|---|")
    ratios = {}
    for kind, label in (("points", "Sumy + Kharkiv (points)"),
                        ("border", "flagship border strip (area)")):  # fmt: skip
        results = {}
        for mode in ("fresh", "revisit", "no cache"):
            server, wall, weapon, site = reruns(kind, runs, mode=mode)
            results[mode] = server
            ok = "yes" if max(server, weapon, site if site == site else 0) <= RERUN_BUDGET_MS \
                else "NO"  # fmt: skip
            site_text = "-" if site != site else f"{site:.0f}"
            print(f"| {label} | {mode} | {server:.0f} | {weapon:.0f} | {site_text} | {wall:.0f} "
                  f"| {ok} |", flush=True)  # fmt: skip
        ratios[label] = (results["no cache"] / results["fresh"],
                         results["no cache"] / results["revisit"])  # fmt: skip
    print()
    for label, (fresh, revisit) in ratios.items():
        print(f"- {label}: no cache / fresh = {fresh:.1f}x, no cache / revisit = {revisit:.1f}x")
    print(f"- load average now: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")


def bench_map_json(repeat: int = 7) -> None:
    """Size and time of the flagship map's JSON: ours (compact) against pydeck's
    own serializer (indented), the obvious alternative."""
    import pydeck as pdk

    from ranges.deck import build_deck
    from ranges.evaluate import evaluate
    from ranges.geodata import load_geodata
    from ranges.presets import PRESETS

    geo = load_geodata()
    deck = build_deck(evaluate(PRESETS["atacms-nov-2024"], geo), geo)
    rows = []
    # a copy each time: CompactDeck remembers its JSON per object, and the
    # first serialization of a new map is what is measured here
    for label, fn in (("ranges.deck (compact)", lambda: copy.copy(deck).to_json()),
                      ("pydeck Deck.to_json (indented)", lambda: pdk.Deck.to_json(deck))):
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            text = fn()
            times.append(time.perf_counter() - t0)
        rows.append((label, len(text.encode("utf-8")), statistics.median(times)))
    print("(c) the flagship map's JSON, sent to the browser on every rerun")
    print()
    print("| serializer | kB | median ms |")
    print("|---|---:|---:|")
    for label, size, secs in rows:
        print(f"| {label} | {size / 1000:,.0f} | {secs * 1000:.0f} |")
    print()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=15, help="reruns per case (default 15)")
    ap.add_argument("--loads", type=int, default=5, help="browser page loads (default 5)")
    ap.add_argument("--crowd", type=int, default=10,
                    help="pages opening at once, each kind (default 10; 0 skips)")
    ap.add_argument("--no-browser", action="store_true", help="skip the browser part (b)")
    ap.add_argument("--no-server", action="store_true", help="skip the server part (a)")
    args = ap.parse_args()

    print(machine())
    print(f"- streamlit {md.version('streamlit')}, pydeck {md.version('pydeck')}, "
          f"playwright {md.version('playwright')}, {_chromium_version()}")  # fmt: skip
    # Other work on the machine slows both parts; the load shows how much.
    print(f"- load average at start: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print()
    bench_map_json()
    if not args.no_server:
        _server_part(args.runs)
    if args.no_browser:
        return
    print()
    browser_part(args.loads, args.crowd)


if __name__ == "__main__":
    main()
