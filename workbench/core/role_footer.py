"""Which of the rules' footer lines the learned layer may not take back into the story.

Why: below the story's last sentence the rules read a line as the site's footer by its
words: it speaks as the site ("you"/"we" outside quotations, ``page_tail.site_voice``),
prints the masthead's name (``page_named.own_voice``) or opens with a bare question (a
tip box).  The learned layer (``core.role_model``) reads shape, and a bio ("Janneke Wolters
covers business and technology for NL Times."), a self-description ("The Connexion is an
independent newspaper …") or "Get in touch with our team." has a closing sentence's shape.
Keeping every ``other`` below the story lost on first runs (older rules ended stories early
and the layer gave the sentences back: docs/ingest.md, round 17); this keeps only the lines
whose own words say "site".

Round 19, a rights notice ends what the layer may give back (``rights_kept``): below the
rules' last story segment, a line the rules left as ``other`` that prints the copyright sign or
word ("© 2026 AFP", "Copyright © Solothurner Zeitung.") is the site's legal footer, and every
``other`` line under it stands ("This document is subject to copyright." / "Apart from any fair
dealing … no part may be reproduced …", "Eine Weiterverarbeitung … ohne vorherige Erlaubnis …":
full sentences the layer read as the story's close).  On the dev pages the keep holds no gold
story character (today's labels or first runs); a photo's "© Name/dpa" between story
paragraphs is above the story's end and opens nothing.

Pure: functions on segments and their rule roles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.core.page_named import own_voice
from workbench.core.page_tail import site_voice
from workbench.core.segment import Seg

STORY = ("headline", "body")
#: A line that opens with a question outside quotation marks (``page_labels.question_lines``).
_QUESTION = re.compile(r"^[^\"«»„“”‘‚?]{1,200}[?？]")
#: A rights notice: the copyright sign, or the word every supported language borrows for it.
_RIGHTS = re.compile(r"©|\bcopyright\b", re.IGNORECASE)


def footer_kept(segs: Sequence[Seg], roles: Sequence[str]) -> list[bool]:
    """``other`` lines below the rules' last story segment that speak as the site."""
    told = [i for i, role in enumerate(roles) if role in STORY]
    if not told:
        return [False] * len(roles)
    voice = own_voice(segs, site_voice)
    return [
        i > told[-1] and role == "other"
        and (voice(segs[i].text) or bool(_QUESTION.match(segs[i].text.strip())))
        for i, role in enumerate(roles)
    ]  # fmt: skip


def rights_kept(segs: Sequence[Seg], roles: Sequence[str]) -> list[bool]:
    """``other`` lines below the first rights notice under the rules' last story segment."""
    told = [i for i, role in enumerate(roles) if role in STORY]
    mark = next((i for i in range(told[-1] + 1, len(roles))
                 if roles[i] == "other" and _RIGHTS.search(segs[i].text)), None) if told else None
    return [mark is not None and i > mark and role == "other" for i, role in enumerate(roles)]
