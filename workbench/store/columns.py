"""Timestamps of the stored tables: ``utcnow``, ``iso_utc`` and the ``_ts`` column.

Why a module of its own: every table module (``models``, ``cat_models``,
``story_models``) stamps rows with ``_ts``, and ``models`` imports the other two so
``SQLModel.metadata`` always holds every table; the column helper lives below all
three, so no table module imports ``models`` back (round 40, layers40).  ``models``
re-exports the three names.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Column, DateTime
from sqlmodel import Field


def utcnow() -> datetime:
    """Timezone-aware now; stored as UTC."""
    return datetime.now(UTC)


def iso_utc(value: datetime | None) -> str | None:
    """ISO 8601 in UTC with ``Z``, for every JSON output.

    SQLite hands back naive datetimes (they were stored as UTC); PostgreSQL
    aware ones.  One function so CLI, API and exports agree on the format.
    """
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _ts(nullable: bool = False) -> Any:
    return Field(
        default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=nullable)
    )
