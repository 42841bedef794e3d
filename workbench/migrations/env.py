"""Alembic environment: uses the connection handed in by ``workbench.store.migrate``."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import workbench.store.models  # noqa: F401  (registers the tables)
from workbench.store.db import get_engine

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    """Run with a given connection, or open one from the configured URL."""
    conn = config.attributes.get("connection")
    if conn is None:
        with get_engine(config.get_main_option("sqlalchemy.url")).begin() as own:
            _run(own)
    else:
        _run(conn)


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
