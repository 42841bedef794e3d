"""A name a body row drops while its copy tells it elsewhere: a drop, not a change.

Why: a rewrite shortens sentences.  "Die Polizei in Stuttgart teilte mit, …" becomes "Die
Polizei teilte mit, …" when the rewrite names the city in its dateline or lead; the aligner
pairs the two sentences one to one and the name reader flags 'Stuttgart' as one-sided.  The
flag gold's convention (``about_fixture_end_to_end``): names "a rewrite drops or tells in
another sentence" are ``either`` — the reader sees the dropped words in the row's word diff;
no fact changed.  Round 39's check batches held one such false token (a city one rewrite
dropped, "… in Stuttgart" gone, the story's place said elsewhere).  ``check_told.moved_away``
already drops a name the other copy tells in the sentence next door or, for a regrouped row,
anywhere on its page; a one-to-one body row looked no further than its neighbours.

The rule (``TOLD_DROPS``): in a same-language body row whose one-sided names all stand on
one side (the other side names nothing in their place: a drop, not a replacement), a name
the other copy's page tells (by key, as ``moved_away`` reads it) is no flag.  A name
replaced by another ('Oberdorfer' / 'Haidle': both sides one-sided) is kept whatever the
pages tell, and so is a dropped name the other copy never tells.  Headline rows are left
alone: the gold's older batches count a name one headline has and the other lacks as a
change ('Zmiiv', 'Генштаб'), and their other pages tell those names too (measured:
four true dev tokens lost against one false one).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.core.check_gate import title_like
from workbench.core.check_name_keys import _cyrillic, _matches, _name_key, surname_keys

if TYPE_CHECKING:
    from workbench.core.check_pages import PageTokens

Flags = dict[str, dict[str, list[str]]]

#: Switch (round 40, flags40; ``flags_cv.py --switch told_drops``).
TOLD_DROPS = True


def without_told_drops(
    flags: Flags, texts: tuple[str, str], pages: tuple[PageTokens, PageTokens] | None,
    same: bool,
) -> Flags:  # fmt: skip
    """``flags`` less the names one body row drops that the other copy's page tells
    (``TOLD_DROPS``; unchanged when off, across languages, for headlines, without pages, or
    when both sides hold one-sided names)."""
    names = flags.get("names", {})
    if not TOLD_DROPS or not same or pages is None or len(names) != 1:
        return flags
    if title_like(texts[0]) and title_like(texts[1]):
        return flags
    side, tokens = next(iter(names.items()))
    page = pages[1] if side == "left_only" else pages[0]
    kept = [t for t in tokens if not _told(t, page)]
    out = {kind: by_side for kind, by_side in flags.items() if kind != "names"}
    if kept:
        out["names"] = {side: kept}
    return out


def _told(token: str, page: PageTokens) -> bool:
    """Whether ``page`` names ``token`` (by key; not through a longer surname it writes)."""
    keys = page.keys - surname_keys(token, page.capitals)
    return _matches(_name_key(token), keys, slavic=_cyrillic(token))
