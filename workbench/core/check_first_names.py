"""A German first name swapped under the surname both sides tell ("Matthias" / "Markus Tremmel").

Why a module of its own: ``core.check_names`` reads each capitalised word alone, and in German
a capitalised word is a noun until something shows it is a name.  Two readings then drop a
first name that changed under one surname (round 34's unseen pair 'Matthias' / 'Markus'):
``common_nouns`` takes the word after "Das sagte …" for a noun, and a row's first word is no
name candidate at all (``anchors.names`` skips a sentence's first word).  English, Ukrainian
and Russian flag the same swap in mid-sentence because they do not capitalise nouns.

The evidence a new page meets: on both sides a word stands directly before one surname (the
same key, or a case form of it), the two words differ, neither side's key holds the other's,
and both are German first names in the Wiktionary list (``german_ambiguous``'s first names, at
least three letters: "Am Montag" is no first name).  A title noun ("Landrat", "Sprecher",
"Bürgermeisterin", "Ortschef") is in no first-name list, so two titles before a shared name
("Energiereferent Malte" / "Energieexperte Malte") or a first name written out on one side
only ("Landrat Weigand" / "Landrat Markus Weigand") raise nothing; one name in two forms
(a spelling variant, a genitive) matches by ``_matches`` and raises nothing either.

``FIRST_NAMES`` (``benchmarks/flags_cv.py --switch first_names``) ships on (round 35,
flagsb35) as a product fix: no dev pair holds the class, so leave one batch out ties and the
check pooled does not move; on made-up swaps of the German dev rows' own first names it flags
83 of 83 (START 79) and no other token (docs/align.md "Round 35 (flagsb35)").
"""

from __future__ import annotations

import re

from workbench.core.check_name_keys import _keys, _matches, _name_key
from workbench.core.german_ambiguous import _data

#: Switch: read a first name swapped under a shared surname in German rows (round 35: on).
FIRST_NAMES = True

#: A capitalised word directly before another (overlapping: "Landrat Markus Tremmel" gives
#: "Landrat Markus" and "Markus Tremmel").
_BEFORE = re.compile(r"(?<![\w'’-])([^\W\d_][\w'’-]*)\s+(?=([^\W\d_][\w'’-]*))")


def is_first_name(word: str) -> bool:
    """Whether ``word`` (or each part of a hyphenated "Hans-Peter") is a German first name of
    three letters or more (``german_ambiguous``'s first-name forms)."""
    firsts = _data()[1]
    parts = word.split("-")
    return all(len(part) > 2 and part in firsts for part in parts)


def _named(text: str) -> list[tuple[str, str]]:
    """(first name, the capitalised word after it) of ``text``, in order."""
    found = ((m.group(1), m.group(2)) for m in _BEFORE.finditer(text))
    return [(first, after) for first, after in found
            if after[:1].isupper() and len(after) >= 3 and is_first_name(first)]  # fmt: skip


def swapped_first_names(left: str, right: str) -> tuple[list[str], list[str]]:
    """The first names each side writes before a surname the other side writes after another
    first name ("Das sagte Matthias Tremmel" / "Markus Tremmel warnt": 'Matthias', 'Markus').

    A first name the other side's row tells anywhere is no swap ("Markus und Martin Tremmel").
    """
    if not FIRST_NAMES:
        return [], []
    ours, theirs = _named(left), _named(right)
    left_keys, right_keys = _keys(left), _keys(right)
    found: tuple[list[str], list[str]] = ([], [])
    for first, surname in ours:
        for other, other_surname in theirs:
            if not _matches(_name_key(surname), {_name_key(other_surname)}):
                continue  # another person
            one, two = _name_key(first), _name_key(other)
            if _matches(one, {two}) or _matches(one, right_keys) or _matches(two, left_keys):
                continue  # one name in two forms, or a name the other row tells too
            if first not in found[0]:
                found[0].append(first)
            if other not in found[1]:
                found[1].append(other)
    return found
