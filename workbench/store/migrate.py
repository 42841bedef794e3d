"""Alembic driven from code, so no ``alembic.ini`` is needed at the top level."""

from __future__ import annotations

import threading
from collections.abc import Callable

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import exc, text
from sqlalchemy.engine import Connection, make_url

from workbench.errors import N_, DatabaseError
from workbench.store.db import as_database_error, database_error, get_engine, safe_url

_READY: set[str] = set()
_READY_LOCK = threading.Lock()  # Alembic's context is module-global: one upgrade at a time
#: How long a process waits for another process's schema upgrade before ``Error:`` (seconds).
UPGRADE_WAIT_SECONDS = 300.0
#: The PostgreSQL advisory lock key the upgrade holds (any fixed 64-bit number; "wbschema").
_ADVISORY_KEY = 0x7762736368656D61
_SQLITE_BUSY_MS = 30000  # ``store.db._sqlite_pragmas``' busy_timeout, put back after the wait


def alembic_config(url: str) -> Config:
    """An Alembic config pointing at the packaged migrations and ``url``."""
    cfg = Config()
    cfg.set_main_option("script_location", "workbench:migrations")
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def _run(url: str, step: Callable[[Config], None]) -> None:
    """Run one Alembic command on ``url`` in a transaction.

    Why the SQLite pragma: Alembic's batch mode changes a SQLite table by copying
    it and dropping the original; with foreign keys enforced (every workbench
    connection turns them on) dropping a parent table that holds rows fails
    ("FOREIGN KEY constraint failed") or, worse, cascades and deletes the
    children.  So migrations run with enforcement off (the pragma only works
    outside a transaction), and ``foreign_key_check`` afterwards refuses to
    commit a migration that really left a dangling reference.
    """
    cfg = alembic_config(url)
    engine = get_engine(url)
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()
        try:
            with conn.begin():
                _hold_upgrade_lock(url, conn)
                cfg.attributes["connection"] = conn
                step(cfg)
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(f"migration left dangling references: {broken[:5]}")
        finally:
            if sqlite:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()


def _hold_upgrade_lock(url: str, conn: Connection) -> None:
    """Make ``conn``'s transaction the only one changing the schema, until it ends.

    Why: every entrance upgrades on open, so two commands started at once on a
    database an older workbench made both read 0009 and both ran 0010; SQLite's
    driver commits DDL as it goes, and the second failed with "duplicate column
    name: heartbeat_at" (exit 8).  Held before Alembic reads the revision, the
    lock makes the later processes wait, then read the new revision and find
    nothing to do.  SQLite: ``BEGIN IMMEDIATE`` (the write lock, which also puts
    the DDL inside the transaction); PostgreSQL: a transaction-scoped advisory
    lock.  The wait is bounded by ``UPGRADE_WAIT_SECONDS``, then one ``Error:``.
    """
    wait_ms = max(1, int(UPGRADE_WAIT_SECONDS * 1000))
    dialect = conn.dialect.name
    try:
        if dialect == "sqlite":
            conn.exec_driver_sql(f"PRAGMA busy_timeout={wait_ms}")
            try:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            finally:
                conn.exec_driver_sql(f"PRAGMA busy_timeout={_SQLITE_BUSY_MS}")
        elif dialect == "postgresql":
            before = conn.execute(text("SELECT current_setting('lock_timeout')")).scalar_one()
            conn.execute(text("SELECT set_config('lock_timeout', :v, true)"), {"v": f"{wait_ms}ms"})
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _ADVISORY_KEY})
            conn.execute(text("SELECT set_config('lock_timeout', :v, true)"), {"v": before})
    except exc.OperationalError as error:
        if not _lock_wait_timed_out(error):
            raise
        raise DatabaseError(
            N_(
                "another workbench process has been upgrading the database at %(shown)s "
                "(or writing to it) for more than %(seconds)s seconds; try again when it "
                "has finished"
            ),
            shown=safe_url(url),
            seconds=f"{UPGRADE_WAIT_SECONDS:g}",
        ) from error


def _lock_wait_timed_out(error: exc.OperationalError) -> bool:
    """SQLite's SQLITE_BUSY ("database is locked") or PostgreSQL's lock_not_available."""
    orig = getattr(error, "orig", None)
    code = getattr(orig, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF == 5
    return getattr(orig, "sqlstate", None) == "55P03"


def upgrade(url: str, revision: str = "head") -> None:
    """Create or upgrade the schema at ``url``."""
    _run(url, lambda cfg: command.upgrade(cfg, revision))


def downgrade(url: str, revision: str) -> None:
    """Downgrade the schema at ``url`` (used by migration tests)."""
    _run(url, lambda cfg: command.downgrade(cfg, revision))


def refuse_memory_database(url: str) -> None:
    """Refuse a SQLite URL that names no file (``sqlite://``, ``sqlite:///``, ``:memory:``).

    Why: SQLite then keeps the database in memory, so ``--database-url sqlite:///$DB``
    with ``DB`` unset ingested, translated and imported, said so, and lost everything
    when the command ended.
    """
    try:
        parsed = make_url(url)
    except (exc.ArgumentError, ValueError) as error:  # a port that is no number (round 38)
        raise as_database_error(url, error) from error
    if parsed.drivername.startswith("sqlite") and parsed.database in (None, "", ":memory:"):
        raise DatabaseError(
            N_(
                "the database URL %(shown)r names no file, so SQLite would keep everything "
                "in memory and lose it when workbench exits; use sqlite:///PATH"
            ),
            shown=url,
        )


def refuse_unknown_revision(url: str) -> str | None:
    """Refuse a database whose schema revision this workbench does not know; else return it.

    Why before the upgrade: Alembic's "Can't locate revision" is no SQL error, so it
    reached the user as a bug (exit 1); the usual cause is an older workbench run on a
    database a newer one upgraded, which is the user's to fix (exit 8), not to report.
    """
    with get_engine(url).connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    if current is None:
        return None
    try:
        ScriptDirectory.from_config(alembic_config(url)).get_revision(current)
    except CommandError as error:
        raise DatabaseError(
            N_(
                "the database at %(shown)s has schema revision %(current)s, which this "
                "workbench does not know: a newer workbench made it; upgrade workbench "
                "(or use a backup made by this one)"
            ),
            shown=safe_url(url),
            current=current,
        ) from error
    return current


def _head() -> str | None:
    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def ensure_database(url: str) -> None:
    """Create/upgrade the schema at ``url`` once per process; the entrances call it first.

    Why here: the CLI (``workbench.commands.common.database_settings``), the web
    (``create_app``/``serve``) and the demo each call it once, so a wrong URL or
    an unreachable server is one ``DatabaseError`` (``Error:``, exit code 8)
    before any work, never a driver traceback in the middle of it.
    """
    with _READY_LOCK:
        if url in _READY:
            return
        refuse_memory_database(url)
        try:
            if refuse_unknown_revision(url) != _head():  # at head: no lock to wait for
                upgrade(url)
        except (exc.OperationalError, exc.InterfaceError, exc.ArgumentError) as error:
            raise as_database_error(url, error) from error
        except exc.DBAPIError as error:  # read-only, permission denied, disk full
            if (converted := database_error(url, error)) is None:
                raise
            raise converted from error
        _READY.add(url)
