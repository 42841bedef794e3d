"""A 1-1 link across languages takes in its unmatched neighbour when only that neighbour
holds the partner's anchor: a join or split the DP did not propose.

Why: another agency retelling a story in another language joins two sentences into one
or splits one in two, and through the stand-in MT (a copy) the halves share little but
their anchors.  The DP then links one half 1-1 and leaves the other unmatched (round 17,
``benchmarks/align_xlang_misses.py``: 33 of 258 sure paraphrase beads of the dev pairs,
in 20 batches, are such a join or split "not proposed").  When the unmatched neighbour
holds an anchor that the link's other sentence alone holds on its side
(``anchors.unique_anchors``: a figure "47" / "47", a name) and the link's own
sentence does not hold it, that anchor places the neighbour in the link.

Round 23: the neighbour's own side may repeat the anchor (a lead or headline that already
told "140.000"), and the joined bead need not fit on lengths (``AlignParams.anchor_join_cost``
is no bar by default): a paraphrase condenses two sentences into one ("… 3,8 Prozent" +
"Nahrungsmittel … 5,1 Prozent" / "… rose 3.8% …, with food prices up 5.1%"), so the 2-1 is
short of the length the ratio expects, and round 17's bars (the 1-1's cost, 2 nats) held back
more right joins than wrong ones (docs/align.md, round 23).

Only in two-language pairs under ``AlignParams.long_glue_min`` sentences a side (pages),
as the other anchor rules: a long translation's links come from its words.  A real MT
keeps names and figures, so the rule reads the same evidence through it; no word list.

Round 29: a neighbour across a break (``align``'s ``left_breaks``/``right_breaks``: a
headline ends, the body starts) is no half of the link's sentence: it is never joined
(``test_no_bead_spans_a_break`` found a headline joined to the lead's link).
"""

from __future__ import annotations

from dataclasses import replace

from workbench.core.align_anchor_moves import Keys, with_keys
from workbench.core.align_repair import Bead
from workbench.core.align_scoring import AlignParams, BeadScorer
from workbench.core.anchors import unique_anchors


def join_anchor_neighbours(
    beads: list[Bead], scorer: BeadScorer, params: AlignParams, extra: Keys | None = None,
    breaks: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset()),
) -> list[Bead]:  # fmt: skip
    """Each 1-1 link joined with the unmatched neighbour that alone holds its partner's anchor.

    ``extra``: more keys unique to one sentence of each side (``align_cognates``).
    ``breaks``: each side's break indices (``align``); no join holds ``k-1`` and ``k``."""
    cost = params.anchor_join_cost
    if cost < 0 or min(scorer.counts) >= params.long_glue_min:
        return beads
    sides = (scorer.left_anchors, scorer.right_anchors)
    held = tuple(with_keys(a, extra and extra[s]) for s, a in enumerate(sides))
    alone = tuple(with_keys(unique_anchors(a), extra and extra[s]) for s, a in enumerate(sides))
    k = 0
    while k < len(beads):
        found = _best_join(beads, k, (held, alone), scorer, (cost, breaks))
        if found is not None:
            beads = _joined(beads, k, found, scorer)
        k += 1
    return beads


def _best_join(
    beads: list[Bead], k: int, anchors: tuple[tuple[list[frozenset[str]], ...], ...],
    scorer: BeadScorer, bars: tuple[float, tuple[frozenset[int], frozenset[int]]],
) -> int | None:  # fmt: skip
    """The index of the unmatched bead to join to link ``beads[k]``, or None.

    ``anchors``: each sentence's anchors (``held``) and those it alone holds on its side
    (``alone``), per side.  ``bars``: the length bar and each side's breaks."""
    link = beads[k]
    if len(link.left) != 1 or len(link.right) != 1 or link.move_to is not None:
        return None
    i, j = link.left[0], link.right[0]
    held, alone = anchors
    cost, breaks = bars
    lone = {(0, b.left[0]): n for n, b in enumerate(beads) if _lone(b, 0)}
    lone.update({(1, b.right[0]): n for n, b in enumerate(beads) if _lone(b, 1)})
    offers = []
    for side, mine, theirs in ((0, i, j), (1, j, i)):
        for x in (mine - 1, mine + 1):
            if (side, x) not in lone or max(mine, x) in breaks[side]:
                continue
            if not (held[side][x] & alone[1 - side][theirs]) - held[side][mine]:
                continue
            first = min(mine, x)
            joined = (scorer.length_cost(first, 2, j, 1) if side == 0 else
                      scorer.length_cost(i, 1, first, 2))  # fmt: skip
            if joined <= cost:
                offers.append((joined, lone[side, x]))
    return min(offers)[1] if offers else None


def _lone(bead: Bead, side: int) -> bool:
    """One sentence of ``side``, unmatched, not a move's end."""
    ids, other = (bead.left, bead.right) if side == 0 else (bead.right, bead.left)
    return len(ids) == 1 and not other and bead.move_to is None


def _joined(beads: list[Bead], k: int, u: int, scorer: BeadScorer) -> list[Bead]:
    """Link ``beads[k]`` with unmatched ``beads[u]``'s sentence; ``u`` leaves the list."""
    link, extra = beads[k], beads[u]
    left = tuple(sorted(link.left + extra.left))
    right = tuple(sorted(link.right + extra.right))
    score = round(scorer.similarity(left[0], len(left), right[0], len(right)), 4)
    out = list(beads)
    out[k] = replace(link, left=left, right=right, score=score, kind=f"{len(left)}-{len(right)}")
    del out[u]
    return [b if b.move_to is None or b.move_to < u else replace(b, move_to=b.move_to - 1)
            for b in out]  # fmt: skip
