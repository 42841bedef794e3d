"""Helpers for the reliability suite: whole-database snapshots.

Why whole-table dumps instead of a few counts: "bad input leaves the database
unchanged" and "a resumed job reaches the same state" are claims about every
row, so the tests compare every row (ids and timestamps aside where the claim is
about content rather than identity).
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import MetaData, select
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

import workbench.store.models  # noqa: F401  (registers the tables)

TIMESTAMP_COLUMNS = frozenset({"created_at", "updated_at", "captured_at"})


def _sortable(row: tuple[Any, ...]) -> tuple[str, ...]:
    return tuple(repr(value) for value in row)


def snapshot(engine: Engine, *, skip: frozenset[str] = frozenset()) -> dict[str, list[tuple]]:
    """Every row of every application table, sorted, minus the columns in ``skip``."""
    metadata: MetaData = SQLModel.metadata
    dump: dict[str, list[tuple]] = {}
    with engine.connect() as conn:
        for name, table in sorted(metadata.tables.items()):
            columns = [c for c in table.columns if c.name not in skip]
            rows = [tuple(r) for r in conn.execute(select(*columns))]
            dump[name] = sorted(rows, key=_sortable)
    return dump


def row_counts(engine: Engine) -> dict[str, int]:
    """Rows per application table (for readable assertion messages)."""
    return {name: len(rows) for name, rows in snapshot(engine).items()}


@pytest.fixture
def db_snapshot():  # type: ignore[no-untyped-def]
    """The ``snapshot`` function, as a fixture for tests that prefer injection."""
    return snapshot
