"""Rings in lon/lat (unwrapped, closed through poles, split at the
antimeridian) and the geodesic disks around points."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import shapely
from shapely.geometry import Polygon, box

from .arcs import _R_MIN, _arcs, _wrap180
from .core import GEOD, geometry_parts

_WORLD = box(-180.0, -90.0, 180.0, 90.0)


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
