"""Two unmatched sentences of one language that tell one figure changed link as a pair.

The real cases are dev rewrites (gold headline and body spans, aligned as
``services.compare`` does): each link named here is a gold ``sure`` bead holding
the rewrite's changed count that the aligner left as two unmatched sentences
before ``align_figures`` and loses again with the pass off.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.conftest import assert_told_once, make_sentences
from tests.align.test_align_story_pairs import gold_links, story_sides
from workbench.core.align import AlignParams, align
from workbench.core.align_figures import figures, twins
from workbench.core.align_groups import align_groups
from workbench.core.align_moves import move_links

#: both looks off: the second one (core/align_late_twins, round 23) pairs the same twins
OFF = replace(AlignParams(), figure_link_evidence=-1, late_figure_evidence=-1)


def grouped_links(batch: str, name: str, params: AlignParams) -> set[tuple]:
    """A story pair's links as the product aligns it in groups, moves shown where they land."""
    left, right = story_sides(batch, name, (set(), set()))
    groups = [["headline" if r == "headline" else "text" for r in s[1]] for s in (left, right)]
    breaks = [[n for n in range(1, len(s[1])) if s[1][n] != s[1][n - 1]] for s in (left, right)]
    beads = align_groups(left[0], right[0], groups[0], groups[1], left_breaks=breaks[0],
                         right_breaks=breaks[1], params=params)  # fmt: skip
    return gold_links(left, right, move_links(beads))  # a move shown as its landing link


TWINS = [
    # uk/uk: "214 працівників" / "220 людей", both left unmatched in one gap
    ("batch18", "hromadske_uk__1kr_ua_uk", ((17,), (15,))),
    # de/de: "Rund 40 Kabel" / "etwa 50 Kabel", told after the police sentences: a move
    ("batch31", "tv_berlin_de__radio1046rtl_de", ((25,), (20,))),
]


@pytest.mark.parametrize(("batch", "name", "link"), TWINS)
def test_a_changed_count_links_its_two_sentences(batch: str, name: str, link: tuple) -> None:
    assert link in grouped_links(batch, name, AlignParams())
    assert link not in grouped_links(batch, name, OFF)


def test_the_pass_leaves_right_links_of_its_pairs_alone() -> None:
    """Only the changed count's sentences move: every other link of the pair stays."""
    for batch, name, link in TWINS:
        on, off = grouped_links(batch, name, AlignParams()), grouped_links(batch, name, OFF)
        assert on - off == {link}
        assert off <= on


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Rund 40 Kabel seien beschädigt.", "Laut S-Bahn wurden etwa 50 Kabel beschädigt."),
        ("Le site emploie quelque 1 150 personnes.", "420 des quelque 1 200 emplois"),
        ("Rund 2.300 Beschäftigte verlieren ihren Job.", "Betroffen sind rund 2.400 Beschäftigte."),
        ("The index fell 2.1 points.", "The index lost 2.4 points on Friday."),
    ],
)
def test_like_counts_are_twins(left: str, right: str) -> None:
    assert twins(figures(left), figures(right))


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Losses amount to 4 thousand people.", "About 8,000 troops fight on."),  # twice
        ("Two men were hurt.", "Three women were hurt."),  # small counts: wording
        ("In 2024 the plant closed.", "The plant closed in 2025."),  # years
        ("420 jobs go, 1 150 work there.", "420 jobs go, 1 150 stay."),  # nothing changed
        ("The fire broke out at 4.30 a.m.", "The fire broke out at 4.40 a.m."),  # clock times
    ],
)
def test_other_figures_are_not_twins(left: str, right: str) -> None:
    assert not twins(figures(left), figures(right))


@settings(max_examples=40)
@given(st.integers(0, 10_000), st.integers(3, 12), st.integers(0, 3))
def test_every_sentence_is_told_once_and_moves_pair_up(seed: int, size: int, edits: int) -> None:
    """With counts changed and their sentences reworded, beads cover each sentence once a side."""
    left = [f"{s} {10 + 7 * k} units." for k, s in enumerate(make_sentences(size, seed))]
    right = list(left)
    for k in range(min(edits, size)):
        right[k] = f"Officials later counted {11 + 7 * k} units of it in all."
    right = right[1:] + right[:1] if edits % 2 else right
    beads = align(left, right)
    assert_told_once(beads, left, right)
