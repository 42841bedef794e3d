"""Each queue worker's own heartbeat, recorded where ``workers_alive`` reads it.

Why a table of our own: procrastinate's ``procrastinate_workers`` keeps only a
``last_heartbeat``, not how often that worker beats.  ``workers_alive`` (which
decides whether ``services.jobs`` queues a job or runs it in a thread) judged
every worker by the 5 s default (20 s window), so a worker started with
``workbench worker --heartbeat 30`` looked dead between two beats and jobs ran
in the web process beside a live worker (round 43, reliab43).  Each worker now
upserts one row (a random token, its heartbeat in seconds, the database's
``now()``) every beat and deletes it on a clean exit; a worker counts as alive
while its row is younger than four of *its own* beats, the same 4 × N rule the
worker's stalled-block reaper applies (``run_worker(stalled=4 * heartbeat)``).
"""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

TABLE = "workbench_queue_workers"
MISSED_BEATS = 4  # a worker silent this many of its own beats is gone
_TABLE_LOCK = 727_002  # pg_advisory_lock key of the table step (queue._SCHEMA_LOCK + 1)
_UPSERT = (
    f"INSERT INTO {TABLE} (token, heartbeat_seconds, beat_at) "
    "VALUES (%(token)s, %(heartbeat)s, now()) "
    "ON CONFLICT (token) DO UPDATE SET beat_at = now(), heartbeat_seconds = %(heartbeat)s"
)
#: Live workers by their own rule (the table may be missing: no worker of this version ran).
ALIVE_SQL = (
    f"SELECT count(*) FROM {TABLE} WHERE beat_at > now() - "
    f"make_interval(secs => {MISSED_BEATS} * heartbeat_seconds)"
)


def table_present(conn: Any) -> bool:
    """Whether a worker of this version ever recorded its beat in this database."""
    return bool(conn.execute("SELECT to_regclass(%s) IS NOT NULL", (TABLE,)).fetchone()[0])


def ensure_table(conn: Any) -> None:
    """Create the table once (an advisory lock: parallel first workers race on the catalog)."""
    if table_present(conn):
        return
    conn.execute("SELECT pg_advisory_lock(%s)", (_TABLE_LOCK,))
    try:
        conn.execute(
            f"CREATE TABLE IF NOT EXISTS {TABLE} (token text PRIMARY KEY, "
            "heartbeat_seconds double precision NOT NULL, "
            "beat_at timestamp with time zone NOT NULL DEFAULT now())"
        )
    finally:
        conn.execute("SELECT pg_advisory_unlock(%s)", (_TABLE_LOCK,))


def new_token() -> str:
    """A worker's row key: random, so two workers on one machine never share a row."""
    return uuid.uuid4().hex


async def beat_forever(app: Any, token: str, heartbeat: float) -> None:
    """Record this worker's beat now and every ``heartbeat`` seconds (cancelled at exit)."""
    while True:
        await app.connector.execute_query_async(query=_UPSERT, token=token, heartbeat=heartbeat)
        await asyncio.sleep(heartbeat)


async def forget(app: Any, token: str) -> None:
    """Remove this worker's row on a clean exit (a killed worker's row just ages out)."""
    await app.connector.execute_query_async(
        query=f"DELETE FROM {TABLE} WHERE token = %(token)s", token=token
    )
