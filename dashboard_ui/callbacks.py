"""The widgets' callbacks.  Streamlit runs them before the script body, so they
may set widget state; errors become messages on the page (``_flash``).
"""

from __future__ import annotations

import json

import shapely
import streamlit as st

from dashboard_ui.resources import catalog, gazetteer, quick_places, region_options
from dashboard_ui.state import _flash, _load_scenario, _mark_custom, _max_upload_mb, _t
from ranges import dashboard as dash
from ranges.errors import RangesError
from ranges.geojson_io import merge_features
from ranges.presets import PRESETS
from ranges.scenario import Area, Scenario, Site, check_color, scenario_from_json
from ranges.spec import resolve_spec
from ranges.targets import parse_targets, read_features


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


#: Widgets whose option labels are in the page's language.  Streamlit's browser
#: side keeps showing a chosen option's old label after the labels change (it
#: holds the label, not the value), so the language switch hands each one its
#: value again, which makes Streamlit send it to the browser anew.
LANGUAGE_LABELLED = ("preset", "w_ua", "w_ru", "strip_within", "front_within", "kinds",
                     "territory_filter", "ex_size", "ex_theme")


def _on_lang() -> None:
    ss = st.session_state
    for key in LANGUAGE_LABELLED:
        if key in ss:
            ss[key] = ss[key]


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
    _add_site(ss, Site(spec.name, spec.geometry.y, spec.geometry.x))


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
        _flash("success", _t("added_area_region",
                               name=region_options(ss.get("lang", "en"))[rid]))
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
        feats = read_features(up.getvalue(), up.name, max_bytes=_max_upload_mb() * 1_000_000)
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
        df = parse_targets(up.getvalue(), up.name, max_bytes=_max_upload_mb() * 1_000_000)
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
        if _add_site(ss, site):
            _flash("success", _t("added_site_click", name=site.name))
        return


def _add_site(ss, site: Site) -> bool:
    """Add a launch site unless one is already at that point (then say so)."""
    if any((s.lat, s.lon) == (site.lat, site.lon) for s in ss.get("sites", [])):
        _flash("info", _t("already_site", name=site.name))
        return False
    ss["sites"] = [*ss.get("sites", []), site]
    ss["sites_ver"] = ss.get("sites_ver", 0) + 1
    _mark_custom()
    return True
