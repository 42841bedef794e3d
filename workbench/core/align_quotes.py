"""A quote linked to a sentence that tells none, beside a free quote: the link moves over.

Why (round 36, ``beads36``): a paraphrase adds a sentence of context next to a quote, and the
aligner, which across languages reads little more than figures and names through a stand-in
MT, links the original's quote to the added sentence and leaves the paraphrase's own quote
unmatched beside it (batch 130's uk -> en paraphrase: «Нам нікуди йти, …» linked to "Rents in
towns across central and western Ukraine have climbed sharply …", while "\"We have nowhere to
go,\" one of the protest organisers told local media." stands alone next to it).  Whether a
sentence opens with a quotation mark survives every language and every MT: a 1-1 link whose
two sides disagree on it, with an unmatched neighbour of the non-quote side (next to it, no
role break between) that tells a quote as the link's quote side does, is moved to that
neighbour; the old partner is left unmatched.

``AlignParams.quote_neighbour_relink`` (0: off; shipped 1, two-language pairs only: in a pair
of one language the words are the evidence and every pair, 2, loses two dev rewrite beads;
leave one batch out gains three dev sure beads, batches 73, 117 and 130, and the check pooled
moves by one bead; ``docs/align.md`` "Round 36 (beads36)").  Linear in the beads.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from workbench.core.align_repair import Bead
from workbench.core.align_scoring import AlignParams

Breaks = tuple[frozenset[int], frozenset[int]]

#: opening quotation marks of the languages the tool reads (ASCII, German, French, English,
#: Ukrainian/Russian guillemets and their single forms)
QUOTE_MARKS = frozenset('"\'«»„“”‚‘’‹›')


#: a quotation mark closed and followed by the attribution's comma or dash ("…", – сказав)
_CLOSED = re.compile(r"[\"'»“”‘’«]\s*[,–—-]")


def opens_quote(text: str) -> bool:
    """Whether ``text``'s first visible character (after a dash) is a quotation mark."""
    head = text.lstrip(" \t–—-")
    return bool(head) and head[0] in QUOTE_MARKS


def tells_quote(text: str) -> bool:
    """Whether ``text`` opens a quote or closes one before its attribution: the last sentence
    of a quote told over several sentences ("Розраховуємо … до вечора", – сказав …) is a
    quote too, though its first character is no mark (batches 16 and 17)."""
    return opens_quote(text) or bool(_CLOSED.search(text))


def _free(bead: Bead, side: int) -> int | None:
    """The one sentence of an unmatched, unmoved bead on ``side``, else ``None``."""
    own, other = (bead.left, bead.right) if side == 0 else (bead.right, bead.left)
    if other or len(own) != 1 or bead.move_to is not None:
        return None
    return own[0]


def _target(beads: list[Bead], k: int, texts: tuple[Sequence[str], Sequence[str]],
            breaks: Breaks) -> tuple[int, int] | None:  # fmt: skip
    """(side, neighbour bead index) the link ``beads[k]`` moves to, or ``None``."""
    link = beads[k]
    if len(link.left) != 1 or len(link.right) != 1 or link.move_to is not None:
        return None
    quoted = (tells_quote(texts[0][link.left[0]]), tells_quote(texts[1][link.right[0]]))
    if quoted[0] == quoted[1]:
        return None
    side = 0 if quoted[1] else 1  # the side whose sentence lacks the quote
    at = (link.left, link.right)[side][0]
    for n in (k - 1, k + 1):
        if not 0 <= n < len(beads) or (x := _free(beads[n], side)) is None:
            continue
        if abs(x - at) == 1 and max(x, at) not in breaks[side] and tells_quote(texts[side][x]):
            return side, n
    return None


def relink_quotes(
    beads: list[Bead], texts: tuple[Sequence[str], Sequence[str]], params: AlignParams,
    breaks: Breaks = (frozenset(), frozenset()), same: bool = False,
) -> list[Bead]:  # fmt: skip
    """``beads`` with each link ``_target`` finds moved to its quoted neighbour (the two beads
    swap sentences in place, so order and every other index hold).  ``quote_neighbour_relink``:
    0 off, 1 in a two-language pair only (``same`` False: there the words say least), 2 in
    every pair."""
    level = params.quote_neighbour_relink
    if level < 1 or (same and level < 2):  # a move's ends are never touched (``_free``)
        return beads
    return swap_relinks(beads, lambda out, k: _target(out, k, texts, breaks))


def swap_relinks(
    beads: list[Bead], find: Callable[[list[Bead], int], tuple[int, int] | None],
) -> list[Bead]:  # fmt: skip
    """``beads`` with each link ``find`` sends to a free neighbour moved there: ``find(out,
    k)`` gives (side, n) when link ``k`` should take bead ``n``'s free sentence on ``side``.
    The two beads swap sentences in place, so order and every other index hold; shared by
    the quote relink and the anchor relink (``align_anchor_relink``), whose rules differ
    only in ``find``."""
    out = list(beads)
    for k in range(len(out)):
        found = find(out, k)
        if found is None:
            continue
        side, n = found
        link, free = out[k], out[n]
        x = _free(free, side)
        if side == 0:
            moved, left_alone = replace(link, left=(x,)), replace(free, left=link.left)
        else:
            moved, left_alone = replace(link, right=(x,)), replace(free, right=link.right)
        if n < k:
            out[n], out[k] = moved, left_alone
        else:
            out[k], out[n] = left_alone, moved
    return out
