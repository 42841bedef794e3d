"""Title choice (``core.page_header``): each rule switched off and on, leave one set out.

    .venv/bin/python benchmarks/role_heads_cv.py [--shared DIR] [--only WORD]

A study is a grid of ``RoleParams`` points, the first one the rule switched off (the
baseline, same process, same pages).  The full pipeline (rules, label passes, the
learned correction) labels every page of every set at every point.  Each dev set is
scored with the point chosen on the other dev sets: among the points that lower no
training set (characters with the right role, and with the right in-story decision),
the best mean of roles and story pooled; ties go to the earlier point, so a rule that
helps one set only is off in that set's fold.  Dev sets: the shared real-page dev set,
the repository's fixture pages and the blind batches but this round's check batches
(``role_labels_cv.CHECK_SETS``), which are scored pooled with the point chosen on all
dev sets, never a page, never used to choose.

Why not first-run labels as in ``role_labels_cv``: title choice is made before the
label passes, inside ``assign_roles``; an old main's labels cannot be re-run through it.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from role_labels_cv import CHECK_SETS, SHARED, today_sets  # noqa: E402
from role_params_cv import Table, choose, lowers, pooled, score_grid  # noqa: E402

from workbench.core.page_shapes import DEFAULT_PARAMS, RoleParams  # noqa: E402
from workbench.testing.page_gold import Score  # noqa: E402

STUDIES: dict[str, tuple[RoleParams, ...]] = {
    "the site's name is never the title (masthead)": (
        replace(DEFAULT_PARAMS, masthead=False),
        DEFAULT_PARAMS,
    ),
}


def _cell(a: Score, b: Score) -> str:
    return f"{a.roles:.4f} / {a.story:.4f} -> {b.roles:.4f} / {b.story:.4f}"


def report(table: Table, names: list[str], study: str, size: int) -> None:
    dev = [n for n in names if n not in CHECK_SETS]
    print(f"\n### {study}\n\n| left-out set | chosen point | off -> chosen |\n|---|---|---|")
    held = (Score(), Score())
    for name in dev:
        k = choose(table, [n for n in dev if n != name], size)
        a, b = table[(name, 0)], table[(name, k)]
        held[0].add(a)
        held[1].add(b)
        moved = " (moved)" if (a.role_ok, a.story_ok) != (b.role_ok, b.story_ok) else ""
        print(f"| {name} | {k} | {_cell(a, b)}{moved} |")
    print(f"| **dev pooled, leave one set out** | | {_cell(*held)} |")
    k = choose(table, dev, size)
    check = _cell(pooled(table, list(CHECK_SETS), 0), pooled(table, list(CHECK_SETS), k))
    sets = ", ".join(name[5:] for name in CHECK_SETS)
    print(f"| **check {sets} pooled** (chosen on all dev sets) | {k} | {check} |")
    for j in range(1, size):
        ins = _cell(pooled(table, dev, 0), pooled(table, dev, j))
        moved = [n for n in dev if (table[(n, j)].role_ok, table[(n, j)].story_ok)
                 != (table[(n, 0)].role_ok, table[(n, 0)].story_ok)]  # fmt: skip
        low = ", ".join(lowers(table, dev, j)) or "none"
        print(f"\npoint {j} on all dev sets: {ins}; sets moved: {', '.join(moved) or 'none'};"
              f" lowered: {low}")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--only", help="only the studies whose name holds this word")
    args = parser.parse_args()
    loads = "/".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"# Title choice, leave one set out (machine load {loads})")
    sets = today_sets(args.shared)
    for study, grid in STUDIES.items():
        if args.only and args.only not in study:
            continue
        report(score_grid(sets, grid), list(sets), study, len(grid))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
