"""Evaluate a scenario: launch geometries, reach areas, targets, coverage, headlines.

:func:`evaluate` turns a :class:`ranges.scenario.Scenario` into a
:class:`Result` that the dashboard, the static renderer and the data exports
all draw from.  The expensive steps (``reach``, border strips) are passed in
as functions so that callers can cache them on plain values.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import GeometryCollection, Point, shape
from shapely.geometry.base import BaseGeometry

from . import analysis, launch_areas, territory
from .catalog import SIDE_UKRAINE, Weapon, get_weapon, load_catalog
from .errors import InputError
from .geodesy import reach as _reach
from .scenario import (
    DATED_AREA_KINDS,
    Area,
    Scenario,
    ScenarioError,
    default_as_of,
    weapon_colors,
)
from .targets import shipped_targets
from .territory import TerritoryDateError

__all__ = [
    "WeaponResult",
    "Result",
    "launch_geometries",
    "target_table",
    "located_targets",
    "add_territory",
    "allowed_regions",
    "evaluate",
    "LAYER_NAMES",
]

#: Display names of the target layers.
LAYER_NAMES = {"cities": "city", "airfields": "airfield", "places": "place", "user": "user target"}

ReachFn = Callable[[BaseGeometry, float, float], BaseGeometry]
AreaFn = Callable[[Area, str], BaseGeometry]

#: Targets farther than this from every launch site get no distance (NaN):
#: they are off any map the scenario draws, and exact distances to launch
#: areas cost ~30 µs per target.
NEAR_KM_MIN = 400.0
NEAR_FACTOR = 1.5


@dataclass(frozen=True, eq=False)
class WeaponResult:
    """One weapon's answers.

    Attributes
    ----------
    weapon : Weapon
    color : str
        ``#RRGGBB`` from :data:`ranges.scenario.PALETTE`.
    area : shapely geometry
        Reach area (lon/lat), empty when there is no launch site.
    coverage : pandas.DataFrame
        :func:`ranges.analysis.region_coverage` of the area.
    headline : str
        The one-sentence caption: what is in range on the other side's ground
        (see :func:`ranges.analysis.headline`).
    in_range : numpy.ndarray of bool
        Per row of :attr:`Result.targets`.
    authorization : str
        A sentence on the authorized part ("" without an overlay).
    allowed_km2, not_allowed_km2 : float
        Geodesic areas of the reach inside and outside the allowed regions.
    """

    weapon: Weapon
    color: str
    area: BaseGeometry
    coverage: pd.DataFrame
    headline: str
    in_range: np.ndarray
    authorization: str = ""
    allowed_km2: float = 0.0
    not_allowed_km2: float = 0.0
    #: The numbers behind :attr:`headline`, per territory too.
    numbers: analysis.Headline | None = None


@dataclass(frozen=True, eq=False)
class Result:
    """Everything drawn from a scenario.

    Attributes
    ----------
    scenario : Scenario
    sites : list of (name, geometry)
        Active launch points and areas.
    weapons : tuple of WeaponResult
        In legend order.
    targets : pandas.DataFrame
        Every target of the chosen layers: ``name``, ``name_uk``, ``layer``,
        ``kind``, ``country``, ``territory`` (as of the scenario's date),
        ``population``, ``lon``, ``lat``, ``distance_km`` and
        ``launch`` and ``bearing_deg`` (nearest launch site), ``in_range``
        (any weapon), ``reached_by`` (weapon names), and with an overlay
        ``authorized`` / ``authorization``.
    allowed : shapely geometry or None
        Union of the allowed regions.
    """

    scenario: Scenario
    sites: list
    weapons: tuple[WeaponResult, ...]
    targets: pd.DataFrame
    allowed: BaseGeometry | None

    @property
    def targets_in_range(self) -> pd.DataFrame:
        return self.targets[self.targets["in_range"]].reset_index(drop=True)

    @property
    def coverage(self) -> pd.DataFrame:
        """Regions covered by any weapon: the largest share per region."""
        frames = [w.coverage.assign(weapon=w.weapon.name) for w in self.weapons]
        frames = [f for f in frames if len(f)]
        if not frames:
            return pd.DataFrame(columns=[*analysis.COVERAGE_COLUMNS, "weapon"])
        table = pd.concat(frames, ignore_index=True)
        return table.sort_values(["region_id", "covered_km2"], ascending=[True, False]).reset_index(
            drop=True
        )


def area_geometry(area: Area, geodata, as_of: str = "") -> BaseGeometry:
    """The lon/lat geometry of a launch area (region, border or front strip,
    held or occupied ground, upload); the strips and held or occupied ground
    as of ``as_of`` (ISO date; ``""``: the newest data)."""
    if area.kind == "region":
        hit = geodata.regions[geodata.regions["region_id"] == area.region_id]
        if hit.empty:
            raise ScenarioError(
                f"launch area {area.name!r}: region_id {area.region_id!r} is not in the regions "
                "layer (data/regions.fgb)"
            )
        return hit.geometry.iloc[0]
    if area.kind in DATED_AREA_KINDS:
        day = as_of or default_as_of()
        within = None
        if area.within:
            hit = geodata.regions[geodata.regions["region_id"] == area.within]
            if hit.empty:
                raise ScenarioError(
                    f"launch area {area.name!r}: within={area.within!r} is not a region_id"
                )
            within = hit.geometry.iloc[0]
        try:
            if area.kind == "held":
                return launch_areas.held_territory(geodata, day)
            if area.kind == "occupied":
                return launch_areas.occupied_territory(geodata, day)
            strip = launch_areas.border_strip if area.kind == "border-strip" else (
                launch_areas.front_strip)  # fmt: skip
            return strip(geodata, width_km=area.width_km, standoff_km=area.standoff_km,
                         within=within, as_of=day)  # fmt: skip
        except TerritoryDateError:
            raise
        except InputError as exc:
            where = f" within {area.within}" if area.within else ""
            raise ScenarioError(f"launch area {area.name!r}{where}: {exc}") from None
    geom = shape(json.loads(area.geometry))
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
    return geom


def _allowances(scenario: Scenario) -> dict:
    """What the public decisions allowed each of the scenario's weapons on its
    date (:func:`ranges.authorizations.allowed_as_of`), when the scenario takes
    its overlay from the table; else empty."""
    if not scenario.allowed_from_table or not scenario.weapons:
        return {}
    from .authorizations import allowed_as_of

    return allowed_as_of(scenario.as_of_or_latest, scenario.weapons)


def allowed_regions(scenario: Scenario, allowances: dict | None = None) -> tuple[str, ...]:
    """The regions of the authorization overlay: the scenario's own
    ``allowed_regions`` and, with ``allowed_from_table``, every region the
    decisions in effect on its date allow for one of its weapons."""
    out = list(scenario.allowed_regions)
    if allowances is None:
        allowances = _allowances(scenario)
    for allowance in allowances.values():
        out += [r for r in allowance.regions if r not in out]
    return tuple(out)


def launch_geometries(
    scenario: Scenario, geodata, *, area_fn: AreaFn | None = None
) -> list[tuple[str, BaseGeometry]]:
    """Active launch sites and areas as ``(name, lon/lat geometry)``, names unique.

    ``area_fn(area, as_of)`` builds an area's geometry (default
    :func:`area_geometry`); ``as_of`` is the scenario's date for the areas that
    follow the front (:data:`ranges.scenario.DATED_AREA_KINDS`), else ``""``.
    Pass a cached wrapper."""
    area_fn = area_fn or (lambda a, day: area_geometry(a, geodata, day))
    day = scenario.as_of_or_latest
    out: list[tuple[str, BaseGeometry]] = []
    seen: dict[str, int] = {}
    items = [(s.name, Point(s.lon, s.lat)) for s in scenario.active_sites]
    # only the areas that follow the front depend on the date (and key caches on it)
    items += [(a.name, area_fn(a, day if a.kind in DATED_AREA_KINDS else ""))
              for a in scenario.active_areas]  # fmt: skip
    for name, geom in items:
        if geom.is_empty:
            continue
        seen[name] = seen.get(name, 0) + 1
        out.append((name if seen[name] == 1 else f"{name} ({seen[name]})", geom))
    return out


_TARGET_COLUMNS = [
    "name", "name_uk", "layer", "kind", "country", "territory", "population", "lon", "lat",
]  # fmt: skip


def target_table(scenario: Scenario, geodata) -> pd.DataFrame:
    """The targets a scenario analyses, one frame with :data:`_TARGET_COLUMNS`
    (a new frame: the caller may add columns).

    ``country`` (ISO 3166-1 alpha-3) and ``territory`` (one of
    :data:`ranges.territory.TERRITORY_LABELS`) say where each target lies on
    the scenario's date (:func:`ranges.territory.classify`): Crimea and
    Sevastopol are ``"Ukraine (occupied)"`` with country ``UKR``.

    Raises
    ------
    ranges.territory.TerritoryDateError
        The date is outside the occupied-territory data.
    """
    as_of = scenario.as_of_or_latest
    table = located_targets(geodata, tuple(scenario.target_kinds), as_of)
    if not scenario.user_targets:
        return table
    user = pd.DataFrame({
        "name": [t.name for t in scenario.user_targets],
        "name_uk": "",
        "layer": "user",
        "kind": "user target",
        "population": 0,
        "lon": [t.lon for t in scenario.user_targets],
        "lat": [t.lat for t in scenario.user_targets],
    })  # fmt: skip
    user = add_territory(user, as_of, geodata)
    if table.empty:
        return user[_TARGET_COLUMNS]
    return pd.concat([table, user], ignore_index=True)[_TARGET_COLUMNS]


def located_targets(geodata, kinds, as_of) -> pd.DataFrame:
    """The shipped targets of ``kinds`` with ``country`` and ``territory`` on ``as_of``.

    Parameters
    ----------
    geodata : ranges.geodata.GeoData
    kinds : str or sequence of str
        ``"cities"``, ``"airfields"``, ``"places"``.
    as_of : str or datetime.date
        The date (see :func:`ranges.territory.snapshot_date`).

    Returns
    -------
    pandas.DataFrame
        A new frame with :data:`_TARGET_COLUMNS`; the territories are
        computed once per GeoData, kinds and snapshot date.

    Raises
    ------
    ranges.territory.TerritoryDateError
        The date is outside the occupied-territory data.
    """
    kinds = (kinds,) if isinstance(kinds, str) else tuple(kinds)
    table = _shipped_table(geodata, kinds).copy()
    snapshot = territory.snapshot_date(as_of)
    if len(table):
        country, where = _shipped_territory(geodata, kinds, snapshot)
        table["country"], table["territory"] = country.copy(), where.copy()
    return table


def add_territory(df: pd.DataFrame, as_of, geodata) -> pd.DataFrame:
    """A copy of a target table with ``country`` and ``territory`` on ``as_of``.

    Parameters
    ----------
    df : pandas.DataFrame
        Targets with ``lon`` and ``lat`` (degrees).  A ``country`` column
        (ISO alpha-3, e.g. the shipped layers') is trusted where it is not
        empty: see :func:`_locate`.
    as_of : str or datetime.date
        The date (see :func:`ranges.territory.snapshot_date`).
    geodata : ranges.geodata.GeoData

    Raises
    ------
    ranges.territory.TerritoryDateError
        The date is outside the occupied-territory data.
    """
    out = df.copy()
    known = out["country"].fillna("").astype(str).to_numpy(object) if "country" in out else None
    country, where = _locate(out["lon"].to_numpy(float), out["lat"].to_numpy(float),
                             known, as_of, geodata)  # fmt: skip
    out["country"], out["territory"] = country, where
    return out


_COUNTRY_TERRITORY = {"RUS": territory.RUSSIA, "BLR": territory.BELARUS}


def _locate(lon, lat, known, as_of, geodata) -> tuple[np.ndarray, np.ndarray]:
    """Country and territory per point: :func:`ranges.territory.classify`,
    except where ``known`` (a country per point, "" if unknown) says otherwise.

    The countries layer is simplified to 1 km, so a town on a border river
    can fall on the wrong side (Narva, Estonia, lands in Russia; Gorizia,
    Italy, in Slovenia); GeoNames' and airportsdata's country for the point
    itself is right there.  Such a point's territory follows its country; one
    in Ukraine that the layer leaves outside (the Kerch bridge, at sea) is on
    the nearer side of the front, held or occupied, by geodesic distance."""
    country, where = territory.classify(lon, lat, as_of, geodata)
    country, where = np.array(country, dtype=object), np.array(where, dtype=object)
    if known is None:
        return country, where
    known = np.asarray(known, dtype=object)
    fix = np.flatnonzero((known != "") & (known != country))
    if fix.size == 0:
        return country, where
    country[fix] = known[fix]
    where[fix] = [_COUNTRY_TERRITORY.get(c, territory.OTHER) for c in known[fix]]
    ukr = fix[known[fix] == "UKR"]
    if ukr.size:
        sides = [territory.held(as_of, geodata), territory.occupied(as_of)]
        dist = np.column_stack([_distance_m(lon[ukr], lat[ukr], s.geometry) for s in sides])
        where[ukr] = np.where(dist[:, 0] < dist[:, 1], territory.HELD, territory.OCCUPIED)
    return country, where


def _distance_m(lon, lat, geom) -> np.ndarray:
    """Geodesic distance (m) from points to the point of ``geom`` nearest in lon/lat."""
    from .geodesy import GEOD

    if geom.is_empty:
        return np.full(len(lon), np.inf)
    pts = shapely.points(lon, lat)
    ends = shapely.get_coordinates(shapely.shortest_line(pts, geom))[1::2]
    return np.asarray(GEOD.inv(lon, lat, ends[:, 0], ends[:, 1])[2])


def _target_index():
    from .target_index import shipped

    return shipped()


def _shipped_index(geodata):
    """The precomputed index (``data/targets.npz``) when ``geodata`` is the
    shipped layers as read and the index is fresh, else None."""
    from .geodata import is_shipped

    return _target_index() if is_shipped(geodata) else None


def _index_for(geodata, kinds):
    """:func:`_shipped_index` when it holds the target layers ``kinds``."""
    if not kinds or not set(kinds) <= {"cities", "airfields", "places"}:
        return None
    return _shipped_index(geodata)


def _region_km2(geodata):
    """The regions' geodesic areas from the precomputed index when ``geodata``
    is the shipped layers as read (same values: a test checks), else None."""
    index = _shipped_index(geodata)
    return None if index is None else index["region_km2"]


@functools.lru_cache(maxsize=16)
def _shipped_territory(geodata, kinds: tuple[str, ...], snapshot) -> tuple[np.ndarray, np.ndarray]:
    """``country`` and ``territory`` of :func:`_shipped_table`'s rows on the
    date of occupied-territory snapshot ``snapshot``: every date that falls
    back on the same snapshot shares one answer.  Read-only arrays.  From the
    precomputed index for the shipped layers (the same answers: a test checks)."""
    index = _index_for(geodata, kinds)
    if index is not None:
        country, where = index.located(kinds, snapshot)
    else:
        table = _shipped_table(geodata, kinds)
        country, where = _locate(table["lon"].to_numpy(float), table["lat"].to_numpy(float),
                                 table["country"].fillna("").astype(str).to_numpy(object),
                                 snapshot, geodata)  # fmt: skip
    country.flags.writeable = where.flags.writeable = False
    return country, where


@functools.lru_cache(maxsize=8)
def _shipped_table(geodata, kinds: tuple[str, ...]) -> pd.DataFrame:
    """The shipped layers' part of :func:`target_table`, built once per
    GeoData (hashed by identity) and choice of layers; never mutated.  For
    the shipped layers as read, from the precomputed index without reading
    the layers (the same frame: a test checks)."""
    index = _index_for(geodata, kinds)
    if index is not None:
        return pd.DataFrame(index.table(kinds))[_TARGET_COLUMNS]
    frames = []
    for kind in kinds:
        df = shipped_targets(geodata, kind)
        layer = {"cities": geodata.cities, "airfields": geodata.airfields,
                 "places": geodata.places}[kind]  # fmt: skip
        df["layer"] = kind
        df["name_uk"] = (
            layer["name_uk"].fillna("").to_numpy() if "name_uk" in layer.columns else ""
        )
        df["country"] = layer["country"].to_numpy() if "country" in layer.columns else ""
        df["territory"] = ""  # depends on the date: filled in by target_table
        if "population" not in df.columns:
            df["population"] = 0
        frames.append(df)
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in _TARGET_COLUMNS})
    table = pd.concat(frames, ignore_index=True)[_TARGET_COLUMNS]
    table["population"] = table["population"].fillna(0).astype("int64")
    return table


def _touching_groups(geoms: list[BaseGeometry]) -> list[BaseGeometry]:
    """Launch geometries grouped into sets that touch one another.

    :func:`ranges.geodesy.reach` treats each connected launch component on its
    own (its buffer minus the places too close to all of it) and joins the
    results, so the reach of all sites is the union of the reaches of these
    groups; computing (and caching) them one by one lets a new launch site cost
    only its own reach."""
    parent = list(range(len(geoms)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(geoms)):
        for j in range(i + 1, len(geoms)):
            if find(i) != find(j) and geoms[i].intersects(geoms[j]):
                parent[find(j)] = find(i)
    members: dict[int, list[BaseGeometry]] = {}
    for i, g in enumerate(geoms):
        members.setdefault(find(i), []).append(g)
    return [m[0] if len(m) == 1 else GeometryCollection(m) for m in members.values()]


def _union_reach(groups, reach_fn: ReachFn, max_km: float, min_km: float) -> BaseGeometry:
    parts = [reach_fn(g, max_km, min_km) for g in groups]
    if len(parts) == 1:
        return parts[0]
    return shapely.union_all([p for p in parts if not p.is_empty], grid_size=None)


def _near(sites, targets: pd.DataFrame, limit_km: float) -> np.ndarray:
    """Row positions of targets that may lie within ``limit_km`` of a site.

    A cheap bound: a target farther than ``limit_km`` plus a site's radius
    (centroid to farthest vertex) from the site's centroid is farther than
    ``limit_km`` from all of the site."""
    from .geodesy import GEOD

    lon = targets["lon"].to_numpy(float)
    lat = targets["lat"].to_numpy(float)
    keep = np.zeros(len(targets), dtype=bool)
    for _, geom in sites:
        c = geom.centroid
        xy = shapely.get_coordinates(geom)
        _, _, r = GEOD.inv(np.full(len(xy), c.x), np.full(len(xy), c.y), xy[:, 0], xy[:, 1])
        _, _, d = GEOD.inv(np.full(lon.size, c.x), np.full(lon.size, c.y), lon, lat)
        keep |= d <= (limit_km * 1000.0 + float(np.max(r)) + 1000.0)
    return np.flatnonzero(keep)


def _in_range(sites, targets: pd.DataFrame, near: np.ndarray, weapon: Weapon) -> np.ndarray:
    """Per target: can ``weapon`` reach it from some launch site?

    ``targets["distance_km"]`` already holds the exact distance to the nearest
    site for the ``near`` rows (the others are beyond every range).  Where it
    is at least the minimum range, it answers the question.  A target closer
    than that to the nearest site may still be reached from another site, or
    from the far side of a launch area: :func:`ranges.analysis.targets_in_range`
    decides for those few."""
    in_range = np.zeros(len(targets), dtype=bool)
    if near.size == 0:
        return in_range
    dist = targets["distance_km"].to_numpy(float)[near]
    in_range[near] = (dist >= weapon.min_range_km) & (dist <= weapon.max_range_km)
    close = near[dist < weapon.min_range_km]
    if close.size:
        # include_all: these few are all near, so no bounding box is needed
        hits = analysis.targets_in_range(
            sites, targets.iloc[close][["lon", "lat"]], weapon.max_range_km,
            min_km=weapon.min_range_km, include_all=True,
        )  # fmt: skip
        hits = hits[hits["in_range"]]
        in_range[targets.index.get_indexer(hits.index)] = True
    return in_range


def _plural(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def _count(df: pd.DataFrame, layer: str) -> int:
    return int((df["layer"] == layer).sum())


def evaluate(
    scenario: Scenario,
    geodata,
    catalog=None,
    *,
    reach_fn: ReachFn | None = None,
    area_fn: AreaFn | None = None,
    coverage_fn: Callable[[BaseGeometry], pd.DataFrame] | None = None,
) -> Result:
    """Compute every answer a scenario asks for.

    Parameters
    ----------
    scenario : Scenario
    geodata : ranges.geodata.GeoData
    catalog : sequence of Weapon, optional
        Defaults to the shipped catalog.
    reach_fn : callable(geometry, max_km, min_km) -> geometry, optional
        Defaults to :func:`ranges.geodesy.reach`; pass a cached wrapper.
    area_fn : callable(Area) -> geometry, optional
        Launch area builder; defaults to :func:`area_geometry`.
    coverage_fn : callable(geometry) -> DataFrame, optional
        Region coverage of a reach area; defaults to
        :func:`ranges.analysis.region_coverage` over ``geodata.regions``.

    Raises
    ------
    ranges.scenario.ScenarioError
        A weapon id or region id the data do not know.
    """
    catalog = tuple(catalog) if catalog is not None else load_catalog()
    scenario.check_weapons(catalog)
    weapons = [get_weapon(w, catalog) for w in scenario.weapons]
    colors = weapon_colors(scenario.weapons, dict(scenario.colors))
    reach_fn = reach_fn or (lambda g, mx, mn: _reach(g, mx, min_km=mn))
    sites = launch_geometries(scenario, geodata, area_fn=area_fn)
    km2 = _region_km2(geodata)
    coverage_fn = coverage_fn or (
        lambda a: analysis.region_coverage(a, geodata.regions, region_km2=km2)
    )
    targets = target_table(scenario, geodata)
    allowances = _allowances(scenario)
    regions = allowed_regions(scenario, allowances)
    allowed = None
    if regions:
        try:
            allowed = analysis.allowed_area(geodata.regions, regions)
        except InputError as exc:
            raise ScenarioError(f"scenario.allowed_regions: {exc}") from None

    n = len(targets)
    targets["distance_km"] = np.nan
    targets["launch"] = ""
    targets["bearing_deg"] = np.nan
    near = np.empty(0, dtype=int)
    if sites and n:
        longest = max((w.max_range_km for w in weapons), default=0.0)
        near = _near(sites, targets, max(NEAR_FACTOR * longest, NEAR_KM_MIN))
        if near.size:
            dist, site_idx, az = analysis.nearest_launch(
                sites, targets["lon"].to_numpy(float)[near], targets["lat"].to_numpy(float)[near]
            )
            targets.loc[near, "distance_km"] = dist
            targets.loc[near, "launch"] = np.asarray([s[0] for s in sites], dtype=object)[site_idx]
            targets.loc[near, "bearing_deg"] = az

    groups = _touching_groups([g for _, g in sites])
    reached_by = [[] for _ in range(n)]
    any_in = np.zeros(n, dtype=bool)
    results = []
    site_names = [s[0] for s in sites]
    for w in weapons:
        if sites:
            area = _union_reach(groups, reach_fn, w.max_range_km, w.min_range_km)
            in_range = _in_range(sites, targets, near, w)
            coverage = coverage_fn(area)
        else:
            area = shapely.Polygon()
            in_range = np.zeros(n, dtype=bool)
            coverage = analysis.region_coverage(area, geodata.regions, region_km2=km2)
        any_in |= in_range
        for i in np.flatnonzero(in_range):
            reached_by[i].append(w.name)
        hit = targets[in_range]
        numbers = analysis.Headline.from_tables(
            w.name, w.max_range_km, site_names,
            hit[hit["layer"] == "cities"], hit[hit["layer"] == "airfields"], coverage,
            scenario.focus_regions, side=w.side,
        )  # fmt: skip
        auth, allowed_km2, not_allowed_km2 = "", 0.0, 0.0
        allowance = allowances.get(w.id)
        # With the table, each weapon has its own overlay: what its decisions
        # allowed that day, plus the regions the user added.
        mine = allowed
        if allowance is not None:
            own = [*scenario.allowed_regions,
                   *(r for r in allowance.regions if r not in scenario.allowed_regions)]
            if not own:
                mine = None
            elif set(own) != set(regions):  # the overlay's union is this weapon's already
                mine = analysis.allowed_area(geodata.regions, own)
            if mine is None and w.side == SIDE_UKRAINE:
                # no whole region allowed: say what the table does say (a
                # described zone, a restriction, or no decision yet)
                auth = f"{w.name}: {allowance.summary}"
        if mine is not None:
            split = analysis.coverage_by_authorization(area, mine)
            allowed_km2, not_allowed_km2 = split["allowed_km2"], split["not_allowed_km2"]
            inside = hit
            if len(hit):
                inside = hit[shapely.intersects_xy(mine, hit["lon"], hit["lat"])]
            total = allowed_km2 + not_allowed_km2
            share = f"{100 * allowed_km2 / total:.0f}%" if total > 0 else "0%"
            auth = (
                f"{w.name}: allowed and in range: "
                f"{_plural(_count(inside, 'airfields'), 'airfield', 'airfields')}, "
                f"{_plural(_count(inside, 'cities'), 'city', 'cities')}; {share} of the reach area "
                f"({allowed_km2:,.0f} of {total:,.0f} km²) lies where strikes are allowed"
            )
            if allowance is not None and allowance.allowed:
                auth += f" ({allowance.summary})"
        results.append(
            WeaponResult(w, colors[w.id], area, coverage, numbers.text, in_range, auth,
                         allowed_km2, not_allowed_km2, numbers)  # fmt: skip
        )
    targets["in_range"] = any_in
    targets["reached_by"] = ["; ".join(r) for r in reached_by]
    if allowed is not None:
        targets = analysis.split_by_authorization(targets, allowed)
    return Result(scenario, sites, tuple(results), targets, allowed)
