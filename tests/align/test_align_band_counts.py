"""The coarse band's kept overlap counts are the scalar counts, and reading them changes nothing."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.align_dp import coarse_path, refined_band
from workbench.core.align_gains import one_to_one_band
from workbench.core.align_scoring import AlignParams, BeadScorer
from workbench.core.align_views import coverages, move_gains, prefetch_links

_WORDS = st.sampled_from(
    ["the", "die", "Regierung", "gouvernement", "2024", "Kyiv", "Київ", "a", "Merkel", "12,5"]
)
_TEXTS = st.lists(st.lists(_WORDS, min_size=1, max_size=7).map(" ".join), min_size=1, max_size=9)


def _scalar(scorer: BeadScorer, view: int, i: int, j: int) -> int:
    lefts, rights = scorer.views[view]
    return (lefts.bits[i] & rights.bits[j]).bit_count() + len(lefts.rare[i] & rights.rare[j])


def _check_kept(scorer: BeadScorer, lo: list[int], hi: list[int]) -> None:
    n, m = scorer.counts
    kept = scorer.band_counts
    assert kept is not None
    for i in range(n):
        assert (kept.lo[i], kept.hi[i]) == (lo[i], min(hi[i], m - 1))
        for j in range(lo[i], min(hi[i], m - 1) + 1):
            for view in range(len(scorer.views)):
                assert kept.counts[view][kept.base[i] + j - lo[i]] == _scalar(scorer, view, i, j)


@settings(max_examples=40, deadline=None)
@given(left=_TEXTS, right=_TEXTS, width=st.integers(0, 3), views=st.integers(1, 2))
def test_kept_counts_are_the_scalar_counts(left, right, width: int, views: int) -> None:
    n, m = len(left), len(right)
    params = AlignParams()
    cmp_left, cmp_right = [left, left[::-1]][:views], [right, right[::-1]][:views]
    scorer = BeadScorer(left, right, cmp_left, cmp_right, params)
    path = coarse_path(scorer, n, m, params, [])
    lo, hi = refined_band(path, n, m, width)
    ones = one_to_one_band(scorer, lo, hi)
    _check_kept(scorer, lo, hi)
    wider = refined_band(path, n, m, width + 2)  # grown: the kept counts are merged
    one_to_one_band(scorer, *wider, (lo, hi, ones))
    _check_kept(scorer, *wider)


@settings(max_examples=40, deadline=None)
@given(left=_TEXTS, right=_TEXTS, data=st.data())
def test_coverages_and_move_gains_read_the_band_unchanged(left, right, data) -> None:
    n, m = len(left), len(right)
    params = AlignParams()
    scorer = BeadScorer(left, right, [left, left[::-1]], [right, right[::-1]], params)
    one_to_one_band(scorer, *refined_band(coarse_path(scorer, n, m, params, []), n, m, 1))
    starts = [
        [data.draw(st.integers(0, m - 1)) for _ in range(data.draw(st.integers(0, 4)))],
        [data.draw(st.integers(0, n - 1)) for _ in range(data.draw(st.integers(0, 4)))],
    ]
    side_starts = [[starts[0]] * n, [starts[1]] * m]
    ii = [data.draw(st.integers(0, n - 1)) for _ in range(6)]
    jj = [data.draw(st.integers(0, m - 1)) for _ in range(6)]
    with_band = [coverages(scorer, s, side_starts[s]) for s in (0, 1)]
    gains = move_gains(scorer, ii, jj).tolist()
    kept, scorer.band_counts = scorer.band_counts, None  # counted afresh
    assert [coverages(scorer, s, side_starts[s]) for s in (0, 1)] == with_band
    assert move_gains(scorer, ii, jj).tolist() == gains
    scorer.release()  # other views: the band is stale and must not be read
    assert kept.lookup(scorer, np.zeros(1, np.int64), np.zeros(1, np.int64)) is None


def _band(data, n: int, m: int) -> tuple[list[int], list[int]]:
    lo = [data.draw(st.integers(0, m)) for _ in range(n + 1)]
    return lo, [low + data.draw(st.integers(0, 4)) for low in lo]


@settings(max_examples=60, deadline=None)
@given(left=_TEXTS, right=_TEXTS, views=st.integers(1, 2), data=st.data())
def test_any_known_band_gives_the_scalar_gains_and_counts(left, right, views, data) -> None:
    """A band computed after another (grown, shrunk, shifted or apart) reuses the cells both
    hold: its gains and kept counts are the scalar ones all the same."""
    n, m = len(left), len(right)
    scorer = BeadScorer(left, right, [left, left[::-1]][:views], [right, right[::-1]][:views],
                        AlignParams())  # fmt: skip
    first, second = _band(data, n, m), _band(data, n, m)
    ones = one_to_one_band(scorer, *first)
    rows = one_to_one_band(scorer, *second, (*first, ones))
    for i in range(n):
        expected = [scorer.gain(i, 1, j, 1) if j < m else float("-inf")
                    for j in range(second[0][i], second[1][i] + 1)]  # fmt: skip
        assert rows[i] == expected
    _check_kept(scorer, *second)


@settings(max_examples=40, deadline=None)
@given(left=_TEXTS, right=_TEXTS, data=st.data(), band=st.booleans())
def test_prefetched_link_coverages_are_the_scalar_ones(left, right, data, band: bool) -> None:
    """``prefetch_links`` seeds the coverage memo with exactly ``_coverage``'s floats, with
    and without the coarse band's kept counts, for links inside and outside the band."""
    n, m = len(left), len(right)
    params = AlignParams()
    scorer = BeadScorer(left, right, [left, left[::-1]], [right, right[::-1]], params)
    if band:
        one_to_one_band(scorer, *refined_band(coarse_path(scorer, n, m, params, []), n, m, 1))
    links = data.draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, m - 1)),
                               max_size=12))  # fmt: skip
    known = data.draw(st.sampled_from([[], links[:1]]))
    for i, j in known:  # a value already memoised stays as it is
        scorer.coverage(0, i, j, 1)
    prefetch_links(scorer, links)
    for i, j in links:
        keys = (0, i, j, 1), (1, j, i, 1)
        if (i, j) not in known:
            assert all(key in scorer._covers for key in keys)
        for key in keys:
            if key in scorer._covers:
                assert scorer._covers[key] == scorer._coverage(*key)
