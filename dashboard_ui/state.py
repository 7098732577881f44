"""Session state <-> scenario: loading a scenario into the widgets, reading one
back out, the page's first run (the link or the default preset).
"""

from __future__ import annotations

import datetime

import streamlit as st

from dashboard_ui.resources import catalog, gazetteer, region_options
from ranges import dashboard as dash
from ranges.errors import RangesError
from ranges.presets import DEFAULT_PRESET, PRESETS
from ranges.scenario import TARGET_KINDS, Area, Scenario, Site, from_query
from ranges.spec import resolve_spec
from ranges.territory import coverage as territory_coverage

CUSTOM = "custom"
#: The longest page address the app writes (characters).  RFC 9110 asks every
#: client and server for at least 8,000 octets; IE and old proxies stopped near
#: 2,048, and chat apps cut long links, so 8,000 is what "works everywhere" means.
MAX_URL_CHARS = 8_000


def _max_upload_mb() -> int:
    """Streamlit's upload size (`server.maxUploadSize` in .streamlit/config.toml,
    `--server.maxUploadSize`, or the environment variable
    STREAMLIT_SERVER_MAX_UPLOAD_SIZE), which the readers then enforce with a
    message naming the file: one setting for both limits."""
    return int(st.get_option("server.maxUploadSize"))


def _t(key: str, **fields) -> str:
    """The dashboard's string ``key`` in the page's language (ranges.i18n DASHBOARD)."""
    text = dash.texts(st.session_state.get("lang", "en"))[key]
    return text.format(**fields) if fields else text


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



def _first_run() -> None:
    ss = st.session_state
    # The title boxes show one language at a time; Streamlit forgets a widget's
    # value in a run that does not draw it, so each run hands the four their
    # values again (the other language's title survives the switch).
    for key in _TITLE_KEYS:
        if key in ss:
            ss[key] = ss[key]
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


def _phone() -> bool:
    """Whether the browser says it is a phone (its User-Agent, as sites use it to
    pick a mobile layout; the server cannot see the screen's width)."""
    try:
        agent = st.context.headers.get("User-Agent", "") or ""
    except Exception:  # noqa: BLE001 - no request (AppTest): a desktop
        return False
    return "Mobi" in agent or "Android" in agent or "iPhone" in agent
