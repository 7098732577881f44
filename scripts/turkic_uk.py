"""Kazakh place names in Ukrainian; Azerbaijani, Turkmen and Uzbek left out.

:func:`turkic_to_uk` gives the Ukrainian name of a town in Kazakhstan from
GeoNames' ``name_en`` and ``alt_names``, or ``""`` when it is not sure, for the
towns that no source names (``city_names.ukrainian_names``, source
``transcribed``); :func:`kazakh_original` picks the Kazakh spelling among the
alternates and :func:`kk_to_uk` spells it in Ukrainian.  Imported by
``scripts/transcribe_uk.py``, as ``scripts/bg_uk.py`` is.

Kazakh (Kazakhstan)
-------------------
Kazakh is written in Cyrillic, and the Ukrainian names of Kazakh towns in use
are that Cyrillic with the letters Ukrainian lacks replaced: CLDR's Актобе
(Ақтөбе), Орал (Орал; Russian Уральск), Атирау (Атырау), Актау (Ақтау); KDE's
Ukrainian KGeography map of Kazakhstan (Debian ``kgeography-data``
4:22.12.3-1, ``kgeography.mo``): Мангистау (Маңғыстау), Кизилорда (Қызылорда),
Шимкент, Караганди (Қарағанды), Костанай (Қостанай), Алмати (Алматы), Тараз,
Павлодар, Астана.  The two steps are each a documented rule:

1. The Kazakh letters that Russian lacks are replaced as Kazakhstan's rules for
   the Russian form of Kazakh geographic names replace them (stored copy:
   emirsaba.org/emirsaba.org/jas-falimdar-jarshisi-vestnik-molodih-uchenih.html?page=127):
   «Казахские по происхождению названия на русский язык передаются в
   транслитерации с их современного казахского написания ... 1.1. а передается
   той же буквой: Ақсу – Аксу, Ақтау – Актау.  1.2. ə ... передается буквой а:
   Əжі – Ажи, ... Əлімтау – Алимтау [the copy's ə is the Latin letter].
   1.3. е передается той же буквой: Дегерес –
   Дегерес, Егізтөбе – Егизтобе, Едіге – Едиге.  1.4. и передается той же
   буквой: Игілік – Игилик ...  1.5. о и ө ... передаются буквой о: Өжет – Ожет,
   Ойтас – Ойтас, Өлеңті – Оленты.  1.6. у передается той же буквой: Уақ – Уак,
   Уызбай – Уызбай, Көксу – Коксу.»  So ә а, ө о, і и (Алимтау, Игилик,
   Егизтобе), қ к (Аксу, Уак), ң н (Оленты).  The copy breaks off at «1.7. ұ и ү
   встречают...»; ұ, ү and ғ are taken from Kazakhstan's instruction for the
   Russian form of Kazakh personal names, as Yandex's search summary
   (ya.ru/neurum, citing nur.kz) gives it: «А, Ә — через А; О, Ө — через О;
   У, Ү, Ұ — через У», «К, Қ ... через букву К, для Н, Ң — через Н, для Г,
   Ғ — через Г».  So ұ, ү у, ғ г.  һ (Arabic and Persian loans only)
   is х, as Russian and Ukrainian write the sound; no source for it was found.
   Оленты's final ы for і is the rule's example, not its rule (Алимтау, Игилик,
   Егизтобе have и), and is not followed.

2. The result is spelt by the project's rules for the Ukrainian spelling of
   Cyrillic names (data/README.md, "The transcription rules and their sources",
   as ``scripts/ru_uk.py`` applies them to Russian names): ы is и (rule 11: «ы,
   э, ъ are и, е, '»: Атирау, Кизилорда, Шимкент); и is і, ї after a vowel or a
   soft sign, и after ж, ч, ш, щ, ц before a consonant (rules 1 and 2: Алмати,
   Теміртау, Шилік for Шілік); ь only after д, т, з, с, ц, л, н (rule 9); ё is
   йо, ьо, or о after ж, ч, ш, щ (rule 11).  е stays е, also at the start of a
   word and after a vowel: the orthography of 2019 writes є there only for
   «літеру е слов’янських мов із кириличним алфавітом»
   (newpravopys.mova.info/pravopys.aspx?SectionID=4140), and Kazakh is not
   Slavic.  The rules that concern Russian words (the suffixes -ик-, -ич-, the
   roots with a Ukrainian cognate or an old ять, -ск as -ськ, adjective
   endings: rules 3-8, 12, 13) are not applied.  Spaces and hyphens stay.

The Kazakh spelling comes from GeoNames' alternates (:func:`kazakh_original`):
one in the Kazakh alphabet whose romanization is ``name_en`` (GeoNames writes
Kazakh names now in a Kazakh romanization, Qulsary, Shalqar, now from the
Russian form, Zhanaozen, Kandyagash; both are read, up to q/k, gh/g, y/i);
of those, one with a letter only Kazakh has beside Russian (ә ғ қ ң ө ұ ү һ і)
wins over a Russian-alphabet one (Маңғыстау over Мангистау, Құлсары over
Кульсары), and the candidates must agree once their Kazakh letters are
replaced.  A town with none is left unnamed (Embi, Kazakh Ембі: GeoNames has
only Эмба and Емба, the town's former name Emba).

What the rules cannot give are the older Russian names KDE keeps beside them
(Актюбе, Кокчетау, Кустанай for the province, Петропавловськ,
Усть-Каменогорськ, Талдикурган, Байконур) and the Russian soft sign of a
Russian form (the rule gives Кулсари for Құлсары, Russian Кульсары): a name a
source gives comes before this one.

Azerbaijani, Turkmen and Uzbek: left out
-----------------------------------------
No Ukrainian transcription of these languages was found in the stored copies.
The Ukrainian cartographers' 2001 instructions are 16, none for a Turkic
language (kgf.com.ua, information_id=16: «інструкції з найпоширеніших
європейських мов: англійської, німецької, іспанської, італійської,
французької ... Польщі, Чехії, Словаччини, Румунії та Молдови, а також Литви,
Швеції, Угорщини (1-й варіант), пізніше Білорусі, Російської Федерації,
колишньої Югославії, Болгарії, Угорщини (2-й варіант). Всього було розроблено
і затверджено16 інструкцій»).  No help page «Довідка:Азербайджансько-українська
практична транскрипція» (or Turkmen, Kazakh, Uzbek) is stored; of the Ukrainian
Wikipedia's «Туркменська абетка» (wikidata.uk-ua.nina.az) only the opening, before
its table, can be read, and no Ukrainian «Азербайджанська абетка» or
«Узбецька абетка» is stored.  The rules found are for Russian (the Russian
Wikipedia's «Азербайджано-русская практическая транскрипция»; Azerbaijan's
Cabinet decision No. 498 of 16 December 2020 on the Russian and English forms).
Nor do the names in use agree on a basis to read a rule from: KDE's Ukrainian
maps follow the Russian names (Агджабединський район for Ağcabədi,
Кедабекський район for Gədəbəy, Ленкорань, Ташауз, Балканабад, Туркменабад,
Андижан, Джизак), while CLDR writes Ашгабат from Turkmen Aşgabat, not the Russian Ашхабад.  So
:func:`turkic_to_uk` gives ``""`` for Azerbaijan, Turkmenistan and Uzbekistan
(:data:`LEFT_OUT`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from geonames_alternates import alternates as _alternates
from geonames_alternates import separators as _separators

__all__ = ["COUNTRIES", "LEFT_OUT", "kazakh_original", "kk_to_uk", "reduce_kazakh", "turkic_to_uk"]

#: Countries :func:`turkic_to_uk` names, and the language it reads there.
COUNTRIES = {"KAZ": "kk"}
#: Countries it knows and leaves unnamed, each with the reason (module docstring).
LEFT_OUT = {
    "AZE": "no Ukrainian transcription of Azerbaijani found",
    "TKM": "no Ukrainian transcription of Turkmen found",
    "UZB": "no Ukrainian transcription of Uzbek found",
}

#: Kazakh letters Russian lacks, and the Russian letter Kazakhstan's rules put
#: for each (module docstring, step 1).
_KAZAKH_ONLY = dict(zip("әғқңөұүһі", "агкноуухи", strict=True))
_RUSSIAN_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
_KAZAKH_LETTER = f"[{_RUSSIAN_LETTERS}{''.join(_KAZAKH_ONLY)}]"
_KAZAKH_WORDS = re.compile(f"{_KAZAKH_LETTER}+(?:[ -]{_KAZAKH_LETTER}+)*", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")

# ------------------------------------------------------------------ Kazakh letters


def reduce_kazakh(text: str) -> str:
    """Kazakh Cyrillic with the letters Russian lacks replaced (step 1).

    >>> reduce_kazakh("Ақтөбе"), reduce_kazakh("Маңғыстау"), reduce_kazakh("Құлсары")
    ('Актобе', 'Мангыстау', 'Кулсары')
    """
    out = []
    for ch in text:
        low = ch.lower()
        if low in _KAZAKH_ONLY:
            new = _KAZAKH_ONLY[low]
            out.append(new.upper() if ch.isupper() else new)
        else:
            out.append(ch)
    return "".join(out)


# ------------------------------------------------------------------ Ukrainian

_VOWELS = "аеёиоуыэюяіїє"
_HUSHING = "жчшщц"
_SOFT_SIGN_AFTER = "дтзсцлн"
_PLAIN = {"ы": "и", "э": "е", "ъ": ""}


def _word_to_uk(word: str) -> str:
    """One lower-case word (Russian letters) in Ukrainian (step 2)."""
    out: list[str] = []
    for i, ch in enumerate(word):
        prev = word[i - 1] if i else ""
        nxt = word[i + 1] if i + 1 < len(word) else ""
        if ch == "и":
            if prev and prev in _VOWELS + "ьъ":
                out.append("ї")
            elif prev and prev in _HUSHING and nxt and nxt not in _VOWELS:
                out.append("и")
            else:
                out.append("і")
        elif ch == "ё":  # rule 11: о after ж, ч, ш, щ, ьо after another consonant
            if prev and prev in "жчшщ":
                out.append("о")
            elif prev and prev not in _VOWELS and prev not in "ьъ":
                out.append("ьо")
            else:
                out.append("йо")
        elif ch == "ь":
            if prev and prev in _SOFT_SIGN_AFTER:
                out.append("ь")
        else:
            out.append(_PLAIN.get(ch, ch))
    return "".join(out)


def kk_to_uk(kazakh: str) -> str:
    """A Kazakh name (Kazakh Cyrillic, or its Russian-alphabet form) in Ukrainian.

    >>> [kk_to_uk(n) for n in ("Ақтөбе", "Атырау", "Ақтау", "Орал", "Жаңаөзен")]
    ['Актобе', 'Атирау', 'Актау', 'Орал', 'Жанаозен']
    >>> [kk_to_uk(n) for n in ("Маңғыстау", "Қызылорда", "Шымкент", "Алматы", "Екібастұз")]
    ['Мангистау', 'Кизилорда', 'Шимкент', 'Алмати', 'Екібастуз']
    """
    if not isinstance(kazakh, str):
        raise TypeError(f"kk_to_uk: expected a str, got {type(kazakh).__name__}")

    def spell(match: re.Match) -> str:
        word = match.group(0)
        spelt = _word_to_uk(reduce_kazakh(word).lower())
        return spelt[:1].upper() + spelt[1:] if word[:1].isupper() else spelt

    return _WORD.sub(spell, kazakh)


# ------------------------------------------------------------------ GeoNames' alternates

#: Russian letters in Latin, near enough to GeoNames' romanizations for :func:`_fold`.
_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
}  # fmt: skip


def _fold(latin: str, loose: bool = False) -> str:
    """How a romanization is compared: no diacritics, case or signs; q as k, gh as
    g, ye as e (Qulsary and Kulsary, Mangghystau and Mangystau agree); ``loose``
    also y as i (Mangistau and Mangystau)."""
    text = unicodedata.normalize("NFKD", latin.casefold().replace("ı", "i"))
    text = re.sub(r"[^a-z]", "", "".join(c for c in text if not unicodedata.combining(c)))
    text = text.replace("q", "k").replace("gh", "g").replace("ye", "e")
    return text.replace("y", "i") if loose else text


def _romanize(cyrillic: str) -> str:
    return "".join(_LATIN.get(c, "") for c in reduce_kazakh(cyrillic).lower())


def kazakh_original(name_en: str, alt_names: str | Iterable[str] | None) -> str | None:
    """The Kazakh spelling of a town GeoNames calls ``name_en``, from its alternates.

    ``alt_names`` is GeoNames' ``;``-separated list (or an iterable of names).
    An alternate counts when it is in the Kazakh alphabet and romanizes to
    ``name_en`` up to case, diacritics, spaces, hyphens and q/k, gh/g (and y/i
    if it has a letter only Kazakh has).  One with such a letter wins over one
    in the Russian alphabet;
    of the rest, all must agree once their Kazakh letters are replaced (ties
    go to the one spaced as ``name_en``, then to the one with most Kazakh
    letters); None when none counts, or they disagree.

    >>> kazakh_original("Mangistau", "Mangyshlak;Мангистау;Мангышлак;Маңғыстау")
    'Маңғыстау'
    >>> kazakh_original("Oral", "Oral;Орал;Уральск;Уральськ;Җаек")
    'Орал'
    >>> kazakh_original("Embi", "Emba;Емба;Эмба;Җимбе") is None
    True
    """
    found, kazakh = [], []
    for alt in _alternates(alt_names):
        if not _KAZAKH_WORDS.fullmatch(alt):
            continue
        # y and i are one only where the alternate is surely Kazakh: GeoNames may
        # romanize the Russian form (Mangistau for Маңғыстау), while a
        # Russian-alphabet alternate with и for ы is another language's
        # (Атирау beside Атырау for Atyrau)
        surely_kazakh = any(c in _KAZAKH_ONLY for c in alt.lower())
        if _fold(_romanize(alt), surely_kazakh) == _fold(name_en, surely_kazakh):
            (kazakh if surely_kazakh else found).append(alt)
    found = kazakh or found
    if not found:
        return None
    if len({reduce_kazakh(a).lower() for a in found}) > 1:
        spaced = [a for a in found if _separators(a) == _separators(name_en)]
        found = spaced or found
        if len({reduce_kazakh(a).lower() for a in found}) > 1:
            return None
    return max(sorted(found), key=lambda a: sum(c in _KAZAKH_ONLY for c in a.lower()))


# ------------------------------------------------------------------ entry point


def turkic_to_uk(country: str, name_en: str, alt_names: str | Iterable[str] | None) -> str:
    """The Ukrainian name of a town of ``country`` (ISO alpha-3) from GeoNames'
    ``name_en`` and ``alt_names``, or ``""`` when unsure or the country's
    language is left out (:data:`LEFT_OUT`).

    >>> turkic_to_uk("KAZ", "Zhanaozen", "Novyy Uzen’;Жанаозен;Жаңаөзен;Новый Узень")
    'Жанаозен'
    >>> turkic_to_uk("AZE", "Yevlakh", "Yevlax;Евлах")
    ''
    """
    if country in LEFT_OUT:
        return ""
    if country not in COUNTRIES:
        raise ValueError(
            f"turkic_to_uk: country {country!r} is not one of "
            f"{sorted(COUNTRIES) + sorted(LEFT_OUT)}"
        )
    original = kazakh_original(name_en, alt_names)
    return kk_to_uk(original) if original else ""
