"""A read-only SQLite file or folder: the path as typed, and that it is read-only (round 36).

Why: the error said ``cannot use the database at sqlite:////tmp/my dbs/%C3%84rger/wb.sqlite:
attempt to write a readonly database`` (a percent-encoded URL and SQLite's words) or,
for a read-only folder, ``unable to open database file``, which names no cause.
Now the file or folder is named as the user typed it and said to be read-only;
nothing is stored, exit 8.  As root a mode does not stop a write, so the tests
make the file or folder immutable (``chattr +i``) and skip where that is refused.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli import main
from workbench.store.db import dispose_engines

STORY = b"The mayor opened the new bridge on Monday.\n"


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """``path`` (file or folder) cannot be written, even by root; undone afterwards."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"chattr +i refused here: {done.stderr.decode().strip()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def _ingest(home: Path, url: str, name: str) -> tuple[int, str]:
    story = home / name
    story.write_bytes(STORY + name.encode())
    env = {"WORKBENCH_HOME": str(home), "WORKBENCH_DATABASE_URL": url}
    result = CliRunner().invoke(main, ["ingest", str(story), "--outlet", "W"], env=env)
    dispose_engines()
    return result.exit_code, result.output


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    place = tmp_path / "my dbs" / "Ärger"
    place.mkdir(parents=True)
    return place


@pytest.mark.bad_input
def test_a_read_only_file_is_named_as_typed(tmp_path: Path, folder: Path) -> None:
    url = f"sqlite:///{folder / 'wb.sqlite'}"
    assert _ingest(tmp_path, url, "a.txt")[0] == 0
    before = (folder / "wb.sqlite").read_bytes()
    with read_only(folder / "wb.sqlite"):
        code, output = _ingest(tmp_path, url, "b.txt")
    assert code == 8, output
    assert f"the database file {folder / 'wb.sqlite'} is read-only" in output, output
    assert "%C3" not in output and "Traceback" not in output
    assert (folder / "wb.sqlite").read_bytes() == before


@pytest.mark.bad_input
@pytest.mark.parametrize("existing", [False, True])
def test_a_read_only_folder_is_named(tmp_path: Path, folder: Path, existing: bool) -> None:
    url = f"sqlite:///{folder / 'wb.sqlite'}"
    if existing:  # a database copied there, without its -wal and -shm files
        assert _ingest(tmp_path, url, "a.txt")[0] == 0
        for extra in folder.glob("wb.sqlite-*"):
            extra.unlink()
    with read_only(folder):
        code, output = _ingest(tmp_path, url, "b.txt")
    assert code == 8, output
    assert f"the folder {folder} is read-only" in output, output
    assert str(folder / "wb.sqlite") in output and "%C3" not in output


@pytest.mark.bad_input
def test_a_relative_path_is_said_as_typed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert _ingest(tmp_path, "sqlite:///wb.sqlite", "a.txt")[0] == 0
    with read_only(tmp_path / "wb.sqlite"):
        code, output = _ingest(tmp_path, "sqlite:///wb.sqlite", "b.txt")
    assert code == 8 and "the database file wb.sqlite is read-only" in output, output


@pytest.mark.bad_input
def test_other_database_errors_show_the_path_unencoded(tmp_path: Path, folder: Path) -> None:
    """A file that is no database, in a folder with a non-ASCII name."""
    other = folder / "notes.sqlite"
    other.write_text("these are notes, not a database\n" * 200, encoding="utf-8")
    code, output = _ingest(tmp_path, f"sqlite:///{other}", "a.txt")
    assert code == 8 and str(other) in output and "%C3" not in output, output


@pytest.mark.bad_input
def test_sqlite_url_arguments_without_uri_are_refused_and_make_no_file(tmp_path: Path) -> None:
    """``sqlite:///…/wb.sqlite?mode=ro`` created an empty file named ``wb.sqlite?mode=ro``,
    printed SQLAlchemy's warning that it ignores ``mode``, and wrote into wb.sqlite:
    the user asked for read-only.  SQLite reads URL arguments only with ``uri=true``."""
    db = tmp_path / "wb.sqlite"
    assert _ingest(tmp_path, f"sqlite:///{db}", "a.txt")[0] == 0
    before = db.read_bytes()
    code, output = _ingest(tmp_path, f"sqlite:///{db}?mode=ro", "b.txt")
    assert code == 8, output
    assert "mode=ro" in output and "uri=true" in output and "Warning" not in output, output
    assert not [p.name for p in tmp_path.iterdir() if "?" in p.name]
    assert db.read_bytes() == before
