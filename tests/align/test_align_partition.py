"""A one-language link that holds two links side by side (or swapped) comes apart.

Why: in a same-language rewrite the DP may output a 3-2 link that is a 2-1 and a 1-1 next
to each other (batch 52) or two pairs whose order the rewrite swapped (batches 21, 47).
Every sentence is covered above chance by the whole other side, so the glue checks keep
it; but each sentence owes its coverage to one part only (``core/align_partition``).
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.conftest import assert_told_once, make_sentences
from tests.align.test_align_story_pairs import assert_rule_frees
from workbench.core.align import AlignParams, align
from workbench.core.align_partition import split_glued_pairs
from workbench.core.align_repair import Bead

OFF = replace(AlignParams(), one_language_split_loss=-1.0,
              one_language_decision_part_gain=-1.0)  # the decision finds it too (round 20)

#: dev rewrites (never a check batch) and a gold sure bead the rule frees on gold spans
REWRITES = [
    ("batch52", "noz_de__wn_dpa_de", ((26, 27), (16,))),
    ("batch52", "noz_de__wn_dpa_de", ((28,), (17,))),
    ("batch40", "bnn_dpa_de__swr_de", ((22, 23), (13,))),
    ("batch47", "tt_com_apa_de__meinbezirk_de", ((39,), (31,))),
]


class _Scorer:
    """Coverage of a sentence by a span of the other side: the sum of its cells in ``grid``
    (left x right), no chance level; so a sentence loses exactly its cells in a cut-off part."""

    def __init__(self, grid: list[list[float]]) -> None:
        self.grid = grid
        self.chance = [[0.0] * len(grid), [0.0] * len(grid[0])]
        self.growth: list[dict[int, float]] = [{}, {}]

    def coverage(self, side: int, k: int, start: int, size: int) -> float:
        span = range(start, start + size)
        if side == 0:
            return sum(self.grid[k][m] for m in span)
        return sum(self.grid[n][k] for n in span)

    @staticmethod
    def similarity(i: int, a: int, j: int, b: int) -> float:
        return 0.5


def _cut(grid: list[list[float]], loss: float = 0.1) -> list[tuple[tuple[int, ...], ...]]:
    bead = Bead(tuple(range(len(grid))), tuple(range(len(grid[0]))), 0.4, "")
    params = replace(AlignParams(), one_language_split_loss=loss)
    return [(b.left, b.right) for b in split_glued_pairs([bead], _Scorer(grid), params)]  # type: ignore[arg-type]


def test_the_shipped_rule_is_on() -> None:
    assert AlignParams().one_language_split_loss >= 0


@pytest.mark.parametrize(("batch", "name", "bead"), REWRITES)
def test_a_glued_rewrite_link_comes_apart(batch: str, name: str, bead: tuple) -> None:
    assert_rule_frees(batch, name, bead, OFF)


def test_two_links_side_by_side_are_cut_in_order() -> None:
    """A 2-1 and a 1-1 glued into a 3-2: each sentence is covered by its own part only."""
    grid = [[0.4, 0.0], [0.3, 0.05], [0.0, 0.5]]
    assert _cut(grid) == [((0, 1), (0,)), ((2,), (1,))]


def test_a_swapped_part_is_left_to_the_moves() -> None:
    """The stronger part stays the link; the other becomes unmatched sentences, in order."""
    grid = [[0.0, 0.6], [0.3, 0.0], [0.4, 0.0]]  # left 0 <-> right 1; left 1-2 <-> right 0
    assert _cut(grid) == [((), (0,)), ((0,), (1,)), ((1,), ()), ((2,), ())]


def test_a_true_three_two_stays() -> None:
    """A paragraph retold in other sentence boundaries spreads each sentence's words."""
    grid = [[0.3, 0.2], [0.2, 0.3], [0.15, 0.25]]
    assert _cut(grid) == [((0, 1, 2), (0, 1))]


def test_two_swapped_sentences_are_left_to_split_swaps() -> None:
    assert _cut([[0.0, 0.5], [0.5, 0.0]]) == [((0, 1), (0, 1))]


def test_off_returns_the_beads() -> None:
    assert _cut([[0.4, 0.0], [0.3, 0.0], [0.0, 0.5]], loss=-1.0) == [((0, 1, 2), (0, 1))]


@settings(max_examples=60, deadline=None)
@given(
    st.integers(2, 3),
    st.integers(2, 3),
    st.lists(st.floats(0.0, 0.6), min_size=9, max_size=9),
)
def test_cutting_tells_each_sentence_once_in_order(a: int, b: int, cells: list[float]) -> None:
    grid = [cells[3 * n : 3 * n + b] for n in range(a)]
    out = _cut(grid, loss=0.2)
    assert [k for left, _ in out for k in left] == list(range(a))
    assert [m for _, right in out for m in right] == list(range(b))
    assert 1 <= sum(1 for left, right in out if left and right) <= 2


@settings(max_examples=20, deadline=None)
@given(st.integers(0, 10_000), st.integers(5, 12), st.integers(1, 2))
def test_one_language_alignments_tell_each_sentence_once(seed: int, size: int, at: int) -> None:
    left = make_sentences(size, seed)
    right = left[:at] + [left[at + 1], left[at] + " " + left[at + 2]] + left[at + 3 :]
    assert_told_once(align(left, right), left, right)


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 10_000), st.integers(4, 12))
def test_two_language_pairs_are_untouched(seed: int, size: int) -> None:
    """With an MT given the pair is not compared directly: no link is cut."""
    left = make_sentences(size, seed)
    mt = [" ".join(word[::-1] + "x" for word in s.split()) for s in left]
    right = [mt[1], mt[0] + " " + mt[2]] + mt[3:]
    assert align(left, right, left_mt=mt) == align(left, right, left_mt=mt, params=OFF)
