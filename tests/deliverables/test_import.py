"""XLIFF round trip: edit in a "CAT tool" (lxml here), import, revision checks, bad files."""

from __future__ import annotations

import pytest
from lxml import etree
from sqlmodel import col, select

from tests.deliverables.conftest import approve
from tests.deliverables.schema import validate
from tests.web.conftest import Corpus
from workbench.config import Settings
from workbench.errors import InputError, NotFoundError, TooLargeError
from workbench.services.deliverables import export_translation
from workbench.services.ingest import ingest_bytes
from workbench.services.postedit import save_translation
from workbench.services.xliff_import import import_xliff
from workbench.store.db import get_engine, session_scope
from workbench.store.models import Segment, Translation

NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
XLF = "{urn:oasis:names:tc:xliff:document:1.2}"


def _snapshot(settings: Settings) -> list[tuple]:
    with session_scope(get_engine(settings.database_url)) as session:
        rows = session.exec(select(Translation).order_by(col(Translation.id))).all()
        return [(t.segment_id, t.target_lang, t.text, t.status, t.revision) for t in rows]


def _row(settings: Settings, segment: int) -> Translation:
    with session_scope(get_engine(settings.database_url)) as session:
        row = session.exec(
            select(Translation).where(
                Translation.segment_id == segment, Translation.target_lang == "de"
            )
        ).one()
        session.expunge(row)
        return row


def _edit(body: str, changes: dict[int, tuple[str, str]]) -> bytes:
    """What a CAT tool does: new target text and state for some units."""
    root = etree.fromstring(body.encode())
    for unit in root.iterfind(".//x:trans-unit", NS):
        if int(unit.get("id")) in changes:
            text, state = changes[int(unit.get("id"))]
            target = unit.find("x:target", NS)
            if target is None:
                target = etree.Element(XLF + "target")
                unit.find("x:source", NS).addnext(target)
            target.text, target.attrib["state"] = text, state
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def test_round_trip_updates_by_segment_id(settings, corpus: Corpus) -> None:  # type: ignore[no-untyped-def]
    body = export_translation(settings, corpus.v_en1, "de", "xliff")[0]
    soldiers, headline = corpus.segments["soldiers"], corpus.segments["headline"]
    edited = _edit(body, {soldiers: ("Über 10.000 Soldaten.", "final"),
                          headline: ("Truppen wieder an der Front", "translated")})  # fmt: skip
    validate(edited.decode())
    report = import_xliff(settings, edited, "job.xlf")
    assert (report.updated, report.approved, report.conflicts) == (2, 1, [])
    assert report.untranslated == 3 and report.unchanged == 0
    row = _row(settings, soldiers)
    assert (row.text, row.status, row.revision) == ("Über 10.000 Soldaten.", "approved", 2)
    assert row.mt_text == "Mehr als 10.000 Soldaten."  # MT kept for the edit distance
    assert _row(settings, headline).status == "draft"
    again = import_xliff(settings, edited, "job.xlf")  # same file twice: nothing more to do
    assert again.updated == 0 and again.unchanged == 2 and again.conflicts == []


def test_untouched_export_changes_nothing(settings, corpus: Corpus) -> None:  # type: ignore[no-untyped-def]
    approve(settings, corpus)
    before = _snapshot(settings)
    body = export_translation(settings, corpus.v_en1, "de", "xliff")[0]
    report = import_xliff(settings, body.encode(), "job.xlf")
    assert report.updated == 0 and report.unchanged == 2
    assert _snapshot(settings) == before


def test_accepting_mt_in_the_cat_tool_saves_a_draft(settings, corpus: Corpus) -> None:  # type: ignore[no-untyped-def]
    body = export_translation(settings, corpus.v_en1, "de", "xliff")[0]
    soldiers = corpus.segments["soldiers"]
    accepted = _edit(body, {soldiers: ("Mehr als 10.000 Soldaten.", "translated")})
    report = import_xliff(settings, accepted)
    assert report.updated == 1 and _row(settings, soldiers).status == "draft"


def test_changed_meanwhile_is_a_conflict_never_overwritten(settings, corpus: Corpus) -> None:  # type: ignore[no-untyped-def]
    soldiers = corpus.segments["soldiers"]
    body = export_translation(settings, corpus.v_en1, "de", "xliff")[0]
    save_translation(settings, soldiers, "de", "Im Browser geändert.", base_revision=1)
    report = import_xliff(settings, _edit(body, {soldiers: ("Aus dem CAT-Tool.", "final")}))
    assert report.updated == 0 and len(report.conflicts) == 1
    conflict = report.conflicts[0]
    assert conflict["file_text"] == "Aus dem CAT-Tool."  # the translator's text is returned
    assert conflict["current"]["text"] == "Im Browser geändert."
    assert _row(settings, soldiers).text == "Im Browser geändert."


def test_missing_revision_with_an_existing_row_is_a_conflict(settings, corpus: Corpus) -> None:  # type: ignore[no-untyped-def]
    soldiers = corpus.segments["soldiers"]
    body = export_translation(settings, corpus.v_en1, "de", "xliff")[0]
    edited = _edit(body, {soldiers: ("Neu.", "translated")}).replace(b'extradata="revision=1"', b"")
    report = import_xliff(settings, edited)
    assert len(report.conflicts) == 1 and _row(settings, soldiers).text.startswith("Mehr")


def _bad_files(body: str, corpus: Corpus) -> dict[str, bytes]:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">&b;</xliff>'
    )
    seg = str(corpus.segments["soldiers"])
    return {
        "empty": b"",
        "binary": b"\x00\x01\x02PK",
        "truncated": body.encode()[: len(body) // 2],
        "entities": bomb.encode(),
        "xliff2": b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0"/>',
        "foreign": body.replace("workbench:version/", "other:").encode(),
        "language": body.replace('target-language="de"', 'target-language="xx"').encode(),
        "unknown segment": body.replace(f'id="{seg}"', 'id="999999"').encode(),
        "bad id": body.replace(f'id="{seg}"', 'id="s1"').encode(),
        "source edited": body.replace("More than 10,000", "Fewer than 10,000").encode(),
    }


@pytest.mark.parametrize(
    "case",
    ["empty", "binary", "truncated", "entities", "xliff2", "foreign", "language",
     "unknown segment", "bad id", "source edited"],
)  # fmt: skip
def test_bad_files_are_refused_and_change_nothing(settings, corpus: Corpus, case: str) -> None:  # type: ignore[no-untyped-def]
    body = export_translation(settings, corpus.v_en1, "de", "xliff")[0]
    soldiers = corpus.segments["soldiers"]
    body = _edit(body, {soldiers: ("Geändert.", "final")}).decode()
    before = _snapshot(settings)
    with pytest.raises((InputError, NotFoundError)) as info:
        import_xliff(settings, _bad_files(body, corpus)[case], "bad.xlf")
    assert "bad.xlf" in info.value.message
    assert _snapshot(settings) == before


def test_huge_file_is_refused(settings, corpus: Corpus) -> None:  # type: ignore[no-untyped-def]
    small = settings.with_(max_input_chars=10)
    with pytest.raises(TooLargeError):
        import_xliff(small, b"<xliff>" + b" " * 100 + b"</xliff>", "big.xlf")


def _segment_ids(settings: Settings, version: int) -> list[int]:
    with session_scope(get_engine(settings.database_url)) as session:
        rows = session.exec(
            select(Segment).where(Segment.version_id == version).order_by(col(Segment.position))
        ).all()
        return [int(s.id) for s in rows if s.id is not None]


def test_a_source_with_characters_xml_cannot_carry_imports_back(settings: Settings) -> None:
    """Round 31 (reliab31 hunt): a page keeping U+0001 (ingest refuses only NUL) was written
    without it, and its own untouched export was refused as 'the source ... differs'."""
    page = b"Storm shuts the bridge\n\nEngineers\x01 closed it \x1b on Sunday.\n"
    version = ingest_bytes(settings, page, filename="storm.txt", outlet="wire").version_id
    seg = _segment_ids(settings, version)[-1]
    save_translation(settings, seg, "de", "Ingenieure sperrten sie.", base_revision=0)
    before = _snapshot(settings)
    body = export_translation(settings, version, "de", "xliff")[0]
    assert "\x01" not in body and "\x1b" not in body
    report = import_xliff(settings, body.encode(), "job.xlf")
    assert (report.updated, report.unchanged, report.conflicts) == (0, 1, [])
    assert _snapshot(settings) == before


@pytest.mark.parametrize("text", ["Brücke\x17 gesperrt", "Brücke\r\ngesperrt", "Brücke\rzu"])
def test_an_untouched_export_keeps_a_translation_it_cannot_write_verbatim(
    settings: Settings, page_version: int, text: str
) -> None:
    """Round 31 (reliab31 hunt): the file has the text without U+0017 and with a line feed for
    a carriage return; re-importing it untouched rewrote the stored translation (revision 2)."""
    seg = _segment_ids(settings, page_version)[0]
    save_translation(settings, seg, "de", text, base_revision=0, status="approved")
    before = _snapshot(settings)
    body = export_translation(settings, page_version, "de", "xliff")[0]
    report = import_xliff(settings, body.encode(), "job.xlf")
    assert (report.updated, report.unchanged, report.conflicts) == (0, 1, [])
    assert _snapshot(settings) == before
    edited = body.replace(">Brücke", ">Die Brücke", 1).encode()  # a real edit is still saved
    assert import_xliff(settings, edited, "job.xlf").updated == 1
