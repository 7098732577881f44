"""Adaptive arcs around a centre: vertices placed so that no straight
lon/lat edge strays more than the tolerance from the geodesic circle."""

from __future__ import annotations

import math

import numpy as np

from ..errors import InputError
from .core import (
    _A,
    _CHECK_SHARE,
    _MAX_REFINE_ROUNDS,
    GEOD,
)

# The first, uniform azimuth step aims below the check, so that few edges need
# splitting (0.7 gave the fewest vertices at 300 km in a sweep of 0.5-0.8).
_FIRST_STEP_SHARE = 0.7
_MAX_ARC_VERTICES = 2_000_000
# One circle never needs this many vertices (10,000 km at 0.1 m takes ~30,000)
# unless it nears the cut locus round the antipode, where arcs stop converging.
_MAX_ONE_ARC = 200_000


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
