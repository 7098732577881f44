"""The sidebar: every control that makes the scenario.
"""

from __future__ import annotations

import html

import streamlit as st

from dashboard_ui.callbacks import (
    _on_add_coords,
    _on_add_place,
    _on_area_upload,
    _on_clear_areas,
    _on_clear_targets,
    _on_color,
    _on_lang,
    _on_notes_edit,
    _on_preset,
    _on_reset_colors,
    _on_sites_edit,
    _on_targets_upload,
)
from dashboard_ui.resources import catalog, quick_places, region_options
from dashboard_ui.state import _CUSTOM, CUSTOM, _t
from ranges import dashboard as dash
from ranges.i18n import weapon_name
from ranges.presets import PRESETS
from ranges.scenario import LANGUAGES, PALETTE, TARGET_KINDS, Scenario, weapon_colors
from ranges.territory import coverage as territory_coverage


def _preset_title(pid: str) -> str:
    """A preset's title in the page's language (English where it has no other)."""
    return PRESETS[pid].title_in(st.session_state.get("lang", "en"))


def _swatches(chosen: list[str], colors: dict[str, str]) -> str:
    """CSS giving each chosen weapon's chip in the sidebar its map colour (the
    chips are found by their label; the swatch row below says the same)."""
    lang = st.session_state.get("lang", "en")
    labels = {wid: label for side in dash.weapon_options(catalog(), lang).values()
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
    lang = ss.get("lang", "en")
    sb.title("Strike Range")
    sb.radio(_t("language"), list(LANGUAGES), format_func={"en": "English", "uk": "Українська"}.get,
             key="lang", horizontal=True, on_change=_on_lang)  # fmt: skip
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
    options = dash.weapon_options(catalog(), lang)
    for side, key in zip(dash.SIDES, ("w_ua", "w_ru"), strict=True):
        sb.multiselect(_t(f"side:{side}"), list(options[side]), format_func=options[side].get,
                       key=key, placeholder=_t("choose_weapons"), **_CUSTOM)  # fmt: skip
    chosen = list(dict.fromkeys([*ss.get("w_ua", []), *ss.get("w_ru", [])]))
    if chosen and len(chosen) <= len(PALETTE):
        colors = weapon_colors(chosen, ss.get("colors", {}))
        names = {w.id: weapon_name(w, lang) for w in catalog()}
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
        st.multiselect(_t("regions"), list(region_options()), format_func=region_options(lang).get,
                       key="area_regions", **_CUSTOM)  # fmt: skip
        st.checkbox(_t("strip_on"), key="strip_on", **_CUSTOM)
        c1, c2 = st.columns(2)
        c1.number_input(_t("width_km"), 5.0, 500.0, step=5.0, key="strip_width", **_CUSTOM)
        c2.number_input(_t("standoff_km"), 0.0, 495.0, step=5.0, key="strip_standoff",
                        **_CUSTOM)  # fmt: skip
        ua = {k: v for k, v in region_options(lang).items() if k.startswith("UA-")}
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
                       format_func={k: _t(f"layer:{k}") for k in TARGET_KINDS}.get,
                       key="kinds", **_CUSTOM)  # fmt: skip
        st.file_uploader(_t("targets_upload"), type=["csv", "geojson", "json", "kml"],
                         key="targets_upload", on_change=_on_targets_upload)  # fmt: skip
        if ss.get("user_targets"):
            st.caption(_t("n_uploaded", n=f"{len(ss['user_targets']):,}"))
            st.button(_t("remove_targets"), on_click=_on_clear_targets)
        st.checkbox(_t("allowed_table"), key="allowed_table", help=_t("allowed_table_help"),
                    **_CUSTOM)  # fmt: skip
        st.multiselect(_t("allowed"), list(region_options()), format_func=region_options(lang).get,
                       key="allowed", **_CUSTOM)  # fmt: skip
        st.multiselect(_t("focus"), list(region_options()), format_func=region_options(lang).get,
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
