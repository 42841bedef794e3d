"""The job service loads the queue adapter only where a queue is used (reliab41).

Why: ``services.jobs`` imported ``adapters.queue`` (and ``services.queue_work``, which
imports it too) at module level, so every SQLite user's translate page and ``workbench
translate`` loaded the procrastinate adapter they never use.  The adapter is now imported
where a PostgreSQL queue is asked about (``job_backend``) or fed (``_enqueue``).  A fresh
interpreter is used: another test of the session may have loaded the adapter already.
"""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from pathlib import Path
from workbench.config import Settings
from workbench.services import jobs

settings = Settings(home=Path(sys.argv[1]))
assert jobs.job_backend(settings) == "thread"
loaded = sorted(m for m in sys.modules
                if m.startswith(("procrastinate", "workbench.adapters.queue",
                                 "workbench.services.queue_work")))
print(",".join(loaded) or "none")
"""


def test_importing_the_job_service_on_sqlite_loads_no_queue(tmp_path: object) -> None:
    run = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path)], capture_output=True,
                         text=True, timeout=120, check=False)  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "none", run.stdout


def test_the_queue_path_still_finds_the_adapter() -> None:
    """The names the queue path imports exist (a typo there would show only on PostgreSQL)."""
    from workbench.adapters import queue
    from workbench.services.queue_work import BLOCK_WORK

    assert callable(queue.enqueue_job) and callable(queue.workers_alive)
    assert isinstance(BLOCK_WORK, queue.BlockWork)
