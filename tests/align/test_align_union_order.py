"""Block-union counts taken longest window first equal the plain set counts (round 16)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import workbench.core.align_split as split
from workbench.core.align_split import split_view, union_overlaps

_SETS = st.lists(st.frozensets(st.integers(0, 40), max_size=12), min_size=1, max_size=12)


@pytest.fixture(autouse=True)
def _restore_rows():
    saved = split._ROWS
    yield
    split._ROWS = saved


@settings(max_examples=80, deadline=None)
@given(left=_SETS, right=_SETS, width=st.sampled_from([8, 64, 4096]), data=st.data())
def test_union_overlaps_count_the_plain_block_unions(left, right, width, data) -> None:
    # windows of unequal lengths (the order the rows are taken in changes), empty ones,
    # blocks running past the right side's end, and chunks of 1, 3 or all rows
    split._ROWS = data.draw(st.sampled_from([8, 24, 8192]))
    _sides, (mine, other) = split_view(left, right, width=width)
    first = data.draw(st.integers(0, len(left) - 1))
    count = data.draw(st.integers(1, len(left) - first))
    wlo = np.array([data.draw(st.integers(0, len(right) - 1)) for _ in range(count)], np.int64)
    spans = [data.draw(st.integers(0, len(right) - w)) for w in wlo.tolist()]
    whi = wlo + np.array(spans, np.int64) - 1
    found = union_overlaps(mine, other, first, wlo, whi)
    row = 0
    for k in range(count):
        for start in range(wlo[k], whi[k] + 1):
            for size in range(1, 5):
                block = frozenset().union(*right[start : start + size])
                assert found[row, size - 1] == len(left[first + k] & block)
            row += 1
    assert row == len(found)


@settings(max_examples=30, deadline=None)
@given(left=_SETS, right=_SETS, width=st.sampled_from([8, 64]), data=st.data())
def test_union_overlaps_without_bitwise_count_are_the_same(left, right, width, data) -> None:
    # round 17: the bit counts are summed into one buffer per chunk; numpy < 2 (no
    # ``bitwise_count``) takes the byte-table popcount there and must count the same
    _sides, (mine, other) = split_view(left, right, width=width)
    wlo = np.array([data.draw(st.integers(0, len(right) - 1)) for _ in left], np.int64)
    whi = wlo + np.array([data.draw(st.integers(0, len(right) - w)) for w in wlo.tolist()]) - 1
    found = union_overlaps(mine, other, 0, wlo, whi)
    saved = split._BITWISE_COUNT
    split._BITWISE_COUNT = None
    try:
        assert np.array_equal(union_overlaps(mine, other, 0, wlo, whi), found)
    finally:
        split._BITWISE_COUNT = saved
