"""A role change after a comparison: the story page recomputes, the compare page says stale.

Segment revisions are kept by database triggers (migration 0007), so any
writer's change counts: an ORM update, a bulk UPDATE, a deleted segment.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlmodel import Session, update

from tests.story.conftest import COPY, WIRE, Ingest
from workbench.config import Settings
from workbench.services.alignment_store import segment_revisions
from workbench.services.stories import story_view
from workbench.store.db import get_engine
from workbench.store.models import Segment
from workbench.web import create_app


def _revisions(settings: Settings, *ids: int) -> dict[int, int]:
    with Session(get_engine(settings.database_url)) as session:
        return segment_revisions(session, ids)


def _relabel(settings: Settings, version: int, start: str, role: str) -> None:
    with Session(get_engine(settings.database_url)) as session:
        session.exec(  # type: ignore[call-overload]
            update(Segment)
            .where(Segment.version_id == version, Segment.text.like(f"{start}%"))  # type: ignore[union-attr]
            .values(role=role)
        )
        session.commit()


def test_every_segment_write_moves_the_revision(settings: Settings, ingest: Ingest) -> None:
    left, right = ingest(WIRE, "wire"), ingest(COPY, "herald", 2)
    before = _revisions(settings, left, right)
    assert before[left] > 0 and before[right] > 0  # the ingest's inserts counted
    _relabel(settings, right, "A temporary", "appeal")
    after = _revisions(settings, left, right)
    assert after[left] == before[left] and after[right] > before[right]
    with get_engine(settings.database_url).begin() as conn:  # raw SQL, outside the ORM
        conn.execute(text("DELETE FROM segment WHERE version_id = :v AND role = 'appeal'"),
                     {"v": right})  # fmt: skip
    assert _revisions(settings, right)[right] > after[right]


def test_role_change_after_compare(settings: Settings, ingest: Ingest) -> None:
    left, right = ingest(WIRE, "wire"), ingest(COPY, "herald", 2)
    first = story_view(settings, "bridge")["versions"][1]["comparison"]
    assert first["state"] == "done" and first["counts"]["added"] == 1
    client = create_app(settings).test_client()
    fresh = client.get(f"/api/alignments/{first['alignment_id']}").get_json()
    assert fresh["alignment"]["stale"] is False
    assert "compare them again" not in client.get(f"/alignments/{first['alignment_id']}") \
        .get_data(as_text=True).lower()  # fmt: skip

    _relabel(settings, right, "A temporary", "appeal")  # the added sentence was an appeal

    pending = story_view(settings, "bridge", compute=0)["versions"][1]["comparison"]
    assert pending["state"] == "pending"  # the stored comparison no longer matches
    second = story_view(settings, "bridge")["versions"][1]
    assert second["comparison"]["alignment_id"] != first["alignment_id"]
    assert second["comparison"]["counts"]["added"] == 0
    assert second["wrapper"]["appeal"] == first_appeals(settings, right)
    old = client.get(f"/api/alignments/{first['alignment_id']}").get_json()
    assert old["alignment"]["stale"] is True
    page = client.get(f"/alignments/{first['alignment_id']}").get_data(as_text=True)
    assert "Compare them again" in page and f'name="left" value="{left}"' in page


def first_appeals(settings: Settings, version: int) -> int:
    with get_engine(settings.database_url).connect() as conn:
        return conn.execute(
            text("SELECT count(*) FROM segment WHERE version_id = :v AND role = 'appeal'"),
            {"v": version},
        ).scalar_one()
