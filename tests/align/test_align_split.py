"""The counts of ``align_split`` taken for many pairs at once equal the plain sets' counts."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.align_scoring import AlignParams, BeadScorer
from workbench.core.align_split import grid_counts, pair_counts, pair_overlaps, split_view
from workbench.core.align_views import block_coverages
from workbench.core.similarity import ProfileBuilder

_WORDS = st.sampled_from(
    ["the", "die", "Regierung", "gouvernement", "2024", "Kyiv", "Київ", "a", "Merkel", "12,5",
     "regierung", "Gouvernements", "Kyjiw", "the government", "2025"]
)  # fmt: skip
_TEXTS = st.lists(st.lists(_WORDS, min_size=1, max_size=7).map(" ".join), min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(left=_TEXTS, right=_TEXTS, width=st.sampled_from([8, 64, 4096]), data=st.data())
def test_grid_and_listed_pairs_count_the_plain_intersections(left, right, width, data) -> None:
    """Grid counts (``grid_counts``, and ``pair_counts`` on grid-shaped lists) are exact,
    whatever share of the n-grams is frequent (bits) or rare (ids)."""
    builder = ProfileBuilder()
    plain = [builder.profile(t) for t in left], [builder.profile(t) for t in right]
    numbered = [builder.numbered(t) for t in left], [builder.numbered(t) for t in right]
    profiles, arrays = split_view(*numbered, width=width)
    lefts = np.array(sorted(data.draw(st.sets(st.integers(0, len(left) - 1), min_size=1))))
    rights = np.array(sorted(data.draw(st.sets(st.integers(0, len(right) - 1), min_size=1))))
    grid = grid_counts(arrays[0], arrays[1], lefts, rights)
    for a, k in enumerate(lefts.tolist()):
        for b, p in enumerate(rights.tolist()):
            assert grid[a, b] == len(plain[0][k] & plain[1][p])
    ks, ps = np.repeat(lefts, len(rights)), np.tile(rights, len(lefts))
    while len(ks) < 300:  # past _GRID_FROM listed pairs: the grid path
        ks, ps = np.concatenate([ks, ks]), np.concatenate([ps, ps])
    found = pair_counts((profiles[0], arrays[0]), (profiles[1], arrays[1]), ks, ps)
    pairs = zip(ks.tolist(), ps.tolist(), strict=True)
    expected = [len(plain[0][k] & plain[1][p]) for k, p in pairs]
    assert found.tolist() == expected


@settings(max_examples=80, deadline=None)
@given(left=_TEXTS, right=_TEXTS, width=st.sampled_from([8, 4096]), data=st.data())
def test_band_windows_count_the_plain_intersections(left, right, width, data) -> None:
    """``pair_overlaps`` of any windows (empty, narrow, full: both of its ways, one gather
    of sparse windows and offset by offset) counts ``|left[k] & right[p]|`` exactly, in
    ``window_counts`` layout (row ``k``'s windows one after another)."""
    builder = ProfileBuilder()
    plain = [builder.profile(t) for t in left], [builder.profile(t) for t in right]
    numbered = [builder.numbered(t) for t in left], [builder.numbered(t) for t in right]
    _profiles, arrays = split_view(*numbered, width=width)
    ends = st.tuples(st.integers(0, len(right) - 1), st.integers(-1, len(right) - 1))
    windows = data.draw(st.lists(ends, min_size=len(left), max_size=len(left)))
    wlo = np.array([lo for lo, _hi in windows], np.int64)
    whi = np.array([hi for _lo, hi in windows], np.int64)
    found = pair_overlaps(arrays[0], arrays[1], wlo, whi)
    expected = [
        len(plain[0][k] & plain[1][p])
        for k, (lo, hi) in enumerate(windows)
        for p in range(lo, hi + 1)
    ]
    assert found.tolist() == expected


@settings(max_examples=60, deadline=None)
@given(left=_TEXTS, right=_TEXTS, data=st.data())
def test_block_coverages_are_the_scalar_coverages(left, right, data) -> None:
    """The calibration's batch of block coverages equals ``BeadScorer.coverage`` exactly."""
    views = [left, left[::-1]], [right, right[::-1]]  # two views, as with MT both ways
    scorer = BeadScorer(left, right, *views, AlignParams())
    side = data.draw(st.integers(0, 1))
    count, other = (len(left), len(right))[side], (len(right), len(left))[side]
    size = data.draw(st.integers(1, min(4, other)))
    ks = data.draw(st.lists(st.integers(0, count - 1), min_size=1, max_size=8))
    starts = [data.draw(st.integers(0, other - size)) for _ in ks]
    found = block_coverages(scorer, side, ks, starts, size)
    expected = [
        (scorer.coverage(side, k, s, size), scorer.coverage(side, k, s, 1))
        for k, s in zip(ks, starts, strict=True)
    ]
    assert found == expected


@settings(max_examples=60, deadline=None)
@given(left=_TEXTS, right=_TEXTS, width=st.sampled_from([8, 64, 4096]), data=st.data())
def test_lazy_masks_are_the_bit_rows(left, right, width, data) -> None:
    """``SideProfiles.bits`` (``LazyBits``, made when first read, in any order, negative
    indices included) holds each sentence's bit row as one integer, as a list of them did;
    a sentence past the end is an ``IndexError``; every block is the plain sets' union."""
    builder = ProfileBuilder()
    plain = [builder.profile(t) for t in left], [builder.profile(t) for t in right]
    numbered = [builder.numbered(t) for t in left], [builder.numbered(t) for t in right]
    profiles, arrays = split_view(*numbered, width=width)
    for side, texts in enumerate((left, right)):
        rows = arrays[side].bits[: len(texts)]
        eager = [int.from_bytes(row.tobytes(), "little") for row in rows]
        order = data.draw(st.permutations(range(-len(texts), len(texts))))
        for k in order:
            assert profiles[side].bits[k] == eager[k]
        with pytest.raises(IndexError):
            profiles[side].bits[len(texts)]
    fresh = split_view(*numbered, width=width)[0]
    for i in range(len(left)):
        for a in range(1, min(4, len(left) - i) + 1):
            union = frozenset().union(*plain[0][i : i + a])
            block = fresh[0].block(i, a)
            assert block[0] == len(union)
            for j in range(len(right)):
                theirs = fresh[1].block(j, 1)
                assert (block[1] & theirs[1]).bit_count() + len(block[2] & theirs[2]) == len(
                    union & plain[1][j]
                )
