"""A link whose two sides share no anchor, beside a free sentence that shares one: it moves over.

Why (round 38, ``beadsb38``): across languages the stand-in MT, a copy, leaves the aligner
little beyond figures and names, so in a paraphrase (a shorter retelling, sentences dropped
and merged) the DP often links a sentence by position and lengths alone to the neighbour of
its retelling, and the retelling, which shares a figure or a name with it, stays unmatched
beside the link (the dev paraphrases' "a sentence left unmatched although the MT tells it" and
"told by one side, no shared anchor": ``benchmarks/align_para_classes.py``).  Round 36's
``align_quotes`` moves such a link by the quotation mark; this step moves it by the anchors
(``strong_keys``: figures as digits, small numbers left out as ``unique_anchors`` does; names
as skeletons only at ``RELINK_NAMES``): a 1-1
link whose two sentences share no anchor, with an unmatched, unmoved neighbour of one side
(next to it, no role break between) that shares one with the link's other sentence, is moved
to that neighbour; the old partner is left unmatched.  Order and every other bead hold.

``AlignParams.anchor_neighbour_relink`` (0: off; 1, shipped: two-language pairs only; 2: every
pair, which moves no dev bead more).  Figures only (``RELINK_NAMES`` 0): leave one
batch out chose 1 with figures in 75 of 75 folds (dev paraphrases +2 right and sure beads,
batches 47 and 89; no bead lost), the check pooled +1 right; ``docs/align.md`` "Round 38
(beadsb38)".  Figures of like size (round 37's hedge, ``RELINK_LIKE_KEEP`` / ``_PARTNER``, beadsc38)
count as shared too.  Linear in the beads.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from workbench.core.align_figures import figures, twins
from workbench.core.align_quotes import _free, swap_relinks
from workbench.core.align_repair import Bead
from workbench.core.align_scoring import AlignParams
from workbench.core.anchors import _small, anchor_keys, name_key, names, place_keys

Breaks = tuple[frozenset[int], frozenset[int]]


def strong_keys(text: str, keys: frozenset[str] | None = None) -> frozenset[str]:
    """``text``'s figures (``anchor_keys``' digits, small numbers under 10 left out: counts any
    two sentences of a story share) and names (``anchors.names``: not sentence-initial, so a
    capitalised first word is no name), one-word country and region names left out
    (``place_keys``: a story names its places in many sentences).  ``keys``: ``text``'s
    ``anchor_keys`` when the caller has them (the scorer's, ``_Memo``)."""
    keys = anchor_keys(text) if keys is None else keys
    figures = {k for k in keys if k.startswith("#") and not _small(k)}
    if not RELINK_NAMES:
        return frozenset(figures)
    named = {"@" + name_key(n) for n in names(text)} - place_keys()
    return frozenset(figures | {k for k in named if len(k) > 2})


#: 1: ``strong_keys`` reads names too (a grid switch of round 38: names lost three dev
#: translation beads to transliterations that differ, "Brittany" / "Бретані", and to one that
#: meets a neighbour's, "Brittany" / "Британії"; shipped 0, figures only)
RELINK_NAMES = 0


#: 1: a link whose two sides tell figures of like size (``align_figures.twins`` within
#: ``AlignParams.xlang_figure_factor``, round 37's hedge: "11.400" / "11 000") counts as sharing
#: one and stays (round 38, beadsc38: shipped 1, a product fix on a tie: batch 116's two true
#: flags under ``twin_bound`` kept; ``docs/align.md`` "Round 38 (beadsc38)")
RELINK_LIKE_KEEP = 1
#: 1: a free neighbour whose figures are of like size to the link's other side's ("437" /
#: "more than 400") is a partner too (round 38, beadsc38: shipped 1, LOBO 75 of 75 folds, +2
#: right and sure dev paraphrase beads, batches 82 and 126; the check pooled unchanged)
RELINK_LIKE_PARTNER = 1


class _Memo:
    """One relink call's ``strong_keys`` and ``figures`` per text, each computed once.

    Why (round 39, speed39): the step asked ``anchor_keys`` (two patterns and a skeleton per
    name) and ``check_numbers.quantities`` (a dozen patterns) of each sentence it looked at,
    a tenth of a warm two-language call, while the first pass's scorer already holds every
    sentence's ``anchor_keys`` (``BeadScorer.anchor_memo``, the batch ``anchor_keys_all``,
    equal text by text).  ``known``: those keys by text (a text not in it is keyed here).
    """

    def __init__(self, known: Mapping[str, frozenset[str]] | None = None) -> None:
        self.known = known or {}
        self.keys: dict[str, frozenset[str]] = {}
        self.values: dict[str, list[float]] = {}

    def strong(self, text: str) -> frozenset[str]:
        if (found := self.keys.get(text)) is None:
            found = self.keys[text] = strong_keys(text, self.known.get(text))
        return found

    def figures(self, text: str) -> list[float]:
        if (found := self.values.get(text)) is None:
            found = self.values[text] = figures(text)
        return found

    def like(self, one: str, other: str, factor: float) -> bool:
        """Whether two sentences tell a figure of like size each (a hedged or rounded figure:
        ``align_figures.twins``, counts of 10 or more or measures, within ``factor``); a
        side without figures pairs none, so the other is not read."""
        mine = self.figures(one)
        return bool(mine) and twins(mine, self.figures(other), factor)


def _target(beads: list[Bead], k: int, texts: tuple[Sequence[str], Sequence[str]],
            breaks: Breaks, factor: float, memo: _Memo) -> tuple[int, int] | None:  # fmt: skip
    """(side, neighbour bead index) the link ``beads[k]`` moves to, or ``None``: the side
    whose free neighbour shares an anchor with the link's other sentence, the nearer bead
    first; a link whose sentences share an anchor stays (and, at ``RELINK_LIKE_KEEP``, one
    whose sentences tell figures of like size; at ``RELINK_LIKE_PARTNER`` a neighbour of like
    size is a partner too)."""
    link = beads[k]
    if len(link.left) != 1 or len(link.right) != 1 or link.move_to is not None:
        return None
    ends = (link.left[0], link.right[0])
    keys = (memo.strong(texts[0][ends[0]]), memo.strong(texts[1][ends[1]]))
    if keys[0] & keys[1]:
        return None
    pair = (texts[0][ends[0]], texts[1][ends[1]])
    near = _near(beads, k, ends, breaks, keys)
    if not near or (RELINK_LIKE_KEEP and memo.like(*pair, factor)):
        return None
    for side, n, x in near:
        if _shares(texts[side][x], keys[1 - side], pair[1 - side], (factor, memo)):
            return side, n
    return None


def _near(beads: list[Bead], k: int, ends: tuple[int, int], breaks: Breaks,
          keys: tuple[frozenset[str], frozenset[str]]) -> list[tuple[int, int, int]]:  # fmt: skip
    """(side, bead index, sentence) of the link ``beads[k]``'s free, unmoved neighbours next to
    it (no role break between), side by side, the nearer bead first; a side whose other
    sentence has no strong key has none unless ``RELINK_LIKE_PARTNER``.

    Why apart (round 39, speed39): most links have none, and then the like-size test of the
    link's own sentences (``check_numbers.quantities`` of each, the step's dearest part) cannot
    change the answer, so ``_target`` asks it only when a neighbour is there."""
    out = []
    for side in (0, 1):
        if not keys[1 - side] and not RELINK_LIKE_PARTNER:
            continue
        for n in (k - 1, k + 1):
            if not 0 <= n < len(beads) or (x := _free(beads[n], side)) is None:
                continue
            if abs(x - ends[side]) == 1 and max(x, ends[side]) not in breaks[side]:
                out.append((side, n, x))
    return out


def _shares(text: str, other: frozenset[str], partner: str, like: tuple[float, _Memo]) -> bool:
    """Whether the neighbour ``text`` shares a figure with the link's other sentence
    (``other``: its ``strong_keys``; ``partner``: its text), or one of like size at
    ``RELINK_LIKE_PARTNER`` (``like``: the factor and the call's memo)."""
    factor, memo = like
    if memo.strong(text) & other:
        return True
    return bool(RELINK_LIKE_PARTNER) and memo.like(text, partner, factor)


def relink_anchors(
    beads: list[Bead], texts: tuple[Sequence[str], Sequence[str]], params: AlignParams,
    breaks: Breaks = (frozenset(), frozenset()), same: bool = False,
    known: Mapping[str, frozenset[str]] | None = None,
) -> list[Bead]:  # fmt: skip
    """``beads`` with each link ``_target`` finds moved to its anchored neighbour (the two
    beads swap sentences in place, so order and every other index hold).  ``known``: the
    texts' ``anchor_keys`` where the caller has them (``BeadScorer.anchor_memo``)."""
    level = params.anchor_neighbour_relink
    if level < 1 or (same and level < 2):  # a move's ends are never touched (``_free``)
        return beads
    factor, memo = params.xlang_figure_factor, _Memo(known)
    return swap_relinks(beads, lambda out, k: _target(out, k, texts, breaks, factor, memo))
