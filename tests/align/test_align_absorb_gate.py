"""An orphan joins a link only when the link's similarity does not fall by more than the
gate allows (``AlignParams.absorb_sim_drop``, ``align_absorb_gate.keeps_similarity``)."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.align_absorb_gate import keeps_similarity
from workbench.core.align_repair import Bead, absorb_orphans
from workbench.core.align_scoring import AlignParams, BeadScorer


class _Table:
    """A scorer whose similarity is read from a table of (i, a, j, b)."""

    def __init__(self, values: dict[tuple[int, int, int, int], float]) -> None:
        self.values = values

    def similarity(self, i: int, a: int, j: int, b: int) -> float:
        return self.values[i, a, j, b]


@settings(max_examples=200, deadline=None)
@given(own=st.floats(0, 1), grown=st.floats(0, 1), drop=st.floats(0, 0.5))
def test_the_gate_reads_the_drop_of_the_grown_link(own: float, grown: float, drop: float) -> None:
    scorer = _Table({(0, 1, 0, 1): own, (0, 2, 0, 1): grown})
    assert keeps_similarity(((1,), ()), ((0,), (0,)), scorer, drop) == (grown >= own - drop)
    assert keeps_similarity(((1,), ()), ((0,), (0,)), scorer, math.inf)  # off: no opinion


def test_a_join_that_is_not_contiguous_is_left_to_the_other_tests() -> None:
    assert keeps_similarity(((3,), ()), ((0,), (0,)), _Table({}), 0.0)


_LEFT = ["The city council closed the public swimming pool for the whole season.",
         "Repairs to the roof will cost 2.4 million euros, the mayor said.",
         "Weather tomorrow: sunny, 24 degrees, light wind from the west."]  # fmt: skip
_RIGHT = ["The council closed the city's public swimming pool for the season.",
          "The mayor said repairing the roof will cost 2.4 million euros."]  # fmt: skip


def _absorbed(drop: float) -> list[Bead]:
    params = AlignParams(absorb_sim_drop=drop, absorb_evidence=-1.0)
    scorer = BeadScorer(_LEFT, _RIGHT, [_LEFT], [_RIGHT], params)
    beads = [Bead((0,), (0,), 0.5, "1-1"), Bead((1,), (1,), 0.5, "1-1"),
             Bead((2,), (), 0.0, "1-0")]  # fmt: skip
    return absorb_orphans(beads, scorer, params)


def test_an_orphan_that_dilutes_the_link_stays_out_under_the_gate() -> None:
    """The weather line shares no word with the roof sentence: with every orphan let in
    (``absorb_evidence`` -1) it joins that link off, and stays alone with the gate at 0."""
    assert any(b.left == (1, 2) for b in _absorbed(math.inf))
    assert Bead((2,), (), 0.0, "1-0") in _absorbed(0.0)
    assert math.isinf(AlignParams().absorb_sim_drop)  # shipped off until the dev rule says so
