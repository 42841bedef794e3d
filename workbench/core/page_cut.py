"""The capture's cut: a page whose stored text stops inside its last line.

Why: captures keep a fixed number of bytes, so a long page ends mid-sentence or
mid-word ("За даними сервісів ві").  A page saved whole ends with a line break; a
cut one stops with none after its last line.  The story's last sentence cut there
is still story, but it keeps too few words to share the story's topic, so where
the cut is visible the line is judged by its shape and place alone; where it is
not (a text saved whole), it must also be on the story's topic (a teaser title or
a sign-off ending a page is no story).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.core.page_shapes import (
    RoleParams,
    Shape,
    _story_stems,
    chrome_shape,
    cohesion,
    shapes,
)
from workbench.core.segment import Seg

#: A cut-off last line needs this share of lower-case words (a teaser title in title
#: case has none).
CUT_LOWER = 0.15
#: ... and this many words, as the full sentence before it (three words of a cut line,
#: "Раніше «ОстроВ» п", are any box's).  Chosen leaving one batch out over stories-dev and
#: blind 3-11, 13: 4 in every fold (3 takes box and footer lines, 5 loses crossheads).
CUT_WORDS = 4
#: A sentence opens with a capital letter or a digit, maybe after an opening quote or dash.
_OPENS = re.compile(r"^[\"'«„“‘‹–—-]?\s?[^\W_]")


def capture_cut(segs: Sequence[Seg]) -> bool:
    """The text stops inside its last line: no line break follows the last segment."""
    return bool(segs) and not re.search(r"[\r\n]", segs[-1].separator)


def opens_sentence(text: str) -> bool:
    """Whether ``text`` starts as a sentence does: a capital letter or a digit first.

    A line opening in lower case or with a bracket ("(Catch all the Business News")
    continues or annotates something else.
    """
    m = _OPENS.match(text.lstrip())
    return m is not None and (m.group(0)[-1].isupper() or m.group(0)[-1].isdigit())


def continues_story(
    last: int, segs: Sequence[Seg], sh: Sequence[Shape], open_: Sequence[int],
    prose: Sequence[int], p: RoleParams,
) -> bool:  # fmt: skip
    """Whether the page's last segment is a story sentence the capture cut off.

    It must look cut (``cut_off``) and either share the story's topic or, on a page
    visibly cut, open like a sentence where one can start: at a line's start, or
    after a story sentence on its line (not after a box's short line, "Мы просим вас
    о помощи. Генпрокуратура России признала …").
    """
    if not cut_off(last, segs, sh, open_, p):
        return False
    if (cohesion(sh[last], _story_stems(sh, prose)) or 0.0) >= p.cohesion:
        return True
    placed = sh[last].starts_line or last - 1 in prose
    return placed and capture_cut(segs) and opens_sentence(segs[last].text)


def cut_off(
    last: int, segs: Sequence[Seg], sh: Sequence[Shape], open_: Sequence[int], p: RoleParams
) -> bool:
    """The page ends inside a story sentence: its last line, unfinished, after a sentence.

    A capture cut mid-sentence leaves a line too short, or (names cut in half)
    too capitalised, for a prose sentence ("Shareholders in CPC include Russia's
    Transneft, Kazakh"); it is still the story's when it ends the page right after
    a full sentence and has some lower-case words.  On a visibly cut page a fragment
    printed on that sentence's own line ("… rund 30 Frachtschiffe. Die Versorgung d")
    is the story's next sentence whatever its length: a box's line starts a line of its
    own (``RoleParams.cut_line_words``; 4 switches this off).
    """
    if last != len(segs) - 1 or sh[last].terminal or last - 1 not in open_:
        return False
    if chrome_shape(segs[last].text, sh[last], p):
        return False
    prev = sh[last - 1]
    sentence = prev.terminal and prev.words >= CUT_WORDS and prev.lower >= 0.3
    if sentence and cut_fragment(last, segs, sh, p):
        return True
    words = CUT_WORDS
    if not sh[last].starts_line and capture_cut(segs):  # "… Frachtschiffe. Die Versorgung d"
        words = min(p.cut_line_words, CUT_WORDS)
    return sentence and sh[last].words >= words and sh[last].lower >= CUT_LOWER


def cut_fragment(
    last: int, segs: Sequence[Seg], sh: Sequence[Shape], p: RoleParams, told: bool = True
) -> bool:
    """A visibly cut page's last line of a few words, opening like a sentence: the story's.

    Why (round 32): a capture that stops a word or two into the story's next sentence
    leaves "Пасаж", "Die Staatsanwa", "У Мінагропол" -- too few words for the lower-case
    share that tells a cut sentence from a teaser title (``CUT_LOWER``, ``CUT_WORDS``),
    and one or two words are capitalised in any language.  The cut itself is the
    evidence: the stored text stops inside the line (no line break after it), right
    after a full story sentence (``cut_off`` checks that), so the line is the next
    sentence's start, not a box's label, which the capture would have kept whole.
    """
    words = sh[last].words
    return (
        0 < words <= p.cut_fragment_words
        and (words == 1 or told or not p.cut_fragment_told)
        and capture_cut(segs)
        and opens_sentence(segs[last].text)
    )


def cut_tail(
    segs: Sequence[Seg], roles: Sequence[str], rules: Sequence[str],
    fixed: Sequence[str | None] | None, p: RoleParams,
) -> list[str]:  # fmt: skip
    """``roles`` with a visibly cut page's last line made ``body`` where it continues the story.

    Why (round 32): the learned layer reads a line by its shape and neighbours, and a
    sentence the capture stopped after a word or two ("Пасаж", "Die Ukrainer halten na")
    is short, unended and capitalised like a label; the layer took out 14 such lines the
    rules had kept (dev, 12 batches).  It cannot see the cut, which is the evidence here:
    no line break after the page's last line, an unended line right after a full story
    sentence.  A line the rules read as story (``rules``, the roles before the layer) or
    shaped as a cut fragment (``cut_fragment``) is the story's; a fixed role stays.
    """
    out = list(roles)
    last = len(segs) - 1
    if not p.cut_tail or last < 1 or out[last] == "body" or not capture_cut(segs):
        return out
    if (fixed is not None and fixed[last] is not None) or out[last - 1] != "body":
        return out
    sh = shapes(segs)
    prev = sh[last - 1]
    if sh[last].terminal or not (prev.terminal and prev.words >= CUT_WORDS and prev.lower >= 0.3):
        return out
    if rules[last] == "body" or cut_fragment(last, segs, sh, p, _told(sh, out, last, p)):
        out[last] = "body"
    return out


def _told(sh: Sequence[Shape], roles: Sequence[str], last: int, p: RoleParams) -> bool:
    """The last line shares a 5-letter stem with the story's body lines above it."""
    story = {st for k, r in enumerate(roles[:last]) if r == "body" for st in sh[k].stems}
    return bool(sh[last].stems & story)
