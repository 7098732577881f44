"""The map described in words for screen readers and captions, in English and Ukrainian."""

from __future__ import annotations

from .. import analysis
from ..exports import situation
from ..i18n import format_km
from .geometry import _bands, _near_scene
from .words import (
    _TEXT,
    _allowed_names,
    _check_choice,
    _decisions_text,
    _default_title,
    _reported_km,
    _short_region,
    _short_source,
    _site_label,
    as_of_text,
    format_date,
    weapon_name,
)


def _pop_text(value: float, lang: str) -> str:
    """A population rounded as the headline rounds it: ``"4.5 million"``,
    ``"4,5 млн"``, ``"841,000"``, ``"841 000"``."""
    text = analysis.human_number(value)
    if lang == "en":
        return text
    t = _TEXT[lang]
    text = text.replace(",", "\u202f").replace(".", ",")
    return text.replace(" million", f" {t['million']}").replace(" billion", f" {t['billion']}")


def _count_text(n: int, what: str, lang: str) -> str:
    """``"6 airfields"``, ``"1 airfield"``, ``"no cities"``; in Ukrainian with its
    three plural forms (``"1 аеродром"``, ``"4 аеродроми"``, ``"6 аеродромів"``)."""
    t = _TEXT[lang]
    if n == 0:
        return t[f"no_{what}"]
    one, few, many = t[f"{what}_forms"].split()
    if lang == "uk":
        if n % 10 == 1 and n % 100 != 11:
            form = one
        elif 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            form = few
        else:
            form = many
        return f"{n:,} {form}".replace(",", "\u202f")
    return f"{n:,} {one if n == 1 else many}"


def _targets_words(airfields: int, cities: int, people: int, lang: str, *, full: bool):
    """The counts of one clause; with ``full`` False the zero counts are left out
    (as :class:`ranges.analysis.Headline` leaves them out)."""
    parts = []
    if full or airfields:
        parts.append(_count_text(airfields, "airfield", lang))
    if full or cities:
        text = _count_text(cities, "city", lang)
        if cities:
            text += " " + _TEXT[lang]["with_people"].format(people=_pop_text(people, lang))
        parts.append(text)
    return parts


def _headline_words(w, lang: str) -> str:
    """What a weapon reaches, in ``lang``, clause by clause as its English headline
    (:attr:`ranges.analysis.Headline.text`, after the colon) says it: the other
    side's ground in the order of :data:`ranges.analysis.HEADLINE_TERRITORIES`,
    e.g. ``"у Росії 6 аеродромів, 46 міст із населенням 4,5 млн, Курська обл.
    (100% площі); на тимчасово окупованій території України 1 аеродром, ..."``.
    Empty without :attr:`ranges.evaluate.WeaponResult.numbers`."""
    h = w.numbers
    if h is None:
        return ""
    t = _TEXT[lang]
    cov = w.coverage
    uk_names = {}
    if lang == "uk" and cov is not None and len(cov) and "name_uk" in cov.columns:
        uk_names = {en: uk for en, uk in zip(cov["region"], cov["name_uk"], strict=True)
                    if isinstance(uk, str) and uk}  # fmt: skip
    n = len(h.regions)
    types = h.region_types + ("",) * (n - len(h.region_types))
    homes = h.region_territories + ("",) * (n - len(h.region_territories))

    def regions(territory):  # None: the regions no clause takes
        out = []
        for (name, pct), rtype, home in zip(h.regions, types, homes, strict=True):
            if (home not in h.territories) if territory is None else home == territory:
                if lang == "en":
                    region = analysis._region_phrase(name, rtype)
                else:
                    region = _short_region(uk_names.get(name, name), lang)
                share = analysis._pct(pct)  # rounded as the English headline rounds it
                out.append(t["region_share"].format(pct=share.replace(".", t["decimal"]),
                                                    region=region))  # fmt: skip
        return out

    if not h.territories:
        parts = _targets_words(h.airfields, h.cities, h.population, lang, full=True)
        return ", ".join(parts + regions(None))
    counts = h.territory_counts
    clauses = []
    for territory in h.territories:
        c = counts[territory]
        parts = _targets_words(c["airfields"], c["cities"], c["population"], lang, full=False)
        parts += regions(territory)
        if parts:
            clauses.append((territory, parts))
    first = h.territories[0]
    if not clauses or clauses[0][0] == first:
        # As the English: the first clause says "no airfields" outright, unless it
        # has nothing to say and another clause does.
        c = counts[first]
        full = _targets_words(c["airfields"], c["cities"], c["population"], lang, full=True)
        clauses[:1] = [(first, full + regions(first))]
    text = ["; ".join(f"{t['clause:' + k]} " + ", ".join(parts) for k, parts in clauses)]
    rest = regions(None)
    if rest:
        text.append(", ".join(rest))
    return "; ".join(text)


def alt_text(result, lang: str | None = None) -> str:
    """Describe the map in words for screen readers and captions.

    Built from the scenario and the analysis: title, the date, the launch
    sites, each weapon's range and what it reaches on the other side's ground
    (the headline's clauses: in Russia, in occupied Ukraine, in Belarus for
    Ukraine's weapons; in Ukrainian-held territory for Russia's), the area
    where strikes are allowed and whose decision, the reported-range rings,
    the occupied area and the notes.

    Parameters
    ----------
    result : ranges.evaluate.Result
    lang : {"en", "uk"}, optional
        Defaults to the scenario's language.

    Returns
    -------
    str
    """
    sc = result.scenario
    lang = sc.lang if lang is None else lang
    _check_choice(lang, "lang", _TEXT)
    t = _TEXT[lang]
    parts = [t["alt_map"].format(title=_default_title(result, lang).rstrip("."))]
    if sc.subtitle_in(lang):
        parts.append(sc.subtitle_in(lang).rstrip(".") + ".")
    sit = situation(result)
    parts.append(as_of_text(sit.as_of, lang) + ".")
    sites = [_site_label(result, n, lang) for n, _ in result.sites]
    if sites:
        shown = ", ".join(sites[:5]) + ("…" if len(sites) > 5 else "")
        parts.append(t["alt_sites"].format(sites=shown))
    for w in result.weapons:
        rng = f"{format_km(w.weapon.max_range_km, lang)} {t['km']}"
        if lang == "en":
            # The analysis's own headline: the same sentence as the dashboard's caption.
            text = w.headline or f"{w.weapon.name} ({rng})"
        else:
            if w.weapon.min_range_km > 0:
                rng += f", {t['min']} {format_km(w.weapon.min_range_km, lang)} {t['km']}"
            words = _headline_words(w, lang)
            name = weapon_name(w.weapon, lang)
            text = f"{name} ({rng})" + (f": {words}" if words else "")
        parts.append(text.rstrip(".") + ".")
        total = w.allowed_km2 + w.not_allowed_km2
        if lang == "en" and w.authorization:
            parts.append(w.authorization.rstrip(".") + ".")
        elif lang != "en" and total > 0:
            share = analysis._pct(100 * w.allowed_km2 / total).replace(".", t["decimal"])
            parts.append(t["alt_share"].format(weapon=weapon_name(w.weapon, lang), share=share))
    if result.allowed is not None and not result.allowed.is_empty:
        names = _allowed_names(result, lang)
        decisions = _decisions_text(sit, lang)
        if decisions:
            names = f"{names}; {decisions}" if names else decisions
        parts.append(t["alt_allowed"].format(names=names))
    for i, _ in _bands(result):
        w = result.weapons[i].weapon
        km = format_km(_reported_km(w), lang)
        parts.append(t["reported_alt"].format(weapon=weapon_name(w, lang), km=km))
    snap = sit.occupied
    if snap is not None and _near_scene(result, snap.geometry):
        date = format_date(snap.snapshot_date.isoformat(), lang)
        parts.append(t["occupied_alt"].format(source=_short_source(snap), date=date))
    for text in sc.notes_in(lang):
        parts.append(t["alt_note"].format(text=text.rstrip(".")))
    parts.append(t["caveat"])
    return " ".join(parts)
