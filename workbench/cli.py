"""The ``workbench`` command: a thin click wrapper over ``workbench.services``.

Commands live in ``workbench.commands.*`` (one module per area); this module
only builds the root group and turns typed ``WorkbenchError``s into
``Error: <message>`` plus a distinct exit code, as sqlite-utils does.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from workbench import __version__
from workbench.config import Settings
from workbench.errors import WorkbenchError


class WorkbenchGroup(click.Group):
    """A group whose subcommands' typed errors become clean messages, not tracebacks."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except WorkbenchError as exc:
            click.echo(f"Error: {exc.message}", err=True)
            sys.exit(exc.exit_code)


@click.group(cls=WorkbenchGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="workbench")
@click.option(
    "--database-url",
    envvar="WORKBENCH_DATABASE_URL",
    default=None,
    help="SQLAlchemy URL (default: SQLite file under $WORKBENCH_HOME).",
)
@click.pass_context
def main(ctx: click.Context, database_url: str | None) -> None:
    """Multilingual translation and comparison workbench.

    Ingest article versions, translate segments offline with Argos Translate,
    align and diff versions across edits, outlets and languages.
    """
    overrides: dict[str, object] = {}
    if database_url:
        overrides["database_url"] = database_url
    ctx.obj = Settings.from_env(**overrides)


def settings_of(ctx: click.Context) -> Settings:
    """The ``Settings`` built by the root group."""
    obj = ctx.find_root().obj
    assert isinstance(obj, Settings)
    return obj


def _register() -> None:
    from workbench.commands import align, demo, ingest, mt, story, web

    for module in (ingest, mt, align, story, web, demo):
        module.register(main)


_register()
