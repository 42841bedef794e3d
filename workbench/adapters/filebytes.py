"""The bytes of an uploaded text or XML file, before any parser sees them: empty,
binary, wrongly encoded or UTF-16 input is named in one clear ``InputError`` (a glossary
CSV saved by Excel as "Unicode text", an XML file declaring an encoding it does not use).

Split out of ``termfiles`` (round 38) because the glossary, TMX and XLIFF readers all
share these checks, and ``termfiles`` had grown past 400 lines.
"""

from __future__ import annotations

import re

from workbench.errors import N_, InputError

#: How an XML file in UTF-16 begins (XML 1.0, appendix F): a byte-order mark, or
#: ``<?`` in UTF-16 LE / BE under a declaration naming the encoding.
UTF16_XML_STARTS = (b"\xff\xfe", b"\xfe\xff", b"<\x00?\x00", b"\x00<\x00?")


def check_xml_bytes(data: bytes, what: str) -> None:
    """Empty, binary or non-UTF-8 is refused with ``decode_text``'s messages, except
    that UTF-16 is XML's other encoding and is left to the parser (round 35: a TMX
    exported as UTF-16 by a CAT tool was called binary; XLIFF and TBX read it)."""
    check_xml_encoding(data, what, unicode_only=True)
    if not data.startswith(UTF16_XML_STARTS):
        decode_text(data, what)


#: XML 1.0 appendix F: what the first four bytes say about the encoding's family.
UTF32_XML_STARTS = (b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\x00<", b"<\x00\x00\x00")
XML_DECLARED = re.compile(rb"^<\?xml[^>]*?\sencoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
#: TMX 1.4b: "TMX files are always in Unicode" (UTF-8 or UTF-16; US-ASCII is UTF-8's subset).
UNICODE_NAMES = ("utf8", "utf16", "usascii", "ascii")


def _family(data: bytes) -> str:
    """The encoding family the first bytes show (a mark, or ``<?`` in wide characters)."""
    if data.startswith(UTF32_XML_STARTS):
        return "UTF-32"
    if data.startswith(UTF16_XML_STARTS):
        return "UTF-16"
    return "UTF-8" if data.startswith(b"\xef\xbb\xbf") else "8-bit"


def _declared(data: bytes, family: str) -> str | None:
    """The XML declaration's ``encoding``, read in the family the bytes show."""
    head = data[:400]
    if family == "UTF-16":
        codec = "utf-16" if head[:2] in (b"\xff\xfe", b"\xfe\xff") else (
            "utf-16-le" if head[:1] == b"<" else "utf-16-be")  # fmt: skip
        head = head[: len(head) // 2 * 2].decode(codec, "replace").encode("latin-1", "replace")
    found = XML_DECLARED.match(head.removeprefix(b"\xef\xbb\xbf"))
    return found.group(1).decode("ascii") if found else None


def check_xml_encoding(data: bytes, what: str, *, unicode_only: bool = False) -> None:
    """Bytes and declaration that disagree are refused in words, before the parser.

    Why (round 35b): the parser's own words were English and opaque ("encoding
    specified in XML declaration is incorrect", "invalid token" for UTF-32), and a
    UTF-8 mark under a Latin-1 declaration was read as mojibake without a word.
    ``unicode_only``: TMX (1.4b) allows UTF-8 and UTF-16 only; XLIFF and TBX take
    whatever XML does, so a Latin-1 XLIFF with its declaration is read.
    """
    family = _family(data)
    if family == "UTF-32":  # expat has no UTF-32
        raise InputError(
            N_("the %(what)s file is in UTF-32, which XML readers need not read; save it "
               "as UTF-8 and retry"), what=what)  # fmt: skip
    declared = _declared(data, family)
    if declared is None:
        return
    name = declared.lower().replace("-", "").replace("_", "")
    if family == "8-bit" and name.startswith(("utf16", "utf32", "ucs")):
        raise InputError(
            N_("the %(what)s file's XML declaration says encoding=%(declared)r, but the file "
               "is not in that encoding; save it as UTF-8 and retry"),
            what=what, declared=declared,
        )  # fmt: skip
    if family != "8-bit" and not name.startswith(family.lower().replace("-", "")):
        raise InputError(
            N_("the %(what)s file is written in %(family)s but its XML declaration says "
               "encoding=%(declared)r; save it as UTF-8 and retry"),
            what=what, family=family, declared=declared,
        )  # fmt: skip
    if unicode_only and not name.startswith(UNICODE_NAMES):
        raise InputError(
            N_("the %(what)s file declares encoding=%(declared)r, but TMX is Unicode only "
               "(UTF-8 or UTF-16, TMX 1.4b); save it as UTF-8 and retry"),
            what=what, declared=declared,
        )  # fmt: skip


#: Byte-order marks of the wide Unicode encodings (UTF-32's first: FF FE 00 00 begins
#: like UTF-16 LE's mark); the codec reads the mark's byte order and drops it.
WIDE_MARKS = (
    (b"\xff\xfe\x00\x00", "UTF-32", "utf-32"), (b"\x00\x00\xfe\xff", "UTF-32", "utf-32"),
    (b"\xff\xfe", "UTF-16", "utf-16"), (b"\xfe\xff", "UTF-16", "utf-16"),
)  # fmt: skip


def _unmarked_utf16(head: bytes) -> bool:
    """Whether the bytes look like UTF-16 text without a mark: most characters of a
    CSV are ASCII, so one byte of each pair is NUL and the other seldom is."""
    pairs = len(head) // 2
    if pairs < 2:
        return False
    even = sum(1 for i in range(0, pairs * 2, 2) if head[i] == 0)
    odd = sum(1 for i in range(1, pairs * 2, 2) if head[i] == 0)
    return max(even, odd) >= 0.6 * pairs and min(even, odd) <= 0.05 * pairs


def _decode_marked(data: bytes, what: str) -> str | None:
    """Text of a file that begins with a UTF-16 or UTF-32 mark (Excel's "Unicode
    text" is UTF-16 LE with one), or None when it has none (round 38)."""
    for mark, name, codec in WIDE_MARKS:
        if data.startswith(mark):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(
                    N_("the %(what)s file begins with a %(encoding)s byte-order mark but is not "
                       "%(encoding)s (byte %(start)s); save it as UTF-8 and retry"),
                    what=what, encoding=name, start=exc.start,
                ) from exc  # fmt: skip
    return None


def decode_text(data: bytes, what: str) -> str:
    """UTF-8 (with or without BOM) text, UTF-16/32 with its mark, or a clear error
    for binary or other encodings."""
    if not data.strip():
        raise InputError(N_("the %(what)s file is empty"), what=what)
    marked = _decode_marked(data, what)
    if marked is not None:
        data = marked.encode("utf-8")  # the checks below, once, on UTF-8
        if not marked.strip():
            raise InputError(N_("the %(what)s file is empty"), what=what)
    if b"\x00" in data[:4096]:
        if _unmarked_utf16(data[:4096]) and what in ("TMX", "XLIFF", "TBX"):
            raise InputError(
                N_("the %(what)s file looks like UTF-16 without a byte-order mark or an XML "
                   "declaration, which XML needs to read it; save it as UTF-8 and retry"),
                what=what,
            )  # fmt: skip
        if _unmarked_utf16(data[:4096]):
            raise InputError(
                N_("the %(what)s file looks like UTF-16 without a byte-order mark; save it as "
                   "UTF-8 (Excel: \"CSV UTF-8\") or as UTF-16 with its mark, and retry"),
                what=what,
            )  # fmt: skip
        raise InputError(N_("the %(what)s file is binary (or UTF-16), not UTF-8 text"), what=what)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            N_("the %(what)s file is not UTF-8 (byte %(start)s); save it as UTF-8 and retry"),
            what=what,
            start=exc.start,
        ) from exc
