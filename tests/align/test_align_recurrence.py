"""The row-vectorised DP recurrence and the fast text normalisation give the plain results."""

from __future__ import annotations

import re
import unicodedata

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.align_dp import _trace, band_recurrence
from workbench.core.align_dp_coarse import (
    _coarse_back,
    _coarse_backs,
    _coarse_rows,
    _coarse_trace,
)
from workbench.core.align_gains import BandRows
from workbench.core.align_scoring import BEAD_SHAPES, COARSE_SHAPES
from workbench.core.similarity import (
    _char_tables,
    _combining_marks,
    _normalize_joined,
    normalize_all,
    normalize_for_similarity,
)
from workbench.core.translit import transliterate

_NEG = float("-inf")


def _plain_recurrence(lo, hi, shapes, gains) -> list[list[int]]:
    """The scalar loop the aligner used: shapes in order, strict ``>``, -inf sources skipped."""
    base = np.concatenate([[0], np.cumsum(np.asarray(hi) - np.asarray(lo) + 1)])
    scores: list[list[float]] = []
    backs = []
    for i in range(len(lo)):
        row, back = [_NEG] * (hi[i] - lo[i] + 1), [0] * (hi[i] - lo[i] + 1)
        for j in range(lo[i], hi[i] + 1):
            if i == 0 and j == 0:
                row[0] = 0.0
                continue
            best, arg = _NEG, 0
            for s, (a, b) in enumerate(shapes):
                pi, pj = i - a, j - b
                if pi < 0 or not lo[pi] <= pj <= hi[pi]:
                    continue
                prev = (row if a == 0 else scores[pi])[pj - lo[pi]]
                if prev == _NEG:
                    continue
                value = prev + gains[base[pi] + pj - lo[pi]][s]
                if value > best:
                    best, arg = value, s + 1
            row[j - lo[i]], back[j - lo[i]] = best, arg
        scores.append(row)
        backs.append(back)
    return backs


@st.composite
def _bands(draw):
    n, m = draw(st.integers(0, 12)), draw(st.integers(0, 12))
    lo, hi = [0] * (n + 1), [0] * (n + 1)
    for i in range(n + 1):
        a = draw(st.integers(0, m))
        b = draw(st.integers(a, m))
        lo[i], hi[i] = min(a, lo[i - 1] + 2) if i else 0, b
    for i in range(1, n + 1):  # monotonic and connected, as the aligner's bands
        lo[i], hi[i] = max(lo[i], lo[i - 1]), max(hi[i], hi[i - 1], lo[i])
    for i in range(n, 0, -1):
        hi[i - 1] = max(hi[i - 1], lo[i])
    hi[n] = m
    return lo, hi


@settings(max_examples=150, deadline=None)
@given(band=_bands(), shapes=st.sampled_from([BEAD_SHAPES, COARSE_SHAPES]), data=st.data())
def test_band_recurrence_is_the_plain_loop(band, shapes, data) -> None:
    lo, hi = band
    cells = sum(h - low + 1 for low, h in zip(lo, hi, strict=True))
    # few distinct values: ties between shapes are frequent; -inf and NaN gains too
    values = st.sampled_from([0.5, -0.25, 1.0, 0.125, _NEG, float("nan")])
    gains = np.array(
        [[0.0 if a == 0 else data.draw(values) for a, _b in shapes] for _ in range(cells)]
    ).reshape(cells, len(shapes))
    assert band_recurrence(lo, hi, shapes, gains) == _plain_recurrence(lo, hi, shapes, gains)


def _plain_coarse(lo, hi, ones) -> tuple[list[list[float]], list[list[int]]]:
    """The coarse DP's first cell-by-cell loop: 1-1, 1-0, 0-1 in order, strict ``>``."""
    scores, backs = [], []
    for i in range(len(lo)):
        low, high = lo[i], hi[i]
        row, back = [_NEG] * (high - low + 1), [0] * (high - low + 1)
        for j in range(low, high + 1):
            best, arg = _NEG, 0
            if i:
                above, a_lo, a_hi = scores[i - 1], lo[i - 1], hi[i - 1]
                if a_lo < j <= a_hi + 1 and above[j - 1 - a_lo] != _NEG:
                    best, arg = above[j - 1 - a_lo] + ones[i - 1][j - 1 - a_lo], 1
                if a_lo <= j <= a_hi and above[j - a_lo] != _NEG and above[j - a_lo] > best:
                    best, arg = above[j - a_lo] + 0.0, 2
            elif j == 0:
                row[0] = 0.0
                continue
            if j > low and row[j - 1 - low] != _NEG and row[j - 1 - low] > best:
                best, arg = row[j - 1 - low] + 0.0, 3
            row[j - low], back[j - low] = best, arg
        scores.append(row)
        backs.append(back)
    return scores, backs


@settings(max_examples=150, deadline=None)
@given(band=_bands(), data=st.data(), kept=st.integers(0, 13))
def test_coarse_rows_are_the_plain_loop(band, data, kept) -> None:
    lo, hi = band
    values = st.sampled_from([0.5, -0.25, 1.0, 0.125, -0.0, _NEG, float("nan")])
    ones = [[data.draw(values) for _ in range(h - low + 1)] for low, h in zip(lo, hi, strict=True)]
    plain_scores, plain_backs = _plain_coarse(lo, hi, ones)
    scores = [np.array(row) for row in plain_scores[: min(kept, len(lo))]]
    _coarse_rows(len(lo) - 1, lo, hi, ones, scores)  # from a kept prefix on
    assert [list(map(repr, map(float, row))) for row in scores] == [
        list(map(repr, r)) for r in plain_scores
    ]
    # round 17: the pointers are worked out from the scores, not stored
    backs = [[_coarse_back(scores, ones, lo, i, j) for j in range(lo[i], hi[i] + 1)]
             for i in range(len(lo))]  # fmt: skip
    assert backs == plain_backs


@settings(max_examples=150, deadline=None)
@given(band=_bands(), data=st.data(), as_rows=st.booleans())
def test_coarse_backs_at_once_are_the_step_by_step_ones(band, data, as_rows) -> None:
    # round 31: every cell's pointer from whole arrays, NaN, +-inf and ties included
    lo, hi = band
    values = st.sampled_from([0.5, -0.25, 1.0, 0.0, -0.0, _NEG, float("inf"), float("nan")])
    ones = [[data.draw(values) for _ in range(h - low + 1)] for low, h in zip(lo, hi, strict=True)]
    scores: list = []
    _coarse_rows(len(lo) - 1, lo, hi, ones, scores)
    given_ones = BandRows.of_lists(ones[:-1]) if as_rows else ones
    base, backs = _coarse_backs(scores, given_ones, lo)
    with np.errstate(invalid="ignore"):  # -inf + inf in the scalar sums
        stepped = [_coarse_back(scores, ones, lo, i, j) for i in range(len(lo))
                   for j in range(lo[i], hi[i] + 1)]  # fmt: skip
    assert backs == stepped
    assert base[: len(lo)] == [sum(h - low + 1 for low, h in zip(lo[:i], hi[:i], strict=True))
                               for i in range(len(lo))]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(band=_bands(), data=st.data())
def test_coarse_rows_of_finite_gains_take_the_running_maximum(band, data) -> None:
    # round 17: rows without NaN or +inf take numpy's running maximum, not the loop; many ties
    lo, hi = band
    values = st.sampled_from([0.5, -0.25, 0.25, 0.0, -0.0, _NEG])
    ones = [[data.draw(values) for _ in range(h - low + 1)] for low, h in zip(lo, hi, strict=True)]
    plain_scores, plain_backs = _plain_coarse(lo, hi, ones)
    scores: list = []
    _coarse_rows(len(lo) - 1, lo, hi, ones, scores)
    assert [list(map(repr, map(float, row))) for row in scores] == [
        list(map(repr, r)) for r in plain_scores
    ]
    backs = [[_coarse_back(scores, ones, lo, i, j) for j in range(lo[i], hi[i] + 1)]
             for i in range(len(lo))]  # fmt: skip
    assert backs == plain_backs
    stored = [bytearray(b) for b in plain_backs]
    end = (len(lo) - 1, hi[-1])  # every cell is reached: the walk never leaves the band
    assert _coarse_trace(scores, ones, lo, end) == _trace(stored, lo, end, COARSE_SHAPES, None)


@settings(max_examples=300, deadline=None)
@given(text=st.text(st.characters(codec="utf-8"), max_size=40) | st.sampled_from(
    ["Київ, 12.5%!", "Ἀθῆναι — «ἡ πόλις»", "Straße_1 ...über", "a\u00a0b\u2003c", "Ё ё ӑ"]
))
def test_normalisation_is_the_plain_formula(text: str) -> None:
    plain = transliterate(text).casefold()
    if not plain.isascii():
        plain = unicodedata.normalize("NFKD", plain).translate(_combining_marks())
    plain = re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", plain)).strip()
    assert normalize_for_similarity(text) == plain


_ODD = ["Київ, 12.5%!", "Ἀθῆναι — «ἡ πόλις»", "Straße_1 ...über", "a\u00a0b\u2003c", "Ё ё ӑ", "",
        " .,", "e\u0301te\u0301", "\ufb01ne \u2460", "a\u3400b", "\U00030000x", "x\ud800y"]


@settings(max_examples=100, deadline=None)
@given(texts=st.lists(st.text(st.characters(codec="utf-8"), max_size=12) | st.sampled_from(_ODD)))
def test_texts_normalised_together_are_normalised_alone(texts: list[str]) -> None:
    alone = [normalize_for_similarity(t) for t in texts]
    assert _normalize_joined(texts) == alone
    assert normalize_all(texts * 40) == alone * 40  # 40 copies: the joined path runs


def test_char_tables_hold_every_code_point_as_defined() -> None:
    """Every code point below the tables' end: a word character exactly when ``\\w`` matches
    it alone, a combining mark exactly when ``unicodedata.combining`` says so."""
    combining, word = _char_tables()
    every = [chr(c) for c in range(len(word))]
    assert word.tolist() == [re.fullmatch(r"\w", ch) is not None for ch in every]
    assert combining.tolist() == [unicodedata.combining(ch) != 0 for ch in every]
