"""The models folder (``WORKBENCH_MODELS_DIR`` or ``WORKBENCH_HOME/models``) is not a folder.

Why (round 34): a file there made ``models list`` say "No models installed" and
``languages`` list no MT pairs, as if all were well, while ``models install`` ended
in "unexpected FileExistsError ... (a bug: please report it)", exit 1.  Each now
says the folder is not one (exit 2), and the file is left as it was.
"""

from __future__ import annotations

import os
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


@pytest.mark.parametrize("kind", ["deep", "folder", "fifo"])
def test_an_unreadable_metadata_json_lists_the_package_as_broken(tmp_path: Path, kind: str) -> None:
    """A package folder whose ``metadata.json`` nests 100,000 arrays (``RecursionError``)
    or is a folder (``IsADirectoryError``) ended every ``models list`` in "unexpected ...
    (a bug)", exit 1; a FIFO there made it wait forever.  Each is a broken package now,
    listed with its problem, as a malformed ``metadata.json`` always was."""
    models = tmp_path / "models"
    meta = models / "evil" / "metadata.json"
    meta.parent.mkdir(parents=True)
    if kind == "deep":
        meta.write_text("[" * 100_000 + "]" * 100_000)
    elif kind == "folder":
        meta.mkdir()
    else:
        os.mkfifo(meta)
    result = _cli(tmp_path / "home", models, ["models", "list"])
    assert result.exit_code == 0, result.output
    assert "BROKEN" in result.output and "evil" in result.output, result.output
