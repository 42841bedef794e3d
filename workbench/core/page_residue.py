"""Link residue a segment's own words do not show: a label the capture cut, a teaser's tail.

Why: two shapes of "Read more" lines reach no phrase rule.

* The capture keeps a fixed number of bytes, so a page may stop inside a label
  ("Вас може з", "Читайте", "Новости по", "Комен"; dev batches 5, 13, 18 and 19,
  four writers).  When the cut line is the start of labels that all have one role,
  it has that role.
* A teaser opened by a label keeps its title on the label's line, but a full stop
  inside the title ("Lire aussi Reportage. En Russie, les régions …", "Читайте также:
  «Белые списки» вместо интернета. Как живут регионы …") splits it into two segments;
  the label guide makes the whole teaser ``link_residue``.

And two shapes of a share bar and a credit whose words alone mislead:

* A row of network names alone ("Facebook X Email") is a follow bar unless it sits on
  the line under a share label ("Share this story"): then it is the share bar's targets
  (``link_residue`` in dev batches 31 and 35; no dev page labels such a row otherwise).
* "Quelle: Patrick Pleul/dpa" after a caption on the caption's line is the photo's
  credit, ``other`` like "Foto: …" there (dev batches 16 and 19; 44 credit segments of
  this shape in 25 batches, all ``other``); at a line's start a source line stays residue.

And a line that sends the reader to a link in a sentence of its own ("Mehr Nachrichten aus
Freilassing lesen Sie hier.", "… можна ознайомитися за посиланням.") is the link's residue
(dev batches 27 and 37; no dev story sentence ends so: "з посиланням на" cites a source).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from workbench.core.page_cut import capture_cut
from workbench.core.page_widgets import button_kind, network_row
from workbench.core.role_phrases import (
    CHROME_LABELS,
    COMMENT_STARTERS,
    LINK_RESIDUE_PATTERNS,
    LINK_RESIDUE_PHRASES,
    TEASER_PHRASES,
    deaccent,
)
from workbench.core.segment import Seg

LINK_RESIDUE, COMMENT_FORM, OTHER = "link_residue", "comment_form", "other"
#: Labels by role; a cut line that starts labels of two roles ("Artikel": "Artikel
#: teilen", "Artikel kommentieren", "Artikel anhören") or only chrome labels ("Se
#: connect") is left to the page evidence and to the block it sits in.
_LABELS = (
    (LINK_RESIDUE, LINK_RESIDUE_PHRASES | TEASER_PHRASES),
    (COMMENT_FORM, COMMENT_STARTERS),
    (OTHER, CHROME_LABELS),
)
#: A cut label keeps this many letters at least ("So", "Ко" start too many words).  Dev
#: cut pages label the same with 3, 4 or 5 (2 takes a cut story word "So", 6 loses
#: "Комен"); the middle one is kept, so leaving one batch out picks it in every fold.
CUT_LETTERS = 4
#: A teaser title on the label's line has at most this many words.
TAIL_WORDS = 20


def cut_label(text: str) -> str | None:
    """The box role of the labels ``text`` is the cut-off start of, when they agree."""
    plain = deaccent(" ".join(text.casefold().split()))
    if sum(ch.isalpha() for ch in plain) < CUT_LETTERS:
        return None
    roles = {role for role, labels in _LABELS for label in labels
             if label.startswith(plain) and label != plain}  # fmt: skip
    return roles.pop() if len(roles) == 1 and OTHER not in roles else None


def residue_role(
    segs: Sequence[Seg], i: int, prev_role: str | None, label_rest: Callable[[str], str | None]
) -> str | None:
    """``link_residue`` or another box role for segment ``i`` by its place, else ``None``.

    ``prev_role`` is the role decided for the segment before; ``label_rest`` gives what
    follows a teaser label at the start of a text (``None``: no label).
    """
    seg = segs[i]
    if SHARE_TARGETS and _under_share_label(segs, i, prev_role):
        return LINK_RESIDUE
    if POINTERS and _whole_line(segs, i) and pointer(seg.text):
        return LINK_RESIDUE
    if i == len(segs) - 1 and capture_cut(segs):
        role = cut_label(seg.text)
        if role is not None:
            return role
    if i == 0 or prev_role != LINK_RESIDUE or re.search(r"[\r\n]", segs[i - 1].separator):
        return None
    rest = label_rest(segs[i - 1].text)
    ends_line = i == len(segs) - 1 or re.search(r"[\r\n]", seg.separator)
    title = len(seg.text.split()) <= TAIL_WORDS and not seg.text.rstrip().endswith((".", "…"))
    return LINK_RESIDUE if rest and ends_line and title else None


#: Network names under a share label are its targets (``benchmarks/role_bars_cv.py``).
SHARE_TARGETS = True
#: A line that sends the reader to a link is residue (``benchmarks/role_bars_cv.py``).
POINTERS = True
#: A pointer is at most this many words long.
POINTER_WORDS = 25
_POINTER = re.compile(
    r"(\b(lesen|finden|sehen|horen|erfahren) sie (hier|unter|auf)\b.*|\bhier (nach|weiter)?lesen"
    r"|\b(read|find|see|watch|listen to)\b.*\bhere|\b(lire|lisez|retrouvez|consultez)\b.*\bici"
    r"|\b(ознайом|детальн)\w*\b.*\bза посиланням|\b(ознаком|подробн)\w*\b.*\bпо ссылке)[.!]?$"
)
#: A source line after a caption on its line is a credit (``benchmarks/role_bars_cv.py``).
LINE_CREDITS = True
_SOURCE = LINK_RESIDUE_PATTERNS[1]  # "Quelle: dpa", "Source : TF1", "Джерело: …"
_SHARE_NOUN = LINK_RESIDUE_PATTERNS[3]  # "Share this story", "Partager cet article"
_BREAK = re.compile(r"[\r\n]")


def _whole_line(segs: Sequence[Seg], i: int) -> bool:
    starts = i == 0 or bool(_BREAK.search(segs[i - 1].separator))
    return starts and (i == len(segs) - 1 or bool(_BREAK.search(segs[i].separator)))


def _under_share_label(segs: Sequence[Seg], i: int, prev_role: str | None) -> bool:
    """A line of network names right under a share label (or such a line under one)."""
    if i == 0 or prev_role != LINK_RESIDUE or not _whole_line(segs, i):
        return False
    prev = segs[i - 1].text
    return network_row(segs[i].text) and (share_label(prev) or network_row(prev))


def share_label(text: str) -> bool:
    """A share button or label on its own ("Share this story", "Teilen", "Поділитися")."""
    plain = deaccent(" ".join(text.casefold().split()).strip(" .:!?…"))
    return button_kind(text) == LINK_RESIDUE or bool(_SHARE_NOUN.match(plain))


def pointer(text: str) -> bool:
    """A line that sends the reader to a link: "Mehr Nachrichten aus Freilassing lesen Sie
    hier.", "Детальніше з текстом постанови … можна ознайомитися за посиланням."."""
    plain = deaccent(" ".join(text.casefold().split()))
    return len(plain.split()) <= POINTER_WORDS and bool(_POINTER.search(plain))


def line_credit(segs: Sequence[Seg], i: int) -> bool:
    """A source line that ends a caption's line: the picture's credit, not the story's."""
    if not LINE_CREDITS or i == 0 or _BREAK.search(segs[i - 1].separator):
        return False
    ends = i == len(segs) - 1 or bool(_BREAK.search(segs[i].separator))
    text = " ".join(segs[i].text.casefold().split()).strip(" .:!?…,;-–—\"'«»„“”")
    return ends and bool(_SOURCE.match(deaccent(text)))  # "(Quelle: …)" is left as it was
