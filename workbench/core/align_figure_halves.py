"""The other half of a sentence a one-language rewrite split, claimed by a changed figure.

Why: a rewrite splits a sentence and changes the figure in the half it moves out
("… у місті працюватимуть 14 водовозів." / "Підвіз води організують …" + "Для цього місто
залучило 12 водовозів."; "Der Autozulieferer … schließen." + "Betroffen sind … 1140
Beschäftigte." / "Rund 1.100 Menschen verlieren …: Der Autozulieferer … schließt …").  The
aligner links the reworded half that shares the words and leaves the half with the figure
unmatched beside the link: its changed number is no shared key for the rejoin's claim
(``align_rejoin``, rare keys: a number must match to be one) and its few other words are
common, so round 21's claim (three keys) saw two or none (round 25, dev batches 86 and 48,
listed by ``benchmarks/align_misses.py``).  The figure twins of ``align_figures`` (a count
the rewrite changed: like size, not equal) pair two *unmatched* sentences only.  Here they
claim a half: an unmatched neighbour of a link joins it when one of its one-sided figures
twins a figure of the link's other side that the link's own sentences neither tell nor
already twin (the change is what the half adds), every sentence of the joined link stays
above ``glue_evidence`` and the half itself at least ``AlignParams.figure_half_evidence``
above chance (never glue), and the glue model rates the joined link at least
``AlignParams.figure_half_sure`` (honest confidence).  The joined link is rated afterwards
like any other (``with_confidence``), and the changed figure then shows on the row that holds
both numbers.

Only in pairs of one language compared directly (``align_late_twins``), under
``long_glue_min`` sentences a side, never across a role break, links of fewer than
``align_rejoin.MAX_SIDE`` sentences a side, one half per link, moves untouched; linear.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from workbench.core.align_confidence import features, link_probability
from workbench.core.align_figures import TWIN_FACTOR, figures, twins
from workbench.core.align_rejoin import MAX_SIDE, free_sentences, half_evidence, join_links
from workbench.core.align_repair import Bead
from workbench.core.align_scoring import AlignParams, BeadScorer

Breaks = tuple[frozenset[int], frozenset[int]]
Told = Callable[[int, Sequence[int]], list[float]]


def join_figure_halves(
    beads: list[Bead], scorer: BeadScorer, params: AlignParams,
    texts: tuple[Sequence[str], Sequence[str]], breaks: Breaks = (frozenset(), frozenset()),
    factor: float = TWIN_FACTOR,
) -> list[Bead]:  # fmt: skip
    """Each link takes in one unmatched neighbour whose changed figure only its other side tells.

    ``texts``: both sides' sentences; ``breaks``: each side's role breaks (never crossed).
    ``AlignParams.figure_half_evidence`` <= -1: off.  ``factor``: the twins' like size.
    """
    floor = params.figure_half_evidence
    if floor <= -1 or min(scorer.counts) >= params.long_glue_min:
        return beads
    free = free_sentences(beads)
    if not free:
        return beads
    memo: dict[tuple[int, int], list[float]] = {}

    def told(side: int, ids: Sequence[int]) -> list[float]:
        out: list[float] = []
        for x in ids:
            if (side, x) not in memo:
                memo[side, x] = figures(texts[side][x])
            out.extend(memo[side, x])
        return out

    opts = (scorer, params, breaks, factor)
    return join_links(beads, lambda bead, gone: _best_half(bead, told, free, gone, opts))


def _best_half(
    bead: Bead, told: Told, free: dict[tuple[int, int], int], gone: set[int],
    opts: tuple[BeadScorer, AlignParams, Breaks, float],
) -> tuple[Bead, int] | None:  # fmt: skip
    """The link joined with the neighbour half of most evidence whose changed figure it
    claims, and that half's bead index (``None``: no such half)."""
    scorer, params, breaks, factor = opts
    floors = (params.glue_evidence, params.figure_half_evidence)
    best: tuple[float, Bead, int] | None = None
    for side in (0, 1):
        own, other = (bead.left, bead.right) if side == 0 else (bead.right, bead.left)
        if len(own) >= MAX_SIDE:
            continue
        near = _near(own, side, free, gone, breaks)
        if not near:  # round 39 (speedc39): no figures read of a link without a free neighbour
            continue
        mine, theirs = told(side, own), told(1 - side, other)
        if twins(mine, theirs, factor):  # the link's own sentence already tells the change
            continue
        claimable = [v for v in theirs if v not in mine]
        for x, n in near:
            if not twins(told(side, (x,)), claimable, factor):
                continue
            grown = tuple(sorted((*own, x)))
            left, right = (grown, bead.right) if side == 0 else (bead.left, grown)
            joined = Bead(left, right, bead.score, f"{len(left)}-{len(right)}")
            half = half_evidence(joined, side, x, scorer, floors)
            if half is None or not _likely(joined, scorer, params):
                continue
            if best is None or half > best[0]:
                best = (half, joined, n)
    return None if best is None else (best[1], best[2])


def _near(
    own: tuple[int, ...], side: int, free: dict[tuple[int, int], int], gone: set[int],
    breaks: Breaks,
) -> list[tuple[int, int]]:  # fmt: skip
    """The free sentences next to a link's ``side`` (before, then after) with no role break
    between, and their bead indices.  Why first (round 39, speedc39): most links have none,
    and without one the link's figures (``figures``: a dozen patterns and the number-word
    readers) decide nothing, so they are read only of a link that has one; same order."""
    out = []
    for x in (own[0] - 1, own[-1] + 1):
        n = free.get((side, x))
        if n is not None and n not in gone and max(x, own[0]) not in breaks[side]:
            out.append((x, n))
    return out


def _likely(joined: Bead, scorer: BeadScorer, params: AlignParams) -> bool:
    """Honest confidence: the glue model (``link_probability``) rates the joined link at least
    ``AlignParams.figure_half_sure`` (-1: no gate).  Without it a right join on batch 17's
    gold spans showed a confidence of .075, as the rejoin's did in round 21."""
    sure = params.figure_half_sure
    return sure < 0 or link_probability(features(joined, scorer), params) >= sure
