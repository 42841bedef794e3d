"""Where an appeal box opened by its ask ends after its button (``core.roles._fixed_roles``).

Why: an ask ("Support our independent reporting from just €5 a month.") opens an appeal
block that runs to the next structural break; a capture read line by line has none, so
the box ran on over the newsletter sign-up, the footer menu, the copyright and the cookie
banner to the page's end (round 20's unseen batch 67).  The box's button marks where it
may end; what follows is still the box only while it reads as the box.

Pure: functions on a line's text.
"""

from __future__ import annotations

import re

from workbench.core.page_tail import site_voice
from workbench.core.role_phrases import APPEAL_STARTERS, BUTTON_WORDS, SUPPORT_WORDS


def _normalise(text: str) -> str:
    return " ".join(text.casefold().split()).strip(" .:!?…,;-–—\"'«»„“”")


def closes_box(text: str) -> bool:
    """A short appeal button ("Become a member", "Jetzt spenden") inside an open box: the
    caller has found the line an appeal by its own words; a starter opens, it does not close."""
    norm = _normalise(text)
    return len(text.split()) <= BUTTON_WORDS and not any(p.match(norm) for p in APPEAL_STARTERS)


def box_goes_on(text: str) -> bool:
    """A line after a box's button that is still the box: a sentence ("Gift memberships make a
    thoughtful present …") or the site asking on ("Your donation keeps our reporters …").  A
    sign-up form or a footer menu ("Sign up for our weekly newsletter Email address Subscribe")
    is neither: the page's chrome has begun (``page_resume`` finds the story resuming)."""
    if re.search(r"[.!?…]\s*$", text):
        return True
    return site_voice(text) and SUPPORT_WORDS.search(text) is not None
