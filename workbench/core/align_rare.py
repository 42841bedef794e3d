"""Rare words a one-language pair shares: an end sentence glued to a link without one comes off.

Why: in a pair of one language compared directly (a rewrite), the DP may glue a
neighbouring sentence to a right link when character n-grams of topic words and
inflection endings ("мостового" / "мосту", "-уватимуть") put it above chance.
Those n-grams recur all over both pages.  A sentence that truly belongs to the
link (one half of a sentence the rewrite split or joined) shares something only
that part of the story tells: a word beginning or a number found in few sentences
of each side.  Round 17 counted the end sentences of the dev rewrites' and copies'
many-sided links (tool roles): of the ends the gold links elsewhere, nearly all
share no such key with the link's other side; of the ends the gold keeps, few.

A key is the first (and, with ``one_language_rare_ends``, the last) ``prefix``
letters of a word of at least four letters, or a number's digits; it is rare when
it occurs in at most ``most`` sentences of each side.  The last letters catch a
compound's head ("Insulintherapie" / "Therapie").  An end sentence covered far above
chance stays whatever its keys (a text of few words, where every word recurs).
Nothing is listed per language; the counts are the pair's own, linear in the text.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence

from workbench.core.align_confidence import sentence_evidence, take_end
from workbench.core.align_repair import Bead
from workbench.core.align_scoring import AlignParams, BeadScorer

_TOKEN_RE = re.compile(r"[^\W\d_]{4,}|\d+")
Keys = tuple[list[frozenset[str]], list[frozenset[str]]]


def sentence_keys(text: str, prefix: int, ends: bool = False) -> frozenset[str]:
    """A sentence's word beginnings (words of 4+ letters) and whole numbers, lower case;
    with ``ends`` also the words' last ``prefix`` letters (``~`` first: a compound's head)."""
    keys = set()
    for token in _TOKEN_RE.findall(text):
        if token.isdigit():
            keys.add(token)
            continue
        word = token.lower()
        keys.add(word[:prefix])
        if ends:
            keys.add("~" + word[-prefix:])
    return frozenset(keys)


def rare_keys(left: Sequence[str], right: Sequence[str], params: AlignParams) -> Keys | None:
    """Per sentence, its keys found on both sides and in at most ``one_language_rare_most``
    sentences of each (``None`` when ``one_language_rare_prefix`` is 0: off)."""
    prefix, most = params.one_language_rare_prefix, params.one_language_rare_most
    if prefix <= 0:
        return None
    ends = bool(params.one_language_rare_ends)
    found = _pair_keys(tuple(left), tuple(right), (prefix, most, ends))
    return list(found[0]), list(found[1])  # fresh lists: the memo's stay as they are


@functools.lru_cache(maxsize=1)
def _pair_keys(
    left: tuple[str, ...], right: tuple[str, ...], bars: tuple[int, int, bool]
) -> tuple[tuple[frozenset[str], ...], tuple[frozenset[str], ...]]:
    """``rare_keys`` of one pair, as tuples; ``bars``: prefix, most, ends.

    Why kept (the last pair's, round 25): a one-language call asks for the same texts'
    keys in the passes (``align.align_scored``, once more when the ratio reruns it) and
    after them (``align._confident``: the rejoins and far halves)."""
    prefix, most, ends = bars
    sides = [[sentence_keys(t, prefix, ends) for t in texts] for texts in (left, right)]
    counts = [Counter(k for keys in side for k in keys) for side in sides]
    rare = {k for k, n in counts[0].items() if n <= most and 0 < counts[1].get(k, 0) <= most}
    return tuple(s & rare for s in sides[0]), tuple(s & rare for s in sides[1])


rare_keys.cache_clear = _pair_keys.cache_clear  # type: ignore[attr-defined]


def shed_unshared_ends(beads: list[Bead], keys: Keys | None, scorer: BeadScorer,
                       below: float = 9.0) -> list[Bead]:  # fmt: skip
    """Many-sided links lose the end sentences that share no rare key with the other side.

    An end covered ``below`` or more above chance stays whatever its keys (a text of few
    words, where every word recurs).  The core keeps at least one sentence a side; peeled
    ends become unmatched (the move steps that follow may still pair them elsewhere).
    ``keys`` ``None``: the rule is off (``rare_keys``), the beads come back as they are.
    """
    if keys is None:
        return beads
    out: list[Bead] = []
    for bead in beads:
        if not bead.left or not bead.right or len(bead.left) + len(bead.right) <= 2:
            out.append(bead)
            continue
        out.extend(_shed(bead, keys, scorer, below))
    return out


def _shed(bead: Bead, keys: Keys, scorer: BeadScorer, below: float) -> list[Bead]:
    before: list[Bead] = []
    after: list[Bead] = []
    sides = (list(bead.left), list(bead.right))
    while len(sides[0]) + len(sides[1]) > 2:
        end = _unshared_end(sides, keys, scorer, below)
        if end is None:
            break
        take_end(sides, *end, before, after)
    if not before and not after:
        return [bead]
    (i, a), (j, b) = ((s[0], len(s)) for s in sides)
    core = Bead(tuple(sides[0]), tuple(sides[1]), round(scorer.similarity(i, a, j, b), 4),
                f"{a}-{b}")  # fmt: skip
    return [*before, core, *after]


def _unshared_end(sides: tuple[list[int], list[int]], keys: Keys, scorer: BeadScorer,
                  below: float) -> tuple[int, int] | None:  # fmt: skip
    """``(side, position)`` of an end sentence with no rare key on the other side, shown
    less than ``below`` above chance, if any."""
    values = sentence_evidence(Bead(tuple(sides[0]), tuple(sides[1]), 0.0, ""), scorer)
    for side in (0, 1):
        ids = sides[side]
        if len(ids) < 2:
            continue
        other = frozenset().union(*(keys[1 - side][k] for k in sides[1 - side]))
        for pos in (0, len(ids) - 1):
            value = values[pos if side == 0 else len(sides[0]) + pos]
            if value < below and not keys[side][ids[pos]] & other:
                return side, pos
    return None
