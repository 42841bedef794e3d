"""``workbench translate 1 --to en``: a bare number where FILES go is a version id mistyped.

Why: files mode read ``1`` as a path and answered "files mode needs --out DIR", which sends a
translator looking for an output folder instead of the missing ``--version``.  A number that
names no file now gets an error that says which option was meant; a real file named ``1``
is still a file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli import main


def _run(tmp_path: Path, *args: str) -> tuple[int, str]:
    env = {"WORKBENCH_HOME": str(tmp_path / "home")}
    result = CliRunner().invoke(main, list(args), env=env)
    return result.exit_code, result.output


@pytest.mark.parametrize("name", ["1", "42"])
def test_bare_number_names_the_version_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out = _run(tmp_path, "translate", name, "--to", "en")
    assert code == 2
    assert (
        f"Error: no file named {name}: to translate stored version {name}, use --version {name}"
        in out
    )
    assert "Traceback" not in out


def test_a_real_file_named_by_a_number_is_still_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "7").write_text("Der Rat tagt.\n", encoding="utf-8")
    code, out = _run(tmp_path, "translate", "7", "--to", "en")
    assert code == 2
    assert "files mode needs --out DIR" in out
