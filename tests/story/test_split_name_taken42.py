"""A split into a name another story has says which slug is taken and what to do (round 42).

Why: the refusal read "story 'x' exists; a split makes a new story (to join an existing one,
move the versions or merge)": the journalist had to guess a name that is free, and was not
told how to add the versions to the story named.  The service owns the words, so the page,
the twin and the CLI say the same: the slug taken, a free one (``slug-2``, ``slug-3``… as
ingest files a capture), and the ``workbench move`` that joins it instead; a split into the
story's own slug says the versions are there already.  One ``Error:`` line, exit 2 (422),
nothing moved, like the split's other input refusals.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from flask.testing import FlaskClient

from tests.story import test_split38
from tests.story.test_split38 import STORY, _in
from tests.web.conftest import Api
from tests.web.test_workflow import form_token
from workbench.cli import main
from workbench.config import Settings
from workbench.errors import InputError
from workbench.services.story_move import move_version
from workbench.services.story_split import split_story
from workbench.web import create_app

TAKEN = "taken"
split38_merged = test_split38.merged  # the fixture: STORY with OTHER merged in by mistake


@pytest.fixture
def story(settings: Settings, split38_merged: dict[str, int]) -> dict[str, object]:
    """STORY and a story TAKEN (one of STORY's versions moved there), and the id to split."""
    merged = split38_merged
    german = merged["abendpost-de.html"]
    rest = [v for v in _in(settings, STORY) if v not in (german, merged["visnyk-uk.txt"])]
    move_version(settings, rest[0], TAKEN)
    return {"take": german, "seen": _in(settings, STORY), "taken": _in(settings, TAKEN)}


def _words(taken: str, free: str, take: object) -> str:
    return (f"the name '{taken}' is taken by another story; a split makes a new story: name one "
            f"that is free, such as '{free}', or, to add version(s) {take} to '{taken}', move "
            f"each (`workbench move ID {taken} --from {STORY}`); nothing was split")  # fmt: skip


def test_the_service_names_the_slug_a_free_one_and_the_move(settings: Settings,
                                                            story: dict) -> None:
    for into in (TAKEN, "Taken", " TAKEN "):  # a name is read as its slug
        with pytest.raises(InputError) as refused:
            split_story(settings, STORY, [story["take"]], into, expected=story["seen"])
        assert refused.value.message == _words(TAKEN, "taken-2", story["take"])
    other = next(v for v in story["seen"] if v != story["take"])
    move_version(settings, other, "taken-2")  # the free one is the next free one
    seen = _in(settings, STORY)
    with pytest.raises(InputError, match="such as 'taken-3'"):
        split_story(settings, STORY, [story["take"]], TAKEN, expected=seen)
    assert _in(settings, STORY) == seen
    done = split_story(settings, STORY, [story["take"]], "taken-3", expected=seen)
    assert done["into"] == "taken-3" and done["versions"] == [story["take"]]


def test_its_own_slug_says_the_versions_are_there(settings: Settings, story: dict) -> None:
    with pytest.raises(InputError) as refused:
        split_story(settings, STORY, [story["take"]], STORY, expected=story["seen"])
    assert refused.value.message == (
        f"the versions are in story '{STORY}' already; a split makes a new story: name one "
        f"that is free, such as '{STORY}-2'; nothing was split")  # fmt: skip


def test_the_cli_says_it_in_one_error_line(settings: Settings, story: dict) -> None:
    base = ["--database-url", settings.database_url, "story", STORY]
    said = CliRunner().invoke(main, [*base, "--split-out", str(story["take"]), "--into", TAKEN])
    assert said.exit_code == 2, said.output
    assert said.output == f"Error: {_words(TAKEN, 'taken-2', story['take'])}\n"
    assert _in(settings, STORY) == story["seen"] and _in(settings, TAKEN) == story["taken"]


def test_the_page_and_the_twin_say_the_same(settings: Settings, story: dict) -> None:
    words = _words(TAKEN, "taken-2", story["take"])
    api = Api(create_app(settings).test_client())
    answer = api.post(f"/api/stories/{STORY}/split",
                      json={"take": [story["take"]], "into": TAKEN, "versions": story["seen"]})
    assert answer.status_code == 422 and answer.get_json()["error"] == words
    client: FlaskClient = create_app(settings).test_client()
    token = form_token(client, f"/stories/{STORY}?compute=0")
    form = client.post(f"/stories/{STORY}/split", follow_redirects=True,
                       data={"csrf_token": token, "take": [str(story["take"])], "into": TAKEN,
                             "versions": ",".join(map(str, story["seen"]))})  # fmt: skip
    page = form.get_data(as_text=True).replace("&#39;", "'")
    assert words in page
    assert _in(settings, STORY) == story["seen"] and _in(settings, TAKEN) == story["taken"]


def test_the_page_says_it_in_its_language(settings: Settings, story: dict) -> None:
    api = Api(create_app(settings).test_client())
    answer = api.post(f"/api/stories/{STORY}/split", headers={"Accept-Language": "de"},
                      json={"take": [story["take"]], "into": TAKEN, "versions": story["seen"]})
    error = answer.get_json()["error"]
    assert answer.status_code == 422 and error.startswith("den Namen 'taken' hat schon")
    assert "'taken-2'" in error and f"--from {STORY}" in error
