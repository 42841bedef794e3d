"""Which beads of the real-story pairs change between the shipped parameters and another setting.

    .venv/bin/python benchmarks/align_param_diff.py --cache PICKLE --set FIELD=VALUE ... \\
        [--kinds rewrite,copy] [--roles tool|gold] [--check]

Why: a pooled bead figure hides what a rule does; a join that gains one sure bead and glues
a wrong half elsewhere scores as nothing.  For each dev pair of ``--kinds`` (product path,
``align_pairs``) whose output differs, it prints the ``eval.py`` counts before → after and,
for dev pairs, each bead added (+, with the gold's type and the two sides' text) and taken
out (−).  ``--check`` scores the check batches instead, counts only (their pages are never
printed: the check only vetoes).  Round 29 (beads29) chose the woven halves' figure test
with it (``docs/align.md``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_misses  # noqa: E402
import align_pairs  # noqa: E402

from workbench.core.align_scoring import AlignParams  # noqa: E402


def _text(side: align_pairs.Side, spans: frozenset[int]) -> str:
    return " | ".join(t[:110] for t, s in zip(side.texts, side.spans, strict=True) if s & spans)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE")
    parser.add_argument("--kinds", default="rewrite,copy")
    parser.add_argument("--roles", choices=("tool", "gold"), default="tool")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    ev = align_pairs.load_eval()
    before, after = AlignParams(), align_misses.parse_set(args.set)
    kinds = args.kinds.split(",")
    for case in align_pairs.cached_cases(args.cache):
        if (case.set_name in align_pairs.CHECK_SETS) != args.check:
            continue
        if align_pairs.pair_kind(case) not in kinds:
            continue
        a, b = (align_pairs.align_case(case, args.roles, params=p) for p in (before, after))
        if a == b:
            continue
        ca, cb = (ev.score_pair(case.gold, case.body[0], case.body[1], x) for x in (a, b))
        print(f"== {case.set_name} {case.name[:50]} correct {ca['bead_correct']} -> "
              f"{cb['bead_correct']}, judged {ca['judged']} -> {cb['judged']}, sure found "
              f"{ca['bead_found_sure']} -> {cb['bead_found_sure']}")  # fmt: skip
        if args.check:
            continue
        gold = {(frozenset(g["left"]), frozenset(g["right"])): g["type"]
                for g in case.gold["beads"]}  # fmt: skip
        for sign, beads in (("+", set(b) - set(a)), ("-", set(a) - set(b))):
            for x in sorted(beads, key=lambda t: (sorted(t[0]), sorted(t[1]))):
                print(f"  {sign} L{sorted(x[0])} R{sorted(x[1])} gold={gold.get(x)}")
                if sign == "+":
                    print(f"      L: {_text(case.left, x[0])}\n      R: {_text(case.right, x[1])}")


if __name__ == "__main__":
    main()
