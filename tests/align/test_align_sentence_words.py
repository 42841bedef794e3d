"""Round 44 (speed44): the word-table passes split the originals' words once.

``align_lexicon.sentence_words`` keeps each sentence's normalised words; the table
(``learn_lexicon(..., words=)``) and the glosses (``gloss_words``) read them instead of
splitting each text again. Both must give exactly what the text-reading forms give, for any
text (odd whitespace, scripts, marks, digits, empty sentences).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.align_lexicon import gloss, gloss_words, learn_lexicon, sentence_words

_WORDS = st.sampled_from(
    ["haus", "maison", "Haus", "rot", "rouge", "été", "Zürich", "12", "a", "Ναι", "дом", "—", ""]
)
_TEXT = st.text(max_size=30) | st.lists(_WORDS, max_size=8).map(" ".join)
_SIDE = st.lists(_TEXT, min_size=1, max_size=10)


@settings(max_examples=150, deadline=None)
@given(
    left=_SIDE,
    right=_SIDE,
    picks=st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), max_size=20),
    min_count=st.integers(1, 3),
    min_dice=st.sampled_from([0.0, 0.3, 1.0]),
)
def test_table_from_kept_words_is_the_table_from_texts(left, right, picks, min_count,
                                                       min_dice) -> None:  # fmt: skip
    pairs = [(i % len(left), j % len(right)) for i, j in picks]
    words = sentence_words(left, right)
    plain = learn_lexicon(left, right, pairs, min_count=min_count, min_dice=min_dice)
    kept = learn_lexicon(left, right, pairs, min_count=min_count, min_dice=min_dice, words=words)
    assert kept == plain
    assert list(kept.items()) == list(plain.items())  # the same order too


@settings(max_examples=150, deadline=None)
@given(
    side=_SIDE,
    table=st.dictionaries(st.sampled_from(["haus", "rot", "zurich", "ete", "a", "12", "дом"]),
                          st.sampled_from(["maison", "rouge", "", "a b"]), max_size=5),
    prefixes=st.dictionaries(st.sampled_from(["ha", "ro", "zu", "et"]),
                             st.sampled_from(["mai", "rou", ""]), max_size=3),
)  # fmt: skip
def test_gloss_of_kept_words_is_the_gloss_of_the_text(side, table, prefixes) -> None:
    words = sentence_words(side, side)
    assert words[0] == words[1]
    for text, kept in zip(side, words[0], strict=True):
        assert gloss_words(kept, table) == gloss(text, table)
        assert gloss_words(kept, table, prefixes, 2) == gloss(text, table, prefixes, 2)
