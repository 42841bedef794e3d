"""A count of the things the other copy lists: "in zwei Stadtteilen" / "im Nordviertel und in
Lerchenfeld", "Суди двох інстанцій" / "Суди першої та апеляційної інстанцій".

Why: a rewrite that sums up a list ("two districts") for the items its source names ("the north
quarter and Lerchenfeld") tells no other number, yet the count is one-sided in its row and was
flagged (batch 130's false 'zwei', batch 37's false 'двох').  The evidence a new pair meets: the
one-sided count is two to four, and the other row coordinates exactly that many items with its
"and" ("A und B", "A, B and C"), items the counting row does not name; they are names (capitalised
words, a preposition or article before each allowed: "im Nordviertel und in Lerchenfeld") or
words before the noun the count counts ("першої та апеляційної інстанцій" / "двох інстанцій").
A count against a list of another length stays flagged ("drei Stadtteile" / "A und B"), and so
does a count when the list's row tells a small count of its own that the counting row lacks ("two
workers and children" / "drei Arbeiter und Kinder": a count replaced; German capitalises the
nouns, so a capital is no proof of a name there).

``LISTED`` (``benchmarks/flags_cv.py --switch listed``): round 36 (flags36), shipped on: leave one
batch out removes both false dev tokens (b37's and b130's folds each see the other), no true token
lost, the check pooled unchanged (docs/align.md "Round 36 (flags36)").
"""

from __future__ import annotations

import re

from workbench.core.anchors import fold
from workbench.core.check_numbers import value_of

#: Switch (round 36): a count of the items the other row lists is no change.
LISTED = True

#: "and" in the languages the tool compares (a list's last join).
_AND = frozenset({"und", "and", "et", "та", "і", "й", "и", "y", "e", "ed", "i", "oraz", "και"})
#: The fewest and most items a list may count.
SMALLEST, LARGEST = 2, 4
#: A word this short and lower-case before an item is its preposition or article ("im", "in").
_FUNCTION = 4
#: A noun and its case form share this many first letters ("інстанцій" / "інстанції").
_STEM = 5

_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d+|,")


def without_listed(left: str, right: str, nums: dict[str, list[str]], left_lang: str | None,
                   right_lang: str | None) -> dict[str, list[str]]:  # fmt: skip
    """``nums`` less each one-sided count of two to four that the other row lists item by item
    (``LISTED``; see the module docstring)."""
    if not LISTED:
        return nums
    out: dict[str, list[str]] = {}
    for side, tokens in nums.items():
        mine, theirs, lang = ((left, right, left_lang) if side == "left_only"
                              else (right, left, right_lang))  # fmt: skip
        other = "right_only" if side == "left_only" else "left_only"
        if any(_small(token, right_lang if side == "left_only" else left_lang)
               for token in nums.get(other, [])):  # fmt: skip
            out[side] = list(tokens)  # "two workers" / "drei Arbeiter und Kinder": replaced
            continue
        kept = [token for token in tokens if not counts_a_list(token, mine, theirs, lang)]
        if kept:
            out[side] = kept
    return out


def _count(token: str, lang: str | None) -> float | None:
    try:
        count = float(value_of(token, lang))
    except ValueError:
        return None
    return count if count == int(count) and SMALLEST <= count <= LARGEST else None


def _small(token: str, lang: str | None) -> bool:
    return _count(token, lang) is not None


def counts_a_list(token: str, text: str, other: str, lang: str | None) -> bool:
    """Whether ``token`` (a count in ``text``) counts the items a list of ``other`` names."""
    count = _count(token, lang)
    if count is None:
        return False
    words = _TOKEN.findall(text)
    noun = next((words[k + 1] for k, w in enumerate(words[:-1]) if w == token), "")
    mine = {fold(w) for w in words}
    return any(len(items) == count and _listed(items, after, noun, mine)
               for items, after in lists(other))


def _listed(items: list[str], after: str, noun: str, mine: set[str]) -> bool:
    """Items the counting row does not name: names, or words before the counted noun."""
    if any(fold(item) in mine for item in items):
        return False
    if all(item[:1].isupper() for item in items):
        return True
    return bool(noun) and fold(after)[:_STEM] == fold(noun)[:_STEM] and len(fold(noun)) >= _STEM


def lists(text: str) -> list[tuple[list[str], str]]:
    """(items, the word after the last) of every "A und B" / "A, B and C" of ``text``."""
    words = _TOKEN.findall(text)
    found = []
    for k, word in enumerate(words):
        if word.casefold() not in _AND or k == 0 or k + 1 >= len(words):
            continue
        last = k + 1
        if _function(words[last]) and last + 1 < len(words) and words[last + 1] != ",":
            last += 1  # "und in Lerchenfeld"
        items, at = [words[last]], k - 1
        while at >= 0 and words[at] != "," and words[at].casefold() not in _AND:
            items.insert(0, words[at])
            before = at - 1 - (at >= 2 and _function(words[at - 1]))  # "im Y" after a comma
            if before >= 1 and words[before] == ",":
                at = before - 1  # "A, B und C": one more item
                continue
            break
        if all(w != "," and not w.isdigit() for w in items):
            found.append((items, words[last + 1] if last + 1 < len(words) else ""))
    return found


def _function(word: str) -> bool:
    return word.islower() and len(word) <= _FUNCTION
