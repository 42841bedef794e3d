"""Move a version filed in the wrong story to another one (round 36, webb36).

Why: the upload joins the story a capture resembles, or the one the Article field names;
a capture filed in the wrong one could not be moved (uploading it again only answered
"already stored").  A move changes the version's story and nothing else: the version keeps
its id, segments, translations with their revisions, and its comparisons, so nothing is
re-ingested and no history is lost.

A move is a compare-and-set: the caller names the story it saw the version in
(``expected``), and the update applies only while the version is still there, so two tabs
moving the same capture to different stories cannot overwrite each other silently: the
second is a 409 naming where the version is now.

Every move is logged (``story_move``, migration 0009, round 37): the story page and its
twin list the moves into and out of a story (``story_moves``), so a version that was
filed elsewhere before says so, with when and by whom.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, exists, or_, update
from sqlmodel import Session, col, select

from workbench.config import Settings
from workbench.errors import N_, ConflictError, InputError, NotFoundError
from workbench.services.ingest_checks import slugify
from workbench.services.validation import checks_ids
from workbench.store.db import get_engine, retry_on_conflict, session_scope
from workbench.store.models import Article, Version, iso_utc
from workbench.store.story_models import StoryMove

#: the moves a story page lists (newest first); the log keeps every one
MOVES_SHOWN = 50


def _slug_of(story: str) -> str:
    """The slug a story name is stored under (as the upload's Article field); empty: a 422."""
    if not story.strip():
        raise InputError(N_("name the story to move the version to"))
    return slugify(story)


def _move_version_once(
    settings: Settings, version_id: int, story: str, expected: str | None = None, by: str = ""
) -> dict[str, Any]:
    """Move version ``version_id`` to ``story`` (a slug or a name; a new one is created).

    ``expected`` is the story the caller saw the version in: when the version is no
    longer there, a 409 (nothing moved).  Moving the wire copy unmarks it in the story it
    leaves; a story it leaves empty is removed.  Returns ``version_id``, ``from``, ``to``,
    ``created`` (a new story) and ``removed`` (the story left was empty and is gone).
    ``by`` (an account's name) goes into the move log with the move."""
    to_slug = _slug_of(story)
    with session_scope(get_engine(settings.database_url)) as session:
        version = session.get(Version, version_id)
        if version is None:
            raise NotFoundError(N_("version %(version_id)s not found"), version_id=version_id)
        source_id = version.article_id  # the ORM object follows the update below
        source = session.get(Article, source_id)
        from_slug = source.slug if source is not None else ""
        if expected is not None and slugify(expected) != from_slug:
            raise ConflictError(
                N_("version %(version_id)s is in story %(now)r now, not %(expected)r: "
                   "it was moved meanwhile; nothing was changed"),
                version_id=version_id, now=from_slug, expected=slugify(expected),
            )  # fmt: skip
        if to_slug == from_slug:
            raise InputError(
                N_("version %(version_id)s is already in story %(slug)r"),
                version_id=version_id, slug=to_slug,
            )  # fmt: skip
        target = session.exec(select(Article).where(Article.slug == to_slug)).first()
        created = target is None
        if target is None:
            target = Article(slug=to_slug, title=version.title)
            session.add(target)
            session.flush()
        moved = session.exec(  # type: ignore[call-overload]
            update(Version)
            .where(col(Version.id) == version_id, col(Version.article_id) == source_id)
            .values(article_id=target.id)
        )  # fmt: skip
        if moved.rowcount != 1:  # another request moved it between our read and this write
            raise ConflictError(
                N_("version %(version_id)s was moved meanwhile; nothing was changed"),
                version_id=version_id,
            )
        if source is not None and source.wire_version_id == version_id:
            source.wire_version_id = None
            session.add(source)
        session.add(StoryMove(version_id=version_id, from_slug=from_slug, to_slug=to_slug, by=by))
        removed = _remove_if_empty(session, source_id)
    return {"version_id": version_id, "from": from_slug, "to": to_slug, "created": created,
            "removed": removed}  # fmt: skip


@checks_ids
def move_version(
    settings: Settings, version_id: int, story: str, expected: str | None = None, by: str = ""
) -> dict[str, Any]:  # fmt: skip
    """``_move_version_once`` (it says what a move does), run again on a conflict with
    the other story (reliab39): a target merged away or emptied, or a new story of the
    same name made, between the read and the write ended in the database's constraint
    ("unexpected IntegrityError"); run again, it ends as if the two writes came one
    after the other."""
    return retry_on_conflict(lambda: _move_version_once(settings, version_id, story, expected, by))


def _remove_if_empty(session: Session, article_id: int) -> bool:
    """Delete the story a move left without versions (it holds nothing; the home page
    showed it as an empty section with a translate form).  One statement, so a capture
    filed into it meanwhile keeps it."""
    gone = session.exec(  # type: ignore[call-overload]
        delete(Article).where(
            col(Article.id) == article_id,
            ~exists().where(col(Version.article_id) == article_id),
        )
    )
    return bool(gone.rowcount)


def story_moves(session: Session, slug: str, limit: int = MOVES_SHOWN) -> list[dict[str, Any]]:
    """The moves into and out of story ``slug``, newest first: ``version_id``, ``from``,
    ``to``, ``kind`` (move | merge), ``by``, ``moved_at`` (ISO 8601, ``Z``) and
    ``removed`` (which of the two stories no longer exists: a move emptied it)."""
    rows = session.exec(
        select(StoryMove)
        .where(or_(col(StoryMove.from_slug) == slug, col(StoryMove.to_slug) == slug))
        .order_by(col(StoryMove.moved_at).desc(), col(StoryMove.id).desc())
        .limit(limit)
    ).all()
    named = {m.from_slug for m in rows} | {m.to_slug for m in rows}
    alive = set(session.exec(select(Article.slug).where(col(Article.slug).in_(named))).all())
    return [
        {"version_id": m.version_id, "from": m.from_slug, "to": m.to_slug, "kind": m.kind,
         "by": m.by, "moved_at": iso_utc(m.moved_at),
         "removed": sorted({m.from_slug, m.to_slug} - alive)}  # stories no longer stored
        for m in rows
    ]  # fmt: skip
