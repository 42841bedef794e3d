"""A sentence glued into a row that holds the row's changed figure is no glued sentence.

Why: ``check_scope.unglued`` leaves out a sentence of a regrouped row that shares next to
nothing with the other side (a full text against a brief that dropped the next sentence),
so its figures and names are an omission, not an edit.  It keeps a sentence that writes a
figure the other side writes too, but not one that writes the figure **changed**: round 39's
unseen batch 145 (a German local rewrite) split the dpa sentence "Die Feuerwehr war mit rund
120 Einsatzkräften vor Ort und schlug die Gaswolke mit einem Wasservorhang nieder." in two,
"Rund 150 Feuerwehrleute aus dem ganzen Landkreis waren im Einsatz. Mit einem Wasservorhang
drückten sie die Gaswolke nieder."  The second half covers the source word for word, the
first (reworded: "Feuerwehrleute" for "Einsatzkräfte") shares one word, so it was read as
glued in, and the rewrite's 150 was never compared: '120' stood alone, '150' was missed.

The rule (``GLUED_FIGURES``): a sentence that ``unglued`` would leave out is kept when it
writes a figure the other side lacks while the other side writes a figure this whole side
lacks, of like size (within a factor of ``LIKE``, both above zero: 120 against 150).  Then
the sentence holds the changed figure of the sentence opposite, not a fact of its own.  A
glued sentence with no figure, or whose figures the other side holds or nothing of like size
stands against, is left out as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

#: Switch (round 40, flags40; ``flags_cv.py --switch glued_figures``).
GLUED_FIGURES = True
#: Like size: the larger of the two figures at most this many times the smaller.
LIKE = Decimal(2)


def _numbers(values: Iterable[str]) -> set[Decimal]:
    out: set[Decimal] = set()
    for value in values:
        try:
            out.add(Decimal(value))
        except InvalidOperation:
            continue
    return out


def _like(a: Decimal, b: Decimal) -> bool:
    low, high = min(a, b), max(a, b)
    return low > 0 and high <= LIKE * low


def holds_changed_figure(part: Iterable[str], side: Iterable[str], other: Iterable[str]) -> bool:
    """Whether a sentence whose figure values are ``part`` (a sentence of a side whose values
    are ``side``) writes a figure changed from one of ``other`` (the other side's values): a
    value ``other`` lacks against a like-sized value of ``other`` that ``side`` lacks."""
    if not GLUED_FIGURES:
        return False
    theirs, mine = _numbers(other), _numbers(side)
    changed = _numbers(part) - theirs
    told_there = theirs - mine
    return any(_like(v, w) for v in changed for w in told_there)
