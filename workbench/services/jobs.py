"""Background translation jobs: what the UI starts and then polls for progress.

Why one API over two backends: a translator clicks "translate" and must not
wait on a request for minutes, whether workbench runs on one laptop (SQLite)
or for a team (PostgreSQL with workers on several machines).

* ``start_job`` checks the request (language, versions, story:
  ``services.job_request``) and stores a ``TranslationJob`` row; on SQLite one
  in-process worker thread runs the jobs one after the other; on PostgreSQL with
  a live ``workbench worker`` the job is cut into blocks of segment ids and
  enqueued through procrastinate (``workbench.adapters.queue``).
  ``WORKBENCH_JOB_BACKEND=thread|queue`` overrides the choice.
* ``job_progress`` (``services.job_status``) is a JSON-ready dict (status
  queued/running/done/failed, segments done/total, blocks by status, the run's
  report); the web's JSON endpoint and ``workbench jobs`` print it as it is.

Jobs resume: a job interrupted by a stopped process is simply started again,
and the bulk service skips what is already translated.  A thread job's row
names its process (``owner``, ``services.owners``): when that process is gone,
the next read of the job ends it as failed, "stopped" (``job_status``), so the
page frees its Translate button at once instead of after the 600 s stall.
"""

from __future__ import annotations

import os
import queue
import threading
import time
from collections.abc import Sequence
from typing import Any

from workbench.config import Settings
from workbench.errors import N_, InputError, NotFoundError, WorkbenchError
from workbench.services import heartbeat
from workbench.services.bulk import TranslateReport
from workbench.services.job_request import CONTENT_ROLES, JobRequest, resolve, run_request
from workbench.services.job_request import job_engine as _engine
from workbench.services.job_status import (
    STATUSES,
    all_jobs,
    job_progress,
    list_jobs,
    wait_for,
)
from workbench.services.owners import process_owner
from workbench.services.validation import checks_ids
from workbench.store.db import get_engine, session_scope
from workbench.store.models import TranslationJob

__all__ = [
    "CONTENT_ROLES", "STATUSES", "JobRequest", "all_jobs", "job_backend",
    "job_progress", "list_jobs", "run_job", "start_job", "wait_for",
]  # fmt: skip

_PROGRESS_EVERY = 1.0  # seconds between progress writes of one job


def job_backend(settings: Settings) -> str:
    """``thread`` (in this process) or ``queue`` (procrastinate workers on PostgreSQL).

    ``WORKBENCH_JOB_BACKEND`` decides if set; otherwise PostgreSQL uses the
    queue when a ``workbench worker`` is alive, so a job never waits for a
    worker that does not exist.
    """
    chosen = os.environ.get("WORKBENCH_JOB_BACKEND", "").strip().lower()
    if chosen in ("thread", "queue"):
        if chosen == "queue" and not settings.database_url.startswith("postgresql"):
            raise InputError(N_("WORKBENCH_JOB_BACKEND=queue needs a PostgreSQL database"))
        return chosen
    if not settings.database_url.startswith("postgresql"):
        return "thread"
    from workbench.adapters import queue as job_queue  # PostgreSQL only (reliab41)

    return "queue" if job_queue.workers_alive(settings) else "thread"


def _enqueue(settings: Settings, job_id: int) -> None:
    """Cut a stored job into blocks on the queue.  Why imported here: the queue adapter
    and ``queue_work`` are for PostgreSQL teams; a SQLite user's ``import`` of this
    service (every translate page, ``workbench translate``) need not load them, and a
    test or tool that only reads jobs does not either (reliab41)."""
    from workbench.adapters import queue as job_queue
    from workbench.services.queue_work import BLOCK_WORK

    job_queue.enqueue_job(settings, job_id, BLOCK_WORK)


@checks_ids
def start_job(
    settings: Settings,
    target: str,
    *,
    version_ids: Sequence[int] | None = None,
    story: int | None = None,
    include_boilerplate: bool = True,
    retranslate: bool = False,
    backend: str | None = None,
) -> int:
    """Store and start a translation job; returns its id at once (progress: ``job_progress``)."""
    request = JobRequest(
        target,
        tuple(version_ids) if version_ids is not None else None,
        story,
        include_boilerplate,
        retranslate,
    )
    engine = _engine(settings)
    backend = backend or job_backend(settings)
    with session_scope(engine) as session:
        request = resolve(session, settings, request)
        thread = backend == "thread"
        job = TranslationJob(target_lang=request.target, params=request.params(), backend=backend,
                             owner=process_owner() if thread else "",
                             heartbeat_at=heartbeat.db_now() if thread else None)  # fmt: skip
        session.add(job)
        session.flush()
        assert job.id is not None
        job_id = job.id
    if backend == "queue":
        _enqueue(settings, job_id)
    else:
        heartbeat.ensure(settings.database_url)
        _worker(settings).submit(job_id)
    return job_id


@checks_ids
def run_job(settings: Settings, job_id: int) -> TranslateReport:
    """Run a stored job here and now (the worker thread, or a CLI without a queue)."""
    engine = _engine(settings)
    with session_scope(engine) as session:
        job = session.get(TranslationJob, job_id)
        if job is None:
            raise NotFoundError(N_("no such job: %(job_id)s"), job_id=job_id)
        request = JobRequest.from_job(job)
    heartbeat.ensure(settings.database_url)
    _update(settings, job_id, status="running", error="", owner=process_owner(),
            heartbeat_at=heartbeat.db_now())  # fmt: skip
    last = 0.0

    def progress(done: int, total: int) -> None:
        nonlocal last
        now = time.monotonic()
        if done in (0, total) or now - last >= _PROGRESS_EVERY:
            last = now
            _update(settings, job_id, segments_done=done, segments_total=total)

    try:
        report = run_request(settings, request, progress)
    except WorkbenchError as exc:
        _update(settings, job_id, status="failed", error=exc.message)
        raise
    except Exception as exc:  # a bug must still end the job visibly, not leave it "running"
        _update(settings, job_id, status="failed", error=f"{type(exc).__name__}: {exc}")
        raise
    _finish(settings, job_id, report)
    return report


def _finish(settings: Settings, job_id: int, report: TranslateReport) -> None:
    """Mark a job done, or failed when nothing could be translated for a missing model."""
    data = report.to_json()
    useful = report.translated + report.cached + report.skipped_same_lang
    if report.failed and not useful and not report.skipped_existing:
        error = "; ".join(f"{k}: {v}" for k, v in report.failed_pairs.items())
        _update(settings, job_id, status="failed", error=error, report=data)
    else:
        _update(settings, job_id, status="done", report=data)


def _update(settings: Settings, job_id: int, **values: Any) -> None:
    with session_scope(get_engine(settings.database_url)) as session:
        job = session.get(TranslationJob, job_id)
        if job is None:
            return
        for key, value in values.items():
            setattr(job, key, value)
        job.updated_at = heartbeat.db_now()  # the database's clock: what ``stalled`` reads
        session.add(job)


class _Worker:
    """The single in-process worker thread: runs submitted jobs one after the other."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.jobs: queue.Queue[int] = queue.Queue()
        self.thread = threading.Thread(target=self._loop, name="workbench-jobs", daemon=True)
        self.thread.start()

    def submit(self, job_id: int) -> None:
        self.jobs.put(job_id)

    def _loop(self) -> None:
        while True:
            job_id = self.jobs.get()
            try:
                run_job(self.settings, job_id)
            except Exception:  # noqa: BLE001, S110 - recorded on the job row by run_job
                pass
            finally:
                self.jobs.task_done()


_WORKERS: dict[str, _Worker] = {}
_WORKERS_LOCK = threading.Lock()


def _worker(settings: Settings) -> _Worker:
    """One worker thread per database per process."""
    with _WORKERS_LOCK:
        worker = _WORKERS.get(settings.database_url)
        if worker is None or not worker.thread.is_alive():
            worker = _WORKERS[settings.database_url] = _Worker(settings)
        return worker
