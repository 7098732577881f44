"""Ukrainian names of a scenario's launch sites and areas, from the shipped data.

A launch site typed as "Sumy" or picked from the gazetteer is stored under
its English name; a Ukrainian map prints "Суми".  :func:`ukrainian_name`
finds the place the name stands for (the gazetteer, checked against the
site's own coordinates) and returns its ``name_uk`` from the data layers
(``cities.fgb``, ``places.csv``, ``regions.fgb``, ``countries.fgb``; see
data/README.md for where those names come from).  :func:`default_area_name_uk`
gives the Ukrainian name of a launch area that carries this program's default
English name.  :class:`ranges.scenario.Scenario` calls these from its
``name_in`` methods; nothing here is needed in English.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["ukrainian_name", "region_name_uk", "default_area_name_uk", "MATCH_KM"]

#: A site is the gazetteer's place only if it lies this close to it (km): a
#: launch point named "Kursk" 40 km from the city is still "Kursk" to the user
#: who typed it, but one named "Kursk" in Crimea is not Курськ.
MATCH_KM = 50.0

_LAYER_OF_KIND = {"city": "cities", "place": "places", "region": "regions",
                  "country": "countries"}  # fmt: skip
_ID_COLUMN = {"cities": "geonameid", "places": "place_id", "regions": "region_id",
              "countries": "iso_a3"}  # fmt: skip


@lru_cache(maxsize=1)
def _geodata():
    from .geodata import load_geodata

    return load_geodata(lazy=True)


@lru_cache(maxsize=1)
def _gazetteer():
    from .gazetteer import load_gazetteer

    return load_gazetteer(_geodata)


@lru_cache(maxsize=8)
def _names(layer: str) -> dict[str, str]:
    """``id -> name_uk`` of one layer (ids as text), empty names left out."""
    frame = getattr(_geodata(), layer)
    ids = frame[_ID_COLUMN[layer]].astype(str)
    names = frame["name_uk"].fillna("").astype(str)
    return {i: n for i, n in zip(ids, names, strict=True) if n.strip()}


@lru_cache(maxsize=4096)
def ukrainian_name(name: str, lat: float, lon: float) -> str:
    """The shipped Ukrainian name of the place called ``name`` at (``lat``, ``lon``).

    Parameters
    ----------
    name : str
        As typed or stored ("Sumy", "Kiev", "Курськ", "UUOK").
    lat, lon : float
        WGS84 degrees of the site: the place found must lie within
        :data:`MATCH_KM` of it.

    Returns
    -------
    str
        Its ``name_uk``, or ``""`` when the name is not a known place, the
        place lies elsewhere, or the data has no Ukrainian name (airfields).

    Examples
    --------
    >>> ukrainian_name("Sumy", 50.9077, 34.7981), ukrainian_name("Kursk", 51.73, 36.19)
    ('Суми', 'Курськ')
    >>> ukrainian_name("Kursk", 45.0, 34.0)
    ''
    """
    from .errors import RangesError
    from .geodesy import GEOD

    try:
        place = _gazetteer().lookup(name)
    except RangesError:
        return ""
    layer = _LAYER_OF_KIND.get(place.kind)
    if layer is None:
        return ""
    if layer in ("cities", "places"):
        _, _, metres = GEOD.inv(lon, lat, place.lon, place.lat)
        if metres > MATCH_KM * 1000.0:
            return ""
    return _names(layer).get(place.key.split(":", 1)[1], "")


def region_name_uk(region_id: str, name: str) -> str:
    """The Ukrainian name of region ``region_id`` when ``name`` is its code or
    its shipped English name (a name the user wrote stays theirs); else ``""``.

    Examples
    --------
    >>> region_name_uk("RU-KRS", "Kursk"), region_name_uk("RU-KRS", "my area")
    ('Курська область', '')
    """
    regions = _geodata().regions
    row = regions[regions["region_id"] == region_id]
    if row.empty:
        return ""
    english = str(row["name_en"].iloc[0])
    if name not in (region_id, english):
        return ""
    return _names("regions").get(region_id, "")


def _span(area, lang: str) -> str:
    def km(value: float) -> str:
        text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
        return text.replace(",", "\u202f").replace(".", ",") if lang == "uk" else text

    from .i18n import strings

    if area.standoff_km > 0:
        return f"{km(area.standoff_km)}\u2013{km(area.width_km)}"
    return strings("MAP")[lang]["span_up_to"].format(width=km(area.width_km))


def default_english_names(area) -> tuple[str, ...]:
    """The English names this program gives ``area`` when nobody named it: the
    scenario's default first, then the command line's (``--front-strip``,
    ``--border-strip``); empty for a region, an upload or a named area."""
    from .scenario import HELD_NAME, OCCUPIED_NAME, UPLOADED_NAME

    if area.kind == "held":
        return (HELD_NAME["en"],)
    if area.kind == "occupied":
        return (OCCUPIED_NAME["en"],)
    if area.kind == "geojson":
        return (UPLOADED_NAME["en"],)
    if area.kind not in ("front-strip", "border-strip"):
        return ()
    w, s = area.width_km, area.standoff_km
    if area.kind == "front-strip":
        what, cli = "Front", f"Ukrainian-held territory within {w:g} km of the front line"
    else:
        what, cli = "Border", f"Ukraine within {w:g} km of the Russian border"
    return (f"{what} strip {s:g}-{w:g} km", cli + (f", {s:g} km standoff" if s else ""))


def default_area_name_uk(area) -> str:
    """The Ukrainian name of an area that carries a default English name
    ("Border strip 15-60 km" -> "Смуга 15–60 км від кордону з Росією"), else ``""``.

    Examples
    --------
    >>> from ranges.scenario import Area
    >>> default_area_name_uk(Area("border-strip", "Border strip 15-60 km", width_km=60,
    ...                           standoff_km=15))
    'Смуга 15–60 км від кордону з Росією'
    """
    if area.name not in default_english_names(area):
        return ""
    from .i18n import strings
    from .scenario import UPLOADED_NAME

    if area.kind == "geojson":
        return UPLOADED_NAME["uk"]
    return strings("MAP")["uk"][f"area:{area.kind}"].format(span=_span(area, "uk"))
