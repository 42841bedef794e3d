"""Bulk translation of stored segments into ``Translation`` rows, in bounded pages.

Why pages: a corpus may hold millions of segments and several workers may run
at once.  Nothing here loads the whole corpus: per source language the
pending segments are read in keyset pages of ``PAGE_SIZE`` (id order), each
page is sorted by length (so the engine's batches pad little) and translated
in chunks of ``batch_size`` that are committed one by one.  Memory is bounded
by the page size, whatever the corpus size; a killed run loses at most one
chunk and a rerun continues where it stopped.

Concurrency: on PostgreSQL a chunk's segments are row-locked with SKIP LOCKED
while they are translated; segments another worker holds are retried once
that worker's chunk commits (waiting at most ``LOCK_WAIT_SECONDS``), and only
those still locked then are reported (``skipped_locked``: rerun later).  On
SQLite the database write lock orders parallel runs chunk by chunk.

Re-translation (``Scope.retranslate``): machine rows nobody edited
(``status == "machine"``) whose model label differs from the model now
installed for their pair are replaced; draft/approved rows are never touched.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, false, func, not_, or_, select, text, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from workbench.adapters.mt import cache
from workbench.adapters.mt.base import MTResult, engines
from workbench.adapters.mt.packages import PackageInfo
from workbench.core import labels
from workbench.errors import LanguagePairError
from workbench.store.models import Segment, Translation, utcnow

Progress = Callable[[int, int], None]
PAGE_SIZE = 2000
LOCK_WAIT_SECONDS = 120
#: A wait for held rows is cut into slices this long, the run's ``beat`` called between
#: them: a block waiting on another worker stamps its progress row (reliabb40), so
#: ``Settings.job_stall_seconds`` (600) reads a live wait as alive, a dead one as stalled.
WAIT_BEAT_SECONDS = 30.0


@dataclass
class TranslateReport:
    """What a bulk run did; the counts add up to the segments considered."""

    target: str
    translated: int = 0  # new or replaced rows whose text came from a model
    cached: int = 0  # new or replaced rows served from the translation cache
    skipped_same_lang: int = 0  # already in the target language (copy rows)
    skipped_existing: int = 0  # had a translation for the target already
    skipped_unknown_lang: int = 0  # no usable language label
    skipped_locked: int = 0  # held by another worker until we gave up: rerun later
    failed: int = 0  # no model route for their pair
    replaced: int = 0  # of translated+cached: outdated machine rows re-translated
    truncated: int = 0  # outputs cut by the decoding length cap (see docs/mt.md)
    failed_pairs: dict[str, str] = field(default_factory=dict)  # "fr→de" -> message
    seconds: float = 0.0

    @property
    def total(self) -> int:
        """All segments considered."""
        return (
            self.translated
            + self.cached
            + self.skipped_same_lang
            + self.skipped_existing
            + self.skipped_unknown_lang
            + self.skipped_locked
            + self.failed
        )

    @property
    def complete(self) -> bool:
        """False when some segments were left for a rerun (locked by another worker)."""
        return self.skipped_locked == 0

    def to_json(self) -> dict[str, object]:
        """JSON-ready summary."""
        return {
            **self.__dict__,
            "total": self.total,
            "complete": self.complete,
            "seconds": round(self.seconds, 3),
        }

    def add(self, other: TranslateReport) -> None:
        """Fold another report's counts into this one (queue blocks of one job)."""
        for key, value in other.__dict__.items():
            if isinstance(value, int) and not isinstance(value, bool):
                setattr(self, key, getattr(self, key) + value)
        self.failed_pairs.update(other.failed_pairs)
        self.seconds += other.seconds


@dataclass(frozen=True)
class Scope:
    """Which segments a run covers: versions, roles, an id range, and whether to re-translate."""

    target: str
    version_ids: tuple[int, ...] | None = None
    roles: tuple[str, ...] | None = None  # None = every role
    first_id: int | None = None
    last_id: int | None = None
    retranslate: bool = False

    def where(self, query: Any) -> Any:
        """``query`` restricted to this scope's segments."""
        if self.version_ids is not None:
            query = query.where(Segment.version_id.in_(self.version_ids))  # type: ignore[attr-defined]
        if self.roles is not None:
            query = query.where(Segment.role.in_(self.roles))  # type: ignore[attr-defined]
        if self.first_id is not None:
            query = query.where(Segment.id >= self.first_id)  # type: ignore[operator]
        if self.last_id is not None:
            query = query.where(Segment.id <= self.last_id)  # type: ignore[operator]
        return query


@dataclass(frozen=True)
class Item:
    """A pending segment and the row it would replace (None = a new row)."""

    segment_id: int
    text: str
    translation_id: int | None
    revision: int | None


def route_label(route: Sequence[PackageInfo], tag: str = "") -> tuple[str, str]:
    """``(model_id, model_version)`` stored with rows made by ``route`` (``core.labels``).

    ``tag`` marks decoding other than Argos's (``~beam1`` drafts), so a later
    ``retranslate`` at full quality replaces draft rows.
    """
    return labels.route_columns([p.ref(tag) for p in route])


def _pending_query(scope: Scope, lang: str | None, label: tuple[str, str] | None) -> Any:
    """Segments of ``lang`` in scope without a current translation into the target."""
    join = and_(Translation.segment_id == Segment.id, Translation.target_lang == scope.target)
    outdated: Any = Translation.id.is_(None)  # type: ignore[union-attr]
    if scope.retranslate and label is not None and label[0] != "identity":
        outdated = or_(
            outdated,
            and_(
                Translation.status == "machine",
                Translation.engine.in_(engines()),  # type: ignore[attr-defined]
                not_(and_(Translation.model_id == label[0], Translation.model_version == label[1])),
            ),
        )
    by_lang = Segment.lang.is_(None) if lang is None else Segment.lang == lang  # type: ignore[union-attr]
    query = (
        select(Segment.id, Segment.text, Translation.id, Translation.revision)
        .outerjoin(Translation, join)  # type: ignore[arg-type]
        .where(by_lang, outdated)
    )
    return scope.where(query)


def count_in_scope(session: Session, scope: Scope) -> int:
    """How many segments the scope covers."""
    query = scope.where(select(func.count()).select_from(Segment))
    return int(session.scalar(query) or 0)


def languages(session: Session, scope: Scope) -> list[str | None]:
    """The raw language labels of the scope's segments."""
    query = scope.where(select(Segment.lang).distinct())
    return list(session.execute(query).scalars())


def count_pending(
    session: Session, scope: Scope, lang: str | None, label: tuple[str, str] | None
) -> int:
    """How many segments of ``lang`` still need a translation (SQL count, no rows loaded)."""
    sub = _pending_query(scope, lang, label).subquery()
    return int(session.scalar(select(func.count()).select_from(sub)) or 0)


def pending_page(
    session: Session,
    scope: Scope,
    lang: str | None,
    label: tuple[str, str] | None,
    after: int,
    limit: int = PAGE_SIZE,
) -> list[Item]:
    """The next ``limit`` pending segments with ids above ``after`` (keyset pagination)."""
    query = (
        _pending_query(scope, lang, label)
        .where(Segment.id > after)  # type: ignore[operator]
        .order_by(Segment.id)  # type: ignore[arg-type]
        .limit(limit)
    )
    return [Item(*row) for row in session.execute(query)]


def recheck(
    session: Session, scope: Scope, lang: str | None, label: tuple[str, str] | None, ids: list[int]
) -> list[Item]:
    """Of ``ids``, those still pending now (another worker may have written them)."""
    query = _pending_query(scope, lang, label).where(Segment.id.in_(ids))  # type: ignore[union-attr]
    return [Item(*row) for row in session.execute(query)]


def claim(
    session: Session, ids: list[int], *, wait: bool = False, beat: Callable[[], None] | None = None
) -> set[int]:
    """Lock the segments ``ids`` for this transaction; returns those this worker holds.

    PostgreSQL: row locks, SKIP LOCKED unless ``wait`` (then at most
    ``LOCK_WAIT_SECONDS``, in slices of ``WAIT_BEAT_SECONDS`` with ``beat()`` called
    after each slice that timed out; a timeout returns nothing).  SQLite: a no-op
    UPDATE takes the database write lock, so parallel runs go chunk by chunk.
    """
    if session.get_bind().dialect.name != "postgresql":
        session.execute(update(Segment).where(false()).values(position=Segment.position))
        return set(ids)
    query = select(Segment.id).where(Segment.id.in_(ids))  # type: ignore[union-attr]
    if not wait:
        return {row[0] for row in session.execute(query.with_for_update(skip_locked=True))}
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while (left := deadline - time.monotonic()) > 0:
        slice_ms = max(1, int(min(left, WAIT_BEAT_SECONDS) * 1000))
        session.execute(text(f"SET LOCAL lock_timeout = '{slice_ms}ms'"))
        try:
            with session.begin_nested():
                return {row[0] for row in session.execute(query.with_for_update())}
        except OperationalError:
            if beat is not None:
                beat()  # still waiting, still alive: stamped on the database's clock
    return set()


def write_rows(
    session: Session,
    items: list[Item],
    outs: list[MTResult],
    target: str,
    route: Sequence[PackageInfo],
    tag: str = "",
) -> int:
    """Insert new rows and replace outdated machine rows; returns how many were replaced."""
    now = utcnow()
    model_id, model_version = route_label(route, tag)
    engine_name = route[-1].engine if route else labels.IDENTITY
    fresh: list[dict[str, object]] = []
    replaced = 0
    for item, out in zip(items, outs, strict=True):
        values: dict[str, Any] = {
            "engine": engine_name,
            "model_id": model_id,
            "model_version": model_version,
            "text": out.text,
            "mt_text": out.text,
            "score": out.score,
            "updated_at": now,
        }
        if item.translation_id is None:
            fresh.append(
                {
                    **values,
                    "segment_id": item.segment_id,
                    "target_lang": target,
                    "status": "machine",
                    "revision": 1,
                    "created_at": now,
                }
            )
            continue
        result: Any = session.execute(
            update(Translation)
            .where(
                Translation.id == item.translation_id,  # type: ignore[arg-type]
                Translation.revision == item.revision,  # type: ignore[arg-type]
                Translation.status == "machine",  # type: ignore[arg-type]
            )
            .values(**values, revision=Translation.revision + 1)
        )
        replaced += int(result.rowcount or 0)
    cache.insert_ignore(session, Translation, fresh)
    return replaced


def run_started() -> float:
    """The monotonic start time of a run (one clock for the report)."""
    return time.monotonic()


def finish(report: TranslateReport, started: float) -> TranslateReport:
    """Stamp the run's duration."""
    report.seconds = time.monotonic() - started
    return report


def unusable(engine: Engine, scope: Scope, lang: str | None) -> int:
    """Pending segments of a language that cannot be translated (counted, not loaded)."""
    from workbench.store.db import session_scope

    with session_scope(engine) as session:
        return count_pending(session, scope, lang, None)


def failed_pair(report: TranslateReport, lang: str, exc: LanguagePairError, count: int) -> None:
    """Record a pair without a model route."""
    report.failed_pairs[f"{lang}→{report.target}"] = exc.message
    report.failed += count
