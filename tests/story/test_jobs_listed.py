"""Background comparisons are listed with the other jobs: CLI lines, CLI JSON = API JSON."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from click.testing import CliRunner
from sqlmodel import Session

from tests.story.conftest import COPY, WIRE, Ingest
from tests.story.test_jobs import _dead_owner
from workbench.cli import main
from workbench.config import Settings
from workbench.services import compare_jobs
from workbench.store.db import get_engine
from workbench.store.story_models import CompareJob
from workbench.web import create_app


def _finished(settings: Settings, job_id: int) -> dict[str, Any]:
    """Poll the job until it ends (a generous bound, not a speed test)."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        state = compare_jobs.job_status(settings, job_id)
        if state["status"] in ("done", "failed"):
            return state
        time.sleep(0.1)
    raise AssertionError(f"compare job {job_id} did not finish")


def _dead_story_job(settings: Settings) -> int:
    """A story job whose process died mid-way (as after a kill)."""
    with Session(get_engine(settings.database_url)) as session:
        dead = CompareJob(kind="story", key="story:bridge:None", active_key="story:bridge:None",
                          params={"slug": "bridge", "reference": None}, status="running",
                          done=0, total=1, owner=_dead_owner())  # fmt: skip
        session.add(dead)
        session.commit()
        return dead.id  # type: ignore[return-value]


@pytest.fixture
def cli(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("WORKBENCH_HOME", str(settings.home))
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", settings.database_url)
    return CliRunner()


def test_compare_jobs_are_listed_with_the_other_jobs(
    settings: Settings, ingest: Ingest, cli: CliRunner
) -> None:
    left, right = ingest(WIRE, "wire"), ingest(COPY, "herald", 2)
    pair = compare_jobs.start_pair_job(settings, left, right, None)
    assert _finished(settings, pair["id"])["status"] == "done"
    dead_id = _dead_story_job(settings)

    listed = compare_jobs.list_compare_jobs(settings)
    assert [j["id"] for j in listed] == [dead_id, pair["id"]]  # newest first
    assert listed[0]["stalled"] is True and listed[1]["stalled"] is False
    assert listed[1]["params"] == {"left": left, "right": right, "roles": []}
    assert listed[1]["done"] == listed[1]["total"] == 1
    with Session(get_engine(settings.database_url)) as session:
        assert session.get(CompareJob, dead_id).status == "running"  # a listing only reads

    out = cli.invoke(main, ["jobs"])
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    pair_line = next(line for line in lines if line.startswith(f"compare #{pair['id']} "))
    assert "pair" in pair_line and "done" in pair_line and "1/1 comparisons" in pair_line
    assert f"versions {left} ↔ {right}" in pair_line
    dead_line = next(line for line in lines if line.startswith(f"compare #{dead_id} "))
    assert "story bridge" in dead_line and "STALLED" in dead_line


def test_cli_json_is_the_api_json(settings: Settings, ingest: Ingest, cli: CliRunner) -> None:
    left, right = ingest(WIRE, "wire"), ingest(COPY, "herald", 2)
    pair = compare_jobs.start_pair_job(settings, left, right, ("body",))
    done = _finished(settings, pair["id"])
    client = create_app(settings).test_client()

    api = client.get("/api/jobs").get_json()
    shown = json.loads(cli.invoke(main, ["jobs", "--json"]).output)
    assert shown == {"jobs": api["jobs"], "compare_jobs": api["compare_jobs"]}
    assert shown["jobs"] == [] and [j["id"] for j in shown["compare_jobs"]] == [pair["id"]]

    one = json.loads(cli.invoke(main, ["jobs", str(pair["id"]), "--compare", "--json"]).output)
    assert one == client.get(f"/api/compare-jobs/{pair['id']}").get_json()["job"] == done
    assert one["result"]["alignment_id"] > 0
    missing = cli.invoke(main, ["jobs", "999999", "--compare"])
    assert missing.exit_code == 3 and "Error:" in missing.output


def test_an_empty_database_has_no_jobs(cli: CliRunner) -> None:
    out = cli.invoke(main, ["jobs"])
    assert out.exit_code == 0 and out.output.strip() == "No background jobs yet."
