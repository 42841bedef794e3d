"""Position between two sure links: a small even gap of a two-language pair paired in order.

Why: another agency retelling a story in another language shares no word the
comparison sees with many of its sentences (through the stand-in MT, a copy).  Where
two links the pair's own evidence supports hold a gap of one or two unmatched
sentences on each side, the gap's sentences sit at the same place on the diagonal,
and when their lengths agree (Gale-Church cost at most
``AlignParams.gap_order_cost`` nats each) they are paired in order.  Round 18 counted
such gaps on the dev two-language pairs' output (``docs/align.md``).  A link made on
position alone carries no evidence: ``align_calibration`` gives it the confidence of
what it is, and the compare service shows it ``uncertain`` below the threshold.

Only in two-language pairs under ``AlignParams.long_glue_min`` sentences a side
(pages); one language compared directly sees its words.
"""

from __future__ import annotations

from dataclasses import replace

from workbench.core.align_repair import Bead
from workbench.core.align_scoring import AlignParams, BeadScorer


def link_gap_order(beads: list[Bead], scorer: BeadScorer, params: AlignParams) -> list[Bead]:
    """Gaps of 1 × 1 or 2 × 2 unmatched sentences between two supported links, paired in order."""
    cost = params.gap_order_cost
    if cost < 0 or min(scorer.counts) >= params.long_glue_min:
        return beads
    links = [k for k, b in enumerate(beads) if b.left and b.right]
    for x, y in reversed(list(zip(links, links[1:], strict=False))):
        pairs = _gap_pairs(beads[x + 1 : y])
        if not pairs or not (_supported(beads[x], scorer, params)
                             and _supported(beads[y], scorer, params)):  # fmt: skip
            continue
        if any(scorer.length_cost(i, 1, j, 1) > cost for i, j in pairs):
            continue
        pairs = [(i, j) for i, j in pairs if _seen(i, j, scorer)]
        if not pairs:
            continue
        new = [Bead((i,), (j,), round(scorer.similarity(i, 1, j, 1), 4), "1-1") for i, j in pairs]
        lone = [Bead((i,), (), 0.0, "1-0") for b in beads[x + 1 : y] for i in b.left
                if all(i != p for p, _ in pairs)]  # fmt: skip
        lone += [Bead((), (j,), 0.0, "0-1") for b in beads[x + 1 : y] for j in b.right
                 if all(j != q for _, q in pairs)]  # fmt: skip
        new = sorted(new + lone, key=_place)
        shift = len(new) - (y - x - 1)
        beads = [b if b.move_to is None or b.move_to <= x else replace(b, move_to=b.move_to + shift)
                 for b in beads]  # fmt: skip
        beads = [*beads[: x + 1], *new, *beads[y:]]
    return beads


def _gap_pairs(gap: list[Bead]) -> list[tuple[int, int]]:
    """The in-order pairs of a gap of one or two unmatched sentences a side (no move)."""
    if any(b.move_to is not None or (b.left and b.right) for b in gap):
        return []
    lefts = sorted(i for b in gap for i in b.left)
    rights = sorted(j for b in gap for j in b.right)
    if len(lefts) != len(rights) or len(lefts) not in (1, 2):
        return []
    return list(zip(lefts, rights, strict=True))


def _seen(i: int, j: int, scorer: BeadScorer) -> bool:
    """Whether the pair shows anything beyond its place: words above chance or an anchor.

    A pairing on position alone would be shown with the confidence of its neighbours'
    evidence (the calibration reads how many neighbours link): it is left unmatched."""
    if scorer.evidence(i, 1, j, 1) > 0:
        return True
    return bool(scorer.left_anchors[i] & scorer.right_anchors[j])


def _place(bead: Bead) -> tuple[int, int]:
    """Order inside a gap: by the bead's left sentence, else its right one."""
    return (bead.left or bead.right)[0], 0 if bead.left else 1


def _supported(bead: Bead, scorer: BeadScorer, params: AlignParams) -> bool:
    """A link its own evidence or a shared anchor supports (not itself a pairing by place)."""
    if bead.move_to is not None:
        return False
    i, a, j, b = bead.left[0], len(bead.left), bead.right[0], len(bead.right)
    if scorer.evidence(i, a, j, b) >= params.gap_order_support:
        return True
    left = frozenset().union(*(scorer.left_anchors[k] for k in bead.left))
    right = frozenset().union(*(scorer.right_anchors[k] for k in bead.right))
    return bool(left & right)
