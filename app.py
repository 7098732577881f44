"""Strike Range dashboard: ``streamlit run app.py``.

A thin shell: widgets -> one :class:`ranges.scenario.Scenario` -> ``ranges``
functions -> pydeck layers and tables.  All logic lives in ``ranges/``; this
file holds the widgets, the session state and the cache wrappers (keyed on
plain values: JSON text, WKB bytes, numbers).
"""

from __future__ import annotations

import datetime
import html
import json
import os
import time

import shapely
import streamlit as st

from ranges import dashboard as dash
from ranges import exports, render
from ranges.analysis import region_coverage
from ranges.catalog import load_catalog, sources_line
from ranges.deck import build_deck, legend_items, occupied_item
from ranges.errors import RangesError
from ranges.evaluate import Result, area_geometry, evaluate
from ranges.gazetteer import Gazetteer
from ranges.geodata import attribution, load_geodata
from ranges.geodesy import reach
from ranges.presets import DEFAULT_PRESET, PRESETS
from ranges.scenario import (
    LANGUAGES,
    PALETTE,
    TARGET_KINDS,
    Area,
    Scenario,
    Site,
    check_color,
    from_query,
    scenario_from_json,
    to_query,
    weapon_colors,
)
from ranges.spec import resolve_spec
from ranges.targets import parse_targets, read_features
from ranges.territory import TERRITORY_LABELS
from ranges.territory import coverage as territory_coverage

# One setting for both limits: Streamlit's upload size (`server.maxUploadSize`
# in .streamlit/config.toml, `--server.maxUploadSize`, or the environment
# variable STREAMLIT_SERVER_MAX_UPLOAD_SIZE), which the readers then enforce
# with a message naming the file.
MAX_UPLOAD_MB = int(st.get_option("server.maxUploadSize"))
CUSTOM = "custom"

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
def region_options() -> dict[str, str]:
    return dash.region_options(geodata().regions)


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
                 credit: str) -> bytes:  # fmt: skip
    result = cached_result(scenario_json)
    fig = render.render_figure(result, geodata(), size=size, theme=theme, lang=lang,
                               credit=credit)  # fmt: skip
    return render.to_bytes(fig, fmt, scenario=result.scenario)


@st.cache_data(max_entries=32, show_spinner="Preparing the file…")
def cached_export(scenario_json: str, fmt: str) -> bytes:
    return exports.export(cached_result(scenario_json), geodata(), fmt)


@st.cache_resource(max_entries=64)
def cached_deck(scenario_json: str, tiles: bool):
    """The map of a scenario; built once, not on every rerun (it is not mutated:
    its layer data are plain lists)."""
    result = cached_result(scenario_json)
    return build_deck(result, geodata(), lang=result.scenario.lang, tiles=tiles)


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


# --------------------------------------------------------------------------
# Session state <-> scenario
# --------------------------------------------------------------------------
def _flash(kind: str, text: str) -> None:
    st.session_state.setdefault("flash", []).append((kind, text))


def _load_scenario(scenario: Scenario) -> None:
    """Put a scenario into the widgets (preset, file, link).

    Areas the widgets can show (enabled regions under their default name, the
    first enabled border strip) go to the widgets; every other area (uploads,
    renamed or switched-off regions, further strips) is kept as it is.  The
    order of ``scenario.areas`` is remembered so that an unchanged scenario
    comes back out of :func:`_scenario_from_widgets` exactly.
    """
    ss = st.session_state
    sides = dash.split_weapons(scenario.weapons, catalog())
    ss["w_ua"], ss["w_ru"] = sides[dash.SIDES[0]], sides[dash.SIDES[1]]
    ss["sites"] = list(scenario.sites)
    ss["sites_ver"] = ss.get("sites_ver", 0) + 1
    regions, strip, front, other, order = [], None, None, [], []
    whole = {"held": None, "occupied": None}
    for a in scenario.areas:
        if (a.kind == "region" and a.enabled and a.region_id in region_options()
                and a.name == _region_name(a.region_id) and a.region_id not in regions):
            regions.append(a.region_id)
            order.append(("region", a.region_id))
        elif a.kind == "border-strip" and a.enabled and strip is None and (
                not a.within or a.within in region_options()):
            strip = a
            order.append(("strip", None))
        elif a.kind == "front-strip" and a.enabled and front is None and (
                not a.within or a.within in region_options()):
            front = a
            order.append(("front", None))
        elif a.kind in whole and a.enabled and whole[a.kind] is None:
            whole[a.kind] = a
            order.append((a.kind, None))
        else:
            other.append(a)
            order.append(("other", a))
    ss["area_regions"] = regions
    ss["strip_on"] = strip is not None
    s = strip or Area("border-strip", "", width_km=60.0, standoff_km=0.0)
    ss["strip_width"], ss["strip_standoff"] = float(s.width_km), float(s.standoff_km)
    ss["strip_within"] = s.within
    ss["strip_loaded"] = s
    ss["front_on"] = front is not None
    f = front or Area("front-strip", "", width_km=30.0, standoff_km=0.0)
    ss["front_width"], ss["front_standoff"] = float(f.width_km), float(f.standoff_km)
    ss["front_within"] = f.within
    ss["front_loaded"] = f
    for kind, area in whole.items():
        ss[f"{kind}_on"] = area is not None
        ss[f"{kind}_loaded"] = area
    ss["other_areas"] = other
    ss["area_order"] = order
    ss["kinds"] = list(scenario.target_kinds)
    ss["user_targets"] = list(scenario.user_targets)
    ss["allowed_table"] = scenario.allowed_from_table
    ss["allowed"] = [r for r in scenario.allowed_regions if r in region_options()]
    ss["allowed_extra"] = [r for r in scenario.allowed_regions if r not in region_options()]
    ss["focus"] = [r for r in scenario.focus_regions if r in region_options()]
    ss["focus_extra"] = [r for r in scenario.focus_regions if r not in region_options()]
    ss["notes"] = list(scenario.notes)
    ss["notes_ver"] = ss.get("notes_ver", 0) + 1
    ss["lang"] = scenario.lang
    ss["title"], ss["subtitle"] = scenario.title, scenario.subtitle
    ss["min_population"] = scenario.min_population
    ss["colors"] = dict(scenario.colors)
    ss["as_of"] = _date_in_data(scenario.as_of_or_latest)
    ss["preset"] = scenario.preset if scenario.preset in PRESETS else CUSTOM
    ss.setdefault("tiles", False)
    ss["scenario"] = scenario


def _date_in_data(as_of: str) -> datetime.date:
    """``as_of`` as a date the shipped data covers: a date outside it moves to
    the nearest covered day, with a warning (never silently)."""
    first, last = territory_coverage()
    day = datetime.date.fromisoformat(as_of)
    if not first <= day <= last:
        near = first if day < first else last
        _flash("warning", f"Date {day.isoformat()} is outside the occupied-territory data "
                          f"({first.isoformat()} to {last.isoformat()}); showing "
                          f"{near.isoformat()}, the nearest date covered.")  # fmt: skip
        day = near
    return day


def _region_name(region_id: str) -> str:
    return region_options()[region_id].split(" (")[0]


def _strip_from_widgets(prefix: str = "strip", kind: str = "border-strip") -> Area:
    ss = st.session_state
    loaded = ss.get(f"{prefix}_loaded")
    width, standoff = float(ss[f"{prefix}_width"]), float(ss[f"{prefix}_standoff"])
    within = ss.get(f"{prefix}_within") or ""
    same = loaded is not None and (loaded.width_km, loaded.standoff_km, loaded.within) == (
        width, standoff, within)  # fmt: skip
    try:
        return Area.from_dict({
            "kind": kind,
            "name": loaded.name if same else "",
            "width_km": width,
            "standoff_km": standoff,
            "within": within,
        }, where="border strip")  # fmt: skip
    except RangesError:
        raise
    except Exception as exc:  # pragma: no cover - defensive
        raise RangesError(f"border strip: {exc}") from None


def _areas_from_widgets() -> list[Area]:
    ss = st.session_state
    chosen = list(ss.get("area_regions", []))
    others = list(ss.get("other_areas", []))
    out: list[Area] = []
    done: set[str] = set()

    def widget_area(kind: str) -> Area:
        if kind == "strip":
            return _strip_from_widgets()
        if kind == "front":
            return _strip_from_widgets("front", "front-strip")
        loaded = ss.get(f"{kind}_loaded")  # held or occupied ground, under its own name
        return loaded if loaded is not None else Area.from_dict({"kind": kind})

    for kind, value in ss.get("area_order", []):
        if kind == "region" and value in chosen:
            out.append(Area("region", _region_name(value), region_id=value))
            chosen.remove(value)
        elif kind in ("strip", "front", "held", "occupied") and ss.get(f"{kind}_on") and (
                kind not in done):
            out.append(widget_area(kind))
            done.add(kind)
        elif kind == "other" and value in others:
            out.append(value)
            others.remove(value)
    out += [Area("region", _region_name(r), region_id=r) for r in chosen]
    for kind in ("strip", "front", "held", "occupied"):
        if ss.get(f"{kind}_on") and kind not in done:
            out.append(widget_area(kind))
    out += others
    return out


def _scenario_from_widgets() -> Scenario:
    ss = st.session_state
    return Scenario(
        title=ss.get("title", ""),
        subtitle=ss.get("subtitle", ""),
        weapons=tuple(ss.get("w_ua", [])) + tuple(ss.get("w_ru", [])),
        sites=tuple(ss.get("sites", [])),
        areas=tuple(_areas_from_widgets()),
        target_kinds=tuple(k for k in TARGET_KINDS if k in ss.get("kinds", [])),
        user_targets=tuple(ss.get("user_targets", [])),
        allowed_regions=tuple(ss.get("allowed", [])) + tuple(ss.get("allowed_extra", [])),
        focus_regions=tuple(ss.get("focus", [])) + tuple(ss.get("focus_extra", [])),
        notes=tuple(ss.get("notes", [])),
        lang=ss.get("lang", "en"),
        min_population=int(ss.get("min_population", 100_000)),
        preset=ss.get("preset", CUSTOM) if ss.get("preset") != CUSTOM else "",
        colors=tuple(ss.get("colors", {}).items()),
        allowed_from_table=bool(ss.get("allowed_table", False)),
        as_of=ss["as_of"].isoformat() if ss.get("as_of") else "",
    ).replace()  # re-validated (and colours put in canonical form)


def _mark_custom() -> None:
    """A control changed: the map is no longer the preset (so choosing the
    preset again resets it)."""
    st.session_state["preset"] = CUSTOM


_CUSTOM = {"on_change": _mark_custom}


def _resolve_site(text: str) -> Site:
    spec = resolve_spec(text, gazetteer, source="launch site")
    if spec.geometry.geom_type != "Point":
        raise RangesError(f"{text!r} is an area; add it under launch areas")
    return Site(spec.name, spec.geometry.y, spec.geometry.x)


# --------------------------------------------------------------------------
# Callbacks (run before the script body, so they may set widget state)
# --------------------------------------------------------------------------
def _on_color(wid: str) -> None:
    value = st.session_state.get(f"col_{wid}")
    try:
        color = check_color(value, f"colour of {wid}")
    except RangesError as exc:
        _flash("error", str(exc))
        return
    st.session_state.setdefault("colors", {})[wid] = color
    _mark_custom()


def _on_reset_colors() -> None:
    st.session_state["colors"] = {}
    _mark_custom()


def _on_preset() -> None:
    pid = st.session_state.get("preset")
    if pid in PRESETS:
        _load_scenario(PRESETS[pid])


def _add_site_text(text: str) -> None:
    text = (text or "").strip()
    if not text:
        return
    try:
        spec = resolve_spec(text, gazetteer, source="launch site")
    except RangesError as exc:
        _flash("error", str(exc))
        return
    ss = st.session_state
    if spec.geometry.geom_type != "Point":
        rid = spec.key.removeprefix("region:")
        if rid not in region_options():
            _flash("error", f"{text!r} is an area outside the region list; upload it as GeoJSON")
        elif rid in ss.get("area_regions", []):
            _flash("info", f"{spec.name} is already a launch area.")
        else:
            ss["area_regions"] = [*ss.get("area_regions", []), rid]
            ss["preset"] = CUSTOM
            _flash("success", f"Added the region {spec.name} as a launch area.")
        return
    site = Site(spec.name, spec.geometry.y, spec.geometry.x)
    if any((s.lat, s.lon) == (site.lat, site.lon) for s in ss.get("sites", [])):
        _flash("info", f"{site.name} is already a launch site.")
        return
    ss["sites"] = [*ss.get("sites", []), site]
    ss["sites_ver"] = ss.get("sites_ver", 0) + 1
    ss["preset"] = CUSTOM


def _on_add_place() -> None:
    ss = st.session_state
    choice = ss.get("add_place")
    ss["add_place"] = None
    if not choice:
        return
    action = quick_places().get(choice, choice)
    if action.startswith("region:"):
        rid = action.removeprefix("region:")
        if rid not in ss.get("area_regions", []):
            ss["area_regions"] = [*ss.get("area_regions", []), rid]
            ss["preset"] = CUSTOM
        _flash("success", f"Added {region_options()[rid]} as a launch area.")
        return
    _add_site_text(action)


def _on_add_coords() -> None:
    text = st.session_state.get("add_coords", "")
    st.session_state["add_coords"] = ""
    _add_site_text(text)


def _apply_edits(df, edits: dict):
    """A data editor's edited and deleted rows applied to the table it showed."""
    df = df.astype(object)
    for idx, change in edits.get("edited_rows", {}).items():
        for col, value in change.items():
            df.loc[int(idx), col] = value
    return df.drop(index=[int(i) for i in edits.get("deleted_rows", [])])


def _on_sites_edit() -> None:
    ss = st.session_state
    key = f"sites_{ss.get('sites_ver', 0)}"
    edits = ss.get(key, {})
    df = _apply_edits(dash.site_rows(ss.get("sites", [])), edits)
    rows = df.to_dict("records") + list(edits.get("added_rows", []))
    sites, problems = dash.sites_from_rows(rows)
    for p in problems:
        _flash("warning", p)
    incomplete = [r for r in edits.get("added_rows", []) if not all(
        r.get(k) not in (None, "") for k in ("lat", "lon"))]  # fmt: skip
    if incomplete:
        return  # keep the editor's pending row until lat and lon are typed
    ss["sites"] = sites
    ss["sites_ver"] = ss.get("sites_ver", 0) + 1
    ss["preset"] = CUSTOM


def _on_notes_edit() -> None:
    ss = st.session_state
    key = f"notes_{ss.get('notes_ver', 0)}"
    edits = ss.get(key, {})
    df = _apply_edits(dash.note_rows(Scenario(notes=tuple(ss.get("notes", [])))), edits)
    added = list(edits.get("added_rows", []))
    if any(not all(r.get(k) not in (None, "") for k in ("text", "lat", "lon")) for r in added):
        return
    import pandas as pd

    rows = pd.concat([df, pd.DataFrame(added, columns=df.columns)], ignore_index=True)
    notes, problems = dash.notes_from_rows(rows)
    for p in problems:
        _flash("warning", p)
    ss["notes"] = notes
    ss["notes_ver"] = ss.get("notes_ver", 0) + 1


def _on_area_upload() -> None:
    up = st.session_state.get("area_upload")
    if up is None:
        return
    try:
        feats = read_features(up.getvalue(), up.name, max_bytes=MAX_UPLOAD_MB * 1_000_000)
        geom = shapely.union_all([g for g, _ in feats])
        if geom.is_empty:
            raise RangesError(f"{up.name}: no geometry")
        area = Area.from_dict({
            "kind": "geojson", "name": up.name.rsplit(".", 1)[0][:80],
            "geometry": json.loads(shapely.to_geojson(geom)),
        })  # fmt: skip
    except RangesError as exc:
        _flash("error", str(exc))
        return
    st.session_state["other_areas"] = [*st.session_state.get("other_areas", []), area]
    _flash("success", f"Added launch area {area.name!r} from {up.name}.")


def _on_targets_upload() -> None:
    up = st.session_state.get("targets_upload")
    if up is None:
        return
    try:
        df = parse_targets(up.getvalue(), up.name, max_bytes=MAX_UPLOAD_MB * 1_000_000)
        targets = dash.user_targets_from_frame(df, up.name)
    except RangesError as exc:
        _flash("error", str(exc))
        return
    st.session_state["user_targets"] = targets
    _flash("success", f"Loaded {len(targets):,} targets from {up.name}.")


def _on_scenario_upload() -> None:
    up = st.session_state.get("scenario_upload")
    if up is None:
        return
    try:
        scenario = scenario_from_json(up.getvalue(), source=up.name)
        scenario.check_weapons(catalog())
    except (RangesError, ValueError, RecursionError) as exc:
        _flash("error", str(exc))
        return
    _load_scenario(scenario)
    _flash("success", f"Opened scenario {up.name}.")


def _on_clear_targets() -> None:
    st.session_state["user_targets"] = []


def _on_clear_areas() -> None:
    st.session_state["other_areas"] = []


# --------------------------------------------------------------------------
# Page
# --------------------------------------------------------------------------
def _first_run() -> None:
    ss = st.session_state
    if "scenario" in ss:
        return
    params = {k: st.query_params.get_all(k) for k in st.query_params.keys()}  # noqa: SIM118
    scenario, warnings = from_query(
        params, default=PRESETS[DEFAULT_PRESET], resolve_launch=_resolve_site, presets=PRESETS
    )
    try:
        scenario.check_weapons(catalog())
    except RangesError as exc:
        warnings.append(f"{exc}. Showing the default map.")
        scenario = PRESETS[DEFAULT_PRESET]
    _load_scenario(scenario)
    for w in warnings:
        _flash("warning", w)


def _sidebar() -> None:
    ss = st.session_state
    sb = st.sidebar
    sb.title("Strike Range")
    titles = {CUSTOM: "— your own map —", **{k: v.title for k, v in PRESETS.items()}}
    sb.selectbox("Preset", list(titles), format_func=titles.get, key="preset",
                 on_change=_on_preset)  # fmt: skip
    first, last = territory_coverage()
    sb.date_input(
        "Situation as of", key="as_of", min_value=first, max_value=last, format="YYYY-MM-DD",
        help="Who held the ground and what was allowed on this day. Occupied territory: "
             f"DeepStateMap, daily from {first.isoformat()} to {last.isoformat()}.",
        **_CUSTOM,
    )  # fmt: skip

    sb.subheader("Weapons")
    options = dash.weapon_options(catalog())
    sb.multiselect(dash.SIDES[0], list(options[dash.SIDES[0]]),
                   format_func=options[dash.SIDES[0]].get, key="w_ua", **_CUSTOM)  # fmt: skip
    sb.multiselect(dash.SIDES[1], list(options[dash.SIDES[1]]),
                   format_func=options[dash.SIDES[1]].get, key="w_ru", **_CUSTOM)  # fmt: skip
    chosen = list(dict.fromkeys([*ss.get("w_ua", []), *ss.get("w_ru", [])]))
    if chosen and len(chosen) <= len(PALETTE):
        with sb.expander("Colours"):
            st.caption("Okabe–Ito colour-blind-safe palette by default; pick your own here.")
            colors = weapon_colors(chosen, ss.get("colors", {}))
            names = {w.id: w.name for w in catalog()}
            for wid in chosen:
                ss[f"col_{wid}"] = colors[wid]  # follows the palette as weapons change
                st.color_picker(names.get(wid, wid), key=f"col_{wid}", on_change=_on_color,
                                args=(wid,))  # fmt: skip
            if any(w in ss.get("colors", {}) for w in chosen):
                st.button("Back to the palette", key="colors_reset", on_click=_on_reset_colors)

    sb.subheader("Launch sites")
    sb.selectbox(
        "Add a place", list(quick_places()), index=None, key="add_place",
        placeholder="Search a city, airfield or place…", accept_new_options=True,
        on_change=_on_add_place,
        help="Pick from the list or type any name the gazetteer knows (Kyiv, Київ, UUOK…).",
    )  # fmt: skip
    sb.text_input(
        "Paste coordinates (lat, lon)", key="add_coords", on_change=_on_add_coords,
        placeholder="50.9077, 34.7981",
        help="Decimal degrees in the order web maps copy them, hemisphere letters or DMS.",
    )  # fmt: skip
    sb.caption("Or click a town on the map. Edit, switch off or delete sites here:")
    sb.data_editor(
        dash.site_rows(ss.get("sites", [])),
        key=f"sites_{ss.get('sites_ver', 0)}",
        num_rows="dynamic",
        hide_index=True,
        on_change=_on_sites_edit,
        column_config={
            "name": st.column_config.TextColumn("name", max_chars=200),
            "lat": st.column_config.NumberColumn("lat", min_value=-90, max_value=90,
                                                 format="%.4f"),
            "lon": st.column_config.NumberColumn("lon", min_value=-180, max_value=180,
                                                 format="%.4f"),
            "on": st.column_config.CheckboxColumn("on", default=True),
        },  # fmt: skip
    )

    with sb.expander("Launch areas", expanded=any(
            ss.get(k) for k in ("strip_on", "front_on", "held_on", "occupied_on"))):
        st.multiselect("Regions", list(region_options()), format_func=region_options().get,
                       key="area_regions", **_CUSTOM)  # fmt: skip
        st.checkbox("Border strip (Ukrainian territory near the Russian border)",
                    key="strip_on", **_CUSTOM)  # fmt: skip
        c1, c2 = st.columns(2)
        c1.number_input("Width, km", 5.0, 500.0, step=5.0, key="strip_width", **_CUSTOM)
        c2.number_input("Standoff, km", 0.0, 495.0, step=5.0, key="strip_standoff", **_CUSTOM)
        ua = {k: v for k, v in region_options().items() if k.startswith("UA-")}
        st.selectbox("Only within", ["", *ua], format_func=lambda k: ua.get(k, "all Ukraine"),
                     key="strip_within", **_CUSTOM)  # fmt: skip
        st.checkbox("Front strip (Ukrainian-held territory near the front line, as of the date)",
                    key="front_on", **_CUSTOM)  # fmt: skip
        c1, c2 = st.columns(2)
        c1.number_input("Width from the front, km", 5.0, 500.0, step=5.0, key="front_width",
                        **_CUSTOM)  # fmt: skip
        c2.number_input("Standoff from the front, km", 0.0, 495.0, step=5.0,
                        key="front_standoff", **_CUSTOM)  # fmt: skip
        st.selectbox("Only within", ["", *ua], format_func=lambda k: ua.get(k, "all Ukraine"),
                     key="front_within", **_CUSTOM)  # fmt: skip
        st.checkbox("All Ukrainian-held territory (as of the date)", key="held_on", **_CUSTOM)
        st.checkbox("Occupied territory of Ukraine (a launch area for Russia's weapons)",
                    key="occupied_on", **_CUSTOM)  # fmt: skip
        st.caption("Held and occupied ground: DeepStateMap as of the date; grey zones count as "
                   "held, and Ukrainian-held ground inside Russia is not included.")
        st.file_uploader("Upload a launch area (GeoJSON or KML, e.g. a front line)",
                         type=["geojson", "json", "kml"], key="area_upload",
                         on_change=_on_area_upload)  # fmt: skip
        if ss.get("other_areas"):
            st.caption("Other areas (uploaded, or from a link or file): "
                       + ", ".join(a.name + ("" if a.enabled else " (off)")
                                   for a in ss["other_areas"]))  # fmt: skip
            st.button("Remove these areas", on_click=_on_clear_areas)

    with sb.expander("Targets and overlay"):
        st.multiselect("Target layers", list(TARGET_KINDS), format_func=dash.LAYER_LABELS.get,
                       key="kinds", **_CUSTOM)  # fmt: skip
        st.file_uploader("Your targets (CSV name, lat, lon; GeoJSON or KML points)",
                         type=["csv", "geojson", "json", "kml"], key="targets_upload",
                         on_change=_on_targets_upload)  # fmt: skip
        if ss.get("user_targets"):
            st.caption(f"{len(ss['user_targets']):,} uploaded targets")
            st.button("Remove uploaded targets", on_click=_on_clear_targets)
        st.checkbox("Allowed regions from public decisions (as of the date)",
                    key="allowed_table", **_CUSTOM,
                    help="US, UK, French and German decisions on where supplied weapons may "
                         "strike Russia, with sources: `strike-range authorizations`.")  # fmt: skip
        st.multiselect("Strikes allowed in (authorization overlay)", list(region_options()),
                       format_func=region_options().get, key="allowed", **_CUSTOM)  # fmt: skip
        st.multiselect("Regions quoted in headlines", list(region_options()),
                       format_func=region_options().get, key="focus", **_CUSTOM,
                       max_selections=10)  # fmt: skip
        st.number_input("Label cities from population", 0, 10_000_000, step=50_000,
                        key="min_population", **_CUSTOM)  # fmt: skip

    with sb.expander("Notes on the map"):
        st.data_editor(
            dash.note_rows(Scenario(notes=tuple(ss.get("notes", [])))),
            key=f"notes_{ss.get('notes_ver', 0)}", num_rows="dynamic", hide_index=True,
            on_change=_on_notes_edit,
        )  # fmt: skip

    sb.subheader("Display")
    sb.radio("Labels", list(LANGUAGES), format_func={"en": "English", "uk": "Українська"}.get,
             key="lang", horizontal=True)  # fmt: skip
    sb.toggle("Carto basemap (needs internet)", key="tiles")


def _legend(result: Result) -> None:
    chips = "".join(
        f'<span style="display:inline-block;margin-right:1.2em">'
        f'<span style="display:inline-block;width:0.9em;height:0.9em;background:{color};'
        f'opacity:0.75;border:2px solid {color};vertical-align:middle;margin-right:0.35em">'
        f"</span>{html.escape(label)}</span>"
        for label, color in legend_items(result)
    )
    occupied = occupied_item(result)
    if occupied is not None:
        label, color = occupied
        chips += (
            f'<span style="display:inline-block;margin-right:1.2em">'
            f'<span style="display:inline-block;width:0.9em;height:0.9em;'
            f'background:repeating-linear-gradient(135deg,{color} 0 2px,transparent 2px 5px);'
            f'border:2px solid {color};vertical-align:middle;margin-right:0.35em"></span>'
            f"{html.escape(label)}</span>"
        )
    chips += (
        '<span style="margin-right:1.2em">● in range</span>'
        '<span style="color:#999;margin-right:1.2em">● out of range</span>'
        '<span style="margin-right:1.2em">○ airfield</span>'
    )
    st.markdown(f'<div style="font-size:0.9em">{chips}</div>', unsafe_allow_html=True)


def _headlines(result: Result) -> None:
    """One sentence per weapon, above the map: the answer comes first, with
    the day it is true on (a copied sentence needs its date)."""
    if result.weapons and result.sites:
        snap = exports.situation(result).occupied
        st.caption(
            f"Situation as of {render.format_date(result.scenario.as_of_or_latest, 'en')}: "
            "targets counted on the other side's ground; occupied territory from "
            f"DeepStateMap's snapshot of {snap.snapshot_date.isoformat()}."
        )
    for w in result.weapons if result.sites else ():
        st.markdown(
            f'<div style="border-left:6px solid {w.color};padding:0.2em 0.7em;margin:0.3em 0;'
            f'font-size:1.05em" data-testid="headline">{html.escape(w.headline)}</div>',
            unsafe_allow_html=True,
        )
        if w.authorization:
            st.caption(w.authorization)


def _answers(result: Result, lang: str) -> None:
    tab_t, tab_r, tab_s = st.tabs(["Targets in range", "Regions covered", "Sources"])
    with tab_t:
        keep = st.multiselect("Territory (as of the date)", list(TERRITORY_LABELS),
                              default=list(TERRITORY_LABELS), key="territory_filter",
                              help="Keep one side of the front: e.g. only Russia.")  # fmt: skip
        table = dash.targets_display(result.targets, lang, keep)
        population = st.column_config.NumberColumn(format="%d")
        st.dataframe(table, hide_index=True, height=360, column_config={"population": population})
        st.download_button("Download targets (CSV)", dash.csv_bytes(table),
                           "strike-range-targets.csv", "text/csv", key="dl_targets")  # fmt: skip
    with tab_r:
        cov = dash.coverage_display(result.coverage, lang)
        st.dataframe(cov, hide_index=True, height=360)
        st.download_button("Download regions (CSV)", dash.csv_bytes(cov),
                           "strike-range-regions.csv", "text/csv", key="dl_regions")  # fmt: skip
    with tab_s:
        st.markdown("**Ranges**: " + html.escape(sources_line([w.weapon for w in result.weapons])))
        for w in result.weapons:
            for s in w.weapon.verified_sources:
                figures = ", ".join(f.replace("_", " ") for f in s.supports)
                st.markdown(f"- {html.escape(w.weapon.name)} ({html.escape(figures)}): "
                            f"[{html.escape(s.title)}]({s.url}) ({html.escape(s.publisher)}, "
                            f"{s.date}): “{html.escape(s.quote)}”")  # fmt: skip
        decisions = exports.situation(result).decisions
        if decisions:
            st.markdown("**Decisions behind the allowed regions**:")
            for d in decisions:
                for c in d.sources:
                    st.markdown(f"- {d.decider}, {d.date.isoformat()} ({d.status}): "
                                f"[{html.escape(c.title)}]({c.url}) ({html.escape(c.publisher)}): "
                                f"“{html.escape(c.quote)}”")  # fmt: skip
        st.markdown("**Map data**: " + attribution())
        for n in result.scenario.notes:
            if n.source:
                st.markdown(f"- Note “{n.text}”: {n.source}")


def _on_map_click() -> None:
    """Callback of the map: a click on a town, airfield or place adds it as a
    launch site (runs before the script, so it may change widget state)."""
    ss = st.session_state
    sel = ss.get("map") or {}
    objects = (sel.get("selection") or {}).get("objects") or {}
    for layer_id, objs in objects.items():
        if not layer_id.startswith("targets-") or not objs:
            continue
        obj = objs[0]
        try:
            lon, lat = (float(v) for v in obj["position"])
            site = Site.from_dict({"name": str(obj.get("name") or f"{lat:.4f}, {lon:.4f}")[:200],
                                   "lat": lat, "lon": lon}, where="map click")  # fmt: skip
        except (KeyError, TypeError, ValueError):
            return
        if any((s.lat, s.lon) == (site.lat, site.lon) for s in ss.get("sites", [])):
            _flash("info", f"{site.name} is already a launch site.")
            return
        ss["sites"] = [*ss.get("sites", []), site]
        ss["sites_ver"] = ss.get("sites_ver", 0) + 1
        ss["preset"] = CUSTOM
        _flash("success", f"Added {site.name} as a launch site (click on the map).")
        return


def _export_panel(scenario: Scenario, key: str) -> None:
    """Image and data exports, rendered from the same scenario as the map."""
    # A toggle, not an expander: an expander's body runs on every rerun, and
    # drawing the preview takes about a second.
    if not st.toggle("Export for publication (images and data)", key="ex_open"):
        return
    with st.container(border=True):
        c1, c2, c3 = st.columns(3)
        sizes = list(render.SIZE_PRESETS) + list(render.PRINT_PRESETS_MM)
        size = c1.selectbox("Size", sizes, key="ex_size")
        theme = c2.selectbox("Theme", list(render.THEMES), key="ex_theme")
        lang = c3.selectbox("Language", list(LANGUAGES), key="ex_lang",
                            index=list(LANGUAGES).index(scenario.lang))  # fmt: skip
        credit = st.text_input("Credit", "Map: Strike Range", max_chars=120, key="ex_credit")
        st.caption("Title and subtitle: edit them under “Share and save”.")
        try:
            preview = cached_image(key, "png", size, theme, lang, credit)
        except RangesError as exc:
            st.error(str(exc))
            return
        st.image(preview, caption=render.alt_text(cached_result(key), lang))
        cols = st.columns(3)
        for col, fmt in zip(cols, render.FORMATS, strict=True):
            col.download_button(
                f"Map image ({fmt.upper()})",
                data=lambda fmt=fmt: cached_image(key, fmt, size, theme, lang, credit),
                file_name=f"strike-range-{size}-{theme}.{fmt}",
                mime={"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}[fmt],
                key=f"dl_img_{fmt}",
            )
        cols = st.columns(len(exports.FORMATS))
        for col, (fmt, spec) in zip(cols, exports.FORMATS.items(), strict=True):
            col.download_button(
                spec.label,
                data=lambda fmt=fmt: cached_export(key, fmt),
                file_name=f"strike-range-{fmt}{spec.extension}",
                mime=spec.mime,
                key=f"dl_{fmt}",
            )


def main() -> None:
    _first_run()
    _sidebar()
    ss = st.session_state
    try:
        scenario = _scenario_from_widgets()
        scenario.check_weapons(catalog())
        ss["scenario"] = scenario
    except RangesError as exc:
        st.error(f"{exc}. The map shows the last valid settings.")
        scenario = ss["scenario"]
    query = to_query(scenario)
    if st.query_params.to_dict() != query:
        st.query_params.from_dict(query)

    for kind, text in ss.pop("flash", []):
        getattr(st, kind)(text)

    title = scenario.title or "Strike Range"
    st.markdown(f"## {html.escape(title)}")
    if scenario.subtitle:
        st.caption(scenario.subtitle)
    if not scenario.weapons:
        st.info("Choose one or more weapons in the sidebar.")
    if not scenario.active_sites and not scenario.active_areas:
        st.info("Add a launch site: search a place, paste coordinates or click a town on the map.")
    key = scenario.to_json(indent=None)  # the cache key of everything drawn below
    try:
        result = cached_result(key)
    except RangesError as exc:
        st.error(str(exc))
        return
    _headlines(result)
    deck = cached_deck(key, bool(ss.get("tiles")))
    st.pydeck_chart(deck, height=620, key="map", on_select=_on_map_click,
                    selection_mode="single-object")  # fmt: skip
    _legend(result)
    _answers(result, scenario.lang)

    _export_panel(scenario, key)

    with st.expander("Share and save"):
        st.caption("The page address holds the whole map: copy it to share. Or save a file:")
        st.download_button("Download scenario (JSON)", scenario.to_json(),
                           "strike-range-scenario.json", "application/json",
                           key="dl_scenario")  # fmt: skip
        st.file_uploader("Open a scenario file", type=["json"], key="scenario_upload",
                         on_change=_on_scenario_upload)  # fmt: skip
        st.text_input("Title", key="title", max_chars=200)
        st.text_input("Subtitle", key="subtitle", max_chars=200)
    st.caption(
        "Nominal maximum ranges from published sources; real reach depends on launcher "
        f"position. Map data: {attribution()}. Occupied territory: DeepStateMap (GPL v3); "
        "grey zones and Ukrainian-held ground inside Russia are not in it."
    )


_t0 = time.perf_counter()
if os.environ.get("STRIKE_RANGE_PROFILE"):
    import cProfile

    cProfile.run("main()", os.environ["STRIKE_RANGE_PROFILE"])
else:
    main()
# Server-side time of this run, read by benchmarks/bench_dashboard.py.
st.session_state["_run_ms"] = (time.perf_counter() - _t0) * 1000.0
