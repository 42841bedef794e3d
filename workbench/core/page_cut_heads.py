"""The capture's cut under a crosshead or a "read also" line: the story's last lines.

Why (round 36, rolesb36): the widest story-side loss of the dev pages is the capture's cut
(a page stored without a line break after its last line stops inside the story's next
sentence).  Round 32's ``page_cut.cut_tail`` reads the cut line right after a story
sentence; on 13 dev pages of 9 batches the cut line sits one or two lines lower, under a
crosshead ("Повторні поштовхи і ніч поза домом", "Frost und Hagel drückten die Ernte",
"Что дальше") or a "read also" link line ("Читайте також: …") the site prints between the
story's paragraphs.  The rules and the learned layer read the crosshead and the cut line as
chrome (short, unended: a label), so the story's end is lost with them.  The cut is the
evidence a new site carries as well: a box's label the capture would have kept whole, and a
crosshead is a story's only when a sentence follows it, which the cut line is.

The rule (``RoleParams.cut_heads``: how many lines may stand between; 0: off): on a
visibly cut page whose last line is ``other``, unended, opens a line and opens like a
sentence, holds ``cut_heads_words`` words or more, some in lower case, and is no chrome by
its shape alone; above it at most ``cut_heads`` lines, each a crosshead (a line of its own,
unended, at most ``crosshead_words`` words, opening like a sentence, no label's colon,
slash or bar, no chrome by shape) or a link line (``link_residue``); above those a body
sentence (ended, ``CUT_WORDS`` words, some lower case).  Then the last line and the
crossheads are ``body``; link lines keep their role; where the last line or a crosshead has
a fixed role, nothing moves.

Pure: a function on segments and their roles.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.core.page_cut import CUT_WORDS, capture_cut, opens_sentence
from workbench.core.page_shapes import Shape, chrome_shape, shapes
from workbench.core.role_params import RoleParams
from workbench.core.segment import Seg

BODY, LINK, OTHER = "body", "link_residue", "other"
#: A label's marks: a crosshead says its words, a label names a field ("Теги:", "Фото:") or
#: a source ("KN/dpa").
_LABEL_MARKS = (":", "/", "|")


def _crosshead(k: int, segs: Sequence[Seg], sh: Sequence[Shape], p: RoleParams) -> bool:
    """A line of its own, unended, short and opening like a sentence: a crosshead's shape."""
    s, text = sh[k], segs[k].text
    return (s.starts_line and s.ends_line and not s.terminal
            and 0 < s.words <= p.crosshead_words and opens_sentence(text)
            and not any(m in text for m in _LABEL_MARKS)
            and not chrome_shape(text, s, p))  # fmt: skip


def _sentence(s: Shape) -> bool:
    """A full story sentence (``page_cut.cut_off``'s test of the line above a cut)."""
    return s.terminal and s.words >= CUT_WORDS and s.lower >= 0.3


def _between(
    segs: Sequence[Seg], roles: Sequence[str], sh: Sequence[Shape], p: RoleParams
) -> list[int] | None:
    """The crossheads between the story's last sentence and the cut line, or None when the
    lines between are not crossheads and link lines, more than ``cut_heads``, or none."""
    last, heads = len(segs) - 1, []
    for k in range(last - 1, max(-1, last - 2 - p.cut_heads), -1):
        if roles[k] == BODY and _sentence(sh[k]):
            return heads if last - 1 - k >= 1 else None
        if roles[k] == LINK:
            continue
        if not _crosshead(k, segs, sh, p):
            return None
        heads.append(k)
    return None


def cut_heads(
    segs: Sequence[Seg],
    roles: Sequence[str],
    fixed: Sequence[str | None] | None,
    p: RoleParams,
) -> list[str]:
    """``roles`` with a visibly cut page's last line, under crossheads or link lines right
    after a story sentence, made the story's (see the module); a fixed role stays."""
    out = list(roles)
    last = len(segs) - 1
    if p.cut_heads <= 0 or last < 2 or out[last] != OTHER or not capture_cut(segs):
        return out
    sh = shapes(segs)
    if not _cut_sentence(segs[last].text, sh[last], p):
        return out
    heads = _between(segs, out, sh, p)
    if heads is None or any(fixed is not None and fixed[k] is not None for k in [*heads, last]):
        return out
    for k in [*heads, last]:
        out[k] = BODY
    return out


def _cut_sentence(text: str, s: Shape, p: RoleParams) -> bool:
    """A line the capture cut inside a sentence: its own line, unended, opening like a
    sentence, of at least ``cut_heads_words`` words with some lower-case ones (a teaser
    title, a button row or a label has none or is shorter), and no chrome by shape."""
    return (s.starts_line and not s.terminal and s.words >= p.cut_heads_words and s.lower >= 0.3
            and opens_sentence(text) and not chrome_shape(text, s, p))  # fmt: skip
