"""What is in range: targets, regions and headline numbers for a strike-range map.

:func:`targets_in_range` says which cities, airfields or other points a weapon
can reach from one or more launch sites, with the geodesic distance, launch
site and bearing of each.  The test is the true WGS84 geodesic distance, not
a point-in-polygon test against the drawn reach area, so a target a metre
inside or outside the limit is classified correctly.  :func:`nearest_launch`
is the distance engine behind it; :func:`region_coverage` measures how much of
each region the reach area covers (geodesic areas); :func:`headline` turns the
tables into one sentence for a caption that counts the other side's ground
(Russia, occupied Ukraine and Belarus for Ukraine's weapons, Ukrainian-held
territory for Russia's: :data:`HEADLINE_TERRITORIES`), and
:func:`filter_territory` keeps one side of a target table;
:func:`split_by_authorization` and
:func:`coverage_by_authorization` overlay the regions where strikes are
permitted (e.g. Kursk region in November 2024).

Coordinates are WGS84 longitude, latitude in degrees (x = longitude,
y = latitude); distances are kilometres in results and metres inside.

How distances to launch *areas* are computed exactly
----------------------------------------------------
A launch line or polygon has edges straight in lon/lat (RFC 7946), as in
:func:`ranges.geodesy.reach`.  Edges are cut into pieces of at most
``_PIECE_M``.  A sphere (3-D unit vectors, one matrix product) finds, for each
target, every vertex that can be near the closest point: the sphere distance
is within 0.6 % of the ellipsoidal one, so the bound is safe.  Exact distances
to those vertices and a plane-triangle estimate pick the one or two pieces
that can hold the minimum, and a safeguarded Newton iteration on the exact
geodesic distance (first-variation formula: the derivative of the distance
along an edge is minus the cosine of the angle between the edge and the
geodesic to the target) finds it to a millimetre.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from .errors import CoordinateError, GeometryError, InputError, UnknownNameError
from .geodesy import GEOD, HALF_CIRCUMFERENCE_KM, check_ranges, geometry_parts, split_launch

if TYPE_CHECKING:  # pandas loads inside the functions that take or make a table
    import pandas as pd

from .headline import (  # noqa: F401  (re-exported: analysis is the public home)
    HEADLINE_TERRITORIES,
    Headline,
    _pct,
    _plural,
    _region_phrase,
    filter_territory,
    headline,
    human_number,
    opposing_territories,
    territory_label,
)

__all__ = [
    "TARGET_COLUMNS",
    "COVERAGE_COLUMNS",
    "AUTHORIZED_LABEL",
    "NOT_AUTHORIZED_LABEL",
    "OUT_OF_RANGE_LABEL",
    "nearest_launch",
    "targets_in_range",
    "in_range_rows",
    "region_coverage",
    "coverage_rows",
    "Headline",
    "headline",
    "HEADLINE_TERRITORIES",
    "opposing_territories",
    "territory_label",
    "filter_territory",
    "human_number",
    "allowed_area",
    "split_by_authorization",
    "coverage_by_authorization",
]

#: Columns :func:`targets_in_range` adds to the targets table.
TARGET_COLUMNS = ("distance_km", "launch", "bearing_deg", "in_range")

#: Columns of the table :func:`region_coverage` returns.
COVERAGE_COLUMNS = (
    "region_id", "region", "name_uk", "country", "status", "type",
    "covered_km2", "region_km2", "covered_pct",
)  # fmt: skip

# Region types (the regions layer's ``type``) that are a city, so that a
# headline says "Sevastopol", not "Sevastopol region".
#: Labels of the ``authorization`` column of :func:`split_by_authorization`.
AUTHORIZED_LABEL = "allowed and in range"
NOT_AUTHORIZED_LABEL = "in range, not allowed"
OUT_OF_RANGE_LABEL = "out of range"

_A = GEOD.a
_E2 = GEOD.es
# Sphere used to find candidates.  Over all pairs of points on WGS84, the
# geodesic distance is 0.99441 to 1.00449 times the great-circle distance on
# this sphere (geodetic latitude as spherical latitude), so a sphere distance
# divided by _SPHERE_LOW can never be shorter than the true one.
_R_SPHERE = 6_371_008.8
_SPHERE_LOW = 0.9940
# Edges of launch areas are cut into pieces no longer than this, so that a
# piece is nearly a geodesic and the plane-triangle estimate is sharp.
_PIECE_M = 10_000.0
# Matrix elements per block of the sphere stage (8 bytes each).
_BLOCK = 2_000_000
# The Newton iteration stops when a step moves the foot point less than this.
_FOOT_TOL_M = 1e-4
_MAX_NEWTON = 60
# Longest edge of polygons before geodesic area: longer edges get vertices
# every 0.02 degrees, so that the area is that of edges straight in lon/lat
# (a 0.02 degree edge bends 0.1 m from the geodesic at 60 degrees latitude:
# a few parts per million of a region's area).
_AREA_SEGMENT_DEG = 0.02


# --------------------------------------------------------------------------
# Launch sites: names and components
# --------------------------------------------------------------------------
def _wrap180(x):
    return (np.asarray(x, dtype=float) + 180.0) % 360.0 - 180.0


def _unit(lon, lat) -> np.ndarray:
    lo, la = np.radians(lon), np.radians(lat)
    c = np.cos(la)
    return np.column_stack([c * np.cos(lo), c * np.sin(lo), np.sin(la)])


def _inv(lon1, lat1, lon2, lat2):
    """Vectorised inverse problem with scalar broadcasting: (az12 [0, 360), dist m)."""
    lon1, lat1, lon2, lat2 = np.broadcast_arrays(
        *(np.asarray(v, dtype=float) for v in (lon1, lat1, lon2, lat2))
    )
    if lon1.size == 0:
        return np.empty(lon1.shape), np.empty(lon1.shape)
    az, _, dist = GEOD.inv(
        np.ascontiguousarray(lon1), np.ascontiguousarray(lat1),
        np.ascontiguousarray(lon2), np.ascontiguousarray(lat2),
    )  # fmt: skip
    return np.asarray(az) % 360.0, np.asarray(dist)


@dataclass
class _Box:
    """Longitude/latitude box holding every place within some distance of a component.

    Longitudes are offsets from ``ref`` in [-180, 180); ``None`` bounds mean
    every longitude (the area reaches a pole or spans the globe).
    """

    ref: float
    dlo: float | None
    dhi: float | None
    lat_lo: float
    lat_hi: float

    def mask(self, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
        m = (lat >= self.lat_lo) & (lat <= self.lat_hi)
        if self.dlo is None:
            return m
        a, b = self.ref + self.dlo, self.ref + self.dhi
        if a >= -180.0 and b <= 180.0:
            return m & (lon >= a) & (lon <= b)
        x = _wrap180(lon - self.ref)
        inside = (x >= self.dlo) & (x <= self.dhi)
        if self.dhi >= 180.0:
            inside |= x + 360.0 <= self.dhi
        if self.dlo < -180.0:
            inside |= x - 360.0 >= self.dlo
        return m & inside


_BOX_AZIMUTHS = np.arange(0.0, 360.0, 5.0)


def _box(lon: np.ndarray, lat: np.ndarray, radius_m: float, offsets=None) -> _Box:
    """Box holding the geodesic disks of ``radius_m`` round the points (lon, lat).

    The disks are sampled every 5 degrees of azimuth at a radius enlarged by
    0.5 % + 1 km; the sampling can miss at most 0.1 % of a disk's width, so
    the box is conservative.  ``offsets`` are the points' longitudes relative
    to the first one, unwrapped along the launch paths (default: wrapped).
    """
    r = radius_m * 1.005 + 1000.0
    n, k = lon.size, _BOX_AZIMUTHS.size
    _, to_n = _inv(lon, lat, lon, 90.0)
    _, to_s = _inv(lon, lat, lon, -90.0)
    if r >= HALF_CIRCUMFERENCE_KM * 1000.0:
        return _Box(0.0, None, None, -90.0, 90.0)
    clon, clat = np.repeat(lon, k), np.repeat(lat, k)
    flon, flat, _ = GEOD.fwd(clon, clat, np.tile(_BOX_AZIMUTHS, n), np.full(n * k, r))
    lat_lo = -90.0 if (to_s <= r).any() else float(np.min(flat)) - 1e-6
    lat_hi = 90.0 if (to_n <= r).any() else float(np.max(flat)) + 1e-6
    if (to_s <= r).any() or (to_n <= r).any():
        return _Box(0.0, None, None, lat_lo, lat_hi)
    ref = float(lon[0])
    if offsets is None:
        offsets = _wrap180(lon - ref)
    off = np.repeat(offsets, k) + _wrap180(np.asarray(flon) - clon)
    dlo, dhi = float(off.min()) - 1e-6, float(off.max()) + 1e-6
    if dhi - dlo >= 359.0:
        return _Box(0.0, None, None, lat_lo, lat_hi)
    return _Box(ref, dlo, dhi, lat_lo, lat_hi)


@dataclass
class _PointComp:
    site: int
    lon: float
    lat: float

    def distance(self, lon, lat):
        az, d = _inv(self.lon, self.lat, lon, lat)
        return d, az

    def farthest(self, lon, lat):
        return _inv(self.lon, self.lat, lon, lat)[1]

    def box(self, radius_m: float) -> _Box:
        return _box(np.array([self.lon]), np.array([self.lat]), radius_m)


class _AreaComp:
    """A connected launch line or polygon, cut into pieces straight in lon/lat."""

    def __init__(self, site: int, paths: list[np.ndarray], polygon=None):
        self.site = site
        self.polygon = polygon
        if polygon is not None:
            shapely.prepare(polygon)
        vlon, vlat, starts = [], [], []
        offset = 0
        for xy in paths:
            lon = xy[0, 0] + np.concatenate([[0.0], np.cumsum(_wrap180(np.diff(xy[:, 0])))])
            lat = xy[:, 1].astype(float)
            _, seg = _inv(_wrap180(lon[:-1]), lat[:-1], _wrap180(lon[1:]), lat[1:])
            counts = np.maximum(1, np.ceil(seg / _PIECE_M).astype(int))
            edge = np.repeat(np.arange(counts.size), counts)
            t = np.concatenate([np.arange(c) / c for c in counts])
            plon = np.append(lon[edge] + t * (lon[edge + 1] - lon[edge]), lon[-1])
            plat = np.append(lat[edge] + t * (lat[edge + 1] - lat[edge]), lat[-1])
            vlon.append(plon)
            vlat.append(plat)
            starts.append(offset + np.arange(plon.size - 1))
            offset += plon.size
        ulon = np.concatenate(vlon)  # unwrapped within each path
        # longitudes relative to the first vertex, unwrapped along each path
        firsts = np.cumsum([0] + [v.size for v in vlon[:-1]])
        shift = np.repeat(
            _wrap180(ulon[firsts] - ulon[0]) - (ulon[firsts] - ulon[0]), [v.size for v in vlon]
        )
        self.offsets = ulon - ulon[0] + shift
        self.vlat = np.concatenate(vlat)
        self.vlon = _wrap180(ulon)
        self.start = np.concatenate(starts)
        self.dlon = ulon[self.start + 1] - ulon[self.start]
        self.dlat = self.vlat[self.start + 1] - self.vlat[self.start]
        _, self.length = _inv(
            self.vlon[self.start], self.vlat[self.start],
            self.vlon[self.start + 1], self.vlat[self.start + 1],
        )  # fmt: skip
        # A line of constant heading in lon/lat bends from the geodesic with a
        # curvature of at most tan(latitude) / (radius of the Earth).
        phi = np.radians(
            np.minimum(
                np.maximum(np.abs(self.vlat[self.start]), np.abs(self.vlat[self.start + 1])), 89.99
            )
        )
        self.sag = self.length**2 * np.tan(phi) / (8.0 * 6_335_000.0)
        # Half the lon/lat path of a piece, bounded: the path is longer than its
        # chord by far less than 0.1 % plus its bend.  Every point of a piece is
        # this close to one of its ends.
        self.half = self.length * 0.5005 + 2.0 * self.sag + 1.0
        self.max_len = 2.0 * float(self.half.max())
        nv = self.vlon.size
        self.is_start = np.full(nv, -1)
        self.is_start[self.start] = np.arange(self.start.size)
        self.is_end = np.full(nv, -1)
        self.is_end[self.start + 1] = np.arange(self.start.size)
        # Vertex pad: the longest half-piece next to it.
        self.pad = np.zeros(nv)
        np.maximum.at(self.pad, self.start, self.half)
        np.maximum.at(self.pad, self.start + 1, self.half)
        self.xyz = _unit(self.vlon, self.vlat)

    def box(self, radius_m: float) -> _Box:
        # any point of a piece is within half the piece's path of a vertex
        return _box(self.vlon, self.vlat, radius_m + self.max_len / 2.0, self.offsets)

    # ------------------------------------------------------------------
    def _candidates(self, lon, lat):
        """Pairs (target, vertex) that can be the nearer end of the piece holding
        the closest point, with exact distances and azimuths from the vertex;
        sorted by target then vertex.

        The closest point Q (at distance d*) has an end of its piece within
        d* + pad of the target, and d* <= u0, the exact distance to the
        vertex nearest on the sphere.  A sphere distance times ``_SPHERE_LOW``
        is never longer than the true one, which bounds the vertices worth an
        exact distance.
        """
        nv = self.vlon.size
        xyz = _unit(lon, lat)
        block = max(1, _BLOCK // nv)
        k = _R_SPHERE * _SPHERE_LOW
        ti, vj = [], []
        for s in range(0, lon.size, block):
            c = xyz[s : s + block] @ self.xyz.T
            best = c.argmax(axis=1)
            _, u0 = _inv(self.vlon[best], self.vlat[best], lon[s : s + block], lat[s : s + block])
            limit = np.cos(np.minimum((u0 + self.max_len / 2.0 + 1.0) / k, np.pi))
            i, j = np.nonzero(c >= limit[:, None])
            # per vertex: its own pad (a cheap first cut used the largest)
            ok = np.arccos(np.clip(c[i, j], -1.0, 1.0)) * k <= u0[i] + self.pad[j] + 1.0
            ti.append(i[ok] + s)
            vj.append(j[ok])
        ti, vj = np.concatenate(ti), np.concatenate(vj)
        az, d = _inv(self.vlon[vj], self.vlat[vj], lon[ti], lat[ti])
        return ti, vj, d, az

    def distance(self, lon, lat):
        n = lon.size
        dist = np.zeros(n)
        az = np.full(n, np.nan)
        todo = np.arange(n)
        if self.polygon is not None and n:
            todo = np.flatnonzero(~shapely.contains_xy(self.polygon, lon, lat))
        if todo.size == 0:
            return dist, az
        tlon, tlat = lon[todo], lat[todo]
        ti, vj, dv, azv = self._candidates(tlon, tlat)
        # Best vertex per target (every target has its sphere-nearest vertex).
        first = np.flatnonzero(np.r_[True, ti[1:] != ti[:-1]])
        u = np.minimum.reduceat(dv, first)
        at_min = np.flatnonzero(dv == u[ti])
        at_min = at_min[np.r_[True, ti[at_min][1:] != ti[at_min][:-1]]]
        best_d, best_az = dv[at_min], azv[at_min]

        # Pieces next to a candidate vertex, each (target, piece) once: those
        # starting at one, and those ending at one whose start is not one.
        nv = self.vlon.size
        key = ti * nv + vj  # sorted
        p_s, p_e = self.is_start[vj], self.is_end[vj]
        a, b = np.flatnonzero(p_s >= 0), np.flatnonzero(p_e >= 0)
        prev = key[b] - 1
        pos = np.minimum(np.searchsorted(key, prev), key.size - 1)
        b = b[key[pos] != prev]
        pt = np.concatenate([ti[a], ti[b]])
        pp = np.concatenate([p_s[a], p_e[b]])
        # Exact distances at both ends: from the candidate pairs, or computed.
        ends = []
        for v in (self.start[pp], self.start[pp] + 1):
            want = pt * nv + v
            pos = np.minimum(np.searchsorted(key, want), key.size - 1)
            found = key[pos] == want
            d_end, az_end = dv[pos], azv[pos]
            miss = np.flatnonzero(~found)
            if miss.size:
                az_end, d_end = az_end.copy(), d_end.copy()
                az_end[miss], d_end[miss] = _inv(
                    self.vlon[v[miss]], self.vlat[v[miss]], tlon[pt[miss]], tlat[pt[miss]]
                )
            ends.append((d_end, az_end))
        (da, aza), (db, azb) = ends
        # Plane-triangle distance from the exact sides: within metres of the
        # true one for pieces this short; the margin covers that and the bend.
        length = self.length[pp]
        x = (da * da - db * db + length * length) / (2.0 * np.maximum(length, 1e-9))
        inside = (x > 0.0) & (x < length)
        h = np.where(inside, np.sqrt(np.maximum(da * da - x * x, 0.0)), np.minimum(da, db))
        uu = u[pt]
        margin = 3.0 * self.sag[pp] + 5.0 + 3.0 * uu * (length / _R_SPHERE) ** 2
        keep = np.flatnonzero(h - margin <= uu)
        pt, pp = pt[keep], pp[keep]
        rd, raz = _refine(
            self.vlon[self.start[pp]], self.vlat[self.start[pp]], self.dlon[pp], self.dlat[pp],
            tlon[pt], tlat[pt], da[keep], aza[keep], db[keep], azb[keep],
        )  # fmt: skip
        if pt.size:
            order = np.lexsort((rd, pt))
            order = order[np.r_[True, pt[order][1:] != pt[order][:-1]]]
            g, rd, raz = pt[order], rd[order], raz[order]
            better = rd < best_d[g]
            best_d[g[better]] = rd[better]
            best_az[g[better]] = raz[better]
        dist[todo] = best_d
        az[todo] = best_az
        return dist, az

    def farthest(self, lon, lat):
        """Exact distance to the farthest vertex: the farthest point of a short
        piece, and of a polygon, is a vertex."""
        nv = self.vlon.size
        out = np.empty(lon.size)
        block = max(1, _BLOCK // nv)
        for s in range(0, lon.size, block):
            m = lon[s : s + block].size
            _, d = _inv(
                np.tile(self.vlon, m),
                np.tile(self.vlat, m),
                np.repeat(lon[s : s + block], nv),
                np.repeat(lat[s : s + block], nv),
            )
            out[s : s + m] = d.reshape(m, nv).max(axis=1)
        return out


def _slope(plat, dlon, dlat, az):
    """Derivative of the distance to the target along a piece, and the piece's
    squared speed, at latitude ``plat`` (metres per unit of the parameter t)."""
    phi = np.radians(plat)
    s = np.sin(phi)
    w2 = 1.0 - _E2 * s * s
    w = np.sqrt(w2)
    east = np.radians(dlon) * (_A / w) * np.cos(phi)
    north = np.radians(dlat) * (_A * (1.0 - _E2) / (w2 * w))
    a = np.radians(az)
    return -(east * np.sin(a) + north * np.cos(a)), east * east + north * north


def _refine(alon, alat, dlon, dlat, tlon, tlat, da, aza, db, azb):
    """Closest point of pieces A + t (dlon, dlat), t in [0, 1], to targets.

    Returns the exact distance (m) and the azimuth from the closest point to
    the target.  A Newton step ``t - f f' / |P'|^2`` is exact on a plane; it
    is kept inside a bracket that bisection shrinks when a step leaves it.
    """
    best_d = np.where(da <= db, da, db)
    best_az = np.where(da <= db, aza, azb)
    ga, l2a = _slope(alat, dlon, dlat, aza)
    gb, _ = _slope(alat + dlat, dlon, dlat, azb)
    # Interior minimum iff the distance falls at A and rises at B.
    act = np.flatnonzero((ga < 0.0) & (gb > 0.0) & (da > 0.0) & (db > 0.0))
    if act.size == 0:
        return best_d, best_az
    lo = np.zeros(act.size)
    hi = np.ones(act.size)
    t = np.clip(-ga[act] * da[act] / l2a[act], 0.0, 1.0)
    t = np.where((t > 0.0) & (t < 1.0), t, 0.5)
    for _ in range(_MAX_NEWTON):
        alon_, alat_, dlon_, dlat_ = alon[act], alat[act], dlon[act], dlat[act]
        plat = alat_ + t * dlat_
        az, r = _inv(_wrap180(alon_ + t * dlon_), plat, tlon[act], tlat[act])
        # Later iterates win ties: near the foot the distance is flat to
        # rounding, but the position (and so the bearing) still improves.
        better = r <= best_d[act] + 1e-7
        best_d[act[better]] = r[better]
        best_az[act[better]] = az[better]
        g, l2 = _slope(plat, dlon_, dlat_, az)
        lo = np.where(g < 0.0, t, lo)
        hi = np.where(g > 0.0, t, hi)
        tn = t - g * r / l2
        out = ~((tn > lo) & (tn < hi))
        tn = np.where(out, (lo + hi) / 2.0, tn)
        speed = np.sqrt(l2)
        done = (
            (np.abs(tn - t) * speed < _FOOT_TOL_M)
            | ((hi - lo) * speed < _FOOT_TOL_M)
            | (r < 1e-6)
            | (g == 0.0)
        )
        keep = ~done
        if not keep.any():
            break
        act, t, lo, hi = act[keep], tn[keep], lo[keep], hi[keep]
    return best_d, best_az


def _components(geom: BaseGeometry, site: int) -> list:
    """Split a checked launch geometry into connected components."""
    out: list = []
    for part in geometry_parts(geom):
        if part.is_empty:
            continue
        kind = part.geom_type
        if kind == "Point":
            out.append(_PointComp(site, part.x, part.y))
        elif kind in ("LineString", "LinearRing"):
            xy = np.asarray(part.coords, dtype=float)[:, :2]
            if np.all(xy == xy[0]):
                out.append(_PointComp(site, *xy[0]))
            else:
                out.append(_AreaComp(site, [xy]))
        elif kind == "Polygon":
            rings = [
                np.asarray(r.coords, dtype=float)[:, :2] for r in (part.exterior, *part.interiors)
            ]
            rings = [r for r in rings if not np.all(r == r[0])]
            if not rings:
                out.append(_PointComp(site, *np.asarray(part.exterior.coords)[0, :2]))
            else:
                out.append(_AreaComp(site, rings, shapely.Polygon(part)))
    return out


def _parse_sites(launch_sites) -> tuple[list[str], list]:
    """Names and components of ``launch_sites``, checked."""
    if isinstance(launch_sites, BaseGeometry):
        items = [("launch", launch_sites)]
    elif isinstance(launch_sites, Mapping):
        items = list(launch_sites.items())
    elif isinstance(launch_sites, Iterable) and not isinstance(launch_sites, (str, bytes)):
        items = list(launch_sites)
    else:
        raise InputError(
            "launch_sites must be a sequence of (name, shapely geometry) pairs, "
            f"got {type(launch_sites).__name__}"
        )
    if not items:
        raise InputError("launch_sites is empty: give at least one (name, geometry) pair")
    names, comps = [], []
    for i, item in enumerate(items):
        try:
            name, geom = item
        except (TypeError, ValueError):
            raise InputError(
                f"launch_sites[{i}] must be a (name, shapely geometry) pair, got {item!r}"
            ) from None
        try:
            split_launch(geom)
        except GeometryError as exc:
            raise GeometryError(f"launch_sites[{i}] ({name!r}): {exc}") from None
        names.append(str(name))
        comps.extend(_components(geom, i))
    return names, comps


# --------------------------------------------------------------------------
# Targets
# --------------------------------------------------------------------------
def _check_xy(lon: np.ndarray, lat: np.ndarray, where) -> None:
    bad = ~(np.isfinite(lon) & np.isfinite(lat) & (np.abs(lat) <= 90.0) & (np.abs(lon) <= 180.0))
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise CoordinateError(
            f"{where(i)}: (lon {lon[i]}, lat {lat[i]}) is not a finite WGS84 coordinate "
            "within lon -180..180, lat -90..90"
        )


def _as_lonlat(lon, lat) -> tuple[np.ndarray, np.ndarray]:
    try:
        lon = np.atleast_1d(np.asarray(lon, dtype=float))
        lat = np.atleast_1d(np.asarray(lat, dtype=float))
    except (TypeError, ValueError):
        raise CoordinateError("lon and lat must be numbers or arrays of numbers") from None
    if lon.shape != lat.shape:
        raise CoordinateError(f"lon has shape {lon.shape} but lat has shape {lat.shape}")
    _check_xy(lon.ravel(), lat.ravel(), lambda i: f"target {i}")
    return lon, lat


def _frame_lonlat(df, arg: str) -> tuple[np.ndarray, np.ndarray]:
    """Longitudes and latitudes of a targets table: ``lon``/``lat`` columns, or
    the point geometries of a GeoDataFrame."""
    import pandas as pd

    if not isinstance(df, pd.DataFrame):
        raise InputError(f"{arg!r} should be a pandas DataFrame or GeoDataFrame, got {type(df)}")
    if "lon" in df.columns and "lat" in df.columns:
        try:
            lon = df["lon"].to_numpy(dtype=float)
            lat = df["lat"].to_numpy(dtype=float)
        except (TypeError, ValueError) as exc:
            raise CoordinateError(f"{arg}: columns 'lon'/'lat' must be numbers: {exc}") from None
    elif hasattr(df, "geometry") and "geometry" in df.columns:
        geoms = np.asarray(df.geometry.array, dtype=object)
        kinds = shapely.get_type_id(geoms)
        if len(geoms) and not (kinds == 0).all():
            raise InputError(f"{arg} has no 'lon'/'lat' columns and not all geometries are points")
        lon, lat = shapely.get_x(geoms), shapely.get_y(geoms)
    else:
        raise InputError(
            f"{arg} needs columns 'lon' and 'lat' (degrees, x = longitude), "
            f"got columns {list(df.columns)}"
        )

    def where(i):
        label = df.index[i]
        name = df["name"].iloc[i] if "name" in df.columns else None
        return f"{arg} row {label!r}" + (f" ({name!r})" if name is not None else "")

    _check_xy(lon, lat, where)
    return lon, lat


def nearest_launch(launch_sites, lon, lat) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Exact geodesic distance from each target to the nearest launch site.

    Parameters
    ----------
    launch_sites : sequence of (name, shapely geometry), or a mapping name -> geometry
        Launch positions in WGS84 longitude, latitude: points, lines (a front
        line, a road) or polygons (a launch area); lines and polygon edges are
        straight in lon/lat, as in :func:`ranges.geodesy.reach`.
    lon, lat : float or array-like
        Targets, longitude and latitude in degrees (same shape).

    Returns
    -------
    distance_km : ndarray
        Geodesic distance on WGS84 in kilometres to the nearest point of the
        nearest site; 0 inside a launch polygon.  Exact to a millimetre, for
        lines and polygons too.
    site_index : ndarray of int
        Position of that site in ``launch_sites``.
    bearing_deg : ndarray
        Initial azimuth of the geodesic from the site's nearest point to the
        target, degrees clockwise from north in [0, 360); NaN where the
        distance is 0.

    Raises
    ------
    ranges.errors.InputError
        ``launch_sites`` is empty or not made of (name, geometry) pairs.
    ranges.errors.GeometryError
        A launch geometry is empty or has coordinates out of range.
    ranges.errors.CoordinateError
        A target is not a finite coordinate within ±180° / ±90°.

    Examples
    --------
    >>> from shapely.geometry import Point
    >>> sites = [("Sumy", Point(34.7981, 50.9077)), ("Kharkiv", Point(36.2304, 49.9935))]
    >>> d, i, az = nearest_launch(sites, [36.1873], [51.7373])  # Kursk
    >>> round(float(d[0]), 2), int(i[0]), round(float(az[0]))
    (133.77, 0, 46)
    """
    names, comps = _parse_sites(launch_sites)
    lon, lat = _as_lonlat(lon, lat)
    shape = lon.shape
    lon, lat = lon.ravel(), lat.ravel()
    best = np.full(lon.size, np.inf)
    site = np.zeros(lon.size, dtype=int)
    az = np.full(lon.size, np.nan)
    for comp in comps:
        d, a = comp.distance(lon, lat)
        upd = d < best
        best[upd], site[upd], az[upd] = d[upd], comp.site, a[upd]
    az[best == 0.0] = np.nan
    return (best / 1000.0).reshape(shape), site.reshape(shape), az.reshape(shape)


def targets_in_range(
    launch_sites,
    targets: pd.DataFrame,
    max_km: float,
    *,
    min_km: float = 0.0,
    include_all: bool = False,
) -> pd.DataFrame:
    """Targets a weapon can reach from the launch sites, nearest first.

    A target is in range when some launch position is at a geodesic distance
    ``d`` with ``min_km <= d <= max_km``.  For a point site that is its own
    distance; a line or polygon site reaches every distance between its
    nearest and its farthest point, so a target too close to one end of a
    launch area can still be in range from its other end.  The test uses the
    exact WGS84 distance, never the vertices of a drawn polygon.

    Parameters
    ----------
    launch_sites : sequence of (name, shapely geometry), or a mapping name -> geometry
        See :func:`nearest_launch`.
    targets : pandas.DataFrame or geopandas.GeoDataFrame
        One row per target with columns ``lon`` and ``lat`` (degrees) or, for
        a GeoDataFrame, point geometries.  Other columns (``name``,
        ``population``...) and the index are kept.
    max_km : float
        Maximum range in kilometres, > 0 and at most half the Earth's
        meridional circumference (the rule of :func:`ranges.geodesy.check_ranges`).
    min_km : float, default 0
        Minimum range in kilometres, smaller than ``max_km``.
    include_all : bool, default False
        Return every target (with ``in_range`` False for those out of reach)
        instead of only those in range.  Slower: out-of-reach targets then need
        exact distances too.

    Returns
    -------
    pandas.DataFrame
        ``targets``' rows (same type) sorted by ``distance_km``, with columns

        - ``distance_km``: geodesic distance to the nearest site that reaches
          the target (to the nearest site at all when none does);
        - ``launch``: that site's name;
        - ``bearing_deg``: initial azimuth from the site's nearest point to the
          target, clockwise from north in [0, 360) (NaN at distance 0);
        - ``in_range``: bool.

        With ``min_km`` > 0 and an area site, ``distance_km`` is that of the
        area's nearest point and can be below ``min_km`` when a farther part
        of the area reaches the target.

    Raises
    ------
    ranges.errors.InputError
        Bad ranges, launch sites or targets table.
    ranges.errors.CoordinateError
        A target coordinate is missing or out of range (the row is named).

    Examples
    --------
    >>> import pandas as pd
    >>> from shapely.geometry import Point
    >>> towns = pd.DataFrame({"name": ["Kursk", "Voronezh"],
    ...                       "lon": [36.1873, 39.2003], "lat": [51.7373, 51.6720]})
    >>> df = targets_in_range([("Sumy", Point(34.7981, 50.9077))], towns, 300)
    >>> df[["name", "launch"]].to_dict("records")
    [{'name': 'Kursk', 'launch': 'Sumy'}]
    """
    lon, lat = _frame_lonlat(targets, "targets")
    rows, dist_km, launch, az, in_range = in_range_rows(
        launch_sites, lon, lat, max_km, min_km=min_km, include_all=include_all
    )
    out = targets.iloc[rows].copy()
    out["distance_km"] = dist_km
    out["launch"] = launch if len(lon) else []
    out["bearing_deg"] = az
    out["in_range"] = in_range
    return out


def in_range_rows(
    launch_sites, lon, lat, max_km: float, *, min_km: float = 0.0, include_all: bool = False
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The engine of :func:`targets_in_range` on plain arrays (no pandas).

    ``lon``, ``lat`` are 1-D float arrays of targets, already checked.
    Returns ``(rows, distance_km, launch, bearing_deg, in_range)``: the
    positions of the targets to list, nearest first (every target with
    ``include_all``), and for each of them the distance, the launch site's
    name (object array), the bearing and whether it is in range; see
    :func:`targets_in_range` for their meaning."""
    names, comps = _parse_sites(launch_sites)
    # No boundary is drawn here, so there is no tolerance to check.
    max_km, min_km, _ = check_ranges(max_km, min_km, None)
    max_m, min_m = max_km * 1000.0, min_km * 1000.0
    n = lon.size

    reach_d = np.full(n, np.inf)  # nearest site that reaches the target
    reach_site = np.full(n, -1)
    reach_az = np.full(n, np.nan)
    near_d = np.full(n, np.inf)  # nearest site at all (only with include_all)
    near_site = np.zeros(n, dtype=int)
    near_az = np.full(n, np.nan)
    for comp in comps:
        if include_all:
            idx = np.arange(n)
        else:
            idx = np.flatnonzero(comp.box(max_m).mask(lon, lat))
        if idx.size == 0:
            continue
        d, az = comp.distance(lon[idx], lat[idx])
        ok = (d <= max_m) & (d >= min_m)
        if min_m > 0.0 and isinstance(comp, _AreaComp):
            need = np.flatnonzero((d <= max_m) & (d < min_m))
            if need.size:
                ok[need] = comp.farthest(lon[idx[need]], lat[idx[need]]) >= min_m
        upd = ok & (d < reach_d[idx])
        j = idx[upd]
        reach_d[j], reach_site[j], reach_az[j] = d[upd], comp.site, az[upd]
        if include_all:
            upd = d < near_d[idx]
            j = idx[upd]
            near_d[j], near_site[j], near_az[j] = d[upd], comp.site, az[upd]

    in_range = reach_site >= 0
    dist = np.where(in_range, reach_d, near_d)
    site = np.where(in_range, reach_site, near_site)
    az = np.where(in_range, reach_az, near_az)
    az[dist == 0.0] = np.nan
    rows = np.arange(n) if include_all else np.flatnonzero(in_range)
    rows = rows[np.argsort(dist[rows], kind="stable")]
    launch = np.asarray(names, dtype=object)[site[rows]]
    return rows, dist[rows] / 1000.0, launch, az[rows], in_range[rows]


# --------------------------------------------------------------------------
# Regions
# --------------------------------------------------------------------------
def _polygonal(geom) -> list:
    return [p for p in geometry_parts(geom) if p.geom_type == "Polygon" and not p.is_empty]


def _area_km2(geom) -> float:
    """Geodesic area (km²) of the polygonal parts of ``geom``, edges straight in lon/lat."""
    total = 0.0
    for poly in _polygonal(geom):
        poly = shapely.segmentize(poly, _AREA_SEGMENT_DEG)
        # ring by ring on coordinate arrays: the same sums as
        # Geod.geometry_area_perimeter, without its slow per-ring `.xy` copies
        for k, ring in enumerate((poly.exterior, *poly.interiors)):
            xy = shapely.get_coordinates(ring)
            ring_m2 = abs(GEOD.polygon_area_perimeter(xy[:, 0], xy[:, 1])[0])
            total += ring_m2 if k == 0 else -ring_m2
    return total / 1e6


@functools.lru_cache(maxsize=4096)
def _region_km2(geom) -> float:
    """:func:`_area_km2` of a region, remembered: a reach area meets the same
    regions again and again.  Shapely geometries are immutable and hash and
    compare by their exact coordinates, so an edited region is a new key."""
    return _area_km2(geom)


def _check_area(area, arg: str = "area"):
    if not isinstance(area, BaseGeometry):
        raise GeometryError(f"{arg!r} should be a shapely (Multi)Polygon, got {type(area)}")
    if not area.is_empty and not _polygonal(area):
        raise GeometryError(f"{arg!r} should be a (Multi)Polygon, got {area.geom_type}")
    return area


_REGION_COLUMNS = ("region_id", "name_en", "name_uk", "country", "status")


def region_coverage(area, regions, *, min_pct: float = 0.0, region_km2=None) -> pd.DataFrame:
    """How much of each region a reach area covers, by geodesic area.

    Parameters
    ----------
    area : shapely Polygon or MultiPolygon
        Area in WGS84 lon/lat, typically from :func:`ranges.geodesy.reach`.
    regions : geopandas.GeoDataFrame
        Region polygons with columns ``region_id``, ``name_en``, ``name_uk``,
        ``country``, ``status`` and, optionally, ``type`` (the ``regions``
        layer of :func:`ranges.geodata.load_geodata`).
    min_pct : float, default 0
        Leave out regions covered less than this percentage.
    region_km2 : array-like, optional
        Every region's geodesic area in km², in ``regions``' order, computed
        beforehand (the shipped layer's are in ``data/targets.npz``); by
        default computed here (and remembered per polygon).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COVERAGE_COLUMNS`: ``region_id``, ``region`` (English
        name), ``name_uk``, ``country``, ``status``, ``type`` (``oblast``,
        ``city``, ``federal city``...; empty when ``regions`` has no
        ``type``), ``covered_km2``, ``region_km2``, ``covered_pct`` (0-100).  Only regions the area
        overlaps (positive covered area), largest covered area first.  Areas
        are geodesic on WGS84 (:meth:`pyproj.Geod.geometry_area_perimeter`),
        with polygon edges straight in lon/lat.

    Examples
    --------
    >>> from shapely.geometry import Point
    >>> from ranges.geodata import load_geodata
    >>> from ranges.geodesy import reach
    >>> cov = region_coverage(reach(Point(34.7981, 50.9077), 300), load_geodata().regions)
    >>> float(cov.set_index("region_id").loc["RU-KRS", "covered_pct"])
    100.0
    """
    import pandas as pd

    area = _check_area(area)
    if not isinstance(regions, pd.DataFrame) or not hasattr(regions, "sindex"):
        raise InputError(f"'regions' should be a GeoDataFrame, got {type(regions)}")
    missing = [c for c in _REGION_COLUMNS if c not in regions.columns]
    if missing:
        raise InputError(
            f"'regions' lacks column(s) {', '.join(missing)}; expected {', '.join(_REGION_COLUMNS)}"
        )
    if isinstance(min_pct, bool) or not isinstance(min_pct, (int, float, np.number)):
        raise InputError(f"min_pct must be a number, got {min_pct!r}")
    empty = pd.DataFrame(
        {
            c: pd.Series(dtype=float if c.endswith(("km2", "pct")) else object)
            for c in COVERAGE_COLUMNS
        }
    )
    if area.is_empty or len(regions) == 0:
        return empty
    rows, covered, total, pct = coverage_rows(
        area, np.asarray(regions.geometry.array, dtype=object),
        regions["region_id"].to_numpy(dtype=object), regions.sindex, min_pct=min_pct,
        region_km2=region_km2,
    )  # fmt: skip
    if rows.size == 0:
        return empty
    rows = regions.iloc[rows]
    return pd.DataFrame({
        "region_id": rows["region_id"].to_numpy(),
        "region": rows["name_en"].to_numpy(),
        "name_uk": rows["name_uk"].to_numpy(),
        "country": rows["country"].to_numpy(),
        "status": rows["status"].to_numpy(),
        "type": rows["type"].to_numpy() if "type" in rows.columns else np.full(len(rows), ""),
        "covered_km2": covered,
        "region_km2": total,
        "covered_pct": pct,
    })  # fmt: skip


def coverage_rows(
    area, geoms: np.ndarray, region_ids: np.ndarray, tree, *, min_pct=0.0, region_km2=None
):
    """The engine of :func:`region_coverage` on plain arrays (no pandas).

    ``geoms`` and ``region_ids`` are the regions' polygons and ids, ``tree``
    a spatial index over ``geoms`` with a shapely ``STRtree``-like
    ``query(geometry, predicate=...)`` (a GeoDataFrame's ``sindex`` or a
    ``shapely.STRtree``); ``area`` is checked and not empty.  Returns
    ``(rows, covered_km2, region_km2, covered_pct)``: the positions of the
    regions covered, largest covered area first (ties by region id), and
    their areas and percentage.  ``region_km2``, if given, holds every
    region's :func:`_area_km2`, computed beforehand (the CLI's index)."""
    shapely.prepare(area)
    cand = np.asarray(tree.query(area, predicate="intersects"), dtype=int)
    if cand.size == 0:
        empty = np.empty(0)
        return np.empty(0, dtype=int), empty, empty, empty
    geoms = geoms[cand]
    pieces = shapely.intersection(geoms, area)
    covered = np.array([_area_km2(g) for g in pieces])
    if region_km2 is None:
        total = np.array([_region_km2(g) for g in geoms])
    else:
        total = np.asarray(region_km2, dtype=float)[cand]
    pct = np.where(
        total > 0, np.minimum(100.0 * covered / np.where(total > 0, total, 1.0), 100.0), 0.0
    )
    keep = np.flatnonzero((covered > 0.0) & (pct >= float(min_pct)))
    cand, covered, total, pct = cand[keep], covered[keep], total[keep], pct[keep]
    # Rounding of a fully covered region's area is never shown as 99.99 %.
    pct[np.isclose(covered, total, rtol=1e-9)] = 100.0
    # largest covered area first, ties by region id (both stable)
    order = np.lexsort((region_ids[cand].astype(str), -covered))
    return cand[order], covered[order], total[order], pct[order]


# --------------------------------------------------------------------------
# Authorization overlay
# --------------------------------------------------------------------------
def _as_geometry(allowed, arg: str):
    if isinstance(allowed, BaseGeometry):
        geom = allowed
    elif hasattr(allowed, "geometry") and hasattr(allowed.geometry, "union_all"):
        geom = allowed.geometry.union_all()  # GeoDataFrame
    elif hasattr(allowed, "union_all"):
        geom = allowed.union_all()  # GeoSeries
    else:
        raise GeometryError(
            f"{arg!r} should be a shapely geometry, GeoSeries or GeoDataFrame, got {type(allowed)}"
        )
    if geom is None:
        return shapely.Polygon()
    return _check_area(geom, arg)


def allowed_area(regions, region_ids: Iterable[str]):
    """Union of the regions where strikes are authorized.

    Parameters
    ----------
    regions : geopandas.GeoDataFrame
        Regions layer with a ``region_id`` column.
    region_ids : iterable of str
        E.g. ``["RU-KRS"]`` for the November 2024 ATACMS authorization.

    Raises
    ------
    ranges.errors.UnknownNameError
        A region id is not in ``regions`` (close ids are suggested).
    """
    ids = [region_ids] if isinstance(region_ids, str) else list(region_ids)
    known = set(regions["region_id"])
    for rid in ids:
        if rid not in known:
            close = difflib.get_close_matches(str(rid), sorted(known), n=5)
            raise UnknownNameError(f"region_id {rid!r} is not in the regions layer", close)
    if not ids:
        return shapely.Polygon()
    return shapely.union_all(
        np.asarray(regions.geometry.array, dtype=object)[regions["region_id"].isin(ids).to_numpy()]
    )


def split_by_authorization(df_or_points, allowed_regions_geom) -> pd.DataFrame:
    """Mark which targets lie in the area where strikes are authorized.

    Parameters
    ----------
    df_or_points : pandas.DataFrame, or array-like of (lon, lat), or sequence of Points
        Targets, typically from :func:`targets_in_range`: ``lon``/``lat``
        columns or point geometries.
    allowed_regions_geom : shapely geometry, GeoSeries or GeoDataFrame
        Where strikes are allowed, e.g. :func:`allowed_area` of ``["RU-KRS"]``.
        A target on its border counts as inside.

    Returns
    -------
    pandas.DataFrame
        A copy with a bool column ``authorized`` and a text column
        ``authorization``: :data:`AUTHORIZED_LABEL` ("allowed and in range"),
        :data:`NOT_AUTHORIZED_LABEL` ("in range, not allowed") or, where an
        ``in_range`` column is False, :data:`OUT_OF_RANGE_LABEL`.  Rows
        without ``in_range`` are taken as in range.  Points given as an
        array become a frame with columns ``lon``, ``lat``.
    """
    import pandas as pd

    allowed = _as_geometry(allowed_regions_geom, "allowed_regions_geom")
    if isinstance(df_or_points, pd.DataFrame):
        df = df_or_points.copy()
        lon, lat = _frame_lonlat(df, "df_or_points")
    else:
        items = list(df_or_points)
        if items and all(isinstance(p, BaseGeometry) for p in items):
            if not all(p.geom_type == "Point" for p in items):
                raise GeometryError("df_or_points: every geometry must be a Point")
            xy = np.array([(p.x, p.y) for p in items], dtype=float).reshape(-1, 2)
        else:
            try:
                xy = np.asarray(items, dtype=float).reshape(-1, 2)
            except (TypeError, ValueError):
                raise InputError(
                    "df_or_points should be a DataFrame, (lon, lat) pairs or shapely Points"
                ) from None
        df = pd.DataFrame({"lon": xy[:, 0], "lat": xy[:, 1]})
        lon, lat = _frame_lonlat(df, "df_or_points")
    if allowed.is_empty or len(df) == 0:
        authorized = np.zeros(len(df), dtype=bool)
    else:
        shapely.prepare(allowed)
        authorized = shapely.intersects_xy(allowed, lon, lat)
    df["authorized"] = authorized
    label = np.where(authorized, AUTHORIZED_LABEL, NOT_AUTHORIZED_LABEL).astype(object)
    if "in_range" in df.columns:
        label = np.where(df["in_range"].to_numpy(dtype=bool), label, OUT_OF_RANGE_LABEL)
    df["authorization"] = label
    return df


def coverage_by_authorization(area, allowed_geom) -> dict[str, float]:
    """Split a reach area into the part where strikes are allowed and the rest.

    Parameters
    ----------
    area : shapely Polygon or MultiPolygon
        Reach area in WGS84 lon/lat.
    allowed_geom : shapely geometry, GeoSeries or GeoDataFrame
        Where strikes are allowed (see :func:`allowed_area`).

    Returns
    -------
    dict
        ``allowed_km2`` and ``not_allowed_km2``: geodesic areas in km² of the
        reach area inside and outside ``allowed_geom``; they add up to the
        area of ``area``.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> cov = coverage_by_authorization(box(34, 50, 36, 52), box(35, 50, 36, 52))
    >>> round(cov["allowed_km2"]), round(cov["not_allowed_km2"])
    (15618, 15618)
    """
    area = _check_area(area)
    allowed = _as_geometry(allowed_geom, "allowed_geom")
    if area.is_empty:
        return {"allowed_km2": 0.0, "not_allowed_km2": 0.0}
    if allowed.is_empty:
        return {"allowed_km2": 0.0, "not_allowed_km2": _area_km2(area)}
    inside = shapely.intersection(area, allowed)
    outside = shapely.difference(area, allowed)
    return {"allowed_km2": _area_km2(inside), "not_allowed_km2": _area_km2(outside)}
