"""Geodesy commands: ``reach`` (the reach area as GeoJSON) and ``distance``
(geodesic distance and initial bearing between two SPECs)."""

from __future__ import annotations

import json

from ..errors import InputError
from ..geodesy import inverse, reach
from ..spec import resolve_spec
from .options import _add_launch_options
from .resolve import _gazetteer, _launch_geometry, _launches, _site_props, _weapon_and_range

__all__ = ["add_parsers"]

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


def add_parsers(sub) -> None:
    """Add ``reach`` and ``distance`` to ``strike-range``'s sub-parsers."""

    r = sub.add_parser("reach", help="reach area as GeoJSON")
    _add_launch_options(r)
    r.add_argument("--format", choices=("geojson",), default="geojson")
    r.set_defaults(func=_cmd_reach)

    d = sub.add_parser("distance", help="geodesic distance and initial bearing")
    d.add_argument("a", metavar="SPEC")
    d.add_argument("b", metavar="SPEC")
    d.set_defaults(func=_cmd_distance)


def _compass(bearing: float) -> str:
    return _COMPASS[int((bearing % 360.0) / 22.5 + 0.5) % 16]


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
    from ..geojson_io import feature_collection

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
