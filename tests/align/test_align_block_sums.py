"""``align_band.block_sums`` (the fine DP's merge weights) is Python's ``sum`` over each block."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.align_band import block_sums
from workbench.core.align_scoring import AlignParams, BeadScorer

_WEIGHTS = st.lists(st.floats(min_value=0.0, max_value=1.0), max_size=12)


@settings(max_examples=200, deadline=None)
@given(weights=_WEIGHTS, depth=st.integers(min_value=1, max_value=5))
def test_block_sums_are_the_plain_sums(weights: list[float], depth: int) -> None:
    got = block_sums(np.array(weights, np.float64), depth)
    assert got.shape == (len(weights), depth)
    for k in range(len(weights)):
        for s in range(1, depth + 1):
            assert got[k, s - 1] == sum(weights[k : k + s])  # bit for bit, not approximately


def test_a_later_pass_reuses_the_anchor_rows() -> None:
    left = ["The bridge opened in 2024.", "Kyiv said 12 people came.", "Nothing else."]
    right = ["Le pont a ouvert en 2024.", "Kyiv a dit que 12 personnes sont venues."]
    first = BeadScorer(left, right, [left], [right], AlignParams())
    again = BeadScorer(left, right, [left], [right], AlignParams(),
                       anchors=(first.left_anchors, first.right_anchors),
                       anchor_rows=first.anchor_rows)  # fmt: skip
    fresh = BeadScorer(left, right, [left], [right], AlignParams())
    assert again.anchor_ids is first.anchor_ids
    for a, b in zip(again.anchor_sizes, fresh.anchor_sizes, strict=True):
        assert np.array_equal(a, b)
    for a, b in zip(again.weight_sums, fresh.weight_sums, strict=True):
        assert np.array_equal(a, b)
