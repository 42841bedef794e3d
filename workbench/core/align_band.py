"""Overlap counts for a whole DP band at once, by a sorted join of integer ids (numpy).

Why: the aligner's DP scores every bead shape at every cell of a band around
the path, and each score rests on counts ``|A & B|`` of n-gram (or anchor)
sets of nearby sentences.  Counted one pair at a time in Python that was most
of the aligner's time.  Here each sentence is a run of integer ids, and all
pairs of a band are counted by one join: the other side's ids are sorted by
``(id, sentence)`` and every id of a sentence finds its matches in its window
of the other side with two binary searches; ``bincount`` then sums them per
pair.  Counts are exact integers, so scores built from them are unchanged.

Block unions come from the same join: an id counts towards the union of
sentences ``p..p+s-1`` only at its first occurrence there, i.e. where its gap
to the previous occurrence on that side exceeds its offset in the block.
Counts are therefore split by that gap (capped at ``depth``); see
``window_counts``.  Work is done in chunks of sentences, so memory stays
linear in the band's size.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain

import numpy as np

from workbench.core.align_masks import kept_all

_PAIRS = 1 << 17  # estimated joined pairs per chunk: bounds the working memory
_SHORT = 8  # occurrences up to which a probe reads its id's whole run (``_matches``)


class IdRows:
    """One side of a comparison: per sentence, the ids it holds (each once)."""

    __slots__ = ("count", "ids", "ptr", "stride", "_gaps", "_index", "_runs", "joined")

    def __init__(self, rows: Sequence[Sequence[int]]) -> None:
        lengths = np.fromiter(map(len, rows), np.int64, len(rows))
        self.count = len(rows)
        self.stride = self.count + 8  # key = id * stride + sentence; windows end before count + 8
        self.ptr = np.zeros(self.count + 1, np.int64)
        np.cumsum(lengths, out=self.ptr[1:])
        self.ids = np.fromiter(chain.from_iterable(rows), np.int64, int(self.ptr[-1]))
        self._gaps: np.ndarray | None = None
        self._index: tuple[np.ndarray, np.ndarray] | None = None
        self._runs: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        self.joined: tuple | None = None  # align_pair_join: (other side, keys, counts)

    @classmethod
    def from_runs(cls, ids: np.ndarray, ptr: np.ndarray) -> IdRows:
        """Rows given as one id array and each row's start (``ptr``, one more than rows)."""
        rows = cls.__new__(cls)
        rows.count = len(ptr) - 1
        rows.stride = rows.count + 8
        rows.ptr = np.asarray(ptr, np.int64)
        rows.ids = np.asarray(ids, np.int64)
        rows._gaps = rows._index = rows._runs = rows.joined = None
        return rows

    def sentences(self, start: int, stop: int) -> np.ndarray:
        """Sentence index of every id of sentences ``start..stop-1`` (in row order)."""
        return np.repeat(np.arange(start, stop), np.diff(self.ptr[start : stop + 1]))

    def index(self) -> tuple[np.ndarray, np.ndarray]:
        """Every occurrence sorted by (id, sentence): its key ``id * stride + sentence`` and
        the sentences since the id's previous occurrence (capped at 127: large if none).

        Why once per side: every band join probes this side's occurrences; sorting
        them again for each chunk of each join was a tenth of the aligner's time.
        Keys and one byte per occurrence keep it small.
        """
        if self._index is None:
            keys = self.ids * self.stride + self.sentences(0, self.count)
            keys.sort()
            gap = np.full(len(keys), 127, np.int8)
            ids, sent = np.divmod(keys, self.stride)
            same = ids[1:] == ids[:-1]
            gap[1:][same] = np.minimum(sent[1:] - sent[:-1], 127)[same]
            self._index = keys, gap
        return self._index

    def runs(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per id value: where its run of occurrences starts in ``index()`` and how long it
        is; and the sentence of every occurrence there.

        Why: most ids a join probes occur in a few sentences only; reading their
        whole run and keeping the matches in the window is cheaper than two
        binary searches per probe.
        """
        if self._runs is None:
            keys, _gap = self.index()
            ids, sentence = np.divmod(keys, self.stride)
            length = np.bincount(ids) if len(ids) else np.zeros(0, np.int64)
            self._runs = np.cumsum(length) - length, length, sentence
        return self._runs

    def gaps(self) -> np.ndarray:
        """Per id occurrence: sentences since the same id last occurred (large if never)."""
        if self._gaps is None:
            sent = self.sentences(0, self.count)
            order = np.lexsort((sent, self.ids))
            ids, where = self.ids[order], sent[order]
            gap = np.full(len(ids), 1 << 40, np.int64)
            same = ids[1:] == ids[:-1]
            gap[1:][same] = (where[1:] - where[:-1])[same]
            self._gaps = np.empty_like(gap)
            self._gaps[order] = gap
        return self._gaps


def id_rows(left: Sequence[frozenset], right: Sequence[frozenset]) -> tuple[IdRows, IdRows]:
    """Both sides' sets (anchors) as rows of integer ids, one numbering for both."""
    items = frozenset().union(*left).union(*right)
    get = dict(zip(items, range(len(items)), strict=True)).__getitem__
    return IdRows([list(map(get, s)) for s in left]), IdRows([list(map(get, s)) for s in right])


def block_sizes(rows: IdRows, depth: int) -> np.ndarray:
    """``[k, s - 1]``: how many distinct ids sentences ``k..k+s-1`` hold, for s <= depth."""
    gaps = rows.gaps()
    owner = rows.sentences(0, rows.count)
    fresh = np.zeros((rows.count + depth, depth), np.int64)  # [k, u]: ids new for u sentences
    for u in range(depth):
        fresh[:rows.count, u] = np.bincount(owner[gaps > u], minlength=rows.count)
    sizes = np.zeros((rows.count, depth), np.int64)
    total = np.zeros(rows.count, np.int64)
    for s in range(depth):
        total = total + fresh[s : s + rows.count, s]
        sizes[:, s] = total
    return sizes


def block_sums(weights: np.ndarray, depth: int) -> np.ndarray:
    """``[k, s - 1]``: ``sum(weights[k : k + s])`` for s <= ``depth`` (blocks past the end
    hold what they reach).  Same additions in the same order as Python's ``sum`` (``0 + w``
    is ``w``; adding ``0.0`` past the end changes no non-negative weight)."""
    count = len(weights)
    padded = np.concatenate([weights, np.zeros(depth)])
    out = np.empty((count, depth), np.float64)
    total = padded[:count].copy()
    out[:, 0] = total
    for s in range(1, depth):
        total = total + padded[s : s + count]
        out[:, s] = total
    return out


def window_counts(
    mine: IdRows,
    other: IdRows,
    first: int,
    wlo: np.ndarray,
    whi: np.ndarray,
    depth: int = 1,
    mine_depth: int = 1,
) -> tuple[np.ndarray, np.ndarray]:
    """Pair counts of sentences ``first + k`` of ``mine`` with ``other``'s ``wlo[k]..whi[k]``.

    Returns ``(base, counts)``: the pair (k, p) is row ``base[k] + p - wlo[k]``
    of ``counts``, whose shape is ``(pairs, mine_depth, depth)``.  Entry
    ``[u, t]`` counts the ids shared by both sentences that occur in none of the
    ``u`` sentences before mine and none of the ``t`` sentences before the
    other's; so ``sum(t < s) counts[(k, start + t), 0, t]`` is the overlap of
    sentence k with the union of the other's ``start..start+s-1``.
    ``wlo`` must be >= 0; windows may reach past the other side's end.
    """
    span = np.maximum(whi - wlo + 1, 0)
    base = np.zeros(len(span) + 1, np.int64)
    np.cumsum(span, out=base[1:])
    buckets = mine_depth * depth
    counts = np.empty((int(base[-1]), buckets), np.int64)  # every row is written below
    occurrences = np.diff(mine.ptr[first : first + len(span) + 1])
    cost = np.cumsum(occurrences * np.maximum(span, 1))
    k0 = 0
    while k0 < len(span):
        done = cost[k0 - 1] if k0 else 0
        k1 = max(k0 + 1, int(np.searchsorted(cost, done + _PAIRS, "right")))
        k1 = min(k1, len(span))
        if base[k1] > base[k0]:
            flat, bucket = _join(mine, other, first, (k0, k1), (wlo, whi, base), depth, mine_depth)
            local = (flat - base[k0]) * buckets + bucket
            size = int(base[k1] - base[k0]) * buckets
            counts[base[k0] : base[k1]] = np.bincount(local, minlength=size).reshape(-1, buckets)
        k0 = k1
    counts = counts.reshape(-1, mine_depth, depth)
    # bucket c means "gap c+1"; an id counts for offset t when its gap exceeds t: sums from
    # the last bucket down, a column at a time (a cumsum along an axis of 4 was 3x slower)
    for t in range(depth - 2, -1, -1):
        counts[:, :, t] += counts[:, :, t + 1]
    for u in range(mine_depth - 2, -1, -1):
        counts[:, u, :] += counts[:, u + 1, :]
    return base, counts


def _join(
    mine: IdRows,
    other: IdRows,
    first: int,
    chunk: tuple[int, int],
    windows: tuple[np.ndarray, np.ndarray, np.ndarray],
    depth: int,
    mine_depth: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Matched (pair row, gap bucket) of every shared id for the chunk's sentences."""
    (k0, k1), (wlo, whi, base) = chunk, windows
    keys, gaps = other.index()
    empty = np.zeros(0, np.int64)
    qa, qb = mine.ptr[first + k0], mine.ptr[first + k1]
    ids = mine.ids[qa:qb]
    owner = mine.sentences(first + k0, first + k1) - first
    asked = whi.take(owner) >= wlo.take(owner)  # sentences with an empty window ask nothing
    ids, owner = ids[asked], owner[asked]
    where, query = _matches(other, ids, wlo.take(owner), whi.take(owner))
    if not len(where):
        return empty, empty
    who = owner.take(query)  # take: gathers cheaper than fancy indexing (round 30)
    flat = other.runs()[2].take(where) - wlo.take(who) + base.take(who)
    # an id counts from the offset its gap to the previous occurrence exceeds (capped)
    bucket = np.minimum(gaps.take(where), depth) - 1
    if mine_depth > 1:
        mine_gap = np.minimum(mine.gaps()[qa:qb][asked], mine_depth)
        bucket = bucket + (mine_gap.take(query) - 1) * depth
    return flat, bucket


def _matches(other: IdRows, ids: np.ndarray, low: np.ndarray, high: np.ndarray):
    """Positions in ``other.index()`` of id ``ids[q]`` in sentences ``low[q]..high[q]``, and
    each one's probe ``q``.

    A probe whose id occurs at most ``_SHORT`` times reads its whole run and
    keeps what lies in the window; a more frequent id is found by two binary
    searches.  The same matches either way (in another order).
    """
    keys, _gap = other.index()
    start, length, sentence = other.runs()
    if not len(length):
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    known = ids < len(length)
    at = np.where(known, ids, 0)
    run = np.where(known, length.take(at), 0)
    short = run <= _SHORT
    q = np.nonzero(short)[0]
    size = run.take(q)
    total = int(size.sum())
    probe = np.repeat(q, size)
    where = np.repeat(start.take(at.take(q)) - np.cumsum(size) + size, size) + np.arange(total)
    found = sentence.take(where)
    keep = (found >= low.take(probe)) & (found <= high.take(probe))
    where, probe = kept_all(keep, where, probe)
    q = np.nonzero(~short)[0]
    if len(q):
        stride = other.stride
        first = np.searchsorted(keys, ids.take(q) * stride + low.take(q), "left")
        last = np.searchsorted(keys, ids.take(q) * stride + high.take(q), "right")
        size = np.maximum(last - first, 0)
        more = np.repeat(first - np.cumsum(size) + size, size) + np.arange(int(size.sum()))
        where = np.concatenate([where, more])
        probe = np.concatenate([probe, np.repeat(q, size)])
    return where, probe
