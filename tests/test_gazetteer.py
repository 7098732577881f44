"""Tests for :mod:`ranges.gazetteer`."""

from __future__ import annotations

import dataclasses

import geopandas as gpd
import pytest
from pyproj import Geod
from shapely.geometry import Point

from ranges.errors import UnknownNameError
from ranges.gazetteer import Gazetteer, Place, normalize
from ranges.geodata import GeoData, load_geodata

WGS84 = Geod(ellps="WGS84")


@pytest.fixture(scope="module")
def geo() -> GeoData:
    return load_geodata()


@pytest.fixture(scope="module")
def gaz(geo) -> Gazetteer:
    return Gazetteer(geo)


def _metres(a: Place, b: Place) -> float:
    return WGS84.inv(a.lon, a.lat, b.lon, b.lat)[2]


# ------------------------------------------------------------ spellings


def test_kyiv_spellings_resolve_to_the_same_place_within_metres(gaz):
    found = [gaz.lookup(name) for name in ("Kyiv", "Kiev", "Київ", "Киев", "KYIV", " kiev ")]
    assert len({p.key for p in found}) == 1
    assert max(_metres(found[0], p) for p in found) < 10
    assert found[0].name == "Kyiv"
    assert found[0].country == "UKR"


def test_kyiv_city_entry_and_place_entry_agree_within_metres(gaz):
    assert _metres(gaz.lookup("Kyiv"), gaz.lookup("city:703448")) < 10


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Kharkov", "Kharkiv"),
        ("Odessa", "Odesa"),
        ("Nikolaev", "Mykolaiv"),
        ("Zaporozhye", "Zaporizhzhia"),
        ("Chernigov", "Chernihiv"),
        ("Lugansk", "Luhansk"),
        ("Dnepropetrovsk", "Dnipro"),
        ("Харьков", "Kharkiv"),
        ("Харків", "Kharkiv"),
    ],
)
def test_old_transliterations_and_cyrillic_resolve_to_current_names(gaz, old, new):
    assert gaz.lookup(old).key == gaz.lookup(new).key
    assert gaz.lookup(old).name == new


@pytest.mark.parametrize(
    ("ukrainian", "english"),
    [("Київ", "Kyiv"), ("Харків", "Kharkiv"), ("Суми", "Sumy"), ("Полтава", "Poltava"),
     ("Кропивницький", "Kropyvnytskyi"), ("Кременчук", "Kremenchuk"), ("Курськ", "Kursk")],
)  # fmt: skip
def test_ukrainian_city_names_resolve_to_the_same_place_as_english(gaz, ukrainian, english):
    assert gaz.lookup(ukrainian).key == gaz.lookup(english).key


@pytest.mark.parametrize("spelling", ["L’gov", "L'gov", "Lgov", "lgov", "LGOV", "Льгов"])
def test_matching_ignores_case_and_apostrophes(gaz, spelling):
    assert gaz.lookup(spelling).key == "place:lgov"


def test_matching_ignores_accents():
    assert normalize("Orël") == normalize("Orel") == "orel"
    assert normalize("Khar’kov") == normalize("Khar'kov") == "kharkov"


def test_oryol_spellings_agree(gaz):
    assert gaz.lookup("Orël").key == gaz.lookup("Oryol").key == gaz.lookup("Orel").key


# ------------------------------------------------------------- airfields


@pytest.mark.parametrize("code", ["UUOK", "uuok", "URS"])
def test_airfield_found_by_icao_or_iata_code(gaz, code):
    place = gaz.lookup(code)
    assert place.kind == "airfield"
    assert place.key == "airfield:UUOK"
    assert "Kursk" in place.name


def test_airfield_found_by_name_without_airport_suffix(gaz):
    assert gaz.lookup("Voronezh Airport").key == "airfield:UUOO"
    assert gaz.lookup("Kursk Khalino").key == "airfield:UUOK"


def test_crimean_airfield_shown_under_ukraine(gaz):
    place = gaz.lookup("UKFI")
    assert place.country == "UKR"
    assert "occupied by Russia since 2014" in place.detail


# --------------------------------------------------------------- regions


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Kursk oblast", "region:RU-KRS"),
        ("Kursk region", "region:RU-KRS"),
        ("Kurskaya oblast", "region:RU-KRS"),
        ("Курська область", "region:RU-KRS"),
        ("Курская область", "region:RU-KRS"),
        ("Sumy oblast", "region:UA-59"),
        ("Sumska oblast", "region:UA-59"),
        ("Sums'ka oblast'", "region:UA-59"),
        ("Сумська область", "region:UA-59"),
        ("Belgorod region", "region:RU-BEL"),
        ("Moscow region", "region:RU-MOS"),
        ("Kyiv oblast", "region:UA-32"),
        ("Crimea", "region:UA-43"),
        ("RU-KRS", "region:RU-KRS"),
    ],
)
def test_region_names_resolve_to_regions(gaz, name, key):
    place = gaz.lookup(name)
    assert place.kind == "region"
    assert place.key == key


def test_region_lookup_gives_a_point_inside_and_the_polygon(gaz):
    place = gaz.lookup("Kursk oblast")
    polygon = gaz.region_geometry(place.key)
    assert polygon.geom_type in ("Polygon", "MultiPolygon")
    assert polygon.covers(Point(place.lon, place.lat))
    assert polygon.contains(Point(36.18457, 51.72689))  # Kursk city
    assert gaz.region_geometry("RU-KRS").equals(polygon)


def test_region_geometry_rejects_an_unknown_key(gaz):
    with pytest.raises(UnknownNameError, match="region:XX-NOPE"):
        gaz.region_geometry("region:XX-NOPE")


def test_crimea_region_is_shown_under_ukraine(gaz):
    place = gaz.lookup("Crimea")
    assert place.country == "UKR"
    assert "occupied by Russia since 2014" in place.detail


# -------------------------------------------------------------- priority


def test_curated_place_wins_over_city_of_the_same_name(gaz):
    assert gaz.lookup("Kursk").key == "place:kursk"
    assert gaz.lookup("Sumy").kind == "place"


def test_city_wins_over_airfield_and_region(gaz):
    place = gaz.lookup("Tula")
    assert place.kind == "city"
    assert place.country == "RUS"


def test_largest_city_wins_when_populations_differ_a_lot(gaz):
    # Donetsk (UA, ~900k) over Donetsk (Rostov oblast, ~50k) once the place is filtered out.
    assert gaz.lookup("Donetsk").key == "place:donetsk"
    place = gaz.lookup("Donetsk, RU")
    assert place.kind == "city"
    assert place.country == "RUS"


def test_country_found_by_name_in_english_and_ukrainian(gaz):
    assert gaz.lookup("Ukraine").key == gaz.lookup("Україна").key == "country:UKR"


def test_lookup_by_key_returns_that_entity(gaz):
    assert gaz.lookup("city:693805").name == "Simferopol"
    assert gaz.lookup("city:693805").country == "UKR"


# ------------------------------------------------------------ ambiguity


def test_two_similar_cities_of_the_same_name_are_ambiguous(gaz):
    with pytest.raises(UnknownNameError) as info:
        gaz.lookup("Bar")
    message = str(info.value)
    assert "'Bar' is ambiguous" in message
    assert "UKR" in message and "MNE" in message
    assert "add the country" in message
    assert sorted(info.value.suggestions) == ["Bar, ME", "Bar, UA"]


@pytest.mark.parametrize(("query", "country"), [("Bar, UA", "UKR"), ("Bar, MNE", "MNE"),
                                                ("Bar, Ukraine", "UKR")])  # fmt: skip
def test_country_qualifier_resolves_ambiguity(gaz, query, country):
    place = gaz.lookup(query)
    assert place.name == "Bar"
    assert place.country == country


def test_ambiguity_suggestions_each_resolve_to_one_candidate(gaz):
    with pytest.raises(UnknownNameError) as info:
        gaz.lookup("Bor")
    keys = {gaz.lookup(s).key for s in info.value.suggestions}
    assert len(keys) == len(info.value.suggestions) >= 2


def test_duplicate_airfield_names_are_ambiguous_and_suggest_icao_codes(gaz):
    with pytest.raises(UnknownNameError) as info:
        gaz.lookup("Cherepovets Airport")
    assert sorted(info.value.suggestions) == ["ULBC", "ULWC"]


def _synthetic_geodata(geo: GeoData, cities: list[dict]) -> GeoData:
    frame = gpd.GeoDataFrame(
        cities,
        geometry=[Point(c["lon"], c["lat"]) for c in cities],
        crs="EPSG:4326",
    )
    return dataclasses.replace(geo, cities=frame, places=geo.places.iloc[0:0])


def _city(gid, name, country, admin1, pop, lon, lat):
    return {
        "geonameid": gid, "name_en": name, "name_uk": "", "name_ascii": name, "alt_names": "",
        "country": country, "admin1_code": admin1, "region_id": "", "status": "",
        "population": pop, "lon": lon, "lat": lat,
    }  # fmt: skip


def test_ambiguity_rule_uses_population_ratio(geo):
    similar = _synthetic_geodata(
        geo,
        [
            _city(1, "Testograd", "RUS", "RU.41", 50_000, 36.0, 51.0),
            _city(2, "Testograd", "UKR", "UA.21", 40_000, 34.0, 51.0),
            _city(3, "Bigtown", "RUS", "RU.41", 900_000, 36.5, 51.5),
            _city(4, "Bigtown", "UKR", "UA.21", 20_000, 34.5, 51.5),
        ],
    )
    gaz = Gazetteer(similar)
    with pytest.raises(UnknownNameError, match=r"Testograd \(city, RUS, pop 50,000.*UKR"):
        gaz.lookup("Testograd")
    assert gaz.lookup("Testograd, UA").key == "city:2"
    assert gaz.lookup("Testograd, RUS").key == "city:1"
    assert gaz.lookup("Bigtown").key == "city:3"


# --------------------------------------------------------------- unknown


def test_unknown_name_suggests_close_matches(gaz):
    with pytest.raises(UnknownNameError) as info:
        gaz.lookup("Kharkof")
    assert "unknown place 'Kharkof'" in str(info.value)
    assert "Kharkiv" in info.value.suggestions


def test_unknown_name_without_close_match_still_raises(gaz):
    with pytest.raises(UnknownNameError, match="unknown place"):
        gaz.lookup("Qqqqzzzz")


@pytest.mark.parametrize("bad", ["", "   ", ","])
def test_empty_name_raises_unknown_name_error(gaz, bad):
    with pytest.raises(UnknownNameError):
        gaz.lookup(bad)


def test_unknown_name_error_is_a_lookup_and_value_error(gaz):
    with pytest.raises(LookupError):
        gaz.lookup("Qqqqzzzz")
    with pytest.raises(ValueError):
        gaz.lookup("Qqqqzzzz")


# ---------------------------------------------------------------- search


def test_search_returns_prefix_matches_best_first(gaz):
    results = gaz.search("kyi")
    assert results[0].name == "Kyiv"
    assert all(isinstance(p, Place) for p in results)
    assert len({p.key for p in results}) == len(results)


def test_search_finds_cyrillic_prefixes(gaz):
    assert "place:kharkiv" in [p.key for p in gaz.search("Харк")]


def test_search_respects_limit(gaz):
    assert len(gaz.search("k", limit=7)) == 7
    with pytest.raises(ValueError, match="limit"):
        gaz.search("k", limit=0)


def test_search_hides_cities_already_listed_as_places(gaz):
    keys = [p.key for p in gaz.search("kursk", limit=50)]
    assert "place:kursk" in keys
    assert "city:538560" not in keys
    assert "region:RU-KRS" in keys


def test_empty_search_lists_curated_places(gaz):
    assert {p.kind for p in gaz.search("", limit=5)} == {"place"}


def test_place_is_frozen(gaz):
    place = gaz.lookup("Kyiv")
    with pytest.raises(dataclasses.FrozenInstanceError):
        place.lat = 0.0  # type: ignore[misc]


# ------------------------------------------------ one romanization per country


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Homyel'", "Gomel"), ("Homyel", "Gomel"), ("Mahilyow", "Mogilev"),
        ("Vitsyebsk", "Vitebsk"), ("Hrodna", "Grodno"), ("Zaporizhzhya", "Zaporizhzhia"),
        ("Mykolayiv", "Mykolaiv"), ("Kamyanske", "Kamianske"), ("Ryazan'", "Ryazan"),
    ],
)  # fmt: skip
def test_the_geonames_spelling_still_finds_the_renamed_city(gaz, old, new):
    # data/cities.fgb writes Belarusian towns by BGN/PCGN of the Russian name and
    # Ukrainian towns by the 2010 system; GeoNames' own spelling is kept as an alias.
    place = gaz.lookup(old)
    assert place.key == gaz.lookup(new).key
    assert place.name == new
