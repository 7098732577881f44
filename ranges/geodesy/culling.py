"""Less work for the same reach: drop launch detail the range cannot show.

The reach of a launch set S at range R is the union of the geodesic disks of
radius R round its points.  Two facts keep that work bounded however detailed
or tangled S is:

* **Thinning.**  Moving S by at most ε (Hausdorff distance) moves the edge of
  its reach by at most ε, so lines and polygons are simplified
  (Douglas-Peucker) with a share of the tolerance before anything is built.
* **Filling.**  Let T be a union of triangles whose corners are points of S
  and whose sides are at most ``w`` long.  Then reach(S ∪ T) contains
  reach(S) and lies within ``sqrt(R² + w²/4) - R`` (about ``w²/8R``) of it:
  a place y within R of T but not of S sees T first across a side ab, at a
  point z with d(y, z) <= R, and Stewart's theorem (which holds as an
  inequality on a surface of positive curvature, by Toponogov's comparison)
  gives min(d(y, a), d(y, b))² <= d(y, z)² + |ab|²/4.  At long range w may be
  kilometres, so a tangled line becomes a few polygons whose outer rings are
  all that needs buffering; holes of those polygons narrower than R are
  filled too (every place in them is within R of their rim).
  Triangles inside T may be as large as R/4 (every place in one is within
  R/4 of a corner); only the sides on T's rim cost accuracy.
* **Points deep inside.**  For a cloud of launch points the same inequality
  gives an exact split (no tolerance spent): the triangles are kept whole
  and only points near their rim need disks (:func:`cover_points`).

Coordinates are WGS84 longitude, latitude (x = lon, y = lat).  Triangulations
are Delaunay (Qhull, through matplotlib, already a dependency) in a lon/lat
plane whose longitudes are scaled by the cosine of the mean latitude; all
lengths that matter are measured geodesically or bounded with a margin.
"""

from __future__ import annotations

import math

import numpy as np
import shapely
from shapely.geometry import Polygon

from .core import GEOD

__all__ = ["thin", "fill", "cover_points", "side_limit_m"]

# Radii of curvature of WGS84 (as in ranges.geodesy): the largest, for
# converting degrees to an upper bound in metres, and the smallest.
_A = 6378137.0
_E2 = 0.0066943799901413165
_R_MAX = _A / math.sqrt(1.0 - _E2)
_R_MIN = _A * (1.0 - _E2)
_M_PER_DEG_MAX = _R_MAX * math.pi / 180.0
# Straight lon/lat segments stray from the geodesic between their ends by at
# most w² (1/8) 1.11 tan(lat) / _R_MIN (see ranges.geodesy._chord_error_bound).
_LONLAT_BEND = 1.11 / (8.0 * _R_MIN)


def _geod():
    return GEOD


def _scale(lat: np.ndarray) -> float:
    """Longitude factor of the triangulation plane: cos of the mean latitude."""
    return math.cos(math.radians(float(np.mean(lat))))


def thin(paths, polygons, eps_m: float):
    """Douglas-Peucker simplification that moves no point more than ``eps_m``.

    Parameters
    ----------
    paths : list of ndarray, shape (k, 2)
        Open lines as (lon, lat) vertices.
    polygons : list of shapely Polygon
        Polygons in lon/lat.
    eps_m : float
        Largest displacement in metres.

    Returns
    -------
    (paths, polygons)
        Simplified; ends of lines are kept.  Distances are measured in a
        lon/lat plane with longitudes scaled by the largest cosine of latitude
        on the geometry and converted with the largest metres per degree, an
        upper bound on the true displacement.
    """
    out_paths = []
    for xy in paths:
        c = math.cos(math.radians(float(np.min(np.abs(xy[:, 1])))))
        tol = eps_m / _M_PER_DEG_MAX
        scaled = np.column_stack([xy[:, 0] * c, xy[:, 1]])
        line = shapely.simplify(shapely.linestrings(scaled), tol, preserve_topology=False)
        s = shapely.get_coordinates(line)
        out_paths.append(np.column_stack([s[:, 0] / c, s[:, 1]]) if len(s) >= 2 else xy)
    out_polys = []
    for poly in polygons:
        lat = shapely.get_coordinates(poly)[:, 1]
        c = math.cos(math.radians(float(np.min(np.abs(lat)))))
        scaled = shapely.transform(poly, lambda v, c=c: v * (c, 1.0))
        simple = shapely.simplify(scaled, eps_m / _M_PER_DEG_MAX, preserve_topology=True)
        simple = shapely.transform(simple, lambda v, c=c: v / (c, 1.0))
        ok = simple.geom_type == "Polygon" and simple.is_valid and not simple.is_empty
        out_polys.append(simple if ok else poly)
    return out_paths, out_polys


def side_limit_m(dist_m: float, eps_m: float, max_abs_lat: float) -> float:
    """Longest triangle side ``w`` whose filling moves the reach at most ``eps_m``:
    ``sqrt(R² + w²/4) - R`` plus the bend of a straight lon/lat side."""
    bend = _LONLAT_BEND * math.tan(math.radians(min(max_abs_lat, 89.0)))
    # (sqrt(R² + w²/4) - R) <= w²/(8R); solve w²/(8R) + bend w² = eps
    w2 = eps_m / (1.0 / (8.0 * dist_m) + bend)
    return min(math.sqrt(w2), dist_m / 4.0, 50_000.0)


def _triangulate(xy: np.ndarray):
    """Delaunay triangles (indices into ``xy``) and their neighbours, or None
    when the points are too few or all on one line."""
    from .. import mpl  # noqa: F401  (matplotlib without its set() help text)

    # isort: split
    from matplotlib.tri import Triangulation

    if len(xy) < 3:
        return None
    c = _scale(xy[:, 1])
    try:
        tri = Triangulation(xy[:, 0] * c, xy[:, 1])
        return tri.triangles, tri.neighbors
    except (RuntimeError, ValueError):  # Qhull: flat or degenerate input
        return None


def _edge_lengths(xy: np.ndarray, tris: np.ndarray) -> np.ndarray:
    """Geodesic length (m) of the side opposite each corner: shape (t, 3)."""
    geod = _geod()
    a, b = tris[:, [1, 2, 0]], tris[:, [2, 0, 1]]
    i, j = np.minimum(a, b).ravel(), np.maximum(a, b).ravel()
    key = i.astype(np.int64) * len(xy) + j
    uniq, inv = np.unique(key, return_inverse=True)
    ui, uj = uniq // len(xy), uniq % len(xy)
    _, _, d = geod.inv(xy[ui, 0], xy[ui, 1], xy[uj, 0], xy[uj, 1])
    return d[inv].reshape(tris.shape)


def fill(xy: np.ndarray, dist_m: float, eps_m: float) -> list[Polygon]:
    """Polygons T made of Delaunay triangles of the points ``xy`` whose
    reach differs from theirs by at most ``eps_m``.

    Triangles with sides up to R/4 lie within reach of their corners (every
    place in one is within R/4 of a corner), so any of them may be kept
    inside T; only the sides on the rim of T move the reach, by
    ``sqrt(R² + w²/4) - R`` for a rim side of length w.  Triangles with a rim
    side longer than :func:`side_limit_m` are peeled off until none is left,
    and holes narrower than the range are filled (every place in them is
    within R of their rim).  reach(S ∪ T) then lies within ``eps_m`` of
    reach(S) for any launch set S that has ``xy`` among its points.

    Returns
    -------
    list of Polygon
        In lon/lat, without holes narrower than the range; empty when no
        triangle qualifies.
    """
    xy = np.unique(xy, axis=0)
    found = _triangulate(xy)
    if found is None:
        return []
    tris, nbrs = found
    w = side_limit_m(dist_m, eps_m, float(np.max(np.abs(xy[:, 1]))))
    side = _edge_lengths(xy, tris)  # column k: the side facing corner k
    keep = side.max(axis=1) <= dist_m / 4.0
    # neighbour k of a triangle lies across the side from corner k to k+1,
    # which faces corner k+2
    rim_len = side[:, [2, 0, 1]]
    long_side = rim_len > w

    def on_long_rim(idx: np.ndarray) -> np.ndarray:
        nb = nbrs[idx]
        outside = (nb < 0) | ~keep[np.maximum(nb, 0)]
        return (outside & long_side[idx]).any(axis=1)

    # peel from the rim inwards, looking only at the neighbours of what was
    # just peeled (each triangle is looked at a few times, not once a round)
    cand = np.flatnonzero(keep)
    peel = cand[on_long_rim(cand)]
    while peel.size:
        keep[peel] = False
        cand = nbrs[peel].ravel()
        cand = np.unique(cand[cand >= 0])
        cand = cand[keep[cand]]
        peel = cand[on_long_rim(cand)]
    if not keep.any():
        return []
    rings = xy[tris[keep]]
    region = shapely.coverage_union_all(shapely.polygons(rings))
    out = []
    geod = _geod()
    for poly in shapely.get_parts(region).tolist():
        if poly.geom_type != "Polygon" or poly.is_empty:
            continue
        holes = []
        for ring in poly.interiors:
            r = np.asarray(ring.coords)
            _, _, d = geod.inv(np.full(len(r), r[0, 0]), np.full(len(r), r[0, 1]), r[:, 0], r[:, 1])
            # every place in a hole whose rim fits in a disk of radius R/2.2
            # round one of its vertices is within R of the rim (a margin of 10%
            # for straight lon/lat edges): filling it changes no reach
            if d.max() > dist_m / 2.2:
                holes.append(ring)
        out.append(Polygon(poly.exterior, holes))
    return out


def cover_points(points: np.ndarray, dist_m: float) -> tuple[list[Polygon], np.ndarray]:
    """Split a cloud of launch points into a solid part and the points whose
    disks still matter, with the same union of disks, exactly.

    T is the union of the Delaunay triangles with sides up to R/4 (at most
    50 km): every place in it is within R of a corner.  A place y beyond T
    whose nearest launch point p lies inside T is reached across a rim side
    ab of T at a point z, and by Stewart's inequality
    ``min(d(y, a), d(y, b))² <= (R - t)² + |ab|²/4`` with t = d(p, z); that is
    at most R² once p is farther than ``R - sqrt(R² - w²/4)`` (w: the longest
    rim side) from the rim.  So only the rim's corners, the points outside T
    and the points near the rim need disks; T is added as it is.

    Returns
    -------
    (list of Polygon, ndarray of shape (k, 2))
        The solid part T (no buffering needed) and the points to buffer.
    """
    pts = np.unique(points, axis=0)
    if len(pts) < 4 or np.abs(pts[:, 1]).max() > 80.0 or np.ptp(pts[:, 0]) > 180.0:
        return [], pts
    found = _triangulate(pts)
    if found is None:
        return [], pts
    tris, nbrs = found
    side = _edge_lengths(pts, tris)
    ok = side.max(axis=1) <= min(dist_m / 4.0, 50_000.0)
    if not ok.any():
        return [], pts
    rim = nbrs < 0
    rim[~rim] = ~ok[nbrs[~rim]]
    rim &= ok[:, None]  # side k (corners k, k+1) of a kept triangle on the rim
    rim_len = side[:, [2, 0, 1]][rim]
    w = float(rim_len.max()) if rim_len.size else 0.0
    bend = _LONLAT_BEND * math.tan(math.radians(min(float(np.abs(pts[:, 1]).max()), 89.0)))
    need = 1.05 * (dist_m - math.sqrt(dist_m**2 - w * w / 4.0) + bend * w * w) + 1.0
    keep = np.ones(len(pts), dtype=bool)
    inside = np.zeros(len(pts), dtype=bool)
    inside[tris[ok].ravel()] = True
    on_rim = np.zeros(len(pts), dtype=bool)
    on_rim[tris[:, [0, 1, 2]][rim]] = True
    on_rim[tris[:, [1, 2, 0]][rim]] = True
    cand = np.flatnonzero(inside & ~on_rim)
    # distance to the rim in a plane with longitudes scaled by c, turned into a
    # lower bound in metres (the plane stretches no direction by more than this)
    c = _scale(pts[:, 1])
    cos_lo = math.cos(math.radians(float(np.abs(pts[:, 1]).max())))
    k = _R_MIN * math.pi / 180.0 * min(1.0, cos_lo / c)
    plane = np.column_stack([pts[:, 0] * c, pts[:, 1]])
    solid = shapely.coverage_union_all(shapely.polygons(plane[tris[ok]]))
    edge = shapely.boundary(solid)
    shapely.prepare(edge)
    d = shapely.distance(edge, shapely.points(plane[cand])) * k
    keep[cand[d >= need]] = False
    out = [
        Polygon(np.asarray(p.exterior.coords) / (c, 1.0),
                [np.asarray(r.coords) / (c, 1.0) for r in p.interiors])
        for p in shapely.get_parts(solid).tolist()
        if p.geom_type == "Polygon"
    ]  # fmt: skip
    return out, pts[keep]
