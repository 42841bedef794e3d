"""``-o/--output`` never overwrites the database, nor any existing file without ``--force``.

Why: ``workbench export 1 -o <the database>`` replaced the live SQLite file
with an export, destroying every stored version.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.reliability.conftest import snapshot
from workbench.cli import main
from workbench.config import Settings
from workbench.errors import InputError
from workbench.services.files import refuse_database_path
from workbench.store.db import get_engine


def _cli(settings: Settings, *args: str) -> Result:
    env = {"WORKBENCH_DATABASE_URL": settings.database_url, "WORKBENCH_HOME": str(settings.home)}
    return CliRunner().invoke(main, list(args), env=env)


def _lines(tmp_path: Path) -> tuple[Path, Path]:
    src, tgt = tmp_path / "a.txt", tmp_path / "b.txt"
    src.write_text("The mayor spoke.\nThe bridge opened.\n", encoding="utf-8")
    tgt.write_text("The mayor spoke.\nThe bridge is open.\n", encoding="utf-8")
    return src, tgt


@pytest.mark.bad_input
def test_align_output_refuses_an_existing_file_without_force(
    settings: Settings, tmp_path: Path
) -> None:
    src, tgt = _lines(tmp_path)
    out = tmp_path / "out.txt"
    out.write_text("precious notes", encoding="utf-8")
    result = _cli(settings, "align", str(src), str(tgt), "-o", str(out))
    assert result.exit_code == 2 and "--force" in result.output
    assert out.read_text(encoding="utf-8") == "precious notes"
    assert _cli(settings, "align", str(src), str(tgt), "-o", str(out), "--force").exit_code == 0
    assert out.read_text(encoding="utf-8") != "precious notes"


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
@pytest.mark.bad_input
@pytest.mark.backends("sqlite")
def test_output_never_replaces_the_database(
    settings: Settings, tmp_path: Path, suffix: str
) -> None:
    if not settings.database_url.startswith("sqlite"):
        pytest.skip("the database is a file only on SQLite")
    database = Path(settings.database_url.split("///", 1)[1])
    src, tgt = _lines(tmp_path)
    engine = get_engine(settings.database_url)
    before = snapshot(engine)
    target = str(database) + suffix
    for extra in ([], ["--force"]):
        result = _cli(settings, "align", str(src), str(tgt), "-o", target, *extra)
        assert result.exit_code == 2 and "database" in result.output, result.output
    assert snapshot(engine) == before


@pytest.mark.bad_input
def test_database_check_resolves_relative_and_linked_names(tmp_path: Path) -> None:
    database = tmp_path / "wb.db"
    database.write_bytes(b"SQLite format 3\x00")
    alias = tmp_path / "alias.json"
    alias.symlink_to(database)
    url = f"sqlite:///{database}"
    for path in (alias, tmp_path / "sub" / ".." / "wb.db", Path(str(database) + "-wal")):
        with pytest.raises(InputError, match="database"):
            refuse_database_path(path, url)
    refuse_database_path(tmp_path / "export.json", url)  # any other name is fine
    refuse_database_path(database, "postgresql://localhost/wb")  # no file on PostgreSQL


@pytest.mark.bad_input
@pytest.mark.backends("sqlite")
def test_export_output_never_replaces_the_database(settings: Settings, tmp_path: Path) -> None:
    if not settings.database_url.startswith("sqlite"):
        pytest.skip("the database is a file only on SQLite")
    database = settings.database_url.split("///", 1)[1]
    result = _cli(settings, "export", "1", "-o", database, "--force")
    assert result.exit_code == 2 and "database" in result.output, result.output
