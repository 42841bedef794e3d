"""Sentence alignment: monotonic banded dynamic programming plus move detection.

Beads: 1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 2-3, 3-2, 1-4, 4-1, 1-0 and 0-1.  Bead
gains (``workbench.core.align_scoring``) combine lexical coverage (chrF-style
character n-grams, one side replaced by its machine translation across
languages) above the chance level of the same documents, a Gale-Church length
cost, anchors that survive translation (numbers, transliterated names) and a
small cost per extra sentence.  Unmatched sentences (1-0/0-1) gain nothing, so a
pair is only linked when it beats chance.  After the monotonic pass, a lone
deletion facing a lone insertion between the same links is paired (a free
rewrite), and deletions matching insertions elsewhere are marked as moves.

Why two passes: a 1-1/skip pass in a band around the length-proportional
diagonal (doubled until the path stays inside it) finds where the path runs;
the full bead set is then searched only a few cells around that path.  Time and
memory are thus linear in document length for similar-length documents.

Everything here is pure: lists of strings in, ``Bead`` dataclasses out.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace

from workbench.core.align_scoring import (
    BEAD_SHAPES,
    COARSE_SHAPES,
    MAX_SIDE,
    AlignParams,
    BeadScorer,
)
from workbench.core.similarity import normalize_for_similarity

__all__ = ["BEAD_SHAPES", "AlignParams", "Bead", "align", "parse_ladder", "to_ladder"]

_NEG = float("-inf")


@dataclass(frozen=True)
class Bead:
    """One alignment unit: 0-based sentence indices on each side.

    ``score`` is the raw similarity of the two sides (0 for unmatched sentences);
    ``move_to`` is set on an unmatched sentence whose counterpart sits elsewhere
    (the index of that other bead in the returned list).
    """

    left: tuple[int, ...]
    right: tuple[int, ...]
    score: float
    kind: str
    move_to: int | None = None

    @property
    def moved(self) -> bool:
        """True for a deleted/inserted sentence matched by a move."""
        return self.move_to is not None


def _banded_dp(
    n: int,
    lo: list[int],
    hi: list[int],
    shapes: Sequence[tuple[int, int]],
    scorer: BeadScorer,
) -> list[tuple[int, int, int, int, float]]:
    """Best monotonic path from (0,0) to (n, hi[n]) inside the band, as bead tuples.

    Returns (i, a, j, b, similarity) for each bead, in order.
    """
    gain = scorer.gain
    scores: list[list[float]] = []
    backs: list[bytearray] = []
    for i in range(n + 1):
        scorer.new_row(i)
        low, high = lo[i], hi[i]
        row = [_NEG] * (high - low + 1)
        back = bytearray(high - low + 1)
        for j in range(low, high + 1):
            if i == 0 and j == 0:
                row[0] = 0.0
                continue
            best, arg = _NEG, 0
            for s, (a, b) in enumerate(shapes):
                pi, pj = i - a, j - b
                if pi < 0 or pj < lo[pi] or pj > hi[pi]:
                    continue
                prev = row[pj - low] if a == 0 else scores[pi][pj - lo[pi]]
                if prev == _NEG:
                    continue
                value = prev + gain(pi, a, pj, b)
                if value > best:
                    best, arg = value, s + 1
            row[j - low] = best
            back[j - low] = arg
        scores.append(row)
        backs.append(back)
    path: list[tuple[int, int, int, int, float]] = []
    i, j = n, hi[n]
    while i > 0 or j > 0:
        a, b = shapes[backs[i][j - lo[i]] - 1]
        path.append((i - a, a, j - b, b, scorer.similarity(i - a, a, j - b, b) if a and b else 0.0))
        i, j = i - a, j - b
    path.reverse()
    return path


def anchor_chain(left: Sequence[str], right: Sequence[str]) -> list[tuple[int, int]]:
    """Sentence pairs that share a word bigram (or long word) unique in both documents.

    Only the longest chain increasing on both sides is kept, so a stray match
    cannot bend the band.  This is the coarse pass on high-confidence matches that
    centres the DP band where the documents really correspond (a long insertion
    moves the path far off the length-proportional diagonal).
    """
    left_keys, right_keys = _unique_keys(left), _unique_keys(right)
    pairs = sorted(
        {(left_keys[k], right_keys[k]) for k in left_keys.keys() & right_keys.keys()},
        key=lambda p: (p[0], -p[1]),
    )
    tails: list[int] = []  # smallest j ending a chain of each length
    ends: list[int] = []  # index into pairs of that chain's last pair
    parent = [-1] * len(pairs)
    for index, (_i, j) in enumerate(pairs):
        pos = bisect_left(tails, j)
        parent[index] = ends[pos - 1] if pos else -1
        if pos == len(tails):
            tails.append(j)
            ends.append(index)
        else:
            tails[pos], ends[pos] = j, index
    chain: list[tuple[int, int]] = []
    index = ends[-1] if ends else -1
    while index >= 0:
        chain.append(pairs[index])
        index = parent[index]
    return chain[::-1]


def _unique_keys(texts: Sequence[str]) -> dict[str, int]:
    seen: dict[str, int] = {}
    repeated: set[str] = set()
    for k, text in enumerate(texts):
        words = normalize_for_similarity(text).split()
        keys = {a + " " + b for a, b in zip(words, words[1:], strict=False)}
        keys.update(w for w in words if len(w) >= 7)
        for key in keys:
            if key in seen:
                repeated.add(key)
            seen[key] = k
    return {key: k for key, k in seen.items() if key not in repeated}


def _centre_band(
    n: int, m: int, anchors: list[tuple[int, int]], width: int
) -> tuple[list[int], list[int]]:
    """Band of ``width`` around the line through the anchors (diagonal without any)."""
    points = [(0, 0), *anchors, (n, m)]
    centre = [0] * (n + 1)
    for (i0, j0), (i1, j1) in zip(points, points[1:], strict=False):
        for i in range(i0, i1 + 1):
            centre[i] = round(j0 + (j1 - j0) * (i - i0) / (i1 - i0)) if i1 > i0 else j1
    lo = [max(0, c - width) for c in centre]
    hi = [min(m, c + width) for c in centre]
    lo[0], hi[n] = 0, m
    for i in range(1, n + 1):  # monotonic
        lo[i] = max(lo[i], lo[i - 1])
        hi[i] = max(hi[i], hi[i - 1])
    for i in range(n, 0, -1):  # connected: a row reaches where the next one starts
        hi[i - 1] = max(hi[i - 1], lo[i])
    return lo, hi


def _touches_edge(path: list[tuple[int, int, int, int, float]], lo, hi, m: int) -> bool:
    for i, _a, j, _b, _s in path:
        if (lo[i] > 0 and j - lo[i] < 2) or (hi[i] < m and hi[i] - j < 2):
            return True
    return False


def _coarse_path(
    scorer: BeadScorer, n: int, m: int, params: AlignParams, anchors: list[tuple[int, int]]
) -> list[tuple[int, int, int, int, float]]:
    """1-1/skip path around the anchor line; the band doubles while the path touches it."""
    width = params.band
    while True:
        lo, hi = _centre_band(n, m, anchors, width)
        path = _banded_dp(n, lo, hi, COARSE_SHAPES, scorer)
        if width >= max(n, m) or not _touches_edge(path, lo, hi, m):
            return path
        width *= 2


def _refined_band(path, n: int, m: int, width: int) -> tuple[list[int], list[int]]:
    """Band of ``width`` cells around a coarse path (rows it crosses included)."""
    jmin = [m] * (n + 1)
    jmax = [0] * (n + 1)
    cells = [(0, 0)] + [(i + a, j + b) for i, a, j, b, _ in path]
    for i, j in cells:
        jmin[i], jmax[i] = min(jmin[i], j), max(jmax[i], j)
    lo = [0] * (n + 1)
    hi = [0] * (n + 1)
    for i in range(n + 1):
        near = range(max(0, i - 2), min(n, i + 2) + 1)
        lo[i] = max(0, min(jmin[k] for k in near) - width)
        hi[i] = min(m, max(jmax[k] for k in near) + width)
    lo[0], hi[n] = 0, m
    return lo, hi


def align(
    left: Sequence[str],
    right: Sequence[str],
    *,
    left_mt: Sequence[str] | None = None,
    right_mt: Sequence[str] | None = None,
    params: AlignParams | None = None,
) -> list[Bead]:
    """Align two sentence lists.

    ``left_mt`` is the machine translation of ``left`` into ``right``'s language
    (compared with ``right``); ``right_mt`` the reverse.  Given both, the two
    comparisons are averaged; given neither, the sides are compared directly
    (same language).
    """
    params = params or AlignParams()
    for name, mt, ref in (("left_mt", left_mt, left), ("right_mt", right_mt, right)):
        if mt is not None and len(mt) != len(ref):
            raise ValueError(f"{name} has {len(mt)} lines, expected {len(ref)}")
    views_left, views_right = [], []
    if left_mt is not None:
        views_left.append(_fill_missing(left_mt, left))
        views_right.append(right)
    if right_mt is not None:
        views_left.append(left)
        views_right.append(_fill_missing(right_mt, right))
    if not views_left:
        views_left, views_right = [left], [right]
    n, m = len(left), len(right)
    scorer = BeadScorer(left, right, views_left, views_right, params)
    coarse = _coarse_path(scorer, n, m, params, anchor_chain(views_left[0], views_right[0]))
    if params.local_offsets:
        scorer.localize(coarse, n, m)
    lo, hi = _refined_band(coarse, n, m, params.refine)
    path = _banded_dp(n, lo, hi, BEAD_SHAPES, scorer)
    beads = [
        Bead(tuple(range(i, i + a)), tuple(range(j, j + b)), round(sim, 4), f"{a}-{b}")
        for i, a, j, b, sim in path
    ]
    beads = repair_boundaries(pair_sandwiches(beads, scorer, params), scorer)
    while True:  # an absorbed orphan makes the next one in a run adjacent to a link
        count = len(beads)
        beads = absorb_orphans(beads, scorer, params)
        if len(beads) == count:
            break
    return detect_moves(beads, scorer, params)


def _fill_missing(mt: Sequence[str], original: Sequence[str]) -> list[str]:
    """Machine translation with empty lines replaced by the original sentence.

    An engine sometimes returns nothing for a sentence (a timeout, an input it
    refuses).  Its names, numbers and cognates still match the other side far
    better than an empty string, which would leave the sentence unalignable.
    """
    return [t if t.strip() or not o.strip() else o for t, o in zip(mt, original, strict=True)]


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

    Fragments (a title split off, a page-break remnant) score too little alone
    for the DP to pay a merge; when the neighbouring link's other side plainly
    contains them, they belong to that link rather than standing alone.
    """
    result = list(beads)
    for k, bead in enumerate(beads):
        if bead.kind not in ("1-0", "0-1"):
            continue
        best, target = 0.0, None
        for n in (k - 1, k + 1):
            if 0 <= n < len(result) and result[n] and result[n].left and result[n].right:
                evidence = _orphan_evidence(bead, result[n], scorer)
                if evidence > params.absorb_evidence or (
                    evidence > 0 and _merge_improves(bead, result[n], scorer)
                ):
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


def pair_sandwiches(beads: list[Bead], scorer: BeadScorer, params: AlignParams) -> list[Bead]:
    """Link a lone deletion and a lone insertion that sit between the same two links.

    A sentence dropped on one side right where one appears on the other side is
    almost always a free rewrite of it (or a bad translation): a 1-1 pair, not an
    unrelated deletion plus insertion, provided their lengths are compatible.
    """
    result: list[Bead] = []
    k = 0
    while k < len(beads):
        run = k
        while run < len(beads) and (not beads[run].left or not beads[run].right):
            run += 1
        left = [x for bead in beads[k:run] for x in bead.left]
        right = [x for bead in beads[k:run] for x in bead.right]
        inside = 0 < k and run < len(beads)
        if 0 < len(left) <= MAX_SIDE and 0 < len(right) <= MAX_SIDE:
            i, a, j, b = left[0], len(left), right[0], len(right)
            if scorer.length_cost(i, a, j, b) <= params.sandwich_length_cost and (
                (inside and a + b == 2) or scorer.evidence(i, a, j, b) > 0
            ):
                sim = scorer.similarity(i, a, j, b)
                result.append(Bead(tuple(left), tuple(right), round(sim, 4), f"{a}-{b}"))
                k = run
                continue
        if run > k:
            result.extend(beads[k:run])
            k = run
        else:
            result.append(beads[k])
            k += 1
    return result


def detect_moves(beads: list[Bead], scorer: BeadScorer, params: AlignParams) -> list[Bead]:
    """Pair unmatched deletions with unmatched insertions elsewhere that say the same."""
    deleted = [k for k, bead in enumerate(beads) if bead.kind == "1-0"]
    inserted = [k for k, bead in enumerate(beads) if bead.kind == "0-1"]
    if not deleted or not inserted or len(deleted) * len(inserted) > params.max_move_pairs:
        return beads
    candidates = []
    for d in deleted:
        i = beads[d].left[0]
        for k in inserted:
            j = beads[k].right[0]
            sim = scorer.similarity(i, 1, j, 1)
            chance = (scorer.chance[0][i] + scorer.chance[1][j]) / 2
            if scorer.coverage(0, i, j, 1) - chance >= params.move_gain:
                candidates.append((sim, d, k))
    result = list(beads)
    used: set[int] = set()
    for sim, d, k in sorted(candidates, reverse=True):
        if d in used or k in used:
            continue
        used.update((d, k))
        result[d] = replace(result[d], move_to=k, score=round(sim, 4))
        result[k] = replace(result[k], move_to=d, score=round(sim, 4))
    return result


def to_ladder(beads: Sequence[Bead]) -> str:
    """Beads in the field's ladder form, one per line: ``[0]:[0, 1]``, ``[]:[5]``."""
    return "".join(f"{list(b.left)}:{list(b.right)}\n" for b in beads)


def parse_ladder(text: str) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Read ladder lines back (a third ``:cost`` field is ignored)."""
    beads = []
    for line in text.splitlines():
        if not line.strip():
            continue
        src, tgt = line.split(":")[:2]
        beads.append((_ids(src), _ids(tgt)))
    return beads


def _ids(field: str) -> tuple[int, ...]:
    inner = field.strip().removeprefix("[").removesuffix("]").strip()
    return tuple(int(x) for x in inner.split(",") if x.strip())
