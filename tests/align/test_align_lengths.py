"""Length costs read back from earlier passes are the computed ones, and change no alignment."""

from __future__ import annotations

import random

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import workbench.core.align as aligner
import workbench.core.align_lengths as lengths
from workbench.core.align import align
from workbench.core.align_gains import length_costs
from workbench.core.align_lengths import LengthMemo
from workbench.core.align_scoring import AlignParams, BeadScorer

_TEXTS = st.lists(st.text("ab cdé.", min_size=1, max_size=40), min_size=1, max_size=12)
_SHAPES = st.sampled_from([(1, 1), (1, 2), (2, 1), (2, 2), (1, 4), (3, 2)])


def _cells(data, scorer: BeadScorer, shape) -> tuple[np.ndarray, np.ndarray]:
    (n, m), (a, b) = scorer.counts, shape
    if n < a or m < b:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    cell = st.tuples(st.integers(0, n - a), st.integers(0, m - b))
    cells = data.draw(st.lists(cell, max_size=30))
    return np.array([c[0] for c in cells], np.int64), np.array([c[1] for c in cells], np.int64)


@settings(max_examples=60, deadline=None)
@given(left=_TEXTS, right=_TEXTS, data=st.data())
def test_memo_costs_are_the_computed_costs_pass_after_pass(left, right, data) -> None:
    """Whatever cells each pass asks (repeated, new, any shape), the memo answers with
    ``length_costs``' floats, and a cell an earlier pass asked is not computed again."""
    scorer = BeadScorer(left, right, [left], [right], AlignParams())
    memo = LengthMemo(scorer.ratio, scorer.params.length_variance)
    asked: set[tuple[int, int, int, int]] = set()
    for _pass in range(3):
        seen = set(asked)
        computed: list[tuple[int, int, int, int]] = []
        original = lengths.length_costs

        def counting(s, i, a, j, b, original=original, computed=computed):
            computed.extend((int(x), a, int(y), b) for x, y in zip(i, j, strict=True))
            return original(s, i, a, j, b)

        lengths.length_costs = counting
        try:
            for _query in range(data.draw(st.integers(1, 4))):
                shape = data.draw(_SHAPES)
                i, j = _cells(data, scorer, shape)
                got = memo.costs(scorer, i, shape[0], j, shape[1])
                assert got.tolist() == length_costs(scorer, i, shape[0], j, shape[1]).tolist()
                a, b = shape
                asked.update((int(x), a, int(y), b) for x, y in zip(i, j, strict=True))
        finally:
            lengths.length_costs = original
        assert not seen & set(computed)  # read back, never recomputed
        memo.passed_on()


def test_another_ratio_is_answered_afresh() -> None:
    left, right = ["Ein kurzer Satz.", "Noch einer hier."], ["Une phrase.", "Encore une autre ici."]
    scorer = BeadScorer(left, right, [left], [right], AlignParams())
    memo = LengthMemo(scorer.ratio * 2, scorer.params.length_variance)
    i, j = np.array([0, 1]), np.array([0, 1])
    memo.costs(scorer, i, 1, j, 1)
    memo.passed_on()
    assert memo.costs(scorer, i, 1, j, 1).tolist() == length_costs(scorer, i, 1, j, 1).tolist()


class _Plain(LengthMemo):
    """A memo that never reads back: every cost computed, as without the memo."""

    def passed_on(self) -> None:
        pass


_DE = "Regierung Haus Wasser Stadt Jahr Kinder Schule Arbeit Geld Zeit Land Frau Mann Welt".split()
_FR = "gouvernement maison eau ville année enfants école travail argent temps pays femme homme"
_FR += " monde"


def test_word_table_passes_align_the_same_with_and_without_the_memo(monkeypatch) -> None:
    """A two-language pair without MT (its word-table passes run): identical beads."""
    rng = random.Random(3)
    de, fr = [], []
    for _k in range(40):
        words = [rng.randrange(len(_DE)) for _ in range(rng.randint(4, 9))]
        number = rng.randint(10, 999)
        de.append(" ".join(_DE[w] for w in words) + f" {number}.")
        fr.append(" ".join(_FR.split()[w] for w in words) + f" {number}.")
    del fr[25]  # a sentence the other side lacks
    served = []
    real = lengths._read

    def reading(band, i, j):
        out = real(band, i, j)
        served.append(int((~np.isnan(out)).sum()))
        return out

    monkeypatch.setattr(lengths, "_read", reading)
    with_memo = align(de, fr)
    assert sum(served) > 1000  # the word-table passes read costs back
    monkeypatch.setattr(aligner, "LengthMemo", _Plain)
    assert align(de, fr) == with_memo
