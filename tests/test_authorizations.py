"""The authorization table (data/authorizations.toml) and what it allows as of a date."""

from __future__ import annotations

import re
import textwrap
import tomllib
from datetime import date

import pytest

from ranges import authorizations as auth
from ranges.catalog import load_catalog
from ranges.errors import DataError, InputError, UnknownNameError

ATACMS = ("atacms-m39", "atacms-m39a1", "atacms-m57")


@pytest.fixture(scope="module")
def decisions():
    return auth.load_decisions()


def allowance(day: str, weapon: str, decisions):
    return auth.allowed_as_of(date.fromisoformat(day), [weapon], decisions=decisions)[weapon]


# --- the shipped table ----------------------------------------------------------------


def test_shipped_table_loads_every_entry_sorted_by_date(decisions):
    raw = tomllib.loads(auth.DEFAULT_AUTHORIZATIONS_PATH.read_text(encoding="utf-8"))
    assert len(decisions) == len(raw["decision"]) >= 8
    assert [d.date for d in decisions] == sorted(d.date for d in decisions)


def test_every_decision_cites_a_url_and_a_verbatim_quote(decisions):
    for decision in decisions:
        assert decision.sources, decision.id
        for source in decision.sources:
            assert source.url.startswith("https://"), decision.id
            assert len(source.quote.strip()) >= 40, decision.id  # a sentence, not a word


def test_every_catalog_weapon_name_resolves(decisions):
    catalog = load_catalog()
    for decision in decisions:
        if decision.weapons:
            assert any(decision.covers(w) for w in catalog), decision.id


def test_atacms_family_covers_all_three_variants(decisions):
    for weapon in ATACMS:
        assert allowance("2024-11-17", weapon, decisions).regions == ("RU-KRS",)


# --- what was allowed when ------------------------------------------------------------


def test_atacms_not_allowed_in_kursk_the_day_before_17_nov_2024(decisions):
    a = allowance("2024-11-16", "atacms-m57", decisions)
    assert "RU-KRS" not in a.regions and not a.zones and not a.decisions
    assert a.summary.startswith("No decision in the table allows ATACMS")


def test_atacms_allowed_in_kursk_from_17_nov_2024_as_reported(decisions):
    a = allowance("2024-11-17", "atacms-m57", decisions)
    assert a.regions == ("RU-KRS",)
    assert [d.id for d in a.decisions] == ["us-2024-11-17-atacms"]
    assert a.decisions[0].status == "reported" and not a.restricted
    assert a.summary == (
        "US, 17 Nov 2024 (reported): ATACMS strikes inside Russia allowed, "
        "first in the Kursk region"
    )


def test_kirby_confirmation_adds_to_the_17_nov_decision_not_replaces_it(decisions):
    a = allowance("2024-11-25", "atacms-m57", decisions)
    assert a.regions == ("RU-KRS",)
    assert [d.id for d in a.decisions] == ["us-2024-11-17-atacms", "us-2024-11-25-kirby"]


def test_storm_shadow_allowed_in_kursk_from_20_nov_2024_not_before(decisions):
    assert allowance("2024-11-19", "storm-shadow", decisions).regions == ()
    a = allowance("2024-11-20", "storm-shadow", decisions)
    assert a.regions == ("RU-KRS",)
    assert [d.decider for d in a.decisions] == ["UK"]


def test_france_scalp_statement_is_a_zone_not_whole_regions(decisions):
    a = allowance("2024-11-23", "storm-shadow", decisions)
    assert a.regions == ("RU-KRS",)
    assert [z.decision_id for z in a.zones] == ["fr-2024-11-23-scalp"]


def test_kharkiv_border_decision_does_not_cover_atacms(decisions):
    kharkiv = next(d for d in decisions if d.id == "us-2024-05-30-kharkiv-counterfire")
    assert not any(kharkiv.covers(w) for w in load_catalog() if w.id in ATACMS)
    a = allowance("2024-06-01", "atacms-m57", decisions)
    assert not a.allowed and not a.decisions


def test_kharkiv_border_decision_gives_gmlrs_a_zone_in_belgorod_not_the_region(decisions):
    a = allowance("2024-06-01", "gmlrs", decisions)
    assert a.regions == ()  # only the area across the border, not all of Belgorod region
    assert [(z.decision_id, z.within) for z in a.zones] == [
        ("us-2024-05-30-kharkiv-counterfire", ("RU-BEL",))
    ]


def test_pentagon_review_restricts_atacms_everywhere_from_23_aug_2025(decisions):
    before = allowance("2025-08-22", "atacms-m57", decisions)
    assert before.regions == ("RU-KRS",) and not before.restricted
    after = allowance("2025-08-23", "atacms-m57", decisions)
    assert after.regions == () and after.zones == () and after.restricted
    assert [d.id for d in after.decisions] == ["us-2025-08-23-pentagon-review"]


def test_pentagon_review_also_removes_storm_shadow_permissions(decisions):
    a = allowance("2025-09-01", "storm-shadow", decisions)
    assert a.regions == () and a.zones == () and a.restricted


def test_disputed_october_2025_report_lifts_storm_shadow_restriction_but_says_disputed(
    decisions,
):
    a = allowance("2025-10-22", "storm-shadow", decisions)
    russia = auth._shipped_region_ids()
    assert set(a.regions) == {r for r in russia if r.startswith("RU-")}
    assert not a.restricted
    assert "(disputed)" in a.summary
    # ATACMS stays restricted: the report concerns Storm Shadow only.
    assert allowance("2025-10-22", "atacms-m57", decisions).restricted


def test_decisions_after_as_of_are_ignored(decisions):
    late = allowance("2024-11-17", "atacms-m57", decisions)
    assert all(d.date <= date(2024, 11, 17) for d in late.decisions)


def test_weapon_ids_are_looked_up_in_the_catalog():
    with pytest.raises(UnknownNameError, match="atacms-m99"):
        auth.allowed_as_of(date(2024, 11, 17), ["atacms-m99"])


@pytest.mark.parametrize("bad", ["2024-13-01", "17 Nov 2024", 20241117])
def test_a_malformed_as_of_is_an_input_error(bad):
    with pytest.raises(InputError, match="not a date"):
        auth.allowed_as_of(bad, ["atacms-m57"])


# --- folding rules on a small independent table ------------------------------------------


def _decision(id, day, action, regions=(), weapons=("gmlrs",), within=(), text=""):
    return auth.Decision(
        id=id, date=date.fromisoformat(day), decider="X", weapons=weapons, action=action,
        status="announced", headline=id, sources=(), scope_text=text,
        scope_regions=regions, regions=regions, scope_within=within, within=within,
    )  # fmt: skip


def test_allow_after_a_restriction_lifts_it_only_where_it_names():
    table = [
        _decision("a", "2024-01-01", "allow", ("RU-KRS", "RU-BEL")),
        _decision("r", "2024-02-01", "restrict", ("RU-KRS", "RU-BEL", "RU-BRY")),
        _decision("b", "2024-03-01", "allow", ("RU-BEL",)),
    ]
    a = auth.allowed_as_of("2024-03-01", ["gmlrs"], decisions=table)["gmlrs"]
    assert a.regions == ("RU-BEL",) and a.restricted
    assert [d.id for d in a.decisions] == ["r", "b"]  # "a" no longer governs any region


def test_restriction_drops_only_zones_lying_wholly_inside_it():
    table = [
        _decision("z1", "2024-01-01", "allow", within=("RU-BEL",), text="near Kharkiv"),
        _decision("z2", "2024-01-02", "allow", within=("RU-BEL", "RU-KRS"), text="border"),
        _decision("r", "2024-02-01", "restrict", ("RU-BEL",)),
    ]
    a = auth.allowed_as_of("2024-02-01", ["gmlrs"], decisions=table)["gmlrs"]
    assert [z.decision_id for z in a.zones] == ["z2"]


# --- decisions_table (the CLI's rows) ----------------------------------------------------


def test_decisions_table_filters_by_date_and_weapon_family(decisions):
    rows = auth.decisions_table(as_of="2024-11-30", weapon="ATACMS", decisions=decisions)
    assert [r["id"] for r in rows] == ["us-2024-11-17-atacms", "us-2024-11-25-kirby"]
    assert all(r["in_effect"] for r in rows)
    assert rows[0]["source_line"].startswith("Reuters (via Geo News), 2024-11-17")


def test_decisions_table_marks_superseded_decisions_not_in_effect(decisions):
    rows = {r["id"]: r for r in auth.decisions_table(weapon="atacms-m57", decisions=decisions)}
    assert rows["us-2024-11-17-atacms"]["in_effect"] is False  # lifted by the 2025 review
    assert rows["us-2025-08-23-pentagon-review"]["in_effect"] is True


def test_decisions_table_keeps_rows_without_catalog_weapons(decisions):
    rows = {r["id"]: r for r in auth.decisions_table(decisions=decisions)}
    assert rows["de-2024-05-31-border"]["in_effect"] is None
    assert len(rows) == len(decisions)


def test_decisions_table_rejects_an_unknown_weapon():
    with pytest.raises(UnknownNameError, match="family"):
        auth.decisions_table(weapon="tomahawk")


# --- bad rows -----------------------------------------------------------------------------

GOOD_ROW = """
[[decision]]
id = "us-test"
date = "2024-11-17"
decider = "US"
weapons = ["ATACMS"]
scope_regions = ["RU-KRS"]
action = "allow"
status = "reported"
headline = "test"
headline_uk = "тест"

[[decision.sources]]
publisher = "P"
title = "T"
date = "2024-11-17"
url = "https://example.org/a"
quote = "A sentence."
"""


def _load(tmp_path, text):
    path = tmp_path / "authorizations.toml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return auth.load_decisions(path)


def test_a_well_formed_temporary_table_loads(tmp_path):
    (decision,) = _load(tmp_path, GOOD_ROW)
    assert decision.id == "us-test" and decision.regions == ("RU-KRS",)


@pytest.mark.parametrize(
    ("old", "new", "field", "rule"),
    [
        ('date = "2024-11-17"\ndecider', 'date = "2024-13-17"\ndecider', "date", "ISO date"),
        ('date = "2024-11-17"\ndecider', 'date = "17 Nov 2024"\ndecider', "date", "ISO date"),
        ('action = "allow"', 'action = "permit"', "action", "allow, restrict"),
        ('status = "reported"', 'status = "rumoured"', "status", "announced"),
        ('weapons = ["ATACMS"]', 'weapons = ["tomahawk"]', "weapons", "unknown weapon"),
        ('scope_regions = ["RU-KRS"]', 'scope_regions = ["RU-XXX"]', "scope_regions", "unknown"),
        ('url = "https://example.org/a"\n', "", "sources[0].url", "missing"),
        ('quote = "A sentence."', 'quote = " "', "sources[0].quote", "empty"),
    ],
)
def test_a_bad_row_names_file_line_decision_field_and_rule(tmp_path, old, new, field, rule):
    assert GOOD_ROW.count(old) == 1
    with pytest.raises(DataError) as info:
        _load(tmp_path, GOOD_ROW.replace(old, new))
    message = str(info.value)
    assert "authorizations.toml, line 2, decision #1 'us-test'" in message
    assert f"field {field!r}" in message and rule in message


def test_a_row_without_sources_is_a_data_error(tmp_path):
    without = GOOD_ROW.split("[[decision.sources]]")[0]
    with pytest.raises(DataError, match=r"decision #1 'us-test', field 'sources': missing"):
        _load(tmp_path, without)


def test_the_second_bad_row_is_named_by_its_number_and_line(tmp_path):
    second = GOOD_ROW.replace('"us-test"', '"us-two"').replace('"allow"', '"maybe"')
    with pytest.raises(DataError, match=r"line 20, decision #2 'us-two', field 'action'"):
        _load(tmp_path, GOOD_ROW + second)


def test_a_restriction_must_name_its_regions(tmp_path):
    row = GOOD_ROW.replace('scope_regions = ["RU-KRS"]', 'scope_text = "somewhere"')
    row = row.replace('"allow"', '"restrict"')
    with pytest.raises(DataError, match="restriction must name"):
        _load(tmp_path, row)


def test_a_duplicate_id_is_a_data_error(tmp_path):
    with pytest.raises(DataError, match=r"decision #2 'us-test', field 'id': duplicate"):
        _load(tmp_path, GOOD_ROW + GOOD_ROW)


# --- both languages ----------------------------------------------------------------------


def test_every_decision_has_its_summary_in_english_and_ukrainian():
    for d in auth.load_decisions():
        assert d.headline and d.headline_uk and d.headline_uk != d.headline, d.id
        assert re.search("[а-яіїєґ]", d.headline_uk, re.I), (d.id, d.headline_uk)
        # words quoted in the English summary stay in their language, marked as a quote
        for quoted in re.findall(r'"([^"]+)"', d.headline):
            assert f"«{quoted}»" in d.headline_uk and "цитата" in d.headline_uk, d.id


def test_a_table_row_without_a_ukrainian_summary_is_refused(tmp_path):
    with pytest.raises(DataError, match="headline_uk"):
        _load(tmp_path, GOOD_ROW.replace('headline_uk = "тест"\n', ""))


def test_the_ukrainian_summary_names_decider_date_status_and_our_translation():
    allowance = auth.allowed_as_of("2024-11-17", ["atacms-m57"])["atacms-m57"]
    uk = auth.summary_in(f"ATACMS M57: x ({allowance.summary})", "uk")
    assert uk == (
        "ATACMS M57: x (США, 17 листопада 2024 (за повідомленнями): "
        "Удари ATACMS по території Росії дозволено, спершу в Курській області)"
    )
    assert auth.summary_in(allowance.summary, "en") == allowance.summary
    none = auth.allowed_as_of("2024-11-16", ["taurus"])["taurus"].summary
    assert auth.summary_in(none, "uk") == (
        "Станом на 16 листопада 2024 жодне рішення з таблиці не дозволяє ударів Taurus "
        "по території Росії"
    )
    for d in auth.load_decisions():  # every label and summary the fold can write
        assert d.headline not in auth.summary_in(f"{d.label}: {d.headline}", "uk"), d.id
