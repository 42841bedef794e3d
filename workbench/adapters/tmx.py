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

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
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
    other language (or only ``target_lang``).  ``InputError`` for anything unusable."""
    check_xml_bytes(data, "TMX")  # empty/binary/non-UTF-8 first (UTF-16 is XML's own)
    try:
        root = SafeET.fromstring(data)
    except DefusedXmlException as exc:
        raise InputError(
            N_("the TMX file declares entities, which are refused: %(exc)s"), exc=exc
        ) from exc
    except SafeET.ParseError as exc:
        raise InputError(N_("malformed TMX (XML): %(exc)s"), exc=exc) from exc
    if _local(root.tag) != "tmx":
        raise InputError(N_("not a TMX file: the root element is <%(tag)s>"), tag=_local(root.tag))
    namespace = _namespace(root.tag)
    if namespace not in TMX_NAMESPACES:  # round 34: was read by local names, silently
        raise InputError(
            N_("not a TMX file: its elements are in the namespace %(namespace)r (TMX has none)"),
            namespace=namespace,
        )
    name = {t: f"{{{namespace}}}{t}" if namespace else t for t in ("header", "tu", "tuv", "seg")}
    header = next((c for c in root if c.tag == name["header"]), None)
    declared = base_lang(header.get("srclang", "")) if header is not None else ""
    source = base_lang(source_lang) if source_lang else declared
    if not source or source == "*all*":
        raise InputError(N_("the TMX header names no source language (srclang); give --from"))
    units: list[Unit] = []
    for tu in root.iter(name["tu"]):  # a foreign <x:tu> is no unit
        variants = _variants(tu, name)
        if source not in variants:
            continue
        author = tu.get("changeid") or tu.get("creationid") or ""
        for lang, text in variants.items():
            if lang != source and (target_lang is None or lang == base_lang(target_lang)):
                units.append(Unit(source, lang, variants[source], text, author))
    if not units:
        pair = f"{source}->{target_lang}" if target_lang else f"from {source}"
        raise InputError(N_("no translation units %(pair)s found in the TMX file"), pair=pair)
    return units


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
