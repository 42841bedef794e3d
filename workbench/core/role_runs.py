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

HEADLINE, BODY = "headline", "body"


def whole_runs(rules: Sequence[str], corrected: Sequence[str]) -> list[str]:
    """``corrected`` with every run of the rules' consecutive headlines decided as its first."""
    out = list(corrected)
    start = 0
    while start < len(rules):
        if rules[start] != HEADLINE:
            start += 1
            continue
        end = start
        while end + 1 < len(rules) and rules[end + 1] == HEADLINE:
            end += 1
        lead = out[start]
        if lead in (HEADLINE, BODY):
            for k in range(start + 1, end + 1):
                if out[k] in (HEADLINE, BODY):
                    out[k] = lead
        start = end + 1
    return out
