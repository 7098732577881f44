"""What was allowed when: public decisions on where Ukraine may strike Russia.

The table lives in ``data/authorizations.toml``: one ``[[decision]]`` per public
decision by a government that supplied a weapon (who, when, which weapons, where,
allow or restrict, announced or only reported), each with the sentences that
record it.  :func:`load_decisions` reads and checks it; :func:`allowed_as_of`
answers "where could this weapon strike inside Russia on this date, by whose
decision"; :func:`decisions_table` lists the decisions for the
``strike-range authorizations`` command.

Semantics
---------
* **Which decisions count.**  Only decisions dated on or before ``as_of``.  A
  decision's date is the day it became public (announced on the record, or first
  reported); it can trail the decision itself, which its ``note`` then says.
* **Which weapons.**  ``weapons`` names catalog ids (``"atacms-m57"``) or catalog
  families (``"ATACMS"`` covers every weapon whose ``family`` is ATACMS: atacms-m39,
  atacms-m39a1, atacms-m57), matched without regard to case.  A decision with no
  catalog weapon (Germany's weapons in May 2024) is kept for the reader but
  changes no weapon's answer.
* **Who decided does not matter to the fold.**  Decisions about one weapon are
  folded together whoever made them, because a weapon can need more than one
  government's consent (Storm Shadow/SCALP relies on US targeting data, so a US
  restriction limits it too).
* **Folding.**  Per weapon, the decisions are applied in date order (file order on
  the same day).  ``scope_regions`` names whole regions (``"RU"`` expands to every
  Russian region in ``data/regions.fgb``).  An *allow* marks its regions allowed
  (or, with no ``scope_regions``, adds a described *zone* such as "across the
  border from Kharkiv oblast", with the regions it lies in, partly).  A *restrict*
  marks its regions restricted, which removes earlier permissions there, and drops
  every zone lying wholly inside them.  A later allow lifts a restriction on the
  regions it names.
* **In effect.**  An allow is in effect while at least one of its regions is still
  allowed (or its zone is still there); a restriction while at least one of its
  regions is still restricted.  ``restricted`` is true when any region is under a
  restriction in effect.
* **Status is kept, not weighed.**  ``announced`` (said on the record),
  ``reported`` (unnamed officials) and ``disputed`` (reported, then denied) fold
  alike; every answer carries the decisions and their status, and the summary says
  "reported" or "disputed" so a reader can judge.

All dates are :class:`datetime.date`; region ids are those of ``data/regions.fgb``.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ranges.catalog import Weapon, get_weapon, load_catalog
from ranges.errors import DataError, InputError, UnknownNameError
from ranges.tomlfile import load_cached, read_tables, valid_source_date

__all__ = [
    "ACTIONS",
    "DEFAULT_AUTHORIZATIONS_PATH",
    "STATUSES",
    "WHOLE_COUNTRIES",
    "Allowance",
    "Citation",
    "Decision",
    "Zone",
    "allowed_as_of",
    "decisions_table",
    "format_date",
    "summary_in",
    "load_decisions",
]

_DATA = Path(__file__).resolve().parent.parent / "data"
#: The shipped table, found relative to the package so it works from any directory.
DEFAULT_AUTHORIZATIONS_PATH = _DATA / "authorizations.toml"
_REGIONS_PATH = _DATA / "regions.fgb"

ACTIONS: tuple[str, ...] = ("allow", "restrict")
STATUSES: tuple[str, ...] = ("announced", "reported", "disputed")
#: Scope tokens that stand for every region of a country (region ids ``RU-...``).
WHOLE_COUNTRIES: dict[str, str] = {"RU": "Russia"}

_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ISO_DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_HEADER_RE = re.compile(r"^\s*\[\[\s*decision\s*\]\]")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_REQUIRED = ("id", "date", "decider", "weapons", "action", "status", "headline", "headline_uk",
             "sources")
_OPTIONAL = ("weapons_text", "scope_regions", "scope_within", "scope_text", "note")
_SOURCE_FIELDS = ("publisher", "title", "date", "url", "quote")


@dataclass(frozen=True)
class Citation:
    """A page that records a decision, with the sentence that records it.

    ``date`` is ``"YYYY-MM-DD"``, ``"YYYY-MM"`` or ``"YYYY"``; ``quote`` is verbatim
    (`` […] `` joins sentences that are not adjacent).
    """

    publisher: str
    title: str
    date: str
    url: str
    quote: str

    def to_dict(self) -> dict[str, str]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Decision:
    """One row of the table (see the module docstring for what the fields mean).

    ``regions`` and ``within`` are ``scope_regions`` and ``scope_within`` with
    whole-country tokens (``"RU"``) expanded to region ids.
    """

    id: str
    date: _dt.date
    decider: str
    weapons: tuple[str, ...]
    action: str
    status: str
    headline: str
    sources: tuple[Citation, ...]
    headline_uk: str = ""
    weapons_text: str = ""
    scope_regions: tuple[str, ...] = ()
    scope_within: tuple[str, ...] = ()
    scope_text: str = ""
    note: str = ""
    regions: tuple[str, ...] = ()
    within: tuple[str, ...] = ()

    def covers(self, weapon: Weapon) -> bool:
        """Whether ``weapon`` is named by id or by family."""
        names = {name.casefold() for name in self.weapons}
        return weapon.id.casefold() in names or weapon.family.casefold() in names

    @property
    def label(self) -> str:
        """``"US, 17 Nov 2024 (reported)"``; announced decisions carry no status."""
        status = "" if self.status == "announced" else f" ({self.status})"
        return f"{self.decider}, {format_date(self.date)}{status}"

    def label_in(self, lang: str) -> str:
        """:attr:`label` in ``lang``: ``"США, 17 листопада 2024 (за повідомленнями)"``."""
        if lang == "en":
            return self.label
        from ranges.i18n import strings

        words = strings("DASHBOARD")[lang]
        status = "" if self.status == "announced" else f" ({words[f'auth_status:{self.status}']})"
        decider = words.get(f"auth_decider:{self.decider}", self.decider)
        return f"{decider}, {format_date(self.date, lang)}{status}"

    def headline_in(self, lang: str) -> str:
        """Our summary in ``lang`` (English where the table has no other)."""
        return (self.headline_uk if lang == "uk" else "") or self.headline

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "date": self.date.isoformat(),
            "decider": self.decider,
            "weapons": list(self.weapons),
            "weapons_text": self.weapons_text,
            "action": self.action,
            "status": self.status,
            "scope_regions": list(self.scope_regions),
            "scope_within": list(self.scope_within),
            "scope_text": self.scope_text,
            "headline": self.headline,
            "headline_uk": self.headline_uk,
            "note": self.note,
            "sources": [source.to_dict() for source in self.sources],
        }


@dataclass(frozen=True)
class Zone:
    """A described area where strikes are allowed, lying partly in ``within``."""

    text: str
    within: tuple[str, ...]
    decision_id: str


@dataclass(frozen=True)
class Allowance:
    """Where one weapon may strike inside Russia on ``as_of``, and by whose decisions.

    Attributes
    ----------
    weapon_id : str
    as_of : datetime.date
    regions : tuple of str
        Whole regions where strikes are allowed, sorted; empty if none.
    zones : tuple of Zone
        Described areas where strikes are allowed (not whole regions).
    decisions : tuple of Decision
        The decisions in effect, in date order.
    restricted : bool
        A restriction is in effect on at least one region.
    summary : str
        One line for maps and headlines, e.g. ``"US, 17 Nov 2024 (reported): ATACMS
        strikes inside Russia allowed, first in the Kursk region"``.
    """

    weapon_id: str
    as_of: _dt.date
    regions: tuple[str, ...]
    zones: tuple[Zone, ...]
    decisions: tuple[Decision, ...]
    restricted: bool
    summary: str

    @property
    def allowed(self) -> bool:
        """Strikes inside Russia are allowed somewhere (a region or a zone)."""
        return bool(self.regions or self.zones)


def format_date(day: _dt.date, lang: str = "en") -> str:
    """``date(2024, 11, 17)`` -> ``"17 Nov 2024"`` (independent of the locale);
    ``"17 листопада 2024"`` in Ukrainian."""
    if lang == "en":
        return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    from ranges.i18n import strings

    months = strings("MAP")[lang]["months"].split()
    return f"{day.day} {months[day.month - 1]} {day.year}"


_NO_DECISION = re.compile(
    r"No decision in the table allows (?P<family>.+?) strikes inside Russia "
    r"as of (?P<day>\d{1,2} (?:" + "|".join(_MONTHS) + r") \d{4})"
)


def summary_in(text: str, lang: str, decisions: Iterable[Decision] | None = None) -> str:
    """An English text holding :attr:`Allowance.summary` with each decision's
    ``label: headline`` (and the "No decision..." sentence) in ``lang``.

    >>> summary_in("US, 17 Nov 2024 (reported): ATACMS strikes inside Russia allowed, "
    ...            "first in the Kursk region", "uk")[:42]
    'США, 17 листопада 2024 (за повідомленнями)'
    """
    if lang == "en" or not text:
        return text
    for d in _decisions(decisions, None):
        text = text.replace(f"{d.label}: {d.headline}",
                            f"{d.label_in(lang)}: {d.headline_in(lang)}")
    from ranges.i18n import strings

    def none(m: re.Match) -> str:
        d, mon, year = m["day"].split()
        day = _dt.date(int(year), _MONTHS.index(mon) + 1, int(d))
        return strings("DASHBOARD")[lang]["auth_none"].format(family=m["family"],
                                                              date=format_date(day, lang))

    return _NO_DECISION.sub(none, text)


# --- loading --------------------------------------------------------------------------


class _Where:
    """Builds "file, line N, decision #i 'id', field 'f'" prefixes of error messages."""

    def __init__(self, file: str, index: int, line: int | None):
        self.file, self.index, self.line = file, index, line
        self.decision_id: str | None = None

    def error(self, field: str | None, message: str) -> DataError:
        parts = [self.file] + ([f"line {self.line}"] if self.line is not None else [])
        entry = f"decision #{self.index}"
        if self.decision_id is not None:
            entry += f" {self.decision_id!r}"
        parts.append(entry if field is None else f"{entry}, field {field!r}")
        return DataError(f"{', '.join(parts)}: {message}")


def load_decisions(
    path: str | os.PathLike[str] | None = None,
    *,
    catalog: Iterable[Weapon] | None = None,
    region_ids: Iterable[str] | None = None,
) -> tuple[Decision, ...]:
    """Read and check an authorization table.

    Parameters
    ----------
    path : str or os.PathLike, optional
        TOML file; defaults to the shipped ``data/authorizations.toml``.
    catalog : iterable of Weapon, optional
        Weapons that ``weapons`` may name (by id or family); defaults to the shipped
        catalog.
    region_ids : iterable of str, optional
        Known region ids; defaults to those of ``data/regions.fgb``.

    Returns
    -------
    tuple of Decision
        Sorted by date (file order within a day).

    Raises
    ------
    ranges.errors.DataError
        If the file cannot be read or is not TOML, or a decision breaks a rule: a
        missing, unknown or mistyped field, an id that is not a slug or is used twice,
        a date that is not an ISO day, an unknown action, status, weapon or region, a
        restriction without ``scope_regions``, a zone without ``scope_text`` and
        ``scope_within``, no source, or a source without url or quote.  The message
        names the file, the line, the decision (number and id) and the field.
    """
    file_path = DEFAULT_AUTHORIZATIONS_PATH if path is None else Path(path)
    file = os.fspath(file_path)
    text, entries = read_tables(file_path, "decision", "authorization table")

    weapons = tuple(load_catalog() if catalog is None else catalog)
    names = {w.id.casefold() for w in weapons} | {w.family.casefold() for w in weapons}
    known = frozenset(_shipped_region_ids() if region_ids is None else region_ids)
    lines = [n for n, line in enumerate(text.splitlines(), 1) if _HEADER_RE.match(line)]
    if len(lines) != len(entries):
        lines = []  # inline arrays would misalign the count: give no line, not a wrong one

    decisions: list[Decision] = []
    first_index: dict[str, int] = {}
    for position, entry in enumerate(entries):
        where = _Where(file, position + 1, lines[position] if lines else None)
        decision = _parse_decision(entry, where, names, weapons, known)
        if decision.id in first_index:
            raise where.error(
                "id", f"duplicate id; already used by decision #{first_index[decision.id]}"
            )
        first_index[decision.id] = position + 1
        decisions.append(decision)
    # sorted() is stable, so decisions of the same day keep their file order.
    return tuple(sorted(decisions, key=lambda d: d.date))


@lru_cache(maxsize=1)
def _shipped_region_ids() -> tuple[str, ...]:
    try:
        import pyogrio

        frame = pyogrio.read_dataframe(_REGIONS_PATH, columns=["region_id"], read_geometry=False)
    except Exception as exc:  # pyogrio raises its own error types for missing/bad files
        raise DataError(f"{_REGIONS_PATH}: cannot read the region ids: {exc}") from exc
    return tuple(frame["region_id"])


def _parse_decision(entry, where: _Where, names, weapons, known) -> Decision:
    if not isinstance(entry, dict):
        raise where.error(None, f"must be a table, got {type(entry).__name__}")
    if isinstance(entry.get("id"), str) and entry["id"].strip():
        where.decision_id = entry["id"].strip()
    for key in entry:
        if key not in _REQUIRED + _OPTIONAL:
            allowed = ", ".join(_REQUIRED + _OPTIONAL)
            raise where.error(key, f"unknown field; allowed fields are {allowed}")
    for key in _REQUIRED:
        if key not in entry:
            raise where.error(key, "missing required field")

    text = {k: _text(entry[k], k, where) for k in ("id", "decider", "action", "status", "headline",
                                                      "headline_uk")}
    for key in ("weapons_text", "scope_text", "note"):
        text[key] = _text(entry[key], key, where) if key in entry else ""
    if not _SLUG_RE.match(text["id"]):
        raise where.error("id", f"must be a slug (a-z, 0-9, inner hyphens), got {text['id']!r}")
    if text["action"] not in ACTIONS:
        raise where.error("action", f"must be one of {', '.join(ACTIONS)}; got {text['action']!r}")
    if text["status"] not in STATUSES:
        raise where.error("status", f"must be one of {', '.join(STATUSES)}; got {text['status']!r}")

    named = _strings(entry["weapons"], "weapons", where)
    for name in named:
        if name.casefold() not in names:
            ids = ", ".join(w.id for w in weapons)
            families = ", ".join(sorted({w.family for w in weapons}))
            raise where.error(
                "weapons",
                f"unknown weapon {name!r}; use a catalog id ({ids}) or a family ({families})",
            )
    if not named and not text["weapons_text"]:
        raise where.error("weapons", "is empty; name catalog weapons or say which in weapons_text")

    scope = _strings(entry.get("scope_regions", []), "scope_regions", where)
    within = _strings(entry.get("scope_within", []), "scope_within", where)
    regions = _expand(scope, "scope_regions", where, known)
    within_ids = _expand(within, "scope_within", where, known)
    if text["action"] == "restrict" and not scope:
        raise where.error("scope_regions", "a restriction must name the regions it covers")
    if not scope and not (text["scope_text"] and within):
        raise where.error(
            "scope_regions",
            "is empty; a described zone needs scope_text and scope_within (the regions it lies in)",
        )

    return Decision(
        id=text["id"],
        date=_day(entry["date"], "date", where),
        decider=text["decider"],
        weapons=named,
        action=text["action"],
        status=text["status"],
        headline=text["headline"],
        headline_uk=text["headline_uk"],
        sources=_sources(entry["sources"], where),
        weapons_text=text["weapons_text"],
        scope_regions=scope,
        scope_within=within,
        scope_text=text["scope_text"],
        note=text["note"],
        regions=regions,
        within=within_ids,
    )


def _text(value, field: str, where: _Where) -> str:
    if not isinstance(value, str):
        raise where.error(field, f"must be a string, got {type(value).__name__} {value!r}")
    if not value.strip():
        raise where.error(field, "must not be empty")
    return value.strip()


def _strings(value, field: str, where: _Where) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise where.error(field, f"must be an array of strings, got {type(value).__name__}")
    return tuple(_text(item, field, where) for item in value)


def _expand(tokens, field: str, where: _Where, known) -> tuple[str, ...]:
    ids: list[str] = []
    for token in tokens:
        if token in WHOLE_COUNTRIES:
            ids.extend(sorted(r for r in known if r.startswith(f"{token}-")))
        elif known and token not in known:
            raise where.error(field, f"unknown region id {token!r}; see data/regions.fgb")
        else:
            ids.append(token)
    return tuple(dict.fromkeys(ids))


def _iso_day(value) -> _dt.date | None:
    """A date, or ISO ``YYYY-MM-DD`` text, as a date (None if it is neither)."""
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DAY_RE.match(value.strip()):
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _day(value, field: str, where: _Where) -> _dt.date:
    # A bare TOML date (2024-11-17) arrives as a date; a quoted one as text.
    day = _iso_day(value)
    if day is None:
        raise where.error(field, f"must be an ISO date 'YYYY-MM-DD', got {value!r}")
    return day


def _sources(value, where: _Where) -> tuple[Citation, ...]:
    if not isinstance(value, list) or not value:
        raise where.error("sources", "must list at least one source ([[decision.sources]])")
    return tuple(_source(item, f"sources[{i}]", where) for i, item in enumerate(value))


def _source(item, field: str, where: _Where) -> Citation:
    if not isinstance(item, dict):
        raise where.error(field, f"must be a table {{{', '.join(_SOURCE_FIELDS)}}}")
    for key in item:
        if key not in _SOURCE_FIELDS:
            allowed = ", ".join(_SOURCE_FIELDS)
            raise where.error(f"{field}.{key}", f"unknown field; allowed are {allowed}")
    for key in _SOURCE_FIELDS:
        if key not in item:
            raise where.error(f"{field}.{key}", "missing required source field")
    values = {key: _text(item[key], f"{field}.{key}", where) for key in _SOURCE_FIELDS}
    if not valid_source_date(values["date"]):
        raise where.error(
            f"{field}.date", f"must be 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY', got {values['date']!r}"
        )
    if not values["url"].startswith(("https://", "http://")):
        raise where.error(
            f"{field}.url", f"must start with https:// or http://, got {values['url']!r}"
        )
    return Citation(**values)


def _default_decisions() -> tuple[Decision, ...]:
    return load_cached(load_decisions, DEFAULT_AUTHORIZATIONS_PATH)


# --- queries --------------------------------------------------------------------------


def allowed_as_of(
    as_of: _dt.date | str,
    weapon_ids: str | Iterable[str],
    catalog: Iterable[Weapon] | None = None,
    decisions: Iterable[Decision] | None = None,
) -> dict[str, Allowance]:
    """Where each weapon may strike inside Russia on ``as_of``, and by whose decisions.

    Parameters
    ----------
    as_of : datetime.date or str
        The day asked about (an ISO ``"YYYY-MM-DD"`` string is accepted).
    weapon_ids : str or iterable of str
        Catalog ids, e.g. ``["atacms-m57", "storm-shadow"]``.
    catalog : iterable of Weapon, optional
        Defaults to the shipped catalog.
    decisions : iterable of Decision, optional
        Defaults to the shipped table (:func:`load_decisions`).

    Returns
    -------
    dict of str to Allowance
        One entry per weapon id (catalog spelling), in the order given.

    Raises
    ------
    ranges.errors.InputError
        ``as_of`` is not a date.
    ranges.errors.UnknownNameError
        A weapon id is not in the catalog.

    Examples
    --------
    >>> from datetime import date
    >>> allowed_as_of(date(2024, 11, 16), ["atacms-m57"])["atacms-m57"].regions
    ()
    >>> allowed_as_of(date(2024, 11, 17), ["atacms-m57"])["atacms-m57"].regions
    ('RU-KRS',)
    """
    day = _as_day(as_of)
    weapons_list = tuple(load_catalog() if catalog is None else catalog)
    ids = [weapon_ids] if isinstance(weapon_ids, str) else list(weapon_ids)
    table = _decisions(decisions, catalog)
    result: dict[str, Allowance] = {}
    for weapon_id in ids:
        weapon = get_weapon(weapon_id, weapons_list)
        result[weapon.id] = _fold(weapon, day, table)
    return result


def _fold(weapon: Weapon, day: _dt.date, table: tuple[Decision, ...]) -> Allowance:
    # state[region] = (action, decisions that set it since it last changed action)
    state: dict[str, tuple[str, list[Decision]]] = {}
    zones: list[tuple[Zone, Decision]] = []
    for decision in table:
        if decision.date > day or not decision.covers(weapon):
            continue
        if decision.action == "allow":
            if not decision.regions:
                zone = Zone(decision.scope_text, decision.within, decision.id)
                zones.append((zone, decision))
            for region in decision.regions:
                action, setters = state.get(region, ("", []))
                # Allows pile up (each stays in effect); an allow after a restriction lifts it.
                state[region] = ("allow", [*setters, decision] if action == "allow" else [decision])
        else:
            covered = set(decision.regions)
            for region in decision.regions:
                state[region] = ("restrict", [decision])
            zones = [(z, d) for z, d in zones if not set(z.within) <= covered]

    in_effect = {d.id: d for _, setters in state.values() for d in setters}
    in_effect.update({d.id: d for _, d in zones})
    ordered = tuple(d for d in table if d.id in in_effect)  # table order is date order
    regions = tuple(sorted(r for r, (action, _) in state.items() if action == "allow"))
    restricted = any(action == "restrict" for action, _ in state.values())
    if ordered:
        summary = "; ".join(f"{d.label}: {d.headline}" for d in ordered)
    else:
        summary = (
            f"No decision in the table allows {weapon.family} strikes inside Russia "
            f"as of {format_date(day)}"
        )
    return Allowance(
        weapon_id=weapon.id,
        as_of=day,
        regions=regions,
        zones=tuple(z for z, _ in zones),
        decisions=ordered,
        restricted=restricted,
        summary=summary,
    )


def decisions_table(
    as_of: _dt.date | str | None = None,
    weapon: str | None = None,
    *,
    catalog: Iterable[Weapon] | None = None,
    decisions: Iterable[Decision] | None = None,
) -> list[dict]:
    """The decisions as rows for ``strike-range authorizations [--as-of] [--weapon]``.

    Parameters
    ----------
    as_of : datetime.date or str, optional
        Keep decisions dated on or before this day (all when omitted).
    weapon : str, optional
        A catalog id or family (``"atacms-m57"``, ``"ATACMS"``): keep the decisions
        that cover it.
    catalog, decisions : optional
        Default to the shipped catalog and table.

    Returns
    -------
    list of dict
        In date order, each :meth:`Decision.to_dict` plus ``in_effect`` (true if the
        decision is still in effect on ``as_of``, or on the newest decision's day when
        ``as_of`` is omitted, for at least one of the weapons asked about; ``None``
        when it names no catalog weapon) and ``source_line`` (``"Publisher, date;
        ..."``).

    Raises
    ------
    ranges.errors.InputError
        ``as_of`` is not a date.
    ranges.errors.UnknownNameError
        ``weapon`` is neither a catalog id nor a family.
    """
    weapons_list = tuple(load_catalog() if catalog is None else catalog)
    table = _decisions(decisions, catalog)
    day = None if as_of is None else _as_day(as_of)
    chosen = weapons_list if weapon is None else _weapons_named(weapon, weapons_list)
    kept = [
        d
        for d in table
        if (day is None or d.date <= day) and (weapon is None or any(map(d.covers, chosen)))
    ]
    last = day or (max(d.date for d in table) if table else _dt.date.min)
    effective = {d.id for w in chosen for d in _fold(w, last, table).decisions}
    rows = []
    for decision in kept:
        row = decision.to_dict()
        covers_catalog = any(map(decision.covers, weapons_list))
        row["in_effect"] = (decision.id in effective) if covers_catalog else None
        row["source_line"] = "; ".join(f"{s.publisher}, {s.date}" for s in decision.sources)
        rows.append(row)
    return rows


def _weapons_named(name: str, weapons: tuple[Weapon, ...]) -> tuple[Weapon, ...]:
    if not isinstance(name, str):
        raise TypeError(f"'weapon' should be a string, got {type(name).__name__}")
    key = name.strip().casefold()
    family = tuple(w for w in weapons if w.family.casefold() == key)
    if family:
        return family
    try:
        return (get_weapon(name, weapons),)
    except UnknownNameError as exc:
        families = ", ".join(sorted({w.family for w in weapons}))
        raise UnknownNameError(f"{exc} (or a family: {families})", exc.suggestions) from None


def _decisions(decisions, catalog) -> tuple[Decision, ...]:
    if decisions is not None:
        return tuple(sorted(decisions, key=lambda d: d.date))
    return _default_decisions() if catalog is None else load_decisions(catalog=catalog)


def _as_day(value) -> _dt.date:
    day = _iso_day(value.date() if isinstance(value, _dt.datetime) else value)
    if day is None:
        raise InputError(f"as_of {value!r} is not a date; use YYYY-MM-DD (e.g. 2024-11-17)")
    return day
