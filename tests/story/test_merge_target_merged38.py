"""A merge whose target was itself merged away names where it went (round 38, web38).

webd37 left it: the merge form's list is read when the page is shown, so its target may
be merged away before the journalist clicks; the merge then said "no article with slug
'INTO'", though the move log knows where INTO went.  Refused, not re-aimed (the target was
chosen as INTO, not as the story INTO joined), and the answer names the final story of
the chain: the CLI (exit 3), the form's notice and the twin (404, ``merged_into``) the same.
"""

from __future__ import annotations

from click.testing import CliRunner
from flask.testing import FlaskClient

from tests.web.conftest import Api
from tests.web.test_workflow import form_token
from workbench.cli import main
from workbench.config import Settings
from workbench.services.browse import list_versions
from workbench.services.ingest_files import ingest_sample_corpus
from workbench.services.story_merge import merge_stories
from workbench.services.story_move import move_version
from workbench.web import create_app

STORY, OTHER, THIRD, FOURTH = ("harbour-bridge-closure", "bridge-shut-after-storm",
                               "third-story", "fourth-story")  # fmt: skip
SAID = (f"story '{FOURTH}' was merged into '{STORY}'; merge into '{STORY}' instead; "
        "nothing was merged")


def _chain(settings: Settings) -> dict[str, int]:
    """OTHER holds the German copy; FOURTH was merged into THIRD, THIRD into STORY."""
    ids = {r.filename: r.version_id for r in ingest_sample_corpus(settings)}
    move_version(settings, ids["abendpost-de.html"], OTHER)
    move_version(settings, ids["visnyk-uk.txt"], FOURTH)
    move_version(settings, ids["northwire-v2.json"], THIRD)
    merge_stories(settings, FOURTH, THIRD)
    merge_stories(settings, THIRD, STORY)
    return ids


def _in(settings: Settings, slug: str) -> list[int]:
    return sorted(v["id"] for v in list_versions(settings, slug))


def test_the_service_names_the_end_of_the_chain(settings: Settings) -> None:
    from workbench.errors import NotFoundError

    ids = _chain(settings)
    try:
        merge_stories(settings, OTHER, FOURTH)
    except NotFoundError as exc:
        assert exc.message == SAID
        assert exc.details == {"merged_into": STORY}  # type: ignore[attr-defined]
    else:
        raise AssertionError("merged into a story that is gone")
    assert _in(settings, OTHER) == [ids["abendpost-de.html"]]


def test_into_the_story_it_was_merged_into_already(settings: Settings) -> None:
    from workbench.errors import InputError

    _chain(settings)
    try:
        merge_stories(settings, STORY, THIRD)
    except InputError as exc:
        assert exc.message == (f"story '{THIRD}' was merged into this story, '{STORY}', "
                               "already; nothing was merged")  # fmt: skip
    else:
        raise AssertionError("refusal expected")


def test_the_cli_says_the_same(settings: Settings) -> None:
    _chain(settings)
    result = CliRunner().invoke(main, ["--database-url", settings.database_url, "story", OTHER,
                                         "--merge-into", FOURTH])
    assert result.exit_code == 3, result.output
    assert SAID in result.output
    assert "no article with slug" not in result.output


def test_the_form_and_the_twin_say_the_same(settings: Settings) -> None:
    ids = _chain(settings)
    client: FlaskClient = create_app(settings).test_client()
    token = form_token(client, f"/stories/{OTHER}?compute=0")
    answer = client.post(f"/stories/{OTHER}/merge",
                         data={"csrf_token": token, "into": FOURTH,
                               "versions": str(ids["abendpost-de.html"])})  # fmt: skip
    assert answer.headers["Location"].split("?")[0].endswith(f"/stories/{OTHER}")
    text = client.get(answer.headers["Location"]).get_data(as_text=True)
    assert SAID.replace("'", "&#39;") in text and "no article with slug" not in text
    twin = Api(client).post(f"/api/stories/{OTHER}/merge", json={"into": FOURTH})
    assert twin.status_code == 404
    data = twin.get_json()
    assert data["ok"] is False and data["error"] == SAID and data["merged_into"] == STORY
    german = client.get(f"/stories/{OTHER}?compute=0&lang=de")
    assert german.status_code == 200
    assert _in(settings, OTHER) == [ids["abendpost-de.html"]]


def test_the_notice_in_german(settings: Settings) -> None:
    ids = _chain(settings)
    client: FlaskClient = create_app(settings).test_client()
    token = form_token(client, f"/stories/{OTHER}?compute=0&lang=de")
    answer = client.post(f"/stories/{OTHER}/merge",
                         data={"csrf_token": token, "into": FOURTH,
                               "versions": str(ids["abendpost-de.html"])})  # fmt: skip
    text = client.get(answer.headers["Location"]).get_data(as_text=True)
    said = (f"die Geschichte &#39;{FOURTH}&#39; wurde mit &#39;{STORY}&#39; zusammengeführt; "
            f"führen Sie sie stattdessen mit &#39;{STORY}&#39; zusammen")
    assert said in text and "no article" not in text
