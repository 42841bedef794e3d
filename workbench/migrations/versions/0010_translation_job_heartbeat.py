"""translation jobs carry a heartbeat

Revision ID: 0010
Revises: 0009

A thread job's owner process writes ``heartbeat_at`` while it holds the job
(``services.heartbeat``), so a reader on any host (several web servers on one
PostgreSQL) sees a killed server's job stopped within a minute or two instead
of the 600 s stall (round 37).  Existing rows get NULL: the older rules only.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("translationjob", schema=None) as batch_op:
        batch_op.add_column(sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("translationjob", schema=None) as batch_op:
        batch_op.drop_column("heartbeat_at")
