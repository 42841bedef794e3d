"""Which line of the title's block is the title: the first close one, or one telling more.

Why (round 36, roles36): ``page_header._choose_title`` takes, in the last block of adjacent
title candidates above the story, the *first* line about as close to the story as the closest
(``_close``), since a subtitle follows its title.  On batch 128's lowest pages the site's chrome
is printed right above the title in the same block and is close enough to come first: the
masthead with its language switch ("UKRAINE REGIONAL REPORT UA EN", 3 story stems against the
title's 6), a nav row ("Новини Зорянськ Спорт Про нас", 1 against 2), a one-step crumb ("Home /
First League", 2 against 4).  The chrome line became the title, the real title its subtitle
and the deck under it was lost.  The dev census (``benchmarks/role_title_pick_cv.py``'s
docstring) finds the shape on 10 pages of 8 dev sets (35's laola1 live line, 41's
bleepingcomputer crumb, 80's handelsblatt crumb, 96's glavnoe nav row, 107's alpenfunk ticker,
52's and 62's kickers gold ``other``, and 128's three); the rule moves 5 of them.

The page's evidence: a title tells the story; a chrome line above it is short and shares a
word or two by chance (the region, the league, the site's own name).  So with
``title_more_stems`` set, a later close line of the same block that shares at least that many
*more* story stems than the line picked so far takes the title's place, when the line picked
is short (``short_words`` words or fewer, as chrome lines are): a title of more words over a
deck that tells more (4's guardian_en, 11 words over its deck) keeps its place.  The passed
line stays a title line only when ``_choose_title``'s own test for a title line right above the
one chosen keeps it (long and near).  Measured by ``benchmarks/role_title_pick_cv.py`` (leave
one dev set out: 72 of 72 folds chose 1; check pooled up) and ``role_title_pick_costs.py``: one
true dev flag lost (96's glavnoe_in_ua_uk -> kharkiv_today_uk, "40" % against "половині"), so it
shipped off in round 36 (a study; docs/ingest.md "Round 36 (roles36)").  Round 38 re-measured it
(76 of 76 folds chose 1; batch 136, written after the rule, its lowest page .836 -> 1.000) and
ships it at 1 (rolesb38): that flag was found only through a wrong bead (glavnoe's "40%"
sentence paired with kharkiv_today's title, a pairing the gold does not hold), and the lead's
rule is that a flag found only through a bead the gold says is wrong is no detection to keep.

Pure: a choice among candidates already scored.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.core.page_crumb_title import past_crumb
from workbench.core.page_shapes import Shape
from workbench.core.role_params import RoleParams

#: ``page_header``'s candidate: line start, segments, shared stems, shared beyond the
#: closest sentence, share of its stems the story uses.
Candidate = tuple[int, list[int], int, int, float]


def pick_title(
    block: Sequence[Candidate],
    close: Sequence[Candidate],
    sh: Sequence[Shape],
    p: RoleParams,
    texts: Sequence[str] = (),
) -> Candidate:
    """The title of ``block`` (see the module): the first close candidate, or with
    ``p.title_more_stems`` a later close one sharing that many more story stems than a short
    line picked so far (a chrome line is short; a title of more words keeps its place).  With
    ``p.crumb_title_words`` a crumb trail picked passes to the next close line (round 37,
    ``page_crumb_title``; ``texts`` are the page's segment texts)."""
    pick = past_crumb(block, close, next(c for c in block if c in close), texts, sh, p)
    if not p.title_more_stems:
        return pick
    for c in block:
        if c[0] <= pick[0] or c not in close or c[2] < pick[2] + p.title_more_stems:
            continue
        if sum(sh[k].words for k in pick[1]) <= p.short_words:
            pick = c
    return pick
