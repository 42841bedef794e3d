"""An abbreviated prefix of a place's name is no name of its own: "St." of "St. Alban".

Why: a saint's-name place is written with its prefix abbreviated ("St. Gallen", "St.
Alban", "Ste. Marie", "Mt. Hood") or spelt out ("Sankt Gallen"), and a rewrite may drop it
("von der Bergrettung Alban", "in the canton of Gallen") or spell it otherwise.  The name
reader (``anchors.names``) takes the capitalised "St" as a word of its own, so when one
copy drops or respells the prefix, "St" was flagged as a one-sided name (round 38's check
batches, an unseen false token).  And the full stop reads as a sentence end, so the word
after it ("Alban") was taken for a sentence opener and never compared at all: a place
changed from "St. Alban" to "Oberdorf" was flagged only through its prefix.  The gold
never lists the prefix: "St. Gallen" is listed as 'Gallen', "St. Alban" as 'Alban'
(``about_fixture_end_to_end``).  What names the place is the word after the prefix.

The rule (``PLACE_PREFIXES``): a candidate that is one of ``ABBREVIATED`` written with its
full stop or without it ("St.", "St" in British style: "St Albans", "Ste.", "Mt.") or one
of ``SPELT`` ("Sankt"), directly before a
capitalised word, is replaced by that word: the name compared is "Alban", as the gold
lists it.  A prefix standing alone or before a lower-case word stays what it was.
"""

from __future__ import annotations

import re

#: Switch (round 39, flags39; ``flags_cv.py --switch place_prefixes``): shipped on as a product
#: fix on a tie (no dev or check token moves; the synthetic grid's prefixes and places do).
PLACE_PREFIXES = True

#: Abbreviated prefixes (with or without their full stop) and spelt-out ones.
ABBREVIATED = ("St", "Ste", "Sta", "Sto", "Sts", "Mt", "Ft", "Pt", "Sv")
SPELT = ("Sankt",)

_PREFIX = re.compile(
    r"(?<![\w'’.-])(" + "|".join(ABBREVIATED) + r")(?:\.\s?|\s)(?=[^\W\d_a-zß-ÿа-яёіїєґ])"
    r"|(?<![\w'’.-])(" + "|".join(SPELT) + r")\s(?=[^\W\d_a-zß-ÿа-яёіїєґ])"
)


def with_place_names(candidates: list[str], text: str) -> list[str]:
    """``candidates`` (``check_nouns.name_candidates`` of ``text``) with each prefix written
    before a capitalised word replaced by the words it prefixes (unchanged when off)."""
    if not PLACE_PREFIXES:
        return candidates
    after: dict[str, list[str]] = {}
    for m in _PREFIX.finditer(text):
        word = re.match(r"[^\W\d_][\w'’-]*", text[m.end():])
        if word:
            after.setdefault(m.group(1) or m.group(2), []).append(word.group(0))
    out: list[str] = []
    for token in candidates:
        out += [name for name in after[token] if name not in out] if token in after else [token]
    return out
