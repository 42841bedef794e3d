"""Sentence ends inside quotation marks, which the sentence splitter does not cut.

Why: ``sentencex`` never cuts between a pair of quotation marks, so a quote of two
sentences ('"Brigades have worked since the night. We expect traffic back by evening," he
said.') stays one segment while the other copy of the story (and the gold) has two; no
alignment of the segments can then return the two beads (round 20: 14 of the 65 missed
dev translation beads, in seven batches).

How: the splitter is run once more on the piece with every quotation mark blanked
(``« » „ “ ” " ‹ ›`` become spaces: same length, so offsets hold; the single marks ``‘ ’ ‚ '``
too, unless they stand between two letters or digits, an apostrophe or a unit: round 26,
batch 65's "'This is not about money. This is revenge …', she said."), which lets its own
language-aware abbreviation rules find the sentence ends inside the quote.  A cut it finds
there is kept only if the shape says a sentence ends (not a phrase list):

* the text before ends in ``.``, ``!`` or ``?`` (an ellipsis is not an end: "Wait… we");
* the text after opens with a capital letter, or a dash and a capital (a dialogue turn);
* the quoted words on each side of the cut (from the last quotation mark before it, up to
  the first one after it) number at least ``MIN_WORDS``, so short quoted titles and
  exclamations ('He said "Stop! Now." and left.') stay whole; a mark between two digits
  (44'12"6) is a unit, not a quotation mark;
* the word before the stop is not an abbreviation of the content-language registry
  (decimals never reach here: the splitter cuts only at a space).

A quote of one sentence is never cut: there is no inner sentence end to find.

On since round 26 (``SPLIT_QUOTES``).  Rounds 20, 21 and 25 kept it off: dev beads gained by
leave one batch out, but batch 17's true flags 8.4 / 8.6 were lost.  Round 21 found why: one
more sentence moves every sentence's chance level (``align_views.far_starts`` samples the
other side by index), a 1-2 link is doubted and its core 1-1 is chosen on length cost over
the words.  Round 26 fixed that in the aligner as a general rule
(``AlignParams.core_by_evidence``: a core whose words are better on both evidence features
wins over the likeliest), and with it the cut keeps every dev true flag (docs/align.md,
"Round 26 (seg26)").
"""

from __future__ import annotations

import re

import sentencex

from workbench.core.languages import fold_word
from workbench.core.languages import get as get_language

QUOTES = '«»„“”"‹›'
_BLANK = str.maketrans({mark: " " for mark in QUOTES})
#: Single quotation marks (English '…' and ‘…’, German ‚…‘): a quotation mark only where it
#: does not stand between two letters or digits (there it is an apostrophe, "don't",
#: "м’яч", "l'équipe", or a unit, 44'12).
SINGLE_QUOTES = "‘’‚'"

#: Fewest words on each side of a cut inside a quote (a word: a run of letters or digits).
MIN_WORDS = 3
#: Most cuts kept in one piece (0: no limit).  A piece whose quote holds more
#: sentences than this plus one stays whole: at 1 a quote of two sentences is cut and a longer
#: statement quoted as one block (which the dev writers keep as one sentence) is not; round 21
#: counted it on the dev cuts only (docs/align.md), no leave-one-batch-out yet.
MAX_CUTS = 0
#: On since round 26 (with ``AlignParams.core_by_evidence``); off only to measure against (an
#: ``align_pairs.py --cache`` built with it off is the other cache of ``align_pairs_cv.py``).
SPLIT_QUOTES = True

_WORD = re.compile(r"[^\W_]+")
_SINGLE = re.compile(r"(?<![^\W_])[" + SINGLE_QUOTES + r"]|[" + SINGLE_QUOTES + r"](?![^\W_])")
_MARK = re.compile(
    r"(?<!\d)[" + re.escape(QUOTES) + r"]|[" + re.escape(QUOTES) + r"](?!\d)"
    r"|" + _SINGLE.pattern
)
_ALL = re.escape(QUOTES) + SINGLE_QUOTES
_END = re.compile(r"(?<![.…])([^\W\d_]*)[.!?][" + _ALL + r")\]]*\s*$")
_OPENS = re.compile(r"^[\s" + _ALL + r"]*(?:[-–—]\s+)?([^\W\d_])")


def has_quote(text: str) -> bool:
    """Whether ``text`` holds a quotation mark of any style (an apostrophe is none)."""
    return any(mark in text for mark in QUOTES) or _SINGLE.search(text) is not None


def _blanked(piece: str) -> str:
    """``piece`` with every quotation mark a space (same length, so offsets hold); an
    apostrophe stays, so the splitter still reads "don't" as one word."""
    return _SINGLE.sub(" ", piece.translate(_BLANK))


def _is_end(left: str, right: str, abbreviations: frozenset[str]) -> bool:
    """Whether a cut between ``left`` and ``right`` has the shape of a sentence end."""
    end, opens = _END.search(left), _OPENS.match(right)
    if not end or not opens or not opens.group(1).isupper():
        return False
    word = end.group(1)
    if len(word) == 1 and word.isupper():  # an initial ("J. Smith")
        return False
    if word and fold_word(word) in abbreviations:
        return False
    before = _MARK.split(left)[-1]
    after = _MARK.split(right, maxsplit=1)[0]
    return len(_WORD.findall(before)) >= MIN_WORDS and len(_WORD.findall(after)) >= MIN_WORDS


def _cuts(piece: str, lang: str, abbreviations: frozenset[str]) -> list[int]:
    """Offsets in ``piece`` where a sentence inside its quotation marks ends."""
    try:
        parts = list(sentencex.segment(lang, _blanked(piece)))
    except Exception:  # a native extension: never lose text over it
        return []
    if len(parts) < 2 or sum(map(len, parts)) != len(piece):
        return []
    cuts, pos, last = [], 0, 0
    for part in parts[:-1]:
        pos += len(part)
        if _is_end(piece[last:pos], piece[pos:], abbreviations):
            cuts.append(pos)
            last = pos
    return cuts if not MAX_CUTS or len(cuts) <= MAX_CUTS else []


def split_quoted(pieces: list[str], lang: str) -> list[str]:
    """``pieces`` with each piece that holds a quotation mark cut at its inner sentence ends.

    Lossless: the pieces joined are the input joined, in order.
    """
    if not SPLIT_QUOTES:
        return pieces
    entry = get_language(lang)
    abbreviations = entry.abbreviations if entry is not None else frozenset()
    out: list[str] = []
    for piece in pieces:
        if not has_quote(piece):
            out.append(piece)
            continue
        pos = 0
        for cut in _cuts(piece, lang, abbreviations):
            out.append(piece[pos:cut])
            pos = cut
        out.append(piece[pos:])
    return [p for p in out if p]
