"""Split n-gram profiles (bit masks + sets) count exactly what the plain sets count."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.align_profiles import block_dice, overlap, split_view
from workbench.core.similarity import ProfileBuilder, dice

_WORDS = st.sampled_from(["the", "die", "Regierung", "gouvernement", "2024", "Kyiv", "Київ", "a"])
_TEXTS = st.lists(st.lists(_WORDS, max_size=8).map(" ".join), min_size=1, max_size=8)


@settings(max_examples=60, deadline=None)
@given(left=_TEXTS, right=_TEXTS, width=st.sampled_from([8, 64, 4096]))
def test_overlaps_and_block_unions_match_plain_sets(
    left: list[str], right: list[str], width: int
) -> None:
    builder = ProfileBuilder()
    plain_left = [builder.profile(t) for t in left]
    plain_right = [builder.profile(t) for t in right]
    lefts, rights = split_view(plain_left, plain_right, width=width)
    for i in range(len(left)):
        for a in range(1, len(left) - i + 1):
            union_left = frozenset().union(*plain_left[i : i + a])
            block_left = lefts.block(i, a)
            assert block_left[0] == len(union_left)
            for j in range(len(right)):
                for b in range(1, min(3, len(right) - j) + 1):
                    union_right = frozenset().union(*plain_right[j : j + b])
                    block_right = rights.block(j, b)
                    assert overlap(block_left, block_right) == len(union_left & union_right)
                    assert block_dice(block_left, block_right) == dice(union_left, union_right)
