"""The leads of a two-language page pair: each story's first sentence, linked.

Why: two outlets telling one story in two languages both open with its lead (who,
what, where, when), however differently they go on.  On the dev paraphrase pairs
(two agencies, two languages; batches 3-41) the gold links the two first body
sentences in 32 of 38 pairs (sure; possible in 4 more), yet the aligner missed 12
of them: through the stand-in MT (a copy) the two leads share a name or a figure
at most, so the DP left both unmatched ("Trois skieurs de randonnée allemands ont
été tués dimanche …" / "Bei einem Lawinenabgang im Tiroler Pitztal sind am Sonntag
drei Skitourengeher …") or linked one of them by position to the other's second
sentence while the other lead stayed unmatched.  Position is evidence a new
writer's page carries too (a news story opens with its lead), where names and
phrases are not.

``link_leads`` (``AlignParams.lead_link_evidence``): the caller names where each
side's running text starts (``align_groups``), and the lead is its first whole sentence
of more than ``LEAD_WORDS`` words: chrome that page roles let in above it is skipped
(batch 11's price ticker "Пшениця CBOT, $/буш.", batch 29's "UPD 14:20.", a photo
credit).  When the two leads are not linked to each other, in pairs under
``AlignParams.long_glue_min`` sentences a side (pages) compared across languages,
* two unmatched leads link (in order, or as a move when links lie between them)
  when their words are covered at least ``lead_link_evidence`` above chance;
* an unmatched lead takes the other lead from a 1-1 link with a sentence that is
  not a lead, further down the running text, when the leads' words are covered
  further above chance than that link's (its partner is left unmatched; a link to a
  headline line above the lead is left to ``align_groups``): a lead linked by order
  to a retelling
  of something else gives way, a lead linked to its true retelling does not (a
  capture's "UPD 14:20." read as the first body line never takes a lead).
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.core.align_anchor_moves import _reseat
from workbench.core.align_figures import _link, _lone
from workbench.core.align_fragments import ends_open
from workbench.core.align_repair import Bead
from workbench.core.align_scoring import AlignParams, BeadScorer

#: a lead tells who, what, where and when: a sentence of more words than a credit, a
#: dateline or an update stamp ("Фото: ДСНС Закарпаття", "BUCHAREST, 23 сентября.")
LEAD_WORDS = 6
#: lines of chrome read as running text that may stand above the lead
LEAD_SKIP = 2


def link_leads(
    beads: list[Bead], scorer: BeadScorer, params: AlignParams,
    texts: tuple[Sequence[str], Sequence[str]], leads: tuple[int, int] | None,
) -> list[Bead]:  # fmt: skip
    """The two leads linked (``leads``: each side's first running-text line)."""
    floor = params.lead_link_evidence
    n, m = scorer.counts
    if leads is None or floor <= -1 or min(n, m) >= params.long_glue_min:
        return beads
    i, j = (lead_of(side, first) for side, first in zip(texts, leads, strict=True))
    if not (0 <= i < n and 0 <= j < m):
        return beads
    p = next(k for k, b in enumerate(beads) if i in b.left)
    q = next(k for k, b in enumerate(beads) if j in b.right)
    if p == q:
        return beads  # already linked together, in whatever shape
    value = scorer.evidence(i, 1, j, 1)
    if value < floor:
        return beads
    if _lone(beads[p], 0) and _lone(beads[q], 1):
        return _link(beads, p, q, scorer)
    for side, lone, linked in ((0, p, q), (1, q, p)):
        link = beads[linked]
        if not _lone(beads[lone], side) or not _plain_link(link):
            continue
        if (link.left[0], link.right[0])[side] < (i, j)[side]:
            continue  # linked to a line above the lead (a headline): grouping judges that
        if value > scorer.evidence(link.left[0], 1, link.right[0], 1):
            kept = (j, i)[side]  # the other lead, taken from its link
            return _reseat(beads, 1 - side, kept, (i, j)[side], scorer)
    return beads


def lead_of(texts: Sequence[str], first: int) -> int:
    """The lead: the first line from ``first`` that is a whole sentence of more than
    ``LEAD_WORDS`` words, skipping at most ``LEAD_SKIP`` lines of chrome (-1: none)."""
    for k in range(first, min(first + LEAD_SKIP + 1, len(texts))):
        if len(texts[k].split()) > LEAD_WORDS and not ends_open(texts[k]):
            return k
    return -1


def _plain_link(bead: Bead) -> bool:
    """A 1-1 link that is not half of a move."""
    return bead.move_to is None and len(bead.left) == 1 and len(bead.right) == 1
