"""Where first-run characters are lost, ranked by class across dev sets (``role_losses.py``'s
tables on each dev set's first-run labels, corrected by a weights file).

    .venv/bin/python benchmarks/role_first_losses.py [--weights FILE] [--off] [--story]
        [--top 25] [--pages]

Why (round 31): ``role_losses.py`` reads today's pipeline, in-sample on every dev page; a
feature for the learned layer should aim at the errors the layer meets on pages the rules
have not seen, which only the first-run labels (``role_history.json``, ``FIRST_RUN``) show.
Each dev set of ``role_train.load_sets`` with a first run is taken with that main's rule
labels mapped onto today's segments, today's fixed part (as ``role_train`` builds its
views), corrected by the shipped weights (``--weights`` another file, ``--off`` none), and
its wrong runs are ranked as ``role_losses.py`` ranks them (``--story``: by shape).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import role_losses as rl  # noqa: E402
import role_train as rt  # noqa: E402

from workbench.core import role_model as rm  # noqa: E402
from workbench.testing.page_gold import load_pages, mapped_roles, score_page  # noqa: E402


def first_run_roles(name: str, page, history: dict, model: rm.RoleModel | None) -> list[str]:
    """The set's first-run rule labels on ``page``, corrected by ``model`` (None: off)."""
    commit = rt.FIRST_RUN[name]
    labels = mapped_roles(page, history[commit][f"{name}/{page.name}"])
    if model is None:
        return labels
    _, fixed = rt.rule_roles(page)
    return rm.correct_roles(page.segs, labels, fixed, langs=page.langs, model=model)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--weights", type=Path, help="a weights file (default: shipped)")
    parser.add_argument("--off", action="store_true", help="first-run rule labels alone")
    parser.add_argument("--story", action="store_true")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--pages", action="store_true")
    args = parser.parse_args()
    model = None
    if not args.off:
        path = args.weights or rt.WEIGHTS
        model = rm.RoleModel.from_json(json.loads(path.read_text(encoding="utf-8")))
    history = json.loads(rt.HISTORY.read_text(encoding="utf-8"))
    sets = {}
    for b in rt.BATCHES:
        name = f"blind{b}"
        if name in rt.CHECK_ONLY or name not in rt.FIRST_RUN:
            continue
        pages = load_pages(rt.BLIND / f"batch{b}")
        keys = history.get(rt.FIRST_RUN[name], {})
        if pages and all(f"{name}/{p.name}" in keys for p in pages):
            sets[name] = pages
    chosen: dict[int, list[str]] = {}
    rl.predict = lambda page: chosen[id(page)]  # role_losses reads these roles
    runs: list[rl.Run] = []
    total = ok = 0
    for name, pages in sets.items():
        for page in pages:
            chosen[id(page)] = first_run_roles(name, page, history, model)
            s = score_page(page, chosen[id(page)])
            total, ok = total + s.chars, ok + s.role_ok
            runs += rl.lost_runs(name, page)
    print(f"{len(sets)} dev sets with first runs; roles {ok / max(total, 1):.4f}\n")
    if args.story:
        rl.report_story(runs, args.pages)
        return 0
    print("| gold role | tool role | where | batches | pages | chars |\n|---|---|---|---|---|---|")
    for (gold, tool, where), c in rl.rank(runs)[: args.top]:
        npages = len({(r.batch, r.page) for r in c["runs"]})
        print(f"| {gold} | {tool} | {where} | {len(c['batches'])} | {npages} | {c['chars']} |")
    if args.pages:
        for (gold, tool, where), c in rl.rank(runs)[: args.top]:
            print(f"\n## {gold} -> {tool} ({where})")
            for r in sorted(c["runs"], key=lambda r: -r.chars)[:30]:
                print(f"  {r.batch} {r.page} {r.chars}: {r.line[:100]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
