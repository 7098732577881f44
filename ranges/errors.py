"""Exceptions raised by the ``ranges`` package.

One small hierarchy, so callers (the CLI, the dashboard) can catch
:class:`RangesError` and show its message, and tests can check the precise
kind.  Every message names the value, the rule it breaks and where the value
came from (argument, file, line, field).
"""

from __future__ import annotations

__all__ = [
    "RangesError",
    "InputError",
    "CoordinateError",
    "GeometryError",
    "UnknownNameError",
    "DataError",
]


class RangesError(Exception):
    """Base class of every error this package raises on purpose."""


class InputError(RangesError, ValueError):
    """A value given by a user breaks a rule (range, tolerance, size...)."""


class CoordinateError(InputError):
    """A coordinate cannot be parsed or lies outside ±90° / ±180°."""


class GeometryError(InputError):
    """A geometry or GeoJSON document is unreadable, empty or invalid."""


class UnknownNameError(InputError, LookupError):
    """A weapon id, place or region name matches nothing (or too much).

    ``suggestions`` holds close matches or the ambiguous candidates.
    """

    def __init__(self, message: str, suggestions: list[str] | None = None):
        super().__init__(message)
        self.suggestions = list(suggestions or [])


class DataError(RangesError):
    """A shipped or user-supplied data file is malformed (file, entry, field)."""
