"""The scenario's notes on the map: callouts or numbered markers."""

from __future__ import annotations

from ..i18n import strings
from .view import View, _screen_px

_SOURCE = strings("EXPORT")  # "Source: {source}" / "Джерело: {source}"


def _tooltip(n, lang: str) -> str:
    text = n.text_in(lang)
    if not n.source:
        return text
    return text + "\n" + _SOURCE.get(lang, _SOURCE["en"])["source"].format(source=n.source)

__all__ = ["deck_notes"]


def _wrap(text: str, width: int = 34) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width)) or text


#: Callout positions tried for a note, in order: (text anchor, baseline,
#: pixel offset, which side of the point the box lies on: x sign, y sign).
_NOTE_SPOTS = (
    ("start", "top", [10, 6], 1, 1),
    ("end", "top", [-10, 6], -1, 1),
    ("start", "bottom", [10, -6], 1, -1),
    ("end", "bottom", [-10, -6], -1, -1),
)


def _place_notes(notes, view: View, size: float = 12.0, lang: str = "en") -> list[dict]:
    """Callouts for the notes, each put right or left of its point, below or
    above it, where its box (estimated in screen pixels at the opening zoom)
    covers no callout placed before it (north to south); the least covered
    spot when none is free."""
    px = _screen_px(view)
    placed: list[tuple[float, float, float, float]] = []

    def overlap(b) -> float:
        return sum(max(0.0, min(b[2], o[2]) - max(b[0], o[0]))
                   * max(0.0, min(b[3], o[3]) - max(b[1], o[1])) for o in placed)  # fmt: skip

    out = []
    for n in sorted(notes, key=lambda n: -n.lat):
        text = _wrap(n.text_in(lang))
        lines = text.split("\n")
        w = 0.6 * size * max(len(line) for line in lines) + 12 + 10
        h = 1.2 * size * len(lines) + 8 + 6
        x, y = px(n.lon, n.lat)
        boxes = []
        for anchor, baseline, offset, sx, sy in _NOTE_SPOTS:
            box = (x if sx > 0 else x - w, y if sy > 0 else y - h,
                   x + w if sx > 0 else x, y + h if sy > 0 else y)  # fmt: skip
            boxes.append((overlap(box), box, anchor, baseline, offset))
        best = next((b for b in boxes if b[0] == 0.0), min(boxes, key=lambda b: b[0]))
        placed.append(best[1])
        out.append({
            "text": text,
            "position": [n.lon, n.lat],
            "anchor": best[2],
            "baseline": best[3],
            "offset": best[4],
            "tooltip": _tooltip(n, lang),
        })  # fmt: skip
    return out


def deck_notes(notes) -> list:
    """The notes in the order :func:`build_deck` numbers them (north to south,
    then west to east), so a list beside the map can number them the same."""
    return sorted(notes, key=lambda n: (-round(n.lat, 2), n.lon))


def _numbered_notes(notes, lang: str = "en") -> list[dict]:
    """Numbered markers for the notes ("1", "2"...): small enough to hide no
    town, on any screen; the text goes in a list beside the map."""
    return [
        {"text": str(i), "position": [n.lon, n.lat], "tooltip": _tooltip(n, lang)}
        for i, n in enumerate(deck_notes(notes), start=1)
    ]  # fmt: skip
