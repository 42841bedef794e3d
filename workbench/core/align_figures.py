"""Two unmatched sentences of one language that tell one figure changed link as a pair.

Why: a rewrite of a story changes a count ("Rund 40 Kabel" / "etwa 50 Kabel",
"214 працівників" / "220 людей", "quelque 1 150 personnes" / "quelque 1 200
emplois"), and the sentence that carries it is the one a reader most wants
paired.  Its numbers are anchors that no longer match and its other words are
reworded, so the DP leaves both sentences unmatched (or a figure's sentence
beside the link it was joined to), and no flag can show the change.  Every
fixture writer is asked for one changed number per rewrite; on the dev
rewrites (batches 3-33) 8 of the 25 gold beads holding a changed figure were
missed, 3 of them with both sentences unmatched.  Two unmatched sentences,
one a side, whose one-sided figures pair up (``twins``: like size, not equal)
and whose words are covered above chance (``AlignParams.figure_link_evidence``)
link: in order when they share a gap, as a move when links lie between them.
Only in one-language pairs compared directly (across languages a paraphrase
adds its own figures), under ``AlignParams.long_glue_min`` sentences a side
(pages); a sentence with several such partners takes the one of most evidence
if that one's best is the sentence too.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from decimal import Decimal, InvalidOperation

from workbench.core.align_repair import Bead, moves_remapped
from workbench.core.align_scoring import AlignParams, BeadScorer
from workbench.core.check_numbers import quantities

#: a changed count stays within this factor ("40" / "50", "1 150" / "1 200", "12" / "17")
TWIN_FACTOR = 1.5


def link_figure_twins(
    beads: list[Bead], scorer: BeadScorer, params: AlignParams,
    texts: tuple[Sequence[str], Sequence[str]], factor: float = TWIN_FACTOR,
) -> list[Bead]:  # fmt: skip
    """Unmatched sentence pairs that tell one figure changed, linked (in order or as a move);
    ``factor``: the twins' like size (a two-language pair's hedge is tighter, round 37)."""
    floor = params.figure_link_evidence
    if floor <= -1 or min(scorer.counts) >= params.long_glue_min:
        return beads
    lone = [[k for k, b in enumerate(beads) if _lone(b, side)] for side in (0, 1)]
    values = [{k: figures(texts[side][_first(beads[k], side)]) for k in lone[side]}
              for side in (0, 1)]  # fmt: skip
    found: dict[tuple[int, int], float] = {}
    for p in lone[0]:
        for q in lone[1]:
            i, j = beads[p].left[0], beads[q].right[0]
            if twins(values[0][p], values[1][q], factor):
                found[i, j] = scorer.evidence(i, 1, j, 1)
    for i, j in [pair for pair, value in found.items() if value >= floor and _best(found, *pair)]:
        # by sentence: each link shifts the beads after it
        p = next(k for k, b in enumerate(beads) if b.left == (i,) and not b.right)
        q = next(k for k, b in enumerate(beads) if b.right == (j,) and not b.left)
        beads = _link(beads, p, q, scorer)
    return beads


def _best(found: dict[tuple[int, int], float], p: int, q: int) -> bool:
    """Whether ``q`` is ``p``'s twin of most evidence and ``p`` is ``q``'s (a headline and
    the lead may both retell the changed count)."""
    value = found[p, q]
    return all(v < value for (a, b), v in found.items() if (a == p) != (b == q))


def figures(text: str) -> list[float]:
    """The values of ``text``'s quantities (``check_numbers.quantities``: no dates, no clock
    times), years (1900-2099) left out: a year told again is no count.  A range's far day
    ("25" of "25. bis 27. Juni") stays a figure here, as before round 37 (``ranges=False``):
    the checks' date reading was not measured on beads.

    Why a memo by text inside an ``align`` call (round 39, speedc39; ``figures_memo``): the
    figure steps (the twins in the link steps and late, the figure halves, the two-language
    hedged figures, the relink) each read the figures of the sentences they look at, so one
    sentence was read up to four times a call (``quantities``: a dozen patterns and every
    language's number-word readers).  Only within a call: the checks' switches
    (``check_numbers``) may change between calls.  A fresh list each time.
    """
    if not _MEMOS:
        return list(_read(text))
    memo = _MEMOS[-1]
    found = memo.get(text)
    if found is None:
        found = memo[text] = _read(text)
    return list(found)


def _read(text: str) -> tuple[float, ...]:
    """``figures`` of one text, read (no memo)."""
    out = []
    for _raw, value in quantities(text, ranges=False):
        try:
            number = float(Decimal(value))
        except (InvalidOperation, ValueError):
            continue
        if not (number.is_integer() and 1900 <= number <= 2099):
            out.append(number)
    return tuple(out)


#: the open ``figures_memo`` scopes' memos, innermost last
_MEMOS: list[dict[str, tuple[float, ...]]] = []


@contextmanager
def figures_memo() -> Iterator[None]:
    """``figures`` keeps each text's values while the block runs (``align``: one call)."""
    _MEMOS.append({})
    try:
        yield
    finally:
        _MEMOS.pop()


def twins(left: list[float], right: list[float], factor: float = TWIN_FACTOR) -> bool:
    """Whether a figure only one side tells pairs with one of like size only the other tells.

    Like size: within ``TWIN_FACTOR`` and not equal; counts of 10 or more, or measures
    (decimals) on both sides ("two" / "three" is wording, not a changed count).
    """
    mine = [v for v in left if v not in right]
    theirs = [w for w in right if w not in left]
    return any(_like(v, w, factor) for v in mine for w in theirs)


def _like(v: float, w: float, factor: float = TWIN_FACTOR) -> bool:
    counts = v >= 10 and w >= 10
    measures = not v.is_integer() and not w.is_integer()
    low, high = min(v, w), max(v, w)
    return (counts or measures) and 0 < low < high <= factor * low


def _link(beads: list[Bead], p: int, q: int, scorer: BeadScorer) -> list[Bead]:
    """``beads[p]`` (left) and ``beads[q]`` (right) paired: a 1-1 link where they share a
    gap (placed by their order there), else a move between the two."""
    i, j = beads[p].left[0], beads[q].right[0]
    score = round(scorer.similarity(i, 1, j, 1), 4)
    lo, hi = min(p, q), max(p, q)
    if any(b.left and b.right for b in beads[lo:hi]):
        out = list(beads)
        out[p] = replace(beads[p], move_to=q, score=score)
        out[q] = replace(beads[q], move_to=p, score=score)
        return out
    while lo > 0 and not (beads[lo - 1].left and beads[lo - 1].right):
        lo -= 1
    while hi + 1 < len(beads) and not (beads[hi + 1].left and beads[hi + 1].right):
        hi += 1
    gap = [k for k in range(lo, hi + 1) if k not in (p, q)]
    before = [k for k in gap if (_first(beads[k], 0) < i if beads[k].left else
                                 _first(beads[k], 1) < j)]  # fmt: skip
    after = [k for k in gap if k not in before]
    order = [*range(lo), *before, None, *after, *range(hi + 1, len(beads))]
    link = Bead((i,), (j,), score, "1-1")
    where = {k: n for n, k in enumerate(order) if k is not None}
    out = [link if k is None else beads[k] for k in order]
    return moves_remapped(out, where)


def _lone(bead: Bead, side: int) -> bool:
    """An unmatched sentence of ``side`` that is not half of a move."""
    ids = (bead.left, bead.right)[side]
    return bead.move_to is None and bool(ids) and not (bead.left and bead.right)


def _first(bead: Bead, side: int) -> int:
    ids = (bead.left, bead.right)[side]
    return ids[0] if ids else -1
