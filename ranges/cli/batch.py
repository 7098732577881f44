"""``strike-range batch``: many commands in one process.

Each command of ``strike-range`` started on its own pays for Python, the
libraries (pandas, matplotlib) and the shipped layers again; a script that
draws 50 maps pays that 50 times.  ``batch`` reads one command a line (the
words after ``strike-range``, quoted as in a shell) and runs them in order in
this process, so the libraries load once and the layers, the gazetteer and
the reach areas are read and built once.

A line that fails says so on stderr with its line number, and the rest still
run; the exit status is 0 when every line succeeded, else that of the first
failure.  Blank lines and lines starting with ``#`` are skipped.
"""

from __future__ import annotations

import shlex
import sys

from ..errors import InputError
from .options import _PROG, check_input_file

__all__ = ["add_parsers", "MAX_LINES"]

#: Lines one batch file may hold (a newsroom's nightly set of maps is hundreds).
MAX_LINES = 10_000


def add_parsers(sub) -> None:
    """Add ``batch`` to ``strike-range``'s sub-parsers."""
    b = sub.add_parser(
        "batch",
        help="run many commands in one process, one a line (faster than one process each)",
        description="Run strike-range commands listed one a line in FILE (or '-' for standard "
        "input), in order, in one process: libraries and data load once. Lines are the words "
        "after 'strike-range', quoted as in a shell; blank lines and lines starting with # "
        "are skipped. A failing line is reported with its number and the others still run.",
    )
    b.add_argument("file", metavar="FILE", help="the commands, one a line; '-' reads stdin")
    b.set_defaults(func=_cmd_batch)


def _lines(path: str) -> list[tuple[int, list[str]]]:
    """``(line number, words)`` of every command in the file, checked before any runs."""
    if path == "-":
        text = sys.stdin.read()
    else:
        check_input_file(path, "batch FILE")
        with open(path, encoding="utf-8") as f:
            text = f.read()
    commands = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            words = shlex.split(line)
        except ValueError as exc:  # an unclosed quote
            raise InputError(f"{path}, line {number}: {exc} in {line.strip()!r}") from None
        if words and words[0] == _PROG:  # a line copied with the program's name
            words = words[1:]
        if words and words[0] == "batch":
            raise InputError(f"{path}, line {number}: a batch cannot run another batch")
        commands.append((number, words))
        if len(commands) > MAX_LINES:
            raise InputError(
                f"{path}: more than {MAX_LINES:,} commands (line {number}); "
                "split it into several files"
            )
    return commands


def _cmd_batch(args, out) -> int:
    import gc

    from . import build_parser  # here: ranges.cli imports this module
    from .options import run

    gc.enable()  # main() pauses it for one command; many maps make much cyclic garbage
    commands = _lines(args.file)
    parser = build_parser()
    first_failure = 0
    for number, words in commands:
        try:
            status = run(parser.parse_args(words))
        except SystemExit as exc:  # a usage error: argparse printed its one line
            status = exc.code if isinstance(exc.code, int) else 2
        sys.stdout.flush()
        if status:
            print(f"{_PROG}: batch: line {number} failed (exit status {status}): "
                  f"{shlex.join(words)}", file=sys.stderr)  # fmt: skip
            first_failure = first_failure or status
    return first_failure
