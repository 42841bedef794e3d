"""The pair's length ratio from its confident links, when the document ratio misleads.

Why: the Gale-Church length cost expects a sentence of ``l`` characters to face
``l * ratio`` characters, with ``ratio`` the two documents' total lengths.  That
holds for a full translation, not for the republications this product compares:
a page cut by the capture (2,000 bytes, a paywall), a four-sentence brief of a
ten-sentence wire copy, a translation that dropped the tail.  There the document
ratio is .3-.6 while kept sentences keep their length, so every true 1-1 link
pays 3-11 nats and a glued N-1 bead fits the lengths better: batch 11's English
story against its Ukrainian translation cut after seven sentences kept three of
seven links; the right side of every dev translation cut at 60 % lost a third
of its links (recall .65, precision .78).

The links the first pass is sure of tell the real ratio: over the 1-1 links with
coverage above chance beyond ``RATIO_EVIDENCE`` the right side's characters per
left character.  When at least ``RATIO_MIN_LINKS`` of them give a ratio more
than ``RATIO_DEVIATION`` off the document's, the pair is aligned again with it
(``align.align_scored``).  The three levels were set before measuring (a link
well above chance, the fewest links a ratio can rest on, a deviation beyond the
spread of full translations: none of the Text+Berg parts triggers it); measured
on the dev pairs cut or thinned at random (``docs/align.md``).  Pure.
"""

from __future__ import annotations

from workbench.core.align_repair import Bead, _bead_evidence
from workbench.core.align_scoring import BeadScorer

#: coverage above chance a 1-1 link needs to vouch for the ratio
RATIO_EVIDENCE = 0.1
#: links needed before the document ratio is overruled
RATIO_MIN_LINKS = 3
#: factor by which the links' ratio must differ from the document's
RATIO_DEVIATION = 1.15


def link_ratio(beads: list[Bead], scorer: BeadScorer) -> float | None:
    """The confident links' length ratio, or None when the document's ratio stands."""
    links = [
        b
        for b in beads
        if len(b.left) == 1
        and len(b.right) == 1
        and b.move_to is None
        and _bead_evidence(b, scorer) > RATIO_EVIDENCE
    ]
    if len(links) < RATIO_MIN_LINKS:
        return None
    left = sum(scorer.left_len[b.left[0]] for b in links)
    ratio = sum(scorer.right_len[b.right[0]] for b in links) / max(1, left)
    if max(ratio / scorer.ratio, scorer.ratio / ratio) <= RATIO_DEVIATION:
        return None
    return ratio
