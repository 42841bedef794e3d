"""Propagating an approved translation to exact repeats, visibly and undoably.

Why: a headline repeated in a version, or a sentence repeated across the
versions of one story (article), must be edited once, not twice.  When a
segment is approved, every other segment with the same source text (same text
hash and language) in the same version or the same article receives the
approved text — unless its own translation is already approved (a reviewer's
decision is never overwritten).  Each propagation is one *batch* in the
history (action ``propagate``, naming the source segment); undoing the batch
restores every receiving segment that nobody changed since.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlmodel import Session, col, select

from workbench.config import Settings
from workbench.errors import N_, NotFoundError, WorkbenchError
from workbench.services import history
from workbench.services.accounts import Actor, require
from workbench.services.postedit import save_translation, translation_dict
from workbench.services.validation import checks_ids
from workbench.store.cat_models import SegmentRevision
from workbench.store.db import get_engine, session_scope
from workbench.store.models import Segment, Translation, Version


@checks_ids
def repeats(settings: Settings, segment_id: int) -> list[int]:
    """Other segments with the same source text and language in the same version or article."""
    with Session(get_engine(settings.database_url)) as session:
        segment = session.get(Segment, segment_id)
        if segment is None:
            raise NotFoundError(N_("segment %(segment_id)s not found"), segment_id=segment_id)
        version = session.get(Version, segment.version_id)
        assert version is not None
        ids = session.exec(
            select(Segment.id)
            .join(Version, col(Version.id) == col(Segment.version_id))
            .where(
                Segment.text_hash == segment.text_hash,
                Segment.lang == segment.lang,
                Version.article_id == version.article_id,
                Segment.id != segment_id,
            )
            .order_by(col(Segment.version_id), col(Segment.position))
        ).all()
        return [i for i in ids if i is not None]


@checks_ids
def repeat_counts(settings: Settings, version_id: int) -> dict[int, int]:
    """Per segment of a version: how many repeats it has in its article (one query)."""
    with Session(get_engine(settings.database_url)) as session:
        version = session.get(Version, version_id)
        if version is None:
            raise NotFoundError(N_("version %(version_id)s not found"), version_id=version_id)
        rows = session.exec(
            select(Segment.id, Segment.version_id, Segment.text_hash, Segment.lang)
            .join(Version, col(Version.id) == col(Segment.version_id))
            .where(Version.article_id == version.article_id)
        ).all()
    counts: dict[tuple[str, str | None], int] = {}
    for _, _, text_hash, lang in rows:
        counts[(text_hash, lang)] = counts.get((text_hash, lang), 0) + 1
    return {
        sid: counts[(h, lang)] - 1
        for sid, vid, h, lang in rows
        if vid == version_id and sid is not None and counts[(h, lang)] > 1
    }


def _translation(session: Session, segment_id: int, lang: str) -> Translation | None:
    return session.exec(
        select(Translation).where(
            Translation.segment_id == segment_id, Translation.target_lang == lang
        )
    ).first()


@checks_ids
def propagate(
    settings: Settings, segment_id: int, target_lang: str, actor: Actor | None = None
) -> dict[str, Any]:
    """Copy the segment's approved translation to its unapproved repeats (one batch)."""
    actor = require(actor, "approve")
    with Session(get_engine(settings.database_url)) as session:
        source = _translation(session, segment_id, target_lang)
    if source is None or source.status != "approved":
        return {"batch": "", "segments": []}
    batch = uuid.uuid4().hex
    changed: list[dict[str, Any]] = []
    for other in repeats(settings, segment_id):
        with Session(get_engine(settings.database_url)) as session:
            current = _translation(session, other, target_lang)
        if current is not None and current.status == "approved":
            continue
        try:
            saved = save_translation(
                settings, other, target_lang, source.text,
                base_revision=current.revision if current else 0, status="approved",
                actor=actor, action="propagate", source_segment_id=segment_id, batch=batch,
            )  # fmt: skip
        except WorkbenchError:  # edited concurrently: leave that one alone
            continue
        changed.append({"segment_id": other, "translation": saved})
    return {"batch": batch if changed else "", "segments": changed}


def undo(settings: Settings, batch: str, actor: Actor | None = None) -> dict[str, Any]:
    """Restore every segment of a propagation batch that nobody changed since."""
    actor = require(actor, "approve")
    with Session(get_engine(settings.database_url)) as session:
        rows = session.exec(
            select(SegmentRevision).where(
                SegmentRevision.batch == batch, SegmentRevision.action == "propagate"
            )
        ).all()
    if not rows:
        raise NotFoundError(N_("no propagation %(batch)r"), batch=batch)
    restored: list[dict[str, Any]] = []
    skipped: list[int] = []
    for row in rows:
        result = _undo_one(settings, row, actor)
        if result is None:
            skipped.append(row.segment_id)
        else:
            restored.append({"segment_id": row.segment_id, "translation": result})
    return {"batch": batch, "segments": restored, "skipped": skipped}


def _undo_one(settings: Settings, row: SegmentRevision, actor: Actor) -> dict[str, Any] | None:
    """Put one receiving segment back; ``None`` when it changed since the propagation."""
    seg, lang = row.segment_id, row.target_lang
    with Session(get_engine(settings.database_url)) as session:
        current = _translation(session, seg, lang)
        previous = session.exec(
            select(SegmentRevision)
            .where(
                SegmentRevision.segment_id == seg,
                SegmentRevision.target_lang == lang,
                SegmentRevision.id < row.id,
            )
            .order_by(col(SegmentRevision.id).desc())
        ).first()
    if current is None or current.revision != row.revision:
        return None
    if previous is None or not previous.text:  # there was no translation before
        with session_scope(get_engine(settings.database_url)) as session:
            stale = _translation(session, seg, lang)
            if stale is None or stale.revision != row.revision:
                return None
            session.delete(stale)
            session.add(SegmentRevision(
                segment_id=seg, target_lang=lang, revision=row.revision + 1, text="",
                status="removed", author=actor.name, action="undo", batch=row.batch,
            ))  # fmt: skip
        return {"segment_id": seg, "target_lang": lang, "text": "", "status": "none",
                "revision": 0}  # fmt: skip
    entry = {"author": actor.name, "action": "undo", "batch": row.batch}
    if not history.restore(settings, seg, lang, text=previous.text, status=previous.status,
                           base_revision=row.revision, entry=entry):  # fmt: skip
        return None
    with Session(get_engine(settings.database_url)) as session:
        restored = _translation(session, seg, lang)
        return translation_dict(restored) if restored else None
