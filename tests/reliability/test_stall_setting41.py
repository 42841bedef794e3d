"""The seconds without progress that mark a translation job ``stalled`` are a setting
(reliab41).

Why: ``job_status.STALL_SECONDS`` (600) was a module constant: an operator whose CPU-only
workers take long chunks, or whose blocks wait on held rows, could not change when
``workbench jobs`` and the page call a job STALLED without editing the code.  It is now
``Settings.job_stall_seconds``, read from ``WORKBENCH_JOB_STALL_SECONDS`` like the other
numeric ``WORKBENCH_*`` settings (at least 1; a bad value is one ``Error:``, exit 2);
the default is unchanged.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from click.testing import CliRunner

from tests.reliability.test_stall_clock39 import _running_job
from workbench.cli import main
from workbench.config import Settings
from workbench.errors import InputError
from workbench.services import jobs
from workbench.store.db import get_engine, session_scope
from workbench.store.models import TranslationJob, utcnow


def idle_since(settings: Settings, model: type, job_id: int, seconds: int) -> int:
    """Job ``job_id`` (a ``model`` row) made to have last moved ``seconds`` ago."""
    with session_scope(get_engine(settings.database_url)) as session:
        job = session.get(model, job_id)
        assert job is not None
        job.updated_at = utcnow() - timedelta(seconds=seconds)
    return job_id


def _idle(settings: Settings, seconds: int) -> int:
    """A running job whose progress last moved ``seconds`` ago."""
    return idle_since(settings, TranslationJob, _running_job(settings), seconds)


def test_the_default_is_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WORKBENCH_JOB_STALL_SECONDS", raising=False)
    assert Settings.from_env().job_stall_seconds == 600
    monkeypatch.setenv("WORKBENCH_JOB_STALL_SECONDS", "90")
    assert Settings.from_env().job_stall_seconds == 90


def test_the_setting_decides_the_mark(settings: Settings) -> None:
    job_id = _idle(settings, 120)
    assert jobs.job_progress(settings, job_id)["stalled"] is False  # 120 s < 600 s
    short = settings.with_(job_stall_seconds=60)
    assert jobs.job_progress(short, job_id)["stalled"] is True
    assert [j["stalled"] for j in jobs.list_jobs(short) if j["id"] == job_id] == [True]


def test_the_command_reads_the_variable(monkeypatch: pytest.MonkeyPatch,
                                        settings: Settings) -> None:
    job_id = _idle(settings, 120)
    args = ["--database-url", settings.database_url, "jobs", str(job_id), "--json"]
    monkeypatch.delenv("WORKBENCH_JOB_STALL_SECONDS", raising=False)
    said = CliRunner().invoke(main, args)
    assert said.exit_code == 0 and json.loads(said.output)["stalled"] is False, said.output
    monkeypatch.setenv("WORKBENCH_JOB_STALL_SECONDS", "60")
    said = CliRunner().invoke(main, args)
    assert said.exit_code == 0 and json.loads(said.output)["stalled"] is True, said.output


@pytest.mark.parametrize("value", ["0", "-5", "ten"])
def test_a_bad_value_is_one_error(monkeypatch: pytest.MonkeyPatch, settings: Settings,
                                  value: str) -> None:
    monkeypatch.setenv("WORKBENCH_JOB_STALL_SECONDS", value)
    with pytest.raises(InputError, match="WORKBENCH_JOB_STALL_SECONDS must be an integer"):
        Settings.from_env()
    said = CliRunner().invoke(main, ["--database-url", settings.database_url, "jobs"])
    assert said.exit_code == 2, said.output
    assert said.output.startswith("Error: WORKBENCH_JOB_STALL_SECONDS must be an integer")
    assert said.output.count("Error:") == 1
