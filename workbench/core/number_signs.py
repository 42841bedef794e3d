"""A sign told in words: "мінус трьох градусів" is -3, as "-3 °C" is.

Why: a copy that writes a temperature in words ("до мінус трьох градусів") against one
that writes digits ("до -3 °C") told one value, but the word was read as 3 and the
digits as -3, so the row flagged a change that is none (round 29's unseen Ukrainian
pair, batch 105).  The sign words are a closed class, one or two a language (no list
fitted to a page): a number written directly after one of them (spaces only between)
is below zero, whether the number is a word or digits ("minus 3 Grad", "moins cinq").

French "moins" is also "less": "au moins 3" (at least), "du moins", "le moins"; after
such a word it is no sign.
"""

from __future__ import annotations

import re

#: The word each registry language writes for "minus" before a number (casefolded).
SIGN_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset({"minus"}),
    "de": frozenset({"minus"}),
    "fr": frozenset({"moins"}),
    "uk": frozenset({"мінус"}),
    "ru": frozenset({"минус"}),
    "el": frozenset({"μείον", "μειον"}),
}
_ANY = frozenset().union(*SIGN_WORDS.values())

#: Words after which French "moins" means "less" ("au moins 3" = at least 3).
_NOT_SIGN_AFTER = frozenset({"au", "du", "le", "la", "les", "pas", "de", "en", "plus", "ou"})

_LAST_WORDS = re.compile(r"(?:([^\W\d_]+)\s+)?([^\W\d_]+)\s*$")


def _base(lang: str | None) -> str:
    return (lang or "").split("-")[0].lower()


def signed_before(text: str, start: int, lang: str | None = None) -> bool:
    """Whether the number that starts at ``text[start]`` follows a sign word of ``lang``
    (of any registry language when ``lang`` is unknown) with only spaces between.

    Only the 40 characters before ``start`` are read (a sentence of 1 MB stays linear).
    """
    words = SIGN_WORDS.get(_base(lang), _ANY)
    head = text[max(0, start - 40) : start]
    if head and not head[-1].isspace():
        return False  # "-minus3", a glued word: no sign word standing alone
    m = _LAST_WORDS.search(head)
    if m is None or m.group(2).casefold() not in words:
        return False
    less = m.group(2).casefold() == "moins" and m.group(1) is not None
    return not (less and m.group(1).casefold() in _NOT_SIGN_AFTER)


def negated(value: str) -> str:
    """``value`` (a normalised number) below zero; zero and a negative value stay as they are."""
    if value.startswith("-") or value.strip("0.") == "":
        return value
    return "-" + value
