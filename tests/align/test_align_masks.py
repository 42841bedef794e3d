"""Round 30's scattered selections (``align_masks.kept``) and the grid test of
``align_split.pair_counts`` give what the plain numpy forms give."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.align_masks import kept
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
