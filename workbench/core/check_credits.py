"""A name a row writes only as a credit: provenance of the copy, not a fact of the story.

Why: wire copies credit their agency and photographers in many places — a dateline's bracket
("Altmünzing (APA) – Das Hallenbad …", "BUCHAREST (Reuters) -"), a sign-off bracket at a
segment's end ("… Stellung nehmen. (APA)"), a photo credit ("Foto: APA/Manfred Stögmüller",
"Фото: Укрінформ"), a byline stamp ("22. Jänner 2028, 18:05 Uhr APA").  A rewrite drops
them, another copy prints another agency; the flag gold has called each such token false
or ``either`` since its first batches ('Bukarest (dpa)', 'Altmünzing (APA) –').  Round 44's
dev census (docs/align.md "Round 44 (flags44)"): of 10 false dev tokens one is an agency
(b148's 'APA', a dateline opening the lead glued to a headline), and every true token that
names an outlet ('UNN', 'Reuters', 'OC Media', 'IntraFish', 'РБК-Україна', 'SWR',
"L'Équipe", 'OZ-Informationen') is told *inside* a sentence ("UNN reports", "told OC
Media"): an attribution, which stays a name.

So the rule reads the *position*, never a list of agencies: a name a side flags that its row
writes only in credit positions of its segments is no flag.  A credit position is

* a dateline opening a segment (capitalised place words, the credit in brackets, a dash:
  ``check_datelines``' shape, "Altmünzing (APA) – ") or a bracket of one to three short
  words (slash or comma between, no figure) after a sentence's end that ends its segment
  ("… Stellung nehmen. (APA)");
* the words after a credit label ("Foto:", "Bild:", "Quelle:", "©", "Photo:", "Source:",
  "Фото:", "Джерело:", "Источник:", "Crédit :") to the segment's end, at most six words;
* a stamp segment: at most eight words, a clock time or a date in it, no sentence end; the
  words after the last figure ("18:05 Uhr APA").

A bracket mid-sentence ("Huber (SPÖ) sagte …", "… sagte Huber (SPÖ).") is no credit; nor is a
name the row also writes outside credits.  ``CREDIT_NAMES`` (off) is the switch
(``flags_cv.py --switch credit_names | flags44``).
"""

from __future__ import annotations

import re
from collections import Counter

from workbench.core.anchors import WORD_RE
from workbench.core.check_datelines import _DATELINE
from workbench.core.check_nouns import SEGMENT_BREAK

#: Switch (round 44, flags44): off — see the module docstring and docs/align.md.
CREDIT_NAMES = False

Found = dict[str, list[str]]

#: Most words a credit label's tail or a stamp's credit may hold.
LABEL_WORDS = 6
STAMP_WORDS = 8

_SHORT = r"[^\W\d_][\w.'’&-]{0,14}"
#: A sign-off bracket: one to three short words (no figure) after a sentence's end (or alone),
#: ending the segment ("… Stellung nehmen. (APA)", "(dpa/lby)").
_BRACKET = re.compile(
    rf"(?:^|(?<=[.!?…\"'»”“]))\s*\((?:{_SHORT})(?:\s?[/,]\s?{_SHORT}){{0,2}}\)\s*$"
)
_SLASHES = re.compile(rf"/(?:{_SHORT})(?:/{_SHORT}){{0,2}}/(?=\.?\s|$)")  # "/ТАСС/."
_LABEL = re.compile(
    r"(?:^|(?<=[\s.!?…]))(?:Foto|Fotos|Bild|Bilder|Quelle|Photo|Photos|Source|Credit|Crédit"
    r"|Фото|Джерело|Источник|Світлина)\s?:\s*|©\s*",
    re.IGNORECASE,
)
#: A stamp's clock time or full date ("18:05", "23.01.2028", "22. Jänner 2028").
_FIGURE = re.compile(
    r"\b\d{1,2}:\d{2}\b|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b|\b\d{1,2}\.?\s[^\W\d_]+\s\d{4}\b"
)
#: Most words a stamp's credit after its time or date may hold ("Uhr APA").
STAMP_TAIL = 3
_SENTENCE_END = re.compile(r"(?<=[^\W\d_])[.!?…][\"'»”“’)]*\s+[^\W\d_]")


def _spans(segment: str) -> list[tuple[int, int]]:
    """The character spans of ``segment`` that are credit positions."""
    spans = [m.span() for m in _BRACKET.finditer(segment)]
    dateline = _DATELINE.match(segment)  # "Altmünzing (APA) – ": capitalised words only
    if dateline:
        spans.append(dateline.span())
    spans += [m.span() for m in _SLASHES.finditer(segment)]
    labels = list(_LABEL.finditer(segment))
    label = labels[-1] if labels else None
    if label is not None and len(segment[label.end():].split()) <= LABEL_WORDS:
        spans.append((label.end(), len(segment)))
    if _stamp(segment):
        last = list(_FIGURE.finditer(segment))[-1]
        if len(segment[last.end():].split()) <= STAMP_TAIL:
            spans.append((last.end(), len(segment)))
    return spans


def _stamp(segment: str) -> bool:
    """A byline's stamp: a few words, a clock time or a date, no sentence end inside it."""
    words = segment.split()
    return (0 < len(words) <= STAMP_WORDS and _FIGURE.search(segment) is not None
            and not _SENTENCE_END.search(segment) and not segment.rstrip().endswith((".", "!", "?"))
            )  # fmt: skip


def credit_words(row: str) -> frozenset[str]:
    """The words ``row`` writes only in credit positions of its segments."""
    inside: Counter[str] = Counter()
    outside: Counter[str] = Counter()
    for segment in row.split(SEGMENT_BREAK):
        spans = _spans(segment)
        for match in WORD_RE.finditer(segment):
            held = any(a <= match.start() and match.end() <= b for a, b in spans)
            (inside if held else outside)[match.group(0)] += 1
    return frozenset(w for w in inside if not outside[w])


def without_credits(found: Found, rows: tuple[str, str]) -> Found:
    """``found`` less each side's names its row writes only as credits (unchanged when off)."""
    if not CREDIT_NAMES or not found:
        return found
    out: Found = {}
    for side, row in zip(("left_only", "right_only"), rows, strict=True):
        words = credit_words(row) if found.get(side) else frozenset()
        kept = [t for t in found.get(side, []) if t not in words]
        if kept:
            out[side] = kept
    return out
