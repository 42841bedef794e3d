"""German capitals the noun dictionary lacks that are no names, told by their form (flags42).

Why: German capitalises every noun, and ``german_lexicon`` reads a capital as a common noun
only when German Wiktionary lists it.  Two kinds of common word slip through and were
flagged as names on the dev pairs when a rewrite dropped them:

* **An adjective written as a noun in its bare form** ("ermittelt gegen Unbekannt", "Jung
  und Alt", "aus Alt mach Neu"): the dictionary lists the noun made of the adjective
  ("der Unbekannte", "den Unbekannten") but not the uninflected capital.  When the word
  with "-e" and with "-en" are both common nouns and neither is a name, the bare capital is
  that adjective (batches 139 and 151, "gegen Unbekannt").
* **A noun made with a suffix that only makes common nouns** ("-ung", "-heit", "-keit",
  "-schaft": "Rückung", "Schlägerung"): a trade word the dictionary lacks (batch 117).
  Plural forms ("-ungen") are left alone: many places end so ("Melsungen", "Beverungen").

A family name can have either form ("Kurz", "Schön", "Hornung"): the dictionary's name
forms stay names, and so does a word the pair's rows or pages write after a first name or a
title ("Sebastian Kurz", "Herr Hornung"), read from ``PageTokens.pairs``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from workbench.core.anchors import fold
from workbench.core.german_ambiguous import TITLES, _data
from workbench.core.german_lexicon import _lexicon

#: Switch (``benchmarks/flags_cv.py --switch adjective_nouns``): a bare adjective capital
#: whose "-e" and "-en" forms are dictionary nouns is no name.  Ships on (round 42: leave one
#: batch out gains, batches 139 and 151; docs/align.md).
ADJECTIVE_NOUNS = True
#: Switch (``--switch suffix_nouns``): a capital ending in a noun-only suffix is no name.
#: Ships off: one dev member (batch 117), so leave one batch out cannot gain.
SUFFIX_NOUNS = False
#: Suffixes that make only common nouns, singular (the plural "-ungen" ends many places).
NOUN_SUFFIXES = ("ung", "heit", "keit", "schaft")
#: Fewest letters of a suffix noun ("Jung", "Hung": short names stay candidates).
SUFFIX_LENGTH = 7
#: Fewest letters of a bare adjective capital ("Alt", "Neu" are parts of place names).
ADJECTIVE_LENGTH = 5

_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _plain_capital(token: str) -> bool:
    return len(token) > 1 and token[0].isupper() and token[1:].islower() and "-" not in token


def adjective_noun(token: str) -> bool:
    """Whether ``token`` is a bare adjective written capitalised ("Unbekannt"): its "-e"
    and "-en" forms are dictionary common nouns, and none of the three is a name form."""
    if not ADJECTIVE_NOUNS or len(token) < ADJECTIVE_LENGTH or not _plain_capital(token):
        return False
    common, proper = _lexicon()
    forms = (token, token + "e", token + "en")
    if any(form in proper for form in forms) or token in common:
        return False
    return token + "e" in common and token + "en" in common


def suffix_noun(token: str) -> bool:
    """Whether ``token`` ends in a suffix that makes only common nouns ("Rückung") and is
    no dictionary name form ("Hornung", "Freyung" are)."""
    if not SUFFIX_NOUNS or len(token) < SUFFIX_LENGTH or not _plain_capital(token):
        return False
    return token.endswith(NOUN_SUFFIXES) and token not in _lexicon()[1]


@cache
def _person_heads() -> frozenset[str]:
    """First names and titles, folded as ``PageTokens.pairs`` folds words."""
    return frozenset(fold(word) for word in (*_data()[1], *TITLES) if len(word) > 2)


def person_named(token: str, texts: Iterable[str],
                 pairs: frozenset[tuple[str, str]] = frozenset()) -> bool:  # fmt: skip
    """Whether ``texts`` or a page's word ``pairs`` write ``token`` after a first name or a
    title ("Sebastian Kurz", "Frau Schön"): a family name, whatever its form."""
    heads, key = _person_heads(), fold(token)
    if any(first in heads and second == key for first, second in pairs):
        return True
    for text in texts:
        words = _WORD.findall(text)
        for before, word in zip(words, words[1:], strict=False):
            if word == token and fold(before) in heads and before[:1].isupper():
                return True
    return False


def common_form(token: str, texts: Iterable[str],
                pairs: frozenset[tuple[str, str]] = frozenset()) -> bool:  # fmt: skip
    """Whether a German capital is a common word by its form (an adjective made a noun, a
    suffix noun) and the pair does not write it as a person's name."""
    return (adjective_noun(token) or suffix_noun(token)) and not person_named(token, texts, pairs)


def without_common_forms(found: dict[str, list[str]], texts: tuple[str, str],
                         german: tuple[bool, bool],
                         pairs: tuple[frozenset, frozenset] = (frozenset(), frozenset()),
                         ) -> dict[str, list[str]]:  # fmt: skip
    """``found`` (``name_differences``) less a German side's common words by form."""
    if not (ADJECTIVE_NOUNS or SUFFIX_NOUNS):
        return found
    out: dict[str, list[str]] = {}
    both = pairs[0] | pairs[1]
    for side, is_german in zip(("left_only", "right_only"), german, strict=True):
        kept = [t for t in found.get(side, []) if not (is_german and common_form(t, texts, both))]
        if kept:
            out[side] = kept
    return out
