"""``workbench serve`` and ``flask --app workbench.web run`` start real servers on loopback."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from workbench.config import Settings

BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get_json(url: str, process: subprocess.Popen, deadline: float) -> dict:
    """The server's answer; waits while it starts (a hang guard, not a speed bound)."""
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return json.loads(response.read().decode("utf-8"))
        except OSError:
            # A server that exited (its port taken meanwhile) fails now, with its output.
            if process.poll() is not None or time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def _run(command: list[str], settings: Settings, port: int) -> dict:
    env = {
        **os.environ,
        "WORKBENCH_HOME": str(settings.home),
        "WORKBENCH_DATABASE_URL": settings.database_url,
    }
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        # 120 s: starting a process on a loaded 2-core CI machine (two xdist workers) is slow
        return _get_json(f"http://127.0.0.1:{port}/api/articles", process, time.monotonic() + 120)
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=10)
        assert "Traceback" not in output, output


def test_workbench_serve_answers_on_loopback(settings: Settings) -> None:
    port = _free_port()
    body = _run([str(BIN / "workbench"), "serve", "--port", str(port)], settings, port)
    assert body == {"ok": True, "articles": []}


def test_flask_cli_finds_the_factory(settings: Settings) -> None:
    port = _free_port()
    command = [str(BIN / "flask"), "--app", "workbench.web", "run", "--port", str(port)]
    assert _run(command, settings, port)["ok"] is True


def test_serve_binds_loopback_by_default() -> None:
    from workbench.commands.web import serve

    host = next(p for p in serve.params if p.name == "host")
    assert host.default == "127.0.0.1"


@pytest.mark.parametrize("port", ["-1", "70000", "http"])
def test_serve_rejects_bad_ports(port: str) -> None:
    from click.testing import CliRunner

    from workbench.cli import main

    result = CliRunner().invoke(main, ["serve", "--port", port])
    assert result.exit_code == 2 and "port" in result.output.lower()
