"""The coarse pass of the banded aligner: 1-1/skip rows over a wide band, and their trace.

Why its own module: the coarse pass has its own recurrence (three shapes, rows kept between
band growths, numpy rows read as lists only on the path), and with round 29's row-at-once
slices ``align_dp`` grew past the project's module size; ``align_dp.coarse_path`` drives it.
"""

from __future__ import annotations

from itertools import accumulate, chain

import numpy as np

from workbench.core.align_gains import BandRows, one_to_one_rows
from workbench.core.align_scoring import COARSE_SHAPES, BeadScorer

Path = list[tuple[int, int, int, int, float]]

_NEG = float("-inf")


def coarse_dp(n: int, lo: list[int], hi: list[int], scorer: BeadScorer, ones=None) -> Path:
    """``banded_dp`` for the 1-1/skip shapes only, without similarities on the path.

    Why a second DP: the coarse pass runs over a band several times wider than
    the fine one, and repeatedly while the band grows, so the generic loop
    over shapes dominated the aligner's time.  Same recurrence, same order of
    candidates (1-1, 1-0, 0-1) and same strict comparisons, hence the same
    path; only the positions of the path are used, so its similarity is 0.
    """
    if ones is None:  # per row: 1-1 gains of its cells
        ones = one_to_one_rows(scorer, lo, hi)
    scores: list[list[float]] = []
    _coarse_rows(n, lo, hi, ones, scores)
    return _coarse_trace(scores, ones, lo, (n, hi[n]))


def _coarse_rows(n: int, lo, hi, ones, scores: list) -> None:
    """Rows ``len(scores)..n`` of the coarse DP's scores (arrays), appended to ``scores``.

    Why from a given row: when the band grows, the rows above the first one
    whose band changed keep their scores (a row depends only on the rows above
    it), so ``coarse_path`` passes them on.  Why no back pointers (round 17):
    a cell's pointer follows from its scores and its row above's, so
    ``_coarse_trace`` works out the few hundred the path reads instead of the DP
    storing one per cell.  Rows whose gains or first row above hold a NaN or
    ``+inf`` (never seen; property-tested) take the loop of ``_loop_row``.
    """
    first = len(scores)
    if first == 0:  # the start cell, then skips along the row (none reached without (0, 0))
        scores.append(np.full(hi[0] - lo[0] + 1, 0.0 if lo[0] == 0 else _NEG))
        first = 1
    if first > n:
        return
    # the gains of the rows to come as one array (a view per row), checked once
    if isinstance(ones, BandRows):  # already one array (align_gains.one_to_one_rows)
        flat = ones.flat[ones.at[first - 1] : ones.at[n]]
        at = (ones.at[first - 1 : n + 1] - ones.at[first - 1]).tolist()
    else:
        flat = np.fromiter(chain.from_iterable(ones[first - 1 : n]), np.float64)
        at = [0, *accumulate(len(g) for g in ones[first - 1 : n])]
    both = np.concatenate([flat, scores[first - 1]])
    plain = bool(np.isnan(both).any() or np.isposinf(both).any())
    if not plain:
        _running_rows(scores, (flat, at), lo, hi, (first, n))
        return
    for i in range(first, n + 1):
        above, a_lo = scores[i - 1], lo[i - 1]
        padded = _aligned(above.tolist(), a_lo, lo[i] - 1, hi[i], _NEG)
        gains = flat[at[i - first] : at[i - first + 1]].tolist()
        scores.append(np.array(_loop_row(padded, _aligned(gains, a_lo + 1, lo[i], hi[i], 0.0))))


def _running_rows(scores: list, gains: tuple, lo, hi, rows: tuple[int, int]) -> None:
    """Rows ``first..n`` from row ``first - 1`` on (``gains``: ``(flat, row starts)`` of the
    1-1 gains of rows ``first - 1..n - 1``), appended to ``scores``.

    Candidates in order, strict comparisons: 1-1 from ``(i-1, j-1)``, 1-0 from
    ``(i-1, j)``, 0-1 from ``(i, j-1)``.  A cell's score is the running
    maximum along the row of ``max(1-1, 1-0)``, taken with numpy a row at a
    time (round 17; the loop per cell was 6 % of a no-MT call): where the loop
    kept one of two equal candidates, the maximum is the same float (no score
    is ever ``-0.0``: each is a sum starting at row 0's ``0.0``); a ``-inf``
    source plus a finite or ``-inf`` gain stays ``-inf``, as the loop's skip of
    it.  Only the back pointers tell equal candidates apart (``_coarse_back``).
    Why every row's slices first (round 29): worked out one row at a time, the
    Python arithmetic around the four numpy calls cost as much as they did.
    Why no ``-inf`` fill where the 1-1 candidate spans the row (round 40): it
    writes every cell before the 1-0 maximum reads them, so the fill only
    wrote cells about to be overwritten (a numpy call per row saved).
    """
    (flat, at), (first, n) = gains, rows
    i = np.arange(first, n + 1)
    lo_a, hi_a = np.asarray(lo, np.int64), np.asarray(hi, np.int64)
    a_lo, a_hi, low, high = lo_a[i - 1], hi_a[i - 1], lo_a[i], hi_a[i]
    j0, j1 = np.maximum(low, a_lo + 1), np.minimum(high, a_hi + 1)  # 1-1: above[j - 1] + gain
    k0, k1 = np.maximum(low, a_lo), np.minimum(high, a_hi)  # 1-0: above[j]
    g0 = np.asarray(at[:-1], np.int64)  # each row's gains in flat
    # the 1-1 candidate over the whole row (the usual row) writes every cell: no -inf fill
    whole = (j0 <= j1) & (j0 == low) & (j1 == high)
    spec = np.stack([
        high - low + 1, j0 <= j1, j0 - 1 - a_lo, j1 - a_lo, g0 + j0 - 1 - a_lo, g0 + j1 - a_lo,
        j0 - low, j1 - low + 1, k0 <= k1, k0 - low, k1 - low + 1, k0 - a_lo, k1 - a_lo + 1, whole,
    ], 1).tolist()  # fmt: skip
    above = scores[first - 1]
    # one buffer for the new rows (each row a view) and one scratch row refilled with -inf:
    # ``np.full`` per row was a Python call around two C calls (round 31); the running
    # maximum goes from the scratch into the buffer, never in place (numpy copies that)
    widths = high - low + 1
    starts = np.zeros(len(widths) + 1, np.int64)
    np.cumsum(widths, out=starts[1:])
    rows = np.empty(int(starts[-1]), np.float64)
    scratch = np.empty(int(widths.max(initial=0)), np.float64)
    ends = starts.tolist()
    for r, (width, one, a0, a1, f0, f1, c0, c1, down, d0, d1, e0, e1, whole) in enumerate(spec):
        cand = scratch[:width]
        if not whole:
            cand.fill(_NEG)
        if one:
            np.add(above[a0:a1], flat[f0:f1], out=cand[c0:c1])
        if down:
            part = cand[d0:d1]
            np.maximum(part, above[e0:e1], out=part)
        above = np.maximum.accumulate(cand, out=rows[ends[r] : ends[r + 1]])
        scores.append(above)


def _loop_row(padded: list[float], gain: list[float]) -> list[float]:
    """A row cell by cell, as ``_coarse_back`` compares (``padded``: the row above over
    columns ``low - 1..high``; ``gain``: the 1-1 gains over ``low..high``)."""
    row: list[float] = []
    keep = row.append
    left = _NEG
    for p1, g1, p2 in zip(padded, gain, padded[1:], strict=False):
        best = p1 + g1 if p1 != _NEG else _NEG
        if p2 > best:
            best = p2
        if left > best:
            best = left
        keep(best)
        left = best
    return row


def _coarse_back(scores: list, ones: list, lo: list[int], i: int, j: int) -> int:
    """Cell ``(i, j)``'s back pointer as the DP's strict comparisons give it (1: 1-1,
    2: 1-0, 3: 0-1, 0: none), from its row's scores and the row above's."""
    left = scores[i][j - 1 - lo[i]] if j > lo[i] else _NEG
    if i == 0:
        return 3 if left != _NEG and left > _NEG else 0
    above, a_lo = scores[i - 1], lo[i - 1]
    a_hi = a_lo + len(above) - 1
    best, arg = _NEG, 0
    if a_lo <= j - 1 <= a_hi and above[j - 1 - a_lo] != _NEG:
        best, arg = above[j - 1 - a_lo] + ones[i - 1][j - 1 - a_lo], 1
    if a_lo <= j <= a_hi and above[j - a_lo] > best:
        best, arg = above[j - a_lo], 2
    return 3 if left > best else arg


def _coarse_trace(scores: list, ones: list, lo: list[int], end: tuple[int, int]) -> Path:
    """The coarse DP's path read back from its scores, as ``_trace`` reads stored
    pointers: the same bead tuples, similarity 0.0.

    Why every cell's pointer at once (round 31): a step at a time (``_coarse_back``)
    each read converted its rows to lists, 5,911 steps and 4,212 row conversions in a
    Text+Berg no-MT call; ``_coarse_backs`` works out the band's pointers with a few
    numpy calls over all cells (the same comparisons), and the walk reads a list.
    Every cell of an aligner's band is reached (skips connect it), so the walk
    stays inside it; one leaving it is an error, not an endless walk.
    """
    found = _coarse_backs(scores, ones, lo)
    if found is None:  # gain rows that do not match the score rows: one cell at a time
        return _stepped_trace(scores, ones, lo, end)
    base, backs = found
    path: Path = []
    i, j = end
    while i > 0 or j > 0:
        if j < lo[i]:
            raise ValueError(f"coarse path left the band at row {i}")
        a, b = COARSE_SHAPES[backs[base[i] + j - lo[i]] - 1]
        path.append((i - a, a, j - b, b, 0.0))
        i, j = i - a, j - b
    path.reverse()
    return path


def _coarse_backs(scores: list, ones, lo: list[int]) -> tuple[list[int], list[int]] | None:
    """Every band cell's back pointer (``_coarse_back``'s), row after row, with each row's
    first cell; ``None`` when a row of ``ones`` is not as wide as its score row.

    ``_coarse_back``'s comparisons on whole arrays: the 1-1 candidate where the row
    above holds column ``j - 1`` at a score other than ``-inf`` (its sum with the gain,
    any float), the 1-0 one where it holds ``j`` and beats that strictly, and the skip
    along the row where it beats the best strictly; NaN compares false both ways.
    """
    widths = np.fromiter(map(len, scores), np.int64, len(scores))
    n = len(scores) - 1
    if isinstance(ones, BandRows):
        gain_widths = np.diff(ones.at[: n + 1])
        flat = ones.flat[ones.at[0] : ones.at[n]] if n else np.zeros(0)
    else:
        gain_widths = np.fromiter(map(len, ones[:n]), np.int64, n)
        flat = np.fromiter(chain.from_iterable(ones[:n]), np.float64)
    if len(gain_widths) < n or not np.array_equal(gain_widths, widths[:n]):
        return None
    base = np.zeros(n + 2, np.int64)
    np.cumsum(widths, out=base[1:])
    total = int(base[-1])
    score = np.concatenate([np.asarray(row, np.float64) for row in scores] + [[_NEG]])
    row = np.repeat(np.arange(n + 1), widths)
    low = np.asarray(lo[: n + 1], np.int64)
    offset = np.arange(total) - base[row]  # j - lo[i]
    left = np.where(offset > 0, score[np.arange(total) - 1], _NEG)
    above = np.maximum(row - 1, 0)
    a_off = offset + low[row] - low[above]  # j - lo[i - 1]
    inside = row > 0
    one = inside & (a_off >= 1) & (a_off - 1 < widths[above])
    down = inside & (a_off >= 0) & (a_off < widths[above])
    at_one = np.where(one, base[above] + a_off - 1, total)  # total: the -inf padding
    from_one = score[at_one]
    one &= from_one != _NEG
    with np.errstate(invalid="ignore"):
        best = np.where(one, from_one + flat[np.where(one, at_one, 0)] if len(flat) else 0, _NEG)
    back = np.where(one, 1, 0)
    from_down = score[np.where(down, base[above] + a_off, total)]
    down &= from_down > best
    best = np.where(down, from_down, best)
    back = np.where(down, 2, back)
    back = np.where(left > best, 3, back)
    return base.tolist(), back.tolist()


def _stepped_trace(scores: list, ones: list, lo: list[int], end: tuple[int, int]) -> Path:
    """``_coarse_trace`` one ``_coarse_back`` per step (rows given in another layout)."""
    if isinstance(ones, BandRows):  # the few rows the path reads, as lists (a float each)
        ones = _ListedRows(ones)
    path: Path = []
    i, j = end
    while i > 0 or j > 0:
        if j < lo[i]:
            raise ValueError(f"coarse path left the band at row {i}")
        a, b = COARSE_SHAPES[_coarse_back(scores, ones, lo, i, j) - 1]
        path.append((i - a, a, j - b, b, 0.0))
        i, j = i - a, j - b
    path.reverse()
    return path


class _ListedRows(dict):
    """``BandRows`` read as lists, each row converted when first read (``_coarse_trace``)."""

    def __init__(self, rows: BandRows) -> None:
        super().__init__()
        self.rows = rows

    def __missing__(self, r: int) -> list[float]:
        row = self[r] = self.rows[r].tolist()
        return row


def _aligned(values: list, first: int, low: int, high: int, fill) -> list:
    """``values[k]`` placed at column ``first + k``, read over columns ``low..high``."""
    start, stop = max(low, first), min(high, first + len(values) - 1)
    if start > stop:
        return [fill] * (high - low + 1)
    inside = values[start - first : stop - first + 1]
    return [fill] * (start - low) + inside + [fill] * (high - stop)
