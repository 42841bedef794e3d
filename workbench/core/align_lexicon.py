"""A word-translation table learnt from the document pair itself (hunalign-style).

Why: without machine translation, two languages share only numbers, names and
cognates, so most sentences give the aligner little more than their length.
But a first alignment pass already links many sentences confidently; words
that keep co-occurring in those links are translations of each other
(``Regierung`` ~ ``gouvernement``).  Glossing every sentence word by word with
that table gives a rough "translation" the n-gram coverage can compare, and a
second pass then aligns with real lexical evidence.  Nothing is learnt across
documents: the table lives only for one call of ``align``.

Scores are Dice coefficients over the confident beads,
``2 c(w, v) / (c(w) + c(v))``; a pair needs ``min_count`` joint occurrences.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence

import numpy as np

from workbench.core.similarity import normalize_all, normalize_for_similarity

Lexicon = dict[str, str]
#: each sentence's normalised words, per side (``sentence_words``)
Words = tuple[list[list[str]], list[list[str]]]
_CODES = 1 << 18  # co-occurrence codes laid out per step


def _words(text: str) -> set[str]:
    """The words a pair's side counts with (numbers aside): the table's definition, which
    ``_pair_words`` computes for all pairs at once (and the tests' plain oracle reads)."""
    return {w for w in normalize_for_similarity(text).split() if not w.isdigit()}


def learn_lexicon(
    left: Sequence[str],
    right: Sequence[str],
    pairs: Iterable[tuple[int, int]],
    *,
    min_count: int = 2,
    min_dice: float = 0.3,
    words: Words | None = None,
) -> Lexicon:
    """Best translation of each left word among the right words of the confident pairs.

    Words become integer ids and each pair's co-occurrences one block of
    ``left id * width + right id`` codes, counted by ``numpy.unique``: a Counter
    of string pairs took a tenth of a same-language document's alignment time.
    ``words``: ``sentence_words(left, right)`` when the caller keeps them (the same tokens
    as splitting here, already hashed: the same table).
    """
    pairs = list(pairs)
    texts = [left[i] for i, _j in pairs], [right[j] for _i, j in pairs]
    normalize_all(texts[0] + texts[1])  # at once
    split: tuple[list[list[str]] | None, list[list[str]] | None] = (None, None)
    if words is not None:
        split = [words[0][i] for i, _j in pairs], [words[1][j] for _i, j in pairs]
    (lefts, left_n, left_rows), (rights, right_n, right_rows) = (
        _pair_words(side, min_count, kept) for side, kept in zip(texts, split, strict=True)
    )
    if not lefts or not rights:
        return {}
    width = len(rights)
    codes = _pair_codes(left_rows, right_rows, width)
    if not len(codes):
        return {}
    if len(lefts) * width < 1 << 32:
        codes = codes.astype(np.uint32)  # a narrower sort is faster
    codes, joint = np.unique(codes, return_counts=True)
    codes = codes.astype(np.int64)
    keep = joint >= min_count
    codes, joint = codes[keep], joint[keep]
    w, v = np.divmod(codes, width)
    dice = (2 * joint) / (left_n[w] + right_n[v])  # float64, as Python's int / int
    keep = dice >= min_dice
    w, v, joint, dice = w[keep], v[keep], joint[keep], dice[keep]
    if not len(w):
        return {}
    # per left word the largest (dice, count, word): the last of its run once sorted
    order = np.lexsort((v, joint, dice, w))
    w, v = w[order], v[order]
    last = np.append(w[1:] != w[:-1], True)
    return {lefts[a]: rights[b] for a, b in zip(w[last].tolist(), v[last].tolist(), strict=True)}


def _pair_words(texts: Sequence[str], min_count: int, split: list[list[str]] | None = None):
    """One side of the pairs: the words (numbers aside) found in ``min_count`` pairs or more,
    in string order; how many pairs hold each; and per pair, the ids (positions in that
    order) of its distinct such words with their count per pair.

    Why arrays: a Python set and Counter update per pair, and a list of ids per
    pair, took most of a one-direction MT alignment's word-table time.
    ``split``: each text's normalised words, when kept (``sentence_words``): the tokens
    ``" ".join(norms).split()`` gives, in the same order (a space never glues two words).
    """
    norms = normalize_all(texts)
    flat = " ".join(norms).split() if split is None else list(itertools.chain.from_iterable(split))
    per = np.fromiter((t.count(" ") + 1 if t else 0 for t in norms), np.int64, len(norms))
    ids: defaultdict[str, int] = defaultdict(itertools.count().__next__)
    token = np.fromiter(map(ids.__getitem__, flat), np.int64, len(flat))
    vocabulary = list(ids)
    # each word once per pair: (pair, word) codes made distinct
    codes = np.unique(np.repeat(np.arange(len(norms)), per) * max(1, len(ids)) + token)
    pair, word = np.divmod(codes, max(1, len(ids)))
    number = np.fromiter(map(str.isdigit, vocabulary), bool, len(vocabulary))
    pair, word = pair[~number[word]], word[~number[word]]
    held = np.bincount(word, minlength=len(ids))
    kept = sorted(np.flatnonzero(held >= min_count).tolist(), key=vocabulary.__getitem__)
    rank = np.full(len(ids), -1, np.int64)
    rank[kept] = np.arange(len(kept))
    inside = rank[word] >= 0
    rows = rank[word][inside], np.bincount(pair[inside], minlength=len(norms))
    return [vocabulary[k] for k in kept], held[kept].astype(np.int64), rows


def _pair_codes(left_rows, right_rows, width: int) -> np.ndarray:
    """``left id * width + right id`` of every (left word, right word) co-occurring in a pair.

    Why one pass: a numpy call per pair cost more than the counting itself on
    long documents; here each pair's block is laid out with ``repeat``.
    """
    (li, nl), (ri, nr) = left_rows, right_rows
    sizes = nl * nr
    ends = np.cumsum(sizes)
    at_left, at_right = np.cumsum(nl) - nl, np.cumsum(nr) - nr
    out, first = [], 0
    while first < len(sizes):  # about _CODES codes at a time: bounded working memory
        done = int(ends[first - 1]) if first else 0
        last = max(first + 1, int(np.searchsorted(ends, done + _CODES, "right")))
        size = sizes[first:last]
        pair = np.repeat(np.arange(first, last), size)
        offset = np.arange(int(size.sum())) - np.repeat(np.cumsum(size) - size, size)
        a, b = np.divmod(offset, np.maximum(nr[pair], 1))
        out.append(li[at_left[pair] + a] * width + ri[at_right[pair] + b])
        first = last
    return np.concatenate(out) if out else np.zeros(0, np.int64)


def reverse_view(
    left: Sequence[str],
    right: Sequence[str],
    left_mt: Sequence[str] | None,
    right_mt: Sequence[str] | None,
) -> tuple[list[str], list[str]]:
    """The comparison view of the missing MT direction, glossed through the given MT's words.

    Why: with machine translation in one direction only, every link rests on
    one view (the MT against the other side), so one bad MT sentence leaves
    its pair without evidence.  But the MT *and its source* are a perfectly
    parallel text: words that co-occur in ``source[k]`` and ``mt[k]`` are the
    engine's own word translations.  Inverted, that table glosses the other
    side back into the source language, a second, partly independent view
    (original source wording against the other side's words), as a second MT
    direction would give.  Returns ``(left view, right view)``.
    """
    pairs = [(k, k) for k in range(len(left_mt if left_mt is not None else right_mt or []))]
    if left_mt is not None:  # left -> right MT: its table maps left words to right-language words
        table = invert(learn_lexicon(left, left_mt, pairs))
        return list(left), [gloss(t, table) for t in right]
    table = learn_lexicon(right_mt or [], right, pairs)  # left-language MT words -> right words
    return [gloss(t, table) for t in left], list(right)


def invert(lexicon: Lexicon) -> Lexicon:
    """The reverse table (right word -> left word), first entry kept on a clash."""
    reverse: Lexicon = {}
    for w, v in sorted(lexicon.items()):
        reverse.setdefault(v, w)
    return reverse


def prefix_lexicon(
    left: Sequence[str], right: Sequence[str], pairs: Iterable[tuple[int, int]], size: int
) -> Lexicon:
    """``learn_lexicon`` on word beginnings: the first ``size`` letters of each word.

    Why: a blind pair (no MT, no shared script, ``align_blind``) learns its table
    from links its first pass made on lengths, few and partly wrong; each
    inflected form (``Gletscher``/``Gletschers``, ``glacier``/``glaciers``) is
    then too rare to reach ``min_count`` pairs, and most words stay unglossed.
    Their beginnings pool the forms.  Used only as a fallback for words the
    word table lacks (``gloss``), and only in blind pairs: where the sides
    share a script the direct comparison already sees cognates and names, and
    beginnings added noise (``AlignParams.blind_prefix``).
    """

    def cut(text: str) -> str:
        return " ".join(w[:size] for w in normalize_for_similarity(text).split())

    return learn_lexicon([cut(t) for t in left], [cut(t) for t in right], pairs)


def gloss(text: str, lexicon: Lexicon, prefixes: Lexicon | None = None, size: int = 0) -> str:
    """Word-by-word rendering of ``text``: known words translated, others (names, numbers) kept.

    ``prefixes`` (``prefix_lexicon`` with ``size``): a word the table lacks is
    rendered by its beginning's translation, when there is one.
    """
    return gloss_words(normalize_for_similarity(text).split(), lexicon, prefixes, size)


def sentence_words(left: Sequence[str], right: Sequence[str]) -> Words:
    """Each sentence's normalised words, per side, split once for a call's word-table passes.

    Why (round 44, speed44): each word-table pass glossed every sentence from its text
    (normalised, split, each new word string hashed at its table look-up) and counted the
    confident pairs' words the same way; the originals do not change between passes, so
    their words are split once and the later pass's look-ups find the hashes made.
    """
    return [t.split() for t in normalize_all(left)], [t.split() for t in normalize_all(right)]


def gloss_words(words: Sequence[str], lexicon: Lexicon, prefixes: Lexicon | None = None,
                size: int = 0) -> str:  # fmt: skip
    """``gloss`` of a text whose normalised words are ``words`` (``sentence_words``)."""
    if not prefixes:  # lexicon.get(w, w) per word, mapped in C (a generator cost 2-3x more)
        return " ".join(map(lexicon.get, words, words))
    return " ".join(lexicon.get(w) or prefixes.get(w[:size], w) for w in words)


def identity_share(lexicon: Lexicon) -> float:
    """Share of entries translating a word to itself: high when both sides are one language."""
    if not lexicon:
        return 1.0
    return sum(1 for w, v in lexicon.items() if w == v) / len(lexicon)
