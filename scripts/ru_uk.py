"""Ukrainian spelling of Russian place names (:func:`ru_to_uk`).

Used by ``scripts/city_names.py`` for the Russian names of Russian and
Belarusian towns.  Every rule below is quoted, with its source, in
data/README.md ("Ukrainian city names"); the numbers refer to that list.

И (1-5): і at the start of a word and after most consonants (Іваново, Кіров);
ї after a vowel, ь or ъ (Троїцьк, Ільїнка); и after ж, ч, ш, щ, ц before a
consonant (Жигульовськ, Чистополь), і there before a vowel and at the end
(Сочі, Кіриші, Митищі); и in the suffixes -ик-, -ич-, -иц-, -ищ- (Березники,
Углич, Луховиці, Ртищево), in the prefix при- (Приволжськ), in a word-final
plural -ки, -ги, -хи (Великі Луки, Хімки) and in roots whose Ukrainian cognate
has и (:data:`COGNATE_ROOTS`: Одинцово, Зимовники, Данилов, Нижній Тагіл).

Е (6-8): є at the start, after a vowel and after ь, ъ (Єлець, Єгор'євськ); є
in the suffix -єв after a consonant other than ж, ч, ш, щ, р, ц (Лежнєво); є
where Ukrainian has і in the same root (:data:`YAT_ROOTS`: Бєлгород,
Желєзноводськ, Орєхово-Зуєво), but Біла, Білий for the adjective alone.

Ё, Ы, Э, Ъ: йо at the start and after a vowel or ь, о after ж, ч, ш, щ, ьо
elsewhere (Корольов), е in first names shared with Ukrainian (Семенов); и; е;
an apostrophe.

Soft sign and apostrophe (9-10): ь is written only after д, т, з, с, ц, л, н
(Гусь, Кольчугино, Альметьєвськ); after any other consonant it is dropped at
the end of a word and before a consonant (Перм, Октябрський, Мозир) and is an
apostrophe before я, ю, є, ї (Нар'ян-Мар, Мар'їна Горка, Заволж'є).  A labial
(б, п, в, м, ф) before я, ю takes an apostrophe at the start of a word or
after a vowel or р (П'ятигорськ, В'язники, Дем'янськ).

Endings (11-13): -ск, -цк -> -ськ, -цьк, and -сск -> -ськ (Курськ, Донецьк,
Новочеркаськ, Приморсько-Ахтарськ); -ец -> -ець (Єлець); adjectives: -ый, -ий,
-ской -> -ий (-ій after н), -ая, -яя -> -а, -я, -ое -> -е, -ые, -ие -> -і
(Донський, Нижній, Набережні Челни, Лодейне Поле, Нижня Тура).
"""

from __future__ import annotations

import re

__all__ = ["ru_to_uk", "COGNATE_ROOTS", "YAT_ROOTS"]

VOWELS = "аеёиоуыэюяєії"
#: After these a soft sign is written in Ukrainian (rule 9).
SOFT = "дтзсцлн"
LABIALS = "бпвмф"
#: The apostrophe as KATOTTG writes it (Кам’янське), so the transcribed names
#: and the register's names share one sign on a map.
APOSTROPHE = "\u2019"
HUSHING = "жчшщц"
#: First parts of compounds: a suffix -ик- must follow a root inside the word
#: after them (Новомосковськ is Ново + московськ).
COMPOUND_PARTS = ("ново", "старо", "красно", "верхне", "нижне", "северо", "бело", "черно",
                  "мало", "велико", "средне", "зелено")  # fmt: skip

#: Word starts whose Ukrainian cognate keeps и (rule 5): the handbook's own
#: examples (Одинцов бо один, Зимовники бо зима, Глинка бо глина, Кисловодськ бо
#: кислий, Виноградов, Данилов бо Данило), the first names Борис, Дмитро,
#: Михайло, Гаврило, Осип as its Данило, велик- (великий), нижн- (нижній, the
#: orthography's Нижня Тунгуска), влади- (its Владивосток), лис- (Лиски, from
#: лысая, Ukrainian лисий), пяти- (п'ять: П'ятигорськ) and невин- (невинний).
#: Value: the cognate, for the reader.
COGNATE_ROOTS = {
    "велик": "великий", "борис": "Борис", "данил": "Данило", "дмитр": "Дмитро",
    "михайл": "Михайло", "гаврил": "Гаврило", "один": "один", "зим": "зима",
    "глин": "глина", "кисл": "кислий", "виноград": "виноград", "нижн": "нижній",
    "влади": "Владивосток", "лис": "лисий", "пяти": "п'ять", "невин": "невинний",
    "осип": "Осип",
}  # fmt: skip
#: Roots that keep і against the suffix rule: the handbook's Мічурін.
I_ROOTS = ("мичурин",)
#: First names shared with Ukrainian: ё is е (krok.miok: Федоров, Семенов).
SHARED_NAMES = {"семён": "семен", "фёдор": "федор"}
#: Roots whose е stands where Ukrainian has і (rule 8; the orthography's
#: Бєжецьк, Бєлгород, Бєлово, Бєлорєцьк, Благовєщенськ, Желєзноводськ,
#: Орєхово-Зуєво, and сівер, світ for Сєвероморськ, Свєтогорськ as GeoNames
#: records them).  Matched at the start of a word or of a compound's part.
YAT_ROOTS = {"бел": "бєл", "беж": "бєж", "благовещ": "благовєщ", "желез": "желєз",
             "орех": "орєх", "север": "сєвер", "свет": "свєт", "звер": "звєр"}  # fmt: skip
#: The same inside a word (дід, Гліб: Дєдовськ, Домодєдово, Борисоглєбськ as
#: GeoNames records them), and -рецк, -реченск after о (ріка: Бєлорєцьк).
YAT_INSIDE = {"дед": "дєд", "глеб": "глєб"}
_END = r"(?=$|[\s-])"


def _stem_start(word: str) -> int:
    """Where the root of ``word`` (lower case) starts after a compound's first part."""
    for part in COMPOUND_PARTS:
        if word.startswith(part) and len(word) > len(part) + 2:
            return len(part)
    return 0


def _root_spans(word: str, roots) -> list[tuple[int, int]]:
    """Spans of ``roots`` at the start of ``word`` or of its root after a compound part."""
    spans = []
    for start in {0, _stem_start(word)}:
        for root in roots:
            if word.startswith(root, start):
                spans.append((start, start + len(root)))
    return spans


def _i_letter(word: str, i: int, keep: list[tuple[int, int]], plain: list[tuple[int, int]]) -> str:
    """Ukrainian letter for the Russian и at ``word[i]`` (lower case)."""
    prev = word[i - 1] if i else " "
    nxt = word[i + 1] if i + 1 < len(word) else " "
    after = word[i + 2] if i + 2 < len(word) else " "
    if i == 0:
        return "і"
    if prev in VOWELS or prev in "ьъ":
        return "ї"
    if any(a <= i < b for a, b in plain):
        return "і"
    if any(a <= i < b for a, b in keep):
        return "и"
    if prev in HUSHING:
        return "и" if nxt != " " and nxt not in VOWELS else "і"
    stem = _stem_start(word)
    if word.startswith("при", stem) and i == stem + 2:
        return "и"
    if nxt == " " and prev in "гкх":
        return "и"  # plural -ки, -ги, -хи
    if nxt in "цчщ":
        return "и"  # -иц-, -ич-, -ищ- (read loosely: also Кричев, Ртищево)
    if nxt == "к" and any(c in VOWELS for c in word[stem:i]) and after in "ио ":
        return "и"  # -ик-, -ник- after a root: Березники, Котельниково (not Солікамськ)
    return "і"


def _word(word: str) -> str:
    """Letters of one word (no spaces or hyphens), before the ending rules."""
    low = word.lower()
    for name, shared in SHARED_NAMES.items():
        if low.startswith(name):
            low = shared + low[len(name) :]
    keep = _root_spans(low, COGNATE_ROOTS)
    plain = [(low.find(r), low.find(r) + len(r)) for r in I_ROOTS if r in low]
    out = []
    for i, ch in enumerate(low):
        prev = low[i - 1] if i else " "
        before = low[i - 2] if i > 1 else " "
        nxt = low[i + 1] if i + 1 < len(low) else " "
        start = prev == " " or prev in VOWELS
        if ch == "и":
            value = _i_letter(low, i, keep, plain)
        elif ch == "ы":
            value = "і" if prev == "ц" and nxt == " " else "и"  # Луховицы -> Луховиці
        elif ch == "э":
            value = "е"
        elif ch == "е":
            value = "є" if start or prev in "ьъ" else "е"
        elif ch == "ё":
            value = "йо" if start or prev in "ьъ" else ("о" if prev in "жчшщ" else "ьо")
        elif ch == "ъ":
            value = APOSTROPHE if nxt in "еёюяи" else ""
        elif ch == "ь":
            if nxt == "ё":
                value = ""  # Соловьёв -> Соловйов: no apostrophe before йо
            elif prev in SOFT:
                value = "ь"
            elif nxt in "еюяи":
                value = APOSTROPHE
            else:
                value = ""  # Пермь -> Перм, Октябрьский -> Октябрський
        elif ch in "яю" and prev in LABIALS and (before == " " or before in VOWELS + "р"):
            value = APOSTROPHE + ch
        else:
            value = ch
        out.append(value)
    text = "".join(out)
    # Restore capitals (the first letter; an apostrophe never starts a word).
    return text[:1].upper() + text[1:] if word[:1].isupper() else text


def _ev_suffix(word: str) -> str:
    """Rule 7: the suffix -ев after a consonant other than ж, ч, ш, щ, р, ц is -єв
    (Лежнєво; not Ржев, Ярцево), when a vowel stands before it in the word."""
    match = re.search(r"(?<=[бвгдзклмнпстфх])е(?=є?в(?:о|ка|ськ)?$)", word)
    if match and re.search(r"[аеєиіоуюяї]", word[: match.start() - 1], re.IGNORECASE):
        return word[: match.start()] + "є" + word[match.end() :]
    return word


def _yat(text: str) -> str:
    """Rule 8: е -> є in :data:`YAT_ROOTS`; the adjective бел- alone is біл-."""
    text = re.sub(r"(?<![^\s-])([Бб])ел(ий|а|е|і)" + _END, r"\1іл\2", text)
    for root, spelled in YAT_ROOTS.items():
        for a, b in ((root, spelled), (root.capitalize(), spelled.capitalize())):
            if root == "бел":  # the root бел-, not Белебей, Белиджи
                a, b = a + "(?=[огаьо])", b
            parts = "|".join(p for part in COMPOUND_PARTS for p in (part, part.capitalize()))
            text = re.sub(r"(?<![^\s-])(" + parts + ")?" + a, r"\1" + b, text)
    for root, spelled in YAT_INSIDE.items():
        text = re.sub(root, spelled, text)
        text = re.sub(root.capitalize(), spelled.capitalize(), text)
    # -рецк, -реченск (ріка): Бєлорєцьк, Тихорєцьк.
    return re.sub(r"(?<=о)ре(?=ць|ч)", "рє", text)


def ru_to_uk(name: str) -> str:
    """Transcribe a Russian place name into Ukrainian spelling.

    Examples
    --------
    >>> ru_to_uk("Курск"), ru_to_uk("Елец"), ru_to_uk("Щёлково"), ru_to_uk("Пермь")
    ('Курськ', 'Єлець', 'Щолково', 'Перм')
    >>> ru_to_uk("Одинцово"), ru_to_uk("Вязники"), ru_to_uk("Березники"), ru_to_uk("Лиски")
    ('Одинцово', "В'язники", 'Березники', 'Лиски')
    >>> ru_to_uk("Новочеркасск"), ru_to_uk("Белая Калитва"), ru_to_uk("Сочи")
    ('Новочеркаськ', 'Біла Калітва', 'Сочі')
    """
    parts = re.split(r"([\s-]+)", name)
    text = "".join(p if re.fullmatch(r"[\s-]*", p) else _word(p) for p in parts)
    # Adjective endings: -ые/-ие -> -і, -ий after н -> -ій (Нижній), -ое -> -е,
    # -ая -> -а (Набережні Челни, Лодейне Поле, Узлова).
    text = re.sub(r"[иі]є" + _END, "і", text)
    text = re.sub(r"(?<=[сц]к)ой" + _END, "ий", text)  # Донской -> Донський
    text = re.sub(r"(?<=[^н\s-])ій" + _END, "ий", text)
    text = re.sub(r"(?<=[^аеєиіоуюя])о[еє]" + _END, "е", text)
    text = re.sub(r"(?<=[^аеєиіоуюя])ая" + _END, "а", text)
    text = re.sub(r"(?<=[^аеєиіоуюя])яя" + _END, "я", text)  # Нижня Тура
    # -ск, -цк -> -ськ, -цьк at the end of a word or before an adjective ending,
    # and -сск -> -ськ (Новочеркаськ, Черкеськ; not Рассказово).
    text = re.sub(r"(?<=[сц])к(?=(?:[іи]й|а|е|і)?" + _END + "|о-)", "ьк", text)
    text = re.sub(r"сськ", "ськ", text)
    text = re.sub(r"(?<=[Ее])ц" + _END, "ць", text)
    text = re.sub(r"[^\s-]+", lambda m: _ev_suffix(m.group()), text)
    return _yat(text)
