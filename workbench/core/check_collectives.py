"""Counts told by a collective number noun: "une vingtaine de blessés" / "about 20 injured".

Why a module of its own: ``core.checks`` compares the figures each side writes
(``check_numbers.quantities``), and French, German, Ukrainian and Russian tell a
rough count with a noun made from a number ("une vingtaine", "une quarantaine de
trains", "ein Dutzend", "десяток"), which the figure reader does not read: the other
copy's figure ("20", "37 trains") is then flagged as one-sided.  A translation into
English writes such a noun as a figure ("about 20"), so the flag is false; round 18's
unseen pages raised two lone figures in translations into English (check pages, not
looked at), and dev b16 raised "37" against "une quarantaine de trains".

The nouns are language knowledge of the same kind as number words (one table entry a
noun, not a list of dev phrases).  Each is read as a rough count: ``SPREAD`` either way
of its value ("une quarantaine" 30..50), times a number word before it ("два десятки"
20).  A one-sided figure on one side of a row that falls in the range of a collective
noun on the other side tells that count: its flag is taken away.  Only flags are taken
away; a figure outside the range stays flagged as before.

``COLLECTIVES`` switches the rule (``benchmarks/flags_cv.py --switch collectives``): off
while no dev batch held such a count (round 19), on since round 21, when batch 68 (now
dev) raised "50" against "une cinquantaine de minutes".
"""

from __future__ import annotations

import re

from workbench.core.check_numbers import quantities

COLLECTIVES = True

#: How far either way of its value a collective noun reaches ("une vingtaine" 15..25).
SPREAD = 0.25

_FR = {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
       "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100,
       "millier": 1000}  # fmt: skip
#: (language, pattern with group ``noun`` and optional group ``times``) -> noun stem values
_NOUNS: dict[str, tuple[re.Pattern[str], dict[str, int]]] = {
    "fr": (re.compile(r"(?<!\w)(?:d['’])?une?\s+(?P<noun>" + "|".join(_FR) + r")(?!s)\b", re.I),
           _FR),
    "de": (re.compile(r"(?<!\w)(?:ein|einem|eines|einen)\s+(?P<noun>Dutzend)s?(?!\w)", re.I),
           {"dutzend": 12}),
    "uk": (re.compile(r"(?<!\w)(?:(?P<times>два|дві|три|чотири)\s+)?(?P<noun>десят(?:ок|ка|ки|ку))"
                      r"(?!\w)", re.I), {"десят": 10}),
    "ru": (re.compile(r"(?<!\w)(?:(?P<times>два|две|три|четыре)\s+)?(?P<noun>десят(?:ок|ка|ку))"
                      r"(?!\w)", re.I), {"десят": 10}),
}  # fmt: skip
_TIMES = {"два": 2, "дві": 2, "две": 2, "три": 3, "чотири": 4, "четыре": 4}


def collective_ranges(text: str, lang: str | None) -> list[tuple[float, float, str | None]]:
    """The rough counts ``text``'s collective number nouns tell, as (low, high, the number
    word before the noun that multiplies it or None: "два" of "два десятки")."""
    base = lang.split("-")[0].lower() if lang else None
    if base not in _NOUNS:
        return []
    pattern, values = _NOUNS[base]
    out = []
    for m in pattern.finditer(text):
        noun = m.group("noun").casefold()
        value = next(v for stem, v in values.items() if noun.startswith(stem))
        times = m.groupdict().get("times")
        value *= _TIMES.get(times.casefold(), 1) if times else 1
        out.append((value * (1 - SPREAD), value * (1 + SPREAD), times))
    return out


def without_collectives(
    left: str, right: str, nums: dict[str, list[str]], left_lang: str | None,
    right_lang: str | None,
) -> dict[str, list[str]]:  # fmt: skip
    """``nums`` less the one-sided figures that fall in the range of a collective number
    noun on the other side of the row ("37" against "une quarantaine")."""
    if not COLLECTIVES:
        return nums
    out: dict[str, list[str]] = {}
    for side, tokens in nums.items():
        texts = (left, right, left_lang, right_lang)
        mine, other, mine_lang, other_lang = texts if side == "left_only" else (
            right, left, right_lang, left_lang)  # fmt: skip
        ranges = collective_ranges(other, other_lang)
        # a multiplier of this side's own noun is no count ("два" of "два десятки")
        times = {t for _, _, t in collective_ranges(mine, mine_lang) if t}
        values = dict(quantities(mine, mine_lang))
        kept = [t for t in tokens if t not in times and not any(
            low <= _number(values.get(t)) <= high for low, high, _ in ranges)]  # fmt: skip
        if kept:
            out[side] = kept
    return out


def _number(value: str | None) -> float:
    try:
        return float(value) if value is not None else float("nan")
    except ValueError:
        return float("nan")
