"""A wire dateline opening a later segment of a row: where the copy was filed, not a name.

Why: the aligner regroups a headline with the lead that follows it ("… kostet 4,6 Millionen
Euro" + "Altmünzing (APA) – Das Hallenbad …" against the rewrite's one lead sentence).
``check_names`` strips a dateline only where the row's text opens (``without_dateline``)
and, mid-row, only an all-capitals place ("… KYIV, Ukraine (AP) — …",
``without_glued_dateline``), so the wire's credit 'APA' of a title-case dateline was read as a
name the rewrite dropped (batch 148, round 40's unseen pages).  The flag gold has called
datelines false since its first batches ('Bukarest (dpa)', 'Ürzbach (dpa) -', 'Altmünzing
(APA) –').

The rule (``SEGMENT_DATELINES``): a name a side flags that its row writes only inside a
dateline opening one of its segments (capitalised place words, the credit in brackets, a
dash) is no flag.  A segment break is required, so a bracket mid-sentence ("… sagte Huber
(SPÖ) – und …") is read as before, and so is a segment opening "Das sagte Huber (SPÖ) – …"
(a lower-case word before the bracket).
"""

from __future__ import annotations

import re
from collections import Counter

from workbench.core.anchors import WORD_RE
from workbench.core.check_nouns import SEGMENT_BREAK

#: Switch (round 41, flags41; ``flags_cv.py --switch segment_datelines``): off — one dev member
#: (b148), so leave one batch out ties (docs/align.md "Round 41 (flags41)").
SEGMENT_DATELINES = False

Found = dict[str, list[str]]

_UPPER = r"[A-ZÀ-ÖØ-ÞА-ЯІЇЄҐ]"
#: A segment's dateline: capitalised place words (a slash or comma between; a date's figures
#: after a comma), the credit in brackets, a dash ("Altmünzing (APA) – ", "Graz/Wien (APA) - ",
#: "BUCHAREST, Nov 30 (Reuters) - ").  Every word before the bracket is capitalised, so
#: "Das sagte Huber (SPÖ) – …" is a sentence, not a dateline.
_DATELINE = re.compile(
    rf"^\s*{_UPPER}[\w'’.-]*(?:\s?[/,]\s?[\w'’.-]+|\s(?:{_UPPER}|\d)[\w'’.-]*){{0,3}}"
    r"\s*\([^()]{1,30}\)\s+[–—-]\s+"
)


def dateline_words(row: str) -> frozenset[str]:
    """The words ``row`` writes only inside datelines opening its segments."""
    inside: Counter[str] = Counter()
    outside: Counter[str] = Counter()
    for segment in row.split(SEGMENT_BREAK):
        match = _DATELINE.match(segment)
        head = match.group(0) if match else ""
        inside.update(WORD_RE.findall(head))
        outside.update(WORD_RE.findall(segment[len(head):]))
    return frozenset(w for w in inside if not outside[w])


def without_segment_datelines(found: Found, rows: tuple[str, str]) -> Found:
    """``found`` less each side's names that stand only in its segments' datelines."""
    if not SEGMENT_DATELINES or not found:
        return found
    out: Found = {}
    for side, row in zip(("left_only", "right_only"), rows, strict=True):
        if SEGMENT_BREAK not in row:
            if found.get(side):
                out[side] = found[side]
            continue  # one segment: ``without_dateline`` read its opening already
        words = dateline_words(row)
        kept = [t for t in found.get(side, []) if t not in words]
        if kept:
            out[side] = kept
    return out
