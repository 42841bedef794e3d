"""A database URL whose host or port cannot be parsed is an ``Error:`` (round 38).

Why: ``WORKBENCH_DATABASE_URL='postgresql://u@[::1/db'`` (an IPv6 address missing
its closing bracket) or a port that is no number made SQLAlchemy's ``make_url``
raise a bare ``ValueError``; the memory-database check let it through and the
user read "unexpected ValueError … (a bug: please report it)", exit 1.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli import main


@pytest.mark.bad_input
@pytest.mark.parametrize("url", ["postgresql://u@[::1/db", "postgresql://u@host:port/db",
                                 "postgresql://u@host:5432:1/db"])  # fmt: skip
def test_an_unparsable_host_or_port_is_a_clear_error(url: str, tmp_path: Path) -> None:
    env = {"WORKBENCH_HOME": str(tmp_path), "WORKBENCH_DATABASE_URL": url}
    result = CliRunner().invoke(main, ["jobs"], env=env)
    assert result.exit_code == 8, result.output
    assert result.output.startswith("Error: cannot parse the database URL"), result.output
    assert "a bug" not in result.output
