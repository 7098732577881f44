"""``strike-range export``: write a scenario's map data to a file.

::

    strike-range export (--scenario FILE.json | (--launch SPEC)... (--weapon ID)...)
                        --out FILE.geojson|.kml|.gpkg|.csv|.html [--table targets|regions]

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
import json
from pathlib import Path

from shapely.geometry import mapping

from . import cli as _cli
from .catalog import get_weapon, load_catalog
from .errors import InputError
from .exports import FORMATS, export, format_from_path, scenario_from_export
from .scenario import TARGET_KINDS, Scenario, ScenarioError
from .spec import resolve_spec

__all__ = ["add_parsers", "run_export", "scenario_from_args"]

# Options that describe a scenario on the command line (not allowed with --scenario).
_SCENARIO_OPTIONS = (
    "launch",
    "launch_file",
    "border_strip",
    "standoff",
    "weapon",
    "kind",
    "targets",
    "title",
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
        description=(
            "Evaluate a scenario (a scenario file, or launch sites and weapons given here) and "
            "write it to --out; the format follows from the extension: "
            + ", ".join(dict.fromkeys(f.extension for f in FORMATS.values()))
            + "."
        ),
    )
    p.add_argument(
        "--scenario",
        metavar="FILE.json",
        help="scenario file, or a GeoJSON exported by strike-range",
    )
    _cli._add_launch_options(p, need_range=False)
    p.add_argument(
        "--weapon",
        action="append",
        default=[],
        metavar="ID",
        help="weapon id from `strike-range weapons`; repeatable (legend order)",
    )
    p.add_argument(
        "--kind",
        action="append",
        choices=TARGET_KINDS,
        help="shipped target layer; repeatable (default: all, or none with --targets)",
    )
    p.add_argument(
        "--targets", metavar="FILE", help="your targets: CSV (name, lat, lon) or GeoJSON"
    )
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
        help="output file: .geojson, .kml, .gpkg, .csv or .html",
    )
    p.set_defaults(func=run_export)


def _area_from_spec(spec) -> dict:
    if spec.key.startswith("region:"):
        return {"kind": "region", "name": spec.name, "region_id": spec.key.removeprefix("region:")}
    return {"kind": "geojson", "name": spec.name, "geometry": mapping(spec.geometry)}


def scenario_from_args(args: argparse.Namespace) -> Scenario:
    """The scenario described by ``export``'s options.

    Raises
    ------
    ranges.errors.InputError
        A SPEC, weapon id, file or combination of options that breaks a rule.
    """
    if args.scenario:
        given = [f"--{o.replace('_', '-')}" for o in _SCENARIO_OPTIONS if getattr(args, o)]
        if given:
            raise InputError(
                f"--scenario {args.scenario!r} already describes the map; drop {', '.join(given)}"
            )
        if Path(args.scenario).suffix.lower() in (".png", ".svg", ".pdf"):
            from .render import read_embedded_scenario  # a map this program drew

            scenario = read_embedded_scenario(args.scenario)
        else:
            scenario = scenario_from_export(
                Path(args.scenario).read_bytes(), source=args.scenario
            )
        try:
            scenario.check_weapons(load_catalog())
        except ScenarioError as exc:
            raise ScenarioError(f"{args.scenario}: {exc}") from None
        return scenario

    if not args.weapon:
        raise InputError(
            "give at least one --weapon ID (see `strike-range weapons`), or --scenario FILE"
        )
    weapons = [get_weapon(w).id for w in args.weapon]

    sites: list[dict] = []
    areas: list[dict] = []
    for text in args.launch:
        spec = resolve_spec(text, _cli._gazetteer, source="--launch")
        if spec.is_point:
            sites.append({"name": spec.name, "lat": spec.geometry.y, "lon": spec.geometry.x})
        else:
            areas.append(_area_from_spec(spec))
    if args.launch_file:
        from .geojson_io import read_geojson_features

        for i, (geom, props) in enumerate(read_geojson_features(args.launch_file), start=1):
            name = str((props or {}).get("name") or f"{Path(args.launch_file).name} #{i}")
            if geom.geom_type == "Point":
                sites.append({"name": name, "lat": geom.y, "lon": geom.x})
            else:
                areas.append({"kind": "geojson", "name": name, "geometry": mapping(geom)})
    if args.border_strip is not None:
        name = f"Ukraine within {args.border_strip:g} km of the Russian border"
        if args.standoff:
            name += f", {args.standoff:g} km standoff"
        areas.append({"kind": "border-strip", "name": name, "width_km": args.border_strip,
                      "standoff_km": args.standoff})  # fmt: skip
    elif args.standoff:
        raise InputError("--standoff needs --border-strip KM")
    if not sites and not areas:
        raise InputError(
            "give at least one --launch SPEC, a --launch-file or --border-strip, or --scenario"
        )

    user_targets: list[dict] = []
    if args.targets:
        from .targets import read_targets

        df = read_targets(args.targets)
        user_targets = [
            {"name": str(n), "lat": float(lat), "lon": float(lon)}
            for n, lat, lon in zip(df["name"], df["lat"], df["lon"], strict=True)
        ]
    kinds = args.kind if args.kind else ([] if args.targets else list(TARGET_KINDS))
    data = {
        "title": args.title or "",
        "weapons": weapons,
        "sites": sites,
        "areas": areas,
        "target_kinds": kinds,
        "user_targets": user_targets,
    }
    # Through JSON, as a scenario file would be: shapely's tuples become lists.
    return Scenario.from_dict(json.loads(json.dumps(data)), where="command line")


def run_export(args: argparse.Namespace, out) -> int:
    """Handle ``strike-range export``: evaluate, write ``--out``, report on ``out``."""
    try:
        fmt = format_from_path(args.out, table=args.table)
    except InputError as exc:
        raise InputError(f"--out {exc}") from None
    if args.table != "targets" and not fmt.endswith("csv"):
        raise InputError(f"--table {args.table} applies to a .csv --out, not {args.out!r}")
    scenario = scenario_from_args(args)
    from .evaluate import evaluate

    geodata = _cli._geodata()
    result = evaluate(scenario, geodata)
    data = export(result, geodata, fmt, args.out)
    n = len(result.targets_in_range)
    out.write(
        f"wrote {args.out} ({FORMATS[fmt].label}, {len(data) / 1000:,.0f} kB): "
        f"{len(result.weapons)} weapon(s), {n} target(s) in range\n"
    )
    return 0
