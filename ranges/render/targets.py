"""Target markers and labels, placed in priority order."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from .context import _Ctx
from .geometry import _PLANE, _PLANE_PT
from .labels import _place_text, _point_candidates, name_gap
from .placer import _Placer

#: More airfields in range than this (a Kh-101's 4,500 km holds 1,667) are not
#: drawn: at that scale their planes are a speckle over the land.  The key says
#: so and counts them; the exports list them.
PLANES_MAX = 500
#: Nor are they drawn when more than this many planes would stand on 100,000
#: square units of the map frame (a unit: ``ctx.u``, a screen pixel at the
#: map's type scale, so one rule for every size): every preset stays below it
#: at every size, a Kalibr from Ankara (486 planes, a speckle that left Ankara
#: and Ukraine unnamed) lies above it (tests/test_render.py checks both).
PLANES_PER_100K_MAX = 40.0


#: Cities this large in range are labelled before the news places out of
#: range, and may take a plane's spot: an air base beside Ankara or Gaziantep
#: left the city unnamed.
BIG_CITY = 500_000


def planes_drawn(result, ctx=None) -> bool:
    """Whether the map draws the planes of the airfields in range: the layout's
    decision (:func:`decide_planes`) when ``ctx`` has one, else the count."""
    if ctx is not None and "planes" in ctx.shown:
        return bool(ctx.shown["planes"])
    return _airfields_in_range(result).size <= PLANES_MAX


def _visible(view, placer: _Placer, result) -> tuple[np.ndarray, ...]:
    """The targets' projected x, y, pixel positions, and whether each is inside
    the frame."""
    t = result.targets
    x, y = view.project_xy(t["lon"].to_numpy(float), t["lat"].to_numpy(float))
    pxy = view.to_px(x, y)
    b = placer.bounds
    px, py = pxy[:, 0], pxy[:, 1]
    return x, y, pxy, (px > b[0]) & (px < b[2]) & (py > b[1]) & (py < b[3])


def decide_planes(ctx: _Ctx, view, placer: _Placer, result) -> None:
    """Decide once per map, before the key is drawn, whether the planes are
    drawn (:data:`PLANES_MAX`, :data:`PLANES_PER_100K_MAX`); later layouts of
    the same map keep the decision."""
    if "planes" in ctx.shown:
        return
    count = _airfields_in_range(result)
    if not count.size or count.size > PLANES_MAX:
        ctx.shown["planes"] = count.size <= PLANES_MAX
        return
    *_, visible = _visible(view, placer, result)
    b = placer.bounds
    area = (b[2] - b[0]) * (b[3] - b[1]) / ctx.u**2
    ctx.shown["planes"] = visible[count].sum() <= PLANES_PER_100K_MAX * area / 1e5


def _airfields_in_range(result) -> np.ndarray:
    t = result.targets
    if not len(t) or "in_range" not in t.columns:
        return np.empty(0, dtype=int)
    return np.flatnonzero(((t["layer"] == "airfields") & t["in_range"]).to_numpy())


class _Targets:
    """Markers and labels of the targets, placed in priority order.

    ``primary``: the places in the news that are in range, and user targets;
    ``secondary``: cities in range above the scenario's population threshold
    (largest first), then news places out of range (muted).  Airfields in
    range get a plane marker each and no label (the key counts them).
    """

    _MARKERS = {"airbase": _PLANE, "nuclear-plant": "D", "bridge": "s"}

    def __init__(self, ctx: _Ctx, view, placer: _Placer, result, geodata):
        self.ctx, self.view, self.placer = ctx, view, placer
        t = self.t = result.targets
        self.special: dict[Any, list[int]] = {}
        self.empty = not len(t)
        if self.empty:
            self.primary = self.secondary = np.empty(0, dtype=int)
            return
        self.x, self.y, self.pxy, visible = _visible(view, placer, result)
        self.layer = t["layer"].to_numpy()
        self.in_range = (
            t["in_range"].to_numpy(bool) if "in_range" in t.columns else np.zeros(len(t), bool)
        )
        self.pop = t["population"].to_numpy(float)
        self.kind = t["kind"].astype(str).to_numpy()
        self.names = t["name"].astype(str).to_numpy()
        self.names_uk = t["name_uk"].fillna("").astype(str).to_numpy() if "name_uk" in t else None

        af = np.flatnonzero((self.layer == "airfields") & self.in_range & visible)
        if not planes_drawn(result, ctx):
            af = af[:0]
        self.airfields = af
        self.plane_pt = _PLANE_PT * ctx.s * max(0.5, min(1.0, math.sqrt(80 / max(af.size, 1))))
        if af.size:
            # Labels keep off every plane (one collision index for all): a label
            # on an icon hides both.  Hundreds of planes would hide the map:
            # smaller markers when there are many.
            r = self.plane_pt * ctx.px_per_pt * 0.35
            for x0, y0 in self.pxy[af]:
                placer.add((x0 - r, y0 - r, x0 + r, y0 + r), "airfields")

        places = np.flatnonzero((self.layer == "places") & visible)
        user = np.flatnonzero(self.layer == "user")
        lon, lat = t["lon"].to_numpy(float), t["lat"].to_numpy(float)
        for i in user[~visible[user]]:  # never dropped without a word
            ctx.warnings.append(ctx.t["warn_outside"].format(
                name=self.names[i], lat=f"{lat[i]:.4f}", lon=f"{lon[i]:.4f}"))  # fmt: skip
        user = user[visible[user]]
        # A user's target always has its marker, placed before any label so that
        # no label covers it; its name or, failing room, a number comes later.
        self.user_r = 4.5 * ctx.s * ctx.px_per_pt * 0.6
        for i in user:
            ux, uy = self.pxy[i]
            placer.add((ux - self.user_r, uy - self.user_r, ux + self.user_r, uy + self.user_r),
                       "icons")  # fmt: skip
            self.special.setdefault("X", []).append(int(i))
        self.numbered = {int(i): k for k, i in enumerate(ctx.shown.get("numbered", ()), 1)}
        cities = np.flatnonzero(
            (self.layer == "cities")
            & self.in_range
            & visible
            & (self.pop >= result.scenario.min_population)
        )
        cities = cities[np.argsort(-self.pop[cities], kind="stable")]
        # A focus region named like its city (Moscow) is shown by the city, in
        # range or not: it is what the map is about.
        focus_names: set[str] = set()
        if result.scenario.focus_regions and geodata is not None and len(geodata.regions):
            reg = geodata.regions
            sel = reg["region_id"].isin(list(result.scenario.focus_regions)).to_numpy()
            focus_names = {str(n).casefold() for n in reg["name_en"].to_numpy()[sel]}
        folded = np.array([n.casefold() for n in self.names])
        named = np.isin(folded, list(focus_names))
        focus = np.flatnonzero((self.layer == "cities") & visible & named)
        focus = focus[np.argsort(-self.pop[focus], kind="stable")]
        self.primary = np.concatenate([places[self.in_range[places]], focus, user]).astype(int)
        # Big cities in range, then news places out of range (for orientation:
        # Kyiv should not lose its label to a suburb in range), then the rest.
        big = self.pop[cities] >= BIG_CITY
        self.secondary = np.concatenate(
            [cities[big], places[~self.in_range[places]], cities[~big]]
        ).astype(int)
        # Ukrainian city names come from the places list where it has them
        # (the cities layer has none).
        self.uk_by_name = {}
        if ctx.lang == "uk" and geodata is not None and len(geodata.places):
            self.uk_by_name = dict(
                zip(geodata.places["name_en"], geodata.places["name_uk"], strict=True)
            )
        b = placer.bounds
        area = (b[2] - b[0]) * (b[3] - b[1])
        unit = ctx.u**2
        self.max_labels = int(area / (12000 * unit))
        self.min_sep = 16.0 * ctx.u
        self.name_gap = name_gap(ctx)  # names on one line keep an em apart
        self.seen: set[str] = set()
        self.anchors: list[tuple[float, float]] = []
        self.dots: list[tuple[float, float, str]] = []
        self.placed = 0

    def label(self, indices: np.ndarray) -> None:
        if self.empty:
            return
        if not self.anchors and not self.seen:  # launch points are labelled already
            for px, py, name in self.ctx.site_points:
                self.seen.add(name.casefold())
                self.anchors.append((px, py))
        self._label(indices)

    def _label_of(self, i: int) -> str:
        """The target's name in the map's language; on a Ukrainian map "" for a
        shipped place with no Ukrainian name (Iaşi, Rzeszów...): it is no label
        candidate there, since an English name would mix scripts in the label
        set.  A user's target keeps the name the user typed."""
        name = self.names[i]
        if self.ctx.lang != "uk":
            return name
        uk = self.names_uk[i].strip() if self.names_uk is not None else ""
        uk = uk or str(self.uk_by_name.get(name) or "").strip()
        return uk or (name if self.layer[i] == "user" else "")

    def _label(self, indices: np.ndarray) -> None:
        ctx, th = self.ctx, self.ctx.theme
        prop_in = ctx.font(7.6)
        prop_big = ctx.font(8.2, weight="bold")
        prop_out = ctx.font(7.0)  # muted, upright: italics are for regions
        r_dot = 5.2 * ctx.u
        for i in indices:
            if self.layer[i] == "user":
                self._label_user(i)
                continue
            if self.placed >= self.max_labels:
                continue  # the user's targets that come later still get their labels
            key = self.names[i].casefold()
            text = self._label_of(i)
            if key in self.seen or not text:
                continue
            px, py = self.pxy[i]
            if any(math.hypot(px - qx, py - qy) < self.min_sep for qx, qy in self.anchors):
                continue  # a district next to its city, or a place and the same city
            # A place under a callout's ring is labelled next to the ring, without a dot.
            ring = next(
                (a for a in ctx.note_rings if a and math.hypot(px - a[0], py - a[1]) < a[2]), None
            )
            r = ring[2] + 3 * ctx.u if ring else r_dot
            half = r_dot * 0.6
            if self.layer[i] == "places" and self.kind[i] in self._MARKERS:
                # a marker bigger than a dot: its box, and the label clear of it
                size = (_PLANE_PT if self._MARKERS[self.kind[i]] is _PLANE else 4.5) * ctx.s
                half = max(half, size * ctx.px_per_pt * 0.35)
                r = max(r, (half + 2 * ctx.u) / 0.75)
            dot_box = (px - half, py - half, px + half, py + half)
            if not ring and not self.placer.free(dot_box, icons=False):
                continue  # its dot would sit under a label or a note placed before
            rng = bool(self.in_range[i])
            prop = prop_big if rng and self.pop[i] >= 1_000_000 else (prop_in if rng else prop_out)
            color = th["ink"] if rng else th["muted"]
            art = _place_text(
                ctx,
                self.view,
                self.placer,
                _point_candidates(px, py, r) + _point_candidates(px, py, 1.8 * r),
                text,
                prop,
                color,
                gid=f"target-{i}",
                # the places in the news and the big cities in range may take a
                # plane's spot (not drawn then; the key counts every airfield)
                airfields=not (
                    self.in_range[i] and (self.layer[i] == "places" or self.pop[i] >= BIG_CITY)
                ),
                gap=self.name_gap,
            )
            if art is None:
                continue
            self.placed += 1
            self.seen.add(key)
            self.anchors.append((px, py))
            if ring:
                continue
            self.placer.add(dot_box, "icons")
            if self.layer[i] == "places" and self.kind[i] in self._MARKERS:
                self.special.setdefault(self._MARKERS[self.kind[i]], []).append(i)
            else:
                self.dots.append((self.x[i], self.y[i], color))

    def _label_user(self, i: int) -> None:
        """The name of a user's target next to its marker; its number (listed in the
        key) when the name finds no room; a warning when neither does."""
        ctx = self.ctx
        px, py = self.pxy[i]
        number = self.numbered.get(int(i))
        text = self._label_of(i) if number is None else str(number)
        prop = ctx.font(7.6) if number is None else ctx.font(7.6, weight="bold")
        color = ctx.theme["ink"] if self.in_range[i] else ctx.theme["muted"]
        art = _place_text(ctx, self.view, self.placer,
                          _point_candidates(px, py, self.user_r + 2 * ctx.u), text, prop, color,
                          gid=f"target-{i}")  # fmt: skip
        if art is not None:
            self.placed += 1
            self.seen.add(self.names[i].casefold())
            self.anchors.append((px, py))
        elif number is None:
            ctx.unnamed.append(int(i))
        else:
            ctx.warnings.append(ctx.t["warn_unlabelled"].format(name=self.names[i]))

    def _planes_to_draw(self) -> np.ndarray:
        """Which planes are drawn: each not under a label or note, a city's dot or
        another marker, nor on a plane already drawn (two fields of one town).
        The key counts them all; the data lists them all."""
        r = self.plane_pt * self.ctx.px_per_pt * 0.35
        drawn: list[tuple[float, float]] = []
        keep = np.zeros(self.airfields.size, bool)
        for k, (x0, y0) in enumerate(self.pxy[self.airfields]):
            box = (x0 - r, y0 - r, x0 + r, y0 + r)
            if self.placer.count(box, "hard") or self.placer.count(box, "icons"):
                continue
            if any(abs(x0 - x1) < 2 * r and abs(y0 - y1) < 2 * r for x1, y1 in drawn):
                continue
            keep[k] = True
            drawn.append((x0, y0))
        return keep

    def finish(self) -> None:
        if self.empty:
            return
        ctx, th, ax = self.ctx, self.ctx.theme, self.view.ax
        af = self.airfields
        if af.size:
            keep = self._planes_to_draw()
            ax.plot(
                self.x[af[keep]],
                self.y[af[keep]],
                linestyle="none",
                marker=_PLANE,
                markersize=self.plane_pt,
                markerfacecolor=th["ink"],
                markeredgecolor=th["halo"],
                markeredgewidth=0.4,
                zorder=8,
                gid="airfields",
            )
        if self.dots:
            xs, ys, cs = zip(*self.dots, strict=True)
            ax.scatter(
                xs,
                ys,
                s=(3.4 * ctx.s) ** 2,
                c=list(cs),
                edgecolors=th["halo"],
                linewidths=0.6,
                zorder=9,
                gid="target-dots",
            )
        for marker, idx in self.special.items():
            idx = np.asarray(idx)
            ax.plot(
                self.x[idx],
                self.y[idx],
                linestyle="none",
                marker=marker,
                markersize=(_PLANE_PT if marker is _PLANE else 4.5) * ctx.s,
                markerfacecolor=th["ink"],
                markeredgecolor=th["halo"],
                markeredgewidth=0.5,
                zorder=9,
                gid="target-markers",
            )
