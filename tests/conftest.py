"""Shared test setup.

Argos Translate reads XDG/ARGOS variables at *import* time and would otherwise
create folders under $HOME and try the network, so they are pointed at a
throw-away folder before anything imports it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

_ISOLATED = Path(tempfile.mkdtemp(prefix="workbench-tests-"))
os.environ.update(
    {
        "XDG_DATA_HOME": str(_ISOLATED / "data"),
        "XDG_CONFIG_HOME": str(_ISOLATED / "config"),
        "XDG_CACHE_HOME": str(_ISOLATED / "cache"),
        "ARGOS_PACKAGES_DIR": str(_ISOLATED / "argos-packages"),
        "ARGOS_DEVICE_TYPE": "cpu",
        "ARGOS_INTRA_THREADS": "1",
    }
)
os.environ.pop("WORKBENCH_DATABASE_URL", None)
os.environ.pop("WORKBENCH_HOME", None)

import pytest  # noqa: E402

from workbench.config import Settings  # noqa: E402
from workbench.store.db import dispose_engines, get_engine  # noqa: E402
from workbench.store.migrate import upgrade  # noqa: E402

#: The workplace's shared data, beside the clone (``WORKBENCH_SHARED`` overrides).
SHARED = Path(os.environ.get("WORKBENCH_SHARED") or Path(__file__).resolve().parents[2] / "shared")
SEED_ARTICLE = SHARED / "data" / "seed-article.txt"
TEXTBERG = SHARED / "data" / "textberg-dev"


def _fresh_database_url(tmp_path: Path) -> str:
    """A new empty database for one test: a SQLite file, or a PostgreSQL database.

    With ``WORKBENCH_TEST_POSTGRES_URL`` set (``.ci/run`` does), every test gets
    its own database on that server instead.
    """
    pg = os.environ.get("WORKBENCH_TEST_POSTGRES_URL")
    if pg:
        from tests.pg import fresh_postgres_database

        return fresh_postgres_database(pg)
    return f"sqlite:///{tmp_path / 'workbench.db'}"


@pytest.fixture
def settings(tmp_path: Path) -> Iterator[Settings]:
    """Settings with a private home folder and a freshly migrated database."""
    home = tmp_path / "home"
    home.mkdir()
    url = _fresh_database_url(tmp_path)
    upgrade(url)
    yield Settings(home=home, database_url=url, models_dir=home / "models")
    dispose_engines()


@pytest.fixture
def engine(settings: Settings):  # type: ignore[no-untyped-def]
    """The SQLAlchemy engine of the per-test database."""
    return get_engine(settings.database_url)


@pytest.fixture
def seed_article() -> Path:
    """The real scraped page shared with the project (read in place, never copied)."""
    assert SEED_ARTICLE.exists(), f"missing shared data: {SEED_ARTICLE}"
    return SEED_ARTICLE


@pytest.fixture(scope="session")
def argos_packages(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Generated ``.argosmodel`` files, built once per session (about a second).

    EN->DE is a word-dictionary model (``workbench.testing.corpus.EN_DE_WORDS``);
    de/ru/uk/fr->en and en->ru/uk/fr are copy models (output == input).
    """
    from workbench.testing.argos_models import build_test_packages

    return build_test_packages(tmp_path_factory.mktemp("argos-packages"))


@pytest.fixture
def mt_settings(settings: Settings, argos_packages: dict[tuple[str, str], Path]) -> Settings:
    """``settings`` with every generated package installed offline (one MT thread)."""
    from workbench.adapters.mt import install_package

    mt = settings.with_(mt_threads=1)
    assert mt.models_dir is not None
    for path in argos_packages.values():
        install_package(mt.models_dir, path)
    return mt
