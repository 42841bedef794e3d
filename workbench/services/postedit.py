"""Post-editing: a translator saves a translation of one segment.

Why compare-and-set: two people (or two tabs) may edit the same translation.
Every save names the revision it was based on; the row is only updated when
that revision is still current (``UPDATE ... WHERE id = ? AND revision = ?``),
so a stale save fails with a conflict instead of silently overwriting.

Edit distance from MT is the character-level Levenshtein distance between the
machine output (``mt_text``) and the saved text, reported both as a count and as
a ratio ``distance / max(len(mt), len(text))`` (0.0 = MT kept, 1.0 = rewritten).
For very long texts the same measure is computed on words to bound the cost.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import false, update
from sqlalchemy.exc import IntegrityError

from workbench.config import Settings
from workbench.errors import N_, InputError, NotFoundError, Num, TooLargeError
from workbench.services import history
from workbench.services.accounts import Actor, require
from workbench.services.languages import require_target
from workbench.services.translation_view import (  # noqa: F401  (re-exported: web, services, tests)
    RevisionConflict,
    _conflict,
    _current,
    edit_distance,
    levenshtein,
    translation_dict,
)
from workbench.services.validation import (
    check_id,
    check_int64,
    check_text,
    checks_ids,
)
from workbench.store.db import get_engine, session_scope
from workbench.store.models import Segment, Translation, utcnow

STATUSES: tuple[str, ...] = ("draft", "approved")


def _validate(settings: Settings, target_lang: str, text: str, status: str) -> str:
    if status not in STATUSES:
        raise InputError(
            N_("status must be one of %(statuses)s, not %(status)r"),
            statuses=", ".join(STATUSES),
            status=status,
        )
    require_target(settings, target_lang)  # blank or unknown: one message
    if len(text) > settings.max_input_chars:
        raise TooLargeError(
            N_("translation is longer than %(max_input_chars)s characters"),
            max_input_chars=Num(settings.max_input_chars),  # round 44: 1,000,000 grouped
        )
    check_text(text, "translation")
    cleaned = text.strip()
    if not cleaned:
        raise InputError(N_("translation text is empty"))
    return cleaned


@checks_ids
def save_translation(
    settings: Settings,
    segment_id: int,
    target_lang: str,
    text: str,
    *,
    base_revision: int,
    status: str = "draft",
    actor: Actor | None = None,
    action: str = "save",
    source_segment_id: int | None = None,
    batch: str = "",
) -> dict[str, Any]:
    """Save a post-edited translation if ``base_revision`` is still current.

    ``base_revision=0`` creates a translation where none exists yet (a human
    translation without MT).  Returns the saved translation with its new
    revision and the edit distance from the machine output; raises
    ``RevisionConflict`` (409) when someone saved in between.  ``actor`` (``None`` =
    the local single user) must be allowed to save drafts or approve; every save
    is recorded in the segment's history with its author and ``action``.
    """
    cleaned = _validate(settings, target_lang, text, status)
    actor = require(actor, "approve" if status == "approved" else "save_draft")
    check_id(segment_id, "segment id")
    check_int64(base_revision, "base_revision")  # any other value is a conflict, not a crash
    if base_revision == 0 and _current(settings, segment_id, target_lang) is not None:
        raise _conflict(settings, segment_id, target_lang, 0)
    entry = {"author": actor.name, "action": action, "source_segment_id": source_segment_id,
             "batch": batch}  # fmt: skip
    _write(settings, (segment_id, target_lang), base_revision, cleaned, status, entry)
    row = _current(settings, segment_id, target_lang)
    assert row is not None
    return translation_dict(row)


class _Lost(Exception):
    """The compare-and-set matched no row: rolled back, then said as a conflict."""


def _write(
    settings: Settings, key: tuple[int, str], base_revision: int, text: str, status: str,
    entry: dict[str, Any],
) -> None:  # fmt: skip
    """The change and its history rows in one transaction (reliab40).

    Why: the translation was written (committed) and its history row after, in a second
    transaction; a failure between them (the database full or locked at that moment, the
    process killed) left the text saved without its row, and the saver an ``Error:`` for
    an edit that had gone through (the same save again: a conflict with itself).
    ``base_revision=0`` creates the row (someone creating it first: a conflict); any other
    is a compare-and-set: written only if ``base_revision`` is still the stored one."""
    segment_id, target_lang = key
    if base_revision == 0:
        _segment_must_exist(settings, segment_id)
    try:
        with session_scope(get_engine(settings.database_url)) as session:
            _write_in(session, key, base_revision, text, status)
            history.record_in(session, segment_id, target_lang, **entry)
    except _Lost:
        if _current(settings, segment_id, target_lang) is None:
            _segment_must_exist(settings, segment_id)
        raise _conflict(settings, segment_id, target_lang, base_revision) from None


#: One unit to save: (segment id, text, base revision, status).
Save = tuple[int, str, int, str]


def save_many(
    settings: Settings, target_lang: str, saves: list[Save], *, actor: Actor | None = None
) -> list[int]:
    """Save several translations in ONE transaction, each by ``save_translation``'s rules;
    returns the segment ids whose compare-and-set lost (nothing written for them).

    Why (reliabb40): an XLIFF import saved unit by unit, a few transactions each (9,000
    units ~63 s on a loaded machine), which widened the window in which a re-upload
    overlaps the first run.  Each unit is still its own compare-and-set (a savepoint:
    a unit someone changed meanwhile is rolled back alone and returned, the caller
    reports it), with its history rows; the batch commits whole or not at all, so a
    killed import keeps whole batches and a rerun counts them unchanged.
    """
    checked = []
    for segment_id, text, base_revision, status in saves:
        cleaned = _validate(settings, target_lang, text, status)
        who = require(actor, "approve" if status == "approved" else "save_draft")
        check_id(segment_id, "segment id")
        check_int64(base_revision, "base_revision")
        checked.append((segment_id, cleaned, base_revision, status, who.name))
    lost: list[int] = []
    with session_scope(get_engine(settings.database_url)) as session:
        # a write first: SQLite's driver opens the transaction only for one, and a
        # SAVEPOINT outside it would commit on release (``bulk.claim`` does the same)
        session.execute(update(Segment).where(false()).values(position=Segment.position))
        for segment_id, text, base_revision, status, author in checked:
            try:
                with session.begin_nested():
                    _write_in(session, (segment_id, target_lang), base_revision, text, status)
                    history.record_in(session, segment_id, target_lang, author=author)
            except _Lost:
                lost.append(segment_id)
    return lost


def _write_in(
    session: Any, key: tuple[int, str], base_revision: int, text: str, status: str
) -> None:
    """``_write``'s change inside the caller's savepoint; ``_Lost`` when someone won."""
    segment_id, target_lang = key
    if base_revision == 0:
        session.add(Translation(segment_id=segment_id, target_lang=target_lang,
                                engine="human", text=text, mt_text="", status=status,
                                revision=1))  # fmt: skip
        try:
            session.flush()
        except IntegrityError:  # someone created it first
            raise _Lost from None
        return
    history.snapshot_in(session, segment_id, target_lang)
    if session.connection().execute(_cas(key, base_revision, text, status)).rowcount != 1:
        raise _Lost


def _cas(key: tuple[int, str], base_revision: int, text: str, status: str) -> Any:
    """``UPDATE … WHERE revision = base_revision``: a stale save matches no row."""
    segment_id, target_lang = key
    return (
        update(Translation)
        .where(
            Translation.segment_id == segment_id,
            Translation.target_lang == target_lang,
            Translation.revision == base_revision,
        )
        .values(text=text, status=status, revision=Translation.revision + 1, updated_at=utcnow())
    )


def _segment_must_exist(settings: Settings, segment_id: int) -> None:
    with session_scope(get_engine(settings.database_url)) as session:
        if session.get(Segment, segment_id) is None:
            raise NotFoundError(N_("segment %(segment_id)s not found"), segment_id=segment_id)


@checks_ids
def check_segment_in_version(settings: Settings, segment_id: int, version_id: int) -> None:
    """Refuse a segment that is not one of ``version_id``'s (a 404).

    Why (round 33): the version page's no-JavaScript save form names both ids in its
    URL; with a segment of another version it saved that segment and went back to
    the wrong page, so a mistyped or stale form changed text nobody was looking at.
    """
    with session_scope(get_engine(settings.database_url)) as session:
        segment = session.get(Segment, segment_id)
        if segment is None:
            raise NotFoundError(N_("segment %(segment_id)s not found"), segment_id=segment_id)
        if segment.version_id != version_id:
            raise NotFoundError(
                N_("segment %(segment_id)s is not in version %(version_id)s"),
                segment_id=segment_id,
                version_id=version_id,
            )
