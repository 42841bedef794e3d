"""A "Donate" / "Підтримати" button above the story: a menu item, unless its box speaks.

Why a module of its own (round 34, roles34): ``core/roles.py`` is at its 400 lines, and round
34's census adds a case to this rule.  A button opens an appeal box with its paragraph
(``roles._fixed_roles``); in the masthead, above the story's first prose sentence, the same
word is one item of the site's menu, and its "box" would be the logo, the nav bar and the
headline.  The run it opened is left to the page evidence unless one of its lines speaks as
the site ("we", "you"), which a support banner above the story does.

The round 34 case (``RoleParams.voiced_boxes``, on: leave one dev set out chose it in 68 of
68 folds, ``benchmarks/role_voiced_boxes_cv.py``): the gold of the dev
pages since batch 21 puts a support banner above the story in ``appeal`` ("Kyiv Insider is
reader-funded." + "Become a member", "Громада ТБ працює завдяки глядачам." + "Підтримайте нас
Підтримати", "Поддержите нас, чтобы мы и дальше могли рассказывать о жизни края." +
"Поддержать"), and the rule above reads them as menu items: the banner's sentence is itself a
button by its words (so no *other* line speaks), or it speaks of the site in the third person.
With the switch on, a run also stays the box when any of its lines down to the button, the
button's own included, speaks as the site or is a sentence (at least ``BOX_SENTENCE_WORDS``
words, ended by a full stop or "!"): a menu's "Donate" sits among labels, never beside a
sentence.  The box ends with its button (the lines the run holds below it go back to the page
evidence: on a page without blank lines the run reaches the nav bar and the headline), and a
button printed in a nav row with wide gaps ("News  War  Politics  Support us") is the menu's.

Pure: a function on segments and their fixed roles.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from workbench.core.page_shapes import is_prose, shapes
from workbench.core.page_tail import site_voice
from workbench.core.role_params import DEFAULT_PARAMS, RoleParams
from workbench.core.segment import Seg

APPEAL, OTHER = "appeal", "other"
#: A line of this many items set apart by wide gaps is a menu row, not a banner.
MENU_ITEMS = 3
#: A banner's sentence has at least this many words ("Kyiv Insider is reader-funded.").
BOX_SENTENCE_WORDS = 3


def _speaks(text: str) -> bool:
    """The site's voice, or a sentence: what a menu item never is."""
    body = text.strip()
    return site_voice(body) or (
        len(body.split()) >= BOX_SENTENCE_WORDS and body.rstrip("»”\"' ").endswith((".", "!"))
    )


def _menu_row(text: str) -> bool:
    """A nav row printed with wide gaps ("News  War  Politics  Support us"): a menu's item."""
    return len([c for c in re.split(r"\s{2,}", text.strip()) if c]) >= MENU_ITEMS


def _items_ahead(text: str, button: Callable[[str], bool], least: int) -> bool:
    """A nav row printed with single spaces, the button its last item ("News Economy Regions
    War Culture Support us", 126's dnister_daily_ukrinform_en): the words ahead of the
    shortest button phrase ending the line are ``least`` or more capitalised items and no
    sentence.  The button's own words ("Support us") then speak for no banner: a banner's
    words ahead of its button are a sentence or lower-case ("Підтримайте нас Підтримати")."""
    words = text.split()
    cut = next((k for k in range(len(words) - 1, -1, -1) if button(" ".join(words[k:]))), None)
    if least <= 0 or cut is None or cut < least:
        return False
    ahead = words[:cut]
    return all(w[0].isupper() for w in ahead) and not any(
        w.rstrip("»”\"'").endswith((".", "!", "?", ":")) for w in ahead
    )


def menu_buttons(
    segs: Sequence[Seg],
    fixed: Sequence[str | None],
    params: RoleParams = DEFAULT_PARAMS,
    button: Callable[[str], bool] = lambda text: False,
) -> list[str | None]:
    """``fixed`` with the appeal runs a menu's button opened above the story undone (see the
    module); ``button`` tells an appeal button by its text (``roles._appeal_button``)."""
    out = list(fixed)
    sh = shapes(segs)
    start = next((k for k, r in enumerate(fixed) if r is None and is_prose(sh[k], False, params)),
                 None)  # fmt: skip
    if start is None:
        return out
    for b in range(start):
        if fixed[b] != APPEAL or not button(segs[b].text):
            continue
        para = segs[b].paragraph
        run = [k for k in range(start) if fixed[k] == APPEAL and segs[k].paragraph == para]
        others = [k for k in run if not button(segs[k].text)]
        if any(site_voice(segs[k].text) for k in others):
            continue
        box = [k for k in run if k <= b]  # the banner ends with its button
        if (
            params.voiced_boxes
            and not _menu_row(segs[b].text)
            and not _items_ahead(segs[b].text, button, params.menu_row_words)
            and any(_speaks(segs[k].text) for k in box)
        ):
            for k in run:
                out[k] = fixed[k] if k <= b else None
            continue
        for k in run:
            out[k] = OTHER if k == b or button(segs[k].text) else None
    return out
