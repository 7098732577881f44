"""Georgian and Armenian place names in Ukrainian.

In Georgia and Armenia GeoNames' ``name_en`` is a romanization (Kutaisi,
Gyumri), so the native name is the alternate in Georgian (Mkhedruli) or
Armenian script whose national romanization is ``name_en``
(:func:`georgian_original`, :func:`armenian_original`).  It is then spelt in
Ukrainian (:func:`ka_to_uk`, :func:`hy_to_uk`, with ``units_uk``);
:func:`caucasus_to_uk` does both for one town and gives ``""`` when unsure.

What was looked for and not found (the project's stored copies): the
Ukrainian Wikipedia's help pages "Довідка:Грузинсько-українська /
Вірменсько-українська практична транскрипція", and a 2001 instruction for
either country (ДНВП «Картографія» lists the 16 it made, none for Georgia or
Armenia; quoted in ``baltic_uk``).  So each letter's value is the Russian
practical transcription's, written in Ukrainian letters by the Ukrainian
orthography (quoted in ``units_uk``), and checked against every Ukrainian name
the data already has for these countries (tests/test_translit_more.py).


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

Ukrainian letters.  The Russian practical transcriptions (stored copies):

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

So, Georgian by the table, ჰ г, ი ї after a vowel and й between vowels
(Кутаїсі, Тбілісі, Ахалцихе, Поті); і is и after ж, ч, ш, щ, ц, дж and in
-ри- before a consonant (Ахалцихе, Горис).
Armenian: ա а, բ б, գ г, դ д, ե е (є at the start and after a vowel), զ з,
է е, ը и, թ т, ժ ж, ի і, լ л, խ х, ծ ц, կ к, հ г, ձ дз, ճ ч, մ м, յ й, ն н,
շ ш, ո о (во at the start), չ ч, պ п, ջ дж, ռ р, ս с, վ в, տ т, ր р, ց ц,
ու у, փ п, ք к, և ев (єв), օ о, ֆ ф (Єреван, Гюмрі, Іджеван, Горис).

Unsure, so ``""``: an Armenian ղ (the instruction's х, the usual г, the
encyclopedia's гх), and a letter outside the language's alphabet.  Not
produced: traditional names (Сухумі for Sokhumi, not Сохумі; Раздан for
Hrazdan, not Граздан; Діліжан, not Діліджан); the data keeps them from its
other sources.  The Georgian and Armenian alternates are among those
``scripts/build_data.py`` keeps in ``data/cities.fgb``'s ``alt_names``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from units_uk import Unsure, join, native, public, spell, words

__all__ = ["COUNTRIES", "armenian_original", "caucasus_to_uk", "georgian_original",
           "hy_to_uk", "ka_to_uk", "romanize_hy", "romanize_ka"]  # fmt: skip

#: Countries :func:`caucasus_to_uk` names, and the language it reads there.
COUNTRIES = {"GEO": "ka", "ARM": "hy"}


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
            raise Unsure
    return units


@public
def ka_to_uk(georgian: str) -> str:
    """A Georgian name (Mkhedruli) in Ukrainian.

    >>> [ka_to_uk(n) for n in ("თბილისი", "ქუთაისი", "ახალციხე", "ფოთი", "სამტრედია")]
    ['Тбілісі', 'Кутаїсі', 'Ахалцихе', 'Поті', 'Самтредія']
    """
    text = unicodedata.normalize("NFC", georgian).lower()
    return join([spell(_ka_units(w)) for w in words(text)])


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
            raise Unsure  # х (the 1974 instruction), г (usage), гх (the encyclopedia)
        elif ch in _HY_CONSONANTS:
            units.append(("C", _HY_CONSONANTS[ch]))
        else:
            raise Unsure
        k += 1
    return units


@public
def hy_to_uk(armenian: str) -> str:
    """An Armenian name (Armenian script) in Ukrainian, or '' (ղ, a letter
    Armenian lacks).

    >>> [hy_to_uk(n) for n in ("Երևան", "Գյումրի", "Իջևան", "Աբովյան", "Գորիս")]
    ['Єреван', 'Гюмрі', 'Іджеван', 'Абовян', 'Горис']
    >>> hy_to_uk("Վաղարշապատ")
    ''
    """
    text = _hy_normal(armenian)
    return join([spell(_hy_units(w), armenian=True) for w in words(text)])



def georgian_original(name_en: str, alt_names: str | Iterable[str] | None) -> str | None:
    """The Georgian alternate of a town whose romanization (the national system
    of 2002, apostrophes dropped) is ``name_en``; of several, one, when they all
    spell the same in Ukrainian; None otherwise.

    >>> georgian_original("Zestaponi", "ზესთაფონი;ზესტაფონი")
    'ზესთაფონი'
    >>> georgian_original("Ts’khinvali", "ცხინვალი"), georgian_original("Samtredia", "")
    ('ცხინვალი', None)
    """
    return native(name_en, alt_names, _KA_WORDS, lambda a: [romanize_ka(a)], ka_to_uk)


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
    return native(
        name_en,
        alt_names,
        _HY_WORDS,
        lambda a: [romanize_hy(a), romanize_hy(a, rr="r")],
        hy_to_uk,
    )



def caucasus_to_uk(country: str, name_en: str, alt_names: str | Iterable[str] | None) -> str:
    """The Ukrainian name of a town of ``country`` ("GEO" or "ARM") from
    GeoNames' ``name_en`` and ``alt_names`` (';'-joined or an iterable), or
    ``""`` when unsure.

    >>> caucasus_to_uk("GEO", "Kutaisi", "ქუთაისი"), caucasus_to_uk("ARM", "Yerevan", "Երևան")
    ('Кутаїсі', 'Єреван')
    >>> caucasus_to_uk("ARM", "Yerevan", "Yerevan")
    ''
    """
    if country not in COUNTRIES:
        raise ValueError(f"caucasus_to_uk: country {country!r} is not one of {sorted(COUNTRIES)}")
    if COUNTRIES[country] == "ka":
        original = georgian_original(name_en, alt_names)
        return ka_to_uk(original) if original else ""
    original = armenian_original(name_en, alt_names)
    return hy_to_uk(original) if original else ""
