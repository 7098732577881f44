"""Data and interactive exports of an evaluated scenario.

Every export is drawn from one :class:`ranges.evaluate.Result`, so the
files agree with the dashboard and with each other:

=============  ==================================================================
``geojson``    RFC 7946 FeatureCollection: reach areas, launch sites and areas,
               targets in range and notes, with the scenario as a foreign member
               (so the file can be reopened, see :func:`scenario_from_export`)
``kml``        Google Earth: a styled folder per weapon, launch sites, notes
``gpkg``       GeoPackage (QGIS, ArcGIS): layers ``reach_areas``,
               ``launch_sites``, ``launch_areas``, ``targets``,
               ``regions_covered``, ``notes`` and ``occupied_territory``
``csv``        the targets in range, one row each
``regions-csv``  the regions the reach areas touch, one row per weapon and region
``html``       a standalone interactive map (deck.gl via pydeck)
=============  ==================================================================

A static site of maps for a CDN (a folder sharing one deck.gl file, not one
file) is :mod:`ranges.site`; it embeds the same deck (:func:`deck_spec`).

Every file says the date it describes (the scenario's ``as_of``) and carries
Russian-occupied Ukraine on that date (DeepStateMap via
:mod:`ranges.territory`) with the date of the snapshot used
(``snapshot_date``), which can be older than ``as_of`` where the source
skipped days: GeoJSON and GeoPackage as an ``occupied_territory`` feature or
layer and in their metadata, KML as a folder, CSV as the last two columns,
HTML in its caption and as a map layer.  :func:`situation` gathers these
facts once for the static map, the interactive map and the files.

Coordinates are WGS84 longitude, latitude everywhere (x = lon, y = lat);
tables written for people (CSV) put ``lat`` before ``lon``.

Choices made for the reader's safety:

- CSV cells that a spreadsheet would run as a formula (text starting with
  ``= + - @``, tab or carriage return) are prefixed with an apostrophe
  (:func:`ranges.targets.csv_safe`).  CSV files are UTF-8 *with* a byte-order
  mark: Excel on Windows reads BOM-less UTF-8 as the local code page and
  garbles Ukrainian and Russian names; Python (``encoding="utf-8-sig"``),
  pandas, LibreOffice and Google Sheets all read the BOM transparently.
- KML is built with :mod:`xml.etree.ElementTree`, which escapes XML.  Google
  Earth shows ``<description>`` as HTML, so text placed there is HTML-escaped
  as well; names stay plain text.
- The HTML page carries no API key (pydeck copies Mapbox, Google and Carto
  keys from the environment; they are dropped) and its embedded JSON escapes
  ``<``, ``>`` and ``&``, so a label cannot close the page's ``<script>``.
"""

from __future__ import annotations

import copy
import csv
import html
import io
import json
import math
import os
import re
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from . import __version__
from .catalog import sources_line
from .errors import InputError
from .geodata import attribution
from .geojson_io import feature_collection
from .scenario import Scenario, scenario_from_json
from .targets import csv_safe
from .xmltext import xml_safe

__all__ = [
    "Situation",
    "situation",
    "ExportFormat",
    "FORMATS",
    "KML_NAMESPACE",
    "format_from_path",
    "export",
    "geojson_dict",
    "to_geojson",
    "to_kml",
    "to_gpkg",
    "targets_csv",
    "regions_csv",
    "to_html",
    "deck_spec",
    "world_view",
    "check_no_keys",
    "kml_color",
    "xml_text",
    "script_safe_json",
    "scenario_from_export",
]


class ExportFormat(NamedTuple):
    """How one export format is offered for download."""

    label: str
    extension: str  # with the dot
    mime: str


#: Export formats by id, in the order a dashboard offers them.
FORMATS: dict[str, ExportFormat] = {
    "geojson": ExportFormat("GeoJSON", ".geojson", "application/geo+json"),
    "kml": ExportFormat("KML (Google Earth)", ".kml", "application/vnd.google-earth.kml+xml"),
    "gpkg": ExportFormat("GeoPackage", ".gpkg", "application/geopackage+sqlite3"),
    "csv": ExportFormat("CSV: targets in range", ".csv", "text/csv; charset=utf-8"),
    "regions-csv": ExportFormat("CSV: regions covered", ".csv", "text/csv; charset=utf-8"),
    "html": ExportFormat("Interactive map (HTML)", ".html", "text/html; charset=utf-8"),
}

#: XML namespace of KML 2.2 (OGC 07-147r2).
KML_NAMESPACE = "http://www.opengis.net/kml/2.2"

_GENERATOR = f"strike-range {__version__}"
_OCCUPIED_COLOR = "#8E2B22"  # the static map's front-line colour (ranges.render)
_DECIMALS = 7  # about 1 cm, as in ranges.geojson_io

# Environment variables pydeck reads API keys from (pydeck 0.9 Deck._PROVIDER_ENV_VARS).
_KEY_ENV_VARS = (
    "MapboxAccessToken", "MAPBOX_API_KEY", "GoogleMapsAPIKey", "GOOGLE_MAPS_API_KEY",
    "CARTO_API_KEY",
)  # fmt: skip


# --------------------------------------------------------------------------
# Format look-up
# --------------------------------------------------------------------------
def format_from_path(path: str | os.PathLike[str], *, table: str = "targets") -> str:
    """The export format id for a file name, from its extension.

    Parameters
    ----------
    path : str or path-like
        ``*.geojson``, ``*.kml``, ``*.gpkg``, ``*.csv`` or ``*.html``.
    table : {"targets", "regions"}
        What a ``.csv`` file holds.

    Raises
    ------
    ranges.errors.InputError
        If the extension is not one of the export formats' (it is named).

    Examples
    --------
    >>> format_from_path("atacms.KML")
    'kml'
    >>> format_from_path("regions.csv", table="regions")
    'regions-csv'
    """
    if table not in ("targets", "regions"):
        raise InputError(f"table {table!r} is not one of targets, regions")
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        return "csv" if table == "targets" else "regions-csv"
    for fmt, spec in FORMATS.items():
        if spec.extension == suffix:
            return fmt
    known = ", ".join(dict.fromkeys(spec.extension for spec in FORMATS.values()))
    shown = f"extension {suffix!r}" if suffix else "no extension"
    raise InputError(f"{str(path)!r} has {shown}; an export file ends in one of {known}")


def export(
    result,
    geodata,
    fmt: str,
    path: str | os.PathLike[str] | None = None,
) -> bytes:
    """Export a result in one format, to bytes and optionally to a file.

    Parameters
    ----------
    result : ranges.evaluate.Result
    geodata : ranges.geodata.GeoData
        Needed by ``gpkg`` (region outlines) and ``html`` (the base layer).
    fmt : str
        A key of :data:`FORMATS`: ``geojson``, ``kml``, ``gpkg``, ``csv``
        (targets in range), ``regions-csv`` or ``html``.
    path : str or path-like, optional
        Also write the bytes there (replacing the file whole, never merging
        into an existing GeoPackage).

    Returns
    -------
    bytes
        The file's content, e.g. for a download button.

    Raises
    ------
    ranges.errors.InputError
        If ``fmt`` is not a known format.
    """
    builders = {
        "geojson": lambda: to_geojson(result),
        "kml": lambda: to_kml(result),
        "gpkg": lambda: to_gpkg(result, geodata),
        "csv": lambda: targets_csv(result),
        "regions-csv": lambda: regions_csv(result),
        "html": lambda: to_html(result, geodata),
    }
    if fmt not in builders:
        raise InputError(f"export format {fmt!r} is not one of {', '.join(builders)}")
    data = builders[fmt]()
    if path is not None:
        _write_replacing(Path(path), data)
    return data


def _write_replacing(path: Path, data: bytes) -> None:
    # Write beside the target and rename, so a failed export never leaves half a file.
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as exc:
        raise OSError(f"cannot write {str(path)!r}: {exc.strerror or exc}") from None
    try:
        # mkstemp makes the file private (0600); an export keeps the mode of the
        # file it replaces, or gets the usual rw-r--r--.
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --------------------------------------------------------------------------
# The situation a result describes: its date, the occupied area, the decisions
# --------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Situation:
    """What every map and export says about its date.

    Attributes
    ----------
    as_of : str
        The date the scenario describes, ISO ``YYYY-MM-DD`` (the newest
        shipped data when the scenario has none).
    occupied : ranges.territory.Snapshot
        Russian-occupied Ukraine on that date: ``geometry`` (lon/lat),
        ``snapshot_date`` (the snapshot actually used, on or before
        ``as_of``), ``source`` and ``credit``.
    front_line : shapely geometry or None
        Lines between Ukrainian-held and occupied land (lon/lat); None when no
        geodata was given.
    occupied_land : shapely geometry or None
        What maps draw: Ukraine as the base map draws it minus the
        Ukrainian-held territory (:func:`ranges.territory.held`), so the
        shading stays on land (the source's polygon strays a little over the
        sea and the Russian border) and agrees with the launch areas and the
        targets' ``territory``; None without geodata.  Data exports keep the
        source polygon (:attr:`occupied`).
    decisions : tuple
        The public decisions (:mod:`ranges.authorizations`) that allowed
        strikes in the scenario's allowed regions by that date; empty when
        the scenario has no overlay or its regions are not the table's (a
        user's own choice is not credited to a government).
    """

    as_of: str
    occupied: Any
    front_line: BaseGeometry | None
    decisions: tuple
    occupied_land: BaseGeometry | None = None


_SITUATIONS: dict[tuple, tuple[Any, Situation]] = {}


def situation(result, geodata=None) -> Situation:
    """The :class:`Situation` of an evaluated scenario (cached on the date and geodata).

    Raises
    ------
    ranges.errors.InputError
        The scenario's date is outside the occupied-territory data (the
        message names the date and the range covered).
    """
    from .territory import front_line, held, occupied

    scenario = result.scenario
    as_of = scenario.as_of_or_latest
    key = (as_of, id(geodata), scenario.weapons, scenario.allowed_regions,
           scenario.allowed_from_table)  # fmt: skip
    hit = _SITUATIONS.get(key)
    if hit is not None and hit[0] is geodata:
        return hit[1]
    snap = occupied(as_of)
    front = land = None
    if geodata is not None:
        front = front_line(as_of, geodata)
        countries = geodata.countries
        ukraine = shapely.union_all(countries.geometry[countries["iso_a3"] == "UKR"].to_numpy())
        land = shapely.difference(ukraine, held(as_of, geodata).geometry)
    sit = Situation(as_of, snap, front, _decisions(scenario, as_of), land)
    if len(_SITUATIONS) > 16:
        _SITUATIONS.clear()
    _SITUATIONS[key] = (geodata, sit)
    return sit


def _decisions(scenario, as_of: str) -> tuple:
    """The decisions in effect that allowed the scenario's allowed regions, in date
    order; none unless the table allows every one of those regions to one of the
    scenario's weapons on that date."""
    from .evaluate import allowed_regions

    regions = allowed_regions(scenario)
    if not regions or not scenario.weapons:
        return ()
    from .authorizations import allowed_as_of

    wanted = set(regions)
    found: dict[str, Any] = {}
    for allowance in allowed_as_of(as_of, scenario.weapons).values():
        if not wanted <= set(allowance.regions):
            continue
        for d in allowance.decisions:
            if d.action == "allow" and wanted & set(d.regions):
                found.setdefault(d.id, d)
    return tuple(sorted(found.values(), key=lambda d: d.date))


# --------------------------------------------------------------------------
# Shared tables
# --------------------------------------------------------------------------
def _py(value: Any) -> Any:
    """A JSON-ready Python scalar: numpy scalars unwrapped, NaN and NA to None."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


#: What the occupied-territory source leaves out (DeepStateMap marks Russian
#: occupation of Ukraine only).
OCCUPIED_CAVEAT = "Ukrainian-held ground inside Russia and grey zones are not in the source"

#: The ``territory`` value of the occupied area (as in the target tables).
OCCUPIED_TERRITORY = "Ukraine (occupied)"


def _credits(result, *, dated: bool = True) -> str:
    """"Situation as of 2024-11-17. Data: ...; Occupied territory: DeepStateMap, as of
    2024-11-17 (...). Weapon ranges: ... Strikes allowed by decisions of: ..." for
    every data export (``dated=False``: without the first sentence)."""
    sit = situation(result)
    sources = sources_line(w.weapon for w in result.weapons)
    text = f"Situation as of {sit.as_of}. " if dated else ""
    text += f"Data: {attribution()}"
    if sit.occupied is not None:
        text += f"; {sit.occupied.credit} ({OCCUPIED_CAVEAT})"
    text += "."
    if sources:
        text += f" Weapon ranges: {sources}."
    if sit.decisions:
        decided = "; ".join(d.label for d in sit.decisions)
        text += f" Strikes allowed by decisions of: {decided}."
    return text


def _occupied_props(result) -> dict[str, Any]:
    """Properties of the occupied-territory feature (GeoJSON, KML, GeoPackage)."""
    sit = situation(result)
    snap = sit.occupied
    return {
        "territory": OCCUPIED_TERRITORY,
        "as_of": sit.as_of,
        "snapshot_date": snap.snapshot_date.isoformat(),
        "source": snap.source,
        "credit": snap.credit,
        "note": OCCUPIED_CAVEAT,
    }


def _scenario_dict(result) -> dict[str, Any]:
    """The scenario as a file holds it, with the date the export describes filled in
    (a scenario of "the newest data" would reopen on other data later)."""
    scenario = result.scenario
    if not scenario.as_of:
        scenario = scenario.replace(as_of=situation(result).as_of)
    return scenario.to_dict()


def _title(result, lang: str | None = None) -> str:
    """The scenario's title in ``lang`` (default: the scenario's label language)."""
    return result.scenario.title_in(lang or result.scenario.lang) or "Strike Range"


def _subtitle(result, lang: str | None = None) -> str:
    return result.scenario.subtitle_in(lang or result.scenario.lang)


def _target_frame(result, rows: np.ndarray | None = None) -> pd.DataFrame:
    """Targets (in range, or ``rows`` of :attr:`Result.targets`) with export columns."""
    t = result.targets
    t = t[t["in_range"].to_numpy(bool) if rows is None else rows]
    cols = ["name", "name_uk", "layer", "kind", "country", "territory", "population", "lat",
            "lon", "distance_km", "bearing_deg", "launch", "reached_by"]  # fmt: skip
    if "authorized" in t.columns:
        cols += ["authorized", "authorization"]
    df = t[[c for c in cols if c in t.columns]].copy().reset_index(drop=True)
    # A population is only known for cities; 0 elsewhere would read as "nobody lives here".
    pop = df["population"].astype("Int64")
    df["population"] = pop.where(df["layer"].eq("cities") & pop.gt(0), pd.NA)
    df["lat"] = df["lat"].astype(float).round(6)
    df["lon"] = df["lon"].astype(float).round(6)
    df["distance_km"] = df["distance_km"].astype(float).round(2)
    df["bearing_deg"] = df["bearing_deg"].astype(float).round(1)
    for c in ("name", "name_uk", "layer", "kind", "country", "territory", "launch",
              "reached_by", "authorization"):  # fmt: skip
        if c in df.columns:
            df[c] = df[c].fillna("").astype(str)
    return df


def _regions_frame(result) -> pd.DataFrame:
    frames = [
        w.coverage.assign(weapon_id=w.weapon.id, weapon=w.weapon.name)
        for w in result.weapons
        if len(w.coverage)
    ]
    cols = ["weapon_id", "weapon", "region_id", "region", "name_uk", "country", "status",
            "covered_km2", "region_km2", "covered_pct"]  # fmt: skip
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    df = pd.concat(frames, ignore_index=True)[cols]
    legend = {w.weapon.id: i for i, w in enumerate(result.weapons)}
    df.insert(0, "_legend", df["weapon_id"].map(legend))
    df["covered_km2"] = df["covered_km2"].astype(float).round(0).astype("int64")
    df["region_km2"] = df["region_km2"].astype(float).round(0).astype("int64")
    df["covered_pct"] = df["covered_pct"].astype(float).round(1)
    df = df.sort_values(["_legend", "covered_pct", "region_id"], ascending=[True, False, True])
    return df.drop(columns="_legend").reset_index(drop=True)


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    return [{k: _py(v) for k, v in row.items()} for row in df.to_dict(orient="records")]


def _is_point(geom: BaseGeometry) -> bool:
    return geom.geom_type == "Point"


def _weapon_props(result, w) -> dict[str, Any]:
    return {
        "weapon": w.weapon.id,
        "weapon_name": w.weapon.name,
        "min_range_km": _py(w.weapon.min_range_km),
        "max_range_km": _py(w.weapon.max_range_km),
        "color": w.color,
        "launch_sites": [name for name, _ in result.sites],
        "headline": w.headline,
        "authorization": w.authorization,
        "sources": sources_line([w.weapon]),
        "reported_max_km": _py(w.weapon.reported_max_km),
    }


# --------------------------------------------------------------------------
# GeoJSON
# --------------------------------------------------------------------------
def geojson_dict(result) -> dict[str, Any]:
    """The result as an RFC 7946 FeatureCollection (a dict ready for :func:`json.dump`).

    Features, told apart by the property ``feature``:

    - ``reach_area``: one per weapon (``weapon``, ``weapon_name``,
      ``min_range_km``, ``max_range_km``, ``color``, ``launch_sites``,
      ``headline``, ``authorization``, ``sources``); the geometry is null when
      there is no launch site;
    - ``launch_site`` (points) and ``launch_area`` (areas): ``name``;
    - ``target``: each target in range (``name``, ``layer``, ``kind``,
      ``distance_km``, ``bearing_deg``, ``launch``, ``reached_by`` and, with an
      authorization overlay, ``authorized`` / ``authorization``);
    - ``reach_outline``: only for a reach area cut at the 180° meridian or
      closed over a pole: its real boundary as a MultiLineString (``weapon``,
      ``color``), without the cut and the pole's edge; the area then says
      ``"outline": "reach_outline"``.  Style the area with no stroke and this
      line with one, and no map draws a line down the 180° meridian;
    - ``note``: ``text`` and ``source``;
    - ``occupied_territory``: Russian-occupied Ukraine on the scenario's date
      (``territory``, ``as_of``, ``snapshot_date`` of the snapshot used,
      ``source``, ``credit``, ``note``: what the source leaves out).

    Coordinates are lon/lat rounded to 7 decimals, exteriors counterclockwise,
    no ``crs`` member; a geometry crossing the antimeridian is cut there
    (RFC 7946 §3.1.9).  The foreign members ``scenario`` (the scenario dict,
    RFC 7946 §6.1), ``title``, ``as_of`` (the date the map describes),
    ``occupied_snapshot_date``, ``attribution`` and ``generator`` sit at the top.

    Examples
    --------
    >>> from ranges.evaluate import evaluate
    >>> from ranges.geodata import load_geodata
    >>> from ranges.scenario import Scenario, Site
    >>> s = Scenario(weapons=("atacms-m57",), sites=(Site("Sumy", 50.9077, 34.7981),))
    >>> fc = geojson_dict(evaluate(s, load_geodata()))
    >>> fc["features"][0]["properties"]["max_range_km"]
    300.0
    """
    from .seams import has_seams, outline

    feats: list[tuple[BaseGeometry | None, dict[str, Any]]] = []
    for w in result.weapons:
        geom = None if w.area.is_empty else w.area
        props = {"feature": "reach_area", **_weapon_props(result, w)}
        seamed = geom is not None and has_seams(geom)
        if seamed:
            props["outline"] = "reach_outline"
        feats.append((geom, props))
        if seamed:
            feats.append((outline(geom), {"feature": "reach_outline", "weapon": w.weapon.id,
                                          "color": w.color}))  # fmt: skip
    for name, geom in result.sites:
        kind = "launch_site" if _is_point(geom) else "launch_area"
        feats.append((geom, {"feature": kind, "name": name}))
    targets = _target_frame(result)
    for rec in _records(targets):
        lon, lat = rec["lon"], rec["lat"]
        feats.append((shapely.Point(lon, lat), {"feature": "target", **rec}))
    for n in result.scenario.notes:
        feats.append((shapely.Point(n.lon, n.lat), {"feature": "note", "text": n.text,
                                                    "source": n.source}))  # fmt: skip
    sit = situation(result)
    feats.append((sit.occupied.geometry, {"feature": "occupied_territory",
                                          **_occupied_props(result)}))  # fmt: skip
    fc = feature_collection(feats)
    return {
        "type": "FeatureCollection",
        "title": _title(result),
        "as_of": sit.as_of,
        "occupied_snapshot_date": sit.occupied.snapshot_date.isoformat(),
        "attribution": _credits(result),
        "generator": _GENERATOR,
        "scenario": _scenario_dict(result),
        "features": fc["features"],
    }


def to_geojson(result) -> bytes:
    """:func:`geojson_dict` as UTF-8 JSON bytes (``.geojson``)."""
    text = json.dumps(geojson_dict(result), ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False)  # fmt: skip
    return text.encode("utf-8")


def scenario_from_export(text: str | bytes, source: str = "scenario file") -> Scenario:
    """Read a scenario from a scenario file or from a GeoJSON export of one.

    Parameters
    ----------
    text : str or bytes
        A scenario file (:meth:`Scenario.to_json`) or a FeatureCollection
        written by :func:`to_geojson` (its ``scenario`` member is read).
    source : str
        Named in error messages (e.g. the file name).

    Raises
    ------
    ranges.scenario.ScenarioError
        Unreadable JSON, or a scenario that breaks a rule (field named).
    """
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError:
            return scenario_from_json(text, source)  # reports the bad byte
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return scenario_from_json(text, source)  # reports the JSON error
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        if "scenario" not in data:
            from .scenario import ScenarioError

            raise ScenarioError(
                f"{source}: a GeoJSON FeatureCollection without a 'scenario' member; "
                "only GeoJSON exported by Strike Range can be reopened"
            )
        return Scenario.from_dict(data["scenario"], where=f"{source}: scenario")
    return scenario_from_json(text, source)


# --------------------------------------------------------------------------
# KML
# --------------------------------------------------------------------------
_HEX = re.compile(r"^#([0-9A-Fa-f]{2})([0-9A-Fa-f]{2})([0-9A-Fa-f]{2})$")


def kml_color(color: str, alpha: float = 1.0) -> str:
    """A ``#RRGGBB`` colour in KML's ``aabbggrr`` order.

    Parameters
    ----------
    color : str
        ``#RRGGBB``.
    alpha : float
        Opacity 0..1.

    Examples
    --------
    >>> kml_color("#D55E00", 0.35)
    '59005ed5'
    """
    m = _HEX.match(color) if isinstance(color, str) else None
    if m is None:
        raise ValueError(f"color should be '#RRGGBB', got {color!r}")
    if not 0.0 <= alpha <= 1.0:
        raise ValueError(f"alpha should be within 0..1, got {alpha!r}")
    r, g, b = (x.lower() for x in m.groups())
    return f"{round(alpha * 255):02x}{b}{g}{r}"


#: Characters XML 1.0 forbids (C0 controls but tab and newlines, surrogates,
#: U+FFFE, U+FFFF).  ElementTree writes them as they are, and one of them makes
#: the whole file unreadable ("Char 0xFFFE out of allowed range"): a name a user
#: typed or pasted must not do that to Google Earth.


#: The text writers put in XML: see :func:`ranges.xmltext.xml_safe`.
xml_text = xml_safe


def _sub(parent: ET.Element, tag: str, text: Any = None, **attrib: str) -> ET.Element:
    # Tags stay unprefixed under the root's default xmlns (ElementTree's
    # default_namespace option refuses unprefixed attributes such as id).
    el = ET.SubElement(parent, tag, {k: xml_text(v) for k, v in attrib.items()})
    if text is not None:
        el.text = xml_text(text)
    return el


def _html_lines(*lines: str) -> str:
    """Description HTML for Google Earth: each line escaped, joined with <br>."""
    return "<br>".join(html.escape(line) for line in lines if line)


def _num(value: float) -> str:
    text = f"{value:.{_DECIMALS}f}".rstrip("0")
    return text[:-1] if text.endswith(".") else text


def _kml_coords(coords) -> str:
    return " ".join(f"{_num(x)},{_num(y)}" for x, y, *_ in coords)


def _kml_geometry(parent: ET.Element, geom: BaseGeometry) -> None:
    kind = geom.geom_type
    if kind == "Point":
        _sub(_sub(parent, "Point"), "coordinates", _kml_coords(geom.coords))
    elif kind in ("LineString", "LinearRing"):
        line = _sub(parent, "LineString")
        _sub(line, "tessellate", 1)
        _sub(line, "coordinates", _kml_coords(geom.coords))
    elif kind == "Polygon":
        poly = _sub(parent, "Polygon")
        _sub(poly, "tessellate", 1)
        ring = _sub(_sub(poly, "outerBoundaryIs"), "LinearRing")
        _sub(ring, "coordinates", _kml_coords(geom.exterior.coords))
        for hole in geom.interiors:
            ring = _sub(_sub(poly, "innerBoundaryIs"), "LinearRing")
            _sub(ring, "coordinates", _kml_coords(hole.coords))
    else:  # Multi* and collections
        multi = _sub(parent, "MultiGeometry")
        for part in geom.geoms:
            if not part.is_empty:
                _kml_geometry(multi, part)


def _placemark(parent, name: str, description: str, style: str, geom=None, data=None):
    pm = _sub(parent, "Placemark")
    _sub(pm, "name", name)
    if description:
        _sub(pm, "description", description)
    _sub(pm, "styleUrl", f"#{style}")
    if data:
        ext = _sub(pm, "ExtendedData")
        for key, value in data.items():
            if value is None or value == "":
                continue
            d = _sub(ext, "Data", name=key)
            _sub(d, "value", value)
    if geom is not None and not geom.is_empty:
        _kml_geometry(pm, shapely.orient_polygons(geom))
    return pm


def _seamless(geom: BaseGeometry) -> BaseGeometry:
    """A reach area as KML draws it without the 180° cut or a pole's edge: the
    polygons (their style sets ``outline`` 0) plus the real boundary as lines."""
    from .seams import outline

    polys = list(getattr(geom, "geoms", [geom]))
    return shapely.GeometryCollection([*polys, *outline(geom).geoms])


def _style(doc, sid: str, *, line=None, fill=None, icon=None, label_scale=None,
           outline: bool = True) -> None:  # fmt: skip
    st = _sub(doc, "Style", id=sid)
    if icon is not None:
        ic = _sub(st, "IconStyle")
        _sub(ic, "color", icon)
        _sub(ic, "scale", "0.9")
    if label_scale is not None:
        _sub(_sub(st, "LabelStyle"), "scale", label_scale)
    if line is not None:
        ls = _sub(st, "LineStyle")
        _sub(ls, "color", line)
        _sub(ls, "width", 2)
    if fill is not None:
        ps = _sub(st, "PolyStyle")
        _sub(ps, "color", fill)
        _sub(ps, "fill", 1)
        _sub(ps, "outline", int(outline))


def _words(lang: str) -> dict[str, str]:
    from .i18n import strings

    return strings("EXPORT")[lang]


def _km_text(value: float, lang: str) -> str:
    text = f"{value:,.1f}"
    return text.replace(",", "\u202f").replace(".", ",") if lang == "uk" else text


def _target_description(rec: dict[str, Any], lang: str = "en") -> str:
    t = _words(lang)
    facts = [rec.get("kind") or ""]
    if rec.get("population"):
        people = f"{rec['population']:,}"
        facts.append(t["population"].format(
            people=people.replace(",", "\u202f") if lang == "uk" else people))  # fmt: skip
    lines = [", ".join(f for f in facts if f)]
    if rec.get("distance_km") is not None:
        lines.append(t["distance"].format(km=_km_text(rec["distance_km"], lang),
                                          launch=rec.get("launch", "")))  # fmt: skip
    if rec.get("reached_by"):
        lines.append(t["in_range_of"].format(weapons=rec["reached_by"]))
    if rec.get("authorization"):
        lines.append(rec["authorization"])
    return _html_lines(*lines)


def _target_name(rec: dict[str, Any], lang: str) -> str:
    return (rec.get("name_uk") or rec["name"]) if lang == "uk" else rec["name"]


def to_kml(result) -> bytes:
    """The result as KML 2.2 for Google Earth (``.kml``, UTF-8).

    One ``Folder`` per weapon holds its reach area (filled in the weapon's
    colour at 30 % opacity, outlined opaque) and a sub-folder of the targets
    it reaches; further folders hold the launch sites and areas and the
    notes, and the occupied territory on the scenario's date (its
    ``ExtendedData`` holds ``territory``, ``as_of``, ``snapshot_date`` and
    ``source``).  Placemark names are plain text; descriptions are HTML with
    every piece of data escaped.  Target facts also go into ``ExtendedData``.
    Names, folders and descriptions are in the scenario's label language
    (``scenario.lang``; the exports' words are :mod:`ranges.i18n`'s
    ``EXPORT`` section).
    """
    lang = result.scenario.lang
    t = _words(lang)
    root = ET.Element("kml", xmlns=KML_NAMESPACE)
    doc = _sub(root, "Document")
    _sub(doc, "name", _title(result))
    _sub(doc, "open", 1)
    _sub(doc, "description", _html_lines(_subtitle(result), _credits(result)))
    from .seams import has_seams

    seamed = [has_seams(w.area) for w in result.weapons]
    for i, w in enumerate(result.weapons):
        _style(doc, f"weapon-{i}", line=kml_color(w.color), fill=kml_color(w.color, 0.3),
               icon=kml_color(w.color))  # fmt: skip
        if seamed[i]:
            _style(doc, f"weapon-{i}-fill", line=kml_color(w.color),
                   fill=kml_color(w.color, 0.3), outline=False)  # fmt: skip
    _style(doc, "launch", line="ff000000", fill=kml_color("#000000", 0.25), icon="ff00ffff")
    _style(doc, "note", icon="ff00d7ff", label_scale="0.8")
    _style(doc, "occupied", line=kml_color(_OCCUPIED_COLOR), fill=kml_color(_OCCUPIED_COLOR, 0.25))

    for i, w in enumerate(result.weapons):
        folder = _sub(doc, "Folder")
        _sub(folder, "name", w.weapon.name)
        sources = t["sources"].format(sources=sources_line([w.weapon]))
        _sub(folder, "description", _html_lines(w.headline, w.authorization, sources))
        if not w.area.is_empty:
            ranges_km = f"{w.weapon.min_range_km:g}-{w.weapon.max_range_km:g}"
            # Across the 180° meridian or over a pole, the polygon's outline
            # would run along the cut: fill without outline, boundary as lines.
            geom, style = (_seamless(w.area), f"weapon-{i}-fill") if seamed[i] else (
                w.area, f"weapon-{i}")  # fmt: skip
            _placemark(folder, t["reach_of"].format(weapon=w.weapon.name, ranges=ranges_km),
                       _html_lines(w.headline), style, geom)  # fmt: skip
        reached = _target_frame(result, np.asarray(w.in_range, dtype=bool))
        if len(reached):
            sub = _sub(folder, "Folder")
            _sub(sub, "name", t["targets_in_range"].format(weapon=w.weapon.name,
                                                           count=len(reached)))  # fmt: skip
            for rec in _records(reached):
                _placemark(sub, _target_name(rec, lang), _target_description(rec, lang),
                           f"weapon-{i}",
                           shapely.Point(rec["lon"], rec["lat"]),
                           {k: v for k, v in rec.items() if k not in ("lon", "lat")})  # fmt: skip
    if result.sites:
        folder = _sub(doc, "Folder")
        _sub(folder, "name", t["sites_folder"])
        for name, geom in result.sites:
            what = t["launch_site"] if _is_point(geom) else t["launch_area"]
            _placemark(folder, result.scenario.name_in(name, lang), _html_lines(what), "launch",
                       geom)  # fmt: skip
    if result.scenario.notes:
        folder = _sub(doc, "Folder")
        _sub(folder, "name", t["notes_folder"])
        for n in result.scenario.notes:
            text = n.text_in(lang)
            desc = _html_lines(text, t["source"].format(source=n.source) if n.source else "")
            _placemark(folder, text, desc, "note", shapely.Point(n.lon, n.lat))
    occ = _occupied_props(result)
    folder = _sub(doc, "Folder")
    _sub(folder, "name", t["occupied_folder"].format(source=occ["source"],
                                                     date=occ["snapshot_date"]))  # fmt: skip
    _placemark(folder, t["occupied_placemark"].format(source=occ["source"],
                                                      date=occ["snapshot_date"]),
               _html_lines(occ["credit"], f"{occ['note']}."), "occupied",
               situation(result).occupied.geometry,
               {k: occ[k] for k in ("territory", "as_of", "snapshot_date", "source")})  # fmt: skip
    ET.indent(root, space=" ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


# --------------------------------------------------------------------------
# GeoPackage
# --------------------------------------------------------------------------
def _multi_type(geoms: Iterable[BaseGeometry | None]) -> str:
    """The GeoPackage geometry type for a layer ("Unknown" when mixed)."""
    kinds = set()
    for g in geoms:
        if g is None or g.is_empty:
            continue
        t = g.geom_type.removeprefix("Multi")
        kinds.add("Unknown" if t == "GeometryCollection" else t)
    if len(kinds) != 1 or kinds == {"Unknown"}:
        return "Unknown" if kinds else "MultiPolygon"
    kind = kinds.pop()
    return "Point" if kind == "Point" else f"Multi{kind}"


def _promote(geom: BaseGeometry | None, kind: str) -> BaseGeometry | None:
    if geom is None or geom.is_empty:
        return None
    geom = shapely.orient_polygons(geom)
    if kind == "MultiPolygon" and geom.geom_type == "Polygon":
        return shapely.MultiPolygon([geom])
    if kind == "MultiLineString" and geom.geom_type == "LineString":
        return shapely.MultiLineString([geom])
    return geom


def _gdf(columns: dict[str, Any], geoms: list, kind: str):
    import geopandas as gpd

    # Lists become text columns: an empty list would otherwise become a float field.
    columns = {k: pd.Series(v, dtype=str) if isinstance(v, list) else v for k, v in columns.items()}
    geoms = [_promote(g, kind) for g in geoms]
    return gpd.GeoDataFrame(columns, geometry=gpd.GeoSeries(geoms, crs="EPSG:4326"))


def to_gpkg(result, geodata, path: str | os.PathLike[str] | None = None) -> bytes:
    """The result as a GeoPackage (``.gpkg``), EPSG:4326.

    Layers (always all of them, empty when there is nothing to hold, so that
    a project file pointing at a layer keeps working):

    ``reach_areas``       MultiPolygon per weapon (fields as in :func:`geojson_dict`)
    ``launch_sites``      Point per launch site
    ``launch_areas``      each launch area (regions, border strips, uploaded shapes)
    ``targets``           Point per target in range
    ``regions_covered``   the outline of each region a reach area touches, one row
                          per weapon and region with ``covered_km2``,
                          ``region_km2`` and ``covered_pct``
    ``notes``             Point per note (``text``, ``source``)
    ``occupied_territory`` MultiPolygon of Russian-occupied Ukraine on the
                          scenario's date (``territory``, ``as_of``,
                          ``snapshot_date``, ``source``, ``credit``, ``note``)

    Dataset metadata holds ``title``, ``as_of``, ``occupied_snapshot_date``,
    ``attribution``, ``generator`` and ``scenario`` (the scenario file's JSON).

    Parameters
    ----------
    result : ranges.evaluate.Result
    geodata : ranges.geodata.GeoData
        For the region outlines.
    path : str or path-like, optional
        Also write the file there (replacing any file of that name).

    Returns
    -------
    bytes
        The GeoPackage (SQLite) file.
    """
    import pyogrio

    props = [_weapon_props(result, w) for w in result.weapons]
    for p in props:
        p["launch_sites"] = "; ".join(p["launch_sites"])
    columns = ("weapon", "weapon_name", "min_range_km", "max_range_km", "color",
               "launch_sites", "headline", "authorization", "sources")  # fmt: skip
    reach = _gdf({c: [p[c] for p in props] for c in columns},
                 [w.area for w in result.weapons], "MultiPolygon")  # fmt: skip
    for c in ("min_range_km", "max_range_km"):
        reach[c] = reach[c].astype(float)
    points = [(n, g) for n, g in result.sites if _is_point(g)]
    areas = [(n, g) for n, g in result.sites if not _is_point(g)]
    area_kind = _multi_type(g for _, g in areas)
    sites = _gdf({"name": [n for n, _ in points]}, [g for _, g in points], "Point")
    launch_areas = _gdf({"name": [n for n, _ in areas]}, [g for _, g in areas], area_kind)

    t = _target_frame(result)
    targets = _gdf({c: t[c] for c in t.columns}, list(shapely.points(t["lon"], t["lat"])), "Point")

    cov = _regions_frame(result)
    outlines = geodata.regions.set_index("region_id").geometry
    region_geoms = [outlines.get(rid) for rid in cov["region_id"]]
    regions = _gdf({c: cov[c] for c in cov.columns}, region_geoms, "MultiPolygon")

    notes = result.scenario.notes
    notes_gdf = _gdf({"text": [n.text for n in notes], "source": [n.source for n in notes]},
                     [shapely.Point(n.lon, n.lat) for n in notes], "Point")  # fmt: skip

    occ = _occupied_props(result)
    occupied = _gdf({k: [v] for k, v in occ.items()}, [situation(result).occupied.geometry],
                    "MultiPolygon")  # fmt: skip

    meta = {
        "title": _title(result),
        "subtitle": _subtitle(result),
        "as_of": occ["as_of"],
        "occupied_snapshot_date": occ["snapshot_date"],
        "attribution": _credits(result),
        "generator": _GENERATOR,
        "scenario": json.dumps(_scenario_dict(result), ensure_ascii=False, allow_nan=False),
    }
    layers = [
        ("reach_areas", reach, "MultiPolygon"),
        ("launch_sites", sites, "Point"),
        ("launch_areas", launch_areas, area_kind),
        ("targets", targets, "Point"),
        ("regions_covered", regions, "MultiPolygon"),
        ("notes", notes_gdf, "Point"),
        ("occupied_territory", occupied, "MultiPolygon"),
    ]
    with tempfile.TemporaryDirectory(prefix="strike-range-") as tmp:
        file = Path(tmp) / "export.gpkg"
        for i, (name, gdf, kind) in enumerate(layers):
            # GeoPackage 1.2: GDAL 3.6 (Debian's QGIS) warns on the 1.4 that
            # newer GDAL writes by default, and 1.2 holds everything written here.
            pyogrio.write_dataframe(
                gdf, file, layer=name, driver="GPKG", geometry_type=kind,
                dataset_metadata=meta if i == 0 else None,
                dataset_options={"VERSION": "1.2"} if i == 0 else None,
            )  # fmt: skip
        data = file.read_bytes()
    if path is not None:
        _write_replacing(Path(path), data)
    return data


# --------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------
def _cell(value: Any) -> Any:
    value = _py(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return csv_safe(value) if isinstance(value, str) else value


def _dated(df: pd.DataFrame, result) -> pd.DataFrame:
    """``df`` with the columns ``as_of`` (the date the table describes) and
    ``snapshot_date`` (of the occupied-territory snapshot behind ``territory``)."""
    sit = situation(result)
    return df.assign(as_of=sit.as_of, snapshot_date=sit.occupied.snapshot_date.isoformat())


def _csv_bytes(df: pd.DataFrame, bom: bool) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")  # RFC 4180 line ends
    w.writerow([csv_safe(str(c)) for c in df.columns])
    for row in df.itertuples(index=False, name=None):
        w.writerow([_cell(v) for v in row])
    return buf.getvalue().encode("utf-8-sig" if bom else "utf-8")


def targets_csv(result, *, include_all: bool = False, bom: bool = True) -> bytes:
    """The targets in range as CSV, one row per target.

    Columns: ``name``, ``name_uk``, ``layer``, ``kind``, ``country``,
    ``population`` (cities only), ``lat``, ``lon`` (degrees, 6 decimals),
    ``distance_km`` and ``bearing_deg`` to and from the nearest ``launch``
    site, ``reached_by`` (weapon names, ``; ``-separated), with an
    authorization overlay ``authorized`` and ``authorization``, and last
    ``as_of`` (the date the table describes) and ``snapshot_date`` (of the
    occupied-territory snapshot that ``territory`` was read from).

    Parameters
    ----------
    result : ranges.evaluate.Result
    include_all : bool
        Every target analysed, with an ``in_range`` column, instead of only
        those in range.
    bom : bool
        Start with a UTF-8 byte-order mark (default, for Excel).

    Text cells that a spreadsheet would take for a formula are prefixed with
    ``'`` (:func:`ranges.targets.csv_safe`).
    """
    if include_all:
        df = _target_frame(result, np.ones(len(result.targets), dtype=bool))
        df.insert(df.columns.get_loc("lon") + 1, "in_range",
                  result.targets["in_range"].to_numpy(bool))  # fmt: skip
    else:
        df = _target_frame(result)
    return _csv_bytes(_dated(df, result), bom)


def regions_csv(result, *, bom: bool = True) -> bytes:
    """The regions the reach areas touch, as CSV: one row per weapon and region.

    Columns: ``weapon_id``, ``weapon``, ``region_id``, ``region``,
    ``name_uk``, ``country``, ``status``, ``covered_km2``, ``region_km2``
    (geodesic areas, km²), ``covered_pct``, ``as_of`` and ``snapshot_date`` (as in
    :func:`targets_csv`); weapons in legend order, then largest share first.
    Encoding and formula protection as :func:`targets_csv`.
    """
    return _csv_bytes(_dated(_regions_frame(result), result), bom)


# --------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                   "\u2028": "\\u2028", "\u2029": "\\u2029"}  # fmt: skip


def script_safe_json(text: str) -> str:
    """Make JSON text safe to place inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` (and the JavaScript line separators U+2028/9) are
    written as ``\\uXXXX`` escapes.  Outside strings JSON has none of these
    characters, so the value is unchanged, yet no ``</script>`` or ``<!--``
    can appear.

    Examples
    --------
    >>> script_safe_json('{"name": "</script>"}')
    '{"name": "\\\\u003c/script\\\\u003e"}'
    """
    return re.sub("[<>&\u2028\u2029]", lambda m: _SCRIPT_ESCAPES[m.group()], text)


# Tags of pydeck's page template that fetch from the network; none is needed
# without a base map from a tile provider (the bundle itself is inlined).
_REMOTE_TAGS = re.compile(
    r"""<script\s+src=["']https?://[^"'<>]*["']\s*>\s*</script>\s*"""
    r"""|<link\s+rel=["']?stylesheet["']?\s+href=["']?https?://[^"'<>\s]*["']?\s*/?>\s*""",
    re.IGNORECASE,
)

_CAPTION_CSS = """
.sr-caption {position: absolute; z-index: 2; left: 12px; bottom: 12px; max-width: 36em;
  padding: 8px 12px; background: rgba(20, 20, 20, 0.82); color: #eee;
  font: 13px/1.35 system-ui, sans-serif; border-radius: 4px; pointer-events: none;}
.sr-caption h1 {font-size: 16px; margin: 0 0 4px;}
.sr-caption p {margin: 2px 0;}
.sr-caption .sr-credits {color: #aaa; font-size: 11px;}
.sr-caption .sr-date {font-weight: 600;}
"""


def _as_of_text(result, lang: str) -> str:
    """"Situation as of 17 Nov 2024" in the page's language (the static map's wording)."""
    from .render import as_of_text

    return as_of_text(situation(result).as_of, lang)


def _caption(result, lang: str) -> str:
    parts = [f"<h1>{html.escape(_title(result, lang))}</h1>"]
    if _subtitle(result, lang):
        parts.append(f"<p>{html.escape(_subtitle(result, lang))}</p>")
    parts.append(f'<p class="sr-date">{html.escape(_as_of_text(result, lang))}</p>')
    for w in result.weapons:
        parts.append(f"<p>{html.escape(w.headline)}</p>")
    parts.append(f'<p class="sr-credits">{html.escape(_credits(result, dated=False))}</p>')
    return f'<div class="sr-caption">{"".join(parts)}</div>'


def _inert(value: Any) -> Any:
    """Layer data safe from deck.gl's ``@@`` expressions (see :mod:`ranges.deck`)."""
    from .deck import _defused

    return _defused(value)


def _deck_json(deck) -> str:
    """The deck's JSON with its layers' data made inert (see :func:`_inert`).

    deck.gl converts ``"@@=..."`` strings anywhere in the JSON, data included:
    a target named ``@@=x()`` stops the whole map ("Function calls not allowed
    in JSON expressions").  Layer properties keep their accessors.
    """
    spec = json.loads(deck.to_json())
    for layer in spec.get("layers") or []:
        if isinstance(layer, dict) and "data" in layer:
            layer["data"] = _inert(layer["data"])
    return json.dumps(spec, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _keyless(deck):
    """A shallow copy of ``deck`` without the API keys pydeck read from the environment."""
    deck = copy.copy(deck)
    for attr in [a for a in vars(deck) if a.endswith("_key")]:
        setattr(deck, attr, None)
    return deck


def world_view(result, *, width_px: int = 900, height_px: int = 620):
    """The opening view of an HTML map whose scene leaves the theatre box, or
    None inside it: :func:`ranges.deck.view.world_view_for`, which
    :func:`ranges.deck.build_deck` itself uses."""
    from .deck.view import world_view_for

    return world_view_for(result, width_px=width_px, height_px=height_px)


def deck_spec(result, geodata, *, lang: str | None = None) -> tuple[str, Any]:
    """The interactive map's deck.gl JSON and tooltip, as every HTML export embeds them.

    The deck is :func:`ranges.deck.build_deck` without the API keys pydeck
    read from the environment, its layers' data made inert (see
    :func:`_deck_json`), opening on the scene wherever on Earth it is
    (:func:`world_view`).  Shared by :func:`to_html` and :mod:`ranges.site`.

    Returns
    -------
    spec : str
        Compact JSON text (not yet :func:`script_safe_json`).
    tooltip : dict or bool
        pydeck's tooltip setting (``{"text": "{tooltip}"}``: plain text).
    """
    from .deck import build_deck

    deck = _keyless(build_deck(result, geodata, lang=lang or result.scenario.lang))
    return _deck_json(deck), deck._tooltip


def check_no_keys(text: str, what: str) -> None:
    """Refuse to write ``text`` (a page or script) holding an API key from the environment.

    Raises
    ------
    RuntimeError
        Naming the variable whose value was found (never the value).
    """
    for var in _KEY_ENV_VARS:
        value = os.environ.get(var, "")
        if len(value) >= 8 and value in text:
            raise RuntimeError(f"{what} would contain the API key from ${var}; not written")


def to_html(result, geodata, *, lang: str | None = None, offline: bool = True) -> bytes:
    """A standalone interactive map page (``.html``, UTF-8).

    The map is :func:`ranges.deck.build_deck` (base layer from the shipped
    geodata, no tiles), rendered by pydeck's page template, plus a caption
    with the title, headlines and credits.

    Parameters
    ----------
    result : ranges.evaluate.Result
    geodata : ranges.geodata.GeoData
    lang : {"en", "uk"}, optional
        Label language; defaults to the scenario's.
    offline : bool
        True (default): pydeck's deck.gl bundle (about 4 MB, shipped in the
        pydeck wheel) is inlined and the template's links to Mapbox GL,
        Bootstrap, Font Awesome and MapLibre stylesheets are removed, so the
        page opens with no network at all.  False: a small page that loads
        deck.gl from cdn.jsdelivr.net (pydeck's default).

    Notes
    -----
    No API key reaches the page, even when ``MAPBOX_API_KEY`` or a similar
    variable is set: the keys pydeck reads from the environment are dropped
    before rendering, and the page is checked for their values.  The deck's
    JSON and tooltip are embedded with :func:`script_safe_json`, so labels
    cannot end the ``<script>`` element, and strings in the layers' data that
    start with ``@@`` get a zero-width space in front, so that deck.gl shows
    them as text instead of evaluating them (or failing to).
    """
    from pydeck.io.html import deck_to_html

    lang = lang or result.scenario.lang
    spec, tooltip = deck_spec(result, geodata, lang=lang)
    if not isinstance(tooltip, bool):
        # pydeck prints a dict tooltip as a Python repr; JSON is valid JavaScript.
        tooltip = script_safe_json(json.dumps(tooltip, ensure_ascii=False))
    page = deck_to_html(
        script_safe_json(spec),
        mapbox_key=None,
        google_maps_key=None,
        tooltip=tooltip,
        custom_libraries=None,
        configuration=None,
        as_string=True,
        notebook_display=False,
        offline=offline,
    )
    if offline:
        page = _REMOTE_TAGS.sub("", page)
    title = html.escape(_title(result, lang))
    page = page.replace("<title>pydeck</title>", f"<title>{title}</title>", 1)
    # The caption goes before the template's </body>, the last one: the inlined
    # bundle comes earlier in the page.
    head, sep, tail = page.rpartition("</body>")
    if not sep:
        raise RuntimeError("pydeck's page template has no </body>; cannot add the caption")
    page = f"{head}<style>{_CAPTION_CSS}</style>\n{_caption(result, lang)}\n{sep}{tail}"
    check_no_keys(page, "the map page")
    return page.encode("utf-8")
