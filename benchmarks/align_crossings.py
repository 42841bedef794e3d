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
sentences.  Check batches (``align_devsets.CHECK_SETS``) are never read.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_misses  # noqa: E402
import align_pairs  # noqa: E402

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


def case_rows(case: align_pairs.PairCase, roles: str, params: AlignParams, near: int
              ) -> list[tuple[str, str, str, str]]:  # fmt: skip
    """(class of a, class of b, left text of a, right text of a) of each near crossing."""
    lroles, rroles = (s.gold_roles if roles == "gold" else s.roles for s in (case.left, case.right))
    done = align_pairs.compared(case, lroles, rroles, params=params)
    gold = gold_positions(case, done)
    classes = output_classes(case, done)
    rows = []
    for a, b in near_crossings(gold, near):
        (ga, la, ra), (gb, _, _) = gold[a], gold[b]
        text = (" ".join(case.left.texts[done.left[k]] for k in la),
                " ".join(case.right.texts[done.right[k]] for k in ra))  # fmt: skip
        rows.append((classes.get(ga, "missed"), classes.get(gb, "missed"), *text))
    return rows


def main() -> None:
    args = align_misses.study_args(__doc__.split("\n")[0], align_misses.ALL_KINDS,
                                   "one line per crossing")  # fmt: skip
    if args is None:
        return
    near = 2
    params = align_misses.parse_set(args.set)
    kinds = args.kinds.split(",")
    table: Counter = Counter()
    sure: Counter = Counter()
    batches: dict[str, set[str]] = {}
    for case in align_pairs.cached_cases(args.cache):
        kind = align_pairs.pair_kind(case)
        if case.set_name in align_pairs.CHECK_SETS or kind not in kinds:
            continue
        sure[kind] += sum(b["type"] == "sure" for b in case.gold["beads"])
        for first, second, left, right in case_rows(case, args.roles, params, near):
            pair = "+".join(sorted((first, second)))
            table[kind, pair] += 1
            batches.setdefault(kind, set()).add(case.set_name)
            if args.list:
                print(f"  {case.set_name:8} {kind[:5]:5} {case.name[:40]:40} {first}/{second}\n"
                      f"      L: {left[:110]}\n      R: {right[:110]}")
    named = ("move+move", "found+move", "missed+move", "found+missed", "missed+missed")
    print(f"\nnear crossings (<= {near} segments between) of sure gold beads, dev pairs")
    print("| kind | sure beads | crossings | " + " | ".join(named) + " | batches |")
    print("|---|---:|---:|" + "---:|" * len(named) + "---|")
    for kind in kinds:
        rows = {p: v for (k, p), v in table.items() if k == kind}
        held = ",".join(sorted(b.removeprefix("batch") for b in batches.get(kind, ())))
        print(f"| {kind} | {sure[kind]} | {sum(rows.values())} | "
              + " | ".join(str(rows.get(p, 0)) for p in named) + f" | {held} |")

if __name__ == "__main__":
    main()
