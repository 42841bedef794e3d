"""Lexical similarity of sentences: chrF-style character n-gram F-score.

Why character n-grams: they work for any language and script, tolerate
inflection and the rough wording of machine translation, and need no model.
Profiles are *sets* of n-grams (orders ``MIN_N``..``MAX_N``, pooled), so the
F1 between two profiles is the Dice coefficient ``2|A∩B| / (|A|+|B|)``, computed
by C-level set intersection: fast enough for banded alignment of 10k sentences.
Word unigrams and bigrams are pooled in as well (chrF++, Popović 2017): whole
words matched in the right order are stronger evidence than scattered character
n-grams, which matters for short sentences and rough MT.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from workbench.core.char_tables import char_tables as _char_tables
from workbench.core.char_tables import combining_marks as _combining_marks
from workbench.core.translit import transliterate

MIN_N = 2
MAX_N = 4
WORD_MARK = "\x00"  # prefix of word unigrams and bigrams in a profile

# a run of punctuation and spaces becomes one space (punctuation to spaces, then spaces
# collapsed, in one pass: ``\W`` is exactly punctuation or space)
_NON_WORD_RE = re.compile(r"\W+")
# letters ``transliterate`` changes (Greek, Cyrillic): a text without any passes unchanged
_TRANSLIT_RE = re.compile(r"[\u0370-\u052f\u1f00-\u1fff]")

Profile = frozenset[str]


def drop_combining(text: str) -> str:
    """``text.translate(_combining_marks())``: ``text`` without its combining marks.

    Why not ``translate``: it looks up every character in the table (~50 ns a
    character, most of folding a document's words for the cognate keys); a
    text holds few distinct characters, so each mark among them is removed
    with ``str.replace`` instead (deletions in any order: the same string).
    """
    marks = _combining_marks()
    for mark in [c for c in set(text) if ord(c) in marks]:
        text = text.replace(mark, "")
    return text


_NORMS: dict[str, str] = {}  # memo of normalize_for_similarity (emptied when full)
_NORMS_MAX = 1 << 16
_JOINED_FROM = 64
_SEPARATOR = "\u3400"  # a letter no step changes: texts normalised together stay apart


def normalize_for_similarity(text: str) -> str:
    """Case-, accent-, punctuation- and script-insensitive form of ``text`` (memoised)."""
    found = _NORMS.get(text)
    if found is None:
        found = _remember(text, _normalize(text))
    return found


normalize_for_similarity.cache_clear = _NORMS.clear  # type: ignore[attr-defined]


def normalize_all(texts: Sequence[str]) -> list[str]:
    """``[normalize_for_similarity(t) for t in texts]``, the new texts normalised together.

    Why: a document's texts are normalised once, at the aligner's first look;
    one call of each string method on all of them joined costs far less than
    four calls per sentence.  Same strings as one at a time.
    """
    missing = [t for t in dict.fromkeys(texts) if t not in _NORMS]
    if len(missing) >= _JOINED_FROM:  # a few texts: not worth the tables (built once)
        for text, norm in zip(missing, _normalize_joined(missing), strict=True):
            _remember(text, norm)
    return [normalize_for_similarity(t) for t in texts]


def _remember(text: str, norm: str) -> str:
    if len(_NORMS) >= _NORMS_MAX:
        _NORMS.clear()
    _NORMS[text] = norm
    return norm


def _normalize(text: str) -> str:
    """One text.

    Why the shortcuts: most texts hold no Greek or Cyrillic letter (nothing to
    transliterate), and replacing punctuation by spaces then collapsing spaces
    is one substitution of non-word runs; the result is the same string.
    """
    if _TRANSLIT_RE.search(text):
        text = transliterate(text)
    text = text.casefold()
    if not text.isascii():
        text = drop_combining(unicodedata.normalize("NFKD", text))
    return _NON_WORD_RE.sub(" ", text).strip()


def _normalize_joined(texts: list[str]) -> list[str]:
    """``_normalize`` of each text, computed on the texts joined by ``_SEPARATOR``.

    Every step works character by character or on runs of non-word
    characters, which the separator (a letter no step changes) ends;
    transliteration, which looks at neighbours, runs per text.  Combining
    marks are dropped and non-word runs collapsed on the code points with
    numpy (``str.translate`` and the regular expression cost ~50 ns a
    character).  A text holding the separator or a character beyond the
    tables falls back to one text at a time.
    """
    if not texts or any(_SEPARATOR in t for t in texts):
        return [_normalize(t) for t in texts]
    joined = _SEPARATOR.join(transliterate(t) if _TRANSLIT_RE.search(t) else t for t in texts)
    joined = unicodedata.normalize("NFKD", joined.casefold())
    codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), np.uint32)
    combining, word = _char_tables()
    if len(codes) and int(codes.max()) >= len(word):
        return [_normalize(t) for t in texts]
    codes = codes[~combining[codes]]
    is_word = word[codes]
    keep = is_word.copy()
    keep[1:] |= is_word[:-1]  # a non-word run keeps its first character, as a space
    keep[:1] = True
    kept = np.where(is_word, codes, np.uint32(32))[keep]
    parts = kept.tobytes().decode("utf-32-le", "surrogatepass").split(_SEPARATOR)
    if len(parts) != len(texts):
        return [_normalize(t) for t in texts]
    return [part.strip() for part in parts]


class ProfileBuilder:
    """Builds n-gram profiles, sharing one string object per distinct n-gram.

    Interning keeps memory proportional to the number of *distinct* n-grams
    plus one set slot per (sentence, n-gram), which matters at 10k sentences.
    """

    def __init__(self, min_n: int = MIN_N, max_n: int = MAX_N) -> None:
        self.min_n = min_n
        self.max_n = max_n
        self._vocab: dict[str, str] = {}
        self._numbers: defaultdict[str, int] = defaultdict(itertools.count().__next__)

    def profile(self, text: str) -> Profile:
        """The pooled character and word n-gram set of one text (chrF++ style)."""
        grams = self._grams(text)
        vocab = self._vocab
        return frozenset(map(vocab.setdefault, grams, grams))

    def numbered(self, text: str) -> frozenset[int]:
        """``profile(text)`` with every n-gram replaced by its number (first seen: 0).

        Why: the aligner turns profiles into arrays and bit masks; numbering
        here (one C-level dict probe per n-gram) spares a second pass mapping
        strings to ids, and small ints hash and compare faster than strings.
        """
        return frozenset(map(self._numbers.__getitem__, self._grams(text)))

    def numbers(self) -> list[int]:
        """The int objects ``numbered`` uses, by number (sets built from ids can share them)."""
        return list(self._numbers.values())

    def _grams(self, text: str) -> set[str]:
        norm = " " + normalize_for_similarity(text) + " "
        # spaces are collapsed, so no n-gram of 2+ characters is whitespace only
        grams = {norm[k : k + n] for n in range(self.min_n, self.max_n + 1)
                 for k in range(len(norm) - n + 1)}  # fmt: skip
        words = norm.split()
        # word n-grams are marked so they never collide with character n-grams
        mark = WORD_MARK.__add__
        grams.update(map(mark, words))
        grams.update(map(mark, map("_".join, zip(words, words[1:], strict=False))))
        grams.discard("  ")  # the text had no word at all
        return grams


def dice(a: Profile, b: Profile) -> float:
    """F1 of two n-gram sets (0 when both are empty)."""
    total = len(a) + len(b)
    if not total:
        return 0.0
    return 2.0 * len(a & b) / total


def chrf(a: str, b: str) -> float:
    """chrF-style similarity of two strings in [0, 1] (convenience wrapper)."""
    builder = ProfileBuilder()
    return dice(builder.profile(a), builder.profile(b))
