"""The opening view of the map and its screen-pixel estimate."""

from __future__ import annotations

import math
from dataclasses import dataclass

import shapely

from ..geodata import beyond_theatre
from .style import THEATRE

__all__ = ["View", "view_for", "world_view_for"]

#: Web Mercator shows latitudes up to about 85.05°: a view frames at most that.
_MERCATOR_MAX_LAT = 85.0


@dataclass(frozen=True)
class View:
    lon: float
    lat: float
    zoom: float


def view_for(result, *, width_px: int = 900, height_px: int = 620) -> View:
    """A view that frames the reach areas and launch sites (Web Mercator zoom)."""
    geoms = [w.area for w in result.weapons if not w.area.is_empty]
    geoms += [g for _, g in result.sites]
    if not geoms:
        return View(33.0, 49.5, 4.6)
    x0, y0, x1, y1 = shapely.GeometryCollection(geoms).bounds
    x0, x1 = max(x0, THEATRE[0]), min(x1, THEATRE[2])
    y0, y1 = max(y0, THEATRE[1]), min(y1, THEATRE[3])
    lat_c, zoom = fit(x0, x1, y0, y1, width_px, height_px, min_zoom=2.0)
    return View((x0 + x1) / 2, lat_c, round(zoom, 2))


def world_view_for(result, *, width_px: int = 900, height_px: int = 620) -> View | None:
    """The opening view of a map whose scene leaves the theatre box: its reach
    areas and launch sites framed wherever they are on Earth.

    Across the 180° meridian the view is centred on the cut (the map repeats
    the world, so both halves meet); a reach around a pole is framed on all
    longitudes with the launch site in the middle.  ``None`` when the scene
    lies inside the theatre (:func:`view_for` fits it).
    """
    from ..seams import lon_span

    geoms = [w.area for w in result.weapons if not w.area.is_empty]
    geoms += [g for _, g in result.sites]
    if not geoms or not beyond_theatre(shapely.GeometryCollection(geoms).bounds):
        return None
    west, east = lon_span(geoms)
    if east - west >= 360.0:
        # All longitudes (a polar cap): centre on the launch site's meridian.
        sites = [g for _, g in result.sites]
        centre = shapely.GeometryCollection(sites or geoms).centroid.x
        west, east = centre - 180.0, centre + 180.0
    _, y0, _, y1 = shapely.GeometryCollection(geoms).bounds
    y0 = max(y0, -_MERCATOR_MAX_LAT)
    y1 = min(y1, _MERCATOR_MAX_LAT)
    lat_c, zoom = fit(west, east, y0, y1, width_px, height_px, min_zoom=0.0)
    lon_c = (west + east) / 2.0
    lon_c = (lon_c + 180.0) % 360.0 - 180.0
    return View(round(lon_c, 4), round(lat_c, 4), round(zoom, 2))


def fit(west: float, east: float, south: float, north: float, width_px: float,
        height_px: float, *, min_zoom: float) -> tuple[float, float]:  # fmt: skip
    """(centre latitude, Web Mercator zoom) that shows the box in the viewport,
    with a small margin; zoom between ``min_zoom`` and 9."""

    def merc(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    lon_span = max(east - west, 0.5)
    y_span = max(merc(north) - merc(south), 0.01)
    zoom_x = math.log2(width_px * 360.0 / (lon_span * 512.0))
    zoom_y = math.log2(height_px * 2 * math.pi / (y_span * 512.0))
    zoom = max(min_zoom, min(zoom_x, zoom_y, 9.0) - 0.15)
    lat_c = math.degrees(math.atan(math.sinh((merc(south) + merc(north)) / 2)))
    return lat_c, zoom


def _clip_for(view: View) -> tuple[float, float, float, float]:
    """The base map's extent: about the opening view plus half of it on each side (room to
    pan), on whole degrees so that nearby views share one cached base."""
    half_w = 360.0 / 2.0**view.zoom * 1.1
    half_h = half_w * 0.75
    return (
        max(THEATRE[0], math.floor(view.lon - half_w)),
        max(THEATRE[1], math.floor(view.lat - half_h)),
        min(THEATRE[2], math.ceil(view.lon + half_w)),
        min(THEATRE[3], math.ceil(view.lat + half_h)),
    )


def _screen_px(view: View):
    """(lon, lat) -> screen pixels (Web Mercator at ``view.zoom``, y down)."""
    scale = 512.0 * 2.0**view.zoom / 360.0  # pixels per degree of longitude

    def px(lon: float, lat: float) -> tuple[float, float]:
        y = math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))
        return lon * scale, -y * scale

    return px
