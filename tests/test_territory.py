"""Occupied and Ukrainian-held territory as of a date (``ranges.territory``).

The stored snapshots are checked against the areas the build measured on the
source polygons (everywhere) and against the upstream archive itself (when
``../shared/sources`` holds it, or ``DEEPSTATE_SOURCE`` names a copy or
checkout; CI has neither, so those tests skip).  Point classification is
checked against plain shapely point-in-polygon tests, the front line against
distances to the sea computed here.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tarfile
from pathlib import Path

import numpy as np
import pytest
import shapely
from pyproj import Geod, Transformer
from shapely.geometry import Point, shape
from shapely.geometry.polygon import orient

from ranges import territory as T
from ranges.errors import DataError, InputError
from ranges.geodata import DEFAULT_DATA_DIR, load_geodata

ROOT = Path(__file__).resolve().parent.parent
ARCHIVE = Path(
    os.environ.get(
        "DEEPSTATE_SOURCE", ROOT.parent / "shared" / "sources" / "deepstate-map-data-e904719.tar.xz"
    )
)
WGS84 = Geod(ellps="WGS84")
# Metres for distances of a few km (the same equal-area projection as the build).
TO_M = Transformer.from_crs(
    "EPSG:4326", "+proj=laea +lat_0=52 +lon_0=35 +datum=WGS84 +units=m", always_xy=True
)
D = dt.date


def _metres(geom):
    return shapely.transform(geom, lambda xy: np.column_stack(TO_M.transform(*xy.T)))


def _area_km2(geom) -> float:
    """Geodesic area written out here, not through ranges.territory."""
    polys = [orient(p, 1.0) for p in getattr(geom, "geoms", [geom])]
    return sum(WGS84.geometry_area_perimeter(p)[0] for p in polys) / 1e6


@pytest.fixture(scope="module")
def geo():
    return load_geodata()


@pytest.fixture(scope="module")
def ukraine(geo):
    return geo.countries.loc[geo.countries["iso_a3"] == "UKR", "geometry"].iloc[0]


def _archive_snapshots(days: list[str]) -> dict[str, object]:
    """The source polygons of ``days`` read straight from the upstream files."""
    want = {f"deepstatemap_data_{d.replace('-', '')}.geojson": d for d in days}
    out = {}
    if ARCHIVE.is_dir():
        for name, day in want.items():
            doc = json.loads((ARCHIVE / "data" / name).read_bytes())
            out[day] = shape(doc["features"][0]["geometry"])
        return out
    with tarfile.open(ARCHIVE) as tar:
        for m in tar.getmembers():
            day = want.get(m.name.rsplit("/", 1)[-1])
            if day:
                doc = json.loads(tar.extractfile(m).read())
                out[day] = shape(doc["features"][0]["geometry"])
    return out


needs_archive = pytest.mark.skipif(
    not ARCHIVE.exists(), reason=f"upstream archive {ARCHIVE} not present (not shipped)"
)


# --------------------------------------------------------------------------
# Stored snapshots
# --------------------------------------------------------------------------
def test_every_stored_date_is_within_one_percent_of_the_source_area():
    source = T.source_areas_km2()
    assert len(source) == len(T.snapshot_dates()) == 769
    worst = 0.0
    for day, src_km2 in source.items():
        stored = _area_km2(T.occupied(day).geometry)
        worst = max(worst, abs(stored - src_km2) / src_km2)
    assert worst < 0.01


@needs_archive
def test_stored_snapshots_match_the_upstream_files():
    days = ["2024-07-08", "2024-08-17", "2024-11-17", "2025-01-02", "2025-08-20", "2026-08-22"]
    recorded = T.source_areas_km2()
    for day, src in _archive_snapshots(days).items():
        stored = T.occupied(day).geometry
        assert T.occupied(day).snapshot_date.isoformat() == day
        src_km2 = _area_km2(src)
        assert abs(recorded[D.fromisoformat(day)] - src_km2) < 1e-3
        assert abs(_area_km2(stored) - src_km2) < 0.01 * src_km2
        # Stored vertex by vertex: coordinates rounded to 1e-7 degree, nothing simplified.
        a, b = shapely.get_coordinates(stored), shapely.get_coordinates(src)
        assert a.shape == b.shape
        assert np.abs(a - b).max() <= 0.5e-7 + 1e-12


@needs_archive
def test_rebuilding_from_the_archive_gives_the_shipped_bytes(tmp_path):
    from tools import script

    build = script("build_territory")
    try:
        stats = build.build(ARCHIVE, tmp_path)
    finally:
        T.clear_cache()
    assert stats["worst_area_error_pct"] < 1.0
    for name in (T.DATA_FILE, T.LICENSE_FILE):
        assert (tmp_path / name).read_bytes() == (DEFAULT_DATA_DIR / name).read_bytes(), name


def test_occupied_area_on_17_november_2024_is_about_111000_km2():
    snap = T.occupied("2024-11-17")
    area = _area_km2(snap.geometry)
    assert 110_500 < area < 111_700  # 111,115 km²
    assert area == pytest.approx(T.source_areas_km2()[D(2024, 11, 17)], rel=1e-6)


def test_data_file_records_its_source_licence_and_worst_area_error():
    header = T.data_info()
    assert header["source"]["commit"] == "e904719a6726c7e6b5d6e87a7701e1b77b18e554"
    assert header["stats"]["worst_area_error_pct"] < 1.0
    notice = (DEFAULT_DATA_DIR / T.LICENSE_FILE).read_text(encoding="utf-8")
    for text in ("DeepStateMap", "cyterat/deepstate-map-data", header["source"]["commit"],
                 "GNU GENERAL PUBLIC LICENSE", "Version 3, 29 June 2007"):  # fmt: skip
        assert text in notice


def test_data_folder_stays_under_25_mb():
    total = sum(p.stat().st_size for p in DEFAULT_DATA_DIR.rglob("*") if p.is_file())
    assert total < 25e6


def test_missing_data_file_names_the_file_and_the_rebuild_command(tmp_path):
    with pytest.raises(DataError, match=r"occupied\.bin is missing.*build_territory\.py"):
        T.occupied("2024-11-17", data_dir=tmp_path)


# --------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------
def test_coverage_runs_from_the_first_to_the_newest_snapshot():
    dates = T.snapshot_dates()
    assert T.coverage() == (D(2024, 7, 8), D(2026, 8, 22)) == (dates[0], dates[-1])
    assert list(dates) == sorted(set(dates))
    assert T.latest() == T.DEFAULT_AS_OF == D(2026, 8, 22)


@pytest.mark.parametrize(
    ("as_of", "used"),
    [
        ("2024-11-17", D(2024, 11, 17)),
        ("2025-01-01", D(2024, 12, 31)),  # no file for 1 Jan 2025
        ("2024-08-19", D(2024, 8, 17)),  # none for 18 and 19 Aug 2024
        (D(2025, 4, 1), D(2025, 3, 30)),
        (dt.datetime(2026, 7, 9, 12, 0), D(2026, 7, 8)),
    ],
)
def test_a_date_between_snapshots_uses_the_latest_snapshot_on_or_before_it(as_of, used):
    snap = T.occupied(as_of)
    assert T.snapshot_date(as_of) == snap.snapshot_date == used
    assert snap.as_of == T.parse_date(as_of)
    assert snap.credit == f"Occupied territory: DeepStateMap, as of {used.isoformat()}"


@pytest.mark.parametrize("as_of", ["2024-07-07", "2022-02-24", "2026-08-23", "2030-01-01"])
def test_a_date_outside_the_data_raises_naming_the_range(as_of):
    with pytest.raises(T.TerritoryDateError) as exc:
        T.occupied(as_of)
    assert isinstance(exc.value, InputError)
    assert str(exc.value) == (
        f"as_of {as_of}: occupied-territory data covers 2024-07-08 to 2026-08-22"
    )
    assert exc.value.nearest == (D(2024, 7, 8) if as_of < "2025" else D(2026, 8, 22))


def test_a_date_outside_the_data_names_where_it_came_from():
    with pytest.raises(T.TerritoryDateError, match=r"^--as-of 2024-06-01: .* 2024-07-08 to "):
        T.snapshot_date("2024-06-01", where="--as-of")


@pytest.mark.parametrize("text", ["17/11/2024", "2024-11-31", "2024-13-01", "", "yesterday", None])
def test_a_malformed_date_names_the_value_the_rule_and_where(text):
    with pytest.raises(InputError) as exc:
        T.parse_date(text, "--as-of")
    message = str(exc.value)
    assert message.startswith(f"--as-of: {text!r} is not a")
    assert "YYYY-MM-DD" in message
    assert not isinstance(exc.value, T.TerritoryDateError)


# --------------------------------------------------------------------------
# Held territory and the front line
# --------------------------------------------------------------------------
@pytest.mark.parametrize("as_of", ["2024-07-08", "2024-11-17", "2026-08-22"])
def test_held_and_occupied_together_make_up_ukraine(geo, ukraine, as_of):
    held = T.held(as_of, geo)
    occ = T.occupied(as_of).geometry
    assert held.territory == T.HELD and held.snapshot_date == T.occupied(as_of).snapshot_date
    assert _area_km2(shapely.intersection(held.geometry, occ)) < 0.01
    total = _area_km2(held.geometry) + _area_km2(shapely.intersection(occ, ukraine))
    # What is missing is the slivers between the two sources' coasts (~900 km²).
    assert total == pytest.approx(_area_km2(ukraine), rel=0.003)


@pytest.mark.parametrize("as_of", ["2024-07-08", "2024-11-17", "2025-08-20", "2026-08-22"])
def test_front_line_runs_where_held_and_occupied_meet(geo, as_of):
    front = T.front_line(as_of, geo)
    occ = T.occupied(as_of).geometry
    held = T.held(as_of, geo).geometry
    assert front.geom_type == "MultiLineString" and not front.is_empty
    pts = shapely.points(shapely.get_coordinates(front))
    # Every vertex on both boundaries (1e-7 degree: the storage quantum, ~1 cm).
    assert shapely.distance(pts, occ.boundary).max() < 1e-7
    assert shapely.distance(pts, held.boundary).max() < 1e-7
    # 30 m either side of each segment's middle: held ground on one side,
    # occupied on the other (segments over 200 m, so the probe stays local).
    left, right = [], []
    for part in front.geoms:
        c = np.column_stack(TO_M.transform(*np.asarray(part.coords).T))
        step = c[1:] - c[:-1]
        length = np.hypot(*step.T)
        long = length > 200
        normal = np.column_stack([-step[:, 1], step[:, 0]])[long] / length[long, None] * 30
        middle = (c[1:] + c[:-1])[long] / 2
        left.append(np.column_stack(TO_M.transform(*(middle + normal).T, direction="INVERSE")))
        right.append(np.column_stack(TO_M.transform(*(middle - normal).T, direction="INVERSE")))
    left, right = np.concatenate(left), np.concatenate(right)
    held_a, occ_a = shapely.contains_xy(held, *left.T), shapely.contains_xy(occ, *left.T)
    held_b, occ_b = shapely.contains_xy(held, *right.T), shapely.contains_xy(occ, *right.T)
    assert len(left) > 500
    assert ((held_a & ~occ_a & occ_b & ~held_b) | (held_b & ~occ_b & occ_a & ~held_a)).all()


@pytest.mark.parametrize("as_of", ["2024-07-08", "2024-11-17", "2025-11-26", "2026-08-22"])
def test_front_line_does_not_follow_the_coast(geo, as_of):
    front = T.front_line(as_of, geo)
    # A front drawn along the coasts of Crimea and the Sea of Azov would be
    # thousands of km long; the land front is ~1,000-1,500 km.
    assert 1_000 < WGS84.geometry_length(front) / 1000 < 1_500
    land = shapely.union_all(geo.countries.geometry.to_numpy())
    sea = _metres(shapely.difference(shapely.box(20, 43, 42, 54), land))
    sample = shapely.get_coordinates(shapely.segmentize(front, 0.005))  # every ~500 m
    near_sea = sample[shapely.distance(_metres(shapely.points(sample)), sea) < 5_000]
    # Only where the front meets the Dnipro estuary (Kherson), never on the
    # Azov or Crimean coasts, and only a sliver of the whole.
    assert len(near_sea) < 0.03 * len(sample)
    assert (near_sea[:, 0] < 33.0).all()


# --------------------------------------------------------------------------
# Classifying points
# --------------------------------------------------------------------------
PLACES = {  # lon, lat, country, territory on 2024-11-17
    "Kyiv": (30.5234, 50.4501, "UKR", T.HELD),
    "Kharkiv": (36.2304, 49.9935, "UKR", T.HELD),
    "Sumy": (34.7981, 50.9077, "UKR", T.HELD),
    "Odesa": (30.7233, 46.4825, "UKR", T.HELD),
    "Donetsk": (37.8028, 48.0159, "UKR", T.OCCUPIED),
    "Simferopol": (34.1024, 44.9521, "UKR", T.OCCUPIED),
    "Sevastopol": (33.5224, 44.6166, "UKR", T.OCCUPIED),
    "Melitopol": (35.3653, 46.8489, "UKR", T.OCCUPIED),
    "Mariupol": (37.5413, 47.0971, "UKR", T.OCCUPIED),
    "Kursk": (36.1873, 51.7373, "RUS", T.RUSSIA),
    "Belgorod": (36.5983, 50.5977, "RUS", T.RUSSIA),
    "Minsk": (27.5615, 53.9045, "BLR", T.BELARUS),
    "Warsaw": (21.0122, 52.2297, "POL", T.OTHER),
}


def test_classify_puts_known_cities_on_the_right_side(geo):
    lon, lat, country, territory = (np.array(v) for v in zip(*PLACES.values(), strict=True))
    got_country, got_territory = T.classify(lon, lat, "2024-11-17", geo)
    assert dict(zip(PLACES, got_country, strict=True)) == dict(zip(PLACES, country, strict=True))
    assert dict(zip(PLACES, got_territory, strict=True)) == dict(
        zip(PLACES, territory, strict=True)
    )


@pytest.mark.parametrize("as_of", ["2024-07-08", "2026-08-22"])
def test_crimea_and_sevastopol_are_occupied_on_every_date(geo, as_of):
    _, territory = T.classify([34.1024, 33.5224], [44.9521, 44.6166], as_of, geo)
    assert list(territory) == [T.OCCUPIED, T.OCCUPIED]


def test_classify_agrees_with_point_in_polygon_on_the_stored_snapshot(geo):
    rng = np.random.default_rng(11)
    lon, lat = rng.uniform(21, 41, 3000), rng.uniform(44, 53, 3000)
    country, territory = T.classify(lon, lat, "2024-11-17", geo)
    occ = T.occupied("2024-11-17").geometry
    held = T.held("2024-11-17", geo).geometry
    codes = geo.countries["iso_a3"].tolist()
    polys = geo.countries.geometry.tolist()
    checked = 0
    for x, y, c, t in zip(lon, lat, country, territory, strict=True):
        pt = Point(x, y)
        owner = [code for code, poly in zip(codes, polys, strict=True) if poly.covers(pt)]
        if not owner:
            continue  # off every coast: the nearest-country rule, tested below
        checked += 1
        assert c == owner[0]
        if c == "UKR":
            # Outside both: a sliver between the sources' coasts, next to occupied land.
            assert t == (T.HELD if held.covers(pt) and not occ.covers(pt) else T.OCCUPIED)
        else:
            assert t == {"RUS": T.RUSSIA, "BLR": T.BELARUS}.get(c, T.OTHER)
    assert checked > 2000
    assert {T.HELD, T.OCCUPIED, T.RUSSIA, T.BELARUS, T.OTHER} <= set(territory)


def test_point_in_the_occupied_polygon_but_in_russia_stays_russia(geo, ukraine):
    occ = T.occupied("2024-11-17").geometry
    russia = geo.countries.loc[geo.countries["iso_a3"] == "RUS", "geometry"].iloc[0]
    overlap = shapely.intersection(shapely.difference(occ, ukraine), russia)
    biggest = max(shapely.get_parts(overlap), key=lambda p: p.area)
    p = shapely.point_on_surface(biggest)
    assert occ.covers(p) and russia.covers(p)
    country, territory = T.classify([p.x], [p.y], "2024-11-17", geo)
    assert (country[0], territory[0]) == ("RUS", T.RUSSIA)


def test_points_just_off_the_coast_take_the_nearest_country_within_5_km(geo, ukraine):
    # Walk south from Odesa until out of every country polygon, then 2 km more.
    lon, lat = 30.7233, 46.4825
    land = shapely.union_all(geo.countries.geometry.to_numpy())
    while land.covers(Point(lon, lat)):
        lon, lat, _ = WGS84.fwd(lon, lat, 150.0, 100.0)
    lon, lat, _ = WGS84.fwd(lon, lat, 150.0, 2_000.0)
    far = WGS84.fwd(lon, lat, 150.0, 6_000.0)
    country, territory = T.classify([lon, far[0], 32.0], [lat, far[1], 44.0], "2024-11-17", geo)
    assert list(country) == ["UKR", "", ""]
    assert list(territory) == [T.HELD, T.OTHER, T.OTHER]


def test_classify_checks_its_arrays(geo):
    with pytest.raises(InputError, match="lon and lat"):
        T.classify([30.0, 31.0], [50.0], "2024-11-17", geo)


# --------------------------------------------------------------------------
# GeoJSON
# --------------------------------------------------------------------------
def test_territory_features_gives_occupied_and_held_with_their_geodesic_areas(geo):
    fc = json.loads(json.dumps(T.territory_features("2025-01-01", geo)))
    assert fc["type"] == "FeatureCollection" and "grey zones" in fc["caveat"]
    assert [f["properties"]["territory"] for f in fc["features"]] == [T.OCCUPIED, T.HELD]
    for f in fc["features"]:
        p = f["properties"]
        assert p["snapshot_date"] == "2024-12-31" and p["as_of"] == "2025-01-01"
        assert "DeepStateMap via cyterat/deepstate-map-data" in p["source"]
        geom = shape(f["geometry"])
        assert p["area_km2"] == pytest.approx(_area_km2(geom), abs=0.1)
        # RFC 7946: exterior rings counterclockwise.
        assert all(poly.exterior.is_ccw for poly in geom.geoms)
    occ, held = (f["properties"]["area_km2"] for f in fc["features"])
    assert 110_000 < occ < 113_000 and 480_000 < held < 492_000
    assert T.territory_table("2025-01-01", geo) == [f["properties"] for f in fc["features"]]
