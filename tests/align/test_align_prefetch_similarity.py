"""The fine path's 1-1 similarities counted at once are the scalar ones, and so is the path."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.align_dp import _trace, band_recurrence, banded_dp, coarse_path, refined_band
from workbench.core.align_gains import band_table, one_to_one_band
from workbench.core.align_scoring import BEAD_SHAPES, AlignParams, BeadScorer
from workbench.core.align_views import prefetch_similarities

_WORDS = st.sampled_from(
    ["the", "die", "Regierung", "gouvernement", "2024", "Kyiv", "Київ", "a", "Merkel", "12,5", "."]
)
# empty texts too: two empty sentences have no n-grams, and their Dice is 0.0
_TEXTS = st.lists(st.lists(_WORDS, max_size=7).map(" ".join), min_size=1, max_size=9)


def _scorer(left: list[str], right: list[str], views: int) -> BeadScorer:
    cmp_left, cmp_right = [left, left[::-1]][:views], [right, right[::-1]][:views]
    return BeadScorer(left, right, cmp_left, cmp_right, AlignParams())


@settings(max_examples=60, deadline=None)
@given(left=_TEXTS, right=_TEXTS, data=st.data(), band=st.booleans(), views=st.integers(1, 2))
def test_prefetched_similarities_are_the_scalar_ones(left, right, data, band, views) -> None:
    """``prefetch_similarities`` seeds the memo with exactly ``_similarity``'s floats (by
    ``repr``), with and without the coarse band's kept counts, inside and outside it;
    a value already memoised stays as it is."""
    n, m = len(left), len(right)
    scorer = _scorer(left, right, views)
    if band:
        params = scorer.params
        one_to_one_band(scorer, *refined_band(coarse_path(scorer, n, m, params, []), n, m, 1))
    links = data.draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, m - 1)),
                               max_size=12))  # fmt: skip
    known = data.draw(st.sampled_from([[], links[:1]]))
    for i, j in known:
        scorer._similar[(i, 1, j, 1)] = -1.0  # a marker: must not be overwritten
    prefetch_similarities(scorer, links)
    for i, j in links:
        value = scorer._similar[(i, 1, j, 1)]
        if (i, j) in known:
            assert value == -1.0
        else:
            assert repr(value) == repr(scorer._similarity(i, 1, j, 1))


@settings(max_examples=40, deadline=None)
@given(left=_TEXTS, right=_TEXTS, width=st.integers(1, 3), views=st.integers(1, 2))
def test_banded_dp_path_is_the_scalar_trace(left, right, width: int, views: int) -> None:
    """``banded_dp`` (1-1 similarities prefetched) equals the trace scoring every bead
    with ``BeadScorer._similarity`` one at a time: same beads, same floats."""
    n, m = len(left), len(right)
    scorer = _scorer(left, right, views)
    params = scorer.params
    lo, hi = refined_band(coarse_path(scorer, n, m, params, []), n, m, width)
    fast = banded_dp(n, lo, hi, BEAD_SHAPES, scorer)
    backs = band_recurrence(lo, hi, BEAD_SHAPES, band_table(scorer, lo, hi, BEAD_SHAPES))
    reference = _trace(backs, lo, (n, hi[n]), BEAD_SHAPES, scorer._similarity)
    assert [(*bead[:4], repr(bead[4])) for bead in fast] == [
        (*bead[:4], repr(bead[4])) for bead in reference
    ]
