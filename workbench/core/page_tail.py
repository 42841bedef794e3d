"""Where the story ends: sentences below it that speak to the reader.

Why: a page's footer often reads like prose ("If you have noticed a mistake,
select the text and press Ctrl + Enter", "Get our newsletter with all the
headlines you need"), so the story's last prose sentence, and with it the
region where short lines are still story, would run on into the footer.  News
copy speaks *about* people; a sentence that speaks *to* the reader (second
person, outside quotation marks) and does not share the story's words is the
site talking: a notice, a newsletter pitch, an appeal.  Pronouns are grammar,
not a site's vocabulary, so this holds across sites.

Tried and left out: "an off-topic sentence past page chrome is footer".  It
also took real closing sentences after a mid-story teaser or photo credit
(short closing lines share few word forms with the story, least of all in
inflected languages), and no dev page needed it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

from workbench.core.page_lines import line_sharers
from workbench.core.page_named import is_masthead, names_site, site_name  # noqa: F401 (re-exported)
from workbench.core.page_shapes import (
    RoleParams,
    Shape,
    chrome_shape,
    is_sign_off,
)
from workbench.core.role_phrases import BIDS_READER, SUPPORT_WORDS
from workbench.core.segment import Seg, blank_lines_after

#: Second-person pronouns (grammar words, not site vocabulary).  German formal
#: address is recognised separately: "Sie"/"Ihr"/"Ihnen" capitalised mid-sentence.
_YOU = re.compile(
    r"\b(you|your|yours|yourself|vous|votre|vos|вы|вас|вам|вами|ваш|ваша|ваше|ваши|вашего"
    r"|вашей|ви|ваш|ваші|вашої|вашого|σας|εσείς|euch|euer|eure)\b",
    re.I,
)
#: The familiar "you" a site uses too ("ist deine widerrufliche Einwilligung … notwendig", "Das
#: könnte dich auch interessieren", "Подпишись на наш канал, чтобы ты …"; round 19).  Only forms
#: no supported language uses for anything else: German "du" is French "of the", "dir" an
#: abbreviation, French "ton"/"ta"/"tes" are common words (with those and "tu"/"toi" in, dev
#: lost 2,100 characters on 13 sets; docs/ingest.md).
_YOU_FAMILIAR = re.compile(
    r"\b(dich|dein|deine|deinen|deinem|deiner|deines|ты|тебя|тебе|тобой|твой|твоя|твое|твоё"
    r"|твои|твоего|твоей|твоих|ти|тобі|твій|твоє|твої|твого|твоєї|твоїх)\b",
    re.I,
)
#: A switch for the study (``benchmarks/role_rights_cv.py --switch``).
FAMILIAR = True
_GERMAN_FORMAL = re.compile(r"(?<=[\w,] )(Sie|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihnen)\b")
_QUOTES = re.compile(r"[\"«»„“”‘‚]")


def addresses_reader(text: str) -> bool:
    """Whether the segment speaks to the reader (second person, outside quotations)."""
    if _QUOTES.search(text):
        return False  # quoted speech may say "you" to anyone
    familiar = FAMILIAR and _YOU_FAMILIAR.search(text)
    return bool(_YOU.search(text) or familiar or _GERMAN_FORMAL.search(text)
                or BIDS_READER.match(text))  # fmt: skip


#: First-person plural: the site speaking of itself ("We use cookies", "unser PUR-Abo",
#: "Мы и наши партнеры"). Lower-case "us" only: "US" is a country.
_WE = re.compile(
    r"\b(?i:we|our|ours|wir|unser|unsere|unseren|unserem|unserer|nous|notre|nos|мы|наш|наша"
    r"|наше|наши|наших|ми|наші|нашої|нашого|εμείς|μας)\b|\bus\b"
)


def site_voice(text: str) -> bool:
    """Whether the segment is the site talking: to the reader, of itself as "we", of cookies.

    Quoted text is left out first ("Нажимая «Принять все», вы соглашаетесь": the
    button's label is quoted, the address is not).
    """
    plain = _QUOTED.sub(" ", text)
    if _QUOTES.search(plain):
        return False  # an unclosed quotation: speech running on from another segment
    return addresses_reader(plain) or bool(_WE.search(plain) or _COOKIE.search(plain))


#: The one consent word every language borrows ("Этот сайт использует файлы cookie").
_COOKIE = re.compile(r"\b(cookies?|куки|кукі)\b", re.I)


_QUOTED = re.compile(r"«[^«»]*»|„[^„“”]*[“”]|“[^“”]*”|\"[^\"]*\"")


def is_footer(
    i: int,
    segs: Sequence[Seg],
    cohesion_of: Callable[[int], float | None],
    threshold: float,
    voice: Callable[[str], bool] = site_voice,
) -> bool:
    """Whether segment ``i`` (below the story) is the site talking, off the story's topic.

    ``cohesion_of(i)`` is the share of ``i``'s content words that the story uses;
    ``voice`` tells the site's voice (by default "you" or "we" outside quotations).
    """
    if not voice(segs[i].text):
        return False
    c = cohesion_of(i)
    return c is None or c < threshold


def trim_footer(
    prose: Sequence[int],
    segs: Sequence[Seg],
    cohesion_of: Callable[[int, Sequence[int]], float | None],
    threshold: float,
    voice: Callable[[str], bool] = site_voice,
    keep_addressed: bool = False,
) -> list[int]:
    """The story's prose without the site's sentences at its end.

    A sentence that only says "we" right after a story sentence of its paragraph is
    the story's ("We are grateful to the crew, the company said"); the site's "we"
    ("We use cookies") comes after page chrome or a break.  ``keep_addressed`` (round 39
    rolesb39, a study, off) keeps a line addressing the reader there too: a radio
    station's sign-off ("Wir halten euch hier auf dem Laufenden.") printed on with the
    story is gold's story, where a newspaper's box after a break is not.
    """
    kept = list(prose)
    while len(kept) >= 2 and is_footer(
        kept[-1], segs, lambda i: cohesion_of(i, kept[:-1]), threshold, voice
    ):
        told = keep_addressed or not addresses_reader(segs[kept[-1]].text)
        if told and adjoins(kept[-1], segs, kept[:-1]):
            break
        kept.pop()
    return kept


def adjoins(i: int, segs: Sequence[Seg], story: Collection[int]) -> bool:
    """Whether segment ``i`` directly follows a ``story`` sentence of its paragraph that
    is not the site talking itself (a run of site sentences is one box).

    No blank line between the two counts as one paragraph: a page read line by line
    (``roles.lines_as_paragraphs``) gives each line a paragraph of its own.
    """
    before = i - 1
    joined = segs[before].paragraph == segs[i].paragraph or blank_lines_after(segs[before]) == 0
    return before in story and joined and not site_voice(segs[before].text)


def reader_boxes(
    segs: Sequence[Seg],
    candidates: Sequence[int],
    cohesion_of: Callable[[int], float | None],
    threshold: float,
    chrome: Collection[int] = (),
    story: Collection[int] = (),
) -> tuple[set[int], set[int]]:
    """Small paragraphs that speak to the reader off the story's topic: (all, appeals).

    A box ("I hope you appreciated this article. Before you move on, ...") holds
    lines that do not address the reader too ("The Guardian is different."), so
    one addressed, off-topic line marks its whole paragraph, when the page has
    paragraphs and this one is small (at most ``BOX_SEGMENTS``).  A box that asks
    for support is an appeal.  ``candidates`` are the open segments below the
    story's start; ``chrome`` lines already known as page chrome (tags, share,
    post navigation) end the box where the paragraph runs on past it.  A line
    that only says "we" ("Support us or become our patron!") marks a box only
    when no ``story`` sentence is in it: a story ending "We use cookies" keeps
    its paragraph.
    """
    if not segs or segs[0].paragraph == segs[-1].paragraph:
        return set(), set()
    by_para: dict[int, list[int]] = {}
    for k, seg in enumerate(segs):
        by_para.setdefault(seg.paragraph, []).append(k)
    allowed = set(candidates)
    boxes: set[int] = set()
    appeals: set[int] = set()
    for i in candidates:
        para = by_para[segs[i].paragraph]
        if i in boxes or len(para) > BOX_SEGMENTS:
            continue
        if not is_footer(i, segs, cohesion_of, threshold):
            continue
        run = _run(i, para, set(chrome))
        if not addresses_reader(segs[i].text) and any(k in story for k in run):
            continue
        members = {k for k in run if k in allowed}
        boxes |= members
        if any(SUPPORT_WORDS.search(segs[k].text) for k in _run(i, para, set(chrome))):
            appeals |= members
    return boxes, appeals


def _run(i: int, para: Sequence[int], stops: set[int]) -> list[int]:
    """The segments of ``para`` around ``i`` up to (not across) a ``stops`` segment."""
    at = para.index(i)
    lo, hi = at, at
    while lo > 0 and para[lo - 1] not in stops:
        lo -= 1
    while hi + 1 < len(para) and para[hi + 1] not in stops:
        hi += 1
    return list(para[lo : hi + 1])


BOX_SEGMENTS = 8


#: Roles a line of an appeal's box may have before the walk up from its button.
BOX_ROLES = ("other", "appeal")


def appeal_lead_in(
    segs: Sequence[Seg], fixed: Sequence[str | None], roles: list[str], button_words: int
) -> list[str]:
    """The lines leading up to an appeal button are its box ("Support … on Patreon!" /
    "… where you will find …" / "Support UP").

    Walking up from a short appeal button, lines the page already took for chrome
    (``other``, decided by shape, not by their own words) that ask for support or
    speak to the reader belong to the appeal, and so do lines already taken for it;
    the walk stops at anything else.  On a page read line by line the box's printed
    line above the button (``_button_line``) and a line between two of the box's
    lines (``_appeal_gaps``) are the box's too.
    """
    out = list(roles)
    for b, role in enumerate(fixed):
        if role != "appeal" or len(segs[b].text.split()) > button_words:
            continue
        k = b - 1
        while k >= 0 and b - k <= BOX_SEGMENTS and fixed[k] is None and out[k] in BOX_ROLES:
            asks = SUPPORT_WORDS.search(segs[k].text) or site_voice(segs[k].text)
            if out[k] == "other" and not asks:
                break  # (a line the page evidence took for the appeal already is the box's)
            out[k] = "appeal"
            k -= 1
        for k in _button_line(segs, fixed, out, b):
            out[k] = "appeal"
    return _appeal_gaps(segs, fixed, out)


def _button_line(
    segs: Sequence[Seg], fixed: Sequence[str | None], roles: Sequence[str], b: int
) -> list[int]:
    """The printed line right above appeal button ``b`` when it is the box read as story.

    A page without blank lines gives each printed line a paragraph of its own, so the
    box's text ("Unabhängige Analysen brauchen Unterstützung. Mit Ihrer Spende
    ermöglichen Sie unsere Arbeit …" over "Jetzt spenden") is no longer the button's
    paragraph: it is the box when it asks for support in the site's voice, or under a
    heading that asks for it ("Support PREMIUM TIMES' journalism …"), heading included.
    """
    line = printed_line(segs, b - 1) if b and roles[b - 1] == "body" else []
    head = line[0] - 1 if line else -1
    headed = head >= 0 and roles[head] in BOX_ROLES and bool(SUPPORT_WORDS.search(segs[head].text))
    if not _asks_as_site(segs, fixed, line, headed):
        return []
    return line + ([head] if headed and fixed[head] is None else [])


def printed_line(segs: Sequence[Seg], i: int) -> list[int]:
    """The segments printed on one line with segment ``i`` (``i`` included)."""
    lo = i
    while lo > 0 and not re.search(r"[\r\n]", segs[lo - 1].separator):
        lo -= 1
    hi = i
    while hi + 1 < len(segs) and not re.search(r"[\r\n]", segs[hi].separator):
        hi += 1
    return list(range(lo, hi + 1))


def _asks_as_site(
    segs: Sequence[Seg], fixed: Sequence[str | None], line: Sequence[int], headed: bool = False
) -> bool:
    """A printed line where the site asks for support in its own voice ("we", "you"), or
    under a heading that asks for it."""
    if not line or len(line) > LINE_SEGMENTS or any(fixed[k] is not None for k in line):
        return False
    texts = [segs[k].text for k in line]
    asks = any(SUPPORT_WORDS.search(t) for t in texts)
    return asks and (headed or any(site_voice(t) for t in texts))


#: A printed line of an appeal box holds at most this many sentences.
LINE_SEGMENTS = 4


def _appeal_gaps(segs: Sequence[Seg], fixed: Sequence[str | None], roles: list[str]) -> list[str]:
    """A printed line between two lines of one appeal box, where the site speaks, is the box's.

    "I hope you appreciated this article. …" / "From Elon Musk to Rupert Murdoch, … The
    Guardian is different. We have no billionaire owner …" / "Our journalism is free …":
    a page read line by line loses the box's paragraph, not its two ends.
    """
    out = list(roles)
    i = 0
    while i < len(segs):
        line = printed_line(segs, i)
        i = line[-1] + 1
        before, after = line[0] - 1, line[-1] + 1
        if before < 0 or after >= len(segs) or out[before] != "appeal" or out[after] != "appeal":
            continue
        if (
            len(line) <= LINE_SEGMENTS
            and all(fixed[k] is None for k in line)
            and any(site_voice(segs[k].text) for k in line)
        ):
            for k in line:
                out[k] = "appeal"
    return out


def signed_off(
    segs: Sequence[Seg], sh: Sequence[Shape], fixed: Sequence[str | None], prose: Sequence[int],
    p: RoleParams,
) -> tuple[int | None, list[int]]:  # fmt: skip
    """The agency sign-off that ends the story, and the sentences just above it.

    Wire copy ends with its sign-off ("(sda/awp/reu)", "ats/vajo", "(Reporting by
    …; Editing by …)"): nothing below it is story (a disclaimer, a "support us"
    box, a teaser read like prose), and the sentences right above it are, however
    many names they hold ("Shareholders in CPC include Russia's Transneft, …").
    Only a sign-off with the story above it counts: two sentences or more, and
    more than ``TAIL_RATIO`` times the sentences below it (a credit between two
    story paragraphs, or a live blog's entries, is no end).
    """
    for i in range(len(segs)):
        if fixed[i] is not None or not is_sign_off(segs[i].text, sh[i]):
            continue
        above = sum(1 for k in prose if k < i)
        if above < 2 or above <= TAIL_RATIO * sum(1 for k in prose if k > i):
            continue
        closers, k = [], i - 1
        while k >= 0 and fixed[k] is None and k not in prose and sh[k].terminal:
            if sh[k].words < 3 or chrome_shape(segs[k].text, sh[k], p):
                break
            closers.append(k)
            k -= 1
        return i, closers
    return None, []


#: The story above a sign-off outweighs the sentences below it (a disclaimer, a
#: support box) at least this many times over.
TAIL_RATIO = 4


def site_described(
    segs: Sequence[Seg],
    candidates: Sequence[int],
    start: int,
    off_topic: Callable[[int], bool],
) -> set[int]:
    """Lines below the story's start where the site speaks of itself, off its topic.

    "RTÉ.ie is the website of …", "Olympics.com is an official website …", "Галка
    працює завдяки читачам": a line opening with the masthead's name that shares
    little of the story's words is the site's footer, and so is its printed line.
    The story names the site too ("As Ukrinform reported", "told TASS"), but not to
    open an off-topic line.  ``candidates`` are the open segments, ``start`` the
    story's first sentence.  (Tried: the off-topic lines after it as well; that took
    story lines on a check batch.)
    """
    name = site_name(segs)
    if name is None:
        return set()
    own = {i for i in candidates if i > start and names_site(segs[i].text, name) and off_topic(i)}
    on_their_line = line_sharers(segs, own)
    return own | {i for i in candidates if i in on_their_line}


def asks_support(segs: Sequence[Seg], members: Collection[int]) -> set[int]:
    """The ``members`` printed on a line where one of them asks for support (an appeal)."""
    asking = {i for i in members if SUPPORT_WORDS.search(segs[i].text)}
    on_their_line = line_sharers(segs, asking)
    return {i for i in members if i in asking or i in on_their_line}
