"""The CLI reference is current, complete, and the CLI has no import cycle.

Why: README and docs must stay in step with behaviour; docs/cli.md is generated
from ``--help`` (sqlite-utils style), so a new command or option that is not in
it fails here with the command that regenerates it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click

from workbench.cli import main
from workbench.commands import reference

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "cli.md"
REGENERATE = "python -m workbench.cli_reference > docs/cli.md"


def test_cli_reference_is_current() -> None:
    assert DOC.read_text(encoding="utf-8") == reference.render(main), (
        f"docs/cli.md is out of date: run `{REGENERATE}`"
    )


def test_every_command_and_option_is_documented() -> None:
    doc = DOC.read_text(encoding="utf-8")
    for path, command in reference.iter_commands(main):
        assert f"## `{path}`" in doc, f"{path} is not in docs/cli.md ({REGENERATE})"
        section = doc.split(f"## `{path}`", 1)[1].split("\n## ", 1)[0]
        if path != "workbench":
            assert command.help or command.short_help, f"{path} has no help text"
        for param in command.params:
            if isinstance(param, click.Option) and not param.hidden:
                for opt in param.opts:
                    assert opt in section, f"{path} {opt} is not documented"


def test_commands_do_not_import_the_cli_module() -> None:
    """``cli.py`` imports the commands; a command importing ``cli.py`` back is a cycle."""
    modules = sorted(p.stem for p in (ROOT / "workbench" / "commands").glob("*.py"))
    code = (
        "import importlib, sys\n"
        f"for name in {[m for m in modules if m != '__init__']!r}:\n"
        "    importlib.import_module('workbench.commands.' + name)\n"
        "assert 'workbench.cli' not in sys.modules, 'a command module imports workbench.cli'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
