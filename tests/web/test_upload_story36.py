"""A new capture uploaded on the web joins the story it belongs to (round 36, web36).

At START the upload page and ``/api/ingest`` stored a capture without an article under
its title's slug: a later capture of the demo story whose headline had changed (as
headlines do over a day) started a story of its own, and the story desk never showed
it, while ``workbench ingest`` matched it to its story (docs/stories.md, "Folder ingest
into a story").  Now both entrances match as the CLI does, and the page says where the
capture went and why, with the remedy when it went to a new story.
"""

from __future__ import annotations

import io
import json
import re

import pytest
from flask.testing import FlaskClient

from tests.web.conftest import Api
from tests.web.test_workflow import form_token
from workbench.assets import PACKAGE_DIR
from workbench.config import Settings
from workbench.services.ingest_files import ingest_sample_corpus

SAMPLE = PACKAGE_DIR / "sample_corpus"
STRANGER = b"Council votes on school meals\n\nThe council voted on free school meals on Monday.\n"


@pytest.fixture
def story(settings: Settings) -> str:
    ingest_sample_corpus(settings)
    return "harbour-bridge-closure"


def _third_capture() -> bytes:
    """The 11:30 capture an afternoon later: new headline and figure, no article field."""
    capture = json.loads((SAMPLE / "northwire-v2.json").read_text(encoding="utf-8"))
    capture.pop("article", None)
    capture["title"] = "Port Elden bridge shut; 19 ships wait at anchor"
    capture["text"] = capture["text"].replace("14 ships", "19 ships")
    capture["captured_at"] = "2026-03-02T16:05:00Z"
    return json.dumps(capture, ensure_ascii=False).encode()


def _slug(client: FlaskClient, version: int) -> str:
    return client.get(f"/api/versions/{version}").get_json()["version"]["article_slug"]


def test_the_upload_page_puts_a_new_capture_in_its_story(client: FlaskClient, story: str) -> None:
    token = form_token(client, "/upload")
    response = client.post(
        "/upload",
        data={"csrf_token": token, "file": (io.BytesIO(_third_capture()), "northwire-v3.json")},
        follow_redirects=True,
    )
    page = response.get_data(as_text=True)
    version = int(re.search(r"/versions/(\d+)", response.request.path).group(1))  # type: ignore[union-attr]
    assert _slug(client, version) == story
    flash = re.search(r'<p class="flash flash-ok"[^>]*>(.*?)</p>', page, re.S).group(1)  # type: ignore[union-attr]
    assert story in flash and "resembles version" in flash, flash
    desk = client.get(f"/api/stories/{story}?compute=0").get_json()["story"]
    assert version in [v["id"] for v in desk["versions"]]


def test_the_api_matches_too_and_a_stranger_says_new_story(api: Api, story: str) -> None:
    form = {"file": (io.BytesIO(_third_capture()), "northwire-v3.json")}
    result = api.post("/api/ingest", data=form, content_type="multipart/form-data").get_json()
    assert result["result"]["match"]["slug"] == story
    stranger = STRANGER
    form = {"outlet": "wire", "file": (io.BytesIO(stranger), "meals.txt")}
    response = api.post("/api/ingest", data=form, content_type="multipart/form-data")
    match = response.get_json()["result"]["match"]
    assert match["slug"] is None and match["story"] != story


def test_a_new_story_is_said_with_the_remedy(client: FlaskClient, story: str) -> None:
    token = form_token(client, "/upload?lang=de")
    stranger = STRANGER
    response = client.post(
        "/upload",
        data={"csrf_token": token, "outlet": "wire", "file": (io.BytesIO(stranger), "meals.txt")},
        follow_redirects=True,
    )
    flash = re.search(
        r'<p class="flash flash-ok"[^>]*>(.*?)</p>', response.get_data(as_text=True), re.S
    ).group(1)  # type: ignore[union-attr]
    assert "neue Geschichte" in flash and "Artikel" in flash, flash
