"""A double-barrelled name whose one half the other copy changed is another name (flags43).

Why: ``check_name_keys._matches`` lets a hyphen compound pass for any of its parts, so
that a district told by its town ("Graz-Liebenau" / "Graz"), a compound noun told by its
head ("ІТ-системи" / "системи") or a finding told by its noun ("Listerien-Fund" /
"Listerien") are one thing.  The part test cannot tell that from a double-barrelled name
whose second half a rewrite changed: "Rechtsanwältin Katharina Pühringer-Lasser" /
"Anwältin Katharina Pühringer-Lassnig" (round 42's unseen German rewrite, batch 157) raised
nothing, as "Pühringer" is a part of both.

What separates the two is the other side's word: a compound that shares one half and
writes *another* word in the other half's place says a different name, while the other
side's bare part ("Graz") or a longer compound that keeps every half ("Graz-Liebenau-Süd")
says nothing against it.  So a key of the other side is no evidence for a hyphenated name
when both are compounds, they share a half, each has a half the other lacks, and those
halves match neither as wholes (an inflection, a spelling variant, a Slavic case form:
"Івано-Франківськ" / "Івано-Франківщини" stay one name) nor joined.  Same language only:
across languages a compound's halves are transliterated or translated apart
("Ivano-Frankivsk" / "Івано-Франківщини"), which no key comparison undoes.
"""

from __future__ import annotations

from collections.abc import Iterable

from workbench.core.check_name_keys import _cyrillic, _matches, _name_key

#: Switch (``benchmarks/flags_cv.py --switch double_names``): a same-language compound that
#: shares a half with the name and changes the other is no evidence for it.  Ships off (round
#: 43): its one dev member (batch 157) makes leave one batch out a tie by construction.
DOUBLE_NAMES = False


def _halves(key: str) -> list[str]:
    return [part for part in key.split("-") if part]


def _alike(one: str, two: str, slavic: bool) -> bool:
    """Whether two name keys (no hyphen) may be one name: equal, a spelling variant, or one
    starting with the other's four letters or more whatever follows (an inflection or an
    adjective of it: the key drops final vowels, so "Liebenau" / "Liebenauer" are "liben" /
    "libenauer", five letters apart)."""
    short, long = sorted((one, two), key=len)
    return (len(short) >= 4 and long.startswith(short)) or _matches(one, {two}, slavic=slavic)


def rebarrelled(key: str, other: str, slavic: bool = False) -> bool:
    """Whether the compound key ``other`` shares a half with the compound key ``key`` and
    replaces another of its halves ("pugringer-laser" / "pugringer-lasnig").

    Both need two halves or more; a half ``key`` has must match no half of ``other`` and the
    reverse; the two read without hyphens must not be one name either ("Graz-Liebenau" /
    "Graz-Liebenauer" is an inflection of the whole)."""
    mine, theirs = _halves(key), _halves(other)
    if len(mine) < 2 or len(theirs) < 2:
        return False
    if _alike(key.replace("-", ""), other.replace("-", ""), slavic):
        return False
    shared = [p for p in mine if any(_alike(p, q, slavic) for q in theirs)]
    own = [p for p in mine if p not in shared]
    kept = [q for q in theirs if any(_alike(q, p, slavic) for p in mine)]
    new = [q for q in theirs if q not in kept]
    return bool(shared) and bool(own) and bool(new)


def barrel_keys(token: str, keys: Iterable[str]) -> set[str]:
    """The ``keys`` (of the other side, one language) that tell another double-barrelled name
    than ``token``: to be taken out of its evidence.  Empty when ``DOUBLE_NAMES`` is off or
    ``token`` is no compound."""
    if not DOUBLE_NAMES or "-" not in token.strip("-"):
        return set()
    key = _name_key(token)
    slavic = _cyrillic(token)
    return {other for other in keys if "-" in other and rebarrelled(key, other, slavic)}


def other_double(token: str, word: str) -> bool:
    """Whether ``word`` (of the other side, one language) is another double-barrelled name
    than ``token``: no adjective or form of it (``check_places``)."""
    return "-" in word and bool(barrel_keys(token, {_name_key(word)}))
