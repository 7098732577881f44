"""Rebuild ``data/gazetteer.json.gz``, the gazetteer's precomputed look-up index.

Run from the project root after changing a layer in ``data/`` (``places.csv``,
``cities.fgb``, ...) or ``ranges/gazetteer.py``::

    .venv/bin/python scripts/build_gazetteer_index.py

The index holds every spelling the gazetteer matches, already normalized, so
``strike-range distance Sumy Kursk`` answers without pandas and without
re-normalizing ~100,000 names (~0.5 s).  It records the SHA-256 of the files
it was built from: when they change, :func:`ranges.gazetteer.load_gazetteer`
ignores the stale index and builds the gazetteer from the layers, and
``tests/test_cli_startup.py`` fails until the index is rebuilt.  The output is
deterministic (no timestamp), so a rebuild of the same data shows no diff.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ranges.gazetteer import write_index  # noqa: E402


def main() -> int:
    path = write_index()
    print(f"wrote {path} ({path.stat().st_size / 1000:,.0f} kB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
