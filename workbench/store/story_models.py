"""Tables of the story desk: per-version segment revisions and background compare jobs.

Kept apart from ``models.py`` (as ``cat_models``) so the story lane's tables do
not collide with others; ``models.py`` imports this module, so
``SQLModel.metadata`` and Alembic's autogenerate check see them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, DateTime, Text
from sqlmodel import Field, SQLModel

from workbench.store.columns import _ts


class VersionRevision(SQLModel, table=True):
    """How often a version's segments changed: bumped by database triggers.

    Why triggers (migration 0007): every insert, update or delete of a segment,
    whoever makes it (ingest, the boilerplate relabelling of older captures, a
    script), moves this counter, so a comparison fingerprint built from it is
    never stale, and the story page need not re-read and re-hash every
    segment of every version to know whether a stored comparison still holds.
    No foreign key: a deleted version's row is harmless, and the counter only
    ever grows.
    """

    __tablename__ = "version_revision"

    version_id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    segments_rev: int = 0


class CompareJob(SQLModel, table=True):
    """A background comparison (``services.compare_jobs``), visible to every process.

    ``active_key`` is the job's request key while it is queued or running and
    NULL after: unique, so two processes asking for the same comparison at
    once get one job.  ``owner`` (host:pid:token) and ``updated_at`` tell a
    live job from one whose process died; such a job is taken over and resumed
    (comparisons are idempotent, so nothing is stored twice).
    """

    __tablename__ = "compare_job"

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=20)  # story | pair
    key: str = Field(max_length=500, index=True)
    active_key: str | None = Field(default=None, max_length=500, unique=True)
    params: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    status: str = Field(default="queued", max_length=20)  # queued | running | done | failed
    done: int = 0
    total: int = 0
    result: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    error: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    owner: str = Field(default="", max_length=200)
    # the owner's heartbeat on the database's clock (services.heartbeat); NULL in
    # rows before 0011 (round 38), which keep the ten-minute mark
    heartbeat_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )
    created_at: datetime = _ts()
    updated_at: datetime = _ts()


class StoryMove(SQLModel, table=True):
    """One move of a version from a story to another (``services.story_move``).

    Why (round 37): a move left no trace, so a journalist could not see that a version
    had been filed elsewhere before, from where, or when.  Slugs are kept as they were,
    not story ids: a story a move leaves empty is removed, and the log must still name
    it.  ``kind`` is ``move`` or ``merge`` (a whole story folded into another); ``by``
    is the account's name ("" for the local user and the CLI).  No foreign key: the log
    outlives what it names.
    """

    __tablename__ = "story_move"

    id: int | None = Field(default=None, primary_key=True)
    version_id: int = Field(index=True)
    from_slug: str = Field(max_length=200, index=True)
    to_slug: str = Field(max_length=200, index=True)
    kind: str = Field(default="move", max_length=20)
    by: str = Field(default="", max_length=200)
    moved_at: datetime = _ts()
    #: a merge's: the title of the story merged away, for its undo (migration 0012, webb38)
    from_title: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
