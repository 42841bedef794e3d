"""Are two texts versions of one story at all?  Alignment evidence against chance.

A pair of unrelated texts still aligns: the aligner links whatever sentences
share a few n-grams, and a reader then gets a page of "changed 99 %" rows.  So
after aligning we ask how many sentences are linked with evidence clearly above
*chance*, where chance is the mean similarity of arbitrary sentence pairs of the
same two documents (so a topic's shared vocabulary, or one language's function
words, are part of the baseline, not evidence).

The verdict counts evidenced links against the shorter side: a three-sentence
update that repeats three sentences of a sixty-sentence story is related,
although most of the long side is new; a bead merging many sentences counts
once, so one lucky multi-sentence link does not make two stories related.
Texts in two languages without a machine translation cannot be judged
(``"unknown"``): their lexical similarity is at chance by nature.  Nor can texts
whose every sentence pair is linked (one sentence a side): no pair is left to
measure chance on.

Pure: lists of strings and index tuples in, a dataclass out.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from workbench.core.similarity import ProfileBuilder, dice

#: Similarity above the documents' chance level that counts a link as evidence.
EVIDENCE_MARGIN = 0.25
#: Evidenced links per sentence of the shorter side needed to call a pair related.
#: Dev (stories-dev, 8 same-language page pairs): versions of one story .21-.71,
#: other stories on the same topic .08-.21 (they share background paragraphs).
MIN_RELATED_SHARE = 0.10
#: Sentence pairs sampled to estimate chance similarity on long documents.
CHANCE_SAMPLE = 4000

RELATED, UNRELATED, UNKNOWN = "related", "unrelated", "unknown"


@dataclass(frozen=True)
class Relatedness:
    """The verdict and the figures it rests on (JSON-ready through ``asdict``)."""

    relation: str
    share: float  # evidenced links / sentences of the shorter side
    chance: float  # mean similarity of arbitrary sentence pairs
    evidenced_links: int


def _chance(left: list[frozenset[str]], right: list[frozenset[str]]) -> float:
    """Mean Dice of arbitrary sentence pairs (all pairs, or a fixed random sample)."""
    n, m = len(left), len(right)
    if n * m <= CHANCE_SAMPLE:
        pairs = [(i, j) for i in range(n) for j in range(m)]
    else:
        rng = random.Random(n * 7919 + m)  # deterministic: same texts, same verdict
        pairs = [(rng.randrange(n), rng.randrange(m)) for _ in range(CHANCE_SAMPLE)]
    return sum(dice(left[i], right[j]) for i, j in pairs) / len(pairs)


def _unlinked_pairs(n: int, m: int, links: Sequence[tuple[Sequence[int], Sequence[int]]]) -> int:
    """Sentence pairs no bead links: what chance can be measured on.

    Why (round 35): with none (one sentence a side, as when only headlines are
    compared, or one bead holding both texts) chance is the links' own similarity,
    which no link can exceed by the margin: identical headlines were "unrelated".
    Beads are disjoint, so the linked pairs are the sum of their sides' products.
    """
    return n * m - sum(len(lids) * len(rids) for lids, rids in links)


def relatedness(
    left: Sequence[str],
    right: Sequence[str],
    links: Sequence[tuple[Sequence[int], Sequence[int]]],
) -> Relatedness:
    """Judge ``left`` vs ``right`` (same language, or ``left`` already in MT) by ``links``.

    ``links`` are the aligned beads' sentence indices; beads with an empty side
    are ignored.
    """
    if not left or not right or not _unlinked_pairs(len(left), len(right), links):
        return Relatedness(UNKNOWN, 0.0, 0.0, 0)
    builder = ProfileBuilder()
    lp = [builder.profile(t) for t in left]
    rp = [builder.profile(t) for t in right]
    chance = _chance(lp, rp)
    evidenced = 0
    for lids, rids in links:
        if not lids or not rids:
            continue
        a = frozenset().union(*(lp[i] for i in lids))
        b = frozenset().union(*(rp[j] for j in rids))
        if dice(a, b) >= chance + EVIDENCE_MARGIN:
            evidenced += 1
    share = evidenced / min(len(left), len(right))
    relation = RELATED if share >= MIN_RELATED_SHARE else UNRELATED
    return Relatedness(relation, round(share, 4), round(chance, 4), evidenced)
