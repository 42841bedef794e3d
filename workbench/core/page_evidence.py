"""Evidence across a page for the roles its own words cannot decide.

Why page-level evidence: a scraped news page wraps the story in chrome whose
words differ from site to site (nav labels, bylines, captions, teasers) but
whose *shape* does not.  The story is a run of prose sentences; the headline
is a title-shaped line just above it that shares its words (a nav label does
not); captions are repeated or carry a credit; a related-story teaser is a
title-shaped line in the middle that shares no words with the story;
capture metadata and datelines are a date and little else; after the last
prose sentence come sign-offs.  Every test here uses position, repetition,
length, punctuation, capitalisation, lexical cohesion, language change or (in
HTML) link density, not a site's vocabulary.

The module decides segment by segment (``decide_page``, ``open_role``); the
passes that judge a whole printed line or paragraph live in ``core.page_blocks``,
the header in ``core.page_header``, the story's end in ``core.page_tail``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from workbench.core.appeal_line_lead import box_leads
from workbench.core.page_blocks import (
    ad_paragraphs,
    chrome_led,
    chrome_paragraphs,
    closing_box,
    pull_quotes,
)
from workbench.core.page_comments import COMMENT_FORM, comment_section
from workbench.core.page_far_tail_run import far_tail_cut
from workbench.core.page_header import below_title, find_headlines
from workbench.core.page_header_lines import CREDIT_WORDS
from workbench.core.page_lines import line_sharers, others_cohesion, others_stems
from workbench.core.page_prose import (
    consent,
    lead_run,
    prose_indices,
    speaks_as_site,
    story_lang,
)
from workbench.core.page_shapes import (  # noqa: F401  (re-exported: benchmarks, tests)
    _ACRONYM,
    _ADDRESS,
    _BYLINE,
    _WORD,
    ADDRESS_COHESION,
    DEFAULT_PARAMS,
    UPPER_WORD,
    RoleParams,
    Shape,
    _byline,
    _introduced_by_label,
    _norm,
    _story_stems,
    chrome_shape,
    cohesion,
    is_aside,
    is_metadata,
    is_prose,
    is_title_like,
    label_led,
    shapes,
    stems,
)
from workbench.core.page_sign_off import story_end
from workbench.core.page_tail import (
    addresses_reader,
    adjoins,
    appeal_lead_in,
    asks_support,
    is_footer,
    reader_boxes,
    signed_off,
    site_described,
)
from workbench.core.page_ticker import neighbours
from workbench.core.role_phrases import BUTTON_WORDS
from workbench.core.segment import Seg

HEADLINE, BODY, OTHER, APPEAL = "headline", "body", "other", "appeal"


def _duplicated(i: int, segs: Sequence[Seg], sh: Sequence[Shape]) -> bool:
    """Repeated on the next or previous line (caption + alt text, teaser card + label)."""
    mine = _norm(segs[i].text)
    for j in (i - 1, i + 1):
        if 0 <= j < len(segs) and sh[j].words >= 5 and sh[i].words >= 5:
            other = _norm(segs[j].text)
            if mine == other or (mine in other or other in mine):
                return True
    return False


def open_role(i: int, segs: Sequence[Seg], sh: Sequence[Shape], ctx: PageContext) -> str:
    """``other`` or ``body`` for a segment no rule and no headline test claimed."""
    shape, text, p = sh[i], segs[i].text, ctx.params
    if i in ctx.appeals:
        return APPEAL
    if i < ctx.first and ctx.prose_set and i in ctx.lead_line:
        if not (shape.terminal and shape.words >= 3 and shape.lower >= 0.3):
            return BODY  # a dateline opening the lead's line ("РИМ, 30 ноября. /ТАСС/. …")
    if _chrome(i, segs, sh, ctx) or i in ctx.footer or i in ctx.chrome_led:
        return OTHER
    if ctx.link_share is not None and ctx.link_share[i] >= p.link_share and shape.words <= 25:
        return OTHER
    if i > ctx.first and _introduced_by_label(i, segs, sh):
        return OTHER  # an author or agency bio under its name line
    if i > ctx.first and label_led(text):
        return OTHER  # a one-line box below the story's start: "Newsletter  Sign up …"
    if i in ctx.prose_set:
        return OTHER if _duplicated(i, segs, sh) else BODY
    if i > ctx.first and segs[i].paragraph in ctx.chrome_paras:
        return OTHER  # in a block of page chrome ("Anzeige" and its ad, tags and widgets)
    sentence = shape.terminal and shape.words >= 3 and shape.lower >= 0.3
    if not sentence and (i < ctx.first or (i > ctx.last and shape.words <= 2 * p.short_words)):
        return OTHER  # above the story (nav, byline, stamps) or below it (sign-offs)
    if _duplicated(i, segs, sh):
        return OTHER
    untermed = not shape.terminal
    if untermed and 2 <= shape.words <= p.short_words and shape.caps >= p.caps_share:
        return OTHER  # "Volodymyr Zelenskyy President of Ukraine", "Short Url"
    if len(text.split()) <= 4 and text.rstrip().endswith(":") and not _crosshead(i, segs, ctx):
        return OTHER  # "Δείτε βίντεο:", "Ειδήσεις σήμερα:": a label over an embed or a list
    if untermed and len(text.split()) <= 4 and any(ch.isdigit() for ch in text):
        return OTHER  # "1 of 5", "Photo 3/7", "Comments (12)": counters, not copy
    c = cohesion(shape, ctx.story)
    if is_title_like(shape, p) and shape.words >= 5 and c is not None and c < p.cohesion:
        return OTHER  # an unlabelled teaser for another story
    if i < ctx.first and len(shape.stems) >= 3 and c == 0.0 and len(ctx.story) >= 10:
        if i not in ctx.prose_lines:  # on the lead's line it opens the story
            return OTHER  # a sentence above the story, off its topic (a cookie notice)
    if ctx.langs is not None and ctx.main_lang and ctx.langs[i] not in (None, ctx.main_lang):
        if untermed and shape.words <= p.short_words:
            return OTHER  # a short line in another language than the story
    return BODY


def _chrome(i: int, segs: Sequence[Seg], sh: Sequence[Shape], ctx: PageContext) -> bool:
    """Chrome by the line's own shape; a dated sentence printed in a story line is no stamp.

    "Рішення ухвалили одноголосно 1 грудня." after the lead on its line, "Ее время –
    20:41,7." in the story's paragraph: a date and few words, but a sentence, and
    stamps and datelines are not printed after story sentences on their line.
    """
    text, shape, p = segs[i].text, sh[i], ctx.params
    if not chrome_shape(text, shape, p):
        return False
    dated = shape.terminal and not shape.starts_line and i - 1 in ctx.prose_set
    return not (dated and i in ctx.prose_lines) or chrome_shape(text, shape, p, stamps=False)


def _crosshead(i: int, segs: Sequence[Seg], ctx: PageContext) -> bool:
    """A label opening a paragraph whose story text follows it ("Background:" / "On the night…").

    A label inside a paragraph, between story sentences, announced an embed the
    capture dropped ("Δείτε βίντεο:").
    """
    opens = i == 0 or segs[i - 1].paragraph != segs[i].paragraph
    return opens and i + 1 in ctx.prose_set and segs[i + 1].paragraph == segs[i].paragraph


@dataclass(frozen=True)
class PageContext:
    """What the whole page says: where the story runs and which words it uses."""

    params: RoleParams
    prose_set: frozenset[int]
    first: int
    last: int
    story: frozenset[str]
    langs: Sequence[str | None] | None
    main_lang: str | None
    link_share: Sequence[float] | None
    footer: frozenset[int] = frozenset()
    appeals: frozenset[int] = frozenset()
    chrome_paras: frozenset[int] = frozenset()
    chrome_led: frozenset[int] = frozenset()
    prose_lines: frozenset[int] = frozenset()  # printed on a line with prose (page_lines)
    lead_line: frozenset[int] = frozenset()  # printed on the first prose sentence's line


def _footer(
    segs: Sequence[Seg], sh: Sequence[Shape], fixed: Sequence[str | None], prose: list[int],
    heads: Collection[int], params: RoleParams = DEFAULT_PARAMS,
) -> tuple[list[int], frozenset[int], frozenset[int]]:  # fmt: skip
    """The prose without its footer, the footer's open lines, and those that are an appeal.

    Below the story, a line addressed to the reader that shares at most a third
    of its content words with the story is footer (``core.page_tail``); a story
    that tells its readers what to do ("If you live near the river, you should
    leave") shares most of them.  Such a line anywhere below the story's start
    marks its small paragraph as a box (``page_tail.reader_boxes``).
    """

    def cohesion_of(i: int, others: Sequence[int]) -> float | None:
        return cohesion(sh[i], _story_stems(sh, others))

    kept, tail = story_end(prose, segs, sh, cohesion_of, params)  # page_sign_off
    kept += sorted(tail)
    if not kept:
        return kept, frozenset(), frozenset()
    footer = set(prose[len(kept) :])

    paragraphs = [s.paragraph for s in segs]
    but_itself = others_cohesion(sh, (), kept, range(len(segs)))  # the rest of the story

    def off_topic(k: int) -> bool:
        c = but_itself(k)
        return c is None or c < ADDRESS_COHESION

    story_line = _story_line(segs, sh, kept, heads)
    on_story = others_cohesion(sh, (), kept, paragraphs)  # the story's other paragraphs
    footer |= {i for i in range(kept[-1] + 1, len(segs))
               if fixed[i] is None and not story_line(i)
               and is_footer(i, segs, on_story, ADDRESS_COHESION)
               and (addresses_reader(segs[i].text) or not adjoins(i, segs, kept))}  # fmt: skip
    below = [i for i in range(kept[0] + 1, len(segs)) if fixed[i] is None and not story_line(i)]
    chrome = [k for k, r in enumerate(fixed) if r in ("other", "link_residue", "comment_form")]
    advice = _advice(sh, kept, heads, params.advice_stems)

    def in_box(k: int) -> float | None:  # advice that tells the story's words is the story's
        return 1.0 if advice(k) else on_story(k)

    boxes, appeals = reader_boxes(segs, below, in_box, ADDRESS_COHESION, chrome, kept)
    own = site_described(segs, [k for k, r in enumerate(fixed) if r is None], kept[0], off_topic)
    kept = [i for i in kept if i in tail or i not in boxes | own]
    appeals |= asks_support(segs, own | footer)
    return kept, frozenset((footer | boxes | own) - tail), frozenset(appeals)


def _advice(
    sh: Sequence[Shape], kept: Sequence[int], heads: Collection[int], least: int
) -> Callable[[int], bool]:
    """Whether a line inside the story's run tells the story's own words to the reader.

    "If you bought one between September and December 2025, check the serial number
    printed on the bottom" between two story paragraphs: advice addressed to the
    reader shares few of its many words by share, but ``least`` content stems or more
    with the headline and the story's other sentences, and the story goes on below
    it.  A site's box (newsletter, "your article continues below") shares one at most.
    """
    used = others_stems(sh, heads, kept, range(len(sh)))  # headline and the rest of the story

    def told(k: int) -> bool:
        if not least or not kept or k >= kept[-1]:
            return False
        return len(used(k)) >= least

    return told


def _story_line(
    segs: Sequence[Seg], sh: Sequence[Shape], kept: Sequence[int], heads: Collection[int]
) -> Callable[[int], bool]:
    """Whether a segment shares its line with an on-topic story sentence.

    A blog's closing "Passt auf euch auf da draußen!" printed after a story
    sentence belongs to that paragraph; a support box's lines share their line only
    with each other, and none of them is on the story's topic (measured against
    the headline and the story's other paragraphs) or told without "you".
    """

    others = others_cohesion(sh, heads, kept, [s.paragraph for s in segs])

    def on_topic(k: int) -> bool:
        return (others(k) or 0.0) >= STORY_LINE_COHESION

    told = {k for k in kept if not addresses_reader(segs[k].text) and on_topic(k)}
    return line_sharers(segs, told).__contains__


#: A story sentence sharing a sixth of its content words with the headline and the
#: story's other paragraphs is on topic (a support box's lines share one word in 8-14).
STORY_LINE_COHESION = 0.15


def decide_page(
    segs: Sequence[Seg],
    fixed: Sequence[str | None],
    *,
    headlines: set[int] | None = None,
    langs: Sequence[str | None] | None = None,
    link_share: Sequence[float] | None = None,
    params: RoleParams = DEFAULT_PARAMS,
    header_segs: Sequence[Seg] | None = None,
) -> list[str]:
    """Fill every undecided (``None``) role with ``headline``, ``body`` or ``other``.

    ``headlines`` given (HTML title/h1) replaces the search for a title line;
    ``header_segs`` are the segments with the page's own paragraphs for that search
    (``segs`` may be read line by line, ``roles.lines_as_paragraphs``).
    """
    sh = shapes(segs)
    open_ = [i for i, r in enumerate(fixed) if r is None]
    prose = prose_indices(segs, sh, open_, params)
    voiced = speaks_as_site(segs, prose[1:])  # the story itself says "we" or "you"
    comments = comment_section(segs, sh, fixed, prose)
    prose = [i for i in prose if i not in comments]
    pulls = pull_quotes(segs, sh)  # a quotation set large beside the story, told in it
    if not headlines:
        headlines = find_headlines(header_segs or segs, sh, open_, prose, params) - pulls
        prose = below_title(prose, headlines, params)  # a banner's sentences above it
    prose = [i for i in prose if i not in headlines and i not in pulls]
    ticker = neighbours(segs, sh, headlines, open_)  # a live ticker's other entries
    prose = [i for i in prose if i not in ticker]
    led = chrome_led(segs, sh, fixed, prose, headlines, params)
    prose = [i for i in prose if i not in led]
    prose, footer, appeals = _footer(segs, sh, fixed, prose, headlines, params)
    footer |= ticker | {i for i in pulls if fixed[i] is None}
    ads = ad_paragraphs(segs, sh, fixed, prose, headlines)
    prose, footer = [i for i in prose if i not in ads], footer | ads
    bio = closing_box(segs, sh, fixed, prose, headlines, params, langs)  # a bio or rights notice
    prose, footer = [i for i in prose if i not in bio], footer | bio
    end, closers = signed_off(segs, sh, fixed, prose, params)
    if end is not None:  # wire copy ends at its sign-off
        prose = sorted({*(k for k in prose if k < end), *closers})
        footer |= {k for k in open_ if k > end}
    far = far_tail_cut([s.text for s in segs], sh, prose, params)  # page_far_tail_run
    prose, footer = [i for i in prose if i not in far], footer | set(far)
    if prose:  # the site talking above the story: a consent or paywall banner
        lead = lead_run(prose[0], voiced, sh, open_) if params.notice_lead else set()
        footer |= {i for i in open_ if i < prose[0] and i not in lead
                   and consent(i, prose, segs, sh)}  # fmt: skip
    ctx = PageContext(
        params=params,
        prose_set=frozenset(prose),
        first=prose[0] if prose else 0,  # no prose at all: no above/below regions
        last=prose[-1] if prose else len(segs),
        story=_story_stems(sh, prose),
        langs=langs,
        main_lang=story_lang(prose, langs),
        link_share=link_share,
        footer=footer,
        appeals=appeals,
        chrome_paras=chrome_paragraphs(segs, sh, fixed, prose, params, headlines),
        chrome_led=led,
        prose_lines=line_sharers(segs, prose),
        lead_line=line_sharers(segs, prose[:1]),
    )
    roles = [
        role if role is not None else HEADLINE if i in headlines else open_role(i, segs, sh, ctx)
        for i, role in enumerate(fixed)
    ]
    roles = appeal_lead_in(segs, fixed, _captions(segs, sh, fixed, roles, params), BUTTON_WORDS)
    if params.ask_lead_words:  # the site's sentence about itself above a box's ask (or on its line)
        roles = box_leads(segs, sh, fixed, roles, prose, params, comments)
    return [COMMENT_FORM if i in comments else r for i, r in enumerate(roles)]


def _captions(
    segs: Sequence[Seg], sh: Sequence[Shape], fixed: Sequence[str | None], roles: list[str],
    p: RoleParams,
) -> list[str]:  # fmt: skip
    """A line that is one sentence and then a credit is a caption ("... (AFP)").

    The credit may be one a phrase rule fixed ("Фото: … ‹ ›", a price after a widget's
    label) when ``p.fixed_credits``: the page evidence never saw it, but it is chrome.
    """
    for i in range(1, len(segs)):
        credit = roles[i] == OTHER and (fixed[i] is None or p.fixed_credits) and sh[i].ends_line
        if not credit or roles[i - 1] != BODY:
            continue
        chrome = chrome_shape(segs[i].text, sh[i], p)
        named = p.line_credits and _named_credit(i, segs, sh, fixed)
        if not sh[i].starts_line and sh[i - 1].starts_line and (chrome or named):
            roles[i - 1] = OTHER  # "A ferry waits in port. (AFP)" on one line
        elif chrome and sh[i].words <= 8 and is_title_like(sh[i - 1], p):
            roles[i - 1] = OTHER  # a caption line, then its credit line ("Foto: … / AP")
    for i in range(1, len(segs)):
        rest_of_line = not sh[i].starts_line and fixed[i] is None and sh[i].words <= p.short_words
        chrome_before = roles[i - 1] != BODY and chrome_shape(segs[i - 1].text, sh[i - 1], p)
        if rest_of_line and roles[i] == BODY and chrome_before:
            roles[i] = OTHER  # "Copyright 2025 The Associated Press. All rights reserved."
    return roles


def _named_credit(
    i: int, segs: Sequence[Seg], sh: Sequence[Shape], fixed: Sequence[str | None]
) -> bool:
    """Chrome closing an open caption's line that ``chrome_shape`` does not know as a credit.

    Why: ``chrome_shape`` knows a credit by its form (a label, a slash between capitals,
    brackets); "Werkstor der Kronauer … in Dillenburg. Quelle: Fabian Lensch/dpa" (a source
    line a phrase rule fixed) and "Un poste de contrôle … en 2025. AFP - ANDREI MOCANU" (an
    agency and a name in capitals) have none, yet a short unfinished tail of that kind ends
    a photo's caption (round 24: every such line on the dev sets).  A plain word ("… wieder
    versorgen. Ein", a capture cut) is no credit.
    """
    if fixed[i - 1] is not None or sh[i].words > CREDIT_WORDS or sh[i].terminal:
        return False
    return fixed[i] == OTHER or UPPER_WORD.search(segs[i].text) is not None
