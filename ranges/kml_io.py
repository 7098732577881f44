"""Read KML (Google Earth) placemarks safely: launch areas and target lists.

Parsing goes through :mod:`defusedxml`, which refuses entity declarations
(the "billion laughs" expansion), external entities and DTD retrieval, so a
hostile file can neither blow up memory nor make the program read local files
or the network.  Only geometry and names are read; styles, scripts and links
are ignored.

The document is read as a stream (``iterparse``): each placemark is turned
into geometry when its end tag arrives and then dropped, and placemarks and
coordinates are counted as they come, so a file over a limit is refused at
the placemark that passes it, before the rest is parsed.
"""

from __future__ import annotations

import io

import shapely
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry

from .errors import GeometryError, InputError
from .geojson_io import MAX_VERTICES

__all__ = ["parse_kml"]

DEFAULT_MAX_FEATURES = 10_000


class _Count:
    """Coordinates read so far, against the document's limit."""

    def __init__(self, source: str, limit: int | None):
        self.source, self.limit, self.n = source, limit, 0

    def add(self, k: int, where: str) -> None:
        self.n += k
        if self.limit is not None and self.n > self.limit:
            raise InputError(
                f"{where}: more than {self.limit:,} vertices (coordinates): {self.n:,} counted "
                f"so far, the limit is {self.limit:,} (max_vertices); simplify the geometry "
                "(e.g. QGIS Simplify) or split the file"
            )


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(elem, name: str):
    return [c for c in elem if _local(c.tag) == name]


def _descendants(elem, name: str):
    return [c for c in elem.iter() if _local(c.tag) == name]


def _coords(text: str | None, where: str, count: _Count) -> list[tuple[float, float]]:
    tokens = (text or "").split()
    count.add(len(tokens), where)  # before parsing any of them
    out = []
    for i, token in enumerate(tokens, start=1):
        parts = token.split(",")
        if len(parts) < 2:
            raise GeometryError(f"{where}: coordinate {i} {token[:40]!r} is not 'lon,lat[,alt]'")
        try:
            lon, lat = float(parts[0]), float(parts[1])
        except ValueError:
            raise GeometryError(
                f"{where}: coordinate {i} {token[:40]!r} is not a number pair"
            ) from None
        if not (-180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0):
            raise GeometryError(
                f"{where}: coordinate {i} {token[:40]!r} is outside lon -180..180, lat -90..90 "
                "(KML writes longitude first)"
            )
        out.append((lon, lat))
    return out


def _geometry(elem, where: str, count: _Count) -> list[BaseGeometry]:
    kind = _local(elem.tag)
    if kind == "Point":
        pts = _coords(_text(elem, "coordinates"), where, count)
        if len(pts) != 1:
            raise GeometryError(f"{where}: a Point needs exactly one coordinate, got {len(pts)}")
        return [Point(pts[0])]
    if kind == "LineString":
        pts = _coords(_text(elem, "coordinates"), where, count)
        if len(pts) < 2:
            raise GeometryError(f"{where}: a LineString needs at least 2 coordinates")
        return [LineString(pts)]
    if kind == "Polygon":
        rings = []
        for bname in ("outerBoundaryIs", "innerBoundaryIs"):
            for b in _children(elem, bname):
                for ring in _descendants(b, "LinearRing"):
                    pts = _coords(_text(ring, "coordinates"), where, count)
                    if len(pts) < 3:
                        raise GeometryError(f"{where}: a polygon ring needs at least 3 coordinates")
                    rings.append((bname, pts))
        outer = [p for b, p in rings if b == "outerBoundaryIs"]
        if len(outer) != 1:
            raise GeometryError(f"{where}: a Polygon needs one outer boundary, got {len(outer)}")
        poly = Polygon(outer[0], [p for b, p in rings if b == "innerBoundaryIs"])
        if not poly.is_valid:
            poly = shapely.make_valid(poly)
        return [poly]
    if kind == "MultiGeometry":
        out: list[BaseGeometry] = []
        for child in elem:
            out.extend(_geometry(child, where, count))
        return out
    return []


def _text(elem, name: str) -> str | None:
    for c in elem.iter():
        if _local(c.tag) == name:
            return c.text
    return None


def parse_kml(
    data: bytes | str,
    *,
    source: str = "KML",
    max_features: int = DEFAULT_MAX_FEATURES,
    max_vertices: int | None = MAX_VERTICES,
) -> list[tuple[BaseGeometry, dict]]:
    """Placemarks of a KML document as ``(geometry, {"name": ...})`` pairs.

    Parameters
    ----------
    data : bytes or str
        The KML document.
    source : str, default "KML"
        Where it came from (a file name), quoted at the start of every error.
    max_features : int, default 10000
        Most placemarks accepted.
    max_vertices : int or None, default :data:`ranges.geojson_io.MAX_VERTICES`
        Most coordinates accepted in the whole document, counted as written
        (a point is one, a line or ring one per coordinate).  None: no limit.

    Raises
    ------
    ranges.errors.InputError
        Not well-formed XML, entity declarations or external references
        (refused, never expanded), no placemarks, too many placemarks or
        coordinates (the message gives the count so far and the limit).
    ranges.errors.GeometryError
        A coordinate that is not ``lon,lat[,alt]`` in range (placemark named).
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    count = _Count(source, max_vertices)
    out = []
    marks = 0
    try:
        for _, elem in iterparse(io.BytesIO(data), events=("end",), forbid_dtd=True):
            if _local(elem.tag) != "Placemark":
                continue
            marks += 1
            if marks > max_features:
                raise InputError(
                    f"{source}: {marks:,} placemarks; the limit is {max_features:,} "
                    "(reading stopped at the first placemark past it); split the file"
                )
            name = (_text(elem, "name") or "").strip()[:200] or f"placemark {marks}"
            where = f"{source}: placemark {marks} ({name!r})"
            for child in elem:
                for geom in _geometry(child, where, count):
                    out.append((geom, {"name": name}))
            elem.clear()  # the placemark is read: free its subtree
    except DefusedXmlException as exc:
        raise InputError(
            f"{source}: refused: the file declares XML entities or a DTD ({type(exc).__name__}); "
            "KML never needs them"
        ) from None
    except (InputError, GeometryError):
        raise
    except Exception as exc:  # ParseError and friends from the XML parser
        raise InputError(f"{source}: not well-formed XML ({exc})") from None
    if not out:
        raise InputError(f"{source}: no placemark with a Point, LineString or Polygon")
    return out
