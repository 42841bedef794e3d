"""Bead scoring for the aligner: coverage above chance, length prior, anchors.

Why coverage: every sentence of a bead earns the share of its character
n-grams found on the other side (via machine translation across languages)
*above chance*, where chance is measured per sentence against far-away and,
after a first pass, nearby-but-unaligned sentences of the same documents (the
per-document calibration vecalign does with random sentences).  A sentence left
unmatched earns nothing, so a link is only made when it beats chance; merges
pay a small cost per extra sentence; the Gale-Church length cost and shared
anchors (numbers, names) break ties.

Caches are rolling (a few DP rows back) so memory stays linear in the
document length.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

import numpy as np

from workbench.core.align_band import block_sums
from workbench.core.align_chance import calibrate
from workbench.core.align_name_stems import stem_shared
from workbench.core.align_params import AlignParams
from workbench.core.align_profiles import Block, block_dice
from workbench.core.align_views import (
    anchor_rows,
    anchor_sets,
    build_views,
    coverages,
    move_gains,
    pinned_anchors,
    pinned_dice,
)
from workbench.core.similarity import ProfileBuilder

BEAD_SHAPES: tuple[tuple[int, int], ...] = (
    (1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1), (2, 3), (3, 2), (1, 4), (4, 1),
)  # fmt: skip
MAX_SIDE = max(max(shape) for shape in BEAD_SHAPES)
COARSE_SHAPES: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (0, 1))
_NEG = float("-inf")
_SQRT2 = math.sqrt(2.0)
_CACHE_LIMIT = 5_000  # entries per cache generation (a few MiB of intersections)


class BeadScorer:
    """Bead gains for one document pair, with cached block profiles and similarities."""

    def __init__(
        self,
        left: Sequence[str],
        right: Sequence[str],
        left_cmp: Sequence[Sequence[str]],
        right_cmp: Sequence[Sequence[str]],
        params: AlignParams,
        *,
        builder: ProfileBuilder | None = None,
        anchors: tuple[list[frozenset[str]], list[frozenset[str]]] | None = None,
        ratio: float | None = None,
        anchor_rows: tuple | None = None,
    ) -> None:
        """``builder``/``anchors``: a second pass over the same documents passes the
        first pass's (a builder that keeps the originals' profiles), so neither is rebuilt.
        ``ratio``: the expected right/left length ratio (default: the documents'; a cut
        or brief side needs the one its links show, ``align_ratio``).
        ``anchor_rows``: the previous pass's ``anchor_rows`` (its anchors as id rows and
        block sizes), passed with its ``anchors``."""
        self.params = params
        frequent = params.frequent_share, params.frequent_min
        self.views, self.split_views = build_views(left_cmp, right_cmp, builder, frequent)
        self.left_len = [max(1, len(t)) for t in left]
        self.right_len = [max(1, len(t)) for t in right]
        self.ratio = ratio or sum(self.right_len) / max(1, sum(self.left_len))
        self._left_prefix = [0, *itertools.accumulate(self.left_len)]
        self._right_prefix = [0, *itertools.accumulate(self.right_len)]
        #: ``anchor_keys`` by text (the first pass's; a later pass is handed it with its
        #: ``anchors``): the anchor relink reads them back (round 39)
        self.anchor_memo: dict[str, frozenset[str]] = {}
        if anchors is None:
            known = self.anchor_memo  # versions of one text share most sentences
            calendar = params.calendar_anchor_max
            anchors = anchor_sets(left, known, calendar), anchor_sets(right, known, calendar)
            anchors = stem_shared((left, right), anchors)  # off unless NAME_STEM_MIN > 0
        self.left_anchors, self.right_anchors = anchors
        self.anchor_rows = anchor_rows
        page = min(len(left), len(right)) < params.long_glue_min
        self.pin_weight = params.anchor_pinned_weight if page else 1
        self.pinned = pinned_anchors(*anchors) if self.pin_weight > 1 else frozenset()
        self._blocks: dict[tuple[int, int, int, int], Block] = {}
        self._blocks_old: dict[tuple[int, int, int, int], Block] = {}
        self._anchor_blocks: dict[tuple[int, int, int], frozenset[str]] = {}
        self._one_to_one: dict[int, float] = {}
        self._covers: dict[tuple[int, int, int, int], float] = {}
        # bead memos: the DP's path, the repairs, moves and confidences ask the same beads
        self._similar: dict[tuple[int, int, int, int], float] = {}
        self._evidence: dict[tuple[int, int, int, int], float] = {}  # chance levels: localize
        self._lengths: dict[tuple[int, int, int, int], float] = {}
        self._width = len(right) + 1
        self._chance_arrays: list[np.ndarray] | None = None
        self.chance, self.growth = calibrate(self, len(left), len(right), MAX_SIDE)
        self.weights = [self._weights(0), self._weights(1)]
        self._arrays()

    def _arrays(self) -> None:
        """The document as arrays for ``align_gains`` (whole DP bands at once)."""
        self.counts = (len(self.left_len), len(self.right_len))
        if self.anchor_rows is None:  # a later pass has its predecessor's (same anchors)
            self.anchor_rows = anchor_rows(self.left_anchors, self.right_anchors, self.pinned,
                                           self.pin_weight, MAX_SIDE)  # fmt: skip
        self.anchor_ids, self.anchor_sizes = self.anchor_rows
        self.prefix = [np.array(p, np.int64) for p in (self._left_prefix, self._right_prefix)]
        self.weight_arrays = [np.array(w, np.float64) for w in self.weights]
        self.weight_sums = [block_sums(w, MAX_SIDE) for w in self.weight_arrays]

    @property
    def chances(self) -> list[np.ndarray]:
        """``chance`` as arrays (rebuilt after ``localize`` changed it)."""
        if self._chance_arrays is None:
            self._chance_arrays = [np.array(c, np.float64) for c in self.chance]
        return self._chance_arrays

    def _block(self, view: int, side: int, start: int, size: int) -> Block:
        profiles = self.views[view][side]
        if size == 1:
            return profiles.sizes[start], profiles.bits[start], profiles.rare[start]
        key = (view, side, start, size)
        block = self._blocks.get(key)
        if block is None:
            block = self._blocks_old.get(key)
            if block is None:
                block = profiles.block(start, size)
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
        """Mean n-gram Dice of left[i:i+a] and right[j:j+b] over the comparison views.

        Memoised: the path's trace, the repairs, move detection and the
        confidences ask the same beads again (4,109 asks of 2,401 beads on the
        Text+Berg document without MT); the views never change during a pass.
        """
        key = (i, a, j, b)
        value = self._similar.get(key)
        if value is None:
            value = self._similar[key] = self._similarity(i, a, j, b)
        return value

    def _similarity(self, i: int, a: int, j: int, b: int) -> float:
        total = 0.0
        for view in range(len(self.views)):
            total += block_dice(self._block(view, 0, i, a), self._block(view, 1, j, b))
        return total / len(self.views)

    def new_row(self, i: int) -> None:
        """DP moved to row ``i``: drop cached coverages from more than 8 rows back."""
        if i % 4 == 0:
            self._blocks_old, self._blocks = self._blocks, {}

    def coverage(self, side: int, k: int, start: int, size: int) -> float:
        """Share of sentence ``k``'s n-grams found in the other side's block (view mean).

        Memoised: the repair and confidence passes ask the same few thousand
        coverages several times each (a third as many distinct as asked on
        Text+Berg); the views never change during a pass.
        """
        key = (side, k, start, size)
        value = self._covers.get(key)
        if value is None:
            value = self._covers[key] = self._coverage(side, k, start, size)
        return value

    def release(self) -> None:
        """Drop caches and profiles: this pass is over (keeps a second pass's peak memory low)."""
        caches = self._blocks, self._blocks_old, self._one_to_one, self._anchor_blocks, self._covers
        for cache in (*caches, self._similar, self._evidence, self._lengths):
            cache.clear()
        self.views, self.split_views = [], []

    def pair_coverages(self, i: int, j: int) -> tuple[float, float]:
        """``(coverage(0, i, j, 1), coverage(1, j, i, 1))`` from one overlap count per view.

        Why: move detection compares every deletion with every insertion; going
        through the block caches cost two cover tuples (and two cache entries)
        per pair.  Same arithmetic in the same order, so the same floats.
        """
        left_cover = right_cover = 0.0
        for lefts, rights in self.views:
            inter = (lefts.bits[i] & rights.bits[j]).bit_count()
            inter += len(lefts.rare[i] & rights.rare[j])
            own = lefts.sizes[i]
            if own:
                left_cover += inter / own
            own = rights.sizes[j]
            if own:
                right_cover += inter / own
        count = len(self.views)
        return left_cover / count, right_cover / count

    def move_gains(self, ii: Sequence[int], jj: Sequence[int]) -> np.ndarray:
        """``align_views.move_gains``: the move gain of many pairs in one numpy pass."""
        return move_gains(self, ii, jj)

    def _coverage(self, side: int, k: int, start: int, size: int) -> float:
        total = 0.0
        if size == 1:  # the common case, without the block cache (same arithmetic)
            for view in self.views:
                mine, other = view[side], view[1 - side]
                whole = mine.sizes[k]
                if whole:
                    covered = (mine.bits[k] & other.bits[start]).bit_count()
                    total += (covered + len(mine.rare[k] & other.rare[start])) / whole
            return total / len(self.views)
        for view in range(len(self.views)):
            mine = self.views[view][side]
            whole = mine.sizes[k]
            if whole:
                _size, bits, rare = self._block(view, 1 - side, start, size)
                covered = (mine.bits[k] & bits).bit_count() + len(mine.rare[k] & rare)
                total += covered / whole
        return total / len(self.views)

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
        self._one_to_one.clear()  # memoised gains and evidence used the old chance levels
        self._evidence.clear()
        self._chance_arrays = None
        for side, (count, other) in enumerate(((n, m), (m, n))):
            pairs = [[s for s in (partner[side][k] + d for d in offsets) if 0 <= s < other]
                     for k in range(count)]  # fmt: skip
            for k, values in enumerate(self._coverages(side, pairs)):
                if values:
                    local = sum(values) / len(values)
                    self.chance[side][k] = (self.chance[side][k] + local) / 2

    def _coverages(self, side: int, starts: list[list[int]]) -> list[list[float]]:
        return coverages(self, side, starts)

    def _weights(self, side: int) -> list[float]:
        """Evidence weight per sentence: a 2-character fragment proves little either way."""
        count = len(self.views[0][side].sizes)
        sizes = [sum(v[side].sizes[k] for v in self.views) for k in range(count)]
        if not sizes:
            return []
        typical = sorted(sizes)[len(sizes) // 2] or 1
        return [min(1.0, size / typical) ** self.params.weight_power for size in sizes]

    def evidence(self, i: int, a: int, j: int, b: int) -> float:
        """Mean coverage above chance of the bead's sentences (no margin, no costs).

        Memoised until ``localize`` changes the chance levels: the repairs, the
        glue checks and the confidences judge the same links again (a quarter
        of the asks are new on the synthetic documents).
        """
        key = (i, a, j, b)
        value = self._evidence.get(key)
        if value is None:
            value = self._evidence[key] = self._evidence_of(i, a, j, b)
        return value

    def _evidence_of(self, i: int, a: int, j: int, b: int) -> float:
        total = 0.0
        for k in range(i, i + a):
            total += self.coverage(0, k, j, b) - self.chance[0][k] * self.growth[0].get(b, 1.0)
        for k in range(j, j + b):
            total += self.coverage(1, k, i, a) - self.chance[1][k] * self.growth[1].get(a, 1.0)
        return total / (a + b)

    def length_cost(self, i: int, a: int, j: int, b: int) -> float:
        """Gale-Church cost (nats): how unlikely the two sides' character lengths are (memoised)."""
        key = (i, a, j, b)
        value = self._lengths.get(key)
        if value is None:
            value = self._lengths[key] = self._length_cost(i, a, j, b)
        return value

    def _length_cost(self, i: int, a: int, j: int, b: int) -> float:
        ll = self._left_prefix[i + a] - self._left_prefix[i]
        rl = self._right_prefix[j + b] - self._right_prefix[j]
        expected = ll * self.ratio
        delta = (rl - expected) / math.sqrt(expected * self.params.length_variance)
        return -math.log(max(math.erfc(abs(delta) / _SQRT2), 1e-300))

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
                value = self._one_to_one[key] = self._gain_one(i, j)
            return value
        return self._gain(i, a, j, b)

    def _gain_one(self, i: int, j: int) -> float:
        """``_gain(i, 1, j, 1)`` from one overlap count per view (the coarse pass's only shape).

        Same arithmetic in the same order as the general case, written out
        because the coarse pass evaluates it for every cell of a wide band.
        """
        p = self.params
        left_cover = right_cover = 0.0
        for lefts, rights in self.views:
            inter = (lefts.bits[i] & rights.bits[j]).bit_count()
            inter += len(lefts.rare[i] & rights.rare[j])
            own = lefts.sizes[i]
            if own:
                left_cover += inter / own
            own = rights.sizes[j]
            if own:
                right_cover += inter / own
        count = len(self.views)
        cover = left_cover / count - self.chance[0][i] * self.growth[0][1]
        bonus = p.link_bonus if cover > p.link_evidence else 0.0
        value = 0.0 + self.weights[0][i] * (cover - p.margin + bonus)
        cover = right_cover / count - self.chance[1][j] * self.growth[1][1]
        bonus = p.link_bonus if cover > p.link_evidence else 0.0
        value += self.weights[1][j] * (cover - p.margin + bonus)
        la, ra = self.left_anchors[i], self.right_anchors[j]
        if la and ra:
            value += p.anchor_weight * pinned_dice(la, ra, self.pinned, self.pin_weight)
        ll = self._left_prefix[i + 1] - self._left_prefix[i]  # length_cost(i, 1, j, 1)
        rl = self._right_prefix[j + 1] - self._right_prefix[j]
        expected = ll * self.ratio
        delta = (rl - expected) / math.sqrt(expected * p.length_variance)
        return value - p.length_weight * -math.log(max(math.erfc(abs(delta) / _SQRT2), 1e-300))

    def _gain(self, i: int, a: int, j: int, b: int) -> float:
        p = self.params
        value = 0.0
        for side, ks, start, size in ((0, range(i, i + a), j, b), (1, range(j, j + b), i, a)):
            growth = self.growth[side].get(size, 1.0)
            for k in ks:
                cover = self._coverage(side, k, start, size) - self.chance[side][k] * growth
                bonus = p.link_bonus if cover > p.link_evidence else 0.0
                value += self.weights[side][k] * (cover - p.margin + bonus)
        la, ra = self._anchors(0, i, a), self._anchors(1, j, b)
        if la and ra:
            value += p.anchor_weight * pinned_dice(la, ra, self.pinned, self.pin_weight)
        length_cost = self.length_cost(i, a, j, b)
        if a + b > 2:  # extra sentences pay in proportion to their evidence weight
            weights = self.weights
            mean_weight = (sum(weights[0][i : i + a]) + sum(weights[1][j : j + b])) / (a + b)
            value -= p.merge_cost * (a + b - 2) * mean_weight
        return value - p.length_weight * length_cost
