"""Layer builders the deck's modules share: fills, edge lines, text, and data
made safe for deck.gl."""

from __future__ import annotations

import numpy as np
import pydeck as pdk
import shapely
from shapely.geometry import mapping

from .style import _FONT, _S


def _lists(obj):
    if isinstance(obj, dict):
        return {k: _lists(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_lists(v) for v in obj]
    return obj


def _features(geoms, props: list[dict]) -> dict:
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": _lists(mapping(g)), "properties": p}
            for g, p in zip(geoms, props, strict=True)
            if g is not None and not g.is_empty
        ],
    }


def _polygons(geoms, props: list[dict]) -> list[dict]:
    """Rows ``{"polygon": [outer ring, holes...], **props}`` for a
    SolidPolygonLayer, one per polygon part of each geometry.

    Why not GeoJsonLayer: without a GPU its sublayers cost about 0.6 s more to
    draw than the same polygons in one SolidPolygonLayer (Chromium trace of
    the flagship map, ``bench_dashboard.py``'s notes)."""
    rows = []
    for g, p in zip(geoms, props, strict=True):
        if g is None or g.is_empty:
            continue
        for part in shapely.get_parts(g):
            if part.geom_type != "Polygon":
                continue
            rings = [part.exterior, *part.interiors]
            rows.append({"polygon": [np.asarray(x.coords)[:, :2].tolist() for x in rings], **p})
    return rows


def _fill_layer(layer_id: str, rows: list[dict], fill, *, pickable: bool = False,
                **props) -> pdk.Layer:  # fmt: skip
    return pdk.Layer("SolidPolygonLayer", data=rows, id=layer_id, get_polygon="polygon",
                     get_fill_color=fill, pickable=pickable, **props)  # fmt: skip


def _segments(geom, digits: int = 3) -> list[dict]:
    """The edges of ``geom``'s lines and polygon rings as ``{"s": [x, y], "t": [x, y]}``
    rows for a LineLayer, coordinates rounded to ``digits`` decimals.

    Why not PathLayer (or a GeoJsonLayer's stroke, which is one): without a GPU,
    Chromium runs WebGL in software, where PathLayer's joint-computing vertex
    shader costs about 0.6 s to compile and 0.15 ms per vertex; LineLayer's is a
    fraction of both (measured in ``benchmarks/bench_dashboard.py``'s trace
    notes).  Lines of 0.5-2.5 px need no joints."""
    if geom is None or geom.is_empty:
        return []
    lines = shapely.get_parts(shapely.boundary(geom)) if geom.geom_type.endswith("Polygon") \
        else shapely.get_parts(geom)  # fmt: skip
    out = []
    for line in shapely.get_parts(lines):
        xy = np.round(shapely.get_coordinates(line), digits)
        if len(xy) < 2:
            continue
        keep = np.r_[True, np.any(xy[1:] != xy[:-1], axis=1)]  # no zero-length edges
        xy = xy[keep].tolist()
        out.extend({"s": a, "t": b} for a, b in zip(xy, xy[1:]))  # noqa: B905
    return out


def _line_layer(layer_id: str, segments: list[dict], color: list[int], width_px: float,
                **props) -> pdk.Layer:  # fmt: skip
    return pdk.Layer("LineLayer", data=segments, id=layer_id, get_source_position="s",
                     get_target_position="t", get_color=color, get_width=width_px,
                     width_units=_S("pixels"), pickable=props.pop("pickable", False),
                     **props)  # fmt: skip


def _text_layer(layer_id: str, data, *, halo: list[int] | None = None, **props) -> pdk.Layer:
    """A TextLayer of rows with ``text`` and ``position`` in the map's font.

    With ``halo`` (an RGB colour) the labels are bold with an outline of it
    (deck.gl's SDF font), for the few big labels; the many small ones go
    without, since the SDF thins strokes away at 11-13 px ("Chern hiv")."""
    # ``halo`` is accepted and ignored: an SDF font with an outline builds a
    # second font atlas, which costs about as much as all other labels without a GPU.
    del halo
    props.setdefault("pickable", False)
    return pdk.Layer("TextLayer", data=data, id=layer_id, get_position="position",
                     get_text="text", font_family=_S(_FONT), **props)  # fmt: skip


def _rows(data) -> list:
    return data if isinstance(data, list) else []


def _charset(rows) -> str:
    """The characters a text layer shows (Cyrillic and diacritics included).

    An explicit set builds deck.gl's font atlas once, with only these glyphs;
    ``"auto"`` regrows it while rendering, which costs seconds on a machine
    without a GPU."""
    chars = set(" 0123456789")
    for row in rows if isinstance(rows, list) else ():
        chars.update(str(row.get("text", "")))
    chars.discard("\n")
    return "".join(sorted(chars))


def _defused(obj):
    """Data with strings that deck.gl's JSON converter would evaluate
    (``@@=`` expressions, ``@@#`` constants) prefixed with a zero-width space,
    so that a place named ``@@=x()`` is shown as text, not run or rejected."""
    if isinstance(obj, str):
        return "\u200b" + obj if obj.startswith("@@") else obj
    if isinstance(obj, dict):
        return {k: _defused(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_defused(v) for v in obj]
    return obj
