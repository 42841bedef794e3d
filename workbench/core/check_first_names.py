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

``SIMILAR_FIRST_NAMES`` (round 36, flags36, on): a first name changed into one a consonant apart
("Katrin" / "Karin", batch 130's unseen miss), which ``_matches``' one-edit tolerance took for one
name's spelling and the list did not hold ("Karin"); one of the two must be a listed first name.

``SIMILAR_FIRST_NAMES_BEYOND`` (round 36, flagsc36, on): the same swap in en / fr / uk / ru rows
(``similar_beyond``), where a capitalised word inside a sentence is a name, not a noun.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from workbench.core.anchors import fold
from workbench.core.check_name_keys import _keys, _matches, _name_key
from workbench.core.german_ambiguous import _data
from workbench.core.german_lexicon import is_common_noun

#: Switch: read a first name swapped under a shared surname in German rows (round 35: on).
FIRST_NAMES = True

#: Switch (round 36, flags36; ``flags_cv.py --switch similar_first_names``): a first name
#: changed into a similar one under the shared surname ("Katrin" / "Karin Sommerfeld") is a
#: swap.  ``_matches`` takes any one-edit pair of five letters or more for one name's spelling
#: (it was made for transliterations: "Zelenskyy" / "Selenskyj"), and the other word need not
#: be in the Wiktionary first-name list ("Karin" is not).  Shipped on as a product fix: it moves
#: only b130 (+2 true), so leave one batch out ties, and the check does not move.
SIMILAR_FIRST_NAMES = True

#: Switch (round 36, flagsc36; ``flags_cv.py --switch similar_first_names_beyond``): the same
#: similar-name swap in English, French, Ukrainian and Russian rows ("Spokeswoman Katrin" /
#: "Karin Sommerfeld", "Богдан" / "Богдар Коваль").  There a first name is a listed one (its
#: transliteration too: "Катрін") or a capitalised word inside a sentence (these languages
#: write no noun capitalised, and their titles before a name lower-case: "мер Садовий").
#: Shipped on as a product fix: no dev or check pair moves (leave one batch out ties, the
#: check pooled is unchanged), and on made-up swaps of the dev pages' words in a first name's
#: place (``benchmarks/flags_first_names_beyond.py``) it flags 481 of
#: 481 (off 110) and adds no token to 497 inflections and transliterations of one name.
SIMILAR_FIRST_NAMES_BEYOND = True

#: The languages ``SIMILAR_FIRST_NAMES_BEYOND`` reads (German has its own rule).
BEYOND = frozenset({"en", "fr", "uk", "ru"})

#: Letters whose edit is a spelling of one name, not another name: vowels, the j / y of
#: transliterations ("Andrej" / "Andrij", "Sergej" / "Sergei") and the h of "Kathrin" / "Katrin".
_SPELLING = frozenset("aeiouyjh")

_WORDS = re.compile(r"[^\W\d_][\w'’-]*")

#: A capitalised word directly before another (overlapping: "Landrat Markus Tremmel" gives
#: "Landrat Markus" and "Markus Tremmel").
_BEFORE = re.compile(r"(?<![\w'’-])([^\W\d_][\w'’-]*)\s+(?=([^\W\d_][\w'’-]*))")


def is_first_name(word: str) -> bool:
    """Whether ``word`` (or each part of a hyphenated "Hans-Peter") is a German first name of
    three letters or more (``german_ambiguous``'s first-name forms)."""
    firsts = _data()[1]
    parts = word.split("-")
    return all(len(part) > 2 and part in firsts for part in parts)


def _named(text: str, listed: bool = True) -> list[tuple[str, str]]:
    """(first name, the capitalised word after it) of ``text``, in order; with ``listed`` off,
    every capitalised word of three letters or more that is no dictionary noun stands in."""
    found = ((m.group(1), m.group(2)) for m in _BEFORE.finditer(text))
    return [(first, after) for first, after in found
            if after[:1].isupper() and len(after) >= 3 and first[:1].isupper()
            and (is_first_name(first) if listed else _unknown(first))]  # fmt: skip


def _unknown(word: str) -> bool:
    """A capitalised word of three letters or more that the noun dictionary does not know."""
    return len(word) > 2 and not is_common_noun(word)


def similar_names(one: str, two: str) -> bool:
    """Whether ``one`` and ``two`` are two first names one letter apart ("Katrin" / "Karin",
    "Jens" / "Jena"): not one skeleton ("Markus" / "Marcus", ``_name_key``), folded with
    doubled letters single they are one edit apart, the edited letter is a consonant other than
    h / j / y, and it is not a genitive -s added at the end ("Katrins" is Katrin's)."""
    if _name_key(one) == _name_key(two):
        return False
    a, b = (re.sub(r"(.)\1+", r"\1", fold(word)) for word in (one, two))
    if Levenshtein.distance(a, b) != 1 or max(a, b, key=len) == min(a, b, key=len) + "s":
        return False
    ((kind, i, j),) = Levenshtein.editops(a, b)
    changed = {a[i]} if kind == "delete" else {b[j]} if kind == "insert" else {a[i], b[j]}
    return not changed <= _SPELLING


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
            if _genitive(first, other):
                continue  # "Kelly" / "Kellys": the key drops the y, so the -s hides the form
            if first not in found[0]:
                found[0].append(first)
            if other not in found[1]:
                found[1].append(other)
    if SIMILAR_FIRST_NAMES:
        _similar(left, right, found)
    return found


def _genitive(one: str, two: str) -> bool:
    """One first name and its German genitive ("Kelly" / "Kellys", "Anna" / "Annas"): the
    skeleton key drops a final vowel or y, so a short name's -s form is no prefix of it."""
    return one + "s" == two or two + "s" == one


def _similar(left: str, right: str, found: tuple[list[str], list[str]]) -> None:
    """Add to ``found`` the first names one letter apart before one surname, one of them in the
    first-name list and the other no dictionary noun ("Katrin" / "Karin Sommerfeld")."""
    ours, theirs = _named(left, listed=False), _named(right, listed=False)
    left_words, right_words = set(_WORDS.findall(left)), set(_WORDS.findall(right))
    for first, surname in ours:
        for other, other_surname in theirs:
            if not _matches(_name_key(surname), {_name_key(other_surname)}):
                continue  # another person
            if not (is_first_name(first) or is_first_name(other)):
                continue  # no first name known on either side
            if not similar_names(first, other) or first in right_words or other in left_words:
                continue  # one name's spelling, or a name the other row tells too
            if first not in found[0]:
                found[0].append(first)
            if other not in found[1]:
                found[1].append(other)


def similar_beyond(left: str, right: str) -> tuple[list[str], list[str]]:
    """First names one consonant apart before one surname in an en / fr / uk / ru row pair
    ("Spokeswoman Katrin Sommerfeld" / "Karin Sommerfeld"; ``SIMILAR_FIRST_NAMES_BEYOND``).
    Transliterations and inflections of one name stay one:
    their edits are vowels or h / j / y ("Andriy" / "Andrii", "Марина" / "Марини"), two letters
    or more ("Олени" / "Оленою"), or one skeleton ("Hanna" / "Ganna")."""
    found: tuple[list[str], list[str]] = ([], [])
    if not SIMILAR_FIRST_NAMES_BEYOND:
        return found
    ours, theirs = _inside(left), _inside(right)
    left_words, right_words = set(_WORDS.findall(left)), set(_WORDS.findall(right))
    for (first, surname, mid) in ours:
        for (other, other_surname, other_mid) in theirs:
            if not _matches(_name_key(surname), {_name_key(other_surname)}):
                continue  # another person
            if not (mid and other_mid or _listed(first) or _listed(other)):
                continue  # a sentence's first word may be any word
            if not similar_names(first, other) or first in right_words or other in left_words:
                continue
            if first not in found[0]:
                found[0].append(first)
            if other not in found[1]:
                found[1].append(other)
    return found


def _listed(word: str) -> bool:
    """A listed first name as written or transliterated ("Катрін" -> "Katrin")."""
    return is_first_name(word) or is_first_name(fold(word).capitalize())


#: A row's start or a sentence's end before a word (the word then opens a sentence).
_OPENS = re.compile(r"(?:^|[.!?:;«»\"“”„(\[–—]\s*)$")


def _inside(text: str) -> list[tuple[str, str, bool]]:
    """(capitalised word, the capitalised word after it, whether the first stands inside a
    sentence) for each pair of three letters or more."""
    found = []
    for m in _BEFORE.finditer(text):
        first, after = m.group(1), m.group(2)
        if first[:1].isupper() and after[:1].isupper() and len(first) > 2 and len(after) >= 3:
            found.append((first, after, not _OPENS.search(text[: m.start(1)])))
    return found
