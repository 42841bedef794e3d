"""story desk: alignment fingerprint (idempotent compare), article wire copy

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("alignment", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("fingerprint", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True)
        )
        batch_op.create_index(batch_op.f("ix_alignment_fingerprint"), ["fingerprint"], unique=True)
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.add_column(sa.Column("wire_version_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.drop_column("wire_version_id")
    with op.batch_alter_table("alignment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alignment_fingerprint"))
        batch_op.drop_column("fingerprint")
