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
"""

from __future__ import annotations

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


def candidates(
    keep: tuple[Sequence[int], Sequence[int]], roles: tuple[Sequence[str], Sequence[str]]
) -> tuple[set[int], set[int]]:
    """Each side's edge lines not compared already (none when ``PARTNER_LINES`` is off)."""
    if not PARTNER_LINES:
        return set(), set()
    return set(edge_lines(roles[0])) - set(keep[0]), set(edge_lines(roles[1])) - set(keep[1])


def _read(ids: Sequence[int], roles: Sequence[str], cands: set[int]) -> list[str]:
    return [AS_STORY if k in cands else roles[k] for k in ids]


def partnered(
    beads: Sequence[Bead], ids: tuple[Sequence[int], Sequence[int]],
    cands: tuple[set[int], set[int]], roles: tuple[Sequence[str], Sequence[str]],
) -> tuple[set[int], set[int]]:  # fmt: skip
    """The candidate page lines linked on their own (alone on their side of the link) to lines
    of the other page's story (page role a story role), at least ``UNCERTAIN_BELOW`` sure and
    ``PARTNER_SCORE`` similar."""
    out: tuple[set[int], set[int]] = (set(), set())
    for bead in beads:
        if bead.confidence < UNCERTAIN_BELOW or bead.score < PARTNER_SCORE:
            continue
        sides = ([ids[0][k] for k in bead.left], [ids[1][k] for k in bead.right])
        for s in (0, 1):
            mine, theirs = sides[s], sides[1 - s]
            if len(mine) == 1 and mine[0] in cands[s] and theirs and all(
                    roles[1 - s][k] in STORY for k in theirs):  # fmt: skip
                out[s].add(mine[0])
    return out


def compare_partners(
    keep: tuple[Sequence[int], Sequence[int]],
    roles: tuple[Sequence[str], Sequence[str]],
    align: Aligner,
) -> Compared:
    """The pair aligned on ``keep`` (``align_inner.compared_lines``) and the edge lines the
    aligner links to the other page's story; at most two alignments."""
    cands = candidates(keep, roles)
    if not cands[0] and not cands[1]:
        return _aligned(keep, roles, cands, align)
    trial = _aligned(keep, roles, cands, align)
    found = partnered(trial.beads, (trial.left, trial.right), cands, roles)
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
