"""Exports written as they are read: JSON, JSON Lines and TMX in chunks of pairs.

Why: ``export_alignment`` builds every pair (and the whole text) in memory;
an alignment of 10,000 pairs is tens of megabytes before the first byte
leaves.  ``iter_export`` reads pairs ``CHUNK`` at a time by position (keyset,
no ORM objects) and yields text as it goes; the web download and ``workbench
export`` send it on.  The documents are the same as the in-memory renderers'
(``services.export``: same header, same pair objects, JSON pretty-printed the
same way).  A format registered without a streamer falls back to its renderer.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from xml.etree import ElementTree as ET

from sqlmodel import Session, col, select

from workbench import __version__
from workbench.adapters.tmx import XML_LANG, add_seg, tmx_xml
from workbench.config import Settings
from workbench.core.roles import BOILERPLATE_ROLES, CONTENT_ROLES
from workbench.core.statuses import DISPLAY_ORDER
from workbench.errors import N_, InputError, NotFoundError
from workbench.formats import export_format
from workbench.services.alignments import alignment_detail, pair_dict, segment_info
from workbench.services.compare_rows import _header as header_of
from workbench.services.compare_rows import filtered_positions
from workbench.services.export import _clean, _header, _pair, json_line
from workbench.services.validation import checks_ids
from workbench.store.db import get_engine
from workbench.store.models import AlignedPair, Alignment

CHUNK = 500
Pairs = Iterator[dict[str, Any]]


def _pairs(settings: Settings, alignment_id: int, positions: list[int] | None = None) -> Pairs:
    """The alignment's pairs in position order (only ``positions`` when given), ``CHUNK``
    rows per query."""
    columns = list(AlignedPair.__table__.columns)  # type: ignore[attr-defined]
    last, done = -1, 0
    while True:
        query = select(*columns).where(AlignedPair.alignment_id == alignment_id)
        if positions is None:
            query = query.where(AlignedPair.position > last).limit(CHUNK)
        else:
            query = query.where(col(AlignedPair.position).in_(positions[done : done + CHUNK]))
            done += CHUNK
        with Session(get_engine(settings.database_url)) as session:
            rows = session.exec(query.order_by(col(AlignedPair.position))).all()
            ids = {i for r in rows for i in r.left_segment_ids + r.right_segment_ids}
            segments = segment_info(session, ids)
        if not rows:
            return
        for row in rows:
            yield pair_dict(row, segments)  # type: ignore[arg-type]
        last = rows[-1].position


def stream_json(detail: dict[str, Any], pairs: Pairs) -> Iterator[str]:
    """``to_json``'s document: the header's keys, then ``"pairs"`` one object at a time."""
    head = json.dumps(_header(detail), ensure_ascii=False, indent=2)
    yield head[: head.rfind("\n}")] + ',\n  "pairs": ['
    first = True
    for pair in pairs:
        body = json.dumps(_pair(pair), ensure_ascii=False, indent=2).replace("\n", "\n    ")
        yield ("\n    " if first else ",\n    ") + body
        first = False
    yield "]\n}\n" if first else "\n  ]\n}\n"


def stream_jsonl(detail: dict[str, Any], pairs: Pairs) -> Iterator[str]:
    """Header line, then one pair per line (as ``to_jsonl``)."""
    yield json_line({"type": "header", **_header(detail)}) + "\n"
    for pair in pairs:
        record = {"type": "pair", "alignment_id": detail["id"], **_pair(pair)}
        yield json_line(record) + "\n"


def _unit(detail: dict[str, Any], pair: dict[str, Any], langs: tuple[str, str]) -> str:
    unit = ET.Element("tu", tuid=f"{detail['id']}-{pair['position']}")
    for key in ("kind", "status", "score", "edit_ratio"):
        ET.SubElement(unit, "prop", type=f"x-{key}").text = str(pair[key])
    if pair["compared_text"]:
        ET.SubElement(unit, "note").text = _clean("MT: " + pair["compared_text"])
    for lang, text in zip(langs, (pair["left_text"], pair["right_text"]), strict=True):
        add_seg(ET.SubElement(unit, "tuv", {XML_LANG: lang}), text)
    ET.indent(unit, level=2)
    return "\n    " + tmx_xml(unit)


def stream_tmx(detail: dict[str, Any], pairs: Pairs) -> Iterator[str]:
    """TMX 1.4, one ``tu`` per pair with text on both sides (as ``to_tmx``)."""
    header = _header(detail)
    langs = (header["left"]["language"] or "und", header["right"]["language"] or "und")
    head = ET.Element(
        "header", creationtool="workbench", creationtoolversion=__version__,
        segtype="sentence", datatype="plaintext", adminlang="en", srclang=langs[0],
        creationdate=datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ"),
        **{"o-tmf": "workbench-alignment"},
    )  # fmt: skip
    yield ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n  '
           + ET.tostring(head, encoding="unicode") + "\n  <body>")  # fmt: skip
    for pair in pairs:
        if pair["left_text"] and pair["right_text"]:
            yield _unit(detail, pair, langs)
    yield "\n  </body>\n</tmx>\n"


STREAMERS: dict[str, Callable[[dict[str, Any], Pairs], Iterator[str]]] = {
    "json": stream_json,
    "jsonl": stream_jsonl,
    "tmx": stream_tmx,
}


@dataclass(frozen=True)
class RowFilter:
    """The compare view's filters: rows with a role in ``roles`` (a row without roles
    always) and a status in ``statuses``.  Why: a journalist who filtered the page to
    "differs" and exports expects those rows (round 36); the document says it is a part
    (``alignment.filter``), its summary still counts the whole alignment."""

    roles: frozenset[str]
    statuses: frozenset[str]


ROW_ROLES: tuple[str, ...] = CONTENT_ROLES + BOILERPLATE_ROLES
ROW_STATUSES: tuple[str, ...] = DISPLAY_ORDER


def check_row_values(roles: set[str], statuses: set[str]) -> None:
    """A 422 (exit 2) naming any role or change kind the rows cannot have.  Why: a misspelt
    ``chnged`` kept no row and exported an empty part, silently; the page, its twin, the
    web export and ``workbench export`` share this rule and this message."""
    unknown = sorted((roles - set(ROW_ROLES)) | (statuses - set(ROW_STATUSES)))
    if unknown:
        raise InputError(N_("unknown role or change: %(unknown)s"), unknown=", ".join(unknown))


def row_filter(roles: Iterable[str] = (), statuses: Iterable[str] = ()) -> RowFilter | None:
    """The filter that keeps rows with one of ``roles`` and one of ``statuses`` (none given:
    any), or ``None`` when it keeps every row (the export is then the whole alignment,
    ``alignment.filter`` null).  Unknown values: ``check_row_values``."""
    wanted_roles, wanted_statuses = set(roles) or set(ROW_ROLES), set(statuses) or set(ROW_STATUSES)
    check_row_values(wanted_roles, wanted_statuses)
    if wanted_roles == set(ROW_ROLES) and wanted_statuses == set(ROW_STATUSES):
        return None
    return RowFilter(frozenset(wanted_roles), frozenset(wanted_statuses))


@checks_ids
def iter_export(
    settings: Settings, alignment_id: int, fmt: str, rows: RowFilter | None = None
) -> Iterator[str]:
    """The alignment exported as ``fmt`` (only the ``rows`` kept, when given), as text
    pieces; errors raise before the first one."""
    chosen = export_format(fmt)
    with Session(get_engine(settings.database_url)) as session:
        alignment = session.get(Alignment, alignment_id)
        if alignment is None:
            raise NotFoundError(
                N_("alignment %(alignment_id)s not found"), alignment_id=alignment_id
            )
        detail = header_of(session, alignment)
        positions = None
        if rows is not None:
            positions = filtered_positions(session, alignment_id, rows.roles, rows.statuses)
            detail["filter"] = {
                "roles": sorted(rows.roles), "statuses": sorted(rows.statuses),
                "rows": len(positions),
            }  # fmt: skip
    streamer = STREAMERS.get(chosen.name)
    if streamer is None:
        whole = alignment_detail(settings, alignment_id)
        if positions is not None:
            kept = set(positions)
            whole = {**whole, "filter": detail["filter"],
                     "pairs": [p for p in whole["pairs"] if p["position"] in kept]}  # fmt: skip
        return iter([chosen.render(whole)])
    return streamer(detail, _pairs(settings, alignment_id, positions))
