"""Neighbouring 1-1 links of the dev pairs by their crosswise keys: which the gold reads as a 2-2.

    .venv/bin/python benchmarks/align_regroup.py --cache PICKLE [--roles tool|gold] \\
        [--kinds rewrite,copy] [--set FIELD=VALUE] [--list]

Why (round 35, beads35): a rewrite that moves the boundary between two sentences leaves two
in-order 1-1 links inside one gold 2-2 (batch 126's uk rewrite).  For every two output links of
one segment a side that stand next to each other on both sides (product path: ``align_pairs``,
moves as their landing rows), ``core.align_regroup.crossed_keys`` counts the keys one side's
second sentence shares with the other side's first beyond its own first's and its partner's
(crosswise) and the keys the weaker link shares with its partner (straight); the table says
how often the two links joined are a gold bead (sure / possible) or none, and in how many
batches.  ``regroup_cross_keys`` joins crosswise >= N and crosswise > straight.  Check batches
are never read.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_misses  # noqa: E402
import align_pairs  # noqa: E402
import align_study  # noqa: E402

from workbench.core.align_regroup import crossed_keys  # noqa: E402

Pair = align_misses.Pair


def one_segment_links(case: align_pairs.PairCase, output: list[Pair]
                      ) -> list[tuple[int, int, Pair]]:  # fmt: skip
    """The output links whose sides each lie in one segment: (left segment, right segment,
    bead), in left order."""
    def segments(side: int, spans: frozenset[int]) -> list[int]:
        page = (case.left, case.right)[side]
        return [k for k, held in enumerate(page.spans) if held & spans]

    links = []
    for bead in output:
        if bead[0] and bead[1]:
            ls, rs = segments(0, bead[0]), segments(1, bead[1])
            if len(ls) == 1 and len(rs) == 1:
                links.append((ls[0], rs[0], bead))
    return sorted(links)


def neighbour_rows(case: align_pairs.PairCase, roles: str, params: object
                   ) -> list[tuple[int, int, str, Pair]]:  # fmt: skip
    """(crosswise, straight, gold type of the two links joined or ``"none"``, joined bead) for
    each two neighbouring one-segment links of ``case``."""
    _, output = align_pairs.case_beads(case, roles, params=params)
    gold = {(frozenset(b["left"]), frozenset(b["right"])): b["type"] for b in case.gold["beads"]}
    links = one_segment_links(case, output)
    rows = []
    for (l1, r1, b1), (l2, r2, b2) in zip(links, links[1:], strict=False):
        if (l2, r2) != (l1 + 1, r1 + 1):
            continue
        cross, straight = crossed_keys((case.left.texts[l1], case.right.texts[r1]),
                                       (case.left.texts[l2], case.right.texts[r2]))  # fmt: skip
        joined = (b1[0] | b2[0], b1[1] | b2[1])
        rows.append((cross, straight, gold.get(joined, "none"), joined))
    return rows


def main() -> None:
    study = align_study.start(__doc__.split("\n")[0], "rewrite,copy", "one line per pair "
                              "of links with three or more keys crosswise")  # fmt: skip
    if study is None:
        return
    for case, _ in study.cases():
        for cross, straight, kind, joined in neighbour_rows(case, study.args.roles, study.params):
            study.count((min(cross, 4), cross > straight, kind), case)
            if study.args.list and cross >= 3:
                print(f"  {case.set_name:8} {case.name[:44]:44} cross {cross} straight "
                      f"{straight} {kind:8} L{sorted(joined[0])} R{sorted(joined[1])}")
    print(f"\n{','.join(study.kinds)}: neighbouring 1-1 links (both sides next to each other)\n"
          "| crosswise keys | crosswise > straight | joined is gold | pairs | batches |\n"
          "|---:|---|---|---:|---:|")  # fmt: skip
    for row in sorted(study.table):
        cross, above, kind = row
        print(f"| {cross if cross < 4 else '4+'} | {'yes' if above else 'no'} | {kind} | "
              f"{study.cells(row)} |")


if __name__ == "__main__":
    main()
