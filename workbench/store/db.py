"""Engines, sessions and schema management.

SQLite gets WAL and foreign keys on every connection (SQLite defaults both off);
PostgreSQL is used as is.  The schema is only ever created through Alembic so
that a database made by ``workbench init`` and one made by tests are identical.
"""

from __future__ import annotations

import errno
import os
import weakref
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar
from urllib.parse import unquote

from sqlalchemy import event, exc
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, create_engine

from workbench.errors import N_, DatabaseError, Term

T = TypeVar("T")

_ENGINES: dict[str, Engine] = {}
#: SQLite engines' files and their identity (device, inode) when the engine was made.
_FILES: weakref.WeakKeyDictionary[Engine, tuple[Path, tuple[int, int]]] = (
    weakref.WeakKeyDictionary()
)


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _private_file(path: Path) -> None:
    """Create the SQLite file (and a missing folder) readable by its owner only.

    Why: the database holds every ingested page and post-edit; created with the
    default umask it was world-readable.  SQLite gives its -wal/-shm files the
    main file's mode.  An existing file keeps the mode its owner chose.
    """
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as error:  # strerror was "File exists"
        blocker = next((p for p in path.parents if p.exists()), path.parent)
        raise NotADirectoryError(errno.ENOTDIR, f"{blocker} is a file, not a folder") from error
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        pass
    except OSError:  # read-only folder and the like: SQLite reports it on connect
        pass


def make_engine(url: str) -> Engine:
    """Create an engine for ``url``; SQLite file parents are created on demand."""
    if url.startswith("sqlite"):
        parsed = make_url(url)
        _check_sqlite_arguments(url, parsed.query)
        path = parsed.database or ""  # decoded, without "?…" (that made a file "db?mode=ro")
        file = Path(path) if path and path != ":memory:" and not path.startswith("file:") else None
        if file is not None:
            _private_file(file)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        if file is not None and file.exists():
            info = file.stat()
            _FILES[engine] = (file, (info.st_dev, info.st_ino))
        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return create_engine(url, pool_pre_ping=True)


#: URL arguments the SQLite driver reads itself; any other is SQLite's, read with uri=true.
_DRIVER_ARGUMENTS = {"timeout", "isolation_level", "detect_types", "check_same_thread",
                     "cached_statements", "uri"}  # fmt: skip


def _check_sqlite_arguments(url: str, query: Mapping[str, object]) -> None:
    """Refuse SQLite arguments that would be ignored: ``?mode=ro`` without ``uri=true``
    opened the file for writing after a warning (round 36)."""
    if str(query.get("uri", "")).lower() in ("true", "1"):
        return
    ignored = sorted(k for k in query if k not in _DRIVER_ARGUMENTS)
    if ignored:
        raise DatabaseError(
            N_("the SQLite URL %(shown)s has arguments SQLite reads only with uri=true "
               "(%(args)s): write sqlite:///file:PATH?%(example)s&uri=true"),
            shown=safe_url(url), args=", ".join(ignored),
            example="&".join(f"{k}={query[k]}" for k in ignored),
        )  # fmt: skip


def get_engine(url: str) -> Engine:
    """One engine per URL per process (engines own connection pools).

    An unusable URL (unknown scheme, missing driver, unparsable) is a ``DatabaseError``.
    """
    engine = _ENGINES.get(url)
    if engine is None:
        try:
            engine = make_engine(url)
        except (exc.ArgumentError, ImportError, ValueError, OSError) as error:
            raise as_database_error(url, error) from error
        _ENGINES[url] = engine
    return engine


def safe_url(url: str) -> str:
    """``url`` with any password hidden (for messages); a SQLite URL as typed.

    A SQLite URL holds no password, and rendering it percent-encodes its path
    ("my dbs/%C3%84rger"): it is shown decoded, the path the user typed (round 36).
    """
    if url.startswith("sqlite"):
        return unquote(url)
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # unparsable: say it as given, minus anything after a colon in userinfo
        head, at, tail = url.rpartition("@")
        return f"{head.split(':', 2)[0]}:{head.split(':', 2)[1]}:***@{tail}" if at else url


SUPPORTED_URLS = "sqlite:///PATH or postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE"


def as_database_error(url: str, error: BaseException) -> DatabaseError:
    """A clear ``DatabaseError`` for a failure to use the database at ``url``."""
    shown = safe_url(url)
    if isinstance(error, exc.NoSuchModuleError | ImportError):
        return DatabaseError(
            N_("unsupported database URL %(shown)r; use %(SUPPORTED_URLS)s"),
            shown=shown,
            SUPPORTED_URLS=SUPPORTED_URLS,
        )
    if isinstance(error, OSError):  # the SQLite file's folder cannot be created
        return DatabaseError(
            N_("cannot use the database at %(shown)s: %(strerror)s"),
            shown=shown,
            strerror=error.strerror or error,
        )
    if isinstance(error, exc.ArgumentError | ValueError):
        return DatabaseError(
            N_("cannot parse the database URL %(shown)r; use %(SUPPORTED_URLS)s"),
            shown=shown,
            SUPPORTED_URLS=SUPPORTED_URLS,
        )
    reason = str(getattr(error, "orig", None) or error).strip().splitlines()
    detail = reason[0] if reason else type(error).__name__
    if (read_only := _read_only_sqlite(url, error)) is not None:
        return read_only
    return DatabaseError(
        N_("cannot use the database at %(shown)s: %(detail)s"), shown=shown, detail=detail
    )


def _read_only_sqlite(url: str, error: BaseException) -> DatabaseError | None:
    """A SQLite file or folder that cannot be written, named as typed (round 36).

    SQLite says "attempt to write a readonly database" (SQLITE_READONLY) or, when
    it cannot make the file or its -wal and -shm files beside it, "unable to open
    database file" (SQLITE_CANTOPEN): neither names the cause.  Asked only after
    such an error, the file system tells which of the two cannot be written.
    """
    code = getattr(getattr(error, "orig", None), "sqlite_errorcode", None)
    if not url.startswith("sqlite") or code is None or code & 0xFF not in (8, 14):
        return None
    try:
        database = make_url(url).database or ""
    except exc.ArgumentError:
        return None
    if database in ("", ":memory:") or database.startswith("file:"):
        return None
    path = Path(database)
    if path.exists() and not os.access(path, os.W_OK):
        return DatabaseError(
            N_("the database file %(path)s is read-only: nothing can be saved to it "
               "(make it writable, or use another database)"),
            path=database,
        )  # fmt: skip
    folder = path.parent
    if folder.is_dir() and not os.access(folder, os.W_OK):
        return DatabaseError(
            N_("the folder %(folder)s is read-only: SQLite keeps the database %(path)s and "
               "its -wal and -shm files there (make the folder writable, or use another "
               "database)"),
            folder=os.path.abspath(folder), path=database,
        )  # fmt: skip
    return None


#: PostgreSQL SQLSTATEs (or their two-character classes) that say the server cannot
#: take the work now, not that the query is wrong: read-only (25006), permission
#: denied (42501), connection (08), insufficient resources such as a full disk (53),
#: operator intervention such as a shutdown (57P).
_UNAVAILABLE_STATES = ("25006", "42501", "08", "53", "57P")
#: SQLite result codes that say the file is unusable, not that the query is wrong:
#: SQLITE_CORRUPT (11) and SQLITE_NOTADB (26), a file that is no SQLite database at all.
_UNUSABLE_SQLITE_CODES = (11, 26)


def _postgres_cause(url: str, error: BaseException) -> DatabaseError | None:
    """What a user or an administrator can do to a PostgreSQL database, by SQLSTATE,
    and what to do about it (round 38): before, 42P01/42703/3F000 were "a bug" with
    the SQL and its values, 25006/42501 the server's bare words."""
    orig = getattr(error, "orig", None)
    state = getattr(orig, "sqlstate", None) or ""
    lines = str(orig).strip().splitlines()
    values = {"shown": safe_url(url), "detail": lines[0] if lines else state}
    if state == "25006":
        return DatabaseError(
            N_("the database at %(shown)s is read-only (%(detail)s): a standby replica, or "
               "default_transaction_read_only is on; nothing was saved; use the primary "
               "server's URL"), **values)  # fmt: skip
    if state == "42501":
        return DatabaseError(
            N_("the database user at %(shown)s lacks a permission (%(detail)s): its "
               "administrator can GRANT it, or use a user that has it"), **values)  # fmt: skip
    if state in ("42P01", "42703"):  # an undefined table or column
        return DatabaseError(
            N_("the database at %(shown)s was changed outside workbench (%(detail)s): a "
               "table or column it needs is gone, though its schema revision says it is "
               "there; restore a backup, or use another database"), **values)  # fmt: skip
    if state == "3F000":
        return DatabaseError(
            N_("the database at %(shown)s has no schema to use (%(detail)s): the "
               "search_path (the URL's options, or the user's setting) names no schema that "
               "exists; create it, or fix the search_path"), **values)  # fmt: skip
    return None


def database_error(url: str | None, error: BaseException) -> DatabaseError | None:
    """The ``DatabaseError`` for a connection-level failure, else ``None`` (a real bug)."""
    if isinstance(error, exc.DBAPIError) and (
        cause := _postgres_cause(url or "(configured URL)", error)
    ):
        return cause
    if isinstance(error, exc.OperationalError | exc.InterfaceError | exc.NoSuchModuleError):
        return as_database_error(url or "(configured URL)", error)
    state = getattr(getattr(error, "orig", None), "sqlstate", None) or ""
    if isinstance(error, exc.DBAPIError) and state.startswith(_UNAVAILABLE_STATES):
        return as_database_error(url or "(configured URL)", error)
    code = getattr(getattr(error, "orig", None), "sqlite_errorcode", None)
    if isinstance(error, exc.DBAPIError) and code in _UNUSABLE_SQLITE_CODES:
        return as_database_error(url or "(configured URL)", error)
    return None


def dispose_engines() -> None:
    """Close every pooled connection (tests, forked workers).

    A snapshot, taken out of the map first: a background thread (a job's heartbeat,
    a compare job) may open an engine meanwhile, and iterating the live map then
    failed with "dictionary changed size during iteration" (round 37)."""
    engines = list(_ENGINES.values())
    _ENGINES.clear()
    for engine in engines:
        engine.dispose()


def check_database_file(engine: Engine) -> None:
    """Refuse to commit into a SQLite file that was deleted or replaced while in use.

    Why: open connections keep writing into a deleted file's inode, so a server
    whose database was removed acknowledged edits (200/201) that were gone.
    """
    known = _FILES.get(engine)
    if known is None:
        return
    path, identity = known
    try:
        info = path.stat()
    except FileNotFoundError:
        info = None
    if info is None or (info.st_dev, info.st_ino) != identity:
        what = Term(N_("deleted") if info is None else N_("replaced"))
        raise DatabaseError(
            N_(
                "the database file %(path)s was %(what)s while in use; nothing was "
                "saved (restart workbench to use the file now there)"
            ),
            path=path,
            what=what,
        )


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A transaction: commit on success, roll back on any exception (or a vanished file)."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            check_database_file(engine)
            session.commit()
        except exc.DBAPIError as error:
            # unreachable, read-only, full, permission denied: say why, never the SQL and
            # its values (a constraint violation or a bad query stays what it is)
            session.rollback()
            if (converted := database_error(engine.url.render_as_string(), error)) is None:
                raise
            raise converted from error
        except BaseException:
            session.rollback()
            raise


def retry_on_conflict(work: Callable[[], T], attempts: int = 3) -> T:
    """Run ``work`` (one whole transaction that reads what exists, then adds what is
    missing) again when a concurrent writer stored the same unique rows first.

    Why: two ``workbench tm import`` (or ``glossary import``) runs of one file at once
    both read "absent", and the later commit hit the unique constraint: exit 1, "a bug",
    with the SQL and its values.  Run again, the work finds those rows present.
    """
    for attempt in range(attempts):
        try:
            return work()
        except exc.IntegrityError:
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")
