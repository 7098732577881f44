"""Launch areas built from the shipped borders.

"Ukrainian territory within X km of the Russian border", optionally with a
standoff (launchers at least N km back from it): geodesic buffers of the
shared land border (:func:`ranges.geodesy.reach` of the border line), clipped to
the launching country.  Borders are Natural Earth's internationally recognised
ones (Crimea shown as Ukraine, see data/README.md); occupied ground is inside
the strip, so for a front line upload a control map as a GeoJSON launch area.
"""

from __future__ import annotations

import math

import shapely
from shapely.geometry.base import BaseGeometry

from .errors import InputError, UnknownNameError
from .geodesy import check_ranges, reach

__all__ = ["shared_border", "border_strip"]


def _country(geodata, iso_a3: str) -> BaseGeometry:
    hit = geodata.countries[geodata.countries["iso_a3"] == iso_a3]
    if hit.empty:
        raise UnknownNameError(f"country {iso_a3!r} is not in data/countries.fgb")
    return hit.geometry.iloc[0]


def shared_border(geodata, country: str = "UKR", neighbour: str = "RUS") -> BaseGeometry:
    """The land border two countries share, as (Multi)LineString in lon/lat."""
    line = shapely.intersection(
        _country(geodata, country).boundary, _country(geodata, neighbour).boundary
    )
    line = shapely.line_merge(line) if line.geom_type == "MultiLineString" else line
    if line.is_empty or line.length == 0:
        raise InputError(f"{country} and {neighbour} share no land border in the shipped data")
    return line


def border_strip(
    geodata,
    width_km: float,
    *,
    standoff_km: float = 0.0,
    country: str = "UKR",
    neighbour: str = "RUS",
    tolerance_m: float = 10.0,
    within: BaseGeometry | None = None,
) -> BaseGeometry:
    """Territory of ``country`` between ``standoff_km`` and ``width_km`` of the
    border with ``neighbour`` (geodesic distances, WGS84).

    ``within`` (a lon/lat geometry, e.g. one oblast) keeps only the strip
    inside it.  That is faster than intersecting afterwards: only the border
    within ``width_km`` of ``within`` is buffered, and the result is the same.

    Raises
    ------
    ranges.errors.InputError
        width ≤ 0, standoff < 0 or standoff ≥ width (messages name the value),
        or no territory lies in the strip (inside ``within``).
    """
    width_km, standoff_km, tolerance_m = check_ranges(
        width_km, standoff_km, tolerance_m, names=("border strip width", "standoff", "tolerance")
    )
    border = shared_border(geodata, country, neighbour)
    land = _country(geodata, country)
    if within is not None:
        # Every border point closer than width_km to `within` (and so every
        # one that puts a point of it in the strip or in the standoff) lies in
        # this box; clipping keeps such points and adds none.
        border = shapely.clip_by_rect(border, *_grown_bounds(within, width_km))
        land = shapely.intersection(land, within)
        if border.is_empty:
            raise InputError(
                f"the {country}-{neighbour} border is nowhere within {width_km:g} km of the "
                "chosen region"
            )
    strip = reach(border, width_km, min_km=0.0, tolerance_m=tolerance_m)
    if standoff_km > 0:
        strip = strip.difference(reach(border, standoff_km, tolerance_m=tolerance_m))
    area = shapely.intersection(strip, land)
    if area.is_empty:
        where = " in the chosen region" if within is not None else ""
        raise InputError(
            f"no {country} territory lies {standoff_km:g}-{width_km:g} km from the border{where}"
        )
    return area


def _grown_bounds(geom: BaseGeometry, km: float) -> tuple[float, float, float, float]:
    """Lon/lat bounds of ``geom`` grown by at least ``km`` on the ellipsoid.

    A degree of latitude is at least 110.57 km; a degree of longitude at
    latitude φ is at least 111.32 km · cos φ (the ellipsoid's parallels are
    longer than the sphere's of the equatorial radius' cos φ share), taken at
    the grown box's highest latitude; 2% on top covers rounding."""
    minx, miny, maxx, maxy = geom.bounds
    dlat = 1.02 * km / 110.57
    top = min(max(abs(miny - dlat), abs(maxy + dlat)), 89.0)
    dlon = 1.02 * km / (111.32 * math.cos(math.radians(top)))
    if top >= 89.0 or minx - dlon < -180.0 or maxx + dlon > 180.0:
        return (-180.0, -90.0, 180.0, 90.0)
    return (minx - dlon, max(miny - dlat, -90.0), maxx + dlon, min(maxy + dlat, 90.0))
