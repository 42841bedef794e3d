"""Which tests reach a database: the PostgreSQL pass of ``.ci/test`` runs only those.

Why: the whole suite used to run twice, once per database, and more than half of it (the
pure core: alignment, roles, checks, segmentation) never opens a database, so its second run
repeated the first exactly and cost the budget of CI's 30 minutes.  A test reaches the
database under test through the ``settings`` fixture (every per-test database, SQLite or
PostgreSQL, is made there) or by reading the server's address itself
(``WORKBENCH_TEST_POSTGRES_URL``, ``_fresh_database_url``), directly or through a helper
module of ``tests/``; every other test runs on SQLite only.  ``.ci/test`` sets
``WORKBENCH_TEST_DATABASE_ONLY=1`` for its PostgreSQL pass; without it nothing is deselected.
"""

from __future__ import annotations

import os
import sys
import types
from functools import cache
from pathlib import Path

import pytest

ENV = "WORKBENCH_TEST_DATABASE_ONLY"
#: the fixture that makes the per-test database on the server under test
DATABASE_FIXTURES = frozenset({"settings"})
#: words of a module that reads the server's address itself
DATABASE_WORDS = ("WORKBENCH_TEST_POSTGRES_URL", "_fresh_database_url", "fresh_postgres_database")
TESTS = Path(__file__).resolve().parent


@cache
def _mentions_database(path: str) -> bool:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        return True  # unreadable: keep the test rather than lose it
    return any(word in text for word in DATABASE_WORDS)


def _module_reaches(module: types.ModuleType | None) -> bool:
    """The test module, or a helper module of tests/ it imports, reads the server itself."""
    if module is None or getattr(module, "__file__", None) is None:
        return True
    if _mentions_database(module.__file__):
        return True
    for value in vars(module).values():
        owner = value if isinstance(value, types.ModuleType) else None
        if owner is None:
            name = getattr(value, "__module__", None)
            owner = sys.modules.get(name) if isinstance(name, str) else None
        path = getattr(owner, "__file__", None)
        if path and Path(path).resolve().is_relative_to(TESTS) and _mentions_database(path):
            return True
    return False


def reaches_database(item: pytest.Item) -> bool:
    """True when the test can open the database under test."""
    if DATABASE_FIXTURES & set(getattr(item, "fixturenames", ())):
        return True
    return _module_reaches(getattr(item, "module", None))


def select(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Deselect, when ``ENV`` is set, the tests that never reach a database."""
    if not os.environ.get(ENV):
        return
    keep = [item for item in items if reaches_database(item)]
    dropped = [item for item in items if not reaches_database(item)]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep
