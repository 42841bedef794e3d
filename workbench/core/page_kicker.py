"""The kicker above the title: a short told label line right above the headline joins it.

Why a pass of its own (round 33, roles_b; a study, off): round 33's census counts "a title,
deck or kicker lost above the story" in 16 dev batches, and 12 of them lose one short label
line right above the headline — a kicker or rubric ("Energie", "Konflikte", "Raumfahrt",
"Meerenge blockiert", "Moldavie", "CONFLIT") that the gold of those pages puts in the
headline while the tool reads it as a section label (``other``).  The gold of the dev set's
README puts "navigation or section labels" in ``other``, and the lines of the same shape on
most dev pages are gold ``other`` (a site's rubric "Eisregen", "Frankreich",
"Rheinschifffahrt", "Stahlindustrie", "Powerbank-Rückruf"), so the one page evidence a new
page would meet is tried: the label tells the story (a kicker names the story's topic, a
section label names the site's department).  After the learned layer and the title's slot,
above the story's first body line: the line right above the first headline line — a line of
its own, unended, 1 to ``kicker_words`` words, telling at least ``kicker_stems`` of the story's
content stems (5-letter stems of the body lines; 0: off), read ``other``, not a stamp, credit
or byline, not decided by the fixed rules — is the headline's kicker and turns ``headline``.

Pure: a function on segments and their roles.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.core.page_shapes import _byline, chrome_shape, shapes
from workbench.core.role_params import RoleParams
from workbench.core.segment import Seg

BODY, HEADLINE, OTHER = "body", "headline", "other"


def kicker_line(
    segs: Sequence[Seg],
    roles: Sequence[str],
    fixed: Sequence[str | None] | None,
    p: RoleParams,
) -> list[str]:
    """``roles`` with the told short label right above the headline read as its kicker (see
    the module); every other line keeps its role, and with ``kicker_stems`` 0 nothing moves."""
    out = list(roles)
    first = next((k for k, r in enumerate(roles) if r == BODY), None)
    if p.kicker_stems <= 0 or first is None:
        return out
    head = next((k for k in range(first) if roles[k] == HEADLINE), None)
    if head is None:
        return out
    above = next((k for k in range(head - 1, -1, -1) if segs[k].text.strip()), None)
    if above is None or roles[above] != OTHER or (fixed is not None and fixed[above]):
        return out
    sh = shapes(segs)
    story = frozenset(st for k in range(first, len(roles)) if roles[k] == BODY
                      for st in sh[k].stems)  # fmt: skip
    shape, seg = sh[above], segs[above]
    if not (shape.starts_line and shape.ends_line) or shape.terminal or "\n" in seg.text.strip():
        return out
    if not 1 <= shape.words <= p.kicker_words or len(shape.stems & story) < p.kicker_stems:
        return out
    if chrome_shape(seg.text, shape, p) or _byline(seg, shape):
        return out
    out[above] = HEADLINE
    return out
