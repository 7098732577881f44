"""``strike-range``: the command-line interface (a public interface: keep it stable).

Commands
--------
weapons    the catalog, as a table or JSON
reach      the reach area of a weapon or range from launch sites, as GeoJSON
distance   geodesic distance and initial bearing between two SPECs
targets    cities, airfields, places or your own targets in range
regions    regions touched by the reach area, with the share covered
headline   one caption per weapon: airfields, cities and people in range, focus regions
presets    the preset scenarios (every command that builds a scenario takes --preset ID)
territory  Ukraine's occupied and Ukrainian-held territory on a date (DeepStateMap)
authorizations  public decisions on where supplied weapons may strike Russia, when

Every command that builds a scenario takes ``--as-of YYYY-MM-DD``: the date
the map describes (who held the ground, what was allowed); a date outside the
shipped data ends with exit status 2 naming the range covered.

``targets`` and ``regions`` take ``--allowed REGION`` (repeatable): the regions
where strikes are authorized, which adds an ``authorization`` column.

A SPEC is "lat, lon" (the order web maps copy), with hemisphere letters or
degrees-minutes-seconds, or a name the gazetteer knows ("Sumy", "UUOK",
"Kursk oblast").  Every failure a user can cause ends with one line on stderr
naming the value and the rule, and exit status 2; never a traceback.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Sequence
from functools import lru_cache

from shapely.geometry import GeometryCollection, Point

from . import __version__
from .errors import InputError, RangesError, UnknownNameError
from .geodesy import check_ranges, inverse, reach
from .spec import LaunchSpec, resolve_spec

__all__ = ["main", "build_parser"]

_PROG = "strike-range"
_COMPASS = (
    "N",
    "NNE",
    "NE",
    "ENE",
    "E",
    "ESE",
    "SE",
    "SSE",
    "S",
    "SSW",
    "SW",
    "WSW",
    "W",
    "WNW",
    "NW",
    "NNW",
)


class _UsageError(InputError):
    """Bad combination of options."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2, like every other failure
        self.exit(2, f"{self.prog}: error: {message}\n")


@lru_cache(maxsize=1)
def _geodata():
    from .geodata import load_geodata

    return load_geodata()


@lru_cache(maxsize=1)
def _gazetteer():
    from .gazetteer import Gazetteer

    return Gazetteer(_geodata())


def _compass(bearing: float) -> str:
    return _COMPASS[int((bearing % 360.0) / 22.5 + 0.5) % 16]


def _km(value: str) -> float:
    try:
        return float(value.replace(",", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of kilometres") from None


def _metres(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of metres") from None


# --------------------------------------------------------------------------
# Shared option groups
# --------------------------------------------------------------------------
def _as_of(value: str) -> str:
    from .scenario import ScenarioError, check_as_of

    try:
        return check_as_of(value, "--as-of")
    except ScenarioError as exc:
        raise argparse.ArgumentTypeError(str(exc).removeprefix("--as-of: ")) from None


def _add_date_options(p: argparse.ArgumentParser) -> None:
    """``--as-of DATE`` and ``--preset ID``: what every command that builds a
    scenario takes."""
    p.add_argument(
        "--as-of",
        type=_as_of,
        metavar="YYYY-MM-DD",
        help="the date the map describes: who held the ground, what was allowed "
        "(default: the preset's date, else the newest data)",
    )
    p.add_argument(
        "--preset",
        metavar="ID",
        help="start from a preset (see `strike-range presets`); other options override its parts",
    )


def _preset(args):
    """The scenario ``--preset`` names, or None."""
    pid = getattr(args, "preset", None)
    if not pid:
        return None
    from .presets import PRESETS

    if pid not in PRESETS:
        import difflib

        close = difflib.get_close_matches(pid, list(PRESETS), n=3)
        hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
        raise UnknownNameError(
            f"--preset {pid!r} is not a preset (see `strike-range presets`: "
            f"{', '.join(PRESETS)}){hint}",
            close,
        )
    return PRESETS[pid]


def _date(args) -> str:
    """The scenario date: --as-of, else the preset's, else the newest data's,
    checked against the data's coverage (exit 2 naming the range otherwise)."""
    from .territory import parse_date, snapshot_date

    preset = _preset(args)
    as_of = getattr(args, "as_of", None) or (preset.as_of if preset else "")
    if not as_of:
        from .scenario import default_as_of

        as_of = default_as_of()
    snapshot_date(parse_date(as_of, "--as-of"), where="--as-of")
    return as_of


def _add_launch_options(p: argparse.ArgumentParser, *, need_range: bool = True) -> None:
    _add_date_options(p)
    p.add_argument(
        "--launch",
        action="append",
        default=[],
        metavar="SPEC",
        help='launch site: "lat, lon" or a place/region name; repeatable',
    )
    p.add_argument(
        "--launch-file",
        metavar="FILE",
        help="GeoJSON with launch points, lines (a front line) or polygons",
    )
    p.add_argument(
        "--border-strip",
        type=_km,
        metavar="KM",
        help="launch area: Ukrainian territory within KM of the Russian border",
    )
    p.add_argument(
        "--front-strip",
        type=_km,
        metavar="KM",
        help="launch area: Ukrainian-held territory within KM of the front line on the date "
        "(DeepStateMap)",
    )
    p.add_argument(
        "--standoff",
        type=_km,
        default=0.0,
        metavar="KM",
        help="with --border-strip or --front-strip: launchers at least KM back from the "
        "border or the front",
    )
    if need_range:
        g = p.add_mutually_exclusive_group()
        g.add_argument(
            "--weapon",
            metavar="ID",
            help="weapon id from `strike-range weapons` (default with --preset: its first)",
        )
        g.add_argument("--range-km", type=_km, metavar="KM", help="maximum range in km")
        p.add_argument(
            "--min-km",
            type=_km,
            metavar="KM",
            help="minimum range in km (default: the weapon's, else 0)",
        )
        p.add_argument(
            "--tolerance-m",
            type=_metres,
            default=10.0,
            metavar="M",
            help="largest boundary error in metres (default 10)",
        )


def _preset_launches(args) -> list[LaunchSpec]:
    """The launch sites and areas of ``--preset`` (as of the command's date)."""
    from .evaluate import launch_geometries

    scenario = _preset(args).replace(as_of=_date(args))
    return [LaunchSpec(name, geom) for name, geom in launch_geometries(scenario, _geodata())]


def _strip_areas(args) -> list[dict]:
    """The launch areas ``--border-strip`` and ``--front-strip`` ask for, as
    scenario areas, with the scenario's rules said in the options' words."""
    from .scenario import STRIP_WIDTH_KM

    areas = []
    strips = (("border_strip", "border-strip", "Ukraine within {w:g} km of the Russian border"),
              ("front_strip", "front-strip",
               "Ukrainian-held territory within {w:g} km of the front line"))  # fmt: skip
    for option, kind, label in strips:
        width = getattr(args, option, None)
        if width is None:
            continue
        flag = "--" + option.replace("_", "-")
        low, high = STRIP_WIDTH_KM
        if not low <= width <= high:
            raise InputError(f"{flag} {width:g}: a strip is {low:g} to {high:g} km wide")
        if not 0.0 <= args.standoff < width:
            raise InputError(
                f"--standoff {args.standoff:g}: must be 0 or more and less than {flag} ({width:g})"
            )
        name = label.format(w=width)
        if args.standoff:
            name += f", {args.standoff:g} km standoff"
        areas.append({"kind": kind, "name": name, "width_km": width,
                      "standoff_km": args.standoff})  # fmt: skip
    if args.standoff and not areas:
        raise InputError("--standoff needs --border-strip KM or --front-strip KM")
    return areas


def _named_area(text: str) -> dict | None:
    """A ``--launch`` that names Ukrainian-held or occupied territory as a whole."""
    from .scenario import HELD_NAME, OCCUPIED_NAME, area_kind_named

    kind = area_kind_named(text)
    if not kind:
        return None
    return {"kind": kind, "name": (HELD_NAME if kind == "held" else OCCUPIED_NAME)["en"]}


def _launches(args) -> list[LaunchSpec]:
    args.as_of = _date(args)  # checked first: a date outside the data fails fast
    given = (args.launch or args.launch_file or args.border_strip is not None
             or args.front_strip is not None)  # fmt: skip
    if not given and _preset(args) is not None:
        if args.standoff:
            raise _UsageError("--standoff needs --border-strip KM or --front-strip KM")
        return _preset_launches(args)
    from .evaluate import area_geometry
    from .scenario import Area

    def area(d: dict) -> LaunchSpec:
        return LaunchSpec(d["name"], area_geometry(Area.from_dict(d), _geodata(), args.as_of))

    sites = []
    for text in args.launch:
        named = _named_area(text)
        sites.append(area(named) if named else resolve_spec(text, _gazetteer, source="--launch"))
    if args.launch_file:
        from .geojson_io import read_geojson_features

        for i, (geom, props) in enumerate(read_geojson_features(args.launch_file), start=1):
            name = str((props or {}).get("name") or f"{args.launch_file} #{i}")
            sites.append(LaunchSpec(name, geom))
    sites += [area(d) for d in _strip_areas(args)]
    if not sites:
        raise _UsageError(
            "give at least one --launch SPEC, a --launch-file, --border-strip, --front-strip "
            "or --preset ID"
        )
    return sites


_IMAGE_SUFFIXES = (".png", ".svg", ".pdf")


def add_scenario_options(p: argparse.ArgumentParser, scenario_help: str) -> None:
    """``--scenario FILE``, the launch options and a repeatable ``--weapon``:
    what ``render`` and ``export`` take to describe a map."""
    p.add_argument("--scenario", metavar="FILE", help=scenario_help)
    _add_launch_options(p, need_range=False)
    p.add_argument(
        "--weapon",
        action="append",
        default=[],
        metavar="ID",
        help="weapon id from `strike-range weapons`; repeatable (legend order)",
    )
    p.add_argument(
        "--color",
        action="append",
        default=[],
        metavar="ID=#RRGGBB",
        help="a weapon's colour instead of the palette's, e.g. atacms-m57=#1F77B4; repeatable",
    )


def describe_os_error(exc: BaseException) -> str:
    """An OSError as "'path': reason" (the file the user named, not a
    temporary one, and no "[Errno N]")."""
    if isinstance(exc, OSError) and exc.strerror:
        name = exc.filename2 or exc.filename
        return f"{str(name)!r}: {exc.strerror}" if name else exc.strerror
    return str(exc)


def check_input_file(path: str, option: str) -> None:
    """A file named on the command line exists and is a file (else a message
    naming the option and the path)."""
    from pathlib import Path

    if Path(path).is_dir():
        raise InputError(f"{option} {path!r} is a folder; give a file")
    if not Path(path).exists():
        raise InputError(f"{option} {path!r}: file not found")


def check_output_path(path: str, option: str = "--out") -> None:
    """An output file can be written where the option says: its folder exists
    and is writable, and the name is not a folder."""
    import os
    from pathlib import Path

    file = Path(path)
    if file.is_dir():
        raise InputError(f"{option} {path!r} is a folder; give a file name in it")
    folder = file.parent
    if not folder.is_dir():
        raise InputError(f"{option} {path!r}: the folder {str(folder)!r} does not exist")
    if not os.access(folder, os.W_OK):
        raise InputError(f"{option} {path!r}: the folder {str(folder)!r} is not writable")


def read_scenario_file(path: str):
    """A scenario file, an exported GeoJSON, or a PNG/SVG/PDF that ``render`` drew."""
    from pathlib import Path

    check_input_file(path, "--scenario")
    if Path(path).suffix.lower() in _IMAGE_SUFFIXES:
        from .render import read_embedded_scenario  # a map this program drew

        return read_embedded_scenario(path)
    from .exports import scenario_from_export

    return scenario_from_export(Path(path).read_bytes(), source=path)


def _colors_from_args(texts: Sequence[str], weapons: Sequence[str]) -> dict[str, str]:
    """``--color ID=#RRGGBB`` options as {weapon id: colour}."""
    from .scenario import check_color

    out: dict[str, str] = {}
    for text in texts:
        wid, sep, color = text.partition("=")
        wid = wid.strip()
        if not sep or not wid:
            raise InputError(f"--color {text!r}: write ID=#RRGGBB, e.g. atacms-m57=#1F77B4")
        if wid not in weapons:
            raise InputError(
                f"--color {text!r}: {wid!r} is not a weapon on this map "
                f"({', '.join(weapons) or 'none'})"
            )
        out[wid] = check_color(color, f"--color {text!r}")
    return out


def scenario_from_args(args: argparse.Namespace, *, conflicting: Sequence[str] = ()):
    """The scenario ``render`` or ``export`` is asked for.

    Either ``--scenario FILE`` (then none of the launch options, ``--weapon``
    or ``conflicting`` may be given), or ``--launch``/``--launch-file``/
    ``--border-strip`` with ``--weapon`` and, where the command has them,
    ``--kind``, ``--targets`` and ``--title``.

    Raises
    ------
    ranges.errors.InputError
        A SPEC, weapon id, file or combination of options that breaks a rule.
    """
    from pathlib import Path

    from shapely.geometry import mapping

    from .catalog import get_weapon, load_catalog
    from .scenario import TARGET_KINDS, Scenario, ScenarioError

    if args.scenario:
        options = ("launch", "launch_file", "border_strip", "front_strip", "standoff", "weapon",
                   "kind", "targets", "preset", *conflicting)  # fmt: skip
        given = [f"--{o.replace('_', '-')}" for o in options if getattr(args, o, None)]
        if given:
            raise InputError(
                f"--scenario {args.scenario!r} already describes the map; drop {', '.join(given)}"
            )
        scenario = read_scenario_file(args.scenario)
        try:
            scenario.check_weapons(load_catalog())
        except ScenarioError as exc:
            raise ScenarioError(f"{args.scenario}: {exc}") from None
        colors = _colors_from_args(getattr(args, "color", []), scenario.weapons)
        if colors:
            scenario = scenario.replace(colors=tuple({**dict(scenario.colors), **colors}.items()))
        if getattr(args, "as_of", None):  # a scenario file redrawn as of another day
            scenario = scenario.replace(as_of=args.as_of)
        _date(argparse.Namespace(as_of=scenario.as_of_or_latest, preset=None))
        return scenario

    preset = _preset(args)
    if not args.weapon and preset is None:
        raise InputError(
            "give at least one --weapon ID (see `strike-range weapons`), --preset ID "
            "or --scenario FILE"
        )
    weapons = [] if args.weapon else list(preset.weapons)
    for wid in args.weapon:
        try:
            weapons.append(get_weapon(wid).id)
        except UnknownNameError as exc:
            raise UnknownNameError(f"--weapon: {exc}", exc.suggestions) from None
    sites: list[dict] = []
    areas: list[dict] = []
    for text in args.launch:
        named = _named_area(text)
        if named:
            areas.append(named)
            continue
        spec = resolve_spec(text, _gazetteer, source="--launch")
        if spec.is_point:
            sites.append({"name": spec.name, "lat": spec.geometry.y, "lon": spec.geometry.x})
        elif spec.key.startswith("region:"):
            areas.append({"kind": "region", "name": spec.name,
                          "region_id": spec.key.removeprefix("region:")})  # fmt: skip
        else:
            areas.append({"kind": "geojson", "name": spec.name,
                          "geometry": mapping(spec.geometry)})  # fmt: skip
    if args.launch_file:
        from .geojson_io import read_geojson_features

        for i, (geom, props) in enumerate(read_geojson_features(args.launch_file), start=1):
            name = str((props or {}).get("name") or f"{Path(args.launch_file).name} #{i}")
            if geom.geom_type == "Point":
                sites.append({"name": name, "lat": geom.y, "lon": geom.x})
            else:
                areas.append({"kind": "geojson", "name": name, "geometry": mapping(geom)})
    areas += _strip_areas(args)
    if not sites and not areas and preset is None:
        raise InputError(
            "give at least one --launch SPEC, a --launch-file, --border-strip or --front-strip, "
            "--preset ID "
            "or --scenario"
        )
    user_targets: list[dict] = []
    if getattr(args, "targets", None):
        from .targets import read_targets

        check_input_file(args.targets, "--targets")
        df = read_targets(args.targets)
        user_targets = [
            {"name": str(n), "lat": float(lat), "lon": float(lon)}
            for n, lat, lon in zip(df["name"], df["lat"], df["lon"], strict=True)
        ]
    kinds = getattr(args, "kind", None) or ([] if user_targets else list(TARGET_KINDS))
    data = {
        "title": getattr(args, "title", None) or "",
        "weapons": weapons,
        "sites": sites,
        "areas": areas,
        "target_kinds": kinds,
        "user_targets": user_targets,
    }
    if preset is not None:
        # The preset, with the parts the options give replaced.
        base = preset.to_dict()
        given = {"weapons": bool(args.weapon), "sites": bool(sites or areas),
                 "areas": bool(sites or areas), "target_kinds": bool(getattr(args, "kind", None)),
                 "user_targets": bool(user_targets), "title": bool(getattr(args, "title", None))}
        if given["target_kinds"] or given["user_targets"]:
            given["target_kinds"] = True
        base.update({k: v for k, v in data.items() if given[k]})
        if given["weapons"]:
            base["colors"] = {}
        data = base
    data["colors"] = {**data.get("colors", {}),
                      **_colors_from_args(getattr(args, "color", []), tuple(data["weapons"]))}
    data["as_of"] = _date(args)
    # Through JSON, as a scenario file would be: shapely's tuples become lists.
    return Scenario.from_dict(json.loads(json.dumps(data)), where="command line")


def _weapon_and_range(args):
    """(weapon or None, max_km, min_km) from --weapon / --range-km / --min-km
    (or the first weapon of --preset)."""
    weapon = None
    if args.weapon is None and args.range_km is None:
        preset = _preset(args)
        if preset is None or not preset.weapons:
            raise _UsageError("give --weapon ID or --range-km KM (or --preset ID)")
        args.weapon = preset.weapons[0]
    if args.weapon is not None:
        from .catalog import get_weapon

        weapon = get_weapon(args.weapon)
        max_km, min_km = weapon.max_range_km, weapon.min_range_km
    else:
        max_km, min_km = args.range_km, 0.0
    if args.min_km is not None:
        min_km = args.min_km
    n_max = f"range of {weapon.id}" if weapon else "--range-km"
    n_min = "--min-km" if args.min_km is not None or not weapon else f"minimum range of {weapon.id}"
    max_km, min_km, _ = check_ranges(
        max_km, min_km, getattr(args, "tolerance_m", 10.0), names=(n_max, n_min, "--tolerance-m")
    )
    return weapon, max_km, min_km


def _launch_geometry(sites: Sequence[LaunchSpec]):
    geoms = [s.geometry for s in sites]
    return geoms[0] if len(geoms) == 1 else GeometryCollection(geoms)


def _add_allowed_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--allowed",
        action="append",
        default=[],
        metavar="REGION",
        help='region where strikes are authorized: id ("RU-KRS") or name ("Kursk oblast"); '
        "repeatable; adds an authorization column",
    )


def _region_id(text: str, source: str) -> str:
    """The ``region_id`` a REGION argument names: an id, or a name the gazetteer knows.

    In a REGION argument a bare name means the region: "Kursk" is Kursk
    oblast, "Sevastopol" the city region, although the gazetteer gives their
    cities first.
    """
    from .gazetteer import normalize

    regions = _geodata().regions
    text = str(text).strip()
    ids = {rid.upper(): rid for rid in regions["region_id"]}
    if text.upper() in ids:
        return ids[text.upper()]
    try:
        place = _gazetteer().lookup(text)
    except UnknownNameError as exc:
        raise UnknownNameError(f"{source} {text!r}: {exc}", exc.suggestions) from None
    if place.kind == "region":
        return place.key.split(":", 1)[1]
    key = normalize(text)
    names = regions[["name_en", "name_uk", "name_ru", "alt_names"]].fillna("")
    matches = [
        rid
        for rid, row in zip(regions["region_id"], names.itertuples(index=False), strict=True)
        if key in {normalize(n) for n in (*row[:3], *row[3].split(";")) if n}
    ]
    if len(matches) == 1:
        return matches[0]
    labels = [f"{rid} ({_gazetteer().lookup('region:' + rid).name})" for rid in matches]
    if matches:
        raise UnknownNameError(
            f"{source} {text!r} names several regions: {', '.join(labels)}; give the id",
            matches,
        )
    holder = regions[regions.geometry.covers(Point(place.lon, place.lat))]
    hint = ""
    if len(holder):
        rid = holder["region_id"].iloc[0]
        hint = f"; it lies in {rid} ({_gazetteer().lookup('region:' + rid).name})"
    raise InputError(
        f"{source} {text!r} names the {place.kind} {place.name!r}, not a region: give a region "
        f"id or name{hint}"
    )


def _region_ids(values: Sequence[str], source: str) -> list[str]:
    out: list[str] = []
    for value in values:
        rid = _region_id(value, source)
        if rid not in out:
            out.append(rid)
    return out


def _site_props(sites: Sequence[LaunchSpec]) -> list[dict]:
    out = []
    for s in sites:
        c = s.geometry.representative_point() if not s.is_point else s.geometry
        out.append(
            {
                "name": s.name,
                "type": s.geometry.geom_type,
                "lat": round(c.y, 6),
                "lon": round(c.x, 6),
            }
        )
    return out


# --------------------------------------------------------------------------
# Commands
# --------------------------------------------------------------------------
def _cmd_weapons(args, out) -> int:
    from .catalog import load_catalog

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
    from .presets import PRESETS

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
    from .territory import parse_date, territory_features

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
    from .authorizations import decisions_table

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


def _cmd_reach(args, out) -> int:
    sites = _launches(args)
    weapon, max_km, min_km = _weapon_and_range(args)
    area = reach(_launch_geometry(sites), max_km, min_km=min_km, tolerance_m=args.tolerance_m)
    props = {
        "weapon": weapon.id if weapon else None,
        "weapon_name": weapon.name if weapon else None,
        "min_range_km": min_km,
        "max_range_km": max_km,
        "tolerance_m": args.tolerance_m,
        "launch_sites": _site_props(sites),
        "datum": "WGS84",
    }
    from .geojson_io import feature_collection

    fc = feature_collection([(area, props)])
    json.dump(fc, out, ensure_ascii=False, separators=(",", ":"))
    out.write("\n")
    return 0


def _cmd_distance(args, out) -> int:
    a = resolve_spec(args.a, _gazetteer, source="first SPEC")
    b = resolve_spec(args.b, _gazetteer, source="second SPEC")
    for s, which in ((a, "first"), (b, "second")):
        if not s.is_point:
            raise InputError(f"{which} SPEC {s.name!r} is an area; distance needs two points")
    d, az1, _ = inverse(a.geometry, b.geometry)
    out.write(f"{d:,.2f} km\n")
    out.write(f"initial bearing {az1:.1f}° ({_compass(az1)}) from {a.name} to {b.name}\n")
    return 0


def _targets_frame(args):
    """The candidate targets: the shipped layers of --kind, and/or --targets FILE,
    with ``country`` and ``territory`` on the scenario's date."""
    import pandas as pd

    from .evaluate import add_territory, located_targets
    from .targets import read_targets

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
    from .analysis import targets_in_range

    sites = _launches(args)
    weapon, max_km, min_km = _weapon_and_range(args)
    allowed = _region_ids(args.allowed, "--allowed")
    targets = _targets_frame(args)
    if args.territory:
        from .analysis import filter_territory

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
        from .analysis import allowed_area, split_by_authorization

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
    from .analysis import region_coverage

    sites = _launches(args)
    weapon, max_km, min_km = _weapon_and_range(args)
    allowed = _region_ids(args.allowed, "--allowed")
    area = reach(_launch_geometry(sites), max_km, min_km=min_km, tolerance_m=args.tolerance_m)
    df = region_coverage(area, _geodata().regions)
    cols = ["region", "country", "status", "covered_km2", "covered_pct"]
    if allowed:
        from .analysis import AUTHORIZED_LABEL, NOT_AUTHORIZED_LABEL

        # The allowed area is made of whole regions, so a region is allowed or not.
        df["authorization"] = NOT_AUTHORIZED_LABEL
        df.loc[df["region_id"].isin(allowed), "authorization"] = AUTHORIZED_LABEL
        cols.append("authorization")
    _emit_frame(df[cols], args.format, out, {"covered_km2": 0, "covered_pct": 1})
    return 0


def _cmd_headline(args, out) -> int:
    from .analysis import Headline, region_coverage, targets_in_range
    from .catalog import get_weapon
    from .evaluate import located_targets

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
            out.write(h.text + "\n")
    return 0


# --------------------------------------------------------------------------
# Output helpers
# --------------------------------------------------------------------------
def _table(out, header, rows) -> None:
    rows = [tuple("" if v is None else str(v) for v in r) for r in rows]
    widths = [
        max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)
    ]
    out.write("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip() + "\n")
    for r in rows:
        out.write("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() + "\n")


def _emit_frame(df, fmt: str, out, digits: dict[str, int]) -> None:
    df = df.copy()
    for col, nd in digits.items():
        if col in df.columns:
            df[col] = df[col].round(nd)
            if nd == 0:
                df[col] = df[col].astype("int64")
    if fmt == "json":
        json.dump(
            json.loads(df.to_json(orient="records", force_ascii=False)),
            out,
            ensure_ascii=False,
            indent=2,
        )
        out.write("\n")
    elif fmt == "csv":
        from .targets import csv_safe

        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(df.columns)
        for row in df.itertuples(index=False):
            w.writerow([csv_safe(v) for v in row])
        out.write(buf.getvalue())
    else:
        _table(out, list(df.columns), df.itertuples(index=False))


# --------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog=_PROG, description="Geodesically correct strike-range maps.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

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
    au.add_argument("--as-of", type=_as_of, metavar="YYYY-MM-DD",
                    help="only decisions made by then, with whether each was in effect")
    au.add_argument("--weapon", metavar="ID", help="weapon id or family (ATACMS)")
    au.add_argument("--format", choices=("table", "json"), default="table")
    au.set_defaults(func=_cmd_authorizations)

    r = sub.add_parser("reach", help="reach area as GeoJSON")
    _add_launch_options(r)
    r.add_argument("--format", choices=("geojson",), default="geojson")
    r.set_defaults(func=_cmd_reach)

    d = sub.add_parser("distance", help="geodesic distance and initial bearing")
    d.add_argument("a", metavar="SPEC")
    d.add_argument("b", metavar="SPEC")
    d.set_defaults(func=_cmd_distance)

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

    from . import cli_export, cli_render

    cli_render.add_parsers(sub)
    cli_export.add_parsers(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    return run(build_parser().parse_args(argv))


def run(args: argparse.Namespace) -> int:
    """Call the parsed command's handler; a user's mistake becomes one
    ``strike-range: error: ...`` line and exit status 2 (shared by the
    ``render`` entry point, :func:`ranges.cli_render.main`)."""
    try:
        return args.func(args, sys.stdout)
    except RangesError as exc:
        print(f"{_PROG}: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `strike-range reach ... | head`: not an error
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except (OSError, UnicodeError) as exc:  # files named by the user
        print(f"{_PROG}: error: {describe_os_error(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
