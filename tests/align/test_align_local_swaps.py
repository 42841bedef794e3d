"""Two neighbouring sentences told in the other order become a link and a move.

Why: a translator or paraphraser who swaps two adjacent sentences leaves a crossing the
monotone DP cannot take (round 26, ``core/align_local_swaps``); the pass must take it
only when both crossed pairs clearly beat the in-order ones, whatever beads the DP left.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.align_local_swaps import swap_windows, take_local_swaps
from workbench.core.align_repair import Bead
from workbench.core.align_scoring import AlignParams

ON = replace(AlignParams(), local_swap_gain=0.1, local_swap_evidence=0.2)


class TableScorer:
    """Evidence above chance of single-sentence pairs from a table (0 elsewhere)."""

    def __init__(self, table: dict[tuple[int, int], float]) -> None:
        self.table = table

    def evidence(self, i: int, a: int, j: int, b: int) -> float:
        return self.table.get((i, j), 0.0) if a == b == 1 else 0.0

    def similarity(self, i: int, a: int, j: int, b: int) -> float:
        return self.evidence(i, a, j, b) + 0.1


def _link(i: int, j: int) -> Bead:
    return Bead((i,), (j,), 0.5, "1-1")


#: L0-R0, then L1 L2 against R1 R2 in some beads, then L3-R3
SHAPES = {
    "two links": [_link(1, 1), _link(2, 2)],
    "a 2-2 bead": [Bead((1, 2), (1, 2), 0.4, "2-2")],
    "orphan, link, orphan": [Bead((1,), (), 0.0, "1-0"), _link(2, 1), Bead((), (2,), 0.0, "0-1")],
    "1-2 and an orphan": [Bead((1,), (1, 2), 0.3, "1-2"), Bead((2,), (), 0.0, "1-0")],
}
SWAPPED = {(0, 0): 0.6, (1, 2): 0.5, (2, 1): 0.45, (1, 1): 0.1, (2, 2): 0.05, (3, 3): 0.6}


def _beads(middle: list[Bead]) -> list[Bead]:
    return [_link(0, 0), *middle, _link(3, 3)]


def _pairs(beads: list[Bead]) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    """(left, right) of each link and each move (origin's left, landing's right)."""
    out = {(b.left, b.right) for b in beads if b.left and b.right}
    out |= {(b.left, beads[b.move_to].right) for b in beads if b.move_to is not None and b.left}
    return out


def test_every_shape_of_a_swap_becomes_a_link_and_a_move() -> None:
    for name, middle in SHAPES.items():
        out = take_local_swaps(_beads(middle), TableScorer(SWAPPED), ON)
        assert _pairs(out) == {((0,), (0,)), ((1,), (2,)), ((2,), (1,)), ((3,), (3,))}, name
        origin = next(b for b in out if b.left == (1,))
        assert origin.right == () and out[origin.move_to].right == (2,)
        assert out[origin.move_to].move_to == out.index(origin)


def test_an_in_order_pair_that_holds_keeps_its_beads() -> None:
    table = dict(SWAPPED) | {(1, 1): 0.45, (2, 2): 0.4}  # the in-order pairs as strong
    for middle in SHAPES.values():
        beads = _beads(middle)
        assert take_local_swaps(beads, TableScorer(table), ON) == beads


def test_a_weak_crossing_is_not_taken_and_off_is_off() -> None:
    weak = dict(SWAPPED) | {(1, 2): 0.15, (2, 1): 0.15, (1, 1): 0.0, (2, 2): 0.0}
    beads = _beads(SHAPES["two links"])
    assert take_local_swaps(beads, TableScorer(weak), ON) == beads
    assert take_local_swaps(beads, TableScorer(SWAPPED), AlignParams()) == beads


def test_moves_already_made_keep_pointing_at_their_beads() -> None:
    moved = [Bead((4,), (), 0.3, "1-0", move_to=5), Bead((), (4,), 0.3, "0-1", move_to=4)]
    beads = [_link(0, 0), _link(1, 1), _link(2, 2), _link(3, 3), *moved]
    beads[4:6] = [replace(beads[4], move_to=5), replace(beads[5], move_to=4)]
    out = take_local_swaps(beads, TableScorer(SWAPPED), ON)
    origin = next(b for b in out if b.left == (4,))
    assert out[origin.move_to].right == (4,) and out[out[origin.move_to].move_to] is origin


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2), st.integers(0, 2)), min_size=1, max_size=8),
       st.dictionaries(st.tuples(st.integers(0, 14), st.integers(0, 14)),
                       st.floats(0, 1), max_size=40))  # fmt: skip
def test_every_sentence_is_told_once_and_moves_pair_up(shape, table) -> None:
    beads, i, j = [], 0, 0
    for a, b in shape:
        if a or b:
            beads.append(Bead(tuple(range(i, i + a)), tuple(range(j, j + b)), 0.3, f"{a}-{b}"))
            i, j = i + a, j + b
    out = take_local_swaps(beads, TableScorer(table), ON)
    assert sorted(x for b in out for x in b.left) == list(range(i))
    assert sorted(x for b in out for x in b.right) == list(range(j))
    for k, bead in enumerate(out):
        if bead.move_to is not None:
            assert out[bead.move_to].move_to == k
    assert all(len(w) == 4 for w in swap_windows(beads))
