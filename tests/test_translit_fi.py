"""Finnish and Estonian place names by the practical transcription
(``scripts/fi_uk.py``): the sources' own examples, the names the data and the
translations already have, and each rule of the module's docstring."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import geopandas as gpd
import pytest
from tools import script

ROOT = Path(__file__).resolve().parent.parent
fi_uk = script("fi_uk")
fi_to_uk = fi_uk.fi_to_uk
et_to_uk = fi_uk.et_to_uk

_UKRAINIAN = re.compile(r"[А-ЩЬЮЯҐЄІЇ][а-щьюяґєії’]*(?:-[А-ЩЬЮЯҐЄІЇ][а-щьюяґєії’]*)*")


@pytest.mark.parametrize(
    ("finnish", "ukrainian"),
    [
        # the rows of the Finnish-Ukrainian table the stored copies keep
        ("Anna", "Анна"),
        ("Alava", "Алава"),
        ("Aulanko", "Ауланко"),  # "Ауланко/Авланко": ау, the form of every position
        ("Aarne", "Аарне"),
        ("Aalto", "Аалто"),
        ("Aavasaksa", "Аавасакса"),
        ("Koillismaa", "Койллісмаа"),  # ll stays лл
        ("Aili", "Айлі"),
        ("Kaitila", "Кайтіла"),
        ("Aitolahti", "Айтолагті"),  # h is г before a consonant too
        ("Lauerma", "Лауерма"),
    ],
)
def test_the_finnish_tables_examples(finnish, ukrainian):
    assert fi_to_uk(finnish) == ukrainian


@pytest.mark.parametrize(
    ("finnish", "ukrainian"),
    [
        # ä is я, е at the start of a word, and the start's ää is ее
        ("Jämsä", "Ямся"),
        ("Pieksämäki", "Пієксямякі"),
        ("Äänekoski", "Еенекоскі"),
        ("Ähtäri", "Егтярі"),
        # the second ä of ää and y of yy are а, у
        ("Järvenpää", "Ярвенпяа"),
        ("Lempäälä", "Лемпяаля"),
        ("Kruunupyy", "Круунупюу"),  # GNOME's Круунупюу
        ("Myyrmäki", "Мюурмякі"),
        # ö is е, öö ее (the orthography's Гете, Кельн)
        ("Ylöjärvi", "Юлеярві"),
        ("Töölö", "Тееле"),
        # y is ю, at the start too
        ("Ylivieska", "Юлівієска"),
        ("Kuusamo", "Куусамо"),
        # the second i, y of a diphthong or of ii is й
        ("Iisalmi", "Ійсалмі"),
        ("Riihimäki", "Рійгімякі"),
        ("Heinola", "Гейнола"),
        ("Loimaa", "Лоймаа"),
        ("Äyräpää", "Ейряпяа"),  # the Russian scheme's own example, Эйряпя
        # e after i is є; after another vowel е
        ("Lieto", "Лієто"),
        ("Joensuu", "Йоенсуу"),
        ("Valkeakoski", "Валкеакоскі"),
        # i before a vowel stays і
        ("Kuopio", "Куопіо"),
        ("Nokia", "Нокіа"),
    ],
)
def test_finnish_vowels(finnish, ukrainian):
    assert fi_to_uk(finnish) == ukrainian


@pytest.mark.parametrize(
    ("finnish", "ukrainian"),
    [
        # j with a vowel at the start and after a vowel: я, є, ї, йо, ю
        ("Jyväskylä", "Ювяскюля"),
        ("Janakkala", "Янаккала"),
        ("Joutseno", "Йоутсено"),
        ("Seinäjoki", "Сейняйокі"),
        ("Kajaani", "Каяані"),
        ("Nurmijärvi", "Нурміярві"),
        ("Pohjois-Hervanta", "Погйойс-Герванта"),  # no apostrophe before йо
        # ... after д, т, з, с, л, н: ь; after the other consonants: ’
        ("Anjala", "Аньяла"),
        ("Heljo", "Гельйо"),  # the orthography's мільйон
        ("Lohja", "Лог’я"),
        ("Pohjanmaa", "Пог’янмаа"),
        ("Tarjanne", "Тар’янне"),
        # ... and ’ where a compound's second part starts with j
        ("Siilinjärvi", "Сійлін’ярві"),
        ("Lapinjärvi", "Лапін’ярві"),
        ("Ounasjoki", "Оунасйокі"),
        # h is г everywhere (the orthography's Гельсінкі, the table's Айтолагті)
        ("Hämeenlinna", "Гямеенлінна"),
        ("Raahe", "Рааге"),
        ("Karhula", "Каргула"),
        ("Vihti", "Вігті"),
        # l is ль between a front vowel and a consonant, ll always лл
        ("Helsinki", "Гельсінкі"),
        ("Kälviä", "Кяльвія"),
        ("Iisalmi", "Ійсалмі"),  # after a back vowel: л
        ("Mellunkylä", "Меллункюля"),
        # the endings -la, -lä
        ("Kokkola", "Коккола"),
        ("Hollola", "Голлола"),
        ("Mäntsälä", "Мянтсяля"),
        ("Kittilä", "Кіттіля"),
        # doubled consonants stay doubled; ts is тс, ng нг
        ("Lappeenranta", "Лаппеенранта"),
        ("Kirkkonummi", "Кіркконуммі"),
        ("Forssa", "Форсса"),
        ("Kangasala", "Кангасала"),
    ],
)
def test_finnish_consonants(finnish, ukrainian):
    assert fi_to_uk(finnish) == ukrainian


# The Ukrainian names cities.fgb has for Finnish towns (CLDR, GeoNames, GNOME,
# KStars) that the rules give, the Ukrainian GeoNames alternates of towns it
# has no name for, and GNOME's and KGeography's other Finnish names.
FINNISH_NAMES_IN_USE = {
    "Helsinki": "Гельсінкі", "Tampere": "Тампере", "Vantaa": "Вантаа", "Oulu": "Оулу",
    "Turku": "Турку", "Jyväskylä": "Ювяскюля", "Kuopio": "Куопіо", "Pori": "Порі",
    "Joensuu": "Йоенсуу", "Lappeenranta": "Лаппеенранта", "Vaasa": "Вааса",
    "Seinäjoki": "Сейняйокі", "Mikkeli": "Міккелі", "Nokia": "Нокіа", "Kajaani": "Каяані",
    "Savonlinna": "Савонлінна", "Raisio": "Райсіо", "Imatra": "Іматра", "Tornio": "Торніо",
    "Valkeakoski": "Валкеакоскі", "Iisalmi": "Ійсалмі", "Varkaus": "Варкаус", "Kemi": "Кемі",
    "Äänekoski": "Еенекоскі", "Pieksämäki": "Пієксямякі", "Orimattila": "Оріматтіла",
    # GeoNames' Ukrainian alternates
    "Hämeenlinna": "Гямеенлінна", "Riihimäki": "Рійгімякі", "Kontiolahti": "Контіолагті",
    "Hamina": "Гаміна", "Kauhava": "Каугава", "Raahe": "Рааге",
    # GNOME, KStars, KGeography
    "Ivalo": "Івало", "Kuusamo": "Куусамо", "Utti": "Утті", "Kruunupyy": "Круунупюу",
    "Pirkanmaa": "Пірканмаа", "Uusimaa": "Уусімаа", "Päijänne": "Пяйянне",
}  # fmt: skip


@pytest.mark.parametrize(("finnish", "ukrainian"), sorted(FINNISH_NAMES_IN_USE.items()))
def test_the_rules_give_the_finnish_names_in_use(finnish, ukrainian):
    assert fi_to_uk(finnish) == ukrainian


@pytest.mark.parametrize(
    ("name", "rule", "usage"),
    [
        # names in use the rules do not give; they come from their sources
        ("Espoo", "Еспоо", "Еспо"),  # KStars; oo is оо (Вантаа, Йоенсуу)
        ("Lahti", "Лагті", "Лахті"),  # GeoNames; the table's Aitolahti is Айтолагті
        ("Rovaniemi", "Рованіємі", "Рованіемі"),  # GeoNames; the orthography's іє (Трієст)
        ("Kauhava", "Каугава", "Каухава"),  # GNOME (GeoNames' alternate is Каугава)
        ("Enontekiö", "Енонтекіе", "Енонтекіо"),  # GNOME; ö is е (Гете, Кельн)
        ("Metsähovi", "Метсягові", "Метсяхові"),  # KStars
        ("Halli", "Галлі", "Халлі"),  # GNOME
    ],
)
def test_finnish_names_in_use_that_differ_from_the_rules(name, rule, usage):
    assert fi_to_uk(name) == rule != usage


@pytest.mark.parametrize(
    ("estonian", "ukrainian"),
    [
        # the official Russian rules' examples, in Ukrainian letters
        ("Assamalla", "Ассамалла"),
        ("Tabivere", "Табівере"),
        ("Vändra", "Вяндра"),
        ("Venevere", "Веневере"),
        ("Laeva", "Лаева"),  # Лаэва: э is е
        ("Mustvee", "Муствее"),
        ("Esna", "Есна"),
        ("Eeriku", "Ееріку"),
        ("Hiiemetsa", "Хійєметса"),  # е after й is є
        ("Hargla", "Харгла"),
        ("Lihula", "Ліхула"),
        ("Pirita", "Піріта"),
        ("Iisaku", "Ійзаку"),
        ("Siim", "Сійм"),
        ("Keila", "Кейла"),
        ("Kaija", "Кайя"),
        ("Vajangu", "Ваянгу"),
        ("Jensen", "Єнсен"),
        ("Joa", "Йоа"),
        ("Heljo", "Хельйо"),
        ("Juminda", "Юмінда"),
        ("Jõgeva", "Йигева"),
        ("Mõisaküla", "Мийзакюла"),  # s between vowels is з
        ("Pikasilla", "Пікасілла"),  # ... but not where a compound's part starts
        ("Õismäe", "Ийсмяе"),
        ("Võru", "Виру"),
        ("Äriküla", "Ерікюла"),
        ("Märjamaa", "Мяр’ямаа"),
        ("Tallinn", "Таллінн"),
    ],
)
def test_the_estonian_rules_examples(estonian, ukrainian):
    assert et_to_uk(estonian) == ukrainian


# cities.fgb's Ukrainian names for Estonian towns, a GeoNames alternate, and
# KStars', KGeography's and GNOME's Estonian names
ESTONIAN_NAMES_IN_USE = {
    "Tallinn": "Таллінн", "Tartu": "Тарту", "Narva": "Нарва", "Pärnu": "Пярну",
    "Kohtla-Järve": "Кохтла-Ярве", "Pirita": "Піріта", "Viljandi": "Вільянді",
    "Maardu": "Маарду", "Nõmme": "Нимме", "Jõgeva": "Йигева", "Mõisaküla": "Мийзакюла",
    "Narva-Jõesuu": "Нарва-Йиесуу", "Põltsamaa": "Пилтсамаа", "Põlva": "Пилва",
    "Püssi": "Пюссі", "Rapla": "Рапла", "Räpina": "Ряпіна", "Sillamäe": "Сілламяе",
    "Tõrva": "Тирва", "Türi": "Тюрі", "Valga": "Валга", "Võhma": "Вихма", "Võru": "Виру",
    "Kuressaare": "Курессааре", "Lääne": "Ляене", "Hiiu": "Хійу",
}  # fmt: skip


@pytest.mark.parametrize(("estonian", "ukrainian"), sorted(ESTONIAN_NAMES_IN_USE.items()))
def test_the_rules_give_the_estonian_names_in_use(estonian, ukrainian):
    assert et_to_uk(estonian) == ukrainian


@pytest.mark.parametrize(
    ("name", "rule", "usage"),
    [
        ("Lasnamäe", "Ласнамяе", "Ласнамяє"),  # GeoNames; KStars' Сілламяе has е
        ("Haabersti", "Хааберсті", "Гааберсті"),  # a GeoNames alternate; the rules' х
        ("Kärdla", "Кярдла", "Кьярдла"),  # KStars and GNOME; ä is я (Пярну)
        ("Kilingi-Nõmme", "Кілінгі-Нимме", "Килінгі-Немме"),  # KStars; Nõmme is Нимме
        ("Kiviõli", "Ківіилі", "Кивіилі"),  # KStars
        ("Harju", "Хар’ю", "Харью"),  # KGeography; the orthography's кар’єра
    ],
)
def test_estonian_names_in_use_that_differ_from_the_rules(name, rule, usage):
    assert et_to_uk(name) == rule != usage


@pytest.mark.parametrize(
    ("estonian", "ukrainian"),
    [
        ("Abja-Paluoja", "Аб’я-Палуоя"),
        ("Väike-Maarja", "Вяйке-Маар’я"),
        ("Lääne-Viru", "Ляене-Віру"),
        ("Otepää", "Отепяе"),  # ää after a consonant is яе (Ляене)
        ("Haapsalu", "Хаапсалу"),
        ("Jõhvi", "Йихві"),
        ("Tõstamaa", "Тистамаа"),
    ],
)
def test_estonian_compound_names_and_letters(estonian, ukrainian):
    assert et_to_uk(estonian) == ukrainian


@pytest.mark.parametrize(
    "name",
    ["East Helsinki", "West Tallinn", "North Espoo", "South Harbour", "Helsinki Central",
     "Old Town", "Tallinn City Centre"],
)  # fmt: skip
def test_a_name_with_an_english_word_has_no_transcription(name):
    assert fi_to_uk(name) == ""
    assert et_to_uk(name) == ""


@pytest.mark.parametrize(
    ("swedish", "ukrainian"),
    [
        # GeoNames' Swedish names of Finnish-speaking towns: their Finnish names
        ("Hyvinge", "Гювінкяа"),
        ("Sibbo", "Сіпоо"),
        # Swedish-speaking towns, and other Swedish spellings: no transcription
        ("Jakobstad", ""),
        ("Korsholm", ""),
        ("Raseborg", ""),
        ("Väståboland", ""),
        ("Ekenäs", ""),
        ("Kristinestad", ""),
        ("Borgå", ""),
    ],
)
def test_swedish_names_of_finnish_towns(swedish, ukrainian):
    assert fi_to_uk(swedish) == ukrainian


def test_every_swedish_name_with_a_finnish_form_is_finnish():
    for swedish, finnish in fi_uk.SWEDISH_NAMES.items():
        assert not finnish or _UKRAINIAN.fullmatch(fi_to_uk(finnish)), swedish


def test_a_space_or_a_hyphen_is_a_hyphen_and_each_part_is_capitalised():
    assert fi_to_uk("Itä-Helsinki") == "Ітя-Гельсінкі"
    assert fi_to_uk("pohjois hervanta") == "Погйойс-Герванта"
    assert et_to_uk("Narva Jõesuu") == "Нарва-Йиесуу"
    assert et_to_uk("KOHTLA-JÄRVE") == "Кохтла-Ярве"


def test_decomposed_letters_are_read_as_composed():
    assert fi_to_uk(unicodedata.normalize("NFD", "Jyväskylä")) == "Ювяскюля"
    assert et_to_uk(unicodedata.normalize("NFD", "Põltsamaa")) == "Пилтсамаа"


def test_a_letter_neither_spelling_uses_gives_no_name():
    assert fi_to_uk("Tromsø") == ""
    assert et_to_uk("Tromsø") == ""


@pytest.mark.parametrize("to_uk", [fi_to_uk, et_to_uk])
def test_a_name_that_is_not_text_is_refused(to_uk):
    with pytest.raises(TypeError, match="'name' should be a str"):
        to_uk(None)


@pytest.mark.parametrize("to_uk", [fi_to_uk, et_to_uk])
def test_an_empty_name_stays_empty(to_uk):
    assert to_uk("") == ""
    assert to_uk(" - ") == ""


def test_every_letter_in_every_position_is_ukrainian():
    for to_uk, letters in ((fi_to_uk, "adefghijklmnoprstuvyäö"),
                           (et_to_uk, "abdefghijklmnoprsšzžtuvõäöü")):  # fmt: skip
        for letter in letters:
            for word in (letter + "a", "a" + letter + "a", "a" + letter, "k" + letter, letter + "k",
                         letter + letter + "a", "j" + letter, "n" + letter + "i"):  # fmt: skip
                for name in (word.capitalize(), "Uusi-" + word.capitalize()):
                    out = to_uk(name)
                    assert out == "" or _UKRAINIAN.fullmatch(out), (name, out)
    # every Finnish vowel after j, after a vowel and after each kind of consonant
    for vowel in "aeiouyäö":
        for name in ("J" + vowel, "Aj" + vowel, "Kalj" + vowel, "Korj" + vowel):
            assert _UKRAINIAN.fullmatch(fi_to_uk(name)), name


def test_every_finnish_and_estonian_town_in_the_data_is_ukrainian_or_left_out():
    cities = gpd.read_file(ROOT / "data" / "cities.fgb", columns=["name_en", "country"])
    left_out = set()
    for country, to_uk in (("FIN", fi_to_uk), ("EST", et_to_uk)):
        towns = cities[cities["country"] == country]
        assert len(towns) > 10
        for name in towns["name_en"]:
            out = to_uk(name)
            if out:
                assert _UKRAINIAN.fullmatch(out), (name, out)
            else:
                left_out.add(name)
    # the district GeoNames names in English, and the Swedish-speaking towns
    assert left_out <= {"East Helsinki"} | set(fi_uk.SWEDISH_NAMES)
