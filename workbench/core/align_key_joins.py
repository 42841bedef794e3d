"""A free sentence of a one-language pair joined to its neighbouring 1-1 link by shared rare words.

Why (round 43, beadsb43): in a rewrite (one language compared directly) the largest class of
missed sure beads is a merge or split read as its 1-1 core plus a free sentence next to it
("core + free half" in ``benchmarks/align_gap_census.py``). Round 42's late join
(``align_free_joins``) read lengths and the pair's similarity, and on one language it lost
rewrite beads: a rewrite shortens and lengthens freely, so a length gain is weak evidence there,
and the similarity of the joined pair rises for any neighbour that repeats the story's topic
words. In one language the words themselves are the evidence: the free half of a merge carries
what the other side's single sentence repeats and its core lacks (a name, a figure, a
five-letter word beginning found in few sentences of each page, ``align_rare.rare_keys``).

The rule (``key_join_halves``, in ``align`` after the late steps, one language only): a free
sentence (no move, no move's partner) next to a 1-1 link (no move) on its own page, no role
break between, joins the link when the grown 2-1 / 1-2 costs at least ``KEY_JOIN_GAIN`` nats
less than the link alone (Gale-Church), it shares at least ``KEY_JOIN_LEAST`` rare keys with
the link's other sentence that the link's own sentence lacks, and no sentence of the other page
shares more rare keys with it than the link's does (else it belongs elsewhere: a moved
sentence, a gap's own pair). When both neighbours qualify, the one with more new keys wins; a
tie joins neither. A link grows once. ``KEY_JOIN_LEAST`` 0 is off, the shipped value: on the
dev pairs it lost in sample at every setting (one key, no length term: 5 sure beads found, 13
lost, the single repeating a topic word of a neighbour the rewrite dropped) and leave one batch
out lost two beads (``docs/align.md`` "Round 43 (beadsb43)"): a negative result kept as a study.
"""

from __future__ import annotations

from workbench.core.align_free_joins import Breaks, _free_one, _grown, _joined, _one_to_one
from workbench.core.align_rare import Keys
from workbench.core.align_repair import Bead
from workbench.core.align_scoring import BeadScorer

#: how many rare keys the free sentence must share with the link's other side and not with the
#: link's own sentence; 0 is off
KEY_JOIN_LEAST = 0

#: how many nats less the grown 2-1 / 1-2's Gale-Church cost must be than the link's own: the
#: rare words say where the free half belongs, the lengths that the other side holds it
KEY_JOIN_GAIN = 0.0


def new_keys(free: Bead, link: Bead, keys: Keys) -> int:
    """How many rare keys the free sentence shares with the link's other side that the link's
    own sentence (on the free sentence's page) lacks."""
    side = 0 if free.left else 1
    x = (free.left or free.right)[0]
    own = (link.left if side == 0 else link.right)[0]
    other = (link.right if side == 0 else link.left)[0]
    return len((keys[side][x] & keys[1 - side][other]) - keys[side][own])


def length_gain(free: Bead, link: Bead, scorer: BeadScorer, breaks: Breaks) -> float:
    """How many nats the grown 2-1 / 1-2 costs less than the link alone (``-inf`` when the
    free sentence is not next to the link or a break falls between)."""
    sides = _grown(free, link, breaks)
    if sides is None:
        return float("-inf")
    left, right = sides
    return scorer.length_cost(link.left[0], 1, link.right[0], 1) - scorer.length_cost(
        left[0], len(left), right[0], len(right)
    )


def _best_elsewhere(free: Bead, link: Bead, keys: Keys) -> bool:
    """True when the link's other sentence is among the free sentence's likeliest partners by
    shared rare keys (no sentence of the other page shares more)."""
    side = 0 if free.left else 1
    mine = keys[side][(free.left or free.right)[0]]
    other = (link.right if side == 0 else link.left)[0]
    here = len(mine & keys[1 - side][other])
    return all(len(mine & theirs) <= here for theirs in keys[1 - side])


def key_join_halves(beads: list[Bead], keys: Keys | None, scorer: BeadScorer,
                    breaks: Breaks = (frozenset(), frozenset()), least: int | None = None,
                    gain: float | None = None) -> list[Bead]:  # fmt: skip
    """``beads`` with each free half joined to the neighbouring 1-1 link whose other side its
    rare words repeat (module doc). ``keys``: ``align_rare.rare_keys`` of the pair (``None``:
    returned as given); ``least``: default ``KEY_JOIN_LEAST`` (0: off); ``gain``: default
    ``KEY_JOIN_GAIN``."""
    need = KEY_JOIN_LEAST if least is None else least
    if need <= 0 or keys is None:
        return beads
    fit = KEY_JOIN_GAIN if gain is None else gain
    targets = {b.move_to for b in beads if b.move_to is not None}
    joins: dict[int, int] = {}  # free bead -> link bead
    for k, bead in enumerate(beads):
        if k in targets or not _free_one(bead):
            continue
        found = []
        for n in (k - 1, k + 1):
            if not (0 <= n < len(beads)) or n in targets or n in joins.values():
                continue
            if not _one_to_one(beads[n]) or length_gain(bead, beads[n], scorer, breaks) < fit:
                continue
            count = new_keys(bead, beads[n], keys)
            if count >= need and _best_elsewhere(bead, beads[n], keys):
                found.append((count, n))
        found.sort(reverse=True)
        if found and (len(found) == 1 or found[0][0] > found[1][0]):
            joins[k] = found[0][1]
    if not joins:
        return beads
    return _joined(beads, joins, scorer)
