"""Translation cache in the database: machine output keyed by model + pair + text hash.

Why in the database (``TranslationCacheEntry``) rather than in memory: boilerplate
repeats across pages *and* across runs and processes; a rerun on unchanged data
must do no model work, and two workers share what either already translated.
Writes use INSERT ... ON CONFLICT DO NOTHING, so concurrent writers never fail
on the unique key and never overwrite each other.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select, text
from sqlmodel import Session, SQLModel

from workbench.store.models import TranslationCacheEntry, utcnow

_IN_CHUNK = 500  # bound the number of bind parameters per IN (...)


def text_hash(text: str) -> str:
    """sha256 of the UTF-8 text (hex)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cache_key(model_id: str, version: str, source: str, target: str, text: str) -> str:
    """The cache key: sha256 over model id + version, language pair and the text hash."""
    raw = "\x1f".join((model_id, version, source, target, text_hash(text)))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def lookup(session: Session, keys: Iterable[str]) -> dict[str, tuple[str, float | None]]:
    """Cached ``(translation, score)`` for those of ``keys`` that are present."""
    wanted = list(dict.fromkeys(keys))
    found: dict[str, tuple[str, float | None]] = {}
    table: Any = TranslationCacheEntry
    for start in range(0, len(wanted), _IN_CHUNK):
        chunk = wanted[start : start + _IN_CHUNK]
        rows = session.execute(
            select(table.cache_key, table.translation, table.score).where(
                table.cache_key.in_(chunk)
            )
        )
        for key, translation, score in rows:
            found[key] = (translation, score)
    return found


def lock_keys(session: Session, keys: Sequence[str]) -> bool:
    """PostgreSQL: hold transaction advisory locks on cache keys about to be translated.

    Why: two workers whose chunks share a text (boilerplate repeated across
    pages) would both miss the cache and both translate it.  The second now
    waits for the first's commit and then finds the entry.  Keys are locked in
    sorted order, so two workers never wait on each other in a cycle.  Returns
    False (and does nothing) on SQLite, where the write lock already orders jobs.
    """
    if session.get_bind().dialect.name != "postgresql":
        return False
    for key in sorted(set(keys)):
        session.execute(
            text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"), {"key": key}
        )
    return True


def store(
    session: Session,
    *,
    model_id: str,
    version: str,
    source: str,
    target: str,
    results: Sequence[tuple[str, str, float]],
) -> None:
    """Add ``(source_text, translation, score)`` results (existing keys are kept)."""
    now = utcnow()
    rows = [
        {
            "cache_key": cache_key(model_id, version, source, target, text),
            "model_id": model_id,
            "model_version": version,
            "source_lang": source,
            "target_lang": target,
            "text_hash": text_hash(text),
            "translation": translation,
            "score": score,
            "created_at": now,
        }
        for text, translation, score in results
    ]
    insert_ignore(session, TranslationCacheEntry, rows)


def insert_ignore(session: Session, model: type[SQLModel], rows: list[dict[str, Any]]) -> None:
    """INSERT rows, silently skipping those that hit a unique constraint (SQLite and PostgreSQL)."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        raise NotImplementedError(f"unsupported database dialect {dialect}")
    table: Any = model.__table__  # type: ignore[attr-defined]
    for start in range(0, len(rows), 200):
        stmt = insert(table).values(rows[start : start + 200]).on_conflict_do_nothing()
        session.execute(stmt)
