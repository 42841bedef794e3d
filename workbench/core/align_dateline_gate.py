"""The checks' gate reads the lead's row as scored with its dateline joined back in front.

Why (round 39, beads39; beadse38's trace): with round 35's dateline cut and the lone
dateline left out of every comparison (``segment.DATELINE_SEGMENTS``,
``align_inner.DATELINES_APART``) the copies' lead beads come back, but the row holding the
lead is then scored without "Varelbruch (dpa) -": the aligner's calibrated confidence or its
similarity moves across the checks' gate (.40 / .50) on a row whose segments are the same
(blind89's row .52 -> .25, its two true figures lost; blind3's .49 -> .50, a false name
raised).  The gate asks "is this row a sure link, and how alike are its sides?"; the
dateline is part of what the writer filed, so that question is asked of the row with the
dateline put back.  The pairing, the displayed row and its stored confidence stay the
aligner's (the dateline is still no sentence of the story): only the two numbers the gate
reads are taken from the same pair aligned once more with each kept-apart dateline joined
to the lead after it, for every row that holds such a lead and that the second alignment
holds too (same sentences on both sides).  A row the second alignment groups otherwise
keeps the aligner's numbers: there is no rejoined reading of it to take.

Pure: texts and beads in, numbers out; the caller hands the aligner call (``run``), so
the compare service (``align_groups`` with its groups, breaks and MT) and
``testing.flag_gold.end_to_end_pairs`` (``align``) use this one function.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from workbench.core.align_inner import is_apart
from workbench.core.align_repair import Bead

#: Switch (round 39, beads39): the checks' gate reads the rows holding a lead whose dateline
#: was kept apart as scored with it rejoined.  Off: the aligner's numbers (it can only act
#: when ``align_inner.DATELINES_APART`` leaves a dateline out).
DATELINE_GATE = False

#: (left sentence indices, right sentence indices) of a row -> (confidence, similarity)
GateScores = dict[tuple[tuple[int, ...], tuple[int, ...]], tuple[float, float]]


def fronts(texts: Sequence[str], keep: Sequence[int]) -> dict[int, int]:
    """Compared position -> page index of the kept-apart dateline right in front of it.

    ``texts`` is the whole page, ``keep`` the page indices compared, in order.
    """
    kept = set(keep)
    return {pos: k - 1 for pos, k in enumerate(keep)
            if k > 0 and k - 1 not in kept and is_apart(texts[k - 1])}  # fmt: skip


def rejoined(texts: Sequence[str], keep: Sequence[int], front: Mapping[int, int]) -> list[str]:
    """The compared lines, each lead with its dateline joined back in front (a space between:
    the cut took only the whitespace after the dash)."""
    return [f"{texts[front[pos]]} {texts[k]}" if pos in front else texts[k]
            for pos, k in enumerate(keep)]  # fmt: skip


def gate_scores(
    rows: Sequence[Bead], front: tuple[Mapping[int, int], Mapping[int, int]],
    again: Sequence[Bead],
) -> GateScores:  # fmt: skip
    """The rejoined numbers of every row of ``rows`` that holds a lead with a dateline in
    ``front`` and that ``again`` (the rejoined alignment, the same positions) holds too."""
    twin = {(b.left, b.right): b for b in again}
    out: GateScores = {}
    for row in rows:
        leads = any(i in front[0] for i in row.left) or any(j in front[1] for j in row.right)
        same = twin.get((row.left, row.right)) if leads else None
        if same is not None and (same.confidence, same.score) != (row.confidence, row.score):
            out[(row.left, row.right)] = (same.confidence, same.score)
    return out


def dateline_gate(
    rows: Sequence[Bead], pages: tuple[Sequence[str], Sequence[str]],
    keep: tuple[Sequence[int], Sequence[int]],
    run: Callable[[list[str], list[str]], Sequence[Bead]],
) -> GateScores:  # fmt: skip
    """The gate's numbers that differ from the rows' own (``gate_of`` reads them).

    ``rows``: the aligner's rows over ``keep`` (positions into the compared lines);
    ``run(left, right)``: the same aligner call on other texts of the same lines, giving rows
    as ``rows`` were made (``move_links`` applied alike).  Nothing when the switch is off or
    no dateline was kept apart (no second alignment is run then).
    """
    if not DATELINE_GATE:
        return {}
    front = fronts(pages[0], keep[0]), fronts(pages[1], keep[1])
    if not front[0] and not front[1]:
        return {}
    again = run(rejoined(pages[0], keep[0], front[0]), rejoined(pages[1], keep[1], front[1]))
    return gate_scores(rows, front, again)


def gate_of(row: Bead, scores: GateScores) -> tuple[float, float]:
    """The (confidence, similarity) the checks' gate reads for ``row``."""
    return scores.get((row.left, row.right), (row.confidence, row.score))
