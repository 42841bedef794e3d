"""The story desk: every capture of one story, and each one against a reference copy.

A *story* is an article (slug): its versions are captures at several outlets,
in several languages, over time.  ``story_view`` returns, JSON-ready:

* ``matrix``: outlet × language, each cell the outlet's captures over time;
* ``reference``: the version the others are compared with — the one the user
  asked for, else the one marked as the wire copy (``set_wire``), else the
  earliest capture in the story's most common language;
* ``versions``: each version's provenance, its wrapper (appeal, comment form,
  link residue, other segments: counted apart, never "added"), and against the
  reference: sentences verbatim/cosmetic/changed/added/dropped/moved, differing
  facts (numbers, names, quoted speech) with both values, the relation
  (related/unrelated/unknown) and the alignment id for the pair's compare view.

Comparisons use the content roles only and go through
``services.compare.compare_versions``, which is idempotent: stored alignments
are found by fingerprint in one query, only missing ones are computed (up to
``compute`` of them; the rest are reported as ``pending``).  The CLI and the
web call this one function, so ``workbench story --json`` and
``/api/stories/<slug>`` agree.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import func
from sqlmodel import Session, col, select

from workbench.config import Settings
from workbench.core.story import BUCKETS, Row, summarise, timeline_key
from workbench.errors import N_, InputError, NotFoundError, WorkbenchError
from workbench.services.alignment_store import fingerprint, segment_revisions
from workbench.services.browse import list_versions
from workbench.services.compare import (
    DEFAULT_ROLES,
    compare_versions,
    normalize_roles,
)
from workbench.services.progress import story_progress
from workbench.services.story_move import story_moves
from workbench.services.story_split import undo_of
from workbench.services.validation import check_given, checks_ids
from workbench.store.db import get_engine, session_scope
from workbench.store.models import AlignedPair, Alignment, Article, Segment

CONTENT_ROLES: tuple[str, ...] = normalize_roles(DEFAULT_ROLES)
WRAPPER_ROLES: tuple[str, ...] = ("appeal", "comment_form", "link_residue", "other")
#: Missing comparisons a web page computes inline; more run as a job (or the CLI).
WEB_COMPUTE_BUDGET = 3

Progress = Callable[[int, int, int], None]  # (done, total, version id)


class _Shape(NamedTuple):
    """What the story page needs of a version's segments, counted by the database."""

    roles: Counter[str]  # segments per role (wrapper counts)
    language: str | None  # the content's majority language label (None: none labelled)


def _shapes(session: Session, ids: list[int]) -> dict[int, _Shape]:
    """Per version: segments per role, and its content's language (one grouped query).

    The language is ``compare._language``'s rule on the content segments (the
    most frequent label; a tie goes to the label met first in text order),
    computed from counts instead of 10,000 rows per version.
    """
    roles: dict[int, Counter[str]] = defaultdict(Counter)
    langs: dict[int, dict[str, list[int]]] = defaultdict(dict)  # lang -> [count, -first]
    query = (
        select(
            Segment.version_id, Segment.role, Segment.lang, func.count(), func.min(Segment.position)
        )  # fmt: skip
        .where(col(Segment.version_id).in_(ids))
        .group_by(col(Segment.version_id), col(Segment.role), col(Segment.lang))
    )
    for vid, role, lang, count, first in session.connection().execute(query).all():
        roles[vid][role] += count
        if role in CONTENT_ROLES and lang:
            seen = langs[vid].setdefault(lang, [0, -first])
            seen[0] += count
            seen[1] = max(seen[1], -first)
    return {
        vid: _Shape(roles[vid], max(langs[vid], key=langs[vid].__getitem__) if langs[vid] else None)
        for vid in ids
    }


def _default_reference(versions: list[dict[str, Any]], wire: int | None) -> tuple[int, str]:
    """The wire copy if marked, else the earliest capture in the most common language."""
    ids = {v["id"] for v in versions}
    if wire in ids:
        return wire, "wire"  # type: ignore[return-value]
    counts = Counter(v["language"] for v in versions)
    top = max(counts.values())
    common = {lang for lang, n in counts.items() if n == top}
    first = min((v for v in versions if v["language"] in common), key=timeline_key)
    return first["id"], "default"


def _matrix(versions: list[dict[str, Any]], reference: int) -> dict[str, Any]:
    """Outlet × language cells, each the outlet's captures in time order.

    Language columns run by count, a tie to the language captured first (not
    the one met first in the input): the same matrix whatever the input order.
    """
    in_time = sorted(versions, key=timeline_key)
    langs = [lang for lang, _ in Counter(v["language"] for v in in_time).most_common()]
    outlets: dict[str, dict[str | None, list[dict[str, Any]]]] = {}
    for v in in_time:
        cell = outlets.setdefault(v["outlet"], {}).setdefault(v["language"], [])
        cell.append({"id": v["id"], "captured_at": v["captured_at"],
                     "reference": v["id"] == reference})  # fmt: skip
    rows = [
        {"outlet": name, "cells": [cells.get(lang, []) for lang in langs]}
        for name, cells in outlets.items()
    ]
    return {"languages": langs, "outlets": rows}


def _timeline(versions: list[dict[str, Any]]) -> None:
    """Number each outlet's captures (``capture`` k of ``captures``) in time order, each
    naming the one before it (``previous_capture``: the page compares the two, round 36)."""
    by_outlet: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for v in sorted(versions, key=timeline_key):
        by_outlet[v["outlet"]].append(v)
    for caps in by_outlet.values():
        for k, v in enumerate(caps, 1):
            v["capture"], v["captures"] = k, len(caps)
            v["previous_capture"] = caps[k - 2]["id"] if k > 1 else None


def _wrapper(shape: _Shape) -> dict[str, int]:
    return {role: shape.roles.get(role, 0) for role in WRAPPER_ROLES}


def _pair_rows(session: Session, alignment_ids: list[int]) -> dict[int, list[Row]]:
    """The stored rows of these alignments as plain ``Row``s (one query, no ORM)."""
    out: dict[int, list[Row]] = defaultdict(list)
    if not alignment_ids:
        return out
    query = (
        select(
            AlignedPair.alignment_id,
            AlignedPair.position,
            AlignedPair.status,
            AlignedPair.left_segment_ids,
            AlignedPair.right_segment_ids,
            AlignedPair.left_text,
            AlignedPair.right_text,
            AlignedPair.flags,
        )  # fmt: skip
        .where(col(AlignedPair.alignment_id).in_(alignment_ids))
        .order_by(col(AlignedPair.alignment_id), col(AlignedPair.position))
    )
    for aid, pos, status, lids, rids, ltext, rtext, flags in session.exec(query).all():
        out[aid].append(Row(pos, status, lids or [], rids or [], ltext, rtext, flags or {}))
    return out


@dataclass
class _Story:
    """Everything ``story_view`` loads before deciding what to compute."""

    article: Article
    versions: list[dict[str, Any]]
    shapes: dict[int, _Shape]
    reference: int
    chosen: str
    langs: dict[int, str | None]
    keys: dict[int, str]  # other version id -> fingerprint of reference→version
    stored: dict[str, int]  # fingerprint -> alignment id


def _load(settings: Settings, slug: str, reference: int | None) -> _Story:
    """The story's versions, their segment shapes and the stored comparisons' keys.

    Cost does not grow with the versions' length: segments are counted by the
    database, and fingerprints rest on each version's revision counter.
    """
    check_given(slug, "story", option=False)  # round 44: '' was "no article with slug ''"
    versions = list_versions(settings, slug)  # NotFoundError for an unknown slug
    ids = [v["id"] for v in versions]
    if reference is not None and reference not in ids:
        raise InputError(
            N_("version %(version_id)s is not a capture of story %(slug)r"),
            version_id=reference,
            slug=slug,
        )
    with Session(get_engine(settings.database_url)) as session:
        article = session.exec(select(Article).where(Article.slug == slug)).one()
        revisions = segment_revisions(session, ids)  # before the segments (see there)
        shapes = _shapes(session, ids)
        ref, chosen = (
            (reference, "user") if reference is not None
            else _default_reference(versions, article.wire_version_id) if versions
            else (0, "none")
        )  # fmt: skip
        langs = {v["id"]: shapes[v["id"]].language or v["language"] for v in versions}
        keys = {
            vid: fingerprint(
                settings, session, (ref, vid), CONTENT_ROLES, (langs[ref], langs[vid]), revisions
            )  # fmt: skip
            for vid in ids
            if vid != ref
        }
        stored = dict(
            session.exec(
                select(Alignment.fingerprint, Alignment.id).where(
                    col(Alignment.fingerprint).in_(list(keys.values()))
                )
            ).all()
        )
    return _Story(article, versions, shapes, ref, chosen, langs, keys, stored)  # type: ignore[arg-type]


def _size(story: _Story, vid: int) -> int:
    """Content segments of the reference and ``vid`` together (what a compare aligns)."""
    return sum(
        story.shapes[v].roles.get(r, 0) for v in (story.reference, vid) for r in CONTENT_ROLES
    )


def _compute_missing(
    settings: Settings, story: _Story, limit: int | None, progress: Progress | None,
    largest: int | None = None,
) -> dict[int, str]:  # fmt: skip
    """Compare the reference with versions lacking a stored alignment; errors by version."""
    missing = [vid for vid, key in story.keys.items() if key not in story.stored]
    if largest is not None:  # too big for a web request: left pending (a job computes them)
        missing = [vid for vid in missing if _size(story, vid) <= largest]
    todo = missing if limit is None else missing[: max(0, limit)]
    errors: dict[int, str] = {}
    for done, vid in enumerate(todo, 1):
        try:
            result = compare_versions(settings, story.reference, vid, roles=CONTENT_ROLES)
            story.stored[story.keys[vid]] = result.alignment_id
        except WorkbenchError as exc:
            errors[vid] = exc.message
        if progress is not None:
            progress(done, len(todo), vid)
    return errors


def _comparison(
    story: _Story, vid: int, rows: dict[int, list[Row]],
    stored: dict[int, tuple[dict[str, Any], dict[str, Any]]], errors: dict[int, str],
) -> dict[str, Any]:  # fmt: skip
    """One version against the reference: counts, facts, relation, or why there are none."""
    aid = story.stored.get(story.keys[vid])
    same = story.langs[vid] == story.langs[story.reference]
    base: dict[str, Any] = {"alignment_id": aid, "cross_language": not same}
    if vid in errors:
        return {**base, "state": "error", "error": errors[vid]}
    if aid is None:
        return {**base, "state": "pending"}
    summary, params = stored.get(aid, ({}, {}))
    return {
        **base,
        "state": "done",
        "relation": summary.get("relation", "unknown"),
        "mt_missing": bool(params.get("mt_missing")),
        **(params.get("story") or summarise(rows.get(aid, []), same)),
    }


def story_view(
    settings: Settings,
    slug: str,
    *,
    reference: int | None = None,
    compute: int | None = None,
    progress: Progress | None = None,
    largest: int | None = None,
) -> dict[str, Any]:
    """The story page's data; computes up to ``compute`` missing comparisons (None: all),
    only those of at most ``largest`` content segments (both sides) when given."""
    story = _load(settings, slug, reference)
    errors = _compute_missing(settings, story, compute, progress, largest)
    with Session(get_engine(settings.database_url)) as session:
        aids = sorted(set(story.stored.values()))
        stored = {
            aid: (summary or {}, params or {})
            for aid, summary, params in session.exec(
                select(Alignment.id, Alignment.summary, Alignment.params).where(
                    col(Alignment.id).in_(aids)
                )
            ).all()
        }
        # alignments stored before the story summary was kept with them: read their rows
        rows = _pair_rows(session, [a for a, (_, p) in stored.items() if "story" not in p])
        moves = story_moves(session, story.article.slug)
        undo = undo_of(session, story.article.slug)
    _timeline(story.versions)
    versions = []
    for v in story.versions:
        vid = v["id"]
        entry = {**v, "reference": vid == story.reference, "wrapper": _wrapper(story.shapes[vid])}
        if vid != story.reference:
            entry["comparison"] = _comparison(story, vid, rows, stored, errors)
        versions.append(entry)
    pending = sum(1 for v in versions if v.get("comparison", {}).get("state") == "pending")
    return {
        "slug": story.article.slug,
        "title": story.article.title,
        "wire_version_id": story.article.wire_version_id,
        "reference": {"version_id": story.reference or None, "chosen": story.chosen},
        "buckets": list(BUCKETS),
        "wrapper_roles": list(WRAPPER_ROLES),
        "matrix": _matrix(story.versions, story.reference),
        "versions": versions,
        "pending": pending,
        "progress": story_progress(settings, story.versions),  # translation, per version
        "moves": moves,  # the versions moved into and out of the story, newest first
        "last_merge": undo,  # what "Undo this merge" offers (webb38), or None
    }


@checks_ids
def set_wire(settings: Settings, slug: str, version_id: int | None) -> dict[str, Any]:
    """Mark ``version_id`` as the story's wire copy (its default reference); None unmarks."""
    with session_scope(get_engine(settings.database_url)) as session:
        article = session.exec(select(Article).where(Article.slug == slug)).first()
        if article is None:
            raise NotFoundError(N_("no article with slug %(slug)r"), slug=slug)
        if version_id is not None:
            ids = {v["id"] for v in list_versions(settings, slug)}
            if version_id not in ids:
                raise InputError(
                    N_("version %(version_id)s is not a capture of story %(slug)r"),
                    version_id=version_id,
                    slug=slug,
                )
        article.wire_version_id = version_id
        session.add(article)
    return {"slug": slug, "wire_version_id": version_id}
