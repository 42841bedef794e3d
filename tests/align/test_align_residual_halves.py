"""A sentence that tells what a link's other side says beyond the link joins it, at any distance.

Why: a restructured rewrite joins two sentences of the original that need not be neighbours;
the aligner links one, the other stays unmatched (``core/align_residual_halves``, round 26).
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.conftest import assert_told_once, make_sentences
from tests.align.test_align_story_pairs import sure_and_linked
from workbench.core.align import AlignParams, align
from workbench.core.align_repair import Bead
from workbench.core.align_residual_halves import content_keys, join_residual_halves

OFF = replace(AlignParams(), residual_half_keys=0)

#: dev rewrites (never a check batch) and the gold sure bead with a gap the rule links on gold
#: spans: the rewrite joined two sentences of the original that were apart
REWRITES = [
    ("batch29", "cheline_uk__novynarnia_uk", ((12, 15), (14,))),
    ("batch47", "tt_com_apa_de__meinbezirk_de", ((38, 40), (32,))),
    ("batch88", "hebnews_en__intrafish_en", ((18, 21), (27,))),
]

LEFT = [
    "The Kelvara salmon farm in Loch Ardnish lost about 48,000 fish in a storm.",
    "Its cage moorings failed on Saturday night.",
    "The inspectorate was notified on Sunday and will visit the site this week.",
    "Wild fish campaigners called for a moratorium on new farms.",
    "Kelvara was given permission to set recapture nets at the mouth of the loch.",
]
RIGHT = [
    "About 48,000 salmon escaped from the Kelvara farm in Loch Ardnish.",
    "Campaigners called for a moratorium on new farms.",
    "The company may set recapture nets at the mouth of the loch, and the inspectorate "
    "will visit the site this week.",
]
#: left 2 : right 2 is linked; left 4 tells the rest of right 2 and stays unmatched
BEADS = [Bead((0,), (0,), 0.6, "1-1", confidence=0.9), Bead((1,), (), 0.0, "1-0"),
         Bead((2,), (2,), 0.5, "1-1", confidence=0.7), Bead((3,), (1,), 0.5, "1-1"),
         Bead((4,), (), 0.0, "1-0")]  # fmt: skip


def _spans(beads: list[Bead]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.left, b.right) for b in beads]


def test_the_shipped_rule_is_on() -> None:
    """Round 26 ships 2 keys at a share of .3 (align_pairs_cv.py, docs/align.md)."""
    assert (AlignParams().residual_half_keys, AlignParams().residual_half_share) == (2, 0.3)


def test_content_keys_are_stems_and_whole_numbers() -> None:
    assert content_keys("Recapture nets set at 03:40 near Ventspils.") == frozenset(
        {"recap", "vents", "03", "40"})  # fmt: skip


@pytest.mark.parametrize(("batch", "name", "bead"), REWRITES)
def test_a_rewrites_join_across_a_gap_is_linked(batch: str, name: str, bead: tuple) -> None:
    """The gold bead with a gap is linked, and no sure bead is traded for it."""
    sure, before = sure_and_linked(batch, name, OFF)
    _, after = sure_and_linked(batch, name, AlignParams())
    assert bead in sure and bead not in before and bead in after
    assert before & sure <= after


def test_a_far_sentence_telling_the_links_residual_joins_it() -> None:
    out = join_residual_halves(BEADS, (LEFT, RIGHT), AlignParams())
    assert _spans(out) == [((0,), (0,)), ((1,), ()), ((2, 4), (2,)), ((3,), (1,))]
    assert out[2].kind == "2-1"
    assert out[2].confidence == 0.7  # the link's own, earned on its consecutive sentences


def test_words_another_sentence_of_its_side_holds_claim_nothing() -> None:
    """Exclusivity on its own side: a restatement is no half."""
    left = [*LEFT[:3], LEFT[3] + " Recapture nets at the mouth of the loch were set.", LEFT[4]]
    assert join_residual_halves(BEADS, (left, RIGHT), AlignParams()) == BEADS


def test_words_the_other_side_tells_outside_the_link_claim_nothing() -> None:
    right = [RIGHT[0], RIGHT[1] + " Recapture nets went to the mouth of the loch.", RIGHT[2]]
    assert join_residual_halves(BEADS, (LEFT, right), AlignParams()) == BEADS


def test_a_small_share_of_the_residual_joins_nothing() -> None:
    strict = replace(AlignParams(), residual_half_share=0.9)
    assert join_residual_halves(BEADS, (LEFT, RIGHT), strict) == BEADS


def test_a_role_break_is_never_crossed_and_off_is_off() -> None:
    assert join_residual_halves(BEADS, (LEFT, RIGHT), AlignParams(), ((4,), ())) == BEADS
    assert join_residual_halves(BEADS, (LEFT, RIGHT), OFF) == BEADS


def test_moves_are_left_alone_and_remapped() -> None:
    beads = [*BEADS[:4], Bead((4,), (), 0.0, "1-0", move_to=5),
             Bead((), (3,), 0.0, "0-1", move_to=4)]  # fmt: skip
    right = [*RIGHT, "Kelvara was given permission for recapture nets at the mouth of the loch."]
    assert join_residual_halves(beads, (LEFT, right), AlignParams()) == beads
    lone = [Bead((1,), (), 0.0, "1-0"), *BEADS[2:4], Bead((4,), (), 0.0, "1-0"),
            Bead((5,), (), 0.0, "1-0", move_to=5),
            Bead((), (3,), 0.0, "0-1", move_to=4)]  # fmt: skip
    left = [*LEFT, "Moved words here."]
    out = join_residual_halves(lone, (left, right[:3] + ["Moved words here."]), AlignParams())
    assert _spans(out)[1] == ((2, 4), (2,))
    assert (out[3].move_to, out[4].move_to) == (4, 3)


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000), st.integers(6, 12), st.integers(3, 5))
def test_one_language_alignments_tell_each_sentence_once(seed: int, size: int, at: int) -> None:
    """A rewrite that joined a later sentence into an earlier one: every sentence is still told
    once, and only links gain sentences (nothing else changes)."""
    left = make_sentences(size, seed)
    right = [s if k != 1 else s + " " + left[at] for k, s in enumerate(left) if k != at]
    beads = align(left, right)
    assert_told_once(beads, left, right)
    plain = align(left, right, params=OFF)
    assert len(beads) <= len(plain)
    grown = {(b.left, b.right) for b in beads} - {(b.left, b.right) for b in plain}
    for left_ids, right_ids in grown:  # a link that took in sentences on one side
        assert any(set(b.left) <= set(left_ids) and set(b.right) <= set(right_ids)
                   for b in plain)  # fmt: skip
