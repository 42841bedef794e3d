"""The other half of a moved sentence a one-language rewrite split or joined, taken into the move.

Why: round 23 found about half of the dev rewrites' missed sure beads beside a move: the
rewrite moved a sentence *and* split or joined it on the way, the move steps paired the
moved sentence with its partner (``align_moves.detect_moves``), and the other half stayed
unmatched right beside one end of the move.  ``extend_moves`` looks at such a half, but by
coverage and score (``_belongs``), which a reworded half of a rewrite misses; the rejoin of
halves by their rare keys (``align_rejoin``), which finds these halves beside a link, leaves
moves alone.  Here the same claim reads a move as the link it is (its origin's left
sentences, its landing's right ones): an unmatched neighbour of either end joins the move
when at least ``AlignParams.one_language_move_rejoin_keys`` of its rare keys
(``align_rare``) are held by the move's other side, not by the move's own sentences and by
no sentence of the other side outside the move.  The never-glue guarantee is the rejoin's own
(``align_rejoin.best_join``: every sentence above ``glue_evidence``), the glue model's gate
has a level of its own, ``one_language_move_rejoin_sure`` (.4, chosen leaving one batch out:
at the links' .5 a right 2-1 move of a dev rewrite, rated .42, stayed apart; no level from -1
to .5 made a wrong join on the dev pairs).

Only in pairs of one language compared directly (the rare keys are ``None`` otherwise), never
across a role break, each unmatched sentence joins one move at most, and only a move of one
sentence a side takes a half: one that ``extend_moves`` grew has its half already (on gold
spans a dev rewrite's grown 2-1 move took a third, wrong sentence); constant work per move.
"""

from __future__ import annotations

from dataclasses import replace

from workbench.core.align_rare import Keys
from workbench.core.align_rejoin import best_join, free_sentences, joined_beads, key_holders
from workbench.core.align_repair import Bead
from workbench.core.align_scoring import AlignParams, BeadScorer


def rejoin_move_halves(
    beads: list[Bead], keys: Keys | None, scorer: BeadScorer, params: AlignParams,
    breaks: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset()),
) -> list[Bead]:  # fmt: skip
    """Each move takes in one unmatched neighbour that its other side's rare keys claim.

    ``keys``: ``align_rare.rare_keys`` of the pair (``None``: off, as at
    ``one_language_move_rejoin_keys`` < 1); ``breaks``: each side's role breaks.  The half
    joins the end of the move on its own side: a left half the origin, a right half the
    landing (``move_links`` shows the landing with the origin's sentences).
    """
    need = params.one_language_move_rejoin_keys
    if need < 1 or keys is None:
        return beads
    holders = key_holders(keys)
    free = free_sentences(beads)
    gates = replace(params, one_language_rejoin_sure=params.one_language_move_rejoin_sure)
    taken: dict[int, Bead] = {}
    gone: set[int] = set()
    for a, origin in enumerate(beads):
        if origin.move_to is None or len(origin.left) != 1 or origin.right:
            continue
        b = origin.move_to
        if len(beads[b].right) != 1:  # extend_moves took its half in already: one half a move
            continue
        link = Bead(origin.left, beads[b].right, origin.score, "")
        best = best_join(link, keys, holders, free, gone, (scorer, gates, need, breaks))
        if best is None:
            continue
        joined, n = best
        if len(joined.left) > len(origin.left):
            taken[a] = replace(origin, left=joined.left, kind=f"{len(joined.left)}-0")
        else:
            taken[b] = replace(beads[b], right=joined.right, kind=f"0-{len(joined.right)}")
        gone.add(n)
    return joined_beads(beads, taken, gone) if taken else beads
