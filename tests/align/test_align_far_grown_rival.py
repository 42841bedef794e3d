"""Round 32 (beads32b): a link that already took in a half still rivals the lead in the far
halves' tie (``AlignParams.far_half_grown_rival``), by its best single sentence's claim."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.conftest import make_sentences
from tests.align.test_align_story_pairs import sure_and_linked
from workbench.core.align import AlignParams
from workbench.core.align_far_halves import join_far_halves
from workbench.core.align_repair import Bead

OFF = replace(AlignParams(), one_language_far_keys=2, far_half_grown_rival=0)
ON = replace(OFF, far_half_grown_rival=1)
WHERE = ((0, 0), ((), ()))
SIDES = (make_sentences(6, 1), make_sentences(4, 2))

#: left 0 : right 0 the leads' link; left [1, 2] : right 1 a link that took in a half;
#: left 5 unmatched, far from both
BEADS = [Bead((0,), (0,), 0.5, "1-1"), Bead((1, 2), (1,), 0.5, "2-1"),
         Bead((3,), (2,), 0.5, "1-1"), Bead((4,), (3,), 0.5, "1-1"),
         Bead((5,), (), 0.0, "1-0")]  # fmt: skip


def _keys(left: list[set[str]], right: list[set[str]]) -> tuple[list, list]:
    return [frozenset(k) for k in left], [frozenset(k) for k in right]


def _spans(beads: list[Bead]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.left, b.right) for b in beads]


def _pair(rival: set[str]) -> tuple[list, list]:
    """Left 5 holds a, b (only the lead's right sentence holds them) and what ``rival``, the
    grown link's right sentence, shares with it; the half left 2 tells "c" too."""
    return _keys([{"g"}, {"e"}, {"c", "f"}, {"h"}, {"i"}, {"a", "b", "c", "d", "j"}],
                 [{"a", "b", "g"}, rival, {"h"}, {"i"}])  # fmt: skip


#: the strong gate with the grown rival, the candidate of round 32 (beads32b)
BOTH = replace(AlignParams(), ordered_half_strong=4, far_half_grown_rival=1)


def test_the_shipped_value() -> None:
    """Round 33 (beads33): shipped with the strong gate (round 32, beads32b: a study)."""
    assert AlignParams().far_half_grown_rival == 1


def test_a_grown_link_claiming_as_many_keys_ties_the_lead() -> None:
    """Batch 17's shape: its first sentence alone claims as many keys as the lead's link (its
    half holds one of them, so the whole link claims fewer): a tie, nothing joins."""
    keys = _pair({"c", "d", "e", "f"})
    assert _spans(join_far_halves(BEADS, SIDES, keys, OFF, WHERE))[0] == ((0, 5), (0,))
    assert join_far_halves(BEADS, SIDES, keys, ON, WHERE) == BEADS


def test_a_grown_link_claiming_fewer_keys_lets_the_lead_take_the_detail() -> None:
    keys = _pair({"d", "e", "f"})
    assert _spans(join_far_halves(BEADS, SIDES, keys, ON, WHERE))[0] == ((0, 5), (0,))


def test_a_grown_link_claiming_more_takes_nothing_itself() -> None:
    """One sentence takes in one detail: the grown link only rivals, it never joins."""
    keys = _pair({"c", "d", "e", "f", "j"})
    assert join_far_halves(BEADS, SIDES, keys, ON, WHERE) == BEADS


def test_a_grown_neighbour_is_no_rival() -> None:
    """A link holding the sentence's neighbour is align_rejoin's, as for a 1-1."""
    beads = [BEADS[0], BEADS[1], Bead((3, 4), (2, 3), 0.5, "2-2"), BEADS[4]]
    keys = _keys([{"g"}, {"e"}, {"f"}, {"c", "d"}, {"i"}, {"a", "b", "c", "d"}],
                 [{"a", "b", "g"}, {"e", "f"}, {"h"}, {"c", "d", "i"}])  # fmt: skip
    sides = (make_sentences(6, 1), make_sentences(4, 2))
    out = join_far_halves(beads, sides, keys, ON, WHERE)
    assert _spans(out)[0] == ((0, 5), (0,))


@st.composite
def _one_to_one(draw: st.DrawFn) -> tuple[list[Bead], tuple[list, list]]:
    """1-1 links and unmatched sentences in order, each sentence with random keys."""
    shape = draw(st.lists(st.sampled_from(("1-1", "1-0", "0-1")), min_size=3, max_size=12))
    beads, i, j = [], 0, 0
    for kind in shape:
        left, right = ((i,) if kind != "0-1" else ()), ((j,) if kind != "1-0" else ())
        beads.append(Bead(left, right, 0.5 if kind == "1-1" else 0.0, kind))
        i, j = i + len(left), j + len(right)
    pool = st.sets(st.sampled_from("abcdefgh"), max_size=5)
    keys = ([frozenset(draw(pool)) for _ in range(i)], [frozenset(draw(pool)) for _ in range(j)])
    return beads, keys


@settings(max_examples=80, deadline=None)
@given(_one_to_one())
def test_without_a_grown_link_the_switch_changes_nothing(drawn: tuple) -> None:
    """Only a link of two sentences on one side is read differently: with none, on == off."""
    beads, keys = drawn
    sides = (make_sentences(len(keys[0]), 1), make_sentences(len(keys[1]), 2))
    assert join_far_halves(beads, sides, keys, ON, WHERE) == join_far_halves(
        beads, sides, keys, OFF, WHERE)


@settings(max_examples=80, deadline=None)
@given(_one_to_one(), st.integers(0, 11))
def test_on_each_sentence_is_told_once_and_grown_links_grow_no_more(drawn: tuple, at: int) -> None:
    beads, keys = drawn
    links = [k for k, b in enumerate(beads) if b.left and b.right]
    if links:  # grow one link by a left sentence of its own, as a half's join would
        k = links[at % len(links)]
        beads = [replace(b, left=(*b.left, 99), kind="2-1") if n == k else b
                 for n, b in enumerate(beads)]  # fmt: skip
        keys = ([*keys[0], *([frozenset()] * (100 - len(keys[0])))], keys[1])
    sides = (make_sentences(len(keys[0]), 1), make_sentences(len(keys[1]), 2))
    out = join_far_halves(beads, sides, keys, ON, WHERE)
    for side in (0, 1):
        told = [x for b in out for x in (b.left if side == 0 else b.right)]
        assert sorted(told) == sorted(x for b in beads for x in (b.left if side == 0 else b.right))
    before = {b.right: b.left for b in beads if len(b.left) > 1}
    assert all(b.left == before[b.right] for b in out if b.right in before)  # it took nothing


def test_batch17_keeps_its_lead_when_the_strong_half_joins() -> None:
    """Batch 17 (a dev rewrite of a biathlon sprint): the strong half joins ``L17 : R[14, 15]``
    and the lead ``L16 : R13`` stays whole; without the grown rival the men's-sprint sentence
    (``R19``, "claimed", "victory") joined the lead instead."""
    name = "olympics_com_en__insidethegames_en"
    sure, linked = sure_and_linked("batch17", name, BOTH)
    assert {((16,), (13,)), ((17,), (14, 15))} <= sure & linked
    _, before = sure_and_linked("batch17", name, replace(BOTH, far_half_grown_rival=0))
    assert ((16,), (13,)) not in before


def test_batch10_gets_its_strong_join() -> None:
    """Batch 10 (a dev rewrite of a dpa report): gold ``L22 : R[19, 20]``, the strong join."""
    sure, linked = sure_and_linked("batch10", "wort_dpa_de__stol_dpa_de", BOTH)
    start = replace(BOTH, ordered_half_strong=0, far_half_grown_rival=0)
    _, before = sure_and_linked("batch10", "wort_dpa_de__stol_dpa_de", start)
    assert ((22,), (19, 20)) in sure & linked and ((22,), (19, 20)) not in before
    assert before & sure <= linked
