"""``--undo-merge --expect-versions`` after an undo whose versions came back by a move, while
the story the undo made still exists, says what happened (reliab41).

Why: round 40 named the versions that came back and the move that sends them back, but
only for a bare ``--undo-merge``.  With ``--expect-versions`` (the stale check that says
the undo is meant; the page's button posts the same) the refusal of the bare undo is
skipped, and the undo met the story the undo itself had made: "a new story has taken the
name 'visnyk-bridge' since the merge; split its versions out into a story with another
name" (exit 2).  No new story took it, and a split under another name is not what undoes
the merge.  Now the service owns one rule for the CLI and the page: ``last_merge`` carries
``came_back`` (the merge's versions an undo of that merge sent out and a move brought
back), the undo is refused as a conflict (exit 4, one ``Error:`` line) naming them and the
``workbench move`` that sends them back, and the page shows that instead of the "new
story" hint.  A story that really is new under the old name keeps the old words.
"""

from __future__ import annotations

from click.testing import CliRunner
from flask.testing import FlaskClient

from tests.story.test_split38 import _in
from tests.story.test_undo_twice39b import NEWER, STORY, _undo, twice  # noqa: F401
from workbench.cli import main
from workbench.config import Settings
from workbench.services.story_move import move_version
from workbench.services.story_split import last_merge, split_story
from workbench.web import create_app


def _moved_back(settings: Settings, ids: dict[str, int]) -> tuple[int, int]:
    """NEWER's merge undone, the English update moved into NEWER, the Ukrainian moved back."""
    uk, en = ids["visnyk-uk.txt"], ids["northwire-v2.json"]
    assert _undo(settings)[0] == 0  # the Ukrainian copy back into NEWER
    move_version(settings, en, NEWER)  # NEWER, the undo's story, holds a second version
    move_version(settings, uk, STORY)
    return uk, en


def test_the_stale_checked_undo_names_the_versions_that_came_back(
    settings: Settings,
    twice: dict[str, int],  # noqa: F811
) -> None:
    uk, en = _moved_back(settings, twice)
    held = _in(settings, STORY)
    code, out = _undo(settings, "--expect-versions", ",".join(map(str, held)))
    assert code == 4, out
    said = " ".join(out.split())
    assert "has taken the name" not in said, out
    assert said.startswith("Error: "), out
    assert (f"version(s) {uk} came back into story '{STORY}' by a move after their merge "
            f"from '{NEWER}' was undone; to send them back, run `workbench move ID {NEWER} "
            f"--from {STORY}` for each; nothing was split") in said, out  # fmt: skip
    assert _in(settings, STORY) == held  # nothing moved
    assert code == _undo(settings)[0]  # the bare undo: the same refusal, the same code
    run = CliRunner().invoke(main, ["--database-url", settings.database_url, "move", str(uk),
                                    NEWER, "--from", STORY])  # fmt: skip
    assert run.exit_code == 0, run.output
    assert set(_in(settings, NEWER)) == {uk, en}


def test_the_page_and_the_json_say_the_same(settings: Settings,
                                            twice: dict[str, int]) -> None:  # noqa: F811
    uk, _en = _moved_back(settings, twice)
    merge = last_merge(settings, STORY)
    assert merge is not None and merge["slug_taken"] and merge["came_back"] == [uk]
    client: FlaskClient = create_app(settings).test_client()
    twin = client.get(f"/api/stories/{STORY}?compute=0").get_json()
    assert twin["story"]["last_merge"]["came_back"] == [uk]
    page = " ".join(client.get(f"/stories/{STORY}?compute=0").get_data(as_text=True).split())
    assert "A new story has taken the name" not in page
    assert 'class="inline undo-merge"' not in page  # no button that would be refused
    assert (f"#{uk} came back into this story by a move after this merge was undone into "
            f"story {NEWER}, which still exists: to send them back, move each to "
            f"{NEWER}") in page  # fmt: skip


def test_a_split_under_another_name_is_no_undo(settings: Settings,
                                               twice: dict[str, int]) -> None:  # noqa: F811
    """The Ukrainian copy split out into another story and moved back, then a new story
    takes NEWER: that one is new, and the refusal keeps round 38's words."""
    uk, en = twice["visnyk-uk.txt"], twice["northwire-v2.json"]
    split_story(settings, STORY, [uk], "kyiv-desk")
    move_version(settings, uk, STORY)
    move_version(settings, en, NEWER)
    merge = last_merge(settings, STORY)
    assert merge is not None and merge["slug_taken"] and merge["came_back"] == []
    held = _in(settings, STORY)
    code, out = _undo(settings, "--expect-versions", ",".join(map(str, held)))
    assert code == 2, out
    assert f"a new story has taken the name '{NEWER}' since the merge" in " ".join(out.split())
    assert _in(settings, STORY) == held
