"""A sentence whose unique anchors two unmatched neighbours of the other side split between
them links both (``align_anchor_halves.link_anchor_halves``), and after the decision the
anchor join looks once more (``align_late_twins.late_anchor_halves``; round 31, beads31).
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.conftest import assert_told_once
from workbench.core.align import AlignParams, Bead
from workbench.core.align_anchor_halves import link_anchor_halves
from workbench.core.align_late_twins import late_anchor_halves
from workbench.core.align_scoring import BeadScorer
from workbench.core.anchors import unique_anchors

ON = replace(AlignParams(), anchor_halves_cost=float("inf"))
OFF = replace(AlignParams(), anchor_halves_cost=-1.0)

# right 1 is left 1 and left 2 joined: the 3 km / 10 km zones and the 72-hour ban
LEFT = [
    "Das Virus wurde auf einem Hof in Uelsen nachgewiesen.",
    "Um den Betrieb gilt eine Schutzzone von 3 Kilometern und eine Überwachungszone von "
    "10 Kilometern.",
    "Das Ministerium ordnete zudem ein 72-stündiges Verbringungsverbot an.",
    "Die Ursache ist noch unklar.",
]
RIGHT = [
    "Le virus a été détecté dans une ferme d'Uelsen.",
    "Une zone de surveillance de 10 kilomètres a été instaurée et tout transport est "
    "interdit pendant 72 heures.",
    "L'origine reste inconnue.",
]


def _scorer(left: list[str], right: list[str], params: AlignParams = ON) -> BeadScorer:
    return BeadScorer(left, right, [left], [right], params)


def _all_unmatched_between() -> list[Bead]:
    """The decision's output: the joined sentence and both halves unmatched in one gap."""
    return [
        Bead((0,), (0,), 0.5, "1-1"),
        Bead((1,), (), 0.0, "1-0"),
        Bead((2,), (), 0.0, "1-0"),
        Bead((), (1,), 0.0, "0-1"),
        Bead((3,), (2,), 0.5, "1-1"),
    ]


def _links(beads: list[Bead]) -> list[tuple]:
    return [(b.left, b.right) for b in beads if b.left and b.right]


def test_two_halves_splitting_the_sentences_anchors_link_it() -> None:
    out = link_anchor_halves(_all_unmatched_between(), _scorer(LEFT, RIGHT), ON)
    assert _links(out) == [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,))]
    assert out[1].kind == "2-1"
    assert_told_once(out, LEFT, RIGHT)


def test_off_long_pairs_and_a_length_bar_leave_the_beads_alone() -> None:
    beads = _all_unmatched_between()
    assert link_anchor_halves(beads, _scorer(LEFT, RIGHT, OFF), OFF) == beads
    short = replace(ON, long_glue_min=3)
    assert link_anchor_halves(beads, _scorer(LEFT, RIGHT, short), short) == beads
    scorer = _scorer(LEFT, RIGHT)
    capped = replace(ON, anchor_halves_cost=scorer.length_cost(1, 2, 1, 1) - 0.01)
    assert link_anchor_halves(beads, scorer, capped) == beads


def test_one_half_holding_every_anchor_is_no_split() -> None:
    """The twins' business (a unique partner), not a split: both anchors in one half."""
    left = [LEFT[0], "Um den Betrieb gilt eine Überwachungszone von 10 Kilometern und ein "
            "72-stündiges Verbot.", "Das Ministerium äußerte sich.", LEFT[3]]  # fmt: skip
    beads = _all_unmatched_between()
    assert link_anchor_halves(beads, _scorer(left, RIGHT), ON) == beads


def test_halves_apart_across_a_break_or_a_link_stay_unmatched() -> None:
    beads = _all_unmatched_between()
    scorer = _scorer(LEFT, RIGHT)
    assert link_anchor_halves(beads, scorer, ON, (frozenset({2}), frozenset())) == beads
    linked = [Bead((0,), (0,), 0.5, "1-1"), Bead((1,), (), 0.0, "1-0"),
              Bead((2,), (2,), 0.5, "1-1"), Bead((), (1,), 0.0, "0-1"),
              Bead((3,), (), 0.0, "1-0")]  # fmt: skip
    assert link_anchor_halves(linked, scorer, ON) == linked


def test_the_mirror_a_split_on_the_right_links_too() -> None:
    beads = [
        Bead((0,), (0,), 0.5, "1-1"),
        Bead((), (1,), 0.0, "0-1"),
        Bead((1,), (), 0.0, "1-0"),
        Bead((), (2,), 0.0, "0-1"),
        Bead((2,), (3,), 0.5, "1-1"),
    ]
    out = link_anchor_halves(beads, _scorer(RIGHT, LEFT), ON)
    assert _links(out) == [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,))]
    assert_told_once(out, RIGHT, LEFT)


def test_moves_keep_pointing_at_each_other() -> None:
    left = [*LEFT, "Die Bauern sind besorgt."]
    right = ["Les éleveurs s'inquiètent.", *RIGHT]
    beads = [
        Bead((), (0,), 0.0, "0-1", move_to=6),
        Bead((0,), (1,), 0.5, "1-1"),
        Bead((1,), (), 0.0, "1-0"),
        Bead((2,), (), 0.0, "1-0"),
        Bead((), (2,), 0.0, "0-1"),
        Bead((3,), (3,), 0.5, "1-1"),
        Bead((4,), (), 0.0, "1-0", move_to=0),
    ]
    out = link_anchor_halves(beads, _scorer(left, right), ON)
    assert ((1, 2), (2,)) in _links(out)
    assert_told_once(out, left, right)
    assert out[0].move_to == 4 and out[4].move_to == 0


def test_the_late_look_joins_a_half_left_beside_its_link() -> None:
    """After the decision: the joined sentence linked to one half, the other unmatched."""
    beads = [
        Bead((0,), (0,), 0.5, "1-1"),
        Bead((1,), (1,), 0.2, "1-1"),
        Bead((2,), (), 0.0, "1-0"),
        Bead((3,), (2,), 0.5, "1-1"),
    ]
    scorer = _scorer(LEFT, RIGHT)
    out = late_anchor_halves(beads, scorer, ON, (frozenset(), frozenset()), (LEFT, RIGHT))
    assert _links(out) == [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,))]
    assert late_anchor_halves(beads, scorer, OFF, (frozenset(), frozenset()),
                              (LEFT, RIGHT)) == beads  # fmt: skip


def test_shipped_value() -> None:
    """Chosen per fold by ``align_pairs_cv.py`` (docs/align.md, round 31)."""
    assert AlignParams().anchor_halves_cost in (-1.0, float("inf"))


_KEYS = st.sampled_from(["Karaduman", "Kiel", "410 000", "1140", "2027", "Hollerith", "72"])
_SENTENCES = st.lists(st.lists(_KEYS, max_size=3).map(
    lambda keys: "Die Leute sprachen lange darüber " + " und ".join(keys) + "."),
    min_size=2, max_size=7)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(left=_SENTENCES, right=_SENTENCES, links=st.sets(st.integers(0, 6), max_size=3))
def test_a_linked_split_rests_on_anchors_its_halves_split(left, right, links) -> None:
    """Whatever the sides hold: every sentence stays told once, old links stay, and each new
    bead is one sentence and two neighbours that split its unique anchors, each holding one
    the other lacks, no other unmatched sentence holding any; off, nothing changes."""
    n = min(len(left), len(right))
    beads: list[Bead] = []
    for k in range(max(len(left), len(right))):
        if k in links and k < n:
            beads.append(Bead((k,), (k,), 0.5, "1-1"))
            continue
        beads.extend([Bead((k,), (), 0.0, "1-0")] if k < len(left) else [])
        beads.extend([Bead((), (k,), 0.0, "0-1")] if k < len(right) else [])
    scorer = _scorer(left, right)
    out = link_anchor_halves(beads, scorer, ON)
    assert_told_once(out, left, right)
    assert link_anchor_halves(beads, scorer, OFF) == beads
    old = set(_links(beads))
    assert old <= set(_links(out))
    alone = unique_anchors(scorer.left_anchors), unique_anchors(scorer.right_anchors)
    for bead in out:
        if (bead.left, bead.right) in old or not (bead.left and bead.right):
            continue
        side = 0 if len(bead.left) == 1 else 1
        one, two = (bead.left, bead.right) if side == 0 else (bead.right, bead.left)
        keys = alone[side][one[0]]
        first, second = (alone[1 - side][x] & keys for x in two)
        assert two[1] - two[0] == 1 and first - second and second - first
