"""``align_chance.calibrate``: the far-away chance levels a ``BeadScorer`` starts from.

Why these properties: a sentence's chance level is coverage it gets from
sentences it is not aligned with, so it lies in [0, 1]; a bigger block never
covers less (the growth is kept monotonic so short documents' noisy samples
cannot make a 3-sentence block cheaper than a 2-sentence one); and a side
facing an empty document has nothing to share by chance.
"""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.conftest import make_sentences
from workbench.core.align_chance import calibrate
from workbench.core.align_scoring import MAX_SIDE, AlignParams, BeadScorer


@settings(max_examples=25, deadline=None)
@given(n=st.integers(1, 30), m=st.integers(1, 30), seed=st.integers(0, 50))
def test_chance_levels_are_shares_and_growth_never_falls(n: int, m: int, seed: int) -> None:
    left = make_sentences(n, seed=seed)
    right = make_sentences(m, seed=seed + 1)
    scorer = BeadScorer(left, right, [left], [right], AlignParams())
    chance, growth = calibrate(scorer, n, m, MAX_SIDE)
    assert (chance, growth) == (scorer.chance, scorer.growth)  # what the scorer keeps
    assert [len(chance[0]), len(chance[1])] == [n, m]
    assert all(0.0 <= level <= 1.0 for side in chance for level in side)
    for side, other in ((0, m), (1, n)):
        sizes = sorted(growth[side])
        assert sizes == list(range(1, min(other, MAX_SIDE) + 1))  # a block fits the other side
        assert all(growth[side][a] <= growth[side][b] for a, b in itertools.pairwise(sizes))


def test_a_side_facing_an_empty_document_has_no_chance_level() -> None:
    left = make_sentences(5, seed=3)
    scorer = BeadScorer(left, [], [left], [[]], AlignParams())
    chance, growth = calibrate(scorer, 5, 0, MAX_SIDE)
    assert chance == [[0.0] * 5, []]
    assert growth == [{1: 1.0}, {1: 1.0}]
