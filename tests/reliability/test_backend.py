"""The test database really is the backend CI asked for (guards the PostgreSQL switch)."""

from __future__ import annotations

import os

from sqlalchemy import text

from workbench.config import Settings
from workbench.store.db import get_engine


def test_settings_use_the_requested_backend(settings: Settings) -> None:
    engine = get_engine(settings.database_url)
    wanted = "postgresql" if os.environ.get("WORKBENCH_TEST_POSTGRES_URL") else "sqlite"
    assert engine.dialect.name == wanted


def test_each_test_gets_an_empty_database(settings: Settings) -> None:
    """Databases are per test: nothing written by other tests is visible."""
    with get_engine(settings.database_url).connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM version")).scalar_one() == 0
        assert conn.execute(text("SELECT COUNT(*) FROM outlet")).scalar_one() == 0
