"""Figures of like size in the anchor relink: ``align_anchor_relink.RELINK_LIKE_KEEP`` and
``RELINK_LIKE_PARTNER`` (round 38, beadsc38: both shipped 1).

Why: beadsb38's relink reads exact figures only, so a link whose sides tell one figure rounded
or hedged (batch 116's "rund 11.400 Fahrzeuge" / "Quelque 11 000 véhicules") counts as sharing
none and can be moved away to a neighbour sharing another figure (the bridge's year), and a
link can never move onto a hedged retelling ("437" / "more than 400", batch 136).  "Like size"
is round 37's: ``align_figures.twins`` within ``AlignParams.xlang_figure_factor`` (1.1).  The
measurement is in ``docs/align.md`` "Round 38 (beadsc38)".
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.ladders import ladders
from workbench.core import align_anchor_relink
from workbench.core.align import AlignParams
from workbench.core.align_anchor_relink import relink_anchors
from workbench.core.align_figures import figures, twins
from workbench.core.align_repair import Bead

TWO = replace(AlignParams(), anchor_neighbour_relink=1)
#: batch 116's shape: the rounded count linked, the bridge's year beside it on one side
COUNT = (("Täglich fahren rund 11.400 Fahrzeuge über die Brücke.", "Sie wurde 1968 eröffnet."),
         ("Le pont, inauguré en 1968, voit passer quelque 11 000 véhicules par jour.",))
#: batch 136's shape: the petition's hedged count free beside a link sharing nothing
HEDGE = (("Die Petition haben 437 Menschen unterschrieben.",),
         ("The library closes on Friday.", "More than 400 people signed a petition."))


@contextmanager
def _switched(keep: int, partner: int) -> Iterator[None]:
    """The two module switches set for one test, put back after it."""
    old = align_anchor_relink.RELINK_LIKE_KEEP, align_anchor_relink.RELINK_LIKE_PARTNER
    align_anchor_relink.RELINK_LIKE_KEEP, align_anchor_relink.RELINK_LIKE_PARTNER = keep, partner
    try:
        yield
    finally:
        align_anchor_relink.RELINK_LIKE_KEEP, align_anchor_relink.RELINK_LIKE_PARTNER = old


def _count_beads() -> list[Bead]:
    return [Bead((0,), (0,), 0.6, "1-1"), Bead((1,), (), 0.0, "1-0")]


def _hedge_beads() -> list[Bead]:
    return [Bead((0,), (0,), 0.3, "1-1"), Bead((), (1,), 0.0, "0-1")]


def _pairs(beads: list[Bead]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.left, b.right) for b in beads]


def test_shipped_on() -> None:
    """Both switches ship 1 (partners: LOBO 75 of 75 folds; keep: a product fix on a tie)."""
    assert align_anchor_relink.RELINK_LIKE_KEEP == 1
    assert align_anchor_relink.RELINK_LIKE_PARTNER == 1


def test_rounded_count_moved_away_off_and_kept_on() -> None:
    """Off (beadsb38's reading), 116's count link moves to the year's sentence; at
    ``RELINK_LIKE_KEEP`` 1 the like-size figures hold it."""
    with _switched(0, 0):
        moved = relink_anchors(_count_beads(), COUNT, TWO)
    assert _pairs(moved) == [((0,), ()), ((1,), (0,))]
    with _switched(1, 0):
        assert relink_anchors(_count_beads(), COUNT, TWO) == _count_beads()


def test_hedged_partner_only_on() -> None:
    """Off, 136's hedged count is no partner; at ``RELINK_LIKE_PARTNER`` 1 the link moves
    onto it and keeps its score."""
    with _switched(0, 0):
        assert relink_anchors(_hedge_beads(), HEDGE, TWO) == _hedge_beads()
    with _switched(0, 1):
        out = relink_anchors(_hedge_beads(), HEDGE, TWO)
    assert _pairs(out) == [((), (0,)), ((0,), (1,))]
    assert out[1].score == 0.3


_TEXTS = st.sampled_from([
    "Rund 11.400 Fahrzeuge.", "Quelque 11 000 véhicules.", "Seit 1968.", "En 1968.",
    "437 Menschen.", "More than 400 people.", "Ein Satz.", "Une phrase.", "Les 146 skieurs.",
])  # fmt: skip




@settings(max_examples=200, deadline=None)
@given(ladders(_TEXTS), st.sampled_from([0, 1]))
def test_property_like_size_link_never_moved(case: tuple[list[Bead], tuple], partner: int) -> None:
    """At ``RELINK_LIKE_KEEP`` 1 a link whose sides share a like-size figure is never moved
    (with or without like-size partners); every sentence stays once and in order."""
    beads, texts = case
    factor = TWO.xlang_figure_factor
    with _switched(1, partner):
        out = relink_anchors(beads, texts, TWO)
    for b in beads:
        if b.left and b.right and twins(figures(texts[0][b.left[0]]),
                                        figures(texts[1][b.right[0]]), factor):  # fmt: skip
            assert b in out
    for side in (0, 1):
        seq = [k for b in out for k in (b.left, b.right)[side]]
        assert seq == list(range(len(texts[side])))
