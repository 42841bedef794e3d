"""German common nouns from a dictionary: capitals that are no names.

German capitalises every noun, so a capital alone says nothing. The page's
grammar marks many nouns (``check_nouns.common_nouns``: after an article, an
adjective or a number), but a bare noun ("kündigte Widerstand an", "an Land",
"wegen bezahlter Proteste") was flagged as a name on the dev pairs of every
round. The ``german-nouns`` package ships WiktionaryDE's ~100,000 nouns with
every inflected form and the part of speech: a form listed only as a common
noun is no name; one that is also a place, a first or a family name ("Kiel",
"Rügen", "Reiter") stays a candidate, and so does a word the dictionary lacks.

The list is read once, on the first German check (a few seconds, ~25 MB).
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

#: Parts of speech of a name in the dictionary's ``pos`` column.
_PROPER = ("Toponym", "Eigenname", "Vorname", "Nachname")
#: The shortest dictionary noun accepted as the last part of a compound ("Betriebsrats|chef").
TAIL = 4


@cache
def _lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """(forms of common nouns only, forms of names) as the dictionary writes them."""
    common: set[str] = set()
    proper: set[str] = set()
    path = resources.files("german_nouns").joinpath("nouns.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        header = next(rows)
        first_form = header.index("nominativ singular")
        for row in rows:
            forms = {word for word in (row[0], *row[first_form:]) if word}
            (proper if any(p in row[1] for p in _PROPER) else common).update(forms)
    return frozenset(common - proper), frozenset(proper)


def is_common_noun(token: str) -> bool:
    """Whether the dictionary knows ``token`` (or the noun a compound of it ends in) as a
    common noun and never as a name: "Widerstand", "Proteste", "Betriebsratschef", "Ostsee-Fähre".

    Acronyms ("EU", "INFP") and hyphen compounds led by one ("OZ-Informationen": a source)
    are left to the other checks.
    """
    if len(token) < 2 or not token[0].isupper() or token.isupper():
        return False
    common, proper = _lexicon()
    if token in common:
        return True
    if token in proper or (token[-1] == "s" and token[:-1] in proper):
        return False  # a name, or its genitive ("Europas": the dictionary lists no name's cases)
    head, _, tail = token.rpartition("-")
    if head:
        lead = head.split("-")[0]
        return not (len(lead) > 1 and lead.isupper()) and is_common_noun(tail)
    for start in range(3, len(token) - TAIL + 1):  # the longest tail first
        tail = token[start].upper() + token[start + 1 :]
        if tail in common:
            return True
        if tail in proper:
            return False
    return False
