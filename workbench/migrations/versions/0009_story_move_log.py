"""a log of the versions moved between stories

Revision ID: 0009
Revises: 0008

A move (round 36) left no trace: nothing said that a version had been filed in
another story before.  ``story_move`` keeps one row per move or merge: the
version, the story slugs it left and joined (as they were; a story a move empties
is removed), the kind, who, and when (round 37).
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "story_move",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("from_slug", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("to_slug", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("by", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("moved_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("story_move", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_story_move_version_id"), ["version_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_story_move_from_slug"), ["from_slug"], unique=False)
        batch_op.create_index(batch_op.f("ix_story_move_to_slug"), ["to_slug"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("story_move", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_story_move_to_slug"))
        batch_op.drop_index(batch_op.f("ix_story_move_from_slug"))
        batch_op.drop_index(batch_op.f("ix_story_move_version_id"))
    op.drop_table("story_move")
