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
@given(left=_TEXTS, right=_TEXTS, width=st.integers(0, 3), pin=st.sampled_from([1, 3]))
def test_band_gains_are_the_scalar_gains(left: list[str], right: list[str], width: int,
                                         pin: int) -> None:  # fmt: skip
    n, m = len(left), len(right)
    params = AlignParams(anchor_pinned_weight=pin)  # pinned anchors: copies in the id rows
    scorer = BeadScorer(left, right, [left], [right], params)
    path = coarse_path(scorer, n, m, params, [])
    lo, hi = refined_band(path, n, m, width)
    for i, row in enumerate(band_gains(scorer, lo, hi, BEAD_SHAPES)):
        for j, gains in zip(range(lo[i], hi[i] + 1), row, strict=True):
            for (a, b), gain in zip(BEAD_SHAPES, gains, strict=True):
                if i + a > n or j + b > m:
                    assert gain == float("-inf")
                elif a and b and not lo[i + a] <= j + b <= hi[i + a]:
                    assert gain == float("-inf")  # ends outside the band: never read
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


@settings(max_examples=60, deadline=None)
@given(left=_TEXTS, right=_TEXTS, width=st.sampled_from([8, 64, 4096]))
def test_numbered_split_counts_what_the_plain_sets_count(left, right, width) -> None:
    from workbench.core.align_profiles import block_dice, overlap
    from workbench.core.align_split import split_view
    from workbench.core.similarity import ProfileBuilder, dice

    builder = ProfileBuilder()
    plain = [builder.profile(t) for t in left], [builder.profile(t) for t in right]
    numbered = [builder.numbered(t) for t in left], [builder.numbered(t) for t in right]
    assert [len(p) for p in plain[0]] == [len(p) for p in numbered[0]]
    (lefts, rights), _arrays = split_view(*numbered, width=width)
    for i in range(len(left)):
        for a in range(1, len(left) - i + 1):
            union_left = frozenset().union(*plain[0][i : i + a])
            assert lefts.block(i, a)[0] == len(union_left)
            for j in range(len(right)):
                for b in range(1, min(3, len(right) - j) + 1):
                    union_right = frozenset().union(*plain[1][j : j + b])
                    pair = lefts.block(i, a), rights.block(j, b)
                    assert overlap(*pair) == len(union_left & union_right)
                    assert block_dice(*pair) == dice(union_left, union_right)
