"""Gale-Church's path as evidence where the aligner has none: unmatched pairs it agrees on.

Why: issue 16 says an aligner must never be worse than alignment on lengths alone.
Two-language story pairs compared without MT (the product path with the stand-in
copy MT) fell below Gale-Church pair by pair (9 of 86 dev pairs, main 7a5d86b,
``benchmarks/align_floor.py``), most plainly where one text is told in two
languages (the Swiss agency's de/fr wires, batch 27; a rail operator's own de/fr
release, batch 40): the DP links most sentences on names and numbers, but a run
of sentences with none leaves both sides unmatched, while Gale-Church, reading
lengths only, links them right.  Earlier rounds linked such runs on their own
lengths and found no separation by the run's shape or the pair's linked share
(docs/align.md, rounds 11 and 14): paraphrases from two agencies keep no
sentence lengths, and there Gale-Church's in-order guess is mostly wrong.

The evidence used here is the two paths' agreement: the share of the aligner's
links (moves count as links) that are beads of Gale-Church's path on the whole
pair.  Where lengths track the text (a translation), the lexical links fall on
the length path (blind27: 10 of 11, blind40: 8 of 8); in a paraphrase they do
not (most dev paraphrase pairs agree on under half).  When the agreement reaches
``AlignParams.length_path_agreement``, each 1-1 bead of the length path whose
two sentences are both unmatched (not moved) and share a gap (no link between
them) links in order, if its Gale-Church cost is at most
``AlignParams.blind_length_cost`` nats (the bar of a link made on lengths alone).
Only pairs compared without MT across languages, under ``long_glue_min``
sentences a side (pages): one language compared directly sees its words, and a
long translation's word table already links its runs.

Round 29: a link made by position does not vote.  The leads pass (``align_leads``, just
before) links the two stories' first sentences because they come first, and first
sentences lie on the length path by construction (both read order): counted, the leads'
link had the length path confirm itself (two word links, one on the path, .5 below the
bar, became 2 of 3 and linked a shuffled retelling's last sentences in order, wrongly),
and a lead linked off the path or taken from a word link swung the vote the other way.
``votes``: the beads whose links vote (the aligner's before the leads pass); the pass
links around the beads it is given.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.core.align_figures import _link, _lone
from workbench.core.align_gc import gale_church, link_cost
from workbench.core.align_repair import Bead
from workbench.core.align_scoring import AlignParams, BeadScorer

Link = tuple[tuple[int, ...], tuple[int, ...]]


def link_length_path(
    beads: list[Bead], scorer: BeadScorer, params: AlignParams,
    texts: tuple[Sequence[str], Sequence[str]], votes: Sequence[Bead] | None = None,
) -> list[Bead]:  # fmt: skip
    """Unmatched 1-1 pairs of the length path linked, when the two paths agree enough
    (``votes``: the beads whose links count as agreement, by default ``beads``)."""
    share = params.length_path_agreement
    left, right = texts
    if share < 0 or not left or not right or min(len(left), len(right)) >= params.long_glue_min:
        return beads
    path = gale_church(left, right)
    if agreement(beads if votes is None else votes, path) < share:
        return beads
    ratio = (sum(map(len, right)) or 1) / (sum(map(len, left)) or 1)
    for (i,), (j,) in [b for b in path if len(b[0]) == 1 and len(b[1]) == 1]:
        if link_cost(len(left[i]), len(right[j]), ratio) > params.blind_length_cost:
            continue
        p = next((k for k, b in enumerate(beads) if _lone(b, 0) and b.left == (i,)), None)
        q = next((k for k, b in enumerate(beads) if _lone(b, 1) and b.right == (j,)), None)
        if p is None or q is None or any(b.left and b.right for b in beads[min(p, q) : max(p, q)]):
            continue  # a side is linked, or links lie between them: not one gap
        beads = _link(beads, p, q, scorer)
    return beads


def agreement(beads: Sequence[Bead], path: Sequence[Link]) -> float:
    """Share of the aligner's links (a move as the link of its two halves) on ``path``.

    0 when there is no link: with nothing to compare, the length path is not confirmed.
    """
    links = [(b.left, b.right) for b in beads if b.left and b.right]
    links += [(b.left, beads[b.move_to].right) for b in beads
              if b.move_to is not None and b.left and 0 <= b.move_to < len(beads)]  # fmt: skip
    if not links:
        return 0.0
    on_path = set(path)
    return sum(link in on_path for link in links) / len(links)
