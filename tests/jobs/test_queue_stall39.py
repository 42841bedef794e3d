"""A queue job's ``stalled`` mark follows its blocks' progress (reliabb39).

Why: the mark (``Settings.job_stall_seconds``, 600 s) read the job row's
``updated_at``, which a queue job's blocks never move (their progress is written
to ``translation_block``): a queue job running past 10 minutes was shown stalled
while its workers translated.  Run on PostgreSQL with the real procrastinate
queue and a real ``workbench worker``; the job's enqueue is dated 11 minutes
back (the elapsed time, not a clock skew), the worker is held mid-block by row
locks as in ``test_queue.test_killed_worker_block_is_finished_by_another``.
"""

from __future__ import annotations

import os
import signal
import time

import pytest
from sqlalchemy import func, select, text

from tests.jobs.test_queue import _count, _ingest, _worker
from workbench.adapters import queue
from workbench.config import Settings
from workbench.services import jobs
from workbench.store.db import get_engine
from workbench.store.models import Translation

pytestmark = pytest.mark.skipif(
    not os.environ.get("WORKBENCH_TEST_POSTGRES_URL"),
    reason="the job queue needs PostgreSQL: set WORKBENCH_TEST_POSTGRES_URL (.ci/test does)",
)

AGO = "now() - interval '11 minutes'"


def _age(settings: Settings, job_id: int, blocks: bool) -> None:
    """Date the job (and, with ``blocks``, its blocks) 11 minutes back."""
    with get_engine(settings.database_url).begin() as conn:
        conn.execute(text(f"UPDATE translationjob SET updated_at = {AGO} WHERE id = :j"),
                     {"j": job_id})  # fmt: skip
        if blocks:
            conn.execute(text(f"UPDATE translationblock SET status = 'running',"
                              f" updated_at = {AGO} WHERE job_id = :j"), {"j": job_id})  # fmt: skip
            conn.execute(text("UPDATE translationjob SET status = 'running' WHERE id = :j"),
                         {"j": job_id})  # fmt: skip


def test_a_long_queue_job_whose_blocks_move_is_not_stalled(
    mt_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(queue, "BLOCK_SEGMENTS", 10_000)  # one block
    segments = _ingest(mt_settings, 400)
    held = 40
    job_id = jobs.start_job(mt_settings, "de", backend="queue")
    _age(mt_settings, job_id, blocks=False)
    holder = get_engine(mt_settings.database_url).connect()
    holder.execute(text("SELECT id FROM segment ORDER BY id DESC LIMIT :n FOR UPDATE"), {"n": held})
    worker = _worker(mt_settings)
    try:
        deadline = time.monotonic() + 240  # a safety net only; the state is not timed
        while _count(mt_settings, select(func.count()).select_from(Translation)) < segments - held:
            assert time.monotonic() < deadline and worker.poll() is None, "worker did not progress"
            time.sleep(0.1)
        state = jobs.job_progress(mt_settings, job_id)
        assert state["status"] == "running" and state["segments"]["done"] > 0, state
        assert state["stalled"] is False, state
        listed = [j for j in jobs.list_jobs(mt_settings) if j["id"] == job_id]
        assert listed and listed[0]["stalled"] is False
    finally:
        holder.rollback()
        holder.close()
        worker.send_signal(signal.SIGTERM)
        worker.communicate(timeout=60)


def test_a_queue_job_whose_blocks_have_not_moved_is_stalled(mt_settings: Settings) -> None:
    _ingest(mt_settings, 20)
    job_id = jobs.start_job(mt_settings, "de", backend="queue")
    _age(mt_settings, job_id, blocks=True)
    state = jobs.job_progress(mt_settings, job_id)
    assert state["status"] == "running" and state["stalled"] is True, state
