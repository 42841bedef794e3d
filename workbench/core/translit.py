"""Cyrillic and Greek letters to Latin, for comparing names across scripts.

Why our own tables and not a general transliterator (anyascii, Unidecode): those
go letter by letter, so "Ντόναλντ" becomes "Ntonalnt" and "Μπάιντεν" "Mpainten",
while a Greek page spells foreign names with digraphs that stand for one Latin
letter (ντ = d, μπ = b at the start of a word, γκ = g; inside a word μπ = mb and
ντ = nd as ELOT 743 writes them, so Ίνσμπρουκ shares "bru" with Innsbruck) and the name must meet
"Donald" and "Biden" on the other side.  The output is only a comparison key
(``anchors.name_key`` reduces it further to a spelling skeleton), never shown.

Greek choices, each made for matching names as Latin and Cyrillic pages write them:
αυ/ευ -> au/eu (Αυστρία ~ Austria, Ευρώπη ~ Europe), ου -> u (Λουκασένκο ~
Lukashenko), αι -> e, ει/οι -> i, χ -> kh (like Cyrillic х, so Χέλγκα ~ Хельга ~
Helga after the skeleton's kh -> h), η/ι/υ -> i, ω -> o, θ -> th, ξ -> x, ψ -> ps.
"""

from __future__ import annotations

import re
import unicodedata

# Russian + Ukrainian (+ Belarusian/Bulgarian letters) to Latin.
_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e",
    "є": "ye", "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ў": "u",
}  # fmt: skip

_GREEK = {
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th",
    "ι": "i", "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p",
    "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "kh", "ψ": "ps",
    "ω": "o",
}  # fmt: skip

# Greek digraphs; "^" = only at the start of a word.  A vowel pair is a digraph
# unless its first vowel carries the accent or its second a diaeresis (Μπάιντεν =
# Ba-i-nten, Μαΐου), so the vowel pairs are matched before accents are dropped.
_GREEK_DIGRAPHS = (
    ("^ντ", "d"), ("^μπ", "b"), ("γγ", "ng"), ("γκ", "g"), ("μπ", "mb"), ("ντ", "nd"),
    ("τσ", "ts"), ("τζ", "tz"), ("αυ", "au"), ("αύ", "au"), ("ευ", "eu"), ("εύ", "eu"),
    ("ου", "u"), ("ού", "u"), ("αι", "e"), ("αί", "e"), ("ει", "i"), ("εί", "i"),
    ("οι", "i"), ("οί", "i"),
)  # fmt: skip
_DIGRAPH_AT_START = {d[1:]: latin for d, latin in _GREEK_DIGRAPHS if d.startswith("^")}
_DIGRAPH = {d: latin for d, latin in _GREEK_DIGRAPHS if not d.startswith("^")}
_DIGRAPH_RE = re.compile("|".join(_DIGRAPH), re.IGNORECASE)
_GREEK_LETTER = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")


def _table() -> dict[int, str]:
    letters = {**_CYR, **_GREEK}
    upper = {k.upper(): v.capitalize() for k, v in letters.items() if k != "ς"}
    return str.maketrans({**letters, **upper})


_TRANSLIT = _table()


def _strip_greek_accents(text: str) -> str:
    """Drop tonos and dialytika from Greek letters only (Latin accents are kept here)."""
    out = []
    for ch in text:
        if _GREEK_LETTER.match(ch):
            base = unicodedata.normalize("NFD", ch)
            ch = "".join(c for c in base if not unicodedata.combining(c))
        out.append(ch)
    return "".join(out)


def _digraph(match: re.Match[str]) -> str:
    found = match.group(0)
    low = found.casefold()
    start = match.start() == 0 or not match.string[match.start() - 1].isalpha()
    end = match.end() == len(match.string) or not match.string[match.end()].isalpha()
    latin = _DIGRAPH_AT_START.get(low) if start else None
    if end and low == "μπ":
        latin = "mp"  # Τραμπ = Trump: a final b would not meet the p
    latin = latin or _DIGRAPH.get(low, found)
    return latin.capitalize() if found[0].isupper() else latin


_LEFT = re.compile(r"[\u0370-\u03ff\u0400-\u052f\u1f00-\u1fff]")


def _base_letter(match: re.Match[str]) -> str:
    """A composed letter outside the tables (ӑ = а + breve): its base letter's Latin."""
    base = unicodedata.normalize("NFD", match.group(0))[0]
    return base.translate(_TRANSLIT)


def transliterate(text: str) -> str:
    """Cyrillic and Greek letters to Latin; other characters unchanged.

    Why the first test: ``str.translate`` looks up every character (~50 ns a
    character); a text with no letter of the two scripts' blocks (``_LEFT``
    holds every key of the tables and every Greek letter) is returned as it is.
    """
    if not _LEFT.search(text):
        return text
    if _GREEK_LETTER.search(text):
        text = _strip_greek_accents(_DIGRAPH_RE.sub(_digraph, unicodedata.normalize("NFC", text)))
    text = text.translate(_TRANSLIT)
    return _LEFT.sub(_base_letter, text) if _LEFT.search(text) else text
