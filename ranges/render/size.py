"""Sizes of a map: screen and print presets, ``WxH`` pixels and ``WxHmm``, checked
against limits."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from ..errors import InputError

#: Screen presets: name -> (width px, height px, dpi).  The ``@2x`` variants
#: have the same layout at twice the resolution.
SIZE_PRESETS: dict[str, tuple[int, int, float]] = {
    "web": (1200, 675, 150.0),
    "web@2x": (2400, 1350, 300.0),
    "square": (1080, 1080, 150.0),
    "square@2x": (2160, 2160, 300.0),
    "portrait": (1080, 1350, 150.0),
    "portrait@2x": (2160, 2700, 300.0),
}


#: Print presets: name -> (width mm, height mm), rendered at :data:`PRINT_DPI`.
PRINT_PRESETS_MM: dict[str, tuple[float, float]] = {
    "print-a4": (297.0, 210.0),
    "print-a4-portrait": (210.0, 297.0),
    "print-a3": (420.0, 297.0),
    "print-a3-portrait": (297.0, 420.0),
}


PRINT_DPI = 300.0


#: Resolution of custom ``WxH`` pixel sizes up to 1600 px on the long side;
#: larger images get proportionally more dots per inch, so the layout stays
#: that of a 10-inch page.
SCREEN_DPI = 150.0


MIN_SIDE_PX = 320


MAX_SIDE_PX = 10_000


MAX_PIXELS = 50_000_000


MAX_ASPECT = 3.0


MIN_DPI, MAX_DPI = 50.0, 1200.0


_SIZE_RE = re.compile(
    r"^\s*(\d+(?:\.\d+)?)\s*[x×*]\s*(\d+(?:\.\d+)?)\s*(px|mm)?\s*$", re.IGNORECASE
)


@dataclass(frozen=True)
class Size:
    """An output size: exact pixels and the resolution that sets the layout.

    Attributes
    ----------
    width_px, height_px : int
        Size of PNG output in pixels (exact).
    dpi : float
        Dots per inch; ``width_px / dpi`` is the page width in inches for
        PDF and SVG, and text sizes are in points of that page.
    name : str
        The preset or the text it was parsed from.
    """

    width_px: int
    height_px: int
    dpi: float
    name: str = ""

    @property
    def width_in(self) -> float:
        return self.width_px / self.dpi

    @property
    def height_in(self) -> float:
        return self.height_px / self.dpi


def _check_dpi(dpi: Any, where: str) -> float:
    if isinstance(dpi, bool) or not isinstance(dpi, (int, float)) or not math.isfinite(dpi):
        raise InputError(f"{where} {dpi!r} is not a number of dots per inch")
    if not MIN_DPI <= dpi <= MAX_DPI:
        raise InputError(f"{where} {dpi:g} is outside {MIN_DPI:g}..{MAX_DPI:g} dots per inch")
    return float(dpi)


def _check_pixels(w: int, h: int, shown: str) -> None:
    for side, v in (("width", w), ("height", h)):
        if v < MIN_SIDE_PX:
            raise InputError(
                f"size {shown!r}: {side} {v} px is below the minimum of {MIN_SIDE_PX} px"
            )
        if v > MAX_SIDE_PX:
            raise InputError(
                f"size {shown!r}: {side} {v} px is above the maximum of {MAX_SIDE_PX} px"
            )
    if w * h > MAX_PIXELS:
        raise InputError(f"size {shown!r}: {w * h:,} pixels is above the maximum of {MAX_PIXELS:,}")
    if max(w / h, h / w) > MAX_ASPECT:
        raise InputError(
            f"size {shown!r}: aspect ratio {max(w, h) / min(w, h):.2f}:1 is more elongated "
            f"than {MAX_ASPECT:g}:1"
        )


def parse_size(size: str | Size | tuple[int, int], *, dpi: float | None = None) -> Size:
    """Read an output size.

    Parameters
    ----------
    size : str, Size or (int, int)
        A preset from :data:`SIZE_PRESETS` (``"web"``, ``"square@2x"``...) or
        :data:`PRINT_PRESETS_MM` (``"print-a4"``...); ``"WxH"`` pixels
        (``"1600x900"``); ``"WxHmm"`` millimetres at 300 dpi (``"180x120mm"``);
        or a ``(width_px, height_px)`` pair.
    dpi : float, optional
        Overrides the resolution: for pixel sizes it changes the layout (more
        dpi, larger text); for millimetre sizes it changes the pixel count.

    Returns
    -------
    Size

    Raises
    ------
    ranges.errors.InputError
        Unknown preset, unreadable text, or a size outside the limits: each
        side {MIN_SIDE_PX}..{MAX_SIDE_PX} px, at most {MAX_PIXELS} pixels,
        aspect ratio at most 3:1, dpi 50..1200.  The message names the value
        and the rule.

    Examples
    --------
    >>> parse_size("web")
    Size(width_px=1200, height_px=675, dpi=150.0, name='web')
    >>> s = parse_size("print-a4"); (s.width_px, s.height_px, s.dpi)
    (3508, 2480, 300.0)
    >>> parse_size("1600x900").dpi
    150.0
    """
    if dpi is not None:
        dpi = _check_dpi(dpi, "dpi")
    if isinstance(size, Size):
        _check_pixels(
            size.width_px, size.height_px, size.name or f"{size.width_px}x{size.height_px}"
        )
        return size if dpi is None else Size(size.width_px, size.height_px, dpi, size.name)
    if isinstance(size, tuple):
        if len(size) != 2 or not all(isinstance(v, int) and not isinstance(v, bool) for v in size):
            raise InputError(f"size {size!r} is not a (width_px, height_px) pair of whole numbers")
        w, h = size
        shown = f"{w}x{h}"
        _check_pixels(w, h, shown)
        return Size(w, h, dpi or _screen_dpi(w, h), shown)
    if not isinstance(size, str):
        raise InputError(f"size {size!r} is not text such as 'web' or '1200x675'")
    key = size.strip().lower()
    if key in SIZE_PRESETS:
        w, h, preset_dpi = SIZE_PRESETS[key]
        return Size(w, h, dpi or preset_dpi, key)
    if key in PRINT_PRESETS_MM:
        wmm, hmm = PRINT_PRESETS_MM[key]
        return _mm_size(wmm, hmm, dpi or PRINT_DPI, size, key)
    m = _SIZE_RE.match(key)
    if not m:
        presets = ", ".join([*SIZE_PRESETS, *PRINT_PRESETS_MM])
        raise InputError(
            f"size {size!r} is not a preset ({presets}), WxH pixels (e.g. 1200x675) "
            "or WxHmm (e.g. 180x120mm)"
        )
    a, b, unit = m.group(1), m.group(2), (m.group(3) or "px").lower()
    if unit == "mm":
        return _mm_size(float(a), float(b), dpi or PRINT_DPI, size, size.strip())
    if "." in a or "." in b:
        raise InputError(f"size {size!r}: pixel sizes are whole numbers (e.g. 1200x675)")
    w, h = int(a), int(b)
    _check_pixels(w, h, size.strip())
    return Size(w, h, dpi or _screen_dpi(w, h), size.strip())


def _screen_dpi(w: int, h: int) -> float:
    return SCREEN_DPI * max(1.0, max(w, h) / 1600.0)


def _mm_size(wmm: float, hmm: float, dpi: float, shown: str, name: str) -> Size:
    for side, v in (("width", wmm), ("height", hmm)):
        if not math.isfinite(v) or v <= 0:
            raise InputError(f"size {shown!r}: {side} {v:g} mm is not a positive length")
    w, h = round(wmm / 25.4 * dpi), round(hmm / 25.4 * dpi)
    try:
        _check_pixels(w, h, shown)
    except InputError as exc:
        raise InputError(f"{exc} (at {dpi:g} dpi)") from None
    return Size(w, h, dpi, name)


def _exact_inches(px: int, dpi: float) -> float:
    # Agg truncates width * dpi to an int; nudge up so the product is >= px.
    inches = px / dpi
    while int(inches * dpi) < px:
        inches = math.nextafter(inches, math.inf)
    return inches
