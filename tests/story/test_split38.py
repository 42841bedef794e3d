"""A wrong merge is undone: versions split back out into a story of their own (round 38, web38).

At START a merge could not be undone: the merged-away story was removed, and the only way
back was moving its versions one by one into a new story, reading the move log to know
which.  ``services.story_split`` takes chosen versions out of a story into a new one in one
transaction, each keeping its id, segments, translations and comparisons, each logged
(kind ``split``); the wire copy goes with its version.  The story page offers it (tick the
versions, name the new story) and, in the move log, "Undo this merge" for the newest merge
into the story (its versions still here, back into the story they came from); the CLI
``workbench story SLUG --split-out IDS --into NAME`` and ``--undo-merge``.  A form from a
page shown before the story changed is refused (409, exit 4), as the merge's.
"""

from __future__ import annotations

from unittest.mock import ANY

import pytest
from click.testing import CliRunner
from flask.testing import FlaskClient
from sqlmodel import Session, func, select

from tests.web.conftest import Api
from tests.web.test_workflow import form_token
from workbench.cli import main
from workbench.config import Settings
from workbench.errors import ConflictError, InputError
from workbench.services.browse import list_versions
from workbench.services.compare import compare_versions
from workbench.services.ingest_files import ingest_sample_corpus
from workbench.services.stories import set_wire, story_view
from workbench.services.story_merge import merge_stories
from workbench.services.story_move import move_version
from workbench.store.db import get_engine
from workbench.store.models import Alignment, Article, Segment, Translation
from workbench.web import create_app

STORY, OTHER = "harbour-bridge-closure", "bridge-shut-after-storm"


@pytest.fixture
def merged(settings: Settings) -> dict[str, int]:
    """OTHER (the German and Ukrainian copies, the German its wire copy, one translation,
    one comparison) merged into STORY by mistake."""
    ids = {r.filename: r.version_id for r in ingest_sample_corpus(settings)}
    german, uk = ids["abendpost-de.html"], ids["visnyk-uk.txt"]
    for vid in (german, uk):
        move_version(settings, vid, OTHER)
    with Session(get_engine(settings.database_url)) as session:
        seg = session.exec(select(Segment).where(Segment.version_id == german)).first()
        assert seg is not None and seg.id is not None
        session.add(Translation(segment_id=seg.id, target_lang="en", text="Storm shuts bridge",
                                status="approved", revision=3))  # fmt: skip
        session.commit()
    compare_versions(settings, german, uk)
    set_wire(settings, OTHER, german)
    merge_stories(settings, OTHER, STORY)
    return ids


def _in(settings: Settings, slug: str) -> list[int]:
    return sorted(v["id"] for v in list_versions(settings, slug))


def _counts(settings: Settings) -> tuple[int, int]:
    with Session(get_engine(settings.database_url)) as session:
        return (session.exec(select(func.count()).select_from(Translation)).one(),
                session.exec(select(func.count()).select_from(Alignment)).one())  # fmt: skip


def _wire(settings: Settings, slug: str) -> int | None:
    with Session(get_engine(settings.database_url)) as session:
        return session.exec(select(Article).where(Article.slug == slug)).one().wire_version_id


def test_split_keeps_everything_and_logs_it(settings: Settings, merged: dict[str, int]) -> None:
    from workbench.services.story_split import split_story

    german, uk = merged["abendpost-de.html"], merged["visnyk-uk.txt"]
    counts, everything = _counts(settings), _in(settings, STORY)
    done = split_story(settings, STORY, [uk, german], OTHER, expected=everything)
    assert done == {"from": STORY, "into": OTHER, "versions": [german, uk], "created": True,
                    "wire_version_id": german}  # fmt: skip
    assert _in(settings, OTHER) == [german, uk]
    assert _in(settings, STORY) == sorted(set(everything) - {german, uk})
    assert _counts(settings) == counts
    assert _wire(settings, STORY) is None and _wire(settings, OTHER) == german
    moves = story_view(settings, OTHER, compute=0)["moves"]
    assert [(m["kind"], m["from"], m["to"]) for m in moves[:2]] == [("split", STORY, OTHER)] * 2
    assert client_get_ok(settings, f"/stories/{OTHER}?compute=0")  # its address is its own


def client_get_ok(settings: Settings, url: str) -> bool:
    return create_app(settings).test_client().get(url).status_code == 200


def test_the_last_merge_is_read_from_the_log(settings: Settings, merged: dict[str, int]) -> None:
    from workbench.services.story_split import last_merge

    german, uk = merged["abendpost-de.html"], merged["visnyk-uk.txt"]
    assert last_merge(settings, STORY) == {"from": OTHER, "versions": [german, uk],
                                             "slug_taken": False, "title": ANY,
                                             "came_back": []}
    move_version(settings, uk, "elsewhere")  # left since: not offered back
    assert last_merge(settings, STORY) == {"from": OTHER, "versions": [german],
                                           "slug_taken": False, "title": ANY,
                                           "came_back": []}
    assert last_merge(settings, "elsewhere") is None


def test_refusals_change_nothing(settings: Settings, merged: dict[str, int]) -> None:
    from workbench.services.story_split import split_story

    german, uk = merged["abendpost-de.html"], merged["visnyk-uk.txt"]
    everything = _in(settings, STORY)
    with pytest.raises(ConflictError, match="changed meanwhile"):
        split_story(settings, STORY, [german], OTHER, expected=[german, uk])
    with pytest.raises(InputError, match="at least one version"):
        split_story(settings, STORY, everything, OTHER, expected=everything)
    with pytest.raises(InputError, match=f"the versions are in story '{STORY}' already"):
        split_story(settings, STORY, [german], STORY, expected=everything)
    move_version(settings, uk, "taken")
    with pytest.raises(ConflictError, match="not in story"):
        split_story(settings, STORY, [uk], OTHER)
    with pytest.raises(InputError, match="name the new story"):
        split_story(settings, STORY, [german], " ")
    assert _in(settings, STORY) == sorted(set(everything) - {uk})


def test_the_page_offers_the_undo_and_the_form_splits(settings: Settings,
                                                      merged: dict[str, int]) -> None:
    german, uk = merged["abendpost-de.html"], merged["visnyk-uk.txt"]
    client: FlaskClient = create_app(settings).test_client()
    page = client.get(f"/stories/{STORY}?compute=0").get_data(as_text=True)
    assert f'action="/stories/{STORY}/split"' in page
    assert "Undo this merge" in page and f'name="take" value="{german}"' in page
    token = form_token(client, f"/stories/{STORY}?compute=0")
    seen = ",".join(map(str, _in(settings, STORY)))
    answer = client.post(f"/stories/{STORY}/split",
                         data={"csrf_token": token, "take": [str(german), str(uk)],
                               "into": OTHER, "versions": seen})  # fmt: skip
    assert answer.headers["Location"].endswith(f"/stories/{OTHER}")
    said = client.get(answer.headers["Location"]).get_data(as_text=True)
    assert f"Split out of story {STORY} into this one: #{german}, #{uk}." in said
    stale = client.post(f"/stories/{STORY}/split",
                        data={"csrf_token": token, "take": [str(german)], "into": "again",
                              "versions": seen})  # fmt: skip
    assert stale.headers["Location"].split("?")[0].endswith(f"/stories/{STORY}")
    assert _in(settings, OTHER) == [german, uk]


def test_the_twin(settings: Settings, merged: dict[str, int]) -> None:
    german = merged["abendpost-de.html"]
    api = Api(create_app(settings).test_client())
    seen = _in(settings, STORY)
    answer = api.post(f"/api/stories/{STORY}/split",
                      json={"take": [german], "into": "Die Abendpost", "versions": seen})
    assert answer.status_code == 200
    data = answer.get_json()
    assert data["ok"] is True and data["into"] == "die-abendpost" and data["versions"] == [german]
    stale = api.post(f"/api/stories/{STORY}/split",
                     json={"take": [merged["visnyk-uk.txt"]], "into": "x", "versions": seen})
    assert stale.status_code == 409 and stale.get_json()["ok"] is False


def test_the_cli_undoes_the_last_merge(settings: Settings, merged: dict[str, int]) -> None:
    german, uk = merged["abendpost-de.html"], merged["visnyk-uk.txt"]
    base = ["--database-url", settings.database_url, "story", STORY]
    done = CliRunner().invoke(main, [*base, "--undo-merge"])
    assert done.exit_code == 0, done.output
    assert done.output == (f"versions {german}, {uk} split out of story {STORY} into "
                           f"{OTHER} (a new story)\n")  # fmt: skip
    again = CliRunner().invoke(main, [*base, "--undo-merge"])
    assert again.exit_code == 2 and "no merge into story" in again.output
    split = CliRunner().invoke(main, [*base, "--split-out", str(german), "--into", "x",
                                      "--expect-versions", str(german)])  # fmt: skip
    assert split.exit_code == 4, split.output
    assert _in(settings, OTHER) == [german, uk]


def test_an_id_that_exists_nowhere_is_not_found(settings: Settings,
                                                merged: dict[str, int]) -> None:
    """reliabc38: a version id that exists in no story was "not in story (moved
    meanwhile?)", a 409 / exit 4 that sends the journalist to reload a page that will never
    hold it; it is not found (404 / exit 3).  One in another story stays a conflict."""
    from workbench.errors import NotFoundError
    from workbench.services.story_split import split_story

    german, uk = merged["abendpost-de.html"], merged["visnyk-uk.txt"]
    everything = _in(settings, STORY)
    with pytest.raises(NotFoundError, match="no version 99999; nothing was split"):
        split_story(settings, STORY, [german, 99999], OTHER, expected=everything)
    base = ["--database-url", settings.database_url, "story", STORY]
    cli = CliRunner().invoke(main, [*base, "--split-out", "99999", "--into", "x"])
    assert cli.exit_code == 3 and "no version 99999" in cli.output, cli.output
    api = Api(create_app(settings).test_client())
    answer = api.post(f"/api/stories/{STORY}/split",
                      json={"take": [99999], "into": "x", "versions": everything})
    assert answer.status_code == 404 and "no version 99999" in answer.get_json()["error"]
    client: FlaskClient = create_app(settings).test_client()
    token = form_token(client, f"/stories/{STORY}?compute=0")
    form = client.post(f"/stories/{STORY}/split", follow_redirects=True,
                       data={"csrf_token": token, "take": ["99999"], "into": "x",
                             "versions": ",".join(map(str, everything))})  # fmt: skip
    assert "no version 99999" in form.get_data(as_text=True)
    move_version(settings, uk, "taken")
    elsewhere = CliRunner().invoke(main, [*base, "--split-out", str(uk), "--into", "x"])
    assert elsewhere.exit_code == 4 and "not in story" in elsewhere.output, elsewhere.output
    assert _in(settings, STORY) == sorted(set(everything) - {uk})
