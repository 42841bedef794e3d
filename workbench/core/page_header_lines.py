"""The shapes of lines in a page's header: stamps, photo credits, captions, list items.

Why a module of their own: the deck forms (core.page_deck, core.page_dateline) and
the title search (core.page_header) all ask whether a line is a stamp, a credit, a
caption, a byline or a short sentence, and whether lines tell the story's topic.
Split out of page_deck, which kept its deck and summary searches.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.core.page_shapes import (
    _PHOTO_WORD,
    RoleParams,
    Shape,
    _byline,
    _story_stems,
    is_aside,
    is_metadata,
)
from workbench.core.segment import Seg

#: The story starts within this many segments under a deck closed by a byline or stamp
#: (was 6: caption, credit, byline, stamp, reading time and audio player fill six on a
#: France 24 page; with blank lines removed from every dev page, 8 takes back 214 of
#: 1,631 headline error characters lost, and changes no unperturbed dev or check page).
HEADER_REACH = 8
#: Dates and clock times as printed in page headers: "29/11/26", "10h41", "14:31", "18 h 31".
STAMP = re.compile(r"\b\d{1,4}[-./]\d{1,2}[-./]\d{2,4}\b|\b\d{1,2}(?:[:h]| h )\d{2}\b")


def stamp_like(text: str) -> bool:
    """A line carrying a numeric date or a clock time: a stamp, never a title or deck.

    "Publié le 29/11/26 à 10h41  Mis à jour le 29/11/26 à 11h02" has too many
    words for a metadata line, but no headline prints a time of day.
    """
    return STAMP.search(text) is not None


def photo_credit(seg: Seg, shape: Shape) -> bool:
    """A photo credit closing its line: "© Yasin Akgul, AFP", "PHOTO: REUTERS", "(Quelle: …/dpa)".

    A wire source ("20 Minutes avec AFP", "Reuters") is no photo credit: a deck
    may stand right above it.
    """
    if not shape.ends_line or shape.words > CREDIT_WORDS:
        return False
    text = seg.text.strip()
    return "©" in text or bool(_PHOTO_WORD.match(text)) or is_aside(text, shape)


#: A photo credit line holds at most this many words
#: ("Photo : Radio-Canada / Jean-Philippe Thériault").
CREDIT_WORDS = 8


def captioned(j: int, segs: Sequence[Seg], sh: Sequence[Shape]) -> bool:
    """A line right above a photo credit is the photo's caption, not a deck or the story.

    Sites print title, deck, caption, credit ("Le trafic maritime a été suspendu …" /
    "Le cargo … échoué dans le Bosphore …" / "© Yasin Akgul, AFP"): both read like
    prose, the credit under or after the second tells which is the caption.
    """
    nxt = j + 1
    return nxt < len(segs) and photo_credit(segs[nxt], sh[nxt])


#: A list item: "• Zwei Dörfer evakuiert", "- 40,000 homes without power", "▪ …".
BULLET = re.compile(r"^\s*[•·▪◦●\-–—*]\s+\S")


def short_sentence(shape: Shape) -> bool:
    """A short full sentence ("Mehrere Menschen wurden leicht verletzt."), not a label."""
    return shape.terminal and shape.words >= 3 and shape.lower >= 0.3


def on_topic(lines: Sequence[int], sh: Sequence[Shape], rest: Sequence[int], p: RoleParams) -> bool:
    """A deck tells the story: its words come back in the title or below (half the usual share).

    A cookie banner printed under the title ("We use cookies …") has the deck's
    place and shape, but none of the story's words.
    """
    words = frozenset().union(*(sh[k].stems for k in lines))
    shared = len(words & _story_stems(sh, rest))
    return shared >= 1 and shared >= p.cohesion / 2 * len(words)


def header_line(seg: Seg, shape: Shape) -> bool:
    """A byline or metadata line printed on a line of its own."""
    return shape.starts_line and shape.ends_line and (is_metadata(seg.text) or _byline(seg, shape))
