"""Polish place names by the Polish-Ukrainian practical transcription
(``scripts/pl_uk.py``): the sources' own examples, the names the data already
has, and each rule of the module's docstring."""

from __future__ import annotations

import re
from pathlib import Path

import geopandas as gpd
import pytest
from tools import script

ROOT = Path(__file__).resolve().parent.parent
pl_uk = script("pl_uk")
pl_to_uk = pl_uk.pl_to_uk

_UKRAINIAN = re.compile(r"[А-ЩЬЮЯҐЄІЇа-щьюяґєії’][А-ЩЬЮЯҐЄІЇа-щьюяґєії’ -]*")
_POLISH = "aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż"


@pytest.mark.parametrize(
    ("polish", "ukrainian"),
    [
        # the help page's examples beside its rows for a, ą
        ("Abram", "Абрам"),
        ("Dąbiński", "Домбінський"),
        # the orthography's Polish surnames (its g is г in names, г in places)
        ("Piotrowski", "Пйотровський"),  # io: йо after b, p, w, m, f
        ("Miodowicz", "Мйодович"),
        ("Aniołek", "Аньолек"),  # ... ьо after a soft consonant
        ("Koziołecki", "Козьолецький"),
        ("Zwoliński", "Зволінський"),  # i: і after a consonant
        ("Mickiewicz", "Міцкевич"),  # ... и in the suffixes -ик, -ицьк-, -ич
        ("Iwaszkiewicz", "Івашкевич"),
        ("Sienkiewicz", "Сенкевич"),
        ("Brzozowicz", "Бжозович"),
        ("Kozicki", "Козицький"),
        ("Konopnicka", "Конопницька"),
        ("Kopernik", "Коперник"),
        ("Szymczak", "Шимчак"),
        ("Dąbrowski", "Домбровський"),  # ą, ę: ом, ем before b, p; он, ен elsewhere
        ("Zaremba", "Заремба"),
        ("Kępa", "Кемпа"),
        ("Zajączek", "Зайончек"),
        ("Pająk", "Пайонк"),
        ("Piątek", "Пйонтек"),
        ("Jędrychowski", "Єндриховський"),
        ("Jabłoński", "Яблонський"),  # no ь before -ський
        ("Ćwik", "Цвік"),  # ... nor before a soft consonant
        ("Siatkowski", "Сятковський"),
        ("Dziurawiec", "Дзюравець"),
    ],
)
def test_the_sources_examples(polish, ukrainian):
    assert pl_to_uk(polish) == ukrainian


def test_where_the_tables_rows_and_the_help_pages_examples_differ():
    # g: the page's example is a surname's г, г is the row for places
    assert pl_to_uk("Ciągło") == "Цьонгло"  # the example: Цьонгло
    # ia after b, p, w: both tables have a row of its own, the project page's
    # "після b, p, w | ’я"; the help page's examples write no apostrophe
    assert pl_to_uk("Frąckowiak") == "Фронцков’як"  # the example: Фронцковяк
    assert pl_to_uk("Babiarczyk") == "Баб’ярчик"  # the example: Бабярчик


def test_the_help_pages_example_of_a_traditional_name_is_the_rules_kraków():
    # "з пол. Kraków — укр. Краків, а не «Кракув»; пол. Tarnów — укр. Тарнів"
    assert pl_to_uk("Kraków") == "Кракув"
    assert pl_to_uk("Tarnów") == "Тарнув"


@pytest.mark.parametrize(
    ("polish", "ukrainian"),
    [
        # the Ukrainian names that cities.fgb has from GeoNames (geonames), GNOME
        # (gweather), KDE (kgeography) and the cited exonyms (exonym)
        ("Wrocław", "Вроцлав"),  # gweather
        ("Łódź", "Лодзь"),  # gweather; a term (the letters give Лудзь)
        ("Częstochowa", "Ченстохова"),  # exonym
        ("Toruń", "Торунь"),  # exonym
        ("Wałbrzych", "Валбжих"),  # exonym
        ("Jarosław", "Ярослав"),  # exonym
        ("Poznań", "Познань"),  # gweather
        ("Szczecin", "Щецин"),  # gweather
        ("Olsztyn", "Ольштин"),  # gweather
        ("Zabrze", "Забже"),  # gweather
        ("Bytom", "Битом"),  # gweather
        ("Radom", "Радом"),  # gweather
        ("Kielce", "Кельце"),  # kgeography
        ("Opole", "Ополе"),  # kgeography
        ("Lublin", "Люблін"),  # geonames, and the rest
        ("Lubin", "Любін"),
        ("Katowice", "Катовіце"),
        ("Mysłowice", "Мисловіце"),
        ("Świętochłowice", "Свентохловіце"),
        ("Myślenice", "Мисленіце"),
        ("Chojnice", "Хойніце"),
        ("Kozienice", "Козеніце"),
        ("Police", "Поліце"),
        ("Pyskowice", "Писковіце"),
        ("Legionowo", "Легьоново"),
        ("Libiąż", "Лібйонж"),
        ("Dęblin", "Демблін"),
        ("Trzebinia", "Тшебіня"),
        ("Strzegom", "Стшегом"),
        ("Brzeg", "Бжег"),
        ("Żagań", "Жагань"),
        ("Głogów", "Глогув"),
        ("Mikołów", "Міколув"),
        ("Milanówek", "Мілянувек"),
        ("Łomianki", "Ломянкі"),
        ("Suwałki", "Сувалкі"),
        ("Zgorzelec", "Згожелець"),
        ("Świdnica", "Свідниця"),
        ("Iława", "Ілава"),
        ("Inowrocław", "Іновроцлав"),
        ("Kalisz", "Каліш"),
        ("Koszalin", "Кошалін"),
        ("Pisz", "Піш"),
        ("Kamienna Góra", "Каменна Гура"),
        ("Mińsk Mazowiecki", "Мінськ-Мазовецький"),
        ("Pruszcz Gdański", "Прущ-Гданський"),
        ("Sokołów Podlaski", "Соколув-Підляський"),
        ("Piekary Śląskie", "Пекари-Шльонські"),
        ("Konstancin-Jeziorna", "Констанцин-Єзьорна"),
        ("Boguszów-Gorce", "Богушув-Горце"),
    ],
)
def test_the_ukrainian_names_the_data_has_are_the_rules(polish, ukrainian):
    assert pl_to_uk(polish) == ukrainian


@pytest.mark.parametrize(
    ("polish", "rule", "usage"),
    [
        # names the data has that the rule does not give: traditional names,
        # which come from sources, not from this module
        ("Białystok", "Б’ялисток", "Білосток"),
        ("Elbląg", "Ельбльонг", "Ельблонг"),  # the table: ą after l is ьон
        ("Rzeszów", "Жешув", "Ряшів"),
        ("Przemyśl", "Пшемисль", "Перемишль"),
        # the project page's ’я after b, p, w where the sources have none
        ("Pabianice", "Паб’яніце", "Пабяніце"),
        ("Bielsko-Biała", "Бельсько-Б’яла", "Бельсько-Бяла"),
    ],
)
def test_traditional_names_are_not_derived(polish, rule, usage):
    assert pl_to_uk(polish) == rule != usage


@pytest.mark.parametrize(
    ("polish", "ukrainian"),
    [
        # a noun and the adjective after it: a hyphen (the orthography's Рава-Руська)
        ("Dąbrowa Górnicza", "Домброва-Гурнича"),
        ("Ruda Śląska", "Руда-Шльонська"),
        ("Piotrków Trybunalski", "Пйотркув-Трибунальський"),
        ("Ostrowiec Świętokrzyski", "Островець-Свентокшиський"),
        ("Tomaszów Mazowiecki", "Томашув-Мазовецький"),
        ("Lidzbark Warmiński", "Лідзбарк-Вармінський"),
        ("Solec Kujawski", "Солець-Куявський"),
        ("Kazimierz Dolny", "Казімеж-Дольний"),
        # an adjective's -e is -і with a plural noun, -е with another
        ("Siemianowice Śląskie", "Семяновіце-Шльонські"),
        ("Strzelce Opolskie", "Стшельце-Опольські"),
        ("Kąty Wrocławskie", "Конти-Вроцлавські"),
        ("Wysokie Mazowieckie", "Високе-Мазовецьке"),
        ("Przymorze Wielkie", "Пшиможе-Велике"),
        # an adjective and the noun after it: apart (Зелена Гура, Новий Сад)
        ("Nowy Sącz", "Новий Сонч"),
        ("Stary Sącz", "Старий Сонч"),
        ("Nowa Sól", "Нова Суль"),
        ("Stalowa Wola", "Стальова Воля"),
        ("Zduńska Wola", "Здунська Воля"),
        ("Tarnowskie Góry", "Тарновські Гури"),
        ("Zielona Góra", "Зелена Гура"),  # translated, as the orthography writes it
        ("Nowy Dwór Mazowiecki", "Новий Двур-Мазовецький"),
        ("Nowe Miasto Lubawskie", "Нове Място-Любавське"),
        # two nouns: a hyphen, written or not
        ("Jastrzębie Zdrój", "Ястшембе-Здруй"),
        ("Jastrzębie-Zdrój", "Ястшембе-Здруй"),
        ("Jelcz Laskowice", "Єльч-Лясковіце"),
        ("Kędzierzyn-Koźle", "Кендзежин-Козле"),
        ("Czechowice-Dziedzice", "Чеховіце-Дзедзіце"),
        ("Skarżysko-Kamienna", "Скаржисько-Каменна"),
        # a preposition: hyphens; a feminine noun's instrumental -ą is -ою, -ią -ею
        ("Kostrzyn nad Odrą", "Костшин-над-Одрою"),
        ("Nakło nad Notecią", "Накло-над-Нотецею"),
        # the terms: Śląsk-, Podlask-, Łódź, Wielkopolsk-
        ("Radzyń Podlaski", "Радзинь-Підляський"),
        ("Aleksandrów Łódzki", "Александрув-Лодзький"),
        ("Gorzów Wielkopolski", "Гожув-Великопольський"),
        ("Środa Wielkopolska", "Сьрода-Великопольська"),
        ("Ząbkowice Śląskie", "Зомбковіце-Шльонські"),
    ],
)
def test_names_of_several_words(polish, ukrainian):
    assert pl_to_uk(polish) == ukrainian


@pytest.mark.parametrize(
    ("polish", "ukrainian"),
    [
        # ą, ę: он, ем; ом, ем before b, p; ьон after l
        ("Ostrołęka", "Остроленка"),
        ("Będzin", "Бендзін"),
        ("Mrągowo", "Мронгово"),
        ("Lądek-Zdrój", "Льондек-Здруй"),
        # l: ль before a consonant and at the end; я, ьо, ю after it
        ("Malbork", "Мальборк"),
        ("Golub-Dobrzyń", "Голюб-Добжинь"),
        ("Zielonka", "Зельонка"),
        ("Polanica-Zdrój", "Поляниця-Здруй"),
        # ł is л, ó у, y и
        ("Łańcut", "Ланьцут"),
        ("Żyrardów", "Жирардув"),
        ("Tychy", "Тихи"),
        # ia, ie, io, ió, iu, ią, ię after a consonant
        ("Siedlce", "Седльце"),
        ("Radzionków", "Радзьонкув"),
        ("Dzierżoniów", "Дзержонюв"),
        ("Grudziądz", "Грудзьондз"),
        ("Pionki", "Пйонкі"),
        ("Czerwionka-Leszczyny", "Червйонка-Лещини"),
        ("Międzyrzecz", "М’єндзижеч"),  # ię after b, p, m: ’єн
        ("Oświęcim", "Освенцим"),  # ... after other consonants ен; и after ц
        ("Białogard", "Б’ялогард"),  # ia after b, p, w: ’я
        ("Września", "Вжесня"),
        # j: й before a consonant; я, є, ю, йо at the start and after a vowel
        ("Jaworzno", "Явожно"),
        ("Jelenia Góra", "Єленя-Гура"),
        ("Józefów", "Юзефув"),
        ("Grajewo", "Граєво"),
        ("Kujawy", "Куяви"),
        ("Sulejówek", "Сулеювек"),
        ("Hajnówka", "Гайнувка"),
        ("Wejherowo", "Вейгерово"),
        # rz: ж, ш after p, t, k, ch
        ("Zgierz", "Згеж"),
        ("Kołobrzeg", "Колобжег"),
        ("Chrzanów", "Хшанув"),
        ("Kętrzyn", "Кентшин"),
        ("Przemyśl", "Пшемисль"),
        # ć, ś, ź, ń, dź: ь, but none before a soft consonant or -sk-
        ("Wieluń", "Велюнь"),
        ("Zamość", "Замосць"),
        ("Kraśnik", "Красник"),
        ("Oleśnica", "Олесниця"),
        ("Świebodzin", "Свебодзін"),
        ("Śrem", "Сьрем"),
        ("Końskie", "Конське"),
        ("Świnoujście", "Свіноуйсце"),
        # -sk, -ck, -sko, -cko: -ськ, -цьк, -сько, -цько
        ("Gdańsk", "Гданськ"),
        ("Słupsk", "Слупськ"),
        ("Płock", "Плоцьк"),
        ("Pułtusk", "Пултуськ"),
        ("Bielsko", "Бельсько"),
        ("Giżycko", "Гіжицько"),
        ("Kłodzko", "Клодзько"),
        ("Skawina", "Скавіна"),  # not at the start
        # -ec -ець, -ica -иця, -ik -ик, -icz- -ич-; -ice keeps і
        ("Sosnowiec", "Сосновець"),
        ("Mielec", "Мелець"),
        ("Dębica", "Дембиця"),
        ("Łęczyca", "Ленчиця"),
        ("Rybnik", "Рибник"),
        ("Oborniki", "Оборники"),
        ("Rawicz", "Равич"),
        ("Łowicz", "Лович"),
        ("Wieliczka", "Величка"),
        ("Racibórz", "Рацибуж"),
        ("Gliwice", "Глівіце"),
        # ch х, h г, g г, szcz щ, dz дз, dż дж
        ("Ciechanów", "Цеханув"),
        ("Gniezno", "Гнезно"),
        ("Sieradz", "Серадз"),
        ("Bolesławiec", "Болеславець"),
        ("Zakopane", "Закопане"),
    ],
)
def test_the_letters_and_endings(polish, ukrainian):
    assert pl_to_uk(polish) == ukrainian


def test_capitals_and_decomposed_letters():
    assert pl_to_uk("ŁÓDŹ".capitalize()) == "Лодзь"
    assert pl_to_uk("Kostrzyn Nad Odrą") == "Костшин-над-Одрою"  # the preposition lower case
    nfd = "Cze\u0328stochowa"  # ę as e and a combining ogonek
    assert pl_to_uk(nfd) == "Ченстохова"


def test_every_letter_in_every_position_is_ukrainian():
    for letter in _POLISH:
        for word in (letter + "a", "a" + letter + "a", "a" + letter, "k" + letter, letter + "k",
                     letter + "ia", "a" + letter + "io", letter + "i"):  # fmt: skip
            for name in (word.capitalize(), "Nowa " + word.capitalize(), word.capitalize()
                         + " Śląska"):  # fmt: skip
                assert _UKRAINIAN.fullmatch(pl_to_uk(name)), (name, pl_to_uk(name))


def test_every_polish_town_in_the_data_comes_out_in_ukrainian_letters():
    cities = gpd.read_file(ROOT / "data" / "cities.fgb", columns=["name_en", "country"])
    towns = cities[cities["country"] == "POL"]
    assert len(towns) > 300
    for name in towns["name_en"]:
        assert _UKRAINIAN.fullmatch(pl_to_uk(name)), name
