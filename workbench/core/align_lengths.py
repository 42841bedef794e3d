"""Length costs a no-MT call's word-table passes take from its earlier passes.

Why: without MT a call aligns the same two documents three times (the direct
comparison, then two word-table passes).  A cell's Gale-Church length cost
depends only on the sentence lengths and the expected ratio, which every pass
of a call shares, and each pass's DP bands lie mostly where the previous
passes' did: the word-table passes recomputed about 90,000 costs on Text+Berg
(``math.erfc`` and ``math.log`` per cell, ``align_gains.length_costs``) that
the first pass had already computed.  Here each pass reads them back by
position; only cells no earlier pass asked for are computed.  The values are
the computed floats themselves, so every gain, and the alignment, is unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from workbench.core.align_gains import length_costs

if TYPE_CHECKING:
    from workbench.core.align_scoring import BeadScorer

Shape = tuple[int, int]
Cells = tuple[np.ndarray, np.ndarray, np.ndarray]  # rows, columns, costs
Band = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # lo, hi, base, costs (nan: none)


class LengthMemo:
    """The length costs a call has computed, per bead shape, readable from the next pass on.

    ``costs`` records what it computes; ``passed_on`` (between two passes) makes
    everything recorded so far readable.  A scorer with another expected ratio
    or length variance (``align_ratio``'s second alignment) is answered afresh.
    """

    def __init__(self, ratio: float, variance: float) -> None:
        self.key = (ratio, variance)
        self._cells: dict[Shape, list[Cells]] = {}
        self._bands: dict[Shape, Band] = {}

    def costs(self, scorer: BeadScorer, i: np.ndarray, a: int, j: np.ndarray, b: int):
        """``align_gains.length_costs(scorer, i, a, j, b)``, earlier passes' cells read back."""
        if (scorer.ratio, scorer.params.length_variance) != self.key:
            return length_costs(scorer, i, a, j, b)
        band = self._bands.get((a, b))
        if band is None:
            values = length_costs(scorer, i, a, j, b)
            self._cells.setdefault((a, b), []).append((i, j, values))
            return values
        values = _read(band, i, j)
        miss = np.isnan(values)
        if miss.any():
            found = length_costs(scorer, i[miss], a, j[miss], b)
            values[miss] = found
            self._cells.setdefault((a, b), []).append((i[miss], j[miss], found))
        return values

    def passed_on(self) -> None:
        """Every cost computed so far becomes readable (a pass has ended)."""
        for shape, parts in self._cells.items():
            if len(parts) > 1:
                parts[:] = [tuple(np.concatenate(x) for x in zip(*parts, strict=True))]
            self._bands[shape] = _band(*parts[0])


def _band(i: np.ndarray, j: np.ndarray, values: np.ndarray) -> Band:
    """Cells as a band: per row its first and last column, the costs row after row."""
    rows = int(i.max(initial=-1)) + 1
    lo = np.full(rows, np.iinfo(np.int64).max, np.int64)
    hi = np.full(rows, -1, np.int64)
    np.minimum.at(lo, i, j)
    np.maximum.at(hi, i, j)
    base = np.zeros(rows + 1, np.int64)
    np.cumsum(np.maximum(hi - lo + 1, 0), out=base[1:])
    costs = np.full(int(base[-1]), np.nan)
    costs[base[i] + j - lo[i]] = values
    return lo, hi, base, costs


def _read(band: Band, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """The band's cost of each cell ``(i, j)``; ``nan`` where the band has none."""
    lo, hi, base, costs = band
    if not len(lo):
        return np.full(len(i), np.nan)
    row = np.minimum(i, len(lo) - 1)
    inside = (i < len(lo)) & (j >= lo[row]) & (j <= hi[row])
    out = np.full(len(i), np.nan)
    out[inside] = costs[base[row[inside]] + j[inside] - lo[row[inside]]]
    return out
