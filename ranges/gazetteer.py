"""Find places, cities, airfields, regions and countries by name.

:class:`Gazetteer` indexes the layers of a :class:`~ranges.geodata.GeoData`
under every spelling the data carries (English, Ukrainian, Russian, GeoNames
alternate names, ICAO / IATA codes, Natural Earth local names) plus an explicit
table of old transliterations.  Matching ignores case, accents and apostrophes
(``Kharkov`` = ``khar'kov`` = ``Харків`` via alias, ``L’gov`` = ``Lgov``).

When a name matches several kinds, the first kind wins in this order:
hand-curated place > city (largest population) > airfield > region > country.
Two different entities of the winning kind that match equally well raise
:class:`~ranges.errors.UnknownNameError` listing the candidates; a trailing
country qualifier (``"Bar, UA"``, ``"Bar, MNE"``, ``"Bar, Ukraine"``) picks one.

Coordinates are WGS84 with x = longitude, y = latitude.
"""

from __future__ import annotations

import bisect
import difflib
import gzip
import hashlib
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import shapely

from ranges.errors import UnknownNameError
from ranges.geodata import DEFAULT_DATA_DIR, LAYER_FILES

if TYPE_CHECKING:
    from ranges.geodata import GeoData

__all__ = [
    "KINDS",
    "ALIASES",
    "AMBIGUOUS_POPULATION_RATIO",
    "INDEX_FILE",
    "Place",
    "Gazetteer",
    "load_gazetteer",
    "write_index",
    "index_fingerprint",
    "normalize",
]

#: The look-up index of the shipped layers, precomputed by
#: ``python scripts/build_indexes.py gazetteer`` (building it takes ~0.5 s and
#: pandas; reading it ~0.05 s without).
INDEX_FILE = DEFAULT_DATA_DIR / "gazetteer.json.gz"
_INDEX_FORMAT = 1

#: Kinds of :class:`Place`, in priority order for :meth:`Gazetteer.lookup`.
KINDS = ("place", "city", "airfield", "region", "country")

#: Two cities of the same name are ambiguous when the smaller has at least
#: this share of the larger one's population; below it the larger one wins.
AMBIGUOUS_POPULATION_RATIO = 0.5

#: Spellings the data lacks or files under another entity: every name in a
#: group finds what any other name of the group finds.
ALIASES: tuple[tuple[str, ...], ...] = (
    ("Kyiv", "Kiev", "Kyjiv", "Київ", "Киев"),
    ("Kharkiv", "Kharkov", "Харків", "Харьков"),
    ("Odesa", "Odessa", "Одеса", "Одесса"),
    ("Mykolaiv", "Mykolayiv", "Nikolaev", "Nikolayev", "Миколаїв", "Николаев"),
    ("Zaporizhzhia", "Zaporizhzhya", "Zaporozhye", "Zaporozhe", "Zaporizhia", "Запоріжжя",
     "Запорожье"),
    ("Chernihiv", "Chernigov", "Чернігів", "Чернигов"),
    ("Luhansk", "Lugansk", "Луганськ", "Луганск"),
    ("Dnipro", "Dnepr", "Dnipropetrovsk", "Dnepropetrovsk", "Дніпро", "Днепр"),
    ("Oryol", "Orel", "Orël", "Орел", "Орёл"),
    ("Kropyvnytskyi", "Kirovohrad", "Kirovograd"),
    ("Sievierodonetsk", "Severodonetsk", "Sjewjerodonezk"),
    ("Bakhmut", "Artemivsk", "Artyomovsk"),
    ("Rivne", "Rovno"),
    ("Vinnytsia", "Vinnitsa"),
    ("Sevastopol", "Sebastopol", "Севастополь"),
    ("Kerch bridge", "Crimean bridge", "Krymsky most", "Кримський міст", "Крымский мост"),
    ("Engels-2 air base", "Engels-2", "Engels air base", "Engels airbase"),
    ("Kursk East Airport", "Kursk Khalino", "Khalino", "Kursk Vostochny"),
    ("Belbek air base", "Belbek"),
    ("Saky air base", "Saky airbase", "Saki air base"),
    ("Morozovsk air base", "Morozovsk airbase"),
    ("Shaykovka air base", "Shaykovka", "Shaikovka"),
    ("Kursk Nuclear Power Plant", "Kursk NPP", "Kursk nuclear plant", "Курська АЕС",
     "Курская АЭС"),
    ("Zaporizhzhia Nuclear Power Plant", "Zaporizhzhia NPP", "ZNPP", "Zaporozhye NPP",
     "Запорізька АЕС", "Запорожская АЭС"),
)  # fmt: skip

# Words that turn an admin-1 name into a look-up phrase ("Kursk oblast").
_REGION_WORDS = {
    "oblast": ("oblast", "region", "province", "oblast'"),
    "krai": ("krai", "kray", "territory", "region"),
    "republic": ("republic", "region"),
    "autonomous republic": ("region", "peninsula"),
    "autonomous okrug": ("okrug", "autonomous okrug", "region"),
    "autonomous oblast": ("autonomous oblast", "oblast", "region"),
    "federal city": ("city", "federal city"),
    "city": ("city",),
}
_REGION_WORDS_DEFAULT = ("region", "province")
_AIRFIELD_SUFFIX = re.compile(
    r"\s+(international\s+)?(airport|air base|airbase|airfield|naval air base)$"
)
_APOSTROPHES = dict.fromkeys(map(ord, "'’‘ʼʹ`´\"ʻ"), None)
_SEPARATORS = dict.fromkeys(map(ord, "-‐‑–—_./()"), " ")

_REGION_SUFFIX = re.compile(r"\s+(oblast|krai|kray|region|province)$", re.IGNORECASE)

_KIND_RANK = {kind: i for i, kind in enumerate(KINDS)}


def normalize(text: str) -> str:
    """Fold ``text`` for matching: case, accents, apostrophes, dashes, spaces.

    Examples
    --------
    >>> normalize("  Khar’kov ")
    'kharkov'
    >>> normalize("Orël") == normalize("orel")
    True
    >>> normalize("Ivano-Frankivsk")
    'ivano frankivsk'
    """
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.translate(_APOSTROPHES).translate(_SEPARATORS)
    return " ".join(text.split())


@dataclass(frozen=True)
class Place:
    """A named point the user can pick as a launch site or a target.

    Attributes
    ----------
    name : str
        Display name (English).
    kind : str
        One of :data:`KINDS`: ``"place"`` (hand-curated), ``"city"``,
        ``"airfield"``, ``"region"`` or ``"country"``.
    lon, lat : float
        WGS84 degrees; for a region or country, a representative point
        inside its polygon.
    country : str
        ISO 3166-1 alpha-3 code of the country the entity is shown under
        (Crimea and Sevastopol: ``"UKR"``).
    detail : str
        Short human-readable description (population, ICAO code, status...).
    key : str
        Stable id: ``"place:kursk-npp"``, ``"city:703448"``,
        ``"airfield:UUOK"``, ``"region:RU-KRS"``, ``"country:UKR"``.
    """

    name: str
    kind: str
    lon: float
    lat: float
    country: str
    detail: str
    key: str


@dataclass(frozen=True)
class _Entry:
    place: Place
    population: int  # cities only; 0 otherwise
    primary: frozenset[str] = frozenset()  # normalized main names (rank first in search)


def _primary(names) -> frozenset[str]:
    return frozenset(normalize(n) for n in names if isinstance(n, str) and n)


def _fmt_pop(population: int) -> str:
    return f"pop {population:,}"


def _status_suffix(status: str) -> str:
    return f", {status}" if status else ""


class Gazetteer:
    """Name look-up over the shipped layers.

    Parameters
    ----------
    geodata : GeoData
        Layers from :func:`ranges.geodata.load_geodata`.

    Examples
    --------
    >>> from ranges.geodata import load_geodata
    >>> gaz = Gazetteer(load_geodata())
    >>> gaz.lookup("Kiev").key == gaz.lookup("Київ").key
    True
    >>> gaz.lookup("UUOK").kind
    'airfield'
    """

    def __init__(self, geodata: GeoData | None):
        self._geodata = geodata
        self._geodata_factory: Callable[[], GeoData] | None = None
        self._from_index = False  # True when load_gazetteer read the precomputed index
        self._index: dict[str, list[_Entry]] = defaultdict(list)
        self._entries: dict[str, _Entry] = {}
        self._region_geoms: dict[str, object] = {}
        # Country qualifiers: alpha-3, alpha-2 and names, all to alpha-3.
        self._countries: dict[str, str] = {}
        self._alpha2: dict[str, str] = {}
        # Cities that places.csv already lists (by GeoNames id): hidden from search.
        self._city_in_places: set[str] = set()
        self._keys: list[str] = []
        if geodata is None:  # filled by _from_snapshot
            return
        self._add_countries(geodata)
        self._add_places(geodata)
        self._add_cities(geodata)
        self._add_airfields(geodata)
        self._add_regions(geodata)
        self._apply_aliases()
        self._keys = sorted(self._index)

    # ------------------------------------------------------------- indexing

    def _add(self, entry: _Entry, names) -> None:
        self._entries[entry.place.key] = entry
        seen: set[str] = set()
        for name in names:
            if not isinstance(name, str):
                continue
            key = normalize(name)
            if key and key not in seen:
                seen.add(key)
                self._index[key].append(entry)

    def _add_countries(self, geo: GeoData) -> None:
        for row in geo.countries.itertuples(index=False):
            point = shapely.point_on_surface(row.geometry)
            place = Place(
                name=row.name_en,
                kind="country",
                lon=round(point.x, 6),
                lat=round(point.y, 6),
                country=row.iso_a3,
                detail="country",
                key=f"country:{row.iso_a3}",
            )
            names = (row.name_en, row.name_uk, row.iso_a3)
            self._add(_Entry(place, 0, _primary(names)), names)
            for name in (row.iso_a3, row.name_en, row.name_uk):
                self._countries[normalize(name)] = row.iso_a3
        # GeoNames admin1 codes start with the alpha-2 code: learn alpha-2 -> alpha-3.
        for a1, a3 in zip(geo.cities["admin1_code"], geo.cities["country"], strict=True):
            a2 = a1.split(".", 1)[0]
            if len(a2) == 2 and a3:
                self._countries.setdefault(normalize(a2), a3)
                self._alpha2.setdefault(a3, a2)
        # Crimean cities are shown under UKR with GeoNames code UA; keep UA -> UKR.
        if "UKR" in self._alpha2:
            self._countries[normalize(self._alpha2["UKR"])] = "UKR"

    def _add_places(self, geo: GeoData) -> None:
        for row in geo.places.itertuples(index=False):
            detail = row.kind + (f"; {row.note}" if row.note else "")
            place = Place(
                name=row.name_en,
                kind="place",
                lon=float(row.lon),
                lat=float(row.lat),
                country=row.country,
                detail=detail,
                key=f"place:{row.place_id}",
            )
            names = (row.name_en, row.name_uk, row.name_ru)
            self._add(_Entry(place, 0, _primary(names)), (*names, row.place_id))
            match = re.fullmatch(r"GeoNames id (\d+)", row.source.strip())
            if match:
                self._city_in_places.add(f"city:{match.group(1)}")

    def _add_cities(self, geo: GeoData) -> None:
        cols = ("geonameid", "name_en", "name_uk", "name_ascii", "alt_names", "country",
                "status", "population", "lon", "lat")  # fmt: skip
        data = geo.cities[list(cols)]
        for gid, name, uk, ascii_, alts, country, status, pop, lon, lat in data.itertuples(
            index=False, name=None
        ):
            pop = int(pop)
            place = Place(
                name=name,
                kind="city",
                lon=float(lon),
                lat=float(lat),
                country=country,
                detail=f"city, {country}, {_fmt_pop(pop)}{_status_suffix(status)}",
                key=f"city:{int(gid)}",
            )
            names = [name, uk, ascii_]
            primary = _primary(names)
            if alts:
                names.extend(alts.split(";"))
            self._add(_Entry(place, pop, primary), names)

    def _add_airfields(self, geo: GeoData) -> None:
        cols = ("icao", "iata", "name", "city", "country", "status", "lon", "lat")
        for icao, iata, name, city, country, status, lon, lat in geo.airfields[
            list(cols)
        ].itertuples(index=False, name=None):
            codes = f"ICAO {icao}" + (f", IATA {iata}" if iata else "")
            where = f", {city}" if city else ""
            place = Place(
                name=name,
                kind="airfield",
                lon=float(lon),
                lat=float(lat),
                country=country,
                detail=f"airfield, {codes}{where}, {country}{_status_suffix(status)}",
                key=f"airfield:{icao}",
            )
            short = _AIRFIELD_SUFFIX.sub("", normalize(name))
            names = (name, short, f"{short} airport", f"{short} airfield", f"{short} air base")
            self._add(_Entry(place, 0, _primary((name, icao))), (*names, icao, iata))

    def _add_regions(self, geo: GeoData) -> None:
        cols = ["region_id", "name_en", "name_uk", "name_ru", "alt_names", "country", "status",
                "type", "label_lon", "label_lat", "geometry"]  # fmt: skip
        for row in geo.regions[cols].itertuples(index=False):
            rtype = row.type or "region"
            label = f"{row.name_en} {rtype}" if rtype not in row.name_en.casefold() else row.name_en
            place = Place(
                name=label,
                kind="region",
                lon=float(row.label_lon),
                lat=float(row.label_lat),
                country=row.country,
                detail=f"{rtype}, {row.country}{_status_suffix(row.status)}",
                key=f"region:{row.region_id}",
            )
            self._region_geoms[place.key] = row.geometry
            base = _REGION_SUFFIX.sub("", row.name_en) or row.name_en
            names = [row.name_en, label, row.name_uk, row.name_ru, row.region_id]
            names += [f"{base} {w}" for w in _REGION_WORDS.get(rtype, _REGION_WORDS_DEFAULT)]
            if base.casefold().startswith("republic of "):
                names.append(base[len("republic of ") :])
            primary = _primary([label, row.name_uk, row.name_ru])
            names += [part for part in (row.alt_names or "").split(";") if part]
            self._add(_Entry(place, 0, primary), names)

    def _apply_aliases(self) -> None:
        for group in ALIASES:
            keys = [normalize(name) for name in group]
            merged: list[_Entry] = []
            for key in keys:
                for entry in self._index.get(key, []):
                    if entry not in merged:
                        merged.append(entry)
            if merged:
                for key in keys:
                    self._index[key] = list(merged)

    # -------------------------------------------------------------- look-up

    def _split_country(self, name: str) -> tuple[str, str | None]:
        """Split ``"Name, CC"`` into the name and an alpha-3 code (or None)."""
        if "," in name:
            head, tail = name.rsplit(",", 1)
            code = self._countries.get(normalize(tail))
            if code and head.strip():
                return head.strip(), code
        return name.strip(), None

    def _candidates(self, key: str, country: str | None) -> list[_Entry]:
        entries = self._index.get(key, [])
        if country:
            entries = [e for e in entries if e.place.country == country]
        return entries

    def _describe(self, entry: _Entry) -> str:
        return f"{entry.place.name} ({entry.place.detail})"

    def _qualified(self, entry: _Entry, others: list[_Entry]) -> str:
        """A look-up string that resolves ``entry`` among ``others``."""
        place = entry.place
        if place.kind == "airfield":
            return place.key.split(":", 1)[1]  # the ICAO code
        if sum(1 for o in others if o.place.country == place.country) > 1:
            return place.key
        return f"{place.name}, {self._alpha2.get(place.country, place.country)}"

    def lookup(self, name: str) -> Place:
        """Return the single entity best matching ``name``.

        Parameters
        ----------
        name : str
            A place, city, airfield (name, ICAO or IATA code), region
            ("Kursk oblast", "Sumska oblast", "Курська область") or country
            name, in English, Ukrainian or Russian, optionally followed by a
            country (``"Bar, UA"``); or a :attr:`Place.key` (``"city:703448"``).

        Returns
        -------
        Place

        Raises
        ------
        UnknownNameError
            If nothing matches (``suggestions`` holds close names), or if two
            different entities of the winning kind match equally
            (``suggestions`` holds qualified names or keys that resolve each).
        """
        if not isinstance(name, str):
            raise UnknownNameError(f"place name must be a string, got {type(name).__name__}")
        if name.strip() in self._entries:
            return self._entries[name.strip()].place
        base, country = self._split_country(name)
        key = normalize(base)
        if not key:
            raise UnknownNameError(f"place name {name!r} is empty")
        entries = self._candidates(key, country)
        if not entries:
            raise self._unknown(name, base, country)

        best_rank = min(_KIND_RANK[e.place.kind] for e in entries)
        top = [e for e in entries if _KIND_RANK[e.place.kind] == best_rank]
        top = list({e.place.key: e for e in top}.values())
        if len(top) == 1:
            return top[0].place
        if top[0].place.kind == "city":
            top.sort(key=lambda e: (-e.population, e.place.key))
            rivals = [
                e for e in top[1:] if e.population >= AMBIGUOUS_POPULATION_RATIO * top[0].population
            ]
            if not rivals:
                return top[0].place
            top = [top[0], *rivals]
        else:
            top.sort(key=lambda e: e.place.key)
        listed = ", ".join(self._describe(e) for e in top)
        choices = [self._qualified(e, top) for e in top]
        if "," in choices[0]:
            hint = f"add the country, e.g. {choices[0]!r}"
        else:
            hint = "use one of " + ", ".join(repr(c) for c in choices)
        raise UnknownNameError(f"{name!r} is ambiguous: {listed}; {hint}", choices)

    def _unknown(self, name: str, base: str, country: str | None) -> UnknownNameError:
        key = normalize(base)
        close = difflib.get_close_matches(key, self._keys, n=8, cutoff=0.75)
        suggestions: list[str] = []
        for k in close:
            for entry in self._candidates(k, country) or self._index[k]:
                label = entry.place.name
                if label not in suggestions:
                    suggestions.append(label)
        suggestions = suggestions[:5]
        where = f" in {country}" if country else ""
        hint = f"; did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions else ""
        return UnknownNameError(
            f"unknown place {name!r}: no place, city, airfield, region or country of that "
            f"name{where}{hint}",
            suggestions,
        )

    def search(self, prefix: str, limit: int = 20) -> list[Place]:
        """Entities with a name starting with ``prefix``, best first (for a dropdown).

        Parameters
        ----------
        prefix : str
            Start of a name in any supported spelling; an empty prefix lists
            the hand-curated places.
        limit : int, default 20
            Maximum number of results (≥ 1).

        Returns
        -------
        list of Place
            Ordered by kind priority (place, city, airfield, region, country),
            then exact matches first, then population, then name; each entity once.
        """
        if not isinstance(limit, int) or limit < 1:
            raise ValueError(f"limit must be a positive integer, got {limit!r}")
        key = normalize(prefix) if isinstance(prefix, str) else ""
        if not key:
            places = [e.place for e in self._entries.values() if e.place.kind == "place"]
            return places[:limit]
        found: dict[str, tuple[tuple, Place]] = {}
        i = bisect.bisect_left(self._keys, key)
        while i < len(self._keys) and self._keys[i].startswith(key):
            k = self._keys[i]
            exact = 0 if k == key else 1
            for entry in self._index[k]:
                if entry.place.key in self._city_in_places:
                    continue
                # Main names before alternate spellings, then kind priority.
                alternate = 0 if k in entry.primary else 1
                rank = (
                    alternate, _KIND_RANK[entry.place.kind], exact, -entry.population,
                    entry.place.name,
                )  # fmt: skip
                old = found.get(entry.place.key)
                if old is None or rank < old[0]:
                    found[entry.place.key] = (rank, entry.place)
            i += 1
        return [place for _, place in sorted(found.values(), key=lambda t: t[0])][:limit]

    def region_geometry(self, key: str):
        """Return the (Multi)Polygon of the region with ``key`` (``"region:RU-KRS"``).

        Raises
        ------
        UnknownNameError
            If ``key`` is not a region key of this gazetteer.
        """
        if not key.startswith("region:"):
            key = f"region:{key}"
        if not self._region_geoms and self._geodata_factory is not None:
            # Loaded from the index: the polygons come from the layers on first use.
            self._geodata = self._geodata_factory()
            regions = self._geodata.regions
            self._region_geoms = {
                f"region:{rid}": geom
                for rid, geom in zip(regions["region_id"], regions.geometry, strict=True)
            }
        try:
            return self._region_geoms[key]
        except KeyError:
            close = difflib.get_close_matches(key, list(self._region_geoms), n=5, cutoff=0.6)
            raise UnknownNameError(
                f"unknown region key {key!r}: expected 'region:<region_id>' as in data/regions.fgb",
                close,
            ) from None

    def __len__(self) -> int:
        return len(self._entries)

    # ---------------------------------------------------------------- index

    def _snapshot(self) -> dict:
        """Everything :meth:`lookup` and :meth:`search` read, as JSON-able data
        (region polygons excepted: they stay in the layers)."""
        ids: dict[int, int] = {}
        entries: list[list] = []

        def ref(entry: _Entry) -> int:
            if id(entry) not in ids:
                ids[id(entry)] = len(entries)
                p = entry.place
                entries.append([p.key, p.name, p.kind, p.lon, p.lat, p.country, p.detail,
                                entry.population, sorted(entry.primary)])  # fmt: skip
            return ids[id(entry)]

        by_key = [ref(e) for e in self._entries.values()]
        keys = sorted(self._index)
        refs = [" ".join(str(ref(e)) for e in self._index[k]) for k in keys]
        # Long strings, one line per entry or name, not 70,000 JSON arrays: JSON
        # reads a string ~10x faster, and a line is parsed only when looked up.
        return {
            "entries": "\n".join(json.dumps(e, ensure_ascii=False) for e in entries),
            "entry_keys": "\n".join(e[0] for e in entries),
            "by_key": by_key,
            "keys": "\n".join(keys),
            "refs": "\n".join(refs),
            "countries": self._countries,
            "alpha2": self._alpha2,
            "city_in_places": sorted(self._city_in_places),
        }

    @classmethod
    def _from_snapshot(
        cls, snap: dict, geodata_factory: Callable[[], GeoData] | None
    ) -> Gazetteer:
        gaz = cls(None)
        gaz._geodata_factory = geodata_factory
        gaz._from_index = True
        entries = _Entries(snap["entries"].split("\n"))
        keys = snap["entry_keys"].split("\n")
        gaz._entries = _KeyView({keys[i]: i for i in snap["by_key"]}, entries)
        gaz._keys = snap["keys"].split("\n")  # written in sorted order
        gaz._index = _IndexView(gaz._keys, snap["refs"].split("\n"), entries)
        gaz._countries = dict(snap["countries"])
        gaz._alpha2 = dict(snap["alpha2"])
        gaz._city_in_places = set(snap["city_in_places"])
        return gaz


class _Entries:
    """The index's entries by number, each made into an :class:`_Entry` on
    first use (a look-up touches a handful of the 7,000)."""

    def __init__(self, lines: list[str]):
        self._lines = lines  # one JSON array per entry
        self._made: dict[int, _Entry] = {}

    def __getitem__(self, i: int) -> _Entry:
        entry = self._made.get(i)
        if entry is None:
            key, name, kind, lon, lat, country, detail, pop, primary = json.loads(self._lines[i])
            place = Place(name, kind, lon, lat, country, detail, key)
            entry = self._made[i] = _Entry(place, pop, frozenset(primary))
        return entry


class _KeyView(Mapping):
    """Place key -> entry, over :class:`_Entries`."""

    def __init__(self, numbers: dict[str, int], entries: _Entries):
        self._numbers = numbers
        self._entries = entries

    def __getitem__(self, key: str) -> _Entry:
        return self._entries[self._numbers[key]]

    def __contains__(self, key: object) -> bool:
        return key in self._numbers

    def __iter__(self):
        return iter(self._numbers)

    def __len__(self) -> int:
        return len(self._numbers)


class _IndexView(Mapping):
    """Normalized name -> entries, found by bisection in the sorted names and
    read from the index's entry numbers on access: building a dict of 60,000
    lists up front would cost more than the look-up."""

    def __init__(self, keys: list[str], refs: list[str], entries: _Entries):
        self._keys = keys  # sorted
        self._refs = refs  # entry numbers of each name, space-separated
        self._entries = entries

    def _find(self, key: str) -> int:
        i = bisect.bisect_left(self._keys, key)
        return i if i < len(self._keys) and self._keys[i] == key else -1

    def __getitem__(self, key: str) -> list[_Entry]:
        i = self._find(key)
        if i < 0:
            raise KeyError(key)
        return [self._entries[int(n)] for n in self._refs[i].split()]

    def get(self, key: str, default=None):
        return self[key] if self._find(key) >= 0 else default

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._find(key) >= 0

    def __iter__(self):
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


def index_fingerprint(data_dir: str | Path | None = None) -> dict[str, str]:
    """SHA-256 of every file the index is built from: the five layers and this
    module (its aliases and rules).

    Parameters
    ----------
    data_dir : str or pathlib.Path, optional
        Folder of the layers (default: the project's ``data/``).
    """
    data_dir = DEFAULT_DATA_DIR if data_dir is None else Path(data_dir)
    files = [data_dir / name for name in LAYER_FILES.values()] + [Path(__file__)]
    out = {}
    for path in files:
        try:
            out[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            out[path.name] = "missing"
    return out


def write_index(path: str | Path | None = None, data_dir: str | Path | None = None) -> Path:
    """Build the gazetteer of the layers in ``data_dir`` and write its index.

    Parameters
    ----------
    path : str or pathlib.Path, optional
        Where to write (default :data:`INDEX_FILE`): gzipped JSON.
    data_dir : str or pathlib.Path, optional
        Folder of the layers (default: the project's ``data/``).

    Returns
    -------
    pathlib.Path
        The file written.
    """
    from ranges.geodata import load_geodata

    path = INDEX_FILE if path is None else Path(path)
    doc = {"format": _INDEX_FORMAT, "sources": index_fingerprint(data_dir),
           **Gazetteer(load_geodata(data_dir))._snapshot()}  # fmt: skip
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    # mtime=0: the same data give the same bytes, so a rebuild shows no diff.
    path.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    return path


def load_gazetteer(
    geodata: GeoData | Callable[[], GeoData] | None = None,
    *,
    index_file: str | Path | None = None,
) -> Gazetteer:
    """The gazetteer of the shipped layers, from the precomputed index when it
    matches them (fast, no pandas), else built from the layers.

    Parameters
    ----------
    geodata : GeoData or callable returning one, optional
        The shipped layers (default: :func:`ranges.geodata.load_geodata`).
        A callable is called only when needed: to build the gazetteer when the
        index is missing or stale, or for a region's polygon.
    index_file : str or pathlib.Path, optional
        Default :data:`INDEX_FILE`.

    Returns
    -------
    Gazetteer
        Answers every :meth:`Gazetteer.lookup` and :meth:`Gazetteer.search`
        as ``Gazetteer(load_geodata())`` does (a test checks).
    """
    from ranges.geodata import GeoData, load_geodata

    if isinstance(geodata, GeoData):
        if geodata.data_dir.resolve() != DEFAULT_DATA_DIR:
            return Gazetteer(geodata)  # not the shipped layers: the index does not apply

        def factory() -> GeoData:
            return geodata
    else:
        factory = geodata or load_geodata
    path = INDEX_FILE if index_file is None else Path(index_file)
    try:
        doc = json.loads(gzip.decompress(path.read_bytes()))
    except (OSError, ValueError, EOFError):
        doc = None  # missing or damaged: build from the layers instead
    if (
        isinstance(doc, dict)
        and doc.get("format") == _INDEX_FORMAT
        and doc.get("sources") == index_fingerprint()
    ):
        return Gazetteer._from_snapshot(doc, factory)
    return Gazetteer(factory())
