"""A wire dateline opening the lead, as a segment of its own (round 35, dateline35; off).

Why: some fixture writers keep the dateline ("Hohenried (dpa/lby) –", "HOLLERBECK,
Germany —") out of the lead's body span as an ``other`` span; while the dateline and the
lead are one segment, that segment maps to both gold spans and the lead's bead is missed
in every pair of the page.  Most writers keep the dateline inside the lead's body span
(the round-35 census: 8 dev pages split, about a hundred kept), and nothing printed on a
page tells the two apart, so the cut segment takes the lead's role (``dateline_roles``):
page roles move nowhere; only the beads see two segments where one writer sees two spans.

The cut only splits: the dateline segment and the rest of the sentence hold the sentence's
characters, in order, with the whitespace after the dash as the separator.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol, TypeVar

#: A place (up to five words, a slash, a comma and a region or date), an optional agency
#: in brackets, then a dash with a space on both sides: "Kembs (dpa) - ", "KYIV, Nov 30
#: (Reuters) - ", "Freilassing/Wals – ", "GANDER, N.L. — ".  The check readers' shape
#: (``check_nouns.without_dateline``), kept here so the segmenter imports no checks.
_DATELINE = re.compile(
    r"(?=[^–—-]{0,40}?(?:[/,(]|\b[A-ZА-ЯІЇЄҐ]{3}))[^\W\d_][\w'’.]*(?:\s?[/,]?\s?[\w'’.]+){0,4}"
    r"(?:\s*\([^()]{1,30}\))?\s+[–—-](?=\s+\S)"
)
#: A place names itself with an agency in brackets, a second place after a slash, or in
#: capitals (``page_dateline._PLACED``): "Явка составила 46,1 процента - …" is no dateline.
_PLACED = re.compile(r"[(/]|\b[^\W\d_a-zа-яіїєґ]{3,}\b")
#: The longest dateline cut (characters): a longer opener is a sentence's own clause.
MAX_CHARS = 48


class _Seg(Protocol):
    text: str
    paragraph: int


class _Cut(Protocol):
    start: int
    text: str
    separator: str
    paragraph: int


S = TypeVar("S", bound=_Cut)
T = TypeVar("T")


def dateline_end(sentence: str) -> int:
    """The length of the wire dateline opening ``sentence`` up to its dash (0: none).

    The rest after the dash must hold words: a dateline alone is no lead to split from.
    """
    match = _DATELINE.match(sentence)
    if match is None or match.end() > MAX_CHARS:
        return 0
    return match.end() if _PLACED.search(match.group()) else 0


def split_dateline(start: int, end: int, text: str) -> list[tuple[int, int]]:
    """``text[start:end]`` (one sentence span) cut after its opening dateline, or whole."""
    cut = dateline_end(text[start:end])
    if not cut:
        return [(start, end)]
    rest = start + cut
    while rest < end and text[rest].isspace():
        rest += 1
    return [(start, start + cut), (rest, end)]


def is_dateline(text: str) -> bool:
    """A segment that is a dateline and nothing more ("Hohenried (dpa/lby) –")."""
    return bool(text) and dateline_end(text + " x") == len(text)


def rejoined(segs: Sequence[S]) -> tuple[list[S], list[int]]:
    """The segments with each cut dateline joined back to the lead after it, and for every
    given segment the index of the segment holding it.

    Why: page roles read the lead as one sentence ("Kembs (dpa) - Ein Tankschiff …" tells
    the deck above it from the story, ``core.page_dateline``); they are decided on the
    joined segments and given to both halves, so the cut moves no role.
    """
    out: list[S] = []
    owner: list[int] = []
    i = 0
    while i < len(segs):
        seg = segs[i]
        if (i + 1 < len(segs) and segs[i + 1].paragraph == seg.paragraph
                and is_dateline(seg.text) and not seg.separator.strip()):  # fmt: skip
            nxt = segs[i + 1]
            seg = replace(nxt, start=seg.start, text=seg.text + seg.separator + nxt.text)  # type: ignore[type-var]
            owner += [len(out), len(out)]
            i += 2
        else:
            owner.append(len(out))
            i += 1
        out.append(seg)
    return out, owner


def joined_values(values: Sequence[T] | None, owner: Sequence[int]) -> list[T] | None:
    """Per joined segment, the value its last given segment had (the lead's, not the
    dateline's: the language or HTML zone of the sentence)."""
    if values is None:
        return None
    last = {k: i for i, k in enumerate(owner)}
    return [values[last[k]] for k in range(len(last))]


def split_roles(segs: Sequence[_Seg], joined: Sequence[str], owner: Sequence[int]) -> list[str]:
    """Each given segment's role: its joined segment's (the dateline takes the lead's, as
    most gold keeps it in the lead's span)."""
    return [joined[k] for k in owner]
