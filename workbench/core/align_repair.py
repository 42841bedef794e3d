"""Repair passes after the DP: lone rewrites paired, glued end sentences returned, moves.

In the spirit of Bleualign's gap filling: a lone deletion facing a lone insertion between the
same links is paired (a free rewrite); an unmatched sentence takes back the end sentence glued
to a neighbouring link when the lengths then fit better; an unmatched fragment joins a
neighbouring link whose score it raises.  Finally deletions matching insertions elsewhere are
marked as moves.  Pure functions on ``Bead`` lists and a ``BeadScorer``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from workbench.core.align_absorb_gate import keeps_similarity
from workbench.core.align_scoring import MAX_SIDE, AlignParams, BeadScorer
from workbench.core.align_views import pinned_pair_keeps


@dataclass(frozen=True)
class Bead:
    """One alignment unit: 0-based sentence indices on each side.

    ``score`` is the raw similarity of the two sides (0 for unmatched sentences); ``move_to`` is
    set on an unmatched sentence whose counterpart sits elsewhere (the index of that other bead
    in the returned list).  ``confidence`` is the estimated probability that the bead is right:
    for a link, that the sides correspond; for an unmatched sentence, that nothing nearby
    matches it (``workbench.core.align_confidence``).
    """

    left: tuple[int, ...]
    right: tuple[int, ...]
    score: float
    kind: str
    move_to: int | None = None
    confidence: float = 1.0

    @property
    def moved(self) -> bool:
        """True for a deleted/inserted sentence matched by a move."""
        return self.move_to is not None


def moves_remapped(beads: list[Bead], where: dict[int, int]) -> list[Bead]:
    """``beads`` with each move's partner index taken through ``where`` (old index -> new).

    Every step that drops, joins or splits beads renumbers them; a move points at its
    partner by index, so each such step maps the pointers the same way.
    """
    return [b if b.move_to is None else replace(b, move_to=where[b.move_to]) for b in beads]


def _orphan_evidence(orphan: Bead, link: Bead, scorer: BeadScorer) -> float:
    """Coverage above chance of an unmatched sentence by a neighbouring link's other side."""
    if orphan.left:
        k, other = orphan.left[0], link.right
        side = 0
    else:
        k, other = orphan.right[0], link.left
        side = 1
    if len(other) > 4:
        return 0.0
    cover = scorer.coverage(side, k, other[0], len(other))
    return cover - scorer.chance[side][k] * scorer.growth[side].get(len(other), 1.0)


def _merge_improves(orphan: Bead, link: Bead, scorer: BeadScorer) -> bool:
    """Bleualign's gap-filling test: does the link with the orphan score higher?"""
    left = sorted(link.left + orphan.left)
    right = sorted(link.right + orphan.right)
    if left[-1] - left[0] >= len(left) or right[-1] - right[0] >= len(right):
        return False
    merged = scorer.similarity(left[0], len(left), right[0], len(right))
    return merged > scorer.similarity(link.left[0], len(link.left), link.right[0], len(link.right))


def _length_gain(orphan: Bead, link: Bead, scorer: BeadScorer) -> float:
    """How much the link's Gale-Church cost drops with the orphan (nats; -inf if not adjacent)."""
    left = sorted(link.left + orphan.left)
    right = sorted(link.right + orphan.right)
    if left[-1] - left[0] >= len(left) or right[-1] - right[0] >= len(right):
        return float("-inf")
    merged = scorer.length_cost(left[0], len(left), right[0], len(right))
    return _length_cost(link, scorer) - merged


def _split_off(orphan: Bead, link: Bead) -> tuple[Bead, Bead] | None:
    """The link without its end sentence facing the orphan, and the orphan paired with it."""
    before = orphan.left[0] < link.left[0] if orphan.left else orphan.right[0] < link.right[0]
    other = link.right if orphan.left else link.left
    if len(other) < 2:
        return None
    taken, kept = (other[:1], other[1:]) if before else (other[-1:], other[:-1])
    if orphan.left:
        return Bead(link.left, kept, 0.0, ""), Bead(orphan.left, taken, 0.0, "")
    return Bead(kept, link.right, 0.0, ""), Bead(taken, orphan.right, 0.0, "")


def _scored(bead: Bead, scorer: BeadScorer) -> Bead:
    i, a, j, b = bead.left[0], len(bead.left), bead.right[0], len(bead.right)
    return Bead(bead.left, bead.right, round(scorer.similarity(i, a, j, b), 4), f"{a}-{b}")


def repair_boundaries(beads: list[Bead], scorer: BeadScorer) -> list[Bead]:
    """Give an unmatched sentence the end sentence of a neighbouring many-sided link.

    The DP pays nothing for a short sentence without lexical evidence (a loose
    translation), so it may leave it unmatched and glue its partner to the
    neighbouring link.  The split is taken when both the Gale-Church length
    cost drops and the remaining link's own evidence does not (the detached
    sentence was not what made that link match).
    """
    result = list(beads)
    for k, bead in enumerate(result):
        if bead.kind not in ("1-0", "0-1"):
            continue
        for n in (k - 1, k + 1):
            link = result[n] if 0 <= n < len(result) else None
            if not link or not link.left or not link.right:
                continue
            split = _split_off(bead, link)
            if split is None:
                continue
            kept, pair = split
            if _length_cost(kept, scorer) + _length_cost(pair, scorer) < _length_cost(
                link, scorer
            ) and _bead_evidence(kept, scorer) >= _bead_evidence(link, scorer):
                result[n], result[k] = _scored(kept, scorer), _scored(pair, scorer)
                break
    return result


def _length_cost(bead: Bead, scorer: BeadScorer) -> float:
    return scorer.length_cost(bead.left[0], len(bead.left), bead.right[0], len(bead.right))


def _bead_evidence(bead: Bead, scorer: BeadScorer) -> float:
    return scorer.evidence(bead.left[0], len(bead.left), bead.right[0], len(bead.right))


def absorb_orphans(beads: list[Bead], scorer: BeadScorer, params: AlignParams) -> list[Bead]:
    """Attach an unmatched sentence to the adjacent link that clearly covers it.

    Fragments (a title split off, a page-break remnant) score too little alone for the DP to
    pay a merge; when the neighbouring link's other side plainly contains them, they belong to
    that link rather than standing alone.  So does a sentence above the glue tolerance whose
    joining makes the link's lengths fit far better (Gale-Church): a translator split one
    sentence in two, and only one half carries the words the comparison sees.  A weakly covered
    orphan stays out of a 1-1 pinned by an anchor it does not share (``pinned_pair_keeps``).
    """
    result = list(beads)
    for k, bead in enumerate(beads):
        if bead.kind not in ("1-0", "0-1"):
            continue
        best, target = float("-inf"), None
        for n in (k - 1, k + 1):
            if 0 <= n < len(result) and result[n] and result[n].left and result[n].right:
                evidence = _orphan_evidence(bead, result[n], scorer)
                if evidence < params.absorb_pinned_keep and pinned_pair_keeps(
                    (scorer.left_anchors, scorer.right_anchors), scorer.pinned,
                    (result[n].left, result[n].right), (bead.left, bead.right)):
                    continue
                if keeps_similarity((bead.left, bead.right), (result[n].left, result[n].right),
                                    scorer, params.absorb_sim_drop) and (
                    evidence > params.absorb_evidence
                    or (evidence > 0 and _merge_improves(bead, result[n], scorer))
                    or (evidence > params.glue_evidence
                        and _length_gain(bead, result[n], scorer) >= params.absorb_length_gain)
                ):  # fmt: skip
                    if evidence > best:
                        best, target = evidence, n
        if target is None:
            continue
        link = result[target]
        left = tuple(sorted(link.left + bead.left))
        right = tuple(sorted(link.right + bead.right))
        if max(len(left), len(right)) > params.absorb_max_side:
            continue
        sim = scorer.similarity(left[0], len(left), right[0], len(right))
        result[target] = Bead(left, right, round(sim, 4), f"{len(left)}-{len(right)}")
        result[k] = None  # type: ignore[call-overload]
    return [b for b in result if b is not None]


def _pair_in_gap(gap: list[Bead], scorer: BeadScorer, params: AlignParams) -> list[Bead]:
    """Pair the single sentence on one side of a gap with its likeliest partner on the other.

    Among the candidates whose lengths fit (Gale-Church), one with evidence above
    chance is preferred, then the best length fit; the rest of the gap stays
    unmatched.
    """
    single_left = sum(len(b.left) for b in gap) == 1
    lone = next(b for b in gap if (b.left if single_left else b.right))
    others = [b for b in gap if (b.right if single_left else b.left)]

    def key(other: Bead) -> tuple[bool, float]:
        pair = Bead(lone.left or other.left, lone.right or other.right, 0.0, "")
        return _bead_evidence(pair, scorer) <= 0, _length_cost(pair, scorer)

    fitting = [b for b in others if key(b)[1] <= params.sandwich_length_cost]
    if not fitting:
        return gap
    best = min(fitting, key=key)
    pair = _scored(Bead(lone.left or best.left, lone.right or best.right, 0.0, ""), scorer)
    rest = [b for b in gap if b is not lone and b is not best]
    # keep both sides in order: what precedes the pair's sentence on its side comes first
    before = [b for b in rest if (b.left or b.right)[0] < (pair.left if b.left else pair.right)[0]]
    return before + [pair] + [b for b in rest if not any(b is x for x in before)]


def pair_sandwiches(
    beads: list[Bead], scorer: BeadScorer, params: AlignParams,
    breaks: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset()),
) -> list[Bead]:  # fmt: skip
    """Link a lone deletion and a lone insertion that sit between the same two links.

    A sentence dropped on one side right where one appears on the other side is
    almost always a free rewrite of it (or a bad translation): a 1-1 pair, not an
    unrelated deletion plus insertion, provided their lengths are compatible.
    A break on both sides (``breaks``: a headline ends and the body starts on
    each page) bounds a gap as a link does.
    """
    result: list[Bead] = []
    k = 0
    while k < len(beads):
        if beads[k].left and beads[k].right:
            result.append(beads[k])
            k += 1
            continue
        run = k
        while run < len(beads) and (not beads[run].left or not beads[run].right):
            run += 1
        for piece, inside in _pieces(beads[k:run], (0 < k, run < len(beads)), breaks):
            result.extend(_fill_gap(piece, inside, scorer, params))
        k = run
    return result


def _pieces(
    gap: list[Bead], bounds: tuple[bool, bool], breaks: tuple[frozenset[int], frozenset[int]]
) -> list[tuple[list[Bead], bool]]:
    """The gap cut where both sides break; each piece with whether both its ends are bounded."""
    lefts = [b.left[0] for b in gap if b.left]
    rights = [b.right[0] for b in gap if b.right]
    cut_left = [x for x in lefts if x in breaks[0]]
    cut_right = [x for x in rights if x in breaks[1]]
    if not cut_left or not cut_right:
        return [(gap, bounds[0] and bounds[1])] if gap else []
    head = [b for b in gap if (b.left and b.left[0] < cut_left[-1])
            or (b.right and b.right[0] < cut_right[-1])]  # fmt: skip
    early = {id(b) for b in head}
    tail = [b for b in gap if id(b) not in early]
    return [*_pieces(head, (bounds[0], True), breaks), (tail, bounds[1])]


def _fill_gap(gap: list[Bead], inside: bool, scorer: BeadScorer, params: AlignParams
              ) -> list[Bead]:  # fmt: skip
    """One gap's sentences as one link (a sandwich), one pair in the gap, or as they were."""
    left = [x for bead in gap for x in bead.left]
    right = [x for bead in gap for x in bead.right]
    if 0 < len(left) <= MAX_SIDE and 0 < len(right) <= MAX_SIDE:
        i, a, j, b = left[0], len(left), right[0], len(right)
        if scorer.length_cost(i, a, j, b) <= params.sandwich_length_cost and (
            (inside and a + b == 2) or scorer.evidence(i, a, j, b) > 0
        ):
            sim = scorer.similarity(i, a, j, b)
            return [Bead(tuple(left), tuple(right), round(sim, 4), f"{a}-{b}")]
    if inside and min(len(left), len(right)) == 1:
        return _pair_in_gap(gap, scorer, params)
    return gap


def link_anchor_gaps(
    beads: list[Bead], scorer: BeadScorer,
    breaks: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset()),
) -> list[Bead]:  # fmt: skip
    """Between two links, pair unmatched sentences that share a name or number found nowhere else.

    Why: across languages through MT that carries little (the stand-in models
    copy their input; a language pair without a model), a right 1-1 link shows
    only its names and numbers, and the DP leaves it unmatched when the lengths
    disagree (a translator's attribution line split off, a cut page).  An
    anchor that occurs in exactly one sentence of each document ("Karaduman",
    "238", "Nordic Halcyon") pins those two sentences together; inside one gap,
    the pairs with the most such anchors are linked 1-1 as long as they keep the
    gap's order.  A sentence whose such anchors all fall in two adjacent
    sentences of the other side (a translator split it: "74-year-old ...
    Morbihan ... Finistère" against two Ukrainian sentences) is linked 1-2 the
    same way, unless a break (``breaks``) parts the two.  Moves and links are
    left as they are; a gap's new beads shift the list, so each move's
    ``move_to`` is renumbered to where its partner went.
    """
    counts = [_anchor_counts(scorer.left_anchors), _anchor_counts(scorer.right_anchors)]
    out: list[Bead] = []
    where: dict[int, int] = {}  # a kept bead's index before -> after
    k = 0
    while k < len(beads):
        end = k
        while end < len(beads) and _open(beads[end]):
            end += 1
        if end == k:
            where[k] = len(out)
            out.append(beads[k])
            k += 1
            continue
        out.extend(_link_gap(beads[k:end], scorer, counts, breaks))
        k = end
    return moves_remapped(out, where)


def _open(bead: Bead) -> bool:
    return not (bead.left and bead.right) and bead.move_to is None


def _anchor_counts(anchors: list[frozenset[str]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for keys in anchors:
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
    return counts


def _link_gap(
    gap: list[Bead], scorer: BeadScorer, counts: list[dict[str, int]],
    breaks: tuple[frozenset[int], frozenset[int]],
) -> list[Bead]:  # fmt: skip
    lefts = [x for bead in gap for x in bead.left]
    rights = [x for bead in gap for x in bead.right]
    owner = {a: i for i in lefts for a in scorer.left_anchors[i] if counts[0][a] == 1}
    shared: dict[tuple[int, int], int] = {}  # through an index: linear in the gap's anchors
    for j in rights:
        for a in scorer.right_anchors[j]:
            if counts[1][a] == 1 and a in owner:
                shared[owner[a], j] = shared.get((owner[a], j), 0) + 1
    candidates = [(count, (i,), (j,)) for (i, j), count in shared.items()
                  if _exclusive((i,), (j,), lefts, rights, scorer)]  # fmt: skip
    candidates += _split_candidates(shared, (lefts, rights), scorer, breaks)
    chosen: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    for _count, i, j in sorted(candidates, reverse=True):
        if all(_apart(i, a) and _apart(j, b) and (i[0] < a[0]) == (j[0] < b[0])
               for a, b in chosen):  # fmt: skip
            chosen.append((i, j))
    if not chosen:
        return gap
    out: list[Bead] = []
    left_rest, right_rest = list(lefts), list(rights)
    for i, j in sorted(chosen):
        out.extend(Bead((x,), (), 0.0, "1-0") for x in left_rest if x < i[0])
        out.extend(Bead((), (x,), 0.0, "0-1") for x in right_rest if x < j[0])
        left_rest = [x for x in left_rest if x > i[-1]]
        right_rest = [x for x in right_rest if x > j[-1]]
        sim = round(scorer.similarity(i[0], len(i), j[0], len(j)), 4)
        out.append(Bead(i, j, sim, f"{len(i)}-{len(j)}"))
    out.extend(Bead((x,), (), 0.0, "1-0") for x in left_rest)
    out.extend(Bead((), (x,), 0.0, "0-1") for x in right_rest)
    return out


def _apart(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    return not set(a) & set(b)


def _split_candidates(
    shared: dict[tuple[int, int], int], gap: tuple[list[int], list[int]], scorer: BeadScorer,
    breaks: tuple[frozenset[int], frozenset[int]],
) -> list[tuple[int, tuple[int, ...], tuple[int, ...]]]:  # fmt: skip
    """A sentence whose unique anchors fall in two adjacent sentences of the other side only
    (a translator split it in two): a 1-2 (or 2-1) candidate, exclusive in the gap."""
    lefts, rights = gap
    out = []
    for side in (0, 1):
        partners: dict[int, list[int]] = {}
        for (i, j), _count in shared.items():
            one, other = (i, j) if side == 0 else (j, i)
            partners.setdefault(one, []).append(other)
        for one, others in partners.items():
            others.sort()
            if len(others) != 2 or others[1] != others[0] + 1 or others[1] in breaks[1 - side]:
                continue
            pair = (one,), tuple(others)
            i, j = pair if side == 0 else pair[::-1]
            if _exclusive(i, j, lefts, rights, scorer):
                count = sum(shared[(one, o) if side == 0 else (o, one)] for o in others)
                out.append((count, i, j))
    return out


def _exclusive(i: tuple[int, ...], j: tuple[int, ...], lefts: list[int], rights: list[int],
               scorer: BeadScorer) -> bool:  # fmt: skip
    """No other sentence of the gap shares an anchor with ``i``'s or ``j``'s partner side.

    A right sentence that shares names with several left sentences of the gap
    sums them up (a quoted paragraph rendering four sentences): one unique
    number does not make it the partner of just one of them.
    """
    la, ra = scorer.left_anchors, scorer.right_anchors
    left = frozenset().union(*(la[x] for x in i))
    right = frozenset().union(*(ra[y] for y in j))
    return not any(la[x] & right for x in lefts if x not in i) and not any(
        ra[y] & left for y in rights if y not in j
    )
