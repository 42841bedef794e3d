"""``workbench serve`` and ``flask --app workbench.web run`` start real servers on loopback."""

from __future__ import annotations

import json
import os
import queue
import re
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from workbench.config import Settings

BIN = Path(sys.executable).parent


#: the address a server announces once it listens ("Serving the workbench on http://…",
#: werkzeug's " * Running on http://…")
ANNOUNCED = re.compile(r"http://127\.0\.0\.1:(\d+)")


def _announced_port(lines: queue.Queue[str | None], seen: list[str], deadline: float) -> int:
    """The port the server says it bound, read from its output (``--port 0``: the kernel's).

    Why not a free port picked here first: between closing the probe socket and the server
    binding it (seconds on a loaded machine) any process, the other xdist worker's server or
    an outgoing connection, could take that port; the test then failed, or asked someone
    else's server.  Port 0 binds atomically and the announcement names the port.
    """
    while True:
        try:
            line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
        except queue.Empty:
            raise AssertionError(f"no address announced in time: {''.join(seen)}") from None
        if line is None:  # the server exited before it listened
            raise AssertionError(f"the server exited: {''.join(seen)}")
        if match := ANNOUNCED.search(line):
            return int(match.group(1))


def _run(command: list[str], settings: Settings) -> dict:
    """Start ``command`` (listening on port 0) and return its answer to ``/api/articles``."""
    env = {
        **os.environ,
        "WORKBENCH_HOME": str(settings.home),
        "WORKBENCH_DATABASE_URL": settings.database_url,
        "PYTHONUNBUFFERED": "1",
    }
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    lines: queue.Queue[str | None] = queue.Queue()
    seen: list[str] = []  # the whole output, for the Traceback check at the end

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            seen.append(line)
            lines.put(line)
        lines.put(None)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        # 120 s: a hang guard (starting a process on a loaded 2-core CI machine is slow)
        port = _announced_port(lines, seen, time.monotonic() + 120)
        url = f"http://127.0.0.1:{port}/api/articles"
        with urllib.request.urlopen(url, timeout=30) as response:
            return json.loads(response.read().decode("utf-8"))
    finally:
        process.terminate()
        process.wait(timeout=10)
        reader.join(timeout=10)
        output = "".join(seen)
        assert "Traceback" not in output, output


def test_workbench_serve_answers_on_loopback(settings: Settings) -> None:
    body = _run([str(BIN / "workbench"), "serve", "--port", "0"], settings)
    assert body == {"ok": True, "articles": []}


def test_flask_cli_finds_the_factory(settings: Settings) -> None:
    command = [str(BIN / "flask"), "--app", "workbench.web", "run", "--port", "0"]
    assert _run(command, settings)["ok"] is True


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
