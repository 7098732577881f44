"""Commands that read the reference data: ``weapons``, ``presets``,
``territory`` and ``authorizations``."""

from __future__ import annotations

import json

from .options import _as_of
from .output import _table
from .resolve import _date, _geodata

__all__ = ["add_parsers"]


def add_parsers(sub) -> None:
    """Add ``weapons``, ``presets``, ``territory`` and ``authorizations`` to
    ``strike-range``'s sub-parsers (what ``add_subparsers`` returned)."""
    w = sub.add_parser("weapons", help="list the weapon catalog")
    w.add_argument("--format", choices=("table", "json"), default="table")
    w.set_defaults(func=_cmd_weapons)

    ps = sub.add_parser("presets", help="list the preset scenarios (use with --preset ID)")
    ps.add_argument("--format", choices=("table", "json"), default="table")
    ps.set_defaults(func=_cmd_presets)

    te = sub.add_parser(
        "territory",
        help="Ukraine's occupied and Ukrainian-held territory on a date (DeepStateMap)",
        description="Russian-occupied and Ukrainian-held territory of Ukraine as of a date, "
        "from DeepStateMap's daily snapshots (the latest on or before the date). Ukrainian-held "
        "ground inside Russia and grey zones are not in the source.",
    )
    te.add_argument("--as-of", type=_as_of, metavar="YYYY-MM-DD",
                    help="the date (default: the newest snapshot)")  # fmt: skip
    te.add_argument("--format", choices=("geojson", "table"), default="geojson")
    te.set_defaults(func=_cmd_territory, preset=None)

    au = sub.add_parser(
        "authorizations",
        help="public decisions on where supplied weapons may strike Russia, with sources",
        description="The decisions in data/authorizations.toml (who, when, which weapons, "
        "where, allow or restrict, announced or reported), with --as-of whether each was "
        "in effect that day.",
    )
    au.add_argument(
        "--as-of",
        type=_as_of,
        metavar="YYYY-MM-DD",
        help="only decisions made by then, with whether each was in effect",
    )
    au.add_argument("--weapon", metavar="ID", help="weapon id or family (ATACMS)")
    au.add_argument("--format", choices=("table", "json"), default="table")
    au.set_defaults(func=_cmd_authorizations)


def _cmd_weapons(args, out) -> int:
    from ..catalog import load_catalog

    weapons = load_catalog()
    if args.format == "json":
        json.dump([w.to_dict() for w in weapons], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    rows = [
        (w.id, w.name, f"{w.min_range_km:g}", f"{w.max_range_km:,g}", w.platform, w.status)
        for w in weapons
    ]
    _table(out, ("id", "name", "min km", "max km", "platform", "status"), rows)
    return 0


def _cmd_presets(args, out) -> int:
    from ..presets import PRESETS

    if args.format == "json":
        rows = [{"id": pid, "as_of": sc.as_of, "title": sc.title, "subtitle": sc.subtitle,
                 "weapons": list(sc.weapons)} for pid, sc in PRESETS.items()]  # fmt: skip
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    rows = [(pid, sc.as_of, ", ".join(sc.weapons), sc.title) for pid, sc in PRESETS.items()]
    _table(out, ("id", "as of", "weapons", "title"), rows)
    return 0


def _cmd_territory(args, out) -> int:
    from ..territory import parse_date, territory_features

    as_of = _date(args)
    fc = territory_features(parse_date(as_of, "--as-of"), _geodata())
    if args.format == "geojson":
        json.dump(fc, out, ensure_ascii=False, separators=(",", ":"))
        out.write("\n")
        return 0
    rows = []
    for f in fc["features"]:
        p = f["properties"]
        rows.append((p["territory"], f"{p['area_km2']:,.0f}", p["snapshot_date"], p["source"]))
    _table(out, ("territory", "area km2", "snapshot", "source"), rows)
    return 0


def _cmd_authorizations(args, out) -> int:
    from ..authorizations import decisions_table

    rows = decisions_table(as_of=args.as_of, weapon=args.weapon)
    if args.format == "json":
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    if not rows:
        when = f" on or before {args.as_of}" if args.as_of else ""
        which = f" about {args.weapon}" if args.weapon else ""
        out.write(f"no decision{which} is recorded{when}\n")
        return 0
    effect = {True: "yes", False: "no", None: "-"}
    table = [
        (r["date"], r["decider"], r["action"], r["status"],
         ", ".join(r["weapons"]) or r["weapons_text"],
         ", ".join(r["scope_regions"]) or "(zone)", effect[r["in_effect"]],
         r["headline"], r["source_line"])
        for r in rows
    ]  # fmt: skip
    header = ("date", "decider", "action", "status", "weapons", "regions", "in effect",
              "decision", "sources")  # fmt: skip
    if not args.as_of:
        table = [r[:6] + r[7:] for r in table]
        header = header[:6] + header[7:]
    _table(out, header, table)
    return 0
