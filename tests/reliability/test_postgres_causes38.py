"""What a user can do to a PostgreSQL database is an ``Error:``, not "a bug" (round 38).

Why: ``store.db.database_error`` knew read-only (25006), permission denied
(42501), lost connections and full disks; any other ``ProgrammingError`` was
"unexpected … (a bug: please report it)", with the SQL and the values of the
row (a glossary term) in the message.  What a user or an administrator can
cause: a table or column dropped or a partial restore (42P01, 42703: the schema
no longer what its revision says), and a ``search_path`` naming no schema that
exists (3F000, in the URL's ``options`` or the role's setting).  Each now has its
own sentence (exit 8, the web's 503), as do read-only and permission denied.
"""

from __future__ import annotations

import os

import psycopg
import pytest
from click.testing import CliRunner
from sqlalchemy.engine import make_url

from workbench.cli import main
from workbench.config import Settings
from workbench.services import glossary
from workbench.store.db import dispose_engines


def _admin(settings: Settings, *statements: str, here: bool = False) -> None:
    """Run statements as the test server's admin: in this test's database (``here``),
    or in the admin's own (a read-only database cannot reset itself)."""
    admin = os.environ.get("WORKBENCH_TEST_POSTGRES_URL", "")
    if not admin or not settings.database_url.startswith("postgresql"):
        pytest.skip("PostgreSQL faults need WORKBENCH_TEST_POSTGRES_URL")
    url = make_url(settings.database_url if here else admin).set(drivername="postgresql")
    with psycopg.connect(url.render_as_string(hide_password=False), autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)  # type: ignore[arg-type]
    dispose_engines()


def _cli(url: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), env={"WORKBENCH_DATABASE_URL": url})
    return result.exit_code, result.output


def _one_clear_line(code: int, output: str, *needles: str) -> None:
    assert code == 8, output
    assert output.startswith("Error: ") and output.count("\n") == 1, output
    assert "a bug" not in output and "[SQL" not in output and "Fluss" not in output, output
    for needle in needles:
        assert needle in output, output


@pytest.mark.bad_input
@pytest.mark.backends("postgresql")
@pytest.mark.parametrize("statement", ["ALTER TABLE glossary_term DROP COLUMN note",
                                       "DROP TABLE glossary_term"])  # fmt: skip
def test_a_schema_changed_outside_workbench(settings: Settings, statement: str) -> None:
    glossary.import_glossary(settings, b"river,Fluss\n", "g.csv", "en", "de")
    _admin(settings, statement, here=True)
    for args in (("glossary", "list", "--from", "en", "--to", "de"),
                 ("glossary", "import", os.devnull, "--from", "en", "--to", "de")):  # fmt: skip
        if args[1] == "import":
            path = settings.home / "g.csv"
            path.write_text("river,Fluss\n", encoding="utf-8")
            args = (*args[:2], str(path), *args[3:])
        code, output = _cli(settings.database_url, *args)
        _one_clear_line(code, output, "glossary_term", "changed outside workbench")


@pytest.mark.bad_input
@pytest.mark.backends("postgresql")
def test_a_search_path_naming_no_schema(settings: Settings) -> None:
    _admin(settings)
    url = make_url(settings.database_url).update_query_dict({"options": "-csearch_path=nosuch"})
    code, output = _cli(url.render_as_string(hide_password=False), "glossary", "list", "--from",
                        "en", "--to", "de")  # fmt: skip
    _one_clear_line(code, output, "search_path", "schema")


@pytest.mark.bad_input
@pytest.mark.backends("postgresql")
def test_read_only_and_permission_say_what_to_do(settings: Settings) -> None:
    name = make_url(settings.database_url).database
    _admin(settings, f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
    try:
        path = settings.home / "g.csv"
        path.write_text("river,Fluss\n", encoding="utf-8")
        code, output = _cli(settings.database_url, "glossary", "import", str(path), "--from",
                            "en", "--to", "de")  # fmt: skip
        _one_clear_line(code, output, "read-only", "primary")
    finally:
        _admin(settings, f'ALTER DATABASE "{name}" RESET default_transaction_read_only')
    role = f"wb_noperm38_{os.getpid()}"
    create = f"CREATE ROLE \"{role}\" LOGIN PASSWORD 'noperm'"
    _admin(settings, f'DROP ROLE IF EXISTS "{role}"', create)
    try:  # a password: the server may ask for one on TCP
        url = make_url(settings.database_url).set(username=role, password="noperm")
        code, output = _cli(url.render_as_string(hide_password=False), "glossary", "list",
                            "--from", "en", "--to", "de")  # fmt: skip
        _one_clear_line(code, output, "permission", "GRANT")
    finally:
        dispose_engines()
        _admin(settings, f'DROP ROLE IF EXISTS "{role}"')
