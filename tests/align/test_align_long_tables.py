"""Round 6: a no-MT word table relearnt, and linked on a lower margin, only in long documents.

Why these rules are gated: a story pair offers 4-8 confident links, from
which a relearnt table is noise (it undid right links of batches 5 and 6),
while a long translation offers dozens.  The tests check both sides of the
gate through ``align`` itself: which passes run and with which margin.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

import workbench.core.align as align_module
from tests.align.conftest import make_sentences
from tests.align.test_align_generalise import _foreign
from workbench.core.align import AlignParams, align


@pytest.fixture
def passes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, float]]:
    """Each word-table pass of the next ``align`` calls: (links it learnt from, its margin)."""
    seen: list[tuple[int, float]] = []
    learn, scorer = align_module.learn_lexicon, align_module.BeadScorer
    learnt: list[int] = []

    def spy_learn(left, right, pairs, **kwargs):
        pairs = list(pairs)
        learnt.append(len(pairs))
        return learn(left, right, pairs, **kwargs)

    def spy_scorer(left, right, views_left, views_right, params, **kwargs):
        if len(views_left) == 2 and views_left[1] is left and learnt:  # a glossed pass
            seen.append((learnt[-1], params.margin))
        return scorer(left, right, views_left, views_right, params, **kwargs)

    monkeypatch.setattr(align_module, "learn_lexicon", spy_learn)
    monkeypatch.setattr(align_module, "BeadScorer", spy_scorer)
    return seen


def _pair(count: int, seed: int) -> tuple[list[str], list[str]]:
    english = make_sentences(count, seed=seed)
    return english, [_foreign(s) for s in english]


def test_long_translation_relearns_its_table_and_links_on_the_lower_margin(passes) -> None:
    english, foreign = _pair(80, seed=8)
    params = AlignParams()
    beads = align(english, foreign, params=params)
    assert len(passes) == 2  # first table, then one relearnt from the second pass's links
    assert all(links >= params.lexicon_min_pairs for links, _ in passes)
    assert all(margin == params.lexicon_margin for _, margin in passes)
    assert sum(1 for b in beads if b.left and b.right) >= 75


def test_short_pair_keeps_one_table_and_the_general_margin(passes) -> None:
    english, foreign = _pair(12, seed=3)
    params = AlignParams()
    align(english, foreign, params=params)
    assert len(passes) <= 1
    assert all(links < params.lexicon_min_pairs for links, _ in passes)
    assert all(margin == params.margin for _, margin in passes)


def test_short_pairs_align_as_without_the_long_document_rules() -> None:
    """Story-sized pairs (12 sentences) give the same beads with or without both rules."""
    for seed in (1, 2, 3):
        english, foreign = _pair(12, seed=seed)
        shipped = align(english, foreign)
        plain = align(
            english, foreign,
            params=replace(AlignParams(), lexicon_passes=1, lexicon_margin=AlignParams().margin),
        )  # fmt: skip
        assert [(b.left, b.right) for b in shipped] == [(b.left, b.right) for b in plain]
