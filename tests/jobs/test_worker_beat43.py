"""A worker's own ``--heartbeat`` decides whether it is alive (reliab43).

Why: ``workers_alive`` (queue or thread for a new job) judged every worker by the
5 s default (alive for 20 s), so ``workbench worker --heartbeat 30`` looked dead
between two beats and jobs ran in the web process beside a live worker.  Each
worker now records its beat (``adapters.queue_beats``) and counts as alive for four
of *its own* beats, the rule its stalled-block reaper already used.  Ages are set
in SQL (the database's clock), so the test waits for no real heartbeat window.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time

import pytest
from sqlalchemy import text

from tests.reliability.conftest import cli_env, workbench_exe
from workbench.adapters import queue, queue_beats
from workbench.config import Settings
from workbench.services import jobs
from workbench.store.db import get_engine

pytestmark = pytest.mark.skipif(
    not os.environ.get("WORKBENCH_TEST_POSTGRES_URL"),
    reason="the job queue needs PostgreSQL: set WORKBENCH_TEST_POSTGRES_URL (.ci/test does)",
)


def _sql(settings: Settings, statement: str) -> list[tuple]:
    with get_engine(settings.database_url).begin() as conn:
        result = conn.execute(text(statement))
        return [tuple(r) for r in result] if result.returns_rows else []


def _age_every_beat(settings: Settings, seconds: int) -> None:
    """Make every recorded beat ``seconds`` old, as if the workers had been silent that long."""
    _sql(settings, f"UPDATE procrastinate_workers SET last_heartbeat = now() - "
                   f"interval '{seconds} seconds'")  # fmt: skip
    _sql(settings, f"UPDATE {queue_beats.TABLE} SET beat_at = now() - "
                   f"interval '{seconds} seconds'")  # fmt: skip


def _start_worker(settings: Settings, heartbeat: str) -> subprocess.Popen[bytes]:
    env = {**cli_env(settings), "WORKBENCH_JOB_BACKEND": "queue"}
    worker = subprocess.Popen(
        [workbench_exe(), "worker", "--heartbeat", heartbeat],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if queue.workers_alive(settings) and _rows(settings):
            return worker
        assert worker.poll() is None, worker.communicate()[1].decode()
        time.sleep(0.2)
    worker.kill()
    raise AssertionError("the worker never recorded its beat")


def _rows(settings: Settings) -> list[tuple]:
    with get_engine(settings.database_url).connect() as conn:
        present = conn.execute(text(f"SELECT to_regclass('{queue_beats.TABLE}')")).scalar()
        if present is None:
            return []
        return [tuple(r) for r in conn.execute(text(
            f"SELECT heartbeat_seconds FROM {queue_beats.TABLE}"))]  # fmt: skip


def test_a_slow_beating_worker_is_alive_for_four_of_its_own_beats(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WORKBENCH_JOB_BACKEND", raising=False)
    worker = _start_worker(settings, "30")
    try:
        assert _rows(settings) == [(30.0,)]
        _age_every_beat(settings, 60)  # past the default 20 s, inside 4 x 30 s
        assert queue.workers_alive(settings)
        assert jobs.job_backend(settings) == "queue"  # a new job goes to the live worker
        _age_every_beat(settings, 130)  # past four of its own beats: gone
        assert not queue.workers_alive(settings)
        assert jobs.job_backend(settings) == "thread"
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.communicate(timeout=60)
    assert _rows(settings) == []  # a clean exit removes its row


def test_a_default_worker_silent_past_its_window_is_not_alive(settings: Settings) -> None:
    worker = _start_worker(settings, "5")
    try:
        _age_every_beat(settings, 15)
        assert queue.workers_alive(settings)
        _age_every_beat(settings, 25)  # 4 x 5 s: the old default still holds for it
        assert not queue.workers_alive(settings)
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.communicate(timeout=60)
