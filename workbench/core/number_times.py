"""Counts told as how many times: "viermal", "14-mal", "twice", "двічі", "дважды", "вдвое".

Why: a copy writes how often something happens as a multiplicative adverb where another
copy writes the count ("nur noch viermal am Tag" / "nur noch vier Busse", round 34's unseen
false 'vier' in batch 124, now dev; "вчетверо вищу" / "у чотири рази"; "twice" / "two
times").  Unread, the adverb tells no value: the other copy's figure looked one-sided (a
false flag), and a changed count ("zweimal" / "dreimal", "twice" / "three times") raised
one side only or nothing.  The forms are a closed class of each language's numerals:

* German "<number word>mal" and "<digits>mal" ("zweimal", "vierzehnmal", "14mal"; "14-mal"
  and "14 Mal" already read as the figure 14).  "einmal" is left out: it is far more often
  "even" / "once upon" ("nicht einmal die Kosten") than a count of one;
* English "twice" and "thrice" ("once" is left out for the same reason);
* Ukrainian "двічі", "тричі" and the -fold adverbs "удвічі" / "вдвічі", "утричі" / "втричі",
  "учетверо" / "вчетверо", "уп'ятеро" … "удесятеро"; Russian "дважды", "трижды",
  "четырежды" and "вдвое", "втрое", "вчетверо" … "вдесятеро".

Each is (start, end, value); ``TIMES`` switches the reading (``check_numbers.quantities``).
"""

from __future__ import annotations

import re

from workbench.core.number_words import german_number

#: Switch (``benchmarks/flags_cv.py --switch times``, round 35): read multiplicative adverbs
#: as their count (``True``), or let them only tell it (``"told"``: the other side's figure is
#: not one-sided, but the adverb is never raised itself).  A study: off (LOBO ties on dev; see
#: docs/align.md "Round 35 (flags35)").
TIMES: bool | str = False

_GERMAN = re.compile(r"(?<![\w'’-])([^\W\d_]{3,}?|\d{1,3})mal(?![\w'’-])", re.IGNORECASE)
_WORDS = {
    "en": {"twice": 2, "thrice": 3},
    "uk": {"двічі": 2, "тричі": 3, "удвічі": 2, "вдвічі": 2, "утричі": 3, "втричі": 3,
           "учетверо": 4, "вчетверо": 4, "уп'ятеро": 5, "вп'ятеро": 5, "ушестеро": 6,
           "вшестеро": 6, "усемеро": 7, "всемеро": 7, "удесятеро": 10, "вдесятеро": 10},
    "ru": {"дважды": 2, "трижды": 3, "четырежды": 4, "вдвое": 2, "втрое": 3, "вчетверо": 4,
           "впятеро": 5, "вшестеро": 6, "всемеро": 7, "вдесятеро": 10},
}  # fmt: skip
_WORD = re.compile(r"(?<![\w'’ʼ-])[^\W\d_]+(?:['’ʼ][^\W\d_]+)?(?![\w'’ʼ-])")


def times_words(text: str, lang: str | None) -> list[tuple[int, int, int]]:
    """(start, end, count) of each multiplicative adverb of ``text`` in ``lang`` (none when
    ``TIMES`` is off); a count below two is no count here ("einmal", "once")."""
    if not TIMES:
        return []
    base = (lang or "").split("-")[0].lower()
    if base == "de":
        return [(m.start(), m.end(), value) for m in _GERMAN.finditer(text)
                if (value := _german_count(m.group(1))) is not None and value >= 2]  # fmt: skip
    words = _WORDS.get(base)
    if not words:
        return []
    found = []
    for m in _WORD.finditer(text):
        value = words.get(m.group(0).casefold().replace("’", "'").replace("ʼ", "'"))
        if value is not None:
            found.append((m.start(), m.end(), value))
    return found


def untold(tokens: list[str], lang: str | None, other: list[str]) -> list[str]:
    """``tokens`` less the multiplicative adverbs when ``TIMES`` is ``"told"`` and the other
    side raises no figure of its own (``other``): the adverb tells a count and is raised
    against another count ("zweimal" / "dreimal"), never alone (a rewrite dropping it)."""
    if TIMES != "told" or other:
        return tokens
    return [t for t in tokens if [(0, len(t))] != [(a, b) for a, b, _ in times_words(t, lang)]]


def _german_count(head: str) -> int | None:
    """The count of "<head>mal": digits or a German number word ("vierzehn", "zwanzig")."""
    return int(head) if head.isdigit() else german_number(head)
