"""Tests for ranges.catalog: the shipped weapon catalog, its sources, validation and lookups.

The source checks read the catalog's quotes independently of the loader: a figure counts
as supported only when a verified source's quoted sentence contains it (in km or miles).
The places checks at the end read ``data/places.csv`` the same way.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

from ranges.catalog import (
    DEFAULT_CATALOG_PATH,
    FIGURES,
    PLATFORMS,
    STATUSES,
    Source,
    Weapon,
    get_weapon,
    load_catalog,
    sources_line,
)
from ranges.errors import DataError, RangesError, UnknownNameError
from ranges.geodata import REQUIRED_COLUMNS, read_places

EXPECTED_IDS = {
    "atacms-m39",
    "atacms-m39a1",
    "atacms-m57",
    "gmlrs",
    "glsdb",
    "storm-shadow",
    "taurus",
    "neptune",
    "iskander-m",
    "kn-23",
    "kh-101",
    "kalibr",
    "shahed-136",
}

# (min km, max km, platform, status) from the published figures the catalog must carry.
EXPECTED_FIGURES = {
    "atacms-m39": (25, 165, "ground", "in-ukrainian-service"),
    "atacms-m39a1": (70, 300, "ground", "in-ukrainian-service"),
    "atacms-m57": (70, 300, "ground", "in-ukrainian-service"),
    "gmlrs": (15, 70, "ground", "in-ukrainian-service"),
    "glsdb": (0, 150, "ground", "in-ukrainian-service"),
    "storm-shadow": (0, 250, "air", "in-ukrainian-service"),
    "taurus": (0, 500, "air", "not-supplied"),
    "neptune": (0, 280, "ground", "in-ukrainian-service"),
    "iskander-m": (50, 500, "ground", "russian"),
    "kn-23": (0, 690, "ground", "north-korean"),
    "kh-101": (0, 4500, "air", "russian"),
    "kalibr": (0, 1500, "sea", "russian"),
    "shahed-136": (0, 2000, "ground", "russian"),
}

# The band: highest credible reported maximum, where published figures disagree.
EXPECTED_REPORTED_MAX = {
    "gmlrs": 92,
    "storm-shadow": 560,
    "iskander-k": 1200,
    "kn-23": 900,
    "kh-101": 5500,
    "kalibr": 2500,
    "shahed-136": 2500,
}

# Minimum ranges no source was found for (flagged as estimates).
EXPECTED_MIN_ESTIMATES = {"atacms-m39", "atacms-m39a1", "atacms-m57"}

MILE_KM = 1.609344


# --- helpers: write small catalogs --------------------------------------------------------


def _toml_value(value: object) -> str:
    """Serialise the few value types these tests need as inline TOML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and math.isnan(value):
        return "nan"
    if isinstance(value, float) and math.isinf(value):
        return "inf" if value > 0 else "-inf"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)  # a JSON string is a valid TOML basic string
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {value!r} as TOML")


_DROP = object()  # pass as an override to leave a field out

# A verified source supporting both figures of the default test entry.
_SOURCE: dict[str, object] = {
    "publisher": "Lockheed Martin",
    "title": "Guided MLRS (GMLRS)",
    "date": "2024",
    "url": "https://example.org/gmlrs",
    "quote": "GMLRS reaches targets 15 to 70 km away.",
    "supports": ["max_range_km", "min_range_km"],
}


def _source(**overrides: object) -> dict[str, object]:
    source = {**_SOURCE, **overrides}
    return {k: v for k, v in source.items() if v is not _DROP}


def _entry(**overrides: object) -> dict[str, object]:
    entry: dict[str, object] = {
        "id": "gmlrs",
        "name": "GMLRS M30/M31",
        "family": "GMLRS",
        "operator": "Ukraine",
        "status": "in-ukrainian-service",
        "platform": "ground",
        "launcher": "HIMARS / M270",
        "min_range_km": 15,
        "max_range_km": 70,
        "note": "Test entry.",
        "sources": [dict(_SOURCE)],
    }
    entry.update(overrides)
    return {k: v for k, v in entry.items() if v is not _DROP}


def _write(tmp_path: Path, *entries: dict[str, object], name: str = "weapons.toml") -> Path:
    lines = ["# test catalog"]
    for entry in entries:
        lines.append("")
        lines.append("[[weapon]]")
        lines.extend(f"{key} = {_toml_value(value)}" for key, value in entry.items())
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _load_error(path: Path) -> str:
    with pytest.raises(DataError) as info:
        load_catalog(path)
    return str(info.value)


def _assert_names(message: str, path: Path, entry: str, field: str | None) -> None:
    assert str(path) in message, message
    assert entry in message, message
    if field is not None:
        assert f"field {field!r}" in message, message


# --- the shipped catalog ----------------------------------------------------------------


@pytest.fixture(scope="module")
def catalog() -> tuple[Weapon, ...]:
    return load_catalog()


def test_shipped_catalog_loads_from_default_path(catalog):
    assert DEFAULT_CATALOG_PATH.name == "weapons.toml"
    assert DEFAULT_CATALOG_PATH.parent.name == "data"
    assert catalog and all(isinstance(w, Weapon) for w in catalog)


def test_shipped_catalog_loads_independent_of_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert {w.id for w in load_catalog()} >= EXPECTED_IDS


def test_shipped_catalog_has_every_required_weapon_id(catalog):
    assert EXPECTED_IDS <= {w.id for w in catalog}


def test_shipped_catalog_has_no_bare_atacms_alias(catalog):
    assert "atacms" not in {w.id for w in catalog}


@pytest.mark.parametrize("weapon_id", sorted(EXPECTED_FIGURES))
def test_shipped_figures_match_published_ranges(catalog, weapon_id):
    weapon = {w.id: w for w in catalog}[weapon_id]
    min_km, max_km, platform, status = EXPECTED_FIGURES[weapon_id]
    assert (weapon.min_range_km, weapon.max_range_km) == (min_km, max_km)
    assert weapon.platform == platform
    assert weapon.status == status


def test_every_shipped_weapon_cites_a_complete_source(catalog):
    for weapon in catalog:
        assert weapon.sources, weapon.id
        for source in weapon.sources:
            assert source.publisher and source.title and source.date, weapon.id
            assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", source.date), weapon.id


def test_every_shipped_weapon_has_an_honest_note_and_valid_enums(catalog):
    for weapon in catalog:
        assert len(weapon.note) > 20, weapon.id
        assert weapon.status in STATUSES
        assert weapon.platform in PLATFORMS
        assert 0 <= weapon.min_range_km < weapon.max_range_km


def test_atacms_300_km_entries_cite_reuters_november_2024_with_its_real_title(catalog):
    by_id = {w.id: w for w in catalog}
    for weapon_id in ("atacms-m39a1", "atacms-m57"):
        reuters = [s for s in by_id[weapon_id].verified_sources if s.publisher == "Reuters"]
        assert reuters and reuters[0].date == "2024-11-17"
        assert reuters[0].title == "Biden allows Ukraine to use US arms to strike inside Russia"
        assert "a range of up to 190 miles (306km)" in reuters[0].quote
        assert "300 km" in by_id[weapon_id].note
        assert "(300 km)" not in by_id[weapon_id].note  # not Reuters' wording


def test_storm_shadow_band_is_export_250_km_and_reported_560_km(catalog):
    weapon = {w.id: w for w in catalog}["storm-shadow"]
    assert (weapon.max_range_km, weapon.reported_max_km) == (250, 560)
    assert any("250km (155mi)" in s.quote for s in weapon.sources_for("max_range_km"))
    assert "250 km" in weapon.note and "560 km" in weapon.note
    uk_statement = [s for s in weapon.sources if s.publisher == "UK Ministry of Defence"]
    assert uk_statement and not uk_statement[0].verified


def test_shahed_note_states_the_band(catalog):
    note = {w.id: w for w in catalog}["shahed-136"].note
    assert "2,000" in note and "2,500" in note


@pytest.mark.parametrize("weapon_id", sorted(EXPECTED_FIGURES))
def test_shipped_band_matches_reported_figures(catalog, weapon_id):
    weapon = {w.id: w for w in catalog}[weapon_id]
    assert weapon.reported_max_km == EXPECTED_REPORTED_MAX.get(weapon_id)
    if weapon.reported_max_km is not None:
        assert weapon.reported_max_km > weapon.max_range_km


def test_unsourced_minimums_are_flagged_as_estimates_with_a_reason(catalog):
    flagged = {w.id for w in catalog if w.min_range_is_estimate}
    assert flagged == EXPECTED_MIN_ESTIMATES
    for weapon in catalog:
        if weapon.min_range_is_estimate:
            assert weapon.min_range_km > 0 and len(weapon.min_range_reason) > 20, weapon.id
            assert not weapon.sources_for("min_range_km"), weapon.id
        else:
            assert weapon.min_range_reason is None, weapon.id


# --- the shipped catalog's sources, read independently of the loader's rules -------------


def _numbers(text: str) -> list[float]:
    """Every number written in ``text``; "1,200", "1.200" and "1 200" (narrow or no-break
    space) count as 1200, and "2,5" / "2.5" also as 2.5, since quotes come in several
    languages."""
    values: list[float] = []
    for match in re.finditer(r"\d+(?:[.,\u00a0\u202f]\d+)*", text):
        parts = re.split(r"[.,\u00a0\u202f]", match.group())
        if len(parts) == 1:
            values.append(float(parts[0]))
            continue
        if all(len(part) == 3 for part in parts[1:]):
            values.append(float("".join(parts)))  # thousands separators
        if len(parts) == 2:
            values.append(float(f"{parts[0]}.{parts[1]}"))  # a decimal point or comma
    return values


def _quote_gives(quote: str, figure_km: float) -> bool:
    """True if some number in ``quote`` is ``figure_km`` in km or in miles, within 3%."""
    return any(
        abs(n - figure_km) <= 0.03 * figure_km or abs(n * MILE_KM - figure_km) <= 0.03 * figure_km
        for n in _numbers(quote)
    )


def test_number_reader_understands_separators_and_miles():
    assert 1200 in _numbers("more than 1,200 km") and 4500 in _numbers("von 4.500 Kilometern")
    assert 306 in _numbers("(306km)") and 15 in _numbers("15 – 84 km")
    assert _quote_gives("a range of up to 190 miles", 300)
    assert not _quote_gives("a range of up to 250 km", 300)  # 250 km or 402 km (as miles)
    assert not _quote_gives("flew 600 kilometers", 690)  # 600 km, or 966 km as miles


def _figures(weapon: Weapon) -> dict[str, float]:
    figures = {"max_range_km": weapon.max_range_km}
    if weapon.reported_max_km is not None:
        figures["reported_max_km"] = weapon.reported_max_km
    if weapon.min_range_km > 0 and not weapon.min_range_is_estimate:
        figures["min_range_km"] = weapon.min_range_km
    return figures


@pytest.mark.parametrize("weapon_id", sorted(EXPECTED_FIGURES | {"iskander-k": None}))
def test_every_shipped_figure_has_a_verified_source_whose_quote_gives_it(catalog, weapon_id):
    weapon = {w.id: w for w in catalog}[weapon_id]
    for figure, km in _figures(weapon).items():
        backing = [
            s for s in weapon.sources
            if s.verified and figure in s.supports and s.quote and _quote_gives(s.quote, km)
        ]  # fmt: skip
        assert backing, f"{weapon_id}: {figure} = {km:g} km has no verified quote giving it"


def test_every_verified_quote_gives_each_figure_it_claims_to_support(catalog):
    for weapon in catalog:
        figures = _figures(weapon) | {"min_range_km": weapon.min_range_km}
        for source in weapon.verified_sources:
            assert source.supports, (weapon.id, source.title)
            for figure in source.supports:
                assert _quote_gives(source.quote, figures[figure]), (weapon.id, source.title)


def test_verified_sources_have_https_urls_real_dates_and_non_empty_quotes(catalog):
    for weapon in catalog:
        for source in weapon.verified_sources:
            assert source.url and source.url.startswith("https://"), (weapon.id, source.url)
            assert " " not in source.url, source.url
            assert source.quote and len(source.quote.strip()) >= 20, (weapon.id, source.title)
            assert source.reason is None
            assert set(source.supports) <= set(FIGURES)


def test_unverified_sources_say_why_and_are_never_credited(catalog):
    unverified = [(w, s) for w in catalog for s in w.sources if not s.verified]
    assert unverified  # the earlier citations that could not be found are kept on record
    for weapon, source in unverified:
        assert source.reason and len(source.reason) > 20, (weapon.id, source.title)
        assert source.quote is None, (weapon.id, source.title)  # nothing was seen to quote
    for weapon in catalog:
        credited = set(sources_line([weapon]).split(", "))
        assert credited == {s.publisher for s in weapon.verified_sources}, weapon.id


def test_titles_not_seen_on_the_page_are_marked(catalog):
    for weapon in catalog:
        for source in weapon.sources:
            assert isinstance(source.title_seen, bool)
    marked = [s for w in catalog for s in w.sources if not s.title_seen]
    assert all(s.verified for s in marked)


def test_kn23_band_is_csis_test_flight_and_white_house_900_km():
    kn23 = get_weapon("kn-23")
    assert (kn23.max_range_km, kn23.reported_max_km) == (690, 900)
    assert [s.publisher for s in kn23.sources_for("max_range_km")] == ["CSIS Missile Threat"]
    assert any("Kirby" in s.quote for s in kn23.sources_for("reported_max_km"))


def test_iskander_k_480_km_is_russias_figure_and_2025_flight_is_the_band():
    weapon = get_weapon("iskander-k")
    assert "Russia's own figure" in weapon.note and "9M729" in weapon.note
    assert any("480 km" in s.quote for s in weapon.sources_for("max_range_km"))
    assert any(s.date.startswith("2025") for s in weapon.sources_for("reported_max_km"))


# --- Weapon properties ------------------------------------------------------------------


def test_side_groups_statuses_into_two_camps(catalog):
    by_id = {w.id: w for w in catalog}
    assert by_id["atacms-m57"].side == "Ukraine and partners"
    assert by_id["taurus"].side == "Ukraine and partners"
    assert by_id["iskander-m"].side == "Russia and North Korea"
    assert by_id["kn-23"].side == "Russia and North Korea"


def test_label_shows_name_and_max_range():
    assert get_weapon("atacms-m57").label == "ATACMS M57 (unitary) – 300 km"
    assert get_weapon("kh-101").label == "Kh-101 – 4,500 km"


def test_to_dict_is_json_serialisable_with_all_fields(catalog):
    for weapon in catalog:
        data = json.loads(json.dumps(weapon.to_dict()))
        for field in (
            "id",
            "name",
            "family",
            "operator",
            "status",
            "platform",
            "launcher",
            "min_range_km",
            "max_range_km",
            "reported_max_km",
            "min_range_is_estimate",
            "min_range_reason",
            "note",
            "side",
        ):
            assert field in data, field
        assert data["id"] == weapon.id
        assert data["max_range_km"] == weapon.max_range_km
        assert data["reported_max_km"] == weapon.reported_max_km
        assert data["min_range_is_estimate"] == weapon.min_range_is_estimate
        assert data["side"] == weapon.side
        assert data["sources"] == [
            {
                "publisher": s.publisher, "title": s.title, "date": s.date, "url": s.url,
                "quote": s.quote, "supports": list(s.supports), "via": s.via,
                "title_seen": s.title_seen, "verified": s.verified, "reason": s.reason,
            }
            for s in weapon.sources
        ]  # fmt: skip


def test_weapon_is_immutable():
    weapon = get_weapon("gmlrs")
    with pytest.raises(AttributeError):
        weapon.max_range_km = 1000  # type: ignore[misc]


# --- validation: file level ---------------------------------------------------------------


def test_missing_file_raises_data_error_naming_the_file(tmp_path):
    path = tmp_path / "nope.toml"
    message = _load_error(path)
    assert str(path) in message and "cannot read" in message


def test_directory_instead_of_file_raises_data_error(tmp_path):
    assert str(tmp_path) in _load_error(tmp_path)


def test_bad_toml_raises_data_error_with_file_and_toml_line(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text('[[weapon]]\nid = "gmlrs"\nname = unquoted text\n', encoding="utf-8")
    message = _load_error(path)
    assert str(path) in message
    assert "not valid TOML" in message
    assert "line 3" in message


def test_non_utf8_file_raises_data_error(tmp_path):
    path = tmp_path / "latin1.toml"
    path.write_bytes('[[weapon]]\nname = "caf\xe9"\n'.encode("latin-1"))
    message = _load_error(path)
    assert str(path) in message and "UTF-8" in message


def test_catalog_without_weapons_is_rejected(tmp_path):
    path = tmp_path / "empty.toml"
    path.write_text("# nothing\n", encoding="utf-8")
    assert "no [[weapon]]" in _load_error(path)


def test_unknown_top_level_key_is_rejected(tmp_path):
    path = _write(tmp_path, _entry())
    path.write_text('title = "x"\n' + path.read_text(encoding="utf-8"), encoding="utf-8")
    message = _load_error(path)
    assert "'title'" in message and str(path) in message


def test_data_error_is_a_ranges_error():
    assert issubclass(DataError, RangesError)


# --- validation: entries ------------------------------------------------------------------


@pytest.mark.parametrize("field", ["id", "name", "status", "platform", "max_range_km", "sources"])
def test_missing_field_names_file_entry_and_field(tmp_path, field):
    path = _write(tmp_path, _entry(), _entry(**{"id": "glsdb", field: _DROP}))
    message = _load_error(path)
    _assert_names(message, path, "weapon #2", field)
    assert "missing" in message


def test_missing_field_message_includes_entry_id_when_known(tmp_path):
    path = _write(tmp_path, _entry(id="glsdb", note=_DROP))
    _assert_names(_load_error(path), path, "weapon #1 'glsdb'", "note")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", 5),
        ("id", ["gmlrs"]),
        ("note", True),
        ("min_range_km", "15"),
        ("max_range_km", "70 km"),
        ("max_range_km", True),
        ("min_range_km", False),
        ("sources", "Lockheed Martin"),
    ],
)
def test_wrong_type_names_file_entry_and_field(tmp_path, field, value):
    path = _write(tmp_path, _entry(**{field: value}))
    message = _load_error(path)
    _assert_names(message, path, "weapon #1", field)
    assert "must be" in message


def test_boolean_range_is_not_accepted_as_a_number(tmp_path):
    path = _write(tmp_path, _entry(min_range_km=0, max_range_km=True))
    message = _load_error(path)
    assert "must be a number" in message and "boolean" in message


def test_empty_string_field_is_rejected(tmp_path):
    path = _write(tmp_path, _entry(launcher="   "))
    _assert_names(_load_error(path), path, "weapon #1 'gmlrs'", "launcher")


def test_unknown_status_lists_allowed_values(tmp_path):
    path = _write(tmp_path, _entry(status="ukrainian"))
    message = _load_error(path)
    _assert_names(message, path, "weapon #1 'gmlrs'", "status")
    assert "'ukrainian'" in message
    for status in STATUSES:
        assert status in message


def test_unknown_platform_lists_allowed_values(tmp_path):
    path = _write(tmp_path, _entry(platform="space"))
    message = _load_error(path)
    _assert_names(message, path, "weapon #1 'gmlrs'", "platform")
    assert "ground, air, sea" in message and "'space'" in message


@pytest.mark.parametrize("bad_id", ["GMLRS", "gm lrs", "gmlrs_m31", "-gmlrs", "gmlrs-", "gm--lrs"])
def test_id_that_is_not_a_slug_is_rejected(tmp_path, bad_id):
    path = _write(tmp_path, _entry(id=bad_id))
    message = _load_error(path)
    _assert_names(message, path, "weapon #1", "id")
    assert "slug" in message and repr(bad_id) in message


def test_duplicate_id_names_both_entries(tmp_path):
    path = _write(tmp_path, _entry(), _entry(id="glsdb"), _entry())
    message = _load_error(path)
    _assert_names(message, path, "weapon #3 'gmlrs'", "id")
    assert "duplicate" in message and "weapon #1" in message


def test_negative_min_range_is_rejected(tmp_path):
    path = _write(tmp_path, _entry(min_range_km=-1))
    message = _load_error(path)
    _assert_names(message, path, "weapon #1 'gmlrs'", "min_range_km")
    assert ">= 0" in message and "-1" in message


@pytest.mark.parametrize("max_km", [10, 15, 15.0])
def test_max_not_above_min_is_rejected_with_both_values(tmp_path, max_km):
    path = _write(tmp_path, _entry(min_range_km=15, max_range_km=max_km))
    message = _load_error(path)
    _assert_names(message, path, "weapon #1 'gmlrs'", "max_range_km")
    assert "> min_range_km (15)" in message and f"got {max_km:g}" in message


@pytest.mark.parametrize(
    ("field", "value"),
    [("max_range_km", math.inf), ("max_range_km", math.nan), ("min_range_km", math.nan)],
)
def test_non_finite_range_is_rejected(tmp_path, field, value):
    path = _write(tmp_path, _entry(**{field: value}))
    message = _load_error(path)
    _assert_names(message, path, "weapon #1 'gmlrs'", field)
    assert "finite" in message


def test_max_range_above_20000_km_is_rejected(tmp_path):
    path = _write(tmp_path, _entry(max_range_km=20_001))
    message = _load_error(path)
    _assert_names(message, path, "weapon #1 'gmlrs'", "max_range_km")
    assert "20,000" in message


def test_max_range_of_exactly_20000_km_is_accepted(tmp_path):
    path = _write(tmp_path, _entry(max_range_km=20_000))
    assert load_catalog(path)[0].max_range_km == 20_000.0


def test_empty_sources_is_rejected(tmp_path):
    path = _write(tmp_path, _entry(sources=[]))
    message = _load_error(path)
    _assert_names(message, path, "weapon #1 'gmlrs'", "sources")
    assert "at least one source" in message


@pytest.mark.parametrize("missing", ["publisher", "title", "date"])
def test_source_missing_required_field_is_rejected(tmp_path, missing):
    source = _source(publisher="Reuters", title="A title", date="2024-11-17")
    del source[missing]
    path = _write(tmp_path, _entry(sources=[_source(), source]))
    message = _load_error(path)
    _assert_names(message, path, "weapon #1 'gmlrs'", f"sources[1].{missing}")


@pytest.mark.parametrize("bad_date", ["17/11/2024", "2024-13", "2024-02-30", "24", "2024-1-5"])
def test_source_date_must_be_iso_year_month_or_day(tmp_path, bad_date):
    source = _source(publisher="Reuters", title="A title", date=bad_date)
    path = _write(tmp_path, _entry(sources=[source]))
    message = _load_error(path)
    _assert_names(message, path, "weapon #1 'gmlrs'", "sources[0].date")
    assert repr(bad_date) in message


def test_unquoted_toml_date_is_rejected_with_a_hint(tmp_path):
    path = tmp_path / "weapons.toml"
    text = _write(tmp_path, _entry()).read_text(encoding="utf-8")
    path.write_text(text.replace('date = "2024"', "date = 2024-11-17"), encoding="utf-8")
    message = _load_error(path)
    _assert_names(message, path, "weapon #1 'gmlrs'", "sources[0].date")
    assert "quoted" in message


@pytest.mark.parametrize("good_date", ["2024", "2024-11", "2024-11-17"])
def test_source_date_accepts_year_month_or_full_date(tmp_path, good_date):
    source = _source(publisher="Reuters", title="A title", date=good_date)
    path = _write(tmp_path, _entry(sources=[source]))
    expected = Source(
        "Reuters", "A title", good_date, url="https://example.org/gmlrs",
        quote="GMLRS reaches targets 15 to 70 km away.",
        supports=("max_range_km", "min_range_km"),
    )  # fmt: skip
    assert load_catalog(path)[0].sources == (expected,)


def test_source_url_is_kept_and_optional_only_for_unverified_sources(tmp_path):
    unverified = {"publisher": "R", "title": "T", "date": "2024", "verified": False,
                  "reason": "Not found in stored copies."}  # fmt: skip
    path = _write(tmp_path, _entry(sources=[_source(url="https://example.org/a"), unverified]))
    verified, kept = load_catalog(path)[0].sources
    assert verified.url == "https://example.org/a" and verified.verified
    assert kept.url is None and not kept.verified and kept.reason == "Not found in stored copies."


@pytest.mark.parametrize("url", ["example.org", "http://example.org/a", "https://", "ftp://x"])
def test_source_url_must_be_https(tmp_path, url):
    path = _write(tmp_path, _entry(sources=[_source(url=url)]))
    message = _load_error(path)
    _assert_names(message, path, "weapon #1 'gmlrs'", "sources[0].url")
    assert "https://" in message and repr(url) in message


@pytest.mark.parametrize("field", ["url", "quote", "supports"])
def test_verified_source_without_url_quote_or_supports_is_rejected(tmp_path, field):
    path = _write(tmp_path, _entry(sources=[_source(**{field: _DROP})]))
    message = _load_error(path)
    _assert_names(message, path, "weapon #1 'gmlrs'", f"sources[0].{field}")
    assert "missing" in message


def test_empty_quote_is_rejected(tmp_path):
    path = _write(tmp_path, _entry(sources=[_source(quote="  ")]))
    _assert_names(_load_error(path), path, "weapon #1 'gmlrs'", "sources[0].quote")


def test_unverified_source_needs_a_reason_and_a_verified_one_has_none(tmp_path):
    path = _write(tmp_path, _entry(sources=[_source(), _source(verified=False)]))
    message = _load_error(path)
    _assert_names(message, path, "weapon #1 'gmlrs'", "sources[1].reason")
    assert "verified = false" in message
    path = _write(tmp_path, _entry(sources=[_source(reason="checked")]), name="b.toml")
    _assert_names(_load_error(path), path, "weapon #1 'gmlrs'", "sources[0].reason")


@pytest.mark.parametrize(("field", "value"), [("verified", "yes"), ("title_seen", 1)])
def test_source_flags_must_be_booleans(tmp_path, field, value):
    path = _write(tmp_path, _entry(sources=[_source(**{field: value})]))
    message = _load_error(path)
    _assert_names(message, path, "weapon #1 'gmlrs'", f"sources[0].{field}")
    assert "true or false" in message


@pytest.mark.parametrize(
    ("supports", "expected"),
    [
        (["max_range_km", "range_km"], "'range_km'"),
        (["max_range_km", "max_range_km"], "twice"),
        ("max_range_km", "array"),
        (["max_range_km", "min_range_km", "reported_max_km"], "no reported_max_km"),
    ],
)
def test_supports_must_name_figures_the_weapon_has(tmp_path, supports, expected):
    path = _write(tmp_path, _entry(sources=[_source(supports=supports)]))
    message = _load_error(path)
    _assert_names(message, path, "weapon #1 'gmlrs'", "sources[0].supports")
    assert expected in message


def test_figure_with_no_verified_source_is_rejected_naming_the_figure(tmp_path):
    path = _write(tmp_path, _entry(sources=[_source(supports=["min_range_km"])]))
    message = _load_error(path)
    _assert_names(message, path, "weapon #1 'gmlrs'", "max_range_km")
    assert "no verified source" in message


def test_support_from_an_unverified_source_does_not_count(tmp_path):
    unverified = _source(
        verified=False, reason="Page not found.", url=_DROP, quote=_DROP,
        supports=["reported_max_km"],
    )  # fmt: skip
    path = _write(tmp_path, _entry(reported_max_km=92, sources=[_source(), unverified]))
    message = _load_error(path)
    _assert_names(message, path, "weapon #1 'gmlrs'", "reported_max_km")
    assert "no verified source" in message


def test_band_with_a_supporting_source_loads(tmp_path):
    band = _source(quote="It reaches 92 km.", supports=["reported_max_km"])
    path = _write(tmp_path, _entry(reported_max_km=92, sources=[_source(), band]))
    (weapon,) = load_catalog(path)
    assert (weapon.max_range_km, weapon.reported_max_km) == (70.0, 92.0)
    assert weapon.sources_for("reported_max_km") == (weapon.sources[1],)
    assert weapon.to_dict()["reported_max_km"] == 92.0


@pytest.mark.parametrize("reported", [70, 60, 20_001, True, "92"])
def test_reported_max_must_be_a_number_above_the_nominal_maximum(tmp_path, reported):
    path = _write(tmp_path, _entry(reported_max_km=reported))
    message = _load_error(path)
    _assert_names(message, path, "weapon #1 'gmlrs'", "reported_max_km")


def test_unsourced_minimum_flagged_as_estimate_loads_and_is_exposed(tmp_path):
    path = _write(
        tmp_path,
        _entry(
            min_range_estimate=True,
            min_range_reason="No published minimum was found.",
            sources=[_source(supports=["max_range_km"])],
        ),
    )
    (weapon,) = load_catalog(path)
    assert weapon.min_range_is_estimate and weapon.min_range_km == 15
    assert weapon.min_range_reason == "No published minimum was found."
    assert weapon.to_dict()["min_range_is_estimate"] is True


def test_unsourced_minimum_without_the_estimate_flag_is_rejected(tmp_path):
    path = _write(tmp_path, _entry(sources=[_source(supports=["max_range_km"])]))
    message = _load_error(path)
    _assert_names(message, path, "weapon #1 'gmlrs'", "min_range_km")
    assert "min_range_estimate" in message


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"min_range_estimate": True}, "min_range_reason"),
        ({"min_range_reason": "why"}, "min_range_reason"),
        ({"min_range_estimate": "yes", "min_range_reason": "why"}, "min_range_estimate"),
        ({"min_range_estimate": True, "min_range_reason": "why", "min_range_km": 0},
         "min_range_estimate"),
        ({"min_range_estimate": True, "min_range_reason": "why"}, "min_range_estimate"),
    ],
)  # fmt: skip
def test_estimate_flag_rules(tmp_path, overrides, field):
    # The last case: a verified source supports the minimum, so it is not an estimate.
    sources = [_source(supports=["max_range_km"])] if "min_range_km" in overrides else None
    entry = _entry(**overrides) if sources is None else _entry(**overrides, sources=sources)
    path = _write(tmp_path, entry)
    _assert_names(_load_error(path), path, "weapon #1 'gmlrs'", field)


def test_unknown_weapon_field_is_rejected_listing_allowed_fields(tmp_path):
    path = _write(tmp_path, _entry(range_km=300))
    message = _load_error(path)
    _assert_names(message, path, "weapon #1 'gmlrs'", "range_km")
    assert "unknown field" in message and "max_range_km" in message


def test_unknown_source_field_is_rejected(tmp_path):
    path = _write(tmp_path, _entry(sources=[_source(page="12")]))
    message = _load_error(path)
    _assert_names(message, path, "weapon #1 'gmlrs'", "sources[0].page")
    assert "unknown field" in message and "quote" in message


def test_error_message_gives_line_of_the_weapon_table(tmp_path):
    path = _write(tmp_path, _entry(), _entry(id="glsdb", max_range_km=1))
    header_lines = [
        n for n, line in enumerate(path.read_text().splitlines(), 1) if line == "[[weapon]]"
    ]
    message = _load_error(path)
    assert f"line {header_lines[1]}, weapon #2 'glsdb'" in message


def test_valid_small_catalog_loads_with_floats_and_stripped_text(tmp_path):
    path = _write(tmp_path, _entry(name="  GMLRS  ", min_range_km=15, max_range_km=70.5))
    (weapon,) = load_catalog(path)
    assert weapon.name == "GMLRS"
    assert isinstance(weapon.min_range_km, float) and weapon.max_range_km == 70.5
    assert weapon.label == "GMLRS – 70.5 km"


def test_load_catalog_accepts_str_path(tmp_path):
    path = _write(tmp_path, _entry())
    assert load_catalog(str(path))[0].id == "gmlrs"


# --- get_weapon ---------------------------------------------------------------------------


def test_get_weapon_is_case_insensitive_and_strips_whitespace():
    assert get_weapon("  ATACMS-M57\n").id == "atacms-m57"


def test_get_weapon_searches_a_given_catalog(tmp_path):
    custom = load_catalog(_write(tmp_path, _entry(id="test-rocket")))
    assert get_weapon("test-rocket", custom).id == "test-rocket"
    with pytest.raises(UnknownNameError):
        get_weapon("gmlrs", custom)


def test_unknown_atacms_suggests_all_three_variants():
    with pytest.raises(UnknownNameError) as info:
        get_weapon("atacms")
    assert info.value.suggestions[:3] == ["atacms-m39", "atacms-m39a1", "atacms-m57"]
    assert "'atacms'" in str(info.value)


def test_unknown_storm_suggests_storm_shadow():
    with pytest.raises(UnknownNameError) as info:
        get_weapon("storm")
    assert info.value.suggestions == ["storm-shadow"]
    assert "storm-shadow" in str(info.value)


def test_name_typed_instead_of_id_suggests_the_id():
    with pytest.raises(UnknownNameError) as info:
        get_weapon("Storm Shadow")
    assert "storm-shadow" in info.value.suggestions


@pytest.mark.parametrize(("query", "expected"), [("hwasong", "kn-23"), ("Geran", "shahed-136")])
def test_part_of_weapon_name_suggests_its_id(query, expected):
    with pytest.raises(UnknownNameError) as info:
        get_weapon(query)
    assert expected in info.value.suggestions


def test_misspelt_id_suggests_close_match():
    with pytest.raises(UnknownNameError) as info:
        get_weapon("kh101")
    assert info.value.suggestions[0] == "kh-101"


def test_hopeless_id_lists_known_ids_without_suggestions():
    with pytest.raises(UnknownNameError) as info:
        get_weapon("zzzzzz")
    assert info.value.suggestions == []
    assert "'zzzzzz'" in str(info.value) and "gmlrs" in str(info.value)


def test_unknown_weapon_error_is_a_lookup_and_value_error():
    with pytest.raises(LookupError):
        get_weapon("no-such-weapon")
    with pytest.raises(ValueError):
        get_weapon("no-such-weapon")


def test_get_weapon_rejects_non_string_id():
    with pytest.raises(TypeError, match="weapon_id"):
        get_weapon(57)  # type: ignore[arg-type]


# --- sources_line -------------------------------------------------------------------------


def test_sources_line_joins_distinct_verified_publishers_sorted():
    weapons = [get_weapon("atacms-m57"), get_weapon("gmlrs"), get_weapon("atacms-m39a1")]
    assert sources_line(weapons) == (
        "A News, Hromadske, Reuters, Talk Business & Politics, Ukrinform, WP Tech"
    )


def test_sources_line_leaves_out_unverified_citations():
    atacms = get_weapon("atacms-m57")
    assert any(s.publisher == "CSIS Missile Threat" and not s.verified for s in atacms.sources)
    assert "CSIS Missile Threat" not in sources_line([atacms])


def test_sources_line_of_nothing_is_empty():
    assert sources_line([]) == ""


# --- data/places.csv: every coordinate with an address and the text that gives it ------

PLACES_PATH = DEFAULT_CATALOG_PATH.parent / "places.csv"
_DMS = re.compile(r"(\d+)°\s*(\d+)[′']\s*([\d.]+)[″\"]?\s*([NSEWO])")


def _coordinates_in(quote: str) -> list[float]:
    """Decimal degrees written in ``quote``: decimals (point or comma) and D°M′S″."""
    values = [float(x) for x in re.findall(r"\d+\.\d+", quote)]
    values += [float(x.replace(",", ".")) for x in re.findall(r"\d+,\d+", quote)]
    for deg, minutes, sec, hemi in _DMS.findall(quote):
        value = int(deg) + int(minutes) / 60 + float(sec) / 3600
        values.append(-value if hemi in "SW" else value)
    return values


@pytest.fixture(scope="module")
def places():
    return read_places(PLACES_PATH)


def test_places_have_source_url_and_quote_columns():
    assert REQUIRED_COLUMNS["places"][-3:] == ("source", "source_url", "quote")
    header = PLACES_PATH.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header == list(REQUIRED_COLUMNS["places"])


def test_every_place_quote_gives_its_coordinates_from_an_https_address(places):
    for row in places.itertuples():
        assert row.source_url.startswith("https://") and " " not in row.source_url, row.place_id
        found = _coordinates_in(row.quote)
        # 0.00002° is about 2 m; DMS with whole seconds rounds to 0.00001° in the CSV.
        assert any(abs(v - row.lat) < 2e-5 for v in found), (row.place_id, row.quote)
        assert any(abs(v - row.lon) < 2e-5 for v in found), (row.place_id, row.quote)


def test_geonames_places_point_at_their_geonames_record(places):
    checked = 0
    for row in places.itertuples():
        if row.source.startswith("GeoNames id "):
            geonameid = row.source.split()[-1]
            assert row.source_url == f"https://www.geonames.org/{geonameid}", row.place_id
            assert row.quote.startswith(f'"geonameid": {geonameid}, "name": '), row.place_id
            checked += 1
    assert checked >= 25


def test_corrected_places_sit_on_the_sites_the_fact_check_located(places):
    # The fact-check: the Zaporizhzhia reactors are near 47.5122, 34.5858 and
    # Engels-2 near 51.481, 46.21; the old coordinates were ~3.1 km and ~1.7 km off.
    from pyproj import Geod

    geod = Geod(ellps="WGS84")
    by_id = places.set_index("place_id")
    for place_id, lat, lon in (("zaporizhzhia-npp", 47.5122, 34.5858),
                               ("engels-2", 51.481, 46.21)):  # fmt: skip
        row = by_id.loc[place_id]
        _, _, metres = geod.inv(lon, lat, row["lon"], row["lat"])
        assert metres < 300, (place_id, metres)
        assert "wiki" in row["source_url"], place_id


def _places_csv(tmp_path: Path, row: str) -> Path:
    path = tmp_path / "places.csv"
    path.write_text(",".join(REQUIRED_COLUMNS["places"]) + "\n" + row + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("url", "quote", "field"),
    [
        ("http://www.geonames.org/1", "latitude 50.0", "source_url"),
        ("", "latitude 50.0", "source_url"),
        ("https://www.geonames.org/1", "  ", "quote"),
    ],
)
def test_read_places_rejects_a_row_without_https_url_or_quote(tmp_path, url, quote, field):
    path = _places_csv(tmp_path, f"x,X,Х,Х,50.0,30.0,city,UKR,,GeoNames id 1,{url},{quote}")
    with pytest.raises(DataError, match=rf"places.csv, line 2 .*'{field}'"):
        read_places(path)


def test_read_places_keeps_url_and_quote(tmp_path):
    row_text = 'x,X,Х,Х,50.0,30.0,city,UKR,,GeoNames id 1,https://www.geonames.org/1,"50.0, 30.0"'
    path = _places_csv(tmp_path, row_text)
    row = read_places(path).iloc[0]
    assert (row["source_url"], row["quote"]) == ("https://www.geonames.org/1", "50.0, 30.0")
