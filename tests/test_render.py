"""Tests of the static map renderer (ranges.render) and `strike-range render`.

Every output is opened with a real reader: Pillow for PNG, defusedxml for SVG,
pypdf for PDF.
"""

from __future__ import annotations

import datetime
import io
import json
import math
import re
import threading
from pathlib import Path

import matplotlib.colors
import numpy as np
import pytest
import shapely
from defusedxml.ElementTree import fromstring
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image
from pypdf import PdfReader

from ranges import cli_render, render, territory
from ranges.catalog import get_weapon, sources_line
from ranges.errors import InputError
from ranges.evaluate import evaluate
from ranges.geodata import load_geodata
from ranges.presets import PRESETS
from ranges.render import targets as render_targets
from ranges.scenario import Scenario, ScenarioError, Site

ROOT = Path(__file__).resolve().parent.parent
SVG_NS = "{http://www.w3.org/2000/svg}"
CYRILLIC = re.compile("[\u0400-\u04ff]")


@pytest.fixture(scope="module")
def geodata():
    return load_geodata()


@pytest.fixture(scope="module")
def flagship(geodata):
    return evaluate(PRESETS["atacms-nov-2024"], geodata)


@pytest.fixture(scope="module")
def two_weapons(geodata):
    return evaluate(PRESETS["atacms-storm-shadow-nov-2024"], geodata)


@pytest.fixture(scope="module")
def hostile(geodata):
    scenario = Scenario(
        title="</svg><img onerror=x> & $x^2$",
        weapons=("gmlrs",),
        sites=(
            Site("<script>alert(1)</script>", 50.0, 36.2),
            Site("</svg><img onerror=x>", 48.5, 33.0),
            Site("Depot $5$ & co", 49.2, 37.6),
        ),
    )
    return evaluate(scenario, geodata)


def texts(fig) -> dict[str, str]:
    """Every text artist of the figure with a gid, gid -> text."""
    from matplotlib.text import Text

    return {t.get_gid(): t.get_text() for t in fig.findobj(Text) if t.get_gid()}


def png_pixels(data: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(data)) as im:
        return np.asarray(im.convert("RGB"))


# --------------------------------------------------------------------------
# Sizes
# --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("size", "expected"),
    [
        ("web", (1200, 675)),
        ("web@2x", (2400, 1350)),
        ("square", (1080, 1080)),
        ("square@2x", (2160, 2160)),
        ("portrait", (1080, 1350)),
        ("portrait@2x", (2160, 2700)),
        ("print-a4", (3508, 2480)),
        ("1613x900", (1613, 900)),  # 1613 / dpi * dpi < 1613 in floating point
        ("120x80mm", (1417, 945)),
    ],
)
def test_png_has_exactly_the_pixel_size_asked_for(flagship, geodata, size, expected):
    data = render.to_bytes(render.render_figure(flagship, geodata, size=size), "png")
    with Image.open(io.BytesIO(data)) as im:
        assert im.format == "PNG"
        assert im.size == expected


@pytest.mark.parametrize(
    ("size", "rule"),
    [
        ("100x100", "below the minimum of 320 px"),
        ("20000x1000", "above the maximum of 10000 px"),
        ("3000x600", "more elongated than 3:1"),
        ("9000x9000", "above the maximum of 50,000,000"),
        ("1200.5x675", "whole numbers"),
        ("web@3x", "is not a preset"),
        ("huge", "is not a preset"),
        ("10x10mm", "below the minimum of 320 px"),
        ("0x500mm", "not a positive length"),
    ],
)
def test_bad_sizes_raise_input_error_naming_value_and_rule(size, rule):
    with pytest.raises(InputError) as info:
        render.parse_size(size)
    assert repr(size) in str(info.value)
    assert rule in str(info.value)


def test_bad_dpi_theme_and_lang_raise_input_error(flagship, geodata):
    with pytest.raises(InputError, match="dpi 5 is outside 50..1200"):
        render.parse_size("web", dpi=5)
    with pytest.raises(InputError, match="theme 'sepia' is not one of light, dark"):
        render.render_figure(flagship, geodata, theme="sepia")
    with pytest.raises(InputError, match="lang 'de' is not one of en, uk"):
        render.render_figure(flagship, geodata, lang="de")


def test_millimetre_sizes_are_300_dpi_and_dpi_scales_them():
    a4 = render.parse_size("print-a4")
    assert (a4.width_px, a4.height_px, a4.dpi) == (3508, 2480, 300.0)
    assert render.parse_size("100x50mm", dpi=600).width_px == 2362


# --------------------------------------------------------------------------
# Formats, read back with real readers
# --------------------------------------------------------------------------
def test_png_embeds_the_scenario_and_rerenders_identically(flagship, geodata):
    data = render.to_bytes(render.render_figure(flagship, geodata), "png")
    with Image.open(io.BytesIO(data)) as im:
        assert render.SCENARIO_KEY in im.info
        assert im.info["Title"] == flagship.scenario.title
    back = render.read_embedded_scenario(data)
    assert back == flagship.scenario
    again = render.to_bytes(render.render_figure(evaluate(back, geodata), geodata), "png")
    assert np.array_equal(png_pixels(again), png_pixels(data))


def test_svg_keeps_text_as_text_and_embeds_the_scenario(two_weapons, geodata, tmp_path):
    path = tmp_path / "map.svg"
    render.render_to_file(two_weapons, geodata, path)
    root = fromstring(path.read_bytes())
    assert root.tag == f"{SVG_NS}svg"
    words = [el.text for el in root.iter(f"{SVG_NS}text") if el.text]
    assert two_weapons.scenario.title in words
    assert "Kursk" in words  # a map label, not only the furniture
    assert render.CAVEAT in words
    assert root.find(f"{SVG_NS}title").text == two_weapons.scenario.title
    assert render.read_embedded_scenario(path) == two_weapons.scenario


def test_svg_export_leaves_the_figure_as_it_was(flagship, geodata):
    # SVG swaps label halos for attributes while it writes; the figure must come back intact.
    fig = render.render_figure(flagship, geodata)
    before = render.to_bytes(fig, "png")
    gids = sorted(texts(fig))
    svg = render.to_bytes(fig, "svg")
    assert b'paint-order="stroke"' in svg and b'id="halo-range-0"' in svg
    assert sorted(texts(fig)) == gids
    assert np.array_equal(png_pixels(render.to_bytes(fig, "png")), png_pixels(before))


def test_pdf_has_the_print_page_size_and_the_scenario(flagship, geodata):
    data = render.to_bytes(render.render_figure(flagship, geodata, size="print-a4"), "pdf")
    reader = PdfReader(io.BytesIO(data))
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(297 / 25.4 * 72, abs=0.5)
    assert float(box.height) == pytest.approx(210 / 25.4 * 72, abs=0.5)
    assert flagship.scenario.title in reader.pages[0].extract_text()
    assert render.read_embedded_scenario(data) == flagship.scenario


def test_files_without_a_scenario_are_refused(tmp_path):
    plain = io.BytesIO()
    Image.new("RGB", (4, 4)).save(plain, format="PNG")
    with pytest.raises(ScenarioError, match="holds no Strike Range scenario"):
        render.read_embedded_scenario(plain.getvalue())
    with pytest.raises(ScenarioError, match="not a PNG, SVG or PDF"):
        render.read_embedded_scenario(b"GIF89a....")
    with pytest.raises(ScenarioError, match="cannot parse the SVG"):
        render.read_embedded_scenario(b"<svg><unclosed></svg>")
    with pytest.raises(InputError, match=r"suffix \.jpg is not one of \.png, \.svg, \.pdf"):
        render.save(Figure(), tmp_path / "map.jpg")


# --------------------------------------------------------------------------
# What is on the map
# --------------------------------------------------------------------------
def test_figure_has_title_key_scale_bar_sources_credit_caveat(two_weapons, geodata):
    fig = render.render_figure(two_weapons, geodata, credit="Graphic: The Daily")
    found = texts(fig)
    assert found["title"] == two_weapons.scenario.title
    assert found["subtitle"].replace("\n", " ") == two_weapons.scenario.subtitle
    key = _key(fig)
    for w in two_weapons.weapons:
        assert any(w.weapon.name in entry and f"{w.weapon.max_range_km:,.0f} km" in entry
                   for entry in key), (w.weapon.name, key)  # fmt: skip
    assert any(entry.startswith("Strikes allowed") for entry in key)
    assert re.fullmatch(r"\d[\d,.]* km", found["scale-bar-label"])
    assert found["scale-bar-note"] == "Scale true at map centre"
    sources = found["sources"].replace("\n", " ")
    assert sources.startswith("Sources: Natural Earth")
    publishers = sources_line(w.weapon for w in two_weapons.weapons).split(", ")
    for publisher in ("GeoNames", "airportsdata", "DeepStateMap", *publishers):
        assert publisher in sources
    assert found["credit"] == "Graphic: The Daily"
    assert found["caveat"].replace("\n", " ") == render.CAVEAT
    assert found["as-of"] == "Situation as of 20 Nov 2024"
    assert found["range-0"] == "300 km" and found["range-1"] == "250 km"
    assert found["allowed-label"] == "Strikes allowed"
    assert all(f"note-{k}" in found for k in range(len(two_weapons.scenario.notes)))


def test_scale_bar_is_true_at_the_map_centre(flagship, geodata):
    # The map is azimuthal equidistant about its centre: the bar's length in
    # map metres equals its label.  (In Web Mercator at 51°N it would be 1.6x.)
    fig = render.render_figure(flagship, geodata)
    ax = next(a for a in fig.axes if a.get_gid() == "map")
    bars = [p for p in ax.patches if (p.get_gid() or "") in ("scale-bar-0", "scale-bar-1")]
    assert len(bars) == 2
    length_m = sum(p.get_width() for p in bars)
    km = float(texts(fig)["scale-bar-label"].split()[0].replace(",", ""))
    assert length_m == pytest.approx(km * 1000, rel=1e-6)
    lon0, lat0 = ax.get_xlim(), ax.get_ylim()
    assert lon0[0] == pytest.approx(-lon0[1]) and lat0[0] == pytest.approx(-lat0[1])


def test_labels_do_not_overlap(flagship, geodata):
    fig = render.render_figure(flagship, geodata)
    renderer = fig.canvas.get_renderer()
    ax = next(a for a in fig.axes if a.get_gid() == "map")
    kinds = ("target-", "region-", "country-", "site-")
    labelled = [t for t in ax.texts if (t.get_gid() or "").startswith(kinds)]
    assert len(labelled) >= 15
    boxes = [t.get_window_extent(renderer) for t in labelled]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            overlap_w = min(a.x1, b.x1) - max(a.x0, b.x0)
            overlap_h = min(a.y1, b.y1) - max(a.y0, b.y0)
            assert overlap_w <= 1 or overlap_h <= 1, (labelled[i].get_text(), a, b)


def test_dark_theme_paints_dark_background_and_light_text(flagship, geodata):
    fig = render.render_figure(flagship, geodata, theme="dark")
    pixels = png_pixels(render.to_bytes(fig, "png"))
    assert tuple(pixels[2, 2]) == (0x12, 0x16, 0x19)
    title = next(t for t in fig.texts if t.get_gid() == "title")
    assert title.get_color() == render.THEMES["dark"]["ink"]
    light = png_pixels(render.to_bytes(render.render_figure(flagship, geodata), "png"))
    assert pixels.mean() < light.mean() - 80


def test_ukrainian_labels_are_cyrillic(flagship, geodata):
    # square: the Ukrainian web layout has no room for "Удари дозволені" inside the
    # Kursk region without covering a label, so there it is left to the key
    # (nothing overlaps, issue 12); the words checked here are the same.
    fig = render.render_figure(flagship, geodata, lang="uk", size="square")
    found = texts(fig)
    labels = [v for k, v in found.items() if k.startswith("target-")]
    assert "Курськ" in labels and "Суми" in labels
    assert any(CYRILLIC.search(v) for k, v in found.items() if k.startswith("country-"))
    assert found["caveat"].replace("\n", " ").startswith("Номінальна максимальна дальність")
    assert found["allowed-label"] == "Удари дозволені"
    assert found["scale-bar-label"].endswith(" км")


def test_hostile_names_are_escaped_in_svg(hostile, geodata):
    data = render.to_bytes(render.render_figure(hostile, geodata), "svg")
    assert b"<script" not in data and b"<img" not in data
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in data
    root = fromstring(data)  # still one well-formed SVG document
    tags = {el.tag.rsplit("}", 1)[-1] for el in root.iter()}
    assert "script" not in tags and "img" not in tags
    words = [el.text for el in root.iter(f"{SVG_NS}text")]
    assert "<script>alert(1)</script>" in words
    assert "</svg><img onerror=x>" in words
    assert "</svg><img onerror=x> & $x^2$" in words  # no mathtext either
    assert "Depot $5$ & co" in words
    # the scenario had no date: the map embeds the one it was drawn for
    latest = territory.latest().isoformat()
    assert render.read_embedded_scenario(data) == hostile.scenario.replace(as_of=latest)


def test_alt_text_states_weapon_range_sites_numbers_and_allowed_area(flagship):
    text = render.alt_text(flagship)
    w = flagship.weapons[0]
    assert text.startswith(f"Map: {flagship.scenario.title}.")
    assert "ATACMS M57" in text and "300 km" in text
    assert flagship.sites[0][0] in text
    n_air = int(((flagship.targets["layer"] == "airfields") & w.in_range).sum())
    assert w.headline.rstrip(".") in text
    assert "strikes allowed (Kursk; US decision of 17 Nov 2024, reported)" in text
    assert render.CAVEAT in text
    assert f"in Russia {n_air} airfields" not in text  # n_air counts both sides
    uk = render.alt_text(flagship, lang="uk")
    assert uk.startswith("Карта:")
    assert "Заштриховано: удари дозволені (Курська обл.; рішення США" in uk


def _count_in(result, w, layer: str, where: str) -> tuple[int, float]:
    """Targets of ``layer`` a weapon reaches in one territory, and their people,
    counted straight from the target table (not from the headline)."""
    t = result.targets
    hit = t[w.in_range & (t["layer"] == layer) & (t["territory"] == where)]
    return len(hit), float(hit["population"].sum())


def test_ukrainian_alt_text_counts_russia_like_the_english_headline_not_held_ukraine(flagship):
    w = flagship.weapons[0]
    uk = render.alt_text(flagship, lang="uk")
    # the English headline's Russia clause ...
    m = re.search(r"in Russia (\d+) airfields, (\d+) cities with ([\d.]+) million people",
                  w.headline)  # fmt: skip
    assert m, w.headline
    air, cities, millions = m.groups()
    # ... agrees with a direct count of the targets in Russia ...
    assert (int(air), int(cities)) == (_count_in(flagship, w, "airfields", "Russia")[0],
                                       _count_in(flagship, w, "cities", "Russia")[0])  # fmt: skip
    # ... and the Ukrainian text says the same numbers in its own words
    millions_uk = millions.replace(".", ",")
    assert f"у Росії {air} аеродромів, {cities} міст із населенням {millions_uk} млн" in uk
    assert "Курська обл. (100% площі)" in uk
    # the other clauses in the English order, and never Ukraine's own held ground
    clauses = ["у Росії", "на тимчасово окупованій території України", "у Білорусі"]
    assert [uk.index(c) for c in clauses] == sorted(uk.index(c) for c in clauses)
    assert "на підконтрольній Україні території" not in uk
    held_air, _ = _count_in(flagship, w, "airfields", "Ukraine (held)")
    held_cities, held_people = _count_in(flagship, w, "cities", "Ukraine (held)")
    assert held_cities > 0 and f"{held_cities} міст" not in uk
    assert f"{held_air} аеродром" not in uk
    assert render._pop_text(held_people, "uk") not in uk
    everything = int(w.in_range[(flagship.targets["layer"] == "airfields").to_numpy()].sum())
    assert f"аеродромів: {everything}" not in uk and f"{everything} аеродромів" not in uk


def test_ukrainian_alt_text_counts_held_ground_for_russian_weapons(geodata):
    result = evaluate(PRESETS["russian-missiles-on-ukraine"], geodata)
    uk = render.alt_text(result, lang="uk")
    for w in result.weapons:
        air, _ = _count_in(result, w, "airfields", "Ukraine (held)")
        cities, _ = _count_in(result, w, "cities", "Ukraine (held)")
        assert f"на підконтрольній Україні території {air} аеродром" in uk
        assert f", {cities} міст" in uk
    assert "у Росії" not in uk and "у Білорусі" not in uk


def test_ukrainian_sentence_follows_the_english_headline_clause_for_clause(flagship, geodata):
    # The Ukrainian sentence is built by the same code in English words: it must
    # be the analysis's headline after its colon, for both sides of the war.
    russian = evaluate(PRESETS["russian-missiles-on-ukraine"], geodata)
    for w in (*flagship.weapons, *russian.weapons):
        assert render._headline_words(w, "en") == w.headline.split(": ", 1)[1]


@pytest.mark.parametrize(("n", "expected"), [
    (0, "жодного аеродрому"), (1, "1 аеродром"), (3, "3 аеродроми"), (5, "5 аеродромів"),
    (11, "11 аеродромів"), (14, "14 аеродромів"), (21, "21 аеродром"), (22, "22 аеродроми"),
    (111, "111 аеродромів"), (1001, "1\u202f001 аеродром"),
])  # fmt: skip
def test_ukrainian_counts_take_the_three_plural_forms(n, expected):
    assert render._count_text(n, "airfield", "uk") == expected


def test_default_launch_area_names_are_ukrainian_on_ukrainian_maps(geodata):
    from types import SimpleNamespace

    from ranges.scenario import Area

    def result(*areas):
        return SimpleNamespace(scenario=Scenario(weapons=("gmlrs",), areas=areas))

    held, occupied = Area.from_dict({"kind": "held"}), Area.from_dict({"kind": "occupied"})
    strip = Area.from_dict({"kind": "front-strip", "width_km": 40, "standoff_km": 10})
    cli = Area("front-strip", "Ukrainian-held territory within 40 km of the front line, "
               "10 km standoff", width_km=40, standoff_km=10)  # fmt: skip
    border = Area("border-strip", "Ukraine within 60 km of the Russian border", width_km=60)
    mine = Area("front-strip", "Our strip", width_km=40, standoff_km=10)
    r = result(held, occupied, strip, cli, border, mine)
    uk = {a.name: render._site_label(r, a.name, "uk") for a in r.scenario.areas}
    assert uk[held.name] == "Підконтрольна Україні територія"
    assert uk[occupied.name] == "Тимчасово окупована територія України"
    assert uk[strip.name] == uk[cli.name] == "Смуга 10–40 км від лінії фронту"
    assert uk[border.name] == "Смуга до 60 км від кордону з Росією"
    assert uk["Our strip"] == "Our strip"  # a name someone gave stays as given
    assert all(render._site_label(r, a.name, "en") == a.name for a in r.scenario.areas)
    assert render._from_area(r, occupied.name, "uk") == "з тимчасово окупованої території України"
    assert render._from_area(r, occupied.name, "en") == "from occupied territory of Ukraine"
    assert render._from_area(r, cli.name, "en") == ""  # reads well after "from" as it is
    # drawn: the title and the key in Ukrainian
    scenario = Scenario(weapons=("gmlrs",), areas=(strip,), as_of="2025-06-01", lang="uk")
    found = texts(render.render_figure(evaluate(scenario, geodata), geodata))
    assert found["title"].replace("\n", " ") == (
        "Досяжність: GMLRS M30/M31 зі смуги 10–40 км від лінії фронту")
    key = [v.replace("\n", " ").replace("\u00a0", " ") for k, v in found.items()
           if k.startswith("legend-")]  # fmt: skip
    assert "Район пуску: Смуга 10–40 км від лінії фронту" in key


def test_key_never_breaks_a_number_from_its_unit():
    fig = Figure(figsize=(8, 4.5), dpi=150)
    FigureCanvasAgg(fig)
    ctx = render._Ctx(fig, render.parse_size("web"), render.THEMES["light"], "uk")
    prop = ctx.font(8.0)
    label = "Storm Shadow / SCALP-EG: 250 км; за повідомленнями до 560 км"
    for width in range(120, 400, 7):
        text = "\n".join(render._wrap_key_label(ctx, label, prop, float(width)))
        assert not re.search(r"\d\s*\n\s*(км|km)", text), (width, text)


def test_rendering_in_threads_gives_the_same_image(flagship, geodata):
    reference = png_pixels(render.to_bytes(render.render_figure(flagship, geodata), "png"))
    out: list[bytes] = []

    def work(fmt: str) -> None:
        fig = render.render_figure(flagship, geodata)
        data = render.to_bytes(fig, fmt)
        if fmt == "png":
            out.append(data)

    # An SVG export (which takes rcParams under a lock) alongside PNG renders.
    threads = [threading.Thread(target=work, args=(f,)) for f in ("png", "svg")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(out) == 1
    for data in out:
        assert np.array_equal(png_pixels(data), reference)


# --------------------------------------------------------------------------
# The date, occupied territory, reported ranges and whose decision
# --------------------------------------------------------------------------
def _gap_date():
    """A date with no snapshot of its own: the map must name the older snapshot's date."""
    dates = territory.snapshot_dates()
    before = next(a for a, b in zip(dates, dates[1:], strict=False) if (b - a).days > 1)
    return before + datetime.timedelta(days=1), before


def _map_patch(fig, gid: str):
    ax = next(a for a in fig.axes if a.get_gid() == "map")
    hits = [p for p in ax.patches if p.get_gid() == gid]
    return ax, (hits[0] if hits else None)


def _key(fig) -> list[str]:
    return [v.replace("\n", " ").replace("\u00a0", " ") for k, v in texts(fig).items()
            if k.startswith("legend-")]  # fmt: skip


def test_footer_shows_the_scenario_date_not_the_build_date(flagship, geodata):
    found = texts(render.render_figure(flagship, geodata))
    assert found["as-of"] == "Situation as of 17 Nov 2024"
    assert "data-date" not in found
    built = re.search(r"Built on (\d{4}-\d{2}-\d{2})", (ROOT / "data" / "README.md").read_text())
    manifest = json.loads((ROOT / "data" / "manifest.json").read_text()).get("data_date")
    build_dates = {d for d in (built and built.group(1), manifest) if d}
    for gid, text in found.items():
        assert not any(d in text for d in build_dates), (gid, text)
    # the sources carry their own dates: the occupied area's snapshot
    sources = found["sources"].replace("\n", " ")
    assert "occupied territory: DeepStateMap, as of 17 Nov 2024" in sources
    uk = texts(render.render_figure(flagship, geodata, lang="uk"))
    assert uk["as-of"] == "Станом на 17 листопада 2024"
    uk_sources = uk["sources"].replace("\n", " ")
    assert "окупована територія: DeepStateMap, станом на 17 листопада 2024" in uk_sources


def test_another_date_changes_the_footer_the_key_and_the_sources(geodata):
    day, snapshot = _gap_date()
    result = evaluate(PRESETS["russian-missiles-on-ukraine"].replace(as_of=day.isoformat()),
                      geodata)  # fmt: skip
    fig = render.render_figure(result, geodata)
    found = texts(fig)
    assert found["as-of"] == f"Situation as of {render.format_date(day.isoformat())}"
    # everything shown names the snapshot actually used, not the date asked for
    shown = render.format_date(snapshot.isoformat())
    assert shown != render.format_date(day.isoformat())
    label = f"Occupied by Russia (DeepStateMap, as of {shown})"
    assert label in _key(fig)
    assert f"as of {shown}" in found["sources"].replace("\n", " ")
    assert day.isoformat() not in " ".join(found.values())
    assert render.sources_text(result).startswith(
        f"Situation as of {render.format_date(day.isoformat())}. Sources: ")


def test_occupied_area_is_drawn_where_the_source_has_it(geodata):
    result = evaluate(PRESETS["russian-missiles-on-ukraine"], geodata)
    fig = render.render_figure(result, geodata)
    ax, fill = _map_patch(fig, "occupied")
    assert fill is not None and _map_patch(fig, "occupied-hatch")[1] is not None
    assert _map_patch(fig, "front-line")[1] is not None
    tr = render._aeqd(*fig._strike_range.centre)
    path = fill.get_path()
    snap = territory.occupied("2024-11-17")
    # towns the source puts on either side of the line, checked against the polygon itself
    for lon, lat in ((37.80, 48.00), (34.10, 44.95), (36.23, 49.99), (35.14, 47.84)):
        inside = snap.geometry.contains(shapely.Point(lon, lat))
        assert path.contains_point(tr.transform(lon, lat)) == inside, (lon, lat, inside)
    assert "Occupied by Russia (DeepStateMap, as of 17 Nov 2024)" in _key(fig)
    alt = render.alt_text(result)
    assert "Situation as of 17 Nov 2024." in alt
    assert "territory occupied by Russia (DeepStateMap, as of 17 Nov 2024)" in alt


@pytest.mark.parametrize(("theme", "lang"), [("dark", "uk"), ("light", "uk"), ("dark", "en")])
def test_occupied_layer_in_every_theme_and_language(flagship, geodata, theme, lang):
    fig = render.render_figure(flagship, geodata, theme=theme, lang=lang)
    _, fill = _map_patch(fig, "occupied")
    assert fill is not None
    assert matplotlib.colors.to_hex(fill.get_facecolor()) == render.THEMES[theme]["occupied"]
    expected = ("Окуповано Росією (DeepStateMap, станом на 17 листопада 2024)" if lang == "uk"
                else "Occupied by Russia (DeepStateMap, as of 17 Nov 2024)")  # fmt: skip
    assert expected in _key(fig)


def test_a_map_far_from_ukraine_has_no_occupied_key_entry(geodata):
    result = evaluate(Scenario(weapons=("gmlrs",), sites=(Site("Anadyr", 64.73, 177.5),),
                               as_of="2024-11-17"), geodata)  # fmt: skip
    fig = render.render_figure(result, geodata)
    assert _map_patch(fig, "occupied")[1] is None
    assert not any(e.startswith("Occupied") for e in _key(fig))
    assert "Shaded" not in render.alt_text(result)


def test_reported_range_ring_only_for_weapons_that_have_one(geodata):
    from ranges.geodesy import GEOD

    result = evaluate(PRESETS["russian-missiles-on-ukraine"], geodata)
    fig = render.render_figure(result, geodata)
    found = texts(fig)
    ax = next(a for a in fig.axes if a.get_gid() == "map")
    tr = render._aeqd(*fig._strike_range.centre)
    for i, w in enumerate(result.weapons):
        ring = _map_patch(fig, f"band-{i}")[1]
        if w.weapon.reported_max_km is None:  # Iskander-M
            assert ring is None and f"band-label-{i}" not in found
            continue
        assert ring is not None and ring.get_linestyle() == (0, (4, 2.5))  # dashed
        assert found[f"band-label-{i}"] == f"reported up to {w.weapon.reported_max_km:,.0f} km"
        assert f"{w.weapon.name}: 690 km; reported up to 900 km" in _key(fig)
        # the ring is the reported range: every vertex inside the view lies
        # reported_max_km from the nearest launch site, on the ellipsoid
        xy = ring.get_path().vertices
        hx, hy = ax.get_xlim()[1], ax.get_ylim()[1]
        xy = xy[(np.abs(xy[:, 0]) < 0.98 * hx) & (np.abs(xy[:, 1]) < 0.98 * hy)]
        lon, lat = tr.transform(xy[:, 0], xy[:, 1], direction="INVERSE")
        dist = np.min([GEOD.inv(lon, lat, np.full(len(lon), g.x), np.full(len(lat), g.y))[2]
                       for _, g in result.sites], axis=0)  # fmt: skip
        assert len(dist) > 50
        assert np.allclose(dist, w.weapon.reported_max_km * 1000, atol=1000)
    uk = texts(render.render_figure(result, geodata, lang="uk"))
    assert uk["band-label-1"] == "за повідомленнями до 900 км"
    assert "Dashed: KN-23 / Hwasong-11, reported up to 900 km." in render.alt_text(result)
    assert "reported up to" not in render.alt_text(evaluate(PRESETS["atacms-nov-2024"], geodata))


def test_key_says_when_a_minimum_range_is_an_estimate(flagship, geodata):
    assert get_weapon("atacms-m57").min_range_is_estimate
    assert "ATACMS M57 (unitary): 300 km (min. 70 km, est.)" in _key(
        render.render_figure(flagship, geodata))
    result = evaluate(PRESETS["russian-missiles-on-ukraine"], geodata)
    assert not get_weapon("iskander-m").min_range_is_estimate
    assert "Iskander-M (9M723): 500 km (min. 50 km)" in _key(render.render_figure(result, geodata))


def test_key_names_the_decision_behind_the_allowed_regions(flagship, geodata):
    fig = render.render_figure(flagship, geodata)
    assert "Strikes allowed: Kursk (US decision of 17 Nov 2024, reported)" in _key(fig)
    assert "decisions: " in texts(fig)["sources"].replace("\n", " ")
    uk = render.render_figure(flagship, geodata, lang="uk")
    assert ("Удари дозволені: Курська обл. (рішення США від 17 листопада 2024, "
            "за повідомленнями)") in _key(uk)  # fmt: skip
    assert "US decision of 17 Nov 2024, reported" in render.alt_text(flagship)
    # a region the user chose, which no decision covers, is not credited to anyone
    own = evaluate(PRESETS["atacms-nov-2024"].replace(allowed_regions=("RU-BRY",)), geodata)
    key = _key(render.render_figure(own, geodata))
    assert "Strikes allowed: Bryansk, Kursk" in key  # the user's region, then the table's
    assert not any("decision" in e for e in key)
    # before the decision there is none to name
    early = evaluate(PRESETS["atacms-nov-2024"].replace(as_of="2024-11-16"), geodata)
    assert not any("decision" in e for e in _key(render.render_figure(early, geodata)))


def test_both_languages_have_every_text_with_the_same_placeholders():
    from ranges import i18n

    assert i18n.missing() == []
    assert {"MAP", "SITE"} <= set(i18n.sections())
    en, uk = render._TEXT["en"], render._TEXT["uk"]
    assert len(en["months"].split()) == len(uk["months"].split()) == 12


def test_a_key_missing_in_one_language_is_reported(monkeypatch):
    from ranges import i18n

    monkeypatch.setitem(i18n.en.MAP, "only_in_english", "x {n}")
    monkeypatch.setitem(i18n.uk.SITE, "data", "{extra}")
    problems = i18n.missing()
    assert "MAP['only_in_english'] is missing in uk" in problems
    assert any(p.startswith("SITE['data'] has placeholders") for p in problems)


def test_dates_are_written_as_readers_write_them():
    assert render.format_date("2024-11-17") == "17 Nov 2024"
    assert render.format_date("2025-06-01", "uk") == "1 червня 2025"
    assert render.as_of_text("2025-01-31") == "Situation as of 31 Jan 2025"


# --------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------
def test_cli_renders_launch_and_weapon_to_png_and_rerenders_from_it(tmp_path, capsys):
    out = tmp_path / "map.png"
    code = cli_render.main([
        "render", "--launch", "Sumy", "--weapon", "atacms-m57", "--out", str(out),
        "--size", "800x450", "--title", "ATACMS from Sumy",
    ])  # fmt: skip
    assert code == 0
    assert f"wrote {out} (800x450 px, PNG)" in capsys.readouterr().out
    with Image.open(out) as im:
        assert im.size == (800, 450)
    scenario = render.read_embedded_scenario(out)
    assert scenario.title == "ATACMS from Sumy"
    assert scenario.weapons == ("atacms-m57",) and scenario.sites[0].name == "Sumy"
    pdf = tmp_path / "again.pdf"
    assert cli_render.main(["render", "--scenario", str(out), "--out", str(pdf),
                            "--lang", "uk"]) == 0  # fmt: skip
    assert render.read_embedded_scenario(pdf).lang == "uk"


def test_cli_lists_the_renderer_themes_and_presets():
    assert cli_render.THEMES == tuple(render.THEMES)
    for name in [*render.SIZE_PRESETS, *render.PRINT_PRESETS_MM]:
        assert name.removesuffix("@2x") in cli_render._PRESETS


def run_cli(argv: list[str]) -> int:
    try:
        return cli_render.main(argv)
    except SystemExit as exc:  # argparse's own errors
        return exc.code


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--launch", "Sumy", "--weapon", "atacms-m57", "--out", "m.png", "--size", "10x10"],
         "size '10x10': width 10 px is below the minimum of 320 px"),
        (["--launch", "Sumy", "--weapon", "atacms-m57", "--out", "m.jpg"],
         "--out 'm.jpg': the file name must end in .png, .svg, .pdf"),
        (["--launch", "Sumy", "--weapon", "atacms", "--out", "m.png"],
         "--weapon: weapon id 'atacms' is not in the weapon catalog"),
        (["--scenario", "s.json", "--weapon", "gmlrs", "--out", "m.png"],
         "--scenario FILE cannot be combined with"),
        (["--out", "m.png"], "give --scenario FILE, --preset ID, or --launch SPEC and --weapon ID"),
        (["--launch", "95, 30", "--weapon", "gmlrs", "--out", "m.png"], "latitude 95"),
        (["--launch", "Sumy", "--weapon", "gmlrs", "--out", "m.png", "--theme", "sepia"],
         "invalid choice: 'sepia'"),
    ],
)  # fmt: skip
def test_cli_errors_are_one_line_and_exit_2(tmp_path, monkeypatch, capsys, argv, message):
    monkeypatch.chdir(tmp_path)
    code = run_cli(["render", *argv])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "m.png").exists()


# --------------------------------------------------------------------------
# Never drop silently (issue 12)
# --------------------------------------------------------------------------
SUMY_KURSK_TARGETS = (
    ("T1", 51.0, 35.5), ("T2", 50.9, 35.9), ("T3", 51.3, 36.2), ("T4", 51.7, 36.1),
    ("T5", 50.6, 36.6),
)  # fmt: skip


def _with_targets(geodata, targets, **changes):
    from ranges.scenario import Target

    scenario = Scenario(
        weapons=("atacms-m57", "storm-shadow"),
        sites=(Site("Sumy", 50.9077, 34.7981),),
        user_targets=tuple(Target(n, lat, lon) for n, lat, lon in targets),
        **changes,
    )
    return evaluate(scenario, geodata)


def _user_markers(fig) -> np.ndarray:
    ax = next(a for a in fig.axes if a.get_gid() == "map")
    lines = [ln for ln in ax.lines if ln.get_gid() == "target-markers" and ln.get_marker() == "X"]
    if not lines:
        return np.empty((0, 2))
    return np.concatenate([np.column_stack(ln.get_data()) for ln in lines])


@pytest.mark.parametrize("size", ["web", "print-a4"])
def test_every_user_target_has_a_marker_and_a_name_or_number_in_the_key(geodata, size):
    targets = SUMY_KURSK_TARGETS + tuple((f"Depot {k}", 51.0 + k * 0.03, 35.5) for k in range(6))
    result = _with_targets(geodata, targets, target_kinds=("cities", "airfields", "places"))
    fig = render.render_figure(result, geodata, size=size)
    t = result.targets
    users = np.flatnonzero((t["layer"] == "user").to_numpy())
    tr = render._aeqd(*fig._strike_range.centre)
    x, y = tr.transform(t["lon"].to_numpy()[users], t["lat"].to_numpy()[users])
    markers = _user_markers(fig)
    for xi, yi in zip(x, y, strict=True):  # each user target has its own X
        assert np.hypot(markers[:, 0] - xi, markers[:, 1] - yi).min() < 1.0
    labels = texts(fig)
    key = " ".join(_key(fig))
    warnings = render.figure_warnings(fig)
    for k, i in enumerate(users):
        name = targets[k][0]
        named = labels.get(f"target-{i}") == name
        number = labels.get(f"target-{i}", "")
        numbered = number.isdigit() and f"{number} {name}" in key
        warned = any(name in w for w in warnings)
        assert named or numbered or warned, name


def test_cli_warns_on_stderr_about_a_target_outside_the_map(tmp_path, capsys):
    csv = tmp_path / "t.csv"
    csv.write_text("name,lat,lon\n" + "".join(f"{n},{a},{b}\n" for n, a, b in SUMY_KURSK_TARGETS)
                   + "Far away,60.0,100.0\n")  # fmt: skip
    out = tmp_path / "m.png"
    code = cli_render.main(["render", "--launch", "Sumy", "--weapon", "atacms-m57",
                            "--weapon", "storm-shadow", "--targets", str(csv), "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 0 and out.exists()
    assert "strike-range: warning: target Far away (60.0000, 100.0000) lies outside the map" in (
        captured.err
    )
    assert "warning" not in captured.out


# --------------------------------------------------------------------------
# Files that hold in every tool (issue 12)
# --------------------------------------------------------------------------
@pytest.fixture(scope="module")
def xml_illegal(geodata):
    import dataclasses

    from ranges.scenario import Note, Target

    # Input refuses these characters (tests/test_scenario_texts.py); a scenario
    # made in code skips that check, and the renderer must still cope.
    scenario = dataclasses.replace(
        PRESETS["atacms-nov-2024"],
        title="ATACMS\ufffe reach\uffff",
        sites=(Site("Sumy\ufffe", 50.9077, 34.7981),),
        user_targets=(Target("Depot\uffff 7", 51.2, 35.6),),
        notes=(Note("Sudzha\ufffe crossing", 51.19, 35.27),),
    )
    return evaluate(scenario, geodata)


def test_xml_illegal_characters_never_make_the_svg_unreadable(xml_illegal, geodata):
    import xml.etree.ElementTree as ET

    fig = render.render_figure(xml_illegal, geodata)
    data = render.to_bytes(fig, "svg")
    root = ET.fromstring(data)  # the standard parser refuses U+FFFE outright
    fromstring(data)
    words = " ".join(t for t in root.itertext())
    assert "ATACMS reach" in words and "Depot 7" in words and "Sumy" in words
    assert "\ufffe" not in data.decode() and "\uffff" not in data.decode()
    assert render.read_embedded_scenario(data).title == "ATACMS reach"


def test_svg_halos_are_attributes_of_each_text_and_fonts_fall_back(flagship, geodata):
    data = render.to_bytes(render.render_figure(flagship, geodata, theme="dark"), "svg")
    root = fromstring(data)
    haloed = [t for g in root.iter(f"{SVG_NS}g") if (g.get("id") or "").startswith("halo-")
              for t in g.iter(f"{SVG_NS}text")]  # fmt: skip
    assert len(haloed) >= 15
    for t in haloed:  # presentation attributes, which Inkscape keeps
        assert t.get("paint-order") == "stroke"
        assert t.get("stroke") == render.THEMES["dark"]["halo"]
        assert float(t.get("stroke-width")) > 0
    # no CSS selector doing the work (matplotlib's own line-join rule is all there is)
    assert not any("halo" in (s.text or "") for s in root.iter(f"{SVG_NS}style"))
    fonts = re.findall(r"font-family: ([^;\"]+)", data.decode())
    assert fonts and all(f.strip() == "'DejaVu Sans', 'Noto Sans', Arial, sans-serif"
                         for f in fonts)  # fmt: skip


def test_pdf_labels_are_text_a_desk_can_search(flagship, geodata):
    fig = render.render_figure(flagship, geodata, size="print-a4")
    data = render.to_bytes(fig, "pdf")
    reader = PdfReader(io.BytesIO(data))
    words = reader.pages[0].extract_text()
    labels = [t.get_text() for t in fig._strike_range.halo_texts]
    assert "Kursk" in labels and "Sudzha" in labels
    for label in labels:
        assert label.replace("\u2009", "") in words.replace("\u2009", ""), label
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert all(f.get_object()["/Subtype"] == "/Type0" for f in fonts.values())  # Type 42 (CID)
    # the figure is left as it was: halos back as path effects, no twin left
    assert all(t.get_path_effects() for t in fig._strike_range.halo_texts)
    assert len(render.to_bytes(fig, "png")) > 0
    assert sum(t.get_text() == "Kursk" for t in fig.findobj(lambda a: hasattr(a, "get_text"))
               if t.get_gid() and t.get_gid().startswith("target-")) == 1  # fmt: skip


def test_pdftotext_finds_the_map_labels(flagship, geodata, tmp_path):
    import subprocess

    from tools import require_tool

    pdf = tmp_path / "m.pdf"
    render.save(render.render_figure(flagship, geodata), pdf)
    text = subprocess.run([require_tool("pdftotext"), str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    assert "Kursk" in text and "Sudzha" in text


@pytest.mark.parametrize("lang", ["en", "uk"])
def test_the_pdf_and_the_svg_pass_their_validators(flagship, geodata, tmp_path, lang):
    import subprocess

    from tools import require_tool

    fig = render.render_figure(flagship, geodata, lang=lang)
    pdf, svg, png = tmp_path / "m.pdf", tmp_path / "m.svg", tmp_path / "m.png"
    render.save(fig, pdf)
    render.save(fig, svg)
    qpdf = subprocess.run([require_tool("qpdf"), "--check", str(pdf)], capture_output=True,
                          text=True)  # fmt: skip
    assert qpdf.returncode == 0 and "No syntax or stream encoding errors" in qpdf.stdout, (
        qpdf.stdout + qpdf.stderr)
    rsvg = subprocess.run([require_tool("rsvg-convert"), "-o", str(png), str(svg)],
                          capture_output=True, text=True)  # fmt: skip
    assert rsvg.returncode == 0 and rsvg.stderr == "", rsvg.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_redrawing_from_an_image_keeps_its_size(tmp_path, capsys, fmt):
    first = tmp_path / f"a.{fmt}"
    assert cli_render.main(["render", "--preset", "atacms-nov-2024", "--size", "square",
                            "--out", str(first)]) == 0  # fmt: skip
    assert render.read_embedded_size(first) == render.parse_size("square")
    again = tmp_path / "b.png"
    assert cli_render.main(["render", "--scenario", str(first), "--theme", "dark",
                            "--out", str(again)]) == 0  # fmt: skip
    with Image.open(again) as im:
        assert im.size == (1080, 1080)
    assert cli_render.main(["render", "--scenario", str(first), "--size", "web",
                            "--out", str(again)]) == 0  # fmt: skip
    with Image.open(again) as im:
        assert im.size == (1200, 675)


# --------------------------------------------------------------------------
# Anywhere on Earth (issue 12)
# --------------------------------------------------------------------------
def _stroked_paths(fig):
    """The map's axes and the path of each of its patches that is stroked."""
    from matplotlib.patches import PathPatch

    ax = next(a for a in fig.axes if a.get_gid() == "map")
    paths = [p.get_path() for p in ax.findobj(PathPatch)
             if p.get_linewidth() != 0 and p.get_edgecolor()[3] != 0]  # fmt: skip
    return ax, paths


def _stroked_lonlat(fig):
    """(lon, lat, drawn) of every stroked path of the map: its vertices back in
    lon/lat, and which segments are drawn (LINETO)."""
    tr = render._aeqd(*fig._strike_range.centre)
    for path in _stroked_paths(fig)[1]:
        lon, lat = (np.asarray(v) for v in tr.transform(
            path.vertices[:, 0], path.vertices[:, 1], direction="INVERSE"))  # fmt: skip
        drawn = path.codes[1:] == 2 if path.codes is not None else np.ones(len(lon) - 1, bool)
        yield lon, lat, drawn


def _stroked_cut_edges(fig) -> int:
    """Stroked segments of the map lying on ±180° longitude or at a pole (in lon/lat)."""
    n = 0
    for lon, lat, drawn in _stroked_lonlat(fig):
        on_cut = ((np.abs(lon[:-1]) > 179.999) & (np.abs(lon[1:]) > 179.999)) | (
            (np.abs(lat[:-1]) > 89.999) & (np.abs(lat[1:]) > 89.999)
        )
        n += int((drawn & on_cut).sum())
    return n


@pytest.mark.parametrize(("lat", "lon", "weapon"), [(65.0, 179.0, "kh-101"),
                                                    (85.0, 30.0, "kalibr")])  # fmt: skip
def test_reach_across_the_antimeridian_or_a_pole_is_never_stroked_along_the_cut(
    geodata, lat, lon, weapon
):
    # no focus region: the scene is the reach alone
    scenario = Scenario(weapons=(weapon,), sites=(Site("L", lat, lon),), focus_regions=())
    result = evaluate(scenario, geodata)
    parts = shapely.get_parts(result.weapons[0].area)
    xy = shapely.get_coordinates(parts)
    assert (np.abs(xy[:, 0]) > 179.999).any() or (np.abs(xy[:, 1]) > 89.999).any()  # a cut
    fig = render.render_figure(result, geodata)
    assert _stroked_cut_edges(fig) == 0
    lon0, lat0 = fig._strike_range.centre  # centred on the reach, not on 0°E
    assert abs(((lon0 - lon + 180) % 360) - 180) < 5 and abs(lat0 - lat) < 5
    for fmt in ("svg", "pdf"):  # the files come from the same artists, and write
        assert render.to_bytes(fig, fmt)


def _stroked_on_box_edges(fig) -> int:
    """Stroked segments lying along the theatre box's edges (the cut of the
    1:10m layers, where the 1:50m world takes over)."""
    from ranges.geodata import THEATRE_BOX

    x0, y0, x1, y1 = THEATRE_BOX
    n = 0
    for lon, lat, drawn in _stroked_lonlat(fig):
        mid_lon, mid_lat = (lon[:-1] + lon[1:]) / 2, (lat[:-1] + lat[1:]) / 2
        for v, edge, along, lo, hi in ((lon, x0, mid_lat, y0, y1), (lon, x1, mid_lat, y0, y1),
                                       (lat, y0, mid_lon, x0, x1), (lat, y1, mid_lon, x0, x1)):
            on = (np.abs(v[:-1] - edge) < 0.01) & (np.abs(v[1:] - edge) < 0.01)
            on &= (along > lo) & (along < hi)  # on the box's edge, not a coast at 70°N
            n += int((drawn & on & (np.abs(np.diff(lon)) + np.abs(np.diff(lat)) > 0.05)).sum())
    return n


@pytest.mark.parametrize(("lat", "lon", "weapon"), [(65.0, 179.0, "kh-101"),
                                                    (55.0, 62.0, "iskander-m")])  # fmt: skip
def test_land_beyond_the_theatre_comes_from_the_world_layer_without_seams(
    geodata, lat, lon, weapon
):
    # Chukotka and the Urals east of 60°E were blank sea before world.fgb
    scenario = Scenario(weapons=(weapon,), sites=(Site("L", lat, lon),), focus_regions=())
    fig = render.render_figure(evaluate(scenario, geodata), geodata)
    ax = next(a for a in fig.axes if a.get_gid() == "map")
    land = next(p for p in ax.patches if p.get_gid() == "world-land")
    x, y = render._aeqd(*fig._strike_range.centre).transform(lon, lat)
    assert land.get_path().contains_point((x, y))  # the launch site stands on land
    assert {"world-coast", "world-borders"} <= {p.get_gid() for p in ax.patches}
    assert _stroked_on_box_edges(fig) == 0
    assert _stroked_cut_edges(fig) == 0


def _stroke_near(fig, lon, lat, px: float) -> bool:
    """Whether a stroked line of the map passes within ``px`` pixels of a point."""
    ax, paths = _stroked_paths(fig)
    x, y = ax.transData.transform(render._aeqd(*fig._strike_range.centre).transform(lon, lat))
    for path in paths:
        for poly in path.to_polygons(closed_only=False):
            xy = ax.transData.transform(poly)
            if len(xy) > 1 and shapely.LineString(xy).distance(shapely.Point(x, y)) < px:
                return True
    return False


def test_a_map_of_a_continent_draws_no_oblast_lines(flagship, geodata):
    # At 20+ km a pixel the oblast lines were a grey mesh over Europe; the
    # presets (2-6 km a pixel) keep them.  Zhytomyr and Kyiv oblasts' border:
    regions = geodata.regions.set_index("region_id").geometry
    shared = shapely.intersection(regions["UA-18"].boundary, regions["UA-32"].boundary)
    mid = shapely.line_interpolate_point(shapely.line_merge(shared), 0.5, normalized=True)
    mid = shapely.get_parts(mid)[0]
    assert _stroke_near(render.render_figure(flagship, geodata), mid.x, mid.y, 1.5)
    far = Scenario(weapons=("kh-101",), sites=(Site("L", 38.0, 45.0),), focus_regions=())
    fig = render.render_figure(evaluate(far, geodata), geodata)
    assert not _stroke_near(fig, mid.x, mid.y, 1.5)


def test_too_many_airfields_are_counted_in_the_key_not_drawn(geodata):
    # 1,667 airfields within a Kh-101's 4,500 km were a speckle of planes over
    # Europe that kept the capitals unlabelled
    far = Scenario(weapons=("kh-101",), sites=(Site("L", 38.0, 45.0),), focus_regions=())
    result = evaluate(far, geodata)
    assert not render_targets.planes_drawn(result)
    for lang, words in (("en", "too many to draw"), ("uk", "забагато, щоб показати")):
        fig = render.render_figure(result, geodata, lang=lang)
        ax = next(a for a in fig.axes if a.get_gid() == "map")
        assert not [ln for ln in ax.lines if ln.get_gid() == "airfields"]
        key = " ".join(t.get_text() for t in ax.get_legend().get_texts())
        assert words in " ".join(key.split()) and ("1,667" in key or "1\u202f667" in key), key
    assert render_targets.planes_drawn(evaluate(PRESETS["russian-missiles-on-ukraine"],
                                                geodata))  # fmt: skip


def test_a_theatre_map_draws_no_world_layer(flagship, geodata):
    fig = render.render_figure(flagship, geodata)
    ax = next(a for a in fig.axes if a.get_gid() == "map")
    assert not {p.get_gid() for p in ax.patches} & {"world-land", "world-coast"}


# --------------------------------------------------------------------------
# Frames and labels that fit the story (issue 12)
# --------------------------------------------------------------------------
def _map_texts(fig) -> dict[str, str]:
    ax = next(a for a in fig.axes if a.get_gid() == "map")
    return {t.get_gid(): t.get_text() for t in ax.texts if t.get_gid()}


@pytest.mark.parametrize("preset", sorted(PRESETS))
@pytest.mark.parametrize("lang", ["en", "uk"])
def test_russia_and_ukraine_are_named_on_every_theatre_map(geodata, preset, lang):
    fig = render.render_figure(evaluate(PRESETS[preset], geodata), geodata, lang=lang)
    countries = {v.replace("\u2009", "") for k, v in _map_texts(fig).items()
                 if k.startswith("country-")}  # fmt: skip
    names = {"en": ("RUSSIA", "UKRAINE"), "uk": ("РОСІЯ", "УКРАЇНА")}[lang]
    assert set(names) <= countries, countries


def test_taurus_frame_shows_moscow_its_focus(geodata):
    result = evaluate(PRESETS["taurus-from-kyiv-region"], geodata)
    fig = render.render_figure(result, geodata)
    ax = next(a for a in fig.axes if a.get_gid() == "map")
    tr = render._aeqd(*fig._strike_range.centre)
    x, y = tr.transform(37.6173, 55.7558)  # Moscow
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    assert x0 < x < x1 and y0 < y < y1
    assert "Moscow" in _map_texts(fig).values()


def test_regions_of_countries_not_in_play_are_not_named(geodata):
    result = evaluate(PRESETS["russian-missiles-on-ukraine"], geodata)
    fig = render.render_figure(result, geodata)
    country = geodata.regions["country"].to_numpy()
    shown = [int(k.split("-")[1]) for k in _map_texts(fig) if k.startswith("region-")]
    assert shown and all(country[i] in ("UKR", "RUS", "BLR") for i in shown)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_russia_and_ukraine_never_share_a_fill(flagship, geodata, theme):
    def lightness(color) -> float:  # CIE L*
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
               for c in matplotlib.colors.to_rgb(color)]  # fmt: skip
        y = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
        return 116 * y ** (1 / 3) - 16 if y > 0.008856 else 903.3 * y

    fig = render.render_figure(flagship, geodata, theme=theme)
    ukraine = _map_patch(fig, "land-ukraine")[1].get_facecolor()
    other = _map_patch(fig, "land")[1].get_facecolor()
    assert abs(lightness(ukraine) - lightness(other)) >= 8


# --------------------------------------------------------------------------
# One collision index: nothing overlaps (issue 12), read back from the artists
# --------------------------------------------------------------------------
def _map_boxes(fig) -> list[tuple[str, str, tuple[float, float, float, float]]]:
    """(kind, gid, box px) of every label, icon, note box, the key and the scale bar."""
    fig.canvas.draw()  # note boxes take their place when drawn
    r = fig.canvas.get_renderer()
    ax = next(a for a in fig.axes if a.get_gid() == "map")
    out = []
    for t in ax.texts:
        gid = t.get_gid() or ""
        if not t.get_text().strip() or gid.startswith("scale-bar"):
            continue  # the scale bar's words sit on its plate
        if gid.startswith("note-number-"):  # the number inside a callout's ring: its marker
            out.append(("icon", gid, tuple(t.get_window_extent(r).extents)))
        elif gid.startswith("note-") and t.get_bbox_patch() is not None:
            out.append(("note", gid, tuple(t.get_bbox_patch().get_window_extent(r).extents)))
        else:
            out.append(("label", gid, tuple(t.get_window_extent(r).extents)))
    if ax.get_legend() is not None:
        out.append(("key", "legend", tuple(ax.get_legend().get_window_extent(r).extents)))
    for p in ax.patches:
        if p.get_gid() == "scale-bar-plate":
            out.append(("scale", "scale-bar", tuple(p.get_window_extent(r).extents)))
    for ln in ax.lines:
        if ln.get_gid() in ("airfields", "target-markers", "launch-sites", "note-anchors"):
            half = ln.get_markersize() * fig.dpi / 72 * 0.35
            for x, y in ax.transData.transform(np.column_stack(ln.get_data())):
                out.append(("icon", ln.get_gid(), (x - half, y - half, x + half, y + half)))
    for c in ax.collections:
        if c.get_gid() == "target-dots":  # the cities' dots, as drawn
            half = math.sqrt(float(c.get_sizes()[0])) / 2 * fig.dpi / 72
            for x, y in ax.transData.transform(c.get_offsets()):
                out.append(("icon", "target-dots", (x - half, y - half, x + half, y + half)))
    return out


def _collisions(fig) -> list[str]:
    boxes = _map_boxes(fig)
    ax = next(a for a in fig.axes if a.get_gid() == "map")

    def overlap(a, b, tol=1.0):
        return min(a[2], b[2]) - max(a[0], b[0]) > tol and min(a[3], b[3]) - max(a[1], b[1]) > tol

    found = []
    for i, (ka, na, a) in enumerate(boxes):
        for kb, nb, b in boxes[i + 1 :]:
            # markers may touch, but a plane is drawn on no dot, marker or plane
            icons = ka == "icon" and kb == "icon" and "airfields" not in (na, nb)
            if not icons and overlap(a, b):
                found.append(f"{na} overlaps {nb}")
    names = [(n, b) for k, n, b in boxes
             if k == "label" and n.startswith(("target-", "country-"))]  # fmt: skip
    for i, (na, a) in enumerate(names):  # two names on one line stay apart
        for nb, b in names[i + 1 :]:
            line = min(a[3], b[3]) - max(a[1], b[1]) > 0.5 * min(a[3] - a[1], b[3] - b[1])
            if line and max(a[0], b[0]) - min(a[2], b[2]) < 0.8 * (a[3] - a[1]):
                found.append(f"{na} runs into {nb}")
    leaders = [(ln.get_gid(), shapely.LineString(ax.transData.transform(
        np.column_stack(ln.get_data())))) for ln in ax.lines
        if (ln.get_gid() or "").startswith("note-leader-")]  # fmt: skip
    for i, (na, a) in enumerate(leaders):
        for nb, b in leaders[i + 1 :]:
            if a.intersects(b):
                found.append(f"{na} crosses {nb}")
        # past its own ring, up to its own box: over no label, note, key or scale bar
        own = f"note-{na.removeprefix('note-leader-')}"
        inner = shapely.LineString([a.interpolate(0.12, normalized=True),
                                    a.interpolate(0.96, normalized=True)])  # fmt: skip
        for kb, nb, b in boxes:
            if kb != "icon" and nb != own and inner.intersects(shapely.box(*b)):
                found.append(f"{na} runs over {nb}")
    legend = [b for k, _, b in boxes if k == "key"]
    for p in ax.patches:  # the key hides no reach outline
        if legend and (p.get_gid() or "").startswith("reach-outline-"):
            xy = ax.transData.transform(p.get_path().vertices)
            if shapely.LineString(xy).intersects(shapely.box(*legend[0])):
                found.append(f"legend covers {p.get_gid()}")
    return found


# Every preset x size x theme x language (issue 12's "how to know it is done").
_COLLISION_CASES = [(p, s, t, lang) for p in sorted(PRESETS)
                    for s in ("web", "web@2x", "square", "portrait", "print-a4")
                    for t in ("light", "dark") for lang in ("en", "uk")]  # fmt: skip


@pytest.mark.parametrize(("preset", "size", "theme", "lang"), _COLLISION_CASES)
def test_nothing_on_the_map_overlaps_and_no_leader_crosses(geodata, preset, size, theme, lang):
    result = _evaluated(preset, geodata)
    fig = render.render_figure(result, geodata, size=size, theme=theme, lang=lang)
    boxes = _map_boxes(fig)
    assert sum(k == "label" for k, _, _ in boxes) >= 10  # a map with its labels
    assert _collisions(fig) == []


_EVALUATED: dict = {}


def _evaluated(preset, geodata):
    if preset not in _EVALUATED:
        _EVALUATED[preset] = evaluate(PRESETS[preset], geodata)
    return _EVALUATED[preset]


def test_the_collision_check_sees_a_label_put_on_another(flagship, geodata):
    # the check itself can fail: a label moved onto another is reported
    fig = render.render_figure(flagship, geodata)
    ax = next(a for a in fig.axes if a.get_gid() == "map")
    labels = [t for t in ax.texts if (t.get_gid() or "").startswith("target-")]
    labels[1].set_position(labels[0].get_position())
    labels[1].set_ha(labels[0].get_ha())
    labels[1].set_va(labels[0].get_va())
    assert any(labels[1].get_gid() in c for c in _collisions(fig))


def test_clipping_a_sliver_across_the_views_edge_does_not_fail():
    # GEOS's rectangle clipper built a ring of three points from this piece of
    # the occupied area (37.05-37.08 E) on a square map from Kyiv, and raised.
    from ranges.render.geometry import clip_rect

    sliver = shapely.Polygon([
        (37.08334435253584, 50.340980503069154), (37.0831985, 50.3334258),
        (37.0760596, 50.3321779), (37.0731263, 50.3358047), (37.0751195, 50.3385725),
        (37.0808896, 50.3394776), (37.08082791449364, 50.3405083771354), (37.053371, 50.335357),
    ])  # fmt: skip
    rect = (23.977374684978138, 46.90466055119401, 37.062625315021855, 53.86518827006151)
    cut = clip_rect(sliver, *rect)
    assert cut.is_valid and cut.geom_type in ("Polygon", "MultiPolygon")
    assert cut.area == pytest.approx(shapely.intersection(sliver, shapely.box(*rect)).area)
    many = clip_rect(np.array([sliver, shapely.box(30, 50, 31, 51)], dtype=object), *rect)
    assert [g.area for g in many] == pytest.approx([cut.area, 1.0])


def test_a_square_map_from_kyiv_draws(geodata):
    far = Scenario(weapons=("atacms-m57",), sites=(Site("L", 50.45, 30.52),), focus_regions=())
    fig = render.render_figure(evaluate(far, geodata), geodata, size="square")
    ax = next(a for a in fig.axes if a.get_gid() == "map")
    assert any(p.get_gid() == "occupied" for p in ax.patches)


def test_planes_too_dense_for_the_map_are_counted_not_drawn_and_the_launch_country_named(
    geodata,
):
    # A Kalibr from Ankara holds 486 airfields, fewer than PLANES_MAX, but on a
    # web map they stood thicker than PLANES_PER_100K_MAX: a speckle that left
    # Ukraine and Turkey unnamed.  The presets draw theirs at every size.
    scene = Scenario(weapons=("kalibr",), sites=(Site("L", 39.93, 32.85),), focus_regions=())
    result = evaluate(scene, geodata)
    assert render_targets.planes_drawn(result)  # by the count alone
    for lang, words in (("en", "too many to draw"), ("uk", "забагато, щоб показати")):
        fig = render.render_figure(result, geodata, lang=lang)
        ax = next(a for a in fig.axes if a.get_gid() == "map")
        assert not [ln for ln in ax.lines if ln.get_gid() == "airfields"]
        key = " ".join(" ".join(t.get_text() for t in ax.get_legend().get_texts()).split())
        assert words in key, key
        # the launch site's country is in play: named like Ukraine and Russia
        gids = {t.get_gid() for t in ax.texts}
        assert {"country-TUR", "country-UKR", "country-RUS"} <= gids, gids
    for preset in PRESETS.values():
        result = evaluate(preset, geodata)
        for size in ("web", "square", "portrait", "print-a4"):
            fig = render.render_figure(result, geodata, size=size)
            ax = next(a for a in fig.axes if a.get_gid() == "map")
            assert [ln for ln in ax.lines if ln.get_gid() == "airfields"], (preset.title, size)


def test_the_largest_cities_in_range_are_named_beside_an_air_base_or_a_launch_site(geodata):
    # An Iskander-M from central Turkey: Ankara (3.5 million) and Gaziantep lost
    # their names to the planes of air bases beside them, Malatya to the launch
    # site's label.  Big cities may take a plane's spot (the key still counts
    # every airfield); a site's name keeps off their spots when it can.
    scene = Scenario(weapons=("iskander-m",), sites=(Site("L", 38.5, 35.5),), focus_regions=())
    fig = render.render_figure(evaluate(scene, geodata), geodata)
    ax = next(a for a in fig.axes if a.get_gid() == "map")
    names = {t.get_text() for t in ax.texts}
    assert {"Ankara", "Gaziantep", "Malatya", "Konya", "Adana"} <= names, sorted(names)
    key = " ".join(t.get_text() for t in ax.get_legend().get_texts())
    assert "Airfields in range (all sides): 52" in " ".join(key.split())


def test_a_launch_site_just_off_the_coast_names_its_country(geodata):
    # 41.0 N 29.0 E is on the Bosphorus, in no country's polygon: Turkey's
    # land is within LAUNCH_COAST_M.
    scene = Scenario(weapons=("kalibr",), sites=(Site("L", 41.0, 29.0),), focus_regions=())
    fig = render.render_figure(evaluate(scene, geodata), geodata, lang="uk")
    ax = next(a for a in fig.axes if a.get_gid() == "map")
    labels = {t.get_gid(): t.get_text() for t in ax.texts}
    assert "country-TUR" in labels and "Т" in labels["country-TUR"]
