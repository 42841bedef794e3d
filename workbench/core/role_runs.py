"""The learned layer's headline decisions taken for a whole header run, never inside it.

Why: the rules read a deck, a summary box or a second title line as one run of
consecutive ``headline`` segments (title and subtitle, "L'essentiel" and its two
sentences).  The learned correction (``core.role_model``) judges each segment
alone, and on dev pages it split such runs: it kept the box's first sentence and
turned the second into ``body`` ("La tempête Ysolde a balayé …" / "Deux personnes
sont mortes …"), or kept the middle one of three lead sentences a court's
release printed under its title.  A run is printed as one block, so it is one
decision: the one the layer takes on the run's first segment (its edge with what
comes before).  Only ``headline`` <-> ``body`` moves, so the story decision is the
same either way; a segment the layer turned into anything else keeps that.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

HEADLINE, BODY = "headline", "body"


def runs_of(labels: Sequence[str | None], value: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans (end exclusive) of consecutive ``value`` labels.

    Why shared: the header runs here and the appeal blocks of ``core.page_resume``
    are both read as one printed block each.
    """
    out, at = [], 0
    for label, group in groupby(labels):
        size = sum(1 for _ in group)
        if label == value:
            out.append((at, at + size))
        at += size
    return out


def whole_runs(rules: Sequence[str], corrected: Sequence[str]) -> list[str]:
    """``corrected`` with every run of the rules' consecutive headlines decided as its first."""
    out = list(corrected)
    for start, end in runs_of(rules, HEADLINE):
        lead = out[start]
        if lead in (HEADLINE, BODY):
            for k in range(start + 1, end):
                if out[k] in (HEADLINE, BODY):
                    out[k] = lead
    return out
