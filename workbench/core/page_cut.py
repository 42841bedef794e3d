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

from workbench.core.page_shapes import RoleParams, Shape, _story_stems, chrome_shape, cohesion
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
    words = CUT_WORDS
    if not sh[last].starts_line and capture_cut(segs):  # "… Frachtschiffe. Die Versorgung d"
        words = min(p.cut_line_words, CUT_WORDS)
    return sentence and sh[last].words >= words and sh[last].lower >= CUT_LOWER
