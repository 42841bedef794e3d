"""The other half of a translated sentence, taken in when the lengths alone ask for it.

Why: in the dev translations (round 27, ``benchmarks/align_misses.py --kinds translation``)
the largest class of missed sure beads is ``split / partial``: a sentence the translator
split in two (or two joined into one) found as a 1-1 link with the other half unmatched
right beside it ("В забастовке участвовали около 3 400 горняков …" + "Часть из них …" /
"Around 3,400 miners … took part in the strike, some of whom refused …").  Each such miss
is also a wrong link (the 1-1 core), so it costs precision and recall at once.  The joins
that read words (``align_rejoin`` on the MT view, ``align_half_cover``) find nothing when
the MT is a copy or knows few of the half's words, which is every language pair the
stand-in models do not cover and many words of those they do.

What a faithful translation keeps whatever the words is its length: the 1-1 core is far
too short for its partner, the joined bead fits (Gale-Church, ``BeadScorer.length_cost``).
A link of one sentence a side takes in its unmatched neighbour ``x`` on one side when

* the 1-1's length cost exceeds the joined bead's by at least
  ``AlignParams.length_half_gain`` nats;
* the joined bead's length cost is at most ``length_half_cost`` nats (it fits, not merely
  fits less badly);
* the other side has no unmatched sentence next to the link on ``x``'s end (else ``x``
  may be that sentence's 1-1, told in order);
* no sentence of the joined link falls under ``glue_evidence`` (never glue).

Two-language pairs only (a rewrite retells and its lengths say little), last of the late
steps: after the decision, the word rejoins and the anchor twins (a twin is stronger evidence
for a free sentence; run before them, the rule took a paraphrase's moved sentence into a
wrong 2-1).  Never across a role break, one half per link, moves left alone; constant work
per link (linear).  Round 27: dev translations .953 / .915 -> .957 / .921 left out
(``docs/align.md``).
"""

from __future__ import annotations

from dataclasses import replace

from workbench.core.align_confidence import sentence_evidence
from workbench.core.align_rejoin import free_sentences, join_links
from workbench.core.align_repair import Bead
from workbench.core.align_scoring import AlignParams, BeadScorer

Breaks = tuple[frozenset[int], frozenset[int]]
Opts = tuple[BeadScorer, AlignParams, Breaks] | tuple[BeadScorer, AlignParams, Breaks, float]


def join_length_halves(
    beads: list[Bead], scorer: BeadScorer, params: AlignParams,
    breaks: Breaks = (frozenset(), frozenset()),
) -> list[Bead]:  # fmt: skip
    """Each 1-1 link takes in the unmatched neighbour its partner's length asks for.

    Off at ``AlignParams.length_half_gain`` < 0.  ``breaks``: each side's role breaks,
    never crossed.
    """
    if params.length_half_gain < 0:
        return beads
    free = free_sentences(beads)
    return join_links(
        beads, lambda bead, gone: best_length_half(bead, free, gone, (scorer, params, breaks)),
        ones_only=True)  # fmt: skip


def join_evidence_halves(
    beads: list[Bead], scorer: BeadScorer, params: AlignParams,
    breaks: Breaks = (frozenset(), frozenset()),
) -> list[Bead]:  # fmt: skip
    """The length halves once more at the lower gain ``AlignParams.evidence_half_gain``, for
    a half the other side's words cover at least ``evidence_half_floor`` above chance.

    Why (round 36, beadsb36, a study): the dev translations' splits read as their 1-1 core
    save under 5 nats of length cost; a half whose own words the partner's MT (or the pair's
    word table) shows is the cross-language evidence that could tell the 2-1 from the 1-1
    where the lengths alone do not.  Off at ``evidence_half_gain`` < 0 (shipped).
    """
    if params.evidence_half_gain < 0:
        return beads
    lower = replace(params, length_half_gain=params.evidence_half_gain)
    opts = (scorer, lower, breaks, params.evidence_half_floor)
    free = free_sentences(beads)
    return join_links(beads, lambda bead, gone: best_length_half(bead, free, gone, opts),
                      ones_only=True)  # fmt: skip


def best_length_half(
    bead: Bead, free: dict[tuple[int, int], int], gone: set[int], opts: Opts,
) -> tuple[Bead, int] | None:  # fmt: skip
    """The 1-1 grown by the neighbour whose join saves most length cost, and that neighbour's
    bead index (``None``: no neighbour passes the gates).  A fourth ``opts`` item is the
    half's own evidence floor (``join_evidence_halves``)."""
    scorer, params, breaks = opts[:3]
    floor = opts[3] if len(opts) > 3 else None
    i, j = bead.left[0], bead.right[0]
    before = scorer.length_cost(i, 1, j, 1)
    best: tuple[float, Bead, int] | None = None
    for side, own, other in ((0, i, j), (1, j, i)):
        for step in (-1, 1):
            x = own + step
            n = free.get((side, x))
            if n is None or n in gone or max(x, own) in breaks[side]:
                continue
            if (1 - side, other + step) in free:  # the half may be that sentence's 1-1
                continue
            grown = (min(x, own), max(x, own))
            left, right = (grown, (j,)) if side == 0 else ((i,), grown)
            after = scorer.length_cost(left[0], len(left), right[0], len(right))
            saved = before - after
            if after > params.length_half_cost or saved < params.length_half_gain:
                continue
            joined = Bead(left, right, bead.score, f"{len(left)}-{len(right)}")
            evidence = sentence_evidence(joined, scorer)
            if min(evidence) < params.glue_evidence:
                continue
            if floor is not None and evidence[_half_at(left, right, side, x)] < floor:
                continue
            if best is None or saved > best[0]:
                best = (saved, joined, n)
    return None if best is None else (best[1], best[2])


def _half_at(left: tuple[int, ...], right: tuple[int, ...], side: int, x: int) -> int:
    """The half ``x``'s place in ``sentence_evidence``'s list (left sentences first)."""
    return left.index(x) if side == 0 else len(left) + right.index(x)
