"""A form posted from a story page loaded before the story was merged away (round 37, webd37).

webc37 left it: ``POST /stories/OLD/compute``, ``/wire`` and ``/merge`` flashed "no article
with slug 'OLD'" and went back to ``/stories/OLD``, which now redirects to the story it
joined, so the page showed two notices that contradict each other and not what happened to
the click.  A POST changes data: it is not applied to the story OLD joined (the journalist
chose it on OLD's versions, not NEW's), and the answer says so and names NEW, so it can be
redone there: the page goes straight to NEW with one notice; the ``/api`` twin answers the
one error shape (404, as ``GET /api/stories/OLD``) with ``merged_into`` and ``url`` (the
same action's address on NEW).
"""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from sqlmodel import Session, select

from tests.web.conftest import Api
from tests.web.test_workflow import form_token
from workbench.config import Settings
from workbench.services.browse import list_versions
from workbench.services.ingest_files import ingest_sample_corpus
from workbench.services.story_merge import merge_stories
from workbench.services.story_move import move_version
from workbench.store.db import get_engine
from workbench.store.models import Article
from workbench.store.story_models import CompareJob
from workbench.web import create_app

STORY, OTHER, THIRD = "harbour-bridge-closure", "bridge-shut-after-storm", "third-story"


def _split(settings: Settings) -> dict[str, int]:
    ids = {r.filename: r.version_id for r in ingest_sample_corpus(settings)}
    move_version(settings, ids["abendpost-de.html"], OTHER)
    move_version(settings, ids["visnyk-uk.txt"], OTHER)
    return ids


def _in(settings: Settings, slug: str) -> list[int]:
    return sorted(v["id"] for v in list_versions(settings, slug))


def _wire(settings: Settings, slug: str) -> int | None:
    with Session(get_engine(settings.database_url)) as session:
        return session.exec(select(Article).where(Article.slug == slug)).one().wire_version_id


def _jobs(settings: Settings) -> int:
    with Session(get_engine(settings.database_url)) as session:
        return len(session.exec(select(CompareJob)).all())


def _refused_on_the_page(client: FlaskClient, path: str, fields: dict[str, str]) -> str:
    answer = client.post(path, data=fields)
    assert answer.status_code == 302
    assert answer.headers["Location"].split("?")[0].endswith(f"/stories/{STORY}")
    page = client.get(answer.headers["Location"])
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "no article with slug" not in text
    assert f"Story {OTHER} was merged into {STORY} before this was sent" in text
    return text


@pytest.mark.parametrize("action", ["wire", "compute", "merge"])
def test_a_form_from_the_old_page_is_not_applied_to_the_new_story(
    settings: Settings, action: str
) -> None:
    ids = _split(settings)
    german = ids["abendpost-de.html"]
    move_version(settings, ids["visnyk-uk.txt"], THIRD)  # OTHER keeps one version
    client = create_app(settings).test_client()
    token = form_token(client, f"/stories/{OTHER}?compute=0")  # the page, before the merge
    merge_stories(settings, OTHER, STORY)
    wire, jobs, third = _wire(settings, STORY), _jobs(settings), _in(settings, THIRD)
    fields = {"wire": {"version": str(german)}, "compute": {},
              "merge": {"into": THIRD, "versions": str(german)}}[action]  # fmt: skip
    _refused_on_the_page(client, f"/stories/{OTHER}/{action}", {"csrf_token": token, **fields})
    assert _wire(settings, STORY) == wire and _jobs(settings) == jobs
    assert _in(settings, THIRD) == third and german in _in(settings, STORY)


@pytest.mark.parametrize("action", ["wire", "compute", "merge"])
def test_the_twin_answers_the_error_shape_with_where_to_send_it(
    settings: Settings, action: str
) -> None:
    ids = _split(settings)
    merge_stories(settings, OTHER, STORY)
    body = {"wire": {"version": ids["abendpost-de.html"]}, "compute": {},
            "merge": {"into": THIRD}}[action]  # fmt: skip
    answer = Api(create_app(settings).test_client()).post(
        f"/api/stories/{OTHER}/{action}", json=body
    )
    assert answer.status_code == 404
    data = answer.get_json()
    assert data["ok"] is False and data["status"] == 404
    assert data["merged_into"] == STORY and data["url"] == f"/api/stories/{STORY}/{action}"
    assert "nothing was changed" in data["error"] and STORY in data["error"]
    assert _wire(settings, STORY) is None and _jobs(settings) == 0


def test_the_notice_in_german(settings: Settings) -> None:
    _split(settings)
    client = create_app(settings).test_client()
    token = form_token(client, f"/stories/{OTHER}?compute=0&lang=de")
    merge_stories(settings, OTHER, STORY)
    answer = client.post(f"/stories/{OTHER}/compute", data={"csrf_token": token})
    text = client.get(answer.headers["Location"]).get_data(as_text=True)
    assert f"Die Geschichte {OTHER} wurde mit {STORY} zusammengeführt" in text
