"""Helpers the tests share: the command-line validators the file tests run
(xmllint, qpdf, pdftotext, rsvg-convert), and waiting for a map to be drawn.

A test that needs one calls :func:`require_tool`: without the tool it is
skipped on a developer's machine and fails under ``CI`` (``.ci/run`` installs
every tool with ``scripts/ensure_chromium.sh``), so CI never passes by skipping.
"""

from __future__ import annotations

import io
import os
import shutil
import time

import pytest

#: Debian package of each tool.
PACKAGES = {
    "xmllint": "libxml2-utils",
    "qpdf": "qpdf",
    "pdftotext": "poppler-utils",
    "rsvg-convert": "librsvg2-bin",
}


def require_tool(name: str) -> str:
    """The tool's path; else skip, or fail when the ``CI`` variable is set."""
    path = shutil.which(name)
    if path is None:
        message = (f"{name} is not installed (Debian: {PACKAGES.get(name, name)}; "
                   "`sh scripts/ensure_chromium.sh` installs it)")  # fmt: skip
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return path


def distinct_colours(png: bytes) -> int:
    """How many distinct RGB colours a PNG holds (a blank canvas has one)."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as img:
        return len(img.convert("RGB").getcolors(maxcolors=1 << 20) or [])


def wait_until_drawn(locator, timeout_s: float = 120.0, min_colours: int = 50) -> int:
    """Wait until the element (a Playwright locator) shows more than
    ``min_colours`` colours and two screenshots in a row are the same: deck.gl
    draws in steps, so this is the event "the map is drawn", however long a busy
    machine takes. Returns the colour count. After ``timeout_s`` a map that
    shows more than ``min_colours`` but is still changing is returned as it is;
    one that never did fails the test."""
    deadline = time.monotonic() + timeout_s
    last = None
    while True:
        png = locator.screenshot()
        colours = distinct_colours(png)
        if colours > min_colours and png == last:
            return colours
        if time.monotonic() > deadline:
            if colours <= min_colours:
                pytest.fail(f"not drawn after {timeout_s:.0f} s: {colours} colour(s), "
                            f"more than {min_colours} expected", pytrace=False)  # fmt: skip
            return colours
        last = png
        time.sleep(0.3)



def script(name: str):
    """``scripts/<name>.py`` as a module.  scripts/ is no package: its scripts
    import one another as siblings, which works when one runs (Python puts its
    folder on the module path), so the tests put the folder there too."""
    import importlib
    import sys
    from pathlib import Path

    folder = str(Path(__file__).resolve().parent.parent / "scripts")
    if folder not in sys.path:
        sys.path.append(folder)
    return importlib.import_module(name)
