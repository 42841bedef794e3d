"""A version filed in the wrong story moves to another one (round 36, webb36).

At START a capture filed in the wrong story stayed there: uploading it again answered
"already stored", and neither the page nor the CLI could move it.  A move now exists as a
service (``services.story_move``), a CLI command (``workbench move``), a form on the
version page and its JSON twin; it keeps the version (id, segments, translations,
comparisons) and refuses a concurrent change: the caller names the story it saw the
version in, and a version moved meanwhile is a 409, nothing overwritten.
"""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from flask.testing import FlaskClient

from tests.web.conftest import Api
from tests.web.test_workflow import form_token
from workbench.cli import main
from workbench.config import Settings
from workbench.errors import ConflictError, InputError
from workbench.services.browse import list_versions
from workbench.services.ingest_files import ingest_sample_corpus
from workbench.services.stories import set_wire
from workbench.web import create_app

STORY = "harbour-bridge-closure"


@pytest.fixture
def client(settings: Settings) -> FlaskClient:
    return create_app(settings).test_client()


@pytest.fixture
def later(settings: Settings) -> int:
    ids = {r.filename: r.version_id for r in ingest_sample_corpus(settings)}
    return ids["northwire-v2.json"]


def _story_of(settings: Settings, version: int) -> str:
    (row,) = [v for v in list_versions(settings) if v["id"] == version]
    return str(row["article_slug"])


def test_service_moves_and_keeps_the_version(settings: Settings, later: int) -> None:
    from workbench.services.browse import version_detail as get_version
    from workbench.services.story_move import move_version

    before = get_version(settings, later)
    result = move_version(settings, later, "Harbour bridge, second closure", expected=STORY)
    assert result == {"version_id": later, "from": STORY,
                      "to": "harbour-bridge-second-closure", "created": True,
                      "removed": False}  # fmt: skip
    after = get_version(settings, later)
    assert after["article_slug"] == "harbour-bridge-second-closure"
    assert [s["id"] for s in after["segments"]] == [s["id"] for s in before["segments"]]
    assert later not in {v["id"] for v in list_versions(settings, STORY)}


def test_a_stale_move_is_refused(settings: Settings, later: int) -> None:
    from workbench.services.story_move import move_version

    move_version(settings, later, "other-story", expected=STORY)  # one tab
    with pytest.raises(ConflictError, match="other-story"):  # the other, which saw STORY
        move_version(settings, later, "third-story", expected=STORY)
    assert _story_of(settings, later) == "other-story"
    with pytest.raises(InputError):
        move_version(settings, later, "other-story")  # already there
    with pytest.raises(InputError):
        move_version(settings, later, "  ")


def test_moving_the_wire_copy_unmarks_it(settings: Settings, later: int) -> None:
    from workbench.services.story_move import move_version

    set_wire(settings, STORY, later)
    move_version(settings, later, "other-story")
    move_version(settings, later, STORY)  # back: it is not the wire copy any more
    from workbench.services.stories import story_view

    assert story_view(settings, STORY, compute=0)["wire_version_id"] is None


def test_cli_move(settings: Settings, later: int) -> None:
    base = ["--database-url", settings.database_url, "move"]
    runner = CliRunner()
    done = runner.invoke(main, [*base, str(later), "other-story", "--from", STORY])
    assert done.exit_code == 0, done.output
    assert f"version {later} moved from story {STORY} to other-story" in done.output
    stale = runner.invoke(main, [*base, str(later), "third-story", "--from", STORY])
    assert stale.exit_code == 4 and stale.output.startswith("Error: "), stale.output
    missing = runner.invoke(main, [*base, "999", "x"])
    assert missing.exit_code == 3, missing.output
    assert _story_of(settings, later) == "other-story"


def test_version_page_form_moves(client: FlaskClient, settings: Settings, later: int) -> None:
    page = client.get(f"/versions/{later}").get_data(as_text=True)
    form = re.search(r'<form[^>]*action="/versions/\d+/story".*?</form>', page, re.S)
    assert form, "no move form on the version page"
    fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', form.group(0)))
    assert fields["from"] == STORY
    fields.update(story="other-story", csrf_token=form_token(client, f"/versions/{later}"))
    response = client.post(f"/versions/{later}/story", data=fields, follow_redirects=True)
    assert response.status_code == 200
    assert "other-story" in response.get_data(as_text=True)
    assert _story_of(settings, later) == "other-story"
    again = client.post(f"/versions/{later}/story", data={**fields, "story": "third"},
                        follow_redirects=True)  # fmt: skip
    assert "moved meanwhile" in again.get_data(as_text=True)
    assert _story_of(settings, later) == "other-story"


def test_api_twin(client: FlaskClient, settings: Settings, later: int) -> None:
    api = Api(client)
    done = api.post(f"/api/versions/{later}/story", json={"story": "other-story", "from": STORY})
    assert done.status_code == 200, done.get_json()
    assert done.get_json()["to"] == "other-story"
    stale = api.post(f"/api/versions/{later}/story", json={"story": "third", "from": STORY})
    assert stale.status_code == 409 and stale.get_json()["ok"] is False
    assert _story_of(settings, later) == "other-story"


def test_a_story_left_empty_goes(settings: Settings, later: int) -> None:
    """A story a move leaves without versions is removed: it holds nothing, and the home
    page listed it as an empty section with a translate form."""
    from workbench.services.browse import list_articles
    from workbench.services.story_move import move_version

    assert move_version(settings, later, "solo")["removed"] is False
    done = move_version(settings, later, STORY, expected="solo")
    assert done["removed"] is True
    assert "solo" not in {a["slug"] for a in list_articles(settings)}
