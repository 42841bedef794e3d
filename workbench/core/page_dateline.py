"""A deck found by the wire story's dateline under it (core.page_deck's third printed form).

Why: many sites print title, deck, a share bar or a reading time, then the agency's
story, which opens with its dateline ("Tankschiff sitzt am Oberrhein fest …" / "Ein
Tankschiff ist im Elsass auf Grund gelaufen." / "Artikel verschenken Teilen" /
"Kembs (dpa) - Ein Tankschiff mit rund 2300 Tonnen …").  With no byline or stamp
under the deck and no blank line after it, the deck reads like the story's first
lines; the dateline says where the story starts, so the full lines between the
title and it are the deck.  Position and punctuation decide, not the agency's name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from workbench.core.check_nouns import without_dateline
from workbench.core.page_header_lines import (
    BULLET,
    HEADER_REACH,
    captioned,
    header_line,
    on_topic,
    photo_credit,
    short_sentence,
    stamp_like,
)
from workbench.core.page_shapes import RoleParams, Shape, chrome_shape
from workbench.core.segment import Seg

#: A dateline names its place with an agency in brackets, a second place after a slash,
#: or in capitals; a comma alone does not make one ("Явка составила 46,1 процента - …").
_PLACED = re.compile(r"[(/]|\b[^\W\d_a-zа-яіїєґ]{3,}\b")


#: Labels and widgets (a subtitle too short for a deck, a share bar) passed over between
#: the title and the deck.
LEAD_FURNITURE = 4


def opens_with_dateline(text: str) -> bool:
    """A line opening with a dateline: "Kembs (dpa) - ", "Freilassing/Wals – ",
    "GANDER, N.L. — " (a place, and a bracket, slash or capitals before the dash)."""
    rest = without_dateline(text)
    return rest != text and _PLACED.search(text[: len(text) - len(rest)]) is not None


def deck_above_dateline(
    title: int,
    count: int,
    *,
    furniture: Callable[[int], bool],
    header: Callable[[int], bool],
    deck_line: Callable[[int], bool],
    new_line: Callable[[int], bool],
    dateline: Callable[[int], bool],
    max_lines: int,
    reach: int,
) -> set[int]:
    """Segments after ``title`` that form a deck with a dateline-led story under it.

    ``furniture(i)``: chrome, a stamp or byline, a short label or a fixed role (passed
    over); ``header(i)``: a byline or stamp; ``deck_line(i)``: an open full-length line
    or sentence; ``dateline(i)``: the segment opens with a dateline.  The deck is at
    most ``max_lines`` lines under the title, after at most ``LEAD_FURNITURE`` labels
    or widgets (under a byline or stamp the story itself starts), and only furniture
    stands between it and the dateline, within ``reach`` segments.
    """
    j = title + 1
    while j < count and furniture(j) and not header(j) and j <= title + LEAD_FURNITURE:
        j += 1
    deck = []
    while j < count and deck_line(j) and not (new_line(j) and dateline(j)):
        deck.append(j)
        j += 1
    if not deck or sum(1 for i in deck if new_line(i)) > max_lines:
        return set()
    end = min(count, j + reach)
    while j < end and furniture(j):
        j += 1
    return set(deck) if j < end and new_line(j) and dateline(j) else set()


def dateline_deck(
    block: Sequence[int], segs: Sequence[Seg], sh: Sequence[Shape], open_: Sequence[int],
    p: RoleParams,
) -> set[int]:  # fmt: skip
    """Full lines right under the title with the dateline-led story under them (page_dateline)."""
    if not p.dateline_deck:
        return set()
    title, opened = block[-1], set(open_)

    def furniture(i: int) -> bool:
        text, shape = segs[i].text, sh[i]
        label = shape.words <= p.short_words and not short_sentence(shape)
        chrome = i not in opened or chrome_shape(text, shape, p) or stamp_like(text)
        return chrome or label or header_line(segs[i], shape)

    def credited(i: int) -> bool:  # a photo's credit under the lines: they are its caption
        return furniture(i) and ("/" in segs[i].text or photo_credit(segs[i], sh[i]))

    def deck_line(i: int) -> bool:
        listed = sh[i].starts_line and BULLET.match(segs[i].text) is not None
        return not furniture(i) and not listed and not captioned(i, segs, sh)

    deck = deck_above_dateline(
        title, len(segs), furniture=lambda i: furniture(i) and not credited(i),
        header=lambda i: header_line(segs[i], sh[i]) or stamp_like(segs[i].text),
        deck_line=deck_line,
        new_line=lambda i: sh[i].starts_line,
        dateline=lambda i: opens_with_dateline(segs[i].text),
        max_lines=p.deck_lines, reach=HEADER_REACH,
    )  # fmt: skip
    below = [*block, *(k for k in open_ if k > title and k not in deck)]
    return deck if deck and on_topic(sorted(deck), sh, below, p) else set()
