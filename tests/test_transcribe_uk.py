"""The per-country dispatch of Ukrainian practical transcriptions
(scripts/transcribe_uk.py): which rule names which country's towns."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest
from tools import script

ROOT = Path(__file__).resolve().parents[1]


tu = script("transcribe_uk")


def test_the_module_examples_hold():
    assert doctest.testmod(tu).failed == 0


@pytest.mark.parametrize(
    ("country", "name", "alt_names", "ukrainian"),
    [
        ("TUR", "Tarsus", "", "Тарсус"),
        ("POL", "Rybnik", "", "Рибник"),
        ("DEU", "Ingolstadt", "", "Інгольштадт"),
        ("AUT", "Amstetten", "", "Амштеттен"),
        ("ITA", "Cesena", "", "Чезена"),
        ("ROU", "Hunedoara", "", "Хунедоара"),
        ("CZE", "Kladno", "", "Кладно"),
        ("SVK", "Banská Bystrica", "", "Банська Бистриця"),
        ("BGR", "Shumen", "Schumen;Shumen;Шумен", "Шумен"),
        ("SRB", "Čačak", "", "Чачак"),
    ],
)
def test_each_country_takes_its_languages_rule(country, name, alt_names, ukrainian):
    assert tu.transcribe(country, name, alt_names) == ukrainian


def test_a_qualifier_or_title_is_left_out_of_the_transcription():
    assert tu.transcribe("DEU", "Schwedt (Oder)", "") == tu.transcribe("DEU", "Schwedt", "")
    greifswald = tu.transcribe("DEU", "Universitäts- und Hansestadt Greifswald", "")
    assert greifswald == tu.transcribe("DEU", "Greifswald", "")


@pytest.mark.parametrize("country", ["IRN", "IRQ", "SYR", "HUN", "XKX"])
def test_a_country_without_a_documented_rule_gets_no_name(country):
    assert tu.transcribe(country, "Baja", "") == ""


def test_a_name_the_rule_leaves_partly_latin_is_no_name():
    assert tu.transcribe("ITA", "Paolo VI", "") == ""


def test_the_alternates_helpers_examples_hold():
    assert doctest.testmod(script("geonames_alternates")).failed == 0
