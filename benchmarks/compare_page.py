"""Server time of the compare page, its API twin and the story page at 100/1,000/10,000 pairs.

Baseline ("today's page", in the same process, same database, same template):
``alignment_detail`` builds every pair as ORM objects, the view filters and
renders every row — what the compare page did before the bounded window.
Measured: the windowed compare page (``/alignments/<id>``, first 200 rows of
the default filter), its JSON twin, a window deep inside the alignment
(``?at=``), and the story page of a story whose comparison has that many pairs.

Synthetic data, bulk-inserted (the aligner is not what is measured): two
versions of N sentences; pairs mostly unchanged, every 7th changed (with diff
ops and a number flag), every 13th added/removed.  Times are the median of
``--repeat`` requests through Flask's test client (server time, no network).

    .venv/bin/python benchmarks/compare_page.py [--sizes 100 1000 10000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert

from workbench.config import Settings
from workbench.core.story import Row, summarise
from workbench.store.db import get_engine, session_scope
from workbench.store.migrate import upgrade
from workbench.store.models import AlignedPair, Alignment, Article, Outlet, Segment, Version


def _version(session, article_id: int, outlet_id: int, n: int, tag: str, day: int) -> list[int]:  # type: ignore[no-untyped-def]
    texts = [
        f"Sentence {k} of the {tag} copy reports {k * 7} people near the harbour." for k in range(n)
    ]
    raw = "\n".join(texts).encode()
    version = Version(
        article_id=article_id, outlet_id=outlet_id, captured_at=datetime(2026, 3, day, tzinfo=UTC),
        title=f"{tag} {n}", raw=raw, sha256=hashlib.sha256(raw).hexdigest(), encoding="utf-8",
        source_format="txt", text=raw.decode(), language="en",
    )  # fmt: skip
    session.add(version)
    session.flush()
    rows = [
        {"version_id": version.id, "position": k, "start": 0, "end": len(t), "text": t,
         "separator": "\n", "lang": "en", "lang_confidence": 1.0,
         "role": "headline" if k == 0 else "body",
         "text_hash": hashlib.sha256(t.encode()).hexdigest()}
        for k, t in enumerate(texts)
    ]  # fmt: skip
    session.execute(insert(Segment), rows)
    session.flush()
    ids = session.exec(  # type: ignore[call-overload]
        Segment.__table__.select()
        .where(Segment.version_id == version.id)
        .order_by(Segment.position)
    ).all()
    return [r.id for r in ids]


def _pairs(alignment_id: int, left: list[int], right: list[int]) -> list[dict]:  # type: ignore[type-arg]
    out = []
    for k, (lid, rid) in enumerate(zip(left, right, strict=True)):
        text = f"Sentence {k} reports {k * 7} people near the harbour."
        status, ops, flags = "unchanged", [[0, text]], {}
        lids, rids = [lid], [rid]
        if k % 13 == 5:
            status, rids, ops = "removed", [], [[-1, text]]
        elif k % 13 == 9:
            status, lids, ops = "added", [], [[1, text]]
        elif k % 7 == 3:
            status = "changed"
            ops = [[0, f"Sentence {k} reports "], [-1, str(k * 7)], [1, str(k * 7 + 1)],
                   [0, " people near the harbour."]]  # fmt: skip
            flags = {"numbers": {"left_only": [str(k * 7)], "right_only": [str(k * 7 + 1)]}}
        out.append({
            "alignment_id": alignment_id, "position": k, "kind": f"{len(lids)}-{len(rids)}",
            "status": status, "left_segment_ids": lids, "right_segment_ids": rids,
            "left_text": text if lids else "", "right_text": text if rids else "",
            "compared_text": "", "score": 0.9, "edit_ratio": 0.1 if status == "changed" else 0.0,
            "diff_ops": ops, "flags": flags, "move_to": None,
            "roles": "headline" if k == 0 else "body",  # as compare_versions keeps them
        })  # fmt: skip
    return out


def build(settings: Settings, n: int) -> tuple[int, str]:
    """One story with two versions of ``n`` sentences and their stored alignment."""
    from workbench.services.alignment_store import fingerprint
    from workbench.services.stories import CONTENT_ROLES

    with session_scope(get_engine(settings.database_url)) as session:
        outlet_a, outlet_b = Outlet(name=f"wire-{n}"), Outlet(name=f"herald-{n}")
        article = Article(slug=f"bench-{n}", title=f"Benchmark story {n}")
        session.add_all([outlet_a, outlet_b, article])
        session.flush()
        left = _version(session, article.id, outlet_a.id, n, "wire", 1)  # type: ignore[arg-type]
        right = _version(session, article.id, outlet_b.id, n, "herald", 2)  # type: ignore[arg-type]
        ids = [session.get(Segment, k).version_id for k in (left[0], right[0])]  # type: ignore[union-attr]
        versions = (ids[0], ids[1])
        key = fingerprint(settings, session, versions, CONTENT_ROLES, ("en", "en"))
        alignment = Alignment(
            left_version_id=versions[0], right_version_id=versions[1],
            roles=",".join(CONTENT_ROLES), method="benchmark", fingerprint=key,
            summary={"pairs": n, "relation": "related", "left_language": "en",
                     "right_language": "en"},
        )  # fmt: skip
        session.add(alignment)
        session.flush()
        pairs = _pairs(alignment.id, left, right)  # type: ignore[arg-type]
        session.execute(insert(AlignedPair), pairs)
        alignment.params = {"story": summarise(  # as compare_versions keeps it
            (Row(p["position"], p["status"], p["left_segment_ids"], p["right_segment_ids"],
                 p["left_text"], p["right_text"], p["flags"]) for p in pairs), True)}  # fmt: skip
        session.add(alignment)
        return alignment.id, article.slug  # type: ignore[return-value]


def baseline_page(app, alignment_id: int) -> Callable[[], int]:  # type: ignore[no-untyped-def]
    """Today's page before windowing: every pair built and rendered (same template)."""
    from collections import Counter

    from flask import render_template

    from workbench.services.compare import alignment_detail
    from workbench.web.diffview import flag_items, render_pair
    from workbench.web.filters import (
        BOILERPLATE_ROLES,
        CONTENT_ROLES,
        ROLES,
        STATUSES,
        filter_pairs,
    )

    settings = app.config["WORKBENCH_SETTINGS"]

    def run() -> int:
        with app.test_request_context(f"/alignments/{alignment_id}"):
            detail = alignment_detail(settings, alignment_id)
            pairs = filter_pairs(detail["pairs"], set(CONTENT_ROLES), set(STATUSES))
            for pair in pairs:
                pair["view"] = render_pair(pair)
                pair["flag_items"] = flag_items(pair["flags"])
            html = render_template(
                "compare.html", alignment=detail, pairs=pairs,
                counts=Counter(p["status"] for p in detail["pairs"]), roles=set(CONTENT_ROLES),
                statuses=set(STATUSES), all_roles=ROLES, all_statuses=STATUSES,
                boilerplate=BOILERPLATE_ROLES, unrelated=False,
                page={"offset": 0, "limit": len(pairs), "total": len(pairs), "next": None,
                      "previous": None},
            )  # fmt: skip
            return len(html.encode())

    return run


def timed(fn: Callable[[], int], repeat: int) -> tuple[str, float, int]:
    """``wall/cpu`` median milliseconds of ``repeat`` calls (after a warm-up), CPU ms, size.

    CPU time (this process) is reported beside wall time because the machine is
    shared: wall time includes waiting for a core, CPU time is the work done.
    """
    size = fn()
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        size = fn()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    wall_ms, cpu_ms = statistics.median(walls), statistics.median(cpus)
    return f"{wall_ms:.0f}/{cpu_ms:.0f}", cpu_ms, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from workbench.web import create_app

    home = Path(tempfile.mkdtemp(prefix="workbench-bench-"))
    url = f"sqlite:///{home / 'bench.db'}"
    upgrade(url)
    settings = Settings(home=home, database_url=url, models_dir=home / "models")
    app = create_app(settings)
    client = app.test_client()

    def get(path: str) -> Callable[[], int]:
        def run() -> int:
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)
            return len(response.get_data())

        return run

    load = os.getloadavg()
    print(f"machine: {os.cpu_count()} cores, load average "
          f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f} "
          "(shared with other engineers' runs)")  # fmt: skip
    print(f"median of {args.repeat} requests, server time in ms as wall/CPU "
          "(Flask test client, SQLite file)\n")  # fmt: skip
    print("| pairs | today's page (KB) | compare page (KB) | CPU ratio | API | deep window "
          "| story page | story API |")  # fmt: skip
    print("|" + "---|" * 8)
    for n in args.sizes:
        alignment_id, slug = build(settings, n)
        base, base_cpu, base_size = timed(baseline_page(app, alignment_id), args.repeat)
        page, page_cpu, page_size = timed(get(f"/alignments/{alignment_id}"), args.repeat)
        api = timed(get(f"/api/alignments/{alignment_id}"), args.repeat)[0]
        deep = timed(get(f"/alignments/{alignment_id}?at={n * 3 // 4}"), args.repeat)[0]
        story = timed(get(f"/stories/{slug}"), args.repeat)[0]
        story_api = timed(get(f"/api/stories/{slug}"), args.repeat)[0]
        print(f"| {n:,} | {base} ({base_size // 1024}) | {page} ({page_size // 1024}) | "
              f"{base_cpu / page_cpu:.1f}x | {api} | {deep} | {story} | {story_api} |")  # fmt: skip


if __name__ == "__main__":
    main()
