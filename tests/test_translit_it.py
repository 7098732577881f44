"""Tests for ``scripts/it_uk.py``: Italian place names by the Italian-Ukrainian
practical transcription (the rules and their sources are in its docstring)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tools import script

ROOT = Path(__file__).resolve().parent.parent


it_to_uk = script("it_uk").it_to_uk


@pytest.mark.parametrize(
    ("italian", "ukrainian"),
    [
        # c, g before e, i are ч, дж; elsewhere к, г
        ("Cesena", "Чезена"),
        ("Gela", "Джела"),
        ("Cremona", "Кремона"),
        ("Agropoli", "Агрополі"),
        # an i between c, g and a vowel only softens them
        ("Lanciano", "Ланчано"),
        ("Giovinazzo", "Джовінаццо"),
        ("Perugia", "Перуджа"),
        ("Noci", "Ночі"),  # ... a final i is read
        # ch, gh are к, г
        ("Pachino", "Пакіно"),
        ("Ghedi", "Геді"),
        ("Marghera", "Маргера"),
        # doubled consonants stay; cc before e, i is чч, gg one дж
        ("Ferrara", "Феррара"),
        ("Lecce", "Лечче"),
        ("Scandicci", "Скандіччі"),
        ("Foggia", "Фоджа"),
        ("Correggio", "Корреджо"),
        ("Poggibonsi", "Поджібонсі"),
        ("Maddaloni", "Маддалоні"),
        # gli, gn
        ("Cagliari", "Кальярі"),
        ("Battipaglia", "Баттіпалья"),
        ("Bisceglie", "Бішельє"),
        ("Bologna", "Болонья"),
        ("Cerignola", "Черіньола"),
        ("Foligno", "Фоліньо"),
        ("Terzigno", "Терціньо"),
        # sc before e, i is ш, the i before a vowel only softens it; sc elsewhere ск
        ("Sciacca", "Шакка"),
        ("Scicli", "Шіклі"),
        ("Brusciano", "Брушано"),
        ("Cascina", "Кашіна"),
        ("Scafati", "Скафаті"),
        # z is ц, zz цц, a word-initial z дз
        ("Arezzo", "Ареццо"),
        ("Potenza", "Потенца"),
        ("Oderzo", "Одерцо"),
        ("Lamezia Terme", "Ламеція-Терме"),
        ("Zola Predosa", "Дзола-Предоза"),
        # gu, qu before a vowel are гв, кв; cq is кк
        ("Guidonia Montecelio", "Гвідонія-Монтечеліо"),
        ("Quarto", "Кварто"),
        ("Acquaviva delle Fonti", "Акквавіва-делле-Фонті"),
        # s between vowels is з, except after a compound's first part
        ("Pisa", "Піза"),
        ("Caserta", "Казерта"),
        ("Sassuolo", "Сассуоло"),
        ("Pietrasanta", "П’єтрасанта"),
        ("Montesilvano", "Монтесільвано"),
        # l before a consonant or at the end is ль
        ("Bolzano", "Больцано"),
        ("Molfetta", "Мольфетта"),
        ("Casal Palocco", "Казаль-Палокко"),
    ],
)
def test_consonants_follow_the_italian_rules(italian, ukrainian):
    assert it_to_uk(italian) == ukrainian


@pytest.mark.parametrize(
    ("italian", "ukrainian"),
    [
        ("Rimini", "Ріміні"),  # і, never и
        ("Caltagirone", "Кальтаджіроне"),
        ("Pompei", "Помпеї"),  # after a vowel, before nothing: ї
        ("Caivano", "Каївано"),  # ... before a consonant: ї
        ("Noicattaro", "Ноїкаттаро"),
        ("Pistoia", "Пістоя"),  # between vowels: й with the next vowel
        ("Camaiore", "Камайоре"),
        ("Torvaianica", "Торваяніка"),
        ("Jesi", "Єзі"),  # at the start too; j is i
        ("Piacenza", "П’яченца"),  # after a labial: apostrophe and я, є, ю
        ("Fiumicino", "Ф’юмічіно"),
        ("San Donà di Piave", "Сан-Дона-ді-П’яве"),
        ("Piombino", "Піомбіно"),  # ... but before o і
        ("Chieti", "К’єті"),  # after ch too, and ьо before o
        ("Civitavecchia", "Чівітавекк’я"),
        ("Chioggia", "Кьоджа"),
        ("Montecchio Maggiore-Alte Ceccato", "Монтеккьо-Маджоре-Альте-Чеккато"),
        ("Siena", "Сієна"),  # after another consonant і
        ("Thiene", "Тієне"),
        ("Rossano Stazione", "Россано-Стаціоне"),
        ("Formia", "Формія"),  # a final ia is ія
        ("Manduria", "Мандурія"),
        ("Vittorio Veneto", "Вітторіо-Венето"),
        ("Schio", "Скіо"),  # the only other vowel: the i is stressed
        ("Rosignano Solvay-Castiglioncello", "Розіньяно-Сольвай-Кастільончелло"),
    ],
)
def test_i_follows_its_neighbours(italian, ukrainian):
    assert it_to_uk(italian) == ukrainian


@pytest.mark.parametrize(
    ("italian", "ukrainian"),
    [
        ("Forlì", "Форлі"),
        ("Nardò", "Нардо"),
        ("Paternò", "Патерно"),
        ("Canicattì", "Канікатті"),
        ("Cava Dè Tirreni", "Кава-де-Тіррені"),
    ],
)
def test_stress_marks_are_dropped(italian, ukrainian):
    assert it_to_uk(italian) == ukrainian


@pytest.mark.parametrize(
    ("italian", "ukrainian"),
    [
        ("Reggio Calabria", "Реджо-Калабрія"),
        ("Torre del Greco", "Торре-дель-Греко"),
        ("San Severo", "Сан-Северо"),
        ("Santa Maria Capua Vetere", "Санта-Марія-Капуа-Ветере"),
        ("Lido di Ostia", "Лідо-ді-Остія"),
        ("Bassano del Grappa", "Бассано-дель-Граппа"),
        ("Castellammare di Stabia", "Кастелламмаре-ді-Стабія"),
        ("Castiglione delle Stiviere", "Кастільоне-делле-Стів’єре"),
        ("Roseto degli Abruzzi", "Розето-дельї-Абруцці"),
        ("San Vito dei Normanni", "Сан-Віто-дей-Норманні"),
        ("Ronchi dei Legionari", "Ронкі-дей-Леджонарі"),
        ("Giugliano in Campania", "Джульяно-ін-Кампанія"),
        ("San Giovanni la Punta", "Сан-Джованні-ла-Пунта"),
        ("Francavilla al Mare", "Франкавілла-аль-Маре"),
        ("Pesaro e Urbino", "Пезаро-е-Урбіно"),  # KGeography's Пезаро-е-Урбіно
        ("San Felice A Cancello", "Сан-Феліче-а-Канчелло"),  # GeoNames' capital A
        ("Bastia umbra", "Бастія-Умбра"),  # ... and lower-case umbra
        ("La Spezia", "Ла-Спеція"),  # a first word is capitalised, article or not
        # GeoNames' own hyphens are hyphens too
        ("Acilia-Castel Fusano-Ostia Antica", "Ачілія-Кастель-Фузано-Остія-Антіка"),
        ("Marina di Ardea-Tor San Lorenzo", "Маріна-ді-Ардеа-Тор-Сан-Лоренцо"),
        ("Montecatini-Terme", "Монтекатіні-Терме"),
        ("Paolo VI", "Паоло-VI"),  # a Roman numeral stays
    ],
)
def test_compound_names_are_hyphenated_with_lower_case_service_words(italian, ukrainian):
    assert it_to_uk(italian) == ukrainian


@pytest.mark.parametrize(
    ("italian", "ukrainian"),
    [
        ("L'Aquila", "Л’Аквіла"),
        ("Sant'Anastasia", "Сант’Анастазія"),
        ("Porto Sant'Elpidio", "Порто-Сант’Ельпідіо"),
        ("Pomigliano d'Arco", "Помільяно-д’Арко"),
        ("Colle di Val d'Elsa", "Колле-ді-Валь-д’Ельса"),
        ("Valle d’Aosta", "Валле-д’Аоста"),  # a typographic apostrophe in the input
        ("Castelnuovo dell'Abate", "Кастельнуово-делл’Абате"),  # l before the elision is л
    ],
)
def test_elisions_keep_an_apostrophe(italian, ukrainian):
    assert it_to_uk(italian) == ukrainian


# Ukrainian names in use that the rules give: the cities' names in data/cities.fgb
# from GNOME's and KDE's Ukrainian translations and GeoNames, and more of
# KGeography's and libgweather's Italian names.
NAMES_IN_USE = {
    "Vibo Valentia": "Вібо-Валентія", "Trapani": "Трапані", "Siracusa": "Сіракуза",
    "Ragusa": "Рагуза", "Palermo": "Палермо", "Messina": "Мессіна", "Enna": "Енна",
    "Crotone": "Кротоне", "Cosenza": "Козенца", "Catania": "Катанія",
    "Caltanissetta": "Кальтаніссетта", "Viterbo": "Вітербо", "Vicenza": "Віченца",
    "Verona": "Верона", "Udine": "Удіне", "Treviso": "Тревізо", "Trento": "Тренто",
    "Trani": "Трані", "Terni": "Терні", "Teramo": "Терамо", "Taranto": "Таранто",
    "Salerno": "Салерно", "Rovigo": "Ровіго", "Ravenna": "Равенна", "Prato": "Прато",
    "Pordenone": "Порденоне", "Pescara": "Пескара", "Pesaro": "Пезаро", "Parma": "Парма",
    "Modena": "Модена", "Matera": "Матера", "Massa": "Масса", "Macerata": "Мачерата",
    "Lucca": "Лукка", "Livorno": "Ліворно", "Latina": "Латіна", "Isernia": "Ізернія",
    "Gioia del Colle": "Джоя-дель-Колле", "Grosseto": "Гроссето", "Frosinone": "Фрозіноне",
    "Fermo": "Фермо", "Campobasso": "Кампобассо", "Benevento": "Беневенто",
    "Belluno": "Беллуно", "Barletta": "Барлетта", "Bari": "Барі", "Avellino": "Авелліно",
    "Ascoli Piceno": "Асколі-Пічено", "Aprilia": "Апрілія", "Anzio": "Анціо",
    "Andria": "Андрія", "Ancona": "Анкона", "Alessandria": "Алессандрія", "Aosta": "Аоста",
    "Imperia": "Імперія", "Sondrio": "Сондріо", "Vercelli": "Верчеллі", "Lazio": "Лаціо",
    "Abruzzo": "Абруццо", "Molise": "Молізе", "Cuneo": "Кунео", "Olbia": "Ольбія",
    "Carbonia": "Карбонія", "Sassari": "Сассарі", "Pantelleria": "Пантеллерія",
    "Lampedusa": "Лампедуза", "Grazzanise": "Граццанізе", "Tarvisio": "Тарвізіо",
    "Albenga": "Альбенга", "Salignano": "Саліньяно", "Massa-Carrara": "Масса-Каррара",
    "Forlì-Cesena": "Форлі-Чезена", "Friuli Venezia Giulia": "Фріулі-Венеція-Джулія",
    "Trentino Alto Adige": "Трентіно-Альто-Адідже", "Isola del Cantone": "Ізола-дель-Кантоне",
    "Pratica di Mare": "Пратіка-ді-Маре", "San Stèfano": "Сан-Стефано",
}  # fmt: skip


@pytest.mark.parametrize(("italian", "ukrainian"), sorted(NAMES_IN_USE.items()))
def test_the_rules_give_the_ukrainian_names_in_use(italian, ukrainian):
    assert it_to_uk(italian) == ukrainian


UKRAINIAN = re.compile(r"[А-ЩЬЮЯЄІЇҐа-щьюяєіїґ’]+(?:-[А-ЩЬЮЯЄІЇҐа-щьюяєіїґ’]+|-[IVXLCDM]+)*")


@pytest.mark.parametrize(
    "italian",
    ["Acilia-Castel Fusano-Ostia Antica", "Eppan", "Bellaria-Igea Marina", "Trentola-Ducenta",
     "Albignasego", "Quattromiglia", "Ischia Porto", "Mira Taglio", "Paolo VI", "Lumezzane"],
)  # fmt: skip
def test_a_transcription_is_ukrainian_letters_joined_by_hyphens(italian):
    ukrainian = it_to_uk(italian)
    assert UKRAINIAN.fullmatch(ukrainian), ukrainian
    assert ukrainian.count("-") == len(re.split(r"[\s\-]+", italian)) - 1


def test_a_name_that_is_not_text_is_refused():
    with pytest.raises(TypeError, match="'name' should be a str"):
        it_to_uk(None)


def test_an_empty_name_stays_empty():
    assert it_to_uk("") == ""
