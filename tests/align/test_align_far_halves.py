"""A detail a one-language rewrite moved into its lead joins the lead's link (a bead with a gap).

Why: in the dev rewrites 8 of the 27 "split or joined wrongly" misses were gold beads such as
``L[3, 6] : R[1]``, which no monotonic alignment outputs: the rewritten lead tells the
original's third sentence and a detail of its sixth (``core/align_far_halves``).
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.conftest import assert_told_once, make_sentences
from tests.align.test_align_story_pairs import sure_and_linked
from workbench.core.align import AlignParams, align
from workbench.core.align_far_halves import join_far_halves
from workbench.core.align_repair import Bead

ON = replace(AlignParams(), one_language_far_keys=2)
OFF = replace(AlignParams(), one_language_far_keys=0)
#: each side's running text starts at its first sentence, which is its lead
WHERE = ((0, 0), ((), ()))
SIDES = (make_sentences(5, 1), make_sentences(4, 2))

#: left 0 : right 0 is the leads' link; left 2 is the detail, unmatched, two sentences down
BEADS = [Bead((0,), (0,), 0.5, "1-1", confidence=0.8), Bead((1,), (1,), 0.5, "1-1"),
         Bead((2,), (), 0.0, "1-0"), Bead((3,), (2,), 0.5, "1-1")]  # fmt: skip


#: dev rewrites (never a check batch) and the gold sure bead with a gap the rule links on gold
#: spans: a lead that tells a detail from further down
REWRITES = [
    ("batch21", "gwara_media_uk__sq_com_ua_uk", ((10, 11), (11, 17))),
    ("batch31", "tv_berlin_de__radio1046rtl_de", ((20, 23), (14,))),
    ("batch47", "tt_com_apa_de__meinbezirk_de", ((27, 30), (21,))),
]


def test_the_shipped_rule_is_on() -> None:
    """Round 22 ships 4 keys (align_pairs_cv.py: 4 in 43 of 43 folds, docs/align.md)."""
    assert AlignParams().one_language_far_keys == 4


@pytest.mark.parametrize(("batch", "name", "bead"), REWRITES)
def test_a_rewrites_lead_takes_in_its_detail(batch: str, name: str, bead: tuple) -> None:
    """The gold bead with a gap is linked, and no sure bead is traded for it."""
    sure, before = sure_and_linked(batch, name, OFF)
    _, after = sure_and_linked(batch, name, AlignParams())
    assert bead in sure and bead not in before and bead in after
    assert before & sure <= after


def _keys(left: list[set[str]], right: list[set[str]]) -> tuple[list, list]:
    return [frozenset(k) for k in left], [frozenset(k) for k in right]


def _spans(beads: list[Bead]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.left, b.right) for b in beads]


def test_a_detail_only_the_other_lead_tells_joins_the_leads_link() -> None:
    keys = _keys([{"kabin"}, {"betre"}, {"10", "uhr"}, {"polize"}],
                 [{"kabin", "10", "uhr"}, {"betre"}, {"polize"}])  # fmt: skip
    out = join_far_halves(BEADS, SIDES, keys, ON, WHERE)
    assert _spans(out) == [((0, 2), (0,)), ((1,), (1,)), ((3,), (2,))]
    assert out[0].kind == "2-1"
    assert out[0].confidence == 0.8  # the link's own, earned on its consecutive sentences


def test_too_few_claimed_keys_join_nothing() -> None:
    keys = _keys([{"kabin"}, {"betre"}, {"10"}, {"polize"}],
                 [{"kabin", "10"}, {"betre"}, {"polize"}])  # fmt: skip
    assert join_far_halves(BEADS, SIDES, keys, ON, WHERE) == BEADS


def test_keys_the_leads_own_sentence_holds_claim_nothing() -> None:
    keys = _keys([{"kabin", "10", "uhr"}, {"betre"}, {"10", "uhr"}, {"polize"}],
                 [{"kabin", "10", "uhr"}, {"betre"}, {"polize"}])  # fmt: skip
    assert join_far_halves(BEADS, SIDES, keys, ON, WHERE) == BEADS


def test_a_detail_another_sentence_also_tells_stays_unmatched() -> None:
    """Exclusivity: a key the other side holds outside the link claims nothing."""
    keys = _keys([{"kabin"}, {"betre"}, {"10", "uhr"}, {"polize"}],
                 [{"kabin", "10", "uhr"}, {"betre"}, {"polize", "10", "uhr"}])  # fmt: skip
    assert join_far_halves(BEADS, SIDES, keys, ON, WHERE) == BEADS


def test_only_the_other_sides_lead_takes_a_detail() -> None:
    """A body link claiming the keys is no lead: the structure (a lead condenses what follows)
    is what the rule reads, so it is left alone."""
    keys = _keys([{"kabin"}, {"betre"}, {"10", "uhr"}, {"polize"}],
                 [{"kabin"}, {"betre"}, {"polize", "10", "uhr"}])  # fmt: skip
    assert join_far_halves(BEADS, SIDES, keys, ON, WHERE) == BEADS
    keys = _keys([{"kabin"}, {"betre"}, {"10", "uhr"}, {"polize"}],
                 [{"kabin", "10", "uhr"}, {"betre"}, {"polize"}])  # fmt: skip
    assert join_far_halves(BEADS, SIDES, keys, ON, ((0, 1), ((), ()))) == BEADS


def test_a_neighbour_is_left_to_the_gated_rejoin() -> None:
    beads = [Bead((0,), (0,), 0.5, "1-1"), Bead((1,), (), 0.0, "1-0"), Bead((2,), (1,), 0.5, "1-1")]
    keys = _keys([{"a"}, {"x", "y"}, {"b"}], [{"a", "x", "y"}, {"b"}])
    assert join_far_halves(beads, SIDES, keys, ON, WHERE) == beads


def test_a_role_break_is_never_crossed() -> None:
    keys = _keys([{"kabin"}, {"betre"}, {"10", "uhr"}, {"polize"}],
                 [{"kabin", "10", "uhr"}, {"betre"}, {"polize"}])  # fmt: skip
    assert join_far_halves(BEADS, SIDES, keys, ON, ((0, 0), ((1,), ()))) == BEADS


def test_off_without_keys_or_leads_the_beads_come_back() -> None:
    keys = _keys([{"kabin"}, {"betre"}, {"10", "uhr"}, {"polize"}],
                 [{"kabin", "10", "uhr"}, {"betre"}, {"polize"}])  # fmt: skip
    assert join_far_halves(BEADS, SIDES, keys, OFF, WHERE) == BEADS
    assert join_far_halves(BEADS, SIDES, None, ON, WHERE) == BEADS
    assert join_far_halves(BEADS, SIDES, keys, ON, (None, ((), ()))) == BEADS


def test_moves_are_remapped_when_a_detail_joins() -> None:
    beads = [*BEADS, Bead((4,), (), 0.0, "1-0", move_to=5), Bead((), (3,), 0.0, "0-1", move_to=4)]
    keys = _keys([{"kabin"}, {"betre"}, {"10", "uhr"}, {"polize"}, {"m"}],
                 [{"kabin", "10", "uhr"}, {"betre"}, {"polize"}, {"m"}])  # fmt: skip
    out = join_far_halves(beads, SIDES, keys, ON, WHERE)
    assert _spans(out)[0] == ((0, 2), (0,))
    assert (out[3].move_to, out[4].move_to) == (4, 3)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000), st.integers(5, 12), st.integers(2, 4))
def test_one_language_alignments_tell_each_sentence_once(seed: int, size: int, at: int) -> None:
    """A rewrite whose lead took in a sentence from further down: every sentence is still told
    once, and only links gain sentences (nothing else changes)."""
    left = make_sentences(size, seed)
    right = [left[0] + " " + left[at]] + [s for k, s in enumerate(left[1:], 1) if k != at]
    beads = align(left, right, params=ON, leads=(0, 0))
    assert_told_once(beads, left, right)
    plain = align(left, right, params=OFF, leads=(0, 0))
    assert len(beads) <= len(plain)
    grown = {(b.left, b.right) for b in beads} - {(b.left, b.right) for b in plain}
    for left_ids, right_ids in grown:  # a link that took in one sentence on one side
        assert any(set(b.left) <= set(left_ids) and set(b.right) <= set(right_ids)
                   and (b.left == left_ids or b.right == right_ids) for b in plain)  # fmt: skip


def test_a_lead_that_took_in_a_later_sentence_is_linked_to_both() -> None:
    """End to end: the right lead tells left 0 and left 3; off, left 3 stays unmatched."""
    left = make_sentences(9, 0)
    right = [left[0] + " " + left[3]] + [s for k, s in enumerate(left[1:], 1) if k != 3]
    on = [(b.left, b.right) for b in align(left, right, params=ON, leads=(0, 0))]
    off = [(b.left, b.right) for b in align(left, right, params=OFF, leads=(0, 0))]
    assert ((0, 3), (0,)) in on
    assert ((0,), (0,)) in off and ((3,), ()) in off
