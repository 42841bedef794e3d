"""Word beginnings that one sentence of each side of a two-language pair holds: cognates.

Why: two agencies telling one story in two languages share few anchors (numbers,
capitalised names), and through the stand-in MT (a copy) the rest of a retelling is
unseen.  Yet related languages and loan words keep a word's beginning across the
border, once scripts and accents are folded: "Legionellen" / "légionelles",
"Antibiotika" / "antibiotiques", "Radar" / "радары", "Tanker" / "танкер".  When such
a beginning occurs in exactly one sentence of each document, it pins those two
sentences as a rare anchor does (round 18, ``benchmarks/align_xlang_misses.py``: a
missed paraphrase bead most often shares no anchor, and a join not proposed is the
next cause).  The keys feed the anchor passes that act on unique anchors only
(``align_anchor_moves.link_anchor_twins``, ``align_anchor_joins``), never the DP's
score: round 16 measured name beginnings as scored anchors and they lost on
Text+Berg, where topic words recur.

A key is ``~`` plus the first ``prefix`` letters of a word of at least
``prefix + 1`` letters, folded (lower case, transliterated, accents off, "ß" as
"ss"); one-word country and region names are left out (``place_keys``: a story names
its countries in many sentences).  Computed from the original texts, so a real MT
leaves the keys as they are; no word list; linear in the text.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from itertools import chain

from workbench.core.align_anchor_moves import Keys
from workbench.core.anchors import folds, place_keys

_WORD_RE = re.compile(r"[^\W\d_]+")


def word_beginnings(text: str, prefix: int) -> frozenset[str]:
    """The ``~``-keys of a sentence's words longer than ``prefix`` letters."""
    return sentence_beginnings([text], prefix)[0]


def sentence_beginnings(texts: Sequence[str], prefix: int) -> list[frozenset[str]]:
    """``word_beginnings`` of each text, each distinct word keyed once.

    Why together: a document repeats its words (a Text+Berg pair: 17,000 words,
    5,000 distinct), and the distinct ones are folded and skeletonised in one
    batch (``anchors.folds``: folds and name skeletons): the same keys, a fraction
    of the calls.
    """
    words = [_WORD_RE.findall(t) for t in texts]
    long = [w for w in dict.fromkeys(chain.from_iterable(words)) if len(w) > prefix]
    places = place_keys()
    keys: dict[str, str] = {
        word: "~" + folded.replace("ß", "ss")[:prefix]
        for word, folded, skeleton in zip(long, *folds(long), strict=True)
        if "@" + skeleton not in places
    }
    # a key is never empty ("~" and letters): ``filter`` drops only the words without one
    return [frozenset(filter(None, map(keys.get, found))) for found in words]


def cognate_keys(left: Sequence[str], right: Sequence[str], prefix: int) -> Keys:
    """Per sentence, its word beginnings held by exactly one sentence of each side.

    ``prefix`` 0 or less: no keys (off), one empty set per sentence.  Why a memo
    (the last pair's keys, ``_pair_keys``): a two-language call asks twice for the
    same texts, in the link steps after the passes (``align_link_steps``) and in the
    late look at anchor twins (``align_late_twins``); each look was 4.4 % of a warm
    Text+Berg part's call by instructions (round 25).
    """
    if prefix <= 0:
        return [frozenset()] * len(left), [frozenset()] * len(right)
    found = _pair_keys(tuple(left), tuple(right), prefix)
    return list(found[0]), list(found[1])  # fresh lists: the memo's stay as they are


@functools.lru_cache(maxsize=1)
def _pair_keys(left: tuple[str, ...], right: tuple[str, ...], prefix: int) -> tuple[tuple, tuple]:
    """``cognate_keys`` of one pair (``prefix`` > 0), as tuples."""
    sides = sentence_beginnings([*left, *right], prefix)
    sides = [sides[: len(left)], sides[len(left) :]]
    counts = [Counter(chain.from_iterable(side)) for side in sides]
    once = {k for k, n in counts[0].items() if n == 1 and counts[1].get(k) == 1}
    return tuple(s & once for s in sides[0]), tuple(s & once for s in sides[1])


cognate_keys.cache_clear = _pair_keys.cache_clear  # type: ignore[attr-defined]
