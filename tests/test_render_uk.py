"""Ukrainian maps carry no Latin word, and no callout is ever lost (issue 12).

Both checks read the texts the renderer placed (its own artists, by gid), over
every preset at every size preset.  Figures are shared between the tests of
this module (each is drawn once); the ``@2x`` sizes are left out because they
are the 1x layout at twice the resolution (``ctx.u`` scales every distance),
and the dark theme, the same layout in other colours, is drawn at the screen
and the print size.
"""

from __future__ import annotations

import re

import pytest
from matplotlib.text import Text

from ranges import render
from ranges.catalog import load_catalog
from ranges.evaluate import evaluate
from ranges.geodata import load_geodata
from ranges.i18n import strings
from ranges.presets import PRESETS

SIZES = ("web", "square", "portrait", "print-a4", "print-a4-portrait", "print-a3",
         "print-a3-portrait")  # fmt: skip

#: The Latin a Ukrainian map may print, in one place.  Weapon designations that
#: are names and that Ukrainian media print in Latin (ATACMS, Storm Shadow,
#: Taurus, KN-23...: see WEAPON_NAMES in ranges/i18n/uk.py, which writes the
#: Soviet and Russian ones in Cyrillic: Іскандер-М, Х-101, Калібр); and the name
#: of the source of the occupied area, DeepStateMap, a Ukrainian project known
#: by its Latin name, which the key cites with its date.  No unit symbol is
#: needed: Ukrainian maps write км.  Longest first, so that "SCALP-EG" goes whole.
ALLOWED_LATIN = sorted(
    {
        "ATACMS", "M39A1", "M39", "M57", "GMLRS", "M30/M31", "GLSDB",
        "Storm Shadow", "SCALP-EG", "SCALP", "Taurus", "KEPD", "KN-23",
        "DeepStateMap",
    },
    key=len,
    reverse=True,
)  # fmt: skip

#: Texts left out of the check: the sources and the credit cite works by their
#: own names.
NOT_CHECKED = ("sources", "credit")

LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


@pytest.fixture(scope="module")
def geodata():
    return load_geodata()


_RESULTS: dict = {}
_FIGURES: dict = {}


def _figure(geodata, preset, size, theme, lang):
    key = (preset, size, theme, lang)
    if key not in _FIGURES:
        if preset not in _RESULTS:
            _RESULTS[preset] = evaluate(PRESETS[preset], geodata)
        _FIGURES[key] = render.render_figure(
            _RESULTS[preset], geodata, size=size, theme=theme, lang=lang
        )
    return _FIGURES[key]


def _placed_texts(fig) -> dict[str, str]:
    """gid -> text of every non-empty text the renderer placed (map, key, header, footer)."""
    out = {}
    for t in fig.findobj(Text):
        if t.get_text().strip():
            out.setdefault(t.get_gid() or f"(no gid) {t.get_text()!r}", t.get_text())
    return out


def latin_words(text: str) -> list[str]:
    """The words of ``text`` in Latin script, once the allowed names are taken out."""
    text = re.sub(r"[\s\u00a0\u202f]+", " ", text)  # no-break spaces hold a name together
    for name in ALLOWED_LATIN:
        text = text.replace(name, " ")
    return [w for w in text.split(" ") if LATIN.search(w)]


def test_the_latin_check_can_fail():
    assert latin_words("Iaşi") == ["Iaşi"]
    assert latin_words("ATACMS M57 (unitary): 300 km") == ["(unitary):", "km"]
    assert latin_words("ATACMS M57 (моноблочна): 300 км") == []
    assert latin_words("Storm\u00a0Shadow / SCALP-EG; KN-23 / Хвасон-11") == []


_LATIN_CASES = [(p, s, "light") for p in sorted(PRESETS) for s in SIZES]
_LATIN_CASES += [(p, s, "dark") for p in sorted(PRESETS) for s in ("web", "print-a4")]


@pytest.mark.parametrize(("preset", "size", "theme"), _LATIN_CASES)
def test_a_ukrainian_map_has_no_latin_word(geodata, preset, size, theme):
    fig = _figure(geodata, preset, size, theme, "uk")
    texts = _placed_texts(fig)
    assert any(g.startswith("legend-") for g in texts) and "title" in texts
    found = {gid: latin_words(text) for gid, text in texts.items() if gid not in NOT_CHECKED}
    assert {gid: words for gid, words in found.items() if words} == {}


_NOTE_CASES = [(p, s, lang) for p in sorted(PRESETS) if PRESETS[p].notes for s in SIZES
               for lang in ("en", "uk")]  # fmt: skip


@pytest.mark.parametrize(("preset", "size", "lang"), _NOTE_CASES)
def test_every_note_is_placed_or_numbered_with_its_text_below_the_map(geodata, preset, size, lang):
    fig = _figure(geodata, preset, size, "light", lang)
    texts = _placed_texts(fig)
    notes = PRESETS[preset].notes
    footer = texts.get("notes-numbered", "")
    for k, note in enumerate(notes):
        text = note.text_in(lang)
        if f"note-{k}" in texts:  # a callout on the map, its words as written (wrapped)
            assert texts[f"note-{k}"].split() == text.split()
        else:  # a numbered ring, and the same number with the text under the map
            number = texts.get(f"note-number-{k}")
            assert number is not None, f"note {k} is neither placed nor numbered"
            circled = chr(0x2460 + int(number) - 1)
            assert " ".join([circled, *text.split()]) in " ".join(footer.split())
    assert not any("note" in w or "примітц" in w for w in render.figure_warnings(fig))


def test_weapon_names_in_english_are_the_catalogues_and_every_weapon_has_both():
    names = strings("WEAPON_NAMES")
    catalog = {w.id: w.name for w in load_catalog()}
    assert names["en"] == catalog
    assert names["uk"].keys() == catalog.keys()


def test_a_ukrainian_map_labels_no_city_without_a_ukrainian_name(geodata):
    # The column decides, not a list: the cities the English Taurus map labels
    # lose their name_uk, and the Ukrainian map then labels none of them (their
    # markers stay).  Real gaps are cities abroad no source names (Białystok).
    import dataclasses

    result = evaluate(PRESETS["taurus-from-kyiv-region"], geodata)
    fig = render.render_figure(result, geodata, size="web", theme="light", lang="en")
    labelled_en = {int(g.removeprefix("target-")) for g in _placed_texts(fig)
                   if g.startswith("target-")}  # fmt: skip
    t = result.targets
    cities = set(t.index[t["layer"] == "cities"]) & labelled_en
    assert len(cities) >= 5
    gone = sorted(cities)[::2]
    targets = t.copy()
    targets.loc[gone, "name_uk"] = ""
    blanked = dataclasses.replace(result, targets=targets)
    fig = render.render_figure(blanked, geodata, size="web", theme="light", lang="uk")
    labelled_uk = {int(g.removeprefix("target-")) for g in _placed_texts(fig)
                   if g.startswith("target-")}  # fmt: skip
    assert not labelled_uk & set(gone)
    assert labelled_uk & (cities - set(gone))  # the others keep their Ukrainian labels


def test_the_russian_missile_map_names_kursk_in_both_languages(geodata):
    for lang, name in (("en", "Kursk"), ("uk", "Курськ")):
        for size in ("web", "square"):
            texts = _placed_texts(_figure(geodata, "russian-missiles-on-ukraine", size,
                                          "light", lang))  # fmt: skip
            assert name in {v for g, v in texts.items() if g.startswith("site-label-")}


def test_a_ukrainian_footer_writes_the_notes_dates_in_ukrainian(geodata):
    # the notes' sources are cited in English ("RFE/RL, 15 Aug 2024: ..."); their
    # dates follow the map's language, the publishers' names stay as they are
    sources = " ".join(_placed_texts(_figure(geodata, "atacms-nov-2024", "web", "light",
                                             "uk"))["sources"].split())  # fmt: skip
    assert "RFE/RL, 15 серпня 2024" in sources
    english = re.compile(r"\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}")
    assert not english.search(sources)
    en = " ".join(_placed_texts(_figure(geodata, "atacms-nov-2024", "web", "light",
                                        "en"))["sources"].split())  # fmt: skip
    assert "RFE/RL, 15 Aug 2024" in en


@pytest.mark.parametrize(("preset", "size", "lang"),
                         [(p, s, lang) for p in sorted(PRESETS) for s in ("web", "square")
                          for lang in ("en", "uk")])  # fmt: skip
def test_a_country_name_lies_inside_its_country(geodata, preset, size, lang):
    """Every country label's box, read back from the drawn figure, lies inside
    that country or at sea: a name is never written over a neighbour (ПОЛЬЩА
    over Belarus on the square Ukrainian map).  A country in play may reach over
    a border when nothing else is free; the check says where that happened."""
    import numpy as np
    import shapely

    from ranges.render.geometry import _aeqd
    from ranges.render.labels import IN_PLAY

    fig = _figure(geodata, preset, size, "light", lang)
    ax = next(a for a in fig.axes if a.get_gid() == "map")
    inverse = _aeqd(*fig._strike_range.centre)
    renderer = fig.canvas.get_renderer()
    named = 0
    for t in ax.texts:
        gid = t.get_gid() or ""
        if not gid.startswith("country-"):
            continue
        named += 1
        (x0, y0), (x1, y1) = t.get_window_extent(renderer).get_points()
        corners = np.array([(x0, y0), (x1, y0), (x1, y1), (x0, y1)])
        x, y = ax.transData.inverted().transform(corners).T
        lon, lat = inverse.transform(x, y, direction="INVERSE")
        code = gid.removeprefix("country-")
        # the theatre's 1:10m countries and, beyond the box, the world's 1:50m
        layers = [geodata.countries, *([] if geodata.world is None else [geodata.world])]
        mine = [lay.geometry[lay["iso_a3"] == code] for lay in layers]
        rest = [lay.geometry[lay["iso_a3"] != code] for lay in layers]
        country = shapely.union_all([g for part in mine for g in part])
        assert not country.is_empty, gid
        if code in IN_PLAY:  # its middle, at least, inside
            lon, lat = lon.mean(keepdims=True), lat.mean(keepdims=True)
        others = shapely.union_all([g for part in rest for g in part])
        over = ~shapely.contains_xy(country, lon, lat) & shapely.contains_xy(others, lon, lat)
        assert not over.any(), f"{t.get_text()!r} ({gid}) is written over a neighbour"
    assert named >= 2  # the countries in play are named
