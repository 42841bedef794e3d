"""translation jobs record their owner process

Revision ID: 0008
Revises: 0007

A thread job runs in the web process that took it; ``owner`` (host:pid:token,
``services.owners``) lets a reader see at once that this process is gone, as
compare jobs already could (round 36).  Existing rows get "" (unknown owner:
only the stall timeout speaks for them).
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("translationjob", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "owner",
                sqlmodel.sql.sqltypes.AutoString(length=200),
                nullable=False,
                server_default="",
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("translationjob", schema=None) as batch_op:
        batch_op.drop_column("owner")
