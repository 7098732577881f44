"""Lithuanian, Latvian, Georgian and Armenian place names in Ukrainian.

GeoNames' ``name_en`` of a town in Lithuania or Latvia is its name in the
country's own Latin spelling (Klaipėda, Liepāja), though some records have
lost the diacritics (Mazeikiai, Telsiai, Riga); :func:`baltic_original` puts
them back from an alternate in the language's alphabet.  In Georgia and
Armenia ``name_en`` is a romanization (Kutaisi, Gyumri), so the native name
is the alternate in Georgian (Mkhedruli) or Armenian script whose national
romanization is ``name_en`` (:func:`georgian_original`,
:func:`armenian_original`).  The native name is then spelt in Ukrainian
(:func:`lt_to_uk`, :func:`lv_to_uk`, :func:`ka_to_uk`, :func:`hy_to_uk`);
:func:`more_to_uk` does both for one town and gives ``""`` when unsure.

What was looked for and not found (the project's stored copies): the
Ukrainian Wikipedia's help pages "Довідка:Литовсько-українська / Латисько-
українська / Грузинсько-українська / Вірменсько-українська практична
транскрипція".  Of the cartographers' 2001 instructions only Lithuania's
exists ("ІНСТРУКЦІЯ з передачі українською мовою географічних назв і термінів
Литви. Вид. 1 - К.: Міністерство екології та природних ресурсів України,
2001", matem.in.ua/dokumenti-1-lietuvadoc/file1/index.html; only its title
page is stored, not its table).  ДНВП «Картографія» lists the instructions it
made, none for Latvia, Georgia or Armenia (kgf.com.ua, "Група стандартизації
географічних назв": "Наступним етапом (1995 – 1996 рр.) була розробка
інструкцій для передачі географічних назв сусідніх країн: Польщі, Чехії,
Словаччини, Румунії та Молдови, а також Литви, Швеції, Угорщини (1-й
варіант), пізніше Білорусі, Російської Федерації, колишньої Югославії,
Болгарії ... Всього було розроблено і затверджено16 інструкцій").  So, as
``cs_uk`` does for Czech, each letter's value is the Russian practical
transcription's (the Russian Wikipedia's tables, quoted below), written in
Ukrainian letters by the Ukrainian orthography (quoted below), and checked
against every Ukrainian name the data already has for these countries
(tests/test_translit_more.py).

Native names and romanizations:

* Georgian: the national system of 2002, UNGEGN's report
  (eki.ee/wgrs/v2_2/rom2_ka.htm): "In February 2002 the State Department of
  Geodesy and Cartography of Georgia and the Institute of Linguistics, Georgian
  Academy of Sciences jointly adopted a romanization system that employs
  digraphs and the apostrophe", its table "1 a 2 b 3 g 4 d 5 e 6 v 7 z 8 t 9 i
  10 k’ 11 l 12 m 13 n 14 o 15 p’ 16 zh 17 r 18 s 19 t’ 20 u 21 p 22 k 23 gh
  24 q’ 25 sh 26 ch 27 ts 28 dz 29 ts’ 30 ch’ 31 kh 32 j 33 h", and "The
  BGN/PCGN 1981 System is almost identical to the national system above but
  differs radically in the use of the apostrophe"; BGN and PCGN's 2009
  agreement "corresponds to that devised in 2002 ... and approved by
  Presidential Decree 109 of 24 February 2011" (interscript's maps,
  rubygem-interscript-maps 2.3.2, stored at copr-be.cloud.fedoraproject.org).
  GeoNames writes the apostrophes or drops them (Ts’khinvali, Zestaponi), so
  they are dropped on both sides; two alternates that then both match
  (ზესტაფონი, ზესთაფონი: t’ and t) are taken when they spell the same in
  Ukrainian (the letters that lose their apostrophe always do: т, к, п, ц, ч).
* Armenian: there is no official national system (UNGEGN, eki.ee/wgrs/
  rom2_hy.htm, version 4.0, 2016: "In Armenia the Regulation of the Government
  On the Rendering of Armenian Geographical Names into English and Russian was
  approved in 2011 but it does not contain specific romanization rules. A
  draft system ... has been compiled but its status remains unofficial (as
  confirmed in 2015)"); its BGN/PCGN 1981 table is the key: "5 Ե ե e, ye ...
  8 Ը ը y 9 Թ թ t’ ... 24 Ո ո o, vo ... 28 Ռ ռ rr ... 33 Ց ց ts’ 34 Ու ու u
  35 Փ փ p’ 36 Ք ք k’ 37 ԵՒ և ev, yev", with its notes "The character ե should
  be romanized ye initially and after the vowel characters ա, ե, է, ը, ի, ո,
  ու and օ", "The character ո should be romanized vo initially" (the same
  interscript maps).  The 2011 Regulation No. 220-N agrees where UNGEGN
  quotes it ("ծ ... = ts, ձ (17) = dz, ղ (18) = gh, ճ (19) = ch, ք
  (36) = k, փ (35) = p, խ (13) = kh, ժ (10) = zh", docslib.org/doc/7755812);
  GeoNames drops the apostrophes and writes ռ as r as often as rr (Gavar
  Գավառ, Kanaker Քանաքեռ), so both are keys.  An alternate in two scripts
  (գյուმრი) is no Armenian name.

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
* Georgian (kiwix.nikhpc.keenetic.name, wikipedia_ru_all_maxi_2025-06/
  Грузинско-русская_практическая_транскрипция): "ა a", "ე э в начале слов, е в
  других позициях", "თ т", "ი ... и в других позициях", "კ к", "პ п", "ტ т",
  "ფ п", "ქ к", "ღ г", "ყ к", "ჩ ч", "ც ц", "ძ дз", "წ ц", "ჭ ч", "ხ х", "ჯ дж",
  "ჰ х".
* Armenian: the Russian page (ru.wikipedia.org) names its two sources, the
  1974 instruction for place names and Vartapetyan's book, and says that by
  the instruction "Պողոսյան ... передавалась бы как Похосян, но обычно
  передаётся как Погосян"; its table was not stored.  The letters are those
  of the Краткая литературная энциклопедия's table (feb-web.ru, "Армянское
  письмо": "Ե ե | е", "Է է | э", "Ը ը | ъ", "Ժ ժ | ж", "Խ խ | х", "Ծ ծ | тс",
  "Ձ ձ | дз", "Ղ ղ | гх", "Ճ ճ | тш", "Յ յ | й", "Ո ո | во, о", "Չ չ | ч",
  "Ջ ջ | дж", "Ռ ռ | рр", "Ց ց | ц", "Ւ ւ | у", "և | ев"), with BGN/PCGN's
  positions (ye, vo, yev at the start and after a vowel) and the practical
  spellings the data has (Єреван, Гюмрі, Ванадзор, Іджеван, Арташат: ծ and ց
  ц, ճ and չ ч, ռ р, ը и).  The Ukrainian Wikipedia's "Вірменська абетка"
  (infokontak.com copy) opens its "Транслітерація" with the text of a
  Ukrainian article (drukarnia.com.ua, "Кардаш'ян", 2019), which goes on:
  "Традиційно у більшості вірменських прізвищ перед суфіксом -ян, попри
  вимову, не використовується розділовий знак м’якшення або апостроф. Проте
  після шиплячих, щоби уникнути спотворення, рекомендовано ставити розділовий
  знак: Мануш’ян, Макіч’ян" (so Абовян, Гюмрі, as the data writes them).

The Ukrainian orthography (1993; the 2019 text where quoted so):

* и: "§90.5.в).3) У географічних назвах після приголосних дж, ж, ч, ш, щ і ц
  перед приголосним: Алжир, Вашингтон, Вірджинія, Гемпшир, Жиронда,
  Йоркшир, Лейпциг, Циндао, Чикаго, Чилі, але перед голосним і в кінці слова
  пишеться і: Віші, Шіофок" and "§90.5.в).4) У географічних назвах із
  звукосполученням -ри- перед приголосним (крім j): Великобританія, Крит,
  Мавританія, Мадрид, Париж, Рига, Рим" (quoted at uk.wikipedia.org./wiki/
  Обговорення:Шивр-ан-Ланнуа); і otherwise, "у багатьох власних назвах:
  Індія, Ісбен, Ізабелла, Капрі, Поті, Ніл" (5rik.ru); "Літера ї ... Також в
  іншомовних словах після голосного: архаїчний, героїзм, ... руїна" (§ 4,
  pravopys.mova.info).  The 2019 text's "У географічних назвах після
  приголосних д, т перед наступним приголосним ...: Ватикан, Единбург, ...
  Тибет" (studfile.net/preview/7561151/page:14) is not applied: the data
  writes Зугдіді, Діліжан, as the project's other transcriptions write Дідім,
  Партініко, Гаутінг.
* [j] with a vowel is я, є, ї, йо, ю at the start and after a vowel (Єреван,
  Єкабпілс, Юрмала, Маріямполе); after a consonant the orthography's
  apostrophe after б, п, в, м, ф, г, к, х, ж, ч, ш, р and ь after д, т, з, с,
  ц, л, н, except in Armenian names (above); і + е is іє, as Ukrainian writes
  клієнт, Трієст and the data Лієпая, Валмієра; a last іа is ія (Італія) and
  an inner one іа (діалог), as ``ro_uk`` writes Корабія, Медіаш.
* [h] is г ("Буква г передає ... на місці h, g", § 5, quoted in ``de_uk``):
  Lithuanian h, Georgian ჰ, Armenian հ; Georgian and Armenian [g] г, as the
  project writes it everywhere.
* A name of several words is hyphenated, as the orthography writes foreign
  names of full words (studopedia.ru's summary of the orthography: "Через
  дефіс пишуться складні географічні назви: ... 5) утворені поєднанням
  повнозначних іншомовнн слів: Нью-Йорк, Лас-Вегас"): Naujoji Vilnia
  Науйої-Вільня.

So, Lithuanian: a ą а, e ę ė е (є after і), i į y і, o о, u ų ū у; ai, ei, oi,
ui, au, eu as written (ай, ей, ау); i before a vowel after a consonant softens
it (ia я, iu ю, io ьо, о after ш, ж, ч); j й, я, є, ї, йо, ю; l before a soft
consonant ль (Вільнюс, Тельшяй); b б, c ц, č ч, ch х, d д, dz дз, dž дж, f ф,
g г, h г, k к, m м, n н, p п, r р, s с, š ш, šč щ, t т, v в, z з, ž ж
(Шяуляй, Паневежис, Мажейкяй, Анікщяй).  Latvian: long marks dropped; ie
іє; ļ, ņ, ķ, ģ are soft л, н, к, г (ля, ню, кьо; ль, нь at the end and before
a consonant); ai, ei, oi, ui with й; dz дз, dž дж, h х (Рига, Даугавпілс,
Лієпая).  Georgian by the table, ჰ г, ი ї after a vowel and й between vowels
(Кутаїсі, Тбілісі, Ахалцихе, Поті).  In all four, і is и after ж, ч, ш, щ, ц,
дж and in -ри- before a consonant (Паневежис, Ахалцихе, Рига, Горис).
Armenian: ա а, բ б, գ г, դ д, ե е (є at the start and after a vowel), զ з,
է е, ը и, թ т, ժ ж, ի і, լ л, խ х, ծ ц, կ к, հ г, ձ дз, ճ ч, մ м, յ й, ն н,
շ ш, ո о (во at the start), չ ч, պ п, ջ дж, ռ р, ս с, վ в, տ т, ր р, ց ц,
ու у, փ п, ք к, և ев (єв), օ о, ֆ ф (Єреван, Гюмрі, Іджеван, Горис).

Unsure, so ``""``: a Lithuanian ie (the Russian table's е or the і + є of the
Latvian names), a Latvian jie (Руйена, or й + іє?), an Armenian ղ (the
instruction's х, the usual г, the encyclopedia's гх), and a letter outside the
language's alphabet.  Not produced: traditional names (Сухумі for Sokhumi, not
Сохумі; Раздан for Hrazdan, not Граздан; Діліжан, not Діліджан); the data
keeps them from its other sources.

The Georgian and Armenian names :func:`more_to_uk` reads are among the
alternates ``scripts/build_data.py`` keeps in ``data/cities.fgb``'s
``alt_names`` (``_alt_names``: Latin, Cyrillic, Greek, Georgian, Armenian).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from geonames_alternates import alternates as _alternates
from geonames_alternates import separators as _separators

__all__ = [
    "COUNTRIES",
    "APOSTROPHE",
    "LT_LETTERS",
    "LV_LETTERS",
    "armenian_original",
    "baltic_original",
    "georgian_original",
    "hy_to_uk",
    "ka_to_uk",
    "lt_to_uk",
    "lv_to_uk",
    "more_to_uk",
    "romanize_hy",
    "romanize_ka",
]

#: Countries :func:`more_to_uk` names, and the language it reads there.
COUNTRIES = {"LTU": "lt", "LVA": "lv", "GEO": "ka", "ARM": "hy"}

#: The apostrophe as KATOTTG writes it (Кам’янське), as in ``bg_uk``.
APOSTROPHE = "\u2019"

LT_LETTERS = "aąbcčdeęėfghiįyjklmnoprsštuųūvzž"
LV_LETTERS = "aābcčdeēfgģhiījkķlļmnņoprsštuūvzž"


class _Unsure(Exception):
    """A name the sources leave open: the public functions give ''."""


# ------------------------------------------------------------------ Ukrainian
#
# A word is a list of units: ("V", vowel) with one of а е і о у и, ("C", letters)
# a hard and ("S", letters) a soft consonant, ("J", "") the glide [j].

_IOTATED = {"а": "я", "е": "є", "і": "ї", "о": "йо", "у": "ю", "и": "ї"}
_AFTER_SOFT = {"а": "я", "е": "е", "і": "і", "о": "ьо", "у": "ю", "и": "і"}
_SOFT_SIGN = ("д", "т", "з", "с", "ц", "л", "н", "дз")  # take ь
_HUSHING = ("ж", "ч", "ш", "щ", "дж")
_HARD_I = ("ж", "ч", "ш", "щ", "ц", "дж")  # и before a consonant (Алжир, Лейпциг)
_APOSTROPHE_AFTER = ("б", "п", "в", "м", "ф", "г", "к", "х", "ж", "ч", "ш", "р")


def _spell(units: list[tuple[str, str]], armenian: bool = False) -> str:
    """Ukrainian letters for one word's units (lower case)."""
    out: list[str] = []
    n = len(units)
    for k, (kind, value) in enumerate(units):
        prev = units[k - 1] if k else None
        nxt = units[k + 1] if k + 1 < n else None
        if kind in "CS":
            out.append(value)
            if kind == "S" and (nxt is None or nxt[0] != "V") and value in _SOFT_SIGN:
                out.append("ь")
            continue
        if kind == "J":
            if nxt is None or nxt[0] != "V":
                out.append("й")
            elif prev is not None and prev[0] in "CS":  # [j] + vowel after a consonant
                if armenian:
                    if prev[1] in _HUSHING:
                        out.append(APOSTROPHE)  # Мануш’ян
                elif prev[1] in _APOSTROPHE_AFTER:
                    out.append(APOSTROPHE)
                elif prev[1] in _SOFT_SIGN:
                    out.append("ь")
            continue
        # a vowel
        if prev is not None and prev[0] == "J":
            out.append(_IOTATED[value])
            continue
        if value == "і":
            if prev is not None and prev[0] == "V":
                out.append("ї")
            elif prev is not None and prev[0] in "CS" and nxt is not None and nxt[0] in "CS":
                # и after a hushing consonant or ц, and in -ри-, before a consonant
                out.append("и" if prev[1] in _HARD_I or prev[1] == "р" else "і")
            else:
                out.append("і")
            continue
        if prev is not None and prev[0] == "S":
            vowel = _AFTER_SOFT[value]
            if vowel == "ьо" and prev[1] in _HUSHING:
                vowel = "о"
            out.append(vowel)
            continue
        if prev is not None and prev[0] == "V" and prev[1] == "і":
            if value == "е":
                out.append("є")  # Лієпая, as клієнт
                continue
            if value == "а" and nxt is None and k >= 2 and units[k - 2][0] in "CS":
                out.append("я")  # a last -іа is -ія (Італія); an inner one stays (діалог)
                continue
        out.append(value)
    return "".join(out)


def _join(words: list[str]) -> str:
    """Capitalised words joined by hyphens (Науйої-Вільня)."""
    return "-".join(w[:1].upper() + w[1:] for w in words if w)


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s\-]+", text.strip()) if w]


def _public(function):
    """'' for a name the rules leave open (:class:`_Unsure`)."""

    @functools.wraps(function)
    def wrapper(name: str) -> str:
        try:
            return function(name)
        except _Unsure:
            return ""

    return wrapper


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
                raise _Unsure  # ie: the Russian table's е, or іє?
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
            raise _Unsure  # a letter Lithuanian lacks
        letters, length = found
        soft = ch == "l" and k + 1 < n and _lt_consonant_at(word, k + 1) is not None
        units.append(("S" if soft and _lt_soft(word, k + 1) else "C", letters))
        k += length
    return units


@_public
def lt_to_uk(name: str) -> str:
    """A Lithuanian name (its own spelling, diacritics and all) in Ukrainian,
    or '' where the sources leave a letter open (ie, a letter Lithuanian lacks).

    >>> [lt_to_uk(n) for n in ("Vilnius", "Šiauliai", "Panevėžys", "Marijampolė")]
    ['Вільнюс', 'Шяуляй', 'Паневежис', 'Маріямполе']
    >>> [lt_to_uk(n) for n in ("Telšiai", "Naujoji Vilnia", "Prienai")]
    ['Тельшяй', 'Науйої-Вільня', '']
    """
    text = unicodedata.normalize("NFC", name).lower()
    return _join([_spell(_lt_units(w)) for w in _words(text)])


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
            raise _Unsure  # jie: Руйена, or й + іє?
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
            raise _Unsure  # a letter Latvian lacks
        units.append(_LV_CONSONANTS[ch])
        k += 1
    return units


@_public
def lv_to_uk(name: str) -> str:
    """A Latvian name (its own spelling) in Ukrainian, or '' (jie, a letter
    Latvian lacks).

    >>> [lv_to_uk(n) for n in ("Rīga", "Liepāja", "Jēkabpils", "Jūrmala", "Pļaviņas")]
    ['Рига', 'Лієпая', 'Єкабпілс', 'Юрмала', 'Плявіняс']
    """
    text = unicodedata.normalize("NFC", name).lower()
    return _join([_spell(_lv_units(w)) for w in _words(text)])


# ------------------------------------------------------------------ Georgian

_KA_LATIN = dict(
    zip(
        "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ",
        "a b g d e v z t i k’ l m n o p’ zh r s t’ u p k gh q’ sh ch ts dz ts’ ch’ kh j h".split(),
        strict=True,
    )
)
_KA_UK = dict(
    zip(
        "ბგდვზთკლმნპჟრსტფქღყშჩცძწჭხჯჰ",
        "б г д в з т к л м н п ж р с т п к г к ш ч ц дз ц ч х дж г".split(),
        strict=True,
    )
)
_KA_VOWELS = {"ა": "а", "ე": "е", "ი": "і", "ო": "о", "უ": "у"}
_KA_WORDS = re.compile(r"[ა-ჰ]+(?:[ -][ა-ჰ]+)*")


def romanize_ka(text: str) -> str:
    """Georgian (Mkhedruli) in the national system of 2002.

    >>> romanize_ka("ქუთაისი"), romanize_ka("ცხინვალი"), romanize_ka("ზესტაფონი")
    ('kutaisi', 'tskhinvali', 'zest’aponi')
    """
    return "".join(_KA_LATIN.get(c, c) for c in text.lower())


def _ka_units(word: str) -> list[tuple[str, str]]:
    units: list[tuple[str, str]] = []
    for k, ch in enumerate(word):
        if ch in _KA_VOWELS:
            after_vowel = bool(units) and units[-1][0] == "V"
            before_vowel = k + 1 < len(word) and word[k + 1] in _KA_VOWELS
            if ch == "ი" and after_vowel and before_vowel:
                units.append(("J", ""))  # ია after a vowel: я
            else:
                units.append(("V", _KA_VOWELS[ch]))
        elif ch in _KA_UK:
            units.append(("C", _KA_UK[ch]))
        else:
            raise _Unsure
    return units


@_public
def ka_to_uk(georgian: str) -> str:
    """A Georgian name (Mkhedruli) in Ukrainian.

    >>> [ka_to_uk(n) for n in ("თბილისი", "ქუთაისი", "ახალციხე", "ფოთი", "სამტრედია")]
    ['Тбілісі', 'Кутаїсі', 'Ахалцихе', 'Поті', 'Самтредія']
    """
    text = unicodedata.normalize("NFC", georgian).lower()
    return _join([_spell(_ka_units(w)) for w in _words(text)])


# ------------------------------------------------------------------ Armenian

_HY_CONSONANTS = dict(
    zip(
        "բգդզթժլխծկհձղճմնշչպջռսվտրցւփքֆ",
        "б г д з т ж л х ц к г дз г ч м н ш ч п дж р с в т р ц в п к ф".split(),
        strict=True,
    )
)
_HY_BGN = "a b g d z e y t’ zh i l kh ts k h dz gh ch m y n sh ch’ p j rr s v t r ts’ w p’ k’ o f"
_HY_LATIN = dict(zip("աբգդզէըթժիլխծկհձղճմյնշչպջռսվտրցւփքօֆ", _HY_BGN.split(), strict=True))
_HY_VOWEL_LETTERS = set("աեէըիոօ")  # and ու
_HY_WORDS = re.compile(r"[ա-ֆԱ-Ֆև]+(?:[ -][ա-ֆԱ-Ֆև]+)*")


def _hy_normal(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower().replace("եւ", "և")


def _hy_after_vowel(word: str, k: int) -> bool:
    """Whether the letter at ``k`` starts its word or follows a vowel letter."""
    if k == 0:
        return True
    return word[k - 1] in _HY_VOWEL_LETTERS or word[k - 2 : k] == "ու"


def romanize_hy(text: str, rr: str = "rr") -> str:
    """Armenian in the BGN/PCGN 1981 system (``rr`` for ռ: GeoNames writes rr
    or r).

    >>> romanize_hy("Երևան"), romanize_hy("Գյումրի"), romanize_hy("Գավառ", rr="r")
    ('yerevan', 'gyumri', 'gavar')
    """
    out = []
    for word in re.split(r"([\s\-]+)", _hy_normal(text)):
        k = 0
        while k < len(word):
            ch = word[k]
            if word[k : k + 2] == "ու":
                out.append("u")
                k += 2
                continue
            if ch == "ե":
                out.append("ye" if _hy_after_vowel(word, k) else "e")
            elif ch == "և":
                out.append("yev" if _hy_after_vowel(word, k) else "ev")
            elif ch == "ո":
                out.append("vo" if k == 0 else "o")
            elif ch == "ռ":
                out.append(rr)
            else:
                out.append(_HY_LATIN.get(ch, ch))
            k += 1
    return "".join(out)


def _hy_units(word: str) -> list[tuple[str, str]]:
    units: list[tuple[str, str]] = []
    k = 0
    while k < len(word):
        ch = word[k]
        if word[k : k + 2] == "ու":
            units.append(("V", "у"))
            k += 2
            continue
        if ch == "ե":
            if _hy_after_vowel(word, k):
                units.append(("J", ""))
            units.append(("V", "е"))
        elif ch == "և":
            if _hy_after_vowel(word, k):
                units.append(("J", ""))
            units += [("V", "е"), ("C", "в")]
        elif ch == "ո":
            if k == 0:
                units.append(("C", "в"))
            units.append(("V", "о"))
        elif ch in "աէըիօ":
            units.append(("V", {"ա": "а", "է": "е", "ը": "и", "ի": "і", "օ": "о"}[ch]))
        elif ch == "յ":
            units.append(("J", ""))
        elif ch == "ղ":
            raise _Unsure  # х (the 1974 instruction), г (usage), гх (the encyclopedia)
        elif ch in _HY_CONSONANTS:
            units.append(("C", _HY_CONSONANTS[ch]))
        else:
            raise _Unsure
        k += 1
    return units


@_public
def hy_to_uk(armenian: str) -> str:
    """An Armenian name (Armenian script) in Ukrainian, or '' (ղ, a letter
    Armenian lacks).

    >>> [hy_to_uk(n) for n in ("Երևան", "Գյումրի", "Իջևան", "Աբովյան", "Գորիս")]
    ['Єреван', 'Гюмрі', 'Іджеван', 'Абовян', 'Горис']
    >>> hy_to_uk("Վաղարշապատ")
    ''
    """
    text = _hy_normal(armenian)
    return _join([_spell(_hy_units(w), armenian=True) for w in _words(text)])


# ------------------------------------------------------------------ native names


def _fold(text: str) -> str:
    """Lower case, no diacritics, letters only: how names are compared."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return re.sub(r"[^a-z]", "", "".join(c for c in text if not unicodedata.combining(c)))


def _in_alphabet(text: str, letters: str) -> bool:
    low = unicodedata.normalize("NFC", text).lower()
    return bool(low.strip()) and all(c in letters or c in " -" for c in low)


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
    if not _in_alphabet(name, letters):
        return None
    if not name.isascii():
        return name
    key = _fold(name)
    found = {
        unicodedata.normalize("NFC", a)
        for a in _alternates(alt_names)
        if not a.isascii() and _in_alphabet(a, letters) and _fold(a) == key
    }
    distinct = {a.lower() for a in found}
    if not found:
        return name
    if len(distinct) > 1:
        return None
    return min(found)


def _native(
    name_en: str,
    alt_names: str | Iterable[str] | None,
    words: re.Pattern,
    keys,
    spell,
) -> str | None:
    """The one native alternate whose romanization is ``name_en`` (up to case,
    apostrophes, spaces and hyphens), or whose several agree in Ukrainian."""
    key = _fold(name_en)
    if not key:
        return None
    found = sorted(
        {
            unicodedata.normalize("NFC", a)
            for a in _alternates(alt_names)
            if words.fullmatch(unicodedata.normalize("NFC", a))
            and key in {_fold(k) for k in keys(a)}
        }
    )
    if not found:
        return None
    spelt = {spell(a) for a in found}
    if len(spelt) != 1 or "" in spelt:
        return None
    same_spacing = [a for a in found if _separators(a) == _separators(name_en)]
    return (same_spacing or found)[0]


def georgian_original(name_en: str, alt_names: str | Iterable[str] | None) -> str | None:
    """The Georgian alternate of a town whose romanization (the national system
    of 2002, apostrophes dropped) is ``name_en``; of several, one, when they all
    spell the same in Ukrainian; None otherwise.

    >>> georgian_original("Zestaponi", "ზესთაფონი;ზესტაფონი")
    'ზესთაფონი'
    >>> georgian_original("Ts’khinvali", "ცხინვალი"), georgian_original("Samtredia", "")
    ('ცხინვალი', None)
    """
    return _native(name_en, alt_names, _KA_WORDS, lambda a: [romanize_ka(a)], ka_to_uk)


def armenian_original(name_en: str, alt_names: str | Iterable[str] | None) -> str | None:
    """The Armenian alternate of a town whose BGN/PCGN romanization (apostrophes
    dropped, ռ rr or r) is ``name_en``; of several, one, when they all spell the
    same in Ukrainian; None otherwise (and for a name with ղ, which
    :func:`hy_to_uk` leaves open).

    >>> armenian_original("Yerevan", "Երեւան;Երևան;Էրեբունի;ერევანი")
    'Երեւան'
    >>> armenian_original("Gavar", "Գավառ"), armenian_original("Gyumri", "գյուმრი")
    ('Գավառ', None)
    """
    return _native(
        name_en,
        alt_names,
        _HY_WORDS,
        lambda a: [romanize_hy(a), romanize_hy(a, rr="r")],
        hy_to_uk,
    )


def more_to_uk(country: str, name_en: str, alt_names: str | Iterable[str] | None) -> str:
    """The Ukrainian name of a town of ``country`` (ISO alpha-3, one of
    :data:`COUNTRIES`) from GeoNames' ``name_en`` and ``alt_names`` (';'-joined
    or an iterable), or ``""`` when unsure.

    >>> more_to_uk("LTU", "Telsiai", "Telšai;Telšiai;Telşiai")
    'Тельшяй'
    >>> more_to_uk("LVA", "Riga", "Rīga"), more_to_uk("GEO", "Kutaisi", "ქუთაისი")
    ('Рига', 'Кутаїсі')
    >>> more_to_uk("ARM", "Yerevan", "Երևան"), more_to_uk("ARM", "Yerevan", "Yerevan")
    ('Єреван', '')
    """
    if country not in COUNTRIES:
        raise ValueError(f"more_to_uk: country {country!r} is not one of {sorted(COUNTRIES)}")
    lang = COUNTRIES[country]
    if lang in ("lt", "lv"):
        letters, spell = (LT_LETTERS, lt_to_uk) if lang == "lt" else (LV_LETTERS, lv_to_uk)
        original = baltic_original(name_en, alt_names, letters)
        return spell(original) if original else ""
    if lang == "ka":
        original = georgian_original(name_en, alt_names)
        return ka_to_uk(original) if original else ""
    original = armenian_original(name_en, alt_names)
    return hy_to_uk(original) if original else ""
