"""Two stories a journalist finds are one are merged (round 37, web37).

At START there was no way to fold one story into another (the same wire story ingested
under two headlines): only moving its versions one by one.  ``services.story_merge`` moves
every version of the story into the other in one transaction: each keeps its id, segments,
translations and comparisons; each move is logged (kind ``merge``); the emptied story is
removed.  A merge into itself is refused (422), and so is a merge whose story changed since
the caller saw it (a capture filed into it or moved out meanwhile): a 409, nothing merged.
Entrances: ``workbench story SLUG --merge-into OTHER``, the story page's form and its twin
``POST /api/stories/<slug>/merge``.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from flask.testing import FlaskClient
from sqlmodel import Session, func, select

from tests.web.conftest import Api
from tests.web.test_workflow import form_token
from workbench.cli import main
from workbench.config import Settings
from workbench.errors import ConflictError, InputError, NotFoundError
from workbench.services.browse import list_versions
from workbench.services.compare import compare_versions
from workbench.services.ingest_files import ingest_sample_corpus
from workbench.services.stories import set_wire, story_view
from workbench.services.story_move import move_version
from workbench.store.db import get_engine
from workbench.store.models import Alignment, Segment, Translation
from workbench.web import create_app

STORY, OTHER = "harbour-bridge-closure", "bridge-shut-after-storm"


@pytest.fixture
def two(settings: Settings) -> dict[str, int]:
    """The demo story split in two, as two headlines would have filed it."""
    ids = {r.filename: r.version_id for r in ingest_sample_corpus(settings)}
    for name in ("abendpost-de.html", "visnyk-uk.txt"):
        move_version(settings, ids[name], OTHER)
    return ids


@pytest.fixture
def client(settings: Settings) -> FlaskClient:
    return create_app(settings).test_client()


def _in(settings: Settings, slug: str) -> list[int]:
    return sorted(v["id"] for v in list_versions(settings, slug))


def _translate_one(settings: Settings, version: int) -> int:
    with Session(get_engine(settings.database_url)) as session:
        seg = session.exec(select(Segment).where(Segment.version_id == version)).first()
        assert seg is not None and seg.id is not None
        session.add(Translation(segment_id=seg.id, target_lang="en", text="Storm shuts bridge",
                                status="approved", revision=3))  # fmt: skip
        session.commit()
        return seg.id


def _counts(settings: Settings) -> tuple[int, int]:
    with Session(get_engine(settings.database_url)) as session:
        return (session.exec(select(func.count()).select_from(Translation)).one(),
                session.exec(select(func.count()).select_from(Alignment)).one())  # fmt: skip


def test_merge_keeps_every_version_translation_and_comparison(settings: Settings,
                                                              two: dict[str, int]) -> None:
    from workbench.services.story_merge import merge_stories

    german, uk = two["abendpost-de.html"], two["visnyk-uk.txt"]
    seg = _translate_one(settings, german)
    compare_versions(settings, german, uk)
    set_wire(settings, OTHER, german)
    before, counts = _in(settings, STORY) + _in(settings, OTHER), _counts(settings)
    done = merge_stories(settings, OTHER, STORY, expected=[german, uk])
    assert done["from"] == OTHER and done["into"] == STORY and done["versions"] == [german, uk]
    assert _in(settings, STORY) == sorted(before) and _counts(settings) == counts
    assert OTHER not in {v["article_slug"] for v in list_versions(settings)}
    with Session(get_engine(settings.database_url)) as session:
        kept = session.exec(select(Translation).where(Translation.segment_id == seg)).one()
        assert (kept.text, kept.revision, kept.status) == ("Storm shuts bridge", 3, "approved")
    story = story_view(settings, STORY, compute=0)
    assert story["wire_version_id"] == german  # the story had none: the merged one's kept
    merged = [m for m in story["moves"] if m["kind"] == "merge"]
    assert sorted(m["version_id"] for m in merged) == [german, uk]
    assert all(m["from"] == OTHER and m["to"] == STORY for m in merged)


def test_merge_refuses_itself_a_missing_story_and_a_changed_one(settings: Settings,
                                                                 two: dict[str, int]) -> None:
    from workbench.services.story_merge import merge_stories

    german, uk = two["abendpost-de.html"], two["visnyk-uk.txt"]
    with pytest.raises(InputError, match="into itself"):
        merge_stories(settings, OTHER, OTHER)
    with pytest.raises(NotFoundError):
        merge_stories(settings, OTHER, "no-such-story")
    with pytest.raises(ConflictError, match="changed"):
        merge_stories(settings, OTHER, STORY, expected=[german])  # uk filed there meanwhile
    assert _in(settings, OTHER) == sorted([german, uk])  # nothing merged
    move_version(settings, uk, STORY)  # another tab moves one out
    with pytest.raises(ConflictError):
        merge_stories(settings, OTHER, STORY, expected=[german, uk])
    assert _in(settings, OTHER) == [german]


def test_web_form_twin_and_cli(settings: Settings, client: FlaskClient,
                               two: dict[str, int]) -> None:  # fmt: skip
    german, uk = two["abendpost-de.html"], two["visnyk-uk.txt"]
    page = client.get(f"/stories/{OTHER}?compute=0").get_data(as_text=True)
    assert f'action="/stories/{OTHER}/merge"' in page
    api = Api(client)
    stale = api.post(f"/api/stories/{OTHER}/merge", json={"into": STORY, "versions": [german]})
    assert stale.status_code == 409 and stale.get_json()["ok"] is False
    self_merge = api.post(f"/api/stories/{OTHER}/merge", json={"into": OTHER})
    assert self_merge.status_code == 422
    token = form_token(client, f"/stories/{OTHER}?compute=0")
    done = client.post(f"/stories/{OTHER}/merge", data={
        "csrf_token": token, "into": STORY, "versions": f"{german},{uk}"})
    assert done.status_code == 302 and done.headers["Location"].endswith(f"/stories/{STORY}")
    assert set(_in(settings, STORY)) >= {german, uk}
    after = client.get(f"/stories/{STORY}?compute=0").get_data(as_text=True)
    assert "Merged story" in after and OTHER in after
    runner = CliRunner()
    base = ["--database-url", settings.database_url]
    move_version(settings, uk, "third")
    out = runner.invoke(main, [*base, "story", "third", "--merge-into", STORY])
    assert out.exit_code == 0, out.output
    assert f"story third merged into {STORY}: 1 version ({uk})" in out.output
    again = runner.invoke(main, [*base, "story", STORY, "--merge-into", STORY])
    assert again.exit_code == 2 and "into itself" in again.output
