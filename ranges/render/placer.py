"""The collision index every placed thing goes through (labels, markers, callouts, the key)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


class _Placer:
    """Greedy label placement: a box is taken only if it is inside and free.

    One collision index for everything on the map: ``hard`` holds what is placed
    (labels, callouts and their leader lines, the key, the scale bar) and
    ``icons`` the markers (airfields, target dots, user targets), which labels
    keep off but other markers may touch (a city and its airport).  Besides, ``soft`` (points whose
    labels come later, such as the cities in the news: callouts and range
    labels keep off them) and ``weak`` (small markers such as airfields:
    labels keep off them when they can); ``lines`` (points along the reach
    outlines, which country names should not cut); ``names`` (the place names
    again, which keep an em apart on one line); ``cities`` (the spots of the
    news places and big cities in range, as in ``soft``: a launch site's
    name keeps off them when it can).
    """

    def __init__(self, bounds: tuple[float, float, float, float]):
        self.bounds = bounds
        self._layers: dict[str, list] = {"hard": [], "icons": [], "airfields": [], "soft": [],
                                         "weak": [], "lines": [], "names": [],
                                         "cities": []}  # fmt: skip
        self._arrays: dict[str, np.ndarray] = {}

    def _array(self, layer: str) -> np.ndarray:
        boxes = self._layers[layer]
        arr = self._arrays.get(layer)
        if arr is None or len(arr) != len(boxes):
            arr = self._arrays[layer] = np.asarray(boxes, dtype=float).reshape(-1, 4)
        return arr

    def inside(self, box) -> bool:
        b = self.bounds
        return box[0] >= b[0] and box[1] >= b[1] and box[2] <= b[2] and box[3] <= b[3]

    def count(self, box, layer: str, pad: float = 0.0) -> int:
        a = self._array(layer)
        if not len(a):
            return 0
        hit = (
            (a[:, 0] < box[2] + pad)
            & (a[:, 2] > box[0] - pad)
            & (a[:, 1] < box[3] + pad)
            & (a[:, 3] > box[1] - pad)
        )
        return int(hit.sum())

    def free(self, box, pad: float = 0.0, *, avoid: Sequence[str] = (), icons: bool = True,
             airfields: bool = True) -> bool:  # fmt: skip
        """Inside the map and clear of everything placed (of markers too, with
        ``icons``; of the airfield planes, with ``airfields``: the names of the
        places in the news may take a plane's spot, and that plane is not drawn)."""
        if not self.inside(box):
            return False
        layers = ("hard", *avoid) + (("icons",) if icons else ()) + (
            ("airfields",) if icons and airfields else ())
        return all(self.count(box, layer, pad) == 0 for layer in layers)

    def free_many(self, boxes: np.ndarray, pad: float = 0.0) -> np.ndarray:
        """:meth:`free` (with its default layers) of each row of ``boxes`` (n x 4),
        in array operations: the same comparisons on the same numbers, so the
        same answers."""
        boxes = np.asarray(boxes, dtype=float).reshape(-1, 4)
        b = self.bounds
        ok = (boxes[:, 0] >= b[0]) & (boxes[:, 1] >= b[1]) & (boxes[:, 2] <= b[2]) & (
            boxes[:, 3] <= b[3])  # fmt: skip
        x0, y0 = boxes[:, None, 0] - pad, boxes[:, None, 1] - pad
        x1, y1 = boxes[:, None, 2] + pad, boxes[:, None, 3] + pad
        for layer in ("hard", "icons", "airfields"):
            a = self._array(layer)
            if len(a) and ok.any():
                hit = (a[:, 0] < x1) & (a[:, 2] > x0) & (a[:, 1] < y1) & (a[:, 3] > y0)
                ok &= ~hit.any(axis=1)
        return ok

    def overlap(self, box) -> float:
        a = self._array("hard")
        if not len(a):
            return 0.0
        w = np.clip(np.minimum(a[:, 2], box[2]) - np.maximum(a[:, 0], box[0]), 0, None)
        h = np.clip(np.minimum(a[:, 3], box[3]) - np.maximum(a[:, 1], box[1]), 0, None)
        return float((w * h).sum())

    def count_points(self, pts: np.ndarray, half: float, layer: str) -> int:
        """How many (point, box) pairs touch: boxes of ``layer`` within ``half``
        of each of the points ``pts`` (n x 2), in one array operation."""
        a = self._array(layer)
        if not len(a) or not len(pts):
            return 0
        x, y = pts[:, :1], pts[:, 1:2]
        hit = (a[:, 0] < x + half) & (a[:, 2] > x - half) & (a[:, 1] < y + half) & (
            a[:, 3] > y - half
        )
        return int(hit.sum())

    def copy(self) -> _Placer:
        """An independent copy (to try a placement and throw it away)."""
        other = _Placer(self.bounds)
        other._layers = {k: list(v) for k, v in self._layers.items()}
        return other

    def without(self, box, layer: str = "hard") -> _Placer:
        """A copy with ``box`` taken out of ``layer`` (where the key stood)."""
        other = self.copy()
        other._layers[layer] = [b for b in other._layers[layer] if b != tuple(box)]
        return other

    def add(self, box, layer: str = "hard") -> None:
        self._layers[layer].append(tuple(float(v) for v in box))


def _text_box(px, py, w, h, ha, va, pad=1.5):
    x0 = {"left": px, "right": px - w, "center": px - w / 2}[ha]
    y0 = {"bottom": py, "top": py - h, "center": py - h / 2}[va]
    return (x0 - pad, y0 - pad, x0 + w + pad, y0 + h + pad)


def _segments_cross(a, b) -> bool:
    (x1, y1, x2, y2), (x3, y3, x4, y4) = a, b

    def orient(ax, ay, bx, by, cx, cy):
        return np.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax))

    return orient(x1, y1, x2, y2, x3, y3) != orient(x1, y1, x2, y2, x4, y4) and orient(
        x3, y3, x4, y4, x1, y1
    ) != orient(x3, y3, x4, y4, x2, y2)
