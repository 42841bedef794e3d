"""``benchmarks/align_xlang_misses.py``: a gold bead no segment alignment can return.

Why: round 20 found that most of the dev translations' "glued" misses were one segment
holding two gold sentences (a quote of two sentences), a segmentation miss the aligner
cannot fix; ``wider_segment`` tells them apart so the class is not read as the aligner's.
"""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.align.conftest import benchmark_module

# side 0: segment 0 covers gold sentences 10 and 11 (a quote of two), segment 1 covers 12;
# side 1: one gold sentence per segment.
SPANS = (
    [frozenset({10, 11}), frozenset({12})],
    [frozenset({20}), frozenset({21}), frozenset({22})],
)
IDS = [[0, 1], [0, 1, 2]]


@pytest.fixture(scope="module")
def misses() -> ModuleType:
    return benchmark_module("align_xlang_misses")


def test_a_segment_holding_a_gold_sentence_and_another_is_wider(misses: ModuleType) -> None:
    assert misses.wider_segment(SPANS, IDS, (frozenset({10}), frozenset({20})))
    assert misses.wider_segment(SPANS, IDS, (frozenset({11}), frozenset({21})))


def test_a_bead_the_segments_can_return_is_not(misses: ModuleType) -> None:
    assert not misses.wider_segment(SPANS, IDS, (frozenset({10, 11}), frozenset({20, 21})))
    assert not misses.wider_segment(SPANS, IDS, (frozenset({12}), frozenset({22})))


def test_segments_outside_the_story_do_not_count(misses: ModuleType) -> None:
    assert not misses.wider_segment(SPANS, [[1], [0, 1, 2]], (frozenset({10}), frozenset({20})))
