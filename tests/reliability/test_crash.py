"""Crash safety: killed bulk jobs resume exactly; failed ingests leave nothing behind.

Why subprocesses and SIGKILL: a real kill gives the process no chance to roll
back or clean up, which is what a power cut, an OOM kill or ``kill -9`` does to
a long ``workbench translate --all`` on a shared server.
"""

from __future__ import annotations

import json
import signal
import subprocess
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select
from sqlmodel import Session

from tests.conftest import _fresh_database_url
from tests.reliability.conftest import (
    cache_state,
    cli_env,
    corpus_text,
    snapshot,
    translation_state,
    workbench_exe,
)
from workbench.cli import main
from workbench.config import Settings
from workbench.services import ingest as ingest_service
from workbench.services.ingest import ingest_bytes
from workbench.services.translate import translate_versions
from workbench.store.db import get_engine
from workbench.store.migrate import upgrade
from workbench.store.models import Segment, Translation, Version

SENTENCES = 1500  # about 2 s of model work here: time enough to kill mid-run


def _count(settings: Settings, model: type) -> int:
    with Session(get_engine(settings.database_url)) as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _kill_when_rows_appear(proc: subprocess.Popen[bytes], settings: Settings) -> int:
    """SIGKILL ``proc`` as soon as some (not all) translations are committed."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if _count(settings, Translation) > 0:
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.02)
    proc.wait(30)
    return _count(settings, Translation)


def test_killed_bulk_translation_resumes_to_the_uninterrupted_state(
    mt_settings: Settings, tmp_path: Path
) -> None:
    data = corpus_text(SENTENCES).encode("utf-8")
    ingest_bytes(mt_settings, data, filename="long.txt", outlet="Wire", article="long")
    segments = _count(mt_settings, Segment)
    command = [workbench_exe(), "translate", "--to", "de", "--all", "--batch-size", "16"]
    env = cli_env(mt_settings)

    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    partial = _kill_when_rows_appear(proc, mt_settings)
    assert proc.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    assert 0 < partial < segments
    assert partial % 16 == 0, "a batch was committed only in part"

    resumed = subprocess.run(command + ["--json"], env=env, capture_output=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr.decode()
    report = json.loads(resumed.stdout)
    assert report["skipped_existing"] == partial
    assert report["translated"] + report["cached"] == segments - partial

    reference = mt_settings.with_(database_url=_fresh_database_url(tmp_path / "reference"))
    upgrade(reference.database_url)
    ingest_bytes(reference, data, filename="long.txt", outlet="Wire", article="long")
    translate_versions(reference, "de")

    engine, ref_engine = get_engine(mt_settings.database_url), get_engine(reference.database_url)
    assert _count(mt_settings, Translation) == segments
    assert translation_state(engine) == translation_state(ref_engine)
    assert cache_state(engine) == cache_state(ref_engine)


def test_ingest_failing_half_way_leaves_no_partial_version(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash after the segments were written (before commit) rolls everything back."""
    ingest_bytes(settings, b"First story. It is short.\n", filename="a.txt", outlet="Wire")
    before = snapshot(get_engine(settings.database_url))
    real_store = ingest_service._store

    def store_then_crash(session, version, *args, **kwargs):  # type: ignore[no-untyped-def]
        real_store(session, version, *args, **kwargs)
        session.flush()  # rows really went to the database inside the transaction
        assert session.scalar(select(Segment).where(Segment.version_id == version.id))
        raise RuntimeError("simulated crash half-way through the ingest")

    monkeypatch.setattr(ingest_service, "_store", store_then_crash)
    with pytest.raises(RuntimeError, match="simulated crash"):
        ingest_bytes(
            settings,
            corpus_text(50).encode("utf-8"),
            filename="b.txt",
            outlet="Other outlet",
            article="fresh-story",
        )
    assert snapshot(get_engine(settings.database_url)) == before


def test_cli_ingest_of_many_files_stores_good_files_and_nothing_of_the_bad(
    settings: Settings, tmp_path: Path
) -> None:
    good1 = tmp_path / "one.txt"
    good1.write_text("The mayor opened the new bridge.\n", encoding="utf-8")
    bad = tmp_path / "two.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    good2 = tmp_path / "three.txt"
    good2.write_text("The council approved the budget.\n", encoding="utf-8")
    env = {"WORKBENCH_DATABASE_URL": settings.database_url, "WORKBENCH_HOME": str(settings.home)}
    result = CliRunner().invoke(
        main, ["ingest", str(good1), str(bad), str(good2), "--outlet", "W"], env=env
    )
    assert result.exit_code == 12, result.output  # partial: some stored, some refused
    assert "two.txt" in result.output and "1 of 3 files failed" in result.output
    engine = get_engine(settings.database_url)
    with Session(engine) as session:
        versions = session.scalars(select(Version)).all()
        assert sorted(v.text for v in versions) == [
            "The council approved the budget.\n",
            "The mayor opened the new bridge.\n",
        ]
        for version in versions:
            count = session.scalar(
                select(func.count()).select_from(Segment).where(Segment.version_id == version.id)
            )
            assert count == 1
