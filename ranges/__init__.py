"""Strike Range: geodesically correct strike-range maps.

Pure logic (no Streamlit): geodesy, weapon catalog, geodata, analysis and
exports.  Coordinates are WGS84 longitude, latitude (x = lon, y = lat).
"""

from .errors import (
    CoordinateError,
    DataError,
    GeometryError,
    InputError,
    RangesError,
    UnknownNameError,
)
from .geodesy import HALF_CIRCUMFERENCE_KM, bearing_deg, distance_km, inverse, reach

__all__ = [
    "reach",
    "distance_km",
    "bearing_deg",
    "inverse",
    "HALF_CIRCUMFERENCE_KM",
    "RangesError",
    "InputError",
    "CoordinateError",
    "GeometryError",
    "UnknownNameError",
    "DataError",
]

__version__ = "0.1.0"
