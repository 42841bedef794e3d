"""Sentence alignment: monotonic banded dynamic programming plus move detection.

Beads: 1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 2-3, 3-2, 1-0 and 0-1.  A bead's gain is
its lexical similarity (chrF-style n-gram Dice of the two sides, where one side
may be replaced by its machine translation into the other's language) above the
similarity of random sentence pairs of the same documents (per-document
calibration, as vecalign does), plus agreement of anchors that survive
translation (numbers, names), minus a Gale-Church length cost and a small cost
per extra sentence in a bead.  Skipped sentences (1-0/0-1) gain nothing, so a
pair is only linked when it beats chance.

Why two passes: a 1-1/skip pass in a band around the length-proportional
diagonal (doubled until the path stays inside it) finds where the path runs;
the full bead set is then searched only a few cells around that path.  Time and
memory are thus linear in document length for similar-length documents.

Everything here is pure: lists of strings in, ``Bead`` dataclasses out.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

from workbench.core.anchors import anchor_keys
from workbench.core.similarity import Profile, ProfileBuilder, dice

BEAD_SHAPES: tuple[tuple[int, int], ...] = (
    (1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1), (2, 3), (3, 2), (1, 4), (4, 1),
)  # fmt: skip
MAX_SIDE = max(max(shape) for shape in BEAD_SHAPES)
_COARSE_SHAPES: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (0, 1))
_NEG = float("-inf")


@dataclass(frozen=True)
class AlignParams:
    """Tunable weights; defaults are chosen from first principles, not one dev file."""

    margin: float = 0.03  # coverage above chance needed before linking pays off
    link_bonus: float = 0.11  # prior for linking a sentence that shows any evidence
    link_evidence: float = 0.05  # coverage above chance that earns the link bonus
    merge_cost: float = 0.08  # per sentence beyond 1-1 in a bead
    length_weight: float = 0.02  # per nat of Gale-Church length cost
    length_variance: float = 6.8  # Gale-Church s^2
    anchor_weight: float = 0.15  # bonus for anchor Dice when both sides have anchors
    weight_power: float = 1.0  # sentences shorter than the median count less
    local_offsets: tuple[int, ...] = (-8, -6, -5, 5, 6, 8)  # chance measured this far off the path
    default_chance: float = 0.15  # chance coverage when a document is too short to measure it
    band: int = 10  # initial half-width of the coarse band
    refine: int = 4  # half-width of the fine band around the coarse path
    sandwich_length_cost: float = 3.0  # max Gale-Church cost to pair a lone del/ins
    move_gain: float = 0.2  # similarity above chance for an unmatched pair to be a move
    max_move_pairs: int = 250_000  # cap on deletion x insertion comparisons


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


class _Scorer:
    """Bead gains for one document pair, with cached block profiles and similarities."""

    def __init__(
        self,
        left: Sequence[str],
        right: Sequence[str],
        left_cmp: Sequence[Sequence[str]],
        right_cmp: Sequence[Sequence[str]],
        params: AlignParams,
    ) -> None:
        builder = ProfileBuilder()
        self.params = params
        self.views = [
            ([builder.profile(t) for t in lc], [builder.profile(t) for t in rc])
            for lc, rc in zip(left_cmp, right_cmp, strict=True)
        ]
        self.left_len = [max(1, len(t)) for t in left]
        self.right_len = [max(1, len(t)) for t in right]
        self.ratio = sum(self.right_len) / max(1, sum(self.left_len))
        self.left_anchors = [anchor_keys(t) for t in left]
        self.right_anchors = [anchor_keys(t) for t in right]
        self._blocks: dict[tuple[int, int, int, int], Profile] = {}
        self._blocks_old: dict[tuple[int, int, int, int], Profile] = {}
        self._anchor_blocks: dict[tuple[int, int, int], frozenset[str]] = {}
        self._one_to_one: dict[int, float] = {}
        self._width = len(right) + 1
        self._cover: dict[tuple[int, int, int, int], float] = {}
        self._cover_old: dict[tuple[int, int, int, int], float] = {}
        self._calibrate(len(left), len(right))
        self.weights = [self._weights(0), self._weights(1)]

    def _block(self, view: int, side: int, start: int, size: int) -> Profile:
        profiles = self.views[view][side]
        if size == 1:
            return profiles[start]
        key = (view, side, start, size)
        block = self._blocks.get(key)
        if block is None:
            block = self._blocks_old.get(key)
            if block is None:
                block = frozenset().union(*profiles[start : start + size])
            self._blocks[key] = block
        return block

    def _anchors(self, side: int, start: int, size: int) -> frozenset[str]:
        anchors = self.left_anchors if side == 0 else self.right_anchors
        if size == 1:
            return anchors[start]
        key = (side, start, size)
        block = self._anchor_blocks.get(key)
        if block is None:
            block = self._anchor_blocks[key] = frozenset().union(*anchors[start : start + size])
        return block

    def similarity(self, i: int, a: int, j: int, b: int) -> float:
        """Mean n-gram Dice of left[i:i+a] and right[j:j+b] over the comparison views."""
        total = 0.0
        for view in range(len(self.views)):
            total += dice(self._block(view, 0, i, a), self._block(view, 1, j, b))
        return total / len(self.views)

    def new_row(self, i: int) -> None:
        """DP moved to row ``i``: drop block coverages from more than 8 rows back."""
        if i % 4 == 0:
            self._cover_old, self._cover = self._cover, {}
            self._blocks_old, self._blocks = self._blocks, {}

    def coverage(self, side: int, k: int, start: int, size: int) -> float:
        """Share of sentence ``k``'s n-grams found in the other side's block (cached)."""
        if size == 1:
            return self._coverage(side, k, start, size)
        key = (side, k, start, size)
        value = self._cover.get(key)
        if value is None:
            value = self._cover_old.get(key)
            if value is None:
                value = self._coverage(side, k, start, size)
            self._cover[key] = value
        return value

    def _coverage(self, side: int, k: int, start: int, size: int) -> float:
        total = 0.0
        for view in range(len(self.views)):
            own = self.views[view][side][k]
            if own:
                total += len(own & self._block(view, 1 - side, start, size)) / len(own)
        return total / len(self.views)

    def _calibrate(self, n: int, m: int) -> None:
        """Chance coverage of every sentence, and how it grows with the block size.

        Each sentence is compared with a few far-away sentences of the other
        side: what it shares with them is chance (common n-grams), so only
        coverage above that level counts as evidence.
        """
        offsets = (0.5, 0.37, 0.63, 0.29, 0.71)
        self.chance: list[list[float]] = [[], []]
        self.growth: list[dict[int, float]] = [{1: 1.0}, {1: 1.0}]
        for side, (count, other) in enumerate(((n, m), (m, n))):
            if not other:
                self.chance[side] = [0.0] * count
                continue
            for k in range(count):
                centre = k * other / max(1, count)
                starts = {int(centre + f * other) % other for f in offsets}
                starts = {s for s in starts if abs(s - centre) >= 3}  # never the partner
                values = [self.coverage(side, k, s, 1) for s in starts]
                chance = sum(values) / len(values) if values else self.params.default_chance
                self.chance[side].append(chance)
            for size in range(2, MAX_SIDE + 1):
                if other < size or not count:
                    continue
                ratios = []
                for t in range(min(count, 60)):
                    k = (t * 7919) % count
                    start = (int(k * other / count + other / 2) + t * 31) % (other - size + 1)
                    single = self.coverage(side, k, start, 1)
                    ratios.append((self.coverage(side, k, start, size), single))
                mean_single = sum(r[1] for r in ratios) or 1e-9
                self.growth[side][size] = sum(r[0] for r in ratios) / mean_single

    def localize(self, path: list[tuple[int, int, int, int, float]], n: int, m: int) -> None:
        """Re-estimate chance coverage near the coarse path instead of far away.

        Neighbouring sentences share the topic (names, numbers, terms), so the
        chance level that matters for a merge decision is the coverage by
        sentences a few positions off the path, not by random far-away ones.
        """
        cells = [(0, 0)] + [(i + a, j + b) for i, a, j, b, _ in path]
        partner = [[0] * n, [0] * m]
        for i, j in cells:
            if i < n:
                partner[0][i] = j
            if j < m:
                partner[1][j] = i
        offsets = self.params.local_offsets
        self._one_to_one.clear()  # memoised gains used the old chance levels
        for side, (count, other) in enumerate(((n, m), (m, n))):
            for k in range(count):
                starts = [partner[side][k] + d for d in offsets]
                values = [self.coverage(side, k, s, 1) for s in starts if 0 <= s < other]
                if values:
                    local = sum(values) / len(values)
                    self.chance[side][k] = (self.chance[side][k] + local) / 2

    def _weights(self, side: int) -> list[float]:
        """Evidence weight per sentence: a 2-character fragment proves little either way."""
        sizes = [sum(len(v[side][k]) for v in self.views) for k in range(len(self.views[0][side]))]
        if not sizes:
            return []
        typical = sorted(sizes)[len(sizes) // 2] or 1
        return [min(1.0, size / typical) ** self.params.weight_power for size in sizes]

    def evidence(self, i: int, a: int, j: int, b: int) -> float:
        """Mean coverage above chance of the bead's sentences (no margin, no costs)."""
        total = 0.0
        for k in range(i, i + a):
            total += self.coverage(0, k, j, b) - self.chance[0][k] * self.growth[0].get(b, 1.0)
        for k in range(j, j + b):
            total += self.coverage(1, k, i, a) - self.chance[1][k] * self.growth[1].get(a, 1.0)
        return total / (a + b)

    def length_cost(self, i: int, a: int, j: int, b: int) -> float:
        """Gale-Church cost (nats): how unlikely the two sides' character lengths are."""
        ll = sum(self.left_len[i : i + a])
        rl = sum(self.right_len[j : j + b])
        variance = ll * self.ratio * self.params.length_variance
        delta = (rl - ll * self.ratio) / math.sqrt(variance)
        return -math.log(max(math.erfc(abs(delta) / math.sqrt(2.0)), 1e-300))

    def gain(self, i: int, a: int, j: int, b: int) -> float:
        """Gain of the bead left[i:i+a] : right[j:j+b] (1-1 gains are memoised).

        Every sentence of the bead earns its coverage by the other side above
        chance (minus a margin); unmatched sentences earn nothing.
        """
        if a == 0 or b == 0:
            return 0.0
        if a == 1 and b == 1:
            key = i * self._width + j
            value = self._one_to_one.get(key)
            if value is None:
                value = self._one_to_one[key] = self._gain(i, 1, j, 1)
            return value
        return self._gain(i, a, j, b)

    def _gain(self, i: int, a: int, j: int, b: int) -> float:
        p = self.params
        value = 0.0
        grow_left, grow_right = self.growth[0].get(b, 1.0), self.growth[1].get(a, 1.0)
        weights = self.weights
        for k in range(i, i + a):
            cover = self.coverage(0, k, j, b) - self.chance[0][k] * grow_left
            value += weights[0][k] * (
                cover - p.margin + (p.link_bonus if cover > p.link_evidence else 0.0)
            )
        for k in range(j, j + b):
            cover = self.coverage(1, k, i, a) - self.chance[1][k] * grow_right
            value += weights[1][k] * (
                cover - p.margin + (p.link_bonus if cover > p.link_evidence else 0.0)
            )
        la, ra = self._anchors(0, i, a), self._anchors(1, j, b)
        if la and ra:
            value += p.anchor_weight * dice(la, ra)
        length_cost = self.length_cost(i, a, j, b)
        if a + b > 2:  # extra sentences pay in proportion to their evidence weight
            mean_weight = (sum(weights[0][i : i + a]) + sum(weights[1][j : j + b])) / (a + b)
            value -= p.merge_cost * (a + b - 2) * mean_weight
        return value - p.length_weight * length_cost


def _banded_dp(
    n: int,
    lo: list[int],
    hi: list[int],
    shapes: Sequence[tuple[int, int]],
    scorer: _Scorer,
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


def _diagonal_band(n: int, m: int, width: int) -> tuple[list[int], list[int]]:
    centre = [round(i * m / n) if n else 0 for i in range(n + 1)]
    lo = [max(0, c - width) for c in centre]
    hi = [min(m, c + width) for c in centre]
    lo[0], hi[n] = 0, m
    return lo, hi


def _touches_edge(path: list[tuple[int, int, int, int, float]], lo, hi, m: int) -> bool:
    for i, _a, j, _b, _s in path:
        if (lo[i] > 0 and j - lo[i] < 2) or (hi[i] < m and hi[i] - j < 2):
            return True
    return False


def _coarse_path(scorer: _Scorer, n: int, m: int, params: AlignParams):
    """1-1/skip path in a diagonal band, doubled until the path keeps off its edges."""
    width = params.band
    while True:
        lo, hi = _diagonal_band(n, m, width)
        path = _banded_dp(n, lo, hi, _COARSE_SHAPES, scorer)
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
        near = range(max(0, i - width), min(n, i + width) + 1)
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
        views_left.append(left_mt)
        views_right.append(right)
    if right_mt is not None:
        views_left.append(left)
        views_right.append(right_mt)
    if not views_left:
        views_left, views_right = [left], [right]
    n, m = len(left), len(right)
    scorer = _Scorer(left, right, views_left, views_right, params)
    coarse = _coarse_path(scorer, n, m, params)
    if params.local_offsets:
        scorer.localize(coarse, n, m)
    lo, hi = _refined_band(coarse, n, m, params.refine)
    path = _banded_dp(n, lo, hi, BEAD_SHAPES, scorer)
    beads = [
        Bead(tuple(range(i, i + a)), tuple(range(j, j + b)), round(sim, 4), f"{a}-{b}")
        for i, a, j, b, sim in path
    ]
    return detect_moves(pair_sandwiches(beads, scorer, params), scorer, params)


def pair_sandwiches(beads: list[Bead], scorer: _Scorer, params: AlignParams) -> list[Bead]:
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


def detect_moves(beads: list[Bead], scorer: _Scorer, params: AlignParams) -> list[Bead]:
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
