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

from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import product

from workbench.core.similarity import normalize_for_similarity

Lexicon = dict[str, str]


def _words(text: str) -> set[str]:
    return {w for w in normalize_for_similarity(text).split() if not w.isdigit()}


def learn_lexicon(
    left: Sequence[str],
    right: Sequence[str],
    pairs: Iterable[tuple[int, int]],
    *,
    min_count: int = 2,
    min_dice: float = 0.3,
) -> Lexicon:
    """Best translation of each left word among the right words of the confident pairs."""
    joint: Counter[tuple[str, str]] = Counter()
    left_count: Counter[str] = Counter()
    right_count: Counter[str] = Counter()
    words = [(_words(left[i]), _words(right[j])) for i, j in pairs]
    for lw, rw in words:
        left_count.update(lw)
        right_count.update(rw)
    for lw, rw in words:  # a word seen once cannot co-occur min_count times: memory stays small
        lw = {w for w in lw if left_count[w] >= min_count}
        rw = {v for v in rw if right_count[v] >= min_count}
        joint.update(product(lw, rw))
    best: dict[str, tuple[float, int, str]] = {}
    for (w, v), count in joint.items():
        if count < min_count:
            continue
        dice = 2 * count / (left_count[w] + right_count[v])
        # ties: the more frequent pair, then alphabetical (deterministic)
        key = (dice, count, v)
        if dice >= min_dice and (w not in best or key > best[w]):
            best[w] = key
    return {w: key[2] for w, key in best.items()}


def invert(lexicon: Lexicon) -> Lexicon:
    """The reverse table (right word -> left word), first entry kept on a clash."""
    reverse: Lexicon = {}
    for w, v in sorted(lexicon.items()):
        reverse.setdefault(v, w)
    return reverse


def gloss(text: str, lexicon: Lexicon) -> str:
    """Word-by-word rendering of ``text``: known words translated, others (names, numbers) kept."""
    return " ".join(lexicon.get(w, w) for w in normalize_for_similarity(text).split())


def identity_share(lexicon: Lexicon) -> float:
    """Share of entries translating a word to itself: high when both sides are one language."""
    if not lexicon:
        return 1.0
    return sum(1 for w, v in lexicon.items() if w == v) / len(lexicon)
