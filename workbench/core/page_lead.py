"""The title restates the story's lead: a check on the title chosen by position.

Why: ``page_header`` chooses the title among the title-shaped lines above the
story by position (the last block before the byline or stamps) and by how many
of the story's words a line shares.  A navigation row of place names ("Lokales
Bad Reichenhall Freilassing Berchtesgaden Bayern"), a traffic or weather widget
("Salzburg -2° Schneefall") or the site's name shares words with the story too,
spread over all of it; first runs on unseen batches took such lines for the
title on pages of four writers (batches 3, 6, 12 and 27).  A title is written
from the lead: it shares more words with the story's first sentences than any
line of chrome does.  So when another candidate, not printed right above or
under the line chosen, shares more words with the first five story sentences
than that line, it is the title (``RoleParams.lead_sentences`` and
``lead_margin``, chosen leaving one dev set out: ``benchmarks/role_lead_cv.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.core.page_shapes import RoleParams, Shape


def lead_words(sh: Sequence[Shape], told: Sequence[int], sentences: int) -> frozenset[str]:
    """Content-word stems of the story's first ``sentences`` sentences."""
    return frozenset().union(*(sh[k].stems for k in told[:sentences]))


def lead_title(
    lines: Sequence[Sequence[int]], title: int | None, sh: Sequence[Shape],
    told: Sequence[int], p: RoleParams,
) -> Sequence[int] | None:  # fmt: skip
    """The candidate title line that restates the lead better than the chosen one, else None.

    ``lines`` are the title candidates' segments (one title line each), ``title``
    the first segment of the line chosen by position.  Of the lines sharing
    ``p.lead_margin`` or more words of the story's first ``p.lead_sentences``
    sentences than it, the one sharing most (nearest the story on a tie), unless it
    is printed right above or under the chosen line; ``lead_sentences`` 0 switches
    the check off.
    """
    chosen = next((k for k, line in enumerate(lines) if line and line[0] == title), None)
    if p.lead_sentences <= 0 or not told or chosen is None:
        return None
    lead = lead_words(sh, told, p.lead_sentences)
    counts = [len(frozenset().union(*(sh[k].stems for k in line)) & lead) for line in lines]
    best = max(range(len(lines)), key=lambda k: (counts[k], k))
    if best == chosen or counts[best] < counts[chosen] + p.lead_margin:
        return None
    return None if _adjacent(lines[best], lines[chosen]) else lines[best]


def _adjacent(a: Sequence[int], b: Sequence[int]) -> bool:
    """Two lines printed one right under the other: a title and its subtitle or kicker.

    A subtitle or standfirst restates the lead more fully than the title above it
    ("Hundreds evacuated as wildfire rages on Greek island of Evia" / "Firefighters
    battle flames near Psachna for second day …"); the pair is one headline already.
    """
    return a[0] == b[-1] + 1 or b[0] == a[-1] + 1
