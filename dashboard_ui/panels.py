"""What the page shows around the map: headlines, legend, notes, the answers'
tables and sources, the export panel and the share panel.
"""

from __future__ import annotations

import html
import urllib.parse

import streamlit as st

from dashboard_ui.callbacks import _on_scenario_upload
from dashboard_ui.resources import (
    cached_export,
    cached_image,
    cached_regions_table,
    cached_result,
    cached_targets_table,
)
from dashboard_ui.state import MAX_URL_CHARS, _t
from ranges import dashboard as dash
from ranges import exports, render
from ranges.catalog import sources_line
from ranges.deck import deck_notes, occupied_item
from ranges.errors import RangesError
from ranges.evaluate import Result
from ranges.geodata import attribution
from ranges.headline import opposing_territories
from ranges.i18n import format_km, strings, weapon_name
from ranges.scenario import LANGUAGES, Scenario
from ranges.territory import TERRITORY_LABELS


def _chip(label: str, swatch: str) -> str:
    box = ("display:inline-block;width:0.95em;height:0.95em;vertical-align:middle;"
           f"margin-right:0.35em;{swatch}")
    return (f'<span style="display:inline-block;margin:0 1.1em 0.2em 0;white-space:nowrap">'
            f'<span style="{box}"></span>{html.escape(label)}</span>')


def _legend(result: Result, lang: str) -> None:
    """Every layer drawn on the map, in the order a reader meets them."""
    t = dash.texts(lang)
    chips = [
        _chip(t["legend_reach"].format(weapon=weapon_name(w.weapon, lang), km=format_km(
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
                              format_func={x: _t(f"territory:{x}") for x in TERRITORY_LABELS}.get,
                              key="territory_filter",
                              help=_t("territory_help"))  # fmt: skip
        inside = st.checkbox(_t("show_inside"), key="show_inside")
        shown, n_inside = cached_targets_table(key, lang, tuple(keep), inside)
        if n_inside and not inside:
            st.caption(_t("inside_note", n=n_inside))
        # blank where a place has no population (a number column would say "None")
        pop = _t("col:population")
        population = st.column_config.TextColumn(alignment="right")
        # wide enough for an airfield's name with its code (Аеродром Бєлгород (UUOB))
        name = st.column_config.TextColumn(width=240)
        columns = {_t("col:name"): name, pop: population}
        view = shown.assign(**{pop: dash.population_text(shown[pop], lang)})
        st.dataframe(view, hide_index=True, height=360, column_config=columns)
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
                name = weapon_name(w.weapon, lang)
                st.markdown(f"- {html.escape(name)} ({html.escape(figures)}): "
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


def _export_panel(scenario: Scenario, key: str) -> None:
    """Image and data exports, rendered from the same scenario as the map."""
    # A toggle, not an expander: an expander's body runs on every rerun, and
    # drawing the preview takes about a second.
    if not st.toggle(_t("export_toggle"), key="ex_open"):
        return
    with st.container(border=True):
        c1, c2, c3 = st.columns(3)
        sizes = list(render.SIZE_PRESETS) + list(render.PRINT_PRESETS_MM)
        # "web@2x": the base size's name and "@2x" (twice the pixels)
        size_names = {s: _t("size:" + s.removesuffix("@2x")) + (" @2x" if s.endswith("@2x") else "")
                      for s in sizes}  # fmt: skip
        size = c1.selectbox(_t("size"), sizes, key="ex_size", format_func=size_names.get)
        theme = c2.selectbox(_t("theme"), list(render.THEMES), key="ex_theme",
                             format_func={k: _t(f"theme:{k}") for k in render.THEMES}.get)
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
