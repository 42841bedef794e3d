"""A 2-2 whose sentences pair up crosswise becomes a link and a move:
``AlignParams.unswap_cross_keys`` (round 36, beadsc36; a study, shipped off).

Why: batch 128's German rewrite (``murtaler_rundschau_de``) tells the debts sentence and the
staff sentence in the other order, each reworded; the aligner read them as one 2-2 bead, and
the brief asks for a swap of neighbours to be reported as a move.  The measurement (one dev
batch only, so LOBO cannot gain) is in ``docs/align.md`` "Round 36 (beadsc36)".
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import example, given, settings
from hypothesis import strategies as st

from workbench.core.align import AlignParams
from workbench.core.align_repair import Bead
from workbench.core.align_unswap import swap_counts, swapped, unswap_links

#: batch 128 (steiermark_aktuell_apa_de / murtaler_rundschau_de): the wire's debts and staff
#: sentences and the rewrite's two, told in the other order
LEFT = ("Die Passiva belaufen sich laut Gläubigerschutzverband Steiermark auf rund 4,3 Millionen "
        "Euro, die Aktiva auf 1,1 Millionen Euro.",
        "Betroffen sind 38 Beschäftigte, darunter 26 Spieler, die seit März keine Gehälter mehr "
        "erhalten haben.")  # fmt: skip
RIGHT = ("Seit März haben die 26 Spieler und zwölf weitere Mitarbeiter kein Gehalt mehr bekommen.",
         "Schulden von rund 4,3 Millionen Euro stehen nur 1,1 Millionen an Vermögen gegenüber, "
         "rechnet der Gläubigerschutzverband Steiermark vor.")  # fmt: skip
ON = replace(AlignParams(), unswap_cross_keys=2)
TWO = [Bead((0, 1), (0, 1), 0.54, "2-2")]


def test_off_by_default_and_below_one_key() -> None:
    """A study: shipped off (one dev batch holds the shape; docs/align.md "Round 36
    (beadsc36)"); below one key the step returns the beads as given."""
    assert AlignParams().unswap_cross_keys == 0
    assert unswap_links(TWO, (LEFT, RIGHT), AlignParams()) is TWO


def test_batch128_swap_is_a_link_and_a_move() -> None:
    """Six keys tie the debts sentences crosswise and three the staff sentences, none the
    straight pairs: the debts link stays in order, the staff sentence moves up."""
    assert swap_counts(LEFT, RIGHT) == (0, 0, 6, 3)
    out = unswap_links(TWO, (LEFT, RIGHT), ON)
    assert [(b.left, b.right, b.kind, b.move_to) for b in out] == [
        ((), (0,), "0-1", 2), ((0,), (1,), "1-1", None), ((1,), (), "1-0", 0)]


def test_a_moved_boundary_stays_one_bead() -> None:
    """Round 35's regrouped 2-2 (batch 126: a moved boundary) tells one crosswise pair only."""
    left = ("У Білокам'янці на Вінниччині закривається завод керамічної плитки «Керамкрай».",
            "Виробництво зупинять з 1 червня, без роботи залишаться 640 працівників, повідомив "
            "директор Андрій Кравець.")  # fmt: skip
    right = ("Завод керамічної плитки «Керамкрай» у Білокам'янці з 1 червня зупиняє "
             "виробництво, без роботи залишаються 640 людей.",
             "Про це повідомив директор підприємства Андрій Кравчук.")  # fmt: skip
    assert not swapped(swap_counts(left, right), 1)
    assert unswap_links(TWO, (left, right), replace(ON, unswap_cross_keys=1)) is TWO


def test_moves_elsewhere_are_remapped_and_move_ends_left_alone() -> None:
    beads = [Bead((0,), (), 0.0, "1-0", move_to=3), Bead((1, 2), (0, 1), 0.5, "2-2"),
             Bead((3,), (2,), 0.4, "1-1"), Bead((), (3,), 0.0, "0-1", move_to=0)]
    texts = (("x", *LEFT, "y"), (*RIGHT, "y", "x"))
    out = unswap_links(beads, texts, ON)
    assert [(b.left, b.right, b.move_to) for b in out] == [
        ((0,), (), 5), ((), (0,), 3), ((1,), (1,), None), ((2,), (), 1), ((3,), (2,), None),
        ((), (3,), 0)]


_WORDS = st.sampled_from(["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf",
                          "hotel", "12", "640"])  # fmt: skip
_TEXT = st.lists(_WORDS, min_size=1, max_size=6).map(" ".join)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(["1-1", "2-2", "1-0", "0-1"]), min_size=1, max_size=8),
       st.lists(_TEXT, min_size=16, max_size=16), st.lists(_TEXT, min_size=16, max_size=16),
       st.integers(0, 3))  # fmt: skip
@example(kinds=["2-2"], left=["alpha", "bravo"] + ["alpha"] * 14,
         right=["bravo", "alpha"] + ["alpha"] * 14, need=1)  # the gate's draw (round 36)
def test_unswap_keeps_every_sentence_once_and_moves_pair_up(
    kinds: list[str], left: list[str], right: list[str], need: int
) -> None:
    """Property: each sentence of both sides is held once and in order; every move's end
    points at an end that points back; each new bead is one of a 2-2 ``swapped`` accepts, its
    link one crosswise pair and its move the other; the rest are the given beads."""
    beads, lx, rx = [], 0, 0
    for kind in kinds:
        nl, nr = int(kind[0]), int(kind[2])
        beads.append(Bead(tuple(range(lx, lx + nl)), tuple(range(rx, rx + nr)), 0.3, kind))
        lx, rx = lx + nl, rx + nr
    out = unswap_links(beads, (left, right), replace(AlignParams(), unswap_cross_keys=need))
    for side in (0, 1):
        held = [x for b in out for x in (b.left, b.right)[side]]
        assert held == sorted(held) == [x for b in beads for x in (b.left, b.right)[side]]
    for n, b in enumerate(out):
        if b.move_to is not None:
            assert out[b.move_to].move_to == n and bool(b.left) != bool(out[b.move_to].left)
    taken = [b for b in beads if need >= 1 and b.kind == "2-2"
             and swapped(swap_counts(tuple(left[x] for x in b.left),
                                     tuple(right[x] for x in b.right)), need)]  # fmt: skip
    assert len(out) == len(beads) + 2 * len(taken)  # a 2-2 -> its link and a move's two ends
    for b in taken:
        (w1, w2), (p1, p2) = b.left, b.right
        links = {(x.left, x.right) for x in out}
        assert ((w1,), (p2,)) in links or ((w2,), (p1,)) in links
