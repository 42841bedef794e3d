"""aligned pair roles (bounded compare views filter without JSON)

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("alignedpair", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("roles", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("alignedpair", schema=None) as batch_op:
        batch_op.drop_column("roles")
