"""A deck found by the wire story's dateline under it (core.page_deck's third printed form).

Why: many sites print title, deck, a share bar or a reading time, then the agency's
story, which opens with its dateline ("Tankschiff sitzt am Oberrhein fest …" / "Ein
Tankschiff ist im Elsass auf Grund gelaufen." / "Artikel verschenken Teilen" /
"Kembs (dpa) - Ein Tankschiff mit rund 2300 Tonnen …").  With no byline or stamp
under the deck and no blank line after it, the deck reads like the story's first
lines; the dateline says where the story starts, so the full lines between the
title and it are the deck.  Position and punctuation decide, not the agency's name.
The same dateline tells a photo's caption there from the story (``dateline_caption``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from workbench.core.check_nouns import without_dateline
from workbench.core.page_header_lines import (
    BULLET,
    CREDIT_WORDS,
    HEADER_REACH,
    captioned,
    header_line,
    on_topic,
    photo_credit,
    short_sentence,
    stamp_like,
)
from workbench.core.page_shapes import UPPER_WORD, RoleParams, Shape, chrome_shape, shapes
from workbench.core.segment import Seg

#: A dateline names its place with an agency in brackets, a second place after a slash,
#: or in capitals; a comma alone does not make one ("Явка составила 46,1 процента - …").
_PLACED = re.compile(r"[(/]|\b[^\W\d_a-zа-яіїєґ]{3,}\b")


#: Labels and widgets (a subtitle too short for a deck, a share bar) passed over between
#: the title and the deck.
LEAD_FURNITURE = 4
#: A caption above the dateline holds at most this many words (a lead paragraph runs longer).
CAPTION_WORDS = 40
HEADLINE, BODY, OTHER = "headline", "body", "other"


def opens_with_dateline(text: str) -> bool:
    """A line opening with a dateline: "Kembs (dpa) - ", "Freilassing/Wals – ",
    "GANDER, N.L. — " (a place, and a bracket, slash or capitals before the dash)."""
    rest = without_dateline(text)
    return rest != text and _PLACED.search(text[: len(text) - len(rest)]) is not None


#: A wire dateline without its dash: one to three capitalised place words, the agency in
#: brackets (one token: "SDA", "sda", "KNA", "Keystone-SDA"), then the lead's first word,
#: capitalised ("Rüetschwil (SDA) Die …"; "Lindegg (ZH) gèle …" is a title, "Bürgermeister
#: Frank Ehrler (parteilos) sagte …" a sentence).
_AGENCY_LEAD = re.compile(
    r"(?:[^\W\d_a-zа-яіїєґ][\w'’.-]*\s){1,3}\([^\W\d_]{2,12}(?:[-/][^\W\d_]{2,12})?\)\s"
    r"[^\W\d_a-zа-яіїєґ]"
)


def opens_with_agency(text: str) -> bool:
    """A line opening with a wire dateline, dashed ("Kembs (dpa) - ") or a bracketed agency
    alone ("Rüetschwil (SDA) Die denkmalgeschützte Markthalle …", round 42): the story's lead."""
    return opens_with_dateline(text) or _AGENCY_LEAD.match(text) is not None


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


def dateline_caption(segs: Sequence[Seg], roles: Sequence[str], p: RoleParams) -> list[str]:
    """``roles`` with a photo's caption above a dateline-led story made ``other``.

    Why: wire pickups print title, stamp, the photo's caption and credit, then the story,
    which opens with its dateline ("Bei der Eröffnung des Werks …: Mitarbeiter montieren
    eine Abfangdrohne." / "Daniel Löwer/dpa" / "Eschenried (dpa/lby) - Ein …"; "Rinder
    stehen in einem Stall." / "Quelle: Symbolbild/dpa" / "Uelzen/Hannover. Im Landkreis …").
    The caption reads like a first sentence; the dateline says where the story starts and
    the credit says what the lines above it are.  Position decides, as for the deck
    (``dateline_deck``): the one line read as story between the title and the dateline,
    closed by a credit on it or under it.  Off (``RoleParams.dateline_captions``): unchanged.
    """
    out = list(roles)
    if not p.dateline_captions or HEADLINE not in roles or BODY not in roles:
        return out
    sh = shapes(segs)
    title = roles.index(HEADLINE)
    start = next((k for k in range(title, len(segs)) if roles[k] == BODY), len(segs))
    end = min(len(segs), start + HEADER_REACH)
    opens = [k for k in range(start + 1, end) if sh[k].starts_line and _opens_story(k, segs, sh)]
    if not opens:
        return out
    lead = opens[0]
    caption = [k for k in range(start, lead) if roles[k] == BODY and not _credit(k, segs, sh, p)]
    lines = sum(1 for k in caption if sh[k].starts_line)
    if not caption or lines > 1 or sum(sh[k].words for k in caption) > CAPTION_WORDS:
        return out  # two lines there: a deck the header rules missed, then the caption
    if caption[-1] + 1 >= lead or not _credit(caption[-1] + 1, segs, sh, p):
        return out  # the credit follows the caption (a deck above a caption has none)
    for k in range(start, lead):
        if roles[k] == BODY:
            out[k] = OTHER
    return out


def _opens_story(k: int, segs: Sequence[Seg], sh: Sequence[Shape]) -> bool:
    """A dateline opens line ``k``: "Eschenried (dpa/lby) - Ein …", or dpa's place alone
    before the lead on its line ("Uelzen/Hannover. Im Landkreis Uelzen …")."""
    shape = sh[k]
    place = shape.terminal and not shape.ends_line and 1 <= shape.words <= 3 and shape.lower == 0
    return place or opens_with_dateline(segs[k].text)


def _credit(k: int, segs: Sequence[Seg], sh: Sequence[Shape], p: RoleParams) -> bool:
    """A photo credit closing its line: a credit shape, a slash ("Daniel Löwer/dpa") or an
    agency in capitals ("KEYSTONE", "— AFP"); short and no sentence."""
    text, shape = segs[k].text.strip(), sh[k]
    if not shape.ends_line or shape.terminal or shape.words > CREDIT_WORDS:
        return False
    known = photo_credit(segs[k], shape) or chrome_shape(text, shape, p, stamps=False)
    return known or "/" in text or UPPER_WORD.search(text) is not None
