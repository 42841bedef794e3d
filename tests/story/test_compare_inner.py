"""Compare takes a crosshead both pages print inside their stories, read as chrome (round 23)."""

from __future__ import annotations

from sqlmodel import Session, update

from tests.story.conftest import WIRE, Ingest
from workbench.config import Settings
from workbench.services.compare import alignment_detail, compare_versions
from workbench.store.db import get_engine
from workbench.store.models import Segment


def test_compare_aligns_a_shared_crosshead_read_as_chrome(
    settings: Settings, ingest: Ingest
) -> None:
    lines = [*WIRE[:5], "Ferries across the harbour", *WIRE[5:]]
    left, right = ingest(lines, "wire"), ingest(lines, "herald", 2)
    with Session(get_engine(settings.database_url)) as session:
        session.exec(  # type: ignore[call-overload]
            update(Segment)
            .where(Segment.text == "Ferries across the harbour")  # type: ignore[arg-type]
            .values(role="other")
        )
        session.commit()
    aid = compare_versions(settings, left, right).alignment_id
    pairs = alignment_detail(settings, aid)["pairs"]
    shared = [p for p in pairs if p["left_text"] == "Ferries across the harbour"]
    assert len(shared) == 1 and shared[0]["right_text"] == "Ferries across the harbour"
    assert len(pairs) == len(lines) - 1  # every line a row: the blank line is none


def test_compare_keeps_a_last_sentence_one_page_reads_as_chrome(
    settings: Settings, ingest: Ingest
) -> None:
    """Round 24 (``core.align_partners``): the learned layer took one copy's last sentence out
    of its story; the other page tells it in its story, so the pair compares and links it."""
    last = WIRE[-1]
    left, right = ingest(WIRE, "wire"), ingest(WIRE, "herald", 2)
    with Session(get_engine(settings.database_url)) as session:
        session.exec(  # type: ignore[call-overload]
            update(Segment)
            .where(Segment.version_id == left, Segment.text == last)  # type: ignore[arg-type]
            .values(role="other")
        )
        session.commit()
    aid = compare_versions(settings, left, right).alignment_id
    pairs = alignment_detail(settings, aid)["pairs"]
    linked = [p for p in pairs if p["left_text"] == last]
    assert len(linked) == 1 and linked[0]["right_text"] == last
    assert len(pairs) == len(WIRE) - 1
