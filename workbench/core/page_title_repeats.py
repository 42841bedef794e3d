"""The title's repeats near a page's top: its ``<title>`` line, a sticky reading bar.

Why these belong together: a captured page often prints its title more than once
(the ``<title>`` line with a site name after it, "… | DW"; a bar "Vous lisez : …"
above the story), and every such line is headline.  Telling a repeat needs the
open segments of a line (``_line``), a title compared with and without a short
label before it or site name after it (``_same_title``), and the search over the
top lines (``_repeats``).  Split out of core.page_header (round 16, to keep it
under ~400 lines), which chooses the title and still reads ``_line`` for it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.core.page_shapes import Shape, _norm
from workbench.core.segment import Seg


def _line(i: int, sh: Sequence[Shape], open_: Sequence[int]) -> list[int]:
    """The open segments of the line starting at ``i``."""
    line = [i]
    while not sh[line[-1]].ends_line and line[-1] + 1 in open_:
        line.append(line[-1] + 1)
    return line


def _repeats(
    title: int, segs: Sequence[Seg], sh: Sequence[Shape], open_: Sequence[int]
) -> set[int]:
    """Lines near the top repeating the title's line, also with a site name after it.

    A captured page often opens with its ``<title>`` ("Russischer Angriff legt
    Kraftwerk lahm | DW") and prints the title again above the story; both
    are the headline, whichever of them was found first.
    """
    start = title
    while start > 0 and not sh[start].starts_line:
        start -= 1
    mine = " ".join(segs[k].text for k in _line(start, sh, open_))
    out: set[int] = set()
    for i in open_[:50]:
        if sh[i].starts_line and i != start:
            line = _line(i, sh, open_)
            if _same_title(mine, " ".join(segs[k].text for k in line)):
                out |= set(line)
    return out | (set(_line(start, sh, open_)) if out else set())


#: A site name after a title: "… | DW", "… - The Moscow Times", "… — Суспільне".
_SITE_SUFFIX = re.compile(r"^(.*\S)\s+[|–—\-·•]\s+(\S.{0,60})$")
#: A site name after a title has at most this many words.
SITE_WORDS = 6


#: A reading bar before a title: "Vous lisez :  …", "Now reading: …", "Ви читаєте: …".
_BAR_LABEL = re.compile(r"^[^\W\d][\w'’-]*(?:\s+[\w'’-]+){0,2}\s*:\s+(\S.*)$")


def _same_title(a: str, b: str) -> bool:
    """The same title, or one of them after a short label or before a short site name.

    A sticky bar repeats the title under a label of up to three words ("Vous lisez :
    Tempête Ysolde : …"); such a bar inserted on top of every dev page cost 9,800
    headline characters (the bar's own), none with this rule.
    """
    if _norm(a) == _norm(b):
        return len(_norm(a).split()) >= 3
    for longer, shorter in ((a, b), (b, a)):
        m = _BAR_LABEL.match(longer.strip())
        if m and _norm(m.group(1)) == _norm(shorter) and len(_norm(shorter).split()) >= 3:
            return True
    for longer, shorter in ((a, b), (b, a)):
        m = _SITE_SUFFIX.match(longer.strip())
        if m and len(m.group(2).split()) <= SITE_WORDS and _norm(m.group(1)) == _norm(shorter):
            return len(_norm(shorter).split()) >= 3
    return False
