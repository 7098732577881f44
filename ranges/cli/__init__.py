"""``strike-range``: the command-line interface (a public interface: keep it stable).

Commands
--------
weapons    the catalog, as a table or JSON
reach      the reach area of a weapon or range from launch sites, as GeoJSON
distance   geodesic distance and initial bearing between two SPECs
targets    cities, airfields, places or your own targets in range
regions    regions touched by the reach area, with the share covered
headline   one caption per weapon: airfields, cities and people in range, focus regions
presets    the preset scenarios (every command that builds a scenario takes --preset ID)
territory  Ukraine's occupied and Ukrainian-held territory on a date (DeepStateMap)
authorizations  public decisions on where supplied weapons may strike Russia, when
batch      many commands, one a line, in one process (libraries and data load once)

Every command that builds a scenario takes ``--as-of YYYY-MM-DD``: the date
the map describes (who held the ground, what was allowed); a date outside the
shipped data ends with exit status 2 naming the range covered.

``targets`` and ``regions`` take ``--allowed REGION`` (repeatable): the regions
where strikes are authorized, which adds an ``authorization`` column.

A SPEC is "lat, lon" (the order web maps copy), with hemisphere letters or
degrees-minutes-seconds, or a name the gazetteer knows ("Sumy", "UUOK",
"Kursk oblast").  Every failure a user can cause ends with one line on stderr
naming the value and the rule, and exit status 2; never a traceback.

Layout
------
``options`` (parser class, shared options, :func:`run`) and ``resolve``
(options into dates, launch sites, scenarios) are at the bottom; one module per
group of commands sits above them: ``reference`` (weapons, presets, territory,
authorizations), ``geometry`` (reach, distance), ``analysis`` (targets,
regions, headline), ``render``, ``export`` and ``batch``.  Each imports its heavy
dependencies (pandas, geopandas, matplotlib) inside the command, so
``strike-range weapons`` or ``distance`` never loads them.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from .. import __version__
from . import analysis, batch, export, geometry, reference, render
from .options import (
    _PROG,
    _Parser,
    add_scenario_options,
    check_input_file,
    check_output_path,
    describe_os_error,
    run,
)
from .resolve import read_scenario_file, scenario_from_args

__all__ = [
    "main",
    "entry",
    "build_parser",
    "run",
    "scenario_from_args",
    "add_scenario_options",
    "read_scenario_file",
    "check_input_file",
    "check_output_path",
    "describe_os_error",
]


def build_parser() -> argparse.ArgumentParser:
    """The ``strike-range`` parser with every command, in the order ``--help`` lists them."""
    p = _Parser(prog=_PROG, description="Geodesically correct strike-range maps.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for group in (reference, geometry, analysis, render, export, batch):
        group.add_parsers(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``strike-range`` with ``argv`` (default: the command line); return the exit status.

    The cyclic garbage collector is paused while the command runs (and
    restored after, for callers in the same process): a command is short,
    and importing pandas and matplotlib creates hundreds of thousands of
    objects that each collection would walk again, a tenth of the time of
    ``render`` here.  ``batch``, which may draw thousands of maps, turns it
    back on.  At exit the collector is frozen (see :func:`_freeze_at_exit`)."""
    import gc

    _freeze_at_exit()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return run(build_parser().parse_args(argv))
    finally:
        (gc.enable if was_enabled else gc.disable)()


def entry() -> None:
    """The ``strike-range`` program (and ``python -m ranges.cli``): :func:`main`
    on the command line, then a quick exit.

    Once the command is done and its output flushed, the ``atexit`` handlers
    run as usual (logging, Pillow's and matplotlib's clean-ups) and the
    process ends with :func:`os._exit`, without the interpreter's teardown:
    freeing every module and object one by one, which the operating system
    does at once anyway.  That teardown took 80-90 ms of a ``render`` (median
    of 9 pairs, 2-core machine).  The ordinary exit is kept when threads are
    still running or the output cannot be flushed (a closed pipe), so its
    handling stays the interpreter's."""
    try:
        status = main()
    except SystemExit as exc:  # --help, --version, a usage error: argparse exits
        status = exc.code
    _exit_now(status)


def _exit_now(status) -> None:
    import os
    import sys
    import threading

    code = 0 if status is None else status
    if not isinstance(code, int) or threading.active_count() > 1:
        sys.exit(status)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe or stream: the interpreter's exit reports it
        sys.exit(code)
    import atexit

    atexit._run_exitfuncs()
    os._exit(code)


_FREEZE_REGISTERED = False


def _freeze_at_exit() -> None:
    """Freeze the garbage collector when the interpreter exits (once per process).

    At exit Python collects every object still alive once more before it
    frees them: after a ``render`` (pandas, matplotlib, the map) that took
    0.3 s of CPU on the 2-core machine of ``benchmarks/bench_render.py``, a
    fifth of the command.  Frozen objects are skipped by that collection:
    those in reference cycles are left to the operating system, which frees
    the process's memory anyway; the others are freed as before, files and
    streams close as usual and ``atexit`` handlers still run."""
    global _FREEZE_REGISTERED
    if not _FREEZE_REGISTERED:
        import atexit
        import gc

        atexit.register(gc.freeze)
        _FREEZE_REGISTERED = True
