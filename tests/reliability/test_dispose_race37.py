"""Closing every engine while a background thread opens one (round 37).

Why: ``dispose_engines`` iterated the live map of engines; a background thread
(a job's heartbeat, a compare job) opening an engine meanwhile made it fail with
"dictionary changed size during iteration" (seen at a test's teardown).  It now
takes the engines out of the map first, then closes them.
"""

from __future__ import annotations

import threading
from pathlib import Path

from workbench.store.db import dispose_engines, get_engine


def test_dispose_while_a_thread_opens_engines(tmp_path: Path) -> None:
    stop = threading.Event()

    def opener() -> None:
        i = 0
        while not stop.is_set():
            get_engine(f"sqlite:///{tmp_path / f'db{i % 40}.sqlite'}")
            i += 1

    thread = threading.Thread(target=opener, daemon=True)
    thread.start()
    try:
        for _ in range(300):
            for i in range(20):
                get_engine(f"sqlite:///{tmp_path / f'mine{i}.sqlite'}")
            dispose_engines()  # at START: RuntimeError, dictionary changed size
    finally:
        stop.set()
        thread.join(30)
        dispose_engines()
