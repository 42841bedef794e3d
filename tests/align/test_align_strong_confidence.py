"""Round 33 (beads33): a join the strong reading made is rated from its own evidence.

Why: the strong reading (``AlignParams.ordered_half_strong``) joins a half *because* the glue
model cannot rate an uneven 2-1, so that model's rating of the joined link says nothing: batch
17's right join showed .05 (round 32, ``test_align_calibration``).  The join is right when the
sentence tells its partner (the calibrated chance of ``W : P``, rated in place as any link) and
the half's ordered keys are the rest of it (``align_calibration.STRONG_HALF_RIGHT``).
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.conftest import make_sentences
from tests.align.test_align_blind import _story_pair
from tests.align.test_align_ordered_halves import BEADS, LEFT, RIGHT, _Scorer
from workbench.core.align import AlignParams, align, align_scored
from workbench.core.align_calibration import (
    STRONG_HALF_RIGHT,
    calibrated_probability,
    link_features,
    linked_neighbours,
    pair_median_evidence,
    strong_join_confidence,
    with_confidence,
)
from workbench.core.align_ordered_halves import join_ordered_halves_marked
from workbench.core.align_repair import Bead
from workbench.core.statuses import UNCERTAIN_BELOW

#: the candidate of rounds 32-33: the strong gate with the far halves' grown rival
BOTH = replace(AlignParams(), ordered_half_strong=4, far_half_grown_rival=1)
#: both off: START's aligner
OFF = replace(BOTH, ordered_half_strong=0, far_half_grown_rival=0)
#: the glue gate shut: only the strong reading can join
SHUT = replace(AlignParams(), ordered_half_keys=2, ordered_half_sure=1.1, ordered_half_strong=0)


def _scorer(texts: tuple[list[str], list[str]]) -> _Scorer:
    scorer = _Scorer()
    scorer.counts = (len(texts[0]), len(texts[1]))  # type: ignore[misc]
    scorer.chance = [[0.0] * len(texts[0]), [0.0] * len(texts[1])]
    return scorer


def test_the_strong_join_is_marked_with_the_link_it_grew_from() -> None:
    texts = (LEFT, RIGHT)
    scorer = _scorer(texts)
    off, none = join_ordered_halves_marked(BEADS, texts, scorer, SHUT)  # type: ignore[arg-type]
    assert off == BEADS and none == {}
    on = replace(SHUT, ordered_half_strong=4)
    joined, strong = join_ordered_halves_marked(BEADS, texts, scorer, on)  # type: ignore[arg-type]
    assert strong == {((0,), (0, 1)): ((0,), (0,))}
    assert [(b.left, b.right) for b in joined] == [((0,), (0, 1)), ((1,), (2,))]


def test_a_join_the_glue_gate_takes_is_not_marked_strong() -> None:
    """A strong half the glue model rates at least ``ordered_half_sure`` is an ordinary join:
    that model's rating stands (only what it refused is re-rated)."""
    texts = (LEFT, RIGHT)
    opened = replace(SHUT, ordered_half_sure=-1.0, ordered_half_strong=4)
    joined, strong = join_ordered_halves_marked(BEADS, texts, _scorer(texts), opened)  # type: ignore[arg-type]
    assert strong == {} and (joined[0].left, joined[0].right) == ((0,), (0, 1))


def test_a_strong_join_reads_its_partner_link_and_the_half_rate() -> None:
    texts = (LEFT, RIGHT)
    on = replace(SHUT, ordered_half_strong=4)
    _, scorer = align_scored(LEFT, RIGHT, params=on)  # the pair's own scorer (evidence)
    joined, strong = join_ordered_halves_marked(BEADS, texts, scorer, on)
    rated = with_confidence(joined, scorer, on)
    out = strong_join_confidence(rated, strong, scorer, on)
    median = pair_median_evidence(rated, scorer)
    partner = Bead((0,), (0,), 0.0, "1-1")
    feats = link_features(partner, scorer, median, linked_neighbours(rated, 0), on)
    assert out[0].confidence == round(calibrated_probability(feats, on) * STRONG_HALF_RIGHT, 3)
    assert out[0].confidence != rated[0].confidence and out[1:] == rated[1:]


def test_no_strong_join_leaves_the_beads_as_they_are() -> None:
    _, scorer = align_scored(LEFT, RIGHT, params=AlignParams())
    rated = with_confidence(BEADS, scorer, AlignParams())
    assert strong_join_confidence(rated, {}, scorer, AlignParams()) is rated


def _fixture_pair(batch: str, name: str) -> tuple[list, list, set]:
    left, right, sure, possible = _story_pair(batch, name)
    return left, right, sure | possible


def test_batch10_and_batch17_strong_joins_are_confident_and_right() -> None:
    """The two dev strong joins (round 32): right, and now shown at or above
    ``UNCERTAIN_BELOW`` (batch 17's was .046 from the glue model)."""
    for batch, name in (("batch10", "wort_dpa_de__stol_dpa_de"),
                        ("batch17", "olympics_com_en__insidethegames_en")):  # fmt: skip
        left, right, gold = _fixture_pair(batch, name)
        off = {(b.left, b.right) for b in align(left, right, params=OFF) if b.left and b.right}
        on = [b for b in align(left, right, params=BOTH) if b.left and b.right]
        grown = [b for b in on if (b.left, b.right) not in off and len(b.left) + len(b.right) == 3]
        assert grown, batch
        for bead in grown:
            assert (bead.left, bead.right) in gold
            assert UNCERTAIN_BELOW <= bead.confidence <= STRONG_HALF_RIGHT


@st.composite
def _split_pairs(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """A page and its rewrite telling some sentences as two (cut at a word)."""
    left = make_sentences(draw(st.integers(2, 7)), draw(st.integers(1, 50)))
    right: list[str] = []
    for sentence in left:
        words = sentence.rstrip(".").split()
        cut = draw(st.integers(0, len(words) - 1))
        if cut:
            right += [" ".join(words[:cut]) + ".", " ".join(words[cut:]).capitalize() + "."]
        else:
            right.append(sentence)
    return left, right


@settings(max_examples=40, deadline=None)
@given(_split_pairs())
def test_without_a_strong_join_every_confidence_is_starts(pair: tuple[list, list]) -> None:
    """The strong gate on and off give the same links: then the same confidences (a strong
    join is the only bead re-rated; its gate off, ``align`` is START's)."""
    left, right = pair
    off = align(left, right, params=OFF)
    on = align(left, right, params=BOTH)
    if [(b.left, b.right, b.move_to) for b in on] == [(b.left, b.right, b.move_to) for b in off]:
        assert [b.confidence for b in on] == [b.confidence for b in off]
    assert all(0.0 <= b.confidence <= 1.0 for b in on)
