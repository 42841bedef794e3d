"""``translate``, ``jobs``, ``serve`` on a database that cannot be used: one line, exit 8 (35b).

Why: ``ingest`` and the API were pinned against an unreachable PostgreSQL server,
a read-only database and a role without rights (``test_database_faults.py``);
the other entrances that open the store first were walked by hand in round 35's
second half and answered alike: ``Error: cannot use the database at …`` with the
password masked, exit 8 (docs/operations.md's table), no traceback, and ``serve``
stops before it listens.  These pin that, for a PostgreSQL port where nothing
listens and a SQLite "database" that is another file.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

UNREACHABLE = "postgresql://wb:secret@127.0.0.1:9/wb"


def _run(tmp_path: Path, url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WORKBENCH_HOME": str(tmp_path), "WORKBENCH_DATABASE_URL": url}
    command = [str(Path(sys.executable).with_name("workbench")), *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


@pytest.mark.bad_input
@pytest.mark.parametrize("args", [["translate", "--all", "--to", "de"], ["jobs"],
                                  ["serve", "--port", "0"]])  # fmt: skip
@pytest.mark.parametrize("kind", ["unreachable", "not a database"])
def test_one_error_line_and_exit_8(tmp_path: Path, args: list[str], kind: str) -> None:
    url = UNREACHABLE
    if kind == "not a database":
        other = tmp_path / "notes.txt"
        other.write_text("these are notes, not a database\n" * 200, encoding="utf-8")
        url = f"sqlite:///{other}"
    result = _run(tmp_path, url, *args)
    assert result.returncode == 8, (result.stdout, result.stderr)
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 1 and errors[0].startswith("Error: cannot use the database"), errors
    assert "secret" not in result.stderr and "Traceback" not in result.stderr
    assert "Serving" not in result.stdout
