"""story desk: segment revision counters (kept by triggers) and persistent compare jobs

Revision ID: 0007
Revises: 0006

``version_revision.segments_rev`` grows on every insert, update or delete of a
segment, whoever writes it: triggers on ``segment`` keep it (row triggers on
SQLite, statement triggers with transition tables on PostgreSQL, so a bulk
insert of 10,000 segments bumps the counter once per statement there).
Comparison fingerprints are built from it (``services.alignment_store``).
Versions without a row count as revision 0.
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_BUMP_SQLITE = (
    "INSERT INTO version_revision (version_id, segments_rev) {source} "
    "ON CONFLICT (version_id) DO UPDATE SET segments_rev = segments_rev + 1;"
)
SQLITE_TRIGGERS = {
    "segment_rev_insert": "AFTER INSERT ON segment BEGIN "
    + _BUMP_SQLITE.format(source="VALUES (NEW.version_id, 1)")
    + " END",
    "segment_rev_update": "AFTER UPDATE ON segment BEGIN "
    + _BUMP_SQLITE.format(source="VALUES (NEW.version_id, 1)")
    + " "
    + _BUMP_SQLITE.format(
        source="SELECT OLD.version_id, 1 WHERE OLD.version_id IS NOT NEW.version_id"
    )
    + " END",
    "segment_rev_delete": "AFTER DELETE ON segment BEGIN "
    + _BUMP_SQLITE.format(source="VALUES (OLD.version_id, 1)")
    + " END",
}

_BUMP_PG = (
    "INSERT INTO version_revision (version_id, segments_rev) "
    "SELECT DISTINCT version_id, 1 FROM {table} "
    "ON CONFLICT (version_id) DO UPDATE "
    "SET segments_rev = version_revision.segments_rev + 1;"
)
PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION workbench_segment_rev() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN {_BUMP_PG.format(table="new_rows")} END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN {_BUMP_PG.format(table="old_rows")} END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql
"""
PG_TRIGGERS = {
    "segment_rev_insert": "AFTER INSERT ON segment REFERENCING NEW TABLE AS new_rows",
    "segment_rev_update": "AFTER UPDATE ON segment "
    "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
    "segment_rev_delete": "AFTER DELETE ON segment REFERENCING OLD TABLE AS old_rows",
}


def _create_triggers() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_FUNCTION)
        for name, when in PG_TRIGGERS.items():
            op.execute(
                f"CREATE TRIGGER {name} {when} FOR EACH STATEMENT "
                "EXECUTE FUNCTION workbench_segment_rev()"
            )
    else:
        for name, body in SQLITE_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")


def _drop_triggers() -> None:
    for name in SQLITE_TRIGGERS:
        if op.get_bind().dialect.name == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON segment")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS workbench_segment_rev()")


def upgrade() -> None:
    op.create_table(
        "version_revision",
        sa.Column("version_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("segments_rev", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("version_id"),
    )
    _create_triggers()
    op.create_table(
        "compare_job",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("active_key", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("done", sa.Integer(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("owner", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("active_key"),
    )
    with op.batch_alter_table("compare_job", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_compare_job_key"), ["key"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("compare_job", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_compare_job_key"))
    op.drop_table("compare_job")
    _drop_triggers()
    op.drop_table("version_revision")
