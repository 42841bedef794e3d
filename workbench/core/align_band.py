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

from workbench.core.align_profiles import WIDTH, Runs, SideProfiles

_PAIRS = 1 << 17  # estimated joined pairs per chunk: bounds the working memory


class IdRows:
    """One side of a comparison: per sentence, the ids it holds (each once)."""

    __slots__ = ("count", "ids", "ptr", "stride", "_gaps", "_index")

    def __init__(self, rows: Sequence[Sequence[int]]) -> None:
        lengths = np.fromiter(map(len, rows), np.int64, len(rows))
        self.count = len(rows)
        self.stride = self.count + 8  # key = id * stride + sentence; windows end before count + 8
        self.ptr = np.zeros(self.count + 1, np.int64)
        np.cumsum(lengths, out=self.ptr[1:])
        self.ids = np.fromiter(chain.from_iterable(rows), np.int64, int(self.ptr[-1]))
        self._gaps: np.ndarray | None = None
        self._index: tuple[np.ndarray, np.ndarray] | None = None

    @classmethod
    def from_runs(cls, ids: np.ndarray, ptr: np.ndarray) -> IdRows:
        """Rows given as one id array and each row's start (``ptr``, one more than rows)."""
        rows = cls.__new__(cls)
        rows.count = len(ptr) - 1
        rows.stride = rows.count + 8
        rows.ptr = np.asarray(ptr, np.int64)
        rows.ids = np.asarray(ids, np.int64)
        rows._gaps = rows._index = None
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
    keys, gaps = other.index()
    stride = other.stride
    empty = np.zeros(0, np.int64)
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
    flat = keys[where] % stride - wlo[who] + base[who]
    # an id counts from the offset its gap to the previous occurrence exceeds (capped)
    bucket = np.minimum(gaps[where], depth) - 1
    if mine_depth > 1:
        mine_gap = np.minimum(mine.gaps()[qa:qb][asked], mine_depth)
        bucket = bucket + (np.repeat(mine_gap, lengths) - 1) * depth
    return flat, bucket



class SplitRows:
    """One side of a view as arrays: frequent n-grams as bit rows, rare shared ones as ids.

    The partition of ``align_profiles.SideProfiles`` (whose Python integer
    masks are these rows of 64-bit words), so counts are the same.
    """

    __slots__ = ("bits", "rare", "whole")

    def __init__(self, bits: np.ndarray, rare: IdRows, whole: np.ndarray) -> None:
        # DEPTH zero rows past the end: blocks may run off the document
        self.bits = np.zeros((len(bits) + _DEPTH, bits.shape[1]), np.uint64)
        self.bits[: len(bits)] = bits
        self.rare, self.whole = rare, whole


def split_view(
    left: Sequence[frozenset[int]],
    right: Sequence[frozenset[int]],
    width: int = WIDTH,
) -> tuple[tuple[SideProfiles, SideProfiles], tuple[SplitRows, SplitRows]]:
    """``split_rows`` of numbered profiles given as sets (``ProfileBuilder.numbered``)."""
    return split_rows(_flatten(left), _flatten(right), width)


def split_rows(
    left: tuple[np.ndarray, np.ndarray],
    right: tuple[np.ndarray, np.ndarray],
    width: int = WIDTH,
) -> tuple[tuple[SideProfiles, SideProfiles], tuple[SplitRows, SplitRows]]:
    """``align_profiles.split_view`` of id rows ``(ids, row starts)`` with numpy, and arrays.

    The ``width`` n-grams found in most sentences of both sides are the
    frequent ones (bit masks); other shared n-grams are rare (sets), the rest
    absent (kept as id rows: only block unions need them).  Any partition
    counts exactly.  Rare n-grams are renumbered ``0..rare-1`` so that the sets
    share one int object per n-gram.
    """
    flats = [left, right]
    size = 1 + max((int(flat.max()) for flat, _ptr in flats if len(flat)), default=0)
    present = [np.bincount(flat, minlength=size) for flat, _ptr in flats]
    shared = (present[0] > 0) & (present[1] > 0)
    counts = np.where(shared, present[0] + present[1], 0)
    del present
    if int(shared.sum()) <= width:
        frequent = np.nonzero(shared)[0]
    else:  # the width most frequent (ties in any order: every partition counts exactly)
        frequent = np.argpartition(-counts, width - 1)[:width]
    position = np.full(size, -1, np.int32)
    position[frequent] = np.arange(len(frequent))
    rare_ids = shared.copy()
    rare_ids[frequent] = False
    numbers = list(range(int(rare_ids.sum())))
    renumber = (np.cumsum(rare_ids) - 1).astype(np.int32)
    del rare_ids
    words = max(1, -(-width // 64))
    sides = []
    for flat, ptr in flats:
        at = position[flat]
        bits = _bit_rows(at, ptr, words)
        raw, step = bits.tobytes(), words * 8
        is_shared = shared[flat]
        keep = is_shared & (at < 0)
        rare = _sets(renumber[flat], ptr, keep, numbers)
        del at
        side = SideProfiles(
            sizes=np.diff(ptr).tolist(),
            bits=[int.from_bytes(raw[k : k + step], "little") for k in range(0, len(raw), step)],
            rare=rare,
            absent=_kept_rows(flat, ptr, ~is_shared),
        )
        rows = IdRows.from_runs(*_kept_runs(renumber[flat], ptr, keep))
        sides.append((side, SplitRows(bits, rows, np.diff(ptr).astype(np.float64))))
    return (sides[0][0], sides[1][0]), (sides[0][1], sides[1][1])


def _kept_rows(flat: np.ndarray, ptr: np.ndarray, keep: np.ndarray) -> Runs:
    """Per sentence, its ids where ``keep`` holds, as ``Runs``."""
    return Runs(*_kept_runs(flat, ptr, keep))


def _kept_runs(flat: np.ndarray, ptr: np.ndarray, keep: np.ndarray) -> tuple[np.ndarray, ...]:
    """The ids where ``keep`` holds and each sentence's start among them."""
    kept = np.zeros(len(keep) + 1, np.int64)
    np.cumsum(keep, out=kept[1:])
    return flat[keep], kept[ptr]


def _sets(flat: np.ndarray, ptr: np.ndarray, keep: np.ndarray, numbers: Sequence[int]):
    """Per sentence, the frozenset of its ids where ``keep`` holds (the ids' own objects)."""
    kept = np.zeros(len(keep) + 1, np.int64)
    np.cumsum(keep, out=kept[1:])
    bounds = kept[ptr].tolist()
    chosen = flat[keep]
    out: list[frozenset[int]] = []
    for first in range(0, len(ptr) - 1, 512):  # Python ints of 512 sentences at a time
        last = min(first + 512, len(ptr) - 1)
        base = bounds[first]
        ids = list(map(numbers.__getitem__, chosen[base : bounds[last]].tolist()))
        ends = zip(bounds[first:last], bounds[first + 1 : last + 1], strict=True)
        out += [frozenset(ids[a - base : b - base]) for a, b in ends]
    return out


def _flatten(profiles: Sequence[frozenset[int]]) -> tuple[np.ndarray, np.ndarray]:
    ptr = np.zeros(len(profiles) + 1, np.int64)
    np.cumsum(np.fromiter(map(len, profiles), np.int64, len(profiles)), out=ptr[1:])
    return np.fromiter(chain.from_iterable(profiles), np.int32, int(ptr[-1])), ptr


def _bit_rows(positions: np.ndarray, ptr: np.ndarray, words: int) -> np.ndarray:
    """Rows of ``words`` 64-bit words with the given bit positions set (-1: none)."""
    out = np.zeros((len(ptr) - 1, words), np.uint64)
    for first in range(0, len(ptr) - 1, 1024):  # a bool row per bit: 4 KiB per sentence
        last = min(first + 1024, len(ptr) - 1)
        rows = np.zeros((last - first, words * 64), bool)
        at = positions[ptr[first] : ptr[last]]
        owner = np.repeat(np.arange(last - first), np.diff(ptr[first : last + 1]))
        rows[owner[at >= 0], at[at >= 0]] = True
        out[first:last] = np.packbits(rows, axis=1, bitorder="little").view(np.uint64)
    return out


def _popcount(rows: np.ndarray) -> np.ndarray:
    """Set bits per row of 64-bit words."""
    if _BITWISE_COUNT is not None:
        return _BITWISE_COUNT(rows).sum(axis=1, dtype=np.int64)
    return _BYTE_BITS[rows.view(np.uint8)].sum(axis=1, dtype=np.int64)  # numpy < 2


_BITWISE_COUNT = getattr(np, "bitwise_count", None)
_BYTE_BITS = np.array([bin(b).count("1") for b in range(256)], np.int64)
_DEPTH = 4
_ROWS = 8192  # pairs per step of the bit counts: bounds the working memory


def pair_overlaps(mine: SplitRows, other: SplitRows, wlo: np.ndarray, whi: np.ndarray):
    """``|mine[k] & other[p]|`` for ``p`` in ``wlo[k]..whi[k]`` (``window_counts`` layout)."""
    base, counts = window_counts(mine.rare, other.rare, 0, wlo, whi)
    found = counts[:, 0, 0].copy()
    span = np.diff(base)
    step = max(1, _ROWS // 8)
    for r0 in range(0, len(span), step):  # offset by offset: each row's bits are read in place
        r1 = min(r0 + step, len(span))
        for d in range(int(span[r0:r1].max(initial=0))):
            ks = np.arange(r0, r1)[span[r0:r1] > d]
            own = _rows(mine.bits, 0, (r0, r1), ks)
            found[base[ks] + d] += _popcount(own & other.bits[wlo[ks] + d])
    return found


def _rows(bits: np.ndarray, first: int, chunk: tuple[int, int], ks: np.ndarray) -> np.ndarray:
    """Bit rows ``first + ks``: a view of the chunk when ``ks`` is all of it (no copy)."""
    r0, r1 = chunk
    return bits[first + r0 : first + r1] if len(ks) == r1 - r0 else bits[first + ks]


def pair_counts(
    mine: tuple[SideProfiles, SplitRows], other: tuple[SideProfiles, SplitRows], ks, ps
) -> np.ndarray:
    """``|mine[k] & other[p]|`` for each listed pair (any order, any distance).

    Frequent n-grams by numpy bit rows; rare ones by Python set intersections
    (scattered pairs would make a sorted join probe the whole other side).
    """
    mine_rare, other_rare = mine[0].rare, other[0].rare
    found = np.fromiter(
        (len(mine_rare[k] & other_rare[p]) for k, p in zip(ks.tolist(), ps.tolist(), strict=True)),
        np.int64, len(ks))  # fmt: skip
    for at in range(0, len(ks), _ROWS):
        step = slice(at, at + _ROWS)
        found[step] += _popcount(mine[1].bits[ks[step]] & other[1].bits[ps[step]])
    return found


def union_overlaps(
    mine: SplitRows, other: SplitRows, first: int, wlo: np.ndarray, whi: np.ndarray
) -> np.ndarray:
    """``[row, s - 1]``: ``|mine[k] & (other[start] | .. | other[start+s-1])|``, s <= 4.

    One row per (k, start) with ``start`` in ``wlo[k - first]..whi[k - first]``;
    blocks running past the other side's end count what they hold.
    """
    base, counts = window_counts(mine.rare, other.rare, first, wlo, whi + _DEPTH - 1, _DEPTH)
    span = np.maximum(whi - wlo + 1, 0)
    start_base = np.zeros(len(span) + 1, np.int64)
    np.cumsum(span, out=start_base[1:])
    out = np.zeros((int(start_base[-1]), _DEPTH), np.int64)
    last = len(other.bits) - 1
    step = max(1, _ROWS // 8)
    for r0 in range(0, len(span), step):  # offset by offset: each row's bits are read in place
        r1 = min(r0 + step, len(span))
        for d in range(int(span[r0:r1].max(initial=0))):
            ks = np.arange(r0, r1)[span[r0:r1] > d]
            own = _rows(mine.bits, first, (r0, r1), ks)
            row, at, start = start_base[ks] + d, base[ks] + d, wlo[ks] + d
            union = own & other.bits[np.minimum(start, last)]
            shared = counts[at, 0, 0]
            out[row, 0] = _popcount(union) + shared
            for t in range(1, _DEPTH):
                union |= own & other.bits[np.minimum(start + t, last)]
                shared = shared + counts[at + t, 0, t]
                out[row, t] = _popcount(union) + shared
    return out
