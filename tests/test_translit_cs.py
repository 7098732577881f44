"""Czech and Slovak place names by the Ukrainian practical transcription
(``scripts/cs_uk.py``): the sources' own examples, the names the data already
has, and each rule of the module's docstring."""

from __future__ import annotations

import re
from pathlib import Path

import geopandas as gpd
import pytest
from tools import script

ROOT = Path(__file__).resolve().parent.parent
cs_uk = script("cs_uk")
cs_to_uk, sk_to_uk = cs_uk.cs_to_uk, cs_uk.sk_to_uk

_UKRAINIAN = re.compile(r"[А-ЩЬЮЯҐЄІЇа-щьюяґєії’][А-ЩЬЮЯҐЄІЇа-щьюяґєії’ -]*")
_CZECH = "aábcčdďeéěfghiíjklmnňoópqrřsštťuúůvwxyýzž"
_SLOVAK = "aáäbcčdďeéfghiíjklĺľmnňoóôpqrŕsštťuúvwxyýzž"


@pytest.mark.parametrize(
    ("to_uk", "native", "ukrainian"),
    [
        # the 1993 orthography's West Slavic names: y is и; i is и after a
        # hushing consonant and in -ик-, -иц-, -ич-, і elsewhere; e, ě are е
        (cs_to_uk, "Brandýs", "Брандис"),
        (cs_to_uk, "Tyl", "Тил"),
        (cs_to_uk, "Mysliveček", "Мисливечек"),
        (sk_to_uk, "Šafárik", "Шафарик"),
        (cs_to_uk, "Žižka", "Жижка"),
        (sk_to_uk, "Trenčín", "Тренчин"),
        (cs_to_uk, "Masaryk", "Масарик"),
        (cs_to_uk, "Havlíček", "Гавлічек"),
        (sk_to_uk, "Mináč", "Мінач"),
        (sk_to_uk, "Poničan", "Понічан"),
        (sk_to_uk, "Timrava", "Тімрава"),
        (cs_to_uk, "Sedláček", "Седлачек"),
        (cs_to_uk, "Čapek", "Чапек"),
        # ... its surnames: і at the start and after a consonant, и after a
        # hushing consonant and in -ик, -ич; -ý is -ий
        (cs_to_uk, "Indra", "Індра"),
        (cs_to_uk, "Jedlička", "Єдлічка"),
        (cs_to_uk, "Mičátek", "Мічатек"),
        (cs_to_uk, "Havlík", "Гавлик"),
        (cs_to_uk, "Fučík", "Фучик"),
        (cs_to_uk, "Nejedlý", "Неєдлий"),
        (cs_to_uk, "Novotný", "Новотний"),
        (cs_to_uk, "Nevrlý", "Неврлий"),
        (cs_to_uk, "Palacký", "Палацький"),
        # "Український правопис XXI" § 120: е, ě are е
        (sk_to_uk, "Nové Mesto", "Нове Место"),
        (cs_to_uk, "Poděbrady", "Подебради"),
    ],
)
def test_the_orthographys_examples(to_uk, native, ukrainian):
    assert to_uk(native) == ukrainian


@pytest.mark.parametrize(
    ("native", "ukrainian"),
    [
        ("Majerová", "Маєрова"),
        ("Kňažek", "Княжек"),
        ("Hornictví", "Горніцтві"),
        ("Čaloud", "Чалоуд"),
        ("Šeďkova", "Шедькова"),
        ("Ďubinka", "Дюбінка"),
        ("Sládek", "Сладек"),
        ("Grafek", "Графек"),
        ("Praha", "Прага"),
        ("Flajšhans", "Флайшганс"),
        ("Pichlík", "Піхлик"),
        ("Balajka", "Балайка"),
        ("Ondřej", "Ондржей"),
        ("Janeček", "Янечек"),
        ("Svojanov", "Своянов"),
    ],
)
def test_the_czech_ukrainian_tables_examples(native, ukrainian):
    assert cs_to_uk(native) == ukrainian


@pytest.mark.parametrize(
    ("to_uk", "native", "ukrainian"),
    [
        (cs_to_uk, "Praha", "Прага"),
        (cs_to_uk, "Brno", "Брно"),
        (cs_to_uk, "Ostrava", "Острава"),
        (cs_to_uk, "Olomouc", "Оломоуц"),
        (cs_to_uk, "Zlín", "Злін"),
        (cs_to_uk, "Písek", "Пісек"),
        (cs_to_uk, "Vsetín", "Всетін"),
        (cs_to_uk, "Havířov", "Гавіржов"),
        (cs_to_uk, "Ústí nad Labem", "Усті-над-Лабем"),
        (sk_to_uk, "Bratislava", "Братислава"),
        (sk_to_uk, "Košice", "Кошице"),
        (sk_to_uk, "Poprad", "Попрад"),
        (sk_to_uk, "Žilina", "Жиліна"),
        (sk_to_uk, "Nitra", "Нітра"),
        (sk_to_uk, "Martin", "Мартін"),
        (sk_to_uk, "Trebišov", "Требішов"),
        (sk_to_uk, "Lučenec", "Лученець"),
    ],
)
def test_the_ukrainian_names_the_data_has_are_the_rules(to_uk, native, ukrainian):
    assert to_uk(native) == ukrainian


def test_traditional_names_are_not_derived():
    assert sk_to_uk("Prešov") == "Прешов"  # the data's Пряшів is a traditional name
    assert sk_to_uk("Michalovce") == "Міхаловце"  # Михайлівці


@pytest.mark.parametrize(
    ("to_uk", "native", "ukrainian"),
    [
        # an adjective before its noun is apart, its -ý, -á, -é -ий, -а, -е
        (sk_to_uk, "Banská Bystrica", "Банська Бистриця"),
        (sk_to_uk, "Nové Zámky", "Нове Замки"),
        (sk_to_uk, "Spišská Nová Ves", "Спішська Нова Вес"),
        (sk_to_uk, "Liptovský Mikuláš", "Ліптовський Мікулаш"),
        (sk_to_uk, "Dunajská Streda", "Дунайська Стреда"),
        (cs_to_uk, "Uherské Hradiště", "Угерське Градіште"),
        (cs_to_uk, "Český Těšín", "Чеський Тешин"),
        (cs_to_uk, "Nový Jičín", "Новий Їчин"),
        (cs_to_uk, "Mladá Boleslav", "Млада Болеслав"),
        (cs_to_uk, "Jindřichův Hradec", "Їндржихув Градець"),
        # Slovak's short ending after a long syllable is an adjective's too
        (sk_to_uk, "Devínska Nová Ves", "Девінська Нова Вес"),
        (sk_to_uk, "Partizánske", "Партизанське"),
        (sk_to_uk, "Malacky", "Малацки"),  # a noun
        # a noun and the adjective after it: a hyphen
        (cs_to_uk, "Hradec Králové", "Градець-Кралове"),
        # a preposition: hyphens, and a feminine noun's instrumental -ou is -ою
        (cs_to_uk, "Jablonec nad Nisou", "Яблонець-над-Нісою"),
        (cs_to_uk, "Žďár nad Sázavou", "Ждяр-над-Сазавою"),
        (sk_to_uk, "Vranov nad Topľou", "Вранов-над-Топльою"),
        (sk_to_uk, "Nové Mesto nad Váhom", "Нове Место-над-Вагом"),
        (cs_to_uk, "Dvůr Králové nad Labem", "Двур-Кралове-над-Лабем"),
        (cs_to_uk, "Rožnov pod Radhoštěm", "Рожнов-под-Радгоштем"),
        (cs_to_uk, "Brandýs nad Labem-Stará Boleslav", "Брандис-над-Лабем-Стара-Болеслав"),
        (cs_to_uk, "Frýdek-Místek", "Фридек-Містек"),
    ],
)
def test_names_of_several_words(to_uk, native, ukrainian):
    assert to_uk(native) == ukrainian


@pytest.mark.parametrize(
    ("to_uk", "native", "ukrainian"),
    [
        # ř: рш after a voiceless consonant, рж elsewhere
        (cs_to_uk, "Třinec", "Тршинець"),
        (cs_to_uk, "Příbram", "Пршибрам"),
        (cs_to_uk, "Přerov", "Пршеров"),
        (cs_to_uk, "Kroměříž", "Кромержиж"),
        (cs_to_uk, "Břeclav", "Бржецлав"),
        (cs_to_uk, "Říčany", "Ржичани"),
        (cs_to_uk, "Pelhřimov", "Пелгржимов"),
        # ě and the long vowels lose their marks; ů is у
        (cs_to_uk, "Děčín", "Дечин"),
        (cs_to_uk, "Mělník", "Мелник"),
        (cs_to_uk, "Tábor", "Табор"),
        (cs_to_uk, "Havlíčkův Brod", "Гавлічкув Брод"),
        # ch, h, g
        (cs_to_uk, "Cheb", "Хеб"),
        (cs_to_uk, "Náchod", "Наход"),
        (sk_to_uk, "Galanta", "Галанта"),
        # j: й, and я, є, ї, йо, ю with the vowel after it
        (cs_to_uk, "Jihlava", "Їглава"),
        (cs_to_uk, "Jirkov", "Їрков"),
        (cs_to_uk, "Prostějov", "Простейов"),
        (cs_to_uk, "Znojmo", "Зноймо"),
        (sk_to_uk, "Rajec", "Раєць"),
        (sk_to_uk, "Kavuljak", "Кавульяк"),
        # di, ti, ni, li: і softens them
        (cs_to_uk, "Hodonín", "Годонін"),
        (cs_to_uk, "Litvínov", "Літвінов"),
        (cs_to_uk, "Chrudim", "Хрудім"),
        (sk_to_uk, "Snina", "Сніна"),
        # ď, ť, ň, ľ: я, ьо, ю after them, ь before a consonant and at the end
        (sk_to_uk, "Rožňava", "Рожнява"),
        (sk_to_uk, "Piešťany", "Пештяни"),
        (sk_to_uk, "Sereď", "Середь"),
        (cs_to_uk, "Kadaň", "Кадань"),
        (sk_to_uk, "Šaľa", "Шаля"),
        (sk_to_uk, "Topoľčany", "Топольчани"),
        (sk_to_uk, "Stará Ľubovňa", "Стара Любовня"),
        (sk_to_uk, "Kráľová", "Кральова"),
        (sk_to_uk, "Heľpa", "Гельпа"),
        # Slovak: ä е, ô уо, ĺ л, ŕ р, dz дз, dž дж; ia я, iu ю, ie е
        (sk_to_uk, "Svätý Jur", "Светий Юр"),
        (sk_to_uk, "Hôrka", "Гуорка"),
        (sk_to_uk, "Kĺčovo", "Клчово"),
        (sk_to_uk, "Kŕčava", "Крчава"),
        (sk_to_uk, "Medzev", "Медзев"),
        (sk_to_uk, "Prievidza", "Превідза"),
        (cs_to_uk, "Džbánov", "Джбанов"),
        (sk_to_uk, "Banská Štiavnica", "Банська Штявниця"),
        (sk_to_uk, "Čierna nad Tisou", "Черна-над-Тісою"),
        # y is и, i і: Bystrica, Nitra; и in -ic-, -ik, -ič after a root
        (sk_to_uk, "Považská Bystrica", "Поважська Бистриця"),
        (cs_to_uk, "Svitavy", "Світави"),
        (cs_to_uk, "Pardubice", "Пардубице"),
        (cs_to_uk, "Teplice", "Теплице"),
        (cs_to_uk, "Ústí nad Orlicí", "Усті-над-Орлиці"),
        (cs_to_uk, "Rakovník", "Раковник"),
        (cs_to_uk, "Třebíč", "Тршебич"),
        (sk_to_uk, "Pezinok", "Пезінок"),
        # -ec is -ець; Slovak -ica -иця, Czech -ice -ице
        (cs_to_uk, "Liberec", "Ліберець"),
        (cs_to_uk, "Žatec", "Жатець"),
        (sk_to_uk, "Hlohovec", "Глоговець"),
        (sk_to_uk, "Skalica", "Скалиця"),
        (sk_to_uk, "Senica", "Сениця"),
        (sk_to_uk, "Levice", "Левице"),
        (cs_to_uk, "Strakonice", "Страконице"),
    ],
)
def test_the_letters_and_endings(to_uk, native, ukrainian):
    assert to_uk(native) == ukrainian


@pytest.mark.parametrize(("to_uk", "alphabet"), [(cs_to_uk, _CZECH), (sk_to_uk, _SLOVAK)])
def test_every_letter_in_every_position_is_ukrainian(to_uk, alphabet):
    for letter in alphabet:
        for word in (letter + "a", "a" + letter + "a", "a" + letter, "k" + letter, letter + "k"):
            for name in (word.capitalize(), "Nová " + word.capitalize()):
                assert _UKRAINIAN.fullmatch(to_uk(name)), (name, to_uk(name))


def test_every_czech_and_slovak_town_in_the_data_comes_out_in_ukrainian_letters():
    cities = gpd.read_file(ROOT / "data" / "cities.fgb", columns=["name_en", "country"])
    towns = cities[cities["country"].isin(["CZE", "SVK"])]
    assert len(towns) > 100
    for row in towns.itertuples():
        to_uk = cs_to_uk if row.country == "CZE" else sk_to_uk
        assert _UKRAINIAN.fullmatch(to_uk(row.name_en)), row.name_en
