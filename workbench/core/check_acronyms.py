"""German acronyms that take a letter from each part of a compound: "THW" for "Technisches
Hilfs|werk", "BND" for "Bundes|nachrichten|dienst", "DGB" for "Deutscher Gewerkschafts|bund".

Why: ``check_nouns.spelled_acronyms`` lets a copy that abbreviates a name ("IAEA", "ДСНС")
stand for one that writes it out, but spells a run of words with one letter a word.  German
writes an organisation's name as compounds and abbreviates each part, so "THW" against
"Technischem Hilfswerk" in the other copy was flagged as a name one side only (round 37's
unseen batch 138, Stiftland-Rundschau/dpa -> Hohenfirster Wochenblatt: "von Feuerwehr,
Technischem Hilfswerk und Bergwacht" / "von Feuerwehr, THW und Bergwacht").

A word is split where the German noun list (``german_lexicon``) knows its last part as a
common noun and what stands before it as a noun too, with or without a linking "s" / "es" /
"n" / "en" / "e" or a dropped "e" ("Hilfs" = "Hilfe"), itself split the same way; a split
whose head is no noun ("Bergw|acht") is none.  Only German rows (the caller passes the
language) and only capitalised words a run of names spells.
"""

from __future__ import annotations

from functools import cache

from workbench.core import german_lexicon

#: Spell an acronym with a letter for each part of a German compound (``benchmarks/flags_cv.py
#: --switch compound_acronyms``; round 38, flags38).  Shipped on as a product fix: it moves
#: b138 alone (one false token fewer), so leave one batch out ties; the check does not move.
COMPOUND_ACRONYMS = True

_LINKS = ("", "s", "es", "n", "en", "e")


def _noun(head: str) -> bool:
    """Whether ``head`` is a listed common noun, as a compound's first part writes it."""
    common = german_lexicon._lexicon()[0]
    word = head[0].upper() + head[1:]
    if any(word.endswith(link) and word[: len(word) - len(link)] in common
           for link in _LINKS if len(word) - len(link) >= german_lexicon.HEAD):  # fmt: skip
        return True
    return word.endswith("s") and word[:-1] + "e" in common  # "Hilfs|werk": "Hilfe"


@cache
def compound_parts(word: str) -> tuple[str, ...]:
    """The parts of a German compound noun ("Bundesnachrichtendienst" -> ("Bundes",
    "nachrichten", "dienst")); ``(word,)`` when no split is known."""
    common = german_lexicon._lexicon()[0]
    for start in range(german_lexicon.HEAD, len(word) - german_lexicon.TAIL + 1):
        tail = word[start:]
        if tail[0].upper() + tail[1:] not in common:
            continue
        head = compound_parts(word[:start])
        if len(head) > 1 or _noun(word[:start]):
            return (*head, tail)
    return (word,)


def compound_initials(word: str, lang: str | None) -> frozenset[str]:
    """The letters a German acronym may take from ``word``'s parts beyond its initial
    ("Hilfswerk" -> {"HW"}; "Gewerkschaftsbund" -> {"GB", "GSB"}: any run of parts may give one
    letter); empty when the switch is off, the row is not German, the word is not capitalised
    or no compound."""
    if not COMPOUND_ACRONYMS or (lang or "").split("-")[0].lower() != "de":
        return frozenset()
    if len(word) < 2 * german_lexicon.TAIL or not word[0].isupper() or word.isupper():
        return frozenset()
    initials = [part[0].upper() for part in compound_parts(word)]
    out = {""}
    for k, letter in enumerate(initials):  # a later part gives its letter or joins the last
        out = {o + letter for o in out} | (out if k else set())
    return frozenset(o for o in out if len(o) > 1)
