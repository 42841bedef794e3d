"""A 60-version story (12 outlets x 5 captures): page time once aligned vs computing from scratch.

Builds a throw-away SQLite database and ingests, through the real ingest
service, one wire story of ``--sentences`` sentences republished by 12
outlets, each captured 5 times as it edits its copy (numbers changed,
sentences dropped, added and moved, a donation appeal and a "Source link"
around the story).  Then, in the same process:

* **from scratch**: ``story_view`` on the fresh database computes every
  reference->version comparison (59 ``compare_versions`` calls, what a
  journalist waits for once);
* **story page**: ``GET /stories/<slug>`` and ``GET /api/stories/<slug>`` once
  every alignment exists (median of ``--repeat``; nothing is recomputed);
* **another reference**: the page with ``?reference=`` a different version
  and ``compute=0`` (only stored comparisons are read; 59 are pending).

The ratio is from-scratch time over page time.  Wall and CPU milliseconds are
both printed: the machine is shared, wall time includes waiting for a core.

Then (``--large``, default 10,000) the story page and API of a story of two
10,000-sentence versions whose comparison is stored, beside the check the page
made before migration 0007 (re-reading and re-hashing every segment), alone.

    .venv/bin/python benchmarks/story_scale.py [--outlets 12] [--captures 5] [--sentences 40]
        [--large 10000]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from workbench.config import Settings
from workbench.services.ingest import ingest_bytes
from workbench.store.migrate import upgrade

SUBJECTS = ["The mayor", "Engineers", "Police", "The minister", "Residents", "The council",
            "Doctors", "The company", "Farmers", "Teachers", "The court", "Volunteers"]  # fmt: skip
VERBS = ["approved", "rejected", "reviewed", "postponed", "announced", "criticised", "funded"]
OBJECTS = ["the harbour budget", "a new railway bridge", "the school reform", "flood barriers",
           "the hospital wing", "wind turbines", "the museum roof", "bus timetables"]  # fmt: skip


def wire_story(count: int, rng: random.Random) -> list[str]:
    """``count`` distinct plausible sentences with numbers (the wire copy)."""
    out: list[str] = []
    while len(out) < count:
        text = (f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
                f"on day {len(out) + 1}, with {rng.randint(2, 9999)} people present.")  # fmt: skip
        if text not in out:
            out.append(text)
    return out


def edit(lines: list[str], rng: random.Random, serial: int) -> list[str]:
    """One outlet edit: a number changed, a sentence dropped, one added, one moved."""
    lines = list(lines)
    k = rng.randrange(len(lines))
    lines[k] = lines[k].replace(" people", " more people", 1)
    del lines[rng.randrange(len(lines))]
    lines.insert(rng.randrange(len(lines)), f"Update {serial}: officials gave new figures today.")
    moved = lines.pop(rng.randrange(len(lines)))
    lines.insert(rng.randrange(len(lines)), moved)
    return lines


def build(settings: Settings, outlets: int, captures: int, sentences: int) -> str:
    """Ingest the story; returns its slug."""
    rng = random.Random(7)
    wire = wire_story(sentences, rng)
    for o in range(outlets):
        copy = wire if o == 0 else edit(wire, rng, o * 100)
        for c in range(captures):
            if c:
                copy = edit(copy, rng, o * 100 + c)
            page = ["Harbour works: the full story", "", *copy, "",
                    f"Support outlet {o}: donate today to keep our journalism free.",
                    "Source link"]  # fmt: skip
            ingest_bytes(settings, "\n".join(page).encode(), filename=f"o{o}-c{c}.txt",
                         outlet=f"Outlet {o:02d}", article="harbour-works",
                         captured_at=f"2026-03-{1 + c:02d}T{8 + o:02d}:00:00Z")  # fmt: skip
    return "harbour-works"


def clock(fn: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU milliseconds of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def median_clock(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    fn()  # warm-up
    runs = [clock(fn) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--outlets", type=int, default=12)
    parser.add_argument("--captures", type=int, default=5)
    parser.add_argument("--sentences", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--large", type=int, default=10000,
                        help="also time a story of two versions this long (0: skip)")  # fmt: skip
    args = parser.parse_args()
    from workbench.services.stories import story_view
    from workbench.web import create_app

    home = Path(tempfile.mkdtemp(prefix="workbench-story-"))
    url = f"sqlite:///{home / 'story.db'}"
    upgrade(url)
    settings = Settings(home=home, database_url=url, models_dir=home / "models")
    slug = build(settings, args.outlets, args.captures, args.sentences)
    scratch = clock(lambda: story_view(settings, slug))
    client = create_app(settings).test_client()

    def get(path: str) -> Callable[[], object]:
        def run() -> object:
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)
            return response

        return run

    view = story_view(settings, slug, compute=0)
    assert view["pending"] == 0
    other = view["versions"][-1]["id"]
    page = median_clock(get(f"/stories/{slug}"), args.repeat)
    api = median_clock(get(f"/api/stories/{slug}"), args.repeat)
    switched = median_clock(get(f"/stories/{slug}?reference={other}&compute=0"), args.repeat)
    large = _large_rows(args.large, args.repeat) if args.large else []
    load = os.getloadavg()
    versions = args.outlets * args.captures
    print(f"story: {versions} versions ({args.outlets} outlets x {args.captures} captures), "
          f"{args.sentences} wire sentences; machine {os.cpu_count()} cores, load average "
          f"{load[0]:.1f} (shared)\n")  # fmt: skip
    print("| measurement | wall ms | CPU ms | ratio to from-scratch (CPU) |")
    print("|---|---|---|---|")
    print(f"| from scratch: {versions - 1} comparisons computed | {scratch[0]:.0f} | "
          f"{scratch[1]:.0f} | 1.0x |")  # fmt: skip
    for name, (wall, cpu) in (("story page, alignments stored", page),
                              ("story API, alignments stored", api),
                              ("another reference, stored only", switched)):  # fmt: skip
        print(f"| {name} | {wall:.0f} | {cpu:.0f} | {scratch[1] / cpu:.0f}x |")
    if large:
        print(f"\nstory of two {args.large:,}-sentence versions, comparison stored "
              "(goal: <= 100 ms server time)\n")  # fmt: skip
        print("| measurement | wall ms | CPU ms |")
        print("|---|---|---|")
        for name, (wall, cpu) in large:
            print(f"| {name} | {wall:.0f} | {cpu:.0f} |")


def _old_keys(settings: Settings, slug: str) -> Callable[[], object]:
    """The check the story page made before migration 0007, alone: read every segment
    of the story (id, role, language) and hash each reference->version pair's lists."""
    import hashlib
    import json

    from sqlmodel import Session, col, select

    from workbench.services.browse import list_versions
    from workbench.store.db import get_engine
    from workbench.store.models import Segment

    def run() -> object:
        ids = [v["id"] for v in list_versions(settings, slug)]
        with Session(get_engine(settings.database_url)) as session:
            rows = (
                session.connection()
                .execute(
                    select(Segment.version_id, Segment.id, Segment.role, Segment.lang)
                    .where(col(Segment.version_id).in_(ids))
                    .order_by(col(Segment.version_id), col(Segment.position))
                )
                .all()
            )
        sides: dict[int, list[list[object]]] = {}
        for vid, sid, role, lang in rows:
            if role in ("body", "headline"):
                sides.setdefault(vid, []).append([sid, role, lang])
        ref = ids[0]
        return [
            hashlib.sha256(json.dumps({"left": sides[ref], "right": sides[v]}).encode()).hexdigest()
            for v in ids[1:]
        ]

    return run


def _large_rows(sentences: int, repeat: int) -> list[tuple[str, tuple[float, float]]]:
    """Story page and API of a story whose two versions have ``sentences`` sentences each
    (the stored alignment built as ``compare_page.py`` does), and the old staleness check."""
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from compare_page import build as build_large

    from workbench.web import create_app

    home = Path(tempfile.mkdtemp(prefix="workbench-story-large-"))
    url = f"sqlite:///{home / 'large.db'}"
    upgrade(url)
    settings = Settings(home=home, database_url=url, models_dir=home / "models")
    _, slug = build_large(settings, sentences)
    from workbench.services.stories import story_view

    assert story_view(settings, slug, compute=0)["pending"] == 0  # the stored one is found
    client = create_app(settings).test_client()

    def get(path: str) -> Callable[[], object]:
        def run() -> object:
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)
            return response

        return run

    return [
        ("story page", median_clock(get(f"/stories/{slug}"), repeat)),
        ("story API", median_clock(get(f"/api/stories/{slug}"), repeat)),
        ("old check alone: re-read + re-hash every segment",
         median_clock(_old_keys(settings, slug), repeat)),
    ]  # fmt: skip


if __name__ == "__main__":
    main()
