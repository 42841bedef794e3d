"""A database deleted or replaced under a running server: a clear error, nothing acknowledged.

Why: open SQLite connections keep writing into a deleted file's inode, so
uploads and post-edits were answered 200/201 and silently lost.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.web.conftest import Api
from workbench.cli import main
from workbench.config import Settings
from workbench.errors import DatabaseError
from workbench.services.ingest import ingest_bytes
from workbench.web import create_app

STORY = b"The council approved the budget for the new bridge.\n"


def _database(settings: Settings) -> Path:
    if not settings.database_url.startswith("sqlite"):
        pytest.skip("only a SQLite database is a file that can vanish")
    return Path(settings.database_url.split("///", 1)[1])


def _upload(api: Api, name: str) -> object:
    form = {"outlet": "Wire", "file": (io.BytesIO(STORY + name.encode()), name)}
    return api.post("/api/ingest", data=form, content_type="multipart/form-data")


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


def test_a_replaced_database_file_is_noticed(settings: Settings, tmp_path: Path) -> None:
    database = _database(settings)
    ingest_bytes(settings, STORY, filename="a.txt", outlet="Wire")
    copy = tmp_path / "copy.db"
    shutil.copy(database, copy)
    copy.replace(database)  # a restore from backup under a running process: a new inode
    with pytest.raises(DatabaseError, match="replaced"):
        ingest_bytes(settings, STORY + b"2", filename="b.txt", outlet="Wire")


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
