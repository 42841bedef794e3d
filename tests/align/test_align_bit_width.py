"""The width of a view's frequent-n-gram masks is a speed choice only: the beads never depend on it.

``align_split.bit_width`` widens the masks for texts of many distinct n-grams
(where the rare n-grams' joins cost more than wider masks); the scorer's
memos (``similarity``, ``evidence``, ``length_cost``) return what the plain
computation does, and the evidence memo follows ``localize``'s new chance levels.
"""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core import align_split, align_views
from workbench.core.align import align
from workbench.core.align_dp import coarse_path
from workbench.core.align_profiles import WIDTH
from workbench.core.align_scoring import AlignParams, BeadScorer
from workbench.core.align_split import bit_width

_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]


def _syllable_pair(n: int, seed: int) -> tuple[list[str], list[str]]:
    """Sentences of random syllable words (many distinct n-grams) and a lightly edited copy."""
    rng = random.Random(seed)
    vocab = ["".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 5))) for _ in range(6000)]
    left = [" ".join(rng.choice(vocab) for _ in range(rng.randint(6, 22))) + "." for _ in range(n)]
    right = []
    for k, text in enumerate(left):
        if k % 17 == 5:
            continue  # a deletion
        words = text.split()
        if k % 7 == 3:
            words[rng.randrange(len(words))] = rng.choice(vocab)
        right.append(" ".join(words))
        if k % 23 == 11:
            right.append(" ".join(rng.choice(vocab) for _ in range(9)) + ".")  # an insertion
    return left, right


def test_width_stays_when_few_rare_occurrences_are_left() -> None:
    # 5,000 shared n-grams, those past the first WIDTH occurring once each in 1,000 sentences
    counts = np.concatenate([np.full(WIDTH, 40), np.ones(5000 - WIDTH, np.int64)])
    assert bit_width(counts, 1000) == WIDTH
    assert bit_width(np.full(WIDTH - 1, 500), 10) == WIDTH  # every shared n-gram fits


def test_width_doubles_while_rare_occurrences_per_sentence_exceed_the_limit() -> None:
    # past the first WIDTH: 904 n-grams x 10 occurrences in 100 sentences (90 each > 50)
    assert bit_width(np.full(5000, 10), 100) == 2 * WIDTH
    # always over the limit: capped
    assert bit_width(np.full(100_000, 100), 10) == align_split._MAX_WIDTH


def test_width_grows_a_finer_step_while_the_next_ngrams_hold_enough_occurrences() -> None:
    """Round 37: past the first WIDTH, 2,048 n-grams x 5 occurrences in 1,000 sentences
    (10 each, at least ``_STEP_RARE``), then 2,048 x 2 (4 each, fewer): one step, no more."""
    step = align_split._STEP
    counts = np.concatenate([np.full(WIDTH, 40), np.full(step, 5), np.full(step, 2)])
    assert bit_width(counts, 1000) == WIDTH + step
    assert bit_width(counts, 2000) == WIDTH  # 5 each per sentence: under the step's limit


@settings(max_examples=60, deadline=None)
@given(
    counts=st.lists(st.integers(1, 300), min_size=0, max_size=20_000).map(np.array),
    sentences=st.integers(0, 3000),
)
def test_width_is_whole_words_within_its_bounds(counts, sentences) -> None:
    width = bit_width(counts.astype(np.int64), sentences)
    assert WIDTH <= width <= align_split._MAX_WIDTH and width % 64 == 0


def test_a_text_of_many_distinct_ngrams_gets_wider_masks() -> None:
    left, right = _syllable_pair(150, 1)
    chosen: list[int] = []
    original = align_split.bit_width

    def spy(counts, sentences):
        chosen.append(original(counts, sentences))
        return chosen[-1]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(align_split, "bit_width", spy)
        align(left, right)
    assert chosen and max(chosen) > WIDTH


def _rows(beads) -> list[tuple]:
    return [(b.left, b.right, b.kind, b.score, b.move_to, b.confidence) for b in beads]


@pytest.mark.parametrize("seed", [1, 2])
def test_beads_are_the_same_at_every_width(seed: int) -> None:
    """Whole alignments (ladder, kind, score, move, confidence) with the chosen width and
    with the fixed ``WIDTH``, ``WIDTH // 8``, ``3 * WIDTH // 2`` and ``4 * WIDTH`` bits."""
    left, right = _syllable_pair(150, seed)
    chosen = _rows(align(left, right))
    original = align_split.split_rows
    for width in (WIDTH, WIDTH // 8, 3 * WIDTH // 2, 4 * WIDTH):

        def fixed(lefts, rights, width=width, **given):
            return original(lefts, rights, width, **given)

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(align_views, "split_rows", fixed)
            beads = align(left, right)
        assert _rows(beads) == chosen


_WORDS = st.sampled_from(
    ["the", "die", "Regierung", "gouvernement", "2024", "Kyiv", "Київ", "a", "Merkel", "12,5"]
)
_TEXTS = st.lists(st.lists(_WORDS, min_size=1, max_size=7).map(" ".join), min_size=2, max_size=9)


@settings(max_examples=40, deadline=None)
@given(left=_TEXTS, right=_TEXTS, data=st.data())
def test_memoised_bead_values_are_the_computed_ones(left, right, data) -> None:
    """``similarity``, ``evidence`` and ``length_cost`` asked twice, and ``evidence`` again
    after ``localize`` moved the chance levels, equal a fresh computation."""
    n, m = len(left), len(right)
    params = AlignParams()
    scorer = BeadScorer(left, right, [left, left[::-1]], [right, right[::-1]], params)
    i, j = data.draw(st.integers(0, n - 1)), data.draw(st.integers(0, m - 1))
    a, b = data.draw(st.integers(1, n - i)), data.draw(st.integers(1, m - j))
    for _ in range(2):
        assert scorer.similarity(i, a, j, b) == scorer._similarity(i, a, j, b)
        assert scorer.evidence(i, a, j, b) == scorer._evidence_of(i, a, j, b)
        assert scorer.length_cost(i, a, j, b) == scorer._length_cost(i, a, j, b)
    before = list(scorer.chance[0])
    scorer.localize(coarse_path(scorer, n, m, params, []), n, m)
    assert scorer.evidence(i, a, j, b) == scorer._evidence_of(i, a, j, b)
    if scorer.chance[0] != before:
        assert scorer._evidence  # refilled from the new levels, not the old memo
