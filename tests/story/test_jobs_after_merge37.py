"""A job queued for a story that is then merged away (round 37, webb37).

web37 did not try it.  A compare job names its story by slug: run after the merge, it
failed with "no article with slug ..." and the job page led nowhere.  It now follows the
merge (the move log says where the story's versions went, kind ``merge``): it computes the
story they joined, its result names that story (``slug``) and the one it was queued for
(``merged_from``), and the job page leads there.  A story emptied by moves (no merge) is
not guessed at: the job stops with a message naming where the versions went.  A
translation job holds version ids (resolved when it was queued), which a merge keeps: it
translates them in their new story, nothing lost.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import Session, select

from workbench.config import Settings
from workbench.services import compare_jobs, jobs
from workbench.services.browse import list_versions
from workbench.services.ingest_files import ingest_sample_corpus
from workbench.services.story_merge import merge_stories
from workbench.services.story_move import move_version
from workbench.store.db import get_engine
from workbench.store.models import Article, Segment, Translation
from workbench.store.story_models import CompareJob
from workbench.web import create_app

STORY, OTHER = "harbour-bridge-closure", "bridge-shut-after-storm"


def _split(settings: Settings) -> tuple[int, int]:
    ids = {r.filename: r.version_id for r in ingest_sample_corpus(settings)}
    german, uk = ids["abendpost-de.html"], ids["visnyk-uk.txt"]
    move_version(settings, german, OTHER)
    move_version(settings, uk, OTHER)
    return german, uk


def _queued_story_job(settings: Settings, slug: str) -> int:
    """A story job as ``start_story_job`` stores it, not yet run (the worker is busy)."""
    key = f"story:{slug}:None"
    with Session(get_engine(settings.database_url)) as session:
        job = CompareJob(kind="story", key=key, active_key=key, owner=compare_jobs.owner(),
                         params={"slug": slug, "reference": None})  # fmt: skip
        session.add(job)
        session.commit()
        assert job.id is not None
        return job.id


def test_a_compare_job_follows_the_merge(settings: Settings) -> None:
    _split(settings)
    job_id = _queued_story_job(settings, OTHER)
    merge_stories(settings, OTHER, STORY)
    compare_jobs._run_one(settings, job_id)
    state = compare_jobs.job_status(settings, job_id)
    assert state["status"] == "done", state
    assert state["result"]["slug"] == STORY and state["result"]["merged_from"] == OTHER
    assert state["result"]["pending"] == 0
    page = create_app(settings).test_client().get(f"/compare-jobs/{job_id}")
    assert f"/stories/{STORY}" in page.get_data(as_text=True)


def test_a_compare_job_for_a_story_emptied_by_moves_stops_clearly(settings: Settings) -> None:
    german, uk = _split(settings)
    job_id = _queued_story_job(settings, OTHER)
    move_version(settings, german, STORY)
    move_version(settings, uk, "elsewhere")
    compare_jobs._run_one(settings, job_id)
    state = compare_jobs.job_status(settings, job_id)
    assert state["status"] == "failed"
    assert OTHER in state["error"] and "no longer exists" in state["error"]
    assert STORY in state["error"] and "elsewhere" in state["error"]


def test_a_translation_job_translates_the_merged_versions(
    mt_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    german, uk = _split(mt_settings)

    class _Busy:
        def submit(self, job_id: int) -> None:  # queued: the worker has not reached it
            pass

    monkeypatch.setattr(jobs, "_worker", lambda settings: _Busy())
    with Session(get_engine(mt_settings.database_url)) as session:
        story = session.exec(select(Article).where(Article.slug == OTHER)).one()
    job_id = jobs.start_job(mt_settings, "en", story=story.id)
    merge_stories(mt_settings, OTHER, STORY)
    jobs.run_job(mt_settings, job_id)
    state: dict[str, Any] = jobs.job_progress(mt_settings, job_id)
    assert state["status"] == "done", state
    assert {german, uk} <= {v["id"] for v in list_versions(mt_settings, STORY)}
    with Session(get_engine(mt_settings.database_url)) as session:
        done = session.exec(
            select(Segment.version_id).join(Translation, Translation.segment_id == Segment.id)
        ).all()  # type: ignore[arg-type]
    assert {german, uk} <= set(done)
