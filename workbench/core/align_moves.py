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
  moved up past another) become two moves;
* an end sentence of a many-sided link that an unmatched sentence elsewhere
  covers far better leaves the link to become a move (``peel_for_moves``);
* a move takes in the unmatched sentences next to either end that belong to
  it, so a paragraph moved and split or merged on the way is one move
  (``extend_moves``).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from workbench.core.align_peel import peel_for_moves
from workbench.core.align_repair import Bead, _bead_evidence, _merge_improves, _orphan_evidence
from workbench.core.align_scoring import AlignParams, BeadScorer

__all__ = [
    "detect_moves", "extend_moves", "move_links", "move_steps", "peel_for_moves", "settle_moves",
    "split_swaps",
]  # fmt: skip


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
    for d, k in _move_pairs(beads, (lefts, rights, weak), scorer, params):
        sim = scorer.similarity(beads[d].left[0], 1, beads[k].right[0], 1)
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


def _move_pairs(
    beads: list[Bead], sides: tuple[list[int], list[int], set[int]], scorer: BeadScorer,
    params: AlignParams,
) -> list[tuple[int, int]]:  # fmt: skip
    """``_gaining_pairs`` at ``move_gain``, and in a one-language pair two unmatched sentences
    also at ``one_language_move_gain``.

    Why only unmatched ones: a rewrite that moved a sentence rewords part of it, and seen
    directly its words show less gain than an MT's must; pairing two sentences nothing else
    claims breaks no link, while a weak link is still only broken at ``move_gain``.
    """
    lefts, rights, weak = sides
    pairs = _gaining_pairs(beads, lefts, rights, scorer, params.move_gain)
    lone = params.one_language_move_gain  # -1 unless align_scored compares one language
    if 0 <= lone < params.move_gain:
        seen = set(pairs)
        more = _gaining_pairs(beads, [d for d in lefts if d not in weak],
                              [k for k in rights if k not in weak], scorer, lone)  # fmt: skip
        pairs += [pair for pair in more if pair not in seen]
    return pairs


def _gaining_pairs(
    beads: list[Bead], lefts: list[int], rights: list[int], scorer: BeadScorer, floor: float
) -> list[tuple[int, int]]:
    """Bead pairs ``(d, k)``, ``d`` in ``lefts`` then ``k`` in ``rights``, whose move gain
    is not below ``floor`` (``d != k``).

    Why with numpy: every deletion meets every insertion (22,000 pairs per
    Text+Berg word-table pass), and only a few dozen gain enough; the gains
    come in one call, and only the pairs that pass are looked at in Python.
    """
    if not lefts or not rights:
        return []
    d_at, k_at = np.asarray(lefts, np.int64), np.asarray(rights, np.int64)
    firsts = np.asarray([beads[d].left[0] for d in lefts], np.int64)
    seconds = np.asarray([beads[k].right[0] for k in rights], np.int64)
    gains = scorer.move_gains(np.repeat(firsts, len(rights)), np.tile(seconds, len(lefts)))
    d_all, k_all = np.repeat(d_at, len(rights)), np.tile(k_at, len(lefts))
    keep = np.flatnonzero(~(gains < floor) & (d_all != k_all))  # a NaN gain passes, as before
    return list(zip(d_all[keep].tolist(), k_all[keep].tolist(), strict=True))


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


def extend_moves(
    beads: list[Bead], scorer: BeadScorer, params: AlignParams,
    breaks: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset()),
    rare: tuple[list[frozenset[str]], list[frozenset[str]]] | None = None,
) -> list[Bead]:  # fmt: skip
    """Moves that take in the unmatched sentences next to their ends when those belong to them.

    Why: a paragraph moved and rewritten is often split or merged on the way
    (one sentence became two); move detection pairs single sentences, so the
    other half stayed "added" or "removed".  An unmatched sentence adjacent
    (in its own side's order) to a move's sentence joins the move when the
    move's other side covers it like ``absorb_orphans`` asks of a link, and
    never across a break (``align``'s role boundaries: a headline sentence does
    not join a body move).  ``rare``: a one-language pair's rare shared keys
    (``align_rare``): a sentence sharing none with the move's other side stays out, as
    such an end sentence comes off a link.
    """
    out = list(beads)
    gone: set[int] = set()
    at_left = {b.left[0]: k for k, b in enumerate(beads) if b.kind == "1-0" and b.move_to is None}
    at_right = {b.right[0]: k for k, b in enumerate(beads) if b.kind == "0-1" and b.move_to is None}
    for a, origin in enumerate(beads):
        if origin.move_to is None or not origin.left:
            continue
        b = origin.move_to
        grown = True
        while grown:
            grown = False
            link = Bead(out[a].left, out[b].right, 0.0, "")
            for side, own, free, home in ((0, link.left, at_left, a), (1, link.right, at_right, b)):
                if len(own) >= params.absorb_max_side:
                    continue
                for x in (own[0] - 1, own[-1] + 1):
                    n = free.get(x)
                    if n is None or n in gone or not _belongs(beads[n], link, scorer, params):
                        continue
                    if rare is not None and not _shares(rare, side, x, link):
                        continue
                    ids = tuple(sorted(own + (x,)))
                    if any(k in breaks[side] for k in ids[1:]):
                        continue
                    gone.add(n)
                    change = {"left": ids} if side == 0 else {"right": ids}
                    out[home] = replace(out[home], **change)
                    grown = True
                    break
                if grown:
                    break
        if out[a] is not origin or out[b] is not beads[b]:
            left, right = out[a].left, out[b].right
            sim = round(scorer.similarity(left[0], len(left), right[0], len(right)), 4)
            out[a], out[b] = replace(out[a], score=sim), replace(out[b], score=sim)
    return _drop(out, gone) if gone else beads


def _belongs(orphan: Bead, link: Bead, scorer: BeadScorer, params: AlignParams) -> bool:
    """Does an unmatched neighbour belong to the move: covered well above chance by the
    move's other side, and the move scores higher with it (both, not either as
    ``absorb_orphans`` asks of a link: a heading repeating the next sentence's
    words is covered but makes the move no better; chosen leave-one-batch-out).
    In a pair of one language compared directly (``align``'s ``same``), "well above"
    is ``one_language_move_absorb``: there a rewrite's reworded half shows .15-.3,
    which ``absorb_evidence`` (.3, a level for links seen through an MT) left out."""
    evidence = _orphan_evidence(orphan, link, scorer)
    level = params.one_language_move_absorb
    level = params.absorb_evidence if level < 0 else level
    return evidence > level and _merge_improves(orphan, link, scorer)


def _shares(rare: tuple[list[frozenset[str]], list[frozenset[str]]], side: int, x: int,
            link: Bead) -> bool:  # fmt: skip
    """Whether sentence ``x`` of ``side`` shares a rare key with the link's other side."""
    other = link.right if side == 0 else link.left
    return any(rare[side][x] & rare[1 - side][k] for k in other)


def _drop(beads: list[Bead], gone: set[int]) -> list[Bead]:
    """``beads`` without the absorbed ones, ``move_to`` renumbered, move kinds refreshed."""
    out = _renumber(beads, [k for k in range(len(beads)) if k not in gone])
    return [replace(b, kind=f"{len(b.left)}-{len(b.right)}") if b.move_to is not None else b
            for b in out]  # fmt: skip

def settle_moves(beads: list[Bead], scorer: BeadScorer) -> list[Bead]:
    """A "move" between the same two links is no move: an in-place link instead.

    Why: move detection pairs any deletion with any insertion; when the two
    sit in one gap (no link between them), the sentence kept its place among
    its neighbours and was only rewritten, so the reader should see one
    changed row, not "moved to row N" two rows further down.  The link is
    placed so that both sides stay in document order.
    """
    order = list(range(len(beads)))
    beads = list(beads)
    for a in range(len(beads)):
        origin, b = beads[a], beads[a].move_to
        if b is None or not origin.left or b == a:
            continue
        at_a, at_b = order.index(a), order.index(b)
        low, high = min(at_a, at_b), max(at_a, at_b)
        between = order[low + 1 : high]
        if any(beads[x].left and beads[x].right for x in between):
            continue
        left, right = origin.left, beads[b].right
        sim = round(scorer.similarity(left[0], len(left), right[0], len(right)), 4)
        beads[a] = Bead(left, right, sim, f"{len(left)}-{len(right)}")
        beads[b] = replace(beads[b], move_to=b)  # marks the landing as absorbed
        rights = [x for x in between if not beads[x].left]
        lefts = [x for x in between if beads[x].left]
        # origin first: the gap's right sentences precede the landing, its left ones
        # follow the origin; landing first: the other way round
        order[low : high + 1] = [*rights, a, *lefts] if at_a < at_b else [*lefts, a, *rights]
    if len(order) == len(beads):
        return beads
    return _renumber(beads, order)


def _renumber(beads: list[Bead], order: list[int]) -> list[Bead]:
    """``beads`` in ``order`` (old indices; the rest dropped), ``move_to`` following them."""
    new = {old: k for k, old in enumerate(order)}
    return [
        replace(beads[old], move_to=new[beads[old].move_to])
        if beads[old].move_to is not None else beads[old]
        for old in order
    ]  # fmt: skip


def move_steps(
    beads: list[Bead], scorer: BeadScorer, params: AlignParams,
    breaks: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset()),
    rare: tuple[list[frozenset[str]], list[frozenset[str]]] | None = None,
) -> list[Bead]:  # fmt: skip
    """A pass's last steps: swaps split, sentences peeled for moves, moves found and settled.

    Why apart: a pass whose links only teach the next word table
    (``align._lexicon_pass``) need not find moves, which cost about a tenth of
    such a pass.  They run once, on the pass whose links are returned, with
    that pass's scorer.  A moved sentence is no 1-1 link, so the table learns
    from the links before any was broken for a move: on the dev sets two
    one-language story pairs changed, and none once one-language moves came
    in (round 15, ``docs/align.md``).
    """
    beads = peel_for_moves(split_swaps(beads, scorer, params), scorer, params)
    beads = extend_moves(detect_moves(beads, scorer, params), scorer, params, breaks, rare)
    return settle_moves(beads, scorer)
