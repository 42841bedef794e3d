"""Joined and split sentences: each gold N-M bead of the dev pairs, and what the aligner outputs.

    .venv/bin/python benchmarks/align_joins.py --cache PICKLE [--roles tool|gold] \\
        [--set FIELD=VALUE] [--kinds rewrite,paraphrase] [--list]

Why: issue 16's rewrites and paraphrases lose many sure beads where one outlet joined two
sentences into one or split one into two (gold 1-2, 2-1, 2-2).  ``align_misses`` names a
miss by the output around it; here only the N-M gold beads are read, and the question is
what a join or a split step would need: are the output beads that touch the gold bead all
*inside* it (its parts: a 1-1 and an unmatched half, or two 1-1 of a 2-2, which joining
alone would fix), or does one of them reach outside it (a wrong partner: a join alone does
not fix it)?  Each sure N-M gold bead is put in one class:

* ``found``;
* ``role``: a gold span of it is not in the story the aligner saw;
* ``segment wider``: a story segment holds a gold sentence of it and one outside it;
* ``parts: link + unmatched``: every output bead touching it lies inside it, one is a
  link and at least one sentence is unmatched (the 2-1 found as a 1-1 and an orphan);
* ``parts: links``: every output bead touching it lies inside it and there are several
  links (a 2-2 found as two 1-1), no unmatched sentence;
* ``parts: unmatched``: all its sentences unmatched;
* ``glued``: one output bead holds it and more;
* ``wrong partner``: an output bead touching it reaches outside it.

Check batches (``align_devsets.CHECK_SETS``) are never read here.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_misses  # noqa: E402
import align_pairs  # noqa: E402
import align_study  # noqa: E402
import align_xlang_misses  # noqa: E402

from workbench.core.align_scoring import AlignParams  # noqa: E402

Pair = tuple[frozenset[int], frozenset[int]]


def shape(gold: Pair) -> str:
    return f"{len(gold[0])}-{len(gold[1])}"


def classify(gold: Pair, output: list[Pair], story: Pair) -> str:
    """The class of one sure N-M gold bead against the output beads (module docstring)."""
    if gold in output:
        return "found"
    if not (gold[0] <= story[0] and gold[1] <= story[1]):
        return "role"
    touching = [b for b in output if b[0] & gold[0] or b[1] & gold[1]]
    if any(b[0] >= gold[0] and b[1] >= gold[1] for b in touching):
        return "glued"
    if any(b[0] - gold[0] or b[1] - gold[1] for b in touching):
        return "wrong partner"
    links = [b for b in touching if b[0] and b[1]]
    if not links:
        return "parts: unmatched"
    if len(links) < len(touching):
        return "parts: link + unmatched"
    return "parts: links"


def case_classes(case: align_pairs.PairCase, roles: str, params: AlignParams
                 ) -> list[tuple[str, str]]:  # fmt: skip
    """(gold shape, class) of each sure N-M gold bead of the pair."""
    _, output = align_pairs.case_beads(case, roles, params=params)
    ids = [align_pairs._story(side, roles) for side in (case.left, case.right)]
    story = tuple(frozenset().union(*(side.spans[k] for k in ids[s]))
                  for s, side in enumerate((case.left, case.right)))  # fmt: skip
    out = []
    for bead in case.gold["beads"]:
        gold = (frozenset(bead["left"]), frozenset(bead["right"]))
        if bead["type"] != "sure" or len(gold[0]) == len(gold[1]) == 1:
            continue
        if not gold[0] or not gold[1]:
            continue
        name = classify(gold, output, story)  # type: ignore[arg-type]
        wider = align_xlang_misses.wider_segment((case.left.spans, case.right.spans), ids, gold)
        if name not in ("found", "role") and wider:
            name = "segment wider"
        out.append((shape(gold), name))
    return out


def main() -> None:
    study = align_study.start(
        __doc__.split("\n")[0], align_misses.ALL_KINDS, "one line per N-M gold bead missed"
    )
    if study is None:
        return
    args, table, batches = study.args, study.table, study.batches
    for case, kind in study.cases():
        for form, name in case_classes(case, args.roles, study.params):
            study.count((kind, name), case)
            table[kind, f"  {form}"] += 1  # the form's count, no batches: not a class
            if args.list and name != "found":
                print(f"  {case.set_name:8} {kind[:5]:5} {case.name[:44]:44} {form} {name}")
    for kind in study.kinds:
        total = sum(v for (k, n), v in table.items() if k == kind and not n.startswith(" "))
        print(f"{kind}: {total} sure N-M gold beads")
        for (k, n), v in sorted(table.items(), key=lambda kv: -kv[1]):
            if k == kind:
                where = f"  in {len(batches[k, n])} batches" if (k, n) in batches else ""
                print(f"  {n:26} {v:4}{where}")


if __name__ == "__main__":
    main()
