"""``python -m ranges.cli_render render ...``: the ``render`` command on its own.

The command lives in :mod:`ranges.cli.render`; this module keeps the old
import path (``ranges.cli_render.main``, ``add_parsers``, ``cmd_render``).
"""

import sys

from .cli.render import _PRESETS, THEMES, add_parsers, cmd_render, main

__all__ = ["add_parsers", "cmd_render", "main", "THEMES", "_PRESETS"]

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
