"""evaluate(): the reach of several launch sites is computed per touching group
and joined; it must equal the engine's reach of all sites at once."""

import pytest
from shapely.geometry import GeometryCollection

from ranges.evaluate import evaluate
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
