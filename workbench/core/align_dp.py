"""Banded monotonic dynamic programming for the sentence aligner.

Why two passes: a 1-1/skip pass in a band around the length-proportional
diagonal (bent through high-confidence anchors, doubled until the path stays
inside it) finds where the path runs; the full bead set is then searched only a
few cells around that path.  Time and memory are thus linear in document length
for similar-length documents.  Paths are plain tuples ``(i, a, j, b, similarity)``.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections.abc import Sequence

import numpy as np

from workbench.core.align_gains import band_gains, one_to_one_band
from workbench.core.align_scoring import COARSE_SHAPES, AlignParams, BeadScorer
from workbench.core.similarity import normalize_for_similarity

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
    every cell come a chunk of rows at a time from ``align_gains.band_gains``.
    """
    rows = band_gains(scorer, lo, hi, shapes)
    gains: list[list[list[float]]] = []  # per start row, per cell: gains by shape
    scores: list[list[float]] = []
    backs: list[bytearray] = []
    deepest = max(a for a, _b in shapes)
    for i in range(n + 1):
        scorer.new_row(i)
        low, high = lo[i], hi[i]
        row = [_NEG] * (high - low + 1)
        back = bytearray(high - low + 1)
        gains.append(next(rows))
        if i > deepest:
            gains[i - deepest - 1] = []  # never a start row again: keep memory linear
        # per shape: its index, the row it starts from, that row's band, scores and gains
        sources = [
            (s, b, lo[i - a], hi[i - a], row if a == 0 else scores[i - a], gains[i - a])
            for s, (a, b) in enumerate(shapes)
            if i - a >= 0
        ]
        for j in range(low, high + 1):
            if i == 0 and j == 0:
                row[0] = 0.0
                continue
            best, arg = _NEG, 0
            for s, b, p_lo, p_hi, p_scores, p_gains in sources:
                pj = j - b
                if pj < p_lo or pj > p_hi:
                    continue
                prev = p_scores[pj - p_lo]
                if prev == _NEG:
                    continue
                value = prev + p_gains[pj - p_lo][s]
                if value > best:
                    best, arg = value, s + 1
            row[j - low] = best
            back[j - low] = arg
        scores.append(row)
        backs.append(back)
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
    for i in range(n + 1):
        low, high = lo[i], hi[i]
        row = [_NEG] * (high - low + 1)
        back = bytearray(high - low + 1)
        if i:
            above, a_lo, a_hi, gain_row = scores[i - 1], lo[i - 1], hi[i - 1], ones[i - 1]
        for j in range(low, high + 1):
            best, arg = _NEG, 0
            if i:
                if a_lo < j <= a_hi + 1:  # 1-1 from (i-1, j-1)
                    prev = above[j - 1 - a_lo]
                    if prev != _NEG:
                        best, arg = prev + gain_row[j - 1 - a_lo], 1
                if a_lo <= j <= a_hi:  # 1-0 from (i-1, j)
                    prev = above[j - a_lo]
                    if prev != _NEG and prev + 0.0 > best:
                        best, arg = prev + 0.0, 2
            elif j == 0:
                row[0] = 0.0
                continue
            if j > low:  # 0-1 from (i, j-1)
                prev = row[j - 1 - low]
                if prev != _NEG and prev + 0.0 > best:
                    best, arg = prev + 0.0, 3
            row[j - low] = best
            back[j - low] = arg
        scores.append(row)
        backs.append(back)
    return _trace(backs, lo, (n, hi[n]), COARSE_SHAPES, None)


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


def anchor_chain(left: Sequence[str], right: Sequence[str]) -> list[tuple[int, int]]:
    """Sentence pairs that share a word bigram (or long word) unique in both documents.

    Only the longest chain increasing on both sides is kept, so a stray match
    cannot bend the band.  This is the coarse pass on high-confidence matches that
    centres the DP band where the documents really correspond (a long insertion
    moves the path far off the length-proportional diagonal).
    """
    pairs = _unique_pairs(left, right)
    tails: list[int] = []  # smallest j ending a chain of each length
    ends: list[int] = []  # index into pairs of that chain's last pair
    parent = [-1] * len(pairs)
    for index, (_i, j) in enumerate(pairs):
        pos = bisect_left(tails, j)
        parent[index] = ends[pos - 1] if pos else -1
        if pos == len(tails):
            tails.append(j)
            ends.append(index)
        else:
            tails[pos], ends[pos] = j, index
    chain: list[tuple[int, int]] = []
    index = ends[-1] if ends else -1
    while index >= 0:
        chain.append(pairs[index])
        index = parent[index]
    return chain[::-1]


def _unique_pairs(left: Sequence[str], right: Sequence[str]) -> list[tuple[int, int]]:
    """``(i, j)`` for every key held by only sentence ``i`` of left and only ``j`` of right.

    Keys: word bigrams and words of 7+ characters of the normalised text.  Sorted
    by ``i``, then ``j`` descending (the chain search's order).  Why numpy: this
    ran over every word of both documents as Python strings, 6 % of the aligner.
    """
    ids: dict[str, int] = {}
    sides = [_side_keys(texts, ids) for texts in (left, right)]
    vocabulary = len(ids) + 1
    unique = []
    for words, long_words, owner in sides:
        # a bigram (a, b) is key a * V + b + V; a long word is its id (< V)
        keys = np.concatenate(
            [long_words[0], (words[:-1] * vocabulary + words[1:] + vocabulary)[owner[1]]]
        )
        owners = np.concatenate([long_words[1], owner[0][:-1][owner[1]]])
        order = np.lexsort((owners, keys))
        keys, owners = keys[order], owners[order]
        fresh = np.ones(len(keys), bool)
        fresh[1:] = (keys[1:] != keys[:-1]) | (owners[1:] != owners[:-1])
        keys, owners = keys[fresh], owners[fresh]  # each key once per sentence
        alone = np.ones(len(keys), bool)  # ... and in no other sentence of this side
        alone[1:] &= keys[1:] != keys[:-1]
        alone[:-1] &= keys[:-1] != keys[1:]
        unique.append((keys[alone], owners[alone]))
    (lk, lo), (rk, ro) = unique
    _common, at_left, at_right = np.intersect1d(lk, rk, assume_unique=True, return_indices=True)
    pairs = sorted(set(zip(lo[at_left].tolist(), ro[at_right].tolist(), strict=True)))
    return sorted(pairs, key=lambda p: (p[0], -p[1]))


def _side_keys(texts: Sequence[str], ids: dict[str, int]):
    """Word ids of a side in order, its long words' ids with their sentence, and per word
    position (sentence, whether the next word is in the same sentence)."""
    split = [normalize_for_similarity(t).split() for t in texts]
    flat = list(itertools.chain.from_iterable(split))
    for word in flat:  # new words get the next id (dict.setdefault keeps the first)
        ids.setdefault(word, len(ids))
    words = np.fromiter(map(ids.__getitem__, flat), np.int64, len(flat))
    owner = np.repeat(np.arange(len(texts)), np.fromiter(map(len, split), np.int64, len(split)))
    long_mask = np.fromiter(map(len, flat), np.int64, len(flat)) >= 7
    pair = owner[1:] == owner[:-1] if len(owner) else np.zeros(0, bool)
    return words, (words[long_mask], owner[long_mask]), (owner, pair)


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
    while True:
        lo, hi = _centre_band(n, m, anchors, widths)
        ones = one_to_one_band(scorer, lo, hi, known)  # a wider band only adds cells
        path = coarse_dp(n, lo, hi, scorer, ones)
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
