"""Ukrainian names by the practical transcription of each country's language.

A town abroad that no source names in Ukrainian (``city_names.ukrainian_names``:
KATOTTG, CLDR, GeoNames, the cited exonyms, GNOME, KDE) takes its name in its
own language transcribed by the Ukrainian practical transcription of that
language, each module quoting the table it follows: Turkish (``tr_uk``),
Polish (``pl_uk``), German (``de_uk``), Italian (``it_uk``), Romanian
(``ro_uk``), Czech and Slovak (``cs_uk``), and
Bulgarian, Serbian and Macedonian (``bg_uk``, from the Cyrillic name that
GeoNames records beside the romanized one).  A country of no documented rule
(Iran, Iraq, Syria: their Latin names are romanizations of Persian and Arabic)
keeps no Ukrainian name, and its towns are left unlabelled on Ukrainian maps;
so does Hungary, whose table (the Ukrainian Wikipedia's help page, after the
2001 instruction for Hungarian geographic names) could be read only for a and á.

Imported by ``scripts/city_names.py`` by path (source ``transcribed``).
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path

__all__ = ["TRANSCRIPTIONS", "local_name", "transcribe"]

#: country (ISO alpha-3) -> (module in scripts/, function of GeoNames' name)
TRANSCRIPTIONS = {
    "TUR": ("tr_uk", "tr_to_uk"),
    "POL": ("pl_uk", "pl_to_uk"),
    "DEU": ("de_uk", "de_to_uk"),
    "AUT": ("de_uk", "de_to_uk"),
    "ITA": ("it_uk", "it_to_uk"),
    "ROU": ("ro_uk", "ro_to_uk"),
    "CZE": ("cs_uk", "cs_to_uk"),
    "SVK": ("cs_uk", "sk_to_uk"),
}
#: countries whose names come from the Cyrillic GeoNames alternate
#: (``bg_uk.south_slavic_to_uk(country, name_en, alt_names)``)
SOUTH_SLAVIC = ("BGR", "SRB", "MKD", "BIH", "MNE")


#: What GeoNames adds to a German town's name that is no part of it: a
#: qualifier in brackets or after a slash (Schwedt (Oder), Reichenbach/Vogtland),
#: a title (Hansestadt Salzwedel, Universitäts- und Hansestadt Greifswald,
#: Eisleben Lutherstadt) and a Roman numeral (Haldensleben I).
_NOT_THE_NAME = re.compile(
    r"\s*\([^)]*\)|/.*$|^(?:Universitäts- und )?Hansestadt\s+|\s+Lutherstadt$|\s+I+$"
)


def local_name(name: str) -> str:
    """GeoNames' name without its qualifiers and titles.

    >>> [local_name(n) for n in ("Schwedt (Oder)", "Reichenbach/Vogtland", "Haldensleben I")]
    ['Schwedt', 'Reichenbach', 'Haldensleben']
    >>> local_name("Universitäts- und Hansestadt Greifswald"), local_name("Bad Tölz")
    ('Greifswald', 'Bad Tölz')
    """
    return _NOT_THE_NAME.sub("", name).strip() or name


_LATIN = re.compile(r"[A-Za-z]")


@cache
def _module(name: str):
    path = Path(__file__).with_name(f"{name}.py")
    spec = importlib.util.spec_from_file_location(f"_transcribe_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def transcribe(country: str, name_en: str, alt_names: str) -> str:
    """The town's name transcribed into Ukrainian, or '' where no rule applies.

    ``name_en`` is GeoNames' name (the local spelling in the Latin script),
    ``alt_names`` its alternates joined by ';'.
    """
    if country in TRANSCRIPTIONS:
        module, function = TRANSCRIPTIONS[country]
        name = getattr(_module(module), function)(local_name(name_en))
    elif country in SOUTH_SLAVIC:
        name = _module("bg_uk").south_slavic_to_uk(country, name_en, alt_names) or ""
    else:
        name = ""
    # a Roman numeral (Paolo VI, a quarter of Taranto) has no Ukrainian letters:
    # no name rather than a mixed one
    return "" if _LATIN.search(name) else name
