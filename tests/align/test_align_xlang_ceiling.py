"""``benchmarks/align_xlang_ceiling.py``: which gold beads the DP could ever propose.

Why: the round-19 figure "candidate ceiling" rests on ``place`` reading the band and the
bead shapes as the DP does; these tests run the real aligner through the recording
wrapper and check each class against what the band holds.
"""

from __future__ import annotations

from types import ModuleType

import pytest

import workbench.core.align as align_module
from tests.align.conftest import benchmark_module
from workbench.core.align import align

LEFT = [f"Sentence number {k} tells about the harbour of town {k} and its {k * 7} boats."
        for k in range(12)]  # fmt: skip
RIGHT = [f"Phrase numéro {k} parle du port de la ville {k} et de ses {k * 7} bateaux."
         for k in range(12)]  # fmt: skip


@pytest.fixture(scope="module")
def ceiling() -> ModuleType:
    return benchmark_module("align_xlang_ceiling")


@pytest.fixture()
def calls(ceiling: ModuleType, monkeypatch: pytest.MonkeyPatch) -> list:
    monkeypatch.setattr(align_module, "banded_dp", ceiling._recording_dp)
    ceiling._CALLS.clear()
    align(LEFT, RIGHT)
    return list(ceiling._CALLS)


def test_a_diagonal_bead_is_proposed(ceiling: ModuleType, calls: list) -> None:
    assert calls and (calls[-1][0], calls[-1][1]) == (12, 12)
    assert ceiling.place([[5], [5]], calls, (12, 12)).startswith("proposed")


def test_a_far_corner_is_outside_the_band(ceiling: ModuleType, calls: list) -> None:
    _n, _m, lo, hi, _scorer, _chosen = calls[-1]
    assert not ceiling._in_band(lo, hi, 0, 1, 11, 1)
    assert ceiling.place([[0], [11]], calls, (12, 12)) == "not proposed: band"


def test_shapes_and_gaps_the_dp_lacks(ceiling: ModuleType, calls: list) -> None:
    assert ceiling.place([[2, 3, 4], [2, 3, 4]], calls, (12, 12)) == "not proposed: shape"
    assert ceiling.place([[2, 5], [2]], calls, (12, 12)) == "not proposed: gap"


def test_a_bead_at_chance_is_told_apart(ceiling: ModuleType, calls: list) -> None:
    scorer = calls[-1][4]
    name = ceiling.place([[3], [4]], calls, (12, 12))
    assert name == ("proposed, outscored" if scorer.gain(3, 1, 4, 1) > 0
                    else "proposed, below chance")  # fmt: skip
    assert scorer.gain(5, 1, 5, 1) > 0  # a true pair beats chance
