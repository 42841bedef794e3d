"""The CLI reference (docs/cli.md), generated from the commands' own ``--help``.

Why generated: a hand-written reference drifts from the options.  As
sqlite-utils does with cog, the reference is the ``--help`` text of every
command and subcommand; ``tests/test_cli_docs.py`` fails when docs/cli.md
differs from what this renders, and says how to regenerate it::

    python -m workbench.cli_reference > docs/cli.md

The root group is handed in (``workbench.cli_reference`` passes ``cli.main``): a
command module never imports ``cli``, which imports the commands (layersb40).
"""

from __future__ import annotations

from collections.abc import Iterator

import click

WIDTH = 88
HEADER = """# CLI reference

Generated from `workbench COMMAND --help` by `python -m workbench.cli_reference >
docs/cli.md`; a test checks it is current.  Exit codes: see the README's table.
"""


def _walk(
    command: click.Command, ctx: click.Context
) -> Iterator[tuple[click.Context, click.Command]]:
    yield ctx, command
    if isinstance(command, click.Group):
        for name in sorted(command.list_commands(ctx)):
            sub = command.get_command(ctx, name)
            if sub is None or sub.hidden:
                continue
            child = click.Context(sub, info_name=name, parent=ctx,
                                  terminal_width=WIDTH, max_content_width=WIDTH)  # fmt: skip
            yield from _walk(sub, child)


def render(root: click.Command) -> str:
    """The whole reference as Markdown: one section per command, its help verbatim."""
    ctx = click.Context(root, info_name="workbench", terminal_width=WIDTH,
                        max_content_width=WIDTH, **root.context_settings)  # fmt: skip
    parts = [HEADER]
    for sub_ctx, command in _walk(root, ctx):
        title = sub_ctx.command_path
        parts.append(f"\n## `{title}`\n\n```\n{command.get_help(sub_ctx).rstrip()}\n```\n")
    return "".join(parts)


def iter_commands(root: click.Command) -> Iterator[tuple[str, click.Command]]:
    """Every command path with its command (for tests)."""
    ctx = click.Context(root, info_name="workbench", **root.context_settings)
    for sub_ctx, command in _walk(root, ctx):
        yield sub_ctx.command_path, command
