"""Lithuanian and Latvian place names in Ukrainian.

GeoNames' ``name_en`` of a town in Lithuania or Latvia is its name in the
country's own Latin spelling (Klaipėda, Liepāja), though some records have
lost the diacritics (Mazeikiai, Telsiai, Riga); :func:`baltic_original` puts
them back from an alternate in the language's alphabet.  The name is then
spelt in Ukrainian (:func:`lt_to_uk`, :func:`lv_to_uk`, with ``units_uk``);
:func:`baltic_to_uk` does both for one town and gives ``""`` when unsure.

What was looked for and not found (the project's stored copies): the
Ukrainian Wikipedia's help pages "Довідка:Литовсько-українська / Латисько-
українська практична транскрипція".  Of the cartographers' 2001 instructions
only Lithuania's exists ("ІНСТРУКЦІЯ з передачі українською мовою
географічних назв і термінів Литви. Вид. 1 - К.: Міністерство екології та
природних ресурсів України, 2001", matem.in.ua/dokumenti-1-lietuvadoc/file1/
index.html; only its title page is stored, not its table).  ДНВП
«Картографія» lists the instructions it made, none for Latvia (kgf.com.ua,
"Група стандартизації географічних назв": "Наступним етапом (1995 – 1996 рр.)
була розробка інструкцій для передачі географічних назв сусідніх країн:
Польщі, Чехії, Словаччини, Румунії та Молдови, а також Литви, Швеції,
Угорщини (1-й варіант), пізніше Білорусі, Російської Федерації, колишньої
Югославії, Болгарії ... Всього було розроблено і затверджено16 інструкцій").
So, as ``cs_uk`` does for Czech, each letter's value is the Russian practical
transcription's (the Russian Wikipedia's tables, quoted below), written in
Ukrainian letters by the Ukrainian orthography (quoted in ``units_uk``), and
checked against every Ukrainian name the data already has for these
countries (tests/test_translit_more.py).

Ukrainian letters.  The Russian practical transcriptions (the Russian
Wikipedia's pages, stored copies):

* Lithuanian (206.189.44.186/host-http-ru.wikipedia.org/wiki/Литовско-
  русская_практическая_транскрипция and lingvo.wikisort.ru): "e, ė в начале
  слова и после гласных (кроме i) э Eglė Эгле", "e, ę после согласных я или е,
  согласно разным источникам", "ei после согласных ей Doveika Довейка", "ė
  после согласных е Vėgėlė Вегеле", "ch х", "h г или х", "i ... после гласных
  в дифтонгах й Uikiai Уйкяй", "ia, ią я Saliamonas Салямонас", "ie е Ieva Ева
  Liepinis Лепинис", "io ё Toliotas Толётас", "iu, iū, ių ю Kasiulis Касюлис",
  "į и", "y и", "ja, ją в начале слова и после гласных я"; the Russian copies
  end there, their stored machine translations (perceptiosv.com) go on: jo
  "i samtliga fall" (in all cases) йо, ju at the start and after vowels ю, l
  "före en mjuk konsonant" (before a soft consonant) ль, "Vilnius", and a row
  "sc | sch | Plokščiai" read here as šč щ.
* Latvian (dic.academic.ru/dic.nsf/ruwiki/1818510, globegroup.ru/articles/
  latvian-transcription-rules/): "Знак (¯) является знаком долготы гласной,
  при транскрипции не передаётся", "a ... после ģ, ķ, ļ, ņ я Pļaviņas
  Плявиняс", "e в начале слова; после гласной (кроме i) э Ērgļi Эргли; после
  согласной е Auce Ауце", "ģ г Špoģi Шпоги", "h х", "i основной вариант и
  Jānis Янис; в дифтонгах ai, ei, oi, ui й Laima Лайма; после d, n, t; в конце
  слова после s ы Dubulti Дубулты, Talsi Талсы", "ie основной вариант ие
  Kalnciems Калнциемс; после j е Rūjiena Руйена", "ja я", "je е Jēkabpils
  Екабпилс", "jo йо", "ju ю Jūrmala Юрмала", "k, ķ к", "ļ перед гласной л
  Ļauļēni Ляулены; в остальных случаях ль Aļķis Алькис", "ņ перед гласной н
  Pļaviņas Плявиняс; в остальных случаях нь Kalniņš Калныньш", "o ... после
  ģ, ķ, ļ, ņ ё Ķoņi Кёни".

So, Lithuanian: a ą а, e ę ė е (є after і), i į y і, o о, u ų ū у; ai, ei, oi,
ui, au, eu as written (ай, ей, ау); i before a vowel after a consonant softens
it (ia я, iu ю, io ьо, о after ш, ж, ч); j й, я, є, ї, йо, ю; l before a soft
consonant ль (Вільнюс, Тельшяй); b б, c ц, č ч, ch х, d д, dz дз, dž дж, f ф,
g г, h г, k к, m м, n н, p п, r р, s с, š ш, šč щ, t т, v в, z з, ž ж
(Шяуляй, Паневежис, Мажейкяй, Анікщяй).  Latvian: long marks dropped; ie
іє; ļ, ņ, ķ, ģ are soft л, н, к, г (ля, ню, кьо; ль, нь at the end and before
a consonant); ai, ei, oi, ui with й; dz дз, dž дж, h х (Рига, Даугавпілс,
Лієпая).  In both, і is и after ж, ч, ш, щ, ц, дж and in -ри- before a
consonant (Паневежис, Рига).

Unsure, so ``""``: a Lithuanian ie (the Russian table's е or the і + є of the
Latvian names), a Latvian jie (Руйена, or й + іє?), and a letter outside the
language's alphabet.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from geonames_alternates import alternates as _alternates
from units_uk import Unsure, fold, in_alphabet, join, public, spell, words

__all__ = ["COUNTRIES", "LT_LETTERS", "LV_LETTERS", "baltic_original", "baltic_to_uk",
           "lt_to_uk", "lv_to_uk"]  # fmt: skip

#: Countries :func:`baltic_to_uk` names, and the language it reads there.
COUNTRIES = {"LTU": "lt", "LVA": "lv"}

LT_LETTERS = "aąbcčdeęėfghiįyjklmnoprsštuųūvzž"
LV_LETTERS = "aābcčdeēfgģhiījkķlļmnņoprsštuūvzž"


# ------------------------------------------------------------------ Lithuanian

_LT_CONSONANTS = {
    "b": "б", "c": "ц", "č": "ч", "d": "д", "f": "ф", "g": "г", "h": "г", "k": "к",
    "l": "л", "m": "м", "n": "н", "p": "п", "r": "р", "s": "с", "š": "ш", "t": "т",
    "v": "в", "z": "з", "ž": "ж",
}  # fmt: skip
_LT_DIGRAPHS = {"ch": "х", "dž": "дж", "dz": "дз", "šč": "щ"}
_LT_VOWELS = {
    "a": "а", "ą": "а", "e": "е", "ę": "е", "ė": "е", "i": "і", "į": "і", "y": "і",
    "o": "о", "u": "у", "ų": "у", "ū": "у",
}  # fmt: skip
_LT_SOFTENING = set("iįyeęė")  # a consonant before these is soft


def _lt_consonant_at(word: str, k: int) -> tuple[str, int] | None:
    """(Ukrainian letters, length) of the consonant at ``k``, or None."""
    pair = word[k : k + 2]
    if pair in _LT_DIGRAPHS:
        return _LT_DIGRAPHS[pair], 2
    if word[k] in _LT_CONSONANTS:
        return _LT_CONSONANTS[word[k]], 1
    return None


def _lt_soft(word: str, k: int) -> bool:
    """Whether the consonant at ``k`` is soft: before i, į, y, e, ę, ė, or
    before another soft consonant."""
    found = _lt_consonant_at(word, k)
    if found is None:
        return False
    after = k + found[1]
    if after >= len(word):
        return False
    if word[after] in _LT_SOFTENING:
        return True
    return _lt_consonant_at(word, after) is not None and _lt_soft(word, after)


def _lt_units(word: str) -> list[tuple[str, str]]:
    units: list[tuple[str, str]] = []
    k = 0
    n = len(word)
    while k < n:
        ch = word[k]
        nxt = word[k + 1] if k + 1 < n else ""
        prev_vowel = bool(units) and units[-1][0] == "V"
        if ch == "i" and nxt and nxt in _LT_VOWELS and nxt not in "iįy":
            if nxt in "eę":
                raise Unsure  # ie: the Russian table's е, or іє?
            if units and units[-1][0] in "CS":  # ia, iu, io soften the consonant
                units[-1] = ("S", units[-1][1])
            else:  # at the start or after a vowel: [j]
                units.append(("J", ""))
            k += 1
            continue
        if ch == "i" and prev_vowel:  # ai, ei, oi, ui
            units.append(("J", ""))
            k += 1
            continue
        if ch in _LT_VOWELS:
            units.append(("V", _LT_VOWELS[ch]))
            k += 1
            continue
        if ch == "j":
            units.append(("J", ""))
            k += 1
            continue
        found = _lt_consonant_at(word, k)
        if found is None:
            raise Unsure  # a letter Lithuanian lacks
        letters, length = found
        soft = ch == "l" and k + 1 < n and _lt_consonant_at(word, k + 1) is not None
        units.append(("S" if soft and _lt_soft(word, k + 1) else "C", letters))
        k += length
    return units


@public
def lt_to_uk(name: str) -> str:
    """A Lithuanian name (its own spelling, diacritics and all) in Ukrainian,
    or '' where the sources leave a letter open (ie, a letter Lithuanian lacks).

    >>> [lt_to_uk(n) for n in ("Vilnius", "Šiauliai", "Panevėžys", "Marijampolė")]
    ['Вільнюс', 'Шяуляй', 'Паневежис', 'Маріямполе']
    >>> [lt_to_uk(n) for n in ("Telšiai", "Naujoji Vilnia", "Prienai")]
    ['Тельшяй', 'Науйої-Вільня', '']
    """
    text = unicodedata.normalize("NFC", name).lower()
    return join([spell(_lt_units(w)) for w in words(text)])


# ------------------------------------------------------------------ Latvian

_LV_CONSONANTS = {
    "b": ("C", "б"), "c": ("C", "ц"), "č": ("C", "ч"), "d": ("C", "д"), "f": ("C", "ф"),
    "g": ("C", "г"), "ģ": ("S", "г"), "h": ("C", "х"), "k": ("C", "к"), "ķ": ("S", "к"),
    "l": ("C", "л"), "ļ": ("S", "л"), "m": ("C", "м"), "n": ("C", "н"), "ņ": ("S", "н"),
    "p": ("C", "п"), "r": ("C", "р"), "ŗ": ("C", "р"), "s": ("C", "с"), "š": ("C", "ш"),
    "t": ("C", "т"), "v": ("C", "в"), "z": ("C", "з"), "ž": ("C", "ж"),
}  # fmt: skip
_LV_DIGRAPHS = {"dž": "дж", "dz": "дз"}
_LV_VOWELS = {
    "a": "а", "ā": "а", "e": "е", "ē": "е", "i": "і", "ī": "і", "o": "о", "ō": "о",
    "u": "у", "ū": "у",
}  # fmt: skip


def _lv_units(word: str) -> list[tuple[str, str]]:
    units: list[tuple[str, str]] = []
    k = 0
    n = len(word)
    while k < n:
        ch = word[k]
        nxt = word[k + 1] if k + 1 < n else ""
        prev_vowel = bool(units) and units[-1][0] == "V"
        pair = word[k : k + 2]
        if pair in _LV_DIGRAPHS:
            units.append(("C", _LV_DIGRAPHS[pair]))
            k += 2
            continue
        if ch == "i" and nxt in "eē" and units and units[-1][0] == "J":
            raise Unsure  # jie: Руйена, or й + іє?
        if ch in "iī" and prev_vowel and units[-1][1] != "і" and nxt != "e":
            units.append(("J", ""))  # ai, ei, oi, ui
            k += 1
            continue
        if ch in _LV_VOWELS:
            units.append(("V", _LV_VOWELS[ch]))
            k += 1
            continue
        if ch == "j":
            units.append(("J", ""))
            k += 1
            continue
        if ch not in _LV_CONSONANTS:
            raise Unsure  # a letter Latvian lacks
        units.append(_LV_CONSONANTS[ch])
        k += 1
    return units


@public
def lv_to_uk(name: str) -> str:
    """A Latvian name (its own spelling) in Ukrainian, or '' (jie, a letter
    Latvian lacks).

    >>> [lv_to_uk(n) for n in ("Rīga", "Liepāja", "Jēkabpils", "Jūrmala", "Pļaviņas")]
    ['Рига', 'Лієпая', 'Єкабпілс', 'Юрмала', 'Плявіняс']
    """
    text = unicodedata.normalize("NFC", name).lower()
    return join([spell(_lv_units(w)) for w in words(text)])



def baltic_original(
    name_en: str, alt_names: str | Iterable[str] | None, letters: str
) -> str | None:
    """The Lithuanian or Latvian spelling of ``name_en`` (``letters`` is the
    alphabet, :data:`LT_LETTERS` or :data:`LV_LETTERS`).

    A name with a diacritic is taken as it is.  One without any may have lost
    them (Mazeikiai): an alternate in the alphabet, with diacritics, that folds
    to it gives them back; none leaves the name as it is; several that differ
    give None.  None too when ``name_en`` has a letter the alphabet lacks.

    >>> baltic_original("Mazeikiai", "Mažeiķi;Mažeikiai;Mažeikių", LT_LETTERS)
    'Mažeikiai'
    >>> baltic_original("Riga", "Ríga;Rīga;Rige", LV_LETTERS)
    'Rīga'
    >>> baltic_original("Kaunas", "Kauņa", LT_LETTERS)  # ņ is not Lithuanian
    'Kaunas'
    """
    name = unicodedata.normalize("NFC", name_en.strip())
    if not in_alphabet(name, letters):
        return None
    if not name.isascii():
        return name
    key = fold(name)
    found = {
        unicodedata.normalize("NFC", a)
        for a in _alternates(alt_names)
        if not a.isascii() and in_alphabet(a, letters) and fold(a) == key
    }
    distinct = {a.lower() for a in found}
    if not found:
        return name
    if len(distinct) > 1:
        return None
    return min(found)



def baltic_to_uk(country: str, name_en: str, alt_names: str | Iterable[str] | None) -> str:
    """The Ukrainian name of a town of ``country`` ("LTU" or "LVA") from
    GeoNames' ``name_en`` and ``alt_names`` (';'-joined or an iterable), or
    ``""`` when unsure.

    >>> baltic_to_uk("LTU", "Telsiai", "Telšai;Telšiai;Telşiai")
    'Тельшяй'
    >>> baltic_to_uk("LVA", "Riga", "Rīga")
    'Рига'
    """
    if country not in COUNTRIES:
        raise ValueError(f"baltic_to_uk: country {country!r} is not one of {sorted(COUNTRIES)}")
    lithuanian = COUNTRIES[country] == "lt"
    letters, to_uk = (LT_LETTERS, lt_to_uk) if lithuanian else (LV_LETTERS, lv_to_uk)
    original = baltic_original(name_en, alt_names, letters)
    return to_uk(original) if original else ""
