"""Chance coverage per sentence for ``BeadScorer``: what far-away sentences share by chance.

Why a module: a sentence's coverage by a sentence it is not aligned with is
what common n-grams give anyway, so only coverage above that level counts as
evidence (``BeadScorer.gain``).  Here the first estimate, from a few far-away
sentences of the other side, and how a block of 2-4 sentences grows it;
``BeadScorer.localize`` later averages in the coverage by sentences near the
coarse path.
"""

from __future__ import annotations

from workbench.core.align_kept_views import kept_levels
from workbench.core.align_scorer_state import ScorerState
from workbench.core.align_views import block_coverages, coverages, far_starts


def calibrate(
    scorer: ScorerState, n: int, m: int, max_side: int
) -> tuple[list[list[float]], list[dict[int, float]]]:
    """Chance coverage of every sentence, and how it grows with the block size.

    Each sentence is compared with a few far-away sentences of the other
    side: what it shares with them is chance (common n-grams), so only
    coverage above that level counts as evidence.  ``max_side``: the largest
    block a bead holds on one side.  Returns ``(chance, growth)`` per side.  A page pair's
    levels come back from ``align_kept_views`` when the ratio's second run asks.
    """
    reads = (n, m, max_side, scorer.params.default_chance)
    return kept_levels(scorer.split_views, reads, lambda: _calibrate(scorer, n, m, max_side))


def _calibrate(
    scorer: ScorerState, n: int, m: int, max_side: int
) -> tuple[list[list[float]], list[dict[int, float]]]:
    """``calibrate``, measured."""
    chance: list[list[float]] = [[], []]
    growth: list[dict[int, float]] = [{1: 1.0}, {1: 1.0}]
    for side, (count, other) in enumerate(((n, m), (m, n))):
        if not other:
            chance[side] = [0.0] * count
            continue
        for values in coverages(scorer, side, far_starts(count, other)):
            level = sum(values) / len(values) if values else scorer.params.default_chance
            chance[side].append(level)
        for size in range(2, max_side + 1):
            if other < size or not count:
                continue
            ks = [(t * 7919) % count for t in range(min(count, 60))]
            starts = [(int(k * other / count + other / 2) + t * 31) % (other - size + 1)
                      for t, k in enumerate(ks)]  # fmt: skip
            # (coverage by the block, by its first sentence), counted in one numpy pass
            ratios = block_coverages(scorer, side, ks, starts, size)
            mean_single = sum(r[1] for r in ratios) or 1e-9
            grown = sum(r[0] for r in ratios) / mean_single
            # a bigger block never covers less: keep short documents' noisy samples monotonic
            growth[side][size] = max(grown, growth[side][size - 1])
    return chance, growth
