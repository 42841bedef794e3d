"""Round 15: a no-MT pass that only teaches the next word table finds no moves.

Why: the move steps (``align_moves.move_steps``: swaps split, sentences peeled,
moves found, extended and settled) cost about a tenth of a word-table pass,
and a pass whose links only teach the next table never returns them.  They
now run once, on the pass whose links are returned, with that pass's scorer.
These tests check that the deferral is the pass's own move steps, that only
the last pass runs them, and that a long translation still reports its move.
"""

from __future__ import annotations

import pytest

import workbench.core.align as align_module
from tests.align.conftest import make_sentences
from tests.align.test_align_generalise import _foreign
from workbench.core.align import AlignParams, align
from workbench.core.align_scoring import BeadScorer


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, object]]:
    """``("pass", moves)`` per ``_align_views`` call and ``("moves", scorer)`` per
    ``move_steps`` call of the next ``align`` calls, in order."""
    seen: list[tuple[str, object]] = []
    views, moves = align_module._align_views, align_module.move_steps

    def spy_views(scorer, *args, **kwargs):
        seen.append(("pass", kwargs.get("moves", True)))
        seen.append(("scorer", scorer))
        return views(scorer, *args, **kwargs)

    def spy_moves(beads, scorer, *args, **kwargs):
        seen.append(("moves", scorer))
        return moves(beads, scorer, *args, **kwargs)

    monkeypatch.setattr(align_module, "_align_views", spy_views)
    monkeypatch.setattr(align_module, "move_steps", spy_moves)
    return seen


def _swapped(count: int, seed: int, a: int, b: int) -> tuple[list[str], list[str]]:
    """A long pair in two "languages" whose right side has sentences ``a`` and ``b`` swapped."""
    english = make_sentences(count, seed=seed)
    foreign = [_foreign(s) for s in english]
    foreign[a], foreign[b] = foreign[b], foreign[a]
    return english, foreign


def test_only_the_last_word_table_pass_finds_moves(calls) -> None:
    english, foreign = _swapped(80, seed=8, a=10, b=60)
    align(english, foreign)
    passes = [flag for kind, flag in calls if kind == "pass"]
    assert passes == [False, False, False]  # the direct pass and two word-table passes
    scorers = [s for kind, s in calls if kind == "scorer"]
    assert [s for kind, s in calls if kind == "moves"] == [scorers[-1]]


def test_a_long_translation_still_reports_its_distant_swap() -> None:
    english, foreign = _swapped(80, seed=8, a=10, b=60)
    beads = align(english, foreign)
    moved = {(b.left, b.right) for b in beads if b.move_to is not None}
    assert ((10,), ()) in moved and ((), (60,)) in moved
    assert ((60,), ()) in moved and ((), (10,)) in moved


def test_one_language_runs_the_moves_in_its_only_pass(calls) -> None:
    english = make_sentences(30, seed=4)
    other = english[:5] + english[20:25] + english[5:20] + english[25:]
    beads = align(english, other)
    # no MT: the word table might follow, so the pass leaves its moves; the table maps
    # words to themselves, so none follows and the moves run on this pass, once
    assert [flag for kind, flag in calls if kind == "pass"] == [False]
    assert [s for kind, s in calls if kind == "moves"] == [
        s for kind, s in calls if kind == "scorer"
    ]
    assert any(b.move_to is not None for b in beads)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_deferred_move_steps_are_the_pass_own(seed: int) -> None:
    """``_align_views(moves=False)`` then ``move_steps`` equals ``_align_views`` with them."""
    english = make_sentences(40, seed=seed)
    foreign = english[:3] + [english[30]] + english[4:30] + [english[3]] + english[31:]
    params = AlignParams()
    out = []
    for moves in (True, False):
        scorer = BeadScorer(english, foreign, [english], [foreign], params)
        beads, _blind = align_module._align_views(
            scorer, english, foreign, params, (frozenset(), frozenset()), moves=moves
        )
        if not moves:
            assert all(b.move_to is None for b in beads)
            beads = align_module.move_steps(beads, scorer, params, (frozenset(), frozenset()))
        out.append(beads)
    assert out[0] == out[1]
    assert any(b.move_to is not None for b in out[0])
