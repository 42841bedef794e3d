"""Move detection's batched gains pick exactly what the one-pair-at-a-time rules picked.

``detect_moves`` and ``peel_for_moves`` take the move gains of all their pairs
in one numpy pass (``BeadScorer.move_gains``); these properties hold them to
the scalar definition: the weaker of the two coverages above chance
(``BeadScorer.pair_coverages``), compared and maximised in Python.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.align_moves import _gaining_pairs
from workbench.core.align_peel import _candidate_gains, _peel_candidates
from workbench.core.align_repair import Bead
from workbench.core.align_scoring import AlignParams, BeadScorer

_WORDS = st.sampled_from(
    ["the", "mayor", "said", "Kyiv", "2024", "council", "new", "bridge", "opened", "a", "x_y"]
)
_TEXTS = st.lists(st.lists(_WORDS, min_size=1, max_size=8).map(" ".join), min_size=2, max_size=7)


def _scalar_gain(scorer: BeadScorer, i: int, j: int) -> float:
    left_cover, right_cover = scorer.pair_coverages(i, j)
    return min(left_cover - scorer.chance[0][i], right_cover - scorer.chance[1][j])


def _singles(count: int, side: int) -> list[Bead]:
    return [Bead((k,), (), 0.0, "1-0") if side == 0 else Bead((), (k,), 0.0, "0-1")
            for k in range(count)]  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(left=_TEXTS, right=_TEXTS, views=st.sampled_from([1, 2]), floor=st.sampled_from([-1, 0.2]))
def test_gaining_pairs_are_the_scalar_filter(left, right, views, floor) -> None:
    scorer = BeadScorer(left, right, [left] * views, [right] * views, AlignParams())
    beads = _singles(len(left), 0) + _singles(len(right), 1)
    lefts = list(range(len(left)))
    rights = list(range(len(left), len(beads)))
    expected = [
        (d, k) for d in lefts for k in rights
        if not _scalar_gain(scorer, beads[d].left[0], beads[k].right[0]) < floor and d != k
    ]  # fmt: skip
    assert _gaining_pairs(beads, lefts, rights, scorer, floor) == expected


@settings(max_examples=40, deadline=None)
@given(left=_TEXTS, right=_TEXTS, views=st.sampled_from([1, 2]))
def test_candidate_gains_are_the_best_scalar_gain(left, right, views) -> None:
    scorer = BeadScorer(left, right, [left] * views, [right] * views, AlignParams())
    glued = Bead(tuple(range(len(left) - 1)), (0, 1), 0.0, "")  # a many-sided link
    orphans = ([j for j in range(2, len(right))], [len(left) - 1])
    plan = _peel_candidates(glued, orphans, scorer)
    gains = _candidate_gains([[], plan, plan], orphans, scorer)
    assert len(gains) == 2 * len(plan)
    for (side, k, _core), gain in zip(plan + plan, gains, strict=True):
        others = orphans[side]
        pairs = [(k, u) if side == 0 else (u, k) for u in others]
        assert gain == max(_scalar_gain(scorer, i, j) for i, j in pairs)
