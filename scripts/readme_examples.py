"""Run the README's console examples and compare what they print with what the README shows.

Every fenced ```console block in README.md is a small transcript: a line ``$ strike-range …``
is a command, and the lines after it, up to the next ``$`` line or the end of the block, are
what it prints (stdout and stderr together, as a terminal shows them).  This script runs each
command and reports every example whose printed output differs from the README, so no figure
in the README drifts away from the program again.

    .venv/bin/python scripts/readme_examples.py            # --check: exit 1 and a diff per mismatch
    .venv/bin/python scripts/readme_examples.py --update   # rewrite the output lines in README.md

How commands run
----------------
- Each block runs in its own fresh temporary directory, its commands in order, so a command
  can read a file an earlier command of the same block wrote (``--out map.png`` and then
  ``--scenario map.png``).  Files written there are deleted afterwards.
- Through ``bash -c`` (pipes such as ``| head -4`` and redirections such as ``> out.geojson``
  work as in a terminal), with the virtualenv's ``bin`` first on ``PATH`` so ``strike-range``
  is the project's own entry point (an editable install runs the working tree's code).
- In a fixed environment, so the output does not depend on who runs it: ``LC_ALL=C.UTF-8``,
  ``COLUMNS=100``, ``TZ=UTC``, unbuffered Python (stdout and stderr interleave in the order
  written) and proxies pointing at a closed local port, so an accidental download fails
  instead of reaching the network.  ``HOME`` is kept so matplotlib reuses its font cache.
- Only commands that start with ``strike-range`` are run; any other ``$`` line is reported as
  an error, so a console block cannot quietly turn into a transcript of some other program.
  (The rest of the line still goes to ``bash``: this is a check on the README's authors'
  intent, not a sandbox.)

What counts as a mismatch
-------------------------
- The printed lines differ from the README's lines.  Trailing spaces on a line and blank lines
  at the end of an output are ignored (Markdown editors strip them).
- The exit status is wrong: an example whose output ends with a ``strike-range: error:`` line
  must exit with status 2 (the CLI's rule for a user's mistake); every other example must exit
  with 0.  In a pipeline the status is the last program's, as in a shell without ``pipefail``.

``--update`` writes what each command printed in place of the README's output lines, and
nothing else in the file.  It refreshes outputs, never whether a command succeeds: a block
where some command's exit status differs from the one the README implies (a traceback or a
new error where the README shows success, or success where it shows an error) is left as it
was and reported, for a person to judge.  To add an error example, put a placeholder line
``strike-range: error:`` under its command and run ``--update``.  Read the diff it prints
before committing.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "Example",
    "ExampleError",
    "Mismatch",
    "Result",
    "check",
    "default_bin_dir",
    "find_examples",
    "fixed_environment",
    "format_mismatch",
    "main",
    "mismatches",
    "run_examples",
    "update_text",
]

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
PROG = "strike-range"
ERROR_PREFIX = f"{PROG}: error:"
TIMEOUT_S = 600  # a hung command must not hang CI; the slowest example (render) takes ~3 s

_FENCE_OPEN = re.compile(r"^```console\s*$")
_FENCE_CLOSE = re.compile(r"^```\s*$")


class ExampleError(Exception):
    """A console block this script cannot run (an unterminated block, a foreign command)."""


@dataclass(frozen=True)
class Example:
    """One ``$`` command in a console block and the output lines the README shows for it.

    ``line`` is the 1-based README line of the ``$`` command; ``first``/``stop`` are the
    0-based slice of README lines holding its output (``stop`` is exclusive), so
    ``lines[first:stop]`` is what ``--update`` replaces.
    """

    block: int
    line: int
    command: str
    expected: tuple[str, ...]
    first: int
    stop: int


@dataclass(frozen=True)
class Result:
    """What a command printed (stdout and stderr together) and its exit status."""

    output: str
    status: int


@dataclass(frozen=True)
class Mismatch:
    """An example whose output or exit status differs from what the README says."""

    example: Example
    actual: tuple[str, ...]
    status: int
    expected_status: int


def _normal(lines: Sequence[str]) -> tuple[str, ...]:
    """Lines without trailing spaces and without blank lines at the end."""
    out = [line.rstrip() for line in lines]
    while out and not out[-1]:
        out.pop()
    return tuple(out)


def find_examples(text: str, source: str = "README.md") -> list[Example]:
    """Every ``$`` command of every ```console block in ``text``, in order.

    Parameters
    ----------
    text : str
        The Markdown text.
    source : str
        Its name, for error messages.

    Raises
    ------
    ExampleError
        A block that is never closed, output before a block's first ``$`` line, or a
        command that does not start with ``strike-range``.
    """
    lines = text.split("\n")
    examples: list[Example] = []
    block = -1
    i = 0
    while i < len(lines):
        if not _FENCE_OPEN.match(lines[i]):
            i += 1
            continue
        block += 1
        opened = i
        i += 1
        current: tuple[int, str, int] | None = None  # (line number, command, first output)
        while True:
            if i >= len(lines):
                raise ExampleError(
                    f"{source}:{opened + 1}: the ```console block opened here is never closed"
                )
            text_i = lines[i]
            closing = bool(_FENCE_CLOSE.match(text_i))
            if closing or text_i.startswith("$ "):
                if current is not None:
                    line_no, command, first = current
                    examples.append(
                        Example(block, line_no, command, _normal(lines[first:i]), first, i)
                    )
                    current = None
                if closing:
                    i += 1
                    break
                command = text_i[2:].strip()
                start = i
                # A command continued with a trailing backslash, as in a shell.
                while command.endswith("\\") and i + 1 < len(lines):
                    i += 1
                    command = command[:-1].rstrip() + " " + lines[i].strip()
                if command.split(maxsplit=1)[:1] != [PROG]:
                    raise ExampleError(
                        f"{source}:{start + 1}: {command!r} is not a {PROG} command; only "
                        f"commands starting with '{PROG}' are run"
                    )
                current = (start + 1, command, i + 1)
            elif current is None and text_i.strip():
                raise ExampleError(
                    f"{source}:{i + 1}: output {text_i!r} comes before any '$ ' command in its "
                    "```console block"
                )
            i += 1
    return examples


def default_bin_dir() -> Path:
    """The directory holding the project's ``strike-range``: the running interpreter's own
    ``bin`` (the virtualenv when run as ``.venv/bin/python``), else the repository's ``.venv``."""
    here = Path(sys.executable).parent
    if (here / PROG).exists():
        return here
    return ROOT / ".venv" / "bin"


def fixed_environment(bin_dir: Path, home: str | None = None) -> dict[str, str]:
    """The environment every example runs in (see the module docstring for why each entry)."""
    closed = "http://127.0.0.1:9"  # the discard port: nothing listens, a request fails at once
    env = {
        "PATH": os.pathsep.join([str(bin_dir), "/usr/local/bin", "/usr/bin", "/bin"]),
        "LC_ALL": "C.UTF-8",
        "LANG": "C.UTF-8",
        "COLUMNS": "100",
        "LINES": "50",
        "TZ": "UTC",
        "PYTHONUNBUFFERED": "1",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONHASHSEED": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
        "MPLBACKEND": "Agg",
        "http_proxy": closed,
        "https_proxy": closed,
        "HTTP_PROXY": closed,
        "HTTPS_PROXY": closed,
        "no_proxy": "",
    }
    home = home if home is not None else os.environ.get("HOME")
    if home:
        env["HOME"] = home
    return env


def _shell_runner(bin_dir: Path) -> Callable[[str, Path], Result]:
    env = fixed_environment(bin_dir)
    if not (bin_dir / PROG).exists():
        raise ExampleError(
            f"{bin_dir / PROG} does not exist; install the project first "
            "(sh scripts/setup.sh) or pass --bin DIR"
        )

    def run(command: str, cwd: Path) -> Result:
        try:
            done = subprocess.run(
                ["bash", "-c", command],
                cwd=cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,  # one stream, in the order written, as a terminal shows
                timeout=TIMEOUT_S,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return Result(f"(no answer within {TIMEOUT_S} s)", -1)
        return Result(done.stdout.decode("utf-8", errors="replace"), done.returncode)

    return run


def _expected_status(expected: Sequence[str]) -> int:
    return 2 if expected and expected[-1].startswith(ERROR_PREFIX) else 0


def run_examples(
    examples: Sequence[Example], runner: Callable[[str, Path], Result]
) -> list[tuple[Example, Result]]:
    """Run every example with ``runner(command, cwd)``, each block in a fresh temporary
    directory, its commands in order."""
    results: list[tuple[Example, Result]] = []
    by_block: dict[int, list[Example]] = {}
    for ex in examples:
        by_block.setdefault(ex.block, []).append(ex)
    for block in sorted(by_block):
        with tempfile.TemporaryDirectory(prefix="readme-example-") as tmp:
            for ex in by_block[block]:
                results.append((ex, runner(ex.command, Path(tmp))))
    return results


def mismatches(results: Sequence[tuple[Example, Result]]) -> list[Mismatch]:
    """The examples whose output or exit status differs from the README."""
    found = []
    for ex, res in results:
        actual = _normal(res.output.split("\n"))
        want_status = _expected_status(ex.expected)
        if actual != ex.expected or res.status != want_status:
            found.append(Mismatch(ex, actual, res.status, want_status))
    return found


def format_mismatch(m: Mismatch, source: str = "README.md") -> str:
    """A unified diff of one example (README lines against printed lines), with its status."""
    ex = m.example
    head = f"{source}:{ex.line}: $ {ex.command}"
    parts = [head]
    if m.actual != ex.expected:
        diff = difflib.unified_diff(
            list(ex.expected),
            list(m.actual),
            fromfile=f"{source}:{ex.line + 1} (shown)",
            tofile="printed",
            lineterm="",
        )
        parts.extend(diff)
    if m.status != m.expected_status:
        parts.append(f"exit status {m.status}, expected {m.expected_status}")
    return "\n".join(parts)


def check(
    text: str,
    runner: Callable[[str, Path], Result],
    source: str = "README.md",
) -> list[Mismatch]:
    """Run every console example in ``text`` and return the mismatches (empty: all agree)."""
    return mismatches(run_examples(find_examples(text, source), runner))


def update_text(text: str, results: Sequence[tuple[Example, Result]]) -> str:
    """``text`` with each example's output lines replaced by what its command printed.

    Only the lines between a ``$`` command and the next ``$`` line or the block's end change.
    """
    lines = text.split("\n")
    # From the bottom up, so the line numbers of the examples above stay valid.
    for ex, res in sorted(results, key=lambda pair: pair[0].first, reverse=True):
        lines[ex.first : ex.stop] = list(_normal(res.output.split("\n")))
    return "\n".join(lines)


def _write_updates(
    path: Path,
    examples: Sequence[Example],
    results: Sequence[tuple[Example, Result]],
    source: str,
) -> None:
    """Write ``results`` into the README as it is now, not as it was when the run began.

    Other people edit other parts of the README while the examples run (a dozen seconds),
    so the file is read again and the outputs are placed by each example's position in the
    fresh text; if the console examples themselves changed meanwhile, nothing is written.
    """
    fresh = path.read_text(encoding="utf-8")
    now = find_examples(fresh, source)

    def key(ex: Example) -> tuple[int, str, tuple[str, ...]]:
        return ex.block, ex.command, ex.expected

    if [key(ex) for ex in now] != [key(ex) for ex in examples]:
        raise ExampleError(
            f"the console examples in {source} changed while they ran; nothing was written, "
            "run --update again"
        )
    position = {id(ex): i for i, ex in enumerate(examples)}
    new_text = update_text(fresh, [(now[position[id(ex)]], res) for ex, res in results])
    if new_text != fresh:
        path.write_text(new_text, encoding="utf-8")


def main(
    argv: Sequence[str] | None = None,
    *,
    runner: Callable[[str, Path], Result] | None = None,
) -> int:
    """The command line; ``runner(command, cwd)`` replaces the shell (for tests)."""
    parser = argparse.ArgumentParser(
        prog="readme_examples.py",
        description="Run the README's ```console examples and compare their output.",
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--check",
        action="store_true",
        help="exit 1 and print a unified diff for each example that differs (the default)",
    )
    mode.add_argument(
        "--update",
        action="store_true",
        help="rewrite the README's output lines with what the commands print",
    )
    parser.add_argument("--readme", type=Path, default=README, help="default: README.md")
    parser.add_argument(
        "--bin",
        type=Path,
        default=None,
        help=f"directory holding {PROG} (default: this interpreter's bin, else .venv/bin)",
    )
    args = parser.parse_args(argv)
    source = args.readme.name
    try:
        text = args.readme.read_text(encoding="utf-8")
        examples = find_examples(text, source)
        runner = runner or _shell_runner(args.bin or default_bin_dir())
    except (OSError, ExampleError) as exc:
        print(f"readme_examples.py: error: {exc}", file=sys.stderr)
        return 2
    results = run_examples(examples, runner)
    found = mismatches(results)
    if args.update:
        # --update refreshes what a command prints, never whether it succeeds: a command that
        # now fails where the README shows it working (a traceback, a missing data file), or
        # one that now works where the README shows an error, is a change for a person to
        # judge.  Its whole block stays as it was, since the commands after it in the block
        # read what it should have written and their "file not found" would be no better.
        refused = [m for m in found if m.status != m.expected_status]
        bad_blocks = {m.example.block for m in refused}
        fine = [(ex, res) for ex, res in results if ex.block not in bad_blocks]
        try:
            _write_updates(args.readme, examples, fine, source)
        except (OSError, ExampleError) as exc:
            print(f"readme_examples.py: error: {exc}", file=sys.stderr)
            return 2
        updated = [m for m in found if m.example.block not in bad_blocks]
        for m in updated:
            print(format_mismatch(m, source))
            print()
        for m in refused:
            print(
                f"{source}:{m.example.line}: not updated: $ {m.example.command}\n"
                f"exit status {m.status}, but the README shows "
                + ("an error" if m.expected_status else "it working")
                + f" (exit status {m.expected_status}); it printed:\n"
                + "\n".join(m.actual)
                + "\n"
            )
        print(
            f"{len(examples)} examples run; {len(updated)} updated in {source}"
            + (f"; {len(bad_blocks)} block(s) left as they were (see above)" if refused else "")
        )
        return 1 if refused else 0
    for m in found:
        print(format_mismatch(m, source))
        print()
    print(f"{len(examples)} examples run; {len(found)} differ from {source}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
