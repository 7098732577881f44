"""The cache wrappers of ``app.py``, as the modules of this package call them.

The wrappers live in ``app.py`` (Streamlit runs it as ``__main__``, so it cannot
be imported back from here); ``app.py`` binds them on every run, before any
widget or callback needs them.  Each function below forwards to the bound one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_BOUND: dict[str, Callable[..., Any]] = {}
NAMES = ("catalog", "gazetteer", "region_options", "quick_places", "cached_result",
         "cached_image", "cached_export", "cached_targets_table", "cached_regions_table")


def bind(**fns: Callable[..., Any]) -> None:
    """Bind the cache wrappers of ``app.py`` (every name in :data:`NAMES`)."""
    missing = set(NAMES) - set(fns)
    if missing:
        raise TypeError(f"bind: missing {', '.join(sorted(missing))}")
    _BOUND.update(fns)


def catalog():
    return _BOUND["catalog"]()


def gazetteer():
    return _BOUND["gazetteer"]()


def region_options(lang: str = "en") -> dict[str, str]:
    return _BOUND["region_options"](lang)


def quick_places() -> dict[str, str]:
    return _BOUND["quick_places"]()


def cached_result(scenario_json: str):
    return _BOUND["cached_result"](scenario_json)


def cached_image(scenario_json: str, fmt: str, size: str, theme: str, lang: str, credit: str):
    return _BOUND["cached_image"](scenario_json, fmt, size, theme, lang, credit)


def cached_export(scenario_json: str, fmt: str) -> bytes:
    return _BOUND["cached_export"](scenario_json, fmt)


def cached_targets_table(scenario_json: str, lang: str, territories: tuple[str, ...],
                         inside: bool):  # fmt: skip
    return _BOUND["cached_targets_table"](scenario_json, lang, territories, inside)


def cached_regions_table(scenario_json: str, lang: str):
    return _BOUND["cached_regions_table"](scenario_json, lang)
