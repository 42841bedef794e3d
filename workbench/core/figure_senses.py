"""A figure both copies hold in two senses: a changed measure hidden by a like value elsewhere.

Why: ``check_numbers.number_differences`` matches figures by value alone, so a value
the two copies hold in different senses cancels out.  Round 38's unseen batch 141 (a
German rewrite): the SDA copy's "rund 41 Kilometer entfernt … Mit dem Auto dauert die
Fahrt etwa 45 Minuten" against the rewrite's "rund 45 Kilometer und eine
Dreiviertelstunde Autofahrt entfernt".  The rewrite's 45 is the distance (the writer's
41 -> 45 km); the source's 45 is the drive; by value the two 45s matched, the 41 stood
alone and the 45 kilometres were missed.

The rule (``FIGURE_SENSES``): a figure's sense is the unit word right after it — a
registry unit's dimension (``core.units``: "Kilometer" is a length) or a time unit
("Minuten", "Stunden": ``check_forms``' duration units).  In the row (``reopened``), a
figure matched by value is re-opened on side A when its sense is known, no figure of
that value on side B has that sense while every one of them has a known other sense,
and side B holds a one-sided figure of A's sense and of like size (within a factor of
two, compared in the sense's base unit: 41 against 45 km).  Then A's figure is the
changed measure whose old value B tells, and B's like-valued figure is something else.
Elsewhere (``other_sense``, read by ``check_told.moved_away``): a one-sided figure is not
told by the other page's or the next sentence's like value when that copy holds the
value only in other known senses — batch 141's row regroups, so its 45 km were dropped
as told by the SDA page's "45 Minuten" in an unpaired sentence.  A figure without a
unit, or whose partner has none, stays matched as before: only two known, different
senses split a value.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal, InvalidOperation

from workbench.core.check_forms import _DURATION_UNITS
from workbench.core.duration_spans import place_of
from workbench.core.units import in_base, unit_at

#: Switch (round 39, flags39; ``flags_cv.py --switch figure_senses``): shipped on as a product
#: fix on a leave-one-batch-out tie (one dev member, batch 141; the check pooled unchanged).
FIGURE_SENSES = True

#: One figure as read: (as written, value, sense or None, size in the sense's base unit).
Sensed = tuple[str, str, str | None, Decimal | None]


def sensed(text: str, lang: str | None,
           found: list[tuple[str, str]] | None = None) -> list[Sensed]:  # fmt: skip
    """Every quantity of ``text`` (``found``: its ``quantities``, when read already) with the
    sense the word after it gives (``None``: no unit)."""
    if found is None:
        from workbench.core.check_numbers import quantities  # a cycle: check_numbers imports us

        found = quantities(text, lang)
    out: list[Sensed] = []
    seen: dict[str, int] = {}
    for raw, value in found:
        at = place_of(text, raw, seen.get(raw, 0))
        if at < 0:
            out.append((raw, value, None, None))
            continue
        seen[raw] = at + len(raw)
        out.append((raw, value, *_sense(text[at + len(raw) : at + len(raw) + 30], value, lang)))
    return out


def _sense(after: str, value: str, lang: str | None) -> tuple[str | None, Decimal | None]:
    try:
        number = Decimal(value)
    except InvalidOperation:
        return None, None
    unit = unit_at(after, lang)
    if unit is not None:
        return unit.dimension, in_base(number, unit)
    bare = after.lstrip(" \u00a0\u202f-")
    for pattern, minutes in _DURATION_UNITS:
        if pattern.match(bare):
            return "time", number * minutes
    return None, None


def _like(a: Decimal, b: Decimal) -> bool:
    """Like size, as a paraphrase's replaced figure: within a factor of two, both above zero."""
    low, high = min(a, b), max(a, b)
    return low > 0 and high <= 2 * low


def _reopened(mine: list[Sensed], theirs: list[Sensed], their_only: Counter[str]) -> list[str]:
    """The figures of ``mine`` matched by value that ``theirs`` holds only in another sense,
    while ``theirs`` changes a figure of this sense (one-sided there, of like size)."""
    changed = [(sense, size) for raw, value, sense, size in theirs
               if sense is not None and size is not None and their_only[value] > 0]  # fmt: skip
    out: list[str] = []
    for raw, value, sense, size in mine:
        if sense is None or size is None:
            continue
        same_value = [s for _, v, s, _ in theirs if v == value]
        if not same_value or sense in same_value or None in same_value:
            continue
        if any(s == sense and _like(size, other) for s, other in changed):
            out.append(raw)
    return out


def reopened(
    left: str, right: str, left_lang: str | None, right_lang: str | None,
) -> dict[str, list[str]]:  # fmt: skip
    """The figures (``left_only`` / ``right_only``, as written) a value in another sense
    cancelled (``FIGURE_SENSES``; none when off)."""
    if not FIGURE_SENSES:
        return {}
    left_s, right_s = sensed(left, left_lang), sensed(right, right_lang)
    left_only = Counter(v for _, v, _, _ in left_s) - Counter(v for _, v, _, _ in right_s)
    right_only = Counter(v for _, v, _, _ in right_s) - Counter(v for _, v, _, _ in left_s)
    out: dict[str, list[str]] = {}
    for side, mine, theirs, their_only in (("left_only", left_s, right_s, right_only),
                                           ("right_only", right_s, left_s, left_only)):  # fmt: skip
        found = list(dict.fromkeys(_reopened(mine, theirs, their_only)))
        if found:
            out[side] = found
    return out


def with_senses(nums: dict[str, list[str]], senses: dict[str, list[str]]) -> dict[str, list[str]]:
    """``nums`` plus the re-opened figures ``senses`` (each once)."""
    out = {side: list(tokens) for side, tokens in nums.items()}
    for side, tokens in senses.items():
        out.setdefault(side, []).extend(t for t in tokens if t not in out.get(side, []))
    return out


def page_senses(text: str, lang: str | None, found: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """(value, sense; "" for none) of every quantity of ``text`` (``checks.PageTokens.senses``)."""
    return {(value, sense or "") for _, value, sense, _ in sensed(text, lang, found)}


def other_sense(token: str, text: str, lang: str | None, values: set[str],
                senses: frozenset[tuple[str, str]]) -> bool:  # fmt: skip
    """Whether ``token`` (a one-sided figure of ``text``) is NOT told by the other copy's
    like ``values`` elsewhere, because the other copy (``senses``: its ``page_senses``) holds
    each of them only in another known sense: "45 Kilometer" against "45 Minuten" next door
    (``FIGURE_SENSES``; False when off, or when a sense is unknown on either side)."""
    if not FIGURE_SENSES or not values or not senses:
        return False
    mine = {sense for raw, _, sense, _ in sensed(text, lang) if raw == token}
    if len(mine) != 1 or None in mine:
        return False
    for value in values:
        theirs = {sense for v, sense in senses if v == value}
        if not theirs or "" in theirs or mine & theirs:
            return False
    return True
