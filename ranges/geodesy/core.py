"""The ellipsoid, distances and bearings, argument checks, and launch
geometry split into points and lon/lat paths."""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import shapely
from pyproj import Geod
from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry

from ..errors import GeometryError, InputError

#: The WGS84 ellipsoid, solved with GeographicLib.
GEOD = Geod(ellps="WGS84")

_A = GEOD.a  # equatorial radius, metres
#: Half the meridional circumference: the longest geodesic that is still a
#: shortest path, so the largest range that means anything.
HALF_CIRCUMFERENCE_KM = GEOD.inv(0.0, 90.0, 0.0, -90.0)[2] / 1000.0

# Share of the tolerance each adaptive check may use.  The check measures the
# error at the middle of an edge; the worst point of a short edge sits within
# a few per cent of that, so 0.8 leaves room (tests sample whole edges).
_CHECK_SHARE = 0.8
_MAX_REFINE_ROUNDS = 40


# --------------------------------------------------------------------------
# Points, distances and bearings
# --------------------------------------------------------------------------
def _lonlat(p, name: str) -> tuple[float, float]:
    if isinstance(p, Point):
        if p.is_empty:
            raise GeometryError(f"{name}: empty point")
        lon, lat = p.x, p.y
    else:
        try:
            lon, lat = (float(v) for v in p)
        except (TypeError, ValueError):
            raise GeometryError(
                f"{name}: expected a shapely Point or a (lon, lat) pair, got {p!r}"
            ) from None
    _check_lonlat(lon, lat, name)
    return lon, lat


def _check_lonlat(lon: float, lat: float, name: str) -> None:
    if not (math.isfinite(lon) and math.isfinite(lat)):
        raise GeometryError(f"{name}: coordinates must be finite numbers, got ({lon}, {lat})")
    if not -90.0 <= lat <= 90.0:
        raise GeometryError(f"{name}: latitude {lat} is outside -90..90 (x = lon, y = lat)")
    if not -180.0 <= lon <= 180.0:
        raise GeometryError(f"{name}: longitude {lon} is outside -180..180 (x = lon, y = lat)")


def inverse(a, b) -> tuple[float, float, float]:
    """Solve the inverse geodesic problem from ``a`` to ``b``.

    Parameters
    ----------
    a, b : shapely Point or (lon, lat)
        Longitude, latitude in degrees (WGS84).

    Returns
    -------
    (distance_km, initial_bearing_deg, final_bearing_deg)
        Bearings are clockwise from north in [0, 360).

    Examples
    --------
    >>> d, az1, az2 = inverse((36.2304, 49.9935), (36.1873, 51.7373))
    >>> round(d, 2)  # Kharkiv to Kursk, almost due north
    194.01
    """
    lon1, lat1 = _lonlat(a, "a")
    lon2, lat2 = _lonlat(b, "b")
    az1, az2, dist = GEOD.inv(lon1, lat1, lon2, lat2)
    return dist / 1000.0, az1 % 360.0, az2 % 360.0


def distance_km(a, b) -> float:
    """Geodesic distance in kilometres between two (lon, lat) points.

    Examples
    --------
    >>> round(distance_km((34.7981, 50.9077), (36.1873, 51.7373)), 2)  # Sumy-Kursk
    133.77
    """
    return inverse(a, b)[0]


def bearing_deg(a, b) -> float:
    """Initial bearing from ``a`` to ``b`` in degrees clockwise from north, [0, 360)."""
    return inverse(a, b)[1]


# --------------------------------------------------------------------------
# Argument checks
# --------------------------------------------------------------------------
def check_ranges(
    max_km, min_km=0.0, tolerance_m=10.0, *, names=("max_km", "min_km", "tolerance_m")
) -> tuple[float, float, float | None]:
    """Validate a range triple; the one rule for ranges everywhere.

    Parameters
    ----------
    max_km, min_km : float
        Maximum and minimum range in kilometres: ``0 <= min_km < max_km`` and
        ``max_km`` at most half the Earth's meridional circumference.
    tolerance_m : float or None, default 10
        Boundary tolerance in metres, from 0.1 m to a tenth of ``max_km``.
        ``None`` when the caller draws no boundary (distance tests such as
        :func:`ranges.analysis.targets_in_range`): it is then not checked.
    names : (str, str, str)
        Where the three values came from, for messages (for the CLI:
        ``--range-km`` ...).

    Returns
    -------
    (max_km, min_km, tolerance_m)
        As floats (``tolerance_m`` stays ``None`` when given as ``None``).

    Raises
    ------
    ranges.errors.InputError
        A value that is not a finite number or breaks a rule; the message
        names it.

    Examples
    --------
    >>> check_ranges(300, 70)
    (300.0, 70.0, 10.0)
    >>> check_ranges(0.05, 0, None)
    (0.05, 0.0, None)
    """
    n_max, n_min, n_tol = names

    def number(value, name):
        if isinstance(value, bool) or not isinstance(value, (int, float, np.number)):
            raise InputError(f"{name} must be a number, got {value!r}")
        value = float(value)
        if not math.isfinite(value):
            raise InputError(f"{name} must be finite, got {value}")
        return value

    max_km = number(max_km, n_max)
    min_km = number(min_km, n_min)
    if tolerance_m is not None:
        tolerance_m = number(tolerance_m, n_tol)
    if max_km <= 0:
        raise InputError(f"{n_max} must be > 0, got {max_km:g}")
    if max_km > HALF_CIRCUMFERENCE_KM:
        raise InputError(
            f"{n_max} {max_km:g} is beyond half the Earth's circumference "
            f"({HALF_CIRCUMFERENCE_KM:.1f} km), the longest possible distance"
        )
    if min_km < 0:
        raise InputError(f"{n_min} must be >= 0, got {min_km:g}")
    if min_km >= max_km:
        raise InputError(f"{n_min} ({min_km:g}) must be smaller than {n_max} ({max_km:g})")
    if tolerance_m is None:
        return max_km, min_km, None
    if tolerance_m < 0.1:
        raise InputError(f"{n_tol} must be >= 0.1 m, got {tolerance_m:g}")
    if tolerance_m > max_km * 100.0:
        raise InputError(
            f"{n_tol} ({tolerance_m:g} m) must be at most a tenth of {n_max} ({max_km * 100:g} m)"
        )
    return max_km, min_km, tolerance_m


# --------------------------------------------------------------------------
# Launch geometry: split into points and lon/lat paths
# --------------------------------------------------------------------------
def geometry_parts(geom: BaseGeometry) -> Iterable[BaseGeometry]:
    """Yield the simple parts (Point, LineString, LinearRing, Polygon) of ``geom``.

    Multi-part geometries and collections are flattened at every depth (unlike
    :func:`shapely.get_parts`, which goes one level down); empty parts are
    yielded too.

    Examples
    --------
    >>> from shapely.geometry import GeometryCollection, MultiPoint, Point
    >>> gc = GeometryCollection([Point(30, 50), MultiPoint([(31, 50), (32, 50)])])
    >>> [p.x for p in geometry_parts(gc)]
    [30.0, 31.0, 32.0]
    """
    if hasattr(geom, "geoms"):
        for g in geom.geoms:
            yield from geometry_parts(g)
    else:
        yield geom


def split_launch(launch: BaseGeometry) -> tuple[np.ndarray, list[np.ndarray], list[Polygon]]:
    """Check a launch geometry and split it into points, paths and polygons.

    Parameters
    ----------
    launch : shapely geometry
        Launch sites in WGS84 (x = longitude, y = latitude, degrees): any
        simple or multi-part geometry, or a collection of them.

    Returns
    -------
    points : ndarray, shape (n, 2)
        Launch points as (lon, lat), including lines and rings that collapse
        to one position.
    paths : list of ndarray, shape (k, 2)
        Lines and polygon rings as (lon, lat) vertices, edges straight in
        lon/lat; closed rings repeat their first vertex at the end.
    polygons : list of shapely Polygon
        The polygons, whose interiors are launch positions too.

    Raises
    ------
    ranges.errors.GeometryError
        ``launch`` is not a shapely geometry, is empty, or has a coordinate
        that is not finite or outside lon -180..180 / lat -90..90.

    Examples
    --------
    >>> from shapely.geometry import LineString, Point, GeometryCollection
    >>> pts, paths, polys = split_launch(
    ...     GeometryCollection([Point(34.8, 50.9), LineString([(36, 50), (37, 49)])]))
    >>> pts.tolist(), [p.tolist() for p in paths], polys
    ([[34.8, 50.9]], [[[36.0, 50.0], [37.0, 49.0]]], [])
    """
    if not isinstance(launch, BaseGeometry):
        raise GeometryError(f"launch must be a shapely geometry, got {type(launch).__name__}")
    if launch.is_empty:
        raise GeometryError("launch geometry is empty")
    coords = shapely.get_coordinates(launch)
    if not np.isfinite(coords).all():
        raise GeometryError("launch geometry has non-finite coordinates")
    bad = (np.abs(coords[:, 1]) > 90.0) | (np.abs(coords[:, 0]) > 180.0)
    if bad.any():
        lon, lat = coords[bad][0]
        raise GeometryError(
            f"launch coordinate ({lon}, {lat}) is outside lon -180..180 / lat -90..90 "
            "(x = longitude, y = latitude)"
        )
    if launch.geom_type == "MultiPoint":  # many launch points: no loop over parts
        return coords[:, :2].astype(float), [], []
    points, paths, polygons = [], [], []
    for part in geometry_parts(launch):
        if part.is_empty:
            continue
        kind = part.geom_type
        if kind == "Point":
            points.append((part.x, part.y))
        elif kind in ("LineString", "LinearRing"):
            xy = np.asarray(part.coords)[:, :2]
            if len(xy) == 1 or np.all(xy == xy[0]):
                points.append(tuple(xy[0]))
            else:
                paths.append(xy)
        elif kind == "Polygon":
            polygons.append(part)
            for ring in (part.exterior, *part.interiors):
                xy = np.asarray(ring.coords)[:, :2]
                if np.all(xy == xy[0]):
                    points.append(tuple(xy[0]))
                else:
                    paths.append(xy)
        else:  # pragma: no cover - shapely has no other simple types
            raise GeometryError(f"unsupported launch geometry type {kind}")
    return np.array(points, dtype=float).reshape(-1, 2), paths, polygons


def launch_points(launch: BaseGeometry) -> list[tuple[float, float]]:
    """All vertices of a launch geometry as (lon, lat) pairs, duplicates removed."""
    seen: dict[tuple[float, float], None] = {}
    for x, y in shapely.get_coordinates(launch):
        seen[(float(x), float(y))] = None
    return list(seen)
