"""Background translation jobs: what the UI starts and then polls for progress.

Why one API over two backends: a translator clicks "translate" and must not
wait on a request for minutes, whether workbench runs on one laptop (SQLite)
or for a team (PostgreSQL with workers on several machines).

* ``start_job`` checks the request (language, versions, story) and stores a
  ``TranslationJob`` row; on SQLite one in-process worker thread runs the jobs
  one after the other; on PostgreSQL with a live ``workbench worker`` the job
  is cut into blocks of segment ids and enqueued through procrastinate
  (``workbench.adapters.queue``).  ``WORKBENCH_JOB_BACKEND=thread|queue``
  overrides the choice.
* ``job_progress`` is a JSON-ready dict (status queued/running/done/failed,
  segments done/total, blocks by status, the run's report); the web's JSON
  endpoint and ``workbench jobs`` print it as it is.

Jobs resume: a job interrupted by a stopped process is simply started again,
and the bulk service skips what is already translated.
"""

from __future__ import annotations

import os
import queue
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session

from workbench.adapters.mt.packages import check_code
from workbench.config import Settings
from workbench.core import roles as core_roles
from workbench.errors import N_, InputError, NotFoundError, WorkbenchError
from workbench.services.bulk import Progress, TranslateReport
from workbench.services.validation import check_id, checks_ids
from workbench.store.db import get_engine, session_scope
from workbench.store.models import (
    Article,
    TranslationBlock,
    TranslationJob,
    Version,
    iso_utc,
    utcnow,
)

#: Page roles translated when boilerplate is left out (the roles registry's list).
CONTENT_ROLES: tuple[str, ...] = core_roles.CONTENT_ROLES
STATUSES: tuple[str, ...] = ("queued", "running", "done", "failed")
STALL_SECONDS = 600  # a running job without progress this long is reported as stalled
_PROGRESS_EVERY = 1.0  # seconds between progress writes of one job


@dataclass(frozen=True)
class JobRequest:
    """What to translate: versions (or a story's versions), into which language, how."""

    target: str
    version_ids: tuple[int, ...] | None = None  # None = every version
    story: int | None = None  # an article id: all its versions
    include_boilerplate: bool = True
    retranslate: bool = False

    @property
    def roles(self) -> tuple[str, ...] | None:
        """The role filter of the bulk service (None = every role)."""
        return None if self.include_boilerplate else CONTENT_ROLES

    def params(self) -> dict[str, Any]:
        """JSON stored with the job (and sent to queue workers)."""
        return {
            "version_ids": list(self.version_ids) if self.version_ids is not None else None,
            "story": self.story,
            "include_boilerplate": self.include_boilerplate,
            "retranslate": self.retranslate,
        }

    def run(
        self,
        settings: Settings,
        progress: Progress | None = None,
        id_range: tuple[int, int] | None = None,
    ) -> TranslateReport:
        """Translate what this request asks for (``id_range``: one queue block of it).

        The one call of the bulk service for jobs: the in-process worker and
        the queue's ``translate_block`` both run a stored request through it.
        """
        from workbench.services.translate import translate_versions

        return translate_versions(
            settings,
            self.target,
            self.version_ids,
            roles=self.roles,
            retranslate=self.retranslate,
            id_range=id_range,
            progress=progress,
        )

    @classmethod
    def from_job(cls, job: TranslationJob) -> JobRequest:
        """The request a stored job was made from."""
        p = job.params
        ids = p.get("version_ids")
        return cls(
            target=job.target_lang,
            version_ids=tuple(ids) if ids is not None else None,
            story=p.get("story"),
            include_boilerplate=bool(p.get("include_boilerplate", True)),
            retranslate=bool(p.get("retranslate", False)),
        )


def _engine(settings: Settings) -> Any:
    from workbench.services.ingest import ensure_database

    ensure_database(settings)
    return get_engine(settings.database_url)


def _resolve(session: Session, settings: Settings, request: JobRequest) -> JobRequest:
    """Check the request; a story becomes its version ids."""
    target = check_code(request.target)
    if target not in settings.languages:
        raise InputError(
            N_("unknown target language %(target)r; expected one of %(languages)s"),
            target=target,
            languages=", ".join(settings.languages),
        )
    ids = request.version_ids
    if request.story is not None:
        # an id the column cannot hold is refused here, not by the driver (an overflow 500)
        check_id(request.story, "story")
        if session.get(Article, int(request.story)) is None:
            raise NotFoundError(N_("no such story: %(story)s"), story=request.story)
        query = select(Version.id).where(Version.article_id == int(request.story))
        story_ids = [int(v) for v in session.execute(query).scalars()]
        if ids and not set(ids) & set(story_ids):
            raise InputError(
                N_("nothing to translate: versions %(versions)s are not in story %(story)s"),
                versions=", ".join(map(str, ids)),
                story=request.story,
            )
        ids = tuple(v for v in (ids or story_ids) if v in set(story_ids))
    elif ids is not None:
        if not ids:  # round 33: [] named nothing; "the story has no versions" named no story
            raise InputError(
                N_("nothing to translate: 'version_ids' is empty; name at least one version")
            )
        ids = tuple(dict.fromkeys(int(v) for v in ids))
        found = set(session.execute(select(Version.id).where(Version.id.in_(ids))).scalars())  # type: ignore[union-attr]
        missing = [str(v) for v in ids if v not in found]
        if missing:  # the first ten: a list of 100,000 wrong ids made a 600 kB message
            more = f", … (+{len(missing) - 10})" if missing[10:] else ""
            shown = ", ".join(missing[:10]) + more
            raise NotFoundError(N_("no such version: %(versions)s"), versions=shown)
    if ids is not None and not ids:
        raise InputError(N_("nothing to translate: the story has no versions"))
    return JobRequest(target, ids, request.story, request.include_boilerplate, request.retranslate)


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
    from workbench.adapters import queue as job_queue

    return "queue" if job_queue.workers_alive(settings) else "thread"


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
        request = _resolve(session, settings, request)
        job = TranslationJob(target_lang=request.target, params=request.params(), backend=backend)
        session.add(job)
        session.flush()
        assert job.id is not None
        job_id = job.id
    if backend == "queue":
        from workbench.adapters import queue as job_queue

        job_queue.enqueue_job(settings, job_id)
    else:
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
    _update(settings, job_id, status="running", error="")
    last = 0.0

    def progress(done: int, total: int) -> None:
        nonlocal last
        now = time.monotonic()
        if done in (0, total) or now - last >= _PROGRESS_EVERY:
            last = now
            _update(settings, job_id, segments_done=done, segments_total=total)

    try:
        report = request.run(settings, progress)
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
        job.updated_at = utcnow()
        session.add(job)


def _blocks(session: Session, job_id: int) -> dict[str, Any]:
    rows = session.execute(
        select(
            TranslationBlock.status,
            func.count(),
            func.sum(TranslationBlock.segments_done),
            func.sum(TranslationBlock.segments_total),
        )
        .where(TranslationBlock.job_id == job_id)
        .group_by(TranslationBlock.status)
    ).all()
    counts = {s: 0 for s in STATUSES}
    done = total = 0
    for status, count, seg_done, seg_total in rows:
        counts[status] = int(count)
        done += int(seg_done or 0)
        total += int(seg_total or 0)
    return {"counts": counts, "segments_done": done, "segments_total": total}


def _as_dict(session: Session, job: TranslationJob) -> dict[str, Any]:
    """The JSON shape of one job (the UI polls it)."""
    done, total, status = job.segments_done, job.segments_total, job.status
    blocks: dict[str, int] = {}
    if job.backend == "queue":
        agg = _blocks(session, job.id or 0)
        blocks = {**agg["counts"], "total": job.blocks_total}
        done, total = agg["segments_done"], agg["segments_total"]
    updated = job.updated_at
    if updated is not None and updated.tzinfo is None:
        from datetime import UTC

        updated = updated.replace(tzinfo=UTC)
    stalled = (
        status == "running"
        and updated is not None
        and utcnow() - updated > timedelta(seconds=STALL_SECONDS)
    )
    return {
        "id": job.id,
        "target": job.target_lang,
        "status": status,
        "backend": job.backend,
        "params": job.params,
        "segments": {"done": done, "total": total},
        "blocks": blocks,
        "stalled": stalled,
        "report": job.report,
        "error": job.error,
        "created_at": iso_utc(job.created_at),
        "updated_at": iso_utc(job.updated_at),
    }


@checks_ids
def job_progress(settings: Settings, job_id: int) -> dict[str, Any]:
    """A job's progress as a JSON-ready dict; ``NotFoundError`` for an unknown id."""
    with session_scope(_engine(settings)) as session:
        job = session.get(TranslationJob, int(job_id))
        if job is None:
            raise NotFoundError(N_("no such job: %(job_id)s"), job_id=job_id)
        return _as_dict(session, job)


def list_jobs(settings: Settings, limit: int = 20) -> list[dict[str, Any]]:
    """The newest jobs first, as ``job_progress`` dicts."""
    with session_scope(_engine(settings)) as session:
        query = select(TranslationJob).order_by(TranslationJob.id.desc()).limit(limit)  # type: ignore[union-attr]
        return [_as_dict(session, job) for job in session.execute(query).scalars()]


def all_jobs(settings: Settings, limit: int = 20) -> dict[str, list[dict[str, Any]]]:
    """Every background job, newest first per kind: what ``workbench jobs`` and ``/api/jobs`` list.

    ``jobs`` are translation jobs (``job_progress`` dicts, as before);
    ``compare_jobs`` are background comparisons (``compare_jobs.list_compare_jobs``),
    kept apart because their ids, progress and results are of another kind.
    """
    from workbench.services.compare_jobs import list_compare_jobs

    translation = list_jobs(settings, limit)  # creates the tables of a new database first
    return {"jobs": translation, "compare_jobs": list_compare_jobs(settings, limit)}


@checks_ids
def wait_for(settings: Settings, job_id: int, timeout: float = 300.0) -> dict[str, Any]:
    """Poll until the job is done or failed (CLI ``--wait``, tests); returns its progress."""
    deadline = time.monotonic() + timeout
    while True:
        state = job_progress(settings, job_id)
        if state["status"] in ("done", "failed") or time.monotonic() > deadline:
            return state
        time.sleep(0.2)


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
