"""A line next to one page's story is compared when the aligner links it to the other's story.

Why: pages are labelled alone (at ingest), and the learned role layer (``core.role_model``)
sometimes takes a story line out of a page's story: kievvlast's last sentence "Огонь
потушили в 04:20.", the glued datelines "Kiew." and "Hannover." of two dpa pickups.  Their
pair page tells the same line in its story, so the bead is lost at compare time (the layer
cost three beads on unseen pages in rounds 20, 22 and 23).  Round 23's dev study
(``benchmarks/role_pair_moves.py``) found every such wrong move has a partner the other page
keeps in its story, and no right move has one.  So a page pair can undo the move: an
``other`` line at or inside the edges of the story (the lines the layer turns) is aligned
with the story once, read as body; if the aligner links it on its own to *story* lines of the
other page, at least ``UNCERTAIN_BELOW`` sure and ``PARTNER_SCORE`` similar, it stays compared
(read as body); else the pair is aligned without it.  The partner must be a story line: a
translation pair's two cookie notices link with each other, not with a story.  The line must
stand alone and be similar: on dev, a caption, a byline or a newsletter prompt beside the lead
was linked by the aligner too (joined to the lead, or 1-1 at chance similarity), 17 gold chrome
lines against 9 story lines with no floor.  Page roles are unchanged (each page's own
reading; rows show them).  The guard reads roles only, so a line the rules put out of the story
is a candidate too (the roles at compare time do not say who decided).  Pure: the aligning is
the caller's (``Aligner``).

The capture's end (round 30, ``TAIL_LINES``): a page captured part way through its story ends
a line or two after its last body line, and the roles read that tail (a crosshead, the cut
last sentence "Das Gesamtjahr fällt für die P") as chrome, since it ends no sentence.  Two
copies cut at different points then lose their last beads on both pages, and the edge window
above neither reaches a line two below the body nor lets two chrome lines partner.  So when a
page ends within ``TAIL_LINES`` lines of its last body line, on a line that ends no sentence,
its ``other`` lines there are its tail; when both pages have one, the tail lines are
candidates and a tail line may partner the other page's tail line (``TAIL_PARTNERS``).  A page
read whole ends in a footer many lines long or on a whole sentence, so only a cut capture has
a tail.  Only one page cut is left alone: pairing its tail with the other page's story shifted
a nearby move row's confidence under the flag gate on dev (round 30).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from workbench.core.align_repair import Bead
from workbench.core.roles import STORY_ROLES as STORY
from workbench.core.statuses import UNCERTAIN_BELOW

#: Switch for before/after runs: off, the compared lines are ``align_inner.compared_lines``'s.
PARTNER_LINES = True
#: The least raw similarity (``Bead.score``) of the candidate's link: a caption or a byline is
#: linked at chance level beside the story it sits in.  Chosen by leave one batch out among
#: 0-0.5 keeping the guard-off bead precision (round 24, ``benchmarks/align_partner_lines.py``).
PARTNER_SCORE = 0.4
#: The role a candidate line is read with while compared.
AS_STORY = "body"
#: The capture's end (round 30): when a page ends at most this many lines after its last body
#: line, on a line that ends no sentence, its ``other`` lines there are candidates too, and two
#: such lines, one on each page, may partner each other (two captures cut inside the same
#: closing sentences).  0: off.  Chosen by leave one batch out among 0-4 (59 of 59 folds: 2;
#: 3 adds only two pages' subscribe lines, 4 loses rewrite beads; ``align_pairs_cv.py``).
TAIL_LINES = 2
#: Whom a tail line beyond the edge window may partner: ``"both"``, only the other page's tail
#: line (both captures cut: tails are candidates only when both pages have one), or ``"any"``,
#: the other page's story too (round 30: "any" gained two dev beads more but cost batch 104's
#: rewrite a true flag: a move row's confidence fell under the gate).
TAIL_PARTNERS = "both"
#: A line that ends a sentence: a stop, question or exclamation mark or ellipsis, then closing
#: quotes or brackets (a cookie notice or a subscribe line read whole ends so; a cut one not).
_ENDS = re.compile(r"[.!?…][\"'»”“’›)\]]*\s*$")

Pages = tuple[Sequence[str], Sequence[str]]

#: ``(left ids, right ids, left roles, right roles) -> beads``: the caller aligns those page
#: lines of each side read with those roles (one role per id); bead indices are into the ids.
Aligner = Callable[[Sequence[int], Sequence[int], Sequence[str], Sequence[str]], list[Bead]]


class Compared(NamedTuple):
    """The page lines each side compared, the roles they were read with, and the beads."""

    left: list[int]
    right: list[int]
    left_roles: list[str]
    right_roles: list[str]
    beads: list[Bead]


def edge_lines(roles: Sequence[str]) -> list[int]:
    """``other`` lines from just above the first body line to just below the last one."""
    body = [k for k, role in enumerate(roles) if role == "body"]
    if not body:
        return []
    window = range(max(0, body[0] - 1), min(len(roles), body[-1] + 2))
    return [k for k in window if roles[k] == "other"]


def tail_lines(roles: Sequence[str], texts: Sequence[str] | None) -> list[int]:
    """``other`` lines after the last body line when the page ends within ``TAIL_LINES`` lines
    of it on a line that ends no sentence (a capture cut inside its story's last lines); none
    when ``TAIL_LINES`` is 0 or the texts are not given."""
    body = [k for k, role in enumerate(roles) if role == "body"]
    if not TAIL_LINES or texts is None or not body or len(roles) - 1 - body[-1] > TAIL_LINES:
        return []
    if _ENDS.search(texts[-1]):
        return []
    return [k for k in range(body[-1] + 1, len(roles)) if roles[k] == "other"]


def candidates(
    keep: tuple[Sequence[int], Sequence[int]], roles: Pages, texts: Pages | None = None
) -> tuple[set[int], set[int]]:
    """Each side's edge lines and (``texts`` given) tail lines not compared already (none when
    ``PARTNER_LINES`` is off)."""
    if not PARTNER_LINES:
        return set(), set()
    tails = pair_tails(roles, texts)
    return (
        {*edge_lines(roles[0]), *tails[0]} - set(keep[0]),
        {*edge_lines(roles[1]), *tails[1]} - set(keep[1]),
    )


def pair_tails(roles: Pages, texts: Pages | None) -> tuple[set[int], set[int]]:
    """Each page's ``tail_lines``; with ``TAIL_PARTNERS`` "both", none unless both pages
    have some (a tail line then partners only the other page's tail)."""
    lines = texts or (None, None)
    tails = set(tail_lines(roles[0], lines[0])), set(tail_lines(roles[1], lines[1]))
    if TAIL_PARTNERS == "both" and not (tails[0] and tails[1]):
        return set(), set()
    return tails


def _read(ids: Sequence[int], roles: Sequence[str], cands: set[int]) -> list[str]:
    return [AS_STORY if k in cands else roles[k] for k in ids]


def partnered(
    beads: Sequence[Bead], ids: tuple[Sequence[int], Sequence[int]],
    cands: tuple[set[int], set[int]], roles: tuple[Sequence[str], Sequence[str]],
    tails: tuple[set[int], set[int]] = (set(), set()),
) -> tuple[set[int], set[int]]:  # fmt: skip
    """The candidate page lines linked on their own (alone on their side of the link) to lines
    of the other page's story (page role a story role), at least ``UNCERTAIN_BELOW`` sure and
    ``PARTNER_SCORE`` similar; a line of ``tails`` (``tail_lines``) also to the other page's."""
    out: tuple[set[int], set[int]] = (set(), set())
    for bead in beads:
        if bead.confidence < UNCERTAIN_BELOW or bead.score < PARTNER_SCORE:
            continue
        sides = ([ids[0][k] for k in bead.left], [ids[1][k] for k in bead.right])
        for s in (0, 1):
            mine, theirs = sides[s], sides[1 - s]
            # a story line of the other page, or (both lines in the capture's tails) its tail;
            # with TAIL_PARTNERS "both" a tail line below the edge window partners tails only
            partners = {k for k in theirs if roles[1 - s][k] in STORY}
            if len(mine) == 1 and mine[0] in tails[s]:
                if TAIL_PARTNERS == "both" and mine[0] not in edge_lines(roles[s]):
                    partners = set()
                partners |= set(theirs) & tails[1 - s]
            if len(mine) == 1 and mine[0] in cands[s] and theirs and partners == set(theirs):
                out[s].add(mine[0])
    return out


def compare_partners(
    keep: tuple[Sequence[int], Sequence[int]],
    roles: tuple[Sequence[str], Sequence[str]],
    align: Aligner,
    texts: Pages | None = None,
) -> Compared:
    """The pair aligned on ``keep`` (``align_inner.compared_lines``) and the edge lines the
    aligner links to the other page's story (with ``texts``, the pages' lines, the capture's
    tail lines too: ``tail_lines``); at most two alignments."""
    cands = candidates(keep, roles, texts)
    if not cands[0] and not cands[1]:
        return _aligned(keep, roles, cands, align)
    trial = _aligned(keep, roles, cands, align)
    both = pair_tails(roles, texts)
    tails = (both[0] & cands[0], both[1] & cands[1])
    found = partnered(trial.beads, (trial.left, trial.right), cands, roles, tails)
    if found == cands:
        return trial
    return _aligned(keep, roles, found, align)


def _aligned(
    keep: tuple[Sequence[int], Sequence[int]], roles: tuple[Sequence[str], Sequence[str]],
    extra: tuple[set[int], set[int]], align: Aligner,
) -> Compared:  # fmt: skip
    ids = [sorted(set(k) | e) for k, e in zip(keep, extra, strict=True)]
    read = [_read(i, r, e) for i, r, e in zip(ids, roles, extra, strict=True)]
    return Compared(ids[0], ids[1], read[0], read[1], align(ids[0], ids[1], read[0], read[1]))
