"""From options to things: the scenario date, launch sites and areas, weapon
and range, regions, and the scenario ``render`` and ``export`` draw.

The shipped layers and the gazetteer load on first use (:func:`_geodata`,
:func:`_gazetteer`), so a command that names no place never reads them.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from functools import lru_cache

from shapely.geometry import GeometryCollection, Point

from ..errors import InputError, UnknownNameError
from ..geodesy import check_ranges
from ..spec import LaunchSpec, resolve_spec
from .options import _IMAGE_SUFFIXES, _UsageError, check_input_file

__all__ = ["read_scenario_file", "scenario_from_args"]


@lru_cache(maxsize=1)
def _geodata():
    from ..geodata import load_geodata

    return load_geodata(lazy=True)  # a command reads only the layers it uses


@lru_cache(maxsize=1)
def _gazetteer():
    from ..gazetteer import load_gazetteer

    # From the precomputed index: a name resolves without reading the layers;
    # they load only for a region's polygon.
    return load_gazetteer(_geodata)


def _target_index():
    """The precomputed shipped targets and regions (``data/targets.npz``), or
    None when it is missing or stale: then the commands compute from the
    layers, with pandas (same answers, slower).  Loaded once a process and
    shared with :mod:`ranges.evaluate` (:func:`ranges.target_index.shipped`)."""
    from ..target_index import shipped

    return shipped()


def _preset(args):
    """The scenario ``--preset`` names, or None."""
    pid = getattr(args, "preset", None)
    if not pid:
        return None
    from ..presets import PRESETS

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
    from ..territory import parse_date, snapshot_date

    preset = _preset(args)
    as_of = getattr(args, "as_of", None) or (preset.as_of if preset else "")
    if not as_of:
        from ..scenario import default_as_of

        as_of = default_as_of()
    snapshot_date(parse_date(as_of, "--as-of"), where="--as-of")
    return as_of


def _preset_launches(args) -> list[LaunchSpec]:
    """The launch sites and areas of ``--preset`` (as of the command's date)."""
    from ..evaluate import launch_geometries

    scenario = _preset(args).replace(as_of=_date(args))
    return [LaunchSpec(name, geom) for name, geom in launch_geometries(scenario, _geodata())]


def _strip_areas(args) -> list[dict]:
    """The launch areas ``--border-strip`` and ``--front-strip`` ask for, as
    scenario areas, with the scenario's rules said in the options' words."""
    from ..scenario import STRIP_WIDTH_KM

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
    from ..scenario import HELD_NAME, OCCUPIED_NAME, area_kind_named

    kind = area_kind_named(text)
    if not kind:
        return None
    return {"kind": kind, "name": (HELD_NAME if kind == "held" else OCCUPIED_NAME)["en"]}


#: Most launch positions (points and vertices, as written) a --launch-file may
#: hold: the scenario's geometry limit, so that whatever the command accepts
#: a scenario and the dashboard accept too.  Counted while reading; the
#: message names the file, the count so far and the limit.
LAUNCH_FILE_MAX_VERTICES = 100_000


def _read_launch_file(path: str):
    from ..geojson_io import read_geojson_features

    return read_geojson_features(path, max_vertices=LAUNCH_FILE_MAX_VERTICES)


def _launches(args) -> list[LaunchSpec]:
    args.as_of = _date(args)  # checked first: a date outside the data fails fast
    given = (args.launch or args.launch_file or args.border_strip is not None
             or args.front_strip is not None)  # fmt: skip
    if not given and _preset(args) is not None:
        if args.standoff:
            raise _UsageError("--standoff needs --border-strip KM or --front-strip KM")
        return _preset_launches(args)
    from ..scenario import Area

    def area(d: dict) -> LaunchSpec:
        from ..evaluate import area_geometry  # pandas: only for a launch area

        return LaunchSpec(d["name"], area_geometry(Area.from_dict(d), _geodata(), args.as_of))

    sites = []
    for text in args.launch:
        named = _named_area(text)
        sites.append(area(named) if named else resolve_spec(text, _gazetteer, source="--launch"))
    if args.launch_file:
        for i, (geom, props) in enumerate(_read_launch_file(args.launch_file), start=1):
            name = str((props or {}).get("name") or f"{args.launch_file} #{i}")
            sites.append(LaunchSpec(name, geom))
    sites += [area(d) for d in _strip_areas(args)]
    if not sites:
        raise _UsageError(
            "give at least one --launch SPEC, a --launch-file, --border-strip, --front-strip "
            "or --preset ID"
        )
    return sites


def read_scenario_file(path: str):
    """A scenario file, an exported GeoJSON, or a PNG/SVG/PDF that ``render`` drew."""
    from pathlib import Path

    check_input_file(path, "--scenario")
    if Path(path).suffix.lower() in _IMAGE_SUFFIXES:
        from ..render import read_embedded_scenario  # a map this program drew

        return read_embedded_scenario(path)
    from ..exports import scenario_from_export

    return scenario_from_export(Path(path).read_bytes(), source=path)


def _colors_from_args(texts: Sequence[str], weapons: Sequence[str]) -> dict[str, str]:
    """``--color ID=#RRGGBB`` options as {weapon id: colour}."""
    from ..scenario import check_color

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

    from ..catalog import get_weapon, load_catalog
    from ..scenario import TARGET_KINDS, Scenario, ScenarioError

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
        for i, (geom, props) in enumerate(_read_launch_file(args.launch_file), start=1):
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
        from ..targets import read_targets

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
        given = {
            "weapons": bool(args.weapon),
            "sites": bool(sites or areas),
            "areas": bool(sites or areas),
            "target_kinds": bool(getattr(args, "kind", None)),
            "user_targets": bool(user_targets),
            "title": bool(getattr(args, "title", None)),
        }
        if given["target_kinds"] or given["user_targets"]:
            given["target_kinds"] = True
        base.update({k: v for k, v in data.items() if given[k]})
        if given["weapons"]:
            base["colors"] = {}
        data = base
    data["colors"] = {
        **data.get("colors", {}),
        **_colors_from_args(getattr(args, "color", []), tuple(data["weapons"])),
    }
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
        from ..catalog import get_weapon

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


def _region_id(text: str, source: str) -> str:
    """The ``region_id`` a REGION argument names: an id, or a name the gazetteer knows.

    In a REGION argument a bare name means the region: "Kursk" is Kursk
    oblast, "Sevastopol" the city region, although the gazetteer gives their
    cities first.
    """
    from ..gazetteer import normalize

    index = _target_index()  # an id is checked without reading the regions layer
    known = _geodata().regions["region_id"] if index is None else index["region_region_id"]
    text = str(text).strip()
    ids = {rid.upper(): rid for rid in known.tolist()}
    if text.upper() in ids:
        return ids[text.upper()]
    try:
        place = _gazetteer().lookup(text)
    except UnknownNameError as exc:
        raise UnknownNameError(f"{source} {text!r}: {exc}", exc.suggestions) from None
    if place.kind == "region":
        return place.key.split(":", 1)[1]
    regions = _geodata().regions
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
