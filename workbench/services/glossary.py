"""Glossaries per language pair: list, add, edit, delete, import (CSV, TBX).

Why all-or-nothing imports: a glossary file is the client's, and a half-imported
one is worse than none; every row is parsed and checked first, then written in
one transaction.  TBX is XML from outside, so it is parsed with defusedxml (no
DTDs, no entity expansion, no network).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

from sqlalchemy import bindparam
from sqlalchemy import insert as sa_insert
from sqlalchemy import select as sa_select
from sqlalchemy import update as sa_update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from workbench.adapters.termfiles import Entry, iter_glossary_file, no_terms
from workbench.config import Settings
from workbench.core.terms import Term
from workbench.errors import N_, ConflictError, InputError, NotFoundError, TooLargeError
from workbench.services.accounts import Actor, require
from workbench.services.validation import check_language_given, check_text, checks_ids
from workbench.store.cat_models import GlossaryTerm
from workbench.store.db import get_engine, retry_on_conflict, session_scope
from workbench.store.models import iso_utc, utcnow

MAX_TERM = 300


def term_dict(row: GlossaryTerm) -> dict[str, Any]:
    """JSON view of one glossary term."""
    return {
        "id": row.id,
        "source_lang": row.source_lang,
        "target_lang": row.target_lang,
        "source_term": row.source_term,
        "target_term": row.target_term,
        "forbidden": row.forbidden,
        "note": row.note,
        "updated_at": iso_utc(row.updated_at),
    }


def check_pair(settings: Settings, source_lang: str, target_lang: str) -> None:
    """Both languages configured and different; one left out is named (round 44)."""
    check_language_given(source_lang, "source language", settings.languages)
    check_language_given(target_lang, "target language", settings.languages)
    for lang in (source_lang, target_lang):
        if lang not in settings.languages:
            raise InputError(
                N_("unknown language %(lang)r; expected one of %(languages)s"),
                lang=lang,
                languages=", ".join(settings.languages),
            )
    if source_lang == target_lang:
        raise InputError(N_("source and target language must differ"))


def _clean(source_term: str, target_term: str, forbidden: bool, note: str = "") -> tuple[str, str]:
    """The stripped terms, or a clear error; NUL or a lone surrogate in a term or note
    is refused here (SQLite stored it, PostgreSQL's driver failed with a 500)."""
    for value, field in (
        (source_term, "source term"),
        (target_term, "target term"),
        (note, "note"),
    ):
        check_text(value or "", field)
    source_term, target_term = source_term.strip(), target_term.strip()
    if not target_term:
        raise InputError(N_("a glossary entry needs a target term"))
    if not source_term and not forbidden:
        raise InputError(N_("a required term needs a source term"))
    if len(source_term) > MAX_TERM or len(target_term) > MAX_TERM:
        raise TooLargeError(N_("a term is longer than %(MAX_TERM)s characters"), MAX_TERM=MAX_TERM)
    return source_term, target_term


def list_terms(settings: Settings, source_lang: str, target_lang: str) -> list[dict[str, Any]]:
    """The pair's glossary, by source term."""
    check_pair(settings, source_lang, target_lang)
    with Session(get_engine(settings.database_url)) as session:
        rows = session.exec(
            select(GlossaryTerm)
            .where(GlossaryTerm.source_lang == source_lang, GlossaryTerm.target_lang == target_lang)
            .order_by(col(GlossaryTerm.source_term), col(GlossaryTerm.target_term))
        ).all()
        return [term_dict(r) for r in rows]


def terms_for(settings: Settings, source_lang: str | None, target_lang: str) -> list[Term]:
    """The pair's glossary as core ``Term``s (for QA and highlighting)."""
    if not source_lang:
        return []
    with Session(get_engine(settings.database_url)) as session:
        rows = session.exec(
            select(GlossaryTerm).where(
                GlossaryTerm.source_lang == source_lang, GlossaryTerm.target_lang == target_lang
            )
        ).all()
        return [Term(r.source_term, r.target_term, r.forbidden, r.note, r.id) for r in rows]


def add_term(
    settings: Settings,
    source_lang: str,
    target_lang: str,
    source_term: str,
    target_term: str,
    *,
    forbidden: bool = False,
    note: str = "",
    actor: Actor | None = None,
) -> dict[str, Any]:
    """Add one term; the same source/target pair twice is a conflict."""
    require(actor, "manage_glossary")
    check_pair(settings, source_lang, target_lang)
    source_term, target_term = _clean(source_term, target_term, forbidden, note)
    row = GlossaryTerm(
        source_lang=source_lang,
        target_lang=target_lang,
        source_term=source_term,
        target_term=target_term,
        forbidden=forbidden,
        note=note.strip(),
    )
    try:
        with session_scope(get_engine(settings.database_url)) as session:
            session.add(row)
            session.flush()
            return term_dict(row)
    except IntegrityError as exc:
        raise _already_there(source_term, target_term) from exc


def _already_there(source_term: str, target_term: str) -> ConflictError:
    """The refusal of a pair the glossary holds (its unique index), for an add and an edit
    alike (one place since round 42: the two raise sites repeated it)."""
    return ConflictError(N_("the glossary already has %(source_term)r -> %(target_term)r"),
                         source_term=source_term, target_term=target_term)  # fmt: skip


@checks_ids
def update_term(
    settings: Settings,
    term_id: int,
    *,
    source_term: str,
    target_term: str,
    forbidden: bool,
    note: str = "",
    actor: Actor | None = None,
) -> dict[str, Any]:
    """Edit one term in place."""
    require(actor, "manage_glossary")
    source_term, target_term = _clean(source_term, target_term, forbidden, note)
    try:
        with session_scope(get_engine(settings.database_url)) as session:
            row = session.get(GlossaryTerm, term_id)
            if row is None:
                raise NotFoundError(N_("glossary term %(term_id)s not found"), term_id=term_id)
            row.source_term, row.target_term = source_term, target_term
            row.forbidden, row.note, row.updated_at = forbidden, note.strip(), utcnow()
            session.add(row)
            session.flush()
            return term_dict(row)
    except IntegrityError as exc:
        raise _already_there(source_term, target_term) from exc


@checks_ids
def get_term(settings: Settings, term_id: int) -> dict[str, Any]:
    """One term by id."""
    with Session(get_engine(settings.database_url)) as session:
        row = session.get(GlossaryTerm, term_id)
        if row is None:
            raise NotFoundError(N_("glossary term %(term_id)s not found"), term_id=term_id)
        return term_dict(row)


@checks_ids
def delete_term(settings: Settings, term_id: int, actor: Actor | None = None) -> None:
    """Remove one term."""
    require(actor, "manage_glossary")
    with session_scope(get_engine(settings.database_url)) as session:
        row = session.get(GlossaryTerm, term_id)
        if row is None:
            raise NotFoundError(N_("glossary term %(term_id)s not found"), term_id=term_id)
        session.delete(row)


def import_glossary(
    settings: Settings,
    data: bytes,
    filename: str,
    source_lang: str,
    target_lang: str,
    actor: Actor | None = None,
) -> dict[str, int]:
    """Import a CSV or TBX file into the pair's glossary (existing pairs are updated).

    Returns counts ``{"added": n, "updated": m}``; a bad file raises ``InputError``
    and nothing is written (a bad row found late rolls the one transaction back).
    """
    require(actor, "manage_glossary")
    check_pair(settings, source_lang, target_lang)
    # the format and the encoding are checked now; a retry reads the file again
    unread = [iter_glossary_file(data, filename, source_lang, target_lang)]

    def store() -> dict[str, int]:
        entries = unread.pop() if unread else iter_glossary_file(
            data, filename, source_lang, target_lang)  # fmt: skip
        return _store_terms(settings, source_lang, target_lang, entries, filename)

    return retry_on_conflict(store)


#: Terms written per statement: memory stays bounded whatever the file's size (round 38).
IMPORT_BATCH = 500


def _store_terms(
    settings: Settings, source_lang: str, target_lang: str, entries: Iterator[Entry],
    filename: str,
) -> dict[str, int]:
    """Add or update the pair's terms in one transaction (``import_glossary``).

    Why batches of plain statements: one ORM object per row (and per existing
    term of the pair) held 525 MB for 100,000 rows until the commit.  A batch
    reads which of its terms exist, inserts the rest and updates those; a term
    repeated in the file is counted added once, then updated, and its last row
    wins, as before.  An error on any row rolls the whole import back.
    """
    added = updated = 0
    with session_scope(get_engine(settings.database_url)) as session:
        while batch := list(itertools.islice(entries, IMPORT_BATCH)):
            rows: dict[tuple[str, str], tuple[bool, str]] = {}
            for entry in batch:
                rows[_clean(entry.source, entry.target, entry.forbidden, entry.note)] = (
                    entry.forbidden, entry.note)  # fmt: skip
            present = _present(session, source_lang, target_lang, rows)
            seen: set[tuple[str, str]] = set()
            for entry in batch:
                key = (entry.source.strip(), entry.target.strip())
                if key in present or key in seen:
                    updated += 1
                else:
                    added += 1
                    seen.add(key)
            _write_batch(session, source_lang, target_lang, rows, present)
        if not added + updated:
            raise no_terms(source_lang, target_lang, filename)
    return {"added": added, "updated": updated}


def _present(
    session: Session, source_lang: str, target_lang: str, rows: dict[tuple[str, str], Any]
) -> set[tuple[str, str]]:
    """Which of these (source, target) terms the pair's glossary holds already."""
    table = GlossaryTerm.__table__
    found = session.execute(
        sa_select(table.c.source_term, table.c.target_term).where(
            table.c.source_lang == source_lang,
            table.c.target_lang == target_lang,
            table.c.source_term.in_({source for source, _target in rows}),
        )
    )
    return {(source, target) for source, target in found} & set(rows)


def _write_batch(
    session: Session, source_lang: str, target_lang: str,
    rows: dict[tuple[str, str], tuple[bool, str]], present: set[tuple[str, str]],
) -> None:
    """Insert a batch's new terms and update its present ones (the last row wins)."""
    table, now = GlossaryTerm.__table__, utcnow()
    new = [
        {"source_lang": source_lang, "target_lang": target_lang, "source_term": source,
         "target_term": target, "forbidden": forbidden, "note": note, "created_at": now,
         "updated_at": now}
        for (source, target), (forbidden, note) in rows.items() if (source, target) not in present
    ]  # fmt: skip
    if new:
        session.execute(sa_insert(table), new)
    old = [
        {"s": source, "t": target, "f": forbidden, "n": note}
        for (source, target), (forbidden, note) in rows.items() if (source, target) in present
    ]  # fmt: skip
    if old:
        session.execute(
            sa_update(table)
            .where(
                table.c.source_lang == source_lang, table.c.target_lang == target_lang,
                table.c.source_term == bindparam("s"), table.c.target_term == bindparam("t"),
            )  # fmt: skip
            .values(forbidden=bindparam("f"), note=bindparam("n"), updated_at=now),
            old,
        )
