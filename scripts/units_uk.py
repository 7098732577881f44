"""The Ukrainian spelling of a foreign word given as sounds, shared by the
transcriptions of Lithuanian and Latvian (``baltic_uk``) and of Georgian and
Armenian (``caucasus_uk``).

Each of those modules reads a word as a list of units, ("V", vowel) with one
of а е і о у и, ("C", letters) a hard and ("S", letters) a soft consonant,
("J", "") the glide [j], and :func:`spell` writes them in Ukrainian letters
by the rules below; :func:`native` picks the one native-script alternate of a
town whose romanization is GeoNames' name.  A rule that the sources leave
open raises :class:`Unsure`, which :func:`public` turns into ``""``.

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
  ц, л, н, except in Armenian names (``caucasus_uk``); і + е is іє, as Ukrainian writes
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
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from geonames_alternates import alternates as _alternates
from geonames_alternates import separators as _separators

__all__ = ["APOSTROPHE", "Unsure", "fold", "in_alphabet", "join", "native", "public", "spell",
           "words"]  # fmt: skip

#: The apostrophe as KATOTTG writes it (Кам’янське), as in ``bg_uk``.
APOSTROPHE = "\u2019"


class Unsure(Exception):
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


def spell(units: list[tuple[str, str]], armenian: bool = False) -> str:
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


def join(words: list[str]) -> str:
    """Capitalised words joined by hyphens (Науйої-Вільня)."""
    return "-".join(w[:1].upper() + w[1:] for w in words if w)


def words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s\-]+", text.strip()) if w]


def public(function):
    """'' for a name the rules leave open (:class:`Unsure`)."""

    @functools.wraps(function)
    def wrapper(name: str) -> str:
        try:
            return function(name)
        except Unsure:
            return ""

    return wrapper



def fold(text: str) -> str:
    """Lower case, no diacritics, letters only: how names are compared."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return re.sub(r"[^a-z]", "", "".join(c for c in text if not unicodedata.combining(c)))


def in_alphabet(text: str, letters: str) -> bool:
    low = unicodedata.normalize("NFC", text).lower()
    return bool(low.strip()) and all(c in letters or c in " -" for c in low)



def native(
    name_en: str,
    alt_names: str | Iterable[str] | None,
    words: re.Pattern,
    keys,
    spell,
) -> str | None:
    """The one native alternate whose romanization is ``name_en`` (up to case,
    apostrophes, spaces and hyphens), or whose several agree in Ukrainian."""
    key = fold(name_en)
    if not key:
        return None
    found = sorted(
        {
            unicodedata.normalize("NFC", a)
            for a in _alternates(alt_names)
            if words.fullmatch(unicodedata.normalize("NFC", a))
            and key in {fold(k) for k in keys(a)}
        }
    )
    if not found:
        return None
    spelt = {spell(a) for a in found}
    if len(spelt) != 1 or "" in spelt:
        return None
    same_spacing = [a for a in found if _separators(a) == _separators(name_en)]
    return (same_spacing or found)[0]


