"""Load the reference layers shipped in ``data/``: countries, regions, cities, airfields, places.

The files are produced by ``scripts/build_data.py`` (all but ``places.csv``,
which is hand-curated) and described in ``data/README.md``.  Everything here is
read from disk: no network, no caching (the app caches :func:`load_geodata`).

Coordinates are WGS84 (EPSG:4326) with x = longitude, y = latitude.
"""

from __future__ import annotations

import functools
import importlib.util
import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ranges.errors import DataError

if TYPE_CHECKING:  # geopandas and pandas load when a layer is read, not on import:
    # the CLI imports DEFAULT_DATA_DIR through ranges.territory for every command.
    import geopandas as gpd
    import pandas as pd

__all__ = [
    "DEFAULT_DATA_DIR",
    "LAYER_FILES",
    "REQUIRED_COLUMNS",
    "OCCUPIED_STATUS",
    "THEATRE_BOX",
    "WORLD_FILE",
    "beyond_theatre",
    "GeoData",
    "load_geodata",
    "read_places",
    "attribution",
]

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"

#: File name of each layer inside the data folder.
LAYER_FILES = {
    "countries": "countries.fgb",
    "regions": "regions.fgb",
    "cities": "cities.fgb",
    "airfields": "airfields.fgb",
    "places": "places.csv",
}

#: The theatre box (lon0, lat0, lon1, lat1): the shipped layers are clipped to it.
THEATRE_BOX = (10.0, 35.0, 60.0, 70.0)

def beyond_theatre(bounds) -> bool:
    """Whether a lon/lat box (lon0, lat0, lon1, lat1) reaches past :data:`THEATRE_BOX`."""
    x0, y0, x1, y1 = THEATRE_BOX
    return bounds[0] < x0 or bounds[1] < y0 or bounds[2] > x1 or bounds[3] > y1


#: The world outside the theatre box (1:50m admin-0), read only by maps that
#: reach past the box (:attr:`GeoData.world`); not one of the layers above.
WORLD_FILE = "world.fgb"

#: Columns each layer must have (besides ``geometry``).
REQUIRED_COLUMNS = {
    "countries": ("iso_a3", "name_en", "name_uk"),
    "regions": (
        "region_id", "name_en", "name_uk", "name_ru", "alt_names", "country",
        "country_name_en", "status", "type", "label_lon", "label_lat",
    ),
    "cities": (
        "geonameid", "name_en", "name_uk", "name_ascii", "alt_names", "country",
        "admin1_code", "region_id", "status", "population", "lon", "lat",
    ),
    "airfields": (
        "icao", "iata", "name", "city", "country", "region_id", "status", "elevation_m",
        "lon", "lat",
    ),
    "places": (
        "place_id", "name_en", "name_uk", "name_ru", "lat", "lon", "kind", "country",
        "note", "source", "source_url", "quote",
    ),
    "world": ("iso_a3", "name_en", "name_uk"),
}  # fmt: skip

#: Status given to Crimea and Sevastopol (and, with a user control map, other areas).
OCCUPIED_STATUS = "occupied by Russia since 2014"

_ATTRIBUTION = "Natural Earth (public domain); GeoNames (CC BY 4.0); airportsdata (MIT)"

# Arrow makes pyogrio reads ~2x faster, but pyarrow is not a base dependency.
_USE_ARROW = importlib.util.find_spec("pyarrow") is not None


@dataclass(frozen=True, eq=False)
class GeoData:
    """The shipped reference layers, each a GeoDataFrame in EPSG:4326.

    Attributes
    ----------
    countries : geopandas.GeoDataFrame
        Admin-0 polygons clipped to the theatre (10–60°E, 35–70°N):
        ``iso_a3``, ``name_en``, ``name_uk``.  Crimea belongs to Ukraine.
    regions : geopandas.GeoDataFrame
        Admin-1 polygons: ``region_id`` (ISO 3166-2 where one exists),
        ``name_en``, ``name_uk``, ``name_ru``, ``country`` (ISO alpha-3 of the
        country the region is shown under), ``status``, ``type``, and a label
        point ``label_lon`` / ``label_lat`` inside the polygon.
    cities : geopandas.GeoDataFrame
        GeoNames cities with population ≥ 15,000 (points).
    airfields : geopandas.GeoDataFrame
        airportsdata airports and air bases keyed by ``icao`` (points).
    places : geopandas.GeoDataFrame
        Hand-curated news locations from ``places.csv`` (points), each with a
        ``source`` for its coordinate.
    data_dir : pathlib.Path
        Folder the layers were read from.
    """

    countries: gpd.GeoDataFrame
    regions: gpd.GeoDataFrame
    cities: gpd.GeoDataFrame
    airfields: gpd.GeoDataFrame
    places: gpd.GeoDataFrame
    data_dir: Path

    @property
    def world(self) -> gpd.GeoDataFrame | None:
        """Admin-0 polygons of the world outside the theatre box (Natural Earth
        1:50m, ``iso_a3``, ``name_en``, ``name_uk``), for the land of maps that
        reach past the box; read on first use, once per file.  None when the
        data folder has no ``world.fgb``."""
        return _read_world(str(self.data_dir / WORLD_FILE))


def attribution() -> str:
    """Return the credit line that maps and exports built on these data must print.

    Examples
    --------
    >>> attribution()
    'Natural Earth (public domain); GeoNames (CC BY 4.0); airportsdata (MIT)'
    """
    return _ATTRIBUTION


def _missing(path: Path) -> DataError:
    return DataError(
        f"data file {path} is missing; regenerate it with 'python scripts/build_data.py' "
        "(see data/README.md)"
    )


def _check_columns(df: pd.DataFrame, layer: str, path: Path) -> None:
    missing = [c for c in REQUIRED_COLUMNS[layer] if c not in df.columns]
    if missing:
        raise DataError(
            f"{path}: layer {layer!r} lacks column(s) {', '.join(missing)}; "
            f"expected {', '.join(REQUIRED_COLUMNS[layer])}"
        )


def _read_layer(data_dir: Path, layer: str) -> gpd.GeoDataFrame:
    path = data_dir / LAYER_FILES[layer]
    if not path.is_file():
        raise _missing(path)
    return _read_file(path, layer)


def _read_file(path: Path, layer: str) -> gpd.GeoDataFrame:
    """``path`` read as ``layer``: its columns and its CRS checked."""
    import pyogrio

    try:
        gdf = pyogrio.read_dataframe(path, use_arrow=_USE_ARROW)
    except Exception as exc:  # pyogrio raises several DataSourceError/OSError kinds
        raise DataError(f"{path}: cannot read layer {layer!r}: {exc}") from exc
    _check_columns(gdf, layer, path)
    if gdf.crs is None:
        gdf = gdf.set_crs("EPSG:4326")
    elif not gdf.crs.equals("EPSG:4326"):
        raise DataError(
            f"{path}: layer {layer!r} has CRS {gdf.crs.to_string()}, expected EPSG:4326"
        )
    return gdf


@functools.lru_cache(maxsize=4)
def _read_world(path: str) -> gpd.GeoDataFrame | None:
    file = Path(path)
    return _read_file(file, "world") if file.is_file() else None


def read_places(path: str | Path) -> gpd.GeoDataFrame:
    """Read a places CSV (``data/places.csv`` format) into a point GeoDataFrame.

    Parameters
    ----------
    path : str or pathlib.Path
        CSV with columns ``place_id, name_en, name_uk, name_ru, lat, lon, kind,
        country, note, source, source_url, quote`` (latitude first, as people
        write it).  ``source`` says where the coordinate comes from,
        ``source_url`` is the https address of that record or page and
        ``quote`` the text there that gives the coordinate.

    Returns
    -------
    geopandas.GeoDataFrame
        One point per row, EPSG:4326, ``lat``/``lon`` as floats.

    Raises
    ------
    DataError
        If the file is missing or unreadable, a column is missing, a
        ``place_id`` repeats, or a row has an empty ``source`` or ``quote``, a
        ``source_url`` that is not an https:// address, or a latitude /
        longitude that is not a number within ±90° / ±180° (the message names
        the line and field).
    """
    import geopandas as gpd
    import pandas as pd

    path = Path(path)
    if not path.is_file():
        raise _missing(path)
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (OSError, ValueError, pd.errors.ParserError) as exc:
        raise DataError(f"{path}: cannot read places CSV: {exc}") from exc
    _check_columns(df, "places", path)

    def _cell(value: object) -> str:
        # A cell missing from a short row comes back as NaN, not as text.
        return value.strip() if isinstance(value, str) else ""

    lats, lons = [], []
    for i, row in enumerate(df.itertuples(index=False), start=2):  # line 1 is the header
        where = f"{path}, line {i} (place_id {row.place_id!r})"
        if not row.place_id.strip():
            raise DataError(f"{where}: field 'place_id' is empty")
        if not _cell(row.source):
            raise DataError(f"{where}: field 'source' is empty; every coordinate needs a source")
        coords = []
        for field, limit in (("lat", 90.0), ("lon", 180.0)):
            text = getattr(row, field)
            try:
                value = float(text)
            except ValueError:
                raise DataError(f"{where}: field {field!r} = {text!r} is not a number") from None
            if not math.isfinite(value) or abs(value) > limit:
                raise DataError(f"{where}: field {field!r} = {text!r} is outside ±{limit:g}°")
            coords.append(value)
        lats.append(coords[0])
        lons.append(coords[1])
        # Checked after the coordinates: a short row (missing trailing cells) names the
        # first problem a reader would fix, not the columns that pandas left empty.
        url = _cell(row.source_url)
        if not url.startswith("https://") or len(url) <= len("https://") or " " in url:
            raise DataError(
                f"{where}: field 'source_url' = {url!r} must be the https:// address of the "
                "record or page the coordinate comes from"
            )
        if not _cell(row.quote):
            raise DataError(
                f"{where}: field 'quote' is empty; quote the text at source_url that gives "
                "the coordinate"
            )
    dup = df["place_id"][df["place_id"].duplicated()]
    if not dup.empty:
        raise DataError(f"{path}: place_id {dup.iloc[0]!r} appears more than once")
    df["lat"] = lats
    df["lon"] = lons
    return gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(lons, lats), crs="EPSG:4326")


class _LazyGeoData(GeoData):
    """A :class:`GeoData` that reads each layer on first access (see
    ``load_geodata(lazy=True)``)."""

    def __init__(self, data_dir: Path):  # the layers are not attributes yet
        object.__setattr__(self, "data_dir", data_dir)

    def __getattr__(self, name: str):  # only called for an attribute not yet set
        if name not in LAYER_FILES:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        if name == "places":
            layer = read_places(self.data_dir / LAYER_FILES["places"])
        else:
            layer = _read_layer(self.data_dir, name)
        object.__setattr__(self, name, layer)
        return layer


def load_geodata(data_dir: str | Path | None = None, *, lazy: bool = False) -> GeoData:
    """Read every shipped layer from ``data_dir`` (default: the project's ``data/``).

    Parameters
    ----------
    data_dir : str or pathlib.Path, optional
        Folder holding ``countries.fgb``, ``regions.fgb``, ``cities.fgb``,
        ``airfields.fgb`` and ``places.csv``.
    lazy : bool, default False
        Read each layer when it is first used, not now (the command line:
        ``targets`` of cities never reads the 2 MB regions layer).  A missing or
        broken file then raises when its layer is first used.

    Returns
    -------
    GeoData
        All five layers in EPSG:4326.  Reading takes ~0.05 s once geopandas is
        imported; nothing is cached here.

    Raises
    ------
    DataError
        If a file is missing, unreadable or lacks a required column; the
        message names the file.

    Examples
    --------
    >>> geo = load_geodata()
    >>> geo.regions.set_index("region_id").loc["UA-43", "country"]
    'UKR'
    """
    data_dir = DEFAULT_DATA_DIR if data_dir is None else Path(data_dir)
    if not data_dir.is_dir():
        raise DataError(f"data folder {data_dir} does not exist")
    if lazy:
        geo = _LazyGeoData(data_dir)
    else:
        layers = {
            name: _read_layer(data_dir, name)
            for name in ("countries", "regions", "cities", "airfields")
        }
        places = read_places(data_dir / LAYER_FILES["places"])
        geo = GeoData(places=places, data_dir=data_dir, **layers)
    # Read as shipped: answers precomputed from these files (data/targets.npz)
    # apply.  A copy made with other layers (dataclasses.replace) has no mark.
    object.__setattr__(geo, "_shipped", data_dir.resolve() == DEFAULT_DATA_DIR.resolve())
    return geo


def is_shipped(geodata) -> bool:
    """Whether ``geodata`` is the project's ``data/`` as :func:`load_geodata` read it."""
    return bool(getattr(geodata, "_shipped", False))
