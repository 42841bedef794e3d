"""Across languages, two free sentences of one gap that alone in that gap share a rare key.

Why (round 42, beads42): the dev census's largest class of missed cross-language paraphrase
beads is the gold 1-1 left free on both sides inside a wider gap between two links
(``benchmarks/align_gap_census.py``, ``gap 1-1``).  Through a copy stand-in MT the pair shows
only lengths, figures, names and word beginnings that survive the border ("Kläranlage" /
"Kläranlagen", "Sinsheim", "2,4"); the twin rules (``align_anchor_moves.link_anchor_twins``,
``align_repair.link_anchor_gaps``) pin two sentences only on a key *no other sentence of either
document* holds, and a paraphrase names its topic ("Kläranlage", the town) in several
sentences.  Inside one gap the question is narrower: of the few free sentences there, which
left one goes with which right one.  A key that exactly one free left sentence and exactly one
free right sentence of the gap hold, and that is rare in the pair (at most ``GAP_TWIN_MOST``
sentences of each document), answers it without the document-wide bar.

The rule (``pair_gap_twins``, two-language pairs only, at the end of the steps, after the late
sandwich): each gap — a run of beads none of which is a link, between two links or an edge,
no role break inside on either page — pairs its free one-sentence beads whose gap-unique rare
keys agree, the pairs with the most keys first, in order on both pages, when their
Gale-Church length cost is at most ``GAP_TWIN_COST`` nats.  Keys: the scorer's anchors
(figures, name skeletons, spelled numbers; small numbers and one-word place names left out)
and the word beginnings of ``align_cognates`` (``GAP_TWIN_PREFIX`` letters, folded, place
names left out).  ``GAP_TWIN_COST`` below 0 is off; it ships on at 2 nats, the chosen value
(the study: ``docs/align.md`` "Round 42 (beads42)", "Round 43 (beads43)" and "Round 44
(beads44)").  Linear in the
gaps' sentences and keys.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import chain

from workbench.core.align_cognates import sentence_beginnings
from workbench.core.align_repair import Bead, moves_remapped
from workbench.core.align_scoring import BeadScorer
from workbench.core.anchors import place_keys

#: the largest length cost (nats) of a gap-twin link; below 0 the rule is off.  Leave one batch
#: out chose 2 in 82 of 83 folds (round 42), 84 of 85 (round 43) and again with batches 161
#: and 162 (round 44), when the flag report with it on ran and kept its dev precision and
#: recall: it ships on (docs/align.md "Round 44 (beads44)")
GAP_TWIN_COST = 2.0

#: a key counts when it occurs in at most this many sentences of each document (a topic word
#: every paragraph repeats tells no sentence from its neighbour)
GAP_TWIN_MOST = 2

#: the word-beginning length of the cognate keys (0: figures and names only)
GAP_TWIN_PREFIX = 5

Breaks = tuple[frozenset[int], frozenset[int]]
Keys = tuple[list[frozenset[str]], list[frozenset[str]]]


def _link(bead: Bead) -> bool:
    return bool(bead.left and bead.right)


def _small(key: str) -> bool:
    return key.startswith("#") and key[1:].isdigit() and int(key[1:]) < 10


def pair_keys(texts: tuple[Sequence[str], Sequence[str]], anchors: Keys, prefix: int,
              most: int) -> Keys:  # fmt: skip
    """Each sentence's keys (anchors and word beginnings) held by at most ``most`` sentences
    of each document and by at least one of each: what the two pages can share at all."""
    places = place_keys()
    sides: list[list[frozenset[str]]] = []
    for side in (0, 1):
        words = sentence_beginnings(texts[side], prefix) if prefix > 0 else None
        sides.append([
            frozenset(k for k in keys if not _small(k) and k not in places)
            | (words[n] if words else frozenset())
            for n, keys in enumerate(anchors[side])
        ])  # fmt: skip
    counts = [Counter(chain.from_iterable(side)) for side in sides]
    rare = {k for k, n in counts[0].items() if n <= most and 0 < counts[1].get(k, 0) <= most}
    return [s & rare for s in sides[0]], [s & rare for s in sides[1]]


def _gaps(beads: list[Bead], breaks: Breaks) -> list[tuple[int, int]]:
    """(start, end) of each run of non-link beads with free sentences on both sides."""
    out = []
    k = 0
    while k < len(beads):
        if _link(beads[k]):
            k += 1
            continue
        end = k
        while end < len(beads) and not _link(beads[end]):
            end += 1
        run = beads[k:end]
        lefts = [x for b in run for x in b.left]
        rights = [x for b in run for x in b.right]
        inner = any(x in breaks[0] for x in lefts[1:]) or any(x in breaks[1] for x in rights[1:])
        if lefts and rights and not inner:
            out.append((k, end))
        k = end
    return out


def _chosen(run: list[Bead], keys: Keys, scorer: BeadScorer, cost: float
            ) -> list[tuple[int, int]]:  # fmt: skip
    """The gap's (left, right) pairs: gap-unique shared keys, most first, kept in order."""
    lone = [[b.left[0] for b in run if len(b.left) == 1 and not b.right and b.move_to is None],
            [b.right[0] for b in run if len(b.right) == 1 and not b.left and b.move_to is None]]
    held = [Counter(chain.from_iterable(keys[s][x] for x in lone[s])) for s in (0, 1)]
    owner = {k: i for i in lone[0] for k in keys[0][i] if held[0][k] == 1}
    shared: Counter = Counter()
    for j in lone[1]:
        for k in keys[1][j]:
            if held[1][k] == 1 and k in owner:
                shared[owner[k], j] += 1
    chosen: list[tuple[int, int]] = []
    for (i, j), _n in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0])):
        if scorer.length_cost(i, 1, j, 1) > cost:
            continue
        if all(a != i and b != j and (a < i) == (b < j) for a, b in chosen):
            chosen.append((i, j))
    return chosen


def _rebuilt(run: list[Bead], pairs: list[tuple[int, int]], scorer: BeadScorer) -> list[Bead]:
    """The gap's beads with each chosen pair one 1-1 link, every page's order kept.

    The free sentences before a link on each side come before it (left ones first), those
    after the last link after it: a monotonic bead list, whatever the gap's order was."""
    lefts = sorted(b.left[0] for b in run if b.left)
    rights = sorted(b.right[0] for b in run if b.right)
    out: list[Bead] = []
    a = b = 0
    for i, j in sorted(pairs):
        out += [Bead((x,), (), 0.0, "1-0") for x in lefts[a:lefts.index(i)]]
        out += [Bead((), (y,), 0.0, "0-1") for y in rights[b:rights.index(j)]]
        out.append(Bead((i,), (j,), round(scorer.similarity(i, 1, j, 1), 4), "1-1"))
        a, b = lefts.index(i) + 1, rights.index(j) + 1
    out += [Bead((x,), (), 0.0, "1-0") for x in lefts[a:]]
    return out + [Bead((), (y,), 0.0, "0-1") for y in rights[b:]]


def _plain(run: list[Bead], targets: set[int], start: int) -> bool:
    """Whether a gap is one-sentence free beads only, none a move nor a move's partner."""
    return all(len(b.left) + len(b.right) == 1 and b.move_to is None for b in run) and not any(
        start + n in targets for n in range(len(run)))


def pair_gap_twins(
    beads: list[Bead], scorer: BeadScorer, texts: tuple[Sequence[str], Sequence[str]],
    breaks: Breaks = (frozenset(), frozenset()), cost: float | None = None,
    most: int | None = None,
) -> list[Bead]:  # fmt: skip
    """``beads`` with each gap's key-sharing free pairs linked 1-1 (module doc).

    ``cost``: the length bound (default ``GAP_TWIN_COST``; below 0 the beads are returned as
    given); ``most``: the keys' rarity bound (default ``GAP_TWIN_MOST``).  The free beads
    of a gap are in the order of neither page alone, so a new link sits where its left
    sentence was and the gap's other free beads keep their relative order; moves keep
    pointing at their partners (``moves_remapped``).
    """
    bound = GAP_TWIN_COST if cost is None else cost
    if bound < 0:
        return beads
    anchors = (scorer.left_anchors, scorer.right_anchors)
    keys = pair_keys(texts, anchors, GAP_TWIN_PREFIX, GAP_TWIN_MOST if most is None else most)
    targets = {b.move_to for b in beads if b.move_to is not None}
    out: list[Bead] = []
    where: dict[int, int] = {}
    done = 0
    for start, end in _gaps(beads, breaks):
        for n in range(done, start):
            where[n] = len(out)
            out.append(beads[n])
        run = beads[start:end]
        pairs = _chosen(run, keys, scorer, bound) if _plain(run, targets, start) else []
        if not pairs:
            for n in range(start, end):
                where[n] = len(out)
                out.append(beads[n])
        else:
            out.extend(_rebuilt(run, pairs, scorer))
        done = end
    for n in range(done, len(beads)):
        where[n] = len(out)
        out.append(beads[n])
    return moves_remapped(out, where) if len(out) < len(beads) else beads
