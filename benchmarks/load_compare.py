"""Latency of the compare page under concurrent readers, on a real ``workbench serve``.

Why: a team shares one server; the compare view is the page everyone keeps open.
This script builds a throw-away database with the bundled sample corpus and one
stored comparison, starts ``workbench serve`` on a free loopback port, and
measures the compare page first with one client (the baseline), then with N
concurrent clients (threads, urllib).  Loopback only, bounded by a request
count and a time limit, stops the server itself.

    .venv/bin/python benchmarks/load_compare.py [--clients 20] [--requests 600] [--seconds 60]

Prints p50/p95/p99 latency and throughput per phase and the ratios of the
loaded run to the single-client baseline (same process, same server).
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlmodel import Session

from workbench.config import Settings
from workbench.store.db import get_engine
from workbench.store.models import AlignedPair


@dataclass
class Phase:
    """Measurements of one load phase."""

    name: str
    clients: int
    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def percentile(self, q: float) -> float:
        """The q-quantile latency in milliseconds (nearest rank)."""
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        index = min(len(ordered) - 1, max(0, round(q * len(ordered) + 0.5) - 1))
        return ordered[index] * 1000

    @property
    def throughput(self) -> float:
        """Successful requests per second over the phase's wall time."""
        return len(self.latencies) / self.seconds if self.seconds else 0.0


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def prepare(settings: Settings) -> tuple[int, int]:
    """Ingest the sample corpus and store one comparison; returns (alignment id, pair count)."""
    from workbench.services.compare import compare_versions
    from workbench.services.ingest_files import ingest_sample_corpus
    from workbench.store.migrate import upgrade

    upgrade(settings.database_url)
    results = ingest_sample_corpus(settings)
    by_article: dict[int, list[int]] = {}
    for result in results:
        by_article.setdefault(result.article_id, []).append(result.version_id)
    left, right = next(ids for ids in by_article.values() if len(ids) >= 2)[:2]
    outcome = compare_versions(settings, left, right)
    with Session(get_engine(settings.database_url)) as session:
        pairs = session.scalar(
            select(func.count())
            .select_from(AlignedPair)
            .where(AlignedPair.alignment_id == outcome.alignment_id)
        )
    return outcome.alignment_id, int(pairs or 0)


def start_server(env: dict[str, str], port: int, threads: int) -> subprocess.Popen[bytes]:
    """``workbench serve`` on 127.0.0.1:port, waiting until it answers."""
    exe = Path(sys.executable).with_name("workbench")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "workbench.cli"]
    command += ["serve", "--host", "127.0.0.1", "--port", str(port), "--threads", str(threads)]
    proc = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(
                f"server exited: {proc.stderr.read().decode() if proc.stderr else ''}"
            )
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/articles", timeout=2):
                return proc
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("server did not answer within 60 s")


def run_phase(name: str, url: str, clients: int, requests: int, seconds: float) -> Phase:
    """``clients`` threads share a budget of ``requests`` requests and ``seconds`` seconds."""
    phase = Phase(name, clients)
    lock = threading.Lock()
    budget = [requests]
    deadline = time.monotonic() + seconds

    def client() -> None:
        while time.monotonic() < deadline:
            with lock:
                if budget[0] <= 0:
                    return
                budget[0] -= 1
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(url, timeout=30) as response:
                    response.read()
                    ok = response.status == 200
                    key = str(response.status)
            except urllib.error.HTTPError as exc:
                ok, key = False, str(exc.code)
            except (urllib.error.URLError, OSError) as exc:
                ok, key = False, type(exc).__name__
            elapsed = time.perf_counter() - started
            with lock:
                if ok:
                    phase.latencies.append(elapsed)
                else:
                    phase.errors[key] = phase.errors.get(key, 0) + 1

    workers = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    began = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(seconds + 60)
    phase.seconds = time.perf_counter() - began
    return phase


def report(phases: list[Phase], page_bytes: int, pairs: int) -> None:
    """Print one row per phase, then the loaded/baseline ratios."""
    print(f"compare page: {page_bytes:,} bytes, {pairs} aligned pairs")
    header = f"{'phase':<22}{'clients':>8}{'ok':>7}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}"
    print(header + f"{'p99 ms':>9}{'max ms':>9}{'req/s':>9}")
    for p in phases:
        worst = max(p.latencies) * 1000 if p.latencies else float("nan")
        print(
            f"{p.name:<22}{p.clients:>8}{len(p.latencies):>7}{sum(p.errors.values()):>8}"
            f"{p.percentile(0.50):>9.1f}{p.percentile(0.95):>9.1f}{p.percentile(0.99):>9.1f}"
            f"{worst:>9.1f}{p.throughput:>9.1f}"
        )
        if p.errors:
            print(f"  errors: {p.errors}")
    base, loaded = phases[0], phases[-1]
    p50_ratio = loaded.percentile(0.5) / base.percentile(0.5)
    print(
        f"ratios {loaded.name}/{base.name}: p50 {p50_ratio:.2f}x, "
        f"p95 {loaded.percentile(0.95) / base.percentile(0.95):.2f}x, "
        f"throughput {loaded.throughput / base.throughput:.2f}x"
    )


def main() -> int:
    """Parse options, build the database, serve, measure, clean up."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=600, help="budget of the loaded phase")
    parser.add_argument("--baseline-requests", type=int, default=60)
    parser.add_argument("--seconds", type=float, default=60.0, help="time cap per phase")
    parser.add_argument("--server-threads", type=int, default=8)
    parser.add_argument("--database-url", help="default: a SQLite file in a temp folder")
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="workbench-load-"))
    settings = Settings(home=home, database_url=args.database_url or "")
    env = {
        **os.environ,
        "WORKBENCH_HOME": str(home),
        "WORKBENCH_DATABASE_URL": settings.database_url,
    }
    server = None
    try:
        alignment_id, pairs = prepare(settings)
        port = free_port()
        server = start_server(env, port, args.server_threads)
        url = f"http://127.0.0.1:{port}/alignments/{alignment_id}"
        with urllib.request.urlopen(url, timeout=30) as response:
            page_bytes = len(response.read())
        run_phase("warm-up", url, 2, 20, args.seconds)
        phases = [
            run_phase("baseline (1 client)", url, 1, args.baseline_requests, args.seconds),
            run_phase(f"{args.clients} clients", url, args.clients, args.requests, args.seconds),
        ]
        report(phases, page_bytes, pairs)
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
