"""The site's footer under the story: the body lines printed below it are the site's.

Why a pass of its own (round 35, roles35; ``RoleParams.footer_tail``, on: leave one dev set out
chose it in 70 of 70 folds, ``benchmarks/role_footer_cv.py``): three of the four lowest
pages of the new dev batch 124 take lines printed *under the site's footer* into the story: a
rights note under the legal links ("Alle Inhalte sind urheberrechtlich geschützt." under
"Hohenrieder Kurier – Ihre Heimatzeitung seit 1949 Impressum AGB Datenschutz"), a syndication
note under "© 2027 Подільський вісник." ("Матеріали з позначкою «Укрінформ» передруковано за
угодою з агентством."), a station slogan and a consent banner under "Impressum Datenschutz".
The same shape, a consent banner printed after "© 2026 … Impressum Datenschutz", is taken on
40's rheintalexpress and 116's radio_pyhrn: 5 dev pages of 3 batches, and no dev line below
such a footer line is gold story.  The far tail (round 29, ``page_far_tail``) misses them: the
stories above are short (55-58 words, below its 80) or share a stem with the note ("Укрінформ").
The footer itself tells where the page ends, whatever the story's length: a line (at most
``FOOTER_WORDS`` words) that the tool reads as chrome and that opens with a copyright sign and a
year, says "all rights reserved" in a language of the dev set, or lists two of the legal links
(imprint, privacy, terms, contact).  Body lines below the first such line under the story's
first body line turn ``other``, provided the story above it holds more words than the body
below it (a footer line printed above the story, a consent box, is no footer of it).
Round 43 (roles43, ``RoleParams.rights_body``): a line opening with the rights phrase that the
rules read as a sentence ("Усі права захищено." closes with a period: 89's and 157's last line)
is that footer line too, under the same test.

Pure: a function on segments and their roles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.core.role_params import RoleParams
from workbench.core.segment import Seg

BODY, HEADLINE, OTHER = "body", "headline", "other"
#: A footer line is short: the site's name, the year, the links.
FOOTER_WORDS = 14
_RIGHTS = re.compile(
    r"^\W{0,2}(©|\(c\)|copyright\b)\s*(\d{4}|[^\W\d]+\s+\d{4})"
    r"|\ball rights reserved\b|\balle rechte vorbehalten\b|\btous droits réservés\b"
    r"|\bвсе права защищены\b|\b(усі|всі) права захищен[іо]\b",
    re.I,
)
_LEGAL = re.compile(
    r"\b(impressum|datenschutz(erklärung)?|agb|kontakt|privacy policy|terms of (use|service)"
    r"|contact us|mentions légales|confidentialité|контакти|контакты|політика конфіденційності"
    r"|политика конфиденциальности)\b",
    re.I,
)


def footer_line(text: str) -> bool:
    """The site's footer: a copyright sign and a year, a rights phrase, or two legal links."""
    if len(text.split()) > FOOTER_WORDS:
        return False
    legal = {m.group(0).casefold() for m in _LEGAL.finditer(text)}
    return bool(_RIGHTS.search(text)) or len(legal) >= 2


def rights_line(segs: Sequence[Seg], m: int) -> bool:
    """A line opening with a rights phrase ("Усі права захищено. Використання матеріалів …"):
    the footer even where its period made the rules read it as a sentence (round 43, roles43:
    ``RoleParams.rights_body``).  The phrase (or a copyright sign and year) must open its line,
    so a story sentence quoting it mid-line is none; ``footer_tail`` also asks that the line be
    short (``footer_line``) and lie under more story words than stand below it."""
    opens = m == 0 or bool(re.search(r"[\r\n]", segs[m - 1].separator))
    match = _RIGHTS.search(segs[m].text)
    return opens and match is not None and match.start() == 0


def _words(segs: Sequence[Seg], run: Sequence[int]) -> int:
    return sum(len(segs[k].text.split()) for k in run)


def footer_tail(segs: Sequence[Seg], roles: Sequence[str], p: RoleParams) -> list[str]:
    """``roles`` with the body lines under the site's footer read as chrome (see the module);
    with ``footer_tail`` off nothing moves."""
    out = list(roles)
    body = [k for k, r in enumerate(out) if r == BODY]
    if not p.footer_tail or not body:
        return out
    for m in range(body[0] + 1, len(segs)):
        read_as_body = p.rights_body and out[m] == BODY and rights_line(segs, m)
        if (out[m] in (BODY, HEADLINE) and not read_as_body) or not footer_line(segs[m].text):
            continue
        above = [k for k in body if k < m]
        below = [k for k in body if k >= m]
        if below and _words(segs, above) > _words(segs, below):
            for k in below:
                out[k] = OTHER
        elif read_as_body:
            continue  # a sentence over more story than above it: the story's, not the footer
        return out  # the first footer line under the story decides
    return out
