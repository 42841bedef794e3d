"""The n-gram keys of a document pair's own sentences, packed once for all of a call's views.

Why: without MT the aligner compares the two documents directly, then, in
each word-table pass, each original side with the other side's gloss: five
views, in which each original side appears three times.  A side's n-gram keys
(``align_grams._side_keys``: packed character n-grams and word grams, made
distinct per sentence with a sort) depend only on its texts and on the
packing (the alphabet, the word table).  Packed here with the alphabet and
words of both documents, which every gloss draws from (``align_lexicon.gloss``
renders words of the other side's sentences), each original side is keyed
once per call instead of three times.

The keys are exact: two n-grams get one key if and only if they are the same
string (as in ``align_grams``); only the numbering differs from a view's own
packing, and every count the aligner takes is the same under any numbering.
A side holding a character or word outside the documents' (not a gloss) is
packed by the view itself (``side_keys`` returns ``None``).

The word ids of each side it keys are kept too (``words``): the anchor chain
(``align_chain.ChainKeys``) numbers the same words of the same sides once per
pass, and reads them here instead (round 33).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain, repeat

import numpy as np

from workbench.core.align_grams import (
    _codes,
    _side_keys,
    bigram_keys,
    bigram_starts,
    joined_words,
    marked_bigrams,
    underscore_words,
    word_counts,
)
from workbench.core.similarity import MAX_N, normalize_all

_MARKED = 1 << 20  # keys kept for bigrams holding a "_"-word (beyond: the view packs itself)


class GramCache:
    """Side keys of ``left`` and ``right`` (and any side made of their words), one packing."""

    def __init__(self, left: Sequence[str], right: Sequence[str]) -> None:
        norms = normalize_all(left), normalize_all(right)
        codes = [_codes(side)[0] for side in norms]
        self.present = np.zeros(1 + max((int(c.max()) for c in codes if len(c)), default=32), bool)
        for found in codes:
            self.present[found] = True
        self.present[32] = True  # the padding space
        table = np.cumsum(self.present, dtype=np.uint64)
        bits = int(table[-1]).bit_length()
        # each word numbered at its first occurrence (the distinct words, not every token)
        words = dict.fromkeys(chain.from_iterable(" ".join(side).split() for side in norms))
        self.ids: dict[str, int] = {word: k for k, word in enumerate(words)}
        self.vocabulary = len(self.ids)
        self.holders = underscore_words(norms)
        self.joined = joined_words(self.holders, self.ids)
        self._marked: dict[str, int] = {}
        base = 1 << (MAX_N * bits)
        top = base + self.vocabulary + self.vocabulary * self.vocabulary + _MARKED
        fits = MAX_N * bits <= 62 and top.bit_length() <= 63
        self.layout = (table, bits, base, top.bit_length()) if fits else None
        self._kept = {tuple(left): None, tuple(right): None}
        self._words: dict[tuple[str, ...], tuple[np.ndarray, np.ndarray]] = {}
        self._long: tuple[int, np.ndarray] | None = None

    def side_keys(self, texts: Sequence[str]) -> list[tuple[np.ndarray, ...]] | None:
        """``align_grams._side_keys`` of ``texts`` in this packing (kept for the originals);
        ``None`` when a character or word of ``texts`` is outside it."""
        if self.layout is None:
            return None
        key = tuple(texts)
        found = self._kept.get(key)
        if found is not None:
            return found
        norms = normalize_all(texts)
        code, lengths = _codes(norms)
        if len(code) and (int(code.max()) >= len(self.present) or not self.present[code].all()):
            return None
        flat = " ".join(norms).split()
        unigrams = np.fromiter(map(self.ids.get, flat, repeat(-1)), np.int64, len(flat))
        if len(unigrams) and int(unigrams.min()) < 0:
            return None
        counts = word_counts(norms)
        first = bigram_starts(unigrams, counts)
        marked = marked_bigrams(flat, unigrams, first, self.holders, self.ids, self._marked_key)
        if len(self._marked) > _MARKED:
            return None
        bigrams = bigram_keys(unigrams, first, self.vocabulary, self.joined, marked)
        keys = _side_keys(norms, (code, lengths), (unigrams, bigrams, counts), self.layout)
        if key in self._kept:
            self._kept[key] = keys
        self._words[key] = unigrams, counts
        return keys

    def words(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray] | None:
        """The word ids (``self.ids``) of a side ``side_keys`` has keyed, in order, and its
        words per text; ``None`` for a side it has not keyed (or could not)."""
        return self._words.get(tuple(texts))

    def long_words(self, length: int) -> np.ndarray:
        """Per word id, whether the word has at least ``length`` characters."""
        if self._long is None or self._long[0] != length:
            sizes = np.fromiter(map(len, self.ids), np.int64, self.vocabulary)
            self._long = length, sizes >= length
        return self._long[1]

    def _marked_key(self, gram: str) -> int:
        """Key of a bigram holding a ``_``-word: the word's when it spells one, else its own."""
        found = self.ids.get(gram)
        if found is not None:
            return found
        extra = self._marked.setdefault(gram, len(self._marked))
        return self.vocabulary + self.vocabulary * self.vocabulary + extra

    def forget(self) -> None:
        """Drop the kept keys (the call is over)."""
        self._kept.clear()
        self._marked.clear()
        self._words.clear()
