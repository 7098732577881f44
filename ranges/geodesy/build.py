"""The reach area: lighten heavy launch geometry, buffer it, join the
pieces, cut the minimum-range hole."""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry

from ..errors import InputError
from .arcs import _MAX_ONE_ARC, _bounded_step, _step_deg
from .core import GEOD, check_ranges, geometry_parts, split_launch
from .paths import _dense_points, _densify_path, _near_pole, _outer_side, _path_pieces
from .rings import _disks, _needs_unwrap

# Launch geometry with at least this many positions is lightened first
# (ranges.geodesy.culling): thinned by a share of the tolerance, and filled where the
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
    :mod:`ranges.geodesy.culling`.  Returned unchanged when small or where the
    lightening is not used (near a pole or the antimeridian, past a quarter
    meridian)."""
    if not paths and not polygons:
        return points, paths, polygons, tol_m  # points alone: see _point_disks
    sizes = [len(p) for p in paths] + [shapely.get_num_coordinates(p) for p in polygons]
    if sum(sizes) < _HEAVY_VERTICES or dist_m > _LIGHTEN_MAX_DIST:
        return points, paths, polygons, tol_m
    from . import culling

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
    # No circle gets more than _MAX_ONE_ARC vertices (arcs refuses it first),
    # so this few points cannot pass the work limit: no estimate to pay for.
    if len(points) <= MAX_WORK_VERTICES // _MAX_ONE_ARC:
        return _disks(points, dist_m, tol_m)
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
