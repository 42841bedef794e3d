"""Rare shared n-grams of many listed sentence pairs, from one join per view.

Why (round 36): ``align_split.pair_counts`` counted the rare part of each listed
pair, ``|rare[k] & rare[p]|``, by a Python set intersection.  The chance levels
(``align_chance.calibrate``) list every sentence of both sides against five far
ones, about 2,500 pairs per side and view on Text+Berg, ten lists per call, and
96.6 % of those pairs share no rare n-gram (round 35).  Here a view's rare
co-occurrences are joined once: every rare occurrence of one side meets the
occurrences of its id on the other side (``IdRows.runs``: a rare id occurs in few
sentences), the pairs ``(k, p)`` are sorted as one integer key each, and their
counts are read by binary search, for either side's lists (the key swapped).
The counts are the same integers as the sets' (the id rows and the sets hold
the same renumbered ids), so every score is unchanged.

Linear: the join holds one entry per pair of occurrences of one id; a view
whose join would exceed ``_FACTOR`` times its occurrences is counted by the sets
(``None``), as before.
"""

from __future__ import annotations

import numpy as np

from workbench.core.align_band import IdRows

_FACTOR = 16  # join entries per rare occurrence beyond which the sets count instead


def listed_rare(
    mine: IdRows, other: IdRows, ks: np.ndarray, ps: np.ndarray, make: bool = True
) -> np.ndarray | None:
    """``|mine[ks[t]] & other[ps[t]]|`` of each listed pair, or ``None`` (the join too large,
    or not made yet and ``make`` false: a few pairs cost less by sets than a join)."""
    ks, ps = np.asarray(ks, np.int64), np.asarray(ps, np.int64)
    joined = other.joined
    if joined is not None and joined[0] is mine:  # the other side's join, the key swapped
        codes, counts = joined[1], joined[2]
        want = ps * mine.count + ks
    else:
        found = _joined(mine, other, make)
        if found is None:
            return None
        codes, counts = found
        want = ks * other.count + ps
    out = np.zeros(len(want), np.int64)
    if len(codes):
        at = np.minimum(np.searchsorted(codes, want), len(codes) - 1)
        hit = codes.take(at) == want
        out[hit] = counts.take(at[hit])
    return out


def _joined(mine: IdRows, other: IdRows, make: bool) -> tuple[np.ndarray, np.ndarray] | None:
    """Sorted keys ``k * other.count + p`` of the pairs sharing a rare id, and their counts
    (kept on ``mine``, with ``other``: the view's rows live as long as the scorer)."""
    kept = mine.joined
    if kept is not None and kept[0] is other:
        return kept[1], kept[2]
    if not make:
        return None
    starts, lengths, sentence = other.runs()
    ids, owner = mine.ids, mine.sentences(0, mine.count)
    if len(ids) and int(ids.max()) >= len(lengths):  # an id the other side never holds
        inside = ids < len(lengths)
        ids, owner = ids[inside], owner[inside]
    each = lengths.take(ids)
    total = int(each.sum())
    if total > _FACTOR * (len(mine.ids) + len(other.ids) + 1):
        return None
    ends = np.cumsum(each)
    where = np.repeat(starts.take(ids) - ends + each, each) + np.arange(total)
    codes = np.repeat(owner, each) * other.count + sentence.take(where)
    codes.sort()
    if total:
        first = np.flatnonzero(np.concatenate(([True], codes[1:] != codes[:-1])))
        counts = np.diff(np.append(first, total))
        codes = codes.take(first)
    else:
        counts = np.zeros(0, np.int64)
    mine.joined = other, codes, counts  # never a cycle: ``other`` then reads it swapped
    return codes, counts


def block_rare(mine: IdRows, other: IdRows, ks: np.ndarray, starts: np.ndarray, size: int):
    """``|mine[ks[t]] & (other[starts[t]] | ... | other[starts[t] + size - 1])|`` per ``t``
    (a block past the other side's end holds what it reaches).

    Why: the chance growth (``align_views.block_coverages``) samples 60 sentences per
    side and block size and unioned the other side's sets of each block: most of the
    sets a call made were made for it.  Here the samples' block ids are sorted once (as
    ``sample * width + id``; repeats need no removal, a search finds one of them) and each
    sample's own ids looked up there (a sentence holds an id once: each counts once).
    """
    count = len(ks)
    ids, owner = _rows_of(mine, ks, ks + 1)
    theirs, their_owner = _rows_of(other, starts, np.minimum(starts + size, other.count))
    if not len(ids) or not len(theirs):
        return np.zeros(count, np.int64)
    width = 1 + max(int(ids.max()), int(theirs.max()))
    block = np.sort(their_owner * width + theirs)
    keys = owner * width + ids
    at = np.minimum(np.searchsorted(block, keys), len(block) - 1)
    return np.bincount(owner[block.take(at) == keys], minlength=count)


def _rows_of(rows: IdRows, first: np.ndarray, stop: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The ids of sentences ``first[t]..stop[t] - 1`` for every ``t``, and each one's ``t``."""
    low, high = rows.ptr.take(first), rows.ptr.take(stop)
    lengths = high - low
    total = int(lengths.sum())
    at = np.repeat(low - np.cumsum(lengths) + lengths, lengths) + np.arange(total)
    return rows.ids.take(at), np.repeat(np.arange(len(first)), lengths)
