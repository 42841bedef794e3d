"""Round 22: chance levels sampled by character position, so a cut elsewhere leaves them.

Why: round 21 found that the quote cut (one sentence split in two) moved every sentence's
chance level, because ``align_views.far_starts`` chose the far-away samples by sentence
index; links far before the cut then changed and batch 17 lost a true flag.  By position
(``AlignParams.chance_by_position`` 1) a sentence's samples are the same characters of the
other side whatever the sentence count, so only samples that land in the cut sentence move.
"""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.align_params import AlignParams
from workbench.core.align_scoring import BeadScorer
from workbench.core.align_views import (
    far_by_position,
    growth_samples,
    middle_shares,
    sentence_at,
)

LEFT = [
    "The regional council approved the new budget for schools on Tuesday evening.",
    "Teachers had asked for more money after three years of cuts.",
    '"We waited a long time for this. Now the work starts," the mayor said.',
    "The vote was 31 to 12, with four members absent.",
    "Opposition members said the plan ignores rural villages entirely.",
    "A second vote on the transport budget is expected in March.",
    "Parents welcomed the decision outside the council building.",
    "The budget now goes to the regional government for approval.",
]
RIGHT = [
    "Der Regionalrat hat am Dienstagabend das neue Schulbudget beschlossen.",
    "Die Lehrer hatten nach drei Jahren Kürzungen mehr Geld verlangt.",
    '"Wir haben lange darauf gewartet. Jetzt beginnt die Arbeit", sagte der Bürgermeister.',
    "Die Abstimmung endete 31 zu 12, vier Mitglieder fehlten.",
    "Die Opposition sagte, der Plan vergesse die Dörfer auf dem Land.",
    "Eine zweite Abstimmung über das Verkehrsbudget folgt im März.",
    "Eltern begrüßten die Entscheidung vor dem Ratsgebäude.",
    "Das Budget geht nun an die Regionalregierung zur Genehmigung.",
]
CUT = 2  # the quote of two sentences, cut at its inner sentence end as segment_quotes does


def _cut(texts: list[str], at: int) -> list[str]:
    first, _, rest = texts[at].partition(". ")
    return texts[:at] + [first + ". ", rest] + texts[at + 1 :]


def _prefix(lengths: list[int]) -> list[int]:
    return [0, *itertools.accumulate(lengths)]


def test_sentence_at_finds_the_sentence_holding_the_share() -> None:
    prefix = _prefix([10, 30, 60])
    assert [sentence_at(prefix, s) for s in (0.0, 0.05, 0.1, 0.39, 0.4, 0.99, 1.0)] == [
        0, 0, 1, 1, 2, 2, 2,
    ]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(2, 200), min_size=2, max_size=40),
    st.lists(st.integers(1, 200), min_size=1, max_size=40),
    st.booleans(),
    st.data(),
)
def test_a_cut_moves_no_other_sentences_samples(mine: list[int], theirs: list[int], every: bool,
                                                data) -> None:  # fmt: skip
    """Splitting one sentence (same characters) leaves every other sentence's far samples."""
    at = data.draw(st.integers(0, len(mine) - 1))
    head = data.draw(st.integers(1, mine[at] - 1))
    cut = mine[:at] + [head, mine[at] - head] + mine[at + 1 :]
    before = far_by_position(_prefix(mine), _prefix(theirs), every)
    after = far_by_position(_prefix(cut), _prefix(theirs), every)
    assert after[:at] == before[:at]
    assert after[at + 2 :] == before[at + 1 :]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(2, 200), min_size=2, max_size=40),
    st.lists(st.integers(1, 200), min_size=4, max_size=40),
    st.booleans(),
    st.data(),
)
def test_the_other_side_samples_the_same_characters(mine: list[int], theirs: list[int],
                                                    every: bool, data) -> None:  # fmt: skip
    """On the other side a sample lands on the same sentence (renumbered) or a half of it."""
    at = data.draw(st.integers(0, len(mine) - 1))
    head = data.draw(st.integers(1, mine[at] - 1))
    cut = mine[:at] + [head, mine[at] - head] + mine[at + 1 :]

    def fwd(s: int) -> int:  # a sentence of the side before the cut, numbered after it
        return s if s < at else s + 1

    def back(s: int) -> int:  # and back
        return s if s <= at else s - 1

    before = far_by_position(_prefix(theirs), _prefix(mine), every)
    after = far_by_position(_prefix(theirs), _prefix(cut), every)
    centres_before = [sentence_at(_prefix(mine), s) for s in middle_shares(_prefix(theirs))]
    centres_after = [sentence_at(_prefix(cut), s) for s in middle_shares(_prefix(theirs))]
    for old, new, c_old, c_new in zip(before, after, centres_before, centres_after, strict=True):
        # a sample 3 sentences off its centre may be dropped or kept anew (the cut adds one
        # sentence between them); every other sample is the same sentence, renumbered
        assert {fwd(s) for s in old if s != at and abs(s - c_old) >= 4} <= set(new)
        assert {back(s) for s in new if back(s) != at and abs(s - c_new) >= 4} <= set(old)


def test_far_samples_are_far_and_never_the_centre() -> None:
    prefix = _prefix([50] * 20)
    for k, starts in enumerate(far_by_position(prefix, prefix)):
        assert starts and all(abs(s - k) >= 3 for s in starts)


def test_growth_samples_by_position_cover_short_documents_whole() -> None:
    mine, theirs = _prefix([40] * 12), _prefix([40] * 12)
    ks, starts = growth_samples(mine, theirs, 3, by_position=True)
    assert ks == list(range(12))
    assert all(0 <= s <= 12 - 3 for s in starts)
    assert starts[0] == 6  # half the other document past the first sentence's middle


def test_long_document_growth_samples_stay_at_their_characters() -> None:
    lengths = [30 + (7 * k) % 50 for k in range(200)]
    ks, _ = growth_samples(_prefix(lengths), _prefix(lengths), 2, by_position=True)
    cut = lengths[:100] + [10, lengths[100] - 10] + lengths[101:]
    ks_cut, _ = growth_samples(_prefix(cut), _prefix(lengths), 2, by_position=True)
    assert len(ks) == 60
    assert [k for k in ks if k < 100] == [k for k in ks_cut if k < 100]
    assert [k + 1 for k in ks if k > 100] == [k for k in ks_cut if k > 101]


def test_every_far_sentence_counts_once_whatever_its_length() -> None:
    """``every``: a long far sentence is one sample, as a short one (no lean to long ones)."""
    theirs = _prefix([400] + [20] * 30)
    mine = _prefix([50] * 10)
    dense = far_by_position(mine, theirs, every=True)
    assert all(len(set(s)) == len(s) for s in dense)
    # half a document past its middle, sentence 5 of mine reaches the long first sentence
    assert 0 in dense[5] and len(dense[5]) > len(far_by_position(mine, theirs)[5])


def _chance(left: list[str], by_position: int) -> list[float]:
    params = replace(AlignParams(), chance_by_position=by_position)
    return BeadScorer(left, RIGHT, [left], [RIGHT], params).chance[0]


@pytest.mark.parametrize("mode", [1, 2, 3])
def test_a_quote_cut_leaves_the_other_chance_levels(mode: int) -> None:
    """The scorer's own chance levels: by position every uncut sentence keeps its level."""
    before, after = _chance(LEFT, mode), _chance(_cut(LEFT, CUT), mode)
    assert len(after) == len(before) + 1
    assert after[:CUT] == before[:CUT]
    assert after[CUT + 2 :] == before[CUT + 1 :]


def test_by_index_a_quote_cut_moved_them() -> None:
    """The round-21 behaviour the switch keeps: by index the cut re-samples the others."""
    before, after = _chance(LEFT, 0), _chance(_cut(LEFT, CUT), 0)
    kept = before[:CUT] + before[CUT + 1 :]
    assert kept != after[:CUT] + after[CUT + 2 :]
