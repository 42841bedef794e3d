"""A job's progress as the UI polls it, and the list of jobs (``workbench jobs``, ``/api/jobs``).

Why its own module: reading a job's state is the same for both backends (the
thread's counters, or the queue's blocks summed) and never starts or runs one.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, select, update
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, col

from workbench.config import Settings
from workbench.errors import N_, NotFoundError
from workbench.services import heartbeat
from workbench.services.job_request import job_engine as _engine
from workbench.services.owners import owner_gone, process_owner
from workbench.services.validation import check_count, checks_ids
from workbench.store.db import session_scope
from workbench.store.models import TranslationBlock, TranslationJob, iso_utc, utcnow

STATUSES: tuple[str, ...] = ("queued", "running", "done", "failed")


def _blocks(session: Session, job_id: int) -> dict[str, Any]:
    rows = session.execute(
        select(
            TranslationBlock.status,
            func.count(),
            func.sum(TranslationBlock.segments_done),
            func.sum(TranslationBlock.segments_total),
            func.max(TranslationBlock.updated_at),
        )
        .where(TranslationBlock.job_id == job_id)
        .group_by(TranslationBlock.status)
    ).all()
    counts = {s: 0 for s in STATUSES}
    done = total = 0
    beats: list[datetime] = []
    for status, count, seg_done, seg_total, newest in rows:
        counts[status] = int(count)
        done += int(seg_done or 0)
        total += int(seg_total or 0)
        if (stamp := heartbeat.aware(newest)) is not None:
            beats.append(stamp)
    return {"counts": counts, "segments_done": done, "segments_total": total,
            "newest": max(beats, default=None)}  # fmt: skip


#: The most jobs of each kind one listing returns (``jobs --limit``; a page, not a dump).
MAX_LISTED = 10_000

#: The error of a thread job whose process is gone (``stop_orphan``).
STOPPED = N_(
    "stopped: the process running this job (%(owner)s) ended before it finished; "
    "what it translated is kept: translate again to resume"
)


#: The error of another host's thread job whose heartbeat fell silent (round 37).
SILENT = N_(
    "stopped: the process running this job (%(owner)s) has not been heard from for "
    "%(seconds)s seconds; what it translated is kept: translate again to resume"
)


def _stop_reason(session: Session, job: TranslationJob) -> str | None:
    """Why a thread job counts as stopped, or None: its process is gone on this host
    (``owners.owner_gone``), or its heartbeat is silent past the mark, on any host
    (``heartbeat.silent``, on the database's clock; never this process's own job)."""
    host_pid = ":".join(job.owner.split(":")[:2])
    if owner_gone(job.owner):
        return STOPPED % {"owner": host_pid}
    if (
        job.owner
        and job.owner != process_owner()
        and job.heartbeat_at is not None
        and heartbeat.silent(job.heartbeat_at, heartbeat.read_db_now(session))
    ):
        return SILENT % {"owner": host_pid, "seconds": int(heartbeat.HEARTBEAT_LOST_SECONDS)}
    return None


def stop_orphan(session: Session, job: TranslationJob) -> None:
    """End a queued or running thread job whose owner process is gone, as failed.

    Why at read time: a killed server cannot mark its own job, and the reader is
    the first to ask.  Only a thread job of this host's dead process (or of a
    former process with this pid) is ended (``owners.owner_gone``); a queue job's
    blocks are retried by the workers' own sweep, another machine's job waits for
    ``stalled`` unless its heartbeat falls silent (round 37).  The update is
    conditional on the row still being that owner's, with the heartbeat read, so
    a reader never ends a job another process just took or just stamped.
    """
    if job.backend != "thread" or job.status not in ("queued", "running"):
        return
    error = _stop_reason(session, job)
    if error is None:
        return
    host_pid = ":".join(job.owner.split(":")[:2])
    report = {**(job.report or {}), "stopped": host_pid}
    if not owner_gone(job.owner):  # silent, not known gone: the web says which (round 37)
        report["silent"] = int(heartbeat.HEARTBEAT_LOST_SECONDS)
    values = {"status": "failed", "error": error, "report": report, "updated_at": utcnow()}
    try:
        session.execute(
            update(TranslationJob)
            .where(
                col(TranslationJob.id) == job.id,
                col(TranslationJob.owner) == job.owner,
                _same_beat(job),
                col(TranslationJob.status).in_(("queued", "running")),
            )  # fmt: skip
            .values(**values)
        )
        session.flush()
        session.refresh(job)
    except DBAPIError:  # a read-only database: say it stopped, store nothing
        session.rollback()
        session.expunge(job)
        for key, value in values.items():
            setattr(job, key, value)


def _same_beat(job: TranslationJob) -> ColumnElement[bool]:
    """The row's heartbeat is still the one read (a beat meanwhile keeps the job)."""
    if job.heartbeat_at is None:
        return col(TranslationJob.heartbeat_at).is_(None)
    return col(TranslationJob.heartbeat_at) == job.heartbeat_at


def _stalled(session: Session, status: str, updated: datetime | None, stall: int) -> bool:
    """A running job that has not moved for ``stall`` seconds (``Settings.job_stall_seconds``,
    ``WORKBENCH_JOB_STALL_SECONDS``), on the database's clock (reliab39): ``updated_at`` is
    written as ``heartbeat.db_now()``, so a reader or writer whose clock runs off does not
    mark a moving job."""
    stamp = heartbeat.aware(updated)
    if status != "running" or stamp is None:
        return False
    return heartbeat.read_db_now(session) - stamp > timedelta(seconds=stall)


def _newest(job_moved: datetime | None, block_moved: datetime | None) -> datetime | None:
    """When a queue job last moved: its row, or its newest block (reliabb39).

    Why: a queue job's progress is written to its blocks (``queue._set_block``), not
    to the job row, which moves only at enqueue and close; read alone, a queue job
    running past the stall time was shown stalled while its workers translated.
    Reading the blocks' stamp keeps the job row out of every progress write (no lock
    shared by concurrent workers)."""
    stamps = [s for s in (job_moved, block_moved) if s is not None]
    return max(stamps, default=None)


def _as_dict(session: Session, job: TranslationJob, stall: int) -> dict[str, Any]:
    """The JSON shape of one job (the UI polls it); a job whose process is gone is
    ended first (``stop_orphan``); ``stall``: the seconds without progress that mark it."""
    stop_orphan(session, job)
    done, total, status = job.segments_done, job.segments_total, job.status
    blocks: dict[str, int] = {}
    moved = heartbeat.aware(job.updated_at)
    if job.backend == "queue":
        agg = _blocks(session, job.id or 0)
        blocks = {**agg["counts"], "total": job.blocks_total}
        done, total = agg["segments_done"], agg["segments_total"]
        moved = _newest(moved, agg["newest"])
    stalled = _stalled(session, status, moved, stall)
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
        # when the job last moved, the time ``stalled`` reads (reliabc39): a queue
        # job's newest block when later than its row, so the time and the mark agree
        "updated_at": iso_utc(moved),
    }


@checks_ids
def job_progress(settings: Settings, job_id: int) -> dict[str, Any]:
    """A job's progress as a JSON-ready dict; ``NotFoundError`` for an unknown id."""
    with session_scope(_engine(settings)) as session:
        job = session.get(TranslationJob, int(job_id))
        if job is None:
            raise NotFoundError(N_("no such job: %(job_id)s"), job_id=job_id)
        return _as_dict(session, job, settings.job_stall_seconds)


def list_jobs(settings: Settings, limit: int = 20) -> list[dict[str, Any]]:
    """The newest jobs first, as ``job_progress`` dicts."""
    check_count(limit, "the number of jobs to list", MAX_LISTED)
    with session_scope(_engine(settings)) as session:
        query = select(TranslationJob).order_by(TranslationJob.id.desc()).limit(limit)  # type: ignore[union-attr]
        stall = settings.job_stall_seconds
        return [_as_dict(session, job, stall) for job in session.execute(query).scalars()]


def all_jobs(settings: Settings, limit: int = 20) -> dict[str, list[dict[str, Any]]]:
    """Every background job, newest first per kind: what ``workbench jobs`` and ``/api/jobs`` list.

    ``jobs`` are translation jobs (``job_progress`` dicts, as before);
    ``compare_jobs`` are background comparisons (``compare_jobs.list_compare_jobs``),
    kept apart because their ids, progress and results are of another kind.
    """
    from workbench.services.compare_jobs import list_compare_jobs

    check_count(limit, "the number of jobs to list", MAX_LISTED)
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
