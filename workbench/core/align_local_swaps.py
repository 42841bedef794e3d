"""Two neighbouring sentences told in the other order: a local crossing taken as a move.

Why: a translator or paraphraser who swaps two adjacent sentences (``A B`` told as
``B' A'``) leaves a crossing the monotone DP cannot take.  It keeps one of the two
pairs at best and glues, leaves unmatched or misplaces the other (a 2-2 bead, a 1-2
and an orphan, ``A-B'`` beside ``B-A'``).  ``align_moves`` repairs some of these shapes
when the words show it plainly (Dice for a swapped N-N bead, crosswise similarity for
two 1-1 links); through an MT or in a paraphrase the evidence is weaker and the
shapes are mixed.  Here every stretch of consecutive beads that holds exactly two
neighbouring sentences on each side, whatever its beads, is judged on evidence
above chance (``BeadScorer.evidence``): when both crossed pairs (``A-A'``, ``B-B'``) are
covered at least ``local_swap_evidence`` above chance and each beats both in-order
pairs (``A-B'``, ``B-A'``) by ``local_swap_gain``, the crossing is taken: the later
left sentence links in place and the earlier one becomes a move, as
``align_moves`` reports moves.  Any language pair.
"""

from __future__ import annotations

from dataclasses import replace

from workbench.core.align_repair import Bead
from workbench.core.align_scoring import AlignParams, BeadScorer

__all__ = ["swap_windows", "take_local_swaps"]


def swap_windows(beads: list[Bead]) -> list[tuple[int, int, int, int]]:
    """``(start, end, i, j)``: ``beads[start:end]`` (one to three beads, no move among them)
    hold exactly left sentences ``i, i+1`` and right sentences ``j, j+1``."""
    found = []
    for start in range(len(beads)):
        lefts: list[int] = []
        rights: list[int] = []
        for end in range(start, min(start + 3, len(beads))):
            bead = beads[end]
            if bead.move_to is not None:
                break
            lefts += bead.left
            rights += bead.right
            if len(lefts) > 2 or len(rights) > 2:
                break
            if len(lefts) == 2 and len(rights) == 2:
                if lefts[1] == lefts[0] + 1 and rights[1] == rights[0] + 1:
                    found.append((start, end + 1, lefts[0], rights[0]))
                break
    return found


def _crossing_wins(i: int, j: int, scorer: BeadScorer, params: AlignParams) -> bool:
    """Both crossed pairs covered well above chance and each clearly above both in-order ones."""
    crossed = (scorer.evidence(i, 1, j + 1, 1), scorer.evidence(i + 1, 1, j, 1))
    straight = (scorer.evidence(i, 1, j, 1), scorer.evidence(i + 1, 1, j + 1, 1))
    return (
        min(crossed) >= params.local_swap_evidence
        and min(crossed) >= max(straight) + params.local_swap_gain
    )


def take_local_swaps(beads: list[Bead], scorer: BeadScorer, params: AlignParams) -> list[Bead]:
    """The beads with each winning local crossing taken: ``i+1`` links ``j`` in place and ``i``
    moves to ``j+1`` (two half beads tied by ``move_to``).  Off when ``local_swap_gain`` < 0."""
    if params.local_swap_gain < 0:
        return beads
    taken = []
    last = -1
    for start, end, i, j in swap_windows(beads):
        if start >= last and _crossing_wins(i, j, scorer, params):
            taken.append((start, end, i, j))
            last = end
    if not taken:
        return beads
    return _rebuilt(beads, taken, scorer)


def _rebuilt(beads: list[Bead], taken: list[tuple[int, int, int, int]], scorer: BeadScorer
             ) -> list[Bead]:  # fmt: skip
    """``beads`` with each taken window replaced by origin, in-place link and landing, and
    every ``move_to`` (old and new) pointing at its bead's new position."""
    out: list[Bead] = []
    new_at: dict[int, int] = {}
    pairs = []
    windows = {start: (end, i, j) for start, end, i, j in taken}
    k = 0
    while k < len(beads):
        if k not in windows:
            new_at[k] = len(out)
            out.append(beads[k])
            k += 1
            continue
        end, i, j = windows[k]
        sim = round(scorer.similarity(i, 1, j + 1, 1), 4)
        link = round(scorer.similarity(i + 1, 1, j, 1), 4)
        pairs.append((len(out), len(out) + 2))
        out += [Bead((i,), (), sim, "1-0"), Bead((i + 1,), (j,), link, "1-1"),
                Bead((), (j + 1,), sim, "0-1")]  # fmt: skip
        k = end
    out = [replace(b, move_to=new_at[b.move_to]) if b.move_to is not None else b for b in out]
    for origin, landing in pairs:
        out[origin] = replace(out[origin], move_to=landing)
        out[landing] = replace(out[landing], move_to=origin)
    return out
