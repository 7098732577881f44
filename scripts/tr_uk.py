"""Turkish place names in Ukrainian by the Ukrainian practical transcription.

The table "Українська практична транскрипція" of the Ukrainian Wikipedia's
article "Турецька абетка" (stored at uk.wikipedia-on-ipfs.org/wiki/Турецька_абетка)
gives one Ukrainian letter for each Turkish one: "C c | [ʤ͡] | дж", "I ı | [ɯ] |
и", "İ i | [i] | і", "G g | [g], [ɟ] | ґ", "Ğ ğ | г", "Ö ö | [ø] | о (на
початку слова та після голосних), ьо (після приголосних)", "Ü ü | [y] | у (на
початку слова та після голосних), ю (після приголосних)", "Y y | [j] | й; в
групі «y + голосний» передається відпов. йотованими голосними (є, ї, ю, я)
згідно з правилами українського правопису".  Where it offers two letters this
module takes one and says so: h is х (Кахраманмараш, as KDE's Ukrainian
KGeography writes it), l is л; â and û soften k, g and l before them (я, ю:
Hakkâri -> Хаккярі), î is і; і after a vowel is ї and a y-group after a
consonant takes ь (Kütahya -> Кютахья), as Ukrainian spelling writes them.
g is г, not the table's ґ: the Ukrainian spelling writes г in place names
(§ 5, § 122, quoted in ``scripts/de_uk.py``), as KGeography's Мугла and the
transcriptions of the other languages (``scripts/transcribe_uk.py``) do, so
that a map does not mix the two.

:func:`tr_to_uk` names the Turkish cities that no source names
(``city_names.ukrainian_names``, source ``transcribed``).  Imported by
``scripts/city_names.py``.
"""

from __future__ import annotations

import re

__all__ = ["tr_to_uk"]

_VOWELS = set("aâeıiîoöuûü")
_LETTERS = {
    "a": "а", "â": "а", "b": "б", "c": "дж", "ç": "ч", "d": "д", "e": "е", "f": "ф",
    "g": "г", "ğ": "г", "h": "х", "ı": "и", "i": "і", "î": "і", "j": "ж", "k": "к",
    "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "к", "r": "р", "s": "с",
    "ş": "ш", "t": "т", "u": "у", "û": "у", "v": "в", "w": "в", "x": "кс", "z": "з",
}  # fmt: skip
# y + vowel: the iotated letter (after a consonant with ь before it)
_IOTATED = {
    "a": "я", "â": "я", "e": "є", "i": "ї", "î": "ї", "u": "ю", "û": "ю", "ü": "ю",
    "o": "йо", "ö": "йо", "ı": "йи",
}  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")


def _word(word: str) -> str:
    s = word.replace("İ", "i").replace("I", "ı").lower()
    out: list[str] = []
    k = 0
    while k < len(s):
        ch = s[k]
        prev = s[k - 1] if k else ""
        after_consonant = bool(prev) and prev not in _VOWELS
        if ch == "y" and k + 1 < len(s) and s[k + 1] in _IOTATED:
            iotated = _IOTATED[s[k + 1]]
            if after_consonant:
                iotated = "ь" + (iotated[1:] if iotated.startswith("й") else iotated)
            out.append(iotated)
            k += 2
            continue
        if ch == "y":
            out.append("й")
        elif ch in "öü":
            out.append(("ьо" if ch == "ö" else "ю") if after_consonant else "оу"[ch == "ü"])
        elif ch in "âû" and prev in "kgl":
            out.append("я" if ch == "â" else "ю")
        elif ch in "iî" and prev in _VOWELS:
            out.append("ї")
        else:
            out.append(_LETTERS.get(ch, ch))
        k += 1
    text = "".join(out)
    return text[:1].upper() + text[1:]


def tr_to_uk(name: str) -> str:
    """A Turkish name (Turkish spelling) in Ukrainian, word by word.

    >>> [tr_to_uk(n) for n in ("Tarsus", "Gebze", "Çorlu", "Düzce", "Cizre")]
    ['Тарсус', 'Гебзе', 'Чорлу', 'Дюздже', 'Джізре']
    >>> [tr_to_uk(n) for n in ("Kızıltepe", "İnegöl", "Kütahya", "Hakkâri", "Çayeli")]
    ['Кизилтепе', 'Інегьол', 'Кютахья', 'Хаккярі', 'Чаєлі']
    >>> [tr_to_uk(n) for n in ("Ünye", "Yozgat", "Ortaköy", "Doğubayazıt")]
    ['Уньє', 'Йозгат', 'Ортакьой', 'Догубаязит']
    """
    return _WORD.sub(lambda m: _word(m.group(0)), name)
