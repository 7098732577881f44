"""Strike Range dashboard: ``streamlit run app.py``.

A thin shell: widgets -> one :class:`ranges.scenario.Scenario` -> ``ranges``
functions -> pydeck layers and tables.  All logic lives in ``ranges/``; this
file holds the cache wrappers (keyed on plain values: JSON text, WKB bytes,
numbers) and the page's order; the widgets, the session state, the callbacks
and the panels are in the package ``dashboard_ui/``, which gets the cache
wrappers through :func:`dashboard_ui.resources.bind`.
"""

from __future__ import annotations

import html
import json
import os
import time
import urllib.parse

import shapely
import streamlit as st

from dashboard_ui import resources
from dashboard_ui.callbacks import _on_map_click
from dashboard_ui.panels import (
    _answers,
    _export_panel,
    _headlines,
    _legend,
    _notes_list,
    _share,
    _title,
)
from dashboard_ui.sidebar import _sidebar
from dashboard_ui.state import CUSTOM, MAX_URL_CHARS, _first_run, _phone, _scenario_from_widgets, _t
from ranges import dashboard as dash
from ranges import exports, render
from ranges.analysis import region_coverage
from ranges.catalog import load_catalog
from ranges.deck import build_deck
from ranges.errors import RangesError
from ranges.evaluate import Result, area_geometry, evaluate
from ranges.gazetteer import Gazetteer
from ranges.geodata import attribution, load_geodata
from ranges.geodesy import reach
from ranges.scenario import Area, scenario_from_json, to_query

# Streamlit's upload size, read on every run; the upload callbacks read it when
# they run (dashboard_ui.state._max_upload_mb), so one setting sets both limits.
MAX_UPLOAD_MB = int(st.get_option("server.maxUploadSize"))
# CUSTOM (the preset box's "own map") and MAX_URL_CHARS (the longest address
# the app writes) live in dashboard_ui.state and are imported above, so that
# ``from app import MAX_URL_CHARS`` keeps working.
__all__ = ["CUSTOM", "MAX_URL_CHARS"]

#: The map's height on a desktop, and (width, height) of a phone's map (a 390 px
#: screen less the page margins; the reach fits it, with the page's top in view).
MAP_HEIGHT_PX = 620
PHONE_MAP_PX = (350, 460)

st.set_page_config(page_title="Strike Range", page_icon="🎯", layout="wide")


# --------------------------------------------------------------------------
# Cached resources (shared by all sessions; never mutated)
# --------------------------------------------------------------------------
@st.cache_resource(show_spinner="Loading maps and gazetteer…")
def geodata():
    return load_geodata()


@st.cache_resource
def gazetteer() -> Gazetteer:
    return Gazetteer(geodata())


@st.cache_resource
def catalog():
    return load_catalog()


@st.cache_resource
def region_options(lang: str = "en") -> dict[str, str]:
    return dash.region_options(geodata().regions, lang=lang)


@st.cache_resource
def quick_places() -> dict[str, str]:
    """Suggestions for the launch-site box, label -> what to add: news places and the
    largest cities (a name for the gazetteer), then regions (``region:ID``)."""
    geo = geodata()
    out = {name: name for name in geo.places["name_en"]}
    big = geo.cities[geo.cities["country"].isin(["UKR", "RUS", "BLR"])]
    for name in big.sort_values("population", ascending=False)["name_en"].head(150):
        out.setdefault(name, name)
    for rid, label in region_options().items():
        out[label] = f"region:{rid}"
    return out


@st.cache_resource(max_entries=512)
def cached_reach(wkb: bytes, max_km: float, min_km: float):
    return reach(shapely.from_wkb(wkb), max_km, min_km=min_km)


@st.cache_resource(max_entries=64)
def cached_area(area_json: str, as_of: str):
    return area_geometry(Area.from_dict(json.loads(area_json)), geodata(), as_of)


@st.cache_resource(max_entries=512)
def cached_coverage(wkb: bytes):
    return region_coverage(shapely.from_wkb(wkb), geodata().regions)


@st.cache_data(max_entries=32, show_spinner="Drawing the map…")
def cached_image(scenario_json: str, fmt: str, size: str, theme: str, lang: str,
                 credit: str) -> tuple[bytes, tuple[str, ...]]:  # fmt: skip
    """The image and what the map could not show (render.figure_warnings)."""
    result = cached_result(scenario_json)
    fig = render.render_figure(result, geodata(), size=size, theme=theme, lang=lang,
                               credit=credit)  # fmt: skip
    return (render.to_bytes(fig, fmt, scenario=result.scenario),
            tuple(render.figure_warnings(fig)))  # fmt: skip


@st.cache_data(max_entries=32, show_spinner="Preparing the file…")
def cached_export(scenario_json: str, fmt: str) -> bytes:
    return exports.export(cached_result(scenario_json), geodata(), fmt)


@st.cache_resource(max_entries=64)
def cached_deck(scenario_json: str, tiles: bool, phone: bool = False):
    """The map of a scenario; built once, not on every rerun (it is not mutated:
    its layer data are plain lists).  A phone's map opens on a narrower view."""
    result = cached_result(scenario_json)
    width, height = (PHONE_MAP_PX if phone else (900, MAP_HEIGHT_PX))
    return build_deck(result, geodata(), lang=result.scenario.lang, tiles=tiles,
                      numbered_notes=True,  # listed in full below the map
                      width_px=width, height_px=height)  # fmt: skip


@st.cache_resource(max_entries=64)
def cached_targets_table(scenario_json: str, lang: str, territories: tuple[str, ...],
                         inside: bool):  # fmt: skip
    """The targets table as shown (localized), and how many places lie at the
    launch sites; not mutated by the page."""
    result = cached_result(scenario_json)
    targets = result.targets
    table = dash.targets_display(targets, lang, territories, inside=inside,
                                 scenario=result.scenario,
                                 weapons=[w.weapon for w in result.weapons])  # fmt: skip
    return dash.localized(table, lang), dash.inside_launch_count(targets)


@st.cache_resource(max_entries=64)
def cached_regions_table(scenario_json: str, lang: str):
    return dash.localized(dash.coverage_display(cached_result(scenario_json).coverage, lang),
                          lang)  # fmt: skip


@st.cache_resource(max_entries=64)
def cached_result(scenario_json: str) -> Result:
    scenario = scenario_from_json(scenario_json)
    return evaluate(
        scenario,
        geodata(),
        catalog(),
        reach_fn=lambda g, mx, mn: cached_reach(shapely.to_wkb(g), mx, mn),
        area_fn=lambda a, day: cached_area(json.dumps(a.to_dict(), sort_keys=True), day),
        coverage_fn=lambda a: cached_coverage(shapely.to_wkb(a)),
    )


# The UI modules call the wrappers above through dashboard_ui.resources.
resources.bind(
    catalog=catalog, gazetteer=gazetteer, region_options=region_options,
    quick_places=quick_places, cached_result=cached_result, cached_image=cached_image,
    cached_export=cached_export, cached_targets_table=cached_targets_table,
    cached_regions_table=cached_regions_table,
)  # fmt: skip


# --------------------------------------------------------------------------
# Page
# --------------------------------------------------------------------------
def main() -> None:
    _first_run()
    _sidebar()
    ss = st.session_state
    try:
        scenario = _scenario_from_widgets()
        scenario.check_weapons(catalog())
        ss["scenario"] = scenario
    except RangesError as exc:
        st.error(_t("last_valid", error=exc))
        scenario = ss["scenario"]
    lang = scenario.lang
    query = to_query(scenario)
    # Links never lie: an address that cannot hold the map is not written; the
    # last one that could stays, and the page says so (see _share).
    fits = len(urllib.parse.urlencode(query)) <= MAX_URL_CHARS
    if fits and st.query_params.to_dict() != query:
        st.query_params.from_dict(query)

    for kind, text in ss.pop("flash", []):
        getattr(st, kind)(text)

    if not fits:
        st.warning(_t("link_too_long", size=f"{len(urllib.parse.urlencode(query)):,}",
                      limit=f"{MAX_URL_CHARS:,}"), icon="⚠️")  # fmt: skip
    key = scenario.to_json(indent=None)  # the cache key of everything drawn below
    try:
        result = cached_result(key)
    except RangesError as exc:
        result = None
        error = str(exc)
    st.markdown(f"## {html.escape(_title(scenario, result, lang))}")
    if scenario.subtitle_in(lang):
        st.caption(scenario.subtitle_in(lang))
    if not scenario.weapons:
        st.info(_t("choose_weapon"))
    if not scenario.active_sites and not scenario.active_areas:
        st.info(_t("add_site_hint"))
    if result is None:
        st.error(error)
        return
    _headlines(result, lang)
    phone = _phone()
    deck = cached_deck(key, bool(ss.get("tiles")), phone)
    st.pydeck_chart(deck, height=PHONE_MAP_PX[1] if phone else MAP_HEIGHT_PX, key="map",
                    on_select=_on_map_click, selection_mode="single-object")  # fmt: skip
    _legend(result, lang)
    _notes_list(result, lang)
    _answers(result, lang, key)

    _export_panel(scenario, key)
    _share(scenario, query, fits)
    st.caption(_t("footer", attribution=attribution()))
    st.markdown(_PHONE_CSS, unsafe_allow_html=True)


_PHONE_CSS = """<style>
@media (max-width: 640px) {
  [data-testid="stDownloadButton"] button p { white-space: normal; }
}
</style>"""


_t0 = time.perf_counter()
if os.environ.get("STRIKE_RANGE_PROFILE"):
    import cProfile

    cProfile.run("main()", os.environ["STRIKE_RANGE_PROFILE"])
else:
    main()
# Server-side time of this run, read by benchmarks/bench_dashboard.py.
st.session_state["_run_ms"] = (time.perf_counter() - _t0) * 1000.0
