"""Callout notes: their rings, boxes placed near their points, and leader lines."""

from __future__ import annotations

import math

import numpy as np
from matplotlib import patheffects

from .geometry import _rgba
from .placer import _Placer, _segments_cross


def _draw_note_rings(ctx, view, placer, result) -> None:
    """The callouts' points: a ring each (a ring, not a dot: the point is not a city)."""
    notes = result.scenario.notes
    if not notes:
        return
    th = ctx.theme
    x, y = view.project_xy([n.lon for n in notes], [n.lat for n in notes])
    anchors = view.to_px(x, y)
    ring_pt = 5.0 * ctx.s
    r = ring_pt * ctx.px_per_pt / 2 + ctx.u
    inside = np.array([placer.inside((px - r, py - r, px + r, py + r)) for px, py in anchors])
    idx = np.flatnonzero(inside)
    view.ax.plot(
        x[idx],
        y[idx],
        linestyle="none",
        marker="o",
        markersize=ring_pt,
        markerfacecolor=th["halo"],
        markeredgecolor=th["ink"],
        markeredgewidth=1.3 * ctx.s,
        zorder=14.5,
        gid="note-anchors",
    )
    ctx.note_rings = [None] * len(notes)
    for k in idx:
        px, py = anchors[k]
        placer.add((px - r, py - r, px + r, py + r))
        ctx.note_rings[k] = (float(px), float(py), r)


def _draw_notes(ctx, view, placer, result) -> None:
    """Callout boxes, placed near their rings, with leader lines."""
    notes = result.scenario.notes
    if not notes:
        return
    th = ctx.theme
    b = placer.bounds
    map_w = b[2] - b[0]
    prop = ctx.font(6.9)
    wrap_w = min(max(0.22 * map_w, 150 * ctx.u), 260 * ctx.u)
    pad_px = 4.0 * ctx.s * ctx.px_per_pt / 2
    centre = np.array([(b[0] + b[2]) / 2, (b[1] + b[3]) / 2])
    leaders: list[tuple[float, float, float, float]] = []
    for k, (note, ring) in enumerate(zip(notes, ctx.note_rings, strict=True)):
        if ring is None:
            continue
        ax_, ay_, _ = ring
        text = "\n".join(ctx.wrap(note.text, prop, wrap_w, balance=True))
        art = view.ax.text(
            0,
            0,
            text,
            fontproperties=prop,
            color=th["ink"],
            ha="left",
            va="bottom",
            zorder=15,
            parse_math=False,
            gid=f"note-{k}",
            linespacing=1.2,
            clip_on=False,
        )
        bb = art.get_window_extent(ctx.renderer)
        bw, bh = bb.width + 2 * pad_px, bb.height + 2 * pad_px
        chosen = _note_box(ctx, placer, (ax_, ay_), bw, bh, centre, leaders)
        if chosen is None:
            art.remove()
            continue
        placer.add(chosen)
        tx, ty = view.to_data(chosen[0] + pad_px, chosen[1] + pad_px)
        art.set_position((tx, ty))
        art.set_bbox(
            dict(
                boxstyle=f"square,pad={pad_px / (prop.get_size_in_points() * ctx.px_per_pt):.3f}",
                facecolor=_rgba(th["note_bg"], 0.92),
                edgecolor=th["faint"],
                linewidth=0.5,
            )
        )
        # Leader from the anchor to the nearest point of the box.
        lx = min(max(ax_, chosen[0]), chosen[2])
        ly = min(max(ay_, chosen[1]), chosen[3])
        leaders.append((ax_, ay_, lx, ly))
        if math.hypot(lx - ax_, ly - ay_) > 3 * ctx.u:
            a = view.to_data(ax_, ay_)
            c = view.to_data(lx, ly)
            (leader,) = view.ax.plot(
                [a[0], c[0]],
                [a[1], c[1]],
                color=th["ink"],
                linewidth=0.8 * ctx.s,
                zorder=14,
                gid=f"note-leader-{k}",
                solid_capstyle="round",
            )
            leader.set_path_effects(
                [patheffects.withStroke(linewidth=2.4 * ctx.s, foreground=th["halo"])]
            )
            # Keep labels off the leader: small boxes along it.
            n = max(2, int(math.hypot(lx - ax_, ly - ay_) / (5 * ctx.u)))
            for f in np.linspace(0, 1, n)[1:-1]:
                qx, qy = ax_ + f * (lx - ax_), ay_ + f * (ly - ay_)
                placer.add((qx - 2 * ctx.u, qy - 2 * ctx.u, qx + 2 * ctx.u, qy + 2 * ctx.u))


def _note_box(ctx, placer: _Placer, anchor, bw: float, bh: float, centre, leaders):
    """The best free box for a callout: short leader, off the story's points, no crossings."""
    ax_, ay_ = anchor
    u = ctx.u
    out = np.array([ax_, ay_]) - centre
    out = out / (np.hypot(*out) or 1.0)
    best, best_cost = None, math.inf
    for dist in np.array([24, 34, 46, 62, 82, 108, 140, 180, 230]) * ctx.u:
        for a in np.radians(np.arange(0, 360, 22.5)):
            dx, dy = math.cos(a), math.sin(a)
            tx, ty = ax_ + dx * dist, ay_ + dy * dist
            bx0 = tx if dx > 0.38 else (tx - bw if dx < -0.38 else tx - bw / 2)
            by0 = ty if dy > 0.38 else (ty - bh if dy < -0.38 else ty - bh / 2)
            box = (bx0, by0, bx0 + bw, by0 + bh)
            if not placer.free(box, pad=3 * u):
                continue
            lx = min(max(ax_, box[0]), box[2])
            ly = min(max(ay_, box[1]), box[3])
            seg = (ax_, ay_, lx, ly)
            length = math.hypot(lx - ax_, ly - ay_)
            cost = length / u + 15 * (1 - (dx * out[0] + dy * out[1]))
            cost += 25 * placer.count(box, "soft", 2 * u) + 5 * placer.count(box, "weak", 2 * u)
            cost += 400 * sum(_segments_cross(seg, other) for other in leaders)
            # Leaders that run over labels or markers are hard to follow.
            n = max(2, int(length / (6 * u)))
            for f in np.linspace(0, 1, n)[1:-1]:
                qx, qy = ax_ + f * (lx - ax_), ay_ + f * (ly - ay_)
                if math.hypot(qx - ax_, qy - ay_) > 8 * u:
                    q = (qx - u, qy - u, qx + u, qy + u)
                    cost += 200 * placer.count(q, "hard") + 30 * placer.count(q, "soft")
            if cost < best_cost:
                best, best_cost = box, cost
    if best is None:  # nowhere free: the least crowded spot near the point
        boxes = []
        for dist in np.array([30, 60, 100]) * ctx.u:
            for a in np.radians(np.arange(0, 360, 45)):
                bx0, by0 = ax_ + math.cos(a) * dist - bw / 2, ay_ + math.sin(a) * dist - bh / 2
                box = (bx0, by0, bx0 + bw, by0 + bh)
                if placer.inside(box):
                    boxes.append(box)
        best = min(boxes, key=placer.overlap) if boxes else None
    return best
