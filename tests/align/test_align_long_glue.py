"""Round 8: the glue check's doubt level is its own in long document pairs.

Why: in a pair of at least ``long_glue_min`` sentences a side (a long
translation) chance is measured on many sentences and nearly every sentence
has a partner, so a many-sided link the DP chose is rarely glue; peeling its
end sentences there cost Text+Berg links (``benchmarks/align_cv.py``).  Story
pairs (a few to a few dozen sentences) keep the general level.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

import workbench.core.align as align_module
from tests.align.conftest import make_sentences
from workbench.core.align import AlignParams, align


@pytest.fixture
def doubts(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The doubt level each glue check (``split_glued``) of the next ``align`` calls ran with."""
    seen: list[float] = []
    split = align_module.split_glued

    def spy(beads, scorer, params):
        seen.append(params.glue_doubt)
        return split(beads, scorer, params)

    monkeypatch.setattr(align_module, "split_glued", spy)
    return seen


def _pair(count: int, seed: int) -> tuple[list[str], list[str]]:
    left = make_sentences(count, seed=seed)
    return left, [f"{s} well" for s in left]


PARAMS = replace(AlignParams(), glue_doubt=0.5, long_glue_doubt=0.25)


def test_a_long_pair_checks_glue_on_the_long_pair_level(doubts: list[float]) -> None:
    left, right = _pair(PARAMS.long_glue_min + 5, seed=4)
    beads = align(left, right, params=PARAMS)
    assert doubts and set(doubts) == {0.25}
    assert sum(1 for b in beads if b.left == b.right and len(b.left) == 1) >= len(left) - 2


def test_a_short_pair_checks_glue_on_the_general_level(doubts: list[float]) -> None:
    left, right = _pair(12, seed=4)
    align(left, right, params=PARAMS)
    assert doubts and set(doubts) == {0.5}


def test_one_long_side_is_not_a_long_pair(doubts: list[float]) -> None:
    """A long page against a brief copy: the short side decides (a story pair cut short)."""
    left, right = _pair(PARAMS.long_glue_min + 5, seed=6)
    align(left, right[: PARAMS.long_glue_min - 5], params=PARAMS)
    assert doubts and set(doubts) == {0.5}


def test_the_long_pair_size_is_its_own_parameter(doubts: list[float]) -> None:
    """Round 9: the level applies from ``long_glue_min`` sentences, not from the n-gram cut's
    ``frequent_min`` (a 6-part Text+Berg cut, 78-92 sentences a side, gained from it)."""
    left, right = _pair(40, seed=5)
    align(left, right, params=replace(PARAMS, long_glue_min=40, frequent_min=100))
    assert doubts and set(doubts) == {0.25}
    doubts.clear()
    align(left, right, params=replace(PARAMS, long_glue_min=41, frequent_min=10))
    assert doubts and set(doubts) == {0.5}


def test_short_pairs_align_as_without_the_long_pair_level() -> None:
    for seed in (1, 2, 3):
        left = make_sentences(12, seed=seed)
        right = make_sentences(12, seed=seed + 10)[:4] + left[2:10]
        shipped = align(left, right)
        other = align(left, right, params=replace(AlignParams(), long_glue_doubt=0.0))
        assert [(b.left, b.right) for b in shipped] == [(b.left, b.right) for b in other]
