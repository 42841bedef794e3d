"""A lone free sentence on each side between two links, linked late (``align_late_sandwich``).

Why (round 41, beads41): a cross-language paraphrase's retold sentence carries no figure or
name, so through a copy stand-in MT only its place speaks for it; the rule and its study are
in ``docs/align.md`` "Round 41 (beads41)".
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.conftest import bead_pairs as pairs
from tests.align.conftest import free_bead as free
from tests.align.conftest import link_bead as link
from workbench.core import align_late_sandwich as ls
from workbench.core.align import align
from workbench.core.align_repair import Bead


class LengthScorer:
    """The scorer's two asks the rule makes: a length cost and a similarity."""

    def __init__(self, costs: dict[tuple[int, int], float] | None = None) -> None:
        self.costs = costs or {}

    def length_cost(self, i: int, a: int, j: int, b: int) -> float:
        return self.costs.get((i, j), 1.0)

    def similarity(self, i: int, a: int, j: int, b: int) -> float:
        return 0.0


SANDWICH = [link(0, 0), free(left=1), free(right=1), link(2, 2)]


def test_ships_off() -> None:
    assert ls.SANDWICH_COST < 0 and ls.SANDWICH_FREE == 1.0
    assert ls.pair_late_sandwiches(SANDWICH, LengthScorer()) is SANDWICH


def test_a_lone_pair_between_two_links_is_linked_either_order() -> None:
    out = ls.pair_late_sandwiches(SANDWICH, LengthScorer(), cost=3.0)
    assert pairs(out) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    swapped = [link(0, 0), free(right=1), free(left=1), link(2, 2)]
    assert pairs(ls.pair_late_sandwiches(swapped, LengthScorer(), cost=3.0)) == pairs(out)


def test_lengths_that_do_not_fit_stay_apart() -> None:
    scorer = LengthScorer({(1, 1): 4.5})
    assert ls.pair_late_sandwiches(SANDWICH, scorer, cost=3.0) is SANDWICH
    assert pairs(ls.pair_late_sandwiches(SANDWICH, scorer, cost=5.0))[1] == ((1,), (1,))


def test_no_link_at_an_edge_in_a_wider_gap_across_a_break_or_for_a_move() -> None:
    scorer = LengthScorer()
    edge = [free(left=0), free(right=0), link(1, 1)]
    wide = [link(0, 0), free(left=1), free(left=2), free(right=1), link(3, 2)]
    moved = [link(0, 0), free(left=1, move_to=4), free(right=1), link(2, 2), free(right=3)]
    for beads in (edge, wide, moved):
        assert ls.pair_late_sandwiches(beads, scorer, cost=9.0) is beads
    broken = ls.pair_late_sandwiches(SANDWICH, scorer, (frozenset({1}), frozenset()), cost=9.0)
    assert broken is SANDWICH


def test_a_pair_that_leaves_many_sentences_free_is_left_alone() -> None:
    loose = [*SANDWICH, free(left=3), free(right=3), free(left=4)]  # 5 of 9 sentences free
    assert ls.free_share(loose) == 5 / 9
    assert ls.pair_late_sandwiches(loose, LengthScorer(), cost=3.0, free=0.25) is loose
    assert pairs(ls.pair_late_sandwiches(loose, LengthScorer(), cost=3.0, free=0.6))[1] == (
        (1,), (1,))
    assert pairs(ls.pair_late_sandwiches(SANDWICH, LengthScorer(), cost=3.0, free=0.34))[1] == (
        (1,), (1,))  # 2 of 6 free


def test_a_move_still_points_at_its_partner() -> None:
    beads = [*SANDWICH, free(left=3, move_to=6), link(4, 3), free(right=4, move_to=4)]
    out = ls.pair_late_sandwiches(beads, LengthScorer(), cost=3.0)
    origin = next(b for b in out if b.move_to is not None and b.left)
    landing = next(b for b in out if b.move_to is not None and b.right)
    assert out[origin.move_to] is landing and out[landing.move_to] is origin


def test_align_reads_the_switch_across_languages_only(monkeypatch) -> None:
    left = ["Der Bürgermeister sagte am Montag 12 Worte.", "Das Bad bleibt den ganzen Sommer zu.",
            "Im Herbst 2027 soll es wieder öffnen."]  # fmt: skip
    right = ["The mayor said 12 words on Monday.", "Swimmers will have to go elsewhere.",
             "It is to reopen in autumn 2027."]  # fmt: skip
    monkeypatch.setattr(ls, "SANDWICH_COST", 50.0)
    out = align(left, right, left_mt=left)
    assert ls.pair_late_sandwiches(out, LengthScorer(), cost=50.0) is out  # no lone pair left
    monkeypatch.setattr(ls, "SANDWICH_COST", -1.0)
    assert align(left, left) == align(left, left)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2), st.integers(0, 2)), max_size=10),
       st.floats(0, 6))  # fmt: skip
def test_every_sentence_kept_once_in_order_and_links_only_grow(rows: list, cost: float) -> None:
    beads, k, m = [], 0, 0
    for a, b in rows:
        beads.append(Bead(tuple(range(k, k + a)), tuple(range(m, m + b)), 0.0, f"{a}-{b}"))
        k, m = k + a, m + b
    scorer = LengthScorer({(i, j): float((i + j) % 5) for i in range(k) for j in range(m)})
    out = ls.pair_late_sandwiches(beads, scorer, cost=cost)
    assert [x for b in out for x in b.left] == list(range(k))
    assert [x for b in out for x in b.right] == list(range(m))
    old = {(b.left, b.right) for b in beads if b.left and b.right}
    new = [(b.left, b.right) for b in out if b.left and b.right]
    assert old <= set(new)
    for left, right in set(new) - old:
        assert len(left) == len(right) == 1 and scorer.length_cost(left[0], 1, right[0], 1) <= cost
