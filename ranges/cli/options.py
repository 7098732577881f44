"""The bottom of ``strike-range``: its parser class, the options several
commands share (date, preset, launch sites, scenario, allowed regions), checks
of the files named on the command line, and :func:`run`, which turns a user's
mistake into one line on stderr and exit status 2.

Imports nothing heavy (no pandas, geopandas or matplotlib): every command
module builds on this one, and ``strike-range weapons`` must start quickly.
"""

from __future__ import annotations

import argparse
import sys

from ..errors import InputError, RangesError

__all__ = [
    "add_scenario_options",
    "describe_os_error",
    "check_input_file",
    "check_output_path",
    "run",
]

_PROG = "strike-range"


class _UsageError(InputError):
    """Bad combination of options."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2, like every other failure
        self.exit(2, f"{self.prog}: error: {message}\n")

    def format_help(self) -> str:
        # A description that needs a heavy import (export's list of formats) is
        # a function, called only when help is asked for.
        if callable(self.description):
            self.description = self.description()
        return super().format_help()


def _km(value: str) -> float:
    try:
        return float(value.replace(",", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of kilometres") from None


def _metres(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of metres") from None


# --------------------------------------------------------------------------
# Shared option groups
# --------------------------------------------------------------------------
def _as_of(value: str) -> str:
    from ..scenario import ScenarioError, check_as_of

    try:
        return check_as_of(value, "--as-of")
    except ScenarioError as exc:
        raise argparse.ArgumentTypeError(str(exc).removeprefix("--as-of: ")) from None


def _add_date_options(p: argparse.ArgumentParser) -> None:
    """``--as-of DATE`` and ``--preset ID``: what every command that builds a
    scenario takes."""
    p.add_argument(
        "--as-of",
        type=_as_of,
        metavar="YYYY-MM-DD",
        help="the date the map describes: who held the ground, what was allowed "
        "(default: the preset's date, else the newest data)",
    )
    p.add_argument(
        "--preset",
        metavar="ID",
        help="start from a preset (see `strike-range presets`); other options override its parts",
    )


def _add_launch_options(p: argparse.ArgumentParser, *, need_range: bool = True) -> None:
    _add_date_options(p)
    p.add_argument(
        "--launch",
        action="append",
        default=[],
        metavar="SPEC",
        help='launch site: "lat, lon" or a place/region name; repeatable',
    )
    p.add_argument(
        "--launch-file",
        metavar="FILE",
        help="GeoJSON with launch points, lines (a front line) or polygons",
    )
    p.add_argument(
        "--border-strip",
        type=_km,
        metavar="KM",
        help="launch area: Ukrainian territory within KM of the Russian border",
    )
    p.add_argument(
        "--front-strip",
        type=_km,
        metavar="KM",
        help="launch area: Ukrainian-held territory within KM of the front line on the date "
        "(DeepStateMap)",
    )
    p.add_argument(
        "--standoff",
        type=_km,
        default=0.0,
        metavar="KM",
        help="with --border-strip or --front-strip: launchers at least KM back from the "
        "border or the front",
    )
    if need_range:
        g = p.add_mutually_exclusive_group()
        g.add_argument(
            "--weapon",
            metavar="ID",
            help="weapon id from `strike-range weapons` (default with --preset: its first)",
        )
        g.add_argument("--range-km", type=_km, metavar="KM", help="maximum range in km")
        p.add_argument(
            "--min-km",
            type=_km,
            metavar="KM",
            help="minimum range in km (default: the weapon's, else 0)",
        )
        p.add_argument(
            "--tolerance-m",
            type=_metres,
            default=10.0,
            metavar="M",
            help="largest boundary error in metres (default 10)",
        )


_IMAGE_SUFFIXES = (".png", ".svg", ".pdf")


def add_scenario_options(p: argparse.ArgumentParser, scenario_help: str) -> None:
    """``--scenario FILE``, the launch options and a repeatable ``--weapon``:
    what ``render`` and ``export`` take to describe a map."""
    p.add_argument("--scenario", metavar="FILE", help=scenario_help)
    _add_launch_options(p, need_range=False)
    p.add_argument(
        "--weapon",
        action="append",
        default=[],
        metavar="ID",
        help="weapon id from `strike-range weapons`; repeatable (legend order)",
    )
    p.add_argument(
        "--color",
        action="append",
        default=[],
        metavar="ID=#RRGGBB",
        help="a weapon's colour instead of the palette's, e.g. atacms-m57=#1F77B4; repeatable",
    )


def describe_os_error(exc: BaseException) -> str:
    """An OSError as "'path': reason" (the file the user named, not a
    temporary one, and no "[Errno N]")."""
    if isinstance(exc, OSError) and exc.strerror:
        name = exc.filename2 or exc.filename
        return f"{str(name)!r}: {exc.strerror}" if name else exc.strerror
    return str(exc)


def check_input_file(path: str, option: str) -> None:
    """A file named on the command line exists and is a file (else a message
    naming the option and the path)."""
    from pathlib import Path

    if Path(path).is_dir():
        raise InputError(f"{option} {path!r} is a folder; give a file")
    if not Path(path).exists():
        raise InputError(f"{option} {path!r}: file not found")


def check_output_path(path: str, option: str = "--out") -> None:
    """An output file can be written where the option says: its folder exists
    and is writable, and the name is not a folder."""
    import os
    from pathlib import Path

    file = Path(path)
    if file.is_dir():
        raise InputError(f"{option} {path!r} is a folder; give a file name in it")
    folder = file.parent
    if not folder.is_dir():
        raise InputError(f"{option} {path!r}: the folder {str(folder)!r} does not exist")
    if not os.access(folder, os.W_OK):
        raise InputError(f"{option} {path!r}: the folder {str(folder)!r} is not writable")


#: The shipped target layers (ranges.scenario.TARGET_KINDS: a test checks), here
#: so the parser is built without importing the scenario model.
TARGET_KINDS = ("cities", "airfields", "places")


def _add_target_options(p: argparse.ArgumentParser, files: str) -> None:
    """``--kind`` (shipped layers) and ``--targets FILE`` (the user's, in ``files``)."""
    p.add_argument(
        "--kind",
        action="append",
        choices=TARGET_KINDS,
        help="shipped target layer; repeatable (default: all, or none with --targets)",
    )
    p.add_argument("--targets", metavar="FILE", help=f"your targets: {files}")


def _add_allowed_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--allowed",
        action="append",
        default=[],
        metavar="REGION",
        help='region where strikes are authorized: id ("RU-KRS") or name ("Kursk oblast"); '
        "repeatable; adds an authorization column",
    )


def run(args: argparse.Namespace) -> int:
    """Call the parsed command's handler; a user's mistake becomes one
    ``strike-range: error: ...`` line and exit status 2 (shared by the
    ``render`` entry point, :func:`ranges.cli_render.main`)."""
    try:
        return args.func(args, sys.stdout)
    except RangesError as exc:
        print(f"{_PROG}: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `strike-range reach ... | head`: not an error
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except (OSError, UnicodeError) as exc:  # files named by the user
        print(f"{_PROG}: error: {describe_os_error(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
