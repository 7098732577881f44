"""The public entry point: :func:`render_figure` draws a scenario's map on a matplotlib Figure."""

from __future__ import annotations

import os
from typing import IO, Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from ..exports import situation
from ..scenario import (
    Scenario,
    check_text,
)
from ..xmltext import XML_ILLEGAL
from .alt_text import alt_text
from .context import _Ctx, _KeyDoesNotFit, _Meta
from .formats import _format_of, save, size_text, xml_safe
from .furniture import _draw_footer, _draw_header
from .geometry import _bands
from .layers import _draw_map
from .size import Size, _exact_inches, parse_size
from .words import _TEXT, THEMES, _check_choice, _default_title


def render_figure(
    result,
    geodata,
    *,
    size: str | Size | tuple[int, int] = "web",
    theme: str = "light",
    lang: str | None = None,
    title: str | None = None,
    subtitle: str | None = None,
    credit: str | None = None,
    dpi: float | None = None,
) -> Figure:
    """Draw a strike-range map of an evaluated scenario.

    Parameters
    ----------
    result : ranges.evaluate.Result
        From :func:`ranges.evaluate.evaluate`; its scenario supplies the title,
        notes, population threshold and language unless overridden here.
    geodata : ranges.geodata.GeoData
        The reference layers (countries, regions, cities, airfields, places).
    size : str, Size or (int, int), default "web"
        See :func:`parse_size`: ``web`` 1200×675, ``square`` 1080×1080,
        ``portrait`` 1080×1350, each with an ``@2x`` variant; ``print-a4``
        and other print sizes at 300 dpi; ``"WxH"`` pixels; ``"WxHmm"``.
    theme : {"light", "dark"}
    lang : {"en", "uk"}, optional
        Language of labels and map furniture; defaults to the scenario's.
        Ukrainian uses the ``name_uk`` of regions and places where the data
        have one, else the English name.
    title, subtitle : str, optional
        Default to the scenario's (a generated title when it has none);
        ``""`` leaves the line out.
    credit : str, optional
        Credit line; defaults to "Map: Strike Range" in the map's language.
    dpi : float, optional
        Overrides the resolution of ``size`` (see :func:`parse_size`).

    Returns
    -------
    matplotlib.figure.Figure
        On an Agg canvas, exactly ``size`` pixels at ``fig.dpi``.  Write it
        with :func:`save` (which embeds the scenario).

    Raises
    ------
    ranges.errors.InputError
        A size, theme or language that breaks a rule (the message names it),
        or a scenario date outside the occupied-territory data
        (:class:`ranges.territory.TerritoryDateError`).
    """
    size_ = parse_size(size, dpi=dpi)
    result = _xml_safe_result(result)
    theme_ = THEMES[_check_choice(theme, "theme", THEMES)]
    scenario: Scenario = result.scenario
    lang = scenario.lang if lang is None else lang
    _check_choice(lang, "lang", _TEXT)
    # the scenario's rule for a line of text: at most 200 characters, no
    # control characters (they would be drawn as missing glyphs)
    title, subtitle, credit = (
        None if value is None else check_text(value, name)
        for name, value in (("title", title), ("subtitle", subtitle), ("credit", credit))
    )
    title, subtitle, credit = (
        None if v is None else xml_safe(v) for v in (title, subtitle, credit)
    )
    title_text = _default_title(result, lang) if title is None else title
    subtitle_text = scenario.subtitle_in(lang) if subtitle is None else subtitle
    credit_text = _TEXT[lang]["credit"] if credit is None else credit

    sit = situation(result, geodata)
    bands = _bands(result)
    shown = None
    # The key goes inside the map, in the corner that hides least of the story;
    # when no corner is quiet enough it moves to the header.  A user's target
    # whose name finds no room gets a number, listed in the key: the layout is
    # drawn again with the list.  A callout that finds no room gets a compact
    # key, then a numbered ring with its text below the map (never dropped).
    key_in_map = True
    for _ in range(8):
        w_in = _exact_inches(size_.width_px, size_.dpi)
        h_in = _exact_inches(size_.height_px, size_.dpi)
        fig = Figure(figsize=(w_in, h_in), dpi=size_.dpi, facecolor=theme_["background"])
        FigureCanvasAgg(fig)
        ctx = _Ctx(fig, size_, theme_, lang, sit, bands)
        ctx.shown = shown or ctx.shown
        shown = ctx.shown
        header_bottom = _draw_header(ctx, result, title_text, subtitle_text, key=not key_in_map)
        footer_top = _draw_footer(ctx, result, geodata, credit_text)
        try:
            _draw_map(ctx, result, geodata, header_bottom, footer_top, key_in_map=key_in_map)
        except _KeyDoesNotFit:
            key_in_map = False
            continue
        if ctx.unnamed and not shown.get("numbered"):
            shown["numbered"] = tuple(ctx.unnamed)
            continue
        # A callout with no room for its box: first a compact key (when the key
        # stood in its way), then a numbered ring with its text below the map.
        if ctx.unplaced_notes and not shown.get("compact_key") and (
            not key_in_map or ctx.key_blocks_notes  # a header key: compact, the map grows
        ):
            shown["compact_key"] = True
            continue
        if ctx.unplaced_notes:
            done = shown.get("note_numbers", ())
            shown["note_numbers"] = (*done, *sorted(set(ctx.unplaced_notes) - set(done)))
            continue
        break
    for i in ctx.unnamed:  # left unnamed in the last layout (none when it was numbered)
        name = result.targets["name"].iloc[i]
        ctx.warnings.append(_TEXT[lang]["warn_unlabelled"].format(name=name))

    fig._strike_range = _Meta(  # read by save(); a plain attribute, not pyplot state
        # the date drawn, so that a map of "the newest data" reopens as the same map
        scenario=scenario if scenario.as_of else scenario.replace(as_of=sit.as_of),
        title=title_text,
        alt=alt_text(result, lang=lang),
        lang=lang,
        halo=theme_["halo"],
        centre=ctx.centre,
        halo_pt=2.4 * ctx.s,
        halo_texts=ctx.halo_texts,
        warnings=list(dict.fromkeys(ctx.warnings)),
        size=size_text(size_),
    )
    # A character XML forbids (U+FFFE in a name...) draws nothing and would make
    # the SVG unreadable: every text of the map goes without it.
    for text in fig.findobj(Text):
        clean = xml_safe(text.get_text())
        if clean != text.get_text():
            text.set_text(clean)
    return fig


def _xml_safe_result(result):
    """``result`` with no character XML forbids in its scenario's texts, site and
    target names (the same object when it has none, as nearly always)."""
    import dataclasses
    import json

    from ..scenario import Scenario

    text = json.dumps(result.scenario.to_dict(), ensure_ascii=False)
    names = result.targets["name"].astype(str).to_numpy() if len(result.targets) else []
    # one search over every text at once (a line feed is allowed, so joining
    # adds no match): thousands of names one by one took 10 ms
    if XML_ILLEGAL.search("\n".join((text, *names))) is None:
        return result

    def clean(obj):
        if isinstance(obj, str):
            return xml_safe(obj)
        if isinstance(obj, list):
            return [clean(v) for v in obj]
        if isinstance(obj, dict):
            return {k: clean(v) for k, v in obj.items()}
        return obj

    targets = result.targets.copy()
    for col in ("name", "name_uk"):
        if col in targets.columns:
            targets[col] = [xml_safe(v) if isinstance(v, str) else v for v in targets[col]]
    return dataclasses.replace(
        result,
        scenario=Scenario.from_dict(clean(result.scenario.to_dict())),
        sites=[(xml_safe(n), g) for n, g in result.sites],
        targets=targets,
    )


def figure_warnings(fig: Figure) -> list[str]:
    """What a map from :func:`render_figure` could not show as asked, one sentence each.

    A user's target outside the map, or one whose name and number found no room
    (its marker is drawn all the same).  Empty for a map that shows everything.
    The command line prints them on stderr; the dashboard shows them beside the
    preview.

    Examples
    --------
    ``["target T9 (60.0000, 30.0000) lies outside the map and is not drawn"]``
    """
    meta = getattr(fig, "_strike_range", None)
    return list(meta.warnings) if meta is not None else []


def render_to_file(
    result,
    geodata,
    target: str | os.PathLike | IO[bytes],
    fmt: str | None = None,
    **options: Any,
) -> Figure:
    """Render and write in one step; ``options`` go to :func:`render_figure`.

    Returns the figure (already written) so callers can reuse it.
    """
    fmt = _format_of(target, fmt)
    fig = render_figure(result, geodata, **options)
    save(fig, target, fmt)
    return fig
