"""CLI commands for the web area: ``workbench serve``."""

from __future__ import annotations

import click


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 64))
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, threads: int) -> None:
    """Serve the web UI with waitress (loopback only unless --host says otherwise)."""
    from waitress import serve as waitress_serve

    from workbench.cli import settings_of
    from workbench.store.migrate import upgrade
    from workbench.web import create_app

    settings = settings_of(ctx)
    upgrade(settings.database_url)
    app = create_app(settings)
    click.echo(f"Serving the workbench on http://{host}:{port}/ (Ctrl+C to stop)")
    waitress_serve(app, host=host, port=port, threads=threads, ident="workbench")


def register(group: click.Group) -> None:
    """Attach this area's commands to the root group."""
    group.add_command(serve)
