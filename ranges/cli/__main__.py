"""``python -m ranges.cli``: run ``strike-range``."""

from . import entry

entry()
