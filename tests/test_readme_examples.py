"""The README's console examples print what the README shows (``scripts/readme_examples.py``).

The first test runs every ```console example of README.md through the real ``strike-range``
and fails with a unified diff per mismatch; fix a drift with
``.venv/bin/python scripts/readme_examples.py --update`` and read the diff before committing.
The others check the checker itself on small synthetic READMEs, so it can fail.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from geographiclib.geodesic import Geodesic
from tools import script

ROOT = Path(__file__).resolve().parents[1]


rx = script("readme_examples")

SYNTHETIC = """# Tool

Some prose with a number, 132.85 km, outside any console block.

```console
$ strike-range distance Sumy Kursk
999.99 km
initial bearing 46.5° (NE) from Sumy to Kursk
$ strike-range reach --launch Sumy --range-km 10 > out.geojson
```

```sh
$ strike-range not-run because this is not a console block
```
"""


def _fake(outputs: dict[str, tuple[str, int]], calls: list | None = None):
    """A runner that answers each command from ``outputs`` and records (command, cwd)."""

    def run(command: str, cwd: Path):
        if calls is not None:
            calls.append((command, cwd))
        text, status = outputs[command]
        return rx.Result(text, status)

    return run


def test_readme_console_examples_print_what_the_readme_shows():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    examples = rx.find_examples(text)
    assert len(examples) >= 5, "the README's console examples were not found"
    found = rx.check(text, rx._shell_runner(rx.default_bin_dir()))
    if found:
        report = "\n\n".join(rx.format_mismatch(m) for m in found)
        pytest.fail(
            f"{len(found)} README example(s) differ from what strike-range prints; if the new "
            "output is right, run `.venv/bin/python scripts/readme_examples.py --update`:\n\n"
            + report,
            pytrace=False,
        )


def test_find_examples_reads_commands_and_their_output_lines_only_in_console_blocks():
    examples = rx.find_examples(SYNTHETIC)
    assert [ex.command for ex in examples] == [
        "strike-range distance Sumy Kursk",
        "strike-range reach --launch Sumy --range-km 10 > out.geojson",
    ]
    assert examples[0].expected == (
        "999.99 km",
        "initial bearing 46.5° (NE) from Sumy to Kursk",
    )
    assert examples[1].expected == ()
    assert examples[0].line == 6  # 1-based line of the `$` command, for the report


def test_a_wrong_number_is_reported_as_a_unified_diff_of_that_line():
    printed = "132.05 km\ninitial bearing 46.5° (NE) from Sumy to Kursk\n"
    runner = _fake(
        {
            "strike-range distance Sumy Kursk": (printed, 0),
            "strike-range reach --launch Sumy --range-km 10 > out.geojson": ("", 0),
        }
    )
    found = rx.check(SYNTHETIC, runner)
    assert len(found) == 1
    report = rx.format_mismatch(found[0])
    assert "README.md:6: $ strike-range distance Sumy Kursk" in report
    assert "\n-999.99 km" in report and "\n+132.05 km" in report
    # The line that agrees is context, not a change.
    assert "\n initial bearing 46.5° (NE) from Sumy to Kursk" in report


def test_matching_output_passes_ignoring_trailing_spaces_and_final_blank_lines():
    runner = _fake(
        {
            "strike-range distance Sumy Kursk": (
                "999.99 km   \ninitial bearing 46.5° (NE) from Sumy to Kursk\n\n",
                0,
            ),
            "strike-range reach --launch Sumy --range-km 10 > out.geojson": ("\n", 0),
        }
    )
    assert rx.check(SYNTHETIC, runner) == []


def test_an_exit_status_that_contradicts_the_output_is_a_mismatch():
    readme = (
        "```console\n$ strike-range weapons\nok\n"
        "$ strike-range reach\nstrike-range: error: x\n```\n"
    )
    # Same text as shown, but the first fails and the error exits 0.
    runner = _fake(
        {"strike-range weapons": ("ok\n", 1), "strike-range reach": ("strike-range: error: x\n", 0)}
    )
    found = rx.check(readme, runner)
    assert [(m.example.command, m.status, m.expected_status) for m in found] == [
        ("strike-range weapons", 1, 0),
        ("strike-range reach", 0, 2),
    ]
    assert "exit status 1, expected 0" in rx.format_mismatch(found[0])


def test_a_blocks_commands_share_one_directory_and_blocks_get_fresh_ones():
    readme = (
        "```console\n$ strike-range a\n$ strike-range b\n```\n\n```console\n$ strike-range c\n```\n"
    )
    calls: list = []
    runner = _fake(
        {c: ("", 0) for c in ("strike-range a", "strike-range b", "strike-range c")}, calls
    )
    rx.check(readme, runner)
    (_, a), (_, b), (_, c) = calls
    assert a == b and a != c


def test_a_command_other_than_strike_range_is_refused_not_run():
    with pytest.raises(rx.ExampleError, match="not a strike-range command"):
        rx.find_examples("```console\n$ rm -rf build\n```\n")


def test_an_unclosed_console_block_is_an_error_naming_its_line():
    with pytest.raises(rx.ExampleError, match=r"README.md:3: .* never closed"):
        rx.find_examples("text\n\n```console\n$ strike-range weapons\n")


def test_update_rewrites_only_the_output_lines_of_console_blocks(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(SYNTHETIC, encoding="utf-8")
    printed = "132.05 km\ninitial bearing 46.5° (NE) from Sumy to Kursk\n"
    runner = _fake(
        {
            "strike-range distance Sumy Kursk": (printed, 0),
            "strike-range reach --launch Sumy --range-km 10 > out.geojson": ("", 0),
        }
    )
    assert rx.main(["--update", "--readme", str(readme)], runner=runner) == 0
    assert readme.read_text(encoding="utf-8") == SYNTHETIC.replace(
        "999.99 km\n", "132.05 km\n"
    )  # the prose's 132.85 and the ```sh block are untouched
    assert rx.main(["--readme", str(readme)], runner=runner) == 0


def test_update_leaves_a_block_alone_when_a_command_in_it_crashes(tmp_path, capsys):
    readme = tmp_path / "README.md"
    text = (
        "```console\n$ strike-range render --out m.png\n"
        "$ strike-range export --scenario m.png\n```\n"
    )
    readme.write_text(text, encoding="utf-8")
    runner = _fake(
        {
            "strike-range render --out m.png": ("Traceback (most recent call last):\n", 1),
            # What follows a crash in the same block: a consistent error, still not to bless.
            "strike-range export --scenario m.png": (
                "strike-range: error: --scenario 'm.png': file not found\n",
                2,
            ),
        }
    )
    assert rx.main(["--update", "--readme", str(readme)], runner=runner) == 1
    assert readme.read_text(encoding="utf-8") == text
    assert "exit status 1, but the README shows it working" in capsys.readouterr().out


def test_update_does_not_turn_a_working_example_into_an_error(tmp_path):
    readme = tmp_path / "README.md"
    text = "```console\n$ strike-range distance Sumy Kursk\n132.05 km\n```\n"
    readme.write_text(text, encoding="utf-8")
    missing = "strike-range: error: data file data/x.bin is missing\n"
    runner = _fake({"strike-range distance Sumy Kursk": (missing, 2)})
    assert rx.main(["--update", "--readme", str(readme)], runner=runner) == 1
    assert readme.read_text(encoding="utf-8") == text


def test_update_fills_in_an_error_example_under_a_placeholder_error_line(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(
        "```console\n$ strike-range reach --launch Nowhere\nstrike-range: error:\n```\n",
        encoding="utf-8",
    )
    message = "strike-range: error: --launch 'Nowhere': no place of that name\n"
    runner = _fake({"strike-range reach --launch Nowhere": (message, 2)})
    assert rx.main(["--update", "--readme", str(readme)], runner=runner) == 0
    assert message in readme.read_text(encoding="utf-8")


def _place(place_id: str) -> tuple[float, float]:
    with open(ROOT / "data" / "places.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["place_id"] == place_id:
                return float(row["lat"]), float(row["lon"])
    raise AssertionError(f"{place_id} not in places.csv")


def test_check_and_update_run_the_real_cli_and_write_the_true_distance(tmp_path, capsys):
    readme = tmp_path / "README.md"
    readme.write_text(SYNTHETIC, encoding="utf-8")
    assert rx.main(["--check", "--readme", str(readme)]) == 1
    assert "\n-999.99 km" in capsys.readouterr().out

    assert rx.main(["--update", "--readme", str(readme)]) == 0
    new = rx.find_examples(readme.read_text(encoding="utf-8"))
    # The number written is the geodesic distance by an independent solver (GeographicLib).
    (lat1, lon1), (lat2, lon2) = _place("sumy"), _place("kursk")
    km = Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2)["s12"] / 1000
    assert new[0].expected[0] == f"{km:,.2f} km"
    assert rx.main(["--check", "--readme", str(readme)]) == 0
