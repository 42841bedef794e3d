"""Moves: sentences and paragraphs that changed place are reported as moves.

Why: a monotonic aligner can only keep one of two swapped passages in order;
the other shows up as a deletion plus an insertion, or worse, as a weak
pairing of two different sentences (the lone deletion and insertion between
the same links), or as an N-N bead holding both halves of an adjacent swap.
Readers then saw "changed" pairs with bogus number and name flags.  Here:

* an N-N bead whose sentences pair up best out of order is taken apart;
* a deletion is paired with an insertion elsewhere that says the same (each
  covered by the other well above chance) and both are marked as a move;
* a 1-1 link with no evidence above chance is broken when one of its sides
  has such a partner elsewhere (the swap's other half);
* two nearby 1-1 links whose sentences match far better crosswise (a sentence
  moved up past another) become two moves.
"""

from __future__ import annotations

from dataclasses import replace

from workbench.core.align_repair import Bead, _bead_evidence
from workbench.core.align_scoring import AlignParams, BeadScorer


def split_swaps(beads: list[Bead], scorer: BeadScorer, params: AlignParams) -> list[Bead]:
    """N-N beads whose sentences match one-to-one out of order become deletions + insertions."""
    result: list[Bead] = []
    for bead in beads:
        size = len(bead.left)
        if size < 2 or size != len(bead.right):
            result.append(bead)
            continue
        sims = [[scorer.similarity(i, 1, j, 1) for j in bead.right] for i in bead.left]
        best = [max(range(size), key=lambda y, row=row: row[y]) for row in sims]
        swapped = (
            sorted(best) == list(range(size))
            and best != list(range(size))
            and all(sims[x][best[x]] >= params.swap_similarity for x in range(size))
        )
        if not swapped:
            result.append(bead)
            continue
        result += [Bead((i,), (), 0.0, "1-0") for i in bead.left]
        result += [Bead((), (j,), 0.0, "0-1") for j in bead.right]
    return result


def _move_gain(scorer: BeadScorer, i: int, j: int) -> float:
    """The weaker of the two coverages above chance (a short sentence inside a long one fails)."""
    left_cover, right_cover = scorer.pair_coverages(i, j)
    return min(left_cover - scorer.chance[0][i], right_cover - scorer.chance[1][j])


def _move_candidates(
    beads: list[Bead], scorer: BeadScorer, params: AlignParams
) -> tuple[list[int], list[int], set[int]]:
    """Bead indices whose left / right may join a move, and the weak links among them.

    Weak links (little evidence, low similarity) may be broken for a clearly
    better partner elsewhere; when there are too many to compare all pairs,
    only links at or below chance are considered, then none.
    """
    budget = params.max_move_pairs
    for limit, cap in (
        (params.move_link_evidence, budget // 10),
        (0.0, budget // 10),
        (None, budget),
    ):
        weak = set()
        if limit is not None:
            weak = {
                k for k, b in enumerate(beads)
                if b.kind == "1-1" and b.score < 1 - params.move_gain
                and _bead_evidence(b, scorer) <= limit
            }  # fmt: skip
        lefts = [k for k, b in enumerate(beads) if b.kind == "1-0" or k in weak]
        rights = [k for k, b in enumerate(beads) if b.kind == "0-1" or k in weak]
        if len(lefts) * len(rights) <= cap:
            return lefts, rights, weak
    return [], [], set()


def detect_moves(beads: list[Bead], scorer: BeadScorer, params: AlignParams) -> list[Bead]:
    """Mark deletions matching insertions elsewhere as moves, breaking weak links for them."""
    lefts, rights, weak = _move_candidates(beads, scorer, params)
    candidates = []
    ii = [beads[d].left[0] for d in lefts for _k in rights]
    jj = [beads[k].right[0] for _d in lefts for k in rights]
    gains = iter(scorer.move_gains(ii, jj).tolist() if ii else ())  # all pairs in one call
    for d in lefts:
        i = beads[d].left[0]
        for k in rights:
            j = beads[k].right[0]
            if next(gains) < params.move_gain or d == k:
                continue
            sim = scorer.similarity(i, 1, j, 1)
            if any(n in weak and sim <= beads[n].score + params.move_gain for n in (d, k)):
                continue  # a weak link is only broken for a clearly better partner
            candidates.append((sim, d, k))
    pairs: list[tuple[float, int, int]] = []
    used_left: set[int] = set()  # a broken link lends its left and its right separately
    used_right: set[int] = set()
    for sim, d, k in sorted(candidates, reverse=True):
        if d not in used_left and k not in used_right:
            used_left.add(d)
            used_right.add(k)
            pairs.append((sim, d, k))
    for sim, d, k in _crossed_links(beads, scorer, params):
        if not {d, k} & (used_left | used_right):
            used_left.update((d, k))
            used_right.update((d, k))
            back = scorer.similarity(beads[k].left[0], 1, beads[d].right[0], 1)
            pairs += [(sim, d, k), (back, k, d)]
    return _with_moves(beads, pairs) if pairs else beads


def _crossed_links(
    beads: list[Bead], scorer: BeadScorer, params: AlignParams, window: int = 6
) -> list[tuple[float, int, int]]:
    """Two nearby 1-1 links whose sentences match far better crosswise: (sim, bead d, bead k).

    Why: a rewrite that moves a sentence up past another leaves a monotonic
    aligner two half-right links (the lead paired with the sentence that took
    its place).  When each crosswise pair is covered well above chance both
    ways and the two crosswise similarities beat the two links by
    ``cross_gain``, both links become moves.
    """
    links = [k for k, b in enumerate(beads) if b.kind == "1-1" and b.move_to is None]
    near = [(d, k) for a, d in enumerate(links) for k in links[a + 1 : a + 1 + window]]
    near = [(d, k) for d, k in near if k - d <= window]
    ii = [beads[x].left[0] for d, k in near for x in (d, k)]
    jj = [beads[y].right[0] for d, k in near for y in (k, d)]
    gains = scorer.move_gains(ii, jj).tolist() if ii else []  # all pairs in one call
    found = []
    for t, (d, k) in enumerate(near):
        i, j = beads[d].left[0], beads[d].right[0]
        x, y = beads[k].left[0], beads[k].right[0]
        if min(gains[2 * t], gains[2 * t + 1]) < params.move_gain:
            continue
        now = scorer.similarity(i, 1, j, 1) + scorer.similarity(x, 1, y, 1)
        across = scorer.similarity(i, 1, y, 1) + scorer.similarity(x, 1, j, 1)
        if across >= now + params.cross_gain:
            found.append((across - now, scorer.similarity(i, 1, y, 1), d, k))
    return [(sim, d, k) for _gain, sim, d, k in sorted(found, reverse=True)]


def _with_moves(beads: list[Bead], pairs: list[tuple[float, int, int]]) -> list[Bead]:
    """Beads with the chosen moves marked; a broken link becomes a deletion and an insertion."""
    broken = {n for _sim, d, k in pairs for n in (d, k) if beads[n].left and beads[n].right}
    out: list[Bead] = []
    left_at: dict[int, int] = {}
    right_at: dict[int, int] = {}
    for k, bead in enumerate(beads):
        if k in broken:
            left_at[k] = len(out)
            out.append(Bead(bead.left, (), 0.0, "1-0"))
            right_at[k] = len(out)
            out.append(Bead((), bead.right, 0.0, "0-1"))
        else:
            left_at[k] = right_at[k] = len(out)
            out.append(bead)
    for sim, d, k in pairs:
        a, b = left_at[d], right_at[k]
        out[a] = replace(out[a], move_to=b, score=round(sim, 4))
        out[b] = replace(out[b], move_to=a, score=round(sim, 4))
    return out


def move_links(beads: list[Bead]) -> list[Bead]:
    """The beads as rows show them: a move's landing carries the whole link.

    Why: a move is returned as two half beads (the sentence leaving its place
    on the left, arriving on the right) tied only by ``move_to``.  Stored like
    that, no row said which left sentence became which right one, so a
    sentence that moved *and* changed showed no diff and no flags, TMX lost it
    and a reader of the export had to chase positions.  The landing (where a
    reader of the right version meets the sentence) gets its origin's left
    side; the origin stays a left-only marker.  Positions are unchanged.
    """
    out = list(beads)
    for k, bead in enumerate(beads):
        if bead.move_to is not None and bead.right and not bead.left:
            origin = beads[bead.move_to]
            out[k] = replace(bead, left=origin.left, kind=f"{len(origin.left)}-{len(bead.right)}")
    return out
