"""One ``RoleParams`` field over a grid: leave one dev set out, check batches pooled.

    .venv/bin/python benchmarks/role_params_cv.py FIELD VALUE,VALUE,... [--shared DIR]

The first value is the baseline (the rule switched off); every value is scored with
today's whole pipeline (``page_gold.predict``) on the dev sets of
``role_labels_cv.today_sets`` (stories-dev, the fixture pages, the blind batches but
the check batches ``role_labels_cv.CHECK_SETS``) in one process, same pages.

A fold's choice: among the values that lower no training set (characters with the
right role, or with the right in-story decision), the best mean of roles and story
pooled over the training sets; ties go to the earlier value (the baseline first).  So a
value that only helps the left-out set is not chosen for it: the left-out gain counts
only when other sets show the same kind.  The check batches are scored pooled with the
value chosen on all dev sets, never to choose.

Why a separate study from ``role_labels_cv``: these rules sit inside the page evidence
(``decide_page``), so first-run labels of older mains cannot be re-scored with them;
only today's pipeline can.
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

from field_values import shipped_field, typed  # noqa: E402
from role_labels_cv import CHECK_SETS, SHARED, STORY_PAIRS, today_sets  # noqa: E402

from workbench.core.page_shapes import DEFAULT_PARAMS, RoleParams  # noqa: E402
from workbench.testing.page_gold import (  # noqa: E402
    GoldPage,
    Score,
    load_story_pair_sets,
    predict,
    score_page,
)

Table = dict[tuple[str, int], Score]


def parse(field: str, values: str) -> list:
    """``--values`` in the field's type (a word that is no boolean stops with ``Error:``; it
    was read as false before round 41)."""
    shipped = shipped_field(DEFAULT_PARAMS, field)
    return [typed(field, shipped, v) for v in values.split(",")]


def score_grid(sets: dict[str, list[GoldPage]], grid: tuple[RoleParams, ...]) -> Table:
    """Every set scored at every point of ``grid`` (point 0 is the baseline)."""
    table: Table = {}
    for k, params in enumerate(grid):
        for name, pages in sets.items():
            s = table.setdefault((name, k), Score())
            for page in pages:
                s.add(score_page(page, predict(page, params)))
    return table


def score(sets: dict[str, list[GoldPage]], field: str, values: list) -> Table:
    return score_grid(sets, tuple(replace(DEFAULT_PARAMS, **{field: v}) for v in values))


def pooled(table: Table, names: list[str], k: int) -> Score:
    out = Score()
    for name in names:
        out.add(table[(name, k)])
    return out


def lowers(table: Table, names: list[str], k: int) -> list[str]:
    """The sets point ``k`` scores lower than point 0 (the baseline), on roles or story."""
    return [
        n for n in names
        if table[(n, k)].role_ok < table[(n, 0)].role_ok
        or table[(n, k)].story_ok < table[(n, 0)].story_ok
    ]  # fmt: skip


def choose(table: Table, names: list[str], n: int) -> int:
    """The best value lowering no set of ``names``; ties to the earlier (baseline first)."""
    best, merit = 0, -1.0
    for k in range(n):
        s = pooled(table, names, k)
        value = round((s.roles + s.story) / 2, 9)
        if not lowers(table, names, k) and value > merit:
            best, merit = k, value
    return best


def _cell(a: Score, b: Score) -> str:
    return f"{a.roles:.4f} / {a.story:.4f} -> {b.roles:.4f} / {b.story:.4f}"


def report(table: Table, names: list[str], field: str, values: list) -> None:
    dev = [n for n in names if n not in CHECK_SETS]
    print(f"\n| left-out set | chosen {field} | roles / story: {values[0]} -> chosen |")
    print("|---|---|---|")
    held = (Score(), Score())
    for name in dev:
        k = choose(table, [n for n in dev if n != name], len(values))
        held[0].add(table[(name, 0)])
        held[1].add(table[(name, k)])
        moved = "" if table[(name, k)].role_ok == table[(name, 0)].role_ok else " *"
        print(f"| {name} | {values[k]} | {_cell(table[(name, 0)], table[(name, k)])}{moved} |")
    print(f"| **dev pooled, leave one set out** | | {_cell(*held)} |")
    k = choose(table, dev, len(values))
    checks = [n for n in names if n in CHECK_SETS]
    check = _cell(pooled(table, checks, 0), pooled(table, checks, k))
    print(f"| **check {', '.join(n[5:] for n in checks)} pooled** | {values[k]} | {check} |")
    print("\n| value | dev pooled (in sample) | sets it lowers | sets it raises |")
    print("|---|---|---|---|")
    for j, value in enumerate(values):
        s = pooled(table, dev, j)
        low = [n for n in dev if table[(n, j)].role_ok < table[(n, 0)].role_ok
               or table[(n, j)].story_ok < table[(n, 0)].story_ok]  # fmt: skip
        up = [n for n in dev if n not in low and (table[(n, j)].role_ok > table[(n, 0)].role_ok
              or table[(n, j)].story_ok > table[(n, 0)].story_ok)]  # fmt: skip
        print(f"| {value} | {s.roles:.4f} / {s.story:.4f} | {', '.join(low) or 'none'} "
              f"| {', '.join(up) or 'none'} |")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("field", help="a RoleParams field")
    parser.add_argument("values", help="comma-separated grid, the baseline (off) first")
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument(
        "--raw", action="store_true", help="blind 3-21 from story-pairs (capture cuts kept)"
    )
    args = parser.parse_args()
    values = parse(args.field, args.values)
    loads = "/".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"# RoleParams.{args.field}, leave one set out (machine load {loads})")
    sets = today_sets(args.shared)
    if args.raw:  # role-pages copies end with a line break: their capture cut is not seen
        raw = load_story_pair_sets(STORY_PAIRS, {"fixtures", "stories-dev"})
        sets = {name: raw.get(name, pages) for name, pages in sets.items()}
    table = score(sets, args.field, values)
    report(table, list(sets), args.field, values)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
