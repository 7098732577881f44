"""Targets on the map (points by relevance) and label decluttering."""

from __future__ import annotations

import difflib
import math

import numpy as np
import pandas as pd
import pydeck as pdk

from .primitives import _marker_layer, _marker_size
from .style import _S
from .view import View, _screen_px

#: How near two labels of one name are one place (degrees): a region's label
#: sits anywhere in the region; a town's two entries (news place and city,
#: perhaps spelt two ways: Орел, Орьол) within a few kilometres.
_SAME_REGION_DEG = 1.5
_SAME_TOWN_DEG = 0.05


def _spellings() -> dict[str, int]:
    from ..gazetteer import ALIASES

    return {name.casefold(): i for i, group in enumerate(ALIASES) for name in group}


_SPELLINGS = _spellings()


def _same_name(a: str, b: str, similar: bool = False) -> bool:
    """One name: equal but for case, two spellings the gazetteer knows (ORYOL,
    Orel) unless one extends the other (Dnipro, DNIPROPETROVSK oblast), or with
    ``similar`` alike enough (Орел, Орьол)."""
    a, b = a.casefold(), b.casefold()
    if a == b:
        return True
    if a in _SPELLINGS and _SPELLINGS[a] == _SPELLINGS.get(b):
        return not (a.startswith(b) or b.startswith(a))
    return similar and difflib.SequenceMatcher(None, a, b).ratio() >= 0.6


def _near(p, q, deg: float) -> bool:
    return abs(p[0] - q[0]) < deg and abs(p[1] - q[1]) < deg


def _one_per_place(rows: list[dict], reserved=()) -> list[dict]:
    """One label per place, best first.

    A region or country named like a town near it (KURSK, Kursk; the Minsk
    city region, Minsk oblast and the city) is named once: by the town when
    the town matters to the story (a launch site, a target in range, a place
    in the news: rank below 4), else by the region.  Two regions of one name
    (a capital city region inside its oblast) give one label, and so do two
    entries of one town (a place in the news and a city, perhaps spelt two
    ways)."""
    rows = sorted(rows, key=lambda r: r["rank"])
    areal = [r for r in rows if r.get("kind") in ("region", "country")]
    points = [r for r in rows if r.get("kind") not in ("region", "country")]
    story = [(r["position"], r["text"]) for r in points if r["rank"][0] < 4]
    story += [(pos, name) for pos, name, *_ in reserved]
    keep_areal: list[dict] = []
    for r in areal:
        # (distance first: it is cheap, and rules out almost every pair)
        if any(_near(r["position"], o["position"], _SAME_REGION_DEG)
               and _same_name(r["text"], o["text"]) for o in keep_areal) or any(
                _near(r["position"], pos, _SAME_REGION_DEG) and _same_name(r["text"], name)
                for pos, name in story):  # fmt: skip
            continue
        keep_areal.append(r)
    keep_points: list[dict] = []
    for r in points:
        if any(_near(r["position"], o["position"], _SAME_REGION_DEG)
               and _same_name(r["text"], o["text"]) for o in keep_areal) or any(
                _near(r["position"], o["position"], _SAME_TOWN_DEG)
                and _same_name(r["text"], o["text"], similar=True)
                for o in keep_points):  # fmt: skip
            continue
        keep_points.append(r)
    return sorted(keep_areal + keep_points, key=lambda r: r["rank"])


def _bottom(row: dict) -> float:
    """Where a label's box ends below its point (px), as it is drawn (deck.gl
    centres text on its point plus its offset): a region's or country's name
    on its point, a target's 12 px above it (offset ``[0, -12]``)."""
    half = (1.2 * row["size"] + 2) / 2
    return half if row.get("kind") in ("region", "country") else -12 + half


def _declutter(rows: list[dict], view: View, reserved=(),
               frame: tuple[float, float] | None = None) -> list[dict]:
    """Labels that do not collide at the opening zoom, best first.

    Boxes are estimated in screen pixels (Web Mercator at ``view.zoom``):
    about 0.6 em per character wide and 1.2 em high, centred above the point.
    Places and user targets go before cities, larger cities before smaller.
    A target's label that has no room above its point tries below, right and
    left (its row then carries that ``offset`` in pixels) before it is left
    out, so a note's marker or a neighbour does not hide Kursk.  Each place is
    named once (:func:`_one_per_place`).  With ``frame`` (the map's width and
    height in pixels, centred on the view) a label must fit inside the map: one
    that would run off its edge ("Kursk Nuclear Power Pl") tries its other
    places or is left out.
    """
    px = _screen_px(view)
    placed: list[tuple[float, float, float, float]] = []
    if frame is not None:
        cx, cy = px(view.lon, view.lat)
        edge = (cx - frame[0] / 2 + 2, cy - frame[1] / 2 + 2, cx + frame[0] / 2 - 2,
                cy + frame[1] / 2 - 2)  # fmt: skip

    def box(position, text: str, size: float, dy: float) -> tuple[float, float, float, float]:
        x, y = px(*position)
        w, h = 0.6 * size * len(text) + 4, 1.2 * size + 2
        return x - w / 2, y + dy - h, x + w / 2, y + dy

    def free(b) -> bool:
        if frame is not None and not (edge[0] <= b[0] and b[2] <= edge[2]
                                      and edge[1] <= b[1] and b[3] <= edge[3]):  # fmt: skip
            return False
        return all(b[2] < o[0] or b[0] > o[2] or b[3] < o[1] or b[1] > o[3] for o in placed)

    for position, name, size, *dy in reserved:
        # dy: the box's bottom; unless given, a launch label's, drawn centred 16 px below
        placed.append(box(position, name, size, dy[0] if dy else 16 + (1.2 * size + 2) / 2))
    def around(position, text: str, size: float):
        """(pixel offset of the text's centre, its box): below, right, left."""
        x, y = px(*position)
        w, h = 0.6 * size * len(text) + 4, 1.2 * size + 2
        for dx, dy in ((0.0, 8 + h / 2), (8 + w / 2, 0.0), (-8 - w / 2, 0.0)):
            yield [dx, dy], (x + dx - w / 2, y + dy - h / 2, x + dx + w / 2, y + dy + h / 2)

    out = []
    for row in _one_per_place(rows, reserved):
        keep = {k: v for k, v in row.items() if k not in ("rank", "dy")}
        b = box(row["position"], row["text"], row["size"], _bottom(row))
        if free(b):
            placed.append(b)
            out.append(keep if row.get("kind") in ("region", "country")
                       else dict(keep, offset=[0, -12]))  # fmt: skip
            continue
        if row.get("kind") == "country":
            continue
        if row.get("kind") == "region":  # up or down by one to three lines, in the region
            x, y = px(*row["position"])
            lon, lat = row["position"]
            per_deg = abs(px(lon, lat + 0.1)[1] - y) / 0.1 or 1.0  # pixels a degree north
            size = row["size"]
            for shift in (k * 1.8 * size for k in (-1, 1, -2, 2, -3, 3)):
                moved = [lon, lat - shift / per_deg]  # screen y grows southwards
                b = box(moved, row["text"], size, _bottom(row))
                if free(b):
                    placed.append(b)
                    out.append(dict(keep, position=moved))
                    break
            continue
        for offset, b in around(row["position"], row["text"], row["size"]):
            if free(b):
                placed.append(b)
                out.append(dict(keep, offset=offset))
                break
    return out


#: Cities of the other side in range get a dot sized by population; the rest of
#: the map's places are drawn small and grey, in metres, so they only show once
#: the reader zooms in (about 2 px at zoom 7), and small ones are not sent.
_OTHER_MIN_POPULATION = 50_000


_OTHER_RADIUS_M = 1_500


def _relevant(result, targets: pd.DataFrame) -> np.ndarray:
    """Targets the story is about: in range and on ground the other side of a
    chosen weapon's owner (what the headline counts)."""
    from ..headline import opposing_territories

    inside = targets["in_range"].to_numpy(bool)
    if "territory" not in targets.columns or not result.weapons:
        return inside
    other = set()
    for w in result.weapons:
        other.update(opposing_territories(w.weapon.side))
    return inside & targets["territory"].isin(sorted(other)).to_numpy(bool)


def _tooltips(df: pd.DataFrame, names: pd.Series, inside: np.ndarray) -> pd.Series:
    pop = df["population"].to_numpy("int64")
    dist = df["distance_km"].to_numpy(float)
    tip = names + " (" + df["kind"].astype(str) + ")"
    pops = pd.Series(pop, index=df.index).map("{:,}".format)
    tip = tip.where(pop == 0, tip + ", pop. " + pops)
    far = pd.Series(dist, index=df.index).map(
        lambda d: f"\n{d:,.0f} km from " if math.isfinite(d) and d > 0.05 else ""
    )
    tip = tip + far + df["launch"].astype(str).where(far != "", "")
    status = ("\nIn range of: " + df["reached_by"].astype(str)).where(inside, "\nOut of range")
    if "authorization" in df.columns:
        status = status.where(~inside, status + "\n" + df["authorization"].astype(str))
    return tip + status


def _target_layers(result, lang: str, t: dict) -> tuple[list[pdk.Layer], list[dict]]:
    """Point layers of the targets and their label candidates.

    ``targets-cities``, ``targets-airfields``, ``targets-places`` and
    ``targets-user`` hold what the story is about (:func:`_relevant`, plus the
    places in the news and the user's own targets); ``targets-other`` holds the
    rest, subdued.  Only targets within 1.5x the longest range (at least
    400 km) of a launch site go to the browser."""
    targets = result.targets
    longest = max((w.weapon.max_range_km for w in result.weapons), default=0.0)
    targets = targets[targets["distance_km"].fillna(np.inf) <= max(1.5 * longest, 400.0)]
    if targets.empty:
        return [], []
    relevant = _relevant(result, targets)
    names = targets["name"].astype(str)
    # A Ukrainian map labels a shipped city only by a Ukrainian name (its marker
    # and tooltip stay): no Latin word among Cyrillic labels (data/README.md).
    nameable = np.ones(len(targets), bool)
    if lang == "uk":
        uk = targets["name_uk"].fillna("").astype(str)
        names = uk.where(uk != "", names)
        nameable = ((uk != "") | (targets["layer"].astype(str) != "cities")).to_numpy()
    layer = targets["layer"].astype(str).to_numpy()
    pop = targets["population"].to_numpy("int64")
    inside = targets["in_range"].to_numpy(bool)
    story = relevant | np.isin(layer, ["places", "user"])
    other = ~story & (layer == "cities") & (pop >= _OTHER_MIN_POPULATION)
    positions = np.round(targets[["lon", "lat"]].to_numpy(float), 4).tolist()
    tips = _tooltips(targets, names, inside).tolist()
    name_list = names.tolist()
    layers, labels = [], []
    for kind, radius in (("cities", 4), ("airfields", 5), ("places", 5), ("user", 5)):
        idx = np.flatnonzero(story & (layer == kind))
        if not len(idx):
            continue
        ink = t["text"] + [235]
        records = [
            {"position": positions[i], "name": name_list[i], "tooltip": tips[i],
             "fill": ink if relevant[i] else t["muted"] + [150],
             "r": radius + (3 if pop[i] >= 1_000_000 else 1 if pop[i] >= 250_000 else 0)}
            for i in idx
        ]  # fmt: skip
        # a dot with a 1 px halo under it; an airfield a dark ring (a white dot on a dark one)
        if kind != "airfields":
            layers.append(_marker_layer(f"targets-{kind}-halo", [dict(r, r=r["r"] + 1)
                                                                for r in records],
                                        color=t["halo"] + [255]))  # fmt: skip
        layers.append(_marker_layer(f"targets-{kind}", records, pickable=True,
                                    color="fill" if kind != "airfields" else ink,
                                    auto_highlight=True))  # fmt: skip
        if kind == "airfields":
            layers.append(_marker_layer("targets-airfields-hole", [dict(r, r=r["r"] - 2)
                                                                   for r in records],
                                        color=t["halo"] + [255]))  # fmt: skip
        for i in idx:
            if kind == "cities" and pop[i] < result.scenario.min_population:
                continue
            if kind == "airfields" or not nameable[i]:
                continue  # airfields are many and named in their tooltip
            labels.append({
                "text": name_list[i], "position": positions[i],
                "color": (t["text"] + [255]) if relevant[i] or kind != "cities"
                else (t["muted"] + [230]),
                "size": 13 if kind != "cities" or pop[i] >= 1_000_000 else 11,
                "rank": (2 if kind != "cities" else 3 if relevant[i] else 5, -int(pop[i])),
            })  # fmt: skip
    idx = np.flatnonzero(other)
    if len(idx):
        # in metres: they grow into view as the map is zoomed in
        layers.append(
            _marker_layer("targets-other", [{"position": positions[i], "name": name_list[i],
                                             "tooltip": tips[i]} for i in idx],
                          radius=_OTHER_RADIUS_M, color=t["muted"] + [170], pickable=True,
                          size_units=_S("meters"), size_min_pixels=0,
                          size_max_pixels=_marker_size(4))  # fmt: skip
        )
        for i in idx:
            if pop[i] >= max(result.scenario.min_population, 250_000) and nameable[i]:
                labels.append({"text": name_list[i], "position": positions[i],
                               "color": t["muted"] + [230], "size": 11,
                               "rank": (5, -int(pop[i]))})  # fmt: skip
    return layers, labels
