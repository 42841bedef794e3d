"""Bulk translation through procrastinate on PostgreSQL: blocks, workers, crashes.

Runs in the PostgreSQL pass of the suite (``WORKBENCH_TEST_POSTGRES_URL``);
workers are real ``workbench worker`` processes.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time

import pytest
from sqlalchemy import func, select, text

from tests.reliability.conftest import cli_env, corpus_text, workbench_exe
from workbench.adapters import queue
from workbench.config import Settings
from workbench.services import jobs
from workbench.services.ingest import ingest_bytes
from workbench.store.db import get_engine
from workbench.store.models import Segment, Translation, TranslationBlock

pytestmark = pytest.mark.skipif(
    not os.environ.get("WORKBENCH_TEST_POSTGRES_URL"),
    reason="the job queue needs PostgreSQL: set WORKBENCH_TEST_POSTGRES_URL (.ci/test does)",
)


def _count(settings: Settings, query) -> int:  # type: ignore[no-untyped-def]
    with get_engine(settings.database_url).connect() as conn:
        return int(conn.execute(query).scalar() or 0)


def _worker(settings: Settings, *args: str) -> subprocess.Popen[bytes]:
    env = {**cli_env(settings), "WORKBENCH_JOB_BACKEND": "queue"}
    return subprocess.Popen(
        [workbench_exe(), "worker", "--heartbeat", "0.5", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _ingest(settings: Settings, sentences: int) -> int:
    data = corpus_text(sentences).encode("utf-8")
    ingest_bytes(settings, data, filename="long.txt", outlet="Wire", article="long")
    return _count(settings, select(func.count()).select_from(Segment))


def test_queue_job_two_workers_translate_every_segment_once(
    mt_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(queue, "BLOCK_SEGMENTS", 60)
    segments = _ingest(mt_settings, 300)
    job_id = jobs.start_job(mt_settings, "de", backend="queue")
    state = jobs.job_progress(mt_settings, job_id)
    assert state["backend"] == "queue" and state["blocks"]["total"] == -(-segments // 60)
    assert state["blocks"]["queued"] == state["blocks"]["total"]
    again = jobs.start_job(mt_settings, "de", backend="queue")  # same blocks still queued
    assert jobs.job_progress(mt_settings, again)["blocks"]["total"] == 0
    workers = [_worker(mt_settings, "--burst") for _ in range(2)]
    for w in workers:
        _, err = w.communicate(timeout=300)
        assert w.returncode == 0, err.decode()
    state = jobs.job_progress(mt_settings, job_id)
    assert state["status"] == "done", state
    assert state["segments"] == {"done": segments, "total": segments}
    assert state["report"]["translated"] + state["report"]["cached"] == segments
    assert _count(mt_settings, select(func.count()).select_from(Translation)) == segments
    dupes = text(
        "SELECT count(*) FROM (SELECT segment_id FROM translation"
        " GROUP BY segment_id, target_lang HAVING count(*) > 1) d"
    )
    assert _count(mt_settings, dupes) == 0


def test_killed_worker_block_is_finished_by_another(
    mt_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SIGKILL a worker that is provably mid-block, whatever the machine's speed.

    Why a held row lock instead of racing the worker: the test holds the last
    ``HELD`` segments locked, so the victim translates and commits the rest and
    then waits for them (``bulk.claim``); it is killed in that state, which
    does not depend on timing.
    """
    monkeypatch.setattr(queue, "BLOCK_SEGMENTS", 10_000)  # one block
    segments = _ingest(mt_settings, 400)
    held = 40
    job_id = jobs.start_job(mt_settings, "de", backend="queue")
    holder = get_engine(mt_settings.database_url).connect()
    holder.execute(text("SELECT id FROM segment ORDER BY id DESC LIMIT :n FOR UPDATE"), {"n": held})
    victim = _worker(mt_settings)
    try:
        deadline = time.monotonic() + 240  # a safety net only; the state itself is not timed
        while _count(mt_settings, select(func.count()).select_from(Translation)) < segments - held:
            assert time.monotonic() < deadline and victim.poll() is None, "worker did not progress"
            time.sleep(0.1)
        assert victim.poll() is None  # waiting for the held rows: mid-block
        victim.send_signal(signal.SIGKILL)
        victim.wait()
    finally:
        holder.rollback()
        holder.close()
    assert _count(mt_settings, select(func.count()).select_from(Translation)) == segments - held
    rescuer = _worker(mt_settings)
    try:
        state = jobs.wait_for(mt_settings, job_id, timeout=240)
    finally:
        rescuer.send_signal(signal.SIGTERM)
        rescuer.communicate(timeout=60)
    assert state["status"] == "done", state
    assert _count(mt_settings, select(func.count()).select_from(Translation)) == segments
    dupes = text(
        "SELECT count(*) FROM (SELECT segment_id FROM translation"
        " GROUP BY segment_id, target_lang HAVING count(*) > 1) d"
    )
    assert _count(mt_settings, dupes) == 0
    # the killed attempt, then a retry (a heartbeat late under load may add one more)
    assert _count(mt_settings, select(func.max(TranslationBlock.attempts))) >= 2
    assert state["report"]["skipped_locked"] == 0
    out = subprocess.run(
        [workbench_exe(), "jobs", str(job_id), "--json"],
        env=cli_env(mt_settings),
        capture_output=True,
        check=True,
    )
    assert json.loads(out.stdout)["blocks"]["done"] == 1
