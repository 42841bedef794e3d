"""Comparisons that outgrow a web request run in the background, with progress.

Jobs are rows (``compare_job``, migration 0007), so every web process and a
restarted one see the same jobs and their progress.  The work itself is a
compare: CPU work in the process that took the job (one worker thread per
process, jobs in order), bounded and resumable by nature — a rerun finds what
is already stored (idempotent compare) and only computes the rest.  Bulk
*translation* goes through the real job queue (procrastinate,
``services.jobs``); comparing a story takes seconds to minutes.

Jobs: ``story`` (every missing reference→version comparison of a story,
progress = comparisons done/total) and ``pair`` (one large comparison; progress
0/1 then 1/1).  The same request while one is queued or running returns that
job (``active_key`` is unique, so two processes asking at once get one job).
A job whose process died (its ``owner`` — host, pid, a per-process token — is
gone, or its heartbeat fell silent (round 38, ``services.heartbeat``), or, in a
row from before migration 0011, it has not moved for ``Settings.job_stall_seconds``
(``WORKBENCH_JOB_STALL_SECONDS``, 600 s) on the database's clock, reliab39) is taken over
by the next process that asks for it or for its status, and resumed: nothing is stored
twice.  The mark was a module constant (``STALE_AFTER``, 10 minutes) until round 42: the
one setting an operator raises for slow translation jobs now reaches these rows too.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, delete, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from workbench.config import Settings
from workbench.errors import N_, NotFoundError, WorkbenchError
from workbench.services import heartbeat
from workbench.services.owners import owner_gone, process_owner
from workbench.services.validation import checks_ids
from workbench.store.db import get_engine, session_scope
from workbench.store.models import iso_utc
from workbench.store.story_models import CompareJob

#: Segments (both sides together) above which the compare form runs in the background.
LARGE_COMPARE_SEGMENTS = 1500
_KEEP = 500  # finished jobs kept (older ones are deleted as new ones come)
ACTIVE = ("queued", "running")

Tick = Callable[[int, int], None]
_QUEUE: queue.Queue[tuple[Settings, int]] = queue.Queue()
_LOCK = threading.Lock()
_STATE: dict[str, Any] = {"worker": None, "owner": None}


def owner() -> str:
    """``host:pid:token`` of this process (``services.owners``); a fork's worker is new."""
    current = process_owner()
    with _LOCK:
        if _STATE["owner"] != current:
            _STATE.update(owner=current, worker=None)
    return current


def db_clock(settings: Settings) -> datetime:
    """The database's clock now (``heartbeat.read_db_now``): what heartbeats are read on."""
    with Session(get_engine(settings.database_url)) as session:
        return heartbeat.read_db_now(session)


def is_dead(job: CompareJob, db_now: datetime, stall_seconds: int) -> bool:
    """Whether a queued/running job's process is gone: gone on this host
    (``owners.owner_gone``), or its heartbeat silent past the mark on the
    database's clock ``db_now`` (round 38; a live owner beats through one long
    comparison), or — a row from before 0011, no heartbeat — it stopped moving
    ``stall_seconds`` ago (``Settings.job_stall_seconds``)."""
    if job.owner == owner():
        return False
    if owner_gone(job.owner):
        return True
    if job.heartbeat_at is not None:
        return heartbeat.silent(job.heartbeat_at, db_now)
    updated = heartbeat.aware(job.updated_at)
    assert updated is not None
    return db_now - updated > timedelta(seconds=stall_seconds)  # no heartbeat: on the one clock


def as_dict(job: CompareJob) -> dict[str, Any]:
    """A job, JSON-ready (the API's and the page's shape)."""
    return {
        "id": job.id, "kind": job.kind, "key": job.key, "params": job.params or {},
        "status": job.status, "done": job.done, "total": job.total, "result": job.result or {},
        "error": job.error or None, "created_at": iso_utc(job.created_at),
        "updated_at": iso_utc(job.updated_at),
    }  # fmt: skip


def _ensure_worker() -> None:
    owner()
    with _LOCK:
        worker = _STATE["worker"]
        if worker is None or not worker.is_alive():
            worker = threading.Thread(target=_work, name="compare-jobs", daemon=True)
            _STATE["worker"] = worker
            worker.start()


def _enqueue(settings: Settings, job_id: int) -> None:
    _ensure_worker()
    _QUEUE.put((settings, job_id))


def _set(settings: Settings, job_id: int, *, mine: bool = True, **values: Any) -> int:
    """Update one job row (only while this process owns it); rows changed."""
    stmt = update(CompareJob).where(col(CompareJob.id) == job_id)
    if mine:
        stmt = stmt.where(col(CompareJob.owner) == owner())
    with session_scope(get_engine(settings.database_url)) as session:
        return int(session.exec(stmt.values(updated_at=heartbeat.db_now(), **values)).rowcount)  # type: ignore[call-overload]


def _work() -> None:
    while True:
        settings, job_id = _QUEUE.get()
        try:
            _run_one(settings, job_id)
        except Exception:  # noqa: BLE001 - the database went away mid-job: the next one may work
            pass


def _run_one(settings: Settings, job_id: int) -> None:
    with Session(get_engine(settings.database_url)) as session:
        job = session.get(CompareJob, job_id)
    if job is None or not _set(settings, job_id, status="running"):
        return  # gone, or taken over by another process

    def tick(done: int, total: int) -> None:
        _set(settings, job_id, done=done, total=total)

    try:
        result = _RUNNERS[job.kind](settings, job.params, tick)
    except WorkbenchError as exc:
        _set(settings, job_id, status="failed", error=exc.message, active_key=None)
    except Exception as exc:  # noqa: BLE001 - a job never kills the worker; say what broke
        _set(settings, job_id, status="failed", active_key=None,
             error=f"unexpected error: {type(exc).__name__}: {exc}")  # fmt: skip
    else:
        _set(settings, job_id, status="done", result=result, active_key=None)


def _take_over(settings: Settings, job: CompareJob) -> bool:
    """Claim a dead job for this process (exactly one process wins) and queue it here."""
    with session_scope(get_engine(settings.database_url)) as session:
        won = session.exec(  # type: ignore[call-overload]
            update(CompareJob)
            .where(
                col(CompareJob.id) == job.id,
                col(CompareJob.owner) == job.owner,
                col(CompareJob.status).in_(ACTIVE),
                _same_beat(job),
            )  # fmt: skip
            .values(owner=owner(), status="queued", updated_at=heartbeat.db_now(),
                    heartbeat_at=heartbeat.db_now())  # fmt: skip
        ).rowcount
    if won:
        heartbeat.ensure(settings.database_url)
        _enqueue(settings, job.id)  # type: ignore[arg-type]
    return bool(won)


def _same_beat(job: CompareJob) -> ColumnElement[bool]:
    """The row's heartbeat is still the one read (a beat meanwhile keeps the job)."""
    if job.heartbeat_at is None:
        return col(CompareJob.heartbeat_at).is_(None)
    return col(CompareJob.heartbeat_at) == job.heartbeat_at


def _active(session: Session, key: str) -> CompareJob | None:
    return session.exec(select(CompareJob).where(CompareJob.active_key == key)).first()


def _submit(settings: Settings, kind: str, key: str, params: dict[str, Any]) -> dict[str, Any]:
    engine = get_engine(settings.database_url)
    for _attempt in range(3):
        with Session(engine) as session:
            job = _active(session, key)
        if job is not None:
            if is_dead(job, db_clock(settings), settings.job_stall_seconds):
                _take_over(settings, job)
            return job_status(settings, job.id)  # type: ignore[arg-type]
        try:
            with session_scope(engine) as session:
                job = CompareJob(kind=kind, key=key, active_key=key, params=params, owner=owner(),
                                 heartbeat_at=heartbeat.db_now(),
                                 updated_at=heartbeat.db_now())  # fmt: skip
                session.add(job)
                session.flush()
                session.refresh(job)
                old = col(CompareJob.id) <= job.id - _KEEP  # type: ignore[operator]
                finished = col(CompareJob.active_key).is_(None)
                session.exec(delete(CompareJob).where(finished, old))  # type: ignore[call-overload]
        except IntegrityError:  # another process created it first: return that one
            continue
        heartbeat.ensure(settings.database_url)
        _enqueue(settings, job.id)  # type: ignore[arg-type]
        return as_dict(job)
    raise WorkbenchError(N_("could not start the comparison job %(key)r; try again"), key=key)


def _run_story(settings: Settings, params: dict[str, Any], tick: Tick) -> dict[str, Any]:
    from workbench.services.stories import story_view
    from workbench.services.story_merge import current_story

    queued, reference = params["slug"], params.get("reference")
    slug = current_story(settings, queued)  # merged away while queued: the story it joined
    view = story_view(settings, slug, reference=reference, compute=None,
                      progress=lambda done, total, _vid: tick(done, total))  # fmt: skip
    result = {"slug": slug, "reference": reference, "pending": view["pending"]}
    return result if slug == queued else {**result, "merged_from": queued}


def _run_pair(settings: Settings, params: dict[str, Any], tick: Tick) -> dict[str, Any]:
    from workbench.services.compare import DEFAULT_ROLES, compare_versions

    tick(0, 1)
    roles = tuple(params.get("roles") or ()) or DEFAULT_ROLES
    result = compare_versions(settings, params["left"], params["right"], roles=roles)
    tick(1, 1)
    return {"alignment_id": result.alignment_id, "reused": result.reused}


_RUNNERS: dict[str, Callable[[Settings, dict[str, Any], Tick], dict[str, Any]]] = {
    "story": _run_story,
    "pair": _run_pair,
}


def start_story_job(settings: Settings, slug: str, reference: int | None) -> dict[str, Any]:
    """Compute every missing comparison of a story in the background."""
    from workbench.services.stories import story_view

    story_view(settings, slug, reference=reference, compute=0)  # unknown slug/reference: now
    params = {"slug": slug, "reference": reference}
    return _submit(settings, "story", f"story:{slug}:{reference}", params)


def start_pair_job(
    settings: Settings, left: int, right: int, roles: tuple[str, ...] | None
) -> dict[str, Any]:
    """Compare two versions in the background (``compare_versions``)."""
    from workbench.services.alignment_store import refuse_self_compare

    refuse_self_compare(left, right)
    shown = ",".join(sorted(roles)) if roles else "default"
    params = {"left": left, "right": right, "roles": list(roles or ())}
    return _submit(settings, "pair", f"pair:{left}:{right}:{shown}", params)


@checks_ids
def job_status(settings: Settings, job_id: int) -> dict[str, Any]:
    """A job's state and progress, JSON-ready; a dead process's job is resumed here."""
    with Session(get_engine(settings.database_url)) as session:
        job = session.get(CompareJob, job_id)
    if job is None:
        raise NotFoundError(N_("compare job %(job_id)s not found"), job_id=job_id)
    dead = job.status in ACTIVE and is_dead(job, db_clock(settings), settings.job_stall_seconds)
    if dead and _take_over(settings, job):
        with Session(get_engine(settings.database_url)) as session:
            job = session.get(CompareJob, job_id) or job
    return as_dict(job)


def list_compare_jobs(settings: Settings, limit: int = 20) -> list[dict[str, Any]]:
    """The newest compare jobs first, as ``job_status`` dicts (``workbench jobs``, ``/api/jobs``).

    A listing only reads: a queued or running job whose process died is shown
    ``stalled`` and is resumed when someone asks for it (``job_status``).
    """
    with Session(get_engine(settings.database_url)) as session:
        query = select(CompareJob).order_by(col(CompareJob.id).desc()).limit(max(limit, 0))
        rows = list(session.exec(query))
        now = heartbeat.read_db_now(session)
    stall = settings.job_stall_seconds
    return [{**as_dict(job), "stalled": job.status in ACTIVE and is_dead(job, now, stall)}
            for job in rows]  # fmt: skip


@checks_ids
def segment_count(settings: Settings, *version_ids: int) -> int:
    """Segments of these versions together (decides whether the form runs in the background)."""
    from sqlalchemy import func

    from workbench.store.models import Segment

    with Session(get_engine(settings.database_url)) as session:
        return int(
            session.exec(select(func.count()).where(col(Segment.version_id).in_(version_ids))).one()
        )
