"""Word beginnings held by one sentence of each side place a cross-language retelling
(``align_cognates``; the anchor twins and joins read them with ``AlignParams.cognate_prefix``).

"Antibiotika" / "antibiotiques", "Mobilfunk" / "Mobile", "танкер" / "Tanker": the stand-in
MT copies, and a retelling from another agency shares no number or name with its partner.
"""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.conftest import assert_told_once, make_sentences
from tests.align.test_align_figures import grouped_links
from workbench.core import align_gap_twins
from workbench.core.align import AlignParams, Bead, align
from workbench.core.align_anchor_joins import join_anchor_neighbours
from workbench.core.align_anchor_moves import link_anchor_twins
from workbench.core.align_cognates import cognate_keys, word_beginnings
from workbench.core.align_scoring import BeadScorer

ON = replace(AlignParams(), cognate_prefix=5)
OFF = replace(AlignParams(), cognate_prefix=0)

#: dev pairs (gold spans and roles, aligned as ``services.compare`` does, no MT): the sure
#: gold link the cognate keys add, and the shared beginning
FOUND = [
    ("batch15", "nicematin_afp_fr__stern_dpa_de", ((20,), (13,))),  # antib
    ("batch53", "haz_de__cleanenergywire_en", ((33,), (18,))),  # mobil
]


@pytest.mark.parametrize(("batch", "name", "link"), FOUND)
def test_a_dev_retelling_is_linked_on_a_cognate(batch: str, name: str, link: tuple,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    assert link in grouped_links(batch, name, ON)
    # the gap twins (round 42) read word beginnings of their own: off, to see the cognates' part
    monkeypatch.setattr(align_gap_twins, "GAP_TWIN_COST", -1.0)
    assert link not in grouped_links(batch, name, OFF)


def test_beginnings_fold_scripts_accents_and_eszett() -> None:
    assert "~tanke" in word_beginnings("Der Tanker lief auf Grund.", 5)
    assert "~tanke" in word_beginnings("Танкер сел на мель.", 5)
    assert "~strass" in word_beginnings("Straßburg", 6) and "~strass" in word_beginnings(
        "Strassburg", 6
    )
    assert "~legio" in word_beginnings("Les légionelles", 5)


def test_short_words_and_country_names_are_no_keys() -> None:
    assert word_beginnings("Radar und Wasser", 5) == frozenset({"~wasse"})
    assert word_beginnings("Frankreich, Deutschland", 5) == frozenset()


def test_a_beginning_two_sentences_of_a_side_hold_is_no_key() -> None:
    left = ["Die Antibiotika wirken.", "Antibiotika fehlen.", "Sonstiges hier."]
    right = ["Les antibiotiques agissent.", "Autre chose."]
    keys = cognate_keys(left, right, 5)
    assert keys == ([frozenset()] * 3, [frozenset()] * 2)
    once = cognate_keys(left[1:], right, 5)
    assert once == ([frozenset({"~antib"}), frozenset()], [frozenset({"~antib"}), frozenset()])


def test_off_gives_empty_keys() -> None:
    assert cognate_keys(["Antibiotika"], ["antibiotiques", "x"], 0) == (
        [frozenset()], [frozenset(), frozenset()]
    )  # fmt: skip


_WORDS = ["Antibiotika", "antibiotiques", "Танкер", "Tanker", "Légionelles", "Wasser", "ok"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(_WORDS), max_size=4).map(" ".join), max_size=5),
    st.lists(st.lists(st.sampled_from(_WORDS), max_size=4).map(" ".join), max_size=5),
    st.integers(1, 6),
)
def test_the_memo_gives_the_keys_afresh_and_keeps_them_from_callers(
    left: list[str], right: list[str], prefix: int
) -> None:
    """The kept keys of the last pair (the link steps and the late twins ask twice) equal
    the keys worked out from the sentences' own beginnings, whatever a caller does to
    the lists it was given."""
    cognate_keys.cache_clear()
    first = cognate_keys(left, right, prefix)
    first[0].append(frozenset({"spoilt"}))  # a caller's list, not the memo's
    again = cognate_keys(list(left), list(right), prefix)
    sides = [[word_beginnings(t, prefix) for t in side] for side in (left, right)]
    for own, other, keys in ((sides[0], sides[1], again[0]), (sides[1], sides[0], again[1])):
        for found, held in zip(keys, own, strict=True):
            assert found == {k for k in held if sum(k in s for s in own) == 1
                             and sum(k in s for s in other) == 1}  # fmt: skip


LEFT = [
    "Im Krankenhaus starb ein Patient am Montag.",
    "Die übrigen Erkrankten würden mit Antibiotika behandelt.",
    "Die Duschen wurden gesperrt.",
]
RIGHT = [
    "Un patient est mort lundi à l'hôpital.",
    "Les autres malades sont soignés par antibiotiques.",
    "Les douches ont été fermées.",
]


def _scorer(left: list[str], right: list[str]) -> BeadScorer:
    return BeadScorer(left, right, [left], [right], ON)


def test_two_unmatched_retellings_sharing_a_cognate_link() -> None:
    beads = [Bead((0,), (0,), 0.5, "1-1"), Bead((1,), (), 0.0, "1-0"),
             Bead((), (1,), 0.0, "0-1"), Bead((2,), (2,), 0.5, "1-1")]  # fmt: skip
    keys = cognate_keys(LEFT, RIGHT, 5)
    out = link_anchor_twins(beads, _scorer(LEFT, RIGHT), ON, keys)
    assert [(b.left, b.right) for b in out if b.left and b.right] == [
        ((0,), (0,)), ((1,), (1,)), ((2,), (2,))
    ]  # fmt: skip
    assert link_anchor_twins(beads, _scorer(LEFT, RIGHT), ON) == beads  # no keys: as before


def test_the_half_holding_the_cognate_joins_the_link() -> None:
    left = ["Im Krankenhaus starb ein Patient.", "Das geschah am Montag früh.",
            "Die übrigen würden mit Antibiotika behandelt."]  # fmt: skip
    right = ["Un patient est mort lundi à l'hôpital.",
             "Les autres malades, dont l'état est jugé stable par les médecins de l'hôpital, "
             "reçoivent des antibiotiques et restent sous surveillance."]  # fmt: skip
    beads = [Bead((0, 1), (0,), 0.5, "2-1"), Bead((2,), (), 0.0, "1-0"),
             Bead((), (1,), 0.0, "0-1")]  # fmt: skip
    keys = cognate_keys(left, right, 5)
    scorer = BeadScorer(left, right, [left], [right], ON, ratio=1.0)
    assert join_anchor_neighbours(beads, scorer, ON, keys) == beads  # no 1-1 to join
    out = link_anchor_twins(beads, scorer, replace(ON, anchor_link_cost=20.0), keys)
    assert ((2,), (1,)) in [(b.left, b.right) for b in out]
    assert_told_once(out, left, right)


def test_the_shipped_aligner_reads_cognates() -> None:
    """Round 18: on by default at 5 letters (leave-one-batch-out, ``docs/align.md``)."""
    assert AlignParams().cognate_prefix == ON.cognate_prefix


def _retelling(seed: int, size: int) -> tuple[list[str], list[str]]:
    """English sentences and a shuffled-word 'retelling' that keeps some word beginnings."""
    rng = random.Random(seed)
    left = make_sentences(size, seed)
    right = []
    for text in left:
        words = text.split()
        rng.shuffle(words)
        right.append(" ".join(w if rng.random() < 0.3 else w[::-1] for w in words))
    if size > 2 and rng.random() < 0.5:
        right.pop(rng.randrange(size))
    return left, right


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000), st.integers(2, 12))
def test_every_sentence_is_told_once(seed: int, size: int) -> None:
    left, right = _retelling(seed, size)
    beads = align(left, right, params=ON)
    assert_told_once(beads, left, right)
    assert all(len(b.left) <= 4 and len(b.right) <= 4 for b in beads)
