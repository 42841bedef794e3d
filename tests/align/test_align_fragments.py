"""Page chrome let into the story by a role error is not glued to a link.

Each case is a dev story pair (gold headline and body spans, as ``services.compare``
aligns them, no MT) with one real chrome line of that kind put into the story
before a body sentence, as page roles sometimes do: before ``align_fragments``
the line became the end of a 1-2 or 2-1 link ("changed") and hid the true 1-1.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.conftest import make_sentences
from tests.align.test_align_story_pairs import story_sides
from workbench.core.align import AlignParams, align
from workbench.core.align_fragments import is_fragment
from workbench.core.align_groups import align_groups

STRAY = (-1,)  # the inserted line's gold span ids


@pytest.mark.parametrize(
    "text",
    ["Reuters", "mik/dpa", "Фото: ДСНС Закарпаття", 'Фото: НЕК "Укренерго"', "Publicité",
     "(Ukrainian Emergency Service via AP)", "30 листопада 2026, 17:45", ""],
)  # fmt: skip
def test_credits_bylines_and_labels_are_fragments(text: str) -> None:
    assert is_fragment(text)


@pytest.mark.parametrize(
    "text",
    ["Ukraine said so.", "«Діти знову бачать однокласників»", 'He said "yes."', "(AP).",
     "Lawinenunglück in Tirol:", "Wie geht es weiter?",
     "Il constitue une voie essentielle pour les exportations de céréales ukrainiennes et de pé"],
)  # fmt: skip
def test_sentences_and_cut_sentences_are_not(text: str) -> None:
    """A cut last sentence (the capture stopped mid-word) is long: it keeps its link."""
    assert not is_fragment(text)


def _with_stray(batch: str, name: str, side: int, line: str, params: AlignParams | None = None
                ) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:  # fmt: skip
    """The pair's links (gold span ids) with ``line`` put before ``side``'s first body sentence."""
    left, right = story_sides(batch, name, (set(), set()))
    texts, roles, ids = (list(part) for part in (left, right)[side])
    k = roles.index("body")
    texts.insert(k, line)
    roles.insert(k, "body")
    ids.insert(k, STRAY)
    sides = ((texts, roles, ids), right) if side == 0 else (left, (texts, roles, ids))
    groups = [["headline" if r == "headline" else "text" for r in s[1]] for s in sides]
    breaks = [[n for n in range(1, len(s[1])) if s[1][n] != s[1][n - 1]] for s in sides]
    beads = align_groups(sides[0][0], sides[1][0], groups[0], groups[1], left_breaks=breaks[0],
                         right_breaks=breaks[1], params=params or AlignParams())  # fmt: skip
    return {
        (sum((sides[0][2][k] for k in b.left), ()), sum((sides[1][2][k] for k in b.right), ()))
        for b in beads
        if b.left and b.right
    }


CASES = [
    # a same-language copy: the agency byline repeats the dateline's "(Reuters)"
    ("batch21", "reliefweb_reuters_en__commondreams_reuters_en", 1, "Reuters", ((23,), (16,))),
    # a translation uk -> en: a photo credit above the lead
    ("batch6", "pravda_com_ua_uk__pravda_com_ua_en", 0, "Фото: ДСНС Закарпаття", ((16,), (12,))),
    # a quoted name closes the credit, yet it is no quotation
    ("batch14", "ukranews_uk__ukranews_en", 0, 'Фото: НЕК "Укренерго"', ((24, 25), (26,))),
    # a paraphrase en/de from two agencies: a photographer's credit above the dpa lead
    ("batch18", "mining_com_reuters_en__saechsische_dpa_de", 1, "© Evgeniy Maloletka/AP/dpa",
     ((17,), (15,))),
]  # fmt: skip


@pytest.mark.parametrize(("batch", "name", "side", "line", "link"), CASES)
def test_a_chrome_line_stays_unmatched_and_the_link_stays_whole(
    batch: str, name: str, side: int, line: str, link: tuple
) -> None:
    links = _with_stray(batch, name, side, line)
    assert not any(STRAY[0] in left + right for left, right in links)
    assert link in links


def test_without_the_rule_the_line_was_glued() -> None:
    """The reason for the rule, on the first case: ``fragment_evidence=-1`` switches it off."""
    batch, name, side, line, _ = CASES[0]
    off = replace(AlignParams(), fragment_evidence=-1)
    assert ((23,), (-1, 16)) in _with_stray(batch, name, side, line, off)


@settings(max_examples=30, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=11), min_size=1, max_size=10),
    st.lists(st.integers(min_value=0, max_value=11), min_size=1, max_size=10),
)
def test_beads_still_partition_both_sides_and_moves_point_at_each_other(
    picks_left: list[int], picks_right: list[int]
) -> None:
    """Sentences and fragments in any order: every line in one bead, moves stay paired."""
    pool = [*make_sentences(8, seed=5), "Reuters", "mik/dpa", "Фото: ДСНС", "Publicité"]
    left, right = [pool[k] for k in picks_left], [pool[k] for k in picks_right]
    beads = align(left, right)
    assert sorted(i for b in beads for i in b.left) == list(range(len(left)))
    assert sorted(j for b in beads for j in b.right) == list(range(len(right)))
    for k, bead in enumerate(beads):
        if bead.move_to is not None:
            assert beads[bead.move_to].move_to == k


def _scored(left: list[str], right: list[str]) -> object:
    from workbench.core.align import align_scored

    return align_scored(left, right, params=AlignParams())[1]


def test_a_two_by_two_link_of_two_kept_pairs_is_split_and_moves_renumbered() -> None:
    """Two sentence pairs the DP joined (lengths fit better together): two 1-1 rows."""
    from workbench.core.align_fragments import split_pairs
    from workbench.core.align_repair import Bead

    left = make_sentences(6, seed=21)
    scorer = _scored(left, list(left))
    beads = [
        Bead((0,), (), 0.0, "1-0", move_to=3),
        Bead((1, 2), (1, 2), 1.0, "2-2"),
        Bead((3,), (3,), 1.0, "1-1"),
        Bead((), (0,), 0.0, "0-1", move_to=0),
    ]
    out = split_pairs(beads, scorer, AlignParams())
    assert [(b.left, b.right) for b in out] == [((0,), ()), ((1,), (1,)), ((2,), (2,)),
                                                 ((3,), (3,)), ((), (0,))]  # fmt: skip
    assert out[0].move_to == 4 and out[4].move_to == 0


def test_a_two_by_two_link_with_a_weak_diagonal_stays() -> None:
    """The facts sit crosswise (a rewrite reordered them inside the block): one 2-2 stays."""
    from workbench.core.align_fragments import split_pairs
    from workbench.core.align_repair import Bead

    filler = make_sentences(8, seed=22)
    left = [*filler[:3], "The mayor opened the new bridge on Monday morning.",
            "Heavy rain flooded the old market square in the evening.", *filler[3:]]
    right = [*filler[:3], "Heavy rain flooded the old market square, the council said.",
             "The mayor opened the new bridge on Monday morning.", *filler[3:]]
    scorer = _scored(left, right)
    bead = Bead((3, 4), (3, 4), 0.5, "2-2")
    assert split_pairs([bead], scorer, AlignParams()) == [bead]
