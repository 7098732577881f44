"""Analysis commands: ``targets`` (what is in range), ``regions`` (the share
of each region covered) and ``headline`` (one caption per weapon).

pandas and geopandas load inside the commands, not when the module is
imported.  ``targets`` and ``headline`` of the shipped layers read the
precomputed ``data/targets.npz`` (:mod:`ranges.target_index`) and load neither;
``--targets FILE``, ``--allowed``, ``regions`` and a stale index take the
pandas path, which prints the same text (``tests/test_target_index.py``)."""

from __future__ import annotations

import datetime
import json

from ..geodesy import check_ranges, reach
from .options import _add_allowed_option, _add_launch_options, _UsageError, check_input_file
from .output import _emit_columns, _emit_frame
from .resolve import (
    _date,
    _geodata,
    _launch_geometry,
    _launches,
    _preset,
    _region_ids,
    _target_index,
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


_TARGET_OUT = ("name", "kind", "population", "country", "territory", "lat", "lon",
               "distance_km", "bearing_deg", "launch")  # fmt: skip


def _km_digits(args) -> dict[str, int]:
    # Tables round for reading; CSV and JSON keep distances to the metre.
    km_digits = 2 if args.format == "table" else 3
    return {"distance_km": km_digits, "bearing_deg": 1, "lat": 5, "lon": 5}


def _cmd_targets(args, out) -> int:
    sites = _launches(args)
    weapon, max_km, min_km = _weapon_and_range(args)
    allowed = _region_ids(args.allowed, "--allowed")
    index = None if args.targets or allowed else _target_index()
    if index is not None:
        return _targets_from_index(args, index, sites, max_km, min_km, out)
    from ..analysis import targets_in_range

    targets = _targets_frame(args)
    if args.territory:
        from ..analysis import filter_territory

        targets = filter_territory(targets, args.territory, where="--territory")
    df = targets_in_range(
        [(s.name, s.geometry) for s in sites], targets, max_km, min_km=min_km, include_all=args.all
    )
    cols = [c for c in _TARGET_OUT if c != "population" or "population" in df.columns]
    if args.all:
        cols.append("in_range")
    if allowed:
        from ..analysis import allowed_area, split_by_authorization

        df = split_by_authorization(df, allowed_area(_geodata().regions, allowed))
        cols.append("authorization")
    cols = [c for c in cols if c in df.columns]
    _emit_frame(df[cols], args.format, out, _km_digits(args))
    return 0


def _targets_from_index(args, index, sites, max_km, min_km, out) -> int:
    """``targets`` of a shipped layer from the precomputed index: the rows and
    text of the pandas path (``tests/test_target_index.py`` checks), without
    pandas."""
    import numpy as np

    from ..analysis import in_range_rows
    from ..headline import territory_set
    from ..territory import snapshot_date

    kind = args.kind or "cities"
    cols = index.targets(kind, snapshot_date(_date(args)))
    if kind != "cities":  # only cities have a population; 0 would read as "nobody lives here"
        del cols["population"]
    if args.territory:
        keep = np.isin(cols["territory"], sorted(territory_set(args.territory, "--territory")))
        cols = {c: v[keep] for c, v in cols.items()}
    rows, dist, launch, az, in_range = in_range_rows(
        [(s.name, s.geometry) for s in sites], cols["lon"], cols["lat"], max_km,
        min_km=min_km, include_all=args.all,
    )  # fmt: skip
    cols = {c: v[rows] for c, v in cols.items()}
    cols.update(distance_km=dist, bearing_deg=az, launch=launch, in_range=in_range)
    names = [c for c in _TARGET_OUT if c in cols] + (["in_range"] if args.all else [])
    _emit_columns({c: cols[c] for c in names}, args.format, out, _km_digits(args))
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


def _headline_from_index(index, weapon, launch, as_of, area, max_km, min_km, focus):
    """:meth:`ranges.analysis.Headline.from_tables` of the shipped cities,
    airfields and regions, counted from the precomputed index without pandas."""
    import numpy as np

    from ..analysis import _check_area, coverage_rows, in_range_rows
    from ..headline import Headline, tally
    from ..territory import snapshot_date

    snapshot = snapshot_date(as_of)
    found = {}
    for kind in ("cities", "airfields"):
        cols = index.targets(kind, snapshot)
        rows = in_range_rows(launch, cols["lon"], cols["lat"], max_km, min_km=min_km)[0]
        found[kind] = {c: cols[c][rows] for c in ("territory", "population")}
    cities, airfields = found["cities"], found["airfields"]
    by_territory = tally(cities["territory"], cities["population"], airfields["territory"])
    totals = (len(airfields["territory"]), len(cities["territory"]),
              int(cities["population"].sum()))  # fmt: skip
    regions = index.region_columns
    rows = np.empty(0, dtype=int)
    pct = np.empty(0)
    if not _check_area(area).is_empty and len(regions["region_id"]):
        tree = index.lazy_region_tree()  # decodes only the polygons the area may meet
        rows, _, _, pct = coverage_rows(area, tree.geoms, regions["region_id"], tree,
                                        region_km2=regions["km2"])  # fmt: skip
    covered_ids = regions["region_id"][rows].tolist()
    picked = []
    for rid in focus:
        if rid in covered_ids:
            i = covered_ids.index(rid)  # a region id listed twice: its first row
            r = rows[i]
            picked.append((regions["name_en"][r], pct[i], regions["type"][r],
                           regions["country"][r], regions["status"][r]))  # fmt: skip
    return Headline.from_counts(weapon.name, max_km, [name for name, _ in launch],
                                by_territory, totals, picked, side=weapon.side)  # fmt: skip


def _cmd_headline(args, out) -> int:
    from ..catalog import get_weapon

    sites = _launches(args)
    preset = _preset(args)
    focus = _region_ids(
        args.focus or (preset.focus_regions if preset else ()) or ["RU-KRS"], "--focus"
    )
    if not args.weapon and preset is None:
        raise _UsageError("give --weapon ID (repeatable) or --preset ID")
    weapons = [get_weapon(w) for w in args.weapon or preset.weapons]
    launch = [(s.name, s.geometry) for s in sites]
    as_of = _date(args)
    index = _target_index()
    lines = []
    for weapon in weapons:
        max_km, min_km, _ = check_ranges(
            weapon.max_range_km,
            weapon.min_range_km,
            None,
            names=(f"range of {weapon.id}", f"minimum range of {weapon.id}", ""),
        )
        area = reach(_launch_geometry(sites), max_km, min_km=min_km)
        if index is not None:
            head = _headline_from_index(index, weapon, launch, as_of, area, max_km, min_km, focus)
        else:
            from ..analysis import Headline, region_coverage, targets_in_range
            from ..evaluate import located_targets

            geo = _geodata()
            head = Headline.from_tables(
                weapon.name,
                max_km,
                [s.name for s in sites],
                targets_in_range(launch, located_targets(geo, "cities", as_of), max_km,
                                 min_km=min_km),
                targets_in_range(launch, located_targets(geo, "airfields", as_of), max_km,
                                 min_km=min_km),
                region_coverage(area, geo.regions),
                focus_regions=focus,
                side=weapon.side,
            )  # fmt: skip
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
