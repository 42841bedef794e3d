"""How many band gains are negative, and how many a cheap upper bound proves negative.

    .venv/bin/python benchmarks/align_bounds.py

Why (round 31, speed31): in a monotonic, connected band a bead whose gain is
negative never wins its end cell (the skips around it reach that cell at the
start cell's score, and a candidate must beat the best strictly), so a gain
only matters exactly where it may be positive.  A bound that proves a cell
negative without counting its n-gram overlaps would let the aligner skip it.
This prints, for the Text+Berg dev document without MT (one warm call), the
share of negative gains per bead shape in the fine band, and for the coarse
band's 1-1 cells the share proven negative by two bounds: every overlap at
the smaller sentence's size, and the frequent n-grams' overlap exact (the bit
rows) with only the rare ones bounded.  Each bound is asserted never below
the exact gain.  Needs ``../shared/data/textberg-dev``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_scale  # noqa: E402

from workbench.core import align_gains  # noqa: E402
from workbench.core.align import align  # noqa: E402
from workbench.core.align_split import popcount  # noqa: E402

_EPS = 1e-6  # below -_EPS: negative beyond any rounding of a path score


def _bound(scorer, i: np.ndarray, j: np.ndarray, exact_bits: bool) -> np.ndarray:
    """An upper bound of each 1-1 gain ``(i, j)`` that counts no rare n-gram."""
    p = scorer.params
    covers = [np.zeros(len(i)), np.zeros(len(i))]
    for mine, other in scorer.split_views:
        sizes = mine.whole[i], other.whole[j]
        if exact_bits:
            bits = popcount(mine.bits.take(i, 0) & other.bits.take(j, 0)).astype(np.float64)
            rare = np.minimum(np.diff(mine.rare.ptr)[i], np.diff(other.rare.ptr)[j])
            inter = bits + rare
        else:
            inter = np.minimum(*sizes)
        for side in (0, 1):
            covers[side] += np.where(sizes[side] > 0, inter / np.maximum(sizes[side], 1), 0.0)
    bound = np.zeros(len(i))
    for side, k in ((0, i), (1, j)):
        cover = covers[side] / len(scorer.views) - scorer.chances[side][k] * scorer.growth[side][1]
        bonus = np.where(cover > p.link_evidence, p.link_bonus, 0.0)
        bound += scorer.weight_arrays[side][k] * (cover - p.margin + bonus)
    both = (scorer.anchor_sizes[0][i, 0] > 0) & (scorer.anchor_sizes[1][j, 0] > 0)
    bound += np.where(both, p.anchor_weight * max(1, scorer.pin_weight), 0.0)
    return bound - p.length_weight * align_gains.length_costs(scorer, i, 1, j, 1)


def main() -> None:
    rows = [r for r in align_scale._textberg() if r[1] == "TB none"]
    if not rows:
        print("needs ../shared/data/textberg-dev")
        return
    _section, _label, left, right, _gold, kwargs = rows[0]
    load = os.getloadavg()[0]
    print(f"load average {load:.1f}; Text+Berg dev, no MT, {len(left)} x {len(right)}")
    shapes: dict[tuple[int, int], list[int]] = {}
    coarse = np.zeros(4, np.int64)  # cells, negative, proven by sizes, proven with bits
    chunk_gains, one_to_one = align_gains._chunk_gains, align_gains._one_to_one

    def counted_chunk(scorer, lo, hi, rows, bead_shapes):
        out = chunk_gains(scorer, lo, hi, rows, bead_shapes)
        for s, (a, b) in enumerate(bead_shapes):
            if a and b:
                column = out[:, s][np.isfinite(out[:, s])]
                seen = shapes.setdefault((a, b), [0, 0])
                seen[0] += len(column)
                seen[1] += int((column < -_EPS).sum())
        return out

    def counted_ones(scorer, wlo, whi):
        base, value, counts = one_to_one(scorer, wlo, whi)
        i, j = align_gains._pairs(base, wlo)
        coarse[0] += len(value)
        coarse[1] += int((value < -_EPS).sum())
        for at, exact_bits in ((2, False), (3, True)):
            bound = _bound(scorer, i, j, exact_bits)
            assert (bound >= value - 1e-9).all(), "a bound below the exact gain"
            coarse[at] += int((bound < -_EPS).sum())
        return base, value, counts

    align_gains._chunk_gains, align_gains._one_to_one = counted_chunk, counted_ones
    try:
        align_scale._cold()
        align(left, right, **kwargs)
    finally:
        align_gains._chunk_gains, align_gains._one_to_one = chunk_gains, one_to_one
    print("fine band, two-sided shapes: (cell, shape) gains read, negative")
    for (a, b), (count, negative) in sorted(shapes.items()):
        print(f"  {a}-{b}: {count:6d}  {negative / max(1, count):6.1%}")
    cells = max(1, int(coarse[0]))
    print(f"coarse band 1-1 cells {coarse[0]}: negative {coarse[1] / cells:.1%}; proven negative"
          f" by sizes {coarse[2] / cells:.1%}, with the bit rows exact {coarse[3] / cells:.1%}")


if __name__ == "__main__":
    main()
