"""Outlines without the seams of longitude/latitude: the 180° cut and the poles.

A reach area that crosses the antimeridian is stored cut in two along it
(RFC 7946 §3.1.9), and one that covers a pole is closed along the pole's
"edge" (latitude ±90°).  Those edges are artefacts of the coordinates, not
boundaries of the area: a map that strokes the polygon's outline draws a line
down the 180° meridian or across the top of the map.  Exports draw the fill
from the polygon and the outline from :func:`outline`, which keeps only the
real boundary.  :func:`lon_span` gives the longitudes a scene covers across
the antimeridian, for framing a view anywhere on Earth.

Coordinates are WGS84 degrees, x = longitude, y = latitude.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString
from shapely.geometry.base import BaseGeometry

__all__ = ["outline", "has_seams", "lon_span"]

#: Tolerance for a coordinate lying on the cut or a pole (degrees).
EPS_DEG = 1e-9


def _seam_mask(xy: np.ndarray) -> np.ndarray:
    """For each segment of ``xy`` (n points, n-1 segments): does it lie on a seam?"""
    x, y = xy[:, 0], xy[:, 1]
    on_cut = np.abs(np.abs(x) - 180.0) <= EPS_DEG
    at_pole = np.abs(np.abs(y) - 90.0) <= EPS_DEG
    same_cut = on_cut[:-1] & on_cut[1:] & (np.sign(x[:-1]) == np.sign(x[1:]))
    # Along a pole, or from +180 to -180 (the jump a polar ring makes at the top).
    pole = at_pole[:-1] & at_pole[1:]
    jump = on_cut[:-1] & on_cut[1:] & (np.sign(x[:-1]) != np.sign(x[1:]))
    return same_cut | pole | jump


def _polygons(geom: BaseGeometry):
    if geom is None or geom.is_empty:
        return []
    if geom.geom_type == "Polygon":
        return [geom]
    return [g for part in getattr(geom, "geoms", []) for g in _polygons(part)]


def has_seams(geom: BaseGeometry | None) -> bool:
    """True when a polygon ring of ``geom`` runs along the 180° cut or a pole.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> has_seams(box(170, 60, 180, 65)), has_seams(box(30, 50, 40, 55))
    (True, False)
    """
    for poly in _polygons(geom):
        for ring in (poly.exterior, *poly.interiors):
            if _seam_mask(np.asarray(ring.coords)[:, :2]).any():
                return True
    return False


def _ring_runs(xy: np.ndarray) -> list[np.ndarray]:
    """The pieces of a closed ring left when its seam segments are taken out."""
    mask = _seam_mask(xy)
    if not mask.any():
        return [xy]
    n = len(mask)
    # Start just after a seam segment, so that no run wraps round the ring's end.
    start = int(np.flatnonzero(mask)[0]) + 1
    order = [(start + k) % n for k in range(n)]
    runs, current = [], []
    for seg in order:
        if mask[seg]:
            if len(current) >= 2:
                runs.append(np.asarray(current))
            current = []
            continue
        if not current:
            current.append(xy[seg])
        current.append(xy[seg + 1])
    if len(current) >= 2:
        runs.append(np.asarray(current))
    return runs


def outline(geom: BaseGeometry | None) -> MultiLineString:
    """The boundary of polygonal ``geom`` without its seams (as a MultiLineString).

    A ring without seams comes back whole (closed); a ring along the 180° cut
    or a pole comes back as the runs between those edges.  Pieces end on the
    cut, never cross it (RFC 7946 §3.1.9).

    Examples
    --------
    >>> from shapely.geometry import Polygon
    >>> cap = Polygon([(-180, 70), (0, 71), (180, 70), (180, 90), (-180, 90)])
    >>> [list(line.coords) for line in outline(cap).geoms]
    [[(-180.0, 70.0), (0.0, 71.0), (180.0, 70.0)]]
    """
    lines = []
    for poly in _polygons(geom):
        for ring in (poly.exterior, *poly.interiors):
            lines += [LineString(run) for run in _ring_runs(np.asarray(ring.coords)[:, :2])]
    return MultiLineString(lines)


def lon_span(geoms) -> tuple[float, float]:
    """The shortest longitude interval ``(west, east)`` holding every vertex of
    ``geoms``, across the antimeridian when that is shorter (``east`` may then
    exceed 180: ``(173.7, 184.3)`` for a reach cut at 180°).  ``(-180, 180)``
    when the vertices ring the globe (a polar cap).

    Examples
    --------
    >>> from shapely.geometry import box
    >>> lon_span([box(173, 60, 180, 65), box(-180, 60, -176, 65)])
    (173.0, 184.0)
    """
    xs = np.concatenate(
        [shapely.get_coordinates(g)[:, 0] for g in geoms if g is not None and not g.is_empty]
        or [np.zeros(0)]
    )
    if xs.size == 0:
        return (-180.0, 180.0)
    xs = np.unique(np.mod(xs + 180.0, 360.0) - 180.0)  # +180 and -180 are one meridian
    gaps = np.diff(np.concatenate([xs, [xs[0] + 360.0]]))
    widest = int(np.argmax(gaps))
    if gaps[widest] < 30.0:  # no real gap: the scene goes all the way round
        return (-180.0, 180.0)
    west = float(xs[(widest + 1) % xs.size])
    east = float(xs[widest])
    if east < west:
        east += 360.0
    return (west, east)
