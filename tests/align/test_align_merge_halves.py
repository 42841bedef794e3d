"""A paraphrase's merged sentence: the free half on the longer telling joins the 1-1 core.

Why (round 39, beadsb39, a study shipped off): the dev paraphrases' largest class of missed
sure beads is a merge read as its 1-1 core with the other half free beside it
(``core/align_merge_halves``); the lengths at a paraphrase's bar join as many wrong
neighbours as right halves, so the step ships off (``docs/align.md`` "Round 39 (beadsb39)").
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.test_align_length_halves import LengthScorer
from workbench.core import align_merge_halves as mh
from workbench.core.align_repair import Bead
from workbench.core.align_scoring import AlignParams

#: L0 - R0 linked, L1 unmatched beside it, L2 - R1 linked (the left side tells more)
BEADS = [Bead((0,), (0,), 0.5, "1-1"), Bead((1,), (), 0.0, "1-0"), Bead((2,), (1,), 0.5, "1-1")]
#: the 1-1 L0-R0 costs 3 nats, the 2-1 L0-L1 / R0 1.5: a paraphrase's merge saves little
MERGE = {(0, 1, 0, 1): 3.0, (0, 2, 0, 1): 1.5}


class MergeScorer(LengthScorer):
    """``LengthScorer`` with each side's sentence count and anchors (``own``: keys of L1)."""

    def __init__(
        self, costs: dict[tuple[int, int, int, int], float], counts: tuple[int, int] = (3, 2),
        own: frozenset[str] = frozenset(),
    ) -> None:  # fmt: skip
        super().__init__(costs)
        self.counts = counts
        self.left_anchors = [frozenset(), own, frozenset()]
        self.right_anchors = [frozenset(), frozenset()]


def _spans(beads: list[Bead]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.left, b.right) for b in beads]


@pytest.fixture
def on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mh, "MERGE_HALF_GAIN", 1.0)


def test_ships_off() -> None:
    assert mh.MERGE_HALF_GAIN < 0
    assert mh.join_merge_halves(BEADS, MergeScorer(MERGE), AlignParams()) == BEADS  # type: ignore[arg-type]


@pytest.mark.usefixtures("on")
def test_the_half_on_the_longer_telling_joins() -> None:
    """At the merge bar the half joins where the length halves (gain 5) do not."""
    out = mh.join_merge_halves(BEADS, MergeScorer(MERGE), AlignParams())  # type: ignore[arg-type]
    assert _spans(out) == [((0, 1), (0,)), ((2,), (1,))]


@pytest.mark.usefixtures("on")
def test_a_telling_of_like_size_or_a_half_with_its_own_anchor_stays(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Sides of one size read no merge; at ``MERGE_HALF_ANCHORS`` a half with a figure its
    partner lacks stays out; a half in a run of free sentences at ``MERGE_HALF_ALONE``."""
    same = MergeScorer(MERGE, counts=(3, 3))
    assert mh.join_merge_halves(BEADS, same, AlignParams()) == BEADS  # type: ignore[arg-type]
    monkeypatch.setattr(mh, "MERGE_HALF_ANCHORS", 1)
    own = MergeScorer(MERGE, own=frozenset({"#437"}))
    assert mh.join_merge_halves(BEADS, own, AlignParams()) == BEADS  # type: ignore[arg-type]
    small = MergeScorer(MERGE, own=frozenset({"#3"}))  # a count under 10 is no fact of its own
    assert len(mh.join_merge_halves(BEADS, small, AlignParams())) == 2  # type: ignore[arg-type]
    monkeypatch.setattr(mh, "MERGE_HALF_ALONE", 1)
    run = [BEADS[0], BEADS[1], Bead((2,), (), 0.0, "1-0"), Bead((3,), (1,), 0.5, "1-1")]
    scorer = MergeScorer(MERGE, counts=(4, 2))
    scorer.left_anchors.append(frozenset())
    assert mh.join_merge_halves(run, scorer, AlignParams()) == run  # type: ignore[arg-type]


@pytest.mark.usefixtures("on")
def test_never_across_a_break_or_a_move() -> None:
    breaks = (frozenset({1}), frozenset())
    assert mh.join_merge_halves(BEADS, MergeScorer(MERGE), AlignParams(), breaks) == BEADS  # type: ignore[arg-type]
    moved = [replace(BEADS[0], move_to=2), *BEADS[1:]]
    assert mh.join_merge_halves(moved, MergeScorer(MERGE), AlignParams()) == moved  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 40), st.integers(0, 40), st.floats(1.0, 2.0))
def test_longer_sides_is_one_side_at_most_and_the_longer(a: int, b: int, ratio: float) -> None:
    """Above a ratio of 1 at most one side is the longer telling, never the shorter one."""
    sides = mh.longer_sides((a, b), ratio)
    if ratio > 1:
        assert len(sides) <= 1
    for s in sides:
        assert (a, b)[s] >= (a, b)[1 - s]


#: the left side's sentences: L1 (the free half) plain, L0 plain, L2 plain
PLAIN = (["Die Stadt schließt die Station.", "Der Grund ist Personalmangel.", "Sie sucht."],
         ["The town closes the ward.", "It is looking."])  # fmt: skip


@pytest.mark.usefixtures("on")
def test_the_speech_gate_keeps_a_half_no_quote_or_speech_verb_marks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """At ``MERGE_HALF_SPEECH`` 1 a half joins when it or the link's sentence reports speech,
    at 2 only when the half itself does; with no speech on either, it stays out."""
    monkeypatch.setattr(mh, "MERGE_HALF_SPEECH", 1)
    assert mh.join_merge_halves(BEADS, MergeScorer(MERGE), AlignParams(), texts=PLAIN) == BEADS  # type: ignore[arg-type]
    quote = (["„Wir schließen“, sagte der Bürgermeister.", *PLAIN[0][1:]], PLAIN[1])
    out = mh.join_merge_halves(BEADS, MergeScorer(MERGE), AlignParams(), texts=quote)  # type: ignore[arg-type]
    assert _spans(out) == [((0, 1), (0,)), ((2,), (1,))]
    monkeypatch.setattr(mh, "MERGE_HALF_SPEECH", 2)  # the link's sentence speaks, the half not
    assert mh.join_merge_halves(BEADS, MergeScorer(MERGE), AlignParams(), texts=quote) == BEADS  # type: ignore[arg-type]
    half = (["Die Stadt schließt die Station.", "Das sei bitter, sagte er.", "Sie sucht."],
            PLAIN[1])  # fmt: skip
    out = mh.join_merge_halves(BEADS, MergeScorer(MERGE), AlignParams(), texts=half)  # type: ignore[arg-type]
    assert _spans(out) == [((0, 1), (0,)), ((2,), (1,))]


def test_the_speech_gate_ships_off() -> None:
    assert mh.MERGE_HALF_SPEECH == 0
