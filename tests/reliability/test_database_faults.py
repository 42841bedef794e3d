"""A database deleted or replaced under a running server: a clear error, nothing acknowledged.

Why: open SQLite connections keep writing into a deleted file's inode, so
uploads and post-edits were answered 200/201 and silently lost.
"""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path
from typing import Any

import psycopg
import pytest
from click.testing import CliRunner
from sqlalchemy.engine import make_url

from tests.reliability.conftest import snapshot
from tests.web.conftest import Api
from workbench.cli import main
from workbench.config import Settings
from workbench.errors import DatabaseError
from workbench.services.ingest import ingest_bytes
from workbench.store.db import dispose_engines, get_engine
from workbench.web import create_app

STORY = b"The council approved the budget for the new bridge.\n"


def _database(settings: Settings) -> Path:
    if not settings.database_url.startswith("sqlite"):
        pytest.skip("only a SQLite database is a file that can vanish")
    return Path(settings.database_url.split("///", 1)[1])


def _upload(api: Api, name: str) -> object:
    form = {"outlet": "Wire", "file": (io.BytesIO(STORY + name.encode()), name)}
    return api.post("/api/ingest", data=form, content_type="multipart/form-data")


@pytest.mark.bad_input
@pytest.mark.backends("sqlite")
def test_upload_after_the_database_was_deleted_is_refused(settings: Settings) -> None:
    database = _database(settings)
    app = create_app(settings)
    app.config["TESTING"] = True
    api = Api(app.test_client())
    assert _upload(api, "a.txt").status_code == 201  # type: ignore[attr-defined]
    for suffix in ("", "-wal", "-shm"):
        Path(str(database) + suffix).unlink(missing_ok=True)
    response = _upload(api, "b.txt")
    assert response.status_code == 503  # type: ignore[attr-defined]
    body = response.get_json()  # type: ignore[attr-defined]
    assert (
        body["ok"] is False and "deleted" in body["error"] and "nothing was saved" in body["error"]
    )


@pytest.mark.bad_input
@pytest.mark.backends("sqlite")
def test_a_replaced_database_file_is_noticed(settings: Settings, tmp_path: Path) -> None:
    database = _database(settings)
    ingest_bytes(settings, STORY, filename="a.txt", outlet="Wire")
    copy = tmp_path / "copy.db"
    shutil.copy(database, copy)
    copy.replace(database)  # a restore from backup under a running process: a new inode
    with pytest.raises(DatabaseError, match="replaced"):
        ingest_bytes(settings, STORY + b"2", filename="b.txt", outlet="Wire")


@pytest.mark.bad_input
def test_cli_reports_an_unwritable_database_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    url = f"sqlite:///{blocker}/sub/workbench.db"
    story = tmp_path / "s.txt"
    story.write_bytes(STORY)
    result = CliRunner().invoke(
        main, ["ingest", str(story), "--outlet", "W"], env={"WORKBENCH_DATABASE_URL": url}
    )
    assert result.exit_code == 8 and "Error:" in result.output and "Traceback" not in result.output


# ------------------------------------------------------------- PostgreSQL analogues
# A PostgreSQL database is no file: the same faults there are a server that stops
# answering, a database switched to read-only, and a role without the rights.


def _postgres(settings: Settings) -> tuple[str, str]:
    """(admin URL, database name) of this test's PostgreSQL database, or skip."""
    admin = os.environ.get("WORKBENCH_TEST_POSTGRES_URL", "")
    if not admin or not settings.database_url.startswith("postgresql"):
        pytest.skip("PostgreSQL faults need WORKBENCH_TEST_POSTGRES_URL (.ci/run sets it)")
    return admin.replace("postgresql+psycopg://", "postgresql://"), make_url(
        settings.database_url
    ).database or ""


def _admin(admin: str, *statements: str) -> None:
    with psycopg.connect(admin, autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)  # type: ignore[arg-type]


def _refused_and_unchanged(settings: Settings, url: str, needle: str) -> None:
    """Through the service, the CLI and the API: a clear error, and no row stored."""
    engine = get_engine(settings.database_url)
    before = snapshot(engine)
    other = settings.with_(database_url=url)
    with pytest.raises(DatabaseError, match=needle):
        ingest_bytes(other, STORY + b" 2", filename="b.txt", outlet="Wire")
    story = settings.home / "c.txt"
    story.write_bytes(STORY + b" 3")
    result = CliRunner().invoke(
        main, ["ingest", str(story), "--outlet", "W"], env={"WORKBENCH_DATABASE_URL": url}
    )
    assert result.exit_code == 8 and needle in result.output, result.output
    assert "Traceback" not in result.output and "[SQL" not in result.output
    app = create_app(other)
    app.config["TESTING"] = True
    api = Api(app.test_client())
    token = api.client.get("/api/csrf")  # a role without rights cannot even read
    response = token if token.status_code == 503 else _upload(api, "d.txt")
    assert response.status_code == 503, response.get_json()  # type: ignore[attr-defined]
    assert needle in response.get_json()["error"]  # type: ignore[attr-defined]
    assert "[SQL" not in response.get_json()["error"]  # type: ignore[attr-defined]
    dispose_engines()
    assert snapshot(engine) == before


@pytest.mark.bad_input
def test_a_read_only_database_is_a_clear_error(settings: Settings) -> None:
    ingest_bytes(settings, STORY, filename="a.txt", outlet="Wire")
    if settings.database_url.startswith("sqlite"):  # the file opened read-only
        path = settings.database_url.split("///", 1)[1]
        _refused_and_unchanged(settings, f"sqlite:///file:{path}?mode=ro&uri=true", "readonly")
        return
    admin, name = _postgres(settings)
    _admin(admin, f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
    dispose_engines()  # new connections start read-only
    try:
        _refused_and_unchanged(settings, settings.database_url, "read-only")
    finally:
        _admin(admin, f'ALTER DATABASE "{name}" RESET default_transaction_read_only')
        dispose_engines()


@pytest.mark.bad_input
@pytest.mark.backends("postgresql")
def test_postgres_permission_denied_is_a_clear_error(settings: Settings) -> None:
    admin, _ = _postgres(settings)
    ingest_bytes(settings, STORY, filename="a.txt", outlet="Wire")
    role = f"wb_noperm_{os.getpid()}"
    _admin(admin, f'DROP ROLE IF EXISTS "{role}"', f'CREATE ROLE "{role}" LOGIN')
    url = make_url(settings.database_url).set(username=role, password=None)
    try:
        _refused_and_unchanged(settings, url.render_as_string(hide_password=False), "permission")
    finally:
        dispose_engines()
        _admin(admin, f'DROP ROLE IF EXISTS "{role}"')


@pytest.mark.bad_input
@pytest.mark.backends("postgresql")
def test_postgres_going_away_under_a_running_server_acknowledges_nothing(
    settings: Settings,
) -> None:
    admin, name = _postgres(settings)
    app = create_app(settings)
    app.config["TESTING"] = True
    api = Api(app.test_client())
    assert _upload(api, "a.txt").status_code == 201  # type: ignore[attr-defined]
    engine = get_engine(settings.database_url)
    before = snapshot(engine)
    _admin(  # the server stops taking this database: open connections are cut
        admin,
        f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false',
        f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'",
    )
    try:
        response = _upload(api, "b.txt")
        assert response.status_code == 503, response.get_json()  # type: ignore[attr-defined]
        assert "cannot use the database" in response.get_json()["error"]  # type: ignore[attr-defined]
        assert api.client.get("/api/versions").status_code == 503
    finally:
        _admin(admin, f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
        dispose_engines()
    assert snapshot(engine) == before  # the refused upload is not there


@pytest.mark.bad_input
def test_an_unreachable_postgres_server_is_a_clear_error_everywhere(tmp_path: Path) -> None:
    """No server on the port at all (runs on every backend: nothing to connect to)."""
    url = "postgresql://postgres:secret@127.0.0.1:9/workbench"
    settings = Settings(home=tmp_path, database_url=url)
    with pytest.raises(DatabaseError, match="cannot use the database") as info:
        ingest_bytes(settings, STORY, filename="a.txt", outlet="Wire")
    assert "secret" not in info.value.message  # the password is never shown
    app = create_app(settings)
    app.config["TESTING"] = True
    response = Api(app.test_client()).client.get("/api/versions")
    assert response.status_code == 503 and "secret" not in response.get_json()["error"]


@pytest.mark.bad_input
@pytest.mark.backends("sqlite")
def test_a_full_database_is_a_clear_error(settings: Settings) -> None:
    """SQLite's "database or disk is full" (a page cap stands in for a full disk)."""
    from sqlalchemy import event

    ingest_bytes(settings, STORY, filename="a.txt", outlet="Wire")
    engine = get_engine(settings.database_url)
    before = snapshot(engine)
    with engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    engine.dispose()

    def cap(dbapi_connection: Any, _: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(engine, "connect", cap)
    big = (" ".join(f"Sentence {i} about the harbour works." for i in range(3000))).encode()
    try:
        with pytest.raises(DatabaseError, match="full"):
            ingest_bytes(settings, big, filename="big.txt", outlet="Wire")
    finally:
        event.remove(engine, "connect", cap)
        engine.dispose()
    assert snapshot(engine) == before
