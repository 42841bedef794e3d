"""A consent box anywhere on the page: the site asks about cookies, in its own voice.

Why a pass of its own: the page rules know a consent banner *above* the story
(``page_prose.consent``), but captures also print it below the story ("Wir und
unsere Partner verarbeiten personenbezogene Daten, indem wir Cookies setzen …"), and
video players print their own inside it ("Video: Um dieses Video abzuspielen, müssen
Sie externe Inhalte in den Cookie-Einstellungen zulassen." / "Einstellungen ändern").
There the story region runs on over them and they become ``body``.  A sentence that
names cookies and speaks as the site (to the reader, or as "we", outside quotation
marks) is the consent text, whatever the language; a story *about* cookies tells it
in the third person ("The regulator fined the retailer for setting cookies").

The box runs over the rest of its printed line and the ``body`` lines right after it
that still speak as the site ("Ihre Auswahl können Sie jederzeit widerrufen.") or are
buttons (at most ``BUTTON_WORDS`` words, no sentence end: "Einstellungen ändern"),
through lines the rules already made ``other``: they may have taken the cookie sentence
and left the rest of its line ("Hierbei werden Daten auch an Partner in Drittländern
übermittelt.").

Pure: a function on segments and their roles.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.core.page_shapes import shapes
from workbench.core.page_tail import _COOKIE, site_voice
from workbench.core.segment import Seg

BODY, OTHER, LINK_RESIDUE = "body", "other", "link_residue"
#: What a consent box's lines may be labelled so far: the rules may have taken part of it.
BOX = (BODY, OTHER)
#: A button under a consent text: "Einstellungen ändern", "Alle akzeptieren", "Gérer".
BUTTON_WORDS = 3
#: A "read more" link on the consent text's own line ("Мы используем файлы cookie, … Подробнее
#: Согласен", "… utilisent des cookies … En savoir plus") explains the cookies, not the story:
#: ``other`` in dev batches 7 and 8, no dev page labels one ``link_residue``
#: (``benchmarks/role_bars_cv.py``).
LINKS = True


def consent_lines(segs: Sequence[Seg], roles: Sequence[str], on: bool = True) -> list[str]:
    """``roles`` with the ``body`` segments of every consent box made ``other``.

    ``on`` is ``RoleParams.consent_box`` (chosen leaving one set out in
    ``benchmarks/role_labels_cv.py``; off gives ``roles`` unchanged).
    """
    out = list(roles)
    if on:
        for k, _ in _boxes(segs, roles):
            out[k] = OTHER
    return out


def consent_kept(segs: Sequence[Seg], roles: Sequence[str]) -> list[bool]:
    """Which ``other`` segments are a consent box's own text: the learned layer keeps them.

    The box's own text is what ``consent_lines`` would take from ``body``: the cookie
    sentence, the rest of its printed line, site-voice sentences and buttons after it.
    The layer reads shape, and a consent paragraph has the shape of a story paragraph
    (long, terminal, in the story's language, between body lines), so it takes such a
    line back into ``body`` (dev batch 17 ladepeche, 306 characters); the rule read its
    words (``core.role_model.correct_roles``).
    """
    out = [False] * len(segs)
    for k, own in _boxes(segs, roles):
        out[k] = own and roles[k] == OTHER
    return out


def _boxes(segs: Sequence[Seg], roles: Sequence[str]) -> list[tuple[int, bool]]:
    """Every consent box's segments, each with whether it is the box's own text (a ``body``
    line there becomes ``other``; other ``other`` lines the box only runs through)."""
    out: list[tuple[int, bool]] = []
    sh = shapes(segs)
    i = 0
    while i < len(segs):
        if roles[i] not in BOX or not _asks_consent(segs[i].text):
            i += 1
            continue
        start = i
        while start > 0 and not sh[start].starts_line and roles[start - 1] in BOX:
            start -= 1  # the box's line from its start
        k = start
        while k < len(segs):
            on_line = k <= i or not sh[k].starts_line
            button = sh[k].words <= BUTTON_WORDS and not sh[k].terminal
            link = LINKS and roles[k] == LINK_RESIDUE and on_line and button
            if roles[k] not in BOX and not link:
                break
            own = on_line or button or site_voice(segs[k].text)
            if roles[k] == BODY and not own:
                break
            out.append((k, own))
            k += 1
        i = max(k, i + 1)
    return out


def _asks_consent(text: str) -> bool:
    """Names cookies and speaks as the site (reader or "we") outside quotation marks."""
    return bool(_COOKIE.search(text)) and site_voice(_COOKIE.sub(" ", text))
