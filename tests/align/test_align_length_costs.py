"""The band's length costs (``align_gains.length_costs``) are the scalar ``length_cost``, exactly.

Lengths from one character to thousands put the Gale-Church argument on both
sides of ``_ERFC_SAFE``: below it the tails are chained straight into the log,
above it the scalar path's clamp at 1e-300 decides.
"""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.align_gains import _ERFC_SAFE, length_costs
from workbench.core.align_scoring import AlignParams, BeadScorer

_LENGTHS = st.lists(st.integers(1, 3000), min_size=1, max_size=8)


def _texts(lengths: list[int]) -> list[str]:
    return [("ab " * length)[:length] for length in lengths]


def _scorer(left: list[int], right: list[int]) -> BeadScorer:
    a, b = _texts(left), _texts(right)
    return BeadScorer(a, b, [a], [b], AlignParams())


@settings(max_examples=60, deadline=None)
@given(left=_LENGTHS, right=_LENGTHS, a=st.integers(1, 4), b=st.integers(1, 4))
def test_length_costs_are_the_scalar_costs(left, right, a, b) -> None:
    scorer = _scorer(left, right)
    cells = [(i, j) for i in range(len(left) - a + 1) for j in range(len(right) - b + 1)]
    if not cells:
        return
    i = np.array([c[0] for c in cells], np.int64)
    j = np.array([c[1] for c in cells], np.int64)
    got = length_costs(scorer, i, a, j, b).tolist()
    assert got == [scorer._length_cost(x, a, y, b) for x, y in cells]


def test_both_branches_are_reached() -> None:
    """A one-character sentence against thousands of characters lies past the safe bound."""
    scorer = _scorer([1, 50, 3000], [3000, 50, 1])
    i, j = np.array([0, 1, 2, 0]), np.array([0, 1, 2, 2])
    ll = scorer.prefix[0][i + 1] - scorer.prefix[0][i]
    rl = scorer.prefix[1][j + 1] - scorer.prefix[1][j]
    expected = ll * scorer.ratio
    x = np.abs((rl - expected) / np.sqrt(expected * scorer.params.length_variance)) / np.sqrt(2)
    assert x.max() >= _ERFC_SAFE
    got = length_costs(scorer, i, 1, j, 1).tolist()
    pairs = zip(i.tolist(), j.tolist(), strict=True)
    assert got == [scorer._length_cost(p, 1, q, 1) for p, q in pairs]
    assert got[0] == -math.log(1e-300)  # clamped, as the scalar path clamps
    safe = x < _ERFC_SAFE
    assert safe.any()
    sub = length_costs(scorer, i[safe], 1, j[safe], 1).tolist()
    assert sub == [g for g, s in zip(got, safe.tolist(), strict=True) if s]
