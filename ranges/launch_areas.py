"""Launch areas built from the shipped borders and the front line.

* **Border strip**: "Ukrainian territory within X km of the Russian border",
  optionally with a standoff (launchers at least N km back from it): geodesic
  buffers of the shared land border (:func:`ranges.geodesy.reach` of the border
  line), clipped to the launching country.  With a date (``as_of``) Ukraine's
  strip keeps only the ground Ukraine held on that date.
* **Held and occupied territory** on a date: :func:`ranges.territory.held`
  (Ukraine's Natural Earth outline, Crimea included, minus DeepStateMap's
  occupied area, without the slivers the two outlines leave along coasts and
  borders) and the rest of Ukraine.  Ukrainian-held ground inside Russia (the
  Kursk incursion) and grey zones are not in that source, so not here either.
* **Front strip**: held territory between ``standoff_km`` and ``width_km`` of
  the front line, the same geodesic buffering as the border strip.  The front
  line is the boundary between held and occupied land: not the sea coast and
  not the international border (those slivers, kept as held land, would draw
  a false front along the Azov coast and the Russian border in Luhansk
  oblast).
"""

from __future__ import annotations

import functools
import math

import shapely
from shapely.geometry import GeometryCollection, MultiLineString
from shapely.geometry.base import BaseGeometry

from .errors import InputError, UnknownNameError
from .geodesy import check_ranges, reach

__all__ = [
    "shared_border",
    "border_strip",
    "held_territory",
    "occupied_territory",
    "front_line",
    "front_strip",
]

# Overlays snap to this grid (1e-7 degrees, about 1 cm, the quantum in which
# data/occupied.bin stores the source's coordinates), so that held and
# occupied land share their edges exactly instead of leaving zero-width
# slivers along them, and the front line has no gaps where the overlay moved
# a vertex by a rounding error.
_GRID_DEG = 1e-7
_OCCUPIED_CACHE_SIZE = 8


def _country(geodata, iso_a3: str) -> BaseGeometry:
    hit = geodata.countries[geodata.countries["iso_a3"] == iso_a3]
    if hit.empty:
        raise UnknownNameError(f"country {iso_a3!r} is not in data/countries.fgb")
    return hit.geometry.iloc[0]


def shared_border(geodata, country: str = "UKR", neighbour: str = "RUS") -> BaseGeometry:
    """The land border two countries share, as (Multi)LineString in lon/lat."""
    return _shared_border(geodata, country, neighbour)


@functools.lru_cache(maxsize=8)
def _shared_border(geodata, country: str, neighbour: str) -> BaseGeometry:
    """:func:`shared_border`, computed once per GeoData (hashed by identity)
    and pair of countries (~8 ms; every new strip width needs it)."""
    line = shapely.intersection(
        _country(geodata, country).boundary, _country(geodata, neighbour).boundary
    )
    line = shapely.line_merge(line) if line.geom_type == "MultiLineString" else line
    if line.is_empty or line.length == 0:
        raise InputError(f"{country} and {neighbour} share no land border in the shipped data")
    return line


# --------------------------------------------------------------------------
# Held and occupied territory
# --------------------------------------------------------------------------
def _occupied(as_of):
    # Imported here: the border strip without a date needs no territory data.
    from .territory import occupied

    return occupied(as_of)


def held_territory(geodata, as_of) -> BaseGeometry:
    """Ukrainian-held territory on a date: Ukraine minus the occupied area.

    The geometry of :func:`ranges.territory.held` (the same land that names a
    target's side), snapped to a 1e-7 degree grid (~1 cm).

    Parameters
    ----------
    geodata : ranges.geodata.GeoData
        The shipped layers (Ukraine's outline comes from ``countries``).
    as_of : str or datetime.date
        ISO date; the latest DeepStateMap snapshot on or before it is used
        (``ranges.territory.occupied(as_of).snapshot_date`` names it).

    Returns
    -------
    Polygon or MultiPolygon
        Lon/lat (x = longitude, y = latitude).  With
        :func:`occupied_territory` it covers Ukraine exactly, without overlap.

    Raises
    ------
    ranges.territory.TerritoryDateError
        A date the data does not cover (the message names the range).
    ranges.errors.InputError
        A malformed date.
    """
    return _split(geodata, _occupied(as_of).snapshot_date)[0]


def occupied_territory(geodata, as_of) -> BaseGeometry:
    """Russian-occupied territory of Ukraine on a date (Crimea, the south and
    east): Ukraine minus :func:`held_territory`, i.e. DeepStateMap's area
    inside Ukraine's outline plus the coastal and border slivers
    (:data:`ranges.territory.SLIVER_MAX_RADIUS_M`).  A launch area for Russian
    weapons.

    Parameters and errors as :func:`held_territory`.
    """
    return _split(geodata, _occupied(as_of).snapshot_date)[1]


def front_line(geodata, as_of) -> BaseGeometry:
    """The front line on a date: the boundary between held and occupied land.

    Returns
    -------
    LineString or MultiLineString
        Lon/lat.  Neither the sea coast nor the international border is part
        of it; enclaves of one side inside the other add rings.  Empty if no
        held land touches occupied land.

    Parameters and errors as :func:`held_territory`.
    """
    return _split(geodata, _occupied(as_of).snapshot_date)[2]


@functools.lru_cache(maxsize=_OCCUPIED_CACHE_SIZE)
def _split(geodata, snapshot_date) -> tuple[BaseGeometry, BaseGeometry, BaseGeometry]:
    """(held, occupied, front line) for one snapshot, computed once per date
    (about 0.05 s; a dashboard redraws the same date many times)."""
    from .territory import held

    # Held land is ranges.territory's, the same that names a target's side.
    held_land = shapely.set_precision(held(snapshot_date, geodata).geometry, _GRID_DEG)
    occupied = shapely.difference(_country(geodata, "UKR"), held_land, grid_size=_GRID_DEG)
    line = shapely.intersection(held_land.boundary, occupied.boundary, grid_size=_GRID_DEG)
    lines = [g for g in shapely.get_parts(line) if g.geom_type == "LineString" and g.length > 0]
    front = shapely.line_merge(MultiLineString(lines)) if lines else GeometryCollection()
    return held_land, occupied, front


# --------------------------------------------------------------------------
# Strips: border and front
# --------------------------------------------------------------------------
def border_strip(
    geodata,
    width_km: float,
    *,
    standoff_km: float = 0.0,
    country: str = "UKR",
    neighbour: str = "RUS",
    tolerance_m: float = 10.0,
    within: BaseGeometry | None = None,
    as_of=None,
) -> BaseGeometry:
    """Territory of ``country`` between ``standoff_km`` and ``width_km`` of the
    border with ``neighbour`` (geodesic distances, WGS84).

    ``within`` (a lon/lat geometry, e.g. one oblast) keeps only the strip
    inside it.  That is faster than intersecting afterwards: only the border
    within ``width_km`` of ``within`` is buffered, and the result is the same.

    ``as_of`` (an ISO date): Ukraine's strip keeps only the ground Ukraine held
    on that date (:func:`held_territory`); occupied land is no launch area for
    Ukraine's weapons.  Other countries' strips do not depend on the date.

    Raises
    ------
    ranges.errors.InputError
        width ≤ 0, standoff < 0 or standoff ≥ width (messages name the value),
        or no territory lies in the strip (inside ``within``).
    ranges.territory.TerritoryDateError
        ``as_of`` outside the dates the occupied-territory data covers.
    """
    width_km, standoff_km, tolerance_m = check_ranges(
        width_km, standoff_km, tolerance_m, names=("border strip width", "standoff", "tolerance")
    )
    border = shared_border(geodata, country, neighbour)
    land, owner, when = _country(geodata, country), country, ""
    if as_of is not None and country == "UKR":
        snapshot = _occupied(as_of)
        land = _split(geodata, snapshot.snapshot_date)[0]
        owner, when = "Ukrainian-held", f" {_as_of_text(snapshot)}"
    if within is not None and _near_part(border, within, width_km).is_empty:
        raise InputError(
            f"the {country}-{neighbour} border is nowhere within {width_km:g} km of the "
            "chosen region"
        )
    area = _strip(border, land, width_km, standoff_km, tolerance_m, within)
    if area.is_empty:
        where = " in the chosen region" if within is not None else ""
        raise InputError(
            f"no {owner} territory lies {standoff_km:g}-{width_km:g} km from the border{where}"
            f"{when}"
        )
    return area


def front_strip(
    geodata,
    as_of,
    width_km: float,
    *,
    standoff_km: float = 0.0,
    tolerance_m: float = 10.0,
    within: BaseGeometry | None = None,
    side: str = "held",
) -> BaseGeometry:
    """Held territory between ``standoff_km`` and ``width_km`` of the front line.

    Parameters
    ----------
    geodata : ranges.geodata.GeoData
        The shipped layers.
    as_of : str or datetime.date
        ISO date of the front line (the latest snapshot on or before it).
    width_km : float
        Farthest a launcher stands from the front, km (geodesic, WGS84).
    standoff_km : float, default 0
        Nearest a launcher stands to the front, km; below ``width_km``.
    tolerance_m : float, default 10
        Largest error of the strip's edges, metres.
    within : shapely geometry, optional
        Lon/lat area (e.g. one oblast) to keep the strip inside; faster than
        intersecting afterwards (only the front within ``width_km`` of it is
        buffered), with the same result.
    side : {"held", "occupied"}
        Whose side of the front: Ukrainian-held land (launchers of Ukraine's
        weapons) or occupied land (Russian launchers).

    Returns
    -------
    Polygon or MultiPolygon
        Lon/lat (x = longitude, y = latitude).

    Raises
    ------
    ranges.errors.InputError
        width ≤ 0, standoff < 0 or standoff ≥ width, an unknown ``side``, or
        no land of that side lies in the strip (inside ``within``); messages
        name the value and the date.
    ranges.territory.TerritoryDateError
        A date the occupied-territory data does not cover.
    """
    width_km, standoff_km, tolerance_m = check_ranges(
        width_km, standoff_km, tolerance_m, names=("front strip width", "standoff", "tolerance")
    )
    if side not in ("held", "occupied"):
        raise InputError(f"front strip side must be 'held' or 'occupied', got {side!r}")
    snapshot = _occupied(as_of)
    held, occupied, line = _split(geodata, snapshot.snapshot_date)
    when = _as_of_text(snapshot)
    if line.is_empty:
        raise InputError(f"there is no front line {when}: no held land touches occupied land")
    if within is not None and _near_part(line, within, width_km).is_empty:
        raise InputError(
            f"the front line {when} is nowhere within {width_km:g} km of the chosen region"
        )
    land = held if side == "held" else occupied
    area = _strip(line, land, width_km, standoff_km, tolerance_m, within)
    if area.is_empty:
        where = " in the chosen region" if within is not None else ""
        owner = "Ukrainian-held" if side == "held" else "occupied"
        raise InputError(
            f"no {owner} territory lies {standoff_km:g}-{width_km:g} km from the front line"
            f"{where} {when}"
        )
    return area


def _strip(line, land, width_km, standoff_km, tolerance_m, within) -> BaseGeometry:
    """``land`` (inside ``within``) between ``standoff_km`` and ``width_km`` of
    ``line``.

    Each buffer takes only the part of ``line`` near ``within`` for its own
    distance, so the standoff's buffer does not depend on the width: it is
    computed once (:func:`_line_reach`) while a user tries widths."""
    if within is not None:
        land = shapely.intersection(land, within)
    strip = reach(_near_part(line, within, width_km), width_km, min_km=0.0,
                  tolerance_m=tolerance_m)  # fmt: skip
    near = _near_part(line, within, standoff_km) if standoff_km > 0 else None
    if near is not None and not near.is_empty:  # empty: nothing in `within` is that close
        strip = strip.difference(_line_reach(near, standoff_km, tolerance_m))
    return shapely.intersection(strip, land)


def _near_part(line: BaseGeometry, within: BaseGeometry | None, km: float) -> BaseGeometry:
    """The part of ``line`` that can lie within ``km`` of ``within`` (all of it
    without ``within``): clipped to :func:`_grown_bounds`.  Inside ``within``
    its buffer by ``km`` is the whole line's."""
    if within is None:
        return line
    return shapely.clip_by_rect(line, *_grown_bounds(within, km))


@functools.lru_cache(maxsize=16)
def _line_reach(line: BaseGeometry, km: float, tolerance_m: float) -> BaseGeometry:
    """:func:`ranges.geodesy.reach` of a line, remembered (shapely geometries
    hash and compare by their coordinates): the standoff's buffer of a strip
    is the same for every width (~15-30 ms each time otherwise)."""
    return reach(line, km, tolerance_m=tolerance_m)


def _as_of_text(snapshot) -> str:
    if snapshot.snapshot_date == snapshot.as_of:
        return f"as of {snapshot.as_of}"
    return f"as of {snapshot.as_of} (DeepStateMap snapshot of {snapshot.snapshot_date})"


def _grown_bounds(geom: BaseGeometry, km: float) -> tuple[float, float, float, float]:
    """Lon/lat bounds of ``geom`` grown by at least ``km`` on the ellipsoid.

    A degree of latitude is at least 110.57 km; a degree of longitude at
    latitude φ is at least 111.32 km · cos φ (the ellipsoid's parallels are
    longer than the sphere's of the equatorial radius' cos φ share), taken at
    the grown box's highest latitude; 2% on top covers rounding.  Every point
    within ``km`` of ``geom`` lies in the box, so clipping a line to it keeps
    every point of the line that is that close to ``geom``."""
    minx, miny, maxx, maxy = geom.bounds
    dlat = 1.02 * km / 110.57
    top = min(max(abs(miny - dlat), abs(maxy + dlat)), 89.0)
    dlon = 1.02 * km / (111.32 * math.cos(math.radians(top)))
    if top >= 89.0 or minx - dlon < -180.0 or maxx + dlon > 180.0:
        return (-180.0, -90.0, 180.0, 90.0)
    return (minx - dlon, max(miny - dlat, -90.0), maxx + dlon, min(maxy + dlat, 90.0))
