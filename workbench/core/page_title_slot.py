"""The title's slot: a chrome line above the story taken as the headline gives it to the title.

Why a pass of its own (round 33): the most spread story-side loss of the dev pages is the
title lost above the story (21 batches in round 33's census), and on most of the pages where
the whole title is lost a line of chrome above the story holds the headline instead: a crumb
("Home / Forst / Österreich", "Startseite Lokales Freilassing"), the masthead ("Forstblick
Osteuropa", "Reporterre le média de l'écologie", "Clean Energy Wire CLEW"), a live ticker's
line ("🔴 Наживо: графік подачі води"), a kicker ("Abstimmung in Lindegg"), a stamp
("Publié le jeudi 26 novembre 2026 à 10h05 …").  The header rules pick the title by its shape
and place, and such a line has the shape; what tells them apart is what they say: the title
takes up the story's words, the chrome does not.  So, after the learned layer (as the round
31 and 32 passes, so the layer reads the page as before), above the story's first body line:
when a headline line shares fewer than ``RoleParams.title_slot_stems`` content stems with the
story (0: off) and an ``other`` line of title shape (a line of its own, unended, 3 words up to
``headline_words``, some word in lower case, not a stamp, credit or byline) shares at least
that many and more than that headline, that line is the headline and the untold headline
lines are chrome.  A slot held by a line the story tells, or a page with no headline, is left
alone: the pass moves the slot, it never opens one.

Pure: a function on segments and their roles.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.core.page_comment_head import comment_heads
from workbench.core.page_crossheads import crosshead_lines
from workbench.core.page_cut import cut_tail
from workbench.core.page_cut_heads import cut_heads
from workbench.core.page_footer import footer_tail
from workbench.core.page_kicker import kicker_line
from workbench.core.page_newsletter import newsletter_tail
from workbench.core.page_shapes import Shape, _byline, chrome_shape, shapes
from workbench.core.role_params import RoleParams
from workbench.core.segment import Seg

BODY, HEADLINE, OTHER = "body", "headline", "other"
#: A title has at least this many words (a one- or two-word line is a kicker or a label).
TITLE_WORDS = 3


def after_layer(
    segs: Sequence[Seg],
    out: list[str],
    rules: Sequence[str],
    fixed: Sequence[str | None],
    p: RoleParams,
    langs: Sequence[str | None] | None,
) -> list[str]:
    """The passes that read the learned layer's roles (``core.roles.assign_roles``), in order:
    crossheads between story sentences (round 31), the title's slot (round 33), the kicker
    above the title (round 33 roles_b, off), the capture's cut last line (round 32), the
    cut line under a crosshead or link line (round 36), the comment section's counter
    line (round 34, off), the newsletter box at the story's end (round 34), the body lines
    under the site's footer (round 35)."""
    out = crosshead_lines(segs, out, fixed, p, langs, rules)
    out = title_slot(segs, out, fixed, p)
    out = kicker_line(segs, out, fixed, p)
    out = cut_tail(segs, out, rules, fixed, p)
    out = cut_heads(segs, out, fixed, p)
    out = comment_heads(segs, out, p)
    out = newsletter_tail(segs, out, p)
    return footer_tail(segs, out, p)


def title_slot(
    segs: Sequence[Seg],
    roles: Sequence[str],
    fixed: Sequence[str | None] | None,
    p: RoleParams,
) -> list[str]:
    """``roles`` with the title's slot moved from untold chrome to a told title (see the
    module); a line the fixed rules decided keeps its role."""
    least = p.title_slot_stems
    out = list(roles)
    first = next((k for k, r in enumerate(roles) if r == BODY), None)
    if least <= 0 or first is None:
        return out
    sh = shapes(segs)
    story = frozenset(st for k in range(first, len(roles)) if roles[k] == BODY
                      for st in sh[k].stems)  # fmt: skip

    def told(k: int) -> int:
        return len(sh[k].stems & story)

    free = [k for k in range(first) if (fixed is None or fixed[k] is None) and _one_line(segs[k])]
    weak = [k for k in free if roles[k] == HEADLINE and _untold(sh[k], told(k), least)]
    if not weak:
        return out
    bar = max(1, max(told(k) for k in weak))
    held = [k for k in range(weak[-1], first) if roles[k] == HEADLINE and k not in weak]
    end = held[0] if held else first  # a told title below the chrome holds the slot already
    titles = [k for k in free if weak[-1] < k < end and roles[k] == OTHER and told(k) >= bar
              and _title_shape(segs[k], sh[k], p)]  # fmt: skip
    if not titles:
        return out
    best = max(titles, key=lambda k: (told(k), k))  # ties: the line nearest the story
    out[best] = HEADLINE
    for k in weak:
        out[k] = OTHER
    return out


def _one_line(seg: Seg) -> bool:
    return "\n" not in seg.text and "\r" not in seg.text


def _untold(shape: Shape, told: int, least: int) -> bool:
    """A headline line that holds the slot for chrome: unended, and telling fewer than
    ``least`` story stems or capitalising every word (a menu, a crumb, a masthead)."""
    return not shape.terminal and (told < least or shape.lower <= 0)


def _title_shape(seg: Seg, shape: Shape, p: RoleParams) -> bool:
    """A line of its own, unended, a title's length, some word lower-case (a menu row or a
    crumb capitalises every item), and no stamp, credit or byline."""
    if not (shape.starts_line and shape.ends_line) or shape.terminal:
        return False
    if not TITLE_WORDS <= shape.words <= p.headline_words or shape.lower <= 0:
        return False
    return not (chrome_shape(seg.text, shape, p) or _byline(seg, shape))
