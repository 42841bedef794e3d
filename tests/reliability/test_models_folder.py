"""The models folder (``WORKBENCH_MODELS_DIR`` or ``WORKBENCH_HOME/models``) is not a folder.

Why (round 34): a file there made ``models list`` say "No models installed" and
``languages`` list no MT pairs, as if all were well, while ``models install`` ended
in "unexpected FileExistsError ... (a bug: please report it)", exit 1.  Each now
says the folder is not one (exit 2), and the file is left as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from workbench.cli import main

pytestmark = [pytest.mark.bad_input]


def _cli(home: Path, models: Path, args: list[str]) -> Result:
    env = {"WORKBENCH_HOME": str(home), "WORKBENCH_MODELS_DIR": str(models)}
    return CliRunner().invoke(main, args, env=env)


@pytest.mark.parametrize("where", ["file", "under a file"])
def test_a_models_folder_that_is_a_file_is_named(
    tmp_path: Path, argos_packages: dict[tuple[str, str], Path], where: str
) -> None:
    blocker = tmp_path / "models"
    blocker.write_bytes(b"not a folder\n")
    models = blocker if where == "file" else blocker / "inner"
    archive = str(argos_packages[("en", "de")])
    for args in (["models", "list"], ["languages"], ["models", "install", archive],
                 ["models", "remove", "en", "de"]):  # fmt: skip
        result = _cli(tmp_path / "home", models, args)
        assert result.exit_code == 2, (args, result.output)
        assert result.output.startswith("Error: "), (args, result.output)
        assert f"{blocker} is a file, not a folder" in result.output, (args, result.output)
        assert "unexpected" not in result.output
    assert blocker.read_bytes() == b"not a folder\n"


def test_a_missing_models_folder_is_still_no_models(tmp_path: Path) -> None:
    result = _cli(tmp_path / "home", tmp_path / "nowhere" / "models", ["models", "list"])
    assert result.exit_code == 0 and "No models installed" in result.output
