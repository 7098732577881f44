"""The weapon catalog: published ranges, the band where figures disagree, and sources.

The catalog lives in ``data/weapons.toml`` (one ``[[weapon]]`` table per weapon or
variant) and is read with :func:`load_catalog`, which checks every entry strictly and
raises :class:`ranges.errors.DataError` naming the file, line, entry and field of the
first problem.  :func:`get_weapon` looks a weapon up by id and suggests close ids when
the id is unknown; :func:`sources_line` builds the attribution line used by exports.

All distances are kilometres.  ``max_range_km`` is the nominal published figure used for
reach areas and headlines; where figures disagree, ``reported_max_km`` is the highest
credible reported one (maps may draw it as a dashed outer ring).  Every figure must be
supported by at least one *verified* source (one with an https address and the quoted
sentence giving the figure); a minimum no source supports must be flagged
``min_range_estimate = true`` with a reason, and is exposed as
:attr:`Weapon.min_range_is_estimate`.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import math
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ranges.errors import DataError, UnknownNameError
from ranges.tomlfile import load_cached, read_tables, valid_source_date

__all__ = [
    "DEFAULT_CATALOG_PATH",
    "FIGURES",
    "MAX_RANGE_LIMIT_KM",
    "PLATFORMS",
    "SIDE_RUSSIA",
    "SIDE_UKRAINE",
    "STATUSES",
    "Source",
    "Weapon",
    "get_weapon",
    "load_catalog",
    "sources_line",
]

#: The shipped catalog, found relative to the package so it works from any directory.
DEFAULT_CATALOG_PATH = Path(__file__).resolve().parent.parent / "data" / "weapons.toml"

#: Allowed ``status`` values, Ukraine-and-partners statuses first.
STATUSES: tuple[str, ...] = (
    "in-ukrainian-service",
    "cleared",
    "not-supplied",
    "russian",
    "north-korean",
)

#: Allowed ``platform`` values.
PLATFORMS: tuple[str, ...] = ("ground", "air", "sea")

SIDE_UKRAINE = "Ukraine and partners"
SIDE_RUSSIA = "Russia and North Korea"
_UKRAINE_STATUSES = frozenset({"in-ukrainian-service", "cleared", "not-supplied"})

#: Largest accepted ``max_range_km``: about half the Earth's circumference, beyond
#: which a range ring no longer bounds anything.
MAX_RANGE_LIMIT_KM = 20_000.0

_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_HEADER_RE = re.compile(r"^\s*\[\[\s*weapon\s*\]\]")

#: The figures of a weapon a source can support, in the order they are checked.
FIGURES: tuple[str, ...] = ("max_range_km", "reported_max_km", "min_range_km")

_TEXT_FIELDS = ("id", "name", "family", "operator", "status", "platform", "launcher", "note")
_NUMBER_FIELDS = ("min_range_km", "max_range_km")
_REQUIRED_FIELDS = (*_TEXT_FIELDS, *_NUMBER_FIELDS, "sources")
_OPTIONAL_FIELDS = ("reported_max_km", "min_range_estimate", "min_range_reason")
_WEAPON_FIELDS = (*_REQUIRED_FIELDS, *_OPTIONAL_FIELDS)
_SOURCE_REQUIRED = ("publisher", "title", "date")
_SOURCE_FIELDS = (
    *_SOURCE_REQUIRED, "url", "quote", "supports", "via", "title_seen", "verified", "reason"
)


@dataclass(frozen=True)
class Source:
    """Where a published range figure comes from, and whether that was checked.

    Parameters
    ----------
    publisher : str
        Organisation that published the figure, e.g. ``"Reuters"``.
    title : str
        Headline of the page; when ``title_seen`` is false, the words of the page address
        (or a bracketed description), because the checked copy showed no headline.
    date : str
        Publication date as ``"YYYY-MM-DD"``, ``"YYYY-MM"`` or ``"YYYY"``.
    url : str or None
        https address of the page (or of a faithful copy, named in ``via``).
    quote : str or None
        The sentence giving the figure, copied verbatim from the page.
    supports : tuple of str
        The weapon figures (:data:`FIGURES`) the quote gives.
    via : str or None
        The site holding the copy, when ``url`` is not the publisher's own site.
    title_seen : bool
        False when the headline could not be seen (see ``title``).
    verified : bool
        False for a citation that could not be found or checked; it then has a
        ``reason`` and supports no figure of the catalog (it is kept for the record).
    reason : str or None
        Why an unverified citation could not be checked.
    """

    publisher: str
    title: str
    date: str
    url: str | None = None
    quote: str | None = None
    supports: tuple[str, ...] = ()
    via: str | None = None
    title_seen: bool = True
    verified: bool = True
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the source as a JSON-ready dict (absent text fields are ``None``)."""
        return {
            "publisher": self.publisher,
            "title": self.title,
            "date": self.date,
            "url": self.url,
            "quote": self.quote,
            "supports": list(self.supports),
            "via": self.via,
            "title_seen": self.title_seen,
            "verified": self.verified,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Weapon:
    """One weapon or variant of the catalog, with its nominal ranges in kilometres.

    Parameters
    ----------
    id : str
        Slug (lowercase ``a-z``, ``0-9`` and hyphens), e.g. ``"atacms-m57"``.
    name, family, operator : str
        Display name, weapon family and operating country.
    status : str
        One of :data:`STATUSES`.
    platform : str
        One of :data:`PLATFORMS`.
    launcher : str
        Free text, e.g. ``"HIMARS / M270"``.
    min_range_km, max_range_km : float
        Nominal published minimum (0 if none is published) and maximum range, km.
    note : str
        Variants and uncertainty behind the figures.
    sources : tuple of Source
        The citations; every figure has at least one verified source supporting it.
    reported_max_km : float or None
        Highest credible reported maximum where figures disagree (> ``max_range_km``),
        e.g. for a dashed outer ring; ``None`` when there is no band.
    min_range_is_estimate : bool
        True when no source supports ``min_range_km`` (maps should say "minimum is an
        estimate").
    min_range_reason : str or None
        Why the minimum is an estimate (only when ``min_range_is_estimate``).
    """

    id: str
    name: str
    family: str
    operator: str
    status: str
    platform: str
    launcher: str
    min_range_km: float
    max_range_km: float
    note: str
    sources: tuple[Source, ...]
    reported_max_km: float | None = None
    min_range_is_estimate: bool = False
    min_range_reason: str | None = None

    @property
    def verified_sources(self) -> tuple[Source, ...]:
        """The sources that were checked (``verified``), in catalog order."""
        return tuple(source for source in self.sources if source.verified)

    def sources_for(self, figure: str) -> tuple[Source, ...]:
        """Return the verified sources supporting ``figure`` (one of :data:`FIGURES`).

        Examples
        --------
        >>> [s.publisher for s in get_weapon("kn-23").sources_for("reported_max_km")]
        ['Novaya Gazeta Europe', 'Eurasia Review']
        """
        if figure not in FIGURES:
            raise ValueError(f"figure must be one of {', '.join(FIGURES)}, got {figure!r}")
        return tuple(s for s in self.verified_sources if figure in s.supports)

    @property
    def side(self) -> str:
        """``"Ukraine and partners"`` or ``"Russia and North Korea"``, from ``status``."""
        return SIDE_UKRAINE if self.status in _UKRAINE_STATUSES else SIDE_RUSSIA

    @property
    def label(self) -> str:
        """Short display label, e.g. ``"ATACMS M57 (unitary) – 300 km"``."""
        return f"{self.name} – {_format_km(self.max_range_km)} km"

    def to_dict(self) -> dict[str, Any]:
        """Return every field plus ``side`` and ``label`` as a JSON-ready dict.

        Examples
        --------
        >>> w = get_weapon("gmlrs")
        >>> d = w.to_dict()
        >>> (d["id"], d["min_range_km"], d["max_range_km"], d["side"])
        ('gmlrs', 15.0, 70.0, 'Ukraine and partners')
        """
        return {
            "id": self.id,
            "name": self.name,
            "family": self.family,
            "operator": self.operator,
            "status": self.status,
            "side": self.side,
            "platform": self.platform,
            "launcher": self.launcher,
            "min_range_km": self.min_range_km,
            "max_range_km": self.max_range_km,
            "reported_max_km": self.reported_max_km,
            "min_range_is_estimate": self.min_range_is_estimate,
            "min_range_reason": self.min_range_reason,
            "label": self.label,
            "note": self.note,
            "sources": [source.to_dict() for source in self.sources],
        }


def _format_km(value_km: float) -> str:
    if float(value_km).is_integer():
        return f"{value_km:,.0f}"
    return f"{value_km:,.1f}"


# --- loading --------------------------------------------------------------------------


class _Where:
    """Builds the "file, line N, weapon #i 'id', field 'f'" prefix of error messages."""

    def __init__(self, file: str, index: int, line: int | None):
        self.file = file
        self.index = index  # 1-based, counting [[weapon]] tables in file order
        self.line = line
        self.weapon_id: str | None = None

    def entry(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(f"line {self.line}")
        entry = f"weapon #{self.index}"
        if self.weapon_id is not None:
            entry += f" {self.weapon_id!r}"
        parts.append(entry)
        return ", ".join(parts)

    def error(self, field: str | None, message: str) -> DataError:
        where = self.entry() if field is None else f"{self.entry()}, field {field!r}"
        return DataError(f"{where}: {message}")


def load_catalog(path: str | os.PathLike[str] | None = None) -> tuple[Weapon, ...]:
    """Read and validate a weapon catalog TOML file.

    Parameters
    ----------
    path : str or os.PathLike, optional
        Catalog file; defaults to the shipped ``data/weapons.toml``
        (:data:`DEFAULT_CATALOG_PATH`), read once a process and again only if
        the file changes.

    Returns
    -------
    tuple of Weapon
        The weapons in file order.

    Raises
    ------
    ranges.errors.DataError
        If the file cannot be read or is not TOML, or an entry breaks a rule: a
        missing, unknown or mistyped field (booleans are not numbers), a status or
        platform outside :data:`STATUSES` / :data:`PLATFORMS`, an id that is not a slug
        or is used twice, ``min_range_km < 0``, ``max_range_km <= min_range_km`` or above
        :data:`MAX_RANGE_LIMIT_KM`, ``reported_max_km <= max_range_km``, a non-finite
        number, a missing or malformed source (a verified source needs an https ``url``,
        a ``quote`` and ``supports``; an unverified one a ``reason``), or a figure no
        verified source supports (a minimum may instead be flagged
        ``min_range_estimate = true`` with a ``min_range_reason``).  The message names
        the file, the entry (1-based index and id) and the field.

    Examples
    --------
    >>> catalog = load_catalog()
    >>> [(w.max_range_km, w.reported_max_km) for w in catalog if w.id == "kn-23"]
    [(690.0, 900.0)]
    """
    if path is None:  # the shipped file: read once a process (again if it changes)
        return _default_catalog()
    file_path = Path(path)
    file = os.fspath(file_path)
    text, entries = read_tables(file_path, "weapon", "weapon catalog")
    lines = _header_lines(text, len(entries))
    weapons: list[Weapon] = []
    first_index_by_id: dict[str, int] = {}
    for position, entry in enumerate(entries):
        where = _Where(file, position + 1, lines[position] if lines else None)
        weapon = _parse_weapon(entry, where)
        if weapon.id in first_index_by_id:
            raise where.error(
                "id",
                f"duplicate id {weapon.id!r}; already used by weapon "
                f"#{first_index_by_id[weapon.id]} (ids must be unique)",
            )
        first_index_by_id[weapon.id] = position + 1
        weapons.append(weapon)
    return tuple(weapons)


def _header_lines(text: str, count: int) -> list[int] | None:
    """Return the 1-based line of each ``[[weapon]]`` header, if they match ``count``."""
    lines = [n for n, line in enumerate(text.splitlines(), start=1) if _HEADER_RE.match(line)]
    # Inline `weapon = [...]` arrays or headers inside multi-line strings would misalign
    # the count; then give no line rather than a wrong one.
    return lines if len(lines) == count else None


def _parse_weapon(entry: object, where: _Where) -> Weapon:
    if not isinstance(entry, dict):
        raise where.error(None, f"must be a table, got {_type_name(entry)}")

    # Name the entry by its id in later messages, as soon as the id is a usable string.
    raw_id = entry.get("id")
    if isinstance(raw_id, str) and raw_id.strip():
        where.weapon_id = raw_id.strip()

    unknown = [key for key in entry if key not in _WEAPON_FIELDS]
    if unknown:
        raise where.error(
            unknown[0],
            f"unknown field; allowed fields are {', '.join(_WEAPON_FIELDS)}",
        )
    for field in _REQUIRED_FIELDS:
        if field not in entry:
            raise where.error(field, "missing required field")

    text = {field: _text(entry[field], field, where) for field in _TEXT_FIELDS}

    if not _SLUG_RE.match(text["id"]):
        raise where.error(
            "id",
            "must be a slug of lowercase letters a-z, digits and single inner hyphens "
            f"(e.g. 'atacms-m57'), got {text['id']!r}",
        )
    if text["status"] not in STATUSES:
        raise where.error("status", f"must be one of {', '.join(STATUSES)}; got {text['status']!r}")
    if text["platform"] not in PLATFORMS:
        raise where.error(
            "platform", f"must be one of {', '.join(PLATFORMS)}; got {text['platform']!r}"
        )

    min_km = _number(entry["min_range_km"], "min_range_km", where)
    max_km = _number(entry["max_range_km"], "max_range_km", where)
    if min_km < 0:
        raise where.error(
            "min_range_km", f"must be >= 0 (use 0 if none is published), got {min_km:g}"
        )
    if max_km <= min_km:
        raise where.error(
            "max_range_km", f"must be a number > min_range_km ({min_km:g}), got {max_km:g}"
        )
    if max_km > MAX_RANGE_LIMIT_KM:
        raise where.error(
            "max_range_km",
            f"must be at most {MAX_RANGE_LIMIT_KM:,.0f} km (half the Earth's circumference), "
            f"got {max_km:g}",
        )

    reported_km = None
    if "reported_max_km" in entry:
        reported_km = _number(entry["reported_max_km"], "reported_max_km", where)
        if reported_km <= max_km:
            raise where.error(
                "reported_max_km",
                f"must be > max_range_km ({max_km:g}); leave it out when there is no band, "
                f"got {reported_km:g}",
            )
        if reported_km > MAX_RANGE_LIMIT_KM:
            raise where.error(
                "reported_max_km",
                f"must be at most {MAX_RANGE_LIMIT_KM:,.0f} km, got {reported_km:g}",
            )
    estimate, estimate_reason = _min_estimate(entry, min_km, where)

    sources = _sources(entry["sources"], where)
    _check_support(sources, min_km, reported_km, estimate, where)
    return Weapon(
        id=text["id"],
        name=text["name"],
        family=text["family"],
        operator=text["operator"],
        status=text["status"],
        platform=text["platform"],
        launcher=text["launcher"],
        min_range_km=min_km,
        max_range_km=max_km,
        note=text["note"],
        sources=sources,
        reported_max_km=reported_km,
        min_range_is_estimate=estimate,
        min_range_reason=estimate_reason,
    )


def _min_estimate(entry: dict, min_km: float, where: _Where) -> tuple[bool, str | None]:
    """Read ``min_range_estimate`` and ``min_range_reason`` (both optional, used together)."""
    estimate = entry.get("min_range_estimate", False)
    if not isinstance(estimate, bool):
        raise where.error(
            "min_range_estimate", f"must be true or false, got {_type_name(estimate)} {estimate!r}"
        )
    if not estimate:
        if "min_range_reason" in entry:
            raise where.error(
                "min_range_reason", "is only allowed with min_range_estimate = true"
            )
        return False, None
    if min_km == 0:
        raise where.error(
            "min_range_estimate", "must not be true when min_range_km is 0 (no minimum)"
        )
    if "min_range_reason" not in entry:
        raise where.error(
            "min_range_reason", "missing; min_range_estimate = true needs a reason"
        )
    return True, _text(entry["min_range_reason"], "min_range_reason", where)


def _check_support(
    sources: tuple[Source, ...],
    min_km: float,
    reported_km: float | None,
    estimate: bool,
    where: _Where,
) -> None:
    """Every figure the weapon has needs a verified source that supports it."""
    present = {"max_range_km": True, "reported_max_km": reported_km is not None,
               "min_range_km": min_km > 0}  # fmt: skip
    for i, source in enumerate(sources):
        for figure in source.supports:
            if not present[figure]:
                raise where.error(
                    f"sources[{i}].supports",
                    f"names {figure!r}, but the weapon has no {figure} "
                    f"({'0' if figure == 'min_range_km' else 'not set'})",
                )
    for figure in FIGURES:
        supported = [i for i, s in enumerate(sources) if s.verified and figure in s.supports]
        if figure == "min_range_km" and estimate:
            if supported:
                raise where.error(
                    "min_range_estimate",
                    f"is true, but sources[{supported[0]}] supports min_range_km; "
                    "drop the estimate flag and its reason",
                )
            continue
        if present[figure] and not supported:
            hint = (
                "; or flag it min_range_estimate = true with a min_range_reason"
                if figure == "min_range_km"
                else ""
            )
            raise where.error(
                figure,
                "has no verified source supporting it: add a source with url, quote and "
                f"supports = [{figure!r}]{hint}",
            )


def _text(value: object, field: str, where: _Where) -> str:
    if not isinstance(value, str):
        raise where.error(field, f"must be a string, got {_type_name(value)} {value!r}")
    stripped = value.strip()
    if not stripped:
        raise where.error(field, "must not be empty")
    return stripped


def _number(value: object, field: str, where: _Where) -> float:
    # bool is a subclass of int, but `max_range_km = true` is a mistake, not 1 km.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise where.error(field, f"must be a number, got {_type_name(value)} {value!r}")
    number = float(value)
    if not math.isfinite(number):
        raise where.error(field, f"must be a finite number, got {value!r}")
    return number


def _sources(value: object, where: _Where) -> tuple[Source, ...]:
    if not isinstance(value, list):
        raise where.error("sources", f"must be an array of tables, got {_type_name(value)}")
    if not value:
        raise where.error("sources", "must list at least one source")
    return tuple(_source(item, f"sources[{i}]", where) for i, item in enumerate(value))


def _source(item: object, field: str, where: _Where) -> Source:
    if not isinstance(item, dict):
        raise where.error(
            field, f"must be a table {{publisher, title, date, url, quote, supports}}, "
            f"got {_type_name(item)}"
        )
    unknown = [key for key in item if key not in _SOURCE_FIELDS]
    if unknown:
        raise where.error(
            f"{field}.{unknown[0]}",
            f"unknown field; allowed source fields are {', '.join(_SOURCE_FIELDS)}",
        )
    for key in _SOURCE_REQUIRED:
        if key not in item:
            raise where.error(f"{field}.{key}", "missing required source field")
    publisher = _text(item["publisher"], f"{field}.publisher", where)
    title = _text(item["title"], f"{field}.title", where)

    date_value = item["date"]
    if isinstance(date_value, _dt.date):
        # An unquoted TOML date parses as a date object; the catalog wants the text.
        raise where.error(
            f"{field}.date",
            f'must be a quoted string like "2024-11-17", got a bare TOML date {date_value}',
        )
    date = _text(date_value, f"{field}.date", where)
    if not valid_source_date(date):
        raise where.error(
            f"{field}.date", f"must be 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY', got {date!r}"
        )

    url = None
    if "url" in item:
        url = _text(item["url"], f"{field}.url", where)
        if not url.startswith("https://") or len(url) <= len("https://"):
            raise where.error(f"{field}.url", f"must be an https:// address, got {url!r}")
    verified = _flag(item, "verified", True, field, where)
    title_seen = _flag(item, "title_seen", True, field, where)
    quote = _text(item["quote"], f"{field}.quote", where) if "quote" in item else None
    via = _text(item["via"], f"{field}.via", where) if "via" in item else None
    supports = _supports(item.get("supports", []), f"{field}.supports", where)

    reason = None
    if verified:
        if "reason" in item:
            raise where.error(f"{field}.reason", "is only for sources with verified = false")
        for key, value in (("url", url), ("quote", quote)):
            if value is None:
                raise where.error(
                    f"{field}.{key}",
                    "missing; a verified source needs the page's url and the quoted sentence "
                    "giving the figure (or set verified = false with a reason)",
                )
        if not supports:
            raise where.error(
                f"{field}.supports",
                f"missing or empty; name the figure(s) the quote gives: {', '.join(FIGURES)}",
            )
    else:
        if "reason" not in item:
            raise where.error(
                f"{field}.reason", "missing; a source with verified = false needs a reason"
            )
        reason = _text(item["reason"], f"{field}.reason", where)
    return Source(
        publisher=publisher, title=title, date=date, url=url, quote=quote,
        supports=supports, via=via, title_seen=title_seen, verified=verified, reason=reason,
    )  # fmt: skip


def _flag(item: dict, key: str, default: bool, field: str, where: _Where) -> bool:
    value = item.get(key, default)
    if not isinstance(value, bool):
        raise where.error(
            f"{field}.{key}", f"must be true or false, got {_type_name(value)} {value!r}"
        )
    return value


def _supports(value: object, field: str, where: _Where) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise where.error(field, f"must be an array of figure names, got {_type_name(value)}")
    names: list[str] = []
    for name in value:
        if name not in FIGURES:
            raise where.error(field, f"must name figures among {', '.join(FIGURES)}; got {name!r}")
        if name in names:
            raise where.error(field, f"names {name!r} twice")
        names.append(name)
    return tuple(names)


def _type_name(value: object) -> str:
    return {
        bool: "boolean",
        int: "integer",
        float: "float",
        str: "string",
        list: "array",
        dict: "table",
    }.get(type(value), type(value).__name__)


# --- lookup ---------------------------------------------------------------------------


def _default_catalog() -> tuple[Weapon, ...]:
    return load_cached(load_catalog, DEFAULT_CATALOG_PATH)


def get_weapon(weapon_id: str, catalog: Iterable[Weapon] | None = None) -> Weapon:
    """Return the weapon with ``weapon_id`` (case-insensitive, whitespace stripped).

    Parameters
    ----------
    weapon_id : str
        Catalog id, e.g. ``"atacms-m57"``.
    catalog : iterable of Weapon, optional
        Weapons to search; defaults to the shipped catalog.

    Returns
    -------
    Weapon

    Raises
    ------
    ranges.errors.UnknownNameError
        If no weapon has that id.  ``suggestions`` holds ids whose id or name contains
        the value, then close spellings (``"atacms"`` suggests the three ATACMS ids).
    TypeError
        If ``weapon_id`` is not a string.

    Examples
    --------
    >>> get_weapon("  ATACMS-M57 ").label
    'ATACMS M57 (unitary) – 300 km'
    """
    if not isinstance(weapon_id, str):
        raise TypeError(f"'weapon_id' should be a string, got {type(weapon_id).__name__}")
    weapons = _default_catalog() if catalog is None else tuple(catalog)
    key = weapon_id.strip().lower()
    for weapon in weapons:
        if weapon.id == key:
            return weapon

    ids = [weapon.id for weapon in weapons]
    if not key:
        raise UnknownNameError(
            f"weapon id {weapon_id!r} is empty; known ids: {', '.join(ids)}", suggestions=[]
        )
    suggestions = _suggest(key, weapons)
    if suggestions:
        hint = f"did you mean {', '.join(map(repr, suggestions))}?"
    else:
        hint = f"known ids: {', '.join(ids)}"
    raise UnknownNameError(
        f"weapon id {weapon_id!r} is not in the weapon catalog; {hint}", suggestions=suggestions
    )


def _suggest(key: str, weapons: tuple[Weapon, ...], limit: int = 6) -> list[str]:
    """Ids whose id or name contains ``key`` (in catalog order), then close spellings."""
    slug = re.sub(r"[\s_]+", "-", key)
    found = [weapon.id for weapon in weapons if slug in weapon.id or key in weapon.name.lower()]
    for close in difflib.get_close_matches(slug, [w.id for w in weapons], n=limit, cutoff=0.6):
        if close not in found:
            found.append(close)
    return found[:limit]


def sources_line(weapons: Iterable[Weapon]) -> str:
    """Return the distinct publishers of the weapons' verified sources, sorted, comma-joined.

    Citations marked ``verified = false`` are left out: a map credits only sources
    that were checked.

    Parameters
    ----------
    weapons : iterable of Weapon
        The weapons shown, e.g. on a map being exported.

    Returns
    -------
    str
        e.g. ``"Forces News, Reuters, Talk Business & Politics"``; ``""`` for no weapons.

    Examples
    --------
    >>> sources_line([get_weapon("kn-23")])
    'CSIS Missile Threat, Eurasia Review, Novaya Gazeta Europe'
    """
    publishers = {source.publisher for weapon in weapons for source in weapon.verified_sources}
    return ", ".join(sorted(publishers, key=str.casefold))
