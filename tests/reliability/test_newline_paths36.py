"""A path holding a line break gives one ``Error:`` line (round 36).

Why: ``workbench ingest $'no\\nsuch.txt'`` printed ``Error: no such file: no`` and
``such.txt`` on a second line, so a script reading the first line of stderr (or
counting ``Error:`` lines) got half a message.  The CLI now shows a control
character inside an error as its escape (``no\\nsuch.txt``), as a shell user
types it, and every error stays one line.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli import main
from workbench.config import Settings


def _run(settings: Settings, *args: str) -> tuple[int, str]:
    env = {"WORKBENCH_HOME": str(settings.home), "WORKBENCH_DATABASE_URL": settings.database_url}
    result = CliRunner().invoke(main, list(args), env=env)
    return result.exit_code, result.output


@pytest.mark.bad_input
@pytest.mark.parametrize("name", ["no\nsuch.txt", "no\rsuch.txt", "tab\x1bbell.txt"])
def test_a_missing_file_with_a_line_break_is_one_error_line(
    settings: Settings, tmp_path: Path, name: str
) -> None:
    code, output = _run(settings, "ingest", str(tmp_path / name), "--outlet", "W")
    assert code == 2, output
    lines = output.rstrip("\n").split("\n")
    assert len(lines) == 1 and lines[0].startswith("Error: "), lines
    assert "\r" not in output and "\x1b" not in output
    assert repr(name)[1:-1] in lines[0]  # shown escaped: no\nsuch.txt


@pytest.mark.bad_input
def test_a_glossary_file_with_a_line_break_that_is_bad(settings: Settings, tmp_path: Path) -> None:
    bad = tmp_path / "terms\n.csv"
    bad.write_bytes(b"\x00\x01\x02binary")
    code, output = _run(settings, "glossary", "import", str(bad), "--from", "en", "--to", "de")
    assert code == 2, output
    assert len(output.rstrip("\n").split("\n")) == 1 and output.startswith("Error: "), output
