"""A station's live bar or a site's news ticker above the title is no title.

Why (round 40, roles40): radio pages were the lowest dev pages for the third round running,
and the one mechanism their losses above the story share is the title choice: a bar naming
the live programme ("▶ Jetzt live: Vilstal Welle – Der Nachmittag mit Tobi Live hören") or a
ticker of short news items ("+++ Entwarnung in Wehrstetten +++ B 462 wieder frei +++ …")
shares the story's words (the ticker names the story itself) and is printed above the
title, so ``page_header._choose_title`` took it for the title and left the real one chrome
(107 alpenfunk_apa_de, 124 radio_vilstal_welle_de, 145 stadtradio_wehrstetten_de; and a
sports site's "Jetzt live: Conference League Ergebnisse …", 35 laola1_at_apa_de).  On every
dev page such a line is chrome (docs/ingest.md "Round 40 (roles40)").

The shape is the evidence, not the site: a ticker holds at least two items, so at least
three "+++" marks (a live blog's title bracketed once, "+++ Kabelbrand legt Ringbahn lahm:
… im Liveticker +++", is a title: 31 berliner_rundfunk_de); a live bar opens with a play
mark or a "live now" phrase, or says "listen live" in one of the five languages.
``RoleParams.ticker_bar`` switches it (round 40: on, every leave-one-set-out fold chose it,
layer on and off; no check page moves; docs/ingest.md).

Pure: a predicate on a line's text (``core.page_ticker`` is the other ticker: a page of timed
entries, of which one is the story).
"""

from __future__ import annotations

import re

#: A ticker's item separator; three of them bound at least two items.
TICKER_MARK = "+++"
TICKER_MARKS = 3
#: A player's mark opening the line ("▶ Jetzt live hören", "● Ясен FM 101,7 Слухати наживо").
_PLAY = re.compile(r"^\s*[▶►●]")
#: "Live now" opening the line, or "listen live" anywhere on it (de, en, fr, uk, ru).
_LIVE_OPEN = re.compile(r"^\s*(?:jetzt live|live now|зараз в ефірі|сейчас в эфире)\b", re.I)
_LISTEN = re.compile(
    r"\b(?:live hören|jetzt hören|listen live|écouter en direct|слухати наживо|слушать онлайн"
    r"|слушать в прямом эфире)\b",
    re.I,
)


def ticker_bar(text: str) -> bool:
    """``text`` is a news ticker (two or more "+++" items) or a station's live bar."""
    if text.count(TICKER_MARK) >= TICKER_MARKS:
        return True
    return bool(_PLAY.match(text) or _LIVE_OPEN.match(text) or _LISTEN.search(text))
