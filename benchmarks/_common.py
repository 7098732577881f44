"""Helpers shared by the benchmark scripts: timing and a description of the machine.

The scripts are run as files (``.venv/bin/python benchmarks/bench_reach.py``),
which puts this folder first on ``sys.path``, so they import this module as
``_common``.
"""

from __future__ import annotations

import os
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

__all__ = ["cpu_model", "machine", "median_time"]

T = TypeVar("T")


def median_time(fn: Callable[[], T], repeats: int, *, warmup: bool = False) -> tuple[float, T]:
    """Median wall-clock time in seconds of ``repeats`` calls of ``fn``, and its last result.

    ``warmup`` makes one untimed call first (caches, lazy imports, spatial
    indexes).  Times are ``time.perf_counter`` differences.
    """
    if repeats < 1:
        raise ValueError(f"repeats must be >= 1, got {repeats}")
    if warmup:
        fn()
    times, result = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def cpu_model() -> str:
    """The CPU's model name from ``/proc/cpuinfo`` (``"unknown CPU"`` elsewhere)."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


def machine() -> str:
    """The machine and library versions, as a markdown list for a benchmark report."""
    import geopandas
    import numpy
    import pandas
    import pyproj
    import shapely

    return (
        f"- platform: {platform.platform()}\n"
        f"- CPU: {cpu_model()}, {os.cpu_count()} logical cores\n"
        f"- Python {platform.python_version()}, numpy {numpy.__version__}, "
        f"shapely {shapely.__version__}, pyproj {pyproj.__version__}, "
        f"geopandas {geopandas.__version__}, pandas {pandas.__version__}"
    )
