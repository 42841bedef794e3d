"""The story desk under two tabs (or two CLI runs) writing at once (reliab39).

Why: a merge, a move and a split each read what exists, then write.  Their guards
(``expected`` versions, a compare-and-set on each version's story) catch a version
moved meanwhile, but not the *other* story changing between the read and the write:
a merge whose target was merged away (or a move whose target story was emptied)
meanwhile, and two moves or splits creating the same new story at once, ended in
the database's constraint — "unexpected IntegrityError … (a bug)", with the SQL.
Nothing was lost (the foreign key and the unique slug held), but the journalist read
a crash.  Each now runs again once on such a conflict (``retry_on_conflict``) and
ends as if the two had come one after the other: the merge is refused naming where
its target went, the moves both land in the one new story, the second split is told
the name is taken.  Nothing is half-done.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event

from workbench.config import Settings
from workbench.errors import InputError, NotFoundError
from workbench.services.browse import list_versions
from workbench.services.ingest_files import ingest_sample_corpus
from workbench.services.story_merge import merge_stories
from workbench.services.story_move import move_version
from workbench.services.story_split import split_story
from workbench.store.db import get_engine

STORY = "harbour-bridge-closure"


@pytest.fixture
def ids(settings: Settings) -> list[int]:
    """The demo's four versions: #1 in ``xx``, #2 in ``yy``, #3 and #4 in STORY."""
    got = sorted(r.version_id for r in ingest_sample_corpus(settings))
    move_version(settings, got[0], "xx")
    move_version(settings, got[1], "yy")
    return got


@contextmanager
def meanwhile(settings: Settings, prefix: str, other: Callable[[], Any]) -> Iterator[list]:
    """Run ``other`` in another thread (its own connection) just before this thread's
    first statement starting with ``prefix``: the other tab's write, between our read
    and our write."""
    engine, me, said = get_engine(settings.database_url), threading.get_ident(), []

    def hook(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if threading.get_ident() == me and not said and statement.startswith(prefix):
            said.append("ran")
            worker = threading.Thread(target=lambda: said.append(other()))
            worker.start()
            worker.join(60)

    event.listen(engine, "before_cursor_execute", hook)
    try:
        yield said
    finally:
        event.remove(engine, "before_cursor_execute", hook)


def _slugs(settings: Settings, *slugs: str) -> dict[str, list[int]]:
    return {s: sorted(v["id"] for v in list_versions(settings, s)) for s in slugs}


def test_a_merge_whose_target_is_merged_away_meanwhile(settings: Settings,
                                                       ids: list[int]) -> None:
    other = lambda: merge_stories(settings, "yy", STORY)  # noqa: E731
    with meanwhile(settings, "UPDATE version", other) as said, \
            pytest.raises(NotFoundError, match="'yy' was merged into 'harbour-bridge-closure'"):
        merge_stories(settings, "xx", "yy", expected=[ids[0]])
    assert said[0] == "ran" and said[1]["from"] == "yy"
    assert _slugs(settings, "xx", STORY) == {"xx": [ids[0]], STORY: ids[1:]}


def test_a_move_into_a_story_emptied_meanwhile(settings: Settings, ids: list[int]) -> None:
    other = lambda: move_version(settings, ids[1], STORY)  # noqa: E731  (yy is removed)
    with meanwhile(settings, "UPDATE version", other) as said:
        done = move_version(settings, ids[0], "yy", expected="xx")
    assert said[1]["removed"] and done["created"]  # as if one came after the other
    assert _slugs(settings, "yy", STORY) == {"yy": [ids[0]], STORY: ids[1:]}


def test_two_moves_into_one_new_story(settings: Settings, ids: list[int]) -> None:
    other = lambda: move_version(settings, ids[1], "zz")  # noqa: E731
    with meanwhile(settings, "INSERT INTO article", other) as said:
        done = move_version(settings, ids[0], "zz")
    assert said[1]["created"] and not done["created"]
    assert _slugs(settings, "zz") == {"zz": ids[:2]}


def test_two_splits_into_one_new_name(settings: Settings, ids: list[int]) -> None:
    other = lambda: split_story(settings, STORY, [ids[2]], "zz")  # noqa: E731
    with meanwhile(settings, "INSERT INTO article", other) as said, \
            pytest.raises(InputError, match="the name 'zz' is taken by another story"):
        split_story(settings, STORY, [ids[3]], "zz", expected=ids[2:])
    assert said[1]["versions"] == [ids[2]]
    assert _slugs(settings, "zz", STORY) == {"zz": [ids[2]], STORY: [ids[3]]}
