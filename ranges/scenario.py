"""The scenario model: one description of a map that the dashboard, its URL,
scenario files, the CLI and the exports all share.

A :class:`Scenario` is plain, immutable data (weapon ids, launch sites with
coordinates, launch areas, targets, an authorization overlay, notes and
display options).  It round-trips exactly through :meth:`Scenario.to_dict` /
:meth:`Scenario.from_dict` (JSON with a ``schema`` version) and through URL
query parameters (:func:`to_query` / :func:`from_query`).  Loading validates
every field and names the field, the value and the rule in the message.

Coordinates are stored as ``lat`` and ``lon`` fields (degrees, WGS84); code
that builds geometries uses x = lon, y = lat.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from .errors import InputError, RangesError

__all__ = [
    "SCHEMA_VERSION",
    "PALETTE",
    "LIMITS",
    "TARGET_KINDS",
    "LANGUAGES",
    "ScenarioError",
    "Site",
    "Area",
    "Target",
    "Note",
    "Scenario",
    "weapon_colors",
    "check_color",
    "check_text",
    "to_query",
    "from_query",
    "scenario_from_json",
    "check_as_of",
    "default_as_of",
]

#: Version of the scenario file format; bumped when a field changes meaning.
#: 2 added ``as_of`` (the date the map describes).
SCHEMA_VERSION = 2

#: Older versions this program still reads (a version-1 file has no date: it
#: loads as of the newest data, see :func:`default_as_of`).
READABLE_SCHEMAS = (1, 2)

#: Okabe & Ito's colour-blind-safe palette (2008), black left out so that
#: reach areas stay visible on the dark theme.  A weapon's colour is the
#: palette entry at its position in :attr:`Scenario.weapons`.
PALETTE = ("#D55E00", "#0072B2", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#F0E442")

TARGET_KINDS = ("cities", "airfields", "places")
LANGUAGES = ("en", "uk")
AREA_KINDS = ("region", "border-strip", "geojson", "front-strip", "held", "occupied")

#: Launch areas whose ground depends on the scenario's date (who held it).
DATED_AREA_KINDS = ("border-strip", "front-strip", "held", "occupied")

#: Default names of the areas that follow the front, per language.
HELD_NAME = {"en": "Ukrainian-held territory", "uk": "Підконтрольна Україні територія"}
OCCUPIED_NAME = {"en": "Occupied territory of Ukraine",
                 "uk": "Тимчасово окупована територія України"}  # fmt: skip
#: Default name of an uploaded launch area, per language.
UPLOADED_NAME = {"en": "Uploaded area", "uk": "Завантажений район"}

_AREA_ALIASES = {
    "held": (*HELD_NAME.values(), "held", "held territory", "Ukraine (held)",
             "Ukrainian-controlled territory", "підконтрольна територія",
             "Україна (підконтрольна)"),
    "occupied": (*OCCUPIED_NAME.values(), "occupied", "occupied territory",
                 "Ukraine (occupied)", "Russian-occupied Ukraine", "occupied Ukraine",
                 "окупована територія", "ТОТ", "Україна (окупована)"),
}  # fmt: skip


def area_kind_named(text: str) -> str:
    """``"held"`` or ``"occupied"`` when ``text`` names Ukrainian-held or occupied
    territory as a whole (in English or Ukrainian, any case), else ``""``."""
    key = " ".join(str(text).replace("’", "'").split()).casefold()
    for kind, names in _AREA_ALIASES.items():
        if key in {n.casefold() for n in names}:
            return kind
    return ""

#: Width of a border-strip launch area in a scenario, km (the standoff is
#: 0 or more and less than the width).
STRIP_WIDTH_KM = (1.0, 1000.0)

#: Upper bounds that keep a scenario (and its URL) a sane size.
LIMITS = {
    "weapons": len(PALETTE),
    "sites": 200,
    "areas": 20,
    "user_targets": 5000,
    "notes": 50,
    "allowed_regions": 100,
    "focus_regions": 10,
    "text": 200,  # title, subtitle, names
    "note_text": 500,
    "geometry_vertices": 100_000,
    "url_chars": 200_000,
}


class ScenarioError(InputError):
    """A scenario file, URL or field breaks a rule (the message names which)."""


# --------------------------------------------------------------------------
# Field checks
# --------------------------------------------------------------------------
def _fail(where: str, value: Any, rule: str) -> ScenarioError:
    shown = repr(value)
    if len(shown) > 80:
        shown = shown[:77] + "..."
    return ScenarioError(f"{where}: {shown} {rule}")


def check_text(value: Any, where: str, *, limit: int = LIMITS["text"]) -> str:
    """One line of text a user typed (title, subtitle, credit): stripped, at
    most ``limit`` characters, no control characters.

    Raises
    ------
    ScenarioError
        The message names ``where``, the value and the rule."""
    return _text(value, where, limit=limit)


_NONCHARACTERS = re.compile("[\ud800-\udfff\ufffe\uffff]")


def _text(value: Any, where: str, *, limit: int = LIMITS["text"], empty: bool = True) -> str:
    if not isinstance(value, str):
        raise _fail(where, value, "is not text")
    value = value.strip()
    if not value and not empty:
        raise _fail(where, value, "is empty")
    if len(value) > limit:
        raise _fail(where, value, f"is longer than {limit} characters")
    if any(ord(c) < 32 and c not in "\t\n" for c in value):
        raise _fail(where, value, "contains control characters")
    # Noncharacters and lone surrogates come from broken copy and paste and
    # make every XML export (SVG, KML) unreadable.
    bad = _NONCHARACTERS.search(value)
    if bad:
        shown = value.encode("unicode_escape").decode("ascii")
        rule = (f"contains U+{ord(bad.group()):04X}, a character SVG and KML files cannot "
                "hold; delete it (it is invisible where it was pasted from)")
        raise _fail(where, shown, rule)
    return value


def _number(value: Any, where: str, lo: float, hi: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _fail(where, value, "is not a number")
    try:
        value = float(value)
    except OverflowError:  # an integer too large for a float (10**400)
        raise _fail(where, value, f"is outside {lo:g}..{hi:g}") from None
    if not math.isfinite(value) or not lo <= value <= hi:
        raise _fail(where, value, f"is outside {lo:g}..{hi:g}")
    return value


def _bool(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise _fail(where, value, "is not true or false")
    return value


def _list(value: Any, where: str, limit: int) -> list:
    if not isinstance(value, (list, tuple)):
        raise _fail(where, value, "is not a list")
    if len(value) > limit:
        raise ScenarioError(f"{where}: {len(value)} entries; at most {limit} are allowed")
    return list(value)


def _object(value: Any, where: str, allowed: Iterable[str]) -> dict:
    if not isinstance(value, Mapping):
        raise _fail(where, value, "is not an object")
    unknown = sorted(set(value) - set(allowed))
    if unknown:
        raise ScenarioError(
            f"{where}: unknown field(s) {', '.join(map(repr, unknown))}; "
            f"known: {', '.join(allowed)}"
        )
    return dict(value)


def _lat(value: Any, where: str) -> float:
    return _number(value, where, -90.0, 90.0)


def _lon(value: Any, where: str) -> float:
    return _number(value, where, -180.0, 180.0)


def _lang(lang: str) -> str:
    if lang not in LANGUAGES:
        raise _fail("lang", lang, f"is not one of {', '.join(LANGUAGES)}")
    return lang


_HEX = re.compile(r"#(?:[0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})")


def check_color(value: Any, where: str = "colour") -> str:
    """A colour as ``#RRGGBB`` (upper case); ``#RGB`` is widened.

    Raises
    ------
    ScenarioError
        ``value`` is not ``#RRGGBB`` or ``#RGB`` (the message names ``where``)."""
    if not isinstance(value, str) or not _HEX.fullmatch(value.strip()):
        raise _fail(where, value, "is not a colour; write #RRGGBB, e.g. #D55E00")
    value = value.strip().upper()
    if len(value) == 4:
        value = "#" + "".join(c * 2 for c in value[1:])
    return value


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def check_as_of(value: Any, where: str = "as_of") -> str:
    """A date as ISO ``YYYY-MM-DD`` text (a real calendar date).

    Only the form is checked here; whether the shipped data covers the date
    is checked where the data is read (:mod:`ranges.territory`).

    Raises
    ------
    ScenarioError
        The message names ``where``, the value and the rule."""
    import datetime as _dt

    if isinstance(value, _dt.date):
        return value.isoformat()
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value.strip()):
        raise _fail(where, value, "is not a date; write YYYY-MM-DD, e.g. 2024-11-17")
    try:
        return _dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError as exc:
        raise _fail(where, value, f"is not a calendar date ({exc})") from None


def default_as_of() -> str:
    """The date of the newest shipped occupied-territory snapshot (ISO text):
    what a scenario without a date describes."""
    from .territory import coverage

    return coverage()[1].isoformat()


def _colors(value: Any, where: str, weapons: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Colour choices per weapon id, kept only where they differ from the
    palette's (so that equal maps have equal scenarios), in legend order."""
    if not isinstance(value, Mapping):
        raise _fail(where, value, "is not an object of weapon id -> #RRGGBB")
    if len(value) > 64:
        raise ScenarioError(f"{where}: {len(value)} entries; at most 64 are allowed")
    chosen = {}
    for key, color in value.items():
        wid = _text(key, f"{where} key", limit=64, empty=False)
        chosen[wid] = check_color(color, f"{where}[{wid!r}]")
    default = weapon_colors(weapons)
    return tuple((w, chosen[w]) for w in weapons if w in chosen and chosen[w] != default[w])


def _ids(value: Any, where: str, limit: int) -> tuple[str, ...]:
    out: list[str] = []
    for i, item in enumerate(_list(value, where, limit)):
        item = _text(item, f"{where}[{i}]", limit=64, empty=False)
        if item not in out:
            out.append(item)
    return tuple(out)


# --------------------------------------------------------------------------
# The model
# --------------------------------------------------------------------------
def _uk_field(d: dict, key: str, where: str, limit: int = LIMITS["text"]) -> str:
    """An optional Ukrainian text field (``title_uk``, ``name_uk``, ``text_uk``)."""
    return _text(d.get(key, ""), f"{where}.{key}", limit=limit)


def _with_uk(d: dict, key: str, value: str) -> dict:
    # Written only when set, so a scenario without Ukrainian texts keeps the
    # file and link it always had (and older versions of the program read it).
    if value:
        d[key] = value
    return d


@dataclass(frozen=True)
class Site:
    """A launch point: display name, latitude and longitude (degrees).

    ``name_uk`` is its name in Ukrainian (empty: :meth:`name_in` looks the
    name up in the shipped data, see :func:`ranges.place_names.ukrainian_name`).
    """

    name: str
    lat: float
    lon: float
    enabled: bool = True
    name_uk: str = ""

    @classmethod
    def from_dict(cls, data: Any, where: str = "site") -> Site:
        d = _object(data, where, ("name", "lat", "lon", "enabled", "name_uk"))
        for key in ("name", "lat", "lon"):
            if key not in d:
                raise ScenarioError(f"{where}: field {key!r} is missing")
        return cls(
            name=_text(d["name"], f"{where}.name", empty=False),
            lat=_lat(d["lat"], f"{where}.lat"),
            lon=_lon(d["lon"], f"{where}.lon"),
            enabled=_bool(d.get("enabled", True), f"{where}.enabled"),
            name_uk=_uk_field(d, "name_uk", where),
        )

    def to_dict(self) -> dict:
        d = {"name": self.name, "lat": self.lat, "lon": self.lon, "enabled": self.enabled}
        return _with_uk(d, "name_uk", self.name_uk)

    def name_in(self, lang: str) -> str:
        """The site's name in ``lang`` (``en`` or ``uk``).

        Examples
        --------
        >>> Site("Sumy", 50.9077, 34.7981).name_in("uk")
        'Суми'
        >>> Site("Launcher 3", 50.9, 34.8).name_in("uk")
        'Launcher 3'
        """
        if _lang(lang) == "en":
            return self.name
        if self.name_uk:
            return self.name_uk
        from .place_names import ukrainian_name

        return ukrainian_name(self.name, self.lat, self.lon) or self.name


def _count_vertices(coords: Any, where: str, depth: int = 0) -> int:
    if depth > 6:
        raise ScenarioError(f"{where}: coordinates are nested too deeply")
    if isinstance(coords, (list, tuple)) and coords and isinstance(coords[0], (int, float)):
        return 1
    if isinstance(coords, (list, tuple)):
        return sum(_count_vertices(c, where, depth + 1) for c in coords)
    raise _fail(where, coords, "is not a coordinate array")


@dataclass(frozen=True)
class Area:
    """A launch area.

    ``kind`` is ``"region"`` (the region ``region_id``), ``"border-strip"``
    (Ukrainian-held territory ``standoff_km``..``width_km`` from the Russian
    border, optionally only inside the region ``within``), ``"front-strip"``
    (Ukrainian-held territory ``standoff_km``..``width_km`` from the front
    line, optionally inside ``within``), ``"held"`` (all Ukrainian-held
    territory), ``"occupied"`` (Russian-occupied Ukraine: a launch area for
    Russia's weapons) or ``"geojson"`` (an uploaded geometry, kept as
    canonical GeoJSON text in ``geometry``).  The strips, held and occupied
    ground are taken as of the scenario's date.
    """

    kind: str
    name: str
    region_id: str = ""
    width_km: float = 0.0
    standoff_km: float = 0.0
    within: str = ""
    geometry: str = ""
    enabled: bool = True
    name_uk: str = ""

    def __post_init__(self) -> None:
        if self.kind not in AREA_KINDS:
            raise _fail("area.kind", self.kind, f"is not one of {', '.join(AREA_KINDS)}")

    def name_in(self, lang: str) -> str:
        """The area's name in ``lang``: :attr:`name_uk` when set; else, for an
        area under its kind's default English name, that name in Ukrainian
        ("Смуга 15–60 км від кордону з Росією"); else a region's Ukrainian
        name; else :attr:`name` as given.

        Examples
        --------
        >>> Area("held", HELD_NAME["en"]).name_in("uk")
        'Підконтрольна Україні територія'
        >>> Area("border-strip", "the Sumy border area", width_km=60, standoff_km=15,
        ...      name_uk="прикордонна смуга Сумщини").name_in("uk")
        'прикордонна смуга Сумщини'
        """
        if _lang(lang) == "en":
            return self.name
        if self.name_uk:
            return self.name_uk
        from .place_names import default_area_name_uk, region_name_uk

        if self.kind == "region":
            return region_name_uk(self.region_id, self.name) or self.name
        return default_area_name_uk(self) or self.name

    @classmethod
    def from_dict(cls, data: Any, where: str = "area") -> Area:
        names = ("kind", "name", "region_id", "width_km", "standoff_km", "within", "geometry",
                 "enabled", "name_uk")  # fmt: skip
        d = _object(data, where, names)
        area = cls._from_checked(d, where)
        name_uk = _uk_field(d, "name_uk", where)
        return replace(area, name_uk=name_uk) if name_uk else area

    @classmethod
    def _from_checked(cls, d: dict, where: str) -> Area:
        kind = d.get("kind")
        if kind not in AREA_KINDS:
            raise _fail(f"{where}.kind", kind, f"is not one of {', '.join(AREA_KINDS)}")
        name = _text(d.get("name", ""), f"{where}.name")
        enabled = _bool(d.get("enabled", True), f"{where}.enabled")
        if kind == "region":
            rid = _text(d.get("region_id", ""), f"{where}.region_id", limit=64, empty=False)
            return cls(kind, name or rid, region_id=rid, enabled=enabled)
        if kind == "held":
            return cls(kind, name or HELD_NAME["en"], enabled=enabled)
        if kind == "occupied":
            return cls(kind, name or OCCUPIED_NAME["en"], enabled=enabled)
        if kind in ("border-strip", "front-strip"):
            width = _number(d.get("width_km"), f"{where}.width_km", *STRIP_WIDTH_KM)
            standoff = _number(d.get("standoff_km", 0.0), f"{where}.standoff_km", 0.0,
                               STRIP_WIDTH_KM[1] - 1.0)  # fmt: skip
            if standoff >= width:
                raise ScenarioError(
                    f"{where}: standoff {standoff:g} km must be less than the width {width:g} km"
                )
            within = _text(d.get("within", ""), f"{where}.within", limit=64)
            what = "Border" if kind == "border-strip" else "Front"
            name = name or f"{what} strip {standoff:g}-{width:g} km"
            return cls(kind, name, width_km=width, standoff_km=standoff, within=within,
                       enabled=enabled)  # fmt: skip
        geom = d.get("geometry")
        if isinstance(geom, str):
            try:
                geom = json.loads(geom)
            except ValueError as exc:
                raise _fail(f"{where}.geometry", geom, f"is not JSON ({exc})") from None
        geom = _object(geom, f"{where}.geometry", ("type", "coordinates", "geometries"))
        if geom.get("type") not in (
            "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon",
        ):  # fmt: skip
            raise _fail(f"{where}.geometry.type", geom.get("type"), "is not a GeoJSON geometry")
        n = _count_vertices(geom.get("coordinates"), f"{where}.geometry.coordinates")
        if n > LIMITS["geometry_vertices"]:
            raise ScenarioError(
                f"{where}.geometry: {n:,} vertices; at most {LIMITS['geometry_vertices']:,}"
            )
        return cls(kind, name or UPLOADED_NAME["en"], geometry=_canonical(geom), enabled=enabled)

    def to_dict(self) -> dict:
        d: dict[str, Any] = {"kind": self.kind, "name": self.name, "enabled": self.enabled}
        if self.kind == "region":
            d["region_id"] = self.region_id
        elif self.kind in ("border-strip", "front-strip"):
            d.update(width_km=self.width_km, standoff_km=self.standoff_km, within=self.within)
        elif self.kind == "geojson":
            d["geometry"] = json.loads(self.geometry)
        return _with_uk(d, "name_uk", self.name_uk)


def _canonical(obj: Any) -> str:
    return json.dumps(obj, separators=(",", ":"), sort_keys=True, allow_nan=False)


@dataclass(frozen=True)
class Target:
    """A user target: name, latitude, longitude."""

    name: str
    lat: float
    lon: float

    @classmethod
    def from_dict(cls, data: Any, where: str = "target") -> Target:
        d = _object(data, where, ("name", "lat", "lon"))
        return cls(
            _text(d.get("name", ""), f"{where}.name", empty=False),
            _lat(d.get("lat"), f"{where}.lat"),
            _lon(d.get("lon"), f"{where}.lon"),
        )

    def to_dict(self) -> dict:
        return {"name": self.name, "lat": self.lat, "lon": self.lon}


@dataclass(frozen=True)
class Note:
    """A callout on the map: text at a point, with the source of its claim.

    ``text_uk`` is the text in Ukrainian (the source is cited as published).
    """

    text: str
    lat: float
    lon: float
    source: str = ""
    text_uk: str = ""

    @classmethod
    def from_dict(cls, data: Any, where: str = "note") -> Note:
        d = _object(data, where, ("text", "lat", "lon", "source", "text_uk"))
        return cls(
            _text(d.get("text", ""), f"{where}.text", limit=LIMITS["note_text"], empty=False),
            _lat(d.get("lat"), f"{where}.lat"),
            _lon(d.get("lon"), f"{where}.lon"),
            _text(d.get("source", ""), f"{where}.source", limit=LIMITS["note_text"]),
            _uk_field(d, "text_uk", where, limit=LIMITS["note_text"]),
        )

    def to_dict(self) -> dict:
        d = {"text": self.text, "lat": self.lat, "lon": self.lon, "source": self.source}
        return _with_uk(d, "text_uk", self.text_uk)

    def text_in(self, lang: str) -> str:
        """The note's text in ``lang`` (English when no Ukrainian text was written)."""
        return self.text_uk if _lang(lang) == "uk" and self.text_uk else self.text


@dataclass(frozen=True)
class Scenario:
    """Everything that defines a map.

    Attributes
    ----------
    title, subtitle : str
        Shown on exports (and as the dashboard heading).
    weapons : tuple of str
        Weapon ids from the catalog, in legend order (order sets colours).
    sites : tuple of Site
        Launch points.
    areas : tuple of Area
        Launch areas (regions, border strips, uploaded geometries).
    target_kinds : tuple of str
        Shipped target layers to analyse: ``cities``, ``airfields``, ``places``.
    user_targets : tuple of Target
        Targets from an uploaded list.
    allowed_regions : tuple of str
        ``region_id`` of the regions where strikes are authorized (empty: no
        overlay).
    focus_regions : tuple of str
        Regions quoted in headlines (share covered).
    notes : tuple of Note
        Callouts.
    lang : str
        Label language, ``en`` or ``uk``.
    min_population : int
        Cities below this population are not labelled on maps (they are
        still counted).
    colors : tuple of (weapon id, "#RRGGBB")
        Colours chosen instead of the palette's (a newsroom's own); in the
        file an object ``{"atacms-m57": "#1F77B4"}``.  Only weapons on the
        map, and only colours that differ from the palette's, are kept.
    allowed_from_table : bool
        Fill the authorization overlay from ``data/authorizations.toml``:
        the regions the public decisions in effect on :attr:`as_of` allow
        for the scenario's weapons (:mod:`ranges.authorizations`).  Regions
        in :attr:`allowed_regions` are then added to them (a user's override).
    as_of : str
        The date the map describes (ISO ``YYYY-MM-DD``): who held the ground
        and what was allowed that day.  ``""`` means the newest shipped data
        (see :attr:`as_of_or_latest`); files always carry a date.
    title_uk, subtitle_uk : str
        The title and subtitle in Ukrainian (empty: none was written).  Read
        every text through :meth:`title_in`, :meth:`subtitle_in`,
        :meth:`name_in` and :meth:`Note.text_in`, which pick the language.
    """

    title: str = ""
    subtitle: str = ""
    weapons: tuple[str, ...] = ()
    sites: tuple[Site, ...] = ()
    areas: tuple[Area, ...] = ()
    target_kinds: tuple[str, ...] = ("cities", "airfields", "places")
    user_targets: tuple[Target, ...] = ()
    allowed_regions: tuple[str, ...] = ()
    focus_regions: tuple[str, ...] = ("RU-KRS",)
    notes: tuple[Note, ...] = ()
    lang: str = "en"
    min_population: int = 100_000
    preset: str = ""
    colors: tuple[tuple[str, str], ...] = ()
    allowed_from_table: bool = False
    as_of: str = ""
    title_uk: str = ""
    subtitle_uk: str = ""
    schema: int = field(default=SCHEMA_VERSION)

    def __post_init__(self) -> None:
        if self.as_of:
            object.__setattr__(self, "as_of", check_as_of(self.as_of, "scenario.as_of"))

    # -- construction ---------------------------------------------------
    @classmethod
    def from_dict(cls, data: Any, where: str = "scenario") -> Scenario:
        """Build a scenario from parsed JSON, checking every field."""
        names = [f.name for f in fields(cls)]
        d = _object(data, where, names)
        schema = d.get("schema", SCHEMA_VERSION)
        if isinstance(schema, bool) or schema not in READABLE_SCHEMAS:
            readable = ", ".join(map(str, READABLE_SCHEMAS))
            raise _fail(
                f"{where}.schema", schema,
                f"is not a schema version this program reads (it reads {readable})",
            )  # fmt: skip
        for key in ("as_of", "allowed_from_table"):
            if schema == 1 and key in d:
                raise ScenarioError(f"{where}: field {key!r} needs schema 2 or later (this is 1)")
        # A file without a date (schema 1, or one written by hand) describes
        # the newest data: say so by filling it in, so the map keeps its date.
        as_of = d.get("as_of")
        as_of = default_as_of() if as_of in (None, "") else check_as_of(as_of, f"{where}.as_of")
        kinds = _ids(d.get("target_kinds", list(TARGET_KINDS)), f"{where}.target_kinds", 3)
        for k in kinds:
            if k not in TARGET_KINDS:
                raise _fail(f"{where}.target_kinds", k, f"is not one of {', '.join(TARGET_KINDS)}")
        lang = d.get("lang", "en")
        if lang not in LANGUAGES:
            raise _fail(f"{where}.lang", lang, f"is not one of {', '.join(LANGUAGES)}")
        min_pop = d.get("min_population", 100_000)
        if isinstance(min_pop, bool) or not isinstance(min_pop, int) or not 0 <= min_pop <= 10**8:
            raise _fail(f"{where}.min_population", min_pop, "is not a whole number 0..100000000")

        def items(key: str, kind, limit: str | None = None):
            raw = _list(d.get(key, []), f"{where}.{key}", LIMITS[limit or key])
            return tuple(kind.from_dict(v, f"{where}.{key}[{i}]") for i, v in enumerate(raw))

        weapons = _ids(d.get("weapons", []), f"{where}.weapons", LIMITS["weapons"])
        return cls(
            title=_text(d.get("title", ""), f"{where}.title"),
            subtitle=_text(d.get("subtitle", ""), f"{where}.subtitle"),
            weapons=weapons,
            sites=items("sites", Site),
            areas=items("areas", Area),
            target_kinds=kinds,
            user_targets=items("user_targets", Target),
            allowed_regions=_ids(
                d.get("allowed_regions", []), f"{where}.allowed_regions", LIMITS["allowed_regions"]
            ),
            focus_regions=_ids(
                d.get("focus_regions", ["RU-KRS"]), f"{where}.focus_regions",
                LIMITS["focus_regions"],
            ),  # fmt: skip
            notes=items("notes", Note),
            lang=lang,
            min_population=min_pop,
            preset=_text(d.get("preset", ""), f"{where}.preset", limit=64),
            colors=_colors(d.get("colors", {}), f"{where}.colors", weapons),
            allowed_from_table=_bool(d.get("allowed_from_table", False),
                                     f"{where}.allowed_from_table"),
            as_of=as_of,
            title_uk=_uk_field(d, "title_uk", where),
            subtitle_uk=_uk_field(d, "subtitle_uk", where),
        )

    def to_dict(self) -> dict:
        """Plain JSON-ready dict; :meth:`from_dict` of it gives back an equal scenario."""
        return {
            "schema": self.schema,
            "title": self.title,
            "subtitle": self.subtitle,
            "weapons": list(self.weapons),
            "sites": [s.to_dict() for s in self.sites],
            "areas": [a.to_dict() for a in self.areas],
            "target_kinds": list(self.target_kinds),
            "user_targets": [t.to_dict() for t in self.user_targets],
            "allowed_regions": list(self.allowed_regions),
            "focus_regions": list(self.focus_regions),
            "notes": [n.to_dict() for n in self.notes],
            "lang": self.lang,
            "min_population": self.min_population,
            "preset": self.preset,
            "colors": dict(self.colors),
            "allowed_from_table": self.allowed_from_table,
            # a written scenario always says its date, so it keeps its meaning
            # when newer data ships
            "as_of": self.as_of_or_latest,
        } | {k: v for k, v in (("title_uk", self.title_uk), ("subtitle_uk", self.subtitle_uk)) if v}

    def to_json(self, *, indent: int | None = 2) -> str:
        """The scenario file's text (UTF-8 JSON, ``schema`` first)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent, allow_nan=False)

    def replace(self, **changes: Any) -> Scenario:
        """A copy with fields changed (validated by re-loading)."""
        return Scenario.from_dict(replace(self, **changes).to_dict())

    # -- texts in a language -------------------------------------------
    def title_in(self, lang: str) -> str:
        """The title in ``lang`` ("" when none was written; the map then builds
        one).  A title written only in English stays English in ``uk``: it is
        the user's own text."""
        return self.title_uk if _lang(lang) == "uk" and self.title_uk else self.title

    def subtitle_in(self, lang: str) -> str:
        """The subtitle in ``lang`` (see :meth:`title_in`)."""
        return self.subtitle_uk if _lang(lang) == "uk" and self.subtitle_uk else self.subtitle

    def name_in(self, name: str, lang: str) -> str:
        """The name in ``lang`` of the launch site or area called ``name`` (as
        :attr:`Site.name` / :attr:`Area.name`, which is how the analysis
        reports it): :meth:`Area.name_in` or :meth:`Site.name_in`.  A name that
        is neither is returned as given.

        Examples
        --------
        >>> from ranges.presets import preset
        >>> preset("atacms-nov-2024").name_in("the Sumy border area", "uk")
        'прикордонна смуга Сумщини'
        """
        _lang(lang)
        for item in (*self.areas, *self.sites):
            if item.name == name:
                return item.name_in(lang)
        return name

    def notes_in(self, lang: str) -> tuple[str, ...]:
        """The notes' texts in ``lang``, in order."""
        return tuple(n.text_in(lang) for n in self.notes)

    # -- conveniences ---------------------------------------------------
    @property
    def as_of_or_latest(self) -> str:
        """:attr:`as_of`, or the newest shipped data's date when it is empty."""
        return self.as_of or default_as_of()

    @property
    def active_sites(self) -> tuple[Site, ...]:
        return tuple(s for s in self.sites if s.enabled)

    @property
    def active_areas(self) -> tuple[Area, ...]:
        return tuple(a for a in self.areas if a.enabled)

    def check_weapons(self, catalog) -> None:
        """Raise :class:`ScenarioError` naming a weapon id not in ``catalog``."""
        known = {w.id for w in catalog}
        for i, wid in enumerate(self.weapons):
            if wid not in known:
                import difflib

                close = difflib.get_close_matches(wid, sorted(known), n=3)
                hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
                raise _fail(f"scenario.weapons[{i}]", wid, f"is not in the weapon catalog{hint}")


def weapon_colors(
    weapon_ids: Iterable[str], chosen: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Colour (``#RRGGBB``) of each weapon: :data:`PALETTE` in legend order,
    or the colour ``chosen`` for it (see :attr:`Scenario.colors`)."""
    ids = list(dict.fromkeys(weapon_ids))
    if len(ids) > len(PALETTE):
        raise ScenarioError(f"{len(ids)} weapons; at most {len(PALETTE)} can be shown at once")
    chosen = chosen or {}
    return {wid: chosen.get(wid, PALETTE[i]) for i, wid in enumerate(ids)}


def scenario_from_json(text: str | bytes, source: str = "scenario file") -> Scenario:
    """Parse a scenario file's text; errors name ``source``."""
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ScenarioError(
                f"{source}: not UTF-8 text ({exc.reason} at byte {exc.start})"
            ) from None
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except ValueError as exc:
        raise ScenarioError(f"{source}: not valid JSON ({exc})") from None
    except RecursionError:
        raise ScenarioError(f"{source}: JSON nested too deeply") from None
    try:
        return Scenario.from_dict(data, where="scenario")
    except ScenarioError as exc:  # "<file>: scenario.sites[0].lat: 95 is outside -90..90"
        raise ScenarioError(f"{source}: {exc}") from None
    except RecursionError:
        raise ScenarioError(f"{source}: JSON nested too deeply") from None


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not allowed")


# --------------------------------------------------------------------------
# URL query parameters
# --------------------------------------------------------------------------
#: The query parameter that carries the whole scenario.
QUERY_KEY = "s"


def to_query(scenario: Scenario) -> dict[str, str]:
    """Query parameters that hold the whole scenario exactly.

    ``s`` is the scenario JSON, compressed (zlib) and base64url-encoded, so
    that uploaded areas and long target lists fit; ``v`` is the schema.
    """
    raw = _canonical(scenario.to_dict()).encode("utf-8")
    packed = base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode("ascii").rstrip("=")
    return {"v": str(SCHEMA_VERSION), QUERY_KEY: packed}


def _decode_packed(packed: str) -> Scenario:
    if len(packed) > LIMITS["url_chars"]:
        raise ScenarioError(
            f"link parameter {QUERY_KEY!r} is {len(packed):,} characters; "
            f"at most {LIMITS['url_chars']:,}"
        )
    try:
        raw = base64.urlsafe_b64decode(packed + "=" * (-len(packed) % 4))
        d = zlib.decompressobj()
        text = d.decompress(raw, 4 * LIMITS["url_chars"] * 10)
        if d.unconsumed_tail:
            raise ScenarioError(f"link parameter {QUERY_KEY!r} expands to too much data")
        if not d.eof:  # a truncated stream decompresses without error
            raise zlib.error("incomplete")
    except ScenarioError:
        raise
    except (binascii.Error, ValueError, zlib.error):
        raise ScenarioError(
            f"link parameter {QUERY_KEY!r} is damaged (was the link cut short?)"
        ) from None
    return scenario_from_json(text, source="link")


def from_query(
    params: Mapping[str, Any],
    *,
    default: Scenario,
    resolve_launch: Callable[[str], Site] | None = None,
    presets: Mapping[str, Scenario] | None = None,
) -> tuple[Scenario, list[str]]:
    """Read a scenario from URL query parameters; never raises on bad links.

    Accepted, in order of precedence: ``s`` (as written by :func:`to_query`);
    ``preset=ID``; hand-written ``weapon=ID`` and ``launch=SPEC`` (each may
    repeat or hold a comma-free list separated by ``;``) and ``as_of=YYYY-MM-DD``.  Anything broken
    falls back to ``default`` (or what could be read) and is reported in the
    returned warnings, which name the parameter and the reason.

    Parameters
    ----------
    params : mapping
        Parameter name to a string or a list of strings (``st.query_params``
        gives strings; use its ``to_dict``/``get_all``).
    default : Scenario
        Used when the link holds no (usable) scenario.
    resolve_launch : callable, optional
        Turns a ``launch`` SPEC into a :class:`Site`; raises
        :class:`ranges.errors.InputError` for unknown names.
    presets : mapping, optional
        Preset id to scenario.
    """
    warnings: list[str] = []

    def values(key: str) -> list[str]:
        v = params.get(key)
        if v is None:
            return []
        vs = v if isinstance(v, (list, tuple)) else [v]
        return [str(x) for x in vs]

    packed = values(QUERY_KEY)
    if packed:
        try:
            return _decode_packed(packed[-1]), warnings
        except RangesError as exc:
            warnings.append(f"The link's scenario could not be read: {exc}. Showing the default.")
        return default, warnings
    scenario = default
    preset = values("preset")
    if preset:
        pid = preset[-1]
        if presets and pid in presets:
            scenario = presets[pid]
        else:
            known = ", ".join(presets or ())
            warnings.append(f"Link parameter preset={pid[:40]!r} is not a preset ({known}).")
    weapons = [w.strip() for v in values("weapon") for w in v.split(";") if w.strip()]
    if weapons:
        try:
            scenario = scenario.replace(weapons=tuple(weapons))
        except RangesError as exc:
            warnings.append(f"Link parameter weapon ignored: {exc}")
    as_of = values("as_of")
    if as_of:
        try:
            scenario = scenario.replace(as_of=check_as_of(as_of[-1][:40], "link parameter as_of"))
        except RangesError as exc:
            warnings.append(f"Link parameter as_of ignored: {exc}")
    launches = [s.strip() for v in values("launch") for s in v.split(";") if s.strip()]
    if launches and resolve_launch is not None:
        sites = []
        for spec in launches[: LIMITS["sites"]]:
            try:
                sites.append(resolve_launch(spec))
            except RangesError as exc:
                warnings.append(f"Link parameter launch={spec[:60]!r} ignored: {exc}")
        if sites:
            scenario = scenario.replace(sites=tuple(sites), areas=())
    return scenario, warnings
