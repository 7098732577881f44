"""Pure helpers behind the dashboard (``app.py``): option lists, table shapes,
the conversion between editable rows and the scenario model.

Nothing here imports Streamlit, so all of it is tested with plain asserts.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterable, Mapping

import pandas as pd

from .catalog import SIDE_RUSSIA, SIDE_UKRAINE, Weapon
from .coords import format_latlon
from .errors import InputError
from .i18n import format_count, format_km, km_unit, strings, weapon_name
from .scenario import LIMITS, Scenario, Site, Target
from .targets import csv_safe

__all__ = [
    "SIDES",
    "LAYER_LABELS",
    "weapon_options",
    "split_weapons",
    "region_options",
    "site_rows",
    "sites_from_rows",
    "note_rows",
    "notes_from_rows",
    "targets_display",
    "inside_launch_count",
    "localized",
    "texts",
    "headline_text",
    "authorization_text",
    "coverage_display",
    "csv_bytes",
    "user_targets_from_frame",
]

SIDES = (SIDE_UKRAINE, SIDE_RUSSIA)
LAYER_LABELS = {"cities": "Cities", "airfields": "Airfields", "places": "Places in the news"}


def weapon_options(catalog: Iterable[Weapon], lang: str = "en") -> dict[str, dict[str, str]]:
    """Per side, weapon id -> label in ``lang`` ("ATACMS M57 (unitary) – 300 km",
    "ATACMS M57 (моноблочна) – 300 км"), catalog order."""
    out: dict[str, dict[str, str]] = {side: {} for side in SIDES}
    for w in catalog:
        out.setdefault(w.side, {})[w.id] = (
            f"{weapon_name(w, lang)} – {format_km(w.max_range_km, lang)} {km_unit(lang)}"
        )
    return out


def split_weapons(weapon_ids: Iterable[str], catalog: Iterable[Weapon]) -> dict[str, list[str]]:
    """The scenario's weapon ids split by side (unknown ids are dropped)."""
    side = {w.id: w.side for w in catalog}
    out: dict[str, list[str]] = {s: [] for s in SIDES}
    for wid in weapon_ids:
        if wid in side:
            out[side[wid]].append(wid)
    return out


def region_options(regions: pd.DataFrame, countries=("UKR", "RUS", "BLR"),
                   lang: str = "en") -> dict[str, str]:  # fmt: skip
    """region_id -> "Kursk oblast (RU-KRS, RUS)" ("Курська область (RU-KRS, RUS)"
    in Ukrainian, from the layer's ``name_uk``) for the regions of ``countries``,
    in the English names' order (the same order in both languages)."""
    df = regions[regions["country"].isin(countries)].sort_values(["country", "name_en"])
    out = {}
    for rid, name, uk, kind, country in zip(df["region_id"], df["name_en"], df["name_uk"],
                                            df["type"], df["country"], strict=True):  # fmt: skip
        kind = str(kind or "")
        label = name if not kind or kind.lower() in name.lower() else f"{name} {kind}"
        if lang == "uk" and str(uk or "").strip():
            label = str(uk).strip()
        out[str(rid)] = f"{label} ({rid}, {country})"
    return out


def site_rows(sites: Iterable[Site]) -> pd.DataFrame:
    """Editable table of launch sites: name, lat, lon, on."""
    rows = [{"name": s.name, "lat": s.lat, "lon": s.lon, "on": s.enabled} for s in sites]
    return pd.DataFrame(rows, columns=["name", "lat", "lon", "on"]).astype(
        {"name": object, "lat": float, "lon": float, "on": bool}
    )


def _cell(value) -> object:
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def sites_from_rows(rows: pd.DataFrame | Iterable[Mapping]) -> tuple[list[Site], list[str]]:
    """Sites from the edited table, and a message for each row left out.

    A row needs a name and a latitude and longitude in range; empty rows (a
    row just added) are skipped silently.
    """
    records = rows.to_dict("records") if isinstance(rows, pd.DataFrame) else list(rows)
    sites: list[Site] = []
    problems: list[str] = []
    for i, row in enumerate(records, start=1):
        name, lat, lon = (_cell(row.get(k)) for k in ("name", "lat", "lon"))
        on = _cell(row.get("on"))
        if name is None and lat is None and lon is None:
            continue
        name = str(name).strip() if name is not None else ""
        try:
            site = Site.from_dict(
                {"name": name or f"Site {i}", "lat": lat, "lon": lon, "enabled": on is not False},
                where=f"launch site row {i}",
            )
        except InputError as exc:
            problems.append(f"{exc} (row left out)")
            continue
        sites.append(site)
    if len(sites) > LIMITS["sites"]:
        problems.append(f"{len(sites)} launch sites; only the first {LIMITS['sites']} are used")
        sites = sites[: LIMITS["sites"]]
    return sites, problems


def note_rows(scenario: Scenario) -> pd.DataFrame:
    rows = [n.to_dict() for n in scenario.notes]
    return pd.DataFrame(rows, columns=["text", "lat", "lon", "source"]).astype(
        {"text": object, "lat": float, "lon": float, "source": object}
    )


def notes_from_rows(rows: pd.DataFrame) -> tuple[list, list[str]]:
    from .scenario import Note

    notes, problems = [], []
    for i, row in enumerate(rows.to_dict("records"), start=1):
        values = {k: _cell(row.get(k)) for k in ("text", "lat", "lon", "source")}
        if all(v is None or v == "" for v in values.values()):
            continue
        values["source"] = values["source"] or ""
        try:
            notes.append(Note.from_dict(values, where=f"note row {i}"))
        except InputError as exc:
            problems.append(f"{exc} (row left out)")
    return notes[: LIMITS["notes"]], problems


def _names(df: pd.DataFrame, lang: str) -> pd.Series:
    if lang == "uk" and "name_uk" in df.columns:
        uk = df["name_uk"].fillna("").astype(str)
        return uk.where(uk != "", df["name"].astype(str))
    return df["name"].astype(str)


#: A target this close to a launch site or inside a launch area (km) is where
#: the launch is from, not a target: its distance is 0 and it has no bearing.
INSIDE_KM = 0.05


def _one_row_per_place(df: pd.DataFrame) -> pd.DataFrame:
    """One row per place: a city that is also a place in the news (or an
    uploaded target on top of it) is the same spot, within about 100 m; the
    row with the largest population stands for it."""
    if df.empty:
        return df
    key = pd.Series(list(zip(df["lat"].round(3), df["lon"].round(3), strict=True)),
                    index=df.index)  # fmt: skip
    order = df.assign(_key=key).sort_values("population", ascending=False, kind="stable")
    keep = order.drop_duplicates("_key").index
    return df.loc[df.index.isin(keep)]


def inside_launch_count(targets: pd.DataFrame) -> int:
    """How many places in range lie at a launch site or inside a launch area
    (one per place), the rows :func:`targets_display` leaves out by default."""
    cols = ["lat", "lon", "population", "distance_km"]
    df = _one_row_per_place(targets.loc[targets["in_range"].to_numpy(bool), cols])
    return int((df["distance_km"].fillna(0.0) < INSIDE_KM).sum())


def targets_display(
    targets: pd.DataFrame,
    lang: str = "en",
    territories: Iterable[str] | None = None,
    *,
    inside: bool = False,
    scenario: Scenario | None = None,
    weapons: Iterable[Weapon] = (),
) -> pd.DataFrame:
    """Targets in range as shown and downloaded: one row per place, nearest first.

    ``scenario`` names the launch sites and areas in ``lang``
    (:meth:`Scenario.name_in`), ``weapons`` the weapons that reach each place
    (:func:`ranges.i18n.weapon_name`); without them both stay as the analysis
    reports them (English).

    ``territories`` keeps only rows whose ``territory`` is one of them (one
    side of the front: e.g. ``("Russia",)``); None keeps every row.  Places at
    a launch site or inside a launch area (distance 0, no bearing) are left out
    unless ``inside``; then their bearing is empty, never "None"."""
    # the columns shown only, before any row is taken (an Arrow-backed table's
    # row selection costs per column)
    cols = [c for c in ("name", "name_uk", "kind", "country", "territory", "population", "lat",
                        "lon", "distance_km", "launch", "bearing_deg", "reached_by",
                        "authorization") if c in targets.columns]  # fmt: skip
    df = _one_row_per_place(targets.loc[targets["in_range"].to_numpy(bool), cols])
    at_launch = df["distance_km"].fillna(0.0) < INSIDE_KM
    if not inside:
        df, at_launch = df[~at_launch], at_launch[~at_launch]
    if territories is not None and "territory" in df.columns:
        mine = df["territory"].isin(list(territories))
        df, at_launch = df[mine], at_launch[mine]
    where = df["territory"].astype(str) if "territory" in df.columns else ""
    bearing = df["bearing_deg"].round(0)
    if at_launch.any():
        bearing = bearing.astype(object).where(~at_launch, "")
    out = pd.DataFrame({
        "name": _names(df, lang),
        "type": df["kind"].astype(str),
        "country": df["country"].fillna("").astype(str),
        "territory": where,
        # none for a town in the news, an airfield or a user's target: blank, not 0
        "population": df["population"].where(df["population"] > 0).astype("Int64"),
        "lat": df["lat"].round(5),
        "lon": df["lon"].round(5),
        "distance_km": df["distance_km"].fillna(0.0).round(1),
        "launch": df["launch"].fillna("").astype(str).map(_site_names(scenario, lang)),
        "bearing_deg": bearing,
        "in_range_of": df["reached_by"].astype(str).map(_weapon_names(weapons, lang)),
    })  # fmt: skip
    if "authorization" in df.columns:
        out["authorization"] = df["authorization"].fillna("").astype(str)
    return out.sort_values("distance_km", kind="stable").reset_index(drop=True)


def population_text(values: pd.Series, lang: str = "en") -> pd.Series:
    """Populations as the dashboard's table shows them: "256,474" ("256\u202f474"
    in Ukrainian), blank where there is none (never "None" or 0), padded on the
    left with spaces to one width, so that sorting the column (a text column,
    the only kind that shows a blank) sorts the numbers; the table aligns it
    right, so the padding is not seen."""
    text = [format_count(v, lang) if pd.notna(v) and v > 0 else "" for v in values]
    width = max((len(t) for t in text), default=0)
    return pd.Series([t.rjust(width) if t else "" for t in text], index=values.index, dtype=object)


def _site_names(scenario: Scenario | None, lang: str):
    """English launch-site name -> its name in ``lang``."""
    if scenario is None:
        return lambda name: name
    return lambda name: scenario.name_in(name, lang) if name else name


def _weapon_names(weapons: Iterable[Weapon], lang: str):
    """``"; "``-joined English weapon names -> the same list in ``lang``."""
    names = {w.name: weapon_name(w, lang) for w in weapons}
    return lambda joined: "; ".join(names.get(n, n) for n in joined.split("; ")) if joined else ""


def localized(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A display table with its column names, types and territories in ``lang``
    (the DASHBOARD catalogue's ``col:``, ``kind:`` and ``territory:`` keys)."""
    t = texts(lang)
    out = df.copy()
    for col, prefix in (("type", "kind:"), ("territory", "territory:"),
                        ("authorization", "auth:")):  # fmt: skip
        if col in out.columns:
            out[col] = out[col].map(lambda v, p=prefix: t.get(p + str(v), str(v)))
    names = {c: t.get("col:" + ("bearing" if c == "bearing_deg" else c), c) for c in out.columns}
    return out.rename(columns=names)


def texts(lang: str) -> dict[str, str]:
    """The dashboard's strings in ``lang`` (English for an unknown language)."""
    table = strings("DASHBOARD")
    return table.get(lang, table["en"])


def _join(names: list[str], lang: str) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {texts(lang)['and']} " + names[-1]


def headline_text(w, result, lang: str = "en") -> str:
    """A weapon's headline in ``lang``: the English one as the analysis wrote it,
    the Ukrainian one with the same clauses (:func:`ranges.render._headline_words`)
    and the launch sites as the map names them."""
    if lang == "en" or w.numbers is None:
        return w.headline
    from . import render

    t = texts(lang)
    words = render._headline_words(w, lang)
    scenario = result.scenario
    names = [scenario.name_in(n, lang) if hasattr(scenario, "name_in") else
             render._site_label(result, n, lang) for n, _ in result.sites]  # fmt: skip
    km = format_km(w.weapon.max_range_km, lang)
    if not names:
        return t["headline_bare"].format(weapon=weapon_name(w.weapon, lang), km=km, words=words)
    # an area under its kind's default name reads "з підконтрольної Україні території"
    where = render._from_area(result, result.sites[0][0], lang) if len(names) == 1 else ""
    if where:
        return t["headline_where"].format(weapon=weapon_name(w.weapon, lang), km=km, where=where,
                                          words=words)  # fmt: skip
    # names stay as written (Ukrainian would need each in the genitive after "з")
    sites = t["n_sites"].format(n=len(names)) if len(names) > 3 else _join(names, lang)
    return t["headline_sites"].format(weapon=weapon_name(w.weapon, lang), km=km, sites=sites,
                                      words=words)  # fmt: skip


_AUTH = re.compile(
    r"^(?P<weapon>.+?): allowed and in range: (?P<air>\d[\d,]*) airfields?, "
    r"(?P<cities>\d[\d,]*) cit(?:y|ies); (?P<share>\d+%) of the reach area "
    r"\((?P<allowed>[\d,]+) of (?P<total>[\d,]+) km²\) lies where strikes are allowed"
    r"(?P<rest>.*)$",
    re.S,
)


def authorization_text(w, lang: str = "en") -> str:
    """A weapon's authorization sentence in ``lang``.  The Ukrainian one says the
    counts and shares of the English one (:mod:`ranges.evaluate` writes it) in
    Ukrainian, and each decision's summary as the table gives it in Ukrainian
    (:func:`ranges.authorizations.summary_in`)."""
    from .authorizations import summary_in

    text = w.authorization
    if lang == "en" or not text:
        return text
    m = _AUTH.match(text)
    if m is None:
        return summary_in(text, lang)
    from . import render

    def num(key: str) -> str:
        return m[key].replace(",", "\u202f")

    sentence = texts(lang)["auth"].format(
        weapon=weapon_name(w.weapon, lang),
        airfields=render._count_text(int(m["air"].replace(",", "")), "airfield", lang),
        cities=render._count_text(int(m["cities"].replace(",", "")), "city", lang),
        share=m["share"], allowed=num("allowed"), total=num("total"),
    )  # fmt: skip
    return sentence + summary_in(m["rest"], lang)


def coverage_display(coverage: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Regions covered, one row per region and weapon, largest share first."""
    if coverage.empty:
        return pd.DataFrame(
            columns=["region", "region_id", "country", "status", "weapon", "covered_km2",
                     "covered_pct"]  # fmt: skip
        )
    names = coverage["region"].astype(str)
    if lang == "uk":
        uk = coverage["name_uk"].fillna("").astype(str)
        names = uk.where(uk != "", names)
    out = pd.DataFrame({
        "region": names,
        "region_id": coverage["region_id"],
        "country": coverage["country"],
        "status": coverage["status"].fillna("").astype(str),
        "weapon": coverage["weapon"],
        "covered_km2": coverage["covered_km2"].round(0),
        "covered_pct": coverage["covered_pct"].round(1),
    })  # fmt: skip
    return out.sort_values(["covered_pct", "covered_km2"], ascending=False).reset_index(drop=True)


def csv_bytes(df: pd.DataFrame) -> bytes:
    """UTF-8 CSV (with BOM, so Excel reads Cyrillic) with every text cell made
    safe against formula injection."""
    safe = df.copy()
    for col in safe.columns:
        if safe[col].dtype == object or pd.api.types.is_string_dtype(safe[col]):
            safe[col] = safe[col].map(csv_safe)
    buf = io.StringIO()
    safe.to_csv(buf, index=False)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def user_targets_from_frame(df: pd.DataFrame, source: str) -> list[Target]:
    """Targets from :func:`ranges.targets.read_targets` output (name, lon, lat)."""
    if len(df) > LIMITS["user_targets"]:
        raise InputError(
            f"{source}: {len(df):,} targets; a scenario holds at most "
            f"{LIMITS['user_targets']:,} (split the list or filter it)"
        )
    out = []
    for i, (name, lat, lon) in enumerate(zip(df["name"], df["lat"], df["lon"], strict=True)):
        out.append(Target.from_dict(
            {"name": str(name) if str(name).strip() else f"Target {i + 1}",
             "lat": float(lat), "lon": float(lon)},
            where=f"{source} row {i + 1}",
        ))  # fmt: skip
    return out


def describe_site(site: Site) -> str:
    return f"{site.name} ({format_latlon(site.lon, site.lat)})"
