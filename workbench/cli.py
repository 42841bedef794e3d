"""The ``workbench`` command: a thin click wrapper over ``workbench.services``.

Commands live in ``workbench.commands.*`` (one module per area; their shared
helpers in ``workbench.commands.common``, so no command imports this module);
this module only builds the root group and turns every failure into
``Error: <message>`` and an exit code from ``workbench.errors.EXIT_CODES``,
as sqlite-utils does.  No traceback reaches the user: typed errors carry their
own code, a database that cannot be used is code 8, anything else is a bug,
reported in one line with code 1 (``WORKBENCH_DEBUG=1`` shows the traceback).
"""

from __future__ import annotations

import os
import sys
import traceback
from typing import Any, NoReturn

import click

from workbench import __version__
from workbench.commands.common import one_line, settings_of
from workbench.config import Settings
from workbench.errors import WorkbenchError

__all__ = ["main", "one_line", "settings_of"]


def _fail(message: str, code: int) -> NoReturn:
    click.echo(f"Error: {one_line(message)}", err=True)
    sys.exit(code)


class WorkbenchGroup(click.Group):
    """A group whose subcommands' errors become clean messages, never tracebacks."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except WorkbenchError as exc:
            _fail(exc.message, exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            _fail("interrupted", 130)
        except Exception as exc:
            _unexpected(ctx, exc)


def _unexpected(ctx: click.Context, exc: Exception) -> NoReturn:
    """A database that cannot be used is the user's to fix (8); anything else is a bug (1)."""
    from workbench.store.db import database_error

    obj = ctx.find_root().obj
    converted = database_error(obj.database_url if isinstance(obj, Settings) else None, exc)
    if converted is not None:
        _fail(converted.message, converted.exit_code)
    if os.environ.get("WORKBENCH_DEBUG"):
        traceback.print_exc()
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" at {os.path.basename(frame.filename)}:{frame.lineno}" if frame else ""
    _fail(
        f"unexpected {type(exc).__name__}{where}: {exc} (a bug: please report it; "
        "WORKBENCH_DEBUG=1 shows the traceback)",
        1,
    )


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

    Every error prints "Error: ..." and exits with a documented code: 2 bad
    input, 3 not found, 4 conflict, 5 no model for the pair, 6 bad model
    package, 7 offline, 8 database, 9 port, 10 login or permission (see the README).
    """
    overrides: dict[str, object] = {}
    if ctx.get_parameter_source("database_url") is click.core.ParameterSource.COMMANDLINE:
        from workbench.services.validation import check_given

        check_given(database_url, "--database-url")  # round 44: '' was the default database
    if database_url:
        overrides["database_url"] = database_url
    ctx.obj = Settings.from_env(**overrides)


def _register() -> None:
    from workbench.commands import (
        align,
        cat,
        demo,
        ingest,
        jobs,
        languages,
        mt,
        story,
        translation,
        web,
    )

    for module in (ingest, mt, jobs, align, story, web, demo, translation, cat, languages):
        module.register(main)


_register()
