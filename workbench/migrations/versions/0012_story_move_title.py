"""the move log keeps a merged-away story's title

Revision ID: 0012
Revises: 0011

A merge removes the story it folds in; undoing it (``services.story_split``, round 38)
recreated that story titled by its first version's headline, as the log kept slugs
only.  ``from_title`` is the title the story had when it was merged away (round 38,
webb38).  Existing rows get NULL: their undo keeps the headline rule.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("story_move", schema=None) as batch_op:
        batch_op.add_column(sa.Column("from_title", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("story_move", schema=None) as batch_op:
        batch_op.drop_column("from_title")
