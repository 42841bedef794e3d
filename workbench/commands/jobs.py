"""CLI of background jobs: ``workbench jobs`` (progress) and ``workbench worker``.

Thin wrappers over ``workbench.services.jobs``, ``services.compare_jobs`` and
``workbench.adapters.queue``.
"""

from __future__ import annotations

import json
import time
from typing import Any

import click

from workbench.commands.common import INT, Choice
from workbench.config import Settings


def _settings() -> Settings:
    from workbench.commands.common import database_settings

    return database_settings()


def _line(state: dict[str, object]) -> str:
    seg = state["segments"]
    assert isinstance(seg, dict)
    blocks = state.get("blocks") or {}
    assert isinstance(blocks, dict)
    parts = [
        f"#{state['id']}",
        f"→{state['target']}",
        f"{state['status']:<8}",
        f"{seg['done']}/{seg['total']} segments",
    ]
    if blocks:
        parts.append(
            "blocks "
            + " ".join(f"{k} {blocks.get(k, 0)}" for k in ("queued", "running", "done"))
            + f" failed {blocks.get('failed', 0)}"
        )
    if state.get("stalled"):
        parts.append("STALLED")
    if state.get("error"):
        parts.append(f"error: {state['error']}")
    return "  ".join(parts)


def _compare_line(state: dict[str, Any]) -> str:
    """One background comparison: ``compare #3  story  done  2/2 comparisons  story bridge``."""
    params = state.get("params") or {}
    if state["kind"] == "story":
        what = f"story {params.get('slug', '?')}"
        if params.get("reference") is not None:
            what += f" (reference version {params['reference']})"
    else:
        what = f"versions {params.get('left', '?')} ↔ {params.get('right', '?')}"
    parts = [
        f"compare #{state['id']}",
        f"{state['kind']:<5}",
        f"{state['status']:<8}",
        f"{state['done']}/{state['total']} comparisons",
        what,
    ]
    if state.get("stalled"):
        parts.append("STALLED")
    if state.get("error"):
        parts.append(f"error: {state['error']}")
    return "  ".join(parts)


def _list(settings: Settings, limit: int, as_json: bool) -> None:
    """Both kinds of job, newest first per kind; ``--json`` is ``GET /api/jobs``'s lists."""
    from workbench.services.jobs import all_jobs

    listed = all_jobs(settings, limit)
    if as_json:
        click.echo(json.dumps(listed, ensure_ascii=False, indent=2))
        return
    if not listed["jobs"] and not listed["compare_jobs"]:
        click.echo("No background jobs yet.")
    for state in listed["jobs"]:
        click.echo(_line(state))
    for state in listed["compare_jobs"]:
        click.echo(_compare_line(state))


def _one(settings: Settings, job_id: int, compare: bool) -> tuple[dict[str, Any], str]:
    """One job's state (a dead compare job is resumed by asking) and its line."""
    if compare:
        from workbench.services.compare_jobs import job_status

        state = job_status(settings, job_id)
        return state, _compare_line(state)
    from workbench.services.jobs import job_progress

    state = job_progress(settings, job_id)
    return state, _line(state)


@click.command("jobs")
@click.argument("job_id", type=INT, required=False)
@click.option("--json", "as_json", is_flag=True, help="Print JSON (the web endpoint's shape).")
@click.option("--watch", is_flag=True, help="Refresh every 2 s until the job ends (needs JOB_ID).")
@click.option("--limit", default=20, show_default=True, help="How many recent jobs of each kind.")
@click.option(
    "--compare", is_flag=True, help="JOB_ID is a background comparison (listed as compare #N)."
)
def jobs_command(job_id: int | None, as_json: bool, watch: bool, limit: int, compare: bool) -> None:
    """Background jobs, newest first: translation jobs and comparisons.

    Without JOB_ID, lists both kinds (comparisons as "compare #N"); with JOB_ID,
    one translation job, or with --compare one comparison.  --json prints the
    objects the web's JSON endpoints answer with:

    \b
    workbench jobs --json                {"jobs": [...], "compare_jobs": [...]}
                                         as GET /api/jobs
    workbench jobs ID --json             GET /api/jobs/ID
    workbench jobs ID --compare --json   GET /api/compare-jobs/ID
    """
    if watch and job_id is None:  # round 43: --watch alone listed once and exited 0
        raise click.UsageError("--watch needs a JOB_ID (`workbench jobs` lists them)")
    settings = _settings()
    if job_id is None:
        _list(settings, limit, as_json)
        return
    while True:
        state, line = _one(settings, job_id, compare)
        if as_json and not watch:
            click.echo(json.dumps(state, ensure_ascii=False, indent=2))
            return
        click.echo(line)
        if not watch or state["status"] in ("done", "failed"):
            return
        time.sleep(2)


@click.command("worker")
@click.option(
    "--device",
    type=Choice(["auto", "cpu", "cuda"]),
    default=None,
    help="Where models run (default: $WORKBENCH_MT_DEVICE or auto = CUDA when visible).",
)
@click.option("--concurrency", default=1, show_default=True, help="Blocks translated at once.")
@click.option(
    "--burst", is_flag=True, help="Exit once the queue is empty (batch machines, benchmarks)."
)
@click.option(
    "--heartbeat",
    default=5.0,
    show_default=True,
    help="Seconds between heartbeats; a worker silent 4x as long is stalled (block retried).",
)
def worker_command(device: str | None, concurrency: int, burst: bool, heartbeat: float) -> None:
    """Translate queued blocks (PostgreSQL + procrastinate); run one per machine or GPU.

    Start as many as you like on machines that reach the database: each block
    is claimed by one worker, committed chunk by chunk, and a block whose
    worker died (no heartbeat) is retried by another.  Stop with Ctrl-C/SIGTERM.
    """
    from workbench.services import queue_work

    settings = _settings()
    if device:
        settings = settings.with_(mt_device=device)
    queue_work.check_worker(settings, concurrency=concurrency, heartbeat=heartbeat)
    click.echo(
        f"Worker on {settings.database_url.split('@')[-1]} (device {settings.mt_device})", err=True
    )
    queue_work.run_worker(settings, concurrency=concurrency, burst=burst, heartbeat=heartbeat)


def register(group: click.Group) -> None:
    """Attach this area's commands to the root group."""
    group.add_command(jobs_command)
    group.add_command(worker_command)
