"""Label placement: range labels, the allowed area's label, launch sites, countries and regions."""

from __future__ import annotations

import math
import re

import numpy as np
import shapely

from ..i18n import format_km
from .context import _Ctx, _View
from .geometry import _launch_centre, _outline, _project, _rgba, clip_rect
from .placer import _Placer, _text_box
from .words import _reported_km, _short_region, _site_label


def _label_bands(ctx: _Ctx, view: _View, placer: _Placer, result, bands) -> None:
    """"reported up to 900 km" on each dashed ring."""
    prop = ctx.font(7.5, weight="bold", style="italic")
    prefs = np.radians([45, 135, 20, 70, 315, 225, 0, 90, 180, 270, 160, 200, 340, 110, 250, 290])
    prefs = np.r_[prefs, prefs + np.radians(11.25)]  # a long label needs more places to try
    for i, ring in bands:
        w = result.weapons[i]
        km = format_km(_reported_km(w.weapon), ctx.lang)
        lines = [p for p in shapely.get_parts(ring) if p.length > 0]
        if not lines:
            continue
        line = max(lines, key=lambda p: p.length)
        _ring_label(ctx, view, placer, line, ctx.t["reported"].format(km=km), prop, w.color,
                    prefs, f"band-label-{i}", centre=view.tr.transform(*_launch_centre(result)),
                    force=False)  # fmt: skip


def _box_within(view, box, within) -> bool:
    """Whether a pixel box (x0, y0, x1, y1) lies inside ``within = (poly,
    land)`` (data coordinates): each corner and side middle is in ``poly`` or
    off ``land`` (at sea), so never on a neighbour."""
    poly, land = within
    x0, y0, x1, y1 = box
    xm, ym = (x0 + x1) / 2, (y0 + y1) / 2
    pts = np.array([(x0, y0), (x1, y0), (x1, y1), (x0, y1), (xm, y0), (xm, y1), (x0, ym), (x1, ym)])
    x, y = view.ax.transData.inverted().transform(pts).T
    return bool((shapely.contains_xy(poly, x, y) | ~shapely.contains_xy(land, x, y)).all())


def _place_text(
    ctx,
    view,
    placer,
    candidates,
    text,
    prop,
    color,
    *,
    gid,
    halo=True,
    zorder=9,
    pad=1.5,
    force=False,
    avoid=("weak",),
    airfields=True,
    within=None,
    gap=0.0,
):
    """Put ``text`` at the first free candidate (px, py, ha, va); return the artist or None.

    With ``gap`` (px), a candidate also keeps that far left and right of the
    place names placed before (the ``names`` layer, where such a label goes
    too): two names on one line with a word space between them read as one
    ("Lviv Ternopil", "РОСІЯ Авіабаза Енгельс-2").

    Among candidates that collide with nothing placed, the one that covers
    fewest boxes of the ``avoid`` layers wins (earlier layers weigh more; ties
    go to the earlier candidate).  With ``within`` (a country and all the land,
    polygons in the map's data coordinates), only a candidate whose box lies
    in that country or at sea is taken: a name is never written over a
    neighbour.
    """
    w, h = ctx.measure(text, prop)
    best, best_cost = None, math.inf
    weights = [10.0 ** (len(avoid) - k) for k in range(len(avoid))]
    for n, (px, py, ha, va) in enumerate(candidates):
        box = _text_box(px, py, w, h, ha, va, pad * ctx.u)
        if not placer.free(box, airfields=airfields):
            continue
        if gap and placer.count((box[0] - gap, box[1], box[2] + gap, box[3]), "names"):
            continue
        if within is not None and not _box_within(view, box, within):
            continue
        cost = n * 1e-3 + sum(
            wt * placer.count(box, layer) for wt, layer in zip(weights, avoid, strict=True)
        )
        if cost < best_cost:
            best, best_cost = (px, py, ha, va, box), cost
            if cost < 1:
                break
    if best is None and force:  # a label the map needs: the least crowded candidate
        scored = []
        for px, py, ha, va in candidates:
            box = _text_box(px, py, w, h, ha, va, pad * ctx.u)
            if placer.inside(box):
                scored.append((placer.overlap(box), (px, py, ha, va, box)))
        if scored:
            best = min(scored, key=lambda s: s[0])[1]
    if best is None:
        return None
    px, py, ha, va, box = best
    placer.add(box)
    if gap:
        placer.add(box, "names")
    x, y = view.to_data(px, py)
    art = view.ax.text(
        x,
        y,
        text,
        fontproperties=prop,
        color=color,
        ha=ha,
        va=va,
        zorder=zorder,
        parse_math=False,
        gid=gid,
        clip_on=False,
    )
    if halo:
        ctx.halo(art)
    return art


def name_gap(ctx) -> float:
    """How far apart (px) two place or country names on one line keep: an em."""
    return 8.0 * ctx.s * ctx.px_per_pt


def _point_candidates(px: float, py: float, r: float):
    d = r * 0.75
    return [
        (px + r, py, "left", "center"),
        (px - r, py, "right", "center"),
        (px, py + r, "center", "bottom"),
        (px, py - r, "center", "top"),
        (px + d, py + d, "left", "bottom"),
        (px + d, py - d, "left", "top"),
        (px - d, py + d, "right", "bottom"),
        (px - d, py - d, "right", "top"),
    ]


def _label_reach(ctx, view, placer, result, reach_geoms) -> None:
    """Range labels ("300 km") on each reach outline, and on minimum-range holes."""
    prop = ctx.font(8.5, weight="bold")
    # Preferred bearings for the label, from the reach centre: upper right first.
    prefs = np.radians([45, 135, 20, 70, 315, 225, 0, 90, 180, 270, 160, 200, 340, 110, 250, 290])
    for i, geom in reach_geoms:
        w = result.weapons[i]
        label = f"{format_km(w.weapon.max_range_km, ctx.lang)} {ctx.t['km']}"
        polys = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon"]
        if not polys:
            continue
        # On the real outer edge (never on the cut at ±180° or a pole), by
        # bearing from the launch sites.
        parts = shapely.get_parts(w.area)
        outer = shapely.polygons(shapely.get_exterior_ring(parts[shapely.get_type_id(parts) == 3]))
        ring = clip_rect(
            _project(_outline(shapely.multipolygons(outer)), view.tr), *view.rect
        )
        centre = view.tr.transform(*_launch_centre(result))
        _ring_label(ctx, view, placer, ring, label, prop, w.color, prefs, f"range-{i}",
                    centre=centre)  # fmt: skip
        if w.weapon.min_range_km > 0:
            holes = [r for p in polys for r in p.interiors]
            if holes:
                hole = max(holes, key=lambda r: shapely.Polygon(r).area)
                if shapely.Polygon(hole).area / view.m_per_px**2 > 900 * ctx.u**2:
                    hlabel = (
                        f"{ctx.t['min']} {format_km(w.weapon.min_range_km, ctx.lang)} {ctx.t['km']}"
                    )
                    _ring_label(
                        ctx,
                        view,
                        placer,
                        hole,
                        hlabel,
                        ctx.font(7.5, weight="bold"),
                        w.color,
                        prefs,
                        f"min-range-{i}",
                    )


def _ring_label(ctx, view, placer, ring, label, prop, color, prefs, gid, *, centre=None,
                force=False) -> None:  # fmt: skip
    """Put ``label`` on ``ring`` at the first free point in the ``prefs`` bearings
    (radians) from ``centre`` (projected; default the ring's centroid)."""
    pts = shapely.get_coordinates(ring)
    if not len(pts):
        return
    cx, cy = np.asarray(ring.centroid.coords[0]) if centre is None else centre
    ang = np.arctan2(pts[:, 1] - cy, pts[:, 0] - cx)
    candidates = []
    for a in prefs:
        k = int(np.argmin(np.abs(np.angle(np.exp(1j * (ang - a))))))
        x, y = pts[k]
        if not (-view.hx < x < view.hx and -view.hy < y < view.hy):
            continue
        px, py = view.to_px(x, y)[0]
        candidates.append((px, py, "center", "center"))
    # then anywhere along the visible ring, nearest the first bearing first
    step = 12 * ctx.u * view.m_per_px
    for line in shapely.get_parts(ring):
        if line.length < step:
            continue
        xy = shapely.get_coordinates(
            shapely.line_interpolate_point(line, np.arange(0, line.length, step))
        )
        inside = (np.abs(xy[:, 0]) < view.hx) & (np.abs(xy[:, 1]) < view.hy)
        xy = xy[inside]
        a = np.arctan2(xy[:, 1] - cy, xy[:, 0] - cx)
        order = np.argsort(np.abs(np.angle(np.exp(1j * (a - prefs[0])))), kind="stable")
        for px, py in view.to_px(xy[order, 0], xy[order, 1]):
            candidates.append((px, py, "center", "center"))
    # where the label does not fit, a smaller one; then on two lines
    small = prop.copy()
    small.set_size(prop.get_size_in_points() * 0.85)
    texts = [(label, prop), (label, small)]
    if " " in label:
        texts.append(("\n".join(ctx.wrap(label, small, 0.6 * ctx.measure(label, small)[0],
                                          balance=True)), small))  # fmt: skip
    for text, font in texts:
        art = _place_text(ctx, view, placer, candidates, text, font, color, gid=gid,
                          zorder=10, avoid=("soft", "weak"), force=force)  # fmt: skip
        if art is not None:
            # A halo wide enough to close the word spaces too: the ring under
            # the label must not show through between "300" and "km".
            ctx.halo(art, 5.0)
            return


def _label_allowed(ctx, view, placer, result) -> None:
    if result.allowed is None or result.allowed.is_empty:
        return
    geom = clip_rect(_project(result.allowed, view.tr), *view.rect)
    if geom.is_empty:
        return
    polys = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon"]
    if not polys:
        return
    from shapely.ops import polylabel

    poly = max(polys, key=lambda p: p.area)
    try:
        c = polylabel(poly, tolerance=view.m_per_px * 2)
    except Exception:  # degenerate polygons after clipping
        c = poly.representative_point()
    px, py = view.to_px(c.x, c.y)[0]
    prop = ctx.font(7.8, weight="bold", style="italic")
    step = 6 * ctx.u
    cands = [
        (px + dx * step, py + dy * step, "center", "center")
        for dy in sorted(range(-6, 7), key=abs)
        for dx in sorted(range(-10, 11), key=abs)
    ]
    cands.sort(key=lambda c: math.hypot(c[0] - px, 2 * (c[1] - py)))
    cands = [c for c in cands if poly.contains(shapely.Point(view.to_data(c[0], c[1])))]
    # Then just outside the outline: above, below, right, left.
    bx0, by0 = view.to_px(poly.bounds[0], poly.bounds[1])[0]
    bx1, by1 = view.to_px(poly.bounds[2], poly.bounds[3])[0]
    mx, my, gap = (bx0 + bx1) / 2, (by0 + by1) / 2, 3 * ctx.u
    for dx in (0, -0.3, 0.3):
        qx = mx + dx * (bx1 - bx0)
        cands += [(qx, by1 + gap, "center", "bottom"), (qx, by0 - gap, "center", "top")]
    cands += [(bx1 + gap, my, "left", "center"), (bx0 - gap, my, "right", "center")]
    small = ctx.font(6.8, weight="bold", style="italic")
    for font in (prop, small):  # smaller where the full size finds no room
        art = _place_text(ctx, view, placer, cands, ctx.t["allowed"], font,
                          ctx.theme["allowed"], gid="allowed-label", zorder=10,
                          avoid=("soft", "weak"), airfields=False)  # fmt: skip
        if art is not None:
            # It sits on the hatching and outlines: close the word space too.
            ctx.halo(art, 5.0)
            break


def _draw_sites(ctx, view, placer, result) -> None:
    th = ctx.theme
    pts = [(n, g) for n, g in result.sites if g.geom_type == "Point"]
    if not pts:
        return
    lon = np.array([g.x for _, g in pts])
    lat = np.array([g.y for _, g in pts])
    x, y = view.project_xy(lon, lat)
    ms = 7.0 * ctx.s
    view.ax.plot(
        x,
        y,
        linestyle="none",
        marker="^",
        markersize=ms,
        markerfacecolor=th["ink"],
        markeredgecolor=th["halo"],
        markeredgewidth=0.9,
        zorder=13,
        gid="launch-sites",
    )
    pxy = view.to_px(x, y)
    r = ms * ctx.px_per_pt * 0.6 + 2 * ctx.u
    prop = ctx.font(8.0, weight="bold")
    for px, py in pxy:
        placer.add((px - r, py - r, px + r, py + r))
    for k, ((name, _), (px, py)) in enumerate(zip(pts, pxy, strict=True)):
        art = _place_text(
            ctx,
            view,
            placer,
            _point_candidates(px, py, r + 3 * ctx.u) + _point_candidates(px, py, 2 * r + 6 * ctx.u),
            _site_label(result, name, ctx.lang),
            prop,
            th["ink"],
            gid=f"site-label-{k}",
            zorder=13,
            force=False,
            # what the map is about: its name may take an airfield's spot (that
            # plane is then not drawn; the key counts it all the same), and keeps
            # off the big cities' spots when it can (Malatya beside a site)
            airfields=False,
            avoid=("cities", "weak"),
        )
        if art is None:  # the marker stays; the missing name is said
            ctx.warnings.append(ctx.t["warn_site"].format(name=_site_label(result, name, ctx.lang)))
        ctx.site_points.append((float(px), float(py), name))


_LATIN = re.compile("[A-Za-z]")

#: The countries in play, named on every map that shows them, in this order,
#: before any city: the war's two sides first, then Belarus (a launch ground);
#: then the countries of the scene's launch sites (:func:`_launch_countries`).
IN_PLAY = ("UKR", "RUS", "BLR")


#: A launch site at sea this near a country's land is that country's.
LAUNCH_COAST_M = 10_000.0


def _launch_countries(view, result, countries) -> list[str]:
    """ISO codes of the countries in view holding a launch site (a point, or a
    point on an area or line), in the scenario's order: a scene launched from
    Turkey names Turkey as it names Ukraine.  A site off the coast takes the
    country within :data:`LAUNCH_COAST_M` (a point on the Bosphorus, a ship
    in port)."""
    points = [g if g.geom_type == "Point" else g.representative_point() for _, g in result.sites]
    if not points or not len(countries.iso):
        return []
    x, y = view.project_xy([p.x for p in points], [p.y for p in points])
    codes: list[str] = []
    for px, py in zip(x, y, strict=True):
        hit = np.flatnonzero(shapely.contains_xy(countries.geoms, px, py))
        if not hit.size:
            metres = shapely.distance(countries.geoms, shapely.Point(px, py))
            hit = np.flatnonzero(metres <= LAUNCH_COAST_M)
            hit = hit[np.argsort(metres[hit])]
        if hit.size and countries.iso[hit[0]] not in codes:
            codes.append(str(countries.iso[hit[0]]))
    return codes


def countries_in_play(view, result, countries) -> list[str]:
    """:data:`IN_PLAY`, then the launch sites' countries (:func:`_launch_countries`)."""
    play = list(IN_PLAY)
    return play + [c for c in _launch_countries(view, result, countries) if c not in play]


def _label_countries(ctx, view, placer, countries, play, *, in_play) -> None:
    """Country names in capitals: with ``in_play`` only the countries of
    ``play`` (:func:`countries_in_play`; placed before the cities, wherever in
    the country there is room), else the others that are large enough on the
    map, as room allows."""
    iso, cgeoms, land = countries.iso, countries.geoms, countries.land
    if not len(iso):
        return
    th = ctx.theme
    names = countries.names_uk if ctx.lang == "uk" else countries.names_en
    names_en = countries.names_en
    areas = shapely.area(cgeoms) / view.m_per_px**2
    prop = ctx.font(9.5, weight="bold")
    from shapely.ops import polylabel

    if in_play:
        order = [int(np.flatnonzero(iso == code)[0]) for code in play if code in iso]
    else:
        order = [int(k) for k in np.argsort(-areas) if iso[k] not in play]
    for k in order:
        if areas[k] < (1_500 if in_play else 12_000) * ctx.u**2:
            continue
        name = names[k] if isinstance(names[k], str) and names[k] else names_en[k]
        if ctx.lang == "uk" and (name is names_en[k] or _LATIN.search(name)):
            continue  # no Ukrainian name: no English one in a Ukrainian label set
        label = "\u2009".join(name.upper())
        polys = [p for p in shapely.get_parts(cgeoms[k]) if p.geom_type == "Polygon"]
        if not polys:
            continue
        poly = max(polys, key=lambda p: p.area)
        try:
            c = polylabel(poly, tolerance=view.m_per_px * 4)
        except Exception:
            c = poly.representative_point()
        px, py = view.to_px(c.x, c.y)[0]
        step = 18 * ctx.u
        grid = (0, -1, 1, -2, 2, -3, 3)
        if in_play:  # wherever in the country there is room, nearest its middle first
            grid = tuple(sorted(range(-12, 13), key=abs))
        cands = [
            (px + dx * (1.5 if in_play else 3) * step, py + dy * step, "center", "center")
            for dy in grid
            for dx in (grid if in_play else (0, -1, 1))
        ]
        cands.sort(key=lambda cd: math.hypot(cd[0] - px, (cd[1] - py) * 2))
        if cands:  # the candidates inside the country, in one array operation
            data = view.ax.transData.inverted().transform(np.array([c[:2] for c in cands]))
            inside = shapely.contains_xy(poly, data[:, 0], data[:, 1])
            cands = [cd for cd, ok in zip(cands, inside, strict=True) if ok]
        # A country in play may close up its letters and shrink to find room.
        styles = [(label, prop)]
        if in_play:
            styles += [(name.upper(), ctx.font(8.5, weight="bold")),
                       (name.upper(), ctx.font(7.5, weight="bold"))]  # fmt: skip
        # Inside the country (or at sea) first; a country in play is named even
        # where only a spot reaching over a border is free.
        tries = [(text, font, (poly, land)) for text, font in styles]
        if in_play:
            tries += [(text, font, None) for text, font in styles]
        for text, font, within in tries:
            art = _place_text(ctx, view, placer, cands, text, font, _rgba(th["faint"], 0.95),
                              gid=f"country-{iso[k]}", zorder=8.5, pad=4,
                              avoid=("soft", "lines", "weak"), within=within,
                              gap=name_gap(ctx))  # fmt: skip
            if art is not None:
                break


def _label_regions(ctx, view, placer, geodata, focus=None, cities=()) -> None:
    """Region names in italics: with ``focus`` (region ids) only those, before the
    cities, darker and wherever near their middle there is room (not one named
    like a city in ``cities``, which gets its own label); else the regions of the
    countries in play (:data:`IN_PLAY`) large enough for their name, as room
    allows.  Regions of other countries are not named: they are not the story."""
    regions = geodata.regions
    if regions is None or not len(regions):
        return
    lon = regions["label_lon"].to_numpy(float)
    lat = regions["label_lat"].to_numpy(float)
    b = view.llbox
    inside = (lon >= b[0]) & (lon <= b[2]) & (lat >= b[1]) & (lat <= b[3])
    if focus is not None:
        inside &= regions["region_id"].isin(list(focus)).to_numpy()
        # (a set, not Series.isin: every target's name, thousands, each made a
        # pyarrow scalar there, 20 ms of a render)
        taken = {str(c).casefold() for c in cities}
        inside &= ~np.fromiter((str(n).casefold() in taken for n in regions["name_en"].to_numpy()),
                               dtype=bool, count=len(regions))  # fmt: skip
    else:
        inside &= regions["country"].isin(IN_PLAY).to_numpy()
    cand = np.flatnonzero(inside)
    if not cand.size:
        return
    x, y = view.project_xy(lon[cand], lat[cand])
    pxy = view.to_px(x, y)
    pb = placer.bounds
    on_map = (pxy[:, 0] > pb[0]) & (pxy[:, 0] < pb[2]) & (pxy[:, 1] > pb[1]) & (pxy[:, 1] < pb[3])
    cand, pxy = cand[on_map], pxy[on_map]
    # Area on the map, near enough for a threshold: degrees² scaled at the label's latitude.
    geoms = np.asarray(regions.geometry.array, dtype=object)[cand]
    km_deg = 111.32
    area_km2 = shapely.area(geoms) * km_deg**2 * np.cos(np.radians(lat[cand]))
    area_px = area_km2 * 1e6 / view.m_per_px**2
    country = regions["country"].to_numpy()[cand]
    col = "name_uk" if ctx.lang == "uk" else "name_en"
    names = regions[col].to_numpy()[cand]
    names_en = regions["name_en"].to_numpy()[cand]
    order = np.lexsort((-area_px, ~np.isin(country, IN_PLAY)))
    # A region named like a labelled city ("Bryansk") would read as a second city.
    taken = {
        t.get_text().casefold()
        for t in view.ax.texts
        if (t.get_gid() or "").startswith(("target-", "site-label-"))
    }
    prop = ctx.font(6.4, style="italic")
    char_w = 0.55 * prop.get_size_in_points() * ctx.px_per_pt  # rough, to skip before measuring
    color = ctx.theme["faint"]
    if focus is not None:
        prop, color = ctx.font(7.4, weight="bold", style="italic"), ctx.theme["muted"]
    done = {t.get_gid() for t in view.ax.texts if (t.get_gid() or "").startswith("region-")}
    for k in order:
        if f"region-{cand[k]}" in done:
            continue
        name = names[k] if isinstance(names[k], str) and names[k] else names_en[k]
        if ctx.lang == "uk" and (name is names_en[k] or _LATIN.search(name)):
            continue  # no Ukrainian name: no English one in a Ukrainian label set
        name = _short_region(str(name), ctx.lang)
        px, py = pxy[k]
        cands = [(px, py, "center", "center")]
        if focus is not None:
            step = 10 * ctx.u
            cands += [(px + dx * step, py + dy * step, "center", "center")
                      for dy in (0, 1, -1, 2, -2) for dx in (0, 2, -2, 4, -4)][1:]  # fmt: skip
        elif name.casefold() in taken or area_px[k] < (len(name) * char_w * 0.8) ** 2 * 0.35:
            continue
        elif area_px[k] < (ctx.measure(name, prop)[0] * 1.1) ** 2 * 0.35:
            continue  # the name would spill far beyond the region
        _place_text(
            ctx,
            view,
            placer,
            cands,
            name,
            prop,
            color,
            gid=f"region-{cand[k]}",
            zorder=8.2,
            pad=3,
        )
