"""Alembic migrations against the real backend (SQLite, or PostgreSQL in CI).

Why: a team upgrades a shared PostgreSQL database in place, so migrations must
build the schema from nothing, undo cleanly, and describe exactly what the
SQLModel classes declare (otherwise the next autogenerate writes surprises).
"""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlmodel import SQLModel

import workbench.store.models  # noqa: F401  (registers the tables)
from workbench.config import Settings
from workbench.store.db import get_engine
from workbench.store.migrate import alembic_config, downgrade, upgrade

APP_TABLES = set(SQLModel.metadata.tables)
INSERT_OUTLET = "INSERT INTO outlet (name, created_at) VALUES (:name, CURRENT_TIMESTAMP)"


def _tables(url: str) -> set[str]:
    return set(inspect(get_engine(url)).get_table_names()) - {"alembic_version"}


def _current_revision(url: str) -> str | None:
    with get_engine(url).connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config("sqlite://"))


def test_single_head_and_linear_history() -> None:
    script = _script()
    assert len(script.get_heads()) == 1
    revisions = list(script.walk_revisions())
    assert revisions[-1].down_revision is None
    assert all(not rev.is_merge_point for rev in revisions)


def test_upgrade_from_empty_creates_every_model_table(settings: Settings) -> None:
    url = settings.database_url
    downgrade(url, "base")
    assert _tables(url) == set()
    assert _current_revision(url) is None
    upgrade(url)
    assert _tables(url) == APP_TABLES
    assert _current_revision(url) == _script().get_current_head()


def test_downgrade_upgrade_round_trip_step_by_step(settings: Settings) -> None:
    """Every revision downgrades to its parent, then the whole chain upgrades again."""
    url = settings.database_url
    with get_engine(url).begin() as conn:
        conn.execute(text(INSERT_OUTLET), {"name": "Keep"})
    revisions = [rev.revision for rev in _script().walk_revisions()]  # head first
    for index in range(len(revisions)):
        target = revisions[index + 1] if index + 1 < len(revisions) else "base"
        downgrade(url, target)
        assert _current_revision(url) == (None if target == "base" else target)
    assert _tables(url) == set()
    upgrade(url)
    assert _tables(url) == APP_TABLES
    downgrade(url, "base")
    upgrade(url)
    assert _tables(url) == APP_TABLES
    assert _current_revision(url) == revisions[0]


def test_upgrade_twice_is_a_no_op(settings: Settings) -> None:
    url = settings.database_url
    with get_engine(url).begin() as conn:
        conn.execute(text(INSERT_OUTLET), {"name": "Stay"})
    upgrade(url)
    with get_engine(url).connect() as conn:
        assert conn.execute(text("SELECT name FROM outlet")).scalars().all() == ["Stay"]


def test_models_match_migrations(settings: Settings) -> None:
    """Autogenerate against a database built by the migrations finds nothing to do."""
    with get_engine(settings.database_url).connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, SQLModel.metadata)
    assert diff == [], f"models and migrations disagree (add a revision): {diff}"


def _fill(settings: Settings) -> None:
    """Rows in the story-desk, translation and job tables, through the real services."""
    from workbench.services.compare import compare_versions
    from workbench.services.ingest import ingest_bytes
    from workbench.services.stories import set_wire

    text = "Harbour bridge closed\n\nEngineers closed the bridge on Sunday. About 42 cars."
    ids = [
        ingest_bytes(
            settings, (text + extra).encode(), filename=f"{k}.txt", outlet=f"o{k}", article="bridge"
        ).version_id  # fmt: skip
        for k, extra in enumerate(("", " Ferries run every 20 minutes."))
    ]
    compare_versions(settings, ids[0], ids[1])
    set_wire(settings, "bridge", ids[0])
    with get_engine(settings.database_url).begin() as conn:
        seg = conn.execute(text_sql("SELECT min(id) FROM segment")).scalar_one()
        conn.execute(
            text_sql(
                "INSERT INTO translation (segment_id, target_lang, engine, model_id, "
                "model_version, text, mt_text, status, revision, created_at, updated_at) "
                "VALUES (:s, 'de', 'argos', 'm', '1', 'Brücke', '', 'machine', 1, "
                "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            ),
            {"s": seg},
        )


def text_sql(sql: str):  # type: ignore[no-untyped-def]
    return text(sql)


def test_downgrade_to_base_and_back_with_data_present(settings: Settings) -> None:
    """Every migration's downgrade works with rows in every table it touches, step by step."""
    url = settings.database_url
    _fill(settings)
    revisions = [rev.revision for rev in _script().walk_revisions()]  # head first
    for index in range(len(revisions)):
        target = revisions[index + 1] if index + 1 < len(revisions) else "base"
        downgrade(url, target)
        if target == "0001":  # batch copies of parent tables kept their children's rows
            with get_engine(url).connect() as conn:
                for table in ("alignedpair", "segment", "translation", "version"):
                    count = conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
                    assert count > 0, table
    assert _tables(url) == set()
    upgrade(url)
    _fill(settings)  # the rebuilt schema takes the same data again
    downgrade(url, "base")
    upgrade(url)
    assert _tables(url) == APP_TABLES
