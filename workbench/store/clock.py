"""``db_now``: the database's own clock, as an SQL expression.

Why a module of its own in ``store``: heartbeats (``services.heartbeat``), the queue's
block and job stamps (``adapters.queue``) and the stall check all write and read one
clock, the database's (round 38), so hosts whose clocks disagree do not end each
other's live jobs.  It lived in ``services.heartbeat``; the queue adapter reached up a
layer for it (layersb40).  ``services.heartbeat`` re-exports it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import DateTime
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class db_now(FunctionElement[datetime]):  # noqa: N801 - used as an SQL function
    """The database's own clock, in SQL: every host writes and reads one clock."""

    type = DateTime(timezone=True)
    inherit_cache = True


@compiles(db_now)
def _db_now_default(element: db_now, compiler: Any, **kw: Any) -> str:
    return "CURRENT_TIMESTAMP"


@compiles(db_now, "postgresql")
def _db_now_postgresql(element: db_now, compiler: Any, **kw: Any) -> str:
    return "clock_timestamp()"  # now() is the transaction's start


@compiles(db_now, "sqlite")
def _db_now_sqlite(element: db_now, compiler: Any, **kw: Any) -> str:
    # SQLAlchemy stores SQLite datetimes as 'YYYY-MM-DD HH:MM:SS.ffffff' (UTC):
    # the same text, so the stamp compares and reads back like any other.
    return "strftime('%Y-%m-%d %H:%M:%f000', 'now')"
