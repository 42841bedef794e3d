"""A crosshead between two story paragraphs is the story's, whatever its capitals or figures.

Why a pass of its own: the page evidence reads a short unended line by its own shape, and a
story's crosshead ("Erste Exportstopps", "Inflation im November bei 3,8 Prozent", "What we
know so far", "Повторні поштовхи і ніч поза домом") has the shape of chrome: German nouns
are capitalised like a name card, a figure reads like a stamp, a short line in a paragraph
of its own reads like a widget's block.  Rounds 23, 27 and 28 counted these lines as the
story side's most spread loss (16-19 dev batches); round 27 spared the capitalised rule
alone, by the crosshead's words shared with the paragraph below, and a name card and a
teaser fell with it.  This pass tests the crosshead's *place* instead, which chrome rarely
takes: a line of its own, of at most ``RoleParams.crosshead_between`` words (0: off), no
sentence end, starting upper-case or with a figure, set between a story sentence that ends
its line above (past at most one short chrome line of its own, an "Anzeige" left by an ad)
and a story sentence that opens its line below, sharing ``crosshead_stems`` content stems
with the story (a story's crosshead takes up its words; "Advertisement Article continues
below this ad", "Видео недоступно Включите JavaScript" do not).  What chrome takes that
place with keeps its role: a credit or a label (a label's colon, "©", a credit after a
spaced dash, two figures of a stamp), a byline, a speaker's name card ("Name, role", or a
name the next line tells), a line printed twice on the page, a line in another language
than the story, a line the fixed rules decided.  It runs after the learned layer
(``core.roles.assign_roles``), on lines both the rules and the layer put out of the story:
run before it, a crosshead given back moved the layer's reading of other lines (round 31:
a page's title on batch 27).

Pure: a function on segments and their roles.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from workbench.core.page_shapes import Shape, _byline, shapes
from workbench.core.role_params import RoleParams
from workbench.core.segment import Seg

BODY, OTHER = "body", "other"
#: A chrome line skipped above a crosshead is this short ("Anzeige", "Advertisement").
SKIP_WORDS = 2
_SPACES = re.compile(r"\s+")
#: A label's colon ("Фото: AFP", "Lexikon: …") or a credit's sign: a caption or a teaser.
_LABELLED = re.compile(r"[:：](?:\s|$)|[©®]")
_FIGURE = re.compile(r"\d+(?:[.,:/]\d+)*")
#: A caption's credit after a spaced dash at the line's end ("Le port - LyonMag").
_CREDIT_TAIL = re.compile(r"\s[-–—|]\s*\S+$")


def crosshead_lines(
    segs: Sequence[Seg],
    roles: Sequence[str],
    fixed: Sequence[str | None] | None,
    p: RoleParams,
    langs: Sequence[str | None] | None = None,
    rules: Sequence[str] | None = None,
) -> list[str]:
    """``roles`` with every ``other`` crosshead between story sentences made ``body`` (see
    the module); a line ``rules`` (the roles before the learned layer) read as story and
    the layer took out is the layer's call and stays."""
    words, stems = p.crosshead_between, p.crosshead_stems
    out = list(roles)
    if words <= 0:
        return out
    sh = shapes(segs)
    seen = Counter(_norm(s.text) for s in segs)
    lang = _story_lang(roles, langs)
    story = {st for k, r in enumerate(roles) if r == BODY for st in sh[k].stems}
    for i, role in enumerate(roles):
        if role != OTHER or (rules is not None and rules[i] != OTHER):
            continue
        if fixed is not None and fixed[i] is not None:
            continue
        if not _own_line(segs[i], sh[i], words) or seen[_norm(segs[i].text)] > 1:
            continue
        if _byline(segs[i], sh[i]) or _name_card(segs, i):
            continue
        if lang and langs is not None and langs[i] not in (None, lang):
            continue
        if (
            _told_above(segs, sh, roles, i)
            and _told_below(sh, roles, i)
            and len(sh[i].stems & story) >= stems
        ):
            out[i] = BODY
    return out


def _own_line(seg: Seg, shape: Shape, words: int) -> bool:
    """A line of its own, short, unended, no label colon, opening upper-case or a figure."""
    text = seg.text.strip()
    if not (shape.starts_line and shape.ends_line) or shape.terminal:
        return False
    if not 1 <= shape.words <= words or text.endswith((";", ",", "-", "–", "—")):
        return False
    if _labelled(text):
        return False  # a credit, a label's line, a stamp ("29.11.2026, 11:47 Uhr")
    return text[0].isupper() or text[0].isdigit()


def _labelled(text: str) -> bool:
    """A label's colon, a credit's sign or dash, or two figures (a stamp)."""
    found = _LABELLED.search(text) or _CREDIT_TAIL.search(text)
    return bool(found) or len(_FIGURE.findall(text)) > 1


def _name_card(segs: Sequence[Seg], i: int) -> bool:
    """A speaker's card: a name and a role ("Oleh Sydorenko, trade union head"), or its
    first two capitalised words a name the next line tells mid-sentence ("Anders Holm
    Maritime Administration" / "…," said Anders Holm)."""
    if ", " in segs[i].text:
        return True
    pair = segs[i].text.split()[:2]
    if len(pair) < 2 or not all(w[0].isupper() for w in pair) or i + 1 >= len(segs):
        return False
    return segs[i + 1].text.find(" ".join(pair)) > 0


def _told_above(segs: Sequence[Seg], sh: Sequence[Shape], roles: Sequence[str], i: int) -> bool:
    """A story sentence ends its line right above, past at most one short chrome line
    (an ad's label, not a photo's credit: a credit closes a caption, not a paragraph)."""
    k = i - 1
    if k >= 0 and roles[k] == OTHER and sh[k].starts_line and sh[k].ends_line:
        short = sh[k].words <= SKIP_WORDS and not sh[k].terminal
        k = k - 1 if short and not _labelled(segs[k].text) else -1
    return k >= 0 and roles[k] == BODY and sh[k].terminal and sh[k].ends_line


def _told_below(sh: Sequence[Shape], roles: Sequence[str], i: int) -> bool:
    """A story sentence opens its line right below."""
    k = i + 1
    return k < len(roles) and roles[k] == BODY and sh[k].terminal and sh[k].starts_line


def _story_lang(roles: Sequence[str], langs: Sequence[str | None] | None) -> str | None:
    """The language most story lines are in (None: unknown)."""
    if langs is None:
        return None
    told = Counter(lang for r, lang in zip(roles, langs, strict=False) if r == BODY and lang)
    return told.most_common(1)[0][0] if told else None


def _norm(text: str) -> str:
    return _SPACES.sub(" ", text).strip().casefold()
