"""GeoNames' alternate names as the transcriptions that read a town's native
name among them use them (``bg_uk``, ``el_uk``, ``turkic_uk``, ``baltic_uk``, ``caucasus_uk``,
``adriatic_uk``)."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["alternates", "separators"]


def alternates(alt_names: str | Iterable[str] | None) -> list[str]:
    """The alternates, from ``alt_names`` joined by ';' or as an iterable.

    >>> alternates("Shumen; Шумен;;"), alternates(None), alternates(float("nan"))
    (['Shumen', 'Шумен'], [], [])
    """
    if not isinstance(alt_names, (str, Iterable)):  # None, or pandas' NaN for none
        return []
    items = alt_names.split(";") if isinstance(alt_names, str) else alt_names
    return [a.strip() for a in items if isinstance(a, str) and a.strip()]


def separators(text: str) -> str:
    """The spaces and hyphens of a name, in order: of two spellings of one name,
    the one spaced like GeoNames' is taken (Veliko Tarnovo, not Veliko-Tarnovo).

    >>> separators("Stara Zagora"), separators("Veliko-Tarnovo-Gorna")
    (' ', '--')
    """
    return "".join(c for c in text if c in " -")
