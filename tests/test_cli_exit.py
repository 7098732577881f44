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


def _program(*args: str, **kw) -> subprocess.CompletedProcess:
    """``strike-range ARGS`` as a user runs it: a new process through :func:`ranges.cli.entry`."""
    kw.setdefault("stdout", subprocess.PIPE)
    return subprocess.run([sys.executable, "-m", "ranges.cli", *args], cwd=ROOT,
                          stderr=subprocess.PIPE, timeout=120, **kw)  # fmt: skip


def test_the_quick_exit_runs_exit_handlers_and_keeps_every_byte_of_output(tmp_path):
    """``entry`` ends with os._exit after the atexit handlers: output written to a
    pipe and to a file is complete, and handlers registered by libraries run."""
    probe = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('handler ran', file=sys.stderr))\n"
        "sys.argv = ['strike-range', 'weapons', '--format', 'json']\n"
        "from ranges.cli import entry\n"
        "entry()\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().endswith("handler ran")
    import json

    weapons = json.loads(done.stdout)  # the whole document, not a cut buffer
    assert len(weapons) > 5
    out = tmp_path / "weapons.json"
    with out.open("wb") as f:
        done = _program("weapons", "--format", "json", stdout=f)
    assert done.returncode == 0
    assert json.loads(out.read_text(encoding="utf-8")) == weapons


def test_the_quick_exit_keeps_exit_statuses_and_messages():
    done = _program("--version")
    assert done.returncode == 0 and done.stdout.decode().startswith("strike-range ")
    done = _program("distance", "91, 30", "50, 30")
    assert done.returncode == 2
    assert b"strike-range: error:" in done.stderr and b"Traceback" not in done.stderr
    done = _program("no-such-command")
    assert done.returncode == 2 and b"invalid choice" in done.stderr


def test_a_reader_closing_the_pipe_early_is_not_an_error():
    """``strike-range targets ... | head -c 100``: the rest of the output (over 300 kB,
    more than a pipe holds) goes nowhere, quietly."""
    proc = subprocess.Popen([sys.executable, "-m", "ranges.cli", "targets", "--launch",
                             "50.9, 34.8", "--weapon", "kh-101", "--format", "csv"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    head = proc.stdout.read(100)
    proc.stdout.close()
    proc.wait(timeout=120)  # the event: the process ends (its stderr is a few lines at most)
    err = proc.stderr.read()
    assert head.startswith(b"name,kind,")
    assert b"Traceback" not in err and b"Exception ignored" not in err, err
    assert proc.returncode == 0
