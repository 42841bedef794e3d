"""Where the reader-comment section starts: everything from there down is ``comment_form``.

Why a section and not line by line: under a story, a comment section holds its
form ("Neues Posting", "Vous devez être connecté pour réagir"), its counter
("327 Postings", "Коментарі (3)"), and the comments themselves: commenter names,
times, vote counts and the comment texts, which read like prose sentences and
would otherwise extend the story.  Only the section's head carries words of
its kind (a comment starter or counter, ``core.role_phrases``); the rest is
recognised by position: it runs from that head to the end of the page.

A comment head above the story ("327 Postings" beside the byline) or early in
it (a counter in a toolbar under the lead) is a link, not the section: the
section starts only where at least as much of the story's prose lies above as
below.  A copyright line (the site's footer) or an appeal ends the section.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.core.segment import Seg

COMMENT_FORM = "comment_form"
_FOOTER = re.compile(r"©|\(c\)\s|\bcopyright\b|\ball rights reserved\b", re.I)


def _ends_section(seg: Seg, fixed: str | None) -> bool:
    return fixed == "appeal" or bool(_FOOTER.search(seg.text))


def comment_section(
    segs: Sequence[Seg], fixed: Sequence[str | None], prose: Sequence[int]
) -> range:
    """The segments of the reader-comment section (an empty range when there is none)."""
    if not prose:
        return range(0)
    for i, role in enumerate(fixed):
        if role != COMMENT_FORM or i <= prose[0]:
            continue
        above = sum(1 for k in prose if k < i)
        if above >= len(prose) - above:
            ends = (k for k in range(i + 1, len(segs)) if _ends_section(segs[k], fixed[k]))
            return range(i, next(ends, len(segs)))
    return range(0)
