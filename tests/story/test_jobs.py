"""Large comparisons run in the background with progress; pages follow them."""

from __future__ import annotations

import time
from typing import Any

import pytest
from flask.testing import FlaskClient

from tests.story.conftest import COPY, UNRELATED, WIRE, Ingest
from tests.web.conftest import Api
from workbench.config import Settings
from workbench.services import compare_jobs
from workbench.web import create_app


def _wait(client: FlaskClient, job_id: int) -> dict[str, Any]:
    """Poll the job's JSON twin until it finishes (a generous bound, not a speed test)."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        body = client.get(f"/api/compare-jobs/{job_id}").get_json()
        if body["job"]["status"] in ("done", "failed"):
            return body
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish")


def test_story_comparisons_in_the_background(settings: Settings, ingest: Ingest) -> None:
    for k, (outlet, lines) in enumerate((("wire", WIRE), ("herald", COPY), ("gazette", UNRELATED))):
        ingest(lines, outlet, k + 1)
    api = Api(create_app(settings).test_client())
    assert api.client.get("/api/stories/bridge?compute=0").get_json()["story"]["pending"] == 2
    started = api.post("/api/stories/bridge/compute", {})
    assert started.status_code == 202
    job = started.get_json()["job"]
    again = api.post("/api/stories/bridge/compute", {}).get_json()["job"]
    assert again["id"] == job["id"] or again["status"] == "queued"
    done = _wait(api.client, job["id"])
    assert done["job"]["status"] == "done" and done["job"]["done"] == done["job"]["total"] == 2
    assert done["next_url"] == "/stories/bridge"
    assert api.client.get("/api/stories/bridge?compute=0").get_json()["story"]["pending"] == 0
    page = api.client.get(f"/compare-jobs/{job['id']}").get_data(as_text=True)
    assert 'href="/stories/bridge"' in page
    assert api.client.get("/api/compare-jobs/999999").status_code == 404
    assert api.post("/api/stories/nothing/compute", {}).status_code == 404


def test_large_pairs_from_the_form_run_as_jobs(
    settings: Settings, ingest: Ingest, monkeypatch: pytest.MonkeyPatch
) -> None:
    left, right = ingest(WIRE, "wire"), ingest(COPY, "herald", 2)
    monkeypatch.setattr(compare_jobs, "LARGE_COMPARE_SEGMENTS", 5)
    monkeypatch.setattr("workbench.web.compare.LARGE_COMPARE_SEGMENTS", 5)
    api = Api(create_app(settings).test_client())
    page = api.client.get("/").get_data(as_text=True)
    token = page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    response = api.client.post("/compare", data={"csrf_token": token, "left": left, "right": right})
    assert response.status_code == 302 and "/compare-jobs/" in response.headers["Location"]
    job_id = int(response.headers["Location"].rsplit("/", 1)[1])
    done = _wait(api.client, job_id)
    assert done["job"]["status"] == "done"
    assert done["next_url"] == f"/alignments/{done['job']['result']['alignment_id']}"
    background = api.post("/api/compare", {"left": left, "right": right, "background": True})
    assert background.status_code == 202
    reused = _wait(api.client, background.get_json()["job"]["id"])["job"]["result"]
    assert reused["reused"] is True
    refused = api.post("/api/compare", {"left": left, "right": left, "background": True})
    assert refused.status_code == 422


def _dead_owner() -> str:
    """The owner string of a process that has exited (this host, its pid, another token)."""
    import socket
    import subprocess
    import sys

    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)  # fmt: skip
    return f"{socket.gethostname()}:{int(child.stdout)}:gone"


def _alignments(settings: Settings) -> int:
    from sqlalchemy import text

    from workbench.store.db import get_engine

    with get_engine(settings.database_url).connect() as conn:
        return conn.execute(text("SELECT count(*) FROM alignment")).scalar_one()


def test_jobs_are_rows_a_killed_one_resumes_without_duplicates(
    settings: Settings, ingest: Ingest
) -> None:
    """A job whose process died mid-way (one of two comparisons stored) is seen by
    another process, taken over when asked for, and finishes without storing twice."""
    from sqlmodel import Session

    from workbench.services.stories import story_view
    from workbench.store.db import get_engine
    from workbench.store.story_models import CompareJob

    for k, (outlet, lines) in enumerate((("wire", WIRE), ("herald", COPY), ("gazette", UNRELATED))):
        ingest(lines, outlet, k + 1)
    assert story_view(settings, "bridge", compute=1)["pending"] == 1  # what it did before dying
    with Session(get_engine(settings.database_url)) as session:
        dead = CompareJob(kind="story", key="story:bridge:None", active_key="story:bridge:None",
                          params={"slug": "bridge", "reference": None}, status="running",
                          done=1, total=2, owner=_dead_owner())  # fmt: skip
        session.add(dead)
        session.commit()
        job_id = dead.id
    assert compare_jobs.is_dead(dead, compare_jobs.db_clock(settings), settings.job_stall_seconds)
    client = create_app(settings).test_client()  # "another process": a fresh app, same database
    seen = client.get(f"/api/compare-jobs/{job_id}").get_json()["job"]
    assert seen["id"] == job_id and seen["status"] in ("queued", "running", "done")
    done = _wait(client, job_id)["job"]
    assert done["status"] == "done" and done["result"]["pending"] == 0
    assert _alignments(settings) == 2  # the stored one was reused, the missing one added
    again = Api(client).post("/api/stories/bridge/compute", {}).get_json()["job"]
    assert again["id"] != job_id  # a finished job is not active any more: a new one
    assert _wait(client, again["id"])["job"]["status"] == "done"
    assert _alignments(settings) == 2


def test_a_live_job_is_shared_not_duplicated(settings: Settings, ingest: Ingest) -> None:
    """Asking again for a job another live process runs returns that job (one row)."""
    import os
    import socket

    from sqlmodel import Session, select

    from workbench.store.db import get_engine
    from workbench.store.story_models import CompareJob

    ingest(WIRE, "wire")
    ingest(COPY, "herald", 2)
    with Session(get_engine(settings.database_url)) as session:
        live = CompareJob(kind="story", key="story:bridge:None", active_key="story:bridge:None",
                          params={"slug": "bridge", "reference": None}, status="running",
                          owner=f"{socket.gethostname()}:{os.getppid()}:other")  # fmt: skip
        session.add(live)
        session.commit()
        live_id = live.id
    job = compare_jobs.start_story_job(settings, "bridge", None)
    assert job["id"] == live_id and job["status"] == "running"
    with Session(get_engine(settings.database_url)) as session:
        assert len(session.exec(select(CompareJob.id)).all()) == 1


def test_the_page_leaves_large_comparisons_to_a_job(
    settings: Settings, ingest: Ingest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A story page computes inline only what fits a request; ``compute=all`` does the rest."""
    ingest(WIRE, "wire")
    ingest(COPY, "herald", 2)
    monkeypatch.setattr("workbench.web.stories.LARGE_COMPARE_SEGMENTS", 5)
    client = create_app(settings).test_client()
    story = client.get("/api/stories/bridge").get_json()["story"]
    assert story["pending"] == 1 and _alignments(settings) == 0
    assert "Compute them" in client.get("/stories/bridge").get_data(as_text=True)
    assert client.get("/api/stories/bridge?compute=all").get_json()["story"]["pending"] == 0
