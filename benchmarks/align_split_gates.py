"""Why the ordered halves do not join a missed split: each missed N-M sure bead, by gate.

    .venv/bin/python benchmarks/align_split_gates.py --cache PICKLE [--roles tool|gold] \\
        [--kinds rewrite] [--set FIELD=VALUE] [--list]

Why (round 34, ``beads34``): the split or merge read as its 1-1 core is the class of most
missed rewrite and paraphrase beads in every round since 21, and in a pair of one language
``core/align_ordered_halves`` is the step that joins such a half.  A rule for the class is only
worth writing at the gate that refuses most halves in most batches.  For each missed sure gold
bead of two or more sentences on a side whose output holds exactly one link ``W : P`` inside it
(``W`` the gold's whole side, ``P`` part of the other), the rest ``H`` of the other side is read:

* ``no single core``: the output does not hold one link inside the gold bead;
* ``several segments``: ``W`` or ``H`` is more than one segment, or the core is not whole on
  ``W``'s side;
* ``H linked elsewhere``: ``H`` sits in an output link (glued to a neighbour, paired by place);
* ``H free, not next to P``: another story line stands between them;
* ``H free, next to P``: the join's own case.

Each with the word gate's reading at the shipped parameters (``half_shape``: ``None`` when the
words refuse the half) and at ``ordered_half_slack`` one more (a key out of place).  Check
batches are never read.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_misses  # noqa: E402
import align_pairs  # noqa: E402
import align_study  # noqa: E402

from workbench.core.align_ordered_halves import half_shape  # noqa: E402
from workbench.core.align_scoring import AlignParams  # noqa: E402

Pair = align_misses.Pair


def _segments(side: align_pairs.Side, spans: frozenset[int]) -> list[int]:
    return [k for k, held in enumerate(side.spans) if held & spans]


def gate(case: align_pairs.PairCase, gold: Pair, output: list[Pair], roles: str,
         params: AlignParams) -> str | None:  # fmt: skip
    """The gate class of one missed N-M gold bead (module docstring); ``None``: not a split."""
    inner = [b for b in output if b[0] and b[1] and b[0] <= gold[0] and b[1] <= gold[1]]
    if len(inner) != 1:
        return "no single core"
    core = inner[0]
    for w in (0, 1):
        if core[w] == gold[w] and len(gold[1 - w]) > 1:
            break
    else:
        return "several segments"
    sides = (case.left, case.right)
    whole, other = _segments(sides[w], gold[w]), sides[1 - w]
    part = _segments(other, core[1 - w])
    half = _segments(other, gold[1 - w] - core[1 - w])
    if len(whole) != 1 or len(half) != 1 or not part:
        return "several segments"
    h = half[0]
    spans = other.spans[h]
    if any(b[1 - w] & spans and b[w] for b in output):
        where = "H linked elsewhere"
    else:
        story = align_pairs._story(other, roles)
        at = {k: n for n, k in enumerate(story)}
        near = h in at and any(abs(at[h] - at[k]) == 1 for k in part if k in at)
        where = "H free, next to P" if near else "H free, not next to P"
    after = h > max(part)
    texts = (sides[w].texts[whole[0]], " ".join(other.texts[k] for k in part), other.texts[h])
    slack = replace(params, ordered_half_slack=params.ordered_half_slack + 1)
    return (f"{where}: words {half_shape(*texts, after, params)}, "
            f"one key of slack {half_shape(*texts, after, slack)}")  # fmt: skip


def main() -> None:
    study = align_study.start(__doc__.split("\n")[0], "rewrite", "one line per split")
    if study is None:
        return
    args, params, table = study.args, study.params, study.table
    for case, _ in study.cases():
        _, output = align_pairs.case_beads(case, args.roles, params=params)
        found = set(output)
        for bead in case.gold["beads"]:
            gold = (frozenset(bead["left"]), frozenset(bead["right"]))
            if bead["type"] != "sure" or gold in found or len(gold[0]) == len(gold[1]) == 1:
                continue
            name = gate(case, gold, output, args.roles, params)
            study.count(name, case)
            if args.list:
                print(f"  {case.set_name:9} {case.name[:40]:40} {name}")
    print(f"{','.join(study.kinds)}: {sum(table.values())} missed N-M sure beads")
    print("| gate | beads | batches |\n|---|---:|---:|")
    for name, _ in table.most_common():
        print(f"| {name} | {study.cells(name)} |")


if __name__ == "__main__":
    main()
