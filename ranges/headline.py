"""Headlines: one sentence per weapon that counts what is in range on the
other side's ground.

For Ukraine's and partners' weapons the sentence counts Russia, then occupied
Ukraine and Belarus in clauses of their own; for Russia's and North Korea's,
Ukrainian-held territory (:data:`HEADLINE_TERRITORIES`).  A target's side comes
from its ``territory`` column (:func:`ranges.territory.classify` as of the
scenario's date).  :func:`filter_territory` keeps one side of a target table.
Split out of :mod:`ranges.analysis`, which re-exports every public name.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .catalog import SIDE_RUSSIA, SIDE_UKRAINE
from .errors import InputError, UnknownNameError
from .territory import BELARUS, HELD, OCCUPIED, OTHER, RUSSIA, TERRITORY_LABELS

if TYPE_CHECKING:  # pandas loads only where a table is given (the CLI's fast path has none)
    import pandas as pd

#: Region types a headline names by the region's name alone ("40% of Sevastopol").
_CITY_TYPES = frozenset(
    {"city", "federal city", "republican city", "capital city", "independent city"}
)

__all__ = [
    "Headline",
    "headline",
    "HEADLINE_TERRITORIES",
    "opposing_territories",
    "territory_label",
    "filter_territory",
    "territory_set",
    "tally",
    "human_number",
]


# --------------------------------------------------------------------------
# Headline
# --------------------------------------------------------------------------
def human_number(value: float) -> str:
    """Round a count for a headline: ``5.2 million``, ``830,000``, ``12,400``, ``950``.

    Counts below 1,000 are exact; up to a million, three significant figures
    with thousands separators; above, millions with one decimal (billions
    likewise).

    Examples
    --------
    >>> [human_number(v) for v in (5_213_000, 834_512, 12_412, 950, 1_000_000, 24_600_000)]
    ['5.2 million', '835,000', '12,400', '950', '1 million', '24.6 million']
    """
    value = float(value)
    if not math.isfinite(value):
        raise InputError(f"value must be finite, got {value}")
    sign = "-" if value < 0 else ""
    value = abs(value)
    if value < 1000:
        return f"{sign}{round(value):,}"
    rounded = float(f"{value:.3g}")
    if rounded < 1e6:
        return f"{sign}{int(rounded):,}"
    for scale, word in ((1e9, "billion"), (1e6, "million")):
        if value >= scale * 0.9995 or scale == 1e6:
            text = f"{value / scale:.1f}".removesuffix(".0")
            return f"{sign}{text} {word}"
    raise AssertionError("unreachable")  # pragma: no cover


def _km(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _pct(value: float) -> str:
    if value >= 99.95:
        return "100%"
    if value >= 1.0:
        return f"{min(math.floor(value + 0.5), 99)}%"
    return f"{value:.1f}%" if value >= 0.05 else "<0.1%"


def _plural(n: int, one: str, many: str) -> str:
    return f"no {many}" if n == 0 else f"{n:,} {one if n == 1 else many}"


def _region_phrase(name: str, rtype: str = "") -> str:
    """``"Kursk region"`` for an oblast, ``"Sevastopol"`` for a city, a name
    that says what it is as it is (``"Krasnodar Krai"``)."""
    if str(rtype).strip().lower() in _CITY_TYPES:
        return name
    words = ("republic", "region", "oblast", "krai", "city", "okrug")
    return name if any(w in name.lower() for w in words) else f"{name} region"


def _count_in_range(df) -> pd.DataFrame:
    if df is None:
        import pandas as pd

        return pd.DataFrame()
    if "in_range" in df.columns:
        return df[df["in_range"].astype(bool)]
    return df


def _people(cities: pd.DataFrame) -> int:
    if "population" not in cities.columns or not len(cities):
        return 0
    import pandas as pd

    return int(pd.to_numeric(cities["population"], errors="coerce").fillna(0).sum())


# --------------------------------------------------------------------------
# Sides and territories
# --------------------------------------------------------------------------

#: Per side of the war (:attr:`ranges.catalog.Weapon.side`), the territories a
#: headline counts, one clause each, in order: the other side's ground first.
#: Ukraine's and its partners' weapons count Russia, then occupied Ukraine, then
#: Belarus (a clause only when a target there is in range); Russia's and North
#: Korea's count Ukrainian-held territory.  Belarus is left out for them: a
#: clause on Russia's ally would read as if it were a target.
HEADLINE_TERRITORIES: dict[str, tuple[str, ...]] = {
    SIDE_UKRAINE: (RUSSIA, OCCUPIED, BELARUS),
    SIDE_RUSSIA: (HELD,),
}

# How a clause names its territory.
_CLAUSE = {
    RUSSIA: "in Russia",
    OCCUPIED: "in occupied Ukraine",
    BELARUS: "in Belarus",
    HELD: "in Ukrainian-held territory",
    OTHER: "elsewhere",
}

# Short names a user may type for a territory (any case), besides the labels.
_TERRITORY_ALIASES = {
    "held": HELD, "ukraine-held": HELD, "ukrainian-held": HELD, "ukraine held": HELD,
    "occupied": OCCUPIED, "occupied ukraine": OCCUPIED, "ukraine-occupied": OCCUPIED,
    "russia": RUSSIA, "belarus": BELARUS, "other": OTHER,
}  # fmt: skip


def opposing_territories(side: str) -> tuple[str, ...]:
    """The territories a weapon of ``side`` is aimed at (:data:`HEADLINE_TERRITORIES`).

    Examples
    --------
    >>> opposing_territories("Russia and North Korea")
    ('Ukraine (held)',)
    """
    try:
        return HEADLINE_TERRITORIES[side]
    except (KeyError, TypeError):
        raise InputError(
            f"side {side!r} is not one of {', '.join(map(repr, HEADLINE_TERRITORIES))}"
        ) from None


def territory_label(name: str, where: str = "territory") -> str:
    """The label of :data:`ranges.territory.TERRITORY_LABELS` that ``name`` means.

    Accepts a label in any case (``"ukraine (occupied)"``) or a short name:
    ``held``, ``occupied``, ``russia``, ``belarus``, ``other``.

    Raises
    ------
    ranges.errors.UnknownNameError
        Naming ``where``, the value and the accepted names.
    """
    key = " ".join(str(name).split()).casefold()
    for label in TERRITORY_LABELS:
        if key == label.casefold():
            return label
    if key in _TERRITORY_ALIASES:
        return _TERRITORY_ALIASES[key]
    known = [*TERRITORY_LABELS, *_TERRITORY_ALIASES]
    raise UnknownNameError(
        f"{where} {name!r} is not a territory; use one of "
        f"{', '.join(repr(t) for t in TERRITORY_LABELS)} (or held, occupied, russia, belarus, "
        "other)",
        difflib.get_close_matches(str(name), known, n=3, cutoff=0.5),
    )


def filter_territory(df: pd.DataFrame, territories, *, where: str = "territory") -> pd.DataFrame:
    """The rows of a target table in some territories (e.g. one side of the front).

    Parameters
    ----------
    df : pandas.DataFrame
        A table with a ``territory`` column, e.g. :attr:`ranges.evaluate.Result.targets`.
    territories : str or iterable of str
        Territory labels or short names (see :func:`territory_label`); pass
        :func:`opposing_territories` of a weapon's side to keep the other side.
    where : str
        Named in error messages, e.g. ``"--territory"``.

    Returns
    -------
    pandas.DataFrame
        The rows whose ``territory`` is one of ``territories`` (index kept).

    Raises
    ------
    ranges.errors.InputError
        ``df`` has no ``territory`` column, or a name is not a territory.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"name": ["Kursk", "Sumy"], "territory": ["Russia", "Ukraine (held)"]})
    >>> filter_territory(t, "russia")["name"].tolist()
    ['Kursk']
    """
    import pandas as pd

    if not isinstance(df, pd.DataFrame) or "territory" not in df.columns:
        raise InputError(f"{where}: the table has no 'territory' column to filter on")
    return df[df["territory"].isin(territory_set(territories, where))]


def territory_set(territories, where: str = "territory") -> set[str]:
    """The labels (:func:`territory_label`) of one name or an iterable of names.

    Raises
    ------
    ranges.errors.InputError
        No name given, or a name is not a territory (``where`` named)."""
    names = [territories] if isinstance(territories, str) else list(territories)
    if not names:
        raise InputError(f"{where}: no territory given")
    return {territory_label(n, where) for n in names}


def _isna(value) -> bool:
    """``pandas.isna`` of one cell, without pandas: None, NaN, ``pd.NA``, ``NaT``."""
    if value is None:
        return True
    if type(value).__name__ in ("NAType", "NaTType"):
        return True
    try:
        return value != value  # NaN (float, numpy floats)
    except (TypeError, ValueError):
        return False


def _region_territory(country, status) -> str:
    """The territory a whole region lies in, or "" where one cannot say: an
    oblast of Ukraine may straddle the front line."""
    country = "" if _isna(country) else str(country)
    if country == "RUS":
        return RUSSIA
    if country == "BLR":
        return BELARUS
    if country == "UKR" and not _isna(status) and str(status).strip():
        return OCCUPIED  # Crimea and Sevastopol: occupied since 2014
    return ""


def _tally(cities: pd.DataFrame, airfields: pd.DataFrame) -> tuple[tuple[str, int, int, int], ...]:
    """(territory, airfields, cities, population) for every territory label."""
    import pandas as pd

    def where(df):
        return df["territory"].to_numpy(dtype=object) if len(df) else np.empty(0, dtype=object)

    people = np.zeros(len(cities))
    if "population" in cities.columns and len(cities):
        people = pd.to_numeric(cities["population"], errors="coerce").fillna(0).to_numpy()
    return tally(where(cities), people, where(airfields))


def tally(city_territory, city_population, airfield_territory
          ) -> tuple[tuple[str, int, int, int], ...]:  # fmt: skip
    """(territory, airfields, cities, population) in range for every territory
    label, from the in-range cities' territories and populations and the
    in-range airfields' territories (arrays; no pandas)."""
    city_territory = np.asarray(city_territory, dtype=object)
    city_population = np.asarray(city_population)
    airfield_territory = np.asarray(airfield_territory, dtype=object)
    out = []
    for label in TERRITORY_LABELS:
        c = city_territory == label
        n_air = int(np.count_nonzero(airfield_territory == label))
        out.append((label, n_air, int(np.count_nonzero(c)), int(city_population[c].sum())))
    return tuple(out)


@dataclass(frozen=True)
class Headline:
    """The numbers behind a one-sentence caption, and the sentence (:attr:`text`).

    Attributes
    ----------
    weapon_label : str
        Weapon name as shown, e.g. ``"ATACMS M57 (unitary)"``.
    max_km : float
        Range in kilometres.
    site_names : tuple of str
        Launch site names.
    airfields, cities : int
        Airfields and cities in range: in the first of :attr:`territories`
        (the other side's ground: Russia for Ukraine's weapons,
        Ukrainian-held territory for Russia's) or, without territories, all.
    population : int
        Total population of those cities.
    regions : tuple of (str, float)
        Focus regions covered: display name and covered percentage.
    region_types : tuple of str
        The ``type`` of each of :attr:`regions` (``"oblast"``, ``"city"``...),
        ``""`` where unknown; a city is quoted by its name alone.  Empty when
        the coverage table has no ``type`` column.
    side : str
        :data:`ranges.catalog.SIDE_UKRAINE` or :data:`~ranges.catalog.SIDE_RUSSIA`,
        ``""`` when the headline does not take sides (the targets carry no
        territory).
    territories : tuple of str
        The clauses of the sentence (:data:`HEADLINE_TERRITORIES` of
        :attr:`side`); empty without a side.
    by_territory : tuple of (str, int, int, int)
        ``(territory, airfields, cities, population)`` in range, for every
        label of :data:`ranges.territory.TERRITORY_LABELS`; empty when the
        targets carry no ``territory``.
    region_territories : tuple of str
        The territory each of :attr:`regions` wholly lies in (``""`` where
        none: an oblast of Ukraine may straddle the front line); such a
        region is quoted in its territory's clause, the others at the end.
    """

    weapon_label: str
    max_km: float
    site_names: tuple[str, ...]
    airfields: int
    cities: int
    population: int
    regions: tuple[tuple[str, float], ...] = ()
    region_types: tuple[str, ...] = ()
    side: str = ""
    territories: tuple[str, ...] = ()
    by_territory: tuple[tuple[str, int, int, int], ...] = ()
    region_territories: tuple[str, ...] = ()

    @classmethod
    def from_tables(
        cls,
        weapon_label: str,
        max_km: float,
        site_names: Sequence[str],
        cities_df: pd.DataFrame | None,
        airfields_df: pd.DataFrame | None,
        coverage_df: pd.DataFrame | None,
        focus_regions: Sequence[str] = ("RU-KRS",),
        side: str | None = None,
    ) -> Headline:
        """Count the rows of :func:`targets_in_range` and look the focus regions
        up in a :func:`region_coverage` table (see :func:`headline`).

        With a ``territory`` column in the target tables (see
        :func:`ranges.evaluate.target_table`) every count is also kept per
        territory, and with a ``side`` the sentence counts the other side's
        ground, one clause per territory of :data:`HEADLINE_TERRITORIES`."""
        cities = _count_in_range(cities_df)
        airfields = _count_in_range(airfields_df)
        focus = []
        if coverage_df is not None and len(coverage_df) and focus_regions:
            table = coverage_df.set_index("region_id")
            for rid in focus_regions:
                if rid in table.index:
                    row = table.loc[rid]
                    if row.ndim == 2:  # a region id listed twice: its first row
                        row = row.iloc[0]
                    rtype = row["type"] if "type" in table.columns else ""
                    focus.append((row["region"], row["covered_pct"], rtype,
                                  row.get("country"), row.get("status")))  # fmt: skip
        # (no rows at all: zero everywhere, which is true on every side)
        classified = all(df.empty or "territory" in df.columns for df in (cities, airfields))
        by_territory = _tally(cities, airfields) if classified else ()
        return cls.from_counts(
            weapon_label, max_km, site_names, by_territory if classified else None,
            (len(airfields), len(cities), _people(cities)), focus, side,
        )  # fmt: skip

    @classmethod
    def from_counts(
        cls,
        weapon_label: str,
        max_km: float,
        site_names: Sequence[str],
        by_territory: tuple[tuple[str, int, int, int], ...] | None,
        totals: tuple[int, int, int],
        focus: Sequence[tuple],
        side: str | None = None,
    ) -> Headline:
        """The headline of counts already made, without pandas (the command
        line's fast path; :meth:`from_tables` counts its tables and calls this).

        ``by_territory``: ``(territory, airfields, cities, population)`` in
        range for every label of :data:`ranges.territory.TERRITORY_LABELS`, or
        None when the targets carry no territory; ``totals``: ``(airfields,
        cities, population)`` in range over all; ``focus``: per focus region
        found in the coverage, in the order asked, ``(name, covered_pct, type,
        country, status)``."""
        if isinstance(site_names, str):
            site_names = [site_names]
        classified = by_territory is not None
        by_territory = tuple(by_territory) if classified else ()
        regions = [(str(name), float(pct)) for name, pct, *_ in focus]
        types = ["" if _isna(rtype) else str(rtype) for _, _, rtype, *_ in focus]
        places = [_region_territory(country, status) for *_, country, status in focus]
        territories = ()
        if side is not None:
            territories = opposing_territories(side)
            if not classified:
                raise InputError(
                    f"headline for side {side!r}: the target tables need a 'territory' column "
                    "(see ranges.evaluate.target_table)"
                )
            first = dict((t, (a, c, p)) for t, a, c, p in by_territory)[territories[0]]
            n_air, n_cities, population = first
        else:
            n_air, n_cities, population = totals
        return cls(
            weapon_label=str(weapon_label),
            max_km=float(max_km),
            site_names=tuple(str(s) for s in site_names),
            airfields=n_air,
            cities=n_cities,
            population=population,
            regions=tuple(regions),
            region_types=tuple(types) if any(types) else (),
            side=side or "",
            territories=territories,
            by_territory=by_territory,
            region_territories=tuple(places) if territories else (),
        )

    @property
    def territory_counts(self) -> dict[str, dict[str, int]]:
        """``{territory: {"airfields", "cities", "population"}}`` for every
        territory label (empty when the targets carried no territory)."""
        return {
            t: {"airfields": a, "cities": c, "population": p} for t, a, c, p in self.by_territory
        }

    def _region_parts(self, territory: str | None) -> list[str]:
        """Focus regions quoted in ``territory``'s clause (None: those no
        clause takes)."""
        types = self.region_types + ("",) * (len(self.regions) - len(self.region_types))
        homes = self.region_territories + ("",) * (len(self.regions) - len(self.region_territories))
        out = []
        for (name, pct), rtype, home in zip(self.regions, types, homes, strict=True):
            mine = home not in self.territories if territory is None else home == territory
            if mine:
                out.append(f"{_pct(pct)} of {_region_phrase(name, rtype)}")
        return out

    @property
    def text(self) -> str:
        """The caption, e.g. ``"ATACMS M57 (unitary) (300 km) from Sumy: in Russia
        9 airfields, 47 cities with 4.5 million people, 100% of Kursk region"``."""
        label = self.weapon_label
        km = f"{_km(self.max_km)} km"
        head = label if label.endswith(km) else f"{label} ({km})"
        sites = self.site_names
        if not sites:
            where = ""
        elif len(sites) <= 3:
            where = " from " + (
                sites[0] if len(sites) == 1 else ", ".join(sites[:-1]) + " and " + sites[-1]
            )
        else:
            where = f" from {len(sites)} launch sites"
        if not self.territories:
            parts = [_targets_phrase(self.airfields, self.cities, self.population, full=True)]
            parts.extend(self._region_parts(None))
            return f"{head}{where}: " + ", ".join(parts)
        counts = self.territory_counts
        clauses = []
        for territory in self.territories:
            c = counts[territory]
            parts = [_targets_phrase(c["airfields"], c["cities"], c["population"], full=False)]
            parts = [p for p in parts if p] + self._region_parts(territory)
            if parts:
                clauses.append((territory, parts))
        first = self.territories[0]
        if not clauses or clauses[0][0] == first:
            # The first clause says "no airfields" and "no cities" outright,
            # unless it has nothing to say and another clause does (a launch
            # from Kherson: "in occupied Ukraine ...", not "in Russia no ...").
            c = counts[first]
            full = _targets_phrase(c["airfields"], c["cities"], c["population"], full=True)
            clauses[:1] = [(first, [full, *self._region_parts(first)])]
        text = ["; ".join(f"{_CLAUSE[t]} " + ", ".join(parts) for t, parts in clauses)]
        rest = self._region_parts(None)
        if rest:
            text.append(", ".join(rest))
        return f"{head}{where}: " + "; ".join(text)

    def to_dict(self) -> dict:
        """The headline as JSON-ready data: the sentence and every count, per
        territory too (``by_territory``: ``{territory: {"airfields", "cities",
        "population"}}``)."""
        types = self.region_types or ("",) * len(self.regions)
        homes = self.region_territories or ("",) * len(self.regions)
        return {
            "text": self.text,
            "max_range_km": self.max_km,
            "launch_sites": list(self.site_names),
            "side": self.side,
            "territories": list(self.territories),
            "airfields": self.airfields,
            "cities": self.cities,
            "population": self.population,
            "by_territory": self.territory_counts,
            "regions": [
                {"region": name, "type": rtype, "covered_pct": round(pct, 2), "territory": home}
                for (name, pct), rtype, home in zip(self.regions, types, homes, strict=True)
            ],
        }

    def __str__(self) -> str:
        return self.text


def _targets_phrase(airfields: int, cities: int, population: int, *, full: bool) -> str:
    """``"9 airfields, 47 cities with 4.5 million people"``; with ``full``
    False the zero counts are left out (and "" when both are zero)."""
    parts = []
    if full or airfields:
        parts.append(_plural(airfields, "airfield", "airfields"))
    if full or cities:
        text = _plural(cities, "city", "cities")
        if cities:
            text += f" with {human_number(population)} people"
        parts.append(text)
    return ", ".join(parts)


def headline(
    weapon_label: str,
    max_km: float,
    site_names: Sequence[str],
    cities_df: pd.DataFrame | None,
    airfields_df: pd.DataFrame | None,
    coverage_df: pd.DataFrame | None,
    focus_regions: Sequence[str] = ("RU-KRS",),
    side: str | None = None,
) -> str:
    """One-sentence caption: weapon, range, sites, what is in range.

    Parameters
    ----------
    weapon_label : str
        Weapon name, e.g. ``Weapon.name``; `` (300 km)`` is appended unless
        the label already ends with the range.
    max_km : float
        Range in kilometres.
    site_names : sequence of str
        Launch sites: up to three are named ("from Sumy and Kharkiv"), more
        are counted ("from 5 launch sites").
    cities_df, airfields_df : pandas.DataFrame or None
        Output of :func:`targets_in_range` for cities (with ``population``)
        and airfields; with an ``in_range`` column only rows in range count.
        A ``territory`` column (labels of
        :data:`ranges.territory.TERRITORY_LABELS`) lets the caption take sides.
    coverage_df : pandas.DataFrame or None
        Output of :func:`region_coverage`; supplies the focus regions' names,
        percentages and, if it has a ``type`` column, types (a city reads
        "40% of Sevastopol", anything else "100% of Kursk region"; a focus
        region absent from it is left out).
    focus_regions : sequence of str, default ("RU-KRS",)
        ``region_id`` of the regions to quote.
    side : str, optional
        The weapon's side (:attr:`ranges.catalog.Weapon.side`).  The caption
        then counts the other side's ground: for Ukraine's and its partners'
        weapons "in Russia ...; in occupied Ukraine ...; in Belarus ..." (the
        last two only when something there is in range), for Russia's and
        North Korea's "in Ukrainian-held territory ...".  A focus region that
        lies wholly in one of those territories is quoted in its clause, the
        others at the end.  Needs the ``territory`` column.

    Examples
    --------
    >>> import pandas as pd
    >>> cities = pd.DataFrame({"population": [440_000, 4_760_000]})
    >>> air = pd.DataFrame({"icao": ["UUOK"]})
    >>> cov = pd.DataFrame({"region_id": ["RU-KRS"], "region": ["Kursk"],
    ...                     "covered_pct": [100.0]})
    >>> headline("ATACMS M57 (unitary)", 300, ["Sumy"], cities, air, cov)
    'ATACMS M57 (unitary) (300 km) from Sumy: 1 airfield, 2 cities with 5.2 million people, 100% of Kursk region'
    >>> cities["territory"] = ["Russia", "Ukraine (held)"]
    >>> air["territory"] = ["Russia"]
    >>> cov["country"], cov["status"] = "RUS", ""
    >>> headline("ATACMS M57 (unitary)", 300, ["Sumy"], cities, air, cov,
    ...          side="Ukraine and partners")
    'ATACMS M57 (unitary) (300 km) from Sumy: in Russia 1 airfield, 1 city with 440,000 people, 100% of Kursk region'
    """  # noqa: E501
    return Headline.from_tables(
        weapon_label, max_km, site_names, cities_df, airfields_df, coverage_df, focus_regions,
        side=side,
    ).text  # fmt: skip
