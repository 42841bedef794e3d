"""A database the CLI cannot use as it is: a file that is no SQLite database, and a database
whose schema is newer than this workbench (round 33).

Why: both reached the user as "unexpected ... (a bug: please report it)", exit code 1 —
SQLite's "file is not a database" is a ``DatabaseError`` the connection-level check did not
know, and Alembic's "Can't locate revision" is no SQL error at all.  Neither is a bug: the
user named the wrong file, or ran an older workbench on a newer database.  Both are now
exit code 8 with the file named, and neither file is changed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import text

from workbench.cli import main
from workbench.store.db import dispose_engines, get_engine
from workbench.store.migrate import upgrade

pytestmark = [pytest.mark.bad_input, pytest.mark.backends("sqlite")]

COMMANDS = [["versions"], ["init"], ["tm", "stats"]]


def _cli(url: str, home: Path, args: list[str]) -> Result:
    env = {"WORKBENCH_DATABASE_URL": url, "WORKBENCH_HOME": str(home)}
    return CliRunner().invoke(main, args, env=env)


@pytest.mark.parametrize(
    "content",
    [b"PK\x03\x04 a zip, not a database" * 40, b"hello\n", bytes(range(256)) * 64],
    ids=["zip", "text", "bytes"],
)
def test_a_file_that_is_no_database_is_named(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    for args in COMMANDS:
        result = _cli(f"sqlite:///{path}", tmp_path, args)
        assert result.exit_code == 8, result.output
        assert "not a database" in result.output and str(path) in result.output, result.output
        assert "bug" not in result.output and "Traceback" not in result.output
    assert path.read_bytes() == content
    dispose_engines()


def test_a_database_of_a_newer_schema_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    url = f"sqlite:///{path}"
    upgrade(url)
    with get_engine(url).begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'f00dfeedbeef'"))
    dispose_engines()
    before = path.read_bytes()
    for args in COMMANDS:
        result = _cli(url, tmp_path, args)
        assert result.exit_code == 8, result.output
        assert "f00dfeedbeef" in result.output and "newer" in result.output, result.output
        assert "bug" not in result.output and "Traceback" not in result.output
    dispose_engines()
    assert path.read_bytes() == before


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///", "sqlite:///:memory:"])
def test_a_database_url_naming_no_file_is_refused(
    tmp_path: Path, url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--database-url sqlite:///$DB`` with ``DB`` unset: SQLite keeps the database in
    memory, so the ingest below said "created version 1" and the version was gone (and
    ``sqlite://`` made a folder ``sqlite:`` in the working directory)."""
    monkeypatch.chdir(tmp_path)
    story = tmp_path / "story.txt"
    story.write_bytes(b"The mayor opened the bridge.\n")
    result = _cli(url, tmp_path, ["ingest", str(story), "--outlet", "Wire"])
    assert result.exit_code == 8, result.output
    assert "names no file" in result.output and "created" not in result.output, result.output
    assert [p.name for p in tmp_path.iterdir()] == ["story.txt"]


@pytest.mark.parametrize("where", ["home", "url"])
def test_a_file_in_the_place_of_the_database_folder_is_named(tmp_path: Path, where: str) -> None:
    """``WORKBENCH_HOME`` (or the URL's folder) naming a file said only "File exists"."""
    blocker = tmp_path / "notes"
    blocker.write_text("not a folder\n", encoding="utf-8")
    env = {"WORKBENCH_HOME": str(blocker)}
    if where == "url":
        env = {"WORKBENCH_DATABASE_URL": f"sqlite:///{blocker}/sub/workbench.db"}
    result = CliRunner().invoke(main, ["versions"], env=env)
    assert result.exit_code == 8, result.output
    assert f"{blocker} is a file, not a folder" in result.output, result.output
    assert blocker.read_text(encoding="utf-8") == "not a folder\n"
