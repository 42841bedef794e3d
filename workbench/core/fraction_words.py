"""Shares told as fraction words: "ein Drittel", "two-thirds", "la moitié", "третина".

Why: one copy writes "ein Drittel der Kirchen", another "30 Prozent": a share
told in two forms, here two different values (33 % against 30 %), while "a
third" against "33 percent" is the same value.  ``core.check_numbers`` reads
digits and number words as counts; a fraction is a share, so it gets its own
reading (its value in percent), and its numerator ("zwei" in "zwei Drittel")
is no count of its own.

Only forms that are shares and little else are read: a German or Russian or
Ukrainian fraction noun ("Drittel", "Hälfte", "треть", "третина", "половина",
"чверть"), an English one with its numerator or "of" ("a third", "two-thirds",
"half of"), a French one with its numerator and "de" ("un tiers des", "la
moitié de").  Ordinals ("finished third", "третий", "troisième") and a city's
quarter ("im Viertel") are not fractions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.core.number_halves import half_of_number

_NUMERATORS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4,
    "ein": 1, "eine": 1, "einem": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4,
    "одна": 1, "одну": 1, "одной": 1, "две": 2, "дві": 2, "три": 3, "чотири": 4,
    "четыре": 4,
}  # fmt: skip
_NUMERATOR = r"(?:" + "|".join(sorted(_NUMERATORS, key=len, reverse=True)) + r")"

# (pattern, denominator, needs a numerator): the noun stems of each fraction.
_NOUNS = (
    (r"halves|half", 2, False),
    (r"thirds?", 3, True),
    (r"quarters?", 4, True),
    (r"fifths?", 5, True),
    (r"Hälfte", 2, False),
    (r"Drittel", 3, False),
    (r"Viertel", 4, True),
    (r"Fünftel", 5, False),
    (r"Zehntel", 10, False),
    (r"moitiés?", 2, False),
    (r"tiers", 3, True),
    (r"quarts?", 4, True),
    (r"половин[аеуиіы]|половиною|половиной", 2, False),
    (r"треть|трети|третью", 3, False),
    (r"третин[аиуі]|третиною", 3, False),
    (r"четверть|четверти|четвертью", 4, False),
    (r"чверть|чверті|чвертю", 4, False),
)
_FRACTION = re.compile(
    r"(?<![\w-])(?:(?P<num>" + _NUMERATOR + r")[\s-]+)?(?P<noun>"
    + "|".join(f"(?:{p})" for p, _, _ in _NOUNS) + r")(?![\w-])",
    re.IGNORECASE,
)  # fmt: skip
# What an English or French fraction is followed by when it is a share ("half of", "un
# tiers des"); German, Russian and Ukrainian nouns are shares as they stand.
_SHARE_AFTER = re.compile(r"\s+(?:of|the|de|des|du|d['’])(?!\w)", re.I)
_ENGLISH_FRENCH = re.compile(r"^(?:halves|half|thirds?|quarters?|fifths?|moitiés?|tiers|quarts?)$",
                             re.I)
# A part of a season or match, not a share: "the first half of", "la seconde moitié du".
_PART_BEFORE = re.compile(r"(?:first|second|last|other|première|seconde|deuxième|dernière)\s+$",
                          re.I)


@dataclass(frozen=True)
class Share:
    """One fraction as written: its token, where its phrase stands, its value in percent."""

    raw: str  # the noun, with a numerator joined by a hyphen ("two-thirds", "Drittel")
    start: int  # the phrase, numerator included
    end: int
    percent: float


def shares(text: str) -> list[Share]:
    """Every fraction word of ``text`` that tells a share, with its value in percent."""
    taken = one_in(text)
    spans = [(s.start, s.end) for s in taken]
    out = list(taken)
    for m in _FRACTION.finditer(text):
        if any(a <= m.start() < b for a, b in spans):
            continue  # "every third": told above as one in three
        noun = m.group("noun")
        denominator, needs = _denominator(noun)
        number = m.group("num")
        if _PART_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
            continue  # "the second half of the season": a part of a match, not a share
        if half_of_number(text[max(0, m.start() - 8) : m.start()], number):
            continue  # "seven and a half", "дві з половиною": a number's half, not a share
        if needs and number is None:
            continue  # "finished third", "im Viertel", "pays tiers"
        if _ENGLISH_FRENCH.match(noun) and not _SHARE_AFTER.match(text, m.end()):
            if number is None or noun.casefold() in ("tiers", "quart", "quarts"):
                continue  # "half past", "the first half"; "un tiers" payeur
        numerator = _NUMERATORS.get(number.casefold(), 1) if number else 1
        if numerator >= denominator:
            continue
        joined = number is not None and "-" in m.group(0)
        raw = m.group(0) if joined else noun
        out.append(Share(raw, m.start(), m.end(), round(100 * numerator / denominator, 3)))
    return sorted(out, key=lambda s: s.start)


# "One in N": "jeder dritte", "every fourth", "one in three", "un sur trois", "каждый третий",
# "кожен третій" (the token is the ordinal or the N as written; the gold writes "dritte").
_ORDINALS = {
    "zweite": 2, "dritte": 3, "vierte": 4, "fünfte": 5, "sechste": 6, "zehnte": 10,
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "tenth": 10,
    "второй": 2, "третий": 3, "четвертый": 4, "четвёртый": 4, "пятый": 5, "десятый": 10,
    "другий": 2, "третій": 3, "четвертий": 4, "п'ятий": 5, "п’ятий": 5, "десятий": 10,
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10,
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "dix": 10,
}  # fmt: skip
_ONE_IN = re.compile(
    r"(?<![\w-])(?:jede[rsnm]?\s+(?P<de>zweite|dritte|vierte|fünfte|sechste|zehnte)[rsnm]?"
    r"|every\s+(?P<every>second|third|fourth|fifth|sixth|tenth)"
    r"|one\s+(?:\w+\s+)?(?:in|out\s+of)\s+(?P<en>two|three|four|five|six|ten)"
    r"|une?\s+(?:\w+\s+)?sur\s+(?P<fr>deux|trois|quatre|cinq|six|dix)"
    r"|кажд(?:ый|ая|ое|ого|ую)\s+(?P<ru>второй|третий|четв[её]ртый|пятый|десятый)"
    r"|кож(?:ен|на|не|ного|ну|ний)\s+(?P<uk>другий|третій|четвертий|п['’]ятий|десятий))(?![\w-])",
    re.IGNORECASE,
)


def one_in(text: str) -> list[Share]:
    """Shares told as "one in N" ("jeder dritte" = 33.3 %), each with its N word as token."""
    out = []
    for m in _ONE_IN.finditer(text):
        group = next(g for g in ("de", "every", "en", "fr", "ru", "uk") if m.group(g))
        word = m.group(group)
        n = _ORDINALS.get(word.casefold().replace("ё", "е") if group == "ru" else word.casefold())
        if n:
            out.append(Share(word, m.start(), m.end(), round(100 / n, 3)))
    return out


def _denominator(noun: str) -> tuple[int, bool]:
    for pattern, denominator, needs in _NOUNS:
        if re.fullmatch(pattern, noun, re.IGNORECASE):
            return denominator, needs
    return 1, True


def without_numerators(text: str) -> str:
    """``text`` with each fraction's numerator blanked ("zwei Drittel": "zwei" is no count),
    and each "one in N" whole ("one in three", "un sur trois": no count of one or three)."""
    for share in one_in(text):
        text = text[: share.start] + " " * (share.end - share.start) + text[share.end :]
    for share in shares(text):
        m = _FRACTION.match(text, share.start)
        if m and m.group("num"):
            text = text[: m.start("num")] + " " * len(m.group("num")) + text[m.end("num") :]
    return text
