"""Callout notes: their rings, boxes placed near their points, and leader lines."""

from __future__ import annotations

import math

import numpy as np
import shapely
from matplotlib import patheffects

from .geometry import _rgba
from .placer import _Placer, _segments_cross

#: A callout of up to this many lines reads at a glance; each line more costs
#: as much as this many units of leader (see :func:`_note_box`'s cost).
_EASY_LINES = 5
_TALL_LINE_COST = 30
#: Widths a callout's box tries, as fractions of the default: a wider one
#: first (fewer lines), then narrower ones (nearer spots).
_WIDTHS = (1.0, 1.3, 0.86, 0.72, 0.63, 0.55)


def _draw_note_rings(ctx, view, placer, result) -> None:
    """The callouts' points: a ring each (a ring, not a dot: the point is not a city)."""
    notes = result.scenario.notes
    if not notes:
        return
    th = ctx.theme
    x, y = view.project_xy([n.lon for n in notes], [n.lat for n in notes])
    anchors = view.to_px(x, y)
    # A note a previous layout found no room for is a numbered ring here, its
    # text under the same number below the map (see _draw_footer): never lost.
    numbers = {k: n for n, k in enumerate(ctx.shown.get("note_numbers", ()), 1)}
    ctx.note_rings = [None] * len(notes)
    for numbered in (False, True):
        ring_pt = (8.5 if numbered else 5.0) * ctx.s
        r = ring_pt * ctx.px_per_pt / 2 + ctx.u
        idx = np.array(
            [k for k, (px, py) in enumerate(anchors) if (k in numbers) == numbered
             and placer.inside((px - r, py - r, px + r, py + r))], dtype=int)  # fmt: skip
        if not idx.size:
            continue
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
        for k in idx:
            px, py = anchors[k]
            placer.add((px - r, py - r, px + r, py + r))
            ctx.note_rings[k] = (float(px), float(py), r)
            if numbered:
                view.ax.text(x[k], y[k], str(numbers[k]), fontproperties=ctx.font(6.2, "bold"),
                             color=th["ink"], ha="center", va="center_baseline", zorder=14.6,
                             parse_math=False, gid=f"note-number-{k}")  # fmt: skip


def _draw_notes(ctx, view, placer, result) -> None:
    """Callout boxes, placed near their rings, with leader lines.

    Each note takes the spot nearest its ring whose leader crosses no other
    leader, label or marker (:func:`_note_box`), trying narrower boxes before
    farther spots; when a note finds none, the notes are placed again in
    another order, and the order that leaves fewest leaders crossing anything
    wins.  A note with no free spot at all is recorded (``ctx.unplaced_notes``):
    :func:`ranges.render.render_figure` lays the map out again with a compact
    key, then with that note as a numbered ring whose text goes below the map.
    """
    notes = result.scenario.notes
    if not notes:
        return
    from itertools import permutations

    b = placer.bounds
    prop = ctx.font(6.9)
    wrap_w = min(max(0.22 * (b[2] - b[0]), 150 * ctx.u), 260 * ctx.u)
    pad_px = 4.0 * ctx.s * ctx.px_per_pt / 2
    sizes: dict[str, tuple[float, float]] = {}

    def extent(text: str) -> tuple[float, float]:
        """The note box's size as matplotlib lays the text out."""
        if text not in sizes:
            art = view.ax.text(0, 0, text, fontproperties=prop, linespacing=1.2,
                               parse_math=False)  # fmt: skip
            bb = art.get_window_extent(ctx.renderer)
            art.remove()
            sizes[text] = (bb.width + 2 * pad_px, bb.height + 2 * pad_px)
        return sizes[text]
    centre = np.array([(b[0] + b[2]) / 2, (b[1] + b[3]) / 2])
    todo = []
    numbered = set(ctx.shown.get("note_numbers", ()))
    for k, (note, ring) in enumerate(zip(notes, ctx.note_rings, strict=True)):
        if ring is None:
            ctx.warnings.append(ctx.t["warn_note"].format(text=_short(note.text_in(ctx.lang))))
        elif k not in numbered:
            todo.append((k, note.text_in(ctx.lang), ring))

    def plan(order):
        trial, leaders, out = placer.copy(), [], []
        for k, text, (ax_, ay_, _) in order:
            found = []
            for width in wrap_w * np.array(_WIDTHS):
                lines = ctx.wrap(text, prop, width, balance=True)
                bw, bh = extent("\n".join(lines))
                box, clean, cost = _note_box(ctx, trial, (ax_, ay_), bw, bh, centre, leaders)
                # A narrower box is taken for a shorter leader only when that
                # is worth its extra lines: a tall, thin column of text reads
                # worse than a leader a few dozen pixels longer.
                cost += _TALL_LINE_COST * max(0, len(lines) - _EASY_LINES)
                found.append((not (box is not None and clean), cost, len(found), box, clean, lines))
                if box is not None and clean and len(lines) <= _EASY_LINES:
                    break
            _, _, _, box, clean, lines = min(found)
            if not clean:  # a leader across another or over a label: left out, and said
                box = None
            out.append((k, text, (ax_, ay_), box, clean, lines))
            if box is not None:
                leaders.append(_add_note(ctx, trial, (ax_, ay_), box))
        return out

    best = None
    for n, order in enumerate(permutations(todo)):
        if n >= 6:
            break
        out = plan(order)
        score = (sum(o[3] is None for o in out), n)
        if best is None or score < best[0]:
            best = (score, out)
        if score[0] == 0:
            break
    leaders: list = []
    for k, text, anchor, box, _, lines in best[1] if best else ():
        _draw_note(ctx, view, placer, k, text, anchor, box, lines, prop, pad_px, leaders)
    unplaced = [(anchor, text) for k, text, anchor, *_ in best[1] if k in ctx.unplaced_notes] \
        if best else []  # fmt: skip
    if unplaced and ctx.key_box is not None and not ctx.shown.get("compact_key"):
        # Would the key's room have done?  If not, a compact key is no use.
        without = placer.without(ctx.key_box)
        for anchor, text in unplaced:
            for width in wrap_w * np.array(_WIDTHS):
                bw, bh = extent("\n".join(ctx.wrap(text, prop, width, balance=True)))
                box, clean, _ = _note_box(ctx, without, anchor, bw, bh, centre, leaders)
                if box is not None and clean and _crosses_box(anchor, box, ctx.key_box):
                    ctx.key_blocks_notes = True
                    return


def _leader_end(anchor, box) -> tuple[float, float]:
    """Where a leader from ``anchor`` meets the note's ``box``: its nearest point."""
    return min(max(anchor[0], box[0]), box[2]), min(max(anchor[1], box[1]), box[3])


def _crosses_box(anchor, box, key) -> bool:
    """Whether a note at ``box`` or its leader from ``anchor`` takes room of
    the box ``key`` (where the key stood)."""
    leader = shapely.LineString([anchor, _leader_end(anchor, box)])
    key = shapely.box(*key)
    return bool(key.intersects(shapely.box(*box)) or key.intersects(leader))


def _add_note(ctx, placer: _Placer, anchor, box) -> tuple[float, float, float, float]:
    """Take ``box`` and its leader in the collision index; return the leader."""
    ax_, ay_ = anchor
    placer.add(box)
    lx, ly = _leader_end(anchor, box)
    # Keep labels off the leader: small boxes along it.
    n = max(2, int(math.hypot(lx - ax_, ly - ay_) / (5 * ctx.u)))
    for f in np.linspace(0, 1, n)[1:]:  # up to the box
        qx, qy = ax_ + f * (lx - ax_), ay_ + f * (ly - ay_)
        placer.add((qx - 2 * ctx.u, qy - 2 * ctx.u, qx + 2 * ctx.u, qy + 2 * ctx.u))
    return (ax_, ay_, lx, ly)


def _draw_note(ctx, view, placer, k, text, anchor, box, lines, prop, pad_px, leaders) -> None:
    th = ctx.theme
    ax_, ay_ = anchor
    if box is None:  # its ring stays; the next layout numbers it (or it is said)
        _no_room(ctx, k, text)
        return
    art = view.ax.text(
        0,
        0,
        "\n".join(lines),
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
    # the box as laid out, where the plan put it
    bb = art.get_window_extent(ctx.renderer)
    bw, bh = bb.width + 2 * pad_px, bb.height + 2 * pad_px
    chosen = (box[0], box[1], box[0] + bw, box[1] + bh)
    if not placer.free(chosen):
        chosen, clean, _ = _note_box(ctx, placer, anchor, bw, bh, np.array(anchor), leaders)
        if chosen is None or not clean:
            art.remove()
            _no_room(ctx, k, text)
            return
    leaders.append(_add_note(ctx, placer, anchor, chosen))
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
    lx, ly = leaders[-1][2], leaders[-1][3]
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


def _no_room(ctx, k: int, text: str) -> None:
    """Note ``k`` found no room: :func:`ranges.render.render_figure` lays the map
    out again with it numbered; the warning stands if that layout is the last."""
    ctx.unplaced_notes.append(k)
    ctx.warnings.append(ctx.t["warn_note"].format(text=_short(text)))


def _short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _note_box(ctx, placer: _Placer, anchor, bw: float, bh: float, centre, leaders):
    """The best free box for a callout: short leader, off the story's points, no crossings."""
    ax_, ay_ = anchor
    u = ctx.u
    out = np.array([ax_, ay_]) - centre
    out = out / (np.hypot(*out) or 1.0)
    best, best_cost = None, math.inf
    # A leader never crosses another leader or runs over a label or marker: such
    # a spot is taken only when no other is free (then the cost ranks them).
    clean_best, clean_cost = None, math.inf
    rings = [(dist, a) for dist in np.array([20, 26, 34, 46, 62, 82, 108, 140, 180, 230]) * u
             for a in np.radians(np.arange(0, 360, 22.5))]  # fmt: skip
    b = placer.bounds
    # then anywhere on the map, should every spot near the point be taken
    far = [(math.hypot(gx - ax_, gy - ay_), math.atan2(gy - ay_, gx - ax_))
           for gx in np.arange(b[0], b[2], 24 * u) for gy in np.arange(b[1], b[3], 24 * u)]
    far = [p for p in sorted(far) if p[0] > 230 * u]
    for stage in (rings, far):
        if clean_best is not None:
            break
        spots = []
        for dist, a in stage:
            dx, dy = math.cos(a), math.sin(a)
            tx, ty = ax_ + dx * dist, ay_ + dy * dist
            bx0 = tx if dx > 0.38 else (tx - bw if dx < -0.38 else tx - bw / 2)
            by0 = ty if dy > 0.38 else (ty - bh if dy < -0.38 else ty - bh / 2)
            spots.append((dx, dy, (bx0, by0, bx0 + bw, by0 + bh)))
        if not spots:
            continue
        # every spot's room at once (placer.free of each, in array operations)
        room = placer.free_many(np.array([box for _, _, box in spots]), pad=3 * u)
        for k in np.flatnonzero(room):
            dx, dy, box = spots[k]
            lx, ly = _leader_end(anchor, box)
            seg = (ax_, ay_, lx, ly)
            length = math.hypot(lx - ax_, ly - ay_)
            cost = length / u + 15 * (1 - (dx * out[0] + dy * out[1]))
            cost += 25 * placer.count(box, "soft", 2 * u) + 5 * placer.count(box, "weak", 2 * u)
            crossings = sum(_segments_cross(seg, other) for other in leaders)
            cost += 400 * crossings
            # Leaders that run over labels or markers are hard to follow.
            n = max(2, int(length / (3 * u)))
            f = np.linspace(0, 1, n)[1:-1]
            q = np.column_stack([ax_ + f * (lx - ax_), ay_ + f * (ly - ay_)])
            q = q[np.hypot(q[:, 0] - ax_, q[:, 1] - ay_) > 7 * u]  # past its ring
            hits = placer.count_points(q, u, "hard")
            cost += 200 * hits + 30 * placer.count_points(q, u, "soft")
            cost += 50 * placer.count_points(q, u, "icons")
            if cost < best_cost:
                best, best_cost = box, cost
            if not crossings and not hits and cost < clean_cost:
                clean_best, clean_cost = box, cost
    # None when nowhere is free: the caller says so rather than cover the map
    if clean_best is not None:
        return clean_best, True, clean_cost
    return best, False, best_cost

