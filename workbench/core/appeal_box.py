"""Where an appeal box opened by its ask ends after its button (``core.roles._fixed_roles``).

Why: an ask ("Support our independent reporting from just €5 a month.") opens an appeal
block that runs to the next structural break; a capture read line by line has none, so
the box ran on over the newsletter sign-up, the footer menu, the copyright and the cookie
banner to the page's end (round 20's unseen batch 67).  The box's button marks where it
may end; what follows is still the box only while it reads as the box.

Pure: functions on a line's text, and on the page's segments and shapes for the line leading
into a box (``ask_lead_in``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.core.page_shapes import Shape, _story_stems, cohesion
from workbench.core.page_tail import site_voice
from workbench.core.role_phrases import APPEAL_STARTERS, BUTTON_WORDS, SUPPORT_WORDS
from workbench.core.segment import Seg, blank_lines_after

#: A sentence's end, inside closing quotes too ("… as a „foreign agent.“").
_SENTENCE_END = re.compile(r"[.!?…][\"'»“”)]*\s*$")


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
    if _SENTENCE_END.search(text):
        return True
    return site_voice(text) and SUPPORT_WORDS.search(text) is not None


def after_ask(text: str, cut: bool = False) -> str:
    """What an unlabelled line inside a box its ask opened is, before any button: ``"box"``,
    ``"button"`` or ``"chrome"``.

    Why: a box is an ask, perhaps a sentence or two more, and a button; the button's words are
    the site's own ("Je m'abonne", "Je fais un don", "Задонатити"), so the phrase lists miss
    it, and on a page read line by line the box then ran on over the tags, the related links,
    the footer and the cookie banner (batch 71's cath_ch_fr, 48's liberation_afp_fr).  A
    sentence or the site asking on is still the box; a short line of neither is its button
    (``closes_box``: the box ends after it unless it goes on); a longer one is a form or a
    menu ("Subscribe to our newsletter Email Subscribe"): the box ended above it.  The page's
    last line may be ``cut`` by the capture, its end lost, so its shape tells nothing: it stays
    the box (a copy saved whole hides the cut: batch 10's theprint_reuters_en).
    """
    if cut or box_goes_on(text):
        return "box"
    return "button" if closes_box(text) else "chrome"


def ask_lead_in(
    segs: Sequence[Seg], sh: Sequence[Shape], fixed: Sequence[str | None], roles: list[str],
    prose: Sequence[int], words: int,
) -> list[str]:  # fmt: skip
    """The site's sentence about itself right above a box's ask is the box's first line.

    Why: a box opens with the site describing itself ("Rubryka is an independent media
    outlet.", "cath.ch est un média indépendant.", "Libération est un journal indépendant qui
    ne vit que grâce au soutien de ses lecteurs."), then asks ("Support our work …"); the
    phrase rules open the block at the ask, so the line above stayed ``other`` or ``body``
    (batches 37, 48, 57, 61, 67, 71).  It names the site, not the story's events: a sentence
    of its own line, at most ``words`` long, sharing no content word with the story's other
    prose (a story line above an ask shares them: "La station entend rester ouverte …").  The
    ask asks for support in its words: a line an outlet repeats on every page is an appeal
    too (boilerplate), but no ask.  The line runs into the ask with no blank line between: a
    story set apart above a box (``tests/story``'s republished copy) ends with its own sentence.
    """
    out = list(roles)
    for a, role in enumerate(fixed):
        k = a - 1
        if role != "appeal" or k < 0 or fixed[k] is not None or out[k] == "appeal":
            continue
        if len(segs[a].text.split()) <= BUTTON_WORDS or not SUPPORT_WORDS.search(segs[a].text):
            continue  # an ask asks for support; a button's box walks up in ``appeal_lead_in``
        if not _SENTENCE_END.search(segs[k].text):
            continue
        if sh[k].words > words or not sh[k].starts_line or blank_lines_after(segs[k]):
            continue  # a blank line between: the story's last sentence, then the box
        shared = cohesion(sh[k], _story_stems(sh, [i for i in prose if i != k]))
        if not shared:  # none shared, or too few content words to tell ("Le News is free …")
            out[k] = "appeal"
    return out
