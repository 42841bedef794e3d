"""A queue block waiting for segments another worker holds keeps its job alive (reliabb40).

Why: after a page, a block retries the chunks another worker held, waiting for their
row locks (``bulk.claim(wait=True)``, up to ``LOCK_WAIT_SECONDS`` per chunk).  That
wait wrote nothing, so a job whose only running block waited past ``STALL_SECONDS``
was marked stalled while its worker was alive.  Now the wait is cut into slices of
``bulk.WAIT_BEAT_SECONDS`` and the block is stamped (database clock) between them; a
block nobody runs still goes stalled.  Windows are made short here; the block runs in a
thread of this process (the queue's own ``translate_block``) so they can be.
"""

from __future__ import annotations

import os
import threading
import time

import pytest
from sqlalchemy import func, select, text

from tests.jobs.test_queue import _count, _ingest
from workbench.adapters import queue
from workbench.config import Settings
from workbench.services import bulk, jobs
from workbench.services.queue_work import BLOCK_WORK
from workbench.store.db import get_engine
from workbench.store.models import Translation, TranslationBlock

pytestmark = pytest.mark.skipif(
    not os.environ.get("WORKBENCH_TEST_POSTGRES_URL"),
    reason="the job queue needs PostgreSQL: set WORKBENCH_TEST_POSTGRES_URL (.ci/test does)",
)

STALL = 2


def _block_id(settings: Settings, job_id: int) -> int:
    query = select(TranslationBlock.id).where(TranslationBlock.job_id == job_id)
    return _count(settings, query)


def test_a_block_waiting_for_held_segments_is_not_stalled(
    mt_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(queue, "BLOCK_SEGMENTS", 10_000)  # one block
    mt_settings = mt_settings.with_(job_stall_seconds=STALL)  # WORKBENCH_JOB_STALL_SECONDS
    monkeypatch.setattr(bulk, "WAIT_BEAT_SECONDS", 0.5, raising=False)
    segments = _ingest(mt_settings, 200)
    held = 20
    job_id = jobs.start_job(mt_settings, "de", backend="queue")
    block_id = _block_id(mt_settings, job_id)
    holder = get_engine(mt_settings.database_url).connect()
    holder.execute(text("SELECT id FROM segment ORDER BY id DESC LIMIT :n FOR UPDATE"), {"n": held})
    block = (mt_settings, BLOCK_WORK, block_id)
    runner = threading.Thread(target=queue.translate_block, args=block)
    runner.start()
    try:
        deadline = time.monotonic() + 240  # a safety net only
        while _count(mt_settings, select(func.count()).select_from(Translation)) < segments - held:
            assert time.monotonic() < deadline and runner.is_alive(), "block did not progress"
            time.sleep(0.1)
        waited = time.monotonic() + 3 * STALL  # the block now waits for the held rows
        while time.monotonic() < waited:
            state = jobs.job_progress(mt_settings, job_id)
            assert runner.is_alive() and state["status"] == "running", state
            assert state["stalled"] is False, state
            time.sleep(0.2)
    finally:
        holder.rollback()
        holder.close()
        runner.join(timeout=240)
    state = jobs.job_progress(mt_settings, job_id)
    assert state["status"] == "done" and state["stalled"] is False, state
    assert _count(mt_settings, select(func.count()).select_from(Translation)) == segments


def test_a_block_nobody_runs_goes_stalled_in_the_short_window(
    mt_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    mt_settings = mt_settings.with_(job_stall_seconds=STALL)  # WORKBENCH_JOB_STALL_SECONDS
    _ingest(mt_settings, 20)
    job_id = jobs.start_job(mt_settings, "de", backend="queue")
    with get_engine(mt_settings.database_url).begin() as conn:  # a worker that died mid-block
        conn.execute(text("UPDATE translationblock SET status = 'running', updated_at = now()"
                          " WHERE job_id = :j"), {"j": job_id})  # fmt: skip
        conn.execute(text("UPDATE translationjob SET status = 'running' WHERE id = :j"),
                     {"j": job_id})  # fmt: skip
    assert jobs.job_progress(mt_settings, job_id)["stalled"] is False
    time.sleep(STALL + 1)
    state = jobs.job_progress(mt_settings, job_id)
    assert state["status"] == "running" and state["stalled"] is True, state
