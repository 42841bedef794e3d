"""A bare ``--undo-merge`` after an undo stays refused when a move came between
(reliabc39).

Why: reliabb39 refused a bare undo only while the story's *newest* move was an undone
merge, so an undo, then one version moved into the story, let the same bare command
reach the older merge again, one nobody named.  The rule now: a bare undo undoes the
newest merge not yet undone only if no undo has happened since that merge; otherwise it
is refused (exit 4, nothing changed) and names the ``--expect-versions`` that undoes it
on purpose.  A merge since is a new newest merge, and its undo needs nothing more.

The page is the same rule by another road: its "Undo this merge" posts the versions it
showed, so a page read before the move is refused (the story changed), and a page read
after it names the older merge on its button: a click there is the undo asked for.
"""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.story.test_split38 import _in
from tests.story.test_undo_twice39b import NEWER, OLDER, STORY, _undo, twice  # noqa: F401
from tests.web.test_workflow import form_token
from workbench.config import Settings
from workbench.services.story_merge import merge_stories
from workbench.services.story_move import move_version
from workbench.web import create_app


def _aside(settings: Settings, ids: dict[str, int]) -> int:
    """The English update moved out into a story of its own after the two merges (a
    version that can later be moved into STORY without being one a merge brought)."""
    move_version(settings, ids["northwire-v2.json"], "side-story")
    return ids["northwire-v2.json"]


def test_a_move_after_the_undo_does_not_open_the_older_merge(
    settings: Settings, twice: dict[str, int]  # noqa: F811
) -> None:
    german, side = twice["abendpost-de.html"], _aside(settings, twice)
    assert _undo(settings)[0] == 0
    move_version(settings, side, STORY)  # one move into the story after the undo
    held = _in(settings, STORY)
    code, out = _undo(settings)
    assert code == 4, out
    assert (f"was undone already (back into '{NEWER}'); to undo the one before it too "
            f"(versions {german} back into '{OLDER}'), repeat with --expect-versions "
            f"{','.join(map(str, held))}") in " ".join(out.split()), out  # fmt: skip
    assert _in(settings, STORY) == held  # nothing moved
    code, out = _undo(settings, "--expect-versions", ",".join(map(str, held)))
    assert code == 0 and f"version {german} split out of story {STORY} into {OLDER}" in out


def test_a_merge_after_the_undo_and_a_move_is_undone_bare(
    settings: Settings, twice: dict[str, int]  # noqa: F811
) -> None:
    side = _aside(settings, twice)
    assert _undo(settings)[0] == 0
    move_version(settings, side, STORY)
    move_version(settings, side, "late-story")
    merge_stories(settings, "late-story", STORY)
    code, out = _undo(settings)
    assert code == 0 and "into late-story" in out, out


def test_the_page_sends_what_it_showed(settings: Settings,
                                       twice: dict[str, int]) -> None:  # noqa: F811
    german, side = twice["abendpost-de.html"], _aside(settings, twice)
    client: FlaskClient = create_app(settings).test_client()
    assert _undo(settings)[0] == 0
    token = form_token(client, f"/stories/{STORY}?compute=0")
    shown = ",".join(map(str, _in(settings, STORY)))
    move_version(settings, side, STORY)
    stale = client.post(f"/stories/{STORY}/split",
                        data={"csrf_token": token, "take": [str(german)], "into": OLDER,
                              "versions": shown})  # fmt: skip
    assert stale.headers["Location"].split("?")[0].endswith(f"/stories/{STORY}")
    assert german in _in(settings, STORY)  # refused: the story changed
    page = client.get(f"/stories/{STORY}?compute=0").get_data(as_text=True)
    assert "Undo this merge" in page and f'name="take" value="{german}"' in page
    now = ",".join(map(str, _in(settings, STORY)))
    done = client.post(f"/stories/{STORY}/split",
                       data={"csrf_token": form_token(client, f"/stories/{STORY}?compute=0"),
                             "take": [str(german)], "into": OLDER, "versions": now})
    assert done.headers["Location"].endswith(f"/stories/{OLDER}")
    assert german not in _in(settings, STORY) and side in _in(settings, STORY)
