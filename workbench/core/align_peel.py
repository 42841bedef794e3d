"""Peeling a moved sentence off a many-sided link (``peel_for_moves``).

Why a module of its own: the peel runs before move detection and is the only
part of the move repairs that splits a link; ``align_moves`` keeps the
pairing of deletions with insertions and re-exports ``peel_for_moves``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from workbench.core.align_repair import Bead
from workbench.core.align_scoring import AlignParams, BeadScorer


def peel_for_moves(beads: list[Bead], scorer: BeadScorer, params: AlignParams) -> list[Bead]:
    """End sentences of many-sided links that clearly belong to an unmatched sentence elsewhere.

    Why: a rewrite that moves a sentence next to a neighbour's paraphrase lets
    the DP glue it to that link (its words half fit); move detection only saw
    unmatched sentences and weak links, so the sentence's real partner stayed
    "added".  An end sentence leaves its link when an unmatched sentence of the
    other side covers it by ``move_gain`` more than the link does (and is
    itself covered above chance); ``detect_moves`` then pairs the two.
    """
    orphans = ([b.right[0] for b in beads if b.kind == "0-1" and b.move_to is None],
               [b.left[0] for b in beads if b.kind == "1-0" and b.move_to is None])  # fmt: skip
    if not orphans[0] and not orphans[1]:
        return beads
    plans = [_peel_candidates(bead, orphans, scorer) for bead in beads]
    gains = iter(_candidate_gains(plans, orphans, scorer))
    out: list[Bead] = []
    for bead, plan in zip(beads, plans, strict=True):
        out.extend(_peel_one(bead, plan, gains, scorer, params))
    return out


def _peel_candidates(
    bead: Bead, orphans: tuple[list[int], list[int]], scorer: BeadScorer
) -> list[tuple[int, int, Bead]]:
    """End sentences ``(side, k, rest of the link)`` whose link scores at least as well
    without them (they were dead weight), in the order ``_peel_one`` weighs them."""
    if not bead.left or not bead.right or len(bead.left) + len(bead.right) <= 2:
        return []
    whole = _similarity(bead, scorer)
    found = []
    for side, own in ((0, bead.left), (1, bead.right)):
        if len(own) < 2 or not orphans[side]:
            continue
        for k in (own[0], own[-1]):
            core = _without(bead, side, k)
            if not _similarity(core, scorer) < whole:
                found.append((side, k, core))
    return found


def _candidate_gains(
    plans: list[list[tuple[int, int, Bead]]], orphans: tuple[list[int], list[int]], scorer
) -> list[float]:
    """Per candidate of every plan, its best move gain (the weaker of the two coverages above
    chance) with an unmatched sentence of the other side.  Why in one call:
    ``BeadScorer.move_gains`` counts all pairs in one numpy pass with the floats of
    ``pair_coverages``; a Python call per pair was a third of ``peel_for_moves``."""
    ii: list[int] = []
    jj: list[int] = []
    sizes = []
    for side, k, _core in (candidate for plan in plans for candidate in plan):
        others = orphans[side]
        ii += [k] * len(others) if side == 0 else others
        jj += others if side == 0 else [k] * len(others)
        sizes.append(len(others))
    gains = scorer.move_gains(ii, jj).tolist() if ii else []
    out, at = [], 0
    for size in sizes:
        out.append(max(gains[at : at + size]))  # Python's max, as over the single gains
        at += size
    return out


def _peel_one(
    bead: Bead, plan: list, gains: Iterator[float], scorer: BeadScorer, params: AlignParams
) -> list[Bead]:
    """``bead`` with at most one end sentence split off (before or after it) for a move.

    The sentence leaves when the rest of the link scores at least as well
    without it (``plan``) and an unmatched sentence of the other side covers it
    and is covered by it ``move_gain`` above chance (``gains``: one per candidate).
    """
    best, choice = params.move_gain, None
    for side, k, core in plan:
        gain = next(gains)
        if gain >= best:
            best, choice = gain, (side, k, core)
    if choice is None:
        return [bead]
    side, k, core = choice
    core = replace(core, score=round(_similarity(core, scorer), 4))
    alone = Bead((k,), (), 0.0, "1-0") if side == 0 else Bead((), (k,), 0.0, "0-1")
    first = k == (bead.left if side == 0 else bead.right)[0]
    return [alone, core] if first else [core, alone]


def _similarity(bead: Bead, scorer: BeadScorer) -> float:
    return scorer.similarity(bead.left[0], len(bead.left), bead.right[0], len(bead.right))


def _without(bead: Bead, side: int, k: int) -> Bead:
    left = tuple(x for x in bead.left if side != 0 or x != k)
    right = tuple(x for x in bead.right if side != 1 or x != k)
    return Bead(left, right, 0.0, f"{len(left)}-{len(right)}")
