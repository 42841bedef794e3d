"""A compare job with no heartbeat is taken as dead after ``Settings.job_stall_seconds``
(round 42, reliab42).

Why: reliab41 made the translation jobs' 600 s mark a setting (``WORKBENCH_JOB_STALL_SECONDS``)
but ``services.compare_jobs`` kept its own 10-minute constant (``STALE_AFTER``) for rows from
before migration 0011: an operator who raised the mark for slow workers still saw such a
comparison listed ``stalled`` and taken over at 10 minutes.  Both now read the one setting.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tests.reliability.test_stall_clock39 import ELSEWHERE, _old_compare_job
from tests.reliability.test_stall_setting41 import idle_since
from workbench.cli import main
from workbench.config import Settings
from workbench.services import compare_jobs
from workbench.store.db import get_engine, session_scope
from workbench.store.story_models import CompareJob


def _idle_compare_job(settings: Settings, seconds: int) -> int:
    """Another host's pre-0011 running compare job that last moved ``seconds`` ago."""
    return idle_since(settings, CompareJob, _old_compare_job(settings), seconds)


def _stalled(settings: Settings, job_id: int) -> bool:
    return {j["id"]: j["stalled"] for j in compare_jobs.list_compare_jobs(settings)}[job_id]


def test_the_setting_decides_the_listing(settings: Settings) -> None:
    job_id = _idle_compare_job(settings, 120)
    assert _stalled(settings, job_id) is False  # 120 s < the default 600 s
    assert _stalled(settings.with_(job_stall_seconds=60), job_id) is True
    assert _stalled(settings.with_(job_stall_seconds=3600), job_id) is False


def test_a_raised_setting_keeps_a_job_idle_past_ten_minutes(settings: Settings) -> None:
    job_id = _idle_compare_job(settings, 11 * 60)
    assert _stalled(settings, job_id) is True  # the default is still 600 s
    assert _stalled(settings.with_(job_stall_seconds=3600), job_id) is False


def test_the_take_over_reads_the_setting(settings: Settings,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    queued: list[int] = []
    monkeypatch.setattr(compare_jobs, "_enqueue", lambda _settings, job_id: queued.append(job_id))
    job_id = _idle_compare_job(settings, 120)
    kept = compare_jobs.job_status(settings, job_id)
    assert kept["status"] == "running" and queued == []
    with session_scope(get_engine(settings.database_url)) as session:
        assert session.get(CompareJob, job_id).owner == ELSEWHERE  # type: ignore[union-attr]
    taken = compare_jobs.job_status(settings.with_(job_stall_seconds=60), job_id)
    assert taken["status"] == "queued" and queued == [job_id]


def test_the_command_reads_the_variable(monkeypatch: pytest.MonkeyPatch,
                                        settings: Settings) -> None:
    job_id = _idle_compare_job(settings, 120)
    args = ["--database-url", settings.database_url, "jobs", "--json"]
    for value, stalled in (("600", False), ("60", True)):
        monkeypatch.setenv("WORKBENCH_JOB_STALL_SECONDS", value)
        said = CliRunner().invoke(main, args)
        assert said.exit_code == 0, said.output
        listed = {j["id"]: j["stalled"] for j in json.loads(said.output)["compare_jobs"]}
        assert listed[job_id] is stalled


def test_the_worker_silence_is_the_beat_not_the_setting() -> None:
    """``queue.STALLED_SECONDS`` is a worker process's silence (it acts: a retry), kept
    apart from the listings' mark on purpose (its docstring, docs/operations.md)."""
    import inspect

    from workbench.adapters import queue

    assert queue.STALLED_SECONDS == 4 * queue.HEARTBEAT_SECONDS
    assert queue.STALLED_SECONDS < Settings().job_stall_seconds
    defaults = [inspect.signature(f).parameters for f in (queue.workers_alive, queue.run_worker)]
    assert defaults[0]["within"].default == defaults[1]["stalled"].default == queue.STALLED_SECONDS
