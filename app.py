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
import urllib.parse

import shapely
import streamlit as st

from ranges import dashboard as dash
from ranges import exports, render
from ranges.analysis import region_coverage
from ranges.catalog import load_catalog, sources_line
from ranges.deck import build_deck, deck_notes, occupied_item
from ranges.errors import RangesError
from ranges.evaluate import Result, area_geometry, evaluate
from ranges.gazetteer import Gazetteer
from ranges.geodata import attribution, load_geodata
from ranges.geodesy import reach
from ranges.geojson_io import merge_features
from ranges.headline import opposing_territories
from ranges.i18n import strings
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
#: The longest page address the app writes (characters).  RFC 9110 asks every
#: client and server for at least 8,000 octets; IE and old proxies stopped near
#: 2,048, and chat apps cut long links, so 8,000 is what "works everywhere" means.
MAX_URL_CHARS = 8_000
#: The map's height on a desktop, and (width, height) of a phone's map (a 390 px
#: screen less the page margins; the reach fits it, with the page's top in view).
MAP_HEIGHT_PX = 620
PHONE_MAP_PX = (350, 460)


def _t(key: str, **fields) -> str:
    """The dashboard's string ``key`` in the page's language (ranges.i18n DASHBOARD)."""
    text = dash.texts(st.session_state.get("lang", "en"))[key]
    return text.format(**fields) if fields else text

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


def _phone() -> bool:
    """Whether the browser says it is a phone (its User-Agent, as sites use it to
    pick a mobile layout; the server cannot see the screen's width)."""
    try:
        agent = st.context.headers.get("User-Agent", "") or ""
    except Exception:  # noqa: BLE001 - no request (AppTest): a desktop
        return False
    return "Mobi" in agent or "Android" in agent or "iPhone" in agent


@st.cache_resource(max_entries=64)
def cached_targets_table(scenario_json: str, lang: str, territories: tuple[str, ...],
                         inside: bool):  # fmt: skip
    """The targets table as shown (localized), and how many places lie at the
    launch sites; not mutated by the page."""
    targets = cached_result(scenario_json).targets
    table = dash.targets_display(targets, lang, territories, inside=inside)
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
    ss["title_uk"], ss["subtitle_uk"] = scenario.title_uk, scenario.subtitle_uk
    ss["loaded_titles"] = _titles()
    ss["edited_from"] = None
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
        _flash("warning", _t("date_outside", day=day.isoformat(), first=first.isoformat(),
                             last=last.isoformat(), near=near.isoformat()))  # fmt: skip
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
        } | ({"name_uk": loaded.name_uk} if same and loaded.name_uk else {}),
            where="border strip")  # fmt: skip
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
        title_uk=ss.get("title_uk", ""),
        subtitle_uk=ss.get("subtitle_uk", ""),
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


_TITLE_KEYS = ("title", "subtitle", "title_uk", "subtitle_uk")


def _titles() -> tuple[str, ...]:
    return tuple(st.session_state.get(k, "") for k in _TITLE_KEYS)


def _mark_custom() -> None:
    """A control changed: the map is no longer the preset (so choosing the
    preset again resets it), and the preset's title and subtitle, which would
    now describe another map, give way to the user's (a generated title while
    the box is empty)."""
    ss = st.session_state
    if ss.get("preset") in PRESETS:
        ss["edited_from"] = ss["preset"]
        if _titles() == ss.get("loaded_titles"):
            for key in _TITLE_KEYS:
                ss[key] = ""
    ss["preset"] = CUSTOM


_CUSTOM = {"on_change": _mark_custom}


def _resolve_site(text: str) -> Site:
    spec = resolve_spec(text, gazetteer, source="launch site")
    if spec.geometry.geom_type != "Point":
        raise RangesError(_t("area_not_point", text=text))
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
            _flash("error", _t("area_not_listed", text=text))
        elif rid in ss.get("area_regions", []):
            _flash("info", _t("already_area", name=spec.name))
        else:
            ss["area_regions"] = [*ss.get("area_regions", []), rid]
            _mark_custom()
            _flash("success", _t("added_region", name=spec.name))
        return
    site = Site(spec.name, spec.geometry.y, spec.geometry.x)
    if any((s.lat, s.lon) == (site.lat, site.lon) for s in ss.get("sites", [])):
        _flash("info", _t("already_site", name=site.name))
        return
    ss["sites"] = [*ss.get("sites", []), site]
    ss["sites_ver"] = ss.get("sites_ver", 0) + 1
    _mark_custom()


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
            _mark_custom()
        _flash("success", _t("added_area_region", name=region_options()[rid]))
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
    _mark_custom()


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
    _mark_custom()


def _on_area_upload() -> None:
    up = st.session_state.get("area_upload")
    if up is None:
        return
    try:
        feats = read_features(up.getvalue(), up.name, max_bytes=MAX_UPLOAD_MB * 1_000_000)
        # Joined without noding: a tangled line stays the line the user gave.
        geom = merge_features(feats)
        if geom.is_empty:
            raise RangesError(_t("no_geometry", file=up.name))
        # points, lines and polygons in one file: one launch area of each kind
        parts = list(geom.geoms) if geom.geom_type == "GeometryCollection" else [geom]
        name = up.name.rsplit(".", 1)[0][:76]
        areas = [
            Area.from_dict({
                "kind": "geojson", "name": name if len(parts) == 1 else f"{name} {i}",
                "geometry": json.loads(shapely.to_geojson(part)),
            })  # fmt: skip
            for i, part in enumerate(parts, 1)
        ]
    except RangesError as exc:
        _flash("error", str(exc))
        return
    st.session_state["other_areas"] = [*st.session_state.get("other_areas", []), *areas]
    _mark_custom()
    for area in areas:
        _flash("success", _t("added_area", name=area.name, file=up.name))


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
    _mark_custom()
    _flash("success", _t("loaded_targets", n=f"{len(targets):,}", file=up.name))


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
    _flash("success", _t("opened_scenario", file=up.name))


def _on_clear_targets() -> None:
    st.session_state["user_targets"] = []
    _mark_custom()


def _on_clear_areas() -> None:
    st.session_state["other_areas"] = []
    _mark_custom()


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


def _preset_title(pid: str) -> str:
    """A preset's title in the page's language (English where it has no other)."""
    return PRESETS[pid].title_in(st.session_state.get("lang", "en"))


def _swatches(chosen: list[str], colors: dict[str, str]) -> str:
    """CSS giving each chosen weapon's chip in the sidebar its map colour (the
    chips are found by their label; the swatch row below says the same)."""
    labels = {wid: label for side in dash.weapon_options(catalog()).values()
              for wid, label in side.items()}  # fmt: skip
    rules = []
    for key in ("w_ua", "w_ru"):
        for wid in st.session_state.get(key, []):
            if wid in colors:
                label = labels.get(wid, wid).replace("\\", "\\\\").replace('"', '\\"')
                rules.append(f'.st-key-{key} [data-tag][aria-label="{label}"]'
                             f"{{background-color:{colors[wid]} !important}}")  # fmt: skip
    return "<style>" + "".join(rules) + "</style>"


def _sidebar() -> None:
    ss = st.session_state
    sb = st.sidebar
    sb.title("Strike Range")
    sb.radio(_t("language"), list(LANGUAGES), format_func={"en": "English", "uk": "Українська"}.get,
             key="lang", horizontal=True)  # fmt: skip
    titles = {CUSTOM: _t("own_map"), **{k: _preset_title(k) for k in PRESETS}}
    sb.selectbox(_t("preset"), list(titles), format_func=titles.get, key="preset",
                 on_change=_on_preset)  # fmt: skip
    if ss.get("preset") == CUSTOM and ss.get("edited_from") in PRESETS:
        sb.caption(_t("own_map_note", preset=_preset_title(ss["edited_from"])))
    first, last = territory_coverage()
    sb.date_input(
        _t("as_of"), key="as_of", min_value=first, max_value=last, format="YYYY-MM-DD",
        help=_t("as_of_help", first=first.isoformat(), last=last.isoformat()), **_CUSTOM,
    )  # fmt: skip

    sb.subheader(_t("weapons"))
    options = dash.weapon_options(catalog())
    for side, key in zip(dash.SIDES, ("w_ua", "w_ru"), strict=True):
        sb.multiselect(_t(f"side:{side}"), list(options[side]), format_func=options[side].get,
                       key=key, placeholder=_t("choose_weapons"), **_CUSTOM)  # fmt: skip
    chosen = list(dict.fromkeys([*ss.get("w_ua", []), *ss.get("w_ru", [])]))
    if chosen and len(chosen) <= len(PALETTE):
        colors = weapon_colors(chosen, ss.get("colors", {}))
        names = {w.id: w.name for w in catalog()}
        sb.markdown(_swatches(chosen, colors), unsafe_allow_html=True)
        sb.markdown(
            '<div data-testid="weapon-swatches" style="font-size:0.85em;line-height:1.6">'
            + "".join(
                f'<span style="white-space:nowrap;margin-right:0.8em">'
                f'<span style="display:inline-block;width:0.8em;height:0.8em;border-radius:2px;'
                f'background:{colors[wid]};vertical-align:middle;margin-right:0.3em"></span>'
                f"{html.escape(names.get(wid, wid))}</span> "
                for wid in chosen
            )
            + "</div>",
            unsafe_allow_html=True,
        )
        with sb.expander(_t("colours")):
            st.caption(_t("colours_help"))
            for wid in chosen:
                ss[f"col_{wid}"] = colors[wid]  # follows the palette as weapons change
                st.color_picker(names.get(wid, wid), key=f"col_{wid}", on_change=_on_color,
                                args=(wid,))  # fmt: skip
            if any(w in ss.get("colors", {}) for w in chosen):
                st.button(_t("colours_reset"), key="colors_reset", on_click=_on_reset_colors)

    sb.subheader(_t("launch_sites"))
    sb.selectbox(
        _t("add_place"), list(quick_places()), index=None, key="add_place",
        placeholder=_t("add_place_placeholder"), accept_new_options=True,
        on_change=_on_add_place, help=_t("add_place_help"),
    )  # fmt: skip
    sb.text_input(_t("coords"), key="add_coords", on_change=_on_add_coords,
                  placeholder="50.9077, 34.7981", help=_t("coords_help"))  # fmt: skip
    sb.caption(_t("sites_caption"))
    sb.data_editor(
        dash.site_rows(ss.get("sites", [])),
        key=f"sites_{ss.get('sites_ver', 0)}",
        num_rows="dynamic",
        hide_index=True,
        on_change=_on_sites_edit,
        column_config={
            "name": st.column_config.TextColumn(_t("col_site_name"), max_chars=200),
            "lat": st.column_config.NumberColumn(_t("col:lat"), min_value=-90, max_value=90,
                                                 format="%.4f"),
            "lon": st.column_config.NumberColumn(_t("col:lon"), min_value=-180, max_value=180,
                                                 format="%.4f"),
            "on": st.column_config.CheckboxColumn(_t("col_site_on"), default=True),
        },  # fmt: skip
    )

    with sb.expander(_t("launch_areas"), expanded=any(
            ss.get(k) for k in ("strip_on", "front_on", "held_on", "occupied_on"))):
        st.multiselect(_t("regions"), list(region_options()), format_func=region_options().get,
                       key="area_regions", **_CUSTOM)  # fmt: skip
        st.checkbox(_t("strip_on"), key="strip_on", **_CUSTOM)
        c1, c2 = st.columns(2)
        c1.number_input(_t("width_km"), 5.0, 500.0, step=5.0, key="strip_width", **_CUSTOM)
        c2.number_input(_t("standoff_km"), 0.0, 495.0, step=5.0, key="strip_standoff",
                        **_CUSTOM)  # fmt: skip
        ua = {k: v for k, v in region_options().items() if k.startswith("UA-")}
        everywhere = _t("all_ukraine")
        st.selectbox(_t("only_within"), ["", *ua], format_func=lambda k: ua.get(k, everywhere),
                     key="strip_within", **_CUSTOM)  # fmt: skip
        st.checkbox(_t("front_on"), key="front_on", **_CUSTOM)
        c1, c2 = st.columns(2)
        c1.number_input(_t("front_width"), 5.0, 500.0, step=5.0, key="front_width", **_CUSTOM)
        c2.number_input(_t("front_standoff"), 0.0, 495.0, step=5.0, key="front_standoff",
                        **_CUSTOM)  # fmt: skip
        st.selectbox(_t("only_within"), ["", *ua], format_func=lambda k: ua.get(k, everywhere),
                     key="front_within", **_CUSTOM)  # fmt: skip
        st.checkbox(_t("held_on"), key="held_on", **_CUSTOM)
        st.checkbox(_t("occupied_on"), key="occupied_on", **_CUSTOM)
        st.caption(_t("held_caption"))
        st.file_uploader(_t("area_upload"), type=["geojson", "json", "kml"], key="area_upload",
                         on_change=_on_area_upload)  # fmt: skip
        if ss.get("other_areas"):
            off = _t("off")
            st.caption(_t("other_areas", names=", ".join(
                a.name + ("" if a.enabled else f" ({off})") for a in ss["other_areas"])))
            st.button(_t("remove_areas"), on_click=_on_clear_areas)

    with sb.expander(_t("targets_overlay")):
        st.multiselect(_t("target_layers"), list(TARGET_KINDS),
                       format_func=lambda k: _t(f"layer:{k}"), key="kinds", **_CUSTOM)  # fmt: skip
        st.file_uploader(_t("targets_upload"), type=["csv", "geojson", "json", "kml"],
                         key="targets_upload", on_change=_on_targets_upload)  # fmt: skip
        if ss.get("user_targets"):
            st.caption(_t("n_uploaded", n=f"{len(ss['user_targets']):,}"))
            st.button(_t("remove_targets"), on_click=_on_clear_targets)
        st.checkbox(_t("allowed_table"), key="allowed_table", help=_t("allowed_table_help"),
                    **_CUSTOM)  # fmt: skip
        st.multiselect(_t("allowed"), list(region_options()), format_func=region_options().get,
                       key="allowed", **_CUSTOM)  # fmt: skip
        st.multiselect(_t("focus"), list(region_options()), format_func=region_options().get,
                       key="focus", max_selections=10, **_CUSTOM)  # fmt: skip
        st.number_input(_t("min_population"), 0, 10_000_000, step=50_000,
                        key="min_population", **_CUSTOM)  # fmt: skip

    with sb.expander(_t("notes_expander")):
        st.data_editor(
            dash.note_rows(Scenario(notes=tuple(ss.get("notes", [])))),
            key=f"notes_{ss.get('notes_ver', 0)}", num_rows="dynamic", hide_index=True,
            on_change=_on_notes_edit,
        )  # fmt: skip

    sb.subheader(_t("display"))
    sb.toggle(_t("tiles"), key="tiles", help=_t("tiles_help"))


def _chip(label: str, swatch: str) -> str:
    box = ("display:inline-block;width:0.95em;height:0.95em;vertical-align:middle;"
           f"margin-right:0.35em;{swatch}")
    return (f'<span style="display:inline-block;margin:0 1.1em 0.2em 0;white-space:nowrap">'
            f'<span style="{box}"></span>{html.escape(label)}</span>')


def _legend(result: Result, lang: str) -> None:
    """Every layer drawn on the map, in the order a reader meets them."""
    t = dash.texts(lang)
    chips = [
        _chip(t["legend_reach"].format(weapon=w.weapon.name, km=dash._km_text(
            w.weapon.max_range_km, lang)), f"background:{w.color}55;border:2px solid {w.color}")
        for w in result.weapons
    ]  # fmt: skip
    if any(g.geom_type == "Point" for _, g in result.sites):
        chips.append(_chip(t["legend_launch_site"], "background:#141414;border-radius:50%;"
                                                   "border:2px solid #FFC800"))  # fmt: skip
    if any(g.geom_type != "Point" for _, g in result.sites):
        chips.append(_chip(t["legend_launch_area"], "background:#14141428;border:1.5px solid "
                                                   "#141414"))  # fmt: skip
    if result.allowed is not None and not result.allowed.is_empty:
        chips.append(_chip(t["legend_allowed"], "background:#00783C23;border:2.5px solid #006E32"))
    occupied = occupied_item(result)
    if occupied is not None:
        snap = exports.situation(result).occupied
        label = strings("MAP")[lang]["occupied"].format(
            source=snap.source.split(" via ", 1)[0], date=snap.snapshot_date.isoformat())
        chips.append(_chip(label, f"background:{occupied[1]}33"))
        chips.append(_chip(t["legend_front"], f"height:0;border-top:3px solid {occupied[1]}"))
    chips.append(_chip(t["legend_target_in"], "background:#141414;border-radius:50%"))
    chips.append(_chip(t["legend_target_other"], "background:#96969666;border-radius:50%;"
                                                 "width:0.6em;height:0.6em"))  # fmt: skip
    if "airfields" in result.scenario.target_kinds:
        chips.append(_chip(t["legend_airfield"], "border:2px solid #141414;border-radius:50%"))
    if result.scenario.notes:
        chips.append(_chip(t["legend_note"], "background:#FFF4C8;border:1px solid #786428"))
    st.markdown(f'<div data-testid="legend" style="font-size:0.88em">{"".join(chips)}</div>',
                unsafe_allow_html=True)  # fmt: skip


def _notes_list(result: Result, lang: str) -> None:
    """The notes the map shows as numbered markers, in full, with their sources."""
    notes = deck_notes(result.scenario.notes)
    if not notes:
        return
    rows = "".join(f"<li>{html.escape(n.text_in(lang))}"
                   + (f' <span style="color:#666">({html.escape(n.source)})</span>'
                      if n.source else "") + "</li>" for n in notes)  # fmt: skip
    heading = html.escape(dash.texts(lang)["notes_heading"])
    st.markdown(f'<div data-testid="notes" style="font-size:0.9em"><b>{heading}</b>'
                f'<ol style="margin-top:0.2em">{rows}</ol></div>', unsafe_allow_html=True)


def _headlines(result: Result, lang: str) -> None:
    """One sentence per weapon, above the map: the answer comes first, with
    the day it is true on (a copied sentence needs its date)."""
    if result.weapons and result.sites:
        snap = exports.situation(result).occupied
        st.caption(_t("situation", date=render.format_date(result.scenario.as_of_or_latest, lang),
                      snapshot=snap.snapshot_date.isoformat() if snap else "–"))  # fmt: skip
    for w in result.weapons if result.sites else ():
        st.markdown(
            f'<div style="border-left:6px solid {w.color};padding:0.2em 0.7em;margin:0.3em 0;'
            f'font-size:1.05em" data-testid="headline">'
            f"{html.escape(dash.headline_text(w, result, lang))}</div>",
            unsafe_allow_html=True,
        )
        if w.authorization:
            st.caption(dash.authorization_text(w, lang))


def _answers(result: Result, lang: str, key: str) -> None:
    tab_t, tab_r, tab_s = st.tabs([_t("tab_targets"), _t("tab_regions"), _t("tab_sources")])
    with tab_t:
        # By default the other side's ground of the chosen weapons: what the headline counts.
        ss = st.session_state
        sides = sorted({w.weapon.side for w in result.weapons})
        if ss.get("filter_sides") != sides:  # new sides: their other side's ground again
            ss["filter_sides"] = sides
            ss["territory_filter"] = [x for x in TERRITORY_LABELS if any(
                x in opposing_territories(s) for s in sides)] or list(TERRITORY_LABELS)
        keep = st.multiselect(_t("territory_filter"), list(TERRITORY_LABELS),
                              format_func=lambda x: _t(f"territory:{x}"), key="territory_filter",
                              help=_t("territory_help"))  # fmt: skip
        inside = st.checkbox(_t("show_inside"), key="show_inside")
        shown, n_inside = cached_targets_table(key, lang, tuple(keep), inside)
        if n_inside and not inside:
            st.caption(_t("inside_note", n=n_inside))
        population = st.column_config.NumberColumn(format="%d")
        st.dataframe(shown, hide_index=True, height=360,
                     column_config={_t("col:population"): population})  # fmt: skip
        st.download_button(_t("dl_targets"), dash.csv_bytes(shown), "strike-range-targets.csv",
                           "text/csv", key="dl_targets")  # fmt: skip
    with tab_r:
        cov = cached_regions_table(key, lang)
        st.dataframe(cov, hide_index=True, height=360)
        st.download_button(_t("dl_regions"), dash.csv_bytes(cov), "strike-range-regions.csv",
                           "text/csv", key="dl_regions")  # fmt: skip
    with tab_s:
        st.markdown(f"**{_t('ranges_label')}**: "
                    + html.escape(sources_line([w.weapon for w in result.weapons])))  # fmt: skip
        for w in result.weapons:
            for s in w.weapon.verified_sources:
                figures = ", ".join(f.replace("_", " ") for f in s.supports)
                st.markdown(f"- {html.escape(w.weapon.name)} ({html.escape(figures)}): "
                            f"[{html.escape(s.title)}]({s.url}) ({html.escape(s.publisher)}, "
                            f"{s.date}): “{html.escape(s.quote)}”")  # fmt: skip
        decisions = exports.situation(result).decisions
        if decisions:
            st.markdown(f"**{_t('decisions_label')}**:")
            for d in decisions:
                for c in d.sources:
                    st.markdown(f"- {d.decider}, {d.date.isoformat()} ({d.status}): "
                                f"[{html.escape(c.title)}]({c.url}) ({html.escape(c.publisher)}): "
                                f"“{html.escape(c.quote)}”")  # fmt: skip
        st.markdown(f"**{_t('map_data')}**: " + attribution())
        for n in result.scenario.notes:
            if n.source:
                st.markdown("- " + _t("note_source", text=n.text_in(lang), source=n.source))


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
            _flash("info", _t("already_site", name=site.name))
            return
        ss["sites"] = [*ss.get("sites", []), site]
        ss["sites_ver"] = ss.get("sites_ver", 0) + 1
        _mark_custom()
        _flash("success", _t("added_site_click", name=site.name))
        return


def _export_panel(scenario: Scenario, key: str) -> None:
    """Image and data exports, rendered from the same scenario as the map."""
    # A toggle, not an expander: an expander's body runs on every rerun, and
    # drawing the preview takes about a second.
    if not st.toggle(_t("export_toggle"), key="ex_open"):
        return
    with st.container(border=True):
        c1, c2, c3 = st.columns(3)
        sizes = list(render.SIZE_PRESETS) + list(render.PRINT_PRESETS_MM)
        size = c1.selectbox(_t("size"), sizes, key="ex_size")
        theme = c2.selectbox(_t("theme"), list(render.THEMES), key="ex_theme")
        lang = c3.selectbox(_t("export_lang"), list(LANGUAGES), key="ex_lang",
                            format_func={"en": "English", "uk": "Українська"}.get,
                            index=list(LANGUAGES).index(scenario.lang))  # fmt: skip
        credit = st.text_input(_t("credit"), _t("credit_default"), max_chars=120,
                               key="ex_credit")  # fmt: skip
        st.caption(_t("title_hint"))
        try:
            preview, warnings = cached_image(key, "png", size, theme, lang, credit)
        except RangesError as exc:
            st.error(str(exc))
            return
        for warning in warnings:  # never drop silently: say what the map leaves out
            st.warning(warning)
        st.image(preview, caption=render.alt_text(cached_result(key), lang))
        # Two buttons a row: whole labels even on a 390 px phone.
        buttons = [
            (_t("map_image", fmt=fmt.upper()),
             lambda fmt=fmt: cached_image(key, fmt, size, theme, lang, credit)[0],
             f"strike-range-{size}-{theme}.{fmt}",
             {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}[fmt],
             f"dl_img_{fmt}")
            for fmt in render.FORMATS
        ] + [
            (_t(f"format:{fmt}"), lambda fmt=fmt: cached_export(key, fmt),
             f"strike-range-{fmt}{spec.extension}", spec.mime, f"dl_{fmt}")
            for fmt, spec in exports.FORMATS.items()
        ]  # fmt: skip
        for i in range(0, len(buttons), 3):
            cols = st.columns(3)
            for col, (label, data, name, mime, bkey) in zip(cols, buttons[i:i + 3], strict=False):
                col.download_button(label, data=data, file_name=name, mime=mime, key=bkey,
                                    width="stretch")  # fmt: skip


def _title(scenario: Scenario, result: Result | None, lang: str) -> str:
    """The scenario's own title, else one made from what is on the map."""
    if scenario.title_in(lang):
        return scenario.title_in(lang)
    if result is None:
        return "Strike Range"
    from ranges.render.words import _default_title

    return _default_title(result, lang)


def _share(scenario: Scenario, query: dict[str, str], fits: bool) -> None:
    """The link or, when the scenario outgrew the address, a clear notice and the file."""
    with st.expander(_t("share"), expanded=not fits):
        if fits:
            st.caption(_t("share_caption"))
        else:
            size = len(urllib.parse.urlencode(query))
            st.warning(_t("link_too_long", size=f"{size:,}", limit=f"{MAX_URL_CHARS:,}"),
                       icon="⚠️")  # fmt: skip
        st.download_button(_t("dl_scenario"), scenario.to_json(), "strike-range-scenario.json",
                           "application/json", key="dl_scenario")  # fmt: skip
        st.file_uploader(_t("open_scenario"), type=["json"], key="scenario_upload",
                         on_change=_on_scenario_upload)  # fmt: skip
        suffix = "_uk" if scenario.lang == "uk" else ""  # each language has its own title
        st.text_input(_t("title"), key="title" + suffix, max_chars=200, help=_t("title_help"))
        st.text_input(_t("subtitle"), key="subtitle" + suffix, max_chars=200)


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
