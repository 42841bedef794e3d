"""A bare ``--undo-merge`` after an undo whose versions were moved back by hand names
what moved and what to do (reliab40).

Why: reliabc39 refuses a bare undo when an undo has happened since the merge it would
reach.  When the version that reaches it is one the undo had sent out and a move brought
back, the merge reached *is* the undone one, but the refusal said "to undo the one before
it too (versions 4 back into 'visnyk-bridge')": no merge before it, the same story named
twice.  Now it says which versions came back by a move and the command that sends them
back (``workbench move``, which works whether the story they came from exists or not);
nothing is split.  A refusal where the undo reached a newer merge keeps its words.
"""

from __future__ import annotations

from click.testing import CliRunner

from tests.story.test_split38 import STORY, _in
from tests.story.test_undo_twice39b import NEWER, _undo, twice  # noqa: F401
from workbench.cli import main
from workbench.config import Settings
from workbench.services.story_move import move_version


def test_a_version_moved_back_after_its_undo_is_named_with_the_move_that_sends_it_back(
    settings: Settings,
    twice: dict[str, int],  # noqa: F811
) -> None:
    uk = twice["visnyk-uk.txt"]
    assert _undo(settings)[0] == 0  # the Ukrainian copy back into NEWER
    move_version(settings, uk, STORY)  # ... and moved back by hand
    held = _in(settings, STORY)
    code, out = _undo(settings)
    assert code == 4, out
    said = " ".join(out.split())
    assert "the one before it" not in said, out
    assert (f"version(s) {uk} came back into story '{STORY}' by a move after their merge "
            f"from '{NEWER}' was undone; to send them back, run `workbench move ID {NEWER} "
            f"--from {STORY}` for each; nothing was split") in said, out  # fmt: skip
    assert _in(settings, STORY) == held  # nothing moved
    run = CliRunner().invoke(main, ["--database-url", settings.database_url, "move", str(uk),
                                    NEWER, "--from", STORY])  # fmt: skip
    assert run.exit_code == 0, run.output
    assert uk not in _in(settings, STORY)


def test_a_version_moved_back_into_a_story_that_still_exists(
    settings: Settings,
    twice: dict[str, int],  # noqa: F811
) -> None:
    """The story the undo made keeps another version: the advice still holds (a split
    into it would be refused, a move is not)."""
    uk, en = twice["visnyk-uk.txt"], twice["northwire-v2.json"]
    assert _undo(settings)[0] == 0
    move_version(settings, en, NEWER)  # NEWER now holds two versions
    move_version(settings, uk, STORY)
    code, out = _undo(settings)
    assert code == 4 and f"came back into story '{STORY}' by a move" in " ".join(out.split())
    run = CliRunner().invoke(main, ["--database-url", settings.database_url, "move", str(uk),
                                    NEWER, "--from", STORY])  # fmt: skip
    assert run.exit_code == 0, run.output
    assert set(_in(settings, NEWER)) == {uk, en}
