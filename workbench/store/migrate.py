"""Alembic driven from code, so no ``alembic.ini`` is needed at the top level."""

from __future__ import annotations

import threading

from alembic import command
from alembic.config import Config
from sqlalchemy import exc

from workbench.store.db import as_database_error, get_engine

_READY: set[str] = set()
_READY_LOCK = threading.Lock()  # Alembic's context is module-global: one upgrade at a time


def alembic_config(url: str) -> Config:
    """An Alembic config pointing at the packaged migrations and ``url``."""
    cfg = Config()
    cfg.set_main_option("script_location", "workbench:migrations")
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(url: str, revision: str = "head") -> None:
    """Create or upgrade the schema at ``url``."""
    cfg = alembic_config(url)
    with get_engine(url).begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def downgrade(url: str, revision: str) -> None:
    """Downgrade the schema at ``url`` (used by migration tests)."""
    cfg = alembic_config(url)
    with get_engine(url).begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


def ensure_database(url: str) -> None:
    """Create/upgrade the schema at ``url`` once per process; the entrances call it first.

    Why here: the CLI (``workbench.commands.common.database_settings``), the web
    (``create_app``/``serve``) and the demo each call it once, so a wrong URL or
    an unreachable server is one ``DatabaseError`` (``Error:``, exit code 8)
    before any work, never a driver traceback in the middle of it.
    """
    with _READY_LOCK:
        if url in _READY:
            return
        try:
            upgrade(url)
        except (exc.OperationalError, exc.InterfaceError, exc.ArgumentError) as error:
            raise as_database_error(url, error) from error
        _READY.add(url)
