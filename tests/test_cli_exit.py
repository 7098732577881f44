"""``strike-range`` leaves the interpreter quickly: the garbage collector is
frozen at exit, so Python does not walk every object pandas and matplotlib
created once more before the process ends (``ranges.cli._freeze_at_exit``).

Behaviour, not timing: ``benchmarks/bench_render.py --cli`` measures the times.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _frozen_at_exit(command: str) -> str:
    """Run ``command`` as ``strike-range`` in a fresh interpreter; what an exit
    handler registered before it saw: the number of frozen objects."""
    probe = (
        "import atexit, gc\n"
        # registered first, so it runs last: after the CLI's own handler
        "atexit.register(lambda: print('frozen', gc.get_freeze_count()))\n"
        "from ranges.cli import main\n"
        f"status = main({command.split()!r})\n"
        "print('status', status)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                          text=True, check=True, timeout=300)  # fmt: skip
    return done.stdout


def test_the_collector_is_frozen_when_a_command_exits():
    out = _frozen_at_exit("weapons --format json").splitlines()
    assert out[-2] == "status 0"
    assert out[-1].startswith("frozen ")
    assert int(out[-1].split()[1]) > 1000  # every object left at exit


def test_calling_main_in_a_process_does_not_freeze_it_before_exit():
    """Tests and ``batch`` call ``main`` in a long-lived process: nothing is
    frozen until that process exits."""
    probe = (
        "import contextlib, gc, io\n"
        "from ranges.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['weapons'])\n"
        "print('frozen', gc.get_freeze_count(), 'enabled', gc.isenabled())\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                          text=True, check=True, timeout=300)  # fmt: skip
    assert done.stdout.split()[:4] == ["frozen", "0", "enabled", "True"]
