"""A deck or crosshead one side prints as a headline line and the other tells as story.

Why: ``align_groups`` aligns headline lines only with headline lines.  When the
two copies of one text disagree on what is deck and what is body (a court's
German release reads its two lead sentences as a deck, the French release as
body; a Russian translation sets a crosshead the German original runs into the
text), grouping left both sides' sentences unmatched although the whole pair
links them surely.  The real cases are dev translations (gold spans, the
tool's reading of the one line or lines as headline, the stand-in MT that
copies its input): each link named here is a gold ``sure`` bead.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.conftest import make_sentences
from tests.align.test_align_story_pairs import gold_links, story_sides
from workbench.core.align import AlignParams
from workbench.core.align_groups import align_groups

OFF = replace(AlignParams(), deck_link_confidence=-1)


def _links(batch: str, name: str, read_as_headline: tuple[set[int], set[int]],
           params: AlignParams) -> set[tuple]:  # fmt: skip
    """The pair's links with the given gold spans read as headline lines (the tool's roles)."""
    sides = story_sides(batch, name, (set(), set()))
    roles = [["headline" if ids[0] in heads else role for role, ids in zip(s[1], s[2], strict=True)]
             for s, heads in zip(sides, read_as_headline, strict=True)]  # fmt: skip
    groups = [["headline" if r == "headline" else "text" for r in rs] for rs in roles]
    breaks = [[n for n in range(1, len(rs)) if rs[n] != rs[n - 1]] for rs in roles]
    beads = align_groups(sides[0][0], sides[1][0], groups[0], groups[1], left_mt=sides[0][0],
                         left_breaks=breaks[0], right_breaks=breaks[1], params=params)  # fmt: skip
    return gold_links(sides[0], sides[1], beads)


CASES = [
    # de/fr court release: the German page's three lead sentences read as its deck
    ("batch37", "bger_ch_de__bger_ch_fr", ({32, 33, 34}, set()),
     {((32,), (31,)), ((33, 34), (32,))}),
    # de/ru: the Russian translation's crosshead "Полиция не исключает поджог" read as a headline
    ("batch31", "tv_berlin_de__radio_russkij_berlin_ru", (set(), {16}), {((26,), (16,))}),
]  # fmt: skip


@pytest.mark.parametrize(("batch", "name", "heads", "links"), CASES)
def test_a_deck_the_other_side_tells_as_story_links_with_it(
    batch: str, name: str, heads: tuple[set[int], set[int]], links: set[tuple]
) -> None:
    assert links <= _links(batch, name, heads, AlignParams())
    assert not links & _links(batch, name, heads, OFF)


@pytest.mark.parametrize(("batch", "name", "heads", "links"), CASES)
def test_with_roles_that_agree_nothing_moves(
    batch: str, name: str, heads: tuple[set[int], set[int]], links: set[tuple]
) -> None:
    """On the gold roles (both sides agree) the rule changes no link."""
    none: tuple[set[int], set[int]] = (set(), set())
    assert _links(batch, name, none, AlignParams()) == _links(batch, name, none, OFF)
    assert links <= _links(batch, name, none, AlignParams())


def test_a_title_stays_with_the_other_title() -> None:
    """A title whose words the other side's lead repeats is still the other title's pair."""
    pool = make_sentences(12, seed=21)
    lead = pool[0]
    left = ["Storm closes the harbour", lead, *pool[1:8]]
    right = [lead.rstrip(".").capitalize(), lead + " Officials confirmed it.", *pool[1:8]]
    groups = ["headline"] + ["text"] * 8
    for params in (AlignParams(), OFF):
        beads = align_groups(left, right, groups, groups, params=params)
        for bead in beads:
            if 0 in bead.right:
                assert all(groups[k] == "headline" for k in bead.left)


@settings(max_examples=15, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 29), st.booleans()), min_size=0, max_size=16),
    st.lists(st.tuples(st.integers(0, 29), st.booleans()), min_size=0, max_size=16),
)
def test_only_decks_leave_their_group(
    picks_left: list[tuple[int, bool]], picks_right: list[tuple[int, bool]]
) -> None:
    """Every sentence once; a bead across groups holds no side's first headline line."""
    pool = make_sentences(30, seed=13)
    left, right = [pool[k] for k, _ in picks_left], [pool[k] for k, _ in picks_right]
    gl = ["headline" if h else "text" for _, h in picks_left]
    gr = ["headline" if h else "text" for _, h in picks_right]
    titles = ({gl.index("headline")} if "headline" in gl else set(),
              {gr.index("headline")} if "headline" in gr else set())  # fmt: skip
    beads = align_groups(left, right, gl, gr)
    assert sorted(i for b in beads for i in b.left) == list(range(len(left)))
    assert sorted(j for b in beads for j in b.right) == list(range(len(right)))
    for k, bead in enumerate(beads):
        if len({gl[i] for i in bead.left} | {gr[j] for j in bead.right}) > 1:
            assert not titles[0] & set(bead.left) and not titles[1] & set(bead.right)
        if bead.move_to is not None:
            assert beads[bead.move_to].move_to == k
