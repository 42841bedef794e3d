"""A one-language link of two stories glued together comes apart into its two links.

Why: in a pair of one language compared directly (a rewrite), the DP may output a
3-2 or 2-2 link that holds two true links side by side: a 2-1 and a 1-1 next to
each other (batch 52), or two pairs whose order the rewrite swapped (batches 21, 35,
47).  Every sentence of such a bead is covered above chance by the bead's other
side, so the glue checks (``align_confidence``) keep it, and the rare-key check
(``align_rare``) keeps it too since each end shares a key with the part it belongs
to.  But each sentence owes its coverage to one part of the other side only: cut
the bead in two parts (in order, or crossed), and no sentence loses more than
``one_language_split_loss`` of its coverage above chance.  A true 3-2 (a paragraph
retold in other sentence boundaries) spreads each sentence's words over the other
side, so every cut takes coverage from some sentence.

A part that keeps the order stays a link; of a crossed cut, the stronger part stays
the link and the other becomes unmatched sentences, which the move steps that follow
may pair (a swap is a move).  Only the pair's own coverage is read; at most a
handful of cuts per bead, so linear in the text.
"""

from __future__ import annotations

from workbench.core.align_confidence import sentence_evidence
from workbench.core.align_repair import Bead
from workbench.core.align_scoring import AlignParams, BeadScorer

Part = tuple[tuple[int, ...], tuple[int, ...]]
Cut = tuple[float, Part, Part]


def split_glued_pairs(beads: list[Bead], scorer: BeadScorer, params: AlignParams) -> list[Bead]:
    """Links of two or more sentences a side cut in two where no sentence needs the other part.

    ``params.one_language_split_loss`` < 0: off, the beads come back as they are.
    """
    loss = params.one_language_split_loss
    if loss < 0:
        return beads
    out: list[Bead] = []
    for bead in beads:
        if len(bead.left) < 2 or len(bead.right) < 2 or len(bead.left) + len(bead.right) > 6:
            out.append(bead)
            continue
        out.extend(_cut(bead, scorer, params, loss))
    return out


def _link(left: tuple[int, ...], right: tuple[int, ...], scorer: BeadScorer) -> Bead:
    a, b = len(left), len(right)
    return Bead(left, right, round(scorer.similarity(left[0], a, right[0], b), 4), f"{a}-{b}")


def _cut(bead: Bead, scorer: BeadScorer, params: AlignParams, loss: float) -> list[Bead]:
    best = _best_cut(bead, scorer, params, loss)
    if best is None:
        return [bead]
    _, first, second = best
    crossed = first[1][0] > second[1][0]
    if not crossed:
        return [_link(*first, scorer), _link(*second, scorer)]
    if len(bead.left) == len(bead.right) == 2:  # two sentences swapped: split_swaps' case
        return [bead]
    # first holds the leading left part and the trailing right part: keep the stronger
    # part as the link, leave the other unmatched for the move steps
    strong, weak = first, second
    if _mean(second, scorer) > _mean(first, scorer):
        strong, weak = second, first
    lone = [Bead((k,), (), 0.0, "1-0") for k in weak[0]]
    lone_right = [Bead((), (m,), 0.0, "0-1") for m in weak[1]]
    link = _link(*strong, scorer)
    if strong is first:  # weak: left after, right before the link
        return [*lone_right, link, *lone]
    return [*lone, link, *lone_right]


def _mean(part: Part, scorer: BeadScorer) -> float:
    values = sentence_evidence(Bead(part[0], part[1], 0.0, ""), scorer)
    return sum(values) / len(values)


def _best_cut(bead: Bead, scorer: BeadScorer, params: AlignParams, loss: float) -> Cut | None:
    """The cut whose largest per-sentence loss of coverage above chance is smallest, if at most
    ``loss`` and each part's every sentence stays above ``glue_evidence``."""
    whole = dict(zip(_ids(bead.left, bead.right), sentence_evidence(bead, scorer), strict=True))
    left, right = bead.left, bead.right
    best: Cut | None = None
    for p in range(1, len(left)):
        for q in range(1, len(right)):
            for first, second in (
                ((left[:p], right[:q]), (left[p:], right[q:])),
                ((left[:p], right[q:]), (left[p:], right[:q])),
            ):
                worst = _worst_loss((first, second), whole, scorer, params.glue_evidence)
                if worst is not None and worst <= loss and (best is None or worst < best[0]):
                    best = (worst, first, second)
    return best


def _ids(left: tuple[int, ...], right: tuple[int, ...]) -> list[tuple[int, int]]:
    return [(0, k) for k in left] + [(1, m) for m in right]


def _worst_loss(parts: tuple[Part, Part], whole: dict[tuple[int, int], float],
                scorer: BeadScorer, floor: float) -> float | None:  # fmt: skip
    """The largest drop of a sentence's evidence from the whole bead to its part (``None``
    when a part's sentence falls to ``floor``, the glue checks' level, or below)."""
    worst = -1.0
    for part in parts:
        values = sentence_evidence(Bead(part[0], part[1], 0.0, ""), scorer)
        for key, value in zip(_ids(*part), values, strict=True):
            if value <= floor:
                return None
            worst = max(worst, whole[key] - value)
    return worst
