"""Tests of the static map renderer (ranges.render) and `strike-range render`.

Every output is opened with a real reader: Pillow for PNG, defusedxml for SVG,
pypdf for PDF.
"""

from __future__ import annotations

import io
import re
import threading

import numpy as np
import pytest
from defusedxml.ElementTree import fromstring
from matplotlib.figure import Figure
from PIL import Image
from pypdf import PdfReader

from ranges import cli_render, render
from ranges.errors import InputError
from ranges.evaluate import evaluate
from ranges.geodata import load_geodata
from ranges.presets import PRESETS
from ranges.scenario import Scenario, ScenarioError, Site

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
    # SVG swaps label halos for CSS while it writes; the figure must come back intact.
    fig = render.render_figure(flagship, geodata)
    before = render.to_bytes(fig, "png")
    gids = sorted(texts(fig))
    svg = render.to_bytes(fig, "svg")
    assert b"paint-order:stroke" in svg and b'id="halo-range-0"' in svg
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
    key = [v for k, v in found.items() if k.startswith("legend-")]
    for w in two_weapons.weapons:
        assert any(w.weapon.name in entry and f"{w.weapon.max_range_km:,.0f} km" in entry
                   for entry in key), (w.weapon.name, key)  # fmt: skip
    assert any(entry.startswith("Strikes allowed") for entry in key)
    assert re.fullmatch(r"\d[\d,.]* km", found["scale-bar-label"])
    assert found["scale-bar-note"] == "Scale true at map centre"
    sources = found["sources"].replace("\n", " ")
    assert sources.startswith("Sources: Natural Earth")
    for publisher in ("GeoNames", "airportsdata", "CSIS Missile Threat", "MBDA", "Reuters"):
        assert publisher in sources
    assert found["credit"] == "Graphic: The Daily"
    assert found["caveat"].replace("\n", " ") == render.CAVEAT
    assert re.fullmatch(r"Data: \d{4}-\d{2}-\d{2}", found["data-date"])
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
    fig = render.render_figure(flagship, geodata, lang="uk")
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
    assert render.read_embedded_scenario(data) == hostile.scenario


def test_alt_text_states_weapon_range_sites_numbers_and_allowed_area(flagship):
    text = render.alt_text(flagship)
    w = flagship.weapons[0]
    assert text.startswith(f"Map: {flagship.scenario.title}.")
    assert "ATACMS M57" in text and "300 km" in text
    assert flagship.sites[0][0] in text
    n_air = int(((flagship.targets["layer"] == "airfields") & w.in_range).sum())
    assert f"{n_air} airfields" in text
    assert "strikes allowed (Kursk)" in text
    assert render.CAVEAT in text
    uk = render.alt_text(flagship, lang="uk")
    assert uk.startswith("Карта:") and f"аеродромів: {n_air}" in uk


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
        (["--out", "m.png"], "give --scenario FILE, or --launch SPEC and --weapon ID"),
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
