"""A link whose sides share no anchor moves to the free neighbour that shares one with it:
``AlignParams.anchor_neighbour_relink`` (round 38, beadsb38: shipped 1, figures only).

Why: across languages the stand-in MT leaves figures and names as the only evidence, and a
paraphrase's sentence is often linked by position to the neighbour of its retelling, which
stands unmatched beside the link and shares a figure with it (batch 47's de -> fr paraphrase:
"146 Wintersportler …" on "Personne n'a été blessé …", "Quelque 146 skieurs …" free beside
it).  The measurement is in ``docs/align.md`` "Round 38 (beadsb38)".
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.ladders import ladders
from workbench.core import align_anchor_relink
from workbench.core.align import AlignParams
from workbench.core.align_anchor_relink import relink_anchors, strong_keys
from workbench.core.align_repair import Bead

#: batch 47 (tt_com_apa_de / ledauphine_afp_fr): the stranded skiers and the sentence after
LEFT = ("146 Wintersportler saßen teils mehr als fünf Stunden in den Gondeln fest.",)
RIGHT = ("Quelque 146 skieurs sont restés bloqués dans les cabines, certains pendant plus de "
         "cinq heures, ont indiqué les secours.",
         "Personne n'a été blessé, selon la police régionale.")  # fmt: skip
TWO = replace(AlignParams(), anchor_neighbour_relink=1)
ALL = replace(AlignParams(), anchor_neighbour_relink=2)


def _as_found() -> list[Bead]:
    """The beads the aligner left: the retelling free, the skiers on the next sentence."""
    return [Bead((), (0,), 0.0, "0-1"), Bead((0,), (1,), 0.4, "1-1")]


def _pairs(beads: list[Bead]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.left, b.right) for b in beads]


def test_ships_at_one_figures_only_and_is_off_at_zero() -> None:
    """Shipped at 1 with figures only (round 38: LOBO 75 of 75 folds; docs/align.md "Round 38
    (beadsb38)"); at 0 the step returns the beads as given."""
    assert AlignParams().anchor_neighbour_relink == 1
    assert align_anchor_relink.RELINK_NAMES == 0
    off = replace(AlignParams(), anchor_neighbour_relink=0)
    assert relink_anchors(_as_found(), (LEFT, RIGHT), off) == _as_found()


def test_batch47_link_moves_to_the_shared_figure() -> None:
    """The link leaves the sentence it shares nothing with for the free one sharing 146."""
    out = relink_anchors(_as_found(), (LEFT, RIGHT), TWO)
    assert _pairs(out) == [((0,), (0,)), ((), (1,))]
    assert out[0].score == 0.4


def test_strong_keys() -> None:
    """Shipped: figures of 10 and more only.  At ``RELINK_NAMES`` 1 names too (a German noun
    reads as one); small numbers, sentence-initial words and country names are never anchors
    (every sentence of a story may hold them)."""
    assert strong_keys("Selon le syndicat Verdi, quelque 640 salariés.") == {"#640"}
    assert strong_keys(LEFT[0]) == {"#146"}
    assert strong_keys("Two people died in Austria.") == frozenset()
    align_anchor_relink.RELINK_NAMES = 1
    try:
        assert strong_keys(LEFT[0]) == {"#146", "@stunten", "@gonteln"}
        assert strong_keys("Two people died in Austria.") == frozenset()
        assert "@vert" in strong_keys("Selon le syndicat Verdi, quelque 640 salariés ont cessé.")
    finally:
        align_anchor_relink.RELINK_NAMES = 0


def test_level_one_is_two_language_only() -> None:
    """At 1 a pair of one language is left alone; 2 reads every pair."""
    assert relink_anchors(_as_found(), (LEFT, RIGHT), TWO, same=True) == _as_found()
    assert _pairs(relink_anchors(_as_found(), (LEFT, RIGHT), ALL, same=True))[0] == ((0,), (0,))


def test_shared_anchor_break_or_move_stays() -> None:
    """A link whose sides share an anchor, a role break between the two sentences, or a free
    sentence that is a move's end keeps the link where it is."""
    shared = (LEFT, (RIGHT[0], "Die 146 Gäste wurden geborgen."))
    assert relink_anchors(_as_found(), shared, TWO) == _as_found()
    broken = (frozenset(), frozenset({1}))
    assert relink_anchors(_as_found(), (LEFT, RIGHT), TWO, broken) == _as_found()
    moved = [Bead((), (0,), 0.0, "0-1", move_to=2), Bead((0,), (1,), 0.4, "1-1"),
             Bead((1,), (), 0.0, "1-0", move_to=0)]  # fmt: skip
    assert relink_anchors(moved, ((LEFT[0], "x"), RIGHT), TWO) == moved


_TEXTS = st.sampled_from(["146 Gäste.", "Ein Satz.", "Les 146 skieurs.", "Une phrase.", "Отже 38."])




@settings(max_examples=200, deadline=None)
@given(ladders(_TEXTS))
def test_property_order_and_sentences_hold(case: tuple[list[Bead], tuple]) -> None:
    """Every sentence once and in order on both sides, as many beads and links as before; a
    moved link's sides share an anchor, and the link it was shared none."""
    beads, texts = case
    out = relink_anchors(beads, texts, TWO)
    assert len(out) == len(beads)
    for side in (0, 1):
        seq = [k for b in out for k in (b.left, b.right)[side]]
        assert seq == list(range(len(texts[side])))
    links = [sum(bool(b.left and b.right) for b in x) for x in (beads, out)]
    assert links[0] == links[1]
    before_links = {(b.left, b.right) for b in beads if b.left and b.right}
    for after in out:
        if after.left and after.right and (after.left, after.right) not in before_links:
            assert strong_keys(texts[0][after.left[0]]) & strong_keys(texts[1][after.right[0]])


_FIGURED = st.sampled_from(["146 Gäste.", "Ein Satz.", "Les 146 skieurs.", "Une phrase.",
                            "Отже 38.", "Rund 40 Kabel.", "etwa 50 Kabel.", "1,8 Meter.",
                            "nearly 2 metres.", "Quelque 437 personnes."])  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(ladders(_FIGURED), st.booleans())
def test_property_known_keys_change_nothing(case: tuple[list[Bead], tuple], some: bool) -> None:
    """Round 39 (speed39): the scorer's ``anchor_keys`` handed in (``known``: the batch
    ``anchor_keys_all``, all texts or some) move exactly the links the step finds alone."""
    from workbench.core.anchors import anchor_keys_all

    beads, texts = case
    every = [t for side in texts for t in side]
    keyed = every[::2] if some else every
    known = dict(zip(keyed, anchor_keys_all(keyed), strict=True))
    assert relink_anchors(beads, texts, TWO, known=known) == relink_anchors(beads, texts, TWO)
