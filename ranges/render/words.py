"""The map's words: themes' colours, dates, the source line, launch-area names and
titles, in English and Ukrainian."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from typing import Any

from ..catalog import sources_line
from ..errors import InputError
from ..exports import situation
from ..geodata import attribution
from ..i18n import format_km, strings, weapon_name
from ..place_names import default_english_names

#: Colours of each theme.  Weapon colours come from the scenario palette.
THEMES: dict[str, dict[str, Any]] = {
    "light": {
        "background": "#ffffff",
        "sea": "#d9e6ee",
        # Ukraine (land_focus) at least 8 CIE L* units from other land, so the two
        # sides never read as one country (tests/test_render.py checks).
        "land": "#e6e1d6",
        "land_focus": "#fbfaf7",
        "region_edge": "#bdb8ae",
        "country_edge": "#6f6a62",
        "ink": "#1a1a1a",
        "muted": "#575757",
        "faint": "#8c877e",
        "halo": "#ffffff",
        "note_bg": "#ffffff",
        "reach_alpha": 0.20,
        "allowed": "#1a1a1a",
        "occupied": "#e4d6d1",
        "occupied_hatch": "#c7aaa2",
        "front": "#8e2b22",
    },
    "dark": {
        "background": "#121619",
        "sea": "#0f1c26",
        "land": "#20272c",
        "land_focus": "#3b474f",
        "region_edge": "#465058",
        "country_edge": "#9aa4ad",
        "ink": "#eef0f2",
        "muted": "#b3bac0",
        "faint": "#7f8a93",
        "halo": "#121619",
        "note_bg": "#1b2227",
        "reach_alpha": 0.28,
        "allowed": "#eef0f2",
        "occupied": "#3a2f33",
        "occupied_hatch": "#5a4348",
        "front": "#e0786a",
    },
}


_TEXT = strings("MAP")  # the map's words, one module per language (ranges.i18n)


#: The caveat every map carries (English).
CAVEAT = _TEXT["en"]["caveat"]


_FONT = "DejaVu Sans"  # ships with matplotlib and covers Cyrillic


def _check_choice(value: Any, name: str, choices: Iterable[str]) -> str:
    choices = tuple(choices)
    if value not in choices:
        raise InputError(f"{name} {value!r} is not one of {', '.join(choices)}")
    return value



def _weapon_label(w, lang: str, *, band: bool = False) -> str:
    """``"ATACMS M57: 300 km (min. 70 km, est.)"``; with ``band``, the reported
    figure the dashed ring shows: ``"KN-23: 690 km; reported up to 900 km"``."""
    t = _TEXT[lang]
    # a designation is never broken across lines ("Taurus KEPD" / "350"): only at
    # " / " between two names and before a parenthesis
    name = re.sub(r"(?<!/) (?![/(])", "\u00a0", weapon_name(w, lang))
    label = f"{name}: {format_km(w.max_range_km, lang)} {t['km']}"
    if w.min_range_km > 0:
        est = f", {t['min_estimate']}" if w.min_range_is_estimate else ""
        label += f" ({t['min']} {format_km(w.min_range_km, lang)} {t['km']}{est})"
    reported = _reported_km(w)
    if band and reported is not None:
        label += "; " + t["reported"].format(km=format_km(reported, lang))
    return label


def format_date(iso: str, lang: str = "en") -> str:
    """An ISO date as a reader writes it: ``"17 Nov 2024"``, ``"17 листопада 2024"``.

    Examples
    --------
    >>> format_date("2024-11-17")
    '17 Nov 2024'
    >>> format_date("2025-06-01", "uk")
    '1 червня 2025'
    """
    from ..authorizations import format_date as format_day

    return format_day(datetime.date.fromisoformat(iso), _check_choice(lang, "lang", _TEXT))


def as_of_text(as_of: str, lang: str = "en") -> str:
    """What a map says about its date: ``"Situation as of 17 Nov 2024"``.

    Examples
    --------
    >>> as_of_text("2024-11-17", "uk")
    'Станом на 17 листопада 2024'
    """
    return _TEXT[_check_choice(lang, "lang", _TEXT)]["as_of"].format(date=format_date(as_of, lang))


_EN_DATE = re.compile(r"\b(\d{1,2}) (" + _TEXT["en"]["months"].replace(" ", "|") + r") (\d{4})\b")


def _note_source(text: str, lang: str = "en") -> str:
    """"Reuters, 15 Aug 2024: Ukraine says..." -> "Reuters, 15 Aug 2024"; its date
    as ``lang`` writes dates ("Reuters, 15 серпня 2024")."""
    head = text.split(":", 1)[0].strip()
    months = _TEXT["en"]["months"].split()

    def date(m: re.Match) -> str:
        iso = f"{m[3]}-{months.index(m[2]) + 1:02d}-{int(m[1]):02d}"
        try:
            return format_date(iso, lang)
        except ValueError:  # "31 Feb 2024": left as written
            return m[0]

    return _EN_DATE.sub(date, head)


def _source_parts(result, sit, lang: str) -> list[str]:
    """The parts of the source line, each a source with its own date where it has one."""
    t = _TEXT[lang]
    parts = [attribution()]
    snap = sit.occupied
    if snap is not None:
        date = format_date(snap.snapshot_date.isoformat(), lang)
        parts.append(t["occupied_source"].format(source=_short_source(snap), date=date))
    ranges = sources_line([w.weapon for w in result.weapons])
    if ranges:
        parts.append(f"{t['ranges']}: {ranges}")
    decisions = _decision_publishers(sit)
    if decisions:
        parts.append(f"{t['decided_by']}: {decisions}")
    notes = [_note_source(n.source, lang) for n in result.scenario.notes if n.source]
    notes = list(dict.fromkeys(notes))
    if notes:
        parts.append(f"{t['notes']}: " + "; ".join(notes))
    return parts


def _decisions_text(sit, lang: str) -> str:
    """Whose decision allowed the scenario's regions, and when: one clause per
    government, its first decision in effect with its status, and the day it was
    confirmed on the record if it was first only reported:
    ``"US decision of 17 Nov 2024, reported, confirmed 25 Nov 2024; UK decision of
    20 Nov 2024, reported"``."""
    if sit is None or not sit.decisions:
        return ""
    t = _TEXT[lang]
    by_decider: dict[str, list] = {}
    for d in sorted(sit.decisions, key=lambda d: d.date):
        by_decider.setdefault(d.decider, []).append(d)
    parts = []
    for decider, decisions in by_decider.items():
        first = decisions[0]
        who = t.get(f"decider:{decider}", decider)
        text = t["decision"].format(who=who, date=format_date(first.date.isoformat(), lang))
        if first.status != "announced":
            text += f", {t[first.status + '_status']}"
            on_record = next((d for d in decisions if d.status == "announced"), None)
            if on_record is not None:
                date = format_date(on_record.date.isoformat(), lang)
                text += ", " + t["confirmed"].format(date=date)
        parts.append(text)
    return "; ".join(parts)


def _decision_publishers(sit) -> str:
    """The publishers that report the decisions, comma-joined, without the copy a
    citation was read in ("Reuters (via Geo News)" -> "Reuters"; the data say which)."""
    if sit is None:
        return ""
    names = {c.publisher.split(" (", 1)[0] for d in sit.decisions for c in d.sources}
    return ", ".join(sorted(names, key=str.casefold))


def sources_text(result, lang: str = "en") -> str:
    """The map's date and source line: the situation's date, then each source with its date.

    Examples
    --------
    ``"Situation as of 17 Nov 2024. Sources: Natural Earth (public domain); GeoNames
    (CC BY 4.0); airportsdata (MIT); occupied territory: DeepStateMap, as of 2024-11-17
    (grey zones and Ukrainian-held ground in Russia not shown); ranges: Hromadske,
    Reuters; decisions: Reuters, The Washington Post; notes: RFE/RL, 15 Aug 2024"``
    """
    t = _TEXT[_check_choice(lang, "lang", _TEXT)]
    sit = situation(result)
    date = as_of_text(sit.as_of, lang)
    return f"{date}. {t['sources']}: " + "; ".join(_source_parts(result, sit, lang))


def _default_title(result, lang: str) -> str:
    if result.scenario.title_in(lang):
        return result.scenario.title_in(lang)
    t = _TEXT[lang]
    if not result.weapons:
        return t["no_weapon"]
    names = ", ".join(weapon_name(w.weapon, lang) for w in result.weapons)
    text = t["reach_of"].format(weapons=names)
    sites = [name for name, _ in result.sites]
    if sites:
        more = "…" if len(sites) > 3 else ""
        labels = [_site_label(result, n, lang) for n in sites[:3]]
        first = _from_area(result, sites[0], lang)
        if first:  # "з підконтрольної Україні території", not "з Підконтрольна ..."
            text += " " + ", ".join([first, *labels[1:]]) + more
        else:
            text += " " + t["from"].format(sites=", ".join(labels) + more)
    return text


def _area_named(result, name: str):
    """The scenario's active launch area called ``name`` (None for a launch point)."""
    return next((a for a in result.scenario.active_areas if a.name == name), None)


def _default_names(area) -> tuple[str, ...]:
    """:func:`ranges.place_names.default_english_names` for the kinds the map's
    catalogue names itself (an upload's default name comes through
    :meth:`ranges.scenario.Scenario.name_in` instead)."""
    return () if area.kind == "geojson" else default_english_names(area)


def _area_text(area, key: str, lang: str) -> str:
    """The catalogue's ``key:kind`` entry for ``area``, with its strip's span."""
    t = _TEXT[lang]
    width = format_km(area.width_km, lang)
    if area.standoff_km > 0:
        span = f"{format_km(area.standoff_km, lang)}\u2013{width}"
    else:
        span = t["span_up_to"].format(width=width)
    return t[f"{key}:{area.kind}"].format(span=span)


def _site_label(result, name: str, lang: str) -> str:
    """A launch site's or area's name as the map prints it in ``lang``.

    An area under the default English name of its kind
    (:data:`ranges.scenario.HELD_NAME`, "Front strip 10-40 km", the command
    line's "Ukrainian-held territory within 40 km of the front line, 10 km
    standoff"...) gets the catalogue's name in Ukrainian ("Смуга 10–40 км від
    лінії фронту"); any other name the scenario's own Ukrainian name
    (:meth:`ranges.scenario.Scenario.name_in`: the user's ``name_uk``, else the
    shipped name of the place), else the name as given.
    """
    if lang == "en":
        return name
    area = _area_named(result, name)
    if area is None or name not in _default_names(area):
        return result.scenario.name_in(name, lang)
    return _area_text(area, "area", lang)


def _from_area(result, name: str, lang: str) -> str:
    """"from ..." for an area under its kind's default name ("з підконтрольної
    Україні території", "from 10–40 km behind the front line"), else ""."""
    area = _area_named(result, name)
    if area is None:
        return ""
    defaults = _default_names(area)
    # English keeps the command line's long name, which reads well after "from";
    # the scenario's terse default ("Front strip 10-40 km") does not.
    if name not in (defaults[:1] if lang == "en" else defaults):
        return ""
    return _area_text(area, "from_area", lang)


def _reported_km(weapon) -> float | None:
    """The weapon's highest credible reported range, if above its nominal one."""
    km = weapon.reported_max_km
    return float(km) if km is not None and km > weapon.max_range_km else None


def _short_source(snap) -> str:
    """The source's own name ("DeepStateMap"), as the credit line writes it, without
    the repository it comes through (the data exports and data/README.md name that)."""
    return snap.source.split(" via ", 1)[0]


def _short_region(name: str, lang: str) -> str:
    if lang == "uk":
        return name.replace(" область", " обл.").replace("Автономна Республіка ", "АР ")
    return name


def _allowed_names(result, lang: str) -> str:
    from ..evaluate import allowed_regions  # (evaluate imports nothing from here)

    # the overlay's regions: the user's and those the decisions table allows
    ids = list(allowed_regions(result.scenario))
    names = {}
    for w in result.weapons:
        cov = w.coverage
        if cov is None or not len(cov):
            continue
        for rid, en, uk in zip(cov["region_id"], cov["region"], cov["name_uk"], strict=True):
            names.setdefault(rid, uk if lang == "uk" and isinstance(uk, str) and uk else en)
    shown = [_short_region(str(names.get(r, r)), lang) for r in ids[:3]]
    return ", ".join(shown) + ("…" if len(ids) > 3 else "")
