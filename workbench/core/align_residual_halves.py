"""An unmatched sentence that tells what a link's other side says beyond the link, joined to it.

Why: a restructured rewrite joins two sentences of the original into one, and the two need
not be neighbours (reorder plus join).  The aligner links the joined sentence to one of them;
the other stays unmatched, next to the link or further away, and the gold bead is a 2-1 (with
a gap when they were apart).  Round 26's study of every unmatched sentence of the dev
rewrites and copies against every link of its pair (``benchmarks/align_misses.py`` classes
"split / partial", with and without a gap) found what tells such a half from a glued or
unrelated sentence: it holds words of the link's other side that *nothing else* on either
page holds (its own side: no other sentence; the other side: only the link's sentences), and
those words are a good share of what the other side says beyond the link's own sentence (its
*residual*: the other side's content stems and numbers minus the link's own).  A glued
neighbour shares topic words, which the link's own sentence or other sentences hold too; a
sentence that tells something new shares no residual.  This reads any distance, where
``align_rejoin`` reads only neighbours (rare keys, the glue model) and ``align_far_halves``
only the lead's link.

Words are ``page_shapes.stems`` (5-letter beginnings of words of 5+ letters) and whole
numbers (``align_rare.sentence_keys``): the study's keys.  Runs after the confidences (a
joined link with a gap keeps the confidence its sentences earned, as the far halves do), in
pairs of one language compared directly; never across a role break; moves are left alone;
each link takes at most one sentence and holds at most ``align_rejoin.MAX_SIDE - 1`` on the
joining side before it; each unmatched sentence joins one link.  Work: per unmatched
sentence, the links holding its unshared keys.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from workbench.core.align_far_halves import join_far_halves
from workbench.core.align_rare import Keys, sentence_keys
from workbench.core.align_rejoin import MAX_SIDE, joined_beads, key_holders
from workbench.core.align_repair import Bead
from workbench.core.align_scoring import AlignParams
from workbench.core.page_shapes import stems

Holders = tuple[dict[str, set[int]], dict[str, set[int]]]


def late_halves(
    beads: list[Bead], sides: tuple[Sequence[str], Sequence[str]], keys: Keys | None,
    params: AlignParams, where: tuple[tuple[int, int] | None, tuple[Iterable[int], Iterable[int]]],
) -> list[Bead]:  # fmt: skip
    """``align_far_halves.join_far_halves``, then ``join_residual_halves`` (one language:
    ``keys``, the pair's rare keys, not ``None``).  ``where``: the leads and role breaks."""
    beads = join_far_halves(beads, sides, keys, params, where)
    if keys is None:
        return beads
    return join_residual_halves(beads, sides, params, where[1])


def content_keys(text: str) -> frozenset[str]:
    """A sentence's content stems and whole numbers (the words a residual is made of)."""
    return stems(text) | {k for k in sentence_keys(text, 5) if k.isdigit()}


def join_residual_halves(
    beads: list[Bead], sides: tuple[Sequence[str], Sequence[str]], params: AlignParams,
    breaks: tuple[Iterable[int], Iterable[int]] = ((), ()),
) -> list[Bead]:  # fmt: skip
    """Each unmatched sentence joins the link whose residual it tells (see the module).

    ``AlignParams.residual_half_keys``: how many keys only the sentence and the link's other
    side hold (< 1: off); ``residual_half_share``: the least share of the other side's
    residual the sentence holds.  Offers are taken best first (keys, then share).
    """
    need = params.residual_half_keys
    if need < 1:
        return beads
    keys = ([content_keys(t) for t in sides[0]], [content_keys(t) for t in sides[1]])
    holders = key_holders(keys)
    cuts = (frozenset(breaks[0]), frozenset(breaks[1]))
    linked = _linked(beads)
    offers = []
    for n, lone in enumerate(beads):
        if lone.move_to is not None or bool(lone.left) == bool(lone.right):
            continue
        side = 0 if lone.left else 1
        x = (lone.left or lone.right)[0]
        for k in _claimable(linked[1 - side], (side, x), keys, holders):
            claim = _claim(beads[k], (side, x), keys, holders, params)
            if claim is not None and not _crosses(beads[k], side, x, cuts[side]):
                offers.append((claim, n, k, side, x))
    taken: dict[int, Bead] = {}
    gone: set[int] = set()
    for _claim_of, n, k, side, x in sorted(offers, reverse=True):
        if k in taken or n in gone:
            continue
        link = beads[k]
        own = tuple(sorted((*(link.left if side == 0 else link.right), x)))
        left, right = (own, link.right) if side == 0 else (link.left, own)
        taken[k] = Bead(left, right, link.score, f"{len(left)}-{len(right)}",
                        confidence=link.confidence)  # fmt: skip
        gone.add(n)
    return joined_beads(beads, taken, gone) if taken else beads


def _linked(beads: list[Bead]) -> tuple[dict[int, int], dict[int, int]]:
    """Per side, each sentence of a link (no move) and that link's index."""
    links = [(k, b) for k, b in enumerate(beads) if b.left and b.right and b.move_to is None]
    return ({y: k for k, b in links for y in b.left}, {y: k for k, b in links for y in b.right})


def _claimable(where: dict[int, int], at: tuple[int, int], keys: Keys, holders: Holders
               ) -> set[int]:  # fmt: skip
    """Indices of the links whose other side (``where``: its linked sentences) holds a key
    only sentence ``at`` holds on its side: the only links the sentence can claim."""
    side, x = at
    found = set()
    for key in keys[side][x]:
        if holders[side][key] == {x}:
            found.update(where[y] for y in holders[1 - side].get(key, ()) if y in where)
    return found


def _claim(link: Bead, at: tuple[int, int], keys: Keys, holders: Holders, params: AlignParams
           ) -> tuple[int, float] | None:  # fmt: skip
    """(keys claimed, share of the residual) of sentence ``at`` for ``link``, ``None`` below
    ``residual_half_keys`` / ``residual_half_share`` or when the link is full on that side."""
    side, x = at
    own, other = (link.left, link.right) if side == 0 else (link.right, link.left)
    if len(own) >= MAX_SIDE:
        return None
    residual = frozenset().union(*(keys[1 - side][y] for y in other))
    residual -= frozenset().union(*(keys[side][y] for y in own))
    told = keys[side][x] & residual
    if not residual:
        return None
    inside = set(other)
    claimed = sum(1 for key in told
                  if holders[side][key] == {x} and holders[1 - side][key] <= inside)  # fmt: skip
    share = len(told) / len(residual)
    if claimed < params.residual_half_keys or share < params.residual_half_share:
        return None
    return claimed, round(share, 6)


def _crosses(link: Bead, side: int, x: int, cuts: frozenset[int]) -> bool:
    """Whether a role break lies between ``x`` and the link's own sentences on its side."""
    own = link.left if side == 0 else link.right
    low, high = min(x, own[0]), max(x, own[-1])
    return any(low < c <= high for c in cuts)
