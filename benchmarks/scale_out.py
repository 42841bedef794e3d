"""Scale-out: in-process vs 1 vs 2 procrastinate workers on PostgreSQL, exactly once, SIGKILL.

Usage::

    .venv/bin/python benchmarks/scale_out.py [--segments 4000] [--block 1000]
        [--database-url postgresql://postgres@127.0.0.1:55432/postgres] [--rss 10000,100000]

Every run translates the same corpus of distinct English sentences into German
with the EN->DE test dictionary model (``workbench.testing``: tiny, so the
figures show the queue's and the database's overhead and the parallelism, not
a real model's cost), in a fresh database on the given server:

* in-process: ``workbench translate --all --to de`` (one process, 2 translator replicas);
* 1 worker: ``translate --queue`` then one ``workbench worker --burst``;
* 2 workers: the same with two workers at once (1 replica each: 2 cores in all);
* fault: one worker is SIGKILLed mid-block; a second worker finds the stalled
  block through the heartbeats and finishes it.

After every run the translations are checked: one row per segment, none twice.
``--rss`` also measures the peak RSS of an in-process run on SQLite with 10k and
100k pending segments (pages keep it flat; target ratio <= 1.5).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg  # noqa: E402
from sqlalchemy import text  # noqa: E402

from workbench.adapters.mt import install_package  # noqa: E402
from workbench.store.db import dispose_engines, get_engine  # noqa: E402
from workbench.store.migrate import upgrade  # noqa: E402
from workbench.testing import corpus  # noqa: E402
from workbench.testing.argos_models import build_test_packages  # noqa: E402

EXE = str(Path(sys.executable).with_name("workbench"))


def fresh_database(admin: str) -> str:
    """A new empty database on the server of ``admin`` (dropped by nobody: name says bench)."""
    name = f"wbbench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return admin.rsplit("/", 1)[0] + "/" + name


def drop_database(admin: str, url: str) -> None:
    dispose_engines()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')


def fill(url: str, segments: int, lang: str = "en") -> None:
    """One version with ``segments`` distinct sentences (bulk SQL, no analysis)."""
    upgrade(url)
    base = corpus.sentences("en", 500, seed=3)
    rows = [
        {"v": 1, "p": i, "t": f"{base[i % len(base)][:-1]} ({i}).", "l": lang}
        for i in range(segments)
    ]
    with get_engine(url).begin() as conn:
        conn.execute(text("INSERT INTO outlet (id, name, created_at) VALUES (1, 'B', now())"))
        conn.execute(
            text("INSERT INTO article (id, slug, title, created_at) VALUES (1, 'b', '', now())")
        )
        conn.execute(
            text(
                "INSERT INTO version (id, article_id, outlet_id, captured_at, title, raw, sha256,"
                ' encoding, source_format, text, "leading", created_at)'
                " VALUES (1, 1, 1, now(), '', :raw, 'x', 'utf-8', 'txt', '', '', now())"
            ),
            {"raw": b""},
        )
        for start in range(0, len(rows), 5000):
            conn.execute(
                text(
                    'INSERT INTO segment (version_id, position, paragraph, start, "end", text,'
                    " separator, lang, lang_confidence, role, text_hash)"
                    " VALUES (:v, :p, 0, 0, 0, :t, ' ', :l, 1.0, 'body', md5(:t))"
                ),
                rows[start : start + 5000],
            )


def check(url: str, segments: int) -> tuple[int, int]:
    """(translation rows, segments translated more than once)."""
    with get_engine(url).connect() as conn:
        rows = conn.execute(text("SELECT count(*) FROM translation")).scalar_one()
        dupes = conn.execute(
            text(
                "SELECT count(*) FROM (SELECT segment_id FROM translation"
                " GROUP BY segment_id, target_lang HAVING count(*) > 1) d"
            )
        ).scalar_one()
    return int(rows), int(dupes)


def env_for(url: str, models: Path, home: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "WORKBENCH_DATABASE_URL": url,
        "WORKBENCH_MODELS_DIR": str(models),
        "WORKBENCH_HOME": str(home),
        **extra,
    }


def run_in_process(env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([EXE, "translate", "--to", "de", "--all"], env=env, check=True,
                   capture_output=True)  # fmt: skip
    return time.perf_counter() - start


def run_workers(env: dict[str, str], n: int) -> float:
    subprocess.run([EXE, "translate", "--to", "de", "--all", "--queue"], env=env, check=True,
                   capture_output=True)  # fmt: skip
    start = time.perf_counter()
    procs = [
        subprocess.Popen([EXE, "worker", "--burst"], env=env, stderr=subprocess.DEVNULL)
        for _ in range(n)
    ]
    for proc in procs:
        proc.wait()
    return time.perf_counter() - start


def run_fault(env: dict[str, str], url: str) -> dict[str, object]:
    subprocess.run([EXE, "translate", "--to", "de", "--all", "--queue"], env=env, check=True,
                   capture_output=True)  # fmt: skip
    worker = [EXE, "worker", "--heartbeat", "1"]
    victim = subprocess.Popen(worker, env=env, stderr=subprocess.DEVNULL)
    while check(url, 0)[0] == 0:
        time.sleep(0.05)
    time.sleep(0.5)
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    at_kill = check(url, 0)[0]
    start = time.perf_counter()
    rescuer = subprocess.Popen(worker, env=env, stderr=subprocess.DEVNULL)
    while True:
        with get_engine(url).connect() as conn:
            status = conn.execute(text("SELECT status FROM translationjob")).scalar_one()
            attempts = conn.execute(text("SELECT max(attempts) FROM translationblock")).scalar()
        if status in ("done", "failed"):
            break
        time.sleep(0.2)
    rescuer.send_signal(signal.SIGTERM)
    rescuer.wait()
    return {"rows at kill": at_kill, "status": status, "max attempts": attempts,
            "seconds to finish": round(time.perf_counter() - start, 1)}  # fmt: skip


def peak_rss(segments: int, models: Path, work: Path) -> float:
    """Peak RSS (MiB) of an in-process translate of ``segments`` pending segments (SQLite)."""
    url = f"sqlite:///{work / f'rss-{segments}.db'}"
    fill_sqlite(url, segments)
    code = (
        "import resource, sys\n"
        "from pathlib import Path\n"
        "from workbench.config import Settings\n"
        "from workbench.services.translate import translate_versions\n"
        f"s = Settings(home=Path({str(work)!r}), database_url={url!r}, "
        f"models_dir=Path({str(models)!r}))\n"
        "r = translate_versions(s, 'de')\n"
        "assert r.skipped_same_lang + r.translated + r.cached == r.total, r\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True, text=True)
    return int(out.stdout.strip().splitlines()[-1]) / 1024


def fill_sqlite(url: str, segments: int) -> None:
    """Like ``fill`` but on SQLite: German segments (copy rows) plus 300 English ones."""
    upgrade(url)
    with get_engine(url).begin() as conn:
        conn.execute(
            text("INSERT INTO outlet (id, name, created_at) VALUES (1, 'B', '2026-01-01')")
        )
        conn.execute(text("INSERT INTO article (id, slug, title, created_at) "
                          "VALUES (1, 'b', '', '2026-01-01')"))  # fmt: skip
        conn.execute(text(
            "INSERT INTO version (id, article_id, outlet_id, captured_at, title, raw, sha256,"
            " encoding, source_format, text, \"leading\", created_at)"
            " VALUES (1, 1, 1, '2026-01-01', '', x'', 'x', 'utf-8', 'txt', '', '', '2026-01-01')"
        ))  # fmt: skip
        rows = [
            {"p": i, "t": f"Satz Nummer {i} über die Brücke.", "l": "de" if i >= 300 else "en"}
            for i in range(segments)
        ]
        conn.execute(
            text(
                'INSERT INTO segment (version_id, position, paragraph, start, "end", text,'
                " separator, lang, lang_confidence, role, text_hash)"
                " VALUES (1, :p, 0, 0, 0, :t, ' ', :l, 1.0, 'body', 'h')"
            ),
            rows,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--segments", type=int, default=4000)
    parser.add_argument("--block", type=int, default=1000, help="segments per queue block")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("WORKBENCH_BENCH_POSTGRES_URL",
                               "postgresql://postgres@127.0.0.1:55432/postgres"),
    )  # fmt: skip
    parser.add_argument("--rss", default="", help="e.g. 10000,100000 (SQLite peak RSS runs)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="wb-scale-"))
    models = work / "models"
    for archive in build_test_packages(work / "pkgs", [("en", "de")]).values():
        install_package(models, archive)
    load = os.getloadavg()[0]
    os.environ["WORKBENCH_QUEUE_BLOCK"] = str(args.block)
    results: dict[str, tuple[float, tuple[int, int]]] = {}
    fault: dict[str, object] = {}
    for name in ("in-process", "1 worker", "2 workers", "fault"):
        url = fresh_database(args.database_url)
        try:
            fill(url, args.segments)
            extra = {"WORKBENCH_MT_INTER_THREADS": "1", "WORKBENCH_MT_THREADS": "1"}
            env = env_for(url, models, work, **(extra if name == "2 workers" else {}))
            if name == "in-process":
                seconds = run_in_process(env)
            elif name == "fault":
                fault = run_fault(env, url)
                seconds = float(fault["seconds to finish"])  # type: ignore[arg-type]
            else:
                seconds = run_workers(env, int(name[0]))
            results[name] = (seconds, check(url, args.segments))
        finally:
            drop_database(args.database_url, url)
    print(f"{args.segments} segments, blocks of {args.block}; EN->DE test dictionary model; "
          f"{os.cpu_count()} CPUs, load average {load:.1f} before, "
          f"{os.getloadavg()[0]:.1f} after\n")  # fmt: skip
    print("| run | seconds | segments/s | rows | translated twice |")
    print("|---|---:|---:|---:|---:|")
    for name, (seconds, (rows, dupes)) in results.items():
        rate = args.segments / seconds if name != "fault" else float("nan")
        print(f"| {name} | {seconds:.1f} | {rate:.0f} | {rows} | {dupes} |")
    one, two, inproc = (results[k][0] for k in ("1 worker", "2 workers", "in-process"))
    print(f"\n2 workers / 1 worker: {one / two:.2f}x; 1 worker / in-process: {inproc / one:.2f}x")
    print(f"fault run: {fault}")
    if args.rss:
        sizes = [int(x) for x in args.rss.split(",")]
        peaks = [peak_rss(n, models, work) for n in sizes]
        print("\n| pending segments (SQLite, in-process) | peak RSS MiB |")
        print("|---:|---:|")
        for n, peak in zip(sizes, peaks, strict=True):
            print(f"| {n:,} | {peak:.0f} |")
        print(f"\npeak RSS ratio {sizes[-1]:,} / {sizes[0]:,}: {peaks[-1] / peaks[0]:.2f} "
              "(target <= 1.5)")  # fmt: skip


if __name__ == "__main__":
    main()
