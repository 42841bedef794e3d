"""Do the missed 1-1 beads of the dev paraphrases share an anchor? Each by class and anchor.

    .venv/bin/python benchmarks/align_para_anchors.py --cache PICKLE [--kinds paraphrase] \\
        [--set FIELD=VALUE] [--list]

Why (round 26, para26): a rule that weights anchor evidence or pairs unmatched
sentences between links only carries if the beads a paraphrase loses hold anchors
the aligner can read.  Each sure gold 1-1 bead whose two sentences are one compared
segment each is put in a class read from the output (``found``; ``both unmatched``;
``one unmatched``: one side linked elsewhere; ``linked elsewhere``: both sides in other
links or in a larger bead) and in an anchor class: the anchor keys the aligner's scorer
reads (``align_views.anchor_sets``: numbers, name skeletons, spelled numbers, calendar
words) that the two sentences share, ``unique`` when one of them no other sentence of
either document holds (``anchors.unique_anchors``, what ``link_anchor_twins`` pins on),
``shared`` when only common ones, ``none`` otherwise.  The found beads give the base
rate.  ``--list`` prints each missed bead with its keys and its two sentences.  Check
batches (``align_devsets.CHECK_SETS``) are never read.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_pairs  # noqa: E402
import align_study  # noqa: E402

from workbench.core.align_scoring import AlignParams  # noqa: E402
from workbench.core.align_views import anchor_sets  # noqa: E402
from workbench.core.anchors import unique_anchors  # noqa: E402


def anchor_class(keys: tuple[frozenset[str], frozenset[str]],
                 unique: tuple[frozenset[str], frozenset[str]]) -> str:  # fmt: skip
    """``unique`` / ``shared`` / ``none``: what the two sentences' anchor keys have in common."""
    if unique[0] & unique[1]:
        return "unique"
    return "shared" if keys[0] & keys[1] else "none"


def place(i: int, j: int, output: list) -> str:
    """The output class of a gold 1-1 (compared indices ``i``, ``j``) the aligner missed."""
    left = next(b for b in output if i in b.left)
    right = next(b for b in output if j in b.right)
    if not left.right and not right.left:
        return "both unmatched"
    if not left.right or not right.left:
        return "one unmatched"
    return "linked elsewhere"


def case_rows(case: align_pairs.PairCase, roles: str, params: AlignParams) -> list[tuple]:
    """(output class, anchor class, left text, right text, shared keys) of each sure gold 1-1."""
    return [row[:5] for row in case_study(case, roles, params)[0]]


def case_study(case: align_pairs.PairCase, roles: str, params: AlignParams
               ) -> tuple[list[tuple], tuple[list[str], list[str]], Any]:  # fmt: skip
    """``case_rows`` with each bead's compared indices (``i``, ``j`` last), the compared
    texts of both sides and the compared pair itself (``align_pairs.compared``): what
    ``align_para_table`` scores other evidence on."""
    lroles, rroles = (s.gold_roles if roles == "gold" else s.roles for s in (case.left, case.right))
    done = align_pairs.compared(case, lroles, rroles, params=params)
    texts = ([case.left.texts[k] for k in done.left], [case.right.texts[k] for k in done.right])
    keys = tuple(anchor_sets(t, {}, params.calendar_anchor_max) for t in texts)
    unique = tuple(unique_anchors(k) for k in keys)
    spans = ([case.left.spans[k] for k in done.left], [case.right.spans[k] for k in done.right])
    found = set(align_pairs.span_beads(case, done))
    rows = []
    for bead in case.gold["beads"]:
        if bead["type"] != "sure" or len(bead["left"]) != 1 or len(bead["right"]) != 1:
            continue
        at = [[n for n, s in enumerate(side) if s & set(bead[name])]
              for side, name in zip(spans, ("left", "right"), strict=True)]  # fmt: skip
        if len(at[0]) != 1 or len(at[1]) != 1:
            continue  # a gold sentence cut into segments: segmentation, not anchors
        i, j = at[0][0], at[1][0]
        gold = (frozenset(bead["left"]), frozenset(bead["right"]))
        output = "found" if gold in found else place(i, j, done.beads)
        kind = anchor_class((keys[0][i], keys[1][j]), (unique[0][i], unique[1][j]))
        shared = sorted(keys[0][i] & keys[1][j])
        rows.append((output, kind, texts[0][i], texts[1][j], shared, i, j))
    return rows, (texts[0], texts[1]), done


def main() -> None:
    study = align_study.start(__doc__.split("\n")[0], "paraphrase", "one line per missed bead")
    if study is None:
        return
    args, table = study.args, study.table
    pairs: dict[tuple[str, str], set[str]] = {}
    for case, _ in study.cases():
        for output, kind, left, right, shared in case_rows(case, args.roles, study.params):
            table[output, kind] += 1
            pairs.setdefault((output, kind), set()).add(case.name)
            if args.list and output != "found":
                print(
                    f"  {case.set_name:8} {case.name[:40]:40} {output} / {kind} {shared}\n"
                    f"      L: {left[:110]}\n      R: {right[:110]}"
                )
    print(f"\nsure gold 1-1 beads of the dev {args.kinds} pairs, by output and shared anchors")
    print("| output | unique | shared | none | pairs |\n|---|---:|---:|---:|---:|")
    for output in ("found", "both unmatched", "one unmatched", "linked elsewhere"):
        cells = [str(table[output, k]) for k in ("unique", "shared", "none")]
        held = set().union(*(pairs.get((output, k), set()) for k in ("unique", "shared", "none")))
        print(f"| {output} | " + " | ".join(cells) + f" | {len(held)} |")


if __name__ == "__main__":
    main()
