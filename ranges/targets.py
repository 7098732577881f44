"""Target lists: the shipped layers and users' own CSV or GeoJSON files.

A target table is a pandas DataFrame with at least ``name``, ``kind``,
``lon``, ``lat`` (WGS84 degrees).  Users' CSV files have the columns name,
lat, lon (``latitude`` / ``longitude`` also accepted); a bad row stops the
load with an error that names the file, the line and the value.
"""

from __future__ import annotations

import csv
import io
import math
import os
from typing import TYPE_CHECKING

from .errors import DataError, InputError
from .geojson_io import MAX_VERTICES, read_limited

if TYPE_CHECKING:  # pandas loads only to build a table: csv_safe needs none
    import pandas as pd

__all__ = [
    "read_targets",
    "parse_targets",
    "read_features",
    "parse_targets_csv",
    "shipped_targets",
    "csv_safe",
    "KINDS",
]

KINDS = ("cities", "airfields", "places")
_LAT = ("lat", "latitude", "y")
_LON = ("lon", "lng", "long", "longitude", "x")
_NAME = ("name", "title", "label", "target")
DEFAULT_MAX_BYTES = 20_000_000
DEFAULT_MAX_ROWS = 1_000_000


def csv_safe(value):
    """Neutralise spreadsheet formulas (CSV injection) in text cells.

    Text starting with ``= + - @`` (or a tab / carriage return) is prefixed with
    an apostrophe, as OWASP advises; numbers are left alone.
    """
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _pick(header: list[str], names: tuple[str, ...]) -> int | None:
    low = [h.strip().lower().lstrip("\ufeff") for h in header]
    for n in names:
        if n in low:
            return low.index(n)
    return None


def parse_targets_csv(
    text: str, *, source: str = "targets CSV", max_rows: int = DEFAULT_MAX_ROWS
) -> pd.DataFrame:
    """Parse a user's target CSV (header row; columns name, lat, lon).

    Raises
    ------
    ranges.errors.DataError
        Missing columns (named), or a row whose coordinate is not a number or is
        out of range (file, line and value named).
    """
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = csv.reader(io.StringIO(text), dialect)
    try:
        header = next(rows)
    except StopIteration:
        raise DataError(
            f"{source}: the file is empty; expected a header row name,lat,lon"
        ) from None
    except csv.Error as exc:
        raise DataError(f"{source}, line 1: {exc}") from None
    i_lat, i_lon, i_name = _pick(header, _LAT), _pick(header, _LON), _pick(header, _NAME)
    missing = [n for n, i in (("lat", i_lat), ("lon", i_lon)) if i is None]
    if missing:
        raise DataError(
            f"{source}: missing column(s) {', '.join(missing)}; the header is "
            f"{', '.join(repr(h) for h in header)} and needs name, lat, lon "
            "(latitude/longitude also accepted)"
        )
    names, lats, lons = [], [], []
    try:
        for line_no, row in enumerate(rows, start=2):
            if not row or all(not c.strip() for c in row):
                continue
            if len(names) >= max_rows:
                raise DataError(
                    f"{source}, line {line_no}: more than {max_rows:,} targets: "
                    f"{len(names) + 1:,} counted so far, the limit is {max_rows:,} "
                    "(max_rows); split the file"
                )
            need = max(i for i in (i_lat, i_lon, i_name) if i is not None)
            if len(row) <= need:
                raise DataError(
                    f"{source}, line {line_no}: {len(row)} columns, expected "
                    f"{len(header)} like the header"
                )
            lat = _coord(row[i_lat], -90.0, 90.0, "lat", source, line_no)
            lon = _coord(row[i_lon], -180.0, 180.0, "lon", source, line_no)
            name = row[i_name].strip() if i_name is not None else ""
            names.append(name or f"target {len(names) + 1}")
            lats.append(lat)
            lons.append(lon)
    except csv.Error as exc:
        raise DataError(f"{source}: {exc}") from None
    if not names:
        raise DataError(f"{source}: no target rows under the header")
    import pandas as pd

    return pd.DataFrame({"name": names, "kind": "user", "lon": lons, "lat": lats})


def _coord(text: str, lo: float, hi: float, what: str, source: str, line_no: int) -> float:
    raw = text.strip()
    try:
        value = float(raw.replace("\u2212", "-"))
    except ValueError:
        raise DataError(f"{source}, line {line_no}: {what} {raw!r} is not a number") from None
    if not math.isfinite(value) or not lo <= value <= hi:
        raise DataError(f"{source}, line {line_no}: {what} {raw!r} is outside {lo:g}..{hi:g}")
    return value


def read_features(
    data: bytes,
    source: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_vertices: int | None = MAX_VERTICES,
) -> list:
    """``(geometry, properties)`` of a GeoJSON or KML document (KML when ``source``
    ends in ``.kml``), refusing documents over ``max_bytes`` at once and
    documents with more than ``max_vertices`` positions while reading them."""
    if len(data) > max_bytes:
        raise InputError(
            f"{source} is {len(data) / 1e6:.1f} MB; the limit is {max_bytes / 1e6:g} MB"
        )
    if source.lower().endswith(".kml"):
        from .kml_io import parse_kml

        return parse_kml(data, source=source, max_vertices=max_vertices)
    from .geojson_io import read_geojson_features

    return read_geojson_features(
        data, source=source, max_bytes=max_bytes, max_vertices=max_vertices
    )


def parse_targets(data: bytes, source: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> pd.DataFrame:
    """A user's targets from the bytes of a CSV, GeoJSON or KML file (told
    apart by ``source``'s extension); points, other geometries by a
    representative point.  Columns ``name``, ``kind``, ``lon``, ``lat``."""
    if source.lower().endswith((".geojson", ".json", ".kml")):
        rows = []
        for i, (geom, props) in enumerate(read_features(data, source, max_bytes=max_bytes), 1):
            p = geom if geom.geom_type == "Point" else geom.representative_point()
            name = str((props or {}).get("name") or f"target {i}")
            rows.append({"name": name, "kind": "user", "lon": p.x, "lat": p.y})
        import pandas as pd

        return pd.DataFrame(rows, columns=["name", "kind", "lon", "lat"])
    if len(data) > max_bytes:
        raise InputError(
            f"{source} is {len(data) / 1e6:.1f} MB; the limit is {max_bytes / 1e6:g} MB"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(
            f"{source}: not UTF-8 text (byte {exc.start}); save the CSV as UTF-8"
        ) from None
    return parse_targets_csv(text, source=source)


def read_targets(
    path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> pd.DataFrame:
    """Read a user's targets from a CSV, GeoJSON or KML file (see :func:`parse_targets`)."""
    data = read_limited(path, max_bytes, what="a CSV, GeoJSON or KML file of targets",
                        error=InputError)  # fmt: skip
    return parse_targets(data, str(path), max_bytes=max_bytes)


def shipped_targets(geodata, kind: str) -> pd.DataFrame:
    """The shipped cities, airfields or places as a target table."""
    import pandas as pd

    if kind == "cities":
        g = geodata.cities
        df = pd.DataFrame(
            {"name": g["name_en"], "kind": "city", "population": g["population"].astype("int64")}
        )
    elif kind == "airfields":
        g = geodata.airfields
        df = pd.DataFrame({"name": g["name"], "kind": "airfield", "icao": g["icao"]})
    elif kind == "places":
        g = geodata.places
        df = pd.DataFrame({"name": g["name_en"], "kind": g["kind"]})
    else:
        raise InputError(f"target kind {kind!r} is not one of {', '.join(KINDS)}")
    df["lon"] = g.geometry.x.to_numpy()
    df["lat"] = g.geometry.y.to_numpy()
    return df.reset_index(drop=True)
