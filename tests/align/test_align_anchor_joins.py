"""A 1-1 link across languages takes in the unmatched neighbour that alone holds its
partner's anchor (``align_anchor_joins.join_anchor_neighbours``).

Another agency joins two sentences into one or splits one in two; through a copy MT the
halves share only their anchors, so the DP links one half and leaves the other unmatched.
"""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.conftest import assert_told_once, make_sentences
from tests.align.test_align_figures import grouped_links
from workbench.core.align import AlignParams, Bead, align
from workbench.core.align_anchor_joins import join_anchor_neighbours
from workbench.core.align_scoring import BeadScorer

ON = AlignParams()
#: the length halves (round 27) off too: with the anchor join off they take batch 27's split;
#: and round 38's anchor relink, which then moves batch 13's half-link to the other half
OFF = replace(AlignParams(), anchor_join_cost=-1.0, length_half_gain=-1.0,
              anchor_neighbour_relink=0)

#: dev pairs (gold spans and roles, aligned as ``services.compare`` does): the gold ``sure``
#: join this pass makes and the 1-1 link it replaces, with the anchor that places the half
JOINED = [
    ("batch11", "wtop_ap_en__zn_ua_uk", ((21, 22), (16,)), ((22,), (16,))),  # 21
    ("batch13", "lorientlejour_afp_fr__point_md_ru", ((18,), (11, 12)), ((18,), (11,))),  # 72
    ("batch18", "hromadske_uk__hromadske_en", ((15, 16), (15,)), ((16,), (15,))),  # 200
    ("batch27", "bz_basel_sda_de__rfj_ats_fr", ((38, 39), (33,)), ((39,), (33,))),
    ("batch52", "censor_net_uk__lindependant_afp_fr", ((11, 12), (16,)), ((11,), (16,))),
    ("batch52", "censor_net_uk__lindependant_afp_fr", ((15, 16), (19,)), ((15,), (19,))),  # 47
]

# left 1 and 2 are one French sentence split in two: the Karaduman half carries the name
LEFT = [
    "Die Fähre legte am Morgen in Kiel ab.",
    "Das Feuer brach kurz nach Mitternacht auf dem unteren Deck aus.",
    "Kapitän Karaduman ließ das Schiff sofort räumen.",
    "Die Behörden ermitteln zur Ursache.",
]
RIGHT = [
    "Le ferry a quitté le port de Kiel le matin.",
    "L'incendie s'est déclaré peu après minuit sur le pont inférieur et le capitaine "
    "Karaduman a aussitôt fait évacuer le navire.",
    "Une enquête est ouverte sur la cause.",
]


@pytest.mark.parametrize(("batch", "name", "join", "link"), JOINED)
def test_a_split_sentence_of_a_dev_pair_is_joined(batch: str, name: str, join, link) -> None:
    on, off = grouped_links(batch, name, ON), grouped_links(batch, name, OFF)
    assert join in on and link not in on
    assert link in off and join not in off


#: round 23: gold ``sure`` joins the round-17 length bar (2 nats) held back, with the 1-1
#: link it made instead: a condensed paraphrase ("Mais vendredi, la commission … a annulé
#: deux bulletins …, et a attribué à Mme Reimer un bulletin …" told in two German sentences)
#: and a translation that merged two sentences
UNBARRED = [
    ("batch57", "osthessen_news_dpa_de__parismatch_afp_fr", ((23, 24), (20,)), ((24,), (20,))),
    ("batch9", "ctvnews_reuters_en__kursiv_kz_ru", ((16, 17), (17,)), ((17,), (17,))),
]


@pytest.mark.parametrize(("batch", "name", "join", "link"), UNBARRED)
def test_a_condensed_pair_joins_past_the_old_length_bar(batch: str, name: str, join,
                                                         link) -> None:  # fmt: skip
    on = grouped_links(batch, name, ON)
    barred = grouped_links(batch, name, replace(ON, anchor_join_cost=2.0))
    assert join in on and link not in on
    assert link in barred and join not in barred


def test_the_shipped_aligner_joins_with_no_length_bar() -> None:
    """Round 17: on at 2 nats; round 23: no length bar (leave-one-batch-out, docs/align.md)."""
    assert AlignParams().anchor_join_cost == float("inf")


def _scorer(left: list[str], right: list[str], params: AlignParams = ON) -> BeadScorer:
    return BeadScorer(left, right, [left], [right], params)


def _half_linked() -> list[Bead]:
    """The DP's output: the first half linked 1-1, the Karaduman half unmatched."""
    return [
        Bead((0,), (0,), 0.5, "1-1"),
        Bead((1,), (1,), 0.2, "1-1"),
        Bead((2,), (), 0.0, "1-0"),
        Bead((3,), (2,), 0.5, "1-1"),
    ]


def _links(beads: list[Bead]) -> list[tuple]:
    return [(b.left, b.right) for b in beads if b.left and b.right]


def test_the_half_holding_the_partners_name_joins_the_link() -> None:
    out = join_anchor_neighbours(_half_linked(), _scorer(LEFT, RIGHT), ON)
    assert _links(out) == [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,))]
    assert len(out) == 3 and out[1].kind == "2-1"
    assert_told_once(out, LEFT, RIGHT)


def test_the_join_is_made_on_either_side_and_before_the_link() -> None:
    """Mirrored: the right side split, the half with the name sits before its link."""
    left = list(RIGHT)
    right = [LEFT[0], LEFT[2], LEFT[1], LEFT[3]]
    beads = [
        Bead((0,), (0,), 0.5, "1-1"),
        Bead((), (1,), 0.0, "0-1"),
        Bead((1,), (2,), 0.2, "1-1"),
        Bead((2,), (3,), 0.5, "1-1"),
    ]
    out = join_anchor_neighbours(beads, _scorer(left, right), ON)
    assert _links(out) == [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,))]
    assert_told_once(out, left, right)


def test_no_join_across_a_break() -> None:
    """Round 29: a half on the far side of a break (a headline before the body) stays out;
    the break elsewhere, or on the other side, does not stop the join."""
    scorer = _scorer(LEFT, RIGHT)
    none: frozenset[int] = frozenset()
    for breaks in ((frozenset({2}), none), (frozenset({2, 3}), none)):
        out = join_anchor_neighbours(_half_linked(), scorer, ON, None, breaks)
        assert out == _half_linked()
    for breaks in ((frozenset({1, 3}), none), (none, frozenset({1, 2}))):
        out = join_anchor_neighbours(_half_linked(), scorer, ON, None, breaks)
        assert _links(out) == [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,))]


def test_off_long_pairs_and_a_link_holding_the_anchor_are_left_alone() -> None:
    scorer = _scorer(LEFT, RIGHT, OFF)
    assert join_anchor_neighbours(_half_linked(), scorer, OFF) == _half_linked()
    short = replace(ON, long_glue_min=3)  # the right side has 3 sentences: "long" here
    assert join_anchor_neighbours(_half_linked(), _scorer(LEFT, RIGHT, short), short) == (
        _half_linked()
    )
    # the linked half names the captain too: the name places nothing
    left = [*LEFT[:1], LEFT[1][:-1] + ", Kapitän Karaduman schlug Alarm.", *LEFT[2:]]
    assert join_anchor_neighbours(_half_linked(), _scorer(left, RIGHT), ON) == _half_linked()


def test_an_anchor_other_sentences_of_the_partners_side_hold_places_nothing() -> None:
    right = [*RIGHT[:2], "Karaduman wurde befragt. " + RIGHT[2]]
    assert join_anchor_neighbours(_half_linked(), _scorer(LEFT, right), ON) == _half_linked()


def test_the_halfs_side_may_tell_the_anchor_again() -> None:
    """Round 23: a lead that already named the captain does not stop his half joining: the
    partner's side holds the name once, in the link, and the link's own half lacks it."""
    left = ["Kapitän Karaduman rettete alle Passagiere der Fähre aus Kiel.", *LEFT[1:]]
    right = ["Le capitaine Karaduman a sauvé tous les passagers. " + RIGHT[0], *RIGHT[1:]]
    assert join_anchor_neighbours(_half_linked(), _scorer(left, right), ON) == _half_linked()
    right = ["Le ferry a sauvé tous ses passagers. " + RIGHT[0], *RIGHT[1:]]
    out = join_anchor_neighbours(_half_linked(), _scorer(left, right), ON)
    assert _links(out) == [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,))]


def test_a_join_whose_lengths_fit_worse_than_the_link_is_made_unless_capped() -> None:
    """The linked half already has the partner's length, yet the name places the other half:
    a paraphrase condenses two sentences into one of about one's length (round 23; round 17
    asked the join to fit at least as well as the link).  A finite cap still holds it back."""
    right = [RIGHT[0], "Le feu a pris sur le pont inférieur; Karaduman a réagi.", RIGHT[2]]
    left = [*LEFT[:1], "Das Feuer brach auf dem unteren Deck des Schiffes aus.",
            "Kapitän Karaduman ließ das Schiff räumen, und die Mannschaft half dabei.",
            *LEFT[3:]]  # fmt: skip
    scorer = BeadScorer(left, right, [left], [right], ON, ratio=1.0)
    assert scorer.length_cost(1, 2, 1, 1) > scorer.length_cost(1, 1, 1, 1)
    out = join_anchor_neighbours(_half_linked(), scorer, ON)
    assert _links(out) == [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,))]
    capped = replace(ON, anchor_join_cost=scorer.length_cost(1, 2, 1, 1) - 0.01)
    assert join_anchor_neighbours(_half_linked(), scorer, capped) == _half_linked()


def test_moves_keep_pointing_at_each_other_after_a_join() -> None:
    left = [*LEFT, "Die Reederei entschuldigte sich."]
    right = ["L'armateur a présenté ses excuses.", *RIGHT]
    beads = [
        Bead((), (0,), 0.0, "0-1", move_to=5),
        Bead((0,), (1,), 0.5, "1-1"),
        Bead((1,), (2,), 0.2, "1-1"),
        Bead((2,), (), 0.0, "1-0"),
        Bead((3,), (3,), 0.5, "1-1"),
        Bead((4,), (), 0.0, "1-0", move_to=0),
    ]
    out = join_anchor_neighbours(beads, _scorer(left, right), ON)
    assert ((1, 2), (2,)) in _links(out)
    assert_told_once(out, left, right)
    assert out[0].move_to == 4 and out[4].move_to == 0


def _split_retelling(seed: int, size: int) -> tuple[list[str], list[str]]:
    """English sentences and a 'translation' (words reversed, numbers kept) in which some
    neighbouring sentences are joined into one."""
    rng = random.Random(seed)
    left = make_sentences(size, seed)
    right: list[str] = []
    k = 0
    while k < size:
        take = 2 if k + 1 < size and rng.random() < 0.3 else 1
        words = " ".join(left[k : k + take]).split()
        right.append(" ".join(w if any(c.isdigit() for c in w) else w[::-1] for w in words))
        k += take
    return left, right


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000), st.integers(3, 12))
def test_every_sentence_is_told_once(seed: int, size: int) -> None:
    left, right = _split_retelling(seed, size)
    beads = align(left, right, params=ON)
    assert_told_once(beads, left, right)
    assert all(len(b.left) <= 4 and len(b.right) <= 4 for b in beads)


_NAMES = st.sampled_from(["Karaduman", "Kiel", "Reimer", "410 000", "1140", "2027", "Hollerith"])
_SENTENCES = st.lists(st.lists(_NAMES, max_size=3).map(
    lambda keys: "Die Leute sprachen lange darüber " + " und ".join(keys) + "."),
    min_size=2, max_size=6)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(left=_SENTENCES, right=_SENTENCES, gap=st.integers(0, 5))
def test_a_join_rests_on_a_key_the_partner_alone_holds(left, right, gap) -> None:
    """Whatever the sides hold, a joined half holds a key that its partner sentence alone holds
    on its side and the link's own sentence lacks; every sentence stays told once."""
    n = min(len(left), len(right))
    gap = min(gap, n - 1)
    beads = [Bead((k,), (k,), 0.5, "1-1") for k in range(n) if k != gap]
    beads[gap:gap] = [Bead((gap,), (), 0.0, "1-0"), Bead((), (gap,), 0.0, "0-1")]
    beads.extend(Bead((k,), (), 0.0, "1-0") for k in range(n, len(left)))
    beads.extend(Bead((), (k,), 0.0, "0-1") for k in range(n, len(right)))
    scorer = _scorer(left, right)
    out = join_anchor_neighbours(beads, scorer, ON)
    assert_told_once(out, left, right)
    held = scorer.left_anchors, scorer.right_anchors
    for bead in out:
        for side, ids, other in ((0, bead.left, bead.right), (1, bead.right, bead.left)):
            if len(ids) == 2 and len(other) == 1:
                partner = held[1 - side][other[0]]
                alone = {key for key in partner
                         if sum(key in keys for keys in held[1 - side]) == 1}  # fmt: skip
                half, own = (ids[0], ids[1]) if ids[0] == gap else (ids[1], ids[0])
                assert (held[side][half] & alone) - held[side][own]
    assert join_anchor_neighbours(beads, scorer, OFF) == beads
