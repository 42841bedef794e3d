"""Blocks of page chrome: lines and paragraphs that hold no story, judged as a whole.

Why a module of its own: ``core.page_evidence`` decides segment by segment;
these passes look at a whole printed line or paragraph (a footer line opened
by a copyright notice, a widget paragraph with a label of chrome, an ad
paragraph naming a web address) and hand back the segments that are chrome
because of the block they sit in.  Like the rest of the page evidence they use
shape, position and lexical cohesion with the story, not a site's vocabulary.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from workbench.core.page_ad_mark import story_past_ad
from workbench.core.page_lines import others_cohesion
from workbench.core.page_shapes import (
    _ADDRESS,
    _WORD,
    ADDRESS_COHESION,
    RoleParams,
    Shape,
    _story_stems,
    chrome_shape,
    cohesion,
    is_metadata,
    label_led,
)
from workbench.core.segment import Seg


def chrome_led(
    segs: Sequence[Seg], sh: Sequence[Shape], fixed: Sequence[str | None],
    prose: Sequence[int], heads: Collection[int], p: RoleParams,
) -> frozenset[int]:  # fmt: skip
    """Sentences off the story's topic on a line that page chrome opens.

    "Copyright 2026 BBC. All rights reserved. The BBC is not responsible for the
    content of external sites.": the line is one footer, however long and
    well-formed its sentences.  A line holding an on-topic story sentence is story
    whatever opens it (a dateline "РИМ, 30 ноября. /ТАСС/. Более 4 тыс. …", a credit
    "Photo: Reuters. Rescuers searched …"); the topic is the headline's and the
    other lines' words.
    """
    starts, head = [], 0
    for i in range(len(segs)):
        head = i if sh[i].starts_line else head
        starts.append(head)

    others = others_cohesion(sh, heads, prose, starts)  # heads and the other lines' prose

    def off_topic(i: int) -> bool:
        c = others(i)
        return c is None or c < p.cohesion

    found: set[int] = set()
    for i in range(len(segs)):
        head = starts[i]
        if fixed[i] is not None or head == i or not off_topic(i):
            continue
        if fixed[head] is None and not chrome_shape(segs[head].text, sh[head], p):
            continue
        line = [k for k in prose if starts[k] == head]
        if all(off_topic(k) for k in line):
            found.add(i)
    return frozenset(found)


def chrome_paragraphs(
    segs: Sequence[Seg], sh: Sequence[Shape], fixed: Sequence[str | None],
    prose: Collection[int], p: RoleParams, heads: Collection[int] = (),
) -> frozenset[int]:  # fmt: skip
    """Paragraphs holding page chrome and no story sentence: widgets, not copy.

    On a page set in paragraphs (blank lines between blocks), a block with a
    label of chrome ("Anzeige", "Tags: …", "Latest news" and its items) and no
    prose sentence is one widget, so its other lines ("Winterjacken bis zu 60 %
    reduziert", "All rights reserved.") are chrome too.  A crosshead or a short
    closing sentence in a block of its own has no chrome beside it.
    """
    paras: dict[int, list[int]] = {}
    for k, seg in enumerate(segs):
        paras.setdefault(seg.paragraph, []).append(k)
    if len(paras) < 3:
        return frozenset()
    found = set()
    story = _story_stems(sh, [*prose, *heads])

    def told(k: int) -> bool:  # a sentence on the story's topic ("Рятувальники евакуювали …")
        sentence = sh[k].terminal and sh[k].words >= 3 and sh[k].lower >= 0.3
        return fixed[k] is None and sentence and (cohesion(sh[k], story) or 0.0) >= p.cohesion

    for number, members in paras.items():
        if any(k in prose or told(k) for k in members):
            continue
        if any(fixed[k] is not None or chrome_shape(segs[k].text, sh[k], p) for k in members):
            found.add(number)
    return frozenset(found)


#: The attribution closing an embedded social post: "— MFA Kazakhstan (@MFA_KZ) November 29, 2026".
_EMBED_BYLINE = re.compile(r"^[—–-]\s*\S.{0,60}\(@\w{2,}\)\s.{0,40}\d{4}$")


#: A quotation of four words or more: someone's words, reported.
_SPEECH = re.compile(r"[\"“«„]\s*\w+(?:\W+\w+){3,}[^\"“”«»„]*[\"”»“]")


def ad_paragraphs(
    segs: Sequence[Seg], sh: Sequence[Shape], fixed: Sequence[str | None], prose: Sequence[int],
    heads: Collection[int],
) -> frozenset[int]:  # fmt: skip
    """A paragraph naming a web address whose sentences are all off the story's topic.

    "3rd party Ad. Not an offer or recommendation by Investing.com. See disclosure
    here or remove ads." between two story paragraphs: an ad's disclaimer reads
    like prose, but shares no word with the story and names the site.  A post
    embedded in the story (its text, "pic.twitter.com/…", "— Name (@handle) date")
    names an address too, and its language may not be the story's: it stays.
    """
    paras: dict[int, list[int]] = {}
    for k, seg in enumerate(segs):
        paras.setdefault(seg.paragraph, []).append(k)
    if len(paras) < 3:
        return frozenset()
    found: set[int] = set()
    for members in paras.values():
        if any(_EMBED_BYLINE.match(segs[k].text.strip()) for k in members):
            continue  # an embedded post: a quotation in the story, in whatever language
        if any(_SPEECH.search(segs[k].text) for k in members):
            continue  # reported speech ("…," an analyst told Moldova.org.): ads quote no one
        others = [*heads, *(k for k in prose if k not in members)]
        story = _story_stems(sh, others)
        if any(_ADDRESS.search(segs[k].text) for k in members):
            if all((cohesion(sh[k], story) or 0.0) < ADDRESS_COHESION for k in members):
                found |= set(members)
        elif any(fixed[k] in ("other", "link_residue") for k in members):
            mine = [k for k in members if k in prose]  # a sign-up pitch beside its button
            if mine and all(len(sh[k].stems) >= 3 and cohesion(sh[k], story) == 0 for k in mine):
                found |= set(mine)
    return frozenset(found)


def closing_box(
    segs: Sequence[Seg], sh: Sequence[Shape], fixed: Sequence[str | None], prose: Sequence[int],
    heads: Collection[int], p: RoleParams, langs: Sequence[str | None] | None = None,
) -> frozenset[int]:  # fmt: skip
    """The story's last paragraph when it is a box about the author or the copy (``_box``).

    With ``p.ad_story`` a box holding an ad slot's label that the story goes on past (prose
    in the story's language right under it, ``page_ad_mark``) is the story's, not a box.
    """
    box = _box(segs, sh, fixed, prose, heads, p)
    if box and p.ad_story and story_past_ad(box, prose, segs, langs):
        return frozenset()
    return box


def _box(
    segs: Sequence[Seg], sh: Sequence[Shape], fixed: Sequence[str | None], prose: Sequence[int],
    heads: Collection[int], p: RoleParams,
) -> frozenset[int]:  # fmt: skip
    """The story's last paragraph when it is a box about the author or the copy, not story.

    Below the story a bio or a rights notice reads like prose, but its paragraph
    is opened by a line that is no story ("Олена Чебан" / "Журналістка …. Пише
    про …", "© 2026 AFP" / "This document is subject to copyright. …"), or by
    the name the byline above the story gave ("Von Jonas Reimer" … "Jonas Reimer
    ist Referent im …") when the story itself never tells that name: "Dublin Airport
    advised …" after "… due to land at Dublin Airport", "Das Bundesgericht kommt …"
    after a deck opening "Das Bundesgericht heisst …" go on with the story's subject
    (``RoleParams.bio_name_untold``).  Only the last of several story paragraphs is judged:
    a name line with a post under it in the middle of the story is an embed.  A
    crosshead ("Ursache noch unklar", "Background:") or a short sentence opening
    the last paragraph is story: the opening line must be chrome by its shape or a
    phrase rule, or a bare name (two to four capitalised words).
    """
    if len(prose) < 3:
        return frozenset()
    para = segs[prose[-1]].paragraph
    members = [k for k in prose if segs[k].paragraph == para]
    if len(members) == len(prose):
        return frozenset()
    opener = next(k for k in range(len(segs)) if segs[k].paragraph == para)
    box = frozenset(k for k in range(opener, len(segs)) if segs[k].paragraph == para)
    told = [*prose, *heads]
    if opener < members[0] and opener not in heads:
        if _box_opener(opener, segs, sh, fixed, told, p):
            return box
    first = segs[members[0]].text.split()
    name = first[:2]
    if len(name) < 2 or not all(w[:1].isupper() and not w.isupper() for w in name):
        return frozenset()
    said = " ".join(name).casefold()
    above = [k for k in range(prose[0]) if k not in prose and k not in heads]
    if not any(said in segs[k].text.casefold() for k in above):
        return frozenset()
    story = [k for k in told if k not in box]
    if p.bio_name_untold and any(said in segs[k].text.casefold() for k in story):
        return frozenset()  # the story told that name: its subject, not the author
    return box


def _box_opener(
    k: int, segs: Sequence[Seg], sh: Sequence[Shape], fixed: Sequence[str | None],
    told: Collection[int], p: RoleParams,
) -> bool:  # fmt: skip
    """A line of chrome, or a bare name the story never tells, opening a paragraph.

    "© 2026 AFP", "Олена Чебан", "Janneke Wolters  Janneke Wolters covers …" above a
    bio; "Mayor Anna Berg" above "…, Anna Berg said" is a crosshead: the story
    (``told``: its sentences and headline) names her.  A time or update stamp ("UPD
    10:05.", "Оновлено о 12:20") heads an update of the story or an entry, not a box.
    """
    text = segs[k].text.strip()
    if is_metadata(text) and not chrome_shape(text, sh[k], p, stamps=False):
        return False
    if fixed[k] is not None or chrome_shape(segs[k].text, sh[k], p) or label_led(segs[k].text):
        return True  # chrome by a phrase rule, its shape, or a label-and-blurb box line
    name = 2 <= sh[k].words <= 4 and sh[k].caps == 1.0 and not sh[k].terminal
    if not name or text.endswith(":") or _QUOTED.match(text):
        return False
    words = {w.casefold() for w in _WORD.findall(text)}
    return not any(words & {w.casefold() for w in _WORD.findall(segs[j].text)} for j in told)


#: A quoted crosshead ("„Schlag ins Gesicht“") is the story's.
_QUOTED = re.compile(r"^[\"“„«»‚‘']")


#: A line that is one quotation and nothing else: "»Alle drei Satelliten …«", "“We are …”".
_WHOLE_QUOTE = re.compile(r"^[\"“„«»‹›‚‘']\s*(.+?)[\s.,!?…]*[\"”“«»‹›’']$")


def pull_quotes(segs: Sequence[Seg], sh: Sequence[Shape]) -> frozenset[int]:
    """A quotation printed again, on a line of its own, beside the story: a pull quote.

    Sites lift a speaker's words out of a story sentence and set them large
    between paragraphs ("“We are simply not coming up …”" / "Oleh Sydorenko,
    trade union head"); the sentence that tells them stays in the story.  The
    test is the repetition: the quoted words, four or more, stand inside a
    longer segment of the same page.  The name line under the quote goes with it.
    """
    words = [_plain(seg.text) for seg in segs]
    found: set[int] = set()
    for i, seg in enumerate(segs):
        match = _WHOLE_QUOTE.match(seg.text.strip())
        if not match or not (sh[i].starts_line and sh[i].ends_line):
            continue
        inner = _plain(match.group(1))
        if len(inner.split()) < 4:
            continue
        told = [w for j, w in enumerate(words) if j != i and len(w) > len(inner)]
        if not any(inner in w for w in told):
            continue
        found.add(i)
        k = i + 1
        if k < len(segs) and segs[k].paragraph == seg.paragraph and _attribution(segs[k], sh[k]):
            found.add(k)
    return frozenset(found)


def _plain(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _attribution(seg: Seg, shape: Shape) -> bool:
    """ "Oleh Sydorenko, trade union head": a name line, short and unfinished."""
    short = 2 <= shape.words <= 8 and not shape.terminal and shape.starts_line
    return short and seg.text[:1].isupper()
