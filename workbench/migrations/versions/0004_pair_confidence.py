"""aligned pair confidence

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 17:20:00

Every bead carries the aligner's confidence (issue 16); rows stored before it
are taken as certain (1.0), as they were shown.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("alignedpair", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("confidence", sa.Float(), nullable=False, server_default="1.0")
        )


def downgrade() -> None:
    with op.batch_alter_table("alignedpair", schema=None) as batch_op:
        batch_op.drop_column("confidence")
