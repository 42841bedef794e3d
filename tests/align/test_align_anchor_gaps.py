"""Unmatched sentences between two links that share a name or number found nowhere else.

Across languages through MT that copies (the stand-in models), a true 1-1 link
shows only its names and numbers; ``align_repair.link_anchor_gaps`` pins such
pairs together inside a gap, in order, and leaves links and moves alone.
"""

from __future__ import annotations

from workbench.core.align import AlignParams, Bead
from workbench.core.align_repair import link_anchor_gaps
from workbench.core.align_scoring import BeadScorer

LEFT = [
    "Die Fähre legte am Morgen ab.",
    "An Bord waren 238 Passagiere und die Besatzung.",
    "Der Kapitän Karaduman meldete ein Feuer.",
    "Die Behörden ermitteln.",
]
RIGHT = [
    "Le ferry a quitté le port le matin.",
    "Le capitaine Karaduman a signalé un incendie à bord.",
    "Les 238 passagers ont été rassemblés sur le pont.",
    "Une enquête est ouverte.",
]


def _scorer() -> BeadScorer:
    return BeadScorer(LEFT, RIGHT, [LEFT], [RIGHT], AlignParams())


def _links(beads: list[Bead]) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    return {(b.left, b.right) for b in beads if b.left and b.right}


def test_unique_anchors_link_a_gap_in_order() -> None:
    """Two candidate pairs cross (238 and Karaduman): the one kept keeps the order."""
    gap = [Bead((k,), (), 0.0, "1-0") for k in (1, 2)] + [
        Bead((), (k,), 0.0, "0-1") for k in (1, 2)
    ]
    beads = [Bead((0,), (0,), 0.5, "1-1"), *gap, Bead((3,), (3,), 0.5, "1-1")]
    out = link_anchor_gaps(beads, _scorer())
    links = _links(out) - {((0,), (0,)), ((3,), (3,))}
    assert len(links) == 1
    assert links <= {((1,), (2,)), ((2,), (1,))}
    assert sorted(k for b in out for k in b.left) == [0, 1, 2, 3]
    assert sorted(k for b in out for k in b.right) == [0, 1, 2, 3]


def test_links_and_moves_are_left_alone() -> None:
    beads = [
        Bead((0,), (0,), 0.5, "1-1"),
        Bead((1,), (), 0.0, "1-0", move_to=2),
        Bead((), (2,), 0.0, "0-1", move_to=1),
        Bead((2,), (1,), 0.1, "1-1"),
        Bead((3,), (3,), 0.5, "1-1"),
    ]
    assert link_anchor_gaps(beads, _scorer()) == beads


def test_an_anchor_found_twice_pins_nothing() -> None:
    """A number that occurs in two sentences of a side is no evidence for either."""
    left = ["Es gab 238 Verletzte.", "Die Zahl 238 wurde bestätigt.", "Ende."]
    right = ["Il y a eu 238 blessés.", "Fin."]
    scorer = BeadScorer(left, right, [left], [right], AlignParams())
    gap = [Bead((0,), (), 0.0, "1-0"), Bead((1,), (), 0.0, "1-0"), Bead((), (0,), 0.0, "0-1")]
    beads = [*gap, Bead((2,), (1,), 0.5, "1-1")]
    assert link_anchor_gaps(beads, scorer) == beads
