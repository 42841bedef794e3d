"""Processes importing into one SQLite file at once (round 33): each run succeeds, and the
memory and glossary hold every unit or term exactly once.

Why: ``tm import`` and ``glossary import`` read what exists, then insert what is missing;
two runs of one file at once both read "absent", so the later commit hit the unique
constraint and ended with "unexpected IntegrityError ... a bug", exit 1, printing the SQL
and its values.  Nothing was duplicated (the constraint held) but a user was told of a
bug for running two imports.  The store now runs the transaction again
(``store.db.retry_on_conflict``), which then counts those rows as present.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from sqlalchemy import text

from tests.reliability.conftest import cli_env, workbench_exe
from workbench.config import Settings
from workbench.store.db import get_engine

RUNS = 3
UNITS = 2000


def _tmx(path: Path) -> Path:
    units = "".join(
        f'<tu><tuv xml:lang="en"><seg>Sentence {i} about the bridge.</seg></tuv>'
        f'<tuv xml:lang="de"><seg>Satz {i} über die Brücke.</seg></tuv></tu>'
        for i in range(UNITS)
    )
    path.write_text(
        f'<?xml version="1.0"?><tmx version="1.4"><header srclang="en"/><body>{units}</body></tmx>',
        encoding="utf-8",
    )
    return path


def _csv(path: Path) -> Path:
    rows = "".join(f"term{i},Begriff{i}\n" for i in range(UNITS))
    path.write_text("source,target\n" + rows, encoding="utf-8")
    return path


def _at_once(settings: Settings, args: list[str]) -> list[subprocess.CompletedProcess]:
    procs = [
        subprocess.Popen(
            [workbench_exe(), *args],
            env=cli_env(settings),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(RUNS)
    ]
    out = []
    for proc in procs:
        stdout, stderr = proc.communicate(timeout=300)
        out.append(subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr))
    return out


def _count(settings: Settings, table: str) -> int:
    with get_engine(settings.database_url).connect() as conn:
        return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def test_tm_imports_at_once_store_each_unit_once(settings: Settings, tmp_path: Path) -> None:
    runs = _at_once(settings, ["tm", "import", str(_tmx(tmp_path / "memory.tmx"))])
    for run in runs:
        assert run.returncode == 0 and "Error" not in run.stderr, run.stderr
        assert run.stdout.startswith("Imported memory.tmx:"), run.stdout
    added = sum(int(r.stdout.split(": ", 1)[1].split(" added")[0]) for r in runs)
    assert added == UNITS and _count(settings, "tm_unit") == UNITS


def test_glossary_imports_at_once_store_each_term_once(settings: Settings, tmp_path: Path) -> None:
    path = _csv(tmp_path / "terms.csv")
    runs = _at_once(settings, ["glossary", "import", str(path), "--from", "en", "--to", "de"])
    for run in runs:
        assert run.returncode == 0 and "Error" not in run.stderr, run.stderr
    added = sum(int(r.stdout.split(": ", 1)[1].split(" added")[0]) for r in runs)
    assert added == UNITS and _count(settings, "glossary_term") == UNITS
