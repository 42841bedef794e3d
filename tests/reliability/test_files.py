"""Files are checked before they are read: regular files only, bounded, symlinks by consent.

Why: ``/etc/shadow`` was ingested through a symlink and shown on the web; a FIFO
hung ingest forever; ``/dev/zero`` grew without limit; one dangling symlink
aborted a folder ingest and the good files beside it were lost.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.reliability.conftest import snapshot
from workbench.cli import main
from workbench.config import Settings
from workbench.errors import PARTIAL_EXIT_CODE, InputError, TooLargeError
from workbench.services.files import Candidate, read_bounded
from workbench.store.db import get_engine

STORY = b"The council approved the budget for the new bridge.\n"


def _cli(settings: Settings, *args: str) -> Result:
    env = {"WORKBENCH_DATABASE_URL": settings.database_url, "WORKBENCH_HOME": str(settings.home)}
    return CliRunner().invoke(main, ["ingest", *args, "--outlet", "Wire"], env=env)


def _versions(settings: Settings) -> int:
    return len(snapshot(get_engine(settings.database_url))["version"])


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "outside" / "secret.txt"
    path.parent.mkdir()
    path.write_bytes(b"root:SECRET-HASH:19000:0:99999:7:::\n")
    return path


@pytest.mark.bad_input
def test_symlink_to_a_file_is_refused_without_consent(
    settings: Settings, tmp_path: Path, secret: Path
) -> None:
    link = tmp_path / "story.txt"
    link.symlink_to(secret)
    result = _cli(settings, str(link))
    assert result.exit_code == 2 and "symbolic link" in result.output
    assert _versions(settings) == 0
    assert _cli(settings, str(link), "--follow-symlinks").exit_code == 0  # named, and asked


@pytest.mark.bad_input
def test_folder_ingest_never_follows_links_out_of_the_folder(
    settings: Settings, tmp_path: Path, secret: Path
) -> None:
    folder = tmp_path / "captures"
    folder.mkdir()
    (folder / "good.txt").write_bytes(STORY)
    (folder / "shadow.txt").symlink_to(secret)
    (folder / "outside-dir").symlink_to(secret.parent, target_is_directory=True)
    for extra in ([], ["--follow-symlinks"]):
        result = _cli(settings, str(folder), *extra)
        assert result.exit_code == PARTIAL_EXIT_CODE, result.output
        assert "shadow.txt" in result.output and "outside-dir" in result.output
    stored = snapshot(get_engine(settings.database_url))["version"]
    assert len(stored) == 1 and not any(b"SECRET" in bytes(row) for row in map(_raw, stored))


def _raw(row: tuple) -> bytes:
    return b"".join(v for v in row if isinstance(v, bytes))


def test_links_inside_the_folder_are_followed_when_asked(
    settings: Settings, tmp_path: Path
) -> None:
    folder = tmp_path / "captures"
    (folder / "real").mkdir(parents=True)
    (folder / "real" / "a.txt").write_bytes(STORY)
    (folder / "alias.txt").symlink_to(folder / "real" / "a.txt")
    (folder / "b.txt").write_bytes(b"The mayor opened the harbour.\n")
    assert _cli(settings, str(folder)).exit_code == PARTIAL_EXIT_CODE  # alias refused
    assert _cli(settings, str(folder), "--follow-symlinks").exit_code == 0
    assert _versions(settings) == 2  # the alias is the same bytes: the same version


@pytest.mark.bad_input
def test_a_dangling_symlink_does_not_abort_the_folder(settings: Settings, tmp_path: Path) -> None:
    folder = tmp_path / "captures"
    folder.mkdir()
    (folder / "a.txt").write_bytes(STORY)
    (folder / "broken.txt").symlink_to(tmp_path / "gone.txt")
    (folder / "z.txt").write_bytes(b"The mayor opened the harbour.\n")
    result = _cli(settings, str(folder), "--follow-symlinks")
    assert result.exit_code == PARTIAL_EXIT_CODE and "broken.txt" in result.output
    assert "dangling" in result.output and "Traceback" not in result.output
    assert _versions(settings) == 2


@pytest.mark.bad_input
def test_a_fifo_is_refused_without_waiting(settings: Settings, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    outcome: list[Result] = []
    worker = threading.Thread(target=lambda: outcome.append(_cli(settings, str(fifo))))
    worker.start()
    worker.join(60)
    assert outcome, "ingest of a FIFO did not return"
    assert outcome[0].exit_code == 2 and "FIFO" in outcome[0].output


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
@pytest.mark.bad_input
def test_devices_are_refused(device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"{device} is absent on this system")
    with pytest.raises(InputError, match="character device"):
        read_bounded(Candidate(Path(device)), 1000)


@pytest.mark.bad_input
def test_size_is_checked_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: 200 MB by stat, nothing to read
    with pytest.raises(TooLargeError, match="limit"):
        read_bounded(Candidate(big), 5 * 1024 * 1024)


@pytest.mark.bad_input
def test_a_directory_named_as_a_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="directory"):
        read_bounded(Candidate(tmp_path), 1000)


@pytest.mark.bad_input
def test_unreadable_file_is_a_clear_error(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their mode")
    path = tmp_path / "locked.txt"
    path.write_bytes(STORY)
    path.chmod(0)
    with pytest.raises(InputError, match="cannot open"):
        read_bounded(Candidate(path), 1000)
