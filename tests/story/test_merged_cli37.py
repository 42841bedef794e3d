"""``workbench story OLD`` for a story merged away (round 37, webd37).

webc37 made the page's address follow the move log (303 to the story it joined; the twin a
404 with ``merged_into``), but the CLI still said only "no article with slug 'OLD'" (exit 3),
so a journalist with the old name in a note had to read the move log of every story to find
it.  Now the error says where it went, from the same rule (``story_merge.merged_into``):
same exit code (3, not found), ``--json`` prints nothing on stdout (the error shape of every
command: ``Error:`` on stderr).  A slug that never existed, or one emptied by single moves,
keeps the plain message.
"""

from __future__ import annotations

from click.testing import CliRunner

from workbench.cli import main
from workbench.config import Settings
from workbench.services.ingest_files import ingest_sample_corpus
from workbench.services.story_merge import merge_stories
from workbench.services.story_move import move_version

STORY, OTHER = "harbour-bridge-closure", "bridge-shut-after-storm"


def _merged(settings: Settings) -> None:
    ids = {r.filename: r.version_id for r in ingest_sample_corpus(settings)}
    move_version(settings, ids["abendpost-de.html"], OTHER)
    move_version(settings, ids["visnyk-uk.txt"], OTHER)
    merge_stories(settings, OTHER, STORY)


def _story(settings: Settings, *args: str) -> object:
    return CliRunner().invoke(main, ["--database-url", settings.database_url, "story", *args])


def test_the_cli_says_where_a_merged_story_went(settings: Settings) -> None:
    _merged(settings)
    merge = ["--merge-into", "elsewhere"]  # nothing merged: the old name is not followed
    for extra in ([], ["--json"], ["--no-compute"], ["--mark-wire", "1"], merge):
        done = _story(settings, OTHER, *extra)
        assert done.exit_code == 3, (extra, done.output)
        assert done.stdout == "", extra
        assert (f"Error: story '{OTHER}' was merged into '{STORY}'; see workbench story {STORY}"
                in done.stderr), (extra, done.stderr)  # fmt: skip


def test_a_slug_that_never_existed_keeps_the_plain_message(settings: Settings) -> None:
    ingest_sample_corpus(settings)
    done = _story(settings, "never-was")
    assert done.exit_code == 3 and "no article with slug 'never-was'" in done.stderr
    assert "merged into" not in done.stderr
