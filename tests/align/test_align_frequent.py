"""Round 7: n-grams found in a large share of a long document's sentences are left out.

Why: such n-grams ("es", "le ") are as near a sentence's partner as far
from it, so they only add noise to coverage (an IDF-like cut,
``align_views.frequent_ids``).  Short documents (story pairs) keep every
n-gram: there a name in a third of the sentences is the story's topic.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import workbench.core.align_views as views_module
from tests.align.conftest import make_sentences
from workbench.core.align import AlignParams, align
from workbench.core.align_scoring import BeadScorer
from workbench.core.align_split import split_rows
from workbench.core.align_views import _view, _without, frequent_ids

OFF = replace(AlignParams(), frequent_share=1.0)


def _scorer(left: list[str], right: list[str], params: AlignParams) -> BeadScorer:
    return BeadScorer(left, right, [left], [right], params)


def _coverages(scorer: BeadScorer, n: int, m: int) -> list[float]:
    return [scorer.coverage(0, i, j, 1) for i in range(n) for j in range(m)]


def test_an_id_goes_only_above_the_share_and_from_the_minimum() -> None:
    rows = [np.array([0, 1, 2, 0, 1, 0]), np.array([0, 3, 0])]  # id 0 in 5 of 10 sentences
    assert frequent_ids(rows, 10, 0.3, 0) == {0}
    assert frequent_ids(rows, 10, 0.15, 10) == {0, 1}  # id 1 in 2 of 10
    assert frequent_ids(rows, 10, 0.3, 11) == set()  # a view of 10 sentences is too short
    assert frequent_ids(rows, 10, 0.5, 0) == set()  # 5 of 10 is not above half
    assert frequent_ids(rows, 10, 1.0, 0) == set()  # share 1.0: nothing ever goes


def test_short_documents_keep_every_ngram() -> None:
    count = AlignParams().frequent_min // 2 - 1  # a story pair: under frequent_min together
    left = [f"{s} the" for s in make_sentences(count, seed=5)]
    right = [f"{s} the" for s in make_sentences(count, seed=6)]
    on, off = _scorer(left, right, AlignParams()), _scorer(left, right, OFF)
    assert _coverages(on, 12, 12) == _coverages(off, 12, 12)


def test_long_documents_drop_the_ngram_every_sentence_shares() -> None:
    left = [f"{s} zyxw" for s in make_sentences(60, seed=5)]
    right = [f"{s} zyxw" for s in make_sentences(60, seed=6)]
    on, off = _scorer(left, right, AlignParams()), _scorer(left, right, OFF)
    # the shared word and its n-grams covered part of every unrelated pair; now they do not
    assert max(_coverages(on, 20, 20)) < max(_coverages(off, 20, 20))
    # a sentence still covers itself completely
    same = _scorer(left, left, AlignParams())
    assert all(same.coverage(0, k, k, 1) == pytest.approx(1.0) for k in range(60))


def test_string_profiles_drop_the_same_ngrams(monkeypatch: pytest.MonkeyPatch) -> None:
    """The string path (texts the packed n-grams cannot reproduce) drops the same n-grams."""
    left = [f"{s} zyxw" for s in make_sentences(50, seed=7)]
    right = [f"{s} zyxw" for s in make_sentences(50, seed=8)]
    packed = _coverages(_scorer(left, right, AlignParams()), 50, 50)
    monkeypatch.setattr(views_module, "view_rows", lambda lc, rc, cache=None: None)
    assert _coverages(_scorer(left, right, AlignParams()), 50, 50) == packed


def test_a_long_translation_with_a_filler_word_everywhere_still_aligns() -> None:
    left = make_sentences(80, seed=11)
    right = [f"{s} well" for s in left]  # a filler word in every sentence of one side
    beads = align(left, right)
    assert sum(1 for b in beads if b.left == b.right and len(b.left) == 1) >= 78


def _split_arrays(split) -> list:
    """Everything a split view holds, as plain lists (profiles and rows of both sides)."""
    (profiles, arrays), out = split, []
    for side, rows in zip(profiles, arrays, strict=True):
        bits = [side.bits[k] for k in range(len(side.sizes))]
        absent = [side.absent.ids.tolist(), side.absent.starts.tolist()]
        out += [side.sizes, bits, side.rare, absent, rows.bits.tolist(), rows.whole.tolist()]
        out += [rows.rare.ids.tolist(), rows.rare.ptr.tolist()]
    return out


_IDS = st.lists(st.lists(st.integers(0, 40), max_size=12).map(lambda r: sorted(set(r))),
                min_size=1, max_size=14)  # fmt: skip


def _rows(side: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    ptr = np.cumsum([0] + [len(r) for r in side]).astype(np.int64)
    return np.array([i for r in side for i in r], np.int32), ptr


@settings(max_examples=80, deadline=None)
@given(left=_IDS, right=_IDS, share=st.sampled_from([0.1, 0.3, 0.6, 1.0]),
       width=st.sampled_from([8, 64]))  # fmt: skip
def test_a_view_counted_once_splits_as_counted_twice(left, right, share, width) -> None:
    """Round 35: ``_view`` counts each side's ids once for the frequent cut and the split;
    the split equals the one of rows cut by ``frequent_ids`` and counted again."""
    rows = _rows(left), _rows(right)
    count = len(left) + len(right)
    drop = frequent_ids([ids for ids, _ptr in rows], count, share, 0)
    cut = [_without(side, drop) for side in rows] if drop else rows
    expected = _split_arrays(split_rows(*cut, width))
    original = views_module.split_rows

    def at_width(lefts, rights, present=None):
        return original(lefts, rights, width, present)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(views_module, "view_rows", lambda lc, rc, cache=None: rows)
        patch.setattr(views_module, "split_rows", at_width)
        found = _split_arrays(_view([""] * len(left), [""] * len(right), None, (share, 0)))
    assert found == expected
