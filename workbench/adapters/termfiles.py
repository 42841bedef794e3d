"""Reading glossary files: CSV (any of , ; tab) and TBX (ISO 30042, v2 and v3).

Untrusted XML is parsed with defusedxml: a DTD, an entity declaration or an
external reference is refused instead of being expanded or fetched.  Every
problem is an ``InputError`` naming the line or entry, raised before the caller
writes anything.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from workbench.adapters.filebytes import check_xml_encoding, decode_text
from workbench.errors import N_, InputError, Num

TRUE = {"1", "yes", "true", "y", "x", "forbidden", "ja", "да", "так"}
FORBIDDEN_STATUSES = {
    "deprecatedterm-admn-sts",
    "supersededterm-admn-sts",
    "deprecatedterm",
    "supersededterm",
    "notrecommended",
}
#: What a CSV's forbidden/status cell may say for an allowed term: an empty cell,
#: a no in the interface languages, or a TBX status of a usable term.
FALSE = {
    "", "0", "no", "n", "false", "-", "nein", "нет", "ні", "allowed", "preferred", "admitted",
    "standardized", "preferredterm-admn-sts", "admittedterm-admn-sts",
    "standardizedterm-admn-sts", "preferredterm", "admittedterm", "standardizedterm",
}  # fmt: skip
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: TBX v2 (ISO 30042:2008, its DTD) has no namespace; TBX v3 (ISO 30042:2019) is in
#: ed-2 (some tools write it on a v2 ``martif``); ISO's standards embed TBX as ed-1.
#: Any other namespace is another format (round 34b; it was read by local names).
TBX_NAMESPACES = {"", "urn:iso:std:iso:30042:ed-1", "urn:iso:std:iso:30042:ed-2"}
#: A term's status: a ``termNote``/``descrip`` of this type (v2, v3 DCA style) or an
#: element of this name in a dialect module's namespace (v3 DCT style, ``min:``).
STATUS_TYPES = {"administrativestatus", "normativeauthorization"}


@dataclass(frozen=True)
class Entry:
    """One glossary row read from a file."""

    source: str
    target: str
    forbidden: bool = False
    note: str = ""




def parse_glossary_file(
    data: bytes, filename: str, source_lang: str, target_lang: str
) -> list[Entry]:
    """Entries of a CSV or TBX glossary, chosen by extension (or by a leading ``<``)."""
    entries = list(iter_glossary_file(data, filename, source_lang, target_lang))
    if not entries:
        raise no_terms(source_lang, target_lang, filename)
    return entries


def iter_glossary_file(
    data: bytes, filename: str, source_lang: str, target_lang: str
) -> Iterator[Entry]:
    """``parse_glossary_file``'s entries one at a time (a CSV row is read when asked
    for: round 38's import keeps no list of them).  The format and the encoding are
    checked here, at once; a bad row is raised when it is reached."""
    name = filename.lower()
    if name.endswith((".tbx", ".xml")) or data.lstrip()[:1] == b"<":
        return iter_tbx(data, source_lang, target_lang)
    if name.endswith((".csv", ".tsv", ".txt")) or not name:
        return iter_csv(decode_text(data, "CSV"), source_lang, target_lang)
    raise InputError(
        N_("unknown glossary format %(filename)r: use .csv, .tsv or .tbx"), filename=filename
    )


def no_terms(source_lang: str, target_lang: str, filename: str) -> InputError:
    """A glossary file with no term of the pair."""
    return InputError(
        N_("no %(source_lang)s->%(target_lang)s terms found in %(filename)s"),
        source_lang=source_lang,
        target_lang=target_lang,
        filename=filename or "the file",
    )


def _columns(header: list[str], source_lang: str, target_lang: str) -> dict[str, int] | None:
    """Column indexes when the first row is a header (names or language codes)."""
    names = [h.strip().lower() for h in header]
    aliases = {
        "source": {"source", "source_term", "src", "term", source_lang},
        "target": {"target", "target_term", "tgt", "translation", target_lang},
        "forbidden": {"forbidden", "status"},
        "note": {"note", "notes", "comment", "definition"},
    }
    found = {
        key: next((i for i, n in enumerate(names) if n in options), -1)
        for key, options in aliases.items()
    }
    if found["source"] < 0 or found["target"] < 0:
        return None
    return found


def parse_csv(text: str, source_lang: str, target_lang: str) -> list[Entry]:
    """Rows ``source, target[, forbidden][, note]``; an optional header names columns
    (``iter_csv``, as a list)."""
    return list(iter_csv(text, source_lang, target_lang))


def iter_csv(text: str, source_lang: str, target_lang: str) -> Iterator[Entry]:
    """Rows ``source, target[, forbidden][, note]``; an optional header names columns.

    Read as a spreadsheet writes it (Excel, LibreOffice): only the delimiter is
    guessed; a quote inside a quoted cell is doubled, so ``"Truppe"x`` is a broken
    cell, not ``Truppex`` (the sniffer's "not doubled" guess changed the term).
    CR, LF and CRLF all end a line (old-Mac files were "malformed").
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        sniffed = csv.Sniffer().sniff(text[:4096], ",;\t")
        delimiter, skip_space = sniffed.delimiter, sniffed.skipinitialspace
    except csv.Error:
        delimiter, skip_space = ",", False
    # strict: an unterminated quote was one term holding the rest of the file (round 34)
    reader = csv.reader(
        io.StringIO(text), csv.excel, delimiter=delimiter, skipinitialspace=skip_space,
        strict=True,
    )  # fmt: skip
    rows = _numbered_rows(reader)
    first = next(rows, None)
    if first is None:
        raise InputError(N_("the CSV file has no rows"))
    header = _columns(first[1], source_lang, target_lang)
    cols = header or {"source": 0, "target": 1, "forbidden": 2, "note": 3}
    for number, row in rows if header else itertools.chain([first], rows):

        def cell(key: str, row: list[str] = row) -> str:
            index = cols[key]
            return row[index].strip() if 0 <= index < len(row) else ""

        if len(row) < 2 or not cell("target"):
            raise InputError(
                N_("CSV row %(number)s: expected a source term and a target term"), number=number
            )
        yield Entry(cell("source"), cell("target"), _forbidden(cell("forbidden"), number),
                    cell("note"))  # fmt: skip


def _numbered_rows(reader: Any) -> Iterator[tuple[int, list[str]]]:
    """The non-blank rows, each with the line it begins on (blank lines and line breaks
    inside quotes counted, as a text editor counts them: the number a translator
    looks for).  A malformed row is refused naming that line, in a catalog sentence.
    """
    line = 1
    try:
        for row in reader:
            if any(c.strip() for c in row):
                yield line, row
            line = reader.line_num + 1
    except csv.Error as exc:
        raise _malformed(str(exc), line, reader.line_num) from exc


def _malformed(detail: str, start: int, at: int) -> InputError:
    """What the csv module found, said in the catalog's words.

    ``start`` is the line the row begins on, ``at`` the line the reader stopped on
    (the same unless a quoted cell spans lines).  An unclosed quote is reported at
    its row's first line: the reader only notices at the end of the file.
    """
    if "expected after" in detail:
        return InputError(
            N_('malformed CSV, line %(line)s: a closing quote is followed by text; a quote '
               'inside a quoted cell is written twice ("")'),
            line=at,
        )  # fmt: skip
    if "unexpected end of data" in detail:
        return InputError(
            N_("malformed CSV, line %(line)s: a quote in the row that begins here is never "
               "closed"),
            line=start,
        )
    if "field larger than field limit" in detail:
        return InputError(
            N_("malformed CSV, line %(line)s: a cell is longer than %(limit)s characters"),
            line=start, limit=Num(csv.field_size_limit()),
        )  # fmt: skip
    return InputError(N_("malformed CSV, line %(line)s: %(exc)s"), line=at, exc=detail)


def _forbidden(cell: str, number: int) -> bool:
    """A CSV cell's yes or no; anything else is an error, not a silent "allowed".

    Why: ``maybe``, ``2`` or a typo (``forbiden``) read as false made a term the
    translator meant to ban a required one, with no word said.
    """
    status = cell.lower()
    if status in TRUE or status in FORBIDDEN_STATUSES or "deprecated" in status:
        return True
    if status in FALSE:
        return False
    raise InputError(
        N_("CSV row %(number)s: forbidden must be yes or no, not %(cell)r"),
        number=number, cell=cell,
    )  # fmt: skip


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def _lang(element: Element) -> str:
    raw = element.get(XML_LANG) or element.get("lang") or ""
    return raw.split("-")[0].split("_")[0].lower()


def _status(element: Element, core: str) -> str | None:
    """The status an element states (lower case), or None when it states none."""
    name = _local(element.tag)
    if _namespace(element.tag) != core and name.lower() in STATUS_TYPES:  # DCT: min:…
        return "".join(element.itertext()).strip().lower()
    if element.tag in {core + "termNote", core + "descrip"}:
        if (element.get("type") or "").lower() in STATUS_TYPES:
            return "".join(element.itertext()).strip().lower()
    return None


def _terms(lang_set: Element, core: str) -> list[tuple[str, bool]]:
    """(term, forbidden) pairs of one langSet/langSec; ``core`` is ``{namespace}`` or ""."""
    groups = {core + name for name in ("tig", "ntig", "termSec", "termGrp")}
    out = []
    for group in lang_set.iter():
        if group.tag not in groups:
            continue
        term = next((e for e in group.iter(core + "term")), None)
        if term is None or not "".join(term.itertext()).strip():
            continue
        statuses = {_status(e, core) for e in group.iter()} - {None}
        out.append(("".join(term.itertext()).strip(), bool(statuses & FORBIDDEN_STATUSES)))
    return list(dict.fromkeys(out))


def parse_tbx(data: bytes, source_lang: str, target_lang: str) -> list[Entry]:
    """Term entries with both languages; deprecated/superseded target terms are forbidden."""
    return list(iter_tbx(data, source_lang, target_lang))


def iter_tbx(data: bytes, source_lang: str, target_lang: str) -> Iterator[Entry]:
    """``parse_tbx``'s entries as a stream (reliab39: the whole tree of a 5 MiB TBX
    held ~27 MB more than a small one's; streamed, ~8 MB: its bytes).  The encoding, a
    DOCTYPE and the root are checked now, before the caller writes anything; each
    ``termEntry`` is dropped once read, and malformed XML further on is raised when it
    is reached (the import rolls back)."""
    check_xml_encoding(data, "TBX")
    events = SafeET.iterparse(io.BytesIO(data), events=("start", "end"))
    first = _next_event(events)
    if first is None:
        raise InputError(N_("malformed TBX (XML): %(exc)s"), exc="no element found")
    root = first[1]
    if _local(root.tag).lower() not in {"martif", "tbx"}:
        raise InputError(N_("not a TBX file: the root element is <%(tag)s>"), tag=_local(root.tag))
    namespace = _namespace(root.tag)
    if namespace not in TBX_NAMESPACES:
        raise InputError(
            N_("not a TBX file: its elements are in the namespace %(namespace)r (TBX has "
               "none or urn:iso:std:iso:30042:ed-2)"),
            namespace=namespace,
        )  # fmt: skip
    core = f"{{{namespace}}}" if namespace else ""  # a foreign <x:termEntry> is not read
    return _tbx_entries(events, root, core, source_lang, target_lang)


def _next_event(events: Iterator[tuple[str, Any]]) -> tuple[str, Any] | None:
    """The parser's next event, or None at the end; its refusals as ``InputError``."""
    try:
        return next(events, None)
    except DefusedXmlException as exc:
        raise InputError(
            N_("the TBX file declares entities, which are refused: %(exc)s"), exc=exc
        ) from exc
    except SafeET.ParseError as exc:
        raise InputError(N_("malformed TBX (XML): %(exc)s"), exc=exc) from exc


def _tbx_entries(
    events: Iterator[tuple[str, Any]], root: Element, core: str, source_lang: str,
    target_lang: str,
) -> Iterator[Entry]:
    """The entries of each ``termEntry``/``conceptEntry`` as its end is read; the entry
    is then removed from its parent, so the tree holds one entry at a time."""
    entry_tags = {core + "termEntry", core + "conceptEntry"}
    open_elements = [root]
    while (event := _next_event(events)) is not None:
        kind, element = event
        if kind == "start":
            open_elements.append(element)
            continue
        open_elements.pop()
        if element.tag not in entry_tags:
            continue
        yield from _entry_terms(element, core, source_lang, target_lang)
        if open_elements:
            open_elements[-1].remove(element)


def _entry_terms(entry: Element, core: str, source_lang: str, target_lang: str) -> list[Entry]:
    """One concept's (source, target) pairs; a forbidden target without a usable source
    is kept with an empty source (a term never to use)."""
    by_lang: dict[str, list[tuple[str, bool]]] = {}
    for lang_set in entry:
        if lang_set.tag in {core + "langSet", core + "langSec"}:
            by_lang.setdefault(_lang(lang_set), []).extend(_terms(lang_set, core))
    sources = [t for t, bad in by_lang.get(source_lang, []) if not bad]
    return [
        Entry(source, target, forbidden)
        for target, forbidden in by_lang.get(target_lang, [])
        for source in sources or ([""] if forbidden else [])
    ]
