"""Interactive map of a scenario as a pydeck ``Deck``.

The base map is drawn from the project's own geodata (sea, land, countries,
region borders, region labels), so the map is complete with no tile server
and no key; a Carto basemap can be put underneath when online.  Over it go
Russian-occupied Ukraine and the front line on the scenario's date
(:func:`occupied_layers`), simplified to the screen.  Tooltips are
plain text (deck.gl sets them as text, never as HTML), and labels use the
``auto`` character set so that Cyrillic renders.

Modules, by concern:

==================  ==========================================================
``style``           colours (``THEMES``), fonts, the theatre's frame
``primitives``      fills, edge lines, text layers; data made safe for deck.gl
``compact``         ``CompactDeck``: compact, remembered JSON
``base``            the offline base map (sea, land, borders, labels)
``territory``       occupied Ukraine and the front line
``view``            the opening view and screen-pixel estimates
``targets``         target points by relevance; label decluttering
``notes``           the scenario's notes: callouts or numbered markers
``build``           :func:`build_deck` and the legend
==================  ==========================================================
"""

from __future__ import annotations

from .base import base_layers
from .build import build_deck, legend_items
from .compact import CompactDeck
from .notes import _place_notes as _place_notes  # for tests/test_dashboard.py
from .notes import deck_notes
from .primitives import _defused as _defused  # for ranges/exports.py
from .style import THEATRE, THEMES, hex_rgb
from .territory import occupied_item, occupied_layers
from .view import View, view_for
from .view import _screen_px as _screen_px  # for tests/test_dashboard.py

__all__ = [
    "THEMES",
    "CompactDeck",
    "build_deck",
    "deck_notes",
    "base_layers",
    "occupied_layers",
    "view_for",
    "legend_items",
    "occupied_item",
    "hex_rgb",
    "THEATRE",
    "View",
]
