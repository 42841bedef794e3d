"""Two free sentences of one gap that alone in that gap share a rare key (``align_gap_twins``).

Why (round 42, beads42): a cross-language paraphrase names its topic in several sentences, so
the document-wide twin rules cannot pin a retold sentence inside a wider gap; the gap's own
uniqueness can.  The rule and its study: ``docs/align.md`` "Round 42 (beads42)".
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.conftest import bead_pairs as pairs
from tests.align.conftest import free_bead as free
from tests.align.conftest import link_bead as link
from tests.align.test_align_figures import grouped_links
from workbench.core import align_gap_twins as gt
from workbench.core.align_scoring import AlignParams


class KeyScorer:
    """The scorer's asks the rule makes: anchors per sentence, a length cost, a similarity."""

    def __init__(self, left: list[set[str]], right: list[set[str]],
                 costs: dict[tuple[int, int], float] | None = None) -> None:  # fmt: skip
        self.left_anchors = [frozenset(k) for k in left]
        self.right_anchors = [frozenset(k) for k in right]
        self.costs = costs or {}

    def length_cost(self, i: int, a: int, j: int, b: int) -> float:
        return self.costs.get((i, j), 1.0)

    def similarity(self, i: int, a: int, j: int, b: int) -> float:
        return 0.0


TEXTS = (["a"] * 5, ["b"] * 5)
# a gap of three free sentences a side between links 0-0 and 4-4; "#250" in L2 and R3 only
GAP = [link(0, 0), free(left=1), free(left=2), free(left=3), free(right=1), free(right=2),
       free(right=3), link(4, 4)]  # fmt: skip
KEYS = KeyScorer([set(), set(), {"#250"}, set(), set()], [set(), set(), set(), {"#250"}, set()])


def test_ships_on_and_off_returns_its_input() -> None:
    """Shipped at 2 nats (round 44): the default links the gap's key twins, a length cost
    over 2 nats keeps them apart, and a bound below 0 hands the beads back untouched."""
    assert gt.GAP_TWIN_COST == 2.0 and gt.GAP_TWIN_MOST == 2
    assert ((2,), (3,)) in pairs(gt.pair_gap_twins(GAP, KEYS, TEXTS))
    far = KeyScorer(KEYS.left_anchors, KEYS.right_anchors, {(2, 3): 2.5})  # type: ignore[arg-type]
    assert pairs(gt.pair_gap_twins(GAP, far, TEXTS)) == pairs(GAP)
    assert gt.pair_gap_twins(GAP, KEYS, TEXTS, cost=-1.0) is GAP


def test_the_aligner_links_a_dev_gap_on_its_twins(monkeypatch: pytest.MonkeyPatch) -> None:
    """batch53's haz / Clean Energy Wire pair: "Mobilfunk" / "mobile" (``L33 : R18``), a sure
    gold 1-1 inside a gap; with the cognate keys of the other rules off, the gap twins at
    their chosen 2 nats link it on their own word beginnings, and switched off they do not."""
    no_cognates = replace(AlignParams(), cognate_prefix=0)
    monkeypatch.setattr(gt, "GAP_TWIN_COST", 2.0)
    name = "haz_de__cleanenergywire_en"
    assert ((33,), (18,)) in grouped_links("batch53", name, no_cognates)
    monkeypatch.setattr(gt, "GAP_TWIN_COST", -1.0)
    assert ((33,), (18,)) not in grouped_links("batch53", name, no_cognates)


def test_a_gap_unique_key_links_its_two_sentences_in_order() -> None:
    out = gt.pair_gap_twins(GAP, KEYS, TEXTS, cost=3.0)
    assert ((2,), (3,)) in pairs(out)
    assert pairs(out) == [((0,), (0,)), ((1,), ()), ((), (1,)), ((), (2,)), ((2,), (3,)),
                          ((3,), ()), ((4,), (4,))]  # fmt: skip


def test_lengths_over_the_bound_stay_apart() -> None:
    scorer = KeyScorer(KEYS.left_anchors, KEYS.right_anchors, {(2, 3): 5.0})  # type: ignore[arg-type]
    assert pairs(gt.pair_gap_twins(GAP, scorer, TEXTS, cost=3.0)) == pairs(GAP)


def test_a_key_two_free_sentences_of_the_gap_hold_pins_nothing() -> None:
    scorer = KeyScorer([set(), {"#250"}, {"#250"}, set(), set()],
                       [set(), set(), set(), {"#250"}, set()])  # fmt: skip
    assert pairs(gt.pair_gap_twins(GAP, scorer, TEXTS, cost=3.0, most=3)) == pairs(GAP)


def test_a_key_common_in_the_documents_pins_nothing() -> None:
    scorer = KeyScorer([{"#250"}, set(), {"#250"}, set(), {"#250"}],
                       [set(), set(), set(), {"#250"}, set()])  # fmt: skip
    assert pairs(gt.pair_gap_twins(GAP, scorer, TEXTS, cost=3.0, most=2)) == pairs(GAP)
    assert ((2,), (3,)) in pairs(gt.pair_gap_twins(GAP, scorer, TEXTS, cost=3.0, most=3))


def test_small_numbers_and_links_are_left_alone() -> None:
    scorer = KeyScorer([set(), set(), {"#5"}, set(), set()], [set(), set(), set(), {"#5"}, set()])
    assert pairs(gt.pair_gap_twins(GAP, scorer, TEXTS, cost=3.0)) == pairs(GAP)
    linked = [link(0, 0), link(1, 1), link(2, 2)]
    assert gt.pair_gap_twins(linked, KEYS, TEXTS, cost=3.0) is linked


def test_a_gap_with_a_move_or_a_role_break_is_left_alone() -> None:
    moved = [link(0, 0), free(left=1), free(left=2, move_to=0), free(right=3), link(4, 4)]
    assert gt.pair_gap_twins(moved, KEYS, TEXTS, cost=3.0) is moved
    broken = gt.pair_gap_twins(GAP, KEYS, TEXTS, (frozenset({2}), frozenset()), cost=3.0)
    assert pairs(broken) == pairs(GAP)


def test_word_beginnings_count_as_keys() -> None:
    texts = (["x", "y", "Die Kläranlage lief über.", "z", "w"],
             ["x", "y", "r", "La Kläranlage a débordé.", "w"])  # fmt: skip
    plain = KeyScorer([set()] * 5, [set()] * 5)
    assert ((2,), (3,)) in pairs(gt.pair_gap_twins(GAP, plain, texts, cost=3.0))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["L", "R", "link"]), min_size=1, max_size=14),
       st.lists(st.sampled_from(["#12", "#77", "@abc", ""]), min_size=14, max_size=14),
       st.lists(st.sampled_from(["#12", "#77", "@abc", ""]), min_size=14, max_size=14))
def test_every_sentence_kept_once_in_order(shape: list[str], lkeys: list[str],
                                           rkeys: list[str]) -> None:  # fmt: skip
    beads, i, j = [], 0, 0
    for what in shape:
        if what == "link":
            beads.append(link(i, j))
            i, j = i + 1, j + 1
        elif what == "L":
            beads.append(free(left=i))
            i += 1
        else:
            beads.append(free(right=j))
            j += 1
    scorer = KeyScorer([{k} - {""} for k in lkeys[:i]], [{k} - {""} for k in rkeys[:j]])
    out = gt.pair_gap_twins(beads, scorer, (["a"] * i, ["b"] * j), cost=3.0, most=14)
    assert [x for b in out for x in b.left] == list(range(i))
    assert [y for b in out for y in b.right] == list(range(j))
    old = {(b.left, b.right) for b in beads if b.left and b.right}
    assert old <= {(b.left, b.right) for b in out}
    for b in out:
        if b.left and b.right and (b.left, b.right) not in old:
            assert len(b.left) == len(b.right) == 1
            assert scorer.left_anchors[b.left[0]] & scorer.right_anchors[b.right[0]]
