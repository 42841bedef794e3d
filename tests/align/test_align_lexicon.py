"""The in-document word table and the no-MT pass structure's profile reuse."""

from __future__ import annotations

from collections import Counter
from itertools import product

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.align_lexicon import _words, learn_lexicon
from workbench.core.align_profiles import KeepingBuilder
from workbench.core.similarity import ProfileBuilder


def _plain_lexicon(left, right, pairs, min_count=2, min_dice=0.3) -> dict[str, str]:
    """The table as its docstring defines it, written the obvious way (string-pair counts)."""
    words = [(_words(left[i]), _words(right[j])) for i, j in pairs]
    left_count = Counter(w for lw, _ in words for w in lw)
    right_count = Counter(v for _, rw in words for v in rw)
    joint = Counter(pair for lw, rw in words for pair in product(lw, rw))
    best: dict[str, tuple[float, int, str]] = {}
    for (w, v), count in joint.items():
        dice = 2 * count / (left_count[w] + right_count[v])
        key = (dice, count, v)
        if count >= min_count and dice >= min_dice and (w not in best or key > best[w]):
            best[w] = key
    return {w: key[2] for w, key in best.items()}


_WORDS = st.sampled_from(
    ["haus", "maison", "rot", "rouge", "der", "le", "Zürich", "été", "12", "a"]
)
_TEXTS = st.lists(st.lists(_WORDS, max_size=7).map(" ".join), min_size=1, max_size=12)


@settings(max_examples=150, deadline=None)
@given(
    left=_TEXTS,
    right=_TEXTS,
    picks=st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11)), max_size=25),
    min_count=st.integers(1, 3),
    min_dice=st.sampled_from([0.0, 0.3, 0.5, 1.0]),
)
def test_lexicon_equals_the_plain_definition(left, right, picks, min_count, min_dice) -> None:
    pairs = [(i % len(left), j % len(right)) for i, j in picks]
    expected = _plain_lexicon(left, right, pairs, min_count, min_dice)
    assert learn_lexicon(left, right, pairs, min_count=min_count, min_dice=min_dice) == expected


def test_lexicon_ties_go_to_the_more_frequent_then_alphabetical_word() -> None:
    left = ["alpha beta", "alpha beta", "gamma"]
    right = ["zeta eta", "zeta eta", "theta"]
    table = learn_lexicon(left, right, [(0, 0), (1, 1), (2, 2)])
    assert table == {"alpha": "zeta", "beta": "zeta"}  # dice 1.0 twice each: "zeta" > "eta"


def test_keeping_builder_reuses_original_profiles_with_one_numbering() -> None:
    left = ["Der Rat tagt in Bern.", "Zweiter Satz."]
    right = ["Le conseil siège à Berne.", "Der Rat tagt in Bern."]  # a verbatim copy
    builder = KeepingBuilder(left, right)
    first = [builder.numbered(t) for t in left + right]
    assert first[0] is first[3]  # the copy shares the original's profile
    assert builder.numbered(left[1]) is first[1]  # asked again: not rebuilt
    fresh = ProfileBuilder()
    names = {v: k for k, v in builder._numbers.items()}
    for text, kept in zip(left + right, first, strict=True):
        plain = fresh.numbered(text)
        fresh_names = {v: k for k, v in fresh._numbers.items()}
        assert {names[g] for g in kept} == {fresh_names[g] for g in plain}
    gloss = builder.numbered("le rat siège")  # not an original: built, not kept
    assert builder.numbered("le rat siège") is not gloss
    builder.forget()
    assert builder.numbered(left[0]) is not first[0]
