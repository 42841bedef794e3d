"""A process's heartbeat on the thread jobs it holds, read by every host.

Why: a thread job runs in the web process that took it (``services.jobs``).
Round 36 ended a job whose owner pid is gone, but a pid can be checked only on
its own host; several web servers on one PostgreSQL database could not tell
that another machine's server was killed, and its job waited for the 600 s
``stalled`` mark.  Each process holding queued or running thread jobs now
stamps their ``heartbeat_at`` every ``HEARTBEAT_SECONDS`` from one daemon
thread per database; a reader anywhere takes a thread job whose heartbeat is
older than ``HEARTBEAT_LOST_SECONDS`` as stopped (``job_status.stop_orphan``).
The mark is six beats wide: a busy database or a slow beat is not a death, and
hosts' clocks need to agree within it.  The beat is separate from
``updated_at``, which keeps meaning "progress" (a hung model still stalls).
"""

from __future__ import annotations

import os
import threading
import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import update
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import col

from workbench.services.owners import process_owner
from workbench.store.db import get_engine
from workbench.store.models import TranslationJob, utcnow

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


def beat(database_url: str) -> int:
    """Stamp every queued or running thread job of this process as alive now; how many."""
    with get_engine(database_url).begin() as conn:
        result = conn.execute(
            update(TranslationJob)
            .where(
                col(TranslationJob.owner) == process_owner(),
                col(TranslationJob.backend) == "thread",
                col(TranslationJob.status).in_(("queued", "running")),
            )  # fmt: skip
            .values(heartbeat_at=utcnow())
        )
        return int(result.rowcount or 0)


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


def silent(heartbeat_at: datetime | None, now: datetime | None = None) -> bool:
    """Whether a heartbeat is older than the mark (no heartbeat: never silent)."""
    stamp = aware(heartbeat_at)
    if stamp is None:
        return False
    return (now or utcnow()) - stamp > timedelta(seconds=HEARTBEAT_LOST_SECONDS)
