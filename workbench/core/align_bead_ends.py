"""Which beads of a fine band the DP can read: those whose end cell the band holds.

Why: ``align_dp.band_recurrence`` reaches a cell ``(i, j)`` from ``(i - a, j - b)``
for each shape ``(a, b)``, so the gain of a bead starting at ``(i, j)`` is read
only when its end ``(i + a, j + b)`` lies in the band (``lo[i + a] <= j + b <=
hi[i + a]``).  Near the band's edges a bead of 2-4 sentences on one side ends
outside it: on the Text+Berg dev document a fifth of the fine band's
(cell, shape) gains were computed and never read, with the block unions of the
sentences only they hold.  Here, per shape, the columns of each row whose
bead ends inside the band (an interval: each row of the band is one), and per
sentence the other side's starts its terms are read at, so ``align_gains``
counts and assembles only those.  Exact: every gain the recurrence reads is
computed as before (counts per pair do not depend on the window asked); the
others stay ``-inf``, which it never reads.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

Columns = tuple[np.ndarray, np.ndarray]  # per row of a chunk: first and last column (or none)
_FAR = 1 << 40


def read_columns(lo: np.ndarray, hi: np.ndarray, rows: tuple[int, int], n: int,
                 shape: tuple[int, int]) -> Columns:  # fmt: skip
    """Per row ``r0..r1-1``: the first and last column whose bead of ``shape`` ends inside
    the band (first > last: none).  ``lo``/``hi``: the band's rows ``0..n``."""
    a, b = shape
    at = np.arange(*rows)
    end = np.minimum(at + a, n)
    first = np.maximum(lo[at], lo[end] - b)
    last = np.minimum(hi[at], hi[end] - b)
    return first, np.where(at + a <= n, last, first - 1)


def left_windows(
    columns: Sequence[Columns | None],
    shapes: Sequence[tuple[int, int]],
    rows: tuple[int, int],
    n: int,
    depth: int,
) -> tuple[int, np.ndarray, np.ndarray]:
    """Left sentences ``k`` of the chunk's read beads and, per sentence, the first and last
    column where such a bead holding it starts (first > last: none).

    ``columns``: ``read_columns`` per shape (``None`` for a shape with an empty side).
    """
    r0, r1 = rows
    count = max(0, min(n, r1 - 1 + depth) - r0)
    wlo = np.full(count, _FAR, np.int64)
    whi = np.full(count, -1, np.int64)
    for (a, _b), found in zip(shapes, columns, strict=True):
        if found is None:
            continue
        first, last = found
        some = np.nonzero(first <= last)[0]
        for u in range(a):  # the bead of row r0 + t holds sentence r0 + t + u
            at = some + u
            wlo[at] = np.minimum(wlo[at], first[some])
            whi[at] = np.maximum(whi[at], last[some])
    return r0, np.minimum(wlo, whi), whi


def right_windows(columns: Sequence[Columns | None], shapes: Sequence[tuple[int, int]],
                  rows: tuple[int, int]) -> tuple[int, np.ndarray, np.ndarray]:  # fmt: skip
    """Right sentences of the chunk's read beads and, per sentence, rows where such a bead
    holding it may start (a window holding every one).

    Why a window by running extremes: a row's beads hold right sentences
    ``first..last + b - 1``; the first row whose running maximum of ``last + b - 1``
    reaches sentence ``p`` and the last row whose minimum of ``first`` over it and
    the rows after it is at most ``p`` bound every row holding ``p``.
    """
    r0, r1 = rows
    low = np.full(r1 - r0, _FAR, np.int64)
    high = np.full(r1 - r0, -1, np.int64)
    for (_a, b), found in zip(shapes, columns, strict=True):
        if found is None:
            continue
        first, last = found
        some = first <= last
        low = np.where(some, np.minimum(low, first), low)
        high = np.where(some, np.maximum(high, last + b - 1), high)
    if int(high.max(initial=-1)) < 0:
        return r0, np.zeros(0, np.int64), np.zeros(0, np.int64)
    top = np.maximum.accumulate(high)
    bottom = np.minimum.accumulate(low[::-1])[::-1]
    start, stop = int(low.min()), int(high.max()) + 1
    ks = np.arange(start, stop)
    wlo = r0 + np.searchsorted(top, ks, "left")
    whi = r0 + np.searchsorted(bottom, ks, "right") - 1
    return start, wlo, np.maximum(whi, wlo - 1)
