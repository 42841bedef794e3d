"""Two rough counts that differ: "etwa 90 Einsatzkräfte" / "Une centaine de pompiers".

Why a module of its own: ``core.check_collectives`` reads a collective number noun ("une
centaine", "ein Dutzend", "два десятки") as a rough count and takes away a one-sided figure
opposite that falls in its range ("37" against "une quarantaine": the translation wrote
the noun as a figure).  That is right for an exact figure, which the noun may round; but a
figure its own copy hedges ("etwa 90", "rund 38") is a second rounding, not the count the
noun rounds: two copies that each round, and round to different figures, tell the count
differently.  ``check_rounded`` already reads two figures hedged the same way so ("rund
38" / "environ 40", "rund 2.300" / "rund 2.400"); the noun is a hedge of the same kind
("about"), written as a word, so the figure reader never saw it and dev batch 102's "etwa
90" / "Une centaine" was no flag.  The flag gold (i12, batches 102, 110 and 116) counts
such pairs as changes.

The rule: a one-sided figure of things (no unit or time unit after it: "près de 40 heures"
is no count of "une soixantaine de secouristes") written after a hedge against
a collective noun on the other side of the row, within a factor of two, that is not the
noun's value and whose range the noun's cannot meet (``check_rounded.same_count``: the
same kind of hedge never meets) is a changed figure; the figure and the noun are flagged.
An exact figure is left to ``check_collectives`` as before ("37" / "une quarantaine").

``HEDGED`` switches it, on since round 33 as one package with ``check_durations.DURATIONS``
(``benchmarks/flags_cv.py --switch rough33``: each piece alone moves one dev batch, 102 or 116,
so leave one batch out ties; the package gains in every fold).
"""

from __future__ import annotations

import re
from decimal import Decimal

from workbench.core.check_collectives import _NOUNS, SPREAD, collective_ranges
from workbench.core.check_forms import durations
from workbench.core.check_rounded import Figure, _nth, figure_range, figures, same_count
from workbench.core.units import unit_at

#: A hedged figure against a collective noun of another value is a change (round 33).
HEDGED = True


def noun_figures(text: str, lang: str | None) -> list[Figure]:
    """Each collective number noun of ``text`` as a figure hedged "about" its value,
    written as the noun ("centaine" of "Une centaine")."""
    out = []
    for (low, _high, _times), word in zip(collective_ranges(text, lang), _nouns(text, lang),
                                          strict=False):  # fmt: skip
        value = Decimal(round(low / (1 - SPREAD)))
        lo, hi = figure_range(value, "about")
        out.append(Figure(word, lo, hi, "about", False))
    return out


def _nouns(text: str, lang: str | None) -> list[str]:
    """The nouns ``collective_ranges`` reads, as written, in the same order."""
    base = lang.split("-")[0].lower() if lang else None
    if base not in _NOUNS:
        return []
    return [m.group("noun") for m in _NOUNS[base][0].finditer(text)]


def hedged_against_nouns(
    left: str, right: str, nums: dict[str, list[str]], left_lang: str | None,
    right_lang: str | None,
) -> dict[str, list[str]]:  # fmt: skip
    """The one-sided hedged figures and the collective nouns opposite them that tell the
    count differently (see the module); ``{}`` when ``HEDGED`` is off."""
    if not HEDGED or not nums:
        return {}
    out: dict[str, list[str]] = {}
    sides = (("left_only", left, left_lang, right, right_lang, "right_only"),
             ("right_only", right, right_lang, left, left_lang, "left_only"))  # fmt: skip
    for side, mine, lang, theirs, their_lang, other in sides:
        nouns = [n for n in noun_figures(theirs, their_lang)
                 if not _says(mine, n.raw)]  # fmt: skip
        counts = [t for t in nums.get(side, []) if _counts_things(mine, lang, t)]
        for figure in (f for f in figures(mine, lang, counts) if f.how):
            for noun in nouns:
                if _differ(figure, noun):
                    for at, token in ((side, figure.raw), (other, noun.raw)):
                        if token not in out.get(at, []):
                            out.setdefault(at, []).append(token)
    return out


def _differ(figure: Figure, noun: Figure) -> bool:
    """Whether a hedged figure and a noun's rough count tell one amount differently: within
    a factor of two, not the noun's value, and no hedge lets them meet."""
    middle = (noun.low + noun.high) / 2
    # the told values, not the edges of their rounding ranges: "environ 50" against "une
    # centaine" is exactly a factor of two, and 49.5 against 99.99 would call it more
    told = (figure.low + figure.high) / 2
    low, high = sorted((max(round(told), 1e-9), round(middle)))
    value = told if figure.how == "about" else None
    if figure.percent or high > 2 * low or (value is not None and round(value) == round(middle)):
        return False
    return not same_count(figure, noun)


def _says(text: str, noun: str) -> bool:
    """Whether ``text`` writes the noun itself (then it is no one-sided count)."""
    return re.search(r"(?<!\w)" + re.escape(noun) + r"(?!\w)", text, re.I) is not None


def _counts_things(text: str, lang: str | None, raw: str) -> bool:
    """Whether the figure ``raw`` counts things, as a collective noun does: no unit or
    time unit after it ("près de 40 heures" is no count of "une soixantaine de secouristes")."""
    if raw in {r for r, _ in durations(text, lang)}:
        return False
    at = _nth(text, raw, 0)
    return at >= 0 and unit_at(text[at + len(raw):], lang) is None
