"""The other half of a translated sentence joins its 1-1 when the lengths alone ask for it.

Why: round 27's largest class of missed dev translation beads is a sentence the translator
split in two (or two joined) found as a 1-1 and an unmatched half beside it; when the MT
knows few of the half's words only the lengths tell (``core/align_length_halves``).
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.conftest import assert_told_once, make_sentences
from tests.align.test_align_story_pairs import assert_rule_frees
from workbench.core.align import AlignParams, align
from workbench.core.align_length_halves import join_length_halves
from workbench.core.align_repair import Bead
from workbench.core.align_scoring import BeadScorer

ON = AlignParams()
OFF = replace(AlignParams(), length_half_gain=-1.0)

#: L0 - R0 linked, L1 unmatched beside it, L2 - R1 linked
BEADS = [Bead((0,), (0,), 0.5, "1-1"), Bead((1,), (), 0.0, "1-0"), Bead((2,), (1,), 0.5, "1-1")]


class LengthScorer:
    """Gale-Church costs from a table (i, a, j, b) -> nats (default 9), every sentence covered
    .3 above chance unless ``weak`` names it (then -.5: a glued sentence)."""

    def __init__(self, costs: dict[tuple[int, int, int, int], float], weak: int = -1) -> None:
        self.costs = costs
        self.weak = weak
        self.chance = [[0.0] * 8, [0.0] * 8]
        self.growth: list[dict[int, float]] = [{}, {}]

    def length_cost(self, i: int, a: int, j: int, b: int) -> float:
        return self.costs.get((i, a, j, b), 9.0)

    def coverage(self, side: int, k: int, start: int, size: int) -> float:
        return -0.5 if (side, k) == (0, self.weak) else 0.3


#: the 1-1 L0-R0 costs 6 nats (R0 twice L0's length), the 2-1 L0-L1 / R0 .2
SPLIT = {(0, 1, 0, 1): 6.0, (0, 2, 0, 1): 0.2}


def _spans(beads: list[Bead]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.left, b.right) for b in beads]


def test_a_half_the_partners_length_asks_for_joins() -> None:
    out = join_length_halves(BEADS, LengthScorer(SPLIT), ON)  # type: ignore[arg-type]
    assert _spans(out) == [((0, 1), (0,)), ((2,), (1,))]
    assert out[0].kind == "2-1"


def test_a_join_that_does_not_fit_or_saves_little_stays_apart() -> None:
    """The joined bead must fit (at most ``length_half_cost``) and save ``length_half_gain``;
    the rule off joins nothing."""
    for costs in ({(0, 1, 0, 1): 6.0, (0, 2, 0, 1): 2.5}, {(0, 1, 0, 1): 2.0, (0, 2, 0, 1): 0.2}):
        assert join_length_halves(BEADS, LengthScorer(costs), ON) == BEADS  # type: ignore[arg-type]
    assert join_length_halves(BEADS, LengthScorer(SPLIT), OFF) == BEADS  # type: ignore[arg-type]


def test_never_glue_never_across_a_break_a_move_or_an_open_partner() -> None:
    """A half under ``glue_evidence``, a half across a role break, a link that is a move's end,
    and a half whose gap holds an unmatched sentence of the other side (it may be that
    sentence's 1-1, told in order) all stay as they are."""
    assert join_length_halves(BEADS, LengthScorer(SPLIT, weak=1), ON) == BEADS  # type: ignore[arg-type]
    breaks = (frozenset({1}), frozenset())
    assert join_length_halves(BEADS, LengthScorer(SPLIT), ON, breaks) == BEADS  # type: ignore[arg-type]
    moved = [replace(BEADS[0], move_to=2), *BEADS[1:]]
    assert join_length_halves(moved, LengthScorer(SPLIT), ON) == moved  # type: ignore[arg-type]
    open_gap = [BEADS[0], BEADS[1], Bead((), (1,), 0.0, "0-1"), Bead((2,), (2,), 0.5, "1-1")]
    assert join_length_halves(open_gap, LengthScorer(SPLIT), ON) == open_gap  # type: ignore[arg-type]


def test_real_lengths_join_a_translated_split() -> None:
    """On the real scorer: a right sentence that tells two left ones in one, with no word in
    common (a copy MT of another script), joins the two as its lengths ask."""
    left = ["Alpha beta gamma delta epsilon zeta eta theta iota.",
            "Kappa lambda mu nu xi omicron pi rho sigma tau.",
            "Upsilon phi chi psi omega alpha beta gamma delta."]  # fmt: skip
    right = ["Один два три четыре пять шесть семь восемь девять десять одиннадцать двенадцать "
             "тринадцать четырнадцать пятнадцать шестнадцать семнадцать восемнадцать.",
             "Двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят."]  # fmt: skip
    scorer = BeadScorer(left, right, [left], [right], ON)
    beads = [Bead((0,), (0,), 0.1, "1-1"), Bead((1,), (), 0.0, "1-0"), Bead((2,), (1,), 0.1, "1-1")]
    before = scorer.length_cost(0, 1, 0, 1)
    after = scorer.length_cost(0, 2, 0, 1)
    assert before - after >= ON.length_half_gain and after <= ON.length_half_cost
    out = join_length_halves(beads, scorer, replace(ON, glue_evidence=-9.0))
    assert _spans(out) == [((0, 1), (0,)), ((2,), (1,))]


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 10_000), st.integers(4, 12), st.integers(1, 2))
def test_alignments_with_the_rule_tell_each_sentence_once(seed: int, size: int, at: int) -> None:
    """A translated pair (a word-reversing MT) where one side joins two sentences."""
    left = make_sentences(size, seed)
    mt = [" ".join(word[::-1] + "x" for word in s.split()) for s in left]
    other = mt[:at] + [mt[at].rstrip(".") + " " + mt[at + 1]] + mt[at + 2 :]
    beads = align(left, other, left_mt=mt, params=ON)
    assert_told_once(beads, left, other)
    assert all(len(b.left) <= 3 and len(b.right) <= 3 for b in beads)


#: dev translations (never a check batch) and the gold 2-1 / 1-2 the rule links on gold spans:
#: a Russian sentence pair an English agency joins, a Ukrainian pair the English edition
#: joins, and an English quote split in two (the product path gains batch 62's too)
TRANSLATIONS = [
    ("batch48", "tengrinews_kz_ru__timesca_en", ((25, 26), (25,))),
    ("batch6", "pravda_com_ua_uk__pravda_com_ua_en", ((19, 20), (15,))),
    ("batch18", "hromadske_uk__hromadske_en", ((19,), (20, 21))),
]


@pytest.mark.parametrize(("batch", "name", "bead"), TRANSLATIONS)
def test_the_other_half_of_a_dev_translation_link_joins(batch: str, name: str, bead: tuple
                                                        ) -> None:  # fmt: skip
    assert_rule_frees(batch, name, bead, OFF, ON)
