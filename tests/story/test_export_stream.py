"""Streamed exports equal the in-memory ones and read pairs in chunks."""

from __future__ import annotations

import json
import re

import pytest
from lxml import etree

from tests.story.conftest import COPY, WIRE, Ingest, bulk_alignment
from workbench.config import Settings
from workbench.services import export_stream
from workbench.services.compare import alignment_detail, compare_versions
from workbench.services.export import to_json, to_jsonl, to_tmx
from workbench.services.export_stream import iter_export
from workbench.web import create_app

STAMP = re.compile(r'"exported_at": ?"[^"]+"|creationdate="[^"]+"')


def _same(text: str) -> str:
    return STAMP.sub("STAMP", text)


def test_streams_equal_the_in_memory_exports(settings: Settings, ingest: Ingest) -> None:
    aid = compare_versions(
        settings, ingest(WIRE, "wire"), ingest(COPY, "herald", 2), roles="all"
    ).alignment_id
    detail = alignment_detail(settings, aid)
    for fmt, render in (("json", to_json), ("jsonl", to_jsonl), ("tmx", to_tmx)):
        streamed = "".join(iter_export(settings, aid, fmt))
        if fmt == "tmx":
            ours, theirs = (
                etree.fromstring(streamed.encode()),
                etree.fromstring(render(detail).encode()),
            )
            assert _same(etree.tostring(ours, encoding="unicode")) == _same(
                etree.tostring(theirs, encoding="unicode")
            )
        else:
            assert _same(streamed) == _same(render(detail)), fmt


def test_large_exports_stream_in_chunks(
    settings: Settings, ingest: Ingest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An export of more than two chunks streams every pair once, in order, in each format.

    Why ``CHUNK`` is made small here: the claim is about crossing chunk boundaries, not about
    500 rows; at the real ``CHUNK`` the test ingested 2 × 1,200 lines (33 s of a loaded CI
    machine) to cross the same two boundaries that 2 × 120 lines cross at ``CHUNK`` 50.
    """
    monkeypatch.setattr(export_stream, "CHUNK", 50)
    n = export_stream.CHUNK * 2 + 20
    aid = bulk_alignment(settings, ingest, n, "body")
    pieces = list(iter_export(settings, aid, "jsonl"))
    assert len(pieces) == n + 1
    assert [json.loads(p)["position"] for p in pieces[1:]] == list(range(n))
    document = json.loads("".join(iter_export(settings, aid, "json")))
    assert len(document["pairs"]) == n
    units = etree.fromstring("".join(iter_export(settings, aid, "tmx")).encode()).findall(".//tu")
    assert len(units) == n
    client = create_app(settings).test_client()
    response = client.get(f"/api/alignments/{aid}/export?format=jsonl")
    assert response.status_code == 200 and response.is_streamed
    assert response.headers["Content-Disposition"].endswith(f'alignment-{aid}.jsonl"')
    assert response.get_data(as_text=True).count("\n") == n + 1
    missing = client.get("/alignments/999999/export?format=json")
    assert missing.status_code == 404
