"""Page roles of segments: headline, body, appeal, link_residue, comment_form, other.

Why rules plus repetition: a scraped page mixes the story with what the
publisher wraps around it.  Generic phrase lists per language (``core.role_phrases``, data not
code) find the usual wrappers; *blocks* extend a match ("A Message from ...",
"Dear readers") over everything up to the next structural break (two blank
lines, or a change of HTML zone); and text that recurs in other articles of the
same outlet is boilerplate whatever it says.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from workbench.core import segment
from workbench.core.appeal_box import after_ask as _after_ask
from workbench.core.appeal_box import box_goes_on as _box_goes_on
from workbench.core.appeal_box import closes_box as _closes_box
from workbench.core.page_evidence import DEFAULT_PARAMS, RoleParams, decide_page
from workbench.core.page_labels import label_lines
from workbench.core.page_menu_buttons import menu_buttons as _menu_buttons
from workbench.core.page_residue import line_credit, residue_role
from workbench.core.page_resume import story_resumes
from workbench.core.page_tail import _QUOTED, addresses_reader
from workbench.core.page_title_slot import after_layer
from workbench.core.page_widgets import button_row, row_roles
from workbench.core.role_model import correct_roles
from workbench.core.role_phrases import (  # noqa: F401  (deaccent re-exported)
    APPEAL_BUTTON,
    APPEAL_CLOSERS,
    APPEAL_SNIPPETS,
    APPEAL_STARTERS,
    BUTTON_WORDS,
    CHROME_LABELS,
    COMMENT_COUNT,
    COMMENT_SNIPPETS,
    COMMENT_STARTERS,
    EDIT_WORDS,
    FOLLOW_IMPERATIVE,
    FOLLOW_INVITE,
    FORM_LABELS,
    LINK_RESIDUE_PATTERNS,
    LINK_RESIDUE_PHRASES,
    READING_TIME,
    SELF_REFERENCE,
    SHORT_WORDS,
    SOCIAL_NETWORKS,
    TEASER_LABELS,
    UPDATE_NOTE,
    deaccent,
)
from workbench.core.role_runs import whole_runs
from workbench.core.segment import Seg, blank_lines_after, lines_as_paragraphs
from workbench.core.segment_dateline import joined_values, rejoined, split_roles

HEADLINE, BODY, APPEAL, LINK_RESIDUE, COMMENT_FORM, OTHER = (
    "headline",
    "body",
    "appeal",
    "link_residue",
    "comment_form",
    "other",
)
ROLES = (HEADLINE, BODY, APPEAL, LINK_RESIDUE, COMMENT_FORM, OTHER)
#: What a publisher wraps around the story: hidden on pages until ticked, left out of
#: translation on request.  The one list (web filters, jobs, deliverables read it).
BOILERPLATE_ROLES: tuple[str, ...] = (APPEAL, LINK_RESIDUE, COMMENT_FORM)
CONTENT_ROLES: tuple[str, ...] = tuple(r for r in ROLES if r not in BOILERPLATE_ROLES)
#: The story itself: what every comparison reads (``core.align_inner``, the compare service).
STORY_ROLES: tuple[str, ...] = (HEADLINE, BODY)


@dataclass(frozen=True)
class Zone:
    """Where a segment came from on an HTML page (``None`` zone for plain text)."""

    zone: str  # title | main | appeal | comments | page
    kind: str  # title, h1, p, li, label, ...
    #: Share of the block's characters inside links (0..1); the HTML extractor fills
    #: it when it can. Short lines that are mostly links are navigation or teasers.
    link_share: float = 0.0


def normalise(text: str) -> str:
    """Case-folded, single-spaced, without trailing punctuation/quotes."""
    return " ".join(text.casefold().split()).strip(" .:!?…,;-–—\"'«»„“”")


def _teaser_label(text: str) -> bool:
    """ "Read more: X", "Read moreX", "Related Title…": a label, then a title or nothing.

    The label must be followed by punctuation, an upper-case letter or the end,
    so a sentence that merely starts with "Related measures..." is not a teaser.
    """
    rest = _after_label(text)
    if rest is None:
        return False
    short = len(text.split()) <= 3 and not text.rstrip().endswith(".")  # "Related topics"
    colon = rest.endswith(":") and len(rest.split()) <= 4  # "You may also be interested in:"
    return not rest or rest[0].isupper() or not rest[0].isalpha() or short or colon


def _after_label(text: str) -> str | None:
    """What follows a teaser label at the start of ``text`` (``None``: no label); folded per
    character, length kept ("ß" stays: "Lesen Sie auch: … Gießen" keeps its label)."""
    folded = deaccent("".join(f if len(f := c.casefold()) == 1 else c for c in text))
    match = TEASER_LABELS.match(folded)
    if match is None:
        return None
    return text[match.end() :].lstrip(" \t:–—-|»›>")


def _teaser_title(prev: Seg, seg: Seg, listing: bool, prev_role: str | None) -> bool:
    """A title line in the list under a bare "Read more" / "Mehr zum Thema" label.

    ``listing``: the previous line was one such title already.
    """
    if not re.search(r"[\r\n]", prev.separator):
        return False
    rest = _after_label(prev.text)  # "", or a label's own words ("Related topics")
    bare = rest is not None and (not rest or rest[0].islower() or rest.endswith(":"))
    under_label = prev_role == LINK_RESIDUE and bare
    if not (under_label or listing):
        return False
    words = len(seg.text.split())
    return 1 <= words <= 20 and not seg.text.rstrip().endswith((".", "…"))


def _rule_role(text: str) -> str | None:
    """A role decided by the segment's own words, if any."""
    norm = normalise(text)
    plain = deaccent(norm)
    if plain in LINK_RESIDUE_PHRASES or any(
        p.match(norm) or p.match(plain) for p in LINK_RESIDUE_PATTERNS
    ):
        return LINK_RESIDUE
    if _teaser_label(text):
        return LINK_RESIDUE
    if plain in CHROME_LABELS or (len(norm.split()) <= 6 and READING_TIME.search(norm)):
        return OTHER
    if _follow_line(text, norm):
        return OTHER
    if plain in COMMENT_STARTERS or COMMENT_COUNT.match(norm) or _comment_heading(text):
        return COMMENT_FORM
    if any(s in norm for s in COMMENT_SNIPPETS):
        return COMMENT_FORM
    if any(p.match(norm) for p in APPEAL_STARTERS) or _appeal_button(norm):
        return APPEAL
    return _label_row(text)


#: The comment section's heading word, when a capture glued it to the line it heads.
_COMMENT_HEADING = re.compile(
    r"((?i:comments|kommentare|commentaires|réactions|комментарии|коментарі|σχόλια))"
    r"(?:\s*\(\d+\))?\s+[^\W\d_a-zß-ÿа-яα-ω]"
)


def _comment_heading(text: str) -> bool:
    """ "Comments Please log in …", "Kommentare Die Kommentarfunktion …": the section's
    heading and its first line run together (one space, then a capital).

    The line it heads speaks of commenting again; a story sentence opening with the
    word ("Kommentare Trumps sorgten für Aufregung") does not.
    """
    match = _COMMENT_HEADING.match(text)
    if match is None or not match.group(1)[0].isupper():
        return False
    return bool(_COMMENT_WORD.search(text[match.end(1) :]))


_COMMENT_WORD = re.compile(r"(?i:comment|kommentar|коммент|комент|σχόλ|réagir|discussion)")


def _copy_note(text: str) -> bool:
    """A note about the copy itself: "This story is a translation of a report by …".

    Not when it speaks to the reader ("I hope you appreciated this article"): that opens
    a support box, as do the lines of an appeal block already open ("Local reporting like
    this story takes time and money"), which the caller keeps in their block.
    """
    unquoted = _QUOTED.sub(" ", text)  # «Волинь-нова» is a name; “This story is …,” he said
    edit = UPDATE_NOTE.match(unquoted) and EDIT_WORDS.search(unquoted)  # not a new fact
    return bool(SELF_REFERENCE.search(unquoted) or edit) and not addresses_reader(text)


def _follow_line(text: str, norm: str) -> bool:
    """An invitation onto the site's channels ("Subscribe to Kyiv Post on Telegram"): chrome.

    A channel sign-up sits beside a donation box but asks for no support, so it is
    ``other`` on its own words; a sentence (full stop) that names a network is news.
    """
    if len(norm.split()) > FOLLOW_WORDS or not SOCIAL_NETWORKS.search(norm):
        return False
    if text.rstrip().endswith("."):  # a sentence: only when it opens with the imperative
        return bool(FOLLOW_IMPERATIVE.match(norm))  # "Join ST's WhatsApp Channel and get …."
    return bool(FOLLOW_INVITE.search(norm))


#: A channel invitation is at most this many words long.
FOLLOW_WORDS = 12


def _appeal_button(norm: str) -> bool:
    """A short appeal line or button ("Support us", "Remind me later", "Поддержать «Медузу»")."""
    words = len(norm.split())
    if words <= 4 and APPEAL_BUTTON.match(norm):
        return True
    return words <= SHORT_WORDS and any(
        re.search(rf"(?<!\w){re.escape(s)}(?!\w)", norm) for s in APPEAL_SNIPPETS
    )  # whole words: "donate" is a button, "donated the saplings" is news


def _label_row(text: str) -> str | None:
    """A line of short labels set apart by wide gaps: a nav bar or tag list (``other``).

    Scraped menus and tag lists keep their items on one line with two or more
    spaces between them ("Startseite  Panorama  Luftverkehr"), a breadcrumb between
    arrows ("Головна сторінка форуму ‹ Новини Закарпаття"); the first item
    decides when it is a known phrase ("Leave a Reply  Cancel reply").
    """
    if (buttons := button_row(text)) is not None:  # "Teilen  Drucken", "Partager Facebook X"
        return buttons
    chunks = [c.strip() for c in re.split(r"\s{2,}|\s[›‹»>]\s", text.strip()) if c.strip()]
    if len(chunks) < 2:
        return None
    first = _rule_role(chunks[0])  # "Partager sur  Facebook  WhatsApp  X": one share widget
    if first is not None:
        return first
    short = all(len(c.split()) <= 4 and not c.endswith((".", "!", "?")) for c in chunks)
    return OTHER if short else None


def _html_headlines(
    segs: Sequence[Seg], title: str | None, zones: Sequence[Zone | None]
) -> set[int]:
    """Headline segments known from the markup: title zone, ``h1``, copies of ``<title>``.

    A ``<title>`` often carries the site name ("Headline | Site", "Headline - Site"),
    so the part before the last separator is tried as well.
    """
    found = {i for i, z in enumerate(zones) if z is not None and z.zone == "title"}
    found |= {i for i, z in enumerate(zones) if z is not None and z.kind == "h1"}
    if title:
        wanted = {normalise(title)}
        wanted |= {normalise(re.split(r"\s[|–—-]\s(?!.*\s[|–—-]\s)", title)[0])}
        found |= {i for i, s in enumerate(segs[:50]) if normalise(s.text) in wanted - {""}}
    return found


_ZONE_ROLES = {"title": HEADLINE, "appeal": APPEAL, "comments": COMMENT_FORM, "page": OTHER}


def _form_label(text: str) -> bool:
    return deaccent(normalise(text)).rstrip(" *") in FORM_LABELS | {""}


def _fixed_roles(
    segs: Sequence[Seg],
    zones: Sequence[Zone | None],
    boilerplate: Sequence[bool],
    params: RoleParams = DEFAULT_PARAMS,
) -> list[str | None]:
    """Roles decided by a segment's own words, its block, repetition or HTML zone.

    ``None`` is left where only the whole page can tell (plain text, an HTML page's main zone).
    """
    roles: list[str | None] = []
    block: str | None = None
    button_para: int | None = None  # an appeal block opened by a button ends with its paragraph
    shut = False  # past a button inside a box its ask opened: a line after it must ask on
    teasers = False  # inside a list of teaser titles under a bare label
    rows = row_roles(segs)  # the parts of a button row the segmenter cut
    for i, seg in enumerate(segs):
        if i and blank_lines_after(segs[i - 1]) >= 2:  # HTML zone changes look like this too
            block = None
        if block == APPEAL and button_para is not None and seg.paragraph != button_para:
            block = button_para = None
        rule = rows[i] or (OTHER if line_credit(segs, i) else _rule_role(seg.text))
        if block == APPEAL and shut and rule != APPEAL and not _box_goes_on(seg.text):
            block, shut = None, False  # line by line: the button's paragraph may hold the footer
        rule = rule or residue_role(segs, i, roles[-1] if i else None, _after_label)
        teasers = rule is None and i > 0 and _teaser_title(segs[i - 1], seg, teasers, roles[-1])
        if teasers:
            rule = OTHER  # the titles listed under "Mehr zum Thema" carry no label themselves
        if block == APPEAL and rule in (OTHER, LINK_RESIDUE):
            block = button_para = None  # page chrome (tags, nav) after the box: the box ended
        elif rule is None and block == APPEAL and not shut and button_para is None:
            last = i == len(segs) - 1  # maybe cut mid-sentence (a copy saved whole hides the cut)
            shape = _after_ask(seg.text, last) if params.ask_ends else "box"
            shut = shape == "button"  # an ask's box before its button: its unnamed button?
            block = None if shape == "chrome" else block
        if rule in (APPEAL, COMMENT_FORM) and (block is None or rule == COMMENT_FORM):
            block, shut = rule, False
            if rule == APPEAL and not any(p.match(normalise(seg.text)) for p in APPEAL_STARTERS):
                button_para = seg.paragraph
                if len(seg.text.split()) <= BUTTON_WORDS:
                    _backfill_appeal(segs, roles, i)
        elif rule == APPEAL and block == APPEAL and params.button_ends and _closes_box(seg.text):
            shut = True  # the box's button: what follows is the box's only if it asks
        roles.append(_settled(rule, block, seg.text, boilerplate[i], zones[i]))
        if block == APPEAL and deaccent(normalise(seg.text)) in APPEAL_CLOSERS:
            block = None
    return roles


def _settled(rule: str | None, block: str | None, text: str, boilerplate: bool,
             zone: Zone | None) -> str | None:  # fmt: skip
    """A segment's fixed role: its rule's, its block's (in a comment section only a form's
    labels), boilerplate's, a copy note's or its HTML zone's; ``None``: the page decides."""
    if rule is not None:
        return rule
    if block is not None:
        return (COMMENT_FORM if _form_label(text) else None) if block == COMMENT_FORM else block
    if boilerplate or _copy_note(text):
        return APPEAL if boilerplate else OTHER
    if zone is not None and zone.zone != "main":
        return _ZONE_ROLES.get(zone.zone, OTHER)
    return None


def _backfill_appeal(segs: Sequence[Seg], roles: list[str | None], i: int) -> None:
    """An appeal button's paragraph is the appeal ("We're the Kyiv Independent..." + "Support us").

    Only in a small box of its own (pages without blank lines are one paragraph: the story must
    not go with it), and never above a box that closed earlier in it (round 30's widening bug).
    """
    para = [k for k in range(i) if segs[k].paragraph == segs[i].paragraph]
    if not para or len(para) > 6 or segs[0].paragraph == segs[-1].paragraph:
        return
    boxed = [k for k in para if roles[k] == APPEAL]
    for k in para[para.index(boxed[-1]) + 1 :] if boxed else para:
        if roles[k] is None:
            roles[k] = APPEAL


def menu_buttons(
    segs: Sequence[Seg], fixed: Sequence[str | None], params: RoleParams = DEFAULT_PARAMS
) -> list[str | None]:
    """A "Donate" / "Підтримати" button above the story is a menu item (``page_menu_buttons``)."""
    return _menu_buttons(segs, fixed, params, lambda text: _appeal_button(normalise(text)))


def assign_roles(
    segs: Sequence[Seg],
    *,
    title: str | None = None,
    zones: Sequence[Zone | None] | None = None,
    hashes: Sequence[str] | None = None,
    recurring: Collection[str] = (),
    langs: Sequence[str | None] | None = None,
    params: RoleParams = DEFAULT_PARAMS,
) -> list[str]:
    """The page role of every segment.

    ``zones`` (HTML only) say where each segment came from; ``hashes`` are the
    segments' text hashes and ``recurring`` the hashes that recur in other
    articles of the same outlet (boilerplate); ``langs`` the segments' detected
    languages (a short line in another language than the story is chrome).
    """
    if segment.DATELINE_SEGMENTS and len(joined := rejoined(segs)[0]) < len(segs):
        owner = rejoined(segs)[1]  # a cut dateline takes its lead's role (segment_dateline)
        hashes = [segment.text_hash(s.text) for s in joined] if hashes is not None else None
        return split_roles(segs, assign_roles(
            joined, title=title, zones=joined_values(zones, owner), hashes=hashes,
            recurring=recurring, langs=joined_values(langs, owner), params=params), owner)
    zones = list(zones) if zones is not None else [None] * len(segs)
    page_segs, segs = segs, lines_as_paragraphs(segs)
    boilerplate = [hashes is not None and hashes[i] in recurring for i in range(len(segs))]
    fixed = menu_buttons(segs, _fixed_roles(segs, zones, boilerplate, params), params)
    own = [r == APPEAL and _rule_role(s.text) is not None for s, r in zip(segs, fixed, strict=True)]
    fixed = story_resumes(segs, fixed, own, params)  # an appeal box inside the story
    headlines = {i for i in _html_headlines(segs, title, zones) if fixed[i] in (None, HEADLINE)}
    fixed = [None if r == HEADLINE else r for r in fixed]
    html = any(z is not None for z in zones)
    link_share = [z.link_share if z is not None else 0.0 for z in zones] if html else None
    roles = decide_page(segs, fixed, headlines=headlines, langs=langs, link_share=link_share,
                        params=params, header_segs=page_segs)  # fmt: skip
    roles = label_lines(segs, roles, params)  # flattened menus, widgets, captions
    out = correct_roles(page_segs, roles, fixed, langs=langs, link_share=link_share,
                        prompts=params.prompt_lines)  # role_model
    out = whole_runs(roles, out) if params.headline_runs else out
    return after_layer(segs, out, roles, fixed, params, langs)  # crossheads, title, cut tail
