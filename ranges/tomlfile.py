"""Reading the hand-kept TOML data files (``weapons.toml``, ``authorizations.toml``).

Both hold one kind of array-of-tables and nothing else; :func:`read_tables`
reads such a file and says, naming the file, what is wrong with it.  The
entries themselves are checked by their own modules.
"""

from __future__ import annotations

import datetime
import os
import re
import tomllib
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import DataError

__all__ = ["read_tables", "load_cached", "valid_source_date"]

_SOURCE_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def read_tables(path: str | os.PathLike[str], table: str, what: str) -> tuple[str, list]:
    """The text of a UTF-8 TOML file and its ``[[table]]`` entries.

    Parameters
    ----------
    path : path-like
        The file.
    table : str
        The only top-level key allowed, e.g. ``"weapon"``.
    what : str
        What the file is, for messages: ``"weapon catalog"``.

    Raises
    ------
    ranges.errors.DataError
        The file cannot be read, is not UTF-8 or not TOML, holds another
        top-level key, or no ``[[table]]``; the message names the file.
    """
    file = os.fspath(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise DataError(f"{file}: cannot read the {what}: {reason}") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(
            f"{file}: the {what} must be UTF-8 text; invalid byte at offset {exc.start}"
        ) from exc
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # TOMLDecodeError's message already carries "(at line L, column C)".
        raise DataError(f"{file}: not valid TOML: {exc}") from exc
    extra = sorted(set(document) - {table})
    if extra:
        raise DataError(
            f"{file}: unknown top-level key(s) {', '.join(map(repr, extra))}; "
            f"the {what} holds only [[{table}]] tables"
        )
    entries = document.get(table)
    if not isinstance(entries, list) or not entries:
        raise DataError(f"{file}: no [[{table}]] tables found; the {what} must not be empty")
    return text, entries


@lru_cache(maxsize=8)
def _cached(loader: Callable[..., Any], path: str, mtime_ns: int) -> Any:
    return loader(path)


def load_cached(loader: Callable[..., Any], path: str | os.PathLike[str]) -> Any:
    """``loader(path)``, remembered until the file changes (keyed on its
    modification time, so an edited file is read again)."""
    try:
        mtime_ns = Path(path).stat().st_mtime_ns
    except OSError:
        return loader(path)  # raises a DataError naming the file
    return _cached(loader, os.fspath(path), mtime_ns)


def valid_source_date(text: str) -> bool:
    """Whether ``text`` is a source's date: ``YYYY-MM-DD``, ``YYYY-MM`` or
    ``YYYY`` (undated reference pages carry the year only), a real date."""
    match = _SOURCE_DATE.match(text)
    if not match:
        return False
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        datetime.date(year, month or 1, day or 1)
    except ValueError:
        return False
    return True
