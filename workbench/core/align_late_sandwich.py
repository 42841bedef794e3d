"""Across languages, a lone sentence left free on each side between the same two links.

Why (round 41, beads41): through a copy stand-in MT a cross-language paraphrase shows only
lengths, figures and names, and a sentence the writer retold in other words carries none of
them. ``align_repair.pair_sandwiches`` links such a lone deletion and lone insertion right
after the DP, but the later steps (the decision model, the glue checks, the halves and twins
that take a free neighbour) leave some of those gaps open again, or open new ones. At the end
of the steps the two sentences still sit alone between two links, in order on both pages: the
order is the evidence the words cannot give.

The rule (``pair_late_sandwiches``, two-language pairs only, after every join of
``align_late_twins``): a bounded one-to-one gap — the beads before and after are links
(both sides, neither a move), between them exactly one unmatched sentence on each side,
neither a move, and no role break between the two links on either page — becomes a 1-1 link
when its Gale-Church length cost is at most ``SANDWICH_COST`` nats and the pair leaves at
most ``SANDWICH_FREE`` of its sentences unmatched. ``SANDWICH_COST`` below 0 is off (the
shipped value and its study: ``docs/align.md`` "Round 41 (beads41)").
"""

from __future__ import annotations

from workbench.core.align_repair import Bead, moves_remapped
from workbench.core.align_scoring import BeadScorer

#: the largest length cost (nats) of a late sandwich link; below 0 the rule is off
SANDWICH_COST = -1.0

#: the largest share of the pair's sentences left unmatched for the rule to read order as
#: evidence: a pair that tells nearly every sentence of the other in order (a translation)
#: leaves a lone free pair where one sentence was retold; a pair that leaves many free (a
#: loose paraphrase) leaves lone pairs that are two sentences each page told alone
SANDWICH_FREE = 1.0

Breaks = tuple[frozenset[int], frozenset[int]]


def _link(bead: Bead) -> bool:
    return bool(bead.left and bead.right) and bead.move_to is None


def _lone_pair(beads: list[Bead], k: int) -> tuple[int, int] | None:
    """(left sentence, right sentence) when ``beads[k:k+2]`` is a bounded one-to-one gap."""
    if k < 1 or k + 2 >= len(beads) or not (_link(beads[k - 1]) and _link(beads[k + 2])):
        return None
    a, b = beads[k], beads[k + 1]
    if a.move_to is not None or b.move_to is not None:
        return None
    for one, other in ((a, b), (b, a)):
        if len(one.left) == 1 and not one.right and len(other.right) == 1 and not other.left:
            return one.left[0], other.right[0]
    return None


def _crosses_break(before: Bead, after: Bead, breaks: Breaks) -> bool:
    """Whether a role break falls between the two bounding links on either page."""
    left = range(before.left[-1] + 1, after.left[0] + 1)
    right = range(before.right[-1] + 1, after.right[0] + 1)
    return any(x in breaks[0] for x in left) or any(x in breaks[1] for x in right)


def free_share(beads: list[Bead]) -> float:
    """The share of the pair's sentences left unmatched (a move's two halves count as linked)."""
    free = sum(len(b.left) + len(b.right) for b in beads
               if not (b.left and b.right) and b.move_to is None)  # fmt: skip
    return free / max(1, sum(len(b.left) + len(b.right) for b in beads))


def pair_late_sandwiches(
    beads: list[Bead], scorer: BeadScorer, breaks: Breaks = (frozenset(), frozenset()),
    cost: float | None = None, free: float | None = None,
) -> list[Bead]:  # fmt: skip
    """``beads`` with each bounded one-to-one gap whose lengths fit linked 1-1 (module doc).

    ``cost``: the length bound (default ``SANDWICH_COST``; below 0 the beads are returned
    as given); ``free``: the pair's largest unmatched share (default ``SANDWICH_FREE``).
    Moves keep pointing at their partners (``moves_remapped``).
    """
    bound = SANDWICH_COST if cost is None else cost
    if bound < 0 or free_share(beads) > (SANDWICH_FREE if free is None else free):
        return beads
    out: list[Bead] = []
    where: dict[int, int] = {}
    k = 0
    while k < len(beads):
        pair = _lone_pair(beads, k)
        if pair is not None and not _crosses_break(beads[k - 1], beads[k + 2], breaks):
            i, j = pair
            if scorer.length_cost(i, 1, j, 1) <= bound:
                where[k] = where[k + 1] = len(out)
                out.append(Bead((i,), (j,), round(scorer.similarity(i, 1, j, 1), 4), "1-1"))
                k += 2
                continue
        where[k] = len(out)
        out.append(beads[k])
        k += 1
    return moves_remapped(out, where) if len(out) < len(beads) else beads
