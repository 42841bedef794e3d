"""web38's leftovers on the story desk (round 38, webb38).

web38 noticed and left alone: the merge search's titles carry no ``lang`` (a Ukrainian
headline read in an English voice); the merge form offered where there is no other story;
no ``--find`` in the CLI and no ``last_merge`` in the JSON twin; the undo's recreated
story titled by its first version's headline; the undo button offered when a new story
has since taken the old slug (then refused).  Each is pinned here, CLI and web alike.
"""

from __future__ import annotations

from unittest.mock import ANY

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


def _slug_retaken(settings: Settings) -> dict[str, int]:
    """UK merged into DEMO, then a new story takes the slug UK (another capture moved there)."""
    from workbench.services.story_merge import merge_stories

    ids = _two_stories(settings)
    merge_stories(settings, UK, DEMO)
    move_version(settings, ids["northwire-v1.txt"], UK)
    return ids


def test_no_undo_button_when_the_old_slug_was_taken_again(settings: Settings) -> None:
    from workbench.services.story_split import last_merge

    ids = _slug_retaken(settings)
    uk = ids["visnyk-uk.txt"]
    assert last_merge(settings, DEMO) == {"from": UK, "versions": [uk], "slug_taken": True,
                                          "title": ANY,  # its title: the test below
                                          "came_back": []}
    client: FlaskClient = create_app(settings).test_client()
    page = client.get(f"/stories/{DEMO}?compute=0").get_data(as_text=True)
    assert 'class="inline undo-merge"' not in page
    assert (f"A new story has taken the name {UK} since this merge, so it cannot be undone "
            f"into it: split #{uk} out into a story with another name.") in page


def test_cli_undo_into_a_retaken_slug_says_what_to_do(settings: Settings) -> None:
    from click.testing import CliRunner

    from workbench.cli import main

    ids = _slug_retaken(settings)
    uk = ids["visnyk-uk.txt"]
    result = CliRunner().invoke(main, ["--database-url", settings.database_url, "story", DEMO,
                                       "--undo-merge"])  # fmt: skip
    assert result.exit_code == 2, result.output
    assert (f"a new story has taken the name '{UK}' since the merge; split its versions "
            f"out into a story with another name (versions: {uk}); nothing was split"
            ) in result.output


def _cli(settings: Settings, *args: str) -> tuple[int, str]:
    from click.testing import CliRunner

    from workbench.cli import main

    result = CliRunner().invoke(main, ["--database-url", settings.database_url, "story", *args])
    return result.exit_code, result.output


def test_cli_find_lists_what_the_page_finds(settings: Settings) -> None:
    import json

    _two_stories(settings)
    code, out = _cli(settings, DEMO, "--find", "VISNYK")
    assert code == 0, out
    assert out.splitlines()[0] == "Stories matching 'VISNYK': 1 (merge into one with --merge-into)"
    assert out.splitlines()[1].split()[0] == UK and "(uk)" in out
    code, out = _cli(settings, DEMO, "--find", "VISNYK", "--json", "--no-compute")
    client: FlaskClient = create_app(settings).test_client()
    twin = client.get(f"/api/stories/{DEMO}?compute=0&find=VISNYK").get_json()
    assert code == 0 and json.loads(out) == twin and twin["merge_find"]["total"] == 1
    code, out = _cli(settings, DEMO, "--find", "zzz")
    assert code == 0 and out == "No story matches 'zzz'.\n"
    code, out = _cli(settings, DEMO, "--find", "x" * 201)
    assert code == 2, out


def test_the_json_says_what_the_undo_button_offers(settings: Settings) -> None:
    import json

    from workbench.services.story_merge import merge_stories

    ids = _two_stories(settings)
    client: FlaskClient = create_app(settings).test_client()
    assert client.get(f"/api/stories/{DEMO}?compute=0").get_json()["story"]["last_merge"] is None
    merge_stories(settings, UK, DEMO)
    offered = {"from": UK, "versions": [ids["visnyk-uk.txt"]], "slug_taken": False,
               "title": ANY, "came_back": []}  # fmt: skip
    twin = client.get(f"/api/stories/{DEMO}?compute=0").get_json()
    assert twin["story"]["last_merge"] == offered
    code, out = _cli(settings, DEMO, "--json", "--no-compute")
    assert code == 0 and json.loads(out) == twin
    page = client.get(f"/stories/{DEMO}?compute=0").get_data(as_text=True)
    assert 'class="inline undo-merge"' in page


def test_an_undo_gives_the_story_back_its_own_title(settings: Settings) -> None:
    from sqlmodel import Session, select

    from workbench.services.story_merge import merge_stories
    from workbench.services.story_split import undo_last_merge
    from workbench.store.db import get_engine
    from workbench.store.models import Article

    ids = _two_stories(settings)
    title = "Вісник: міст закрито"  # the story's own title, not its capture's headline
    with Session(get_engine(settings.database_url)) as session:
        story = session.exec(select(Article).where(Article.slug == UK)).one()
        assert story.title != title
        story.title = title
        session.add(story)
        session.commit()
    merge_stories(settings, UK, DEMO)
    offered = {"from": UK, "versions": [ids["visnyk-uk.txt"]], "slug_taken": False,
               "title": title, "came_back": []}  # fmt: skip
    client: FlaskClient = create_app(settings).test_client()
    assert client.get(f"/api/stories/{DEMO}?compute=0").get_json()["story"]["last_merge"] == offered
    undo_last_merge(settings, DEMO)
    with Session(get_engine(settings.database_url)) as session:
        assert session.exec(select(Article.title).where(Article.slug == UK)).one() == title


def test_a_merge_logged_before_0012_undoes_with_the_headline(settings: Settings) -> None:
    from sqlalchemy import update
    from sqlmodel import Session, select

    from workbench.services.story_merge import merge_stories
    from workbench.services.story_split import last_merge, undo_last_merge
    from workbench.store.db import get_engine
    from workbench.store.models import Article, Version
    from workbench.store.story_models import StoryMove

    ids = _two_stories(settings)
    merge_stories(settings, UK, DEMO)
    with Session(get_engine(settings.database_url)) as session:
        session.exec(update(StoryMove).values(from_title=None))  # type: ignore[call-overload]
        session.commit()
        headline = session.get(Version, ids["visnyk-uk.txt"]).title  # type: ignore[union-attr]
    merge = last_merge(settings, DEMO)
    assert merge is not None and merge["title"] is None
    undo_last_merge(settings, DEMO)
    with Session(get_engine(settings.database_url)) as session:
        assert session.exec(select(Article.title).where(Article.slug == UK)).one() == headline
