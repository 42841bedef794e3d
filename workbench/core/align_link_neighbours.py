"""Two unmatched sentences next to one link's two ends travel with it (round 37, beads37).

Why: a same-language rewrite that moves a paragraph, or keeps a passage in place, rewords some
of its sentences past their words (batch 133's ``linzer_tagesanzeiger_de``: "Auch für die
örtlichen Betriebe ist die Absage ein schwerer Schlag." retold as "Für Gastronomie und
Zimmervermieter im Ort bedeutet das einen empfindlichen Einnahmenausfall.", moved up with the
innkeeper's sentence).  The aligner links the sentence whose words survive (a move, or an
in-order link) and leaves the reworded neighbour unmatched on both sides, although both stand
right next to the same link's two ends: the position tells what the words do not.  On the dev
rewrites (``benchmarks/align_link_neighbours.py``) the reworded 1-1 left unmatched is the
second class of misses (13 beads in 13 batches) and 5 of them sit so beside one link.

The rule: an unmatched, unmoved sentence on each side, directly before both ends of one link
(or directly after both), no role break between it and the link, sharing at least ``need``
content keys (``align_ordered_halves._keys``), become one 1-1: as a move when a link stands
between them in the bead list, else in place (``align_moves.settle_moves``).  ``scope`` 1 reads
moves' ends only, 2 every link, 3 also the crossed neighbours (one before a link's end, the
other after its partner: an adjacent swap, reported as a move).  Only in a pair of one language
compared directly (the words and the position are the evidence).  ``AlignParams.
link_neighbour_keys`` (< 0: off; a study, ``docs/align.md`` "Round 37 (beads37)").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from workbench.core.align_moves import settle_moves
from workbench.core.align_ordered_halves import _keys
from workbench.core.align_repair import Bead
from workbench.core.align_scoring import AlignParams, BeadScorer

Breaks = tuple[frozenset[int], frozenset[int]]


def _links(beads: list[Bead], scope: int) -> Iterator[tuple[tuple[int, ...], tuple[int, ...]]]:
    """(left, right) sentences of every link ``scope`` reads: a move's two ends as one link."""
    for bead in beads:
        moved = bead.move_to is not None
        if bead.left and moved and beads[bead.move_to].right:  # type: ignore[index]
            yield bead.left, beads[bead.move_to].right  # type: ignore[index]
        elif bead.left and bead.right and not moved and scope >= 2:
            yield bead.left, bead.right


def _free(beads: list[Bead]) -> tuple[dict[int, int], dict[int, int]]:
    """Each side's unmatched, unmoved sentences, mapped to their bead's index."""
    left = {b.left[0]: k for k, b in enumerate(beads) if b.kind == "1-0" and b.move_to is None}
    right = {b.right[0]: k for k, b in enumerate(beads) if b.kind == "0-1" and b.move_to is None}
    return left, right


def _sides(link: tuple[tuple[int, ...], tuple[int, ...]], scope: int) -> Iterator[
        tuple[int, int, int, int]]:  # fmt: skip
    """(left neighbour, right neighbour, left edge, right edge) next to ``link``: the edge is
    the link's sentence beside the neighbour (a role break there keeps them apart)."""
    (lo, *_, lh), (ro, *_, rh) = (link[0] * 2, link[1] * 2)
    yield lo - 1, ro - 1, lo, ro
    yield lh + 1, rh + 1, lh + 1, rh + 1
    if scope >= 3:
        yield lh + 1, ro - 1, lh + 1, ro
        yield lo - 1, rh + 1, lo, rh + 1


def neighbour_pairs(
    beads: list[Bead], texts: tuple[Sequence[str], Sequence[str]], need: int, scope: int,
    breaks: Breaks = (frozenset(), frozenset()),
) -> list[tuple[int, int]]:  # fmt: skip
    """(left bead, right bead) indices of the unmatched neighbours the rule pairs, each bead
    once (the first link that offers it wins)."""
    free = _free(beads)
    taken: set[int] = set()
    out = []
    for link in _links(beads, scope):
        for x, y, ex, ey in _sides(link, scope):
            a, b = free[0].get(x), free[1].get(y)
            if a is None or b is None or a in taken or b in taken:
                continue
            if ex in breaks[0] or ey in breaks[1]:
                continue
            if len(_keys(texts[0][x]) & _keys(texts[1][y])) >= need:
                taken.update((a, b))
                out.append((a, b))
    return out


def link_neighbours(
    beads: list[Bead], texts: tuple[Sequence[str], Sequence[str]], scorer: BeadScorer,
    params: AlignParams, breaks: Breaks = (frozenset(), frozenset()),
) -> list[Bead]:  # fmt: skip
    """``beads`` with each ``neighbour_pairs`` pair tied as a move, then settled in place when
    no link stands between its ends; off when ``link_neighbour_keys`` < 0."""
    need = params.link_neighbour_keys
    if need < 0:
        return beads
    pairs = neighbour_pairs(beads, texts, need, params.link_neighbour_scope, breaks)
    if not pairs:
        return beads
    out = list(beads)
    for a, b in pairs:
        x, y = beads[a].left[0], beads[b].right[0]
        sim = round(scorer.similarity(x, 1, y, 1), 4)
        out[a] = replace(beads[a], score=sim, move_to=b)
        out[b] = replace(beads[b], score=sim, move_to=a)
    return settle_moves(out, scorer)
