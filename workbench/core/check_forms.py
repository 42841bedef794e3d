"""One figure told in another form: Roman numerals and durations in other units.

Why a module of its own: ``core.check_numbers`` reads each quantity as a value,
but two copies may tell the same figure in forms whose values differ on the
surface: "Phase II/III" against "phase 2/3" (a Roman numeral is no quantity, so
the digits look one-sided), or "48 Stunden" against "zwei Tage" (48 against 2).
Neither is a change. These rules only *take away* one-sided figures that the
other side tells in another form; they never raise a flag.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from workbench.core.check_numbers import drop_told, quantities
from workbench.core.duration_spans import place_of

# A Roman numeral of two or more letters ("II", "XIV"), or one letter written in a
# run with another ("I/II", "III-IV"): a lone "I", "V" or "X" is a word or a letter.
_ROMAN = re.compile(r"(?<![\w'’])[IVX]{1,7}(?![\w'’])")
_ROMAN_VALID = re.compile(r"^X{0,3}(IX|IV|V?I{0,3})$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}

# Time units after a figure, in minutes: stems in the registry's main languages.
_DURATION_UNITS = (
    (re.compile(r"(?:min(?:ute)?s?\b|Minuten?\b|хвилин|минут)", re.I), 1),
    (re.compile(r"(?:h\b|hours?\b|hrs?\b|Stunden?\b|Std\.|heures?\b|годин|год\.|час)", re.I), 60),
    (re.compile(r"(?:days?\b|Tagen?\b|Tage\b|jours?\b|днів|дні|день|дня|дней|діб|доб|сут)", re.I),
     1440),
    (re.compile(r"(?:weeks?\b|Wochen?\b|semaines?\b|тижн|недел)", re.I), 10080),
)  # fmt: skip


def roman_values(text: str) -> set[int]:
    """The values of the Roman numerals in ``text`` ("Phase II/III" -> {2, 3})."""
    found = list(_ROMAN.finditer(text))
    out = set()
    for k, m in enumerate(found):
        token = m.group(0)
        if not _ROMAN_VALID.match(token):
            continue
        in_run = any(
            0 <= j < len(found) and _joined(text, found[min(k, j)], found[max(k, j)])
            for j in (k - 1, k + 1)
        )
        if len(token) >= 2 or in_run:
            out.add(_roman_value(token))
    return out


def _joined(text: str, first: re.Match, second: re.Match) -> bool:
    return re.fullmatch(r"\s?[/–-]\s?", text[first.end() : second.start()]) is not None


def _roman_value(token: str) -> int:
    total = 0
    for k, ch in enumerate(token):
        value = _ROMAN_VALUES[ch]
        following = _ROMAN_VALUES[token[k + 1]] if k + 1 < len(token) else 0
        total += -value if value < following else value
    return total


def durations(text: str, lang: str | None = None) -> list[tuple[str, Decimal]]:
    """(as written, minutes) of every figure followed by a time unit ("48 Stunden" -> 2880)."""
    out = []
    seen: dict[str, int] = {}  # digits come before number words: each spelling's next place
    for raw, value in quantities(text, lang):
        at = place_of(text, raw, seen.get(raw, 0))  # a whole word (round 36)
        if at < 0:
            continue
        seen[raw] = at + len(raw)
        after = text[at + len(raw) : at + len(raw) + 14].lstrip(" \u00a0-")
        for pattern, minutes in _DURATION_UNITS:
            if pattern.match(after):
                try:
                    out.append((raw, Decimal(value) * minutes))
                except InvalidOperation:
                    pass
                break
    return out


def without_other_forms(
    left: str, right: str, nums: dict[str, list[str]], left_lang: str | None,
    right_lang: str | None,
) -> dict[str, list[str]]:  # fmt: skip
    """``nums`` less the one-sided figures the other side tells in another form:
    a Roman numeral of the same value that this side does not write, or the same
    duration in another unit."""
    return drop_told(left, right, nums, left_lang, right_lang, _told_in_other_forms)


def _told_in_other_forms(
    tokens: list[str], mine: str, lang: str | None, theirs: str, their_lang: str | None,
) -> set[str]:  # fmt: skip
    romans = roman_values(theirs) - roman_values(mine)  # "Charles III" in both: a name
    spans = dict(durations(mine, lang))
    other_spans = {minutes for _, minutes in durations(theirs, their_lang)}
    return {t for t in tokens if _integer(t, lang) in romans or spans.get(t) in other_spans}


def _integer(token: str, lang: str | None) -> int | None:
    found = quantities(token, lang)
    try:
        value = Decimal(found[0][1]) if found else None
    except InvalidOperation:
        return None
    return int(value) if value is not None and value == value.to_integral_value() else None
