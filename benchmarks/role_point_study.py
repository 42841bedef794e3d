"""One leave-one-set-out study of role points, shared by the ``role_*_cv.py`` scripts.

Why one module: each round's role rule is chosen the same way (``role_buttons_cv``'s dev
sets, folds and choice; the check batches scored pooled with the point chosen on all dev
sets, never used to choose), and a copy per rule drifts.  A script names its points
(``RoleParams`` each, one of them ``off``) and its candidate, then calls :func:`run`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from role_buttons_cv import CHECK, SHARED, STORY_PAIRS, cell, choose, dev_sets, pooled  # noqa: E402

from workbench.core.role_params import RoleParams  # noqa: E402
from workbench.testing.page_gold import Score, load_pages, predict, score_page  # noqa: E402


def scores(pages: list, params: RoleParams) -> Score:
    """Pooled score of ``pages`` under ``params``."""
    out = Score()
    for page in pages:
        out.add(score_page(page, predict(page, params)))
    return out


def _folds(table: dict, names: list[str], points: dict, candidate: str) -> tuple[dict, tuple]:
    """Print the leave-one-set-out rows (sets that move or choose otherwise) and the pooled row."""
    print("\n| left-out set | chosen | off -> chosen (roles / story) |\n|---|---|---|")
    held, folds = (Score(), Score()), {}
    for name in names:
        chosen = choose(table, [n for n in names if n != name], points)
        folds[name] = chosen
        a, b = table[(name, "off")], table[(name, chosen)]
        held[0].add(a)
        held[1].add(b)
        if (a.role_ok, a.story_ok) != (b.role_ok, b.story_ok) or chosen != candidate:
            print(f"| {name} | {chosen} | {cell(a, b)} |")
    print(f"| **dev pooled, leave one set out** ({len(names)} folds; "
          f"{sum(c == candidate for c in folds.values())} chose `{candidate}`) "
          f"| | {cell(*held)} |")  # fmt: skip
    return folds, held


def print_points(table: dict, names: list[str], points: dict, chosen: str) -> None:
    """Each point's in-sample dev pool and the sets it lowers (shared by the point studies)."""
    print("\n| point | dev pooled in sample (roles / story) | sets lowered |\n|---|---|---|")
    for p in points:
        s = pooled(table, names, p)
        down = [n for n in names if table[(n, p)].role_ok < table[(n, "off")].role_ok
                or table[(n, p)].story_ok < table[(n, "off")].story_ok]  # fmt: skip
        print(f"| {p}{' (chosen)' if p == chosen else ''} | {s.roles:.5f} / {s.story:.5f} "
              f"| {', '.join(down) or '-'} |")  # fmt: skip


def run(title: str, points: dict[str, RoleParams], candidate: str) -> int:
    """Score every point on every dev set, print the folds, in-sample rows and the check."""
    parser = argparse.ArgumentParser(description=title)
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    loads = "/".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"# {title}, leave one set out (machine load {loads})")
    sets = dev_sets(args.shared)
    names = list(sets)
    table = {(n, p): scores(pages, points[p]) for n, pages in sets.items() for p in points}
    folds, held = _folds(table, names, points, candidate)
    chosen = choose(table, names, points)
    print_points(table, names, points, chosen)
    check = [p for b in CHECK for p in load_pages(STORY_PAIRS / f"batch{b}")]
    off, at = scores(check, points["off"]), scores(check, points[chosen])
    print(f"\n| **check pooled** (chosen on all dev sets: {chosen}) | {cell(off, at)} |")
    if args.json:
        out = {
            "folds": folds,
            "chosen": chosen,
            "held": [held[0].roles, held[0].story, held[1].roles, held[1].story],
            "check": [off.roles, off.story, at.roles, at.story],
        }
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0
