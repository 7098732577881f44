"""Launch areas built from the shipped borders.

"Ukrainian territory within X km of the Russian border", optionally with a
standoff (launchers at least N km back from it): geodesic buffers of the
shared land border (:func:`ranges.geodesy.reach` of the border line), clipped to
the launching country.  Borders are Natural Earth's internationally recognised
ones (Crimea shown as Ukraine, see data/README.md); occupied ground is inside
the strip, so for a front line upload a control map as a GeoJSON launch area.
"""

from __future__ import annotations

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
) -> BaseGeometry:
    """Territory of ``country`` between ``standoff_km`` and ``width_km`` of the
    border with ``neighbour`` (geodesic distances, WGS84).

    Raises
    ------
    ranges.errors.InputError
        width ≤ 0, standoff < 0 or standoff ≥ width (messages name the value).
    """
    width_km, standoff_km, tolerance_m = check_ranges(
        width_km, standoff_km, tolerance_m, names=("border strip width", "standoff", "tolerance")
    )
    border = shared_border(geodata, country, neighbour)
    strip = reach(border, width_km, min_km=0.0, tolerance_m=tolerance_m)
    if standoff_km > 0:
        strip = strip.difference(reach(border, standoff_km, tolerance_m=tolerance_m))
    area = shapely.intersection(strip, _country(geodata, country))
    if area.is_empty:
        raise InputError(
            f"no {country} territory lies {standoff_km:g}-{width_km:g} km from the border"
        )
    return area
