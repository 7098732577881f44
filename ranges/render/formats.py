"""Writing PNG, SVG and PDF with the scenario embedded, and reading it back."""

from __future__ import annotations

import io
import json
import os
import re
import warnings
from pathlib import Path
from typing import IO
from xml.sax.saxutils import escape as _xml_escape

import matplotlib
from matplotlib.figure import Figure

from ..errors import InputError
from ..scenario import (
    Scenario,
    ScenarioError,
    scenario_from_json,
)
from .context import _VECTOR_LOCK, _Meta
from .words import _check_choice

#: Output formats :func:`save` writes.
FORMATS = ("png", "svg", "pdf")


#: Key of the PNG text chunk / PDF info entry holding the scenario JSON; the
#: SVG holds it in ``<metadata><sr:scenario xmlns:sr=SVG_NAMESPACE>``.
SCENARIO_KEY = "strike-range:scenario"


_PDF_KEY = "StrikeRangeScenario"


SVG_NAMESPACE = "urn:strike-range:scenario:1"


def _format_of(target, fmt: str | None) -> str:
    if fmt is None:
        if isinstance(target, (str, os.PathLike)):
            suffix = Path(target).suffix.lower().lstrip(".")
            if suffix not in FORMATS:
                shown = f".{suffix}" if suffix else "(none)"
                raise InputError(
                    f"output file {os.fspath(target)!r}: suffix {shown} is not one of "
                    f"{', '.join('.' + f for f in FORMATS)}"
                )
            return suffix
        raise InputError("fmt is needed when writing to a file object: one of png, svg, pdf")
    fmt = str(fmt).lower().lstrip(".")
    return _check_choice(fmt, "format", FORMATS)


def _scenario_json(scenario: Scenario) -> str:
    # ASCII-only compact JSON: safe in PNG iTXt, XML text and PDF strings alike.
    return json.dumps(scenario.to_dict(), ensure_ascii=True, separators=(",", ":"), allow_nan=False)


def to_bytes(fig: Figure, fmt: str = "png", *, scenario: Scenario | None = None) -> bytes:
    """The figure as PNG, SVG or PDF bytes (see :func:`save`)."""
    buf = io.BytesIO()
    save(fig, buf, fmt, scenario=scenario)
    return buf.getvalue()


def save(
    fig: Figure,
    target: str | os.PathLike | IO[bytes],
    fmt: str | None = None,
    *,
    scenario: Scenario | None = None,
) -> None:
    """Write a map figure as PNG, SVG or PDF, with the scenario embedded.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        From :func:`render_figure` (other figures are written without a scenario
        unless one is given).
    target : path or binary file object
    fmt : {"png", "svg", "pdf"}, optional
        Taken from the file suffix when ``target`` is a path.
    scenario : Scenario, optional
        Embedded instead of the figure's own.

    Notes
    -----
    The scenario JSON goes in the PNG text chunk :data:`SCENARIO_KEY` (with the
    title and the alt text as ``Title`` and ``Description``), in an SVG
    ``<metadata>`` element in the :data:`SVG_NAMESPACE` namespace (with
    ``<title>`` and ``<desc>`` for screen readers; SVG text stays text), and in
    the PDF document information entry ``/StrikeRangeScenario``.  The PNG has
    exactly the figure's pixel size.

    Raises
    ------
    ranges.errors.InputError
        Unknown format or file suffix.
    OSError
        The file cannot be written.
    """
    fmt = _format_of(target, fmt)
    meta: _Meta | None = getattr(fig, "_strike_range", None)
    scenario = scenario if scenario is not None else (meta.scenario if meta else None)
    payload = _scenario_json(scenario) if scenario is not None else None
    title = meta.title if meta else ""
    alt = meta.alt if meta else ""
    face = fig.get_facecolor()
    if fmt == "png":
        from PIL.PngImagePlugin import PngInfo

        info = PngInfo()
        if title:
            info.add_itxt("Title", title)
        if alt:
            info.add_itxt("Description", alt)
        info.add_text("Software", "Strike Range (matplotlib)")
        if payload is not None:
            info.add_itxt(SCENARIO_KEY, payload, zip=True)
        fig.savefig(target, format="png", dpi=fig.dpi, facecolor=face, pil_kwargs={"pnginfo": info})
        return
    if fmt == "svg":
        data = _svg_bytes(fig, meta, title, alt, payload)
        _write(target, data)
        return
    md = {"Title": title or None, "Subject": alt or None, "Creator": "Strike Range"}
    if payload is not None:
        md[_PDF_KEY] = payload
    buf = io.BytesIO()
    with _VECTOR_LOCK, matplotlib.rc_context({"pdf.fonttype": 42}), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Unknown infodict keyword")
        fig.savefig(buf, format="pdf", dpi=fig.dpi, facecolor=face, metadata=md)
    _write(target, buf.getvalue())


def _write(target, data: bytes) -> None:
    if isinstance(target, (str, os.PathLike)):
        Path(target).write_bytes(data)
    else:
        target.write(data)


_SVG_OPEN_RE = re.compile(rb"<svg\b[^>]*>")


def _svg_bytes(fig, meta, title: str, alt: str, payload: str | None) -> bytes:
    buf = io.BytesIO()
    halo_texts = meta.halo_texts if meta else []
    saved = [(a, a.get_path_effects()) for a in halo_texts]
    # Path effects would turn text into outlines; SVG gets the halo from CSS
    # (paint-order) instead, so every label stays editable, searchable text.
    for a, _ in saved:
        a.set_path_effects([])
        a.set_gid(a.get_gid() and f"halo-{a.get_gid()}")
    try:
        with (
            _VECTOR_LOCK,
            matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "strike-range"}),
        ):
            fig.savefig(
                buf,
                format="svg",
                dpi=fig.dpi,
                facecolor=fig.get_facecolor(),
                metadata={
                    "Title": title or None,
                    "Description": alt or None,
                    "Date": None,
                    "Creator": "Strike Range",
                },
            )
    finally:
        for a, effects in saved:
            a.set_path_effects(effects)
            gid = a.get_gid() or ""
            a.set_gid(gid.removeprefix("halo-") or None)
    data = buf.getvalue()
    extra = []
    if title:
        extra.append(f"<title>{_xml_escape(title)}</title>")
    if alt:
        extra.append(f"<desc>{_xml_escape(alt)}</desc>")
    if halo_texts and meta is not None:
        width = meta.halo_pt  # the SVG's user unit is the point, like a path effect's width
        extra.append(
            '<style>g[id^="halo-"] text{paint-order:stroke;stroke:'
            f"{meta.halo};stroke-width:{width:.2f}px;stroke-linejoin:round}}</style>"
        )
    if payload is not None:
        extra.append(
            f'<metadata id="strike-range-scenario"><sr:scenario xmlns:sr="{SVG_NAMESPACE}" '
            f'schema="1">{_xml_escape(payload)}</sr:scenario></metadata>'
        )
    m = _SVG_OPEN_RE.search(data)
    if m is None:  # pragma: no cover - matplotlib always writes an <svg> root
        return data
    insert = ("\n " + "\n ".join(extra)).encode("utf-8")
    return data[: m.end()] + insert + data[m.end() :]


_MAX_READ_BYTES = 200_000_000


def read_embedded_scenario(source: str | os.PathLike | bytes | IO[bytes]) -> Scenario:
    """Read the scenario a Strike Range PNG, SVG or PDF carries.

    Parameters
    ----------
    source : path, bytes or binary file object

    Returns
    -------
    Scenario
        Equal to the scenario the map was drawn from.

    Raises
    ------
    ranges.scenario.ScenarioError
        The file is not a PNG, SVG or PDF, cannot be parsed, or holds no
        Strike Range scenario (the message names the file).
    OSError
        A path that cannot be read.
    """
    if isinstance(source, (str, os.PathLike)):
        name = os.fspath(source)
        data = Path(source).read_bytes()
    elif isinstance(source, (bytes, bytearray, memoryview)):
        name, data = "image", bytes(source)
    else:
        name, data = getattr(source, "name", "image"), source.read()
    if not isinstance(data, bytes):
        raise ScenarioError(f"{name}: expected bytes, got {type(data).__name__}")
    if len(data) > _MAX_READ_BYTES:
        raise ScenarioError(f"{name}: {len(data):,} bytes is larger than {_MAX_READ_BYTES:,}")
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        text = _png_scenario(data, name)
    elif data.startswith(b"%PDF"):
        text = _pdf_scenario(data, name)
    elif head.startswith((b"<?xml", b"<svg", b"<!DOCTYPE svg", b"<!--")):
        text = _svg_scenario(data, name)
    else:
        raise ScenarioError(f"{name}: not a PNG, SVG or PDF file")
    if text is None:
        raise ScenarioError(f"{name}: holds no Strike Range scenario (no {SCENARIO_KEY!r} entry)")
    return scenario_from_json(text, source=f"{name} (embedded scenario)")


def _png_scenario(data: bytes, name: str) -> str | None:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as im:
            text = im.info.get(SCENARIO_KEY)
            if text is None:
                text = getattr(im, "text", {}).get(SCENARIO_KEY)
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise ScenarioError(f"{name}: cannot read the PNG ({exc})") from None
    return None if text is None else str(text)


def _svg_scenario(data: bytes, name: str) -> str | None:
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root = fromstring(data)
    except (ParseError, DefusedXmlException, ValueError) as exc:
        raise ScenarioError(f"{name}: cannot parse the SVG ({exc})") from None
    node = root.find(f".//{{{SVG_NAMESPACE}}}scenario")
    return None if node is None else (node.text or "")


def _pdf_scenario(data: bytes, name: str) -> str | None:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:
        raise ScenarioError(
            f"{name}: reading a scenario from a PDF needs the 'pypdf' package "
            "(pip install pypdf); PNG and SVG need nothing extra"
        ) from None
    try:
        info = PdfReader(io.BytesIO(data)).metadata
    except (PdfReadError, OSError, ValueError) as exc:
        raise ScenarioError(f"{name}: cannot read the PDF ({exc})") from None
    if not info:
        return None
    value = info.get(f"/{_PDF_KEY}")
    return None if value is None else str(value)
