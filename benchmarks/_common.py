"""Helpers shared by the benchmark scripts: timing, a description of the machine,
and the tangled launch line that ``tests/test_bounded.py`` also uses.

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

__all__ = ["cpu_model", "machine", "median_time", "tangled_line"]

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


def tangled_line(n: int, seed: int = 1, start: tuple[float, float] = (37.5928, 47.102)):
    """A random walk of ``n`` vertices (lon, lat) with steps of 100-500 m.

    A tangled launch line, as a careless or hostile upload can be; the same
    ``seed`` gives the same line, so a benchmark and a test measure one thing.
    """
    import numpy as np
    from pyproj import Geod

    geod = Geod(ellps="WGS84")
    rng = np.random.default_rng(seed)
    az, d = rng.uniform(0, 360, n - 1), rng.uniform(100.0, 500.0, n - 1)
    xy = np.empty((n, 2))
    xy[0] = start
    for i in range(n - 1):
        lon, lat, _ = geod.fwd(xy[i, 0], xy[i, 1], az[i], d[i])
        xy[i + 1] = lon, lat
    return xy
