"""The translation memory: every approved (and, marked, draft) translation in the
database plus imported TMX units, searchable with exact and fuzzy matches.

Why read translations live instead of copying them into a memory table: an
approval is in the memory the moment it is saved, and an edit or revert never
leaves a stale copy behind.  The in-memory index (``core.tm.TMIndex``) per
language pair is rebuilt only when the pair's translations or imported units
change (a cheap count/max query tells) — and then, usually, only by adding
what changed — so a page with fifty segments costs fifty lookups, not fifty
scans, and a save does not rebuild a large memory.
"""

from __future__ import annotations

import hashlib
import itertools
import threading
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert
from sqlmodel import Session, col, select

from workbench.adapters.tmx import Unit, base_lang, iter_tmx, write_tmx
from workbench.config import Settings
from workbench.core.tm import THRESHOLD, TMEntry, TMIndex
from workbench.errors import N_, InputError
from workbench.services.accounts import Actor, require
from workbench.services.glossary import check_pair
from workbench.services.validation import check_language_given
from workbench.store.cat_models import SegmentRevision, TMUnit
from workbench.store.db import get_engine, retry_on_conflict, session_scope
from workbench.store.models import (
    Article,
    Outlet,
    Segment,
    Translation,
    Version,
    iso_utc,
    utcnow,
)

MEMORY_STATUSES = ("approved", "draft")
MAX_ADDED = 2000  # entries added to a cached index before it is rebuilt
_CACHE: dict[tuple[str, str, str], tuple[tuple[Any, ...], TMIndex]] = {}
_LOCK = threading.Lock()


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _stamp(session: Session, source_lang: str, target_lang: str) -> tuple[Any, ...]:
    """Changes whenever the pair's memory content may have changed."""
    tr = session.exec(
        select(func.count(col(Translation.id)), func.max(Translation.updated_at))
        .join(Segment, col(Segment.id) == col(Translation.segment_id))
        .where(
            Segment.lang == source_lang,
            Translation.target_lang == target_lang,
            col(Translation.status).in_(MEMORY_STATUSES),
        )
    ).one()
    tm = session.exec(
        select(func.count(col(TMUnit.id)), func.max(TMUnit.id)).where(
            TMUnit.source_lang == source_lang, TMUnit.target_lang == target_lang
        )
    ).one()
    return (*tr, *tm)


def _authors(session: Session, target_lang: str, segment_ids: set[int]) -> dict[int, str]:
    """The author of each segment's latest revision."""
    out: dict[int, tuple[int, str]] = {}
    rows = session.exec(
        select(SegmentRevision.segment_id, SegmentRevision.revision, SegmentRevision.author).where(
            SegmentRevision.target_lang == target_lang
        )
    ).all()
    for seg_id, revision, author in rows:
        if seg_id in segment_ids and revision >= out.get(seg_id, (-1, ""))[0]:
            out[seg_id] = (revision, author)
    return {k: v[1] for k, v in out.items()}


def _entries(
    session: Session,
    source_lang: str,
    target_lang: str,
    *,
    changed_since: datetime | None = None,
    unit_after: int | None = None,
) -> list[TMEntry]:
    """Memory entries of a pair (only those changed since / added after, when given)."""
    return _translation_entries(session, source_lang, target_lang, changed_since) + (
        _unit_entries(session, source_lang, target_lang, unit_after)
    )


def _translation_entries(
    session: Session, source_lang: str, target_lang: str, changed_since: datetime | None
) -> list[TMEntry]:
    """Stored translations of ``MEMORY_STATUSES``, each with where it came from."""
    statement = (
        select(
            Segment.id,
            Segment.text,
            Translation,
            Article.slug,
            Article.title,
            Outlet.name,
            Version.id,
        )
        .join(Translation, col(Translation.segment_id) == col(Segment.id))
        .join(Version, col(Version.id) == col(Segment.version_id))
        .join(Article, col(Article.id) == col(Version.article_id))
        .join(Outlet, col(Outlet.id) == col(Version.outlet_id))
        .where(
            Segment.lang == source_lang,
            Translation.target_lang == target_lang,
            col(Translation.status).in_(MEMORY_STATUSES),
        )
    )
    if changed_since is not None:
        statement = statement.where(col(Translation.updated_at) >= changed_since)
    rows = session.exec(statement).all()
    authors = _authors(session, target_lang, {r[0] for r in rows})
    return [
        TMEntry(
            source=text,
            target=tr.text,
            status=tr.status,
            origin={
                "article": title or slug,
                "outlet": outlet,
                "date": iso_utc(tr.updated_at),
                "who": authors.get(seg_id, ""),
                "version_id": version_id,
            },
            segment_id=seg_id,
        )
        for seg_id, text, tr, slug, title, outlet, version_id in rows
    ]


def _unit_entries(
    session: Session, source_lang: str, target_lang: str, unit_after: int | None
) -> list[TMEntry]:
    """Units imported from TMX files (only those after ``unit_after``, when given)."""
    unit_query = select(TMUnit).where(
        TMUnit.source_lang == source_lang, TMUnit.target_lang == target_lang
    )
    if unit_after is not None:
        unit_query = unit_query.where(col(TMUnit.id) > unit_after)
    return [
        TMEntry(
            u.source_text,
            u.target_text,
            "imported",
            {"file": u.origin, "date": iso_utc(u.created_at), "who": u.author},
        )
        for u in session.exec(unit_query).all()
    ]


def _refreshed(
    session: Session, pair: tuple[str, str], stamp: tuple[Any, ...], old: tuple[Any, ...]
) -> TMIndex | None:
    """The cached index brought up to date by adding what changed, or ``None`` (rebuild).

    New or changed approvals/drafts have a newer ``updated_at``, new units a
    higher id.  Anything that left the memory (a revert to MT, an undone
    propagation) shows as a count that the additions do not explain: rebuild.
    """
    old_stamp, index = old
    if old_stamp[1] is None or index.added > MAX_ADDED:
        return None
    added = _entries(session, *pair, changed_since=old_stamp[1], unit_after=old_stamp[3] or 0)
    new_segments = {e.segment_id for e in added if e.segment_id is not None}
    grown = sum(1 for s in new_segments if not index.has_segment(s))
    units = sum(1 for e in added if e.segment_id is None)
    if stamp[0] != old_stamp[0] + grown or stamp[2] != old_stamp[2] + units:
        return None
    index.add(added)
    return index


def index_for(settings: Settings, source_lang: str, target_lang: str) -> TMIndex:
    """The pair's index: built once, then kept up to date by additions (see ``_refreshed``)."""
    key = (settings.database_url, source_lang, target_lang)
    with _LOCK, Session(get_engine(settings.database_url)) as session:
        stamp = _stamp(session, source_lang, target_lang)
        cached = _CACHE.get(key)
        if cached and cached[0] == stamp:
            return cached[1]
        index = _refreshed(session, (source_lang, target_lang), stamp, cached) if cached else None
        if index is None:
            index = TMIndex(_entries(session, source_lang, target_lang))
        _CACHE[key] = (stamp, index)
        return index


def lookup(
    settings: Settings,
    text: str,
    source_lang: str,
    target_lang: str,
    *,
    limit: int = 3,
    threshold: float = THRESHOLD,
    exclude_segment: int | None = None,
) -> list[dict[str, Any]]:
    """Exact and fuzzy (>= ``threshold``) matches of one source text, best first."""
    index = index_for(settings, source_lang, target_lang)
    matches = index.lookup(text, threshold=threshold, limit=limit, exclude_segment=exclude_segment)
    return [m.as_dict() for m in matches]


def matches_for_segments(
    settings: Settings, segments: list[dict[str, Any]], target_lang: str, limit: int = 3
) -> dict[int, list[dict[str, Any]]]:
    """Matches for each segment dict (``version_detail`` shape) not already in the target.

    The index of each source language is fetched once for the whole list.
    """
    out: dict[int, list[dict[str, Any]]] = {}
    indexes: dict[str, TMIndex] = {}
    for seg in segments:
        lang = seg.get("lang")
        if not lang or lang == target_lang:
            continue
        if lang not in indexes:
            indexes[lang] = index_for(settings, lang, target_lang)
        found = indexes[lang].lookup(seg["text"], limit=limit, exclude_segment=seg["id"])
        if found:
            out[seg["id"]] = [m.as_dict() for m in found]
    return out


def import_tmx(
    settings: Settings,
    data: bytes,
    filename: str,
    source_lang: str | None = None,
    target_lang: str | None = None,
    actor: Actor | None = None,
) -> dict[str, Any]:
    """Import a TMX file into the memory; units already present are skipped.

    All-or-nothing: the file is read as a stream (reliabb39) inside the one
    transaction; its head is checked before anything is written, and a refusal
    further on (malformed XML, no unit of a configured pair) rolls the import back.
    A retry (``retry_on_conflict``) reads the file again from its start.
    """
    actor = require(actor, "manage_tm")
    for lang, field in ((source_lang, "source language"), (target_lang, "target language")):
        check_language_given(lang, field, settings.languages)  # round 44: named, not "''"
        _check_language(settings, lang)
    iter_tmx(data, source_lang, target_lang)  # the head's refusals, before any session

    def store() -> dict[str, Any]:
        ignored: dict[str, int] = {}
        units = _configured_units(settings, iter_tmx(data, source_lang, target_lang), ignored)
        return {**_store_units(settings, units, filename, actor.name), "ignored": ignored}

    return retry_on_conflict(store)


#: Units written per statement: the store's memory stays bounded whatever the file's size.
IMPORT_BATCH = 500


def _store_units(
    settings: Settings, units: Iterable[Unit], filename: str, name: str
) -> dict[str, Any]:
    """Add the units not yet in the memory, in one transaction (``import_tmx``).

    Why batches of plain statements (reliab39): every unit of the memory was loaded as
    an ORM object and one was added per unit of the file, all held until the commit
    (100,000 units: 567 MB).  A batch looks its keys up by hash — rows written by an
    earlier batch of this transaction included — and inserts the rest; a unit repeated
    in the file is added once and skipped after, as before."""
    added = skipped = 0
    pairs: dict[str, int] = {}
    now = utcnow()
    stream = iter(units)
    with session_scope(get_engine(settings.database_url)) as session:
        while batch := list(itertools.islice(stream, IMPORT_BATCH)):
            rows: dict[tuple[str, str, str, str], dict[str, Any]] = {}
            for unit in batch:
                key = (unit.source_lang, unit.target_lang, _sha(unit.source), _sha(unit.target))
                if key in rows:
                    skipped += 1
                    continue
                rows[key] = {"source_lang": key[0], "target_lang": key[1],
                             "source_text": unit.source, "target_text": unit.target,
                             "source_hash": key[2], "target_hash": key[3],
                             "origin": filename[-300:], "author": (unit.author or name)[:200],
                             "created_at": now}  # fmt: skip
            present = _present_keys(session, rows)
            skipped += len(present)
            fresh = [row for key, row in rows.items() if key not in present]
            if fresh:
                session.execute(insert(TMUnit.__table__), fresh)  # type: ignore[attr-defined]
            for row in fresh:
                pair = f"{row['source_lang']}-{row['target_lang']}"
                pairs[pair] = pairs.get(pair, 0) + 1
            added += len(fresh)
    return {"added": added, "skipped": skipped, "pairs": pairs}


def _present_keys(
    session: Session, rows: dict[tuple[str, str, str, str], Any]
) -> set[tuple[str, str, str, str]]:
    """Which of a batch's keys the memory holds (looked up by their source hashes)."""
    found = session.execute(
        select(TMUnit.source_lang, TMUnit.target_lang, TMUnit.source_hash, TMUnit.target_hash)
        .where(col(TMUnit.source_hash).in_(sorted({key[2] for key in rows})))
    ).all()  # fmt: skip
    return {tuple(row) for row in found} & set(rows)  # type: ignore[misc]


def _check_language(settings: Settings, lang: str | None) -> None:
    """A language option of a TMX import or export must be a configured content language."""
    if lang is not None and base_lang(lang) not in settings.languages:
        raise InputError(
            N_("unknown language %(lang)r; expected one of %(languages)s"),
            lang=lang,
            languages=", ".join(settings.languages),
        )


def _configured_units(
    settings: Settings, units: Iterable[Unit], ignored: dict[str, int]
) -> Iterator[Unit]:
    """The units between configured content languages; the others counted per pair
    into ``ignored``.

    Why: a TMX from another tool may carry languages this workbench does not
    handle, or a code that is no language at all (``xml:lang="xx"``); storing
    them would put unreachable entries in the memory.  When nothing is left the
    file is refused (all-or-nothing, like a malformed one), at the stream's end.
    """
    known = set(settings.languages)
    kept = False
    for u in units:
        if u.source_lang in known and u.target_lang in known:
            kept = True
            yield u
        else:
            pair = f"{u.source_lang}-{u.target_lang}"
            ignored[pair] = ignored.get(pair, 0) + 1
    if not kept:
        raise InputError(
            N_("no translation units %(pair)s found in the TMX file"),
            pair=f"between configured languages ({', '.join(settings.languages)}): only "
            + ", ".join(ignored),
        )


def export_tmx(
    settings: Settings, source_lang: str, target_lang: str, *, include_drafts: bool = False
) -> str:
    """The pair's memory as TMX 1.4 (approved translations and imported units)."""
    source_lang, target_lang = base_lang(source_lang), base_lang(target_lang)
    check_pair(settings, source_lang, target_lang)  # "--from xx" is a typo, not an empty memory
    with Session(get_engine(settings.database_url)) as session:
        entries = _entries(session, source_lang, target_lang)
    wanted = {"approved", "imported"} | ({"draft"} if include_drafts else set())
    units = [
        Unit(source_lang, target_lang, e.source, e.target, str(e.origin.get("who") or ""))
        for e in entries
        if e.status in wanted
    ]
    return write_tmx(list(dict.fromkeys(units)), source_lang)


def memory_stats(settings: Settings) -> list[dict[str, Any]]:
    """Entries per language pair: approved, draft and imported counts."""
    counts: dict[tuple[str, str], dict[str, int]] = {}
    with Session(get_engine(settings.database_url)) as session:
        rows = session.exec(
            select(Segment.lang, Translation.target_lang, Translation.status, func.count())
            .join(Segment, col(Segment.id) == col(Translation.segment_id))
            .where(col(Translation.status).in_(MEMORY_STATUSES))
            .group_by(Segment.lang, Translation.target_lang, Translation.status)
        ).all()
        units = session.exec(
            select(TMUnit.source_lang, TMUnit.target_lang, func.count()).group_by(
                TMUnit.source_lang, TMUnit.target_lang
            )
        ).all()
    for src, tgt, status, n in rows:
        counts.setdefault((src or "?", tgt), {"approved": 0, "draft": 0, "imported": 0})[status] = n
    for src, tgt, n in units:
        counts.setdefault((src, tgt), {"approved": 0, "draft": 0, "imported": 0})["imported"] = n
    return [{"source": s, "target": t, **c} for (s, t), c in sorted(counts.items())]
