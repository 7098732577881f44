"""A scenario's texts in English and Ukrainian: presets, files, links, names."""

from __future__ import annotations

import json
import re

import pytest

from ranges.catalog import load_catalog
from ranges.i18n import strings
from ranges.presets import PRESETS, preset_titles
from ranges.scenario import (
    HELD_NAME,
    Area,
    Note,
    Scenario,
    ScenarioError,
    Site,
    from_query,
    scenario_from_json,
    to_query,
)

_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")
_CYRILLIC = re.compile(r"[А-Яа-яЇїІіЄєҐґ]")


def _weapon_words() -> set[str]:
    """Latin words that are names with no Ukrainian form: the catalog's weapons."""
    words = set()
    for weapon in load_catalog():
        for word in _LATIN_WORD.findall(weapon.name):
            words |= {word, *word.split("-")}  # "SCALP-EG" is also written "SCALP"
    return words


def _preset_texts(scenario: Scenario, lang: str) -> list[str]:
    names = [scenario.name_in(x.name, lang) for x in (*scenario.sites, *scenario.areas)]
    return [scenario.title_in(lang), scenario.subtitle_in(lang), *scenario.notes_in(lang),
            *names]  # fmt: skip


@pytest.mark.parametrize("preset_id", list(PRESETS))
def test_every_preset_text_in_ukrainian_has_no_latin_word_but_weapon_names(preset_id):
    allowed = _weapon_words()
    texts = _preset_texts(PRESETS[preset_id], "uk")
    for text in texts:
        assert text and _CYRILLIC.search(text), text
        latin = set(_LATIN_WORD.findall(text)) - allowed
        assert not latin, f"{text!r} keeps Latin words {sorted(latin)}"


@pytest.mark.parametrize("preset_id", list(PRESETS))
def test_every_preset_text_in_english_is_the_english_one(preset_id):
    scenario = PRESETS[preset_id]
    texts = _preset_texts(scenario, "en")
    assert texts[0] == scenario.title and texts[1] == scenario.subtitle
    assert tuple(texts[2 : 2 + len(scenario.notes)]) == tuple(n.text for n in scenario.notes)
    for text in texts:
        assert not _CYRILLIC.search(text), text


def test_preset_titles_come_in_both_languages():
    en, uk = preset_titles("en"), preset_titles("uk")
    assert list(en) == list(uk) == list(PRESETS)
    assert all(en[k] != uk[k] and _CYRILLIC.search(uk[k]) for k in PRESETS)


def test_the_flagship_key_and_a_typed_site_come_out_fully_ukrainian():
    # The two examples: "Район пуску: the Sumy border area" and "… з Sumy".
    t = strings("MAP")["uk"]
    flagship = PRESETS["atacms-nov-2024"]
    key = f"{t['launch_area']}: {flagship.name_in(flagship.areas[0].name, 'uk')}"
    assert key == "Район пуску: прикордонна смуга Сумщини"
    typed = Scenario(weapons=("atacms-m57",), sites=(Site("Sumy", 50.9077, 34.7981),))
    assert t["from"].format(sites=typed.name_in("Sumy", "uk")) == "— пуск: Суми"


@pytest.mark.parametrize(
    ("name", "lat", "lon", "uk"),
    [
        ("Sumy", 50.9077, 34.7981, "Суми"),
        ("Kiev", 50.45, 30.52, "Київ"),
        ("Poltava", 49.59, 34.55, "Полтава"),
        ("Kursk", 51.73, 36.19, "Курськ"),
        ("Kursk", 45.0, 34.0, "Kursk"),  # a site called Kursk in Crimea is not Курськ
        ("Launcher 3", 50.9, 34.8, "Launcher 3"),  # the user's own name stays theirs
    ],
)
def test_a_site_without_a_ukrainian_name_takes_the_shipped_one_where_it_is(name, lat, lon, uk):
    assert Site(name, lat, lon).name_in("uk") == uk
    assert Site(name, lat, lon).name_in("en") == name


def test_a_site_s_own_ukrainian_name_wins_over_the_data():
    assert Site("Sumy", 50.9077, 34.7981, name_uk="м. Суми").name_in("uk") == "м. Суми"


def test_default_area_names_are_translated_and_user_names_kept():
    assert Area("held", HELD_NAME["en"]).name_in("uk") == HELD_NAME["uk"]
    strip = Area("border-strip", "Border strip 15-60 km", width_km=60.0, standoff_km=15.0)
    assert strip.name_in("uk") == "Смуга 15–60 км від кордону з Росією"
    assert Area("region", "RU-KRS", region_id="RU-KRS").name_in("uk") == "Курська область"
    assert Area("region", "Kursk", region_id="RU-KRS").name_in("uk") == "Курська область"
    assert Area("region", "my zone", region_id="RU-KRS").name_in("uk") == "my zone"


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "region", "region_id": "UA-59"},
        {"kind": "border-strip", "width_km": 60, "standoff_km": 15},
        {"kind": "front-strip", "width_km": 40, "standoff_km": 10},
        {"kind": "held"},
        {"kind": "occupied"},
        {"kind": "geojson", "geometry": {"type": "Point", "coordinates": [35.0, 50.0]}},
    ],
)
def test_every_kind_of_launch_area_left_unnamed_has_a_ukrainian_name(data):
    area = Area.from_dict(data)
    uk = area.name_in("uk")
    assert _CYRILLIC.search(uk) and not _LATIN_WORD.search(uk), uk
    assert area.name_in("en") == area.name and not _CYRILLIC.search(area.name)


def test_a_language_other_than_en_or_uk_is_refused_naming_it():
    with pytest.raises(ScenarioError, match="'de'.*en, uk"):
        PRESETS["atacms-nov-2024"].title_in("de")


def _bilingual() -> Scenario:
    return Scenario(
        title="Reach", title_uk="Досяжність", subtitle="From Sumy", subtitle_uk="Із Сум",
        weapons=("atacms-m57",),
        sites=(Site("Sumy", 50.9077, 34.7981, name_uk="Суми"),),
        areas=(Area("border-strip", "the strip", width_km=60.0, standoff_km=15.0,
                    name_uk="смуга"),),
        notes=(Note("Sudzha", 51.19, 35.27, "RFE/RL", "Суджа"),),
        as_of="2024-11-17",
    )  # fmt: skip


def test_ukrainian_texts_round_trip_exactly_through_the_file_and_the_link():
    scenario = _bilingual()
    assert scenario_from_json(scenario.to_json()) == scenario
    back, warnings = from_query(to_query(scenario), default=Scenario())
    assert back == scenario and not warnings
    doc = scenario.to_dict()
    assert doc["title_uk"] == "Досяжність" and doc["notes"][0]["text_uk"] == "Суджа"
    assert doc["sites"][0]["name_uk"] == "Суми" and doc["areas"][0]["name_uk"] == "смуга"


def test_a_file_without_ukrainian_texts_loads_and_is_written_as_before():
    old = {"schema": 2, "title": "old map", "weapons": ["atacms-m57"], "as_of": "2024-11-17",
           "sites": [{"name": "Sumy", "lat": 50.9077, "lon": 34.7981}],
           "notes": [{"text": "n", "lat": 51.0, "lon": 35.0}]}  # fmt: skip
    scenario = scenario_from_json(json.dumps(old))
    assert scenario.title_uk == "" and scenario.notes[0].text_uk == ""
    written = scenario.to_dict()
    assert not any(k.endswith("_uk") for k in written)
    assert not any(k.endswith("_uk") for part in ("sites", "areas", "notes")
                   for item in written[part] for k in item)  # fmt: skip
    # Texts missing in Ukrainian fall back to the English ones the user wrote.
    assert scenario.title_in("uk") == "old map" and scenario.notes_in("uk") == ("n",)


def test_a_ukrainian_text_breaking_a_rule_is_refused_naming_the_field():
    doc = json.loads(_bilingual().to_json())
    doc["notes"][0]["text_uk"] = "x" * 501
    with pytest.raises(ScenarioError, match=r"notes\[0\]\.text_uk.*longer than 500"):
        scenario_from_json(json.dumps(doc))
    doc = json.loads(_bilingual().to_json())
    doc["title_uk"] = 7
    with pytest.raises(ScenarioError, match="title_uk: 7 is not text"):
        scenario_from_json(json.dumps(doc))


def test_noncharacters_a_user_pasted_are_refused_at_input_naming_the_field_and_the_character():
    from ranges.scenario import Scenario

    site = {"name": "Sumy\ufffe", "lat": 50.9077, "lon": 34.7981}
    with pytest.raises(Exception, match=r"sites\[0\]\.name.*contains U\+FFFE.*delete it"):
        Scenario.from_dict({"weapons": ["atacms-m57"], "sites": [site]})
    with pytest.raises(Exception, match=r"title.*contains U\+FFFF"):
        Scenario.from_dict({"weapons": ["atacms-m57"], "title": "ATACMS\uffff reach"})
    with pytest.raises(Exception, match=r"contains U\+D800"):
        Scenario.from_dict({"weapons": ["atacms-m57"], "subtitle": "x \ud800"})
    # a control character is still refused with a message, not dropped
    with pytest.raises(Exception, match="control characters"):
        Scenario.from_dict({"weapons": ["atacms-m57"], "title": "a\x01b"})
