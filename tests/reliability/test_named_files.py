"""Files named on the command line by every command, not only ``ingest``: regular files only,
bounded, and a looping symlink named as such (round 33).

Why: ``ingest`` has read through ``services.files.read_bounded`` since round 12, but
``align``, ``translate FILES``, ``tm import``, ``glossary import`` and ``translation
import`` still used ``Path.read_bytes``: a FIFO named by mistake hung the command until
killed, and ``/dev/zero`` (or any endless character device) was read until memory ran out.
Real subprocesses (a hang must be seen as a hang, and memory is capped so the old code
fails with a ``MemoryError`` instead of taking the machine with it).
"""

from __future__ import annotations

import os
import resource
import subprocess
from pathlib import Path

import pytest

from tests.reliability.conftest import cli_env, snapshot, workbench_exe
from workbench.config import Settings
from workbench.store.db import get_engine

pytestmark = pytest.mark.bad_input  # each case: one kind (tests/reliability/kinds.py)

GOOD = b"The mayor opened the bridge.\nThe council paid for it.\n"

#: Each command that reads a named file, ``{}`` standing for the file.
COMMANDS = {
    "align-src": ["align", "{}", "good.txt"],
    "align-translation": ["align", "good.txt", "good.txt", "--translation", "{}"],
    "translate-files": ["translate", "--to", "de", "{}", "--out", "out"],
    "tm-import": ["tm", "import", "{}"],
    "glossary-import": ["glossary", "import", "{}", "--from", "en", "--to", "de"],
    "translation-import": ["translation", "import", "{}"],
}


def _cap_memory() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))


def _run(settings: Settings, cwd: Path, command: str, target: str) -> subprocess.CompletedProcess:
    args = [a.replace("{}", target) for a in COMMANDS[command]]
    return subprocess.run(
        [workbench_exe(), *args],
        cwd=cwd,
        env=cli_env(settings),
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_cap_memory,
        check=False,
    )


def _refused(settings: Settings, tmp_path: Path, command: str, target: str, needle: str) -> None:
    (tmp_path / "good.txt").write_bytes(GOOD)
    engine = get_engine(settings.database_url)
    before = snapshot(engine)
    try:
        result = _run(settings, tmp_path, command, target)
    except subprocess.TimeoutExpired:
        pytest.fail(f"workbench {command} waited on {target} (no writer) for 60 s")
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("Error: ") and needle in result.stderr, result.stderr
    assert target in result.stderr and "Traceback" not in result.stderr
    assert snapshot(engine) == before


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_fifo_named_as_an_input_is_refused_without_waiting(
    seeded: Settings, tmp_path: Path, command: str
) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    _refused(seeded, tmp_path, command, str(fifo), "FIFO")


@pytest.mark.parametrize("command", ["align-src", "tm-import", "translation-import"])
def test_an_endless_device_is_refused_before_reading(
    seeded: Settings, tmp_path: Path, command: str
) -> None:
    _refused(seeded, tmp_path, command, "/dev/zero", "character device")


@pytest.mark.parametrize("command", ["align-src", "tm-import", "glossary-import"])
def test_a_symlink_loop_is_named_as_one(seeded: Settings, tmp_path: Path, command: str) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    _refused(seeded, tmp_path, command, str(loop), "symbolic link")


@pytest.mark.parametrize("kind", ["fifo", "folder", "device"])
def test_models_install_names_a_path_that_is_no_regular_file(
    seeded: Settings, tmp_path: Path, kind: str
) -> None:
    """A folder, FIFO or device given to ``models install`` was "no such package file"."""
    path = {"fifo": tmp_path / "m.argosmodel", "folder": tmp_path, "device": Path("/dev/zero")}
    if kind == "fifo":
        os.mkfifo(path[kind])
    env = {**cli_env(seeded)}
    result = subprocess.run(
        [workbench_exe(), "models", "install", str(path[kind])],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert "is not a regular file" in result.stderr and "no such" not in result.stderr
