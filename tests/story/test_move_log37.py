"""Every move of a version between stories is logged and shown (round 37, web37).

At START a move left no trace: the version simply sat in its new story, and nothing said
that it had been moved, from where, or when (webb36 left it alone: a log needs a table).
Each move is now a row of ``story_move`` (migration 0009): the version, the story it left
and the one it joined (slugs as they were: a story a move emptied is removed), when, and by
whom (an account's name; "" for the local user and the CLI).  The story page lists the
moves into and out of the story; its twin carries them as ``moves`` (ISO 8601 ``Z``).
"""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from flask.testing import FlaskClient
from sqlalchemy import inspect, text

from workbench.cli import main
from workbench.config import Settings
from workbench.errors import ConflictError
from workbench.services.ingest_files import ingest_sample_corpus
from workbench.services.story_move import move_version
from workbench.store.db import dispose_engines, get_engine
from workbench.store.migrate import downgrade, upgrade
from workbench.web import create_app

STORY = "harbour-bridge-closure"
ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")


@pytest.fixture
def client(settings: Settings) -> FlaskClient:
    return create_app(settings).test_client()


@pytest.fixture
def ids(settings: Settings) -> dict[str, int]:
    return {r.filename: r.version_id for r in ingest_sample_corpus(settings)}


def _moves(client: FlaskClient, slug: str) -> list[dict]:
    body = client.get(f"/api/stories/{slug}?compute=0")
    assert body.status_code == 200, body.get_data(as_text=True)
    return list(body.get_json()["story"]["moves"])


def test_a_move_is_logged_on_both_stories(settings: Settings, client: FlaskClient,
                                          ids: dict[str, int]) -> None:  # fmt: skip
    later = ids["northwire-v2.json"]
    assert _moves(client, STORY) == []
    move_version(settings, later, "Bridge, second closure", expected=STORY)
    (entry,) = _moves(client, "bridge-second-closure")
    assert (entry["version_id"], entry["from"], entry["to"]) == (
        later, STORY, "bridge-second-closure")  # fmt: skip
    assert ISO.match(entry["moved_at"]) and entry["by"] == "" and entry["kind"] == "move"
    assert _moves(client, STORY) == [entry]  # the story it left says where it went
    page = client.get(f"/stories/{STORY}?compute=0").get_data(as_text=True)
    assert 'id="moves"' in page and f"#{later}" in page and "bridge-second-closure" in page
    there = client.get("/stories/bridge-second-closure?compute=0").get_data(as_text=True)
    assert f'href="/stories/{STORY}"' in there  # where it came from, a link


def test_moves_come_newest_first_and_a_refused_move_logs_nothing(
    settings: Settings, client: FlaskClient, ids: dict[str, int]
) -> None:
    later, german = ids["northwire-v2.json"], ids["abendpost-de.html"]
    move_version(settings, later, "elsewhere", expected=STORY)
    with pytest.raises(ConflictError):
        move_version(settings, later, "third", expected=STORY)  # stale: nothing moved
    move_version(settings, german, "elsewhere")
    move_version(settings, later, STORY, expected="elsewhere")
    log = _moves(client, "elsewhere")
    assert [(m["version_id"], m["from"], m["to"]) for m in log] == [
        (later, "elsewhere", STORY), (german, STORY, "elsewhere"), (later, STORY, "elsewhere")]
    assert all("third" not in (m["from"], m["to"]) for m in log)


def test_the_cli_move_is_logged_and_the_story_json_carries_it(settings: Settings,
                                                              ids: dict[str, int]) -> None:
    later = ids["northwire-v2.json"]
    runner = CliRunner()
    base = ["--database-url", settings.database_url]
    assert runner.invoke(main, [*base, "move", str(later), "other"]).exit_code == 0
    shown = runner.invoke(main, [*base, "story", "other", "--json", "--no-compute"])
    assert shown.exit_code == 0, shown.output
    (entry,) = json.loads(shown.output)["story"]["moves"]
    assert entry["from"] == STORY and entry["to"] == "other"
    plain = runner.invoke(main, [*base, "story", STORY, "--no-compute"])
    assert f"version {later} moved to other" in plain.output, plain.output


def test_migration_0009_adds_and_drops_the_log(settings: Settings) -> None:
    url = settings.database_url
    downgrade(url, "0008")
    dispose_engines()
    assert "story_move" not in inspect(get_engine(url)).get_table_names()
    upgrade(url)
    dispose_engines()
    assert "story_move" in inspect(get_engine(url)).get_table_names()
    with get_engine(url).connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM story_move")).scalar() == 0
