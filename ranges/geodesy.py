"""Geodesic distances and reach areas on the WGS84 ellipsoid.

Everything here goes through :class:`pyproj.Geod` (GeographicLib), so
distances and azimuths are exact to nanometres.  Coordinates are longitude,
latitude in degrees (x = longitude, y = latitude), as in shapely and GeoJSON.

:func:`reach` turns a launch geometry and a range into the area that can be
struck.  Its output polygons have edges that are straight in lon/lat (the way
every GeoJSON consumer draws them); vertices are placed adaptively so that no
edge strays more than ``tolerance_m`` from the true geodesic boundary, instead
of a fixed 64-gon.  Areas that cross the antimeridian are split there
(RFC 7946 section 3.1.9) and areas that contain a pole are closed through it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np
import shapely
from pyproj import Geod
from shapely.geometry import MultiPolygon, Point, Polygon, box
from shapely.geometry.base import BaseGeometry

from .errors import GeometryError, InputError

__all__ = [
    "GEOD",
    "HALF_CIRCUMFERENCE_KM",
    "distance_km",
    "bearing_deg",
    "inverse",
    "reach",
    "launch_points",
    "split_launch",
    "geometry_parts",
    "check_ranges",
]

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
# Launch lines are refined until the geodesic and the straight lon/lat segment
# between two vertices differ by at most this share of the tolerance.
_LINE_SHARE = 0.25
# The first, uniform azimuth step aims below the check, so that few edges need
# splitting (0.7 gave the fewest vertices at 300 km in a sweep of 0.5-0.8).
_FIRST_STEP_SHARE = 0.7
_MAX_REFINE_ROUNDS = 40
_MAX_ARC_VERTICES = 2_000_000
# One circle never needs this many vertices (10,000 km at 0.1 m takes ~30,000)
# unless it nears the cut locus round the antipode, where arcs stop converging.
_MAX_ONE_ARC = 200_000
_WORLD = box(-180.0, -90.0, 180.0, 90.0)


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


# --------------------------------------------------------------------------
# Adaptive arcs around a centre
# --------------------------------------------------------------------------
def _wrap180(x):
    return (np.asarray(x) + 180.0) % 360.0 - 180.0


def _chord_mid(lon1, lat1, lon2, lat2):
    """Lon/lat midpoint of the straight lon/lat segment, taking the short way
    round the antimeridian."""
    return lon1 + _wrap180(lon2 - lon1) / 2.0, (lat1 + lat2) / 2.0


_E2 = GEOD.es  # first eccentricity squared


def _local_distance(lon1, lat1, lon2, lat2):
    """Metres between nearby points, from the ellipsoid's radii of curvature."""
    phi = np.radians((lat1 + lat2) / 2.0)
    w = 1.0 - _E2 * np.sin(phi) ** 2
    n = _A / np.sqrt(w)  # prime vertical
    m = _A * (1.0 - _E2) / w**1.5  # meridian
    dx = np.radians(_wrap180(lon2 - lon1)) * n * np.cos(phi)
    dy = np.radians(lat2 - lat1) * m
    return np.hypot(dx, dy)


def _step_deg(dist_m: float, tol_m: float) -> float:
    """Azimuth step whose chord sagitta on a small circle equals the tolerance."""
    rho = _A * math.sin(min(dist_m / _A, math.pi / 2))  # Euclidean radius of the circle
    return math.degrees(2.0 * math.sqrt(2.0 * tol_m * _FIRST_STEP_SHARE / max(rho, 1.0)))


# Radii of curvature of WGS84: the smallest (meridian, at the equator) and the
# largest (at the poles).  Gaussian curvature lies between 1/_R_MAX² and 1/_R_MIN².
_R_MIN = _A * (1.0 - _E2)
_R_MAX = _A / math.sqrt(1.0 - _E2)
# Share of the tolerance the closed-form bound may use; the rest covers its
# higher-order terms (relative size below 1e-3 within the limits below).
_BOUND_SHARE = 0.9
# The bound is used where its approximations are tight: circles that stay
# below this latitude, within a quarter meridian, with chords under 100 km
# and azimuth steps under 0.2 rad.  Other arcs are checked edge by edge.
_BOUND_MAX_LAT = 80.0
_BOUND_MAX_DIST = 9_900_000.0
_BOUND_MAX_CHORD = 100_000.0
_BOUND_MAX_STEP = 0.2


def _chord_error_bound(lat0, dist_m: float, step_rad):
    """Upper bound (metres) on how far a straight lon/lat chord strays from a
    geodesic circle, for vertices ``step_rad`` apart in azimuth.

    The chord and the arc share their end points; each strays from the
    geodesic between them by at most ``k L² / 8`` (k: the curve's geodesic
    curvature, L: the arc length), so their distance is bounded by the sum:

    * arc length: ``L <= m12 * step`` with the reduced length
      ``m12 <= rho = _R_MAX sin(s / _R_MAX)`` (Rauch comparison with the
      sphere of the smallest Gaussian curvature);
    * the circle's geodesic curvature is ``M21 / m12 <= 1 / m_min`` with
      ``m_min = _R_MIN sin(s / _R_MIN)`` (comparison with the most curved
      sphere; ``|M21| <= 1`` before a quarter meridian);
    * a straight lon/lat segment has geodesic curvature (Liouville's formula in
      the lon/lat metric) ``tan(lat) cos(t) (1 + c sin²(t)) / M`` for heading
      ``t`` from east, with ``c = 1 + 2e²/(1-e²)`` and ``M >= _R_MIN`` the
      meridian radius: at most ``1.093 tan(lat) / _R_MIN`` (1.11 is used).
      ``lat`` is bounded by the highest latitude the circle reaches.

    Parameters
    ----------
    lat0 : float or ndarray
        Latitudes of the centres, degrees.
    dist_m : float
        Radius of the circles, metres (at most ``_BOUND_MAX_DIST``).
    step_rad : float or ndarray
        Azimuth step between neighbouring vertices, radians.
    """
    rho = _R_MAX * math.sin(dist_m / _R_MAX)
    m_min = _R_MIN * math.sin(dist_m / _R_MIN)
    lat_max = np.minimum(np.abs(lat0) + math.degrees(dist_m / _R_MIN), 90.0)
    k_lonlat = 1.11 * np.tan(np.radians(lat_max)) / _R_MIN
    return (rho * step_rad) ** 2 / 8.0 * (1.0 / m_min + k_lonlat)


def _bounded_step_one(lat0: float, dist_m: float, tol_m: float) -> float | None:
    """:func:`_bounded_step` for one centre, in scalar arithmetic (a single
    launch point is the common case, and NumPy on one value is slow)."""
    lat_max = abs(lat0) + math.degrees(dist_m / _R_MIN)
    if dist_m > _BOUND_MAX_DIST or lat_max > _BOUND_MAX_LAT:
        return None
    rho = _R_MAX * math.sin(dist_m / _R_MAX)
    m_min = _R_MIN * math.sin(dist_m / _R_MIN)
    unit = rho**2 / 8.0 * (1.0 / m_min + 1.11 * math.tan(math.radians(lat_max)) / _R_MIN)
    step = min(math.sqrt(_BOUND_SHARE * tol_m / unit), _BOUND_MAX_STEP)
    return None if rho * step > _BOUND_MAX_CHORD else math.degrees(step)


def _bounded_step(lat0: np.ndarray, dist_m: float, tol_m: float) -> np.ndarray:
    """Azimuth step (degrees) per centre whose closed-form chord error bound
    meets ``_BOUND_SHARE`` of the tolerance, or NaN where the bound is not
    used (see :func:`_chord_error_bound`)."""
    if dist_m > _BOUND_MAX_DIST:
        return np.full(lat0.shape, np.nan)
    unit = _chord_error_bound(lat0, dist_m, 1.0)  # the bound grows as step²
    step = np.minimum(np.sqrt(_BOUND_SHARE * tol_m / unit), _BOUND_MAX_STEP)
    rho = _R_MAX * math.sin(dist_m / _R_MAX)
    lat_max = np.abs(lat0) + math.degrees(dist_m / _R_MIN)
    step[(lat_max > _BOUND_MAX_LAT) | (rho * step > _BOUND_MAX_CHORD)] = np.nan
    return np.degrees(step, out=step)


def _arcs(lon0, lat0, az_from, az_to, dist_m: float, tol_m: float):
    """Sample arcs of geodesic circles, adaptively.

    Each arc runs clockwise from ``az_from[i]`` to ``az_to[i]`` (az_to > az_from)
    around centre i at distance ``dist_m``.  Returns a list of (lon, lat) arrays
    with both end points; every straight lon/lat chord between neighbours lies
    within the tolerance of the true circle.  Arcs within the domain of
    :func:`_chord_error_bound` take the uniform step it allows and need no
    check; the others are checked edge by edge and split where needed.
    """
    lon0 = np.atleast_1d(np.asarray(lon0, float))
    lat0 = np.atleast_1d(np.asarray(lat0, float))
    az_from = np.atleast_1d(np.asarray(az_from, float))
    az_to = np.atleast_1d(np.asarray(az_to, float))
    if len(lon0) == 1:
        step1 = _bounded_step_one(float(lat0[0]), dist_m, tol_m)
        if step1 is not None:
            # one arc within the bound (the common single launch point): no bookkeeping
            a0, a1 = float(az_from[0]), float(az_to[0])
            n = max(1, math.ceil((a1 - a0) / step1)) + 1
            v = np.empty((4, n))
            v[0], v[1], v[3] = lon0[0], lat0[0], dist_m
            v[2] = np.arange(n) * ((a1 - a0) / (n - 1)) + a0
            v[2, -1] = a1  # exactly, as the caller asked
            lon, lat, _ = GEOD.fwd(v[0], v[1], v[2], v[3], inplace=True)
            return [(lon, lat)]
    # Arcs within the closed-form bound need no check; the others start at a
    # step aimed below the limit and are checked edge by edge.
    step = _bounded_step(lat0, dist_m, tol_m)
    checked = np.isnan(step)
    step[checked] = _step_deg(dist_m, tol_m)
    counts = np.maximum(1, np.ceil((az_to - az_from) / step).astype(int))
    owner = np.repeat(np.arange(len(lon0)), counts + 1)
    # position within each arc, 0..1
    starts = np.concatenate([[0], np.cumsum(counts + 1)[:-1]])
    frac = (np.arange(owner.size) - np.repeat(starts, counts + 1)) / np.repeat(counts, counts + 1)
    az = az_from[owner] + frac * (az_to - az_from)[owner]
    lon, lat, _ = GEOD.fwd(lon0[owner], lat0[owner], az, np.full(az.size, dist_m))
    # segment k joins vertex k and k+1 when both belong to the same arc
    ok = ~checked[owner]
    ok[np.cumsum(counts + 1) - 1] = True  # last vertex of an arc starts no segment
    limit = tol_m * _CHECK_SHARE
    for _ in range(_MAX_REFINE_ROUNDS):
        idx = np.flatnonzero(~ok)
        if idx.size == 0:
            break
        mlon, mlat = _chord_mid(lon[idx], lat[idx], lon[idx + 1], lat[idx + 1])
        o = owner[idx]
        mid_az = (az[idx] + az[idx + 1]) / 2.0
        plon, plat, _ = GEOD.fwd(lon0[o], lat0[o], mid_az, np.full(idx.size, dist_m))
        # Distance from the chord's middle to the arc's middle, in the local
        # metric (edges are kilometres long, so this is exact to micrometres).
        # It bounds the distance to the circle from above: a safe check that
        # costs a forward solution instead of an inverse one.
        good = _local_distance(mlon, mlat, plon, plat) <= limit
        ok[idx[good]] = True
        bad = idx[~good]
        if bad.size == 0:
            break
        if az.size + bad.size > _MAX_ARC_VERTICES:
            per_arc = np.bincount(owner)
            o = int(np.argmax(per_arc))
            if per_arc[o] > _MAX_ONE_ARC:
                raise InputError(
                    f"range {dist_m / 1000:g} km from ({lon0[o]:g}, {lat0[o]:g}) reaches past "
                    "the cut locus near the antipode, where the edge of reach is no longer a "
                    "simple curve; use a range up to 19,900 km"
                )
            # many arcs, not a bad one: the launch geometry is too large
            raise InputError(
                f"range {dist_m / 1000:g} km from {len(lon0):,} launch positions needs more "
                f"than {_MAX_ARC_VERTICES:,} boundary vertices; simplify the launch geometry, "
                "use fewer launch points or a shorter range"
            )
        new_az, nlon, nlat = mid_az[~good], plon[~good], plat[~good]
        az = np.insert(az, bad + 1, new_az)
        lon = np.insert(lon, bad + 1, nlon)
        lat = np.insert(lat, bad + 1, nlat)
        owner = np.insert(owner, bad + 1, owner[bad])
        ok = np.insert(ok, bad + 1, False)
    else:  # pragma: no cover - 40 halvings shrink any step below a nanodegree
        raise RuntimeError("arc refinement did not converge")
    cuts = [0, *(np.flatnonzero(np.diff(owner)) + 1).tolist(), owner.size]
    return [(lon[i:j], lat[i:j]) for i, j in zip(cuts[:-1], cuts[1:], strict=True)]


# --------------------------------------------------------------------------
# Rings in lon/lat: unwrap, close through poles, split at the antimeridian
# --------------------------------------------------------------------------
def _unwrap(lon: np.ndarray) -> np.ndarray:
    return lon[0] + np.concatenate([[0.0], np.cumsum(_wrap180(np.diff(lon)))])


def _split_antimeridian(poly: Polygon) -> list[Polygon]:
    minx, _, maxx, _ = poly.bounds
    if minx >= -180.0 and maxx <= 180.0:
        return [poly]
    out = []
    for k in range(math.floor((minx + 180.0) / 360.0), math.ceil((maxx - 180.0) / 360.0) + 1):
        piece = poly.intersection(box(-180.0 + 360.0 * k, -90.0, 180.0 + 360.0 * k, 90.0))
        if not piece.is_empty:
            piece = shapely.affinity.translate(piece, xoff=-360.0 * k)
            out.extend(p for p in geometry_parts(piece) if p.geom_type == "Polygon" and p.area > 0)
    return out


def _ring_polygons(lon: np.ndarray, lat: np.ndarray, pole_sign: float) -> list[Polygon]:
    """Polygons in [-180, 180] for a closed ring given in wrapped longitudes.

    A ring that winds once round the globe in longitude encloses a pole: the
    one on the ``pole_sign`` side.
    """
    steps = _wrap180(np.diff(np.append(lon, lon[0])))
    winding = steps.sum()
    if abs(winding) > 180.0:
        # Encloses a pole.  Start the ring just after it crosses the
        # antimeridian, so that it runs from one side of the map to the other,
        # and close it along +-180 and the pole: one polygon, no seam.
        cross = np.flatnonzero(np.abs(np.diff(np.append(lon, lon[0]))) > 180.0)
        first = (cross[0] + 1) % len(lon) if cross.size else 0
        lon, lat = np.roll(lon, -first), np.roll(lat, -first)
        ulon = _unwrap(lon)
        end_lon = ulon[0] + winding
        b_end = 180.0 if winding > 0 else -180.0
        t = (b_end - ulon[-1]) / (end_lon - ulon[-1]) if end_lon != ulon[-1] else 0.0
        lat_c = lat[-1] + min(max(t, 0.0), 1.0) * (lat[0] - lat[-1])
        pole = 90.0 if pole_sign >= 0 else -90.0
        ulon = np.concatenate([[-b_end], ulon, [b_end, b_end, -b_end]])
        lat = np.concatenate([[lat_c], lat, [lat_c, pole, pole]])
    else:
        ulon = _unwrap(lon)
    poly = Polygon(np.column_stack([ulon, lat]))
    if not poly.is_valid:
        poly = shapely.make_valid(poly)
        return [
            q for p in geometry_parts(poly) if p.geom_type == "Polygon"
            for q in _split_antimeridian(p)
        ]  # fmt: skip
    return _split_antimeridian(poly)


def _needs_unwrap(lon: np.ndarray) -> bool:
    return bool(np.any(np.abs(np.diff(lon)) > 180.0))


# --------------------------------------------------------------------------
# Building blocks of a reach area
# --------------------------------------------------------------------------
def _disks(points: np.ndarray, dist_m: float, tol_m: float) -> list[Polygon]:
    """Geodesic disks around (lon, lat) points."""
    if len(points) == 0:
        return []
    n = len(points)
    arcs = _arcs(points[:, 0], points[:, 1], np.zeros(n), np.full(n, 360.0), dist_m, tol_m)
    # Which poles a disk contains decides how its ring closes.  A pole is
    # farther than its colatitude times the smallest radius of curvature.
    to_north = np.full(n, np.inf)
    to_south = np.full(n, np.inf)
    if n == 1:
        near = np.arange(int(math.radians(90.0 - abs(points[0, 1])) * _R_MIN <= dist_m * 1.01))
    else:
        near = np.flatnonzero(np.radians(90.0 - np.abs(points[:, 1])) * _R_MIN <= dist_m * 1.01)
    if near.size:
        lon, lat, k = points[near, 0], points[near, 1], near.size
        to_north[near] = GEOD.inv(lon, lat, lon, np.full(k, 90.0))[2]
        to_south[near] = GEOD.inv(lon, lat, lon, np.full(k, -90.0))[2]
    out: list[Polygon] = []
    simple = []
    polar = set(near.tolist())
    for i, (lon, lat) in enumerate(arcs):
        lon, lat = lon[:-1], lat[:-1]  # az 360 repeats az 0
        if i not in polar:
            if _needs_unwrap(lon):
                out.extend(_ring_polygons(lon, lat, -1.0))
            else:
                simple.append(np.column_stack([lon, lat]))
            continue
        plat, dn, ds = points[i, 1], to_north[i], to_south[i]
        if dn < dist_m and ds < dist_m:
            # contains both poles: the ring bounds the unreachable cap round the antipode
            hole = shapely.union_all(_ring_polygons(lon, lat, -plat))
            out.append(_WORLD.difference(hole))
        elif dn < dist_m or ds < dist_m or _needs_unwrap(lon):
            out.extend(_ring_polygons(lon, lat, 1.0 if dn < dist_m else -1.0))
        else:
            simple.append(np.column_stack([lon, lat]))
    out.extend(_polygons_from_rings(simple))
    return out


def _polygons_from_rings(rings: Sequence[np.ndarray]) -> list[Polygon]:
    if not rings:
        return []
    if len(rings) == 1:
        return [shapely.polygons(rings[0])]
    sizes = {len(r) for r in rings}
    if len(sizes) == 1:
        return list(shapely.polygons(np.stack(rings)))
    return [Polygon(r) for r in rings]


def _densify_path(xy: np.ndarray, tol_m: float) -> np.ndarray:
    """Insert vertices along a lon/lat path until the geodesic and the straight
    lon/lat segment between neighbours agree within a share of the tolerance."""
    lon = _unwrap(xy[:, 0])
    lat = xy[:, 1].astype(float)
    limit = tol_m * _LINE_SHARE
    # a first cut at ~50 km keeps the number of refinement rounds small
    _, _, seg = GEOD.inv(_wrap180(lon[:-1]), lat[:-1], _wrap180(lon[1:]), lat[1:])
    counts = np.maximum(1, np.ceil(seg / 50_000.0).astype(int))
    if counts.max() > 1:
        t = np.concatenate([np.arange(c) / c for c in counts] + [[1.0]])
        i = np.concatenate([np.full(c, k) for k, c in enumerate(counts)] + [[len(lon) - 2]])
        lon = lon[i] + t * (lon[i + 1] - lon[i])
        lat = lat[i] + t * (lat[i + 1] - lat[i])
    for _ in range(_MAX_REFINE_ROUNDS):
        az1, _, d = GEOD.inv(_wrap180(lon[:-1]), lat[:-1], _wrap180(lon[1:]), lat[1:])
        glon, glat, _ = GEOD.fwd(_wrap180(lon[:-1]), lat[:-1], az1, d / 2.0)
        mlon, mlat = (lon[:-1] + lon[1:]) / 2.0, (lat[:-1] + lat[1:]) / 2.0
        _, _, err = GEOD.inv(glon, glat, _wrap180(mlon), mlat)
        bad = np.flatnonzero(err > limit)
        if bad.size == 0:
            break
        lon = np.insert(lon, bad + 1, mlon[bad])
        lat = np.insert(lat, bad + 1, mlat[bad])
    return np.column_stack([_wrap180(lon), lat])


def _path_pieces(
    xy: np.ndarray, dist_m: float, tol_m: float, sides: tuple[float, ...] = (-90.0, 90.0)
) -> list[Polygon]:
    """Geodesic buffer of one lon/lat path, as pieces whose union is the buffer.

    Each segment contributes two half-quads (segment plus its offsets on one
    side); each vertex a fan over the turn; open ends a half-disk cap.  Pieces
    share their radial edges exactly, so their union has no cracks.

    ``sides`` picks the offsets: ``-90`` left of the direction of travel,
    ``90`` right.  A polygon's ring needs only its outer side (see
    :func:`_polygon_pieces`).
    """
    closed = len(xy) > 2 and np.all(xy[0] == xy[-1])
    v = _densify_path(xy, tol_m)
    limit = tol_m * _CHECK_SHARE
    dist = np.full(len(v) - 1, dist_m)
    for _ in range(_MAX_REFINE_ROUNDS):
        lon1, lat1, lon2, lat2 = v[:-1, 0], v[:-1, 1], v[1:, 0], v[1:, 1]
        az1, back, seg = GEOD.inv(lon1, lat1, lon2, lat2)
        az2 = back + 180.0  # pyproj gives the azimuth back to the start; we want arrival
        dist = np.full(len(seg), dist_m)
        mlon, mlat, maz = GEOD.fwd(lon1, lat1, az1, seg / 2.0)
        errs = np.zeros(len(seg))
        checked_offsets = {}
        for side in (-90.0, 90.0):
            alon, alat, _ = GEOD.fwd(lon1, lat1, az1 + side, dist)
            blon, blat, _ = GEOD.fwd(lon2, lat2, az2 + side, dist)
            checked_offsets[side] = (alon, alat, blon, blat)
            clon, clat = _chord_mid(alon, alat, blon, blat)
            _, _, d = GEOD.inv(mlon, mlat, _wrap180(clon), clat)
            errs = np.maximum(errs, np.abs(d - dist_m))
        bad = np.flatnonzero(errs > limit)
        if bad.size == 0:
            break
        v = np.insert(v, bad + 1, np.column_stack([mlon[bad], mlat[bad]]), axis=0)
    else:  # pragma: no cover
        raise RuntimeError("path refinement did not converge")

    pieces: list[np.ndarray] = []
    offsets = {}
    quad_at: dict[tuple[float, int], int] = {}  # (side, segment) -> index in pieces
    for side in sides if closed else (-90.0, 90.0):
        offsets[side] = alon, alat, blon, blat = checked_offsets[side]  # the last round's
        quads = np.stack(
            [
                np.column_stack([lon1, lat1]),
                np.column_stack([lon2, lat2]),
                np.column_stack([blon, blat]),
                np.column_stack([alon, alat]),
            ],
            axis=1,
        )
        quad_at.update({(side, k): len(pieces) + k for k in range(len(quads))})
        pieces.extend(quads)

    # Fans at the joints: from the arriving perpendicular to the departing one.
    n = len(az1)
    if closed:
        joints = np.arange(n)  # joint j sits at v[j], between segment j-1 and j
        prev = (joints - 1) % n
    else:
        joints = np.arange(1, n)
        prev = joints - 1
    fan_centres, fan_from, fan_to, fan_ends, fan_keys = [], [], [], [], []
    for side, (alon, alat, blon, blat) in offsets.items():
        a_in = az2[prev] + side
        a_out = az1[joints] + side
        turn = _wrap180(a_out - a_in)
        turns = turn != 0.0
        jj, pp, t, ai = joints[turns], prev[turns], turn[turns], a_in[turns]
        start = np.column_stack([blon[pp], blat[pp]])
        end = np.column_stack([alon[jj], alat[jj]])
        back = t < 0  # run clockwise from the departing to the arriving normal
        start[back], end[back] = end[back], start[back].copy()
        ai = np.where(back, ai + t, ai)
        fan_centres.extend(v[jj])
        fan_from.extend(ai)
        fan_to.extend(ai + np.abs(t))
        fan_ends.extend(zip(start, end, strict=True))
        fan_keys.extend((side, j) for j in jj.tolist())
    if not closed:
        for centre, az, sign in ((v[0], az1[0], 1), (v[-1], az2[-1], -1)):
            # start cap: right normal -> backwards -> left normal; end cap the mirror
            a0 = az + 90.0 if sign > 0 else az - 90.0
            side_from, side_to = (90.0, -90.0) if sign > 0 else (-90.0, 90.0)
            alon, alat, blon, blat = offsets[side_from]
            clon, clat, dlon, dlat = offsets[side_to]
            if sign > 0:
                start, end = (alon[0], alat[0]), (clon[0], clat[0])
            else:
                start, end = (blon[-1], blat[-1]), (dlon[-1], dlat[-1])
            fan_centres.append(centre)
            fan_from.append(a0)
            fan_to.append(a0 + 180.0)
            fan_ends.append((start, end))
            fan_keys.append(None)
    fan_at: dict[tuple[float, int], int] = {}  # (side, joint) -> index in pieces
    fans: dict[int, np.ndarray] = {}  # index in pieces -> the fan's arc, end points exact
    if fan_centres:
        c = np.array(fan_centres)
        arcs = _arcs(c[:, 0], c[:, 1], fan_from, fan_to, dist_m, tol_m)
        for centre, (lon, lat), (start, end), key in zip(
            c, arcs, fan_ends, fan_keys, strict=True
        ):
            arc = np.empty((lon.size, 2))
            arc[:, 0], arc[:, 1] = lon, lat
            arc[0], arc[-1] = start, end  # share the quads' radial edges exactly
            if key is not None:
                fan_at[key] = len(pieces)
            fans[len(pieces)] = arc
            pieces.append(centre)  # the fan's ring (centre + arc) is built if kept
    drop: set[int] = set()
    if not closed:
        drop, strips = _join_strips(v, offsets, az1, az2, quad_at, fan_at, fans)
        pieces.extend(strips)
    pieces = [
        np.vstack([p[None, :], fans[i]]) if i in fans else p
        for i, p in enumerate(pieces)
        if i not in drop
    ]

    # All rings at once: those that jump across the antimeridian are cut
    # there; the others become polygons in one vectorized call.
    sizes = np.fromiter((len(r) for r in pieces), dtype=int, count=len(pieces))
    xy = np.vstack(pieces)
    owner = np.repeat(np.arange(len(pieces)), sizes)
    jump = np.abs(np.diff(xy[:, 0])) > 180.0
    jump &= owner[1:] == owner[:-1]
    crosses = np.zeros(len(pieces), dtype=bool)
    crosses[owner[1:][jump]] = True
    out: list[Polygon] = []
    for k in np.flatnonzero(crosses):
        out.extend(_ring_polygons(pieces[k][:, 0], pieces[k][:, 1], 1.0))
    keep = ~crosses[owner]
    if keep.any():
        # close each ring (repeat its first vertex), then build them together
        kept_sizes = sizes[~crosses]
        starts = np.concatenate([[0], np.cumsum(kept_sizes)[:-1]])
        ring_xy = np.insert(xy[keep], np.cumsum(kept_sizes), xy[keep][starts], axis=0)
        ring_ids = np.repeat(np.arange(kept_sizes.size), kept_sizes + 1)
        out.extend(shapely.polygons(shapely.linearrings(ring_xy, indices=ring_ids)))
    return out


def _join_strips(v, offsets, az1, az2, quad_at, fan_at, fans):
    """Merge the quads and fans of an open path into one ring per side and
    run of segments: a few large pieces instead of hundreds of small ones
    make the union several times faster, with the same result.

    Along a side, the offsets of consecutive segments either leave a gap,
    filled by the fan's arc (an outer joint), or cross (an inner joint), where
    the boundary of the two quads' union turns at the crossing of their
    offset chords; the inner fan then lies inside the two quads (it reaches
    ``d sin(t/2)`` along each segment, the crossing ``d tan(t/2)``).  A run ends
    at an inner joint whose chords do not cross within both (a sharp turn
    between short segments): there the quads and the fan stay separate
    pieces.  A run whose ring is not a valid polygon (the path curls round
    within the range) or crosses the antimeridian keeps its pieces too.

    Returns the indices of the pieces the rings replace, and the rings.
    """
    n = len(az1)
    turn = _wrap180(az1[1:] - az2[:-1])  # at joint j = 1..n-1; > 0 turns right
    rings, used = [], []
    for side, (alon, alat, blon, blat) in offsets.items():
        a = np.column_stack([alon, alat])
        b = np.column_stack([blon, blat])
        inner = turn * side > 0  # the right side (90) is inside a right turn
        r, q, w = b[:-1] - a[:-1], b[1:] - a[1:], a[1:] - a[:-1]
        den = r[:, 0] * q[:, 1] - r[:, 1] * q[:, 0]
        with np.errstate(divide="ignore", invalid="ignore"):
            s = (w[:, 0] * q[:, 1] - w[:, 1] * q[:, 0]) / den
            u = (w[:, 0] * r[:, 1] - w[:, 1] * r[:, 0]) / den
        cross = (den != 0.0) & (s >= 0.0) & (s <= 1.0) & (u >= 0.0) & (u <= 1.0)
        x = a[:-1] + s[:, None] * r
        bounds = [0, *(np.flatnonzero(inner & ~cross) + 1).tolist(), n]
        for s0, e0 in zip(bounds[:-1], bounds[1:], strict=True):  # segments s0..e0-1
            chain = [a[s0 : s0 + 1]]
            ids = [quad_at[(side, s0)]]
            for j in range(s0 + 1, e0):
                ids.append(quad_at[(side, j)])
                t = turn[j - 1]
                if t == 0.0:  # straight on: the offsets meet end to end
                    chain.append(b[j - 1 : j])
                    continue
                ids.append(fan_at[(side, j)])
                if inner[j - 1]:
                    chain.append(x[j - 1 : j])
                else:  # the fan's arc, from this side's end of j-1 to the start of j
                    arc = fans[fan_at[(side, j)]]
                    chain.append(arc if t > 0 else arc[::-1])
            chain.append(b[e0 - 1 : e0])
            rings.append(np.vstack([v[s0 : e0 + 1], np.vstack(chain)[::-1]]))
            used.append(ids)
    sizes = [len(r) for r in rings]
    xy = np.vstack(rings)
    ids_of = np.repeat(np.arange(len(rings)), sizes)
    valid = shapely.is_valid(shapely.polygons(shapely.linearrings(xy, indices=ids_of)))
    jump = np.abs(np.diff(xy[:, 0])) > 180.0
    valid[ids_of[1:][jump & (ids_of[1:] == ids_of[:-1])]] = False
    drop = {i for ok, ids in zip(valid, used, strict=True) if ok for i in ids}
    return drop, [r for ok, r in zip(valid, rings, strict=True) if ok]


def _near_pole(xy: np.ndarray, dist_m: float) -> bool:
    lat = np.abs(xy[:, 1])
    _, _, to_pole = GEOD.inv(xy[:, 0], lat, xy[:, 0], np.full(len(xy), 90.0))
    return bool(to_pole.min() < dist_m + 50_000.0)


def _dense_points(xy: np.ndarray, dist_m: float, tol_m: float) -> np.ndarray:
    """Points along a path close enough that the union of their disks is the
    path's buffer within the tolerance (the scallops are shallower than it)."""
    v = _densify_path(xy, tol_m)
    spacing = math.sqrt(8.0 * dist_m * tol_m * (1.0 - _CHECK_SHARE))
    az1, _, seg = GEOD.inv(v[:-1, 0], v[:-1, 1], v[1:, 0], v[1:, 1])
    pts = [v[:1]]
    for (lon, lat), a, s in zip(v[:-1], az1, seg, strict=True):
        k = max(1, math.ceil(s / spacing))
        d = np.arange(1, k + 1) * (s / k)
        plon, plat, _ = GEOD.fwd(np.full(k, lon), np.full(k, lat), np.full(k, a), d)
        pts.append(np.column_stack([plon, plat]))
    return np.vstack(pts)


def _outer_side(ring: np.ndarray, hole: bool) -> float:
    """The side (``90`` right, ``-90`` left of travel) of a polygon ring that
    faces away from the polygon: right of a counterclockwise exterior or of a
    clockwise hole (in unwrapped lon/lat, which keeps the local handedness)."""
    lon = _unwrap(ring[:, 0])
    lat = ring[:, 1]
    twice_area = float(np.dot(lon[:-1], lat[1:]) - np.dot(lon[1:], lat[:-1]))
    ccw = twice_area > 0.0
    return 90.0 if ccw != hole else -90.0


# Launch geometry with at least this many positions is lightened first
# (ranges.culling): thinned by a share of the tolerance, and filled where the
# range cannot tell it from a polygon by another share; the rest of the
# tolerance goes to the construction.  Smaller geometry is built as given.
_HEAVY_VERTICES = 2_000
_THIN_SHARE = 0.1
_FILL_SHARE = 0.2
# Lightening stays where its flat-plane triangulation is sound.
_LIGHTEN_MAX_LAT = 80.0
_LIGHTEN_MAX_DIST = 10_000_000.0
# Disks of many launch points are joined in batches of this many, so memory
# holds one batch of rings, not all of them.
_DISK_BATCH = 2_000
#: Most boundary vertices a reach may need before it is built (an estimate
#: from the launch positions left after lightening, the range and the
#: tolerance); larger requests are refused at once.
MAX_WORK_VERTICES = 20_000_000
#: Most vertices of launch lines and polygon rings left to buffer after
#: lightening (a tangled 99,990-vertex line keeps ~150,000 at 1 km, which
#: would take a minute and a gigabyte; ~10,000 at 10 km, ~600 at 300 km).
MAX_LINE_VERTICES = 50_000
#: Most launch points one reach takes (1,000,000 would need ~90 s and 2.5 GB
#: on a 2-core machine); more are refused before any work.
MAX_LAUNCH_POINTS = 200_000


def _segments_left(xy: np.ndarray, region) -> list[np.ndarray]:
    """Runs of the segments of a path that ``region`` does not cover; the
    whole path when most of it is left (one long path builds faster than
    thousands of short runs, each with its own caps)."""
    mid = (xy[:-1] + xy[1:]) / 2.0
    inside = shapely.contains_xy(region, mid[:, 0], mid[:, 1])  # cheap first test
    if inside.mean() < 0.5:
        return [xy]
    left = np.ones(len(mid), dtype=bool)
    segs = shapely.linestrings(np.stack([xy[:-1][inside], xy[1:][inside]], axis=1))
    left[inside] = ~shapely.covers(region, segs)
    if left.mean() > 0.5:
        return [xy]
    out = []
    idx = np.flatnonzero(left)
    if idx.size:
        breaks = np.flatnonzero(np.diff(idx) > 1) + 1
        for run in np.split(idx, breaks):
            out.append(xy[run[0] : run[-1] + 2])
    return out


def _lighten(points, paths, polygons, dist_m: float, tol_m: float):
    """(points, paths, polygons, tolerance) with the same reach within the
    tolerance given, and no more work than the range can show: see
    :mod:`ranges.culling`.  Returned unchanged when small or where the
    lightening is not used (near a pole or the antimeridian, past a quarter
    meridian)."""
    from . import culling

    sizes = [len(points), *(len(p) for p in paths)]
    sizes += [shapely.get_num_coordinates(p) for p in polygons]
    if sum(sizes[1:]) < _HEAVY_VERTICES or dist_m > _LIGHTEN_MAX_DIST:
        return points, paths, polygons, tol_m  # points alone: see _point_disks
    xy = np.vstack([points.reshape(-1, 2), *paths,
                    *(shapely.get_coordinates(p) for p in polygons)])  # fmt: skip
    lon_near_180 = np.abs(xy[:, 0]).max() > 179.0 and np.ptp(xy[:, 0]) > 180.0
    if np.abs(xy[:, 1]).max() > _LIGHTEN_MAX_LAT or lon_near_180:
        return points, paths, polygons, tol_m
    if any(_needs_unwrap(p[:, 0]) for p in paths) or _near_pole(xy, dist_m):
        return points, paths, polygons, tol_m
    thin_m, fill_m = tol_m * _THIN_SHARE, tol_m * _FILL_SHARE
    paths, polygons = culling.thin(paths, polygons, thin_m)
    xy = np.vstack([points.reshape(-1, 2), *paths,
                    *(shapely.get_coordinates(p) for p in polygons)])  # fmt: skip
    filled = culling.fill(xy, dist_m, fill_m)
    if not filled:
        return points, paths, polygons, tol_m - thin_m
    region = shapely.union_all([*filled, *polygons])
    shapely.prepare(region)
    if len(points):
        points = points[~shapely.covers(region, shapely.points(points))]
    runs = [run for xy in paths for run in _segments_left(xy, region)]
    if not polygons and sum(map(len, runs)) >= sum(map(len, paths)):
        # the filling took no line segment away (short range, sparse detail):
        # its rings would only add work
        return points, paths, polygons, tol_m - thin_m
    polygons = [p for p in shapely.get_parts(region).tolist() if p.geom_type == "Polygon"]
    return points, runs, polygons, tol_m - thin_m - fill_m


def _disk_vertices(lat: np.ndarray, dist_m: float, tol_m: float) -> float:
    """Estimated vertices of the disks round launch points at latitudes ``lat``."""
    step = _bounded_step(np.asarray(lat, float), dist_m, tol_m)
    step[np.isnan(step)] = _step_deg(dist_m, tol_m)
    return float(np.sum(360.0 / step))


def _point_disks(points: np.ndarray, dist_m: float, tol_m: float) -> list[Polygon]:
    """Disks round launch points; many are joined batch by batch."""
    work = _disk_vertices(points[:, 1], dist_m, tol_m)
    if work > MAX_WORK_VERTICES:
        raise InputError(
            f"reach of {len(points):,} launch points at {dist_m / 1000:g} km needs about "
            f"{work:,.0f} boundary vertices, more than the limit of {MAX_WORK_VERTICES:,}; "
            "use fewer launch points (or an area instead of many points) or a shorter range"
        )
    if len(points) <= _DISK_BATCH:
        return _disks(points, dist_m, tol_m)
    return [
        _union(_disks(points[i : i + _DISK_BATCH], dist_m, tol_m))
        for i in range(0, len(points), _DISK_BATCH)
    ]


def _buffer(points, paths, polygons, dist_m: float, tol_m: float) -> list[Polygon]:
    """Pieces whose union is the buffer of launch points, paths (lines) and
    polygons (their rings are buffered here; do not pass them as paths)."""
    if len(points) > MAX_LAUNCH_POINTS:
        raise InputError(
            f"{len(points):,} launch points; the limit is {MAX_LAUNCH_POINTS:,} "
            "(MAX_LAUNCH_POINTS): join nearby launchers into an area (a polygon) or split "
            "the request"
        )
    given = sum(len(p) for p in paths) + sum(shapely.get_num_coordinates(p) for p in polygons)
    points, paths, polygons, tol_m = _lighten(points, paths, polygons, dist_m, tol_m)
    left = sum(len(p) for p in paths) + sum(shapely.get_num_coordinates(p) for p in polygons)
    if left > MAX_LINE_VERTICES:
        raise InputError(
            f"launch lines and areas of {given:,} vertices need {left:,} vertices buffered at "
            f"{dist_m / 1000:g} km (after thinning and filling), more than the limit of "
            f"{MAX_LINE_VERTICES:,}; simplify the geometry (detail finer than the range is "
            "lost in it anyway) or use a longer range"
        )
    pieces: list[Polygon] = []
    pts = [points] if len(points) else []
    rings = [(xy, None) for xy in paths]
    for poly in polygons:
        for k, ring in enumerate((poly.exterior, *poly.interiors)):
            xy = np.asarray(ring.coords)[:, :2]
            if not np.all(xy == xy[0]):
                rings.append((xy, k > 0))
    for xy, hole in rings:
        if _near_pole(xy, dist_m):
            # fans round a pole do not fit in lon/lat; disks close through it
            pts.append(_dense_points(xy, dist_m, tol_m))
        elif hole is None:
            pieces.extend(_path_pieces(xy, dist_m, tol_m))
        else:
            # Seen from outside a polygon, the nearest point of it lies on a
            # ring, and the way to it leaves the ring on the outer side: the
            # inner offsets (which cross the polygon and overlap one another)
            # add nothing to the polygon itself.
            sides = (_outer_side(xy, hole),)
            pieces.extend(_path_pieces(xy, dist_m, tol_m, sides=sides))
    if pts:
        pts = np.vstack(pts)
        if len(pts) >= _HEAVY_VERTICES and dist_m <= _LIGHTEN_MAX_DIST:
            from .culling import cover_points

            solid, pts = cover_points(pts, dist_m)  # exact: no tolerance spent
            pieces.extend(solid)
        pieces.extend(_point_disks(pts, dist_m, tol_m))
    pieces.extend(polygons)
    return pieces


def _line_paths(paths, polygons) -> list[np.ndarray]:
    """The paths of :func:`split_launch` that are lines, not polygon rings."""
    rings = {
        tuple(map(tuple, np.asarray(r.coords)[:, :2]))
        for poly in polygons
        for r in (poly.exterior, *poly.interiors)
    }
    return [xy for xy in paths if tuple(map(tuple, xy)) not in rings]


def _hole(component_xy: np.ndarray, min_m: float, tol_m: float):
    """Points closer than ``min_m`` to every point of a connected launch
    component: they are out of reach from all of it (too close)."""
    # The farthest point of a segment or polygon from any place is a vertex,
    # so the disks round the (densified) vertices bound the hole.
    xy = np.unique(component_xy, axis=0)
    n = len(xy)
    _, _, d0 = GEOD.inv(np.full(n, xy[0, 0]), np.full(n, xy[0, 1]), xy[:, 0], xy[:, 1])
    if d0.max() >= 2.0 * min_m:
        return None  # two vertices too far apart for their disks to meet
    if n > 3:
        # only the extreme vertices constrain the intersection; the lon/lat hull
        # of a set this small (< 4 * min_km across) finds them
        hull = shapely.convex_hull(shapely.multipoints(xy))
        xy = np.unique(shapely.get_coordinates(hull), axis=0)
    disks = _disks(xy, min_m, tol_m)
    hole = disks[0] if len(disks) == 1 else shapely.intersection_all(disks)
    return None if hole.is_empty else hole


# Unions of pieces that share edges can leave zero-width slivers (holes or
# parts of a few square millimetres made of rounding); real holes and parts are
# never that small at any range this module accepts.
_SLIVER_DEG2 = 1e-12


def _union(geoms):
    """Union of pieces.  Pieces cut at the antimeridian were shifted by 360
    degrees, which moves their shared vertices by a rounding error; a snap grid
    of 1e-9 degrees (0.1 mm) lets them merge instead of leaving cracks."""
    geoms = [g for g in geoms if g is not None and not g.is_empty]
    if not geoms:
        return Polygon()
    b = shapely.bounds(np.asarray(geoms, dtype=object))
    if (b[:, 0] <= -180.0).any() or (b[:, 2] >= 180.0).any():
        return shapely.union_all(geoms, grid_size=1e-9)
    return shapely.union_all(geoms)


def _clean(poly: Polygon) -> Polygon:
    holes = [r for r in poly.interiors if abs(shapely.area(Polygon(r))) > _SLIVER_DEG2]
    if len(holes) == len(poly.interiors):
        return poly
    return Polygon(poly.exterior, holes)


def _as_multipolygon(geom) -> Polygon | MultiPolygon:
    polys = [
        _clean(p)
        for p in geometry_parts(geom)
        if p.geom_type == "Polygon" and not p.is_empty and p.area > _SLIVER_DEG2
    ]
    if not polys:
        return Polygon()
    out = polys[0] if len(polys) == 1 else MultiPolygon(polys)
    return shapely.orient_polygons(out)  # RFC 7946: exteriors counterclockwise


def _plain_point(launch) -> bool:
    """A non-empty Point with valid coordinates (others go through
    :func:`split_launch`, which also words the errors)."""
    if not isinstance(launch, Point) or launch.is_empty:
        return False
    x, y = launch.x, launch.y
    return -180.0 <= x <= 180.0 and -90.0 <= y <= 90.0  # False for NaN too


def reach(
    launch: BaseGeometry,
    max_km: float,
    *,
    min_km: float = 0.0,
    tolerance_m: float = 10.0,
) -> Polygon | MultiPolygon:
    """Area that a weapon can strike from a launch geometry.

    Every place P for which some launch position L in ``launch`` has
    ``min_km <= geodesic distance(L, P) <= max_km`` on the WGS84 ellipsoid.

    Parameters
    ----------
    launch : shapely geometry
        Launch positions in WGS84 longitude, latitude (x = lon, y = lat): Point,
        MultiPoint, LineString, Polygon, their Multi forms or a collection.
        Lines and polygon edges are straight in lon/lat (RFC 7946); an edge whose
        longitudes differ by more than 180 degrees crosses the antimeridian.
    max_km : float
        Maximum range in kilometres, > 0 and at most half the Earth's
        circumference.
    min_km : float, default 0
        Minimum range in kilometres (a weapon's arming distance), < ``max_km``.
    tolerance_m : float, default 10
        Largest distance in metres between the returned boundary and the true
        geodesic boundary; the number of vertices follows from it.

    Returns
    -------
    Polygon or MultiPolygon
        In WGS84 lon/lat, split at the antimeridian, exteriors counterclockwise.

    Raises
    ------
    ranges.errors.InputError
        A range or tolerance breaks its rule.
    ranges.errors.GeometryError
        ``launch`` is not a geometry, is empty or has coordinates out of range.

    Examples
    --------
    >>> from shapely.geometry import Point
    >>> area = reach(Point(34.7981, 50.9077), 300)  # ATACMS from Sumy
    >>> area.contains(Point(36.1873, 51.7373))      # Kursk, 133 km away
    True
    """
    max_km, min_km, tolerance_m = check_ranges(max_km, min_km, tolerance_m)
    if _plain_point(launch):  # the common case, without the general split
        points, paths, polygons = np.array([[launch.x, launch.y]]), [], []
    else:
        points, paths, polygons = split_launch(launch)
        paths = _line_paths(paths, polygons)
    max_m, min_m = max_km * 1000.0, min_km * 1000.0
    if min_m <= 0.0:
        return _as_multipolygon(_union(_buffer(points, paths, polygons, max_m, tolerance_m)))

    # With a minimum range, each connected launch component reaches its own
    # buffer minus the places too close to all of it; components are joined
    # after that subtraction, since another component may reach those places.
    components: list = []
    if len(points) > 1:
        # each point keeps its own ring (the culling of _point_disks does not
        # hold for rings), so many points cost two disks each: refuse at once
        work = _disk_vertices(points[:, 1], max_m, tolerance_m)
        work += _disk_vertices(points[:, 1], min_m, tolerance_m)
        if work > MAX_WORK_VERTICES:
            raise InputError(
                f"reach of {len(points):,} launch points between {min_km:g} and {max_km:g} km "
                f"needs about {work:,.0f} boundary vertices, more than the limit of "
                f"{MAX_WORK_VERTICES:,}; use fewer launch points, an area instead of many "
                "points, or no minimum range"
            )
    for p in points:
        outer = _union(_disks(p[None, :], max_m, tolerance_m))
        inner = _union(_disks(p[None, :], min_m, tolerance_m))
        components.append(outer.difference(inner))
    for poly in polygons:
        rings = [np.asarray(r.coords)[:, :2] for r in (poly.exterior, *poly.interiors)]
        outer = _union(_buffer(np.empty((0, 2)), [], [poly], max_m, tolerance_m))
        hole = _hole(np.vstack([_densify_path(r, tolerance_m) for r in rings]), min_m, tolerance_m)
        components.append(outer if hole is None else outer.difference(hole))
    for xy in paths:
        outer = _union(_buffer(np.empty((0, 2)), [xy], [], max_m, tolerance_m))
        hole = _hole(_densify_path(xy, tolerance_m), min_m, tolerance_m)
        components.append(outer if hole is None else outer.difference(hole))
    return _as_multipolygon(_union(components))
