"""A pydeck ``Deck`` that serializes compactly and remembers its JSON."""

from __future__ import annotations

import json
import weakref

import pydeck as pdk

__all__ = ["CompactDeck"]


class CompactDeck(pdk.Deck):
    """A Deck whose JSON has no indentation (pydeck indents by 2, which triples
    the size of coordinate arrays and the time the browser spends on them)."""

    def to_json(self) -> str:
        """The deck as compact JSON, remembered until an attribute, a layer or a
        layer's data is replaced (Streamlit asks for it on every rerun, and a
        cached deck is not changed in place)."""
        from pydeck.bindings.json_tools import default_serialize

        state = self._fingerprint()
        memo = _JSON_MEMO.get(self)
        if memo is not None and memo[0] == state:
            return memo[1]
        text = json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))
        _JSON_MEMO[self] = (state, text)
        return text

    def _fingerprint(self) -> tuple:
        attrs = tuple((k, id(v)) for k, v in vars(self).items())
        layers = tuple(
            (id(layer), id(getattr(layer, "data", None)), tuple(map(id, vars(layer).values())))
            for layer in self.layers
        )
        return attrs, layers


# Outside the decks' own attributes, which pydeck serializes.
_JSON_MEMO: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
