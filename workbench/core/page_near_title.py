"""A title printed right above the story is the title, not a line higher up sharing one word.

Why (round 41, roles41): the header's title choice (``page_header._choose_title``) takes the
title-shaped lines above the story that share its content stems (words of five letters or
more, cut to five).  A title of short words or compounds the story writes otherwise shares
none ("Linie 417: Busse fahren ab Mai seltener" against "Buslinie" and "Bus"; "Hupkonzert am
Ring: Tausende gegen die City-Maut" against "Maut" and "Ringstraße"), so it is no candidate,
and a line higher up that shares one word by chance is taken: 124 radio_vilstal_welle_de's
menu row "Nachrichten Blitzer Verkehr Gewinnspiele Team" ("Schlechte Nachrichten für
Pendler …"), 150 erlauhofner_stadtblatt_de's masthead.  The page's layout says where the
title is: printed nearest the story, only a byline or date stamp between them.  So when the
pick shares at most one stem with the story and the line right above the story (past its
bylines and stamps) is title-shaped and no chrome, menu row, crumb trail, ticker or masthead,
that line is the title.  A line under the pick's own byline or stamp is a widget ("Écouter
l'article 2 min", 33 virgule_lu_fr), a line dated in full a stamp of another shape
("Veröffentlicht am 13. Mai 2027 von …", 128 obersteirer_fanblick_de); a line right under the
pick is its second line or deck, found as before (kicker and title, 12 bielertagblatt_de's
"Neues Museum Biel" / "Malerin vermacht …"; title and deck, 62 zuonline_sda_de).  Position,
not words: no list is read.

Pure: reads segments and shapes.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from workbench.core.page_deck import stamp_like
from workbench.core.page_live_bar import ticker_bar
from workbench.core.page_menu_kicker import crumb_trail
from workbench.core.page_named import is_masthead
from workbench.core.page_shapes import (
    _FULL_DATE,
    Shape,
    _byline,
    _story_stems,
    chrome_shape,
    is_metadata,
    is_title_like,
    lowered_words,
    nav_row,
)
from workbench.core.role_params import RoleParams
from workbench.core.segment import Seg

#: A pick sharing at most this many content stems with the story is a guess by one word.
WEAK_SHARED = 1


def nearer_title(
    picked: Collection[int], segs: Sequence[Seg], sh: Sequence[Shape], open_: Sequence[int],
    told: Sequence[int], first: int, p: RoleParams,
) -> int | None:  # fmt: skip
    """The title-shaped line right above the story, when the pick above it is weak (module)."""
    if not p.near_title or not told:
        return None
    shared = frozenset().union(*(sh[k].stems for k in picked)) & _story_stems(sh, told)
    if len(shared) > WEAK_SHARED:
        return None
    lowered = lowered_words([segs[k].text for k in told])
    between = [k for k in open_ if max(picked) + 1 < k < first]  # right under it: its deck
    for n in range(len(between) - 1, -1, -1):
        i = between[n]
        if _header(segs[i], sh[i]):
            continue  # the byline and stamps under the title
        if any(_header(segs[k], sh[k]) for k in between[:n]):
            return None  # under the pick's byline or stamp: a widget ("Écouter l'article")
        return i if _title_shaped(i, segs, sh, lowered, p) else None
    return None


def _header(seg: Seg, shape: Shape) -> bool:
    """A byline or date stamp (``page_header._header``), or a line dated in full."""
    text = seg.text
    dated = _FULL_DATE.search(text) is not None
    return dated or is_metadata(text) or stamp_like(text) or _byline(seg, shape)


def _title_shaped(
    i: int, segs: Sequence[Seg], sh: Sequence[Shape], lowered: frozenset[str], p: RoleParams
) -> bool:
    """A line on its own of three words or more that is no chrome, menu, crumb, ticker or
    masthead (the lines ``page_header._candidates`` passes as well)."""
    text = segs[i].text
    if not is_title_like(sh[i], p) or sh[i].words < 3 or chrome_shape(text, sh[i], p):
        return False
    if crumb_trail(text) or nav_row(text, sh[i], lowered, p.menu_kicker_words):
        return False
    return not ticker_bar(text) and not is_masthead(text, segs, p.masthead_signed)
