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
nor do the page's share widgets.  The deck and summary bullets are found by
core.page_deck once the title is chosen here.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from workbench.core.page_deck import (
    BULLET,
    find_deck,
    photo_credit,
    stamp_like,
    summary_box,
    summary_bullets,
)
from workbench.core.page_live_bar import ticker_bar
from workbench.core.page_menu_kicker import menu_kicker
from workbench.core.page_near_title import nearer_title
from workbench.core.page_prose import told_sentences
from workbench.core.page_shapes import (
    RoleParams,
    Shape,
    _byline,
    _norm,
    _story_stems,
    chrome_shape,
    cohesion,
    is_metadata,
    is_title_like,
    lowered_words,
    nav_row,
)
from workbench.core.page_tail import is_masthead
from workbench.core.page_title_pick import pick_title
from workbench.core.page_title_repeats import _line, _repeats
from workbench.core.segment import Seg

_QUESTION = re.compile(r"[?!]['\"’”»)]*$")
#: The title is looked for above the story's first sentence, within this many segments
#: of the top (was 15: twelve nav lines on top of a dev page hid its title; 60 only
#: bounds the work on a page with no story at all).
TITLE_SEARCH = 60


def find_headlines(
    segs: Sequence[Seg], sh: Sequence[Shape], open_: Sequence[int], prose: Sequence[int],
    p: RoleParams,
) -> set[int]:  # fmt: skip
    """The headline above the story, its deck and its repeats (empty when there is none).

    The title is the first title-shaped line before the first prose sentence that
    shares words with the story, so nav labels and section names above it are passed.
    """
    # the site's own sentences name the site, not the story, and a cookie banner above the
    # title is no start of the story; a notice's lead that runs into it is (page_prose)
    told = told_sentences(prose, segs, sh, p)
    first = told[0] if told else len(segs)
    found = _candidates(segs, sh, open_, told, first, p)
    title, title_line = _choose_title(found, segs, sh, p)
    if title is not None and (near := nearer_title(title_line | {title}, segs, sh, open_, told,
                                                   first, p)) is not None:  # fmt: skip
        title, title_line = near, {near}  # printed nearest the story (page_near_title)
    if title is None and p.banner_title:
        title, title_line, told = _title_below_banner(told, segs, sh, open_, p)
        first = told[0] if told else len(segs)
    if title is None and (lead := _stopped_title(told, segs, sh, open_, p)) is not None:
        title, title_line = lead, {lead}
        told = [k for k in told if k != lead]  # the story starts below it
        first = told[0]
    if title is None:
        title = _adjacent_title(segs, sh, open_, first, p)
    if title is None:
        return set()
    repeats = _repeats(title, segs, sh, open_)
    later = [k for k in repeats if title < k < first and sh[k].starts_line]
    if later:  # the page's <title> line on top, the printed title above the story
        title, title_line = later[-1], set(_line(later[-1], sh, open_))
    title_line |= _kicker_pair(title, segs, sh, open_, p)
    top, told_stems = min(title_line | {title}), [sh[k].stems for k in told]
    if not menu_kicker(top - 1, segs, sh, told, p):  # a menu row or crumb is no kicker
        title_line |= _second_line(top - 1, top - 1, segs, sh, open_, told_stems, p)
    title_line |= _second_line(max(title_line | {title}) + 1, top, segs, sh, open_, told_stems, p)
    block = sorted(title_line | {title})
    result = {title} | title_line | find_deck(block, segs, sh, open_, p)
    result |= summary_bullets(max(result) + 1, segs, sh, open_, block, p)
    result |= summary_box(max(result) + 1, segs, sh, open_, block, p)
    wanted = _norm(segs[title].text)
    return result | repeats | {i for i in open_[:50] if _norm(segs[i].text) == wanted}


def below_title(prose: Sequence[int], headlines: Collection[int], p: RoleParams) -> list[int]:
    """The story's sentences under the title the search found (with ``p.banner_title``).

    The title heads the story, so sentences printed above it are a banner's: the
    paywall, cookie or promo box ``_title_below_banner`` looked past.
    """
    if not p.banner_title or not headlines:
        return list(prose)
    return [i for i in prose if i > min(headlines)]


#: A title candidate: its line start, its segments, shared stems, shared beyond the
#: closest sentence, share of its stems the story uses.
Candidate = tuple[int, list[int], int, int, float]


def _title_below_banner(
    told: Sequence[int], segs: Sequence[Seg], sh: Sequence[Shape], open_: Sequence[int],
    p: RoleParams,
) -> tuple[int | None, set[int], Sequence[int]]:  # fmt: skip
    """A title under a banner's sentences: the title, its line and the story's sentences.

    A paywall, cookie or promo box printed above the title holds full sentences ("Register
    for free to read more of the latest local news.", "Lloyd's List Intelligence: vessel
    tracking … in one platform."), so the story seemed to start above its title and no
    title was found.  When the story's first run of sentences is parted from the next by
    a title-shaped line sharing the story's words, with a line under it that is no
    sentence (a byline, date stamp, share row), that run was a banner: the title is
    looked for between them and the story starts below.  With a sentence right under it
    the line is a crosshead of a story printed without its title (stories-dev).
    """
    gap = next((n for n in range(1, len(told)) if told[n] > told[n - 1] + 1), None)
    if gap is None or told[gap] >= TITLE_SEARCH:
        return None, set(), told
    below = told[gap:]
    found = [c for c in _candidates(segs, sh, open_, below, below[0], p) if c[0] > told[gap - 1]]
    title, title_line = _choose_title(found, segs, sh, p)
    if title is None:
        return None, set(), told
    if all(sh[k].terminal for k in range(max(title_line | {title}) + 1, below[0])):
        return None, set(), told  # a crosshead right above its paragraph
    return title, title_line, below


def _candidates(
    segs: Sequence[Seg], sh: Sequence[Shape], open_: Sequence[int], told: Sequence[int],
    first: int, p: RoleParams,
) -> list[Candidate]:  # fmt: skip
    """Title-shaped lines above the story's first sentence that share its words."""
    story = _story_stems(sh, told)
    lowered = lowered_words([segs[k].text for k in told]) if p.nav_title_words else frozenset()
    found: list[Candidate] = []
    for i in open_:
        if i > first or i >= TITLE_SEARCH:
            break
        asks = _QUESTION.search(segs[i].text) is not None and sh[i].starts_line and sh[i].ends_line
        if i == first and not asks:
            break  # the story starts here; only a question headline can look like prose
        line = _title_line(i, segs, sh, open_, p)
        titled = is_title_like(sh[i], p) or (asks and sh[i].words <= p.headline_words) or line
        if not titled or chrome_shape(segs[i].text, sh[i], p) or BULLET.match(segs[i].text):
            continue
        if stamp_like(segs[i].text) or nav_row(segs[i].text, sh[i], lowered, p.nav_title_words):
            continue  # a ticker item ("09:47  …") or stamp (no title prints a time), a menu row
        if p.ticker_bar and ticker_bar(" ".join(segs[k].text for k in line or [i])):
            continue  # a news ticker or a station's live bar: no title (page_live_bar)
        head = " ".join(segs[k].text for k in line or [i])
        if p.masthead and is_masthead(head, segs, p.masthead_signed):
            continue  # the site's name: its masthead, or a channel's name over each post
        if _under_credit(i, found, segs, sh):
            continue  # "Bild: SN/APA/AFP/…" / "Der Gerichtshof in Straßburg": its caption
        words = frozenset().union(*(sh[k].stems for k in line or [i]))
        shared = len(words & story)
        if story and not (shared and shared >= p.cohesion * len(words)):
            continue  # a nav label or section name: nothing in common with the story
        spread = _spread(words, [sh[k].stems for k in told])
        found.append((i, line or [i], shared, spread, shared / max(1, len(words))))
    return found


def _under_credit(
    i: int, found: Sequence[Candidate], segs: Sequence[Seg], sh: Sequence[Shape]
) -> bool:
    """A line right under a photo credit line, with a title candidate above the photo: its caption.

    Sites print credit then caption as well as caption then credit (``captioned``):
    "EGMR: Russland muss …" / "01. Dezember 2026 14:26 Uhr" / "Bild: SN/APA/AFP/…" /
    "Der Europäische Gerichtshof für Menschenrechte in Straßburg".  A candidate right
    above the credit, or above a byline or stamp over it, is the title; with none, the
    line under the credit may be the title itself (a lead photo printed above it).
    """
    prev = i - 1
    if not found or prev < 0 or not sh[prev].starts_line or not photo_credit(segs[prev], sh[prev]):
        return False
    if found[-1][1][-1] == prev - 1:
        return True
    return any(_header(segs[k], sh[k]) for k in range(found[0][0] + 1, prev))


def _choose_title(
    found: Sequence[Candidate], segs: Sequence[Seg], sh: Sequence[Shape], p: RoleParams
) -> tuple[int | None, set[int]]:
    """The title among the candidates, and its line (with a title line right above it).

    Close candidates share three words with the story, or about as many as the
    closest one, both in all and beyond its closest sentence: a nav label sharing
    one ("Ukraine War Latest") is passed, and so is a label whose words come back in
    one sentence only.  Of the blocks of adjacent candidates holding a close one,
    the title is in the last before the byline or date stamp under the first: a
    teaser title higher up shares the story's words too, but the title is printed
    nearest the story, and a video teaser under the stamps is no title.  In its
    block the first close line is the title (a subtitle follows it).
    """
    best = [max((c[k] for c in found), default=0.0) for k in (2, 3, 4)]
    close = [c for c in found if _close(c[2:], best)]
    if not close:
        return None, set()
    below = range(close[0][0] + 1, len(segs))
    stamp = next((k for k in below if _header(segs[k], sh[k])), len(segs))
    blocks = [b for b in _blocks(found) if b[0][0] < stamp and any(c in close for c in b)]
    texts = [s.text for s in segs]  # a crumb picked first passes (page_crumb_title)
    chosen = pick_title(blocks[-1], close, sh, p, texts)  # the first close line or one telling more
    title_line = set(chosen[1])
    for c in found:  # a title line right above the one chosen: title and subtitle (the
        # title's words may come back in one sentence only: "Orkan legt Fährverkehr … lahm")
        long = sum(sh[k].words for k in c[1]) > p.short_words
        near = 2 * c[2] >= best[0] and 2 * c[4] >= best[2]
        if c[1][-1] + 1 == chosen[0] and long and near:
            title_line |= set(c[1])
    return chosen[0], title_line


def _blocks(found: Sequence[Candidate]) -> list[list[Candidate]]:
    """Runs of candidates printed on adjacent lines (kicker, title, subtitle)."""
    blocks: list[list[Candidate]] = []
    for c in found:
        if blocks and blocks[-1][-1][1][-1] + 1 == c[0]:
            blocks[-1].append(c)
        else:
            blocks.append([c])
    return blocks


def _header(seg: Seg, shape: Shape) -> bool:
    """A byline or a date stamp: the title is printed above it."""
    return is_metadata(seg.text) or _byline(seg, shape) or stamp_like(seg.text)


def _stopped_title(
    told: Sequence[int], segs: Sequence[Seg], sh: Sequence[Shape], open_: Sequence[int],
    p: RoleParams,
) -> int | None:  # fmt: skip
    """A title printed with a final full stop (looked for only when no title-shaped line is).

    "Ukraine brings home 84 defenders in new prisoner exchange." / "10.06.2025
    13:45" / "Ukraine has returned 84 …": the first line above the story's second
    sentence that is one sentence on its own line, no longer than a headline, sharing
    the story's words, with a byline or date stamp between it and the story.
    """
    if len(told) < 2:
        return None
    for i in (k for k in open_ if k <= told[0]):
        nxt = told[1] if i == told[0] else told[0]
        own = sh[i].starts_line and sh[i].ends_line and sh[nxt].starts_line
        if not own or not 2 <= sh[i].words <= p.headline_words:
            continue
        if not segs[i].text.rstrip().endswith(".") or chrome_shape(segs[i].text, sh[i], p):
            continue
        headed = any(_header(segs[k], sh[k]) for k in range(i + 1, nxt))
        shared = cohesion(sh[i], _story_stems(sh, [k for k in told if k != i]))
        if headed and shared and shared >= p.cohesion:
            return i
    return None


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
    if stamp_like(segs[j].text) or BULLET.match(segs[j].text):
        return set()  # a stamp, or a list item (see summary_bullets)
    if j == top and sh[j].words > p.short_words:
        return set()  # a kicker is a few words ("Erdbeben in Rumänien"), not a teaser title
    words = sh[j].stems - frozenset().union(*(sh[k].stems for k in range(top)))  # masthead, nav
    shared = len(words & frozenset().union(*told))
    if shared < 2 or shared < p.cohesion * len(sh[j].stems):
        return set()
    title = frozenset().union(*(sh[k].stems for k in range(top, j)))  # the title block above
    title |= sh[j + 1].stems if j == top and j + 1 < len(sh) else frozenset()  # under a kicker
    return {j} if words & title or _spread(words, told) else set()


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


def _adjacent_title(
    segs: Sequence[Seg], sh: Sequence[Shape], open_: Sequence[int], first: int, p: RoleParams
) -> int | None:
    """Fallback: the title-shaped line of 3+ words nearest above the story.

    Used when no line above the story shares its words (a headline of short words,
    "Kyiv hit again"); bylines, stamps and labels between them are skipped.
    """
    for i in reversed([k for k in open_ if k < first][-6:]):
        if chrome_shape(segs[i].text, sh[i], p) or BULLET.match(segs[i].text):
            continue
        if p.ticker_bar and ticker_bar(segs[i].text):
            continue  # a news ticker or a station's live bar (page_live_bar)
        if p.masthead and is_masthead(segs[i].text, segs, p.masthead_signed):
            continue
        if is_title_like(sh[i], p) and sh[i].words >= 3:
            return i
    return None
