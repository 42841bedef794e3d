"""Helpers for the reliability suite: whole-database snapshots.

Why whole-table dumps instead of a few counts: "bad input leaves the database
unchanged" and "a resumed job reaches the same state" are claims about every
row, so the tests compare every row (ids and timestamps aside where the claim is
about content rather than identity).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import MetaData, select, text
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

import workbench.store.models  # noqa: F401  (registers the tables)
from workbench.config import Settings
from workbench.testing.corpus import EN_DE_WORDS

TIMESTAMP_COLUMNS = frozenset({"created_at", "updated_at", "captured_at"})
UTF8_GERMAN = "Grüße aus München: die Straße über den Fluß ist gesperrt.\n".encode()
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
XSS_LINES = [
    '<script>alert("x")</script> The mayor spoke.',
    "<img src=x onerror=alert(1)> The council voted.",
    '<a href="javascript:alert(2)" onclick="alert(3)">link</a> The river rose.',
]


def _sortable(row: tuple[Any, ...]) -> tuple[str, ...]:
    return tuple(repr(value) for value in row)


def snapshot(engine: Engine, *, skip: frozenset[str] = frozenset()) -> dict[str, list[tuple]]:
    """Every row of every application table, sorted, minus the columns in ``skip``."""
    metadata: MetaData = SQLModel.metadata
    dump: dict[str, list[tuple]] = {}
    with engine.connect() as conn:
        for name, table in sorted(metadata.tables.items()):
            columns = [c for c in table.columns if c.name not in skip]
            rows = [tuple(r) for r in conn.execute(select(*columns))]
            dump[name] = sorted(rows, key=_sortable)
    return dump


def row_counts(engine: Engine) -> dict[str, int]:
    """Rows per application table (for readable assertion messages)."""
    return {name: len(rows) for name, rows in snapshot(engine).items()}


@pytest.fixture
def db_snapshot():  # type: ignore[no-untyped-def]
    """The ``snapshot`` function, as a fixture for tests that prefer injection."""
    return snapshot


@pytest.fixture
def seeded(settings: Settings) -> Settings:
    """A database that already holds one version, so "unchanged" means something."""
    from workbench.services.ingest import ingest_bytes

    ingest_bytes(settings, b"The mayor opened the bridge.\n", filename="seed.txt", outlet="Wire")
    return settings


def corpus_text(sentences: int, *, seed: int = 7, boilerplate_every: int = 10) -> str:
    """A long English article built from the EN->DE test model's words.

    Every ``boilerplate_every``-th paragraph ends with the same appeal sentence,
    so the translation cache has real repeats to serve; every other sentence is
    unique (it carries its number).
    """
    words = [w for w in EN_DE_WORDS if w.islower()]
    rng = random.Random(seed)
    paragraphs: list[str] = []
    for p in range(0, sentences, 5):
        parts = []
        for k in range(p, min(p + 5, sentences)):
            body = " ".join(rng.choice(words) for _ in range(rng.randint(6, 12)))
            parts.append(f"{body.capitalize()} number {k}.")
        if boilerplate_every and (p // 5) % boilerplate_every == 0:
            parts[-1] = "The police reported new workers for the market today."
        paragraphs.append(" ".join(parts))
    return "\n\n".join(paragraphs) + "\n"


def cli_env(settings: Settings) -> dict[str, str]:
    """Environment for a ``workbench`` subprocess on this test's database and models."""
    return {
        **os.environ,
        "WORKBENCH_HOME": str(settings.home),
        "WORKBENCH_DATABASE_URL": settings.database_url,
        "WORKBENCH_MODELS_DIR": str(settings.models_dir),
        "WORKBENCH_MT_THREADS": "1",
    }


_PEAK = """
import resource, sys
from workbench.cli import main
try:
    main(sys.argv[1:])
finally:
    sys.stderr.write("PEAK %d\\n" % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def cli_peak_mb(settings: Settings, args: list[str]) -> float:
    """Peak memory (MB) of one ``workbench ARGS`` run in its own process: the memory
    tests compare a small and a large import, so the run must start from nothing; the
    command must report something "added"."""
    run = subprocess.run([sys.executable, "-c", _PEAK, *args], env=cli_env(settings),
                         capture_output=True, text=True, timeout=600)  # fmt: skip
    assert "added" in run.stdout, (run.stdout, run.stderr[-2000:])
    peak = [line for line in run.stderr.splitlines() if line.startswith("PEAK ")]
    return int(peak[-1].split()[1]) / 1024


def workbench_exe() -> str:
    """The ``workbench`` console script of the running interpreter's environment."""
    exe = Path(sys.executable).with_name("workbench")
    assert exe.exists(), f"console script missing: {exe}"
    return str(exe)


def translation_state(engine: Engine) -> list[tuple]:
    """Translations keyed by content, not ids: (version sha, position, lang, text, ...)."""
    query = text(
        "SELECT v.sha256, s.position, t.target_lang, t.engine, t.model_id, t.model_version,"
        " t.text, t.mt_text, t.status, t.revision, t.score"
        " FROM translation t JOIN segment s ON s.id = t.segment_id"
        " JOIN version v ON v.id = s.version_id"
    )
    with engine.connect() as conn:
        rows = [tuple(r) for r in conn.execute(query)]
    rounded = [(*r[:-1], None if r[-1] is None else round(r[-1], 3)) for r in rows]
    return sorted(rounded, key=_sortable)


def cache_state(engine: Engine) -> list[tuple]:
    """Cache entries without ids and timestamps (scores rounded: batching may jitter floats)."""
    query = text(
        "SELECT cache_key, model_id, model_version, source_lang, target_lang, text_hash,"
        " translation, score FROM translationcacheentry"
    )
    with engine.connect() as conn:
        rows = [tuple(r) for r in conn.execute(query)]
    return sorted(
        ((*r[:-1], None if r[-1] is None else round(r[-1], 3)) for r in rows), key=_sortable
    )


# ------------------------------------------------- the registry of bad-input kinds


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip tests marked ``backends(...)`` on any other backend, saying why."""
    from tests.reliability.kinds import BACKENDS, current_backend

    backend = current_backend()
    for item in items:
        mark = item.get_closest_marker("backends")
        if mark is not None and backend not in mark.args:
            shown = " and ".join(a for a in BACKENDS if a in mark.args)
            item.add_marker(pytest.mark.skip(reason=f"a fault of {shown} only"))
