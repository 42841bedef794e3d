"""Processes of a new workbench started at once on a database an older one made (round 37).

Why: every entrance upgrades the schema on open (``store.migrate.ensure_database``).
On a database at 0009, two commands started together (``glossary import`` and
``tm import``) both ran the 0010 upgrade; SQLite's driver commits DDL as it goes,
so the second one failed with "Error: cannot use the database at …: duplicate
column name: heartbeat_at" (exit 8) — nothing lost, but a user who upgraded and
ran two commands was told of a database error.  The upgrade is now serialised
across processes (SQLite: a write transaction held for the whole upgrade;
PostgreSQL: an advisory transaction lock), the later ones re-read the revision
and find nothing to do; a wait past the bound is one clear ``Error:``.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from alembic.runtime.migration import MigrationContext
from sqlalchemy import event, inspect, make_url, text
from sqlalchemy.engine import Engine

from tests.reliability.conftest import cli_env, workbench_exe
from workbench.config import Settings
from workbench.errors import DatabaseError
from workbench.store import migrate
from workbench.store.db import dispose_engines, get_engine
from workbench.store.migrate import downgrade, ensure_database

HEAD = "0012"


def _revision(url: str) -> str | None:
    with get_engine(url).connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _commands(tmp_path: Path) -> list[list[str]]:
    tmx = tmp_path / "memory.tmx"
    tmx.write_text(
        '<?xml version="1.0"?><tmx version="1.4"><header srclang="en"/><body>'
        '<tu><tuv xml:lang="en"><seg>The bridge.</seg></tuv>'
        '<tuv xml:lang="de"><seg>Die Brücke.</seg></tuv></tu></body></tmx>',
        encoding="utf-8",
    )
    terms = tmp_path / "terms.csv"
    terms.write_text("source,target\nbridge,Brücke\n", encoding="utf-8")
    glossary = ["glossary", "import", str(terms), "--from", "en", "--to", "de"]
    return [glossary, ["tm", "import", str(tmx)], glossary]


def _at_once(settings: Settings, commands: list[list[str]]) -> list[subprocess.CompletedProcess]:
    procs = [
        subprocess.Popen(
            [workbench_exe(), *args],
            env=cli_env(settings),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for args in commands
    ]
    out = []
    for proc in procs:
        stdout, stderr = proc.communicate(timeout=300)
        out.append(subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr))
    return out


@pytest.mark.parametrize("older", ["0009", "0008"])
def test_commands_at_once_on_an_older_database_each_succeed(
    settings: Settings, tmp_path: Path, older: str
) -> None:
    url = settings.database_url
    downgrade(url, older)
    assert _revision(url) == older
    dispose_engines()  # the subprocesses alone touch the file until they end
    runs = _at_once(settings, _commands(tmp_path))
    for run in runs:
        assert run.returncode == 0 and "Error" not in run.stderr, (run.args, run.stderr)
    assert _revision(url) == HEAD
    columns = {c["name"] for c in inspect(get_engine(url)).get_columns("translationjob")}
    assert "heartbeat_at" in columns


#: A child that reads the revision, then waits a second before migrating: the window in
#: which the lead's two commands both read 0009, made wide enough to hit every time.
SLOW_READER = """
import sys, time
from alembic.runtime.migration import MigrationContext
from workbench.store.migrate import ensure_database
read = MigrationContext.get_current_heads
def slow(self):
    heads = read(self)
    time.sleep(1.0)
    return heads
MigrationContext.get_current_heads = slow
time.sleep(max(0.0, float(sys.argv[2]) - time.time()))
ensure_database(sys.argv[1])
"""


@pytest.mark.parametrize("runs", [2, 3])
def test_upgrades_that_read_the_old_revision_together_run_once(
    settings: Settings, runs: int
) -> None:
    """Every process reads 0009 within the same second: one upgrades, the rest wait."""
    url = settings.database_url
    downgrade(url, "0009")
    dispose_engines()
    start = str(time.time() + 2.0)  # after every interpreter has imported workbench
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", SLOW_READER, url, start],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(runs)
    ]
    for proc in procs:
        _, stderr = proc.communicate(timeout=120)
        assert proc.returncode == 0, stderr[-600:]
    assert _revision(url) == HEAD


#: how ``migrate._hold_upgrade_lock`` asks each backend for the upgrade lock
_LOCK_REQUESTS = ("BEGIN IMMEDIATE", "SELECT pg_advisory_xact_lock(%(key)s)")


@contextmanager
def _statements() -> Iterator[list[tuple[str, object]]]:
    """Every SQL statement (and its parameters) any engine sends while the block runs."""
    sent: list[tuple[str, object]] = []

    def seen(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        sent.append((statement, parameters))

    event.listen(Engine, "before_cursor_execute", seen)
    try:
        yield sent
    finally:
        event.remove(Engine, "before_cursor_execute", seen)


@contextmanager
def _upgrade_lock_held(url: str) -> Iterator[None]:
    """Another process's hold on the upgrade: SQLite's write lock, or PostgreSQL's advisory lock."""
    if url.startswith("sqlite"):
        holder = sqlite3.connect(make_url(url).database, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        return
    with get_engine(url).connect() as holder:
        holder.execute(text("SELECT pg_advisory_lock(:k)"), {"k": migrate._ADVISORY_KEY})
        holder.commit()
        try:
            yield
        finally:
            holder.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": migrate._ADVISORY_KEY})
            holder.commit()


def test_a_wait_past_the_bound_is_one_clear_error(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process holds the upgrade past the bound: ``Error:``, the schema unchanged."""
    url = settings.database_url
    downgrade(url, "0009")
    monkeypatch.setattr(migrate, "_READY", set())
    monkeypatch.setattr(migrate, "UPGRADE_WAIT_SECONDS", 0.5)
    with _statements() as sent, _upgrade_lock_held(url), pytest.raises(DatabaseError) as caught:
        ensure_database(url)
    # The lock was asked for under the 0.5 s bound, not SQLite's 30 s busy timeout or no
    # PostgreSQL lock timeout at all (round 42: read from the statements, not a clock).
    ask = next(k for k, (sql, _) in enumerate(sent) if sql in _LOCK_REQUESTS)
    bound_sql, bound_params = sent[ask - 1]
    assert "busy_timeout=500" in bound_sql or "500ms" in repr(bound_params), sent[: ask + 1]
    message = str(caught.value)
    assert "another workbench process" in message and "0.5 seconds" in message, message
    assert _revision(url) == "0009"
    ensure_database(url)  # the holder gone, the same call upgrades
    assert _revision(url) == HEAD
