"""Where the story's prose runs: its sentences, and a site's banner peeled off above it.

Why a module of its own: the story's sentences are the page evidence everything else
is measured against (``core.page_evidence.decide_page``), and the test that peels a
consent or paywall banner off the top of them needs a counterweight.  A banner speaks
as the site ("Wir und unsere Partner …", "Sie können derStandard.at mit Werbung …") and
shares no words with the story; but a site's own notice that *is* the story speaks the
same way ("Unser Lieferant … hat uns über einen Rückruf … informiert.", "Haben Sie einen
Insulin-Pen vom Typ …?"), and its sentences may share no word with the rest of a short
page either.  What tells them apart is position, not vocabulary: a banner is printed
apart from the story (its buttons, the navigation and the title come between), while
a notice's first sentences run straight into the story's, sentence after sentence with
no other line between them (``lead_run``).  Its close speaks the same way ("Wir bedauern
die Unannehmlichkeiten und danken für Ihr Verständnis.") and runs on from its last sentence
the same way (``tail_run``, round 19).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from workbench.core.page_cut import continues_story
from workbench.core.page_shapes import (
    ADDRESS_COHESION,
    RoleParams,
    Shape,
    _story_stems,
    cohesion,
    is_prose,
    label_led,
)
from workbench.core.page_tail import site_voice
from workbench.core.segment import Seg, blank_lines_after


def prose_indices(segs: Sequence[Seg], sh: Sequence[Shape], open_: Sequence[int], p: RoleParams):
    """The story's prose sentences; on tiny pages any full sentence of 3+ words.

    The page's last line may be a sentence cut off by the capture, but only where
    it continues the story: right after a prose sentence (a teaser title ending a
    page is no story, and taking it would carry the story's end over the footer).
    Sentences peeled off the top as a banner come back when they run straight into
    the story's first kept sentence (``lead_run``, ``p.notice_lead``).
    """
    last = open_[-1] if open_ else -1
    cut = last >= 0 and (last == 0 or last - 1 in open_ and is_prose(sh[last - 1], False, p))
    prose = [i for i in open_ if is_prose(sh[i], i == last and cut, p)]
    if prose and last not in prose and continues_story(last, segs, sh, open_, prose, p):
        prose.append(last)  # a sentence the capture cut off
    if not prose:
        prose = [i for i in open_ if sh[i].terminal and sh[i].words >= 3]
    prose = prose[:1] + [i for i in prose[1:] if not label_led(segs[i].text)]
    dropped: set[int] = set()
    while len(prose) >= 3:
        page = _story_stems(sh, [i for i in open_ if i != prose[0] and i not in dropped])
        alone = len(sh[prose[0]].stems) >= 3 and not sh[prose[0]].stems & page
        if not (alone or consent(prose[0], prose, segs, sh)):
            break
        dropped.add(prose[0])  # shares no word with the page: a cookie or consent notice
        prose = prose[1:]
    if p.notice_lead and prose:
        voiced = speaks_as_site(segs, prose[1:])
        prose = sorted(dropped & lead_run(prose[0], voiced, sh, open_)) + prose
    return prose


def consent(i: int, prose: Sequence[int], segs: Sequence[Seg], sh: Sequence[Shape]) -> bool:
    """The site talking above the story, off its topic: a consent or paywall banner.

    "Sie können derStandard.at mit Werbung … oder unser PUR-Abo …", "Мы и наши
    партнеры используем файлы cookie": first or second person, sharing less than a
    third of its content words with the story's other sentences.
    """
    if not site_voice(segs[i].text):
        return False
    told = [k for k in prose if k != i and not site_voice(segs[k].text)]  # the banner's
    c = cohesion(sh[i], _story_stems(sh, told))  # other sentences do not vouch for it
    return c is None or c < ADDRESS_COHESION


def told_sentences(
    prose: Sequence[int], segs: Sequence[Seg], sh: Sequence[Shape], p: RoleParams
) -> list[int]:
    """The story's sentences a title is measured against: those not in the site's voice.

    The site's own sentences ("Ukrainska Pravda is the place where you will find …") name
    the site, not the story: a site-name line above the title shares their words.

    With ``p.notice_lead``, a notice that is the story keeps its lead: the site-voice
    sentences running straight into the first of the others (``lead_run``).  Without
    them a retailer's menu line ("Marktsuche Mein Frischkauf") shares more words with
    the rest than its notice's title does ("Kundeninformation: Rückruf „Sennhof …“").
    Site-voice sentences further down are left out (taking them made a rail operator's
    menu row its strike notice's title on two dev pages).
    """
    told = [i for i in prose if not site_voice(segs[i].text)]
    if p.notice_lead and told:
        lead = lead_run(told[0], True, sh, prose)
        told = sorted({*told, *lead})
    return told or list(prose)


def speaks_as_site(segs: Sequence[Seg], story: Sequence[int]) -> bool:
    """Whether one of the story's sentences says "we" or "you" outside quotation marks."""
    return any(site_voice(segs[k].text) for k in story)


def lead_run(first: int, voiced: bool, sh: Sequence[Shape], among: Collection[int]) -> set[int]:
    """The sentences of ``among`` printed straight above the story's first sentence.

    Only where the story itself speaks as the site further down (``voiced``: one of
    its other sentences says "we" or "you" outside quotation marks, as a retailer's
    recall notice does, ``speaks_as_site``);
    a video player's "Votre navigateur ne supporte pas la lecture de cette vidéo."
    above a story told in the third person stays chrome.  Walking up from the first
    sentence, every segment until the first that is not one must be a sentence (ends
    like one, three words or more; codes and dates may fill it) from ``among``: a
    notice's opening runs into its story line by line; a banner is parted from the
    story by its buttons, the navigation or the title.
    """
    out: set[int] = set()
    if not voiced:
        return out
    k = first - 1
    while k >= 0 and k in among and _sentence(sh[k]):
        out.add(k)
        k -= 1
    return out


def _sentence(shape: Shape) -> bool:
    return shape.terminal and shape.words >= 3


def tail_run(kept: Sequence[int], dropped: Sequence[int], segs: Sequence[Seg],
             sh: Sequence[Shape]) -> list[int]:  # fmt: skip
    """The footer sentences (``dropped``, in order) that run on from a notice's last sentence.

    Only where the story kept (``kept``) itself speaks as the site (``speaks_as_site``: a
    retailer's "Den Artikel haben wir umgehend … entfernt", "unsere Verbraucherhotline"):
    then its closing "Wir bedauern die Unannehmlichkeiten …" is the notice's own.  Walking
    down from the last kept sentence, every segment up to it must be a sentence (ends like
    one, three words or more; a short one the prose test passed over, "Sie brauchen dafür kein
    neues Rezept.", counts), each printed with no blank line before it: a site's box below a
    story told in the third person, or one parted from it by a break or a label, stays out.
    """
    out: list[int] = []
    if not kept or not speaks_as_site(segs, kept):
        return out
    prev = kept[-1]
    for k in dropped:
        run = range(prev + 1, k + 1)
        if not all(_sentence(sh[j]) and _joined(segs, j - 1, j) for j in run):
            break
        out.append(k)
        prev = k
    return out


def _joined(segs: Sequence[Seg], a: int, b: int) -> bool:
    """Whether segment ``b`` is printed right under ``a`` (its paragraph, or no blank line)."""
    return segs[a].paragraph == segs[b].paragraph or blank_lines_after(segs[a]) == 0


def story_lang(prose: Sequence[int], langs: Sequence[str | None] | None) -> str | None:
    """The language most of the story's prose is in (first of equals), or None unknown.

    A short unterminated line in another language then reads as the site's, not the story's.
    """
    counts: dict[str, int] = {}
    for i in prose:
        if langs is not None and langs[i]:
            counts[langs[i] or ""] = counts.get(langs[i] or "", 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None
