"""The page's header: the headline above the story, its kicker, deck and repeats.

Why: the title is not always the first line (nav labels and section names
come first), nor the only headline line (a kicker "Lawinenunglück in Tirol:"
above it, a "Title. Subtitle" line, a deck or standfirst under it).  Position
and cohesion decide: the title is the first title-shaped line above the story
that shares its words.  Many sites print title, deck, then byline and stamps,
then the story ("Hochwasser in Ungarn" / "Die Donau steigt weiter: ..." / "Von
Anna Schmidt" / "Tausende Anwohner ..."); the deck reads like prose, so
position decides there too: full lines between the title and a byline or date
stamp, with the story after them, are the deck.  A photo credit does not count
as that boundary (a lead paragraph followed by its photo's credit is story),
nor do the page's share widgets.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from workbench.core.page_shapes import (
    RoleParams,
    Shape,
    _byline,
    _norm,
    _story_stems,
    chrome_shape,
    cohesion,
    is_metadata,
    is_prose,
    is_title_like,
)
from workbench.core.page_tail import site_voice
from workbench.core.segment import Seg


def deck_above_byline(
    title: int,
    count: int,
    *,
    skippable: Callable[[int], bool],
    deck_line: Callable[[int], bool],
    header: Callable[[int], bool],
    byline: Callable[[int], bool],
    new_line: Callable[[int], bool],
    max_lines: int,
) -> set[int]:
    """Segments after ``title`` that form a deck closed by a byline or stamp.

    ``skippable(i)``: chrome or a fixed role (passed over before the deck);
    ``deck_line(i)``: an open, full-length, non-chrome segment; ``header(i)``: a
    byline or date stamp, ``byline(i)`` a byline (one passed before the deck closes
    the header: "By Kyiv Post" / "Updated …" / "12:31" / a live blog's first entry);
    ``new_line(i)``: the segment starts a line.  The deck
    is at most ``max_lines`` lines and must be followed, within six segments
    holding at least one byline or stamp, by a deck-like line: the story.
    """
    j = title + 1
    while j < count and skippable(j) and j <= title + 4:
        if byline(j):
            return set()  # the byline closes the header: what follows it is the story
        j += 1
    deck = []
    while (
        j < count
        and len(deck) < 4 * max_lines
        and (
            deck_line(j) or (deck and not new_line(j) and not skippable(j))  # the deck line's rest
        )
    ):
        deck.append(j)
        j += 1
    lines = sum(1 for i in deck if new_line(i))
    if not deck or lines > max_lines:
        return set()
    closed, end = False, min(count, j + 6)
    while j < end and not deck_line(j):  # header lines, and short labels under them
        closed = closed or header(j)
        j += 1
    return set(deck) if closed and j < end else set()


_QUESTION = re.compile(r"[?!]['\"’”»)]*$")


def find_headlines(
    segs: Sequence[Seg], sh: Sequence[Shape], open_: Sequence[int], prose: Sequence[int],
    p: RoleParams,
) -> set[int]:  # fmt: skip
    """The headline above the story, its deck and its repeats (empty when there is none).

    The title is the first title-shaped line before the first prose sentence that
    shares words with the story, so nav labels and section names above it are passed.
    """
    # the site's own sentences ("Ukrainska Pravda is the place where you will find …")
    # name the site, not the story: a site-name line above the title shares their words,
    # and a cookie banner above the title is no start of the story
    told = [i for i in prose if not site_voice(segs[i].text)] or list(prose)
    story = _story_stems(sh, told)
    first = told[0] if told else len(segs)
    # (line start, its segments, shared stems, shared beyond the closest sentence,
    # share of its stems the story uses)
    found: list[tuple[int, list[int], int, int, float]] = []
    for i in open_:
        if i > first or i >= 15:
            break
        asks = _QUESTION.search(segs[i].text) is not None and sh[i].starts_line and sh[i].ends_line
        if i == first and not asks:
            break  # the story starts here; only a question headline can look like prose
        line = _title_line(i, segs, sh, open_, p)
        titled = is_title_like(sh[i], p) or (asks and sh[i].words <= p.headline_words) or line
        if not titled or chrome_shape(segs[i].text, sh[i], p) or _BULLET.match(segs[i].text):
            continue
        words = frozenset().union(*(sh[k].stems for k in line or [i]))
        shared = len(words & story)
        if story and not (shared and shared >= p.cohesion * len(words)):
            continue  # a nav label or section name: nothing in common with the story
        spread = _spread(words, [sh[k].stems for k in told])
        found.append((i, line or [i], shared, spread, shared / max(1, len(words))))
    # the first candidate sharing three words with the story, or about as many as the
    # closest one, both in all and beyond its closest sentence: a nav label sharing
    # one ("Ukraine War Latest") is passed, and so is a label whose words come back
    # in one sentence only
    best = [max((c[k] for c in found), default=0.0) for k in (2, 3, 4)]
    chosen = next((c for c in found if _close(c[2:], best)), None)
    title = chosen[0] if chosen else None
    title_line = set(chosen[1]) if chosen else set()
    for c in found:  # a title line right above the one chosen: title and subtitle (the
        # title's words may come back in one sentence only: "Orkan legt Fährverkehr … lahm")
        long = sum(sh[k].words for k in c[1]) > p.short_words
        near = 2 * c[2] >= best[0] and 2 * c[4] >= best[2]
        if chosen and c[1][-1] + 1 == chosen[0] and long and near:
            title_line |= set(c[1])
    if title is None:
        title = _adjacent_title(segs, sh, open_, first, p)
    if title is None:
        return set()
    title_line |= _kicker_pair(title, segs, sh, open_, p)
    top, told_stems = min(title_line | {title}), [sh[k].stems for k in told]
    title_line |= _second_line(top - 1, top - 1, segs, sh, open_, told_stems, p)
    title_line |= _second_line(max(title_line | {title}) + 1, top, segs, sh, open_, told_stems, p)
    block = sorted(title_line | {title})
    result = {title} | title_line | _deck(block, segs, sh, open_, story, p)
    result |= _bullets(max(result) + 1, segs, sh, open_, block, p)
    wanted = _norm(segs[title].text)
    result |= {i for i in open_[:50] if _norm(segs[i].text) == wanted}
    return result


def _close(mine: Sequence[float], best: Sequence[float]) -> bool:
    """Whether a title candidate is about as close to the story as the closest one.

    Shared words, in all and beyond the closest sentence: three, or half the best;
    the share of its own words the story uses: half the best (a teaser title for
    another story above the title shares "Haushalt" and "Bergen" with it, and
    little else).
    """
    counts = all(m >= 3 or 2 * m >= b for m, b in zip(mine[:2], best[:2], strict=True))
    return counts and 2 * mine[2] >= best[2]


def _spread(words: frozenset[str], sentences: Sequence[frozenset[str]]) -> int:
    """Words of a title line that the story uses in more than its closest sentence.

    A title's words recur through the story; a label's words come back in one line
    only ("Direkt aus dem dpa-Newskanal" and the syndication note that opens with
    it, a channel's previous post and the one sentence sharing its topic).
    """
    if not sentences:
        return 0
    closest = max(range(len(sentences)), key=lambda k: len(words & sentences[k]))
    rest = frozenset().union(*(s for k, s in enumerate(sentences) if k != closest))
    return len(words & rest)


def _kicker_pair(
    title: int, segs: Sequence[Seg], sh: Sequence[Shape], open_: Sequence[int], p: RoleParams
) -> set[int]:
    """A kicker and its title on two lines ("Lawinenunglück in Tirol:" / "Drei … tot").

    A title-shaped line ending in a colon announces the line under it, so the two
    are one headline whichever of them was found; the deck search starts below both.
    """

    def kicker(i: int) -> bool:
        own = i in open_ and sh[i].starts_line and sh[i].ends_line
        return own and segs[i].text.rstrip().endswith(":") and 1 <= sh[i].words <= p.short_words

    def titled(i: int) -> bool:
        return i in open_ and is_title_like(sh[i], p) and not chrome_shape(segs[i].text, sh[i], p)

    if kicker(title) and titled(title + 1):
        return {title + 1}
    if kicker(title - 1) and titled(title):
        return {title - 1}
    return set()


def _second_line(
    j: int, top: int, segs: Sequence[Seg], sh: Sequence[Shape], open_: Sequence[int],
    told: Sequence[frozenset[str]], p: RoleParams,
) -> set[int]:  # fmt: skip
    """A second title line right above or under the title: kicker and title, title and subtitle.

    "Erdbeben in Rumänien" / "Erdbeben der Stärke 5,8 erschüttert Rumänien",
    "В Сызрани … загорелся НПЗ" / "Губернатор сообщил о двух пострадавших": both
    are title-shaped, on their own lines, one right under the other, and both
    tell the story's topic (a caption or a label under a title does not come
    first; a date stamp is no title).  Words the masthead or nav above also print
    do not count: "Олена Гуменюк — Європейська правда" is a byline naming the site;
    nor does a label whose words the story repeats in one sentence only (see
    ``_spread``) unless the title next to it repeats them too.  ``j`` is the line
    looked at, ``top`` the first line of the header block (``j`` for a kicker).
    """
    if j not in open_ or not is_title_like(sh[j], p) or chrome_shape(segs[j].text, sh[j], p):
        return set()
    if _stamp_like(segs[j].text) or _BULLET.match(segs[j].text):
        return set()  # a stamp, or a list item (see _bullets)
    if j == top and sh[j].words > p.short_words:
        return set()  # a kicker is a few words ("Erdbeben in Rumänien"), not a teaser title
    words = sh[j].stems - frozenset().union(*(sh[k].stems for k in range(top)))  # masthead, nav
    shared = len(words & frozenset().union(*told))
    if shared < 2 or shared < p.cohesion * len(sh[j].stems):
        return set()
    title = frozenset().union(*(sh[k].stems for k in range(top, j)))  # the title block above
    title |= sh[j + 1].stems if j == top and j + 1 < len(sh) else frozenset()  # under a kicker
    return {j} if words & title or _spread(words, told) else set()


#: Dates and clock times as printed in page headers: "29/11/26", "10h41", "14:31".
_STAMP = re.compile(r"\b\d{1,4}[-./]\d{1,2}[-./]\d{2,4}\b|\b\d{1,2}[:h]\d{2}\b")


def _stamp_like(text: str) -> bool:
    """A line carrying a numeric date or a clock time: a stamp, never a title or deck.

    "Publié le 29/11/26 à 10h41  Mis à jour le 29/11/26 à 11h02" has too many
    words for a metadata line, but no headline prints a time of day.
    """
    return _STAMP.search(text) is not None


def _title_line(
    i: int, segs: Sequence[Seg], sh: Sequence[Shape], open_: Sequence[int], p: RoleParams
) -> list[int]:
    """A title printed with its subtitle on one line ("Title. Subtitle"), else ``[]``.

    The segments of the line starting at ``i``: two or more, together no longer
    than a headline, the last not ending like a sentence, none of them chrome
    (a caption followed by its credit has this shape too).
    """
    if not sh[i].starts_line or sh[i].ends_line:
        return []
    line = [i]
    while not sh[line[-1]].ends_line and line[-1] + 1 in open_:
        line.append(line[-1] + 1)
    if not sh[line[-1]].ends_line or sh[line[-1]].terminal:
        return []
    if any(chrome_shape(segs[k].text, sh[k], p) for k in line):
        return []
    return line if sum(sh[k].words for k in line) <= p.headline_words else []


def _deck(
    block: Sequence[int], segs: Sequence[Seg], sh: Sequence[Shape], open_: Sequence[int],
    story: frozenset[str], p: RoleParams,
) -> set[int]:  # fmt: skip
    """The standfirst right under the title: printed in its block, or the next line.

    In the title's block it is the run of full lines before the first byline or
    stamp, when no prose follows in that block (else the block is the story itself).
    On its own line it must share the story's words (a caption would too, but a
    caption comes after bylines and credits, never right under the title).
    ``block``: the title's lines (kicker, title, subtitle); the deck starts below them.
    """
    title = block[-1]
    para = [i for i in open_ if segs[i].paragraph == segs[title].paragraph and i > title]
    stamps = 0  # a stamp or byline right under the title, then the deck ("Stand: 08.11.2025")
    while stamps < min(2, len(para) - 1) and _header_line(segs[para[stamps]], sh[para[stamps]]):
        stamps += 1
    para = para[stamps:]
    run: list[int] = []
    for j in para:
        if run and j != run[-1] + 1:
            break  # chrome a phrase rule claimed ("20 Minutes avec AFP") ends the deck
        if chrome_shape(segs[j].text, sh[j], p) or _stamp_like(segs[j].text):
            break
        if sh[j].starts_line and _BULLET.match(segs[j].text):
            break  # summary bullets follow the deck (see _bullets)
        if sh[j].words <= p.short_words and not _short_sentence(sh[j]):
            break
        run.append(j)
    later = any(segs[i].paragraph > segs[title].paragraph for i in open_)
    rest = para[len(run) :]
    credited = bool(run and rest and not sh[rest[0]].starts_line)  # a caption and its credit
    if (
        run
        and later
        and len(run) <= p.deck_lines
        and not credited
        and not any(is_prose(sh[k], False, p) for k in rest)
        and _on_topic(run, sh, [*block, *(k for k in open_ if k not in run and k > title)], p)
    ):
        return set(run)
    after = [j for j in open_ if j > title]
    if not run and after and segs[after[0]].paragraph != segs[title].paragraph:
        j = after[0]
        c = cohesion(sh[j], story)
        titled = is_title_like(sh[j], p) and not _BULLET.match(segs[j].text)
        if titled and sh[j].words > p.short_words and c and c >= p.cohesion:
            return {j}
    opened = set(open_)

    def chrome(i: int) -> bool:
        return i not in opened or chrome_shape(segs[i].text, sh[i], p)

    def _listed(i: int) -> bool:
        return sh[i].starts_line and _BULLET.match(segs[i].text) is not None

    deck = deck_above_byline(
        title, len(segs), skippable=chrome,
        deck_line=lambda i: not chrome(i) and sh[i].words > p.short_words and not _listed(i),
        header=lambda i: is_metadata(segs[i].text) or _byline(segs[i], sh[i]),
        byline=lambda i: _byline(segs[i], sh[i]),
        new_line=lambda i: sh[i].starts_line, max_lines=1,
    )  # fmt: skip
    below = [*block, *(k for k in open_ if k > title and k not in deck)]
    return deck if deck and _on_topic(sorted(deck), sh, below, p) else set()


#: A list item: "• Zwei Dörfer evakuiert", "- 40,000 homes without power", "▪ …".
_BULLET = re.compile(r"^\s*[•·▪◦●\-–—*]\s+\S")


def _bullets(
    start: int, segs: Sequence[Seg], sh: Sequence[Shape], open_: Sequence[int],
    block: Sequence[int], p: RoleParams,
) -> set[int]:  # fmt: skip
    """Summary bullets right under the title and its deck ("• 40,000 homes without power").

    A run of list items, each on its own line (its sentences continuing it), told
    on the story's topic: the summary shown with the headline.  A list further
    down, after the byline or inside the story, is not looked at.
    """
    run: list[int] = []
    j = start
    while j in open_ and (_BULLET.match(segs[j].text) if sh[j].starts_line else run):
        run.append(j)
        j += 1
    items = sum(1 for k in run if sh[k].starts_line)
    if items < 2:
        return set()
    below = [*block, *(k for k in open_ if k >= j)]
    return set(run) if _on_topic(run, sh, below, p) else set()


def _short_sentence(shape: Shape) -> bool:
    """A short full sentence ("Mehrere Menschen wurden leicht verletzt."), not a label."""
    return shape.terminal and shape.words >= 3 and shape.lower >= 0.3


def _on_topic(
    lines: Sequence[int], sh: Sequence[Shape], rest: Sequence[int], p: RoleParams
) -> bool:
    """A deck tells the story: its words come back in the title or below (half the usual share).

    A cookie banner printed under the title ("We use cookies …") has the deck's
    place and shape, but none of the story's words.
    """
    words = frozenset().union(*(sh[k].stems for k in lines))
    shared = len(words & _story_stems(sh, rest))
    return shared >= 1 and shared >= p.cohesion / 2 * len(words)


def _header_line(seg: Seg, shape: Shape) -> bool:
    return shape.starts_line and shape.ends_line and (is_metadata(seg.text) or _byline(seg, shape))


def _adjacent_title(
    segs: Sequence[Seg], sh: Sequence[Shape], open_: Sequence[int], first: int, p: RoleParams
) -> int | None:
    """Fallback: the title-shaped line of 3+ words nearest above the story.

    Used when no line above the story shares its words (a headline of short words,
    "Kyiv hit again"); bylines, stamps and labels between them are skipped.
    """
    for i in reversed([k for k in open_ if k < first][-6:]):
        if chrome_shape(segs[i].text, sh[i], p) or _BULLET.match(segs[i].text):
            continue
        if is_title_like(sh[i], p) and sh[i].words >= 3:
            return i
    return None
