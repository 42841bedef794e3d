"""Where the reader-comment section starts: everything from there down is ``comment_form``.

Why a section and not line by line: under a story, a comment section holds its
form ("Neues Posting", "Vous devez être connecté pour réagir"), its counter
("327 Postings", "Коментарі (3)"), and the comments themselves: commenter names,
times, vote counts and the comment texts, which read like prose sentences and
would otherwise extend the story.  The section's head is a line with words of
its kind (a comment starter or counter, ``core.role_phrases``) or, on a forum
thread, a post header: a name and a time stamp on a line of its own, over a
sentence, recurring for each post.  The rest is recognised by position: the
section runs from its head to the end of the page, unless it shows no post
(no post header, no post time below its form): then it is only its form.

A comment head above the story ("327 Postings" beside the byline) or early in
it (a counter in a toolbar under the lead) is a link, not the section: the
section starts only where at least as much of the story's prose lies above as
below.  On a forum the first post is the story (its header is above it) and
the replies, each under its own header, are the comments.  A copyright line
(the site's footer) or an appeal ends the section.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.core.calendar_words import is_calendar_word
from workbench.core.page_shapes import (
    _DATE_TOKEN,
    _WORD,
    ADDRESS_COHESION,
    Shape,
    _story_stems,
    cohesion,
    is_metadata,
)
from workbench.core.page_tail import site_voice
from workbench.core.role_phrases import FORM_LABELS, LIST_LABELS, deaccent
from workbench.core.segment import Seg

COMMENT_FORM = "comment_form"
_FOOTER = re.compile(
    r"©|\(c\)\s|\bcopyright\b|\ball rights reserved\b|\balle rechte vorbehalten\b"
    r"|\btous droits réservés\b|\bвсе права защищены\b|\b(усі|всі) права захищені\b"
    r"|\bμε επιφύλαξη παντός δικαιώματος\b",
    re.I,
)
#: A post header is this short ("Повідомлення  Marichka  » Чт листопада 27, 2026 11:52").
HEADER_WORDS = 8


def _ends_section(seg: Seg, fixed: str | None) -> bool:
    """A copyright line, an appeal, or a list of other stories under its label ("Voir aussi",
    "Trending") closes the comments: comments hold no links to other stories."""
    if fixed == "appeal" or _FOOTER.search(seg.text):
        return True
    first = re.split(r"\s{2,}", seg.text.strip())[0]
    label = deaccent(" ".join(first.casefold().split()).strip(" .:!?…,;-–—"))
    return fixed == "link_residue" or (fixed == "other" and label in LIST_LABELS)


def post_headers(segs: Sequence[Seg], sh: Sequence[Shape]) -> list[int]:
    """Lines holding only a name and a time stamp, each over a sentence: posts' headers."""
    found = []
    for i in range(len(segs) - 1):
        own = sh[i].starts_line and sh[i].ends_line and sh[i].words <= HEADER_WORDS
        nxt = sh[i + 1]
        over_text = nxt.starts_line and nxt.terminal and nxt.words >= 3
        if own and over_text and is_metadata(segs[i].text) and _named(segs[i].text):
            found.append(i)
    return found


def _named(text: str) -> bool:
    """A stamp with a name beside it (a bare "10:42" heads a live-blog entry, not a post).

    The unit printed after a clock time is no name: "13:48 Uhr", "9h30 h", "11:42 PM"
    are as bare as "10:42" (a live blog's "15:20 Uhr" entries are no comment posts).
    """
    words = _WORD.findall(_DATE_TOKEN.sub(" ", _CLOCK_UNIT.sub(" ", text)))
    return any(not is_calendar_word(w) for w in words)


#: A clock time's unit right after it: German "Uhr", French/German "h", English "am"/"pm".
_CLOCK_UNIT = re.compile(r"(?<=\d\d)\s?(?:Uhr|h|[ap]\.?m\.?)(?!\w)", re.I)


def comment_section(
    segs: Sequence[Seg], sh: Sequence[Shape], fixed: Sequence[str | None], prose: Sequence[int]
) -> range:
    """The segments of the reader-comment section (an empty range when there is none)."""
    if not prose:
        return range(0)
    headers = post_headers(segs, sh)
    for i in range(len(segs)):
        # posts differ in name or time: one stamp line repeated is the page's template
        later_posts = len({segs[h].text for h in headers if h >= i})
        head = fixed[i] == COMMENT_FORM or (i in headers and later_posts >= 2)
        if not (head or (fixed[i] is None and _invites_comments(i, segs, sh, prose))):
            continue
        if i <= prose[0]:
            continue
        above = sum(1 for k in prose if k < i)
        if above >= len(prose) - above:
            ends = (k for k in range(i + 1, len(segs)) if _ends_section(segs[k], fixed[k]))
            end = next(ends, len(segs))
            if not any(i <= h < end for h in headers):
                end = _form_end(segs, fixed, i, end)
            return range(i, end)
    return range(0)


#: Words of commenting: a line that speaks of it is part of the form ("Join the conversation
#: in our comments section below", "Pour réagir, vous devez être connecté").
_COMMENTING = re.compile(
    r"(?i:comment|komment|posting|коммент|комент|σχόλ|réagi|reagier|discussion|diskussion"
    r"|diskutier|обсужд|обговор)"
)


def _invites_comments(
    i: int, segs: Sequence[Seg], sh: Sequence[Shape], prose: Sequence[int]
) -> bool:
    """The site asking its readers to comment, off the story's topic: the form's head.

    "Pour réagir, vous devez être connecté.", "Diskutieren Sie mit!", "Um Kommentare
    verfassen zu können, müssen Sie angemeldet sein": the site's voice ("you", a bidding
    verb) and a word of commenting.  A story sentence saying readers may comment on
    a plan shares the story's words.
    """
    text = segs[i].text
    if not (_COMMENTING.search(text) and site_voice(text)):
        return False
    c = cohesion(sh[i], _story_stems(sh, [k for k in prose if k != i]))
    return c is None or c < ADDRESS_COHESION
#: A short login line under the form ("Se connecter", "Noch kein Konto?", "Увійти").
_LOGIN = re.compile(
    r"\b(log ?in|sign in|sign up|regist|account|anmeld|einlogg|konto|connect|compte|inscri"
    r"|войти|вход|регистр|аккаунт|увійти|вхід|реєстр|акаунт|σύνδεσ|εγγραφ)"
)
LOGIN_WORDS = 5


def _form_end(segs: Sequence[Seg], fixed: Sequence[str | None], start: int, end: int) -> int:
    """Where a comment section without posts ends: after its form.

    A section that shows only its form (a counter at 0, a login gate, "Post Comment")
    holds no comments to run on over: what follows it is the page's chrome (a list of
    other stories, a newsletter box, "This site uses Akismet").  The form is the lines
    decided as ``comment_form`` by their words, lines that speak of commenting, a row
    of form labels, and a login line or the rest of a printed line right under them.
    A post's time below the form ("10:52", "vor 2 Stunden") tells comments are shown.
    """
    last = start
    for k in range(start, end):
        if _form_line(segs[k], fixed[k]) or (k == last + 1 and _under_form(segs[k - 1], segs[k])):
            last = k
    if any(_POSTED.search(segs[k].text) for k in range(last + 1, end)):
        return end
    return last + 1


def _form_line(seg: Seg, fixed: str | None) -> bool:
    """A line of the comment form itself ("Post Comment", "Name *  Email *  Website")."""
    if fixed == COMMENT_FORM or _COMMENTING.search(seg.text):
        return True
    labels = [deaccent(c.strip(" *").casefold()) for c in re.split(r"\s{2,}", seg.text.strip())]
    return all(c in FORM_LABELS for c in labels)


def _under_form(prev: Seg, seg: Seg) -> bool:
    """A login line ("Se connecter", "Noch kein Konto?") or the rest of the form's line."""
    if not re.search(r"[\r\n]", prev.separator):
        return True
    plain = deaccent(" ".join(seg.text.casefold().split()))
    return len(plain.split()) <= LOGIN_WORDS and bool(_LOGIN.search(plain))


#: When a comment was posted: a clock time or a relative time.
_POSTED = re.compile(r"\b\d{1,2}:\d{2}\b|(?i:\b(ago|il y a|vor \d+|назад|тому)\b)")
