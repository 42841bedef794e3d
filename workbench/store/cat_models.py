"""Tables of the CAT features: memory, glossary, accounts and segment history.

Kept apart from ``models.py`` so the CAT lane does not collide with the other
tables; ``models.py`` imports this module, so ``SQLModel.metadata`` (and with it
Alembic's autogenerate check) always sees these tables too.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from workbench.store.columns import _ts


class TMUnit(SQLModel, table=True):
    """A translation unit imported into the memory (TMX); approved DB translations
    are read straight from ``translation`` and never copied here."""

    __tablename__ = "tm_unit"
    __table_args__ = (
        UniqueConstraint(
            "source_lang", "target_lang", "source_hash", "target_hash", name="uq_tm_unit"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    source_lang: str = Field(max_length=10, index=True)
    target_lang: str = Field(max_length=10, index=True)
    source_text: str = Field(sa_column=Column(Text, nullable=False))
    target_text: str = Field(sa_column=Column(Text, nullable=False))
    source_hash: str = Field(max_length=64)
    target_hash: str = Field(max_length=64)
    origin: str = Field(default="", max_length=300)  # file name the unit came from
    author: str = Field(default="", max_length=200)
    created_at: datetime = _ts()


class GlossaryTerm(SQLModel, table=True):
    """One term of a language pair's glossary.

    ``forbidden`` marks a target term that must not appear in a translation of a
    segment containing ``source_term``; otherwise ``target_term`` is required.
    """

    __tablename__ = "glossary_term"
    __table_args__ = (
        UniqueConstraint(
            "source_lang", "target_lang", "source_term", "target_term", name="uq_glossary_term"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    source_lang: str = Field(max_length=10, index=True)
    target_lang: str = Field(max_length=10, index=True)
    source_term: str = Field(max_length=300)
    target_term: str = Field(max_length=300)
    forbidden: bool = False
    note: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    created_at: datetime = _ts()
    updated_at: datetime = _ts()


class UserAccount(SQLModel, table=True):
    """A member of the team; ``password_hash`` is werkzeug's scrypt/pbkdf2 string."""

    __tablename__ = "user_account"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100, unique=True, index=True)
    role: str = Field(max_length=20)  # translator | reviewer | admin
    password_hash: str = Field(max_length=300)
    token_hash: str | None = Field(default=None, max_length=64, index=True)  # sha256 of API token
    created_at: datetime = _ts()


class SegmentRevision(SQLModel, table=True):
    """Every saved state of a translation, with who and when (history and revert).

    ``action`` says how the state came about: machine | save | propagate | revert
    | undo; ``source_segment_id`` names the approved segment a propagation copied.
    """

    __tablename__ = "segment_revision"

    id: int | None = Field(default=None, primary_key=True)
    segment_id: int = Field(foreign_key="segment.id", index=True, ondelete="CASCADE")
    target_lang: str = Field(max_length=10)
    revision: int
    text: str = Field(sa_column=Column(Text, nullable=False))
    status: str = Field(max_length=20)
    author: str = Field(default="", max_length=100)
    action: str = Field(default="save", max_length=20)
    source_segment_id: int | None = None
    batch: str = Field(default="", max_length=40, index=True)  # one propagation = one batch
    created_at: datetime = _ts()
