"""A one-language free sentence joined to its 1-1 link by shared rare keys (``align_key_joins``).

Why (round 43, beadsb43): a rewrite's merge or split read as its 1-1 core plus a free half;
the rule and its study are in ``docs/align.md`` "Round 43 (beadsb43)".
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.conftest import bead_pairs as pairs
from tests.align.conftest import free_bead as free
from tests.align.conftest import link_bead, shaped_beads
from workbench.core import align_key_joins as kj
from workbench.core.align import align
from workbench.core.align_repair import Bead


class Scorer:
    """The rule's length cost by (i, a, j, b) (2 nats unless given) and the similarity
    ``_joined`` asks of the grown bead."""

    def __init__(self, costs: dict | None = None) -> None:
        self.costs = costs or {}

    def length_cost(self, i: int, a: int, j: int, b: int) -> float:
        return self.costs.get((i, a, j, b), 2.0)

    def similarity(self, i: int, a: int, j: int, b: int) -> float:
        return 0.4


def link(i: int, j: int) -> Bead:
    return link_bead(i, j, 0.3)


def keys(left: list[set[str]], right: list[set[str]]) -> kj.Keys:
    return [frozenset(k) for k in left], [frozenset(k) for k in right]


#: left 2 is the second half of right 1: it repeats right 1's "hörtn" and "148" that left 1 lacks
SPLIT = [link(0, 0), link(1, 1), free(left=2), link(3, 2)]
SPLIT_KEYS = keys([{"gamsj"}, {"stütz"}, {"hörtn", "148"}, {"abend"}],
                  [{"gamsj"}, {"stütz", "hörtn", "148"}, {"abend"}])


def test_ships_off() -> None:
    assert kj.KEY_JOIN_LEAST == 0
    assert kj.KEY_JOIN_GAIN >= 0
    assert kj.key_join_halves(SPLIT, SPLIT_KEYS, Scorer()) is SPLIT
    assert kj.key_join_halves(SPLIT, None, Scorer(), least=1) is SPLIT  # two languages


def test_a_free_half_repeating_the_partners_rare_words_joins_its_core() -> None:
    out = kj.key_join_halves(SPLIT, SPLIT_KEYS, Scorer(), least=2)
    assert pairs(out) == [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,))]
    assert out[1].kind == "2-1"
    assert kj.key_join_halves(SPLIT, SPLIT_KEYS, Scorer(), least=3) is SPLIT  # fewer than asked


def test_lengths_that_do_not_fit_the_grown_bead_keep_it_apart() -> None:
    fits = Scorer({(1, 2, 1, 1): 0.5})  # the 2-1 costs 1.5 nats less than the 1-1
    assert pairs(kj.key_join_halves(SPLIT, SPLIT_KEYS, fits, least=1, gain=1.0))[1] == (
        (1, 2), (1,))
    assert kj.key_join_halves(SPLIT, SPLIT_KEYS, fits, least=1, gain=2.0) is SPLIT
    worse = Scorer({(1, 2, 1, 1): 3.0})  # the 2-1 fits worse than the link alone
    assert kj.key_join_halves(SPLIT, SPLIT_KEYS, worse, least=1) is SPLIT


def test_keys_the_core_holds_already_are_no_evidence() -> None:
    held = keys([{"gamsj"}, {"stütz", "hörtn", "148"}, {"hörtn", "148"}, {"abend"}],
                [{"gamsj"}, {"stütz", "hörtn", "148"}, {"abend"}])
    assert kj.key_join_halves(SPLIT, held, Scorer(), least=1) is SPLIT


def test_the_right_side_and_the_neighbour_before() -> None:
    beads = [link(0, 0), free(right=1), link(1, 2)]
    found = keys([{"bahn"}, {"lärch", "sesse"}], [{"bahn"}, {"lärch"}, {"sesse"}])
    out = kj.key_join_halves(beads, found, Scorer(), least=1)
    assert pairs(out) == [((0,), (0,)), ((1,), (1, 2))]


def test_a_sentence_whose_words_point_elsewhere_stays_free() -> None:
    beads = [link(0, 0), free(left=1), link(2, 1), free(right=2)]
    found = keys([{"a"}, {"hörtn", "148", "minus"}, {"x", "hörtn"}, {"z"}],
                 [{"a"}, {"x", "hörtn"}, {"hörtn", "148", "minus"}])
    assert kj.key_join_halves(beads, found, Scorer(), least=1) is beads


def test_no_join_across_a_break_for_a_move_or_to_a_many_sided_link() -> None:
    assert kj.key_join_halves(SPLIT, SPLIT_KEYS, Scorer(), (frozenset({2}), frozenset()),
                              least=1) is SPLIT  # fmt: skip
    moved = [link(0, 0), link(1, 1), free(left=2, move_to=0), link(3, 2)]
    assert kj.key_join_halves(moved, SPLIT_KEYS, Scorer(), least=1) is moved
    wide = [link(0, 0), Bead((1,), (1, 2), 0.3, "1-2"), free(left=2), link(3, 3)]
    wide_keys = keys([{"a"}, {"b"}, {"c"}, {"d"}], [{"a"}, {"b"}, {"c"}, {"d"}])
    assert kj.key_join_halves(wide, wide_keys, Scorer(), least=1) is wide


def test_a_tie_between_the_two_neighbours_joins_neither() -> None:
    beads = [link(0, 0), free(left=1), link(2, 1)]
    found = keys([{"a"}, {"p", "q"}, {"b"}], [{"a", "p"}, {"b", "q"}])
    assert kj.key_join_halves(beads, found, Scorer(), least=1) is beads
    more = keys([{"a"}, {"p", "q", "r"}, {"b"}], [{"a", "p"}, {"b", "q", "r"}])
    assert pairs(kj.key_join_halves(beads, more, Scorer(), least=1)) == [
        ((0,), (0,)), ((1, 2), (1,))]


def test_moves_keep_their_partners() -> None:
    beads = [free(right=0, move_to=4), link(0, 1), free(left=1), link(2, 2), free(left=3)]
    found = keys([{"a"}, {"k"}, {"b"}, {"c"}], [{"z"}, {"a", "k"}, {"b"}])
    out = kj.key_join_halves(beads, found, Scorer(), least=1)
    assert pairs(out) == [((), (0,)), ((0, 1), (1,)), ((2,), (2,)), ((3,), ())]
    assert out[0].move_to == 3


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["link", "left", "right"]), min_size=1, max_size=12),
       st.integers(1, 3), st.integers(0, 10_000), st.floats(-1.0, 2.0))  # fmt: skip
def test_every_sentence_kept_once_in_order_and_joins_only_grow_one_to_ones(
    shapes: list[str], least: int, seed: int, gain: float
) -> None:
    beads, i, j = shaped_beads(shapes, 0.3)
    words = "abcdef"
    found = keys([{words[(seed >> k) % 6], words[(k * 5 + seed) % 6]} for k in range(i)],
                 [{words[(seed >> m) % 6], words[(m * 3 + seed) % 6]} for m in range(j)])
    costs = {(k, 2, m, 1): (k + m + seed) % 4 for k in range(i) for m in range(j)}
    out = kj.key_join_halves(beads, found, Scorer(costs), least=least, gain=gain)
    for side, size in ((0, i), (1, j)):
        assert [x for b in out for x in (b.left, b.right)[side]] == list(range(size))
    old = set(pairs(beads))
    for bead in out:
        if (bead.left, bead.right) not in old:
            assert sorted((len(bead.left), len(bead.right))) == [1, 2]


def test_align_reads_the_switch(monkeypatch) -> None:  # noqa: ANN001
    import workbench.core.align as core

    left = ["Die Gamsjochbahn blieb am Samstag nach einem Defekt stehen.",
            "Die Bergrettung holte 148 Fahrgäste aus den Kabinen.",
            "Einsatzleiter Martin Hörtnagl sprach von einem schwierigen Einsatz."]
    right = ["Die Gamsjochbahn blieb am Samstag nach einem Defekt stehen.",
             "Die Bergrettung holte 148 Fahrgäste aus den Kabinen, sagte Einsatzleiter "
             "Martin Hörtnagl."]
    seen: list[object] = []

    def spy(beads: list[Bead], found: object, *args: object) -> list[Bead]:
        seen.append(found)
        return kj.key_join_halves(beads, found, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(core, "key_join_halves", spy)
    align(left, right)
    assert seen and seen[-1] is not None  # one language: the step gets the pair's rare keys
    monkeypatch.setattr(kj, "KEY_JOIN_LEAST", 1)
    monkeypatch.setattr(kj, "KEY_JOIN_GAIN", float("-inf"))
    joined = align(left, right)
    assert sorted(x for b in joined for x in b.left) == [0, 1, 2]
    assert sorted(x for b in joined for x in b.right) == [0, 1]
