"""Text extents are measured once per process and shared by every map drawn
in it (``ranges.render.context._EXTENTS``): a map drawn after others, at
other sizes, in other languages and themes, is the map drawn first."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

from ranges.evaluate import evaluate
from ranges.render import context, render_figure, to_bytes
from ranges.scenario import Scenario, Site


def _pixels(data: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(data)) as im:
        return np.asarray(im.convert("RGB"))


def test_a_map_drawn_after_others_is_the_map_drawn_first(flagship, geo):
    context._EXTENTS.clear()
    first = to_bytes(render_figure(flagship, geo), "png")
    measured = len(context._EXTENTS)
    assert measured > 50  # the labels, key and notes were measured and kept
    context._EXTENTS.clear()  # what the flagship reads next is what other maps measured
    other = evaluate(Scenario(weapons=("atacms-m57", "storm-shadow"),
                              sites=(Site("Kharkiv", 49.99, 36.23),)), geo)  # fmt: skip
    for result, options in (
        (other, {"size": "print-a4"}),
        (other, {"size": "square", "lang": "uk"}),
        (flagship, {"size": "web@2x", "theme": "dark"}),
        (flagship, {"size": "portrait", "lang": "uk"}),
    ):
        to_bytes(render_figure(result, geo, **options), "png")
    assert len(context._EXTENTS) > measured  # other words, sizes and fonts
    again = to_bytes(render_figure(flagship, geo), "png")
    assert np.array_equal(_pixels(again), _pixels(first))


def test_the_shared_extents_are_the_renderers_own(flagship, geo):
    """Every kept extent is what the measuring renderer says for that text and font."""
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    from ranges.render.size import SCREEN_DPI
    from ranges.render.words import _FONT

    render_figure(flagship, geo, lang="uk")
    measurer = RendererAgg(8, 8, SCREEN_DPI)
    keys = list(context._EXTENTS)[:: max(1, len(context._EXTENTS) // 40)]
    for text, fkey in keys:
        family, size, weight, style = fkey[:4]
        assert family == (_FONT,)
        prop = FontProperties(family=_FONT, size=size, weight=weight, style=style)
        w, h, _ = measurer.get_text_width_height_descent(text, prop, ismath=False)
        assert context._EXTENTS[(text, fkey)] == (w, h)
