"""Helpers for the ingest tests: row counts and a CLI runner bound to the test DB."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import func
from sqlmodel import Session, select

from workbench.cli import main
from workbench.config import Settings
from workbench.store.db import get_engine
from workbench.store.models import Article, Outlet, Segment, Version


def row_counts(settings: Settings) -> dict[str, int]:
    """Rows per ingest table: proves a failed ingest left nothing behind."""
    with Session(get_engine(settings.database_url)) as session:
        return {
            model.__name__: session.exec(select(func.count()).select_from(model)).one()
            for model in (Outlet, Article, Version, Segment)
        }


@pytest.fixture
def counts(settings: Settings) -> Callable[[], dict[str, int]]:
    return lambda: row_counts(settings)


@pytest.fixture
def cli(settings: Settings) -> Callable[..., Result]:
    """Run ``workbench --database-url <test db> ARGS...``."""
    runner = CliRunner()

    def run(*args: str) -> Result:
        return runner.invoke(main, ["--database-url", settings.database_url, *args])

    return run
