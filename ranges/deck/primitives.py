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


#: Round markers are a bullet glyph in a TextLayer, not ScatterplotLayer circles:
#: without a GPU every distinct shader program costs Chromium's software WebGL
#: most of a second to compile, and the labels need the TextLayer's anyway
#: (one program fewer: about 0.5-0.8 s of a page load, bench_dashboard.py).
MARKER = "\u2022"
#: A bullet's diameter in ems in Arial (Liberation Sans on Linux has Arial's
#: metrics; Helvetica's is alike); centred on its point by deck.gl as drawn
#: there, so a marker of radius r px is a bullet of font size 2 r / 0.29.
_BULLET_EM = 0.29
_MARKER_FONT = "Arial, 'Liberation Sans', Helvetica, sans-serif"


def _marker_size(radius_px: float) -> float:
    """The font size (px) of a bullet ``radius_px`` in radius."""
    return round(2.0 * radius_px / _BULLET_EM, 2)


def _marker_layer(layer_id: str, rows: list[dict], *, radius: float | None = None,
                  color="fill", pickable: bool = False, **props) -> pdk.Layer:  # fmt: skip
    """Round markers at ``rows``' ``position``: a bullet glyph of ``radius`` px
    (or each row's ``r``) in ``color`` (an RGBA list, or a row field's name).

    A ring (a stroked circle) is two of these, the larger below.  The rows get
    ``text`` (the glyph) and, without ``radius``, ``size`` from their ``r``."""
    # a marker nobody can pick needs no name or tooltip in the page
    keep = (lambda r: r) if pickable else (lambda r: {"position": r["position"]})
    data = [dict(keep(r), text=MARKER) if radius is not None else
            dict(keep(r), text=MARKER, size=_marker_size(r["r"])) for r in rows]  # fmt: skip
    props.setdefault("get_size", _marker_size(radius) if radius is not None else "size")
    return pdk.Layer("TextLayer", data=data, id=layer_id, get_position="position",
                     get_text="text", get_color=color, font_family=_S(_MARKER_FONT),
                     character_set=_S(MARKER), pickable=pickable, **props)  # fmt: skip


#: The TextLayer accessors every text layer reads from its rows (field, deck.gl's default).
_ROW_ACCESSORS = {"get_size": ("size", 32), "get_color": ("color", [0, 0, 0, 255]),
                  "get_pixel_offset": ("offset", [0, 0])}  # fmt: skip


def _per_row(layer: pdk.Layer) -> None:
    """Make a TextLayer read its size, colour and pixel offset from its rows.

    Why: without a GPU, Chromium's WebGL (SwiftShader) compiles a drawing
    routine for each layout of vertex attributes it meets, and a constant
    accessor (``get_size=12``) gives another layout than a per-row one
    (``get_size="size"``).  The flagship's text layers mixed the two: the
    same labels with one layout cost the GPU process about 2 s less in a
    page load (Chromium trace, ``bench_dashboard.py`` notes)."""
    if not isinstance(layer.data, list):
        return
    for prop, (field, default) in _ROW_ACCESSORS.items():
        value = getattr(layer, prop, default)
        if isinstance(value, str):  # already a row field ("@@=size")
            continue
        layer.data = [dict(row, **{field: value}) for row in layer.data]
        setattr(layer, prop, "@@=" + field)  # as pydeck writes a field given to a Layer


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
