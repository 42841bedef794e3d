"""A paraphrase's merged sentence: the 1-1 core takes in the free half on the longer telling.

Why (round 39, ``beadsb39``): in the dev cross-language paraphrases the largest class of
missed sure beads, in every round since 21, is a merge read as its 1-1 core: the shorter
report tells two sentences of the longer one in one ("Мертва риба лежала вздовж берега …" +
"За добу волонтери … зібрали понад 800 кілограмів риби." / "Volunteers and municipal
workers removed roughly 800 kg of fish from a stretch of about 1.5 km within a day."), the
aligner links one half and leaves the other unmatched beside the link (``benchmarks/
align_joins.py --kinds paraphrase``: ``parts: link + unmatched``, 66 sure beads in 38
batches at START; batch 139 alone loses four so).  Round 27's length halves
(``align_length_halves``) read the same shape for translations at a gain of 5 nats of
Gale-Church cost: a faithful translation keeps its length, a paraphrase shortens, so the
joined bead fits better than the core but rarely by that much.

What tells a merge from a dropped neighbour here is the telling's shape: the side that
holds the free half tells more sentences than the other (``MERGE_HALF_RATIO``: the longer
telling, whose sentences the shorter one merges), the other side has no free sentence on
that end of the link (``best_length_half``'s own gate: else the half may be that sentence's
1-1), and the joined bead fits the lengths better by ``MERGE_HALF_GAIN`` nats, at most
``MERGE_HALF_COST`` after.  Two-language pairs only, after the length halves; never across
a role break, one half per link, moves left alone; linear in the beads.

``MERGE_HALF_GAIN`` < 0: off (shipped, a study).  Leave one batch out chose gain 2, ratio 1.0
in 77 of 77 folds (dev .888 / .856 -> .889 / .857, paraphrases .648 / .557 -> .648 / .564),
but the check's paraphrases lost .010 / .008 (.686 / .630 -> .676 / .622): the lengths alone
glue as many right 1-1s to a sentence one side told alone as they join halves
(``docs/align.md`` "Round 39 (beadsb39)").  Round 39 (``beadsd39``): a speech cue on the half or
the link's sentence (``MERGE_HALF_SPEECH``, ``core/speech_cues``) mends the check (-.002) but
takes the dev gain with it (left out .888 / .856 with the gate forced on): the dev halves joined
right are facts, not quotes; ships 0 ("Round 39 (beadsd39)").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from workbench.core.align_length_halves import best_length_half
from workbench.core.align_rejoin import free_sentences, join_links
from workbench.core.align_repair import Bead
from workbench.core.align_scoring import AlignParams, BeadScorer
from workbench.core.anchors import _small
from workbench.core.speech_cues import reports_speech

Breaks = tuple[frozenset[int], frozenset[int]]

#: nats of Gale-Church length cost the joined bead must save over the 1-1 core (< 0: off,
#: shipped: LOBO chose 2 in every fold, the check vetoed it; ``docs/align.md`` "Round 39")
MERGE_HALF_GAIN = -1.0
#: the joined bead's length cost at most (the length halves' own bar is 2 nats; a paraphrase
#: shortens, so its merge fits less well)
MERGE_HALF_COST = 5.0
#: the half's side tells at least this many times as many sentences as the other side
MERGE_HALF_RATIO = 1.2
#: 1: only a half that stands alone between links (no free sentence next to it on its side:
#: a run of free sentences is a passage one side told alone, not a merge's half)
MERGE_HALF_ALONE = 0
#: 1: a half that holds an anchor (a figure of 10 or more, a name: ``BeadScorer``'s anchors)
#: its partner lacks tells a fact of its own and stays out
MERGE_HALF_ANCHORS = 0
#: round 39 (``beadsd39``): 1: a half joins only when it or the link's sentence it joins
#: reports speech (``speech_cues``: a quote mark or a speech verb; a speaker's sentence and
#: his quote told as one); 2: only when the half itself does; 0: no such gate
MERGE_HALF_SPEECH = 0


def longer_sides(counts: tuple[int, int], ratio: float) -> frozenset[int]:
    """The sides whose telling is long enough against the other's for a merge to be read on
    the other (``counts``: each side's sentences); none when the two are of like size."""
    return frozenset(s for s in (0, 1) if counts[s] >= ratio * max(1, counts[1 - s]))


def join_merge_halves(
    beads: list[Bead], scorer: BeadScorer, params: AlignParams,
    breaks: Breaks = (frozenset(), frozenset()),
    texts: tuple[Sequence[str], Sequence[str]] | None = None,
) -> list[Bead]:  # fmt: skip
    """Each 1-1 link takes in its free neighbour on the longer telling's side when the lengths
    ask for it at the merge bar (module docstring).  Off at ``MERGE_HALF_GAIN`` < 0.
    ``texts``: both sides' sentences, read by the speech gate (``MERGE_HALF_SPEECH``)."""
    if MERGE_HALF_GAIN < 0:
        return beads
    sides = longer_sides(scorer.counts, MERGE_HALF_RATIO)
    if not sides:
        return beads
    loose = replace(params, length_half_gain=MERGE_HALF_GAIN, length_half_cost=MERGE_HALF_COST)
    free_all = free_sentences(beads)
    free = {k: n for k, n in free_all.items() if k[0] in sides and _alone(k, free_all)}
    links = {(s, (b.left, b.right)[s][0]): (b.right, b.left)[s][0]
             for b in beads if len(b.left) == len(b.right) == 1 for s in (0, 1)}
    free = {k: n for k, n in free.items() if not _own_anchor(k, links, scorer)}
    # every free sentence still blocks a half across from it (``best_length_half``'s gate),
    # but only ``free``'s are halves: the others are handed over as taken
    blocked = {k: n for k, n in free_all.items() if k not in free}
    taken = set(blocked.values())

    def find(bead: Bead, gone: set[int]) -> tuple[Bead, int] | None:
        mute = _unspoken(bead, free, texts) if MERGE_HALF_SPEECH and texts else set()
        return best_length_half(bead, free_all, gone | taken | mute, (scorer, loose, breaks))

    return join_links(beads, find, ones_only=True)


def _alone(at: tuple[int, int], free: dict[tuple[int, int], int]) -> bool:
    """Whether the free sentence ``at`` (side, index) has no free sentence next to it on its
    side (always at ``MERGE_HALF_ALONE`` 0)."""
    side, x = at
    return not MERGE_HALF_ALONE or ((side, x - 1) not in free and (side, x + 1) not in free)


def _own_anchor(at: tuple[int, int], links: dict[tuple[int, int], int],
                scorer: BeadScorer) -> bool:  # fmt: skip
    """Whether the free sentence ``at`` holds an anchor (no count under 10) that the partner
    of every 1-1 link next to it lacks (never at ``MERGE_HALF_ANCHORS`` 0)."""
    if not MERGE_HALF_ANCHORS:
        return False
    side, x = at
    own = scorer.left_anchors if side == 0 else scorer.right_anchors
    other = scorer.right_anchors if side == 0 else scorer.left_anchors
    keys = {k for k in own[x] if not _small(k)}
    partners = [links[side, y] for y in (x - 1, x + 1) if (side, y) in links]
    return bool(keys) and all(keys - other[p] for p in partners)


def _unspoken(bead: Bead, free: dict[tuple[int, int], int],
              texts: tuple[Sequence[str], Sequence[str]]) -> set[int]:  # fmt: skip
    """The bead indices of the 1-1 ``bead``'s free neighbours the speech gate keeps out: at
    ``MERGE_HALF_SPEECH`` 1 those where neither the neighbour nor the link's sentence beside it
    reports speech, at 2 those where the neighbour does not."""
    out: set[int] = set()
    for side, own in ((0, bead.left[0]), (1, bead.right[0])):
        spoken = MERGE_HALF_SPEECH == 1 and reports_speech(texts[side][own])
        for x in (own - 1, own + 1):
            n = free.get((side, x))
            if n is not None and not spoken and not reports_speech(texts[side][x]):
                out.add(n)
    return out
