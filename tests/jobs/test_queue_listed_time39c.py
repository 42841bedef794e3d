"""A queue job's listed ``updated_at`` is when it last moved, the time ``stalled`` reads
(reliabc39).

Why: since reliabb39 the ``stalled`` mark of a queue job reads its row's ``updated_at``
or its newest block's, whichever is later (progress is written to the blocks, not to
the row, which moves at enqueue and close).  The listing (``workbench jobs --json``,
``GET /api/jobs``, ``GET /api/jobs/<id>``) still showed the row's ``updated_at``: a job
translating for an hour read "updated 60 minutes ago" beside ``stalled: false``.  The
listed time is now the newest activity, the later of the two, so the time and the mark
agree.  Rows are written directly (no worker): the rule is the reader's, and runs on
SQLite and on PostgreSQL alike.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from click.testing import CliRunner
from sqlmodel import Session

from workbench.cli import main
from workbench.config import Settings
from workbench.services import jobs
from workbench.services.heartbeat import read_db_now
from workbench.store.db import get_engine
from workbench.store.models import TranslationBlock, TranslationJob, iso_utc
from workbench.web import create_app


def _queue_job(settings: Settings, row_ago: int, block_ago: int) -> tuple[int, str, str]:
    """A running queue job whose row moved ``row_ago`` minutes back and whose newest
    block ``block_ago`` minutes back (an older block beside it); its id and both times."""
    with Session(get_engine(settings.database_url)) as session:
        now = read_db_now(session)
        row_at, block_at = now - timedelta(minutes=row_ago), now - timedelta(minutes=block_ago)
        job = TranslationJob(target_lang="de", backend="queue", status="running",
                             blocks_total=2, segments_total=20, created_at=row_at,
                             updated_at=row_at)  # fmt: skip
        session.add(job)
        session.flush()
        assert job.id is not None
        for first, ago, status in ((1, block_at, "running"), (11, row_at, "done")):
            session.add(TranslationBlock(job_id=job.id, first_id=first, last_id=first + 9,
                                         status=status, segments_total=10, segments_done=5,
                                         updated_at=ago))  # fmt: skip
        session.commit()
        return job.id, iso_utc(row_at) or "", iso_utc(block_at) or ""


def _listed(settings: Settings, job_id: int) -> list[dict[str, object]]:
    """The job as every reader shows it: the service, the CLI's JSON, both twins."""
    cli = CliRunner().invoke(main, ["--database-url", settings.database_url, "jobs", "--json"])
    assert cli.exit_code == 0, cli.output
    client = create_app(settings).test_client()
    api = client.get("/api/jobs").get_json()
    one = client.get(f"/api/jobs/{job_id}").get_json()["job"]
    pick = [j for j in json.loads(cli.output)["jobs"] + api["jobs"] if j["id"] == job_id]
    return [jobs.job_progress(settings, job_id), *pick, one]


@pytest.mark.parametrize(("row_ago", "block_ago", "stalled"), [(60, 1, False), (30, 12, True)])
def test_the_listed_time_is_the_newest_block_when_later(
    settings: Settings, row_ago: int, block_ago: int, stalled: bool
) -> None:
    job_id, _row, block = _queue_job(settings, row_ago, block_ago)
    shown = _listed(settings, job_id)
    assert len(shown) == 4
    for state in shown:
        assert state["updated_at"] == block and state["stalled"] is stalled, state


def test_a_row_newer_than_its_blocks_is_listed_as_it_was(settings: Settings) -> None:
    """A job closed (or re-enqueued) after its last block moved: the row is the newest."""
    job_id, row, _block = _queue_job(settings, row_ago=2, block_ago=30)
    for state in _listed(settings, job_id):
        assert state["updated_at"] == row and state["stalled"] is False, state
