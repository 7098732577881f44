"""Ukrainian names for the airfields layer (``name_uk``, ``name_uk_source``).

airportsdata, the airfields' source, names them in English only.  A
Ukrainian name is not translated here; it is borrowed from a layer that has
a sourced one, or the field is called by its code.  The rule, in the order it
is tried (data/README.md, "Ukrainian airfield names"):

1. ``place``: an air base in ``data/places.csv`` (hand-checked, cited) whose
   source names the airfield's code, or that lies within
   :data:`PLACE_KM` of it, lends its Ukrainian name: «Авіабаза Морозовськ
   (URRM)»;
2. ``city``: airportsdata's ``city`` field (else the airport's name without
   words such as "Airport", "International", "Air Base", else that name's
   last or first word) equals the English,
   ASCII or an alternate name of a town of ``cities.fgb`` in the same
   country that has a ``name_uk``; the nearest such town within
   :data:`CITY_KM` names it: «Аеродром Курськ (UUOK)» ("the airfield of
   Kursk", the way Ukrainian media name an airfield after its town);
3. ``code``: otherwise «Аеродром ULAE»: no layer gives a Ukrainian name, and
   the code is the one name both languages share.

The code follows every name, so two airfields of one town stay apart; for a
few Russian military fields it is airportsdata's pseudo-code beginning with
X (Engels = XWSG), not an ICAO code.

Run on its own to rewrite ``data/airfields.fgb`` in place from the shipped
``cities.fgb`` and ``places.csv`` (the other columns are kept as they are)::

    .venv/bin/python scripts/airfield_names.py [DATA_DIR]

``scripts/build_data.py`` imports it for a full rebuild.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd

#: Farthest an air base of places.csv may lie from the airfield it names, km.
PLACE_KM = 3.0
#: Farthest a town may lie from an airfield named after it, km (Moscow's
#: Domodedovo is 42 km from the city's point).
CITY_KM = 50.0

_GENERIC = re.compile(
    r"\b(international|regional|municipal|airport|airfield|aerodrome|air\s*base|airbase|"
    r"air\s*force\s*base|heliport|army|military|naval|north|south|east|west|central)\b",
    re.IGNORECASE,
)


def _key(name: str) -> str:
    """A spelling-insensitive key: no accents, case folded, one space."""
    text = unicodedata.normalize("NFKD", str(name or ""))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").replace("-", " ")
    return " ".join(text.casefold().split())


def _stem(airport_name: str) -> str:
    """The airport's name without the generic words: the town, usually."""
    return _key(_GENERIC.sub(" ", str(airport_name or "")))


def _keys(row) -> list[str]:
    """Names of the town an airfield may be named after, most likely first:
    airportsdata's ``city``, the airport's name without generic words, and
    that name's last and first word ("Havryshivka Vinnytsia International
    Airport" is Vinnytsia's)."""
    stem = _stem(row.name)
    words = stem.split()
    keys = [_key(row.city), stem, *((words[-1], words[0]) if len(words) > 1 else ())]
    return [k for i, k in enumerate(keys) if k and k not in keys[:i]]


def _geod():
    from pyproj import Geod

    return Geod(ellps="WGS84")


def _town_index(cities: pd.DataFrame) -> dict[tuple[str, str], list[int]]:
    """(name key, country) -> rows of the towns with a Ukrainian name."""
    index: dict[tuple[str, str], list[int]] = {}
    for i, row in enumerate(cities.itertuples(index=False)):
        if not str(row.name_uk or ""):
            continue
        names = {row.name_en, row.name_ascii, *str(row.alt_names or "").split(";")}
        for name in names:
            if name and _key(name):
                index.setdefault((_key(name), row.country), []).append(i)
    return index


def ukrainian_names(airfields: pd.DataFrame, cities: pd.DataFrame, places: pd.DataFrame):
    """``(name_uk, name_uk_source)`` for each airfield, as two lists.

    ``airfields`` needs ``icao``, ``name``, ``city``, ``country``, ``lon``,
    ``lat``; ``cities`` the columns of ``cities.fgb``; ``places`` those of
    ``places.csv``.  ``name_uk_source`` is ``place``, ``city`` or ``code``
    (the module docstring gives the rule)."""
    geod = _geod()
    bases = places[places["kind"] == "airbase"].reset_index(drop=True)
    cited = [str(s) + " " + str(q) for s, q in zip(bases["source"], bases["quote"], strict=True)]
    towns = _town_index(cities)
    city_lon, city_lat = cities["lon"].to_numpy(float), cities["lat"].to_numpy(float)
    out_name, out_source = [], []
    for row in airfields.itertuples(index=False):
        code = row.icao
        place = _place_for(row, bases, cited, geod)
        if place is not None:
            out_name.append(f"{place} ({code})")
            out_source.append("place")
            continue
        town = None
        for key in _keys(row):
            rows = towns.get((key, row.country), []) if key else []
            if rows:
                n = len(rows)
                _, _, d = geod.inv(np.full(n, row.lon), np.full(n, row.lat),
                                   city_lon[rows], city_lat[rows])  # fmt: skip
                k = int(np.argmin(d))
                if d[k] <= CITY_KM * 1000.0:
                    town = cities["name_uk"].iloc[rows[k]]
                    break
        if town is not None:
            out_name.append(f"Аеродром {town} ({code})")
            out_source.append("city")
        else:
            out_name.append(f"Аеродром {code}")
            out_source.append("code")
    return out_name, out_source


def _place_for(row, bases: pd.DataFrame, cited: list[str], geod) -> str | None:
    if bases.empty:
        return None
    for i, text in enumerate(cited):
        if re.search(rf"\b{re.escape(row.icao)}\b", text):
            return bases["name_uk"].iloc[i]
    n = len(bases)
    _, _, d = geod.inv(np.full(n, row.lon), np.full(n, row.lat),
                       bases["lon"].to_numpy(float), bases["lat"].to_numpy(float))  # fmt: skip
    k = int(np.argmin(d))
    return bases["name_uk"].iloc[k] if d[k] <= PLACE_KM * 1000.0 else None


def with_names(airfields, cities, places):
    """A copy of ``airfields`` with ``name_uk`` and ``name_uk_source`` after ``name``."""
    out = airfields.drop(columns=[c for c in ("name_uk", "name_uk_source") if c in airfields])
    names, sources = ukrainian_names(out, cities, places)
    at = list(out.columns).index("name") + 1
    out.insert(at, "name_uk", names)
    out.insert(at + 1, "name_uk_source", sources)
    return out


def coverage(airfields) -> dict:
    """How many airfields took each kind of name, overall and in UKR, RUS, BLR."""
    src = airfields["name_uk_source"]
    near = airfields["country"].isin(["UKR", "RUS", "BLR"])
    return {
        "all": {k: int((src == k).sum()) for k in ("place", "city", "code")},
        "UKR, RUS, BLR": {k: int(((src == k) & near).sum()) for k in ("place", "city", "code")},
    }


def main(argv: list[str] | None = None) -> int:
    import pyogrio

    argv = sys.argv[1:] if argv is None else argv
    data = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "data"
    path = data / "airfields.fgb"
    airfields = pyogrio.read_dataframe(path)
    cities = pyogrio.read_dataframe(data / "cities.fgb")
    places = pd.read_csv(data / "places.csv", keep_default_na=False)
    out = with_names(airfields, cities, places)
    path.unlink()
    pyogrio.write_dataframe(out, path, driver="FlatGeobuf", layer=path.stem, SPATIAL_INDEX="NO")
    manifest_path = data / "manifest.json"
    if manifest_path.exists():  # the counts and size a full build would record
        import json

        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        manifest["files"]["airfields.fgb"]["bytes"] = path.stat().st_size
        manifest["stats"]["airfields"]["name_uk"] = coverage(out)
        manifest_path.write_text(
            json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True) + "\n",
            encoding="utf-8",
        )
    print(coverage(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
