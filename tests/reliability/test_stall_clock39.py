"""The job list's ``stalled`` mark is measured on the database's clock (reliab39).

Why: round 38 moved heartbeats to the database's clock (``heartbeat.db_now``) but
left the progress mark: ``updated_at`` was stamped with the writer's clock and the
600 s ``stalled`` mark (and a compare job's 10-minute mark, for rows with no
heartbeat) compared it with the reader's.  A reader whose clock ran 15 minutes
ahead, or a writer 15 minutes behind, showed a job that had just moved as stalled
(and a pre-0011 compare job as dead: taken over and computed again).  Both ends
now read the one clock: ``updated_at`` of a job is written as ``db_now()`` and the
mark is read against ``read_db_now``.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from workbench.config import Settings
from workbench.services import compare_jobs, job_status, jobs
from workbench.services.owners import process_owner
from workbench.store.db import get_engine, session_scope
from workbench.store.models import TranslationJob, utcnow
from workbench.store.story_models import CompareJob

ELSEWHERE = "web-2.example:4242:abc"
SKEW = timedelta(minutes=15)


def _skew(monkeypatch: pytest.MonkeyPatch, minutes: float) -> None:
    """This process's clock runs ``minutes`` off (``utcnow``; ``_now`` of compare jobs at START)."""
    real, shift = utcnow, timedelta(minutes=minutes)
    for module in (job_status, jobs):
        monkeypatch.setattr(module, "utcnow", lambda: real() + shift, raising=False)
    monkeypatch.setattr(compare_jobs, "_now", lambda: real() + shift, raising=False)


def _running_job(settings: Settings) -> int:
    """A running thread job of this process that has just moved (``jobs._update``)."""
    with session_scope(get_engine(settings.database_url)) as session:
        job = TranslationJob(target_lang="de", params={}, status="queued",
                             owner=process_owner(), backend="thread")  # fmt: skip
        session.add(job)
        session.flush()
        job_id = job.id
    assert job_id is not None
    jobs._update(settings, job_id, status="running", segments_done=1, segments_total=9)
    return job_id


def test_a_reader_ahead_does_not_call_a_moving_job_stalled(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    job_id = _running_job(settings)
    _skew(monkeypatch, +15)
    assert jobs.job_progress(settings, job_id)["stalled"] is False


def test_a_writer_behind_does_not_look_stalled(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    _skew(monkeypatch, -15)
    job_id = _running_job(settings)
    monkeypatch.undo()
    assert jobs.job_progress(settings, job_id)["stalled"] is False


def test_a_job_that_has_not_moved_is_still_stalled(settings: Settings) -> None:
    job_id = _running_job(settings)
    with session_scope(get_engine(settings.database_url)) as session:
        job = session.get(TranslationJob, job_id)
        assert job is not None
        job.updated_at = utcnow() - timedelta(seconds=settings.job_stall_seconds + 60)
    assert jobs.job_progress(settings, job_id)["stalled"] is True


def _old_compare_job(settings: Settings) -> int:
    """Another host's running compare job from before 0011 (no heartbeat)."""
    with session_scope(get_engine(settings.database_url)) as session:
        job = CompareJob(kind="pair", key="pair:1:2:x", active_key="pair:1:2:x", params={},
                         status="running", owner=ELSEWHERE, heartbeat_at=None)  # fmt: skip
        session.add(job)
        session.flush()
        assert job.id is not None
        return job.id


@pytest.mark.parametrize(("writer", "reader"), [(-15, 0), (0, +15)])
def test_a_compare_job_without_heartbeat_is_read_on_one_clock(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, writer: int, reader: int
) -> None:
    job_id = _old_compare_job(settings)
    _skew(monkeypatch, writer)
    assert compare_jobs._set(settings, job_id, mine=False, done=1, total=2) == 1
    monkeypatch.undo()
    _skew(monkeypatch, reader)
    listed = {j["id"]: j["stalled"] for j in compare_jobs.list_compare_jobs(settings)}
    assert listed[job_id] is False
