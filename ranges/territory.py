"""Who holds the ground in Ukraine on a date: occupied and Ukrainian-held territory.

The occupied area comes from DeepStateMap.Live, one dissolved MultiPolygon of
Russian-occupied Ukraine (Crimea, the areas held before 2022 and those taken
since) per day, collected by github.com/cyterat/deepstate-map-data (GNU GPL
v3) and stored losslessly in ``data/occupied.bin`` by
``scripts/build_territory.py`` (see ``data/README.md``).  A date between two
snapshots uses the latest snapshot on or before it, and everything returned
names that snapshot's date.  Ukrainian-held ground inside Russia (the Kursk
incursion, August 2024 to March 2025) and grey zones are **not** in the source:
grey zones count as held here.

Ukrainian-held territory is Ukraine (Natural Earth, ``countries`` layer, Crimea
included) minus the occupied area, without the *slivers* that the two sources'
different coastlines and borders leave between them (see :func:`held`).

Coordinates are WGS84 longitude, latitude (x, y); areas are geodesic on the
WGS84 ellipsoid (:meth:`pyproj.Geod.geometry_area_perimeter`).  Nothing here
imports Streamlit; results are cached per snapshot date.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import json
import lzma
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import MultiLineString, MultiPolygon

from .errors import DataError, InputError
from .geodata import DEFAULT_DATA_DIR
from .geodesy import GEOD

__all__ = [
    "TERRITORY_LABELS",
    "HELD",
    "OCCUPIED",
    "RUSSIA",
    "BELARUS",
    "OTHER",
    "SOURCE",
    "HELD_SOURCE",
    "CAVEAT",
    "DATA_FILE",
    "TerritoryDateError",
    "Snapshot",
    "parse_date",
    "coverage",
    "snapshot_dates",
    "snapshot_date",
    "latest",
    "data_info",
    "source_areas_km2",
    "occupied",
    "held",
    "front_line",
    "classify",
    "territory_features",
    "territory_table",
    "geodesic_area_km2",
    "clear_cache",
]

#: Territory labels, in the order tables and legends list them.
TERRITORY_LABELS = ("Ukraine (held)", "Ukraine (occupied)", "Russia", "Belarus", "other")
HELD, OCCUPIED, RUSSIA, BELARUS, OTHER = TERRITORY_LABELS

#: Who made the occupied-territory polygons, as credits name it.
SOURCE = "DeepStateMap via cyterat/deepstate-map-data"
#: Where held territory comes from.
HELD_SOURCE = "Natural Earth (Ukraine) minus DeepStateMap via cyterat/deepstate-map-data"
#: What the source leaves out; print it wherever held territory matters.
CAVEAT = (
    "Occupied territory per DeepStateMap; grey zones count as held, and "
    "Ukrainian-held ground inside Russia is not shown."
)

DATA_FILE = "occupied.bin"
LICENSE_FILE = "occupied.LICENSE.txt"
FORMAT = "strike-range occupied territory 1"
MAGIC = b"strike-range/occupied/1\n\0"

#: A point outside every country polygon takes the nearest country within this
#: distance (points just off a coast simplified to 1 km).
COUNTRY_SNAP_KM = 5.0
#: A piece of Ukraine-minus-occupied that is cut off from the main held area,
#: touches the occupied area and is nowhere wider than twice this radius is a
#: sliver between the two sources' coastlines or borders, not held ground.
#: The widest such sliver on any date is ~2.0 km in radius (a strip along the
#: Donetsk-Rostov border); real held ground is far wider.
SLIVER_MAX_RADIUS_M = 3000.0
# Equal-area projection of the theatre (as scripts/build_data.py uses), for
# widths and near-coast distances of a few km, where its scale error
# (< 2 % within 2,500 km of 52N 35E) does not matter.
_LAEA = "+proj=laea +lat_0=52 +lon_0=35 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_RULE = "write YYYY-MM-DD, e.g. 2024-11-17"


class TerritoryDateError(InputError):
    """A date the occupied-territory data do not cover.

    ``day``, ``first``, ``last`` and ``nearest`` (the covered date closest to
    ``day``) are attributes, so a dashboard can offer the nearest date.
    """

    def __init__(self, day: datetime.date, first: datetime.date, last: datetime.date,
                 where: str = "as_of"):  # fmt: skip
        self.day, self.first, self.last = day, first, last
        self.nearest = first if day < first else last
        super().__init__(
            f"{where} {day.isoformat()}: occupied-territory data covers "
            f"{first.isoformat()} to {last.isoformat()}"
        )


@dataclass(frozen=True)
class Snapshot:
    """One territory on one date.

    Attributes
    ----------
    as_of : datetime.date
        The date asked for.
    snapshot_date : datetime.date
        The date of the snapshot used: the latest on or before ``as_of``.
    geometry : shapely.MultiPolygon
        Longitude/latitude (WGS84).
    source : str
        Who made the data (:data:`SOURCE`, or :data:`HELD_SOURCE` for held territory).
    territory : str
        :data:`OCCUPIED` or :data:`HELD`.
    """

    as_of: datetime.date
    snapshot_date: datetime.date
    geometry: MultiPolygon
    source: str = SOURCE
    territory: str = OCCUPIED

    @property
    def credit(self) -> str:
        """The credit line exports print, e.g. ``Occupied territory: DeepStateMap, as of
        2024-11-17``."""
        return f"Occupied territory: DeepStateMap, as of {self.snapshot_date.isoformat()}"


# --------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------
def parse_date(text: str | datetime.date, where: str = "as_of") -> datetime.date:
    """A date from ISO ``YYYY-MM-DD`` text (or a date, returned as is).

    Raises
    ------
    InputError
        Naming ``where``, the value and the rule.

    Examples
    --------
    >>> parse_date("2024-11-17")
    datetime.date(2024, 11, 17)
    """
    if isinstance(text, datetime.datetime):
        return text.date()
    if isinstance(text, datetime.date):
        return text
    if not isinstance(text, str) or not _ISO_DATE.fullmatch(text.strip()):
        raise InputError(f"{where}: {text!r} is not a date; {_DATE_RULE}")
    try:
        return datetime.date.fromisoformat(text.strip())
    except ValueError as exc:
        raise InputError(
            f"{where}: {text!r} is not a calendar date ({exc}); {_DATE_RULE}"
        ) from None


@dataclass(frozen=True, eq=False)  # hashed by identity: a cache key per file version
class _Index:
    path: Path
    dates: tuple[datetime.date, ...]
    header: dict
    data_start: int


def _path(data_dir) -> Path:
    return (DEFAULT_DATA_DIR if data_dir is None else Path(data_dir)) / DATA_FILE


def _index(data_dir=None) -> _Index:
    path = _path(data_dir)
    try:
        st = path.stat()
    except OSError:
        raise DataError(
            f"data file {path} is missing; rebuild it with 'python scripts/build_territory.py' "
            "(see data/README.md)"
        ) from None
    # The file's size and time are in the key, so a rebuilt file is re-read.
    return _read_index(str(path.resolve()), st.st_mtime_ns, st.st_size)


@functools.lru_cache(maxsize=4)
def _read_index(path: str, _mtime: int, _size: int) -> _Index:
    with open(path, "rb") as f:
        magic = f.read(len(MAGIC))
        n = int.from_bytes(f.read(4), "little")
        raw = f.read(n)
    try:
        if magic != MAGIC or len(raw) != n:
            raise ValueError("not an occupied-territory file")
        header = json.loads(raw)
        if header.get("format") != FORMAT:
            raise ValueError(f"format {header.get('format')!r}, expected {FORMAT!r}")
        dates = tuple(datetime.date.fromisoformat(d) for d in header["dates"])
    except (ValueError, KeyError, TypeError) as exc:
        raise DataError(f"{path}: cannot read the header: {exc}") from None
    return _Index(Path(path), dates, header, len(MAGIC) + 4 + n)


def snapshot_dates(data_dir=None) -> tuple[datetime.date, ...]:
    """Dates of all stored snapshots, oldest first."""
    return _index(data_dir).dates


def coverage(data_dir=None) -> tuple[datetime.date, datetime.date]:
    """First and newest snapshot dates: every date between them is answerable."""
    dates = _index(data_dir).dates
    return dates[0], dates[-1]


def latest(data_dir=None) -> datetime.date:
    """The newest snapshot's date (what a scenario without a date describes)."""
    return _index(data_dir).dates[-1]


def __getattr__(name: str):
    # DEFAULT_AS_OF reads the data file, so only when first asked for.
    if name == "DEFAULT_AS_OF":
        return latest()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def snapshot_date(as_of: str | datetime.date, data_dir=None, where: str = "as_of"
                  ) -> datetime.date:  # fmt: skip
    """The latest snapshot date on or before ``as_of``.

    Raises
    ------
    InputError
        If ``as_of`` is not a date.
    TerritoryDateError
        If ``as_of`` is before the first snapshot or after the newest.

    Examples
    --------
    >>> snapshot_date("2025-01-01")  # no snapshot for 1 January 2025
    datetime.date(2024, 12, 31)
    """
    day = parse_date(as_of, where)
    dates = _index(data_dir).dates
    if not dates[0] <= day <= dates[-1]:
        raise TerritoryDateError(day, dates[0], dates[-1], where)
    return dates[bisect.bisect_right(dates, day) - 1]


def data_info(data_dir=None) -> dict:
    """Where the stored snapshots come from and how faithfully they are stored.

    Returns
    -------
    dict
        ``source`` (name, repository, commit, licence, sha256 of the input
        files) and ``stats`` (snapshot count, first and last date, vertices,
        ``worst_area_error_pct`` and its date, byte counts) as the build
        recorded them.
    """
    header = _index(data_dir).header
    return json.loads(json.dumps({"source": header["source"], "stats": header.get("stats", {})}))


def source_areas_km2(data_dir=None) -> dict[datetime.date, float]:
    """Geodesic area (km²) of each date's *source* polygon, as the build measured it."""
    idx = _index(data_dir)
    return dict(zip(idx.dates, idx.header["source_area_km2"], strict=True))


# --------------------------------------------------------------------------
# Geometry
# --------------------------------------------------------------------------
def geodesic_area_km2(geom) -> float:
    """Geodesic area in km² of a (Multi)Polygon in lon/lat, edges as geodesics.

    The value of :meth:`pyproj.Geod.geometry_area_perimeter` (WGS84) on the
    geometry with its rings oriented (that method adds each ring's signed
    area, so a hole counts as negative only when it runs clockwise).

    Examples
    --------
    >>> round(geodesic_area_km2(shapely.box(30, 50, 31, 51)), 1)
    7892.1
    """
    # The same sum, ring by ring on coordinate arrays: ~5x faster without that
    # method's per-ring ``.xy`` copies.
    polygons = shapely.get_parts(shapely.orient_polygons(geom, exterior_cw=False))
    polygons = polygons[shapely.get_type_id(polygons) == shapely.GeometryType.POLYGON]
    rings = shapely.get_rings(polygons)
    total = 0.0
    for ring in rings:
        xy = shapely.get_coordinates(ring)
        total += GEOD.polygon_area_perimeter(xy[:, 0], xy[:, 1])[0]
    return abs(total) / 1e6


@functools.lru_cache(maxsize=2)
def _block(idx: _Index, b: int) -> np.ndarray:
    offset, length = idx.header["blocks"][b]
    with open(idx.path, "rb") as f:
        f.seek(idx.data_start + offset)
        blob = f.read(length)
    try:
        return np.frombuffer(lzma.decompress(blob), dtype="<i4")
    except lzma.LZMAError as exc:
        raise DataError(f"{idx.path}: block {b} is damaged: {exc}") from None


@functools.lru_cache(maxsize=64)
def _occupied_geometry(idx: _Index, k: int) -> MultiPolygon:
    size = idx.header["block_size"]
    arr = _block(idx, k // size)
    pos = 0
    for _ in range(k % size):  # skip the block's earlier snapshots
        n_poly, n_ring, n_xy = (int(v) for v in arr[pos : pos + 3])
        pos += 3 + n_poly + n_ring + 2 * n_xy
    n_poly, n_ring, n_xy = (int(v) for v in arr[pos : pos + 3])
    pos += 3
    rings_per_poly = arr[pos : pos + n_poly]
    xy_per_ring = arr[pos + n_poly : pos + n_poly + n_ring]
    pos += n_poly + n_ring
    deltas = arr[pos : pos + 2 * n_xy].astype(np.int64).reshape(-1, 2)
    # Integer division by the scale is correctly rounded: the same double as
    # the source's decimal text.
    xy = np.cumsum(deltas, axis=0) / idx.header["scale"]
    offsets = (
        np.concatenate([[0], np.cumsum(xy_per_ring)]),
        np.concatenate([[0], np.cumsum(rings_per_poly)]),
        np.array([0, n_poly]),
    )
    geom = shapely.from_ragged_array(shapely.GeometryType.MULTIPOLYGON, xy, offsets)[0]
    shapely.prepare(geom)
    return geom


def occupied(as_of: str | datetime.date, data_dir=None) -> Snapshot:
    """Russian-occupied territory of Ukraine on ``as_of`` (DeepStateMap).

    Parameters
    ----------
    as_of : str or datetime.date
        ISO date; the latest snapshot on or before it is used.
    data_dir : path, optional
        Folder holding ``occupied.bin`` (default: the project's ``data/``).

    Returns
    -------
    Snapshot
        The source polygon as published (it includes bits of sea and of
        Russia along the coast and border, where the source draws them).

    Examples
    --------
    >>> snap = occupied("2024-11-17")
    >>> snap.snapshot_date.isoformat(), round(geodesic_area_km2(snap.geometry), -3)
    ('2024-11-17', 111000.0)
    """
    day = parse_date(as_of)
    snap = snapshot_date(day, data_dir)
    idx = _index(data_dir)
    return Snapshot(day, snap, _occupied_geometry(idx, bisect.bisect_left(idx.dates, snap)))


def _ukraine(geodata):
    rows = geodata.countries.loc[geodata.countries["iso_a3"] == "UKR", "geometry"]
    if rows.empty:
        raise DataError(f"{geodata.data_dir}: countries layer has no row with iso_a3 'UKR'")
    return shapely.union_all(rows.to_numpy())


@functools.lru_cache(maxsize=1)
def _to_laea() -> Transformer:
    return Transformer.from_crs("EPSG:4326", _LAEA, always_xy=True)


def _laea(geom):
    fwd = _to_laea()
    return shapely.transform(geom, lambda xy: np.column_stack(fwd.transform(xy[:, 0], xy[:, 1])))


@functools.lru_cache(maxsize=16)
def _held_split(idx: _Index, k: int, geodata) -> tuple[MultiPolygon, MultiPolygon]:
    """(held territory, slivers) of Ukraine minus snapshot ``k``."""
    occ = _occupied_geometry(idx, k)
    parts = shapely.get_parts(shapely.difference(_ukraine(geodata), occ))
    parts = parts[shapely.get_type_id(parts) == shapely.GeometryType.POLYGON]
    keep = np.ones(len(parts), dtype=bool)
    if len(parts):
        projected = _laea(parts)
        main = int(np.argmax(shapely.area(projected)))
        # "Touches" allows 1e-7 degree (the storage quantum, ~1 cm): the
        # overlay can leave a sliver's edge a hair off the occupied boundary.
        for i in np.flatnonzero(shapely.dwithin(parts, occ, 1e-7)):
            if i != main:
                circle = shapely.maximum_inscribed_circle(projected[i], 10.0)
                keep[i] = shapely.length(circle) > SLIVER_MAX_RADIUS_M
    held_geom = MultiPolygon(list(parts[keep]))
    slivers = MultiPolygon(list(parts[~keep]))
    shapely.prepare(held_geom)
    shapely.prepare(slivers)
    return held_geom, slivers


def held(as_of: str | datetime.date, geodata, data_dir=None) -> Snapshot:
    """Ukrainian-held territory on ``as_of``: Ukraine minus the occupied area.

    Ukraine is ``geodata.countries``' ``UKR`` polygon (Natural Earth, Crimea
    included).  Where its coast or border and the occupied polygon's are
    drawn differently, Ukraine minus occupied leaves thin slivers along the
    occupied coast and the Russian border; a piece cut off from the main held
    area that touches the occupied area and is nowhere wider than
    2 × :data:`SLIVER_MAX_RADIUS_M` is such a sliver and is left out.  Grey
    zones count as held (the source does not mark them).

    Examples
    --------
    >>> from ranges.geodata import load_geodata
    >>> held("2024-11-17", load_geodata()).territory
    'Ukraine (held)'
    """
    snap = occupied(as_of, data_dir)
    geom = _held_split(*_key(snap, data_dir), geodata)[0]
    return Snapshot(snap.as_of, snap.snapshot_date, geom, source=HELD_SOURCE, territory=HELD)


def _key(snap: Snapshot, data_dir) -> tuple[_Index, int]:
    idx = _index(data_dir)
    return idx, bisect.bisect_left(idx.dates, snap.snapshot_date)


@functools.lru_cache(maxsize=16)
def _front(idx: _Index, k: int, geodata) -> MultiLineString:
    held_geom = _held_split(idx, k, geodata)[0]
    occ = _occupied_geometry(idx, k)
    shared = shapely.intersection(held_geom.boundary, occ.boundary)
    lines = shapely.get_parts(shapely.line_merge(shapely.get_parts(shared)))
    lines = [g for g in lines if g.geom_type == "LineString" and g.length > 0]
    merged = shapely.line_merge(MultiLineString(lines)) if lines else MultiLineString()
    if merged.geom_type == "LineString":
        merged = MultiLineString([merged])
    return merged


def front_line(as_of: str | datetime.date, geodata, data_dir=None) -> MultiLineString:
    """The front line on ``as_of``: where held and occupied land meet.

    It is the part of the occupied area's boundary shared with
    :func:`held` territory, so it follows neither the sea coast nor the
    international border.  It includes the lines around occupied pockets
    and small held areas where the source draws them.

    Returns
    -------
    shapely.MultiLineString
        Longitude/latitude; each part is a continuous stretch of the front.
    """
    snap = occupied(as_of, data_dir)
    return _front(*_key(snap, data_dir), geodata)


# --------------------------------------------------------------------------
# Classifying points
# --------------------------------------------------------------------------
@functools.lru_cache(maxsize=4)
def _countries(geodata):
    """Codes, prepared polygons and, in LAEA metres, the boundary segments of countries."""
    codes = geodata.countries["iso_a3"].to_numpy(dtype=object)
    geoms = geodata.countries.geometry.to_numpy()
    shapely.prepare(geoms)
    # Off-coast points lie outside every polygon, so their nearest country is
    # the nearest boundary segment: a tree of short segments answers fast.
    parts, part_owner = shapely.get_parts(geoms, return_index=True)
    rings, ring_part = shapely.get_rings(parts, return_index=True)
    xy = shapely.get_coordinates(_laea(rings))
    ring_of = np.repeat(np.arange(len(rings)), shapely.get_num_coordinates(rings))
    same = ring_of[:-1] == ring_of[1:]  # consecutive vertices of one ring
    segments = shapely.linestrings(np.stack([xy[:-1][same], xy[1:][same]], axis=1))
    seg_country = part_owner[ring_part[ring_of[:-1][same]]]
    return codes, geoms, shapely.STRtree(segments), seg_country, segments


def _country_codes(lon: np.ndarray, lat: np.ndarray, geodata) -> tuple[np.ndarray, np.ndarray]:
    """ISO alpha-3 per point ("" if none within COUNTRY_SNAP_KM), and which were snapped."""
    codes, geoms, seg_tree, seg_country, segments = _countries(geodata)
    out = np.full(len(lon), "", dtype=object)
    bounds = shapely.bounds(geoms)
    for g in range(len(geoms) - 1, -1, -1):  # reversed: on a border, the first country wins
        x0, y0, x1, y1 = bounds[g]
        cand = np.flatnonzero((lon >= x0) & (lon <= x1) & (lat >= y0) & (lat <= y1))
        if len(cand):
            out[cand[shapely.intersects_xy(geoms[g], lon[cand], lat[cand])]] = codes[g]
    snapped = np.zeros(len(lon), dtype=bool)
    todo = np.flatnonzero(out == "")
    if len(todo):
        fwd = _to_laea()
        pts = shapely.points(*fwd.transform(lon[todo], lat[todo]))
        near_pt, near_seg = seg_tree.query_nearest(
            pts, max_distance=COUNTRY_SNAP_KM * 1000 * 1.05, all_matches=False
        )
        if len(near_pt):
            # Confirm on the ellipsoid: the projection is off by up to ~2 %.
            q = shapely.get_coordinates(shapely.shortest_line(pts[near_pt], segments[near_seg]))
            qlon, qlat = fwd.transform(q[1::2, 0], q[1::2, 1], direction="INVERSE")
            i = todo[near_pt]
            dist = GEOD.inv(lon[i], lat[i], qlon, qlat)[2]
            ok = dist <= COUNTRY_SNAP_KM * 1000
            out[i[ok]] = codes[seg_country[near_seg[ok]]]
            snapped[i[ok]] = True
    return out, snapped


@functools.lru_cache(maxsize=4)
def _sides_laea(idx: _Index, k: int, geodata):
    """Held territory and occupied territory with its slivers, in LAEA metres."""
    held_geom, slivers = _held_split(idx, k, geodata)
    return _laea(held_geom), _laea(shapely.union(_occupied_geometry(idx, k), slivers))


def classify(lon, lat, as_of: str | datetime.date, geodata, data_dir=None
             ) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Country and territory of points on ``as_of``.

    Parameters
    ----------
    lon, lat : array_like
        Longitudes and latitudes in degrees (WGS84).
    as_of : str or datetime.date
        The date; see :func:`snapshot_date`.
    geodata : ranges.geodata.GeoData
        Its ``countries`` layer gives the country.

    Returns
    -------
    country : numpy.ndarray of str
        ISO 3166-1 alpha-3 of the country polygon holding the point, else of
        the nearest within :data:`COUNTRY_SNAP_KM` (points just off a
        simplified coast), else ``""``.  A point at sea inside the occupied
        polygon (e.g. in the Kerch Strait) gets ``"UKR"``.
    territory : numpy.ndarray of str
        One of :data:`TERRITORY_LABELS`.  Crimea and Sevastopol are
        ``Ukraine (occupied)``; a point inside the occupied polygon that the
        countries layer puts in Russia stays ``Russia``; a point in a sliver
        (see :func:`held`) is occupied; a point snapped to Ukraine from off
        the coast takes the nearer of held and occupied territory.
    """
    lon = np.atleast_1d(np.asarray(lon, dtype=np.float64))
    lat = np.atleast_1d(np.asarray(lat, dtype=np.float64))
    if lon.shape != lat.shape or lon.ndim != 1:
        raise InputError(f"lon and lat must be 1-D and of equal length, got {lon.shape} and "
                         f"{lat.shape}")  # fmt: skip
    snap = occupied(as_of, data_dir)
    key = _key(snap, data_dir)
    held_geom = _held_split(*key, geodata)[0]
    occ = snap.geometry

    country, snapped = _country_codes(lon, lat, geodata)
    in_occ = shapely.intersects_xy(occ, lon, lat)
    country[(country == "") & in_occ] = "UKR"
    territory = np.full(len(lon), OTHER, dtype=object)
    territory[country == "RUS"] = RUSSIA
    territory[country == "BLR"] = BELARUS
    ukr = country == "UKR"
    territory[ukr] = OCCUPIED  # inside occupied, or in a sliver next to it
    is_held = ukr & ~in_occ & shapely.intersects_xy(held_geom, lon, lat)
    territory[is_held] = HELD
    off_coast = np.flatnonzero(ukr & snapped & ~in_occ & ~is_held)
    if len(off_coast):
        held_m, occupied_m = _sides_laea(*key, geodata)
        pts = shapely.points(*_to_laea().transform(lon[off_coast], lat[off_coast]))
        nearer_held = shapely.distance(pts, held_m) < shapely.distance(pts, occupied_m)
        territory[off_coast[nearer_held]] = HELD
    return country, territory


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------
def _feature(snap: Snapshot) -> dict:
    geom = shapely.orient_polygons(snap.geometry, exterior_cw=False)  # RFC 7946 winding
    return {
        "type": "Feature",
        "properties": {
            "territory": snap.territory,
            "snapshot_date": snap.snapshot_date.isoformat(),
            "as_of": snap.as_of.isoformat(),
            "source": snap.source,
            "area_km2": round(geodesic_area_km2(snap.geometry), 1),
            "credit": snap.credit,
        },
        "geometry": shapely.geometry.mapping(geom),
    }


def territory_features(as_of: str | datetime.date, geodata, data_dir=None) -> dict:
    """Occupied and Ukrainian-held territory on ``as_of`` as a GeoJSON FeatureCollection.

    Two features, occupied first, each with properties ``territory``,
    ``snapshot_date`` (the snapshot used), ``as_of``, ``source``,
    ``area_km2`` (geodesic, 0.1 km²) and ``credit``; the collection carries
    ``caveat`` (:data:`CAVEAT`) as a foreign member.
    """
    occ = occupied(as_of, data_dir)
    return {
        "type": "FeatureCollection",
        "caveat": CAVEAT,
        "features": [_feature(occ), _feature(held(occ.as_of, geodata, data_dir))],
    }


def territory_table(as_of: str | datetime.date, geodata, data_dir=None) -> list[dict]:
    """The properties of :func:`territory_features`, one dict per territory."""
    return [f["properties"] for f in territory_features(as_of, geodata, data_dir)["features"]]


def clear_cache() -> None:
    """Forget every cached snapshot, block and derived geometry."""
    for fn in (_read_index, _block, _occupied_geometry, _held_split, _front, _countries,
               _sides_laea):
        fn.cache_clear()
