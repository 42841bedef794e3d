"""Reading and writing TMX 1.4 translation memories.

Reading untrusted XML: defusedxml refuses entity declarations and external
references (billion laughs, file/network fetches).  Inline markup follows the
TMX spec: ``<bpt>``, ``<ept>``, ``<ph>``, ``<it>`` and ``<ut>`` hold *native
codes* of the original format, so their content is dropped and only the text
around them is kept; ``<hi>`` and ``<sub>`` are text.

Writing: XML 1.0 cannot carry C0 controls (tab, line feed and carriage return
aside) or U+FFFE/U+FFFF, even escaped, and stored texts may hold them (page and
translation texts refuse only NUL), so every text written goes through
``xml_text``; otherwise the file is one no parser, ours included, reads.

White space (round 32): ``<seg>`` is mixed content in the TMX 1.4 DTD, so its
white space is data: double spaces, tabs and outer spaces read back exactly.
Line breaks are the exception: tools wrap and indent ``<seg>`` content
(``<seg>\n      Text wrapped\n      here\n    </seg>``), and a translator
means one sentence there, so a white-space run holding a line break reads as
one space (none at either end).  A text that holds a line break is written
with ``xml:space="preserve"``, the XML signal that its white space is all
meant, and read back exactly (the attribute is honoured on the ``seg``, its
``tuv`` or its ``tu``; the TMX DTD does not declare it, which only a
validating reader notices, and only on such segments).  A carriage return is
written ``&#13;`` (XML reads a raw one as a line feed).  So every text we
write reads back exactly as ``xml_text`` leaves it.
"""

from __future__ import annotations

import io
import itertools
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from workbench.adapters.filebytes import check_xml_bytes
from workbench.errors import N_, InputError

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: TMX 1.4's elements have no namespace (the LISA DTD); some tools validate
#: against a schema whose target namespace is LISA's.  Any other is another format.
TMX_NAMESPACES = ("", "http://www.lisa.org/tmx14")
CODES = {"bpt", "ept", "ph", "it", "ut"}
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_LAYOUT = re.compile(r"\s*\n\s*")  # a white-space run holding a line break
_LAYOUT_ENDS = re.compile(r"\A\s*\n\s*|\s*\n\s*\Z")


def xml_text(text: str) -> str:
    """``text`` as an XML 1.0 file carries it: the characters XML forbids dropped."""
    return XML_INVALID.sub("", text)


def add_seg(tuv: Element, text: str) -> Element:
    """A ``<seg>`` of ``text`` under ``tuv`` that ``seg_content`` reads back as ``xml_text(text)``.

    Every TMX writer goes through here (and ``tmx_xml``), so every exported
    segment survives an import unchanged.
    """
    seg = ET.SubElement(tuv, "seg")
    seg.text = xml_text(text)
    if "\n" in seg.text:
        seg.set(XML_SPACE, "preserve")
    return seg


def tmx_xml(element: Element) -> str:
    """``element`` serialised with carriage returns as ``&#13;``.

    Why: a raw CR in text is read as a line feed (XML end-of-line handling);
    ElementTree writes text CRs raw, and a raw CR can only be text here.
    """
    return ET.tostring(element, encoding="unicode").replace("\r", "&#13;")


def seg_content(seg: Element, preserve: bool = False) -> str:
    """A segment's text as stored: exact, but white-space runs holding a line break (a
    tool's wrapping and indentation) read as one space, or none at either end, unless
    ``xml:space="preserve"`` is in effect (module docstring)."""
    text = seg_text(seg)
    if preserve or seg.get(XML_SPACE) == "preserve":
        return text
    return _LAYOUT.sub(" ", _LAYOUT_ENDS.sub("", text))


@dataclass(frozen=True)
class Unit:
    """One source/target pair read from a TMX file."""

    source_lang: str
    target_lang: str
    source: str
    target: str
    author: str = ""


def base_lang(code: str) -> str:
    """``en-US`` / ``EN_us`` -> ``en``."""
    return code.replace("_", "-").split("-")[0].strip().lower()


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1]


def seg_text(seg: Element) -> str:
    """The text of a ``<seg>`` without native codes (their tails kept).

    Why a stack and no recursion: a TMX nesting ``<hi>`` a few thousand levels deep
    (well-formed, well under the size limit) raised ``RecursionError`` here.
    """
    parts = [seg.text or ""]
    stack: list[tuple[Element | None, Iterator[Element]]] = [(None, iter(seg))]
    while stack:
        owner, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if owner is not None:
                parts.append(owner.tail or "")
        elif _local(child.tag) in CODES:
            parts.append(child.tail or "")
        else:
            parts.append(child.text or "")
            stack.append((child, iter(child)))
    return "".join(parts)


def _namespace(tag: object) -> str:
    return str(tag)[1:].split("}", 1)[0] if str(tag).startswith("{") else ""


def _variants(tu: Element, name: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for tuv in tu:
        if tuv.tag != name["tuv"]:
            continue
        lang = base_lang(tuv.get(XML_LANG) or tuv.get("lang") or "")
        seg = next((c for c in tuv if c.tag == name["seg"]), None)
        if lang and seg is not None:
            preserve = "preserve" in (tuv.get(XML_SPACE), tu.get(XML_SPACE))
            text = seg_content(seg, preserve)
            if text.strip():
                out.setdefault(lang, text)
    return out


def parse_tmx(
    data: bytes, source_lang: str | None = None, target_lang: str | None = None
) -> list[Unit]:
    """Units of a TMX file: from the header's ``srclang`` (or ``source_lang``) to every
    other language (or only ``target_lang``).  ``InputError`` for anything unusable
    (``iter_tmx``, as a list)."""
    return list(iter_tmx(data, source_lang, target_lang))


def iter_tmx(
    data: bytes, source_lang: str | None = None, target_lang: str | None = None
) -> Iterator[Unit]:
    """``parse_tmx``'s units as a stream (reliabb39: the whole tree and a list of the
    units of 40,000 units cost +41..61 MB over 4,000's; a 104 MB file some 1.3 GB).

    The encoding, a DOCTYPE (defusedxml refuses its entities), the root, its namespace
    and the header's source language are checked now, before the caller writes
    anything (TMX puts ``<header>`` before ``<body>``); each ``tu`` is dropped once
    read, and malformed XML further on, or a file with no unit of the pair, is raised
    when it is reached (the import's one transaction rolls back)."""
    check_xml_bytes(data, "TMX")  # empty/binary/non-UTF-8 first (UTF-16 is XML's own)
    events = SafeET.iterparse(io.BytesIO(data), events=("start", "end"))
    first = _next_event(events)
    if first is None:
        raise InputError(N_("malformed TMX (XML): %(exc)s"), exc="no element found")
    root = first[1]
    if _local(root.tag) != "tmx":
        raise InputError(N_("not a TMX file: the root element is <%(tag)s>"), tag=_local(root.tag))
    namespace = _namespace(root.tag)
    if namespace not in TMX_NAMESPACES:  # round 34: was read by local names, silently
        raise InputError(
            N_("not a TMX file: its elements are in the namespace %(namespace)r (TMX has none)"),
            namespace=namespace,
        )
    name = {t: f"{{{namespace}}}{t}" if namespace else t for t in ("header", "tu", "tuv", "seg")}
    opened = [root]
    declared, pending = _header_lang(events, name)
    source = base_lang(source_lang) if source_lang else declared
    if not source or source == "*all*":
        raise InputError(N_("the TMX header names no source language (srclang); give --from"))
    target = base_lang(target_lang) if target_lang else None
    return _tmx_units(itertools.chain(pending, events), opened, name, (source, target))


def _next_event(events: Iterator[tuple[str, Any]]) -> tuple[str, Any] | None:
    """The parser's next event, or None at the end; its refusals as ``InputError``."""
    try:
        return next(events, None)
    except DefusedXmlException as exc:
        raise InputError(
            N_("the TMX file declares entities, which are refused: %(exc)s"), exc=exc
        ) from exc
    except SafeET.ParseError as exc:
        raise InputError(N_("malformed TMX (XML): %(exc)s"), exc=exc) from exc


def _header_lang(
    events: Iterator[tuple[str, Any]], name: dict[str, str]
) -> tuple[str, list[tuple[str, Any]]]:
    """The root's first child, read: its ``srclang`` when it is the header (TMX puts it
    first; "" when it is not, or the root is empty), and the event read for it, handed
    on to the units (the child's start, or the root's end)."""
    event = _next_event(events)
    if event is None:
        return "", []
    kind, element = event
    header = kind == "start" and element.tag == name["header"]
    return base_lang(element.get("srclang", "")) if header else "", [event]


def _tmx_units(
    events: Iterator[tuple[str, Any]], opened: list[Element], name: dict[str, str],
    pair: tuple[str, str | None],
) -> Iterator[Unit]:  # fmt: skip
    """The units of each ``tu`` (a foreign ``<x:tu>`` is none) as its end is read; the
    ``tu`` is then removed from its parent, so the tree holds one unit at a time."""
    source, target = pair
    found = False
    while (event := _next_event(events)) is not None:
        kind, element = event
        if kind == "start":
            opened.append(element)
            continue
        opened.pop()
        if element.tag != name["tu"]:
            continue
        for unit in _tu_units(element, name, source, target):
            found = True
            yield unit
        if opened:
            opened[-1].remove(element)
    if not found:
        text = f"{source}->{target}" if target else f"from {source}"
        raise InputError(N_("no translation units %(pair)s found in the TMX file"), pair=text)


def _tu_units(tu: Element, name: dict[str, str], source: str, target: str | None) -> list[Unit]:
    """One ``tu``'s units: its source text to each other language (or only ``target``)."""
    variants = _variants(tu, name)
    if source not in variants:
        return []
    author = tu.get("changeid") or tu.get("creationid") or ""
    return [Unit(source, lang, variants[source], text, author)
            for lang, text in variants.items()
            if lang != source and (target is None or lang == target)]  # fmt: skip


def write_tmx(units: Iterable[Unit], source_lang: str) -> str:
    """A TMX 1.4 document (UTF-8 text) of ``units``."""
    root = ET.Element("tmx", version="1.4")
    ET.SubElement(
        root,
        "header",
        creationtool="workbench",
        creationtoolversion="1",
        datatype="plaintext",
        segtype="sentence",
        adminlang="en",
        srclang=source_lang,
        **{"o-tmf": "workbench"},
    )
    body = ET.SubElement(root, "body")
    for unit in units:
        tu = ET.SubElement(body, "tu")
        if unit.author:
            tu.set("changeid", xml_text(unit.author))
        for lang, text in ((unit.source_lang, unit.source), (unit.target_lang, unit.target)):
            add_seg(ET.SubElement(tu, "tuv", {XML_LANG: lang}), text)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + tmx_xml(root) + "\n"
