"""Ukrainian names by the practical transcription of each country's language.

A town abroad that no source names in Ukrainian (``city_names.ukrainian_names``:
KATOTTG, CLDR, GeoNames, the cited exonyms, GNOME, KDE) takes its name in its
own language transcribed by the Ukrainian practical transcription of that
language, each module quoting the tables it follows and saying where a stored
copy stopped and what it chose there: Turkish (``tr_uk``), Polish (``pl_uk``),
German (``de_uk``), Italian (``it_uk``), Romanian (``ro_uk``), Czech and Slovak
(``cs_uk``), Finnish and Estonian (``fi_uk``), Swedish and Norwegian
(``nordic_uk``), Croatian, Slovene and Albanian (``adriatic_uk``), Bulgarian,
Serbian and Macedonian (``bg_uk``), Greek (``el_uk``), Kazakh (``turkic_uk``),
Lithuanian and Latvian (``baltic_uk``), Georgian and Armenian
(``caucasus_uk``).  Where GeoNames' name is a romanization (Bulgaria, Greece,
Kazakhstan, Georgia, Armenia), the rule reads the native name among the
alternates, the one whose official romanization GeoNames' name is.

In a country of no documented rule only the towns a cited Ukrainian text names
have a Ukrainian name (``scripts/uk_exonyms.tsv``: Пакш, Євлах, Мераге); the
others are left unlabelled on Ukrainian maps: Iran, Iraq, Syria and Tunisia
(their Latin names are romanizations of Persian and Arabic, and no Ukrainian
table for those was found), Azerbaijan and Turkmenistan (none found either),
Denmark (only the opening of the official 2006 instruction for Danish names is
stored, at matem.in.ua/dokumenti-1-denmarkdoc, and it stops before its letter
rules), Hungary (the stored copies of its table stop after a and á, and their
a is о: Baja would be Боя, which no Ukrainian text writes) and Kosovo (its
towns have Albanian and Serbian names, and Ukrainian usage takes the Serbian
ones, which GeoNames' name is not: Урошеваць for Ferizaj).

Imported by ``scripts/city_names.py`` (source ``transcribed``).
"""

from __future__ import annotations

import re

# sibling scripts: scripts/ is on the module path when a script runs, and when
# the tests load one (tests/tools.script)
import adriatic_uk
import baltic_uk
import bg_uk
import caucasus_uk
import cs_uk
import de_uk
import el_uk
import fi_uk
import it_uk
import nordic_uk
import pl_uk
import ro_uk
import tr_uk
import turkic_uk

__all__ = ["FROM_ALTERNATES", "TRANSCRIPTIONS", "local_name", "transcribe"]

#: country (ISO alpha-3) -> the rule, a function of GeoNames' name
TRANSCRIPTIONS = {
    "TUR": tr_uk.tr_to_uk,
    "POL": pl_uk.pl_to_uk,
    "DEU": de_uk.de_to_uk,
    "AUT": de_uk.de_to_uk,
    "ITA": it_uk.it_to_uk,
    "ROU": ro_uk.ro_to_uk,
    "CZE": cs_uk.cs_to_uk,
    "SVK": cs_uk.sk_to_uk,
    "FIN": fi_uk.fi_to_uk,
    "EST": fi_uk.et_to_uk,
    "SWE": nordic_uk.sv_to_uk,
    "NOR": nordic_uk.no_to_uk,
    "HRV": adriatic_uk.hr_to_uk,
    "SVN": adriatic_uk.sl_to_uk,
}
#: country -> the rule, a function of the country, GeoNames' name and its
#: alternates: the native name is an alternate (the Cyrillic of Bulgaria, North
#: Macedonia, Kazakhstan; the Greek, Georgian, Armenian script), or the
#: alternates settle the form (Albanian Durrësi or Durrës; Baltic names that
#: lost their diacritics: Mazeikiai, from Mažeikiai)
FROM_ALTERNATES = {
    **dict.fromkeys(("BGR", "SRB", "MKD", "BIH", "MNE"), bg_uk.south_slavic_to_uk),
    "ALB": adriatic_uk.adriatic_to_uk,
    "GRC": el_uk.greek_to_uk,
    "CYP": el_uk.greek_to_uk,
    "KAZ": turkic_uk.turkic_to_uk,
    "LTU": baltic_uk.baltic_to_uk,
    "LVA": baltic_uk.baltic_to_uk,
    "GEO": caucasus_uk.caucasus_to_uk,
    "ARM": caucasus_uk.caucasus_to_uk,
}
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


def transcribe(country: str, name_en: str, alt_names: str) -> str:
    """The town's name transcribed into Ukrainian, or '' where no rule applies.

    ``name_en`` is GeoNames' name (the local spelling in the Latin script),
    ``alt_names`` its alternates joined by ';'.
    """
    if country in TRANSCRIPTIONS:
        name = TRANSCRIPTIONS[country](local_name(name_en))
    elif country in FROM_ALTERNATES:
        name = FROM_ALTERNATES[country](country, name_en, alt_names) or ""
    else:
        name = ""
    # a Roman numeral (Paolo VI, a quarter of Taranto) has no Ukrainian letters:
    # no name rather than a mixed one
    return "" if _LATIN.search(name) else name
