"""Settings for the whole suite: no test fails because the machine is busy.

Hypothesis's default ``deadline`` (200 ms per example) and its ``too_slow``
health check are wall-clock bounds that a loaded 2-core machine can miss.  The
properties tested here are about results; how long things take is measured in
``benchmarks/``.  A test's own ``@settings`` still sets its number of examples.
"""

from hypothesis import HealthCheck, settings

settings.register_profile(
    "strike-range", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("strike-range")
