"""Writing PNG, SVG and PDF with the scenario embedded, and reading it back."""

from __future__ import annotations

import contextlib
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
from ..xmltext import xml_safe
from .context import _VECTOR_LOCK, _Meta
from .size import PRINT_DPI, PRINT_PRESETS_MM, SIZE_PRESETS, Size, parse_size
from .words import _check_choice

#: Output formats :func:`save` writes.
FORMATS = ("png", "svg", "pdf")


#: Key of the PNG text chunk / PDF info entry holding the scenario JSON; the
#: SVG holds it in ``<metadata><sr:scenario xmlns:sr=SVG_NAMESPACE>``.
SCENARIO_KEY = "strike-range:scenario"


_PDF_KEY = "StrikeRangeScenario"


SVG_NAMESPACE = "urn:strike-range:scenario:1"

#: Key of the PNG text chunk (and the SVG attribute, PDF info entry) holding the
#: map's size as ``WxH@DPI``, so that a map redrawn from its image keeps its size.
SIZE_KEY = "strike-range:size"
_PDF_SIZE_KEY = "StrikeRangeSize"

#: zlib level of the PNG, not Pillow's default 6: the same pixels, encoded in
#: about two thirds of the time.  Measured on two presets (6 Dec 2026): a web
#: PNG in 29-41 ms instead of 47-74 ms and 3-9 % smaller, web@2x 90-105 ms
#: instead of 137-154 ms and 2-3 % smaller, print-a4 3-5 % larger.
PNG_COMPRESS_LEVEL = 3

#: Characters XML 1.0 forbids (C0 controls but tab, CR, LF; surrogates; U+FFFE,
#: U+FFFF).  One of them in a name would make the SVG unreadable to every XML
#: parser, so they are dropped from the map's text (they draw nothing anyway).

#: The SVG's font stack: DejaVu Sans (matplotlib's, covering Cyrillic) first,
#: then fonts most machines have, then the generic family, never a serif default.
SVG_FONT_STACK = "'DejaVu Sans', 'Noto Sans', Arial, sans-serif"




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
    title = xml_safe(meta.title) if meta else ""
    alt = xml_safe(meta.alt) if meta else ""
    size = meta.size if meta else ""
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
        if size:
            info.add_text(SIZE_KEY, size)
        options = {"pnginfo": info, "compress_level": PNG_COMPRESS_LEVEL}
        fig.savefig(target, format="png", dpi=fig.dpi, facecolor=face, pil_kwargs=options)
        return
    if fmt == "svg":
        data = _svg_bytes(fig, meta, title, alt, payload)
        _write(target, data)
        return
    md = {"Title": title or None, "Subject": alt or None, "Creator": "Strike Range"}
    if payload is not None:
        md[_PDF_KEY] = payload
    if size:
        md[_PDF_SIZE_KEY] = size
    buf = io.BytesIO()
    with (
        _VECTOR_LOCK,
        matplotlib.rc_context({"pdf.fonttype": 42}),
        warnings.catch_warnings(),
        _text_over_halos(meta),
    ):
        warnings.filterwarnings("ignore", message="Unknown infodict keyword")
        fig.savefig(buf, format="pdf", dpi=fig.dpi, facecolor=face, metadata=md)
    _write(target, buf.getvalue())


@contextlib.contextmanager
def _text_over_halos(meta):
    """Each haloed label as an outline halo under a twin of real text, for the PDF.

    A matplotlib path effect turns its text into outlines: the halo may be an
    outline (it is drawn in the background colour, glyphs filled alike), but
    the label itself must stay text that a desk can search and edit (Type 42).
    """
    from matplotlib import patheffects
    from matplotlib.text import Text

    if meta is None or not meta.halo_texts:
        yield
        return
    saved = []
    try:
        for a in meta.halo_texts:
            parent = a.axes if a.axes is not None else a.figure
            if parent is None:
                continue
            twin = Text(*a.get_position(), a.get_text())
            twin.update_from(a)
            twin.set_transform(a.get_transform())
            twin.set_clip_on(False)
            twin.set_path_effects([])
            twin.set_zorder(a.get_zorder() + 1e-3)
            twin.set_gid(a.get_gid())
            parent.add_artist(twin)
            saved.append((a, a.get_path_effects(), a.get_color(), twin))
            width = _halo_width(a, meta.halo_pt)
            a.set_path_effects([patheffects.Stroke(linewidth=width, foreground=meta.halo)])
            a.set_color(meta.halo)
        yield
    finally:
        for a, effects, color, twin in saved:
            twin.remove()
            a.set_path_effects(effects)
            a.set_color(color)


def _write(target, data: bytes) -> None:
    if isinstance(target, (str, os.PathLike)):
        Path(target).write_bytes(data)
    else:
        target.write(data)


_SVG_OPEN_RE = re.compile(rb"<svg\b[^>]*>")


def _halo_width(artist, default: float) -> float:
    from matplotlib import patheffects

    return next((e._gc.get("linewidth", default) for e in artist.get_path_effects()
                 if isinstance(e, patheffects.Stroke)), default)  # fmt: skip


_SVG_HALO_RE = re.compile(r'(<g id="(halo-[^"]*)">\s*<text )')


def _svg_bytes(fig, meta, title: str, alt: str, payload: str | None) -> bytes:
    buf = io.BytesIO()
    halo_texts = meta.halo_texts if meta else []
    saved = [(a, a.get_path_effects(), a.get_gid()) for a in halo_texts]
    widths: dict[str, float] = {}
    # Path effects would turn text into outlines; the SVG gets its halo from
    # presentation attributes on each <text> instead (stroke under the fill via
    # paint-order, which Inkscape keeps and CSS selectors would not give it), so
    # every label stays editable, searchable text.
    for k, (a, _, gid) in enumerate(saved):
        halo_id = f"halo-{gid or f'label-{k}'}"
        widths[halo_id] = _halo_width(a, meta.halo_pt)
        a.set_path_effects([])
        a.set_gid(halo_id)
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
        for a, effects, gid in saved:
            a.set_path_effects(effects)
            a.set_gid(gid)
    text = xml_safe(buf.getvalue().decode("utf-8"))
    text = text.replace("font-family: 'DejaVu Sans'", f"font-family: {SVG_FONT_STACK}")

    def halo(m: re.Match) -> str:
        # the SVG's user unit is the point, like a path effect's line width
        width = widths.get(m.group(2), meta.halo_pt)
        return (f'{m.group(1)}stroke="{meta.halo}" stroke-width="{width:.2f}" '
                'stroke-linejoin="round" paint-order="stroke" ')  # fmt: skip

    if halo_texts:
        text = _SVG_HALO_RE.sub(halo, text)
    data = text.encode("utf-8")
    extra = []
    if title:
        extra.append(f"<title>{_xml_escape(title)}</title>")
    if alt:
        extra.append(f"<desc>{_xml_escape(alt)}</desc>")
    if payload is not None:
        size = f' size="{meta.size}"' if meta is not None and meta.size else ""
        extra.append(
            f'<metadata id="strike-range-scenario"><sr:scenario xmlns:sr="{SVG_NAMESPACE}" '
            f'schema="1"{size}>{_xml_escape(payload)}</sr:scenario></metadata>'
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
    name, data = _read_source(source)
    text = _embedded(data, name, "scenario")
    if text is None:
        raise ScenarioError(f"{name}: holds no Strike Range scenario (no {SCENARIO_KEY!r} entry)")
    return scenario_from_json(text, source=f"{name} (embedded scenario)")


def read_embedded_size(source: str | os.PathLike | bytes | IO[bytes]) -> Size | None:
    """The size a Strike Range PNG, SVG or PDF was drawn at (None for a map
    written before sizes were embedded), so that a redrawn map keeps it.

    Raises
    ------
    ranges.scenario.ScenarioError
        As :func:`read_embedded_scenario`, for a file that is not a map.
    """
    name, data = _read_source(source)
    text = _embedded(data, name, "size")
    if not text:
        return None
    try:
        if "@" in text:
            px, dpi = text.split("@", 1)
            return parse_size(px, dpi=float(dpi))
        return parse_size(text)
    except (InputError, ValueError) as exc:
        raise ScenarioError(f"{name}: its embedded size {text!r} is not valid ({exc})") from None


def size_text(size: Size) -> str:
    """How a map's size is embedded: a preset's name at its own resolution
    (``"web"``, ``"print-a4"``), else ``"WxH@DPI"`` (``"1000x700@150"``)."""
    if size.name in SIZE_PRESETS and SIZE_PRESETS[size.name][2] == size.dpi:
        return size.name
    if size.name in PRINT_PRESETS_MM and size.dpi == PRINT_DPI:
        return size.name
    return f"{size.width_px}x{size.height_px}@{size.dpi:g}"


def _read_source(source) -> tuple[str, bytes]:
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
    return name, data


def _embedded(data: bytes, name: str, what: str) -> str | None:
    """The embedded scenario JSON (``what="scenario"``) or size of a map file."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return _png_scenario(data, name, SCENARIO_KEY if what == "scenario" else SIZE_KEY)
    if data.startswith(b"%PDF"):
        return _pdf_scenario(data, name, _PDF_KEY if what == "scenario" else _PDF_SIZE_KEY)
    if head.startswith((b"<?xml", b"<svg", b"<!DOCTYPE svg", b"<!--")):
        return _svg_scenario(data, name, what)
    raise ScenarioError(f"{name}: not a PNG, SVG or PDF file")


def _png_scenario(data: bytes, name: str, key: str = SCENARIO_KEY) -> str | None:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as im:
            text = im.info.get(key)
            if text is None:
                text = getattr(im, "text", {}).get(key)
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise ScenarioError(f"{name}: cannot read the PNG ({exc})") from None
    return None if text is None else str(text)


def _svg_scenario(data: bytes, name: str, what: str = "scenario") -> str | None:
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root = fromstring(data)
    except (ParseError, DefusedXmlException, ValueError) as exc:
        raise ScenarioError(f"{name}: cannot parse the SVG ({exc})") from None
    node = root.find(f".//{{{SVG_NAMESPACE}}}scenario")
    if node is None:
        return None
    return (node.text or "") if what == "scenario" else node.get("size")


def _pdf_scenario(data: bytes, name: str, key: str = _PDF_KEY) -> str | None:
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
    value = info.get(f"/{key}")
    return None if value is None else str(value)
