"""Across scripts, a Cyrillic name and its Latin romanisation that differ by a case ending.

Why (round 44, beads44; round 43's ``benchmarks/align_uk_en_misses.py``): the aligner's name
anchors are coarse skeletons (``anchors.name_key``: Зеленский ~ Zelensky), but a Ukrainian or
Russian page declines its names and the English page writes their nominative in its own
romanisation: "у Товстоброді" (locative; і → о in an open syllable) is ``tovstobrot`` and
"Tovstobrid" ``tovstobrit``; "Харкові" ``harcov`` and "Kharkiv" ``harciv``; "Зеленського"
``selenscog`` and "Zelensky" ``selensc``.  The two sentences then share no anchor, and a
retold sentence whose only tie is its place name is left free.

The rule (``stem_shared``): a name's *stem* is its fold with one case ending dropped
(``-ого``, ``-ому``, ``-ою``, ``-ої``, ``-ем``, ``-их`` …, read on the transliteration), г and
g read as h (Ukrainian romanisation), then the skeleton, and every run of vowels read as one
vowel (і/и/ї/о alternate in declension; я, ія → ia, iya).  A name of one page whose skeleton
the other page lacks, written in the other script from a name of the other page whose
skeleton this page lacks, and with the same stem of at least ``NAME_STEM_MIN`` letters, gives
that sentence the other name's skeleton key: the two then share a name anchor, as names of one
spelling do.  Names that already match, and pairs in one script, are left as they are.
``NAME_STEM_MIN`` 0 is off.  Pure; linear in the pages' names.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from workbench.core.anchors import WORD_RE, fold, name_key

#: the least stem length (letters) for two names of different scripts to be read as one;
#: 0 is off, shipped: at 5 and 6 letters the pair it was written for (batch 157) gains, but
#: leave one batch out loses (wrong links on 145, 98, 13; docs/align.md "Round 44 (beads44)")
NAME_STEM_MIN = 0

# case endings on the transliteration (``anchors.fold``: й → y, я → ya, є → ye, ю → yu, ї →
# yi), the longest first; a vowel-only ending is dropped by the skeleton anyway
_ENDINGS = ("yeyu", "oyu", "eyu", "oyi", "iyi", "ogo", "oho", "omu", "ykh", "ikh", "ymi",
            "imi", "ami", "yakh", "akh", "yam", "yem", "iem", "om", "em")  # fmt: skip
_VOWELS = re.compile(r"[aeiou]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")

Anchors = list[frozenset[str]]


def name_stem(token: str, least: int) -> str:
    """The token's stem (module doc), or "" when shorter than ``least`` letters."""
    folded = fold(token).replace("g", "h")
    for ending in _ENDINGS:
        if folded.endswith(ending) and len(folded) - len(ending) >= least:
            folded = folded[: -len(ending)]
            break
    stem = _VOWELS.sub("a", name_key(folded))
    return stem if len(stem) >= least else ""


def _names(texts: Sequence[str]) -> list[list[tuple[str, bool]]]:
    """Each text's capitalised tokens, each with whether it is written in Cyrillic."""
    return [[(t, bool(_CYRILLIC.search(t))) for t in WORD_RE.findall(text) if t[:1].isupper()]
            for text in texts]  # fmt: skip


def stem_shared(texts: tuple[Sequence[str], Sequence[str]], anchors: tuple[Anchors, Anchors],
                least: int | None = None) -> tuple[Anchors, Anchors]:  # fmt: skip
    """``anchors`` with each cross-script stem twin's skeleton key added (module doc).

    ``least``: the stem length bound (default ``NAME_STEM_MIN``; 0 returns ``anchors``).
    Keys are only added, on the right page, so every link the old keys scored keeps them."""
    bound = NAME_STEM_MIN if least is None else least
    if bound <= 0:
        return anchors
    names = _names(texts[0]), _names(texts[1])
    skeletons = [{"@" + name_key(t) for sentence in side for t, _c in sentence} for side in names]
    stems: list[dict[tuple[str, bool], set[str]]] = [defaultdict(set), defaultdict(set)]
    for side in (0, 1):
        for sentence in names[side]:
            for token, cyrillic in sentence:
                key = "@" + name_key(token)
                if key not in skeletons[1 - side] and (stem := name_stem(token, bound)):
                    stems[side][stem, cyrillic].add(key)
    added: dict[tuple[str, bool], set[str]] = {}
    for stem, cyrillic in stems[1]:
        if (stem, not cyrillic) in stems[0]:
            added[stem, cyrillic] = stems[0][stem, not cyrillic]
    if not added:
        return anchors
    right = []
    for sentence, keys in zip(names[1], anchors[1], strict=True):
        extra = set().union(*(added.get((name_stem(t, bound), c), set()) for t, c in sentence
                              if "@" + name_key(t) not in skeletons[0]))  # fmt: skip
        right.append(keys | extra if extra else keys)
    return anchors[0], right
