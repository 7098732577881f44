"""Rebuild ``data/targets.npz``, the shipped targets and regions as plain arrays.

Run from the project root after changing a layer in ``data/`` (``cities.fgb``,
``occupied.bin``, ...) or the modules whose rules it stores
(``ranges/territory.py``, ``ranges/evaluate.py``, ...)::

    .venv/bin/python scripts/build_target_index.py

The index holds every shipped target's columns, its country and territory on
every occupied-territory snapshot, and the regions' attributes and polygons,
so ``strike-range targets`` and ``headline`` answer without pandas, GeoPandas
or the front line of the day.  It records the SHA-256 of the files it was
built from: when they change, the CLI ignores the stale index and computes
from the layers, and ``tests/test_target_index.py`` fails until the index is
rebuilt.  The output is deterministic, so a rebuild of the same data shows no
diff.  Takes about a minute (every snapshot is classified).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ranges.target_index import write_index  # noqa: E402


def main() -> int:
    path = write_index()
    print(f"wrote {path} ({path.stat().st_size / 1000:,.0f} kB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
