"""A free sentence joined late to its neighbouring 1-1 link (``align_free_joins``).

Why (round 42, beadsb42): a gold merge or split read as its 1-1 core plus a free half; the
rule and its study are in ``docs/align.md`` "Round 42 (beadsb42)".
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.conftest import bead_pairs as pairs
from tests.align.conftest import free_bead as free
from tests.align.conftest import link_bead, shaped_beads
from workbench.core import align_free_joins as fj
from workbench.core.align import align
from workbench.core.align_repair import Bead


class Scorer:
    """The rule's two asks: a length cost and a similarity, by (i, a, j, b)."""

    def __init__(self, costs: dict | None = None, sims: dict | None = None) -> None:
        self.costs = costs or {}
        self.sims = sims or {}

    def length_cost(self, i: int, a: int, j: int, b: int) -> float:
        return self.costs.get((i, a, j, b), 2.0)

    def similarity(self, i: int, a: int, j: int, b: int) -> float:
        return self.sims.get((i, a, j, b), 0.3)


def link(i: int, j: int) -> Bead:
    return link_bead(i, j, 0.3)


#: sentence 2 on the left is the second half of the right's sentence 1
SPLIT = [link(0, 0), link(1, 1), free(left=2), link(3, 2)]
FITS = Scorer({(1, 2, 1, 1): 0.5})  # the 2-1 fits 1.5 nats better than the 1-1 (2.0)


def test_ships_off() -> None:
    assert fj.JOIN_GAIN < 0
    assert fj.join_free_halves(SPLIT, FITS) is SPLIT


def test_a_free_half_whose_lengths_fit_joins_its_core() -> None:
    out = fj.join_free_halves(SPLIT, FITS, gain=1.0)
    assert pairs(out) == [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,))]
    assert out[1].kind == "2-1"
    assert fj.join_free_halves(SPLIT, FITS, gain=2.0) is SPLIT  # a smaller gain than asked


def test_the_right_side_and_the_neighbour_before() -> None:
    beads = [link(0, 0), free(right=1), link(1, 2)]
    scorer = Scorer({(1, 1, 1, 2): 0.2})
    assert pairs(fj.join_free_halves(beads, scorer, gain=1.0)) == [((0,), (0,)), ((1,), (1, 2))]


def test_a_join_that_lowers_the_similarity_stays_apart() -> None:
    scorer = Scorer({(1, 2, 1, 1): 0.5}, {(1, 2, 1, 1): 0.25})
    assert fj.join_free_halves(SPLIT, scorer, gain=1.0, drop=0.0) is SPLIT
    assert pairs(fj.join_free_halves(SPLIT, scorer, gain=1.0, drop=0.1))[1] == ((1, 2), (1,))


def test_no_join_across_a_break_for_a_move_or_to_a_many_sided_link() -> None:
    assert fj.join_free_halves(SPLIT, FITS, (frozenset({2}), frozenset()), gain=1.0) is SPLIT
    moved = [link(0, 0), link(1, 1), free(left=2, move_to=4), link(3, 2), free(right=3)]
    assert fj.join_free_halves(moved, FITS, gain=1.0) is moved
    wide = [link(0, 0), Bead((1,), (1, 2), 0.3, "1-2"), free(left=2)]
    assert fj.join_free_halves(wide, Scorer(), gain=0.0) is wide


def test_the_larger_gain_wins_and_a_link_grows_once() -> None:
    beads = [link(0, 0), free(left=1), link(2, 1)]
    scorer = Scorer({(0, 2, 0, 1): 1.0, (1, 2, 1, 1): 0.1})
    assert pairs(fj.join_free_halves(beads, scorer, gain=0.5)) == [((0,), (0,)), ((1, 2), (1,))]
    both = [free(left=0), link(1, 0), free(left=2)]
    out = fj.join_free_halves(both, Scorer({(0, 2, 0, 1): 0.5, (1, 2, 0, 1): 0.5}), gain=1.0)
    assert pairs(out) == [((0, 1), (0,)), ((2,), ())]


def test_a_free_sentence_more_like_the_partner_takes_it() -> None:
    beads = [link(0, 0), free(left=1), link(2, 1), link(3, 2)]  # right 1 is left 1's partner
    scorer = Scorer(sims={(1, 1, 1, 1): 0.6, (2, 1, 1, 1): 0.2})
    assert fj.SWAP_MARGIN == float("inf") and fj.swap_free_partners(beads, scorer) is beads
    out = fj.swap_free_partners(beads, scorer, margin=0.2)
    assert pairs(out) == [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), (2,))]
    assert fj.swap_free_partners(beads, scorer, margin=0.5) == beads
    longer = Scorer({(1, 1, 1, 1): 3.0}, scorer.sims)  # the new pair's lengths fit worse
    assert fj.swap_free_partners(beads, longer, margin=0.2) == beads
    after = [link(0, 0), link(1, 1), free(left=2), link(3, 2)]
    out = fj.swap_free_partners(after, Scorer(sims={(2, 1, 1, 1): 0.6}), margin=0.2)
    assert pairs(out) == [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2,))]


def test_one_language_is_left_alone_unless_asked(monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(fj, "JOIN_GAIN", 1.0)
    assert fj.ONE_LANGUAGE is False
    assert fj.free_steps(SPLIT, FITS, (frozenset(), frozenset()), same=True) is SPLIT
    assert pairs(fj.free_steps(SPLIT, FITS, (frozenset(), frozenset())))[1] == ((1, 2), (1,))


def test_moves_keep_their_partners() -> None:
    beads = [free(right=0, move_to=4), link(0, 1), free(left=1), link(2, 2), free(left=3)]
    out = fj.join_free_halves(beads, Scorer({(0, 2, 1, 1): 0.5}), gain=1.0)
    assert pairs(out) == [((), (0,)), ((0, 1), (1,)), ((2,), (2,)), ((3,), ())]
    assert out[0].move_to == 3


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["link", "left", "right"]), min_size=1, max_size=12),
       st.floats(0.0, 3.0), st.floats(0.0, 0.2))  # fmt: skip
def test_every_sentence_kept_once_in_order_and_joins_only_grow_one_to_ones(
    shapes: list[str], gain: float, drop: float
) -> None:
    beads, i, j = shaped_beads(shapes, 0.3)
    scorer = Scorer({(k, 2, m, 1): 0.2 * ((k + m) % 3) for k in range(i) for m in range(j)})
    out = fj.join_free_halves(beads, scorer, gain=gain, drop=drop)
    assert sorted(x for b in out for x in b.left) == list(range(i))
    assert sorted(x for b in out for x in b.right) == list(range(j))
    old = set(pairs(beads))
    for bead in out:
        if (bead.left, bead.right) not in old:
            assert sorted((len(bead.left), len(bead.right))) == [1, 2]
            assert bead.left == tuple(range(bead.left[0], bead.left[-1] + 1))
            assert bead.right == tuple(range(bead.right[0], bead.right[-1] + 1))


def test_align_reads_the_switch(monkeypatch) -> None:  # noqa: ANN001
    import workbench.core.align as core

    left = ["The river was polluted by a sewage spill on Monday morning.",
            "The plant said a pump had failed.", "Fish died over three kilometres."]
    right = ["The river was polluted by a sewage spill on Monday morning.",
             "The plant said a pump had failed. Fish died over three kilometres."]
    seen: list[list[Bead]] = []

    def spy(beads: list[Bead], *args: object) -> list[Bead]:
        out = fj.free_steps(beads, *args)  # type: ignore[arg-type]
        seen.append(out)
        return out

    monkeypatch.setattr(core, "free_steps", spy)
    shipped = [(b.left, b.right) for b in align(left, right)]
    assert seen and shipped == pairs(seen[-1])  # off: the step hands its input on
    monkeypatch.setattr(fj, "JOIN_GAIN", 0.0)
    monkeypatch.setattr(fj, "JOIN_DROP", 1.0)
    monkeypatch.setattr(fj, "ONE_LANGUAGE", True)  # these two pages are one language
    joined = align(left, right)
    assert sorted(x for b in joined for x in b.left) == [0, 1, 2]
    assert sorted(x for b in joined for x in b.right) == [0, 1]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["link", "left", "right"]), min_size=1, max_size=12),
       st.floats(0.0, 0.5))  # fmt: skip
def test_a_swap_keeps_every_sentence_once_and_in_order(shapes: list[str], margin: float) -> None:
    beads, i, j = shaped_beads(shapes, 0.3)
    sims = {(k, 1, m, 1): 0.3 * ((k * 7 + m) % 4) for k in range(i) for m in range(j)}
    scorer = Scorer(sims=sims)
    out = fj.swap_free_partners(beads, scorer, margin=margin)
    for side in (0, 1):
        order = [x for b in out for x in (b.left, b.right)[side]]
        assert order == list(range(i if side == 0 else j))
    assert len(out) == len(beads)
    assert all(len(b.left) <= 1 and len(b.right) <= 1 for b in out)
