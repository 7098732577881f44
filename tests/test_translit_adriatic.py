"""Albanian, Croatian and Slovene place names in Ukrainian (``scripts/adriatic_uk.py``):
the sources' own examples, the names the data already has, and each rule of the
module's docstring."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import geopandas as gpd
import pytest
from tools import script

ROOT = Path(__file__).resolve().parent.parent


adriatic_uk = script("adriatic_uk")
bg_uk = script("bg_uk")
sq_to_uk, hr_to_uk, sl_to_uk = adriatic_uk.sq_to_uk, adriatic_uk.hr_to_uk, adriatic_uk.sl_to_uk

_UKRAINIAN = re.compile(r"[А-ЩЬЮЯҐЄІЇа-щьюяґєії’][А-ЩЬЮЯҐЄІЇа-щьюяґєії’ -]*")
_ALBANIAN = ["a", "b", "c", "ç", "d", "dh", "e", "ë", "f", "g", "gj", "h", "i", "j", "k", "l",
             "ll", "m", "n", "nj", "o", "p", "q", "r", "rr", "s", "sh", "t", "th", "u", "v",
             "x", "xh", "y", "z", "zh"]  # fmt: skip
_CROATIAN = ["a", "b", "c", "č", "ć", "d", "dž", "đ", "e", "f", "g", "h", "i", "j", "k", "l",
             "lj", "m", "n", "nj", "o", "p", "r", "s", "š", "t", "u", "v", "z", "ž"]  # fmt: skip
_SLOVENE = [c for c in _CROATIAN if c not in ("ć", "đ")]


# ------------------------------------------------------------------ Albanian


@pytest.mark.parametrize(
    ("albanian", "ukrainian"),
    [
        ("Alpet e Shqipnis së Veriut", "Альпет-е-Шкіпніс-се-Веріут"),
        ("Fani i Madh", "Фані-і-Мад"),
        ("Fani i Vogël", "Фані-і-Вогель"),
    ],
)
def test_the_albanian_rules_of_2013_spell_their_own_examples(albanian, ukrainian):
    assert sq_to_uk(albanian) == ukrainian


@pytest.mark.parametrize(
    ("albanian", "ukrainian"),
    [
        ("Tirana", "Тирана"),  # CLDR
        ("Librazhd", "Лібражд"),  # GeoNames' Ukrainian alternates in the data
        ("Bulqizë", "Булькіза"),
        ("Vlorë", "Вльора"),  # GeoNames' alternates
        ("Fushë-Krujë", "Фуше-Круя"),
        ("Durrës", "Дуррес"),
        ("Shkodër", "Шкодер"),
        ("Korçë", "Корча"),
        ("Sarandë", "Саранда"),
        ("Elbasan", "Ельбасан"),
        ("Kukës", "Кукес"),
        ("Krujë", "Круя"),
        ("Kavajë", "Кавая"),
        ("Kuçovë", "Кучова"),
        ("Lezhë", "Лежа"),
        ("Pogradec", "Поградец"),
        ("Berat", "Берат"),
        ("Patos", "Патос"),
    ],
)
def test_albanian_towns_come_out_as_their_ukrainian_names_in_use(albanian, ukrainian):
    assert sq_to_uk(albanian) == ukrainian


@pytest.mark.parametrize(
    ("albanian", "ukrainian"),
    [
        # the Russian table's examples, in Ukrainian letters
        ("Livadhja", "Лівадья"),  # dh д; j after д is ь
        ("Kthella", "Ктела"),  # th т, ll л
        # the digraphs and the letters with marks
        ("Xhafzotaj", "Джафзотай"),  # xh дж, z з, j й at the end
        ("Zharrëz", "Жаррез"),  # zh ж, rr рр between vowels
        ("Rrogozhinë", "Рогожина"),  # rr р at a word's start
        ("Vushtrri", "Вуштрі"),  # ... and after a consonant
        ("Çorovodë", "Чоровода"),  # ç ч
        ("Cakran", "Цакран"),  # c ц
        ("Xarrë", "Дзарра"),  # x дз
        ("Himarë", "Хімара"),  # h х
        ("Kryemadh", "Крюемад"),  # y ю
        # soft gj, q, nj, l: я, ьо, ю, є (е after l), і; ь after nj, l alone
        ("Gjakovë", "Гякова"),
        ("Gjegjan", "Гєгян"),
        ("Gjorm", "Гьорм"),
        ("Gjirokastër", "Гірокастер"),
        ("Qafë", "Кяфа"),
        ("Qeparo", "Кєпаро"),
        ("Peqin", "Пекін"),
        ("Leposaviq", "Лепосавік"),  # q alone: к
        ("Lushnjë", "Люшня"),
        ("Konjë", "Коня"),
        ("Njësi", "Нєсі"),
        ("Vlorë", "Вльора"),
        ("Laç", "Ляч"),
        ("Lura", "Люра"),
        ("Lezhë", "Лежа"),
        ("Delvinë", "Дельвіна"),
        ("Ksamil", "Ксаміль"),
        ("Llazicë", "Лазіца"),  # ll is hard
        # j: я, є, ю, йо at the start and after a vowel
        ("Jubë", "Юба"),
        ("Podujevë", "Подуєва"),
        ("Pejë", "Пея"),
        ("Skënderaj", "Скендерай"),
    ],
)  # fmt: skip
def test_albanian_letters(albanian, ukrainian):
    assert sq_to_uk(albanian) == ukrainian


@pytest.mark.parametrize(
    ("albanian", "ukrainian"),
    [
        # the last ë of a name is а, я after a soft consonant or j
        ("Tiranë", "Тирана"), ("Tirana", "Тирана"),  # either form, one name
        ("Mitrovicë", "Мітровіца"), ("Kolë", "Коля"),
        # inside a name it is е (the 2013 rules' «се»; Фуше-Круя)
        ("Fushë Kosovë", "Фуше-Косова"), ("Përmet", "Пермет"), ("Shëngjin", "Шенгін"),
        # after a vowel: е, є after і
        ("Fier", "Фієр"),
    ],
)  # fmt: skip
def test_albanian_e_with_diaeresis(albanian, ukrainian):
    assert sq_to_uk(albanian) == ukrainian


@pytest.mark.parametrize(
    ("albanian", "ukrainian"),
    [
        ("Ksamil", "Ксаміль"),  # і after a consonant
        ("Tirana", "Тирана"),  # и after т before a consonant (Тибет)
        ("Shtime", "Штиме"),
        ("Dibër", "Дибер"),  # ... after д
        ("Prishtinë", "Приштина"),  # -ри- before a consonant (Мадрид)
        ("Ferizaj", "Феризай"),
        ("Çiflik", "Чифлік"),  # ... after ч, ш, ж, ц, дж before a consonant (Алжир)
        ("Xhixha", "Джиджа"),
        ("Shijak", "Шіяк"),  # і before j and a vowel
        ("Vushtrri", "Вуштрі"),  # і at the end
        ("Fieri", "Фієрі"),
        ("Isuf", "Ісуф"),  # і at the start
        ("Kukësia", "Кукесія"),  # і before a vowel, a name's -ia -ія
        ("Veriut", "Веріут"),  # ... inside a word і and the vowel
        ("Bajram Curri", "Байрам-Цуррі"),
        ("Shkodrai", "Шкодраї"),  # ї after a vowel
    ],
)
def test_albanian_i(albanian, ukrainian):
    assert sq_to_uk(albanian) == ukrainian


def test_a_name_of_several_albanian_words_is_hyphenated():
    assert sq_to_uk("Patos Fshat") == "Патос-Фшат"
    assert sq_to_uk("Fushë-Krujë") == "Фуше-Круя"
    assert sq_to_uk("Fani i Madh") == "Фані-і-Мад"  # a lower-case particle stays so


@pytest.mark.parametrize(
    ("name", "alternates", "indefinite"),
    [
        ("Durrësi", "Durrës;Durrësi;Durazzo", "Durrës"),
        ("Fieri", "Fier;Fjeri", "Fier"),
        ("Shkodra", "Shkodër;Skadar", "Shkodër"),
        ("Vlora", "Vlorë;Valona", "Vlorë"),
        ("Tirana", "Tiranë;Тирана", "Tiranë"),
        ("Vushtrri", "Vučitrn;Вучитрн", "Vushtrri"),  # its -i is its own
        ("Durrës", "Durrësi", "Durrës"),  # already indefinite
        ("Elbasani", "", "Elbasani"),  # nothing vouches for Elbasan
        ("Kukësi", ["Kukës"], "Kukës"),  # a list will do
    ],
)
def test_sq_indefinite_takes_the_indefinite_form_geonames_lists(name, alternates, indefinite):
    assert adriatic_uk.sq_indefinite(name, alternates) == indefinite


def test_definite_and_indefinite_forms_give_one_ukrainian_name():
    for name, alternates in (("Durrësi", "Durrës"), ("Vlora", "Vlorë"), ("Tirana", "Tiranë")):
        one = sq_to_uk(adriatic_uk.sq_indefinite(name, alternates))
        assert one == sq_to_uk(alternates), name


def test_a_serbian_name_is_not_spelt_as_albanian():
    with pytest.raises(ValueError, match="Zvečan"):
        sq_to_uk("Zvečan")


# ------------------------------------------------------------------ Croatian, Slovene


@pytest.mark.parametrize(
    ("croatian", "ukrainian"),
    [
        ("Zagreb", "Загреб"), ("Zadar", "Задар"), ("Rijeka", "Рієка"), ("Osijek", "Осієк"),
        ("Pula", "Пула"), ("Požega", "Пожега"), ("Dubrovnik", "Дубровник"),
        ("Šibenik", "Шибеник"), ("Split", "Сплит"), ("Varaždin", "Вараждин"),  # i и
        ("Vinkovci", "Винковці"), ("Koprivnica", "Копривниця"),  # -ci -ці, -ica -иця
        ("Đakovo", "Джаково"), ("Zaprešić", "Запрешич"),  # đ дж, ć ч
        ("Karlovac", "Карловац"), ("Vukovar", "Вуковар"),
        ("Slavonski Brod", "Славонський Брод"), ("Velika Gorica", "Велика Гориця"),
        ("Donji Miholjac", "Доній Михоляц"),
        ("Bjelovar", "Б’єловар"),  # bg_uk's apostrophe after a labial
        ("Čakovec", "Чаковець"), ("Vrbovec", "Врбовець"),  # -ec -ець
    ],
)  # fmt: skip
def test_croatian_names(croatian, ukrainian):
    assert hr_to_uk(croatian) == ukrainian


@pytest.mark.parametrize(
    ("slovene", "ukrainian"),
    [
        ("Ljubljana", "Любляна"), ("Maribor", "Марибор"), ("Kranj", "Крань"),
        ("Celje", "Целє"), ("Velenje", "Веленє"), ("Trbovlje", "Трбовлє"),
        ("Ptuj", "Птуй"), ("Koper", "Копер"), ("Novo Mesto", "Ново Место"),
        ("Murska Sobota", "Мурська Собота"), ("Nova Gorica", "Нова Гориця"),
        ("Škofja Loka", "Шкоф’я Лока"), ("Slovenj Gradec", "Словень Градець"),
        ("Idrija", "Ідрія"), ("Izola", "Ізола"),
    ],
)  # fmt: skip
def test_slovene_names(slovene, ukrainian):
    assert sl_to_uk(slovene) == ukrainian


def test_croatian_and_slovene_are_bg_uks_serbian_but_for_ec():
    cities = gpd.read_file(ROOT / "data" / "cities.fgb", columns=["name_en", "country"])
    towns = cities[cities["country"].isin(["HRV", "SVN"])]
    assert len(towns) > 30
    for row in towns.itertuples():
        to_uk = hr_to_uk if row.country == "HRV" else sl_to_uk
        if row.name_en.endswith("ec"):
            assert to_uk(row.name_en) == bg_uk.sr_to_uk(row.name_en) + "ь"
        else:
            assert to_uk(row.name_en) == bg_uk.sr_to_uk(row.name_en), row.name_en


@pytest.mark.parametrize(
    ("to_uk", "name"),
    [(hr_to_uk, "Quarnero"), (hr_to_uk, "Gjakovë"), (sl_to_uk, "Zaprešić"), (sl_to_uk, "Đakovo")],
)
def test_a_letter_the_alphabet_lacks_is_refused_by_name(to_uk, name):
    with pytest.raises(ValueError, match=re.escape(repr(name))):
        to_uk(name)


# ------------------------------------------------------------------ every letter


@pytest.mark.parametrize(
    ("to_uk", "alphabet"), [(sq_to_uk, _ALBANIAN), (hr_to_uk, _CROATIAN), (sl_to_uk, _SLOVENE)]
)
def test_every_letter_in_every_position_is_ukrainian(to_uk, alphabet):
    for letter in alphabet:
        for word in (letter + "a", "a" + letter + "a", "a" + letter, "k" + letter, letter + "k",
                     letter + "ë" if to_uk is sq_to_uk else letter + "e"):  # fmt: skip
            for name in (word.capitalize(), "Nova " + word.capitalize()):
                assert _UKRAINIAN.fullmatch(to_uk(name)), (name, to_uk(name))


# ------------------------------------------------------------------ one town


@pytest.mark.parametrize(
    ("country", "name_en", "alternates", "ukrainian"),
    [
        ("ALB", "Durrës", "Durrësi;Durazzo;Дуррес", "Дуррес"),
        ("ALB", "Durrësi", "Durrës;Durazzo", "Дуррес"),  # the definite form
        ("HRV", "Čakovec", "", "Чаковець"),
        ("SVN", "Kranj", "Krainburg", "Крань"),
        # a letter the language lacks: no name
        ("HRV", "Quarnero", "", ""),
        ("ALB", "Zvečan", "", ""),
    ],
)
def test_adriatic_to_uk_names_one_town(country, name_en, alternates, ukrainian):
    assert adriatic_uk.adriatic_to_uk(country, name_en, alternates) == ukrainian


def test_adriatic_to_uk_refuses_another_country_by_name():
    with pytest.raises(ValueError, match="'SRB'"):
        adriatic_uk.adriatic_to_uk("SRB", "Niš", "Ниш")


def test_every_town_of_the_three_countries_is_named_in_ukrainian_letters():
    cities = gpd.read_file(
        ROOT / "data" / "cities.fgb", columns=["name_en", "alt_names", "country"]
    )
    towns = cities[cities["country"].isin(list(adriatic_uk.COUNTRIES))]
    assert len(towns) == 57  # Albania 24, Croatia 24, Slovenia 9
    for row in towns.itertuples():
        name = adriatic_uk.adriatic_to_uk(row.country, row.name_en, row.alt_names)
        assert _UKRAINIAN.fullmatch(name), (row.name_en, name)


def test_the_sourced_names_the_rules_give_and_those_they_do_not():
    """The module docstring's checks: of the three countries' towns the data already
    names (CLDR, GeoNames, GNOME, KStars), the rules give these 11 names, and spell
    the other 10 otherwise (и for і, the indefinite Gjirokastër and Fier, ље лє)."""
    cities = gpd.read_file(ROOT / "data" / "cities.fgb")
    named = cities[cities["country"].isin(list(adriatic_uk.COUNTRIES)) & (cities["name_uk"] != "")
                   & (cities["name_uk_source"] != "transcribed")]  # fmt: skip
    got = {
        r.name_en: adriatic_uk.adriatic_to_uk(r.country, r.name_en, r.alt_names) == r.name_uk
        for r in named.itertuples()
    }
    assert {n for n, same in got.items() if same} == {
        "Tirana", "Librazhd", "Bulqizë", "Zagreb", "Zadar", "Rijeka", "Osijek", "Pula",
        "Požega", "Dubrovnik", "Ljubljana",
    }  # fmt: skip
    assert {n for n, same in got.items() if not same} == {
        "Gjirokastër", "Fier", "Split", "Vinkovci", "Varaždin",
        "Solin", "Sisak", "Koprivnica", "Maribor", "Celje",
    }  # fmt: skip


def test_the_modules_docstring_examples_hold():
    assert doctest.testmod(adriatic_uk).failed == 0
