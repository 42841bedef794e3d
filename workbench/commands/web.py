"""CLI commands for the web area: ``workbench serve``."""

from __future__ import annotations

import errno
import socket
from typing import Any

import click

from workbench.commands.common import database_settings
from workbench.errors import PortError


def _port_error(host: str, port: int, exc: OSError) -> PortError:
    if exc.errno == errno.EADDRINUSE:
        why = "the port is already in use (another server?); choose another with --port"
    elif exc.errno == errno.EACCES:
        why = "permission denied (ports below 1024 need root); choose another with --port"
    elif isinstance(exc, socket.gaierror):
        why = f"unknown host {host!r}"
    else:
        why = exc.strerror or str(exc)
    return PortError(f"cannot listen on {host}:{port}: {why}")


def check_port(host: str, port: int) -> None:
    """Fail early, before any work or announcement, when ``host:port`` cannot be bound."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        family, kind, proto, _, address = infos[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as exc:
        raise _port_error(host, port, exc) from exc


def bind_server(app: Any, host: str, port: int, threads: int) -> Any:
    """A waitress server already listening on ``host:port`` (so the announcement is true)."""
    from waitress.server import create_server

    try:
        return create_server(app, host=host, port=port, threads=threads, ident="workbench")
    except OSError as exc:
        raise _port_error(host, port, exc) from exc


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 64))
@click.option(
    "--no-auth", is_flag=True, help="Serve beyond loopback without any account (anyone may edit)."
)
@click.option(
    "--trusted-host",
    "trusted",
    multiple=True,
    help="Another Host name the UI answers to (repeatable; also WORKBENCH_TRUSTED_HOSTS).",
)
@click.pass_context
def serve(
    ctx: click.Context, host: str, port: int, threads: int, no_auth: bool, trusted: tuple[str, ...]
) -> None:
    """Serve the web UI with waitress (loopback only unless --host says otherwise).

    On any other interface at least one account must exist (`workbench users add`),
    unless --no-auth is given.  Requests whose Host header is not the bind
    address, a loopback name or a --trusted-host are refused (400): a
    DNS-rebinding page cannot reach the UI.
    """
    from workbench.services.accounts import check_serving
    from workbench.web import create_app

    check_port(host, port)
    settings = database_settings(ctx)
    warning = check_serving(settings, host, no_auth)
    if warning:
        click.echo(warning, err=True)
    settings = settings.with_(trusted_hosts=bind_hosts(host) + settings.trusted_hosts + trusted)
    server = bind_server(create_app(settings), host, port, threads)
    shown = f"[{host}]" if ":" in host else host
    bound = getattr(server, "effective_port", port)  # several sockets: the asked port
    click.echo(f"Serving the workbench on http://{shown}:{bound}/ (Ctrl+C to stop)")
    try:
        server.run()
    except KeyboardInterrupt:
        click.echo("Stopped.")
    finally:
        server.close()


def bind_hosts(host: str) -> tuple[str, ...]:
    """Host names that reach a server bound to ``host`` (a wildcard adds this machine's names)."""
    if host in ("0.0.0.0", "::", ""):
        return tuple(dict.fromkeys([socket.gethostname(), socket.getfqdn()]))
    return (host,)


def register(group: click.Group) -> None:
    """Attach this area's commands to the root group."""
    group.add_command(serve)
