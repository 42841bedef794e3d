"""Printed lines and story words, for every segment of a page at once.

Why a module: the role passes asked, segment by segment, "is it printed on one
line with one of these?" (``shares_line`` below walks the line) and "how
many of its words does the rest of the story use?" (the stems of every other
story sentence, united again for each one).  On a page of normal lines both are
cheap, but a scraped page whose article is one paragraph (one line of 5,000
sentences) made each pass quadratic: ingesting a 376 kB one-line page took
20 s of CPU (round 36).  These helpers answer the same questions from counts
made once, so a pass is linear in the page; the answers are the same ones
(``tests/ingest/test_page_lines36.py`` checks them against the walks).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence

from workbench.core.page_shapes import Shape, cohesion
from workbench.core.segment import Seg


def line_ids(segs: Sequence[Seg]) -> list[int]:
    """The printed line of each segment: a separator holding a line break ends a line."""
    ids, line = [], 0
    for seg in segs:
        ids.append(line)
        if "\n" in seg.separator or "\r" in seg.separator:
            line += 1
    return ids


def line_sharers(segs: Sequence[Seg], members: Collection[int]) -> frozenset[int]:
    """Every segment printed on one line with a member other than itself: the
    segments ``i`` for which ``shares_line(i, segs, members)`` holds, in one pass."""
    ids = line_ids(segs)
    inside = {m for m in members if 0 <= m < len(segs)}
    count = Counter(ids[m] for m in inside)
    return frozenset(i for i, line in enumerate(ids) if count[line] - (i in inside) > 0)


def others_stems(
    sh: Sequence[Shape], base: Collection[int], members: Sequence[int], group: Sequence[int]
) -> Callable[[int], frozenset[str]]:
    """``k -> stems(k) ∩ (stems of base ∪ stems of the members outside k's group)``.

    The same stems as ``sh[k].stems & _story_stems(sh, [*base, *(j for j in members
    if group[j] != group[k])])``, from per-group stem counts made once: a stem is
    used outside ``k``'s group when its count over the members exceeds its count
    inside that group.  ``group`` is a key per segment (a paragraph, a printed
    line; the index itself leaves out ``k`` alone).
    """
    fixed = frozenset().union(*(sh[j].stems for j in base))
    total: Counter[str] = Counter()
    inner: dict[int, Counter[str]] = {}
    for j in dict.fromkeys(members):
        total.update(sh[j].stems)
        inner.setdefault(group[j], Counter()).update(sh[j].stems)

    def used(k: int) -> frozenset[str]:
        mine = inner.get(group[k], Counter())
        return frozenset(s for s in sh[k].stems if s in fixed or total[s] > mine[s])

    return used


def others_cohesion(
    sh: Sequence[Shape], base: Collection[int], members: Sequence[int], group: Sequence[int]
) -> Callable[[int], float | None]:
    """``cohesion(sh[k], …)`` against the same words as ``others_stems``."""
    used = others_stems(sh, base, members, group)
    return lambda k: cohesion(sh[k], used(k))


def shares_line(i: int, segs: Sequence[Seg], members: Collection[int]) -> bool:
    """Whether segment ``i`` is printed on one line with any of ``members`` (the walk).

    Kept as the reference ``line_sharers`` answers in one pass (tests).

    A scraped paragraph is a line, so a sentence on the line of a story sentence
    belongs to the story ("Traurige Nachrichten aus dem Pitztal. Bei einem …").
    """
    k = i
    while k > 0 and not re.search(r"[\r\n]", segs[k - 1].separator):
        k -= 1
        if k in members:
            return True
    k = i
    while k + 1 < len(segs) and not re.search(r"[\r\n]", segs[k].separator):
        k += 1
        if k in members:
            return True
    return False
