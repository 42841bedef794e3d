"""The aligner's batch form of the anchors (and of the cognate keys) equals the one-text form
exactly."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core import anchors
from workbench.core.align_anchor_moves import place_keys
from workbench.core.align_cognates import _WORD_RE, sentence_beginnings
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


@settings(max_examples=150, deadline=None)
@given(tokens=st.lists(st.one_of(st.text(min_size=1, max_size=6), _PIECES), max_size=10))
def test_folds_equal_fold_and_name_key(tokens: list[str]) -> None:
    assert anchors.folds(tokens) == ([anchors.fold(t) for t in tokens],
                                     [name_key(t) for t in tokens])  # fmt: skip


def _beginnings_one_word_at_a_time(text: str, prefix: int) -> frozenset[str]:
    """Round 18's ``word_beginnings``: each word folded and skeletonised alone."""
    places = place_keys()
    keys = set()
    for word in _WORD_RE.findall(text):
        if len(word) <= prefix or "@" + name_key(word) in places:
            continue
        keys.add("~" + anchors.fold(word).replace("ß", "ss")[:prefix])
    return frozenset(keys)


@settings(max_examples=150, deadline=None)
@given(texts=st.lists(st.one_of(_TEXTS.map(" ".join), st.text(max_size=30)), max_size=8),
       prefix=st.integers(1, 6))  # fmt: skip
def test_sentence_beginnings_equal_word_by_word(texts: list[str], prefix: int) -> None:
    texts = [*texts, "Frankreich und Straßburg, Deutschland", "Танкер Legionellen légionelles"]
    assert sentence_beginnings(texts, prefix) == [
        _beginnings_one_word_at_a_time(t, prefix) for t in texts
    ]
