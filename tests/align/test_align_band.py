"""The vectorised band counts and gains equal the scalar scorer's, exactly."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import workbench.core.align_band as band
from workbench.core.align_band import IdRows, window_counts
from workbench.core.align_dp import coarse_path, refined_band
from workbench.core.align_gains import band_gains, one_to_one_band
from workbench.core.align_scoring import BEAD_SHAPES, AlignParams, BeadScorer

_ROWS = st.lists(st.lists(st.integers(0, 12), max_size=6, unique=True), min_size=1, max_size=9)
_WORDS = st.sampled_from(
    ["the", "die", "Regierung", "gouvernement", "2024", "Kyiv", "Київ", "a", "Merkel", "12,5"]
)
_TEXTS = st.lists(st.lists(_WORDS, min_size=1, max_size=7).map(" ".join), min_size=1, max_size=9)


def _union(rows: list[list[int]], start: int, size: int) -> set[int]:
    return set().union(*(set(r) for r in rows[max(0, start) : start + size])) if size else set()


@settings(max_examples=80, deadline=None)
@given(left=_ROWS, right=_ROWS, data=st.data())
def test_window_counts_split_overlaps_by_first_occurrence(left, right, data) -> None:
    band._PAIRS = data.draw(st.sampled_from([3, 1 << 17]))  # small chunks too
    first = data.draw(st.integers(0, len(left) - 1))
    count = data.draw(st.integers(1, len(left) - first))
    wlo = np.array([data.draw(st.integers(0, len(right) + 2)) for _ in range(count)])
    whi = wlo + np.array([data.draw(st.integers(-1, 5)) for _ in range(count)])
    base, counts = window_counts(IdRows(left), IdRows(right), first, wlo, whi, 4, 4)
    for k in range(count):
        for p in range(wlo[k], whi[k] + 1):
            for u in range(4):
                for t in range(4):
                    mine = set(left[first + k]) - _union(left, first + k - u, u)
                    other = set(right[p]) - _union(right, p - t, t) if p < len(right) else set()
                    assert counts[base[k] + p - wlo[k], u, t] == len(mine & other)
    band._PAIRS = 1 << 17


@settings(max_examples=40, deadline=None)
@given(left=_TEXTS, right=_TEXTS, width=st.integers(0, 3))
def test_band_gains_are_the_scalar_gains(left: list[str], right: list[str], width: int) -> None:
    n, m = len(left), len(right)
    params = AlignParams()
    scorer = BeadScorer(left, right, [left], [right], params)
    path = coarse_path(scorer, n, m, params, [])
    lo, hi = refined_band(path, n, m, width)
    for i, row in enumerate(band_gains(scorer, lo, hi, BEAD_SHAPES)):
        for j, gains in zip(range(lo[i], hi[i] + 1), row, strict=True):
            for (a, b), gain in zip(BEAD_SHAPES, gains, strict=True):
                if i + a > n or j + b > m:
                    assert gain == float("-inf")
                else:
                    assert gain == scorer.gain(i, a, j, b)
    ones = one_to_one_band(scorer, lo, hi)
    for i in range(n):
        for j, gain in zip(range(lo[i], hi[i] + 1), ones[i], strict=True):
            assert gain == (scorer.gain(i, 1, j, 1) if j < m else float("-inf"))
    wider = refined_band(path, n, m, width + 2)
    for i, row in enumerate(one_to_one_band(scorer, *wider, (lo, hi, ones))):
        for j, gain in zip(range(wider[0][i], wider[1][i] + 1), row, strict=True):
            assert gain == (scorer.gain(i, 1, j, 1) if j < m else float("-inf"))
