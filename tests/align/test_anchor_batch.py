"""The aligner's batch form of the anchors equals the one-text form exactly."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core import anchors
from workbench.core.anchors import anchor_keys, anchor_keys_all, name_key, name_keys

_PIECES = st.sampled_from(
    ["Kyiv", "Київ", "Зеленский", "Ελλάδα", "Τραμπ", "Μπαρ", "Åsa", "\u212bngström", "\u2126m",
     "ﬁle", "Straße", "ẞ", "Schtschedrin", "O'Neil", "d’Alembert", "x\u0308", "_Ab", "1Ab",
     "10,000", "12.5", "3 000", "−4", "\u00a0", "\u202f", " ", ", ", ". ", "\n", "'", "-",
     "a", "ab"]
)  # fmt: skip
_TEXTS = st.lists(st.lists(_PIECES, max_size=8).map("".join), max_size=12)


@settings(max_examples=150, deadline=None)
@given(texts=_TEXTS)
def test_anchor_keys_all_equals_anchor_keys_per_text(texts: list[str]) -> None:
    anchors._NAME_KEYS.clear()
    assert anchor_keys_all(texts) == [anchor_keys(t) for t in texts]


@settings(max_examples=150, deadline=None)
@given(tokens=st.lists(st.text(min_size=1, max_size=6), max_size=10))
def test_name_keys_equals_name_key(tokens: list[str]) -> None:
    anchors._NAME_KEYS.clear()
    assert name_keys(tokens) == [name_key(t) for t in tokens]
