"""CLI of background translation: ``workbench jobs`` (progress) and ``workbench worker``.

Thin wrappers over ``workbench.services.jobs`` and ``workbench.adapters.queue``.
"""

from __future__ import annotations

import json
import time

import click

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


@click.command("jobs")
@click.argument("job_id", type=int, required=False)
@click.option("--json", "as_json", is_flag=True, help="Print JSON (the web endpoint's shape).")
@click.option("--watch", is_flag=True, help="Refresh every 2 s until the job ends (needs JOB_ID).")
@click.option("--limit", default=20, show_default=True, help="How many recent jobs to list.")
def jobs_command(job_id: int | None, as_json: bool, watch: bool, limit: int) -> None:
    """Background translation jobs: status, segments and queue blocks (newest first)."""
    from workbench.services.jobs import job_progress, list_jobs

    settings = _settings()
    if job_id is None:
        states = list_jobs(settings, limit)
        if as_json:
            click.echo(json.dumps(states, ensure_ascii=False, indent=2))
        elif not states:
            click.echo("No translation jobs yet.")
        for state in [] if as_json else states:
            click.echo(_line(state))
        return
    while True:
        state = job_progress(settings, job_id)
        if as_json and not watch:
            click.echo(json.dumps(state, ensure_ascii=False, indent=2))
            return
        click.echo(_line(state))
        if not watch or state["status"] in ("done", "failed"):
            return
        time.sleep(2)


@click.command("worker")
@click.option(
    "--device",
    type=click.Choice(["auto", "cpu", "cuda"]),
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
    from workbench.adapters import queue

    settings = _settings()
    if device:
        settings = settings.with_(mt_device=device)
    queue.conninfo(settings.database_url)  # a clear Error: on SQLite
    click.echo(
        f"Worker on {settings.database_url.split('@')[-1]} (device {settings.mt_device})", err=True
    )
    queue.run_worker(
        settings,
        concurrency=concurrency,
        wait=not burst,
        heartbeat=heartbeat,
        stalled=4 * heartbeat,
    )


def register(group: click.Group) -> None:
    """Attach this area's commands to the root group."""
    group.add_command(jobs_command)
    group.add_command(worker_command)
