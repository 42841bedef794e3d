"""Export a stored alignment as JSON, JSON Lines or TMX 1.4.

* ``json``: one document, ``schema_version`` first, provenance (both versions'
  outlet, URL, capture time, language; roles; MT model and version; method)
  and every pair with bead kind, status, score, edit ratio, diff ops and check
  flags.  Validated by ``workbench/schemas/export.schema.json`` (a test checks).
* ``jsonl``: the same content streamed: line 1 is the header (``"type":
  "header"``, everything but the pairs), then one ``"type": "pair"`` object per
  line carrying ``alignment_id``, so lines can be filtered independently
  (``json_line``: one record a line for every line splitter).
* ``tmx``: TMX 1.4 translation units for pairs with text on both sides, the
  languages on each ``tuv``'s ``xml:lang`` and kind/status/score as ``prop``s.
  Characters XML 1.0 forbids (control characters) are dropped; everything else
  is escaped by the XML writer, and white space reads back exactly
  (``adapters.tmx.add_seg``).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any
from xml.etree import ElementTree as ET

from workbench import __version__
from workbench.adapters.tmx import add_seg, tmx_xml, xml_text
from workbench.config import Settings
from workbench.core.labels import models_in
from workbench.formats import EXPORT_FORMAT_NAMES, export_format
from workbench.services.alignments import alignment_detail
from workbench.services.validation import checks_ids
from workbench.store.models import iso_utc

# 1.1: pair confidence, statuses equivalent|differs|uncertain, quote flags;
# 1.2: alignment.filter (the compare view's filters of a partial export, else null)
# 1.3: alignment.summary.moves (each move once, at its origin; ``moved`` counts rows)
SCHEMA_VERSION = "1.3"
FORMATS = EXPORT_FORMAT_NAMES  # the registry: workbench/formats.py


def _models(label: str) -> list[dict[str, str]]:
    """Unique model ids and versions of a label (the format: ``workbench.core.labels``).

    ``argos:ru_en@1.0+argos:en_de@1.0, argos:en_de@1.0 (approved)`` -> ru_en, en_de.
    """
    return [
        {"id": ref.model_id, "version": ref.version + (f"~{ref.tag}" if ref.tag else "")}
        for ref in models_in(label or "")
    ]


def _header(detail: dict[str, Any]) -> dict[str, Any]:
    summary = detail["summary"]
    params = detail.get("params") or {}
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": f"workbench {__version__}",
        "exported_at": iso_utc(datetime.now(UTC)),  # "...Z", as every stamp
        "alignment": {
            "id": detail["id"],
            "method": detail["method"],
            "roles": detail["roles"],
            "created_at": detail["created_at"],
            "summary": summary,
            "filter": detail.get("filter"),
        },
        "left": {**detail["left"], "language": summary.get("left_language")},
        "right": {**detail["right"], "language": summary.get("right_language")},
        "mt": {
            "used": bool(detail["mt_model"]),
            "direction": params.get("mt"),
            "label": detail["mt_model"] or None,
            "models": _models(detail["mt_model"]),
        },
    }


def _pair(pair: dict[str, Any]) -> dict[str, Any]:
    return {
        "position": pair["position"],
        "kind": pair["kind"],
        "status": pair["status"],
        "roles": pair["roles"],
        "score": pair["score"],
        "edit_ratio": pair["edit_ratio"],
        "left": {"segment_ids": pair["left_segment_ids"], "text": pair["left_text"]},
        "right": {"segment_ids": pair["right_segment_ids"], "text": pair["right_text"]},
        "compared_text": pair["compared_text"] or None,
        "diff_ops": pair["diff_ops"],
        "flags": pair["flags"],
        "move_to": pair["move_to"],
        "confidence": pair.get("confidence", 1.0),
    }


_LINE_BREAKS_JSON_KEEPS = str.maketrans(
    {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def json_line(record: dict[str, Any]) -> str:
    """``record`` as one JSON Lines line (no newline at the end).

    Why: JSON allows U+0085, U+2028 and U+2029 raw in strings, but
    ``str.splitlines`` and many line-oriented tools end a line there, so a
    record holding one would read as two broken lines.  They are written as
    ``\\uXXXX`` escapes (raw, they can only be inside strings); every other
    character stays as it is (``ensure_ascii=False``).
    """
    return json.dumps(record, ensure_ascii=False).translate(_LINE_BREAKS_JSON_KEEPS)


def to_json(detail: dict[str, Any]) -> str:
    """The whole alignment as one JSON document."""
    document = _header(detail)
    document["pairs"] = [_pair(p) for p in detail["pairs"]]
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def to_jsonl(detail: dict[str, Any]) -> str:
    """Header line, then one pair per line."""
    lines = [json_line({"type": "header", **_header(detail)})]
    for pair in detail["pairs"]:
        record = {"type": "pair", "alignment_id": detail["id"], **_pair(pair)}
        lines.append(json_line(record))
    return "\n".join(lines) + "\n"


_clean = xml_text


def tmx_document(
    srclang: str, tool_format: str, created: str | None = None
) -> tuple[ET.Element, ET.Element]:
    """A TMX 1.4 root with its header and empty body: one header for every TMX we write.

    Why one place: alignment exports and translation deliverables must agree on the
    header attributes CAT tools read (srclang, segtype, creation tool).
    """
    root = ET.Element("tmx", version="1.4")
    ET.SubElement(
        root,
        "header",
        creationtool="workbench",
        creationtoolversion=__version__,
        segtype="sentence",
        datatype="plaintext",
        adminlang="en",
        srclang=srclang,
        creationdate=created or datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ"),
        **{"o-tmf": tool_format},
    )
    return root, ET.SubElement(root, "body")


def to_tmx(detail: dict[str, Any]) -> str:
    """TMX 1.4 with one translation unit per pair that has text on both sides."""
    header = _header(detail)
    left_lang = header["left"]["language"] or "und"
    right_lang = header["right"]["language"] or "und"
    root, body = tmx_document(left_lang, "workbench-alignment")
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for pair in detail["pairs"]:
        if not pair["left_text"] or not pair["right_text"]:
            continue
        unit = ET.SubElement(body, "tu", tuid=f"{detail['id']}-{pair['position']}")
        for key in ("kind", "status", "score", "edit_ratio"):
            ET.SubElement(unit, "prop", type=f"x-{key}").text = str(pair[key])
        if pair["compared_text"]:
            ET.SubElement(unit, "note").text = _clean("MT: " + pair["compared_text"])
        for lang, text in ((left_lang, pair["left_text"]), (right_lang, pair["right_text"])):
            add_seg(ET.SubElement(unit, "tuv", {xml_lang: lang}), text)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + tmx_xml(root) + "\n"


@checks_ids
def export_alignment(settings: Settings, alignment_id: int, fmt: str) -> str:
    """A stored alignment as text in ``fmt`` (a name from ``workbench.formats``)."""
    chosen = export_format(fmt)  # an unknown format fails before the database is read
    return chosen.render(alignment_detail(settings, alignment_id))
