"""Shared test setup.

Argos Translate reads XDG/ARGOS variables at *import* time and would otherwise
create folders under $HOME and try the network, so they are pointed at a
throw-away folder before anything imports it.  That folder also holds pytest's
``basetemp`` (unless ``--basetemp`` is given) and is removed when the run ends,
pass or fail, so a test run leaves nothing behind in /tmp
(``WORKBENCH_KEEP_TEST_TMP=1`` keeps it for a post-mortem).

External data: the workplace's ``../shared`` folder (or ``$WORKBENCH_SHARED``)
holds real captured pages, a dev corpus and a reference scorer.  A fresh clone
does not have it, so tests that read it ask for it through ``shared_file()``
and skip with a visible reason when it is absent; the repository's own
fixtures (``tests/data/``) cover every behaviour without it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

# One folder per test run; worker processes that import this module (spawned
# by multiprocessing, or pytest-xdist's workers) inherit it through the environment
# instead of making their own.
_ISOLATED = Path(
    os.environ.get("WORKBENCH_TEST_TMP") or tempfile.mkdtemp(prefix="workbench-tests-")
)
_OWNER = "WORKBENCH_TEST_TMP" not in os.environ
os.environ["WORKBENCH_TEST_TMP"] = str(_ISOLATED)
# Each xdist worker (``-n 2``, .ci/test) gets its own XDG/Argos folders inside the run's
# folder: a test that reaches the default home (``$XDG_DATA_HOME/workbench``) or Argos'
# package folder must not share it with a test running at the same time in another worker.
_PRIVATE = _ISOLATED / os.environ.get("PYTEST_XDIST_WORKER", "")
os.environ.update(
    {
        "XDG_DATA_HOME": str(_PRIVATE / "data"),
        "XDG_CONFIG_HOME": str(_PRIVATE / "config"),
        "XDG_CACHE_HOME": str(_PRIVATE / "cache"),
        "ARGOS_PACKAGES_DIR": str(_PRIVATE / "argos-packages"),
        "ARGOS_DEVICE_TYPE": "cpu",
        "ARGOS_INTRA_THREADS": "1",
    }
)
os.environ.pop("WORKBENCH_DATABASE_URL", None)
os.environ.pop("WORKBENCH_HOME", None)

import pytest  # noqa: E402

from tests import hypothesis_profiles  # noqa: E402

# Replayable from the log; no deadline; the gate derandomized (tests/hypothesis_profiles.py)
hypothesis_profiles.load()

from workbench.config import Settings  # noqa: E402
from workbench.store.db import dispose_engines, get_engine  # noqa: E402
from workbench.store.migrate import upgrade  # noqa: E402

#: The workplace's shared data, beside the clone (``WORKBENCH_SHARED`` overrides).
SHARED = Path(os.environ.get("WORKBENCH_SHARED") or Path(__file__).resolve().parents[2] / "shared")
SEED_ARTICLE = SHARED / "data" / "seed-article.txt"
TEXTBERG = SHARED / "data" / "textberg-dev"
#: node ids of the reliability suite (its bad-input registry is summarised at the end)
RELIABILITY = "tests/reliability/"


def shared_file(path: Path) -> Path:
    """``path`` under the shared data folder, or skip the test saying why."""
    if not path.exists():
        pytest.skip(
            f"external data {path} is absent (set WORKBENCH_SHARED to the shared data "
            "folder to run this test; the repository's own fixtures cover the behaviour)"
        )
    return path


def pytest_configure(config: pytest.Config) -> None:
    """Put pytest's temporary folders inside the run's own throw-away folder."""
    if config.option.basetemp is None:
        config.option.basetemp = str(_ISOLATED / "pytest")


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the run's temporary folder (pass or fail) unless asked to keep it."""
    if not _OWNER:  # a worker process, or a pytest run inside a pytest run
        return
    if os.environ.get("WORKBENCH_KEEP_TEST_TMP"):
        print(f"\nkept the test run's temporary files in {_ISOLATED}")
        return
    dispose_engines()
    shutil.rmtree(_ISOLATED, ignore_errors=True)


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


def _migrated_database_url(tmp_path: Path) -> str:
    """A new database already at the head revision: a copy of one this process migrated.

    Why a copy: Alembic's twelve migrations took about 0.7 s per test (over a second on a
    loaded CI machine), for ~950 tests per pass; a copy of the same migrated database takes
    milliseconds.  The copy is the very database ``upgrade`` makes (schema, ``alembic_version``,
    SQLite's WAL mode in the file header); each process migrates its own template once
    (``tests/pg.py``'s ``migrated_template`` on PostgreSQL), so workers share nothing.
    Tests of the migrations themselves call ``upgrade`` on ``_fresh_database_url``.
    """
    pg = os.environ.get("WORKBENCH_TEST_POSTGRES_URL")
    if pg:
        from tests.pg import fresh_postgres_database, migrated_template

        return fresh_postgres_database(pg, template=migrated_template(pg))
    target = tmp_path / "workbench.db"
    # 0600 like ``store.db._private_file``: a copy must not widen the file's mode
    with _sqlite_template().open("rb") as source:
        fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "wb") as copy:
            shutil.copyfileobj(source, copy)
    return f"sqlite:///{target}"


@cache
def _sqlite_template() -> Path:
    """This process's migrated SQLite database (closed, so the file alone is the database)."""
    path = _PRIVATE / f"migrated-{os.getpid()}" / "workbench.db"
    url = f"sqlite:///{path}"
    upgrade(url)
    get_engine(url).dispose()  # SQLite checkpoints and drops the -wal file on the last close
    assert not path.with_name(path.name + "-wal").exists()
    return path


@pytest.fixture(autouse=True)
def _browser_time_limit(request: pytest.FixtureRequest) -> Iterator[None]:
    """Browser tests run under a hard limit (``tests/web/browser_guard.py`` says why)."""
    if request.node.get_closest_marker("browser") is None:
        yield
        return
    from tests.web.browser_guard import BROWSER_TEST_LIMIT, watchdog

    with watchdog(BROWSER_TEST_LIMIT, request.node.nodeid):
        yield


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The PostgreSQL pass of ``.ci/test`` runs only the tests that reach a database."""
    from tests.db_only import select

    select(config, items)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Print how many bad-input kinds the suite pins on each backend, when it ran any.

    Why here, not in ``tests/reliability/conftest.py``: under pytest-xdist (``-n 2``,
    ``.ci/test``) only the controller prints the summary, and it never loads a sub-folder's
    conftest (it collects nothing itself).  The count is read from the marks
    (``tests/reliability/kinds.py``), not from the workers, so it is the same whichever
    worker ran which test; the reports the controller gathered say whether any ran.
    """
    reports = (r for group in terminalreporter.stats.values() for r in group)
    if any(getattr(r, "nodeid", "").startswith(RELIABILITY) for r in reports):
        from tests.reliability.kinds import summary

        terminalreporter.write_line(summary())


@pytest.fixture
def settings(tmp_path: Path) -> Iterator[Settings]:
    """Settings with a private home folder and a freshly migrated database."""
    home = tmp_path / "home"
    home.mkdir()
    url = _migrated_database_url(tmp_path)
    yield Settings(home=home, database_url=url, models_dir=home / "models")
    dispose_engines()


@pytest.fixture
def engine(settings: Settings):  # type: ignore[no-untyped-def]
    """The SQLAlchemy engine of the per-test database."""
    return get_engine(settings.database_url)


@pytest.fixture
def seed_article() -> Path:
    """The real scraped page shared with the project (read in place, never copied).

    Skipped without the shared folder: ``tests/data/pages`` has the project's own
    pages of the same shape (``own_page`` in tests/ingest/test_own_pages.py).
    """
    return shared_file(SEED_ARTICLE)


@pytest.fixture(scope="session")
def argos_packages(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Generated ``.argosmodel`` files, built once per session (about a second).

    EN->DE is a word-dictionary model (``workbench.testing.corpus.EN_DE_WORDS``);
    de/ru/uk/fr->en and en->ru/uk/fr are copy models (output == input).
    """
    from workbench.testing.argos_models import build_test_packages

    return build_test_packages(tmp_path_factory.mktemp("argos-packages"))


@pytest.fixture(scope="session")
def installed_models(
    argos_packages: dict[tuple[str, str], Path], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A models folder with every generated package installed by ``install_package``, once
    per process; ``mt_settings`` copies it (read-only here: no test gets this folder)."""
    from workbench.adapters.mt import install_package

    folder = tmp_path_factory.mktemp("installed-models") / "models"
    for path in argos_packages.values():
        install_package(folder, path)
    return folder


@pytest.fixture
def mt_settings(settings: Settings, installed_models: Path) -> Settings:
    """``settings`` with every generated package installed offline (one MT thread).

    Why a copy of ``installed_models``: ``install_package`` loads each model and translates a
    test sentence before moving it into place (about 1 s for the eight packages, per test,
    in 92 tests per pass); the copied folder is the folder those installs leave.  The
    install itself is tested in tests/mt/test_packages.py and tests/reliability.
    """
    mt = settings.with_(mt_threads=1)
    assert mt.models_dir is not None
    shutil.copytree(installed_models, mt.models_dir, dirs_exist_ok=True)
    return mt
