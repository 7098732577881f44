"""evaluate(): the reach of several launch sites is computed per touching group
and joined; it must equal the engine's reach of all sites at once."""

import pytest
from shapely.geometry import GeometryCollection

from ranges.evaluate import evaluate, target_table
from ranges.geodata import load_geodata
from ranges.geodesy import reach
from ranges.presets import PRESETS
from ranges.scenario import Site


@pytest.fixture(scope="module")
def geo():
    return load_geodata()


@pytest.mark.parametrize(
    "sites",
    [
        (Site("Kharkiv", 49.98, 36.25), Site("Kyiv", 50.45, 30.52)),
        (Site("inside the strip", 51.45, 34.35), Site("Sumy", 50.92, 34.8)),  # touches the area
        (),
    ],
)
def test_reach_per_group_equals_reach_of_all_sites(geo, sites):
    scenario = PRESETS["atacms-nov-2024"].replace(sites=sites)
    result = evaluate(scenario, geo)
    whole = reach(GeometryCollection([g for _, g in result.sites]), 300, min_km=70)
    area = result.weapons[0].area
    assert area.is_valid
    assert area.symmetric_difference(whole).area < 1e-9 * whole.area


def test_in_range_matches_the_exact_test_for_every_weapon(geo):
    # evaluate() answers "in range" from the nearest-site distances it already
    # has and asks targets_in_range only for targets under a minimum range;
    # that must agree with targets_in_range over all targets.  Points and an
    # area, weapons with (ATACMS, GMLRS, Iskander-M) and without minimum range.
    from ranges.analysis import targets_in_range

    scenario = PRESETS["atacms-nov-2024"].replace(
        weapons=("atacms-m57", "gmlrs", "iskander-m", "storm-shadow"),
        sites=(Site("Sumy", 50.9077, 34.7981), Site("Kharkiv", 49.9935, 36.2304)),
    )
    result = evaluate(scenario, geo)
    lonlat = result.targets[["lon", "lat"]]
    for w in result.weapons:
        hits = targets_in_range(result.sites, lonlat, w.weapon.max_range_km,
                                min_km=w.weapon.min_range_km)  # fmt: skip
        expected = result.targets.index.isin(hits.index)
        assert (w.in_range == expected).all(), w.weapon.id
        assert w.in_range.sum() > 0
    # Sumy itself is within GMLRS's 15 km minimum of the Sumy site but reached
    # from the far side of the border strip.
    sumy = result.targets["name"].eq("Sumy") & result.targets["layer"].eq("cities")
    assert result.weapons[1].in_range[sumy.to_numpy()].all()


# ----------------------------------------------------------------------------
# Which side a target is on, and headlines that count the other side
# ----------------------------------------------------------------------------
# The oracle below is independent of ranges.territory.classify: a town's country
# is GeoNames' (the cities layer), its side in Ukraine a plain shapely
# point-in-polygon test on the DeepStateMap snapshot, its distance
# pyproj.Geod.inv from a launch point.
HELD, OCC, RUS, BLR, OTHER = (
    "Ukraine (held)", "Ukraine (occupied)", "Russia", "Belarus", "other",
)  # fmt: skip


def _oracle_territory(layer, as_of):
    import numpy as np
    import shapely

    from ranges.territory import occupied

    occ = occupied(as_of).geometry
    inside = shapely.contains_xy(occ, layer["lon"].to_numpy(), layer["lat"].to_numpy())
    country = layer["country"].to_numpy()
    return np.select(
        [country == "RUS", country == "BLR", (country == "UKR") & inside, country == "UKR"],
        [RUS, BLR, OCC, HELD], OTHER,
    )  # fmt: skip


def _oracle_counts(geo, lon, lat, as_of, max_km, min_km):
    """{territory: (airfields, cities, population)} within [min_km, max_km] of a point."""
    import numpy as np
    from pyproj import Geod

    geod = Geod(ellps="WGS84")
    out = {t: [0, 0, 0] for t in (HELD, OCC, RUS, BLR, OTHER)}
    for kind, layer in (("airfields", geo.airfields), ("cities", geo.cities)):
        n = len(layer)
        _, _, d = geod.inv(np.full(n, lon), np.full(n, lat), layer["lon"], layer["lat"])
        hit = (d >= min_km * 1000.0) & (d <= max_km * 1000.0)
        where = _oracle_territory(layer, as_of)
        for t in out:
            sel = hit & (where == t)
            if kind == "airfields":
                out[t][0] = int(sel.sum())
            else:
                out[t][1] = int(sel.sum())
                out[t][2] = int(layer["population"].to_numpy()[sel].sum())
    return {t: dict(zip(("airfields", "cities", "population"), v, strict=True))
            for t, v in out.items()}  # fmt: skip


@pytest.mark.parametrize(
    ("weapon", "site", "as_of"),
    [
        ("atacms-m57", Site("Sumy", 50.9077, 34.7981), "2024-11-17"),
        ("storm-shadow", Site("Zaporizhzhia", 47.8388, 35.1396), "2025-08-01"),
        ("iskander-m", Site("Belgorod", 50.60343, 36.58091), "2024-11-17"),
        ("kn-23", Site("Kursk", 51.72689, 36.18457), "2026-08-22"),
    ],
)
def test_headline_counts_per_territory_match_a_direct_count(geo, weapon, site, as_of):
    scenario = PRESETS["atacms-nov-2024"].replace(
        weapons=(weapon,), sites=(site,), areas=(), allowed_regions=(), as_of=as_of
    )
    result = evaluate(scenario, geo)
    w = result.weapons[0]
    expected = _oracle_counts(geo, site.lon, site.lat, as_of, w.weapon.max_range_km,
                              w.weapon.min_range_km)  # fmt: skip
    assert w.numbers.to_dict()["by_territory"] == expected


def test_flagship_headline_counts_russia_and_never_a_ukrainian_town(geo):
    result = evaluate(PRESETS["atacms-nov-2024"], geo)
    w = result.weapons[0]
    counts = w.numbers.territory_counts
    hit = result.targets[w.in_range]
    cities = hit[hit["layer"] == "cities"]
    russian = cities[cities["territory"] == RUS]
    # the headline's first clause is Russia's towns and nothing else ...
    assert (w.numbers.cities, w.numbers.population) == (
        len(russian), int(russian["population"].sum())
    )
    assert w.headline.split(": ", 1)[1].startswith(f"in Russia {counts[RUS]['airfields']} ")
    # ... while many of Ukraine's own towns are in range, which it once counted
    assert counts[HELD]["cities"] > 50
    assert "Sumy" not in set(russian["name"]) and "Kursk" in set(russian["name"])
    # occupied Ukraine and Belarus have clauses of their own
    assert f"in occupied Ukraine {counts[OCC]['airfields']} airfield" in w.headline
    assert f"in Belarus {counts[BLR]['airfields']} airfields" in w.headline


def test_russian_weapons_headline_counts_no_russian_town(geo):
    result = evaluate(PRESETS["russian-missiles-on-ukraine"], geo)
    for w in result.weapons:
        counts = w.numbers.territory_counts
        assert counts[RUS]["cities"] > 100  # in range, and not counted:
        assert (w.numbers.airfields, w.numbers.cities, w.numbers.population) == tuple(
            counts[HELD].values()
        )
        assert "in Ukrainian-held territory" in w.headline
        assert "Russia" not in w.headline and "Belarus" not in w.headline


@pytest.mark.parametrize(
    ("name", "country", "territory", "as_of"),
    [
        ("Sevastopol", "UKR", OCC, "2024-11-17"),
        ("Simferopol", "UKR", OCC, "2024-11-17"),
        ("Mariupol", "UKR", OCC, "2024-11-17"),
        ("Kharkiv", "UKR", HELD, "2024-11-17"),
        ("Sumy", "UKR", HELD, "2024-11-17"),
        ("Kursk", "RUS", RUS, "2024-11-17"),
        ("Gomel", "BLR", BLR, "2024-11-17"),
        ("Narva", "EST", OTHER, "2024-11-17"),  # on the border river: not Russia
        ("Selydove", "UKR", HELD, "2024-07-08"),
        ("Selydove", "UKR", OCC, "2024-11-17"),
        ("Pokrovsk", "UKR", HELD, "2024-11-17"),
        ("Pokrovsk", "UKR", OCC, "2026-08-22"),
    ],
)
def test_known_cities_are_on_their_side_of_the_front_on_the_date(geo, name, country, territory,
                                                                 as_of):  # fmt: skip
    scenario = PRESETS["atacms-nov-2024"].replace(target_kinds=("cities",), as_of=as_of)
    table = target_table(scenario, geo)
    row = table[table["name"] == name]
    assert len(row) == 1, name
    assert (row["country"].iat[0], row["territory"].iat[0]) == (country, territory)


def test_every_target_row_matches_point_in_polygon_on_the_snapshot(geo):
    import numpy as np

    scenario = PRESETS["atacms-nov-2024"].replace(target_kinds=("cities", "airfields"))
    table = target_table(scenario, geo)
    layers = [geo.cities, geo.airfields]
    expected = np.concatenate([_oracle_territory(layer, scenario.as_of) for layer in layers])
    expected_country = np.concatenate([layer["country"].to_numpy() for layer in layers])
    assert (table["country"].to_numpy() == expected_country).all()
    differ = table[table["territory"].to_numpy() != expected]
    # Points within the thin slivers the two sources' coastlines leave (classify
    # calls them occupied): none among the shipped towns and airfields today.
    assert differ.empty, differ[["name", "country", "territory"]].to_string()


def test_user_targets_get_country_and_territory(geo):
    from ranges.scenario import Target

    scenario = PRESETS["atacms-nov-2024"].replace(
        target_kinds=(),
        user_targets=(
            Target("Saky air base", 45.0930, 33.5950),  # Crimea
            Target("Belgorod depot", 50.60, 36.60),
            Target("Black Sea", 43.0, 34.0),
            Target("Chernihiv", 51.4982, 31.2893),
        ),
    )
    table = target_table(scenario, geo)
    assert table[["country", "territory"]].values.tolist() == [
        ["UKR", OCC], ["RUS", RUS], ["", OTHER], ["UKR", HELD],
    ]  # fmt: skip


def test_a_date_between_snapshots_classifies_as_the_snapshot_before_it(geo):
    # No snapshot from 2024-12-31 to 2025-01-02 (ranges.territory.snapshot_date).
    a = target_table(PRESETS["atacms-nov-2024"].replace(as_of="2025-01-01"), geo)
    b = target_table(PRESETS["atacms-nov-2024"].replace(as_of="2024-12-30"), geo)
    assert a["territory"].equals(b["territory"])


def test_a_date_outside_the_territory_data_stops_evaluate_naming_the_date(geo):
    from ranges.territory import TerritoryDateError

    with pytest.raises(TerritoryDateError, match="as_of 2023-06-01: occupied-territory data"):
        evaluate(PRESETS["atacms-nov-2024"].replace(as_of="2023-06-01"), geo)


def test_cli_helpers_locate_targets_as_evaluate_does(geo):
    import pandas as pd

    from ranges.evaluate import add_territory, located_targets

    scenario = PRESETS["atacms-nov-2024"].replace(target_kinds=("airfields",))
    shipped = located_targets(geo, "airfields", scenario.as_of)
    assert shipped.equals(target_table(scenario, geo))
    own = pd.DataFrame({"name": ["Kursk", "Simferopol"], "lon": [36.1873, 34.1], "lat": [51.7373,
                                                                                        44.95]})
    located = add_territory(own, "2024-11-17", geo)
    assert located["territory"].tolist() == [RUS, OCC]
    assert "territory" not in own.columns  # a copy


# ------------------------------------------------ authorization overlay from the table
def _from_table(pid: str, as_of: str, **changes):
    changes = {"allowed_regions": (), **changes}
    return PRESETS[pid].replace(allowed_from_table=True, as_of=as_of, **changes)


def test_overlay_from_the_table_follows_the_date_of_each_weapons_decision(geo):
    from ranges.analysis import allowed_area

    kursk = allowed_area(geo.regions, ["RU-KRS"])
    before = evaluate(_from_table("atacms-storm-shadow-nov-2024", "2024-11-16"), geo)
    assert before.allowed is None
    assert all(w.allowed_km2 == 0 for w in before.weapons)
    assert "No decision in the table allows ATACMS" in before.weapons[0].authorization
    us_only = evaluate(_from_table("atacms-storm-shadow-nov-2024", "2024-11-17"), geo)
    atacms, storm = us_only.weapons
    assert us_only.allowed.equals(kursk)
    assert atacms.allowed_km2 > 0 and "US, 17 Nov 2024" in atacms.authorization
    assert storm.allowed_km2 == 0 and "Storm Shadow" in storm.authorization
    both = evaluate(_from_table("atacms-storm-shadow-nov-2024", "2024-11-20"), geo)
    assert all(w.allowed_km2 > 0 for w in both.weapons)
    assert "UK, 20 Nov 2024" in both.weapons[1].authorization


def test_overlay_from_the_table_adds_the_users_own_regions(geo):
    result = evaluate(_from_table("atacms-nov-2024", "2024-11-17",
                                  allowed_regions=("RU-BEL",)), geo)  # fmt: skip
    from ranges.evaluate import allowed_regions

    assert allowed_regions(result.scenario) == ("RU-BEL", "RU-KRS")
    bel = geo.regions[geo.regions["region_id"] == "RU-BEL"].geometry.iloc[0]
    assert result.allowed.contains(bel.representative_point())


def test_a_restriction_in_the_table_is_what_the_sentence_says(geo):
    result = evaluate(_from_table("atacms-nov-2024", "2025-09-01"), geo)
    (atacms,) = result.weapons
    assert result.allowed is None and atacms.allowed_km2 == 0
    assert "Pentagon review" in atacms.authorization
