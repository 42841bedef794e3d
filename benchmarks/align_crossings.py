"""Gold beads that cross a neighbour (a near swap) in the dev pairs, and what the tool outputs.

    .venv/bin/python benchmarks/align_crossings.py --cache PICKLE [--kinds copy,...] \\
        [--set FIELD=VALUE] [--list]

Why (round 26, para26b): a translator or paraphraser who swaps two neighbouring
sentences leaves a crossing the monotone DP cannot take; ``align_moves._crossed_links``
turns two nearby 1-1 links that match far better crosswise into moves, in every
language pair.  Before a broader pass is worth writing, the class must be counted:
two sure gold beads *cross* when one precedes the other on the left and follows it on
the right; they are *near* when at most two compared segments lie between them
on each side (an adjacent swap: none).  Each near-crossing gold bead is put in an
output class: ``move`` (found exactly, as a move), ``found`` (found exactly in
order: only possible for one of the two), ``missed``.  Counted per kind and per
batch, with the pairs holding them; ``--list`` prints each crossing with its
sentences.  For the two-language pairs (translations, paraphrases) the study adds each
crossing's coverage above chance (``BeadScorer.evidence``) of the two crossed pairs and the
two in-order ones, read from one ``align_scored`` over the pair's compared lines (the
product aligns role groups apart: close, not identical), and counts the crossings a local
pass could take (round 26's measured ``align_local_swaps``, not kept): both crossed pairs at
least .05 above chance and .03 above both in-order pairs.  Check batches
(``align_devsets.CHECK_SETS``) are never read.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_misses  # noqa: E402
import align_pairs  # noqa: E402
import align_study  # noqa: E402

from workbench.core.align import align_scored  # noqa: E402
from workbench.core.align_moves import move_links  # noqa: E402
from workbench.core.align_scoring import AlignParams  # noqa: E402

Span = tuple[frozenset[int], frozenset[int]]


def gold_positions(case: align_pairs.PairCase, done: object) -> list[tuple[Span, tuple, tuple]]:
    """Each sure gold bead with both sides present: (gold spans, left indices, right indices)
    in compared-segment order (``done.left`` / ``done.right``)."""
    spans = ([case.left.spans[k] for k in done.left], [case.right.spans[k] for k in done.right])
    out = []
    for bead in case.gold["beads"]:
        if bead["type"] != "sure" or not bead["left"] or not bead["right"]:
            continue
        at = tuple(tuple(n for n, s in enumerate(side) if s & set(bead[name]))
                   for side, name in zip(spans, ("left", "right"), strict=True))  # fmt: skip
        if at[0] and at[1]:
            out.append(((frozenset(bead["left"]), frozenset(bead["right"])), at[0], at[1]))
    return out


def near_crossings(beads: list[tuple[Span, tuple, tuple]], near: int) -> list[tuple[int, int]]:
    """Index pairs (a, b) of gold beads where a precedes b on the left and follows it on the
    right, with at most ``near`` compared segments between them on each side."""
    found = []
    for a, (_, la, ra) in enumerate(beads):
        for b, (_, lb, rb) in enumerate(beads):
            if max(la) < min(lb) and max(rb) < min(ra):
                if min(lb) - max(la) - 1 <= near and min(ra) - max(rb) - 1 <= near:
                    found.append((a, b))
    return found


def output_classes(case: align_pairs.PairCase, done: object) -> dict[Span, str]:
    """Each output bead as gold-span sets -> ``move`` or ``found`` (an in-order link)."""
    out = {}
    for bead in move_links(done.beads):
        left = frozenset().union(*(case.left.spans[done.left[k]] for k in bead.left))
        right = frozenset().union(*(case.right.spans[done.right[k]] for k in bead.right))
        out[left, right] = "move" if bead.move_to is not None else "found"
    return out


def crossing_evidence(scorer: object, first: tuple, second: tuple) -> tuple[float, float]:
    """(weaker crossed pair, stronger in-order pair): coverage above chance of the first
    sentences of two crossing gold beads (``first`` before ``second`` on the left)."""
    (_, la, ra), (_, lb, rb) = first, second
    crossed = (scorer.evidence(la[0], 1, ra[0], 1), scorer.evidence(lb[0], 1, rb[0], 1))
    straight = (scorer.evidence(la[0], 1, rb[0], 1), scorer.evidence(lb[0], 1, ra[0], 1))
    return min(crossed), max(straight)


def _scorer(case: align_pairs.PairCase, done: object, params: AlignParams) -> object:
    """The final scorer of one ``align_scored`` over the compared lines (with the MT)."""
    left = [case.left.texts[k] for k in done.left]
    right = [case.right.texts[k] for k in done.right]
    mt = [case.mt[k] for k in done.left] if case.mt is not None else None
    return align_scored(left, right, left_mt=mt, params=params)[1]


def case_rows(case: align_pairs.PairCase, roles: str, params: AlignParams, near: int,
              evidence: bool = False) -> list[tuple]:  # fmt: skip
    """(class of a, class of b, left text of a, right text of a, evidence or None) of each
    near crossing."""
    lroles, rroles = (s.gold_roles if roles == "gold" else s.roles for s in (case.left, case.right))
    done = align_pairs.compared(case, lroles, rroles, params=params)
    gold = gold_positions(case, done)
    classes = output_classes(case, done)
    crossings = near_crossings(gold, near)
    scorer = _scorer(case, done, params) if evidence and crossings else None
    rows = []
    for a, b in crossings:
        (ga, la, ra), (gb, _, _) = gold[a], gold[b]
        text = (" ".join(case.left.texts[done.left[k]] for k in la),
                " ".join(case.right.texts[done.right[k]] for k in ra))  # fmt: skip
        seen = crossing_evidence(scorer, gold[a], gold[b]) if scorer is not None else None
        rows.append((classes.get(ga, "missed"), classes.get(gb, "missed"), *text, seen))
    return rows


def main() -> None:
    study = align_study.start(__doc__.split("\n")[0], align_misses.ALL_KINDS,
                              "one line per crossing")  # fmt: skip
    if study is None:
        return
    near = 2
    args, params, kinds, table = study.args, study.params, study.kinds, study.table
    gate: Counter = Counter()  # two-language crossings by the local pass's gate and output
    sure: Counter = Counter()
    batches: dict[str, set[str]] = {}
    for case, kind in study.cases():
        sure[kind] += sum(b["type"] == "sure" for b in case.gold["beads"])
        two = kind in ("translation", "paraphrase")
        for first, second, left, right, seen in case_rows(case, args.roles, params, near, two):
            pair = "+".join(sorted((first, second)))
            table[kind, pair] += 1
            batches.setdefault(kind, set()).add(case.set_name)
            if seen is not None:
                gate["taken" if seen[0] >= 0.05 and seen[0] >= seen[1] + 0.03 else "not", pair] += 1
                gate["at or below chance" if seen[0] <= 0 else "above chance", pair] += 1
            if args.list:
                shown = "" if seen is None else f" crossed {seen[0]:.2f} in order {seen[1]:.2f}"
                print(f"  {case.set_name:8} {kind[:5]:5} {case.name[:40]:40} {first}/{second}"
                      f"{shown}\n      L: {left[:110]}\n      R: {right[:110]}")
    named = ("move+move", "found+move", "missed+move", "found+missed", "missed+missed")
    print(f"\nnear crossings (<= {near} segments between) of sure gold beads, dev pairs")
    print("| kind | sure beads | crossings | " + " | ".join(named) + " | batches |")
    print("|---|---:|---:|" + "---:|" * len(named) + "---|")
    for kind in kinds:
        rows = {p: v for (k, p), v in table.items() if k == kind}
        held = ",".join(sorted(b.removeprefix("batch") for b in batches.get(kind, ())))
        print(f"| {kind} | {sure[kind]} | {sum(rows.values())} | "
              + " | ".join(str(rows.get(p, 0)) for p in named) + f" | {held} |")
    print("\ntwo-language crossings: weaker crossed pair against the stronger in-order pair")
    print("| | " + " | ".join(named) + " |\n|---|" + "---:|" * len(named))
    for row in ("taken", "not", "above chance", "at or below chance"):
        print(f"| {row} | " + " | ".join(str(gate[row, p]) for p in named) + " |")


if __name__ == "__main__":
    main()
