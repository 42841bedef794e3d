"""Alembic driven from code, so no ``alembic.ini`` is needed at the top level."""

from __future__ import annotations

import threading
from collections.abc import Callable

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import exc
from sqlalchemy.engine import make_url

from workbench.errors import N_, DatabaseError
from workbench.store.db import as_database_error, database_error, get_engine, safe_url

_READY: set[str] = set()
_READY_LOCK = threading.Lock()  # Alembic's context is module-global: one upgrade at a time


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
    except exc.ArgumentError:
        return  # get_engine names an unparsable URL
    if parsed.drivername.startswith("sqlite") and parsed.database in (None, "", ":memory:"):
        raise DatabaseError(
            N_(
                "the database URL %(shown)r names no file, so SQLite would keep everything "
                "in memory and lose it when workbench exits; use sqlite:///PATH"
            ),
            shown=url,
        )


def refuse_unknown_revision(url: str) -> None:
    """Refuse a database whose schema revision this workbench does not know, unchanged.

    Why before the upgrade: Alembic's "Can't locate revision" is no SQL error, so it
    reached the user as a bug (exit 1); the usual cause is an older workbench run on a
    database a newer one upgraded, which is the user's to fix (exit 8), not to report.
    """
    with get_engine(url).connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    if current is None:
        return
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
            refuse_unknown_revision(url)
            upgrade(url)
        except (exc.OperationalError, exc.InterfaceError, exc.ArgumentError) as error:
            raise as_database_error(url, error) from error
        except exc.DBAPIError as error:  # read-only, permission denied, disk full
            if (converted := database_error(url, error)) is None:
                raise
            raise converted from error
        _READY.add(url)
