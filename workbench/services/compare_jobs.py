"""Comparisons that outgrow a web request run in the background, with progress.

Why in-process: a compare is CPU work inside this process (aligner, MT of one
side), bounded and resumable by nature — a rerun finds what is stored
(idempotent compare) and only computes the rest.  So a small runner suffices:
one worker thread per process takes jobs in order, and the page polls
``job_status``.  Bulk *translation* goes through the real job queue
(procrastinate, ``services.jobs``); comparing a story is seconds to minutes.

Jobs: ``story`` (every missing reference→version comparison of a story,
progress = comparisons done/total) and ``pair`` (one large comparison; progress
0/1 then 1/1).  The same request while one is queued or running returns that
job instead of starting another.  Jobs live in memory: after a restart a
finished one is gone (its result is stored) and an unfinished one is simply
asked for again.
"""

from __future__ import annotations

import itertools
import queue
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from workbench.config import Settings
from workbench.errors import NotFoundError, WorkbenchError

#: Segments (both sides together) above which the compare form runs in the background.
LARGE_COMPARE_SEGMENTS = 1500
_KEEP = 200  # finished jobs remembered


def _now() -> str:
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


@dataclass
class CompareJob:
    """One background comparison job, JSON-ready through ``asdict``."""

    id: int
    kind: str  # story | pair
    key: str
    status: str = "queued"  # queued | running | done | failed
    done: int = 0
    total: int = 0
    result: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    created_at: str = field(default_factory=_now)
    updated_at: str = field(default_factory=_now)


_JOBS: dict[int, CompareJob] = {}
_LOCK = threading.Lock()
_QUEUE: queue.Queue[tuple[CompareJob, Callable[[CompareJob], dict[str, Any]]]] = queue.Queue()
_IDS = itertools.count(1)
_WORKER: threading.Thread | None = None


def _work() -> None:
    while True:
        job, run = _QUEUE.get()
        job.status, job.updated_at = "running", _now()
        try:
            job.result = run(job)
            job.status = "done"
        except WorkbenchError as exc:
            job.status, job.error = "failed", exc.message
        except Exception as exc:  # noqa: BLE001 - a job never kills the worker; say what broke
            job.status, job.error = "failed", f"unexpected error: {type(exc).__name__}: {exc}"
        job.updated_at = _now()


def _submit(kind: str, key: str, run: Callable[[CompareJob], dict[str, Any]]) -> dict[str, Any]:
    global _WORKER
    with _LOCK:
        for job in _JOBS.values():
            if job.key == key and job.status in ("queued", "running"):
                return asdict(job)
        job = CompareJob(next(_IDS), kind, key)
        _JOBS[job.id] = job
        for old in sorted(_JOBS)[:-_KEEP]:
            if _JOBS[old].status in ("done", "failed"):
                del _JOBS[old]
        if _WORKER is None or not _WORKER.is_alive():
            _WORKER = threading.Thread(target=_work, name="compare-jobs", daemon=True)
            _WORKER.start()
    _QUEUE.put((job, run))
    return asdict(job)


def start_story_job(settings: Settings, slug: str, reference: int | None) -> dict[str, Any]:
    """Compute every missing comparison of a story in the background."""
    from workbench.services.stories import story_view

    story_view(settings, slug, reference=reference, compute=0)  # unknown slug/reference: now

    def run(job: CompareJob) -> dict[str, Any]:
        def tick(done: int, total: int, _version: int) -> None:
            job.done, job.total, job.updated_at = done, total, _now()

        view = story_view(settings, slug, reference=reference, compute=None, progress=tick)
        return {"slug": slug, "reference": reference, "pending": view["pending"]}

    key = f"story:{settings.database_url}:{slug}:{reference}"
    return _submit("story", key, run)


def start_pair_job(
    settings: Settings, left: int, right: int, roles: tuple[str, ...] | None
) -> dict[str, Any]:
    """Compare two versions in the background (``compare_versions``)."""
    from workbench.services.alignment_store import refuse_self_compare
    from workbench.services.compare import DEFAULT_ROLES, compare_versions

    refuse_self_compare(left, right)

    def run(job: CompareJob) -> dict[str, Any]:
        job.total = 1
        result = compare_versions(settings, left, right, roles=roles or DEFAULT_ROLES)
        job.done = 1
        return {"alignment_id": result.alignment_id, "reused": result.reused}

    key = f"pair:{settings.database_url}:{left}:{right}:{roles}"
    return _submit("pair", key, run)


def job_status(job_id: int) -> dict[str, Any]:
    """A job's state and progress, JSON-ready."""
    job = _JOBS.get(job_id)
    if job is None:
        raise NotFoundError(f"compare job {job_id} not found (finished jobs are kept a while)")
    return asdict(job)


def segment_count(settings: Settings, *version_ids: int) -> int:
    """Segments of these versions together (decides whether the form runs in the background)."""
    from sqlalchemy import func
    from sqlmodel import Session, col, select

    from workbench.store.db import get_engine
    from workbench.store.models import Segment

    with Session(get_engine(settings.database_url)) as session:
        return int(
            session.exec(
                select(func.count()).where(col(Segment.version_id).in_(version_ids))
            ).one()
        )
