"""Bytes to text: encoding detection, binary sniffing, HTML and JSON inputs.

Order of evidence for the encoding: a byte-order mark, then strict UTF-8, then
(for HTML) the page's own ``<meta charset>``, then charset-normalizer's guess.
Anything that still looks binary (NUL bytes, known file signatures, many
control characters) is refused with an ``InputError`` rather than stored as
mojibake.  The raw bytes are never modified; callers store them verbatim.
"""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from workbench.adapters.html_text import HtmlBudgetError, Page, extract_page
from workbench.errors import N_, InputError, Term, TooLargeError
from workbench.formats import INGEST_FORMAT_NAMES, SUFFIX_TO_FORMAT

FORMATS = INGEST_FORMAT_NAMES  # the registry: workbench/formats.py
_EXTENSIONS = SUFFIX_TO_FORMAT
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SIGNATURES = (
    (b"%PDF", Term(N_("a PDF document"))),
    (b"PK\x03\x04", Term(N_("a ZIP archive (or DOCX/ODT/.argosmodel)"))),
    (b"\x89PNG", Term(N_("a PNG image"))),
    (b"GIF8", Term(N_("a GIF image"))),
    (b"\xff\xd8\xff", Term(N_("a JPEG image"))),
    (b"\x1f\x8b", Term(N_("a gzip archive"))),
    (b"\x7fELF", Term(N_("an executable"))),
    (b"BZh", Term(N_("a bzip2 archive"))),
    (b"7z\xbc\xaf", Term(N_("a 7-Zip archive"))),
    (b"SQLite format 3\x00", Term(N_("an SQLite database"))),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
#: When several encodings decode the bytes to the same text, report the commonest.
_PREFERRED = ("utf_8", "ascii", "cp1252", "latin_1", "cp1251", "koi8_r", "cp1250", "iso8859_15")
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


@dataclass(frozen=True)
class Region:
    """A span of the decoded text that came from one HTML block (or the title)."""

    start: int
    end: int
    zone: str  # title | main | appeal | comments | page
    kind: str  # title, h1, p, li, label, ...
    link_share: float = 0.0  # share of the block's characters inside links (html_text.Block)


@dataclass
class Decoded:
    """A decoded document ready for segmentation."""

    text: str
    encoding: str
    fmt: str
    title: str = ""
    regions: list[Region] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)  # JSON fields: url, outlet, ...


def detect_format(filename: str, data: bytes) -> str:
    """``txt``/``html``/``json`` from the extension, else by sniffing the content."""
    ext = Path(filename).suffix.lower()
    if ext in _EXTENSIONS:
        return _EXTENSIONS[ext]
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    if head.startswith(b"{"):
        return "json"
    return "txt"


def _refuse_binary(data: bytes) -> None:
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise InputError(N_("binary file (%(what)s), not text"), what=what)


def _best_guess(data: bytes) -> tuple[str, str]:
    """charset-normalizer's guess, renamed to the commonest codec giving the same text."""
    best = from_bytes(data).best()
    if best is None:
        raise InputError(N_("cannot detect the text encoding (binary or corrupt file?)"))
    text = str(best)
    if best.encoding.startswith(("utf_16", "utf_32")) and _plausible(text) < 0.5:
        # without a BOM or NUL bytes, a UTF-16 guess turns Latin text into CJK soup
        raise InputError(N_("cannot detect the text encoding; re-save the file as UTF-8"))
    for name in _PREFERRED:
        try:
            if data.decode(name) == text:
                return text, codecs.lookup(name).name
        except UnicodeDecodeError:
            continue
    return text, codecs.lookup(best.encoding).name


def decode_bytes(data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data``; returns ``(text, encoding)`` or raises ``InputError``."""
    if not data.strip():
        raise InputError(N_("empty input: no text to ingest"))
    _refuse_binary(data)
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(name)
            except UnicodeDecodeError as exc:
                raise InputError(
                    N_("not valid %(name)s despite its byte-order mark: %(exc)s"),
                    name=name,
                    exc=exc,
                ) from exc
            label = {"utf-16": "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be"}
            return _checked(text), label.get(name, name if name != "utf-32" else "utf-32")
    if b"\x00" in data:
        return _utf16_without_bom(data)
    try:
        return _checked(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as exc:
        _refuse_mixed_utf8(data, exc)
    if declared:
        try:
            return _checked(data.decode(declared)), codecs.lookup(declared).name
        except (LookupError, UnicodeDecodeError):
            pass
    text, encoding = _best_guess(data)
    return _checked(text), encoding


def _plausible(text: str) -> float:
    """Share of characters from Latin/Cyrillic text ranges (UTF-16 guessed wrong is CJK soup)."""
    sample = text[:20_000]
    ok = sum(1 for ch in sample if ch < "\u0530" or "\u2000" <= ch <= "\u206f")
    return ok / max(1, len(sample))


def _utf16_without_bom(data: bytes) -> tuple[str, str]:
    """Text with NUL bytes is binary unless it is UTF-16 whose BOM was left off."""
    if len(data) % 2 == 0:
        for codec in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text and _plausible(text) >= 0.95:
                return _checked(text), codec
    raise InputError(N_("binary file (contains NUL bytes), not text"))


def _refuse_mixed_utf8(data: bytes, exc: UnicodeDecodeError) -> None:
    """UTF-8 text with a few foreign bytes is a mixed-encoding file: refuse, don't guess.

    Guessing a single-byte codec would turn every correct UTF-8 character into
    mojibake; the user should re-save the file in one encoding.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ch > "\x7f" and ch != "\ufffd")
    if good >= 1 and good >= bad:  # valid UTF-8 letters beside invalid bytes: two encodings
        raise InputError(
            N_(
                "mixed encodings: the file is UTF-8 except for %(bad)s invalid byte "
                "sequence(s), the first at byte %(start)s; re-save it in one encoding"
            ),
            bad=bad,
            start=exc.start,
        )


def _checked(text: str) -> str:
    """Refuse decoded text that is mostly control characters (binary in disguise)."""
    sample = text[:100_000]
    controls = sum(
        1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS
    )
    if controls > max(2, len(sample) // 200):
        raise InputError(N_("binary file (too many control characters), not text"))
    if not text.strip():
        raise InputError(N_("empty input: no text to ingest"))
    return text


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def _from_blocks(title: str, blocks: list[tuple[str, str, str, float]]) -> tuple[str, list[Region]]:
    """Join blocks: one blank line inside a zone, two where the zone changes."""
    parts: list[str] = []
    regions: list[Region] = []
    pos = 0
    previous = None
    entries = ([(title, "title", "title", 0.0)] if title else []) + blocks
    for text, zone, kind, link_share in entries:
        if parts:
            sep = "\n\n" if zone == previous else "\n\n\n"
            parts.append(sep)
            pos += len(sep)
        parts.append(text)
        regions.append(Region(pos, pos + len(text), zone, kind, link_share))
        pos += len(text)
        previous = zone
    return "".join(parts), regions


def _extract(html: str) -> Page:
    """``extract_page`` with its element budget turned into a clear error."""
    try:
        return extract_page(html)
    except HtmlBudgetError as exc:
        raise TooLargeError(
            N_("%(exc)s; split the page or remove repeated markup"), exc=exc
        ) from exc


def decode_html(data: bytes) -> Decoded:
    """Decode and extract an HTML page (all visible text, zones recorded)."""
    html, encoding = decode_bytes(data, declared=_declared_charset(data))
    page = _extract(html)
    blocks = [(b.text, b.zone, b.kind, b.link_share) for b in page.blocks]
    text, regions = _from_blocks(page.title, blocks)
    if not text.strip():
        raise InputError(N_("the HTML page has no visible text"))
    return Decoded(text, encoding, "html", page.title, regions)


#: JSON nested deeper than this is refused (an article object needs depth 1).
MAX_JSON_DEPTH = 64
#: Integers longer than this are refused before Python converts them (quadratic cost).
MAX_JSON_INT_DIGITS = 100


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_JSON_INT_DIGITS:
        raise InputError(
            N_("JSON integer with %(count)s digits; the limit is %(MAX_JSON_INT_DIGITS)s"),
            count=len(text),
            MAX_JSON_INT_DIGITS=MAX_JSON_INT_DIGITS,
        )
    return int(text)


def _check_depth(raw: str) -> None:
    """Refuse deep nesting before ``json.loads`` (whose C scanner recurses).

    Counting brackets outside strings needs a scan; we scan only when the text
    has more openers than the limit, so ordinary articles pay one regex count.
    """
    if raw.count("[") + raw.count("{") <= MAX_JSON_DEPTH:
        return
    depth = 0
    for token in _JSON_TOKENS.finditer(raw):
        ch = token.group()
        if ch in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                raise InputError(
                    N_("JSON nested deeper than %(MAX_JSON_DEPTH)s levels"),
                    MAX_JSON_DEPTH=MAX_JSON_DEPTH,
                )
        elif ch in "]}":
            depth -= 1


_JSON_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


def parse_json(raw: str) -> Any:
    """``json.loads`` with depth and integer-size limits as clear ``InputError``s."""
    _check_depth(raw)
    try:
        return json.loads(raw, parse_int=_int)
    except json.JSONDecodeError as exc:
        raise InputError(
            N_("malformed JSON at line %(lineno)s, column %(colno)s: %(msg)s"),
            lineno=exc.lineno,
            colno=exc.colno,
            msg=exc.msg,
        ) from exc
    except (RecursionError, ValueError) as exc:  # a last guard: never a traceback
        raise InputError(N_("JSON cannot be read: %(exc)s"), exc=exc) from exc


_JSON_FIELDS = ("title", "text", "html", "url", "captured_at", "outlet", "language", "article")


def decode_json(data: bytes) -> Decoded:
    """Decode a JSON article object (see docs/ingest.md for the fields)."""
    raw, encoding = decode_bytes(data)
    obj = parse_json(raw)
    if not isinstance(obj, dict):
        raise InputError(N_("JSON input must be one object with a 'text' (or 'html') field"))
    for key in _JSON_FIELDS:
        if key in obj and obj[key] is not None and not isinstance(obj[key], str):
            raise InputError(N_("JSON field %(key)r must be a string"), key=key)
    meta = {k: obj[k] for k in _JSON_FIELDS[3:] if obj.get(k)}
    title = " ".join((obj.get("title") or "").split())
    if obj.get("html"):
        page = _extract(obj["html"])
        title = title or page.title
        blocks = [(b.text, b.zone, b.kind, b.link_share) for b in page.blocks]
    elif obj.get("text") and obj["text"].strip():
        body = obj["text"]
        if title and body.lstrip().startswith(title):
            return Decoded(body, encoding, "json", title, [], meta)
        text, regions = _from_blocks(title, [])
        joined = f"{text}\n\n{body}" if text else body
        return Decoded(joined, encoding, "json", title, regions, meta)
    else:
        raise InputError(N_("JSON input has no 'text' (or 'html') field with text in it"))
    text, regions = _from_blocks(title, blocks)
    return Decoded(text, encoding, "json", title, regions, meta)


_XML_PROLOGUE = re.compile(rb"\A(?:\s|<\?xml[^>]*>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.S | re.I)


def _refuse_exchange_files(filename: str, data: bytes) -> None:
    """An XLIFF or TMX file is no page: say where it is imported instead.

    Why (round 33): a ``.xlf`` uploaded as a page was read as an HTML page of one
    segment of markup, stored as a new story; the translator meant the import.
    """
    ext = Path(filename).suffix.lower()
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    root = head[_XML_PROLOGUE.match(head).end() :].lower()  # type: ignore[union-attr]
    if ext in (".xlf", ".xliff") or root.startswith(b"<xliff"):
        raise InputError(
            N_(
                "%(name)s is an XLIFF file, not a page: import it on its version page "
                "(or with `workbench translation import`)"
            ),
            name=filename,
        )
    if ext == ".tmx" or root.startswith(b"<tmx"):
        raise InputError(
            N_(
                "%(name)s is a TMX memory, not a page: import it on the memory page "
                "(or with `workbench tm import`)"
            ),
            name=filename,
        )


def decode_document(data: bytes, *, filename: str, fmt: str | None = None) -> Decoded:
    """Decode ``data`` according to ``fmt`` (or the file name / content)."""
    if fmt is None:
        _refuse_exchange_files(filename, data)
    fmt = (fmt or detect_format(filename, data)).lower()
    if fmt not in FORMATS:
        raise InputError(
            N_("unknown format %(fmt)r (expected one of %(FORMATS)s)"),
            fmt=fmt,
            FORMATS=", ".join(FORMATS),
        )
    if fmt == "html":
        return decode_html(data)
    if fmt == "json":
        return decode_json(data)
    text, encoding = decode_bytes(data)
    return Decoded(text, encoding, "txt")
