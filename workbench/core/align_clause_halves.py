"""A sentence one page tells as two, cut where the other page has a semicolon or a colon.

Why (round 39, beadsc39): the dev rewrites' largest class of losses is still the sentence told
as two, or two told as one, found as its 1-1 core with the other half left unmatched beside it
(``benchmarks/align_rewrite_classes.py``: "split / joined"). Rounds 27-38 read the half's
words (rare keys, order, figures, anchors, lengths) against the *whole* joined sentence, where a
neighbour that merely shares the topic scores as well. The new dev batches show where a writer
joins or cuts: at a semicolon or a colon. Batch 139's wire sentence "Betroffen seien vor allem
Bachforellen, Äschen und Barben; Helfer sammelten bis zum Abend rund 1,8 Tonnen Kadaver ein."
is the rewrite's "Vor allem Bachforellen, Äschen und Barben sind betroffen." and "Freiwillige
der Feuerwehr holten bis zum Abend rund 1,8 Tonnen verendete Tiere aus dem Wasser."; its
"Das Landratsamt ließ an sechs Stellen Wasserproben ziehen; mit Ergebnissen … rechnet man nicht
vor Mittwoch." joins two wire sentences; batch 141's "Als Hauptgrund nennt die Spitalregion den
Personalmangel: Von zwölf Hebammenstellen …" is cut at its colon. The clauses give order and
place: the link's sentence must tell the clause on its side of the cut, the half the clause on
the other side, each more than the other clause.

The rule: a 1-1 link ``W : P`` of a one-language pair, not a move, whose sentence ``P`` holds a
clause cut (``; `` or ``: ``) and ends as a sentence (a headline's colon is a kicker), takes in
the unmatched, unmoved neighbour ``H`` of ``W`` (on ``W``'s side, no role break between) when,
for some cut of ``P`` into a first part and a second part (``H`` after ``W``: ``W`` the first,
``H`` the second; ``H`` before ``W``: the reverse), each of ``W`` and ``H`` shares at least
``need`` content keys (``align_ordered_halves._keys``) with its own part and more with its own
part than with the other. Both sides are tried (the joined sentence may stand on either page);
a link takes one half at most. ``CLAUSE_KEYS`` (< 1: off; shipped 1, ``docs/align.md`` "Round 39
(beadsc39)").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.core.align_ordered_halves import _keys
from workbench.core.align_rejoin import free_sentences, join_links
from workbench.core.align_repair import Bead

#: the fewest content keys each half shares with its own clause (< 1: the rule is off; 1
#: shipped, round 39: leave one batch out gains two dev rewrite beads, the check holds)
CLAUSE_KEYS = 1

#: where a writer cuts or joins a sentence: a semicolon or a colon before a space (not 10:30)
_CUT = re.compile(r"[;:]\s+")

#: the cuts read (a study's switch): 1 the semicolon and colon alone; 2 also a comma, a dash
#: and "und" / "and" / "et" (batch 136's "… protestiert und 4.900 Unterschriften übergeben",
#: batch 138's "… vorerst gestoppt, die Staatsanwaltschaft ermittelt …")
CLAUSE_CUTS = 1
_WIDE = re.compile(r"[;:,]\s+|\s+[–—-]\s+|\s+(?:und|and|et)\s+")

#: a sentence's end (a stop, question or exclamation mark or an ellipsis, closing quotes): a
#: headline's colon ("Unfall in Hallerbrück: Vier Verletzte") is a kicker, not a joined sentence
_ENDS = re.compile(r"[.!?…][\"'»”“’)\]]*\s*$")

Breaks = tuple[frozenset[int], frozenset[int]]


def cuts(text: str) -> list[tuple[str, str]]:
    """Each (first part, second part) of ``text`` cut at one of its semicolons or colons (at
    ``CLAUSE_CUTS`` 2 also its commas, dashes and "und")."""
    cut = _WIDE if CLAUSE_CUTS >= 2 else _CUT
    return [(text[: m.start()], text[m.end():]) for m in cut.finditer(text)]


def joinable(text: str) -> bool:
    """Whether ``text`` is a sentence (it ends as one) with a clause cut a writer joins at."""
    cut = _WIDE if CLAUSE_CUTS >= 2 else _CUT
    return bool(cut.search(text)) and bool(_ENDS.search(text))


def told_in_order(first: str, second: str, joined: str, need: int) -> bool:
    """Whether ``first`` and ``second`` tell ``joined``'s two parts in order at some cut: each
    shares at least ``need`` content keys with its own part, and more than with the other."""
    one, two = _keys(first), _keys(second)
    for head, tail in cuts(joined):
        a, b = _keys(head), _keys(tail)
        own, cross = (len(one & a), len(two & b)), (len(one & b), len(two & a))
        if min(own) >= need and own[0] > cross[0] and own[1] > cross[1]:
            return True
    return False


def clause_half(
    bead: Bead, texts: tuple[Sequence[str], Sequence[str]], free: dict[tuple[int, int], int],
    gone: set[int], need: int, breaks: Breaks,
) -> tuple[Bead, int] | None:  # fmt: skip
    """The 1-1 ``bead`` grown by the neighbour half its other side's clauses place, and the
    half's bead index; ``None`` when no neighbour fits."""
    for side in (0, 1):
        (w,), (p,) = (bead.left, bead.right) if side == 0 else (bead.right, bead.left)
        joined = texts[1 - side][p]
        if not joinable(joined):
            continue
        for x in (w + 1, w - 1):
            n = free.get((side, x))
            if n is None or n in gone or max(x, w) in breaks[side]:
                continue
            first, second = (w, x) if x > w else (x, w)
            if told_in_order(texts[side][first], texts[side][second], joined, need):
                grown = (first, second)
                left, right = (grown, bead.right) if side == 0 else (bead.left, grown)
                return Bead(left, right, bead.score, f"{len(left)}-{len(right)}"), n
    return None


def join_clause_halves(
    beads: list[Bead], texts: tuple[Sequence[str], Sequence[str]],
    breaks: Breaks = (frozenset(), frozenset()), need: int | None = None,
) -> list[Bead]:  # fmt: skip
    """``beads`` with each 1-1 link grown by its ``clause_half`` (one language compared
    directly; the caller decides); unchanged when ``need`` (default ``CLAUSE_KEYS``) < 1."""
    need = CLAUSE_KEYS if need is None else need
    if need < 1:
        return beads
    free = free_sentences(beads)
    return join_links(beads, lambda b, gone: clause_half(b, texts, free, gone, need, breaks),
                      ones_only=True)  # fmt: skip
