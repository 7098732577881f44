"""Static strike-range maps for newsrooms: PNG, SVG and PDF.

:func:`render_figure` draws a :class:`ranges.evaluate.Result` on a
:class:`matplotlib.figure.Figure`: sea, land, region and country borders, the
reach area of each weapon (with its range and any minimum-range hole, and a
dashed ring where the catalog reports a longer range), the Russian-occupied
territory and the front line on the scenario's date, the regions where strikes
are allowed (the key names the decision behind them), launch sites and areas,
the targets that matter (cities above the scenario's population threshold,
the places in the news, airfields in range), the scenario's callout notes, a
title block, a key, a scale bar, the date the map describes ("Situation as of
17 Nov 2024"), the sources with their own dates, the credit and the caveat.
:func:`save` writes PNG, SVG or PDF with the scenario embedded, and
:func:`read_embedded_scenario` reads it back, so an exported map can be
reopened and redrawn.  :func:`alt_text` describes the map for screen readers.

The map is an azimuthal equidistant projection centred on the scene (never
Web Mercator): distances from the centre are true, and the scale bar is exact
there.  Coordinates going in are WGS84 with x = longitude, y = latitude.

Everything uses matplotlib's object-oriented API on the Agg canvas; nothing
touches pyplot's global state, so figures can be drawn in several threads at
once (vector exports take a lock for the few rcParams they need).

The package's modules, lowest first: ``size`` (sizes), ``words`` (themes and
wording), ``geometry`` (projection, view, paths), ``placer`` (the collision
index), ``context`` (the drawing context), ``labels``, ``notes``, ``targets``,
``furniture`` (title, key, footer, scale bar), ``layers`` (the map panel),
``alt_text``, ``formats`` (files), ``figure`` (:func:`render_figure`).
"""

from __future__ import annotations

from .. import mpl  # noqa: F401  (first: matplotlib without its set() help text)

# Private names re-exported for the tests that check them (noqa: F401 below).
from .alt_text import _count_text, _headline_words, _pop_text, alt_text  # noqa: F401
from .context import _Ctx  # noqa: F401
from .figure import figure_warnings, render_figure, render_to_file
from .formats import (
    FORMATS,
    SCENARIO_KEY,
    SVG_NAMESPACE,
    read_embedded_scenario,
    read_embedded_size,
    save,
    to_bytes,
)
from .furniture import _wrap_key_label  # noqa: F401
from .geometry import _aeqd  # noqa: F401
from .size import PRINT_PRESETS_MM, SIZE_PRESETS, Size, parse_size
from .words import (
    _TEXT,  # noqa: F401
    CAVEAT,
    THEMES,
    _from_area,  # noqa: F401
    _site_label,  # noqa: F401
    as_of_text,
    format_date,
    sources_text,
)

__all__ = [
    "SIZE_PRESETS",
    "PRINT_PRESETS_MM",
    "THEMES",
    "FORMATS",
    "SCENARIO_KEY",
    "SVG_NAMESPACE",
    "CAVEAT",
    "Size",
    "parse_size",
    "render_figure",
    "figure_warnings",
    "save",
    "to_bytes",
    "render_to_file",
    "read_embedded_scenario",
    "read_embedded_size",
    "alt_text",
    "as_of_text",
    "format_date",
    "sources_text",
]
