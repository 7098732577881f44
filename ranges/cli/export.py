"""``strike-range export``: write a scenario's map data to a file.

::

    strike-range export (--scenario FILE.json | (--launch SPEC)... (--weapon ID)...)
                        --out FILE.geojson|.kml|.gpkg|.csv|.html [--table targets|regions]
    strike-range export ... --format site --out DIR [--name NAME] [--base-url URL]

The format follows from the extension of ``--out`` (see
:data:`ranges.exports.FORMATS`); ``--table regions`` makes a ``.csv`` hold the
regions covered instead of the targets in range.  A scenario file is the
dashboard's "save scenario" JSON, or a GeoJSON written by this command (its
``scenario`` member is read back).

:func:`add_parsers` adds the sub-command to ``strike-range``'s parser; errors
raise :class:`ranges.errors.RangesError`, which ``strike-range`` turns into one
line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse

from ..errors import InputError
from ..scenario import Scenario
from .options import _add_target_options, add_scenario_options, check_output_path
from .resolve import _geodata
from .resolve import scenario_from_args as _scenario_from_args

__all__ = ["add_parsers", "run_export", "scenario_from_args"]


def _description() -> str:
    """``export --help``'s description, naming every format of
    :data:`ranges.exports.FORMATS` (pandas loads with it, so only on demand)."""
    from ..exports import FORMATS

    return (
        "Evaluate a scenario (a scenario file, or launch sites and weapons given here) and "
        "write it to --out; the format follows from the extension: "
        + ", ".join(dict.fromkeys(f.extension for f in FORMATS.values()))
        + "."
    )


def add_parsers(subparsers) -> None:
    """Add the ``export`` sub-command to ``strike-range``'s sub-parsers.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        What ``ArgumentParser.add_subparsers`` returned.
    """
    p = subparsers.add_parser(
        "export",
        help="write reach areas, targets and regions as GeoJSON, KML, GeoPackage, CSV or HTML",
        description=_description,  # called by --help only: it imports ranges.exports
    )
    add_scenario_options(
        p, "scenario file, a GeoJSON exported by strike-range, or a map `render` drew"
    )
    _add_target_options(p, "CSV (name, lat, lon) or GeoJSON")
    p.add_argument("--title", help="title printed on the export")
    p.add_argument(
        "--table",
        choices=("targets", "regions"),
        default="targets",
        help="what a .csv file holds (default: targets in range)",
    )
    p.add_argument(
        "--out",
        required=True,
        metavar="FILE",
        help="output file: .geojson, .kml, .gpkg, .csv or .html; or a folder with --format site",
    )
    p.add_argument(
        "--format",
        choices=("site",),
        help="site: write a static site into the folder --out (one shared deck.gl file; per "
        "map a page, its data, GeoJSON and an embed snippet)",
    )
    p.add_argument(
        "--name", metavar="NAME", help="with --format site: the map's file name (default: title)"
    )
    p.add_argument(
        "--base-url",
        metavar="URL",
        help="with --format site: where the folder will be published, for the embed snippet",
    )
    p.set_defaults(func=run_export)


def scenario_from_args(args: argparse.Namespace) -> Scenario:
    """The scenario described by ``export``'s options (see
    :func:`ranges.cli.scenario_from_args`; ``--title`` belongs to it too)."""
    return _scenario_from_args(args, conflicting=("title",))


def run_export(args: argparse.Namespace, out) -> int:
    """Handle ``strike-range export``: evaluate, write ``--out``, report on ``out``."""
    from ..exports import FORMATS, export, format_from_path
    from ..scenario import check_text

    if args.format == "site":
        return _run_site(args, out)
    for option in ("name", "base_url"):
        if getattr(args, option) is not None:
            raise InputError(f"--{option.replace('_', '-')} applies to --format site")

    try:
        fmt = format_from_path(args.out, table=args.table)
    except InputError as exc:
        raise InputError(f"--out {exc}") from None
    if args.table != "targets" and not fmt.endswith("csv"):
        raise InputError(f"--table {args.table} applies to a .csv --out, not {args.out!r}")
    check_output_path(args.out)
    if args.title is not None:
        args.title = check_text(args.title, "--title")
    scenario = scenario_from_args(args)
    from ..evaluate import evaluate

    geodata = _geodata()
    result = evaluate(scenario, geodata)
    data = export(result, geodata, fmt, args.out)
    n = len(result.targets_in_range)
    out.write(
        f"wrote {args.out} ({FORMATS[fmt].label}, {len(data) / 1000:,.0f} kB): "
        f"{len(result.weapons)} weapon(s), {n} target(s) in range\n"
    )
    return 0


def _run_site(args: argparse.Namespace, out) -> int:
    """``export --format site``: a static site for a CDN in the folder ``--out``."""
    from ..scenario import check_text
    from ..site import check_base_url, gzipped_size, site_name, write_site

    if args.table != "targets":
        raise InputError(f"--table {args.table} applies to a .csv --out, not to --format site")
    check_base_url(args.base_url)  # fail before the slow part
    if args.name is not None:
        site_name(None, args.name)  # checks the name only
    if args.title is not None:
        args.title = check_text(args.title, "--title")
    scenario = scenario_from_args(args)
    from ..evaluate import evaluate

    geodata = _geodata()
    result = evaluate(scenario, geodata)
    paths = write_site(result, geodata, args.out, name=args.name, base_url=args.base_url)
    page = paths[0]
    kb = sum(gzipped_size(p.read_bytes()) for p in paths if p.parent == page.parent) / 1000
    lib = "written" if any(p.parent.name == "lib" for p in paths) else "already there"
    out.write(
        f"wrote {page} and {page.with_suffix('.embed.html').name} ({kb:,.0f} kB gzipped per "
        f"map; shared deck.gl in {page.parent / 'lib'}: {lib}): {len(result.weapons)} "
        f"weapon(s), {len(result.targets_in_range)} target(s) in range\n"
    )
    return 0
