"""Pathological page shapes: ingest time and peak memory, against a normal page of the same size.

    .venv/bin/python benchmarks/ingest_pathological.py [--quick] [--json]

Each row runs in a fresh subprocess (so peak RSS is that input's own: VmHWM)
on a fresh SQLite database, after one small warm-up ingest that loads the
language models (excluded from the time, included in the memory, as for the
baseline).  The baseline is an ordinary article page (header, nav, paragraphs,
footer) of the same byte size, run the same way; ratios are shape / baseline.
Goal (issue 10): every input up to the size limit either ingests or is refused
with a clear error in under 10 s and 500 MB.  The machine is shared: the load
average is printed with the table, and CPU seconds (all threads of the child)
beside wall seconds, since a busy machine stretches only the latter.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from workbench.testing import pathological as shapes

MB = 1024 * 1024
#: About the largest ordinary page under the 10,000-segment budget (9,800 sentences).
LARGEST_NORMAL = 800_000


def _compare_long(chars: int) -> Callable[[Path], dict]:
    def run(home: Path) -> dict:
        from workbench.config import Settings
        from workbench.services.compare import compare_versions
        from workbench.services.ingest import ingest_bytes

        settings = Settings(home=home)
        a = shapes.long_sentence(chars, seed=1).encode()
        b = shapes.long_sentence(chars, seed=2).encode()
        left = ingest_bytes(settings, a, filename="a.txt", outlet="A", article="x")
        right = ingest_bytes(settings, b, filename="b.txt", outlet="B", article="x")
        started, cpu = time.perf_counter(), time.process_time()
        done = compare_versions(settings, left.version_id, right.version_id, roles="all")
        return {"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu,
                "bytes": len(a) + len(b),
                "outcome": f"compared, {done.summary['pairs']} row(s), partial flag"}  # fmt: skip

    return run


CASES: dict[str, Callable[[], bytes]] = {
    "related <li><article> teasers (x400)": lambda: shapes.related_articles(400),
    "1,000 nested <div> (closed)": lambda: shapes.deep_nesting(1_000),
    "49k unclosed <font>": lambda: shapes.deep_nesting(49_000, "font", closed=False),
    "95k unclosed <font>": lambda: shapes.deep_nesting(95_000, "font", closed=False),
    "200k unclosed <font>": lambda: shapes.deep_nesting(200_000, "font", closed=False),
    "800k unclosed <span> (4.8 MB)": lambda: shapes.deep_nesting(800_000, "span", closed=False),
    "49k <i>a</i> (0.4 MB)": lambda: shapes.many_inline(49_000),
    "95k <i>a</i> (0.8 MB)": lambda: shapes.many_inline(95_000),
    "240k <i>a</i> (1.9 MB)": lambda: shapes.many_inline(240_000),
    "600k <i>a</i> (4.8 MB)": lambda: shapes.many_inline(600_000),
    "9,900 <article>a</article>": lambda: shapes.many_articles(9_900),
    "45k <article>a</article>": lambda: shapes.many_articles(45_000),
    "200k <article>a</article> (4 MB)": lambda: shapes.many_articles(200_000),
    "9,900 unclosed <p>a": lambda: shapes.unclosed_paragraphs(9_900),
    "45k unclosed <p>a": lambda: shapes.unclosed_paragraphs(45_000),
    "1M unclosed <p>a (4 MB)": lambda: shapes.unclosed_paragraphs(1_000_000),
    "one-paragraph story, 4,000 sentences": lambda: shapes.one_paragraph(4_000),
    "JSON, 100k nested arrays": lambda: shapes.nested_json(100_000),
    "one 990 kB sentence (.txt)": lambda: shapes.long_sentence(990_000).encode(),
    "normal article, 9,800 sentences (0.8 MB)": lambda: shapes.normal_page(800_000),
}
QUICK = ["related <li><article> teasers (x400)", "1,000 nested <div> (closed)",
         "JSON, 100k nested arrays", "9,900 unclosed <p>a"]  # fmt: skip


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child(name: str, size: int) -> None:
    """Run one case in this process and print its JSON result."""
    from workbench.config import Settings
    from workbench.errors import WorkbenchError
    from workbench.services.ingest import ingest_bytes

    home = Path(tempfile.mkdtemp(prefix="bench-patho-"))
    settings = Settings(home=home)
    ingest_bytes(settings, b"Warm up: the mayor spoke.\n", filename="w.txt", outlet="W")
    if name == "compare two 990 kB single sentences":
        result = _compare_long(990_000)(home)
    else:
        data = shapes.normal_page(size) if name == "normal" else CASES[name]()
        filename = (
            "x.json" if name.startswith("JSON") else "x.txt" if "(.txt)" in name else "x.html"
        )
        started, cpu = time.perf_counter(), time.process_time()
        try:
            done = ingest_bytes(settings, data, filename=filename, outlet="O")
            outcome = f"stored, {done.segments} segments"
        except WorkbenchError as exc:
            outcome = f"refused: {exc.message[:70]}"
        result = {"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu,
                  "outcome": outcome, "bytes": len(data)}  # fmt: skip
    result["peak_mb"] = _peak_mb()
    print(json.dumps(result))


def _run(name: str, size: int = 0) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", name, "--size", str(size)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="Only the small shapes.")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.size)
        return
    names = QUICK if args.quick else [*CASES, "compare two 990 kB single sentences"]
    rows = []
    baselines: dict[int, dict] = {}
    for name in names:
        row = _run(name)
        # baseline: a normal page of the same size, at most the largest one accepted
        key = max(1024, round(min(row.get("bytes") or MB, LARGEST_NORMAL), -4))
        if key not in baselines:
            baselines[key] = _run("normal", key)
        base = baselines[key]
        row.update(name=name, base_seconds=base["seconds"], base_peak_mb=base["peak_mb"],
                   base_outcome=base["outcome"])  # fmt: skip
        rows.append(row)
        print(f"{name}: {row['seconds']:.2f} s, {row['peak_mb']:.0f} MB", file=sys.stderr)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (shared machine)")
    print("| shape | bytes | outcome | wall s | CPU s | peak MB | normal page (<= 0.8 MB) s / MB "
          "| ratio s | ratio MB |")  # fmt: skip
    print("|---|---:|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['name']} | {r.get('bytes', 0):,} | {r['outcome']} | {r['seconds']:.2f} | "
            f"{r['cpu']:.2f} | "
            f"{r['peak_mb']:.0f} | {r['base_seconds']:.2f} / {r['base_peak_mb']:.0f}"
            f"{' (refused)' if r['base_outcome'].startswith('refused') else ''} | "
            f"{r['seconds'] / max(r['base_seconds'], 1e-3):.2f} | "
            f"{r['peak_mb'] / max(r['base_peak_mb'], 1e-3):.2f} |"
        )


if __name__ == "__main__":
    main()
