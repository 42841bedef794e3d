"""``benchmarks/align_crossings.py``: which gold beads cross a near neighbour.

Why: round 26 (para26b) decides whether a local-crossing pass is worth having from how
many gold beads cross a neighbour; a crossing must be one (left order against right
order), and "near" must stop at two segments between.
"""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.align.conftest import benchmark_module

F = frozenset
NONE = (F(), F())


@pytest.fixture(scope="module")
def study() -> ModuleType:
    return benchmark_module("align_crossings")


def test_an_adjacent_swap_is_one_crossing(study: ModuleType) -> None:
    beads = [(NONE, (0,), (0,)), (NONE, (1,), (2,)), (NONE, (2,), (1,)), (NONE, (3,), (3,))]
    assert study.near_crossings(beads, 2) == [(1, 2)]


def test_beads_in_order_or_far_apart_do_not_count(study: ModuleType) -> None:
    in_order = [(NONE, (0,), (0, 1)), (NONE, (1, 2), (2,)), (NONE, (3,), (3,))]
    assert study.near_crossings(in_order, 2) == []
    far = [(NONE, (0,), (9,)), (NONE, (9,), (0,))]  # eight segments between on each side
    assert study.near_crossings(far, 2) == []
    assert study.near_crossings(far, 8) == [(0, 1)]


class TableScorer:
    """Evidence above chance of single-sentence pairs from a table (0 elsewhere)."""

    def __init__(self, table: dict[tuple[int, int], float]) -> None:
        self.table = table

    def evidence(self, i: int, a: int, j: int, b: int) -> float:
        return self.table.get((i, j), 0.0)


def test_crossing_evidence_is_the_weaker_crossed_and_the_stronger_in_order_pair(
    study: ModuleType,
) -> None:
    first, second = (NONE, (1,), (2,)), (NONE, (2,), (1,))  # L1-R2 and L2-R1 cross
    table = {(1, 2): 0.3, (2, 1): 0.1, (1, 1): 0.05, (2, 2): -0.02}
    assert study.crossing_evidence(TableScorer(table), first, second) == (0.1, 0.05)
