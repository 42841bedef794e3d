"""Where the wrong beads of the dev cross-language pairs come from, in classes, by batch.

    .venv/bin/python benchmarks/align_xlang_wrong.py --cache PICKLE [--roles tool|gold] \\
        [--kinds paraphrase,translation] [--set FIELD=VALUE] [--list]

Why: ``align_misses`` / ``align_xlang_misses`` class the *missed* sure beads (recall); the
precision of the cross-language paraphrases (.68 dev, the weakest kind) is lost to the
beads the aligner outputs that the gold holds neither as sure nor as possible.  Each such
judged bead (``eval.py``'s own rule: both sides non-empty, a side in the body) of the dev
pairs of ``--kinds`` (product path: ``align_pairs``, stand-in MT, moves as landing rows) is
put in the first class that fits:

* ``role``: a side holds a sentence outside the gold body (a page line the tool kept);
* ``glued``: it holds a gold bead and more (a neighbour joined to a right link);
* ``part of a gold bead``: it lies inside one gold bead (a gold 2-1 found as a 1-1);
* ``crosses gold beads``: its sides lie in gold beads that pair them otherwise, and
  some side shares a gold bead with the other (a chain shift by one, a 2-2 cut wrongly);
* ``told by one side``: a side holds only sentences the gold leaves unmatched (a
  sentence one agency told alone, paired by place or by a shared word);
* ``wrong partner``: both sides sit in gold beads, with other partners.

Each class also counts its batches (the leave-one-batch-out unit: a rule for a class
that holds many beads in one batch does not carry over).  Check batches are never read.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_misses  # noqa: E402
import align_pairs  # noqa: E402
import align_study  # noqa: E402

Pair = align_misses.Pair  # one bead as sets of sentence indices, as align_misses reads it


def wrong_class(bead: Pair, gold: list[Pair], body: Pair) -> str:
    """The class of one wrong judged bead (see the module docstring)."""
    left, right = bead
    if not (left <= body[0] and right <= body[1]):
        return "role"
    if any(g[0] <= left and g[1] <= right for g in gold):
        return "glued"
    if any(left <= g[0] and right <= g[1] for g in gold):
        return "part of a gold bead"
    lg = [g for g in gold if g[0] & left]
    rg = [g for g in gold if g[1] & right]
    if not lg or not rg:
        return "told by one side"
    if any(g[1] & right for g in lg) or any(g[0] & left for g in rg):
        return "crosses gold beads"
    return "wrong partner"


def wrong_beads(case: align_pairs.PairCase, roles: str, params: object) -> list[tuple[str, Pair]]:
    """Each wrong judged bead of the pair with its class."""
    output = align_pairs.align_case(case, roles, params=params)
    gold = [(frozenset(b["left"]), frozenset(b["right"])) for b in case.gold["beads"]]
    body = case.body
    out, seen = [], set()
    for bead in output:
        left, right = bead
        if not left or not right or not (left & body[0] or right & body[1]) or bead in seen:
            continue
        seen.add(bead)
        if bead not in gold:
            out.append((wrong_class(bead, gold, body), bead))
    return out


def main() -> None:
    study = align_study.start(
        __doc__.split("\n")[0], "paraphrase,translation", "one line per wrong bead"
    )
    if study is None:
        return
    args, params, kinds, table = study.args, study.params, study.kinds, study.table
    judged: Counter = Counter()
    ev = align_pairs.load_eval()
    for case, kind in study.cases():
        judged[kind] += align_pairs.score_case(ev, case, args.roles, params=params)["judged"]
        for name, bead in wrong_beads(case, args.roles, params):
            study.count((kind, name), case)
            if args.list:
                print(f"  {case.set_name:8} {kind[:5]:5} {case.name[:44]:44} {name:22} "
                      f"L{sorted(bead[0])} R{sorted(bead[1])}")  # fmt: skip
    for kind in kinds:
        total = sum(v for (k, _), v in table.items() if k == kind)
        print(f"\n{kind}: {judged[kind]} judged beads, {total} wrong\n| class | beads | batches |"
              "\n|---|---:|---:|")  # fmt: skip
        for _, n in sorted(((v, n) for (k, n), v in table.items() if k == kind), reverse=True):
            print(f"| {n} | {study.cells((kind, n))} |")


if __name__ == "__main__":
    main()
