"""``benchmarks/align_gap_census.py``: the missed beads' shapes and the output's lone pairs.

Why: round 41's ``beads41`` study reads the late sandwich rule's reach from these counts; the
tests check that a lone pair between two links is found (and one at an edge or a move is not),
that the gold's word on a pair is read (sure, part of an N-M, none), and the free share.
"""

from __future__ import annotations

from types import SimpleNamespace

from tests.align.conftest import benchmark_module
from workbench.core.align_repair import Bead

census = benchmark_module("align_gap_census")
F = frozenset


def _beads() -> tuple[list[Bead], list]:
    beads = [Bead((0,), (0,), 0.5, "1-1"), Bead((1,), (), 0.0, "1-0"), Bead((), (1,), 0.0, "0-1"),
             Bead((2,), (2,), 0.5, "1-1"), Bead((3,), (), 0.0, "1-0", move_to=4),
             Bead((), (3,), 0.0, "0-1", move_to=3)]  # fmt: skip
    output = [(F(b.left), F(b.right)) for b in beads]
    return beads, output


def test_a_lone_pair_between_links_is_a_gap_and_a_move_is_not() -> None:
    beads, output = _beads()
    assert census.one_to_one_gaps(beads, output) == [1]
    assert census.free_share(beads) == 2 / 8


def test_the_gold_word_on_a_pair() -> None:
    case = SimpleNamespace(gold={"beads": [
        {"left": [1], "right": [1], "type": "sure"},
        {"left": [5, 6], "right": [5], "type": "possible"},
    ]})  # fmt: skip
    assert census.gold_of(case, (F({1}), F({1}))) == "sure"
    assert census.gold_of(case, (F({5}), F({5}))) == "part of possible N-M"
    assert census.gold_of(case, (F({1}), F({2}))) == "none"
