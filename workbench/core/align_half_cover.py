"""The other half of a joined or split sentence, taken in when its partner covers it better.

Why: in the dev rewrites and paraphrases (round 25, ``benchmarks/align_joins.py``) the most
common miss among the gold 1-2 / 2-1 / 2-2 beads is the bead found as a 1-1 link and the other
half left unmatched right beside it: 18 of 81 rewrite N-M beads (14 batches), 30 of 96
paraphrase ones (19 batches), 8 of 98 translation ones.  The rejoin by rare keys
(``align_rejoin``) asks for three keys only the partner holds and a glue-model probability of
.5; a reworded half shares fewer rare words (a figure the rewrite changed, "1140" / "1.100"),
and the glue model rates a 2-1 of unequal lengths low, so it stays apart.  Across languages the
rejoin reads keys of the MT view, which a copy model leaves empty.

What tells a true half in any language is what it adds to its partner: with the half, the
partner's coverage above chance (``align_confidence.sentence_evidence``: chance grown for the
larger block) rises, because the partner tells what the half tells; a neighbour that only
shares the topic adds words the partner lacks as often as it adds words it has, and the
chance growth takes the rest.  A link of one sentence on one side takes in its unmatched
neighbour on that side when

* the partner's mean evidence rises by at least ``AlignParams.half_cover_gain``;
* the half itself is covered at least ``half_cover_evidence`` above chance;
* every sentence of the joined link stays above ``glue_evidence`` (never glue);
* in a pair of one language compared directly, the half holds at least ``half_cover_keys``
  rare keys that only the link's other side holds (``align_rejoin.claimed_keys``): a rewrite's
  neighbour that repeats the lead's topic rises the partner's coverage too.

Moves are left alone, never across a role break, one half per link, the grown side holds two
sentences at most; constant work per link (linear).
"""

from __future__ import annotations

from workbench.core.align_confidence import sentence_evidence
from workbench.core.align_rare import Keys
from workbench.core.align_rejoin import claimed_keys, free_sentences, join_links, key_holders
from workbench.core.align_repair import Bead
from workbench.core.align_scoring import AlignParams, BeadScorer

Holders = tuple[dict[str, set[int]], dict[str, set[int]]]
Breaks = tuple[frozenset[int], frozenset[int]]


def join_covered_halves(
    beads: list[Bead], keys: Keys | None, scorer: BeadScorer, params: AlignParams,
    breaks: Breaks = (frozenset(), frozenset()),
) -> list[Bead]:  # fmt: skip
    """Each link of one sentence on a side takes in the unmatched neighbour its partner covers.

    ``keys``: ``align_rare.rare_keys`` of a one-language pair (``None`` across languages: no
    claim asked); ``breaks``: each side's role breaks, never crossed.  Off at
    ``AlignParams.half_cover_gain`` < 0.
    """
    if params.half_cover_gain < 0 or (keys is not None and params.half_cover_keys < 1):
        return beads
    holders = key_holders(keys) if keys is not None else None
    free = free_sentences(beads)
    return join_links(
        beads, lambda bead, gone: best_half(bead, (keys, holders), free, gone,
                                            (scorer, params, breaks)))  # fmt: skip


def best_half(
    bead: Bead, claim: tuple[Keys | None, Holders | None], free: dict[tuple[int, int], int],
    gone: set[int], opts: tuple[BeadScorer, AlignParams, Breaks],
) -> tuple[Bead, int] | None:  # fmt: skip
    """The link grown by the neighbour that raises its partner's evidence most, and that
    neighbour's bead index (``None``: no neighbour passes the gates)."""
    scorer, params, breaks = opts
    keys = claim[0]
    before = sentence_evidence(bead, scorer)
    best: tuple[float, Bead, int] | None = None
    for side in (0, 1):
        own, other = (bead.left, bead.right) if side == 0 else (bead.right, bead.left)
        if len(own) != 1:
            continue
        for x in (own[0] - 1, own[0] + 1):
            n = free.get((side, x))
            if n is None or n in gone or max(x, own[0]) in breaks[side]:
                continue
            if keys is not None and not _claimed(x, side, bead, claim, params):
                continue
            grown = tuple(sorted((*own, x)))
            left, right = (grown, bead.right) if side == 0 else (bead.left, grown)
            joined = Bead(left, right, bead.score, f"{len(left)}-{len(right)}")
            rise = partner_rise(before, sentence_evidence(joined, scorer), side, grown.index(x),
                                params)  # fmt: skip
            if rise is not None and (best is None or rise > best[0]):
                best = (rise, joined, n)
    return None if best is None else (best[1], best[2])


def _claimed(x: int, side: int, bead: Bead, claim: tuple, params: AlignParams) -> bool:
    """In a one-language pair: whether the half holds ``half_cover_keys`` rare keys only the
    link's other side holds (``align_rejoin.claimed_keys``); 0 keys: the rule is off there."""
    need = params.half_cover_keys
    own, other = (bead.left, bead.right) if side == 0 else (bead.right, bead.left)
    return need >= 1 and claimed_keys(x, side, own, other, *claim) >= need


def partner_rise(
    before: list[float], after: list[float], side: int, at: int, params: AlignParams
) -> float | None:
    """How much the partner's mean evidence rises with the half (``at``: the half's place on
    its side of the joined link), or ``None`` when a gate fails.

    ``before`` / ``after``: ``sentence_evidence`` of the link and of the joined link, left
    sentences first; the link's own side is one sentence, so the joined one's is two.
    """
    if min(after) < params.glue_evidence:
        return None
    own_after, partner_after = (after[:2], after[2:]) if side == 0 else (after[-2:], after[:-2])
    partner_before = before[1:] if side == 0 else before[:-1]
    if own_after[at] < params.half_cover_evidence:
        return None
    rise = sum(partner_after) / len(partner_after) - sum(partner_before) / len(partner_before)
    return rise if rise >= params.half_cover_gain else None
