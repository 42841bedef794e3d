"""Segment history (author, time, revert) and propagation of approvals to exact repeats."""

from __future__ import annotations

import hashlib

import pytest
from sqlmodel import Session, select

from tests.cat.conftest import Api, Corpus
from workbench.config import Settings
from workbench.errors import ConflictError
from workbench.services import history, propagate
from workbench.services.postedit import save_translation
from workbench.store.db import get_engine, session_scope
from workbench.store.models import Segment, Translation


def _translation(settings: Settings, seg: int) -> Translation | None:
    with Session(get_engine(settings.database_url)) as session:
        return session.exec(
            select(Translation).where(
                Translation.segment_id == seg, Translation.target_lang == "de"
            )
        ).first()


def test_history_keeps_mt_and_every_save_and_reverts(settings: Settings, corpus: Corpus) -> None:
    seg = corpus.segments["soldiers"]
    save_translation(
        settings, seg, "de", "Mehr als 10.000 Soldaten wurden geschickt.", base_revision=1
    )
    save_translation(
        settings, seg, "de", "Über 10.000 Soldaten.", base_revision=2, status="approved"
    )
    h = history.segment_history(settings, seg, "de")
    assert [(r["revision"], r["action"], r["author"]) for r in h["revisions"]] == [
        (3, "save", "local"), (2, "save", "local"), (1, "machine", "machine"),
    ]  # fmt: skip
    assert all(r["created_at"].endswith("Z") for r in h["revisions"])
    reverted = history.revert(settings, seg, "de", 1, base_revision=3)
    assert reverted["text"] == "Mehr als 10.000 Soldaten." and reverted["revision"] == 4
    assert reverted["status"] == "machine"
    with pytest.raises(ConflictError):
        history.revert(settings, seg, "de", 2, base_revision=3)  # stale page
    assert history.segment_history(settings, seg, "de")["revisions"][0]["action"] == "revert"


def _repeat(settings: Settings, corpus: Corpus) -> tuple[int, int, int]:
    """The EN1 headline repeats in EN2 (same article); add a repeat inside EN1 too."""
    with session_scope(get_engine(settings.database_url)) as session:
        first = session.get(Segment, corpus.segments["headline"])
        assert first is not None
        twin = Segment(
            version_id=corpus.v_en1, position=99, start=0, end=len(first.text), text=first.text,
            lang="en", role="body", text_hash=first.text_hash,
        )  # fmt: skip
        session.add(twin)
        session.flush()
        other = session.exec(
            select(Segment).where(Segment.version_id == corpus.v_en2, Segment.position == 0)
        ).one()
        assert other.text_hash == hashlib.sha256(first.text.encode()).hexdigest()
        return first.id, twin.id, other.id  # type: ignore[return-value]


def test_approval_propagates_to_repeats_and_undo_restores(
    settings: Settings, corpus: Corpus
) -> None:
    head, twin, other = _repeat(settings, corpus)
    assert sorted(propagate.repeats(settings, head)) == sorted([twin, other])
    save_translation(settings, other, "de", "Eigener Entwurf", base_revision=0)  # a draft
    save_translation(
        settings, head, "de", "Truppen zurück an der Front", base_revision=0, status="approved"
    )
    result = propagate.propagate(settings, head, "de")
    assert sorted(s["segment_id"] for s in result["segments"]) == sorted([twin, other])
    for seg in (twin, other):
        t = _translation(settings, seg)
        assert t is not None and t.text == "Truppen zurück an der Front" and t.status == "approved"
    log = history.segment_history(settings, other, "de")["revisions"][0]
    assert log["action"] == "propagate" and log["source_segment_id"] == head
    # an approved repeat is never overwritten by a later propagation
    save_translation(
        settings, head, "de", "Truppen wieder an der Front", base_revision=1, status="approved"
    )
    assert propagate.propagate(settings, head, "de")["segments"] == []
    undone = propagate.undo(settings, result["batch"])
    assert sorted(s["segment_id"] for s in undone["segments"]) == sorted([twin, other])
    assert _translation(settings, twin) is None  # had no translation before
    restored = _translation(settings, other)
    assert (
        restored is not None and restored.text == "Eigener Entwurf" and restored.status == "draft"
    )


def test_undo_skips_segments_changed_since(settings: Settings, corpus: Corpus) -> None:
    head, twin, other = _repeat(settings, corpus)
    save_translation(
        settings, head, "de", "Truppen an der Front", base_revision=0, status="approved"
    )
    batch = propagate.propagate(settings, head, "de")["batch"]
    save_translation(settings, twin, "de", "Später geändert", base_revision=1)
    undone = propagate.undo(settings, batch)
    assert undone["skipped"] == [twin]
    assert _translation(settings, twin).text == "Später geändert"  # type: ignore[union-attr]


def test_api_save_propagates_unless_opted_out_and_undoes(
    api: Api, settings: Settings, corpus: Corpus
) -> None:
    head, twin, other = _repeat(settings, corpus)
    body = {
        "text": "Truppen an der Front",
        "base_revision": 0,
        "status": "approved",
        "propagate": False,
    }
    response = api.post(f"/api/translations/{head}/de", json=body).get_json()
    assert response["propagated"] is None and _translation(settings, twin) is None
    body = {"text": "Truppen wieder an der Front", "base_revision": 1, "status": "approved"}
    response = api.post(f"/api/translations/{head}/de", json=body).get_json()
    batch = response["propagated"]["batch"]
    assert len(response["propagated"]["segments"]) == 2
    undone = api.post(f"/api/propagations/{batch}/undo").get_json()
    assert len(undone["result"]["segments"]) == 2
    assert api.post("/api/propagations/nope/undo").status_code == 404
    html = api.client.get(f"/versions/{corpus.v_en1}?target=de").get_data(as_text=True)
    assert "apply to 2 repeats" in html


def test_history_page_twin_and_revert_form(api: Api, settings: Settings, corpus: Corpus) -> None:
    seg = corpus.segments["soldiers"]
    save_translation(
        settings, seg, "de", "Mehr als 10.000 Soldaten wurden geschickt.", base_revision=1
    )
    page = api.client.get(f"/segments/{seg}/history/de").get_data(as_text=True)
    assert "machine translation" in page and "Revert to this" in page
    twin = api.client.get(f"/api/segments/{seg}/history/de").get_json()["history"]
    assert [r["revision"] for r in twin["revisions"]] == [2, 1]
    form = {"csrf_token": api.token, "revision": "1", "base_revision": "2"}
    done = api.client.post(f"/segments/{seg}/history/de/revert", data=form, follow_redirects=True)
    assert "Reverted." in done.get_data(as_text=True)
    stale = api.client.post(f"/segments/{seg}/history/de/revert", data=form, follow_redirects=True)
    assert "changed by someone else" in stale.get_data(as_text=True)
    body = {"revision": 2, "base_revision": 3}
    assert (
        api.post(f"/api/segments/{seg}/history/de/revert", json=body).get_json()["translation"][
            "revision"
        ]
        == 4
    )
    assert api.client.get("/api/segments/9999/history/de").status_code == 404
