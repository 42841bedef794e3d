"""A fresh PostgreSQL database per test, on the server named by WORKBENCH_TEST_POSTGRES_URL.

Why a database per test (not a schema or a transaction rollback): the code under
test opens its own connections, commits, and runs Alembic, exactly as in
production, so the only faithful isolation is a separate database.
``CREATE DATABASE`` from ``template0`` with the FILE_COPY strategy takes a few
milliseconds on a cluster started with ``fsync=off`` (``.ci/test`` does that).

Databases are dropped at interpreter exit, unless ``WORKBENCH_TEST_POSTGRES_THROWAWAY``
is set (``.ci/test`` deletes the whole cluster, so dropping would only cost time).
"""

from __future__ import annotations

import atexit
import itertools
import os
import time
import uuid
from functools import cache

import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url

_RUN = uuid.uuid4().hex[:8]
_COUNTER = itertools.count(1)
_CREATED: list[tuple[str, str]] = []  # (admin_url, database name)


def _libpq_url(url: str) -> str:
    """psycopg wants ``postgresql://``; SQLAlchemy URLs may name a driver."""
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def fresh_postgres_database(admin_url: str, template: str = "template0") -> str:
    """Create a new database on ``admin_url``'s server, a copy of ``template``; return its URL.

    ``admin_url`` must name an existing database (usually ``postgres``) and a role
    allowed to create databases.  ``template0`` is empty; ``migrated_template`` is at head.
    """
    name = f"wbtest_{os.getpid()}_{_RUN}_{next(_COUNTER)}"
    with psycopg.connect(_libpq_url(admin_url), autocommit=True) as conn:
        # FILE_COPY (PostgreSQL 15+) skips WAL-logging every page of the template.
        strategy = " STRATEGY FILE_COPY" if conn.info.server_version >= 150000 else ""
        statement = "CREATE DATABASE {} TEMPLATE {} ENCODING 'UTF8'" + strategy
        conn.execute(sql.SQL(statement).format(sql.Identifier(name), sql.Identifier(template)))
    _CREATED.append((admin_url, name))
    return _database_url(admin_url, name)


def _database_url(admin_url: str, name: str) -> str:
    url = make_url(_libpq_url(admin_url)).set(database=name)
    return url.render_as_string(hide_password=False)


@cache
def migrated_template(admin_url: str) -> str:
    """This process's database migrated to head, the template of ``settings``' databases.

    Why: ``CREATE DATABASE … TEMPLATE`` copies it in milliseconds where Alembic took about a
    second per test.  Its engine is disposed at once: PostgreSQL copies a template only while
    nobody is connected to it, and only this process knows its name (the pid is in it).
    """
    from workbench.store.db import get_engine
    from workbench.store.migrate import upgrade

    url = fresh_postgres_database(admin_url)
    upgrade(url)
    get_engine(url).dispose()
    name = make_url(url).database or ""
    _wait_until_unused(admin_url, name)
    return name


def _wait_until_unused(admin_url: str, name: str, seconds: float = 120.0) -> None:
    """Wait until the server has ended the template's backends (a closed socket ends them
    soon, but on a loaded machine later than ``CREATE DATABASE``'s own 5 s wait)."""
    deadline = time.monotonic() + seconds
    query = "SELECT count(*) FROM pg_stat_activity WHERE datname = %s"
    with psycopg.connect(_libpq_url(admin_url), autocommit=True) as conn:
        while (row := conn.execute(query, (name,)).fetchone()) and row[0]:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{row[0]} sessions still use the template {name}")
            time.sleep(0.05)


@atexit.register
def _drop_created() -> None:
    """Drop this process's databases (best effort; leftover connections are forced off)."""
    if os.environ.get("WORKBENCH_TEST_POSTGRES_THROWAWAY") or not _CREATED:
        return
    from workbench.store.db import dispose_engines

    dispose_engines()
    admin_url = _CREATED[0][0]
    try:
        with psycopg.connect(_libpq_url(admin_url), autocommit=True) as conn:
            for _, name in _CREATED:
                conn.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
                )
    except psycopg.Error:
        pass
