"""Heartbeats are written and read on the database's clock, and compare jobs beat too (round 38).

Why: round 37's heartbeat stamped ``heartbeat_at`` with the writer's clock and
a reader on another host compared it with its own: a reader whose clock runs
two minutes ahead called a live job silent and ended it.  Both ends now use
the database's clock (``heartbeat.db_now``: PostgreSQL's ``clock_timestamp()``,
SQLite's ``'now'``), so only one clock is read.  Compare jobs wrote no
heartbeat: another host's killed compare job waited for the ten-minute mark,
and a live one whose single large comparison ran past it was taken over and
computed twice.  They beat now (migration 0011) and are read as translation
jobs are.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update

from workbench.config import Settings
from workbench.services import compare_jobs, heartbeat, job_status, jobs
from workbench.services.owners import process_owner
from workbench.store.db import get_engine, session_scope
from workbench.store.models import TranslationJob, utcnow
from workbench.store.story_models import CompareJob

ELSEWHERE = "web-2.example:4242:abc"


def _skew(monkeypatch: pytest.MonkeyPatch, minutes: float) -> None:
    """This process's clock runs ``minutes`` off (every module's ``utcnow``)."""
    real = utcnow

    def skewed():  # type: ignore[no-untyped-def]
        return real() + timedelta(minutes=minutes)

    for module in (heartbeat, job_status, jobs):
        monkeypatch.setattr(module, "utcnow", skewed, raising=False)


def _beaten_elsewhere(settings: Settings) -> int:
    """A running thread job beaten just now by ``heartbeat.beat``, then handed to another host."""
    with session_scope(get_engine(settings.database_url)) as session:
        job = TranslationJob(target_lang="de", params={}, status="running",
                             owner=process_owner(), backend="thread")  # fmt: skip
        session.add(job)
        session.flush()
        job_id = job.id
    heartbeat.beat(settings.database_url)
    with session_scope(get_engine(settings.database_url)) as session:
        session.execute(update(TranslationJob).where(TranslationJob.id == job_id)
                        .values(owner=ELSEWHERE))  # fmt: skip
    assert job_id is not None
    return job_id


def test_a_reader_whose_clock_runs_ahead_keeps_a_beating_job(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    job_id = _beaten_elsewhere(settings)
    _skew(monkeypatch, +5)  # the reader's host: five minutes ahead
    assert jobs.job_progress(settings, job_id)["status"] == "running"


def test_a_writer_whose_clock_runs_behind_still_beats(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    _skew(monkeypatch, -5)  # the writer's host: five minutes behind
    job_id = _beaten_elsewhere(settings)
    monkeypatch.undo()
    assert jobs.job_progress(settings, job_id)["status"] == "running"


def _compare_job(settings: Settings, *, beat_age: float | None, moved_age: float,
                 owner: str = ELSEWHERE) -> int:  # fmt: skip
    now = utcnow()
    beat = None if beat_age is None else now - timedelta(seconds=beat_age)
    with session_scope(get_engine(settings.database_url)) as session:
        job = CompareJob(kind="pair", key=f"pair:{beat_age}:{moved_age}:{owner}",
                         active_key=f"pair:{beat_age}:{moved_age}:{owner}", params={},
                         status="running", owner=owner, heartbeat_at=beat,
                         updated_at=now - timedelta(seconds=moved_age))  # fmt: skip
        session.add(job)
        session.flush()
        assert job.id is not None
        return job.id


def test_compare_jobs_are_read_by_their_heartbeat(settings: Settings) -> None:
    lost = heartbeat.HEARTBEAT_LOST_SECONDS
    cases = {
        _compare_job(settings, beat_age=lost + 30, moved_age=lost + 30): True,  # killed elsewhere
        _compare_job(settings, beat_age=5, moved_age=20 * 60): False,  # one long comparison
        _compare_job(settings, beat_age=None, moved_age=60): False,  # before 0011: 10 minutes
        _compare_job(settings, beat_age=None, moved_age=20 * 60): True,
    }
    stalled = {j["id"]: j["stalled"] for j in compare_jobs.list_compare_jobs(settings)}
    assert stalled == cases


def test_a_beat_stamps_this_process_s_active_compare_jobs(settings: Settings) -> None:
    mine = _compare_job(settings, beat_age=500, moved_age=500, owner=process_owner())
    other = _compare_job(settings, beat_age=500, moved_age=500)
    heartbeat.beat(settings.database_url)
    with session_scope(get_engine(settings.database_url)) as session:
        now = heartbeat.read_db_now(session)
        ages = {i: (now - heartbeat.aware(session.get(CompareJob, i).heartbeat_at)).total_seconds()
                for i in (mine, other)}  # fmt: skip
    assert ages[mine] < 5 and ages[other] > 400, ages
