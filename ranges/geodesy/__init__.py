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

The package, bottom up: :mod:`.core` (the ellipsoid, distances, checks,
launch geometry split into parts), :mod:`.arcs` (adaptive arcs around a
centre), :mod:`.rings` (rings and disks in lon/lat), :mod:`.paths` (reach
pieces along lines and rings), :mod:`.culling` (dropping launch detail the
range cannot show) and :mod:`.build` (:func:`reach`).
"""

from __future__ import annotations

from .build import (
    MAX_LAUNCH_POINTS,
    MAX_LINE_VERTICES,
    MAX_WORK_VERTICES,
    reach,
)
from .core import (
    GEOD,
    HALF_CIRCUMFERENCE_KM,
    bearing_deg,
    check_ranges,
    distance_km,
    geometry_parts,
    inverse,
    launch_points,
    split_launch,
)

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
    "MAX_LAUNCH_POINTS",
    "MAX_LINE_VERTICES",
    "MAX_WORK_VERTICES",
]
