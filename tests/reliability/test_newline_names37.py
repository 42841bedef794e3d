"""A file name holding a line break gives one success line (round 37).

Why: round 36 escaped control characters in every ``Error:``, but ``workbench ingest``
of ``article<newline>new.txt`` still printed its success line as it was, split in two
(``... (article`` / ``new.txt)``), and a multi-file run's per-file ``Error:`` was not
escaped either.  Every line the ingest report prints is now one line, with the
control characters shown as a shell user types them (``article\\nnew.txt``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli import main
from workbench.config import Settings

TEXT = "Ein Damm leckt.\n\nDie Feuerwehr ist vor Ort und pumpt Wasser ab.\n"


def _run(settings: Settings, *args: str) -> tuple[int, str, str]:
    env = {"WORKBENCH_HOME": str(settings.home), "WORKBENCH_DATABASE_URL": settings.database_url}
    result = CliRunner().invoke(main, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.bad_input
@pytest.mark.parametrize("name", ["article\nnew.txt", "article\rnew.txt", "esc\x1b[31mred.txt"])
def test_an_ingested_file_with_a_line_break_is_one_success_line(
    settings: Settings, tmp_path: Path, name: str
) -> None:
    page = tmp_path / name
    page.write_text(TEXT, encoding="utf-8")
    code, out, err = _run(settings, "ingest", str(page), "--outlet", "W")
    assert code == 0, (out, err)
    lines = out.rstrip("\n").split("\n")
    assert len(lines) == 1 and lines[0].startswith("created  version"), lines
    assert "\r" not in out and "\x1b" not in out
    assert repr(name)[1:-1] in lines[0]


@pytest.mark.bad_input
def test_a_bad_file_among_several_is_one_error_line(settings: Settings, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "bad\nfile.txt").write_bytes(b"\x00\x01\x02binary\x00")
    code, out, err = _run(settings, "ingest", str(tmp_path), "--outlet", "W")
    assert code == 12, (out, err)
    errors = [line for line in err.split("\n") if "Error:" in line]
    assert len(errors) == 2, err  # the file's own and the summary
    assert "bad\\nfile.txt" in errors[0] and "file.txt" not in err.replace(errors[0], "")
