"""Read user GeoJSON (launch areas, target lists, front lines) and write RFC 7946.

Files come from newsroom colleagues, geojson.io, QGIS exports and OSINT
trackers, so reading is strict about structure but forgiving about what can be
repaired: every structural problem raises a
:class:`~ranges.errors.GeometryError` naming the file, the feature
(``features[3]``, with its ``name`` property when there is one) and the value;
self-intersecting polygons are repaired with :func:`shapely.make_valid` and a
warning; a legacy ``crs`` member other than WGS84 is reprojected with pyproj.
The structure is checked here before :func:`shapely.geometry.shape` sees it,
because shapely's own errors ("IllegalArgumentException", numpy ragged-array
errors) say nothing a reporter can act on.

All geometries returned are WGS84 with x = longitude, y = latitude.  Altitudes
(a third position element) are dropped: ranges are drawn on the surface.
"""

from __future__ import annotations

import functools
import json
import math
import os
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pyproj
import shapely
from shapely.geometry import mapping, shape
from shapely.geometry.base import BaseGeometry

from ranges.errors import GeometryError, InputError

__all__ = [
    "MAX_VERTICES",
    "read_geojson",
    "parse_geojson",
    "read_geojson_features",
    "feature_collection",
    "merge_features",
]

# Nesting depth of "coordinates" for each geometry type (0 = one position).
_DEPTH = {
    "Point": 0,
    "MultiPoint": 1,
    "LineString": 1,
    "MultiLineString": 2,
    "Polygon": 2,
    "MultiPolygon": 3,
}
_GEOMETRY_TYPES = (*_DEPTH, "GeometryCollection")
_ALL_TYPES = ("FeatureCollection", "Feature", *_GEOMETRY_TYPES)
# GeometryCollections inside GeometryCollections: RFC 7946 discourages nesting.
_MAX_COLLECTION_DEPTH = 8
_DECIMALS = 7  # about 1 cm at the equator
_WGS84 = "WGS84"

Feature = tuple[BaseGeometry, dict[str, Any]]


#: Largest number of positions (vertices, points) a document may hold, in
#: the user's terms: every position written in the file counts once, whatever
#: the engine later makes of it.  The scenario's ``geometry_vertices`` limit
#: (:data:`ranges.scenario.LIMITS`) is the same number, so an accepted upload
#: also fits a scenario.
MAX_VERTICES = 100_000


class _Count:
    """Positions read so far in one document, against its limit."""

    def __init__(self, limit: int | None):
        self.n = 0
        self.limit = limit


class _Context:
    """Where we are in the document, for error messages, the input CRS and
    the running count of positions (shared by every context of a document)."""

    def __init__(self, source: str, crs: pyproj.CRS | None = None, count: _Count | None = None):
        self.source = source
        self.crs = crs  # None means WGS84 lon/lat
        self.count = count if count is not None else _Count(None)

    def counted(self, where: str) -> None:
        """Count one position; refuse the document once it passes the limit,
        before anything is built from it."""
        c = self.count
        c.n += 1
        if c.limit is not None and c.n > c.limit:
            raise self.fail(
                where,
                f"more than {c.limit:,} vertices (positions): {c.n:,} counted so far, "
                f"the limit is {c.limit:,} (max_vertices); simplify the geometry "
                "(e.g. QGIS Simplify, mapshaper -simplify) or split the file",
            )

    def fail(self, where: str, problem: str) -> GeometryError:
        place = f"{self.source}: {where}" if where else self.source
        return GeometryError(f"{place}: {problem}")


def _describe(value: Any) -> str:
    """Name a JSON value's type and show a short excerpt of it."""
    kinds = {
        dict: "an object",
        list: "an array",
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        type(None): "null",
    }
    kind = kinds.get(type(value), type(value).__name__)
    if value is None:
        return kind
    try:
        text = json.dumps(value, default=repr, skipkeys=True)
    except (TypeError, ValueError, RecursionError):
        text = repr(value)
    if len(text) > 40:
        text = text[:37] + "..."
    return f"{kind} {text}"


def _label(index: int, properties: Mapping[str, Any] | None) -> str:
    label = f"features[{index}]"
    if isinstance(properties, Mapping):
        for key in ("name", "title", "id", "label"):
            name = properties.get(key)
            if isinstance(name, str | int) and not isinstance(name, bool):
                return f"{label} ({key} {str(name)[:40]!r})"
    return label


# -- decoding -------------------------------------------------------------


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not a valid JSON number")


def _load_json(data: str | bytes | bytearray, source: str) -> Any:
    if isinstance(data, bytes | bytearray):
        try:
            data = bytes(data).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise GeometryError(
                f"{source}: not UTF-8 text (byte {exc.start} is {data[exc.start]:#04x}); "
                "GeoJSON must be UTF-8"
            ) from None
    data = data.removeprefix("\ufeff")
    if not data.strip():
        raise GeometryError(f"{source}: empty; expected a GeoJSON document")
    try:
        return json.loads(data, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise GeometryError(
            f"{source}: not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    except ValueError as exc:  # NaN / Infinity from _reject_constant
        raise GeometryError(f"{source}: not valid JSON: {exc}") from None
    except RecursionError:
        raise GeometryError(f"{source}: not usable JSON: nested too deeply") from None


def read_limited(
    path: str | os.PathLike[str],
    max_bytes: int,
    *,
    what: str = "a GeoJSON file",
    error: type[InputError] = GeometryError,
) -> bytes:
    """The bytes of a file a user named, refusing a missing file, a folder
    or more than ``max_bytes``; messages start with the path and raise
    ``error`` (``what`` says what the file should have been)."""
    file = Path(path)
    try:
        size = file.stat().st_size
    except FileNotFoundError:
        raise error(f"{file}: file not found") from None
    except OSError as exc:
        raise error(f"{file}: cannot read: {exc.strerror or exc}") from None
    if file.is_dir():
        raise error(f"{file}: is a folder, expected {what}")
    if size > max_bytes:
        raise error(
            f"{file}: {size:,} bytes is more than the limit of {max_bytes:,} bytes (max_bytes)"
        )
    try:
        with file.open("rb") as handle:
            # Read one byte past the limit: the file may have grown since stat().
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise error(f"{file}: cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise error(f"{file}: more than the limit of {max_bytes:,} bytes (max_bytes)")
    return data


# -- coordinate reference systems ----------------------------------------


def _parse_crs(value: Any, ctx: _Context, where: str) -> pyproj.CRS | None:
    """Read a legacy (GeoJSON 2008) ``crs`` member; None means WGS84 lon/lat."""
    member = f"{where}.crs" if where else "crs"
    if value is None:
        return ctx.crs
    name: Any = None
    if isinstance(value, Mapping) and isinstance(value.get("properties"), Mapping):
        props = value["properties"]
        if value.get("type") == "name":
            name = props.get("name")
        elif value.get("type") == "EPSG":
            code = props.get("code")
            if isinstance(code, int) and not isinstance(code, bool):
                name = f"EPSG:{code}"
    if not isinstance(name, str) or not name:
        raise ctx.fail(
            member,
            f'{_describe(value)} is not a named CRS; expected {{"type": "name", '
            '"properties": {"name": "EPSG:4326"}} or no crs member',
        )
    try:
        crs = pyproj.CRS.from_user_input(name)
    except (pyproj.exceptions.CRSError, TypeError, ValueError):
        raise ctx.fail(member, f"unknown coordinate reference system {name!r}") from None
    # GeoJSON files labelled EPSG:4326 are written lon/lat in practice (GDAL,
    # QGIS), although the EPSG definition puts latitude first.
    if crs.to_epsg() == 4326 or crs == pyproj.CRS("OGC:CRS84"):
        return None
    return crs


@functools.lru_cache(maxsize=16)
def _transformer(crs_wkt: str) -> pyproj.Transformer:
    return pyproj.Transformer.from_crs(pyproj.CRS(crs_wkt), "EPSG:4326", always_xy=True)


def _to_wgs84(geom: BaseGeometry, ctx: _Context, where: str) -> BaseGeometry:
    transformer = _transformer(ctx.crs.to_wkt())

    def transform(xy: np.ndarray) -> np.ndarray:
        lon, lat = transformer.transform(xy[:, 0], xy[:, 1])
        return np.column_stack([lon, lat])

    try:
        result = shapely.transform(geom, transform)
    except pyproj.exceptions.ProjError as exc:
        raise ctx.fail(where, f"cannot reproject from {ctx.crs.name} to WGS84: {exc}") from None
    coords = shapely.get_coordinates(result)
    original = shapely.get_coordinates(geom)
    # PROJ may wrap positions far outside a CRS's area instead of failing
    # (x = 1e30 in EPSG:3857 comes out as longitude -180), so transform back
    # and insist on getting the input again.
    with np.errstate(invalid="ignore"):
        back = np.column_stack(
            transformer.transform(
                coords[:, 0], coords[:, 1], direction=pyproj.enums.TransformDirection.INVERSE
            )
        )
        tolerance = 1e-3 + 1e-9 * np.abs(original)
        bad = ~np.isfinite(coords).all(axis=1) | ~(np.abs(back - original) <= tolerance).all(axis=1)
    if bad.any():
        x, y = original[int(np.argmax(bad))]
        raise ctx.fail(
            where,
            f"position [{x:g}, {y:g}] cannot be reprojected from {ctx.crs.name} to WGS84 "
            "(outside the area of that CRS?)",
        )
    _check_range(coords, ctx, where, f" after reprojection from {ctx.crs.name}")
    return result


def _check_range(coords: np.ndarray, ctx: _Context, where: str, note: str = "") -> None:
    for axis, name, limit in ((0, "longitude", 180), (1, "latitude", 90)):
        outside = np.abs(coords[:, axis]) > limit
        if outside.any():
            value = coords[int(np.argmax(outside)), axis]
            raise ctx.fail(where, f"{name} {value:g} is outside -{limit}..{limit}{note}")


# -- structure ------------------------------------------------------------


def _number(value: Any, ctx: _Context, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ctx.fail(where, f"expected a number, got {_describe(value)}")
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        raise ctx.fail(where, f"{value!r} is not a finite number")
    return number


# What each nesting level of "coordinates" holds, per type, for messages.
_LEVELS = {
    "MultiPoint": ("an array of positions",),
    "LineString": ("an array of positions",),
    "MultiLineString": ("a line (array of positions)", "an array of lines"),
    "Polygon": ("a ring (array of positions)", "an array of rings"),
    "MultiPolygon": (
        "a ring (array of positions)",
        "a polygon (array of rings)",
        "an array of polygons",
    ),
}


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _position(value: Any, kind: str, ctx: _Context, where: str) -> tuple[float, float]:
    if not isinstance(value, list):
        raise ctx.fail(where, f"expected a position [lon, lat], got {_describe(value)}")
    if any(isinstance(item, list) for item in value):
        raise ctx.fail(
            where,
            f"expected a position [lon, lat], got {_describe(value)}: nested too deep "
            f"for a {kind} (is the type right?)",
        )
    if not 2 <= len(value) <= 3:
        raise ctx.fail(
            where,
            f"a position has 2 or 3 numbers [lon, lat(, altitude)], got {len(value)}: "
            f"{_describe(value)}",
        )
    lon = _number(value[0], ctx, f"{where}[0]")
    lat = _number(value[1], ctx, f"{where}[1]")
    if len(value) == 3:
        _number(value[2], ctx, f"{where}[2]")
    ctx.counted(where)
    if ctx.crs is None:
        if not -180 <= lon <= 180:
            raise ctx.fail(where, f"longitude {value[0]!r} is outside -180..180")
        if not -90 <= lat <= 90:
            hint = "; positions are [lon, lat]" if abs(lon) <= 90 and abs(lat) <= 180 else ""
            raise ctx.fail(where, f"latitude {value[1]!r} is outside -90..90{hint}")
    return lon, lat


def _nested(value: Any, depth: int, kind: str, ctx: _Context, where: str) -> Any:
    """Validate ``depth`` levels of arrays around positions; return clean lists."""
    if depth == 0:
        return _position(value, kind, ctx, where)
    expected = _LEVELS[kind][depth - 1]
    if not isinstance(value, list):
        raise ctx.fail(where, f"expected {expected}, got {_describe(value)}")
    if value and all(_is_number(item) for item in value):
        raise ctx.fail(
            where,
            f"expected {expected}, got a position {_describe(value)}: nested too shallow "
            f"for a {kind} (is the type right?)",
        )
    return [_nested(item, depth - 1, kind, ctx, f"{where}[{i}]") for i, item in enumerate(value)]


def _check_counts(kind: str, coords: Any, ctx: _Context, where: str) -> None:
    """Enforce RFC 7946's minimum sizes, which shapely reports obscurely."""

    def line(points: list, at: str, empty_ok: bool = False) -> None:
        if len(points) < 2 and not (empty_ok and not points):
            raise ctx.fail(at, f"a line needs at least 2 positions, got {len(points)}")

    def ring(points: list, at: str) -> None:
        if len(points) < 4:
            raise ctx.fail(
                at, f"a polygon ring needs at least 4 positions (closed), got {len(points)}"
            )
        if points[0] != points[-1]:
            raise ctx.fail(
                at,
                f"polygon ring is not closed: first position {list(points[0])} differs "
                f"from last {list(points[-1])}",
            )

    if kind == "LineString":
        line(coords, where, empty_ok=True)
    elif kind == "MultiLineString":
        for i, part in enumerate(coords):
            line(part, f"{where}[{i}]")
    elif kind == "Polygon":
        for i, part in enumerate(coords):
            ring(part, f"{where}[{i}]")
    elif kind == "MultiPolygon":
        for i, polygon in enumerate(coords):
            if not polygon:
                raise ctx.fail(f"{where}[{i}]", "a polygon needs an outer ring, got []")
            for j, part in enumerate(polygon):
                ring(part, f"{where}[{i}][{j}]")


def _geometry(obj: Any, ctx: _Context, where: str, depth: int = 0) -> BaseGeometry:
    """Validate one GeoJSON geometry object and build the shapely geometry."""
    if not isinstance(obj, Mapping):
        raise ctx.fail(where, f"expected a geometry object, got {_describe(obj)}")
    kind = obj.get("type")
    if kind not in _GEOMETRY_TYPES:
        raise ctx.fail(
            f"{where}.type" if where else "type",
            f"{_describe(kind)} is not a GeoJSON geometry type "
            f"(expected one of {', '.join(_GEOMETRY_TYPES)})",
        )
    ctx = _Context(ctx.source, _parse_crs(obj.get("crs"), ctx, where), ctx.count)
    prefix = f"{where}." if where else ""
    if kind == "GeometryCollection":
        if depth >= _MAX_COLLECTION_DEPTH:
            raise ctx.fail(where, f"GeometryCollections nested more than {depth} deep")
        parts = obj.get("geometries")
        if not isinstance(parts, list):
            raise ctx.fail(
                where, f"a GeometryCollection needs a 'geometries' array, got {_describe(parts)}"
            )
        members = [
            _geometry(part, ctx, f"{prefix}geometries[{i}]", depth + 1)
            for i, part in enumerate(parts)
        ]
        return shapely.GeometryCollection(members)

    if "coordinates" not in obj:
        raise ctx.fail(where, f"a {kind} needs a 'coordinates' member")
    at = f"{prefix}coordinates"
    coords = _nested(obj["coordinates"], _DEPTH[kind], kind, ctx, at)
    _check_counts(kind, coords, ctx, at)
    try:
        geom = shape({"type": kind, "coordinates": coords})
    except (ValueError, TypeError, shapely.errors.ShapelyError) as exc:
        raise ctx.fail(where, f"not a valid {kind}: {exc}") from None
    if ctx.crs is not None and not geom.is_empty:
        geom = _to_wgs84(geom, ctx, where)
    return geom


def _repair(geom: BaseGeometry, ctx: _Context, where: str) -> BaseGeometry:
    if geom.is_empty or geom.is_valid:
        return geom
    reason = shapely.is_valid_reason(geom)
    warnings.warn(
        f"{ctx.source}: {where or 'geometry'}: invalid {geom.geom_type} ({reason}); "
        "repaired with shapely.make_valid",
        stacklevel=4,
    )
    return _make_valid(geom)


def _make_valid(geom: BaseGeometry) -> BaseGeometry:
    if geom.is_valid:
        return geom
    if isinstance(geom, shapely.GeometryCollection):
        parts = [_make_valid(part) for part in geom.geoms]
        return shapely.GeometryCollection([part for part in parts if not part.is_empty])
    if isinstance(geom, shapely.Polygon | shapely.MultiPolygon):
        # "structure" keeps areas as areas (a bow-tie becomes two triangles),
        # where "linework" can leave stray lines.  GEOS may return polygons
        # that share an edge, an invalid MultiPolygon: union merges them.
        fixed = shapely.make_valid(geom, method="structure", keep_collapsed=False)
        if not fixed.is_valid:
            fixed = shapely.unary_union(fixed)
        if fixed.is_valid:
            return fixed
    return shapely.make_valid(geom)


def _collect(
    obj: Any, source: str, max_features: int, max_vertices: int | None = MAX_VERTICES
) -> list[Feature]:
    """Validate a decoded GeoJSON document; return its non-empty features."""
    count = _Count(max_vertices)
    ctx = _Context(source, count=count)
    if not isinstance(obj, Mapping):
        raise ctx.fail("", f"expected a GeoJSON object with a 'type', got {_describe(obj)}")
    kind = obj.get("type")
    if kind == "Topology":
        raise ctx.fail("", "this is TopoJSON, not GeoJSON; convert it first (mapshaper, QGIS)")
    if kind not in _ALL_TYPES:
        raise ctx.fail(
            "type",
            f"{_describe(kind)} is not a GeoJSON type (expected one of {', '.join(_ALL_TYPES)})",
        )
    ctx = _Context(source, _parse_crs(obj.get("crs"), ctx, ""), count)

    if kind == "FeatureCollection":
        items = obj.get("features")
        if not isinstance(items, list):
            raise ctx.fail(
                "", f"a FeatureCollection needs a 'features' array, got {_describe(items)}"
            )
        if len(items) > max_features:
            raise ctx.fail(
                "", f"{len(items):,} features is more than the limit of {max_features:,}"
            )
        labelled = [(i, item) for i, item in enumerate(items)]
    elif kind == "Feature":
        labelled = [(None, obj)]
    else:
        geom = _repair(_geometry(obj, ctx, ""), ctx, "")
        if geom.is_empty:
            raise ctx.fail("", f"the {kind} is empty; there is nothing to draw")
        return [(geom, {})]

    features: list[Feature] = []
    for index, item in labelled:
        if index is not None and not isinstance(item, Mapping):
            raise ctx.fail(
                f"features[{index}]", f"expected a Feature object, got {_describe(item)}"
            )
        properties = item.get("properties")
        where = _label(index, properties) if index is not None else ""
        if item.get("type") != "Feature":
            raise ctx.fail(where, f"type {_describe(item.get('type'))} should be 'Feature'")
        if properties is None:
            properties = {}
        elif not isinstance(properties, Mapping):
            raise ctx.fail(
                where, f"'properties' must be an object or null, got {_describe(properties)}"
            )
        if "geometry" not in item:
            raise ctx.fail(where, "a Feature needs a 'geometry' member (null if it has none)")
        if item["geometry"] is None:
            continue  # RFC 7946 allows unlocated features; nothing to draw
        item_ctx = _Context(source, _parse_crs(item.get("crs"), ctx, where), count)
        geom_where = f"{where}.geometry" if where else "geometry"
        geom = _repair(_geometry(item["geometry"], item_ctx, geom_where), ctx, where)
        if not geom.is_empty:
            features.append((geom, dict(properties)))
    if not features:
        if kind == "Feature":
            raise ctx.fail("", "no geometry to draw: the Feature's geometry is null or empty")
        if not labelled:
            raise ctx.fail("", "no geometry to draw: the FeatureCollection has no features")
        raise ctx.fail(
            "",
            f"no geometry to draw: the FeatureCollection has {len(labelled)} features, "
            "none with a non-empty geometry",
        )
    return features


def _decode(data: Any, source: str) -> Any:
    if isinstance(data, str | bytes | bytearray):
        return _load_json(data, source)
    return data


# -- public API -----------------------------------------------------------


def parse_geojson(
    text_or_obj: str | bytes | Mapping[str, Any],
    *,
    source: str = "GeoJSON",
    max_features: int = 10_000,
    max_vertices: int | None = MAX_VERTICES,
) -> BaseGeometry:
    """Validate GeoJSON text or a decoded object and return one shapely geometry.

    Parameters
    ----------
    text_or_obj : str, bytes or dict
        A FeatureCollection, Feature, geometry or GeometryCollection, as JSON
        text (UTF-8 bytes) or already decoded.
    source : str, optional
        Where the document came from, quoted at the start of every error.
    max_features : int, default 10000
        Largest FeatureCollection accepted.
    max_vertices : int or None, default :data:`MAX_VERTICES`
        Most positions (points and vertices, as written) accepted in the whole
        document; counted while validating, so a larger document is refused
        before any geometry is built.  None: no limit.

    Returns
    -------
    shapely geometry
        In WGS84 lon/lat.  The single geometry when the document holds one,
        else a GeometryCollection of all feature geometries.  Null and empty
        geometries are skipped.

    Raises
    ------
    GeometryError
        If the document is not JSON or not GeoJSON, a coordinate is not a
        number or lies outside -180..180 / -90..90, a ring is too short or not
        closed, a ``crs`` is unknown, there are too many features or
        vertices, or nothing drawable remains.

    Warns
    -----
    UserWarning
        When an invalid (e.g. self-intersecting) polygon is repaired with
        :func:`shapely.make_valid`.

    Examples
    --------
    >>> parse_geojson('{"type": "Point", "coordinates": [34.7981, 50.9077]}').wkt
    'POINT (34.7981 50.9077)'
    """
    features = _collect(_decode(text_or_obj, source), source, max_features, max_vertices)
    if len(features) == 1:
        return features[0][0]
    return shapely.GeometryCollection([geom for geom, _ in features])


def read_geojson(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = 20_000_000,
    max_features: int = 10_000,
    max_vertices: int | None = MAX_VERTICES,
) -> BaseGeometry:
    """Read a GeoJSON file and return one shapely geometry in WGS84 lon/lat.

    Parameters
    ----------
    path : str or path-like
        The file.  Its name starts every error message.
    max_bytes : int, default 20_000_000
        Larger files are refused before being read.
    max_features : int, default 10000
        Largest FeatureCollection accepted.
    max_vertices : int or None, default :data:`MAX_VERTICES`
        Most positions (points and vertices, as written) accepted in the whole
        document; counted while validating, so a larger document is refused
        before any geometry is built.  None: no limit.

    Returns
    -------
    shapely geometry
        As :func:`parse_geojson`.

    Raises
    ------
    GeometryError
        If the file is missing, unreadable or too large, or for any reason
        listed under :func:`parse_geojson`.
    """
    data = read_limited(path, max_bytes)
    return parse_geojson(
        data, source=str(path), max_features=max_features, max_vertices=max_vertices
    )


def read_geojson_features(
    path_or_text: str | os.PathLike[str] | bytes | Mapping[str, Any],
    *,
    source: str | None = None,
    max_bytes: int = 20_000_000,
    max_features: int = 10_000,
    max_vertices: int | None = MAX_VERTICES,
) -> list[Feature]:
    """Read GeoJSON keeping each feature's properties (target lists, named areas).

    Parameters
    ----------
    path_or_text : path, str, bytes or dict
        A file path, or the document itself: a ``str`` starting with ``{`` is
        taken as JSON text, ``bytes`` as UTF-8 JSON, a mapping as decoded JSON.
    source : str, optional
        Name for error messages; defaults to the path, or "GeoJSON".
    max_bytes, max_features, max_vertices : int
        As for :func:`read_geojson`.

    Returns
    -------
    list of (shapely geometry, dict)
        One pair per feature with a non-empty geometry, in file order; a bare
        geometry gives one pair with empty properties.  Geometries are WGS84
        lon/lat.

    Raises
    ------
    GeometryError
        As :func:`read_geojson`.
    """
    if isinstance(path_or_text, str) and path_or_text.lstrip().startswith(("{", "[")):
        data: Any = path_or_text
        name = source or "GeoJSON"
    elif isinstance(path_or_text, str | os.PathLike):
        data = read_limited(path_or_text, max_bytes)
        name = source or str(path_or_text)
    else:
        data = path_or_text
        name = source or "GeoJSON"
    return _collect(_decode(data, name), name, max_features, max_vertices)


def merge_features(features: list[Feature]) -> BaseGeometry:
    """One geometry for the features of a document, without noding lines.

    ``shapely.union_all`` nodes a line at every place it crosses itself: a
    tangled 99,990-vertex line becomes millions of vertices in thousands of
    parts, work the user never asked for.  Here points become a (Multi)Point,
    lines a (Multi)LineString, polygons a (Multi)Polygon (their union, so
    that overlapping polygons stay valid), each as given; a mix of kinds
    becomes a GeometryCollection of those.

    Parameters
    ----------
    features : list of (shapely geometry, dict)
        As :func:`read_geojson_features` returns them.

    Returns
    -------
    shapely geometry
        Empty GeometryCollection when there is nothing.

    Examples
    --------
    >>> line = shapely.LineString([(0, 0), (2, 2), (2, 0), (0, 2)])  # crosses itself
    >>> merge_features([(line, {})]).equals_exact(line, 0)  # not noded
    True
    """
    points, lines, polygons = [], [], []
    for geom, _ in features:
        for part in shapely.get_parts(geom).tolist():
            if part.geom_type == "GeometryCollection":
                sub = merge_features([(p, {}) for p in part.geoms])
                parts = shapely.get_parts(sub).tolist()
            else:
                parts = shapely.get_parts(part).tolist()
            for p in parts:
                if p.is_empty:
                    continue
                kind = p.geom_type
                bucket = {"Point": points, "LineString": lines, "LinearRing": lines}
                bucket.get(kind, polygons).append(
                    shapely.LineString(p.coords) if kind == "LinearRing" else p
                )
    out = []
    if points:
        out.append(points[0] if len(points) == 1 else shapely.MultiPoint(points))
    if lines:
        out.append(lines[0] if len(lines) == 1 else shapely.MultiLineString(lines))
    if polygons:
        out.append(polygons[0] if len(polygons) == 1 else shapely.union_all(polygons))
    if len(out) == 1:
        return out[0]
    return shapely.GeometryCollection(out)


def _lists(value: Any) -> Any:
    """Turn shapely's nested tuples into lists, as json.loads would give them."""
    if isinstance(value, tuple | list):
        return [_lists(item) for item in value]
    if isinstance(value, dict):
        return {key: _lists(item) for key, item in value.items()}
    return value


def feature_collection(features: list[Feature]) -> dict[str, Any]:
    """Build an RFC 7946 FeatureCollection dict from ``(geometry, properties)`` pairs.

    Coordinates are lon/lat rounded to 7 decimals (about 1 cm), polygon
    exteriors are counter-clockwise as RFC 7946 recommends, and there is no
    ``crs`` member (RFC 7946 GeoJSON is always WGS84).

    Parameters
    ----------
    features : list of (shapely geometry or None, dict or None)
        Geometries in WGS84 lon/lat; None gives a feature with a null geometry.

    Returns
    -------
    dict
        Ready for :func:`json.dump`.

    Raises
    ------
    TypeError
        If an item is not a (geometry, properties) pair.
    GeometryError
        If a coordinate is not finite or lies outside -180..180 / -90..90
        (projected coordinates passed by mistake).

    Examples
    --------
    >>> fc = feature_collection([(shapely.Point(34.79812345678, 50.9077), {"name": "Sumy"})])
    >>> fc["features"][0]["geometry"]
    {'type': 'Point', 'coordinates': [34.7981235, 50.9077]}
    """
    out = []
    for i, item in enumerate(features):
        if not isinstance(item, tuple | list) or len(item) != 2:
            raise TypeError(f"features[{i}] should be a (geometry, properties) pair, got {item!r}")
        geom, properties = item
        if geom is not None and not isinstance(geom, BaseGeometry):
            raise TypeError(
                f"features[{i}] geometry should be a shapely geometry, got {type(geom).__name__}"
            )
        if properties is not None and not isinstance(properties, Mapping):
            raise TypeError(
                f"features[{i}] properties should be a dict, got {type(properties).__name__}"
            )
        geometry = None
        if geom is not None:
            coords = shapely.get_coordinates(geom)
            where = _label(i, properties)
            ctx = _Context("feature_collection")
            if not np.isfinite(coords).all():
                raise ctx.fail(where, "has a coordinate that is not a finite number")
            _check_range(coords, ctx, where, "; geometries must be WGS84 lon/lat")
            rounded = shapely.transform(geom, lambda xy: np.round(xy, _DECIMALS))
            geometry = _lists(mapping(shapely.orient_polygons(rounded)))
        out.append({"type": "Feature", "geometry": geometry, "properties": dict(properties or {})})
    return {"type": "FeatureCollection", "features": out}
