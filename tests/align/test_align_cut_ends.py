"""A page's last sentence the capture cut links to the sentence the other page tells next.

The real cases are dev story pairs in two languages (gold headline and body
spans, aligned as ``services.compare`` does, no MT): each link named here is a
gold ``sure`` bead that the aligner left unmatched before ``align_cut_ends`` and
loses again with the pass off.  In one language the aligner sees the stub's
words, so a stub it left unmatched stays so (rewrites cut where the other page
tells something else).
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.conftest import make_sentences
from tests.align.test_align_story_pairs import _foreign, compare_beads, gold_links, story_sides
from workbench.core.align import AlignParams, align, align_scored
from workbench.core.align_cut_ends import cut_shaped, link_cut_ends
from workbench.core.align_groups import align_groups
from workbench.core.align_repair import Bead

OFF = replace(AlignParams(), cut_link_evidence=-1)


def _links(batch: str, name: str, params: AlignParams | None = None) -> set[tuple]:
    left, right = story_sides(batch, name, (set(), set()))
    if params is None:
        return gold_links(left, right, compare_beads(left, right))
    groups = [["headline" if r == "headline" else "text" for r in s[1]] for s in (left, right)]
    breaks = [[n for n in range(1, len(s[1])) if s[1][n] != s[1][n - 1]] for s in (left, right)]
    beads = align_groups(left[0], right[0], groups[0], groups[1], left_breaks=breaks[0],
                         right_breaks=breaks[1], params=params)  # fmt: skip
    return gold_links(left, right, beads)


CUT = [
    # uk -> en, one outlet's two editions: the Ukrainian page stops mid-word ("вип")
    ("batch18", "hromadske_uk__hromadske_en", ((22,), (24,))),
    # uk -> en: "Україна та Молдова синхронізували" and the page ends
    ("batch14", "ukranews_uk__ukranews_en", ((31,), (33,))),
]


@pytest.mark.parametrize(("batch", "name", "link"), CUT)
def test_a_cut_last_sentence_links_to_the_sentence_that_follows(
    batch: str, name: str, link: tuple
) -> None:
    assert link in _links(batch, name)
    assert link not in _links(batch, name, OFF)


@pytest.mark.parametrize(
    ("batch", "name", "side"),
    [
        ("batch29", "cheline_uk__novynarnia_uk", 1),  # "Поліція розслідує сп": told only there
        ("batch7", "ndr_de__ostsee-zeitung_de", 1),  # a rewrite cut at a detail the other lacks
        ("batch18", "hromadske_uk__1kr_ua_uk", 0),  # the same stub as above, against a rewrite
    ],
)
def test_a_stub_in_one_language_is_not_linked_by_order(batch: str, name: str, side: int) -> None:
    sides = story_sides(batch, name, (set(), set()))
    stub = sides[side][2][-1]
    assert all(not set(stub) & set(ids[side]) for ids in _links(batch, name))


@pytest.mark.parametrize(
    "text", ["За даними сервісів ві", "Посольство РФ у Кишиневі", "Загалом за ніч Росія запусти",
             "Shareholders in CPC include Russia's Transneft, Kazakh"],
)  # fmt: skip
def test_cut_sentences_are_cut_shaped(text: str) -> None:
    assert cut_shaped(text)


@pytest.mark.parametrize(
    "text", ["dpa", "Share", "jum/soe/LyS", "Підтримайте нас", "Джерело: KAS, ДПСУ",
             "kle/sti (ap, dpa, rtr)", "Republish this article", "Пасаж",
             "The ship was refloated on Sunday."],
)  # fmt: skip
def test_chrome_and_whole_sentences_are_not(text: str) -> None:
    """Credits, sign-offs and buttons that page roles let into a story end open too."""
    assert not cut_shaped(text)


def test_a_cut_stub_links_in_order_and_moves_are_renumbered() -> None:
    left = [*make_sentences(5, seed=32), "Passengers whose trains are delayed by more th"]
    whole = "Passengers whose trains are delayed by more than three hours get a refund."
    right = [*left[:5], whole, "Forecasters expect the icing to persist until Wednesday."]
    _, scorer = align_scored(left, right, params=OFF)
    beads = [
        Bead((0,), (), 0.0, "1-0", move_to=6),
        *[Bead((k,), (k,), 1.0, "1-1") for k in range(1, 5)],
        Bead((5,), (), 0.0, "1-0"),
        Bead((), (0,), 0.0, "0-1", move_to=0),
        Bead((), (5,), 0.0, "0-1"),
        Bead((), (6,), 0.0, "0-1"),
    ]
    out = link_cut_ends(beads, scorer, AlignParams(), (left, right))
    assert [(b.left, b.right) for b in out[5:]] == [((), (0,)), ((5,), (5,)), ((), (6,))]
    assert out[0].move_to == 5 and out[5].move_to == 0
    assert link_cut_ends(beads, scorer, OFF, (left, right)) == beads


@settings(max_examples=30, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=8), min_size=1, max_size=10),
    st.lists(st.integers(min_value=0, max_value=8), min_size=1, max_size=10),
)
def test_beads_still_partition_both_sides_with_cut_ends(
    picks_left: list[int], picks_right: list[int]
) -> None:
    """Sentences and their cut stubs in any order, against a 'translation' (another language,
    where the pass runs): every line in one bead, moves paired."""
    whole = make_sentences(6, seed=33)
    pool = [*whole, *(s[: len(s) // 3] for s in whole[:3])]
    left, right = [pool[k] for k in picks_left], [_foreign(pool[k]) for k in picks_right]
    beads = align(left, right)
    assert sorted(i for b in beads for i in b.left) == list(range(len(left)))
    assert sorted(j for b in beads for j in b.right) == list(range(len(right)))
    for k, bead in enumerate(beads):
        if bead.move_to is not None:
            assert beads[bead.move_to].move_to == k
