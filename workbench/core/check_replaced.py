"""A paraphrase's replaced figure must count the same kind of thing as its partner (flags43).

Why: in a row below the similarity gate (a paraphrase, or a pairing the aligner was unsure
of) ``check_numbers.replaced_numbers`` reports a one-sided figure only when the other side
has a one-sided figure of like size (within a factor of two): "120,000" / "130,000".  It
compares values alone, so a measure and a count of like size pass for one changed fact.
Round 42's unseen uk -> en paraphrase (batch 155) paired "Люди висіли на висоті до 12
метрів" (a height) with "Rescuers … lower about 20 people" (a count of people) at a
confidence just above the gate, and flagged '12' against '20'.

The rule (``SENSED_REPLACEMENTS``): a replaced pair may not join a measure with a count.  A
figure's sense is what ``figure_senses`` reads from the word after it (a registry unit's
dimension, "метрів" a length; a time unit, "Minuten"), else "count" when a plain word follows
that is no unit ("20 people", "15 Menschen"), else unknown ("57 t/ha": a compound unit the
registry does not read; "Mio."; nothing after it).  Two known senses must agree; an unknown
one pairs with anything, as before.  A length against a count of people, or a temperature
against a duration, is two facts the paraphrase tells or drops, not one fact changed.  The
figures are compared as before (value and size); only the pairing is narrowed, so the rule
can never add a flag.
"""

from __future__ import annotations

import re

from workbench.core.check_numbers import _like, _values
from workbench.core.duration_spans import place_of
from workbench.core.figure_senses import sensed

#: Switch (``benchmarks/flags_cv.py --switch sensed_replacements``): a paraphrase's replaced
#: figures pair only within one sense (a length with a length, a count with a count).
SENSED_REPLACEMENTS = True

Flags = dict[str, list[str]]


def _senses(text: str, lang: str | None) -> dict[str, set[str | None]]:
    """The senses each figure of ``text`` (as written) is told in there: a unit's dimension
    or "time" (``figure_senses``), "count" before a plain word that is no unit ("20 people",
    "15 Menschen"), ``None`` when unknown ("57 t/ha": a unit the registry does not read, or
    no word after it)."""
    out: dict[str, set[str | None]] = {}
    seen: dict[str, int] = {}
    for raw, _value, sense, _size in sensed(text, lang):
        at = place_of(text, raw, seen.get(raw, 0))
        if at >= 0:
            seen[raw] = at + len(raw)
        if sense is None and at >= 0 and _COUNTED.match(text, at + len(raw)):
            sense = "count"
        out.setdefault(raw, set()).add(sense)
    return out


#: A plain word after a figure: letters only, not an abbreviation ("Mio.") or a compound unit
#: ("t/ha"), which the unit registry may simply not know.
_COUNTED = re.compile(r"[ \u00a0\u202f]+[^\W\d_]{2,}(?![\w/.²³])")


def _compatible(mine: set[str | None], theirs: set[str | None]) -> bool:
    """One sense on both sides, or an unknown one on either (as before the rule)."""
    return None in mine or None in theirs or bool(mine & theirs)


def sensed_replacements(left: str, right: str, replaced: Flags,
                        langs: tuple[str | None, str | None]) -> Flags:  # fmt: skip
    """``replaced`` (``replaced_numbers``' answer for a paraphrase row) less the
    figures whose every like-sized partner opposite is told in another sense; both sides
    must keep one (a replacement is a pair).  Unchanged when ``SENSED_REPLACEMENTS`` is off."""
    if not SENSED_REPLACEMENTS or len(replaced) != 2:
        return replaced
    texts = {"left_only": (left, langs[0]), "right_only": (right, langs[1])}
    read = {side: (_values(text, lang, replaced.get(side, [])), _senses(text, lang))
            for side, (text, lang) in texts.items()}  # fmt: skip
    out: Flags = {}
    for side, other in (("left_only", "right_only"), ("right_only", "left_only")):
        (mine, my_senses), (theirs, their_senses) = read[side], read[other]
        kept = [raw for raw, v, pct in mine
                if any(_like(v, w, pct and other_pct)
                       and _compatible(my_senses.get(raw, {None}), their_senses.get(raw2, {None}))
                       for raw2, w, other_pct in theirs)]  # fmt: skip
        if kept:
            out[side] = [raw for raw in replaced[side] if raw in kept]
    return out if len(out) == 2 else {}
