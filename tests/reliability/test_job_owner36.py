"""A web translation job whose process is killed is seen as stopped at once (round 36).

Why: a thread job (SQLite, or PostgreSQL without a live ``workbench worker``)
runs in the web process that took it.  When that process is killed, its row
stayed ``running`` until ``stalled`` showed after 600 s, and the page kept the
Translate button disabled and polled.  The row now records its owner (host,
pid and a per-process token, migration 0008); a reader on the same host whose
owner process is gone marks the job failed with "stopped", so the button is
free again and translating again resumes (what was stored is skipped).
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time

from sqlalchemy import func, select
from sqlmodel import Session

from tests.reliability.conftest import cli_env, corpus_text
from workbench.config import Settings
from workbench.services import jobs
from workbench.services.ingest import ingest_bytes
from workbench.store.db import get_engine, session_scope
from workbench.store.models import Segment, Translation, TranslationJob

SENTENCES = 1500

_SCRIPT = """
import sys, time
from workbench.config import Settings
from workbench.services import jobs
job_id = jobs.start_job(Settings.from_env(), "de")
print(job_id, flush=True)
time.sleep(600)
"""


def _count(settings: Settings, model: type) -> int:
    with Session(get_engine(settings.database_url)) as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _kill_mid_job(settings: Settings) -> tuple[int, int]:
    """Start a thread job in another process, SIGKILL it once some rows are stored."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _SCRIPT],
        env=cli_env(settings),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert proc.stdout is not None
    job_id = int(proc.stdout.readline())
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if _count(settings, Translation) > 0:
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.02)
    proc.wait(30)
    assert proc.returncode == -signal.SIGKILL, "the job finished before it could be killed"
    return job_id, _count(settings, Translation)


def test_a_killed_thread_job_is_stopped_at_once_and_a_new_one_resumes(
    mt_settings: Settings,
) -> None:
    data = corpus_text(SENTENCES).encode("utf-8")
    ingest_bytes(mt_settings, data, filename="long.txt", outlet="Wire", article="long")
    segments = _count(mt_settings, Segment)
    job_id, partial = _kill_mid_job(mt_settings)
    assert 0 < partial < segments

    state = jobs.job_progress(mt_settings, job_id)
    assert state["status"] == "failed", state  # at START: "running" for 600 s
    assert "stopped" in state["error"] and "translate again" in state["error"]
    assert jobs.job_progress(mt_settings, job_id)["status"] == "failed"  # stored, not guessed

    again = jobs.wait_for(mt_settings, jobs.start_job(mt_settings, "de"), timeout=300)
    assert again["status"] == "done", again
    assert again["report"]["skipped_existing"] == partial
    assert _count(mt_settings, Translation) == segments  # nothing twice, nothing lost


def _job(settings: Settings, owner: str, status: str = "running") -> int:
    with session_scope(get_engine(settings.database_url)) as session:
        job = TranslationJob(target_lang="de", params={}, status=status, owner=owner)
        session.add(job)
        session.flush()
        assert job.id is not None
        return job.id


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait(30)
    return proc.pid


def test_only_a_gone_owner_on_this_host_stops_a_job(mt_settings: Settings) -> None:
    """Another machine's job is left to the timeout; a live process's job runs on."""
    jobs.list_jobs(mt_settings)  # the tables
    host = socket.gethostname()
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        cases = {
            f"{host}:{_dead_pid()}:abc": "failed",
            f"{host}:{alive.pid}:abc": "running",
            f"another-host.example:{_dead_pid()}:abc": "running",
            "": "running",  # a queue job, or a row from before the column
        }
        ids = {owner: _job(mt_settings, owner) for owner in cases}
        queued = _job(mt_settings, f"{host}:{_dead_pid()}:abc", status="queued")
        for owner, expected in cases.items():
            assert jobs.job_progress(mt_settings, ids[owner])["status"] == expected, owner
        assert jobs.job_progress(mt_settings, queued)["status"] == "failed"
        listed = {j["id"]: j["status"] for j in jobs.list_jobs(mt_settings)}
        assert listed[ids[f"{host}:{alive.pid}:abc"]] == "running"
    finally:
        alive.kill()
        alive.wait(30)


def test_a_former_process_with_this_pid_is_gone(mt_settings: Settings) -> None:
    """A restarted server may get its old pid back (pid 1 in a container): the token differs."""
    import os

    jobs.list_jobs(mt_settings)
    job_id = _job(mt_settings, f"{socket.gethostname()}:{os.getpid()}:0ldt0ken")
    assert jobs.job_progress(mt_settings, job_id)["status"] == "failed"


def test_the_page_and_twin_free_the_button_and_say_why(mt_settings: Settings) -> None:
    from workbench.web import create_app

    jobs.list_jobs(mt_settings)
    vid = ingest_bytes(mt_settings, b"The mayor opened the bridge.\n", filename="a.txt",
                       outlet="Wire").version_id  # fmt: skip
    job_id = _job(mt_settings, f"{socket.gethostname()}:{_dead_pid()}:abc")
    app = create_app(mt_settings)
    app.config.update(TESTING=True, WTF_CSRF_ENABLED=False)
    client = app.test_client()
    twin = client.get(f"/api/jobs/{job_id}").get_json()
    assert twin["job"]["status"] == "failed" and "stopped" in twin["job"]["error"]
    page = client.get(f"/versions/{vid}?job={job_id}").get_data(as_text=True)
    assert f'data-job="{job_id}"' not in page  # no polling, the button is not disabled
    assert "translate again" in page
    german = client.get(f"/api/jobs/{job_id}", headers={"Accept-Language": "de"}).get_json()
    assert "stopped" not in german["job"]["error"]
