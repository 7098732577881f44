"""End-to-end test of the dashboard in a real browser.

Starts ``streamlit run app.py`` on a free local port and drives Debian's
Chromium (``/usr/bin/chromium``; ``sh scripts/ensure_chromium.sh`` installs
it) through Playwright: the map must draw, the headline must be there, and
changing the weapon and adding a launch site must change the headline.
Screenshots go to pytest's tmp directory and to ``/tmp/e2e_screens/``.

Without a browser the test is skipped, except under CI (``CI`` set), where
it fails: a CI run must not pass without having opened the page.

Every wait is for an event (the server's health answer, the map's canvas, a
headline's text) and may take up to :data:`WAIT_MS`: on a busy 2-core machine
a script run can take tens of seconds, and how long it takes is for
``benchmarks/bench_dashboard.py`` to measure, not for a test to assert.

The helpers :func:`start_streamlit` and :func:`launch_chromium` are also used
by ``benchmarks/bench_dashboard.py``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from tools import wait_until_drawn

from ranges.catalog import get_weapon
from ranges.i18n import weapon_name

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("STRIKE_RANGE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENS = Path("/tmp/e2e_screens")
CHART = '[data-testid="stDeckGlJsonChart"]'
MAP_CANVAS = f"{CHART} canvas"
HEADLINE = '[data-testid="headline"]'
VIEWPORT = {"width": 1400, "height": 1000}
WAIT_MS = 120_000  # the longest any one event may take (page load, rerun, browser start)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def start_streamlit(timeout_s: float = WAIT_MS / 1000, app: Path | None = None) -> Iterator[str]:
    """Run ``streamlit run app.py`` (or ``app``) on a free port; yield its URL; stop it after."""
    port = _free_port()
    log = open(os.devnull, "wb")  # noqa: SIM115 - closed below
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(app or ROOT / "app.py"),
        "--server.headless", "true", "--server.port", str(port),
        "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]  # fmt: skip
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with status {proc.returncode}: {cmd}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not answer {url}/_stcore/health in {timeout_s}s")
            time.sleep(0.25)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def launch_chromium(playwright):
    """Debian's Chromium, headless (Playwright's own browsers are not downloaded)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                      timeout=WAIT_MS)  # fmt: skip


def _no_browser(reason: str):
    message = (
        f"no browser for the end-to-end test: {reason}. "
        "Install Debian's Chromium with `sh scripts/ensure_chromium.sh`."
    )
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def require_browser_tools(module: str = "playwright.sync_api") -> None:
    """Playwright importable and Chromium on disk, else :func:`_no_browser`."""
    import importlib

    try:
        importlib.import_module(module)
    except ImportError as exc:
        _no_browser(f"playwright is not installed ({exc})")
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        _no_browser(f"{CHROMIUM} is missing")


@pytest.fixture(scope="module")
def server():
    with start_streamlit() as url:
        yield url


def new_page(browser, **context_options):
    """A page in a fresh context whose every action and navigation waits up to WAIT_MS."""
    context = browser.new_context(**context_options)
    context.set_default_timeout(WAIT_MS)
    context.set_default_navigation_timeout(WAIT_MS)
    return context, context.new_page()


def _shot(page, tmp_path: Path, name: str) -> None:
    SCREENS.mkdir(parents=True, exist_ok=True)
    for folder in (tmp_path, SCREENS):
        page.screenshot(path=str(folder / f"{name}.png"))


def test_weapon_and_launch_site_changes_update_the_headline_in_the_browser(
    browser, server, tmp_path
):
    from playwright.sync_api import expect

    context, page = new_page(browser, viewport=VIEWPORT)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(server)
        page.wait_for_selector(MAP_CANVAS, state="visible", timeout=WAIT_MS)
        headlines = page.locator(HEADLINE)
        expect(headlines).to_have_count(1, timeout=WAIT_MS)
        first = headlines.first.inner_text()
        assert first.startswith("ATACMS M57 (unitary) (300 km) from the Sumy border area:")
        assert "100% of Kursk region" in first
        expect(page.locator("h2")).to_have_text("17 Nov 2024: ATACMS cleared for use inside Russia",
                                                timeout=WAIT_MS)  # fmt: skip
        wait_until_drawn(page.locator(CHART), WAIT_MS / 1000)
        _shot(page, tmp_path, "1-opening-map")

        weapons = page.locator('[data-testid="stMultiSelect"]').filter(
            has_text="Ukraine and partners"
        )
        weapons.locator("input").click()
        page.get_by_role("option", name="Storm Shadow / SCALP-EG – 250 km").click()
        page.keyboard.press("Escape")
        expect(headlines).to_have_count(2, timeout=WAIT_MS)
        expect(headlines.nth(1)).to_contain_text("Storm Shadow / SCALP-EG (250 km)",
                                                   timeout=WAIT_MS)  # fmt: skip
        assert headlines.first.inner_text() == first

        box = page.get_by_label("Paste coordinates (lat, lon)", exact=True)
        box.fill("50.0, 36.23")
        box.press("Enter")
        expect(headlines.first).to_contain_text("from 50.0000, 36.2300 and the Sumy border area",
                                                timeout=WAIT_MS)  # fmt: skip
        assert headlines.first.inner_text() != first
        expect(box).to_have_value("", timeout=WAIT_MS)
        assert "s=" in page.url  # the link follows the map
        page.wait_for_selector(MAP_CANVAS, state="visible", timeout=WAIT_MS)
        wait_until_drawn(page.locator(CHART), WAIT_MS / 1000)
        _shot(page, tmp_path, "2-storm-shadow-and-site")

        page.get_by_role("tab", name="Regions covered").click()
        page.get_by_role("tab", name="Regions covered").scroll_into_view_if_needed()
        regions = page.locator('[data-testid="stDataFrame"]').filter(visible=True).first
        expect(regions).to_be_visible(timeout=WAIT_MS)
        wait_until_drawn(regions, WAIT_MS / 1000, min_colours=2)
        _shot(page, tmp_path, "3-tables")

        assert page.locator('[data-testid="stException"]').count() == 0
        assert errors == []
    finally:
        context.close()


def test_link_opens_the_same_map_in_a_fresh_browser(browser, server, tmp_path):
    from playwright.sync_api import expect

    from ranges.presets import PRESETS
    from ranges.scenario import to_query

    query = to_query(PRESETS["russian-missiles-on-ukraine"].replace(lang="uk"))
    context, page = new_page(browser, viewport=VIEWPORT)
    try:
        page.goto(f"{server}/?v={query['v']}&s={query['s']}")
        page.wait_for_selector(MAP_CANVAS, state="visible", timeout=WAIT_MS)
        headlines = page.locator(HEADLINE)
        expect(headlines).to_have_count(2, timeout=WAIT_MS)
        # the link is in Ukrainian, so is the page
        iskander = weapon_name(get_weapon("iskander-m"), "uk")  # Іскандер-М (9М723)
        expect(headlines.first).to_contain_text(f"{iskander} (500 км), пуск: Бєлгород",
                                                timeout=WAIT_MS)  # fmt: skip
        wait_until_drawn(page.locator(CHART), WAIT_MS / 1000)
        _shot(page, tmp_path, "4-link-russian-missiles-uk")
    finally:
        context.close()


#: A phone as the server sees it (its User-Agent picks the phone's map view).
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
    "user_agent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
                  "(KHTML, like Gecko) Chrome/150.0 Mobile Safari/537.36",
}


def test_phone_sized_page_shows_the_map_legend_and_whole_button_labels(browser, server,
                                                                        tmp_path):  # fmt: skip
    from playwright.sync_api import expect

    context, page = new_page(browser, **PHONE)
    try:
        page.goto(server)
        page.wait_for_selector(MAP_CANVAS, state="visible", timeout=WAIT_MS)
        expect(page.locator(HEADLINE)).to_have_count(1, timeout=WAIT_MS)
        chart = page.locator('[data-testid="stDeckGlJsonChart"]')
        box = chart.bounding_box()
        assert box is not None and box["width"] <= 390 and box["height"] <= 844 * 0.7
        chart.scroll_into_view_if_needed()
        wait_until_drawn(chart, WAIT_MS / 1000)
        _shot(page, tmp_path, "5-phone")
        legend = page.locator('[data-testid="legend"]')
        legend.scroll_into_view_if_needed()
        assert legend.bounding_box()["width"] <= 390
        page.get_by_text("Export for publication (images and data)").click()
        html_button = page.get_by_role("button", name="HTML map")
        expect(html_button).to_be_visible(timeout=WAIT_MS)  # the last export button
        # every label whole: no button's text is wider than the button
        cut = page.evaluate("""() => Array.from(document.querySelectorAll(
            '[data-testid="stDownloadButton"] button')).filter(b => b.offsetWidth > 0 &&
            b.scrollWidth > b.clientWidth + 1).map(b => b.innerText)""")
        assert cut == []
        html_button.scroll_into_view_if_needed()
        _shot(page, tmp_path, "6-phone-exports")
    finally:
        context.close()


def test_language_switch_changes_headline_legend_and_controls(browser, server, tmp_path):
    from playwright.sync_api import expect

    from ranges.dashboard import texts

    uk = texts("uk")
    context, page = new_page(browser, viewport=VIEWPORT)
    _, foreign = _record_requests(context)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(server)
        page.wait_for_selector(MAP_CANVAS, state="visible", timeout=WAIT_MS)
        expect(page.locator(HEADLINE)).to_have_count(1, timeout=WAIT_MS)
        page.get_by_text("Українська", exact=True).click()
        expect(page.locator(HEADLINE).first).to_contain_text("(300 км), пуск:", timeout=WAIT_MS)
        expect(page.locator('[data-testid="legend"]')).to_contain_text(uk["legend_front"],
                                                                      timeout=WAIT_MS)  # fmt: skip
        sidebar = page.locator('[data-testid="stSidebar"]')
        expect(sidebar.get_by_text(uk["preset"], exact=True)).to_be_visible(timeout=WAIT_MS)
        expect(sidebar.get_by_text(uk["tiles"], exact=True)).to_be_attached(timeout=WAIT_MS)
        expect(page.get_by_role("tab", name=uk["tab_targets"])).to_be_visible(timeout=WAIT_MS)
        page.wait_for_selector(MAP_CANVAS, state="visible", timeout=WAIT_MS)
        wait_until_drawn(page.locator(CHART), WAIT_MS / 1000)
        _shot(page, tmp_path, "7-ukrainian")
        assert page.locator('[data-testid="stException"]').count() == 0
        assert errors == [] and foreign == []
    finally:
        context.close()


LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def _record_requests(context) -> tuple[list[str], list[str]]:
    """Every request the pages of ``context`` make (WebSockets included), and
    those to any host but the local server, which are aborted (so a test
    never reaches the internet, and a page that tries is caught offline too)."""
    import urllib.parse

    seen: list[str] = []
    foreign: list[str] = []

    def route(r) -> None:
        url = r.request.url
        seen.append(url)
        host = urllib.parse.urlsplit(url).hostname
        if url.startswith(("data:", "blob:")) or host in LOCAL_HOSTS:
            r.continue_()
        else:
            foreign.append(url)
            r.abort()

    def socket(ws) -> None:
        seen.append(ws.url)
        if urllib.parse.urlsplit(ws.url).hostname not in LOCAL_HOSTS:
            foreign.append(ws.url)

    context.route("**/*", route)
    context.on("page", lambda page: page.on("websocket", socket))
    return seen, foreign


def test_default_page_asks_no_host_but_its_own_server(browser, server, tmp_path):
    from playwright.sync_api import expect

    context, page = new_page(browser, viewport=VIEWPORT)
    seen, foreign = _record_requests(context)
    page.on("websocket", lambda ws: seen.append(ws.url))  # the page existed before the hook
    try:
        page.goto(server)
        page.wait_for_selector(MAP_CANVAS, state="visible", timeout=WAIT_MS)
        expect(page.locator(HEADLINE)).to_have_count(1, timeout=WAIT_MS)
        page.wait_for_load_state("networkidle", timeout=WAIT_MS)
        assert page.locator('[data-testid="stException"]').count() == 0
        assert any("/_stcore/stream" in u for u in seen)  # the recorder saw the page's own traffic
        assert foreign == []
        # The opt-in Carto base map is the one way out, and the recorder sees it.
        toggle = page.locator('[data-testid="stSidebar"] [data-testid="stCheckbox"]').filter(
            has_text="Carto")  # fmt: skip
        with page.expect_event("requestfailed", lambda r: "cartocdn.com" in r.url,
                               timeout=WAIT_MS):  # aborted by the recorder  # fmt: skip
            toggle.locator("label").click()
        assert any("cartocdn.com" in u for u in foreign)
    finally:
        context.close()
