"""The anchor chain: sentence pairs sharing a word bigram (or long word) unique in both documents.

Why a module apart from ``align_dp``: the chain bends the coarse DP's band,
but it is computed from the texts alone (no scorer), and a call without MT
asks it once per pass, keeping the sides it repeats (``ChainKeys``).
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections.abc import Sequence

import numpy as np

from workbench.core.align_gram_cache import GramCache
from workbench.core.align_masks import kept_all
from workbench.core.similarity import normalize_all

_LONG = 7  # characters from which a word alone is a key


def anchor_chain(
    left: Sequence[str], right: Sequence[str], keys: ChainKeys | None = None
) -> list[tuple[int, int]]:
    """Sentence pairs that share a word bigram (or long word) unique in both documents.

    Only the longest chain increasing on both sides is kept, so a stray match
    cannot bend the band.  This is the coarse pass on high-confidence matches that
    centres the DP band where the documents really correspond (a long insertion
    moves the path far off the length-proportional diagonal).
    ``keys``: a call's ``ChainKeys``, when its passes ask again about a side.
    """
    pairs = _unique_pairs(left, right, keys)
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


class ChainKeys:
    """One call's word ids and each side's ``_side_keys``, kept across its passes.

    Why: without MT every word-table pass chains the original right side
    again (its left side is a new gloss each time).  Ids only grow, so a
    side's kept word ids stay valid; which keys are equal, and so the pairs,
    do not depend on the numbering.
    ``grams``: the call's ``align_gram_cache.GramCache`` (no MT), whose word ids
    this numbering starts from; a side it has keyed for the scorer's views (the
    originals, each pass's glosses) takes its ids from there instead of splitting
    and numbering its words again (round 33: most of the chain's time).
    """

    def __init__(self, grams: GramCache | None = None) -> None:
        self.ids: dict[str, int] = dict(grams.ids) if grams is not None else {}
        self._grams = grams
        self._sides: dict[tuple[str, ...], tuple] = {}
        self._unique: dict[tuple[tuple[str, ...], int], tuple] = {}

    def side(self, texts: Sequence[str]) -> tuple:
        """``_side_keys(texts, self.ids)``, computed once per distinct side."""
        key = tuple(texts)
        found = self._sides.get(key)
        if found is None:
            words = self._grams.words(texts) if self._grams is not None else None
            if words is not None:
                found = _known_side_keys(*words, self._grams.long_words(_LONG))
            else:
                found = _side_keys(texts, self.ids)
            self._sides[key] = found
        return found

    def unique(self, texts: Sequence[str], side: tuple, vocabulary: int):
        """``_unique_keys(side, vocabulary)`` of ``texts`` (its ``side``), once per size of
        the numbering: the right side of every word-table pass is the same original."""
        key = tuple(texts), vocabulary
        found = self._unique.get(key)
        if found is None:
            found = self._unique[key] = _unique_keys(side, vocabulary)
        return found


def _unique_pairs(
    left: Sequence[str], right: Sequence[str], keys: ChainKeys | None = None
) -> list[tuple[int, int]]:
    """``(i, j)`` for every key held by only sentence ``i`` of left and only ``j`` of right.

    Keys: word bigrams and words of 7+ characters of the normalised text.  Sorted
    by ``i``, then ``j`` descending (the chain search's order).  Why numpy: this
    ran over every word of both documents as Python strings, 6 % of the aligner.
    """
    keys = keys or ChainKeys()
    sides = [keys.side(texts) for texts in (left, right)]
    vocabulary = len(keys.ids) + 1
    lk, lo = keys.unique(left, sides[0], vocabulary)
    rk, ro = keys.unique(right, sides[1], vocabulary)
    _common, at_left, at_right = np.intersect1d(lk, rk, assume_unique=True, return_indices=True)
    pairs = sorted(set(zip(lo[at_left].tolist(), ro[at_right].tolist(), strict=True)))
    return sorted(pairs, key=lambda p: (p[0], -p[1]))


def _unique_keys(side: tuple, vocabulary: int) -> tuple[np.ndarray, np.ndarray]:
    """A side's keys that one sentence alone holds, sorted, with that sentence."""
    words, long_words, owner = side
    # a bigram (a, b) is key a * V + b + V; a long word is its id (< V)
    keys = np.concatenate(
        [long_words[0], (words[:-1] * vocabulary + words[1:] + vocabulary)[owner[1]]]
    )
    owners = np.concatenate([long_words[1], owner[0][:-1][owner[1]]])
    order = np.lexsort((owners, keys))
    keys, owners = keys[order], owners[order]
    fresh = np.ones(len(keys), bool)
    fresh[1:] = (keys[1:] != keys[:-1]) | (owners[1:] != owners[:-1])
    keys, owners = kept_all(fresh, keys, owners)  # each key once per sentence
    alone = np.ones(len(keys), bool)  # ... and in no other sentence of this side
    alone[1:] &= keys[1:] != keys[:-1]
    alone[:-1] &= keys[:-1] != keys[1:]
    return kept_all(alone, keys, owners)


def _side_keys(texts: Sequence[str], ids: dict[str, int]):
    """Word ids of a side in order, its long words' ids with their sentence, and per word
    position (sentence, whether the next word is in the same sentence)."""
    split = [norm.split() for norm in normalize_all(texts)]
    flat = list(itertools.chain.from_iterable(split))
    # new words get the next ids in order of first occurrence (each distinct word once)
    fresh = [word for word in dict.fromkeys(flat) if word not in ids]
    ids.update(zip(fresh, range(len(ids), len(ids) + len(fresh)), strict=True))
    words = np.fromiter(map(ids.__getitem__, flat), np.int64, len(flat))
    owner = np.repeat(np.arange(len(texts)), np.fromiter(map(len, split), np.int64, len(split)))
    long_mask = np.fromiter(map(len, flat), np.int64, len(flat)) >= _LONG
    pair = owner[1:] == owner[:-1] if len(owner) else np.zeros(0, bool)
    return words, (words[long_mask], owner[long_mask]), (owner, pair)


def _known_side_keys(words: np.ndarray, counts: np.ndarray, long_ids: np.ndarray):
    """``_side_keys`` from a side's word ids in order and its words per text (``GramCache``:
    the same words of the same normalised texts), ``long_ids`` per id: 7+ characters."""
    owner = np.repeat(np.arange(len(counts)), counts)
    long_mask = long_ids.take(words)
    pair = owner[1:] == owner[:-1] if len(owner) else np.zeros(0, bool)
    return words, (words[long_mask], owner[long_mask]), (owner, pair)
