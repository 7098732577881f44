"""``strike-range render``: draw a strike-range map to PNG, SVG or PDF.

::

    strike-range render (--scenario FILE | (--launch SPEC)... (--weapon ID)...)
                        --out FILE.png|.svg|.pdf [--size WxH|PRESET] [--title T]
                        [--subtitle S] [--credit C] [--theme light|dark] [--lang en|uk]

``--scenario`` takes a scenario JSON file or a map this command wrote (PNG,
SVG or PDF carry their scenario), so an exported map can be redrawn at another
size, theme or language.  Launch options are those of the other commands
(``--launch``, ``--launch-file``, ``--border-strip``, ``--standoff``); they
become the scenario's sites and areas.  Failures end with one line on stderr
naming the value and the rule, and exit status 2.

:func:`add_parsers` adds the command to the ``strike-range`` parser;
:func:`main` runs it on its own (``python -m ranges.cli_render render ...``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from shapely.geometry import mapping

from . import cli as _cli
from .errors import InputError, RangesError

__all__ = ["add_parsers", "cmd_render", "main"]

_IMAGE_SUFFIXES = (".png", ".svg", ".pdf")
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
    p.add_argument(
        "--scenario",
        metavar="FILE",
        help="scenario JSON, or a PNG/SVG/PDF written by this command (its embedded scenario)",
    )
    _cli._add_launch_options(p, need_range=False)
    p.add_argument(
        "--weapon",
        action="append",
        default=[],
        metavar="ID",
        help="weapon id from `strike-range weapons`; repeatable (legend order)",
    )
    p.add_argument("--out", required=True, metavar="FILE", help="output: .png, .svg or .pdf")
    p.add_argument(
        "--size",
        default="web",
        metavar="WxH|PRESET",
        help=f"pixels (1200x675), millimetres at 300 dpi (180x120mm) or a preset: {_PRESETS}",
    )
    p.add_argument("--title", help="title (default: the scenario's)")
    p.add_argument("--subtitle", help="subtitle (default: the scenario's)")
    p.add_argument("--credit", help='credit line (default: "Map: Strike Range")')
    p.add_argument("--theme", choices=THEMES, default="light")
    p.add_argument("--lang", choices=("en", "uk"), help="label language (default: the scenario's)")
    p.add_argument("--alt-text", action="store_true", help="also print the map's alt text")
    p.set_defaults(func=cmd_render)
    return p


def _read_scenario(path: str):
    from .render import read_embedded_scenario
    from .scenario import scenario_from_json

    if Path(path).suffix.lower() in _IMAGE_SUFFIXES:
        return read_embedded_scenario(path)
    return scenario_from_json(Path(path).read_bytes(), source=path)


def _scenario_from_launches(args):
    """A scenario from --launch/--launch-file/--border-strip and --weapon."""
    from .catalog import get_weapon
    from .scenario import Scenario
    from .spec import resolve_spec

    if not args.weapon:
        raise InputError("give at least one --weapon ID (or a --scenario FILE)")
    for wid in args.weapon:
        try:
            get_weapon(wid)
        except RangesError as exc:
            raise InputError(f"--weapon: {exc}") from None
    sites, areas = [], []

    def add(name: str, geom, key: str = "") -> None:
        if geom.geom_type == "Point":
            sites.append({"name": name, "lat": geom.y, "lon": geom.x})
        elif key.startswith("region:"):
            areas.append({"kind": "region", "name": name, "region_id": key.split(":", 1)[1]})
        else:
            areas.append({"kind": "geojson", "name": name, "geometry": mapping(geom)})

    for text in args.launch:
        spec = resolve_spec(text, _cli._gazetteer, source="--launch")
        add(spec.name, spec.geometry, spec.key)
    if args.launch_file:
        from .geojson_io import read_geojson_features

        for i, (geom, props) in enumerate(read_geojson_features(args.launch_file), start=1):
            add(str((props or {}).get("name") or f"{args.launch_file} #{i}"), geom)
    if args.border_strip is not None:
        areas.append(
            {
                "kind": "border-strip",
                "name": f"Ukraine within {args.border_strip:g} km of the Russian border",
                "width_km": args.border_strip,
                "standoff_km": args.standoff,
            }
        )
    elif args.standoff:
        raise InputError("--standoff needs --border-strip KM")
    if not sites and not areas:
        raise InputError("give at least one --launch SPEC, a --launch-file or --border-strip")
    data = {"weapons": list(args.weapon), "sites": sites, "areas": areas}
    # Through JSON, so the scenario is exactly what its file would hold.
    return Scenario.from_dict(json.loads(json.dumps(data)), where="command line")


def cmd_render(args, out) -> int:
    """Handler of ``strike-range render`` (``args`` from :func:`add_parsers`'s parser)."""
    from .evaluate import evaluate
    from .render import parse_size, render_figure, save

    launch_given = bool(args.launch or args.launch_file or args.border_strip is not None)
    if args.scenario and (launch_given or args.weapon):
        raise InputError(
            "--scenario FILE cannot be combined with --launch, --launch-file, --border-strip "
            "or --weapon: the scenario file already says what to draw"
        )
    if not args.scenario and not launch_given:
        raise InputError("give --scenario FILE, or --launch SPEC and --weapon ID")
    suffix = Path(args.out).suffix.lower()
    if suffix not in _IMAGE_SUFFIXES:
        raise InputError(
            f"--out {args.out!r}: the file name must end in {', '.join(_IMAGE_SUFFIXES)} "
            "(it sets the format)"
        )
    size = parse_size(args.size)  # before the slow part, so a typo fails fast

    scenario = _read_scenario(args.scenario) if args.scenario else _scenario_from_launches(args)
    changes = {
        k: getattr(args, k) for k in ("title", "subtitle", "lang") if getattr(args, k) is not None
    }
    if changes:
        scenario = scenario.replace(**changes)
    result = evaluate(scenario, _cli._geodata())
    fig = render_figure(result, _cli._geodata(), size=size, theme=args.theme, credit=args.credit)
    save(fig, args.out, suffix.lstrip("."))
    page = f", {size.width_in * 25.4:.0f}x{size.height_in * 25.4:.0f} mm page"
    out.write(
        f"wrote {args.out} ({size.width_px}x{size.height_px} px"
        f"{page if suffix != '.png' else ''}, {suffix.lstrip('.').upper()})\n"
    )
    if args.alt_text:
        out.write(fig._strike_range.alt + "\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``render`` without the rest of ``strike-range`` (same messages and exit codes)."""
    parser = _cli._Parser(prog=_cli._PROG, description="Draw strike-range maps.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_cli._Parser)
    add_parsers(sub)
    args = parser.parse_args(argv)
    try:
        return args.func(args, sys.stdout)
    except RangesError as exc:
        print(f"{_cli._PROG}: error: {exc}", file=sys.stderr)
        return 2
    except (OSError, UnicodeError) as exc:
        print(f"{_cli._PROG}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
