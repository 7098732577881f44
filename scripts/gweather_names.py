"""Ukrainian names of foreign cities from GNOME's world locations database.

libgweather, the GNOME weather library, ships ``Locations.xml`` (about 4,200
cities of the world with their coordinates) and a Ukrainian translation of
every name in it, ``libgweather-4.0-locations.mo``, kept by the GNOME Ukrainian
team (Debian package ``libgweather-4-common``; GPL-2+).  The build takes the
folder that package was unpacked into (``--gweather``)::

    apt-get download libgweather-4-common=4.2.0-2
    dpkg-deb -x libgweather-4-common_4.2.0-2_all.deb /tmp/gweather

It names the cities abroad that neither CLDR, nor a GeoNames alternate, nor a
cited exonym does (Вроцлав, Лодзь, Познань: ``city_names.ukrainian_names``,
source ``gweather``), when GeoNames confirms the spelling (:func:`confirmed`).
Imported by ``scripts/city_names.py``.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

__all__ = ["GWEATHER_PACKAGE", "GweatherCity", "read_gweather", "gweather_matches"]

#: The Debian package (name, version) the shipped names were built from.
GWEATHER_PACKAGE = ("libgweather-4-common", "4.2.0-2")
LOCATIONS = Path("usr/share/libgweather-4/Locations.xml")
UKRAINIAN = Path("usr/share/locale/uk/LC_MESSAGES/libgweather-4.0-locations.mo")

#: A libgweather city is a GeoNames city when they share a country, a name and
#: a place: libgweather puts a city at its weather station or centre, 0.7 km
#: from GeoNames' point at the median, 24 km at worst for a capital's name
#: (Ankara); a name only among GeoNames' alternates must be nearer, since
#: several towns share one (Qods and Karaj, 15 km apart).
MAX_KM_NAME = 30.0
MAX_KM_ALTERNATE = 5.0

_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[а-яёіїєґ]", re.IGNORECASE)
# Letters where a Ukrainian and a Russian spelling of one foreign name differ.
_LOOSE = str.maketrans("іїйыєэ", "ииииее", "ьъ")


class GweatherCity(NamedTuple):
    iso2: str
    name_en: str
    name_uk: str
    lat: float
    lon: float


def read_gweather(root: Path) -> list[GweatherCity]:
    """Every city of ``Locations.xml`` under ``root`` with its Ukrainian name.

    A name's ``msgctxt`` (``City in Texas, United States``) is part of its key
    in the catalogue; a name left untranslated, or translated with a Latin
    letter in it, is not taken.  The apostrophe is written ’ as in KATOTTG.
    """
    import defusedxml.ElementTree as ET

    root = Path(root)
    with open(root / UKRAINIAN, "rb") as fh:
        catalogue = gettext.GNUTranslations(fh)
    tree = ET.parse(root / LOCATIONS)
    out: list[GweatherCity] = []

    def walk(element, iso2: str) -> None:
        for child in element:
            if child.tag == "country":
                walk(child, child.findtext("iso-code") or "")
            elif child.tag in ("region", "state"):
                walk(child, iso2)
            elif child.tag == "city":
                name, where = child.find("_name"), child.findtext("coordinates")
                if name is None or not name.text or not where or not iso2:
                    continue
                context = name.get("msgctxt")
                uk = catalogue.pgettext(context, name.text) if context else catalogue.gettext(
                    name.text
                )
                uk = uk.replace("'", "\u2019").replace("\u02bc", "\u2019")
                if uk == name.text or _LATIN.search(uk):
                    continue
                lat, lon = (float(v) for v in where.split())
                out.append(GweatherCity(iso2, name.text, uk, lat, lon))

    walk(tree.getroot(), "")
    return out


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    return re.sub(r"[^0-9a-z]+", "", "".join(c for c in text if not unicodedata.combining(c)))


def _loose(text: str) -> str:
    text = re.sub(r"[\W_]+", "", unicodedata.normalize("NFC", text).casefold())
    return text.translate(_LOOSE)


def confirmed(name_uk: str, alternates: str) -> bool:
    """Whether a GeoNames alternate (``;``-joined) spells ``name_uk`` alike, up
    to the letters where Ukrainian and Russian spellings differ (и/і/ї/й/ы,
    е/є/э, ь, ъ) and to spaces, hyphens and apostrophes.

    GNOME's translators say a name is Ukrainian; GeoNames says the spelling is
    in use.  Names only one of them gives are left out: a region's name where
    a city shares it (Пловдівська область for Plovdiv), slips (Жошув for
    Chorzów, GeoNames Хожув; Казерата for Caserta), a former name (Сахтсар for
    Ramsar).

    >>> confirmed("Вроцлав", "Breslau;Вроцлав"), confirmed("Тімішоара", "Тимишоара")
    (True, True)
    >>> confirmed("Жошув", "Хожаў;Хожув"), confirmed("Анталія", "")
    (False, False)
    """
    key = _loose(name_uk)
    return any(_loose(a) == key for a in alternates.split(";") if _CYRILLIC.search(a))


def _km(lon1, lat1, lon2, lat2) -> np.ndarray:
    from pyproj import Geod

    n = np.broadcast_shapes(np.shape(lon1), np.shape(lon2))
    _, _, metres = Geod(ellps="WGS84").inv(
        np.broadcast_to(lon1, n), np.broadcast_to(lat1, n),
        np.broadcast_to(lon2, n), np.broadcast_to(lat2, n),
    )  # fmt: skip
    return np.asarray(metres) / 1000.0


def gweather_matches(
    cities: pd.DataFrame, gweather: list[GweatherCity], rejected: dict | None = None
) -> dict:
    """Row index of ``cities`` -> (Ukrainian name, libgweather's English name).

    ``cities`` needs ``name_en``, ``name_ascii``, ``alt_names`` (``;``-joined),
    ``admin1_code`` (its first two letters are the ISO country), ``lon``,
    ``lat``.  A libgweather city matches the cities of its country named as it
    is within :data:`MAX_KM_NAME` km, or having its name as an alternate within
    :data:`MAX_KM_ALTERNATE` km; it names the nearest of them if
    :func:`confirmed` by its alternates, and where two libgweather cities would
    name one city, the nearer wins.  The names a match had that GeoNames does
    not confirm go into ``rejected`` (row index -> (Ukrainian, English)).
    """
    if not gweather or cities.empty:
        return {}
    iso2 = cities["admin1_code"].str[:2].to_numpy()
    lon, lat = cities["lon"].to_numpy(float), cities["lat"].to_numpy(float)
    names = [{_fold(a), _fold(b)} for a, b in zip(cities["name_en"], cities["name_ascii"],
                                                   strict=True)]  # fmt: skip
    alternates = [{_fold(a) for a in str(alt).split(";") if a} for alt in cities["alt_names"]]
    best: dict[int, tuple[float, str, str]] = {}
    for city in gweather:
        key = _fold(city.name_en)
        rows = np.flatnonzero(iso2 == city.iso2)
        if not len(rows) or not key:
            continue
        km = _km(lon[rows], lat[rows], city.lon, city.lat)
        named = np.array([key in names[r] for r in rows])
        alternate = np.array([key in alternates[r] for r in rows])
        ok = (named & (km <= MAX_KM_NAME)) | (alternate & (km <= MAX_KM_ALTERNATE))
        if not ok.any():
            continue
        j = int(np.argmin(np.where(ok, km, np.inf)))
        index = cities.index[rows[j]]
        if not confirmed(city.name_uk, str(cities.at[index, "alt_names"])):
            if rejected is not None:
                rejected[index] = (city.name_uk, city.name_en)
            continue
        if index not in best or km[j] < best[index][0]:
            best[index] = (float(km[j]), city.name_uk, city.name_en)
    return {i: (uk, en) for i, (_, uk, en) in best.items()}
