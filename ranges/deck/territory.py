"""Russian-occupied Ukraine and the front line on the scenario's date."""

from __future__ import annotations

import pydeck as pdk
import shapely
from shapely.geometry import box

from .primitives import _features, _line_layer, _segments
from .style import THEATRE, THEMES, _rounded

__all__ = ["occupied_layers", "occupied_item"]


def occupied_layers(result, geodata, *, theme: str = "light",
                    clip: tuple[float, float, float, float] = THEATRE,
                    zoom: float = 5.0) -> list[pdk.Layer]:  # fmt: skip
    """Occupied Ukraine on the scenario's date (a tinted area) and the front line.

    Both are simplified to about a third of a screen pixel at ``zoom`` (Web
    Mercator) and clipped to ``clip`` (lon/lat), which keeps the page light:
    a few thousand vertices instead of the source's every bend.  Each carries
    a plain-text tooltip naming the source and the snapshot's date.
    """
    from ..exports import OCCUPIED_CAVEAT, situation

    sit = situation(result, geodata)
    snap = sit.occupied
    if snap is None:
        return []
    t = THEMES[theme]
    frame = box(*clip)
    tol_deg = 360.0 / (512.0 * 2.0**zoom) / 3  # a third of a pixel, in degrees of longitude
    dated = f"({snap.source}, as of {snap.snapshot_date.isoformat()})"
    tip = f"Occupied by Russia {dated}\n{OCCUPIED_CAVEAT}."
    area = shapely.simplify(shapely.intersection(sit.occupied_land, frame), tol_deg)
    # (a GeoJSON feature, as the HTML export's readers and tests take it)
    layers = [
        pdk.Layer(
            "GeoJsonLayer",
            data=_features([_rounded(area, 4)], [{"tooltip": tip}]),
            id="occupied",
            filled=True,
            stroked=False,
            get_fill_color=t["occupied"],
            pickable=True,
        )
    ]
    front = sit.front_line
    if front is not None and not front.is_empty:
        front = _rounded(shapely.simplify(shapely.intersection(front, frame), tol_deg), 4)
        front_tip = f"Front line {dated}\n{OCCUPIED_CAVEAT}."
        edges = [dict(e, tooltip=front_tip) for e in _segments(front, 4)]
        layers.append(_line_layer("front-line", edges, t["front"], 2.0, pickable=True))
    return layers


def occupied_item(result, theme: str = "light") -> tuple[str, str] | None:
    """(label, ``#RRGGBB``) of the occupied area for a legend beside the map, like
    :func:`legend_items`: ``("Occupied by Russia (DeepStateMap, as of 2024-11-17)",
    "#8E2B22")``; None when the date has no occupied area."""
    from ..exports import situation

    snap = situation(result).occupied
    if snap is None:
        return None
    name = snap.source.split(" via ", 1)[0]
    r, g, b, _ = THEMES[theme]["front"]
    return (f"Occupied by Russia ({name}, as of {snap.snapshot_date.isoformat()})",
            f"#{r:02X}{g:02X}{b:02X}")  # fmt: skip
