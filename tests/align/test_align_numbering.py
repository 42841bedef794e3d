"""Round 27's numbering of a view's n-gram keys by one ranking of them is their place among
the distinct keys, as the binary search per key gave it."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.align_grams import _numbered

_KEYS = st.lists(st.integers(0, 60), max_size=12)  # few values: keys repeat across chunks
_TEXT = st.lists(st.integers(0, 5), max_size=4)  # a text's positions among its chunk's keys


@st.composite
def _chunk(draw) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``_chunk_keys``' layout: distinct sorted keys, each pair's run (text by text, a
    text's keys ascending), the pairs per text."""
    keys = np.array(sorted(set(draw(_KEYS))), np.uint64)
    texts = draw(st.lists(_TEXT, max_size=5)) if len(keys) else []
    runs = [sorted({r % len(keys) for r in text}) for text in texts]
    run = np.array([r for text in runs for r in text], np.int32)
    return keys, run, np.array([len(text) for text in runs], np.int64)


def _searched(sides) -> list[list[int]]:
    """The numbering by its definition: each key's place among all distinct keys."""
    distinct = np.unique(np.concatenate([own for parts in sides for own, _r, _c in parts]
                                        or [np.zeros(0, np.uint64)]))  # fmt: skip
    return [[int(x) for own, run, _c in parts
             for x in np.searchsorted(distinct, own)[run]] for parts in sides]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(left=st.lists(_chunk(), max_size=3), right=st.lists(_chunk(), max_size=3))
def test_numbering_is_each_keys_place_among_the_distinct_keys(left, right) -> None:
    got = _numbered([left, right])
    for (ids, ptr), want, parts in zip(got, _searched([left, right]), (left, right),
                                       strict=True):  # fmt: skip
        assert ids.tolist() == want
        assert ptr[-1] == len(ids) == sum(int(c.sum()) for _k, _r, c in parts)
        for k in range(len(ptr) - 1):  # a text's ids stay ascending
            row = ids[ptr[k] : ptr[k + 1]]
            assert (np.diff(row) > 0).all()
