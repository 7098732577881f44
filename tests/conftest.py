"""Settings for the whole suite: no test fails because the machine is busy.

Hypothesis's default ``deadline`` (200 ms per example) and its ``too_slow``
health check are wall-clock bounds that a loaded 2-core machine can miss.  The
properties tested here are about results; how long things take is measured in
``benchmarks/``.  A test's own ``@settings`` still sets its number of examples.
"""

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "strike-range", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("strike-range")


@pytest.fixture(scope="module")
def geo():
    """The shipped geodata (a module may define its own ``geo`` to override)."""
    from ranges.geodata import load_geodata

    return load_geodata()


@pytest.fixture(scope="module")
def flagship(geo):
    """The flagship preset (ATACMS into Kursk, November 2024), evaluated."""
    from ranges.evaluate import evaluate
    from ranges.presets import DEFAULT_PRESET, PRESETS

    return evaluate(PRESETS[DEFAULT_PRESET], geo)


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, headless, one per test module (the end-to-end tests'
    rule: skipped without a browser, a failure under ``CI``)."""
    from test_e2e import CHROMIUM, _no_browser, launch_chromium, require_browser_tools

    require_browser_tools()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        try:
            b = launch_chromium(p)
        except Exception as exc:  # noqa: BLE001 - any launch failure means "no browser"
            _no_browser(f"{CHROMIUM} did not start ({str(exc).splitlines()[0]})")
        yield b
        b.close()
