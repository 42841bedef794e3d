"""The confidence a reader sees: a calibrated chance that a link is right.

Why apart from the glue checks' link probability (``align_confidence``): that
model decides which beads the aligner keeps, and its three features (mean and
weakest sentence evidence, length cost) mean different things in different
settings.  A translation seen through real MT shows .3-.6 coverage above
chance on a right link; a paraphrase from another agency compared without
informative MT (the stand-in models copy) shows .05-.15 on a right link, so
the glue model gave right paraphrase links confidences under .2 and the
reader was told to distrust what was in fact right.  The calibrated model
adds what tells those settings apart and what a reader would weigh: how much
the pair as a whole sees (its median sentence evidence), shared anchors
(numbers, names), whether the bead's neighbours are links too, the bead's
size and its raw similarity.

The weights (``AlignParams.calibration``, in the order of
``CALIBRATION_FEATURES``) are a logistic regression fitted by
``benchmarks/align_confidence_fit.py`` on the links the aligner predicts on
every dev set (Text+Berg parts with each MT, synthetic edits, the cipher set,
the real-story pairs on the product path), judged against the gold, and
checked leaving one group out (reliability table and ECE there).  Changing
them changes no alignment, only the reported confidence (and with it which
rows are ``uncertain``: ``statuses.UNCERTAIN_BELOW``).

An unmatched sentence's confidence is the calibrated chance that it has no
counterpart (``UNMATCHED_FEATURES``, weights ``AlignParams.unmatched_calibration``,
same fit and checks).  Before, it was one minus the best link probability
with a nearby sentence, which said nothing about how much the pair sees: a
paraphrase's unmatched sentences got .45 whether or not the other agency told
them too (most did, regrouped).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace

from workbench.core.align_confidence import (
    best_neighbour,
    features,
    link_probability,
    sentence_evidence,
)
from workbench.core.align_repair import Bead
from workbench.core.align_scoring import AlignParams, BeadScorer

#: what ``link_features`` returns, in order (the calibration weights follow it, bias first)
CALIBRATION_FEATURES = (
    "glue logit",
    "anchor dice",
    "extra sentences",
    "similarity",
    "pair median evidence",
    "linked neighbours",
    "glue logit x pair median",
)
#: ``with_confidence``'s ``cut`` when neither side's last sentence was cut by the capture
NO_CUT = (False, False)
#: how often a strong half (``align_ordered_halves``: four or more of the sentence's keys only
#: the half holds, all told after the partner's) is the rest of the sentence: round 32's count
#: of every unmatched neighbour beside a one-sentence link of the dev rewrites and copies had
#: 3 gold joins and no other bead in that row; by the rule of succession (3 + 1) / (3 + 2)
STRONG_HALF_RIGHT = 0.8
#: what ``unmatched_features`` returns, in order (``AlignParams.unmatched_calibration``)
UNMATCHED_FEATURES = (
    "best neighbour logit",
    "pair median evidence",
    "best neighbour logit x pair median",
    "other side open in the gap",
    "sentence weight",
)


def with_confidence(
    beads: list[Bead], scorer: BeadScorer, params: AlignParams, cut: tuple[bool, bool] = NO_CUT
) -> list[Bead]:
    """Every bead with its ``confidence``.

    A link (and a move, judged as the link of its two halves): the calibrated
    chance that it is right.  An unmatched sentence: the calibrated chance that
    it has no counterpart (``unmatched_features``).  ``cut``: whether each
    side's last sentence does not end like a sentence (``link_features``).
    """
    median = pair_median_evidence(beads, scorer)
    gaps = gap_sides(beads)
    result = []
    for k, bead in enumerate(beads):
        if bead.left and bead.right:
            feats = link_features(bead, scorer, median, linked_neighbours(beads, k), params, cut)
            value = calibrated_probability(feats, params)
        elif bead.move_to is not None:
            other = beads[bead.move_to]
            pair = Bead(bead.left or other.left, bead.right or other.right, 0.0, "")
            feats = link_features(pair, scorer, median, linked_neighbours(beads, k), params, cut)
            value = calibrated_probability(feats, params)
        else:
            other = gaps[k][1] if bead.left else gaps[k][0]
            feats = unmatched_features(beads, k, scorer, median, params, other)
            value = calibrated_probability(feats, params, params.unmatched_calibration)
        result.append(replace(bead, confidence=round(value, 3)))
    return result


def strong_join_confidence(
    beads: list[Bead], strong: Mapping[tuple[tuple[int, ...], tuple[int, ...]],
                                       tuple[tuple[int, ...], tuple[int, ...]]],
    scorer: BeadScorer, params: AlignParams, cut: tuple[bool, bool] = NO_CUT,
) -> list[Bead]:  # fmt: skip
    """``beads`` (with ``with_confidence``'s confidences) where each strong join (a link
    ``align_ordered_halves`` grew by the strong reading, mapped to the link ``W : P`` it grew
    from) is rated from its own evidence: the calibrated chance that ``W`` tells ``P`` (the
    link as the model rates any link, in its place) times ``STRONG_HALF_RIGHT``, the chance
    that the half's ordered keys are the rest of ``W``.

    Why: the strong reading joins a half *because* the glue model cannot rate an uneven 2-1
    (lengths and coverage), so that model's rating of the joined link is no evidence (round
    32: batch 17's right join ``L17 : R[14, 15]`` was shown at .05).  No strong join: the beads
    as given, every confidence untouched."""
    if not strong:
        return beads
    median = pair_median_evidence(beads, scorer)
    out = list(beads)
    for k, bead in enumerate(beads):
        grew = strong.get((bead.left, bead.right))
        if grew is None or bead.move_to is not None:
            continue
        partner = Bead(grew[0], grew[1], bead.score, f"{len(grew[0])}-{len(grew[1])}")
        feats = link_features(partner, scorer, median, linked_neighbours(beads, k), params, cut)
        value = calibrated_probability(feats, params) * STRONG_HALF_RIGHT
        out[k] = replace(bead, confidence=round(value, 3))
    return out


def pair_median_evidence(beads: list[Bead], scorer: BeadScorer) -> float:
    """Median evidence per left sentence over the pair (unmatched sentences count 0)."""
    values: list[float] = []
    for bead in beads:
        value = scorer.evidence(*_span(bead)) if bead.left and bead.right else 0.0
        values.extend([value] * len(bead.left))
    values.sort()
    return values[len(values) // 2] if values else 0.0


def link_features(
    bead: Bead, scorer: BeadScorer, median: float, neighbours: int, params: AlignParams,
    cut: tuple[bool, bool] = NO_CUT,
) -> tuple[float, ...]:  # fmt: skip
    """``CALIBRATION_FEATURES`` of a link (``neighbours``: how many of the two adjacent beads link).

    The glue model's logit carries the bead's own evidence (mean and weakest
    sentence, length cost); its product with the pair's median evidence lets
    the same evidence count for less in a pair that sees much (Text+Berg with
    MT, a copy) than in one that sees little (a paraphrase without MT).  A link
    holding a side's ``cut`` last sentence is judged as ``cut_features`` says.
    """
    glue = link_probability(cut_features(bead, scorer, cut), params)
    logit = math.log(max(glue, 1e-6) / max(1.0 - glue, 1e-6))
    i, a, j, b = _span(bead)
    la, ra = scorer._anchors(0, i, a), scorer._anchors(1, j, b)
    anchor = 2.0 * len(la & ra) / (len(la) + len(ra)) if la and ra else 0.0
    similarity = scorer.similarity(i, a, j, b)
    return (
        logit,
        anchor,
        a + b - 2.0,
        similarity,
        median,
        float(neighbours),
        logit * median,
    )


def unmatched_features(
    beads: list[Bead], k: int, scorer: BeadScorer, median: float, params: AlignParams,
    other_open: bool,
) -> tuple[float, ...]:  # fmt: skip
    """``UNMATCHED_FEATURES`` of the unmatched sentence ``beads[k]``.

    Why these: the glue model's best link probability with a nearby sentence
    of the other side says whether a counterpart was in reach; what that is
    worth depends on how much the pair sees (as for links).  A gap with
    unmatched sentences on the other side too (``other_open``, from
    ``gap_sides``) is where the aligner may have missed a pairing (a
    paraphrase regrouped); a sentence alone in its gap is an addition or a
    removal, or a fragment of a neighbouring link.  Short fragments
    (``BeadScorer.weights``) are the usual such pieces.
    """
    bead = beads[k]
    side = 0 if bead.left else 1
    best = best_neighbour(beads, k, scorer, params)
    logit = math.log(max(best, 1e-6) / max(1.0 - best, 1e-6))
    weight = scorer.weights[side][(bead.left or bead.right)[0]]
    return (logit, median, logit * median, float(other_open), weight)


def cut_features(bead: Bead, scorer: BeadScorer, cut: tuple[bool, bool]) -> tuple[float, ...]:
    """The glue model's features of a link, for a link that may hold a capture's cut.

    Why: where a side's last sentence does not end like a sentence (``cut``:
    the capture stopped inside it, "Die Versorgung d"), a link holding it
    pairs a prefix with a whole sentence.  The rest of that sentence was
    never captured, so the other side's counterpart (the link's last sentence
    there) cannot be covered and the lengths cannot match: that sentence's
    evidence and the length cost say nothing about the link, and only the rest
    counts (the fragment above, covered .76 above chance by its whole copy,
    had confidence .0 for the length and the copy's uncovered rest alone).
    Otherwise ``align_confidence.features``.
    """
    counts = scorer.counts
    ends = (cut[0] and bead.left[-1] == counts[0] - 1, cut[1] and bead.right[-1] == counts[1] - 1)
    if not any(ends):
        return features(bead, scorer)
    values = sentence_evidence(bead, scorer)
    # left's cut end drops right's last sentence (the last value), right's drops left's last
    blind = {len(values) - 1} if ends[0] else set()
    blind |= {len(bead.left) - 1} if ends[1] else set()
    kept = [v for x, v in enumerate(values) if x not in blind] or values
    return sum(kept) / len(kept), min(kept), 0.0


def gap_sides(beads: list[Bead]) -> list[tuple[bool, bool]]:
    """For each bead, whether its gap (run between links) has unmatched left / right sentences.

    One pass over the beads (a per-sentence scan of its gap was quadratic on two
    unrelated long documents, where the whole pair is one gap).  Moves do not count.
    """
    out = [(False, False)] * len(beads)
    k = 0
    while k < len(beads):
        if beads[k].left and beads[k].right:
            k += 1
            continue
        end = k
        while end < len(beads) and not (beads[end].left and beads[end].right):
            end += 1
        run = [b for b in beads[k:end] if b.move_to is None]
        sides = (any(b.left for b in run), any(b.right for b in run))
        out[k:end] = [sides] * (end - k)
        k = end
    return out


def calibrated_probability(
    feats: tuple[float, ...],
    params: AlignParams,
    weights: tuple[float, ...] | None = None,
) -> float:
    """Logistic model: ``weights`` (default ``params.calibration``) = bias, then one per feature."""
    weights = weights if weights is not None else params.calibration
    z = weights[0] + sum(w * f for w, f in zip(weights[1:], feats, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def linked_neighbours(beads: list[Bead], k: int) -> int:
    """How many of the beads right before and after ``k`` are links (0-2)."""
    return sum(
        1 for n in (k - 1, k + 1) if 0 <= n < len(beads) and beads[n].left and beads[n].right
    )


def _span(bead: Bead) -> tuple[int, int, int, int]:
    return bead.left[0], len(bead.left), bead.right[0], len(bead.right)
