"""Concurrent browser sessions against one ``streamlit run app.py`` server.

Several browser contexts of one headless Chromium (Playwright's async API,
one coroutine per session) use the dashboard at the same time.  Each session
alternates two interactions:

* paste a coordinate of its own into 'Paste coordinates (lat, lon)' and press
  Enter; the headline must then read ``from <lat>, <lon> and the Sumy border
  area`` with that session's coordinate (formatted ``%.4f`` as the app does);
* choose the opening preset again in the 'Preset' select box, which must bring
  the opening headline back.

Every wait is for an event (the opening headline, the headline that follows an
interaction), with generous limits: :data:`WAIT_MS` per interaction, and per
session served at once for the first page load (the sessions' first script
runs share the server's one interpreter).  How long they take is reported,
never asserted: timing belongs to ``benchmarks/bench_sessions.py``.

After every interaction the page must show no exception (``stException``)
and no ``st.error`` alert, and no headline may contain a coordinate another
session pasted: that would be session state bleeding between sessions.  The
server's resident memory (``VmRSS``) is read before and after, and sampled
in between for the peak.

:func:`run_sessions` is also used by ``benchmarks/bench_sessions.py`` (10
sessions x 20 interactions).  The test here is the scaled-down CI version:
3 sessions x 5 interactions, bounded only by a 10-minute limit so that a hung
server cannot hold CI for ever.  Without a browser it is skipped, except under
CI (``CI`` set), where it fails (same rule as ``tests/test_e2e.py``).
"""

from __future__ import annotations

import asyncio
import os
import re
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from test_e2e import (
    CHROMIUM,
    CHROMIUM_ARGS,
    HEADLINE,
    VIEWPORT,
    _no_browser,
    require_browser_tools,
    start_streamlit,
)

COORDS_INPUT = "Paste coordinates (lat, lon)"
PRESET_TITLE = "17 Nov 2024: ATACMS cleared for use inside Russia"
OPENING = "from the Sumy border area:"
PROBLEMS = '[data-testid="stException"], [data-testid="stAlertContentError"]'
COORD_RE = re.compile(r"-?\d+\.\d{4}, -?\d+\.\d{4}")
WAIT_MS = 120_000  # one interaction may wait this long on a busy 2-CPU machine
TEST_TIME_LIMIT_S = 600.0  # the whole CI scenario; only a hung server reaches it


def coordinate(session: int, step: int) -> tuple[str, str]:
    """What session ``session`` pastes at ``step``, and how the headline shows it.

    Latitudes differ between sessions (50.00, 50.01, ...), longitudes between
    steps (30.500, 30.501, ...), so every pasted site is unique.
    """
    lat = 50.0 + 0.01 * session
    lon = 30.5 + 0.001 * step
    return f"{lat:.2f}, {lon:.3f}", f"{lat:.4f}, {lon:.4f}"


def server_pid(url: str) -> int | None:
    """The pid of the ``streamlit run`` process serving ``url`` (found in /proc)."""
    port = url.rsplit(":", 1)[1].strip("/")
    needle = f"--server.port\0{port}\0".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if b"streamlit" in cmdline and needle in cmdline + b"\0":
            return int(entry.name)
    return None


def rss_mb(pid: int | None) -> float:
    """Resident memory of ``pid`` in MB (psutil if installed, else /proc VmRSS)."""
    if pid is None:
        return float("nan")
    try:
        import psutil

        return psutil.Process(pid).memory_info().rss / 2**20
    except ImportError:
        pass
    except Exception:  # noqa: BLE001 - process gone
        return float("nan")
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


@dataclass
class SessionLog:
    session: int
    load_s: float = float("nan")
    steps_done: int = 0
    latencies: list[float] = field(default_factory=list)  # seconds, one per interaction
    errors: list[str] = field(default_factory=list)
    bleeding: list[str] = field(default_factory=list)  # another session's coordinate seen


@dataclass
class RunResult:
    sessions: list[SessionLog]
    rss_before_mb: float
    rss_after_mb: float
    rss_peak_mb: float
    wall_s: float
    timed_out: bool

    @property
    def latencies(self) -> list[float]:
        return [x for s in self.sessions for x in s.latencies]

    @property
    def errors(self) -> list[str]:
        return [f"session {s.session}: {e}" for s in self.sessions for e in s.errors]

    @property
    def bleeding(self) -> list[str]:
        return [f"session {s.session}: {b}" for s in self.sessions for b in s.bleeding]

    def median_ms(self) -> float:
        return 1000 * statistics.median(self.latencies) if self.latencies else float("nan")

    def p95_ms(self) -> float:
        lat = sorted(self.latencies)
        if not lat:
            return float("nan")
        return 1000 * lat[min(len(lat) - 1, round(0.95 * (len(lat) - 1)))]


async def _session(browser, url: str, k: int, steps: int, owners: dict[str, int],
                   deadline: float, load_wait_ms: float) -> SessionLog:  # fmt: skip
    from playwright.async_api import expect

    log = SessionLog(k)
    context = await browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(WAIT_MS)  # clicks and typing too, not only the expects
    page = await context.new_page()
    page.on("pageerror", lambda exc: log.errors.append(f"page error: {exc}"))
    headlines = page.locator(HEADLINE)

    async def check(label: str, own: str | None) -> None:
        n = await page.locator(PROBLEMS).count()
        if n:
            text = (await page.locator(PROBLEMS).first.inner_text())[:200]
            log.errors.append(f"{label}: {n} exception/error element(s): {text!r}")
        for text in await headlines.all_inner_texts():
            for c in COORD_RE.findall(text):
                if c == own:
                    continue
                who = owners.get(c)
                if who is not None and who != k:
                    log.bleeding.append(f"{label}: session {who}'s {c} in {text!r}")
                elif who is None:
                    log.errors.append(f"{label}: unexpected coordinate {c} in {text!r}")
                else:
                    log.errors.append(f"{label}: own stale coordinate {c} in {text!r}")

    try:
        t0 = time.perf_counter()
        await page.goto(url, timeout=load_wait_ms)
        await expect(headlines.first).to_contain_text(OPENING, timeout=load_wait_ms)
        log.load_s = time.perf_counter() - t0
        opening = await headlines.first.inner_text()
        await check("load", None)
        box = page.get_by_label(COORDS_INPUT, exact=True)
        preset = page.locator('[data-testid="stSelectbox"]').filter(has_text="Preset")
        for step in range(steps):
            if time.monotonic() > deadline:
                log.errors.append(f"time limit reached after {step} of {steps} interactions")
                break
            try:
                if step % 2 == 0:
                    typed, shown = coordinate(k, step)
                    await box.fill(typed)
                    t0 = time.perf_counter()
                    await box.press("Enter")
                    await expect(headlines.first).to_contain_text(
                        f"from {shown} and the Sumy border area", timeout=WAIT_MS
                    )
                    log.latencies.append(time.perf_counter() - t0)
                    await check(f"step {step} (paste {typed})", shown)
                else:
                    await preset.locator("input").click()
                    option = page.get_by_role("option", name=PRESET_TITLE)
                    t0 = time.perf_counter()
                    await option.click()
                    await expect(headlines.first).to_have_text(opening, timeout=WAIT_MS)
                    log.latencies.append(time.perf_counter() - t0)
                    await check(f"step {step} (preset)", None)
            except Exception as exc:  # noqa: BLE001 - record, go on with the next step
                first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                log.errors.append(f"step {step}: {type(exc).__name__}: {first}")
                await check(f"step {step} (after failure)", None)
            log.steps_done = step + 1
    except Exception as exc:  # noqa: BLE001
        log.errors.append(f"session failed: {type(exc).__name__}: {str(exc).splitlines()[0]}")
    finally:
        await context.close()
    return log


async def _run(url: str, sessions: int, steps: int, time_limit_s: float) -> RunResult:
    from playwright.async_api import async_playwright

    pid = server_pid(url)
    owners = {coordinate(k, s)[1]: k for k in range(sessions) for s in range(steps)}
    rss_before = rss_mb(pid)
    peak = [rss_before]
    done = asyncio.Event()

    async def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], rss_mb(pid))
            try:
                await asyncio.wait_for(done.wait(), 0.5)
            except TimeoutError:
                pass

    t0 = time.monotonic()
    deadline = t0 + time_limit_s
    # The first loads run every session's first script run at once in one
    # interpreter: allow WAIT_MS for each, within the time limit.
    load_wait_ms = min(WAIT_MS * sessions, 1000 * time_limit_s)
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                          timeout=WAIT_MS)  # fmt: skip
        sampler = asyncio.create_task(sample())
        try:
            logs = await asyncio.gather(
                *(_session(browser, url, k, steps, owners, deadline, load_wait_ms)
                  for k in range(sessions))
            )
        finally:
            done.set()
            await sampler
            await browser.close()
    wall = time.monotonic() - t0
    rss_after = rss_mb(pid)
    return RunResult(list(logs), rss_before, rss_after, max(peak[0], rss_after), wall,
                     timed_out=time.monotonic() > deadline)  # fmt: skip


def run_sessions(url: str, sessions: int, steps: int, time_limit_s: float = 600.0) -> RunResult:
    """``sessions`` simultaneous browser sessions of ``steps`` interactions each on ``url``."""
    return asyncio.run(_run(url, sessions, steps, time_limit_s))


@pytest.mark.timeout(TEST_TIME_LIMIT_S + 300)  # after the scenario's own limit, not before
def test_concurrent_sessions_do_not_share_state_or_fail():
    require_browser_tools("playwright.async_api")
    with start_streamlit() as url:
        try:
            result = run_sessions(url, sessions=3, steps=5, time_limit_s=TEST_TIME_LIMIT_S)
        except Exception as exc:  # noqa: BLE001 - only a launch failure lands here
            if "launch" in str(exc).lower() or "executable" in str(exc).lower():
                _no_browser(f"{CHROMIUM} did not start ({str(exc).splitlines()[0]})")
            raise
    print(
        f"\n{len(result.latencies)} interactions, median {result.median_ms():.0f} ms, "
        f"p95 {result.p95_ms():.0f} ms; server RSS {result.rss_before_mb:.0f} -> "
        f"{result.rss_after_mb:.0f} MB (peak {result.rss_peak_mb:.0f}); {result.wall_s:.1f} s; "
        f"page loads {', '.join(f'{s.load_s:.1f}' for s in result.sessions)} s"
    )
    assert result.bleeding == []
    assert result.errors == []
    assert [s.steps_done for s in result.sessions] == [5, 5, 5]
    assert len(result.latencies) == 15
    growth = result.rss_after_mb - result.rss_before_mb
    if os.path.exists("/proc/self/status"):
        assert growth < 600, f"server RSS grew by {growth:.0f} MB"
