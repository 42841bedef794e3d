"""Round 30's scattered selections (``align_masks.kept``, ``kept_all``, ``kept_runs``) and the
grid test of ``align_split.pair_counts`` give what the plain numpy forms give."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.align_masks import kept, kept_all, kept_runs
from workbench.core.align_split import _distinct

_DTYPES = st.sampled_from([np.int64, np.int32, np.uint64, np.uint16, np.float64, np.bool_])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.booleans(), max_size=300), _DTYPES, st.integers(1, 4), st.integers(0, 9))
def test_kept_is_the_boolean_subscript(mask, dtype, width, seed) -> None:
    """Same elements, order, dtype and shape as ``values[mask]``, on 1-D arrays and on rows
    of 2-D ones, whatever the mask (empty, all, none, scattered, runs)."""
    mask_a = np.array(mask, bool)
    rng = np.random.default_rng(seed)
    flat = (rng.integers(0, 1000, len(mask)) - (0 if dtype in (np.uint64, np.uint16) else 500))
    values = flat.astype(dtype)
    for array in (values, np.repeat(values[:, None], width, 1) if len(values) else
                  np.zeros((0, width), dtype)):  # fmt: skip
        got, want = kept(array, mask_a), array[mask_a]
        assert got.dtype == want.dtype
        assert got.shape == want.shape
        assert np.array_equal(got, want)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(0, 40), max_size=60))
def test_distinct_counts_different_sentences(sentences) -> None:
    """``_distinct`` is the number of values ``np.unique`` finds (the grid test's operands)."""
    array = np.array(sentences, np.int64)
    assert _distinct(array) == len(np.unique(array))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.booleans(), max_size=300), _DTYPES, st.integers(0, 9), st.data())
def test_kept_all_and_runs_are_subscripts_and_running_counts(mask, dtype, seed, data) -> None:
    """``kept_all`` gives each array's ``values[mask]`` (elements, order, dtype, shape) and
    ``kept_runs`` also ``cumsum(mask)`` before each row start (any starts, ends included)."""
    mask_a = np.array(mask, bool)
    rng = np.random.default_rng(seed)
    first = rng.integers(0, 1000, len(mask)).astype(dtype)
    second = np.repeat(rng.integers(0, 9, len(mask))[:, None], 3, 1).astype(np.int32)
    for got, array in zip(kept_all(mask_a, first, second), (first, second), strict=True):
        want = array[mask_a]
        assert got.dtype == want.dtype and got.shape == want.shape
        assert np.array_equal(got, want)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(mask)), max_size=12)))
    ptr = np.array([0, *cuts, len(mask)], np.int64)
    values, starts = kept_runs(first, mask_a, ptr)
    assert values.dtype == first.dtype and np.array_equal(values, first[mask_a])
    running = np.concatenate([[0], np.cumsum(mask_a)])
    assert np.array_equal(starts, running[ptr])
