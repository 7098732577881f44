"""Command-line validators the file tests run (xmllint, qpdf, pdftotext, rsvg-convert).

A test that needs one calls :func:`require_tool`: without the tool it is
skipped on a developer's machine and fails under ``CI`` (``.ci/run`` installs
every tool with ``scripts/ensure_chromium.sh``), so CI never passes by skipping.
"""

from __future__ import annotations

import os
import shutil

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
