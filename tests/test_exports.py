"""Tests of ranges.exports and ``strike-range export``: every format read back
with a real reader (json + shapely, defusedxml, pyogrio, csv), for the flagship
preset and for a scenario whose user targets and notes are hostile text.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import shutil
import subprocess

import defusedxml.ElementTree as DET
import numpy as np
import pyogrio
import pytest
import shapely
from shapely.geometry import shape
from tools import require_tool

from ranges import cli, cli_export, render, territory
from ranges import exports as ex
from ranges.errors import InputError
from ranges.evaluate import evaluate
from ranges.presets import PRESETS
from ranges.scenario import PALETTE, Note, Scenario, ScenarioError, Site, Target

KML = "{http://www.opengis.net/kml/2.2}"
FLAGSHIP = "atacms-nov-2024"

# Text that must stay inert in every format.
SCRIPT = "</script><script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
FORMULA = '=HYPERLINK("http://evil.example/","click me")'
HOSTILE_TARGETS = (
    SCRIPT, IMG, FORMULA, "+1+2", "-3+4", "@SUM(A1:A2)", "Tom & Jerry's \"bar\"",
    "@@=constructor.constructor('window.__pwned=1')()",
)  # fmt: skip
HOSTILE_NOTE = f"{SCRIPT} {IMG} <!-- {FORMULA}"
KEY_VARS = ("MAPBOX_API_KEY", "MapboxAccessToken", "GOOGLE_MAPS_API_KEY", "GoogleMapsAPIKey",
            "CARTO_API_KEY")  # fmt: skip


@pytest.fixture(scope="module")
def hostile(geo):
    # Kursk region, inside the flagship's reach; 0.1 degree apart so that no
    # label is merged with another.
    targets = tuple(
        Target(name, 51.50 + 0.1 * i, 36.00 + 0.05 * i) for i, name in enumerate(HOSTILE_TARGETS)
    )
    scenario = PRESETS[FLAGSHIP].replace(
        user_targets=targets,
        notes=(Note(HOSTILE_NOTE, 51.6, 35.6, source=FORMULA),),
        title=f"Title {IMG}",
    )
    return evaluate(scenario, geo)


def _ring_ccw(coords) -> bool:
    return shapely.LinearRing(coords).is_ccw


# --------------------------------------------------------------------------
# Formats table and entry point
# --------------------------------------------------------------------------
def test_formats_offer_extension_and_mime_type_for_every_export():
    assert set(ex.FORMATS) == {"geojson", "kml", "gpkg", "csv", "regions-csv", "html"}
    assert ex.FORMATS["geojson"].mime == "application/geo+json"
    assert ex.FORMATS["kml"].mime == "application/vnd.google-earth.kml+xml"
    assert ex.FORMATS["gpkg"].mime == "application/geopackage+sqlite3"
    assert ex.FORMATS["csv"].mime.startswith("text/csv")
    for fmt, spec in ex.FORMATS.items():
        assert spec.extension.startswith(".") and spec.label
        expected = fmt if fmt != "regions-csv" else "csv"
        assert ex.format_from_path(f"map{spec.extension.upper()}") == expected


def test_format_from_path_names_a_bad_extension():
    with pytest.raises(InputError, match=r"'\.pdf'.*\.geojson, \.kml, \.gpkg, \.csv, \.html"):
        ex.format_from_path("map.pdf")
    with pytest.raises(InputError, match="no extension"):
        ex.format_from_path("map")
    assert ex.format_from_path("r.csv", table="regions") == "regions-csv"


def test_export_rejects_an_unknown_format_by_name(flagship, geo):
    with pytest.raises(InputError, match="'shp' is not one of geojson, kml"):
        ex.export(flagship, geo, "shp")


def test_export_writes_the_bytes_it_returns_and_replaces_an_old_file(flagship, geo, tmp_path):
    path = tmp_path / "map.gpkg"
    path.write_bytes(b"old content, not a GeoPackage")
    data = ex.export(flagship, geo, "gpkg", path)
    assert path.read_bytes() == data
    ex.export(flagship, geo, "gpkg", path)  # again: replaced, not merged
    info = pyogrio.read_info(path, layer="reach_areas")
    assert info["features"] == len(flagship.weapons)
    assert [p.name for p in tmp_path.iterdir()] == ["map.gpkg"]  # no temp file left


# --------------------------------------------------------------------------
# GeoJSON
# --------------------------------------------------------------------------
def test_geojson_is_rfc7946_with_counterclockwise_exteriors(flagship):
    fc = json.loads(ex.to_geojson(flagship))
    assert fc["type"] == "FeatureCollection" and "crs" not in fc
    reach = [f for f in fc["features"] if f["properties"]["feature"] == "reach_area"]
    assert len(reach) == 1
    geom = reach[0]["geometry"]
    polygons = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    assert polygons
    for rings in polygons:
        assert _ring_ccw(rings[0])  # exterior counterclockwise (RFC 7946 §3.1.6)
        assert all(not _ring_ccw(r) for r in rings[1:])  # holes clockwise
    # and it is the reach area, to the rounding (7 decimals)
    area = shape(geom)
    w = flagship.weapons[0]
    assert area.symmetric_difference(w.area).area < 1e-6 * w.area.area


def test_geojson_reach_feature_carries_weapon_ranges_colour_sites_headline(flagship):
    fc = json.loads(ex.to_geojson(flagship))
    props = next(f["properties"] for f in fc["features"] if f["properties"]["feature"]
                 == "reach_area")  # fmt: skip
    assert props["weapon"] == "atacms-m57" and props["weapon_name"].startswith("ATACMS")
    assert (props["min_range_km"], props["max_range_km"]) == (70, 300)
    assert props["color"] == PALETTE[0]
    assert props["launch_sites"] == [name for name, _ in flagship.sites]
    assert props["headline"] == flagship.weapons[0].headline
    assert props["authorization"] == flagship.weapons[0].authorization != ""
    kinds = {f["properties"]["feature"] for f in fc["features"]}
    assert kinds == {"reach_area", "launch_area", "target", "note", "occupied_territory"}
    assert "GeoNames" in fc["attribution"]


def test_geojson_targets_are_the_targets_in_range_with_distance_launch_authorization(flagship):
    fc = json.loads(ex.to_geojson(flagship))
    targets = [f for f in fc["features"] if f["properties"]["feature"] == "target"]
    assert len(targets) == int(flagship.targets["in_range"].sum()) > 50
    by_name = {t["properties"]["name"]: t for t in targets}
    kursk = by_name["Kursk"]
    p = kursk["properties"]
    assert p["authorized"] is True and p["authorization"]
    assert p["reached_by"] == flagship.weapons[0].weapon.name
    assert 70 <= p["distance_km"] <= 300 and p["launch"]
    lon, lat = kursk["geometry"]["coordinates"]
    assert (round(lon), round(lat)) == (36, 52)  # x = lon, y = lat
    # distance to the nearest point of the launch area: within the maximum range
    assert all(0 <= t["properties"]["distance_km"] <= 300 for t in targets)


def test_geojson_scenario_member_reopens_the_same_scenario(flagship, hostile):
    for result in (flagship, hostile):
        data = ex.to_geojson(result)
        assert json.loads(data)["scenario"] == result.scenario.to_dict()
        assert ex.scenario_from_export(data, "map.geojson") == result.scenario


def test_scenario_from_export_reads_scenario_files_and_refuses_foreign_geojson():
    s = PRESETS[FLAGSHIP]
    assert ex.scenario_from_export(s.to_json()) == s
    foreign = json.dumps({"type": "FeatureCollection", "features": []})
    with pytest.raises(ScenarioError, match="x.geojson: .*without a 'scenario' member"):
        ex.scenario_from_export(foreign, "x.geojson")
    with pytest.raises(ScenarioError, match="bad.json: not valid JSON"):
        ex.scenario_from_export(b"{nope", "bad.json")


def test_geojson_keeps_hostile_names_as_exact_text(hostile):
    fc = json.loads(ex.to_geojson(hostile))
    names = {f["properties"].get("name") for f in fc["features"]}
    assert set(HOSTILE_TARGETS) <= names
    notes = [f["properties"] for f in fc["features"] if f["properties"]["feature"] == "note"]
    assert notes == [{"feature": "note", "text": HOSTILE_NOTE, "source": FORMULA}]


# --------------------------------------------------------------------------
# KML
# --------------------------------------------------------------------------
def _kml(result):
    return DET.fromstring(ex.to_kml(result))


def test_kml_color_is_aabbggrr():
    assert ex.kml_color("#D55E00") == "ff005ed5"
    assert ex.kml_color("#0072B2", 0.3) == "4cb27200"
    with pytest.raises(ValueError, match="'#RRGGBB', got 'red'"):
        ex.kml_color("red")


def test_kml_styles_use_the_weapon_colour_with_alpha_and_outline(flagship):
    root = _kml(flagship)
    style = root.find(f".//{KML}Style[@id='weapon-0']")
    assert style is not None
    bgr = PALETTE[0][5:7] + PALETTE[0][3:5] + PALETTE[0][1:3]
    assert style.findtext(f"{KML}PolyStyle/{KML}color") == "4c" + bgr.lower()
    assert style.findtext(f"{KML}LineStyle/{KML}color") == "ff" + bgr.lower()
    assert style.findtext(f"{KML}PolyStyle/{KML}outline") == "1"


def test_kml_has_a_folder_per_weapon_with_its_reach_and_targets(flagship):
    root = _kml(flagship)
    doc = root.find(f"{KML}Document")
    assert doc.findtext(f"{KML}name") == PRESETS[FLAGSHIP].title
    folders = {f.findtext(f"{KML}name"): f for f in doc.findall(f"{KML}Folder")}
    w = flagship.weapons[0]
    occupied = "Occupied territory (DeepStateMap via cyterat/deepstate-map-data, as of 2024-11-17)"
    assert set(folders) == {w.weapon.name, "Launch sites and areas", "Notes", occupied}
    folder = folders[w.weapon.name]
    reach = folder.find(f"{KML}Placemark")
    assert reach.findtext(f"{KML}styleUrl") == "#weapon-0"
    assert "70-300 km" in reach.findtext(f"{KML}name")
    # the polygon read back is the reach area, exterior counterclockwise
    polys = []
    for poly in reach.iter(f"{KML}Polygon"):
        outer = poly.findtext(f"{KML}outerBoundaryIs/{KML}LinearRing/{KML}coordinates")
        ring = [tuple(map(float, c.split(","))) for c in outer.split()]
        assert _ring_ccw(ring)
        holes = [
            [tuple(map(float, c.split(","))) for c in h.findtext(f"{KML}coordinates").split()]
            for h in poly.findall(f"{KML}innerBoundaryIs/{KML}LinearRing")
        ]
        polys.append(shapely.Polygon(ring, holes))
    area = shapely.MultiPolygon(polys)
    assert area.symmetric_difference(w.area).area < 1e-6 * w.area.area
    targets = folder.find(f"{KML}Folder").findall(f"{KML}Placemark")
    assert len(targets) == int(np.sum(w.in_range)) > 50
    names = {t.findtext(f"{KML}name") for t in targets}
    assert {"Kursk", "Belgorod"} <= names
    notes = folders["Notes"].findall(f"{KML}Placemark")
    assert [n.findtext(f"{KML}name") for n in notes] == [n.text for n in PRESETS[FLAGSHIP].notes]


def test_kml_names_are_exact_text_and_descriptions_escaped_html(hostile):
    raw = ex.to_kml(hostile)
    root = DET.fromstring(raw)
    placemarks = {p.findtext(f"{KML}name"): p for p in root.iter(f"{KML}Placemark")}
    for name in HOSTILE_TARGETS:
        assert name in placemarks  # the XML carries the exact text
    note = placemarks[HOSTILE_NOTE]
    desc = note.findtext(f"{KML}description")
    # Google Earth renders descriptions as HTML: the markup must arrive escaped.
    assert "<img" not in desc and "<script" not in desc and "</script" not in desc
    assert "&lt;img src=x onerror=alert(1)&gt;" in desc
    for p in placemarks.values():
        d = p.findtext(f"{KML}description") or ""
        assert not re.search(r"<(?!br>)", d), d  # only our own <br> is markup
    assert b"<img" not in raw and b"</script" not in raw  # and none in the XML source


def test_kml_in_ukrainian_names_folders_places_and_notes_in_ukrainian(geo):
    scenario = PRESETS[FLAGSHIP].replace(lang="uk")
    root = DET.fromstring(ex.to_kml(evaluate(scenario, geo)))
    doc = root.find(f"{KML}Document")
    assert doc.findtext(f"{KML}name") == scenario.title_uk
    folders = [f.findtext(f"{KML}name") for f in doc.findall(f"{KML}Folder")]
    assert "Місця й райони пуску" in folders and "Примітки" in folders
    assert any(f.startswith("Окупована територія (DeepStateMap") for f in folders)
    names = {p.findtext(f"{KML}name") for p in root.iter(f"{KML}Placemark")}
    assert {"Курськ", "Бєлгород", "прикордонна смуга Сумщини"} <= names
    assert {n.text_uk for n in scenario.notes} <= names
    assert not any(n.startswith(("Reach of", "Targets in range")) for n in names | set(folders))
    target = next(p for p in root.iter(f"{KML}Placemark") if p.findtext(f"{KML}name") == "Курськ")
    assert "км від" in target.findtext(f"{KML}description")


# --------------------------------------------------------------------------
# Files that hold in every tool (issue 12): XML-illegal characters, the
# antimeridian and the poles
# --------------------------------------------------------------------------
def test_kml_stays_readable_with_characters_xml_forbids(geo, tmp_path):
    import dataclasses

    # Input refuses these characters (tests/test_scenario_texts.py); a scenario
    # made in code skips that check, and the writer must still cope.
    scenario = dataclasses.replace(
        PRESETS[FLAGSHIP],
        title="ATACMS\ufffe reach\uffff",
        sites=(Site("Sumy\ufffe", 50.9077, 34.7981),),
        user_targets=(Target("Depot\uffff 7", 51.2, 35.6),),
        notes=(Note("Sudzha\ufffe crossing", 51.19, 35.27, source="Src\uffff"),),
    )
    data = ex.to_kml(evaluate(scenario, geo))
    assert "\ufffe" not in data.decode() and "\uffff" not in data.decode()
    root = DET.fromstring(data)  # the standard parser refuses U+FFFE outright
    names = {p.findtext(f"{KML}name") for p in root.iter(f"{KML}Placemark")}
    assert {"Sumy", "Depot 7", "Sudzha crossing"} <= names
    assert root.find(f"{KML}Document").findtext(f"{KML}name") == "ATACMS reach"
    xmllint = require_tool("xmllint")
    path = tmp_path / "illegal.kml"
    path.write_bytes(data)
    run = subprocess.run([xmllint, "--noout", str(path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def test_xml_text_drops_exactly_the_characters_xml_1_0_forbids():
    allowed = "a\tb\nc\rd é Київ \u2028 \U0001F600 \ufffd"
    assert ex.xml_text(allowed) == allowed
    assert ex.xml_text("x\x00\x01\x08\x0b\x0c\x1f\ufffe\uffff\ud800y") == "xy"


# (lat, lon, weapon): a reach cut by the 180° meridian, one around the pole
# and crossing the cut, one around the pole only.
FAR_AWAY = [(65.0, 179.0, "storm-shadow"), (65.0, 179.0, "kh-101"), (85.0, 30.0, "kalibr")]


@pytest.fixture(scope="module")
def far_away(geo):
    out = {}
    for lat, lon, weapon in FAR_AWAY:
        scenario = Scenario(weapons=(weapon,), sites=(Site("X", lat, lon),))
        out[weapon] = (lat, lon, evaluate(scenario, geo))
    return out


def _seam_segments(coords) -> int:
    xy = np.asarray(coords, dtype=float)[:, :2]
    on_cut = np.isclose(np.abs(xy[:, 0]), 180.0)
    at_pole = np.isclose(np.abs(xy[:, 1]), 90.0)
    return int(np.sum((on_cut[:-1] & on_cut[1:]) | (at_pole[:-1] & at_pole[1:])))


def _assert_on_the_range_circle(lines, lat, lon, range_km):
    # Independent of the geometry code: every vertex of the drawn outline is a
    # point at the weapon's range from the launch site (geographiclib).
    from geographiclib.geodesic import Geodesic

    for line in lines:
        for x, y in np.asarray(line)[:, :2]:
            s12 = Geodesic.WGS84.Inverse(lat, lon, y, x)["s12"]
            assert abs(s12 - range_km * 1000.0) < 50.0, (x, y, s12)


@pytest.mark.parametrize(("lat", "lon", "weapon"), FAR_AWAY)
def test_kml_reach_across_the_cut_or_a_pole_has_no_outline_along_it(far_away, lat, lon, weapon):
    _, _, result = far_away[weapon]
    root = DET.fromstring(ex.to_kml(result))
    reach = next(p for p in root.iter(f"{KML}Placemark")
                 if p.findtext(f"{KML}name").startswith("Reach of"))  # fmt: skip
    style_id = reach.findtext(f"{KML}styleUrl").lstrip("#")
    style = root.find(f".//{KML}Style[@id='{style_id}']")
    assert style.findtext(f"{KML}PolyStyle/{KML}outline") == "0"  # the fill has no outline
    assert style.findtext(f"{KML}LineStyle/{KML}color").startswith("ff")
    lines = [[tuple(map(float, c.split(","))) for c in ls.findtext(f"{KML}coordinates").split()]
             for ls in reach.iter(f"{KML}LineString")]  # fmt: skip
    assert lines and all(_seam_segments(line) == 0 for line in lines)
    _assert_on_the_range_circle(lines, lat, lon, result.weapons[0].weapon.max_range_km)
    # The fill still covers the whole reach.
    polys = [shapely.Polygon([tuple(map(float, c.split(","))) for c in
                              p.findtext(f".//{KML}coordinates").split()])
             for p in reach.iter(f"{KML}Polygon")]  # fmt: skip
    area = result.weapons[0].area
    assert shapely.union_all(polys).symmetric_difference(area).area < 1e-6 * area.area


@pytest.mark.parametrize(("lat", "lon", "weapon"), FAR_AWAY)
def test_geojson_reach_is_cut_at_180_and_outlined_without_the_cut(far_away, lat, lon, weapon,
                                                                   tmp_path):  # fmt: skip
    _, _, result = far_away[weapon]
    data = ex.to_geojson(result)
    fc = json.loads(data)
    reach = next(f for f in fc["features"] if f["properties"]["feature"] == "reach_area")
    line = next(f for f in fc["features"] if f["properties"]["feature"] == "reach_outline")
    assert reach["properties"]["outline"] == "reach_outline"
    assert line["properties"]["weapon"] == result.weapons[0].weapon.id
    # RFC 7946 §3.1.9: no part crosses the antimeridian (no edge longer than
    # 180° of longitude, except along a pole).
    area = shape(reach["geometry"])
    for poly in getattr(area, "geoms", [area]):
        xy = np.asarray(poly.exterior.coords)
        jump = np.abs(np.diff(xy[:, 0])) > 180.0
        assert np.all(np.isclose(np.abs(xy[:-1, 1][jump]), 90.0))
    lines = [np.asarray(c) for c in line["geometry"]["coordinates"]]
    assert all(_seam_segments(c) == 0 for c in lines)
    _assert_on_the_range_circle(lines, lat, lon, result.weapons[0].weapon.max_range_km)
    path = tmp_path / "far.geojson"
    path.write_bytes(data)
    frame = pyogrio.read_dataframe(path)  # GDAL reads it, every geometry valid
    assert frame.geometry.is_valid.all()
    assert {"reach_area", "reach_outline"} <= set(frame["feature"])


def test_far_away_kml_validates_against_the_ogc_kml_2_2_schema(far_away, tmp_path):
    # The schema ships inside the fastkml wheel; xmllint is Debian's libxml2-utils.
    import importlib.util

    spec = importlib.util.find_spec("fastkml")
    xmllint = require_tool("xmllint")
    if spec is None:  # a test extra (pyproject.toml): missing only outside `setup.sh test`
        pytest.skip("needs the fastkml package (for ogckml22.xsd)")
    from pathlib import Path

    schema = Path(spec.origin).parent / "schema" / "ogckml22.xsd"
    for weapon, (_, _, result) in far_away.items():
        path = tmp_path / f"{weapon}.kml"
        path.write_bytes(ex.to_kml(result))
        run = subprocess.run([xmllint, "--noout", "--schema", str(schema), str(path)],
                             capture_output=True, text=True, timeout=300)  # fmt: skip
        assert run.returncode == 0, run.stderr[-2000:]


def test_reach_in_the_theatre_keeps_its_plain_outline(flagship):
    fc = ex.geojson_dict(flagship)
    assert "reach_outline" not in {f["properties"]["feature"] for f in fc["features"]}
    root = _kml(flagship)
    assert not list(root.find(f".//{KML}Placemark").iter(f"{KML}LineString"))


def test_html_opens_on_a_reach_wherever_it_is(far_away, geo, flagship):
    view = ex.world_view(far_away["storm-shadow"][2])
    assert abs(view.lon - 179.0) < 1.0 and abs(view.lat - 65.0) < 1.0 and view.zoom > 4
    polar = ex.world_view(far_away["kalibr"][2])
    assert polar.lat > 75.0 and abs(polar.lon - 30.0) < 1.0
    spec, _ = ex.deck_spec(far_away["storm-shadow"][2], geo)
    deck = json.loads(spec)
    state = deck["initialViewState"]
    assert abs(state["longitude"] - 179.0) < 1.0 and abs(state["latitude"] - 65.0) < 1.0
    assert deck["views"][0]["repeat"] is True  # both halves of the cut side by side
    # A scene inside the theatre keeps the deck's own view.
    assert ex.world_view(flagship) is None


def test_html_beyond_the_theatre_draws_the_worlds_land_and_names(far_away, geo, flagship):
    # Chukotka, Alaska and China were blank page before world.fgb; the oblasts'
    # names (crowded at a world zoom, moved hundreds of km) are left out there
    deck = json.loads(ex.deck_spec(far_away["storm-shadow"][2], geo)[0])
    ids = [layer["id"] for layer in deck["layers"]]
    assert ids[:3] == ["world-sea", "world-land", "world-borders"]  # under everything
    land = next(layer for layer in deck["layers"] if layer["id"] == "world-land")
    assert len(land["data"]) > 500

    def named(deck):
        layer = next(x for x in deck["layers"] if x["id"] == "country-labels")
        return {row["text"]: row["position"] for row in layer["data"]}

    # 250 km around Chukotka: Russia named there, not in Moscow's far-off middle
    close = named(deck)
    assert set(close) == {"RUSSIA"} and abs(close["RUSSIA"][0] - 179.0) < 15, close
    # 4,500 km: the countries on both sides of the cut, each in its own middle
    world = json.loads(ex.deck_spec(far_away["kh-101"][2], geo)[0])
    assert {"RUSSIA", "UNITED STATES", "CHINA"} <= set(named(world)), named(world)
    regions = next((layer for layer in world["layers"] if layer["id"] == "region-labels"), None)
    assert regions is None or not regions["data"]  # no oblast names at a world zoom
    theatre = json.loads(ex.deck_spec(flagship, geo)[0])
    assert not {"world-sea", "world-land"} & {layer["id"] for layer in theatre["layers"]}


# --------------------------------------------------------------------------
# GeoPackage
# --------------------------------------------------------------------------
@pytest.fixture(scope="module")
def gpkg(flagship, geo, tmp_path_factory):
    path = tmp_path_factory.mktemp("gpkg") / "flagship.gpkg"
    path.write_bytes(ex.to_gpkg(flagship, geo))
    return path


def test_gpkg_has_every_layer_with_its_geometry_type(gpkg):
    layers = dict(map(tuple, pyogrio.list_layers(gpkg)))
    assert layers == {
        "reach_areas": "MultiPolygon",
        "launch_sites": "Point",  # empty here (the flagship launches from an area)
        "launch_areas": "MultiPolygon",
        "targets": "Point",
        "regions_covered": "MultiPolygon",
        "notes": "Point",
        "occupied_territory": "MultiPolygon",
    }
    assert pyogrio.read_info(gpkg, layer="launch_sites")["features"] == 0
    assert pyogrio.read_info(gpkg, layer="targets")["crs"] == "EPSG:4326"


def test_gpkg_reach_targets_and_regions_read_back(gpkg, flagship):
    reach = pyogrio.read_dataframe(gpkg, layer="reach_areas")
    w = flagship.weapons[0]
    assert reach.loc[0, "weapon"] == "atacms-m57" and reach.loc[0, "max_range_km"] == 300
    assert reach.loc[0, "color"] == PALETTE[0]
    assert reach.geometry[0].symmetric_difference(w.area).area < 1e-9 * w.area.area
    targets = pyogrio.read_dataframe(gpkg, layer="targets")
    assert len(targets) == int(flagship.targets["in_range"].sum())
    kursk = targets[targets["name"] == "Kursk"].iloc[0]
    assert bool(kursk["authorized"]) and kursk.geometry.x == pytest.approx(kursk["lon"])
    regions = pyogrio.read_dataframe(gpkg, layer="regions_covered")
    krs = regions[regions["region_id"] == "RU-KRS"].iloc[0]
    assert krs["covered_pct"] == pytest.approx(100, abs=0.1)
    assert krs.geometry.geom_type == "MultiPolygon" and krs.geometry.contains(kursk.geometry)
    notes = pyogrio.read_dataframe(gpkg, layer="notes")
    assert list(notes["text"]) == [n.text for n in PRESETS[FLAGSHIP].notes]


def test_gpkg_metadata_holds_the_scenario(gpkg, flagship):
    meta = pyogrio.read_info(gpkg, layer="reach_areas")["dataset_metadata"]
    assert ex.scenario_from_export(meta["scenario"]) == flagship.scenario
    assert meta["title"] == flagship.scenario.title and "Natural Earth" in meta["attribution"]


def test_gpkg_keeps_hostile_names_as_text(hostile, geo, tmp_path):
    path = tmp_path / "h.gpkg"
    ex.export(hostile, geo, "gpkg", path)
    targets = pyogrio.read_dataframe(path, layer="targets")
    assert set(HOSTILE_TARGETS) <= set(targets["name"])
    assert list(pyogrio.read_dataframe(path, layer="notes")["text"]) == [HOSTILE_NOTE]


# --------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------
def _read_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # BOM, for Excel
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_targets_csv_lists_targets_in_range_lat_before_lon(flagship):
    rows = _read_csv(ex.targets_csv(flagship))
    assert len(rows) == int(flagship.targets["in_range"].sum())
    first = ["name", "name_uk", "layer", "kind", "country", "territory", "population", "lat", "lon"]
    if "territory" not in flagship.targets.columns:
        first.remove("territory")
    assert list(rows[0])[: len(first)] == first
    assert list(rows[0])[-2:] == ["as_of", "snapshot_date"]
    kursk = next(r for r in rows if r["name"] == "Kursk")
    assert float(kursk["lat"]) == pytest.approx(51.73, abs=0.02)
    assert float(kursk["lon"]) == pytest.approx(36.19, abs=0.02)
    assert kursk["authorized"] == "true" and int(kursk["population"]) > 400_000
    airfield = next(r for r in rows if r["layer"] == "airfields")
    assert airfield["population"] == ""  # unknown, not 0
    assert any(r["name_uk"] and not r["name_uk"].isascii() for r in rows)


def test_targets_csv_neutralises_formulas_in_every_text_cell(hostile):
    rows = _read_csv(ex.targets_csv(hostile))
    by_name = {r["name"].removeprefix("'"): r for r in rows}
    for name in HOSTILE_TARGETS:
        cell = next(r["name"] for k, r in by_name.items() if k == name)
        if name[0] in "=+-@":
            assert cell == "'" + name
        else:
            assert cell == name
    for r in rows:
        for value in r.values():
            assert value[:1] not in ("=", "+", "@") or value == "", value
            assert not value.startswith("-") or re.fullmatch(r"-\d+(\.\d+)?", value), value


def test_targets_csv_include_all_adds_in_range_and_can_drop_the_bom(flagship):
    data = ex.targets_csv(flagship, include_all=True, bom=False)
    assert not data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    assert len(rows) == len(flagship.targets)
    assert {r["in_range"] for r in rows} == {"true", "false"}


def test_regions_csv_has_a_row_per_weapon_and_region(flagship):
    rows = _read_csv(ex.regions_csv(flagship))
    assert len(rows) == len(flagship.weapons[0].coverage)
    krs = next(r for r in rows if r["region_id"] == "RU-KRS")
    assert krs["weapon_id"] == "atacms-m57" and float(krs["covered_pct"]) == pytest.approx(100)
    assert int(krs["covered_km2"]) <= int(krs["region_km2"])
    pct = [float(r["covered_pct"]) for r in rows]
    assert pct == sorted(pct, reverse=True)


# --------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------
@pytest.fixture(scope="module")
def template_counts(flagship, geo):
    page = ex.to_html(flagship, geo).decode()
    return page.count("</script"), page.count("<script")


def test_html_is_offline_titled_and_has_the_data(flagship, geo):
    page = ex.to_html(flagship, geo).decode()
    assert "<title>17 Nov 2024: ATACMS cleared" in page
    assert "createDeck" in page  # deck.gl bundle inlined
    assert not re.search(r"<script[^>]*\bsrc=", page)  # nothing fetched from a CDN
    assert not re.search(r"<link[^>]*href=[\"']?https?:", page)
    assert '"id":"reach-atacms-m57"' in page and "Zheleznogorsk" in page
    assert "Natural Earth" in page and flagship.weapons[0].headline.split(":")[0] in page


def test_html_online_variant_loads_deck_gl_from_the_cdn(flagship, geo):
    page = ex.to_html(flagship, geo, offline=False).decode()
    assert "cdn.jsdelivr.net/npm/@deck.gl/jupyter-widget" in page
    assert len(page) < 3_000_000  # no 4 MB bundle


def test_html_carries_no_api_key_even_when_the_environment_has_them(flagship, geo, monkeypatch):
    for i, var in enumerate(KEY_VARS):
        monkeypatch.setenv(var, f"sk.SECRET-{i}-do-not-publish")
    for offline in (True, False):
        page = ex.to_html(flagship, geo, offline=offline).decode()
        assert "SECRET" not in page
        setup = page.rsplit("<script>", 1)[1]  # the template's own script, after the bundle
        assert "createDeck(" in setup
        assert "mapboxApiKey" not in setup and "googleMapsKey" not in setup


def test_html_labels_cannot_break_out_of_the_script(hostile, geo, template_counts):
    page = ex.to_html(hostile, geo).decode()
    # as many script tags as the template has: none smuggled in by a label
    assert (page.count("</script"), page.count("<script")) == template_counts
    assert "<img" not in page and "<!-- " not in page
    # the hostile text is there, escaped, in the JSON and in the caption
    assert "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)" in page
    assert "Title &lt;img src=x onerror=alert(1)&gt;" in page
    data = re.search(r"const jsonInput = (.*);\n", page).group(1)
    texts = json.dumps(json.loads(data), ensure_ascii=False)
    for name in (SCRIPT, IMG):
        assert json.dumps(name)[1:-1] in texts  # decodes back to the exact name
    # deck.gl would evaluate (or choke on) a data string starting with "@@="
    assert '"\u200b@@=constructor' in texts and '"@@=constructor' not in texts


@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs /usr/bin/chromium")
def test_html_page_renders_offline_and_runs_no_label_as_code(hostile, geo, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    path = tmp_path / "hostile.html"
    ex.export(hostile, geo, "html", path)
    with sync_api.sync_playwright() as p:
        # Each wait is for an event and may take 120 s: on a busy 2-core machine the
        # 4.5 MB page (deck.gl inlined) took 14 s to draw; how long is not the test.
        wait_ms = 120_000
        browser = p.chromium.launch(
            executable_path=shutil.which("chromium"),
            args=["--use-gl=swiftshader", "--enable-webgl", "--ignore-gpu-blocklist"],
            timeout=wait_ms,
        )
        page = browser.new_page()
        page.set_default_timeout(wait_ms)
        page.set_default_navigation_timeout(wait_ms)
        remote, dialogs = [], []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith("file:")
                else (remote.append(route.request.url), route.abort())
            ),
        )
        page.goto(path.as_uri())
        # Wait until deck.gl has every layer loaded (the labels' font atlas too),
        # then for one frame drawn after that: the labels have been drawn.
        page.wait_for_function(
            "typeof deckInstance !== 'undefined' && deckInstance.isInitialized"
            " && deckInstance.layerManager.getLayers()"
            "      .some(l => l.constructor.layerName === 'TextLayer')"
            " && deckInstance.layerManager.getLayers().every(l => l.isLoaded)",
            timeout=wait_ms,
        )
        page.evaluate(
            "deckInstance.setProps({onAfterRender: () => {"
            "  window.__drawn = (window.__drawn || 0) + 1; }});"
            " deckInstance.redraw('test')"
        )
        page.wait_for_function("window.__drawn > 0", timeout=wait_ms)
        pwned = page.evaluate("window.__pwned === 1")
        imgs = page.evaluate("document.querySelectorAll('img').length")
        browser.close()
    assert remote == [] and dialogs == [] and not pwned and imgs == 0


# --------------------------------------------------------------------------
# The date and the occupied territory, in every format
# --------------------------------------------------------------------------
@pytest.fixture(scope="module")
def gap_day(geo):
    """A result dated to a day without a snapshot of its own, and that snapshot's date."""
    dates = territory.snapshot_dates()
    before = next(a for a, b in zip(dates, dates[1:], strict=False) if (b - a).days > 1)
    day = before + datetime.timedelta(days=1)
    result = evaluate(PRESETS[FLAGSHIP].replace(as_of=day.isoformat()), geo)
    return result, day.isoformat(), before.isoformat()


def test_geojson_carries_the_date_and_the_occupied_area_of_the_source(gap_day):
    result, day, snapshot = gap_day
    fc = json.loads(ex.to_geojson(result))
    assert (fc["as_of"], fc["occupied_snapshot_date"]) == (day, snapshot)
    assert f"Situation as of {day}" in fc["attribution"]
    assert f"Occupied territory: DeepStateMap, as of {snapshot}" in fc["attribution"]
    occ = [f for f in fc["features"] if f["properties"]["feature"] == "occupied_territory"]
    assert len(occ) == 1
    props = occ[0]["properties"]
    assert props["territory"] == "Ukraine (occupied)"
    assert (props["as_of"], props["snapshot_date"]) == (day, snapshot)
    assert props["source"] == territory.SOURCE and "grey zones" in props["note"]
    source = territory.occupied(day).geometry
    geom = shape(occ[0]["geometry"])
    assert geom.symmetric_difference(source).area < 1e-6 * source.area


def test_kml_has_the_occupied_area_with_its_snapshot_date(gap_day):
    result, day, snapshot = gap_day
    doc = DET.fromstring(ex.to_kml(result)).find(f"{KML}Document")
    assert f"Situation as of {day}" in doc.findtext(f"{KML}description")
    folder = next(f for f in doc.findall(f"{KML}Folder")
                  if f.findtext(f"{KML}name").startswith("Occupied territory"))  # fmt: skip
    pm = folder.find(f"{KML}Placemark")
    data = {d.get("name"): d.findtext(f"{KML}value") for d in pm.iter(f"{KML}Data")}
    assert data == {"territory": "Ukraine (occupied)", "as_of": day, "snapshot_date": snapshot,
                    "source": territory.SOURCE}  # fmt: skip
    assert f"as of {snapshot}" in pm.findtext(f"{KML}name")
    assert pm.find(f".//{KML}Polygon") is not None


def test_gpkg_has_the_occupied_layer_and_the_date_in_its_metadata(gap_day, geo, tmp_path):
    result, day, snapshot = gap_day
    path = tmp_path / "dated.gpkg"
    ex.export(result, geo, "gpkg", path)
    occ = pyogrio.read_dataframe(path, layer="occupied_territory")
    assert len(occ) == 1
    row = occ.iloc[0]
    assert (row["territory"], row["as_of"], row["snapshot_date"]) == (
        "Ukraine (occupied)", day, snapshot)
    source = territory.occupied(day).geometry
    assert occ.geometry[0].symmetric_difference(source).area < 1e-9 * source.area
    meta = pyogrio.read_info(path, layer="reach_areas")["dataset_metadata"]
    assert (meta["as_of"], meta["occupied_snapshot_date"]) == (day, snapshot)


def test_csv_rows_carry_the_date_and_the_snapshot_date(gap_day):
    result, day, snapshot = gap_day
    for data in (ex.targets_csv(result), ex.regions_csv(result)):
        rows = _read_csv(data)
        assert rows and {(r["as_of"], r["snapshot_date"]) for r in rows} == {(day, snapshot)}


def test_reach_features_carry_the_reported_range(geo):
    result = evaluate(PRESETS["russian-missiles-on-ukraine"], geo)
    fc = json.loads(ex.to_geojson(result))
    reported = {f["properties"]["weapon"]: f["properties"]["reported_max_km"]
                for f in fc["features"] if f["properties"]["feature"] == "reach_area"}  # fmt: skip
    assert reported == {"iskander-m": None, "kn-23": 900}


def test_html_page_states_the_date_and_draws_the_occupied_area(gap_day, geo):
    result, day, snapshot = gap_day
    page = ex.to_html(result, geo).decode()
    assert render.as_of_text(day) in page  # "Situation as of 18 Aug 2024"
    spec = json.loads(re.search(r"const jsonInput = (.*);\n", page).group(1))
    layers = {layer["id"]: layer for layer in spec["layers"]}
    assert {"occupied", "front-line"} <= set(layers)
    tips = {f["properties"]["tooltip"] for f in layers["occupied"]["data"]["features"]}
    assert tips == {f"Occupied by Russia ({territory.SOURCE}, as of {snapshot})\n"
                    f"{ex.OCCUPIED_CAVEAT}."}  # fmt: skip
    assert all(f"as of {snapshot}" in row["tooltip"] for row in layers["front-line"]["data"])
    uk = ex.to_html(result, geo, lang="uk").decode()
    assert render.as_of_text(day, "uk") in uk


def test_interactive_map_legend_item_names_source_and_snapshot(gap_day):
    from ranges.deck import occupied_item

    result, _, snapshot = gap_day
    label, color = occupied_item(result)
    assert label == f"Occupied by Russia (DeepStateMap, as of {snapshot})"
    assert re.fullmatch(r"#[0-9A-F]{6}", color)


def test_a_date_outside_the_data_is_refused_naming_the_range(flagship, geo):
    import dataclasses

    # evaluate refuses such a date already; a result made some other way must not
    # be exported with another date's front line either
    result = dataclasses.replace(flagship, scenario=flagship.scenario.replace(as_of="2024-01-01"))
    first, last = (d.isoformat() for d in territory.coverage())
    for fmt in ("geojson", "csv", "kml"):
        with pytest.raises(InputError, match=f"2024-01-01.*covers {first} to {last}"):
            ex.export(result, geo, fmt)
    with pytest.raises(InputError, match=f"2024-01-01.*covers {first} to {last}"):
        render.render_figure(result, geo)


def test_interactive_map_keeps_the_occupied_area_light(flagship, geo):
    from ranges.deck import build_deck

    spec = json.loads(build_deck(flagship, geo).to_json())
    layers = {layer["id"]: layer for layer in spec["layers"]}
    area = shape(layers["occupied"]["data"]["features"][0]["geometry"])
    n_area = shapely.get_num_coordinates(area)
    # the front is drawn as a LineLayer, one row per edge: its vertex count as a path
    n_front = len(layers["front-line"]["data"])
    source = territory.occupied("2024-11-17").geometry
    assert n_area + n_front < 0.5 * shapely.get_num_coordinates(source)
    # simplified, not changed: the shown area is Ukraine (the base map's coast and
    # border) minus the held territory, to within 1 %
    ukraine = shapely.union_all(geo.countries.geometry[geo.countries["iso_a3"] == "UKR"])
    held = territory.held("2024-11-17", geo).geometry
    on_land = ukraine.difference(held).intersection(shapely.box(*area.bounds))
    lost = shapely.symmetric_difference(shapely.make_valid(area), on_land)
    assert territory.geodesic_area_km2(lost) < 0.01 * territory.geodesic_area_km2(on_land)


# --------------------------------------------------------------------------
# strike-range export
# --------------------------------------------------------------------------
@pytest.fixture
def run_cli(monkeypatch, capsys):
    """Run ``strike-range`` in-process with ``export`` registered (as the lead will)."""
    build = cli.build_parser

    def build_with_export():
        parser = build()
        sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
        if "export" not in sub.choices:
            cli_export.add_parsers(sub)
        return parser

    monkeypatch.setattr(cli, "build_parser", build_with_export)

    def run(*args):
        code = cli.main(["export", *map(str, args)])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_cli_export_from_a_scenario_file_round_trips(run_cli, tmp_path):
    scenario_file = tmp_path / "s.json"
    scenario_file.write_text(PRESETS[FLAGSHIP].to_json(), encoding="utf-8")
    out = tmp_path / "map.geojson"
    code, stdout, err = run_cli("--scenario", scenario_file, "--out", out)
    assert (code, err) == (0, "") and "wrote" in stdout
    assert ex.scenario_from_export(out.read_bytes()) == PRESETS[FLAGSHIP]
    # the export reopens as a scenario file of its own
    kml = tmp_path / "again.kml"
    code, _, err = run_cli("--scenario", out, "--out", kml)
    assert (code, err) == (0, "")
    assert DET.fromstring(kml.read_bytes()).find(f"{KML}Document") is not None


def test_cli_export_from_launch_and_weapon_options(run_cli, tmp_path):
    out = tmp_path / "regions.csv"
    code, _, err = run_cli("--launch", "Sumy", "--launch", "Kursk oblast", "--weapon",
                           "atacms-m57", "--weapon", "storm-shadow", "--out", out,
                           "--table", "regions")  # fmt: skip
    assert (code, err) == (0, "")
    rows = _read_csv(out.read_bytes())
    assert {r["weapon_id"] for r in rows} == {"atacms-m57", "storm-shadow"}
    out = tmp_path / "t.gpkg"
    code, _, err = run_cli("--launch", "50.9077, 34.7981", "--weapon", "atacms-m57", "--kind",
                           "airfields", "--out", out)  # fmt: skip
    assert (code, err) == (0, "")
    sites = pyogrio.read_dataframe(out, layer="launch_sites")
    assert sites.geometry[0].x == pytest.approx(34.7981)
    assert set(pyogrio.read_dataframe(out, layer="targets")["layer"]) == {"airfields"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--launch", "Sumy", "--weapon", "atacms-m57", "--out", "map.pdf"],
         "--out 'map.pdf' has extension '.pdf'; an export file ends in one of .geojson"),
        (["--launch", "Sumy", "--weapon", "atacms", "--out", "m.kml"],
         "weapon id 'atacms' is not in the weapon catalog"),
        (["--launch", "Sumy", "--out", "m.kml"], "give at least one --weapon ID"),
        (["--weapon", "gmlrs", "--out", "m.kml"], "give at least one --launch SPEC"),
        (["--scenario", "s.json", "--launch", "Sumy", "--out", "m.kml"],
         "already describes the map; drop --launch"),
        (["--launch", "Sumy", "--weapon", "gmlrs", "--out", "m.kml", "--table", "regions"],
         "--table regions applies to a .csv"),
    ],
)  # fmt: skip
def test_cli_export_errors_are_one_line_and_exit_2(run_cli, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(*args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("strike-range: error: ")
    assert message in err
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_cli_export_bad_scenario_file_names_the_file(run_cli, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**Scenario().to_dict(), "weapons": ["nope"]}), encoding="utf-8")
    code, _, err = run_cli("--scenario", bad, "--out", tmp_path / "m.csv")
    assert code == 2 and "'nope' is not in the weapon catalog" in err and "bad.json" in err


# --------------------------------------------------------------------------
# Edge cases
# --------------------------------------------------------------------------
def test_an_area_split_at_the_antimeridian_exports_as_two_ccw_polygons(geo):
    from ranges.scenario import Site

    s = Scenario(weapons=("gmlrs",), sites=(Site("Anadyr", 64.73, 179.9),), target_kinds=())
    result = evaluate(s, geo)
    fc = json.loads(ex.to_geojson(result))
    geom = fc["features"][0]["geometry"]
    assert geom["type"] == "MultiPolygon" and len(geom["coordinates"]) == 2
    sides = set()
    for rings in geom["coordinates"]:
        lons = [x for x, _ in rings[0]]
        assert _ring_ccw(rings[0]) and -180 <= min(lons) and max(lons) <= 180
        sides.add(min(lons) >= 0)
    assert sides == {True, False}  # one part each side of ±180°
    kml = DET.fromstring(ex.to_kml(result))
    reach = kml.find(f"{KML}Document/{KML}Folder/{KML}Placemark")
    assert len(list(reach.iter(f"{KML}Polygon"))) == 2
    assert _read_csv(ex.targets_csv(result)) == []


def test_a_scenario_without_launch_sites_exports_empty_but_valid_files(geo, tmp_path):
    result = evaluate(Scenario(weapons=("gmlrs",), target_kinds=("places",)), geo)
    fc = json.loads(ex.to_geojson(result))
    assert fc["features"][0]["geometry"] is None  # the weapon is listed, with no area
    assert DET.fromstring(ex.to_kml(result)).find(f"{KML}Document/{KML}Folder") is not None
    path = tmp_path / "empty.gpkg"
    ex.export(result, geo, "gpkg", path)
    assert pyogrio.read_info(path, layer="targets")["features"] == 0
    assert _read_csv(ex.regions_csv(result)) == []


def test_an_exported_file_is_readable_by_others_not_private(flagship, geo, tmp_path):
    path = tmp_path / "t.csv"
    ex.export(flagship, geo, "csv", path)
    assert path.stat().st_mode & 0o777 == 0o644
    path.chmod(0o600)  # a file the user made private stays private
    ex.export(flagship, geo, "csv", path)
    assert path.stat().st_mode & 0o777 == 0o600


def test_export_cli_reopens_the_scenario_a_rendered_png_carries(tmp_path):
    from ranges.cli import main

    png, kml = tmp_path / "map.png", tmp_path / "map.kml"
    assert main(["render", "--launch", "Sumy", "--weapon", "gmlrs", "--out", str(png)]) == 0
    assert main(["export", "--scenario", str(png), "--out", str(kml)]) == 0
    from defusedxml.ElementTree import parse

    names = [e.text for e in parse(kml).iter() if e.tag.endswith("name")]
    assert any("GMLRS" in (n or "") for n in names)


def test_gpkg_is_geopackage_1_2_for_the_gdal_in_debian_qgis(gpkg):
    import sqlite3

    with sqlite3.connect(gpkg) as db:
        # 'GPKG' as the application id; user_version 10200 is GeoPackage 1.2.0
        assert db.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47
        assert db.execute("PRAGMA user_version").fetchone()[0] == 10200
