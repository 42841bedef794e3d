"""A learned decision on each link: kept whole, cut to one of its parts, or taken apart.

Why: three rounds of narrow rules at the aligner's decision points (rare-key end
shedding, anchor joins, cognate anchors, in-order gap pairing, the one-language link
split) each gained a bead or two on the dev pairs they were written on and moved no
unseen bead: hand thresholds fit the shapes of the pairs they were read from.  This
module asks one question of every link the aligner returns, over the evidence the
aligner already computes (mean and weakest sentence evidence, length cost, shared
anchors and rare keys, raw similarity, how much the pair sees, whether its neighbours
link, how far it strays from their diagonal, the bead's shape, one language or two):
*is this a gold bead?*  It asks the same of each contiguous part of a many-sided link
(a neighbour glued to a right 1-1 leaves a right part).  A logistic model fitted on all
the dev gold (``benchmarks/align_decision_fit.py``, numpy there; weights shipped as
``align_decision.json``) answers; a link whose best candidate is below
``AlignParams.decision_keep_below`` comes apart into unmatched sentences, and a part
that beats its whole by ``decision_part_gain`` replaces it (the rest unmatched).

Moves are left alone (they are judged by their own steps); long pairs (``long_glue_min``
sentences a side: a translation where nearly every sentence links) are out of the
model's training data and are left alone too.  Everything is constant work per link
(parts of at most ``MAX_PART`` sentences), so the aligner stays linear.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from workbench.core.align_confidence import link_probability, sentence_evidence
from workbench.core.align_rare import sentence_keys
from workbench.core.align_repair import Bead, moves_remapped
from workbench.core.align_scoring import AlignParams, BeadScorer

#: the model's inputs, in order (``bead_features``); the shipped weights name them too
DECISION_FEATURES = (
    "mean evidence",
    "weakest evidence",
    "length cost",
    "glue logit",
    "anchor dice",
    "rare key dice",
    "similarity",
    "extra sentences",
    "pair median evidence",
    "linked neighbours",
    "diagonal skew",
    "one language",
    "one language x mean evidence",
    "one language x weakest evidence",
    "part of a link",
    "joins a neighbour",
)
WEIGHTS_FILE = "align_decision.json"
#: the one-language model (round 20: fitted on the one-language dev pairs alone)
ONE_LANGUAGE_WEIGHTS_FILE = "align_decision_one.json"
#: a part holds at most this many sentences (both sides); a larger link is only kept or not
MAX_PART = 5
#: a link of more sentences than this offers no parts (constant work per link)
MAX_PARTED = 8
#: a length cost beyond this says only "the lengths do not fit" (a feature's range)
LENGTH_CAP = 20.0
#: how far a link may stray from its neighbours' diagonal before it counts the same
SKEW_CAP = 3.0


@dataclass(frozen=True)
class DecisionModel:
    """A logistic model over ``DECISION_FEATURES`` (standardised: ``(x - mean) / scale``)."""

    features: tuple[str, ...]
    weights: tuple[float, ...]  # bias first, then one per feature
    mean: tuple[float, ...]
    scale: tuple[float, ...]

    def probability(self, feats: Sequence[float]) -> float:
        """The modelled chance that a candidate with these features is a gold bead."""
        z = self.weights[0]
        for w, x, mu, s in zip(self.weights[1:], feats, self.mean, self.scale, strict=True):
            z += w * (x - mu) / s
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def to_json(self) -> dict:
        return {"features": list(self.features), "weights": list(self.weights),
                "mean": list(self.mean), "scale": list(self.scale)}  # fmt: skip

    @classmethod
    def from_json(cls, data: dict) -> DecisionModel:
        return cls(tuple(data["features"]), tuple(float(x) for x in data["weights"]),
                   tuple(float(x) for x in data["mean"]),
                   tuple(float(x) or 1.0 for x in data["scale"]))  # fmt: skip


@lru_cache(maxsize=2)
def shipped_model(one_language: bool = False) -> DecisionModel | None:
    """The weights shipped with the package (``None`` when absent or for other features).

    One-language pairs compared directly have a model of their own: their links' evidence
    is of another scale (a copy's sentences cover each other whole).
    """
    name = ONE_LANGUAGE_WEIGHTS_FILE if one_language else WEIGHTS_FILE
    ref = resources.files("workbench.core").joinpath(name)
    if not ref.is_file():
        return None
    model = DecisionModel.from_json(json.loads(ref.read_text(encoding="utf-8")))
    return model if model.features == DECISION_FEATURES else None


@dataclass(frozen=True)
class PairContext:
    """What the features read of the whole pair: one language or two, median evidence, keys."""

    one_language: bool
    median: float
    keys: tuple[list[frozenset[str]], list[frozenset[str]]]


def pair_context(
    left: Sequence[str], right: Sequence[str], beads: list[Bead], scorer: BeadScorer,
    one_language: bool,
) -> PairContext:  # fmt: skip
    """The pair's context: its median sentence evidence and each sentence's rare keys.

    A rare key (``align_rare.sentence_keys``: a word's first or last five letters, a
    number) is held by at most two sentences of each side: what only that part of the
    story tells.  Counted in either kind of pair (across languages: names and figures).
    """
    sides = [[sentence_keys(t, 5, True) for t in texts] for texts in (left, right)]
    counts = [Counter(k for keys in side for k in keys) for side in sides]
    rare = {k for k, n in counts[0].items() if n <= 2 and 0 < counts[1].get(k, 0) <= 2}
    keys = ([s & rare for s in sides[0]], [s & rare for s in sides[1]])
    values: list[float] = []
    for bead in beads:
        value = scorer.evidence(*_span(bead)) if bead.left and bead.right else 0.0
        values.extend([value] * len(bead.left))
    values.sort()
    median = values[len(values) // 2] if values else 0.0
    return PairContext(one_language, median, keys)


def candidates(bead: Bead) -> list[Bead]:
    """The link itself, then each contiguous part with a sentence on each side.

    Parts hold at most ``MAX_PART`` sentences, and a link of more than ``MAX_PARTED``
    offers none: constant work per link.
    """
    out = [bead]
    a, b = len(bead.left), len(bead.right)
    if a + b <= 2 or a + b > MAX_PARTED:
        return out
    for ls in range(a):
        for le in range(ls + 1, a + 1):
            for rs in range(b):
                for re_ in range(rs + 1, b + 1):
                    size = (le - ls) + (re_ - rs)
                    if size < a + b and size <= MAX_PART:
                        left, right = bead.left[ls:le], bead.right[rs:re_]
                        out.append(Bead(left, right, 0.0, f"{len(left)}-{len(right)}"))
    return out


def bead_features(
    part: Bead, whole: Bead, beads: list[Bead], k: int, scorer: BeadScorer, ctx: PairContext,
    params: AlignParams,
) -> tuple[float, ...]:  # fmt: skip
    """``DECISION_FEATURES`` of ``part``: ``whole`` (``beads[k]``) itself or one of its parts."""
    values = sentence_evidence(part, scorer)
    mean, weakest = sum(values) / len(values), min(values)
    i, a, j, b = _span(part)
    cost = min(LENGTH_CAP, scorer.length_cost(i, a, j, b))
    glue = link_probability((mean, weakest, cost), params)
    logit = math.log(max(glue, 1e-6) / max(1.0 - glue, 1e-6))
    la, ra = scorer._anchors(0, i, a), scorer._anchors(1, j, b)
    anchor = 2.0 * len(la & ra) / (len(la) + len(ra)) if la and ra else 0.0
    lk = frozenset().union(*(ctx.keys[0][x] for x in part.left))
    rk = frozenset().union(*(ctx.keys[1][x] for x in part.right))
    rare = 2.0 * len(lk & rk) / (len(lk) + len(rk)) if lk and rk else 0.0
    linked = sum(1 for n in (k - 1, k + 1)
                 if 0 <= n < len(beads) and beads[n].left and beads[n].right)  # fmt: skip
    one = 1.0 if ctx.one_language else 0.0
    return (
        mean, weakest, cost, logit, anchor, rare, scorer.similarity(i, a, j, b),
        a + b - 2.0, ctx.median, float(linked), _skew(part, beads, k), one, one * mean,
        one * weakest, 1.0 if _inside(part, whole) and part is not whole else 0.0,
        0.0 if _inside(part, whole) else 1.0,
    )  # fmt: skip


def _inside(part: Bead, whole: Bead) -> bool:
    return set(part.left) <= set(whole.left) and set(part.right) <= set(whole.right)


def _skew(part: Bead, beads: list[Bead], k: int) -> float:
    """How far the candidate strays from the diagonal of the nearest links before and after.

    Why: a right link continues its neighbours' pairing (the unmatched runs on the two
    sides before and after it are about as long); a chain shift or a wrong partner
    across a gap skips more sentences on one side than on the other.
    """
    prev = next((b for b in reversed(beads[:k]) if b.left and b.right), None)
    after = next((b for b in beads[k + 1:] if b.left and b.right), None)
    skews = []
    if prev is not None:
        skews.append(abs((part.left[0] - prev.left[-1]) - (part.right[0] - prev.right[-1])))
    if after is not None:
        skews.append(abs((after.left[0] - part.left[-1]) - (after.right[0] - part.right[-1])))
    return min(SKEW_CAP, sum(skews) / len(skews)) if skews else 0.0


Scored = list[tuple[Bead, tuple[float, ...]]]


def link_candidates(
    beads: list[Bead], scorer: BeadScorer, ctx: PairContext, params: AlignParams,
    joins: bool = False,
) -> dict[int, Scored]:  # fmt: skip
    """For each link (not moves), its candidates with their features, by bead index.

    ``joins``: also the link with one unmatched sentence next to an end of either side
    (``joined``), after its parts.
    """
    out: dict[int, Scored] = {}
    free = _unmatched(beads)
    for k, bead in enumerate(beads):
        if not bead.left or not bead.right or bead.move_to is not None:
            continue
        cands = candidates(bead) + (joined(bead, free) if joins else [])
        out[k] = [(c, bead_features(c, bead, beads, k, scorer, ctx, params)) for c in cands]
    return out


def _unmatched(beads: list[Bead]) -> tuple[dict[int, int], dict[int, int]]:
    """Per side, each unmatched sentence (no link, no move) and the index of its bead."""
    free: tuple[dict[int, int], dict[int, int]] = ({}, {})
    for k, bead in enumerate(beads):
        if bead.move_to is None and bool(bead.left) != bool(bead.right):
            side = 0 if bead.left else 1
            free[side][(bead.left or bead.right)[0]] = k
    return free


def joined(bead: Bead, free: tuple[dict[int, int], dict[int, int]]) -> list[Bead]:
    """The link with one unmatched neighbour of either side's first or last sentence.

    Why: most wrong links of the dev rewrites are the 1-1 core of a gold 2-1 or 1-2 (round
    19): the other half sits unmatched right next to it.  At most four candidates.
    """
    out = []
    if len(bead.left) + len(bead.right) >= MAX_PART:
        return out
    for x in (bead.left[0] - 1, bead.left[-1] + 1):
        if x in free[0]:
            left = tuple(sorted((*bead.left, x)))
            out.append(Bead(left, bead.right, 0.0, f"{len(left)}-{len(bead.right)}"))
    for x in (bead.right[0] - 1, bead.right[-1] + 1):
        if x in free[1]:
            right = tuple(sorted((*bead.right, x)))
            out.append(Bead(bead.left, right, 0.0, f"{len(bead.left)}-{len(right)}"))
    return out


def apply_decisions(
    beads: list[Bead], scored: dict[int, Scored], model: DecisionModel, keep_below: float,
    part_gain: float, join_gain: float = -1.0,
) -> list[Bead]:  # fmt: skip
    """Each scored link kept, cut to its best part, joined to a neighbour or taken apart.

    A part replaces the link when the model rates it ``part_gain`` above the whole, a
    join (the link with an unmatched neighbour) when rated ``join_gain`` above it (< 0:
    off); the chosen candidate is dropped into unmatched sentences when rated below
    ``keep_below``.  The sentences a part leaves out become unmatched, in order, and an
    unmatched sentence is joined to one link at most, so the beads stay monotonic.
    Moves' indices are remapped.
    """
    free = _unmatched(beads)
    chosen: dict[int, Bead | None] = {}
    taken: set[int] = set()
    for k in sorted(scored):
        chosen[k] = _choose(beads[k], scored[k], model, (keep_below, part_gain, join_gain),
                            free, taken)  # fmt: skip
    out: list[Bead] = []
    index: dict[int, int] = {}
    for k, bead in enumerate(beads):
        index[k] = len(out)
        if k in taken:
            continue
        if k not in chosen:
            out.append(bead)
        elif chosen[k] is None:
            out.extend(_apart(bead.left, bead.right))
        else:
            out.extend(_around(bead, chosen[k]))  # type: ignore[arg-type]
    return moves_remapped(out, index)


def _choose(
    bead: Bead, scored: Scored, model: DecisionModel, levels: tuple[float, float, float],
    free: tuple[dict[int, int], dict[int, int]], taken: set[int],
) -> Bead | None:  # fmt: skip
    """The candidate a link becomes (``None``: taken apart); a join marks its neighbour taken."""
    keep_below, part_gain, join_gain = levels
    probs = [model.probability(f) for _, f in scored]
    choice, best = bead, probs[0]
    for n in range(1, len(scored)):
        cand = scored[n][0]
        inside = _inside(cand, bead)
        gain = part_gain if inside else join_gain
        if gain < 0 or probs[n] <= best + gain or (not inside and _neighbour(cand, bead, free)
                                                   in taken):  # fmt: skip
            continue
        choice, best = cand, probs[n]
    if best < keep_below:
        return None
    if not _inside(choice, bead):
        taken.add(_neighbour(choice, bead, free))
        return replace(choice, score=bead.score)
    return bead if choice is bead else replace(choice, score=bead.score)


def _neighbour(cand: Bead, bead: Bead, free: tuple[dict[int, int], dict[int, int]]) -> int:
    """The bead index of the unmatched sentence a join adds to ``bead``."""
    extra = set(cand.left) - set(bead.left)
    if extra:
        return free[0][extra.pop()]
    return free[1][(set(cand.right) - set(bead.right)).pop()]


def _around(bead: Bead, part: Bead) -> list[Bead]:
    """``part`` in place of ``bead``, the sentences it leaves out unmatched before and after."""
    before = _apart([x for x in bead.left if x < part.left[0]],
                    [x for x in bead.right if x < part.right[0]])  # fmt: skip
    after = _apart([x for x in bead.left if x > part.left[-1]],
                   [x for x in bead.right if x > part.right[-1]])  # fmt: skip
    return [*before, part, *after]


def _apart(left: Sequence[int], right: Sequence[int]) -> list[Bead]:
    return [Bead((x,), (), 0.0, "1-0") for x in left] + [Bead((), (x,), 0.0, "0-1") for x in right]


def decide_links(
    left: Sequence[str], right: Sequence[str], beads: list[Bead], scorer: BeadScorer,
    params: AlignParams, one_language: bool, model: DecisionModel | None = None,
) -> list[Bead]:  # fmt: skip
    """The learned decision on every link of a pair (``AlignParams.decision_*``).

    Off (the beads unchanged) when the pair's levels (``decision_levels``) are all below
    0, when the pair's kind is outside ``decision_scope`` (1: one language compared
    directly, 2: two languages, 3: both), in a long pair, or when no weights are shipped.
    """
    levels = decision_levels(params, one_language)
    if max(levels) < 0:
        return beads
    if not params.decision_scope & (1 if one_language else 2):
        return beads
    if min(scorer.counts) >= params.long_glue_min:
        return beads
    model = model or shipped_model(one_language)
    if model is None:
        return beads
    ctx = pair_context(left, right, beads, scorer, one_language)
    scored = link_candidates(beads, scorer, ctx, params, levels[2] >= 0)
    return apply_decisions(beads, scored, model, *levels)


def decision_levels(params: AlignParams, one_language: bool) -> tuple[float, float, float]:
    """(keep_below, part_gain, join_gain) for a pair of one language or of two.

    Why two sets: the one-language model is fitted apart and its levels chosen apart
    (round 20); joins stay off for one language (no fold chose them, round 19).
    """
    if one_language:
        return (params.one_language_decision_keep_below,
                params.one_language_decision_part_gain, -1.0)  # fmt: skip
    return (params.decision_keep_below, params.decision_part_gain, params.decision_join_gain)


def _span(bead: Bead) -> tuple[int, int, int, int]:
    return bead.left[0], len(bead.left), bead.right[0], len(bead.right)
