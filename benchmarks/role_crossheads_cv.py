"""Crossheads between story sentences (``core.page_crossheads``): leave one set out, check pooled.

    .venv/bin/python benchmarks/role_crossheads_cv.py [--shared DIR]

Why: ``role_losses.py --story`` ranks a story's crossheads read as chrome among the story
side's most spread losses (round 31: 37 lines, 888 characters in 19 dev batches; rounds 23,
27 and 28 met them too).  The page evidence reads them by their own shape (capitalised like
a name card, a figure like a stamp, a paragraph of their own like a widget); the rule reads
their place: a short unended line of its own between two story sentences.  Points (each a
``RoleParams``, all scored with today's whole pipeline, ``page_gold.predict``, learned layer
on, in one process on the same pages):

* ``off``: ``crosshead_between=0`` (the baseline, round 30's roles);
* ``N words, told``: ``crosshead_between=N``, ``crosshead_stems=1`` (the line shares a
  content stem with the story);
* (round 31 in sample, not in the grid for time: ``6 words, untold``, ``crosshead_stems=0``,
  lowers 11 dev sets: photo captions without a credit, clock stamps, embed notices).

A fold chooses, among the points lowering no training set (roles or story characters), the
best pooled mean of roles and story, ties to the earlier point (``off`` first), and scores the
left-out set with it (``role_params_cv.choose``).  The check batches (``CHECK_SETS``) are
scored pooled with the point chosen on all dev sets, never to choose.
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
from role_params_cv import _cell, choose, pooled, score_grid  # noqa: E402

from workbench.core.page_shapes import DEFAULT_PARAMS  # noqa: E402
from workbench.testing.page_gold import Score  # noqa: E402

POINTS = {
    "off": replace(DEFAULT_PARAMS, crosshead_between=0),
    "6 words, told": replace(DEFAULT_PARAMS, crosshead_between=6, crosshead_stems=1),
    "8 words, told": replace(DEFAULT_PARAMS, crosshead_between=8, crosshead_stems=1),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args()
    loads = "/".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"# Crossheads between story sentences, leave one set out (machine load {loads})")
    sets = today_sets(args.shared)
    names, grid = list(POINTS), tuple(POINTS.values())
    table = score_grid(sets, grid)
    dev = [n for n in sets if n not in CHECK_SETS]
    print("\n| left-out set | chosen | roles / story: off -> chosen |\n|---|---|---|")
    held = (Score(), Score())
    for name in dev:
        k = choose(table, [n for n in dev if n != name], len(grid))
        held[0].add(table[(name, 0)])
        held[1].add(table[(name, k)])
        if k or table[(name, 0)].role_ok != table[(name, k)].role_ok:
            print(f"| {name} | {names[k]} | {_cell(table[(name, 0)], table[(name, k)])} |")
    print(f"| (other sets: {names[0]} or unchanged) | | |")
    print(f"| **dev pooled, leave one set out** | | {_cell(*held)} |")
    k = choose(table, dev, len(grid))
    checks = [n for n in sets if n in CHECK_SETS]
    check = _cell(pooled(table, checks, 0), pooled(table, checks, k))
    print(f"| **dev pooled, in sample** | {names[k]} | "
          f"{_cell(pooled(table, dev, 0), pooled(table, dev, k))} |")  # fmt: skip
    print(f"| **check {', '.join(n[5:] for n in checks)} pooled** | {names[k]} | {check} |")
    print("\n| point | dev pooled | check pooled | dev sets lowered | dev sets raised |")
    print("|---|---|---|---|---|")
    for j, name in enumerate(names):
        s, c = pooled(table, dev, j), pooled(table, checks, j)
        low = [n for n in dev if table[(n, j)].role_ok < table[(n, 0)].role_ok
               or table[(n, j)].story_ok < table[(n, 0)].story_ok]  # fmt: skip
        up = [n for n in dev if n not in low and (table[(n, j)].role_ok > table[(n, 0)].role_ok
              or table[(n, j)].story_ok > table[(n, 0)].story_ok)]  # fmt: skip
        print(f"| {name} | {s.roles:.4f} / {s.story:.4f} | {c.roles:.4f} / {c.story:.4f} "
              f"| {', '.join(low) or 'none'} | {', '.join(up) or 'none'} |")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
