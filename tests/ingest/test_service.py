"""Ingest service: idempotency, transactions, limits, metadata, sample corpus, browse."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlmodel import Session, select

from workbench.config import Settings
from workbench.errors import InputError, NotFoundError, TooLargeError
from workbench.services import ingest as ingest_service
from workbench.services.browse import list_articles, list_versions, version_detail
from workbench.services.ingest import ingest_bytes, parse_captured_at, slugify
from workbench.services.ingest_files import ingest_paths, ingest_sample_corpus
from workbench.store.db import get_engine, session_scope
from workbench.store.models import Segment, Translation, Version

Counts = Callable[[], dict[str, int]]
STORY = b"Bridge closed\n\nThe harbour bridge closed on Monday. Ferries run instead.\n"


def test_ingest_stores_raw_bytes_text_and_lossless_segments(settings: Settings) -> None:
    raw = "Мост закрыт\r\n\r\nМост через гавань закрыт до пятницы. Паромы ходят.\r\n".encode(
        "cp1251"
    )
    result = ingest_bytes(
        settings, raw, filename="ru.txt", outlet="Vestnik", url="https://v.example/1"
    )
    assert result.created and result.encoding == "cp1251" and result.language == "ru"
    with Session(get_engine(settings.database_url)) as session:
        version = session.get(Version, result.version_id)
        assert version is not None and version.raw == raw and version.source_format == "txt"
        assert version.sha256 == __import__("hashlib").sha256(raw).hexdigest()
        segs = session.exec(
            select(Segment).where(Segment.version_id == version.id).order_by(Segment.position)
        ).all()
    assert version.leading + "".join(s.text + s.separator for s in segs) == version.text
    assert all(version.text[s.start : s.end] == s.text for s in segs)
    assert version.text == raw.decode("cp1251")


def test_identical_reingest_is_idempotent(settings: Settings, counts: Counts) -> None:
    first = ingest_bytes(settings, STORY, filename="a.txt", outlet="Wire")
    before = counts()
    again = ingest_bytes(settings, STORY, filename="renamed.txt", outlet="Wire", article="other")
    assert not again.created
    assert (again.version_id, again.article_id, again.segments) == (
        first.version_id, first.article_id, first.segments,
    )  # fmt: skip
    assert counts() == before
    # the same bytes at another outlet are another version
    assert ingest_bytes(settings, STORY, filename="a.txt", outlet="Other").created


def test_failure_half_way_leaves_no_partial_version(
    settings: Settings, counts: Counts, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest_bytes(settings, STORY, filename="a.txt", outlet="Wire")
    before = counts()

    def boom(*args: object) -> None:
        raise RuntimeError("disk full (simulated after segments were added)")

    monkeypatch.setattr(ingest_service, "_relabel_older", boom)
    with pytest.raises(RuntimeError, match="disk full"):
        ingest_bytes(settings, b"New outlet story\n\nText.", filename="b.txt", outlet="New")
    assert counts() == before


@pytest.mark.parametrize(
    "data,error",
    [
        (b"", InputError),
        (b"\x00\x01binary\x00", InputError),
        (b"   \n", InputError),
    ],
)
def test_bad_input_changes_nothing(
    settings: Settings, counts: Counts, data: bytes, error: type[Exception]
) -> None:
    before = counts()
    with pytest.raises(error):
        ingest_bytes(settings, data, filename="x.txt", outlet="Wire")
    assert counts() == before


def test_size_limits(settings: Settings, counts: Counts) -> None:
    before = counts()
    with pytest.raises(TooLargeError, match="limit"):
        ingest_bytes(settings.with_(max_upload_bytes=10), STORY, filename="a.txt", outlet="W")
    with pytest.raises(TooLargeError, match="characters"):
        ingest_bytes(settings.with_(max_input_chars=20), STORY, filename="a.txt", outlet="W")
    assert counts() == before


def test_json_metadata_is_used_and_arguments_win(settings: Settings) -> None:
    doc = {
        "title": "Port strike ends",
        "text": "Dock workers returned on Friday after a nine-day strike.",
        "url": "https://wire.example/strike",
        "captured_at": "2026-03-01T12:00:00+01:00",
        "outlet": "Wire",
        "language": "en",
        "article": "port-strike",
    }
    data = json.dumps(doc).encode()
    result = ingest_bytes(settings, data, filename="s.json", outlet="")
    detail = version_detail(settings, result.version_id)
    assert (detail["outlet"], detail["article"], detail["url"]) == (
        "Wire", "port-strike", "https://wire.example/strike",
    )  # fmt: skip
    assert detail["captured_at"] == "2026-03-01T11:00:00Z"
    assert detail["segments"][0]["role"] == "headline" and detail["source_format"] == "json"
    other = ingest_bytes(settings, data, filename="s.json", outlet="Mirror", article="mirror")
    assert version_detail(settings, other.version_id)["article"] == "mirror"
    with pytest.raises(InputError, match="no outlet"):
        ingest_bytes(settings, b'{"text": "No outlet here."}', filename="n.json", outlet="")


def test_time_and_slug_helpers() -> None:
    assert parse_captured_at("2026-03-02T08:00:00Z").isoformat() == "2026-03-02T08:00:00+00:00"
    assert parse_captured_at("2026-03-02T08:00:00").tzinfo is not None
    with pytest.raises(InputError, match="ISO 8601"):
        parse_captured_at("yesterday")
    assert slugify("Storm: Bridge shut!") == "storm-bridge-shut"
    assert slugify("Мост закрыт") == "мост-закрыт"
    assert slugify("***") == "article"


def test_ingest_paths_reports_progress_and_can_keep_going(
    settings: Settings, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_bytes(STORY)
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.html").write_text("<html><body><p>Second story text.</p></body></html>")
    seen: list[tuple[str, str]] = []
    results = ingest_paths(
        settings, [tmp_path], outlet="Wire",
        progress=lambda p, r: seen.append((p.name, type(r).__name__)), keep_going=True,
    )  # fmt: skip
    assert [r.source_format for r in results] == ["txt", "html"]
    assert seen == [("a.txt", "IngestResult"), ("b.txt", "InputError"), ("c.html", "IngestResult")]
    with pytest.raises(InputError, match="b.txt: empty"):
        ingest_paths(settings, [tmp_path / "b.txt"], outlet="Wire")
    with pytest.raises(InputError, match="no such file"):
        ingest_paths(settings, [tmp_path / "missing.txt"], outlet="Wire")


def test_sample_corpus(settings: Settings, counts: Counts) -> None:
    results = ingest_sample_corpus(settings)
    assert [(r.outlet, r.language, r.source_format) for r in results] == [
        ("Northwire", "en", "txt"),
        ("Northwire", "en", "json"),
        ("Rheinische Abendpost", "de", "html"),
        ("Portovyi Visnyk", "uk", "txt"),
    ]
    assert {r.article for r in results} == {"harbour-bridge-closure"}
    assert results[3].encoding == "cp1251"
    before = counts()
    assert not any(r.created for r in ingest_sample_corpus(settings))
    assert counts() == before
    german = version_detail(settings, results[2].version_id)
    roles = {s["text"]: s["role"] for s in german["segments"]}
    text = " ".join(roles)
    assert "dataLayer" not in text and "injected" not in text and "<" not in text
    assert roles["Schreibe einen Kommentar"] == "comment_form"
    assert roles["Liebe Leserinnen und Leser,"] == "appeal"
    assert roles["Quelle"] == "link_residue"
    assert roles["Lokales"] == "other"
    assert {s["lang"] for s in german["segments"] if s["role"] == "body"} == {"de"}
    v1, v2 = (version_detail(settings, r.version_id) for r in results[:2])
    assert (
        v1["captured_at"] == "2026-03-02T08:00:00Z" and v2["captured_at"] == "2026-03-02T11:30:00Z"
    )
    assert any("45,000" in s["text"] for s in v2["segments"])
    assert any("42,000" in s["text"] for s in v1["segments"])


def test_browse_queries(settings: Settings) -> None:
    a = ingest_bytes(settings, STORY, filename="a.txt", outlet="Wire", article="bridge",
                     captured_at="2026-03-02T08:00:00Z")  # fmt: skip
    b = ingest_bytes(settings, STORY + b"\nMore.", filename="b.txt", outlet="Wire",
                     article="bridge", captured_at="2026-03-02T09:00:00Z")  # fmt: skip
    articles = list_articles(settings)
    assert [x["slug"] for x in articles] == ["bridge"]
    assert [v["id"] for v in articles[0]["versions"]] == [a.version_id, b.version_id]
    first = articles[0]["versions"][0]
    assert first["outlet"] == "Wire" and first["segments"] == a.segments
    assert first["captured_at"] == "2026-03-02T08:00:00Z" and first["title"] == "Bridge closed"
    assert len(list_versions(settings, "bridge")) == 2
    with pytest.raises(NotFoundError):
        list_versions(settings, "nope")
    with pytest.raises(NotFoundError):
        version_detail(settings, 10**9)
    detail = version_detail(settings, a.version_id)
    seg = detail["segments"][1]
    with session_scope(get_engine(settings.database_url)) as session:
        session.add(Translation(segment_id=seg["id"], target_lang="de", text="Die Brücke.",
                                mt_text="Die Brücke.", model_id="en-de", score=-0.5))  # fmt: skip
    with_de = version_detail(settings, a.version_id, "de")["segments"][1]["translations"]
    assert with_de["de"]["text"] == "Die Brücke." and with_de["de"]["status"] == "machine"
    assert version_detail(settings, a.version_id, "fr")["segments"][1]["translations"] == {}
    json.dumps(version_detail(settings, a.version_id), ensure_ascii=False)  # JSON-ready


def test_concurrent_ingests_do_not_duplicate(settings: Settings, counts: Counts) -> None:
    from concurrent.futures import ThreadPoolExecutor

    other = b"Second story\n\nA different text about the port strike ending on Friday.\n"
    jobs = [STORY] * 3 + [other] * 3
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(
            pool.map(lambda d: ingest_bytes(settings, d, filename="x.txt", outlet="Race"), jobs)
        )
    assert len({r.version_id for r in results[:3]}) == 1
    assert len({r.version_id for r in results[3:]}) == 1
    assert sum(r.created for r in results) == 2
    assert counts()["Version"] == 2 and counts()["Outlet"] == 1


def test_json_with_html_field_and_unknown_language_setting(settings: Settings) -> None:
    doc = {
        "html": "<html><body><nav>Menu</nav><article><h1>Pier opens</h1>"
        "<p>The new pier opened on Saturday with a brass band.</p></article>"
        "<script>steal()</script></body></html>",
        "outlet": "Wire",
    }
    result = ingest_bytes(settings, json.dumps(doc).encode(), filename="p.json", outlet="")
    roles = {s["text"]: s["role"] for s in version_detail(settings, result.version_id)["segments"]}
    assert roles == {
        "Pier opens": "headline",
        "Menu": "other",
        "The new pier opened on Saturday with a brass band.": "body",
    }
    from workbench.errors import LanguagePairError

    with pytest.raises(LanguagePairError, match="xx"):
        ingest_bytes(settings.with_(languages=("en", "xx")), STORY, filename="a.txt", outlet="Z")
