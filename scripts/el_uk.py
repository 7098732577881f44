"""Greek place names (Greece, Cyprus) in Ukrainian by the practical transcription
of Modern Greek.

GeoNames' ``name_en`` of a town in Greece or Cyprus is a romanization (Pátra,
Kallithéa, Acharnés), so the native name is the Greek-script alternate whose
romanization is ``name_en`` (:func:`greek_original`); that name is then spelt in
Ukrainian letters (:func:`el_to_uk`); :func:`greek_to_uk` does both for one town
and gives ``""`` when it is not sure.

Romanizations (the keys, all stored copies):

* ELOT 743, the UN system: "Recommends that the ELOT 743 conversion system set
  out in the annex to the present resolution be adopted as the international
  system for the romanization of geographical names in the Greek alphabet"
  (UN conference resolution V/19 of 1987, eki.ee/wgrs/res/res_5_19.htm); "The
  system is used in Greece and Cyprus" (UNGEGN Working Group on Romanization
  Systems, version 4.0 of March 2016, eki.ee/wgrs/rom1_el.htm), whose table reads
  "αυ avA, afB", "Γ γ g", "γγ ng", "γξ nx", "γχ nch", "Η η i", "Θ θ th", "μπ
  bC, mpD", "Υ υ y", "Χ χ ch", "Ψ ψ ps", "Ω ω o", and "αι, άι, αϊ, γκ, ει, έι,
  εϊ, ντ, οι, όι, οϊ, υι which are converted according to the conversion rules
  of each character they consist of, resp. ai, ái, aï, gk, ei, éi, eï, nt, oi,
  ói, oï, yi".  Where αυ, ευ, ηυ are v and where f, and where μπ is b, as the
  2001 edition gives them: "αυ | av | when αυ is followed by: β,γ,δ,ζ,λ,μ,ν,ρ
  or a vowel", "αυ | af | when αυ is followed by: θ,κ,ξ,π,σ,ς,τ,φ,χ,ψ and at
  the end of a word", "εύ | év" (the page "Wiktionary:Greek transliteration",
  a copy at jp.teknopedia.teknokrat.ac.id); "μπ | szó elején és végén: b
  máshol: mp", b at a word's start and end, mp elsewhere
  (rendszam.guru/romanization/greek.html).  Stress is an acute on the
  vowel that bears it (á, í, oú), a diaeresis stays (aï, ḯ): :func:`romanize_el`
  gives GeoNames' own spellings (Kallithéa, Ptolemaḯda, Chaïdári, Égkomi).
* BGN/PCGN 1962, the system GeoNames' older records keep (Khalándrion,
  Moskháton, Dhafní), as CLDR's Greek-Latin/BGN transform writes it
  (unicode-org/cldr, common/transforms/Greek-Latin-BGN.xml: "BGN/PCGN 1962
  System ... based on the pronunciation of modern Greek"; "The character γ
  should be romanized y before αι, ε, ει, η, ι, οι, υ, and υι"; "The character
  δ should be romanized d when between ν and ρ"; χ kh, ει i, υ i, μπ b/mb,
  ντ d/nd).  It is a second key, as Bulgaria's 1952 system is in ``bg_uk``.

Katharevousa and demotic.  "the Demotic form was made the sole official version
in 1976", the capital being "Αθήνα = Athína", "Pre-1976: Ἀθῆναι = Athínai"
(PCGN, Toponymic Factfile Greece, 2021, docslib.org); Cyprus's list of country
and capital names pairs the endings: "Traditional names ending in –o which in the
scholar language had the ending –on ... Traditional names ending in –i which had
the ending –ion in the scholar language" (geonoma.gov.cy).  Some GeoNames
names are the older Katharevousa form (Khalándrion, Thívai, Kamaterón,
Petroúpolis, Irákleion), so :func:`greek_original` takes the demotic alternate
(Χαλάνδρι, Θήβα, Καματερό, Πετρούπολη, Ηράκλειο) when the alternates hold both
forms, or hold only the demotic one: -ον/-ο, -ιον/-ι, -ις/-η, -αι/-α, -αι/-ες.

Ukrainian.  The official table is the Ministry of Agrarian Policy's order No. 311
of 20 August 2014, "Про затвердження Правил передачі українською мовою
географічних назв і термінів Греції" (registered by the Ministry of Justice on
2 September 2014, No. 1057/25834; search.ligazakon.ua/l_doc2.nsf/link1/
RE25834.html); the stored copy holds only the order's first page, not the rules,
and no copy of the Ukrainian Wikipedia's help page on Greek was found.  So the
letters follow the Modern Greek practical transcription into Russian, the table
the Soviet and Russian instructions share ("Cyrillization of Greek", English
Wikipedia, copies at cryer.org.uk and everything.explained.today, after Salnova
2005 and Borisova 2004; the Russian Wikipedia's "Новогреческо-русская
практическая транскрипция", stored at ru.wikipedia.org and russianwiki.com):
"γι, γει, γυ | before vowels | й | Γιατρός Ятрос", "γγ | нг", "γκ | word-initial | г",
"γκ | within a word before a voiced consonant or a vowel | нг", "γκ | within
a word before an unvoiced consonant | нк", "γχ | нх", "θ | т", "μπ |
word-initial | б", "ντ | word-initial | д", "ξ | кс", "ου | у", "χ | х",
"ψ | пс", "ω | о", "αυ перед β, γ, δ, ζ, λ, μ, ν, ρ или гласной ав ...
перед θ, κ, ξ, π, σ, τ, φ, χ, ψ аф Αυξέντιος Афксендиос", "Έγκωμη Энгоми",
"Καρδίτσα Кардица", "εια в конце слова ия Μαρώνεια Марония", "αια, αία в конце
слова ея/эя Ιστιαία Истиея" — in Ukrainian letters, by the Ukrainian spelling:

* θ is т, the modern rule, not the ф of names taken from Ancient Greek:
  "Буквосполучення th у словах грецького походження передаємо звичайно буквою
  т" (the 2019 orthography as miyklas.com.ua teaches it; it keeps "Афіни й
  Атени" as variants).  So Πάτρα is Патра, not the traditional Патри; Θεσσαλονίκη
  Тессалонікі, not Салоніки; Λάρισα Ларіса, not Лариса.  A name the sources
  give (Афіни, Салоніки, Лариса, Іракліон, Яніна, Керкіра) comes before this
  one, as a cited exonym does.
* η, ι, υ, ει, οι, υι are і, ї after a vowel (Χαϊδάρι Хаїдарі, Πτολεμαΐδα
  Птолемаїда: "У словах іншомовного походження літера ї пишеться після
  голосного: мозаїка ... Каїр", geo.bobrodobro.ru).  The orthography's и in
  geographic names (-ри- before a consonant: "Крит, Рим", final -ида, -ика,
  after шиплячі and ц; easyschool.net.ua, predmety.in.ua) is for names taken
  in by tradition; the Greek names the data has write і there (Трікала from
  GNOME, Тріполі from KDE, Комотіні, Мітіліні from GeoNames), and so does
  this module.
* ε and αι are е, at a word's start too (Έδεσσα Едесса, Αιγάλεω Егалео); ο, ω
  о; ου у; α а.  An і-sound before a vowel is і with the vowel (ία іа, ιο іо,
  ιε іє, ιου іу: Αμαλιάδα Амаліада, Ιωνία Іонія, Χίος Хіос), but a word's last
  α after it is я (Λαμία Ламія, Κηφισιά Кіфісія, Λιβαδειά Лівадія, Βέροια
  Верія).  The last α of a name after an е-sound is я, as the table's -αία ея
  and GeoNames' Ukrainian alternates write it (Πυλαία Пілея, Καλλιθέα
  Каллітея); elsewhere it is а (Νέα Ιωνία Неа-Іонія, Νεάπολη Неаполі).
* γ is г (the project writes г, not ґ, in every language); at a word's start
  γι, γει, γοι, γυ before a vowel is the glide: я, є, йо, ю (Γιαννιτσά
  Янніца); inside a word γ stays г and the і is written (Αγία Παρασκευή
  Агія-Параскеві).  γκ, μπ, ντ are г, б, д at a word's start and нг (нк before a
  voiceless consonant), мб, нд inside a word, as the table's Энгоми and
  Афксендиос write them.  τσ ц, τζ дз, ξ кс, ψ пс, χ х, β в, δ д, ζ з, φ ф.
  σ is с everywhere: the Russian table's "σ, ς | before β, γ, δ, ζ, λ, μ, ν,
  ρ ... | з" is not taken (Νέα Σμύρνη is Неа-Смірні, Κόσμος Космос).
* Doubled consonants stay: "Іншомовні географічні назви зберігають подвоєні
  приголосні. Приклад: Даллас, Філіппіни, Апенніни, Марокко" (miyklas.com.ua),
  so Καλλιθέα Каллітея, Έδεσσα Едесса, Ιωάννινα Іоанніна.
* A name of several words is hyphenated, every part capitalised, as the
  orthography's § 125 writes foreign compound names (``it_uk`` quotes it) and
  GeoNames' Неа-Іонія, Неа-Макрі do: Άνω Λιόσια Ано-Ліосія, Κάτω Λακατάμεια
  Като-Лакатамія.

What spelling cannot tell, the rules cannot either: a traditional name (CLDR's
Афіни, GeoNames' Пірей and Салоніки); a glide inside a word (Άγιος is Агіос
here, where the Russian table's γι before a vowel would give Айос).

Imported by ``scripts/transcribe_uk.py``, as the other ``*_uk`` modules are.
It reads the Greek-script alternates that ``scripts/build_data.py`` keeps in
``data/cities.fgb``'s ``alt_names``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

from geonames_alternates import alternates as _alternates
from geonames_alternates import separators as _separators

__all__ = [
    "COUNTRIES",
    "el_to_uk",
    "greek_original",
    "greek_to_uk",
    "romanize_el",
]

#: Countries :func:`greek_to_uk` names (ISO alpha-3).
COUNTRIES = ("GRC", "CYP")

_ACCENTS = frozenset("\u0301\u0300\u0342\u0341\u0340")  # tonos/oxia, varia, perispomeni
_DIAERESIS = "\u0308"
# breathings, perispomeni, varia, ypogegrammeni: what monotonic spelling lacks
_POLYTONIC = frozenset("\u0313\u0314\u0342\u0300\u0345")

_VOWEL_SOUND = {"α": "a", "ε": "e", "η": "i", "ι": "i", "ο": "o", "υ": "i", "ω": "o"}
_DIGRAPH_SOUND = {"αι": "e", "ει": "i", "οι": "i", "υι": "i", "ου": "u"}
_AV = {"αυ": "a", "ευ": "e", "ηυ": "i"}  # v or f after the vowel
_CONSONANT_PAIRS = frozenset(("γγ", "γκ", "γξ", "γχ", "μπ", "ντ", "τσ", "τζ"))
#: Letters after which αυ, ευ, ηυ are af, ef, if (and at a word's end).
_VOICELESS = frozenset("θκξπστφχψ")


class _Unit(NamedTuple):
    """A Greek letter or digraph: ``kind`` V vowel, F αυ/ευ/ηυ, C consonant."""

    greek: str
    kind: str
    sound: str = ""
    accent: bool = False
    diaeresis: bool = False


def _letters(word: str) -> list[tuple[str, bool, bool]]:
    """A word's letters, lower case, as (letter, accented, diaeresis); breathings
    and the iota subscript dropped, final ς as σ."""
    out: list[tuple[str, bool, bool]] = []
    for ch in unicodedata.normalize("NFD", word.lower()):
        if unicodedata.combining(ch):
            if out:
                base, accent, diaeresis = out[-1]
                out[-1] = (base, accent or ch in _ACCENTS, diaeresis or ch == _DIAERESIS)
            continue
        out.append(("σ" if ch == "ς" else ch, False, False))
    return out


def _units(word: str) -> list[_Unit]:
    """A Greek word as letters and digraphs.  αι, ει, οι, υι, ου and αυ, ευ, ηυ
    are digraphs unless the first letter bears the stress (άι) or the second a
    diaeresis (αϊ)."""
    letters = _letters(word)
    units: list[_Unit] = []
    k = 0
    while k < len(letters):
        letter, accent, diaeresis = letters[k]
        if k + 1 < len(letters):
            second, accent2, diaeresis2 = letters[k + 1]
            pair = letter + second
            if not accent and not diaeresis and not diaeresis2:
                if pair in _DIGRAPH_SOUND:
                    units.append(_Unit(pair, "V", _DIGRAPH_SOUND[pair], accent2))
                    k += 2
                    continue
                if pair in _AV:
                    units.append(_Unit(pair, "F", _AV[pair], accent2))
                    k += 2
                    continue
            if pair in _CONSONANT_PAIRS:
                units.append(_Unit(pair, "C"))
                k += 2
                continue
        if letter in _VOWEL_SOUND:
            units.append(_Unit(letter, "V", _VOWEL_SOUND[letter], accent, diaeresis))
        else:
            units.append(_Unit(letter, "C"))
        k += 1
    return units


def _voiceless_after(units: list[_Unit], k: int) -> bool:
    """Whether the unit after ``k`` starts with a voiceless consonant, or there is none."""
    return k + 1 >= len(units) or units[k + 1].greek[0] in _VOICELESS


#: A word: letters with their combining accents (capital ΐ has no precomposed form).
_WORD = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+")


def _is_greek(text: str) -> bool:
    """Greek letters (with their accents), spaces and hyphens only."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters or any(not (ch.isalpha() or ch in " -" or unicodedata.combining(ch))
                          for ch in text):  # fmt: skip
        return False
    return all(unicodedata.name(ch, "").startswith("GREEK") for ch in letters)


def _capitalise(source: str, spelt: str) -> str:
    return spelt[:1].upper() + spelt[1:] if source[:1].isupper() else spelt


# ------------------------------------------------------------------ romanizations

_ELOT_VOWELS = {
    "α": "a", "ε": "e", "η": "i", "ι": "i", "ο": "o", "υ": "y", "ω": "o",
    "αι": "ai", "ει": "ei", "οι": "oi", "υι": "yi", "ου": "ou",
    "αυ": "a", "ευ": "e", "ηυ": "i",
}  # fmt: skip
_ELOT_CONSONANTS = {
    "β": "v", "γ": "g", "δ": "d", "ζ": "z", "θ": "th", "κ": "k", "λ": "l", "μ": "m",
    "ν": "n", "ξ": "x", "π": "p", "ρ": "r", "σ": "s", "τ": "t", "φ": "f", "χ": "ch",
    "ψ": "ps", "γγ": "ng", "γκ": "gk", "γξ": "nx", "γχ": "nch", "ντ": "nt", "τσ": "ts",
    "τζ": "tz",
}  # fmt: skip


def _elot_word(word: str) -> str:
    units = _units(word)
    out: list[str] = []
    for k, unit in enumerate(units):
        if unit.kind == "C":
            if unit.greek == "μπ":
                out.append("b" if k in (0, len(units) - 1) else "mp")
            else:
                out.append(_ELOT_CONSONANTS.get(unit.greek, unit.greek))
            continue
        latin = _ELOT_VOWELS[unit.greek]
        if unit.diaeresis:
            latin += _DIAERESIS
        if unit.accent:
            latin += "\u0301"
        if unit.kind == "F":
            latin += "f" if _voiceless_after(units, k) else "v"
        out.append(latin)
    return _capitalise(word, unicodedata.normalize("NFC", "".join(out)))


def romanize_el(text: str) -> str:
    """Greek in ELOT 743 (the UN system), stress and diaeresis kept.

    >>> romanize_el("Καλλιθέα"), romanize_el("Πτολεμαΐδα"), romanize_el("Λαγκαδάς")
    ('Kallithéa', 'Ptolemaḯda', 'Lagkadás')
    >>> romanize_el("Εύοσμος"), romanize_el("Ελευσίνα"), romanize_el("Νέα Ιωνία")
    ('Évosmos', 'Elefsína', 'Néa Ionía')
    """
    return _WORD.sub(lambda m: _elot_word(m.group()), unicodedata.normalize("NFC", text))


_BGN_VOWELS = {
    "α": "a", "ε": "e", "η": "i", "ι": "i", "ο": "o", "υ": "i", "ω": "o",
    "αι": "ai", "ει": "i", "οι": "oi", "υι": "i", "ου": "ou",
    "αυ": "av", "ευ": "ev", "ηυ": "iv",
}  # fmt: skip
_BGN_CONSONANTS = {**_ELOT_CONSONANTS, "χ": "kh", "γγ": "ng", "γξ": "nx", "γχ": "nkh"}


def _bgn_word(word: str) -> str:
    units = _units(word)
    out: list[str] = []
    for k, unit in enumerate(units):
        nxt = units[k + 1] if k + 1 < len(units) else None
        prev = units[k - 1] if k else None
        if unit.kind != "C":
            out.append(_BGN_VOWELS[unit.greek])
        elif unit.greek == "γ":
            front = nxt is not None and nxt.kind == "V" and nxt.sound in ("e", "i")
            out.append("y" if front else "g")
        elif unit.greek == "δ":
            between = (
                prev is not None and prev.greek == "ν" and nxt is not None and nxt.greek == "ρ"
            )
            out.append("d" if between else "dh")
        elif unit.greek in ("γκ", "μπ", "ντ"):
            out.append({"γκ": "g", "μπ": "b", "ντ": "d"}[unit.greek] if k == 0
                       else {"γκ": "ng", "μπ": "mb", "ντ": "nd"}[unit.greek])  # fmt: skip
        else:
            out.append(_BGN_CONSONANTS.get(unit.greek, unit.greek))
    return "".join(out)


def _romanize_bgn(text: str) -> str:
    """Greek in BGN/PCGN 1962, lower case without stress: a matching key only."""
    return _WORD.sub(lambda m: _bgn_word(m.group()), unicodedata.normalize("NFC", text))


# ------------------------------------------------------------------ the Greek name


def _key(text: str) -> str:
    """Lower case, no diacritics, Latin letters only: how a romanization is compared."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return re.sub(r"[^a-z]", "", "".join(c for c in text if not unicodedata.combining(c)))


def _loose(greek: str) -> str:
    """A Greek spelling without stress, breathings, case, spaces and hyphens."""
    return "".join(letter for letter, _, _ in _letters(greek) if letter not in " -")


def _keys(greek: str) -> set[str]:
    return {_key(romanize_el(greek)), _key(_romanize_bgn(greek))}


#: (demotic ending, Katharevousa ending), accent-free.
_KATHAREVOUSA = (("ο", "ον"), ("ι", "ιον"), ("η", "ις"), ("α", "αι"), ("ες", "αι"))


def _plain(greek: str) -> str:
    """Lower case without stress or breathings (the diaeresis kept)."""
    letters = _letters(greek)
    return unicodedata.normalize("NFC", "".join(x + _DIAERESIS * d for x, _, d in letters))


def _swap_endings(greek: str, pairs) -> list[str]:
    """``greek`` (accent-free) with each word's ending swapped by the first pair that
    fits, once for each pair that fits the last word."""
    words = _plain(greek).split(" ")
    forms = []
    for old, new in pairs:
        if not words[-1].endswith(old):
            continue
        swapped = [
            next((w[: len(w) - len(o)] + n for o, n in pairs if w.endswith(o)), w)
            for w in words[:-1]
        ] + [words[-1][: len(words[-1]) - len(old)] + new]
        forms.append(" ".join(swapped))
    return forms


def _demotic(greek: str, greek_alternates: list[str]) -> str:
    """The demotic alternate of a Katharevousa spelling (Χαλάνδριον -> Χαλάνδρι), or
    ``greek`` itself when the alternates hold none."""
    forms = {_loose(f) for f in _swap_endings(greek, [(k, d) for d, k in _KATHAREVOUSA])}
    found = sorted(
        {a for a in greek_alternates if _loose(a) in forms and _loose(a) != _loose(greek)}
    )
    return found[0] if len({_loose(a) for a in found}) == 1 else greek


def _one(found: list[str], name_en: str) -> str | None:
    """The one name among ``found``, spellings of one name counted once (Γλυφάδα,
    Γλυφαδα; Ἀθῆναι, Αθήναι): of those, the monotonic, the stressed, the one
    spaced as ``name_en``.  None when two names are left."""
    if len({_loose(a) for a in found}) != 1:
        return None
    found = sorted(set(found))
    rules = (
        lambda a: not _POLYTONIC & set(unicodedata.normalize("NFD", a)),
        lambda a: any(accent for _, accent, _ in _letters(a)),
        lambda a: _separators(a) == _separators(name_en),
    )
    for rule in rules:
        if len(found) > 1:
            found = [a for a in found if rule(a)] or found
    return found[0]


def greek_original(name_en: str, alt_names: str | Iterable[str] | None) -> str | None:
    """The Greek-script alternate of a town whose romanization is ``name_en``.

    ``alt_names`` is GeoNames' ``;``-separated list (or an iterable of names).  An
    alternate counts when it is all Greek letters and its ELOT 743 or BGN/PCGN
    1962 romanization equals ``name_en`` up to case, diacritics, spaces and
    hyphens; a Katharevousa match gives way to its demotic alternate, and when
    none matches, a demotic alternate whose Katharevousa form matches counts.
    None when none, or two names, match.

    >>> greek_original("Pátra", "Patras;Патра;Πάτρα")
    'Πάτρα'
    >>> greek_original("Acharnés", "Αχαρνές;Αχαρναί;Μενίδι;Μενίδιον")
    'Αχαρνές'
    >>> greek_original("Khalándrion", "Φλύα;Χαλάνδρι;Χαλάνδριον")
    'Χαλάνδρι'
    >>> greek_original("Kamaterón", "Καματερό"), greek_original("Sparta", "Σπάρτη")
    ('Καματερό', None)
    """
    key = _key(name_en)
    greek = [a for a in _alternates(alt_names) if _is_greek(a)]
    if not key or not greek:
        return None
    direct = [a for a in greek if key in _keys(a)]
    if direct:
        found = [_demotic(a, greek) for a in direct]
    else:
        found = [
            a for a in greek
            if any(key in _keys(form) for form in _swap_endings(a, _KATHAREVOUSA))
        ]  # fmt: skip
    return _one(found, name_en) if found else None


# ------------------------------------------------------------------ Ukrainian

_UK_CONSONANTS = {
    "β": "в", "γ": "г", "δ": "д", "ζ": "з", "θ": "т", "κ": "к", "λ": "л", "μ": "м",
    "ν": "н", "ξ": "кс", "π": "п", "ρ": "р", "σ": "с", "τ": "т", "φ": "ф", "χ": "х",
    "ψ": "пс", "γγ": "нг", "γξ": "нкс", "γχ": "нх", "τσ": "ц", "τζ": "дз",
}  # fmt: skip
_UK_VOWELS = {"a": "а", "e": "е", "i": "і", "o": "о", "u": "у"}
#: A vowel after the glide of γι- (Γιαννιτσά -> Янніца).
_IOTATED = {"a": "я", "e": "є", "i": "ї", "o": "йо", "u": "ю"}
#: A vowel after an і-sound (Αμαλιάδα -> Амаліада, Συκιές -> Сікієс).
_AFTER_I = {"a": "а", "e": "є", "i": "ї", "o": "о", "u": "у"}


def _consonant(units: list[_Unit], k: int) -> str:
    greek = units[k].greek
    if greek in ("γκ", "μπ", "ντ"):
        if k == 0:
            return {"γκ": "г", "μπ": "б", "ντ": "д"}[greek]
        if greek == "γκ":
            nxt = units[k + 1] if k + 1 < len(units) else None
            return "нк" if nxt is not None and nxt.greek[0] in _VOICELESS else "нг"
        return {"μπ": "мб", "ντ": "нд"}[greek]
    return _UK_CONSONANTS.get(greek, greek)


def _uk_word(word: str, last_word: bool) -> str:
    """One Greek word in lower-case Ukrainian; ``last_word``: the name's last."""
    units = _units(word)
    n = len(units)
    out: list[str] = []
    after_vowel = False
    k = 0
    while k < n:
        unit = units[k]
        nxt = units[k + 1] if k + 1 < n else None
        if unit.kind == "C":
            third = units[k + 2] if k + 2 < n else None
            glide = (
                k == 0 and unit.greek == "γ" and nxt is not None and nxt.kind == "V"
                and nxt.sound == "i" and not nxt.accent and third is not None
                and third.kind in ("V", "F")
            )  # fmt: skip
            if glide:  # γι-, γει-, γοι-, γυ- before a vowel: я, є, йо, ю
                out.append(_IOTATED[third.sound])
                if third.kind == "F":
                    out.append("ф" if _voiceless_after(units, k + 2) else "в")
                after_vowel = third.kind == "V"
                k += 3
                continue
            out.append(_consonant(units, k))
            after_vowel = False
            k += 1
            continue
        if unit.kind == "F":
            out.append(_UK_VOWELS[unit.sound] + ("ф" if _voiceless_after(units, k) else "в"))
            after_vowel = False
            k += 1
            continue
        if unit.sound == "i":
            letter = "ї" if after_vowel else "і"
            if nxt is not None and nxt.kind == "V":
                final_a = nxt.sound == "a" and k + 2 == n
                out.append(letter + ("я" if final_a else _AFTER_I[nxt.sound]))
                after_vowel = True
                k += 2
                continue
            out.append(letter)
        elif unit.sound == "e" and last_word and nxt is not None and nxt.sound == "a" \
                and nxt.kind == "V" and k + 2 == n:  # fmt: skip
            out.append("ея")  # the name's last -εα, -αία (Каллітея, Пілея)
            k += 2
            after_vowel = True
            continue
        else:
            out.append(_UK_VOWELS[unit.sound])
        after_vowel = True
        k += 1
    return "".join(out)


_SEPARATOR = re.compile(r"\s*-\s*|\s+")


def el_to_uk(greek: str) -> str:
    """A Greek name (Greek script) in Ukrainian, by the rules in the module docstring.

    >>> [el_to_uk(n) for n in ("Πάτρα", "Καλαμάτα", "Κηφισιά", "Λιβαδειά", "Καλλιθέα")]
    ['Патра', 'Каламата', 'Кіфісія', 'Лівадія', 'Каллітея']
    >>> [el_to_uk(n) for n in ("Νέα Ιωνία", "Γιαννιτσά", "Λαγκαδάς", "Εύοσμος")]
    ['Неа-Іонія', 'Янніца', 'Лангадас', 'Евосмос']
    """
    parts = _SEPARATOR.split(unicodedata.normalize("NFC", greek.strip()))
    words = [p for p in parts if p]
    spelt = []
    for i, word in enumerate(words):
        last = i == len(words) - 1

        def spell(m: re.Match, last: bool = last) -> str:
            return _capitalise(m.group(), _uk_word(m.group(), last))

        spelt.append(_WORD.sub(spell, word))
    return "-".join(spelt)


def greek_to_uk(country: str, name_en: str, alt_names: str | Iterable[str] | None) -> str:
    """The Ukrainian name of a town of ``country`` (``GRC`` or ``CYP``) from
    GeoNames' ``name_en`` and its alternates (with the Greek-script ones), or ``""``
    when no Greek alternate, or more than one name, romanizes to ``name_en``.

    >>> greek_to_uk("GRC", "Kallithéa", "Kallithea;Καλλιθέα;Каллітея")
    'Каллітея'
    >>> greek_to_uk("CYP", "Stróvolos", "Strovolos;Στρόβολος")
    'Строволос'
    >>> greek_to_uk("GRC", "Athens", "Athina;Αθήνα;Афіни")  # an English exonym
    ''
    """
    if country not in COUNTRIES:
        raise ValueError(f"greek_to_uk: country {country!r} is not one of {list(COUNTRIES)}")
    original = greek_original(name_en, alt_names)
    return el_to_uk(original) if original else ""
