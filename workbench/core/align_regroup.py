"""Two neighbouring links read as one 2-2 when each side's second sentence tells the other's first.

Why (round 35, ``beads35``): a same-language rewrite that moves the boundary between two
sentences ("Завод … закривається." + "Виробництво зупинять з 1 червня, без роботи
залишаться 640 працівників, повідомив директор …" retold as "Завод … з 1 червня зупиняє
виробництво, без роботи залишаються 640 людей." + "Про це повідомив директор …") leaves the
aligner two in-order 1-1 links, each part of one gold 2-2 and each scored wrong.  The words
show the moved boundary: the second sentence of one side shares more content keys with the
*first* sentence of the other side (beyond its own first sentence's and its own partner's)
than the weaker of the two links shares with its partner.  On the dev rewrites and copies
(``benchmarks/align_regroup.py``), of 682 pairs of neighbouring 1-1 links, the count is at
least three and above the weaker link's in three: two gold 2-2s (batches 126 and 84; 84's two
links are moves, which this step leaves) and one pair of links that were both wrong already
(batch 65).

The keys are ``align_ordered_halves``' content keys (5+ letters cut to 5, whole numbers).  Only
in a pair of one language compared directly (the words are the evidence, not a stand-in MT),
never across a role break, never a move's end; linear in the links.
``AlignParams.regroup_cross_keys`` (< 1: off; shipped 3: leave one batch out gains on the dev
rewrites, .861 / .844 -> .866 / .846, and the check pooled gains one sure bead).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from workbench.core.align_ordered_halves import _keys
from workbench.core.align_repair import Bead, moves_remapped
from workbench.core.align_scoring import AlignParams

Breaks = tuple[frozenset[int], frozenset[int]]


def crossed_keys(
    first: tuple[str, str], second: tuple[str, str], keys: Callable[[str], set[str]] = _keys
) -> tuple[int, int]:
    """(crosswise, straight) key counts of two neighbouring links ``first = (W1, P1)`` and
    ``second = (W2, P2)``: the most keys one link's second-told sentence shares with the other
    side's first sentence and with neither its own side's first nor its own partner, and the
    fewer keys a link shares with its own partner.  ``keys``: a sentence's keys (``_keys``, or
    ``regroup_links``' memo of them)."""
    w1, p1 = (keys(t) for t in first)
    w2, p2 = (keys(t) for t in second)
    cross = max(len((w2 & p1) - w1 - p2), len((w1 & p2) - w2 - p1))
    return cross, min(len(w1 & p1), len(w2 & p2))


def regrouped(cross: int, straight: int, need: int) -> bool:
    """Whether two links whose counts are ``crossed_keys`` read as one 2-2 at ``need``."""
    return need >= 1 and cross >= need and cross > straight


def _neighbours(a: Bead, b: Bead, breaks: Breaks) -> bool:
    """Whether ``a`` and ``b`` are 1-1 links, no move's ends, next to each other on both sides
    with no role break between them."""
    ones = all(len(x.left) == 1 and len(x.right) == 1 and x.move_to is None for x in (a, b))
    return (ones and b.left[0] == a.left[0] + 1 and b.right[0] == a.right[0] + 1
            and b.left[0] not in breaks[0] and b.right[0] not in breaks[1])  # fmt: skip


def regroup_links(
    beads: list[Bead], texts: tuple[Sequence[str], Sequence[str]], params: AlignParams,
    breaks: Breaks = (frozenset(), frozenset()),
) -> list[Bead]:  # fmt: skip
    """``beads`` with each pair of neighbouring 1-1 links that ``regrouped`` accepts joined
    into one 2-2 (at the stronger link's score), moves remapped; off below one key."""
    need = params.regroup_cross_keys
    if need < 1:
        return beads
    out: list[Bead] = []
    index: dict[int, int] = {}
    memo: dict[str, set[str]] = {}  # round 39 (speedc39): a sentence is in two link pairs

    def keyed(text: str) -> set[str]:
        if (found := memo.get(text)) is None:
            found = memo[text] = _keys(text)
        return found

    k = 0
    while k < len(beads):
        a = beads[k]
        index[k] = len(out)
        if k + 1 < len(beads) and _neighbours(a, b := beads[k + 1], breaks):
            first = (texts[0][a.left[0]], texts[1][a.right[0]])
            second = (texts[0][b.left[0]], texts[1][b.right[0]])
            if regrouped(*crossed_keys(first, second, keyed), need):
                out.append(Bead(a.left + b.left, a.right + b.right, max(a.score, b.score), "2-2"))
                index[k + 1] = index[k]
                k += 2
                continue
        out.append(a)
        k += 1
    return moves_remapped(out, index) if len(out) < len(beads) else beads
