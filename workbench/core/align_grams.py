"""The n-gram profiles of a whole aligner view at once, as rows of integer ids (numpy).

Why: building each sentence's profile as a set of n-gram *strings*
(``similarity.ProfileBuilder``) was a third of the aligner's time, all of it
in Python (one string object per n-gram occurrence, hashed into a set, then
numbered).  Here the normalised texts of both sides become one array of
character codes; every character n-gram is packed into one integer (a few
bits per character of the view's alphabet), word unigrams and bigrams get
integers from a word table, and one sort per chunk removes the repeats
within each sentence.  A final sort numbers the distinct n-grams of the view.

The sets are exactly those of ``ProfileBuilder.profile``: two n-grams get the
same integer if and only if they are the same string (different orders never
collide: a packed character is never 0).  The string path stays for the two
cases where packing cannot reproduce it (``view_rows`` returns ``None``): a
word holding ``_``, which ``"_".join`` of a bigram could confuse with another
word gram, and an alphabet too large for the packing.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from workbench.core.align_masks import kept as _kept
from workbench.core.align_masks import kept_all
from workbench.core.similarity import MAX_N, MIN_N, normalize_all

Rows = tuple[np.ndarray, np.ndarray]  # (ids of every sentence, one after another; row starts)
_CHUNK = 2048  # sentences per sort: bounds the working memory (and fits text numbers in 16 bits)


def view_rows(left: Sequence[str], right: Sequence[str], cache=None) -> tuple[Rows, Rows] | None:
    """Both sides' n-gram sets as rows of ids numbered together (ids ascending in a row).

    ``None`` when the packed form could differ from the string sets (see the
    module docstring); the caller then builds the profiles as strings.
    ``cache``: an ``align_gram_cache.GramCache`` of the call's documents, whose
    packing keys each original side once for all views (used when it covers both sides).
    """
    if cache is not None:
        cached = [cache.side_keys(side) for side in (left, right)]
        if cached[0] is not None and cached[1] is not None:
            return _numbered(cached)
    norms = [normalize_all(side) for side in (left, right)]
    codes = [_codes(side) for side in norms]
    present = np.zeros(1 + max((int(c.max()) for c, _ in codes if len(c)), default=32), bool)
    for found, _lengths in codes:
        present[found] = True
    table = np.cumsum(present, dtype=np.uint64)  # code point -> 1..alphabet size
    bits = int(table[-1]).bit_length()
    words, top = _word_keys(norms)
    base = 1 << (MAX_N * bits)  # word grams come after every packed character n-gram
    if MAX_N * bits > 62 or (base + top).bit_length() > 63:
        return None
    layout = (table, bits, base, (base + top).bit_length())
    keys = [_side_keys(*side, layout) for side in zip(norms, codes, words, strict=True)]
    return _numbered(keys)


def _word_keys(norms: list[list[str]]) -> tuple[list[tuple[np.ndarray, ...]], int]:
    """Per side: each word's unigram key, the key of the bigram it starts (-1: none), word
    counts per text; and the size of the word-gram key range.

    A bigram's key is computed from its words' ids (``V + w1 * V + w2``).  Why
    the care with ``_``: the sets key a bigram by ``"_".join``, so a word
    holding ``_`` makes strings meet (``a_b c`` and ``a b_c``; the word ``a_b``
    and the bigram ``a b``).  Only such bigrams are keyed by their string,
    through the unigrams' table, and a plain bigram ``a b`` takes the key of a
    word ``a_b`` when there is one; a plain bigram's string holds one ``_``
    and a bigram with a ``_``-word at least two, so the two never meet.
    """
    flats = [" ".join(side).split() for side in norms]
    counts = [word_counts(side) for side in norms]
    ids: defaultdict[str, int] = defaultdict(itertools.count().__next__)
    unigrams = [np.fromiter(map(ids.__getitem__, flat), np.int64, len(flat)) for flat in flats]
    starts = [bigram_starts(uni, count) for uni, count in zip(unigrams, counts, strict=True)]
    holders = underscore_words(norms)
    joined = joined_words(holders, ids)
    marked = [
        marked_bigrams(flat, uni, first, holders, ids, ids.__getitem__)
        for flat, uni, first in zip(flats, unigrams, starts, strict=True)
    ]
    vocabulary = len(ids)
    out = [
        (uni, bigram_keys(uni, first, vocabulary, joined, mark), count)
        for uni, first, mark, count in zip(unigrams, starts, marked, counts, strict=True)
    ]
    return out, vocabulary + vocabulary * vocabulary


def word_counts(norms: Sequence[str]) -> np.ndarray:
    """Words per normalised text."""
    return np.fromiter((t.count(" ") + 1 if t else 0 for t in norms), np.int64, len(norms))


def bigram_starts(unigrams: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Per word, its id when it starts a bigram (-1: a text's last word)."""
    first = np.append(unigrams[:-1], -1) if len(unigrams) else unigrams.copy()
    first[np.cumsum(counts)[counts > 0] - 1] = -1
    return first


def underscore_words(norms: Sequence[Sequence[str]]) -> set[str]:
    """The words holding ``_`` (which ``"_".join`` of a bigram could spell)."""
    return {w for side in norms for t in side if "_" in t for w in t.split() if "_" in w}


def joined_words(holders: set[str], ids) -> dict[tuple[int, int], int]:
    """Plain bigrams ``(a, b)`` that spell a word ``a_b`` of ``holders``, to that word's id."""
    joined = {}
    for word in sorted(w for w in holders if w.count("_") == 1):
        a, b = word.split("_")
        if a in ids and b in ids:
            joined[(ids[a], ids[b])] = ids[word]
    return joined


def marked_bigrams(flat, unigrams, first, holders: set[str], ids, key_of):
    """The bigrams holding a ``_``-word: their positions and keys (``key_of`` their string)."""
    if not holders:
        return None
    holds = np.isin(unigrams, np.array(sorted(ids[w] for w in holders if w in ids), np.int64))
    at = np.nonzero((first >= 0) & (holds | np.append(holds[1:], False)))[0]
    keys = [key_of("_".join((flat[k], flat[k + 1]))) for k in at.tolist()]
    return at, np.array(keys, np.int64)


def bigram_keys(unigrams, first, vocabulary: int, joined, marked) -> np.ndarray:
    """Per word, the key of the bigram it starts (-1: none): ``V + w1 * V + w2``, except
    plain bigrams spelling a ``_``-word (``joined``) and bigrams with one (``marked``)."""
    bi = np.full(len(first), -1, np.int64)
    pair = first >= 0
    bi[pair] = vocabulary + first[pair] * vocabulary + unigrams[1:][pair[:-1]]
    for (a, b), word in joined.items():
        bi[bi == vocabulary + a * vocabulary + b] = word
    if marked is not None:
        bi[marked[0]] = marked[1]
    return bi


def _codes(norms: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Code points of every padded text (``" " + text + " "``) end to end, and their lengths."""
    joined = " " + "  ".join(norms) + " " if norms else ""
    codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), np.uint32)
    return codes, np.fromiter((len(t) + 2 for t in norms), np.int64, len(norms))


def _side_keys(norms, codes, words, layout) -> list[tuple[np.ndarray, ...]]:
    """One side's distinct (n-gram key, text) pairs, chunk by chunk, sorted by key then text."""
    (code, lengths), (unigrams, bigrams, counts) = codes, words
    code_ptr = np.zeros(len(norms) + 1, np.int64)
    np.cumsum(lengths, out=code_ptr[1:])
    word_ptr = np.zeros(len(norms) + 1, np.int64)
    np.cumsum(counts, out=word_ptr[1:])
    parts = []
    for first in range(0, len(norms), _CHUNK):
        last = min(first + _CHUNK, len(norms))
        at = slice(word_ptr[first], word_ptr[last])
        chunk = (code[code_ptr[first] : code_ptr[last]], lengths[first:last])
        parts.append(_chunk_keys(chunk, (unigrams[at], bigrams[at], counts[first:last]), layout))
    return parts


def _chunk_keys(codes, words, layout) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A chunk's (key, text) pairs without repeats within a text: its distinct keys (sorted),
    each pair's index among them with the pairs ordered by text then key, and each text's
    number of pairs.  Why the order here: a side kept for several views
    (``align_gram_cache``) is sorted by text once, not once per view.

    Why a sort per n-gram order: packed n-grams of order n all lie below those
    of order n + 1 (a packed character is never 0) and word grams above them
    all, so the orders are sorted apart and simply joined; most orders then fit
    (key, text) in 32 bits, whose sort is twice as fast.
    """
    (code, lengths), (unigrams, bigrams, counts) = codes, words
    table, bits, base, key_bits = layout
    count = len(lengths)
    owner_bits = max(1, count.bit_length())
    chars = table.take(code)  # take: half the time of a fancy index by uint32 codes (round 27)
    owner = np.repeat(np.arange(count, dtype=np.uint64), lengths)
    # characters from each position to its text's end (a padded text's last is its space)
    room = np.repeat(np.cumsum(lengths), lengths) - np.arange(len(chars))
    groups = []
    packed = chars
    shift = np.uint64(bits)
    space = int(table[32])
    for n in range(2, MAX_N + 1):
        packed = (packed[:-1] << shift) | chars[n - 1 :]
        if n >= MIN_N:
            valid = room[: len(packed)] >= n
            if n == 2:  # "  ": a text with no word at all
                valid &= packed != np.uint64((space << bits) | space)
            groups.append((packed, owner[: len(packed)], valid, n * bits))
    word_owner = np.repeat(np.arange(count, dtype=np.uint64), counts)
    pair = bigrams >= 0
    word_keys = np.concatenate([unigrams, bigrams[pair]]).astype(np.uint64) + np.uint64(base)
    groups.append((word_keys, np.concatenate([word_owner, word_owner[pair]]), None, key_bits))
    found = [_distinct_pairs(key, who, width, owner_bits, valid)
             for key, who, valid, width in groups]  # fmt: skip
    key = np.concatenate([k for k, _w in found])
    who = np.concatenate([w for _k, w in found])  # uint16: a chunk holds < 65,536 texts
    # kept compact until the view is numbered: distinct keys, each pair's run, its text
    fresh = np.ones(len(key), bool)
    np.not_equal(key[1:], key[:-1], out=fresh[1:])
    run = np.cumsum(fresh.view(np.int8), dtype=np.int32) - 1  # a boolean cumsum is slow
    distinct = _kept(key, fresh)
    return distinct, _by_text(run, who, len(distinct)), np.bincount(who, minlength=count)


def _by_text(run: np.ndarray, who: np.ndarray, distinct: int) -> np.ndarray:
    """``run`` regrouped text by text, each text's runs ascending (a stable sort by ``who``).

    Why one sort of packed (text, run) integers (round 40): the pairs come ordered by key,
    so each text's runs are already ascending and a text never holds a run twice; the
    sorted pairs are then exactly the stable order by text, and one 32-bit sort of them
    took about half the time of a stable argsort of the texts plus the gather by it.
    """
    shift = max(1, distinct.bit_length())
    if shift + max(1, int(who.max(initial=0)).bit_length()) > 32:  # too wide: the argsort
        return run.take(np.argsort(who, kind="stable"))
    joint = (who.astype(np.uint32) << np.uint32(shift)) | run.astype(np.uint32)
    joint.sort()
    return (joint & np.uint32((1 << shift) - 1)).astype(np.int32)


def _distinct_pairs(
    key, who, key_bits: int, owner_bits: int, valid=None
) -> tuple[np.ndarray, np.ndarray]:
    """The distinct (key, text) pairs of one group (where ``valid``, if given), sorted by key
    then text: the keys (uint64) and their texts (uint16).

    Why the pair is packed before the selection (round 34): one selection of the packed
    pairs (32-bit when they fit) instead of one of the keys and one of the texts.
    """
    if key_bits + owner_bits <= 64:
        joint = (key << np.uint64(owner_bits)) | who
        if key_bits + owner_bits <= 32:
            joint = joint.astype(np.uint32)
        if valid is not None:
            joint = joint[valid]  # a mask of long runs: the subscript (align_masks: why)
        joint.sort()
        fresh = np.ones(len(joint), bool)
        np.not_equal(joint[1:], joint[:-1], out=fresh[1:])
        joint = _kept(joint, fresh)
        texts = (joint & joint.dtype.type((1 << owner_bits) - 1)).astype(np.uint16)
        return (joint >> joint.dtype.type(owner_bits)).astype(np.uint64), texts
    if valid is not None:
        key, who = key[valid], who[valid]
    order = np.lexsort((who, key))
    key, who = key[order], who[order]
    fresh = np.ones(len(key), bool)
    fresh[1:] = (key[1:] != key[:-1]) | (who[1:] != who[:-1])
    found = kept_all(fresh, key, who)
    return found[0], found[1].astype(np.uint16)


def _numbered(sides: list[list[tuple[np.ndarray, ...]]]) -> tuple[Rows, Rows]:
    """Keys replaced by dense ids ``0..distinct-1`` shared by both sides, in key order; rows.

    Why this way: each chunk's distinct keys are sorted, so only they (far
    fewer than its pairs) are ordered together and ranked; the pairs are
    already ordered by text (``_chunk_keys``), each text's ids ascending.
    """
    # each chunk's distinct keys are sorted: a stable argsort (a merge of sorted runs) orders
    # them all, and each key's id is the count of distinct keys before it there (round 27: a
    # binary search per key into the distinct keys took four times as long)
    keys = [own for parts in sides for own, _run, _sizes in parts]
    every = np.concatenate(keys or [np.zeros(0, np.uint64)])
    order = np.argsort(every, kind="stable")
    every = every.take(order)
    fresh = np.ones(len(every), np.int32)
    fresh[1:] = every[1:] != every[:-1]
    rank = np.empty(len(every), np.int32)
    rank[order] = np.cumsum(fresh, dtype=np.int32) - 1
    del every, fresh, order
    out, at = [], 0
    for parts in sides:
        ids, sizes = [], []
        for own, run, counts in parts:
            ids.append(rank[at : at + len(own)].take(run))
            at += len(own)
            sizes.append(counts)
        ptr = np.zeros(1 + sum(len(s) for s in sizes), np.int64)
        if sizes:
            np.cumsum(np.concatenate(sizes), out=ptr[1:])
        out.append((np.concatenate(ids) if ids else np.zeros(0, np.int32), ptr))
    return out[0], out[1]
