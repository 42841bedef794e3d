"""The comment section's counter or heading line: a section label (``other``), not the form.

Why a pass of its own (round 34, roles34; a study, off by default): the most spread
role loss of the dev pages in round 34's census (``role_losses.py --pages``: gold ``other``,
tool ``comment_form``, below the story, 38 batches) is led by one line: the counter or
heading that opens the reader-comment section ("Kommentare (4)", "Комментарии (3)",
"14 commentaires", "Comments (0)", "Коментарі"), three of the five lowest pages of the new
dev batches 119 and 122 among them.  ``core.page_comments`` reads that line as the head of
the section, and the section (its form, its posts) is ``comment_form``; the dev set's README
says ``comment_form`` is "the text of a comment form" and "navigation or section labels" are
``other``, and the gold of most dev pages since batch 27 keeps the counter out of the form.
The gold of the early batches (3-21) puts it in the form, so the pass is measured, not
assumed (``benchmarks/role_comment_head_cv.py``).

After the learned layer (as the round 31-33 passes: the layer reads the page as before and
the section keeps its extent), a line of its own that the tool reads ``comment_form`` and that
is only a comment counter ("12 Kommentare", "Комментарии: 0", ``core.role_phrases.
COMMENT_COUNT``; ``RoleParams.comment_heads`` 1) or also the bare heading word ("Kommentare",
"COMMENTS"; 2) turns ``other``.  Every other line keeps its role; 0 (the default) moves nothing.

Pure: a function on segments and their roles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.core.role_params import RoleParams
from workbench.core.role_phrases import COMMENT_COUNT
from workbench.core.segment import Seg

COMMENT_FORM, OTHER = "comment_form", "other"
#: The comment section's heading word alone, in the languages of the dev pages.
HEADINGS = frozenset(
    "comments kommentare commentaires réactions postings комментарии коментарі σχόλια".split()
)


def _plain(text: str) -> str:
    """Case-folded, single-spaced, without trailing punctuation (as ``roles.normalise``)."""
    return " ".join(text.casefold().split()).strip(" .:!?…,;-–—\"'«»„“”")


def is_comment_head(text: str, level: int) -> bool:
    """A comment counter (``level`` ≥ 1) or the bare heading word (``level`` ≥ 2)."""
    plain = _plain(text)
    if level >= 1 and COMMENT_COUNT.match(plain):
        return True
    return level >= 2 and plain in HEADINGS


def _own_line(segs: Sequence[Seg], k: int) -> bool:
    """The segment is a printed line of its own (a break before it and after it; a
    segment's ``separator`` is the whitespace after it)."""
    before = k == 0 or bool(re.search(r"[\r\n]", segs[k - 1].separator))
    after = k + 1 >= len(segs) or bool(re.search(r"[\r\n]", segs[k].separator))
    return before and after and not re.search(r"[\r\n]", segs[k].text.strip())


def comment_heads(segs: Sequence[Seg], roles: Sequence[str], p: RoleParams) -> list[str]:
    """``roles`` with every comment counter / heading line read ``comment_form`` turned
    ``other`` (see the module); with ``comment_heads`` 0 nothing moves."""
    out = list(roles)
    if p.comment_heads <= 0:
        return out
    for k, seg in enumerate(segs):
        head = is_comment_head(seg.text, p.comment_heads)
        if out[k] == COMMENT_FORM and head and _own_line(segs, k):
            out[k] = OTHER
    return out
