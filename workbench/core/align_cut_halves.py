"""Across languages, a sentence one page tells as two: the joined sentence's clause cut placed
by the two halves' lengths.

Why (round 40, beads40): the dev translations' largest loss, in every census since round 21,
is a sentence one page tells as two read as its 1-1 core, the other half left unmatched beside
it. Batch 146's de→en translation: "Die Ursache des Einsturzes ist noch unklar; ein Statiker
soll den Reststumpf des Turms am Donnerstag untersuchen." is "The cause of the collapse is not
yet known." + "A structural engineer is due to inspect …"; 145's "Die Menschen sollten Fenster
und Türen geschlossen halten und Lüftungs- sowie Klimaanlagen abschalten, …" is two English
sentences; 146's "Verletzt wurde … niemand." + "Vorsorglich brachten …" is "… no one was
injured, and emergency crews evacuated …". The stand-in MT is a copy, so no half's words meet
the other language, and round 27's length halves (``align_length_halves``) read the *whole*
lengths only, where a neighbour one page told alone fits as well. A translator cuts where the
sentence has a clause cut (a semicolon, a colon, a dash, a comma, "und" / "and"), so the
cut's place is a second length signal: the joined sentence's parts stand in the proportion of
the two halves, in their order.

The rule (``join_cut_halves``, two-language pairs only, after the length halves): a 1-1 link
``W : P``, not a move, takes in the unmatched, unmoved neighbour ``H`` of ``W`` (no role break
between, none free across on ``P``'s side: ``align_length_halves``' walk and gates) when ``P``
ends as a sentence and some cut of it leaves its first part's share of ``P``'s characters within
``CUT_SHARE`` of the first sentence's share of ``W`` and ``H`` together (``W`` first when ``H``
follows it), and the join saves at least ``CUT_GAIN`` nats of length cost. ``CUT_SHARE`` 0 is
off; shipped at .08, the bare comma only before a repeated subject pronoun
(``docs/align.md`` "Round 40 (beads40)", "Round 40 (beadsd40)").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from workbench.core.align_clause_halves import _ENDS
from workbench.core.align_length_halves import Breaks, best_length_half
from workbench.core.align_rejoin import free_sentences, join_links
from workbench.core.align_repair import Bead
from workbench.core.align_scoring import AlignParams, BeadScorer

#: the widest share gap a cut may leave (0: the rule is off; shipped .08, round 40: leave one
#: batch out gains four dev translation beads right and found, the check two)
CUT_SHARE = 0.08

#: the length cost (nats) the join must save, below round 27's ``length_half_gain`` (5): the
#: cut's place is the second signal that lets a smaller saving through
CUT_GAIN = 1.0

#: the cuts a translator splits at, by name: a semicolon or colon, a dash, a comma, a
#: coordinating word (de, en, fr, uk, ru, el) — each read with the spaces around it
_CUTS = (
    ("semi", re.compile(r"[;:]\s+")),
    ("dash", re.compile(r"\s+[–—-]\s+")),
    ("conj", re.compile(r",?\s+(?:und|sowie|aber|and|but|et|mais|і|й|та|але|и|но|а|και|αλλά)\s+")),
    ("comma", re.compile(r",\s+")),
)

#: 1: a bare comma is a cut too (0, shipped: only a semicolon, colon, dash or a coordinating
#: word, with or without its comma; a bare comma cuts every long sentence, and at 1 the dev
#: paraphrases lost two right beads to a sentence one side told alone); 2: a bare comma only
#: when the later half opens with a personal pronoun, the subject a translator repeats when
#: cutting one sentence in two, not with a quote mark (a quote's "We" is its speaker's, told
#: as a sentence of its own) (shipped 2, round 40, beadsd40: leave one batch out gains 116's and
#: 119's translation splits, the check two translation beads, nothing lost, flags identical)
CUT_COMMA = 2

#: the subject pronouns a split's second sentence opens with (de, en, fr, uk, ru)
_PRONOUNS = frozenset(
    "he she it they we i you er sie es wir ich il elle ils elles on nous je "
    "він вона воно вони ми я он она оно они мы".split()
)


def cut_points(text: str, comma: bool = False) -> list[tuple[str, int, int]]:
    """Each (name, start, end) of a clause cut of ``text`` (a sentence), first name wins at a
    place; none when ``text`` does not end as a sentence (a headline's colon is a kicker).
    ``comma``: a bare comma is a cut whatever ``CUT_COMMA`` says (its second signal held)."""
    if not _ENDS.search(text):
        return []
    out: dict[int, tuple[str, int, int]] = {}
    for name, pattern in _CUTS:
        if name == "comma" and not (CUT_COMMA == 1 or comma):
            continue
        for m in pattern.finditer(text):
            if 0 < m.start() and m.end() < len(text):
                out.setdefault(m.start(), (name, m.start(), m.end()))
    return sorted(out.values(), key=lambda c: c[1])


def cut_error(first: str, second: str, joined: str) -> tuple[float, str | None]:
    """The least gap between ``first``'s share of ``first + second`` and a cut's first part's
    share of ``joined`` (in characters), and that cut's name; ``(1.0, None)`` with no cut."""
    whole = len(first) + len(second)
    best: tuple[float, str | None] = (1.0, None)
    if whole == 0:
        return best
    share = len(first) / whole
    words = re.findall(r"\w+", second.lower())
    comma = CUT_COMMA == 2 and second[:1].isalpha() and bool(words) and words[0] in _PRONOUNS
    for name, start, end in cut_points(joined, comma):
        head, tail = start, len(joined) - end
        if head + tail == 0:
            continue
        err = abs(head / (head + tail) - share)
        if err < best[0]:
            best = (err, name)
    return best


def cut_half(
    bead_sides: tuple[int, int, int], texts: tuple[Sequence[str], Sequence[str]],
    neighbour: int, limit: float,
) -> bool:  # fmt: skip
    """Whether the free ``neighbour`` of ``w`` is the half ``p``'s cut places (``bead_sides``:
    ``(side, w, p)``, ``w`` on ``side``, ``p`` on the other): a sentence (a crosshead or a
    caption is no half), at a cut within ``limit`` of the halves' shares."""
    side, w, p = bead_sides
    if not _ENDS.search(texts[side][neighbour]):
        return False
    first, second = sorted((w, neighbour))
    err, name = cut_error(texts[side][first], texts[side][second], texts[1 - side][p])
    return name is not None and err <= limit


def join_cut_halves(
    beads: list[Bead], scorer: BeadScorer, params: AlignParams, breaks: Breaks,
    texts: tuple[Sequence[str], Sequence[str]], limit: float | None = None,
) -> list[Bead]:  # fmt: skip
    """Each 1-1 link grown by the neighbour its partner's clause cut places, through round 27's
    length-half walk at ``CUT_GAIN`` nats (its cost, glue, break, move and open-partner
    gates); unchanged when ``limit`` (default ``CUT_SHARE``) <= 0."""
    limit = CUT_SHARE if limit is None else limit
    if limit <= 0:
        return beads
    lower = replace(params, length_half_gain=CUT_GAIN)
    free = free_sentences(beads)

    def find(bead: Bead, gone: set[int]) -> tuple[Bead, int] | None:
        placed = _placed(bead, free, texts, limit)
        return best_length_half(bead, placed, gone, (scorer, lower, breaks)) if placed else None

    return join_links(beads, find, ones_only=True)


def _placed(
    bead: Bead, free: dict[tuple[int, int], int], texts: tuple[Sequence[str], Sequence[str]],
    limit: float,
) -> dict[tuple[int, int], int]:  # fmt: skip
    """The free neighbours of the 1-1 ``bead`` the length walk may read: each its partner's cut
    places, and both of a step where each side has one free (the walk's open-partner gate then
    keeps that step shut, as without this rule)."""
    i, j = bead.left[0], bead.right[0]
    out: dict[tuple[int, int], int] = {}
    for side, own, other in ((0, i, j), (1, j, i)):
        for step in (-1, 1):
            key = (side, own + step)
            if key not in free:
                continue
            if (1 - side, other + step) in free or cut_half((side, own, other), texts, own + step,
                                                             limit):
                out[key] = free[key]
    return out
