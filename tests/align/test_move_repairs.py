"""Moves that split, merge or hide in a glued link (``peel_for_moves``, ``extend_moves``).

Hand-made sentences on the repository's own data: each test builds the beads a
DP would have left and checks what the pass makes of them, plus an end-to-end
rewrite where a paragraph moved to the end and was split in two.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workbench.core.align import AlignParams, Bead, align
from workbench.core.align_moves import detect_moves, extend_moves, peel_for_moves
from workbench.core.align_repair import moves_remapped
from workbench.core.align_scoring import BeadScorer

LEAD = "The harbour bridge in Port Elden was closed on Sunday night after a violent storm surge."
QUAKE = "Twelve people were lightly injured, most of them while hastily leaving their flats."
FERRY = "Ferries will run every twenty minutes between the northern and southern quays of the port."
MAYOR = "Mayor Jonas Feld has called an emergency council meeting for Tuesday morning at the hall."
TRAIN = "The regional railway suspended services between Buzau and Focsani for about three hours."
PARK = "The city park remains closed to visitors until gardeners have cleared the fallen trees."


def _scorer(left: list[str], right: list[str]) -> BeadScorer:
    return BeadScorer(left, right, [left], [right], AlignParams())


def test_a_glued_end_sentence_with_a_partner_elsewhere_becomes_a_move() -> None:
    left = [LEAD, QUAKE, FERRY, MAYOR]
    right = [LEAD.replace("violent ", ""), FERRY, MAYOR, QUAKE.replace("Twelve", "Twelve more")]
    glued = [Bead((0, 1), (0,), 0.4, "2-1"), Bead((2,), (1,), 1.0, "1-1"),
             Bead((3,), (2,), 1.0, "1-1"), Bead((), (3,), 0.0, "0-1")]  # fmt: skip
    scorer, params = _scorer(left, right), AlignParams()
    peeled = peel_for_moves(glued, scorer, params)
    assert peeled[:2] == [Bead((0,), (0,), peeled[0].score, "1-1"), Bead((1,), (), 0.0, "1-0")]
    moved = detect_moves(peeled, scorer, params)
    origin = next(b for b in moved if b.left == (1,))
    assert origin.move_to is not None and moved[origin.move_to].right == (3,)


def test_a_sentence_that_earns_its_place_in_the_link_stays() -> None:
    left = [LEAD, "It was closed after a violent storm surge, the harbour master said.", FERRY]
    right = [LEAD.replace(" after a violent storm surge", "") + " " + left[1], FERRY, TRAIN]
    beads = [Bead((0, 1), (0,), 0.7, "2-1"), Bead((2,), (1,), 1.0, "1-1"),
             Bead((), (2,), 0.0, "0-1")]  # fmt: skip
    assert peel_for_moves(beads, _scorer(left, right), AlignParams()) == beads


def test_a_moved_paragraph_split_in_two_is_one_move() -> None:
    first, second = QUAKE.split(", ")
    left = [LEAD, QUAKE, FERRY, MAYOR, PARK]
    right = [LEAD, FERRY, MAYOR, PARK, first + ".", second[0].upper() + second[1:]]
    beads = [Bead((0,), (0,), 1.0, "1-1"), Bead((1,), (), 0.6, "1-0", move_to=5),
             Bead((2,), (1,), 1.0, "1-1"), Bead((3,), (2,), 1.0, "1-1"),
             Bead((4,), (3,), 1.0, "1-1"), Bead((), (4,), 0.6, "0-1", move_to=1),
             Bead((), (5,), 0.0, "0-1")]  # fmt: skip
    out = extend_moves(beads, _scorer(left, right), AlignParams())
    assert len(out) == len(beads) - 1
    origin = out[1]
    landing = out[origin.move_to]  # type: ignore[index]
    assert (origin.left, landing.right, landing.move_to) == ((1,), (4, 5), 1)
    assert origin.score == landing.score > 0.6


def test_an_unrelated_neighbour_does_not_join_a_move() -> None:
    left = [LEAD, QUAKE, FERRY]
    right = [LEAD, FERRY, QUAKE, TRAIN]
    beads = [Bead((0,), (0,), 1.0, "1-1"), Bead((1,), (), 1.0, "1-0", move_to=3),
             Bead((2,), (1,), 1.0, "1-1"), Bead((), (2,), 1.0, "0-1", move_to=1),
             Bead((), (3,), 0.0, "0-1")]  # fmt: skip
    assert extend_moves(beads, _scorer(left, right), AlignParams()) == beads


def test_rewrite_end_to_end_moves_keep_every_sentence_once() -> None:
    """A paragraph moved to the end and split on the way: one move, nothing lost or doubled."""
    quake = ("Twelve people were lightly injured in the night, the civil protection agency said, "
             "most of them while hastily leaving their flats.")  # fmt: skip
    halves = ["Twelve people were lightly injured in the night, the civil protection agency said.",
              "Most had hurt themselves while hastily leaving their flats."]  # fmt: skip
    left = [LEAD, quake, FERRY, MAYOR, TRAIN, PARK]
    right = [LEAD, FERRY, MAYOR, TRAIN, PARK, *halves]
    beads = align(left, right)
    assert sorted(k for b in beads for k in b.left) == list(range(len(left)))
    assert sorted(k for b in beads for k in b.right) == list(range(len(right)))
    origin = next(b for b in beads if b.left == (1,))
    assert origin.move_to is not None and beads[origin.move_to].right == (5, 6)
    assert beads[origin.move_to].move_to == beads.index(origin)



def test_a_move_inside_one_gap_is_an_in_place_link_and_both_sides_stay_in_order() -> None:
    from workbench.core.align_moves import settle_moves

    left = [LEAD, QUAKE, FERRY]
    right = [LEAD, TRAIN, QUAKE.replace("Twelve", "Fourteen"), FERRY]
    beads = [Bead((0,), (0,), 1.0, "1-1"), Bead((1,), (), 0.8, "1-0", move_to=3),
             Bead((), (1,), 0.0, "0-1"), Bead((), (2,), 0.8, "0-1", move_to=1),
             Bead((2,), (3,), 1.0, "1-1")]  # fmt: skip
    out = settle_moves(beads, _scorer(left, right))
    assert [(b.left, b.right, b.move_to) for b in out] == [
        ((0,), (0,), None), ((), (1,), None), ((1,), (2,), None), ((2,), (3,), None)]
    far = [Bead((0,), (0,), 1.0, "1-1"), Bead((1,), (), 0.8, "1-0", move_to=3),
           Bead((2,), (1,), 1.0, "1-1"), Bead((), (2,), 0.8, "0-1", move_to=1)]  # fmt: skip
    assert settle_moves(far, _scorer(left, [LEAD, FERRY, QUAKE])) == far  # a real move stays


def test_a_landing_before_its_origin_in_one_gap_settles_in_order() -> None:
    from workbench.core.align_moves import settle_moves

    left = [LEAD, TRAIN, QUAKE, FERRY]
    right = [LEAD, QUAKE.replace("Twelve", "Fourteen"), PARK, FERRY]
    beads = [Bead((0,), (0,), 1.0, "1-1"), Bead((), (1,), 0.8, "0-1", move_to=4),
             Bead((), (2,), 0.0, "0-1"), Bead((1,), (), 0.0, "1-0"),
             Bead((2,), (), 0.8, "1-0", move_to=1), Bead((3,), (3,), 1.0, "1-1")]  # fmt: skip
    out = settle_moves(beads, _scorer(left, right))
    assert [(b.left, b.right) for b in out] == [
        ((0,), (0,)), ((1,), ()), ((2,), (1,)), ((), (2,)), ((3,), (3,))]
    assert all(b.move_to is None for b in out)



@given(st.lists(st.booleans(), min_size=1, max_size=12), st.data())
def test_moves_remapped_keeps_each_move_on_its_partner(dropped: list[bool], data) -> None:
    """After a step drops beads and renumbers the rest, every move still names its partner."""
    kept = [k for k, gone in enumerate(dropped) if not gone]
    partner = dict(zip(kept, data.draw(st.permutations(kept)), strict=True))
    beads = [Bead((k,), (), 0.0, "1-0", move_to=partner.get(k)) for k in range(len(dropped))]
    where = {old: new for new, old in enumerate(kept)}
    out = moves_remapped([beads[k] for k in kept], where)
    assert [b.left for b in out] == [(k,) for k in kept]
    for bead in out:
        assert out[bead.move_to].left == (partner[bead.left[0]],)  # type: ignore[index]
