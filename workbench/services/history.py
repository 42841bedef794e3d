"""Every revision of a segment's translation, with author and time; revert.

Why snapshots: machine translations are written in bulk by the translate job
without history rows, so the first human save of a translation records the
state it replaces (usually the MT, author "machine") before the new one.  From
then on each save, propagation, revert or undo adds one row, so the history of
a segment reads from the MT to the current text.

Restores (revert, undo) use the same compare-and-set as saves: they apply only
if the translation is still at the revision the caller saw.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from workbench.config import Settings
from workbench.errors import N_, NotFoundError
from workbench.services.accounts import Actor, require
from workbench.services.translation_view import _conflict, translation_dict
from workbench.services.validation import checks_ids
from workbench.store.cat_models import SegmentRevision
from workbench.store.db import get_engine, session_scope
from workbench.store.models import Segment, Translation, iso_utc, utcnow


def _current(session: Session, segment_id: int, target_lang: str) -> Translation | None:
    """The row as the database holds it now: ``populate_existing``, since a save writes it
    with a plain ``UPDATE`` inside the session that read it before (reliab40)."""
    return session.exec(
        select(Translation)
        .where(Translation.segment_id == segment_id, Translation.target_lang == target_lang)
        .execution_options(populate_existing=True)
    ).first()


@checks_ids
def snapshot(settings: Settings, segment_id: int, target_lang: str) -> None:
    """Record the current state if the translation has no history yet (before a change)."""
    with session_scope(get_engine(settings.database_url)) as session:
        snapshot_in(session, segment_id, target_lang)


def snapshot_in(session: Session, segment_id: int, target_lang: str) -> None:
    """``snapshot`` inside the caller's transaction (a save writes it with its change)."""
    row = _current(session, segment_id, target_lang)
    if row is None:
        return
    known = session.exec(
        select(SegmentRevision.id).where(
            SegmentRevision.segment_id == segment_id,
            SegmentRevision.target_lang == target_lang,
        )
    ).first()
    if known is None:
        session.add(
            SegmentRevision(
                segment_id=segment_id,
                target_lang=target_lang,
                revision=row.revision,
                text=row.text,
                status=row.status,
                author="machine" if row.status == "machine" else "",
                action="machine" if row.status == "machine" else "save",
                created_at=row.updated_at,
            )
        )


@checks_ids
def record(
    settings: Settings,
    segment_id: int,
    target_lang: str,
    *,
    author: str,
    action: str = "save",
    source_segment_id: int | None = None,
    batch: str = "",
) -> None:
    """Record the translation's current state as a new revision row."""
    with session_scope(get_engine(settings.database_url)) as session:
        record_in(session, segment_id, target_lang, author=author, action=action,
                  source_segment_id=source_segment_id, batch=batch)  # fmt: skip


def record_in(
    session: Session,
    segment_id: int,
    target_lang: str,
    *,
    author: str,
    action: str = "save",
    source_segment_id: int | None = None,
    batch: str = "",
) -> None:
    """``record`` inside the caller's transaction: a save and its row are one write, so a
    failure between them (reliab40: the text saved, no row, the saver told "Error") and a
    concurrent save recorded under this author cannot happen."""
    row = _current(session, segment_id, target_lang)
    if row is None:
        return
    session.add(
        SegmentRevision(
            segment_id=segment_id,
            target_lang=target_lang,
            revision=row.revision,
            text=row.text,
            status=row.status,
            author=author,
            action=action,
            source_segment_id=source_segment_id,
            batch=batch,
        )
    )


def revision_dict(row: SegmentRevision) -> dict[str, Any]:
    """JSON view of one history row."""
    return {
        "revision": row.revision,
        "text": row.text,
        "status": row.status,
        "author": row.author,
        "action": row.action,
        "source_segment_id": row.source_segment_id,
        "batch": row.batch,
        "created_at": iso_utc(row.created_at),
    }


@checks_ids
def segment_history(settings: Settings, segment_id: int, target_lang: str) -> dict[str, Any]:
    """The segment, its current translation and every recorded revision (newest first)."""
    from workbench.services.languages import check_target

    check_target(settings, target_lang)  # a typo in the URL is an error, not "no revisions"
    with Session(get_engine(settings.database_url)) as session:
        segment = session.get(Segment, segment_id)
        if segment is None:
            raise NotFoundError(N_("segment %(segment_id)s not found"), segment_id=segment_id)
        row = _current(session, segment_id, target_lang)
        revisions = session.exec(
            select(SegmentRevision)
            .where(
                SegmentRevision.segment_id == segment_id,
                SegmentRevision.target_lang == target_lang,
            )
            .order_by(col(SegmentRevision.id).desc())
        ).all()
        return {
            "segment": {
                "id": segment.id,
                "version_id": segment.version_id,
                "position": segment.position,
                "text": segment.text,
                "lang": segment.lang,
            },
            "target_lang": target_lang,
            "current": translation_dict(row) if row else None,
            "revisions": [revision_dict(r) for r in revisions],
        }


@checks_ids
def restore(
    settings: Settings,
    segment_id: int,
    target_lang: str,
    *,
    text: str,
    status: str,
    base_revision: int,
    entry: dict[str, Any] | None = None,
) -> bool:
    """Set text and status if the translation is still at ``base_revision``; True when it
    applied.  ``entry`` (``record``'s author, action, batch) is the history row, written
    in the same transaction (reliab40: a failure between the two left a change without
    its row)."""
    statement = (
        update(Translation)
        .where(
            col(Translation.segment_id) == segment_id,
            col(Translation.target_lang) == target_lang,
            col(Translation.revision) == base_revision,
        )
        .values(text=text, status=status, revision=Translation.revision + 1, updated_at=utcnow())
    )
    with session_scope(get_engine(settings.database_url)) as session:
        applied = bool(session.connection().execute(statement).rowcount == 1)
        if applied and entry is not None:
            record_in(session, segment_id, target_lang, **entry)
        return applied


@checks_ids
def revert(
    settings: Settings,
    segment_id: int,
    target_lang: str,
    revision: int,
    *,
    base_revision: int,
    actor: Actor | None = None,
) -> dict[str, Any]:
    """Make an earlier revision current again (as a new revision); 409 when stale."""
    with Session(get_engine(settings.database_url)) as session:
        old = session.exec(
            select(SegmentRevision)
            .where(
                SegmentRevision.segment_id == segment_id,
                SegmentRevision.target_lang == target_lang,
                SegmentRevision.revision == revision,
            )
            .order_by(col(SegmentRevision.id).desc())
        ).first()
    if old is None or not old.text:
        raise NotFoundError(
            N_("segment %(segment_id)s has no revision %(revision)s in %(target_lang)s"),
            segment_id=segment_id,
            revision=revision,
            target_lang=target_lang,
        )
    status = old.status
    actor = require(actor, "approve" if status == "approved" else "save_draft")
    entry = {"author": actor.name, "action": "revert"}
    if not restore(settings, segment_id, target_lang, text=old.text, status=status,
                   base_revision=base_revision, entry=entry):  # fmt: skip
        raise _conflict(settings, segment_id, target_lang, base_revision)
    with Session(get_engine(settings.database_url)) as session:
        row = _current(session, segment_id, target_lang)
        assert row is not None
        return translation_dict(row)
