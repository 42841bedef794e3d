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

from workbench.core.align_gains import band_table, one_to_one_band, row_chunks
from workbench.core.align_scoring import COARSE_SHAPES, AlignParams, BeadScorer

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
    return _trace(backs, lo, (n, hi[n]), shapes, scorer.similarity)


def coarse_dp(n: int, lo: list[int], hi: list[int], scorer: BeadScorer, ones=None) -> Path:
    """``banded_dp`` for the 1-1/skip shapes only, without similarities on the path.

    Why a second DP: the coarse pass runs over a band several times wider than
    the fine one, and repeatedly while the band grows, so the generic loop
    over shapes dominated the aligner's time.  Same recurrence, same order of
    candidates (1-1, 1-0, 0-1) and same strict comparisons, hence the same
    path; only the positions of the path are used, so its similarity is 0.
    """
    if ones is None:  # per row: 1-1 gains of its cells
        ones = one_to_one_band(scorer, lo, hi)
    scores: list[list[float]] = []
    backs: list[bytearray] = []
    _coarse_rows(n, lo, hi, ones, scores, backs)
    return _trace(backs, lo, (n, hi[n]), COARSE_SHAPES, None)


def _coarse_rows(n: int, lo, hi, ones, scores: list, backs: list) -> None:
    """Rows ``len(scores)..n`` of the coarse DP, appended to ``scores`` and ``backs``.

    Why from a given row: when the band grows, the rows above the first one
    whose band changed keep their scores and back pointers (a row depends only
    on the rows above it), so ``coarse_path`` passes them on.
    """
    for i in range(len(scores), n + 1):
        if i == 0:
            row, back = _first_row(lo[0], hi[0])
        else:
            row, back = _next_row(scores[i - 1], (lo[i - 1], hi[i - 1]), ones[i - 1], lo[i], hi[i])
        scores.append(row)
        backs.append(back)


def _first_row(low: int, high: int) -> tuple[list[float], bytearray]:
    """Row 0: the start cell, then skips (0-1) along the row."""
    row = [_NEG] * (high - low + 1)
    back = bytearray(high - low + 1)
    for j in range(low, high + 1):
        best, arg = _NEG, 0
        if j == 0:
            row[0] = 0.0
            continue
        if j > low:  # 0-1 from (i, j-1)
            prev = row[j - 1 - low]
            if prev != _NEG and prev + 0.0 > best:
                best, arg = prev + 0.0, 3
        row[j - low] = best
        back[j - low] = arg
    return row, back


def _next_row(above, band, gains, low: int, high: int) -> tuple[list[float], bytearray]:
    """Row ``i`` from row ``i - 1`` (``above`` over ``band``, its 1-1 ``gains``).

    Candidates in order, strict comparisons: 1-1 from ``(i-1, j-1)``, 1-0 from
    ``(i-1, j)``, 0-1 from ``(i, j-1)``.  Why the padded columns: each cell's
    two sources above are read from lists laid out along the row (``-inf``
    where the row above has no such cell), so the loop holds no bounds tests.
    The skips gain 0.0 and a ``-inf`` source never beats anything, so they are
    compared as they are (``x + 0.0`` differs from ``x`` only in a zero's sign,
    which no comparison sees; only the back pointers leave this DP).
    """
    a_lo, a_hi = band
    one = _aligned(above, a_lo + 1, low, high, _NEG)  # above[j - 1], its gain
    gain = _aligned(gains, a_lo + 1, low, high, 0.0)
    down = _aligned(above, a_lo, low, high, _NEG)  # above[j]
    row: list[float] = []
    back = bytearray()
    keep, point = row.append, back.append
    left = _NEG
    for p1, g1, p2 in zip(one, gain, down, strict=True):
        if p1 != _NEG:
            best, arg = p1 + g1, 1
        else:
            best, arg = _NEG, 0
        if p2 > best:
            best, arg = p2, 2
        if left > best:
            best, arg = left, 3
        keep(best)
        point(arg)
        left = best
    return row, back


def _aligned(values: list, first: int, low: int, high: int, fill) -> list:
    """``values[k]`` placed at column ``first + k``, read over columns ``low..high``."""
    start, stop = max(low, first), min(high, first + len(values) - 1)
    if start > stop:
        return [fill] * (high - low + 1)
    inside = values[start - first : stop - first + 1]
    return [fill] * (start - low) + inside + [fill] * (high - stop)


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
    backs = []
    for r0, r1 in row_chunks((hi_a - lo_a + 1).tolist()):
        source, gain = _sources(lo_a, hi_a, base, (r0, r1), shapes, gains)
        at0 = int(base[r0])
        for i in range(r0, r1):
            c0, c1 = int(base[i]) - at0, int(base[i + 1]) - at0
            values = scores[source[c0:c1]] + gain[c0:c1]
            best = values.max(axis=1)
            if i == 0 and lo[0] == 0:
                best[0] = 0.0  # the start cell
            if skip >= 0:
                skips = gain[c0 + 1 : c1, skip]
                if skips.any():
                    raise ValueError("a skip inside a row must gain 0.0")
                best = np.maximum.accumulate(best)
                values[1:, skip] = best[:-1] + skips
            back = (values == best[:, None]).argmax(axis=1) + 1
            back[best == _NEG] = 0
            if i == 0 and lo[0] == 0:
                back[0] = 0
            scores[base[i] : base[i + 1]] = best
            backs.append(back.tolist())
    return backs


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
    """Band of ``widths[i]`` around the line through the anchors (diagonal without any)."""
    points = [(0, 0), *anchors, (n, m)]
    centre = [0] * (n + 1)
    for (i0, j0), (i1, j1) in zip(points, points[1:], strict=False):
        for i in range(i0, i1 + 1):
            centre[i] = round(j0 + (j1 - j0) * (i - i0) / (i1 - i0)) if i1 > i0 else j1
    lo = [max(0, c - w) for c, w in zip(centre, widths, strict=True)]
    hi = [min(m, c + w) for c, w in zip(centre, widths, strict=True)]
    lo[0], hi[n] = 0, m
    for i in range(1, n + 1):  # monotonic
        lo[i] = max(lo[i], lo[i - 1])
        hi[i] = max(hi[i], hi[i - 1])
    for i in range(n, 0, -1):  # connected: a row reaches where the next one starts
        hi[i - 1] = max(hi[i - 1], lo[i])
    return lo, hi


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
    backs: list[bytearray] = []
    while True:
        lo, hi = _centre_band(n, m, anchors, widths)
        ones = one_to_one_band(scorer, lo, hi, known)  # a wider band only adds cells
        if known is not None:  # rows above the first changed one keep their DP rows
            same = _same_rows(known, lo, hi)
            del scores[same:], backs[same:]
        _coarse_rows(n, lo, hi, ones, scores, backs)
        path = _trace(backs, lo, (n, hi[n]), COARSE_SHAPES, None)
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
    """Band of ``width`` cells around a coarse path (rows it crosses included)."""
    jmin = [m] * (n + 1)
    jmax = [0] * (n + 1)
    cells = [(0, 0)] + [(i + a, j + b) for i, a, j, b, _ in path]
    for i, j in cells:
        jmin[i], jmax[i] = min(jmin[i], j), max(jmax[i], j)
    lo = [0] * (n + 1)
    hi = [0] * (n + 1)
    for i in range(n + 1):
        near = range(max(0, i - 1), min(n, i + 1) + 1)
        lo[i] = max(0, min(jmin[k] for k in near) - width)
        hi[i] = min(m, max(jmax[k] for k in near) + width)
    lo[0], hi[n] = 0, m
    return lo, hi
