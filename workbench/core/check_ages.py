"""Two figures that count different things: an age against a span, minutes against years.

Why (round 39, beads39): the pair-level figure twins (``core.check_twins``) pair two figures
each copy tells and the other never does when they are of like size.  A better alignment of
a dpa / AFP pair (blind57, the dateline cut) lifted two one-sided rows over the gate, and the
twins paired "nach 18 Jahren im Amt" (a term in office) with "à l'âge de 12 ans" (an age):
two year figures, no changed fact.  A count is a count *of* something; when the words
around the two figures say they count different things, the figures are not one fact
changed.  Two readings, both from the words next to the figure and in every supported
language: an age (the figure told as someone's age: "im Alter von", "Jahre alt",
"-jährig", "aged", "years old", "à l'âge de", "âgé de", "у віці", "-річн", "в возрасте",
"-летн") against a figure that is not one; and two durations of different time units
("45 Minuten" / "41 hours": ``check_forms.durations``' minutes per unit).
Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from workbench.core.check_forms import durations
from workbench.core.check_numbers import quantities
from workbench.core.duration_spans import place_of

#: Words before a figure that tell it as an age (lower case, at the end of the text before it).
_AGE_BEFORE = re.compile(
    r"(?:\balter\s+von|\balter|\baged|\bage\s+of|\bage|\bâgée?s?\s+de|\bâge\s+de|"
    r"\bу\s+віці|\bв\s+віці|\bвіком|\bв\s+возрасте|\bвозрасте|\bвозрастом)"
    r"\s*(?:von\s+|of\s+|de\s+|d['’]\s*)?(?:nur\s+|only\s+|just\s+|seulement\s+)?$"
)
#: Words right after a figure that tell it as an age.
_AGE_AFTER = re.compile(
    r"^[\s\u00a0-]*(?:jahre?\s+alt|jährig|years?[\s-]+old|year-old|ans?\s+révolus|"
    r"-?річн|-?летн|лет\s+от\s+роду|років\s+від\s+роду)"
)


def told_as_age(text: str, raw: str, lang: str | None = None) -> bool:
    """Whether ``text`` tells the figure ``raw`` (as written) as an age somewhere."""
    start = 0
    while (at := place_of(text, raw, start)) >= 0:
        before = text[max(0, at - 24) : at].lower()
        after = text[at + len(raw) : at + len(raw) + 18].lower()
        if _AGE_BEFORE.search(before) or _AGE_AFTER.match(after):
            return True
        start = at + len(raw)
    return False


def _aged(texts: Sequence[str], raw: str, lang: str | None) -> bool:
    return any(told_as_age(t, raw, lang) for t in texts if raw in t)


def _units(texts: Sequence[str], raw: str, lang: str | None) -> set[Decimal]:
    """The time units (minutes per unit) written after ``raw`` where ``texts`` tell it."""
    out: set[Decimal] = set()
    for text in texts:
        if raw not in text:
            continue
        values = dict(quantities(text, lang))
        for spelled, minutes in durations(text, lang):
            if spelled == raw:
                try:
                    out.add(minutes / Decimal(values[raw]))
                except (InvalidOperation, KeyError, ZeroDivisionError):
                    continue
    return out


def count_apart(
    left: Sequence[str], a: str, right: Sequence[str], b: str, left_lang: str | None,
    right_lang: str | None,
) -> bool:  # fmt: skip
    """Whether the words around ``a`` (in ``left``) and ``b`` (in ``right``) say the two
    figures count different things: one an age and the other not, or both durations and
    of no common time unit."""
    if _aged(left, a, left_lang) != _aged(right, b, right_lang):
        return True
    mine, theirs = _units(left, a, left_lang), _units(right, b, right_lang)
    return bool(mine and theirs and not mine & theirs)
