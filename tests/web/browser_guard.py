"""A hard time limit for the browser tests, so a wedged Chromium fails one test, not the run.

Every Playwright wait in the tests has a timeout, but a few calls have none
(``context.close()``, ``page.evaluate`` of a promise that never settles): if
Chromium stops answering, the test process waits in ``epoll`` forever and the
CI run only ends at its 25-minute pytest limit (round 13's PostgreSQL run).
The watchdog runs beside the test: when the limit passes it kills the Chromium
processes this test process started, which makes every pending Playwright call
raise at once; the test then fails with a message that says why.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

#: Seconds one browser test (setup, body and teardown) may take; the slowest takes ~40 s
#: alone on the 2-core CI machine, the translate-job one waits up to 120 s for its job.
BROWSER_TEST_LIMIT = float(os.environ.get("WORKBENCH_BROWSER_TEST_LIMIT", "300"))


def _parents() -> dict[int, int]:
    """pid -> parent pid of every process /proc shows."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # gone meanwhile
            continue
        parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return parents


def chromium_descendants(root: int) -> list[int]:
    """Chromium processes below ``root`` (through Playwright's driver), deepest last."""
    parents = _parents()
    children: dict[int, list[int]] = {}
    for pid, parent in parents.items():
        children.setdefault(parent, []).append(pid)
    found, todo = [], list(children.get(root, []))
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            name = Path(f"/proc/{pid}/comm").read_text().strip()
        except OSError:
            continue
        if name.startswith(("chromium", "chrome")):
            found.append(pid)
    return found


def kill_chromium(root: int | None = None) -> int:
    """SIGKILL every Chromium process below ``root`` (this process); how many were hit."""
    killed = 0
    for pid in chromium_descendants(root or os.getpid()):
        try:
            os.kill(pid, signal.SIGKILL)
            killed += 1
        except OSError:
            pass
    return killed


@contextmanager
def watchdog(seconds: float, what: str) -> Iterator[threading.Event]:
    """Run the block; if it outlives ``seconds``, kill Chromium and fail it afterwards."""
    fired = threading.Event()

    def expire() -> None:
        fired.set()
        killed = kill_chromium()
        print(
            f"\nError: {what} still ran after {seconds:.0f} s; killed {killed} Chromium "
            "processes so the pending browser calls fail and the run goes on",
            file=sys.stderr,
        )

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield fired
    finally:
        timer.cancel()
    if fired.is_set():
        pytest.fail(f"{what} took longer than {seconds:.0f} s (Chromium stopped answering?)")
