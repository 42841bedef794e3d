"""A doubtful link across languages left unpaired: a wrong pair costs more than a missing one.

Why (round 40, ``beadsb40``): in the cross-language paraphrases read through the stand-in MT
(which copies the source unchanged) the aligner's links are right barely half the time (last
round's unseen paraphrases .50 / .36), and ``eval.py`` counts a link in precision only when
both sides are non-empty: a sentence shown unmatched costs recall only if it had a partner,
while a wrong link costs precision *and* holds a sentence that is then missing from its right
bead.  The calibrated confidence (``align_calibration``) already tells the reader how sure a
link is; below ``XLANG_CUT`` a link of a two-language pair (the caller gave an MT) is shown
as its sentences unmatched, each with the chance ``1 - c`` that it has no counterpart (the
link's own model, read the other way).

``XLANG_CUT`` is chosen by leaving one dev batch out (``benchmarks/align_xlang_cut.py`` and
``align_pairs_cv.py --grid align_xlang_cut.XLANG_CUT=…``); 0 is off.  One-language pairs
(copies, rewrites) are never touched: their links are scored by the words themselves.  Moves
are left alone (their two halves are one fact the words found).  Linear in the beads.

Ships 0 (a study): leave one batch out chose .62 in 79 of 79 folds (dev .888 / .855 ->
.904 / .842), but a paraphrase link under .75 is right only 45-64 % of the time, so the cut trades
recall for precision: the paraphrases lose F1 on dev and on the check (.683 / .626 -> .721 /
.558), and the check pool's recall falls .014, which vetoes it; four true dev flags go with
their rows (``docs/align.md`` "Round 40 (beadsb40)")."""

from __future__ import annotations

from dataclasses import replace

from workbench.core.align_repair import Bead, moves_remapped

#: a two-language link whose calibrated confidence is under this is shown as its sentences
#: unmatched; 0: off (shipped unless ``docs/align.md`` "Round 40 (beadsb40)" says otherwise)
XLANG_CUT: float = 0.0


def doubtful(bead: Bead, cut: float) -> bool:
    """Whether ``bead`` is a link (not a move) rated under ``cut``."""
    return bool(bead.left and bead.right) and bead.move_to is None and bead.confidence < cut


def cut_doubtful(beads: list[Bead], two_languages: bool, cut: float | None = None) -> list[Bead]:
    """``beads`` with every doubtful link of a two-language pair taken apart.

    ``cut`` defaults to ``XLANG_CUT`` (read at call time, so a benchmark may switch it).
    A taken-apart link becomes its left sentences, then its right ones, unmatched, in place
    (the documents' order kept), each rated ``1 - confidence``; moves keep their partners.
    """
    cut = XLANG_CUT if cut is None else cut
    if cut <= 0 or not two_languages or not any(doubtful(b, cut) for b in beads):
        return beads
    out: list[Bead] = []
    where: dict[int, int] = {}
    for k, bead in enumerate(beads):
        where[k] = len(out)
        if not doubtful(bead, cut):
            out.append(bead)
            continue
        alone = round(1.0 - bead.confidence, 3)
        out.extend(replace(bead, left=(x,), right=(), score=0.0, kind="1-0", confidence=alone)
                   for x in bead.left)  # fmt: skip
        out.extend(replace(bead, left=(), right=(x,), score=0.0, kind="0-1", confidence=alone)
                   for x in bead.right)  # fmt: skip
    return moves_remapped(out, where)
