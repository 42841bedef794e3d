"""Lossless segmentation of decoded text into sentence-like segments.

Why lossless: every later step (diffs, offsets in the UI, exports) points back
into ``Version.text``, so segments keep exact character offsets and the
whitespace between them (``separator``).  ``leading + "".join(s.text +
s.separator for s in segs) == text`` holds for any input.

How text is cut:

1. Paragraphs are blocks separated by blank lines (lines of only whitespace).
2. Inside a paragraph, each line is its own unit (titles, form labels, "Not
   ready to support today?" / "Remind me later.") unless the line break looks
   like hard wrapping of running prose: the line does not end in terminal
   punctuation and the next line starts in lower case, or the line ends with a
   comma, hyphen or dash.  A lower-case byline or a metadata line ("dpa  30.11.2026
   14:20 Uhr", "in Commodities News 30/11/2026") under a title is a line of its own.
3. Each unit is split into sentences with ``sentencex`` (language-aware
   abbreviation rules); whitespace around sentences goes to the separators.
   Sentence ends inside quotation marks, which it never cuts, can be cut by shape
   (``core.segment_quotes``; on since round 26, in every quote style).
   A row of article buttons that take two page roles is cut between them instead.
   A wire dateline opening a unit ("Kembs (dpa) -") can be cut off as a segment of its
   own (``DATELINE_SEGMENTS``, round 35's study; off: most gold keeps it in the lead).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import replace

import sentencex

from workbench.core.languages import fold_word
from workbench.core.languages import get as get_language
from workbench.core.page_shapes import is_metadata
from workbench.core.page_widgets import button_parts
from workbench.core.seg import Seg  # re-exported: the page rules, services
from workbench.core.segment_dateline import split_dateline
from workbench.core.segment_quotes import split_quoted

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_TERMINAL = re.compile(r"[.!?:;\u037e…»\"”“'’)\]]\s*$")
_CONTINUES = re.compile(r"[,\-–—(/&]\s*$")
_URL_END = re.compile(r"(https?://|www\.)\S+$")


def text_hash(text: str) -> str:
    """SHA-256 of the whitespace-normalised text (used for repetition and caching).

    Whitespace is collapsed so the same sentence wrapped differently on two
    pages still hashes the same; case is kept because it matters to MT.
    """
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line's content, line breaks excluded."""
    out: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        if m.start() == m.end():
            if m.start() == len(text):
                break
            continue
        content = m.group(0).rstrip("\r\n")
        out.append((m.start(), m.start() + len(content)))
        if m.end() == len(text):
            break
    return out


def _paragraphs(text: str) -> list[list[tuple[int, int]]]:
    """Non-blank lines grouped into blank-line separated paragraphs."""
    paras: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for start, end in _lines(text):
        if text[start:end].strip():
            current.append((start, end))
        elif current:
            paras.append(current)
            current = []
    if current:
        paras.append(current)
    return paras


def _joins(line: str, next_line: str) -> bool:
    """Whether a line break is hard wrapping inside one sentence.

    A whole line "by Anna Berger" under a title starts in lower case but is a
    byline of its own, never the title's wrapped end; so is a stamp line
    (``_metadata_line``).
    """
    line, nxt = line.rstrip(), next_line.lstrip()
    if _CONTINUES.search(line) and not _URL_END.search(line):  # ".../7488213/" ends a link
        return True
    if _TERMINAL.search(line) or is_byline_line(nxt):
        return False
    if not (nxt and nxt[0].islower() and not _HANDLE.match(nxt)):
        return False
    return not (METADATA_BREAKS and _metadata_line(nxt))


#: Switch for ``benchmarks/role_segment_cv.py``: a metadata line is never a wrapped end.
METADATA_BREAKS = True


def _metadata_line(line: str) -> bool:
    """A stamp line opening in lower case ("dpa  30.11.2026  14:20 Uhr  12 Kommentare", "in
    Commodities News 30/11/2026", "publié le 30 novembre 2026 à 12h41"): a date or time with
    at most four other words (``page_shapes.is_metadata``) and no sentence end.

    Joined onto the title above it, it hid the title from the header rules (a stamp is never
    a title) and the masthead lines above became the headline.  The wrapped end of a
    sentence ends in its full stop; a wrapped middle line holding a date and at most four
    other words is left to split (none on the dev pages or in Text+Berg dev).
    """
    return not _TERMINAL.search(line) and is_metadata(line)


#: A line opening with a domain, path or handle ("ndr.de", "u/seafarer88", "@afp"): a
#: source or user label of its own, not the wrapped end of the line above.
_HANDLE = re.compile(r"[\w.-]*([./@_]\w|\d)[\w./-]*(\s|$)")


_BY = frozenset({"by", "von", "par", "від", "от", "από", "di", "por", "door"})
_NAME_JOINERS = frozenset({"and", "und", "et", "і", "и", "та", "και", "y", "e", "en", "&"})


def is_byline_line(line: str) -> bool:
    """ "by Anna Berger", "von Max Muster und Eva Beispiel", "by Dmytro Basko  March 14, 2025".

    A lower-case "by" and names only, or two or more names closed by a field gap
    (two spaces, "|", "•", a dash) before the date or reading time of a byline row.
    """
    head, gap, *_ = [*re.split(r"(\s{2,}|\s[|•·–—]\s)", line.strip(), maxsplit=1), "", ""]
    words = head.replace(",", " ").split()
    if len(words) < 2 or words[0] not in _BY or len(words) > 9:
        return False
    names = [w for w in words[1:] if w not in _NAME_JOINERS]
    named = bool(names) and all(w[0].isupper() and w[-1] not in ".!?:;" for w in names)
    return named and (not gap or len(names) >= 2)


def _units(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge wrapped lines of one paragraph into units (spans of ``text``)."""
    units: list[tuple[int, int]] = []
    start, end = lines[0]
    for nstart, nend in lines[1:]:
        if _joins(text[start:end], text[nstart:nend]):
            end = nend
        else:
            units.append((start, end))
            start, end = nstart, nend
    units.append((start, end))
    return units


def _originals(chunk: str, pieces: list[str]) -> list[str]:
    """The pieces cut from ``chunk`` itself (sentencex saw a same-length variant)."""
    out, pos = [], 0
    for piece in pieces:
        out.append(chunk[pos : pos + len(piece)])
        pos += len(piece)
    return out


_LAST_WORD = re.compile(r"(?<![^\W\d_])([^\W\d_][\w.]*)\.\s*$")  # word starts only


def _rejoin_abbreviations(pieces: list[str], lang: str) -> list[str]:
    """Undo a cut after a known abbreviation when lower-case text follows.

    sentencex has no list for some languages' unit and scale abbreviations
    ("2,5 εκατ. ευρώ", "40 χλμ. νότια"); the content-language registry gives
    them (``ContentLanguage.abbreviations``).  A sentence never starts in lower case,
    so only such cuts are undone.
    """
    entry = get_language(lang)
    if entry is None or not entry.abbreviations or len(pieces) < 2:
        return pieces
    out = [pieces[0]]
    for piece in pieces[1:]:
        m = _LAST_WORD.search(out[-1])
        head = piece.lstrip()[:1]
        if m and head.islower() and fold_word(m.group(1)) in entry.abbreviations:
            out[-1] += piece
        else:
            out.append(piece)
    return out


_OPENING_QUOTE = re.compile(r"(?<=[.!?…])(\s+)([\"„«“])$")


def _mend_cuts(pieces: list[str]) -> list[str]:
    """Two cuts the sentence splitter gets wrong on scraped text.

    * A cut with no space at all ("ZAXID." | "NET у Telegram"): a domain or a
      dotted name, not two sentences; the pieces are joined again.
    * The opening quotation mark of the next sentence left at the end of the
      previous one ('… беспилотнике. "' | 'Подобные …'): the mark moves forward.
    """
    out: list[str] = []
    for piece in pieces:
        if out and out[-1][-1:] == "." and piece[:1].isalpha() and out[-1][-2:-1].isalpha():
            out[-1] += piece
            continue
        if out:
            m = _OPENING_QUOTE.search(out[-1])
            if m and piece[:1].isalpha():
                out[-1], piece = out[-1][: m.start(2)], m.group(2) + piece
        out.append(piece)
    return out


#: Sentence ends the splitter keeps inside one piece: a word of five or more letters, a
#: full stop and a number ("Zone Europas. 1977 kamen dort"), and a number, a lower-case
#: unit and a full stop before a capital ("128 км. Поштовхи", "з 2022 року. Серед них"),
#: the unit also a rate ("300 km/h. It", "300 км/год. Він") or after a scale word ("84,6
#: млн грн. Стартова", "20 тис. грн. Поліція"; round 24).
#: Starts only at a word's first letter (the leftmost match does anyway): tried inside a
#: word, a 20,000-letter word cost 20,000 scans of itself (quadratic; reliab32).
_WORD_THEN_NUMBER = re.compile(r"(?<![^\W\d_])([^\W\d_]{5,})\.(\s+)(?=\d)")
_UNIT = r"[^\W\d_]{1,4}(?:/[^\W\d_]{1,4})?"
_UNIT_THEN_CAPITAL = re.compile(r"\d\s(" + _UNIT + r")\.(\s+)(?=[^\W\d_])")
_SCALED_UNIT_THEN_CAPITAL = re.compile(r"\d\s([^\W\d_]{1,5}\.?\s[^\W\d_]{1,4})\.(\s+)(?=[^\W\d_])")
#: An upper-case word of two or more letters after a unit qualifies it ("млн дол. США").
_ACRONYM = re.compile(r"[^\W\d_]{2,}\b")
#: Switch for ``benchmarks/role_segment_cv.py``: round 24's rate and scaled units (off: only
#: a single unit word before a capital is cut, as in round 19).
SCALED_UNITS = True
#: Long words that take a full stop before a number without ending the sentence.
_BEFORE_NUMBER = frozenset({"approx", "circa", "environ", "примерно", "приблизно"})


def _unit_ends(piece: str) -> list[int]:
    """Where a sentence ending in a unit abbreviation stops (``_UNIT_THEN_CAPITAL``).

    The unit (and its scale word) is lower case and the next word opens with a capital.
    A next word all in capitals is the unit's own qualifier ("100 млн дол. США"), not a
    new sentence: it is left joined (round 24, with the rate and scaled units).
    """
    shapes = [_UNIT_THEN_CAPITAL] + ([_SCALED_UNIT_THEN_CAPITAL] if SCALED_UNITS else [])
    ends: set[int] = set()
    for shape in shapes:
        for m in shape.finditer(piece):
            after, acronym = piece[m.end(2) :], _ACRONYM.match(piece, m.end(2))
            # on: a word all in capitals qualifies the unit; off: round 19's shape (no rate)
            held = bool(acronym and acronym[0].isupper()) if SCALED_UNITS else "/" in m.group(1)
            if m.group(1).islower() and after[0].isupper() and not held:
                ends.add(m.end(2))
    return sorted(ends)


def _split_missed(pieces: list[str], lang: str) -> list[str]:
    """Cut the two sentence ends above (a gold sentence never straddles them).

    A sentence that starts with a year or a count ("1977 kamen dort …") is not cut
    by the splitter, nor one after a unit abbreviation ("… 128 км. Поштовхи …").
    Abbreviations the content-language registry knows are left alone.
    """
    entry = get_language(lang)
    known = entry.abbreviations if entry is not None else frozenset()
    out: list[str] = []
    for piece in pieces:
        ends = [
            m.end(2)
            for m in _WORD_THEN_NUMBER.finditer(piece)
            if fold_word(m.group(1)) not in known and m.group(1).casefold() not in _BEFORE_NUMBER
        ]
        ends += _unit_ends(piece)
        pos = 0
        for cut in sorted(ends):
            out.append(piece[pos:cut])
            pos = cut
        out.append(piece[pos:])
    return [p for p in out if p]


def _sentence_spans(text: str, start: int, end: int, lang: str) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]``, outer whitespace trimmed."""
    chunk = text[start:end]
    try:  # the Greek question mark (U+037E) is ";" to sentencex; same length, so offsets hold
        pieces = list(sentencex.segment(lang, chunk.replace("\u037e", ";")))
    except Exception:  # sentencex is a native extension; never lose text over it
        pieces = [chunk]
    if sum(map(len, pieces)) != len(chunk):
        pieces = [chunk]
    pieces = _originals(chunk, pieces)
    pieces = _rejoin_abbreviations(pieces, lang)
    pieces = _split_missed(_mend_cuts(split_quoted(pieces, lang)), lang)
    spans: list[tuple[int, int]] = []
    pos = start
    for piece in pieces:
        stripped = piece.strip()
        if stripped:
            s = pos + (len(piece) - len(piece.lstrip()))
            spans.append((s, s + len(stripped)))
        pos += len(piece)
    return spans


def _row_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A button row whose buttons take two roles ("Teilen  Merken"), cut between them.

    Why: writers give the share button and the page button after it different roles
    (``core.page_widgets``); as one segment the row could only be right for one.
    """
    parts = button_parts(text[start:end])
    return [(start + a, start + b) for a, b, _ in parts] if parts else []


#: Switch (round 35, dateline35; off): a wire dateline opening a unit is a segment of its
#: own (``core.segment_dateline``; ``benchmarks/role_dateline_cv.py``).
DATELINE_SEGMENTS = False


def _unit_sentences(text: str, start: int, end: int, lang: str) -> list[tuple[int, int]]:
    """The unit's sentence spans; with ``DATELINE_SEGMENTS`` its first one cut after a
    wire dateline ("Hohenried (dpa/lby) –" / "Im niederbayerischen …")."""
    spans = _sentence_spans(text, start, end, lang)
    if DATELINE_SEGMENTS and spans:
        spans[:1] = split_dateline(*spans[0], text)
    return spans


def segment_text(text: str, lang: str | None = None) -> tuple[str, list[Seg]]:
    """Split ``text`` into segments; returns ``(leading, segs)`` (lossless)."""
    spans: list[tuple[int, int, int]] = []
    for number, lines in enumerate(_paragraphs(text)):
        for ustart, uend in _units(text, lines):
            for s, e in _row_spans(text, ustart, uend) or _unit_sentences(
                text, ustart, uend, lang or "en"
            ):
                spans.append((s, e, number))
    if not spans:
        return text, []
    segs = []
    for i, (s, e, para) in enumerate(spans):
        nxt = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        segs.append(Seg(s, e, text[s:e], text[e:nxt], para))
    return text[: spans[0][0]], segs


def split_sentences(text: str, lang: str) -> list[str]:
    """Convenience: the segment texts of ``text`` (no whitespace)."""
    return [s.text for s in segment_text(text, lang)[1]]


def blank_lines_after(seg: Seg) -> int:
    """How many blank lines the separator after ``seg`` holds (0 = same line/para)."""
    newlines = seg.separator.count("\n") + seg.separator.count("\r") - seg.separator.count("\r\n")
    return max(0, newlines - 1)


def lines_as_paragraphs(segs: Sequence[Seg]) -> Sequence[Seg]:
    """A page captured without blank lines: each printed line is a paragraph.

    Blocks (boxes, widgets, a title's header) are found through paragraphs; a capture
    that dropped its blank lines keeps one paragraph per line of the source.
    """
    if len(segs) < 2 or segs[0].paragraph != segs[-1].paragraph:
        return segs
    out, line = [], 0
    for i, seg in enumerate(segs):
        if i and re.search(r"[\r\n]", segs[i - 1].separator):
            line += 1
        out.append(replace(seg, paragraph=line))
    return out
