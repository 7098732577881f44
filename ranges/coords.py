"""Read and write the coordinates people type: "lat, lon" text to ``(lon, lat)``.

Reporters paste coordinates from web maps, wire copy and OSINT posts, in
decimal degrees ("50.9077, 34.7981"), with hemisphere letters
("50.9077N 34.7981E", "N50.9077 E34.7981") or in degrees, minutes and seconds
("50°54′28″N 34°47′53″E").  :func:`parse_latlon` turns any of these into the
``(lon, lat)`` pair used everywhere inside the package (x = longitude,
y = latitude, as in shapely and GeoJSON) and rejects everything else with a
:class:`~ranges.errors.CoordinateError` that quotes the text, names the rule
and says where the text came from.

Why not a PyPI parser: ``lat-lon-parser`` reads one value at a time and is
lenient (it accepts minutes >= 60 and letters with a minus sign), ``geopy``'s
``Point`` wraps out-of-range longitudes instead of rejecting them, and neither
honours "34.7981E 50.9077N" or gives messages naming the rule broken.  A small
tokenizer below is easier to make strict and to test exhaustively.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ranges.errors import CoordinateError, InputError

__all__ = ["parse_latlon", "looks_like_coordinates", "format_latlon"]

# Longer texts are not coordinates; the limit also keeps error messages short.
_MAX_LENGTH = 200

# Marks that web pages, word processors and keyboards use for the same thing.
_MINUS = str.maketrans({"\u2212": "-", "\ufe63": "-", "\uff0d": "-", "\uff0b": "+"})
_DEGREE_MARKS = "°º˚"
_MINUTE_MARKS = "'′’‘ʹ´‛"
_SECOND_MARKS = '"″”“ʺ‟'
_UNIT_NAMES = ("degrees", "minutes", "seconds")

_TOKEN = re.compile(
    rf"""
      (?P<space>\s+)
    | (?P<num>[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))
    | (?P<deg>[{_DEGREE_MARKS}])
    | (?P<sec>[{_SECOND_MARKS}]|[{_MINUTE_MARKS}]{{2}})
    | (?P<min>[{_MINUTE_MARKS}])
    | (?P<sep>[,;])
    | (?P<word>[^\W\d_]+)
    """,
    re.VERBOSE,
)

_HEMISPHERES = {"N": ("lat", 1.0), "S": ("lat", -1.0), "E": ("lon", 1.0), "W": ("lon", -1.0)}
_EXAMPLE = "expected 'lat, lon' such as '50.9077, 34.7981'"

_EXPONENT = re.compile(r"[0-9.][eE][+-][0-9]")

# A coordinate starts with an optional hemisphere letter, then a number.
_LOOKS_LIKE = re.compile(r"^\s*[NSEWnsew]?\s*[+\-\u2212]?(?:[0-9]|\.[0-9])")


@dataclass
class _Num:
    text: str
    unit: int | None = None  # 0 degrees, 1 minutes, 2 seconds

    @property
    def negative(self) -> bool:
        return self.text.startswith("-")

    @property
    def signed(self) -> bool:
        return self.text[0] in "+-"

    @property
    def has_decimals(self) -> bool:
        return "." in self.text

    def shown(self) -> str:
        marks = ("°", "′", "″")
        return self.text + (marks[self.unit] if self.unit is not None else "")


@dataclass
class _Item:
    kind: str  # "num", "hemi" or "sep"
    num: _Num | None = None
    letter: str = ""


@dataclass
class _Segment:
    nums: list[_Num]
    lead: str = ""
    trail: str = ""

    @property
    def letter(self) -> str:
        return self.lead or self.trail


def _fmt(value: float) -> str:
    return format(value, ".10g")


class _Parser:
    """Parse one text; holds it so every error can quote it."""

    def __init__(self, text: str, source: str):
        self.text = text
        self.source = source

    def fail(self, rule: str) -> CoordinateError:
        shown = self.text if len(self.text) <= 60 else self.text[:57] + "..."
        return CoordinateError(f"{self.source} {shown!r}: {rule}")

    # -- tokens -------------------------------------------------------------

    def items(self) -> list[_Item]:
        text = self.text.translate(_MINUS)
        # "1e-5" would otherwise read as 1 East then -5.
        if _EXPONENT.search(text):
            raise self.fail("exponent notation such as 1e-5 is not accepted")
        items: list[_Item] = []
        pos = 0
        last_was_space = False
        while pos < len(text):
            match = _TOKEN.match(text, pos)
            if match is None:
                signed = re.match(r"[+-]([^\W\d_]+)", text[pos:])
                if signed and signed.group(1).lower() in ("nan", "inf", "infinity"):
                    raise self.fail(f"{signed.group()!r} is not a finite number")
                raise self.fail(f"unexpected character {text[pos]!r} at position {pos + 1}")
            kind, value = match.lastgroup, match.group()
            pos = match.end()
            if kind == "space":
                last_was_space = True
                continue
            if kind == "num":
                items.append(_Item("num", num=_Num(value)))
            elif kind in ("deg", "min", "sec"):
                unit = ("deg", "min", "sec").index(kind)
                previous = items[-1] if items else None
                if previous is None or previous.kind != "num" or previous.num.unit is not None:
                    raise self.fail(f"the {_UNIT_NAMES[unit]} mark {value!r} must follow a number")
                previous.num.unit = unit
            elif kind == "sep":
                items.append(_Item("sep", letter=value))
            else:
                items.append(self.word(value, after_space=last_was_space))
            last_was_space = False
        return items

    def word(self, word: str, *, after_space: bool) -> _Item:
        if word.upper() in _HEMISPHERES:
            return _Item("hemi", letter=word.upper())
        if word.lower() in ("nan", "inf", "infinity"):
            raise self.fail(f"{word!r} is not a finite number")
        raise self.fail(f"{word!r} is not part of a coordinate ({_EXAMPLE})")

    # -- structure ----------------------------------------------------------

    def segments(self, items: list[_Item]) -> list[_Segment]:
        if not items:
            raise self.fail(f"empty; {_EXAMPLE}")
        separators = [i for i, item in enumerate(items) if item.kind == "sep"]
        if len(separators) > 1:
            raise self.fail(
                f"found {len(separators)} separators (',' or ';'); write exactly one between "
                "latitude and longitude" + self.decimal_comma_hint()
            )
        if separators:
            cut = separators[0]
            return [
                self.one_segment(items[:cut], "before"),
                self.one_segment(items[cut + 1 :], "after"),
            ]
        if not any(item.kind == "hemi" for item in items):
            return [_Segment(nums) for nums in self.split_numbers([i.num for i in items])]

        segments = self.split_at_letters(items)
        if len(segments) == 1:
            only = segments[0]
            first, second = self.split_numbers(only.nums)
            return [_Segment(first, lead=only.lead), _Segment(second, trail=only.trail)]
        if len(segments) > 2:
            raise self.fail(
                f"found {len(segments)} coordinates; expected a latitude and a longitude"
            )
        return segments

    def one_segment(self, items: list[_Item], side: str) -> _Segment:
        if not items:
            raise self.fail(f"nothing {side} the separator; {_EXAMPLE}")
        lead = items[0].letter if items[0].kind == "hemi" else ""
        trail = items[-1].letter if items[-1].kind == "hemi" and len(items) > 1 else ""
        middle = items[1 if lead else 0 : len(items) - (1 if trail else 0)]
        if lead and trail:
            raise self.fail(f"two hemisphere letters {lead!r} and {trail!r} on one coordinate")
        for item in middle:
            if item.kind == "hemi":
                raise self.fail(
                    f"hemisphere letter {item.letter!r} in the middle of one coordinate"
                )
        if not middle:
            raise self.fail(
                f"hemisphere letter {lead or trail!r} has no number {side} the separator"
            )
        return _Segment([item.num for item in middle], lead=lead, trail=trail)

    def split_at_letters(self, items: list[_Item]) -> list[_Segment]:
        """Split at hemisphere letters: "N50 E34" (prefix) or "50N 34E" (suffix)."""
        prefix = items[0].kind == "hemi"
        segments: list[_Segment] = []
        current = _Segment([])
        for item in items:
            if item.kind == "num":
                current.nums.append(item.num)
            elif prefix:
                if current.nums or current.lead:
                    segments.append(current)
                current = _Segment([], lead=item.letter)
            else:
                current.trail = item.letter
                segments.append(current)
                current = _Segment([])
        if current.nums or current.lead:
            segments.append(current)
        for segment in segments:
            if not segment.nums:
                raise self.fail(f"hemisphere letter {segment.letter!r} has no number")
        return segments

    def split_numbers(self, nums: list[_Num]) -> tuple[list[_Num], list[_Num]]:
        """Split numbers with no separator between them into latitude and longitude.

        A degree mark starts a coordinate; decimals, seconds or a repeated
        unit end one.  Without any such cue an even count splits in half
        ("50 54 28 34 47 53").
        """
        groups: list[list[_Num]] = [[]]
        for num in nums:
            group = groups[-1]
            if group:
                previous = group[-1]
                new = (
                    num.unit == 0
                    or previous.has_decimals
                    or previous.unit == 2
                    or (
                        num.unit is not None
                        and previous.unit is not None
                        and num.unit <= previous.unit
                    )
                )
                if new:
                    groups.append([])
            groups[-1].append(num)
        if len(groups) == 1 and all(num.unit is None for num in nums) and len(nums) in (2, 4, 6):
            half = len(nums) // 2
            groups = [nums[:half], nums[half:]]
        if len(groups) == 1:
            if len(nums) == 1:
                raise self.fail(f"only one number; {_EXAMPLE}")
            raise self.fail(
                "cannot tell where the latitude ends and the longitude begins; "
                "separate them with a comma"
            )
        if len(groups) > 2:
            raise self.fail(f"found {len(groups)} coordinates; expected a latitude and a longitude")
        return groups[0], groups[1]

    # -- values -------------------------------------------------------------

    def value(self, segment: _Segment) -> float:
        nums = segment.nums
        if len(nums) > 3:
            shown = " ".join(num.shown() for num in nums)
            raise self.fail(
                f"{len(nums)} numbers in one coordinate ({shown}); "
                "at most degrees, minutes, seconds"
            )
        parts = []
        for position, num in enumerate(nums):
            if num.unit is not None and num.unit != position:
                raise self.fail(
                    f"{num.shown()!r} is marked as {_UNIT_NAMES[num.unit]} but stands where "
                    f"the {_UNIT_NAMES[position]} belong"
                )
            if position > 0 and num.signed:
                raise self.fail(
                    f"sign in {_UNIT_NAMES[position]} {num.shown()!r}; "
                    "only the degrees may carry a sign"
                )
            if position < len(nums) - 1 and num.has_decimals:
                raise self.fail(
                    f"{_UNIT_NAMES[position]} {num.shown()!r} have decimals but are followed by "
                    f"{_UNIT_NAMES[position + 1]}; only the last number may have decimals"
                )
            part = abs(float(num.text))
            if not math.isfinite(part):
                raise self.fail(f"{num.text!r} is not a finite number")
            if position > 0 and part >= 60:
                raise self.fail(f"{_UNIT_NAMES[position]} {num.text} must be less than 60")
            parts.append(part)
        magnitude = sum(part / 60**position for position, part in enumerate(parts))
        if not math.isfinite(magnitude):
            raise self.fail(f"{nums[0].text!r} is not a finite number")
        if nums[0].negative and segment.letter:
            raise self.fail(
                f"negative sign combined with hemisphere letter {segment.letter!r}; "
                "use one or the other"
            )
        if segment.letter:
            return magnitude * _HEMISPHERES[segment.letter][1]
        return -magnitude if nums[0].negative else magnitude

    def decimal_comma_hint(self) -> str:
        if re.search(r"[0-9],[0-9]", self.text) and "." not in self.text:
            return " (decimal commas are not accepted: write 50.9077, not 50,9077)"
        return ""

    def parse(self) -> tuple[float, float]:
        if not self.text.strip():
            raise self.fail(f"empty; {_EXAMPLE}")
        if len(self.text) > _MAX_LENGTH:
            raise self.fail(f"{len(self.text)} characters is too long for a coordinate")
        first, second = self.segments(self.items())
        values = (self.value(first), self.value(second))
        axes = [_HEMISPHERES[s.letter][0] if s.letter else None for s in (first, second)]
        if axes[0] is not None and axes[0] == axes[1]:
            kind = "latitudes" if axes[0] == "lat" else "longitudes"
            raise self.fail(
                f"two {kind} ({first.letter} and {second.letter}); give one latitude (N/S) "
                "and one longitude (E/W)"
            )
        if axes[0] == "lon" or axes[1] == "lat":
            lon, lat = values
        else:
            lat, lon = values
        if not -90 <= lat <= 90:
            hint = ""
            if not any(axes) and abs(values[1]) <= 90:
                hint = "; did you swap latitude and longitude? input is 'lat, lon'"
            raise self.fail(f"latitude {_fmt(lat)} is outside -90..90{hint}")
        if not -180 <= lon <= 180:
            raise self.fail(
                f"longitude {_fmt(lon)} is outside -180..180" + self.decimal_comma_hint()
            )
        # Normalise -0.0 so "-0, 0" and "0, 0" give identical results.
        return lon + 0.0, lat + 0.0


def parse_latlon(text: str, *, source: str = "coordinate") -> tuple[float, float]:
    """Parse human "lat, lon" text into a ``(lon, lat)`` pair in degrees.

    Parameters
    ----------
    text : str
        Latitude first, then longitude, unless hemisphere letters say
        otherwise.  Accepted: decimal degrees separated by a comma, semicolon
        or space (``"50.9077, 34.7981"``); hemisphere letters before or after
        each value, any case (``"50.9077N 34.7981E"``, ``"N50.9077 E34.7981"``,
        ``"34.7981E 50.9077N"``), where S and W mean negative; degrees-minutes
        and degrees-minutes-seconds with ``°``, ``'``/``′``, ``"``/``″`` or
        plain spaces (``"50°54′28″N 34°47′53″E"``, ``"50 54 28 N 34 47 53 E"``,
        ``"50°54.46′N 34°47.89′E"``); the Unicode minus sign.
    source : str, optional
        Where the text came from (an option, a field, a file and line),
        quoted at the start of every error message.

    Returns
    -------
    tuple of float
        ``(lon, lat)`` in WGS84 degrees: x before y, the order of shapely and
        GeoJSON, the reverse of the text.

    Raises
    ------
    CoordinateError
        If the text is empty or not a coordinate, a value is not finite,
        minutes or seconds are 60 or more, a minus sign is combined with a
        hemisphere letter, both values name the same axis, the latitude lies
        outside -90..90 or the longitude outside -180..180.

    Examples
    --------
    >>> parse_latlon("50.9077, 34.7981")
    (34.7981, 50.9077)
    >>> parse_latlon("34.7981E 50.9077S")
    (34.7981, -50.9077)
    >>> parse_latlon("95, 30", source="--launch")
    Traceback (most recent call last):
    ...
    ranges.errors.CoordinateError: --launch '95, 30': latitude 95 is outside -90..90; \
did you swap latitude and longitude? input is 'lat, lon'
    """
    if not isinstance(text, str):
        raise CoordinateError(
            f"{source}: expected text such as '50.9077, 34.7981', got {type(text).__name__}"
        )
    return _Parser(text, source).parse()


def looks_like_coordinates(text: str) -> bool:
    """Tell whether ``text`` starts like a coordinate rather than a place name.

    A cheap test for callers that accept either ("Sumy" or "50.9, 34.8"): an
    optional hemisphere letter, an optional sign, then a digit.  It does not
    validate; :func:`parse_latlon` does.

    Parameters
    ----------
    text : str
        What the user typed.

    Returns
    -------
    bool

    Examples
    --------
    >>> looks_like_coordinates("50.9077, 34.7981"), looks_like_coordinates("N50 E34")
    (True, True)
    >>> looks_like_coordinates("Sumy"), looks_like_coordinates("Enerhodar")
    (False, False)
    """
    return isinstance(text, str) and _LOOKS_LIKE.match(text) is not None


def format_latlon(lon: float, lat: float, digits: int = 4) -> str:
    """Format a ``(lon, lat)`` point as the human "lat, lon" text.

    Parameters
    ----------
    lon, lat : float
        Longitude and latitude in degrees, longitude first as everywhere in
        the code; the text puts latitude first.
    digits : int, default 4
        Decimal places: 4 is about 10 m, 7 about 1 cm.  Use 10 or more for
        text that must parse back to the same point within 1e-9 degrees.

    Returns
    -------
    str

    Raises
    ------
    CoordinateError
        If a value is not finite.
    InputError
        If ``digits`` is not an integer from 0 to 15.

    Examples
    --------
    >>> format_latlon(34.79813, 50.90771)
    '50.9077, 34.7981'
    """
    if isinstance(digits, bool) or not isinstance(digits, int) or not 0 <= digits <= 15:
        raise InputError(f"format_latlon digits={digits!r}: must be an integer from 0 to 15")
    parts = []
    for name, value in (("latitude", lat), ("longitude", lon)):
        if not math.isfinite(value):
            raise CoordinateError(f"format_latlon: {name} {value!r} is not a finite number")
        text = f"{value:.{digits}f}"
        # "-0.0000" would read as a southern or western hemisphere value.
        if float(text) == 0:
            text = text.lstrip("-")
        parts.append(text)
    return ", ".join(parts)
