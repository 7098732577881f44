"""Rebuild the two indexes derived from the shipped layers in ``data/``.

Run from the project root after changing a layer in ``data/`` (``places.csv``,
``cities.fgb``, ``occupied.bin``, ...) or a module whose rules an index
stores::

    .venv/bin/python scripts/build_indexes.py              # both
    .venv/bin/python scripts/build_indexes.py gazetteer    # or one of them

- ``gazetteer``: ``data/gazetteer.json.gz`` (:mod:`ranges.gazetteer`), every
  spelling the gazetteer matches, already normalized, so ``strike-range
  distance Sumy Kursk`` answers without pandas (~0.5 s to build).
- ``targets``: ``data/targets.npz`` (:mod:`ranges.target_index`), every shipped
  target's country and territory on every occupied-territory snapshot and the
  regions' attributes and polygons, so ``strike-range targets`` and
  ``headline`` answer without pandas (about a minute: every snapshot is
  classified).

Each index records the SHA-256 of the files it was built from: when they
change, the CLI ignores the stale index and computes from the layers, and a
test (``tests/test_cli_startup.py``, ``tests/test_target_index.py``) fails
until it is rebuilt.  The output is deterministic, so a rebuild of the same
data shows no diff.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

INDEXES = ("gazetteer", "targets")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # choices are checked here: Python 3.11's argparse checks a list default
    # of nargs="*" against them as one value and refuses it
    parser.add_argument("which", nargs="*", metavar="{gazetteer,targets}", help="default: both")
    chosen = parser.parse_args(argv).which or list(INDEXES)
    for which in chosen:
        if which not in INDEXES:
            parser.error(f"{which!r} is not an index: choose from {', '.join(INDEXES)}")
    for which in chosen:
        if which == "gazetteer":
            from ranges.gazetteer import write_index
        else:
            from ranges.target_index import write_index
        path = write_index()
        print(f"wrote {path} ({path.stat().st_size / 1000:,.0f} kB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
