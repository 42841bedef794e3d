"""A sentence a one-language rewrite joined to its lead from further down, taken into that link.

Why: of the dev rewrites' missed sure beads "split or joined wrongly" is the largest class
(rounds 16-22), and in round 21 8 of its 27 were joins *with a gap*: the rewrite moved a
detail from further down into its lead ("Gegen 10.20 Uhr blieb die … Kabinenbahn stehen"
holds the original's third sentence and its sixth, "Der Stillstand ereignete sich gegen
10.20 Uhr"), and the gold bead is ``L[3, 6] : R[1]``.  No monotonic alignment outputs such a
bead, and no step proposed one: the detail stayed unmatched while its link was found.  What
tells the detail's partner is what ``align_rejoin`` reads for a half beside its link: rare
keys (``align_rare``) that the link's other side holds, the link's own sentences lack, and no
sentence of the other side outside the link holds.  A detail with at least
``AlignParams.one_language_far_keys`` of them claimed by one link, and no other link claiming
as many, joins it when that link holds the other side's *lead* (``align_leads.lead_of``): a
lead condenses what the story tells further down, which a new writer's page does too.  Any
link instead of the lead's traded 6 sure links for 5 at 3 keys on the dev rewrites (round 22).

The joined link keeps the confidence its contiguous sentences earned (``with_confidence``
reads blocks of consecutive sentences, which a gapped link is not): the join adds a sentence
the words place, it does not re-rate the link.  Never across a role break (a headline line
does not join a body link); moves are left alone; each unmatched sentence joins one link and a
link takes at most one; work is linear in the links per unmatched sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from workbench.core.align_leads import lead_of
from workbench.core.align_rare import Keys
from workbench.core.align_rejoin import claimed_keys, joined_beads, key_holders
from workbench.core.align_repair import Bead
from workbench.core.align_scoring import AlignParams


def join_far_halves(
    beads: list[Bead], sides: tuple[Sequence[str], Sequence[str]], keys: Keys | None,
    params: AlignParams, where: tuple[tuple[int, int] | None, tuple[Iterable[int], Iterable[int]]],
) -> list[Bead]:  # fmt: skip
    """Each unmatched sentence whose rare keys the other side's lead alone claims joins the
    lead's link.

    ``AlignParams.one_language_far_keys``: how many keys that link must claim (< 1: off);
    ``keys``: ``align_rare.rare_keys`` of the pair (``None``: off).  ``where``: ``align``'s
    ``leads`` (each side's first running-text sentence; ``None``: off), whose lead is
    ``align_leads.lead_of``, and each side's role breaks, never crossed.  Run after the
    confidences are set.
    """
    need = params.one_language_far_keys
    starts, breaks = where
    if need < 1 or keys is None or starts is None:
        return beads
    leads = (lead_of(sides[0], starts[0]), lead_of(sides[1], starts[1]))
    holders = key_holders(keys)
    cuts = (frozenset(breaks[0]), frozenset(breaks[1]))
    taken: dict[int, Bead] = {}
    gone: set[int] = set()
    for n, lone in enumerate(beads):
        if lone.move_to is not None or bool(lone.left) == bool(lone.right):
            continue
        side = 0 if lone.left else 1
        x = (lone.left or lone.right)[0]
        opts = (need, cuts[side], leads[1 - side], params.far_half_grown_rival)
        k = _claiming_link(beads, taken, (side, x), keys, holders, opts)
        if k is not None:
            link = beads[k]
            own = tuple(sorted((*(link.left if side == 0 else link.right), x)))
            left, right = (own, link.right) if side == 0 else (link.left, own)
            taken[k] = replace(link, left=left, right=right, kind=f"{len(left)}-{len(right)}")
            gone.add(n)
    return joined_beads(beads, taken, gone) if taken else beads


def _claiming_link(
    beads: list[Bead], taken: dict[int, Bead], at: tuple[int, int], keys: Keys,
    holders: tuple[dict[str, set[int]], dict[str, set[int]]],
    opts: tuple[int, frozenset[int], int, int],
) -> int | None:  # fmt: skip
    """The link of the other side's lead when it claims at least ``need`` of the sentence's
    keys and no other link claims as many (``None``: the words do not place it there).

    ``grown`` (``AlignParams.far_half_grown_rival``): a link that already holds two sentences
    of this side takes in no far half, but still rivals by its best single sentence's claim,
    so the tie does not depend on whether a half joined that link before this step."""
    side, x = at
    need, cuts, lead, grown = opts
    best: list[tuple[int, bool, int]] = []
    for k, bead in enumerate(beads):
        if not bead.left or not bead.right or bead.move_to is not None or k in taken:
            continue
        own, other = (bead.left, bead.right) if side == 0 else (bead.right, bead.left)
        low, high = min(x, own[0]), max(x, own[-1])
        if any(abs(y - x) < 2 for y in own) or any(low < c <= high for c in cuts):
            continue  # a neighbour is align_rejoin's (gated by the glue model)
        if len(own) == 1:
            claimed = claimed_keys(x, side, own, other, keys, holders)
        elif grown:  # a rival only: one sentence took in one detail
            claimed = -max(claimed_keys(x, side, (y,), other, keys, holders) for y in own)
        else:
            continue
        if abs(claimed) >= need:
            best.append((abs(claimed), claimed > 0, k))
    best.sort(reverse=True)
    if not best or (len(best) > 1 and best[1][0] == best[0][0]) or not best[0][1]:
        return None
    k = best[0][2]
    return k if lead in (beads[k].right if side == 0 else beads[k].left) else None
