"""A process's heartbeat on the thread jobs it holds, read by every host.

Why: a thread job runs in the web process that took it (``services.jobs``).
Round 36 ended a job whose owner pid is gone, but a pid can be checked only on
its own host; several web servers on one PostgreSQL database could not tell
that another machine's server was killed, and its job waited for the 600 s
``stalled`` mark.  Each process holding queued or running thread jobs now
stamps their ``heartbeat_at`` every ``HEARTBEAT_SECONDS`` from one daemon
thread per database; a reader anywhere takes a thread job whose heartbeat is
older than ``HEARTBEAT_LOST_SECONDS`` as stopped (``job_status.stop_orphan``).
The mark is six beats wide: a busy database or a slow beat is not a death.  The
beat is separate from ``updated_at``, which keeps meaning "progress" (a hung
model still stalls).

Round 38: the beat is written and read on the database's clock (``db_now``),
not the writer's and the reader's, so hosts whose clocks disagree do not end
each other's live jobs (a shared PostgreSQL has one clock; SQLite is one
host's file).  Compare jobs (``services.compare_jobs``, migration 0011) beat
too.
"""

from __future__ import annotations

import os
import threading
import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, col

from workbench.services.owners import process_owner
from workbench.store.clock import db_now  # the clock lives in store; re-exported here
from workbench.store.db import get_engine
from workbench.store.models import TranslationJob
from workbench.store.story_models import CompareJob

HEARTBEAT_SECONDS: float = 15.0
HEARTBEAT_LOST_SECONDS: float = 90.0

_LOCK = threading.Lock()
_THREADS: dict[tuple[int, str], threading.Thread] = {}
_WANTED: dict[tuple[int, str], bool] = {}  # a job was started since the last beat


def aware(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes (stored as UTC); PostgreSQL aware ones."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def read_db_now(session: Session) -> datetime:
    """The database's clock now, aware (what a heartbeat is measured against)."""
    value = aware(session.execute(select(db_now())).scalar_one())
    assert value is not None
    return value


def beat(database_url: str) -> int:
    """Stamp every queued or running thread and compare job of this process as alive
    now, on the database's clock; how many."""
    active = ("queued", "running")
    with get_engine(database_url).begin() as conn:
        result = conn.execute(
            update(TranslationJob)
            .where(
                col(TranslationJob.owner) == process_owner(),
                col(TranslationJob.backend) == "thread",
                col(TranslationJob.status).in_(active),
            )  # fmt: skip
            .values(heartbeat_at=db_now())
        )
        compared = conn.execute(
            update(CompareJob)
            .where(col(CompareJob.owner) == process_owner(), col(CompareJob.status).in_(active))
            .values(heartbeat_at=db_now())
        )
        return int(result.rowcount or 0) + int(compared.rowcount or 0)


def _loop(key: tuple[int, str]) -> None:
    """Beat while this process holds jobs; end when a beat finds none and no job was
    started since the last beat (``ensure`` says so under the lock), so an idle
    server keeps no thread and no connection for a database it no longer uses."""
    while True:
        time.sleep(HEARTBEAT_SECONDS)
        try:
            held = beat(key[1])
        except SQLAlchemyError:  # a busy or unreachable database: the next beat tries again
            held = 1
        with _LOCK:
            if not held and not _WANTED.get(key):
                _THREADS.pop(key, None)
                return
            _WANTED[key] = False


def ensure(database_url: str) -> None:
    """Start this process's heartbeat thread for ``database_url`` unless it runs (again
    after a fork); call it once a job row of this process is stored."""
    key = (os.getpid(), database_url)
    with _LOCK:
        _WANTED[key] = True
        thread = _THREADS.get(key)
        if thread is None or not thread.is_alive():
            thread = threading.Thread(target=_loop, args=(key,), name="workbench-heartbeat",
                                      daemon=True)  # fmt: skip
            _THREADS[key] = thread
            thread.start()


def silent(heartbeat_at: datetime | None, now: datetime) -> bool:
    """Whether a heartbeat is older than the mark at ``now``, the database's clock
    (``read_db_now``); no heartbeat: never silent."""
    stamp = aware(heartbeat_at)
    if stamp is None:
        return False
    return now - stamp > timedelta(seconds=HEARTBEAT_LOST_SECONDS)
