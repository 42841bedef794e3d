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

from workbench.core.align_profiles import SideProfiles

_PAIRS = 1 << 17  # estimated joined pairs per chunk: bounds the working memory


class IdRows:
    """One side of a comparison: per sentence, the ids it holds (each once)."""

    __slots__ = ("count", "ids", "ptr", "_gaps")

    def __init__(self, rows: Sequence[Sequence[int]]) -> None:
        lengths = np.fromiter(map(len, rows), np.int64, len(rows))
        self.count = len(rows)
        self.ptr = np.zeros(self.count + 1, np.int64)
        np.cumsum(lengths, out=self.ptr[1:])
        self.ids = np.fromiter(chain.from_iterable(rows), np.int64, int(self.ptr[-1]))
        self._gaps: np.ndarray | None = None

    def sentences(self, start: int, stop: int) -> np.ndarray:
        """Sentence index of every id of sentences ``start..stop-1`` (in row order)."""
        return np.repeat(np.arange(start, stop), np.diff(self.ptr[start : stop + 1]))

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
    counts = np.zeros((int(base[-1]), buckets), np.int64)
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
    # bucket c means "gap c+1"; an id counts for offset t when its gap exceeds t
    counts = np.flip(np.cumsum(np.flip(counts, 2), axis=2), 2)
    if mine_depth > 1:
        counts = np.flip(np.cumsum(np.flip(counts, 1), axis=1), 1)
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
    p0 = int(wlo[k0:k1].min())
    p1 = min(other.count - 1, int(whi[k0:k1].max()))
    empty = np.zeros(0, np.int64)
    if p1 < p0:
        return empty, empty
    s0 = max(0, p0 - depth + 1)  # sentences before the window only decide gaps
    stride = other.count + 8
    sent = other.sentences(s0, p1 + 1)
    keys = other.ids[other.ptr[s0] : other.ptr[p1 + 1]] * stride + sent
    order = np.argsort(keys)
    keys, sent = keys[order], sent[order]
    qa, qb = mine.ptr[first + k0], mine.ptr[first + k1]
    ids = mine.ids[qa:qb]
    owner = mine.sentences(first + k0, first + k1) - first
    asked = whi[owner] >= wlo[owner]  # sentences with an empty window ask nothing
    ids, owner = ids[asked], owner[asked]
    low = np.searchsorted(keys, ids * stride + wlo[owner], "left")
    high = np.searchsorted(keys, ids * stride + whi[owner], "right")
    lengths = np.maximum(high - low, 0)
    total = int(lengths.sum())
    if not total:
        return empty, empty
    ends = np.cumsum(lengths)
    where = np.repeat(low - ends + lengths, lengths) + np.arange(total)
    who = np.repeat(owner, lengths)
    flat = sent[where] - wlo[who] + base[who]
    bucket = np.zeros(total, np.int64)
    if depth > 1:
        same = np.zeros(len(keys), bool)
        same[1:] = keys[1:] // stride == keys[:-1] // stride
        gap = np.full(len(keys), depth, np.int64)
        gap[1:][same[1:]] = np.minimum((sent[1:] - sent[:-1])[same[1:]], depth)
        bucket = gap[where] - 1
    if mine_depth > 1:
        mine_gap = np.minimum(mine.gaps()[qa:qb][asked], mine_depth)
        bucket = bucket + (np.repeat(mine_gap, lengths) - 1) * depth
    return flat, bucket



def pair_overlaps(mine: SideProfiles, other: SideProfiles, wlo: np.ndarray, whi: np.ndarray):
    """``|mine[k] & other[p]|`` for ``p`` in ``wlo[k]..whi[k]``, flat in ``window_counts`` layout.

    Why Python here: a sentence's frequent n-grams are one integer bit mask, so
    an overlap is one ``&`` and ``bit_count`` (64 n-grams per machine word);
    numpy joins of id arrays cost more per pair than that.
    """
    bits, rare = other.bits, other.rare
    out: list[int] = []
    for own, own_rare, low, high in zip(mine.bits, mine.rare, wlo.tolist(), whi.tolist(),
                                        strict=False):  # fmt: skip
        if own_rare:
            out += [(own & bits[p]).bit_count() + len(own_rare & rare[p])
                    for p in range(low, high + 1)]  # fmt: skip
        else:
            out += [(own & bits[p]).bit_count() for p in range(low, high + 1)]
    return np.array(out, np.int64)


def union_overlaps(
    mine: SideProfiles, other: SideProfiles, first: int, wlo: np.ndarray, whi: np.ndarray,
    depth: int,
) -> np.ndarray:  # fmt: skip
    """``[row, s - 1]``: ``|mine[k] & (other[start] | .. | other[start+s-1])|``, s <= depth.

    One row per (k, start) with ``start`` in ``wlo[k - first]..whi[k - first]``;
    blocks running past the other side's end repeat their last count.
    """
    bits, rare, count = other.bits, other.rare, len(other.bits)
    out: list[int] = []
    append = out.append
    for k, low, high in zip(range(first, first + len(wlo)), wlo.tolist(), whi.tolist(),
                            strict=True):  # fmt: skip
        own, own_rare = mine.bits[k], mine.rare[k]
        for start in range(low, high + 1):
            stop = min(start + depth, count)
            union, found = 0, 0
            if own_rare:
                shared: frozenset[str] = frozenset()
                for p in range(start, stop):
                    union |= own & bits[p]
                    shared |= own_rare & rare[p]
                    found = union.bit_count() + len(shared)
                    append(found)
            else:
                for p in range(start, stop):
                    union |= own & bits[p]
                    found = union.bit_count()
                    append(found)
            if stop - start < depth:
                out += [found] * (depth - max(0, stop - start))
    return np.array(out, np.int64).reshape(-1, depth)
