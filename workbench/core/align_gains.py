"""Bead gains for every cell of a DP band, as arrays (the scalar ``BeadScorer.gain``, vectorised).

Why: the fine DP asks each cell of its band for up to 12 bead shapes and the
coarse DP asks a band several times wider for 1-1 links; one Python call per
(cell, shape) was most of the aligner's time.  Here the overlaps of a whole
chunk of rows come from ``align_band.window_counts`` and the gains are
assembled with numpy, operation for operation as ``BeadScorer`` does it
(IEEE double arithmetic in the same order; ``erfc`` and ``log`` through
``math``), so every gain, and hence the path, is the scalar one exactly.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import numpy as np

from workbench.core.align_band import window_counts
from workbench.core.align_bead_ends import left_windows, read_columns, right_windows
from workbench.core.align_split import pair_overlaps, union_overlaps

if TYPE_CHECKING:
    from workbench.core.align_scoring import BeadScorer

DEPTH = 4  # largest bead side (align_scoring.MAX_SIDE)
_CELLS = 4096  # band cells per chunk of rows
_NEG = float("-inf")
_SQRT2 = math.sqrt(2.0)


def length_costs(scorer: BeadScorer, i, a: int, j, b: int) -> np.ndarray:
    """``scorer.length_cost(i, a, j, b)`` for arrays of ``i`` and ``j``."""
    ll = scorer.prefix[0][i + a] - scorer.prefix[0][i]
    rl = scorer.prefix[1][j + b] - scorer.prefix[1][j]
    expected = ll * scorer.ratio
    delta = (rl - expected) / np.sqrt(expected * scorer.params.length_variance)
    x = np.abs(delta) / _SQRT2
    if len(x) and float(x.max()) < _ERFC_SAFE:  # erfc >= 1e-300: the clamp is a no-op
        # math.erfc and math.log, not numpy: the scalar path's exact rounding; chained, so
        # the tails never become an array (same floats, one conversion less)
        return -np.fromiter(map(math.log, map(math.erfc, x.tolist())), np.float64, len(x))
    tail = np.fromiter(map(math.erfc, x.tolist()), np.float64, len(delta))
    return -np.fromiter(map(math.log, np.maximum(tail, 1e-300).tolist()), np.float64, len(tail))


def _lengths(scorer: BeadScorer, i, a: int, j, b: int) -> np.ndarray:
    """``length_costs``, through the call's ``align_lengths.LengthMemo`` when it has one."""
    memo = getattr(scorer, "length_memo", None)
    return length_costs(scorer, i, a, j, b) if memo is None else memo.costs(scorer, i, a, j, b)


#: below this argument ``math.erfc`` stays above the scalar path's clamp of 1e-300
#: (erfc(26) is about 5.7e-296; the clamp starts near 26.2)
_ERFC_SAFE = 26.0


def one_to_one_band(
    scorer: BeadScorer, lo: Sequence[int], hi: Sequence[int], known: tuple | None = None
) -> list[list[float]]:
    """``one_to_one_rows`` as lists, one per row (``known``: ``(lo, hi, rows as lists)``)."""
    if known is not None:
        known = (known[0], known[1], BandRows.of_lists(known[2]))
    return one_to_one_rows(scorer, lo, hi, known).lists()


class BandRows:
    """Per row ``i < n``: the 1-1 gains of cells ``lo[i]..hi[i]``, all rows in one array.

    Why not a list per row (rounds 16-28): the coarse DP reads each row as an
    array (``align_dp_coarse._coarse_rows``), so the gains went from an array to
    Python lists and back to an array on every pass of a growing band, about
    a tenth of the coarse pass.  ``rows[r]`` is row ``r`` (a view); the floats
    are the same either way.
    """

    __slots__ = ("at", "flat")

    def __init__(self, flat: np.ndarray, at: np.ndarray) -> None:
        self.flat, self.at = flat, at

    @classmethod
    def of_lists(cls, rows: Sequence[Sequence[float]]) -> BandRows:
        at = np.zeros(len(rows) + 1, np.int64)
        np.cumsum([len(r) for r in rows], out=at[1:])
        flat = np.fromiter((g for r in rows for g in r), np.float64, int(at[-1]))
        return cls(flat, at)

    def __len__(self) -> int:
        return len(self.at) - 1

    def __getitem__(self, r: int) -> np.ndarray:
        return self.flat[self.at[r] : self.at[r + 1]]

    def lists(self) -> list[list[float]]:
        flat, at = self.flat.tolist(), self.at.tolist()
        return [flat[at[r] : at[r + 1]] for r in range(len(at) - 1)]


def one_to_one_rows(
    scorer: BeadScorer, lo: Sequence[int], hi: Sequence[int], known: tuple | None = None
) -> BandRows:
    """Per row ``i < n``: the 1-1 gains of cells ``lo[i]..hi[i]`` (``-inf`` past the end).

    ``known``: ``(lo, hi, rows)`` of a band computed before with the same
    chance levels; only the cells outside it are computed.  Why not only a
    superset: a grown coarse band can also lose cells (``_centre_band`` keeps
    each row reaching where the next starts, so a row before a jump of the
    anchor line narrows when the next row widens), and recomputing the whole
    band then took as long as the first call.  The band's overlap counts are
    kept on the scorer (``BandCounts``) for the chance levels ``localize``
    measures next to the path.
    """
    n, m = scorer.counts
    lo_a, hi_a = np.asarray(lo[:n], np.int64), np.asarray(hi[:n], np.int64)
    whi = np.minimum(hi_a, m - 1)
    at = np.zeros(n + 1, np.int64)
    np.cumsum(hi_a - lo_a + 1, out=at[1:])
    flat = np.full(int(at[-1]), _NEG)
    if known is None:
        base, value, counts = _one_to_one(scorer, lo_a, whi)
        scorer.band_counts = BandCounts(scorer, lo_a, whi, (base, counts))
        _place(flat, at[:-1], base, value)
        return BandRows(flat, at)
    old_lo = np.asarray(known[0][:n], np.int64)
    old_whi = np.minimum(np.asarray(known[1][:n], np.int64), m - 1)
    # per row, the cells both bands hold (none: first > last) and the new ones around them
    first, last = np.maximum(lo_a, old_lo), np.minimum(whi, old_whi)
    none = first > last
    before = _one_to_one(scorer, lo_a, np.where(none, whi, first - 1))
    after = _one_to_one(scorer, np.where(none, whi + 1, last + 1), whi)
    kept = getattr(scorer, "band_counts", None)
    scorer.band_counts = None
    if kept is not None and kept.holds(scorer, old_lo, old_whi):
        inner = kept.part(first, np.where(none, first - 1, last))
        pieces = (
            (lo_a, before[::2]),
            (first, inner),
            (np.where(none, whi + 1, last + 1), after[::2]),
        )
        scorer.band_counts = BandCounts.merged(scorer, lo_a, whi, pieces)
    # each row: its cells before the known ones, the known ones, the cells after, -inf past m
    take = np.where(none, 0, last - first + 1)
    middle = np.zeros(n + 1, np.int64)
    np.cumsum(take, out=middle[1:])
    old = known[2]
    source = np.repeat(old.at[:-1] + first - old_lo - middle[:-1], take) + np.arange(middle[-1])
    b_len = np.diff(before[0])
    _place(flat, at[:-1], before[0], before[1])
    _place(flat, at[:-1] + b_len, middle, old.flat[source])
    _place(flat, at[:-1] + b_len + take, after[0], after[1])
    return BandRows(flat, at)


def _place(flat: np.ndarray, starts: np.ndarray, base: np.ndarray, values: np.ndarray) -> None:
    """Row ``r``'s ``values[base[r]:base[r + 1]]`` written into ``flat`` from ``starts[r]``."""
    lengths = np.diff(base)
    flat[np.repeat(starts - base[:-1], lengths) + np.arange(int(base[-1]))] = values


class BandCounts:
    """Per view, ``|left[i] & right[j]|`` of every cell of the coarse band (ints, exact).

    Why: ``BeadScorer.localize`` re-measures chance against sentences 5-8
    cells off the coarse path, nearly all inside the coarse band whose counts
    the 1-1 gains have just taken; it reads them here instead of counting
    them again (``align_views.coverages``).  Cell ``(i, j)``, ``lo[i] <= j <=
    hi[i]``, is entry ``base[i] + j - lo[i]`` of each view's array.  Valid for
    the views it was counted on only: it holds each view's sentence sizes
    (``whole``, small arrays) to recognise them, not the views, which
    ``BeadScorer.release`` must be able to free before the next pass.
    """

    __slots__ = ("base", "counts", "hi", "lo", "views")

    def __init__(self, scorer: BeadScorer, lo: np.ndarray, hi: np.ndarray, counted) -> None:
        self.views = _view_marks(scorer)
        self.lo, self.hi = lo, hi
        self.base, self.counts = counted

    def current(self, scorer: BeadScorer) -> bool:
        """Whether ``scorer`` still compares the views these counts were taken on."""
        marks = _view_marks(scorer)
        return len(marks) == len(self.views) and all(
            a is b for a, b in zip(marks, self.views, strict=True)
        )

    def holds(self, scorer: BeadScorer, lo: np.ndarray, hi: np.ndarray) -> bool:
        """Whether these are the counts of ``scorer``'s views over exactly this band."""
        return self.current(scorer) and np.array_equal(self.lo, lo) and np.array_equal(self.hi, hi)

    @classmethod
    def merged(cls, scorer: BeadScorer, lo: np.ndarray, hi: np.ndarray, pieces) -> BandCounts:
        """The band ``lo..hi`` from disjoint pieces ``(first column per row, (base, counts))``."""
        span = np.maximum(hi - lo + 1, 0)
        base = np.zeros(len(span) + 1, np.int64)
        np.cumsum(span, out=base[1:])
        counts = [np.zeros(int(base[-1]), np.int32) for _view in scorer.split_views]
        for first, (at, found) in pieces:
            rows = np.repeat(np.arange(len(span)), np.diff(at))
            where = np.arange(int(at[-1])) - at[rows] + first[rows] - lo[rows] + base[rows]
            for total, part in zip(counts, found, strict=True):
                total[where] = part
        return cls(scorer, lo, hi, (base, counts))

    def part(self, first: np.ndarray, last: np.ndarray) -> tuple[np.ndarray, list[np.ndarray]]:
        """Columns ``first[i]..last[i]`` of each row (inside the band, or none), in the
        ``(base, counts per view)`` layout of ``window_counts``."""
        span = np.maximum(last - first + 1, 0)
        base = np.zeros(len(span) + 1, np.int64)
        np.cumsum(span, out=base[1:])
        rows = np.repeat(np.arange(len(span)), span)
        where = (
            self.base[rows] + np.arange(int(base[-1])) - base[rows] + first[rows] - self.lo[rows]
        )
        return base, [counts[where] for counts in self.counts]

    def lookup(self, scorer: BeadScorer, i: np.ndarray, j: np.ndarray):
        """Which cells ``(i, j)`` the band holds, and their entries (``None``: stale)."""
        if not self.current(scorer):
            return None
        inside = (j >= self.lo[i]) & (j <= self.hi[i])
        return inside, (self.base[i] + j - self.lo[i])[inside]


def _view_marks(scorer: BeadScorer) -> tuple[np.ndarray, ...]:
    """Each view's left sentence sizes: the array objects tell one scorer's views apart."""
    return tuple(left.whole for left, _right in scorer.split_views)


def _one_to_one(scorer: BeadScorer, wlo: np.ndarray, whi: np.ndarray) -> tuple:
    """1-1 gains of rows ``i`` with columns ``wlo[i]..whi[i]``, in ``window_counts`` layout:
    ``(base, gains, overlap counts per view)``."""
    p = scorer.params
    span = np.maximum(whi - wlo + 1, 0)
    base = np.zeros(len(span) + 1, np.int64)
    np.cumsum(span, out=base[1:])
    i, j = _pairs(base, wlo)
    covers = [np.zeros(len(i)), np.zeros(len(i))]
    counts = []
    for mine, other in scorer.split_views:
        inter = pair_overlaps(mine, other, wlo, whi)
        counts.append(inter.astype(np.int32))  # kept: half the memory, same values
        for side, k in ((0, i), (1, j)):
            whole = (mine, other)[side].whole[k]
            covers[side] += np.where(whole > 0, inter / np.maximum(whole, 1), 0.0)
    value = np.zeros(len(i))
    for side, k in ((0, i), (1, j)):
        cover = covers[side] / len(scorer.views) - scorer.chances[side][k] * scorer.growth[side][1]
        bonus = np.where(cover > p.link_evidence, p.link_bonus, 0.0)
        value += scorer.weight_arrays[side][k] * (cover - p.margin + bonus)
    _, anchors = window_counts(scorer.anchor_ids[0], scorer.anchor_ids[1], 0, wlo, whi)
    _add_anchor_dice(value, scorer, anchors[:, 0, 0], (i, 1), (j, 1))
    value -= p.length_weight * _lengths(scorer, i, 1, j, 1)
    return base, value, counts


def _pairs(base: np.ndarray, wlo: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(row, column) of every pair of a ``window_counts`` layout."""
    span = np.diff(base)
    rows = np.repeat(np.arange(len(span)), span)
    return rows, np.arange(int(base[-1])) - base[rows] + wlo[rows]


def _add_anchor_dice(value, scorer: BeadScorer, inter, left, right) -> None:
    """``value += anchor_weight * dice`` where both blocks have anchors (as ``_gain``)."""
    (i, a), (j, b) = left, right
    la, ra = scorer.anchor_sizes[0][i, a - 1], scorer.anchor_sizes[1][j, b - 1]
    both = (la > 0) & (ra > 0)
    dice = 2.0 * inter / np.maximum(la + ra, 1)
    np.add(value, scorer.params.anchor_weight * dice, out=value, where=both)


def band_gains(
    scorer: BeadScorer, lo: Sequence[int], hi: Sequence[int], shapes: Sequence[tuple[int, int]]
) -> Iterator[list[list[float]]]:
    """Per row ``0..n``, per cell ``lo[i]..hi[i]``: each shape's gain (``-inf`` when the bead
    ends past the document or outside the band: the DP never reads it, ``align_bead_ends``)."""
    lo_a, hi_a = np.asarray(lo, np.int64), np.asarray(hi, np.int64)
    widths = (hi_a - lo_a + 1).tolist()
    for r0, r1 in row_chunks(widths):
        table = _chunk_gains(scorer, lo_a, hi_a, (r0, r1), shapes).tolist()
        start = 0
        for r in range(r0, r1):
            yield table[start : start + widths[r]]
            start += widths[r]


def band_table(
    scorer: BeadScorer, lo: Sequence[int], hi: Sequence[int], shapes: Sequence[tuple[int, int]]
) -> np.ndarray:
    """``band_gains`` as one array ``(cells, shapes)``, the cells row after row."""
    lo_a, hi_a = np.asarray(lo, np.int64), np.asarray(hi, np.int64)
    chunks = row_chunks((hi_a - lo_a + 1).tolist())
    return np.concatenate([_chunk_gains(scorer, lo_a, hi_a, rows, shapes) for rows in chunks])


def row_chunks(widths: list[int]) -> Iterator[tuple[int, int]]:
    """Consecutive rows ``(r0, r1)`` of at most ``_CELLS`` cells (at least one row each)."""
    r0, n = 0, len(widths) - 1
    while r0 <= n:
        r1, cells = r0, 0
        while r1 <= n and (r1 == r0 or cells + widths[r1] <= _CELLS):
            cells += widths[r1]
            r1 += 1
        yield r0, r1
        r0 = r1


def _chunk_gains(scorer, lo, hi, rows: tuple[int, int], shapes) -> np.ndarray:
    """Gains of rows ``r0..r1-1``: an array (cells, shapes)."""
    (r0, r1), (n, m) = rows, scorer.counts
    widths = hi[r0:r1] - lo[r0:r1] + 1
    ci = np.repeat(np.arange(r0, r1), widths)
    cj = np.arange(len(ci)) - np.repeat(np.cumsum(widths) - widths, widths) + lo[ci]
    # only beads ending inside the band are read (align_bead_ends): their sentences' terms
    columns = [read_columns(lo, hi, rows, n, s) if s[0] and s[1] else None for s in shapes]
    left = _SideTerms(scorer, 0, *left_windows(columns, shapes, rows, n, DEPTH))
    right = _SideTerms(scorer, 1, *right_windows(columns, shapes, rows))
    out = np.full((len(ci), len(shapes)), _NEG)
    p = scorer.params
    for s, (a, b) in enumerate(shapes):
        if not a or not b:
            out[np.nonzero((ci + a <= n) & (cj + b <= m))[0], s] = 0.0
            continue
        first, last = columns[s]
        valid = np.nonzero((cj >= first[ci - r0]) & (cj <= last[ci - r0]))[0]
        i, j = ci[valid], cj[valid]
        value = np.zeros(len(valid))
        for u in range(a):
            value += left.terms[left.index(i + u, j), b - 1]
        for v in range(b):
            value += right.terms[right.index(j + v, i), a - 1]
        inter = np.zeros(len(valid), np.int64)
        for u in range(a):
            for v in range(b):
                inter += left.anchors[left.index(i + u, j + v, True), u, v]
        _add_anchor_dice(value, scorer, inter, (i, a), (j, b))
        costs = _lengths(scorer, i, a, j, b)
        if a + b > 2:
            weights = (scorer.weight_sums[0][i, a - 1] + scorer.weight_sums[1][j, b - 1]) / (a + b)
            value -= p.merge_cost * (a + b - 2) * weights
        out[valid, s] = value - p.length_weight * costs
    return out


class _SideTerms:
    """What each sentence of one side earns against blocks of the other side (``_terms_at``)."""

    def __init__(self, scorer, side: int, first: int, wlo: np.ndarray, whi: np.ndarray) -> None:
        p = scorer.params
        self.first, self.wlo = first, wlo
        span = np.maximum(whi - wlo + 1, 0)
        self.base = np.zeros(len(span) + 1, np.int64)
        np.cumsum(span, out=self.base[1:])
        owner = np.repeat(np.arange(len(span)), span)
        totals = np.zeros((len(owner), DEPTH))
        for view in scorer.split_views:
            covered = union_overlaps(view[side], view[1 - side], first, wlo, whi)
            whole = view[side].whole[first + owner, None]
            totals += np.where(whole > 0, covered / np.maximum(whole, 1), 0.0)
        growth = np.array([scorer.growth[side].get(s, 1.0) for s in range(1, DEPTH + 1)])
        cover = totals / len(scorer.views) - scorer.chances[side][first + owner, None] * growth
        bonus = np.where(cover > p.link_evidence, p.link_bonus, 0.0)
        self.terms = scorer.weight_arrays[side][first + owner, None] * (cover - p.margin + bonus)
        if side == 0:  # anchor overlaps of blocks, split by position in both blocks
            self.anchor_base, self.anchors = window_counts(
                scorer.anchor_ids[0], scorer.anchor_ids[1], first, wlo, whi + DEPTH - 1,
                DEPTH, DEPTH)  # fmt: skip

    def index(self, k: np.ndarray, start: np.ndarray, anchors: bool = False) -> np.ndarray:
        """Row of (sentence ``k``, other-side start ``start``) in ``terms`` (or ``anchors``)."""
        k = k - self.first
        if anchors:
            return self.anchor_base[k] + start - self.wlo[k]
        return self.base[k] + start - self.wlo[k]
