"""Label lines read as story text: flattened menus, widgets, captions, teasers.

Why a pass of its own, after the page evidence: a scraped page prints its menus,
section and agency labels, tag lists and widget residue as a stack of short lines
("Common Dreams" / "News  Views  Video" / "World"; "dpa" / "Feedback" / "Lawinengefahr
in den Alpen: Warnstufe vier"), whatever their words and language.  The rules
catch most of each stack by its words or its place above or below the story; a
line they miss inside the story region becomes ``body``.  Story text is not
printed that way: it is told in sentences, and a crosshead stands alone between
paragraphs, not in a stack.  So every ``body`` line in a run of ``run`` or more
consecutive lines that are each a line of their own, of at most ``words`` words,
not ending like a sentence or a list item (".", ":", ";", ","), is ``other``.
The lines of a run keep any other role (a headline in it stays a headline).

One exception, the header above the story: a run followed by a story sentence
with no story text above it holds the title the header rules may have missed
(kicker, title, subtitle); it is left alone.

The same holds for one longer line inside the story that does not end like a
sentence (``untermed_lines``): the story tells in sentences, so a line of its own of
``untermed_words`` or more words with no sentence end, below a story sentence and
above more story, is a caption without a full stop, a teaser title, a video or
audio embed, a widget's line.  The story's last line is spared (a capture may cut
it), and on a page where no headline was found the first such line is too (it may
be the title).

A crosshead looks the same: a short line of its own between two story paragraphs
("Rotes Kreuz mit 120 Helfern im Einsatz", "Billets de bus payés en liquide").  What
tells it from a teaser title or a caption is what it heads: the paragraph right below
a crosshead takes up its words, a teaser's does not.  So a line of at most
``crosshead_words`` words that shares a content word (``page_shapes.stems``) with the
story paragraph below it stays ``body``.

A line that opens with a question outside quotation marks (``question_lines``) is the
site's box, not the story: "Got a news tip? Call the newsroom", "Get breaking news alerts?
Allow / No thanks", "Hast du etwas beobachtet? Schick uns deine Infos", a poll, "Déjà
abonné ?", "Помітили помилку?".  News copy asks its questions inside quotations; of the
dev lines opening with a bare question, nearly all are boxes, in most writers' batches.
So every ``body`` segment of such a line is ``other`` (the question's words at most
``question_words``).  A question heading its paragraph is a crosshead ("Basses eaux en
cause?") and is spared as above.

Its sibling closes a line: a line of its own that ends in an exclamation mark and speaks as
the site ("you" or "we" outside quotation marks, ``page_tail.site_voice``) is the site's
prompt, not the story (``prompt_lines``): "Sign up for our daily news round-up!", "Stay up to
date …: sign up for our free weekly newsletter!", "Jetzt unseren kostenlosen WhatsApp-Kanal
abonnieren!", "… приєднуйтесь до нашої спільноти!".  Printed between story sentences or
right under the last one, such a prompt adjoins the story, and a story's own closing "we"
sentence is kept there (``page_tail.adjoins``); news copy exclaims only inside quotations.

A photo printed between two story paragraphs leaves its caption and credit on one line of
their own (``caption_lines``): "A pharmacist arranges medicine boxes. File picture",
"Lumeray's Vernac-sur-Orne plant in Normandy. Permission granted by Lumeray", "La ville
possède quelque 3100 appartements. KEYSTONE".  The credit's words differ from site to site,
its shape does not: one short sentence, then a tail of at most ``short_words`` words that
does not end like a sentence, and the line ends there, with the story going on below.
Story text on a line of its own ends in a sentence; a tail running on (a hard-wrapped
sentence) is followed by a line starting lower-case, and a capture cut is the page's end.

Pure: a function on segments and their roles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.core.page_consent import consent_lines
from workbench.core.page_crossheads import crosshead_lines  # noqa: F401  (roles.py)
from workbench.core.page_dateline import dateline_caption
from workbench.core.page_shapes import RoleParams, Shape, shapes
from workbench.core.page_tail import site_voice
from workbench.core.segment import Seg

BODY, OTHER = "body", "other"
#: Quotation marks (not the apostrophe ’): a question inside them is someone's speech.
_QUOTE_MARKS = re.compile(r"[\"«»„“”‘‚]")


def label_lines(segs: Sequence[Seg], roles: Sequence[str], p: RoleParams) -> list[str]:
    """The passes with the page's parameters (``core.roles.assign_roles`` calls this);
    the last, consent boxes anywhere, is ``core.page_consent``."""
    spare = p.crosshead_words if p.crosshead_runs else 0
    out = label_runs(segs, roles, p.label_run, p.label_run_words, spare)
    out = untermed_lines(segs, out, p.untermed_words, p.crosshead_words)
    out = question_lines(segs, out, p.question_words, p.crosshead_words)
    out = prompt_lines(segs, out, p.prompt_lines)
    out = dateline_caption(segs, out, p)
    out = caption_lines(segs, out, p.short_words if p.caption_tails else 0)
    return consent_lines(segs, out, p.consent_box)


#: A caption's sentence is at most this long (round 28, the dev lines of a sentence and an
#: unended tail inside the story: the chrome ones 2-17 words, 56 of 62 under 13; the story
#: ones 17 and 18, and 13 with a tail of no word, "■").
CAPTION_WORDS = 15


def caption_lines(segs: Sequence[Seg], roles: Sequence[str], tail_words: int) -> list[str]:
    """``roles`` with every caption-and-credit line between story paragraphs ``other``.

    The line is two segments, a sentence of at most ``CAPTION_WORDS`` words and an
    unended tail of at most ``tail_words`` words (``RoleParams.short_words``; 0: off)
    not starting lower-case, the sentence read as ``body`` (the tail too, or already
    ``other``: a credit the page evidence saw), with ``body`` above the line and a
    ``body`` line below it that does not start lower-case (no sentence wrapped).
    """
    out = list(roles)
    sh = shapes(segs)
    for i in range(2, len(segs) - 1 if tail_words else 0):
        cap, tail, below = sh[i - 1], sh[i], segs[i + 1].text
        if not (cap.starts_line and tail.ends_line and not tail.starts_line):
            continue
        told = cap.terminal and cap.words <= CAPTION_WORDS and BODY in out[: i - 1]
        credit = not tail.terminal and 1 <= tail.words <= tail_words
        if told and credit and not segs[i].text[0].islower() and not below[0].islower():
            if out[i - 1] == out[i + 1] == BODY and out[i] in (BODY, OTHER):
                out[i - 1] = out[i] = OTHER
    return out


def label_runs(
    segs: Sequence[Seg], roles: Sequence[str], run: int, words: int, crossheads: int = 0
) -> list[str]:
    """``roles`` with the ``body`` lines of every run of label lines made ``other``.

    ``run`` and ``words`` are ``RoleParams.label_run`` / ``label_run_words``, chosen
    leaving one set out (``benchmarks/role_labels_cv.py``); ``run`` 0 switches the
    pass off.  A run's last line that is a crosshead (``_crosshead``) of at most
    ``crossheads`` words (``RoleParams.crosshead_runs``; 0: none) below story text stays.
    """
    out = list(roles)
    if run <= 0:
        return out
    sh = shapes(segs)
    i = 0
    while i < len(segs):
        j = i
        while j < len(segs) and _label_line(segs[j], sh[j], words):
            j += 1
        if j - i >= run and not _heads_story(i, j, sh, out):
            head = BODY in out[:i] and _crosshead(segs, sh, out, j - 1, crossheads)
            stop = j - 1 if head else j
            out[i:stop] = [OTHER if r == BODY else r for r in out[i:stop]]
        i = max(j, i + 1)
    return out


def _label_line(seg: Seg, shape: Shape, words: int) -> bool:
    """A line of its own, short, not ending like a sentence or a list item."""
    if not (shape.starts_line and shape.ends_line) or shape.terminal:
        return False
    return 1 <= shape.words <= words and not seg.text.rstrip().endswith((":", ";", ","))


def _crosshead(
    segs: Sequence[Seg], sh: Sequence[Shape], roles: Sequence[str], i: int, words: int
) -> bool:
    """Line ``i`` is a crosshead: at most ``words`` words, right above a story sentence
    whose paragraph takes up its words (``_heads_paragraph``).

    Why: a crosshead printed under chrome (a live blog's stamp "vor 41 Minuten" over
    "Kloten lehnt Steuererhöhung ab", an ad's "Anzeige", a photo credit, a sign-up box)
    makes a run of two label lines with it, yet the chrome is no part of it (round 27:
    wire crossheads in batches 41, 56, 62, 73, 89).
    """
    if i + 1 >= len(segs) or roles[i] != BODY or roles[i + 1] != BODY:
        return False
    own = sh[i].starts_line and sh[i].ends_line and not sh[i].terminal
    fits = own and 1 <= sh[i].words <= words and sh[i + 1].terminal
    return fits and _heads_paragraph(segs, sh, roles, i)


def _heads_story(i: int, j: int, sh: Sequence[Shape], roles: Sequence[str]) -> bool:
    """The run ``i:j`` stands right above the story's first sentence, no story above it."""
    opens = j < len(roles) and roles[j] == BODY and sh[j].terminal
    return opens and BODY not in roles[:i]


def untermed_lines(
    segs: Sequence[Seg], roles: Sequence[str], words: int, crosshead: int = 0
) -> list[str]:
    """``roles`` with every ``body`` line inside the story that is no sentence (see the
    module) made ``other``, but crossheads of at most ``crosshead`` words (0: none
    spared); ``words`` (``RoleParams.untermed_words``, 0: off) and ``crosshead``
    (``crosshead_words``) are chosen leaving one set out (``benchmarks/role_labels_cv.py``).
    """
    out = list(roles)
    if words <= 0:
        return out
    sh = shapes(segs)
    told = False  # a story sentence above
    spare = "headline" not in roles
    for i, role in enumerate(roles):
        if role != BODY:
            continue
        if not told or not _long_line(segs[i], sh[i], words) or BODY not in roles[i + 1 :]:
            told = told or sh[i].terminal
            continue
        if spare:
            spare = False
            continue
        if sh[i].words > crosshead or not _heads_paragraph(segs, sh, roles, i):
            out[i] = OTHER
    return out


def _heads_paragraph(
    segs: Sequence[Seg], sh: Sequence[Shape], roles: Sequence[str], i: int
) -> bool:
    """Line ``i`` shares a content word with the story paragraph right below it."""
    below = next((k for k in range(i + 1, len(segs)) if roles[k] == BODY), None)
    if below is None:
        return False
    para = segs[below].paragraph
    told: set[str] = set()
    for k in range(below, len(segs)):
        if segs[k].paragraph != para:
            break
        if roles[k] == BODY:
            told |= sh[k].stems
    return bool(sh[i].stems & told)


def _long_line(seg: Seg, shape: Shape, words: int) -> bool:
    if not (shape.starts_line and shape.ends_line) or shape.terminal:
        return False
    return shape.words >= words and not seg.text.rstrip().endswith((":", ";", ","))


def question_lines(
    segs: Sequence[Seg], roles: Sequence[str], words: int, crosshead: int = 0
) -> list[str]:
    """``roles`` with the ``body`` segments of every line that opens with a bare question
    of at most ``words`` words (``RoleParams.question_words``, 0: off, chosen leaving one
    set out in ``benchmarks/role_labels_cv.py``) made ``other``; a question alone on its
    line of at most ``crosshead`` words that heads its paragraph stays (see the module).
    """
    out = list(roles)
    if words <= 0:
        return out
    sh = shapes(segs)
    for i, role in enumerate(roles):
        if role != BODY or not sh[i].starts_line or not _bare_question(segs[i].text):
            continue
        if sh[i].words > words:
            continue
        alone = sh[i].ends_line and sh[i].words <= crosshead
        if alone and _heads_paragraph(segs, sh, roles, i):
            continue
        k = i
        while True:
            out[k] = OTHER if roles[k] == BODY else out[k]
            if sh[k].ends_line or k + 1 >= len(segs):
                break
            k += 1
    return out


def _bare_question(text: str) -> bool:
    """A sentence ending in a question mark, with no quotation marks in it."""
    return text.rstrip().endswith(("?", "？")) and not _QUOTE_MARKS.search(text)


def prompt_lines(segs: Sequence[Seg], roles: Sequence[str], on: bool = True) -> list[str]:
    """``roles`` with every ``body`` line of its own that exclaims in the site's voice made
    ``other`` (``RoleParams.prompt_lines``; see the module)."""
    out = list(roles)
    if not on:
        return out
    for i in _prompts(segs):
        out[i] = OTHER if roles[i] == BODY else out[i]
    return out


def prompt_kept(segs: Sequence[Seg], roles: Sequence[str]) -> list[bool]:
    """Which ``other`` labels are a site's prompt (``prompt_lines``): the learned layer
    reads a prompt's shape, a full sentence between story sentences, and would take it
    back into the story (``core.role_model.correct_roles`` keeps these)."""
    found = _prompts(segs)
    return [i in found and role == OTHER for i, role in enumerate(roles)]


def _prompts(segs: Sequence[Seg]) -> set[int]:
    """Lines of their own ending in an exclamation mark, in the site's voice."""
    sh = shapes(segs)
    return {
        i for i, seg in enumerate(segs)
        if sh[i].starts_line and sh[i].ends_line
        and seg.text.rstrip().endswith(("!", "！")) and site_voice(seg.text)
    }  # fmt: skip
