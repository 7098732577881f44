"""Ukrainian names of foreign cities from two KDE education programs.

KDE's Ukrainian team translates every city of KStars (the planetarium, whose
``citydb.sqlite`` lists about 3,400 observing sites with their coordinates)
and every capital of KGeography's maps (the geography trainer: the provinces
of Turkey, Iran, Poland, Germany ... each with its capital).  The build takes
the folder both Debian packages were unpacked into (``--kde``)::

    apt-get download kstars-data=5:3.6.2-2 kgeography-data=4:22.12.3-1
    dpkg-deb -x kstars-data_5%3a3.6.2-2_all.deb /tmp/kde
    dpkg-deb -x kgeography-data_4%3a22.12.3-1_all.deb /tmp/kde

They name the cities abroad that neither CLDR, nor a GeoNames alternate, nor a
cited exonym, nor GNOME does (``city_names.ukrainian_names``, sources
``kstars``: Магдебург, Клайпеда; ``kgeography``: Мерсін, Кельце), when
GeoNames confirms the spelling (``gweather_names.confirmed``).  Imported by
``scripts/city_names.py``; reads the names only (both packages are
GPL-2+).
"""

from __future__ import annotations

import gettext
import re
import sqlite3
from pathlib import Path

import numpy as np
import pandas as pd

# sibling scripts: scripts/ is on the module path when a script runs, and when
# the tests load one (tests/tools.script)
import gweather_names

__all__ = ["KDE_PACKAGES", "read_kstars", "read_kgeography", "capital_matches"]

#: The Debian packages (name, version) the shipped names were built from.
KDE_PACKAGES = (("kstars-data", "5:3.6.2-2"), ("kgeography-data", "4:22.12.3-1"))
CITYDB = Path("usr/share/kstars/citydb.sqlite")
KSTARS_UK = Path("usr/share/locale/uk/LC_MESSAGES/kstars.mo")
KGEOGRAPHY = Path("usr/share/kgeography")
KGEOGRAPHY_UK = Path("usr/share/locale/uk/LC_MESSAGES/kgeography.mo")

_LATIN = re.compile(r"[A-Za-z]")
# Country names of KStars and KGeography that CLDR's English names spell otherwise.
_COUNTRY_ALIASES = {
    "Bosnia and Herzegovina": "BA", "Czech Republic": "CZ", "Macedonia": "MK",
    "Moldova": "MD", "Russia": "RU", "Turkey": "TR", "Iran": "IR", "Syria": "SY",
}  # fmt: skip


City = gweather_names.GweatherCity


def country_codes() -> dict[str, str]:
    """English country name -> ISO 3166 alpha-2, from CLDR (through babel) and
    :data:`_COUNTRY_ALIASES`."""
    from babel import Locale

    codes = {
        name: code
        for code, name in Locale("en").territories.items()
        if len(code) == 2 and code.isalpha()
    }
    return {**codes, **_COUNTRY_ALIASES}


def _ukrainian(catalogue, context: str, name: str) -> str:
    uk = catalogue.pgettext(context, name).strip()
    uk = uk.replace("'", "\u2019").replace("\u02bc", "\u2019")
    return "" if uk == name or _LATIN.search(uk) else uk


def _degrees(text: str) -> float:
    """KStars' ``' 51° 39' 00"'`` or ``'-121° 17' 00"'`` as decimal degrees
    (one row, Altenstadt's latitude, is written ``47.8339``)."""
    parts = [abs(float(v)) for v in re.findall(r"\d+(?:\.\d+)?", text)] + [0.0, 0.0]
    sign = -1.0 if text.strip().startswith("-") else 1.0
    return sign * (parts[0] + parts[1] / 60 + parts[2] / 3600)


def read_kstars(root: Path) -> list:
    """Every KStars city under ``root`` with a Ukrainian name, as
    ``gweather_names.GweatherCity`` records (so ``gweather_matches`` places
    them).  KStars keys a name by ``City in <province> <country>`` (or ``City
    in <country>``); a name left untranslated or with a Latin letter is not
    taken, nor a city whose country CLDR does not name."""
    root = Path(root)
    with open(root / KSTARS_UK, "rb") as fh:
        catalogue = gettext.GNUTranslations(fh)
    codes = country_codes()
    out = []
    with sqlite3.connect(f"file:{root / CITYDB}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT Name, Province, Country, Latitude, Longitude FROM city")
        for name, province, country, lat, lon in rows:
            iso2 = codes.get(country)
            where = f"{province} {country}" if province else country
            uk = _ukrainian(catalogue, f"City in {where}", name)
            if iso2 and uk:
                out.append(City(iso2, name, uk, _degrees(lat), _degrees(lon)))
    return out


def read_kgeography(root: Path) -> list[tuple[str, str, str]]:
    """(ISO alpha-2, capital, Ukrainian name) for every capital of a division
    on a KGeography map of one country (``turkey.kgm``: Mersin -> Мерсін).

    A capital's name is translated in the map's context (``turkey.kgm``); where
    a division is named like its capital the two share one translation, which
    may be the division's (a form like Пловдівська область), so GeoNames'
    confirmation (:func:`capital_matches`) is what keeps it out.
    """
    import defusedxml.ElementTree as ET

    root = Path(root)
    with open(root / KGEOGRAPHY_UK, "rb") as fh:
        catalogue = gettext.GNUTranslations(fh)
    codes = country_codes()
    out = []
    for path in sorted((root / KGEOGRAPHY).glob("*.kgm")):
        tree = ET.parse(path).getroot()
        iso2 = codes.get((tree.findtext("name") or "").strip())
        if not iso2:
            continue
        for division in tree.iter("division"):
            capital = (division.findtext("capital") or "").strip()
            uk = _ukrainian(catalogue, path.name, capital) if capital else ""
            if uk:
                out.append((iso2, capital, uk))
    return out


def capital_matches(
    cities: pd.DataFrame, capitals: list[tuple[str, str, str]], rejected: dict | None = None
) -> dict:
    """Row index of ``cities`` -> (Ukrainian name, KGeography's capital).

    KGeography gives no coordinates, so a capital names the most populous city
    of its country called so (``name_en`` or ``name_ascii``), else the most
    populous one having it as an alternate, if ``gweather_names.confirmed`` by
    that city's alternates.  ``cities`` needs the columns ``gweather_matches``
    needs and ``population``.  Unconfirmed names go into ``rejected``.
    """
    if not capitals or cities.empty:
        return {}
    fold = gweather_names._fold
    iso2 = cities["admin1_code"].str[:2].to_numpy()
    population = cities["population"].to_numpy(float)
    names = [{fold(a), fold(b)} for a, b in zip(cities["name_en"], cities["name_ascii"],
                                                 strict=True)]  # fmt: skip
    alternates = [{fold(a) for a in str(alt).split(";") if a} for alt in cities["alt_names"]]
    out: dict = {}
    for country, capital, uk in capitals:
        key = fold(capital)
        rows = np.flatnonzero(iso2 == country)
        for pool in (names, alternates):
            hits = [r for r in rows if key in pool[r]]
            if hits:
                break
        if not key or not hits:
            continue
        index = cities.index[max(hits, key=lambda r: population[r])]
        if index in out:
            continue
        if gweather_names.confirmed(uk, str(cities.at[index, "alt_names"])):
            out[index] = (uk, capital)
        elif rejected is not None:
            rejected[index] = (uk, capital)
    return out
