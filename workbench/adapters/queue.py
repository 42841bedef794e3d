"""Bulk translation on procrastinate (a PostgreSQL job queue): enqueue blocks, run workers.

Why procrastinate: teams already run PostgreSQL, so the queue lives in the
same database (no second datastore); it locks jobs with SKIP LOCKED, keeps
worker heartbeats (a killed worker's job is found and retried), and offers
queueing locks (one block is never enqueued twice while it waits).

* ``ensure_schema`` — procrastinate's tables, applied by workbench itself
  (under an advisory lock, so parallel workers do it once).
* ``enqueue_job`` — cuts a ``TranslationJob`` into blocks of at most
  ``BLOCK_SEGMENTS`` segment ids (keyset pages; no id list in memory) and
  defers one ``translate_block`` task per block.
* ``run_worker`` — the ``workbench worker`` loop plus a stalled-job reaper.
* ``translate_block`` — the task: the bulk service on the block's id range,
  committed chunk by chunk, so a retried block resumes and never duplicates.

What a block *runs* is handed in as a ``BlockWork`` (``services.queue_work.BLOCK_WORK``,
passed by ``services.jobs``): this adapter knows procrastinate and the job and block
tables, the services know what a block of translation is (its segment scope, the run,
how block reports add up).  The adapter imports no service (layersb40).
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import func, select
from sqlmodel import Session

from workbench.adapters import queue_beats
from workbench.adapters.job_request import JobRequest
from workbench.config import Settings
from workbench.errors import N_, InputError, WorkbenchError
from workbench.store.clock import db_now
from workbench.store.db import get_engine, session_scope
from workbench.store.models import Segment, TranslationBlock, TranslationJob

QUEUE = "workbench-translate"
TASK = "workbench.translate_block"
BLOCK_SEGMENTS = 2000
#: A worker process writes procrastinate's worker heartbeat this often.
HEARTBEAT_SECONDS = 5.0
#: A *worker process* whose heartbeat is older than this is gone: its running block is
#: retried by the reaper (``_retry_stalled``), and ``workers_alive`` says no worker listens
#: (so ``services.jobs`` runs the job in a thread).  Why not ``Settings.job_stall_seconds``
#: (round 42, reliab42): that setting is how long a *job's progress* may stand still before
#: the listings say ``stalled``; it only informs, is minutes (a CPU-only chunk, a wait on
#: held rows), and is read by whoever shows the job.  This one acts (a retry, a choice of
#: runner), so it must stay a few missed beats (4 × 5 s) of a process that beats on its own
#: timer while its block runs: at 600 s a killed worker's block would wait ten minutes to be
#: retried, and a job would be queued for a worker ten minutes dead.  It moves with the beat
#: (``workbench worker --heartbeat N`` passes ``4 * N``), not with the listings' mark.
STALLED_SECONDS = 4 * HEARTBEAT_SECONDS
#: ``--heartbeat`` bounds: tests beat every 0.5 s; over an hour a dead worker's block
#: would wait four hours for its retry.
MIN_HEARTBEAT, MAX_HEARTBEAT = 0.1, 3600.0
MAX_CONCURRENCY = 64  # blocks one worker runs at once (``serve --threads`` has the same cap)
_SCHEMA_LOCK = 727_001  # pg_advisory_lock key of the schema step
log = logging.getLogger(__name__)


class BlockReport(Protocol):
    """What a block's run returns (the bulk service's ``TranslateReport``)."""

    @property
    def complete(self) -> bool: ...  # False: some segments were held by another worker

    skipped_locked: int

    def to_json(self) -> dict[str, object]: ...


@dataclass(frozen=True)
class BlockWork:
    """What the queue runs, handed down by the services (the adapter knows no translation).

    * ``scope(request)`` — the request's segments: an object whose ``where(query)``
      restricts a ``Segment`` query (the blocks are cut from it);
    * ``run(settings, request, progress, id_range)`` — translate one block's id range,
      committed chunk by chunk; returns a ``BlockReport``;
    * ``sum_reports(target, reports)`` — the job's report (JSON) from its blocks' reports.
    """

    scope: Callable[[JobRequest], Any]
    run: Callable[[Settings, JobRequest, Callable[[int, int], None], tuple[int, int]], BlockReport]
    sum_reports: Callable[[str, list[dict[str, Any]]], dict[str, object]]


def conninfo(url: str) -> str:
    """A libpq URL from a SQLAlchemy one."""
    if not url.startswith("postgresql"):
        raise InputError(N_("the job queue needs a PostgreSQL database (WORKBENCH_DATABASE_URL)"))
    scheme, rest = url.split("://", 1)
    return "postgresql://" + rest if "+" in scheme else url


def _schema_present(conn: Any) -> bool:
    return conn.execute("SELECT to_regclass('procrastinate_jobs') IS NOT NULL").fetchone()[0]


def ensure_schema(settings: Settings) -> None:
    """Apply procrastinate's schema once per database (idempotent, race-free)."""
    import psycopg
    from procrastinate import SyncPsycopgConnector
    from procrastinate.schema import SchemaManager

    with psycopg.connect(conninfo(settings.database_url), autocommit=True) as conn:
        if _schema_present(conn):
            return
        conn.execute("SELECT pg_advisory_lock(%s)", (_SCHEMA_LOCK,))
        try:
            if not _schema_present(conn):
                conn.execute(SchemaManager(SyncPsycopgConnector()).get_schema())
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", (_SCHEMA_LOCK,))


def workers_alive(settings: Settings, within: float = STALLED_SECONDS) -> bool:
    """True when a ``workbench worker`` sent a heartbeat recently.

    "Recently" is each worker's own rule: four of the beats it recorded
    (``queue_beats``; ``--heartbeat 30`` stays alive for 120 s), or ``within`` of
    procrastinate's heartbeat for a worker that recorded none.
    """
    import psycopg

    try:
        with psycopg.connect(conninfo(settings.database_url), autocommit=True) as conn:
            if not _schema_present(conn):
                return False
            row = conn.execute(
                "SELECT count(*) FROM procrastinate_workers "
                "WHERE last_heartbeat > now() - make_interval(secs => %s)",
                (within,),
            ).fetchone()
            if row and row[0]:
                return True
            if not queue_beats.table_present(conn):
                return False
            own = conn.execute(queue_beats.ALIVE_SQL).fetchone()
            return bool(own and own[0])
    except psycopg.Error:
        return False


_APPS: dict[str, Any] = {}
_WORKERS: dict[str, tuple[Settings, BlockWork]] = {}


def get_app(settings: Settings, work: BlockWork) -> Any:
    """The procrastinate app of a database, with the ``translate_block`` task registered
    (its body runs ``work``)."""
    from procrastinate import App, PsycopgConnector, RetryStrategy

    url = conninfo(settings.database_url)
    app = _APPS.get(url)
    if app is None:
        app = App(connector=PsycopgConnector(conninfo=url))
        app.task(name=TASK, queue=QUEUE, retry=RetryStrategy(max_attempts=3, wait=2))(_task_entry)
        _APPS[url] = app
    _WORKERS[url] = (settings, work)
    return app


def _task_entry(block_id: int, database: str) -> None:
    """What a worker runs for one job (sync: procrastinate runs it in a thread)."""
    worker = _WORKERS.get(database)
    if worker is None:
        raise RuntimeError("worker settings missing for this database")
    translate_block(worker[0], worker[1], block_id)


def block_size() -> int:
    """Segments per block: ``WORKBENCH_QUEUE_BLOCK`` or ``BLOCK_SEGMENTS`` (2,000)."""
    raw = os.environ.get("WORKBENCH_QUEUE_BLOCK", "")
    return max(1, int(raw)) if raw.isdigit() else BLOCK_SEGMENTS


def _block_bounds(session: Session, scope: Any, after: int) -> tuple[int, int] | None:
    """The next block's first and last segment id after ``after`` (SQL, bounded)."""
    ids = scope.where(select(Segment.id)).where(Segment.id > after).order_by(Segment.id)  # type: ignore[operator,arg-type]
    first = session.scalar(ids.limit(1))
    if first is None:
        return None
    last = session.scalar(ids.offset(block_size() - 1).limit(1))
    if last is None:
        last = session.scalar(scope.where(select(func.max(Segment.id))))
    return int(first), int(last)


def enqueue_job(settings: Settings, job_id: int, work: BlockWork) -> int:
    """Cut a stored job into blocks and defer them; returns how many were enqueued.

    Each block carries a queueing lock naming its target and id range: a block
    already waiting in the queue (e.g. the same command run twice) is not
    enqueued again.
    """
    ensure_schema(settings)
    engine = get_engine(settings.database_url)
    app = get_app(settings, work)
    task = app.tasks[TASK]
    enqueued = after = 0
    with session_scope(engine) as session:
        job = session.get(TranslationJob, job_id)
        if job is None:
            raise WorkbenchError(N_("no such job: %(job_id)s"), job_id=job_id)
        request = JobRequest.from_job(job)
    scope = work.scope(request)
    with app.open():
        while True:
            with session_scope(engine) as session:
                bounds = _block_bounds(session, scope, after)
                if bounds is None:
                    break
                after = bounds[1]
                enqueued += _defer_block(session, task, settings, (job_id, request, scope), bounds)
    _after_enqueue(settings, job_id, enqueued)
    return enqueued


def _defer_block(
    session: Session, task: Any, settings: Settings, job: tuple[int, JobRequest, Any],
    bounds: tuple[int, int],
) -> int:  # fmt: skip
    """Store one block and defer it; 0 (block dropped) when the same block already waits."""
    from procrastinate.exceptions import AlreadyEnqueued

    job_id, request, scope = job
    count = session.scalar(
        scope.where(select(func.count()).select_from(Segment)).where(
            Segment.id.between(*bounds)  # type: ignore[attr-defined]
        )
    )
    block = TranslationBlock(
        job_id=job_id, first_id=bounds[0], last_id=bounds[1], segments_total=int(count or 0)
    )
    session.add(block)
    session.flush()
    lock = (
        f"translate:{request.target}:{bounds[0]}-{bounds[1]}:"
        f"{int(request.retranslate)}:{int(request.include_boilerplate)}"
    )
    try:
        task.configure(queueing_lock=lock).defer(
            block_id=block.id, database=conninfo(settings.database_url)
        )
    except AlreadyEnqueued:
        session.delete(block)
        return 0
    return 1


def _after_enqueue(settings: Settings, job_id: int, enqueued: int) -> None:
    with session_scope(get_engine(settings.database_url)) as session:
        job = session.get(TranslationJob, job_id)
        assert job is not None
        job.blocks_total = enqueued
        if enqueued == 0:
            job.status = "done"
            job.error = "nothing to enqueue: no segments, or every block is already queued"
        job.updated_at = db_now()  # the clock ``stalled`` reads (reliab39)
        session.add(job)


def translate_block(settings: Settings, work: BlockWork, block_id: int) -> None:
    """Translate one block (the queue task); a rerun of a done block does nothing."""
    engine = get_engine(settings.database_url)
    with session_scope(engine) as session:
        block = session.get(TranslationBlock, block_id)
        if block is None or block.status == "done":
            return
        job = session.get(TranslationJob, block.job_id)
        assert job is not None
        request = JobRequest.from_job(job)
        block.status, block.attempts = "running", block.attempts + 1
        block.updated_at = db_now()  # the clock ``stalled`` reads (reliabb39)
        if job.status == "queued":
            job.status = "running"
        session.add_all([block, job])
        bounds, in_block = (block.first_id, block.last_id), block.segments_total

    def progress(done: int, total: int) -> None:
        _set_block(engine, block_id, segments_done=max(0, in_block - total) + done)

    try:
        report = work.run(settings, request, progress, bounds)
    except Exception as exc:
        message = exc.message if isinstance(exc, WorkbenchError) else f"{type(exc).__name__}: {exc}"
        _set_block(engine, block_id, status="failed", error=message)
        _close_job(engine, work, block.job_id)
        raise
    status = "done" if report.complete else "failed"
    error = "" if report.complete else f"{report.skipped_locked} segments held by another worker"
    _set_block(engine, block_id, status=status, error=error, report=report.to_json())
    _close_job(engine, work, block.job_id)


def _set_block(engine: Any, block_id: int, **values: Any) -> None:
    """Write a block's progress or end, stamped on the database's clock: the newest
    block's ``updated_at`` is when its queue job last moved (``job_status._newest``)."""
    with session_scope(engine) as session:
        block = session.get(TranslationBlock, block_id)
        if block is not None:
            for key, value in values.items():
                setattr(block, key, value)
            block.updated_at = db_now()
            session.add(block)


def _close_job(engine: Any, work: BlockWork, job_id: int) -> None:
    """When no block is left queued or running, the job is done (or failed) with a summed report."""
    with session_scope(engine) as session:
        job = session.get(TranslationJob, job_id, with_for_update=True)
        if job is None:
            return
        blocks = list(
            session.execute(select(TranslationBlock).where(TranslationBlock.job_id == job_id))
            .scalars()
            .all()
        )
        if any(b.status in ("queued", "running") for b in blocks):
            return
        failed = [b for b in blocks if b.status == "failed"]
        job.status = "failed" if failed else "done"
        job.error = "; ".join(f"block {b.id}: {b.error}" for b in failed)[:2000]
        job.report = work.sum_reports(job.target_lang, [b.report or {} for b in blocks])
        job.updated_at = db_now()
        session.add(job)


async def _retry_stalled(app: Any, every: float, stalled: float) -> None:
    """Retry jobs whose worker stopped sending heartbeats (killed, machine lost)."""
    while True:
        await asyncio.sleep(every)
        try:
            for job in await app.job_manager.get_stalled_jobs(
                queue=QUEUE, seconds_since_heartbeat=stalled
            ):
                log.warning("retrying stalled job %s (worker gone)", job.id)
                await app.job_manager.retry_job(job)
        except Exception:  # noqa: BLE001 - a failed sweep is retried on the next tick
            log.exception("stalled-job sweep failed")


def run_worker(
    settings: Settings,
    work: BlockWork,
    *,
    concurrency: int = 1,
    wait: bool = True,
    heartbeat: float = HEARTBEAT_SECONDS,
    stalled: float = STALLED_SECONDS,
) -> None:
    """Run a worker until stopped (SIGINT/SIGTERM), or until the queue is empty (``wait=False``).

    ``services.queue_work.run_worker`` checks the numbers first (the bounds below).
    """
    import psycopg

    ensure_schema(settings)
    with psycopg.connect(conninfo(settings.database_url), autocommit=True) as conn:
        queue_beats.ensure_table(conn)
    app = get_app(settings, work)
    token = queue_beats.new_token()

    async def main() -> None:
        async with app.open_async():
            beats = asyncio.create_task(queue_beats.beat_forever(app, token, heartbeat))
            reaper = asyncio.create_task(_retry_stalled(app, heartbeat, stalled))
            try:
                await app.run_worker_async(
                    queues=[QUEUE],
                    concurrency=max(1, concurrency),
                    wait=wait,
                    update_heartbeat_interval=heartbeat,
                    stalled_worker_timeout=stalled,
                    listen_notify=True,
                )
            finally:
                reaper.cancel()
                beats.cancel()
                await queue_beats.forget(app, token)

    asyncio.run(main())
