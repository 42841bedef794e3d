"""The deck, standfirst and summary bullets under a page's title (core.page_header's helpers).

Why: many sites print title, deck, then byline and stamps, then the story
("Hochwasser in Ungarn" / "Die Donau steigt weiter: ..." / "Von Anna Schmidt"
/ "Tausende Anwohner ..."); the deck reads like prose, so position decides:
full lines between the title and a byline or date stamp, with the story after
them, are the deck.  A deck must also tell the story (a cookie banner has its
place and shape, not its words).  Split out of page_header, which chooses the
title and its kicker.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from workbench.core.page_dateline import dateline_deck, opens_with_agency
from workbench.core.page_header_lines import (  # noqa: F401  (re-exported: page_header, tests)
    BULLET,
    CREDIT_WORDS,
    HEADER_REACH,
    STAMP,
    captioned,
    photo_credit,
    stamp_like,
)
from workbench.core.page_header_lines import header_line as _header_line
from workbench.core.page_header_lines import on_topic as _on_topic
from workbench.core.page_header_lines import short_sentence as _short_sentence
from workbench.core.page_shapes import (
    RoleParams,
    Shape,
    _byline,
    _story_stems,
    chrome_shape,
    is_prose,
    stamp_text,
)
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
    is at most ``max_lines`` lines and must be followed, within ``HEADER_REACH`` segments
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
    closed, end = False, min(count, j + HEADER_REACH)
    while j < end and not deck_line(j):  # header lines, and short labels under them
        closed = closed or header(j)
        j += 1
    return set(deck) if closed and j < end else set()


def find_deck(
    block: Sequence[int], segs: Sequence[Seg], sh: Sequence[Shape], open_: Sequence[int],
    p: RoleParams,
) -> set[int]:  # fmt: skip
    """The standfirst right under the title: printed in its block, or above the byline.

    Two printed forms, tried in order: full lines in the title's own block,
    a line above the byline.  (A third, "the next line in a block of its own",
    fired on no dev page in 13 sets and only wrongly on unseen ones: dropped.)
    ``block``: the title's lines (kicker, title, subtitle); the deck starts below them.
    """
    run, printed = _deck_in_block(block, segs, sh, open_, p)
    if printed:
        return set(run)
    return _deck_above_byline(block, segs, sh, open_, p) or dateline_deck(block, segs, sh, open_, p)


def _deck_in_block(
    block: Sequence[int], segs: Sequence[Seg], sh: Sequence[Shape], open_: Sequence[int],
    p: RoleParams,
) -> tuple[list[int], bool]:  # fmt: skip
    """The run of full lines in the title's block before the first byline or stamp.

    Returns the run and whether it is the deck: only when no prose follows in
    that block (else the block is the story itself) and the story goes on in
    later blocks.
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
        if chrome_shape(segs[j].text, sh[j], p) or stamp_like(segs[j].text):
            break
        if sh[j].starts_line and BULLET.match(segs[j].text):
            break  # summary bullets follow the deck (see summary_bullets)
        if sh[j].words <= p.short_words and not _short_sentence(sh[j]):
            break
        if captioned(j, segs, sh):
            break  # the photo's caption: the deck, if any, is above it
        if p.lead_dateline and sh[j].starts_line and opens_with_agency(segs[j].text):
            break  # the wire story's lead, under its dateline (round 42)
        run.append(j)
    if not run or not _told_under_header(run, title, segs, sh):
        return run, False
    later = any(segs[i].paragraph > segs[title].paragraph for i in open_)
    rest = para[len(run) :]
    printed = (
        later
        and len(run) <= p.deck_lines
        and sh[run[-1]].ends_line  # a line going on after the run: a caption and its credit
        and not any(is_prose(sh[k], False, p) and not captioned(k, segs, sh) for k in rest)
        and _on_topic(run, sh, [*block, *(k for k in open_ if k not in run and k > title)], p)
    )
    return run, bool(printed)


def _told_under_header(
    run: Sequence[int], title: int, segs: Sequence[Seg], sh: Sequence[Shape]
) -> bool:
    """Whether a deck run is told in sentences if it stands under a byline or stamp.

    Above the byline a deck may be a subtitle without a final stop; under the byline
    or the stamp ("Stand: 08.11.2025 14:20 Uhr" / two sentences) it is told in full
    sentences: a title-shaped line there is a photo's caption ("By Tom Harrington  Sunday,
    29 November 2026" / "Yuliia Derevianko shot clean to win in Kontiolahti IBU").
    """
    headed = any(
        _header_line(segs[k], sh[k]) or stamp_like(segs[k].text) for k in range(title + 1, run[0])
    )
    return not headed or all(sh[k].terminal for k in run if sh[k].ends_line)


def _deck_above_byline(
    block: Sequence[int], segs: Sequence[Seg], sh: Sequence[Shape], open_: Sequence[int],
    p: RoleParams,
) -> set[int]:  # fmt: skip
    """One full line right above the byline, on the story's topic."""
    title = block[-1]
    opened = set(open_)

    def chrome(i: int) -> bool:
        return i not in opened or chrome_shape(segs[i].text, sh[i], p)

    def stamp_line(i: int) -> bool:  # "Publié le 27/11/26 à 09h12  Partager : Facebook X"
        stamp = sh[i].starts_line and not sh[i].terminal and stamp_like(segs[i].text)
        return p.deck_stamp and stamp

    def _listed(i: int) -> bool:
        return sh[i].starts_line and BULLET.match(segs[i].text) is not None

    deck = deck_above_byline(
        title, len(segs), skippable=chrome,
        deck_line=lambda i: not chrome(i) and sh[i].words > p.short_words and not _listed(i)
        and not captioned(i, segs, sh) and not stamp_line(i),
        header=lambda i: stamp_text(segs[i].text, p) or _byline(segs[i], sh[i])
        or stamp_line(i),
        byline=lambda i: _byline(segs[i], sh[i]),
        new_line=lambda i: sh[i].starts_line, max_lines=1,
    )  # fmt: skip
    if not deck or not _set_apart(sorted(deck), title, segs, sh):
        return set()
    below = [*block, *(k for k in open_ if k > title and k not in deck)]
    return deck if _on_topic(sorted(deck), sh, below, p) else set()


def _set_apart(deck: Sequence[int], title: int, segs: Sequence[Seg], sh: Sequence[Shape]) -> bool:
    """A deck above the byline is printed apart: its line and, under the title's block, its block.

    A line that goes on after the deck's sentence is a caption and its credit
    ("A worker repairs a power line …  REUTERS/Name") or a lead and its next
    sentence; a paragraph that goes on after the deck's line is the story itself
    (its lead, then "Ее время – 20:41,7." read as a stamp, then the rest).
    """
    last = deck[-1]
    if not sh[last].ends_line:
        return False
    para = segs[deck[0]].paragraph
    if para == segs[title].paragraph:
        return True
    return all(segs[k].paragraph != para for k in range(len(segs)) if k not in deck)


def summary_bullets(
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
    while j in open_ and (BULLET.match(segs[j].text) if sh[j].starts_line else run):
        run.append(j)
        j += 1
    items = sum(1 for k in run if sh[k].starts_line)
    if items < 2:
        return set()
    below = [*block, *(k for k in open_ if k >= j)]
    return set(run) if _on_topic(run, sh, below, p) else set()


#: A summary box's label: "L'essentiel", "Das Wichtigste im Überblick", "Synopsis",
#: "Résumé  Généré par l'IA" (its first item), "Коротко", "Key points".
SUMMARY_LABEL = re.compile(
    r"(?i:summary|synopsis|key points|key takeaways|in brief|in short|at a glance|highlights"
    r"|das wichtigste(?: (?:im überblick|in kürze|zuerst))?|in kürze|auf einen blick"
    r"|kurz gesagt|kurzfassung|zusammenfassung|l['’]essentiel|en bref|résumé|à retenir"
    r"|ce qu['’]il faut retenir|les points clés|головне|коротко(?: про головне)?|стисло"
    r"|главное|коротко(?: о главном)?|кратко)\s*:?"
)
#: A summary box holds at most this many lines; it is looked for this many segments under
#: the title's block (bylines, stamps, share and audio widgets come between).
SUMMARY_LINES, SUMMARY_REACH = 5, 12


def summary_box(
    start: int, segs: Sequence[Seg], sh: Sequence[Shape], open_: Sequence[int],
    block: Sequence[int], p: RoleParams,
) -> set[int]:  # fmt: skip
    """The lines of a labelled summary box in the page's header ("L'essentiel" / two sentences).

    Sites print a summary of the story under its title, byline and widgets, under a
    label, without bullets: it is shown with the headline.  Position decides with the
    label: only header furniture (stamps, bylines, widgets, short labels, a photo's
    caption) between the title's block and the label, then on-topic full lines up to
    the end of their block, a byline or stamp, or a line off the topic (the box's
    "generated by AI" note), and the story after them.  The label itself stays chrome.
    """
    opened = set(open_)
    for j in range(start, min(len(segs), start + SUMMARY_REACH)):
        if _summary_label(segs[j], sh[j]):
            run = _summary_run(j + 1, segs, sh, opened, block, p)
            later = any(k > max(run, default=j) and is_prose(sh[k], False, p) for k in opened)
            return set(run) if later else set()
        text = segs[j].text
        furniture = j not in opened or chrome_shape(text, sh[j], p) or stamp_like(text)
        if not (furniture or captioned(j, segs, sh) or sh[j].words <= p.short_words):
            return set()  # the story (or a deck the other forms did not take) starts here
    return set()


def _summary_label(seg: Seg, shape: Shape) -> bool:
    first = re.split(r"\s{2,}", seg.text.strip())[0]
    return shape.starts_line and shape.ends_line and SUMMARY_LABEL.fullmatch(first) is not None


def _summary_run(
    j: int, segs: Sequence[Seg], sh: Sequence[Shape], opened: set[int], block: Sequence[int],
    p: RoleParams,
) -> list[int]:  # fmt: skip
    """The box's lines from ``j``: open, not chrome, on topic, within one block.

    The box ends where its block does or at a byline or stamp, after at most one
    last line sharing no word with the story (its note: "Ce résumé a été généré par
    une intelligence artificielle …").  Anything else within ``SUMMARY_LINES`` lines
    leaves its end unknown and nothing is taken: on a page captured without blank
    lines the story's lines run on under the summary.
    """
    run: list[int] = []
    noted = False
    while j in opened and sh[j].starts_line:
        line = [j]
        while not sh[line[-1]].ends_line and line[-1] + 1 in opened:
            line.append(line[-1] + 1)
        if run and segs[j].paragraph != segs[run[0]].paragraph:
            return run
        if stamp_like(segs[j].text) or _header_line(segs[j], sh[j]):
            return run
        if noted or any(chrome_shape(segs[k].text, sh[k], p) for k in line):
            break
        others = [*block, *(k for k in opened if k not in line)]
        words = frozenset().union(*(sh[k].stems for k in line))
        noted = bool(run) and not words & _story_stems(sh, others)
        if not noted and not _on_topic(line, sh, others, p):
            break
        if sum(1 for k in run if sh[k].starts_line) == SUMMARY_LINES:
            break
        run += [] if noted else line
        j = line[-1] + 1
    return []
