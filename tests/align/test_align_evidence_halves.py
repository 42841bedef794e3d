"""The length halves at a lower gain when the half's own words are covered: a study, off.

Why (round 36, beadsb36): the dev translations' largest class of missed and wrong beads is a
sentence split in two (or two merged) read as its 1-1 core, the other half unmatched beside
it; round 27's length halves join it only when the 1-1 costs 5 nats more than the 2-1.
``join_evidence_halves`` asks less of the lengths when the other side's words (MT view, the
pair's word table) cover the half above a floor.  Measured on dev it moves at most one
translation bead and loses paraphrase beads, so it ships off (``docs/align.md``).
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.align_length_halves import join_evidence_halves, join_length_halves
from workbench.core.align_repair import Bead
from workbench.core.align_scoring import AlignParams

OFF = AlignParams()
ON = replace(OFF, evidence_half_gain=2.0, evidence_half_floor=0.1)

#: L0 - R0 linked, L1 unmatched beside it, L2 - R1 linked
BEADS = [Bead((0,), (0,), 0.5, "1-1"), Bead((1,), (), 0.0, "1-0"), Bead((2,), (1,), 0.5, "1-1")]
#: the 1-1 L0-R0 costs 3 nats, the 2-1 L0-L1 / R0 .2: 2.8 saved, under round 27's 5
NEAR = {(0, 1, 0, 1): 3.0, (0, 2, 0, 1): 0.2}


class TableScorer:
    """Gale-Church costs from a table (default 9 nats) and each left sentence's coverage
    above chance from ``cover`` (default .3; every right sentence .3)."""

    def __init__(self, costs: dict[tuple[int, int, int, int], float],
                 cover: dict[int, float] | None = None) -> None:  # fmt: skip
        self.costs = costs
        self.cover = cover or {}
        self.chance = [[0.0] * 8, [0.0] * 8]
        self.growth: list[dict[int, float]] = [{}, {}]

    def length_cost(self, i: int, a: int, j: int, b: int) -> float:
        return self.costs.get((i, a, j, b), 9.0)

    def coverage(self, side: int, k: int, start: int, size: int) -> float:
        return self.cover.get(k, 0.3) if side == 0 else 0.3


def _spans(beads: list[Bead]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.left, b.right) for b in beads]


def test_ships_off_and_the_length_halves_alone_leave_the_near_split() -> None:
    assert OFF.evidence_half_gain < 0
    scorer = TableScorer(NEAR)
    assert join_evidence_halves(BEADS, scorer, OFF) == BEADS  # type: ignore[arg-type]
    assert join_length_halves(BEADS, scorer, OFF) == BEADS  # type: ignore[arg-type]


def test_a_covered_half_joins_at_the_lower_gain_an_uncovered_one_does_not() -> None:
    joined = join_evidence_halves(BEADS, TableScorer(NEAR), ON)  # type: ignore[arg-type]
    assert _spans(joined) == [((0, 1), (0,)), ((2,), (1,))]
    assert joined[0].kind == "2-1"
    bare = TableScorer(NEAR, cover={1: 0.05})  # the half's words barely covered
    assert join_evidence_halves(BEADS, bare, ON) == BEADS  # type: ignore[arg-type]
    far = TableScorer({(0, 1, 0, 1): 1.5, (0, 2, 0, 1): 0.2})  # saves 1.3: under the gain
    assert join_evidence_halves(BEADS, far, ON) == BEADS  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(
    st.floats(0.0, 9.0), st.floats(0.0, 3.0), st.floats(-0.5, 0.8),
    st.floats(-0.2, 0.6), st.floats(-0.2, 0.6),
)  # fmt: skip
def test_a_join_at_one_floor_is_a_join_at_every_lower_floor(
    single: float, joined: float, cover: float, floor: float, lower: float,
) -> None:  # fmt: skip
    """Monotone in the floor; every sentence stays told once, in order."""
    scorer = TableScorer({(0, 1, 0, 1): single, (0, 2, 0, 1): joined}, cover={1: cover})
    low, high = sorted((floor, lower))
    at_high = join_evidence_halves(BEADS, scorer, replace(ON, evidence_half_floor=high))  # type: ignore[arg-type]
    at_low = join_evidence_halves(BEADS, scorer, replace(ON, evidence_half_floor=low))  # type: ignore[arg-type]
    if at_high != BEADS:
        assert at_low == at_high
    for out in (at_high, at_low):
        lefts = [k for b in out for k in b.left]
        rights = [k for b in out for k in b.right]
        assert lefts == [0, 1, 2] and rights == [0, 1]
