"""Launch and target specifications as people type them.

A SPEC is either coordinates in the order people copy from web maps
("50.9077, 34.7981", hemisphere letters or degrees-minutes-seconds) or a name
the gazetteer knows ("Sumy", "Kharkov", "UUOK", "Sumy oblast").  A region
name gives its polygon, a launch *area*; everything else gives a point.
The CLI and the dashboard both resolve SPECs here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from .coords import format_latlon, looks_like_coordinates, parse_latlon
from .errors import CoordinateError, InputError, UnknownNameError

__all__ = ["LaunchSpec", "resolve_spec"]


@dataclass(frozen=True)
class LaunchSpec:
    """A resolved SPEC: a display name and a WGS84 lon/lat geometry."""

    name: str
    geometry: BaseGeometry
    key: str = ""  # gazetteer key when the SPEC was a name

    @property
    def is_point(self) -> bool:
        return self.geometry.geom_type == "Point"


def resolve_spec(
    text: str,
    gazetteer_factory: Callable[[], object] | None = None,
    *,
    source: str = "SPEC",
) -> LaunchSpec:
    """Resolve one SPEC.

    Parameters
    ----------
    text : str
        "lat, lon" coordinates or a name.
    gazetteer_factory : callable, optional
        Returns a :class:`ranges.gazetteer.Gazetteer`; called only when the text
        is a name, so coordinates never pay for loading the geodata.
    source : str
        Where the text came from, for messages (e.g. ``"--launch"``).

    Raises
    ------
    ranges.errors.CoordinateError
        Coordinates that break a rule.
    ranges.errors.UnknownNameError
        A name the gazetteer does not know, or knows several times.
    """
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{source} {text!r}: empty; give 'lat, lon' or a place name")
    text = text.strip()
    if looks_like_coordinates(text):
        try:
            lon, lat = parse_latlon(text, source=source)
        except CoordinateError:
            if gazetteer_factory is None:
                raise
            # "9 May Street"-like names start with digits: try the gazetteer,
            # but report the coordinate problem if that fails too.
            try:
                return _by_name(text, gazetteer_factory, source)
            except InputError:
                pass
            raise
        return LaunchSpec(format_latlon(lon, lat), Point(lon, lat))
    if gazetteer_factory is None:
        raise InputError(
            f"{source} {text!r}: not coordinates ('lat, lon'), and no gazetteer to look names up"
        )
    return _by_name(text, gazetteer_factory, source)


def _by_name(text: str, gazetteer_factory, source: str) -> LaunchSpec:
    gaz = gazetteer_factory()
    try:
        place = gaz.lookup(text)
    except UnknownNameError as exc:  # say where the name came from
        raise UnknownNameError(f"{source} {text!r}: {exc}", exc.suggestions) from None
    if place.kind == "region":
        return LaunchSpec(place.name, gaz.region_geometry(place.key), place.key)
    if place.kind == "country":
        raise InputError(
            f"{source} {text!r} is a whole country; name a region, a city or coordinates"
        )
    return LaunchSpec(place.name, Point(place.lon, place.lat), place.key)
