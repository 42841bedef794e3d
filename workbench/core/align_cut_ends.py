"""A page's last sentence that the capture cut links to the sentence the other page tells next.

Why: a stored page ends where its capture stopped, often mid-word ("Пасаж",
"У «Кривбасруді» пояснили затримку вип").  Such a stub shares few words with
the whole sentence the other copy prints, and its length makes every link look
bad, so the DP leaves it unmatched although the story goes on in the same
order.  Runs last (``align.align_scored``, after ``align_fragments.tidy_links``),
only in document pairs under ``AlignParams.long_glue_min`` sentences a side
(pages), and only when the two sides are in different languages
(``align.align_scored``: no MT, or MT that translates): compared directly, one
language shows the stub's words, and a stub the DP left unmatched there is
where a rewrite tells something else (leaving one story batch out, the pass in
one-language pairs lost precision in three batches and gained nothing).  Off at
``AlignParams.cut_link_evidence`` -1.  Written in round 10 (branch
``pairs-joins``), measured alone in round 11.  The reported confidence of such
a link is ``align_calibration.cut_features``'.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.core.align_fragments import ends_open
from workbench.core.align_repair import Bead, moves_remapped
from workbench.core.align_scoring import AlignParams, BeadScorer
from workbench.core.page_cut import CUT_LOWER, CUT_WORDS, opens_sentence


def link_cut_ends(
    beads: list[Bead], scorer: BeadScorer, params: AlignParams,
    texts: tuple[Sequence[str], Sequence[str]],
) -> list[Bead]:  # fmt: skip
    """A side's last sentence, cut off by the capture and left unmatched, links to its partner.

    Why: a stored page ends where its capture stopped, often mid-word ("Пасаж",
    "У «Кривбасруді» пояснили затримку вип").  Such a stub shares few words with
    the whole sentence the other copy prints, and its length makes every link
    look bad, so the DP leaves it unmatched although the story goes on in the
    same order.  When a side's last sentence is shaped like a cut sentence
    (``cut_shaped``), is unmatched and its gap (the run between the links around it) holds unmatched
    sentences of the other side, it links to the first of them (the sentence
    that follows the last link there) if its own words are covered there at
    ``AlignParams.cut_link_evidence`` above chance.
    """
    floor = params.cut_link_evidence
    if floor <= -1 or min(scorer.counts) >= params.long_glue_min:
        return beads
    for side in (0, 1):
        last = len(texts[side]) - 1
        if last < 0 or not cut_shaped(texts[side][last]):
            continue
        beads = _link_cut(beads, scorer, floor, side, last)
    return beads


def cut_shaped(text: str) -> bool:
    """A line shaped like a sentence the capture cut: open at the end, opening like a sentence,
    with ``page_cut.CUT_WORDS`` words and ``page_cut.CUT_LOWER`` of them in lower case.

    Why: the page roles let chrome into the story, and a credit, sign-off or button at its
    end ("dpa", "jum/soe/LyS", "Share", "Джерело: KAS, ДПСУ", "Підтримайте нас") does not
    end like a sentence either; with two chrome lines let into each dev page the pass linked
    such lines to the other page's last sentence (``align_pairs_robust``).  The same shape
    tells a cut story line from a box's in page roles (``page_cut.cut_off``).
    """
    words = text.split()
    if not ends_open(text) or not opens_sentence(text) or len(words) < CUT_WORDS:
        return False
    return sum(w[0].islower() for w in words) / len(words) >= CUT_LOWER


def _link_cut(beads: list[Bead], scorer: BeadScorer, floor: float, side: int, last: int
              ) -> list[Bead]:  # fmt: skip
    where = next((k for k, b in enumerate(beads) if last in (b.left, b.right)[side]), None)
    if where is None or not _lone(beads[where], side):
        return beads
    lo, hi = where, where
    while lo > 0 and not (beads[lo - 1].left and beads[lo - 1].right):
        lo -= 1
    while hi + 1 < len(beads) and not (beads[hi + 1].left and beads[hi + 1].right):
        hi += 1
    partner = next((k for k in range(lo, hi + 1) if _lone(beads[k], 1 - side)), None)
    if partner is None:
        return beads
    other = (beads[partner].left, beads[partner].right)[1 - side][0]
    chance = scorer.chance[side][last] * scorer.growth[side].get(1, 1.0)
    if scorer.coverage(side, last, other, 1) - chance < floor:
        return beads
    i, j = (last, other) if side == 0 else (other, last)
    link = Bead((i,), (j,), round(scorer.similarity(i, 1, j, 1), 4), "1-1")
    gap = [k for k in range(lo, hi + 1) if k not in (where, partner)]
    mine = [k for k in gap if (beads[k].left, beads[k].right)[side]]
    before = [k for k in gap if k not in mine and _first(beads[k], 1 - side) < other]
    after = [k for k in gap if k not in mine and k not in before]
    order = [*range(lo), *mine, *before, None, *after, *range(hi + 1, len(beads))]
    return _reorder(beads, order, link)


def _lone(bead: Bead, side: int) -> bool:
    """An unmatched sentence of ``side`` that is not half of a move."""
    return (
        bead.move_to is None
        and bool((bead.left, bead.right)[side])
        and not (bead.left and bead.right)
    )


def _first(bead: Bead, side: int) -> int:
    ids = (bead.left, bead.right)[side]
    return ids[0] if ids else -1


def _reorder(beads: list[Bead], order: list[int | None], link: Bead) -> list[Bead]:
    """``beads`` in ``order`` (``None``: the new link); moves renumbered to their partner."""
    where = {k: n for n, k in enumerate(order) if k is not None}
    out = [link if k is None else beads[k] for k in order]
    return moves_remapped(out, where)
