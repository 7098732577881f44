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
