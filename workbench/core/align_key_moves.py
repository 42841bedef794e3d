"""Two free sentences of a one-language pair, far apart, paired as a move by their rare words.

Why (round 44, beadsb44): round 43's census of the dev rewrites' missed sure beads counts 26
"moved" misses (``benchmarks/align_gap_census.py``: "part linked elsewhere", "one side free"):
a rewrite moves a sentence, often rewords it on the way (a quote told as indirect speech), and
both the sentence and its partner stay free after every step, or the DP pairs one of them by
position. The move steps (``align_moves.detect_moves``) pair a deletion with an insertion by
their similarity gain (``one_language_move_gain``), which a reworded sentence misses: its
character n-grams are the story's topic words, which every sentence shares. The neighbour
rules (``align_rejoin``, ``align_key_joins``, ``align_far_halves``, ``align_move_halves``) read
rare keys, but only for a sentence beside a link or a move, or joining a lead. Here the rare
keys (``align_rare.rare_keys``: a five-letter word beginning or end, or a number, found in at
most two sentences of each page) decide on their own for two free sentences anywhere on the
page: in one language a name, a figure or a rare word that only these two sentences of the
two pages hold is the evidence a reader follows.

The rule (``key_move_twins``, in ``align`` after the late steps, one language only): a free
sentence (no move, no move's partner) of each side, the two sharing at least
``KEY_MOVE_LEAST`` rare keys, each the other's single best partner by shared rare keys among
*all* sentences of the other page (linked ones too: a key a link holds points there), are
paired as a move (two half beads pointing at each other, as ``align_moves`` marks them).
Pairs are taken strongest first, each sentence once. Two free sentences between the same two
links are no move (the gap steps own them) unless ``KEY_MOVE_IN_GAP``. With ``KEY_MOVE_WEAK``
one of the two may instead sit in a 1-1 link (no move) whose two sentences share no rare key
(paired by position, weakly): that link is broken, its other sentence left free.
``KEY_MOVE_LEAST`` 0 is off. Linear in the free sentences times the page.
"""

from __future__ import annotations

from dataclasses import replace

from workbench.core.align_moves import _with_moves
from workbench.core.align_rare import Keys
from workbench.core.align_repair import Bead
from workbench.core.align_scoring import BeadScorer

#: how many rare keys the two free sentences must share; 0 is off
KEY_MOVE_LEAST = 0

#: whether two free sentences in the same gap (between the same two links) may pair too
KEY_MOVE_IN_GAP = False

#: whether one of the two may sit in a 1-1 link whose sentences share no rare key
KEY_MOVE_WEAK = False


def _free(bead: Bead) -> bool:
    return bead.move_to is None and len(bead.left) + len(bead.right) == 1


def free_sentences(beads: list[Bead]) -> tuple[dict[int, int], dict[int, int]]:
    """Per side, each free sentence's index -> its bead's index (move partners excluded)."""
    targets = {b.move_to for b in beads if b.move_to is not None}
    sides: tuple[dict[int, int], dict[int, int]] = ({}, {})
    for n, bead in enumerate(beads):
        if n in targets or not _free(bead):
            continue
        if bead.left:
            sides[0][bead.left[0]] = n
        else:
            sides[1][bead.right[0]] = n
    return sides


def weak_sentences(beads: list[Bead], keys: Keys) -> tuple[dict[int, int], dict[int, int]]:
    """Per side, the sentences of 1-1 links (no move) whose two sentences share no rare key
    -> the link's bead index: a pairing by position the words do not back."""
    sides: tuple[dict[int, int], dict[int, int]] = ({}, {})
    for n, bead in enumerate(beads):
        if bead.move_to is None and len(bead.left) == 1 and len(bead.right) == 1:
            i, j = bead.left[0], bead.right[0]
            if not keys[0][i] & keys[1][j]:
                sides[0][i], sides[1][j] = n, n
    return sides


def sole_best(keys: Keys, side: int, x: int) -> tuple[int, int] | None:
    """``(sentence, shared)``: the other page's one sentence sharing most rare keys with
    sentence ``x`` of ``side``, or ``None`` on a tie or when none shares any."""
    mine = keys[side][x]
    best, where, tied = 0, None, False
    for y, theirs in enumerate(keys[1 - side]):
        shared = len(mine & theirs)
        if shared > best:
            best, where, tied = shared, y, False
        elif shared == best and best:
            tied = True
    return None if where is None or tied else (where, best)


def _same_gap(beads: list[Bead], d: int, k: int) -> bool:
    """True when no link stands between beads ``d`` and ``k`` (one gap)."""
    lo, hi = min(d, k), max(d, k)
    return not any(beads[n].left and beads[n].right for n in range(lo + 1, hi))


def twin_pairs(beads: list[Bead], keys: Keys, least: int, in_gap: bool = False,
               weak: bool = False) -> list[tuple[int, int, int]]:  # fmt: skip
    """``(shared, left bead, right bead)`` of the pairs the rule takes (module doc), strongest
    first, each sentence once; ``weak``: one of the two may sit in a keyless 1-1 link."""
    free = free_sentences(beads)
    loose = weak_sentences(beads, keys) if weak else ({}, {})
    lefts, rights = {**loose[0], **free[0]}, {**loose[1], **free[1]}
    offers = []
    for i, d in lefts.items():
        best = sole_best(keys, 0, i)
        if best is None or best[1] < least or best[0] not in rights:
            continue
        back = sole_best(keys, 1, best[0])
        if back is None or back[0] != i:
            continue
        k = rights[best[0]]
        if i not in free[0] and best[0] not in free[1] or d == k:
            continue  # two weak links (or one link's own pair): not this rule's
        if in_gap or not _same_gap(beads, d, k):
            offers.append((best[1], d, k))
    return sorted(offers, key=lambda o: (-o[0], o[1]))


def key_move_twins(beads: list[Bead], keys: Keys | None, scorer: BeadScorer,
                   least: int | None = None, in_gap: bool | None = None,
                   weak: bool | None = None) -> list[Bead]:  # fmt: skip
    """``beads`` with far free twins of shared rare keys marked as moves (module doc).

    ``keys``: ``align_rare.rare_keys`` of the pair (``None``, two languages: returned as
    given); ``least``: default ``KEY_MOVE_LEAST`` (0: off); ``in_gap``: default
    ``KEY_MOVE_IN_GAP``; ``weak``: default ``KEY_MOVE_WEAK``. The moves' scores are the pair's
    similarity, as ``align_moves``'; a broken link's other sentence is left free."""
    need = KEY_MOVE_LEAST if least is None else least
    if need <= 0 or keys is None:
        return beads
    gap = KEY_MOVE_IN_GAP if in_gap is None else in_gap
    loose = KEY_MOVE_WEAK if weak is None else weak
    pairs = []
    for _shared, d, k in twin_pairs(beads, keys, need, gap, loose):
        sim = scorer.similarity(beads[d].left[0], 1, beads[k].right[0], 1)
        pairs.append((sim, d, k))
    return _marked(beads, pairs) if pairs else beads


def _marked(beads: list[Bead], pairs: list[tuple[float, int, int]]) -> list[Bead]:
    """``align_moves._with_moves``, with the moves already there pointing at their partners'
    new places: a broken link becomes two beads and shifts the ones after it."""
    broken = {n for _sim, d, k in pairs for n in (d, k) if beads[n].left and beads[n].right}
    where, shift = {}, 0
    for n in range(len(beads)):
        where[n] = n + shift
        shift += n in broken
    out = _with_moves(beads, pairs)
    new = {where[n] + (n in broken) for _sim, d, k in pairs for n in (d, k)} | {
        where[d] for _sim, d, _k in pairs}
    return [b if b.move_to is None or n in new else replace(b, move_to=where[b.move_to])
            for n, b in enumerate(out)]  # fmt: skip
