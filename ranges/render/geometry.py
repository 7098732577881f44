"""Geometry for drawing: the azimuthal equidistant projection and the view, layers clipped and
projected, matplotlib paths from shapely geometries, reported-range outlines.

Coordinates going in are WGS84 with x = longitude, y = latitude; coming out, projected metres."""

from __future__ import annotations

import math
import weakref

import matplotlib
import numpy as np
import pyproj
import shapely
from matplotlib.path import Path as MplPath
from shapely.geometry.base import BaseGeometry

from .words import _reported_km


def _aeqd(lon0: float, lat0: float) -> pyproj.Transformer:
    """WGS84 lon/lat (degrees) to the azimuthal equidistant projection (metres)
    centred on ``lon0``, ``lat0``.

    Written as the pipeline PROJ makes of ``Transformer.from_crs("EPSG:4326",
    "+proj=aeqd ... +datum=WGS84", always_xy=True)``, which gives bit-identical
    coordinates both ways (checked on 100,000 points) without looking EPSG:4326
    up in PROJ's database: under 1 ms instead of 8-10 ms of CPU, three times
    per map."""
    return pyproj.Transformer.from_pipeline(
        "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad "
        f"+step +proj=aeqd +lat_0={lat0:.6f} +lon_0={lon0:.6f} +x_0=0 +y_0=0 +ellps=WGS84"
    )


def _project(geoms, tr: pyproj.Transformer):
    def fn(xy: np.ndarray) -> np.ndarray:
        x, y = tr.transform(xy[:, 0], xy[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geoms, fn)


def _as_array(geoms) -> np.ndarray:
    arr = np.asarray(list(geoms) if not isinstance(geoms, np.ndarray) else geoms, dtype=object)
    if arr.size == 0:
        return arr
    return arr[~shapely.is_empty(arr) & ~shapely.is_missing(arr)]


def _polygon_path(geoms) -> MplPath | None:
    """One compound path of every polygon (exteriors CCW, holes CW)."""
    parts = shapely.get_parts(_as_array(geoms))
    parts = parts[shapely.get_type_id(parts) == 3] if parts.size else parts
    if parts.size == 0:
        return None
    rings = shapely.get_rings(shapely.orient_polygons(parts))
    coords, index = shapely.get_coordinates(rings, return_index=True)
    if len(coords) == 0:
        return None
    codes = np.full(len(coords), MplPath.LINETO, dtype=MplPath.code_type)
    starts = np.r_[0, np.flatnonzero(np.diff(index)) + 1]
    codes[starts] = MplPath.MOVETO
    codes[np.r_[starts[1:] - 1, len(coords) - 1]] = MplPath.CLOSEPOLY
    return MplPath(coords, codes)


def _line_path(geoms) -> MplPath | None:
    """One path of every line (polygons contribute their rings)."""
    parts = shapely.get_parts(_as_array(geoms))
    if parts.size == 0:
        return None
    polys = shapely.get_type_id(parts) == 3
    if polys.any():
        parts = np.concatenate([parts[~polys], shapely.get_rings(parts[polys])])
    lines = parts[np.isin(shapely.get_type_id(parts), (1, 2))]
    if lines.size == 0:
        return None
    coords, index = shapely.get_coordinates(lines, return_index=True)
    if len(coords) < 2:
        return None
    codes = np.full(len(coords), MplPath.LINETO, dtype=MplPath.code_type)
    codes[np.r_[0, np.flatnonzero(np.diff(index)) + 1]] = MplPath.MOVETO
    return MplPath(coords, codes)


def clip_rect(geoms, xmin: float, ymin: float, xmax: float, ymax: float):
    """:func:`shapely.clip_by_rect`, for a geometry or an array of them, that
    does not fail: GEOS's fast rectangle clipper can build a ring of three
    points from a sliver crossing the rectangle's edge and raise (GEOS 3.14, a
    2 km polygon of the occupied area across 37.06°E on a square map from
    Kyiv).  Such a geometry is cut by a full intersection instead, keeping its
    polygons when it was polygonal."""
    try:
        return shapely.clip_by_rect(geoms, xmin, ymin, xmax, ymax)
    except shapely.errors.GEOSException:
        if isinstance(geoms, BaseGeometry):
            return _clip_one(geoms, (xmin, ymin, xmax, ymax))
        out = np.empty(len(geoms), dtype=object)
        out[:] = [_clip_one(g, (xmin, ymin, xmax, ymax)) for g in geoms]
        return out


def _clip_one(geom, rect):
    try:
        return shapely.clip_by_rect(geom, *rect)
    except shapely.errors.GEOSException:
        out = shapely.intersection(shapely.make_valid(geom), shapely.box(*rect))
        if geom.geom_type in ("Polygon", "MultiPolygon") and out.geom_type != geom.geom_type:
            parts = [p for p in shapely.get_parts(out) if p.geom_type == "Polygon"]
            out = shapely.MultiPolygon(parts) if parts else shapely.Polygon()
        return out


def _clip_layer(gdf, lonlat_box, rect, tr, simplify_deg: float = 0.0):
    """Rows of a layer that touch the view, clipped and projected: (positions, geoms).

    ``simplify_deg`` drops vertices that would move the line by less than that
    (degrees; keep it below a pixel) before projecting, which saves most of the
    projection and drawing time of detailed borders.
    """
    if gdf is None or len(gdf) == 0:
        return np.empty(0, dtype=int), np.empty(0, dtype=object)
    idx = gdf.sindex.query(shapely.box(*lonlat_box))
    idx = np.sort(np.asarray(idx, dtype=int))
    if idx.size == 0:
        return idx, np.empty(0, dtype=object)
    geoms = np.asarray(gdf.geometry.array, dtype=object)[idx]
    geoms = clip_rect(geoms, *lonlat_box)
    if simplify_deg > 0:
        geoms = shapely.simplify(geoms, simplify_deg, preserve_topology=False)
    geoms = clip_rect(_project(geoms, tr), *rect)
    keep = ~shapely.is_empty(geoms)
    return idx[keep], geoms[keep]


def _shared_borders(polys: np.ndarray) -> np.ndarray:
    """Lines shared by two polygons of a coverage (land borders, not coasts)."""
    if len(polys) < 2:
        return np.empty(0, dtype=object)
    tree = shapely.STRtree(polys)
    left, right = tree.query(polys, predicate="intersects")
    keep = left < right
    if not keep.any():
        return np.empty(0, dtype=object)
    bounds = shapely.boundary(polys)
    shared = shapely.intersection(bounds[left[keep]], bounds[right[keep]], grid_size=None)
    parts = shapely.get_parts(shared)
    return parts[np.isin(shapely.get_type_id(parts), (1, 2))]


def _plane_marker() -> MplPath:
    # A small aircraft silhouette, nose up, in a unit box.
    verts = [
        (0, 1),
        (0.13, 0.84),
        (0.13, 0.3),
        (1.0, -0.12),
        (1.0, -0.27),
        (0.13, -0.07),
        (0.13, -0.62),
        (0.42, -0.82),
        (0.42, -0.96),
        (0, -0.86),
        (-0.42, -0.96),
        (-0.42, -0.82),
        (-0.13, -0.62),
        (-0.13, -0.07),
        (-1.0, -0.27),
        (-1.0, -0.12),
        (-0.13, 0.3),
        (-0.13, 0.84),
        (0, 1),
    ]
    return MplPath(verts, closed=True)


_PLANE = _plane_marker()


_PLANE_PT = 8.0  # marker size of an airfield, points


def _rgba(color: str, alpha: float):
    r, g, b, _ = matplotlib.colors.to_rgba(color)
    return (r, g, b, alpha)


def _scene_geoms(result) -> list[BaseGeometry]:
    geoms = [w.area for w in result.weapons if not w.area.is_empty]
    reach = list(geoms)
    geoms += [g for _, g in result.sites if not g.is_empty]
    # The allowed regions frame the map where a weapon reaches them (a decision
    # about Kursk says nothing about a map of Anadyr).
    allowed = result.allowed
    if allowed is not None and not allowed.is_empty:
        if not reach or any(allowed.intersects(g) for g in reach):
            geoms.append(allowed)
    return geoms


def _near_scene(result, geom: BaseGeometry) -> bool:
    """Whether ``geom`` (lon/lat) comes within the scene's bounding box, i.e. is on the map."""
    geoms = _scene_geoms(result) + _note_points(result)
    if not geoms or geom is None or geom.is_empty:
        return False
    return geom.intersects(shapely.box(*shapely.GeometryCollection(geoms).bounds))


def _note_points(result) -> list[BaseGeometry]:
    return [shapely.Point(n.lon, n.lat) for n in result.scenario.notes]


def _view(result, aspect: float, focus=()):
    """Projection centred on the scene and the half-extents (m) that fit the map box.

    The scene: the reach areas, launch sites and areas, the allowed regions,
    ``focus`` (the focus regions, lon/lat) and the notes' points, with a margin.
    """
    geoms = _scene_geoms(result) + [g for g in focus if g is not None and not g.is_empty]
    extra = _note_points(result)
    if not geoms and not extra:
        geoms = [shapely.box(22.0, 44.0, 40.5, 52.5)]  # Ukraine and its neighbours
    allg = shapely.GeometryCollection(geoms + extra)
    lon0, lat0 = _lonlat_centre(allg)
    for _ in range(2):
        # Re-centre on the projected extent's middle so the map centre, where the
        # scale bar is exact, is the projection's centre.
        tr = _aeqd(lon0, lat0)
        x0, y0, x1, y1 = _project(allg, tr).bounds
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        lon0, lat0 = tr.transform(cx, cy, direction="INVERSE")
    tr = _aeqd(lon0, lat0)
    x0, y0, x1, y1 = _project(allg, tr).bounds
    hx = max(abs(x0), abs(x1), 60_000.0)
    hy = max(abs(y0), abs(y1), 60_000.0)
    if not geoms:  # only notes: show some country around them
        hx, hy = hx + 150_000.0, hy + 150_000.0
    hx *= 1.06
    hy *= 1.06
    if hx / hy < aspect:
        hx = hy * aspect
    else:
        hy = hx / aspect
    return tr, (lon0, lat0), hx, hy


def _lonlat_centre(geom: BaseGeometry) -> tuple[float, float]:
    """The scene's middle on the sphere: the mean of its vertices as unit vectors.

    A box's middle in degrees fails at the antimeridian (a reach from 179°E
    spans -180..180, whose middle is 0°) and at a pole; the mean direction
    does not.
    """
    xy = shapely.get_coordinates(geom)
    # a pole closure repeats the pole along its edge: it would pull the mean there
    xy = xy[np.abs(xy[:, 1]) < 90 - 1e-6] if (np.abs(xy[:, 1]) < 90 - 1e-6).any() else xy
    if len(xy) > 4000:
        xy = xy[:: len(xy) // 4000 + 1]
    lon, lat = np.radians(xy[:, 0]), np.radians(xy[:, 1])
    v = np.column_stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)])
    x, y, z = v.mean(axis=0)
    if math.hypot(x, y, z) < 1e-9:  # antipodal spread: fall back on the first vertex
        return float(xy[0, 0]), float(xy[0, 1])
    return math.degrees(math.atan2(y, x)), math.degrees(math.atan2(z, math.hypot(x, y)))


#: How close to ±180° longitude or ±90° latitude a vertex must be to lie on the
#: artificial cut a lon/lat polygon gets there (degrees).
_CUT_EPS = 1e-7


def _outline(geom: BaseGeometry, max_deg: float = 0.25) -> BaseGeometry:
    """The real outline of a lon/lat area: its rings without the artificial edges
    along ±180° longitude (where an area across the antimeridian is split) and
    along ±90° latitude (where an area around a pole is closed), which must
    never be stroked.  Edges are split to at most ``max_deg`` degrees so that
    they bend as they should once projected.  Lines stay as they are.
    """
    parts = shapely.get_parts(_as_array([geom]))
    if parts.size == 0:
        return shapely.MultiLineString([])
    types = shapely.get_type_id(parts)
    rings = shapely.get_rings(parts[types == 3])
    lines = list(parts[np.isin(types, (1, 2))])
    for ring in rings:
        xy = shapely.get_coordinates(ring)
        if len(xy) < 2:
            continue
        a, b = xy[:-1], xy[1:]
        on_cut = ((np.abs(a[:, 0]) >= 180 - _CUT_EPS) & (np.abs(b[:, 0]) >= 180 - _CUT_EPS)) | (
            (np.abs(a[:, 1]) >= 90 - _CUT_EPS) & (np.abs(b[:, 1]) >= 90 - _CUT_EPS)
        )
        if not on_cut.any():
            lines.append(shapely.LineString(xy))
            continue
        # runs of real edges, starting after a cut so that a run never wraps
        k = int(np.flatnonzero(on_cut)[0])
        order = np.r_[k + 1 : len(a), 0:k + 1] if xy[0].tolist() == xy[-1].tolist() else None
        idx = order if order is not None else np.arange(len(a))
        run: list[int] = []
        for j in idx:
            if on_cut[j]:
                if run:
                    lines.append(shapely.LineString(np.vstack([a[run], b[run[-1]]])))
                run = []
            else:
                run.append(int(j))
        if run:
            lines.append(shapely.LineString(np.vstack([a[run], b[run[-1]]])))
    out = shapely.MultiLineString([ln for ln in lines if not ln.is_empty])
    return shapely.segmentize(out, max_deg) if max_deg else out


def _lonlat_box(tr: pyproj.Transformer, rect) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = rect
    n = 41
    xs = np.concatenate(
        [np.linspace(x0, x1, n), np.full(n, x1), np.linspace(x1, x0, n), np.full(n, x0)]
    )
    ys = np.concatenate(
        [np.full(n, y0), np.linspace(y0, y1, n), np.full(n, y1), np.linspace(y1, y0, n)]
    )
    lon, lat = tr.transform(xs, ys, direction="INVERSE")
    lon, lat = np.asarray(lon), np.asarray(lat)
    ok = np.isfinite(lon) & np.isfinite(lat)
    lo0, lo1 = float(lon[ok].min()) - 0.5, float(lon[ok].max()) + 0.5
    la0, la1 = float(lat[ok].min()) - 0.5, float(lat[ok].max()) + 0.5
    for pole_lat in (90.0, -90.0):
        px, py = tr.transform(0.0, pole_lat)
        if x0 <= px <= x1 and y0 <= py <= y1:
            lo0, lo1 = -180.0, 180.0
            la0, la1 = (la0, 90.0) if pole_lat > 0 else (-90.0, la1)
    if lo1 - lo0 > 300:
        lo0, lo1 = -180.0, 180.0
    return max(lo0, -180.0), max(la0, -90.0), min(lo1, 180.0), min(la1, 90.0)


#: Drawing tolerance of the reported-range outlines, metres (well below a pixel
#: of any map this module draws: a 300 km scene is ~0.5 km per pixel on the web).
_BAND_TOLERANCE_M = 100.0


#: Reported-range outlines per result (a map is often drawn again at another
#: size, theme or language; results are immutable).
_BANDS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _bands(result) -> tuple:
    """The reported-range outlines: (weapon index, area lon/lat) for each weapon
    whose catalog entry gives a higher credible reported range than the nominal
    one, from the same launch sites (the nominal range stays the filled area)."""
    from ..geodesy import reach

    hit = _BANDS.get(result)
    if hit is not None:
        return hit
    geoms = [g for _, g in result.sites if not g.is_empty]
    launch = geoms[0] if len(geoms) == 1 else shapely.GeometryCollection(geoms)
    out = []
    for i, w in enumerate(result.weapons):
        km = _reported_km(w.weapon)
        if km is not None and geoms and not w.area.is_empty:
            out.append((i, reach(launch, km, tolerance_m=_BAND_TOLERANCE_M)))
    _BANDS[result] = tuple(out)
    return _BANDS[result]


def _launch_centre(result) -> tuple[float, float]:
    geoms = [g for _, g in result.sites if not g.is_empty]
    c = shapely.GeometryCollection(geoms).centroid
    return c.x, c.y
