"""Colours, fonts and the map's frame shared by the deck's layers."""

from __future__ import annotations

import pydeck as pdk
import shapely

from ..geodata import THEATRE_BOX

__all__ = ["THEATRE", "THEMES", "hex_rgb"]


#: Map bounds of the shipped geodata (lon/lat).
THEATRE = THEATRE_BOX


THEMES = {
    "light": {
        "sea": [214, 226, 235],
        "land": [247, 245, 240],
        "country_line": [95, 92, 88],
        "region_line": [200, 196, 188],
        "country_label": [110, 105, 98, 200],
        "label": [70, 70, 70],
        "ukraine": [255, 252, 235],
        "text": [20, 20, 20],
        "halo": [255, 255, 255],
        "muted": [150, 150, 150],
        "occupied": [142, 43, 34, 38],
        "front": [142, 43, 34, 235],
    },
    "dark": {
        "sea": [24, 32, 42],
        "land": [46, 50, 56],
        "country_line": [175, 175, 175],
        "region_line": [80, 84, 90],
        "country_label": [190, 190, 190, 200],
        "label": [200, 200, 200],
        "ukraine": [58, 60, 52],
        "text": [240, 240, 240],
        "halo": [20, 20, 20],
        "muted": [120, 120, 120],
        "occupied": [224, 120, 106, 45],
        "front": [224, 120, 106, 235],
    },
}


_S = pdk.types.String  # a literal string prop (pydeck treats bare strings as expressions)


_FONT = "'DejaVu Sans', 'Noto Sans', Arial, sans-serif"


# Simplification of the base layers for the browser: ~1 km, below what the
# interactive map shows at the zoom levels a theatre map uses.
_SIMPLIFY_DEG = 0.02


def _rounded(geom, digits: int):
    """Coordinates rounded to ``digits`` decimals (5: ~1 m, 3: ~100 m)."""
    return shapely.set_precision(geom, 10.0**-digits, mode="pointwise")


def hex_rgb(color: str, alpha: int | None = None) -> list[int]:
    """``"#D55E00"`` -> ``[213, 94, 0]`` (with ``alpha`` appended if given)."""
    c = color.lstrip("#")
    rgb = [int(c[i : i + 2], 16) for i in (0, 2, 4)]
    return rgb + [alpha] if alpha is not None else rgb


def _label(row, lang: str, en: str = "name_en", uk: str = "name_uk") -> str:
    if lang == "uk":
        value = row.get(uk) if hasattr(row, "get") else None
        if isinstance(value, str) and value.strip():
            return value
    return str(row.get(en, "") or "")
