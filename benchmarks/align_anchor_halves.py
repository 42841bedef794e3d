"""The dev pairs' 2-1 / 1-2 gold beads whose halves split the one sentence's unique anchors.

    .venv/bin/python benchmarks/align_anchor_halves.py --cache PICKLE [--roles tool|gold] \\
        [--set anchor_halves_cost=inf] [--list]

Why (round 31, beads31): a rule for a split or a join is only worth writing for a shape
that holds misses in several batches.  Each sure gold bead of two story sentences on one
side and one on the other (product path: ``align_pairs``, tool roles, stand-in MT) is
counted by kind, found or missed, and by whether its two sentences each hold a unique anchor
(``anchors.unique_anchors`` of ``align_xlang_misses._keys``: figures, names, spelled numbers)
of the one sentence that the other lacks (``split``), and whether they are neighbours
(``adjacent``) or a detail from further down (``gap``).  ``--list`` prints each missed split
with what the output did with its sentences.  Check batches are never read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_misses  # noqa: E402
import align_pairs  # noqa: E402
import align_xlang_misses  # noqa: E402

from workbench.core.anchors import unique_anchors  # noqa: E402


def shapes(case: align_pairs.PairCase, roles: str, params: object, listing: bool) -> Counter:
    """(kind, found|missed, split|no, adjacent|gap) per 2-1 / 1-2 sure gold bead of ``case``."""
    raw, output = align_pairs.case_beads(case, roles, params=params)
    ids = [align_pairs._story(side, roles) for side in (case.left, case.right)]
    sides = (case.left, case.right)
    alone = [unique_anchors([align_xlang_misses._keys(s.texts[k]) for k in ids[n]])
             for n, s in enumerate(sides)]  # fmt: skip
    kind, out = align_pairs.pair_kind(case), Counter()
    for gold_bead in case.gold["beads"]:
        gold = (frozenset(gold_bead["left"]), frozenset(gold_bead["right"]))
        local = [[n for n, k in enumerate(ids[s]) if side.spans[k] & gold[s]]
                 for s, side in enumerate(sides)]  # fmt: skip
        if gold_bead["type"] != "sure" or sorted(map(len, local)) != [1, 2]:
            continue
        many = 0 if len(local[0]) == 2 else 1
        keys = alone[1 - many][local[1 - many][0]]
        first, second = (alone[many][n] & keys for n in local[many])
        split = bool(first - second and second - first)
        found = gold in set(output)
        near = local[many][1] - local[many][0] == 1
        out[kind, "found" if found else "missed", "split" if split else "no",
            "adjacent" if near else "gap"] += 1  # fmt: skip
        if listing and split and not found:
            held = [(f"{'LR'[s]}{n}", b.left, b.right) for s in (0, 1) for n in local[s]
                    for b in raw if n in (b.left, b.right)[s]]  # fmt: skip
            print(f"  {case.set_name:8} {kind[:5]:5} {case.name[:40]:40} {local} {held}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, help="align_pairs.py --cache's pickle")
    parser.add_argument("--roles", choices=("tool", "gold"), default="tool")
    parser.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE")
    parser.add_argument("--list", action="store_true", help="each missed split bead")
    args = parser.parse_args()
    if not align_pairs.EVAL.exists():
        print(f"no scorer at {align_pairs.EVAL}: nothing to do")
        return
    params = align_misses.parse_set(args.set)
    table: Counter = Counter()
    batches: dict[tuple, set[str]] = {}
    for case in align_pairs.cached_cases(args.cache):
        if case.set_name in align_pairs.CHECK_SETS:
            continue
        for key, count in shapes(case, args.roles, params, args.list).items():
            table[key] += count
            batches.setdefault(key, set()).add(case.set_name)
    print("| kind | found / missed | halves split the anchors | neighbours | beads | batches |")
    print("|---|---|---|---|---:|---:|")
    for key in sorted(table):
        print(f"| {' | '.join(key)} | {table[key]} | {len(batches[key])} |")


if __name__ == "__main__":
    main()
