"""The address of a story that was merged away (round 37, webc37).

webb37 left it: a merge removes the story folded in, so ``/stories/<old-slug>`` (a
journalist's bookmark, a link in a colleague's note) and its twin were a 404, and a
translation job started from the old story page came back to that 404.  Now the move log
is followed as the compare jobs follow it (``story_merge.current_story``): the page
redirects (303: the slug may be taken again by a new story, so no permanent redirect a
browser would cache) to the story it joined, query kept, with a notice; the twin answers
the one error shape, 404, with ``merged_into`` and ``url``.  A slug that never existed, or
a story emptied by single moves, stays a plain 404.
"""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlmodel import Session, select

from tests.web.test_workflow import form_token
from workbench.config import Settings
from workbench.services import jobs
from workbench.services.ingest_files import ingest_sample_corpus
from workbench.services.story_merge import merge_stories
from workbench.services.story_move import move_version
from workbench.store.db import get_engine
from workbench.store.models import Article
from workbench.web import create_app

STORY, OTHER = "harbour-bridge-closure", "bridge-shut-after-storm"


def _split(settings: Settings) -> tuple[int, int]:
    ids = {r.filename: r.version_id for r in ingest_sample_corpus(settings)}
    german, uk = ids["abendpost-de.html"], ids["visnyk-uk.txt"]
    move_version(settings, german, OTHER)
    move_version(settings, uk, OTHER)
    return german, uk


def _client(settings: Settings) -> FlaskClient:
    return create_app(settings).test_client()


def test_the_old_page_redirects_to_the_story_it_joined(settings: Settings) -> None:
    german, _uk = _split(settings)
    merge_stories(settings, OTHER, STORY)
    client = _client(settings)
    answer = client.get(f"/stories/{OTHER}?reference={german}&lang=de")
    assert answer.status_code == 303
    location = answer.headers["Location"]
    assert location.startswith(f"/stories/{STORY}?")
    assert f"reference={german}" in location and "lang=de" in location
    page = client.get(location)
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert f"Die Geschichte {OTHER} wurde mit dieser zusammengeführt; das ist jetzt" in text


def test_the_notice_in_english(settings: Settings) -> None:
    _split(settings)
    merge_stories(settings, OTHER, STORY)
    page = _client(settings).get(f"/stories/{OTHER}", follow_redirects=True)
    assert page.status_code == 200 and page.request.path == f"/stories/{STORY}"
    text = page.get_data(as_text=True)
    assert f"Story {OTHER} was merged into this one" in text


def test_the_twin_answers_the_error_shape_with_the_new_address(settings: Settings) -> None:
    _split(settings)
    merge_stories(settings, OTHER, STORY)
    answer = _client(settings).get(f"/api/stories/{OTHER}")
    assert answer.status_code == 404
    body: dict[str, Any] = answer.get_json()
    assert body["ok"] is False and body["status"] == 404
    assert body["merged_into"] == STORY and body["url"] == f"/api/stories/{STORY}"
    assert OTHER in body["error"] and STORY in body["error"]


def test_merged_twice_is_followed_to_the_end(settings: Settings) -> None:
    ids = {r.filename: r.version_id for r in ingest_sample_corpus(settings)}
    move_version(settings, ids["abendpost-de.html"], "first")
    move_version(settings, ids["visnyk-uk.txt"], "second")
    merge_stories(settings, "first", "second")
    merge_stories(settings, "second", STORY)
    client = _client(settings)
    answer = client.get("/stories/first")
    assert answer.status_code == 303 and answer.headers["Location"] == f"/stories/{STORY}"
    assert client.get("/api/stories/first").get_json()["merged_into"] == STORY


@pytest.mark.parametrize("path", ["/stories/never-was", "/api/stories/never-was"])
def test_a_slug_that_never_existed_stays_404(settings: Settings, path: str) -> None:
    ingest_sample_corpus(settings)
    answer = _client(settings).get(path)
    assert answer.status_code == 404
    if path.startswith("/api"):
        assert "merged_into" not in answer.get_json()


def test_a_story_emptied_by_moves_is_not_guessed_at(settings: Settings) -> None:
    german, uk = _split(settings)
    move_version(settings, german, STORY)
    move_version(settings, uk, "elsewhere")
    client = _client(settings)
    assert client.get(f"/stories/{OTHER}").status_code == 404
    body = client.get(f"/api/stories/{OTHER}").get_json()
    assert body["status"] == 404 and "merged_into" not in body


def test_a_translation_job_from_the_old_page_returns_to_the_new_story(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    _split(settings)

    class _Busy:
        def submit(self, job_id: int) -> None:  # queued: the worker has not reached it
            pass

    monkeypatch.setattr(jobs, "_worker", lambda settings: _Busy())
    with Session(get_engine(settings.database_url)) as session:
        story = session.exec(select(Article).where(Article.slug == OTHER)).one()
    client = _client(settings)
    fields = {"csrf_token": form_token(client, f"/stories/{OTHER}"), "target": "en",
              "next": f"/stories/{OTHER}"}  # fmt: skip
    started = client.post(f"/articles/{story.id}/translate", data=fields)
    assert started.status_code == 302
    back = started.headers["Location"]
    assert back.startswith(f"/stories/{OTHER}?job=")
    merge_stories(settings, OTHER, STORY)
    page = client.get(back, follow_redirects=True)
    assert page.status_code == 200 and page.request.path == f"/stories/{STORY}"
    assert page.request.args.get("job") == back.split("job=")[1]
    assert 'class="job-status"' in page.get_data(as_text=True)


def test_a_slug_taken_again_is_the_new_story(settings: Settings) -> None:
    """Why the redirect is a 303, not a cached 308: the slug is free after the merge."""
    german, _uk = _split(settings)
    merge_stories(settings, OTHER, STORY)
    move_version(settings, german, OTHER)  # a capture filed under the old name again
    client = _client(settings)
    assert client.get(f"/stories/{OTHER}").status_code == 200
    body = client.get(f"/api/stories/{OTHER}").get_json()
    assert body["ok"] is True and [v["id"] for v in body["story"]["versions"]] == [german]
