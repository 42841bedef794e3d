"""compare jobs carry a heartbeat

Revision ID: 0011
Revises: 0010

A compare job's owner process writes ``heartbeat_at`` (on the database's
clock) while it holds the job (``services.heartbeat``), as thread translation
jobs do since 0010: another host's killed compare job is taken over within a
minute or two instead of ten, and a live one running one long comparison is not
taken over and computed twice (round 38).  Existing rows get NULL: the older
rule only.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("compare_job", schema=None) as batch_op:
        batch_op.add_column(sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("compare_job", schema=None) as batch_op:
        batch_op.drop_column("heartbeat_at")
