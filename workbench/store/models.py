"""SQLModel tables: the project's persistent vocabulary.

Naming: an *article* is the logical story; a *version* is one capture of it at
one outlet (edits over time and republications are both versions).  Segments
belong to a version; translations and alignments hang off segments/versions.

Every change here needs an Alembic migration (``workbench/migrations``); a test
checks that autogenerate finds no difference.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, DateTime, LargeBinary, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from workbench.store.columns import _ts, iso_utc, utcnow  # noqa: F401  (re-exported)


class Outlet(SQLModel, table=True):
    """A publisher (or any source) that captures come from."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True, max_length=200)
    created_at: datetime = _ts()


class Article(SQLModel, table=True):
    """The logical story that several versions (edits, outlets, languages) tell."""

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(index=True, unique=True, max_length=200)
    title: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    # The version a journalist marked as the wire copy: the story page's default
    # reference.  No foreign key (version already points here; a cycle would make
    # deletes order-dependent); a dangling id is ignored by the story service.
    wire_version_id: int | None = None
    created_at: datetime = _ts()


class Version(SQLModel, table=True):
    """One capture of an article at one outlet; raw bytes are kept verbatim."""

    __table_args__ = (UniqueConstraint("outlet_id", "sha256", name="uq_version_outlet_sha"),)

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    outlet_id: int = Field(foreign_key="outlet.id", index=True)
    url: str | None = Field(default=None, max_length=2000)
    captured_at: datetime = _ts()
    title: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    raw: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    sha256: str = Field(max_length=64, index=True)
    encoding: str = Field(max_length=50)
    source_format: str = Field(max_length=10)  # txt | html | json
    text: str = Field(sa_column=Column(Text, nullable=False))  # decoded (and extracted) text
    leading: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    language: str | None = Field(default=None, max_length=10)  # dominant body language
    created_at: datetime = _ts()


class Segment(SQLModel, table=True):
    """A sentence-like unit of a version's text.

    ``start``/``end`` are offsets into ``Version.text``; ``separator`` is the text
    between this segment's end and the next segment's start (or the end of the
    text), so ``version.leading + "".join(s.text + s.separator)`` == ``version.text``.
    """

    __table_args__ = (UniqueConstraint("version_id", "position", name="uq_segment_position"),)

    id: int | None = Field(default=None, primary_key=True)
    version_id: int = Field(foreign_key="version.id", index=True, ondelete="CASCADE")
    position: int
    paragraph: int = 0
    start: int
    end: int
    text: str = Field(sa_column=Column(Text, nullable=False))
    separator: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    lang: str | None = Field(default=None, max_length=10)
    lang_confidence: float = 0.0
    role: str = Field(
        default="other", max_length=20
    )  # headline|body|appeal|link_residue|comment_form|other
    text_hash: str = Field(max_length=64, index=True)


class Translation(SQLModel, table=True):
    """The current translation of one segment into one language.

    ``revision`` increases on every save; a save must name the revision it was
    based on, so a stale concurrent save fails with a conflict instead of
    silently overwriting.  ``mt_text`` keeps the machine output after post-editing.
    """

    __table_args__ = (UniqueConstraint("segment_id", "target_lang", name="uq_translation_target"),)

    id: int | None = Field(default=None, primary_key=True)
    segment_id: int = Field(foreign_key="segment.id", index=True, ondelete="CASCADE")
    target_lang: str = Field(max_length=10)
    engine: str = Field(default="argos", max_length=50)
    model_id: str = Field(default="", max_length=200)
    model_version: str = Field(default="", max_length=50)
    text: str = Field(sa_column=Column(Text, nullable=False))
    mt_text: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    score: float | None = None
    status: str = Field(default="machine", max_length=20)  # machine | draft | approved
    revision: int = 1
    created_at: datetime = _ts()
    updated_at: datetime = _ts()


class TranslationCacheEntry(SQLModel, table=True):
    """Machine output keyed by model + language pair + source text hash.

    Boilerplate repeated across pages is translated once; unchanged reruns do no
    model work.
    """

    id: int | None = Field(default=None, primary_key=True)
    cache_key: str = Field(max_length=64, unique=True, index=True)
    model_id: str = Field(max_length=200)
    model_version: str = Field(max_length=50)
    source_lang: str = Field(max_length=10)
    target_lang: str = Field(max_length=10)
    text_hash: str = Field(max_length=64)
    translation: str = Field(sa_column=Column(Text, nullable=False))
    score: float | None = None
    created_at: datetime = _ts()


class Alignment(SQLModel, table=True):
    """A stored comparison of two versions (filled by ``workbench compare``)."""

    id: int | None = Field(default=None, primary_key=True)
    left_version_id: int = Field(foreign_key="version.id", index=True, ondelete="CASCADE")
    right_version_id: int = Field(foreign_key="version.id", index=True, ondelete="CASCADE")
    roles: str = Field(default="", max_length=200)  # comma-separated role filter, "" = all
    method: str = Field(default="", max_length=100)
    mt_model: str = Field(default="", max_length=200)
    summary: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    params: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    # SHA-256 of what the result depends on (both sides' segment ids and roles,
    # the role filter, the aligner version, the MT used): the same comparison is
    # found instead of stored again.  Unique, so a concurrent duplicate fails.
    fingerprint: str | None = Field(default=None, max_length=64, unique=True, index=True)
    created_at: datetime = _ts()


class AlignedPair(SQLModel, table=True):
    """One bead of an alignment: 0..3 segments on each side, with diff and checks."""

    __table_args__ = (UniqueConstraint("alignment_id", "position", name="uq_pair_position"),)

    id: int | None = Field(default=None, primary_key=True)
    alignment_id: int = Field(foreign_key="alignment.id", index=True, ondelete="CASCADE")
    position: int
    kind: str = Field(max_length=10)  # "1-1", "2-1", "1-0", ...
    status: str = Field(max_length=20)  # one of services.compare.STATUSES
    left_segment_ids: list[int] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    right_segment_ids: list[int] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    left_text: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    right_text: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    compared_text: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    score: float = 0.0
    edit_ratio: float = 0.0
    diff_ops: list[Any] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    flags: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    move_to: int | None = None  # position of the matching pair for a moved sentence
    # the aligner's probability that the bead is right (issue 16); 1.0 for rows stored before
    confidence: float = Field(default=1.0, sa_column_kwargs={"server_default": "1.0"})
    # The pair's segments' roles when it was stored (sorted, comma-separated):
    # lets a page filter 10,000 rows by role without reading their JSON id lists.
    roles: str | None = Field(default=None, max_length=200)


class TranslationJob(SQLModel, table=True):
    """A background translation request and its progress (``services.jobs``).

    One row per request, whichever backend runs it (a thread on SQLite, queue
    blocks on PostgreSQL), so the CLI's ``workbench jobs`` and the web's JSON
    endpoint read progress from one place.
    """

    id: int | None = Field(default=None, primary_key=True)
    target_lang: str = Field(max_length=10)
    params: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    backend: str = Field(default="thread", max_length=20)  # thread | queue
    status: str = Field(default="queued", max_length=20)  # queued | running | done | failed
    segments_total: int = 0
    segments_done: int = 0
    blocks_total: int = 0
    error: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    report: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = _ts()
    updated_at: datetime = _ts()
    # host:pid:token of the process whose thread runs it (services.owners); "" for
    # queue jobs (their workers are watched by procrastinate) and rows before 0008
    owner: str = Field(default="", max_length=200)
    # when the owner process last said it holds this job (services.heartbeat): a reader
    # on any host ends a thread job silent past the mark; None for queue jobs and
    # rows before 0010 (round 37)
    heartbeat_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )


class TranslationBlock(SQLModel, table=True):
    """One queued unit of a job: the job's segments with ids in ``[first_id, last_id]``.

    Blocks are what workers claim through procrastinate; each keeps its own
    counts so a retried block (a killed worker) resumes instead of recounting.
    """

    __table_args__ = (UniqueConstraint("job_id", "first_id", name="uq_block_start"),)

    id: int | None = Field(default=None, primary_key=True)
    job_id: int = Field(foreign_key="translationjob.id", index=True, ondelete="CASCADE")
    first_id: int
    last_id: int
    status: str = Field(default="queued", max_length=20)  # queued | running | done | failed
    segments_total: int = 0
    segments_done: int = 0
    attempts: int = 0
    error: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    report: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    updated_at: datetime = _ts()


# The CAT tables (memory, glossary, accounts, history) and the story desk's
# (segment revisions, compare jobs) live in their own modules.
from workbench.store import cat_models, story_models  # noqa: E402, F401
