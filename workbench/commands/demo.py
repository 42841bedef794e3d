"""``workbench demo``: the README's main job on the bundled sample corpus."""

from __future__ import annotations

import click


@click.command("demo")
@click.option("--serve/--no-serve", default=True, show_default=True,
              help="Serve the web UI on the result when done.")  # fmt: skip
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.pass_context
def demo(ctx: click.Context, serve: bool, host: str, port: int) -> None:
    """Ingest, translate and compare the bundled sample corpus, then serve the UI.

    Works offline on a fresh machine: the SQLite database goes under
    $WORKBENCH_HOME, and generated demo models are installed when no real
    translation model is.  Running it again adds nothing twice.
    """
    from workbench.commands.common import database_settings
    from workbench.commands.web import check_port
    from workbench.commands.web import serve as serve_command
    from workbench.services.demo import run_demo

    if serve:  # a busy port is reported before the work, not after it
        check_port(host, port)
    settings = database_settings(ctx)
    result = run_demo(settings, log=click.echo)
    if result.comparisons:
        first = result.comparisons[0]["alignment_id"]
        click.echo(f"Compare view: http://{host}:{port}/alignments/{first}")
    if serve:
        ctx.invoke(serve_command, host=host, port=port, threads=8)


def register(group: click.Group) -> None:
    """Attach the demo command to the root group."""
    group.add_command(demo)
