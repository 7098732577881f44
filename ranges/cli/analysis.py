"""Analysis commands: ``targets`` (what is in range), ``regions`` (the share
of each region covered) and ``headline`` (one caption per weapon).

pandas and geopandas load inside the commands, not when the module is
imported."""

from __future__ import annotations

import datetime
import json

from ..geodesy import check_ranges, reach
from .options import _add_allowed_option, _add_launch_options, _UsageError, check_input_file
from .output import _emit_frame
from .resolve import (
    _date,
    _geodata,
    _launch_geometry,
    _launches,
    _preset,
    _region_ids,
    _weapon_and_range,
)

__all__ = ["add_parsers"]


def add_parsers(sub) -> None:
    """Add ``targets``, ``regions`` and ``headline`` to ``strike-range``'s sub-parsers."""

    t = sub.add_parser("targets", help="targets in range")
    _add_launch_options(t)
    t.add_argument(
        "--kind",
        choices=("cities", "airfields", "places"),
        help="shipped target layer (default cities unless --targets is given)",
    )
    t.add_argument(
        "--targets", metavar="FILE", help="your targets: CSV (name, lat, lon) or GeoJSON"
    )
    t.add_argument("--all", action="store_true", help="list every target with an in_range column")
    t.add_argument(
        "--territory", action="append", metavar="NAME",
        help="keep targets in this territory (repeatable): 'Ukraine (held)', "
             "'Ukraine (occupied)', Russia, Belarus, other, or held / occupied",
    )  # fmt: skip
    _add_allowed_option(t)
    t.add_argument("--format", choices=("table", "csv", "json"), default="table")
    t.set_defaults(func=_cmd_targets)

    g = sub.add_parser("regions", help="regions touched, with the share covered")
    _add_launch_options(g)
    _add_allowed_option(g)
    g.add_argument("--format", choices=("table", "csv", "json"), default="table")
    g.set_defaults(func=_cmd_regions)

    h = sub.add_parser("headline", help="one caption per weapon: what is in range")
    _add_launch_options(h, need_range=False)
    h.add_argument(
        "--weapon",
        action="append",
        default=[],
        metavar="ID",
        help="weapon id from `strike-range weapons`; repeatable, one line each "
        "(default with --preset: its weapons)",
    )
    h.add_argument(
        "--focus",
        action="append",
        default=[],
        metavar="REGION",
        help="region whose coverage the caption quotes: id or name; repeatable "
        "(default RU-KRS, Kursk oblast)",
    )
    h.add_argument("--format", choices=("text", "json"), default="text")
    h.set_defaults(func=_cmd_headline)


def _targets_frame(args):
    """The candidate targets: the shipped layers of --kind, and/or --targets FILE,
    with ``country`` and ``territory`` on the scenario's date."""
    import pandas as pd

    from ..evaluate import add_territory, located_targets
    from ..targets import read_targets

    as_of = _date(args)
    frames = []
    if args.targets:
        check_input_file(args.targets, "--targets")
        frames.append(add_territory(read_targets(args.targets), as_of, _geodata()))
    if args.kind or not args.targets:
        kind = args.kind or "cities"
        shipped = located_targets(_geodata(), kind, as_of)
        # only cities have a population; 0 would read as "nobody lives here"
        frames.append(shipped if kind == "cities" else shipped.drop(columns="population"))
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


def _cmd_targets(args, out) -> int:
    from ..analysis import targets_in_range

    sites = _launches(args)
    weapon, max_km, min_km = _weapon_and_range(args)
    allowed = _region_ids(args.allowed, "--allowed")
    targets = _targets_frame(args)
    if args.territory:
        from ..analysis import filter_territory

        targets = filter_territory(targets, args.territory, where="--territory")
    df = targets_in_range(
        [(s.name, s.geometry) for s in sites], targets, max_km, min_km=min_km, include_all=args.all
    )
    cols = ["name", "kind", "country", "territory", "lat", "lon", "distance_km", "bearing_deg",
            "launch"]  # fmt: skip
    if "population" in df.columns:
        cols.insert(2, "population")
    if args.all:
        cols.append("in_range")
    if allowed:
        from ..analysis import allowed_area, split_by_authorization

        df = split_by_authorization(df, allowed_area(_geodata().regions, allowed))
        cols.append("authorization")
    cols = [c for c in cols if c in df.columns]
    df = df[cols]
    # Tables round for reading; CSV and JSON keep distances to the metre.
    km_digits = 2 if args.format == "table" else 3
    _emit_frame(df, args.format, out,
                {"distance_km": km_digits, "bearing_deg": 1, "lat": 5, "lon": 5})  # fmt: skip
    return 0


def _cmd_regions(args, out) -> int:
    from ..analysis import region_coverage

    sites = _launches(args)
    weapon, max_km, min_km = _weapon_and_range(args)
    allowed = _region_ids(args.allowed, "--allowed")
    area = reach(_launch_geometry(sites), max_km, min_km=min_km, tolerance_m=args.tolerance_m)
    df = region_coverage(area, _geodata().regions)
    cols = ["region", "country", "status", "covered_km2", "covered_pct"]
    if allowed:
        from ..analysis import AUTHORIZED_LABEL, NOT_AUTHORIZED_LABEL

        # The allowed area is made of whole regions, so a region is allowed or not.
        df["authorization"] = NOT_AUTHORIZED_LABEL
        df.loc[df["region_id"].isin(allowed), "authorization"] = AUTHORIZED_LABEL
        cols.append("authorization")
    _emit_frame(df[cols], args.format, out, {"covered_km2": 0, "covered_pct": 1})
    return 0


def _cmd_headline(args, out) -> int:
    from ..analysis import Headline, region_coverage, targets_in_range
    from ..catalog import get_weapon
    from ..evaluate import located_targets

    sites = _launches(args)
    preset = _preset(args)
    focus = _region_ids(
        args.focus or (preset.focus_regions if preset else ()) or ["RU-KRS"], "--focus"
    )
    if not args.weapon and preset is None:
        raise _UsageError("give --weapon ID (repeatable) or --preset ID")
    weapons = [get_weapon(w) for w in args.weapon or preset.weapons]
    geo = _geodata()
    launch = [(s.name, s.geometry) for s in sites]
    as_of = _date(args)
    cities = located_targets(geo, "cities", as_of)
    airfields = located_targets(geo, "airfields", as_of)
    lines = []
    for weapon in weapons:
        max_km, min_km, _ = check_ranges(
            weapon.max_range_km,
            weapon.min_range_km,
            None,
            names=(f"range of {weapon.id}", f"minimum range of {weapon.id}", ""),
        )
        area = reach(_launch_geometry(sites), max_km, min_km=min_km)
        head = Headline.from_tables(
            weapon.name,
            max_km,
            [s.name for s in sites],
            targets_in_range(launch, cities, max_km, min_km=min_km),
            targets_in_range(launch, airfields, max_km, min_km=min_km),
            region_coverage(area, geo.regions),
            focus_regions=focus,
            side=weapon.side,
        )
        lines.append((weapon, min_km, head))
    if args.format == "json":
        rows = [{"weapon": w.id, "min_range_km": min_km, "as_of": as_of, **h.to_dict()}
                for w, min_km, h in lines]  # fmt: skip
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for _, _, h in lines:
            # a sentence copied into an article needs the day it is true on
            day = datetime.date.fromisoformat(as_of)
            out.write(f"{h.text} (as of {day.day} {day:%b %Y})\n")
    return 0
