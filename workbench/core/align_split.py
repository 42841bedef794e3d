"""A view's n-gram profiles as arrays, and the overlap counts taken from them (numpy).

Why a module apart from ``align_band``: that one is the sorted join of id
rows (which sentences share which ids, for a whole DP band); this one is the
split of a view's n-grams into frequent ones (bit rows, counted 64 at a time
with ``bitwise_count``) and rare shared ones (id rows for the join, Python
sets for scattered pairs), and the exact counts built from both halves:
pairs in a band (``pair_overlaps``), a sentence against block unions
(``union_overlaps``), and listed pairs anywhere (``pair_counts``).  The
partition is the one of ``align_profiles.SideProfiles``, so every count
equals the plain sets' count.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain

import numpy as np

from workbench.core.align_band import IdRows, window_counts
from workbench.core.align_masks import kept as _kept
from workbench.core.align_masks import kept_all, kept_runs
from workbench.core.align_pair_join import listed_rare
from workbench.core.align_profiles import WIDTH, LazyBits, LazySets, Runs, SideProfiles


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
    width: int | None = None,
    present: Sequence[np.ndarray] | None = None,
) -> tuple[tuple[SideProfiles, SideProfiles], tuple[SplitRows, SplitRows]]:
    """``align_profiles.split_view`` of id rows ``(ids, row starts)`` with numpy, and arrays.

    The ``width`` n-grams found in most sentences of both sides are the
    frequent ones (bit masks); other shared n-grams are rare (sets), the rest
    absent (kept as id rows: only block unions need them).  Any partition
    counts exactly.  Rare n-grams are renumbered ``0..rare-1`` so that the sets
    share one int object per n-gram.  ``width``: by default ``bit_width``'s.
    ``present``: per side, each id's count of sentences when the caller has it
    (``align_views.side_counts``; longer is fine, its tail all 0), else counted here.
    """
    flats = [left, right]
    size = 1 + max((int(flat.max()) for flat, _ptr in flats if len(flat)), default=0)
    if present is None:
        present = [np.bincount(flat, minlength=size) for flat, _ptr in flats]
    else:
        present = [counts[:size] for counts in present]
    shared = (present[0] > 0) & (present[1] > 0)
    counts = np.where(shared, present[0] + present[1], 0)
    del present
    if width is None:
        width = bit_width(_kept(counts, shared), len(left[1]) + len(right[1]) - 2)
    if int(shared.sum()) <= width:
        frequent = np.nonzero(shared)[0]
    else:  # the width most frequent (ties in any order: every partition counts exactly)
        frequent = np.argpartition(-counts, width - 1)[:width]
    position = np.full(size, -1, np.int32)
    position[frequent] = np.arange(len(frequent))
    rare_ids = shared.copy()
    rare_ids[frequent] = False
    numbers = list(range(int(rare_ids.sum())))
    renumber = np.cumsum(rare_ids.astype(np.int32), dtype=np.int32) - 1  # (int32: see kept_runs)
    del rare_ids
    words = max(1, -(-width // 64))
    sides = []
    for flat, ptr in flats:
        at = position.take(flat)  # take: half the time of a fancy index by int32 ids (round 27)
        bits = _bit_rows(at, ptr, words)
        raw, step = bits.tobytes(), words * 8
        is_shared = shared.take(flat)
        keep = is_shared & (at < 0)
        del at
        # the rare ids (renumbered) and each sentence's start among them, taken once for
        # both their forms: Python sets for scattered pairs, id rows for the band joins
        chosen, starts = kept_runs(flat, keep, ptr)
        chosen = renumber.take(chosen)
        side = SideProfiles(
            sizes=np.diff(ptr).tolist(),
            bits=LazyBits(raw, step),
            rare=LazySets(chosen, starts, numbers),
            absent=_kept_rows(flat, ptr, ~is_shared),
        )
        rows = IdRows.from_runs(chosen, starts)
        sides.append((side, SplitRows(bits, rows, np.diff(ptr).astype(np.float64))))
    return (sides[0][0], sides[1][0]), (sides[0][1], sides[1][1])


_RARE_PER_SENTENCE = 50  # rare shared n-gram occurrences per sentence that ``bit_width`` allows
_MAX_WIDTH = 4 * WIDTH
_STEP = WIDTH // 2  # bits of one finer step (round 37)
_STEP_RARE = 9  # occurrences per sentence the next ``_STEP`` n-grams must hold to be worth it


def bit_width(counts: np.ndarray, sentences: int) -> int:
    """Bits per mask for a view whose shared n-grams occur ``counts`` times (both sides).

    Why not always ``WIDTH``: a rare n-gram costs the band joins one probe per
    occurrence, a frequent one a bit in every sentence's mask.  On a text of
    many distinct n-grams (the synthetic documents: 66 rare occurrences per
    sentence beyond the 4,096 most frequent) the joins dominate, and twice
    the bits took 10-16 % off the whole alignment.  So the width doubles (up
    to ``_MAX_WIDTH``) while the n-grams left rare occur more than
    ``_RARE_PER_SENTENCE`` times per sentence.  Why the finer step (round 37):
    on Text+Berg (17-25 rare occurrences per sentence past 4,096) a warm call
    took 3,308 M instructions at 4,096 bits, 3,286 M at 6,144, 3,340 M at
    8,192 and 3,409 M at 3,072: the next 2,048 n-grams held 10-13 occurrences
    per sentence there (worth 32 more words per mask), the 2,048 after them
    5-7 (not worth them).  So the width also grows by ``_STEP`` while the next
    ``_STEP`` n-grams hold ``_STEP_RARE`` occurrences per sentence or more
    (the synthetic documents stay at 8,192: 8 past it).  Any width counts
    exactly: the output does not depend on it, only the time.
    """
    width = WIDTH
    if len(counts) <= width:
        return width
    ordered = np.sort(counts)[::-1]
    total, per = int(ordered.sum()), max(1, sentences)
    while width < _MAX_WIDTH and len(ordered) > width:
        if total - int(ordered[:width].sum()) > _RARE_PER_SENTENCE * per:
            width *= 2
        elif int(ordered[width : width + _STEP].sum()) >= _STEP_RARE * per:
            width += _STEP
        else:
            break
    return min(width, _MAX_WIDTH)


def _kept_rows(flat: np.ndarray, ptr: np.ndarray, keep: np.ndarray) -> Runs:
    """Per sentence, its ids where ``keep`` holds, as ``Runs``."""
    return Runs(*kept_runs(flat, keep, ptr))


def _flatten(profiles: Sequence[frozenset[int]]) -> tuple[np.ndarray, np.ndarray]:
    ptr = np.zeros(len(profiles) + 1, np.int64)
    np.cumsum(np.fromiter(map(len, profiles), np.int64, len(profiles)), out=ptr[1:])
    return np.fromiter(chain.from_iterable(profiles), np.int32, int(ptr[-1])), ptr


def _bit_rows(positions: np.ndarray, ptr: np.ndarray, words: int) -> np.ndarray:
    """Rows of ``words`` 64-bit words with the given bit positions set (-1: none).

    Why each bit added into its word (round 30, speed30b): a sentence holds each
    position once, so the sum of its bits in a word is their OR; one ``add.at``
    over the set bits replaces a bool row per bit (64 bytes per word, zeroed,
    written and packed: 21 MB per Text+Berg call).  The same words.
    """
    out = np.zeros((len(ptr) - 1, words), np.uint64)
    owner = np.repeat(np.arange(len(ptr) - 1), np.diff(ptr))
    owner, at = kept_all(positions >= 0, owner, positions)
    at = at.astype(np.int64)
    bit = np.left_shift(np.uint64(1), (at & 63).astype(np.uint64))
    np.add.at(out.reshape(-1), owner * words + (at >> 6), bit)
    return out


def popcount(rows: np.ndarray) -> np.ndarray:
    """Set bits per row of 64-bit words (summed in 16 bits when a row holds under 65,536)."""
    if _BITWISE_COUNT is not None:
        narrow = rows.shape[-1] * 64 < 1 << 16  # a narrower sum is faster
        return _BITWISE_COUNT(rows).sum(axis=-1, dtype=np.uint16 if narrow else np.int64)
    return _BYTE_BITS[rows.view(np.uint8)].sum(axis=-1, dtype=np.int64)  # numpy < 2


_BITWISE_COUNT = getattr(np, "bitwise_count", None)
_BYTE_BITS = np.array([bin(b).count("1") for b in range(256)], np.int64)
_DEPTH = 4
_ROWS = 8192  # pairs per step of the bit counts: bounds the working memory


def pair_overlaps(mine: SplitRows, other: SplitRows, wlo: np.ndarray, whi: np.ndarray):
    """``|mine[k] & other[p]|`` for ``p`` in ``wlo[k]..whi[k]`` (``window_counts`` layout).

    Why two ways (round 22): offset by offset, a chunk's rows longest window
    first (the rows still inside their window are then a prefix, read as a
    slice, as ``union_overlaps`` does) costs a few numpy calls per offset; a
    band's new strips (``one_to_one_band`` with ``known``) fill under half of
    their widest window, and there one gather of every pair's two rows is
    cheaper.  Same counts either way.  Why ``take`` for every gather of bit rows:
    it copies a row per index, where fancy indexing copies a 64-bit word at a
    time, twice as slow on rows of 64 words (round 20).
    """
    base, counts = window_counts(mine.rare, other.rare, 0, wlo, whi)
    found = counts[:, 0, 0].copy()
    span = np.diff(base)
    step = max(1, _ROWS // 8)  # rows (or pairs) per gather: bounds the working memory
    if 2 * int(base[-1]) < len(span) * int(span.max(initial=0)) and base[-1] <= _ROWS:
        ks = np.repeat(np.arange(len(span)), span)
        ps = np.arange(int(base[-1])) - base[ks] + wlo[ks]
        for at in range(0, len(ks), step):
            part = slice(at, at + step)
            found[part] += popcount(mine.bits.take(ks[part], 0) & other.bits.take(ps[part], 0))
        return found
    for r0 in range(0, len(span), step):
        ks = r0 + np.argsort(-span[r0 : r0 + step], kind="stable")  # longest window first
        lengths = span[ks]
        live_at = np.searchsorted(-lengths, -np.arange(lengths.max(initial=0)), "left")
        own, starts, at = mine.bits.take(ks, 0), wlo[ks], base[ks]
        for d, live in enumerate(live_at.tolist()):
            found[at[:live] + d] += popcount(own[:live] & other.bits.take(starts[:live] + d, 0))
    return found


def pair_counts(
    mine: tuple[SideProfiles, SplitRows], other: tuple[SideProfiles, SplitRows], ks, ps
) -> np.ndarray:
    """``|mine[k] & other[p]|`` for each listed pair (any order, any distance).

    Frequent n-grams by numpy bit rows; rare ones by Python set intersections for a
    few pairs, and from one join of the view's rare co-occurrences for many
    (``align_pair_join.listed_rare``, round 36: the chance levels' far pairs).
    Pairs that fill most of a grid (every listed left sentence against every
    listed right one: move detection's deletions x insertions) are counted as
    that grid (``grid_counts``).  Why the distinct sentences by ``bincount`` first (round
    30): ``np.unique`` hashed and sorted both lists on every call (1.1 % of a Text+Berg
    call), though only a grid reads them; a count of distinct sentences says the same.
    """
    if len(ks) >= _GRID_FROM and _distinct(ks) * _distinct(ps) <= 2 * len(ks):
        lefts, rights = np.unique(ks), np.unique(ps)
        grid = grid_counts(mine[1], other[1], lefts, rights)
        return grid[np.searchsorted(lefts, ks), np.searchsorted(rights, ps)]
    found = None  # many pairs, or a view already joined: its rare co-occurrences, joined once
    if len(ks) >= _JOIN_LOOKUP:
        found = listed_rare(mine[1].rare, other[1].rare, ks, ps, len(ks) >= _JOIN_FROM)
    if found is None:
        mine_rare, other_rare = mine[0].rare, other[0].rare
        pairs = zip(ks.tolist(), ps.tolist(), strict=True)
        found = np.fromiter((len(mine_rare[k] & other_rare[p]) for k, p in pairs), np.int64,
                            len(ks))  # fmt: skip
    for at in range(0, len(ks), _ROWS):
        step = slice(at, at + _ROWS)
        found[step] += popcount(mine[1].bits.take(ks[step], 0) & other[1].bits.take(ps[step], 0))
    return found


def _distinct(sentences: np.ndarray) -> int:
    """How many different sentence numbers (``>= 0``) ``sentences`` holds."""
    return int(np.count_nonzero(np.bincount(sentences))) if len(sentences) else 0


def union_overlaps(
    mine: SplitRows, other: SplitRows, first: int, wlo: np.ndarray, whi: np.ndarray
) -> np.ndarray:
    """``[row, s - 1]``: ``|mine[k] & (other[start] | .. | other[start+s-1])|``, s <= 4.

    One row per (k, start) with ``start`` in ``wlo[k - first]..whi[k - first]``;
    blocks running past the other side's end count what they hold.
    Why a sliding window: the block at ``start`` and the one at ``start + 1``
    share three sentences, so each ``mine[k] & other[p]`` is taken once per
    chunk of rows (for every row of the chunk; a row past its window's end is
    not written) and each union ORs the ones before it.
    Why the rows longest window first (round 16): the rows still inside their
    window at offset ``d`` are then a prefix of the chunk, read as slices; in
    window order they were gathered (four copies per offset once the shortest
    window had ended).  Same counts, written to the same rows.
    """
    base, counts = window_counts(mine.rare, other.rare, first, wlo, whi + _DEPTH - 1, _DEPTH)
    span = np.maximum(whi - wlo + 1, 0)
    start_base = np.zeros(len(span) + 1, np.int64)
    np.cumsum(span, out=start_base[1:])
    out = _rare_unions(counts[:, 0, :], base, start_base, span)
    last = len(other.bits) - 1
    step = max(1, _ROWS // 8)
    for r0 in range(0, len(span), step):
        ks = r0 + np.argsort(-span[r0 : r0 + step], kind="stable")  # longest window first
        lengths = span[ks]
        top = int(lengths[0]) if len(ks) else 0
        live_at = np.searchsorted(-lengths, -np.arange(top), "left").tolist()  # spans > d
        own, starts = mine.bits.take(first + ks, 0), wlo[ks]
        found = np.empty((top, len(ks), _DEPTH), np.uint16)  # counts by offset (read: inside)
        ands = [own & other.bits.take(np.minimum(starts + t, last), 0) for t in range(_DEPTH - 1)]
        for d in range(top):
            live = live_at[d]
            nxt = np.minimum(starts[:live] + d + _DEPTH - 1, last)
            ands.append(own[:live] & other.bits.take(nxt, 0))
            union = ands[0][:live]
            _popcount_into(union, found[d, :live, 0])
            union = union | ands[1][:live]
            _popcount_into(union, found[d, :live, 1])
            for t in range(2, _DEPTH):
                union |= ands[t][:live]
                _popcount_into(union, found[d, :live, t])
            del ands[0]
        inside = np.arange(top)[:, None] < lengths[None, :]  # (d, row) within the row's window
        rows = (start_base[ks][None, :] + np.arange(top)[:, None])[inside]
        out[rows] += found[inside]
    return out


def _rare_unions(counts: np.ndarray, base: np.ndarray, start_base: np.ndarray, span: np.ndarray):
    """``[row, s - 1]``: the rare ids' share of ``union_overlaps`` (``window_counts`` rows).

    Why apart: the count of block ``start..start+s-1`` is
    ``sum(t < s) counts[start + t, t]`` in the row's own window, gathered for
    all rows at once instead of four gathers per offset of the bit loop.
    """
    at = np.repeat(base[:-1] - start_base[:-1], span) + np.arange(int(start_base[-1]))
    out = np.empty((len(at), _DEPTH), np.int64)
    out[:, 0] = counts[at, 0]
    for t in range(1, _DEPTH):
        out[:, t] = out[:, t - 1] + counts[at + t, t]
    return out


def _popcount_into(rows: np.ndarray, out: np.ndarray) -> None:
    """``popcount(rows)`` written into ``out`` (16-bit sums: a row holds at most 16,384 bits)."""
    if _BITWISE_COUNT is None:  # numpy < 2
        out[...] = popcount(rows)
        return
    np.add.reduce(_BITWISE_COUNT(rows), axis=-1, dtype=np.uint16, out=out)


_GRID_FROM = 256  # listed pairs from which a grid is worth its matrix product
_JOIN_FROM = 512  # scattered pairs from which one join of the view beats set intersections
_JOIN_LOOKUP = 16  # pairs from which a view's join, once made, is read instead of sets
_GRID_WORDS = 1 << 16  # 64-bit words ANDed per step of a grid: bounds the working memory
_MATCHES = 1 << 17  # rare-id matches per step of a grid: bounds the working memory


def grid_counts(mine: SplitRows, other: SplitRows, lefts: np.ndarray, rights: np.ndarray):
    """``[a, b]``: ``|mine[lefts[a]] & other[rights[b]]|`` for every pair of the grid.

    Why: a pair at a time, each count gathers two 512-byte bit rows and
    intersects two Python sets; over a grid, each side's bit rows are gathered
    once and ANDed block against block (a matrix product would hand the work
    to a BLAS whose threads spin on a loaded machine), and the rare n-grams
    are one sorted join against the other side's every occurrence (a rare id
    occurs in few sentences).
    """
    counts = np.zeros((len(lefts), len(rights)), np.int64)
    for b0 in range(0, len(rights), 1024):
        theirs = other.bits.take(rights[b0 : b0 + 1024], 0)
        step = max(1, _GRID_WORDS // max(1, theirs.size))
        for a0 in range(0, len(lefts), step):
            ours = mine.bits.take(lefts[a0 : a0 + step], 0)
            block = popcount(ours[:, None, :] & theirs[None, :, :])
            counts[a0 : a0 + step, b0 : b0 + 1024] = block
    _add_rare(counts, mine.rare, other.rare, lefts, rights)
    return counts


def _add_rare(counts: np.ndarray, mine: IdRows, other: IdRows, lefts, rights) -> None:
    """``counts[a, b] += |mine[lefts[a]] & other[rights[b]]|`` (ids of rare n-grams)."""
    keys, _gaps = other.index()
    column = np.full(other.count + 1, -1, np.int64)  # other sentence -> grid column
    column[rights] = np.arange(len(rights))
    lengths = mine.ptr[lefts + 1] - mine.ptr[lefts]
    at = np.repeat(mine.ptr[lefts] - np.cumsum(lengths) + lengths, lengths)
    ids = mine.ids[at + np.arange(int(lengths.sum()))]
    owner = np.repeat(np.arange(len(lefts)), lengths)
    low = np.searchsorted(keys, ids * other.stride, "left")
    high = np.searchsorted(keys, (ids + 1) * other.stride, "left")
    found = high - low
    ends = np.cumsum(found)
    first = 0
    while first < len(found):  # about _MATCHES matches at a time
        done = int(ends[first - 1]) if first else 0
        last = max(first + 1, int(np.searchsorted(ends, done + _MATCHES, "right")))
        size = found[first:last]
        where = np.repeat(low[first:last] - np.cumsum(size) + size, size)
        where = where + np.arange(int(size.sum()))
        col = column[keys[where] % other.stride]
        row = np.repeat(owner[first:last], size)
        hit = col >= 0
        row, col = kept_all(hit, row, col)
        flat = row * len(rights) + col
        counts += np.bincount(flat, minlength=counts.size).reshape(counts.shape)
        first = last
