"""Round 36: the rare counts of listed pairs and blocks from one join of a view's id rows
(``align_pair_join``) equal the plain sets' counts, and the sets made when first read
(``align_profiles.LazySets``) are the sets, read as a list's items and slices."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core import align_split
from workbench.core.align_pair_join import block_rare, listed_rare
from workbench.core.align_split import pair_counts, split_view
from workbench.core.similarity import ProfileBuilder

_WORDS = st.sampled_from(
    ["the", "die", "Regierung", "gouvernement", "2024", "Kyiv", "Київ", "a", "Merkel", "12,5",
     "regierung", "Gouvernements", "Kyjiw", "the government", "2025"]
)  # fmt: skip
_TEXTS = st.lists(st.lists(_WORDS, min_size=1, max_size=7).map(" ".join), min_size=1, max_size=12)


def _split(left, right, width):
    builder = ProfileBuilder()
    plain = [builder.profile(t) for t in left], [builder.profile(t) for t in right]
    numbered = [builder.numbered(t) for t in left], [builder.numbered(t) for t in right]
    profiles, arrays = split_view(*numbered, width=width)
    return plain, profiles, arrays


@settings(max_examples=80, deadline=None)
@given(left=_TEXTS, right=_TEXTS, width=st.sampled_from([8, 64, 4096]), data=st.data())
def test_listed_pairs_count_the_plain_intersections_either_way(left, right, width, data) -> None:
    """Listed pairs (scattered past ``_JOIN_FROM``: the join made; grid-shaped or fewer: not)
    count ``|left[k] & right[p]|``; then short lists of both sides (the join made, then
    read with its key swapped for the right side's) count the rare sets' intersections."""
    plain, profiles, arrays = _split(left, right, width)
    pick = st.tuples(st.integers(0, len(left) - 1), st.integers(0, len(right) - 1))
    pairs = data.draw(st.lists(pick, min_size=1, max_size=40))
    ks = np.array([k for k, _p in pairs] * 20, np.int64)  # 20-800 pairs: past _JOIN_FROM or not
    ps = np.array([p for _k, p in pairs] * 20, np.int64)
    found = pair_counts((profiles[0], arrays[0]), (profiles[1], arrays[1]), ks, ps)
    assert found.tolist() == [len(plain[0][k] & plain[1][p]) for k, p in zip(ks, ps, strict=True)]
    joined = arrays[0].rare.joined is not None or arrays[1].rare.joined is not None
    if len(ks) < align_split._JOIN_FROM:  # few pairs: the sets counted, no join made
        assert not joined
    for mine, other, a, b in ((0, 1, ks, ps), (1, 0, ps, ks)):  # made if not yet, then swapped
        rare = listed_rare(arrays[mine].rare, arrays[other].rare, a[:17], b[:17])
        assert rare is not None
        mine_sets, other_sets = profiles[mine].rare, profiles[other].rare
        expected = [len(mine_sets[k] & other_sets[p]) for k, p in zip(a[:17], b[:17], strict=True)]
        assert rare.tolist() == expected
        swapped = pair_counts((profiles[1], arrays[1]), (profiles[0], arrays[0]), ps[:17], ks[:17])
        assert swapped.tolist() == [len(plain[1][p] & plain[0][k])
                                    for k, p in zip(ks[:17], ps[:17], strict=True)]  # fmt: skip


@settings(max_examples=80, deadline=None)
@given(left=_TEXTS, right=_TEXTS, width=st.sampled_from([8, 64, 4096]), data=st.data())
def test_block_rare_counts_the_union_of_the_rare_sets(left, right, width, data) -> None:
    """``block_rare`` is ``|rare[k] & (rare[s] | ... | rare[s + size - 1])|`` for any
    samples, repeated ones and blocks reaching past the end included."""
    _plain, profiles, arrays = _split(left, right, width)
    size = data.draw(st.integers(1, 4))
    pick = st.tuples(st.integers(0, len(left) - 1), st.integers(0, len(right) - 1))
    samples = data.draw(st.lists(pick, min_size=1, max_size=20))
    ks = np.array([k for k, _s in samples], np.int64)
    starts = np.array([s for _k, s in samples], np.int64)
    found = block_rare(arrays[0].rare, arrays[1].rare, ks, starts, size)
    mine, theirs = profiles[0].rare, profiles[1].rare
    expected = [
        len(mine[k] & frozenset().union(*[theirs[p] for p in range(s, min(s + size, len(right)))]))
        for k, s in samples
    ]
    assert found.tolist() == expected


@settings(max_examples=60, deadline=None)
@given(left=_TEXTS, right=_TEXTS, width=st.sampled_from([8, 64, 4096]), data=st.data())
def test_lazy_sets_are_the_rare_sets(left, right, width, data) -> None:
    """``SideProfiles.rare`` (``LazySets``), read in any order with negative indices, holds
    each sentence's rare ids as the rows do; past the end is an ``IndexError``; ``span``
    is a list's slice for any bounds."""
    _plain, profiles, arrays = _split(left, right, width)
    for side, texts in enumerate((left, right)):
        rows = arrays[side].rare
        eager = [frozenset(rows.ids[rows.ptr[k] : rows.ptr[k + 1]].tolist())
                 for k in range(len(texts))]  # fmt: skip
        for k in data.draw(st.permutations(range(-len(texts), len(texts)))):
            assert profiles[side].rare[k] == eager[k]
        with pytest.raises(IndexError):
            profiles[side].rare[len(texts)]
        start = data.draw(st.integers(-len(texts) - 2, len(texts) + 2))
        stop = data.draw(st.integers(-len(texts) - 2, len(texts) + 6))
        assert profiles[side].rare.span(start, stop) == eager[start:stop]
