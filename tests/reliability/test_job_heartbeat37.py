"""A thread job on another host is seen as stopped once its heartbeat falls silent (round 37).

Why: round 36 ended a thread job whose owner process is gone, but only on the
owner's host (a pid can be checked there only).  Several web servers sharing one
PostgreSQL database each run their own thread jobs; a server killed on one host
left its job ``running`` for every other host's reader until the 600 s
``stalled`` mark.  A process holding thread jobs now writes their
``heartbeat_at`` every ``HEARTBEAT_SECONDS`` (migration 0010); a reader on any
host ends a queued or running thread job whose heartbeat is older than
``HEARTBEAT_LOST_SECONDS`` as failed, "stopped".  A row without a heartbeat (a
queue job, or a row from before 0010) keeps the old rules.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from datetime import timedelta

import pytest

from tests.reliability.conftest import cli_env
from workbench.config import Settings
from workbench.services import heartbeat, jobs
from workbench.store.db import get_engine, session_scope
from workbench.store.models import TranslationJob, utcnow

ELSEWHERE = "web-2.example:4242:abc"


def _job(settings: Settings, *, age: float | None, status: str = "running",
         backend: str = "thread", owner: str = ELSEWHERE) -> int:  # fmt: skip
    beat = None if age is None else utcnow() - timedelta(seconds=age)
    with session_scope(get_engine(settings.database_url)) as session:
        job = TranslationJob(target_lang="de", params={}, status=status, owner=owner,
                             backend=backend, heartbeat_at=beat)  # fmt: skip
        session.add(job)
        session.flush()
        assert job.id is not None
        return job.id


def test_another_hosts_silent_job_is_stopped_a_beating_one_runs_on(settings: Settings) -> None:
    lost = heartbeat.HEARTBEAT_LOST_SECONDS
    cases = {
        _job(settings, age=lost + 30): "failed",
        _job(settings, age=lost + 30, status="queued"): "failed",
        _job(settings, age=5): "running",
        _job(settings, age=None): "running",  # a row from before 0010: the 600 s mark
        _job(settings, age=lost + 30, backend="queue", owner=""): "running",  # workers' sweep
    }
    for job_id, expected in cases.items():
        state = jobs.job_progress(settings, job_id)
        assert state["status"] == expected, (job_id, state)
        if expected == "failed":
            assert "web-2.example:4242" in state["error"] and "translate again" in state["error"]
    listed = {j["id"]: j["status"] for j in jobs.list_jobs(settings)}
    assert listed == cases


def test_a_heartbeat_beats_only_this_process_s_active_thread_jobs(settings: Settings) -> None:
    from workbench.services.owners import process_owner

    mine = _job(settings, age=500, owner=process_owner())
    done = _job(settings, age=500, owner=process_owner(), status="done")
    other = _job(settings, age=5)
    heartbeat.beat(settings.database_url)
    with session_scope(get_engine(settings.database_url)) as session:
        ages = {
            i: (utcnow() - heartbeat.aware(session.get(TranslationJob, i).heartbeat_at))
            .total_seconds()
            for i in (mine, done, other)
        }  # fmt: skip
    assert ages[mine] < 5 and ages[done] > 400 and 4 < ages[other] < 30, ages


_SCRIPT = """
import socket, sys, time
socket.gethostname = lambda: "web-2.example"  # this job's server runs on another machine
from workbench.config import Settings
from workbench.services import heartbeat, jobs
heartbeat.HEARTBEAT_SECONDS = 0.2

class _Idle:  # the job waits in this server's queue (behind another job)
    def submit(self, job_id): pass

jobs._worker = lambda settings: _Idle()
print(jobs.start_job(Settings.from_env(), "de"), flush=True)
time.sleep(600)
"""


def test_a_killed_server_on_another_host_is_seen_within_the_mark(
    mt_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbench.services.ingest import ingest_bytes

    ingest_bytes(mt_settings, b"The mayor opened the bridge.\n", filename="a.txt", outlet="W")
    monkeypatch.setattr(heartbeat, "HEARTBEAT_LOST_SECONDS", 1.5)
    proc = subprocess.Popen([sys.executable, "-c", _SCRIPT], env=cli_env(mt_settings),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.strip().isdigit(), (line, proc.stderr.read() if proc.stderr else "")
        job_id = int(line)
        time.sleep(3)  # twice the mark: the live server's beats keep its job
        assert jobs.job_progress(mt_settings, job_id)["status"] == "queued"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    time.sleep(2)
    state = jobs.job_progress(mt_settings, job_id)
    assert state["status"] == "failed" and "web-2.example:" in state["error"], state


def test_the_heartbeat_thread_ends_when_the_process_holds_no_job(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An idle server keeps no thread (nor a pooled connection) beating for nothing."""
    import os

    from workbench.services.owners import process_owner

    monkeypatch.setattr(heartbeat, "HEARTBEAT_SECONDS", 0.05)
    key = (os.getpid(), settings.database_url)
    mine = _job(settings, age=500, owner=process_owner())
    heartbeat.ensure(settings.database_url)
    time.sleep(0.5)
    assert key in heartbeat._THREADS  # a job held: it beats
    with session_scope(get_engine(settings.database_url)) as session:
        job = session.get(TranslationJob, mine)
        assert job is not None
        job.status = "done"
        session.add(job)
    deadline = time.monotonic() + 10
    while key in heartbeat._THREADS and time.monotonic() < deadline:
        time.sleep(0.05)
    assert key not in heartbeat._THREADS


def test_the_page_and_twin_say_the_heartbeat_fell_silent(settings: Settings) -> None:
    """The web says why in the UI language: silent, not "ended" (which it cannot know)."""
    from workbench.web import create_app

    job_id = _job(settings, age=heartbeat.HEARTBEAT_LOST_SECONDS + 30)
    app = create_app(settings)
    app.config.update(TESTING=True, WTF_CSRF_ENABLED=False)
    client = app.test_client()
    english = client.get(f"/api/jobs/{job_id}").get_json()["job"]
    assert english["status"] == "failed" and "not been heard from" in english["error"], english
    german = client.get(f"/api/jobs/{job_id}", headers={"Accept-Language": "de"}).get_json()
    assert "Lebenszeichen" in german["job"]["error"], german
    assert "web-2.example:4242" in german["job"]["error"]
