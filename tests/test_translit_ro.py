"""Tests for ``scripts/ro_uk.py``: Romanian place names in Ukrainian."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest
from tools import script

ROOT = Path(__file__).resolve().parent.parent


ro_uk = script("ro_uk")
ro_to_uk = ro_uk.ro_to_uk


@pytest.mark.parametrize(
    ("romanian", "ukrainian"),
    [
        # the examples of the 2001 instruction (part 3), one word at a time
        ("Piteşti", "Пітешть"),  # final i after a consonant is ь
        ("Cîmpia Crişurilor", "Кимпія-Крішурілор"),  # î is и; words hyphenated
        ("Culmea Brezei", "Кулмя-Брезей"),  # ea is я; ei is ей
        ("Dealul Visternei", "Дялул-Вістерней"),
        ("Lacu Roşu", "Лаку-Рошу"),
        ("Balta Lata", "Балта-Лата"),
        ("Podişul Casimcei", "Подішул-Касімчей"),  # ce is че
        # the letters
        ("Buzău", "Бузеу"),  # ă is е
        ("Râmnicu Vâlcea", "Римніку-Вилча"),  # â is и, cea is ча
        ("Hunedoara", "Хунедоара"),  # h is х, oa is оа
        ("Alexandria", "Александрія"),  # x is кс
        ("Sighişoara", "Сігішоара"),  # ghi is гі
        ("Sfântu Gheorghe", "Сфинту-Георге"),  # ghe is ге
        ("Ceaușescu", "Чаушеску"),  # cea is ча, ce before e/i/consonant че, cu ку
        ("Miercurea-Ciuc", "Мієркуря-Чук"),  # ciu is чу
        ("Ciceu", "Чичеу"),  # ... but ceu keeps its e
        ("Tecuci", "Текуч"),  # final ci is ч
        ("Giurgiu", "Джурджу"),  # giu is джу
        ("Geoagiu", "Джоаджу"),  # geo is джо
        ("Medgidia", "Меджидія"),  # dg is one дж
        ("Mangalia", "Мангалія"),  # g elsewhere is г
        # i
        ("Moineşti", "Мойнешть"),  # after a vowel before a consonant й
        ("Carei", "Карей"),  # ... and at the end
        ("Câmpia Turzii", "Кимпія-Турзій"),  # final ii is ій
        ("Viișoara", "Віїшоара"),  # i after i inside a word is ї
        ("Gura Văii", "Гура-Веїй"),  # ... and before one, after a vowel
        ("Paşcani", "Пашкань"),  # final i after н is ь
        ("Rădăuţi", "Редеуць"),  # ... after ц
        ("Huşi", "Хуші"),  # ... і where Ukrainian writes no ь
        ("Voluntari", "Волунтарі"),
        ("Reşiţa", "Решица"),  # и after ш, ж, ч, ц before a consonant
        ("Cisnădie", "Чиснедіє"),
        ("Iaşi", "Яші"),  # initial ia is я
        ("Iernut", "Єрнут"),  # initial ie is є
        ("Alba Iulia", "Алба-Юлія"),  # initial iu is ю, final ia after a consonant ія
        ("Ploieşti", "Плоєшть"),  # ie after a vowel is є
        ("Craiova", "Крайова"),  # io after a vowel is йо
        ("Baia Mare", "Бая-Маре"),  # ia after a vowel is я
        ("Odorheiu Secuiesc", "Одорхею-Секуєск"),  # iu after a vowel is ю
        ("Sibiu", "Сібіу"),  # final iu after a consonant is іу
        ("Orăştie", "Орештіє"),  # final ie after a consonant is іє
        ("Mediaş", "Медіаш"),  # ia inside a word after a consonant is іа
        ("Mioveni", "Міовень"),
        ("Oradea", "Орадя"),  # ea after a consonant is я
        ("Roman", "Роман"),
        ("Bârlad", "Бирлад"),
    ],
)
def test_romanian_letters_take_their_ukrainian_ones(romanian, ukrainian):
    assert ro_to_uk(romanian) == ukrainian


@pytest.mark.parametrize(
    ("romanian", "ukrainian"),
    [
        # the Romanian towns the data names from GNOME (gweather), KDE (kgeography)
        # or a GeoNames alternate, where the transcription gives the same name
        ("Constanţa", "Констанца"), ("Cluj-Napoca", "Клуж-Напока"), ("Braşov", "Брашов"),
        ("Timişoara", "Тімішоара"), ("Craiova", "Крайова"), ("Târgu Mureş", "Тиргу-Муреш"),
        ("Oradea", "Орадя"), ("Ploieşti", "Плоєшть"), ("Arad", "Арад"), ("Bacău", "Бакеу"),
        ("Sibiu", "Сібіу"), ("Satu Mare", "Сату-Маре"), ("Baia Mare", "Бая-Маре"),
        ("Buzău", "Бузеу"), ("Râmnicu Vâlcea", "Римніку-Вилча"), ("Suceava", "Сучава"),
        ("Drobeta-Turnu Severin", "Дробета-Турну-Северін"), ("Bistriţa", "Бістріца"),
        ("Târgu Jiu", "Тиргу-Жіу"), ("Deva", "Дева"), ("Târgovişte", "Тирговіште"),
        ("Tulcea", "Тулча"), ("Alba Iulia", "Алба-Юлія"), ("Slatina", "Слатіна"),
        ("Vaslui", "Васлуй"), ("Giurgiu", "Джурджу"), ("Zalău", "Залеу"),
        ("Sfântu Gheorghe", "Сфинту-Георге"), ("Medgidia", "Меджидія"), ("Câmpina", "Кимпіна"),
        ("Alexandria", "Александрія"), ("Mangalia", "Мангалія"),
        ("Odorheiu Secuiesc", "Одорхею-Секуєск"), ("Sighișoara", "Сігішоара"),
        ("Câmpia Turzii", "Кимпія-Турзій"), ("Buftea", "Буфтя"),
        ("Târgu Secuiesc", "Тиргу-Секуєск"), ("Corabia", "Корабія"), ("Mizil", "Мізіл"),
        ("Zimnicea", "Зімніча"),
        # GeoNames alternates in Ukrainian letters the data does not take
        ("Fălticeni", "Фелтічень"), ("Urziceni", "Урзічень"),
    ],
)  # fmt: skip
def test_the_transcription_gives_the_names_the_catalogues_give(romanian, ukrainian):
    assert ro_to_uk(romanian) == ukrainian


@pytest.mark.parametrize(
    ("cedilla", "comma"),
    [("Reşiţa", "Reșița"), ("Bistriţa", "Bistrița"), ("Târgu Mureş", "Târgu Mureș"),
     ("ŞIMLEU", "ȘIMLEU"), ("Ţăndărei", "Țăndărei")],
)  # fmt: skip
def test_s_and_t_with_a_cedilla_are_read_as_with_a_comma(cedilla, comma):
    assert ro_to_uk(cedilla) == ro_to_uk(comma)
    assert ro_to_uk("Ţăndărei") == "Цендерей"


def test_decomposed_letters_are_read_as_composed_ones():
    assert ro_to_uk("Baca\u0306u") == ro_to_uk("Bacău") == "Бакеу"
    assert ro_to_uk("Re\u0219i\u021ba") == "Решица"  # ș ț with a comma below
    assert ro_to_uk("Rașnov".replace("a", "a\u0302", 1)) == "Ришнов"


@pytest.mark.parametrize(
    ("romanian", "ukrainian"),
    [
        ("Curtea de Argeş", "Куртя-де-Арджеш"),  # a lower-case word stays lower-case
        ("Roșiorii de Vede", "Рошіорій-де-Веде"),
        ("Drobeta-Turnu Severin", "Дробета-Турну-Северін"),
        ("Popeşti - Leordeni", "Попешть-Леордень"),  # spaces around a hyphen go
        ("  Vatra   Dornei ", "Ватра-Дорней"),
        ("Fetești-Gară", "Фетешть-Гаре"),
    ],
)
def test_the_words_of_a_name_are_joined_by_hyphens(romanian, ukrainian):
    assert ro_to_uk(romanian) == ukrainian


def test_every_letter_comes_out_in_ukrainian_letters():
    letters = "aăâbcdefghiîjklmnopqrsștțuvwxyz"
    out = ro_to_uk(" ".join(a + b for a in letters for b in letters).title())
    ukrainian = set("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя’-")
    assert set(out.lower()) <= ukrainian, sorted(set(out.lower()) - ukrainian)


def test_the_module_examples_hold():
    assert doctest.testmod(ro_uk).failed == 0
