"""``workbench story SLUG --undo-merge`` run twice does not undo an older merge unasked
(reliabb39).

Why: the page's "Undo this merge" posts the versions it showed, so a second click (or a
stale tab) is a 409; the CLI without ``--expect-versions`` undid the newest merge *still
present*, so the same command run again (the shell's history, a script run twice, a retry
after a dropped connection that had in fact gone through) went on to split out an older,
correct merge.  An undo is refused (exit 4, nothing changed) when the newest move of the
story is an undone merge; the refusal names the merge it would undo and the
``--expect-versions`` that undoes it on purpose (the ids the story holds now, as
``workbench story SLUG`` lists them).
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tests.story.test_split38 import STORY, _in
from workbench.cli import main
from workbench.config import Settings
from workbench.services.ingest_files import ingest_sample_corpus
from workbench.services.story_merge import merge_stories
from workbench.services.story_move import move_version

OLDER, NEWER = "bridge-shut-after-storm", "visnyk-bridge"


@pytest.fixture
def twice(settings: Settings) -> dict[str, int]:
    """OLDER (the German copy) merged into STORY, then NEWER (the Ukrainian)."""
    ids = {r.filename: r.version_id for r in ingest_sample_corpus(settings)}
    move_version(settings, ids["abendpost-de.html"], OLDER)
    move_version(settings, ids["visnyk-uk.txt"], NEWER)
    merge_stories(settings, OLDER, STORY)
    merge_stories(settings, NEWER, STORY)
    return ids


def _undo(settings: Settings, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--database-url", settings.database_url, "story", STORY,
                                       "--undo-merge", *extra])  # fmt: skip
    return result.exit_code, result.output


def test_a_second_undo_is_refused_saying_how_to_undo_the_older_one(
    settings: Settings, twice: dict[str, int]
) -> None:
    german, uk = twice["abendpost-de.html"], twice["visnyk-uk.txt"]
    code, out = _undo(settings)
    assert code == 0 and f"into {NEWER}" in out, out
    held = _in(settings, STORY)
    code, out = _undo(settings)
    assert code == 4, out
    assert (f"the newest merge into story '{STORY}' was undone already (back into "
            f"'{NEWER}'); to undo the one before it too (versions {german} back into "
            f"'{OLDER}'), repeat with --expect-versions {','.join(map(str, held))}; nothing "
            "was split") in " ".join(out.split()), out  # fmt: skip
    assert _in(settings, STORY) == held  # nothing moved
    code, out = _undo(settings, "--expect-versions", ",".join(map(str, held)))
    assert code == 0 and f"version {german} split out of story {STORY} into {OLDER}" in out, out
    assert uk not in _in(settings, STORY)


def test_an_undo_after_a_new_merge_needs_nothing_more(settings: Settings,
                                                      twice: dict[str, int]) -> None:
    """The refusal is for an undo right after an undo: a merge since is the newest again."""
    assert _undo(settings)[0] == 0
    merge_stories(settings, NEWER, STORY)
    code, out = _undo(settings)
    assert code == 0 and f"into {NEWER}" in out, out
