"""``strike-range batch``: many commands in one process, each failure named by its line."""

from __future__ import annotations

import io
import json

import pytest

from ranges.cli import main


def _batch(tmp_path, capsys, text: str) -> tuple[int, str, str]:
    path = tmp_path / "commands.txt"
    path.write_text(text, encoding="utf-8")
    status = main(["batch", str(path)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_batch_runs_every_line_in_order_and_names_each_failing_line(tmp_path, capsys):
    out_png = tmp_path / "map.png"
    status, out, err = _batch(tmp_path, capsys, f"""# a comment, then a blank line

distance "50.9077, 34.7981" "51.7373, 36.1873"
targets --launch Sumy --weapon nosuch
strike-range render --launch Sumy --weapon atacms-m57 --out {out_png}
reach --launch Sumy --weapon atacms-m57 --bogus
weapons --format json
""")
    assert status == 2  # the first failure's status
    # the lines after a failure still ran, in order
    assert out.index("km") < out.index("wrote") < out.index('"id"')
    assert out_png.stat().st_size > 10_000
    assert json.loads(out[out.index("["):])[0]["id"]
    assert "batch: line 4 failed (exit status 2): targets --launch Sumy --weapon nosuch" in err
    assert "weapon id 'nosuch' is not in the weapon catalog" in err
    assert "unrecognized arguments: --bogus" in err
    assert "batch: line 6 failed" in err
    assert "line 3" not in err and "line 5" not in err


def test_batch_of_good_lines_exits_0_and_reads_standard_input(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("distance Sumy Kursk\npresets\n"))
    assert main(["batch", "-"]) == 0
    out = capsys.readouterr().out
    assert "132.05 km" in out and "atacms-nov-2024" in out


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('distance "50.9, 34.8 51.7, 36.2\n', "line 1: No closing quotation"),
        ("presets\nbatch other.txt\n", "line 2: a batch cannot run another batch"),
    ],
)
def test_a_batch_file_that_cannot_be_read_runs_nothing_and_says_why(tmp_path, capsys, text,
                                                                    message):  # fmt: skip
    status, out, err = _batch(tmp_path, capsys, text)
    assert status == 2 and out == ""
    assert message in err


def test_a_missing_batch_file_is_named(tmp_path, capsys):
    assert main(["batch", str(tmp_path / "nope.txt")]) == 2
    assert "batch FILE" in capsys.readouterr().err


def test_a_batch_longer_than_the_limit_is_refused_before_any_line_runs(tmp_path, capsys,
                                                                      monkeypatch):  # fmt: skip
    monkeypatch.setattr("ranges.cli.batch.MAX_LINES", 2)
    status, out, err = _batch(tmp_path, capsys, "presets\npresets\npresets\n")
    assert status == 2 and out == ""
    assert "more than 2 commands (line 3)" in err
