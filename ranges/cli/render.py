"""``strike-range render``: draw a strike-range map to PNG, SVG or PDF.

::

    strike-range render (--scenario FILE | --preset ID | (--launch SPEC)... (--weapon ID)...)
                        [--as-of YYYY-MM-DD] --out FILE.png|.svg|.pdf [--size WxH|PRESET]
                        [--title T] [--subtitle S] [--credit C] [--theme light|dark] [--lang en|uk]
                        [--targets FILE] [--kind cities|airfields|places]...

``--scenario`` takes a scenario JSON file or a map this command wrote (PNG,
SVG or PDF carry their scenario), so an exported map can be redrawn at another
size, theme or language.  Launch options are those of the other commands
(``--launch``, ``--launch-file``, ``--border-strip``, ``--standoff``); they
become the scenario's sites and areas.  Failures end with one line on stderr
naming the value and the rule, and exit status 2.  What the map could not show
(a ``--targets`` row outside the map, a name with no room for it or its
number) is said on stderr as ``strike-range: warning: ...``; the map is still
written and the exit status is 0.

:func:`add_parsers` adds the command to the ``strike-range`` parser;
:func:`main` runs it on its own (``python -m ranges.cli_render render ...``).
matplotlib loads only when a map is drawn.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError
from .options import (
    _IMAGE_SUFFIXES,
    _PROG,
    _add_target_options,
    _Parser,
    add_scenario_options,
    check_output_path,
    run,
)
from .resolve import _geodata, scenario_from_args

__all__ = ["add_parsers", "cmd_render", "main"]

#: Kept in step with ranges.render (a test checks) without importing matplotlib here.
THEMES = ("light", "dark")
_PRESETS = (
    "web, square, portrait (each also @2x), print-a4, print-a4-portrait, print-a3, "
    "print-a3-portrait"
)


def add_parsers(subparsers) -> argparse.ArgumentParser:
    """Add the ``render`` command to ``strike-range``'s subparsers; return its parser.

    Imports nothing heavy: matplotlib loads only when a map is drawn, so the
    other commands stay quick to start.
    """
    p = subparsers.add_parser(
        "render",
        help="draw a map to PNG, SVG or PDF",
        description="Draw a strike-range map for print or the web.",
    )
    add_scenario_options(
        p, "scenario JSON, or a PNG/SVG/PDF written by this command (its embedded scenario)"
    )
    p.add_argument("--out", required=True, metavar="FILE", help="output: .png, .svg or .pdf")
    _add_target_options(p, "CSV (name, lat, lon), GeoJSON or KML")
    p.add_argument(
        "--size",
        metavar="WxH|PRESET",
        help=f"pixels (1200x675), millimetres at 300 dpi (180x120mm) or a preset: {_PRESETS} "
        "(default: web, or the size of the map given as --scenario)",
    )
    p.add_argument("--title", help="title (default: the scenario's)")
    p.add_argument("--subtitle", help="subtitle (default: the scenario's)")
    p.add_argument("--credit", help='credit line (default: "Map: Strike Range")')
    p.add_argument("--theme", choices=THEMES, default="light")
    p.add_argument("--lang", choices=("en", "uk"), help="label language (default: the scenario's)")
    p.add_argument("--alt-text", action="store_true", help="also print the map's alt text")
    p.set_defaults(func=cmd_render)
    return p


def cmd_render(args, out) -> int:
    """Handler of ``strike-range render`` (``args`` from :func:`add_parsers`'s parser)."""
    from ..evaluate import evaluate
    from ..render import figure_warnings, parse_size, render_figure, save
    from ..scenario import check_text

    launch_given = bool(
        args.launch
        or args.launch_file
        or args.border_strip is not None
        or args.front_strip is not None
    )
    if args.scenario and (launch_given or args.weapon or args.preset):
        raise InputError(
            "--scenario FILE cannot be combined with --launch, --launch-file, --border-strip, "
            "--weapon or --preset: the scenario file already says what to draw"
        )
    if not args.scenario and not launch_given and not args.preset:
        raise InputError("give --scenario FILE, --preset ID, or --launch SPEC and --weapon ID")
    suffix = Path(args.out).suffix.lower()
    if suffix not in _IMAGE_SUFFIXES:
        raise InputError(
            f"--out {args.out!r}: the file name must end in {', '.join(_IMAGE_SUFFIXES)} "
            "(it sets the format)"
        )
    # before the slow part, so a typo fails fast; a map redrawn from its image
    # keeps that image's size unless --size says otherwise
    size = parse_size(args.size) if args.size is not None else None
    if size is None and args.scenario and Path(args.scenario).suffix.lower() in _IMAGE_SUFFIXES:
        from ..render import read_embedded_size

        size = read_embedded_size(args.scenario)
    size = size or parse_size("web")
    check_output_path(args.out)
    for option in ("title", "subtitle", "credit"):
        if getattr(args, option) is not None:
            setattr(args, option, check_text(getattr(args, option), f"--{option}"))

    # --title/--subtitle/--lang restyle a scenario file too: not in the conflict
    # check, applied on top.
    scenario = scenario_from_args(args)
    changes = {
        k: getattr(args, k) for k in ("title", "subtitle", "lang") if getattr(args, k) is not None
    }
    if changes:
        scenario = scenario.replace(**changes)
    result = evaluate(scenario, _geodata())
    fig = render_figure(result, _geodata(), size=size, theme=args.theme, credit=args.credit)
    save(fig, args.out, suffix.lstrip("."))
    page = f", {size.width_in * 25.4:.0f}x{size.height_in * 25.4:.0f} mm page"
    out.write(
        f"wrote {args.out} ({size.width_px}x{size.height_px} px"
        f"{page if suffix != '.png' else ''}, {suffix.lstrip('.').upper()})\n"
    )
    if args.alt_text:
        out.write(fig._strike_range.alt + "\n")
    # What the map could not show (a target outside it, a name with no room):
    # said on stderr, so a script that reads stdout is not disturbed.
    for warning in figure_warnings(fig):
        print(f"{_PROG}: warning: {warning}", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``render`` without the rest of ``strike-range`` (same messages and exit codes)."""
    parser = _Parser(prog=_PROG, description="Draw strike-range maps.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    add_parsers(sub)
    return run(parser.parse_args(argv))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
