"""Two far free sentences of one language paired as a move by rare keys (``align_key_moves``).

Why (round 44, beadsb44): a rewrite moves a sentence and rewords it (a quote told as indirect
speech); both stay free. The rule and its study are in ``docs/align.md`` "Round 44 (beadsb44)".
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.conftest import bead_pairs as pairs
from tests.align.conftest import free_bead as free
from tests.align.conftest import link_bead, shaped_beads
from workbench.core import align_key_moves as km
from workbench.core.align import align
from workbench.core.align_repair import Bead


class Scorer:
    """The similarity the rule writes into the moves' scores."""

    def similarity(self, i: int, a: int, j: int, b: int) -> float:
        return 0.25


def link(i: int, j: int) -> Bead:
    return link_bead(i, j, 0.3)


def keys(left: list[set[str]], right: list[set[str]]) -> km.Keys:
    return [frozenset(k) for k in left], [frozenset(k) for k in right]


#: left 1 (the spokesman's quote) moved to the end of the right page as indirect speech
MOVED = [link(0, 0), free(left=1), link(2, 1), link(3, 2), free(right=3)]
MOVED_KEYS = keys([{"windp"}, {"reinh", "bürge"}, {"unter"}, {"pacht"}],
                  [{"windp"}, {"unter"}, {"pacht"}, {"reinh", "bürge"}])


def test_ships_off() -> None:
    assert km.KEY_MOVE_LEAST == 0
    assert km.key_move_twins(MOVED, MOVED_KEYS, Scorer()) is MOVED
    assert km.key_move_twins(MOVED, None, Scorer(), least=1) is MOVED  # two languages


def test_far_free_twins_sharing_rare_keys_become_a_move() -> None:
    out = km.key_move_twins(MOVED, MOVED_KEYS, Scorer(), least=2)
    assert pairs(out) == pairs(MOVED)  # no sentence changes place in the list
    assert out[1].move_to == 4 and out[4].move_to == 1
    assert out[1].score == out[4].score == 0.25
    assert km.key_move_twins(MOVED, MOVED_KEYS, Scorer(), least=3) is MOVED  # fewer than asked


def test_a_key_a_link_holds_too_is_no_sole_evidence() -> None:
    tied = keys([{"windp"}, {"reinh"}, {"unter"}, {"pacht"}],
                [{"windp"}, {"unter", "reinh"}, {"pacht"}, {"reinh"}])
    assert km.key_move_twins(MOVED, tied, Scorer(), least=1) is MOVED
    elsewhere = keys([{"windp"}, {"reinh", "bürge"}, {"unter"}, {"pacht"}],
                     [{"windp"}, {"unter", "reinh", "bürge"}, {"pacht"}, {"reinh"}])
    assert km.key_move_twins(MOVED, elsewhere, Scorer(), least=1) is MOVED


def test_the_pair_must_be_each_others_best() -> None:
    # left 1's best is right 3, but right 3 shares more with left 3 (a link's sentence)
    found = keys([{"windp"}, {"reinh"}, {"unter"}, {"pacht", "reinh", "bürge"}],
                 [{"windp"}, {"unter"}, {"pacht"}, {"reinh", "bürge"}])
    assert km.key_move_twins(MOVED, found, Scorer(), least=1) is MOVED


def test_twins_in_one_gap_are_left_to_the_gap_steps_unless_asked() -> None:
    beads = [link(0, 0), free(left=1), free(right=1), link(2, 2)]
    found = keys([{"a"}, {"aigne"}, {"c"}], [{"a"}, {"aigne"}, {"c"}])
    assert km.key_move_twins(beads, found, Scorer(), least=1) is beads
    out = km.key_move_twins(beads, found, Scorer(), least=1, in_gap=True)
    assert out[1].move_to == 2 and out[2].move_to == 1


def test_moves_and_their_partners_are_left_alone() -> None:
    beads = [link(0, 0), free(left=1, move_to=4), link(2, 1), link(3, 2), free(right=3,
             move_to=1)]  # fmt: skip
    assert km.key_move_twins(beads, MOVED_KEYS, Scorer(), least=1) is beads


def test_stronger_pairs_first_each_sentence_once() -> None:
    beads = [free(left=0), link(1, 0), free(left=2), link(3, 1), free(right=2), free(right=3)]
    found = keys([{"p", "q"}, {"a"}, {"r"}, {"b"}], [{"a"}, {"b"}, {"r"}, {"p", "q"}])
    out = km.key_move_twins(beads, found, Scorer(), least=1)
    assert (out[0].move_to, out[5].move_to) == (5, 0)
    assert (out[2].move_to, out[4].move_to) == (4, 2)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["link", "left", "right"]), min_size=1, max_size=12),
       st.integers(1, 3), st.integers(0, 10_000), st.booleans(), st.booleans())  # fmt: skip
def test_beads_keep_their_sentences_and_moves_pair_one_free_left_with_one_free_right(
    shapes: list[str], least: int, seed: int, gap: bool, weak: bool
) -> None:
    beads, i, j = shaped_beads(shapes, 0.3)
    words = "abcdefg"
    found = keys([{words[(seed >> k) % 7], words[(k * 5 + seed) % 7]} for k in range(i)],
                 [{words[(seed >> m) % 7], words[(m * 3 + seed) % 7]} for m in range(j)])
    out = km.key_move_twins(beads, found, Scorer(), least=least, in_gap=gap, weak=weak)
    for side, size in ((0, i), (1, j)):
        assert [x for b in out for x in (b.left, b.right)[side]] == list(range(size))
    old = set(pairs(beads))
    for n, bead in enumerate(out):
        if (bead.left, bead.right) not in old:  # only a broken link's halves are new
            assert weak and len(bead.left) + len(bead.right) == 1
            assert any(b.left == bead.left or b.right == bead.right for b in beads if b.left
                       and b.right)  # fmt: skip
        if bead.move_to is None:
            continue
        partner = out[bead.move_to]
        assert partner.move_to == n
        left, right = (bead, partner) if bead.left else (partner, bead)
        assert left.left and not left.right and right.right and not right.left
        assert len(found[0][left.left[0]] & found[1][right.right[0]]) >= least


def test_align_reads_the_switch(monkeypatch) -> None:  # noqa: ANN001
    import workbench.core.align as core

    left = ["Der Windpark Kogelberg soll im Frühjahr gebaut werden.",
            "Das sei ein Angriff auf den Kogelwald, sagte Sprecher Reinhard Aigner.",
            "Die Gemeinde erhält jährlich Pachtgeld vom Betreiber."]
    right = ["Der Windpark Kogelberg soll im Frühjahr gebaut werden.",
             "Die Gemeinde erhält jährlich Pachtgeld vom Betreiber.",
             "Sprecher Reinhard Aichinger nannte das Projekt einen Angriff auf den Kogelwald."]
    seen: list[object] = []

    def spy(beads: list[Bead], found: object, *args: object) -> list[Bead]:
        seen.append(found)
        return km.key_move_twins(beads, found, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(core, "key_move_twins", spy)
    align(left, right)
    assert seen and seen[-1] is not None  # one language: the step gets the pair's rare keys


def test_a_keyless_link_lends_its_sentence_only_when_asked() -> None:
    # right 1 is linked by position to left 2, with which it shares no rare key; its words are
    # those of the free left 0 further up (a quote moved down and told as indirect speech)
    beads = [free(left=0), link(1, 0), link(2, 1), link(3, 2)]
    found = keys([{"aigne", "schla"}, {"a"}, {"pacht"}, {"c"}],
                 [{"a"}, {"aigne", "schla"}, {"c"}])
    assert km.key_move_twins(beads, found, Scorer(), least=1) is beads
    out = km.key_move_twins(beads, found, Scorer(), least=1, weak=True)
    assert pairs(out) == [((0,), ()), ((1,), (0,)), ((2,), ()), ((), (1,)), ((3,), (2,))]
    assert out[0].move_to == 3 and out[3].move_to == 0 and out[2].move_to is None
    backed = keys([{"aigne", "schla"}, {"a"}, {"pacht"}, {"c"}],
                  [{"a"}, {"aigne", "schla", "pacht"}, {"c"}])
    assert km.key_move_twins(beads, backed, Scorer(), least=1, weak=True) is beads


def test_a_broken_link_keeps_the_moves_already_there_pointing_at_their_partners() -> None:
    beads = [free(left=0), link(1, 0), link(2, 1), link(3, 2), free(left=4, move_to=5),
             free(right=3, move_to=4)]  # fmt: skip
    found = keys([{"aigne", "schla"}, {"a"}, {"pacht"}, {"c"}, {"z"}],
                 [{"a"}, {"aigne", "schla"}, {"c"}, {"z"}])
    out = km.key_move_twins(beads, found, Scorer(), least=1, weak=True)
    assert (out[5].left, out[5].move_to, out[6].right, out[6].move_to) == ((4,), 6, (3,), 5)
    assert out[0].move_to == 3 and out[3].move_to == 0
