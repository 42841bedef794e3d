"""Two neighbouring links read as one 2-2: ``AlignParams.regroup_cross_keys`` (round 35, beads35).

Why: a same-language rewrite that moves the boundary between two sentences leaves the aligner
two in-order 1-1 links, each part of one gold 2-2 (batch 126's uk rewrite, the lead and the
closure sentence); ``core/align_regroup`` joins them when a side's second sentence tells the
other side's first sentence's words.  Shipped at 3.  The measurement is in ``docs/align.md``
"Round 35 (beads35)".
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.align import AlignParams, align
from workbench.core.align_regroup import crossed_keys, regroup_links, regrouped
from workbench.core.align_repair import Bead

#: batch 126 (pobuzhzhia_online_uk / bilokamianka_info_uk): the wire's lead and closure
#: sentences and the rewrite's two, which the gold reads as one 2-2 bead
LEFT = ("У Білокам'янці на Вінниччині закривається завод керамічної плитки «Керамкрай».",
        "Виробництво зупинять з 1 червня, без роботи залишаться 640 працівників, повідомив "
        "директор Андрій Кравець.")  # fmt: skip
RIGHT = ("Завод керамічної плитки «Керамкрай» у Білокам'янці з 1 червня зупиняє виробництво, "
         "без роботи залишаються 640 людей.",
         "Про це повідомив директор підприємства Андрій Кравчук.")  # fmt: skip
ON = replace(AlignParams(), regroup_cross_keys=3)


def _links() -> list[Bead]:
    return [Bead((0,), (0,), 0.5, "1-1"), Bead((1,), (1,), 0.3, "1-1")]


def test_regroup_ships_at_three_and_is_off_below_one() -> None:
    """Shipped at 3 (round 35: LOBO gains, the check gains one bead; docs/align.md "Round 35
    (beads35)"); below one key the step returns the beads as given."""
    assert AlignParams().regroup_cross_keys == 3
    off = replace(AlignParams(), regroup_cross_keys=0)
    assert regroup_links(_links(), (LEFT, RIGHT), off) == _links()


def test_batch126_boundary_moved() -> None:
    """The closure sentence's date, halt, jobs and 640 stand in the rewrite's first sentence:
    seven keys crosswise against the three the weaker link shares with its partner."""
    assert crossed_keys((LEFT[0], RIGHT[0]), (LEFT[1], RIGHT[1])) == (7, 3)
    joined = regroup_links(_links(), (LEFT, RIGHT), ON)
    assert [(b.left, b.right, b.kind) for b in joined] == [((0, 1), (0, 1), "2-2")]
    assert joined[0].score == 0.5


def test_regroup_end_to_end() -> None:
    """``align`` on the four sentences: two 1-1s off, one 2-2 on."""
    off = align(list(LEFT), list(RIGHT), params=replace(ON, regroup_cross_keys=0))
    on = align(list(LEFT), list(RIGHT), params=ON)
    assert [(b.left, b.right) for b in off] == [((0,), (0,)), ((1,), (1,))]
    assert [(b.left, b.right) for b in on] == [((0, 1), (0, 1))]


def test_no_regroup_across_a_break_or_a_move() -> None:
    assert regroup_links(_links(), (LEFT, RIGHT), ON, (frozenset({1}), frozenset())) == _links()
    moved = [Bead((0,), (0,), 0.5, "1-1"), Bead((1,), (), 0.0, "1-0", move_to=3),
             Bead((2,), (1,), 0.3, "1-1"), Bead((), (2,), 0.0, "0-1", move_to=1)]
    texts = ((*LEFT, LEFT[1]), (*RIGHT, RIGHT[1]))
    assert regroup_links(moved, texts, ON) == moved


def test_straight_links_stay() -> None:
    """Two links whose sentences each tell their own partner are not regrouped."""
    left = ("Der Kreistag will sich am 22. April erneut mit dem Thema befassen.",
            "Eine Online-Petition gegen die Kürzung hat bereits Unterschriften gesammelt.")
    right = ("Der Kreistag befasst sich am 23. April erneut mit dem Thema.",
             "Seine Online-Petition gegen die Kürzung hat schon viele Unterschriften.")
    assert regroup_links(_links(), (left, right), ON) == _links()


_WORDS = st.sampled_from(["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf",
                          "hotel", "india", "juliet", "12", "640"])  # fmt: skip
_TEXT = st.lists(_WORDS, min_size=1, max_size=8).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_TEXT, _TEXT), min_size=1, max_size=6), st.integers(1, 4),
       st.lists(st.sampled_from([-1, 0, 1]), min_size=6, max_size=6))  # fmt: skip
def test_regroup_keeps_every_sentence_once(pairs: list[tuple[str, str]], need: int,
                                           shape: list[int]) -> None:  # fmt: skip
    """Property: the regrouped beads hold each sentence of both sides once, in order; every
    bead is a given one, or two given neighbouring 1-1 links that ``regrouped`` accepts at
    ``need`` joined (and a link never regroups with itself)."""
    beads, lx, rx = [], 0, 0
    for k, _pair in enumerate(pairs):  # links, with an unmatched sentence here and there
        beads.append(Bead((lx,), (rx,), 0.1 * k, "1-1"))
        lx, rx = lx + 1, rx + 1
        if shape[k] < 0:
            beads.append(Bead((lx,), (), 0.0, "1-0"))
            lx += 1
        elif shape[k] > 0:
            beads.append(Bead((), (rx,), 0.0, "0-1"))
            rx += 1
    texts = (_renumber(beads, 0, pairs), _renumber(beads, 1, pairs))
    out = regroup_links(beads, texts, replace(AlignParams(), regroup_cross_keys=need))
    for side in (0, 1):
        held = [x for b in out for x in (b.left, b.right)[side]]
        assert held == sorted(held) == [x for b in beads for x in (b.left, b.right)[side]]
    given_ = {(b.left, b.right) for b in beads}
    for b in out:
        if (b.left, b.right) in given_:
            continue
        assert b.kind == "2-2" and b.left[1] == b.left[0] + 1 and b.right[1] == b.right[0] + 1
        assert {(b.left[:1], b.right[:1]), (b.left[1:], b.right[1:])} <= given_
        first = (texts[0][b.left[0]], texts[1][b.right[0]])
        second = (texts[0][b.left[1]], texts[1][b.right[1]])
        assert regrouped(*crossed_keys(first, second), need)
    assert not regrouped(*crossed_keys(pairs[0], pairs[0]), need)


def _renumber(beads: list[Bead], side: int, pairs: list[tuple[str, str]]) -> list[str]:
    """Each sentence's text: a link's from its pair, an unmatched one a word of its own."""
    texts: dict[int, str] = {}
    k = 0
    for b in beads:
        if b.left and b.right:
            texts[(b.left, b.right)[side][0]] = pairs[k][side]
            k += 1
        elif (b.left, b.right)[side]:
            texts[(b.left, b.right)[side][0]] = "kilo"
    return [texts[x] for x in range(len(texts))]


def test_benchmark_reads_one_segment_links_in_order() -> None:
    """``benchmarks/align_regroup.py`` pairs only links whose sides each lie in one segment."""
    from types import SimpleNamespace

    from tests.align.conftest import benchmark_module

    bench = benchmark_module("align_regroup")
    side = SimpleNamespace(spans=[frozenset({0}), frozenset({1, 2}), frozenset({3})])
    case = SimpleNamespace(left=side, right=side)
    one, two, both = (frozenset({0}),) * 2, (frozenset({1}),) * 2, (frozenset({2, 3}),) * 2
    unmatched = (frozenset({3}), frozenset())
    links = bench.one_segment_links(case, [two, unmatched, both, one])
    assert links == [(0, 0, one), (1, 1, two)]
