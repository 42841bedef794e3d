"""The last passes over a page pair's links: fragments come off, 2-2 links of two pairs split.

Why: page roles are never perfect, and the lines they let into the story are
mostly not sentences: a photo credit ("Фото: ДСНС України", "© Evgeniy
Maloletka/AP/dpa"), a byline or agency sign-off ("Reuters", "mik/dpa"), a share
button ("Поділитися"), an ad label ("Publicité"), a date line.  Across
languages a true link shows little evidence (copy-only MT: names and numbers),
so such a line beside a link costs the DP one merge and makes the lengths fit
a little better: it ends up as the end sentence of a 1-2 or 2-1 bead, which is
then judged "changed" and hides the real 1-1 pair (dev story pairs with two
chrome lines let in at random: 28 of 43 links holding one were right without
it).  A fragment, a line that does not end like a sentence (no final
``.!?…:;`` or closing quote), at the end of a many-sided link comes off as an
unmatched line unless its own evidence (coverage above chance,
``align_confidence.sentence_evidence``) reaches ``AlignParams.fragment_evidence``:
a headline split over two lines shares the other side's words and stays, and a
last sentence the capture cut mid-word is longer than ``FRAGMENT_WORDS``.  A
role error that drops a line leaves its partner alone, and the DP joins it to a
neighbouring link: ``split_pairs`` undoes the 2-2 links that are two pairs.
Only in document pairs under ``AlignParams.long_glue_min`` sentences a side
(pages; long texts carry no page chrome and keep their beads).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from workbench.core.align_confidence import sentence_evidence, take_end
from workbench.core.align_repair import Bead, moves_remapped
from workbench.core.align_scoring import AlignParams, BeadScorer

FRAGMENT_WORDS = 8  # a credit, byline or label is a few words; a cut sentence is longer
_STOPS = ".!?…:;。！？"  # a sentence ends in one of these, or in a quote that closes it
_QUOTES = "\"'»«”“’„"


def is_fragment(text: str) -> bool:
    """True for a short line that does not end like a sentence (a credit, label, byline, date).

    A longer one is a sentence the capture cut mid-word, which keeps its link.
    """
    stripped = text.rstrip()
    if len(stripped.split()) > FRAGMENT_WORDS:
        return False
    return ends_open(stripped)


def ends_open(text: str) -> bool:
    """True when ``text`` does not end like a sentence (no final ``.!?…:;``, closing quote or
    bracket after one): a label, a credit, a title, or a sentence the capture cut."""
    stripped = text.rstrip()
    if not stripped:
        return True
    if stripped[-1] in ")]" and len(stripped) > 1:
        return stripped[-2] not in _STOPS
    if stripped[-1] in _QUOTES:  # a quoted sentence, not a credit naming "Ukrenergo"
        closed = len(stripped) > 1 and stripped[-2] in _STOPS
        return stripped[0] not in _QUOTES and not closed
    return stripped[-1] not in _STOPS


def tidy_links(
    beads: list[Bead], scorer: BeadScorer, params: AlignParams,
    texts: tuple[Sequence[str], Sequence[str]],
) -> list[Bead]:  # fmt: skip
    """``shed_fragments``, then ``split_pairs``: the last passes over a page pair's links."""
    if min(scorer.counts) >= params.long_glue_min:
        return beads
    return split_pairs(shed_fragments(beads, scorer, params, texts), scorer, params)


def shed_fragments(
    beads: list[Bead], scorer: BeadScorer, params: AlignParams,
    texts: tuple[Sequence[str], Sequence[str]],
) -> list[Bead]:  # fmt: skip
    """Many-sided links lose the fragments at their ends that show too little evidence."""
    floor = params.fragment_evidence
    if floor <= -1:
        return beads
    fragments = tuple(frozenset(k for k, t in enumerate(side) if is_fragment(t)) for side in texts)
    return _rebuild(beads, lambda bead: _peel(bead, scorer, floor, fragments))


def split_pairs(beads: list[Bead], scorer: BeadScorer, params: AlignParams) -> list[Bead]:
    """A 2-2 link whose two diagonal 1-1 links each show their own evidence is those two links.

    Why: with a sentence missing nearby (a role error dropped its partner) or two
    sentences of different lengths, the DP pays one merge for a 2-2 bead whose
    lengths fit better than either 1-1; the reader then sees one "changed" block
    where two sentence pairs were kept.  When every sentence of the two diagonal
    pairs is covered by its partner alone at ``AlignParams.pair_split_evidence``
    above chance (``align_confidence.sentence_evidence``), the bead is split in
    order; in a true 2-2 (facts regrouped across the two sentences) some
    sentence shares next to nothing with its diagonal partner and the bead stays.
    On the dev pairs' 2-2 links that were wrong and whose diagonals are gold, the
    weakest of the four sentences showed .03-.32; on right 2-2 links -.05-.005.
    """
    level = params.pair_split_evidence
    if level <= -1:
        return beads

    def split(bead: Bead) -> list[Bead]:
        if len(bead.left) != 2 or len(bead.right) != 2:
            return [bead]
        pairs = [Bead((bead.left[x],), (bead.right[x],), 0.0, "1-1") for x in (0, 1)]
        if any(min(sentence_evidence(p, scorer)) < level for p in pairs):
            return [bead]
        return [replace(p, score=round(scorer.similarity(p.left[0], 1, p.right[0], 1), 4))
                for p in pairs]  # fmt: skip

    return _rebuild(beads, split)


def _rebuild(beads: list[Bead], change: Callable[[Bead], list[Bead]]) -> list[Bead]:
    """Each many-sided link (not a move) through ``change``; moves renumbered to their partner."""
    out: list[Bead] = []
    where: dict[int, int] = {}  # a bead's index before -> after
    for k, bead in enumerate(beads):
        where[k] = len(out)
        many = len(bead.left) + len(bead.right) > 2
        if bead.left and bead.right and bead.move_to is None and many:
            out.extend(change(bead))
        else:
            out.append(bead)
    return moves_remapped(out, where)


def _peel(
    bead: Bead, scorer: BeadScorer, floor: float, fragments: tuple[frozenset[int], ...]
) -> list[Bead]:
    left, right = list(bead.left), list(bead.right)
    before: list[Bead] = []
    after: list[Bead] = []
    while len(left) + len(right) > 2:
        values = sentence_evidence(Bead(tuple(left), tuple(right), 0.0, ""), scorer)
        ends = []
        for side, ids, offset in ((0, left, 0), (1, right, len(left))):
            if len(ids) > 1:
                ends += [(values[offset + pos], side, pos) for pos in (0, len(ids) - 1)
                         if ids[pos] in fragments[side]]  # fmt: skip
        weak = [e for e in ends if e[0] < floor or _adds_nothing(left, right, e[1], e[2], scorer)]
        if not weak:
            break
        _, side, pos = min(weak)
        take_end((left, right), side, pos, before, after)
    if not before and not after:
        return [bead]
    i, a, j, b = left[0], len(left), right[0], len(right)
    core = Bead(tuple(left), tuple(right), round(scorer.similarity(i, a, j, b), 4), f"{a}-{b}")
    return [*before, core, *after]


def _adds_nothing(left: list[int], right: list[int], side: int, pos: int, scorer: BeadScorer
                  ) -> bool:  # fmt: skip
    """The bead is as similar without that end line (a byline repeating the dateline's agency)."""
    rest = [(left, right)[side][1:], (left, right)[side][:-1]][pos != 0]
    lefts, rights = (rest, right) if side == 0 else (left, rest)
    whole = scorer.similarity(left[0], len(left), right[0], len(right))
    return scorer.similarity(lefts[0], len(lefts), rights[0], len(rights)) >= whole
