"""A crumb trail picked as the title passes the title to the next close line of its block.

Why (round 37, roles37): on the new dev batches' low pages the site's crumb trail is printed
right above the title, in the same block of title candidates, and ``page_header._choose_title``
takes the block's first close line as the title: "Головна / Водосховища / Вінниччина" (132's
vodna_storinka_uk), "Oberösterreich / Mühlviertel" (133's linzer_tagesanzeiger_de), "Головна /
Культура / Фестивалі" (133's vinnytski_obrii_uk), and round 36's "Home / First League" (128's
kyiv_football_digest_en).  The crumb shares a story stem or two by chance (the region, the
league, the section) and is gold ``other``; the title under it was kept as its subtitle.  Round
36's ``title_more_stems`` (``page_title_pick``) passes such a line only when the title under it
tells more stems (vinnytski's crumb ties its title, 2 and 2) and moves every short chrome line,
nav rows among them (a true dev flag rode on one: off).  The page's evidence here is the
crumb's own shape, which no title has: short items joined by a spaced path separator (" / ",
" › ", " » ", " > ", " | "), no sentence end, no longer than a chrome line.  So with
``RoleParams.crumb_title_words`` set, a picked line of that shape whose items hold at most
that many words each passes the title to the next close line of its block; with no close line
below it in the block nothing moves (a page whose only title-like line is a crumb keeps it).
Shipped at 2 words an item (``benchmarks/role_crumb_title_cv.py``: leave one dev set out, 74 of
74 folds chose it, 128, 132 and 133 up, no set lower, check pooled up; 2, 3 and 4 words tie on
dev; ``role_crumb_title_costs.py``: no flag or bead moves; docs/ingest.md "Round 37 (roles37)").

Pure: a choice among candidates already scored.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.core.page_shapes import Shape
from workbench.core.role_params import RoleParams

#: A path separator between crumb items, spaced on both sides (``page_menu_kicker._CRUMB``).
_SEPARATOR = re.compile(r"\s[/›»>|]\s")
_WORD = re.compile(r"\w+")

#: ``page_header``'s candidate: line start, segments, shared stems, shared beyond the
#: closest sentence, share of its stems the story uses.
Candidate = tuple[int, list[int], int, int, float]


def crumb_line(text: str, item_words: int, max_words: int) -> bool:
    """A crumb trail: two or more items, each of 1 to ``item_words`` words, joined by spaced
    path separators, no sentence end, at most ``max_words`` words in all."""
    text = text.strip()
    if not item_words or text.endswith((".", "!", "?", ":")):
        return False
    items = _SEPARATOR.split(text)
    counts = [len(_WORD.findall(item)) for item in items]
    return len(items) >= 2 and all(1 <= n <= item_words for n in counts) and (
        sum(counts) <= max_words
    )


def past_crumb(
    block: Sequence[Candidate],
    close: Sequence[Candidate],
    pick: Candidate,
    texts: Sequence[str],
    sh: Sequence[Shape],
    p: RoleParams,
) -> Candidate:
    """``pick``, or the next close candidate of ``block`` below it when ``pick`` is a crumb
    trail (see the module); ``p.crumb_title_words`` 0 leaves the pick alone."""
    if not p.crumb_title_words or not texts:
        return pick
    words = sum(sh[k].words for k in pick[1])
    text = " ".join(texts[k] for k in pick[1])
    if words > p.short_words or not crumb_line(text, p.crumb_title_words, p.short_words):
        return pick
    return next((c for c in block if c[0] > pick[0] and c in close), pick)
