"""Live tickers: a page of timed entries, of which one may be the story.

Why a module of its own: a live ticker prints many short reports one under
the other, each opened by a time of day on a line of its own ("10:32 Uhr",
"09:58", "8h15").  Where the page's headline is the heading of one entry (the
line right under a time), the story is that entry alone, and the entries above
and below it are neighbouring news, like the other posts of a channel.  Where
the headline stands above the first time, the page is a live blog of one story
and every entry is its copy: nothing changes.  The test uses only the page's
own layout (times on lines of their own, where the headline sits), not a site's
words.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from workbench.core.page_shapes import Shape
from workbench.core.segment import Seg

#: A time of day alone on its line, as tickers print their entry times:
#: "10:32", "10:32 Uhr", "10.32 Uhr", "10h32", "8:05 am".
_TIME = re.compile(
    r"(?:[01]?\d|2[0-3])(?:[:.]|\s?h\s?)[0-5]\d"
    r"(?:\s*(?:Uhr|h|год\.?|ч\.?|[AaPp]\.?\s?[Mm]\.?))?"
)

#: A ticker shows this many entry times (two times are a story's own schedule).
TICKER_STAMPS = 3


def entry_stamps(segs: Sequence[Seg], sh: Sequence[Shape]) -> list[int]:
    """The segments that are a time of day printed alone on a line."""
    return [
        i for i, seg in enumerate(segs)
        if sh[i].starts_line and sh[i].ends_line and _TIME.fullmatch(seg.text.strip())
    ]  # fmt: skip


def ticker_entry(
    segs: Sequence[Seg], sh: Sequence[Shape], headlines: Collection[int]
) -> tuple[int, int, int] | None:
    """On a ticker whose headline heads an entry: (first time, entry start, entry end).

    The entry runs from its time to the next time (or the page's end); the first
    time says where the neighbouring entries begin.  ``None`` where the page is no
    ticker, or its headline stands above the entries (a live blog of one story).
    """
    stamps = entry_stamps(segs, sh)
    if len(stamps) < TICKER_STAMPS or not headlines:
        return None
    head = min(headlines)
    if head - 1 not in stamps:
        return None
    end = next((k for k in stamps if k > head), len(segs))
    return stamps[0], head - 1, end


def neighbours(
    segs: Sequence[Seg], sh: Sequence[Shape], headlines: Collection[int], open_: Sequence[int]
) -> frozenset[int]:
    """The open segments of a ticker's other entries (empty on any other page)."""
    found = ticker_entry(segs, sh, headlines)
    if found is None:
        return frozenset()
    first, start, end = found
    return frozenset(i for i in open_ if first <= i < start or i >= end)
