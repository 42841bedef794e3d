"""A 2-2 bead whose sentences pair up crosswise becomes a link and a move (round 36, beadsc36).

Why: a same-language rewrite that tells two neighbouring sentences in the other order (batch
128's ``murtaler_rundschau_de``: the debts sentence and the staff sentence swapped, each
reworded) leaves the aligner one 2-2 bead over the four; gold has two 1-1 beads that cross,
and the brief asks for a swap of neighbours to be reported as a move.  ``split_swaps`` takes
such a bead apart only when each sentence's Dice similarity to its crosswise partner reaches
``swap_similarity`` (.5), which a reworded sentence never does.  The content keys show the
swap: each crosswise pair shares at least ``need`` keys (5+ letters cut to 5, whole numbers,
``align_ordered_halves._keys``) and each straight pair fewer than that.  This is round 35's
``align_regroup`` read in reverse: there the second sentence of *one* side tells the other
side's first (a moved boundary, one crosswise pair), here both crosswise pairs do and neither
straight one (a swap).  Only in a pair of one language compared directly (the words are the
evidence); linear in the beads.  ``AlignParams.unswap_cross_keys`` (< 1: off; a study,
``docs/align.md`` "Round 36 (beadsc36)").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from workbench.core.align_ordered_halves import _keys
from workbench.core.align_repair import Bead
from workbench.core.align_scoring import AlignParams


def swap_counts(left: tuple[str, str], right: tuple[str, str]) -> tuple[int, int, int, int]:
    """Shared content keys of (W1, P1), (W2, P2) — straight — and (W1, P2), (W2, P1) —
    crosswise — for a 2-2 bead ``left = (W1, W2)``, ``right = (P1, P2)``."""
    w1, w2 = (_keys(t) for t in left)
    p1, p2 = (_keys(t) for t in right)
    return len(w1 & p1), len(w2 & p2), len(w1 & p2), len(w2 & p1)


def swapped(counts: tuple[int, int, int, int], need: int) -> bool:
    """Whether a 2-2 whose ``swap_counts`` are ``counts`` reads as two crossed links."""
    s1, s2, c1, c2 = counts
    return need >= 1 and min(c1, c2) >= need and max(s1, s2) < need


def _taken_apart(bead: Bead, counts: tuple[int, int, int, int], at: int) -> list[Bead]:
    """The 2-2 ``bead`` (first of its output at index ``at``) as a link in order and a move:
    the crosswise pair with more keys stays the link, the other's two ends point at each
    other."""
    (w1, w2), (p1, p2) = bead.left, bead.right
    _, _, c1, c2 = counts
    if c1 >= c2:  # W1 : P2 stays; W2 moves up to P1: [0-1 P1][W1 : P2][1-0 W2]
        return [Bead((), (p1,), bead.score, "0-1", at + 2), Bead((w1,), (p2,), bead.score, "1-1"),
                Bead((w2,), (), bead.score, "1-0", at)]  # fmt: skip
    # W2 : P1 stays; W1 moves down to P2: [1-0 W1][W2 : P1][0-1 P2]
    return [Bead((w1,), (), bead.score, "1-0", at + 2), Bead((w2,), (p1,), bead.score, "1-1"),
            Bead((), (p2,), bead.score, "0-1", at)]  # fmt: skip


def unswap_links(
    beads: list[Bead], texts: tuple[Sequence[str], Sequence[str]], params: AlignParams
) -> list[Bead]:
    """``beads`` with each 2-2 (no move's end) that ``swapped`` accepts taken apart into a link
    and a move (``_taken_apart``), other moves remapped; off below one key."""
    need = params.unswap_cross_keys
    if need < 1:
        return beads
    out: list[Bead] = []
    index: dict[int, int] = {}
    fresh: set[int] = set()  # the new moves' ends, whose pointers are already output indices
    for k, bead in enumerate(beads):
        index[k] = len(out)
        if len(bead.left) == 2 == len(bead.right) and bead.move_to is None:
            left = (texts[0][bead.left[0]], texts[0][bead.left[1]])
            right = (texts[1][bead.right[0]], texts[1][bead.right[1]])
            counts = swap_counts(left, right)
            if swapped(counts, need):
                fresh.update((len(out), len(out) + 2))
                out += _taken_apart(bead, counts, len(out))
                continue
        out.append(bead)
    if not fresh:
        return beads
    return [b if n in fresh or b.move_to is None else replace(b, move_to=index[b.move_to])
            for n, b in enumerate(out)]  # fmt: skip
