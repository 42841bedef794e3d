"""XLIFF 1.2 and TMX 1.4 writers for a version's translation (see docs/deliverables.md).

Why XLIFF 1.2 and not 2.1: OmegaT's own XLIFF filter and the Okapi filters it
uses read 1.2 states and notes reliably (Okapi's XLIFF 2 filter still mistakes
``translated`` for fuzzy), MateCat accepts 1.2 as its reference format, and
Weblate/translate-toolkit read 1.2 first.  A 1.2 file is what all of them round-trip.

Mapping (one ``trans-unit`` per segment, ``id`` = the segment id):

* status ``machine``  -> ``state="needs-review-translation"``, ``state-qualifier="mt-suggestion"``
* status ``draft``    -> ``state="translated"``
* status ``approved`` -> ``state="final"`` and ``approved="yes"`` on the unit
* no translation      -> no ``<target>``; already in the target language -> ``translate="no"``
* the revision the text was exported at -> ``extradata="revision=N"`` (checked on import)
* MT provenance (engine, model, version, date) -> ``<note from="workbench-mt">``; the
  machine output of a post-edited segment -> ``<alt-trans origin="..." alttranstype="proposal">``
* the page role -> ``<context-group purpose="information"><context context-type="x-role">``
* white space that is data (runs, tabs, breaks, ends) in a unit's texts ->
  ``xml:space="preserve"`` on the ``trans-unit``; a carriage return -> ``&#13;`` (round 33)

Characters XML 1.0 forbids are dropped; everything else is escaped by the writer.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from xml.etree import ElementTree as ET

from workbench import __version__
from workbench.adapters.tmx import XML_SPACE, add_seg, tmx_xml, xml_text
from workbench.services.deliverable_unit import Unit
from workbench.services.export import tmx_document
from workbench.services.provenance import describe as provenance

XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATES: dict[str, str] = {
    "machine": "needs-review-translation",
    "draft": "translated",
    "approved": "final",
}


_clean = xml_text


def _laid_out(text: str) -> bool:
    """Whether ``text`` has white space a CAT tool may fold (runs, tabs, breaks, ends).

    XLIFF 1.2 lets ``xml:space="preserve"`` on a ``trans-unit`` say that its white
    space is data; without it, tools such as Okapi's XLIFF filter fold it by
    default.  Only such units carry it, so ordinary exports stay as they were.
    """
    return text != " ".join(text.split())


def _q(tag: str) -> str:
    return f"{{{XLIFF_NS}}}{tag}"


def _unit_element(body: ET.Element, unit: Unit, target: str) -> None:
    seg, row = unit.segment, unit.translation
    attrs = {"id": str(seg["id"]), "resname": f"segment-{seg['position'] + 1}"}
    attrs["extradata"] = f"revision={row['revision'] if row else 0}"
    if unit.state == "same_language":
        attrs["translate"] = "no"
    if unit.state == "approved":
        attrs["approved"] = "yes"
    texts = (seg["text"], unit.text or "", (row or {}).get("mt_text") or "")
    if any(_laid_out(_clean(t)) for t in texts):  # what the file carries, not the store
        attrs[XML_SPACE] = "preserve"
    element = ET.SubElement(body, _q("trans-unit"), attrs)
    source = ET.SubElement(element, _q("source"), {XML_LANG: seg.get("lang") or "und"})
    source.text = _clean(seg["text"])
    if unit.state in STATES:
        tgt = ET.SubElement(element, _q("target"), {XML_LANG: target, "state": STATES[unit.state]})
        if unit.state == "machine":
            tgt.set("state-qualifier", "mt-suggestion")
        tgt.text = _clean(unit.text)
    elif unit.state == "same_language":
        tgt = ET.SubElement(element, _q("target"), {XML_LANG: target, "state": "final"})
        tgt.text = _clean(seg["text"])
    group = ET.SubElement(element, _q("context-group"), {"purpose": "information"})
    ET.SubElement(group, _q("context"), {"context-type": "x-role"}).text = seg["role"]
    if row and row.get("mt_text") and row.get("engine") not in ("human", "identity"):
        note = ET.SubElement(element, _q("note"), {"from": "workbench-mt", "annotates": "target"})
        note.text = _clean("Machine translation: " + provenance(row))
        if unit.state in ("draft", "approved") and row["mt_text"] != unit.text:
            alt = ET.SubElement(
                element,
                _q("alt-trans"),
                {"origin": f"{row.get('model_id') or 'mt'}", "alttranstype": "proposal"},
            )
            ET.SubElement(alt, _q("target"), {XML_LANG: target}).text = _clean(row["mt_text"])


def to_xliff(version: dict[str, Any], target: str, units: list[Unit]) -> str:
    """One ``<file>`` per version; ``original`` names it so the import finds the version."""
    ET.register_namespace("", XLIFF_NS)
    root = ET.Element(_q("xliff"), {"version": "1.2"})
    file = ET.SubElement(
        root,
        _q("file"),
        {
            "original": f"workbench:version/{version['id']}",
            "source-language": version.get("language") or "und",
            "target-language": target,
            "datatype": "plaintext",
            "date": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
            "tool-id": "workbench",
        },
    )
    header = ET.SubElement(file, _q("header"))
    ET.SubElement(
        header,
        _q("tool"),
        {"tool-id": "workbench", "tool-name": "workbench", "tool-version": __version__},
    )
    about = (
        f"{version.get('title') or version.get('article_title') or ''} | "
        f"outlet {version.get('outlet')} | captured {version.get('captured_at')} | "
        f"{version.get('url') or ''}"
    )
    ET.SubElement(header, _q("note"), {"from": "workbench"}).text = _clean(about)
    body = ET.SubElement(file, _q("body"))
    for unit in units:
        _unit_element(body, unit, target)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + tmx_xml(root) + "\n"


def _tmx_date(value: str | None) -> str:
    """TMX wants ``YYYYMMDDThhmmssZ``; our ISO 8601 values are converted."""
    if not value:
        return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def to_tmx(version: dict[str, Any], target: str, units: list[Unit]) -> str:
    """TMX 1.4: one ``tu`` per segment with a translation (the units already filtered)."""
    source_lang = version.get("language") or "und"
    root, body = tmx_document(source_lang, "workbench", _tmx_date(None))
    for unit in units:
        row = unit.translation
        if row is None or unit.state not in STATES:
            continue
        tu = ET.SubElement(
            body,
            "tu",
            tuid=f"{version['id']}-{unit.segment['id']}",
            changedate=_tmx_date(row.get("updated_at")),
        )
        ET.SubElement(tu, "prop", type="x-status").text = unit.state
        ET.SubElement(tu, "prop", type="x-role").text = unit.segment["role"]
        if row.get("model_id") and row.get("engine") not in ("human", "identity"):
            ET.SubElement(tu, "prop", type="x-mt").text = _clean(provenance(row))
        source = unit.segment.get("lang") or source_lang
        pairs = ((source, unit.segment["text"]), (target, row["text"]))
        for lang, text in pairs:
            add_seg(ET.SubElement(tu, "tuv", {XML_LANG: lang}), text)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + tmx_xml(root) + "\n"
