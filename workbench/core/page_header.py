"""The deck (standfirst) printed above the byline and date stamp.

Why: many sites print title, deck, then byline and stamps, then the story
("Hochwasser in Ungarn" / "Die Donau steigt weiter: ..." / "Von Anna Schmidt" /
"Tausende Anwohner ...").  The deck reads like prose, so position decides: full
lines between the title and a byline or date stamp, with the story after them,
are the deck.  A photo credit does not count as that boundary (a lead paragraph
followed by its photo's credit is story), nor do the page's share widgets.
"""

from __future__ import annotations

from collections.abc import Callable


def deck_above_byline(
    title: int,
    count: int,
    *,
    skippable: Callable[[int], bool],
    deck_line: Callable[[int], bool],
    header: Callable[[int], bool],
    new_line: Callable[[int], bool],
    max_lines: int,
) -> set[int]:
    """Segments after ``title`` that form a deck closed by a byline or stamp.

    ``skippable(i)``: chrome or a fixed role (passed over before the deck);
    ``deck_line(i)``: an open, full-length, non-chrome segment; ``header(i)``: a
    byline or date stamp; ``new_line(i)``: the segment starts a line.  The deck
    is at most ``max_lines`` lines and must be followed, within six segments
    holding at least one byline or stamp, by a deck-like line: the story.
    """
    j = title + 1
    while j < count and skippable(j) and j <= title + 4:
        j += 1
    deck = []
    while (
        j < count
        and len(deck) < 4 * max_lines
        and (
            deck_line(j) or (deck and not new_line(j) and not skippable(j))  # the deck line's rest
        )
    ):
        deck.append(j)
        j += 1
    lines = sum(1 for i in deck if new_line(i))
    if not deck or lines > max_lines:
        return set()
    closed, end = False, min(count, j + 6)
    while j < end and not deck_line(j):  # header lines, and short labels under them
        closed = closed or header(j)
        j += 1
    return set(deck) if closed and j < end else set()
