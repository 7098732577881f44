"""Strings a reader sees, in English and Ukrainian: one module per language.

:mod:`ranges.i18n.en` and :mod:`ranges.i18n.uk` hold the same sections (``MAP``,
``SITE``, ...), each a dict of keys to :meth:`str.format` templates. Code takes
a section with :func:`strings`; :func:`missing` lists keys or placeholders one
language has and the other lacks, so a test keeps both languages complete.
"""

from __future__ import annotations

import string
from types import ModuleType

from . import en, uk

LANGUAGES = ("en", "uk")
_MODULES: dict[str, ModuleType] = {"en": en, "uk": uk}


def strings(section: str) -> dict[str, dict[str, str]]:
    """``{"en": {...}, "uk": {...}}`` for one section, e.g. ``strings("MAP")``."""
    return {lang: getattr(module, section) for lang, module in _MODULES.items()}


def weapon_name(weapon, lang: str) -> str:
    """A catalogue weapon's name in ``lang`` ("ATACMS M57 (моноблочна)" in
    Ukrainian), from the ``WEAPON_NAMES`` section; the catalogue's own name for
    a weapon the section lacks. ``weapon`` needs ``id`` and ``name``."""
    table = getattr(_MODULES.get(lang, en), "WEAPON_NAMES", {})
    return table.get(weapon.id, weapon.name)


def format_km(value: float, lang: str) -> str:
    """A distance in km as ``lang`` writes it: "2,500" and "2,500.5" in
    English, "2\u202f500" and "2\u202f500,5" in Ukrainian (whole numbers
    without decimals)."""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    if lang == "uk":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def format_count(value: int, lang: str) -> str:
    """A whole number as ``lang`` writes it: "256,474" in English, "256\u202f474"
    in Ukrainian (:func:`format_km`'s grouping)."""
    return format_km(int(value), lang)


def km_unit(lang: str) -> str:
    """The unit symbol, "km" or "км"."""
    return _MODULES.get(lang, en).MAP["km"]


def sections() -> list[str]:
    """The section names the English module defines."""
    return [name for name in vars(en) if name.isupper() and isinstance(getattr(en, name), dict)]


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def missing() -> list[str]:
    """Every key or placeholder present in one language and absent in the other."""
    problems = []
    for section in sections():
        table = strings(section) if hasattr(uk, section) else {"en": getattr(en, section), "uk": {}}
        a, b = table["en"], table["uk"]
        for key in sorted(a.keys() ^ b.keys()):
            lang = "uk" if key in a else "en"
            problems.append(f"{section}[{key!r}] is missing in {lang}")
        for key in sorted(a.keys() & b.keys()):
            if _fields(a[key]) != _fields(b[key]):
                problems.append(
                    f"{section}[{key!r}] has placeholders {sorted(_fields(a[key]))} in en "
                    f"but {sorted(_fields(b[key]))} in uk"
                )
    return problems
