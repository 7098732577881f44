"""Pure helpers behind the dashboard (``app.py``): option lists, table shapes,
the conversion between editable rows and the scenario model.

Nothing here imports Streamlit, so all of it is tested with plain asserts.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable, Mapping

import pandas as pd

from .catalog import SIDE_RUSSIA, SIDE_UKRAINE, Weapon
from .coords import format_latlon
from .errors import InputError
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
    "coverage_display",
    "csv_bytes",
    "user_targets_from_frame",
]

SIDES = (SIDE_UKRAINE, SIDE_RUSSIA)
LAYER_LABELS = {"cities": "Cities", "airfields": "Airfields", "places": "Places in the news"}


def weapon_options(catalog: Iterable[Weapon]) -> dict[str, dict[str, str]]:
    """Per side, weapon id -> label ("ATACMS M57 (unitary) – 300 km"), catalog order."""
    out: dict[str, dict[str, str]] = {side: {} for side in SIDES}
    for w in catalog:
        out.setdefault(w.side, {})[w.id] = w.label
    return out


def split_weapons(weapon_ids: Iterable[str], catalog: Iterable[Weapon]) -> dict[str, list[str]]:
    """The scenario's weapon ids split by side (unknown ids are dropped)."""
    side = {w.id: w.side for w in catalog}
    out: dict[str, list[str]] = {s: [] for s in SIDES}
    for wid in weapon_ids:
        if wid in side:
            out[side[wid]].append(wid)
    return out


def region_options(regions: pd.DataFrame, countries=("UKR", "RUS", "BLR")) -> dict[str, str]:
    """region_id -> "Kursk oblast (RU-KRS)" for the regions of ``countries``."""
    df = regions[regions["country"].isin(countries)].sort_values(["country", "name_en"])
    out = {}
    for rid, name, kind, country in zip(
        df["region_id"], df["name_en"], df["type"], df["country"], strict=True
    ):
        kind = str(kind or "")
        label = name if not kind or kind.lower() in name.lower() else f"{name} {kind}"
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


def targets_display(
    targets: pd.DataFrame, lang: str = "en", territories: Iterable[str] | None = None
) -> pd.DataFrame:
    """Targets in range as shown and downloaded: nearest first.

    ``territories`` keeps only rows whose ``territory`` is one of them (one
    side of the front: e.g. ``("Russia",)``); None keeps every row."""
    df = targets[targets["in_range"]].copy()
    if territories is not None and "territory" in df.columns:
        df = df[df["territory"].isin(list(territories))]
    where = df["territory"].astype(str) if "territory" in df.columns else ""
    out = pd.DataFrame({
        "name": _names(df, lang),
        "type": df["kind"].astype(str),
        "country": df["country"].fillna("").astype(str),
        "territory": where,
        "population": df["population"].astype("int64"),
        "lat": df["lat"].round(5),
        "lon": df["lon"].round(5),
        "distance_km": df["distance_km"].round(1),
        "launch": df["launch"].astype(str),
        "bearing_deg": df["bearing_deg"].round(0),
        "in_range_of": df["reached_by"].astype(str),
    })  # fmt: skip
    if "authorization" in df.columns:
        out["authorization"] = df["authorization"].astype(str)
    return out.sort_values("distance_km", kind="stable").reset_index(drop=True)


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
