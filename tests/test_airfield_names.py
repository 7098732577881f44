"""Ukrainian airfield names (data/airfields.fgb ``name_uk``; scripts/airfield_names.py)."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pandas as pd
import pytest
from tools import script

from ranges import dashboard as dash
from ranges.evaluate import evaluate
from ranges.presets import DEFAULT_PRESET, PRESETS

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
# The code an airfield's Ukrainian name ends with: ICAO, or airportsdata's pseudo-code
# (X..., and _LHL for Lachin, which has an IATA code only).
CODE_AT_END = re.compile(r" \(?([A-Z0-9_]{4})\)?$")
LATIN = re.compile(r"[A-Za-z]")


@functools.cache
def _script():
    return script("airfield_names")


def _without_code(name: str) -> str:
    return CODE_AT_END.sub("", name)


def test_every_airfield_has_a_ukrainian_name_with_no_latin_but_its_code(geo):
    fields = geo.airfields
    assert (fields["name_uk"] != "").all()
    assert set(fields["name_uk_source"]) == {"place", "city", "code"}
    for icao, name in zip(fields["icao"], fields["name_uk"], strict=True):
        match = CODE_AT_END.search(name)
        assert match and match.group(1) == icao, name
        assert not LATIN.search(_without_code(name)), name


def test_the_shipped_names_are_what_the_rule_builds_from_the_shipped_layers(geo):
    # cities.fgb or places.csv changed without rerunning scripts/airfield_names.py fails here
    import pyogrio

    names = _script()
    cities = pyogrio.read_dataframe(DATA / "cities.fgb")
    places = pd.read_csv(DATA / "places.csv", keep_default_na=False)
    built, source = names.ukrainian_names(geo.airfields, cities, places)
    assert built == geo.airfields["name_uk"].tolist()
    assert source == geo.airfields["name_uk_source"].tolist()


@pytest.mark.parametrize(
    "icao, expected",
    [
        ("UUOK", "Аеродром Курськ (UUOK)"),  # Kursk East (Khalino): airportsdata city Kursk
        ("UKWW", "Аеродром Вінниця (UKWW)"),  # city "Vinnitsa"; the name's last word, Vinnytsia
        ("URRM", "Авіабаза Морозовськ (URRM)"),  # places.csv cites ICAO URRM
        ("XWSG", "Авіабаза Енгельс-2 (XWSG)"),  # places.csv's Engels-2, 1.7 km away
        ("UKKT", "Аеродром UKKT"),  # Sviatoshyn: no town of that name in cities.fgb
    ],
)
def test_the_rule_on_known_fields(geo, icao, expected):
    fields = geo.airfields.set_index("icao")
    assert fields.loc[icao, "name_uk"] == expected


def test_no_town_farther_than_the_limit_names_an_airfield():
    names = _script()
    cities = pd.DataFrame({
        "name_en": ["Oktyabrskiy"], "name_ascii": ["Oktyabrskiy"], "alt_names": [""],
        "name_uk": ["Октябрський"], "country": ["RUS"], "lon": [40.0], "lat": [50.0],
    })  # fmt: skip
    places = pd.DataFrame(columns=["kind", "name_uk", "source", "quote", "lon", "lat"])
    field = pd.DataFrame({
        "icao": ["ULKO", "ULKX"], "name": ["Oktyabrskiy Airport"] * 2,
        "city": ["Oktyabrskiy"] * 2, "country": ["RUS"] * 2,
        "lon": [40.0, 40.0], "lat": [50.0 + 49.0 / 111.2, 50.0 + 51.0 / 111.2],
    })  # fmt: skip
    built, source = names.ukrainian_names(field, cities, places)
    assert built == ["Аеродром Октябрський (ULKO)", "Аеродром ULKX"]
    assert source == ["city", "code"]


def test_the_ukrainian_targets_table_of_the_flagship_names_airfields_in_ukrainian(geo):
    result = evaluate(PRESETS[DEFAULT_PRESET], geo)
    table = dash.targets_display(result.targets, "uk")
    fields = table[table["type"] == "airfield"]
    assert len(fields) >= 20  # Kursk, Belgorod, Bryansk, Kharkiv ... all within 300 km
    for name in fields["name"]:
        assert not LATIN.search(_without_code(name)), name
    assert "Аеродром Курськ (UUOK)" in set(fields["name"])
    english = dash.targets_display(result.targets, "en")
    assert "Kursk East Airport" in set(english["name"])  # English keeps airportsdata's name
