"""What a queue block runs: the services' side of ``adapters.queue`` (``BLOCK_WORK``).

Why here: the queue adapter knows procrastinate and the job and block tables; what a
block of translation *is* — the request's segment scope, the bulk run on an id range,
how the blocks' reports add up to the job's — is service work.  It used to sit in the
adapter's task functions, which imported ``services.bulk`` and
``services.job_request`` (an adapter reaching up a layer).  ``services.jobs`` hands
``BLOCK_WORK`` to ``enqueue_job`` and ``run_worker`` (layersb40).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workbench.adapters.job_request import JobRequest
from workbench.adapters.queue import BlockWork
from workbench.config import Settings
from workbench.services.bulk import Scope, TranslateReport
from workbench.services.job_request import run_request
from workbench.services.validation import check_count, check_seconds, checks_ids


def block_scope(request: JobRequest) -> Scope:
    """The segments a queued request covers (the queue cuts its blocks from them)."""
    return Scope(target=request.target, version_ids=request.version_ids, roles=request.roles)


@checks_ids
def run_block(
    settings: Settings,
    request: JobRequest,
    progress: Callable[[int, int], None],
    id_range: tuple[int, int],
) -> TranslateReport:
    """Translate one block's id range (committed chunk by chunk: a rerun resumes)."""
    return run_request(settings, request, progress, id_range=id_range)


def sum_reports(target: str, reports: list[dict[str, Any]]) -> dict[str, object]:
    """The job's report from its blocks' stored reports (counts added; ``seconds`` not)."""
    total = TranslateReport(target=target)
    for report in reports:
        part = TranslateReport(target=target)
        for key, value in report.items():
            if key in part.__dict__ and key not in ("target", "seconds"):
                setattr(part, key, value)
        total.add(part)
    return total.to_json()


BLOCK_WORK = BlockWork(scope=block_scope, run=run_block, sum_reports=sum_reports)


def run_worker(settings: Settings, *, concurrency: int, burst: bool, heartbeat: float) -> None:
    """``workbench worker``: check the numbers, then run the queue's worker on ``BLOCK_WORK``.

    Why checked here, before anything connects (round 43): ``--heartbeat nan`` ended in
    "unexpected ConnectorException", ``--heartbeat 0`` beat in a busy loop and
    ``--concurrency 0`` quietly ran one block.  A worker silent four of its beats is
    stalled (its block retried), so ``stalled`` is always ``4 * heartbeat``.
    """
    from workbench.adapters import queue

    check_worker(settings, concurrency=concurrency, heartbeat=heartbeat)
    queue.run_worker(
        settings,
        BLOCK_WORK,
        concurrency=concurrency,
        wait=not burst,
        heartbeat=heartbeat,
        stalled=4 * heartbeat,
    )


def check_worker(settings: Settings, *, concurrency: int, heartbeat: float) -> None:
    """Refuse a worker that cannot run (SQLite, odd numbers) before it says it started."""
    from workbench.adapters import queue

    queue.conninfo(settings.database_url)  # a clear Error: on SQLite, before the numbers
    check_count(concurrency, "the worker's concurrency (blocks at once)", queue.MAX_CONCURRENCY)
    check_seconds(heartbeat, "the heartbeat", queue.MIN_HEARTBEAT, queue.MAX_HEARTBEAT)
