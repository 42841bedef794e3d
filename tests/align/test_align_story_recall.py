"""Round 8 recall rules for story pairs: role breaks bound a gap, moves respect groups,
numbers written as words are anchors.

Each rule was kept only where it changed no check-batch bead for the worse
(``benchmarks/align_pairs.py``, batches 16 and 18 scored pooled only).
"""

from __future__ import annotations

from dataclasses import replace

from tests.align.conftest import make_sentences
from workbench.core.align_groups import _links, align_groups
from workbench.core.align_repair import Bead, pair_sandwiches
from workbench.core.align_scoring import AlignParams, BeadScorer
from workbench.core.align_views import SPELLED_MAX, anchor_sets
from workbench.core.anchors import anchor_keys, anchor_keys_all, spelled_number_keys


def _headline_gap(seed: int) -> tuple[list[Bead], BeadScorer, AlignParams, int, int]:
    """Two unmatched headline lines and two unmatched first body sentences a side, then
    twenty shared sentences linked 1-1: the gap a headline/body break may bound."""
    pool = make_sentences(40, seed=seed)
    left = [pool[0], pool[1], *pool[10:30]]
    right = [pool[2], pool[3].replace("a", "o"), *pool[10:30]]
    params = AlignParams()
    scorer = BeadScorer(left, right, [left], [right], params)
    beads = [Bead((), (0,), 0.0, "0-1"), Bead((0,), (), 0.0, "1-0"),
             Bead((1,), (), 0.0, "1-0"), Bead((), (1,), 0.0, "0-1")]  # fmt: skip
    beads += [Bead((k + 2,), (k + 2,), 1.0, "1-1") for k in range(20)]
    return beads, scorer, params, len(left), len(right)


def test_a_break_on_both_sides_bounds_a_gap_like_a_link() -> None:
    """The first body sentence of each page, unmatched after the headlines, faces the other:
    the headline/body break closes the gap, so the lone pair is a free rewrite."""
    beads, scorer, params, n_left, n_right = _headline_gap(5)
    unbounded = pair_sandwiches(beads, scorer, params)
    assert not any(b.left == (1,) and b.right == (1,) for b in unbounded)
    bounded = pair_sandwiches(beads, scorer, params, (frozenset({1}), frozenset({1})))
    assert any(b.left == (1,) and b.right == (1,) for b in bounded)
    assert sorted(k for b in bounded for k in b.left) == list(range(n_left))
    assert sorted(k for b in bounded for k in b.right) == list(range(n_right))


def test_a_break_on_one_side_only_does_not_bound_the_gap() -> None:
    beads, scorer, params, _, _ = _headline_gap(6)
    repaired = pair_sandwiches(beads, scorer, params, (frozenset({1}), frozenset()))
    assert repaired == pair_sandwiches(beads, scorer, params)


def test_a_move_counts_as_the_link_of_its_two_halves() -> None:
    beads = [Bead((0,), (), 0.0, "1-0", move_to=2), Bead((1,), (0,), 1.0, "1-1"),
             Bead((), (1,), 0.0, "0-1")]  # fmt: skip
    assert Bead((0,), (1,), 0.0, "") in _links(beads)


def test_no_move_joins_a_headline_to_body_text() -> None:
    """Batch 17's deck line ("hits all ten targets ... by 8.4 seconds") moved onto a body
    sentence of the other page: groups never correspond, moves included."""
    pool = make_sentences(30, seed=11)
    deck = pool[20]
    left = ["Title of the story", deck, *pool[:8]]
    right = ["Another title", *pool[:4], deck.replace("the", "a"), *pool[4:8]]
    gl = ["headline", "headline"] + ["text"] * 8
    gr = ["headline"] + ["text"] * 9
    beads = align_groups(left, right, gl, gr)
    for bead in _links(beads):
        assert len({gl[k] for k in bead.left} | {gr[k] for k in bead.right}) <= 1, bead


def test_numbers_written_as_words_are_anchors_in_any_language() -> None:
    assert spelled_number_keys("Sept patients ont été contaminés, dont trois") == {"#7", "#3"}
    assert spelled_number_keys("Sieben Patienten sind erkrankt.") == {"#7"}
    assert spelled_number_keys("Постраждали двоє співробітників.") == {"#2"}
    assert spelled_number_keys("vingt-deux morts") == {"#22"}
    # not numbers here: an article, "per cent", the month "Sept."
    assert spelled_number_keys("Ein Mann, one of them, 5 per cent, on Sept. 11") == frozenset()


def test_story_pages_get_spelled_numbers_long_documents_keep_digits_only() -> None:
    texts = ["Seven patients fell ill.", "Sieben Patienten sind erkrankt."]
    short = anchor_sets(texts, {})
    assert all("#7" in keys for keys in short)
    long = [*texts, *make_sentences(SPELLED_MAX, seed=3)]
    assert anchor_sets(long, {}) == anchor_keys_all(long) == [anchor_keys(t) for t in long]


def _split_pair() -> tuple[list[str], list[str], list[Bead]]:
    pool = make_sentences(30, seed=21)
    left = [*pool[:10], "A driver of 74 died in Morbihan and a roofer fell in Finistere.",
            *pool[10:20]]  # fmt: skip
    right = [*pool[:10], "In Morbihan a tree killed a driver, 74.",
             "Another man died in Finistere.", *pool[10:20]]  # fmt: skip
    beads = [Bead((k,), (k,), 1.0, "1-1") for k in range(10)]
    beads += [Bead((10,), (), 0.0, "1-0"), Bead((), (10,), 0.0, "0-1"), Bead((), (11,), 0.0, "0-1")]
    beads += [Bead((k + 11,), (k + 12,), 1.0, "1-1") for k in range(10)]
    return left, right, beads


def test_a_sentence_split_in_two_is_linked_by_its_unique_anchors() -> None:
    """rte en->uk (batch 17): "74-year-old ... Morbihan ... Finistere" became two Ukrainian
    sentences; each half holds some of the anchors found nowhere else."""
    from workbench.core.align_repair import link_anchor_gaps

    left, right, beads = _split_pair()
    scorer = BeadScorer(left, right, [left], [right], AlignParams())
    linked = link_anchor_gaps(beads, scorer)
    assert Bead((10,), (10, 11), 0.0, "") in [replace(b, score=0.0, kind="") for b in linked]
    assert sorted(k for b in linked for k in b.right) == list(range(len(right)))
    # a break between the two halves (a headline above, the body below) parts them
    parted = link_anchor_gaps(beads, scorer, (frozenset(), frozenset({11})))
    assert not any(b.right == (10, 11) for b in parted)
