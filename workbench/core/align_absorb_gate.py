"""Whether an orphan may join a link that grows less similar by taking it (round 41, beadsb41).

Why: ``absorb_orphans`` joins an unmatched sentence to a neighbouring link on any of three
tests, and the Gale-Church one (lengths fit better) asks nothing of the words.  On the dev
pairs the absorptions that turned a right bead (a DP merge or a 1-1) into a wrong one lowered
the link's similarity (median -.01), the ones that made a wrong link right raised it (median
+.01): a sentence that belongs to a link adds words its other side shares.  ``drop`` is how far
the grown link's similarity may fall below the link's own; ``inf`` keeps the step as it was
(``AlignParams.absorb_sim_drop``; ``benchmarks/align_absorb_study.py``, docs/align.md).
"""

from __future__ import annotations

import math
from typing import Protocol


class _Scorer(Protocol):
    def similarity(self, i: int, a: int, j: int, b: int) -> float: ...


def keeps_similarity(orphan: tuple[tuple[int, ...], tuple[int, ...]],
                     link: tuple[tuple[int, ...], tuple[int, ...]],
                     scorer: _Scorer, drop: float) -> bool:  # fmt: skip
    """True unless joining ``orphan`` (left, right) to ``link`` lowers its similarity by more
    than ``drop``; a join that would not be contiguous is left to the step's own tests."""
    if math.isinf(drop):
        return True
    left = sorted(link[0] + orphan[0])
    right = sorted(link[1] + orphan[1])
    if left[-1] - left[0] >= len(left) or right[-1] - right[0] >= len(right):
        return True
    grown = scorer.similarity(left[0], len(left), right[0], len(right))
    own = scorer.similarity(link[0][0], len(link[0]), link[1][0], len(link[1]))
    return grown >= own - drop
