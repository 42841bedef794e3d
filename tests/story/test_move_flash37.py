"""The move form's message says when the story left behind is gone (round 37, web37).

Round 36 left it alone: moving a story's only version removes the emptied story, and the
CLI says so ("story x had no other version and is removed") while the version page's
message only named the two stories — a journalist going back to the old story met a 404.
"""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.web.test_workflow import form_token
from workbench.config import Settings
from workbench.services.ingest_files import ingest_sample_corpus
from workbench.services.story_move import move_version
from workbench.web import create_app


def test_the_flash_names_the_removed_story(settings: Settings) -> None:
    ids = {r.filename: r.version_id for r in ingest_sample_corpus(settings)}
    uk = ids["visnyk-uk.txt"]
    move_version(settings, uk, "lonely")
    client: FlaskClient = create_app(settings).test_client()
    fields = {"csrf_token": form_token(client, f"/versions/{uk}"), "from": "lonely",
              "story": "harbour-bridge-closure"}  # fmt: skip
    page = client.post(f"/versions/{uk}/story", data=fields, follow_redirects=True)
    text = page.get_data(as_text=True)
    assert "from story lonely to story harbour-bridge-closure" in text
    assert "Story lonely had no other version and is removed." in text
    de = client.post(f"/versions/{uk}/story?lang=de", follow_redirects=True, data={
        **fields, "from": "harbour-bridge-closure", "story": "lonely-again"})
    said = de.get_data(as_text=True)
    assert "lonely-again" in said and "keine andere Fassung" not in said  # the story it left
    # keeps its other versions: nothing removed, nothing said
