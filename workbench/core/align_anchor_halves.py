"""A sentence whose rare anchors two unmatched neighbours of the other side share between
them: the two are its halves (a 1-2 split or a 2-1 join across languages).

Why: a paraphrase in another language joins two sentences into one or splits one in two
("… eine Schutzzone von drei Kilometern und eine Überwachungszone von zehn Kilometern." +
"… ein 72-stündiges Verbringungsverbot …" / "… zone de surveillance de dix kilomètres …,
et tout transport … pendant 72 heures"), and through the stand-in MT (a copy) the halves
share little with the sentence but their anchors.  When each half holds a different part
of the sentence's anchors, the anchor twins (``align_anchor_moves.link_anchor_twins``) see
a tie and link neither (each twin needs a partner of strictly most shared anchors), and
the anchor join (``align_anchor_joins``) needs a 1-1 link to start from, so all three stay
unmatched (round 31, beads31: dev batch 56's paraphrase; ``benchmarks/align_anchor_halves.py``
counts the shape).

The rule, after the decision and the late twins (``align_late_twins``), in two-language
pairs under ``AlignParams.long_glue_min`` sentences a side: an unmatched sentence whose
unique anchors (``anchors.unique_anchors``: no other sentence of its document holds them,
numbers under 10 and country names left out; no cognates) are held
by exactly two unmatched sentences of the other side, next to each other with no break
between them and in the sentence's gap, each holding one the other lacks, links both as
one bead when its Gale-Church length cost is at most ``AlignParams.anchor_halves_cost``
(-1: off).  Read on the anchors alone: no word list, no page.

Shipped off (a study): with the late anchor join (``align_late_twins.late_anchor_halves``)
it was chosen in every leave-one-batch-out fold but lost six check beads, all the join's;
the halves alone move one dev bead and no check bead (docs/align.md, round 31 beads31).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from workbench.core.align_repair import Bead
from workbench.core.align_scoring import AlignParams, BeadScorer
from workbench.core.anchors import unique_anchors

Breaks = tuple[frozenset[int], frozenset[int]]


def link_anchor_halves(
    beads: list[Bead], scorer: BeadScorer, params: AlignParams,
    breaks: Breaks = (frozenset(), frozenset()),
) -> list[Bead]:  # fmt: skip
    """Each unmatched sentence linked with the two unmatched neighbours that split its
    unique anchors between them (see the module docstring); beads as they were otherwise.

    The anchors are the scorer's (figures, names, calendar words), without the other anchor
    rules' cognates: a word beginning shared by chance with a third sentence would hide the
    split (dev batch 56's "Land" / "lant"), and the rule rests on facts, not words."""
    cost = params.anchor_halves_cost
    if cost < 0 or min(scorer.counts) >= params.long_glue_min:
        return beads
    alone = (unique_anchors(scorer.left_anchors), unique_anchors(scorer.right_anchors))
    while (found := _first_halves(beads, alone, scorer, (cost, breaks))) is not None:
        beads = _linked(beads, *found, scorer)
    return beads


def _first_halves(
    beads: list[Bead], alone: tuple[list[frozenset[str]], ...], scorer: BeadScorer,
    bars: tuple[float, Breaks],
) -> tuple[int, int, int] | None:  # fmt: skip
    """(the sentence's bead, its two halves' beads) of the first sentence with halves."""
    cost, breaks = bars
    lone = [{b.left[0]: n for n, b in enumerate(beads) if _lone(b, 0)},
            {b.right[0]: n for n, b in enumerate(beads) if _lone(b, 1)}]  # fmt: skip
    for side in (0, 1):
        for s, p in sorted(lone[side].items()):
            halves = _halves(alone[side][s], [(x, alone[1 - side][x]) for x in lone[1 - side]])
            if halves is None or halves[1] in breaks[1 - side]:
                continue
            first = halves[0]
            joined = (scorer.length_cost(s, 1, first, 2) if side == 0 else
                      scorer.length_cost(first, 2, s, 1))  # fmt: skip
            q, r = lone[1 - side][halves[0]], lone[1 - side][halves[1]]
            if joined <= cost and _one_gap(beads, (p, q, r)):
                return p, q, r
    return None


def _halves(keys: frozenset[str], others: Sequence[tuple[int, frozenset[str]]]
            ) -> tuple[int, int] | None:  # fmt: skip
    """The two neighbouring sentences among ``others`` (index, unique anchors) that alone
    hold ``keys`` of the sentence, each some the other lacks, or None."""
    if not keys:
        return None
    holders = sorted((x, held & keys) for x, held in others if held & keys)
    if len(holders) != 2 or holders[1][0] - holders[0][0] != 1:
        return None
    (a, mine), (b, theirs) = holders
    return (a, b) if mine - theirs and theirs - mine else None


def _lone(bead: Bead, side: int) -> bool:
    """One sentence of ``side``, unmatched, not a move's end."""
    ids, other = (bead.left, bead.right) if side == 0 else (bead.right, bead.left)
    return len(ids) == 1 and not other and bead.move_to is None


def _one_gap(beads: list[Bead], where: tuple[int, ...]) -> bool:
    """Whether no link and no move's end lies between the beads at ``where``: one gap, so
    the new bead keeps the order of both sides."""
    lo, hi = min(where), max(where)
    return not any((b.left and b.right) or b.move_to is not None for b in beads[lo:hi + 1])


def _linked(beads: list[Bead], p: int, q: int, r: int, scorer: BeadScorer) -> list[Bead]:
    """The sentence at ``p`` and its halves at ``q``, ``r`` as one bead, placed in their gap
    where the first of them stood (the gap holds unmatched sentences only, so any place in
    it keeps both sides' order as long as the gap's other sentences keep theirs)."""
    parts = [beads[p], beads[q], beads[r]]
    left = tuple(sorted(i for b in parts for i in b.left))
    right = tuple(sorted(j for b in parts for j in b.right))
    score = round(scorer.similarity(left[0], len(left), right[0], len(right)), 4)
    bead = Bead(left, right, score, f"{len(left)}-{len(right)}")
    lo, hi = min(p, q, r), max(p, q, r)
    gap = [beads[k] for k in range(lo, hi + 1) if k not in (p, q, r)]
    before = [b for b in gap if (b.left and b.left[0] < left[0]) or
              (b.right and b.right[0] < right[0])]  # fmt: skip
    after = [b for b in gap if not any(b is x for x in before)]
    tail = [b if b.move_to is None or b.move_to < lo else replace(b, move_to=b.move_to - 2)
            for b in beads[hi + 1 :]]  # fmt: skip
    head = [b if b.move_to is None or b.move_to < lo else replace(b, move_to=b.move_to - 2)
            for b in beads[:lo]]  # fmt: skip
    return [*head, *before, bead, *after, *tail]
