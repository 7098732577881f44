"""The ``export`` command's old import path: it lives in :mod:`ranges.cli.export`."""

from .cli.export import add_parsers, run_export, scenario_from_args

__all__ = ["add_parsers", "run_export", "scenario_from_args"]
