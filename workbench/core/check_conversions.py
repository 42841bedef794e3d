"""A measure told in another unit is no change: "80mph" / "130 km/h", "640 ha" / "1,600 acres".

Why: figures are compared as values across forms and languages (``check_numbers``), but an
outlet writing for other readers converts the measure into their unit and rounds it: round
25's unseen Scottish storm blew "gusts of more than 80mph" on one page and "plus de 130 km/h"
/ "130 Kilometern pro Stunde" on its French translation and German paraphrase, four of that
round's six false flag tokens.  Read with its unit (``units``, one registry for every
language), each side's figure is the other's converted and rounded.

Tolerance is that of a rounding, and only across units: a figure matches a figure in
*another* unit of the same dimension when one, converted, rounds to the other as written:
within half a unit of the written figure's last non-zero digit (130 tells 125-135, 1,600
tells 1,550-1,650), and never more than ``TOLERANCE`` of it (100 km/h tells 95-105, not
50-150).  Two figures in one unit are never converted: 640 ha against 650 ha stays a change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from workbench.core.anchors import normalize_number
from workbench.core.check_numbers import drop_told, quantities
from workbench.core.units import BY_NAME, Unit, from_base, in_base, unit_at

#: Switch (``flags_cv.py --switch conversions``): a figure converted into another unit is no change.
CONVERSIONS = True
#: The most a rounded conversion may miss the exact one by, as a share of the written figure
#: (a rounding to two significant figures misses by at most 5%: 10.5 told as 11, or 10).
TOLERANCE = Decimal("0.05")

# A scale word between a figure and its unit ("2,5 Millionen Liter", "60 thousand km").
_SCALE_WORD = re.compile(r"\s?[^\W\d_]+\.?")
# A range's other end, before the unit both ends share ("90-100 km/h", "90 bis 100 Kilometer").
_RANGE = re.compile(
    r"(?:\s?[-–—]\s?|\s(?:to|bis|à|au|до)\s)\d[\d.,]*(?:[\u00a0\u202f ]\d{3}(?!\d))*"
)


@dataclass(frozen=True)
class Measure:
    """A figure as written (``raw``), its value and the unit written after it."""

    raw: str
    value: Decimal
    unit: Unit


def measures(
    text: str, lang: str | None, told: list[tuple[str, str]] | None = None
) -> list[Measure]:
    """Every figure of ``text`` written before a unit of the registry, with its value in that
    unit: the figure alone when the unit follows it ("80 miles" is 80, not 80 thousand), with
    its scale when a scale word stands between ("2,5 Millionen Liter").  ``told`` is the
    text's ``quantities`` when the caller has read them already (``checks.page_tokens``)."""
    found: list[Measure] = []
    position = 0
    for raw, value in quantities(text, lang) if told is None else told:
        at = text.find(raw, position)
        at = at if at >= 0 else text.find(raw)  # number words come after the figures
        if at < 0:
            continue
        position = max(position, at + len(raw))
        after = text[at + len(raw) : at + len(raw) + 80]
        unit, unscaled = _unit_after(after, lang)
        digits = _decimal(normalize_number(raw, lang))  # None for a number word ("Eighty")
        if unit is not None and unscaled and digits is not None:
            value = str(digits)  # the unit is no scale word, whatever the language
        number = _decimal(value)
        if unit is not None and number is not None:
            found.append(Measure(raw, number, unit))
    return found


def _unit_after(after: str, lang: str | None) -> tuple[Unit | None, bool]:
    """The unit of the figure ``after`` follows, and whether it follows unscaled: the unit
    itself ("80 miles"), after a scale word ("2,5 Millionen Liter": scaled), or after the
    range's other end ("90 to 100 km/h", "3 200 à 3 500 pieds cubes": a range tells one unit
    once, and its low end, told alone, is no figure without a unit)."""
    unit = unit_at(after, lang)
    if unit is not None:
        return unit, True
    scale = _SCALE_WORD.match(after)
    unit = unit_at(after[scale.end() :], lang) if scale else None
    if unit is not None:
        return unit, False
    span = _RANGE.match(after)
    return (unit_at(after[span.end() :], lang) if span else None), True


def _decimal(value: str) -> Decimal | None:
    try:
        number = Decimal(value)
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def rounds_to(exact: Decimal, written: Decimal) -> bool:
    """Whether ``written`` is ``exact`` rounded: within half a unit of its last non-zero
    digit (130: 5, 1,600: 50, 3.5: 0.05) and within ``TOLERANCE`` of it."""
    if written == 0:
        return abs(exact) < Decimal("0.5")
    exponent = written.normalize().as_tuple().exponent
    if not isinstance(exponent, int):
        return False
    half_digit = Decimal(5).scaleb(exponent - 1)
    return abs(exact - written) <= min(half_digit, abs(written) * TOLERANCE)


def converted(a: Measure | tuple[Decimal, Unit], b: Measure | tuple[Decimal, Unit]) -> bool:
    """Whether two measures in different units of one dimension tell one value: either,
    converted into the other's unit, rounds to the other as written."""
    (v, u), (w, t) = (_pair(a), _pair(b))
    if u.dimension.endswith("/time") != t.dimension.endswith("/time"):
        u, t = _amount(u), _amount(t)
    if u.dimension != t.dimension or u.name == t.name:
        return False
    return rounds_to(from_base(in_base(v, u), t), w) or rounds_to(from_base(in_base(w, t), u), v)


def _amount(unit: Unit) -> Unit:
    """A flow's amount ("m3/s" -> "m3"), else ``unit``: a flow beside a bare amount is told
    per the same time on both sides, its time out of the reader's reach on one ("20 kg of rice
    a day" / "44 pounds a day": pounds are no amount per time, "pounds a day" is money too)."""
    return BY_NAME[unit.name.rsplit("/", 1)[0]] if unit.dimension.endswith("/time") else unit


def _pair(m: Measure | tuple[Decimal, Unit]) -> tuple[Decimal, Unit]:
    return (m.value, m.unit) if isinstance(m, Measure) else m


def measure_keys(
    text: str, lang: str | None, told: list[tuple[str, str]] | None = None
) -> set[tuple[str, str]]:
    """(value, unit name) of every measure of ``text`` (``checks.PageTokens.measures``)."""
    return {(str(m.value), m.unit.name) for m in measures(text, lang, told)}


def told_converted(token: str, text: str, lang: str | None, told: frozenset[tuple[str, str]]
                   ) -> bool:  # fmt: skip
    """Whether ``token`` (a figure as written in ``text``) is, with its unit, one of the
    ``told`` measures (``measure_keys`` of the other copy) converted."""
    if not CONVERSIONS or not told:
        return False
    mine = [m for m in measures(text, lang) if m.raw == token]
    return any(converted(m, (Decimal(v), BY_NAME[u])) for m in mine for v, u in told)


def without_converted(
    left: str, right: str, nums: dict[str, list[str]], left_lang: str | None,
    right_lang: str | None,
) -> dict[str, list[str]]:  # fmt: skip
    """``nums`` less the figures the other side tells converted into another unit ("80mph"
    against "130 km/h", both ways; "80 mph (130 km/h)" against "130 km/h" as well)."""
    if not CONVERSIONS or not nums:
        return nums
    return drop_told(left, right, nums, left_lang, right_lang, _told_converted)


def _told_converted(
    tokens: list[str], mine: str, lang: str | None, theirs: str, their_lang: str | None,
) -> set[str]:  # fmt: skip
    told = frozenset(measure_keys(theirs, their_lang))
    return {t for t in tokens if told_converted(t, mine, lang, told)}
