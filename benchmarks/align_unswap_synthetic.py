"""The synthetic swaps still reported as moves with ``unswap_cross_keys`` on (round 36, beadsc36).

    .venv/bin/python benchmarks/align_unswap_synthetic.py [--units 20] [--levels 1,2,3]

Why: the brief asks that adjacent and distant swaps of sentences and of paragraphs be reported
as moves; ``align_devsets.synthetic_units`` (Text+Berg French sentences edited as republishers
do, with an adjacent sentence swap and an adjacent and a distant paragraph swap per unit)
hold them as crossing gold 1-1 beads.  A step that takes a 2-2 apart into a link and a move
must leave every such move found as before: for each level, the gold crossing beads found as
moves (``move_links``' landing rows), all gold beads found, and the units whose beads change
against the step off.  Same language, no MT (the step reads one language only).
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_devsets  # noqa: E402

from workbench.core.align import align  # noqa: E402
from workbench.core.align_moves import move_links  # noqa: E402
from workbench.core.align_scoring import AlignParams  # noqa: E402


def _crossing(bead: tuple, gold: list[tuple]) -> bool:
    left, right = bead
    return bool(left and right) and any(
        g[0] and g[1] and ((max(g[0]) < min(left) and min(g[1]) > max(right))
                           or (min(g[0]) > max(left) and max(g[1]) < min(right)))
        for g in gold)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--units", type=int, default=20)
    parser.add_argument("--levels", default="1,2,3")
    args = parser.parse_args()
    units = align_devsets.synthetic_units(count=args.units, size=40)
    if not units:
        print("no Text+Berg data: nothing to do")
        return
    start = time.time()
    print("| unswap_cross_keys | crossing gold beads found (of them: as moves) | gold beads found "
          "| units changed |\n|---|---:|---:|---:|")  # fmt: skip
    base: list[list] = []
    for level in [0] + [int(x) for x in args.levels.split(",")]:
        params = replace(AlignParams(), unswap_cross_keys=level)
        moves = crossing = crossed = found = total = changed = 0
        for n, unit in enumerate(units):
            beads = align(unit.left, unit.right, params=params)
            rows = move_links(beads)
            out = {(tuple(b.left), tuple(b.right)) for b in rows}
            moved = {(tuple(b.left), tuple(b.right)) for b in rows if b.move_to is not None}
            gold = [(tuple(a), tuple(b)) for a, b in unit.gold]
            for bead in gold:
                total += 1
                found += bead in out
                if _crossing(bead, gold):
                    crossing += 1
                    moves += bead in moved
                    crossed += bead in out
            if level == 0:
                base.append(beads)
            changed += beads != base[n]
        print(f"| {level} | {crossed} / {crossing} ({moves}) | {found} / {total} | {changed} |")
    print(f"\n{len(units)} units, {time.time() - start:.0f} s")


if __name__ == "__main__":
    main()
