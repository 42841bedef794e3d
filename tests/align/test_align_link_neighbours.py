"""Two unmatched sentences next to one link's two ends link: ``AlignParams.link_neighbour_keys``
(round 37, beads37; a study, shipped off).

Why: batch 133's German rewrite (``linzer_tagesanzeiger_de``) moves the local-business paragraph
up and rewords its first sentence past its words; the aligner found the innkeeper's sentence as
a move and left the reworded one unmatched on both sides, right before both ends of the move.
The measurement is in ``docs/align.md`` "Round 37 (beads37)".
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.align import AlignParams
from workbench.core.align_link_neighbours import link_neighbours, neighbour_pairs
from workbench.core.align_repair import Bead
from workbench.core.align_scoring import BeadScorer

#: batch 133 (donauwelle_apa_de / linzer_tagesanzeiger_de), shortened: the wire's tickets,
#: business and innkeeper sentences; the rewrite's lead, business and innkeeper sentences
LEFT = ["Bisher wurden rund 6.300 Tickets verkauft.",
        "Auch für die örtlichen Betriebe ist die Absage ein schwerer Schlag.",
        "Gastwirt Franz Aigner vom Gasthof Zur Linde sprach von „dem umsatzstärksten Wochenende "
        "des Jahres“, das nun wegfalle."]  # fmt: skip
RIGHT = ["Für Gastronomie und Zimmervermieter im Ort bedeutet das einen empfindlichen "
         "Einnahmenausfall.",
         "Franz Aichinger, Wirt des Gasthofs Zur Linde, sagte, ihm falle das umsatzstärkste "
         "Wochenende des Jahres weg.",
         "Verkauft waren bis zur Absage rund 6.500 Karten."]  # fmt: skip
#: the aligner's beads: the tickets link in order, the innkeeper's sentence moved up
MOVED = [Bead((), (0,), 0.0, "0-1"), Bead((), (1,), 0.5, "0-1", move_to=4),
         Bead((0,), (2,), 0.4, "1-1"), Bead((1,), (), 0.0, "1-0"),
         Bead((2,), (), 0.5, "1-0", move_to=1)]  # fmt: skip
ON = replace(AlignParams(), link_neighbour_keys=0, link_neighbour_scope=1)


def _scorer(left: list[str], right: list[str]) -> BeadScorer:
    return BeadScorer(left, right, [left], [right], AlignParams())


def test_off_by_default() -> None:
    """A study: shipped off (docs/align.md "Round 37 (beads37)")."""
    assert AlignParams().link_neighbour_keys == -1
    assert link_neighbours(MOVED, (LEFT, RIGHT), _scorer(LEFT, RIGHT), AlignParams()) is MOVED


def test_batch133_reworded_sentence_travels_with_the_move() -> None:
    """The business sentences share no key; they stand right before both ends of the move,
    and become a move of their own (a link stands between them)."""
    assert neighbour_pairs(MOVED, (LEFT, RIGHT), 0, 1) == [(3, 0)]
    assert neighbour_pairs(MOVED, (LEFT, RIGHT), 1, 1) == []
    out = link_neighbours(MOVED, (LEFT, RIGHT), _scorer(LEFT, RIGHT), ON)
    pairs = {(b.left or out[b.move_to].left, b.right or out[b.move_to].right)
             for b in out if b.move_to is not None}  # type: ignore[index]
    assert pairs == {((1,), (0,)), ((2,), (1,))}


def test_in_place_neighbours_become_one_link_and_breaks_hold() -> None:
    """Before an in-order link (scope 2), the two free sentences settle into an in-place link;
    a role break between a neighbour and the link keeps them apart; scope 1 reads moves only."""
    left, right = ["a b", "Gastwirt sagte"], ["c d", "Wirt sagte"]
    beads = [Bead((0,), (), 0.0, "1-0"), Bead((), (0,), 0.0, "0-1"),
             Bead((1,), (1,), 0.6, "1-1")]  # fmt: skip
    on = replace(ON, link_neighbour_scope=2)
    out = link_neighbours(beads, (left, right), _scorer(left, right), on)
    assert [(b.left, b.right, b.move_to) for b in out] == [((0,), (0,), None), ((1,), (1,), None)]
    assert link_neighbours(beads, (left, right), _scorer(left, right), ON) is beads
    broken = (frozenset({1}), frozenset())
    assert neighbour_pairs(beads, (left, right), 0, 2, broken) == []


_WORDS = st.sampled_from(["alpha", "bravo", "charlie", "delta", "12", "640"])
_TEXT = st.lists(_WORDS, min_size=1, max_size=4).map(" ".join)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(["1-1", "1-0", "0-1", "2-1"]), min_size=1, max_size=9),
       st.lists(_TEXT, min_size=20, max_size=20), st.lists(_TEXT, min_size=20, max_size=20),
       st.integers(0, 2), st.integers(1, 3))  # fmt: skip
def test_every_sentence_once_in_order_and_links_only_grow(
    kinds: list[str], left: list[str], right: list[str], need: int, scope: int
) -> None:
    """Property: each sentence of both sides is held once and in order; every move's end
    points at an end that points back; no given link is lost; every new link or move pairs two
    sentences ``neighbour_pairs`` offered, one per side, and nothing else changes."""
    beads, lx, rx = [], 0, 0
    for kind in kinds:
        nl, nr = int(kind[0]), int(kind[2])
        beads.append(Bead(tuple(range(lx, lx + nl)), tuple(range(rx, rx + nr)), 0.3, kind))
        lx, rx = lx + nl, rx + nr
    params = replace(AlignParams(), link_neighbour_keys=need, link_neighbour_scope=scope)
    out = link_neighbours(beads, (left, right), _scorer(left[:lx] or ["x"], right[:rx] or ["x"]),
                          params)  # fmt: skip
    for side in (0, 1):
        held = [x for b in out for x in (b.left, b.right)[side]]
        assert held == sorted(held) == [x for b in beads for x in (b.left, b.right)[side]]
    for n, b in enumerate(out):
        if b.move_to is not None:
            assert out[b.move_to].move_to == n and bool(b.left) != bool(out[b.move_to].left)
    offered = {(beads[a].left, beads[b].right)
               for a, b in neighbour_pairs(beads, (left, right), need, scope)}  # fmt: skip
    given_links = {(b.left, b.right) for b in beads if b.left and b.right}
    new = {(b.left, b.right) for b in out if b.left and b.right} - given_links
    new |= {(b.left, out[b.move_to].right) for b in out
            if b.move_to is not None and b.left}  # type: ignore[index]
    assert given_links <= {(b.left, b.right) for b in out}
    assert new == offered
