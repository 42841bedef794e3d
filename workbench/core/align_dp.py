"""Banded monotonic dynamic programming for the sentence aligner.

Why two passes: a 1-1/skip pass in a band around the length-proportional
diagonal (bent through high-confidence anchors, doubled until the path stays
inside it) finds where the path runs; the full bead set is then searched only a
few cells around that path.  Time and memory are thus linear in document length
for similar-length documents.  Paths are plain tuples ``(i, a, j, b, similarity)``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from workbench.core.align_dp_coarse import _coarse_rows, _coarse_trace
from workbench.core.align_gains import band_table, one_to_one_rows, row_chunks
from workbench.core.align_scoring import AlignParams, BeadScorer
from workbench.core.align_views import prefetch_similarities

Path = list[tuple[int, int, int, int, float]]

_NEG = float("-inf")


def banded_dp(
    n: int,
    lo: list[int],
    hi: list[int],
    shapes: Sequence[tuple[int, int]],
    scorer: BeadScorer,
) -> Path:
    """Best monotonic path from (0,0) to (n, hi[n]) inside the band, as bead tuples.

    Returns (i, a, j, b, similarity) for each bead, in order.  The gains of
    every cell come as one array from ``align_gains.band_table``.
    """
    backs = band_recurrence(lo, hi, shapes, band_table(scorer, lo, hi, shapes))
    path = _trace(backs, lo, (n, hi[n]), shapes, None)
    # the path's 1-1 links scored at once (same floats), the rest one bead at a time
    prefetch_similarities(scorer, [(i, j) for i, a, j, b, _s in path if a == b == 1])
    return [(i, a, j, b, scorer.similarity(i, a, j, b) if a and b else 0.0)
            for i, a, j, b, _s in path]  # fmt: skip


def band_recurrence(lo, hi, shapes: Sequence[tuple[int, int]], gains: np.ndarray) -> list:
    """Back pointers (shape index + 1, 0: none) of the best path to every band cell, per row.

    The recurrence is the scalar one: a cell's score is the best of
    ``score(source) + gain(source, shape)`` over the shapes in order, the first
    shape reaching the best value wins, and ``-inf`` sources are skipped.
    Why rows at once: one Python step per (cell, shape) was a fifth of the
    aligner's time.  Every cell of a row takes its candidates from rows above
    with numpy (same additions, same floats); the one shape inside the row,
    the skip ``(0, 1)`` of gain 0.0, makes a row's scores the running maximum
    of its other candidates, after which each cell's winner is the first
    shape equal to its score.  ``gains``: ``(cells, shapes)``, cells row by
    row (``band_table``).
    """
    inside = [s for s, (a, _b) in enumerate(shapes) if a == 0]
    if any(shapes[s] != (0, 1) for s in inside):
        raise ValueError("only the skip (0, 1) may stay in a row")
    skip = inside[0] if inside else -1
    lo_a, hi_a = np.asarray(lo, np.int64), np.asarray(hi, np.int64)
    base = np.zeros(len(lo) + 1, np.int64)
    np.cumsum(hi_a - lo_a + 1, out=base[1:])
    total = int(base[-1])
    scores = np.full(total + 1, _NEG)  # the last cell: "no source"
    gains = np.where(np.isnan(gains), _NEG, gains)  # a NaN gain never wins, as -inf
    backs: list = []
    for r0, r1 in row_chunks((hi_a - lo_a + 1).tolist()):
        source, gain = _sources(lo_a, hi_a, base, (r0, r1), shapes, gains)
        at0 = int(base[r0])
        bounds = (base[r0 : r1 + 1] - at0).tolist()
        inner = np.ones(len(gain), bool)  # cells after the first of their row
        inner[bounds[:-1]] = False
        if skip >= 0 and gain[inner, skip].any():
            raise ValueError("a skip inside a row must gain 0.0")
        _chunk_scores(scores, source, gain, (at0, bounds, r0 == 0 and lo[0] == 0), skip)
        backs += _chunk_backs(scores, source, gain, (at0, bounds, inner), skip)
        if r0 == 0 and lo[0] == 0:
            backs[0][0] = 0  # the start cell
    return backs


def _chunk_scores(scores: np.ndarray, source, gain, rows: tuple, skip: int) -> None:
    """The scores of a chunk's cells, row by row (``band_recurrence``), written into ``scores``.

    Why only the scores here (round 29): a row needs the rows above final,
    but not their back pointers; each row is its candidates' maximum, then
    (with the skip) the running maximum along the row, four numpy calls.
    Why the ufunc's own ``reduce`` and ``out=`` (round 40): ``ndarray.max`` goes
    through numpy's Python wrapper, and the running maximum written straight
    into ``scores`` saves a copy; the same maxima (callgrind: ~4 % of the rows).
    """
    at0, bounds, start = rows
    reduce, running = np.maximum.reduce, np.maximum.accumulate
    for k in range(len(bounds) - 1):
        c0, c1 = bounds[k], bounds[k + 1]
        values = scores.take(source[c0:c1])
        values += gain[c0:c1]
        best = reduce(values, 1)
        if k == 0 and start:
            best[0] = 0.0  # the start cell
        if skip >= 0:
            running(best, out=scores[at0 + c0 : at0 + c1])
        else:
            scores[at0 + c0 : at0 + c1] = best


def _chunk_backs(scores: np.ndarray, source, gain, rows: tuple, skip: int) -> list[list[int]]:
    """Back pointers of a chunk's cells, from their final scores, one list per row.

    Every candidate is the row-by-row one (same additions, same floats): the
    skip's comes from the cell before in the row (its final score plus its
    gain, the row's first cell having none); the winner is the first shape
    equal to the cell's score; a cell at ``-inf`` has none.  Why once per
    chunk (round 29): a row at a time these were two thirds of the recurrence.
    """
    at0, bounds, inner = rows
    best = scores[at0 : at0 + bounds[-1]]
    values = scores.take(source) + gain
    if skip >= 0:
        values[inner, skip] = best[:-1][inner[1:]] + gain[inner, skip]
    back = (values == best[:, None]).argmax(axis=1) + 1
    back[best == _NEG] = 0
    flat = back.tolist()
    return [flat[bounds[k] : bounds[k + 1]] for k in range(len(bounds) - 1)]


def _sources(lo, hi, base, rows: tuple[int, int], shapes, gains) -> tuple[np.ndarray, np.ndarray]:
    """Per cell of rows ``r0..r1-1`` and shape: the source cell (``-1``: none) and its gain.

    The shape staying in the row gets no source here (its source is not final yet).
    """
    r0, r1 = rows
    widths = hi[r0:r1] - lo[r0:r1] + 1
    row = np.repeat(np.arange(r0, r1), widths)
    j = np.arange(base[r0], base[r1]) + lo[row] - base[row]
    a = np.array([s[0] for s in shapes], np.int64)
    b = np.array([s[1] for s in shapes], np.int64)
    from_row = row[:, None] - a
    ok = (from_row >= 0) & (a > 0)
    from_row = np.where(ok, from_row, 0)
    pj = j[:, None] - b
    ok &= (pj >= lo[from_row]) & (pj <= hi[from_row])
    source = np.where(ok, base[from_row] + pj - lo[from_row], -1)
    gain = np.where(ok, gains[np.where(ok, source, 0), np.arange(len(shapes))], 0.0)
    for s in (s for s, (x, _y) in enumerate(shapes) if x == 0):
        # the skip's gain from the cell before in the row (the caller reads it)
        gain[:, s] = gains[np.maximum(np.arange(base[r0], base[r1]) - 1, 0), s]
    return source, gain


def _trace(backs, lo: list[int], end: tuple[int, int], shapes, similarity) -> Path:
    """The best path read back from the back pointers of a banded DP.

    Why one function: the coarse and the fine pass store back pointers the same
    way (shape index + 1, row offset by the band's low edge); only the fine pass
    scores its beads (``similarity``), the coarse path carries 0.0.
    """
    path: Path = []
    i, j = end
    while i > 0 or j > 0:
        a, b = shapes[backs[i][j - lo[i]] - 1]
        score = similarity(i - a, a, j - b, b) if similarity and a and b else 0.0
        path.append((i - a, a, j - b, b, score))
        i, j = i - a, j - b
    path.reverse()
    return path


def _centre_band(
    n: int, m: int, anchors: list[tuple[int, int]], widths: list[int]
) -> tuple[list[int], list[int]]:
    """Band of ``widths[i]`` around the line through the anchors (diagonal without any).

    Row ``i`` is centred on the segment between consecutive points (the anchors
    between ``(0, 0)`` and ``(n, m)``) that starts last at or before it, which
    is the one a segment-by-segment loop writes last.  Why with numpy (round
    29): a Python step per row, three times per pass.  The same float
    operations as that loop (an exact integer product, one true division, one
    addition; ``rint`` rounds halves to even, as ``round``), so the same cells.
    """
    points = np.array([(0, 0), *anchors, (n, m)], np.int64)
    i0, j0 = points[:-1, 0], points[:-1, 1]
    i1, j1 = points[1:, 0], points[1:, 1]
    rows = np.arange(n + 1)
    seg = np.searchsorted(i0, rows, "right") - 1
    a0, b0, a1, b1 = i0[seg], j0[seg], i1[seg], j1[seg]
    flat = a1 <= a0  # a segment of one row: its end
    step = (b1 - b0) * (rows - a0) / np.where(flat, 1, a1 - a0)
    centre = np.where(flat, b1, np.rint(b0 + step)).astype(np.int64)
    width = np.asarray(widths, np.int64)
    lo = np.maximum(centre - width, 0)
    hi = np.minimum(centre + width, m)
    lo[0], hi[n] = 0, m
    lo = np.maximum.accumulate(lo)  # monotonic
    hi = np.maximum.accumulate(hi)
    hi[:-1] = np.maximum(hi[:-1], lo[1:])  # connected: a row reaches where the next one starts
    return lo.tolist(), hi.tolist()


def _touching_rows(path: Path, lo: list[int], hi: list[int], m: int) -> list[int]:
    """Rows where the path runs within 2 cells of a band edge that is not the document's."""
    return [
        i
        for i, _a, j, _b, _s in path
        if (lo[i] > 0 and j - lo[i] < 2) or (hi[i] < m and hi[i] - j < 2)
    ]


def coarse_path(
    scorer: BeadScorer, n: int, m: int, params: AlignParams, anchors: list[tuple[int, int]]
) -> Path:
    """1-1/skip path around the anchor line; the band doubles where the path touches it.

    Only rows near a touch are widened (a long insertion is local), so one
    difficult passage no longer makes the whole document's band four times wider.
    """
    widths = [params.band] * (n + 1)
    limit = max(n, m)
    known = None
    scores: list[list[float]] = []
    while True:
        lo, hi = _centre_band(n, m, anchors, widths)
        ones = one_to_one_rows(scorer, lo, hi, known)  # a wider band only adds cells
        if known is not None:  # rows above the first changed one keep their DP rows
            del scores[_same_rows(known, lo, hi) :]
        _coarse_rows(n, lo, hi, ones, scores)
        path = _coarse_trace(scores, ones, lo, (n, hi[n]))
        known = (lo, hi, ones)
        touching = [i for i in _touching_rows(path, lo, hi, m) if widths[i] < limit]
        if not touching:
            return path
        grown = list(widths)
        for i in touching:
            reach = 2 * widths[i]
            for k in range(max(0, i - reach), min(n, i + reach) + 1):
                grown[k] = max(grown[k], min(limit, 2 * widths[i]))
        widths = grown


def _same_rows(known: tuple, lo: list[int], hi: list[int]) -> int:
    """How many leading DP rows have the same band (and so the same 1-1 gains) as before.

    Row ``i`` of the coarse DP reads its own band and the band, scores and
    gains of row ``i - 1``: every row above the first changed one is unchanged.
    """
    for i, (a, b, c, d) in enumerate(zip(known[0], known[1], lo, hi, strict=True)):
        if a != c or b != d:
            return i
    return len(lo)


def refined_band(path, n: int, m: int, width: int) -> tuple[list[int], list[int]]:
    """Band of ``width`` cells around a coarse path (rows it crosses included).

    Why with numpy (round 29): a Python step per row and cell; the same integers.
    """
    cells = np.array([(0, 0)] + [(i + a, j + b) for i, a, j, b, _ in path], np.int64)
    jmin = np.full(n + 1, m, np.int64)
    jmax = np.zeros(n + 1, np.int64)
    np.minimum.at(jmin, cells[:, 0], cells[:, 1])
    np.maximum.at(jmax, cells[:, 0], cells[:, 1])
    low, high = jmin.copy(), jmax.copy()  # over the row and its neighbours
    np.minimum(low[1:], jmin[:-1], out=low[1:])
    np.minimum(low[:-1], jmin[1:], out=low[:-1])
    np.maximum(high[1:], jmax[:-1], out=high[1:])
    np.maximum(high[:-1], jmax[1:], out=high[:-1])
    lo = np.maximum(low - width, 0)
    hi = np.minimum(high + width, m)
    lo[0], hi[n] = 0, m
    return lo.tolist(), hi.tolist()
