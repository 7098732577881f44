"""Tests for ``scripts/turkic_uk.py``: Kazakh place names in Ukrainian from the
Kazakh spelling picked among GeoNames' alternates; Azerbaijan, Turkmenistan and
Uzbekistan left unnamed (no Ukrainian transcription of their languages found)."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest
from tools import script

ROOT = Path(__file__).resolve().parent.parent


turkic_uk = script("turkic_uk")

# GeoNames' records of the data's Kazakh towns (data/cities.fgb): name_en, alt_names.
ZHANAOZEN = (
    "Zhanaozen",
    "Novyj Uzen';Novyy Uzen’;Schangaoesen;Schangaösen;Zhangaoezen;Zhangaozen;Zhangaözen;"
    "Zhaңaөzen;Жанаозен;Жаңаөзен;Новый Узень",
)
SHALQAR = ("Shalqar", "Chelkar;Shalkar;Челкар;Шалкар;Шалқар")
SHALKAR = ("Shalkar", "Chalkhar;Шалкар")
ORAL = (
    "Oral",
    "O'ral;Orala;Oralas;Oural;Ural's'k;Ural'sk;Uralsk;Ural’sk;awral;awral  kazakhstan;"
    "awral  qazqstan;awral  qzaqstan;olal;oraru;wu la er;Орал;Уралск;Уральск;Уральськ;Җаек",
)
KANDYAGASH = (
    "Kandyagash",
    "Kandagach;Kandagash;Kandyagach;Oktjabr'sk;Oktyabr';Oktyabr'sk;Oktyabr’;Oktyabr’sk;"
    "Qandyaghash;Кандыагач;Кандыагаш;Октябрьск;Қандыағаш",
)
MANGISTAU = (
    "Mangistau",
    "Mangghyshlaq;Mangghystau;Mangghystaū;Manghyshlaq;Mangyshlak;Мангистау;Мангышлак;Маңғыстау",
)
QULSARY = ("Qulsary", "Kol'sary;Kul'sari;Kul'sary;Кульсары;Құлсары")
KHROMTAU = ("Khromtau", "Khrom-Tai;Khromtaū;Хромтау")
EMBI = ("Embi", "Amba;Ehmba;Emba;Jembi;Jemby;amby  qzaqstan;enba;Емба;Эмба;Җимбе")
ATYRAU = (
    "Atyrau",
    "Aterau;Atirau;Atirav;Atiraw;Atorau;Aturau;Atyraou;Atyraw;Atyraū;Atîrau;Atõrau;Atırau;"
    "Atırav;Atıraw;Chapayev;Gur'yev;Gurev;Guriev;Gur’yev;a te lao;atilau;atira'u;atyara'u;"
    "atyrayw  qzaqstan;yatraw;Атирау;Атърау;Атырау",
)
AKTOBE = (
    "Aktobe",
    "Aktioube;Aktioubé;Aktiube;Aktiubinsk;Aktjubinsk;Aktoebe;Aktubinsk;Aktyubinsk;Aktöbe;"
    "Aktөbe;Aktөbə;Aktөbө;Aqtobe;Aqtoebe;Aqtóbe;Aqtöbe;Ukhtiubinskii;a ke tuo bi;agtoebe;"
    "akatobe;aktwby;akutobe;Актобе;Актюбинск;Актөбе;Актөбә;Актөбө;Ақтөбе",
)
AKTAU = (
    "Aktau",
    "Akhtau;Aktaou;Aktauskiy;Aktav;Aqtau;Aqtaw;Aqtaū;Shevchenko;a ke tao;agtau;akata'u;"
    "akta'u;aktaw;akutau;aqata'u;yaqtaw;Актау;Ақтау;Шевченко",
)
AQSAY = ("Aqsay", "Aksaj;Aksay;Аксай;Ақсай")


def test_the_module_examples_hold():
    assert doctest.testmod(turkic_uk).failed == 0


# ------------------------------------------------------------------ Kazakh letters


@pytest.mark.parametrize(
    ("kazakh", "reduced"),
    [
        # Kazakhstan's rules for the Russian form of Kazakh geographic names, their examples
        ("Ақсу", "Аксу"),  # 1.1, қ к
        ("Ақтау", "Актау"),
        ("Әжі", "Ажи"),  # 1.2, ә а; і и
        ("Әлімтау", "Алимтау"),
        ("Егізтөбе", "Егизтобе"),  # 1.3
        ("Игілік", "Игилик"),  # 1.4
        ("Өжет", "Ожет"),  # 1.5, ө о
        ("Уақ", "Уак"),  # 1.6
        ("Көксу", "Коксу"),
        # ұ, ү у and ғ г, as the instruction for personal names has them
        ("Құлсары", "Кулсары"),
        ("Түркістан", "Туркистан"),
        ("Қарағанды", "Караганды"),
        ("Маңғыстау", "Мангыстау"),  # ң н
    ],
)
def test_kazakh_letters_are_replaced_as_kazakhstans_rules_for_the_russian_form_do(kazakh, reduced):
    assert turkic_uk.reduce_kazakh(kazakh) == reduced


def test_the_rules_example_olenty_is_not_followed_for_a_final_i():
    # Өлеңті – Оленты writes ы for the final і; the rule's other examples write и
    assert turkic_uk.reduce_kazakh("Өлеңті") == "Оленти"


# ------------------------------------------------------------------ Ukrainian


@pytest.mark.parametrize(
    ("kazakh", "ukrainian"),
    [
        # CLDR's Ukrainian exemplar cities
        ("Ақтөбе", "Актобе"),
        ("Орал", "Орал"),
        ("Атырау", "Атирау"),
        ("Ақтау", "Актау"),
        # KDE's Ukrainian KGeography map of Kazakhstan
        ("Маңғыстау", "Мангистау"),
        ("Қызылорда", "Кизилорда"),
        ("Шымкент", "Шимкент"),
        ("Қарағанды", "Караганди"),
        ("Қостанай", "Костанай"),
        ("Алматы", "Алмати"),
        ("Тараз", "Тараз"),
        ("Павлодар", "Павлодар"),
        ("Астана", "Астана"),
    ],
)
def test_kazakh_names_come_out_as_the_ukrainian_names_in_use(kazakh, ukrainian):
    assert turkic_uk.kk_to_uk(kazakh) == ukrainian


@pytest.mark.parametrize(
    ("kazakh", "ukrainian"),
    [
        ("Атырау", "Атирау"),  # ы и
        ("Теміртау", "Теміртау"),  # і (Russian-alphabet и) і
        ("Игілік", "Ігілік"),  # і at the start of a word
        ("Аиртау", "Аїртау"),  # ї after a vowel
        ("Шілік", "Шилік"),  # и after ш before a consonant ...
        ("Шиелі", "Шіелі"),  # ... і before a vowel
        ("Екібастұз", "Екібастуз"),  # е at the start stays е: Kazakh is not Slavic
        ("Ембі", "Ембі"),
        ("Сарыағаш", "Сариагаш"),
        ("Кульсары", "Кульсари"),  # ь after л stays
        ("Қызыл-Орда", "Кизил-Орда"),  # a hyphen stays, each part capitalised as written
    ],
)
def test_the_ukrainian_letters_follow_the_rules_for_cyrillic_names(kazakh, ukrainian):
    assert turkic_uk.kk_to_uk(kazakh) == ukrainian


def test_the_rules_for_russian_words_are_not_applied_to_kazakh_names():
    # ru_uk would write Бєл- (a Russian root with ять) and Є- at the start
    assert turkic_uk.kk_to_uk("Белағаш") == "Белагаш"
    assert turkic_uk.kk_to_uk("Есік") == "Есік"


def test_kk_to_uk_names_a_wrong_argument():
    with pytest.raises(TypeError, match="kk_to_uk: expected a str, got NoneType"):
        turkic_uk.kk_to_uk(None)


# ------------------------------------------------------------------ GeoNames' alternates


@pytest.mark.parametrize(
    ("record", "kazakh"),
    [
        (ZHANAOZEN, "Жаңаөзен"),  # the Kazakh spelling over the Russian Жанаозен
        (QULSARY, "Құлсары"),  # ... over Кульсары
        (MANGISTAU, "Маңғыстау"),  # y and i one for a Kazakh alternate: Mangistau
        (KANDYAGASH, "Қандыағаш"),  # name_en from the Russian form, Kandyagash
        (SHALQAR, "Шалқар"),
        (AKTOBE, "Ақтөбе"),  # not Актөбә nor Актөбө, which do not romanize to Aktobe
        (AKTAU, "Ақтау"),
        (AQSAY, "Ақсай"),
        (ORAL, "Орал"),  # no Kazakh letter: the one that romanizes to name_en
        (SHALKAR, "Шалкар"),
        (KHROMTAU, "Хромтау"),
        (ATYRAU, "Атырау"),  # not Атирау: a Russian-alphabet и is not ы
        (EMBI, None),  # Емба and Эмба are not Embi
    ],
)
def test_kazakh_original_is_the_kazakh_alternate_that_romanizes_to_name_en(record, kazakh):
    assert turkic_uk.kazakh_original(*record) == kazakh


def test_kazakh_original_is_none_when_the_alternates_disagree():
    # ы and и are one in the match, not in the name
    assert turkic_uk.kazakh_original("Kyzylzhar", "Қызылжар;Қизилжар") is None
    # alternates that differ in a hyphen: the one spaced as name_en
    assert turkic_uk.kazakh_original("Kyzylzhar", "Қызыл-Жар;Қызылжар") == "Қызылжар"
    # alternates that agree once their Kazakh letters are replaced: any will do
    assert turkic_uk.reduce_kazakh(turkic_uk.kazakh_original("Aksu", "Ақсу;Ақсұ")) == "Аксу"
    assert turkic_uk.kazakh_original("Aksu", ["Ақсу"]) == "Ақсу"  # a list will do
    assert turkic_uk.kazakh_original("Aksu", float("nan")) is None  # pandas' no value


# ------------------------------------------------------------------ entry point


@pytest.mark.parametrize(
    ("record", "ukrainian"),
    [(AKTOBE, "Актобе"), (ORAL, "Орал"), (ATYRAU, "Атирау"), (AKTAU, "Актау")],
)
def test_the_data_s_kazakh_records_give_the_ukrainian_names_cldr_gives(record, ukrainian):
    assert turkic_uk.turkic_to_uk("KAZ", *record) == ukrainian


@pytest.mark.parametrize(
    ("record", "ukrainian"),
    [
        (ZHANAOZEN, "Жанаозен"),
        (QULSARY, "Кулсари"),
        (AQSAY, "Аксай"),
        (MANGISTAU, "Мангистау"),
        (KANDYAGASH, "Кандиагаш"),
        (SHALQAR, "Шалкар"),
        (SHALKAR, "Шалкар"),
        (KHROMTAU, "Хромтау"),
        (EMBI, ""),  # no Kazakh spelling of Embi: unnamed
    ],
)
def test_the_data_s_unnamed_kazakh_towns_are_named_or_left_unnamed(record, ukrainian):
    assert turkic_uk.turkic_to_uk("KAZ", *record) == ukrainian


@pytest.mark.parametrize(
    ("country", "name_en", "alt_names"),
    [
        ("AZE", "Khirdalan", "Hirdalan;Hırdalan;Khurdalan;Khyrdalan;Xirdalan;Хырдалан"),
        ("AZE", "Şirvan", "Shirvan;Sirvan;Сирван;Ширван"),
        ("AZE", "Yevlakh", "Evlakh;Yevlax;Евлах;Евлох"),
        ("TKM", "Daşoguz", "Dashoguz;Dasoguz;Дашогуз"),
        ("UZB", "Qŭnghirot", "Kungirot;Kungrad;Qunghirot"),
    ],
)
def test_azerbaijan_turkmenistan_and_uzbekistan_are_left_unnamed(country, name_en, alt_names):
    assert country in turkic_uk.LEFT_OUT
    assert turkic_uk.turkic_to_uk(country, name_en, alt_names) == ""


def test_a_country_no_rule_knows_is_an_error_that_names_it():
    with pytest.raises(ValueError, match="country 'TUR' is not one of"):
        turkic_uk.turkic_to_uk("TUR", "Tarsus", "")
