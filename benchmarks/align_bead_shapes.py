"""Which shapes of sure gold bead the aligner finds, and which it never outputs, by kind.

    .venv/bin/python benchmarks/align_bead_shapes.py --cache PICKLE [--roles tool|gold] \\
        [--kinds translation] [--set FIELD=VALUE]

Why (round 40, beads40): recall is short on every kind (R < P); a gold shape the aligner never
outputs (a 1-3, a 2-2, a bead with a gap) is lost whatever the evidence, so the census says
which shapes the rules may reach.  For each kind: per gold shape (sides' sentence counts, small
side first; "+gap" when a side's sentences are not next to each other in the story), the sure
beads, how many are found, and how many output links of that shape the aligner made; with the
batches the misses fall in.  Check batches are never read.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_misses  # noqa: E402
import align_pairs  # noqa: E402


def shape(left: frozenset, right: frozenset) -> str:
    """"1-1", "1-2" (either way round), "2-2" … by gold sentence counts."""
    a, b = sorted((len(left), len(right)))
    return f"{a}-{b}"


def main() -> None:
    args = align_misses.study_args(__doc__.split("\n")[0], "translation", "unused")
    if args is None:
        return
    params = align_misses.parse_set(args.set)
    gold_n: Counter = Counter()
    found_n: Counter = Counter()
    made_n: Counter = Counter()
    missed_in: dict[tuple[str, str], set[str]] = defaultdict(set)
    for case, kind in align_misses.dev_cases(args.cache, args.kinds.split(",")):
        output = set(align_pairs.align_case(case, args.roles, params=params))
        for left, right in output:
            if left and right:
                made_n[kind, shape(left, right)] += 1
        for bead in case.gold["beads"]:
            if bead["type"] != "sure":
                continue
            gold = (frozenset(bead["left"]), frozenset(bead["right"]))
            name = shape(*gold) + ("+gap" if align_misses.has_gap(case, gold, args.roles) else "")
            gold_n[kind, name] += 1
            if gold in output:
                found_n[kind, name] += 1
            else:
                missed_in[kind, name].add(case.set_name)
    for kind in args.kinds.split(","):
        print(f"{kind} ({args.roles} roles): gold shape | sure | found | missed batches | "
              "output links of the shape")  # fmt: skip
        for name in sorted({n for k, n in gold_n if k == kind}, key=lambda n: -gold_n[kind, n]):
            made = made_n[kind, name.split("+")[0]] if "+" not in name else "-"
            print(f"  {name:8} | {gold_n[kind, name]:4} | {found_n[kind, name]:4} | "
                  f"{len(missed_in[kind, name]):3} | {made}")  # fmt: skip


if __name__ == "__main__":
    main()
